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
    case CERTAINTY_REPORTED:
        return "reported";
    case CERTAINTY_CLAIMED:
        return "claimed";
    case CERTAINTY_UNCONFIRMED:
        return "unconfirmed";
    case CERTAINTY_DISPUTED:
        return "disputed";
    case CERTAINTY_DENIED:
        return "denied";
    }
    return "reported";
}

/* The JSON writer runs for every event of every page (the output is
 * several times the size of the input), so keys are written as literals
 * and numbers without printf; the bytes are those printf would write. */

/* buffer_append() and buffer_append_char() inlined: the writer makes
 * dozens of small appends per event, most of them literals whose memcpy
 * the compiler turns into a few moves, so the call itself was the cost. */
static inline void out_bytes(Buffer *out, const char *s, size_t n)
{
    if (n >= out->cap - out->len) /* room for n bytes and the NUL? */
        buffer_reserve(out, n);
    memcpy(out->data + out->len, s, n);
    out->len += n;
    out->data[out->len] = '\0';
}

static inline void out_char(Buffer *out, char c)
{
    if (1 >= out->cap - out->len)
        buffer_reserve(out, 1);
    out->data[out->len++] = c;
    out->data[out->len] = '\0';
}

/* Appends a literal: its length is known at compile time. */
#define APPEND_LITERAL(out, lit) out_bytes((out), (lit), sizeof(lit) - 1)

/* ,"key": (the comma unless first). Keys are plain ASCII: no escapes. */
#define WRITE_KEY(out, lit, first)                                                                 \
    do {                                                                                           \
        if (*(first))                                                                              \
            APPEND_LITERAL(out, "\"" lit "\":");                                                   \
        else                                                                                       \
            APPEND_LITERAL(out, ",\"" lit "\":");                                                  \
        *(first) = false;                                                                          \
    } while (0)

/* Decimal digits of v; returns the length written to the end of buf[24]. */
static size_t format_unsigned(unsigned long long v, char buf[24], size_t *start)
{
    size_t i = 24;
    do {
        buf[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    *start = i;
    return 24 - i;
}

/* printf's %ld / %d / %zu. */
static void write_long(Buffer *out, long v)
{
    char buf[24];
    size_t start;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    size_t n = format_unsigned(u, buf, &start);
    if (v < 0)
        out_char(out, '-');
    out_bytes(out, buf + start, n);
}

static void write_size(Buffer *out, size_t v)
{
    char buf[24];
    size_t start;
    size_t n = format_unsigned(v, buf, &start);
    out_bytes(out, buf + start, n);
}

/* printf's %.5f. Coordinates (|v| < 1000) are scaled and rounded in
 * integers; a value whose scaled fraction is too near one half for the
 * product's rounding error to be ruled out, and every other value, goes
 * to printf, which rounds the exact binary value. */
static void write_number(Buffer *out, double v)
{
    if (!isfinite(v)) {
        APPEND_LITERAL(out, "null");
        return;
    }
    double a = fabs(v);
    if (a < 1000) {
        double scaled = a * 1e5; /* < 2^27: the product is off by < 2^-26 */
        double frac = scaled - floor(scaled);
        if (fabs(frac - 0.5) > 1e-6) {
            unsigned long long r = (unsigned long long)floor(scaled) + (frac > 0.5);
            char buf[24];
            size_t start;
            size_t n = format_unsigned(r / 100000, buf, &start);
            if (signbit(v))
                out_char(out, '-');
            out_bytes(out, buf + start, n);
            char dec[6] = {'.'};
            unsigned long long f = r % 100000;
            for (int k = 5; k >= 1; k--) {
                dec[k] = (char)('0' + f % 10);
                f /= 10;
            }
            out_bytes(out, dec, 6);
            return;
        }
    }
    buffer_printf(out, "%.5f", v);
}

static void write_actor(Buffer *out, bool has, const EventActor *a)
{
    if (!has || !a->name) {
        APPEND_LITERAL(out, "null");
        return;
    }
    APPEND_LITERAL(out, "{\"name\":");
    json_write_cstr(out, a->name);
    APPEND_LITERAL(out, ",\"side\":");
    json_write_cstr(out, side_name(a->side));
    out_char(out, '}');
}

static void write_place(Buffer *out, const EventPlace *p)
{
    bool first = true;
    out_char(out, '{');
    WRITE_KEY(out, "name", &first);
    json_write_cstr(out, p->name);
    WRITE_KEY(out, "admin1_code", &first);
    json_write_cstr(out, p->admin1 && *p->admin1 ? p->admin1 : NULL);
    WRITE_KEY(out, "country", &first);
    json_write_cstr(out, p->country && *p->country ? p->country : NULL);
    WRITE_KEY(out, "lat", &first);
    if (p->place >= 0 || p->lat != 0 || p->lon != 0)
        write_number(out, p->lat);
    else
        APPEND_LITERAL(out, "null");
    WRITE_KEY(out, "lon", &first);
    if (p->place >= 0 || p->lat != 0 || p->lon != 0)
        write_number(out, p->lon);
    else
        APPEND_LITERAL(out, "null");
    WRITE_KEY(out, "precision", &first);
    json_write_cstr(out, p->precision);
    if (p->relation) {
        WRITE_KEY(out, "relation", &first);
        json_write_cstr(out, p->relation);
    }
    out_char(out, '}');
}

static void write_range(Buffer *out, const Range *r)
{
    if (!r->present) {
        APPEND_LITERAL(out, "null");
        return;
    }
    APPEND_LITERAL(out, "{\"low\":");
    write_long(out, r->low);
    APPEND_LITERAL(out, ",\"best\":");
    write_long(out, r->best);
    APPEND_LITERAL(out, ",\"high\":");
    write_long(out, r->high);
    out_char(out, '}');
}

void event_write_json(Buffer *out, const Event *ev)
{
    bool first = true;
    char date[13]; /* "YYYY-MM-DD" with its quotes, and the NUL */
    out_char(out, '{');
    WRITE_KEY(out, "doc_id", &first);
    json_write_cstr(out, ev->doc_id);
    WRITE_KEY(out, "article", &first);
    write_long(out, ev->article);
    WRITE_KEY(out, "primary", &first);
    if (ev->primary)
        APPEND_LITERAL(out, "true");
    else
        APPEND_LITERAL(out, "false");
    WRITE_KEY(out, "event_type", &first);
    json_write_cstr(out, ev->event_type);
    WRITE_KEY(out, "sub_event_type", &first);
    json_write_cstr(out, ev->sub_event_type);
    bool dated = ev->date_precision != PRECISION_NONE && date_valid(ev->date);
    WRITE_KEY(out, "date", &first);
    if (dated) {
        /* digits and dashes: nothing to escape */
        size_t n = strlen(date_format(ev->date, date + 1));
        date[0] = '"';
        date[n + 1] = '"';
        out_bytes(out, date, n + 2);
    } else {
        APPEND_LITERAL(out, "null");
    }
    WRITE_KEY(out, "date_precision", &first);
    json_write_cstr(out, dated ? date_precision_name(ev->date_precision) : NULL);
    WRITE_KEY(out, "actor1", &first);
    write_actor(out, ev->has_actor1, &ev->actor1);
    WRITE_KEY(out, "actor2", &first);
    write_actor(out, ev->has_actor2, &ev->actor2);
    WRITE_KEY(out, "place", &first);
    if (ev->has_place)
        write_place(out, &ev->place);
    else
        APPEND_LITERAL(out, "null");
    WRITE_KEY(out, "places", &first);
    out_char(out, '[');
    for (int i = 0; i < ev->place_count; i++) {
        if (i)
            out_char(out, ',');
        write_place(out, &ev->places[i]);
    }
    out_char(out, ']');
    WRITE_KEY(out, "fatalities", &first);
    write_range(out, &ev->fatalities);
    WRITE_KEY(out, "injured", &first);
    write_range(out, &ev->injured);
    WRITE_KEY(out, "claims", &first);
    out_char(out, '[');
    for (int i = 0; i < ev->claim_count; i++) {
        const Claim *c = &ev->claims[i];
        bool cf = true;
        if (i)
            out_char(out, ',');
        out_char(out, '{');
        WRITE_KEY(out, "claimant", &cf);
        json_write_cstr(out, c->claimant);
        if (c->fatalities.present) {
            WRITE_KEY(out, "fatalities", &cf);
            write_range(out, &c->fatalities);
        }
        WRITE_KEY(out, "text", &cf);
        json_write_cstr(out, c->text);
        out_char(out, '}');
    }
    out_char(out, ']');
    WRITE_KEY(out, "certainty", &first);
    json_write_cstr(out, certainty_name(ev->certainty));
    WRITE_KEY(out, "outlet", &first);
    json_write_cstr(out, ev->outlet);
    WRITE_KEY(out, "evidence", &first);
    APPEND_LITERAL(out, "{\"text\":");
    json_write_cstr(out, ev->evidence_text);
    APPEND_LITERAL(out, ",\"start\":");
    write_size(out, ev->evidence.start);
    APPEND_LITERAL(out, ",\"end\":");
    write_size(out, ev->evidence.end);
    out_char(out, '}');
    out_char(out, '}');
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
