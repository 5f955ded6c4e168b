/*
 * test_codes.c — the codes lexicon_load() makes from names, so that the
 * extraction compares numbers rather than strings: an actor's kind code,
 * a trigger's frame code, a place's class bits. Each must say exactly
 * what the string test it replaces said (a PPLCH is a PPLC… but not a
 * PPLC; a PCL written with another feature class is no country).
 *
 * Also the word classes of a whole token list at once
 * (lexicon_token_classes), with the tokenizer's hashes and without them.
 */
#include "testing.h"

#include "../../src/lex/lex.h"

#include <sys/stat.h>

typedef struct Fixture {
    char dir[64];
    Lexicon lex;
    Diagnostics diag;
} Fixture;

static int setup(void **state)
{
    Fixture *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/sitrep-codes-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    /* actors 0..4 */
    test_write_file(fx->dir, "actors.tsv",
                    "Watchers\tunknown\t\tmonitor\t\t\n"
                    "Ministry of Things\tgovernment\tArmy of Things\tpolitical\t\t\n"
                    "Army of Things\tgovernment\t\tstate_force\t\t\n"
                    "Nobody\tunknown\t\t\t\t\n"
                    "Odd Ones\tunknown\t\tsomething_else\t\t\n");
    /* triggers 0..3 */
    test_write_file(fx->dir, "triggers.tsv",
                    "killed\tViolence against civilians\tAttack\tkilled\n"
                    "captured\tStrategic developments\tNon-state actor\tterritory_gain\n"
                    "overran\tStrategic developments\tNon-state actor\tterritory_overrun\n"
                    "waved\tStrategic developments\tOther\twaving\n");
    /* places 0..7 (no gazetteer: the curated file only, sources varied) */
    test_write_file(fx->dir, "places.tsv",
                    "Countria\t\tXX\t\t10\t10\tA\tPCLI\tcurated\n"
                    "Oddland\t\tXX\t\t10\t10\tL\tPCLD\tcurated: odd\n"
                    "Provincia\t\tXX\t\t10\t10\tA\tADM1\tnote\n"
                    "Seat Town\t\tXX\t\t10\t10\tP\tPPLA\tcurated\n"
                    "Small Seat\t\tXX\t\t10\t10\tP\tPPLA2\tcurated\n"
                    "Old Capital\t\tXX\t\t10\t10\tP\tPPLCH\tcurated\n"
                    "Inner Sea\t\tXX\t\t10\t10\tH\tSEA\tcurated\n"
                    "Sea Village\t\tXX\t\t10\t10\tP\tSEA\tcurated\n");
    if (!lexicon_load(&fx->lex, fx->dir, "/nonexistent/gazetteer.bin", &fx->diag))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fixture *fx = *state;
    lexicon_free(&fx->lex);
    test_remove_dir(fx->dir);
    free(fx);
    return 0;
}

static void test_actor_kinds(void **state)
{
    Fixture *fx = *state;
    assert_int_equal(fx->lex.actor_count, 5);
    assert_int_equal(fx->lex.actors[0].kind_code, ACTOR_KIND_MONITOR);
    assert_int_equal(fx->lex.actors[1].kind_code, ACTOR_KIND_POLITICAL);
    assert_int_equal(fx->lex.actors[2].kind_code, ACTOR_KIND_STATE_FORCE);
    assert_int_equal(fx->lex.actors[3].kind_code, ACTOR_KIND_OTHER); /* no kind */
    assert_int_equal(fx->lex.actors[4].kind_code, ACTOR_KIND_OTHER); /* unlisted */
    assert_int_equal(actor_kind_code(NULL), ACTOR_KIND_OTHER);
    assert_int_equal(actor_kind_code("agency"), ACTOR_KIND_AGENCY);
    assert_int_equal(actor_kind_code("agencies"), ACTOR_KIND_OTHER);
}

static void test_frames(void **state)
{
    Fixture *fx = *state;
    assert_int_equal(fx->lex.trigger_count, 4);
    assert_int_equal(fx->lex.triggers[0].frame_code, FRAME_KILLED);
    assert_int_equal(fx->lex.triggers[1].frame_code, FRAME_TERRITORY_GAIN);
    assert_int_equal(fx->lex.triggers[2].frame_code, FRAME_TERRITORY_OTHER);
    assert_int_equal(fx->lex.triggers[3].frame_code, FRAME_OTHER);
    assert_true(frame_code_is_territory(fx->lex.triggers[1].frame_code));
    assert_true(frame_code_is_territory(fx->lex.triggers[2].frame_code));
    assert_false(frame_code_is_territory(fx->lex.triggers[0].frame_code));
    assert_false(frame_code_is_territory(FRAME_OTHER));
    assert_int_equal(frame_code(NULL), FRAME_OTHER);
    assert_int_equal(frame_code("siege"), FRAME_SIEGE);
    assert_int_equal(frame_code("siege_imposed"), FRAME_SIEGE_IMPOSED);
    assert_int_equal(frame_code("territory"), FRAME_OTHER); /* no underscore */
}

static void test_place_classes(void **state)
{
    Fixture *fx = *state;
    const Place *p = fx->lex.places;
    assert_int_equal(fx->lex.place_count, 8);
    assert_int_equal(p[0].classes, PLACE_COUNTRY | PLACE_PCL | PLACE_CURATED);
    assert_int_equal(p[1].classes, PLACE_PCL | PLACE_CURATED); /* not feature A */
    /* a source without "curated" is made "curated: note" by the loader */
    assert_int_equal(p[2].classes, PLACE_ADM1 | PLACE_ADM_ANY | PLACE_CURATED);
    assert_int_equal(p[3].classes, PLACE_PPLA | PLACE_PPLA_ANY | PLACE_CURATED);
    assert_int_equal(p[4].classes, PLACE_PPLA2 | PLACE_PPLA_ANY | PLACE_CURATED);
    assert_int_equal(p[5].classes, PLACE_PPLC_ANY | PLACE_CURATED); /* PPLCH: no PPLC */
    assert_int_equal(p[6].classes, PLACE_SEA | PLACE_CURATED);
    assert_int_equal(p[7].classes, PLACE_CURATED); /* SEA but not feature H */

    /* place_classes() of a place made by hand, from a gazetteer source */
    Place g = {.name = "G", .feature = 'P', .feature_code = "PPLC", .source = "geonames:1"};
    assert_int_equal(place_classes(&g), PLACE_PPLC | PLACE_PPLC_ANY);
    g.feature_code = NULL;
    assert_int_equal(place_classes(&g), 0);
}

static void test_token_classes_batch(void **state)
{
    Fixture *fx = *state;
    Arena a;
    arena_init(&a);
    const char *text = "Soldiers said at least 12 civilians, a dozen women and "
                       "neighbourhoods' residents were killed in Aleppo's countryside "
                       "on Sunday; extraordinarily, nobody said so - according to reports.";
    TokenList tl = tokenize(text, (Span){0, strlen(text)}, &a);
    uint32_t *got = arena_alloc(&a, (size_t)tl.count * sizeof *got);
    lexicon_token_classes(&fx->lex, &tl, got);
    int classed = 0;
    for (int i = 0; i < tl.count; i++) {
        uint32_t want =
            tl.items[i].kind == TOKEN_WORD ? word_class(tl.folded + tl.items[i].fold) : 0;
        assert_int_equal(got[i], want);
        if (tl.items[i].kind == TOKEN_WORD) /* one token at a time: the same */
            assert_int_equal(lexicon_token_class(&fx->lex, &tl, i), want);
        classed += want != 0;
    }
    assert_true(classed >= 12);

    /* a list made without hashes, and a lexicon without the compiled set:
     * the same answers */
    TokenList bare = tl;
    bare.hashes = NULL;
    uint32_t *again = arena_alloc(&a, (size_t)tl.count * sizeof *again);
    lexicon_token_classes(&fx->lex, &bare, again);
    assert_memory_equal(again, got, (size_t)tl.count * sizeof *got);
    lexicon_token_classes(NULL, &tl, again);
    assert_memory_equal(again, got, (size_t)tl.count * sizeof *got);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_actor_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_frames, setup, teardown),
        cmocka_unit_test_setup_teardown(test_place_classes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_token_classes_batch, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
