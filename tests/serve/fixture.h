/*
 * fixture.h — a small store filled through store_ingest() with hand-made
 * events (the project's own invented reports, not extracted text), so the
 * API tests know exactly what each endpoint must answer.
 *
 * Two documents from two outlets:
 *   A (SANA):    Islamic State takes Palmyra 2016-12-11; the army retakes
 *                Palmyra 2017-03-02 (with a claim); a strike on Raqqa
 *                2017-06-10 killing 12.
 *   B (Reuters): the army retakes Palmyra 2017-03-02 (a second report of
 *                the same event); a clash in al-Bab 2017-02-20, 5 killed.
 */
#ifndef SITREP_TEST_SERVE_FIXTURE_H
#define SITREP_TEST_SERVE_FIXTURE_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../../src/extract/extract.h"
#include "../../src/store/store.h"

typedef struct FixtureEvent {
    const char *sentence;
    const char *type, *sub_type;
    const char *date;
    const char *actor1;
    Side side1;
    const char *actor2;
    Side side2;
    const char *place, *admin1;
    double lat, lon;
    long killed; /* -1 = none reported */
    const char *claimant;
} FixtureEvent;

static const FixtureEvent fixture_doc_a[] = {
    {"Islamic State militants seized the desert town of Palmyra on Sunday after "
     "government troops pulled back.",
     "Battles", "Non-state actor overtakes territory", "2016-12-11", "Islamic State",
     SIDE_ISLAMIC_STATE, "Syrian Arab Army", SIDE_GOVERNMENT, "Palmyra", "SY-HI", 34.5515, 38.2694,
     -1, NULL},
    {"Army units restored full control over Palmyra on Thursday, the ministry "
     "announced.",
     "Battles", "Government regains territory", "2017-03-02", "Syrian Arab Army", SIDE_GOVERNMENT,
     "Islamic State", SIDE_ISLAMIC_STATE, "Palmyra", "SY-HI", 34.5515, 38.2694, -1,
     "Ministry of Defence"},
    {"An air strike on a market in Raqqa killed twelve people, a local council "
     "said.",
     "Explosions/Remote violence", "Air/drone strike", "2017-06-10", "US-led coalition",
     SIDE_US_COALITION, NULL, SIDE_CIVILIANS, "Raqqa", "SY-RA", 35.9528, 39.0083, 12,
     "local council"},
};

static const FixtureEvent fixture_doc_b[] = {
    {"Syrian troops were back in Palmyra on Thursday, a military source told the "
     "agency.",
     "Battles", "Government regains territory", "2017-03-02", "Syrian Arab Army", SIDE_GOVERNMENT,
     "Islamic State", SIDE_ISLAMIC_STATE, "Palmyra", "SY-HI", 34.5515, 38.2694, -1,
     "military source"},
    {"Five fighters died in a clash on the edge of al-Bab on Monday.", "Battles", "Armed clash",
     "2017-02-20", "Free Syrian Army", SIDE_OPPOSITION, "Islamic State", SIDE_ISLAMIC_STATE,
     "al-Bab", "SY-HL", 36.3706, 37.5157, 5, NULL},
};

/* Ingests one document made of the sentences of evs (one article). */
static int fixture_ingest_doc(Store *s, const char *doc_id, const char *outlet,
                              const char *published, const FixtureEvent *evs, int n)
{
    Arena arena;
    arena_init(&arena);
    Buffer text;
    buffer_init(&text);
    Span *spans = arena_alloc(&arena, sizeof *spans * (size_t)n);
    for (int i = 0; i < n; i++) {
        spans[i].start = text.len;
        buffer_append_str(&text, evs[i].sentence);
        spans[i].end = text.len;
        buffer_append_char(&text, ' ');
    }
    Document doc = {.id = doc_id,
                    .path = doc_id,
                    .format = FORMAT_TEXT,
                    .text = arena_strndup(&arena, text.data, text.len),
                    .len = text.len,
                    .outlet = outlet,
                    .arena = &arena};
    date_parse_iso(published, strlen(published), &doc.published);
    buffer_free(&text);

    Article *art = arena_alloc(&arena, sizeof *art);
    art->index = 0;
    art->span = (Span){0, doc.len};
    art->title = "Fixture report";
    art->date = doc.published;
    art->date_source = DATE_SOURCE_PUBLISHED;
    art->outlet = outlet;
    art->sentences = spans;
    art->sentence_count = n;
    ArticleList articles = {art, 1};

    Event *items = arena_alloc(&arena, sizeof *items * (size_t)n);
    for (int i = 0; i < n; i++) {
        const FixtureEvent *f = &evs[i];
        Event *e = &items[i];
        e->doc_id = doc_id;
        e->article = 0;
        e->primary = i == 0;
        e->event_type = f->type;
        e->sub_event_type = f->sub_type;
        date_parse_iso(f->date, strlen(f->date), &e->date);
        e->date_precision = PRECISION_DAY;
        e->has_actor1 = f->actor1 != NULL;
        e->actor1 = (EventActor){f->actor1, f->side1, -1};
        e->has_actor2 = f->actor2 != NULL || f->side2 != SIDE_UNKNOWN;
        e->actor2 = (EventActor){f->actor2, f->side2, -1};
        e->has_place = true;
        e->place = (EventPlace){f->place, f->admin1, "Syria", f->lat, f->lon, "exact", -1, NULL};
        if (f->killed >= 0)
            e->fatalities = (Range){true, f->killed, f->killed, f->killed};
        e->certainty = CERTAINTY_REPORTED;
        e->outlet = outlet;
        e->evidence = spans[i];
        e->evidence_text =
            arena_strndup(&arena, doc.text + spans[i].start, spans[i].end - spans[i].start);
        Claim *c = arena_alloc(&arena, sizeof *c);
        c->claimant = f->claimant;
        c->fatalities = e->fatalities;
        c->text = e->evidence_text;
        c->span = spans[i];
        e->claims = c;
        e->claim_count = 1;
    }
    EventList events = {items, n};
    IngestResult res;
    int rc = store_ingest(s, &doc, &articles, &events, &res);
    arena_free(&arena);
    return rc;
}

static int fixture_fill(Store *s)
{
    if (fixture_ingest_doc(s, "fixture-a", "SANA", "2017-06-11", fixture_doc_a,
                           (int)(sizeof fixture_doc_a / sizeof *fixture_doc_a)) != 0)
        return -1;
    return fixture_ingest_doc(s, "fixture-b", "Reuters", "2017-03-03", fixture_doc_b,
                              (int)(sizeof fixture_doc_b / sizeof *fixture_doc_b));
}

/* Removes the store file at db (with its WAL and shared-memory files) and
 * the temporary directory that held it. */
static inline void fixture_remove_db(const char *dir, const char *db)
{
    char path[600];
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", db, suffix[i]);
        unlink(path);
    }
    rmdir(dir);
}

#endif
