/*
 * fuse_db.c — fusion against the store: a new report finds candidate
 * events of the same governorate, family and date window through the
 * event_keys_fuse index, joins the event of the best compatible one (or
 * starts a new event), and that event's aggregates are updated from the
 * new report (fuse_event.c). Nothing else in the store is touched, and
 * repeated copies of a report add nothing to the candidates compared, so
 * ingest cost grows neither with the store nor with an event's reports.
 */
#include "fuse_internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* At most this many candidate keys are compared for one report. A
 * governorate's family within a month has far fewer distinct keys; the
 * bound only keeps a pathological store from making one ingest slow. */
enum { FUSE_MAX_CANDIDATES = 4096 };

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

static FuseInt col_int(sqlite3_stmt *st, int c)
{
    return (FuseInt){!sql_col_null(st, c), (long)sqlite3_column_int64(st, c)};
}

static FuseReal col_real(sqlite3_stmt *st, int c)
{
    return (FuseReal){!sql_col_null(st, c), sqlite3_column_double(st, c)};
}

void fuse_read_signature(sqlite3_stmt *st, int c, FuseSignature *s, Arena *a)
{
    s->admin1 = sql_col_text(st, c + 0, a);
    s->family = sql_col_text(st, c + 1, a);
    s->wide = sqlite3_column_int(st, c + 2) != 0;
    s->date_lo = col_int(st, c + 3);
    s->date_hi = col_int(st, c + 4);
    s->side1 = sql_col_text(st, c + 5, a);
    s->side2 = sql_col_text(st, c + 6, a);
    s->place_id = col_int(st, c + 7);
    s->lat = col_real(st, c + 8);
    s->lon = col_real(st, c + 9);
    s->place_precision = sql_col_text(st, c + 10, a);
    s->outlet = sql_col_text(st, c + 11, a);
    s->denied = sqlite3_column_int(st, c + 12) != 0;
    s->fat_low = col_int(st, c + 13);
    s->fat_high = col_int(st, c + 14);
}

void fuse_signature_key(const FuseSignature *s, FuseKey *k)
{
    /* As fuse_read_key reads the same columns: NULL reads as 0. */
    memset(k, 0, sizeof *k);
    k->family = s->family;
    k->dated = s->date_lo.present;
    k->date_lo = s->date_lo.value;
    k->date_hi = s->date_hi.value;
    k->side1 = fuse_side_parse(s->side1);
    k->side2 = fuse_side_parse(s->side2);
    k->place_id = s->place_id.value;
    k->admin1 = s->admin1;
    k->has_coords = s->lat.present && s->lon.present;
    k->lat = s->lat.value;
    k->lon = s->lon.value;
    k->admin1_only = admin1_precision(s->place_precision);
}

static bool same_string(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static bool same_int(FuseInt a, FuseInt b)
{
    return a.present == b.present && (!a.present || a.value == b.value);
}

static bool same_real(FuseReal a, FuseReal b)
{
    return a.present == b.present && (!a.present || a.value == b.value);
}

bool fuse_signature_equal(const FuseSignature *a, const FuseSignature *b)
{
    bool outlets =
        a->outlet == b->outlet || (a->outlet && b->outlet && !strcasecmp(a->outlet, b->outlet));
    return outlets && a->denied == b->denied && a->wide == b->wide &&
           same_int(a->date_lo, b->date_lo) && same_int(a->date_hi, b->date_hi) &&
           same_int(a->place_id, b->place_id) && same_real(a->lat, b->lat) &&
           same_real(a->lon, b->lon) && same_int(a->fat_low, b->fat_low) &&
           same_int(a->fat_high, b->fat_high) && same_string(a->admin1, b->admin1) &&
           same_string(a->family, b->family) && same_string(a->side1, b->side1) &&
           same_string(a->side2, b->side2) && same_string(a->place_precision, b->place_precision);
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

int fuse_choose_event(Fuser *f, const FuseKey *key, const char *event_type,
                      const char *sub_event_type, const char *certainty, FuseOutcome *out,
                      char *err, size_t cap)
{
    sqlite3 *db = f->db;
    Arena *arena = &f->scratch;
    arena_reset(arena);
    sqlite3_stmt *st = NULL;
    int rc = -1;
    memset(out, 0, sizeof *out);

    /* The best compatible candidate; of equal fits the first in index
     * order, so the choice does not depend on how many copies of a
     * report an event holds. */
    long best_event = 0;
    double best_fit = 0;
    if (key->dated && key->admin1 && *key->admin1) {
        st = fuse_use(f->candidates);
        sqlite3_bind_text(st, 1, key->admin1, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key->family, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, key->date_lo - FUSE_NARROW_WINDOW);
        sqlite3_bind_int64(st, 4, key->date_hi);
        sqlite3_bind_int64(st, 5, key->date_lo);
        sqlite3_bind_int64(st, 6, key->date_lo - FUSE_WIDE_WINDOW);
        sqlite3_bind_int(st, 7, FUSE_MAX_CANDIDATES);
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            FuseKey cand;
            fuse_read_key(st, 0, &cand, arena);
            bool contra = false;
            if (!fuse_compatible(key, &cand, &contra))
                continue;
            double score = fit(key, &cand);
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
        sql_bind_text(st, 3, key->family);
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
    rc = 0;
done:
    if (st)
        sqlite3_reset(st);
    return rc;
}

int fuse_add_report(Fuser *f, long report_id, FuseOutcome *out, char *err, size_t cap)
{
    out->control_changes = 0;
    return fuse_join_event(f, out->event_id, report_id, &out->control_changes, err, cap);
}

int fuse_report(Fuser *f, long report_id, FuseOutcome *out, char *err, size_t cap)
{
    Arena arena;
    arena_init(&arena);
    int rc = -1;
    sqlite3_stmt *st = fuse_use(f->member);
    sqlite3_bind_int64(st, 1, report_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sql_fail(f->db, err, cap, "fuse: report not found");
        sqlite3_reset(st);
        goto done;
    }
    FuseSignature sig;
    fuse_read_signature(st, 0, &sig, &arena);
    FuseKey key;
    fuse_signature_key(&sig, &key);
    const char *event_type = sql_col_text(st, 16, &arena);
    const char *sub_event_type = sql_col_text(st, 17, &arena);
    const char *certainty = sql_col_text(st, 24, &arena);
    sqlite3_reset(st);
    if (fuse_choose_event(f, &key, event_type, sub_event_type, certainty, out, err, cap) != 0)
        goto done;
    st = fuse_use(f->assign);
    sqlite3_bind_int64(st, 1, out->event_id);
    sqlite3_bind_int64(st, 2, report_id);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        sql_fail(f->db, err, cap, "fuse: assign");
        goto done;
    }
    rc = fuse_add_report(f, report_id, out, err, cap);
done:
    arena_free(&arena);
    return rc;
}

int fuse_refresh_event(Fuser *f, long event_id, long new_report, char *err, size_t cap)
{
    return new_report ? fuse_join_event(f, event_id, new_report, NULL, err, cap)
                      : fuse_rebuild_event(f, event_id, err, cap);
}

/* ---- The Fuser ------------------------------------------------------------ */

/* SQL of the control statements lives with its users in control.c. */
extern const char *const control_sql_report, *const control_sql_places, *const control_sql_insert;

/* How many statements the Fuser holds (member to control_insert). */
#define FUSER_STATEMENTS                                                                           \
    ((offsetof(Fuser, control_insert) - offsetof(Fuser, member)) / sizeof(sqlite3_stmt *) + 1)

/* One branch of the candidate lookup: an index range of event_keys_fuse. */
#define CANDIDATES(wide, from)                                                                     \
    "SELECT " FUSE_KEY_COLUMNS ", r.event_id FROM event_keys r"                                    \
    " WHERE r.admin1 = ?1 AND r.family = ?2 AND r.wide = " wide "   AND r.date_lo BETWEEN " from   \
    " AND ?4 AND r.date_hi >= ?5"

Fuser *fuser_open(void *db, char *err, size_t cap)
{
    Fuser *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    f->db = db;
    arena_init(&f->scratch);
    struct {
        sqlite3_stmt **st;
        const char *sql;
    } all[] = {
        {&f->member, "SELECT " FUSE_SIGNATURE_OF_REPORT ", r.id, r.event_type,"
                     " r.sub_event_type, r.date, r.date_precision, r.date_days, r.actor1,"
                     " r.actor2, r.fat_best, r.certainty, r.published, r.evidence,"
                     " r.is_primary FROM reports r WHERE r.id = ?"},
        /* Two index ranges: windows up to a month wide start at most a
         * month before ours; year-wide ones up to a year before. */
        {&f->candidates, CANDIDATES("0", "?3") " UNION ALL " CANDIDATES("1", "?6") " LIMIT ?7"},
        {&f->new_event, "INSERT INTO events (event_type, sub_event_type, family,"
                        " certainty) VALUES (?, ?, ?, ?)"},
        {&f->assign, "UPDATE reports SET event_id = ? WHERE id = ?"},
        {&f->event_state, "SELECT report_count, certainty, fat_low, fat_best, fat_high,"
                          " source_count, first_report, last_report, rep_report, side1_report,"
                          " side2_report, place_report, fat_report, fat_claim, rep_rank,"
                          " place_rank, event_type, sub_event_type, date, date_days,"
                          " date_precision, actor1, side1, actor2, side2, place_id, admin1"
                          " FROM events WHERE id = ?"},
        {&f->report_claims,
         "SELECT id, claimant, fat_low, fat_best, fat_high, independent"
         " FROM claims WHERE report_id = ? AND fat_best IS NOT NULL ORDER BY id"},
        {&f->claim_by_id,
         "SELECT fat_low, fat_best, fat_high, independent FROM claims WHERE id = ?"},
        {&f->event_keys, "SELECT r.id, r.contradicted, " FUSE_SIGNATURE_OF_KEY
                         " FROM event_keys r WHERE r.event_id = ?"},
        /* Copied from the stored report, so the key holds exactly the
         * values the report's own row does. */
        {&f->insert_key, "INSERT INTO event_keys (event_id, admin1, family, wide, date_lo,"
                         " date_hi, side1, side2, place_id, lat, lon, place_precision, outlet,"
                         " denied, fat_low, fat_high, contradicted)"
                         " SELECT ?1, r.admin1, r.family, r.wide, r.date_lo, r.date_hi,"
                         " r.side1, r.side2, r.place_id, r.lat, r.lon, r.place_precision,"
                         " r.outlet, r.certainty = 'denied' COLLATE NOCASE, r.fat_low,"
                         " r.fat_high, ?3 FROM reports r WHERE r.id = ?2"},
        {&f->flip_key, "UPDATE event_keys SET contradicted = 1 WHERE id = ?"},
        {&f->unflagged_reports, "SELECT r.id, " FUSE_SIGNATURE_OF_REPORT " FROM reports r"
                                " WHERE r.event_id = ? AND r.contradicted = 0"},
        {&f->set_contradicted,
         "UPDATE reports SET contradicted = ?1 WHERE id = ?2 AND contradicted <> ?1"},
        {&f->event_claims, "SELECT who, low, high FROM event_claims WHERE event_id = ?"},
        {&f->event_claims_at,
         "SELECT who FROM event_claims WHERE event_id = ?1 AND low = ?2 AND high = ?3"},
        {&f->insert_event_claim,
         "INSERT INTO event_claims (event_id, who, low, high) VALUES (?, ?, ?, ?)"},
        {&f->update_event, "UPDATE events SET event_type = ?1, sub_event_type = ?2,"
                           " date = ?3, date_days = ?4, date_precision = ?5,"
                           " actor1 = ?6, side1 = ?7, actor2 = ?8, side2 = ?9,"
                           " place_id = ?10, admin1 = ?11, fat_low = ?12, fat_best = ?13,"
                           " fat_high = ?14, certainty = ?15, report_count = ?16,"
                           " source_count = ?17, first_report = ?18, last_report = ?19,"
                           /* notes only when the representative changed (?30): it is
                            * the one long value, not worth reading back to write again. */
                           " notes = CASE WHEN ?30 THEN ?20 ELSE notes END, rep_report = ?21,"
                           " side1_report = ?22,"
                           " side2_report = ?23, place_report = ?24, fat_report = ?25,"
                           " fat_claim = ?26, rep_rank = ?27, place_rank = ?28 WHERE id = ?29"},
        /* The same without the columns of the events indexes, for the
         * common join that changes none of them: then SQLite leaves the
         * index pages alone. Same parameter numbers. */
        {&f->update_event_light, "UPDATE events SET place_id = ?10, fat_low = ?12, fat_best = ?13,"
                                 " fat_high = ?14, certainty = ?15, report_count = ?16,"
                                 " first_report = ?18, last_report = ?19, side1_report = ?22,"
                                 " side2_report = ?23, place_report = ?24, fat_report = ?25,"
                                 " fat_claim = ?26, place_rank = ?28 WHERE id = ?29"},
        {&f->event_reports, "SELECT id FROM reports WHERE event_id = ? ORDER BY id"},
        {&f->reset_event, "UPDATE events SET report_count = 0, source_count = 0, fat_low = NULL,"
                          " fat_best = NULL, fat_high = NULL, first_report = NULL,"
                          " last_report = NULL, rep_report = NULL, side1_report = NULL,"
                          " side2_report = NULL, place_report = NULL, fat_report = NULL,"
                          " fat_claim = NULL, rep_rank = NULL, place_rank = NULL WHERE id = ?"},
        {&f->reset_keys, "DELETE FROM event_keys WHERE event_id = ?"},
        {&f->reset_claims, "DELETE FROM event_claims WHERE event_id = ?"},
        {&f->reset_flags,
         "UPDATE reports SET contradicted = 0 WHERE event_id = ? AND contradicted <> 0"},
        {&f->control_report, control_sql_report},
        {&f->control_places, control_sql_places},
        {&f->control_insert, control_sql_insert},
    };
    _Static_assert(sizeof all / sizeof *all == FUSER_STATEMENTS,
                   "one SQL text per statement of the Fuser");
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if (sqlite3_prepare_v3(db, all[i].sql, -1, SQLITE_PREPARE_PERSISTENT, all[i].st, NULL) !=
            SQLITE_OK) {
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
    sqlite3_stmt *all[] = {f->member,        f->candidates,         f->new_event,
                           f->assign,        f->event_state,        f->report_claims,
                           f->claim_by_id,   f->event_keys,         f->insert_key,
                           f->flip_key,      f->unflagged_reports,  f->set_contradicted,
                           f->event_claims,  f->event_claims_at,    f->insert_event_claim,
                           f->update_event,  f->update_event_light, f->event_reports,
                           f->reset_event,   f->reset_keys,         f->reset_claims,
                           f->reset_flags,   f->control_report,     f->control_places,
                           f->control_insert};
    _Static_assert(sizeof all / sizeof *all == FUSER_STATEMENTS,
                   "every statement of the Fuser finalized");
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        sqlite3_finalize(all[i]);
    arena_free(&f->scratch);
    free(f);
}
