/*
 * ingest.c — one document into the store, in one transaction: the document
 * row (keyed by content hash), its articles with their text (indexed by
 * FTS5) and sentences, then each extracted event as a report with its
 * actors, places and claims, fused into an event as it goes.
 *
 * If anything fails the transaction is rolled back and the store is as it
 * was; if the process dies, SQLite's WAL recovery does the same on the next
 * open. Either way the next run sees no hash for the document and ingests
 * it whole.
 */
#include "internal.h"

#include <stdlib.h>

#include "../fuse/fuse.h"

void store_content_hash(const char *text, size_t len, char out[33])
{
    /* Two FNV-1a passes from different bases: 128 bits is plenty to tell
     * documents apart; this is identity, not security. */
    uint64_t h1 = 0xcbf29ce484222325ULL, h2 = 0x84222325cbf29ce4ULL;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        h1 = (h1 ^ c) * 0x100000001b3ULL;
        h2 = (h2 ^ c) * 0x100000001b3ULL;
        h2 ^= h2 >> 29;
    }
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1, (unsigned long long)h2);
}

/* The statements of an ingest, prepared once per Store (internal.h). */
typedef struct IngestStatements {
    sqlite3_stmt *find_doc, *insert_doc, *update_doc, *insert_article, *insert_fts,
        *insert_sentence, *insert_place, *find_place, *insert_actor, *find_actor, *insert_report,
        *insert_report_place, *insert_claim;
} IngestStatements;
typedef IngestStatements Statements;

static const char *const statement_sql[] = {
    "SELECT id FROM documents WHERE content_hash = ?",
    "INSERT INTO documents (doc_id, content_hash, path, outlet, url, title,"
    " published, bytes) VALUES (?,?,?,?,?,?,?,?)",
    "UPDATE documents SET articles = ?, reports = ? WHERE id = ?",
    "INSERT INTO articles (document_id, idx, title, date, date_source, dateline,"
    " outlet, url, start, end, text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
    "INSERT INTO articles_fts (rowid, title, text) VALUES (?,?,?)",
    "INSERT INTO sentences (article_id, idx, start, end) VALUES (?,?,?,?)",
    "INSERT INTO places (name, admin1, country, lat, lon, precision)"
    " VALUES (?,?,?,?,?,?)",
    "SELECT id FROM places WHERE name = ? AND admin1 = ? AND country = ?",
    "INSERT INTO actors (name, side) VALUES (?,?)",
    "SELECT id FROM actors WHERE name = ? AND side = ?",
    "INSERT INTO reports (document_id, article_id, idx, article, is_primary,"
    " event_type, sub_event_type, family, date, date_days, date_precision,"
    " date_lo, date_hi, actor1_id, side1, actor2_id, side2, place_id, admin1,"
    " fat_low, fat_best, fat_high, inj_low, inj_best, inj_high, certainty,"
    " outlet, published, evidence, ev_start, ev_end, lat, lon, place_precision,"
    " actor1, actor2, wide, event_id)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
    "?,?,?,?,?,?,?)",
    "INSERT INTO report_places (report_id, idx, place_id, relation)"
    " VALUES (?,?,?,?)",
    "INSERT INTO claims (report_id, claimant, fat_low, fat_best, fat_high, text,"
    " start, end, independent) VALUES (?,?,?,?,?,?,?,?,?)",
};
enum { STATEMENT_COUNT = sizeof statement_sql / sizeof *statement_sql };
_Static_assert(STATEMENT_COUNT * sizeof(sqlite3_stmt *) == sizeof(Statements),
               "one SQL text per statement");

static void finalize_all(Statements *q)
{
    sqlite3_stmt **all = (sqlite3_stmt **)q;
    for (int i = 0; i < STATEMENT_COUNT; i++)
        sqlite3_finalize(all[i]);
}

void ingest_statements_free(IngestStatements *q)
{
    if (!q)
        return;
    finalize_all(q);
    free(q);
}

/* The Store's ingest statements, prepared on first use. */
static Statements *statements(Store *s)
{
    if (s->ingest)
        return s->ingest;
    Statements *q = calloc(1, sizeof *q);
    if (!q) {
        snprintf(s->err, sizeof s->err, "out of memory");
        return NULL;
    }
    sqlite3_stmt **all = (sqlite3_stmt **)q;
    for (int i = 0; i < STATEMENT_COUNT; i++)
        if (sqlite3_prepare_v3(s->db, statement_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &all[i],
                               NULL) != SQLITE_OK) {
            store_fail(s, "prepare");
            ingest_statements_free(q);
            return NULL;
        }
    s->ingest = q;
    return q;
}

/* Runs a statement that returns nothing, then resets it. */
static int run(Store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : store_fail(s, what);
}

/* Runs a statement that returns one id (0 if no row), then resets it. */
static long run_id(Store *s, sqlite3_stmt *st, const char *what, int *rc)
{
    long id = 0;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    else if (step != SQLITE_DONE)
        *rc = store_fail(s, what);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return id;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

/* The place's row id, adding the place on first sight. 0 on error.
 * Looked up first: nearly every place is already stored. */
static long place_id(Store *s, Statements *q, const EventPlace *p)
{
    if (!p->name || !*p->name)
        return 0;
    int rc = 0;
    sqlite3_bind_text(q->find_place, 1, p->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q->find_place, 2, or_empty(p->admin1), -1, SQLITE_STATIC);
    sqlite3_bind_text(q->find_place, 3, or_empty(p->country), -1, SQLITE_STATIC);
    long id = run_id(s, q->find_place, "find place", &rc);
    if (id || rc != 0)
        return id;
    sqlite3_bind_text(q->insert_place, 1, p->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q->insert_place, 2, or_empty(p->admin1), -1, SQLITE_STATIC);
    sqlite3_bind_text(q->insert_place, 3, or_empty(p->country), -1, SQLITE_STATIC);
    bool coords = p->lat != 0 || p->lon != 0;
    if (coords) {
        sqlite3_bind_double(q->insert_place, 4, p->lat);
        sqlite3_bind_double(q->insert_place, 5, p->lon);
    }
    sql_bind_text(q->insert_place, 6, p->precision);
    if (run(s, q->insert_place, "insert place") != 0)
        return 0;
    return sqlite3_last_insert_rowid(s->db);
}

static long actor_id(Store *s, Statements *q, const EventActor *a)
{
    if (!a->name || !*a->name)
        return 0;
    int rc = 0;
    const char *side = fuse_side_name(a->side);
    sqlite3_bind_text(q->find_actor, 1, a->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q->find_actor, 2, side, -1, SQLITE_STATIC);
    long id = run_id(s, q->find_actor, "find actor", &rc);
    if (id || rc != 0)
        return id;
    sqlite3_bind_text(q->insert_actor, 1, a->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(q->insert_actor, 2, side, -1, SQLITE_STATIC);
    if (run(s, q->insert_actor, "insert actor") != 0)
        return 0;
    return sqlite3_last_insert_rowid(s->db);
}

static void bind_range(sqlite3_stmt *st, int first, const Range *r)
{
    sql_bind_long_or_null(st, first, r->present, r->low);
    sql_bind_long_or_null(st, first + 1, r->present, r->best);
    sql_bind_long_or_null(st, first + 2, r->present, r->high);
}

static int insert_article(Store *s, Statements *q, const Document *doc, long document_id,
                          const Article *a, long *id)
{
    sqlite3_stmt *st = q->insert_article;
    char date[11];
    size_t start = a->span.start <= doc->len ? a->span.start : doc->len;
    size_t end = a->span.end <= doc->len && a->span.end >= start ? a->span.end : start;
    sqlite3_bind_int64(st, 1, document_id);
    sqlite3_bind_int(st, 2, a->index);
    sql_bind_text(st, 3, a->title);
    sql_bind_text(st, 4, a->date.year ? date_format(a->date, date) : NULL);
    sql_bind_text(st, 5, store_date_source_name(a->date_source));
    sql_bind_text(st, 6, a->dateline);
    sql_bind_text(st, 7, a->outlet);
    sql_bind_text(st, 8, a->link_count > 0 ? a->links[0] : doc->url);
    sqlite3_bind_int64(st, 9, (sqlite3_int64)start);
    sqlite3_bind_int64(st, 10, (sqlite3_int64)end);
    sqlite3_bind_text(st, 11, doc->text + start, (int)(end - start), SQLITE_STATIC);
    if (run(s, st, "insert article") != 0)
        return -1;
    *id = sqlite3_last_insert_rowid(s->db);

    for (int i = 0; i < a->sentence_count; i++) {
        sqlite3_bind_int64(q->insert_sentence, 1, *id);
        sqlite3_bind_int(q->insert_sentence, 2, i);
        sqlite3_bind_int64(q->insert_sentence, 3, (sqlite3_int64)a->sentences[i].start);
        sqlite3_bind_int64(q->insert_sentence, 4, (sqlite3_int64)a->sentences[i].end);
        if (run(s, q->insert_sentence, "insert sentence") != 0)
            return -1;
    }
    return 0;
}

static bool place_is_governorate(const char *precision)
{
    return precision && (!strcmp(precision, "admin1") || !strcmp(precision, "country"));
}

/* Stores one extracted event as a report of the event fusion chooses for
 * it, then lets fusion update that event. */
/* Adds the article to the full-text index. Done last in the document's
 * transaction: FTS5 keeps new terms in memory and writes them out at the
 * next statement that opens a savepoint (most writes do) or at commit, so
 * indexing last writes them once, at commit, with nothing else between. */
static int index_article(Store *s, Statements *q, const Document *doc, long article_id,
                         const Article *a)
{
    size_t start = a->span.start <= doc->len ? a->span.start : doc->len;
    size_t end = a->span.end <= doc->len && a->span.end >= start ? a->span.end : start;
    sqlite3_bind_int64(q->insert_fts, 1, article_id);
    sql_bind_text(q->insert_fts, 2, a->title);
    sqlite3_bind_text(q->insert_fts, 3, doc->text + start, (int)(end - start), SQLITE_STATIC);
    return run(s, q->insert_fts, "index article");
}

static int insert_report(Store *s, Statements *q, const Document *doc, long document_id,
                         const ArticleList *articles, const long *article_ids, int idx,
                         const Event *ev, long *report_id, FuseOutcome *fo)
{
    long p = ev->has_place ? place_id(s, q, &ev->place) : 0;
    long a1 = ev->has_actor1 ? actor_id(s, q, &ev->actor1) : 0;
    long a2 = ev->has_actor2 ? actor_id(s, q, &ev->actor2) : 0;
    if ((ev->has_place && !p && ev->place.name && *ev->place.name) ||
        (ev->has_actor1 && !a1 && ev->actor1.name && *ev->actor1.name) ||
        (ev->has_actor2 && !a2 && ev->actor2.name && *ev->actor2.name))
        return -1;

    const Article *art = NULL;
    if (ev->article >= 0 && ev->article < articles->count)
        art = &articles->items[ev->article];

    /* Dates: the text form, the day fusion and timelines sort by, and the
     * window fusion compares. */
    bool dated = ev->date.year > 0 && ev->date_precision != PRECISION_NONE;
    long lo = 0, hi = 0, days = 0;
    char date[11], published[11];
    if (dated) {
        fuse_date_window(ev->date, ev->date_precision, &lo, &hi);
        days = date_valid(ev->date) ? date_to_days(ev->date) : lo;
    }
    const char *pub = NULL;
    if (art && art->date.year)
        pub = date_format(art->date, published);
    else if (doc->published.year)
        pub = date_format(doc->published, published);
    const char *outlet = ev->outlet ? ev->outlet : art && art->outlet ? art->outlet : doc->outlet;

    /* What fusion will read back from the row bound below. */
    const char *side1 = ev->has_actor1 ? fuse_side_name(ev->actor1.side) : NULL;
    const char *side2 = ev->has_actor2 ? fuse_side_name(ev->actor2.side) : NULL;
    bool coords = p && (ev->place.lat != 0 || ev->place.lon != 0);
    FuseKey key = {
        .family = fuse_family(ev->sub_event_type),
        .dated = dated,
        .date_lo = dated ? lo : 0,
        .date_hi = dated ? hi : 0,
        .side1 = fuse_side_parse(side1),
        .side2 = fuse_side_parse(side2),
        .place_id = p,
        .admin1 = ev->has_place ? or_empty(ev->place.admin1) : "",
        .has_coords = coords,
        .lat = coords ? ev->place.lat : 0,
        .lon = coords ? ev->place.lon : 0,
        .admin1_only = p && place_is_governorate(ev->place.precision),
    };
    const char *event_type = ev->event_type ? ev->event_type : "Strategic developments";
    const char *sub_event_type = ev->sub_event_type ? ev->sub_event_type : "Other";
    const char *certainty = store_certainty_name(ev->certainty);
    if (fuse_choose_event(s->fuser, &key, event_type, sub_event_type, certainty, fo, s->err,
                          sizeof s->err) != 0)
        return -1;

    sqlite3_stmt *st = q->insert_report;
    sqlite3_bind_int64(st, 1, document_id);
    sql_bind_long_or_null(st, 2, art != NULL, art ? article_ids[ev->article] : 0);
    sqlite3_bind_int(st, 3, idx);
    sqlite3_bind_int(st, 4, ev->article);
    sqlite3_bind_int(st, 5, ev->primary);
    sql_bind_text(st, 6, event_type);
    sql_bind_text(st, 7, sub_event_type);
    sql_bind_text(st, 8, key.family);
    sql_bind_text(st, 9, dated ? date_format(ev->date, date) : NULL);
    sql_bind_long_or_null(st, 10, dated, days);
    sql_bind_text(st, 11, dated ? store_precision_name(ev->date_precision) : NULL);
    sql_bind_long_or_null(st, 12, dated, lo);
    sql_bind_long_or_null(st, 13, dated, hi);
    sql_bind_long_or_null(st, 14, a1 != 0, a1);
    sql_bind_text(st, 15, side1);
    sql_bind_long_or_null(st, 16, a2 != 0, a2);
    sql_bind_text(st, 17, side2);
    sql_bind_long_or_null(st, 18, p != 0, p);
    sqlite3_bind_text(st, 19, key.admin1, -1, SQLITE_STATIC);
    bind_range(st, 20, &ev->fatalities);
    bind_range(st, 23, &ev->injured);
    sql_bind_text(st, 26, certainty);
    sql_bind_text(st, 27, outlet);
    sql_bind_text(st, 28, pub);
    sql_bind_text(st, 29, ev->evidence_text);
    sqlite3_bind_int64(st, 30, (sqlite3_int64)ev->evidence.start);
    sqlite3_bind_int64(st, 31, (sqlite3_int64)ev->evidence.end);
    if (coords) {
        sqlite3_bind_double(st, 32, ev->place.lat);
        sqlite3_bind_double(st, 33, ev->place.lon);
    }
    sql_bind_text(st, 34, p ? ev->place.precision : NULL);
    sql_bind_text_nonempty(st, 35, a1 ? ev->actor1.name : NULL);
    sql_bind_text_nonempty(st, 36, a2 ? ev->actor2.name : NULL);
    sqlite3_bind_int(st, 37, dated && hi - lo > FUSE_NARROW_WINDOW);
    sqlite3_bind_int64(st, 38, fo->event_id);
    if (run(s, st, "insert report") != 0)
        return -1;
    *report_id = sqlite3_last_insert_rowid(s->db);

    /* Every place of a multi-place event; the main place alone otherwise. */
    int n = ev->place_count > 0 ? ev->place_count : ev->has_place ? 1 : 0;
    for (int i = 0; i < n; i++) {
        const EventPlace *ep = ev->place_count > 0 ? &ev->places[i] : &ev->place;
        long pid = ep == &ev->place ? p : place_id(s, q, ep);
        if (!pid)
            continue;
        sqlite3_bind_int64(q->insert_report_place, 1, *report_id);
        sqlite3_bind_int(q->insert_report_place, 2, i);
        sqlite3_bind_int64(q->insert_report_place, 3, pid);
        sql_bind_text(q->insert_report_place, 4, ep->relation);
        if (run(s, q->insert_report_place, "insert report place") != 0)
            return -1;
    }
    for (int i = 0; i < ev->claim_count; i++) {
        const Claim *c = &ev->claims[i];
        sqlite3_stmt *ci = q->insert_claim;
        sqlite3_bind_int64(ci, 1, *report_id);
        sql_bind_text_nonempty(ci, 2, c->claimant);
        bind_range(ci, 3, &c->fatalities);
        sql_bind_text(ci, 6, c->text);
        sqlite3_bind_int64(ci, 7, (sqlite3_int64)c->span.start);
        sqlite3_bind_int64(ci, 8, (sqlite3_int64)c->span.end);
        bool party = fuse_claimant_is_party(c->claimant, a1 ? ev->actor1.name : NULL) ||
                     fuse_claimant_is_party(c->claimant, a2 ? ev->actor2.name : NULL);
        sqlite3_bind_int(ci, 9, !party);
        if (run(s, ci, "insert claim") != 0)
            return -1;
    }
    return fuse_add_report(s->fuser, *report_id, fo, s->err, sizeof s->err);
}

int store_ingest(Store *s, const Document *doc, const ArticleList *articles,
                 const EventList *events, IngestResult *result)
{
    IngestResult res = {0};
    long *article_ids = NULL;
    char hash[33];
    int rc = -1;
    s->err[0] = '\0';
    Statements *q = statements(s);
    if (!q)
        return -1;
    store_content_hash(doc->text ? doc->text : "", doc->len, hash);

    /* IMMEDIATE: take the write lock now, so the hash check and the insert
     * cannot race with another writer. */
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return store_fail(s, "begin");

    sqlite3_bind_text(q->find_doc, 1, hash, -1, SQLITE_STATIC);
    int lookup = 0;
    res.document_id = run_id(s, q->find_doc, "find document", &lookup);
    if (lookup != 0)
        goto fail;
    if (res.document_id) {
        res.skipped = true;
        goto commit;
    }

    char published[11];
    sqlite3_bind_text(q->insert_doc, 1, doc->id ? doc->id : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(q->insert_doc, 2, hash, -1, SQLITE_STATIC);
    sql_bind_text(q->insert_doc, 3, doc->path);
    sql_bind_text(q->insert_doc, 4, doc->outlet);
    sql_bind_text(q->insert_doc, 5, doc->url);
    sql_bind_text(q->insert_doc, 6, doc->title);
    sql_bind_text(q->insert_doc, 7,
                  doc->published.year ? date_format(doc->published, published) : NULL);
    sqlite3_bind_int64(q->insert_doc, 8, (sqlite3_int64)doc->len);
    if (run(s, q->insert_doc, "insert document") != 0)
        goto fail;
    res.document_id = sqlite3_last_insert_rowid(s->db);

    int article_count = articles ? articles->count : 0;
    ArticleList none = {0};
    if (!articles)
        articles = &none;
    article_ids = calloc((size_t)article_count + 1, sizeof *article_ids);
    if (!article_ids) {
        snprintf(s->err, sizeof s->err, "out of memory");
        goto fail;
    }
    for (int i = 0; i < article_count; i++)
        if (insert_article(s, q, doc, res.document_id, &articles->items[i], &article_ids[i]) != 0)
            goto fail;
    res.articles = article_count;

    for (int i = 0; events && i < events->count; i++) {
        long report_id;
        FuseOutcome fo;
        if (insert_report(s, q, doc, res.document_id, articles, article_ids, i, &events->items[i],
                          &report_id, &fo) != 0)
            goto fail;
        res.reports++;
        if (fo.joined)
            res.events_joined++;
        else
            res.events_new++;
        res.control_changes += fo.control_changes;
    }

    for (int i = 0; i < article_count; i++)
        if (index_article(s, q, doc, article_ids[i], &articles->items[i]) != 0)
            goto fail;

    sqlite3_bind_int(q->update_doc, 1, res.articles);
    sqlite3_bind_int(q->update_doc, 2, res.reports);
    sqlite3_bind_int64(q->update_doc, 3, res.document_id);
    if (run(s, q->update_doc, "update document") != 0)
        goto fail;

commit:
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        store_fail(s, "commit");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        free(article_ids);
        return -1;
    }
    rc = 0;
    if (result)
        *result = res;
    free(article_ids);
    return rc;
fail:
    free(article_ids);
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (!s->err[0])
        snprintf(s->err, sizeof s->err, "ingest failed");
    return -1;
}
