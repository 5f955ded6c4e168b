/*
 * core.h — the few pieces every stage shares: an arena allocator (one per
 * document, freed in one go), a growable byte buffer, a JSON string writer,
 * calendar dates, and the diagnostics sink through which every stage reports
 * problems with the input.
 *
 * Nothing here keeps global state: whoever needs a diagnostics sink or an
 * arena receives it as an argument.
 */
#ifndef SITREP_CORE_H
#define SITREP_CORE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Arena ---------------------------------------------------------------
 * Bump allocator in a chain of blocks. Everything that belongs to one
 * document (its text, articles, tokens, events) lives in its arena, so a
 * document is released with one arena_free() and nothing leaks on the error
 * paths. Allocation failure aborts the process with a message: the pipeline
 * cannot do anything sensible without memory, and checking every small
 * allocation would drown the logic. */
typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head;
    size_t block_size;
    size_t total; /* bytes handed out, for memory figures */
} Arena;

void arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t size); /* zeroed, 16-byte aligned */
/* arena_alloc() without the zeroing, for arrays filled right away. */
void *arena_alloc_uninit(Arena *a, size_t size);
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Grows an arena-owned array: returns a new array of new_cap elements with
 * the first `count` copied over (the old one is simply abandoned). */
void *arena_grow(Arena *a, void *old, size_t count, size_t new_cap, size_t elem);
void arena_reset(Arena *a); /* keeps the first block */
void arena_free(Arena *a);

/* ---- Buffer ------------------------------------------------------------
 * Heap-owned growable bytes, always NUL-terminated. */
typedef struct Buffer {
    char *data;
    size_t len, cap;
} Buffer;

void buffer_init(Buffer *b);
void buffer_reserve(Buffer *b, size_t extra);
void buffer_append(Buffer *b, const void *data, size_t n);
void buffer_append_str(Buffer *b, const char *s);
void buffer_append_char(Buffer *b, char c);
void buffer_printf(Buffer *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buffer_vprintf(Buffer *b, const char *fmt, va_list ap);
void buffer_clear(Buffer *b);
void buffer_free(Buffer *b);

/* ---- JSON output -------------------------------------------------------
 * Writes s[0..n) as a quoted JSON string; invalid UTF-8 was repaired when
 * the document was read, control characters are escaped here. */
void json_write_string(Buffer *b, const char *s, size_t n);
void json_write_cstr(Buffer *b, const char *s); /* NULL writes null */

/* ---- Dates -------------------------------------------------------------- */
typedef struct Date {
    int16_t year; /* 0 = unknown */
    int8_t month; /* 1..12, 0 = unknown */
    int8_t day;   /* 1..31, 0 = unknown */
} Date;

bool date_valid(Date d); /* a real calendar day */
int date_days_in_month(int year, int month);
/* Days since 1970-01-01 (proleptic Gregorian); only for valid dates. */
long date_to_days(Date d);
Date date_from_days(long days);
int date_weekday(Date d); /* 0 = Monday … 6 = Sunday */
Date date_add_days(Date d, long n);
/* Writes YYYY-MM-DD (or YYYY-MM / YYYY when day or month is unknown) into
 * out, which must hold 11 bytes. Returns out. */
char *date_format(Date d, char out[11]);
/* Parses exactly YYYY-MM-DD; false if malformed or not a real day. */
bool date_parse_iso(const char *s, size_t n, Date *out);

/* ---- Diagnostics -------------------------------------------------------
 * Problems with the input are reported, not fatal: the run goes on with the
 * rest. The sink counts them so the CLI can choose its exit status. */
typedef enum DiagLevel { DIAG_WARNING, DIAG_ERROR } DiagLevel;

typedef struct Diagnostics {
    /* Called for each message; NULL prints "sitrep: FILE[:LINE]: level: msg"
     * to stderr. */
    void (*emit)(void *ctx, DiagLevel level, const char *file, long line, const char *msg);
    void *ctx;
    long warnings;
    long errors;
} Diagnostics;

void diag_report(Diagnostics *d, DiagLevel level, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- Files -------------------------------------------------------------- */
/* Reads a whole file into a heap buffer (NUL-terminated). Returns 0, or an
 * errno value on failure. */
int file_read_all(const char *path, char **data, size_t *len);

#endif
