/*
 * read.h — turning inputs (files, directories, stdin, JSON Lines) into
 * documents of clean UTF-8 text.
 *
 * A document is one unit of input: a .txt file, the main text of an .html
 * page, or one line of a .jsonl file. Its text is valid UTF-8 (invalid
 * sequences are replaced by U+FFFD with a warning naming the file), with
 * line ends normalised to "\n" and NUL bytes removed. Byte offsets that
 * later stages report ("start", "end") are offsets into this text.
 */
#ifndef SITREP_READ_H
#define SITREP_READ_H

#include "../core/core.h"

typedef enum DocumentFormat { FORMAT_TEXT, FORMAT_HTML, FORMAT_JSONL } DocumentFormat;

typedef struct Document {
    const char *id;        /* file base name, or the JSONL "id" */
    const char *path;      /* where it came from, for messages ("-" = stdin) */
    long line;             /* JSONL line number (1-based), 0 otherwise */
    DocumentFormat format;
    const char *text;      /* UTF-8, NUL-terminated */
    size_t len;
    const char *title;     /* JSONL "title" or HTML <title>; NULL if none */
    Date published;        /* JSONL "published"; year 0 if none */
    const char *outlet;    /* JSONL "outlet"; NULL if none */
    const char *url;       /* JSONL "url" or HTML canonical link; NULL if none */
    Arena *arena;          /* owns everything above and whatever later stages
                              allocate for this document */
} Document;

/* Called once per document. The document and its arena are freed when the
 * handler returns. A non-zero return stops reading (propagated as the
 * return value of read_inputs). */
typedef int (*DocumentHandler)(Document *doc, void *ctx);

typedef struct ReadStats {
    long documents;      /* handed to the handler */
    long inputs_failed;  /* inputs (files or JSONL lines) that yielded nothing */
    size_t bytes;        /* input bytes consumed */
} ReadStats;

/* Reads every input in order: a path to a file (format by extension:
 * .html/.htm, .jsonl/.ndjson, anything else as text; content sniffing
 * overrides a wrong .txt for obvious HTML), a directory (recursively, in
 * sorted order, skipping hidden entries), or "-" for standard input
 * (sniffed: JSON Lines if the first non-blank byte is '{', HTML if it looks
 * like markup, text otherwise). Problems are reported through diag and the
 * rest is still read. Returns 0, or the handler's non-zero value. */
int read_inputs(const char *const *inputs, int count, DocumentHandler handler,
                void *ctx, Diagnostics *diag, ReadStats *stats);

/* Builds a document from bytes already in memory (tests, benchmarks, HTTP).
 * `data` is copied into `arena`, repaired and normalised as for files.
 * Returns false (and reports) only if nothing usable remains. */
bool document_from_bytes(Document *doc, Arena *arena, const char *id,
                         const char *path, DocumentFormat format,
                         const char *data, size_t len, Diagnostics *diag);

/* Guesses the format of bytes with no file name (stdin, HTTP bodies): JSON
 * Lines if the first non-blank byte is '{', HTML if it starts like a page
 * (doctype, <html>, a comment) or with a tag closed soon after, text
 * otherwise. Looks at the first 8 KB only. */
DocumentFormat read_sniff_format(const char *data, size_t len);

/* Repairs invalid UTF-8 (each bad byte becomes U+FFFD), drops NULs and
 * turns CRLF / CR into LF. Returns the new length; *bad_bytes counts the
 * replaced bytes. dst must hold 3 * len + 1 bytes. */
size_t utf8_clean(const char *src, size_t len, char *dst, size_t *bad_bytes);

#endif
