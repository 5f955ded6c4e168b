/*
 * read.h — turning inputs (files, directories, stdin, JSON Lines) into
 * documents of UTF-8 text.
 *
 * A document is one unit of input: a .txt file (or text on stdin), the
 * main text of an .html page, or one line of a .jsonl file. Its text is
 * valid UTF-8, NUL-terminated, and later stages report byte offsets
 * ("start", "end", evidence offsets) into it. What those offsets are
 * offsets of depends on the format:
 *
 *   text   offsets in the input itself. Document.text has the length of the
 *          input and the same bytes wherever the input is valid UTF-8: CR
 *          bytes ("\r\n" and lone "\r" line ends) are kept, a byte-order
 *          mark is kept, nothing is NFC-normalised (matching folds accents
 *          on its own). Each byte that is not valid UTF-8 becomes one '?'
 *          (one warning per file gives their count) and each NUL a space,
 *          so no byte moves.
 *   html   offsets in the extracted main text (the page's markup is gone,
 *          so offsets into the file cannot exist): paragraphs separated by
 *          blank lines, separate <article> elements by a line holding only
 *          a form feed ("\f"), which the splitter always takes as an
 *          article boundary.
 *   jsonl  offsets in the record's "text" value as JSON decodes it (escapes
 *          resolved), with the same rules as text: no other change than
 *          "\u0000" becoming a space.
 */
#ifndef SITREP_READ_H
#define SITREP_READ_H

#include "../core/core.h"

typedef enum DocumentFormat { FORMAT_TEXT, FORMAT_HTML, FORMAT_JSONL } DocumentFormat;

typedef struct Document {
    const char *id;   /* file base name, or the JSONL "id" */
    const char *path; /* where it came from, for messages ("-" = stdin) */
    long line;        /* JSONL line number (1-based), 0 otherwise */
    DocumentFormat format;
    const char *text; /* UTF-8, NUL-terminated */
    size_t len;
    const char *title;  /* JSONL "title" or HTML <title>; NULL if none */
    Date published;     /* JSONL "published"; year 0 if none */
    const char *outlet; /* JSONL "outlet"; NULL if none */
    const char *url;    /* JSONL "url" or HTML canonical link; NULL if none */
    Arena *arena;       /* owns everything above and whatever later stages
                           allocate for this document */
} Document;

/* Called once per document. The document and its arena are freed when the
 * handler returns. A non-zero return stops reading (propagated as the
 * return value of read_inputs). */
typedef int (*DocumentHandler)(Document *doc, void *ctx);

typedef struct ReadStats {
    long documents;     /* handed to the handler */
    long inputs_failed; /* inputs (files or JSONL lines) that yielded nothing */
    size_t bytes;       /* input bytes consumed */
} ReadStats;

/* Reads every input in order: a path to a file (format by extension:
 * .html/.htm, .jsonl/.ndjson, anything else as text; content sniffing
 * overrides a wrong .txt for obvious HTML), a directory (recursively, in
 * sorted order, skipping hidden entries), or "-" for standard input
 * (sniffed: JSON Lines if the first non-blank byte is '{', HTML if it looks
 * like markup, text otherwise). Problems are reported through diag and the
 * rest is still read. Returns 0, or the handler's non-zero value. */
int read_inputs(const char *const *inputs, int count, DocumentHandler handler, void *ctx,
                Diagnostics *diag, ReadStats *stats);

/* Builds a document from bytes already in memory (tests, benchmarks, HTTP).
 * `data` is copied into `arena` and repaired as for files (see above).
 * Returns false (and reports) only if nothing usable remains. */
bool document_from_bytes(Document *doc, Arena *arena, const char *id, const char *path,
                         DocumentFormat format, const char *data, size_t len, Diagnostics *diag);

/* Guesses the format of bytes with no file name (stdin, HTTP bodies): JSON
 * Lines if the first non-blank byte is '{', HTML if it starts like a page
 * (doctype, <html>, a comment) or with a tag closed soon after, text
 * otherwise. Looks at the first 8 KB only. */
DocumentFormat read_sniff_format(const char *data, size_t len);

/* Repairs invalid UTF-8 without moving any byte: each byte that is not part
 * of a well-formed sequence becomes '?', each NUL a space, everything else
 * (CR included) is copied. Returns the length, which is len; *bad_bytes
 * counts the replaced bytes. dst must hold len + 1 bytes (NUL-terminated). */
size_t utf8_clean(const char *src, size_t len, char *dst, size_t *bad_bytes);

#endif
