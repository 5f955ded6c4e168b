/*
 * jsonl_fast.c — the usual JSON Lines record, parsed without jansson.
 *
 * jansson builds a json_t tree for every record, reading its input a byte
 * at a time through a callback and saving each byte of a string before
 * decoding it; on records of about 1 KB of wire copy that cost more than
 * everything else `sitrep read` does together. The records a feed sends
 * are flat objects of strings, so this parser takes those: it checks the
 * JSON grammar and the UTF-8 of each string eight bytes at a time, and
 * copies each string that sitrep keeps once, straight into the document's
 * arena.
 *
 * It is deliberately partial. On anything outside the common case (nested
 * values, reals, an escape inside a key, a known key given twice, any
 * syntax error, a number or "\u" escape jansson would refuse) it gives up
 * and the caller asks jansson, which stays the judge of what is valid JSON
 * and the author of every error message. So the only promise to keep is:
 * where this parser says yes, it finds what jansson finds.
 */
#include "read_internal.h"

#include <limits.h>
#include <string.h>

static const uint64_t ONES = 0x0101010101010101ull;
static const uint64_t HIGHS = 0x8080808080808080ull;

/* True if one of the eight bytes of w may end a plain run inside a JSON
 * string: '"', '\\', a control byte (JSON forbids them raw) or a byte of a
 * multi-byte UTF-8 sequence (to be validated). False positives are
 * harmless (the bytes are then looked at one by one); there are no false
 * negatives. */
static inline bool word_needs_look(uint64_t w)
{
    uint64_t quote = w ^ (ONES * '"');
    uint64_t backslash = w ^ (ONES * '\\');
    uint64_t found = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash) |
                     (w - ONES * 0x20) /* high bit set below 0x20 */ | w /* non-ASCII */;
    return (found & HIGHS) != 0;
}

static inline bool is_json_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static const char *skip_space(const char *p, const char *end)
{
    while (p < end && is_json_space(*p))
        p++;
    return p;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The four hex digits at p, or -1. */
static long hex4(const char *p)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hex_value(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* Length of the escape starting at the backslash p[0], storing the code
 * point it stands for; 0 if jansson would refuse it (an unknown escape,
 * bad hex, a lone or badly paired surrogate). */
static size_t escape_at(const char *p, const char *end, uint32_t *code)
{
    if (end - p < 2)
        return 0;
    switch (p[1]) {
    case '"':
        *code = '"';
        return 2;
    case '\\':
        *code = '\\';
        return 2;
    case '/':
        *code = '/';
        return 2;
    case 'b':
        *code = '\b';
        return 2;
    case 'f':
        *code = '\f';
        return 2;
    case 'n':
        *code = '\n';
        return 2;
    case 'r':
        *code = '\r';
        return 2;
    case 't':
        *code = '\t';
        return 2;
    case 'u':
        break;
    default:
        return 0;
    }
    if (end - p < 6)
        return 0;
    long u = hex4(p + 2);
    if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
        return 0;
    if (u < 0xD800 || u > 0xDBFF) {
        *code = (uint32_t)u;
        return 6;
    }
    /* A high surrogate must be followed by an escaped low one. */
    if (end - p < 12 || p[6] != '\\' || p[7] != 'u')
        return 0;
    long lo = hex4(p + 8);
    if (lo < 0xDC00 || lo > 0xDFFF)
        return 0;
    *code = 0x10000 + (((uint32_t)u - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
    return 12;
}

/* Writes code point c as UTF-8 at d; returns the byte count. */
static size_t utf8_encode(uint32_t c, char *d)
{
    if (c < 0x80) {
        d[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        d[0] = (char)(0xC0 | (c >> 6));
        d[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        d[0] = (char)(0xE0 | (c >> 12));
        d[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        d[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    d[0] = (char)(0xF0 | (c >> 18));
    d[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    d[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    d[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Checks the string that starts at p (just after its opening quote):
 * sets *close to its closing quote and *escaped if it holds an escape.
 * False where jansson would fail: an unescaped control byte, a bad escape,
 * invalid UTF-8, no closing quote. */
static bool scan_string(const char *p, const char *end, const char **close, bool *escaped)
{
    bool esc = false;
    for (;;) {
        while (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            if (word_needs_look(w))
                break;
            p += 8;
        }
        if (p >= end)
            return false;
        unsigned char c = (unsigned char)*p;
        if (c == '"') {
            *close = p;
            *escaped = esc;
            return true;
        }
        size_t k;
        if (c == '\\') {
            uint32_t code;
            k = escape_at(p, end, &code);
            esc = true;
        } else if (c < 0x20) {
            k = 0;
        } else if (c < 0x80) {
            k = 1;
        } else {
            k = utf8_sequence_length((const unsigned char *)p, (size_t)(end - p));
        }
        if (k == 0)
            return false;
        p += k;
    }
}

/* Copies the checked string p..close into the arena, resolving escapes;
 * "\u0000" becomes a space, as the read stage turns every NUL into one
 * (the text is also a C string). Decoding never lengthens a string, so
 * the raw length bounds the copy. */
static const char *copy_string(Arena *arena, const char *p, const char *close, bool escaped,
                               size_t *out_len)
{
    size_t raw = (size_t)(close - p);
    char *out = arena_alloc(arena, raw + 1);
    if (!escaped) {
        memcpy(out, p, raw);
        *out_len = raw;
        return out;
    }
    char *d = out;
    while (p < close) {
        const char *backslash = memchr(p, '\\', (size_t)(close - p));
        const char *run_end = backslash ? backslash : close;
        memcpy(d, p, (size_t)(run_end - p));
        d += run_end - p;
        p = run_end;
        if (!backslash)
            break;
        uint32_t code = 0;
        p += escape_at(p, close, &code); /* scan_string checked it */
        d += utf8_encode(code == 0 ? ' ' : code, d);
    }
    *d = '\0';
    *out_len = (size_t)(d - out);
    return out;
}

/* An integer as jansson reads one: -?(0|[1-9][0-9]*) within long long.
 * Returns the end, or NULL for anything else, reals included (jansson
 * alone knows which reals it refuses). */
static const char *scan_integer(const char *p, const char *end, long long *value)
{
    bool negative = p < end && *p == '-';
    const char *q = p + negative;
    if (q >= end || !is_digit(*q) || (*q == '0' && q + 1 < end && is_digit(q[1])))
        return NULL;
    unsigned long long limit = negative ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
    unsigned long long v = 0;
    for (; q < end && is_digit(*q); q++) {
        unsigned d = (unsigned)(*q - '0');
        if (v > (limit - d) / 10)
            return NULL;
        v = v * 10 + d;
    }
    if (q < end && (*q == '.' || *q == 'e' || *q == 'E'))
        return NULL;
    if (!negative)
        *value = (long long)v;
    else
        *value = v == 0 ? 0 : -(long long)(v - 1) - 1;
    return q;
}

/* Which of the fields sitrep reads the key names, or -1. */
static int field_of(const char *key, size_t n)
{
    static const struct {
        const char *name;
        size_t len;
        JsonlField field;
    } keys[] = {
        {"id", 2, JSONL_ID},         {"text", 4, JSONL_TEXT},
        {"title", 5, JSONL_TITLE},   {"published", 9, JSONL_PUBLISHED},
        {"outlet", 6, JSONL_OUTLET}, {"url", 3, JSONL_URL},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (n == keys[i].len && memcmp(key, keys[i].name, n) == 0)
            return (int)keys[i].field;
    return -1;
}

static bool literal_at(const char *p, const char *end, const char *word, size_t n)
{
    return (size_t)(end - p) >= n && memcmp(p, word, n) == 0;
}

bool jsonl_scan_fast(const char *data, size_t len, Arena *arena, JsonlRecord *out)
{
    memset(out, 0, sizeof *out);
    const char *p = skip_space(data, data + len), *end = data + len;
    if (p >= end || *p != '{')
        return false;
    p = skip_space(p + 1, end);
    if (p < end && *p == '}')
        return skip_space(p + 1, end) == end;
    for (;;) {
        /* "key" : */
        if (p >= end || *p != '"')
            return false;
        const char *key = p + 1, *close;
        bool escaped;
        if (!scan_string(key, end, &close, &escaped) || escaped)
            return false;
        int field = field_of(key, (size_t)(close - key));
        JsonlValue *slot = field >= 0 ? &out->field[field] : NULL;
        if (slot && slot->kind != JSONL_ABSENT)
            return false; /* repeated: jansson keeps the last one */
        p = skip_space(close + 1, end);
        if (p >= end || *p != ':')
            return false;
        p = skip_space(p + 1, end);
        if (p >= end)
            return false;

        /* value */
        JsonlValue v = {JSONL_OTHER, NULL, 0, 0};
        if (*p == '"') {
            if (!scan_string(p + 1, end, &close, &escaped))
                return false;
            v.kind = JSONL_STRING;
            if (slot)
                v.string = copy_string(arena, p + 1, close, escaped, &v.len);
            p = close + 1;
        } else if (*p == '-' || is_digit(*p)) {
            p = scan_integer(p, end, &v.integer);
            if (!p)
                return false;
            v.kind = JSONL_INTEGER;
        } else if (literal_at(p, end, "null", 4)) {
            v.kind = JSONL_NULL;
            p += 4;
        } else if (literal_at(p, end, "true", 4)) {
            p += 4;
        } else if (literal_at(p, end, "false", 5)) {
            p += 5;
        } else {
            return false; /* an array, an object, or not JSON */
        }
        if (slot)
            *slot = v;

        /* , or } */
        p = skip_space(p, end);
        if (p < end && *p == ',') {
            p = skip_space(p + 1, end);
            continue;
        }
        if (p < end && *p == '}')
            return skip_space(p + 1, end) == end;
        return false;
    }
}
