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

#include <ctype.h>
#include <math.h>
#include <string.h>
#include <strings.h>

typedef struct NumeralWord {
    const char *word;
    long value;
} NumeralWord;

static const NumeralWord numerals[] = {
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fourty", 40},   {"fifty", 50},    {"sixty", 60},
    {"seventy", 70}, {"eighty", 80},    {"ninety", 90},
};

/* Vague quantities when the lexicon does not define them. */
typedef struct VagueWord {
    const char *phrase;
    long low, best, high;
} VagueWord;

static const VagueWord vague_words[] = {
    {"tens of thousands", 20000, 30000, 90000},
    {"hundreds of thousands", 200000, 300000, 900000},
    {"tens of millions", 20000000, 30000000, 90000000},
    {"dozens", 24, 36, 96},
    {"scores", 40, 60, 99},
    {"hundreds", 200, 300, 900},
    {"thousands", 2000, 3000, 9000},
    {"millions", 2000000, 3000000, 9000000},
    {"several", 3, 5, 9},
    {"a few", 2, 3, 5},
    {"a handful", 3, 4, 6},
    {"a dozen", 12, 12, 12},
    {"a score", 20, 20, 20},
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
    while (k < n && isalpha((unsigned char)s[k]))
        k++;
    return k - i;
}

static bool word_is(const char *s, size_t n, size_t i, const char *w)
{
    if (i >= n || tolower((unsigned char)s[i]) != tolower((unsigned char)w[0]))
        return false;
    size_t len = word_len(s, n, i);
    return len == strlen(w) && !strncasecmp(s + i, w, len);
}

/* Does the phrase (words separated by spaces or hyphens) start at i?
 * Returns the end offset, or 0. Case-insensitive; a space in the phrase
 * matches any run of spaces (and no-break spaces) or a hyphen. */
static size_t phrase_at(const char *s, size_t n, size_t i, const char *phrase)
{
    size_t p = 0, k = i;
    if (i >= n || tolower((unsigned char)s[i]) != tolower((unsigned char)phrase[0]))
        return 0;
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
        if (k >= n || tolower((unsigned char)s[k]) != tolower((unsigned char)phrase[p]))
            return 0;
        k++;
        p++;
    }
    if (k < n && isalpha((unsigned char)s[k]))
        return 0;
    if (k + 1 < n && s[k] == '-' && isalpha((unsigned char)s[k + 1]))
        return 0; /* "several-storey" */
    return k;
}

static long numeral_value(const char *s, size_t n, size_t i, size_t *end)
{
    size_t len = word_len(s, n, i);
    if (!len)
        return -1;
    int first = tolower((unsigned char)s[i]);
    for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
        if (numerals[k].word[0] == first && strlen(numerals[k].word) == len &&
            !strncasecmp(s + i, numerals[k].word, len)) {
            *end = i + len;
            return numerals[k].value;
        }
    return -1;
}

/* Digits: "80", "2,500", "1.5". Returns the value (times 10 for one decimal
 * kept as a double) or -1. Rejects ordinals and glued units ("17th",
 * "10km"). */
static double digits_value(const char *s, size_t n, size_t i, size_t *end)
{
    if (i >= n || !isdigit((unsigned char)s[i]))
        return -1;
    double v = 0;
    size_t k = i;
    while (k < n) {
        if (isdigit((unsigned char)s[k])) {
            v = v * 10 + (s[k] - '0');
            k++;
        } else if (s[k] == ',' && k + 3 < n && isdigit((unsigned char)s[k + 1]) &&
                   isdigit((unsigned char)s[k + 2]) && isdigit((unsigned char)s[k + 3]) &&
                   (k + 4 >= n || !isdigit((unsigned char)s[k + 4]))) {
            k++; /* thousands separator */
        } else {
            break;
        }
    }
    if (k + 1 < n && s[k] == '.' && isdigit((unsigned char)s[k + 1])) {
        double scale = 0.1;
        k++;
        while (k < n && isdigit((unsigned char)s[k])) {
            v += scale * (s[k] - '0');
            scale /= 10;
            k++;
        }
    }
    if (k < n && isalpha((unsigned char)s[k]))
        return -1;
    *end = k;
    return v;
}

/* A lexicon number phrase at i: the longest that matches. */
static const NumberWord *lexicon_number(const Lexicon *lex, const char *s, size_t n, size_t i,
                                        size_t *end)
{
    if (!lex)
        return NULL;
    const NumberWord *best = NULL;
    size_t best_end = 0;
    /* phrase_at() rejects a phrase whose first letter differs; asked here
     * first, without a call, for the 150 phrases of numbers.tsv. (sitrep
     * never sets a locale: tolower() is the C locale's, A-Z only.) */
    int first = i < n ? tolower((unsigned char)s[i]) : -1;
    /* only the phrases of the word's first letter, when the lexicon has
     * grouped them (lexicon_load does) */
    int from = 0, to = lex->number_count;
    const int *order = lex->number_order;
    if (order) {
        int g = first >= 'a' && first <= 'z' ? first - 'a' : 26;
        from = lex->number_group[g];
        to = lex->number_group[g + 1];
    }
    size_t letters = word_len(s, n, i);
    for (int j = from; j < to; j++) {
        const NumberWord *nw = &lex->numbers[order ? order[j] : j];
        if (!nw->phrase || !*nw->phrase)
            continue;
        if (nw->first_word_letters && (size_t)nw->first_word_letters != letters)
            continue; /* its first word has another length */
        int p0 = (unsigned char)nw->phrase[0];
        if ((p0 >= 'A' && p0 <= 'Z' ? p0 | 0x20 : p0) != first)
            continue;
        size_t e = phrase_at(s, n, i, nw->phrase);
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
        double mult = 1;
        if (word_is(s, n, k, "million") || word_is(s, n, k, "mn"))
            mult = 1e6;
        else if (word_is(s, n, k, "billion"))
            mult = 1e9;
        else if (word_is(s, n, k, "thousand"))
            mult = 1e3;
        else if (word_is(s, n, k, "hundred"))
            mult = 1e2;
        if (mult > 1)
            end = k + word_len(s, n, k);
        long v = lround(d * mult);
        r->present = true;
        r->low = r->best = r->high = v;
        return end;
    }

    /* Vague quantities first (longest phrase wins, lexicon before the
     * built-in table), since "tens of thousands" starts like a numeral. */
    size_t lex_end = 0;
    const NumberWord *nw = lexicon_number(lex, s, n, i, &lex_end);
    size_t vague_end = 0;
    const VagueWord *vw = NULL;
    int first = i < n ? tolower((unsigned char)s[i]) : -1;
    for (size_t k = 0; k < sizeof vague_words / sizeof *vague_words; k++) {
        if (vague_words[k].phrase[0] != first) /* all in lower case */
            continue;
        size_t e = phrase_at(s, n, i, vague_words[k].phrase);
        if (e > vague_end) {
            vague_end = e;
            vw = &vague_words[k];
        }
    }

    /* Composed numerals: "sixty-two", "one hundred and twenty", "a hundred",
     * "two dozens", "three thousand". */
    long total = 0, current = 0;
    bool any = false;
    size_t k = i, num_end = 0;
    for (;;) {
        size_t e = 0;
        long v = numeral_value(s, n, k, &e);
        if (v < 0 && word_is(s, n, k, "a") && !any) {
            size_t k2 = skip_space(s, n, k + 1);
            if (word_is(s, n, k2, "hundred") || word_is(s, n, k2, "thousand") ||
                word_is(s, n, k2, "million") || word_is(s, n, k2, "dozen")) {
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
        } else if (any && (word_is(s, n, k, "hundred") || word_is(s, n, k, "hundreds"))) {
            current = (current ? current : 1) * 100;
            num_end = k + word_len(s, n, k);
        } else if (any && (word_is(s, n, k, "thousand") || word_is(s, n, k, "thousands") ||
                           word_is(s, n, k, "million") || word_is(s, n, k, "millions"))) {
            long mult = tolower((unsigned char)s[k]) == 't' ? 1000 : 1000000;
            total += (current ? current : 1) * mult;
            current = 0;
            num_end = k + word_len(s, n, k);
        } else if (any && (word_is(s, n, k, "dozen") || word_is(s, n, k, "dozens"))) {
            current = (current ? current : 1) * 12;
            num_end = k + word_len(s, n, k);
        } else if (any && word_is(s, n, k, "and")) {
            /* "one hundred and twenty": only inside a numeral */
            size_t k2 = skip_space(s, n, k + 3);
            size_t e2 = 0;
            if (numeral_value(s, n, k2, &e2) < 0)
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
        if (k2 == num_end && !(k2 < n && isalpha((unsigned char)s[k2])))
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
static const char *const qualifiers[] = {
    "at least",   "more than",  "no fewer than", "no less than", "not less than",
    "fewer than", "less than",  "well over",     "just over",    "over",
    "nearly",     "almost",     "about",         "around",       "some",
    "up to",      "as many as", "approximately", "roughly",      "an estimated",
    "estimated",  "at most",    "close to",      "upwards of",   "in excess of",
    "a total of", "a further",  "another",       "only",         "just",
};

size_t parse_count(const Lexicon *lex, const char *s, size_t n, Range *out)
{
    Range r = {0};
    size_t i = skip_space(s, n, 0);
    bool between = false;

    /* Qualifiers may stack: "at least another 5". */
    for (int guard = 0; guard < 3; guard++) {
        size_t best = 0;
        int first = i < n ? tolower((unsigned char)s[i]) : -1;
        for (size_t k = 0; k < sizeof qualifiers / sizeof *qualifiers; k++) {
            if (qualifiers[k][0] != first) /* all in lower case */
                continue;
            size_t e = phrase_at(s, n, i, qualifiers[k]);
            if (e > best)
                best = e;
        }
        if (!best)
            break;
        i = skip_space(s, n, best);
    }
    if (word_is(s, n, i, "between")) {
        between = true;
        i = skip_space(s, n, i + 7);
    }

    size_t end = quantity(lex, s, n, i, &r);
    if (!end)
        return 0;

    /* Ranges: "12-15", "12 to 15", "12 or 13", "between 10 and 20". */
    size_t k = skip_space(s, n, end);
    size_t k2 = 0;
    if (k < n && s[k] == '-' && k + 1 < n && isdigit((unsigned char)s[k + 1]))
        k2 = k + 1;
    else if (k + 2 < n && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
             (unsigned char)s[k + 2] == 0x93)
        k2 = skip_space(s, n, k + 3); /* en dash */
    else if (word_is(s, n, k, "to") || word_is(s, n, k, "or") ||
             (between && word_is(s, n, k, "and")))
        k2 = skip_space(s, n, k + word_len(s, n, k));
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
