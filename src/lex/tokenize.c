/*
 * tokenize.c — cutting text into words, numbers and punctuation.
 *
 * Hand-written because it runs over every byte of every document: ASCII
 * goes through a few comparisons, and only non-ASCII code points ask
 * utf8proc for their category and decomposition.
 *
 * Rules:
 *  - spaces are ASCII white space, NBSP and every Unicode space;
 *  - a word is letters, digits and combining marks; an apostrophe between
 *    letters stays inside it ("Ma'arrat", "Assad's") and is dropped from the
 *    fold, as is a final possessive 's;
 *  - a hyphen between two word characters splits the word into parts and
 *    marks the first part TOKEN_JOINED ("Deir ez-Zor" -> deir | ez | zor);
 *  - a number is digits with thousands separators and a decimal point
 *    ("2,500" -> 2500, "1.5"); digits running into letters make a word
 *    ("137th", "1980s");
 *  - every other character (en and em dashes included) is a punctuation
 *    token of its own.
 * Flags: capitalised, all caps (two letters or more), sentence start (first
 * token, after . ! ? or a blank line), and TOKEN_ARTICLE for an Arabic
 * article the matcher may skip: "al"/"el" before a word, or another article
 * ("ez", "ash", "at", …) hyphen-joined to the next word or capitalised
 * before a capitalised word in mid-sentence ("Ash Shaddadi"), never the
 * English "at" or "as" of running text, nor a word in capitals that is
 * not hyphen-joined ("US Armed Forces", "AS"; "AL" and "EL" are).
 */
#include "lex_internal.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static CharClass class_at_slow(const char *text, size_t i, size_t end, int32_t *cp, size_t *len)
{
    if (i >= end) {
        *cp = -1;
        *len = 0;
        return CC_SPACE;
    }
    *len = utf8_decode(text + i, end - i, cp);
    return char_class(*cp);
}

/* char_class() of every ASCII code point (test_fold tokenizes each). */
enum { L = CC_LETTER, D = CC_DIGIT, S = CC_SPACE, A = CC_APOS, H = CC_HYPHEN, P = CC_PUNCT };
static const uint8_t ascii_class[128] = {
    S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S,
    S, P, P, P, P, P, P, A, P, P, P, P, P, H, P, P, D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, P,
    A, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, S,
};

/* The plain fold of an ASCII letter or digit (lower case), 0 for every
 * other byte: the tokenizer's inner loop is one load and one test. */
static const unsigned char ascii_word_fold[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd',
    ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k',
    ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
    ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
    ['Z'] = 'z', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm',
    ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
    ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

/* What an ASCII letter or digit is, for the capitals test of a word. */
enum { ASCII_LOWER = 1, ASCII_UPPER = 2, ASCII_DIGIT = 4 };
enum { KL = ASCII_LOWER, KU = ASCII_UPPER, KD = ASCII_DIGIT };
static const unsigned char ascii_kind[256] = {
    ['0'] = KD, ['1'] = KD, ['2'] = KD, ['3'] = KD, ['4'] = KD, ['5'] = KD, ['6'] = KD, ['7'] = KD,
    ['8'] = KD, ['9'] = KD, ['A'] = KU, ['B'] = KU, ['C'] = KU, ['D'] = KU, ['E'] = KU, ['F'] = KU,
    ['G'] = KU, ['H'] = KU, ['I'] = KU, ['J'] = KU, ['K'] = KU, ['L'] = KU, ['M'] = KU, ['N'] = KU,
    ['O'] = KU, ['P'] = KU, ['Q'] = KU, ['R'] = KU, ['S'] = KU, ['T'] = KU, ['U'] = KU, ['V'] = KU,
    ['W'] = KU, ['X'] = KU, ['Y'] = KU, ['Z'] = KU, ['a'] = KL, ['b'] = KL, ['c'] = KL, ['d'] = KL,
    ['e'] = KL, ['f'] = KL, ['g'] = KL, ['h'] = KL, ['i'] = KL, ['j'] = KL, ['k'] = KL, ['l'] = KL,
    ['m'] = KL, ['n'] = KL, ['o'] = KL, ['p'] = KL, ['q'] = KL, ['r'] = KL, ['s'] = KL, ['t'] = KL,
    ['u'] = KL, ['v'] = KL, ['w'] = KL, ['x'] = KL, ['y'] = KL, ['z'] = KL,
};

/* ASCII without a call: the common case. */
static inline CharClass class_at(const char *text, size_t i, size_t end, int32_t *cp, size_t *len)
{
    unsigned char c = i < end ? (unsigned char)text[i] : 0x80;
    if (c < 0x80) {
        *cp = c;
        *len = 1;
        return (CharClass)ascii_class[c];
    }
    return class_at_slow(text, i, end, cp, len);
}

static bool is_digit_at(const char *text, size_t i, size_t end)
{
    return i < end && text[i] >= '0' && text[i] <= '9';
}

/* Digits of a number, with "2,500" separators and a "1.5" decimal part. */
static size_t scan_number(const char *text, size_t i, size_t end, char *out, size_t *len)
{
    for (;;) {
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            if (*len + 1 < FOLD_MAX)
                out[(*len)++] = text[i];
            i++;
        }
        /* A thousands separator is followed by exactly three digits. */
        if (i < end && text[i] == ',' && is_digit_at(text, i + 1, end) &&
            is_digit_at(text, i + 2, end) && is_digit_at(text, i + 3, end) &&
            !is_digit_at(text, i + 4, end)) {
            i++;
            continue;
        }
        if (i + 1 < end && text[i] == '.' && text[i + 1] >= '0' && text[i + 1] <= '9') {
            if (*len + 1 < FOLD_MAX)
                out[(*len)++] = '.';
            i++;
            continue;
        }
        return i;
    }
}

/* The scanner, inlined into tokenize() (where the token then lives in
 * registers: this runs for every token of every text) and behind
 * scan_token() for the other callers. */
static inline __attribute__((always_inline)) bool
scan_token_inline(const char *text, size_t *pos, size_t end, RawToken *t, char *out)
{
    size_t i = *pos;
    int newlines = 0;
    int32_t cp;
    size_t clen;
    CharClass cc;

    /* Spaces (and invisible characters between words). */
    for (;;) {
        if (i >= end) {
            *pos = i;
            return false;
        }
        if ((unsigned char)text[i] < 0x80) {
            char c = text[i];
            if (c == ' ' || c == '\t' || c == '\r') {
                i++;
                continue;
            }
            if (c == '\n') {
                newlines++;
                i++;
                continue;
            }
        }
        cc = class_at(text, i, end, &cp, &clen);
        if (cc == CC_SPACE || cc == CC_IGNORE) {
            i += clen;
            continue;
        }
        break;
    }

    memset(t, 0, sizeof *t);
    t->start = i;
    t->blank_line_before = newlines >= 2;
    size_t len = 0;

    if (cc != CC_LETTER && cc != CC_DIGIT && cc != CC_MARK) {
        /* One punctuation character; its fold is itself. */
        t->kind = TOKEN_PUNCT;
        memcpy(out, text + i, clen);
        len = clen;
        i += clen;
        t->end = i;
        t->fold_len = len;
        out[len] = '\0';
        *pos = i;
        return true;
    }

    t->kind = TOKEN_WORD;
    if (cc == CC_DIGIT && cp < 0x80) {
        i = scan_number(text, i, end, out, &len);
        cc = class_at(text, i, end, &cp, &clen);
        if (cc != CC_LETTER && cc != CC_MARK)
            t->kind = TOKEN_NUMBER;
    }

    int letters = 0, uppers = 0, lowers = 0;
    bool first_letter_seen = false;
    size_t apos_at = (size_t)-1;
    if (t->kind == TOKEN_WORD) {
        for (;;) {
            /* ASCII letters and digits, the bulk of every text: a tight
             * loop on locals (len's address is taken by fold_char below,
             * which would keep it in memory), one table load per byte.
             * Only the capitals are counted here; the letters of the run
             * are its length less its digits. */
            size_t n = len, run = i;
            int up = 0, digits = 0;
            while (i < end) {
                unsigned char c = (unsigned char)text[i];
                unsigned char f = ascii_word_fold[c];
                if (!f)
                    break;
                up += (unsigned)(c - 'A') < 26;
                digits += (unsigned)(c - '0') < 10;
                if (n + 1 < FOLD_MAX)
                    out[n++] = (char)f;
                i++;
            }
            len = n;
            int alpha = (int)(i - run) - digits;
            letters += alpha;
            uppers += up;
            lowers += alpha - up;
            if (!first_letter_seen && alpha > 0) {
                /* the run's first letter, after any digits ("1980s") */
                size_t k = run;
                while ((unsigned)(text[k] - '0') < 10)
                    k++;
                if ((unsigned)(text[k] - 'A') < 26)
                    t->flags |= TOKEN_CAPITALISED;
                first_letter_seen = true;
            }
            cc = class_at(text, i, end, &cp, &clen);
            if (cc == CC_LETTER) {
                letters++;
                if (char_is_upper(cp)) {
                    uppers++;
                    if (!first_letter_seen)
                        t->flags |= TOKEN_CAPITALISED;
                } else if (char_is_lower(cp)) {
                    lowers++;
                }
                first_letter_seen = true;
                fold_char(cp, out, &len, FOLD_MAX);
            } else if (cc == CC_DIGIT) {
                fold_char(cp, out, &len, FOLD_MAX);
            } else if (cc == CC_MARK || cc == CC_IGNORE) {
                /* part of the word, nothing to fold */
            } else if (cc == CC_APOS || cc == CC_HYPHEN) {
                int32_t ncp;
                size_t nlen;
                CharClass next = class_at(text, i + clen, end, &ncp, &nlen);
                bool inside = next == CC_LETTER || (cc == CC_HYPHEN && next == CC_DIGIT);
                if (!inside)
                    break;
                if (cc == CC_HYPHEN) {
                    t->flags |= TOKEN_JOINED;
                    t->end = i;
                    *pos = i + clen;
                    goto done;
                }
                apos_at = len;
            } else {
                break;
            }
            i += clen;
        }
    } else {
        /* A number hyphen-joined to the next ("12-15"). */
        cc = class_at(text, i, end, &cp, &clen);
        if (cc == CC_HYPHEN) {
            int32_t ncp;
            size_t nlen;
            CharClass next = class_at(text, i + clen, end, &ncp, &nlen);
            if (next == CC_DIGIT || next == CC_LETTER) {
                t->flags |= TOKEN_JOINED;
                t->end = i;
                *pos = i + clen;
                goto done;
            }
        }
    }
    t->end = i;
    *pos = i;
done:
    if (letters >= 2 && lowers == 0 && uppers > 0)
        t->flags |= TOKEN_ALLCAPS;
    /* "Assad's" -> assad. */
    if (apos_at != (size_t)-1 && apos_at > 0 && len == apos_at + 1 && out[apos_at] == 's')
        len = apos_at;
    out[len] = '\0';
    t->fold_len = len;
    return true;
}

/* The common token, taken without the general scanner: ASCII spaces, then
 * a word that starts with an ASCII letter and is ASCII letters and digits
 * up to an ASCII space or punctuation mark other than an apostrophe or a
 * hyphen (which may join words). Gives the same token scan_token_inline()
 * would; false, with nothing consumed, for anything else. */
static inline bool scan_plain_word(const char *text, size_t *pos, size_t end, RawToken *t,
                                   char *out)
{
    size_t i = *pos;
    int newlines = 0;
    while (i < end) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r')
            i++;
        else if (c == '\n')
            i++, newlines++;
        else
            break;
    }
    if (i >= end || (unsigned)((text[i] | 0x20) - 'a') >= 26)
        return false;
    size_t start = i, n = 0;
    unsigned kinds = 0; /* ASCII_* of the word's bytes, or-ed */
    bool ended = false;
    uint64_t hash = 0;
#if defined(__SSE2__)
    /* Sixteen bytes at a time: the end of a word comes at no fixed place,
     * so a loop per byte mispredicts its exit at nearly every word; here
     * the word's end is a bit scan. Bytes past the word are stored too
     * (lower-cased) and overwritten later: out has FOLD_MAX bytes and the
     * loop stops while a whole block still fits below that. */
    while (i + 16 <= end && n + 16 < FOLD_MAX) {
        __m128i v = _mm_loadu_si128((const __m128i *)(text + i));
        __m128i low = _mm_or_si128(v, _mm_set1_epi8(0x20)); /* digits unchanged */
        /* signed compares: bytes of 0x80 and up are negative, in no range */
        __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(low, _mm_set1_epi8('a' - 1)),
                                      _mm_cmplt_epi8(low, _mm_set1_epi8('z' + 1)));
        __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
        __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                                      _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
        unsigned word = (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
        unsigned run = word == 0xFFFF ? 16 : (unsigned)__builtin_ctz(~word);
        unsigned in = (1u << run) - 1; /* the bytes of the word */
        unsigned up = (unsigned)_mm_movemask_epi8(upper) & in;
        unsigned dig = (unsigned)_mm_movemask_epi8(digit) & in;
        if (up)
            kinds |= ASCII_UPPER;
        if (dig)
            kinds |= ASCII_DIGIT;
        if (in & ~up & ~dig)
            kinds |= ASCII_LOWER;
        _mm_storeu_si128((__m128i *)(out + n), low);
        if (n == 0 && run <= 8) /* a short word: hashed from the register */
            hash =
                fold_hash_short((uint64_t)_mm_cvtsi128_si64(low) & (~0ull >> (64 - 8 * run)), run);
        n += run;
        i += run;
        if (run < 16) {
            ended = true;
            break;
        }
    }
    if (n + 1 >= FOLD_MAX)
        return false; /* a fold the scanner cuts short */
#endif
    while (!ended && i < end) {
        unsigned char c = (unsigned char)text[i];
        unsigned char f = ascii_word_fold[c];
        if (!f)
            break;
        kinds |= ascii_kind[c];
        out[n++] = (char)f;
        if (n + 1 >= FOLD_MAX)
            return false; /* a fold the scanner cuts short */
        i++;
    }
    if (i < end) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x80 || ascii_class[c] == CC_APOS || ascii_class[c] == CC_HYPHEN)
            return false;
    }
    memset(t, 0, sizeof *t);
    t->start = start;
    t->end = i;
    t->kind = TOKEN_WORD;
    t->blank_line_before = newlines >= 2;
    if ((unsigned)(text[start] - 'A') < 26)
        t->flags |= TOKEN_CAPITALISED;
    /* all capitals: two letters or more, none in lower case ("US", "F16") */
    if (kinds == ASCII_UPPER && n >= 2)
        t->flags |= TOKEN_ALLCAPS;
    else if (kinds == (ASCII_UPPER | ASCII_DIGIT)) {
        int letters = 0;
        for (size_t k = start; k < i; k++)
            letters += (unsigned)(text[k] - 'A') < 26;
        if (letters >= 2)
            t->flags |= TOKEN_ALLCAPS;
    }
    out[n] = '\0';
    t->fold_len = n;
    t->hash = hash;
    *pos = i;
    return true;
}

bool scan_token(const char *text, size_t *pos, size_t end, RawToken *t, char *out)
{
    return scan_token_inline(text, pos, end, t, out);
}

static bool ends_sentence(const char *fold, size_t n)
{
    return n == 1 && (fold[0] == '.' || fold[0] == '!' || fold[0] == '?');
}

/* Quotes and brackets between a full stop and the next sentence. */
static bool is_transparent(const char *fold, size_t n)
{
    if (n == 1)
        return strchr("\"')]", fold[0]) != NULL;
    return n == 3 && (!memcmp(fold, "\xE2\x80\x9D", 3) || !memcmp(fold, "\xE2\x80\x99", 3) ||
                      !memcmp(fold, "\xE2\x80\x9C", 3));
}

TokenList tokenize(const char *text, Span span, Arena *arena)
{
    TokenList list = {0};
    size_t n = span.end > span.start ? span.end - span.start : 0;
    size_t cap = n / 4 + 16;
    size_t fcap = n + n / 4 + FOLD_MAX * 2;
    /* every field of a token is written when it is added */
    Token *items = arena_alloc_uninit(arena, cap * sizeof *items);
    uint64_t *hashes = arena_alloc_uninit(arena, cap * sizeof *hashes);
    char *folded = arena_alloc(arena, fcap);
    size_t flen = 0;
    int count = 0;
    bool pending_start = true;
    int article = -1; /* a word that may be an article, waiting for the next token */

    size_t pos = span.start;
    RawToken raw;
    for (;;) {
        /* The fold is scanned straight into place: room for the longest,
         * and FOLD_SLACK bytes after the last (see lex_internal.h). */
        if (flen + FOLD_MAX + FOLD_SLACK > fcap) {
            folded = arena_grow(arena, folded, flen, fcap * 2, 1);
            fcap *= 2;
        }
        char *buf = folded + flen;
        if (!scan_plain_word(text, &pos, span.end, &raw, buf) &&
            !scan_token_inline(text, &pos, span.end, &raw, buf))
            break;
        if ((size_t)count == cap) {
            items = arena_grow(arena, items, (size_t)count, cap * 2, sizeof *items);
            hashes = arena_grow(arena, hashes, (size_t)count, cap * 2, sizeof *hashes);
            cap *= 2;
        }
        Token *tok = &items[count++];
        tok->start = (uint32_t)raw.start;
        tok->end = (uint32_t)raw.end;
        tok->kind = raw.kind;
        tok->flags = raw.flags;
        tok->fold = (uint32_t)flen;
        tok->fold_len = (uint16_t)raw.fold_len;
        /* while the fold is in the cache; buf has FOLD_SLACK bytes after it */
        hashes[count - 1] = raw.hash ? raw.hash : fold_hash_padded(buf, raw.fold_len);
        flen += raw.fold_len + 1;

        if (raw.blank_line_before)
            pending_start = true;
        if (raw.kind == TOKEN_PUNCT) {
            if (ends_sentence(buf, raw.fold_len))
                pending_start = true;
            else if (!is_transparent(buf, raw.fold_len))
                pending_start = false;
        } else {
            if (pending_start)
                tok->flags |= TOKEN_SENTENCE_START;
            pending_start = false;
        }

        /* Articles: decided with the next token in view, when it comes. */
        if (article >= 0 && raw.kind == TOKEN_WORD) {
            Token *a = &items[article];
            const char *f = folded + a->fold;
            bool al_el = a->fold_len == 2 && f[1] == 'l' && (f[0] == 'a' || f[0] == 'e');
            bool named = (a->flags & TOKEN_CAPITALISED) && !(a->flags & TOKEN_SENTENCE_START) &&
                         (tok->flags & TOKEN_CAPITALISED);
            if (al_el || (a->flags & TOKEN_JOINED) || named)
                a->flags |= TOKEN_ARTICLE;
        }
        article = -1;
        if (raw.kind == TOKEN_WORD && raw.fold_len <= 3 && fold_is_article(buf, raw.fold_len) &&
            article_spelling_ok(buf, raw.fold_len, tok->flags))
            article = count - 1;
    }

    list.items = items;
    list.count = count;
    list.folded = folded;
    list.hashes = hashes;
    return list;
}
