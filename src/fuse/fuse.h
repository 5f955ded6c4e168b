/*
 * fuse.h — deciding that reports from different articles and outlets are
 * the same real event, combining their claims, and turning territory
 * events into control changes.
 *
 * The rules (pure functions, tested on their own):
 *   - same sub-event family (the three territory sub-events are one family,
 *     air strikes and shelling are one "remote fire" family, …);
 *   - compatible actors: each side known on both reports is the same side
 *     (Syrian government and Russia count as compatible but contradictory
 *     for remote fire: outlets often cannot tell whose jets struck);
 *   - the same place, or within FUSE_NEAR_KM, or the same governorate when
 *     one report only knows the governorate;
 *   - date windows that overlap, each set by the report's date precision.
 *
 * The database side (fuse_report, control_record) works on the open
 * sqlite3 handle inside the store's ingest transaction: a new report looks
 * up candidates by governorate and date window through an index and joins
 * the best one, and that event's aggregates are updated from the new
 * report and what the event already stores, not by re-reading its reports
 * (so ingest stays linear however many reports an event gathers).
 */
#ifndef SITREP_FUSE_H
#define SITREP_FUSE_H

#include "../core/core.h"
#include "../extract/extract.h"

enum {
    FUSE_NEAR_KM = 15,
    FUSE_NARROW_WINDOW = 31, /* widest day/week/month window, in days */
    FUSE_WIDE_WINDOW = 366,  /* a year */
};

/* What fusion compares of one report. Days are date_to_days() values. */
typedef struct FuseKey {
    const char *family; /* fuse_family(sub_event_type) */
    bool dated;
    long date_lo, date_hi; /* window from the date and its precision */
    int side1, side2;      /* Side values; SIDE_UNKNOWN matches anything */
    long place_id;         /* store place id, 0 if none */
    const char *admin1;    /* "" if unknown */
    bool has_coords;
    double lat, lon;
    bool admin1_only; /* the place is a whole governorate (or country) */
} FuseKey;

/* Contract side names by Side value, and back (SIDE_UNKNOWN for NULL or
 * an unknown name). The store keeps sides as these names. */
const char *fuse_side_name(int side);
int fuse_side_parse(const char *name);

/* The family a sub-event type fuses within. Never NULL. */
const char *fuse_family(const char *sub_event_type);
/* The window of days a report's date stands for: day ±1 (reports are often
 * a day apart), week ±3, the whole month, the whole year. */
void fuse_date_window(Date d, DatePrecision p, long *lo, long *hi);
/* Great-circle distance in km. */
double fuse_distance_km(double lat1, double lon1, double lat2, double lon2);
/* True if a and b may be the same real event; *contradictory is set when
 * they are compatible only by tolerating a disagreement (sides). */
bool fuse_compatible(const FuseKey *a, const FuseKey *b, bool *contradictory);

/* One fatality claim as fusion weighs it. */
typedef struct FuseClaim {
    const char *claimant; /* may be NULL */
    const char *outlet;   /* may be NULL */
    long low, best, high;
    bool independent; /* the claimant is not a party to the event */
} FuseClaim;

/* low = min of the lows, high = max of the highs, best = the best value of
 * the most specific independent claim (narrowest range; exact numbers beat
 * "dozens"), falling back to any claim. *contradictory is set when two
 * claims from different claimants do not overlap and differ by more than a
 * quarter. Returns false when there is no claim with numbers. */
bool fuse_counts_contradict(long alow, long ahigh, long blow, long bhigh);
/* A claimant who is a party to the event (the army counting its own
 * victory) is not independent. Names compared loosely, both ways. */
bool fuse_claimant_is_party(const char *claimant, const char *actor);
bool fuse_fatalities(const FuseClaim *claims, int n, long *low, long *best, long *high,
                     bool *contradictory);

/* ---- Database side (inside the store's transaction) -------------------- */

/* The prepared statements fusion runs for every report, prepared once per
 * open store (fuser_open) rather than once per report. */
typedef struct Fuser Fuser;
Fuser *fuser_open(void *db, char *err, size_t err_cap); /* db: sqlite3 * */
void fuser_close(Fuser *f);

typedef struct FuseOutcome {
    long event_id;       /* the fused event the report now belongs to */
    bool joined;         /* false: a new event was created */
    int control_changes; /* control rows written for the report */
} FuseOutcome;

/* Fuses stored report report_id (its row, places and claims already
 * written, no event yet): joins a compatible event or creates one, updates
 * that event's aggregates and writes its control changes. */
int fuse_report(Fuser *f, long report_id, FuseOutcome *out, char *err, size_t err_cap);

/* The same in two steps, so that the store writes the report row with its
 * event at once: fuse_choose_event() picks the event for a report whose
 * stored row will read as key (creating an event of the given type when
 * no candidate fits); once the row, its places and claims are written,
 * fuse_add_report() updates the event and writes control changes. */
int fuse_choose_event(Fuser *f, const FuseKey *key, const char *event_type,
                      const char *sub_event_type, const char *certainty, FuseOutcome *out,
                      char *err, size_t err_cap);
int fuse_add_report(Fuser *f, long report_id, FuseOutcome *out, char *err,
                    size_t err_cap); /* out: as fuse_choose_event left it */

/* Brings one fused event up to date: representative date, actors and
 * place, fatalities low/best/high, certainty (disputed on contradiction),
 * sources, first and last report, contradicted flags. new_report: the
 * report just added, the newest of the event (its aggregates are updated
 * from it and what the event stores), or 0 to recompute the event from
 * all its reports. */
int fuse_refresh_event(Fuser *f, long event_id, long new_report, char *err, size_t err_cap);

/* Control: the side that holds the place after a report of this
 * sub-event type, or SIDE_UNKNOWN if it says nothing about control.
 * *status is "held" or "besieged". */
bool control_holder(const char *sub_event_type, int side1, int side2, int *holder,
                    const char **status);
/* Writes the control_changes rows of one report (one per place). */
int control_record(Fuser *f, long report_id, long event_id, int *written, char *err,
                   size_t err_cap);

#endif
