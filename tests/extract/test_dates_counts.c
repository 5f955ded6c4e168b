/*
 * test_dates_counts.c — the pieces of extraction that stand alone: date
 * expressions resolved against an article date, counts with their
 * qualifiers and ranges, and the JSON / TSV writers of events.
 */
#include "testing.h"

#include "../src/extract/extract.h"
#include "../src/extract/extract_internal.h"

#include <jansson.h>

static Date day(int y, int m, int d)
{
    return (Date){(int16_t)y, (int8_t)m, (int8_t)d};
}

/* Resolves expr against ref and checks the result as YYYY-MM-DD. */
static void check_date(const char *expr, Date ref, const char *want, DatePrecision want_p)
{
    Date out = {0};
    DatePrecision p = PRECISION_NONE;
    size_t used = 0;
    bool ok = resolve_date_expression(expr, strlen(expr), ref, &out, &p, &used);
    if (!want) {
        if (ok)
            print_message("unexpected date for '%s'\n", expr);
        assert_false(ok);
        return;
    }
    if (!ok)
        print_message("no date for '%s'\n", expr);
    assert_true(ok);
    char buf[11];
    date_format(out, buf);
    if (strcmp(buf, want))
        print_message("'%s': got %s want %s\n", expr, buf, want);
    assert_string_equal(buf, want);
    assert_int_equal(p, want_p);
    assert_true(used > 0 && used <= strlen(expr));
}

static void test_weekdays(void **state)
{
    (void)state;
    Date fri = day(2017, 8, 25); /* a Friday */
    check_date("on Thursday", fri, "2017-08-24", PRECISION_DAY);
    check_date("Thursday", fri, "2017-08-24", PRECISION_DAY);
    check_date("Friday", fri, "2017-08-25", PRECISION_DAY);
    check_date("on Saturday", fri, "2017-08-19", PRECISION_DAY);
    check_date("last Friday", fri, "2017-08-18", PRECISION_DAY);
    check_date("Thursday’s counterattack", fri, "2017-08-24", PRECISION_DAY);
    check_date("Saturday's fighting", day(2017, 1, 14), "2017-01-14", PRECISION_DAY);
    check_date("on Tuesday", day(2017, 9, 5), "2017-09-05", PRECISION_DAY);
    check_date("late Monday", day(2016, 11, 8), "2016-11-07", PRECISION_DAY);
    check_date("Wednesday night", day(2017, 3, 3), "2017-03-01", PRECISION_DAY);
    /* the expression length covers the day part */
    Date out;
    DatePrecision p;
    size_t used = 0;
    assert_true(resolve_date_expression("Thursday morning, troops", 24, fri, &out, &p, &used));
    assert_int_equal(used, strlen("Thursday morning"));
    /* no article date: a bare weekday cannot be resolved */
    check_date("on Thursday", (Date){0}, NULL, PRECISION_NONE);
    check_date("on Thursday", (Date){2017, 0, 0}, NULL, PRECISION_NONE);
}

static void test_relative(void **state)
{
    (void)state;
    Date jan17 = day(2017, 1, 17);
    check_date("yesterday", jan17, "2017-01-16", PRECISION_DAY);
    check_date("Yesterday (Wednesday)", day(2017, 2, 23), "2017-02-22", PRECISION_DAY);
    check_date("today", jan17, "2017-01-17", PRECISION_DAY);
    check_date("this morning", jan17, "2017-01-17", PRECISION_DAY);
    check_date("last night", jan17, "2017-01-16", PRECISION_DAY);
    check_date("earlier this week", day(2017, 6, 23), "2017-06-19", PRECISION_WEEK);
    check_date("last week", day(2017, 6, 23), "2017-06-12", PRECISION_WEEK);
    check_date("over the weekend", day(2016, 12, 12), "2016-12-10", PRECISION_WEEK);
    check_date("over the past 24 hours", day(2017, 1, 14), "2017-01-14", PRECISION_DAY);
    check_date("last month", day(2017, 1, 14), "2016-12-01", PRECISION_MONTH);
    check_date("earlier this month", day(2017, 8, 25), "2017-08-01", PRECISION_MONTH);
    check_date("last year", day(2017, 3, 3), "2016-01-01", PRECISION_YEAR);
    check_date("three days ago", day(2017, 3, 3), "2017-02-28", PRECISION_DAY);
    check_date("yesterday", (Date){0}, NULL, PRECISION_NONE);
}

static void test_explicit(void **state)
{
    (void)state;
    Date jun23 = day(2017, 6, 23);
    check_date("On June 23", jun23, "2017-06-23", PRECISION_DAY);
    check_date("on June 24", jun23, "2017-06-24", PRECISION_DAY); /* a day of grace */
    check_date("on May 4", jun23, "2017-05-04", PRECISION_DAY);
    check_date("on Dec. 30", day(2017, 1, 14), "2016-12-30", PRECISION_DAY);
    check_date("since Dec. 22", day(2017, 1, 14), NULL, PRECISION_NONE);
    check_date("Dec. 22", day(2017, 1, 14), "2016-12-22", PRECISION_DAY);
    check_date("on Feb. 23", day(2017, 3, 3), "2017-02-23", PRECISION_DAY);
    check_date("on Jan.12", (Date){2016, 0, 0}, "2016-01-12", PRECISION_DAY);
    check_date("23 June 2017", (Date){0}, "2017-06-23", PRECISION_DAY);
    check_date("March 03, 2017", (Date){0}, "2017-03-03", PRECISION_DAY);
    check_date("12 June, 2017", (Date){0}, "2017-06-12", PRECISION_DAY);
    check_date("On September 9", day(2016, 9, 20), "2016-09-09", PRECISION_DAY);
    check_date("the 5th of", day(2016, 9, 20), NULL, PRECISION_NONE);
    /* "Monday 5 September": the year near the context whose 5 September is a
     * Monday (2016, not 2017) */
    check_date("On Monday 5 September", (Date){2017, 0, 0}, "2016-09-05", PRECISION_DAY);
    check_date("On Monday 5 September", (Date){2016, 0, 0}, "2016-09-05", PRECISION_DAY);
    check_date("Monday, September 5", day(2016, 9, 20), "2016-09-05", PRECISION_DAY);
}

static void test_months_years(void **state)
{
    (void)state;
    check_date("In July", day(2016, 9, 20), "2016-07-01", PRECISION_MONTH);
    check_date("in August", day(2017, 2, 23), "2016-08-01", PRECISION_MONTH);
    check_date("in March 2011", day(2017, 9, 5), "2011-03-01", PRECISION_MONTH);
    check_date("in May 2015", day(2017, 3, 1), "2015-05-01", PRECISION_MONTH);
    check_date("mid-January", day(2017, 1, 14), "2017-01-01", PRECISION_MONTH);
    check_date("early July", day(2017, 6, 23), "2016-07-01", PRECISION_MONTH);
    check_date("last March", day(2017, 3, 3), "2016-03-01", PRECISION_MONTH);
    check_date("in 2014", day(2017, 1, 14), "2014-01-01", PRECISION_YEAR);
    check_date("early 2013", day(2017, 6, 12), "2013-01-01", PRECISION_YEAR);
    /* plain words that look like months or years are not dates */
    check_date("may be", day(2017, 6, 23), NULL, PRECISION_NONE);
    check_date("2014 people", day(2017, 6, 23), NULL, PRECISION_NONE);
    check_date("the army", day(2017, 6, 23), NULL, PRECISION_NONE);
    check_date("", day(2017, 6, 23), NULL, PRECISION_NONE);
}

/* ---- Counts --------------------------------------------------------------- */

static void check_count(const char *s, long low, long best, long high, size_t used)
{
    Range r = {0};
    size_t n = parse_count(NULL, s, strlen(s), &r);
    if (n != used || r.low != low || r.best != best || r.high != high)
        print_message("'%s': used %zu low %ld best %ld high %ld\n", s, n, r.low, r.best, r.high);
    assert_int_equal(n, used);
    assert_true(r.present);
    assert_int_equal(r.low, low);
    assert_int_equal(r.best, best);
    assert_int_equal(r.high, high);
}

static void check_no_count(const char *s)
{
    Range r = {0};
    assert_int_equal(parse_count(NULL, s, strlen(s), &r), 0);
    assert_false(r.present);
}

static void test_counts_digits(void **state)
{
    (void)state;
    check_count("80 soldiers", 80, 80, 80, 2);
    check_count("at least 80 soldiers", 80, 80, 80, 11);
    check_count("at\xc2\xa0least\xc2\xa0"
                "70 civilians",
                70, 70, 70, 13);
    check_count("more than 15 villages", 15, 15, 15, 12);
    check_count("up to 7 neighborhoods", 7, 7, 7, 7);
    check_count("2,500 ISIS members", 2500, 2500, 2500, 5);
    check_count("330,000 people", 330000, 330000, 330000, 7);
    check_count("1.5 million", 1500000, 1500000, 1500000, 11);
    check_count("12-15 people", 12, 13, 15, 5);
    check_count("between 10 and 20 fighters", 10, 15, 20, 17);
    check_count("10 to 12", 10, 11, 12, 8);
    check_no_count("17th Division");
    check_no_count("10km away");
    check_no_count("soldiers");
    check_no_count("");
}

static void test_counts_words(void **state)
{
    (void)state;
    check_count("Sixty-two Syrian soldiers", 62, 62, 62, 9);
    check_count("a hundred others", 100, 100, 100, 9);
    check_count("three people", 3, 3, 3, 5);
    check_count("Five people", 5, 5, 5, 4);
    check_count("two dozens of villages", 24, 24, 24, 10);
    check_count("about two dozens of villages", 24, 24, 24, 16);
    check_count("a dozen", 12, 12, 12, 7);
    check_count("one hundred and twenty", 120, 120, 120, 22);
    check_count("three thousand five hundred", 3500, 3500, 3500, 27);
    check_count("ten soldiers", 10, 10, 10, 3);
    Range r = {0};
    /* vague quantities are ranges */
    assert_int_equal(parse_count(NULL, "dozens of", 9, &r), 6);
    assert_true(r.low < r.high && r.low >= 12);
    assert_int_equal(parse_count(NULL, "tens of thousands of civilians", 30, &r), 17);
    assert_true(r.low >= 10000 && r.high < 100000 && r.low < r.high);
    /* "one" inside a phrase is still one; a word alone is not a count */
    check_no_count("several-storey");
    check_no_count("a man");
}

static void test_counts_lexicon(void **state)
{
    (void)state;
    /* Number words from data/numbers.tsv extend the grammar. */
    NumberWord words[] = {{"scores", 60, 40, 99, 0}, {"a couple of", 2, 2, 2, 0}};
    Lexicon lex;
    memset(&lex, 0, sizeof lex);
    lex.numbers = words;
    lex.number_count = 2;
    Range r = {0};
    assert_int_equal(parse_count(&lex, "scores of people", 16, &r), 6);
    assert_int_equal(r.low, 40);
    assert_int_equal(r.best, 60);
    assert_int_equal(r.high, 99);
    assert_int_equal(parse_count(&lex, "a couple of tanks", 17, &r), 11);
    assert_int_equal(r.best, 2);
    /* digits still win */
    assert_int_equal(parse_count(&lex, "at least 34 soldiers", 20, &r), 11);
    assert_int_equal(r.low, 34);
}

/* ---- Output --------------------------------------------------------------- */

static Event sample_event(EventPlace *places)
{
    Event ev;
    memset(&ev, 0, sizeof ev);
    ev.doc_id = "doc\t1";
    ev.article = 2;
    ev.primary = true;
    ev.event_type = "Battles";
    ev.sub_event_type = "Government regains territory";
    ev.date = day(2017, 3, 2);
    ev.date_precision = PRECISION_DAY;
    ev.has_actor1 = true;
    ev.actor1 = (EventActor){"Syrian Arab Army", SIDE_GOVERNMENT, 0};
    ev.has_actor2 = true;
    ev.actor2 = (EventActor){"Islamic State", SIDE_ISLAMIC_STATE, 1};
    places[0] = (EventPlace){"Palmyra", "SY-HI", "SY", 34.56, 38.28, "exact", 3, NULL};
    places[1] = (EventPlace){"Mount \"Hilal\"", "", "SY", 0, 0, "near", -1, "north of"};
    ev.has_place = true;
    ev.place = places[0];
    ev.places = places;
    ev.place_count = 2;
    ev.fatalities = (Range){true, 62, 70, 80};
    ev.certainty = CERTAINTY_DISPUTED;
    ev.outlet = NULL;
    ev.evidence = (Span){10, 42};
    ev.evidence_text = "Troops recaptured \"Palmyra\".\n";
    return ev;
}

static void test_json_output(void **state)
{
    (void)state;
    EventPlace places[2];
    Event ev = sample_event(places);
    Claim claims[2] = {{"Russia", {true, 62, 62, 62}, "Russia says 62", {0, 5}},
                       {"SOHR", {false, 0, 0, 0}, "SOHR says", {6, 9}}};
    ev.claims = claims;
    ev.claim_count = 2;
    Buffer b;
    buffer_init(&b);
    event_write_json(&b, &ev);
    assert_null(strchr(b.data, '\n'));
    json_error_t err;
    json_t *o = json_loads(b.data, 0, &err);
    if (!o)
        print_message("bad JSON: %s\n%s\n", err.text, b.data);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "doc_id")), "doc\t1");
    assert_int_equal(json_integer_value(json_object_get(o, "article")), 2);
    assert_true(json_is_true(json_object_get(o, "primary")));
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2017-03-02");
    assert_string_equal(json_string_value(json_object_get(o, "date_precision")), "day");
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "actor1"), "side")),
                        "government");
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "actor2"), "side")),
                        "islamic_state");
    json_t *place = json_object_get(o, "place");
    assert_string_equal(json_string_value(json_object_get(place, "admin1_code")), "SY-HI");
    assert_true(json_real_value(json_object_get(place, "lat")) > 34.5);
    json_t *list = json_object_get(o, "places");
    assert_int_equal(json_array_size(list), 2);
    json_t *second = json_array_get(list, 1);
    assert_true(json_is_null(json_object_get(second, "admin1_code")));
    assert_true(json_is_null(json_object_get(second, "lat")));
    assert_string_equal(json_string_value(json_object_get(second, "relation")), "north of");
    json_t *fat = json_object_get(o, "fatalities");
    assert_int_equal(json_integer_value(json_object_get(fat, "low")), 62);
    assert_int_equal(json_integer_value(json_object_get(fat, "high")), 80);
    assert_true(json_is_null(json_object_get(o, "injured")));
    json_t *cl = json_object_get(o, "claims");
    assert_int_equal(json_array_size(cl), 2);
    assert_non_null(json_object_get(json_array_get(cl, 0), "fatalities"));
    assert_null(json_object_get(json_array_get(cl, 1), "fatalities"));
    assert_string_equal(json_string_value(json_object_get(o, "certainty")), "disputed");
    assert_true(json_is_null(json_object_get(o, "outlet")));
    json_t *evd = json_object_get(o, "evidence");
    assert_string_equal(json_string_value(json_object_get(evd, "text")),
                        "Troops recaptured \"Palmyra\".\n");
    assert_int_equal(json_integer_value(json_object_get(evd, "start")), 10);
    assert_int_equal(json_integer_value(json_object_get(evd, "end")), 42);
    json_decref(o);

    /* an undated event without actors or place */
    buffer_clear(&b);
    ev.date_precision = PRECISION_NONE;
    ev.has_actor1 = ev.has_actor2 = ev.has_place = false;
    ev.place_count = 0;
    ev.fatalities.present = false;
    event_write_json(&b, &ev);
    o = json_loads(b.data, 0, &err);
    assert_non_null(o);
    assert_true(json_is_null(json_object_get(o, "date")));
    assert_true(json_is_null(json_object_get(o, "date_precision")));
    assert_true(json_is_null(json_object_get(o, "actor1")));
    assert_true(json_is_null(json_object_get(o, "place")));
    assert_int_equal(json_array_size(json_object_get(o, "places")), 0);
    json_decref(o);
    buffer_free(&b);
}

static void test_tsv_output(void **state)
{
    (void)state;
    EventPlace places[2];
    Event ev = sample_event(places);
    Buffer b;
    buffer_init(&b);
    event_write_tsv(&b, &ev);
    assert_null(strchr(b.data, '\n'));
    int tabs = 0;
    for (const char *p = b.data; *p; p++)
        tabs += *p == '\t';
    assert_int_equal(tabs, 8); /* nine columns, the doc id's tab replaced */
    assert_non_null(strstr(b.data, "2017-03-02"));
    assert_non_null(strstr(b.data, "Palmyra (SY-HI) +1"));
    assert_non_null(strstr(b.data, "government > islamic_state"));
    assert_non_null(strstr(b.data, "62-80"));
    buffer_free(&b);
}

/* The word-class table is searched by bsearch: it must stay sorted. */
static void test_word_table_sorted(void **state)
{
    (void)state;
    size_t n = 0;
    const WordClassEntry *t = word_class_table(&n);
    assert_true(n > 100);
    for (size_t i = 1; i < n; i++) {
        if (strcmp(t[i - 1].word, t[i].word) >= 0)
            print_message("out of order: %s, %s\n", t[i - 1].word, t[i].word);
        assert_true(strcmp(t[i - 1].word, t[i].word) < 0);
    }
    assert_true(word_class("said") & WC_SPEECH_VERBS);
    assert_true(word_class("soldiers") & WC_PERSON_NOUNS);
    assert_true(word_class("june") & WC_NOT_NAMES);
    assert_int_equal(word_class("palmyra"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekdays),       cmocka_unit_test(test_relative),
        cmocka_unit_test(test_explicit),       cmocka_unit_test(test_months_years),
        cmocka_unit_test(test_counts_digits),  cmocka_unit_test(test_counts_words),
        cmocka_unit_test(test_counts_lexicon), cmocka_unit_test(test_json_output),
        cmocka_unit_test(test_tsv_output),     cmocka_unit_test(test_word_table_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
