/*
 * query.c — reading the store: fused events with filters, one event with
 * all its reports and claims, control timelines, control on a date, and
 * per-outlet figures. Every filter value is bound as a parameter; only
 * fixed SQL fragments are concatenated.
 */
#include "internal.h"

#include <stdlib.h>

enum { DEFAULT_LIMIT = 100 };

/* The columns of one fused event with its place (EVENT_COLUMN_COUNT). */
#define EVENT_COLUMNS                                                                              \
    "e.id, e.event_type, e.sub_event_type, e.date, e.date_precision,"                              \
    " e.actor1, e.side1, e.actor2, e.side2, e.place_id, p.name, p.admin1,"                         \
    " p.country, p.precision, p.lat, p.lon, e.fat_low, e.fat_best,"                                \
    " e.fat_high, e.certainty, e.report_count, e.source_count,"                                    \
    " e.first_report, e.last_report, e.notes"
#define EVENT_FROM " FROM events e LEFT JOIN places p ON p.id = e.place_id"

static void read_place(sqlite3_stmt *st, int c, StorePlace *p, Arena *a)
{
    /* c: id, name, admin1, country, precision, lat, lon */
    p->id = sqlite3_column_int64(st, c);
    p->name = sql_col_text(st, c + 1, a);
    p->admin1 = sql_col_text(st, c + 2, a);
    p->country = sql_col_text(st, c + 3, a);
    p->precision = sql_col_text(st, c + 4, a);
    p->has_coords = !sql_col_null(st, c + 5) && !sql_col_null(st, c + 6);
    p->lat = sqlite3_column_double(st, c + 5);
    p->lon = sqlite3_column_double(st, c + 6);
}

static void read_range(sqlite3_stmt *st, int c, StoreRange *r)
{
    r->present = !sql_col_null(st, c + 1);
    r->low = sqlite3_column_int64(st, c);
    r->best = sqlite3_column_int64(st, c + 1);
    r->high = sqlite3_column_int64(st, c + 2);
}

static void read_event(sqlite3_stmt *st, StoreEvent *e, Arena *a)
{
    memset(e, 0, sizeof *e);
    e->id = sqlite3_column_int64(st, 0);
    e->event_type = sql_col_text(st, 1, a);
    e->sub_event_type = sql_col_text(st, 2, a);
    e->date = sql_col_text(st, 3, a);
    e->date_precision = sql_col_text(st, 4, a);
    e->actor1 = sql_col_text(st, 5, a);
    e->side1 = sql_col_text(st, 6, a);
    e->actor2 = sql_col_text(st, 7, a);
    e->side2 = sql_col_text(st, 8, a);
    e->has_place = !sql_col_null(st, 9);
    if (e->has_place)
        read_place(st, 9, &e->place, a);
    read_range(st, 16, &e->fatalities);
    e->certainty = sql_col_text(st, 19, a);
    e->report_count = sqlite3_column_int(st, 20);
    e->source_count = sqlite3_column_int(st, 21);
    e->first_report = sql_col_text(st, 22, a);
    e->last_report = sql_col_text(st, 23, a);
    e->notes = sql_col_text(st, 24, a);
}

/* The distinct outlets of an event, in report order. st is
 * "SELECT outlet … WHERE event_id = ?1 … ORDER BY id" (OUTLETS_SQL),
 * prepared once by the caller for all the events of a page: a statement
 * per event cost more than the query. Duplicates are dropped here, as an
 * event has a handful of reports. */
#define OUTLETS_SQL                                                                                \
    "SELECT outlet FROM reports WHERE event_id = ?1 AND outlet IS NOT NULL"                        \
    " ORDER BY id"

static int read_outlets(Store *s, sqlite3_stmt *st, StoreEvent *e, Arena *a)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, e->id);
    int n = 0, cap = 4, step;
    const char **list = arena_alloc(a, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *outlet = (const char *)sqlite3_column_text(st, 0);
        bool seen = false;
        for (int i = 0; i < n && !seen; i++)
            seen = strcmp(list[i], outlet) == 0;
        if (seen)
            continue;
        if (n == cap) {
            list = arena_grow(a, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        list[n++] = sql_col_text(st, 0, a);
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "outlets");
    e->outlets = list;
    e->outlet_count = n;
    return 0;
}

/* read_outlets() for each of n events. */
static int read_all_outlets(Store *s, StoreEvent *events, int n, Arena *a)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, OUTLETS_SQL, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "outlets");
    int rc = 0;
    for (int i = 0; i < n && rc == 0; i++)
        rc = read_outlets(s, st, &events[i], a);
    sqlite3_finalize(st);
    return rc;
}

/* A day number from YYYY-MM-DD, or false. */
static bool parse_day(const char *s, long *days)
{
    Date d;
    if (!s || !date_parse_iso(s, strlen(s), &d))
        return false;
    *days = date_to_days(d);
    return true;
}

/* People type words; FTS5 reads "ez-Zor" as syntax. Unless the query
 * already uses FTS5 syntax (quotes, operators, prefixes), each word is
 * quoted as a phrase, so every word must occur. */
static char *fts_query(const char *text, Arena *a)
{
    if (strpbrk(text, "\"*:^()") || strstr(text, " OR ") || strstr(text, " AND ") ||
        strstr(text, " NOT ") || strstr(text, "NEAR("))
        return arena_strdup(a, text);
    Buffer b;
    buffer_init(&b);
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        const char *start = p;
        while (*p && *p != ' ' && *p != '\t')
            p++;
        if (p > start) {
            if (b.len)
                buffer_append_char(&b, ' ');
            buffer_append_char(&b, '"');
            buffer_append(&b, start, (size_t)(p - start));
            buffer_append_char(&b, '"');
        }
    }
    char *out = arena_strdup(a, b.data ? b.data : "");
    buffer_free(&b);
    return out;
}

/* Runs sql (one integer result) with text parameter ?1; *out = its value. */
static int count_of(Store *s, const char *sql, const char *param, long *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "events query");
    if (param)
        sqlite3_bind_text(st, 1, param, -1, SQLITE_TRANSIENT);
    int step = sqlite3_step(st);
    *out = step == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return step == SQLITE_ROW ? 0 : store_fail(s, "events query");
}

/* A filter of the form "e.id IN (subquery)" (place, outlet, text) can be
 * run two ways: from its event ids (look each event up, then sort them),
 * which is best when the set is small, or by walking the events in list
 * order and probing the set until the page is full, which is best when it
 * is large (a word in every article: the walk stops after a page, where
 * looking up and sorting every match took seconds). SQLite has no
 * statistics to choose from, so we count the matching rows first (from an
 * index, cheap) and write "+e.id" — which no index can serve — when the
 * set is large. */
enum { SET_DRIVE_LIMIT = 2000 };

static const char *set_operand(long estimated_rows)
{
    return estimated_rows > SET_DRIVE_LIMIT ? "+e.id" : "e.id";
}

/* Reports whose articles match fts: estimated as matching articles times
 * reports per article (max(id) of each, as rows are never deleted). Also
 * reports a malformed FTS5 query as the error. */
static int text_match_estimate(Store *s, const char *fts, long *reports)
{
    long articles = 0, article_rows = 0, report_rows = 0;
    if (count_of(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?1", fts,
                 &articles) != 0 ||
        count_of(s, "SELECT coalesce(max(id), 0) FROM articles", NULL, &article_rows) != 0 ||
        count_of(s, "SELECT coalesce(max(id), 0) FROM reports", NULL, &report_rows) != 0)
        return -1;
    *reports = article_rows > 0
                   ? (long)((double)articles * (double)report_rows / (double)article_rows)
                   : articles;
    return 0;
}

int store_query_events(Store *s, const StoreFilter *f, Arena *arena, StoreEvent **rows, int *count)
{
    StoreFilter none = {0};
    if (!f)
        f = &none;
    *rows = NULL;
    *count = 0;
    /* The filters, as conditions on events e. Binding order follows the
     * order fragments are appended. */
    Buffer where;
    buffer_init(&where);
    const char *texts[16];
    int kinds[16]; /* 0 text, 1 integer */
    long ints[16];
    int nb = 0;
#define BIND_TEXT(v) (kinds[nb] = 0, texts[nb++] = (v))
#define BIND_INT(v)  (kinds[nb] = 1, ints[nb++] = (v))
    long day, estimate;
    if (f->from) {
        if (!parse_day(f->from, &day)) {
            snprintf(s->err, sizeof s->err, "--from: not a date: %s", f->from);
            goto fail;
        }
        buffer_printf(&where, " AND e.date_days >= ?%d", nb + 1);
        BIND_INT(day);
    }
    if (f->to) {
        if (!parse_day(f->to, &day)) {
            snprintf(s->err, sizeof s->err, "--to: not a date: %s", f->to);
            goto fail;
        }
        buffer_printf(&where, " AND e.date_days <= ?%d", nb + 1);
        BIND_INT(day);
    }
    if (f->place) {
        if (count_of(s,
                     "SELECT count(*) FROM places q"
                     " JOIN report_places rp ON rp.place_id = q.id"
                     " WHERE q.name = ?1 COLLATE NOCASE",
                     f->place, &estimate) != 0)
            goto fail;
        buffer_printf(&where,
                      " AND %s IN (SELECT r.event_id FROM places q"
                      " JOIN report_places rp ON rp.place_id = q.id"
                      " JOIN reports r ON r.id = rp.report_id"
                      " WHERE q.name = ?%d COLLATE NOCASE)",
                      set_operand(estimate), nb + 1);
        BIND_TEXT(f->place);
    }
    if (f->admin1) {
        buffer_printf(&where, " AND e.admin1 = ?%d COLLATE NOCASE", nb + 1);
        BIND_TEXT(f->admin1);
    }
    if (f->side) {
        buffer_printf(&where, " AND (e.side1 = ?%d OR e.side2 = ?%d)", nb + 1, nb + 1);
        BIND_TEXT(f->side);
    }
    if (f->actor) {
        /* The substring is looked for in the few distinct actor names
         * (every event's actors are in `actors`), not in every event: the
         * walk then only probes a set of names. */
        buffer_printf(&where,
                      " AND (e.actor1 IN (SELECT name FROM actors"
                      "   WHERE instr(lower(name), lower(?%d)) > 0)"
                      " OR e.actor2 IN (SELECT name FROM actors"
                      "   WHERE instr(lower(name), lower(?%d)) > 0))",
                      nb + 1, nb + 1);
        BIND_TEXT(f->actor);
    }
    if (f->type) {
        buffer_printf(&where,
                      " AND (e.event_type = ?%d COLLATE NOCASE"
                      " OR e.sub_event_type = ?%d COLLATE NOCASE)",
                      nb + 1, nb + 1);
        BIND_TEXT(f->type);
    }
    if (f->outlet) {
        if (count_of(s, "SELECT count(*) FROM reports WHERE outlet = ?1 COLLATE NOCASE", f->outlet,
                     &estimate) != 0)
            goto fail;
        buffer_printf(&where,
                      " AND %s IN (SELECT event_id FROM reports"
                      " WHERE outlet = ?%d COLLATE NOCASE)",
                      set_operand(estimate), nb + 1);
        BIND_TEXT(f->outlet);
    }
    if (f->text) {
        /* From the matching articles (FTS rowids) to their reports through
         * reports_article, then to events. */
        const char *fts = fts_query(f->text, arena);
        if (text_match_estimate(s, fts, &estimate) != 0)
            goto fail;
        buffer_printf(&where,
                      " AND %s IN (SELECT r.event_id FROM articles_fts"
                      " JOIN reports r ON r.article_id = articles_fts.rowid"
                      " WHERE articles_fts MATCH ?%d)",
                      set_operand(estimate), nb + 1);
        BIND_TEXT(fts);
    }

    /* Newest first. SQLite sorts NULL below every value, so date_days DESC
     * puts undated events last, and (date_days, id) leads the events_list
     * index, read backwards: the list is an index walk, not a sort. */
#define LIST_ORDER " ORDER BY e.date_days DESC, e.id DESC"
    Buffer sql;
    buffer_init(&sql);
    long limit = f->limit == 0 ? DEFAULT_LIMIT : f->limit;
    if (limit > 0) {
        /* A page: pick its ids first from the indexes alone (OFFSET skips
         * index entries, not joined rows), then read those rows. */
        buffer_printf(&sql,
                      "SELECT " EVENT_COLUMNS EVENT_FROM " WHERE e.id IN"
                      " (SELECT e.id FROM events e WHERE 1%s" LIST_ORDER
                      " LIMIT ?%d OFFSET ?%d)" LIST_ORDER,
                      where.data ? where.data : "", nb + 1, nb + 2);
        BIND_INT(limit);
    } else {
        buffer_printf(
            &sql, "SELECT " EVENT_COLUMNS EVENT_FROM " WHERE 1%s" LIST_ORDER " LIMIT -1 OFFSET ?%d",
            where.data ? where.data : "", nb + 1);
    }
    BIND_INT(f->offset > 0 ? f->offset : 0);
#undef LIST_ORDER
#undef BIND_TEXT
#undef BIND_INT
    buffer_free(&where);

    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql.data, -1, &st, NULL);
    buffer_free(&sql);
    if (rc != SQLITE_OK)
        return store_fail(s, "events query");
    for (int i = 0; i < nb; i++) {
        if (kinds[i])
            sqlite3_bind_int64(st, i + 1, ints[i]);
        else
            sqlite3_bind_text(st, i + 1, texts[i], -1, SQLITE_TRANSIENT);
    }
    int n = 0, cap = 16, step;
    StoreEvent *list = arena_alloc(arena, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            list = arena_grow(arena, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        read_event(st, &list[n++], arena);
    }
    if (step != SQLITE_DONE) {
        rc = store_fail(s, "events query");
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_finalize(st);
    if (read_all_outlets(s, list, n, arena) != 0)
        return -1;
    *rows = list;
    *count = n;
    return 0;
fail:
    buffer_free(&where);
    return -1;
}

/* The claims of one report; st is CLAIMS_SQL, prepared once per event. */
#define CLAIMS_SQL                                                                                 \
    "SELECT id, claimant, fat_low, fat_best, fat_high, text"                                       \
    " FROM claims WHERE report_id = ? ORDER BY id"

static int read_claims(Store *s, sqlite3_stmt *st, StoreReport *r, Arena *a)
{
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, r->id);
    int n = 0, cap = 4, step;
    StoreClaim *list = arena_alloc(a, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            list = arena_grow(a, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        StoreClaim *c = &list[n++];
        c->id = sqlite3_column_int64(st, 0);
        c->report_id = r->id;
        c->claimant = sql_col_text(st, 1, a);
        read_range(st, 2, &c->fatalities);
        c->text = sql_col_text(st, 5, a);
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "claims");
    r->claims = list;
    r->claim_count = n;
    return 0;
}

int store_event_detail(Store *s, long id, Arena *arena, StoreEventDetail *out, bool *found)
{
    memset(out, 0, sizeof *out);
    *found = false;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT " EVENT_COLUMNS EVENT_FROM " WHERE e.id = ?", -1, &st,
                           NULL) != SQLITE_OK)
        return store_fail(s, "event");
    sqlite3_bind_int64(st, 1, id);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        read_event(st, &out->event, arena);
    sqlite3_finalize(st);
    if (step == SQLITE_DONE)
        return 0;
    if (step != SQLITE_ROW)
        return store_fail(s, "event");
    *found = true;
    if (read_all_outlets(s, &out->event, 1, arena) != 0)
        return -1;

    if (sqlite3_prepare_v2(s->db,
                           "SELECT r.id, d.doc_id, r.article, a.title, r.published, r.outlet,"
                           " coalesce(a.url, d.url), r.certainty, r.fat_low, r.fat_best,"
                           " r.fat_high, r.evidence, r.ev_start, r.ev_end, r.contradicted"
                           " FROM reports r JOIN documents d ON d.id = r.document_id"
                           " LEFT JOIN articles a ON a.id = r.article_id"
                           " WHERE r.event_id = ? ORDER BY r.published IS NULL, r.published, r.id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "event reports");
    sqlite3_bind_int64(st, 1, id);
    int n = 0, cap = 4;
    StoreReport *list = arena_alloc(arena, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            list = arena_grow(arena, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        StoreReport *r = &list[n++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        r->doc_id = sql_col_text(st, 1, arena);
        r->article = sqlite3_column_int(st, 2);
        r->article_title = sql_col_text(st, 3, arena);
        r->published = sql_col_text(st, 4, arena);
        r->outlet = sql_col_text(st, 5, arena);
        r->url = sql_col_text(st, 6, arena);
        r->certainty = sql_col_text(st, 7, arena);
        read_range(st, 8, &r->fatalities);
        r->evidence = sql_col_text(st, 11, arena);
        r->evidence_start = sqlite3_column_int64(st, 12);
        r->evidence_end = sqlite3_column_int64(st, 13);
        r->contradicted = sqlite3_column_int(st, 14) != 0;
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "event reports");
    if (sqlite3_prepare_v2(s->db, CLAIMS_SQL, -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "claims");
    int claims_rc = 0;
    for (int i = 0; i < n && claims_rc == 0; i++)
        claims_rc = read_claims(s, st, &list[i], arena);
    sqlite3_finalize(st);
    if (claims_rc != 0)
        return -1;
    out->reports = list;
    out->report_count = n;

    if (sqlite3_prepare_v2(s->db,
                           "SELECT p.id, p.name, p.admin1, p.country, p.precision,"
                           " p.lat, p.lon FROM places p WHERE p.id IN"
                           " (SELECT rp.place_id FROM report_places rp"
                           "  JOIN reports r ON r.id = rp.report_id"
                           "  WHERE r.event_id = ?) ORDER BY p.name",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "event places");
    sqlite3_bind_int64(st, 1, id);
    n = 0;
    cap = 4;
    StorePlace *places = arena_alloc(arena, sizeof *places * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            places = arena_grow(arena, places, (size_t)n, (size_t)cap * 2, sizeof *places);
            cap *= 2;
        }
        read_place(st, 0, &places[n++], arena);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "event places");
    out->places = places;
    out->place_count = n;
    return 0;
}

/* ---- Control ------------------------------------------------------------ */

typedef struct Change {
    long event_id;
    const char *date, *side, *actor, *status;
} Change;

/* The control changes of one place in date order, one per fused event. */
static int read_changes(Store *s, long place_id, Arena *a, Change **out, int *count)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           /* event_date/event_days: the fused event's date, kept on the
                            * change by the schema's triggers. */
                           "SELECT c.event_id, c.event_date, c.event_days, c.holder_side,"
                           " c.holder_actor, c.status, min(c.id)"
                           " FROM control_changes c"
                           " WHERE c.place_id = ? GROUP BY c.event_id"
                           " ORDER BY c.event_days, c.event_id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "control changes");
    sqlite3_bind_int64(st, 1, place_id);
    int n = 0, cap = 8, step;
    Change *list = arena_alloc(a, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            list = arena_grow(a, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        Change *c = &list[n++];
        c->event_id = sqlite3_column_int64(st, 0);
        c->date = sql_col_text(st, 1, a);
        c->side = sql_col_text(st, 3, a);
        c->actor = sql_col_text(st, 4, a);
        c->status = sql_col_text(st, 5, a);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "control changes");
    *out = list;
    *count = n;
    return 0;
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Consecutive changes to the same holder and status are one period (more
 * evidence); a different holder ends the period on its date. */
static void build_periods(const Change *ch, int n, Arena *a, StoreTimeline *t)
{
    t->periods = arena_alloc(a, sizeof *t->periods * (size_t)(n ? n : 1));
    t->period_count = 0;
    for (int i = 0; i < n; i++) {
        StoreControlPeriod *cur = t->period_count ? &t->periods[t->period_count - 1] : NULL;
        if (cur && same(cur->holder_side, ch[i].side) && same(cur->status, ch[i].status)) {
            cur->evidence[cur->evidence_count++] = ch[i].event_id;
            if (!cur->holder_actor)
                cur->holder_actor = ch[i].actor;
            continue;
        }
        if (cur)
            cur->to = ch[i].date;
        StoreControlPeriod *p = &t->periods[t->period_count++];
        memset(p, 0, sizeof *p);
        p->holder_side = ch[i].side;
        p->holder_actor = ch[i].actor;
        p->from = ch[i].date;
        p->status = ch[i].status;
        p->evidence = arena_alloc(a, sizeof(long) * (size_t)(n - i));
        p->evidence[p->evidence_count++] = ch[i].event_id;
    }
}

int store_timeline(Store *s, const char *place, Arena *arena, StoreTimeline **rows, int *count)
{
    *rows = NULL;
    *count = 0;
    sqlite3_stmt *st = NULL;
    /* Places with evidence first; a place nobody reported a change for is
     * listed with no periods (control unknown). */
    if (sqlite3_prepare_v2(s->db,
                           "SELECT p.id, p.name, p.admin1, p.country, p.precision,"
                           " p.lat, p.lon FROM places p WHERE p.name = ? COLLATE NOCASE"
                           " ORDER BY NOT EXISTS (SELECT 1 FROM control_changes c"
                           " WHERE c.place_id = p.id), p.admin1, p.id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "timeline");
    sqlite3_bind_text(st, 1, place, -1, SQLITE_TRANSIENT);
    int n = 0, cap = 4, step;
    StoreTimeline *list = arena_alloc(arena, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            list = arena_grow(arena, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        memset(&list[n], 0, sizeof list[n]);
        read_place(st, 0, &list[n++].place, arena);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "timeline");
    for (int i = 0; i < n; i++) {
        Change *ch;
        int nch;
        if (read_changes(s, list[i].place.id, arena, &ch, &nch) != 0)
            return -1;
        build_periods(ch, nch, arena, &list[i]);
    }
    *rows = list;
    *count = n;
    return 0;
}

int store_control_at(Store *s, const char *date, const char *admin1, Arena *arena,
                     StoreControl **rows, int *count)
{
    *rows = NULL;
    *count = 0;
    long day;
    if (!parse_day(date, &day)) {
        snprintf(s->err, sizeof s->err, "not a date (YYYY-MM-DD): %s", date ? date : "(none)");
        return -1;
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           /* Per place, its latest change on or before the date: one
                            * descent of control_latest (place, event date desc, event desc,
                            * then the first recorded), instead of ranking every change. */
                           "SELECT p.id, p.name, p.admin1, p.country, p.precision, p.lat, p.lon,"
                           "   c.holder_side, c.holder_actor, c.event_date, c.status, c.event_id"
                           " FROM places p LEFT JOIN control_changes c ON c.id ="
                           "   (SELECT l.id FROM control_changes l"
                           "    WHERE l.place_id = p.id AND l.event_days <= ?1"
                           "    ORDER BY l.event_days DESC, l.event_id DESC, l.id LIMIT 1)"
                           " WHERE EXISTS (SELECT 1 FROM control_changes k WHERE k.place_id = p.id)"
                           "   AND (?2 IS NULL OR p.admin1 = ?2 COLLATE NOCASE)"
                           " ORDER BY p.admin1, p.name, p.id",
                           -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "control");
    sqlite3_bind_int64(st, 1, day);
    sql_bind_text(st, 2, admin1);
    int n = 0, cap = 16, step;
    StoreControl *list = arena_alloc(arena, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            list = arena_grow(arena, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        StoreControl *c = &list[n++];
        memset(c, 0, sizeof *c);
        read_place(st, 0, &c->place, arena);
        c->holder_side = sql_col_text(st, 7, arena);
        c->holder_actor = sql_col_text(st, 8, arena);
        c->since = sql_col_text(st, 9, arena);
        c->status = sql_col_text(st, 10, arena);
        c->evidence = sqlite3_column_int64(st, 11);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "control");
    *rows = list;
    *count = n;
    return 0;
}

int store_outlet_stats(Store *s, Arena *arena, StoreOutletStats **rows, int *count)
{
    *rows = NULL;
    *count = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(
            s->db,
            /* Both halves read indexes only: reports_outlet covers the
             * counts (grouped by exact name; the NOCASE column first is what
             * the outlet filter needs), and the corroborated events come from
             * events_sources rather than a lookup per report. */
            "SELECT coalesce(a.outlet, '(unknown)') AS o, a.n, a.events, a.contra,"
            "   coalesce(b.events, 0)"
            " FROM (SELECT outlet, count(*) AS n, count(DISTINCT event_id) AS events,"
            "         coalesce(sum(contradicted), 0) AS contra FROM reports"
            "       WHERE event_id IS NOT NULL"
            "       GROUP BY outlet COLLATE NOCASE, outlet) a"
            " LEFT JOIN (SELECT r.outlet, count(DISTINCT r.event_id) AS events"
            "       FROM reports r WHERE r.event_id IN"
            "         (SELECT id FROM events WHERE source_count > 1)"
            "       GROUP BY r.outlet) b ON b.outlet IS a.outlet"
            " ORDER BY a.n DESC, o",
            -1, &st, NULL) != SQLITE_OK)
        return store_fail(s, "sources");
    int n = 0, cap = 16, step;
    StoreOutletStats *list = arena_alloc(arena, sizeof *list * (size_t)cap);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            list = arena_grow(arena, list, (size_t)n, (size_t)cap * 2, sizeof *list);
            cap *= 2;
        }
        StoreOutletStats *o = &list[n++];
        o->outlet = sql_col_text(st, 0, arena);
        o->reports = sqlite3_column_int64(st, 1);
        o->events = sqlite3_column_int64(st, 2);
        o->contradicted = sqlite3_column_int64(st, 3);
        o->corroborated = sqlite3_column_int64(st, 4);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return store_fail(s, "sources");
    *rows = list;
    *count = n;
    return 0;
}

int store_counts(Store *s, StoreCounts *out)
{
    static const char *const tables[] = {"documents", "articles", "sentences",
                                         "reports",   "events",   "claims",
                                         "places",    "actors",   "control_changes"};
    long *fields[] = {&out->documents, &out->articles, &out->sentences,
                      &out->reports,   &out->events,   &out->claims,
                      &out->places,    &out->actors,   &out->control_changes};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) {
        char sql[64];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
            return store_fail(s, "counts");
        if (sqlite3_step(st) != SQLITE_ROW) {
            sqlite3_finalize(st);
            return store_fail(s, "counts");
        }
        *fields[i] = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return 0;
}
