/*
 * test_incremental.c — fusion updates an event from the new report and
 * what the event row stores (schema version 3), and must end where a
 * recomputation from all the reports ends: same aggregates, same winners,
 * same contradicted flags. Also: a version-2 store is migrated to the same
 * state, repeated copies of a report add no fusion candidates, and the
 * candidate lookup is an index range.
 */
#include "testing.h"

#include <sqlite3.h>

#include "store/fixture.h"
#include "../../src/fuse/fuse_internal.h" /* the candidate statement */
#include "../../src/store/internal.h"     /* Store.fuser */

/* Every row of sql as text, one line per row, "NULL" for NULL. */
static void dump(sqlite3 *db, const char *sql, Buffer *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            buffer_printf(out, "%s%s", i ? "|" : "", v ? v : "NULL");
        }
        buffer_append_char(out, '\n');
    }
    sqlite3_finalize(st);
}

/* The fusion state of the store: events (every column), which event each
 * report joined and its flag, each event's distinct signatures and claims
 * (without their row ids, which depend on insertion order). */
static void snapshot(Store *s, Buffer *out)
{
    sqlite3 *db = store_db(s);
    buffer_clear(out);
    dump(db, "SELECT * FROM events ORDER BY id", out);
    dump(db, "SELECT id, event_id, contradicted FROM reports ORDER BY id", out);
    dump(db,
         "SELECT event_id, admin1, family, wide, date_lo, date_hi, side1, side2,"
         " place_id, lat, lon, place_precision, lower(outlet), denied, fat_low,"
         " fat_high, contradicted FROM event_keys"
         " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17",
         out);
    dump(db,
         "SELECT event_id, lower(who), low, high FROM event_claims"
         " ORDER BY 1, 2, 3, 4",
         out);
}

/* ---- The scenario --------------------------------------------------------- */

static const EventPlace *airport(void)
{
    static EventPlace p;
    p = fixture_place("Deir ez-Zor Airport", "SY-DY", 35.2856, 40.1757, "exact");
    return &p;
}

static const EventPlace *city(void)
{
    static EventPlace p;
    p = fixture_place("Deir ez-Zor", "SY-DY", 35.3359, 40.1408, "near");
    return &p;
}

static void ingest(Store *s, Fixture *f)
{
    IngestResult r;
    if (fixture_ingest(s, f, &r) != 0)
        fail_msg("ingest %s: %s", f->doc.id, store_error(s));
    fixture_free(f);
}

/* An air strike told at week precision by a party, then precisely by a
 * monitor (the representative, place and first named side move), then
 * again word for word by the first outlet, then denied by a third. */
static void strike(Store *s, const char *id, const char *outlet, const char *published, int kind)
{
    Fixture f;
    char text[160];
    snprintf(text, sizeof text, "Jets struck near the airport (%s).", id);
    fixture_init(&f, id, outlet, published, text);
    Event *e;
    switch (kind) {
    case 0: /* vague, a party's count */
        e = fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", "2016-09-17", NULL,
                          SIDE_UNKNOWN, "Syrian Arab Army", SIDE_GOVERNMENT, *city());
        e->date_precision = PRECISION_WEEK;
        fixture_claim(&f, e, "Syrian Arab Army", 20, 20, 20);
        break;
    case 1: /* precise, an independent count */
        e = fixture_event(&f, "Explosions/Remote violence", "Shelling/artillery/missile attack",
                          "2016-09-17", "US-led coalition", SIDE_US_COALITION, "Syrian Arab Army",
                          SIDE_GOVERNMENT, *airport());
        fixture_claim(&f, e, "Syrian Observatory for Human Rights", 60, 62, 64);
        break;
    case 2: /* a denial */
        e = fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", "2016-09-17", NULL,
                          SIDE_UNKNOWN, NULL, SIDE_UNKNOWN, *airport());
        e->certainty = CERTAINTY_DENIED;
        break;
    default: /* a later, narrower independent count */
        e = fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", "2016-09-18",
                          "Coalition", SIDE_US_COALITION, NULL, SIDE_UNKNOWN, *airport());
        fixture_claim(&f, e, "Airwars", 60, 63, 64);
        fixture_claim(&f, e, "Coalition", 1, 1, 1); /* a party: not "best" */
        break;
    }
    ingest(s, &f);
}

/* A town retaken, first without naming who, then by name. */
static void territory(Store *s, const char *id, const char *outlet, bool named)
{
    Fixture f;
    char text[160];
    snprintf(text, sizeof text, "Palmyra retaken (%s).", id);
    fixture_init(&f, id, outlet, "2017-03-02", text);
    fixture_event(&f, "Battles", "Government regains territory", "2017-03-01",
                  named ? "Syrian Arab Army" : NULL, named ? SIDE_GOVERNMENT : SIDE_UNKNOWN, NULL,
                  SIDE_UNKNOWN, fixture_place("Palmyra", "SY-HI", 34.5560, 38.2670, "exact"));
    ingest(s, &f);
}

/* Two tolls that contradict each other, from different claimants. */
static void attack(Store *s, const char *id, const char *outlet, long toll)
{
    Fixture f;
    char text[160];
    snprintf(text, sizeof text, "An attack killed %ld (%s).", toll, id);
    fixture_init(&f, id, outlet, "2017-04-05", text);
    Event *e = fixture_event(&f, "Explosions/Remote violence", "Chemical weapon", "2017-04-04",
                             NULL, SIDE_UNKNOWN, "Civilians", SIDE_CIVILIANS,
                             fixture_place("Khan Shaykhun", "SY-ID", 35.4419, 36.6506, "exact"));
    fixture_claim(&f, e, toll > 10 ? "World Health Organization" : "State news agency", toll, toll,
                  toll);
    ingest(s, &f);
}

static void scenario_first(Store *s)
{
    strike(s, "s1", "Outlet A", "2016-09-18", 0);
    strike(s, "s2", "Outlet B", "2016-09-19", 1);
    strike(s, "s3", "outlet a", "2016-09-20", 0); /* s1 again */
    territory(s, "t1", "Wire One", false);
    territory(s, "t2", "Wire Two", true);
    attack(s, "c1", "Outlet D", 70);
}

static void scenario_second(Store *s)
{
    strike(s, "s4", "Outlet C", "2016-09-21", 2);
    strike(s, "s5", "Outlet E", "2016-09-22", 3);
    territory(s, "t3", "Wire Three", true);
    attack(s, "c2", "Outlet F", 5);
    attack(s, "c3", "Outlet D", 70); /* c1 again */
}

/* ---- Tests ---------------------------------------------------------------- */

/* What the scenario's events must say, whichever way they were built. */
static void check_aggregates(Store *s)
{
    Arena arena;
    arena_init(&arena);
    StoreEvent *rows;
    int n;
    StoreFilter f = {.limit = -1};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 3);
    for (int i = 0; i < n; i++) {
        const StoreEvent *e = &rows[i];
        if (!strcmp(e->sub_event_type, "Shelling/artillery/missile attack")) {
            /* The precise report represents the strike. */
            assert_string_equal(e->date, "2016-09-17");
            assert_string_equal(e->date_precision, "day");
            assert_string_equal(e->place.name, "Deir ez-Zor Airport");
            /* The first report naming the side; the later "Coalition"
             * neither represents the event nor names it first. */
            assert_string_equal(e->side1, "us_coalition");
            assert_string_equal(e->actor1, "US-led coalition");
            assert_int_equal(e->report_count, 5);
            assert_int_equal(e->source_count, 4); /* A, B, C, E */
            assert_int_equal(e->fatalities.low, 1);
            assert_int_equal(e->fatalities.high, 64);
            /* Airwars and the monitor are equally narrow; the monitor's
             * claim came first. */
            assert_int_equal(e->fatalities.best, 62);
            assert_string_equal(e->certainty, "disputed"); /* the denial */
            assert_string_equal(e->first_report, "2016-09-18");
            assert_string_equal(e->last_report, "2016-09-22");
        } else if (!strcmp(e->sub_event_type, "Government regains territory")) {
            assert_string_equal(e->side1, "government");
            assert_string_equal(e->actor1, "Syrian Arab Army");
            assert_int_equal(e->report_count, 3);
            assert_string_equal(e->certainty, "reported");
            assert_false(e->fatalities.present);
        } else {
            assert_string_equal(e->sub_event_type, "Chemical weapon");
            assert_int_equal(e->report_count, 3);
            assert_int_equal(e->source_count, 2);
            assert_string_equal(e->certainty, "disputed"); /* 70 against 5 */
            assert_int_equal(e->fatalities.low, 5);
            assert_int_equal(e->fatalities.high, 70);
        }
    }
    /* Every report of the strike disagrees with the denial and vice versa;
     * the word-for-word copy is flagged like its original. */
    assert_int_equal(query_long(s, "SELECT count(*) FROM reports r JOIN events e"
                                   " ON e.id = r.event_id WHERE e.family = 'remote'"
                                   " AND r.contradicted = 1"),
                     5);
    /* 70 against 5: both outlets' reports, and the copy of the first. */
    assert_int_equal(query_long(s, "SELECT count(*) FROM reports WHERE contradicted = 1"
                                   " AND sub_event_type = 'Chemical weapon'"),
                     3);
    arena_free(&arena);
}

static void test_incremental_matches_rebuild(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "incremental");
    scenario_first(s);
    scenario_second(s);
    check_aggregates(s);
    /* The s1 copy shares s1's signature: one key for the two. */
    assert_int_equal(query_long(s, "SELECT count(*) FROM event_keys k JOIN events e"
                                   " ON e.id = k.event_id WHERE e.family = 'remote'"),
                     4);

    Buffer incremental, rebuilt;
    buffer_init(&incremental);
    buffer_init(&rebuilt);
    snapshot(s, &incremental);
    exec_ok(store_db(s), "BEGIN");
    long events = query_long(s, "SELECT max(id) FROM events");
    char err[256];
    for (long id = 1; id <= events; id++)
        if (fuse_refresh_event(s->fuser, id, 0, err, sizeof err) != 0)
            fail_msg("rebuild %ld: %s", id, err);
    exec_ok(store_db(s), "COMMIT");
    snapshot(s, &rebuilt);
    assert_string_equal(rebuilt.data, incremental.data);
    check_aggregates(s);
    buffer_free(&incremental);
    buffer_free(&rebuilt);
    store_close(s);
    temp_db_remove(path);
}

/* A version-2 store (written here by taking a version-3 one back: the
 * tables, columns and index that version 2 had and no more) is migrated on
 * open to the state fusion would have built, and goes on fusing. */
static void test_migration_from_v2(void **state)
{
    (void)state;
    char path[256], fresh_path[256];
    Store *s = open_temp(path, sizeof path, "migrate-v2");
    scenario_first(s);
    Buffer before, after;
    buffer_init(&before);
    buffer_init(&after);
    snapshot(s, &before);
    store_close(s);

    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    exec_ok(db, "BEGIN;"
                "DROP TABLE event_keys; DROP TABLE event_claims;"
                "ALTER TABLE events DROP COLUMN rep_report;"
                "ALTER TABLE events DROP COLUMN side1_report;"
                "ALTER TABLE events DROP COLUMN side2_report;"
                "ALTER TABLE events DROP COLUMN place_report;"
                "ALTER TABLE events DROP COLUMN fat_report;"
                "ALTER TABLE events DROP COLUMN fat_claim;"
                "ALTER TABLE events DROP COLUMN rep_rank;"
                "ALTER TABLE events DROP COLUMN place_rank;"
                "CREATE INDEX reports_fuse ON reports(admin1, family, wide, date_lo,"
                "  date_hi, event_id, side1, side2, place_id, lat, lon, place_precision);"
                "PRAGMA user_version = 2;"
                "COMMIT;");
    sqlite3_close(db);

    char err[256];
    s = store_open_existing(path, err, sizeof err);
    if (!s)
        fail_msg("store_open_existing: %s", err);
    assert_int_equal(store_schema_version(s), 3);
    assert_int_equal(query_long(s, "SELECT count(*) FROM sqlite_master"
                                   " WHERE name = 'reports_fuse'"),
                     0);
    snapshot(s, &after);
    assert_string_equal(after.data, before.data);

    /* Fusing on from the migrated state ends where a store that was never
     * migrated ends. */
    scenario_second(s);
    check_aggregates(s);
    snapshot(s, &after);
    Store *fresh = open_temp(fresh_path, sizeof fresh_path, "migrate-v2-fresh");
    scenario_first(fresh);
    scenario_second(fresh);
    snapshot(fresh, &before);
    assert_string_equal(after.data, before.data);

    buffer_free(&before);
    buffer_free(&after);
    store_close(fresh);
    store_close(s);
    temp_db_remove(fresh_path);
    temp_db_remove(path);
}

/* The same report stored again and again joins its event each time, but
 * adds no candidate and no claim for the next report to compare. */
static void test_repeats_add_no_candidates(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "repeats");
    for (int i = 0; i < 12; i++) {
        char id[32];
        snprintf(id, sizeof id, "copy-%d", i);
        strike(s, id, "Outlet B", "2016-09-19", 1);
    }
    assert_int_equal(query_long(s, "SELECT count(*) FROM events"), 1);
    assert_int_equal(query_long(s, "SELECT report_count FROM events"), 12);
    assert_int_equal(query_long(s, "SELECT source_count FROM events"), 1);
    assert_int_equal(query_long(s, "SELECT count(*) FROM event_keys"), 1);
    assert_int_equal(query_long(s, "SELECT count(*) FROM event_claims"), 1);
    /* The representative and the pick stay with the first copy. */
    assert_int_equal(query_long(s, "SELECT rep_report FROM events"),
                     query_long(s, "SELECT min(id) FROM reports"));
    assert_int_equal(query_long(s, "SELECT fat_claim FROM events"),
                     query_long(s, "SELECT min(id) FROM claims"));
    store_close(s);
    temp_db_remove(path);
}

/* Both branches of the candidate lookup are ranges of the index
 * (governorate, family, wide, window start), never a scan. */
static void test_candidates_use_index(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "plan");
    char sql[4096];
    snprintf(sql, sizeof sql, "EXPLAIN QUERY PLAN %s", sqlite3_sql(s->fuser->candidates));
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    int ranges = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *detail = (const char *)sqlite3_column_text(st, 3);
        if (strstr(detail, "event_keys")) {
            if (!strstr(detail, "SEARCH") || !strstr(detail, "INDEX event_keys_fuse") ||
                !strstr(detail, "date_lo>? AND date_lo<?"))
                fail_msg("candidate plan: %s", detail);
            ranges++;
        }
    }
    sqlite3_finalize(st);
    assert_int_equal(ranges, 2);
    store_close(s);
    temp_db_remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_incremental_matches_rebuild),
        cmocka_unit_test(test_migration_from_v2),
        cmocka_unit_test(test_repeats_add_no_candidates),
        cmocka_unit_test(test_candidates_use_index),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
