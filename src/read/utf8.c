/*
 * utf8.c — making raw bytes into the document text: valid UTF-8, no NULs,
 * "\n" line ends, NFC.
 *
 * Most input is plain ASCII, or ASCII with a few curly quotes and accented
 * names, so every step has a fast path: eight bytes at a time while they are
 * ASCII, and NFC only for the stretches of text that could change under it.
 */
#include "read_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const uint64_t ONES = 0x0101010101010101ull;
static const uint64_t HIGHS = 0x8080808080808080ull;

/* True if one of the eight bytes of w is zero (the classic bit trick). */
static inline bool word_has_zero(uint64_t w)
{
    return ((w - ONES) & ~w & HIGHS) != 0;
}

/* True if all eight bytes are ASCII, none NUL and none CR: the bytes that
 * utf8_clean copies unchanged. */
static inline bool word_is_plain(uint64_t w)
{
    return (w & HIGHS) == 0 && !word_has_zero(w) && !word_has_zero(w ^ (ONES * (uint64_t)'\r'));
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
        if (c >= 0x80 || c == 0 || c == '\r')
            return false;
    }
    return true;
}

/* Length of the well-formed UTF-8 sequence starting at s (Unicode table
 * 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or 0. */
static size_t utf8_valid_sequence(const unsigned char *s, size_t avail)
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
            i++;
            if (c == 0)
                continue;
            if (c == '\r') {
                c = '\n';
                if (i < len && s[i] == '\n')
                    i++;
            }
            *d++ = (unsigned char)c;
            continue;
        }
        size_t n = utf8_valid_sequence(s + i, len - i);
        if (n) {
            memcpy(d, s + i, n);
            d += n;
            i += n;
        } else {
            /* One U+FFFD per bad byte: simple, and the count in the warning
             * is then the number of bytes that were wrong. */
            *d++ = 0xEF, *d++ = 0xBF, *d++ = 0xBD;
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
            if (s[i] == 0 || s[i] == '\r')
                return false;
            i++;
            continue;
        }
        size_t n = utf8_valid_sequence(s + i, len - i);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

/* Decodes the code point at s (valid UTF-8) and its length. */
static inline int32_t utf8_decode(const unsigned char *s, size_t *len)
{
    if (s[0] < 0xE0) {
        *len = 2;
        return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if (s[0] < 0xF0) {
        *len = 3;
        return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* True if code point c can neither change nor make a neighbour change under
 * NFC on its own: a starter with no canonical decomposition that is never
 * the second half of a composition. (The first half of a composition is
 * safe: the second half that would join it is not, and then the whole run
 * around both is normalised.) */
static bool nfc_inert(int32_t c)
{
    if (c < 0x300 || (c >= 0x2010 && c <= 0x205E))
        return true; /* Latin-1, Latin Extended, curly quotes and dashes */
    if (c >= 0x1100 && c <= 0x11FF)
        return false; /* Hangul jamo compose algorithmically */
    const utf8proc_property_t *p = utf8proc_get_property(c);
    if (p->combining_class != 0)
        return false;
    if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0)
        return false; /* canonical decomposition */
    if (p->comb_index != UINT16_MAX && (p->comb_index & 0x8000))
        return false; /* second half of a composition pair */
    return true;
}

bool utf8_nfc(const char *text, size_t n, Buffer *out)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t copied = 0; /* s[0..copied) is already in out */
    bool changed = false;
    size_t i = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        /* A run of non-ASCII code points. ASCII characters are starters
         * that never combine with what precedes them, so runs can be
         * normalised one by one, each with the ASCII letter before it (an
         * "e" followed by U+0301 becomes "é"). */
        size_t start = (i > 0) ? i - 1 : i;
        bool inert = true;
        while (i < n && s[i] >= 0x80) {
            size_t len;
            int32_t c = utf8_decode(s + i, &len);
            if (inert && !nfc_inert(c))
                inert = false;
            i += len;
        }
        if (inert)
            continue;
        utf8proc_uint8_t *norm = NULL;
        utf8proc_ssize_t m = utf8proc_map(s + start, (utf8proc_ssize_t)(i - start), &norm,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m < 0) { /* cannot happen on valid UTF-8; keep the bytes */
            free(norm);
            continue;
        }
        if (!changed)
            buffer_reserve(out, n + 16);
        changed = true;
        buffer_append(out, s + copied, start - copied);
        buffer_append(out, norm, (size_t)m);
        free(norm);
        copied = i;
    }
    if (changed)
        buffer_append(out, s + copied, n - copied);
    return changed;
}

char *text_normalize(Arena *arena, const char *data, size_t len, size_t *out_len, size_t *bad_bytes)
{
    *bad_bytes = 0;
    if (ascii_is_clean(data, len)) {
        *out_len = len;
        return arena_strndup(arena, data, len);
    }
    /* Repair into a scratch copy only when something needs repair: most
     * non-ASCII input is valid UTF-8 already. */
    char *repaired = NULL;
    const char *s = data;
    size_t n = len;
    if (!utf8_is_clean(data, len)) {
        if (len > (SIZE_MAX - 1) / 3)
            abort(); /* cannot be a real input */
        repaired = malloc(3 * len + 1);
        if (!repaired) {
            fputs("sitrep: out of memory\n", stderr);
            abort();
        }
        n = utf8_clean(data, len, repaired, bad_bytes);
        s = repaired;
    }
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3; /* a byte-order mark says nothing in UTF-8 */
        n -= 3;
    }
    char *text;
    Buffer nfc;
    buffer_init(&nfc);
    if (utf8_nfc(s, n, &nfc)) {
        text = arena_strndup(arena, nfc.data, nfc.len);
        *out_len = nfc.len;
    } else {
        text = arena_strndup(arena, s, n);
        *out_len = n;
    }
    buffer_free(&nfc);
    free(repaired);
    return text;
}

char *utf8_repair_input(const char *data, size_t len, size_t *out_len, const char *path,
                        Diagnostics *diag)
{
    *out_len = len;
    if (utf8_is_clean(data, len))
        return NULL;
    if (len > (SIZE_MAX - 1) / 3)
        abort();
    char *repaired = malloc(3 * len + 1);
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
        diag_report(diag, DIAG_WARNING, path, 0, "invalid UTF-8: %zu byte%s replaced by U+FFFD",
                    bad, bad == 1 ? "" : "s");
}
