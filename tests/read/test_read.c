/*
 * test_read.c — the read stage: UTF-8 repair, text/HTML/JSON Lines
 * documents, directories, and bad input that must be reported, not crash.
 */
#include "testing.h"

#include "../../src/lex/lex.h"
#include "../../src/read/read.h"
#include "../../src/read/read_internal.h"

#include <errno.h>
#include <sys/stat.h>

/* ---- Helpers ------------------------------------------------------------ */

/* Records every diagnostic as "W|file|line|msg\n" or "E|...". */
static void capture_emit(void *ctx, DiagLevel level, const char *file, long line, const char *msg)
{
    buffer_printf((Buffer *)ctx, "%c|%s|%ld|%s\n", level == DIAG_ERROR ? 'E' : 'W',
                  file ? file : "", line, msg);
}

typedef struct Capture {
    Buffer log;
    Diagnostics diag;
} Capture;

static void capture_init(Capture *c)
{
    buffer_init(&c->log);
    buffer_append(&c->log, "", 0);
    c->diag = (Diagnostics){capture_emit, &c->log, 0, 0};
}

/* What the handler saw: ids joined by '|', and a copy of each document. */
typedef struct Seen {
    Buffer ids;
    int count;
    char *text[8], *title[8], *url[8], *outlet[8];
    Date published[8];
    DocumentFormat format[8];
    size_t len[8];
    long line[8];
    int stop_after; /* 0 = never stop */
} Seen;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int collect(Document *doc, void *ctx)
{
    Seen *s = ctx;
    if (s->ids.len > 0)
        buffer_append_char(&s->ids, '|');
    buffer_append_str(&s->ids, doc->id);
    assert_non_null(doc->arena);
    assert_int_equal(strlen(doc->text), doc->len);
    if (s->count < 8) {
        int i = s->count;
        s->text[i] = strdup(doc->text);
        s->title[i] = dup_or_null(doc->title);
        s->url[i] = dup_or_null(doc->url);
        s->outlet[i] = dup_or_null(doc->outlet);
        s->published[i] = doc->published;
        s->format[i] = doc->format;
        s->len[i] = doc->len;
        s->line[i] = doc->line;
    }
    s->count++;
    return s->stop_after && s->count >= s->stop_after ? 7 : 0;
}

static void seen_init(Seen *s)
{
    memset(s, 0, sizeof *s);
    buffer_init(&s->ids);
    buffer_append(&s->ids, "", 0);
}

static void seen_free(Seen *s)
{
    for (int i = 0; i < 8 && i < s->count; i++) {
        free(s->text[i]);
        free(s->title[i]);
        free(s->url[i]);
        free(s->outlet[i]);
    }
    buffer_free(&s->ids);
}

static char tmp_root[256];

static int make_tmp(void **state)
{
    (void)state;
    snprintf(tmp_root, sizeof tmp_root, "/tmp/sitrep-read-XXXXXX");
    return mkdtemp(tmp_root) ? 0 : -1;
}

static int remove_tmp(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Writes data to tmp_root/name (creating parent directories); returns the
 * path in a static buffer rotation. */
static const char *write_tmp(const char *name, const char *data, size_t len)
{
    static char paths[4][512];
    static int next;
    char *path = paths[next++ % 4];
    snprintf(path, 512, "%s/%s", tmp_root, name);
    for (char *p = path + strlen(tmp_root) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0700);
            *p = '/';
        }
    }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

static const char *write_tmp_str(const char *name, const char *data)
{
    return write_tmp(name, data, strlen(data));
}

/* Reads one path, capturing documents and diagnostics. */
static int read_one(const char *path, Seen *seen, Capture *cap, ReadStats *stats)
{
    const char *inputs[] = {path};
    memset(stats, 0, sizeof *stats);
    return read_inputs(inputs, 1, collect, seen, &cap->diag, stats);
}

static size_t clean(const char *in, size_t len, char *out, size_t *bad)
{
    return utf8_clean(in, len, out, bad);
}

/* ---- utf8_clean --------------------------------------------------------- */

static void test_utf8_valid_multibyte(void **state)
{
    (void)state;
    const char *in = "A\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE2\x80\x9Cq\xE2\x80\x9D";
    char out[128];
    size_t bad = 99;
    size_t n = clean(in, strlen(in), out, &bad);
    assert_int_equal(bad, 0);
    assert_int_equal(n, strlen(in));
    assert_string_equal(out, in);
}

static void test_utf8_truncated_sequence(void **state)
{
    (void)state;
    char out[64];
    size_t bad;
    /* E2 82 starts a three-byte sequence that never finishes. Each bad
     * byte becomes one '?': the length, and so every offset, stays. */
    size_t n = clean("a\xE2\x82", 3, out, &bad);
    assert_int_equal(bad, 2);
    assert_int_equal(n, 3);
    assert_string_equal(out, "a??");
    n = clean("\xE2\x82z", 3, out, &bad);
    assert_int_equal(bad, 2);
    assert_string_equal(out, "??z");
    /* A four-byte sequence cut at the end of the input. */
    n = clean("ok\xF0\x9F\x98", 5, out, &bad);
    assert_int_equal(bad, 3);
    assert_int_equal(n, 5);
    assert_string_equal(out, "ok???");
}

static void test_utf8_overlong(void **state)
{
    (void)state;
    char out[64];
    size_t bad;
    clean("\xC0\xAF", 2, out, &bad); /* overlong '/' */
    assert_int_equal(bad, 2);
    assert_string_equal(out, "??");
    clean("\xE0\x80\xAF", 3, out, &bad);
    assert_int_equal(bad, 3);
    clean("\xF0\x80\x80\xAF", 4, out, &bad);
    assert_int_equal(bad, 4);
    clean("\xF4\x90\x80\x80", 4, out, &bad); /* above U+10FFFF */
    assert_int_equal(bad, 4);
    clean("\xFF", 1, out, &bad);
    assert_int_equal(bad, 1);
}

static void test_utf8_surrogate(void **state)
{
    (void)state;
    char out[64];
    size_t bad;
    size_t n = clean("x\xED\xA0\x80y", 5, out, &bad); /* U+D800 */
    assert_int_equal(bad, 3);
    assert_int_equal(n, 5);
    assert_string_equal(out, "x???y");
    /* U+D7FF just below the surrogates is fine. */
    n = clean("\xED\x9F\xBF", 3, out, &bad);
    assert_int_equal(bad, 0);
    assert_int_equal(n, 3);
}

static void test_utf8_lone_continuation(void **state)
{
    (void)state;
    char out[64];
    size_t bad;
    clean("a\x80"
          "b",
          3, out, &bad);
    assert_int_equal(bad, 1);
    assert_string_equal(out, "a?b");
}

static void test_utf8_keeps_cr_and_blanks_nul(void **state)
{
    (void)state;
    char out[128];
    size_t bad;
    /* Line ends are the input's: CRLF and lone CR stay. */
    size_t n = clean("a\r\nb\rc\n", 7, out, &bad);
    assert_int_equal(bad, 0);
    assert_int_equal(n, 7);
    assert_string_equal(out, "a\r\nb\rc\n");
    /* Past the eight-byte fast path too; a NUL becomes a space. */
    const char in[] = "0123456789abcdef\r\n0123456789\0abcdef\r\r";
    n = clean(in, sizeof in - 1, out, &bad);
    assert_int_equal(n, sizeof in - 1);
    assert_string_equal(out, "0123456789abcdef\r\n0123456789 abcdef\r\r");
    assert_int_equal(bad, 0);
}

static void test_text_keeps_input_bytes(void **state)
{
    (void)state;
    Arena arena;
    arena_init(&arena);
    Capture cap;
    capture_init(&cap);
    Document doc;
    /* A byte-order mark, e + combining acute (not composed: no NFC), curly
     * quotes, CRLF and a lone CR: all kept, byte for byte. */
    const char *in = "\xEF\xBB\xBF"
                     "Cafe\xCC\x81 \xE2\x80\x9C"
                     "Deir\xE2\x80\x9D\r\n"
                     "\xD0\xB8\xCC\x86\rend";
    assert_true(document_from_bytes(&doc, &arena, "x.txt", "x.txt", FORMAT_TEXT, in, strlen(in),
                                    &cap.diag));
    assert_int_equal(doc.len, strlen(in));
    assert_memory_equal(doc.text, in, doc.len);
    assert_int_equal(doc.text[doc.len], '\0');
    assert_string_equal(doc.id, "x.txt");
    assert_int_equal(cap.diag.warnings + cap.diag.errors, 0);
    /* Invalid bytes and NULs: one byte each, so offsets stay the input's. */
    static const char bad[] = "ab\xFF\xFE c\0d \xC3\xA9 \xE2\x82";
    assert_true(
        document_from_bytes(&doc, &arena, "y", NULL, FORMAT_TEXT, bad, sizeof bad - 1, &cap.diag));
    assert_int_equal(doc.len, sizeof bad - 1);
    assert_string_equal(doc.text, "ab?? c d \xC3\xA9 ??");
    assert_int_equal(cap.diag.warnings, 1);
    assert_non_null(strstr(cap.log.data, "y|0|invalid UTF-8: 4 bytes"));
    /* Only a byte-order mark and blanks: no text. */
    assert_false(document_from_bytes(&doc, &arena, "z", NULL, FORMAT_TEXT, "\xEF\xBB\xBF \r\n", 6,
                                     &cap.diag));
    buffer_free(&cap.log);
    arena_free(&arena);
}

static void test_invalid_utf8_file_warns_once(void **state)
{
    (void)state;
    const char *path = write_tmp("latin1.txt", "caf\xE9 na\xEFve \xFF\xFE ok", 16);
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(seen.count, 1);
    assert_int_equal(cap.diag.warnings, 1);
    assert_int_equal(cap.diag.errors, 0);
    assert_non_null(strstr(cap.log.data, "latin1.txt"));
    assert_non_null(strstr(cap.log.data, "4 bytes"));
    assert_string_equal(seen.text[0], "caf? na?ve ?? ok");
    assert_int_equal(seen.len[0], 16);
    seen_free(&seen);
    buffer_free(&cap.log);
}

/* ---- JSON Lines --------------------------------------------------------- */

static void test_jsonl_good(void **state)
{
    (void)state;
    const char *path = write_tmp_str(
        "good.jsonl", "{\"id\": \"a1\", \"text\": \"Line one\\r\\nLine two\", \"title\": \"T1\","
                      " \"published\": \"2017-09-05\", \"outlet\": \"Wire\", \"url\": "
                      "\"http://example.org/a1\"}\n"
                      "\n"
                      "   \n"
                      "{\"id\": \"b2\", \"text\": \"Cafe\\u0301 \\u0000ok\"}\n");
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_string_equal(cap.log.data, "");
    assert_int_equal(stats.documents, 2);
    assert_int_equal(stats.inputs_failed, 0);
    assert_string_equal(seen.ids.data, "a1|b2");
    /* The text is the "text" value as decoded: CRLF kept, no NFC, a
     * "\u0000" a space. */
    assert_string_equal(seen.text[0], "Line one\r\nLine two");
    assert_string_equal(seen.title[0], "T1");
    assert_string_equal(seen.outlet[0], "Wire");
    assert_string_equal(seen.url[0], "http://example.org/a1");
    assert_int_equal(seen.published[0].year, 2017);
    assert_int_equal(seen.published[0].month, 9);
    assert_int_equal(seen.published[0].day, 5);
    assert_int_equal(seen.format[0], FORMAT_JSONL);
    assert_int_equal(seen.line[0], 1);
    assert_int_equal(seen.line[1], 4);
    assert_string_equal(seen.text[1], "Cafe\xCC\x81  ok");
    assert_int_equal(seen.len[1], 10);
    assert_null(seen.title[1]);
    assert_int_equal(seen.published[1].year, 0);
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_jsonl_malformed_line(void **state)
{
    (void)state;
    const char *path = write_tmp_str("bad.jsonl", "{\"id\": \"1\", \"text\": \"one\"}\n"
                                                  "{\"id\": \"2\", \"text\": \"two\"\n"
                                                  "{\"id\": \"3\", \"text\": \"three\"}");
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_string_equal(seen.ids.data, "1|3");
    assert_int_equal(stats.documents, 2);
    assert_int_equal(stats.inputs_failed, 1);
    assert_int_equal(cap.diag.errors, 1);
    assert_non_null(strstr(cap.log.data, "bad.jsonl|2|malformed JSON: "));
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_jsonl_missing_fields(void **state)
{
    (void)state;
    const char *path = write_tmp_str("noid.jsonl", "{\"text\": \"no id\"}\n"
                                                   "{\"id\": \"x\"}\n"
                                                   "[1, 2]\n"
                                                   "{\"id\": 42, \"text\": \"numeric id\"}\n");
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_string_equal(seen.ids.data, "42");
    assert_int_equal(stats.inputs_failed, 3);
    assert_int_equal(cap.diag.errors, 3);
    assert_non_null(strstr(cap.log.data, "noid.jsonl|1|missing \"id\""));
    assert_non_null(strstr(cap.log.data, "noid.jsonl|2|missing \"text\""));
    assert_non_null(strstr(cap.log.data, "noid.jsonl|3|not a JSON object"));
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_jsonl_bad_published(void **state)
{
    (void)state;
    const char *path = write_tmp_str(
        "date.jsonl", "{\"id\": \"d1\", \"text\": \"t\", \"published\": \"2017-02-30\"}\n"
                      "{\"id\": \"d2\", \"text\": \"t\", \"published\": \"5 April 2017\"}\n"
                      "{\"id\": \"d3\", \"text\": \"t\", \"published\": "
                      "\"2017-04-05T10:00:00Z\"}\n");
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(stats.documents, 3); /* the records are kept */
    assert_int_equal(cap.diag.warnings, 2);
    assert_int_equal(cap.diag.errors, 0);
    assert_non_null(strstr(cap.log.data, "date.jsonl|1|malformed \"published\""));
    assert_non_null(strstr(cap.log.data, "date.jsonl|2|malformed \"published\""));
    assert_int_equal(seen.published[0].year, 0);
    assert_int_equal(seen.published[1].year, 0);
    assert_int_equal(seen.published[2].year, 2017);
    assert_int_equal(seen.published[2].day, 5);
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_jsonl_invalid_utf8_repaired(void **state)
{
    (void)state;
    /* Latin-1 bytes inside the JSON: repaired once for the file, and the
     * records are still read. */
    const char *path = write_tmp_str("latin.jsonl", "{\"id\": \"l1\", \"text\": \"caf\xE9\"}\n"
                                                    "{\"id\": \"l2\", \"text\": \"na\xEFve\"}\n");
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_string_equal(seen.ids.data, "l1|l2");
    assert_int_equal(cap.diag.warnings, 1);
    assert_int_equal(cap.diag.errors, 0);
    assert_non_null(strstr(cap.log.data, "latin.jsonl|0|invalid UTF-8: 2 bytes"));
    assert_string_equal(seen.text[0], "caf?");
    seen_free(&seen);
    buffer_free(&cap.log);
}

/* ---- JSON Lines: the fast parser against jansson -------------------------- */

/* Parses `json` (len bytes) with both parsers. Wherever the fast one
 * answers, jansson must accept the record too and find the same fields.
 * Returns whether the fast one answered. */
static bool fast_agrees(const char *json, size_t len)
{
    Arena arena;
    arena_init(&arena);
    JsonlRecord fast, slow;
    Capture cap;
    capture_init(&cap);
    bool fast_ok = jsonl_scan_fast(json, len, &arena, &fast);
    bool slow_ok = jsonl_scan_jansson(json, len, &arena, &slow, "t.jsonl", 1, &cap.diag);
    if (fast_ok) {
        if (!slow_ok)
            fail_msg("fast parser accepted what jansson refused: %.*s (%s)", (int)len, json,
                     cap.log.data);
        for (int f = 0; f < JSONL_FIELDS; f++) {
            const JsonlValue *a = &fast.field[f], *b = &slow.field[f];
            if (a->kind != b->kind)
                fail_msg("field %d: kind %d, jansson %d, in %.*s", f, a->kind, b->kind, (int)len,
                         json);
            if (a->kind == JSONL_STRING &&
                (a->len != b->len || memcmp(a->string, b->string, a->len) != 0 ||
                 a->string[a->len] != '\0'))
                fail_msg("field %d: \"%s\", jansson \"%s\", in %.*s", f, a->string, b->string,
                         (int)len, json);
            if (a->kind == JSONL_INTEGER && a->integer != b->integer)
                fail_msg("field %d: %lld, jansson %lld", f, a->integer, b->integer);
        }
    }
    arena_free(&arena);
    buffer_free(&cap.log);
    return fast_ok;
}

static void test_jsonl_fast_parser_agrees(void **state)
{
    (void)state;
    /* Records the fast parser must take itself. */
    static const char *const taken[] = {
        "{\"id\":\"a\",\"text\":\"plain words\"}",
        " \t{ \"id\" : \"a\" ,\r\n \"text\" : \"x\" } \r",
        "{}",
        "{\"id\":\"e\",\"text\":\"\\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t end\"}",
        "{\"id\":\"u\",\"text\":\"caf\\u00e9 \\u20AC \\uD83D\\uDE00 \\u0000 \\u0041\"}",
        "{\"id\":\"r\",\"text\":\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 raw\"}",
        "{\"id\":42,\"text\":\"t\"}",
        "{\"id\":-7,\"text\":\"t\"}",
        "{\"id\":-0,\"text\":\"t\"}",
        "{\"id\":9223372036854775807,\"text\":\"t\"}",
        "{\"id\":-9223372036854775808,\"text\":\"t\"}",
        "{\"id\":\"n\",\"text\":null,\"title\":true,\"outlet\":false,\"url\":null}",
        "{\"id\":\"k\",\"text\":\"t\",\"extra\":\"x\",\"extra\":7,\"more\":null}",
        "{\"id\":\"p\",\"text\":\"t\",\"published\":\"2017-01-02T10:00:00Z\"}",
        "{\"id\":\"\",\"text\":\"\"}",
    };
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++)
        if (!fast_agrees(taken[i], strlen(taken[i])))
            fail_msg("fast parser gave up on %s", taken[i]);

    /* Records it must leave to jansson: valid JSON it does not handle,
     * and every kind of invalid JSON (jansson words the error). */
    static const char *const left[] = {
        "{\"id\":\"a\",\"text\":\"t\",\"tags\":[\"x\"]}",
        "{\"id\":\"a\",\"text\":\"t\",\"meta\":{}}",
        "{\"id\":1.5,\"text\":\"t\"}",
        "{\"id\":1e3,\"text\":\"t\"}",
        "{\"id\":\"a\",\"text\":\"t\",\"score\":1e999}",
        "{\"id\":9223372036854775808,\"text\":\"t\"}",
        "{\"id\":-9223372036854775809,\"text\":\"t\"}",
        "{\"id\":\"a\",\"id\":\"b\",\"text\":\"t\"}",
        "{\"t\\u0065xt\":\"x\",\"id\":\"a\"}",
        "{\"id\":\"a\",\"text\":\"t\",}",
        "{\"id\" \"a\"}",
        "{\"id\":\"a\",\"text\":\"unterminated}",
        "{\"id\":\"a\",\"text\":\"tab\there\"}",
        "{\"id\":\"a\",\"text\":\"bad \\x escape\"}",
        "{\"id\":\"a\",\"text\":\"\\uD800 lone\"}",
        "{\"id\":\"a\",\"text\":\"\\uDC00 lone\"}",
        "{\"id\":\"a\",\"text\":\"\\uD800\\u0041\"}",
        "{\"id\":\"a\",\"text\":\"\\u12G4\"}",
        "{\"id\":01,\"text\":\"t\"}",
        "{\"id\":-,\"text\":\"t\"}",
        "{\"id\":\"a\",\"text\":\"t\"} x",
        "{\"id\":\"a\",\"text\":\"t\"}}",
        "[1]",
        "\"str\"",
        "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"t\"}",
        "{\"id\":\"a\",\"text\":\"bad \xC3\x28 utf8\"}",
        "{\"id\":\"a\",\"text\":\"overlong \xC0\xAF\"}",
        "{\"id\":\"a\",\"text\":\"cut \xE2\x82\"}",
        /* stray continuation bytes filling a whole eight-byte word */
        "{\"id\":\"a\",\"text\":\"abcdefgh\x80\x81\x82\x83\x84\x85\x86\x87ijklmnop\"}",
        "{\"id\":nul,\"text\":\"t\"}",
        "{\"id\":nullx,\"text\":\"t\"}",
        "{\"id\":\"a\",\"text\":\"t\"",
        "",
        "   ",
    };
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
        if (fast_agrees(left[i], strlen(left[i])))
            fail_msg("fast parser answered for %s", left[i]);

    /* Strings of every length up to 40 with a quote, a backslash escape
     * or a multi-byte character at every position: the eight-byte scan
     * must see each of them wherever it falls. */
    static const char *const specials[] = {
        "\\\"",          "\\\\", "\\n", "\\u00e9", "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80",
        "\\uD83D\\uDE00"};
    char text[128], json[256];
    for (size_t sp = 0; sp < sizeof specials / sizeof specials[0]; sp++)
        for (int n = 0; n <= 40; n++)
            for (int at = 0; at <= n; at++) {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (i == at)
                        k += snprintf(text + k, sizeof text - (size_t)k, "%s", specials[sp]);
                    text[k++] = (char)('a' + i % 26);
                }
                if (at == n)
                    k += snprintf(text + k, sizeof text - (size_t)k, "%s", specials[sp]);
                text[k] = '\0';
                int len = snprintf(json, sizeof json, "{\"id\":\"x\",\"text\":\"%s\"}", text);
                if (!fast_agrees(json, (size_t)len))
                    fail_msg("fast parser gave up on %s", json);
            }
}

/* A small linear congruential generator: repeatable test data. */
static unsigned next_random(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
    return (unsigned)(*seed >> 33);
}

/* Random records, then random damage: wherever the fast parser answers,
 * jansson agrees. A fixed seed keeps the run repeatable. */
static void test_jsonl_fast_parser_random(void **state)
{
    (void)state;
    static const char *const keys[] = {"id",     "text", "title", "published",
                                       "outlet", "url",  "lang",  "t\\u0065xt"};
    static const char *const atoms[] = {
        "a",
        "Z",
        " ",
        "7",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b",
        "\\n",
        "\\t",
        "\\u00e9",
        "\\u0000",
        "\\uD83D\\uDE00",
        "\xC3\xA9",
        "\xE2\x80\x9C",
        "\xF0\x9F\x98\x80",
        ".",
        "\\uDC00",
        "\\q",
    };
    static const char *const others[] = {
        "null",      "true", "false", "0",         "-12",
        "123456789", "1.5",  "[]",    "{\"a\":1}", "99999999999999999999"};
    static const char damage[] = {'"',    '\\',   '{',    '}', ',', ':', ' ',
                                  '\x01', '\xC3', '\x80', 'u', '0', 'n', '['};
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    Buffer b;
    buffer_init(&b);
    int answered = 0, clean_answered = 0, clean = 0;
    for (int round = 0; round < 20000; round++) {
        buffer_clear(&b);
        buffer_append_str(&b, next_random(&seed) % 4 ? "{" : " { ");
        int fields = (int)(next_random(&seed) % 7);
        bool supported = true; /* only what the fast parser takes */
        bool used[8] = {false};
        for (int f = 0; f < fields; f++) {
            unsigned key = next_random(&seed) % (sizeof keys / sizeof keys[0]);
            if (f)
                buffer_append_str(&b, next_random(&seed) % 3 ? "," : " ,\t");
            buffer_printf(&b, "\"%s\":", keys[key]);
            if (key == 7 || (key < 6 && used[key]))
                supported = false;
            used[key] = true;
            if (next_random(&seed) % 4) {
                buffer_append_char(&b, '"');
                int atoms_n = (int)(next_random(&seed) % 24);
                for (int a = 0; a < atoms_n; a++) {
                    unsigned at = next_random(&seed) % (sizeof atoms / sizeof atoms[0]);
                    if (at >= 17)
                        supported = false; /* a lone surrogate, a bad escape */
                    buffer_append_str(&b, atoms[at]);
                }
                buffer_append_char(&b, '"');
            } else {
                unsigned o = next_random(&seed) % (sizeof others / sizeof others[0]);
                if (o >= 6)
                    supported = false; /* reals, arrays, objects, overflow */
                buffer_append_str(&b, others[o]);
            }
        }
        buffer_append_str(&b, next_random(&seed) % 4 ? "}" : "} ");
        if (next_random(&seed) % 3 == 0) { /* damage a byte or two */
            supported = false;
            int hits = 1 + (int)(next_random(&seed) % 2);
            for (int h = 0; h < hits; h++) {
                size_t at = next_random(&seed) % b.len;
                b.data[at] = damage[next_random(&seed) % sizeof damage];
            }
        }
        bool ok = fast_agrees(b.data, b.len);
        answered += ok;
        if (supported) {
            clean++;
            clean_answered += ok;
            if (!ok)
                fail_msg("fast parser gave up on a plain record: %s", b.data);
        }
    }
    buffer_free(&b);
    /* Both kinds were exercised. */
    assert_true(clean > 2000);
    assert_true(answered > clean_answered);
    assert_true(answered < 20000);
}

/* ---- HTML --------------------------------------------------------------- */

static const char PAGE[] = "<!DOCTYPE html><html><head><title>  Siege   broken |\n Example </title>"
                           "<link rel=\"canonical\" href=\"https://example.org/siege\">"
                           "<style>p { color: red }</style>"
                           "<script>var tracking = 'SCRIPTTEXT';</script></head>"
                           "<body class=\"single has-sidebar\">"
                           "<header><div class=\"logo\">SITEHEADER</div></header>"
                           "<nav><ul><li>NAVHOME</li><li>NAVWORLD</li></ul></nav>"
                           "<div class=\"main-menu\">MENUTEXT</div>"
                           "<article><header><h1>Army reaches the   base</h1>"
                           "<time>2017-09-05</time></header>"
                           "<p>The first paragraph\n   spans two source lines.</p>"
                           "<p>The second &amp; last paragraph.<br>With a break.</p>"
                           "<div class=\"share-buttons\">SHARETEXT</div>"
                           "<ul><li>item one</li><li>item two</li></ul>"
                           "<footer>ARTICLEFOOTER</footer></article>"
                           "<aside><article><h2>RELATEDTEASER</h2></article></aside>"
                           "<div id=\"comments\"><p>COMMENTTEXT</p></div>"
                           "<footer>SITEFOOTER</footer>"
                           "<noscript>NOSCRIPTTEXT</noscript>"
                           "</body></html>";

static void read_html(const char *html, Document *doc, Arena *arena, Capture *cap)
{
    arena_init(arena);
    capture_init(cap);
    assert_true(document_from_bytes(doc, arena, "p.html", "p.html", FORMAT_HTML, html, strlen(html),
                                    &cap->diag));
}

static void test_html_main_content(void **state)
{
    (void)state;
    Arena arena;
    Capture cap;
    Document doc;
    read_html(PAGE, &doc, &arena, &cap);
    const char *dropped[] = {"SCRIPTTEXT",  "color",      "SITEHEADER",    "NAVHOME",
                             "MENUTEXT",    "SHARETEXT",  "ARTICLEFOOTER", "RELATEDTEASER",
                             "COMMENTTEXT", "SITEFOOTER", "NOSCRIPTTEXT",  "Example"};
    for (size_t i = 0; i < sizeof dropped / sizeof *dropped; i++)
        if (strstr(doc.text, dropped[i]))
            fail_msg("\"%s\" should have been dropped:\n%s", dropped[i], doc.text);
    assert_string_equal(doc.text, "Army reaches the base\n\n"
                                  "2017-09-05\n\n"
                                  "The first paragraph spans two source lines.\n\n"
                                  "The second & last paragraph.\nWith a break.\n\n"
                                  "item one\nitem two");
    assert_string_equal(doc.title, "Siege broken | Example");
    assert_string_equal(doc.url, "https://example.org/siege");
    assert_int_equal(doc.format, FORMAT_HTML);
    assert_int_equal(cap.diag.warnings + cap.diag.errors, 0);
    buffer_free(&cap.log);
    arena_free(&arena);
}

static void test_html_without_article(void **state)
{
    (void)state;
    Arena arena;
    Capture cap;
    Document doc;
    read_html("<html><body><div id=\"sidebar\"><h3>SIDEBAR</h3>"
              "<ul class=\"widget\"><li>WIDGET</li></ul></div>"
              "<h2>Headline here</h2><div>Body text one.</div>"
              "<div>Body&nbsp;text\ttwo.</div>"
              "<table><tr><td>a</td><td>b</td></tr></table></body></html>",
              &doc, &arena, &cap);
    assert_string_equal(doc.text, "Headline here\n\nBody text one.\n\n"
                                  "Body text two.\n\na b");
    assert_null(doc.title);
    assert_null(doc.url);
    buffer_free(&cap.log);
    arena_free(&arena);
}

static void test_html_truncated(void **state)
{
    (void)state;
    Arena arena;
    Capture cap;
    Document doc;
    read_html("<html><head><title>Cut</title></head><body><p>First part.</p>"
              "<p>Second part is cut off in the mid",
              &doc, &arena, &cap);
    assert_string_equal(doc.text, "First part.\n\nSecond part is cut off in the mid");
    assert_string_equal(doc.title, "Cut");
    /* Cut inside a tag. */
    arena_free(&arena);
    buffer_free(&cap.log);
    read_html("<p>Only this.</p><p class=\"x", &doc, &arena, &cap);
    assert_string_equal(doc.text, "Only this.");
    buffer_free(&cap.log);
    arena_free(&arena);
}

static void test_html_class_on_wrapper_not_fatal(void **state)
{
    (void)state;
    /* A furniture word on the content wrapper must not lose the story. */
    Arena arena;
    Capture cap;
    Document doc;
    read_html("<html><body><div class=\"content with-sidebar\">"
              "<p>The story is here and it is long enough to matter.</p>"
              "</div></body></html>",
              &doc, &arena, &cap);
    assert_string_equal(doc.text, "The story is here and it is long enough to matter.");
    buffer_free(&cap.log);
    arena_free(&arena);
}

static void test_html_deep_nesting(void **state)
{
    (void)state;
    Buffer b;
    buffer_init(&b);
    for (int i = 0; i < 20000; i++)
        buffer_append_str(&b, "<div><span>");
    buffer_append_str(&b, "deep text");
    Arena arena;
    arena_init(&arena);
    Capture cap;
    capture_init(&cap);
    Document doc;
    assert_true(document_from_bytes(&doc, &arena, "deep.html", NULL, FORMAT_HTML, b.data, b.len,
                                    &cap.diag));
    assert_non_null(strstr(doc.text, "deep text"));
    buffer_free(&b);
    buffer_free(&cap.log);
    arena_free(&arena);
}

static void test_html_file_by_extension_and_sniffing(void **state)
{
    (void)state;
    write_tmp_str("html/a.htm", "<p>By extension.</p>");
    write_tmp_str("html/b.txt", "<!doctype html><p>Sniffed &amp; parsed.</p>");
    write_tmp_str("html/c.txt", "a < b and c > d in plain text");
    char dir[300];
    snprintf(dir, sizeof dir, "%s/html", tmp_root);
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(dir, &seen, &cap, &stats), 0);
    assert_string_equal(seen.ids.data, "a.htm|b.txt|c.txt");
    assert_int_equal(seen.format[0], FORMAT_HTML);
    assert_string_equal(seen.text[0], "By extension.");
    assert_int_equal(seen.format[1], FORMAT_HTML);
    assert_string_equal(seen.text[1], "Sniffed & parsed.");
    assert_int_equal(seen.format[2], FORMAT_TEXT);
    assert_string_equal(seen.text[2], "a < b and c > d in plain text");
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_html_articles_separated_by_form_feed(void **state)
{
    (void)state;
    Arena arena;
    Capture cap;
    Document doc;
    /* Two posts; a nested <article> (a comment) is part of its post. */
    read_html("<html><body><main>"
              "<article><h2>First post</h2><p>Posted <time>5 April 2017</time> in Idlib</p>"
              "<p>One.</p><article><p>A reader said so.</p></article></article>"
              "<article><h2>Second post</h2><p>Two.</p></article>"
              "</main></body></html>",
              &doc, &arena, &cap);
    assert_string_equal(doc.text, "First post\n\nPosted 5 April 2017 in Idlib\n\nOne.\n\n"
                                  "A reader said so.\n\n\f\n\nSecond post\n\nTwo.");
    buffer_free(&cap.log);
    arena_free(&arena);
    /* One article: no break anywhere. */
    read_html("<article><p>Only.</p></article>", &doc, &arena, &cap);
    assert_null(strchr(doc.text, '\f'));
    buffer_free(&cap.log);
    arena_free(&arena);
}

/* The reader does not compose accents (that would move offsets); matching
 * must then find a name written with combining marks as it finds the
 * precomposed one: folding decomposes both. */
static void test_decomposed_accents_still_match(void **state)
{
    (void)state;
    Lexicon lex;
    Diagnostics quiet = {0};
    assert_true(lexicon_load(&lex, "data", "/nonexistent/gazetteer.bin", &quiet));
    int deir = -1;
    for (int i = 0; i < lex.place_count && deir < 0; i++)
        if (!strcmp(lex.places[i].name, "Deir ez-Zor"))
            deir = i;
    assert_true(deir >= 0);
    static const char *const texts[] = {
        "Shells hit Deir ez-Z\xC3\xB3r on Monday.",   /* precomposed o-acute */
        "Shells hit Deir ez-Zo\xCC\x81r on Monday.",  /* o + combining acute */
        "Shells hit Dayr az-Z\xC4\x81wr on Monday.",  /* precomposed a-macron */
        "Shells hit Dayr az-Za\xCC\x84wr on Monday.", /* a + combining macron */
        "Shells hit D\xC3\xA9ir ez-Zor on Monday.",   /* e-acute */
        "Shells hit De\xCC\x81ir ez-Zor on Monday.",  /* e + combining acute */
    };
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        Arena arena;
        arena_init(&arena);
        Document doc;
        Diagnostics diag = {0};
        assert_true(document_from_bytes(&doc, &arena, "t", NULL, FORMAT_TEXT, texts[k],
                                        strlen(texts[k]), &diag));
        assert_string_equal(doc.text, texts[k]); /* kept as written */
        TokenList tl = tokenize(doc.text, (Span){0, doc.len}, &arena);
        MatchList ml = matcher_find(lex.matcher, &tl, &arena);
        bool found = false;
        for (int m = 0; m < ml.count; m++)
            for (int e = 0; e < ml.items[m].entry_count; e++)
                if (ml.items[m].entries[e].kind == ENTRY_PLACE &&
                    ml.items[m].entries[e].id == deir) {
                    found = true;
                    /* The match covers the name's bytes in the input. */
                    assert_memory_equal(doc.text + tl.items[ml.items[m].first].start, "D", 1);
                }
        if (!found)
            fail_msg("no Deir ez-Zor in \"%s\"", texts[k]);
        arena_free(&arena);
    }
    lexicon_free(&lex);
}

/* ---- Inputs ------------------------------------------------------------- */

static void test_sniff_format(void **state)
{
    (void)state;
    assert_int_equal(read_sniff_format("", 0), FORMAT_TEXT);
    assert_int_equal(read_sniff_format("\n  {\"id\":1}", 11), FORMAT_JSONL);
    const char *s = "\xEF\xBB\xBF<!DOCTYPE html><html>";
    assert_int_equal(read_sniff_format(s, strlen(s)), FORMAT_HTML);
    s = "<HTML><body>x";
    assert_int_equal(read_sniff_format(s, strlen(s)), FORMAT_HTML);
    s = "<p>Hello</p>";
    assert_int_equal(read_sniff_format(s, strlen(s)), FORMAT_HTML);
    s = "<3 is a heart, not a tag";
    assert_int_equal(read_sniff_format(s, strlen(s)), FORMAT_TEXT);
    s = "<b>unclosed, no closing tag";
    assert_int_equal(read_sniff_format(s, strlen(s)), FORMAT_TEXT);
    s = "DAMASCUS - Syrian forces <advanced>";
    assert_int_equal(read_sniff_format(s, strlen(s)), FORMAT_TEXT);
}

static void test_directory_recursion_order(void **state)
{
    (void)state;
    write_tmp_str("tree/b.txt", "bee");
    write_tmp_str("tree/a/z.txt", "zed");
    write_tmp_str("tree/a/.hidden.txt", "hidden");
    write_tmp_str("tree/.git/config.txt", "hidden dir");
    write_tmp_str("tree/c.jsonl", "{\"id\":\"c1\",\"text\":\"one\"}\n"
                                  "{\"id\":\"c2\",\"text\":\"two\"}\n");
    write_tmp_str("tree/A.txt", "capital sorts first");
    char dir[300];
    snprintf(dir, sizeof dir, "%s/tree/", tmp_root); /* trailing slash */
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(dir, &seen, &cap, &stats), 0);
    assert_string_equal(seen.ids.data, "A.txt|z.txt|b.txt|c1|c2");
    assert_string_equal(seen.text[1], "zed");
    assert_int_equal(stats.documents, 5);
    assert_int_equal(stats.inputs_failed, 0);
    assert_int_equal(stats.bytes, 19 + 3 + 3 + 50);
    assert_string_equal(cap.log.data, "");
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_empty_file(void **state)
{
    (void)state;
    const char *path = write_tmp("empty.txt", "", 0);
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(seen.count, 0);
    assert_int_equal(stats.inputs_failed, 1);
    assert_int_equal(cap.diag.warnings, 1);
    assert_non_null(strstr(cap.log.data, "empty.txt|0|empty file"));
    /* Whitespace only: nothing usable either. */
    path = write_tmp_str("blank.txt", " \n\r\n\t ");
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(seen.count, 0);
    assert_int_equal(stats.inputs_failed, 1);
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_binary_file(void **state)
{
    (void)state;
    char data[4096];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)((i * 7919u) % 256);
    const char *path = write_tmp("image.png", data, sizeof data);
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(seen.count, 0);
    assert_int_equal(stats.inputs_failed, 1);
    assert_int_equal(cap.diag.errors, 1);
    assert_non_null(strstr(cap.log.data, "image.png|0|binary file, skipped"));
    /* A stray NUL in a long text becomes a space (offsets stay), not a
     * reason to skip the file. */
    char text[2000];
    memset(text, 'a', sizeof text);
    text[1000] = '\0';
    path = write_tmp("stray.txt", text, sizeof text);
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(seen.count, 1);
    assert_int_equal(seen.len[0], sizeof text);
    assert_int_equal(seen.text[0][1000], ' ');
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_unreadable_path(void **state)
{
    (void)state;
    char missing[300];
    snprintf(missing, sizeof missing, "%s/no/such/file.txt", tmp_root);
    const char *good = write_tmp_str("good.txt", "still read");
    const char *inputs[] = {missing, good};
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats = {0};
    assert_int_equal(read_inputs(inputs, 2, collect, &seen, &cap.diag, &stats), 0);
    assert_int_equal(stats.inputs_failed, 1);
    assert_int_equal(stats.documents, 1);
    assert_non_null(strstr(cap.log.data, "file.txt|0|"));
    assert_non_null(strstr(cap.log.data, strerror(ENOENT)));
    if (geteuid() != 0) { /* root reads anything */
        const char *locked = write_tmp_str("locked.txt", "secret");
        chmod(locked, 0);
        assert_int_equal(read_one(locked, &seen, &cap, &stats), 0);
        assert_int_equal(stats.inputs_failed, 1);
        assert_non_null(strstr(cap.log.data, strerror(EACCES)));
    }
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_handler_stops_reading(void **state)
{
    (void)state;
    const char *path = write_tmp_str("stop.jsonl", "{\"id\":\"1\",\"text\":\"a\"}\n"
                                                   "{\"id\":\"2\",\"text\":\"b\"}\n");
    Seen seen;
    seen_init(&seen);
    seen.stop_after = 1;
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 7);
    assert_string_equal(seen.ids.data, "1");
    seen_free(&seen);
    buffer_free(&cap.log);
}

static void test_huge_single_line(void **state)
{
    (void)state;
    const size_t size = 50u * 1024 * 1024;
    char *data = malloc(size);
    assert_non_null(data);
    for (size_t i = 0; i < size; i++)
        data[i] = (i % 7 == 6) ? ' ' : (char)('a' + i % 7);
    const char *path = write_tmp("huge.txt", data, size);
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(seen.count, 1);
    assert_int_equal(seen.len[0], size);
    assert_int_equal(stats.bytes, size);
    seen_free(&seen);
    unlink(path);

    /* The same through the non-ASCII path and JSON: one 8 MB record. */
    const size_t n = 8u * 1024 * 1024;
    Buffer b;
    buffer_init(&b);
    buffer_append_str(&b, "{\"id\":\"big\",\"text\":\"");
    for (size_t i = 0; b.len < n; i++)
        buffer_append_str(&b, i % 10 == 0 ? "Caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D " : "word ");
    size_t text_len = b.len - 20;
    buffer_append_str(&b, "\"}");
    path = write_tmp("big.jsonl", b.data, b.len);
    seen_init(&seen);
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_int_equal(seen.count, 1);
    assert_int_equal(seen.len[0], text_len);
    assert_string_equal(cap.log.data, "");
    seen_free(&seen);
    buffer_free(&b);
    buffer_free(&cap.log);
    free(data);
}

/* ---- The shared corpus -------------------------------------------------- */

static int count_docs(Document *doc, void *ctx)
{
    assert_true(doc->id[0] != '\0');
    assert_true(doc->len > 0);
    assert_int_equal(strlen(doc->text), doc->len);
    (*(long *)ctx)++;
    return 0;
}

static void test_shared_fakes_dev(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/corpus/fakes-dev.jsonl", dir);
    const char *inputs[] = {path};
    Capture cap;
    capture_init(&cap);
    ReadStats stats = {0};
    long n = 0;
    assert_int_equal(read_inputs(inputs, 1, count_docs, &n, &cap.diag, &stats), 0);
    assert_string_equal(cap.log.data, "");
    assert_int_equal(n, 180);
    assert_int_equal(stats.documents, 180);
    assert_int_equal(stats.inputs_failed, 0);
    buffer_free(&cap.log);
}

static void test_shared_seeds(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/corpus/seeds", dir);
    Seen seen;
    seen_init(&seen);
    Capture cap;
    capture_init(&cap);
    ReadStats stats;
    assert_int_equal(read_one(path, &seen, &cap, &stats), 0);
    assert_string_equal(cap.log.data, "");
    assert_int_equal(seen.count, 5);
    assert_string_equal(seen.ids.data, "000_c6bea5240a295d26.txt|001_2eb522815f3a1db4.txt|"
                                       "002_082355a820b040bb.txt|003_c3888249847dc611.txt|"
                                       "004_c0d5f7308ebb5180.txt");
    for (int i = 0; i < 5; i++) {
        assert_int_equal(seen.format[i], FORMAT_TEXT);
        assert_true(seen.len[i] > 1000);
    }
    seen_free(&seen);
    buffer_free(&cap.log);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid_multibyte),
        cmocka_unit_test(test_utf8_truncated_sequence),
        cmocka_unit_test(test_utf8_overlong),
        cmocka_unit_test(test_utf8_surrogate),
        cmocka_unit_test(test_utf8_lone_continuation),
        cmocka_unit_test(test_utf8_keeps_cr_and_blanks_nul),
        cmocka_unit_test(test_text_keeps_input_bytes),
        cmocka_unit_test(test_invalid_utf8_file_warns_once),
        cmocka_unit_test(test_jsonl_good),
        cmocka_unit_test(test_jsonl_malformed_line),
        cmocka_unit_test(test_jsonl_missing_fields),
        cmocka_unit_test(test_jsonl_bad_published),
        cmocka_unit_test(test_jsonl_invalid_utf8_repaired),
        cmocka_unit_test(test_jsonl_fast_parser_agrees),
        cmocka_unit_test(test_jsonl_fast_parser_random),
        cmocka_unit_test(test_html_main_content),
        cmocka_unit_test(test_html_without_article),
        cmocka_unit_test(test_html_truncated),
        cmocka_unit_test(test_html_class_on_wrapper_not_fatal),
        cmocka_unit_test(test_html_deep_nesting),
        cmocka_unit_test(test_html_file_by_extension_and_sniffing),
        cmocka_unit_test(test_html_articles_separated_by_form_feed),
        cmocka_unit_test(test_decomposed_accents_still_match),
        cmocka_unit_test(test_sniff_format),
        cmocka_unit_test(test_directory_recursion_order),
        cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_binary_file),
        cmocka_unit_test(test_unreadable_path),
        cmocka_unit_test(test_handler_stops_reading),
        cmocka_unit_test(test_huge_single_line),
        cmocka_unit_test(test_shared_fakes_dev),
        cmocka_unit_test(test_shared_seeds),
    };
    return cmocka_run_group_tests_name("read", tests, make_tmp, remove_tmp);
}
