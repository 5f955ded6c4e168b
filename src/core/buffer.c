/* buffer.c — growable NUL-terminated byte buffer and JSON string output. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void json_write_string(Buffer *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    buffer_reserve(b, n + 2);
    buffer_append_char(b, '"');
    size_t run = 0; /* start of the current run of bytes needing no escape */
    size_t i = 0;
    while (i < n) {
        /* Fast path: skip 8 plain bytes at a time.  A word needs a closer
         * look when some byte is below 0x20 or equals '"' or '\\'; the
         * classic "has a byte less than / equal to" bit tricks answer that
         * exactly (they may misplace the byte, never miss one). */
        if (n - i >= 8) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
            uint64_t ctl = (w - ones * 0x20) & ~w & highs;
            uint64_t q = w ^ (ones * '"'), bs = w ^ (ones * '\\');
            uint64_t hit = ctl | ((q - ones) & ~q & highs) | ((bs - ones) & ~bs & highs);
            if (!hit) {
                i += 8;
                continue;
            }
        }
        /* Somewhere in the next 8 bytes (or the tail): go byte by byte. */
        size_t end = n - i >= 8 ? i + 8 : n;
        for (; i < end; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            buffer_append(b, s + run, i - run);
            run = i + 1;
            switch (c) {
            case '"':
                buffer_append(b, "\\\"", 2);
                break;
            case '\\':
                buffer_append(b, "\\\\", 2);
                break;
            case '\n':
                buffer_append(b, "\\n", 2);
                break;
            case '\r':
                buffer_append(b, "\\r", 2);
                break;
            case '\t':
                buffer_append(b, "\\t", 2);
                break;
            default: {
                char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                buffer_append(b, esc, 6);
            }
            }
        }
    }
    buffer_append(b, s + run, n - run);
    buffer_append_char(b, '"');
}

void json_write_cstr(Buffer *b, const char *s)
{
    if (!s)
        buffer_append(b, "null", 4);
    else
        json_write_string(b, s, strlen(s));
}
