/*
 * test_dates.c — the date forms pages print: parse_date_line(),
 * parse_leading_date(), date_source_name().
 */
#include "testing.h"

#include "../../src/text/text.h"

static void expect_line(const char *s, const char *want)
{
    Date d;
    char buf[11];
    if (!parse_date_line(s, strlen(s), &d))
        fail_msg("not a date line: \"%s\"", s);
    assert_string_equal(date_format(d, buf), want);
}

static void expect_not_line(const char *s)
{
    Date d;
    if (parse_date_line(s, strlen(s), &d))
        fail_msg("taken for a date line: \"%s\"", s);
}

static void expect_leading(const char *s, const char *want, size_t len)
{
    Date d = {0, 0, 0};
    char buf[11];
    size_t k = parse_leading_date(s, strlen(s), &d);
    if (!k)
        fail_msg("no leading date in \"%s\"", s);
    assert_string_equal(date_format(d, buf), want);
    assert_int_equal(k, len);
}

static void test_date_lines(void **state)
{
    (void)state;
    expect_line("2017-09-05", "2017-09-05");
    expect_line("March 03, 2017", "2017-03-03");
    expect_line("Nov 8, 2016", "2016-11-08");
    expect_line("Sept. 5, 2016", "2016-09-05");
    expect_line("Tuesday, 13 June 2017", "2017-06-13");
    expect_line("12 June, 2017", "2017-06-12");
    expect_line("Wed 05 Apr 2017", "2017-04-05");
    expect_line("06/12/2017", "2017-06-12"); /* US order */
    expect_line("25/12/2016", "2016-12-25"); /* cannot be US order */
    expect_line("26.11.2014", "2014-11-26"); /* day first with dots */
    expect_line("17-08-2013", "2013-08-17");
    expect_line("  **January 14, 2017**  ", "2017-01-14");
    expect_line("Saturday 17 September 2016 21:09", "2016-09-17");
    expect_line("21st of March 2016", "2016-03-21");
}

static void test_not_date_lines(void **state)
{
    (void)state;
    expect_not_line("");
    expect_not_line("News from the front - 06/12/2017");
    expect_not_line("March 2017 was the worst month");
    expect_not_line("Troops advanced on March 3, 2017.X");
    expect_not_line("2017-02-30"); /* no such day */
    expect_not_line("13/13/2017");
    expect_not_line("Mayor 5, 2017");
    expect_not_line("12 June"); /* no year */
    expect_not_line("Friday");
    expect_not_line("1 killed in 2017");
}

static void test_leading_dates(void **state)
{
    (void)state;
    expect_leading("Wed 05 Apr 2017 Syria attack kills", "2017-04-05", 15);
    expect_leading("12 February 2015 The group said", "2015-02-12", 16);
    expect_leading("May 24 2017 Troops", "2017-05-24", 11);
    expect_leading("Sun Aug 17 2014 Air strikes", "2014-08-17", 15);
    expect_leading("Apr 232017 An attack", "2017-04-23", 10);
    expect_leading("20.07.2016Get short", "2016-07-20", 10);
    expect_leading("Tuesday, 13 June 2017", "2017-06-13", 21);
    Date d;
    assert_int_equal(parse_leading_date("On 5 May 2017 it", 16, &d), 0);
    assert_int_equal(parse_leading_date("24 killed in May 2017", 21, &d), 0);
    assert_int_equal(parse_leading_date("May be 2017", 11, &d), 0);
    assert_int_equal(parse_leading_date("", 0, &d), 0);
}

static void test_date_source_names(void **state)
{
    (void)state;
    assert_null(date_source_name(DATE_SOURCE_NONE));
    assert_string_equal(date_source_name(DATE_SOURCE_LINE), "line");
    assert_string_equal(date_source_name(DATE_SOURCE_DATELINE), "dateline");
    assert_string_equal(date_source_name(DATE_SOURCE_DIGEST), "digest");
    assert_string_equal(date_source_name(DATE_SOURCE_PUBLISHED), "published");
    assert_string_equal(date_source_name(DATE_SOURCE_TEXT), "text");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_date_lines),
        cmocka_unit_test(test_not_date_lines),
        cmocka_unit_test(test_leading_dates),
        cmocka_unit_test(test_date_source_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
