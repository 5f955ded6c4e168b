/*
 * lex_internal.h — what the files of src/lex share and nobody else needs:
 * the token scanner used by tokenize() and fold_phrase(), the
 * transliteration step of folding, the matcher builder and the binary
 * gazetteer reader.
 */
#ifndef SITREP_LEX_INTERNAL_H
#define SITREP_LEX_INTERNAL_H

#include "lex.h"

#include <string.h>

/* Longest folded form kept for one token; longer words are cut. */
enum { FOLD_MAX = 128 };
/* TokenList.folded (from tokenize) has at least this many bytes after the
 * NUL of its last fold, so that the matcher may read any fold eight bytes
 * at a time. */
enum { FOLD_SLACK = 16 };

/* The hash of a plain fold in TokenList.folded (or any buffer that may be
 * read FOLD_SLACK bytes past the fold's end): whole eight-byte words, the
 * last one masked. The tokenizer stores it for every token
 * (TokenList.hashes) and the matcher keys its dictionary with fold_hash()
 * below, the same steps over the fold alone, so the two always agree. Never 0, which marks "not
 * computed". In steps, so that the tokenizer can hash a short word from a register. */
static inline uint64_t fold_hash_step(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
}

static inline uint64_t fold_hash_end(uint64_t h)
{
    h *= 0xBF58476D1CE4E5B9ull;
    return (h ^ (h >> 32)) | 1;
}

/* The hash of a fold of n bytes, 1 to 8, whose bytes are w's low bytes in
 * little-endian order (zeros above). */
static inline uint64_t fold_hash_short(uint64_t w, size_t n)
{
    return fold_hash_end(fold_hash_step((uint64_t)n * 0x9E3779B97F4A7C15ull, w));
}

static inline uint64_t fold_hash_padded(const char *s, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = fold_hash_step(h, w);
    }
    if (n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        memcpy(&w, s, 8); /* one load; the bytes past the fold masked off */
        w &= (1ull << (8 * n)) - 1;
#else
        w = 0;
        memcpy(&w, s, n);
#endif
        h = fold_hash_step(h, w);
    }
    return fold_hash_end(h);
}

/* fold_hash_padded() of a fold in a buffer that may not be read past it
 * (a phrase of the data, a key being built). */
static inline uint64_t fold_hash(const char *s, size_t n)
{
    uint64_t h = (uint64_t)n * 0x9E3779B97F4A7C15ull, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = fold_hash_step(h, w);
    }
    if (n) {
        w = 0;
        memcpy(&w, s, n);
        h = fold_hash_step(h, w);
    }
    return fold_hash_end(h);
}

/* ---- Characters --------------------------------------------------------- */
typedef enum CharClass {
    CC_SPACE, /* ASCII white space, NBSP and every Unicode space */
    CC_LETTER,
    CC_DIGIT,
    CC_MARK,   /* combining marks: part of the word, dropped when folding */
    CC_APOS,   /* ' ’ ‘ ʿ ʾ ʼ ` ´: inside a word, dropped when folding */
    CC_HYPHEN, /* - ‐ ‑: splits a word into parts */
    CC_IGNORE, /* soft hyphen, zero-width joiners: invisible inside words */
    CC_PUNCT   /* everything else, en and em dashes included */
} CharClass;

CharClass char_class(int32_t cp);
bool char_is_upper(int32_t cp);
bool char_is_lower(int32_t cp);
/* Appends the plain fold of one letter or digit (lower case, marks
 * stripped) to out[*len, cap). */
void fold_char(int32_t cp, char *out, size_t *len, size_t cap);
/* Decodes one code point at s[0..n) (n > 0); returns its length and sets
 * *cp (-1 for an invalid byte, length 1). */
size_t utf8_decode(const char *s, size_t n, int32_t *cp);

/* ---- Scanner ------------------------------------------------------------ */
typedef struct RawToken {
    size_t start, end;      /* byte range in the text */
    uint8_t kind;           /* TokenKind */
    uint8_t flags;          /* TOKEN_CAPITALISED, TOKEN_ALLCAPS, TOKEN_JOINED */
    bool blank_line_before; /* an empty line separates it from the previous token */
    size_t fold_len;        /* length of the plain fold written to out */
    uint64_t hash;          /* fold_hash_padded() of the fold, when the
                               scanner had it at hand; 0 otherwise */
} RawToken;

/* Scans the next token of text[*pos, end), writes its plain fold to
 * out[FOLD_MAX] and advances *pos. False when only spaces remain. */
bool scan_token(const char *text, size_t *pos, size_t end, RawToken *t, char *out);

/* True for a plain-folded word that is an Arabic article ("al", "ez", …).
 * Inline: the tokenizer asks it of every short word. */
static inline bool fold_is_article(const char *w, size_t n)
{
    /* al el ar as ad at az an ez es ed et er en ul ud us ash adh ath,
     * tested by hand: this runs for every word of every text. */
    if (n == 2) {
        char c = w[1];
        switch (w[0]) {
        case 'a':
            return c == 'l' || c == 'r' || c == 's' || c == 'd' || c == 't' || c == 'z' || c == 'n';
        case 'e':
            return c == 'l' || c == 'z' || c == 's' || c == 'd' || c == 't' || c == 'r' || c == 'n';
        case 'u':
            return c == 'l' || c == 'd' || c == 's';
        default:
            return false;
        }
    }
    return n == 3 && w[0] == 'a' && w[2] == 'h' && (w[1] == 's' || w[1] == 'd' || w[1] == 't');
}

/* Whether a word token that folds like an article (fold_is_article) may
 * be read as one, as far as its spelling goes: "al"/"el" always; any
 * other only when not written in capitals ("as-Safira", "Ash Shaddadi"),
 * or hyphen-joined to the next word ("AS-SAFIRA"). An all-caps "US", "AS"
 * or "AT" is a word or an acronym ("US Air Force"), never an article.
 * flags: TOKEN_* of the token. */
static inline bool article_spelling_ok(const char *w, size_t n, unsigned flags)
{
    bool al_el = n == 2 && w[1] == 'l' && (w[0] == 'a' || w[0] == 'e');
    return al_el || !(flags & TOKEN_ALLCAPS) || (flags & TOKEN_JOINED);
}

/* Whether a word token is a two-letter acronym in capitals ("US", "IS",
 * "UN"): its name key is its plain fold, without the transliteration
 * rules, which would make "US" and "IS" the same key "as". */
static inline bool fold_keeps_acronym(size_t n, unsigned flags)
{
    return n <= 2 && (flags & TOKEN_ALLCAPS);
}

/* True for a free-standing "-" or en dash, skipped inside names. */
bool fold_is_dash(const char *folded, size_t n);

/* fold_phrase() without the transliteration step: the plain folds of the
 * words of a name, articles and free-standing dashes dropped the same way
 * ("Dayr al-Zawr" -> "dayr zawr"). Two spellings give the same result only
 * when they are the same name as written: the key of exact matches. */
size_t fold_phrase_plain(const char *s, size_t n, char *out, size_t cap);

/* The transliteration step: plain fold -> matching key ("raqqah" ->
 * "raka"). out must hold FOLD_MAX bytes; returns the length. */
size_t fold_translit(const char *plain, size_t n, char *out);

/* ---- Matcher ------------------------------------------------------------ */
/* The key chains a phrase can live in (see matcher.c). */
typedef enum MatchChain {
    CHAIN_PLAIN = 0, /* plain folds, no article skipping: triggers, numbers,
                        lower-case names */
    CHAIN_NAME = 1,  /* transliteration keys, articles skipped: capitalised
                        names, matched from capitalised tokens only */
    CHAIN_CAPS = 2,  /* short acronyms ("IS", "US"): all-caps tokens only */
    CHAIN_COUNT
} MatchChain;

typedef struct MatcherBuilder MatcherBuilder;

MatcherBuilder *matcher_builder_new(void);
/* Adds a phrase as written in a dictionary; the chain is chosen from the
 * entry kind and the spelling. Returns false if the phrase folds to
 * nothing. */
bool matcher_builder_add(MatcherBuilder *b, const char *phrase, size_t n, Entry e);
/* Adds an already folded loose key ("dar zar": fold_phrase output). */
void matcher_builder_add_key(MatcherBuilder *b, const char *key, size_t n, Entry e);
/* Adds a name by its loose key and its plain form (fold_phrase_plain
 * output, "dayr zawr"), so that a text spelling it as written is an exact
 * match. plain may be NULL (no exact form known). */
void matcher_builder_add_name(MatcherBuilder *b, const char *key, size_t kn, const char *plain,
                              size_t pn, Entry e);

/* What a word is besides a possible name (flags of a plain-folded word):
 * used to tell "Syrian", "June" or "hit" from the places they fold like. */
enum {
    WORD_COMMON = 1,    /* in the English word list in lower case ("hit") */
    WORD_PROPER = 2,    /* in the list only capitalised ("Kerry", "Mosul") */
    WORD_NOT_PLACE = 4, /* in data/not-places.tsv: never a one-word place */
};
void matcher_builder_add_word(MatcherBuilder *b, const char *plain, size_t n, unsigned flags);
/* Compiles everything added into a Matcher allocated in arena and frees the
 * builder. */
Matcher *matcher_build(MatcherBuilder *b, Arena *arena);
/* The places the matcher's place entries index (lexicon_load sets them
 * after the build): the English-word rules keep places that are large or
 * seats ("Turkey" the country, not the bird). */
void matcher_set_places(Matcher *m, const Place *places, int count);
/* Number of distinct phrases and of (phrase, entry) pairs, for figures. */
void matcher_stats(const Matcher *m, long *phrases, long *entries);

/* ---- Closed word classes (words.c) --------------------------------------- */
WordClassSet *word_class_set_build(Arena *arena);
uint32_t word_class_set_find(const WordClassSet *set, const char *plain, size_t n);

/* ---- Gazetteer file ----------------------------------------------------- */
/* Reads the compiled gazetteer into lex (places appended to lex->places,
 * its keys added to b). False with a diagnostic if the file is unusable. */
bool gazetteer_load(const char *path, Lexicon *lex, MatcherBuilder *b, Diagnostics *diag);

#endif
