/*
 * lex.h — tokens, folding, the knowledge sitrep loads (actors, outlets,
 * places, triggers, number words) and the one-pass dictionary matcher.
 *
 * Folding makes matching transliteration-insensitive: "Deir ez-Zor",
 * "Deir Ezzor", "Dayr al-Zawr" and "DEIR EL-ZOUR" all fold to the same key.
 * Every dictionary phrase is folded the same way when it is loaded, so the
 * matcher compares folded tokens only.
 */
#ifndef SITREP_LEX_H
#define SITREP_LEX_H

#include "../core/core.h"
#include "../text/text.h"

/* ---- Tokens ------------------------------------------------------------ */
typedef enum TokenKind { TOKEN_WORD, TOKEN_NUMBER, TOKEN_PUNCT } TokenKind;

typedef struct Token {
    uint32_t start, end; /* byte range in the document text */
    uint32_t fold;       /* offset of the folded form in TokenList.folded */
    uint16_t fold_len;
    uint8_t kind;  /* TokenKind */
    uint8_t flags; /* TOKEN_CAPITALISED, TOKEN_ALLCAPS, … */
} Token;

enum {
    TOKEN_CAPITALISED = 1,
    TOKEN_ALLCAPS = 2,
    TOKEN_SENTENCE_START = 4,
    TOKEN_ARTICLE = 8, /* an Arabic article (al-, el-, ez-, "Al Bab") that
                          the matcher skips inside place and actor names */
    TOKEN_JOINED = 16  /* followed by a hyphen and the next token ("ez-Zor",
                          "12-15") */
};

typedef struct TokenList {
    Token *items;
    int count;
    const char *folded; /* plain folded forms (fold_plain), each
                           NUL-terminated: "assad" for "Assad's",
                           "maarrat" for "Ma'arrat" */
    /* The hash of each token's plain fold (parallel to items), computed by
     * tokenize() while the fold is hot, so that the matcher need not read
     * every fold again. NULL in a list made otherwise: readers then hash
     * the folds themselves. */
    const uint64_t *hashes;
} TokenList;

/* Splits text[span) into tokens: words (letters, digits inside words,
 * internal hyphens and apostrophes split off), numbers ("2,500", "1.5"),
 * punctuation. Allocates in arena. */
TokenList tokenize(const char *text, Span span, Arena *arena);

/* Folds one word for matching: lower case, diacritics stripped, apostrophes
 * and ʿayn marks dropped, then the transliteration rules (see fold.c).
 * Writes at most cap-1 bytes plus NUL; returns the length written. */
size_t fold_word(const char *s, size_t n, char *out, size_t cap);

/* The light fold kept in TokenList.folded: lower case, diacritics
 * stripped, apostrophes dropped, a final possessive 's dropped; no
 * transliteration rules, so English words stay themselves ("four" is not
 * "for"). fold_word() = fold_plain() + the transliteration rules. */
size_t fold_plain(const char *s, size_t n, char *out, size_t cap);

/* Folds a whole phrase into space-separated folded words, dropping leading
 * Arabic articles (al-, el-, ar-, …) as separate tokens the way the
 * tokenizer does. Returns the length written. */
size_t fold_phrase(const char *s, size_t n, char *out, size_t cap);

/* ---- Knowledge --------------------------------------------------------- */
typedef enum Side {
    SIDE_UNKNOWN = 0,
    SIDE_GOVERNMENT,
    SIDE_RUSSIA,
    SIDE_ISLAMIC_STATE,
    SIDE_SDF,
    SIDE_OPPOSITION,
    SIDE_HTS,
    SIDE_TURKEY,
    SIDE_US_COALITION,
    SIDE_ISRAEL,
    SIDE_IRAQ,
    SIDE_CIVILIANS,
    SIDE_COUNT
} Side;
const char *side_name(Side s); /* contract names: "government", … */
bool side_parse(const char *s, Side *out);

/* Actor.kind as a number, so that the extraction's questions about it
 * ("is the speaker a monitor?"), asked for every mention, compare one
 * byte rather than a string. */
typedef enum ActorKind {
    ACTOR_KIND_OTHER = 0, /* none, or a kind not listed here */
    ACTOR_KIND_STATE_FORCE,
    ACTOR_KIND_MILITIA,
    ACTOR_KIND_REBEL_FACTION,
    ACTOR_KIND_JIHADIST,
    ACTOR_KIND_FOREIGN_STATE,
    ACTOR_KIND_COALITION,
    ACTOR_KIND_MONITOR,
    ACTOR_KIND_AGENCY,
    ACTOR_KIND_POLITICAL,
    ACTOR_KIND_GENERIC
} ActorKind;
/* The code of a kind name ("monitor" -> ACTOR_KIND_MONITOR); NULL or an
 * unlisted name gives ACTOR_KIND_OTHER. */
ActorKind actor_kind_code(const char *kind);

typedef struct Actor {
    const char *name;  /* canonical */
    Side side;         /* SIDE_UNKNOWN for generic phrases whose side
                          depends on who writes ("terrorists") */
    int parent;        /* index into Lexicon.actors or -1 */
    const char *kind;  /* state_force, militia, rebel_faction, jihadist,
                          foreign_state, monitor, agency, generic, … */
    uint8_t kind_code; /* ActorKind of kind (lexicon_load sets it) */
} Actor;

typedef struct Outlet {
    const char *name;
    const char *country;     /* ISO 3166-1 alpha-2, or "" */
    const char *affiliation; /* wire, state_media:SY, monitor, partisan, … */
} Outlet;

typedef struct Place {
    const char *name;    /* display name */
    const char *admin1;  /* ISO 3166-2 ("SY-DY"), or "" */
    const char *country; /* ISO 3166-1 alpha-2 */
    double lat, lon;
    uint32_t population;
    char feature;             /* GeoNames feature class: P city, A admin area,
                                 S spot/base, H water, T hill, L area, R road … */
    const char *feature_code; /* PPLA, PPLC, ADM1, AIRB, … */
    const char *source;       /* "geonames:ID" or "curated: note" */
    uint16_t classes;         /* PLACE_* (below) of the fields above
                                 (lexicon_load sets them) */
} Place;

/* What the extraction and place_choose() ask of a place's feature code
 * and source, for every place match: bits made once at load, so that the
 * questions compare no strings. Each says exactly what it tests. */
enum {
    PLACE_COUNTRY = 1u << 0,  /* feature A, code PCL…: a country */
    PLACE_ADM1 = 1u << 1,     /* code ADM1: a first-level division */
    PLACE_ADM_ANY = 1u << 2,  /* code ADM…: any administrative division */
    PLACE_PPLA = 1u << 3,     /* code PPLA: seat of a first-level division */
    PLACE_PPLA2 = 1u << 4,    /* code PPLA2: seat of a second-level one */
    PLACE_PPLA_ANY = 1u << 5, /* code PPLA…: PPLA, PPLA2, PPLA3, PPLA4 */
    PLACE_PPLC = 1u << 6,     /* code PPLC: a capital */
    PLACE_PPLC_ANY = 1u << 7, /* code PPLC…: PPLC, PPLCH (historical) */
    PLACE_SEA = 1u << 8,      /* feature H, code SEA, GULF, BAY or OCN */
    PLACE_CURATED = 1u << 9,  /* source "curated…": data/places.tsv */
    PLACE_PCL = 1u << 10,     /* code PCL…, whatever the feature class */
};
/* The PLACE_* bits of a place, from its feature, code and source. */
unsigned place_classes(const Place *p);

/* Trigger.frame as a number (Trigger.frame_code): the frames the
 * extraction tests by name. The territory frames are last, so that
 * "territory_…" is a range (frame_code_is_territory). */
typedef enum FrameCode {
    FRAME_OTHER = 0, /* none, or a frame not listed here */
    FRAME_ABDUCTION,
    FRAME_ADVANCE,
    FRAME_AGREEMENT,
    FRAME_ARREST,
    FRAME_ASSASSINATED,
    FRAME_ATTACK,
    FRAME_BASE_ESTABLISHED,
    FRAME_CAR_BOMB,
    FRAME_CHEMICAL,
    FRAME_CLASH,
    FRAME_DRONE_DOWNED,
    FRAME_EXECUTED,
    FRAME_GRENADE,
    FRAME_IED,
    FRAME_INJURED,
    FRAME_KILLED,
    FRAME_LOOTING,
    FRAME_PROTEST,
    FRAME_SHELLING,
    FRAME_SIEGE,
    FRAME_SIEGE_BROKEN,
    FRAME_SIEGE_IMPOSED,
    FRAME_STRIKE,
    FRAME_SUICIDE_BOMB,
    FRAME_TERRITORY_OTHER, /* "territory_" and a name not listed here */
    FRAME_TERRITORY_FELL,
    FRAME_TERRITORY_GAIN,
    FRAME_TERRITORY_LOSS,
    FRAME_TERRITORY_TAKE,
} FrameCode;
/* The code of a frame name ("killed" -> FRAME_KILLED); NULL or an
 * unlisted name gives FRAME_OTHER (FRAME_TERRITORY_OTHER for an unlisted
 * "territory_…"). */
FrameCode frame_code(const char *frame);
/* A frame whose name starts "territory_". */
static inline bool frame_code_is_territory(unsigned code)
{
    return code >= FRAME_TERRITORY_OTHER && code <= FRAME_TERRITORY_TAKE;
}

typedef struct Trigger {
    const char *phrase;
    const char *event_type; /* ACLED event type */
    const char *sub_event_type;
    const char *frame;  /* slot pattern name, see data/triggers.tsv */
    uint8_t frame_code; /* FrameCode of frame (lexicon_load sets it) */
} Trigger;

typedef struct NumberWord {
    const char *phrase;
    double value; /* "dozens" = 24 with low/high below */
    double low, high;
    /* letters in the phrase's first word ("twenty-one": 6) when that word
     * is letters only, else 0: a word of another length cannot start it */
    int first_word_letters;
} NumberWord;

/* What a dictionary phrase refers to. */
typedef enum EntryKind {
    ENTRY_ACTOR,
    ENTRY_OUTLET,
    ENTRY_PLACE,
    ENTRY_TRIGGER,
    ENTRY_NUMBER,
    ENTRY_KIND_COUNT
} EntryKind;

typedef struct Entry {
    uint8_t kind; /* EntryKind */
    int32_t id;   /* index into the Lexicon array of that kind */
} Entry;

typedef struct Matcher Matcher;
typedef struct Gazetteer Gazetteer;
typedef struct WordClassSet WordClassSet;

typedef struct Lexicon {
    Actor *actors;
    int actor_count;
    Outlet *outlets;
    int outlet_count;
    Place *places;
    int place_count; /* gazetteer + curated, one array */
    Trigger *triggers;
    int trigger_count;
    NumberWord *numbers;
    int number_count;
    /* The numbers by the first letter of their phrase (a-z, then anything
     * else), each group in file order: group g is number_order[
     * number_group[g] .. number_group[g + 1]). NULL in a lexicon not made
     * by lexicon_load. */
    int *number_order;
    int number_group[28];
    Matcher *matcher;           /* all the phrases above, compiled */
    Arena arena;                /* owns all of it */
    WordClassSet *word_classes; /* the closed word classes (below), compiled */
} Lexicon;

/* Loads data_dir/{actors,outlets,places,triggers,numbers}.tsv and the
 * compiled gazetteer (gazetteer_path; NULL = data_dir/../build/gazetteer.bin
 * or $SITREP_GAZETTEER), builds the matcher. Missing optional files are
 * skipped; malformed lines are reported with file and line. Returns false
 * if the lexicon cannot be used. */
bool lexicon_load(Lexicon *lex, const char *data_dir, const char *gazetteer_path,
                  Diagnostics *diag);
void lexicon_free(Lexicon *lex);

/* ---- Closed word classes -------------------------------------------------
 * English words the extraction asks about at nearly every token: one
 * mask of WC_* bits per plain-folded word (the table is in words.c).
 * lexicon_load() compiles them into a small hash table, so that a token
 * costs one lookup, not a scan of a word list per question. */
enum {
    WC_ADMIN_WORDS = 1u << 0,
    WC_ADVERBS = 1u << 1,
    WC_CIVILIAN_NOUNS = 1u << 2,
    WC_COREF_PLACE_WORDS = 1u << 3,
    WC_DEMONYMS = 1u << 4,
    WC_DIRECTIONS = 1u << 5,
    WC_FEATURE_WORDS = 1u << 6,
    WC_MODAL_WORDS = 1u << 7,
    WC_NAME_CONNECTORS = 1u << 8,
    WC_NEGATIONS = 1u << 9,
    WC_NOT_NAMES = 1u << 10,
    WC_PASSIVE_AUX = 1u << 11,
    WC_PERSON_NOUNS = 1u << 12,
    WC_PLAN_WORDS = 1u << 13,
    WC_SPEECH_VERBS = 1u << 14,
    WC_THING_NOUNS = 1u << 15,
    WC_COUNT_STARTS = 1u << 16,  /* a count may start here: "at least", "dozens", "five" */
    WC_COUNT_AFTER_A = 1u << 17, /* "a hundred", "a few", "a total" */
    WC_DATE_STARTS = 1u << 18,   /* "yesterday", "last", "earlier" */
    WC_DATE_PREPS = 1u << 19,    /* "on", "in", "over", "during" before a date */
    WC_CLAIM_VERBS = 1u << 20,   /* "said", "reported": who says it is near */
    WC_CUMULATIVE = 1u << 21,    /* "deadliest", "total": a toll over many events */
    WC_CLAUSE_STOPS = 1u << 22,  /* "for", "after", "which", "to": an object ends here */
    /* Not in the table: set per token by the extraction (a weekday or
     * month name or abbreviation: "Sun", "Sept", "March"). */
    WC_CALENDAR = 1u << 31,
};
typedef struct WordClassEntry {
    const char *word; /* plain fold */
    uint32_t classes; /* WC_* bits */
} WordClassEntry;
const WordClassEntry *word_class_table(size_t *count);
/* The classes of a NUL-terminated plain fold, by binary search (no
 * lexicon needed). */
uint32_t word_class(const char *folded);
/* The same from the compiled table of a loaded lexicon (plain[0..n), no
 * NUL needed). */
uint32_t lexicon_word_class(const Lexicon *lex, const char *plain, size_t n);
/* The same for token i of a tokenize() list (its plain fold, read eight
 * bytes at a time as TokenList.folded allows). */
uint32_t lexicon_token_class(const Lexicon *lex, const TokenList *tl, int i);
/* lexicon_token_class() of every token of the list at once (0 for
 * numbers and punctuation), into out[0 .. tl->count). */
void lexicon_token_classes(const Lexicon *lex, const TokenList *tl, uint32_t *out);

/* ---- Matching ---------------------------------------------------------- */
typedef struct Match {
    int first, last;      /* token range [first, last) */
    const Entry *entries; /* every entry this phrase names (a place name
                             shared by three villages gives three) */
    int entry_count;
    /* Exact or fuzzy. An entry is exact when the text spells its name or
     * an alias as the data writes it, up to case, diacritics, apostrophes
     * and the articles the matcher skips ("Dayr al-Zawr" for the alias
     * "Dayr az-Zawr"); fuzzy when only the transliteration keys met
     * ("Deir Ezour" for "Deir ez-Zor", "Syrian" for the village Suran).
     * Trigger, number and acronym phrases are always exact. When a place
     * entry is exact, the fuzzy place entries are dropped: exact ranks
     * above fuzzy before place_choose() sees the entries. */
    bool exact;                 /* some entry is exact */
    const uint8_t *entry_exact; /* per entry (parallel to entries): 1 exact,
                                   0 fuzzy; NULL when all are as `exact` */
} Match;

typedef struct MatchList {
    Match *items;
    int count;
} MatchList;

/* One pass over the tokens: at each position the longest dictionary phrase
 * that starts there, then on after it. Names written with a capital in the
 * data (places, actors, outlets) match only capitalised or all-caps tokens,
 * skipping articles ("Dayr al-Zawr"); a single capitalised word whose
 * lower-case form also occurs in the same token list is taken for an
 * ordinary word ("More" when the text also says "more"). Entries of a
 * match are ordered by kind (actors, outlets, places, triggers, numbers)
 * and marked exact or fuzzy (Match.exact).
 *
 * Place entries that are ordinary words are dropped (see matcher.c,
 * "English words"): a word of data/not-places.tsv (demonyms, months,
 * weekdays, person names) is never a one-word place; a fuzzy one-word
 * place match whose word is in the English word list compiled into the
 * gazetteer is dropped, and so is an exact one unless it is capitalised in
 * mid-sentence or follows a locative preposition ("in Hit"); a fuzzy place
 * is dropped when an exact actor or outlet names the same span ("SANA").
 * A match left with no entry is no match. */
MatchList matcher_find(const Matcher *m, const TokenList *tokens, Arena *arena);

/* The transliteration keys of capitalised words, remembered across the
 * sentences of a document: names recur ("Aleppo", "the Syrian army"), and
 * the key costs more than the rest of a word's lookup. A direct-mapped
 * table on the word's plain hash; the caller owns it, zeroed before use
 * (one per thread: it is written by every lookup). 4096 entries (64 KB):
 * a news archive's capitalised words are thousands, and 512 made many
 * keys be spelled again; more gains little and costs a larger clearing
 * per document where the caller zeroes it each time. */
enum { NAME_KEY_CACHE_SIZE = 4096 };
typedef struct NameKeyCache {
    uint64_t plain[NAME_KEY_CACHE_SIZE]; /* 0: empty */
    uint64_t key[NAME_KEY_CACHE_SIZE];
} NameKeyCache;

/* matcher_find() with a cache (NULL for none); the same matches. */
MatchList matcher_find_cached(const Matcher *m, const TokenList *tokens, NameKeyCache *cache,
                              Arena *arena);

/* Looks up one phrase (folded internally). Returns the entries or NULL.
 * Fuzzy and exact alike, and no English-word filtering: "June" finds what
 * its key finds. */
const Entry *matcher_lookup(const Matcher *m, const char *phrase, size_t n, int *count);

/* The entries whose name or alias the phrase spells exactly (see
 * Match.exact): "Tadmur" gives Palmyra, whose aliases list "Tadmur", and
 * not a village whose name only folds alike; "Syrian" gives nothing.
 * Trigger, number and acronym phrases as matcher_lookup(). NULL if none. */
const Entry *matcher_lookup_exact(const Matcher *m, const char *phrase, size_t n, int *count);

/* The entries of token i alone, as matcher_lookup() of its text would find
 * them among triggers, numbers, acronyms and lower-case phrases (the plain
 * and acronym keys), without scanning and folding the text again. Names
 * (places and actors written with a capital) are not looked up: NULL then. */
const Entry *matcher_lookup_token(const Matcher *m, const TokenList *tokens, int i, int *count);

/* ---- Places ------------------------------------------------------------ */
/* Where the document has already been (for disambiguation). */
typedef struct PlaceContext {
    const char *countries[8];
    int country_count;
    const char *admin1s[16];
    int admin1_count;
} PlaceContext;

typedef struct PlaceChoice {
    int place;       /* index into Lexicon.places, -1 if none */
    const char *why; /* "only entry", "in Homs province named earlier",
                        "largest population", … (static string) */
} PlaceChoice;

/* Picks among the entries of a place match: context first (countries and
 * governorates already named), then feature class and population. (The
 * matcher has already preferred exact spellings: see Match.exact.) */
PlaceChoice place_choose(const Lexicon *lex, const Entry *entries, int count,
                         const PlaceContext *ctx);

/* ISO 3166-2 governorate name for a code ("SY-DY" -> "Deir ez-Zor"). */
const char *admin1_name(const char *iso);

/* ---- Gazetteer compilation (build time) ---------------------------------- */
typedef struct GazetteerStats {
    long rows_read, places_kept, names_kept, names_skipped;
    long unmapped_admin1; /* kept places whose admin1 code had no ISO code */
    size_t file_size;
    long words_kept; /* English words that fold like a place name */
} GazetteerStats;

/* Reads GeoNames cities500.txt (or any file in its format), keeps the
 * region's countries, maps admin1 codes to ISO 3166-2 through admin1_tsv
 * (data/admin1.tsv) and writes the binary gazetteer to out_path. With it
 * go the English words that fold like a word of a place name (from
 * $SITREP_WORDS or /usr/share/dict/american-english, Debian's wamerican;
 * the places.tsv beside admin1_tsv counts too): the matcher's cue that
 * "Syrian" is not the village Suran. Without the word list the gazetteer
 * is still written, with a warning. */
bool gazetteer_compile(const char *geonames_path, const char *admin1_tsv, const char *out_path,
                       GazetteerStats *stats, Diagnostics *diag);

#endif
