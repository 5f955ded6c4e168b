/*
 * test_fuse.c — the fusion rules on their own: families, date windows,
 * distances, compatibility of sides and places, and how fatality claims
 * combine into low / best / high.
 */
#include "testing.h"

#include "../../src/fuse/fuse.h"

static Date day(int y, int m, int d)
{
    return (Date){(int16_t)y, (int8_t)m, (int8_t)d};
}

static void test_families(void **state)
{
    (void)state;
    assert_string_equal(fuse_family("Government regains territory"), "territory");
    assert_string_equal(fuse_family("Non-state actor overtakes territory"), "territory");
    assert_string_equal(fuse_family("Air/drone strike"), "remote");
    assert_string_equal(fuse_family("Shelling/artillery/missile attack"), "remote");
    assert_string_equal(fuse_family("Armed clash"), "Armed clash");
    assert_string_equal(fuse_family("Siege imposed"), "Siege imposed");
    assert_string_equal(fuse_family(NULL), "other");
}

static void test_date_windows(void **state)
{
    (void)state;
    long lo, hi;
    fuse_date_window(day(2016, 9, 17), PRECISION_DAY, &lo, &hi);
    assert_int_equal(hi - lo, 2);
    assert_int_equal(lo + 1, date_to_days(day(2016, 9, 17)));
    fuse_date_window(day(2016, 9, 17), PRECISION_WEEK, &lo, &hi);
    assert_int_equal(hi - lo, 6);
    fuse_date_window(day(2016, 2, 0), PRECISION_MONTH, &lo, &hi);
    assert_int_equal(lo, date_to_days(day(2016, 2, 1)));
    assert_int_equal(hi, date_to_days(day(2016, 2, 29))); /* leap year */
    fuse_date_window(day(2016, 2, 10), PRECISION_MONTH, &lo, &hi);
    assert_int_equal(lo, date_to_days(day(2016, 2, 1)));
    fuse_date_window(day(2017, 0, 0), PRECISION_YEAR, &lo, &hi);
    assert_int_equal(hi - lo, 364);
    /* A day precision whose day is missing falls back to the month. */
    fuse_date_window(day(2017, 3, 0), PRECISION_DAY, &lo, &hi);
    assert_int_equal(hi - lo, 30);
}

static void test_distance(void **state)
{
    (void)state;
    /* Deir ez-Zor city to its airport: about 7 km. */
    double d = fuse_distance_km(35.3359, 40.1408, 35.2856, 40.1757);
    assert_true(d > 5 && d < 8);
    /* Raqqa to Palmyra: about 170 km. */
    d = fuse_distance_km(35.9528, 39.0079, 34.5503, 38.2684);
    assert_true(d > 160 && d < 180);
    assert_true(fuse_distance_km(34, 38, 34, 38) < 1e-9);
}

static FuseKey key(const char *family, Date d, int side1, int side2, long place, const char *admin1,
                   double lat, double lon, bool admin1_only)
{
    FuseKey k = {0};
    k.family = family;
    k.dated = true;
    fuse_date_window(d, PRECISION_DAY, &k.date_lo, &k.date_hi);
    k.side1 = side1;
    k.side2 = side2;
    k.place_id = place;
    k.admin1 = admin1;
    k.has_coords = true;
    k.lat = lat;
    k.lon = lon;
    k.admin1_only = admin1_only;
    return k;
}

static void test_compatible(void **state)
{
    (void)state;
    bool contra;
    FuseKey a = key("remote", day(2016, 9, 17), SIDE_US_COALITION, SIDE_GOVERNMENT, 1, "SY-DY",
                    35.2856, 40.1757, false);
    FuseKey b = key("remote", day(2016, 9, 18), SIDE_US_COALITION, SIDE_UNKNOWN, 2, "SY-DY",
                    35.3359, 40.1408, false);
    assert_true(fuse_compatible(&a, &b, &contra));
    assert_false(contra);
    /* Three days apart: windows of ±1 day do not meet. */
    FuseKey c = b;
    fuse_date_window(day(2016, 9, 20), PRECISION_DAY, &c.date_lo, &c.date_hi);
    assert_false(fuse_compatible(&a, &c, &contra));
    /* A month-precision report spans the day. */
    fuse_date_window(day(2016, 9, 0), PRECISION_MONTH, &c.date_lo, &c.date_hi);
    assert_true(fuse_compatible(&a, &c, &contra));
    /* Another striker. */
    c = b;
    c.side1 = SIDE_RUSSIA;
    assert_false(fuse_compatible(&a, &c, &contra));
    /* Government vs Russia jets: tolerated for remote fire, as a dispute. */
    FuseKey g = a, r = a;
    g.side1 = SIDE_GOVERNMENT;
    g.side2 = SIDE_UNKNOWN;
    r.side1 = SIDE_RUSSIA;
    r.side2 = SIDE_UNKNOWN;
    assert_true(fuse_compatible(&g, &r, &contra));
    assert_true(contra);
    /* …but not for territory. */
    g.family = r.family = "territory";
    assert_false(fuse_compatible(&g, &r, &contra));
    /* Far away in the same governorate: no. */
    c = b;
    c.place_id = 3;
    c.lat = 35.0;
    c.lon = 40.6;
    assert_false(fuse_compatible(&a, &c, &contra));
    /* Unless one report only knows the governorate. */
    c.admin1_only = true;
    assert_true(fuse_compatible(&a, &c, &contra));
    /* Different family. */
    c = b;
    c.family = "Armed clash";
    assert_false(fuse_compatible(&a, &c, &contra));
    /* No governorate: never. */
    FuseKey x = a, y = b;
    x.admin1 = y.admin1 = "";
    x.place_id = y.place_id = 9;
    assert_false(fuse_compatible(&x, &y, &contra));
    /* Near across a governorate border (within 15 km). */
    x = a;
    y = a;
    y.place_id = 7;
    y.admin1 = "SY-RA";
    y.lat += 0.05;
    assert_true(fuse_compatible(&x, &y, &contra));
    /* Clashes have no direction. */
    FuseKey p = key("Armed clash", day(2017, 1, 1), SIDE_GOVERNMENT, SIDE_ISLAMIC_STATE, 4, "SY-HI",
                    34.55, 38.27, false);
    FuseKey q = key("Armed clash", day(2017, 1, 1), SIDE_ISLAMIC_STATE, SIDE_GOVERNMENT, 4, "SY-HI",
                    34.55, 38.27, false);
    assert_true(fuse_compatible(&p, &q, &contra));
    p.family = q.family = "territory";
    assert_false(fuse_compatible(&p, &q, &contra));
}

static void test_fatalities(void **state)
{
    (void)state;
    long low, best, high;
    bool contra;
    assert_false(fuse_fatalities(NULL, 0, &low, &best, &high, &contra));

    FuseClaim two[] = {
        {"Syrian Observatory for Human Rights", "Wire One", 62, 62, 62, true},
        {"Russian Defence Ministry", "Daily Two", 80, 80, 80, true},
    };
    assert_true(fuse_fatalities(two, 2, &low, &best, &high, &contra));
    assert_int_equal(low, 62);
    assert_int_equal(high, 80);
    assert_int_equal(best, 62);
    assert_false(contra);

    /* The most specific independent claim is best; a party's own count
     * only if nobody else gave one. */
    FuseClaim mixed[] = {
        {"Army statement", NULL, 100, 100, 100, false},
        {"Monitor", NULL, 12, 24, 36, true}, /* "dozens" */
        {"Hospital", NULL, 30, 30, 30, true},
    };
    assert_true(fuse_fatalities(mixed, 3, &low, &best, &high, &contra));
    assert_int_equal(best, 30);
    assert_int_equal(low, 12);
    assert_int_equal(high, 100);
    assert_true(contra); /* 100 vs 30/36: far apart */
    FuseClaim party[] = {{"Army statement", NULL, 100, 100, 100, false}};
    assert_true(fuse_fatalities(party, 1, &low, &best, &high, &contra));
    assert_int_equal(best, 100);
    assert_false(contra);

    /* The same claimant changing its count is not a contradiction. */
    FuseClaim same[] = {{"Monitor", NULL, 5, 5, 5, true}, {"Monitor", NULL, 50, 50, 50, true}};
    assert_true(fuse_fatalities(same, 2, &low, &best, &high, &contra));
    assert_false(contra);
    assert_true(fuse_counts_contradict(5, 5, 50, 50));
    assert_false(fuse_counts_contradict(62, 62, 80, 80));
    assert_false(fuse_counts_contradict(10, 20, 15, 30)); /* overlap */
}

static void test_control_holder(void **state)
{
    (void)state;
    int h;
    const char *status;
    assert_true(control_holder("Government regains territory", SIDE_UNKNOWN, SIDE_ISLAMIC_STATE, &h,
                               &status));
    assert_int_equal(h, SIDE_GOVERNMENT);
    assert_true(control_holder("Non-state actor overtakes territory", SIDE_ISLAMIC_STATE,
                               SIDE_GOVERNMENT, &h, &status));
    assert_int_equal(h, SIDE_ISLAMIC_STATE);
    assert_string_equal(status, "held");
    assert_true(control_holder("Siege imposed", SIDE_ISLAMIC_STATE, SIDE_GOVERNMENT, &h, &status));
    assert_int_equal(h, SIDE_GOVERNMENT);
    assert_string_equal(status, "besieged");
    assert_true(control_holder("Siege broken", SIDE_GOVERNMENT, SIDE_ISLAMIC_STATE, &h, &status));
    assert_int_equal(h, SIDE_GOVERNMENT);
    assert_false(control_holder("Non-state actor overtakes territory", SIDE_UNKNOWN,
                                SIDE_GOVERNMENT, &h, &status));
    assert_false(control_holder("Air/drone strike", SIDE_RUSSIA, SIDE_UNKNOWN, &h, &status));
    assert_string_equal(fuse_side_name(SIDE_US_COALITION), "us_coalition");
    assert_int_equal(fuse_side_parse("islamic_state"), SIDE_ISLAMIC_STATE);
    assert_int_equal(fuse_side_parse("martians"), SIDE_UNKNOWN);
    assert_int_equal(fuse_side_parse(NULL), SIDE_UNKNOWN);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_families),   cmocka_unit_test(test_date_windows),
        cmocka_unit_test(test_distance),   cmocka_unit_test(test_compatible),
        cmocka_unit_test(test_fatalities), cmocka_unit_test(test_control_holder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
