/*
 * test_primary.c — the choice of the lead event ("primary"), each rule on
 * a short report written for this test (the shared corpus is never copied
 * here):
 *
 *  - a toll over a whole period ("… in April") is a roundup: the lead is the
 *    dated incident of that month the body tells;
 *  - "warns against new strikes" is a future warned of: no event;
 *  - "chemical weapons" with no word of their use (handed over, destroyed)
 *    is no Chemical weapon event;
 *  - a digest of several governorates leads with the covered event with
 *    the most dead, not the first or an injured-only one;
 *  - a headline quoted in Title Case ("Airstrikes Against IS Help …")
 *    gives no place names.
 *
 * They need the compiled gazetteer (build/gazetteer.bin) and skip without
 * it.
 */
#include "extract/fixture.h"

static const char *day(const Event *ev, char buf[11])
{
    return date_format(ev->date, buf);
}

static bool any_evidence(const EventList *l, const char *needle)
{
    for (int i = 0; i < l->count; i++)
        if (l->items[i].evidence_text && strstr(l->items[i].evidence_text, needle))
            return true;
    return false;
}

static void test_period_toll_is_not_the_lead(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Shelling killed 90 civilians in Homs in April\n\n"
        "More than 90 civilians were killed in April shelling of Homs city officials said on "
        "Saturday. Hospitals in the city are full. On April 12 a rocket hit a bakery in Homs city "
        "killing 11 people.\n";
    EventList l = run(fx, text, (Date){2017, 5, 6});
    const Event *ev = lead(&l);
    assert_non_null(ev);
    char d[11];
    assert_string_equal(day(ev, d), "2017-04-12");
    assert_int_equal(ev->date_precision, PRECISION_DAY);
    assert_true(ev->has_place);
    assert_string_equal(ev->place.admin1, "SY-HI");
}

static void test_warning_is_not_an_event(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Minister warns against new airstrikes on Idlib\n\n"
        "The foreign minister warns against new airstrikes on Idlib the ministry said on Tuesday. "
        "Government warplanes struck a hospital in Maarat al-Numan on Sunday killing four "
        "people.\n";
    EventList l = run(fx, text, (Date){2019, 5, 14});
    assert_false(any_evidence(&l, "warns against"));
    const Event *ev = lead(&l);
    assert_non_null(ev);
    char d[11];
    assert_string_equal(day(ev, d), "2019-05-12");
    assert_string_equal(ev->sub_event_type, "Air/drone strike");
}

static void test_chemical_weapons_need_a_use(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Envoys discuss Syria's chemical arms\n\n"
        "Envoys met in Geneva on Monday to agree on the destruction of its chemical weapons "
        "stockpile. The plan would also hand over chemical weapons stocks to inspectors. The talks "
        "follow a chemical weapons attack on Eastern Ghouta on August 21 that killed hundreds of "
        "people.\n";
    EventList l = run(fx, text, (Date){2013, 9, 16});
    for (int i = 0; i < l.count; i++) {
        assert_null(strstr(l.items[i].evidence_text, "destruction"));
        assert_null(strstr(l.items[i].evidence_text, "hand over"));
    }
    const Event *ev = lead(&l);
    assert_non_null(ev);
    char d[11];
    assert_string_equal(ev->sub_event_type, "Chemical weapon");
    assert_string_equal(day(ev, d), "2013-08-21");
}

static void test_digest_leads_with_most_dead(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Nine killed 12 injured in attacks on Damascus Aleppo and Hama\n\n"
        "Nine people were killed and 12 injured in attacks on Damascus Aleppo and Hama on Monday. "
        "In Damascus seven people were injured when mortar shells hit the Mezzeh neighbourhood on "
        "Monday. In Hama three people were killed by rocket shells fired on the town of "
        "Suqaylabiyah on Monday. In Aleppo six people were killed and five were injured when "
        "rocket shells hit al-Midan neighbourhood on Monday.\n";
    EventList l = run(fx, text, (Date){2016, 11, 7});
    const Event *ev = lead(&l);
    assert_non_null(ev);
    assert_true(ev->has_place);
    assert_string_equal(ev->place.admin1, "SY-HL");
    assert_true(ev->fatalities.present);
    assert_int_equal(ev->fatalities.best, 6);
}

static void test_title_case_gives_no_place(void **state)
{
    NEED_LEXICON(fx);
    static const char text[] =
        "Coalition strikes continue\n\n"
        "Warplanes hit the city on Tuesday. Related Coalition Airstrikes Against Militants "
        "Help Rebels Advance in the north the report said.\n";
    EventList l = run(fx, text, (Date){2014, 11, 26});
    bool strike = false;
    for (int i = 0; i < l.count; i++) {
        const Event *e = &l.items[i];
        strike |= !strcmp(e->sub_event_type, "Air/drone strike");
        for (int k = 0; k < e->place_count; k++) {
            const char *n = e->places[k].name;
            assert_null(strstr(n, "Against"));
            assert_null(strstr(n, "Help"));
            assert_null(strstr(n, "Advance"));
        }
    }
    assert_true(strike);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_period_toll_is_not_the_lead),
        cmocka_unit_test(test_warning_is_not_an_event),
        cmocka_unit_test(test_chemical_weapons_need_a_use),
        cmocka_unit_test(test_digest_leads_with_most_dead),
        cmocka_unit_test(test_title_case_gives_no_place),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
