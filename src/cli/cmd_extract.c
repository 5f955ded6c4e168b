/* cmd_extract.c — `sitrep extract`: print the events found in the inputs. */
#include "../extract/extract.h"
#include "../lex/lex.h"
#include "../read/read.h"
#include "../text/text.h"
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { EXTRACT_JSONL, EXTRACT_TSV } ExtractFormat;

typedef struct ExtractRun {
    ExtractFormat format;
    const Lexicon *lex;
    Diagnostics *diag;
    Buffer out;
    long events;
    NameKeyCache *name_keys; /* kept across the run's documents */
} ExtractRun;

/* One article's events, written as they come: a page of thousands of
 * articles never holds all its events or all their output at once. */
static int write_events(const EventList *events, void *ctx)
{
    ExtractRun *run = ctx;
    for (int i = 0; i < events->count; i++) {
        if (run->format == EXTRACT_JSONL)
            event_write_json(&run->out, &events->items[i]);
        else
            event_write_tsv(&run->out, &events->items[i]);
        buffer_append_char(&run->out, '\n');
    }
    run->events += events->count;
    if (run->out.len >= 1 << 16) {
        fwrite(run->out.data, 1, run->out.len, stdout);
        buffer_clear(&run->out);
    }
    return 0;
}

static int extract_one(Document *doc, void *ctx)
{
    ExtractRun *run = ctx;
    ArticleList articles = split_articles(doc, run->diag);
    extract_document_each_cached(run->lex, doc, &articles, run->diag, run->name_keys, write_events,
                                 run);
    return 0;
}

static void extract_usage(FILE *f)
{
    fprintf(f, "usage: sitrep extract [--format jsonl|tsv] INPUT...\n"
               "  INPUT: a .txt, .html or .jsonl file, a directory (recursive), or - for stdin\n"
               "  --format jsonl   one JSON object per event (default; DESIGN.md contract)\n"
               "  --format tsv     one readable tab-separated line per event\n");
}

int cmd_extract(int argc, char **argv, const CliPaths *paths)
{
    ExtractRun run = {.format = EXTRACT_JSONL};
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    int n = 0;
    if (!inputs)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            extract_usage(stdout);
            free(inputs);
            return EXIT_DONE;
        } else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if (!strcmp(f, "jsonl"))
                run.format = EXTRACT_JSONL;
            else if (!strcmp(f, "tsv"))
                run.format = EXTRACT_TSV;
            else {
                fprintf(stderr, "sitrep extract: unknown format '%s' (jsonl or tsv)\n", f);
                extract_usage(stderr);
                free(inputs);
                return EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sitrep extract: unknown option '%s'\n", argv[i]);
            extract_usage(stderr);
            free(inputs);
            return EXIT_USAGE;
        } else {
            inputs[n++] = argv[i];
        }
    }
    if (n == 0) {
        extract_usage(stderr);
        free(inputs);
        return EXIT_USAGE;
    }
    Diagnostics diag = {0};
    Lexicon lex;
    if (!lexicon_load(&lex, paths->data_dir, paths->gazetteer, &diag)) {
        fprintf(stderr, "sitrep extract: cannot load the dictionaries from %s\n", paths->data_dir);
        free(inputs);
        return EXIT_USAGE;
    }
    /* Without the compiled gazetteer (missing, stale or unreadable) only the
     * curated places are known and most events lose their place without a
     * word: refuse instead. */
    int gazetteer_places = 0;
    for (int i = 0; i < lex.place_count; i++)
        if (lex.places[i].source && !strncmp(lex.places[i].source, "geonames:", 9))
            gazetteer_places++;
    if (gazetteer_places == 0) {
        const char *gaz = paths->gazetteer;
        fprintf(stderr,
                "sitrep extract: no places loaded from the gazetteer %s (missing, stale or "
                "unreadable): run `make build/gazetteer.bin` or set SITREP_GAZETTEER\n",
                gaz ? gaz : "(default: build/gazetteer.bin beside the data directory)");
        lexicon_free(&lex);
        free(inputs);
        return EXIT_USAGE;
    }
    ReadStats stats = {0};
    run.lex = &lex;
    run.diag = &diag;
    run.name_keys = calloc(1, sizeof *run.name_keys);
    if (!run.name_keys) {
        fprintf(stderr, "sitrep extract: out of memory\n");
        lexicon_free(&lex);
        free(inputs);
        return EXIT_USAGE;
    }
    buffer_init(&run.out);
    read_inputs(inputs, n, extract_one, &run, &diag, &stats);
    if (run.out.len)
        fwrite(run.out.data, 1, run.out.len, stdout);
    buffer_free(&run.out);
    free(run.name_keys);
    lexicon_free(&lex);
    free(inputs);
    return cli_finish_stdout("extract", cli_exit_status(stats.documents, stats.inputs_failed));
}
