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
 *
 * Two more kinds of keys live in the same table, never walked:
 *  - exact keys: for every NAME phrase, the hash of its plain folds
 *    (fold_phrase_plain: "dayr zawr" for "Dayr al-Zawr") carrying the same
 *    entry. A NAME match whose plain tokens hash to an exact key is exact
 *    for the entries of that key (Entry.exact); the others are fuzzy;
 *  - word keys: the plain fold of an English word (from the word list
 *    compiled into the gazetteer) or of a word of data/not-places.tsv,
 *    with flags and no entries (see "English words" below).
 */
#include "lex_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    SLOT_TERMINAL = 1,
    SLOT_PREFIX = 2,
    SLOT_EXACT = 4, /* an exact key (not a phrase of its own) */
    SLOT_FIRST = 8, /* the key of a phrase's first token (building only) */
};
/* A word key keeps its WORD_* flags in Slot.flags, shifted past the above. */
enum { SLOT_WORD_SHIFT = 8 };

typedef struct Slot {
    uint64_t key; /* 0 = empty */
    uint32_t entry_off;
    uint16_t entry_count;
    uint16_t flags;
} Slot;

/* A bit per possible (chain, first token) pair, from the token's hash
 * (down to 18 bits): most tokens of a text start no phrase, and this 32 KB
 * table, which stays in the L1 cache, says so without touching the big one
 * and before the chain's hash step is computed. */
enum { FIRST_FILTER_BITS = 1 << 18 };

/* An open-addressing table of slots, keyed by 64-bit hashes (0 = empty). */
typedef struct SlotTable {
    Slot *slots;
    uint64_t mask;
} SlotTable;

/* The chains' keys, probed for nearly every token, in 8-byte slots so
 * that twice as many share a cache line (the slot probe was the matcher's
 * main stall): a slot holds the key's top WALK_TAG_BITS bits, the index of
 * its Slot in walk_info and its SLOT_PREFIX / SLOT_TERMINAL flags, which
 * is all a walk needs until it finds a phrase. 0 = empty; a used slot
 * always has a flag. A key that is not in the table may agree with a tag
 * on its probe (about 2^-38 per compare): that can only make a walk go one
 * step further, since a phrase is taken, and slot_find() answers, only
 * when the full key kept in walk_info matches. */
enum { WALK_TAG_BITS = 38, WALK_INDEX_BITS = 24, WALK_FLAG_MASK = 3 };
#define WALK_TAG_MASK (~0ull << (64 - WALK_TAG_BITS))

/* Slots per key at least (a power of two): a walk mostly ends at a miss,
 * and a miss probes on to an empty slot. */
enum { WALK_SLOTS_PER_KEY = 2 };

struct Matcher {
    uint64_t first_filter[FIRST_FILTER_BITS / 64];
    uint64_t *walk; /* the chains' keys (above): probed for every phrase start */
    uint64_t walk_mask;
    Slot *walk_info; /* per walk key: its entries, by index */
    SlotTable side;  /* exact and word keys: probed only after a name match,
                        kept apart so that the walk's table stays small */
    Entry *entries;
    long phrase_count, entry_count;
    const Place *places; /* what ENTRY_PLACE ids index (matcher_set_places) */
    int place_count;
};

/* What a builder item is. */
enum { ITEM_PREFIX, ITEM_PHRASE, ITEM_EXACT, ITEM_WORD };

typedef struct BuilderItem {
    uint64_t key;
    int32_t id;
    uint8_t kind;
    uint8_t role;  /* ITEM_* */
    uint8_t word;  /* WORD_* flags of an ITEM_WORD */
    uint8_t first; /* the key of a phrase's first token */
} BuilderItem;

struct MatcherBuilder {
    BuilderItem *items;
    size_t count, cap;
    uint64_t first_filter[FIRST_FILTER_BITS / 64]; /* copied to the Matcher */
};

static const uint64_t chain_seed[CHAIN_COUNT] = {
    0x9E3779B97F4A7C15ull,
    0xC2B2AE3D27D4EB4Full,
    0x165667B19E3779F9ull,
};
/* Seeds of the keys that are looked up, never walked. */
static const uint64_t exact_seed = 0x27D4EB2F165667C5ull;
static const uint64_t word_seed = 0x85EBCA77C2B2AE63ull;

/* The hash of one folded token; never 0, which marks "not computed". */
static uint64_t token_hash(const char *s, size_t n)
{
    return fold_hash(s, n);
}

/* token_hash() of a fold in TokenList.folded, which may be read past its
 * end (FOLD_SLACK): the same value, see fold_hash_padded(). */
static inline uint64_t text_token_hash(const char *s, size_t n)
{
    return fold_hash_padded(s, n);
}

static unsigned first_bit(MatchChain chain, uint64_t token)
{
    return (unsigned)((token ^ chain_seed[chain]) >> 40) & (FIRST_FILTER_BITS - 1);
}

static bool first_filter_has(const uint64_t *filter, unsigned bit)
{
    return (filter[bit / 64] >> (bit % 64)) & 1;
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

static void builder_push(MatcherBuilder *b, uint64_t key, Entry e, int role, unsigned word,
                         bool first)
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
    bool entry = role == ITEM_PHRASE || role == ITEM_EXACT;
    b->items[b->count++] = (BuilderItem){.key = key,
                                         .id = entry ? e.id : -1,
                                         .kind = entry ? e.kind : 0,
                                         .role = (uint8_t)role,
                                         .word = (uint8_t)word,
                                         .first = first};
}

/* Adds the keys of a phrase given as token hashes. */
static void builder_add_hashes(MatcherBuilder *b, MatchChain chain, const uint64_t *tokens, int n,
                               Entry e)
{
    uint64_t h = chain_seed[chain];
    if (n > 0) {
        unsigned bit = first_bit(chain, tokens[0]);
        b->first_filter[bit / 64] |= 1ull << (bit % 64);
    }
    for (int i = 0; i < n; i++) {
        h = hash_step(h, tokens[i]);
        builder_push(b, h, e, i == n - 1 ? ITEM_PHRASE : ITEM_PREFIX, 0, i == 0);
    }
}

/* Splits a folded phrase at its spaces into token hashes; returns the
 * count and the length of the first token. */
static int key_hashes(const char *key, size_t n, uint64_t hashes[64], size_t *first_len)
{
    int count = 0;
    size_t i = 0;
    *first_len = 0;
    while (i < n && count < 64) {
        while (i < n && key[i] == ' ')
            i++;
        size_t start = i;
        while (i < n && key[i] != ' ')
            i++;
        if (i > start) {
            if (count == 0)
                *first_len = i - start;
            hashes[count++] = token_hash(key + start, i - start);
        }
    }
    return count;
}

static uint64_t exact_key(const uint64_t *tokens, int n)
{
    uint64_t h = exact_seed;
    for (int i = 0; i < n; i++)
        h = hash_step(h, tokens[i]);
    return h;
}

static uint64_t word_key(uint64_t token)
{
    return hash_step(word_seed, token);
}

void matcher_builder_add_name(MatcherBuilder *b, const char *key, size_t kn, const char *plain,
                              size_t pn, Entry e)
{
    uint64_t hashes[64];
    size_t key_len_first;
    int count = key_hashes(key, kn, hashes, &key_len_first);
    /* A one-word name of one or two letters after folding ("Eis" -> "as")
     * would match half the short words of a text. */
    if (count == 0 || (count == 1 && key_len_first < 3))
        return;
    builder_add_hashes(b, CHAIN_NAME, hashes, count, e);
    if (plain && pn > 0) {
        count = key_hashes(plain, pn, hashes, &key_len_first);
        if (count > 0)
            builder_push(b, exact_key(hashes, count), e, ITEM_EXACT, 0, false);
    }
}

void matcher_builder_add_key(MatcherBuilder *b, const char *key, size_t n, Entry e)
{
    matcher_builder_add_name(b, key, n, NULL, 0, e);
}

void matcher_builder_add_word(MatcherBuilder *b, const char *plain, size_t n, unsigned flags)
{
    if (n == 0 || flags == 0)
        return;
    builder_push(b, word_key(token_hash(plain, n)), (Entry){0, 0}, ITEM_WORD, flags, false);
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
            fold_is_article(prev_fold, prev.fold_len) &&
            article_spelling_ok(prev_fold, prev.fold_len, prev.flags))
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
        char key[1024], plain[1024];
        size_t kn = fold_phrase(phrase, n, key, sizeof key);
        if (kn == 0)
            return false;
        size_t pn = fold_phrase_plain(phrase, n, plain, sizeof plain);
        matcher_builder_add_name(b, key, kn, plain, pn, e);
    }
    return true;
}

static int item_cmp(const void *pa, const void *pb)
{
    const BuilderItem *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->role != b->role)
        return b->role - a->role; /* entries (phrase or exact) first */
    if (a->kind != b->kind)
        return a->kind - b->kind;
    return a->id < b->id ? -1 : a->id > b->id;
}

/* Exact and word keys have seeds of their own, so every item of one key
 * has the same table. */
static int is_side(const BuilderItem *it)
{
    return it->role == ITEM_EXACT || it->role == ITEM_WORD;
}

static void table_init(SlotTable *t, size_t keys, Arena *arena)
{
    size_t size = 16;
    while (size < keys * 2)
        size *= 2;
    t->slots = arena_alloc(arena, size * sizeof *t->slots);
    t->mask = size - 1;
}

Matcher *matcher_build(MatcherBuilder *b, Arena *arena)
{
    Matcher *m = arena_alloc(arena, sizeof *m);
    memcpy(m->first_filter, b->first_filter, sizeof m->first_filter);
    if (b->count)
        qsort(b->items, b->count, sizeof *b->items, item_cmp);

    size_t unique[2] = {0, 0}, terminals = 0;
    for (size_t i = 0; i < b->count; i++) {
        if (i == 0 || b->items[i].key != b->items[i - 1].key)
            unique[is_side(&b->items[i])]++;
        if (b->items[i].role == ITEM_PHRASE || b->items[i].role == ITEM_EXACT)
            terminals++;
    }
    size_t walk_size = 16;
    while (walk_size < unique[0] * WALK_SLOTS_PER_KEY)
        walk_size *= 2;
    if (unique[0] >= (size_t)1 << WALK_INDEX_BITS) {
        fprintf(stderr, "sitrep: too many phrase keys (%zu)\n", unique[0]);
        abort();
    }
    m->walk = arena_alloc(arena, walk_size * sizeof *m->walk);
    m->walk_mask = walk_size - 1;
    m->walk_info = arena_alloc(arena, (unique[0] + 1) * sizeof *m->walk_info);
    size_t nwalk = 0;
    table_init(&m->side, unique[1], arena);
    m->entries = arena_alloc(arena, (terminals + 1) * sizeof *m->entries);

    size_t ne = 0;
    for (size_t i = 0; i < b->count;) {
        uint64_t key = b->items[i].key;
        Slot s = {key, (uint32_t)ne, 0, 0};
        for (; i < b->count && b->items[i].key == key; i++) {
            const BuilderItem *it = &b->items[i];
            if (it->role == ITEM_PREFIX) {
                s.flags |= SLOT_PREFIX;
                continue;
            }
            if (it->role == ITEM_WORD) {
                s.flags |= (uint16_t)(it->word << SLOT_WORD_SHIFT);
                continue;
            }
            s.flags |= it->role == ITEM_EXACT ? SLOT_EXACT : SLOT_TERMINAL;
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
        if (is_side(&b->items[i - 1])) {
            SlotTable *t = &m->side;
            uint64_t idx = key & t->mask;
            while (t->slots[idx].key != 0)
                idx = (idx + 1) & t->mask;
            t->slots[idx] = s;
        } else {
            /* placed below; the first-token mark kept in the spare flag bit */
            bool first = false;
            for (size_t k = i; k-- > 0 && b->items[k].key == key;)
                first |= b->items[k].first;
            if (first)
                s.flags |= SLOT_FIRST;
            m->walk_info[nwalk++] = s;
        }
    }
    /* The keys of first tokens go in first, at their home slots as far as
     * possible: every word of a text probes one, while the longer prefixes
     * are probed only after a first token matched. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < nwalk; k++) {
            Slot *s = &m->walk_info[k];
            if ((pass == 0) != ((s->flags & SLOT_FIRST) != 0))
                continue;
            uint64_t idx = s->key & m->walk_mask;
            while (m->walk[idx] != 0)
                idx = (idx + 1) & m->walk_mask;
            /* SLOT_TERMINAL and SLOT_PREFIX are the two low bits */
            m->walk[idx] =
                (s->key & WALK_TAG_MASK) | ((uint64_t)k << 2) | (s->flags & WALK_FLAG_MASK);
        }
    }
    for (size_t k = 0; k < nwalk; k++)
        m->walk_info[k].flags &= (uint16_t)~SLOT_FIRST;
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

static const Slot *table_find(const SlotTable *t, uint64_t key)
{
    uint64_t idx = key & t->mask;
    for (;;) {
        const Slot *s = &t->slots[idx];
        if (s->key == key)
            return s;
        if (s->key == 0)
            return NULL;
        idx = (idx + 1) & t->mask;
    }
}

/* The walk slot of a phrase or prefix key of the chains, 0 if none. */
static inline uint64_t walk_probe(const Matcher *m, uint64_t key)
{
    uint64_t tag = key & WALK_TAG_MASK;
    uint64_t idx = key & m->walk_mask;
    for (;;) {
        uint64_t s = m->walk[idx];
        if (s == 0 || (s & WALK_TAG_MASK) == tag)
            return s;
        idx = (idx + 1) & m->walk_mask;
    }
}

/* The Slot of a walk slot found by walk_probe(). */
static inline const Slot *walk_slot(const Matcher *m, uint64_t s)
{
    return &m->walk_info[(s >> 2) & ((1ull << WALK_INDEX_BITS) - 1)];
}

/* A phrase or prefix key of the chains. */
static const Slot *slot_find(const Matcher *m, uint64_t key)
{
    uint64_t s = walk_probe(m, key);
    return s && walk_slot(m, s)->key == key ? walk_slot(m, s) : NULL;
}

/* An exact or word key. */
static const Slot *side_find(const Matcher *m, uint64_t key)
{
    return table_find(&m->side, key);
}

/* The name key of token j, computed the first time a walk needs it. The
 * key depends on the plain fold alone, so a word's key can be reused for
 * every later token with the same plain hash. */
static uint64_t name_hash(const TokenList *tl, uint64_t *loose, const uint64_t *plain, int j,
                          NameKeyCache *cache)
{
    if (!loose[j]) {
        const Token *tok = &tl->items[j];
        if (tok->kind == TOKEN_WORD && !fold_keeps_acronym(tok->fold_len, tok->flags)) {
            size_t slot = (size_t)(plain[j] >> 7) & (NAME_KEY_CACHE_SIZE - 1);
            if (cache && cache->plain[slot] == plain[j]) {
                loose[j] = cache->key[slot];
            } else {
                char key[FOLD_MAX];
                size_t kn = fold_translit(tl->folded + tok->fold, tok->fold_len, key);
                loose[j] = text_token_hash(key, kn); /* key[] has FOLD_MAX bytes */
                if (cache) {
                    cache->plain[slot] = plain[j];
                    cache->key[slot] = loose[j];
                }
            }
        } else {
            loose[j] = plain[j];
        }
    }
    return loose[j];
}

/* Walks one chain from token i; returns the end of the longest phrase
 * found (0 if none) and its slot. */
static inline __attribute__((always_inline)) int
walk_chain(const Matcher *m, MatchChain chain, const TokenList *tl, const uint64_t *plain,
           uint64_t *loose, NameKeyCache *cache, int i, const Slot **found, int *words,
           int *first_word)
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
            th = name_hash(tl, loose, plain, j, cache);
        } else {
            if (chain == CHAIN_CAPS && !(tok->flags & TOKEN_ALLCAPS))
                break;
            th = plain[j];
        }
        if (first) {
            *first_word = j;
            if (!first_filter_has(m->first_filter, first_bit(chain, th)))
                break;
        }
        h = hash_step(h, th);
        first = false;
        hashed++;
        uint64_t s = walk_probe(m, h);
        /* a phrase is taken only when its full key matches (walk_info
         * holds it): a tag that merely agrees can lead a walk on, never
         * to a phrase */
        if ((s & SLOT_TERMINAL) && walk_slot(m, s)->key == h) {
            best = j + 1;
            *found = walk_slot(m, s);
            *words = hashed;
        }
        if (!(s & SLOT_PREFIX))
            break;
    }
    return best;
}

/* ---- Ordinary words ------------------------------------------------------------
 * The name keys are loose on purpose (vowels do not count), so English
 * words written with a capital meet small places: "More" = Mare',
 * "There" = Thawra. A single capitalised word whose plain fold also occurs
 * in lower case in the same text is taken for the ordinary word. Such
 * matches are few, so they are kept aside with what the other chains found
 * at the same place, and settled after the pass with one scan of the
 * lower-case words against a small set of their hashes. */
typedef struct Pending {
    int match;      /* index in the match list */
    uint64_t hash;  /* plain hash of the capitalised word */
    Match fallback; /* what the other chains matched there (last 0: none) */
    bool ordinary;
} Pending;

/* Index in slot[] of the pending word with this hash, or of the empty slot
 * where it would go. */
static size_t pending_slot(const Pending *pend, const int *slot, size_t size, uint64_t h)
{
    size_t idx = h & (size - 1);
    while (slot[idx] && pend[slot[idx] - 1].hash != h)
        idx = (idx + 1) & (size - 1);
    return idx;
}

static void settle_pending(const TokenList *tl, const uint64_t *plain, Pending *pend, int npend,
                           Match *items, int *count, Arena *arena)
{
    size_t size = 16;
    while (size < (size_t)npend * 2)
        size *= 2;
    /* One slot per distinct word: pending index + 1 of its first occurrence. */
    int *slot = arena_alloc(arena, size * sizeof *slot);
    /* A bit per pending word (by its hash's top bits): most words of the
     * text are none of them, and say so without a probe. */
    uint64_t bloom = 0;
    for (int p = 0; p < npend; p++) {
        size_t idx = pending_slot(pend, slot, size, pend[p].hash);
        if (!slot[idx])
            slot[idx] = p + 1;
        bloom |= 1ull << (pend[p].hash >> 58);
    }
    for (int i = 0; i < tl->count; i++) {
        const Token *tok = &tl->items[i];
        if (!((bloom >> (plain[i] >> 58)) & 1))
            continue;
        if (tok->kind != TOKEN_WORD || (tok->flags & TOKEN_CAPITALISED))
            continue;
        size_t idx = pending_slot(pend, slot, size, plain[i]);
        if (slot[idx])
            pend[slot[idx] - 1].ordinary = true;
    }
    bool removed = false;
    for (int p = 0; p < npend; p++) {
        size_t idx = pending_slot(pend, slot, size, pend[p].hash);
        if (!pend[slot[idx] - 1].ordinary)
            continue;
        if (pend[p].fallback.last > 0) {
            items[pend[p].match] = pend[p].fallback;
        } else {
            items[pend[p].match].first = -1;
            removed = true;
        }
    }
    if (removed) {
        int kept = 0;
        for (int i = 0; i < *count; i++)
            if (items[i].first >= 0)
                items[kept++] = items[i];
        *count = kept;
    }
}

/* Entries of every chain in `use` that reached `end` (merged when several). */
static const Entry *chain_entries(const Matcher *m, const Slot *const found[CHAIN_COUNT],
                                  const int last[CHAIN_COUNT], int end, unsigned use, int *count,
                                  Arena *arena)
{
    const Slot *win = NULL;
    int ties = 0, total = 0;
    for (int c = 0; c < CHAIN_COUNT; c++)
        if ((use & (1u << c)) && last[c] == end) {
            win = found[c];
            ties++;
            total += found[c]->entry_count;
        }
    if (!win) {
        *count = 0;
        return NULL;
    }
    if (ties == 1) {
        *count = win->entry_count;
        return m->entries + win->entry_off;
    }
    Entry *merged = arena_alloc(arena, (size_t)total * sizeof *merged);
    int n = 0;
    for (int c = 0; c < CHAIN_COUNT; c++) {
        if (!(use & (1u << c)) || last[c] != end)
            continue;
        for (int k = 0; k < found[c]->entry_count; k++) {
            Entry e = m->entries[found[c]->entry_off + k];
            bool dup = false;
            for (int d = 0; d < n && !dup; d++)
                dup = merged[d].kind == e.kind && merged[d].id == e.id;
            if (!dup)
                merged[n++] = e;
        }
    }
    *count = n;
    return merged;
}

/* ---- Exact and fuzzy; English words -----------------------------------------------
 * The loose keys let "Syrian" meet the village Suran, "June" Jinah and
 * "SANA" Sinaa. After a NAME match, the plain folds of its tokens (skipped
 * as the walk skipped them) are hashed into an exact key: the entries found
 * there are exact, the others fuzzy. Then the place entries are weighed
 * against what the words are:
 *  - an exact actor or outlet on the same span wins over fuzzy places
 *    ("SANA" the agency);
 *  - a one-word match on a word of data/not-places.tsv (demonyms, months,
 *    weekdays, person names) names no place;
 *  - a one-word match on an English word the word list has in lower case
 *    ("hit", "mare", "roman"): fuzzy places are dropped; an exact place is
 *    kept when the word is written as a name (capitalised in mid-sentence,
 *    not in a headline in capitals or title case, or after a locative
 *    preposition: "in Hit") or the place is large ("Turkey");
 *  - a one-word match on a proper noun of the list ("Kerry", "Mosul"):
 *    exact places are kept (a name spelled as the place is spelled is the
 *    place), fuzzy ones only when large ("Basra" for Basrah);
 *  - a longer match made of English words only: fuzzy places are dropped.
 * This runs for NAME matches only, a small share of the tokens. */

void matcher_set_places(Matcher *m, const Place *places, int count)
{
    if (m) {
        m->places = places;
        m->place_count = count;
    }
}

static unsigned word_flags(const Matcher *m, uint64_t plain_hash)
{
    const Slot *s = side_find(m, word_key(plain_hash));
    return s ? (unsigned)(s->flags >> SLOT_WORD_SHIFT) : 0;
}

/* A country, a governorate or its seat, a capital, or 100,000 people. */
static bool place_is_large(const Matcher *m, int id)
{
    if (!m->places || id < 0 || id >= m->place_count)
        return false;
    const Place *p = &m->places[id];
    return p->population >= 100000 ||
           (p->classes & (PLACE_PCL | PLACE_ADM1 | PLACE_PPLC | PLACE_PPLA)) != 0;
}

static bool is_locative(const char *w, size_t n)
{
    static const char *const words[] = {"in",     "near",    "at",      "from",    "to",
                                        "of",     "outside", "around",  "towards", "toward",
                                        "into",   "inside",  "across",  "via",     "through",
                                        "nearby", "on",      "between", "within",  "along"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (strlen(words[i]) == n && !memcmp(words[i], w, n))
            return true;
    return false;
}

static bool capitalised_word(const Token *t)
{
    return t->kind == TOKEN_WORD && (t->flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS));
}

/* Whether the token before `first` is a locative preposition ("in Hit"). */
static bool after_locative(const TokenList *tl, int first)
{
    const Token *prev = first > 0 ? &tl->items[first - 1] : NULL;
    return prev && prev->kind == TOKEN_WORD && is_locative(tl->folded + prev->fold, prev->fold_len);
}

/* Whether an ordinary English word matched as one word (tokens first..word)
 * is written as a name: after a locative preposition, or capitalised in
 * mid-sentence and not followed by another capitalised word. */
static bool written_as_name(const TokenList *tl, int first, int word)
{
    if (after_locative(tl, first))
        return true;
    const Token *t = &tl->items[word];
    if (!(t->flags & TOKEN_CAPITALISED) || (t->flags & TOKEN_ALLCAPS) ||
        (tl->items[first].flags & TOKEN_SENTENCE_START))
        return false;
    /* "the Main Operational Directorate", "Rebels Hit Army Base": a word
     * in a run of capitals is part of another name, or of a headline. */
    return !(word + 1 < tl->count && capitalised_word(&tl->items[word + 1]));
}

/* The slot of the stem of a word ending in s, if that stem is spelled as a
 * name (an exact key) or is a one-word plain name ("SANA"); *stem_hash
 * becomes the stem's hash. NULL if none. */
static const Slot *stem_slot(const Matcher *m, const TokenList *tl, int word, uint64_t *stem_hash)
{
    const Token *tok = &tl->items[word];
    const char *w = tl->folded + tok->fold;
    if (tok->fold_len < 4 || w[tok->fold_len - 1] != 's' || w[tok->fold_len - 2] == 's')
        return NULL;
    uint64_t stem = text_token_hash(w, tok->fold_len - 1);
    const Slot *s = side_find(m, exact_key(&stem, 1));
    if (!s || !(s->flags & SLOT_EXACT)) {
        /* Acronyms and lower-case names live in the plain chain; only names
         * count there, not triggers ("Attacks" is no possessive). */
        s = slot_find(m, hash_step(chain_seed[CHAIN_PLAIN], stem));
        if (!s || !(s->flags & SLOT_TERMINAL))
            return NULL;
        for (int k = 0; k < s->entry_count; k++) {
            uint8_t kind = m->entries[s->entry_off + k].kind;
            if (kind != ENTRY_ACTOR && kind != ENTRY_OUTLET && kind != ENTRY_PLACE)
                return NULL;
        }
    }
    *stem_hash = stem;
    return s;
}

/* Whether a fuzzy one-word place match may stand. One word that only
 * folds like a place is mostly something else: a person ("Abdul Jabbar",
 * "Hussein Malla"), a feast ("Eid al-Adha"), a word that lost its
 * apostrophe ("Theyre"), an acronym in capitals ("KSA"). A locative
 * preposition before it ("in Khazan", "the village of Qassiab") is the cue
 * that it is a place spelled another way; all-caps words of four letters
 * or fewer never are. */
static bool fuzzy_word_ok(const TokenList *tl, int first, int word)
{
    const Token *tok = &tl->items[word];
    if ((tok->flags & TOKEN_ALLCAPS) && tok->fold_len <= 4)
        return false;
    return after_locative(tl, first);
}

static bool entry_in(const Entry *list, int n, Entry e)
{
    for (int i = 0; i < n; i++)
        if (list[i].id == e.id && list[i].kind == e.kind)
            return true;
    return false;
}

/* Marks the exact entries of a match the NAME chain made (words: how many
 * tokens it hashed, word: the first of them; plain_ties: the slots of the
 * other chains that matched the same tokens, exact by nature) and drops
 * the place entries that are ordinary words, and the fuzzy places when a
 * place is exact. Returns false when no entry is left. */
static bool weigh_name_match(const Matcher *m, const TokenList *tl, const uint64_t *plain,
                             Match *mt, const Slot *const plain_ties[2], int word, int words,
                             Arena *arena)
{
    uint64_t h = exact_seed;
    bool first = true;
    for (int j = mt->first; j < mt->last; j++) {
        const Token *tok = &tl->items[j];
        if (tok->flags & TOKEN_ARTICLE)
            continue;
        if (!first && tok->kind == TOKEN_PUNCT &&
            fold_is_dash(tl->folded + tok->fold, tok->fold_len))
            continue;
        h = hash_step(h, plain[j]);
        first = false;
    }
    const Slot *ex = side_find(m, h);
    const Entry *exact = ex && (ex->flags & SLOT_EXACT) ? m->entries + ex->entry_off : NULL;
    int exact_n = exact ? ex->entry_count : 0;

    /* "Syrias", "Daraas", "SANAs": a possessive written without its
     * apostrophe. A word spelled as no name whose stem is spelled as one
     * is the stem, and exact. */
    uint64_t word_hash = plain[word];
    if (words == 1 && exact_n == 0 && !plain_ties[0] && !plain_ties[1] &&
        word_flags(m, word_hash) == 0) { /* "Hamas" is no "Hama's" */
        const Slot *stem = stem_slot(m, tl, word, &word_hash);
        if (stem) {
            mt->entries = exact = m->entries + stem->entry_off;
            mt->entry_count = exact_n = stem->entry_count;
        }
    }

    /* What the words are: one word's flags, or whether all are English. */
    unsigned wf = 0;
    bool all_english = false;
    if (words == 1) {
        wf = word_flags(m, word_hash);
    } else {
        all_english = true;
        for (int j = mt->first; j < mt->last && all_english; j++) {
            const Token *tok = &tl->items[j];
            if (tok->kind == TOKEN_WORD && !(tok->flags & TOKEN_ARTICLE))
                all_english = word_flags(m, plain[j]) != 0;
        }
    }

    int n = mt->entry_count;
    uint8_t *is_exact = arena_alloc(arena, (size_t)n + 1);
    bool named_other = false, exact_place = false;
    for (int k = 0; k < n; k++) {
        Entry e = mt->entries[k];
        bool x = entry_in(exact, exact_n, e);
        for (int t = 0; t < 2 && !x; t++)
            x = plain_ties[t] &&
                entry_in(m->entries + plain_ties[t]->entry_off, plain_ties[t]->entry_count, e);
        is_exact[k] = x;
        if (x && (e.kind == ENTRY_ACTOR || e.kind == ENTRY_OUTLET))
            named_other = true;
        if (x && e.kind == ENTRY_PLACE)
            exact_place = true;
    }

    Entry *out = (Entry *)mt->entries;
    bool copied = false, any_exact = false, all_exact = true;
    int kept = 0, as_name = -1;
    for (int k = 0; k < n; k++) {
        Entry e = mt->entries[k];
        bool keep = true;
        if (e.kind == ENTRY_PLACE) {
            if (wf & WORD_NOT_PLACE) {
                keep = false;
            } else if (!is_exact[k]) {
                keep = !exact_place && !named_other && !all_english && wf == 0 &&
                       (words > 1 || fuzzy_word_ok(tl, mt->first, word));
            } else if (wf & WORD_COMMON) {
                if (as_name < 0)
                    as_name = written_as_name(tl, mt->first, word);
                keep = as_name || place_is_large(m, e.id);
            }
        }
        if (!keep) {
            if (!copied) { /* the first drop: copy what was kept so far */
                out = arena_alloc(arena, (size_t)n * sizeof *out);
                memcpy(out, mt->entries, (size_t)kept * sizeof *out);
                copied = true;
            }
            continue;
        }
        if (copied)
            out[kept] = e;
        is_exact[kept] = is_exact[k];
        any_exact |= is_exact[k];
        all_exact &= is_exact[k];
        kept++;
    }
    mt->entries = out;
    mt->entry_count = kept;
    mt->exact = any_exact;
    mt->entry_exact = any_exact && !all_exact ? is_exact : NULL;
    return kept > 0;
}

MatchList matcher_find(const Matcher *m, const TokenList *tl, Arena *arena)
{
    return matcher_find_cached(m, tl, NULL, arena);
}

MatchList matcher_find_cached(const Matcher *m, const TokenList *tl, NameKeyCache *cache,
                              Arena *arena)
{
    MatchList list = {0};
    int n = tl->count;
    if (!m || n == 0)
        return list;

    /* The tokenizer hashed the folds; a list made otherwise is hashed here. */
    const uint64_t *plain = tl->hashes;
    if (!plain) {
        uint64_t *h = arena_alloc_uninit(arena, (size_t)n * sizeof *h);
        for (int i = 0; i < n; i++) {
            const Token *tok = &tl->items[i];
            h[i] = text_token_hash(tl->folded + tok->fold, tok->fold_len);
        }
        plain = h;
    }
    uint64_t *loose = arena_alloc(arena, (size_t)n * sizeof *loose); /* zeroed: lazy */

    /* a match starts at a token of its own: never more matches than
     * tokens, and most sentences are short (the arena zeroes what it gives) */
    int cap = n < 64 ? n : 64, count = 0, pcap = 16, npend = 0;
    Match *items = arena_alloc(arena, (size_t)cap * sizeof *items);
    Pending *pend = arena_alloc(arena, (size_t)pcap * sizeof *pend);
    for (int i = 0; i < n;) {
        if (tl->items[i].kind == TOKEN_PUNCT) {
            i++;
            continue;
        }
        const Slot *found[CHAIN_COUNT] = {0};
        int last[CHAIN_COUNT] = {0};
        int best = 0, name_words = 0, name_word = i;
        uint8_t f = tl->items[i].flags;
        /* The chains one by one, each walk inlined for its chain: this
         * runs for every word of every text. */
        int words = 0, first_word = i;
        last[CHAIN_PLAIN] = walk_chain(m, CHAIN_PLAIN, tl, plain, loose, cache, i,
                                       &found[CHAIN_PLAIN], &words, &first_word);
        best = last[CHAIN_PLAIN];
        if (f & (TOKEN_CAPITALISED | TOKEN_ALLCAPS | TOKEN_ARTICLE)) {
            words = 0, first_word = i;
            last[CHAIN_NAME] = walk_chain(m, CHAIN_NAME, tl, plain, loose, cache, i,
                                          &found[CHAIN_NAME], &words, &first_word);
            name_words = words, name_word = first_word;
            if (last[CHAIN_NAME] > best)
                best = last[CHAIN_NAME];
        }
        if (f & TOKEN_ALLCAPS) {
            words = 0, first_word = i;
            last[CHAIN_CAPS] = walk_chain(m, CHAIN_CAPS, tl, plain, loose, cache, i,
                                          &found[CHAIN_CAPS], &words, &first_word);
            if (last[CHAIN_CAPS] > best)
                best = last[CHAIN_CAPS];
        }
        if (best == 0) {
            i++;
            continue;
        }
        if (count == cap) {
            items = arena_grow(arena, items, (size_t)count, (size_t)cap * 2, sizeof *items);
            cap *= 2;
        }
        /* The longest match of the other chains, the fallback when the name
         * turns out to be a word. */
        int other = 0;
        for (int c = 0; c < CHAIN_COUNT; c++)
            if (c != CHAIN_NAME && last[c] > other)
                other = last[c];

        Match *mt = &items[count];
        mt->first = i;
        mt->last = best;
        mt->entries = chain_entries(m, found, last, best, ~0u, &mt->entry_count, arena);
        mt->exact = true;
        mt->entry_exact = NULL;
        bool by_name = last[CHAIN_NAME] == best;
        const Slot *ties[2] = {last[CHAIN_PLAIN] == best ? found[CHAIN_PLAIN] : NULL,
                               last[CHAIN_CAPS] == best ? found[CHAIN_CAPS] : NULL};
        if (by_name && !weigh_name_match(m, tl, plain, mt, ties, name_word, name_words, arena)) {
            if (other > 0 && other < best) {
                mt->last = other;
                mt->entries = chain_entries(m, found, last, other, ~(1u << CHAIN_NAME),
                                            &mt->entry_count, arena);
                mt->exact = true;
                count++;
                i = other;
            } else {
                i++;
            }
            continue;
        }

        /* A one-word name in capitals-only-at-the-start: maybe an ordinary
         * word; decided after the pass. */
        if (by_name && name_words == 1 && !(tl->items[name_word].flags & TOKEN_ALLCAPS)) {
            if (npend == pcap) {
                pend = arena_grow(arena, pend, (size_t)npend, (size_t)pcap * 2, sizeof *pend);
                pcap *= 2;
            }
            Pending *p = &pend[npend++];
            memset(p, 0, sizeof *p);
            p->match = count;
            p->hash = plain[name_word];
            if (other > 0) {
                p->fallback.first = i;
                p->fallback.last = other;
                p->fallback.entries = chain_entries(m, found, last, other, ~(1u << CHAIN_NAME),
                                                    &p->fallback.entry_count, arena);
                p->fallback.exact = true;
            }
        }
        count++;
        i = best;
    }
    if (npend > 0)
        settle_pending(tl, plain, pend, npend, items, &count, arena);
    list.items = items;
    list.count = count;
    return list;
}

/* The slot a phrase resolves to: an acronym first, then the plain words,
 * then the names' keys (*by_name set). NULL if none. */
static const Slot *lookup_slot(const Matcher *m, const char *phrase, size_t n, bool *by_name)
{
    uint64_t plain[64];
    int k = 0;
    size_t pos = 0;
    RawToken t;
    char fold[FOLD_MAX];
    bool caps = false;
    int letters = 0;
    *by_name = false;
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
        uint64_t hashes[64];
        size_t first_len;
        int words = key_hashes(key, kn, hashes, &first_len);
        h = chain_seed[CHAIN_NAME];
        for (int i = 0; i < words; i++)
            h = hash_step(h, hashes[i]);
        s = words ? slot_find(m, h) : NULL;
        if (s && !(s->flags & SLOT_TERMINAL))
            s = NULL;
        *by_name = s != NULL;
    }
    return s;
}

const Entry *matcher_lookup(const Matcher *m, const char *phrase, size_t n, int *count)
{
    *count = 0;
    bool by_name;
    const Slot *s = m ? lookup_slot(m, phrase, n, &by_name) : NULL;
    if (!s)
        return NULL;
    *count = s->entry_count;
    return m->entries + s->entry_off;
}

const Entry *matcher_lookup_token(const Matcher *m, const TokenList *tl, int i, int *count)
{
    *count = 0;
    if (!m || i < 0 || i >= tl->count || tl->items[i].fold_len == 0)
        return NULL;
    const Token *tok = &tl->items[i];
    /* the first two steps of lookup_slot(), on the fold the tokenizer made */
    uint64_t plain =
        tl->hashes ? tl->hashes[i] : text_token_hash(tl->folded + tok->fold, tok->fold_len);
    const Slot *s = NULL;
    if (tok->kind == TOKEN_WORD && (tok->flags & TOKEN_ALLCAPS) && tok->fold_len <= 3) {
        s = slot_find(m, hash_step(chain_seed[CHAIN_CAPS], plain));
        if (s && !(s->flags & SLOT_TERMINAL))
            s = NULL;
    }
    if (!s) {
        s = slot_find(m, hash_step(chain_seed[CHAIN_PLAIN], plain));
        if (s && !(s->flags & SLOT_TERMINAL))
            s = NULL;
    }
    if (!s)
        return NULL;
    *count = s->entry_count;
    return m->entries + s->entry_off;
}

const Entry *matcher_lookup_exact(const Matcher *m, const char *phrase, size_t n, int *count)
{
    *count = 0;
    bool by_name;
    const Slot *s = m ? lookup_slot(m, phrase, n, &by_name) : NULL;
    if (s && !by_name) {
        *count = s->entry_count;
        return m->entries + s->entry_off;
    }
    char key[1024];
    size_t kn = fold_phrase_plain(phrase, n, key, sizeof key);
    uint64_t hashes[64];
    size_t first_len;
    int words = m ? key_hashes(key, kn, hashes, &first_len) : 0;
    const Slot *ex = words ? side_find(m, exact_key(hashes, words)) : NULL;
    if (!ex || !(ex->flags & SLOT_EXACT))
        return NULL;
    *count = ex->entry_count;
    return m->entries + ex->entry_off;
}
