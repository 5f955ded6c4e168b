/*
 * fold.c — folding words so that the spellings of one name meet.
 *
 * Two levels:
 *
 * 1. The plain fold (fold_plain, kept for every token in TokenList.folded):
 *    lower case, diacritics stripped (utf8proc decomposition, combining
 *    marks dropped; Turkish dotless ı -> i), apostrophes and ʿayn/hamza
 *    marks dropped ("Ma'arrat" -> maarrat), a final possessive 's dropped
 *    ("Assad's" -> assad). English words stay themselves.
 *
 * 2. The transliteration key (fold_word = plain fold + fold_translit), used
 *    for the names of places, actors and outlets. Arabic script writes no
 *    short vowels, so the Latin spellings of one name differ mostly in their
 *    vowels (Tadmur/Tadmor/Tudmur, Manbij/Menbij/Minbij) and in doubled
 *    letters (Raqqa/Raqa). The rules, in order:
 *      a. a glued article: "e" + a doubled sun letter (z s d t r n) at the
 *         start of a word of 5+ letters is the article assimilated to the
 *         name: "ezzor" -> "zor" (Deir Ezzor = Deir ez-Zor);
 *      b. consonant spellings: q -> k (Qamishli/Kamishli), ck -> k,
 *         ch -> sh (French Cheikh), dj -> j (Djerablous), dh -> z (ذ),
 *         ph -> f;
 *      c. a final h after a vowel is dropped (Raqqah -> raqqa,
 *         Hasakeh -> hasake);
 *      d. the nisba endings -iya/-iye/-ie/-ia (after c: -iyah, -iyeh, -ieh)
 *         become -i (Abbasiyah = Abbasiya = Abbassiyeh);
 *      e. every run of vowels becomes one "a" (Deir/Dayr/Dair -> dar,
 *         Zor/Zour/Zawr -> zar). w and y belong to the vowel run when
 *         they follow a vowel and do not precede one (Dayr, Zawr, Husayn);
 *         between two vowels and at the start of a word they are
 *         consonants (Darayya -> daraya stays apart from Daraa -> dara);
 *         a w between a consonant and a vowel is read "uw" (Sweida =
 *         Suwayda);
 *      f. doubled consonants become single (Hammam -> hamam).
 *    What it does not do: vowels that one spelling has and another lacks
 *    (Zahar/Zahr) stay different; the gazetteer's alternate names cover
 *    most of those.
 *
 * Articles ("al", "el", "ez", "ash", …) are whole tokens after the
 * tokenizer splits "al-Raqqa" at its hyphen; fold_phrase drops them from
 * dictionary phrases and the matcher skips them in text (see matcher.c),
 * so "Dayr al-Zawr" and "Deir Zor" both give the key "dar zar". A word in
 * capitals is no article unless hyphen-joined or "al"/"el"
 * (article_spelling_ok): "US Air Force" keeps its "US", as a plain fold
 * (fold_keeps_acronym): "US" and "IS" would both be "as".
 *
 * Short all-English words are not harmed in practice because triggers and
 * number words are matched on plain folds: "four" never meets "for".
 */
#include "lex_internal.h"

#include <string.h>
#include <utf8proc.h>

/* ---- Characters --------------------------------------------------------- */

size_t utf8_decode(const char *s, size_t n, int32_t *cp)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    utf8proc_int32_t v;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &v);
    if (len <= 0) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return (size_t)len;
}

CharClass char_class(int32_t cp)
{
    if (cp < 0)
        return CC_PUNCT;
    if (cp < 0x80) {
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
            return CC_LETTER;
        if (cp >= '0' && cp <= '9')
            return CC_DIGIT;
        if (cp == ' ' || (cp >= '\t' && cp <= '\r'))
            return CC_SPACE;
        if (cp == '\'' || cp == '`')
            return CC_APOS;
        if (cp == '-')
            return CC_HYPHEN;
        if (cp < 0x20 || cp == 0x7f)
            return CC_SPACE;
        return CC_PUNCT;
    }
    switch (cp) {
    case 0x2019:
    case 0x2018:
    case 0x02BF:
    case 0x02BE:
    case 0x02BC:
    case 0x00B4:
    case 0x2032:
    case 0x02BB:
    case 0x02C8:
        return CC_APOS;
    case 0x2010:
    case 0x2011:
        return CC_HYPHEN;
    case 0x00AD:
    case 0x200C:
    case 0x200D:
    case 0x2060:
        return CC_IGNORE;
    case 0x200B:
    case 0xFEFF:
    case 0x0085:
        return CC_SPACE;
    default:
        break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return CC_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return CC_SPACE;
    case UTF8PROC_CATEGORY_CF:
        return CC_IGNORE;
    default:
        return CC_PUNCT;
    }
}

bool char_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool char_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static void put_byte(char *out, size_t *len, size_t cap, char c)
{
    if (*len + 1 < cap)
        out[(*len)++] = c;
}

void fold_char(int32_t cp, char *out, size_t *len, size_t cap)
{
    if (cp < 0x80) {
        put_byte(out, len, cap, (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
        return;
    }
    if (cp == 0x0131) { /* Turkish dotless ı has no decomposition */
        put_byte(out, len, cap, 'i');
        return;
    }
    /* Decompose and case fold, then keep everything but the marks. */
    utf8proc_int32_t parts[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, parts, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT, &boundclass);
    if (n <= 0 || n > 8) {
        parts[0] = cp;
        n = 1;
    }
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        int32_t p = parts[i];
        if (p < 0x80) {
            if ((p >= 'a' && p <= 'z') || (p >= '0' && p <= '9'))
                put_byte(out, len, cap, (char)p);
            else if (p >= 'A' && p <= 'Z')
                put_byte(out, len, cap, (char)(p + 32));
            continue;
        }
        CharClass cc = char_class(p);
        if (cc != CC_LETTER && cc != CC_DIGIT)
            continue; /* marks, and anything decomposition leaves over */
        utf8proc_uint8_t buf[4];
        utf8proc_ssize_t bn = utf8proc_encode_char(p, buf);
        if (bn > 0 && *len + (size_t)bn < cap) {
            memcpy(out + *len, buf, (size_t)bn);
            *len += (size_t)bn;
        }
    }
}

/* ---- Plain fold ---------------------------------------------------------- */

size_t fold_plain(const char *s, size_t n, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    size_t len = 0, apos_at = (size_t)-1;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += utf8_decode(s + i, n - i, &cp);
        CharClass cc = char_class(cp);
        if (cc == CC_LETTER || cc == CC_DIGIT)
            fold_char(cp, out, &len, cap);
        else if (cc == CC_APOS)
            apos_at = len;
    }
    /* "Assad's" -> assad: a final 's after an apostrophe is a possessive. */
    if (apos_at != (size_t)-1 && len == apos_at + 1 && out[apos_at] == 's' && apos_at > 0)
        len = apos_at;
    out[len] = '\0';
    return len;
}

/* ---- Articles ------------------------------------------------------------ */

bool fold_is_dash(const char *f, size_t n)
{
    return (n == 1 && f[0] == '-') || (n == 3 && !memcmp(f, "\xE2\x80\x93", 3));
}

/* ---- Transliteration key -------------------------------------------------- */

/* What a byte of a plain fold is to the rules below: 1 a vowel (a e i o
 * u), 2 a semivowel (w y), 0 anything else. A table, because this runs
 * for every capitalised word of a text. */
static const unsigned char kind_of[256] = {
    ['a'] = 1, ['e'] = 1, ['i'] = 1, ['o'] = 1, ['u'] = 1, ['w'] = 2, ['y'] = 2,
};

size_t fold_translit(const char *s, size_t n, char *out)
{
    char tmp[FOLD_MAX];
    size_t t = 0;

    /* a. glued article: "ezzor" -> "zor". */
    if (n >= 5 && s[0] == 'e' && s[1] == s[2] && strchr("zsdtrn", s[1]))
        s += 2, n -= 2;

    /* b. consonant spellings. */
    for (size_t i = 0; i < n && t + 2 < sizeof tmp; i++) {
        char c = s[i];
        switch (c) {
        case 'q':
            tmp[t++] = 'k';
            break;
        case 'c': {
            char next = i + 1 < n ? s[i + 1] : '\0';
            if (next == 'k')
                ; /* the k follows */
            else if (next == 'h')
                tmp[t++] = 's'; /* the h follows: "sh" */
            else
                tmp[t++] = c;
            break;
        }
        case 'd': {
            char next = i + 1 < n ? s[i + 1] : '\0';
            if (next == 'j')
                ; /* the j follows */
            else if (next == 'h')
                tmp[t++] = 'z', i++;
            else
                tmp[t++] = c;
            break;
        }
        case 'p':
            if (i + 1 < n && s[i + 1] == 'h')
                tmp[t++] = 'f', i++;
            else
                tmp[t++] = c;
            break;
        default:
            tmp[t++] = c;
        }
    }

    /* c. final h after a vowel. */
    if (t >= 3 && tmp[t - 1] == 'h' && kind_of[(unsigned char)tmp[t - 2]] == 1)
        t--;
    /* d. nisba endings: -iya, -iye, -ie, -ia -> -i. */
    if (t >= 5 && tmp[t - 3] == 'i' && tmp[t - 2] == 'y' &&
        (tmp[t - 1] == 'a' || tmp[t - 1] == 'e'))
        t -= 2;
    else if (t >= 4 && tmp[t - 2] == 'i' && (tmp[t - 1] == 'a' || tmp[t - 1] == 'e'))
        t -= 1;

    /* e, f. vowel runs and doubled consonants. */
    size_t o = 0;
    bool in_run = false;
    tmp[t] = '\0'; /* kind 0: "no vowel next" at the end */
    for (size_t i = 0; i < t && o + 3 < FOLD_MAX; i++) {
        char c = tmp[i];
        unsigned k = kind_of[(unsigned char)c];
        if (k == 2 && i > 0) {
            bool next_vowel = kind_of[(unsigned char)tmp[i + 1]] == 1;
            if (!next_vowel) {
                k = 1; /* Dayr, Zawr; Palmyra: part of the vowel */
            } else {
                unsigned pk = kind_of[(unsigned char)tmp[i - 1]];
                bool prev_vowel = pk == 1 || (in_run && pk == 2);
                if (!prev_vowel && c == 'w' && !in_run) /* Sweida */
                    out[o++] = 'a';
                /* otherwise a consonant (Darayya, Hawija) */
            }
        }
        if (k == 1) {
            if (!in_run)
                out[o++] = 'a';
            in_run = true;
            continue;
        }
        if (o > 0 && out[o - 1] == c && !in_run)
            continue; /* doubled consonant */
        out[o++] = c;
        in_run = false;
    }
    out[o] = '\0';
    return o;
}

size_t fold_word(const char *s, size_t n, char *out, size_t cap)
{
    char plain[FOLD_MAX], key[FOLD_MAX];
    size_t pn = fold_plain(s, n, plain, sizeof plain);
    size_t kn = fold_translit(plain, pn, key);
    if (cap == 0)
        return 0;
    if (kn >= cap)
        kn = cap - 1;
    memcpy(out, key, kn);
    out[kn] = '\0';
    return kn;
}

/* Dictionary side of the article rule: in a name, an article token followed
 * by another word is dropped when it is "al"/"el", hyphen-joined or
 * capitalised ("Ar Raqqah", "Deir ez-Zor", "Jabal al-Hilal"). The text side
 * (tokenize.c) is stricter, and a subset of this. With translit, each word
 * becomes its transliteration key (fold_phrase); without, it keeps its
 * plain fold (fold_phrase_plain: the name as written, for exact matches). */
static size_t fold_phrase_words(const char *s, size_t n, char *out, size_t cap, bool translit)
{
    size_t pos = 0, len = 0;
    RawToken cur, next;
    char cur_fold[FOLD_MAX], next_fold[FOLD_MAX];
    if (cap == 0)
        return 0;
    out[0] = '\0';
    bool have = scan_token(s, &pos, n, &cur, cur_fold);
    while (have) {
        bool have_next = scan_token(s, &pos, n, &next, next_fold);
        bool al_el =
            cur.fold_len == 2 && cur_fold[1] == 'l' && (cur_fold[0] == 'a' || cur_fold[0] == 'e');
        bool drop = cur.kind == TOKEN_WORD && have_next && next.kind == TOKEN_WORD &&
                    fold_is_article(cur_fold, cur.fold_len) &&
                    article_spelling_ok(cur_fold, cur.fold_len, cur.flags) &&
                    (al_el || (cur.flags & (TOKEN_JOINED | TOKEN_CAPITALISED)));
        /* "Damascus - Baghdad" = "Damascus-Baghdad": a free-standing hyphen
         * or en dash is no part of a name (the matcher skips it too). */
        if (cur.kind == TOKEN_PUNCT && fold_is_dash(cur_fold, cur.fold_len))
            drop = true;
        /* A final ʿayn or hamza ("Mare'", GeoNames' "Ḩamrāʼ") is left over
         * by the scanner as punctuation; texts mostly leave it out. */
        if (cur.kind == TOKEN_PUNCT && cur.fold_len > 0) {
            int32_t cp;
            if (utf8_decode(cur_fold, cur.fold_len, &cp) == cur.fold_len &&
                char_class(cp) == CC_APOS)
                drop = true;
        }
        if (!drop && cur.fold_len > 0) {
            char key[FOLD_MAX];
            size_t kn =
                cur.kind == TOKEN_WORD && translit && !fold_keeps_acronym(cur.fold_len, cur.flags)
                    ? fold_translit(cur_fold, cur.fold_len, key)
                    : (memcpy(key, cur_fold, cur.fold_len), cur.fold_len);
            if (kn > 0 && len + kn + 2 <= cap) {
                if (len > 0)
                    out[len++] = ' ';
                memcpy(out + len, key, kn);
                len += kn;
                out[len] = '\0';
            }
        }
        if (!have_next)
            break;
        cur = next;
        memcpy(cur_fold, next_fold, next.fold_len + 1);
    }
    return len;
}

size_t fold_phrase(const char *s, size_t n, char *out, size_t cap)
{
    return fold_phrase_words(s, n, out, cap, true);
}

size_t fold_phrase_plain(const char *s, size_t n, char *out, size_t cap)
{
    return fold_phrase_words(s, n, out, cap, false);
}
