/*
 * json.c — the store's rows as JSON objects (the `--format jsonl` output
 * and the HTTP API's bodies). Field names follow DESIGN.md's extract
 * contract where the meaning is the same (place.admin1_code, actor.side).
 */
#include "internal.h"

static void key(Buffer *b, const char *k, bool first)
{
    if (!first)
        buffer_append_char(b, ',');
    json_write_cstr(b, k);
    buffer_append_char(b, ':');
}

static void str_field(Buffer *b, const char *k, const char *v, bool first)
{
    key(b, k, first);
    json_write_cstr(b, v);
}

static void long_field(Buffer *b, const char *k, long v)
{
    key(b, k, false);
    buffer_printf(b, "%ld", v);
}

static void range_field(Buffer *b, const char *k, const StoreRange *r)
{
    key(b, k, false);
    if (!r->present) {
        buffer_append_str(b, "null");
        return;
    }
    buffer_printf(b, "{\"low\":%ld,\"best\":%ld,\"high\":%ld}", r->low, r->best, r->high);
}

static void actor_field(Buffer *b, const char *k, const char *name, const char *side)
{
    key(b, k, false);
    if (!name && (!side || !strcmp(side, "unknown"))) {
        buffer_append_str(b, "null");
        return;
    }
    buffer_append_str(b, "{\"name\":");
    json_write_cstr(b, name);
    buffer_append_str(b, ",\"side\":");
    json_write_cstr(b, side ? side : "unknown");
    buffer_append_char(b, '}');
}

static void place_object(Buffer *b, const StorePlace *p)
{
    buffer_append_str(b, "{\"id\":");
    buffer_printf(b, "%ld", p->id);
    str_field(b, "name", p->name, false);
    str_field(b, "admin1_code", p->admin1 && *p->admin1 ? p->admin1 : NULL, false);
    str_field(b, "country", p->country && *p->country ? p->country : NULL, false);
    if (p->has_coords)
        buffer_printf(b, ",\"lat\":%.5f,\"lon\":%.5f", p->lat, p->lon);
    else
        buffer_append_str(b, ",\"lat\":null,\"lon\":null");
    str_field(b, "precision", p->precision, false);
    buffer_append_char(b, '}');
}

static void event_fields(Buffer *b, const StoreEvent *e)
{
    buffer_printf(b, "\"id\":%ld", e->id);
    str_field(b, "event_type", e->event_type, false);
    str_field(b, "sub_event_type", e->sub_event_type, false);
    str_field(b, "date", e->date, false);
    str_field(b, "date_precision", e->date_precision, false);
    actor_field(b, "actor1", e->actor1, e->side1);
    actor_field(b, "actor2", e->actor2, e->side2);
    key(b, "place", false);
    if (e->has_place)
        place_object(b, &e->place);
    else
        buffer_append_str(b, "null");
    range_field(b, "fatalities", &e->fatalities);
    str_field(b, "certainty", e->certainty, false);
    long_field(b, "reports", e->report_count);
    long_field(b, "sources", e->source_count);
    key(b, "outlets", false);
    buffer_append_char(b, '[');
    for (int i = 0; i < e->outlet_count; i++) {
        if (i)
            buffer_append_char(b, ',');
        json_write_cstr(b, e->outlets[i]);
    }
    buffer_append_char(b, ']');
    str_field(b, "first_report", e->first_report, false);
    str_field(b, "last_report", e->last_report, false);
    str_field(b, "notes", e->notes, false);
}

void store_event_json(Buffer *b, const StoreEvent *e)
{
    buffer_append_char(b, '{');
    event_fields(b, e);
    buffer_append_char(b, '}');
}

void store_event_detail_json(Buffer *b, const StoreEventDetail *d)
{
    buffer_append_char(b, '{');
    event_fields(b, &d->event);
    key(b, "places", false);
    buffer_append_char(b, '[');
    for (int i = 0; i < d->place_count; i++) {
        if (i)
            buffer_append_char(b, ',');
        place_object(b, &d->places[i]);
    }
    buffer_append_str(b, "],\"claims\":[");
    /* Every claim of every report, with its outlet: who said what. */
    bool first = true;
    for (int i = 0; i < d->report_count; i++) {
        const StoreReport *r = &d->reports[i];
        for (int j = 0; j < r->claim_count; j++) {
            const StoreClaim *c = &r->claims[j];
            if (!first)
                buffer_append_char(b, ',');
            first = false;
            buffer_printf(b, "{\"report\":%ld", r->id);
            str_field(b, "claimant", c->claimant, false);
            range_field(b, "fatalities", &c->fatalities);
            str_field(b, "outlet", r->outlet, false);
            str_field(b, "text", c->text, false);
            buffer_append_char(b, '}');
        }
    }
    buffer_append_str(b, "],\"report_list\":[");
    for (int i = 0; i < d->report_count; i++) {
        const StoreReport *r = &d->reports[i];
        if (i)
            buffer_append_char(b, ',');
        buffer_printf(b, "{\"id\":%ld", r->id);
        str_field(b, "doc_id", r->doc_id, false);
        long_field(b, "article", r->article);
        str_field(b, "title", r->article_title, false);
        str_field(b, "published", r->published, false);
        str_field(b, "outlet", r->outlet, false);
        str_field(b, "url", r->url, false);
        str_field(b, "certainty", r->certainty, false);
        range_field(b, "fatalities", &r->fatalities);
        key(b, "contradicted", false);
        buffer_append_str(b, r->contradicted ? "true" : "false");
        key(b, "evidence", false);
        buffer_append_str(b, "{\"text\":");
        json_write_cstr(b, r->evidence);
        buffer_printf(b, ",\"start\":%ld,\"end\":%ld}}", r->evidence_start, r->evidence_end);
    }
    buffer_append_str(b, "]}");
}

void store_timeline_json(Buffer *b, const StoreTimeline *t)
{
    buffer_append_str(b, "{\"place\":");
    place_object(b, &t->place);
    buffer_append_str(b, ",\"periods\":[");
    for (int i = 0; i < t->period_count; i++) {
        const StoreControlPeriod *p = &t->periods[i];
        if (i)
            buffer_append_char(b, ',');
        buffer_append_char(b, '{');
        str_field(b, "holder_side", p->holder_side, true);
        str_field(b, "holder_actor", p->holder_actor, false);
        str_field(b, "from", p->from, false);
        str_field(b, "to", p->to, false);
        str_field(b, "status", p->status, false);
        buffer_append_str(b, ",\"evidence\":[");
        for (int j = 0; j < p->evidence_count; j++)
            buffer_printf(b, "%s%ld", j ? "," : "", p->evidence[j]);
        buffer_append_str(b, "]}");
    }
    buffer_append_str(b, "]}");
}

void store_control_json(Buffer *b, const StoreControl *c)
{
    buffer_append_str(b, "{\"place\":");
    place_object(b, &c->place);
    str_field(b, "holder_side", c->holder_side, false);
    str_field(b, "holder_actor", c->holder_actor, false);
    str_field(b, "since", c->since, false);
    str_field(b, "status", c->status, false);
    key(b, "evidence", false);
    if (c->evidence)
        buffer_printf(b, "%ld", c->evidence);
    else
        buffer_append_str(b, "null");
    buffer_append_char(b, '}');
}

void store_outlet_stats_json(Buffer *b, const StoreOutletStats *o)
{
    buffer_append_char(b, '{');
    str_field(b, "outlet", o->outlet, true);
    long_field(b, "reports", o->reports);
    long_field(b, "events", o->events);
    long_field(b, "contradicted", o->contradicted);
    long_field(b, "corroborated", o->corroborated);
    buffer_append_char(b, '}');
}

void store_counts_json(Buffer *b, const StoreCounts *c)
{
    buffer_printf(b,
                  "{\"documents\":%ld,\"articles\":%ld,\"sentences\":%ld,"
                  "\"reports\":%ld,\"events\":%ld,\"claims\":%ld,\"places\":%ld,"
                  "\"actors\":%ld,\"control_changes\":%ld}",
                  c->documents, c->articles, c->sentences, c->reports, c->events, c->claims,
                  c->places, c->actors, c->control_changes);
}
