/* arena.c — bump allocation for per-document memory. */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_DEFAULT_BLOCK = 64 * 1024 };

static _Noreturn void too_big(size_t count, size_t elem)
{
    fprintf(stderr, "sitrep: allocation of %zu x %zu bytes overflows\n", count, elem);
    abort();
}

static void *checked_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p) {
        fprintf(stderr, "sitrep: out of memory (%zu bytes)\n", n);
        abort();
    }
    return p;
}

void arena_init(Arena *a)
{
    a->head = NULL;
    a->block_size = ARENA_DEFAULT_BLOCK;
    a->total = 0;
}

static ArenaBlock *arena_new_block(Arena *a, size_t need)
{
    size_t size = a->block_size;
    if (need > size)
        size = need;
    if (size > SIZE_MAX - sizeof(ArenaBlock))
        too_big(1, size);
    ArenaBlock *b = checked_malloc(sizeof(ArenaBlock) + size);
    b->size = size;
    b->used = 0;
    b->next = a->head;
    a->head = b;
    /* Grow block size geometrically so big documents need few blocks. */
    if (a->block_size < 16u * 1024 * 1024)
        a->block_size *= 2;
    return b;
}

void *arena_alloc_uninit(Arena *a, size_t size)
{
    /* A size near SIZE_MAX would round up to 0 and hand out 16 bytes. */
    if (size > SIZE_MAX - 15)
        too_big(1, size);
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    ArenaBlock *b = a->head;
    if (!b || b->size - b->used < size)
        b = arena_new_block(a, size);
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

void *arena_alloc(Arena *a, size_t size)
{
    void *p = arena_alloc_uninit(a, size);
    /* what was handed out, rounded up as arena_alloc_uninit rounds */
    size_t rounded = size ? (size + 15) & ~(size_t)15 : 16;
    memset(p, 0, rounded);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX)
        too_big(1, n);
    char *p = arena_alloc_uninit(a, n + 1); /* every byte is written below */
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    /* Format into a stack buffer first: most strings fit, and only the
     * long ones pay for a second pass. */
    char tmp[256];
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) {
        va_end(ap2);
        return arena_strdup(a, "");
    }
    char *p = arena_alloc(a, (size_t)n + 1);
    if ((size_t)n < sizeof tmp)
        memcpy(p, tmp, (size_t)n + 1);
    else
        vsnprintf(p, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return p;
}

void *arena_grow(Arena *a, void *old, size_t count, size_t new_cap, size_t elem)
{
    if (elem && new_cap > SIZE_MAX / elem)
        too_big(new_cap, elem);
    if (count > new_cap)
        count = new_cap; /* never copy more than the new array holds */
    /* The copied part is overwritten at once: zero only the rest. */
    size_t size = new_cap * elem, copied = old ? count * elem : 0;
    unsigned char *p = arena_alloc_uninit(a, size);
    if (copied)
        memcpy(p, old, copied);
    size_t rounded = size ? (size + 15) & ~(size_t)15 : 16;
    memset(p + copied, 0, rounded - copied);
    return p;
}

void arena_reset(Arena *a)
{
    ArenaBlock *b = a->head;
    if (!b)
        return;
    /* Keep the oldest (usually largest-needed-first) block: free the rest. */
    while (b->next) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    b->used = 0;
    a->head = b;
    a->total = 0;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}
