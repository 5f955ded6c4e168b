/*
 * test_tolls.c — which figure of a sentence is the toll of the dead, on
 * short reports written for this test (the shared corpus is never copied
 * here):
 *
 *  - "10 killed 15 injured", "killed, six others injured": the wounded are
 *    never counted as dead, but "killing 8 people, injuring 25" and "killed
 *    12 … and left four others wounded" keep their dead;
 *  - "14 SDF fighters and 30 IS militants had been killed": a list adds up;
 *  - "11 IS militants died …, while the SDF said two of its fighters were
 *    killed": the dead of both sides of one clash add up;
 *  - a toll raised later in the article is a second claim on the same
 *    event (low–high), and an exact figure refines a vague one ("dozens");
 *  - "three of the wounded had died": no new event with a toll of its own.
 *
 * They need the compiled gazetteer (build/gazetteer.bin) and skip without
 * it.
 */
#include "extract/fixture.h"

/* The event whose evidence contains `quote`; fails when there is none. */
static const Event *event_with(const EventList *l, const char *quote)
{
    for (int i = 0; i < l->count; i++)
        if (strstr(l->items[i].evidence_text, quote))
            return &l->items[i];
    print_message("no event for '%s'\n", quote);
    fail();
    return NULL;
}

static void check_toll(const Event *ev, int low, int high)
{
    assert_true(ev->fatalities.present);
    if (ev->fatalities.low != low || ev->fatalities.high != high)
        print_message("toll %ld-%ld, want %d-%d: %s\n", (long)ev->fatalities.low,
                      (long)ev->fatalities.high, low, high, ev->evidence_text);
    assert_int_equal(ev->fatalities.low, low);
    assert_int_equal(ev->fatalities.high, high);
}

static void test_wounded_are_not_dead(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Raids on Saraqib\n\n"
        "Air strikes on the town of Saraqib on Monday left 10 civilians killed 15 injured, "
        "activists said. Two people including a nurse killed seven others injured in shelling "
        "on the town of Binnish on Monday. Shelling on the town of Ariha killed eight people "
        "injuring 25 on Monday. Rebel fighters killed 12 soldiers and left four others wounded "
        "near Jisr al-Shughur on Monday.\n";
    EventList l = run(fx, text, (Date){2018, 3, 6});
    const Event *ev = event_with(&l, "10 civilians killed 15 injured");
    check_toll(ev, 10, 10);
    assert_true(ev->injured.present);
    assert_int_equal(ev->injured.low, 15);
    ev = event_with(&l, "seven others injured");
    check_toll(ev, 2, 2);
    assert_true(ev->injured.present);
    assert_int_equal(ev->injured.low, 7);
    check_toll(event_with(&l, "killed eight people injuring 25"), 8, 8);
    check_toll(event_with(&l, "left four others wounded"), 12, 12);
}

static void test_lists_and_both_sides_add_up(void **state)
{
    NEED_LEXICON(fx);
    static const char sides[] =
        "Fighting north of Raqqa\n\n"
        "The monitor said at least 9 Islamic State militants died in the clashes near Raqqa on "
        "Tuesday, while the SDF said that three of its fighters were killed.\n";
    EventList l = run(fx, sides, (Date){2017, 5, 3});
    check_toll(event_with(&l, "three of its fighters"), 12, 12);
    static const char list[] =
        "Battle for Tabqa\n\n"
        "The monitor said at least 7 SDF fighters and more than 20 jihadists had been killed in "
        "the fighting for Tabqa on Tuesday.\n";
    l = run(fx, list, (Date){2017, 5, 3});
    check_toll(event_with(&l, "more than 20 jihadists"), 27, 27);
}

static void test_tolls_of_one_event_give_a_range(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Jets hit army post near Deir ez-Zor\n\n"
        "Warplanes of the coalition struck an army post near Deir ez-Zor airport on Saturday, "
        "killing dozens of soldiers. The army said 41 soldiers were killed in the raids on the "
        "post. The monitor later raised its toll to 57.\n";
    EventList l = run(fx, text, (Date){2016, 9, 18});
    const Event *ev = event_with(&l, "Warplanes of the coalition struck");
    assert_string_equal(ev->sub_event_type, "Air/drone strike");
    check_toll(ev, 41, 57);
    /* the later sentences add to the strike, they are no events of their own */
    for (int i = 0; i < l.count; i++)
        if (&l.items[i] != ev)
            assert_null(strstr(l.items[i].evidence_text, "raised its toll"));
}

static void test_wounded_who_died_later(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Toll of Douma shelling rises\n\n"
        "The number of people killed in Monday's shelling of the town of Douma has risen to 31, "
        "the civil defence said on Tuesday. Doctors said two of the wounded had died in "
        "hospital.\n";
    EventList l = run(fx, text, (Date){2018, 1, 9});
    check_toll(event_with(&l, "has risen to 31"), 31, 31);
    for (int i = 0; i < l.count; i++)
        if (strstr(l.items[i].evidence_text, "of the wounded"))
            assert_false(l.items[i].fatalities.present && l.items[i].fatalities.low == 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wounded_are_not_dead),
        cmocka_unit_test(test_lists_and_both_sides_add_up),
        cmocka_unit_test(test_tolls_of_one_event_give_a_range),
        cmocka_unit_test(test_wounded_who_died_later),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
