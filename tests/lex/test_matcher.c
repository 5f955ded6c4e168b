/*
 * test_matcher.c — the tokenizer (offsets, numbers, flags, articles) and the
 * matcher over a small lexicon written by the test into a temporary data
 * directory: longest match, multi-word phrases, articles skipped, several
 * entries per phrase, acronyms, malformed lines reported.
 */
#include "testing.h"

#include "../../src/lex/lex.h"

#include <sys/stat.h>
#include <time.h>

static TokenList tok(Arena *a, const char *text)
{
    return tokenize(text, (Span){0, strlen(text)}, a);
}

static const char *fold_of(const TokenList *tl, int i)
{
    return tl->folded + tl->items[i].fold;
}

static void test_tokenize_offsets(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    const char *text = "In Deir ez-Zor, Assad's forces lost 2,500 men (1.5 km).";
    TokenList tl = tok(&a, text);
    const char *want[] = {"in",   "deir", "ez", "zor", ",",  "assad", "forces", "lost",
                          "2500", "men",  "(",  "1.5", "km", ")",     "."};
    assert_int_equal(tl.count, (int)(sizeof want / sizeof *want));
    for (int i = 0; i < tl.count; i++)
        assert_string_equal(fold_of(&tl, i), want[i]);
    /* Offsets are byte offsets in the text. */
    assert_int_equal(tl.items[1].start, 3);
    assert_int_equal(tl.items[1].end, 7);
    assert_int_equal(tl.items[2].start, 8);
    assert_int_equal(tl.items[2].end, 10);
    assert_int_equal(tl.items[3].start, 11);
    assert_int_equal(tl.items[3].end, 14);
    assert_int_equal(tl.items[5].end - tl.items[5].start, strlen("Assad's"));
    assert_int_equal(tl.items[8].kind, TOKEN_NUMBER);
    assert_int_equal(tl.items[11].kind, TOKEN_NUMBER);
    assert_int_equal(tl.items[4].kind, TOKEN_PUNCT);
    /* Flags. */
    assert_true(tl.items[0].flags & TOKEN_SENTENCE_START);
    assert_true(tl.items[1].flags & TOKEN_CAPITALISED);
    assert_false(tl.items[1].flags & TOKEN_SENTENCE_START);
    assert_true(tl.items[2].flags & TOKEN_JOINED);
    assert_true(tl.items[2].flags & TOKEN_ARTICLE);
    assert_false(tl.items[3].flags & TOKEN_ARTICLE);
    arena_free(&a);
}

static void test_tokenize_unicode(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    /* NBSP, curly apostrophe, em and en dashes, a narrow no-break space,
     * combining marks, and bytes that are not UTF-8. */
    const char *text = "at\xC2\xA0least 70 in Ma\xE2\x80\x99"
                       "arrat\xE2\x80\x94"
                       "Raqqa"
                       "\xE2\x80\x93"
                       "Tabqa\xE2\x80\xAF"
                       "Ha\xCC\x84ma \xFF\xFE ok";
    TokenList tl = tok(&a, text);
    const char *want[] = {"at",    "least",        "70",    "in",   "maarrat", "\xE2\x80\x94",
                          "raqqa", "\xE2\x80\x93", "tabqa", "hama", "\xFF",    "\xFE",
                          "ok"};
    assert_int_equal(tl.count, (int)(sizeof want / sizeof *want));
    for (int i = 0; i < tl.count; i++)
        assert_string_equal(fold_of(&tl, i), want[i]);
    arena_free(&a);
}

static void test_tokenize_flags_and_articles(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    const char *text = "SDF fighters entered Al Bab and As Suwayda. As rebels "
                       "advanced at Raqqa, 12-15 died in 137th Brigade.\n\nNext line";
    TokenList tl = tok(&a, text);
    int i_sdf = 0, i_al = 3, i_as = 6, i_as2 = 9, i_at = 12, i_12 = 15;
    assert_true(tl.items[i_sdf].flags & TOKEN_ALLCAPS);
    assert_true(tl.items[i_al].flags & TOKEN_ARTICLE);
    assert_true(tl.items[i_as].flags & TOKEN_ARTICLE);
    /* At a sentence start, and in lower case, "as"/"at" stay English. */
    assert_string_equal(fold_of(&tl, i_as2), "as");
    assert_true(tl.items[i_as2].flags & TOKEN_SENTENCE_START);
    assert_false(tl.items[i_as2].flags & TOKEN_ARTICLE);
    assert_string_equal(fold_of(&tl, i_at), "at");
    assert_false(tl.items[i_at].flags & TOKEN_ARTICLE);
    assert_string_equal(fold_of(&tl, i_12), "12");
    assert_true(tl.items[i_12].flags & TOKEN_JOINED);
    assert_string_equal(fold_of(&tl, i_12 + 1), "15");
    assert_string_equal(fold_of(&tl, i_12 + 4), "137th");
    assert_int_equal(tl.items[i_12 + 4].kind, TOKEN_WORD);
    /* A blank line starts a sentence (headlines have no full stop). */
    assert_string_equal(fold_of(&tl, tl.count - 2), "next");
    assert_true(tl.items[tl.count - 2].flags & TOKEN_SENTENCE_START);
    assert_false(tl.items[tl.count - 1].flags & TOKEN_SENTENCE_START);
    /* Empty and space-only spans. */
    TokenList none = tokenize("   \n ", (Span){0, 5}, &a);
    assert_int_equal(none.count, 0);
    arena_free(&a);
}

/* ---- A lexicon of our own ------------------------------------------------------- */

typedef struct Fixture {
    char dir[64];
    Lexicon lex;
    Diagnostics diag;
} Fixture;

static int setup(void **state)
{
    Fixture *fx = calloc(1, sizeof *fx);
    snprintf(fx->dir, sizeof fx->dir, "/tmp/sitrep-lex-XXXXXX");
    if (!mkdtemp(fx->dir))
        return -1;
    test_write_file(
        fx->dir, "actors.tsv",
        "# name\tside\tparent\tkind\taliases\tnote\n"
        "Islamic State\tislamic_state\t\tjihadist\tISIS|ISIL|IS|Daesh|Islamic State group\t\n"
        "Syrian Arab Army\tgovernment\t\tstate_force\tSAA|Syrian army\t\n"
        "Tiger Forces\tgovernment\tSyrian Arab Army\tmilitia\tQuwat al-Nimr\t\n"
        "a line with no side\n"
        "Somebody\tmartians\t\tgeneric\t\t\n"
        "Tal Aswad Brigade\topposition\t\trebel_faction\tTell Aswad\t\n");
    test_write_file(fx->dir, "places.tsv",
                    "# name\taliases\tcountry\tadmin1\tlat\tlon\tclass\tcode\tsource\n"
                    "Tell Aswad\t\tSY\tSY-HA\t36.5\t40.9\tP\tPPL\tvillage in Hasakah\n"
                    "Tell Aswad\t\tSY\tSY-HL\t36.3\t37.6\tP\tPPL\tvillage in Aleppo\n"
                    "Tell Aswad\tTal al-Aswad\tSY\tSY-RA\t36.2\t39.1\tP\tPPL\tvillage in Raqqa\n"
                    "Deir ez-Zor\tDeir Ezzor|Dayr al-Zawr\tSY\tSY-DY\t35.33\t40.14\tP\tPPLA\tcity\n"
                    "Deir ez-Zor airport\tDeir ez-Zor military "
                    "airport\tSY\tSY-DY\t35.28\t40.18\tS\tAIRB\tairport\n"
                    "Raqqa\tAr-Raqqah\tSY\tSY-RA\t35.95\t39.01\tP\tPPLA\tcity\n"
                    "Damascus-Baghdad highway\t\tSY\tSY-HI\t33.5\t38.6\tR\tRD\thighway\n"
                    "Mare'\t\tSY\tSY-HL\t36.48\t37.2\tP\tPPL\ttown\n"
                    "Broken\t\tSY\tSY-DY\tnorth\t40\tP\tPPL\tbad latitude\n");
    test_write_file(
        fx->dir, "triggers.tsv",
        "# phrase\tevent type\tsub-event type\tframe\n"
        "shelled\tExplosions/Remote violence\tShelling/artillery/missile attack\tattack\n"
        "took control of\tBattles\tNon-state actor overtakes territory\tcapture\n"
        "took\tStrategic developments\tOther\tother\n");
    test_write_file(fx->dir, "numbers.tsv",
                    "# phrase\tvalue\tlow\thigh\n"
                    "four\t4\t\t\n"
                    "dozens\t24\t24\t99\n"
                    "a dozen\t12\t\t\n"
                    "five\tfive\t\t\n");
    test_write_file(fx->dir, "outlets.tsv",
                    "SANA\tSyrian Arab News Agency|sana.sy\tSY\tstate_media:SY\t\n");
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

static void test_load_reports_malformed(void **state)
{
    Fixture *fx = *state;
    /* Four bad lines (no side, unknown side, bad latitude, bad number) and
     * the missing gazetteer, all warnings. */
    assert_int_equal(fx->diag.warnings, 5);
    assert_int_equal(fx->diag.errors, 0);
    assert_int_equal(fx->lex.actor_count, 4);
    assert_int_equal(fx->lex.place_count, 8);
    assert_int_equal(fx->lex.trigger_count, 3);
    assert_int_equal(fx->lex.number_count, 3);
    assert_int_equal(fx->lex.outlet_count, 1);
    /* Parents resolve by name. */
    assert_int_equal(fx->lex.actors[2].parent, 1);
    assert_int_equal(fx->lex.actors[0].parent, -1);
}

/* Finds the match starting at token `first`, or NULL. */
static const Match *match_at(const MatchList *ml, int first)
{
    for (int i = 0; i < ml->count; i++)
        if (ml->items[i].first == first)
            return &ml->items[i];
    return NULL;
}

static bool has_entry(const Match *m, EntryKind kind, int id)
{
    for (int i = 0; m && i < m->entry_count; i++)
        if (m->entries[i].kind == kind && m->entries[i].id == id)
            return true;
    return false;
}

static void test_find_longest_and_multiword(void **state)
{
    Fixture *fx = *state;
    Arena a;
    arena_init(&a);
    /*               0    1        2       3    4  5    6        7       8   9   10 */
    const char *t = "ISIS fighters shelled Dayr al-Zawr military airport and the Syrian "
                    /* 11 12  13      14 15 16  17 */
                    "army took control of al-Raqqa .";
    TokenList tl = tok(&a, t);
    MatchList ml = matcher_find(fx->lex.matcher, &tl, &a);
    const Match *m = match_at(&ml, 0);
    assert_non_null(m);
    assert_int_equal(m->last, 1);
    assert_true(has_entry(m, ENTRY_ACTOR, 0));
    m = match_at(&ml, 2);
    assert_non_null(m);
    assert_true(m->entry_count == 1 && m->entries[0].kind == ENTRY_TRIGGER);
    /* "Dayr al-Zawr military airport": the longest phrase, article skipped. */
    m = match_at(&ml, 3);
    assert_non_null(m);
    assert_int_equal(m->last, 8);
    assert_true(has_entry(m, ENTRY_PLACE, 4));
    /* "Syrian army" (alias) and "took control of" (not just "took"). */
    m = match_at(&ml, 10);
    assert_non_null(m);
    assert_int_equal(m->last, 12);
    assert_true(has_entry(m, ENTRY_ACTOR, 1));
    m = match_at(&ml, 12);
    assert_non_null(m);
    assert_int_equal(m->last, 15);
    assert_int_equal(fx->lex.triggers[m->entries[0].id].sub_event_type[0], 'N');
    /* "al-Raqqa": the match starts at the article. */
    m = match_at(&ml, 15);
    assert_non_null(m);
    assert_int_equal(m->last, 17);
    assert_true(has_entry(m, ENTRY_PLACE, 5));
    assert_int_equal(ml.count, 6);
    arena_free(&a);
}

static void test_several_entries(void **state)
{
    Fixture *fx = *state;
    Arena a;
    arena_init(&a);
    TokenList tl = tok(&a, "Clashes near Tell al-Aswad and Tal Aswad.");
    MatchList ml = matcher_find(fx->lex.matcher, &tl, &a);
    assert_int_equal(ml.count, 2);
    /* Three villages and a brigade share the name, all spelled as the text
     * spells it. */
    const Match *m = &ml.items[0];
    assert_int_equal(m->first, 2);
    assert_int_equal(m->entry_count, 4);
    assert_true(has_entry(m, ENTRY_PLACE, 0));
    assert_true(has_entry(m, ENTRY_PLACE, 1));
    assert_true(has_entry(m, ENTRY_PLACE, 2));
    assert_true(has_entry(m, ENTRY_ACTOR, 3));
    assert_true(m->exact);
    assert_null(m->entry_exact);

    /* Choosing among them: context first, then the rest. */
    PlaceContext ctx = {.admin1s = {"SY-RA"}, .admin1_count = 1};
    PlaceChoice c = place_choose(&fx->lex, m->entries, m->entry_count, &ctx);
    assert_int_equal(c.place, 2);
    assert_string_equal(c.why, "in a governorate named earlier");
    c = place_choose(&fx->lex, m->entries, m->entry_count, NULL);
    assert_true(c.place >= 0 && c.place <= 2);
    /* Entries are ordered by kind: the actor comes first. */
    assert_int_equal(m->entries[0].kind, ENTRY_ACTOR);
    c = place_choose(&fx->lex, m->entries + 1, 1, NULL);
    assert_string_equal(c.why, "only entry");
    c = place_choose(&fx->lex, m->entries, 1, NULL); /* the actor only */
    assert_int_equal(c.place, -1);

    /* "Tal Aswad" is how the village in Raqqa is also written (its alias
     * "Tal al-Aswad"); the other two only fold alike: the exact place
     * ranks above them, so they go. The brigade (alias "Tell Aswad") is
     * fuzzy but stays: only places are weighed. */
    m = &ml.items[1];
    assert_int_equal(m->entry_count, 2);
    assert_true(has_entry(m, ENTRY_PLACE, 2));
    assert_true(has_entry(m, ENTRY_ACTOR, 3));
    assert_true(m->exact);
    assert_non_null(m->entry_exact);
    for (int i = 0; i < m->entry_count; i++)
        assert_int_equal(m->entry_exact[i], m->entries[i].kind == ENTRY_PLACE);
    arena_free(&a);
}

static void test_acronyms_and_plain_words(void **state)
{
    Fixture *fx = *state;
    Arena a;
    arena_init(&a);
    /* "IS" in capitals is the group; "is", "us", "for" are English. "four"
     * and "dozens" are number words, "a dozen" a two-word one. */
    TokenList tl = tok(&a, "IS is here for us: four killed, dozens hurt, a dozen fled. SANA said");
    MatchList ml = matcher_find(fx->lex.matcher, &tl, &a);
    assert_non_null(match_at(&ml, 0));
    assert_true(has_entry(match_at(&ml, 0), ENTRY_ACTOR, 0));
    assert_null(match_at(&ml, 1));
    assert_null(match_at(&ml, 3));
    assert_null(match_at(&ml, 4));
    assert_true(has_entry(match_at(&ml, 6), ENTRY_NUMBER, 0));
    assert_true(has_entry(match_at(&ml, 9), ENTRY_NUMBER, 1));
    assert_int_equal(match_at(&ml, 12)->last, 14);
    assert_true(has_entry(match_at(&ml, 16), ENTRY_OUTLET, 0));
    assert_int_equal(ml.count, 5);

    /* "Damascus - Baghdad highway" with a free-standing dash. */
    tl = tok(&a, "on the Damascus - Baghdad highway");
    ml = matcher_find(fx->lex.matcher, &tl, &a);
    assert_int_equal(ml.count, 1);
    assert_int_equal(ml.items[0].first, 2);
    assert_int_equal(ml.items[0].last, 6);
    arena_free(&a);
}

static void test_names_need_capitals(void **state)
{
    Fixture *fx = *state;
    Arena a;
    arena_init(&a);
    /* "More" folds like the town Mare' (vowels do not count), but the text
     * also says "more": it is the English word. A name written in lower
     * case is not a name. */
    TokenList tl = tok(&a, "More rebels reached Mare' and tell aswad, and more came.");
    MatchList ml = matcher_find(fx->lex.matcher, &tl, &a);
    assert_int_equal(ml.count, 1);
    assert_int_equal(ml.items[0].first, 3);
    assert_true(has_entry(&ml.items[0], ENTRY_PLACE, 7));
    /* Headlines in capitals still match. */
    tl = tok(&a, "CLASHES IN TELL ASWAD");
    ml = matcher_find(fx->lex.matcher, &tl, &a);
    assert_int_equal(ml.count, 1);
    assert_int_equal(ml.items[0].entry_count, 4);
    arena_free(&a);
}

static void test_lookup(void **state)
{
    Fixture *fx = *state;
    int n;
    const Entry *e = matcher_lookup(fx->lex.matcher, "Daesh", 5, &n);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].kind, ENTRY_ACTOR);
    e = matcher_lookup(fx->lex.matcher, "Deir el-Zour", strlen("Deir el-Zour"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].id, 3);
    e = matcher_lookup(fx->lex.matcher, "DAYR AZ-ZAWR", strlen("DAYR AZ-ZAWR"), &n);
    assert_int_equal(n, 1);
    e = matcher_lookup(fx->lex.matcher, "Quwat al-Nimr", strlen("Quwat al-Nimr"), &n);
    assert_int_equal(n, 1);
    assert_int_equal(e[0].id, 2);
    /* A prefix of a phrase is not a phrase; unknown words are nothing. */
    assert_null(matcher_lookup(fx->lex.matcher, "Deir", 4, &n));
    assert_int_equal(n, 0);
    assert_null(matcher_lookup(fx->lex.matcher, "took control", 12, &n));
    assert_null(matcher_lookup(fx->lex.matcher, "Atlantis", 8, &n));
    assert_null(matcher_lookup(fx->lex.matcher, "", 0, &n));
    assert_string_equal(side_name(SIDE_HTS), "hts");
    Side s;
    assert_true(side_parse("us_coalition", &s));
    assert_int_equal(s, SIDE_US_COALITION);
    assert_false(side_parse("martians", &s));
}

/* The project's own data and gazetteer on sentences of our own: capitalised
 * English words, demonyms, months and person names are no places; the
 * spellings of real places still resolve; a word that is both resolves
 * when written as a place. Skipped when build/gazetteer.bin is not built. */
static void test_real_lexicon_words(void **state)
{
    (void)state;
    if (access("build/gazetteer.bin", R_OK) != 0 || access("data/places.tsv", R_OK) != 0) {
        print_message("skipped: build/gazetteer.bin or data/ not found\n");
        skip();
    }
    Lexicon lex;
    Diagnostics diag = {0};
    assert_true(lexicon_load(&lex, "data", "build/gazetteer.bin", &diag));
    assert_int_equal(diag.errors, 0);
    Arena a;
    arena_init(&a);

    /* No place entry for any of these words, capitalised in mid-sentence. */
    const char *text = "Officials said that Syrian, Sunni and Roman delegates met Kerry "
                       "in June, while Iraqi and Kurdish envoys waited on Tuesday.";
    TokenList tl = tok(&a, text);
    MatchList ml = matcher_find(lex.matcher, &tl, &a);
    const char *words[] = {"syrian", "sunni", "roman",   "kerry",
                           "june",   "iraqi", "kurdish", "tuesday"};
    int seen = 0;
    for (int i = 0; i < tl.count; i++) {
        for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
            if (strcmp(fold_of(&tl, i), words[w]))
                continue;
            seen++;
            const Match *m = match_at(&ml, i);
            for (int e = 0; m && e < m->entry_count; e++)
                if (m->entries[e].kind == ENTRY_PLACE)
                    fail_msg("'%s' named the place %s", words[w],
                             lex.places[m->entries[e].id].name);
        }
    }
    assert_int_equal(seen, 8);

    /* Spellings of real places resolve, to the right governorate. */
    struct {
        const char *text;
        int first;
        const char *admin1;
    } cases[] = {
        {"Shelling hit Deir Ezzor overnight.", 2, "SY-DY"},
        {"Shelling hit Dayr al-Zawr overnight.", 2, "SY-DY"},
        {"Jets struck Raqqah again.", 2, "SY-RA"},
        {"Forces at al-Tanf were attacked.", 2, "SY-HI"},
        {"The army retook Tadmur in March.", 3, "SY-HI"},
        {"Clashes broke out in Hit on Monday.", 4, "IQ-AN"},
        {"Observers said Syrias army advanced.", 2, "SY"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        tl = tok(&a, cases[k].text);
        ml = matcher_find(lex.matcher, &tl, &a);
        const Match *m = match_at(&ml, cases[k].first);
        if (!m)
            fail_msg("'%s': no match at token %d", cases[k].text, cases[k].first);
        PlaceChoice c = place_choose(&lex, m->entries, m->entry_count, NULL);
        if (c.place < 0)
            fail_msg("'%s': no place", cases[k].text);
        const Place *p = &lex.places[c.place];
        const char *got = strlen(cases[k].admin1) == 2 ? p->country : p->admin1;
        if (strcmp(got, cases[k].admin1))
            fail_msg("'%s': %s in %s, expected %s", cases[k].text, p->name, got, cases[k].admin1);
        assert_true(m->exact);
    }

    /* "Hit" the verb; "SANA" the agency, not the village it folds like. */
    tl = tok(&a, "Hit by shells, SANA said.");
    ml = matcher_find(lex.matcher, &tl, &a);
    for (int i = 0; i < ml.count; i++)
        for (int e = 0; e < ml.items[i].entry_count; e++)
            assert_int_not_equal(ml.items[i].entries[e].kind, ENTRY_PLACE);
    assert_non_null(match_at(&ml, 4));
    arena_free(&a);
    lexicon_free(&lex);
}

/* Matching speed on a text of our own (printed, not asserted: the test
 * binaries run under sanitizers). */
static void test_speed_figure(void **state)
{
    Fixture *fx = *state;
    const char *para = "Government forces shelled positions held by ISIS near Tal Aswad on "
                       "Thursday, killing at least four fighters, while the Syrian army "
                       "took control of two villages east of Deir Ezzor, a monitor said. ";
    Buffer b;
    buffer_init(&b);
    while (b.len < 2u * 1024 * 1024)
        buffer_append_str(&b, para);
    Arena a;
    arena_init(&a);
    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    TokenList tl = tokenize(b.data, (Span){0, b.len}, &a);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    MatchList ml = matcher_find(fx->lex.matcher, &tl, &a);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    double tk = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double mt = (double)(t2.tv_sec - t1.tv_sec) + (double)(t2.tv_nsec - t1.tv_nsec) / 1e9;
    print_message("%zu bytes, %d tokens, %d matches: tokenize %.1f MB/s, match %.1f MB/s "
                  "(sanitized build)\n",
                  b.len, tl.count, ml.count, (double)b.len / 1e6 / tk, (double)b.len / 1e6 / mt);
    assert_true(ml.count > 0);
    arena_free(&a);
    buffer_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tokenize_offsets),
        cmocka_unit_test(test_tokenize_unicode),
        cmocka_unit_test(test_tokenize_flags_and_articles),
        cmocka_unit_test(test_load_reports_malformed),
        cmocka_unit_test(test_find_longest_and_multiword),
        cmocka_unit_test(test_several_entries),
        cmocka_unit_test(test_acronyms_and_plain_words),
        cmocka_unit_test(test_names_need_capitals),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_real_lexicon_words),
        cmocka_unit_test(test_speed_figure),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
