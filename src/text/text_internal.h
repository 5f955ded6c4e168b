/*
 * text_internal.h — helpers shared by the files of the text stage only
 * (date_lines.c, lines.c, sentences.c, articles.c). Not part of the stage's interface.
 */
#ifndef SITREP_TEXT_INTERNAL_H
#define SITREP_TEXT_INTERNAL_H

#include "text.h"

/* Length of a publication label in front of a date ("Posted on ",
 * "Published ", "Date of publication ", "Last updated at ", "Updated: ",
 * "Date: "), or 0. */
size_t text_date_label_len(const char *s, size_t n);

/* Finds the first date that starts at a word start in s[0..n). With
 * month_year, "August 2016" (no day) also counts, as a month-precision
 * date. Returns the date's length and stores its offset in *at, or 0. */
size_t text_find_date(const char *s, size_t n, bool month_year, Date *out, size_t *at);

/* "March 3" / "3 March" without a year (datelines). Returns the length
 * consumed, or 0. */
size_t text_parse_month_day(const char *s, size_t n, int *month, int *day);

/* 1..12 for a month name or abbreviation of exactly s[0..n), else 0. */
int text_month_from_word(const char *s, size_t n);

static inline bool is_ascii_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline bool is_ascii_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}
static inline bool is_ascii_lower(char c)
{
    return c >= 'a' && c <= 'z';
}
static inline bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}
static inline bool is_ascii_alpha(char c)
{
    return is_ascii_upper(c) || is_ascii_lower(c);
}
static inline char ascii_lower(char c)
{
    return is_ascii_upper(c) ? (char)(c + 32) : c;
}

/* Length of a horizontal space at s[0..n): ' ', '\t', the UTF-8 no-break
 * and thin spaces pages use (U+00A0, U+2009, U+202F), or a byte-order mark
 * (U+FEFF, which a text file keeps at its start so that offsets stay the
 * file's); 0 if none. */
static inline size_t hspace_len(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t'))
        return 1;
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
        return 2;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x89 || (unsigned char)s[2] == 0xAF))
        return 3;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        return 3;
    return 0;
}

/* Length of the horizontal space that ends at s[n-1] (see hspace_len; a
 * CR before a line feed counts too). */
static inline size_t hspace_len_back(const char *s, size_t n)
{
    if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        return 1;
    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
        return 2;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE2 && (unsigned char)s[n - 2] == 0x80 &&
        ((unsigned char)s[n - 1] == 0x89 || (unsigned char)s[n - 1] == 0xAF))
        return 3;
    if (n >= 3 && (unsigned char)s[n - 3] == 0xEF && (unsigned char)s[n - 2] == 0xBB &&
        (unsigned char)s[n - 1] == 0xBF)
        return 3;
    return 0;
}

/* Case-insensitive: does s[0..n) start with the ASCII word w? */
bool text_starts_with_ci(const char *s, size_t n, const char *w);

/* The same for a word w[0..wn) of known length (lower case): inlined, for
 * the tables of phrases tried on every line. */
static inline bool text_starts_with_ci_n(const char *s, size_t n, const char *w, size_t wn)
{
    if (wn > n)
        return false;
    for (size_t i = 0; i < wn; i++)
        if (ascii_lower(s[i]) != w[i])
            return false;
    return true;
}

#endif
