/*
 * matcher.c — every dictionary phrase compiled into one hash table, and the
 * one-pass longest-match scan over a document's tokens.
 *
 * A phrase of k tokens is stored as k keys: the hash of each of its
 * prefixes (t1), (t1 t2), … (t1 … tk), where the hash of a prefix is
 * mix(hash of the shorter prefix, hash of the next token). The full phrase
 * key carries the phrase's entries; the shorter ones only say "keep going".
 * Scanning text is then: at each token, extend the running hash one token at
 * a time and probe the table, stopping at the first miss; no strings are
 * compared and nothing is allocated per token. Keys are 64-bit hashes of
 * the folded tokens: with a few hundred thousand phrases a false hit has a
 * probability around 1e-9, which we accept instead of storing the strings.
 *
 * Phrases live in one of three chains (distinct hash seeds):
 *  - NAME: names of places, actors and outlets whose first word is
 *    capitalised ("Raqqa", "Syrian army", "al-Nusra Front"), keyed by
 *    transliteration keys (fold_word); a walk in this chain starts only at a
 *    capitalised or all-caps token, so "said", "are" or "hit" in running
 *    text never meet the villages Said, Ara or Hit; article tokens
 *    (TOKEN_ARTICLE) are skipped, as fold_phrase dropped them from the
 *    dictionary side, and so is a free-standing hyphen or en dash
 *    ("Damascus - Baghdad highway");
 *  - PLAIN: triggers, number words, lower-case names ("regime forces",
 *    "terrorists") and names written all in capitals (acronyms such as
 *    "SANA" are letters, not vowels to be folded), keyed by plain folds;
 *  - CAPS: acronyms of at most three letters ("IS", "US"), which match only
 *    tokens written in capitals, never the English "is" or "us".
 * At each position the longest match over the chains wins; when two chains
 * match the same tokens their entries are merged.
 */
#include "lex_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { SLOT_TERMINAL = 1, SLOT_PREFIX = 2 };

typedef struct Slot {
    uint64_t key;      /* 0 = empty */
    uint32_t entry_off;
    uint16_t entry_count;
    uint16_t flags;
} Slot;

struct Matcher {
    Slot *slots;
    uint64_t mask;
    Entry *entries;
    long phrase_count, entry_count;
};

typedef struct BuilderItem {
    uint64_t key;
    int32_t id;
    uint8_t kind;
    uint8_t terminal; /* 0 for a prefix key */
} BuilderItem;

struct MatcherBuilder {
    BuilderItem *items;
    size_t count, cap;
};

static const uint64_t chain_seed[CHAIN_COUNT] = {
    0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull,
};

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* The hash of one folded token; never 0, which marks "not computed". */
static uint64_t token_hash(const char *s, size_t n)
{
    return hash_bytes(s, n) | 1;
}

static uint64_t hash_step(uint64_t h, uint64_t token)
{
    /* splitmix64 finaliser over the running hash and the next token */
    uint64_t z = h ^ (token + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2));
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return z ? z : 1;
}

/* ---- Building ------------------------------------------------------------ */

MatcherBuilder *matcher_builder_new(void)
{
    MatcherBuilder *b = calloc(1, sizeof *b);
    if (!b) {
        fprintf(stderr, "sitrep: out of memory\n");
        abort();
    }
    return b;
}

static void builder_push(MatcherBuilder *b, uint64_t key, Entry e, bool terminal)
{
    if (b->count == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        BuilderItem *items = realloc(b->items, cap * sizeof *items);
        if (!items) {
            fprintf(stderr, "sitrep: out of memory\n");
            abort();
        }
        b->items = items;
        b->cap = cap;
    }
    b->items[b->count++] = (BuilderItem){key, terminal ? e.id : -1,
                                         terminal ? e.kind : 0, terminal};
}

/* Adds the keys of a phrase given as token hashes. */
static void builder_add_hashes(MatcherBuilder *b, MatchChain chain,
                               const uint64_t *tokens, int n, Entry e)
{
    uint64_t h = chain_seed[chain];
    for (int i = 0; i < n; i++) {
        h = hash_step(h, tokens[i]);
        builder_push(b, h, e, i == n - 1);
    }
}

void matcher_builder_add_key(MatcherBuilder *b, const char *key, size_t n, Entry e)
{
    uint64_t hashes[64];
    int count = 0;
    size_t key_len_first = 0;
    size_t i = 0;
    while (i < n && count < 64) {
        while (i < n && key[i] == ' ')
            i++;
        size_t start = i;
        while (i < n && key[i] != ' ')
            i++;
        if (i > start) {
            if (count == 0)
                key_len_first = i - start;
            hashes[count++] = token_hash(key + start, i - start);
        }
    }
    /* A one-word name of one or two letters after folding ("Eis" -> "as")
     * would match half the short words of a text. */
    if (count == 1 && key_len_first < 3)
        return;
    if (count > 0)
        builder_add_hashes(b, CHAIN_NAME, hashes, count, e);
}

bool matcher_builder_add(MatcherBuilder *b, const char *phrase, size_t n, Entry e)
{
    uint64_t hashes[64];
    int count = 0;
    size_t pos = 0;
    RawToken t, prev = {0};
    char fold[FOLD_MAX], prev_fold[FOLD_MAX] = "";
    bool single_caps = false, capitalised = false, decided = false;
    int letters = 0;

    /* Plain token hashes; whether the phrase is one all-caps word; whether
     * its first word (after any article) is capitalised. */
    while (count < 64 && scan_token(phrase, &pos, n, &t, fold)) {
        if (t.fold_len == 0)
            continue;
        if (!decided && count > 0 && t.kind == TOKEN_WORD && prev.kind == TOKEN_WORD &&
            fold_is_article(prev_fold, prev.fold_len))
            capitalised = (t.flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS)) != 0;
        else if (!decided && count > 0)
            decided = true;
        if (count == 0)
            capitalised = (t.flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS)) != 0;
        hashes[count++] = token_hash(fold, t.fold_len);
        single_caps = count == 1 && t.kind == TOKEN_WORD && (t.flags & TOKEN_ALLCAPS);
        letters = (int)t.fold_len;
        prev = t;
        memcpy(prev_fold, fold, t.fold_len + 1);
    }
    if (count == 0)
        return false;
    if (count > 1)
        single_caps = false;

    if (e.kind == ENTRY_TRIGGER || e.kind == ENTRY_NUMBER || !capitalised) {
        builder_add_hashes(b, CHAIN_PLAIN, hashes, count, e);
    } else if (single_caps) {
        builder_add_hashes(b, letters <= 3 ? CHAIN_CAPS : CHAIN_PLAIN, hashes, 1, e);
    } else {
        char key[1024];
        size_t kn = fold_phrase(phrase, n, key, sizeof key);
        if (kn == 0)
            return false;
        matcher_builder_add_key(b, key, kn, e);
    }
    return true;
}

static int item_cmp(const void *pa, const void *pb)
{
    const BuilderItem *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->terminal != b->terminal)
        return b->terminal - a->terminal; /* terminals first */
    if (a->kind != b->kind)
        return a->kind - b->kind;
    return a->id < b->id ? -1 : a->id > b->id;
}

Matcher *matcher_build(MatcherBuilder *b, Arena *arena)
{
    Matcher *m = arena_alloc(arena, sizeof *m);
    if (b->count)
        qsort(b->items, b->count, sizeof *b->items, item_cmp);

    size_t unique = 0, terminals = 0;
    for (size_t i = 0; i < b->count; i++) {
        if (i == 0 || b->items[i].key != b->items[i - 1].key)
            unique++;
        if (b->items[i].terminal)
            terminals++;
    }
    size_t size = 16;
    while (size < unique * 2)
        size *= 2;
    m->slots = arena_alloc(arena, size * sizeof *m->slots);
    m->mask = size - 1;
    m->entries = arena_alloc(arena, (terminals + 1) * sizeof *m->entries);

    size_t ne = 0;
    for (size_t i = 0; i < b->count;) {
        uint64_t key = b->items[i].key;
        Slot s = {key, (uint32_t)ne, 0, 0};
        for (; i < b->count && b->items[i].key == key; i++) {
            const BuilderItem *it = &b->items[i];
            if (!it->terminal) {
                s.flags |= SLOT_PREFIX;
                continue;
            }
            s.flags |= SLOT_TERMINAL;
            /* Sorted, so duplicates (a name given twice) are adjacent. */
            if (s.entry_count > 0 && m->entries[ne - 1].kind == it->kind &&
                m->entries[ne - 1].id == it->id)
                continue;
            if (s.entry_count == UINT16_MAX)
                continue;
            m->entries[ne++] = (Entry){it->kind, it->id};
            s.entry_count++;
        }
        if (s.flags & SLOT_TERMINAL) {
            m->phrase_count++;
            m->entry_count += s.entry_count;
        }
        uint64_t idx = key & m->mask;
        while (m->slots[idx].key != 0)
            idx = (idx + 1) & m->mask;
        m->slots[idx] = s;
    }
    free(b->items);
    free(b);
    return m;
}

void matcher_stats(const Matcher *m, long *phrases, long *entries)
{
    *phrases = m ? m->phrase_count : 0;
    *entries = m ? m->entry_count : 0;
}

/* ---- Matching -------------------------------------------------------------- */

static const Slot *slot_find(const Matcher *m, uint64_t key)
{
    uint64_t idx = key & m->mask;
    for (;;) {
        const Slot *s = &m->slots[idx];
        if (s->key == key)
            return s;
        if (s->key == 0)
            return NULL;
        idx = (idx + 1) & m->mask;
    }
}

/* The name key of token j, computed the first time a walk needs it. */
static uint64_t name_hash(const TokenList *tl, uint64_t *loose, const uint64_t *plain, int j)
{
    if (!loose[j]) {
        const Token *tok = &tl->items[j];
        if (tok->kind == TOKEN_WORD) {
            char key[FOLD_MAX];
            size_t kn = fold_translit(tl->folded + tok->fold, tok->fold_len, key);
            loose[j] = token_hash(key, kn);
        } else {
            loose[j] = plain[j];
        }
    }
    return loose[j];
}

/* Walks one chain from token i; returns the end of the longest phrase
 * found (0 if none) and its slot. */
static int walk_chain(const Matcher *m, MatchChain chain, const TokenList *tl,
                      const uint64_t *plain, uint64_t *loose, int i, const Slot **found,
                      int *words, int *first_word)
{
    uint64_t h = chain_seed[chain];
    int best = 0, hashed = 0;
    bool first = true;
    for (int j = i; j < tl->count; j++) {
        const Token *tok = &tl->items[j];
        uint64_t th;
        if (chain == CHAIN_NAME) {
            if (tok->flags & TOKEN_ARTICLE)
                continue; /* always followed by a word: the loop goes on */
            if (!first && tok->kind == TOKEN_PUNCT &&
                fold_is_dash(tl->folded + tok->fold, tok->fold_len))
                continue; /* "Damascus - Baghdad highway" */
            if (first && !(tok->flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS)))
                break;
            th = name_hash(tl, loose, plain, j);
        } else {
            if (chain == CHAIN_CAPS && !(tok->flags & TOKEN_ALLCAPS))
                break;
            th = plain[j];
        }
        if (first)
            *first_word = j;
        first = false;
        hashed++;
        h = hash_step(h, th);
        const Slot *s = slot_find(m, h);
        if (!s)
            break;
        if (s->flags & SLOT_TERMINAL) {
            best = j + 1;
            *found = s;
            *words = hashed;
        }
        if (!(s->flags & SLOT_PREFIX))
            break;
    }
    return best;
}

/* ---- Ordinary words ------------------------------------------------------------
 * The name keys are loose on purpose (vowels do not count), so English
 * words written with a capital meet small places: "More" = Mare',
 * "There" = Thawra. A single capitalised word whose plain fold also occurs
 * in lower case in the same text is taken for the ordinary word. The set
 * holds the plain hashes of the lower-case words, sized to the text. */
typedef struct WordSet {
    uint64_t *slots;
    uint64_t mask;
    size_t used;
} WordSet;

static void wordset_build(WordSet *ws, const TokenList *tl, const uint64_t *plain, Arena *arena)
{
    size_t lower = 0;
    for (int i = 0; i < tl->count; i++)
        if (tl->items[i].kind == TOKEN_WORD && !(tl->items[i].flags & TOKEN_CAPITALISED))
            lower++;
    size_t size = 16;
    while (size < lower * 2 && size < 65536)
        size *= 2;
    ws->slots = arena_alloc(arena, size * sizeof *ws->slots);
    ws->mask = size - 1;
    ws->used = 0;
    for (int i = 0; i < tl->count && ws->used * 2 < size; i++) {
        const Token *tok = &tl->items[i];
        if (tok->kind != TOKEN_WORD || (tok->flags & TOKEN_CAPITALISED))
            continue;
        uint64_t idx = plain[i] & ws->mask;
        while (ws->slots[idx] && ws->slots[idx] != plain[i])
            idx = (idx + 1) & ws->mask;
        if (!ws->slots[idx]) {
            ws->slots[idx] = plain[i];
            ws->used++;
        }
    }
}

static bool wordset_has(const WordSet *ws, uint64_t h)
{
    for (uint64_t idx = h & ws->mask; ws->slots[idx]; idx = (idx + 1) & ws->mask)
        if (ws->slots[idx] == h)
            return true;
    return false;
}

MatchList matcher_find(const Matcher *m, const TokenList *tl, Arena *arena)
{
    MatchList list = {0};
    int n = tl->count;
    if (!m || n == 0)
        return list;

    uint64_t *plain = arena_alloc(arena, (size_t)n * sizeof *plain);
    uint64_t *loose = arena_alloc(arena, (size_t)n * sizeof *loose); /* zeroed: lazy */
    for (int i = 0; i < n; i++) {
        const Token *tok = &tl->items[i];
        plain[i] = token_hash(tl->folded + tok->fold, tok->fold_len);
    }

    WordSet lower;
    wordset_build(&lower, tl, plain, arena);

    int cap = 64;
    Match *items = arena_alloc(arena, (size_t)cap * sizeof *items);
    int count = 0;
    for (int i = 0; i < n;) {
        if (tl->items[i].kind == TOKEN_PUNCT) {
            i++;
            continue;
        }
        const Slot *found[CHAIN_COUNT] = {0};
        int last[CHAIN_COUNT] = {0};
        int best = 0;
        for (int c = 0; c < CHAIN_COUNT; c++) {
            uint8_t f = tl->items[i].flags;
            if (c == CHAIN_CAPS && !(f & TOKEN_ALLCAPS))
                continue;
            if (c == CHAIN_NAME && !(f & (TOKEN_CAPITALISED | TOKEN_ALLCAPS | TOKEN_ARTICLE)))
                continue;
            int words = 0, first_word = i;
            last[c] = walk_chain(m, (MatchChain)c, tl, plain, loose, i, &found[c], &words,
                                 &first_word);
            if (c == CHAIN_NAME && last[c] && words == 1 &&
                !(tl->items[first_word].flags & TOKEN_ALLCAPS) &&
                wordset_has(&lower, plain[first_word]))
                last[c] = 0; /* "More" where the text also says "more" */
            if (last[c] > best)
                best = last[c];
        }
        if (best == 0) {
            i++;
            continue;
        }

        /* Entries of every chain that reached the same end. */
        const Slot *win = NULL;
        int ties = 0, total = 0;
        for (int c = 0; c < CHAIN_COUNT; c++)
            if (last[c] == best) {
                win = found[c];
                ties++;
                total += found[c]->entry_count;
            }
        const Entry *entries = m->entries + win->entry_off;
        int entry_count = win->entry_count;
        if (ties > 1) {
            Entry *merged = arena_alloc(arena, (size_t)total * sizeof *merged);
            entry_count = 0;
            for (int c = 0; c < CHAIN_COUNT; c++) {
                if (last[c] != best)
                    continue;
                for (int k = 0; k < found[c]->entry_count; k++) {
                    Entry e = m->entries[found[c]->entry_off + k];
                    bool dup = false;
                    for (int d = 0; d < entry_count && !dup; d++)
                        dup = merged[d].kind == e.kind && merged[d].id == e.id;
                    if (!dup)
                        merged[entry_count++] = e;
                }
            }
            entries = merged;
        }

        if (count == cap) {
            items = arena_grow(arena, items, (size_t)count, (size_t)cap * 2, sizeof *items);
            cap *= 2;
        }
        items[count++] = (Match){i, best, entries, entry_count};
        i = best;
    }
    list.items = items;
    list.count = count;
    return list;
}

const Entry *matcher_lookup(const Matcher *m, const char *phrase, size_t n, int *count)
{
    *count = 0;
    if (!m)
        return NULL;
    uint64_t plain[64];
    int k = 0;
    size_t pos = 0;
    RawToken t;
    char fold[FOLD_MAX];
    bool caps = false;
    int letters = 0;
    while (k < 64 && scan_token(phrase, &pos, n, &t, fold)) {
        if (t.fold_len == 0)
            continue;
        plain[k++] = token_hash(fold, t.fold_len);
        caps = k == 1 && t.kind == TOKEN_WORD && (t.flags & TOKEN_ALLCAPS);
        letters = (int)t.fold_len;
    }
    if (k == 0)
        return NULL;

    const Slot *s = NULL;
    uint64_t h;
    /* An acronym first, then the plain words, then the names' keys. */
    if (k == 1 && caps && letters <= 3) {
        s = slot_find(m, hash_step(chain_seed[CHAIN_CAPS], plain[0]));
        if (s && !(s->flags & SLOT_TERMINAL))
            s = NULL;
    }
    if (!s) {
        h = chain_seed[CHAIN_PLAIN];
        for (int i = 0; i < k; i++)
            h = hash_step(h, plain[i]);
        s = slot_find(m, h);
        if (s && !(s->flags & SLOT_TERMINAL))
            s = NULL;
    }
    if (!s) {
        char key[1024];
        size_t kn = fold_phrase(phrase, n, key, sizeof key);
        h = chain_seed[CHAIN_NAME];
        int words = 0;
        for (size_t i = 0; i < kn;) {
            size_t start = i;
            while (i < kn && key[i] != ' ')
                i++;
            h = hash_step(h, token_hash(key + start, i - start));
            words++;
            while (i < kn && key[i] == ' ')
                i++;
        }
        s = words ? slot_find(m, h) : NULL;
        if (s && !(s->flags & SLOT_TERMINAL))
            s = NULL;
    }
    if (!s)
        return NULL;
    *count = s->entry_count;
    return m->entries + s->entry_off;
}
