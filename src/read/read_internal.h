/*
 * read_internal.h — what the files of the read stage share with each other
 * (and with their tests), but not with the rest of the pipeline.
 *
 *   utf8.c   byte repair (offset-preserving) and the fast cleanliness checks
 *   html.c   main-content text of an HTML page (gumbo)
 *   jsonl.c  one JSON Lines record into a Document (jansson, and the
 *            checks and messages both parsers share)
 *   jsonl_fast.c  the fast parser for the usual flat record
 *   read.c   files, directories, stdin, sniffing; the public entry points
 */
#ifndef SITREP_READ_INTERNAL_H
#define SITREP_READ_INTERNAL_H

#include "read.h"

/* ---- utf8.c ------------------------------------------------------------ */

/* True if data[0..len) is ASCII without NUL: such bytes are already the
 * final text. */
bool ascii_is_clean(const char *data, size_t len);

/* The document text for raw bytes: a NUL-terminated copy in `arena` of the
 * same length as the input, repaired as utf8_clean does (nothing else is
 * changed: no NFC, CR and byte-order mark kept). *bad_bytes gets the number
 * of invalid bytes replaced. */
char *text_repair(Arena *arena, const char *data, size_t len, size_t *bad_bytes);

/* Length of the well-formed UTF-8 sequence starting at s (Unicode table
 * 3-7: no overlongs, no surrogates, nothing above U+10FFFF), or 0 if s[0]
 * does not start one (ASCII included). */
size_t utf8_sequence_length(const unsigned char *s, size_t avail);

/* True if data is valid UTF-8 without NUL: nothing to repair. */
bool utf8_is_clean(const char *data, size_t len);

/* For inputs that are parsed after repair (HTML, JSON Lines): returns NULL
 * when `data` is clean already (use it as it is), otherwise a repaired heap
 * copy (utf8_clean: same length) that the caller frees, reporting the
 * replaced bytes once, naming `path`. *out_len is the length of whichever
 * is to be used (always len). */
char *utf8_repair_input(const char *data, size_t len, size_t *out_len, const char *path,
                        Diagnostics *diag);

/* The one warning per input about repaired bytes (none if bad is 0). */
void utf8_report_repair(Diagnostics *diag, const char *path, size_t bad);

/* ---- html.c ------------------------------------------------------------ */

typedef struct HtmlContent {
    Buffer text;    /* main content, paragraphs separated by blank lines,
                       separate <article>s by a line holding only
                       a form feed ("\n\n\f\n\n") */
    Buffer title;   /* <title>, whitespace collapsed; empty if none */
    Buffer url;     /* <link rel="canonical" href>; empty if none */
    Date published; /* <meta property="article:published_time">, if any */
} HtmlContent;

/* Extracts the main text of a page. `html` must be valid UTF-8 without NUL
 * bytes. Always succeeds (gumbo accepts any input); the buffers are owned
 * by the caller and released with html_content_free. */
void html_extract(const char *html, size_t len, HtmlContent *out);
void html_content_free(HtmlContent *c);

/* ---- jsonl.c ----------------------------------------------------------- */

/* Parses one JSON Lines record (already valid UTF-8) into `doc`, copying
 * what it keeps into `arena`. On failure reports "path:line: ..." through
 * diag and returns false. */
bool jsonl_parse_record(Document *doc, Arena *arena, const char *path, long line, const char *data,
                        size_t len, Diagnostics *diag);

/* The fields of a record that sitrep reads, as one of the two parsers
 * found them. Both fill the same struct so that one function
 * (jsonl_parse_record) checks it and words the messages. */
typedef enum JsonlKind {
    JSONL_ABSENT, /* no such key */
    JSONL_NULL,
    JSONL_STRING,
    JSONL_INTEGER,
    JSONL_OTHER, /* a real, true/false, an array or an object */
} JsonlKind;

typedef struct JsonlValue {
    JsonlKind kind;
    const char *string; /* JSONL_STRING: decoded (escapes resolved, each
                           "\u0000" a space), NUL-terminated, in the arena */
    size_t len;
    long long integer; /* JSONL_INTEGER */
} JsonlValue;

typedef enum JsonlField {
    JSONL_ID,
    JSONL_TEXT,
    JSONL_TITLE,
    JSONL_PUBLISHED,
    JSONL_OUTLET,
    JSONL_URL,
    JSONL_FIELDS
} JsonlField;

typedef struct JsonlRecord {
    JsonlValue field[JSONL_FIELDS];
} JsonlRecord;

/* The fast parser (jsonl_fast.c): one flat object whose values are
 * strings, null, integers, reals or true/false, with no repeated known
 * key. Returns false, having filled nothing that matters, for anything
 * else (nesting, an escape in a key, invalid JSON, invalid UTF-8, a number
 * jansson would reject): the caller then asks jansson, which decides and
 * words the error. Where it returns true, it yields exactly what
 * jsonl_scan_jansson yields (tests/read/test_read.c compares them). */
bool jsonl_scan_fast(const char *data, size_t len, Arena *arena, JsonlRecord *out);

/* The same through jansson, for any JSON. On malformed JSON or a value
 * that is not an object returns false and reports through diag. */
bool jsonl_scan_jansson(const char *data, size_t len, Arena *arena, JsonlRecord *out,
                        const char *path, long line, Diagnostics *diag);

/* ---- read.c ------------------------------------------------------------ */

/* True if the first 8 KB look like a binary file rather than text: more
 * than 1% NUL bytes, or more than 10% control bytes other than the usual
 * whitespace. A stray NUL in a text file is dropped, not fatal. */
bool read_looks_binary(const char *data, size_t len);

#endif
