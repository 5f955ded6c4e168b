/*
 * utf8.c — making raw bytes into the document text without moving them.
 *
 * Later stages report byte offsets "in the input", so the repair keeps
 * every byte where it was: valid UTF-8 is copied as it is (CR bytes, a
 * byte-order mark and decomposed accents included), each byte that is not
 * part of a well-formed sequence becomes one '?', and each NUL one space.
 * The text keeps the length of the input. Nothing is normalised (no NFC):
 * matching folds accents itself (src/lex/fold.c decomposes every code
 * point), so "o" + U+0301 and a precomposed "ó" match alike.
 *
 * Most input is plain ASCII, or ASCII with a few curly quotes and accented
 * names, so the checks go eight bytes at a time while they are ASCII.
 */
#include "read_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const uint64_t ONES = 0x0101010101010101ull;
static const uint64_t HIGHS = 0x8080808080808080ull;

/* True if one of the eight bytes of w is zero (the classic bit trick). */
static inline bool word_has_zero(uint64_t w)
{
    return ((w - ONES) & ~w & HIGHS) != 0;
}

/* True if all eight bytes are ASCII and none is NUL: the bytes that
 * utf8_clean copies unchanged. */
static inline bool word_is_plain(uint64_t w)
{
    return (w & HIGHS) == 0 && !word_has_zero(w);
}

bool ascii_is_clean(const char *data, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, data + i, 8);
        if (!word_is_plain(w))
            return false;
    }
    for (; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c >= 0x80 || c == 0)
            return false;
    }
    return true;
}

/* Length of the well-formed UTF-8 sequence starting at s (Unicode table
 * 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or 0. */
size_t utf8_sequence_length(const unsigned char *s, size_t avail)
{
    unsigned c = s[0];
    unsigned lo = 0x80, hi = 0xBF;
    size_t n;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        else if (c == 0xED)
            hi = 0x9F; /* surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        else if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
    } else {
        return 0;
    }
    if (avail < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

size_t utf8_clean(const char *src, size_t len, char *dst, size_t *bad_bytes)
{
    const unsigned char *s = (const unsigned char *)src;
    unsigned char *d = (unsigned char *)dst;
    size_t i = 0, bad = 0;
    while (i < len) {
        /* Fast path: copy ASCII eight bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!word_is_plain(w))
                break;
            memcpy(d, &w, 8);
            d += 8;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            /* A NUL would cut the C string the text also is. */
            *d++ = c == 0 ? ' ' : (unsigned char)c;
            i++;
            continue;
        }
        size_t n = utf8_sequence_length(s + i, len - i);
        if (n) {
            memcpy(d, s + i, n);
            d += n;
            i += n;
        } else {
            /* One byte for one byte, so offsets stay put; the count in the
             * warning is then the number of bytes that were wrong. */
            *d++ = '?';
            bad++;
            i++;
        }
    }
    *d = '\0';
    if (bad_bytes)
        *bad_bytes = bad;
    return (size_t)(d - (unsigned char *)dst);
}

bool utf8_is_clean(const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    size_t i = 0;
    while (i < len) {
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!word_is_plain(w))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (s[i] < 0x80) {
            if (s[i] == 0)
                return false;
            i++;
            continue;
        }
        size_t n = utf8_sequence_length(s + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

char *text_repair(Arena *arena, const char *data, size_t len, size_t *bad_bytes)
{
    *bad_bytes = 0;
    if (ascii_is_clean(data, len) || utf8_is_clean(data, len))
        return arena_strndup(arena, data, len);
    char *text = arena_alloc(arena, len + 1);
    utf8_clean(data, len, text, bad_bytes);
    return text;
}

char *utf8_repair_input(const char *data, size_t len, size_t *out_len, const char *path,
                        Diagnostics *diag)
{
    *out_len = len;
    if (utf8_is_clean(data, len))
        return NULL;
    char *repaired = malloc(len + 1);
    if (!repaired) {
        fputs("sitrep: out of memory\n", stderr);
        abort();
    }
    size_t bad = 0;
    *out_len = utf8_clean(data, len, repaired, &bad);
    utf8_report_repair(diag, path, bad);
    return repaired;
}

void utf8_report_repair(Diagnostics *diag, const char *path, size_t bad)
{
    if (bad > 0)
        diag_report(diag, DIAG_WARNING, path, 0, "invalid UTF-8: %zu byte%s replaced by '?'", bad,
                    bad == 1 ? "" : "s");
}
