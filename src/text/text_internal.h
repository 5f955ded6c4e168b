/*
 * text_internal.h — helpers shared by the files of the text stage only
 * (date_lines.c, lines.c, sentences.c, articles.c). Not part of the stage's interface.
 */
#ifndef SITREP_TEXT_INTERNAL_H
#define SITREP_TEXT_INTERNAL_H

#include "text.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
    /* Setting bit 0x20 maps 'A'..'Z' onto 'a'..'z' and nothing else there:
     * one range test instead of two (every scan of the stage asks). */
    return (unsigned)(((unsigned char)c | 0x20) - 'a') < 26u;
}
static inline char ascii_lower(char c)
{
    return is_ascii_upper(c) ? (char)(c + 32) : c;
}

/* Is there an ASCII digit in s[0..n)? Every date the parsers read has
 * one (a day or a year), so a line without digits is turned away before
 * its words are tried one by one. 16 bytes at a time where SSE2 is there:
 * digits are the bytes above '0' - 1 and below '9' + 1 (signed compares,
 * which bytes >= 0x80 fail as negatives). */
static inline bool has_ascii_digit(const char *s, size_t n)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i below = _mm_set1_epi8('0' - 1), above = _mm_set1_epi8('9' + 1);
    for (; n - i >= 16; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(x, below), _mm_cmplt_epi8(x, above));
        if (_mm_movemask_epi8(digit))
            return true;
    }
#endif
    for (; i < n; i++)
        if (is_ascii_digit(s[i]))
            return true;
    return false;
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
