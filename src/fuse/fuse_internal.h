/*
 * fuse_internal.h — the Fuser: the statements fusion and control run for
 * every report, prepared once. Shared by fuse_db.c, fuse_event.c and
 * control.c.
 */
#ifndef SITREP_FUSE_INTERNAL_H
#define SITREP_FUSE_INTERNAL_H

#include "../store/sql.h"
#include "fuse.h"

/* Columns 0..10 of a reports or event_keys row (aliased r), read as a
 * FuseKey by fuse_read_key(). */
#define FUSE_KEY_COLUMNS                                                                           \
    "r.family, r.date_lo, r.date_hi, r.side1, r.side2, r.place_id, r.admin1,"                      \
    " r.lat, r.lon, r.place_precision, r.date_lo IS NOT NULL"

/* Columns 0..14 of a report's signature, read by fuse_read_signature():
 * everything that decides whether a report is a fusion candidate for a
 * new report and whether the two disagree. Reports of one event with the
 * same signature behave alike, so the event keeps one row per distinct
 * signature (table event_keys) and fusion compares those rows, not every
 * report. Of a reports row "denied" is computed, of an event_keys row it
 * is stored. */
#define FUSE_SIGNATURE_COLUMNS(denied)                                                             \
    "r.admin1, r.family, r.wide, r.date_lo, r.date_hi, r.side1, r.side2,"                          \
    " r.place_id, r.lat, r.lon, r.place_precision, r.outlet, " denied ","                          \
    " r.fat_low, r.fat_high"
#define FUSE_SIGNATURE_OF_REPORT FUSE_SIGNATURE_COLUMNS("r.certainty = 'denied' COLLATE NOCASE")
#define FUSE_SIGNATURE_OF_KEY    FUSE_SIGNATURE_COLUMNS("r.denied")
enum { FUSE_SIGNATURE_COUNT = 15 };

/* A nullable integer or real column. */
typedef struct FuseInt {
    bool present;
    long value;
} FuseInt;
typedef struct FuseReal {
    bool present;
    double value;
} FuseReal;

typedef struct FuseSignature {
    const char *admin1, *family;
    bool wide;
    FuseInt date_lo, date_hi;
    const char *side1, *side2; /* as stored: NULL, "unknown" or a side */
    FuseInt place_id;
    FuseReal lat, lon;
    const char *place_precision;
    const char *outlet; /* compared case-insensitively */
    bool denied;
    FuseInt fat_low, fat_high;
} FuseSignature;

struct Fuser {
    sqlite3 *db;
    /* Scratch memory of one fusion step, reset at the start of each
     * (fuse_choose_event, fuse_join_event), so fusing a report allocates
     * nothing once the store is warm. */
    Arena scratch;
    /* The statements, member to control_insert. */
    sqlite3_stmt *member, *candidates, *new_event, *assign, *event_state, *report_claims,
        *claim_by_id, *event_keys, *insert_key, *flip_key, *unflagged_reports, *set_contradicted,
        *event_claims, *event_claims_at, *insert_event_claim, *update_event, *update_event_light,
        *event_reports, *reset_event, *reset_keys, *reset_claims, *reset_flags, *control_report,
        *control_places, *control_insert;
};

/* Resets a cached statement before use (and clears its bindings). */
static inline sqlite3_stmt *fuse_use(sqlite3_stmt *st)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

void fuse_read_key(sqlite3_stmt *st, int first_column, FuseKey *k, Arena *a);
void fuse_read_signature(sqlite3_stmt *st, int first_column, FuseSignature *s, Arena *a);
/* The FuseKey a signature stands for. */
void fuse_signature_key(const FuseSignature *s, FuseKey *k);
/* Same signature: equal values, NULL equal only to NULL, outlets compared
 * case-insensitively (as fusion compares them). */
bool fuse_signature_equal(const FuseSignature *a, const FuseSignature *b);

/* What control_record reads of a report. */
typedef struct ControlReport {
    long id;
    const char *sub_event_type, *side1, *side2, *actor1, *actor2, *date;
    bool dated;
    long days;
} ControlReport;
int control_record_report(Fuser *f, const ControlReport *r, long event_id, int *written, char *err,
                          size_t cap);

/* Adds report_id, already assigned to event_id and the newest report of
 * it, to the event's aggregates (fuse_event.c); with control_changes
 * non-NULL also writes the report's control changes and counts them. */
int fuse_join_event(Fuser *f, long event_id, long report_id, int *control_changes, char *err,
                    size_t cap);
/* Recomputes the event from its reports, as if they joined one by one. */
int fuse_rebuild_event(Fuser *f, long event_id, char *err, size_t cap);

#endif
