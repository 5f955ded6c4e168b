/*
 * test_stream_output.c — the memory and speed work must not change what
 * sitrep writes:
 *  - extract_document_each() hands over, article by article, exactly the
 *    events extract_document() returns (same JSON, same order), and stops
 *    when its sink says so;
 *  - event_write_json() writes coordinates as printf's "%.5f" would, for
 *    values on both sides of every rounding boundary, negative zero and
 *    values too large for its fast path.
 * The first needs the compiled gazetteer and skips without it.
 */
#include "testing.h"

#include "../src/extract/extract.h"

#include <math.h>

typedef struct Sink {
    Buffer json;
    int calls, events, stop_after;
} Sink;

static int sink_events(const EventList *events, void *ctx)
{
    Sink *s = ctx;
    s->calls++;
    for (int i = 0; i < events->count; i++) {
        event_write_json(&s->json, &events->items[i]);
        buffer_append_char(&s->json, '\n');
    }
    s->events += events->count;
    return s->stop_after && s->calls >= s->stop_after ? 7 : 0;
}

static void test_each_equals_document(void **state)
{
    (void)state;
    if (access("build/gazetteer.bin", R_OK) != 0) {
        print_message("skipped: build/gazetteer.bin not built\n");
        skip();
    }
    Diagnostics diag = {0};
    Lexicon lex;
    assert_true(lexicon_load(&lex, "data", "build/gazetteer.bin", &diag));
    const char *files[] = {"samples/wire-archive.txt", "samples/daily-digest.txt"};
    for (size_t f = 0; f < sizeof files / sizeof *files; f++) {
        char *bytes = NULL;
        size_t len = 0;
        assert_int_equal(file_read_all(files[f], &bytes, &len), 0);
        Arena arena;
        arena_init(&arena);
        Document doc;
        assert_true(
            document_from_bytes(&doc, &arena, "d", files[f], FORMAT_TEXT, bytes, len, &diag));
        ArticleList articles = split_articles(&doc, &diag);
        assert_true(articles.count > 1); /* the scratch arena is used */

        EventList all = extract_document(&lex, &doc, &articles, &diag);
        Buffer whole;
        buffer_init(&whole);
        for (int i = 0; i < all.count; i++) {
            event_write_json(&whole, &all.items[i]);
            buffer_append_char(&whole, '\n');
        }
        assert_true(all.count > 0);

        Sink s = {.stop_after = 0};
        buffer_init(&s.json);
        assert_int_equal(extract_document_each(&lex, &doc, &articles, &diag, sink_events, &s), 0);
        assert_int_equal(s.calls, articles.count);
        assert_int_equal(s.events, all.count);
        assert_string_equal(s.json.data, whole.data);

        /* A sink that says stop: no more calls, its value returned. */
        Sink stop = {.stop_after = 1};
        buffer_init(&stop.json);
        assert_int_equal(extract_document_each(&lex, &doc, &articles, &diag, sink_events, &stop),
                         7);
        assert_int_equal(stop.calls, 1);

        buffer_free(&stop.json);
        buffer_free(&s.json);
        buffer_free(&whole);
        arena_free(&arena);
        free(bytes);
    }
    lexicon_free(&lex);
}

/* The "lat" value event_write_json writes for a place at (v, 0). */
static void lat_written(double v, char *out, size_t cap)
{
    EventPlace p = {"X", "", "", v, 0, "exact", 0, NULL};
    Event ev;
    memset(&ev, 0, sizeof ev);
    ev.doc_id = "d";
    ev.event_type = ev.sub_event_type = "Other";
    ev.has_place = true;
    ev.place = p;
    Buffer b;
    buffer_init(&b);
    event_write_json(&b, &ev);
    const char *at = strstr(b.data, "\"lat\":");
    assert_non_null(at);
    at += 6;
    size_t n = strcspn(at, ",");
    assert_true(n < cap);
    memcpy(out, at, n);
    out[n] = '\0';
    buffer_free(&b);
}

static void check_number(double v)
{
    char got[64], want[64];
    lat_written(v, got, sizeof got);
    snprintf(want, sizeof want, "%.5f", v);
    if (strcmp(got, want))
        fail_msg("%.17g written as %s, printf says %s", v, got, want);
}

static void test_coordinates_as_printf(void **state)
{
    (void)state;
    const double fixed[] = {
        0.0,        -0.0,       1.0,       -1.0,         35.95,       36.07,  39.01,
        -33.123456, 0.000005,   0.000015,  0.000025,     1.234565,    2.5e-6, -2.5e-6,
        179.999995, 999.999995, 1000.0,    12345.678915, -98765.4321, 1e15,   4.9999999999e-6,
        0.1,        0.7,        45.123455, 45.1234549999};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        check_number(fixed[i]);
    /* Every boundary region of the rounding, and random values. */
    unsigned long long x = 88172645463325252ull;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v = (double)(x % 360000000000ull) / 1e9 - 180.0;
        check_number(v);
        double tie = floor(v * 1e5) / 1e5 + 0.000005; /* near x.xxxxx5 */
        check_number(tie);
        check_number(nextafter(tie, 1e9));
        check_number(nextafter(tie, -1e9));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_equals_document),
        cmocka_unit_test(test_coordinates_as_printf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
