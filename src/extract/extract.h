/*
 * extract.h — from an article's sentences to events in the output contract
 * of DESIGN.md: ACLED event type, actors with sides, places with governorate
 * and coordinates, resolved date, fatalities, claims, certainty, outlet and
 * the evidence sentence with its byte offsets.
 */
#ifndef SITREP_EXTRACT_H
#define SITREP_EXTRACT_H

#include "../core/core.h"
#include "../lex/lex.h"
#include "../read/read.h"
#include "../text/text.h"

typedef enum DatePrecision {
    PRECISION_NONE,
    PRECISION_DAY,
    PRECISION_WEEK,
    PRECISION_MONTH,
    PRECISION_YEAR
} DatePrecision;
const char *date_precision_name(DatePrecision p); /* "day", …; NULL for NONE */

typedef enum Certainty {
    CERTAINTY_REPORTED,
    CERTAINTY_CLAIMED,
    CERTAINTY_UNCONFIRMED,
    CERTAINTY_DISPUTED,
    CERTAINTY_DENIED
} Certainty;
const char *certainty_name(Certainty c);

typedef struct EventActor {
    const char *name; /* canonical actor name as written in the contract */
    Side side;
    int actor; /* index into Lexicon.actors, -1 if generic */
} EventActor;

typedef struct EventPlace {
    const char *name;
    const char *admin1; /* ISO 3166-2 or "" */
    const char *country;
    double lat, lon;
    const char *precision; /* "exact", "near", "district", "admin1", "country" */
    int place;             /* index into Lexicon.places, -1 if none */
    const char *relation;  /* "south of", "40 km from", … or NULL */
} EventPlace;

typedef struct Range {
    bool present;
    long low, best, high;
} Range;

typedef struct Claim {
    const char *claimant; /* "Syrian Observatory for Human Rights", "SANA", … */
    Range fatalities;
    const char *text; /* the sentence (or clause) that carries it */
    Span span;
} Claim;

typedef struct Event {
    const char *doc_id;
    int article;
    bool primary;
    const char *event_type;
    const char *sub_event_type;
    Date date;
    DatePrecision date_precision;
    bool has_actor1, has_actor2;
    EventActor actor1, actor2;
    bool has_place;
    EventPlace place;
    EventPlace *places; /* every place of a multi-place event */
    int place_count;
    Range fatalities, injured;
    Claim *claims;
    int claim_count;
    Certainty certainty;
    const char *outlet;
    Span evidence; /* the sentence in Document.text */
    const char *evidence_text;
} Event;

typedef struct EventList {
    Event *items;
    int count;
} EventList;

/* Extracts every event of one article. Allocates in doc->arena. */
EventList extract_article(const Lexicon *lex, const Document *doc, const Article *article,
                          Diagnostics *diag);

/* Whole document: split, then extract every article. The events live in
 * doc->arena. */
EventList extract_document(const Lexicon *lex, const Document *doc, const ArticleList *articles,
                           Diagnostics *diag);

/* The same events, handed to `each` one article at a time, in order, as
 * soon as they are found. They live only until `each` returns: the
 * article's memory is reused for the next one, so a page of tens of
 * thousands of articles costs the memory of its largest article, not of
 * all their events. A non-zero return from `each` stops the run and is
 * returned; 0 otherwise. */
typedef int (*EventSink)(const EventList *events, void *ctx);
int extract_document_each(const Lexicon *lex, const Document *doc, const ArticleList *articles,
                          Diagnostics *diag, EventSink each, void *ctx);
/* The same with the caller's NameKeyCache (lex.h), kept from one document
 * to the next: a run over many small documents (JSON Lines records, page
 * files) then spells each name's key once, not once per document. The
 * cache is the caller's, zeroed before its first use, one per thread (NULL:
 * none, as extract_document_each); the events are the same as without it. */
int extract_document_each_cached(const Lexicon *lex, const Document *doc,
                                 const ArticleList *articles, Diagnostics *diag, NameKeyCache *keys,
                                 EventSink each, void *ctx);

/* Writes one event as a JSON object (one line, no newline). */
void event_write_json(Buffer *out, const Event *ev);
/* One readable tab-separated line for people (no newline). */
void event_write_tsv(Buffer *out, const Event *ev);

/* ---- Pieces with their own tests ---------------------------------------- */

/* Resolves a date expression found at text[0..n) ("on Thursday",
 * "yesterday", "last month", "on June 23", "Monday 5 September") against
 * the article date. Returns false if it is not one. */
bool resolve_date_expression(const char *s, size_t n, Date article_date, Date *out,
                             DatePrecision *precision, size_t *used);

/* Parses a count at s ("at least 80", "more than 15", "Sixty-two",
 * "two dozens", "dozens", "tens of thousands", "a hundred", "12-15").
 * Returns the bytes used (0 if none). */
size_t parse_count(const Lexicon *lex, const char *s, size_t n, Range *out);

#endif
