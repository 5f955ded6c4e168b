/*
 * fixture.h — hand-made documents and events for the store, fusion and
 * export tests, written by the project (no shared text). Each fixture
 * document is one article whose text is the report sentence itself.
 */
#ifndef SITREP_TEST_STORE_FIXTURE_H
#define SITREP_TEST_STORE_FIXTURE_H

#include "../../src/store/store.h"

#include <sqlite3.h>

typedef struct Fixture {
    Arena arena;
    Document doc;
    Article article;
    ArticleList articles;
    Event *events;
    int count, cap;
} Fixture;

static inline void fixture_init(Fixture *f, const char *id, const char *outlet,
                                const char *published, const char *text)
{
    memset(f, 0, sizeof *f);
    arena_init(&f->arena);
    f->doc.id = arena_strdup(&f->arena, id);
    f->doc.path = f->doc.id;
    f->doc.text = arena_strdup(&f->arena, text);
    f->doc.len = strlen(text);
    f->doc.outlet = outlet ? arena_strdup(&f->arena, outlet) : NULL;
    if (published)
        date_parse_iso(published, strlen(published), &f->doc.published);
    f->doc.arena = &f->arena;
    f->article.index = 0;
    f->article.span = (Span){0, f->doc.len};
    f->article.date = f->doc.published;
    f->article.date_source = DATE_SOURCE_PUBLISHED;
    f->article.outlet = f->doc.outlet;
    f->article.sentences = arena_alloc(&f->arena, sizeof(Span));
    f->article.sentences[0] = (Span){0, f->doc.len};
    f->article.sentence_count = 1;
    f->articles.items = &f->article;
    f->articles.count = 1;
    f->cap = 8;
    f->events = arena_alloc(&f->arena, sizeof(Event) * (size_t)f->cap);
}

static inline EventPlace fixture_place(const char *name, const char *admin1, double lat, double lon,
                                       const char *precision)
{
    EventPlace p = {0};
    p.name = name;
    p.admin1 = admin1;
    p.country = admin1 && !strncmp(admin1, "IQ", 2) ? "IQ" : "SY";
    p.lat = lat;
    p.lon = lon;
    p.precision = precision;
    p.place = -1;
    return p;
}

/* Adds an event of the fixture's only article; returns it for tuning. */
static inline Event *fixture_event(Fixture *f, const char *event_type, const char *sub_event_type,
                                   const char *date, const char *actor1, Side side1,
                                   const char *actor2, Side side2, EventPlace place)
{
    if (f->count == f->cap) {
        f->events =
            arena_grow(&f->arena, f->events, (size_t)f->count, (size_t)f->cap * 2, sizeof(Event));
        f->cap *= 2;
    }
    Event *e = &f->events[f->count++];
    memset(e, 0, sizeof *e);
    e->doc_id = f->doc.id;
    e->article = 0;
    e->primary = f->count == 1;
    e->event_type = event_type;
    e->sub_event_type = sub_event_type;
    if (date) {
        date_parse_iso(date, strlen(date), &e->date);
        e->date_precision = PRECISION_DAY;
    }
    if (actor1) {
        e->has_actor1 = true;
        e->actor1 = (EventActor){actor1, side1, -1};
    }
    if (actor2) {
        e->has_actor2 = true;
        e->actor2 = (EventActor){actor2, side2, -1};
    }
    if (place.name) {
        e->has_place = true;
        e->place = place;
    }
    e->certainty = CERTAINTY_REPORTED;
    e->outlet = f->doc.outlet;
    e->evidence = (Span){0, f->doc.len};
    e->evidence_text = f->doc.text;
    return e;
}

/* Adds a fatality claim (and sets the event's own fatalities to it when
 * it has none). */
static inline void fixture_claim(Fixture *f, Event *e, const char *claimant, long low, long best,
                                 long high)
{
    Claim *c = arena_grow(&f->arena, e->claims, (size_t)e->claim_count, (size_t)e->claim_count + 1,
                          sizeof(Claim));
    e->claims = c;
    Claim *n = &c[e->claim_count++];
    memset(n, 0, sizeof *n);
    n->claimant = claimant;
    n->fatalities = (Range){true, low, best, high};
    n->text = e->evidence_text;
    n->span = e->evidence;
    if (!e->fatalities.present)
        e->fatalities = n->fatalities;
}

static inline int fixture_ingest(Store *s, Fixture *f, IngestResult *r)
{
    EventList list = {f->events, f->count};
    return store_ingest(s, &f->doc, &f->articles, &list, r);
}

static inline void fixture_free(Fixture *f)
{
    arena_free(&f->arena);
}

/* A fresh temporary database path (the caller unlinks it and its -wal and
 * -shm files with temp_db_remove). */
static inline void temp_db_path(char *out, size_t cap, const char *tag)
{
    snprintf(out, cap, "/tmp/sitrep-test-%s-%ld.db", tag, (long)getpid());
    char extra[600];
    unlink(out);
    snprintf(extra, sizeof extra, "%s-wal", out);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", out);
    unlink(extra);
}

static inline void temp_db_remove(const char *path)
{
    char extra[600];
    unlink(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    unlink(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    unlink(extra);
}

/* A fresh store in a temporary file; fails the test if it cannot open. */
static inline Store *open_temp(char *path, size_t cap, const char *tag)
{
    temp_db_path(path, cap, tag);
    char err[256];
    Store *s = store_open(path, err, sizeof err);
    if (!s)
        fail_msg("store_open: %s", err);
    return s;
}

/* Runs SQL on a raw connection, failing the test on error. */
static inline void exec_ok(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("%s: %s", sql, msg ? msg : "?");
}

/* The single integer that sql returns. */
static inline long query_long(Store *s, const char *sql)
{
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

#endif
