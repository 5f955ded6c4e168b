/*
 * test_lead_and_context.c — the mechanisms that choose an article's lead
 * event and read places and actors in context, each on a short report
 * written for this test (the shared corpus is never copied here):
 *
 *  - a tag list run into the body ("Tags Syria Aleppo airstrikes …") opens
 *    no event, and a photo caption is never the lead;
 *  - a cumulative recap ("has killed hundreds since it seized …") is no
 *    event;
 *  - a headline event without a date of its own keeps the article's date
 *    when the only dated event of the body is months old;
 *  - "the Midan neighbourhood of Damascus" is Damascus's Midan;
 *  - "the Army and Armed Forces" are the Syrian army;
 *  - "one day after Israel launched missiles": Israel acts;
 *  - a passive "it has been liberated" does not borrow the last subject;
 *  - the speaker and the addressee of "X told Y that …" are not the doer;
 *  - "takes" is a capture only with a place for its object;
 *  - a sea is a launch area: not the event's place, in no governorate;
 *  - "weeks after IS overran ...", "IS had seized ...": background, dated
 *    by its own clause or no event.
 *
 * They need the compiled gazetteer (build/gazetteer.bin) and skip without
 * it.
 */
#include "extract/fixture.h"

static const char *day(const Event *ev, char buf[11])
{
    return date_format(ev->date, buf);
}

static void test_tags_and_captions(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Shelling kills nine in Idlib town\n\n"
        "Government shelling killed nine civilians in the town of Saraqib on Monday. "
        "Tags Syria Aleppo airstrikes chemical weapons At least two more people died of their "
        "wounds in hospital. Rescue workers carry a wounded boy after an airstrike on a market "
        "in the town of Binnish Idlib province Syria May 30 2016. (Reuters) The town has been "
        "shelled for a week.\n";
    EventList l = run(fx, text, (Date){2016, 5, 31});
    const Event *ev = lead(&l);
    assert_non_null(ev);
    /* the lead is the headline's shelling, not the caption's airstrike */
    assert_string_equal(ev->sub_event_type, "Shelling/artillery/missile attack");
    assert_true(ev->has_place);
    assert_string_equal(ev->place.admin1, "SY-ID");
    /* the tag list's "airstrikes" and "chemical weapons" are not events */
    for (int i = 0; i < l.count; i++) {
        assert_null(strstr(l.items[i].evidence_text, "Tags"));
        assert_string_not_equal(l.items[i].sub_event_type, "Chemical weapon");
    }
    /* the caption's airstrike may be an event, dated by the caption */
    for (int i = 0; i < l.count; i++)
        if (strstr(l.items[i].evidence_text, "Binnish")) {
            char d[11];
            assert_false(l.items[i].primary);
            assert_string_equal(day(&l.items[i], d), "2016-05-30");
        }
}

static void test_background_recap(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Militants post video of beheading\n\n"
        "Militants of the Islamic State group posted a video showing the murder of two men "
        "in Raqqa. IS has killed hundreds of people since it declared its caliphate in the "
        "city in June 2014.\n";
    EventList l = run(fx, text, (Date){2015, 7, 6});
    const Event *ev = lead(&l);
    assert_non_null(ev);
    char d[11];
    assert_string_equal(day(ev, d), "2015-07-06");
    assert_true(ev->has_place);
    assert_string_equal(ev->place.admin1, "SY-RA");
    for (int i = 0; i < l.count; i++)
        assert_null(strstr(l.items[i].evidence_text, "since it declared"));
}

static void test_headline_keeps_article_date(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "40 militants killed in clashes with Kurdish fighters in Hasakah\n\n"
        "At least 40 militants were killed in clashes with Kurdish fighters in the city of "
        "Hasakah, a monitor said. The group launched last June an offensive across the "
        "province.\n";
    EventList l = run(fx, text, (Date){2014, 12, 25});
    const Event *ev = lead(&l);
    assert_non_null(ev);
    char d[11];
    assert_string_equal(day(ev, d), "2014-12-25");
    assert_int_equal(ev->date_precision, PRECISION_DAY);
}

static void test_place_in_its_city(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Bomb hits police station in Damascus\n\n"
        "A car bomb exploded outside a police station in the Midan neighbourhood of Damascus "
        "on Monday, killing at least five people.\n";
    EventList l = run(fx, text, (Date){2017, 10, 3});
    const Event *ev = lead(&l);
    assert_non_null(ev);
    assert_true(ev->has_place);
    assert_string_equal(ev->place.admin1, "SY-DI");
    assert_non_null(strstr(ev->place.name, "Midan"));
}

static void test_army_and_armed_forces(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Army restores security to a village in Hama countryside\n\n"
        "A military source said on Saturday that the Army and Armed Forces established full "
        "control over the village of Maan in the northern countryside of Hama.\n";
    EventList l = run(fx, text, (Date){2016, 10, 30});
    bool found = false;
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        if (strcmp(ev->event_type, "Battles") || strncmp(ev->sub_event_type, "Gov", 3))
            continue;
        found = true;
        assert_true(ev->has_actor1);
        assert_int_equal(ev->actor1.side, SIDE_GOVERNMENT);
    }
    assert_true(found);
    for (int i = 0; i < l.count; i++)
        if (l.items[i].has_actor1)
            assert_int_not_equal(l.items[i].actor1.side, SIDE_US_COALITION);
}

static void test_actor_after_a_time(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Explosions in Quneitra\n\n"
        "Two explosions shook the town on Monday. They came one day after Israel launched "
        "three missiles against army positions near Quneitra.\n";
    EventList l = run(fx, text, (Date){2016, 9, 5});
    bool found = false;
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        if (strcmp(ev->sub_event_type, "Shelling/artillery/missile attack"))
            continue;
        found = true;
        assert_true(ev->has_actor1);
        assert_int_equal(ev->actor1.side, SIDE_ISRAEL);
        char d[11];
        assert_string_equal(day(ev, d), "2016-09-04");
    }
    assert_true(found);
}

static void test_passive_does_not_borrow_subject(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Army retakes Palmyra\n\n"
        "The Syrian army recaptured Palmyra from the Islamic State group on Thursday. "
        "On Friday Iraq struck militant positions near the border with Syria. \"Everyone can visit "
        "the ancient city now "
        "that it has been liberated,\" the Syrian envoy told reporters.\n";
    EventList l = run(fx, text, (Date){2017, 3, 3});
    int territory = 0;
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        if (!strncmp(ev->sub_event_type, "Government regains", 18) ||
            !strncmp(ev->sub_event_type, "Non-state actor", 15)) {
            territory++;
            assert_true(ev->has_actor1);
            assert_int_equal(ev->actor1.side, SIDE_GOVERNMENT);
        }
    }
    assert_true(territory >= 1);
}

/* "X told Y that the town had been liberated": neither the minister who
 * speaks nor the president who listens took the town; the winner is the
 * one the article's own capture of that town names. */
static void test_speaker_is_not_the_winner(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Army retakes desert town\n\n"
        "Syrian government soldiers backed by Russian jets took back the town of Qaryatayn on "
        "Sunday after two weeks of fighting with Islamic State. Russian Defence Minister Sergei "
        "Shoigu told President Vladimir Putin on Sunday evening that the town had been "
        "\"liberated\", "
        "Russian media reported.\n";
    EventList l = run(fx, text, (Date){2016, 4, 3});
    int territory = 0;
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        if (strcmp(ev->event_type, "Battles") ||
            (strncmp(ev->sub_event_type, "Government regains", 18) &&
             strncmp(ev->sub_event_type, "Non-state actor", 15)))
            continue;
        if (strstr(ev->evidence_text, "Islamic State fighters"))
            continue;
        territory++;
        assert_true(ev->has_actor1);
        assert_int_equal(ev->actor1.side, SIDE_GOVERNMENT);
        assert_string_equal(ev->sub_event_type, "Government regains territory");
    }
    assert_true(territory >= 1);

    /* with no capture of the town to lean on, the winner is unknown */
    static const char alone[] =
        "Town freed, minister says\n\n"
        "Islamic State fighters shelled army posts near Homs on Saturday. Russian Defence "
        "Minister Sergei Shoigu told President Vladimir Putin on Sunday that the town of "
        "Qaryatayn had been \"liberated\", Russian media reported.\n";
    l = run(fx, alone, (Date){2016, 4, 3});
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        if (!strstr(ev->evidence_text, "liberated"))
            continue;
        if (ev->has_actor1)
            assert_int_not_equal(ev->actor1.side, SIDE_RUSSIA);
        assert_false(ev->has_actor1 && ev->actor1.side == SIDE_ISLAMIC_STATE);
    }
}

/* "takes" opens a capture only when a place is its object: "it takes
 * every precaution" takes nothing, though the sentence before named a
 * river. */
static void test_takes_needs_a_place(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Families under fire near Raqqa\n\n"
        "Residents fleeing toward the Euphrates came under fire on Sunday, local activists said. "
        "The coalition said it takes every precaution to avoid harming civilians and was "
        "reviewing the reports.\n";
    EventList l = run(fx, text, (Date){2017, 6, 12});
    int events = 0;
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        events++;
        if (!strstr(ev->evidence_text, "precaution"))
            continue;
        assert_string_not_equal(ev->sub_event_type, "Non-state actor overtakes territory");
        assert_string_not_equal(ev->sub_event_type, "Government regains territory");
    }
    assert_true(events >= 1); /* the shooting near the river is still there */
}

/* A ship "in the Mediterranean" fires at targets "near the city": the
 * place is the city the article is about, and a sea never borrows a
 * governorate. */
static void test_sea_is_not_the_target(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Army pushes into Deir ez-Zor\n\n"
        "Syrian troops advanced into the outskirts of Deir ez-Zor on Tuesday, the army said. "
        "Moscow said one of its submarines in the Mediterranean had fired cruise missiles at "
        "Islamic State targets near the city. "
        "A Russian frigate also fired missiles from the Mediterranean at militants near "
        "Al-Shula.\n";
    EventList l = run(fx, text, (Date){2017, 9, 6});
    int strikes = 0;
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        if (ev->has_place && strstr(ev->place.name, "Mediterranean"))
            assert_string_equal(ev->place.admin1, "");
        if (!strstr(ev->evidence_text, "missiles"))
            continue;
        strikes++;
        assert_true(ev->has_place);
        assert_null(strstr(ev->place.name, "Mediterranean"));
        assert_string_equal(ev->place.admin1, "SY-DY");
    }
    assert_true(strikes >= 2);

    /* the sea alone: the place, but in no governorate */
    static const char alone[] =
        "Warship fires missiles\n\n"
        "Islamic State fighters attacked army posts in Deir ez-Zor on Monday. "
        "A Russian warship in the Mediterranean fired cruise missiles on Tuesday.\n";
    l = run(fx, alone, (Date){2017, 9, 6});
    for (int i = 0; i < l.count; i++) {
        const Event *ev = &l.items[i];
        if (ev->has_place && strstr(ev->place.name, "Mediterranean"))
            assert_string_equal(ev->place.admin1, "");
    }
}

/* A change of hands told as background ("weeks after IS overran ...", "IS
 * had seized ...") is no event of the article's day: dropped, or dated by
 * its own clause. */
static void test_background_capture(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Kurdish-led fighters take Tabqa\n\n"
        "The Syrian Democratic Forces captured the town of Tabqa on Wednesday, weeks after "
        "Islamic State militants overran the nearby town of Mansoura. Islamic State had seized "
        "Tabqa in August 2013 after a long siege of its airbase.\n";
    EventList l = run(fx, text, (Date){2017, 5, 11});
    const Event *ev = lead(&l);
    assert_non_null(ev);
    assert_true(ev->has_actor1);
    assert_int_equal(ev->actor1.side, SIDE_SDF);
    char d[11];
    assert_string_equal(day(ev, d), "2017-05-10");
    bool dated_background = false;
    for (int i = 0; i < l.count; i++) {
        const Event *e = &l.items[i];
        if (!e->has_actor1 || e->actor1.side != SIDE_ISLAMIC_STATE ||
            strcmp(e->sub_event_type, "Non-state actor overtakes territory"))
            continue;
        /* never at the news's date */
        assert_false(e->date.year == 2017);
        if (e->date.year == 2013 && e->date.month == 8 && e->date_precision == PRECISION_MONTH)
            dated_background = true;
    }
    assert_true(dated_background);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags_and_captions),
        cmocka_unit_test(test_background_recap),
        cmocka_unit_test(test_headline_keeps_article_date),
        cmocka_unit_test(test_place_in_its_city),
        cmocka_unit_test(test_army_and_armed_forces),
        cmocka_unit_test(test_actor_after_a_time),
        cmocka_unit_test(test_passive_does_not_borrow_subject),
        cmocka_unit_test(test_speaker_is_not_the_winner),
        cmocka_unit_test(test_takes_needs_a_place),
        cmocka_unit_test(test_sea_is_not_the_target),
        cmocka_unit_test(test_background_capture),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
