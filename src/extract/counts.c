/*
 * counts.c — reading how many: "at least 80", "more than 15", "Sixty-two",
 * "two dozens", "dozens", "tens of thousands", "a hundred", "12-15",
 * "between 10 and 20", "2,500", "1.5 million".
 *
 * The result is a Range. Following the gold convention a single figure,
 * qualified or not ("at least 80", "more than 15", "up to 7"), gives
 * low = best = high = that figure: the qualifier says how the source hedged,
 * the figure is still the one it gave. Vague quantities ("dozens",
 * "hundreds", "several") give a real range. The vague words and any extra
 * number words come from the Lexicon's numbers (data/numbers.tsv) when a
 * lexicon is given; the grammar of English numerals (units, tens, hundred,
 * thousand, million, dozen) is code, because it composes.
 */
#include "extract.h"
#include "ascii.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* parse_count() is asked at every word that may start a count, and most of
 * them do not ("at the", "some of", a figure with nothing after it). So
 * each word is measured once (its letters), and every table entry carries
 * the length of its first word: a phrase is compared byte by byte only
 * when its first letter and first-word length already fit (bytes are
 * tested with ascii.h, not the libc calls). */
/* A table phrase in lower case with the length of its first word, known
 * at compile time: PHRASE("at", " least") is "at least" with 2. */
typedef struct Phrase {
    const char *text;
    uint8_t first_len;
} Phrase;
#define PHRASE(first, rest)                                                                        \
    {                                                                                              \
        first rest, sizeof(first) - 1                                                              \
    }

typedef struct NumeralWord {
    const char *word;
    uint8_t len;
    long value;
} NumeralWord;
#define NUMERAL(w, v)                                                                              \
    {                                                                                              \
        w, sizeof(w) - 1, v                                                                        \
    }

static const NumeralWord numerals[] = {
    NUMERAL("one", 1),       NUMERAL("two", 2),        NUMERAL("three", 3),
    NUMERAL("four", 4),      NUMERAL("five", 5),       NUMERAL("six", 6),
    NUMERAL("seven", 7),     NUMERAL("eight", 8),      NUMERAL("nine", 9),
    NUMERAL("ten", 10),      NUMERAL("eleven", 11),    NUMERAL("twelve", 12),
    NUMERAL("thirteen", 13), NUMERAL("fourteen", 14),  NUMERAL("fifteen", 15),
    NUMERAL("sixteen", 16),  NUMERAL("seventeen", 17), NUMERAL("eighteen", 18),
    NUMERAL("nineteen", 19), NUMERAL("twenty", 20),    NUMERAL("thirty", 30),
    NUMERAL("forty", 40),    NUMERAL("fourty", 40),    NUMERAL("fifty", 50),
    NUMERAL("sixty", 60),    NUMERAL("seventy", 70),   NUMERAL("eighty", 80),
    NUMERAL("ninety", 90),
};

/* Vague quantities when the lexicon does not define them. */
typedef struct VagueWord {
    Phrase phrase;
    long low, best, high;
} VagueWord;

static const VagueWord vague_words[] = {
    {PHRASE("tens", " of thousands"), 20000, 30000, 90000},
    {PHRASE("hundreds", " of thousands"), 200000, 300000, 900000},
    {PHRASE("tens", " of millions"), 20000000, 30000000, 90000000},
    {PHRASE("dozens", ""), 24, 36, 96},
    {PHRASE("scores", ""), 40, 60, 99},
    {PHRASE("hundreds", ""), 200, 300, 900},
    {PHRASE("thousands", ""), 2000, 3000, 9000},
    {PHRASE("millions", ""), 2000000, 3000000, 9000000},
    {PHRASE("several", ""), 3, 5, 9},
    {PHRASE("a", " few"), 2, 3, 5},
    {PHRASE("a", " handful"), 3, 4, 6},
    {PHRASE("a", " dozen"), 12, 12, 12},
    {PHRASE("a", " score"), 20, 20, 20},
};

/* ---- Byte-level helpers --------------------------------------------------- */

static size_t skip_space(const char *s, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
            i++;
        else if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
            i += 2; /* no-break space */
        else
            return i;
    }
}

/* Length of the letters-only word at i (0 if none). */
static size_t word_len(const char *s, size_t n, size_t i)
{
    size_t k = i;
    while (k < n && ascii_alpha((unsigned char)s[k]))
        k++;
    return k - i;
}

/* Are the len letters at w the word lit (lower case, litlen bytes)? The
 * length is compared first: most words are rejected there. */
static inline bool word_equal(const char *w, size_t len, const char *lit, size_t litlen)
{
    if (len != litlen)
        return false;
    for (size_t j = 0; j < len; j++)
        if (ascii_lower((unsigned char)w[j]) != lit[j])
            return false;
    return true;
}
/* The word at s + i, len letters long, is the string literal lit. */
#define WORD_IS(s, i, len, lit) word_equal((s) + (i), (len), "" lit, sizeof(lit) - 1)

/* Does the phrase (words separated by spaces or hyphens) continue at k,
 * its first p bytes having matched the text before k? Returns the end
 * offset, or 0. Case-insensitive; a space in the phrase matches any run
 * of spaces (and no-break spaces) or a hyphen. */
static size_t phrase_rest(const char *s, size_t n, size_t k, const char *phrase, size_t p)
{
    while (phrase[p]) {
        if (phrase[p] == ' ' || phrase[p] == '-') {
            size_t k2 = skip_space(s, n, k);
            if (k2 == k && k < n && s[k] == '-')
                k2 = k + 1;
            if (k2 == k)
                return 0;
            k = k2;
            p++;
            continue;
        }
        if (k >= n || ascii_lower((unsigned char)s[k]) != ascii_lower((unsigned char)phrase[p]))
            return 0;
        k++;
        p++;
    }
    if (k < n && ascii_alpha((unsigned char)s[k]))
        return 0;
    if (k + 1 < n && s[k] == '-' && ascii_alpha((unsigned char)s[k + 1]))
        return 0; /* "several-storey" */
    return k;
}

/* Does the phrase start at i? Its end offset, or 0. */
static size_t phrase_at(const char *s, size_t n, size_t i, const char *phrase)
{
    if (i >= n || ascii_lower((unsigned char)s[i]) != ascii_lower((unsigned char)phrase[0]))
        return 0;
    return phrase_rest(s, n, i, phrase, 0);
}

/* The word at which phrases are tried, measured once. */
typedef struct TextWord {
    size_t at, len; /* len letters at s + at (0: no word there) */
    int first;      /* its first letter, lower case; -1 if none */
} TextWord;

static TextWord text_word(const char *s, size_t n, size_t i)
{
    size_t len = word_len(s, n, i);
    TextWord tw = {i, len, len ? ascii_lower((unsigned char)s[i]) : -1};
    return tw;
}

/* A phrase whose first word is first_len letters, at the word tw: its end
 * offset, or 0. The first word is compared here, without the separator
 * tests of phrase_rest(), which then goes on from the second. */
static size_t phrase_at_word(const char *s, size_t n, const TextWord *tw, const char *phrase,
                             size_t first_len)
{
    if (first_len != tw->len)
        return 0;
    for (size_t j = 0; j < first_len; j++)
        if (ascii_lower((unsigned char)s[tw->at + j]) != ascii_lower((unsigned char)phrase[j]))
            return 0;
    return phrase_rest(s, n, tw->at + first_len, phrase, first_len);
}

/* A table phrase at the word: its end offset, or 0. Tried for every
 * entry of a table, so the first letter and length are compared here,
 * inline: they reject nearly all. */
static inline size_t table_phrase_at(const char *s, size_t n, const TextWord *tw, const Phrase *ph)
{
    if (ph->text[0] != tw->first || ph->first_len != tw->len)
        return 0;
    return phrase_at_word(s, n, tw, ph->text, ph->first_len);
}

/* The numeral of the len letters at s + i, or -1. */
static long numeral_value(const char *s, size_t i, size_t len)
{
    if (len < 3 || len > 9)
        return -1; /* "one" .. "seventeen" */
    int first = ascii_lower((unsigned char)s[i]);
    for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
        if (numerals[k].len == len && numerals[k].word[0] == first &&
            word_equal(s + i, len, numerals[k].word, len))
            return numerals[k].value;
    return -1;
}

/* Digits: "80", "2,500", "1.5". Returns the value (times 10 for one decimal
 * kept as a double) or -1. Rejects ordinals and glued units ("17th",
 * "10km"). */
static double digits_value(const char *s, size_t n, size_t i, size_t *end)
{
    if (i >= n || !ascii_digit((unsigned char)s[i]))
        return -1;
    double v = 0;
    size_t k = i;
    while (k < n) {
        if (ascii_digit((unsigned char)s[k])) {
            v = v * 10 + (s[k] - '0');
            k++;
        } else if (s[k] == ',' && k + 3 < n && ascii_digit((unsigned char)s[k + 1]) &&
                   ascii_digit((unsigned char)s[k + 2]) && ascii_digit((unsigned char)s[k + 3]) &&
                   (k + 4 >= n || !ascii_digit((unsigned char)s[k + 4]))) {
            k++; /* thousands separator */
        } else {
            break;
        }
    }
    if (k + 1 < n && s[k] == '.' && ascii_digit((unsigned char)s[k + 1])) {
        double scale = 0.1;
        k++;
        while (k < n && ascii_digit((unsigned char)s[k])) {
            v += scale * (s[k] - '0');
            scale /= 10;
            k++;
        }
    }
    if (k < n && ascii_alpha((unsigned char)s[k]))
        return -1;
    *end = k;
    return v;
}

/* The first byte (lower case) of the word after the one ending at k, as
 * phrase_rest() crosses a space of a phrase (spaces, or else one hyphen);
 * -1 if none. */
static int next_word_first(const char *s, size_t n, size_t k)
{
    size_t k2 = skip_space(s, n, k);
    if (k2 == k && k < n && s[k] == '-')
        k2 = k + 1;
    return k2 != k && k2 < n ? ascii_lower((unsigned char)s[k2]) : -1;
}

/* A lexicon number phrase at the word tw (at i): the longest that
 * matches. */
static const NumberWord *lexicon_number(const Lexicon *lex, const char *s, size_t n, size_t i,
                                        const TextWord *tw, size_t *end)
{
    size_t letters = tw->len;
    *end = 0;
    if (!lex)
        return NULL;
    const NumberWord *best = NULL;
    size_t best_end = 0;
    int first = i < n ? ascii_lower((unsigned char)s[i]) : -1;
    /* only the phrases of the word's first letter, when the lexicon has
     * grouped them (lexicon_load does) */
    int from = 0, to = lex->number_count;
    const int *order = lex->number_order;
    if (order) {
        int g = first >= 'a' && first <= 'z' ? first - 'a' : 26;
        from = lex->number_group[g];
        to = lex->number_group[g + 1];
    }
    /* The phrases that get this far mostly share the text's first word
     * ("several", "several dozen", "several hundred"): the first letter of
     * their second word tells them apart, read once. */
    int next_first = -2; /* not read yet */
    for (int j = from; j < to; j++) {
        const NumberWord *nw = &lex->numbers[order ? order[j] : j];
        if (nw->first_word_letters && (size_t)nw->first_word_letters != letters)
            continue; /* its first word has another length: most of them */
        if (!nw->phrase || !*nw->phrase)
            continue;
        if (ascii_lower((unsigned char)nw->phrase[0]) != first)
            continue;
        size_t e = 0;
        size_t len0 = (size_t)nw->first_word_letters;
        if (len0) {
            char sep = nw->phrase[len0];
            int second = (unsigned char)nw->phrase[len0 + (sep ? 1 : 0)];
            if ((sep == ' ' || sep == '-') && ascii_alpha(second)) {
                if (next_first == -2)
                    next_first = next_word_first(s, n, i + letters);
                if (ascii_lower(second) != next_first)
                    continue;
            }
            e = phrase_at_word(s, n, tw, nw->phrase, len0);
        } else {
            e = phrase_at(s, n, i, nw->phrase);
        }
        if (e > best_end) {
            best_end = e;
            best = nw;
        }
    }
    *end = best_end;
    return best;
}

/* ---- Quantities ----------------------------------------------------------- */

/* One quantity at i: a composed numeral, digits with a multiplier, or a
 * vague word. Fills r; returns the end offset or 0. */
static size_t quantity(const Lexicon *lex, const char *s, size_t n, size_t i, Range *r)
{
    size_t end = 0;
    double d = digits_value(s, n, i, &end);
    if (d >= 0) {
        size_t k = skip_space(s, n, end);
        size_t len = word_len(s, n, k);
        double mult = 1;
        if (WORD_IS(s, k, len, "million") || WORD_IS(s, k, len, "mn"))
            mult = 1e6;
        else if (WORD_IS(s, k, len, "billion"))
            mult = 1e9;
        else if (WORD_IS(s, k, len, "thousand"))
            mult = 1e3;
        else if (WORD_IS(s, k, len, "hundred"))
            mult = 1e2;
        if (mult > 1)
            end = k + len;
        long v = lround(d * mult);
        r->present = true;
        r->low = r->best = r->high = v;
        return end;
    }

    /* Vague quantities first (longest phrase wins, lexicon before the
     * built-in table), since "tens of thousands" starts like a numeral. */
    TextWord tw = text_word(s, n, i);
    size_t lex_end = 0;
    const NumberWord *nw = lexicon_number(lex, s, n, i, &tw, &lex_end);
    size_t vague_end = 0;
    const VagueWord *vw = NULL;
    for (size_t k = 0; tw.len && k < sizeof vague_words / sizeof *vague_words; k++) {
        size_t e = table_phrase_at(s, n, &tw, &vague_words[k].phrase);
        if (e > vague_end) {
            vague_end = e;
            vw = &vague_words[k];
        }
    }

    /* Composed numerals: "sixty-two", "one hundred and twenty", "a hundred",
     * "two dozens", "three thousand". Each word is measured once, then
     * compared by length. */
    long total = 0, current = 0;
    bool any = false;
    size_t k = i, num_end = 0;
    for (;;) {
        size_t len = word_len(s, n, k);
        if (!len)
            break; /* every step below wants a word */
        size_t e = 0;
        long v = numeral_value(s, k, len);
        if (v >= 0)
            e = k + len;
        if (v < 0 && !any && WORD_IS(s, k, len, "a")) {
            size_t k2 = skip_space(s, n, k + 1);
            size_t len2 = word_len(s, n, k2);
            if (WORD_IS(s, k2, len2, "hundred") || WORD_IS(s, k2, len2, "thousand") ||
                WORD_IS(s, k2, len2, "million") || WORD_IS(s, k2, len2, "dozen")) {
                v = 1;
                e = k + 1;
            }
        }
        if (v >= 0) {
            if (current % 100 >= 20 && current % 10 == 0 && v < 10)
                current += v; /* "sixty-two" */
            else if (current % 100 != 0 || (any && current == 0 && total == 0))
                break; /* "two three": two counts, not one */
            else
                current += v;
            any = true;
            num_end = e;
        } else if (!any) {
            break; /* a numeral starts with a number word */
        } else if (WORD_IS(s, k, len, "hundred") || WORD_IS(s, k, len, "hundreds")) {
            current = (current ? current : 1) * 100;
            num_end = k + len;
        } else if (WORD_IS(s, k, len, "thousand") || WORD_IS(s, k, len, "thousands") ||
                   WORD_IS(s, k, len, "million") || WORD_IS(s, k, len, "millions")) {
            long mult = ascii_lower((unsigned char)s[k]) == 't' ? 1000 : 1000000;
            total += (current ? current : 1) * mult;
            current = 0;
            num_end = k + len;
        } else if (WORD_IS(s, k, len, "dozen") || WORD_IS(s, k, len, "dozens")) {
            current = (current ? current : 1) * 12;
            num_end = k + len;
        } else if (WORD_IS(s, k, len, "and")) {
            /* "one hundred and twenty": only inside a numeral */
            size_t k2 = skip_space(s, n, k + 3);
            if (numeral_value(s, k2, word_len(s, n, k2)) < 0)
                break;
            k = k2;
            continue;
        } else {
            break;
        }
        /* next word: spaces or a hyphen */
        size_t k2 = skip_space(s, n, num_end);
        if (k2 < n && s[k2] == '-')
            k2 = skip_space(s, n, k2 + 1);
        if (k2 == num_end && !(k2 < n && ascii_alpha((unsigned char)s[k2])))
            break;
        k = k2;
    }
    if (any && num_end >= vague_end && num_end >= lex_end) {
        long v = total + current;
        r->present = true;
        r->low = r->best = r->high = v;
        return num_end;
    }
    if (nw && lex_end >= vague_end) {
        r->present = true;
        r->best = lround(nw->value);
        r->low = nw->low > 0 ? lround(nw->low) : r->best;
        r->high = nw->high > 0 ? lround(nw->high) : r->best;
        return lex_end;
    }
    if (vw) {
        r->present = true;
        r->low = vw->low;
        r->best = vw->best;
        r->high = vw->high;
        return vague_end;
    }
    return 0;
}

/* Qualifiers that hedge a single figure; the figure stays the figure. */
#define LETTER(c) (1u << ((c) - 'a'))
/* The first letters of the qualifiers below: most words that start a
 * count ("three", "dozens", "the") skip the table with one test. */
#define QUALIFIER_LETTERS                                                                          \
    (LETTER('a') | LETTER('c') | LETTER('e') | LETTER('f') | LETTER('i') | LETTER('j') |           \
     LETTER('l') | LETTER('m') | LETTER('n') | LETTER('o') | LETTER('r') | LETTER('s') |           \
     LETTER('u') | LETTER('w'))
/* In order of first letter (parse_count() looks up the run of one
 * letter by binary search). */
static const Phrase qualifiers[] = {
    PHRASE("at", " least"),      PHRASE("almost", ""),        PHRASE("about", ""),
    PHRASE("around", ""),        PHRASE("as", " many as"),    PHRASE("approximately", ""),
    PHRASE("an", " estimated"),  PHRASE("at", " most"),       PHRASE("a", " total of"),
    PHRASE("a", " further"),     PHRASE("another", ""),       PHRASE("close", " to"),
    PHRASE("estimated", ""),     PHRASE("fewer", " than"),    PHRASE("in", " excess of"),
    PHRASE("just", " over"),     PHRASE("just", ""),          PHRASE("less", " than"),
    PHRASE("more", " than"),     PHRASE("no", " fewer than"), PHRASE("no", " less than"),
    PHRASE("not", " less than"), PHRASE("nearly", ""),        PHRASE("over", ""),
    PHRASE("only", ""),          PHRASE("roughly", ""),       PHRASE("some", ""),
    PHRASE("up", " to"),         PHRASE("upwards", " of"),    PHRASE("well", " over"),
};

size_t parse_count(const Lexicon *lex, const char *s, size_t n, Range *out)
{
    Range r = {0};
    size_t i = skip_space(s, n, 0);
    bool between = false;

    /* Qualifiers may stack: "at least another 5". A figure is no
     * qualifier: only a word is looked up. */
    for (int guard = 0; guard < 3; guard++) {
        TextWord tw = text_word(s, n, i);
        if (!tw.len || tw.first < 'a' || tw.first > 'z' || !(QUALIFIER_LETTERS & LETTER(tw.first)))
            break;
        size_t count = sizeof qualifiers / sizeof *qualifiers, lo = 0, hi = count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (qualifiers[mid].text[0] < tw.first)
                lo = mid + 1;
            else
                hi = mid;
        }
        size_t best = 0;
        for (size_t k = lo; k < count && qualifiers[k].text[0] == tw.first; k++) {
            size_t e = table_phrase_at(s, n, &tw, &qualifiers[k]);
            if (e > best)
                best = e;
        }
        if (!best)
            break;
        i = skip_space(s, n, best);
    }
    if (WORD_IS(s, i, word_len(s, n, i), "between")) {
        between = true;
        i = skip_space(s, n, i + 7);
    }

    size_t end = quantity(lex, s, n, i, &r);
    if (!end)
        return 0;

    /* Ranges: "12-15", "12 to 15", "12 or 13", "between 10 and 20". */
    size_t k = skip_space(s, n, end);
    size_t k2 = 0;
    size_t len = word_len(s, n, k);
    if (k < n && s[k] == '-' && k + 1 < n && ascii_digit((unsigned char)s[k + 1]))
        k2 = k + 1;
    else if (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
             (unsigned char)s[k + 2] == 0x93)
        k2 = skip_space(s, n, k + 3); /* en dash */
    else if (WORD_IS(s, k, len, "to") || WORD_IS(s, k, len, "or") ||
             (between && WORD_IS(s, k, len, "and")))
        k2 = skip_space(s, n, k + len);
    if (k2) {
        Range hi = {0};
        size_t e2 = quantity(lex, s, n, k2, &hi);
        if (e2 && hi.high >= r.low && hi.low == hi.high) {
            r.high = hi.high;
            r.best = (r.low + hi.high) / 2;
            end = e2;
        }
    }
    *out = r;
    return end;
}
