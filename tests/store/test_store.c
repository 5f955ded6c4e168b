/*
 * test_store.c — the store with hand-made events in a temporary database:
 * schema, idempotent ingest, fusion into one event with low/high and every
 * claimant, disputes, control timelines, filters and full-text search,
 * and consistency after a process is killed mid-ingest.
 */
#include "testing.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "store/fixture.h"
#include "../../src/store/internal.h" /* store_schema_v1 */

static StoreCounts counts(Store *s)
{
    StoreCounts c;
    assert_int_equal(store_counts(s, &c), 0);
    return c;
}

/* The airport strike told by two outlets a day apart, with different tolls
 * from different claimants. */
static void ingest_airport_strike_again(Store *s, bool again)
{
    Fixture a, b;
    fixture_init(&a, "wire-1", "Wire One", "2016-09-18",
                 "Coalition jets struck army positions near the airport, killing 62, "
                 "the monitor said.");
    Event *e =
        fixture_event(&a, "Explosions/Remote violence", "Air/drone strike", "2016-09-17",
                      "US-led coalition", SIDE_US_COALITION, "Syrian Arab Army", SIDE_GOVERNMENT,
                      fixture_place("Deir ez-Zor Airport", "SY-DY", 35.2856, 40.1757, "exact"));
    fixture_claim(&a, e, "Syrian Observatory for Human Rights", 62, 62, 62);
    fixture_init(&b, "paper-2", "Daily Two", "2016-09-19",
                 "At least 80 soldiers died when coalition aircraft bombed hills by "
                 "Deir ez-Zor, the ministry said.");
    e = fixture_event(&b, "Explosions/Remote violence", "Air/drone strike", "2016-09-18",
                      "Coalition", SIDE_US_COALITION, NULL, SIDE_UNKNOWN,
                      fixture_place("Deir ez-Zor", "SY-DY", 35.3359, 40.1408, "exact"));
    fixture_claim(&b, e, "Russian Defence Ministry", 80, 80, 80);
    IngestResult r;
    assert_int_equal(fixture_ingest(s, &a, &r), 0);
    assert_int_equal(r.skipped, again);
    assert_int_equal(r.events_new, again ? 0 : 1);
    assert_int_equal(fixture_ingest(s, &b, &r), 0);
    assert_int_equal(r.skipped, again);
    assert_int_equal(r.events_joined, again ? 0 : 1);
    assert_int_equal(r.events_new, 0);
    fixture_free(&a);
    fixture_free(&b);
}

static void ingest_airport_strike(Store *s)
{
    ingest_airport_strike_again(s, false);
}

static void test_schema_version(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "schema");
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_close(s);
    /* Reopening migrates nothing and keeps the version. */
    char err[256];
    s = store_open_existing(path, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    /* A database from a newer sitrep is refused. */
    assert_int_equal(sqlite3_exec(store_db(s), "PRAGMA user_version = 99", NULL, NULL, NULL),
                     SQLITE_OK);
    store_close(s);
    s = store_open(path, err, sizeof err);
    assert_null(s);
    assert_non_null(strstr(err, "newer"));
    temp_db_remove(path);
    assert_null(store_open_existing(path, err, sizeof err));
}

static long day_of(const char *iso)
{
    Date d;
    assert_true(date_parse_iso(iso, strlen(iso), &d));
    return date_to_days(d);
}

/* A database written by the first schema (built here from its SQL, with
 * rows as version 1 stored them) is migrated on open: new indexes, the
 * control changes' event dates backfilled and kept current, queries work. */
static void test_migration_from_v1(void **state)
{
    (void)state;
    char path[256];
    temp_db_path(path, sizeof path, "migrate");
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    exec_ok(db, store_schema_v1);
    exec_ok(db, "PRAGMA user_version = 1");
    char sql[4096];
    long d1 = day_of("2016-04-20"), d1_report = day_of("2016-04-10"), d2 = day_of("2015-05-21");
    snprintf(sql, sizeof sql,
             "INSERT INTO documents (id, doc_id, content_hash, bytes)"
             " VALUES (1, 'old-1', 'h1', 40);"
             "INSERT INTO articles (id, document_id, idx, start, end, text)"
             " VALUES (1, 1, 0, 0, 40, 'Rebels seized Kafr Zita after a siege');"
             "INSERT INTO articles_fts (rowid, title, text)"
             " VALUES (1, NULL, 'Rebels seized Kafr Zita after a siege');"
             "INSERT INTO places (id, name, admin1, country, precision) VALUES"
             " (1, 'Kafr Zita', 'SY-HM', 'SY', 'exact'),"
             " (2, 'Morek', 'SY-HM', 'SY', 'exact');"
             "INSERT INTO events (id, event_type, sub_event_type, family, date,"
             " date_days, date_precision, side1, place_id, admin1, certainty,"
             " report_count, source_count) VALUES"
             " (1, 'Battles', 'Non-state actor overtakes territory', 'territory',"
             "  '2016-04-20', %ld, 'day', 'opposition', 1, 'SY-HM', 'reported', 1, 1),"
             " (2, 'Battles', 'Government regains territory', 'territory',"
             "  '2015-05-21', %ld, 'day', 'government', 2, 'SY-HM', 'reported', 1, 1);"
             "INSERT INTO reports (id, document_id, article_id, idx, article,"
             " is_primary, event_type, sub_event_type, family, date, date_days,"
             " admin1, certainty, outlet, event_id) VALUES"
             " (1, 1, 1, 0, 0, 1, 'Battles', 'Non-state actor overtakes territory',"
             "  'territory', '2016-04-10', %ld, 'SY-HM', 'reported', 'Old Wire', 1),"
             " (2, 1, 1, 1, 0, 0, 'Battles', 'Government regains territory',"
             "  'territory', '2015-05-21', %ld, 'SY-HM', 'reported', 'Old Wire', 2);"
             "INSERT INTO control_changes (id, report_id, event_id, place_id, date,"
             " date_days, holder_side, status, sub_event_type) VALUES"
             " (1, 1, 1, 1, '2016-04-10', %ld, 'opposition', 'held',"
             "  'Non-state actor overtakes territory'),"
             " (2, 2, 2, 2, '2015-05-21', %ld, 'government', 'held',"
             "  'Government regains territory');",
             d1, d2, d1_report, d2, d1_report, d2);
    exec_ok(db, sql);
    sqlite3_close(db);

    char err[256];
    Store *s = store_open_existing(path, err, sizeof err);
    if (!s)
        fail_msg("store_open_existing: %s", err);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    assert_int_equal(query_long(s, "SELECT count(*) FROM sqlite_master WHERE name IN"
                                   " ('reports_article', 'control_latest',"
                                   "  'events_sources', 'events_date_to_control',"
                                   "  'control_changes_event_date')"),
                     5);
    /* Backfilled: the change carries its event's date, not its own. */
    assert_int_equal(query_long(s, "SELECT event_days FROM control_changes WHERE id = 1"), d1);

    Arena arena;
    arena_init(&arena);
    StoreControl *c;
    int n;
    /* Between the report's date and the event's date: not yet known, as
     * before the migration (control follows the fused event's date). */
    assert_int_equal(store_control_at(s, "2016-04-15", NULL, &arena, &c, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(c[0].place.name, "Kafr Zita");
    assert_null(c[0].holder_side);
    assert_string_equal(c[1].place.name, "Morek");
    assert_string_equal(c[1].holder_side, "government");
    assert_string_equal(c[1].since, "2015-05-21");
    assert_int_equal(c[1].evidence, 2);
    assert_int_equal(store_control_at(s, "2016-05-01", "sy-hm", &arena, &c, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(c[0].holder_side, "opposition");
    assert_string_equal(c[0].since, "2016-04-20");

    /* The triggers keep the date current when fusion moves the event. */
    char update[256];
    snprintf(update, sizeof update,
             "UPDATE events SET date = '2016-04-12', date_days = %ld WHERE id = 1",
             day_of("2016-04-12"));
    assert_int_equal(sqlite3_exec(store_db(s), update, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(store_control_at(s, "2016-04-15", NULL, &arena, &c, &n), 0);
    assert_string_equal(c[0].holder_side, "opposition");
    assert_string_equal(c[0].since, "2016-04-12");

    /* The old rows answer the list, the filters and full-text search. */
    StoreEvent *ev;
    StoreFilter f = {.text = "kafr zita"};
    assert_int_equal(store_query_events(s, &f, &arena, &ev, &n), 0);
    assert_int_equal(n, 2);
    assert_int_equal(ev[0].id, 1); /* newest first */
    assert_int_equal(ev[0].outlet_count, 1);
    assert_string_equal(ev[0].outlets[0], "Old Wire");
    f = (StoreFilter){.outlet = "old wire", .admin1 = "SY-HM", .offset = 1};
    assert_int_equal(store_query_events(s, &f, &arena, &ev, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(ev[0].id, 2);
    StoreOutletStats *o;
    assert_int_equal(store_outlet_stats(s, &arena, &o, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(o[0].reports, 2);
    assert_int_equal(o[0].events, 2);
    arena_free(&arena);
    store_close(s);

    /* Opened again: nothing left to migrate. */
    s = store_open_existing(path, err, sizeof err);
    assert_non_null(s);
    assert_int_equal(store_schema_version(s), STORE_SCHEMA_VERSION);
    store_close(s);
    temp_db_remove(path);
}

static void test_reingest_changes_nothing(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "idem");
    ingest_airport_strike(s);
    StoreCounts before = counts(s);
    assert_int_equal(before.documents, 2);
    assert_int_equal(before.reports, 2);
    assert_int_equal(before.events, 1);
    /* Same texts under other ids: still the same documents. */
    Fixture a;
    fixture_init(&a, "renamed", "Wire One", "2016-09-18",
                 "Coalition jets struck army positions near the airport, killing 62, "
                 "the monitor said.");
    fixture_event(&a, "Explosions/Remote violence", "Air/drone strike", "2016-09-17", NULL,
                  SIDE_UNKNOWN, NULL, SIDE_UNKNOWN,
                  fixture_place("Deir ez-Zor", "SY-DY", 35.3359, 40.1408, "exact"));
    IngestResult r;
    assert_int_equal(fixture_ingest(s, &a, &r), 0);
    assert_true(r.skipped);
    assert_int_equal(r.reports, 0);
    fixture_free(&a);
    ingest_airport_strike_again(s, true);
    StoreCounts after = counts(s);
    assert_memory_equal(&before, &after, sizeof before);
    store_close(s);
    temp_db_remove(path);
}

static void test_fusion_low_high_claimants(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "fuse");
    ingest_airport_strike(s);
    Arena arena;
    arena_init(&arena);
    StoreEvent *rows;
    int n;
    assert_int_equal(store_query_events(s, NULL, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    StoreEvent *e = &rows[0];
    assert_true(e->fatalities.present);
    assert_int_equal(e->fatalities.low, 62);
    assert_int_equal(e->fatalities.high, 80);
    assert_int_equal(e->report_count, 2);
    assert_int_equal(e->source_count, 2);
    assert_int_equal(e->outlet_count, 2);
    assert_string_equal(e->first_report, "2016-09-18");
    assert_string_equal(e->last_report, "2016-09-19");
    /* The airport is the more precise place (both exact: the first). */
    assert_string_equal(e->side1, "us_coalition");
    assert_string_equal(e->side2, "government");
    /* 62 against 80 is an early and a later count, not a contradiction. */
    assert_string_equal(e->certainty, "reported");

    StoreEventDetail d;
    bool found;
    assert_int_equal(store_event_detail(s, e->id, &arena, &d, &found), 0);
    assert_true(found);
    assert_int_equal(d.report_count, 2);
    bool sohr = false, mod = false;
    for (int i = 0; i < d.report_count; i++)
        for (int j = 0; j < d.reports[i].claim_count; j++) {
            const char *c = d.reports[i].claims[j].claimant;
            sohr |= !strcmp(c, "Syrian Observatory for Human Rights");
            mod |= !strcmp(c, "Russian Defence Ministry");
        }
    assert_true(sohr && mod);
    assert_int_equal(d.place_count, 2);
    Buffer b;
    buffer_init(&b);
    store_event_detail_json(&b, &d);
    assert_non_null(strstr(b.data, "\"claimant\":\"Russian Defence Ministry\""));
    assert_non_null(strstr(b.data, "\"fatalities\":{\"low\":62,\"best\":"));
    buffer_free(&b);
    assert_int_equal(store_event_detail(s, 999, &arena, &d, &found), 0);
    assert_false(found);
    arena_free(&arena);
    store_close(s);
    temp_db_remove(path);
}

static void test_no_fusion_when_different(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "nofuse");
    Fixture f;
    fixture_init(&f, "many", "Wire One", "2017-01-10", "Several things happened.");
    EventPlace raqqa = fixture_place("Raqqa", "SY-RA", 35.9528, 39.0079, "exact");
    EventPlace tabqa = fixture_place("Tabqa", "SY-RA", 35.8360, 38.5481, "exact");
    fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", "2017-01-08",
                  "Russian Air Force", SIDE_RUSSIA, NULL, SIDE_UNKNOWN, raqqa);
    /* ~43 km away: another strike. */
    fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", "2017-01-08",
                  "Russian Air Force", SIDE_RUSSIA, NULL, SIDE_UNKNOWN, tabqa);
    /* Same place, a week later. */
    fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", "2017-01-15",
                  "Russian Air Force", SIDE_RUSSIA, NULL, SIDE_UNKNOWN, raqqa);
    /* Same place and day, other family. */
    fixture_event(&f, "Battles", "Armed clash", "2017-01-08", "SDF", SIDE_SDF, "Islamic State",
                  SIDE_ISLAMIC_STATE, raqqa);
    /* Same place and day, incompatible striker. */
    fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", "2017-01-08", "Coalition",
                  SIDE_US_COALITION, NULL, SIDE_UNKNOWN, raqqa);
    /* Same place and day, government jets: fused, but contradictory. */
    fixture_event(&f, "Explosions/Remote violence", "Shelling/artillery/missile attack",
                  "2017-01-09", "Syrian Air Force", SIDE_GOVERNMENT, NULL, SIDE_UNKNOWN, raqqa);
    /* Undated: never fused. */
    Event *u = fixture_event(&f, "Explosions/Remote violence", "Air/drone strike", NULL,
                             "Russian Air Force", SIDE_RUSSIA, NULL, SIDE_UNKNOWN, raqqa);
    u->date_precision = PRECISION_NONE;
    IngestResult r;
    assert_int_equal(fixture_ingest(s, &f, &r), 0);
    assert_int_equal(r.reports, 7);
    assert_int_equal(r.events_new, 6);
    assert_int_equal(r.events_joined, 1);
    fixture_free(&f);
    store_close(s);
    temp_db_remove(path);
}

static void test_admin1_precision_and_clash_symmetry(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "admin1");
    Fixture f;
    fixture_init(&f, "g", "Wire One", "2017-02-02", "Clashes.");
    fixture_event(&f, "Battles", "Armed clash", "2017-02-01", "Syrian Arab Army", SIDE_GOVERNMENT,
                  "Islamic State", SIDE_ISLAMIC_STATE,
                  fixture_place("Homs", "SY-HI", 34.5, 38.5, "admin1"));
    IngestResult r;
    assert_int_equal(fixture_ingest(s, &f, &r), 0);
    fixture_free(&f);
    fixture_init(&f, "h", "Daily Two", "2017-02-02", "Fighting.");
    /* The other way round, at a town of the same governorate. */
    fixture_event(&f, "Battles", "Armed clash", "2017-02-02", "Islamic State", SIDE_ISLAMIC_STATE,
                  "Syrian Arab Army", SIDE_GOVERNMENT,
                  fixture_place("Palmyra", "SY-HI", 34.5503, 38.2684, "exact"));
    assert_int_equal(fixture_ingest(s, &f, &r), 0);
    assert_int_equal(r.events_joined, 1);
    fixture_free(&f);
    Arena arena;
    arena_init(&arena);
    StoreEvent *rows;
    int n;
    assert_int_equal(store_query_events(s, NULL, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    /* The event takes the precise place. */
    assert_string_equal(rows[0].place.name, "Palmyra");
    arena_free(&arena);
    store_close(s);
    temp_db_remove(path);
}

static void test_disputed(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "dispute");
    Fixture a, b, c;
    EventPlace idlib = fixture_place("Khan Shaykhun", "SY-ID", 35.4419, 36.6506, "exact");
    fixture_init(&a, "a", "Outlet A", "2017-04-04", "Chemical attack kills 70.");
    Event *e = fixture_event(&a, "Explosions/Remote violence", "Chemical weapon", "2017-04-04",
                             NULL, SIDE_UNKNOWN, "Civilians", SIDE_CIVILIANS, idlib);
    fixture_claim(&a, e, "World Health Organization", 70, 70, 70);
    fixture_init(&b, "b", "Outlet B", "2017-04-05", "A strike killed five people.");
    e = fixture_event(&b, "Explosions/Remote violence", "Chemical weapon", "2017-04-04", NULL,
                      SIDE_UNKNOWN, NULL, SIDE_UNKNOWN, idlib);
    fixture_claim(&b, e, "State news agency", 5, 5, 5);
    IngestResult r;
    assert_int_equal(fixture_ingest(s, &a, &r), 0);
    assert_int_equal(fixture_ingest(s, &b, &r), 0);
    assert_int_equal(r.events_joined, 1);
    /* A denial from a third outlet. */
    fixture_init(&c, "c", "Outlet C", "2017-04-06", "The ministry denied any attack.");
    e = fixture_event(&c, "Explosions/Remote violence", "Chemical weapon", "2017-04-04", NULL,
                      SIDE_UNKNOWN, NULL, SIDE_UNKNOWN, idlib);
    e->certainty = CERTAINTY_DENIED;
    assert_int_equal(fixture_ingest(s, &c, &r), 0);
    Arena arena;
    arena_init(&arena);
    StoreEvent *rows;
    int n;
    assert_int_equal(store_query_events(s, NULL, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].certainty, "disputed");
    assert_int_equal(rows[0].fatalities.low, 5);
    assert_int_equal(rows[0].fatalities.high, 70);
    assert_int_equal(rows[0].source_count, 3);
    StoreOutletStats *o;
    assert_int_equal(store_outlet_stats(s, &arena, &o, &n), 0);
    assert_int_equal(n, 3);
    for (int i = 0; i < n; i++) {
        assert_int_equal(o[i].reports, 1);
        assert_int_equal(o[i].contradicted, 1);
        assert_int_equal(o[i].corroborated, 1);
    }
    arena_free(&arena);
    fixture_free(&a);
    fixture_free(&b);
    fixture_free(&c);
    store_close(s);
    temp_db_remove(path);
}

static void ingest_territory(Store *s, const char *id, const char *date, const char *sub,
                             const char *actor1, Side side1, const char *actor2, Side side2,
                             EventPlace place)
{
    Fixture f;
    char text[200];
    snprintf(text, sizeof text, "%s takes %s (%s).", actor1, place.name, id);
    fixture_init(&f, id, "Wire One", date, text);
    fixture_event(&f, "Battles", sub, date, actor1, side1, actor2, side2, place);
    IngestResult r;
    assert_int_equal(fixture_ingest(s, &f, &r), 0);
    assert_false(r.skipped);
    fixture_free(&f);
}

static void test_control_timeline(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "control");
    EventPlace palmyra = fixture_place("Palmyra", "SY-HI", 34.5503, 38.2684, "exact");
    /* Ingested out of order: the timeline sorts by date. */
    ingest_territory(s, "t3", "2017-03-02", "Government regains territory", "Syrian Arab Army",
                     SIDE_GOVERNMENT, "Islamic State", SIDE_ISLAMIC_STATE, palmyra);
    ingest_territory(s, "t2", "2016-12-11", "Non-state actor overtakes territory", "Islamic State",
                     SIDE_ISLAMIC_STATE, "Syrian Arab Army", SIDE_GOVERNMENT, palmyra);
    ingest_territory(s, "t1", "2016-03-27", "Government regains territory", "Syrian Arab Army",
                     SIDE_GOVERNMENT, "Islamic State", SIDE_ISLAMIC_STATE, palmyra);
    /* A second report of the December capture: more evidence, no new period. */
    ingest_territory(s, "t2b", "2016-12-12", "Non-state actor overtakes territory", "ISIS",
                     SIDE_ISLAMIC_STATE, NULL, SIDE_UNKNOWN, palmyra);
    /* A governorate-level report says nothing about any town. */
    ingest_territory(s, "t4", "2017-03-05", "Government regains territory", "Syrian Arab Army",
                     SIDE_GOVERNMENT, NULL, SIDE_UNKNOWN,
                     fixture_place("Homs", "SY-HI", 34.7, 37.9, "admin1"));

    Arena arena;
    arena_init(&arena);
    StoreTimeline *t;
    int n;
    assert_int_equal(store_timeline(s, "palmyra", &arena, &t, &n), 0);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].period_count, 3);
    assert_string_equal(t[0].periods[0].holder_side, "government");
    assert_string_equal(t[0].periods[0].from, "2016-03-27");
    assert_string_equal(t[0].periods[0].to, "2016-12-11");
    assert_string_equal(t[0].periods[1].holder_side, "islamic_state");
    assert_string_equal(t[0].periods[1].from, "2016-12-11");
    assert_string_equal(t[0].periods[1].to, "2017-03-02");
    assert_int_equal(t[0].periods[1].evidence_count, 1); /* fused: one event */
    assert_string_equal(t[0].periods[2].holder_side, "government");
    assert_null(t[0].periods[2].to);

    StoreControl *c;
    assert_int_equal(store_control_at(s, "2017-01-01", NULL, &arena, &c, &n), 0);
    assert_int_equal(n, 1); /* Homs governorate is not a controllable place */
    assert_string_equal(c[0].place.name, "Palmyra");
    assert_string_equal(c[0].holder_side, "islamic_state");
    assert_string_equal(c[0].since, "2016-12-11");
    assert_int_equal(store_control_at(s, "2015-06-01", NULL, &arena, &c, &n), 0);
    assert_int_equal(n, 1);
    assert_null(c[0].holder_side); /* known place, unknown holder then */
    assert_int_equal(store_control_at(s, "2017-06-01", "SY-RA", &arena, &c, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(store_control_at(s, "June", NULL, &arena, &c, &n), -1);
    assert_int_equal(store_timeline(s, "Nowhere", &arena, &t, &n), 0);
    assert_int_equal(n, 0);
    arena_free(&arena);
    store_close(s);
    temp_db_remove(path);
}

static void test_filters_and_fts(void **state)
{
    (void)state;
    char path[256];
    Store *s = open_temp(path, sizeof path, "filter");
    ingest_airport_strike(s);
    ingest_territory(s, "x1", "2017-03-02", "Government regains territory", "Syrian Arab Army",
                     SIDE_GOVERNMENT, "Islamic State", SIDE_ISLAMIC_STATE,
                     fixture_place("Palmyra", "SY-HI", 34.5503, 38.2684, "exact"));
    Arena arena;
    arena_init(&arena);
    StoreEvent *rows;
    int n;
    StoreFilter f = {0};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].date, "2017-03-02"); /* newest first */

    f = (StoreFilter){.text = "aircraft"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].sub_event_type, "Air/drone strike");
    f = (StoreFilter){.text = "Deir ez-Zor"}; /* hyphen: quoted, not syntax */
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.text = "Palmyra"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].place.name, "Palmyra");
    f = (StoreFilter){.text = "submarine"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 0);

    f = (StoreFilter){.admin1 = "SY-DY"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.side = "islamic_state"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.actor = "coalition"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.type = "Battles"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.outlet = "daily two"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.place = "Deir ez-Zor"}; /* named by the second report */
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.from = "2016-09-01", .to = "2016-12-31"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    f = (StoreFilter){.limit = 1, .offset = 1};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 1);
    assert_string_equal(rows[0].sub_event_type, "Air/drone strike");
    f = (StoreFilter){.from = "yesterday"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), -1);
    /* Injection attempts are just values. */
    f = (StoreFilter){.place = "x' OR 1=1 --", .actor = "'); DROP TABLE events; --"};
    assert_int_equal(store_query_events(s, &f, &arena, &rows, &n), 0);
    assert_int_equal(n, 0);
    assert_int_equal(counts(s).events, 2);
    arena_free(&arena);
    store_close(s);
    temp_db_remove(path);
}

/* ---- kill -9 during a large ingest ------------------------------------- */

enum { KILL_DOCS = 400 };

static void ingest_synthetic(const char *path, int from, int to)
{
    char err[256];
    Store *s = store_open(path, err, sizeof err);
    if (!s)
        _exit(3);
    static const char *const places[] = {"Aleppo", "Raqqa", "Homs", "Daraa"};
    static const char *const admin1s[] = {"SY-HL", "SY-RA", "SY-HI", "SY-DR"};
    for (int i = from; i < to; i++) {
        Fixture f;
        char id[32], text[256], date[16];
        snprintf(id, sizeof id, "doc-%d", i);
        snprintf(text, sizeof text,
                 "Synthetic report number %d: shelling hit a district, killing %d.", i, i % 17);
        snprintf(date, sizeof date, "2016-%02d-%02d", 1 + i % 12, 1 + i % 28);
        fixture_init(&f, id, i % 2 ? "Wire One" : "Daily Two", date, text);
        for (int k = 0; k < 5; k++) {
            Event *e =
                fixture_event(&f, "Explosions/Remote violence", "Shelling/artillery/missile attack",
                              date, "Syrian Arab Army", SIDE_GOVERNMENT, NULL, SIDE_UNKNOWN,
                              fixture_place(places[(i + k) % 4], admin1s[(i + k) % 4], 35 + k * 0.1,
                                            37 + k * 0.1, "exact"));
            fixture_claim(&f, e, "Monitor", i % 17, i % 17, i % 17);
        }
        IngestResult r;
        if (fixture_ingest(s, &f, &r) != 0)
            _exit(4);
        fixture_free(&f);
    }
    store_close(s);
}

static void check_consistent(const char *path, long *documents)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    /* Every document has exactly the articles and reports it recorded,
     * every report an event, and no orphans. */
    static const char *const zero_checks[] = {
        "SELECT count(*) FROM documents d WHERE d.articles <>"
        " (SELECT count(*) FROM articles a WHERE a.document_id = d.id)",
        "SELECT count(*) FROM documents d WHERE d.reports <>"
        " (SELECT count(*) FROM reports r WHERE r.document_id = d.id)",
        "SELECT count(*) FROM documents WHERE reports <> 5 OR articles <> 1",
        "SELECT count(*) FROM reports WHERE event_id IS NULL",
        "SELECT count(*) FROM reports r WHERE NOT EXISTS"
        " (SELECT 1 FROM documents d WHERE d.id = r.document_id)",
        "SELECT count(*) FROM events e WHERE report_count <>"
        " (SELECT count(*) FROM reports r WHERE r.event_id = e.id)",
        "SELECT count(*) FROM events e WHERE report_count = 0",
        "SELECT count(*) FROM claims c WHERE NOT EXISTS"
        " (SELECT 1 FROM reports r WHERE r.id = c.report_id)",
    };
    for (size_t i = 0; i < sizeof zero_checks / sizeof *zero_checks; i++) {
        assert_int_equal(sqlite3_prepare_v2(db, zero_checks[i], -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        if (sqlite3_column_int64(st, 0) != 0)
            fail_msg("inconsistent: %s", zero_checks[i]);
        sqlite3_finalize(st);
    }
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    *documents = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

static void test_kill_during_ingest(void **state)
{
    (void)state;
    char path[256];
    temp_db_path(path, sizeof path, "kill");
    /* Create the schema first so the child spends its time ingesting. */
    char err[256];
    Store *s = store_open(path, err, sizeof err);
    assert_non_null(s);
    store_close(s);

    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ingest_synthetic(path, 0, KILL_DOCS);
        _exit(0);
    }
    /* Let it get well into the run, then kill it without warning. */
    long seen = 0;
    for (int tries = 0; tries < 400 && seen < 20; tries++) {
        usleep(10000);
        sqlite3 *db;
        if (sqlite3_open(path, &db) == SQLITE_OK) {
            sqlite3_stmt *st;
            sqlite3_busy_timeout(db, 1000);
            if (sqlite3_prepare_v2(db, "SELECT count(*) FROM documents", -1, &st, NULL) ==
                    SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW)
                seen = sqlite3_column_int64(st, 0);
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
    }
    kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    long documents;
    check_consistent(path, &documents);
    print_message("killed after %ld of %d documents (child %s)\n", documents, KILL_DOCS,
                  WIFSIGNALED(status) ? "killed" : "had finished");
    assert_true(documents >= 20);

    /* The next run completes the store; nothing is stored twice. */
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        ingest_synthetic(path, 0, KILL_DOCS);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    check_consistent(path, &documents);
    assert_int_equal(documents, KILL_DOCS);
    temp_db_remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_version),
        cmocka_unit_test(test_migration_from_v1),
        cmocka_unit_test(test_reingest_changes_nothing),
        cmocka_unit_test(test_fusion_low_high_claimants),
        cmocka_unit_test(test_no_fusion_when_different),
        cmocka_unit_test(test_admin1_precision_and_clash_symmetry),
        cmocka_unit_test(test_disputed),
        cmocka_unit_test(test_control_timeline),
        cmocka_unit_test(test_filters_and_fts),
        cmocka_unit_test(test_kill_during_ingest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
