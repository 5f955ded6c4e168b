/*
 * bench_store.c — how fast the store answers, and how fast it ingests.
 *
 *   bench_store queries DB [RUNS]
 *       Times each query type of src/store/store.h on an existing store
 *       (bench/gen_store.c builds a 100,000-event one): the event list
 *       with no filter and with each filter, full-text search with a rare
 *       and a very common word, one event's detail, a place's timeline,
 *       control on a date, per-outlet figures. Each runs RUNS times
 *       (default 50) after two warm-up runs, with its parameters taken in
 *       turn from values sampled from the store itself (governorates,
 *       places, outlets, words, ids), and prints median and p99 against
 *       the 50 ms target.
 *
 *   bench_store ingest DB REPEATS INPUT...
 *       Reads, splits, extracts and stores INPUT (files or folders, e.g.
 *       ../shared/corpus/seeds and ../shared/corpus/fakes-dev.jsonl)
 *       REPEATS times into DB, which must not exist yet. Each repetition
 *       gets a different number of trailing newlines, so its content hash
 *       differs and it is stored (and fused) again rather than skipped.
 *       Prints articles/s, MB/s, the store's own share of the time and the
 *       database size per 1,000 articles. Uses SITREP_DATA (default data)
 *       and SITREP_GAZETTEER (default build/gazetteer.bin).
 *
 * Opening the store runs its migrations, so a store written by an older
 * sitrep is timed as this one would serve it.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../src/extract/extract.h"
#include "../src/lex/lex.h"
#include "../src/read/read.h"
#include "../src/store/store.h"
#include "../src/text/text.h"

enum { TARGET_MS = 50, MAX_SAMPLES = 64, WARMUP = 2 };

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ---- Parameters sampled from the store ---------------------------------- */

typedef struct Samples {
    Arena arena;
    const char *admin1[MAX_SAMPLES];
    int admin1_n;
    const char *place[MAX_SAMPLES]; /* places with control evidence */
    int place_n;
    const char *outlet[MAX_SAMPLES];
    int outlet_n;
    const char *side[MAX_SAMPLES];
    int side_n;
    const char *actor[MAX_SAMPLES]; /* substrings of actor names */
    int actor_n;
    const char *type[MAX_SAMPLES];
    int type_n;
    const char *rare_word[MAX_SAMPLES]; /* in one article's title */
    int rare_n;
    const char *common_word; /* in the most articles */
    long common_docs;
    long min_day, max_day, min_id, max_id;
} Samples;

/* Runs sql and keeps up to MAX_SAMPLES values of its first column. */
static int sample(sqlite3 *db, const char *sql, Arena *a, const char **out)
{
    sqlite3_stmt *st = NULL;
    int n = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        fprintf(stderr, "bench_store: %s: %s\n", sql, sqlite3_errmsg(db));
        return 0;
    }
    while (n < MAX_SAMPLES && sqlite3_step(st) == SQLITE_ROW)
        if (sqlite3_column_type(st, 0) != SQLITE_NULL)
            out[n++] = arena_strdup(a, (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return n;
}

static long sample_long(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    long v = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return v;
}

static void take_samples(Store *store, Samples *s)
{
    sqlite3 *db = store_db(store);
    Arena *a = &s->arena;
    s->admin1_n = sample(db,
                         "SELECT DISTINCT admin1 FROM places WHERE admin1 <> ''"
                         " ORDER BY admin1",
                         a, s->admin1);
    /* Spread over the table rather than the first rows only. */
    s->place_n = sample(db,
                        "SELECT name FROM places WHERE id IN"
                        " (SELECT place_id FROM control_changes)"
                        " ORDER BY (id * 7919) % 1009",
                        a, s->place);
    s->outlet_n = sample(db,
                         "SELECT DISTINCT outlet FROM documents"
                         " WHERE outlet IS NOT NULL",
                         a, s->outlet);
    s->side_n = sample(db, "SELECT DISTINCT side FROM actors", a, s->side);
    s->actor_n = sample(db,
                        "SELECT DISTINCT lower(substr(name, 3, 6)) FROM actors"
                        " WHERE length(name) >= 8",
                        a, s->actor);
    s->type_n = sample(db,
                       "SELECT DISTINCT sub_event_type FROM events"
                       " WHERE id % 97 = 0",
                       a, s->type);
    s->rare_n = sample(db,
                       "SELECT title FROM articles WHERE title IS NOT NULL"
                       " AND length(title) BETWEEN 4 AND 40"
                       " ORDER BY (id * 7919) % 1009",
                       a, s->rare_word);
    s->min_day = sample_long(db, "SELECT min(date_days) FROM events");
    s->max_day = sample_long(db, "SELECT max(date_days) FROM events");
    s->min_id = sample_long(db, "SELECT min(id) FROM events");
    s->max_id = sample_long(db, "SELECT max(id) FROM events");
    /* The word in the most articles: the worst case of a search. */
    const char *vocab[1];
    if (sqlite3_exec(db,
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab"
                     " USING fts5vocab(main, articles_fts, row)",
                     NULL, NULL, NULL) == SQLITE_OK &&
        sample(db,
               "SELECT term FROM temp.bench_vocab WHERE length(term) > 3"
               " AND term NOT GLOB '*[0-9]*' ORDER BY doc DESC LIMIT 1",
               a, vocab) == 1) {
        s->common_word = vocab[0];
        s->common_docs = sample_long(db, "SELECT max(doc) FROM temp.bench_vocab"
                                         " WHERE length(term) > 3"
                                         " AND term NOT GLOB '*[0-9]*'");
    }
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.bench_vocab", NULL, NULL, NULL);
}

static const char *day_text(long day, Arena *a)
{
    char buf[11];
    return arena_strdup(a, date_format(date_from_days(day), buf));
}

/* ---- The queries --------------------------------------------------------- */

typedef enum Kind {
    Q_LIST,
    Q_LIST_1000,
    Q_DEEP_PAGE,
    Q_FROM_TO,
    Q_ADMIN1,
    Q_ADMIN1_FROM_TO,
    Q_PLACE,
    Q_SIDE,
    Q_ACTOR,
    Q_TYPE,
    Q_NO_MATCH_SIDE,
    Q_NO_MATCH_ACTOR,
    Q_NO_MATCH_TYPE,
    Q_OUTLET,
    Q_TEXT_RARE,
    Q_TEXT_COMMON,
    Q_TEXT_COMMON_ADMIN1,
    Q_DETAIL,
    Q_TIMELINE,
    Q_CONTROL,
    Q_CONTROL_ADMIN1,
    Q_OUTLETS,
    KIND_COUNT
} Kind;

static const char *const kind_names[KIND_COUNT] = {
    "events (no filter, 100)",
    "events limit=1000",
    "events offset=N/2",
    "events from+to (1 year)",
    "events admin1",
    "events admin1+from+to",
    "events place",
    "events side",
    "events actor (substring)",
    "events type",
    "events side (none match)",
    "events actor (none match)",
    "events type (none match)",
    "events outlet",
    "events text (rare word)",
    "events text (common word)",
    "events text (common)+admin1",
    "event detail",
    "timeline (place)",
    "control at date",
    "control at date+admin1",
    "outlet stats",
};

static const char *pick(const char *const *list, int n, int i)
{
    return n ? list[i % n] : NULL;
}

/* Runs query `kind` with the i-th parameters; returns rows or -1. */
static int run_query(Store *store, const Samples *s, Kind kind, int i, Arena *a)
{
    StoreFilter f = {0};
    StoreEvent *events;
    int n = 0;
    long span = s->max_day > s->min_day ? s->max_day - s->min_day : 1;
    long day = s->min_day + (long)((i * 7919L) % span);
    switch (kind) {
    case Q_LIST:
        break;
    case Q_LIST_1000:
        f.limit = 1000;
        break;
    case Q_DEEP_PAGE:
        f.offset = (s->max_id - s->min_id) / 2 + i;
        break;
    case Q_FROM_TO:
    case Q_ADMIN1_FROM_TO:
        f.from = day_text(day, a);
        f.to = day_text(day + 365, a);
        if (kind == Q_ADMIN1_FROM_TO)
            f.admin1 = pick(s->admin1, s->admin1_n, i);
        break;
    case Q_ADMIN1:
        f.admin1 = pick(s->admin1, s->admin1_n, i);
        break;
    case Q_PLACE:
        f.place = pick(s->place, s->place_n, i);
        break;
    case Q_SIDE:
        f.side = pick(s->side, s->side_n, i);
        break;
    case Q_ACTOR:
        f.actor = pick(s->actor, s->actor_n, i);
        break;
    case Q_TYPE:
        f.type = pick(s->type, s->type_n, i);
        break;
    /* The worst case of a filter no index serves: nothing matches, so
     * the whole list is walked. */
    case Q_NO_MATCH_SIDE:
        f.side = "no_such_side";
        break;
    case Q_NO_MATCH_ACTOR:
        f.actor = "zqxj";
        break;
    case Q_NO_MATCH_TYPE:
        f.type = "No such event type";
        break;
    case Q_OUTLET:
        f.outlet = pick(s->outlet, s->outlet_n, i);
        break;
    case Q_TEXT_RARE:
        f.text = pick(s->rare_word, s->rare_n, i);
        break;
    case Q_TEXT_COMMON:
    case Q_TEXT_COMMON_ADMIN1:
        f.text = s->common_word;
        if (kind == Q_TEXT_COMMON_ADMIN1)
            f.admin1 = pick(s->admin1, s->admin1_n, i);
        break;
    case Q_DETAIL: {
        long id = s->min_id + (long)((i * 104729L) % (s->max_id - s->min_id + 1));
        StoreEventDetail d;
        bool found;
        if (store_event_detail(store, id, a, &d, &found) != 0)
            return -1;
        return found ? 1 : 0;
    }
    case Q_TIMELINE: {
        StoreTimeline *t;
        return store_timeline(store, pick(s->place, s->place_n, i), a, &t, &n) ? -1 : n;
    }
    case Q_CONTROL:
    case Q_CONTROL_ADMIN1: {
        StoreControl *c;
        const char *admin1 = kind == Q_CONTROL_ADMIN1 ? pick(s->admin1, s->admin1_n, i) : NULL;
        return store_control_at(store, day_text(day, a), admin1, a, &c, &n) ? -1 : n;
    }
    case Q_OUTLETS: {
        StoreOutletStats *o;
        return store_outlet_stats(store, a, &o, &n) ? -1 : n;
    }
    case KIND_COUNT:
        break;
    }
    if ((kind == Q_TEXT_RARE || kind == Q_TEXT_COMMON || kind == Q_TEXT_COMMON_ADMIN1) && !f.text)
        return -2; /* nothing to search for in this store */
    return store_query_events(store, &f, a, &events, &n) ? -1 : n;
}

static int bench_queries(const char *path, int runs)
{
    char err[512];
    double t0 = now_ms();
    Store *store = store_open_existing(path, err, sizeof err);
    if (!store) {
        fprintf(stderr, "bench_store: %s\n", err);
        return 1;
    }
    double open_ms = now_ms() - t0;
    StoreCounts counts;
    if (store_counts(store, &counts) != 0) {
        fprintf(stderr, "bench_store: %s\n", store_error(store));
        store_close(store);
        return 1;
    }
    Samples s = {0};
    arena_init(&s.arena);
    take_samples(store, &s);

    struct stat sb;
    double mb = stat(path, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
    printf("store %s: %.0f MB, schema v%d (open and migrate %.0f ms); %ld events,"
           " %ld reports, %ld articles, %ld places, %ld control changes\n",
           path, mb, store_schema_version(store), open_ms, counts.events, counts.reports,
           counts.articles, counts.places, counts.control_changes);
    if (s.common_word)
        printf("common word: \"%s\" (in %ld articles); %d runs per query after %d"
               " warm-up, parameters in turn from the store\n\n",
               s.common_word, s.common_docs, runs, WARMUP);
    printf("%-30s %7s %10s %10s %10s  %s\n", "query", "rows", "median ms", "p99 ms", "target ms",
           "verdict");
    printf("%-30s %7s %10s %10s %10s  %s\n", "------------------------------", "-------",
           "---------", "---------", "---------", "------------");
    double *ms = calloc((size_t)runs, sizeof *ms);
    int failed = 0;
    for (int k = 0; k < KIND_COUNT && ms; k++) {
        int rows = 0;
        bool ok = true, skipped = false;
        for (int i = 0; i < runs + WARMUP && ok; i++) {
            Arena a;
            arena_init(&a);
            double start = now_ms();
            int r = run_query(store, &s, (Kind)k, i, &a);
            double took = now_ms() - start;
            arena_free(&a);
            if (r == -2) {
                skipped = true;
                break;
            }
            if (r < 0) {
                fprintf(stderr, "bench_store: %s: %s\n", kind_names[k], store_error(store));
                ok = false;
                failed = 1;
                break;
            }
            if (i >= WARMUP) {
                ms[i - WARMUP] = took;
                if (i == WARMUP + runs / 2)
                    rows = r;
            }
        }
        if (skipped || !ok) {
            printf("%-30s %7s %10s %10s %10d  %s\n", kind_names[k], "-", "-", "-", TARGET_MS,
                   skipped ? "SKIPPED (no sample)" : "FAILED");
            continue;
        }
        qsort(ms, (size_t)runs, sizeof *ms, compare_double);
        double median = runs % 2 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
        int p = (int)ceil(0.99 * runs) - 1;
        double p99 = ms[p < 0 ? 0 : p];
        printf("%-30s %7d %10.2f %10.2f %10d  %s\n", kind_names[k], rows, median, p99, TARGET_MS,
               median < TARGET_MS ? "PASS" : "BELOW TARGET");
    }
    free(ms);
    arena_free(&s.arena);
    store_close(store);
    return failed;
}

/* ---- Ingest -------------------------------------------------------------- */

typedef struct IngestBench {
    const Lexicon *lex;
    Store *store;
    Diagnostics *diag;
    int repeat;
    long documents, articles, reports, events_new, failed;
    double bytes, store_ms;
} IngestBench;

static int ingest_one(Document *doc, void *ctx)
{
    IngestBench *b = ctx;
    /* The same text with `repeat` more newlines: a new content hash. */
    Document copy = *doc;
    char *text = arena_alloc(doc->arena, doc->len + (size_t)b->repeat + 1);
    memcpy(text, doc->text, doc->len);
    memset(text + doc->len, '\n', (size_t)b->repeat);
    text[doc->len + (size_t)b->repeat] = '\0';
    copy.text = text;
    copy.len = doc->len + (size_t)b->repeat;
    ArticleList articles = split_articles(&copy, b->diag);
    EventList events = extract_document(b->lex, &copy, &articles, b->diag);
    IngestResult r;
    double t0 = now_ms();
    int rc = store_ingest(b->store, &copy, &articles, &events, &r);
    b->store_ms += now_ms() - t0;
    if (rc != 0) {
        fprintf(stderr, "bench_store: %s: %s\n", doc->path, store_error(b->store));
        b->failed++;
        return 0;
    }
    b->documents++;
    b->bytes += (double)copy.len;
    b->articles += r.articles;
    b->reports += r.reports;
    b->events_new += r.events_new;
    return 0;
}

static double file_mb(const char *path, const char *suffix)
{
    char name[4096];
    struct stat sb;
    snprintf(name, sizeof name, "%s%s", path, suffix);
    return stat(name, &sb) == 0 ? (double)sb.st_size / 1e6 : 0;
}

static void quiet(void *ctx, DiagLevel level, const char *file, long line, const char *msg)
{
    (void)ctx, (void)level, (void)file, (void)line, (void)msg;
}

static int bench_ingest(const char *path, int repeats, const char *const *inputs, int input_count)
{
    struct stat sb;
    if (stat(path, &sb) == 0) {
        fprintf(stderr, "bench_store: %s exists; ingest wants a fresh database\n", path);
        return 2;
    }
    const char *data = getenv("SITREP_DATA") ? getenv("SITREP_DATA") : "data";
    const char *gaz =
        getenv("SITREP_GAZETTEER") ? getenv("SITREP_GAZETTEER") : "build/gazetteer.bin";
    Diagnostics diag = {.emit = quiet};
    Lexicon lex;
    if (!lexicon_load(&lex, data, gaz, &diag)) {
        fprintf(stderr, "bench_store: cannot load the lexicon from %s and %s\n", data, gaz);
        return 1;
    }
    char err[512];
    Store *store = store_open(path, err, sizeof err);
    if (!store) {
        fprintf(stderr, "bench_store: %s\n", err);
        lexicon_free(&lex);
        return 1;
    }
    IngestBench b = {.lex = &lex, .store = store, .diag = &diag};
    double t0 = now_ms();
    for (b.repeat = 0; b.repeat < repeats; b.repeat++) {
        ReadStats stats = {0};
        read_inputs(inputs, input_count, ingest_one, &b, &diag, &stats);
    }
    double total_ms = now_ms() - t0;
    StoreCounts counts = {0};
    store_counts(store, &counts);
    /* Fold the WAL into the database so its size is the store's size. */
    sqlite3_exec(store_db(store), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    store_close(store);
    lexicon_free(&lex);
    double mb = file_mb(path, "") + file_mb(path, "-wal");
    double secs = total_ms / 1e3;
    printf("ingest: %d x %d input%s = %ld documents, %ld articles, %.1f MB of text;"
           " %ld reports -> %ld events, %ld control changes; %ld failed\n",
           repeats, input_count, input_count == 1 ? "" : "s", b.documents, b.articles,
           b.bytes / 1e6, b.reports, counts.events, counts.control_changes, b.failed);
    printf("%-34s %12s\n", "measure", "value");
    printf("%-34s %12s\n", "----------------------------------", "------------");
    printf("%-34s %12.1f\n", "seconds (read+extract+store)", secs);
    printf("%-34s %12.0f\n", "articles/s", secs > 0 ? b.articles / secs : 0);
    printf("%-34s %12.2f\n", "MB/s", secs > 0 ? b.bytes / 1e6 / secs : 0);
    printf("%-34s %12.1f%%\n", "share of time in store_ingest",
           total_ms > 0 ? 100 * b.store_ms / total_ms : 0);
    printf("%-34s %12.0f\n", "articles/s (store_ingest alone)",
           b.store_ms > 0 ? b.articles / (b.store_ms / 1e3) : 0);
    printf("%-34s %12.1f\n", "database MB", mb);
    printf("%-34s %12.2f\n", "database MB per 1,000 articles",
           b.articles ? mb / (double)b.articles * 1000 : 0);
    printf("%-34s %12.2f\n", "database bytes per input byte", b.bytes > 0 ? mb * 1e6 / b.bytes : 0);
    return b.failed ? 1 : 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "queries")) {
        int runs = argc > 3 ? atoi(argv[3]) : 50;
        if (runs < 1 || runs > 100000) {
            fprintf(stderr, "bench_store: RUNS must be 1..100000\n");
            return 2;
        }
        return bench_queries(argv[2], runs);
    }
    if (argc >= 5 && !strcmp(argv[1], "ingest")) {
        int repeats = atoi(argv[3]);
        if (repeats < 1 || repeats > 100000) {
            fprintf(stderr, "bench_store: REPEATS must be 1..100000\n");
            return 2;
        }
        return bench_ingest(argv[2], repeats, (const char *const *)argv + 4, argc - 4);
    }
    fprintf(stderr, "usage: bench_store queries DB [RUNS]\n"
                    "       bench_store ingest NEW_DB REPEATS INPUT...\n");
    return 2;
}
