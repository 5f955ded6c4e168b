/*
 * fuse_event.c — a fused event's aggregates, kept up to date one report
 * at a time.
 *
 * An event is what its reports say together: the representative report
 * (most precise date, then place, then lead event, then earliest) gives
 * type, date and notes; actors come from it or the first report that
 * names a side; the place is the most precise any report gives; the
 * fatality range spans every claim and "best" is the most specific
 * independent claim; certainty is the firmest report's unless reports of
 * different outlets disagree (then "disputed", for good: reports are only
 * ever added). Every one of these is a minimum, maximum or first-of over
 * the reports, so joining a report compares it with what the event row
 * stores (the winners themselves are named by rep_report, side1_report,
 * side2_report, place_report, fat_report and fat_claim) instead of
 * reading every report again.
 *
 * Two things need more than the winners. Which reports disagree is a
 * question about pairs: the new report is compared with each distinct
 * signature of the event (table event_keys, see fuse_internal.h), not
 * with each report, and only when its own signature is new to the event
 * (a report with a known signature disagrees exactly where its twin
 * does). Whether two fatality claims contradict each other is a pair
 * question too, asked only while the event is not yet disputed and only
 * when the new report carries a toll, against the event's distinct claims
 * (table event_claims).
 *
 * fuse_rebuild_event() recomputes an event by letting its reports join
 * again one by one, which is also the definition the incremental path
 * must match.
 */
#include "fuse_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One report as the event's aggregates see it. */
typedef struct Member {
    long id;
    FuseSignature sig;
    FuseKey key;
    const char *event_type, *sub_event_type, *date, *date_precision;
    long date_days;
    const char *actor1, *actor2;
    long fat_best;
    const char *certainty, *published, *evidence;
    bool primary;
} Member;

/* The event row as it stands: its aggregates, and the reports (and
 * claim) that won them. */
typedef struct EventState {
    int reports; /* 0: a new event, nothing stored yet */
    const char *certainty;
    bool has_fat;
    long low, best, high;
    int sources;
    const char *first, *last;
    long rep, side1_report, side2_report, place_report, fat_report, fat_claim;
    int rep_rank; /* rank_of(rep) */
    bool has_place_rank;
    int place_rank; /* place_rank() of place_report */
    const char *event_type, *sub_event_type, *date, *date_precision;
    FuseInt date_days, place_id;
    const char *actor1, *side1, *actor2, *side2, *admin1;
} EventState;

/* The claim "best" is taken from, and what makes it the most specific:
 * independent before party claims, the narrowest range, then the order
 * the recomputation from scratch would meet it in (claims by id, then
 * reports' own numbers by report id). */
typedef struct Pick {
    bool independent;
    long span;
    bool own;      /* the report's own numbers, not a claim */
    long position; /* claim id, or report id when own */
    long best;
    long report, claim; /* claim is 0 when own */
} Pick;

static bool pick_better(const Pick *a, const Pick *b)
{
    if (a->independent != b->independent)
        return a->independent;
    if (a->span != b->span)
        return a->span < b->span;
    if (a->own != b->own)
        return !a->own;
    return a->position < b->position;
}

static bool same_text(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

static bool side_known(const char *side)
{
    return side && strcmp(side, "unknown") != 0;
}

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
    static const char *const order[] = {"exact", "near", "district", "admin1", "country"};
    for (int i = 0; p && i < 5; i++)
        if (!strcmp(p, order[i]))
            return i;
    return 9;
}

static long place_of(const Member *m)
{
    return m->sig.place_id.value;
}

/* How good a representative m is, lower is better: the most precise
 * date, then the most precise place, then the article's lead event. Of
 * equal ranks the earliest report stays. The same number is computed in
 * SQL by the version 3 migration (src/store/store.c). */
static int rank_of(const Member *m)
{
    int date = m->key.dated ? precision_rank(m->date_precision) : 10;
    int place = place_of(m) ? place_rank(m->sig.place_precision) : 10;
    return date * 1000 + place * 10 + (m->primary ? 0 : 1);
}

/* Two reports of different outlets disagree when one denies what the
 * other reports, their tolls contradict, or they are compatible only by
 * tolerating a disagreement about sides. */
static bool signatures_disagree(const FuseSignature *a, const FuseSignature *b)
{
    if (a->denied != b->denied)
        return true;
    if (a->fat_low.present && b->fat_low.present &&
        fuse_counts_contradict(a->fat_low.value, a->fat_high.value, b->fat_low.value,
                               b->fat_high.value))
        return true;
    FuseKey ka, kb;
    fuse_signature_key(a, &ka);
    fuse_signature_key(b, &kb);
    bool contra = false;
    return fuse_compatible(&ka, &kb, &contra) && contra;
}

static bool same_outlet(const char *a, const char *b)
{
    return same_text(a, b) || (!a && !b);
}

static int load_member(Fuser *f, long id, Member *m, Arena *a, char *err, size_t cap)
{
    sqlite3_stmt *st = fuse_use(f->member);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sql_fail(f->db, err, cap, "fuse: report not found");
        sqlite3_reset(st);
        return -1;
    }
    memset(m, 0, sizeof *m);
    fuse_read_signature(st, 0, &m->sig, a);
    fuse_signature_key(&m->sig, &m->key);
    m->id = sqlite3_column_int64(st, 15);
    m->event_type = sql_col_text(st, 16, a);
    m->sub_event_type = sql_col_text(st, 17, a);
    m->date = sql_col_text(st, 18, a);
    m->date_precision = sql_col_text(st, 19, a);
    m->date_days = sqlite3_column_int64(st, 20);
    m->actor1 = sql_col_text(st, 21, a);
    m->actor2 = sql_col_text(st, 22, a);
    m->fat_best = sqlite3_column_int64(st, 23);
    m->certainty = sql_col_text(st, 24, a);
    m->published = sql_col_text(st, 25, a);
    m->evidence = sql_col_text(st, 26, a);
    m->primary = sqlite3_column_int(st, 27) != 0;
    sqlite3_reset(st);
    return 0;
}

static int load_state(Fuser *f, long event_id, EventState *e, Arena *a, char *err, size_t cap)
{
    sqlite3_stmt *st = fuse_use(f->event_state);
    sqlite3_bind_int64(st, 1, event_id);
    if (sqlite3_step(st) != SQLITE_ROW) {
        sql_fail(f->db, err, cap, "fuse: event not found");
        sqlite3_reset(st);
        return -1;
    }
    memset(e, 0, sizeof *e);
    e->reports = sqlite3_column_int(st, 0);
    e->certainty = sql_col_text(st, 1, a);
    e->has_fat = !sql_col_null(st, 2);
    e->low = sqlite3_column_int64(st, 2);
    e->best = sqlite3_column_int64(st, 3);
    e->high = sqlite3_column_int64(st, 4);
    e->sources = sqlite3_column_int(st, 5);
    e->first = sql_col_text(st, 6, a);
    e->last = sql_col_text(st, 7, a);
    e->rep = sqlite3_column_int64(st, 8);
    e->side1_report = sqlite3_column_int64(st, 9);
    e->side2_report = sqlite3_column_int64(st, 10);
    e->place_report = sqlite3_column_int64(st, 11);
    e->fat_report = sqlite3_column_int64(st, 12);
    e->fat_claim = sqlite3_column_int64(st, 13);
    e->rep_rank = sqlite3_column_int(st, 14);
    e->has_place_rank = !sql_col_null(st, 15);
    e->place_rank = sqlite3_column_int(st, 15);
    e->event_type = sql_col_text(st, 16, a);
    e->sub_event_type = sql_col_text(st, 17, a);
    e->date = sql_col_text(st, 18, a);
    e->date_days = (FuseInt){!sql_col_null(st, 19), (long)sqlite3_column_int64(st, 19)};
    e->date_precision = sql_col_text(st, 20, a);
    e->actor1 = sql_col_text(st, 21, a);
    e->side1 = sql_col_text(st, 22, a);
    e->actor2 = sql_col_text(st, 23, a);
    e->side2 = sql_col_text(st, 24, a);
    e->place_id = (FuseInt){!sql_col_null(st, 25), (long)sqlite3_column_int64(st, 25)};
    e->admin1 = sql_col_text(st, 26, a);
    sqlite3_reset(st);
    return 0;
}

/* The stored pick, re-read from its claim or report. */
static int load_pick(Fuser *f, const EventState *e, Pick *p, bool *found, Arena *a, char *err,
                     size_t cap)
{
    *found = false;
    if (e->fat_claim) {
        sqlite3_stmt *st = fuse_use(f->claim_by_id);
        sqlite3_bind_int64(st, 1, e->fat_claim);
        if (sqlite3_step(st) == SQLITE_ROW) {
            long best = sqlite3_column_int64(st, 1);
            long low = sql_col_null(st, 0) ? best : sqlite3_column_int64(st, 0);
            long high = sql_col_null(st, 2) ? best : sqlite3_column_int64(st, 2);
            *p = (Pick){sqlite3_column_int(st, 3) != 0,
                        high - low,
                        false,
                        e->fat_claim,
                        best,
                        e->fat_report,
                        e->fat_claim};
            *found = true;
        }
        sqlite3_reset(st);
    } else if (e->fat_report) {
        Member m;
        if (load_member(f, e->fat_report, &m, a, err, cap) != 0)
            return -1;
        *p = (Pick){true, m.sig.fat_high.value - m.sig.fat_low.value, true, m.id, m.fat_best, m.id,
                    0};
        *found = true;
    }
    return 0;
}

/* One fatality claim of the new report. */
typedef struct NewClaim {
    long id;         /* 0: the report's own numbers */
    const char *who; /* claimant, else the report's outlet */
    bool independent;
    long low, best, high;
} NewClaim;

static bool same_claimant(const char *a, const char *b)
{
    return a && b && strcasecmp(a, b) == 0;
}

/* The report's claims with numbers, or its own numbers when it has none:
 * a report's toll with no claimant is its outlet's claim. */
static int new_claims(Fuser *f, const Member *x, NewClaim **out, int *count, Arena *a, char *err,
                      size_t cap)
{
    int n = 0, slots = 4, step;
    NewClaim *c = arena_alloc(a, sizeof *c * (size_t)slots);
    sqlite3_stmt *st = fuse_use(f->report_claims);
    sqlite3_bind_int64(st, 1, x->id);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == slots) {
            c = arena_grow(a, c, (size_t)n, (size_t)slots * 2, sizeof *c);
            slots *= 2;
        }
        NewClaim *k = &c[n++];
        k->id = sqlite3_column_int64(st, 0);
        const char *claimant = sql_col_text(st, 1, a);
        k->who = claimant ? claimant : x->sig.outlet;
        k->best = sqlite3_column_int64(st, 3);
        k->low = sql_col_null(st, 2) ? k->best : sqlite3_column_int64(st, 2);
        k->high = sql_col_null(st, 4) ? k->best : sqlite3_column_int64(st, 4);
        k->independent = sqlite3_column_int(st, 5) != 0;
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return sql_fail(f->db, err, cap, "fuse: claims");
    if (n == 0 && x->sig.fat_low.present)
        c[n++] = (NewClaim){0,           x->sig.outlet,        true, x->sig.fat_low.value,
                            x->fat_best, x->sig.fat_high.value};
    *out = c;
    *count = n;
    return 0;
}

/* Records claim c among the event's distinct claims; *contradicts is set
 * when check is true and a claim of another claimant contradicts it. */
static int note_claim(Fuser *f, long event_id, const NewClaim *c, bool check, bool *contradicts,
                      char *err, size_t cap)
{
    sqlite3_stmt *st;
    if (check) {
        st = fuse_use(f->event_claims);
        sqlite3_bind_int64(st, 1, event_id);
    } else {
        st = fuse_use(f->event_claims_at);
        sqlite3_bind_int64(st, 1, event_id);
        sqlite3_bind_int64(st, 2, c->low);
        sqlite3_bind_int64(st, 3, c->high);
    }
    bool known = false;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *who = (const char *)sqlite3_column_text(st, 0);
        long low = check ? sqlite3_column_int64(st, 1) : c->low;
        long high = check ? sqlite3_column_int64(st, 2) : c->high;
        bool same = same_claimant(c->who, who);
        if (check && !same && fuse_counts_contradict(c->low, c->high, low, high))
            *contradicts = true;
        if (low == c->low && high == c->high && (same || (!who && !c->who)))
            known = true;
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return sql_fail(f->db, err, cap, "fuse: event claims");
    if (known)
        return 0;
    st = fuse_use(f->insert_event_claim);
    sqlite3_bind_int64(st, 1, event_id);
    sql_bind_text(st, 2, c->who);
    sqlite3_bind_int64(st, 3, c->low);
    sqlite3_bind_int64(st, 4, c->high);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : sql_fail(f->db, err, cap, "fuse: event claim");
    sqlite3_reset(st);
    return rc;
}

/* What the new report changes about disagreement and outlets. */
typedef struct KeyOutcome {
    bool contradicted; /* the new report disagrees with another outlet */
    bool new_outlet;   /* its outlet is new to the event */
    bool had_outlets;  /* the event had reports with an outlet */
} KeyOutcome;

/* Marks contradicted every unflagged report of the event whose signature
 * is one of flipped[0..n). */
static int flag_reports(Fuser *f, long event_id, const FuseSignature *flipped, int n, Arena *a,
                        char *err, size_t cap)
{
    long *ids = NULL;
    int count = 0, slots = 0, step;
    sqlite3_stmt *st = fuse_use(f->unflagged_reports);
    sqlite3_bind_int64(st, 1, event_id);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        FuseSignature s;
        fuse_read_signature(st, 1, &s, a);
        bool match = false;
        for (int i = 0; i < n && !match; i++)
            match = fuse_signature_equal(&s, &flipped[i]);
        if (!match)
            continue;
        if (count == slots) {
            size_t grown = slots ? (size_t)slots * 2 : 8;
            ids = arena_grow(a, ids, (size_t)count, grown, sizeof *ids);
            slots = (int)grown;
        }
        ids[count++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE)
        return sql_fail(f->db, err, cap, "fuse: unflagged reports");
    /* Updated after the scan: the rows change under the read otherwise. */
    st = f->set_contradicted;
    for (int i = 0; i < count; i++) {
        fuse_use(st);
        sqlite3_bind_int(st, 1, 1);
        sqlite3_bind_int64(st, 2, ids[i]);
        if (sqlite3_step(st) != SQLITE_DONE)
            return sql_fail(f->db, err, cap, "fuse: contradicted");
    }
    sqlite3_reset(st);
    return 0;
}

/* Finds or adds the new report's signature among the event's keys,
 * comparing it with each other signature only when it is new. */
static int note_key(Fuser *f, long event_id, const Member *x, KeyOutcome *o, Arena *a, char *err,
                    size_t cap)
{
    memset(o, 0, sizeof *o);
    int n = 0, slots = 8, step;
    struct Key {
        long id;
        bool contradicted;
        FuseSignature sig;
    } *keys = arena_alloc(a, sizeof *keys * (size_t)slots);
    sqlite3_stmt *st = fuse_use(f->event_keys);
    sqlite3_bind_int64(st, 1, event_id);
    bool known = false;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == slots) {
            keys = arena_grow(a, keys, (size_t)n, (size_t)slots * 2, sizeof *keys);
            slots *= 2;
        }
        struct Key *k = &keys[n++];
        k->id = sqlite3_column_int64(st, 0);
        k->contradicted = sqlite3_column_int(st, 1) != 0;
        fuse_read_signature(st, 2, &k->sig, a);
        if (fuse_signature_equal(&k->sig, &x->sig)) {
            /* A twin: it disagrees where the twin does, and its outlet is
             * already counted. */
            known = true;
            o->contradicted = k->contradicted;
            break;
        }
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE && step != SQLITE_ROW)
        return sql_fail(f->db, err, cap, "fuse: event keys");
    if (known)
        return 0;

    FuseSignature *flipped = arena_alloc(a, sizeof *flipped * (size_t)(n + 1));
    int flips = 0;
    o->new_outlet = x->sig.outlet != NULL;
    for (int i = 0; i < n; i++) {
        const struct Key *k = &keys[i];
        o->had_outlets |= k->sig.outlet != NULL;
        if (same_outlet(k->sig.outlet, x->sig.outlet)) {
            o->new_outlet = false;
            continue;
        }
        if (!signatures_disagree(&x->sig, &k->sig))
            continue;
        o->contradicted = true;
        if (k->contradicted)
            continue;
        st = fuse_use(f->flip_key);
        sqlite3_bind_int64(st, 1, k->id);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return sql_fail(f->db, err, cap, "fuse: flag key");
        flipped[flips++] = k->sig;
    }
    if (flips && flag_reports(f, event_id, flipped, flips, a, err, cap) != 0)
        return -1;

    st = fuse_use(f->insert_key);
    sqlite3_bind_int64(st, 1, event_id);
    sqlite3_bind_int64(st, 2, x->id);
    sqlite3_bind_int(st, 3, o->contradicted);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sql_fail(f->db, err, cap, "fuse: insert key");
    return 0;
}

static bool same_string(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* One actor of the event: the representative's when it names the side,
 * else the first report's that does (first_id; loaded when it is neither
 * the new report nor already the event's). */
typedef struct ActorChoice {
    const char *actor, *side;
} ActorChoice;

static int choose_actor(Fuser *f, const EventState *e, const Member *x, bool rep_changed,
                        bool second, long first_id, ActorChoice *out, Arena *a, char *err,
                        size_t cap)
{
    const char *x_actor = second ? x->actor2 : x->actor1;
    const char *x_side = second ? x->sig.side2 : x->sig.side1;
    const char *e_actor = second ? e->actor2 : e->actor1;
    const char *e_side = second ? e->side2 : e->side1;
    if (!rep_changed) {
        /* The event's side is the representative's or the first known
         * one; neither moved, unless no report named it until now. */
        if (!side_known(e_side) && side_known(x_side))
            *out = (ActorChoice){x_actor, x_side};
        else
            *out = (ActorChoice){e_actor, e_side};
        return 0;
    }
    if (side_known(x_side) || !first_id) {
        *out = (ActorChoice){x_actor, x_side};
        return 0;
    }
    Member m;
    if (load_member(f, first_id, &m, a, err, cap) != 0)
        return -1;
    *out = second ? (ActorChoice){m.actor2, m.sig.side2} : (ActorChoice){m.actor1, m.sig.side1};
    return 0;
}

int fuse_join_event(Fuser *f, long event_id, long report_id, int *control_changes, char *err,
                    size_t cap)
{
    Arena *a = &f->scratch;
    arena_reset(a);
    int rc = -1;
    EventState e;
    Member x;
    if (control_changes)
        *control_changes = 0;
    if (load_state(f, event_id, &e, a, err, cap) != 0 ||
        load_member(f, report_id, &x, a, err, cap) != 0)
        goto done;
    bool empty = e.reports == 0;

    /* The representative: the new report only if it ranks better (being
     * the newest, it loses ties). Its fields stand on the event row. */
    int x_rank = rank_of(&x);
    bool rep_changed = empty || !e.rep || x_rank < e.rep_rank;
    long rep_id = rep_changed ? x.id : e.rep;
    int rep_rank = rep_changed ? x_rank : e.rep_rank;
    const char *event_type = rep_changed ? x.event_type : e.event_type;
    const char *sub_event_type = rep_changed ? x.sub_event_type : e.sub_event_type;
    const char *date = rep_changed ? (x.key.dated ? x.date : NULL) : e.date;
    FuseInt date_days = rep_changed ? (FuseInt){x.key.dated, x.date_days} : e.date_days;
    const char *date_precision =
        rep_changed ? (x.key.dated ? x.date_precision : NULL) : e.date_precision;

    /* Actors. */
    long side1_id = !empty && e.side1_report ? e.side1_report : side_known(x.sig.side1) ? x.id : 0;
    long side2_id = !empty && e.side2_report ? e.side2_report : side_known(x.sig.side2) ? x.id : 0;
    ActorChoice one, two;
    if (choose_actor(f, &e, &x, rep_changed, false, side1_id, &one, a, err, cap) != 0 ||
        choose_actor(f, &e, &x, rep_changed, true, side2_id, &two, a, err, cap) != 0)
        goto done;

    /* The place: the first report with the most precise place (P), unless
     * the representative's place is as precise. */
    long p_id = empty ? 0 : e.place_report;
    bool has_p_rank = !empty && e.has_place_rank;
    int p_rank = e.place_rank;
    int x_place_rank = place_rank(x.sig.place_precision);
    bool p_changed = place_of(&x) && (!p_id || !has_p_rank || x_place_rank < p_rank);
    if (p_changed) {
        p_id = x.id;
        p_rank = x_place_rank;
        has_p_rank = true;
    }
    FuseInt place_id = empty ? (FuseInt){0} : e.place_id;
    const char *admin1 = empty ? x.sig.admin1 : e.admin1;
    if (!rep_changed) {
        /* P moved to the new report: its place is more precise than the
         * representative's, so it is the event's. */
        if (p_changed) {
            place_id = x.sig.place_id;
            admin1 = x.sig.admin1;
        }
    } else if (!p_id || (place_of(&x) && x_place_rank == p_rank)) {
        place_id = place_of(&x) ? x.sig.place_id : (FuseInt){0};
        admin1 = x.sig.admin1;
    } else {
        Member p;
        if (load_member(f, p_id, &p, a, err, cap) != 0)
            goto done;
        place_id = p.sig.place_id;
        admin1 = p.sig.admin1;
    }

    /* Disagreement and outlets. */
    KeyOutcome ko;
    if (note_key(f, event_id, &x, &ko, a, err, cap) != 0)
        goto done;
    bool disputed = (!empty && same_text(e.certainty, "disputed")) ||
                    same_text(x.certainty, "disputed") || ko.contradicted;

    /* Fatalities. */
    NewClaim *claims;
    int claim_count;
    if (new_claims(f, &x, &claims, &claim_count, a, err, cap) != 0)
        goto done;
    bool has_fat = !empty && e.has_fat;
    long low = e.low, best = e.best, high = e.high;
    /* The stored pick stands unless the report brings claims. */
    Pick pick = {.report = has_fat ? e.fat_report : 0, .claim = has_fat ? e.fat_claim : 0};
    bool picked = false;
    if (has_fat && claim_count > 0 && load_pick(f, &e, &pick, &picked, a, err, cap) != 0)
        goto done;
    bool fat_contra = false;
    for (int i = 0; i < claim_count; i++) {
        const NewClaim *c = &claims[i];
        if (!has_fat || c->low < low)
            low = c->low;
        if (!has_fat || c->high > high)
            high = c->high;
        has_fat = true;
        Pick p = {c->independent, c->high - c->low, c->id == 0, c->id ? c->id : x.id, c->best, x.id,
                  c->id};
        if (!picked || pick_better(&p, &pick)) {
            pick = p;
            picked = true;
            best = p.best;
        }
        if (note_claim(f, event_id, c, !disputed && !fat_contra, &fat_contra, err, cap) != 0)
            goto done;
    }
    disputed |= fat_contra;

    /* Certainty: disputed on contradiction, else the firmest report
     * ("reported" beats "claimed" beats "unconfirmed"; all denied = denied). */
    static const char *const firmness[] = {"reported", "claimed", "unconfirmed", "denied"};
    const char *certainty = "disputed";
    if (!disputed) {
        int firm = 3;
        for (int i = 0; i < 4; i++)
            if ((!empty && same_text(e.certainty, firmness[i])) ||
                same_text(x.certainty, firmness[i])) {
                firm = i;
                break;
            }
        certainty = firmness[firm];
    }

    /* Sources: distinct outlets (at least one); first and last publication. */
    int sources = empty ? 0 : e.sources;
    if (ko.new_outlet)
        sources = (ko.had_outlets ? sources : 0) + 1;
    if (sources == 0)
        sources = 1;
    const char *first = empty ? NULL : e.first, *last = empty ? NULL : e.last;
    if (x.published) {
        if (!first || strcmp(x.published, first) < 0)
            first = x.published;
        if (!last || strcmp(x.published, last) > 0)
            last = x.published;
    }

    /* Most joins change no column of the events indexes; then the light
     * statement leaves those index pages untouched. */
    bool light = !empty && !rep_changed && sources == e.sources &&
                 same_string(one.actor, e.actor1) && same_string(one.side, e.side1) &&
                 same_string(two.actor, e.actor2) && same_string(two.side, e.side2) &&
                 same_string(admin1, e.admin1);
    sqlite3_stmt *st = fuse_use(light ? f->update_event_light : f->update_event);
    if (!light) {
        sql_bind_text(st, 1, event_type);
        sql_bind_text(st, 2, sub_event_type);
        sql_bind_text(st, 3, date);
        sql_bind_long_or_null(st, 4, date_days.present, date_days.value);
        sql_bind_text(st, 5, date_precision);
        sql_bind_text(st, 6, one.actor);
        sql_bind_text(st, 7, one.side);
        sql_bind_text(st, 8, two.actor);
        sql_bind_text(st, 9, two.side);
        sql_bind_text(st, 11, admin1);
        sqlite3_bind_int(st, 17, sources);
        sql_bind_text(st, 20, rep_changed ? x.evidence : NULL);
        sqlite3_bind_int(st, 30, rep_changed);
        sqlite3_bind_int64(st, 21, rep_id);
        sqlite3_bind_int(st, 27, rep_rank);
    }
    sql_bind_long_or_null(st, 10, place_id.present && place_id.value, place_id.value);
    sql_bind_long_or_null(st, 12, has_fat, low);
    sql_bind_long_or_null(st, 13, has_fat, best);
    sql_bind_long_or_null(st, 14, has_fat, high);
    sql_bind_text(st, 15, certainty);
    sqlite3_bind_int(st, 16, (empty ? 0 : e.reports) + 1);
    sql_bind_text(st, 18, first);
    sql_bind_text(st, 19, last);
    sql_bind_long_or_null(st, 22, side1_id != 0, side1_id);
    sql_bind_long_or_null(st, 23, side2_id != 0, side2_id);
    sql_bind_long_or_null(st, 24, p_id != 0, p_id);
    sql_bind_long_or_null(st, 25, pick.report != 0, pick.report);
    sql_bind_long_or_null(st, 26, pick.claim != 0, pick.claim);
    sql_bind_long_or_null(st, 28, p_id != 0 && has_p_rank, p_rank);
    sqlite3_bind_int64(st, 29, event_id);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        sql_fail(f->db, err, cap, "fuse: update event");
        goto done;
    }
    if (ko.contradicted) {
        st = fuse_use(f->set_contradicted);
        sqlite3_bind_int(st, 1, 1);
        sqlite3_bind_int64(st, 2, x.id);
        step = sqlite3_step(st);
        sqlite3_reset(st);
        if (step != SQLITE_DONE) {
            sql_fail(f->db, err, cap, "fuse: contradicted");
            goto done;
        }
    }
    if (control_changes) {
        ControlReport cr = {x.id,
                            x.sub_event_type,
                            x.sig.side1,
                            x.sig.side2,
                            x.actor1,
                            x.actor2,
                            x.key.dated ? x.date : NULL,
                            x.key.dated,
                            x.date_days};
        if (control_record_report(f, &cr, event_id, control_changes, err, cap) != 0)
            goto done;
    }
    rc = 0;
done:
    return rc;
}

int fuse_rebuild_event(Fuser *f, long event_id, char *err, size_t cap)
{
    long *ids = NULL;
    int count = 0, slots = 0, step, rc = -1;
    sqlite3_stmt *st = fuse_use(f->event_reports);
    sqlite3_bind_int64(st, 1, event_id);
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == slots) {
            slots = slots ? slots * 2 : 16;
            long *grown = realloc(ids, sizeof *ids * (size_t)slots);
            if (!grown) {
                snprintf(err, cap, "out of memory");
                goto done;
            }
            ids = grown;
        }
        ids[count++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_reset(st);
    if (step != SQLITE_DONE) {
        sql_fail(f->db, err, cap, "fuse: event reports");
        goto done;
    }
    sqlite3_stmt *reset[] = {f->reset_event, f->reset_keys, f->reset_claims, f->reset_flags};
    for (size_t i = 0; i < sizeof reset / sizeof *reset; i++) {
        st = fuse_use(reset[i]);
        sqlite3_bind_int64(st, 1, event_id);
        step = sqlite3_step(st);
        sqlite3_reset(st);
        if (step != SQLITE_DONE) {
            sql_fail(f->db, err, cap, "fuse: reset event");
            goto done;
        }
    }
    for (int i = 0; i < count; i++)
        if (fuse_join_event(f, event_id, ids[i], NULL, err, cap) != 0)
            goto done;
    rc = 0;
done:
    free(ids);
    return rc;
}
