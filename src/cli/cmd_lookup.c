/*
 * cmd_lookup.c — `sitrep lookup NAME…`: how names resolve against the
 * lexicon (folded key, every entry, which place would be chosen and why).
 * For analysts extending the data files, and for checking a spelling.
 */
#include "../lex/lex.h"
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: sitrep lookup [--format text|jsonl] [--country CC]... "
               "[--admin1 ISO]... NAME...\n"
               "\n"
               "Shows how each NAME resolves: its folded key, every actor, outlet,\n"
               "place, trigger and number word it names, and which place is chosen\n"
               "(--country and --admin1 give the context a document would).\n"
               "Exit status: 0 all resolved, 1 some did not, 2 none or usage error.\n");
}

static const char *kind_name(EntryKind k)
{
    static const char *const names[ENTRY_KIND_COUNT] = {"actor", "outlet", "place", "trigger",
                                                        "number"};
    return (unsigned)k < ENTRY_KIND_COUNT ? names[k] : "?";
}

static void write_entry_text(Buffer *b, const Lexicon *lex, Entry e, bool chosen)
{
    buffer_printf(b, "  %s %-7s ", chosen ? "*" : " ", kind_name(e.kind));
    switch (e.kind) {
    case ENTRY_ACTOR: {
        const Actor *a = &lex->actors[e.id];
        buffer_printf(b, "%s  side=%s kind=%s", a->name, side_name(a->side), a->kind);
        if (a->parent >= 0)
            buffer_printf(b, " parent=%s", lex->actors[a->parent].name);
        break;
    }
    case ENTRY_OUTLET: {
        const Outlet *o = &lex->outlets[e.id];
        buffer_printf(b, "%s  country=%s affiliation=%s", o->name, o->country, o->affiliation);
        break;
    }
    case ENTRY_PLACE: {
        const Place *p = &lex->places[e.id];
        const char *gov = admin1_name(p->admin1);
        buffer_printf(b, "%s  %s (%s) %s  %.4f,%.4f  %c.%s  pop=%u  %s", p->name,
                      *p->admin1 ? p->admin1 : "-", gov ? gov : "-", p->country, p->lat, p->lon,
                      p->feature, p->feature_code, p->population, p->source);
        break;
    }
    case ENTRY_TRIGGER: {
        const Trigger *t = &lex->triggers[e.id];
        buffer_printf(b, "%s  %s / %s  frame=%s", t->phrase, t->event_type, t->sub_event_type,
                      t->frame);
        break;
    }
    case ENTRY_NUMBER: {
        const NumberWord *w = &lex->numbers[e.id];
        buffer_printf(b, "%s  %g (%g-%g)", w->phrase, w->value, w->low, w->high);
        break;
    }
    default:
        break;
    }
    buffer_append_char(b, '\n');
}

static void write_entry_json(Buffer *b, const Lexicon *lex, Entry e)
{
    buffer_printf(b, "{\"kind\":\"%s\",", kind_name(e.kind));
    switch (e.kind) {
    case ENTRY_ACTOR: {
        const Actor *a = &lex->actors[e.id];
        buffer_append_str(b, "\"name\":");
        json_write_cstr(b, a->name);
        buffer_printf(b, ",\"side\":\"%s\",\"kind_of_actor\":", side_name(a->side));
        json_write_cstr(b, a->kind);
        buffer_append_str(b, ",\"parent\":");
        json_write_cstr(b, a->parent >= 0 ? lex->actors[a->parent].name : NULL);
        break;
    }
    case ENTRY_OUTLET: {
        const Outlet *o = &lex->outlets[e.id];
        buffer_append_str(b, "\"name\":");
        json_write_cstr(b, o->name);
        buffer_append_str(b, ",\"country\":");
        json_write_cstr(b, o->country);
        buffer_append_str(b, ",\"affiliation\":");
        json_write_cstr(b, o->affiliation);
        break;
    }
    case ENTRY_PLACE: {
        const Place *p = &lex->places[e.id];
        buffer_append_str(b, "\"name\":");
        json_write_cstr(b, p->name);
        buffer_append_str(b, ",\"admin1_code\":");
        json_write_cstr(b, *p->admin1 ? p->admin1 : NULL);
        buffer_append_str(b, ",\"governorate\":");
        json_write_cstr(b, admin1_name(p->admin1));
        buffer_append_str(b, ",\"country\":");
        json_write_cstr(b, p->country);
        buffer_printf(b, ",\"lat\":%.5f,\"lon\":%.5f,\"feature\":\"%c\",\"feature_code\":", p->lat,
                      p->lon, p->feature);
        json_write_cstr(b, p->feature_code);
        buffer_printf(b, ",\"population\":%u,\"source\":", p->population);
        json_write_cstr(b, p->source);
        break;
    }
    case ENTRY_TRIGGER: {
        const Trigger *t = &lex->triggers[e.id];
        buffer_append_str(b, "\"phrase\":");
        json_write_cstr(b, t->phrase);
        buffer_append_str(b, ",\"event_type\":");
        json_write_cstr(b, t->event_type);
        buffer_append_str(b, ",\"sub_event_type\":");
        json_write_cstr(b, t->sub_event_type);
        buffer_append_str(b, ",\"frame\":");
        json_write_cstr(b, t->frame);
        break;
    }
    case ENTRY_NUMBER: {
        const NumberWord *w = &lex->numbers[e.id];
        buffer_append_str(b, "\"phrase\":");
        json_write_cstr(b, w->phrase);
        buffer_printf(b, ",\"value\":%g,\"low\":%g,\"high\":%g", w->value, w->low, w->high);
        break;
    }
    default:
        break;
    }
    buffer_append_char(b, '}');
}

int cmd_lookup(int argc, char **argv, const CliPaths *paths)
{
    bool jsonl = false;
    PlaceContext ctx = {0};
    /* At most argc names: no fixed cap that would drop some silently. */
    const char **names = calloc((size_t)argc, sizeof *names);
    int name_count = 0;
    if (!names)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            free(names);
            return EXIT_DONE;
        } else if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if (!strcmp(f, "jsonl"))
                jsonl = true;
            else if (strcmp(f, "text")) {
                fprintf(stderr, "sitrep lookup: unknown format '%s'\n", f);
                usage(stderr);
                free(names);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--country") && i + 1 < argc) {
            if (ctx.country_count == (int)(sizeof ctx.countries / sizeof *ctx.countries)) {
                fprintf(stderr, "sitrep lookup: too many --country options\n");
                free(names);
                return EXIT_USAGE;
            }
            ctx.countries[ctx.country_count++] = argv[++i];
        } else if (!strcmp(a, "--admin1") && i + 1 < argc) {
            if (ctx.admin1_count == (int)(sizeof ctx.admin1s / sizeof *ctx.admin1s)) {
                fprintf(stderr, "sitrep lookup: too many --admin1 options\n");
                free(names);
                return EXIT_USAGE;
            }
            ctx.admin1s[ctx.admin1_count++] = argv[++i];
        } else if (!strcmp(a, "--db") && i + 1 < argc) {
            i++; /* accepted like every listing command; lookup needs no database */
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "sitrep lookup: unknown option '%s'\n", a);
            usage(stderr);
            free(names);
            return EXIT_USAGE;
        } else {
            names[name_count++] = a;
        }
    }
    if (name_count == 0) {
        usage(stderr);
        free(names);
        return EXIT_USAGE;
    }

    Diagnostics diag = {0};
    Lexicon lex;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (!lexicon_load(&lex, paths->data_dir, paths->gazetteer, &diag)) {
        fprintf(stderr, "sitrep lookup: cannot load the dictionaries from %s\n", paths->data_dir);
        lexicon_free(&lex);
        free(names);
        return EXIT_USAGE;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (getenv("SITREP_VERBOSE"))
        fprintf(stderr,
                "sitrep: lexicon loaded in %.1f ms: %d places, %d actors, "
                "%d outlets, %d triggers, %d number words\n",
                (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
                lex.place_count, lex.actor_count, lex.outlet_count, lex.trigger_count,
                lex.number_count);

    long resolved = 0;
    Buffer out;
    buffer_init(&out);
    for (int i = 0; i < name_count; i++) {
        const char *name = names[i];
        char key[1024];
        fold_phrase(name, strlen(name), key, sizeof key);
        int count = 0;
        const Entry *entries = matcher_lookup(lex.matcher, name, strlen(name), &count);
        PlaceChoice choice = place_choose(&lex, entries, count, &ctx);
        if (count > 0)
            resolved++;
        if (jsonl) {
            buffer_append_str(&out, "{\"name\":");
            json_write_cstr(&out, name);
            buffer_append_str(&out, ",\"key\":");
            json_write_cstr(&out, key);
            buffer_append_str(&out, ",\"entries\":[");
            for (int k = 0; k < count; k++) {
                if (k)
                    buffer_append_char(&out, ',');
                write_entry_json(&out, &lex, entries[k]);
            }
            buffer_append_str(&out, "],\"chosen_place\":");
            if (choice.place >= 0) {
                write_entry_json(&out, &lex, (Entry){ENTRY_PLACE, choice.place});
                buffer_append_str(&out, ",\"why\":");
                json_write_cstr(&out, choice.why);
            } else {
                buffer_append_str(&out, "null,\"why\":null");
            }
            buffer_append_str(&out, "}\n");
        } else {
            buffer_printf(&out, "%s  [key: %s]  %d entr%s\n", name, key, count,
                          count == 1 ? "y" : "ies");
            for (int k = 0; k < count; k++)
                write_entry_text(&out, &lex, entries[k],
                                 entries[k].kind == ENTRY_PLACE && entries[k].id == choice.place);
            if (choice.place >= 0)
                buffer_printf(&out, "  chosen place: %s (%s)\n", lex.places[choice.place].name,
                              choice.why);
            else if (count == 0)
                buffer_append_str(&out, "  not found\n");
        }
        fwrite(out.data, 1, out.len, stdout);
        buffer_clear(&out);
    }
    buffer_free(&out);
    lexicon_free(&lex);
    free(names);
    if (resolved == 0)
        return cli_finish_stdout("lookup", EXIT_USAGE);
    return cli_finish_stdout("lookup", resolved < name_count ? EXIT_PARTIAL : EXIT_DONE);
}
