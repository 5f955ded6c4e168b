/*
 * ascii.h — case and class tests of single bytes for the readers of the
 * extract stage (counts, dates, cue phrases). sitrep never sets a locale, so case folding is the C
 * locale's, A-Z only: these give the same answers as tolower()/isalpha()/isdigit() without a call
 * into libc per byte.
 */
#ifndef SITREP_EXTRACT_ASCII_H
#define SITREP_EXTRACT_ASCII_H

#include <stdbool.h>

/* c is a byte (0-255) or -1; without a branch, as it runs at every word */
static inline int ascii_lower(int c)
{
    unsigned u = (unsigned)c;
    return (int)(u | (unsigned)(u - 'A' < 26u) << 5);
}

static inline bool ascii_alpha(int c)
{
    return (unsigned)((c | 0x20) - 'a') < 26;
}

static inline bool ascii_digit(int c)
{
    return (unsigned)(c - '0') < 10;
}

#endif
