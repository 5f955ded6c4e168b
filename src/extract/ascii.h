/*
 * ascii.h — case and class tests of single bytes for the readers of counts
 * and dates. sitrep never sets a locale, so case folding is the C locale's,
 * A-Z only: these give the same answers as tolower()/isalpha()/isdigit()
 * without a call into libc per byte.
 */
#ifndef SITREP_EXTRACT_ASCII_H
#define SITREP_EXTRACT_ASCII_H

#include <stdbool.h>

static inline int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
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
