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

/* Appends again the len bytes written earlier at out->data[from..]: an
 * event repeats whole values (its place as the first of its places, its
 * evidence sentence as a claim's text), and copying the finished JSON
 * costs less than escaping the same text twice. Room is made first, so
 * that the source has moved with the buffer when it is read. */
static void out_repeat(Buffer *out, size_t from, size_t len)
{
    if (len >= out->cap - out->len)
        buffer_reserve(out, len);
    memcpy(out->data + out->len, out->data + from, len);
    out->len += len;
    out->data[out->len] = '\0';
}

/* A string of known length: json_write_cstr() without its strlen(). */
static inline void write_string_n(Buffer *out, const char *s, size_t n)
{
    if (!s)
        APPEND_LITERAL(out, "null");
    else
        json_write_string(out, s, n);
}

/* json_write_cstr(), inlined: a dozen strings are written per event. */
static inline void write_cstr(Buffer *out, const char *s)
{
    if (!s)
        APPEND_LITERAL(out, "null");
    else
        json_write_string(out, s, strlen(s));
}

/* Same text, or both absent. */
static bool same_string(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Would write_place() write the same bytes for both? The coordinates are
 * compared by their bits (0.0 and -0.0 print differently). */
static bool same_place(const EventPlace *a, const EventPlace *b)
{
    return a->place == b->place && memcmp(&a->lat, &b->lat, sizeof a->lat) == 0 &&
           memcmp(&a->lon, &b->lon, sizeof a->lon) == 0 && same_string(a->name, b->name) &&
           same_string(a->admin1, b->admin1) && same_string(a->country, b->country) &&
           same_string(a->precision, b->precision) && same_string(a->relation, b->relation);
}

/* certainty_name() as a JSON value: fixed names need no escaping. */
static void write_certainty(Buffer *out, Certainty c)
{
    switch (c) {
    case CERTAINTY_CLAIMED:
        APPEND_LITERAL(out, "\"claimed\"");
        return;
    case CERTAINTY_UNCONFIRMED:
        APPEND_LITERAL(out, "\"unconfirmed\"");
        return;
    case CERTAINTY_DISPUTED:
        APPEND_LITERAL(out, "\"disputed\"");
        return;
    case CERTAINTY_DENIED:
        APPEND_LITERAL(out, "\"denied\"");
        return;
    case CERTAINTY_REPORTED:
        break;
    }
    APPEND_LITERAL(out, "\"reported\"");
}

/* "00" … "99": numbers are written two digits per division, which halves
 * the chain of divisions a digit at a time would make. */
static const char digit_pairs[201] = "00010203040506070809"
                                     "10111213141516171819"
                                     "20212223242526272829"
                                     "30313233343536373839"
                                     "40414243444546474849"
                                     "50515253545556575859"
                                     "60616263646566676869"
                                     "70717273747576777879"
                                     "80818283848586878889"
                                     "90919293949596979899";

/* Decimal digits of v; returns the length written to the end of buf[24]. */
static size_t format_unsigned(unsigned long long v, char buf[24], size_t *start)
{
    size_t i = 24;
    while (v >= 100) {
        unsigned pair = (unsigned)(v % 100);
        v /= 100;
        i -= 2;
        memcpy(buf + i, digit_pairs + 2 * pair, 2);
    }
    if (v >= 10) {
        i -= 2;
        memcpy(buf + i, digit_pairs + 2 * v, 2);
    } else {
        buf[--i] = (char)('0' + v);
    }
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
        /* scaled >= 0 and < 2^27: the conversion is floor() and exact */
        unsigned long long whole = (unsigned long long)scaled;
        double frac = scaled - (double)whole;
        if (fabs(frac - 0.5) > 1e-6) {
            unsigned long long r = whole + (frac > 0.5);
            /* "-" "ddd" "." "ddddd": the integer part has 1 to 4 digits
             * (999.999995 rounds up to 1000.00000) */
            char buf[16];
            size_t k = 0;
            if (signbit(v))
                buf[k++] = '-';
            unsigned ip = (unsigned)(r / 100000), f = (unsigned)(r % 100000);
            if (ip >= 1000)
                buf[k++] = (char)('0' + ip / 1000);
            if (ip >= 100)
                buf[k++] = (char)('0' + ip / 100 % 10);
            if (ip >= 10)
                buf[k++] = (char)('0' + ip / 10 % 10);
            buf[k++] = (char)('0' + ip % 10);
            buf[k++] = '.';
            memcpy(buf + k, digit_pairs + 2 * (f / 1000), 2);
            memcpy(buf + k + 2, digit_pairs + 2 * (f / 10 % 100), 2);
            buf[k + 4] = (char)('0' + f % 10);
            out_bytes(out, buf, k + 5);
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
    write_cstr(out, a->name);
    APPEND_LITERAL(out, ",\"side\":");
    write_cstr(out, side_name(a->side));
    out_char(out, '}');
}

static void write_place(Buffer *out, const EventPlace *p)
{
    bool first = true;
    out_char(out, '{');
    WRITE_KEY(out, "name", &first);
    write_cstr(out, p->name);
    WRITE_KEY(out, "admin1_code", &first);
    write_cstr(out, p->admin1 && *p->admin1 ? p->admin1 : NULL);
    WRITE_KEY(out, "country", &first);
    write_cstr(out, p->country && *p->country ? p->country : NULL);
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
    write_cstr(out, p->precision);
    if (p->relation) {
        WRITE_KEY(out, "relation", &first);
        write_cstr(out, p->relation);
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
    write_cstr(out, ev->doc_id);
    WRITE_KEY(out, "article", &first);
    write_long(out, ev->article);
    WRITE_KEY(out, "primary", &first);
    if (ev->primary)
        APPEND_LITERAL(out, "true");
    else
        APPEND_LITERAL(out, "false");
    WRITE_KEY(out, "event_type", &first);
    write_cstr(out, ev->event_type);
    WRITE_KEY(out, "sub_event_type", &first);
    write_cstr(out, ev->sub_event_type);
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
    write_cstr(out, dated ? date_precision_name(ev->date_precision) : NULL);
    WRITE_KEY(out, "actor1", &first);
    write_actor(out, ev->has_actor1, &ev->actor1);
    WRITE_KEY(out, "actor2", &first);
    write_actor(out, ev->has_actor2, &ev->actor2);
    WRITE_KEY(out, "place", &first);
    size_t place_at = out->len;
    if (ev->has_place)
        write_place(out, &ev->place);
    else
        APPEND_LITERAL(out, "null");
    size_t place_len = out->len - place_at;
    WRITE_KEY(out, "places", &first);
    out_char(out, '[');
    for (int i = 0; i < ev->place_count; i++) {
        if (i)
            out_char(out, ',');
        /* The event's place is most often the first of its places. */
        if (i == 0 && ev->has_place && same_place(&ev->place, &ev->places[0]))
            out_repeat(out, place_at, place_len);
        else
            write_place(out, &ev->places[i]);
    }
    out_char(out, ']');
    WRITE_KEY(out, "fatalities", &first);
    write_range(out, &ev->fatalities);
    WRITE_KEY(out, "injured", &first);
    write_range(out, &ev->injured);
    /* A claim's text is most often the evidence sentence itself: the one
     * that is, written first, is copied for the evidence. */
    size_t evidence_len = ev->evidence_text ? strlen(ev->evidence_text) : 0;
    size_t evidence_at = 0, evidence_written = 0; /* 0: not written yet */
    WRITE_KEY(out, "claims", &first);
    out_char(out, '[');
    for (int i = 0; i < ev->claim_count; i++) {
        const Claim *c = &ev->claims[i];
        bool cf = true;
        if (i)
            out_char(out, ',');
        out_char(out, '{');
        WRITE_KEY(out, "claimant", &cf);
        write_cstr(out, c->claimant);
        if (c->fatalities.present) {
            WRITE_KEY(out, "fatalities", &cf);
            write_range(out, &c->fatalities);
        }
        WRITE_KEY(out, "text", &cf);
        if (!c->text) {
            APPEND_LITERAL(out, "null");
        } else {
            size_t n = strlen(c->text);
            size_t at = out->len;
            json_write_string(out, c->text, n);
            if (!evidence_written && ev->evidence_text && n == evidence_len &&
                memcmp(c->text, ev->evidence_text, n) == 0) {
                evidence_at = at;
                evidence_written = out->len - at;
            }
        }
        out_char(out, '}');
    }
    out_char(out, ']');
    WRITE_KEY(out, "certainty", &first);
    write_certainty(out, ev->certainty);
    WRITE_KEY(out, "outlet", &first);
    write_cstr(out, ev->outlet);
    WRITE_KEY(out, "evidence", &first);
    APPEND_LITERAL(out, "{\"text\":");
    if (evidence_written)
        out_repeat(out, evidence_at, evidence_written);
    else
        write_string_n(out, ev->evidence_text, evidence_len);
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
