/*
 * cmd_ingest.c — `sitrep ingest INPUTS… [--db FILE]`: read, split, extract,
 * then store and fuse each document in its own transaction.
 *
 * A document already in the store (same content hash) is skipped, so the
 * command can be re-run on the same inputs, and after an interrupted run
 * it ingests exactly the documents that are missing.
 */
#include "../extract/extract.h"
#include "../lex/lex.h"
#include "../read/read.h"
#include "../store/store.h"
#include "../text/text.h"
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct IngestRun {
    const Lexicon *lex;
    Store *store;
    Diagnostics *diag;
    long added, skipped, failed;
    long articles, reports, events_new, events_joined, control_changes;
} IngestRun;

static int ingest_document(Document *doc, void *ctx)
{
    IngestRun *run = ctx;
    ArticleList articles = split_articles(doc, run->diag);
    EventList events = extract_document(run->lex, doc, &articles, run->diag);
    IngestResult r;
    if (store_ingest(run->store, doc, &articles, &events, &r) != 0) {
        diag_report(run->diag, DIAG_ERROR, doc->path, doc->line, "not stored: %s",
                    store_error(run->store));
        run->failed++;
        return 0; /* the next document may still go in */
    }
    if (r.skipped) {
        run->skipped++;
        return 0;
    }
    run->added++;
    run->articles += r.articles;
    run->reports += r.reports;
    run->events_new += r.events_new;
    run->events_joined += r.events_joined;
    run->control_changes += r.control_changes;
    return 0;
}

#define INGEST_USAGE                                                                               \
    "sitrep ingest [--db FILE] INPUT...\n"                                                         \
    "  INPUT: a .txt, .html or .jsonl file, a directory (recursive), or - for stdin\n"             \
    "  --db FILE   the store (default sitrep.db; created if missing)\n"                            \
    "  --quiet     no summary line"

int cmd_ingest(int argc, char **argv, const CliPaths *paths)
{
    const char *db = "sitrep.db";
    bool quiet = false;
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    int n = 0;
    if (!inputs)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: %s\n", INGEST_USAGE);
            free(inputs);
            return EXIT_DONE;
        } else if (!strcmp(argv[i], "--db") && i + 1 < argc) {
            db = argv[++i];
        } else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
            quiet = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sitrep ingest: unknown option '%s'\nusage: %s\n", argv[i],
                    INGEST_USAGE);
            free(inputs);
            return EXIT_USAGE;
        } else {
            inputs[n++] = argv[i];
        }
    }
    if (n == 0) {
        fprintf(stderr, "usage: %s\n", INGEST_USAGE);
        free(inputs);
        return EXIT_USAGE;
    }

    Diagnostics diag = {0};
    Lexicon lex;
    if (!lexicon_load(&lex, paths->data_dir, paths->gazetteer, &diag)) {
        fprintf(stderr, "sitrep ingest: cannot load the lexicon from %s\n", paths->data_dir);
        free(inputs);
        return EXIT_USAGE;
    }
    char err[512];
    Store *store = store_open(db, err, sizeof err);
    if (!store) {
        fprintf(stderr, "sitrep ingest: %s\n", err);
        lexicon_free(&lex);
        free(inputs);
        return EXIT_USAGE;
    }
    IngestRun run = {.lex = &lex, .store = store, .diag = &diag};
    ReadStats stats = {0};
    read_inputs(inputs, n, ingest_document, &run, &diag, &stats);
    if (!quiet)
        fprintf(stderr,
                "sitrep ingest: %ld document%s added, %ld already stored, %ld failed;"
                " %ld articles, %ld reports -> %ld new events, %ld joined existing,"
                " %ld control changes (%s)\n",
                run.added, run.added == 1 ? "" : "s", run.skipped, run.failed, run.articles,
                run.reports, run.events_new, run.events_joined, run.control_changes, db);
    store_close(store);
    lexicon_free(&lex);
    free(inputs);
    return cli_exit_status(run.added + run.skipped, run.failed + stats.inputs_failed);
}
