/*
 * read.c — inputs (files, directories, standard input) into documents.
 *
 * Each input is read whole, checked (empty? binary?), given a format (by
 * its extension, or by sniffing its first bytes) and turned into one
 * document, or one per line for JSON Lines. Every document gets its own
 * arena, freed as soon as the handler has seen it, so memory stays
 * proportional to the largest document, not to the whole input.
 *
 * Nothing here stops on bad input: problems go to the diagnostics sink, the
 * input is counted as failed, and reading goes on with the next one.
 */
#include "read_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct Reader {
    DocumentHandler handler;
    void *ctx;
    Diagnostics *diag;
    ReadStats *stats;
} Reader;

/* The directories being read, innermost first: a symbolic link back to
 * one of them would otherwise make the walk endless. */
typedef struct DirVisit {
    dev_t dev;
    ino_t ino;
    const struct DirVisit *up;
} DirVisit;

/* ---- Sniffing ----------------------------------------------------------- */

enum { SNIFF_BYTES = 8192 };

bool read_looks_binary(const char *data, size_t len)
{
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES;
    /* control characters that text does not use (not tab, newline, CR,
     * form feed, vertical tab or ESC): counted without a branch per byte,
     * since every input file is sniffed */
    static const unsigned char is_control[256] = {
        [1] = 1,  [2] = 1,  [3] = 1,  [4] = 1,  [5] = 1,  [6] = 1,  [7] = 1,  [8] = 1,   [14] = 1,
        [15] = 1, [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1,  [23] = 1,
        [24] = 1, [25] = 1, [26] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1, [127] = 1,
    };
    size_t nul = 0, control = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        nul += c == 0;
        control += is_control[c];
    }
    return nul * 100 > n || (nul + control) * 10 > n;
}

static bool starts_with_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && strncasecmp(s, prefix, k) == 0;
}

DocumentFormat read_sniff_format(const char *data, size_t len)
{
    const char *p = data, *end = data + (len < SNIFF_BYTES ? len : SNIFF_BYTES);
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end &&
           (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v'))
        p++;
    size_t n = (size_t)(end - p);
    if (n == 0)
        return FORMAT_TEXT;
    if (*p == '{')
        return FORMAT_JSONL;
    if (*p != '<')
        return FORMAT_TEXT;
    if (starts_with_ci(p, n, "<!doctype html") || starts_with_ci(p, n, "<html") ||
        starts_with_ci(p, n, "<head") || starts_with_ci(p, n, "<body") ||
        starts_with_ci(p, n, "<!--") || starts_with_ci(p, n, "<?xml"))
        return FORMAT_HTML;
    /* Some other tag first: markup if a closing tag follows soon. */
    bool letter = n > 1 && ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z'));
    if (letter)
        for (size_t i = 2; i + 1 < n; i++)
            if (p[i] == '<' && p[i + 1] == '/')
                return FORMAT_HTML;
    return FORMAT_TEXT;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static DocumentFormat format_from_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return FORMAT_TEXT;
    if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0 ||
        strcasecmp(dot, ".xhtml") == 0)
        return FORMAT_HTML;
    if (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".ndjson") == 0)
        return FORMAT_JSONL;
    return FORMAT_TEXT;
}

/* Inside a directory only files that look like reports are read: a folder
 * of saved pages often holds their images, a README or a manifest too.
 * A path the user names is always read, whatever its extension. */
static bool is_report_file_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return true;
    static const char *const report_exts[] = {".txt",   ".text",  ".html",  ".htm",
                                              ".xhtml", ".jsonl", ".ndjson"};
    for (size_t i = 0; i < sizeof report_exts / sizeof *report_exts; i++)
        if (strcasecmp(dot, report_exts[i]) == 0)
            return true;
    return false;
}

/* ---- Documents ---------------------------------------------------------- */

/* Anything but white space and a byte-order mark (which the text keeps:
 * dropping it would shift every offset by three). */
static bool has_visible_text(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i + 3 <= n && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0) {
            i += 2;
            continue;
        }
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' && s[i] != '\f' &&
            s[i] != '\v')
            return true;
    }
    return false;
}

static bool html_document(Document *doc, Arena *arena, const char *path, const char *data,
                          size_t len, Diagnostics *diag)
{
    size_t n;
    char *repaired = utf8_repair_input(data, len, &n, path, diag);
    HtmlContent page;
    html_extract(repaired ? repaired : data, n, &page);
    free(repaired);

    /* Offsets of an HTML document are into this extracted text. gumbo
     * hands back valid UTF-8, so the repair only guards. */
    size_t bad;
    doc->text = text_repair(arena, page.text.data, page.text.len, &bad);
    doc->len = page.text.len;
    if (page.title.len > 0)
        doc->title = text_repair(arena, page.title.data, page.title.len, &bad);
    if (page.url.len > 0)
        doc->url = arena_strndup(arena, page.url.data, page.url.len);
    doc->published = page.published;
    html_content_free(&page);
    if (!has_visible_text(doc->text, doc->len)) {
        diag_report(diag, DIAG_WARNING, path, 0, "no text in HTML page");
        return false;
    }
    return true;
}

static bool jsonl_document(Document *doc, Arena *arena, const char *path, const char *data,
                           size_t len, Diagnostics *diag)
{
    size_t n;
    char *repaired = utf8_repair_input(data, len, &n, path, diag);
    bool ok = jsonl_parse_record(doc, arena, path, 1, repaired ? repaired : data, n, diag);
    free(repaired);
    return ok;
}

bool document_from_bytes(Document *doc, Arena *arena, const char *id, const char *path,
                         DocumentFormat format, const char *data, size_t len, Diagnostics *diag)
{
    memset(doc, 0, sizeof *doc);
    doc->arena = arena;
    doc->format = format;
    doc->id = arena_strdup(arena, id ? id : "-");
    doc->path = arena_strdup(arena, path ? path : doc->id);
    /* Messages name the document's own copy of the path. */
    path = doc->path;

    switch (format) {
    case FORMAT_JSONL:
        return jsonl_document(doc, arena, path, data, len, diag);
    case FORMAT_HTML:
        return html_document(doc, arena, path, data, len, diag);
    case FORMAT_TEXT:
        break;
    }
    /* Text keeps the input's bytes and length: offsets are the file's. */
    size_t bad;
    doc->text = text_repair(arena, data, len, &bad);
    doc->len = len;
    utf8_report_repair(diag, path, bad);
    if (!has_visible_text(doc->text, doc->len)) {
        diag_report(diag, DIAG_WARNING, path, 0, "no text");
        return false;
    }
    return true;
}

/* Builds one document, hands it over, frees it. The raw bytes (`data`,
 * owned by the caller of read_bytes) are released before the handler runs:
 * a large input then costs its size once, not twice, while later stages
 * work on it. */
static int emit_document(Reader *r, const char *path, const char *id, DocumentFormat format,
                         char **data, size_t len)
{
    Arena arena;
    arena_init(&arena);
    Document doc;
    int rc = 0;
    bool ok = document_from_bytes(&doc, &arena, id, path, format, *data, len, r->diag);
    free(*data);
    *data = NULL;
    if (ok) {
        r->stats->documents++;
        rc = r->handler(&doc, r->ctx);
    } else {
        r->stats->inputs_failed++;
    }
    arena_free(&arena);
    return rc;
}

/* One document per non-blank line; a bad line is reported and skipped. */
static int emit_jsonl_lines(Reader *r, const char *path, char **data, size_t len)
{
    size_t n;
    char *repaired = utf8_repair_input(*data, len, &n, path, r->diag);
    if (repaired) { /* the raw bytes are no longer needed */
        free(*data);
        *data = NULL;
    }
    const char *json = repaired ? repaired : *data;
    const char *p = json, *end = json + n;
    long line = 0, records = 0;
    int rc = 0;
    while (p < end && rc == 0) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        line++;
        if (has_visible_text(p, (size_t)(eol - p))) {
            records++;
            Arena arena;
            arena_init(&arena);
            Document doc;
            if (jsonl_parse_record(&doc, &arena, path, line, p, (size_t)(eol - p), r->diag)) {
                r->stats->documents++;
                rc = r->handler(&doc, r->ctx);
            } else {
                r->stats->inputs_failed++;
            }
            arena_free(&arena);
        }
        p = eol + 1;
    }
    free(repaired);
    if (records == 0) {
        diag_report(r->diag, DIAG_WARNING, path, 0, "no records");
        r->stats->inputs_failed++;
    }
    return rc;
}

/* Checks a whole input and turns it into documents. Takes the heap
 * buffer `data`, which it frees as early as it can. */
static int read_bytes(Reader *r, const char *path, const char *id, DocumentFormat format,
                      char *data, size_t len)
{
    int rc = 0;
    r->stats->bytes += len;
    if (len == 0) {
        diag_report(r->diag, DIAG_WARNING, path, 0, "empty file");
        r->stats->inputs_failed++;
    } else if (read_looks_binary(data, len)) {
        diag_report(r->diag, DIAG_ERROR, path, 0, "binary file, skipped");
        r->stats->inputs_failed++;
    } else if (format == FORMAT_JSONL) {
        rc = emit_jsonl_lines(r, path, &data, len);
    } else {
        rc = emit_document(r, path, id, format, &data, len);
    }
    free(data);
    return rc;
}

/* ---- Files, directories, stdin ------------------------------------------ */

static int read_file(Reader *r, const char *path)
{
    char *data;
    size_t len;
    int err = file_read_all(path, &data, &len);
    if (err) {
        diag_report(r->diag, DIAG_ERROR, path, 0, "%s", strerror(err));
        r->stats->inputs_failed++;
        return 0;
    }
    const char *name = base_name(path);
    DocumentFormat format = format_from_name(name);
    /* A page saved as .txt is still a page. */
    if (format == FORMAT_TEXT && read_sniff_format(data, len) == FORMAT_HTML)
        format = FORMAT_HTML;
    return read_bytes(r, path, name, format, data, len);
}

static int read_path(Reader *r, const char *path, const DirVisit *up);

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_directory(Reader *r, const char *path, const DirVisit *here)
{
    DIR *dir = opendir(path);
    if (!dir) {
        diag_report(r->diag, DIAG_ERROR, path, 0, "%s", strerror(errno));
        r->stats->inputs_failed++;
        return 0;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue; /* hidden, and "." and ".." */
        if (count == cap) {
            cap = cap ? 2 * cap : 32;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                abort();
        }
        names[count] = strdup(e->d_name);
        if (!names[count])
            abort();
        count++;
    }
    closedir(dir);
    if (count > 0)
        qsort(names, count, sizeof *names, compare_names);

    size_t plen = strlen(path);
    bool slash = plen > 0 && path[plen - 1] == '/';
    int rc = 0;
    Buffer child;
    buffer_init(&child);
    for (size_t i = 0; i < count; i++) {
        if (rc == 0) {
            buffer_clear(&child);
            buffer_printf(&child, "%s%s%s", path, slash ? "" : "/", names[i]);
            rc = read_path(r, child.data, here);
        }
        free(names[i]);
    }
    buffer_free(&child);
    free(names);
    return rc;
}

/* up is NULL for a path given by the user, who may name anything that can
 * be read (a FIFO, /dev/stdin); inside directories only regular files and
 * directories are read, so a socket or FIFO cannot hang the walk. */
static int read_path(Reader *r, const char *path, const DirVisit *up)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_report(r->diag, DIAG_ERROR, path, 0, "%s", strerror(errno));
        r->stats->inputs_failed++;
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        for (const DirVisit *v = up; v; v = v->up) {
            if (v->dev == st.st_dev && v->ino == st.st_ino) {
                diag_report(r->diag, DIAG_WARNING, path, 0, "directory loop, skipped");
                return 0;
            }
        }
        DirVisit here = {st.st_dev, st.st_ino, up};
        return read_directory(r, path, &here);
    }
    if (up && (!S_ISREG(st.st_mode) || !is_report_file_name(base_name(path))))
        return 0;
    return read_file(r, path);
}

static int read_stdin(Reader *r)
{
    Buffer in;
    buffer_init(&in);
    for (;;) {
        buffer_reserve(&in, 65536);
        ssize_t n = read(STDIN_FILENO, in.data + in.len, in.cap - in.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            diag_report(r->diag, DIAG_ERROR, "-", 0, "%s", strerror(errno));
            r->stats->inputs_failed++;
            buffer_free(&in);
            return 0;
        }
        if (n == 0)
            break;
        in.len += (size_t)n;
    }
    in.data[in.len] = '\0';
    /* read_bytes takes the buffer's heap block. */
    return read_bytes(r, "-", "stdin", read_sniff_format(in.data, in.len), in.data, in.len);
}

int read_inputs(const char *const *inputs, int count, DocumentHandler handler, void *ctx,
                Diagnostics *diag, ReadStats *stats)
{
    ReadStats local_stats = {0};
    Diagnostics local_diag = {0};
    Reader r = {handler, ctx, diag ? diag : &local_diag, stats ? stats : &local_stats};
    int rc = 0;
    for (int i = 0; i < count && rc == 0; i++) {
        if (strcmp(inputs[i], "-") == 0)
            rc = read_stdin(&r);
        else
            rc = read_path(&r, inputs[i], NULL);
    }
    return rc;
}
