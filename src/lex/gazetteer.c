/*
 * gazetteer.c — GeoNames cities500.txt compiled into a small binary file at
 * build time, and read back at start-up in one read().
 *
 * Compiling keeps the region's countries (Syria and its neighbours), maps
 * each place's GeoNames admin1 code to ISO 3166-2 through data/admin1.tsv,
 * and folds the place's name, ASCII name and every Latin-script alternate
 * name into matching keys (fold_phrase) and plain forms (fold_phrase_plain,
 * for exact matches), so start-up only hashes ready keys.
 *
 * It also keeps the English words that fold like a word of some place name
 * ("syrian" like Suran, "june" like Jinah, "hit" like Hit): a few thousand
 * of the hundred thousand words of Debian's word list, each flagged as a
 * lower-case word or a proper noun, so that the matcher can tell "Syrian"
 * from a village without loading the whole list at every start.
 *
 * File layout (host byte order; the file is built on the machine that
 * uses it):
 *   GzHeader
 *   GzPlace[place_count]   fixed-size records, strings as offsets
 *   GzKey[key_count]       (folded key, plain form, place), grouped by place
 *   GzWord[word_count]     (plain word, WORD_* flags)
 *   strings                NUL-terminated, deduplicated
 */
#include "lex_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GZ_MAGIC "SITREPGZ"
enum { GZ_VERSION = 2 };

/* Debian's wamerican: American English words, one a line, proper nouns
 * capitalised, possessives with an apostrophe. */
#define DEFAULT_WORD_LIST "/usr/share/dict/american-english"

typedef struct GzHeader {
    char magic[8];
    uint32_t version;
    uint32_t place_count;
    uint32_t key_count;
    uint32_t strings_size;
    uint32_t places_off, keys_off, strings_off;
    uint32_t word_count, words_off;
    uint32_t reserved; /* keeps the size a multiple of 8 for GzPlace's doubles */
} GzHeader;

typedef struct GzPlace {
    uint32_t name, admin1, country, feature_code, source;
    uint32_t population;
    double lat, lon;
    char feature;
    char pad[7];
} GzPlace;

_Static_assert(sizeof(GzHeader) % 8 == 0, "GzPlace records must stay 8-byte aligned");

typedef struct GzKey {
    uint32_t key;   /* string offset: the loose key ("dar zar") */
    uint32_t plain; /* string offset: the name as written ("dayr zawr") */
    uint32_t place; /* index into the places */
} GzKey;

typedef struct GzWord {
    uint32_t word;  /* string offset: plain fold */
    uint32_t flags; /* WORD_COMMON, WORD_PROPER */
} GzWord;

static const char *const region_countries[] = {"SY", "IQ", "LB", "JO", "TR", "IL", "PS"};

/* ---- A string table with deduplication ------------------------------------ */

typedef struct StringTable {
    Buffer data;
    uint32_t *slots; /* offset + 1, 0 = empty */
    size_t size, used;
} StringTable;

static uint64_t str_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return h;
}

static void strtab_init(StringTable *t)
{
    buffer_init(&t->data);
    t->size = 1 << 16;
    t->used = 0;
    t->slots = calloc(t->size, sizeof *t->slots);
    if (!t->slots)
        abort();
    buffer_append(&t->data, "", 1); /* offset 0 = the empty string */
}

static void strtab_free(StringTable *t)
{
    buffer_free(&t->data);
    free(t->slots);
}

/* Whether the table holds s[0..n). */
static bool strtab_has(const StringTable *t, const char *s, size_t n)
{
    size_t idx = str_hash(s, n) & (t->size - 1);
    while (t->slots[idx]) {
        const char *str = t->data.data + t->slots[idx] - 1;
        if (strncmp(str, s, n) == 0 && str[n] == '\0')
            return true;
        idx = (idx + 1) & (t->size - 1);
    }
    return false;
}

static uint32_t strtab_add(StringTable *t, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (t->used * 2 >= t->size) {
        size_t size = t->size * 2;
        uint32_t *slots = calloc(size, sizeof *slots);
        if (!slots)
            abort();
        for (size_t i = 0; i < t->size; i++) {
            uint32_t v = t->slots[i];
            if (!v)
                continue;
            const char *str = t->data.data + v - 1;
            size_t idx = str_hash(str, strlen(str)) & (size - 1);
            while (slots[idx])
                idx = (idx + 1) & (size - 1);
            slots[idx] = v;
        }
        free(t->slots);
        t->slots = slots;
        t->size = size;
    }
    size_t idx = str_hash(s, n) & (t->size - 1);
    while (t->slots[idx]) {
        const char *str = t->data.data + t->slots[idx] - 1;
        if (strncmp(str, s, n) == 0 && str[n] == '\0')
            return t->slots[idx] - 1;
        idx = (idx + 1) & (t->size - 1);
    }
    uint32_t off = (uint32_t)t->data.len;
    buffer_append(&t->data, s, n);
    buffer_append(&t->data, "", 1);
    t->slots[idx] = off + 1;
    t->used++;
    return off;
}

/* ---- admin1.tsv ------------------------------------------------------------ */

typedef struct Admin1Map {
    char key[16]; /* "SY.07" */
    char iso[8];  /* "SY-DY" */
} Admin1Map;

static int load_admin1(const char *path, Admin1Map **out, Diagnostics *diag)
{
    char *data;
    size_t len;
    int err = file_read_all(path, &data, &len);
    if (err) {
        diag_report(diag, DIAG_ERROR, path, 0, "cannot read: %s", strerror(err));
        return -1;
    }
    int count = 0, cap = 256;
    Admin1Map *map = malloc((size_t)cap * sizeof *map);
    if (!map)
        abort();
    long lineno = 0;
    for (char *line = data; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (*line && *line != '#') {
            char *f[4] = {0};
            int nf = 0;
            for (char *p = line; nf < 4;) {
                f[nf++] = p;
                char *tab = strchr(p, '\t');
                if (!tab)
                    break;
                *tab = '\0';
                p = tab + 1;
            }
            if (nf < 3 || strlen(f[0]) != 2 || strlen(f[1]) > 8 || strlen(f[2]) > 7) {
                diag_report(diag, DIAG_WARNING, path, lineno,
                            "expected country, GeoNames code, ISO code, name");
            } else {
                if (count == cap) {
                    cap *= 2;
                    map = realloc(map, (size_t)cap * sizeof *map);
                    if (!map)
                        abort();
                }
                snprintf(map[count].key, sizeof map[count].key, "%s.%s", f[0], f[1]);
                snprintf(map[count].iso, sizeof map[count].iso, "%s", f[2]);
                count++;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(data);
    *out = map;
    return count;
}

static const char *admin1_lookup(const Admin1Map *map, int n, const char *cc, const char *code)
{
    char key[32];
    snprintf(key, sizeof key, "%s.%s", cc, code);
    for (int i = 0; i < n; i++)
        if (!strcmp(map[i].key, key))
            return map[i].iso;
    return NULL;
}

/* ---- Which names to keep ----------------------------------------------------- */

/* A name worth a key: Latin script, at least three letters, not an
 * airport or station code ("OSDZ", "KIK"), not a link. */
static bool name_usable(const char *s, size_t n)
{
    int letters = 0, lowers = 0;
    if (n == 0 || n > 200)
        return false;
    if (memchr(s, '/', n) || memchr(s, '@', n))
        return false;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += utf8_decode(s + i, n - i, &cp);
        CharClass cc = char_class(cp);
        if (cc == CC_DIGIT)
            return false;
        if (cc != CC_LETTER)
            continue;
        /* Latin, Latin-1, Latin Extended A/B, IPA, Latin Extended Additional. */
        if (!(cp < 0x2B0 || (cp >= 0x1E00 && cp <= 0x1EFF)))
            return false;
        letters++;
        if (char_is_lower(cp))
            lowers++;
    }
    if (letters < 3)
        return false;
    if (lowers == 0 && letters <= 5)
        return false; /* codes */
    return true;
}

/* ---- Compiling ------------------------------------------------------------ */

static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    for (char *p = line; n < max;) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

static bool in_region(const char *cc)
{
    for (size_t i = 0; i < sizeof region_countries / sizeof *region_countries; i++)
        if (!strcmp(cc, region_countries[i]))
            return true;
    return false;
}

typedef struct KeyList {
    GzKey *items;
    size_t count, cap;
} KeyList;

static void keys_push(KeyList *k, uint32_t key, uint32_t plain, uint32_t place)
{
    if (k->count == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 4096;
        k->items = realloc(k->items, k->cap * sizeof *k->items);
        if (!k->items)
            abort();
    }
    k->items[k->count++] = (GzKey){key, plain, place};
}

/* Adds the key and plain form of one name of a place unless the place has
 * that spelling already. */
static void add_name(StringTable *st, KeyList *keys, size_t first_key, uint32_t place,
                     const char *name, size_t n, GazetteerStats *stats)
{
    char key[512], plain[512];
    if (!name_usable(name, n)) {
        stats->names_skipped++;
        return;
    }
    size_t kn = fold_phrase(name, n, key, sizeof key);
    if (kn < 3) {
        stats->names_skipped++;
        return;
    }
    size_t pn = fold_phrase_plain(name, n, plain, sizeof plain);
    uint32_t off = strtab_add(st, key, kn), poff = strtab_add(st, plain, pn);
    for (size_t i = first_key; i < keys->count; i++)
        if (keys->items[i].key == off && keys->items[i].plain == poff)
            return;
    keys_push(keys, off, poff, place);
    stats->names_kept++;
}

/* ---- English words ------------------------------------------------------------ */

/* Adds every word of a folded key ("dar zar") to the set. */
static void add_key_words(StringTable *words, const char *key, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && key[i] == ' ')
            i++;
        size_t start = i;
        while (i < n && key[i] != ' ')
            i++;
        if (i > start)
            strtab_add(words, key + start, i - start);
    }
}

/* The words of the curated names (places.tsv beside admin1.tsv): a word
 * list entry that folds like one of them is as ambiguous as one that folds
 * like a GeoNames name. A missing file adds nothing. */
static void add_curated_words(StringTable *words, const char *admin1_tsv)
{
    char path[4096];
    const char *slash = strrchr(admin1_tsv, '/');
    int dir = slash ? (int)(slash - admin1_tsv) : 1;
    snprintf(path, sizeof path, "%.*s/places.tsv", dir, slash ? admin1_tsv : ".");
    char *data;
    size_t len;
    if (file_read_all(path, &data, &len))
        return;
    for (char *line = data; line && line < data + len;) {
        char *nl = memchr(line, '\n', (size_t)(data + len - line));
        if (nl)
            *nl = '\0';
        if (*line != '#') {
            /* The name and the |-separated aliases: the first two fields. */
            char *tab = strchr(line, '\t');
            char *end = tab ? strchr(tab + 1, '\t') : NULL;
            if (end)
                *end = '\0';
            for (char *a = line; a && *a;) {
                size_t n = strcspn(a, "|\t");
                char key[512];
                size_t kn = fold_phrase(a, n, key, sizeof key);
                add_key_words(words, key, kn);
                a = a[n] ? a + n + 1 : NULL;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(data);
}

typedef struct WordHit {
    char *plain;
    unsigned flags;
} WordHit;

static int word_hit_cmp(const void *pa, const void *pb)
{
    return strcmp(((const WordHit *)pa)->plain, ((const WordHit *)pb)->plain);
}

/* Reads the word list and returns the words (plain folds, with WORD_COMMON
 * for a lower-case entry and WORD_PROPER for a capitalised one, merged)
 * whose transliteration key is a word of some name in name_words. */
static WordHit *english_words(const StringTable *name_words, size_t *count, Diagnostics *diag)
{
    const char *path = getenv("SITREP_WORDS");
    if (!path || !*path)
        path = DEFAULT_WORD_LIST;
    *count = 0;
    char *data;
    size_t len;
    int err = file_read_all(path, &data, &len);
    if (err) {
        diag_report(diag, DIAG_WARNING, path, 0,
                    "no English word list (%s; Debian package wamerican): capitalised "
                    "English words may be taken for small places",
                    strerror(err));
        return NULL;
    }
    size_t cap = 1024, n = 0;
    WordHit *hits = malloc(cap * sizeof *hits);
    if (!hits)
        abort();
    for (char *line = data; line && line < data + len;) {
        char *nl = memchr(line, '\n', (size_t)(data + len - line));
        size_t ln = nl ? (size_t)(nl - line) : (size_t)(data + len - line);
        if (ln && line[ln - 1] == '\r')
            ln--;
        /* Possessives ("June's") fold to their word; contractions to what
         * texts that drop apostrophes write ("they're" -> "theyre"). */
        if (ln > 0) {
            char plain[FOLD_MAX], key[FOLD_MAX];
            size_t pn = fold_plain(line, ln, plain, sizeof plain);
            size_t kn = pn >= 1 ? fold_translit(plain, pn, key) : 0;
            if (kn > 0 && strtab_has(name_words, key, kn)) {
                int32_t cp;
                utf8_decode(line, ln, &cp);
                if (n == cap) {
                    cap *= 2;
                    hits = realloc(hits, cap * sizeof *hits);
                    if (!hits)
                        abort();
                }
                hits[n].plain = strdup(plain);
                if (!hits[n].plain)
                    abort();
                hits[n++].flags = char_is_upper(cp) ? WORD_PROPER : WORD_COMMON;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    free(data);
    /* "Turkey" and "turkey": one word, both flags. */
    if (n > 1)
        qsort(hits, n, sizeof *hits, word_hit_cmp);
    size_t out = 0;
    for (size_t i = 0; i < n; i++) {
        if (out > 0 && !strcmp(hits[out - 1].plain, hits[i].plain)) {
            hits[out - 1].flags |= hits[i].flags;
            free(hits[i].plain);
            continue;
        }
        hits[out++] = hits[i];
    }
    *count = out;
    return hits;
}

bool gazetteer_compile(const char *geonames_path, const char *admin1_tsv, const char *out_path,
                       GazetteerStats *stats, Diagnostics *diag)
{
    GazetteerStats local = {0};
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);

    Admin1Map *admin1 = NULL;
    int admin1_count = load_admin1(admin1_tsv, &admin1, diag);
    if (admin1_count < 0)
        return false;

    FILE *in = fopen(geonames_path, "r");
    if (!in) {
        diag_report(diag, DIAG_ERROR, geonames_path, 0, "cannot read: %s", strerror(errno));
        free(admin1);
        return false;
    }

    StringTable st;
    strtab_init(&st);
    KeyList keys = {0};
    GzPlace *places = NULL;
    size_t place_count = 0, place_cap = 0;
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t got;
    long lineno = 0;
    while ((got = getline(&line, &line_cap, in)) > 0) {
        lineno++;
        stats->rows_read++;
        if (line[got - 1] == '\n')
            line[--got] = '\0';
        char *f[19];
        int nf = split_tabs(line, f, 19);
        if (nf < 15) {
            diag_report(diag, DIAG_WARNING, geonames_path, lineno,
                        "expected 19 tab-separated fields, found %d", nf);
            continue;
        }
        if (!in_region(f[8]))
            continue;
        char *end;
        double lat = strtod(f[4], &end), lon = strtod(f[5], &end);
        if (place_count == place_cap) {
            place_cap = place_cap ? place_cap * 2 : 1024;
            places = realloc(places, place_cap * sizeof *places);
            if (!places)
                abort();
        }
        uint32_t idx = (uint32_t)place_count;
        GzPlace *p = &places[place_count++];
        memset(p, 0, sizeof *p);
        const char *iso = admin1_lookup(admin1, admin1_count, f[8], f[10]);
        if (!iso)
            stats->unmapped_admin1++;
        char source[64];
        snprintf(source, sizeof source, "geonames:%s", f[0]);
        p->name = strtab_add(&st, f[1], strlen(f[1]));
        p->admin1 = iso ? strtab_add(&st, iso, strlen(iso)) : 0;
        p->country = strtab_add(&st, f[8], strlen(f[8]));
        p->feature_code = strtab_add(&st, f[7], strlen(f[7]));
        p->source = strtab_add(&st, source, strlen(source));
        long pop = strtol(f[14], &end, 10);
        p->population = pop > 0 ? (uint32_t)(pop > (long)UINT32_MAX ? UINT32_MAX : pop) : 0;
        p->lat = lat;
        p->lon = lon;
        p->feature = f[6][0] ? f[6][0] : 'P';

        size_t first_key = keys.count;
        add_name(&st, &keys, first_key, idx, f[1], strlen(f[1]), stats);
        add_name(&st, &keys, first_key, idx, f[2], strlen(f[2]), stats);
        for (char *a = f[3]; a && *a;) {
            char *comma = strchr(a, ',');
            size_t n = comma ? (size_t)(comma - a) : strlen(a);
            add_name(&st, &keys, first_key, idx, a, n, stats);
            a = comma ? comma + 1 : NULL;
        }
    }
    free(line);
    fclose(in);
    free(admin1);
    stats->places_kept = (long)place_count;

    /* The English words that fold like a word of a name. */
    StringTable name_words;
    strtab_init(&name_words);
    for (size_t i = 0; i < keys.count; i++) {
        const char *key = st.data.data + keys.items[i].key;
        add_key_words(&name_words, key, strlen(key));
    }
    add_curated_words(&name_words, admin1_tsv);
    size_t word_count = 0;
    WordHit *hits = english_words(&name_words, &word_count, diag);
    strtab_free(&name_words);
    GzWord *words = calloc(word_count + 1, sizeof *words);
    if (!words)
        abort();
    for (size_t i = 0; i < word_count; i++) {
        words[i] = (GzWord){strtab_add(&st, hits[i].plain, strlen(hits[i].plain)), hits[i].flags};
        free(hits[i].plain);
    }
    free(hits);
    stats->words_kept = (long)word_count;

    GzHeader h = {0};
    memcpy(h.magic, GZ_MAGIC, 8);
    h.version = GZ_VERSION;
    h.place_count = (uint32_t)place_count;
    h.key_count = (uint32_t)keys.count;
    h.word_count = (uint32_t)word_count;
    h.strings_size = (uint32_t)st.data.len;
    h.places_off = sizeof h;
    h.keys_off = h.places_off + (uint32_t)(place_count * sizeof(GzPlace));
    h.words_off = h.keys_off + (uint32_t)(keys.count * sizeof(GzKey));
    h.strings_off = h.words_off + (uint32_t)(word_count * sizeof(GzWord));

    /* Write to a temporary file and rename, so a failed build never leaves
     * half a gazetteer behind. */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
    FILE *out = fopen(tmp, "wb");
    bool ok = out != NULL;
    if (ok) {
        ok =
            fwrite(&h, sizeof h, 1, out) == 1 &&
            (place_count == 0 || fwrite(places, sizeof *places, place_count, out) == place_count) &&
            (keys.count == 0 ||
             fwrite(keys.items, sizeof *keys.items, keys.count, out) == keys.count) &&
            (word_count == 0 || fwrite(words, sizeof *words, word_count, out) == word_count) &&
            fwrite(st.data.data, 1, st.data.len, out) == st.data.len;
        ok = (fclose(out) == 0) && ok;
        if (ok && rename(tmp, out_path) != 0)
            ok = false;
    }
    if (!ok) {
        diag_report(diag, DIAG_ERROR, out_path, 0, "cannot write: %s", strerror(errno));
        remove(tmp);
    }
    stats->file_size = h.strings_off + st.data.len;
    free(places);
    free(keys.items);
    free(words);
    strtab_free(&st);
    return ok;
}

/* ---- Loading --------------------------------------------------------------- */

bool gazetteer_load(const char *path, Lexicon *lex, MatcherBuilder *b, Diagnostics *diag)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_report(diag, DIAG_ERROR, path, 0, "cannot read the gazetteer: %s", strerror(errno));
        return false;
    }
    GzHeader h;
    bool ok = fread(&h, sizeof h, 1, f) == 1 && memcmp(h.magic, GZ_MAGIC, 8) == 0 &&
              h.version == GZ_VERSION;
    size_t total = 0;
    if (ok) {
        total = (size_t)h.strings_off + h.strings_size;
        ok = h.places_off == sizeof h &&
             h.keys_off == h.places_off + (uint64_t)h.place_count * sizeof(GzPlace) &&
             h.words_off == h.keys_off + (uint64_t)h.key_count * sizeof(GzKey) &&
             h.strings_off == h.words_off + (uint64_t)h.word_count * sizeof(GzWord) &&
             h.strings_size > 0;
    }
    char *data = NULL;
    if (ok) {
        /* One read of the whole file into the lexicon's arena. */
        data = arena_alloc(&lex->arena, total + 1);
        memcpy(data, &h, sizeof h);
        size_t rest = total - sizeof h;
        ok = fread(data + sizeof h, 1, rest, f) == rest;
    }
    fclose(f);
    if (!ok) {
        diag_report(diag, DIAG_ERROR, path, 0,
                    "not a sitrep gazetteer (version %d) or truncated: rebuild it with "
                    "make build/gazetteer.bin",
                    GZ_VERSION);
        return false;
    }
    const GzPlace *gp = (const GzPlace *)(data + h.places_off);
    const GzKey *gk = (const GzKey *)(data + h.keys_off);
    const GzWord *gw = (const GzWord *)(data + h.words_off);
    const char *strings = data + h.strings_off;
    data[total] = '\0';
#define STR(off) ((off) < h.strings_size ? strings + (off) : "")

    int base = lex->place_count;
    /* Capacity: the power of two above the count, as lexicon.c's
     * grow_for() expects when curated places are appended. */
    size_t cap = 16;
    while (cap <= (size_t)lex->place_count + h.place_count)
        cap *= 2;
    Place *places =
        arena_grow(&lex->arena, lex->places, (size_t)lex->place_count, cap, sizeof *places);
    for (uint32_t i = 0; i < h.place_count; i++) {
        Place *p = &places[base + (int)i];
        p->name = STR(gp[i].name);
        p->admin1 = STR(gp[i].admin1);
        p->country = STR(gp[i].country);
        p->feature_code = STR(gp[i].feature_code);
        p->source = STR(gp[i].source);
        p->lat = gp[i].lat;
        p->lon = gp[i].lon;
        p->population = gp[i].population;
        p->feature = gp[i].feature;
    }
    lex->places = places;
    lex->place_count = base + (int)h.place_count;
    for (uint32_t i = 0; i < h.key_count; i++) {
        if (gk[i].place >= h.place_count || gk[i].key >= h.strings_size ||
            gk[i].plain >= h.strings_size)
            continue;
        const char *key = strings + gk[i].key, *plain = strings + gk[i].plain;
        matcher_builder_add_name(b, key, strlen(key), plain, strlen(plain),
                                 (Entry){ENTRY_PLACE, base + (int32_t)gk[i].place});
    }
    for (uint32_t i = 0; i < h.word_count; i++) {
        if (gw[i].word >= h.strings_size)
            continue;
        const char *w = strings + gw[i].word;
        matcher_builder_add_word(b, w, strlen(w), gw[i].flags & (WORD_COMMON | WORD_PROPER));
    }
#undef STR
    return true;
}
