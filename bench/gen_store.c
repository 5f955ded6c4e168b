/*
 * gen_store.c — a large store for the HTTP benchmark: synthetic events of
 * the right shape (types, sides, places with coordinates and governorates,
 * fatalities, claims, outlets, dates over 2012–2019) written through
 * store_ingest(), so fusion, control changes and the full-text index are
 * built exactly as for real input.
 *
 *   gen_store DB EVENTS [SEED]
 *
 * Writes documents of 100 reports each until the store holds at least
 * EVENTS fused events, then prints what it wrote and how long it took.
 * The text is generated here (numbered places, fixed phrasing); it is not
 * anybody's reporting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/extract/extract.h"
#include "../src/store/store.h"

enum { REPORTS_PER_DOC = 100, PLACES = 2500, DAYS = 2900 };

static const struct {
    const char *type, *sub;
} kinds[] = {
    {"Battles", "Armed clash"},
    {"Battles", "Government regains territory"},
    {"Battles", "Non-state actor overtakes territory"},
    {"Explosions/Remote violence", "Air/drone strike"},
    {"Explosions/Remote violence", "Shelling/artillery/missile attack"},
    {"Explosions/Remote violence", "Suicide bomb"},
    {"Explosions/Remote violence", "Remote explosive/landmine/IED"},
    {"Violence against civilians", "Attack"},
    {"Violence against civilians", "Abduction/forced disappearance"},
    {"Strategic developments", "Agreement"},
    {"Strategic developments", "Arrests"},
    {"Strategic developments", "Siege imposed"},
    {"Protests", "Peaceful protest"},
};
enum { KINDS = sizeof kinds / sizeof *kinds };

static const struct {
    const char *name;
    Side side;
} actors[] = {
    {"Syrian Arab Army", SIDE_GOVERNMENT},   {"National Defence Forces", SIDE_GOVERNMENT},
    {"Russian Air Force", SIDE_RUSSIA},      {"Islamic State", SIDE_ISLAMIC_STATE},
    {"Syrian Democratic Forces", SIDE_SDF},  {"Free Syrian Army", SIDE_OPPOSITION},
    {"Hayat Tahrir al-Sham", SIDE_HTS},      {"Turkish Armed Forces", SIDE_TURKEY},
    {"US-led coalition", SIDE_US_COALITION},
};
enum { ACTORS = sizeof actors / sizeof *actors };

/* Governorates with a rough centre, so generated places fall near them. */
static const struct {
    const char *code;
    double lat, lon;
} governorates[] = {
    {"SY-HL", 36.2, 37.2}, {"SY-ID", 35.9, 36.6}, {"SY-HM", 35.1, 36.8}, {"SY-HI", 34.6, 38.0},
    {"SY-LA", 35.6, 36.0}, {"SY-TA", 34.9, 36.0}, {"SY-DI", 33.5, 36.3}, {"SY-RD", 33.6, 36.7},
    {"SY-DR", 32.8, 36.2}, {"SY-SU", 32.7, 36.6}, {"SY-QU", 33.1, 35.9}, {"SY-DY", 35.2, 40.2},
    {"SY-RA", 35.9, 38.9}, {"SY-HA", 36.6, 40.8},
};
enum { GOVS = sizeof governorates / sizeof *governorates };

static const char *const outlets[] = {
    "Bench Wire",  "Bench Monitor",  "Bench State Agency", "Bench Daily",
    "Bench Radio", "Bench Observer", "Bench Digest",       "Bench Courier",
};
enum { OUTLETS = sizeof outlets / sizeof *outlets };

/* xorshift64*: deterministic for a seed, state passed explicitly. */
static unsigned long next_random(unsigned long *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717UL;
}

static double uniform(unsigned long *s)
{
    return (next_random(s) >> 11) * (1.0 / 9007199254740992.0);
}

static int ingest_document(Store *store, long doc_no, unsigned long *rng, IngestResult *res)
{
    Arena arena;
    arena_init(&arena);
    Buffer text;
    buffer_init(&text);
    Event *items = arena_alloc(&arena, sizeof *items * REPORTS_PER_DOC);
    Span *spans = arena_alloc(&arena, sizeof *spans * REPORTS_PER_DOC);
    Date first = {2012, 1, 1};
    const char *outlet = outlets[doc_no % OUTLETS];

    for (int i = 0; i < REPORTS_PER_DOC; i++) {
        Event *e = &items[i];
        int kind = (int)(next_random(rng) % KINDS);
        int place = (int)(next_random(rng) % PLACES);
        int gov = place % GOVS;
        int a1 = (int)(next_random(rng) % ACTORS), a2 = (int)(next_random(rng) % ACTORS);
        Date d = date_add_days(first, (long)(next_random(rng) % DAYS));
        bool killed = uniform(rng) < 0.6;
        long toll = killed ? (long)(uniform(rng) * uniform(rng) * 60) : 0;
        /* Places: a fixed scatter around their governorate's centre. */
        unsigned long place_rng = (unsigned long)place * 7919UL + 17UL;
        double lat = governorates[gov].lat + (uniform(&place_rng) - 0.5) * 0.8;
        double lon = governorates[gov].lon + (uniform(&place_rng) - 0.5) * 0.8;
        const char *place_name = arena_printf(&arena, "Benchville %d", place);

        char day[11];
        spans[i].start = text.len;
        buffer_printf(&text, "Report %ld.%d: %s by %s against %s near %s on %s", doc_no, i,
                      kinds[kind].sub, actors[a1].name, actors[a2].name, place_name,
                      date_format(d, day));
        if (killed)
            buffer_printf(&text, ", %ld killed", toll);
        buffer_append_str(&text, ".");
        spans[i].end = text.len;
        buffer_append_char(&text, ' ');

        e->doc_id = NULL; /* set below, once the id exists */
        e->article = 0;
        e->primary = i == 0;
        e->event_type = kinds[kind].type;
        e->sub_event_type = kinds[kind].sub;
        e->date = d;
        e->date_precision = PRECISION_DAY;
        e->has_actor1 = e->has_actor2 = true;
        e->actor1 = (EventActor){actors[a1].name, actors[a1].side, -1};
        e->actor2 = (EventActor){actors[a2].name, actors[a2].side, -1};
        e->has_place = true;
        e->place =
            (EventPlace){place_name, governorates[gov].code, "Syria", lat, lon, "exact", -1, NULL};
        if (killed)
            e->fatalities = (Range){true, toll, toll, toll};
        e->certainty = CERTAINTY_REPORTED;
        e->outlet = outlet;
        e->evidence = spans[i];
    }
    const char *doc_id = arena_printf(&arena, "bench-%06ld", doc_no);
    Document doc = {.id = doc_id,
                    .path = doc_id,
                    .format = FORMAT_TEXT,
                    .text = arena_strndup(&arena, text.data, text.len),
                    .len = text.len,
                    .outlet = outlet,
                    .arena = &arena};
    buffer_free(&text);
    for (int i = 0; i < REPORTS_PER_DOC; i++) {
        Event *e = &items[i];
        e->doc_id = doc_id;
        e->evidence_text =
            arena_strndup(&arena, doc.text + spans[i].start, spans[i].end - spans[i].start);
        Claim *c = arena_alloc(&arena, sizeof *c);
        c->claimant = outlet;
        c->fatalities = e->fatalities;
        c->text = e->evidence_text;
        c->span = spans[i];
        e->claims = c;
        e->claim_count = 1;
    }
    Article art = {.index = 0,
                   .span = {0, doc.len},
                   .title = doc_id,
                   .date = date_add_days(first, DAYS),
                   .date_source = DATE_SOURCE_LINE,
                   .outlet = outlet,
                   .sentences = spans,
                   .sentence_count = REPORTS_PER_DOC};
    ArticleList articles = {&art, 1};
    EventList events = {items, REPORTS_PER_DOC};
    int rc = store_ingest(store, &doc, &articles, &events, res);
    arena_free(&arena);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gen_store DB EVENTS [SEED]\n");
        return 2;
    }
    long target = strtol(argv[2], NULL, 10);
    unsigned long rng = argc > 3 ? strtoul(argv[3], NULL, 10) : 20170615UL;
    if (target <= 0 || rng == 0) {
        fprintf(stderr, "gen_store: EVENTS and SEED must be positive\n");
        return 2;
    }
    char err[512];
    Store *store = store_open(argv[1], err, sizeof err);
    if (!store) {
        fprintf(stderr, "gen_store: %s\n", err);
        return 1;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    StoreCounts counts = {0};
    long doc_no = 0, reports = 0;
    if (store_counts(store, &counts) != 0)
        goto fail;
    doc_no = counts.documents;
    while (counts.events < target) {
        IngestResult res;
        if (ingest_document(store, doc_no++, &rng, &res) != 0)
            goto fail;
        reports += res.reports;
        if (doc_no % 50 == 0 && store_counts(store, &counts) != 0)
            goto fail;
        if (doc_no % 50 != 0)
            counts.events += res.events_new;
    }
    if (store_counts(store, &counts) != 0)
        goto fail;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("gen_store: %ld reports written in %.1f s (%.0f/s); store has %ld events, "
           "%ld places, %ld control changes\n",
           reports, secs, secs > 0 ? reports / secs : 0.0, counts.events, counts.places,
           counts.control_changes);
    store_close(store);
    return 0;
fail:
    fprintf(stderr, "gen_store: %s\n", store_error(store));
    store_close(store);
    return 1;
}
