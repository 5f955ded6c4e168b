/*
 * store.h — the SQLite store: documents, articles, sentences, extracted
 * reports (one Event of one article), actors, places, claims, fused events
 * (clusters of reports about the same real event) and control changes.
 *
 * Vocabulary used throughout the store, the CLI and the HTTP API:
 *   report  one extracted Event as one article told it (table `reports`);
 *   event   one real event, fused from one or more reports (table `events`);
 *           its id is what `sitrep events` lists and `sitrep event ID` shows.
 *
 * Writing: store_ingest() stores one document with its articles and
 * reports and fuses them into events, all in one transaction. A document
 * whose content hash is already stored is skipped, so ingesting the same
 * input twice changes nothing, and a process killed mid-ingest leaves the
 * store as it was before that document (the next run ingests it).
 *
 * Reading: every query returns plain structs allocated in a caller-owned
 * Arena, and each struct has a JSON writer, so the CLI prints text or JSON
 * Lines and the HTTP server writes JSON from the same rows.
 *
 * Errors are values: functions return 0 on success or -1, with the message
 * in store_error().
 *
 * Threads: a Store is used by one thread at a time (it may be handed from
 * thread to thread, as the server's pool does). It is opened without
 * SQLite's per-connection mutex, which cost every bind and column read a
 * lock.
 */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include "../core/core.h"
#include "../extract/extract.h"
#include "../read/read.h"
#include "../text/text.h"

typedef struct Store Store;

/* The schema version this code writes (PRAGMA user_version). */
enum { STORE_SCHEMA_VERSION = 3 };

/* ---- Opening ------------------------------------------------------------
 * Opens (creating if needed) the database at path, switches to WAL mode,
 * creates the schema or migrates an older one to STORE_SCHEMA_VERSION.
 * A database written by a newer sitrep is refused. On failure returns NULL
 * and writes the reason into err (may be NULL). ":memory:" works too. */
Store *store_open(const char *path, char *err, size_t err_cap);
/* Like store_open but refuses to create a missing file (for queries). */
Store *store_open_existing(const char *path, char *err, size_t err_cap);
void store_close(Store *s);
const char *store_error(const Store *s); /* last error message */
/* PRAGMA user_version of the open database. */
int store_schema_version(Store *s);

/* ---- Writing ------------------------------------------------------------ */
typedef struct IngestResult {
    bool skipped;     /* content hash already stored: nothing changed */
    long document_id; /* row id (also when skipped) */
    int articles;
    int reports;       /* events extracted */
    int events_new;    /* fused events created */
    int events_joined; /* reports that joined an existing fused event */
    int control_changes;
} IngestResult;

/* Stores one document, its articles (with their sentences and text, indexed
 * for full-text search) and the events extracted from it, then fuses each
 * report into an existing event or a new one and records control changes.
 * One transaction: all or nothing. events may hold events of any article of
 * the document (Event.article indexes articles). */
int store_ingest(Store *s, const Document *doc, const ArticleList *articles,
                 const EventList *events, IngestResult *result);

/* 64-bit FNV-1a twice with different bases, as 32 hex digits: the content
 * hash that makes re-ingest a no-op. out must hold 33 bytes. */
void store_content_hash(const char *text, size_t len, char out[33]);

/* ---- Reading ------------------------------------------------------------ */

/* Filters of `sitrep events` and GET /api/events. NULL / zero = no filter. */
typedef struct StoreFilter {
    const char *from, *to; /* YYYY-MM-DD, inclusive */
    const char *place;     /* place name, case-insensitive */
    const char *admin1;    /* ISO 3166-2 code */
    const char *side;      /* either actor's side */
    const char *actor;     /* either actor's name, case-insensitive substring */
    const char *type;      /* event_type or sub_event_type */
    const char *outlet;    /* any reporting outlet, case-insensitive */
    const char *text;      /* FTS5 query over the reporting articles */
    long limit;            /* 0 = default (100); negative = no limit */
    long offset;
} StoreFilter;

typedef struct StoreRange {
    bool present;
    long low, best, high;
} StoreRange;

typedef struct StorePlace {
    long id;
    const char *name, *admin1, *country, *precision;
    double lat, lon;
    bool has_coords;
} StorePlace;

/* One fused event, as listed. */
typedef struct StoreEvent {
    long id;
    const char *event_type, *sub_event_type;
    const char *date;                            /* YYYY-MM-DD (the most precise report), or NULL */
    const char *date_precision;                  /* day/week/month/year, or NULL */
    const char *actor1, *side1, *actor2, *side2; /* NULL when unknown */
    bool has_place;
    StorePlace place;
    StoreRange fatalities;
    const char *certainty; /* raised to "disputed" on contradiction */
    int report_count;      /* reports fused */
    int source_count;      /* distinct outlets */
    const char **outlets;  /* distinct outlets, report order */
    int outlet_count;
    const char *first_report, *last_report; /* publication dates */
    const char *notes;                      /* the evidence sentence of the first report */
} StoreEvent;

typedef struct StoreClaim {
    long id;
    long report_id;
    const char *claimant; /* NULL when the report names none */
    StoreRange fatalities;
    const char *text;
} StoreClaim;

/* One report of a fused event: which document/article/outlet said what. */
typedef struct StoreReport {
    long id;
    const char *doc_id;
    int article;
    const char *article_title;
    const char *published; /* article or document date */
    const char *outlet, *url;
    const char *certainty;
    StoreRange fatalities;
    const char *evidence; /* the sentence */
    long evidence_start, evidence_end;
    bool contradicted; /* another outlet's report disagrees */
    StoreClaim *claims;
    int claim_count;
} StoreReport;

typedef struct StoreEventDetail {
    StoreEvent event;
    StoreReport *reports;
    int report_count;
    StorePlace *places; /* every place named by the reports */
    int place_count;
} StoreEventDetail;

/* A stretch of time during which one side held a place. */
typedef struct StoreControlPeriod {
    const char *holder_side;  /* contract side name */
    const char *holder_actor; /* may be NULL */
    const char *from;         /* date of the first evidence */
    const char *to;           /* date the next holder took over, or NULL */
    const char *status;       /* "held" or "besieged" */
    long *evidence;           /* fused event ids, in date order */
    int evidence_count;
} StoreControlPeriod;

typedef struct StoreTimeline {
    StorePlace place;
    StoreControlPeriod *periods;
    int period_count;
} StoreTimeline;

/* Who held one place on a date. */
typedef struct StoreControl {
    StorePlace place;
    const char *holder_side; /* NULL = unknown (no evidence before date) */
    const char *holder_actor;
    const char *since; /* date of the evidence */
    const char *status;
    long evidence; /* fused event id, 0 if unknown */
} StoreControl;

typedef struct StoreOutletStats {
    const char *outlet; /* "(unknown)" for reports without one */
    long reports;       /* extracted reports */
    long events;        /* distinct fused events it reported */
    long contradicted;  /* its reports another outlet disagreed with */
    long corroborated;  /* its events other outlets also reported */
} StoreOutletStats;

typedef struct StoreCounts {
    long documents, articles, sentences, reports, events, claims, places, actors, control_changes;
} StoreCounts;

/* Fused events matching f, newest first (date, then id). Rows in arena. */
int store_query_events(Store *s, const StoreFilter *f, Arena *arena, StoreEvent **rows, int *count);
/* One fused event with every report, claim, sentence and outlet.
 * Returns 0 and found=false when there is no such id. */
int store_event_detail(Store *s, long id, Arena *arena, StoreEventDetail *out, bool *found);
/* Control timelines of every place named `place` (case-insensitive; several
 * places may share a name), periods in date order. */
int store_timeline(Store *s, const char *place, Arena *arena, StoreTimeline **rows, int *count);
/* Who held each known place on date (YYYY-MM-DD); admin1 may be NULL.
 * Places whose only evidence is later than date are listed as unknown. */
int store_control_at(Store *s, const char *date, const char *admin1, Arena *arena,
                     StoreControl **rows, int *count);
/* Per outlet, most reports first. */
int store_outlet_stats(Store *s, Arena *arena, StoreOutletStats **rows, int *count);
int store_counts(Store *s, StoreCounts *out);

/* ---- JSON writers (one object, no newline) ------------------------------ */
void store_event_json(Buffer *b, const StoreEvent *e);
void store_event_detail_json(Buffer *b, const StoreEventDetail *d);
void store_timeline_json(Buffer *b, const StoreTimeline *t);
void store_control_json(Buffer *b, const StoreControl *c);
void store_outlet_stats_json(Buffer *b, const StoreOutletStats *o);
void store_counts_json(Buffer *b, const StoreCounts *c);

/* The underlying handle, for the exporters and benchmarks in this tree
 * (sqlite3 *; void here so users of this header need not include sqlite3.h). */
void *store_db(Store *s);

#endif
