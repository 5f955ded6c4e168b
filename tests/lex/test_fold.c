/*
 * test_fold.c — folding: the plain fold of tokens, the transliteration key
 * that makes spellings of one name meet, and the phrase fold with its
 * articles; checked on our own examples and on every accepted spelling
 * list of the seed gold (read from ../shared at test time).
 */
#include "testing.h"

#include "../../src/lex/lex.h"

#include <ctype.h>
#include <jansson.h>

static char *phrase_key(const char *s, char *out, size_t cap)
{
    fold_phrase(s, strlen(s), out, cap);
    return out;
}

/* Every spelling in the NULL-terminated list folds to the first's key. */
static void assert_same_key(const char *const *names)
{
    char first[256], other[256];
    phrase_key(names[0], first, sizeof first);
    assert_true(first[0] != '\0');
    for (int i = 1; names[i]; i++) {
        phrase_key(names[i], other, sizeof other);
        if (strcmp(first, other))
            fail_msg("'%s' -> '%s' but '%s' -> '%s'", names[0], first, names[i], other);
    }
}

static void assert_different_keys(const char *a, const char *b)
{
    char ka[256], kb[256];
    phrase_key(a, ka, sizeof ka);
    phrase_key(b, kb, sizeof kb);
    if (!strcmp(ka, kb))
        fail_msg("'%s' and '%s' both fold to '%s'", a, b, ka);
}

static void test_design_examples(void **state)
{
    (void)state;
    static const char *const deir[] = {
        "Deir ez-Zor", "Deir Ezzor",   "Deir el-Zour", "Dayr al-Zawr", "DEIR EL-ZOUR",
        "Deir al-Zor", "Dair az-Zawr", "Deir Zor",     "Deir-ez-Zor",  NULL};
    static const char *const raqqa[] = {"Raqqa",    "Raqa",  "Raqqah",    "Al-Raqqa", "Ar-Raqqah",
                                        "Ar Raqqa", "Rakka", "al-Raqqah", NULL};
    static const char *const tadmur[] = {"Tadmur", "Tadmor", "Tudmur", NULL};
    static const char *const manbij[] = {"Manbij", "Menbij", "Manbej", "Minbij", NULL};
    static const char *const qamishli[] = {"Qamishli", "Kamishli", "Al-Qamishli", "Qamishly", NULL};
    static const char *const hasakah[] = {"Hasakah",  "al-Hasaka",  "Hasakeh",
                                          "Hassakeh", "Al Hasakah", NULL};
    static const char *const nisba[] = {"Abbasiyah", "Abbasiya", "Abbassiyeh", "al-Abbasiyah",
                                        NULL};
    static const char *const suwayda[] = {"Suwayda", "Sweida", "As-Suwayda", "Suwaida", NULL};
    static const char *const husayn[] = {"Husayn", "Hussein", "Husain", NULL};
    static const char *const diacritics[] = {"Ḩamāh", "Hamah", "Hama", "HAMA", NULL};
    static const char *const turkish[] = {"Şanlıurfa", "Sanliurfa", "SANLIURFA", NULL};
    static const char *const apos[] = {"Ma'arrat al-Nu'man", "Maarrat al-Numan",
                                       "Ma’arat an-Nu’man", "Maʿarrat al-Nuʿman", NULL};
    static const char *const cheikh[] = {"Cheikh Maqsoud", "Sheikh Maqsoud", "Shaykh Maqsud", NULL};
    assert_same_key(deir);
    assert_same_key(raqqa);
    assert_same_key(tadmur);
    assert_same_key(manbij);
    assert_same_key(qamishli);
    assert_same_key(hasakah);
    assert_same_key(nisba);
    assert_same_key(suwayda);
    assert_same_key(husayn);
    assert_same_key(diacritics);
    assert_same_key(turkish);
    assert_same_key(apos);
    assert_same_key(cheikh);
}

static void test_keys_kept_apart(void **state)
{
    (void)state;
    /* Different places whose spellings are close. */
    assert_different_keys("Daraa", "Darayya");
    assert_different_keys("Daraa", "Deir");
    assert_different_keys("Homs", "Hama");
    assert_different_keys("Raqqa", "Rastan");
    assert_different_keys("Khan", "Kan");
    assert_different_keys("Idlib", "Aleppo");
    /* ISIS = ISIL = Daesh is data (aliases), not folding. */
    assert_different_keys("ISIS", "Daesh");
}

static void test_fold_plain(void **state)
{
    (void)state;
    char out[64];
    struct {
        const char *in, *want;
    } cases[] = {
        {"Assad's", "assad"},     {"Assad’s", "assad"}, {"Ma'arrat", "maarrat"},
        {"Ḩamāh", "hamah"},       {"İdlib", "idlib"},   {"Şırnak", "sirnak"},
        {"rebels'", "rebels"},    {"FOUR", "four"},     {"Straße", "strasse"},
        {"Qāmishlī", "qamishli"}, {"Dar'a", "dara"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = fold_plain(cases[i].in, strlen(cases[i].in), out, sizeof out);
        assert_string_equal(out, cases[i].want);
        assert_int_equal(n, strlen(cases[i].want));
    }
    /* Plain folds keep English words apart; the name key may not. */
    char a[64], b[64];
    fold_plain("four", 4, a, sizeof a);
    fold_plain("for", 3, b, sizeof b);
    assert_string_not_equal(a, b);
    /* Truncation respects cap. */
    assert_int_equal(fold_plain("Aleppo", 6, out, 4), 3);
    assert_string_equal(out, "ale");
}

static void test_fold_word_and_articles(void **state)
{
    (void)state;
    char out[64];
    fold_word("Raqqah", 6, out, sizeof out);
    assert_string_equal(out, "raka");
    fold_word("Ezzor", 5, out, sizeof out);
    assert_string_equal(out, "zar");
    /* A glued article needs a word long enough to hold a name after it. */
    fold_word("Essa", 4, out, sizeof out);
    assert_string_not_equal(out, "sa");
    /* fold_phrase drops articles before a word, not a lone one. */
    assert_string_equal(phrase_key("al-Bab", out, sizeof out), "bab");
    assert_string_equal(phrase_key("Al Bab", out, sizeof out), "bab");
    assert_string_equal(phrase_key("Jabal al-Hilal", out, sizeof out), "jabal halal");
    assert_string_equal(phrase_key("Al", out, sizeof out), "al");
    /* A lower-case English "at" inside a phrase stays. */
    phrase_key("men at arms", out, sizeof out);
    assert_non_null(strstr(out, "at"));
}

/* ---- The seed gold's spelling lists ------------------------------------------
 * Each gold "place" array lists accepted spellings of one or more places
 * (Palmyra and Tadmur, Deir ez-Zor and its airport). Which of them are
 * transliteration variants of each other is decided here by a crude,
 * independent criterion: the same consonants (vowels, w and y dropped, q = k,
 * doubled letters single, after dropping articles and generic words such
 * as "city" or "airport") and the same number of vowel groups after the
 * first consonant (Zahar/Zahr differ in vowels, not in spelling).
 * Every such pair must fold to the same key. */

static bool generic_word(const char *w)
{
    static const char *const words[] = {
        "city",        "base",         "garrison",      "village", "district", "area",
        "countryside", "neighborhood", "neighbourhood", "airport", "airbase",  "air",
        "military",    "bridge",       "hill",          "station", "gas",      "field",
        "fields",      "workshop",     "industrial",    "farms",   "road",     "highway",
        "province",    "governorate",
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(w, words[i]))
            return true;
    return false;
}

static bool article_word(const char *w)
{
    static const char *const words[] = {"al", "el", "ar", "as", "at", "ash", "ad", "az",
                                        "an", "ez", "es", "ed", "et", "er",  "the"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (!strcmp(w, words[i]))
            return true;
    return false;
}

static bool crude_vowel(char c)
{
    return strchr("aeiouwy", c) != NULL;
}

/* Writes the stripped spelling (what is folded) and the crude criterion. */
static void crude(const char *spelling, char *stripped, size_t scap, char *crit, size_t ccap)
{
    char words[16][64];
    const char *orig[16];
    size_t orig_len[16];
    int n = 0;
    /* Split on anything but letters and apostrophes, keeping the originals. */
    for (const char *p = spelling; *p && n < 16;) {
        while (*p && !(isalnum((unsigned char)*p) || (*p & 0x80) || *p == '\''))
            p++;
        const char *start = p;
        while (*p && (isalnum((unsigned char)*p) || (*p & 0x80) || *p == '\''))
            p++;
        if (p > start) {
            orig[n] = start;
            orig_len[n] = (size_t)(p - start);
            fold_plain(start, orig_len[n], words[n], sizeof words[n]);
            n++;
        }
    }
    while (n > 1 && generic_word(words[n - 1]))
        n--;
    /* The spelling as written, up to its last kept word. */
    size_t sl = n ? (size_t)(orig[n - 1] + orig_len[n - 1] - spelling) : 0;
    if (sl >= scap)
        sl = scap - 1;
    memcpy(stripped, spelling, sl);
    stripped[sl] = '\0';
    crit[0] = '\0';
    size_t cl = 0;
    for (int i = 0; i < n; i++) {
        if (i + 1 < n && article_word(words[i]))
            continue;
        const char *w = words[i];
        char last = 0;
        int groups = 0;
        bool seen_consonant = false, in_vowels = false;
        if (cl + 1 < ccap && cl)
            crit[cl++] = ' ';
        for (const char *c = w; *c && cl + 4 < ccap; c++) {
            char ch = *c == 'q' ? 'k' : *c;
            if (crude_vowel(ch)) {
                if (seen_consonant && !in_vowels)
                    groups++;
                in_vowels = true;
                continue;
            }
            in_vowels = false;
            seen_consonant = true;
            if (ch == last)
                continue;
            crit[cl++] = ch;
            last = ch;
        }
        /* a final h after a vowel is not a consonant of the name */
        size_t wl = strlen(w);
        if (wl > 2 && w[wl - 1] == 'h' && crude_vowel(w[wl - 2]) && cl && crit[cl - 1] == 'h')
            cl--;
        cl += (size_t)snprintf(crit + cl, ccap - cl, "%d", groups);
    }
    crit[cl < ccap ? cl : ccap - 1] = '\0';
}

static void check_spellings(json_t *list, const char *id, int *pairs, int *failures)
{
    size_t n = json_array_size(list);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            const char *a = json_string_value(json_array_get(list, i));
            const char *b = json_string_value(json_array_get(list, j));
            if (!a || !b)
                continue;
            char sa[256], sb[256], ca[256], cb[256];
            crude(a, sa, sizeof sa, ca, sizeof ca);
            crude(b, sb, sizeof sb, cb, sizeof cb);
            if (strcmp(ca, cb) || !*ca)
                continue;
            (*pairs)++;
            char ka[256], kb[256];
            phrase_key(sa, ka, sizeof ka);
            phrase_key(sb, kb, sizeof kb);
            if (strcmp(ka, kb)) {
                print_message("%s: '%s' -> '%s' but '%s' -> '%s'\n", id, a, ka, b, kb);
                (*failures)++;
            }
        }
    }
}

static void test_gold_spellings(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/gold/seed-events.jsonl", dir);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[65536];
    int pairs = 0, failures = 0, lists = 0;
    while (fgets(line, sizeof line, f)) {
        json_error_t err;
        json_t *obj = json_loads(line, 0, &err);
        if (!obj)
            continue;
        const char *id = json_string_value(json_object_get(obj, "id"));
        json_t *place = json_object_get(obj, "place");
        json_t *forbid = json_object_get(obj, "forbid");
        if (!json_is_array(place) && forbid)
            place = json_object_get(forbid, "place");
        if (json_is_array(place)) {
            lists++;
            check_spellings(place, id ? id : "?", &pairs, &failures);
        }
        json_decref(obj);
    }
    fclose(f);
    print_message("gold spelling lists: %d, variant pairs: %d, not meeting: %d\n", lists, pairs,
                  failures);
    assert_true(lists > 10);
    assert_true(pairs > 100);
    assert_int_equal(failures, 0);
}

/* Every ASCII byte between two letters is tokenized as its character
 * class says (the tokenizer reads ASCII classes from a table of its own). */
static void test_ascii_classes(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    for (int c = 1; c < 128; c++) {
        char text[4] = {'a', (char)c, 'b', '\0'};
        TokenList tl = tokenize(text, (Span){0, 3}, &a);
        const char *f0 = tl.count > 0 ? tl.folded + tl.items[0].fold : "";
        bool ok;
        if (isalpha(c) || isdigit(c)) {
            ok = tl.count == 1 && tl.items[0].end == 3;
        } else if (c == '\'' || c == '`') { /* apostrophes: inside the word */
            ok = tl.count == 1 && !strcmp(f0, "ab");
        } else if (c == '-') {
            ok = tl.count == 2 && (tl.items[0].flags & TOKEN_JOINED);
        } else if (c < 0x20 || c == ' ' || c == 0x7f) { /* spaces and controls */
            ok = tl.count == 2 && tl.items[1].start == 2;
        } else { /* punctuation: a token of its own */
            ok = tl.count == 3 && tl.items[1].kind == TOKEN_PUNCT;
        }
        if (!ok)
            fail_msg("byte 0x%02x tokenized as %d tokens", c, tl.count);
    }
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_design_examples), cmocka_unit_test(test_keys_kept_apart),
        cmocka_unit_test(test_fold_plain),      cmocka_unit_test(test_fold_word_and_articles),
        cmocka_unit_test(test_gold_spellings),  cmocka_unit_test(test_ascii_classes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
