/*
 * bench_matcher.c — times the hot path alone: tokenize() and matcher_find()
 * over every line of every document, with the full lexicon (the TSV files
 * in data/ and the compiled gazetteer) loaded. bench/run.sh builds it
 * against build/libsitrep.a when the library has a matcher, and skips it
 * otherwise.
 *
 *   bench_matcher DATA_DIR GAZETTEER INPUT...
 *
 * Prints one line of figures for run.sh:
 *   bytes N lines N tokens N matches N load_seconds X match_seconds Y
 * match_seconds covers tokenize + matcher_find only; reading the input and
 * loading the lexicon are timed apart (load_seconds) or not at all.
 */
#include "../src/core/core.h"
#include "../src/lex/lex.h"
#include "../src/read/read.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

typedef struct MatcherRun {
    const Lexicon *lex;
    Arena scratch; /* tokens and matches of one line, reset after it */
    size_t bytes;
    long lines, tokens, matches;
    double seconds;
} MatcherRun;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Lines stand in for sentences: the same order of length, without timing
 * the text stage as well. */
static int match_document(Document *doc, void *ctx)
{
    MatcherRun *run = ctx;
    double t0 = now();
    size_t pos = 0;
    while (pos < doc->len) {
        const char *nl = memchr(doc->text + pos, '\n', doc->len - pos);
        size_t end = nl ? (size_t)(nl - doc->text) : doc->len;
        if (end > pos) {
            Span span = {pos, end};
            TokenList tokens = tokenize(doc->text, span, &run->scratch);
            MatchList matches = matcher_find(run->lex->matcher, &tokens, &run->scratch);
            run->lines++;
            run->tokens += tokens.count;
            run->matches += matches.count;
            arena_reset(&run->scratch);
        }
        pos = end + 1;
    }
    run->bytes += doc->len;
    run->seconds += now() - t0;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_matcher DATA_DIR GAZETTEER INPUT...\n");
        return 2;
    }
    Diagnostics diag = {0};
    Lexicon lex;
    double t0 = now();
    if (!lexicon_load(&lex, argv[1], argv[2], &diag)) {
        fprintf(stderr, "bench_matcher: cannot load the lexicon from %s\n", argv[1]);
        return 2;
    }
    double load_seconds = now() - t0;

    MatcherRun run = {.lex = &lex};
    arena_init(&run.scratch);
    ReadStats stats = {0};
    read_inputs((const char *const *)argv + 3, argc - 3, match_document, &run, &diag, &stats);
    printf("bytes %zu lines %ld tokens %ld matches %ld load_seconds %.4f match_seconds %.4f\n",
           run.bytes, run.lines, run.tokens, run.matches, load_seconds, run.seconds);
    arena_free(&run.scratch);
    lexicon_free(&lex);
    return stats.documents > 0 ? 0 : 1;
}
