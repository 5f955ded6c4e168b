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
static void count_emit(void *ctx, DiagLevel level, const char *file, long line,
                       const char *msg)
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
        cmocka_unit_test(test_dates_round_trip_and_weekdays),
        cmocka_unit_test(test_diagnostics_count_and_route),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
