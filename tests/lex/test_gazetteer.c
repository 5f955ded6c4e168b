/*
 * test_gazetteer.c — compiling a GeoNames file into the binary gazetteer
 * and loading it back: a synthetic file written here (so the test needs no
 * node_modules), then, when build/gazetteer.bin exists, the governorates
 * of well-known places in the real one, and data/admin1.tsv against
 * admin1_name().
 */
#include "testing.h"

#include "../../src/lex/lex.h"

#include <sys/stat.h>

static char tmpdir[64];

static void path_in(char *out, size_t cap, const char *name)
{
    snprintf(out, cap, "%s/%s", tmpdir, name);
}

static void write_file(const char *name, const char *text)
{
    char path[256];
    path_in(path, sizeof path, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/sitrep-gaz-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    test_remove_dir(tmpdir);
    return 0;
}

/* A GeoNames row: id, name, ascii, alternates, lat, lon, class, code, cc,
 * admin1, population. */
static void row(Buffer *b, const char *id, const char *name, const char *ascii, const char *alt,
                const char *lat, const char *lon, const char *cls, const char *code, const char *cc,
                const char *admin1, const char *pop)
{
    buffer_printf(
        b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\t%s\t\t\t\t%s\t\t300\tAsia/Damascus\t2020-01-01\n",
        id, name, ascii, alt, lat, lon, cls, code, cc, admin1, pop);
}

static void test_compile_and_load(void **state)
{
    (void)state;
    Buffer b;
    buffer_init(&b);
    /* Invented places with real-looking names; the Arabic alternate name
     * and the airport code must be skipped. */
    row(&b, "900001", "Tall Zahr", "Tall Zahr", "Tal Zahr,Tell Zahr,تل زهر,TZR", "36.1", "38.2",
        "P", "PPL", "SY", "07", "1200");
    row(&b, "900002", "Ḩamrāʼ", "Hamra'", "Al-Hamra,El Hamra", "35.2", "36.1", "P", "PPLA3", "SY",
        "10", "8000");
    row(&b, "900003", "Hamra", "Hamra", "", "37.0", "35.0", "P", "PPL", "TR", "81", "300");
    row(&b, "900004", "Faraway", "Faraway", "Far Away", "48.0", "2.0", "P", "PPL", "FR", "11",
        "5000");
    row(&b, "900005", "Qaryat X", "Qaryat X", "", "33.0", "36.0", "P", "PPL", "SY", "99", "0");
    buffer_append_str(&b, "a broken line\n");
    write_file("cities.txt", b.data);
    buffer_free(&b);
    write_file("admin1.tsv", "# test mapping\nSY\t07\tSY-DY\tDeir ez-Zor\n"
                             "SY\t10\tSY-HM\tHama\nTR\t81\tTR-01\tAdana\nbad line\n");

    char cities[256], admin1[256], gaz[256];
    path_in(cities, sizeof cities, "cities.txt");
    path_in(admin1, sizeof admin1, "admin1.tsv");
    path_in(gaz, sizeof gaz, "gaz.bin");
    /* A word list of our own, so that the figures do not depend on the
     * machine's: "tell" folds like the first word of Tell Zahr. */
    char words[256];
    path_in(words, sizeof words, "words.txt");
    write_file("words.txt", "tell\nbanana\n");
    setenv("SITREP_WORDS", words, 1);
    Diagnostics diag = {0};
    GazetteerStats st;
    assert_true(gazetteer_compile(cities, admin1, gaz, &st, &diag));
    unsetenv("SITREP_WORDS");
    assert_int_equal(st.words_kept, 1);
    assert_int_equal(st.rows_read, 6);
    assert_int_equal(st.places_kept, 4);     /* not the French one */
    assert_int_equal(st.unmapped_admin1, 1); /* SY.99 */
    assert_int_equal(diag.warnings, 2);      /* the broken line in each file */
    /* One per distinct spelling of a place: Tall Zahr three ("tall zahr",
     * "tal zahr", "tell zahr"; the Arabic name and the code skipped), the
     * Syrian Hamra one (Ḩamrāʼ, Hamra', Al-Hamra and El Hamra are all
     * "hamra": the final hamza and the article go), the Turkish Hamra
     * and Qaryat X one each. */
    assert_int_equal(st.names_kept, 6);
    assert_true(st.names_skipped >= 2);

    Lexicon lex;
    Diagnostics d2 = {0};
    assert_true(lexicon_load(&lex, tmpdir, gaz, &d2)); /* no TSVs there: fine */
    assert_int_equal(d2.errors, 0);
    assert_int_equal(lex.place_count, 4);
    int n;
    const Entry *e = matcher_lookup(lex.matcher, "Tell Zahr", 9, &n);
    assert_int_equal(n, 1);
    const Place *p = &lex.places[e[0].id];
    assert_string_equal(p->name, "Tall Zahr");
    assert_string_equal(p->admin1, "SY-DY");
    assert_string_equal(p->country, "SY");
    assert_string_equal(p->source, "geonames:900001");
    assert_true(p->lat > 36.09 && p->lat < 36.11);
    assert_int_equal(p->population, 1200);
    assert_int_equal(p->feature, 'P');
    assert_null(matcher_lookup(lex.matcher, "TZR", 3, &n));

    /* Two places called Hamra: the seat in Syria wins without context, the
     * Turkish one when Turkey is in the context. */
    e = matcher_lookup(lex.matcher, "al-Hamra", 8, &n);
    assert_int_equal(n, 2);
    PlaceChoice c = place_choose(&lex, e, n, NULL);
    assert_string_equal(lex.places[c.place].country, "SY");
    assert_string_equal(c.why, "administrative seat");
    PlaceContext ctx = {.countries = {"TR"}, .country_count = 1};
    c = place_choose(&lex, e, n, &ctx);
    assert_string_equal(lex.places[c.place].admin1, "TR-01");
    assert_string_equal(c.why, "in a country named earlier");
    lexicon_free(&lex);

    /* A file that is not a gazetteer is refused with a message. */
    Diagnostics d3 = {0};
    assert_true(lexicon_load(&lex, tmpdir, admin1, &d3));
    assert_int_equal(d3.errors, 1);
    assert_int_equal(lex.place_count, 0);
    lexicon_free(&lex);
}

static void test_empty_source(void **state)
{
    (void)state;
    write_file("empty.txt", "");
    write_file("admin1.tsv", "");
    char cities[256], admin1[256], gaz[256];
    path_in(cities, sizeof cities, "empty.txt");
    path_in(admin1, sizeof admin1, "admin1.tsv");
    path_in(gaz, sizeof gaz, "gaz.bin");
    Diagnostics diag = {0};
    GazetteerStats st;
    assert_true(gazetteer_compile(cities, admin1, gaz, &st, &diag));
    assert_int_equal(st.places_kept, 0);
    Lexicon lex;
    assert_true(lexicon_load(&lex, tmpdir, gaz, &diag));
    assert_int_equal(lex.place_count, 0);
    lexicon_free(&lex);
}

/* Tokens of a text, and the place matcher_find names at token `first` (-1
 * when no match there has a place entry). */
static int place_at(const Lexicon *lex, const char *text, int first, Arena *a)
{
    TokenList tl = tokenize(text, (Span){0, strlen(text)}, a);
    MatchList ml = matcher_find(lex->matcher, &tl, a);
    for (int i = 0; i < ml.count; i++)
        if (ml.items[i].first == first)
            return place_choose(lex, ml.items[i].entries, ml.items[i].entry_count, NULL).place;
    return -1;
}

/* The English words compiled into the gazetteer: a word of the list that
 * folds like a place ("Syrian" like Suran, "hit" like Hit) is kept with
 * whether it is a common word or a proper noun, and the matcher weighs
 * one-word place matches with it. */
static void test_english_words(void **state)
{
    (void)state;
    Buffer b;
    buffer_init(&b);
    row(&b, "900011", "Hīt", "Hit", "Heet", "33.6", "42.8", "P", "PPLA2", "IQ", "01", "31901");
    row(&b, "900012", "Şūrān", "Suran", "", "35.3", "36.7", "P", "PPLA3", "SY", "10", "30000");
    row(&b, "900013", "Jinnah", "Jinnah", "", "36.3", "38.9", "P", "PPL", "SY", "10", "500");
    write_file("cities.txt", b.data);
    buffer_free(&b);
    write_file("admin1.tsv", "SY\t10\tSY-HM\tHama\nIQ\t01\tIQ-AN\tAnbar\n");
    /* "they're" folds like no place; "Syrian" (a proper noun) like Suran,
     * "hit" (a common word) like Hit. */
    write_file("words.txt", "hit\nSyrian\nthey're\nzebra\n");
    write_file("not-places.tsv", "# word\tnote\nJune\tmonth\n");

    char cities[256], admin1[256], gaz[256], words[256];
    path_in(cities, sizeof cities, "cities.txt");
    path_in(admin1, sizeof admin1, "admin1.tsv");
    path_in(gaz, sizeof gaz, "gaz2.bin");
    path_in(words, sizeof words, "words.txt");
    setenv("SITREP_WORDS", words, 1);
    Diagnostics diag = {0};
    GazetteerStats st;
    bool ok = gazetteer_compile(cities, admin1, gaz, &st, &diag);
    unsetenv("SITREP_WORDS");
    assert_true(ok);
    assert_int_equal(diag.warnings, 0);
    assert_int_equal(st.places_kept, 3);
    assert_int_equal(st.words_kept, 2);

    Lexicon lex;
    assert_true(lexicon_load(&lex, tmpdir, gaz, &diag));
    Arena a;
    arena_init(&a);
    /* Exact and after a preposition, or capitalised in mid-sentence: Hit. */
    assert_int_equal(place_at(&lex, "Clashes broke out in Hit on Monday.", 4, &a), 0);
    assert_int_equal(place_at(&lex, "Troops reached Hit and Rawa.", 2, &a), 0);
    /* At the start of a sentence, or in a run of capitals, the verb. */
    assert_int_equal(place_at(&lex, "Hit by shells, the town emptied.", 0, &a), -1);
    assert_int_equal(place_at(&lex, "Rebels said Jets Hit Army Base.", 3, &a), -1);
    /* A proper noun of the list that only folds like a place: none. */
    assert_int_equal(place_at(&lex, "The Syrian delegation left.", 1, &a), -1);
    assert_int_equal(place_at(&lex, "Troops entered Suran at dawn.", 2, &a), 1);
    /* A word of not-places.tsv names no place, even after "in"; Jinnah
     * spelled otherwise is found after a preposition only. */
    assert_int_equal(place_at(&lex, "Talks resumed in June.", 3, &a), -1);
    assert_int_equal(place_at(&lex, "Shelling hit Jinah overnight.", 2, &a), -1);
    assert_int_equal(place_at(&lex, "Shelling near Jinah overnight.", 2, &a), 2);
    arena_free(&a);
    lexicon_free(&lex);

    /* Without the word list the gazetteer is still written, with a warning. */
    setenv("SITREP_WORDS", "/nonexistent/words", 1);
    Diagnostics d2 = {0};
    ok = gazetteer_compile(cities, admin1, gaz, &st, &d2);
    unsetenv("SITREP_WORDS");
    assert_true(ok);
    assert_int_equal(d2.warnings, 1);
    assert_int_equal(st.words_kept, 0);
    remove(words);
}

/* data/admin1.tsv and the compiled-in names agree. */
static void test_admin1_table(void **state)
{
    (void)state;
    FILE *f = fopen("data/admin1.tsv", "r");
    if (!f) {
        print_message("skipped: data/admin1.tsv not found (run from the repository root)\n");
        skip();
    }
    char line[256];
    int rows = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char cc[8], gn[8], iso[16], name[128];
        assert_int_equal(sscanf(line, "%7[^\t]\t%7[^\t]\t%15[^\t]\t%127[^\n]", cc, gn, iso, name),
                         4);
        const char *known = admin1_name(iso);
        if (!known || strcmp(known, name))
            fail_msg("%s: admin1.tsv says '%s', admin1_name() '%s'", iso, name,
                     known ? known : "(none)");
        assert_memory_equal(iso, cc, 2);
        rows++;
    }
    fclose(f);
    assert_true(rows > 100);
    assert_string_equal(admin1_name("SY-DY"), "Deir ez-Zor");
    assert_string_equal(admin1_name("IQ-NI"), "Nineveh");
    assert_null(admin1_name("XX-YY"));
}

/* Governorates of well-known places in the real gazetteer. */
static void test_real_gazetteer(void **state)
{
    (void)state;
    if (access("build/gazetteer.bin", R_OK) != 0) {
        print_message("skipped: build/gazetteer.bin not built\n");
        skip();
    }
    Lexicon lex;
    Diagnostics diag = {0};
    assert_true(lexicon_load(&lex, tmpdir, "build/gazetteer.bin", &diag));
    assert_int_equal(diag.errors, 0);
    struct {
        const char *name, *admin1;
    } cases[] = {
        {"Aleppo", "SY-HL"},    {"Deir ez-Zor", "SY-DY"}, {"Deir Ezzor", "SY-DY"},
        {"Raqqa", "SY-RA"},     {"Al-Raqqah", "SY-RA"},   {"Palmyra", "SY-HI"},
        {"Tadmur", "SY-HI"},    {"Idlib", "SY-ID"},       {"Daraa", "SY-DR"},
        {"Hama", "SY-HM"},      {"Latakia", "SY-LA"},     {"Tartus", "SY-TA"},
        {"Suwayda", "SY-SU"},   {"Quneitra", "SY-QU"},    {"Damascus", "SY-DI"},
        {"Douma", "SY-RD"},     {"Homs", "SY-HI"},        {"Manbij", "SY-HL"},
        {"Al-Bab", "SY-HL"},    {"Qamishli", "SY-HA"},    {"Hasakah", "SY-HA"},
        {"Mayadin", "SY-DY"},   {"Abu Kamal", "SY-DY"},   {"Mosul", "IQ-NI"},
        {"Kirkuk", "IQ-KI"},    {"Ramadi", "IQ-AN"},      {"Fallujah", "IQ-AN"},
        {"Tikrit", "IQ-SD"},    {"Erbil", "IQ-AR"},       {"Kilis", "TR-79"},
        {"Gaziantep", "TR-27"}, {"Antakya", "TR-31"},     {"Sanliurfa", "TR-63"},
        {"Mersin", "TR-33"},    {"Beirut", "LB-BA"},      {"Irbid", "JO-IR"},
    };
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int n;
        const Entry *e = matcher_lookup(lex.matcher, cases[i].name, strlen(cases[i].name), &n);
        PlaceChoice c = place_choose(&lex, e, n, NULL);
        const char *got = c.place >= 0 ? lex.places[c.place].admin1 : "(none)";
        if (strcmp(got, cases[i].admin1)) {
            print_message("%s: %s, expected %s (%d entries)\n", cases[i].name, got, cases[i].admin1,
                          n);
            failures++;
        }
    }
    print_message("real gazetteer: %d places\n", lex.place_count);
    assert_int_equal(failures, 0);
    lexicon_free(&lex);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compile_and_load), cmocka_unit_test(test_empty_source),
        cmocka_unit_test(test_english_words),    cmocka_unit_test(test_admin1_table),
        cmocka_unit_test(test_real_gazetteer),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
