/*
 * test_acceptance.c — the whole pipeline (read, split, extract, store,
 * fuse) on the shared seeds and the FA-KES dev set, checked the way an
 * analyst would: Palmyra's control timeline, the Deir ez-Zor airport
 * strike as one event with both claimants, idempotent re-ingest, and the
 * exports read by outside tools (ogrinfo, Python's csv module).
 *
 * Skips without ../shared; the outside tools' checks skip when the tool is
 * not installed (gdal-bin, python3).
 */
#include "testing.h"

#include <sys/wait.h>

#include "../../src/export/export.h"
#include "../../src/extract/extract.h"
#include "store/fixture.h"

typedef struct Pipeline {
    Lexicon lex;
    Store *store;
    Diagnostics diag;
    long failed;
} Pipeline;

static int ingest_one(Document *doc, void *ctx)
{
    Pipeline *p = ctx;
    ArticleList articles = split_articles(doc, &p->diag);
    EventList events = extract_document(&p->lex, doc, &articles, &p->diag);
    IngestResult r;
    if (store_ingest(p->store, doc, &articles, &events, &r) != 0) {
        print_message("not stored: %s: %s\n", doc->id, store_error(p->store));
        p->failed++;
    }
    return 0;
}

static void quiet(void *ctx, DiagLevel level, const char *file, long line, const char *msg)
{
    (void)ctx, (void)level, (void)file, (void)line, (void)msg;
}

static char db_path[256];
static Pipeline pipeline;

static void ingest_corpus(const char *shared)
{
    char seeds[512], fakes[512];
    snprintf(seeds, sizeof seeds, "%s/corpus/seeds", shared);
    snprintf(fakes, sizeof fakes, "%s/corpus/fakes-dev.jsonl", shared);
    const char *inputs[] = {seeds, fakes};
    ReadStats stats = {0};
    assert_int_equal(read_inputs(inputs, 2, ingest_one, &pipeline, &pipeline.diag, &stats), 0);
    assert_int_equal(pipeline.failed, 0);
    assert_true(stats.documents >= 180);
}

static int setup(void **state)
{
    (void)state;
    const char *shared = shared_dir();
    if (!shared || access("build/gazetteer.bin", R_OK) != 0)
        return 0; /* the tests skip */
    pipeline.diag.emit = quiet;
    if (!lexicon_load(&pipeline.lex, "data", "build/gazetteer.bin", &pipeline.diag))
        return -1;
    temp_db_path(db_path, sizeof db_path, "acceptance");
    char err[256];
    pipeline.store = store_open(db_path, err, sizeof err);
    if (!pipeline.store)
        return -1;
    ingest_corpus(shared);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (pipeline.store) {
        store_close(pipeline.store);
        lexicon_free(&pipeline.lex);
        temp_db_remove(db_path);
    }
    return 0;
}

#define REQUIRE_PIPELINE()                                                                         \
    REQUIRE_SHARED(shared);                                                                        \
    (void)shared;                                                                                  \
    if (!pipeline.store) {                                                                         \
        print_message("skipped: build/gazetteer.bin missing (run make)\n");                        \
        skip();                                                                                    \
    }

static void test_palmyra_timeline(void **state)
{
    (void)state;
    REQUIRE_PIPELINE();
    Arena arena;
    arena_init(&arena);
    StoreTimeline *t;
    int n;
    assert_int_equal(store_timeline(pipeline.store, "Palmyra", &arena, &t, &n), 0);
    assert_true(n >= 1);
    /* Islamic State from December 2016, then the government from March
     * 2017, in that order. */
    int is_dec = -1, gov_mar = -1;
    for (int i = 0; i < t[0].period_count; i++) {
        const StoreControlPeriod *p = &t[0].periods[i];
        print_message("Palmyra: %s from %s to %s\n", p->holder_side, p->from, p->to ? p->to : "-");
        if (!strcmp(p->holder_side, "islamic_state") && !strncmp(p->from, "2016-12", 7))
            is_dec = i;
        if (!strcmp(p->holder_side, "government") && !strncmp(p->from, "2017-03", 7))
            gov_mar = i;
    }
    assert_true(is_dec >= 0);
    assert_true(gov_mar > is_dec);
    StoreControl *c;
    assert_int_equal(store_control_at(pipeline.store, "2017-01-15", "SY-HI", &arena, &c, &n), 0);
    bool found = false;
    for (int i = 0; i < n; i++)
        if (!strcmp(c[i].place.name, "Palmyra")) {
            found = true;
            assert_string_equal(c[i].holder_side, "islamic_state");
        }
    assert_true(found);
    arena_free(&arena);
}

static void test_airport_strike_one_event(void **state)
{
    (void)state;
    REQUIRE_PIPELINE();
    Arena arena;
    arena_init(&arena);
    StoreFilter f = {.from = "2016-09-01",
                     .to = "2016-09-30",
                     .admin1 = "SY-DY",
                     .side = "us_coalition",
                     .type = "Air/drone strike",
                     .limit = -1};
    StoreEvent *rows;
    int n;
    assert_int_equal(store_query_events(pipeline.store, &f, &arena, &rows, &n), 0);
    for (int i = 0; i < n; i++)
        print_message("strike candidate %ld: %s %s %ld-%ld\n", rows[i].id,
                      rows[i].date ? rows[i].date : "-",
                      rows[i].has_place ? rows[i].place.name : "-", rows[i].fatalities.low,
                      rows[i].fatalities.high);
    assert_int_equal(n, 1);
    assert_true(rows[0].fatalities.present);
    assert_int_equal(rows[0].fatalities.low, 62);
    assert_int_equal(rows[0].fatalities.high, 80);
    /* Both claimants are kept: one said 62, another 80. */
    StoreEventDetail d;
    bool found;
    assert_int_equal(store_event_detail(pipeline.store, rows[0].id, &arena, &d, &found), 0);
    const char *said62 = NULL, *said80 = NULL;
    for (int i = 0; i < d.report_count; i++)
        for (int j = 0; j < d.reports[i].claim_count; j++) {
            const StoreClaim *c = &d.reports[i].claims[j];
            if (!c->fatalities.present || !c->claimant)
                continue;
            if (c->fatalities.best == 62)
                said62 = c->claimant;
            if (c->fatalities.best == 80 || c->fatalities.high == 80)
                said80 = c->claimant;
        }
    assert_non_null(said62);
    assert_non_null(said80);
    assert_string_not_equal(said62, said80);
    arena_free(&arena);
}

static void test_reingest_adds_nothing(void **state)
{
    (void)state;
    REQUIRE_PIPELINE();
    StoreCounts before, after;
    assert_int_equal(store_counts(pipeline.store, &before), 0);
    assert_true(before.events > 0);
    ingest_corpus(shared);
    assert_int_equal(store_counts(pipeline.store, &after), 0);
    assert_memory_equal(&before, &after, sizeof before);
}

/* Runs a shell command; returns its exit status, or -1 if it could not
 * run. Output goes to `out` (NULL: discarded). */
static int run_command(const char *cmd, char *out, size_t cap)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    size_t n = 0;
    char buf[4096];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, p)) > 0)
        if (out && n + got < cap) {
            memcpy(out + n, buf, got);
            n += got;
        }
    if (out)
        out[n] = '\0';
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static void test_geojson_reads_in_ogrinfo(void **state)
{
    (void)state;
    REQUIRE_PIPELINE();
    if (run_command("command -v ogrinfo", NULL, 0) != 0) {
        print_message("skipped: ogrinfo not installed (apt-get install gdal-bin)\n");
        skip();
    }
    char path[300], cmd[700], out[8192];
    snprintf(path, sizeof path, "%s.events.geojson", db_path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    long written = export_events(pipeline.store, NULL, EXPORT_GEOJSON, f);
    fclose(f);
    assert_true(written > 0);
    snprintf(cmd, sizeof cmd, "ogrinfo -ro -so -al '%s' 2>&1", path);
    assert_int_equal(run_command(cmd, out, sizeof out), 0);
    const char *count = strstr(out, "Feature Count: ");
    assert_non_null(count);
    assert_int_equal(atol(count + 15), written);
    unlink(path);

    snprintf(path, sizeof path, "%s.control.geojson", db_path);
    f = fopen(path, "w");
    assert_non_null(f);
    written = export_control(pipeline.store, "2017-01-15", NULL, EXPORT_GEOJSON, f);
    fclose(f);
    assert_true(written > 0);
    snprintf(cmd, sizeof cmd, "ogrinfo -ro -so -al '%s' 2>&1", path);
    assert_int_equal(run_command(cmd, out, sizeof out), 0);
    count = strstr(out, "Feature Count: ");
    assert_non_null(count);
    assert_int_equal(atol(count + 15), written);
    unlink(path);
}

static void test_csv_reads_in_python(void **state)
{
    (void)state;
    REQUIRE_PIPELINE();
    if (run_command("command -v python3", NULL, 0) != 0) {
        print_message("skipped: python3 not installed\n");
        skip();
    }
    char path[300], cmd[2048], out[256];
    snprintf(path, sizeof path, "%s.csv", db_path);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    long written = export_events(pipeline.store, NULL, EXPORT_CSV, f);
    fclose(f);
    assert_true(written > 0);
    /* Python checks the header against ACLED's names and counts rows. */
    Buffer names;
    buffer_init(&names);
    for (int i = 0; i < export_acled_column_count; i++)
        buffer_printf(&names, "%s%s", i ? " " : "", export_acled_columns[i]);
    snprintf(cmd, sizeof cmd,
             "python3 -c 'import csv,sys\n"
             "r=csv.DictReader(open(sys.argv[1],newline=\"\",encoding=\"utf-8\"))\n"
             "rows=list(r)\n"
             "assert r.fieldnames==sys.argv[2].split(), r.fieldnames\n"
             "assert all(len(x)==len(r.fieldnames) and None not in x for x in rows)\n"
             "assert all(x[\"event_id_cnty\"] and x[\"event_type\"] for x in rows)\n"
             "print(len(rows))' '%s' '%s'",
             path, names.data);
    buffer_free(&names);
    assert_int_equal(run_command(cmd, out, sizeof out), 0);
    assert_int_equal(atol(out), written);
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_palmyra_timeline),
        cmocka_unit_test(test_airport_strike_one_event),
        cmocka_unit_test(test_reingest_adds_nothing),
        cmocka_unit_test(test_geojson_reads_in_ogrinfo),
        cmocka_unit_test(test_csv_reads_in_python),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
