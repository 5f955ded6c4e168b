/*
 * report.c — a situation report for people: the days ending at a date,
 * governorate by governorate: who gained or lost ground, what else
 * happened with its toll and who gave each figure, and what is disputed.
 */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "../lex/lex.h"

typedef struct Item {
    StoreEventDetail d;
    const char *admin1; /* "" when the event has no governorate */
} Item;

static int by_admin1_then_date(const void *pa, const void *pb)
{
    const Item *a = pa, *b = pb;
    int c = strcmp(a->admin1, b->admin1);
    if (c)
        return c;
    const char *da = a->d.event.date ? a->d.event.date : "";
    const char *db = b->d.event.date ? b->d.event.date : "";
    c = strcmp(da, db);
    return c ? c : (a->d.event.id < b->d.event.id ? -1 : a->d.event.id > b->d.event.id);
}

static bool is_territory(const StoreEvent *e)
{
    const char *t = e->sub_event_type ? e->sub_event_type : "";
    return strstr(t, "territory") || !strcmp(t, "Siege imposed") || !strcmp(t, "Siege broken");
}

static const char *who(const char *actor, const char *side)
{
    if (actor)
        return actor;
    if (side && strcmp(side, "unknown"))
        return side;
    return "unidentified forces";
}

static const char *where(const StoreEvent *e)
{
    return e->has_place && e->place.name ? e->place.name : "an unnamed place";
}

static void toll(FILE *out, const StoreEventDetail *d)
{
    const StoreEvent *e = &d->event;
    if (!e->fatalities.present)
        return;
    if (e->fatalities.low == e->fatalities.high)
        fprintf(out, "; %ld killed", e->fatalities.best);
    else
        fprintf(out, "; %ld-%ld killed (best %ld)", e->fatalities.low, e->fatalities.high,
                e->fatalities.best);
    /* Who gave which figure. */
    int shown = 0;
    for (int i = 0; i < d->report_count; i++)
        for (int j = 0; j < d->reports[i].claim_count; j++) {
            const StoreClaim *c = &d->reports[i].claims[j];
            if (!c->fatalities.present)
                continue;
            fprintf(out, "%s%s %ld", shown ? ", " : " — ",
                    c->claimant            ? c->claimant
                    : d->reports[i].outlet ? d->reports[i].outlet
                                           : "unattributed",
                    c->fatalities.best);
            shown++;
        }
}

static void sources(FILE *out, const StoreEvent *e)
{
    fprintf(out, " [event %ld; ", e->id);
    if (e->outlet_count == 0)
        fprintf(out, "%d report%s", e->report_count, e->report_count == 1 ? "" : "s");
    for (int i = 0; i < e->outlet_count; i++)
        fprintf(out, "%s%s", i ? ", " : "", e->outlets[i]);
    fprintf(out, "]\n");
}

static void ground_line(FILE *out, const StoreEventDetail *d)
{
    const StoreEvent *e = &d->event;
    const char *sub = e->sub_event_type;
    fprintf(out, "  - %s  ", e->date ? e->date : "undated");
    if (!strcmp(sub, "Siege imposed"))
        fprintf(out, "%s besieged %s", who(e->actor1, e->side1), where(e));
    else if (!strcmp(sub, "Siege broken"))
        fprintf(out, "%s broke the siege of %s", who(e->actor1, e->side1), where(e));
    else {
        fprintf(out, "%s took %s", who(e->actor1, e->side1), where(e));
        if (e->actor2 || (e->side2 && strcmp(e->side2, "unknown")))
            fprintf(out, " from %s", who(e->actor2, e->side2));
    }
    toll(out, d);
    sources(out, e);
}

static void event_line(FILE *out, const StoreEventDetail *d)
{
    const StoreEvent *e = &d->event;
    fprintf(out, "  - %s  %s at %s", e->date ? e->date : "undated",
            e->sub_event_type ? e->sub_event_type : "Event", where(e));
    if (e->actor1 || (e->side1 && strcmp(e->side1, "unknown"))) {
        fprintf(out, ": %s", who(e->actor1, e->side1));
        if (e->actor2 || (e->side2 && strcmp(e->side2, "unknown")))
            fprintf(out, " against %s", who(e->actor2, e->side2));
    }
    toll(out, d);
    sources(out, e);
}

static void dispute_line(FILE *out, const StoreEventDetail *d)
{
    const StoreEvent *e = &d->event;
    fprintf(out, "  - event %ld (%s at %s):", e->id,
            e->sub_event_type ? e->sub_event_type : "event", where(e));
    int shown = 0;
    for (int i = 0; i < d->report_count; i++) {
        const StoreReport *r = &d->reports[i];
        if (!r->contradicted && strcmp(r->certainty ? r->certainty : "", "denied") &&
            strcmp(r->certainty ? r->certainty : "", "disputed"))
            continue;
        fprintf(out, "%s %s", shown ? ";" : "", r->outlet ? r->outlet : "unattributed");
        if (r->certainty && strcmp(r->certainty, "reported"))
            fprintf(out, " (%s)", r->certainty);
        if (r->fatalities.present)
            fprintf(out, " %ld killed", r->fatalities.best);
        shown++;
    }
    if (!shown)
        fprintf(out, " the reports disagree");
    fprintf(out, "\n");
}

int export_report(Store *s, const char *date, int days, FILE *out)
{
    Date end;
    if (!date || !date_parse_iso(date, strlen(date), &end)) {
        fprintf(stderr, "sitrep report: not a date (YYYY-MM-DD): %s\n", date ? date : "(none)");
        return -1;
    }
    if (days < 1)
        days = 1;
    char from[11], to[11];
    date_format(date_add_days(end, -(days - 1)), from);
    date_format(end, to);

    Arena arena;
    arena_init(&arena);
    StoreFilter f = {.from = from, .to = to, .limit = -1};
    StoreEvent *rows;
    int n;
    if (store_query_events(s, &f, &arena, &rows, &n) != 0) {
        arena_free(&arena);
        return -1;
    }
    Item *items = arena_alloc(&arena, sizeof *items * (size_t)(n ? n : 1));
    long killed = 0;
    int disputed = 0, ground = 0, kept = 0;
    for (int i = 0; i < n; i++) {
        bool found = false;
        Item *it = &items[kept];
        if (store_event_detail(s, rows[i].id, &arena, &it->d, &found) != 0) {
            arena_free(&arena);
            return -1;
        }
        /* Gone since the listing (a concurrent ingest re-fused it): the
         * detail was not filled in, so leave it out. */
        if (!found)
            continue;
        kept++;
        const StoreEvent *e = &it->d.event;
        it->admin1 = e->has_place && e->place.admin1 ? e->place.admin1 : "";
        killed += e->fatalities.present ? e->fatalities.best : 0;
        disputed += e->certainty && !strcmp(e->certainty, "disputed");
        ground += is_territory(e);
    }
    n = kept;
    qsort(items, (size_t)n, sizeof *items, by_admin1_then_date);

    fprintf(out, "SITUATION REPORT  %s", to);
    if (days > 1)
        fprintf(out, "  (%d days from %s)", days, from);
    fprintf(out,
            "\n\n%d event%s, %ld killed by best estimates, %d change%s of ground,"
            " %d disputed.\n",
            n, n == 1 ? "" : "s", killed, ground, ground == 1 ? "" : "s", disputed);
    if (n == 0)
        fprintf(out, "Nothing reported in this period.\n");

    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && !strcmp(items[j].admin1, items[i].admin1))
            j++;
        const char *name = *items[i].admin1 ? admin1_name(items[i].admin1) : NULL;
        fprintf(out, "\n== %s%s%s%s (%d event%s)\n",
                name               ? name
                : *items[i].admin1 ? items[i].admin1
                                   : "Place unknown",
                *items[i].admin1 ? " [" : "", items[i].admin1, *items[i].admin1 ? "]" : "", j - i,
                j - i == 1 ? "" : "s");
        bool header = false;
        for (int k = i; k < j; k++)
            if (is_territory(&items[k].d.event)) {
                if (!header)
                    fprintf(out, "Ground gained and lost:\n");
                header = true;
                ground_line(out, &items[k].d);
            }
        header = false;
        for (int k = i; k < j; k++)
            if (!is_territory(&items[k].d.event)) {
                if (!header)
                    fprintf(out, "What happened:\n");
                header = true;
                event_line(out, &items[k].d);
            }
        header = false;
        for (int k = i; k < j; k++)
            if (items[k].d.event.certainty && !strcmp(items[k].d.event.certainty, "disputed")) {
                if (!header)
                    fprintf(out, "Disputed:\n");
                header = true;
                dispute_line(out, &items[k].d);
            }
        i = j;
    }
    arena_free(&arena);
    if (fflush(out) != 0 || ferror(out)) {
        fprintf(stderr, "sitrep report: write error\n");
        return -1;
    }
    return 0;
}
