/*
 * output.c — events in the output contract of DESIGN.md: one JSON object per
 * line for machines, one tab-separated line for people.
 */
#include "extract.h"

#include <math.h>
#include <string.h>

const char *certainty_name(Certainty c)
{
    switch (c) {
    case CERTAINTY_REPORTED: return "reported";
    case CERTAINTY_CLAIMED: return "claimed";
    case CERTAINTY_UNCONFIRMED: return "unconfirmed";
    case CERTAINTY_DISPUTED: return "disputed";
    case CERTAINTY_DENIED: return "denied";
    }
    return "reported";
}

static void write_key(Buffer *out, const char *key, bool *first)
{
    if (!*first)
        buffer_append_char(out, ',');
    *first = false;
    json_write_cstr(out, key);
    buffer_append_char(out, ':');
}

static void write_number(Buffer *out, double v)
{
    if (!isfinite(v))
        buffer_append_str(out, "null");
    else
        buffer_printf(out, "%.5f", v);
}

static void write_actor(Buffer *out, bool has, const EventActor *a)
{
    if (!has || !a->name) {
        buffer_append_str(out, "null");
        return;
    }
    buffer_append_str(out, "{\"name\":");
    json_write_cstr(out, a->name);
    buffer_append_str(out, ",\"side\":");
    json_write_cstr(out, side_name(a->side));
    buffer_append_char(out, '}');
}

static void write_place(Buffer *out, const EventPlace *p)
{
    bool first = true;
    buffer_append_char(out, '{');
    write_key(out, "name", &first);
    json_write_cstr(out, p->name);
    write_key(out, "admin1_code", &first);
    json_write_cstr(out, p->admin1 && *p->admin1 ? p->admin1 : NULL);
    write_key(out, "country", &first);
    json_write_cstr(out, p->country && *p->country ? p->country : NULL);
    write_key(out, "lat", &first);
    if (p->place >= 0 || p->lat != 0 || p->lon != 0)
        write_number(out, p->lat);
    else
        buffer_append_str(out, "null");
    write_key(out, "lon", &first);
    if (p->place >= 0 || p->lat != 0 || p->lon != 0)
        write_number(out, p->lon);
    else
        buffer_append_str(out, "null");
    write_key(out, "precision", &first);
    json_write_cstr(out, p->precision);
    if (p->relation) {
        write_key(out, "relation", &first);
        json_write_cstr(out, p->relation);
    }
    buffer_append_char(out, '}');
}

static void write_range(Buffer *out, const Range *r)
{
    if (!r->present) {
        buffer_append_str(out, "null");
        return;
    }
    buffer_printf(out, "{\"low\":%ld,\"best\":%ld,\"high\":%ld}", r->low, r->best, r->high);
}

void event_write_json(Buffer *out, const Event *ev)
{
    bool first = true;
    char date[11];
    buffer_append_char(out, '{');
    write_key(out, "doc_id", &first);
    json_write_cstr(out, ev->doc_id);
    write_key(out, "article", &first);
    buffer_printf(out, "%d", ev->article);
    write_key(out, "primary", &first);
    buffer_append_str(out, ev->primary ? "true" : "false");
    write_key(out, "event_type", &first);
    json_write_cstr(out, ev->event_type);
    write_key(out, "sub_event_type", &first);
    json_write_cstr(out, ev->sub_event_type);
    bool dated = ev->date_precision != PRECISION_NONE && date_valid(ev->date);
    write_key(out, "date", &first);
    json_write_cstr(out, dated ? date_format(ev->date, date) : NULL);
    write_key(out, "date_precision", &first);
    json_write_cstr(out, dated ? date_precision_name(ev->date_precision) : NULL);
    write_key(out, "actor1", &first);
    write_actor(out, ev->has_actor1, &ev->actor1);
    write_key(out, "actor2", &first);
    write_actor(out, ev->has_actor2, &ev->actor2);
    write_key(out, "place", &first);
    if (ev->has_place)
        write_place(out, &ev->place);
    else
        buffer_append_str(out, "null");
    write_key(out, "places", &first);
    buffer_append_char(out, '[');
    for (int i = 0; i < ev->place_count; i++) {
        if (i)
            buffer_append_char(out, ',');
        write_place(out, &ev->places[i]);
    }
    buffer_append_char(out, ']');
    write_key(out, "fatalities", &first);
    write_range(out, &ev->fatalities);
    write_key(out, "injured", &first);
    write_range(out, &ev->injured);
    write_key(out, "claims", &first);
    buffer_append_char(out, '[');
    for (int i = 0; i < ev->claim_count; i++) {
        const Claim *c = &ev->claims[i];
        bool cf = true;
        if (i)
            buffer_append_char(out, ',');
        buffer_append_char(out, '{');
        write_key(out, "claimant", &cf);
        json_write_cstr(out, c->claimant);
        if (c->fatalities.present) {
            write_key(out, "fatalities", &cf);
            write_range(out, &c->fatalities);
        }
        write_key(out, "text", &cf);
        json_write_cstr(out, c->text);
        buffer_append_char(out, '}');
    }
    buffer_append_char(out, ']');
    write_key(out, "certainty", &first);
    json_write_cstr(out, certainty_name(ev->certainty));
    write_key(out, "outlet", &first);
    json_write_cstr(out, ev->outlet);
    write_key(out, "evidence", &first);
    buffer_append_str(out, "{\"text\":");
    json_write_cstr(out, ev->evidence_text);
    buffer_printf(out, ",\"start\":%zu,\"end\":%zu}", ev->evidence.start, ev->evidence.end);
    buffer_append_char(out, '}');
}

/* A field for the TSV line: tabs and newlines would break the columns. */
static void tsv_field(Buffer *out, const char *s, size_t max)
{
    if (!s || !*s) {
        buffer_append_char(out, '-');
        return;
    }
    size_t n = strlen(s);
    bool cut = n > max;
    if (cut) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* do not cut inside a UTF-8 sequence */
    }
    for (size_t i = 0; i < n; i++)
        buffer_append_char(out, s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i]);
    if (cut)
        buffer_append_str(out, "…");
}

void event_write_tsv(Buffer *out, const Event *ev)
{
    char date[11];
    bool dated = ev->date_precision != PRECISION_NONE && date_valid(ev->date);
    tsv_field(out, ev->doc_id, 40);
    buffer_printf(out, "\t%d%s\t", ev->article, ev->primary ? "*" : "");
    tsv_field(out, dated ? date_format(ev->date, date) : NULL, 10);
    buffer_append_char(out, '\t');
    tsv_field(out, ev->sub_event_type, 40);
    buffer_append_char(out, '\t');
    if (ev->has_place) {
        tsv_field(out, ev->place.name, 40);
        if (ev->place.admin1 && *ev->place.admin1)
            buffer_printf(out, " (%s)", ev->place.admin1);
        if (ev->place_count > 1)
            buffer_printf(out, " +%d", ev->place_count - 1);
    } else {
        buffer_append_char(out, '-');
    }
    buffer_append_char(out, '\t');
    if (ev->has_actor1)
        buffer_printf(out, "%s", side_name(ev->actor1.side));
    else
        buffer_append_char(out, '-');
    buffer_append_str(out, " > ");
    if (ev->has_actor2)
        buffer_printf(out, "%s", side_name(ev->actor2.side));
    else
        buffer_append_char(out, '-');
    buffer_append_char(out, '\t');
    if (ev->fatalities.present)
        buffer_printf(out, "%ld-%ld", ev->fatalities.low, ev->fatalities.high);
    else
        buffer_append_char(out, '-');
    buffer_append_char(out, '\t');
    buffer_append_str(out, certainty_name(ev->certainty));
    buffer_append_char(out, '\t');
    tsv_field(out, ev->evidence_text, 120);
}
