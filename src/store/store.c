/*
 * store.c — opening the database: WAL mode, the schema and its migrations.
 *
 * The schema version is PRAGMA user_version. Each entry of `migrations`
 * moves the schema from version i to i + 1 and runs in one transaction
 * together with the version bump, so a crash mid-migration leaves the old
 * version intact and the next open retries it.
 */
#include "internal.h"

#include <stdlib.h>
#include <unistd.h>

/* Version 0 -> 1: the whole first schema. Not static: the migration test
 * builds a version-1 database from it (internal.h). */
const char store_schema_v1[] =
    /* One row per input document; content_hash makes re-ingest a no-op. */
    "CREATE TABLE documents ("
    "  id INTEGER PRIMARY KEY,"
    "  doc_id TEXT NOT NULL,"
    "  content_hash TEXT NOT NULL UNIQUE,"
    "  path TEXT, outlet TEXT, url TEXT, title TEXT, published TEXT,"
    "  bytes INTEGER NOT NULL,"
    "  articles INTEGER NOT NULL DEFAULT 0,"
    "  reports INTEGER NOT NULL DEFAULT 0,"
    "  ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX documents_doc_id ON documents(doc_id);"

    "CREATE TABLE articles ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),"
    "  idx INTEGER NOT NULL,"
    "  title TEXT, date TEXT, date_source TEXT, dateline TEXT, outlet TEXT,"
    "  url TEXT,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  text TEXT NOT NULL,"
    "  UNIQUE (document_id, idx));"
    /* External-content FTS5 index over the articles' title and text. */
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "  title, text, content='articles', content_rowid='id');"

    "CREATE TABLE sentences ("
    "  id INTEGER PRIMARY KEY,"
    "  article_id INTEGER NOT NULL REFERENCES articles(id),"
    "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);"
    "CREATE INDEX sentences_article ON sentences(article_id);"

    "CREATE TABLE actors ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL, side TEXT NOT NULL,"
    "  UNIQUE (name, side));"

    "CREATE TABLE places ("
    "  id INTEGER PRIMARY KEY,"
    "  name TEXT NOT NULL, admin1 TEXT NOT NULL, country TEXT NOT NULL,"
    "  lat REAL, lon REAL, precision TEXT,"
    "  UNIQUE (name, admin1, country));"
    "CREATE INDEX places_name ON places(name COLLATE NOCASE);"

    /* Fused events: one real event, aggregated from its reports. */
    "CREATE TABLE events ("
    "  id INTEGER PRIMARY KEY,"
    "  event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,"
    "  family TEXT NOT NULL,"
    "  date TEXT, date_days INTEGER, date_precision TEXT,"
    "  actor1 TEXT, side1 TEXT, actor2 TEXT, side2 TEXT,"
    "  place_id INTEGER REFERENCES places(id), admin1 TEXT,"
    "  fat_low INTEGER, fat_best INTEGER, fat_high INTEGER,"
    "  certainty TEXT NOT NULL,"
    "  report_count INTEGER NOT NULL DEFAULT 0,"
    "  source_count INTEGER NOT NULL DEFAULT 0,"
    "  first_report TEXT, last_report TEXT, notes TEXT);"
    "CREATE INDEX events_date ON events(date_days);"
    "CREATE INDEX events_admin1 ON events(admin1, date_days);"

    /* One extracted Event as one article told it. */
    "CREATE TABLE reports ("
    "  id INTEGER PRIMARY KEY,"
    "  document_id INTEGER NOT NULL REFERENCES documents(id),"
    "  article_id INTEGER REFERENCES articles(id),"
    "  idx INTEGER NOT NULL, article INTEGER NOT NULL,"
    "  is_primary INTEGER NOT NULL,"
    "  event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,"
    "  family TEXT NOT NULL,"
    "  date TEXT, date_days INTEGER, date_precision TEXT,"
    "  date_lo INTEGER, date_hi INTEGER,"
    /* 1 when the date window is wider than a month (year precision). */
    "  wide INTEGER NOT NULL DEFAULT 0,"
    "  actor1_id INTEGER REFERENCES actors(id), side1 TEXT,"
    "  actor2_id INTEGER REFERENCES actors(id), side2 TEXT,"
    "  place_id INTEGER REFERENCES places(id), admin1 TEXT NOT NULL,"
    "  fat_low INTEGER, fat_best INTEGER, fat_high INTEGER,"
    "  inj_low INTEGER, inj_best INTEGER, inj_high INTEGER,"
    /* Copies of the place's coordinates and the actors' names, so fusion
     * reads candidates from the fusion index without joins. */
    "  lat REAL, lon REAL, place_precision TEXT, actor1 TEXT, actor2 TEXT,"
    "  certainty TEXT NOT NULL, outlet TEXT, published TEXT,"
    "  evidence TEXT, ev_start INTEGER, ev_end INTEGER,"
    "  event_id INTEGER REFERENCES events(id),"
    "  contradicted INTEGER NOT NULL DEFAULT 0);"
    /* Fusion candidates: same governorate and family, date window; covers
     * every column fusion compares, so candidates are read from the index
     * alone. `wide` keeps the rare year-wide windows from widening the
     * range scanned for everything else. */
    "CREATE INDEX reports_fuse ON reports(admin1, family, wide, date_lo,"
    "  date_hi, event_id, side1, side2, place_id, lat, lon, place_precision);"
    "CREATE INDEX reports_event ON reports(event_id);"
    "CREATE INDEX reports_document ON reports(document_id);"
    "CREATE INDEX reports_outlet ON reports(outlet);"

    "CREATE TABLE report_places ("
    "  report_id INTEGER NOT NULL REFERENCES reports(id),"
    "  idx INTEGER NOT NULL,"
    "  place_id INTEGER NOT NULL REFERENCES places(id),"
    "  relation TEXT,"
    "  PRIMARY KEY (report_id, idx));"
    "CREATE INDEX report_places_place ON report_places(place_id);"

    "CREATE TABLE claims ("
    "  id INTEGER PRIMARY KEY,"
    "  report_id INTEGER NOT NULL REFERENCES reports(id),"
    "  claimant TEXT,"
    "  independent INTEGER NOT NULL DEFAULT 1,"
    "  fat_low INTEGER, fat_best INTEGER, fat_high INTEGER,"
    "  text TEXT, start INTEGER, end INTEGER);"
    "CREATE INDEX claims_report ON claims(report_id);"

    /* Who holds a place after a territory or siege report. */
    "CREATE TABLE control_changes ("
    "  id INTEGER PRIMARY KEY,"
    "  report_id INTEGER NOT NULL REFERENCES reports(id),"
    "  event_id INTEGER NOT NULL REFERENCES events(id),"
    "  place_id INTEGER NOT NULL REFERENCES places(id),"
    "  date TEXT NOT NULL, date_days INTEGER NOT NULL,"
    "  holder_side TEXT NOT NULL, holder_actor TEXT,"
    "  loser_side TEXT, status TEXT NOT NULL,"
    "  sub_event_type TEXT NOT NULL);"
    "CREATE INDEX control_place ON control_changes(place_id, date_days);"
    "CREATE INDEX control_event ON control_changes(event_id);";

/* Version 1 -> 2: indexes and one derived column so that every query
 * answers from an index on a store of 100,000 events (see
 * bench/bench_store.c). Also run on a fresh database, after schema_v1. */
static const char schema_v2[] =
    /* Full-text search goes from the matching articles to their reports'
     * events; without this index every match scanned all reports. */
    "CREATE INDEX reports_article ON reports(article_id, event_id);"

    /* The list order (date_days DESC, id DESC) as one index that also
     * covers the columns the side, actor and type filters test: a page is
     * an index walk that stops when full, and a filter nothing matches
     * reads this index alone (sequentially) rather than every row. */
    "DROP INDEX events_date;"
    "CREATE INDEX events_list ON events(date_days, id, side1, side2,"
    "  event_type, sub_event_type, actor1, actor2);"

    /* The admin1 filter compares case-insensitively, which a BINARY index
     * cannot serve; date_days after it gives the list order for free. */
    "DROP INDEX events_admin1;"
    "CREATE INDEX events_admin1 ON events(admin1 COLLATE NOCASE, date_days);"

    /* One index for the outlet filter (case-insensitive equality) and for
     * the per-outlet figures, which it covers, grouped by exact name. */
    "DROP INDEX reports_outlet;"
    "CREATE INDEX reports_outlet ON reports(outlet COLLATE NOCASE, outlet,"
    "  event_id, contradicted);"
    /* Corroborated events (more than one outlet) for the outlet figures. */
    "CREATE INDEX events_sources ON events(source_count);"

    /* A control change takes the date of its fused event, which moves as
     * reports join the event. Keeping that date on the change (by the
     * triggers below) lets "who held each place on D" read one index entry
     * per place instead of joining every change to its event. */
    "ALTER TABLE control_changes ADD COLUMN event_date TEXT;"
    "ALTER TABLE control_changes ADD COLUMN event_days INTEGER;"
    "UPDATE control_changes SET"
    "  event_date = coalesce((SELECT e.date FROM events e"
    "    WHERE e.id = control_changes.event_id), date),"
    "  event_days = coalesce((SELECT e.date_days FROM events e"
    "    WHERE e.id = control_changes.event_id), date_days);"
    /* Latest change first for each place; rowid (ascending) last, so of
     * several changes of one event the first recorded wins. */
    "DROP INDEX control_place;"
    "CREATE INDEX control_latest ON control_changes(place_id, event_days DESC,"
    "  event_id DESC);"
    "CREATE TRIGGER control_changes_event_date AFTER INSERT ON control_changes"
    " BEGIN"
    "  UPDATE control_changes SET"
    "    event_date = coalesce((SELECT e.date FROM events e"
    "      WHERE e.id = NEW.event_id), NEW.date),"
    "    event_days = coalesce((SELECT e.date_days FROM events e"
    "      WHERE e.id = NEW.event_id), NEW.date_days)"
    "  WHERE id = NEW.id;"
    " END;"
    "CREATE TRIGGER events_date_to_control AFTER UPDATE OF date, date_days ON events"
    " WHEN NEW.date IS NOT OLD.date OR NEW.date_days IS NOT OLD.date_days"
    " BEGIN"
    "  UPDATE control_changes SET event_date = coalesce(NEW.date, date),"
    "    event_days = coalesce(NEW.date_days, date_days)"
    "  WHERE event_id = NEW.id;"
    " END;";

/* Version 2 -> 3: fusion keeps each event's aggregates up to date from
 * the new report instead of re-reading every report of the event
 * (src/fuse/fuse_event.c). The event row names the reports (and claim)
 * that won each aggregate; event_keys holds each event's distinct report
 * signatures, which replace the reports_fuse index as fusion candidates
 * (repeated copies of a report add no candidate) and carry the
 * contradicted flag of their reports; event_claims holds each event's
 * distinct fatality claims, for the contradiction check. The backfill
 * computes the same winners fusion would have, and their ranks (as
 * rank_of() and place_rank() in fuse_event.c: date precision, place
 * precision, lead event, then the earliest report). */
#define V3_DATE_RANK                                                                               \
    "CASE WHEN r.date_lo IS NULL THEN 10 WHEN r.date_precision = 'day' THEN 0"                     \
    " WHEN r.date_precision = 'week' THEN 1"                                                       \
    " WHEN r.date_precision = 'month' THEN 2"                                                      \
    " WHEN r.date_precision = 'year' THEN 3 ELSE 9 END"
#define V3_PLACE_RANK                                                                              \
    "CASE WHEN r.place_id IS NULL THEN 10"                                                         \
    " WHEN r.place_precision = 'exact' THEN 0"                                                     \
    " WHEN r.place_precision = 'near' THEN 1"                                                      \
    " WHEN r.place_precision = 'district' THEN 2"                                                  \
    " WHEN r.place_precision = 'admin1' THEN 3"                                                    \
    " WHEN r.place_precision = 'country' THEN 4 ELSE 9 END"
static const char schema_v3[] =
    "ALTER TABLE events ADD COLUMN rep_report INTEGER;"
    "ALTER TABLE events ADD COLUMN side1_report INTEGER;"
    "ALTER TABLE events ADD COLUMN side2_report INTEGER;"
    "ALTER TABLE events ADD COLUMN place_report INTEGER;"
    "ALTER TABLE events ADD COLUMN fat_report INTEGER;"
    "ALTER TABLE events ADD COLUMN fat_claim INTEGER;"
    "ALTER TABLE events ADD COLUMN rep_rank INTEGER;"
    "ALTER TABLE events ADD COLUMN place_rank INTEGER;"

    /* One row per distinct signature of an event's reports: the columns
     * fusion compares (see FUSE_SIGNATURE_COLUMNS in fuse_internal.h). */
    "CREATE TABLE event_keys ("
    "  id INTEGER PRIMARY KEY,"
    "  event_id INTEGER NOT NULL REFERENCES events(id),"
    "  admin1 TEXT NOT NULL, family TEXT NOT NULL,"
    "  wide INTEGER NOT NULL DEFAULT 0, date_lo INTEGER, date_hi INTEGER,"
    "  side1 TEXT, side2 TEXT, place_id INTEGER, lat REAL, lon REAL,"
    "  place_precision TEXT, outlet TEXT,"
    "  denied INTEGER NOT NULL DEFAULT 0, fat_low INTEGER, fat_high INTEGER,"
    "  contradicted INTEGER NOT NULL DEFAULT 0);"
    /* Candidates: a range of (governorate, family, wide, window start);
     * event_id after the window as in the index it replaces, so the same
     * candidate wins a tie of fits. */
    "CREATE INDEX event_keys_fuse ON event_keys(admin1, family, wide, date_lo,"
    "  date_hi, event_id);"
    "CREATE INDEX event_keys_event ON event_keys(event_id);"
    "INSERT INTO event_keys (event_id, admin1, family, wide, date_lo, date_hi,"
    "  side1, side2, place_id, lat, lon, place_precision, outlet, denied,"
    "  fat_low, fat_high, contradicted)"
    " SELECT r.event_id, r.admin1, r.family, r.wide, r.date_lo, r.date_hi,"
    "  r.side1, r.side2, r.place_id, r.lat, r.lon, r.place_precision,"
    "  min(r.outlet), r.certainty = 'denied' COLLATE NOCASE, r.fat_low,"
    "  r.fat_high, max(r.contradicted)"
    " FROM reports r WHERE r.event_id IS NOT NULL"
    " GROUP BY r.event_id, r.admin1, r.family, r.wide, r.date_lo, r.date_hi,"
    "  r.side1, r.side2, r.place_id, r.lat, r.lon, r.place_precision,"
    "  r.outlet COLLATE NOCASE, r.certainty = 'denied' COLLATE NOCASE,"
    "  r.fat_low, r.fat_high;"
    "DROP INDEX reports_fuse;"

    /* Distinct fatality claims of each event: who (the claimant, else the
     * reporting outlet) and the range. */
    "CREATE TABLE event_claims ("
    "  id INTEGER PRIMARY KEY,"
    "  event_id INTEGER NOT NULL REFERENCES events(id),"
    "  who TEXT, low INTEGER NOT NULL, high INTEGER NOT NULL);"
    "CREATE INDEX event_claims_event ON event_claims(event_id, low, high);"
    /* A report's toll counts as its outlet's claim when it has no claim
     * with numbers. */
    "CREATE TEMP VIEW v3_claims AS"
    " SELECT r.event_id, r.id AS report_id, c.id AS claim_id,"
    "  coalesce(c.claimant, r.outlet) AS who,"
    "  coalesce(c.fat_low, c.fat_best) AS low, c.fat_best AS best,"
    "  coalesce(c.fat_high, c.fat_best) AS high, c.independent <> 0 AS independent,"
    "  0 AS own, c.id AS position"
    " FROM claims c JOIN reports r ON r.id = c.report_id"
    " WHERE r.event_id IS NOT NULL AND c.fat_best IS NOT NULL"
    " UNION ALL"
    " SELECT r.event_id, r.id, NULL, r.outlet, r.fat_low, r.fat_best, r.fat_high,"
    "  1, 1, r.id FROM reports r"
    " WHERE r.event_id IS NOT NULL AND r.fat_low IS NOT NULL"
    "  AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.report_id = r.id"
    "                  AND c.fat_best IS NOT NULL);"
    "INSERT INTO event_claims (event_id, who, low, high)"
    " SELECT event_id, min(who), low, high FROM v3_claims"
    " GROUP BY event_id, who COLLATE NOCASE, low, high;"

    /* The winners of each aggregate. */
    "UPDATE events SET"
    "  rep_report = (SELECT r.id FROM reports r WHERE r.event_id = events.id"
    "    ORDER BY " V3_DATE_RANK ", " V3_PLACE_RANK ", r.is_primary <> 0 DESC,"
    "    r.id LIMIT 1),"
    "  side1_report = (SELECT min(r.id) FROM reports r WHERE r.event_id = events.id"
    "    AND r.side1 IS NOT NULL AND r.side1 <> 'unknown'),"
    "  side2_report = (SELECT min(r.id) FROM reports r WHERE r.event_id = events.id"
    "    AND r.side2 IS NOT NULL AND r.side2 <> 'unknown'),"
    "  place_report = (SELECT r.id FROM reports r WHERE r.event_id = events.id"
    "    AND r.place_id IS NOT NULL ORDER BY " V3_PLACE_RANK ", r.id LIMIT 1);"
    "UPDATE events SET"
    "  rep_rank = (SELECT (" V3_DATE_RANK ") * 1000 + (" V3_PLACE_RANK ") * 10"
    "    + (r.is_primary = 0) FROM reports r WHERE r.id = events.rep_report),"
    "  place_rank = (SELECT " V3_PLACE_RANK " FROM reports r"
    "    WHERE r.id = events.place_report);"
    "UPDATE events SET (fat_report, fat_claim) ="
    " (SELECT c.report_id, c.claim_id FROM v3_claims c"
    "  WHERE c.event_id = events.id"
    "  ORDER BY c.independent DESC, c.high - c.low, c.own, c.position LIMIT 1);"
    "DROP VIEW v3_claims;";

static const char *const migrations[] = {store_schema_v1, schema_v2, schema_v3};
enum { MIGRATION_COUNT = sizeof migrations / sizeof *migrations };
_Static_assert((int)MIGRATION_COUNT == (int)STORE_SCHEMA_VERSION,
               "one migration per schema version");

static int exec(Store *s, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        snprintf(s->err, sizeof s->err, "%s", msg ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int store_schema_version(Store *s)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

static int migrate(Store *s)
{
    /* BEGIN IMMEDIATE so two processes opening a fresh file do not both
     * create the schema: the second waits, then sees the new version. */
    if (exec(s, "BEGIN IMMEDIATE") != 0)
        return -1;
    int v = store_schema_version(s);
    if (v < 0) {
        store_fail(s, "reading user_version");
        goto fail;
    }
    if (v > STORE_SCHEMA_VERSION) {
        snprintf(s->err, sizeof s->err, "database schema version %d is newer than this sitrep (%d)",
                 v, STORE_SCHEMA_VERSION);
        goto fail;
    }
    for (; v < STORE_SCHEMA_VERSION; v++) {
        if (exec(s, migrations[v]) != 0)
            goto fail;
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
        if (exec(s, bump) != 0)
            goto fail;
    }
    return exec(s, "COMMIT");
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

static Store *open_with(const char *path, int flags, char *err, size_t cap)
{
    Store *s = calloc(1, sizeof *s);
    if (!s) {
        if (err && cap)
            snprintf(err, cap, "out of memory");
        return NULL;
    }
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        if (err && cap)
            snprintf(err, cap, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
        store_close(s);
        return NULL;
    }
    sqlite3_busy_timeout(s->db, 10000);
    /* WAL: readers (the HTTP server) do not block the ingest, and a crash
     * mid-transaction is rolled back on the next open. synchronous=NORMAL
     * is durable against process death (only an OS crash may lose the
     * last transactions, never consistency). */
    /* A larger page cache and fewer, larger checkpoints: an ingest
     * touches many index pages per document, and each checkpoint syncs. */
    if (exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
                "PRAGMA wal_autocheckpoint=8192; PRAGMA temp_store=MEMORY;") != 0 ||
        migrate(s) != 0 || !(s->fuser = fuser_open(s->db, s->err, sizeof s->err))) {
        if (err && cap)
            snprintf(err, cap, "%s: %s", path, s->err);
        store_close(s);
        return NULL;
    }
    return s;
}

Store *store_open(const char *path, char *err, size_t err_cap)
{
    return open_with(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, err,
                     err_cap);
}

Store *store_open_existing(const char *path, char *err, size_t err_cap)
{
    if (strcmp(path, ":memory:") != 0 && access(path, F_OK) != 0) {
        if (err && err_cap)
            snprintf(err, err_cap, "%s: no such database (run sitrep ingest first)", path);
        return NULL;
    }
    return open_with(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, err, err_cap);
}

void store_close(Store *s)
{
    if (!s)
        return;
    fuser_close(s->fuser);
    ingest_statements_free(s->ingest);
    if (s->db)
        sqlite3_close_v2(s->db);
    free(s);
}

const char *store_error(const Store *s)
{
    return s ? s->err : "no store";
}

void *store_db(Store *s)
{
    return s->db;
}

const char *store_precision_name(int p)
{
    static const char *const names[] = {NULL, "day", "week", "month", "year"};
    return p >= 0 && p < 5 ? names[p] : NULL;
}

const char *store_certainty_name(int c)
{
    static const char *const names[] = {"reported", "claimed", "unconfirmed", "disputed", "denied"};
    return c >= 0 && c < 5 ? names[c] : "reported";
}

const char *store_date_source_name(int source)
{
    static const char *const names[] = {NULL, "line", "dateline", "digest", "published", "text"};
    return source >= 0 && source < 6 ? names[source] : NULL;
}
