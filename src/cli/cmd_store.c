/*
 * cmd_store.c — the commands that read the store: `events`, `event`,
 * `timeline`, `control`, `sources`, `report` and `export`. Each is a thin
 * layer: parse options, open the store, run one query, print rows as text
 * for people or as JSON Lines (--format jsonl) for machines.
 */
#include "../export/export.h"
#include "../store/store.h"
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Options {
    const char *db;
    bool jsonl;
    StoreFilter filter;
    const char *date;
    const char *admin1;
    const char *output;
    const char *export_format;
    const char *control_date;
    int days;
    const char *positional[4];
    int positional_count;
} Options;

/* Options shared by the store commands; `allowed` lists the ones this
 * command takes (e.g. "db format from to"). Returns false after printing
 * a usage error. */
static bool parse_options(const char *cmd, const char *usage, const char *allowed, int argc,
                          char **argv, Options *o, bool *help)
{
    memset(o, 0, sizeof *o);
    o->db = "sitrep.db";
    o->days = 1;
    *help = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            printf("usage: %s\n", usage);
            *help = true;
            return false;
        }
        if (a[0] != '-' || a[1] == '\0') {
            if (o->positional_count == 4) {
                fprintf(stderr, "sitrep %s: too many arguments\nusage: %s\n", cmd, usage);
                return false;
            }
            o->positional[o->positional_count++] = a;
            continue;
        }
        const char *name = a[1] == '-' ? a + 2 : a + 1;
        if (!strcmp(a, "-o"))
            name = "output";
        /* "--" names nothing (and an empty name would match anywhere in
         * `allowed`). */
        if (!*name) {
            fprintf(stderr, "sitrep %s: unknown option '%s'\nusage: %s\n", cmd, a, usage);
            return false;
        }
        /* Is it one of this command's options? (word match in `allowed`) */
        size_t len = strlen(name);
        const char *hit = strstr(allowed, name);
        while (hit && ((hit != allowed && hit[-1] != ' ') || (hit[len] != ' ' && hit[len] != '\0')))
            hit = strstr(hit + 1, name);
        if (!hit || i + 1 >= argc) {
            fprintf(stderr, "sitrep %s: %s '%s'\nusage: %s\n", cmd,
                    hit ? "missing value for" : "unknown option", a, usage);
            return false;
        }
        const char *v = argv[++i];
        StoreFilter *f = &o->filter;
        /* Dates go to the store as text and compare as text: only a real
         * YYYY-MM-DD may reach it, as on the HTTP API. */
        Date day;
        if ((!strcmp(name, "from") || !strcmp(name, "to") || !strcmp(name, "date") ||
             !strcmp(name, "control-date")) &&
            !date_parse_iso(v, strlen(v), &day)) {
            fprintf(stderr, "sitrep %s: --%s wants a date as YYYY-MM-DD, not '%s'\nusage: %s\n",
                    cmd, name, v, usage);
            return false;
        }
        if (!strcmp(name, "db"))
            o->db = v;
        else if (!strcmp(name, "format")) {
            if (!strcmp(cmd, "export"))
                o->export_format = v;
            else if (!strcmp(v, "jsonl"))
                o->jsonl = true;
            else if (strcmp(v, "text") != 0) {
                fprintf(stderr, "sitrep %s: unknown format '%s' (text or jsonl)\nusage: %s\n", cmd,
                        v, usage);
                return false;
            }
        } else if (!strcmp(name, "from"))
            f->from = v;
        else if (!strcmp(name, "to"))
            f->to = v;
        else if (!strcmp(name, "place"))
            f->place = v;
        else if (!strcmp(name, "admin1"))
            f->admin1 = o->admin1 = v;
        else if (!strcmp(name, "side"))
            f->side = v;
        else if (!strcmp(name, "actor"))
            f->actor = v;
        else if (!strcmp(name, "type"))
            f->type = v;
        else if (!strcmp(name, "outlet"))
            f->outlet = v;
        else if (!strcmp(name, "text") || !strcmp(name, "q"))
            f->text = v;
        else if (!strcmp(name, "date"))
            o->date = v;
        else if (!strcmp(name, "control-date"))
            o->control_date = v;
        else if (!strcmp(name, "output"))
            o->output = v;
        else if (!strcmp(name, "limit") || !strcmp(name, "offset") || !strcmp(name, "days")) {
            char *end;
            errno = 0;
            long n = strtol(v, &end, 10);
            if (errno || end == v || *end || n < 0 ||
                (!strcmp(name, "days") && (n < 1 || n > 3660))) {
                fprintf(stderr, "sitrep %s: --%s wants a number, not '%s'\nusage: %s\n", cmd, name,
                        v, usage);
                return false;
            }
            if (!strcmp(name, "limit"))
                f->limit = n == 0 ? -1 : n;
            else if (!strcmp(name, "offset"))
                f->offset = n;
            else
                o->days = (int)n;
        }
    }
    return true;
}

static Store *open_store(const char *cmd, const char *path)
{
    char err[512];
    Store *s = store_open_existing(path, err, sizeof err);
    if (!s)
        fprintf(stderr, "sitrep %s: %s\n", cmd, err);
    return s;
}

static void flush_buffer(Buffer *b)
{
    fwrite(b->data, 1, b->len, stdout);
    buffer_clear(b);
}

static const char *or_dash(const char *s)
{
    return s && *s ? s : "-";
}

static void actor_text(Buffer *b, const char *actor, const char *side)
{
    if (actor)
        buffer_printf(b, "%s (%s)", actor, or_dash(side));
    else
        buffer_append_str(b, side && strcmp(side, "unknown") ? side : "?");
}

static void event_text(Buffer *b, const StoreEvent *e)
{
    buffer_printf(b, "%6ld  %-10s  %-34s  ", e->id, e->date ? e->date : "undated",
                  or_dash(e->sub_event_type));
    if (e->has_place)
        buffer_printf(b, "%s [%s]  ", e->place.name, or_dash(e->place.admin1));
    else
        buffer_append_str(b, "(no place)  ");
    actor_text(b, e->actor1, e->side1);
    if (e->actor2 || (e->side2 && strcmp(e->side2, "unknown"))) {
        buffer_append_str(b, " vs ");
        actor_text(b, e->actor2, e->side2);
    }
    if (e->fatalities.present) {
        if (e->fatalities.low == e->fatalities.high)
            buffer_printf(b, "  killed %ld", e->fatalities.best);
        else
            buffer_printf(b, "  killed %ld-%ld (best %ld)", e->fatalities.low, e->fatalities.high,
                          e->fatalities.best);
    }
    buffer_printf(b, "  [%d source%s%s%s]\n", e->source_count, e->source_count == 1 ? "" : "s",
                  e->certainty && strcmp(e->certainty, "reported") ? ", " : "",
                  e->certainty && strcmp(e->certainty, "reported") ? e->certainty : "");
}

#define EVENTS_USAGE                                                                               \
    "sitrep events [--from D] [--to D] [--place NAME] [--admin1 CODE]\n"                           \
    "         [--side SIDE] [--actor NAME] [--type TYPE] [--outlet NAME]\n"                        \
    "         [--text QUERY] [--limit N] [--offset N] [--format text|jsonl] [--db FILE]"

int cmd_events(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    Options o;
    bool help;
    if (!parse_options("events", EVENTS_USAGE,
                       "db format from to place admin1 side actor type outlet text q "
                       "limit offset",
                       argc, argv, &o, &help))
        return help ? EXIT_DONE : EXIT_USAGE;
    if (o.positional_count) {
        fprintf(stderr, "sitrep events: unexpected argument '%s'\nusage: %s\n", o.positional[0],
                EVENTS_USAGE);
        return EXIT_USAGE;
    }
    Store *s = open_store("events", o.db);
    if (!s)
        return EXIT_USAGE;
    Arena arena;
    arena_init(&arena);
    StoreEvent *rows;
    int n, rc = EXIT_DONE;
    if (store_query_events(s, &o.filter, &arena, &rows, &n) != 0) {
        fprintf(stderr, "sitrep events: %s\n", store_error(s));
        rc = EXIT_USAGE;
    } else {
        Buffer b;
        buffer_init(&b);
        for (int i = 0; i < n; i++) {
            if (o.jsonl) {
                store_event_json(&b, &rows[i]);
                buffer_append_char(&b, '\n');
            } else {
                event_text(&b, &rows[i]);
            }
            if (b.len > 1 << 16)
                flush_buffer(&b);
        }
        if (!o.jsonl && n == 0)
            fprintf(stderr, "sitrep events: no events match\n");
        flush_buffer(&b);
        buffer_free(&b);
    }
    arena_free(&arena);
    store_close(s);
    return cli_finish_stdout("events", rc);
}

static void range_text(Buffer *b, const StoreRange *r)
{
    if (!r->present)
        buffer_append_str(b, "-");
    else if (r->low == r->high)
        buffer_printf(b, "%ld", r->best);
    else
        buffer_printf(b, "%ld-%ld (best %ld)", r->low, r->high, r->best);
}

static void detail_text(Buffer *b, const StoreEventDetail *d)
{
    const StoreEvent *e = &d->event;
    buffer_printf(b, "event %ld: %s / %s\n", e->id, or_dash(e->event_type),
                  or_dash(e->sub_event_type));
    buffer_printf(b, "  date        %s (%s)\n", e->date ? e->date : "undated",
                  or_dash(e->date_precision));
    buffer_append_str(b, "  actor1      ");
    actor_text(b, e->actor1, e->side1);
    buffer_append_str(b, "\n  actor2      ");
    actor_text(b, e->actor2, e->side2);
    buffer_append_char(b, '\n');
    if (e->has_place) {
        buffer_printf(b, "  place       %s [%s] %s", e->place.name, or_dash(e->place.admin1),
                      or_dash(e->place.precision));
        if (e->place.has_coords)
            buffer_printf(b, " %.4f,%.4f", e->place.lat, e->place.lon);
        buffer_append_char(b, '\n');
    }
    for (int i = 0; i < d->place_count; i++)
        if (!e->has_place || d->places[i].id != e->place.id)
            buffer_printf(b, "  also named  %s [%s]\n", d->places[i].name,
                          or_dash(d->places[i].admin1));
    buffer_append_str(b, "  fatalities  ");
    range_text(b, &e->fatalities);
    buffer_printf(b, "\n  certainty   %s\n", or_dash(e->certainty));
    buffer_printf(b, "  reported    %s .. %s by %d source%s\n", or_dash(e->first_report),
                  or_dash(e->last_report), e->source_count, e->source_count == 1 ? "" : "s");
    for (int i = 0; i < d->report_count; i++) {
        const StoreReport *r = &d->reports[i];
        buffer_printf(b, "\n  report %ld: %s, %s #%d, %s%s%s\n", r->id, or_dash(r->outlet),
                      or_dash(r->doc_id), r->article, or_dash(r->published),
                      r->contradicted ? ", contradicted" : "",
                      r->certainty && strcmp(r->certainty, "reported") ? ", " : "");
        if (r->certainty && strcmp(r->certainty, "reported"))
            buffer_printf(b, "    (%s)\n", r->certainty);
        if (r->article_title)
            buffer_printf(b, "    title: %s\n", r->article_title);
        if (r->url)
            buffer_printf(b, "    url: %s\n", r->url);
        if (r->evidence)
            buffer_printf(b, "    \"%s\" [%ld-%ld]\n", r->evidence, r->evidence_start,
                          r->evidence_end);
        for (int j = 0; j < r->claim_count; j++) {
            const StoreClaim *c = &r->claims[j];
            buffer_printf(b, "    claim: %s", c->claimant ? c->claimant : "(unattributed)");
            if (c->fatalities.present) {
                buffer_append_str(b, ", killed ");
                range_text(b, &c->fatalities);
            }
            buffer_append_char(b, '\n');
            if (c->text && (!r->evidence || strcmp(c->text, r->evidence)))
                buffer_printf(b, "      \"%s\"\n", c->text);
        }
    }
}

#define EVENT_USAGE "sitrep event ID [--format text|jsonl] [--db FILE]"

int cmd_event(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    Options o;
    bool help;
    if (!parse_options("event", EVENT_USAGE, "db format", argc, argv, &o, &help))
        return help ? EXIT_DONE : EXIT_USAGE;
    char *end = NULL;
    errno = 0;
    long id = o.positional_count == 1 ? strtol(o.positional[0], &end, 10) : 0;
    if (o.positional_count != 1 || errno || *end || id <= 0) {
        fprintf(stderr, "usage: %s\n", EVENT_USAGE);
        return EXIT_USAGE;
    }
    Store *s = open_store("event", o.db);
    if (!s)
        return EXIT_USAGE;
    Arena arena;
    arena_init(&arena);
    StoreEventDetail d;
    bool found;
    int rc = EXIT_DONE;
    if (store_event_detail(s, id, &arena, &d, &found) != 0) {
        fprintf(stderr, "sitrep event: %s\n", store_error(s));
        rc = EXIT_USAGE;
    } else if (!found) {
        /* The one input named nothing: nothing could be processed. */
        fprintf(stderr, "sitrep event: no event %ld\n", id);
        rc = EXIT_USAGE;
    } else {
        Buffer b;
        buffer_init(&b);
        if (o.jsonl) {
            store_event_detail_json(&b, &d);
            buffer_append_char(&b, '\n');
        } else
            detail_text(&b, &d);
        flush_buffer(&b);
        buffer_free(&b);
    }
    arena_free(&arena);
    store_close(s);
    return cli_finish_stdout("event", rc);
}

#define TIMELINE_USAGE "sitrep timeline PLACE [--format text|jsonl] [--db FILE]"

int cmd_timeline(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    Options o;
    bool help;
    if (!parse_options("timeline", TIMELINE_USAGE, "db format", argc, argv, &o, &help))
        return help ? EXIT_DONE : EXIT_USAGE;
    if (o.positional_count < 1) {
        fprintf(stderr, "usage: %s\n", TIMELINE_USAGE);
        return EXIT_USAGE;
    }
    /* "timeline Deir ez-Zor" without quotes: join the words. */
    char place[256] = "";
    for (int i = 0; i < o.positional_count; i++) {
        size_t used = strlen(place);
        int w = snprintf(place + used, sizeof place - used, "%s%s", i ? " " : "", o.positional[i]);
        if (w < 0 || (size_t)w >= sizeof place - used) {
            fprintf(stderr, "sitrep timeline: place name too long\nusage: %s\n", TIMELINE_USAGE);
            return EXIT_USAGE;
        }
    }
    Store *s = open_store("timeline", o.db);
    if (!s)
        return EXIT_USAGE;
    Arena arena;
    arena_init(&arena);
    StoreTimeline *t;
    int n, rc = EXIT_DONE;
    if (store_timeline(s, place, &arena, &t, &n) != 0) {
        fprintf(stderr, "sitrep timeline: %s\n", store_error(s));
        rc = EXIT_USAGE;
    } else if (n == 0) {
        fprintf(stderr, "sitrep timeline: no place named '%s' in the store\n", place);
        rc = EXIT_USAGE; /* the one input named nothing */
    } else {
        Buffer b;
        buffer_init(&b);
        for (int i = 0; i < n; i++) {
            if (o.jsonl) {
                store_timeline_json(&b, &t[i]);
                buffer_append_char(&b, '\n');
                continue;
            }
            buffer_printf(&b, "%s [%s]", t[i].place.name, or_dash(t[i].place.admin1));
            if (t[i].place.has_coords)
                buffer_printf(&b, " %.4f,%.4f", t[i].place.lat, t[i].place.lon);
            buffer_append_char(&b, '\n');
            if (t[i].period_count == 0)
                buffer_append_str(&b, "  control unknown: no territory or siege report\n");
            for (int j = 0; j < t[i].period_count; j++) {
                const StoreControlPeriod *p = &t[i].periods[j];
                buffer_printf(&b, "  %-10s .. %-10s  %s", or_dash(p->from), p->to ? p->to : "",
                              p->holder_side);
                if (p->holder_actor)
                    buffer_printf(&b, " (%s)", p->holder_actor);
                if (p->status && strcmp(p->status, "held"))
                    buffer_printf(&b, ", %s", p->status);
                buffer_append_str(&b, "  evidence: event");
                buffer_append_str(&b, p->evidence_count > 1 ? "s" : "");
                for (int k = 0; k < p->evidence_count; k++)
                    buffer_printf(&b, " %ld", p->evidence[k]);
                buffer_append_char(&b, '\n');
            }
        }
        flush_buffer(&b);
        buffer_free(&b);
    }
    arena_free(&arena);
    store_close(s);
    return cli_finish_stdout("timeline", rc);
}

#define CONTROL_USAGE                                                                              \
    "sitrep control --date YYYY-MM-DD [--admin1 CODE] [--format text|jsonl] [--db FILE]"

int cmd_control(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    Options o;
    bool help;
    if (!parse_options("control", CONTROL_USAGE, "db format date admin1", argc, argv, &o, &help))
        return help ? EXIT_DONE : EXIT_USAGE;
    if (!o.date || o.positional_count) {
        fprintf(stderr, "usage: %s\n", CONTROL_USAGE);
        return EXIT_USAGE;
    }
    Store *s = open_store("control", o.db);
    if (!s)
        return EXIT_USAGE;
    Arena arena;
    arena_init(&arena);
    StoreControl *rows;
    int n, rc = EXIT_DONE;
    if (store_control_at(s, o.date, o.admin1, &arena, &rows, &n) != 0) {
        fprintf(stderr, "sitrep control: %s\n", store_error(s));
        rc = EXIT_USAGE;
    } else {
        Buffer b;
        buffer_init(&b);
        for (int i = 0; i < n; i++) {
            const StoreControl *c = &rows[i];
            if (o.jsonl) {
                store_control_json(&b, c);
                buffer_append_char(&b, '\n');
                continue;
            }
            buffer_printf(&b, "%-28s %-6s  %-14s", c->place.name, or_dash(c->place.admin1),
                          c->holder_side ? c->holder_side : "unknown");
            if (c->holder_side)
                buffer_printf(&b, "  since %s%s%s  (event %ld)", or_dash(c->since),
                              c->status && strcmp(c->status, "held") ? ", " : "",
                              c->status && strcmp(c->status, "held") ? c->status : "", c->evidence);
            buffer_append_char(&b, '\n');
        }
        flush_buffer(&b);
        buffer_free(&b);
    }
    arena_free(&arena);
    store_close(s);
    return cli_finish_stdout("control", rc);
}

#define SOURCES_USAGE "sitrep sources [--format text|jsonl] [--db FILE]"

int cmd_sources(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    Options o;
    bool help;
    if (!parse_options("sources", SOURCES_USAGE, "db format", argc, argv, &o, &help))
        return help ? EXIT_DONE : EXIT_USAGE;
    Store *s = open_store("sources", o.db);
    if (!s)
        return EXIT_USAGE;
    Arena arena;
    arena_init(&arena);
    StoreOutletStats *rows;
    int n, rc = EXIT_DONE;
    if (store_outlet_stats(s, &arena, &rows, &n) != 0) {
        fprintf(stderr, "sitrep sources: %s\n", store_error(s));
        rc = EXIT_USAGE;
    } else {
        Buffer b;
        buffer_init(&b);
        if (!o.jsonl)
            buffer_printf(&b, "%-40s %8s %8s %13s %13s\n", "outlet", "reports", "events",
                          "corroborated", "contradicted");
        for (int i = 0; i < n; i++) {
            if (o.jsonl) {
                store_outlet_stats_json(&b, &rows[i]);
                buffer_append_char(&b, '\n');
            } else
                buffer_printf(&b, "%-40s %8ld %8ld %13ld %13ld\n", rows[i].outlet, rows[i].reports,
                              rows[i].events, rows[i].corroborated, rows[i].contradicted);
        }
        flush_buffer(&b);
        buffer_free(&b);
    }
    arena_free(&arena);
    store_close(s);
    return cli_finish_stdout("sources", rc);
}

#define REPORT_USAGE "sitrep report --date YYYY-MM-DD [--days N] [--db FILE]"

int cmd_report(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    Options o;
    bool help;
    if (!parse_options("report", REPORT_USAGE, "db date days", argc, argv, &o, &help))
        return help ? EXIT_DONE : EXIT_USAGE;
    if (!o.date || o.positional_count) {
        fprintf(stderr, "usage: %s\n", REPORT_USAGE);
        return EXIT_USAGE;
    }
    Store *s = open_store("report", o.db);
    if (!s)
        return EXIT_USAGE;
    int rc = export_report(s, o.date, o.days, stdout) == 0 ? EXIT_DONE : EXIT_USAGE;
    if (rc != EXIT_DONE && store_error(s)[0])
        fprintf(stderr, "sitrep report: %s\n", store_error(s));
    store_close(s);
    return cli_finish_stdout("report", rc);
}

#define EXPORT_USAGE                                                                               \
    "sitrep export --format csv|geojson|jsonl [--control-date D [--admin1 CODE]]\n"                \
    "         [event filters as for `sitrep events`] [-o FILE] [--db FILE]"

int cmd_export(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    Options o;
    bool help;
    if (!parse_options("export", EXPORT_USAGE,
                       "db format control-date output from to place admin1 side actor "
                       "type outlet text q limit offset",
                       argc, argv, &o, &help))
        return help ? EXIT_DONE : EXIT_USAGE;
    ExportFormat format;
    if (!o.export_format || !export_format_parse(o.export_format, &format) || o.positional_count) {
        fprintf(stderr, "usage: %s\n", EXPORT_USAGE);
        return EXIT_USAGE;
    }
    Store *s = open_store("export", o.db);
    if (!s)
        return EXIT_USAGE;
    FILE *out = stdout;
    if (o.output && strcmp(o.output, "-") != 0) {
        out = fopen(o.output, "wb");
        if (!out) {
            fprintf(stderr, "sitrep export: %s: %s\n", o.output, strerror(errno));
            store_close(s);
            return EXIT_USAGE;
        }
    }
    long n = o.control_date ? export_control(s, o.control_date, o.admin1, format, out)
                            : export_events(s, &o.filter, format, out);
    int rc = EXIT_DONE;
    if (n < 0) {
        fprintf(stderr, "sitrep export: %s\n", store_error(s)[0] ? store_error(s) : "write failed");
        rc = EXIT_USAGE;
    }
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "sitrep export: %s: %s\n", o.output, strerror(errno));
        rc = EXIT_USAGE;
    }
    /* A half-written export would pass for a complete one: remove it. */
    if (rc != EXIT_DONE && out != stdout)
        remove(o.output);
    if (rc == EXIT_DONE && o.output)
        fprintf(stderr, "sitrep export: %ld %s written to %s\n", n,
                o.control_date ? "places" : "events", o.output);
    store_close(s);
    return cli_finish_stdout("export", rc);
}
