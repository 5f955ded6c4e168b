/*
 * fuse_db.c — fusion against the store: a new report finds the candidate
 * reports of the same governorate, family and date window through the
 * reports_fuse index, joins the event of the best compatible one (or
 * starts a new event), and only that event is recomputed. Nothing else in
 * the store is touched, so ingest cost does not grow with the store.
 */
#include "fuse_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>


static bool admin1_precision(const char *p)
{
    return p && (!strcmp(p, "admin1") || !strcmp(p, "country"));
}

void fuse_read_key(sqlite3_stmt *st, int c, FuseKey *k, Arena *a)
{
    memset(k, 0, sizeof *k);
    k->family = sql_col_text(st, c + 0, a);
    k->date_lo = sqlite3_column_int64(st, c + 1);
    k->date_hi = sqlite3_column_int64(st, c + 2);
    k->side1 = fuse_side_parse((const char *)sqlite3_column_text(st, c + 3));
    k->side2 = fuse_side_parse((const char *)sqlite3_column_text(st, c + 4));
    k->place_id = sqlite3_column_int64(st, c + 5);
    k->admin1 = sql_col_text(st, c + 6, a);
    k->has_coords = !sql_col_null(st, c + 7) && !sql_col_null(st, c + 8);
    k->lat = sqlite3_column_double(st, c + 7);
    k->lon = sqlite3_column_double(st, c + 8);
    k->admin1_only = admin1_precision((const char *)sqlite3_column_text(st, c + 9));
    k->dated = sqlite3_column_int(st, c + 10) != 0;
}

/* How well candidate b fits a: same place beats nearby beats same
 * governorate; then the closer date. Higher is better. */
static double fit(const FuseKey *a, const FuseKey *b)
{
    double score = 0;
    if (a->place_id && a->place_id == b->place_id)
        score = 3000;
    else if (a->has_coords && b->has_coords && !a->admin1_only && !b->admin1_only)
        score = 2000 - fuse_distance_km(a->lat, a->lon, b->lat, b->lon);
    else
        score = 1000;
    long da = (a->date_lo + a->date_hi) / 2, db = (b->date_lo + b->date_hi) / 2;
    return score - labs(da - db);
}

int fuse_report(Fuser *f, long report_id, FuseOutcome *out, char *err,
                size_t cap)
{
    sqlite3 *db = f->db;
    Arena arena;
    arena_init(&arena);
    sqlite3_stmt *st = NULL;
    int rc = -1;
    memset(out, 0, sizeof *out);

    st = fuse_use(f->report_key);
    sqlite3_bind_int64(st, 1, report_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sql_fail(db, err, cap, "fuse: report not found");
        goto done;
    }
    FuseKey key;
    fuse_read_key(st, 0, &key, &arena);
    const char *event_type = sql_col_text(st, 11, &arena);
    const char *sub_event_type = sql_col_text(st, 12, &arena);
    const char *certainty = sql_col_text(st, 13, &arena);
    sqlite3_reset(st);
    st = NULL;

    long best_event = 0;
    double best_fit = 0;
    if (key.dated && key.admin1 && *key.admin1) {
        st = fuse_use(f->candidates);
        sqlite3_bind_text(st, 1, key.admin1, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, key.family, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, key.date_lo - FUSE_NARROW_WINDOW);
        sqlite3_bind_int64(st, 7, key.date_lo - FUSE_WIDE_WINDOW);
        sqlite3_bind_int64(st, 4, key.date_hi);
        sqlite3_bind_int64(st, 5, key.date_lo);
        sqlite3_bind_int64(st, 6, report_id);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            FuseKey cand;
            fuse_read_key(st, 0, &cand, &arena);
            bool contra = false;
            if (!fuse_compatible(&key, &cand, &contra))
                continue;
            double score = fit(&key, &cand);
            if (!best_event || score > best_fit) {
                best_event = sqlite3_column_int64(st, 11);
                best_fit = score;
            }
        }
        if (step != SQLITE_DONE) {
            sql_fail(db, err, cap, "fuse: candidates");
            goto done;
        }
        sqlite3_reset(st);
        st = NULL;
    }

    if (!best_event) {
        st = fuse_use(f->new_event);
        sql_bind_text(st, 1, event_type);
        sql_bind_text(st, 2, sub_event_type);
        sql_bind_text(st, 3, key.family);
        sql_bind_text(st, 4, certainty);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sql_fail(db, err, cap, "fuse: new event");
            goto done;
        }
        best_event = sqlite3_last_insert_rowid(db);
        sqlite3_reset(st);
        st = NULL;
    } else {
        out->joined = true;
    }
    out->event_id = best_event;

    st = fuse_use(f->assign);
    sqlite3_bind_int64(st, 1, best_event);
    sqlite3_bind_int64(st, 2, report_id);
    if (sqlite3_step(st) != SQLITE_DONE) {
        sql_fail(db, err, cap, "fuse: assign");
        goto done;
    }
    sqlite3_reset(st);
    st = NULL;

    if (fuse_refresh_event(f, best_event, report_id, err, cap) != 0)
        goto done;
    if (control_record(f, report_id, best_event, &out->control_changes, err,
                       cap) != 0)
        goto done;
    rc = 0;
done:
    if (st)
        sqlite3_reset(st);
    arena_free(&arena);
    return rc;
}

/* ---- Recomputing one event ---------------------------------------------- */

typedef struct Member {
    long id;
    const char *event_type, *sub_event_type, *date, *date_precision;
    long date_days;
    bool dated;
    const char *actor1, *side1, *actor2, *side2;
    long place_id;
    const char *admin1, *place_precision;
    bool has_fat;
    long fat_low, fat_best, fat_high;
    const char *certainty, *outlet, *published, *evidence;
    bool primary;
    FuseKey key;
    bool was_contradicted, contradicted;
} Member;

static int precision_rank(const char *p)
{
    static const char *const order[] = {"day", "week", "month", "year"};
    for (int i = 0; p && i < 4; i++)
        if (!strcmp(p, order[i]))
            return i;
    return 9;
}

static int place_rank(const char *p)
{
    static const char *const order[] = {"exact", "near", "district", "admin1",
                                        "country"};
    for (int i = 0; p && i < 5; i++)
        if (!strcmp(p, order[i]))
            return i;
    return 9;
}

/* True if a is a better representative than b: the most precise date,
 * then the most precise place, then the article's lead event, then the
 * earliest stored. */
static bool better_rep(const Member *a, const Member *b)
{
    int da = a->dated ? precision_rank(a->date_precision) : 10;
    int db = b->dated ? precision_rank(b->date_precision) : 10;
    if (da != db)
        return da < db;
    int pa = a->place_id ? place_rank(a->place_precision) : 10;
    int pb = b->place_id ? place_rank(b->place_precision) : 10;
    if (pa != pb)
        return pa < pb;
    if (a->primary != b->primary)
        return a->primary;
    return a->id < b->id;
}

static bool same_text(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

/* A claimant who is a party to the event (the army counting its own
 * victory) is not independent. Names are compared loosely, both ways. */
static bool reports_disagree(const Member *a, const Member *b)
{
    bool denied_a = same_text(a->certainty, "denied");
    bool denied_b = same_text(b->certainty, "denied");
    if (denied_a != denied_b)
        return true;
    if (a->has_fat && b->has_fat &&
        fuse_counts_contradict(a->fat_low, a->fat_high, b->fat_low, b->fat_high))
        return true;
    bool contra = false;
    return fuse_compatible(&a->key, &b->key, &contra) && contra;
}

int fuse_refresh_event(Fuser *f, long event_id, long new_report, char *err,
                       size_t cap)
{
    sqlite3 *db = f->db;
    Arena arena;
    arena_init(&arena);
    sqlite3_stmt *st = NULL;
    int rc = -1, n = 0, mcap = 8;
    Member *m = arena_alloc(&arena, sizeof *m * (size_t)mcap);

    st = fuse_use(f->members);
    sqlite3_bind_int64(st, 1, event_id);
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == mcap) {
            m = arena_grow(&arena, m, (size_t)n, (size_t)mcap * 2, sizeof *m);
            mcap *= 2;
        }
        Member *r = &m[n++];
        memset(r, 0, sizeof *r);
        fuse_read_key(st, 0, &r->key, &arena);
        r->dated = r->key.dated;
        r->side1 = sql_col_text(st, 3, &arena);
        r->side2 = sql_col_text(st, 4, &arena);
        r->place_id = r->key.place_id;
        r->admin1 = r->key.admin1;
        r->place_precision = sql_col_text(st, 9, &arena);
        r->id = sqlite3_column_int64(st, 11);
        r->event_type = sql_col_text(st, 12, &arena);
        r->sub_event_type = sql_col_text(st, 13, &arena);
        r->date = sql_col_text(st, 14, &arena);
        r->date_precision = sql_col_text(st, 15, &arena);
        r->date_days = sqlite3_column_int64(st, 16);
        r->actor1 = sql_col_text(st, 17, &arena);
        r->actor2 = sql_col_text(st, 18, &arena);
        r->has_fat = !sql_col_null(st, 19);
        r->fat_low = sqlite3_column_int64(st, 19);
        r->fat_best = sqlite3_column_int64(st, 20);
        r->fat_high = sqlite3_column_int64(st, 21);
        r->certainty = sql_col_text(st, 22, &arena);
        r->outlet = sql_col_text(st, 23, &arena);
        r->published = sql_col_text(st, 24, &arena);
        r->evidence = sql_col_text(st, 25, &arena);
        r->primary = sqlite3_column_int(st, 26) != 0;
        r->was_contradicted = sqlite3_column_int(st, 27) != 0;
        r->contradicted = r->was_contradicted;
    }
    if (step != SQLITE_DONE) {
        sql_fail(db, err, cap, "fuse: members");
        goto done;
    }
    sqlite3_reset(st);
    st = NULL;
    if (n == 0) { /* nothing to aggregate */
        rc = 0;
        goto done;
    }

    const Member *rep = &m[0];
    for (int i = 1; i < n; i++)
        if (better_rep(&m[i], rep))
            rep = &m[i];
    /* Actors: the representative's, else the first report that names one. */
    const char *actor1 = rep->actor1, *side1 = rep->side1;
    const char *actor2 = rep->actor2, *side2 = rep->side2;
    for (int i = 0; i < n; i++) {
        if (!side1 || !strcmp(side1, "unknown")) {
            if (m[i].side1 && strcmp(m[i].side1, "unknown")) {
                side1 = m[i].side1;
                actor1 = m[i].actor1;
            }
        }
        if (!side2 || !strcmp(side2, "unknown")) {
            if (m[i].side2 && strcmp(m[i].side2, "unknown")) {
                side2 = m[i].side2;
                actor2 = m[i].actor2;
            }
        }
    }
    /* The place: the most precise one any report gives. */
    const Member *placed = rep;
    for (int i = 0; i < n; i++)
        if (m[i].place_id &&
            (!placed->place_id ||
             place_rank(m[i].place_precision) < place_rank(placed->place_precision)))
            placed = &m[i];

    /* Fatality claims: every claim with numbers; a report whose numbers
     * come with no claim counts as its outlet's own claim. */
    int cn = 0, ccap = 16;
    FuseClaim *claims = arena_alloc(&arena, sizeof *claims * (size_t)ccap);
    st = fuse_use(f->claims);
    sqlite3_bind_int64(st, 1, event_id);
    long *claimed_reports = arena_alloc(&arena, sizeof(long) * (size_t)n);
    int claimed_count = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (cn == ccap) {
            claims = arena_grow(&arena, claims, (size_t)cn, (size_t)ccap * 2,
                                sizeof *claims);
            ccap *= 2;
        }
        FuseClaim *c = &claims[cn++];
        long rid = sqlite3_column_int64(st, 0);
        c->claimant = sql_col_text(st, 1, &arena);
        c->best = sqlite3_column_int64(st, 3);
        c->low = sql_col_null(st, 2) ? c->best : sqlite3_column_int64(st, 2);
        c->high = sql_col_null(st, 4) ? c->best : sqlite3_column_int64(st, 4);
        c->outlet = sql_col_text(st, 5, &arena);
        c->independent = sqlite3_column_int(st, 6) != 0;
        bool seen = false;
        for (int i = 0; i < claimed_count; i++)
            seen |= claimed_reports[i] == rid;
        if (!seen && claimed_count < n)
            claimed_reports[claimed_count++] = rid;
    }
    if (step != SQLITE_DONE) {
        sql_fail(db, err, cap, "fuse: claims");
        goto done;
    }
    sqlite3_reset(st);
    st = NULL;
    for (int i = 0; i < n; i++) {
        bool seen = false;
        for (int j = 0; j < claimed_count; j++)
            seen |= claimed_reports[j] == m[i].id;
        if (seen || !m[i].has_fat)
            continue;
        if (cn == ccap) {
            claims = arena_grow(&arena, claims, (size_t)cn, (size_t)ccap * 2,
                                sizeof *claims);
            ccap *= 2;
        }
        claims[cn++] = (FuseClaim){NULL, m[i].outlet, m[i].fat_low, m[i].fat_best,
                                   m[i].fat_high, true};
    }
    long low = 0, best = 0, high = 0;
    bool fat_contra = false;
    bool has_fat = fuse_fatalities(claims, cn, &low, &best, &high, &fat_contra);

    /* Contradictions between reports of different outlets. Reports are
     * only ever added to an event, so a pair that disagreed still does:
     * the flags already stored stand, and only pairs with the new report
     * need comparing (all pairs when new_report is 0). */
    bool disputed = fat_contra;
    for (int i = 0; i < n; i++) {
        if (same_text(m[i].certainty, "disputed") || m[i].contradicted)
            disputed = true;
        for (int j = 0; j < i; j++) {
            if (new_report && m[i].id != new_report && m[j].id != new_report)
                continue;
            if (same_text(m[i].outlet, m[j].outlet) ||
                (!m[i].outlet && !m[j].outlet))
                continue;
            if (reports_disagree(&m[i], &m[j])) {
                m[i].contradicted = m[j].contradicted = true;
                disputed = true;
            }
        }
    }
    /* Certainty: disputed on contradiction, else the firmest report
     * ("reported" beats "claimed" beats "unconfirmed"; all denied = denied). */
    static const char *const firmness[] = {"reported", "claimed", "unconfirmed",
                                           "denied"};
    const char *certainty = "denied";
    if (disputed)
        certainty = "disputed";
    else
        for (int f = 0; f < 4; f++) {
            bool any = false;
            for (int i = 0; i < n; i++)
                any |= same_text(m[i].certainty, firmness[f]);
            if (any) {
                certainty = firmness[f];
                break;
            }
        }

    /* Sources: distinct outlets; first and last publication. */
    int sources = 0;
    const char *first = NULL, *last = NULL;
    for (int i = 0; i < n; i++) {
        bool dup = !m[i].outlet;
        for (int j = 0; j < i && !dup; j++)
            dup = same_text(m[i].outlet, m[j].outlet);
        sources += !dup;
        if (m[i].published) {
            if (!first || strcmp(m[i].published, first) < 0)
                first = m[i].published;
            if (!last || strcmp(m[i].published, last) > 0)
                last = m[i].published;
        }
    }
    if (sources == 0)
        sources = 1;

    st = fuse_use(f->update_event);
    sql_bind_text(st, 1, rep->event_type);
    sql_bind_text(st, 2, rep->sub_event_type);
    sql_bind_text(st, 3, rep->dated ? rep->date : NULL);
    sql_bind_long_or_null(st, 4, rep->dated, rep->date_days);
    sql_bind_text(st, 5, rep->dated ? rep->date_precision : NULL);
    sql_bind_text(st, 6, actor1);
    sql_bind_text(st, 7, side1);
    sql_bind_text(st, 8, actor2);
    sql_bind_text(st, 9, side2);
    sql_bind_long_or_null(st, 10, placed->place_id != 0, placed->place_id);
    sql_bind_text(st, 11, placed->place_id ? placed->admin1 : rep->admin1);
    sql_bind_long_or_null(st, 12, has_fat, low);
    sql_bind_long_or_null(st, 13, has_fat, best);
    sql_bind_long_or_null(st, 14, has_fat, high);
    sql_bind_text(st, 15, certainty);
    sqlite3_bind_int(st, 16, n);
    sqlite3_bind_int(st, 17, sources);
    sql_bind_text(st, 18, first);
    sql_bind_text(st, 19, last);
    sql_bind_text(st, 20, rep->evidence);
    sqlite3_bind_int64(st, 21, event_id);
    if (sqlite3_step(st) != SQLITE_DONE) {
        sql_fail(db, err, cap, "fuse: update event");
        goto done;
    }
    sqlite3_reset(st);
    st = NULL;

    st = fuse_use(f->set_contradicted);
    for (int i = 0; i < n; i++) {
        if (m[i].contradicted == m[i].was_contradicted)
            continue;
        sqlite3_reset(st);
        sqlite3_bind_int(st, 1, m[i].contradicted);
        sqlite3_bind_int64(st, 2, m[i].id);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sql_fail(db, err, cap, "fuse: contradicted");
            goto done;
        }
    }
    rc = 0;
done:
    if (st)
        sqlite3_reset(st);
    arena_free(&arena);
    return rc;
}

/* ---- The Fuser ------------------------------------------------------------ */

/* SQL of the control statements lives with its users in control.c. */
extern const char *const control_sql_report, *const control_sql_places,
    *const control_sql_insert;

Fuser *fuser_open(void *db, char *err, size_t cap)
{
    Fuser *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    f->db = db;
    struct {
        sqlite3_stmt **st;
        const char *sql;
    } all[] = {
        {&f->report_key,
         "SELECT " FUSE_KEY_COLUMNS ", r.event_type, r.sub_event_type,"
                     " r.certainty FROM reports r WHERE r.id = ?"},
        {&f->candidates,
         /* Two index ranges: windows up to a month wide start at most a
          * month before ours; year-wide ones up to a year before. */
         "SELECT " FUSE_KEY_COLUMNS ", r.event_id FROM reports r"
         " WHERE r.admin1 = ?1 AND r.family = ?2 AND r.wide = 0"
         "   AND r.date_lo BETWEEN ?3 AND ?4 AND r.date_hi >= ?5"
         "   AND r.event_id IS NOT NULL AND r.id <> ?6"
         " UNION ALL"
         " SELECT " FUSE_KEY_COLUMNS ", r.event_id FROM reports r"
         " WHERE r.admin1 = ?1 AND r.family = ?2 AND r.wide = 1"
         "   AND r.date_lo BETWEEN ?7 AND ?4 AND r.date_hi >= ?5"
         "   AND r.event_id IS NOT NULL AND r.id <> ?6"},
        {&f->new_event,
         "INSERT INTO events (event_type, sub_event_type, family,"
                         " certainty) VALUES (?, ?, ?, ?)"},
        {&f->assign,
         "UPDATE reports SET event_id = ? WHERE id = ?"},
        {&f->members,
         "SELECT " FUSE_KEY_COLUMNS ", r.id, r.event_type, r.sub_event_type,"
                     " r.date, r.date_precision, r.date_days, r.actor1, r.actor2,"
                     " r.fat_low, r.fat_best, r.fat_high, r.certainty, r.outlet,"
                     " r.published, r.evidence, r.is_primary, r.contradicted"
                     " FROM reports r"
                     " WHERE r.event_id = ? ORDER BY r.id"},
        {&f->claims,
         "SELECT c.report_id, c.claimant, c.fat_low, c.fat_best,"
                     " c.fat_high, r.outlet, c.independent FROM claims c"
                     " JOIN reports r ON r.id = c.report_id"
                     " WHERE r.event_id = ? AND c.fat_best IS NOT NULL"
                     " ORDER BY c.id"},
        {&f->update_event,
         "UPDATE events SET event_type = ?1, sub_event_type = ?2,"
                     " date = ?3, date_days = ?4, date_precision = ?5,"
                     " actor1 = ?6, side1 = ?7, actor2 = ?8, side2 = ?9,"
                     " place_id = ?10, admin1 = ?11, fat_low = ?12, fat_best = ?13,"
                     " fat_high = ?14, certainty = ?15, report_count = ?16,"
                     " source_count = ?17, first_report = ?18, last_report = ?19,"
                     " notes = ?20 WHERE id = ?21"},
        {&f->set_contradicted,
         "UPDATE reports SET contradicted = ?1 WHERE id = ?2 AND contradicted <> ?1"},
        {&f->control_report, control_sql_report},
        {&f->control_places, control_sql_places},
        {&f->control_insert, control_sql_insert},
    };
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (sqlite3_prepare_v3(db, all[i].sql, -1, SQLITE_PREPARE_PERSISTENT,
                               all[i].st, NULL) != SQLITE_OK) {
            sql_fail(db, err, cap, "fuse: prepare");
            fuser_close(f);
            return NULL;
        }
    return f;
}

void fuser_close(Fuser *f)
{
    if (!f)
        return;
    sqlite3_stmt *all[] = {f->report_key,     f->candidates,     f->new_event,
                           f->assign,         f->members,        f->claims,
                           f->update_event,   f->set_contradicted, f->control_report,
                           f->control_places, f->control_insert};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    free(f);
}
