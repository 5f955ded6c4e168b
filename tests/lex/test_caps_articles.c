/*
 * test_caps_articles.c — a word in capitals is no Arabic article: "US"
 * before a capitalised word used to be read as the article "as" and
 * dropped, so that "Armed Forces", "Air Force" or "Marines" alone named
 * the US entries whose names begin with "US". Articles written in lower
 * case, title case or hyphen-joined ("as-Safira", "Ash Shaddadi",
 * "AS-SAFIRA", "AL BAB") are still skipped; two-letter acronyms keep their
 * letters in name keys ("US" and "IS" must not meet as "as").
 *
 * Also the closed word classes: the compiled table of a loaded lexicon
 * answers as the sorted table does, for every word and for misses.
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
    snprintf(fx->dir, sizeof fx->dir, "/tmp/sitrep-caps-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    /* actors 0..3 */
    test_write_file(
        fx->dir, "actors.tsv",
        "US Air Force\tus_coalition\t\tstate_force\tUS airstrikes|US Navy\t\n"
        "Syrian Arab Air Force\tgovernment\t\tstate_force\tAir Force\t\n"
        "US Armed Forces\tus_coalition\t\tstate_force\tUS Marines|US Central Command\t\n"
        "Islamic State\tislamic_state\t\tjihadist\tIS\t\n");
    test_write_file(fx->dir, "places.tsv",
                    "As Safira\tas-Safira\tSY\tSY-HL\t36.07\t37.37\tP\tPPL\ttown\n"
                    "Al Bab\t\tSY\tSY-HL\t36.37\t37.52\tP\tPPL\ttown\n");
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

static TokenList tok(Arena *a, const char *text)
{
    return tokenize(text, (Span){0, strlen(text)}, a);
}

static const char *fold_at(const TokenList *tl, int i)
{
    return tl->folded + tl->items[i].fold;
}

/* The actor ids a phrase looks up to, as a bit set. */
static unsigned actors_of(const Fixture *fx, const char *phrase)
{
    int n = 0;
    const Entry *es = matcher_lookup(fx->lex.matcher, phrase, strlen(phrase), &n);
    unsigned set = 0;
    for (int i = 0; es && i < n; i++)
        if (es[i].kind == ENTRY_ACTOR)
            set |= 1u << es[i].id;
    return set;
}

static void test_fold_phrase_keeps_caps(void **state)
{
    (void)state;
    char a[128], b[128];
    /* "US" stays, as its letters: "us", not the article, not "as". */
    fold_phrase("US Air Force", 12, a, sizeof a);
    fold_phrase("Air Force", 9, b, sizeof b);
    assert_string_not_equal(a, b);
    assert_memory_equal(a, "us ", 3);
    fold_phrase("IS Air Force", 12, b, sizeof b);
    assert_string_not_equal(a, b);
    /* Articles as names write them are still dropped. */
    fold_phrase("as-Safira", 9, a, sizeof a);
    fold_phrase("Safira", 6, b, sizeof b);
    assert_string_equal(a, b);
    fold_phrase("As Safira", 9, a, sizeof a);
    assert_string_equal(a, b);
    fold_phrase("AS-SAFIRA", 9, a, sizeof a);
    assert_string_equal(a, b);
    fold_phrase("AL BAB", 6, a, sizeof a);
    fold_phrase("Bab", 3, b, sizeof b);
    assert_string_equal(a, b);
}

static void test_tokenizer_caps_not_articles(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    /*                0    1  2   3  4   5     6     7   8  9  10 11 12  13 14   15 */
    TokenList tl = tok(&a, "Jets of the US Air Force hit AS-SAFIRA and AL BAB near As Safira");
    assert_string_equal(fold_at(&tl, 3), "us");
    assert_false(tl.items[3].flags & TOKEN_ARTICLE);
    assert_string_equal(fold_at(&tl, 7), "as");
    assert_true(tl.items[7].flags & TOKEN_ARTICLE); /* hyphen-joined */
    assert_string_equal(fold_at(&tl, 10), "al");
    assert_true(tl.items[10].flags & TOKEN_ARTICLE); /* al/el always */
    assert_string_equal(fold_at(&tl, 13), "as");
    assert_true(tl.items[13].flags & TOKEN_ARTICLE); /* title case */
    arena_free(&a);
}

static void test_us_names_need_us(void **state)
{
    Fixture *fx = *state;
    assert_int_equal(fx->lex.actor_count, 4);
    /* The bare words name the Syrian alias or nothing, never a US entry. */
    assert_int_equal(actors_of(fx, "Air Force"), 1u << 1);
    assert_int_equal(actors_of(fx, "Navy"), 0);
    assert_int_equal(actors_of(fx, "Marines"), 0);
    assert_int_equal(actors_of(fx, "Central Command"), 0);
    assert_int_equal(actors_of(fx, "Armed Forces"), 0);
    /* With "US" they are the US entries. */
    assert_int_equal(actors_of(fx, "US Air Force"), 1u << 0);
    assert_int_equal(actors_of(fx, "US Navy"), 1u << 0);
    assert_int_equal(actors_of(fx, "US Marines"), 1u << 2);
    assert_int_equal(actors_of(fx, "US Central Command"), 1u << 2);
    assert_int_equal(actors_of(fx, "US Armed Forces"), 1u << 2);

    /* In text: the match covers "US"; "IS airstrikes" is no US phrase. */
    Arena a;
    arena_init(&a);
    /*                          0   1  2        3   4  5   6     7      8 9  10  11 */
    TokenList tl = tok(&a, "Then US Marines and IS airstrikes hit Al Bab , as Safira");
    MatchList ml = matcher_find(fx->lex.matcher, &tl, &a);
    bool us_marines = false, bab = false;
    for (int i = 0; i < ml.count; i++) {
        const Match *m = &ml.items[i];
        for (int e = 0; e < m->entry_count; e++) {
            if (m->entries[e].kind == ENTRY_ACTOR && m->entries[e].id == 2) {
                assert_int_equal(m->first, 1);
                assert_int_equal(m->last, 3);
                us_marines = true;
            }
            if (m->entries[e].kind == ENTRY_ACTOR)
                assert_int_not_equal(m->entries[e].id, 0); /* "IS airstrikes" */
            if (m->entries[e].kind == ENTRY_PLACE && m->entries[e].id == 1 && m->first == 7)
                bab = true;
            /* "as Safira" in lower case after a comma: English "as" kept */
            if (m->entries[e].kind == ENTRY_PLACE)
                assert_int_not_equal(m->first, 10);
        }
    }
    assert_true(us_marines);
    assert_true(bab);
    arena_free(&a);
}

static void test_word_classes_compiled(void **state)
{
    Fixture *fx = *state;
    assert_non_null(fx->lex.word_classes);
    size_t n = 0;
    const WordClassEntry *t = word_class_table(&n);
    assert_true(n > 100);
    for (size_t i = 0; i < n; i++) {
        assert_int_not_equal(t[i].classes, 0);
        assert_int_equal(lexicon_word_class(&fx->lex, t[i].word, strlen(t[i].word)), t[i].classes);
        /* no NUL needed: the length decides */
        char longer[64];
        snprintf(longer, sizeof longer, "%sx", t[i].word);
        assert_int_equal(lexicon_word_class(&fx->lex, longer, strlen(t[i].word)), t[i].classes);
        assert_int_equal(lexicon_word_class(&fx->lex, longer, strlen(longer)), word_class(longer));
        size_t len = strlen(t[i].word);
        if (len > 1) { /* a prefix: its own classes, if any */
            char prefix[64];
            snprintf(prefix, sizeof prefix, "%.*s", (int)(len - 1), t[i].word);
            assert_int_equal(lexicon_word_class(&fx->lex, t[i].word, len - 1), word_class(prefix));
        }
    }
    const char *misses[] = {"palmyra",         "",          "s0ldiers",   "soldiersoldiers",
                            "neighbourhoodss", "a\xC3\xA9", "militiamenx"};
    for (size_t i = 0; i < sizeof misses / sizeof *misses; i++)
        assert_int_equal(lexicon_word_class(&fx->lex, misses[i], strlen(misses[i])),
                         word_class(misses[i]));
    assert_true(lexicon_word_class(&fx->lex, "said", 4) & WC_SPEECH_VERBS);
    assert_true(lexicon_word_class(&fx->lex, "dozens", 6) & WC_COUNT_STARTS);
    assert_int_equal(lexicon_word_class(NULL, "said", 4), word_class("said"));

    /* Per token of a text (folds read eight bytes at a time). */
    Arena a;
    arena_init(&a);
    TokenList tl = tok(&a, "Soldiers said at least 12 civilians, a dozen women and "
                           "neighbourhoods' residents were killed in Aleppo's countryside "
                           "on Sunday; extraordinarily, nobody said so.");
    int classed = 0;
    for (int i = 0; i < tl.count; i++) {
        const char *f = fold_at(&tl, i);
        uint32_t want = word_class(f);
        assert_int_equal(lexicon_token_class(&fx->lex, &tl, i), want);
        classed += want != 0;
    }
    assert_true(classed >= 10);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold_phrase_keeps_caps),
        cmocka_unit_test(test_tokenizer_caps_not_articles),
        cmocka_unit_test_setup_teardown(test_us_names_need_us, setup, teardown),
        cmocka_unit_test_setup_teardown(test_word_classes_compiled, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
