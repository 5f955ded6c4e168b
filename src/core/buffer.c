/* buffer.c — growable NUL-terminated byte buffer and JSON string output. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

void buffer_init(Buffer *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void buffer_reserve(Buffer *b, size_t extra)
{
    /* len + extra + 1 must not wrap around, nor the doubling below. */
    if (extra > SIZE_MAX - 1 - b->len) {
        fprintf(stderr, "sitrep: buffer of %zu + %zu bytes overflows\n", b->len, extra);
        abort();
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        fprintf(stderr, "sitrep: out of memory (%zu bytes)\n", cap);
        abort();
    }
    b->data = p;
    b->cap = cap;
}

/* The room for n more bytes and the NUL is there already (cap > len
 * whenever cap is set, so the subtraction cannot wrap): the common case,
 * without the call. */
static inline bool buffer_has_room(const Buffer *b, size_t n)
{
    return n < b->cap - b->len;
}

void buffer_append(Buffer *b, const void *data, size_t n)
{
    if (!buffer_has_room(b, n))
        buffer_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buffer_append_str(Buffer *b, const char *s)
{
    buffer_append(b, s, strlen(s));
}

void buffer_append_char(Buffer *b, char c)
{
    if (!buffer_has_room(b, 1))
        buffer_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void buffer_vprintf(Buffer *b, const char *fmt, va_list ap)
{
    /* Try the space already there; grow and format again only if short. */
    va_list ap2;
    va_copy(ap2, ap);
    buffer_reserve(b, 64);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, ap);
    if (n > 0 && (size_t)n >= room) {
        buffer_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
    }
    if (n > 0)
        b->len += (size_t)n;
    b->data[b->len] = '\0';
    va_end(ap2);
}

void buffer_printf(Buffer *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buffer_vprintf(b, fmt, ap);
    va_end(ap);
}

void buffer_clear(Buffer *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void buffer_free(Buffer *b)
{
    free(b->data);
    buffer_init(b);
}

/* Bytes JSON cannot take as they are: control characters, '"', '\\'. */
static const bool json_needs_escape[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
    [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, ['"'] = 1,  ['\\'] = 1,
};

#ifdef __SSE2__
/* Bit k set where byte k of x needs escaping: unsigned x <= 0x1F (then
 * min(x, 0x1F) == x), '"' or '\\'. */
static inline unsigned escape_mask(__m128i x)
{
    const __m128i ctl_max = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'),
                  backslash = _mm_set1_epi8('\\');
    __m128i hit =
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(x, ctl_max), x),
                     _mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)));
    return (unsigned)_mm_movemask_epi8(hit);
}

/* Copies s[0..n) to o when no byte of it needs escaping, for 4 <= n < 16:
 * two loads of 8 (or 4) bytes that overlap in the middle cover the whole
 * string without reading past it. Returns false, having copied garbage
 * that the caller overwrites, when a byte needs escaping. */
static inline bool copy_plain_short(char *o, const char *s, size_t n)
{
    __m128i lo, hi;
    unsigned keep;
    if (n >= 8) {
        lo = _mm_loadl_epi64((const __m128i *)(const void *)s);
        hi = _mm_loadl_epi64((const __m128i *)(const void *)(s + n - 8));
        _mm_storel_epi64((__m128i *)(void *)o, lo);
        _mm_storel_epi64((__m128i *)(void *)(o + n - 8), hi);
        keep = 0xFF; /* the upper 8 lanes are zeros, which would "need escaping" */
    } else {
        int32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(o, &a, 4);
        memcpy(o + n - 4, &b, 4);
        lo = _mm_cvtsi32_si128(a);
        hi = _mm_cvtsi32_si128(b);
        keep = 0xF;
    }
    return ((escape_mask(lo) | escape_mask(hi)) & keep) == 0;
}
#endif

/* Writes straight into the buffer: room for the quotes and every byte
 * unescaped is made once up front, and each escape (rare) makes room for
 * its extra bytes. Text is copied while it is checked: 16 bytes at a time
 * where SSE2 is there (every x86-64) — the block is stored whole and the
 * write position advanced only past its plain bytes. The last bytes are
 * checked as one block too, the 16 that end the string (overlapping bytes
 * already done), and a string shorter than 16 as two overlapping halves:
 * most strings written are names and short values, and a byte-by-byte
 * tail cost more than the rest of the string. Bytes are copied one by one
 * only around an escape, and where SSE2 is missing. */
void json_write_string(Buffer *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    if (n + 2 >= b->cap - b->len) /* also when nothing is allocated: cap 0 */
        buffer_reserve(b, n + 2);
    char *o = b->data + b->len;
    *o++ = '"';
    const char *o0 = o; /* where s[0] goes: o == o0 + i until an escape */
    size_t i = 0;
#ifdef __SSE2__
    if (n >= 4 && n < 16 && copy_plain_short(o, s, n)) {
        o += n;
        i = n;
    }
#endif
    while (i < n) {
#ifdef __SSE2__
        unsigned mask = 0;
        /* Storing 16 bytes is safe: there is room for the n - i >= 16
         * bytes still to come. */
        while (n - i >= 16) {
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            _mm_storeu_si128((__m128i *)(void *)o, x);
            mask = escape_mask(x);
            if (mask)
                break;
            o += 16;
            i += 16;
        }
        if (mask) {
            size_t k = (size_t)__builtin_ctz(mask);
            o += k;
            i += k;
        } else if (n >= 16 && o == o0 + i) {
            /* Fewer than 16 bytes left of a longer string, and no escape
             * yet (so output and input still line up): the block that
             * ends the string, stored where its bytes go. Its bytes before
             * i were checked already and have no bits in the mask. */
            size_t back = 16 - (n - i);
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            _mm_storeu_si128((__m128i *)(void *)(o - back), x);
            mask = escape_mask(x);
            size_t k = mask ? (size_t)__builtin_ctz(mask) - back : n - i;
            o += k;
            i += k;
        } else
#endif
        {
            while (i < n && !json_needs_escape[(unsigned char)s[i]])
                *o++ = s[i++];
        }
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i++];
        /* Room for this escape (at most 6 bytes), the rest unescaped, the
         * closing quote and the NUL. */
        size_t used = (size_t)(o - b->data);
        if (b->cap - used < 6 + (n - i) + 2) {
            b->len = used;
            buffer_reserve(b, 6 + (n - i) + 1);
            o = b->data + used;
        }
        *o++ = '\\';
        switch (c) {
        case '"':
            *o++ = '"';
            break;
        case '\\':
            *o++ = '\\';
            break;
        case '\n':
            *o++ = 'n';
            break;
        case '\r':
            *o++ = 'r';
            break;
        case '\t':
            *o++ = 't';
            break;
        default:
            o[0] = 'u', o[1] = '0', o[2] = '0', o[3] = hex[c >> 4], o[4] = hex[c & 15];
            o += 5;
        }
    }
    *o++ = '"';
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
}

void json_write_cstr(Buffer *b, const char *s)
{
    if (!s)
        buffer_append(b, "null", 4);
    else
        json_write_string(b, s, strlen(s));
}
