/* test_core.c — arena, buffer, JSON strings and calendar arithmetic. */
#include "testing.h"

#include "../../src/core/core.h"

static void test_arena_alignment_and_growth(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    char *small = arena_alloc(&a, 3);
    assert_int_equal((uintptr_t)small % 16, 0);
    /* Larger than one block: must still be served, zeroed. */
    unsigned char *big = arena_alloc(&a, 1u << 20);
    for (size_t i = 0; i < (1u << 20); i += 4096)
        assert_int_equal(big[i], 0);
    char *s = arena_printf(&a, "%s-%d", "deir", 137);
    assert_string_equal(s, "deir-137");
    int *arr = arena_alloc(&a, 2 * sizeof(int));
    arr[0] = 7, arr[1] = 9;
    int *grown = arena_grow(&a, arr, 2, 64, sizeof(int));
    assert_int_equal(grown[0], 7);
    assert_int_equal(grown[1], 9);
    assert_int_equal(grown[63], 0);
    arena_free(&a);
}

static void test_json_escapes_controls_and_quotes(void **state)
{
    (void)state;
    Buffer b;
    buffer_init(&b);
    const char in[] = "a\"b\\c\nd\x01\te";
    json_write_string(&b, in, sizeof in - 1);
    assert_string_equal(b.data, "\"a\\\"b\\\\c\\nd\\u0001\\te\"");
    buffer_clear(&b);
    json_write_cstr(&b, NULL);
    assert_string_equal(b.data, "null");
    buffer_clear(&b);
    json_write_cstr(&b, "Dayr az Zawr – دير الزور");
    assert_string_equal(b.data, "\"Dayr az Zawr – دير الزور\"");
    buffer_free(&b);
}

/* The escaper skips plain bytes eight at a time, so put each special byte
 * at every position of strings of several lengths (every offset within a
 * word, and the tail) and compare with a byte-at-a-time reference. */
static void reference_escape(Buffer *b, const unsigned char *s, size_t n)
{
    buffer_append_char(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '"')
            buffer_append_str(b, "\\\"");
        else if (c == '\\')
            buffer_append_str(b, "\\\\");
        else if (c == '\n')
            buffer_append_str(b, "\\n");
        else if (c == '\r')
            buffer_append_str(b, "\\r");
        else if (c == '\t')
            buffer_append_str(b, "\\t");
        else if (c < 0x20)
            buffer_printf(b, "\\u%04x", c);
        else
            buffer_append_char(b, (char)c);
    }
    buffer_append_char(b, '"');
}

static void test_json_escapes_at_every_position(void **state)
{
    (void)state;
    /* Specials, plus bytes next to the thresholds the word test uses. */
    static const unsigned char specials[] = {'"',  '\\', '\n', '\r', '\t', 0x00, 0x01, 0x1f, 0x20,
                                             0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xa2, 0xdc, 0xff};
    unsigned char text[80];
    Buffer got, want;
    buffer_init(&got);
    buffer_init(&want);
    for (size_t n = 1; n <= sizeof text; n += (n < 20 ? 1 : 7)) {
        for (size_t k = 0; k < sizeof specials; k++) {
            for (size_t pos = 0; pos < n; pos++) {
                for (size_t i = 0; i < n; i++)
                    text[i] = (unsigned char)('a' + i % 26);
                text[pos] = specials[k];
                /* A second special further on, so runs between escapes
                 * of every length are covered too. */
                if (pos + 9 < n)
                    text[pos + 9] = specials[(k + 1) % sizeof specials];
                buffer_clear(&got);
                buffer_clear(&want);
                json_write_string(&got, (const char *)text, n);
                reference_escape(&want, text, n);
                assert_int_equal(got.len, want.len);
                assert_memory_equal(got.data, want.data, want.len);
            }
        }
    }
    buffer_free(&got);
    buffer_free(&want);
}

static void test_dates_round_trip_and_weekdays(void **state)
{
    (void)state;
    Date d;
    assert_true(date_parse_iso("2017-09-05", 10, &d));
    assert_int_equal(date_weekday(d), 1); /* a Tuesday */
    assert_true(date_parse_iso("2016-09-05", 10, &d));
    assert_int_equal(date_weekday(d), 0); /* a Monday */
    assert_false(date_parse_iso("2017-02-29", 10, &d));
    assert_true(date_parse_iso("2016-02-29", 10, &d));
    assert_false(date_parse_iso("2017-13-01", 10, &d));
    assert_false(date_parse_iso("2017-1-01x", 10, &d));
    for (long days = -1000; days < 30000; days += 97) {
        Date x = date_from_days(days);
        assert_true(date_valid(x));
        assert_int_equal(date_to_days(x), days);
    }
    assert_true(date_parse_iso("2017-01-01", 10, &d));
    char out[11];
    assert_string_equal(date_format(date_add_days(d, -1), out), "2016-12-31");
    Date month_only = {2017, 3, 0};
    assert_string_equal(date_format(month_only, out), "2017-03");
}

static int diag_count;
static void count_emit(void *ctx, DiagLevel level, const char *file, long line, const char *msg)
{
    (void)ctx, (void)level, (void)line;
    assert_string_equal(file, "x.txt");
    assert_non_null(strstr(msg, "42"));
    diag_count++;
}

static void test_diagnostics_count_and_route(void **state)
{
    (void)state;
    Diagnostics d = {.emit = count_emit};
    diag_report(&d, DIAG_WARNING, "x.txt", 3, "bad byte at %d", 42);
    diag_report(&d, DIAG_ERROR, "x.txt", 0, "error %d", 42);
    assert_int_equal(d.warnings, 1);
    assert_int_equal(d.errors, 1);
    assert_int_equal(diag_count, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_alignment_and_growth),
        cmocka_unit_test(test_json_escapes_controls_and_quotes),
        cmocka_unit_test(test_json_escapes_at_every_position),
        cmocka_unit_test(test_dates_round_trip_and_weekdays),
        cmocka_unit_test(test_diagnostics_count_and_route),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
