/*
 * extract_internal.h — what the files of src/extract share: the analysed
 * sentence (tokens, dictionary mentions, counts, date expressions) and the
 * article context that frame filling reads and updates.
 */
#ifndef SITREP_EXTRACT_INTERNAL_H
#define SITREP_EXTRACT_INTERNAL_H

#include "extract.h"

#include <string.h>

/* One dictionary match, with the reading chosen for it. */
typedef struct Mention {
    int first, last;      /* token range [first, last) */
    int actor;            /* index into Lexicon.actors or -1 */
    int outlet;           /* index into Lexicon.outlets or -1 */
    int trigger;          /* index into Lexicon.triggers or -1 */
    int place;            /* chosen index into Lexicon.places or -1 */
    const Entry *entries; /* all entries, for place_choose */
    int entry_count;
    bool victim; /* counted by a toll: "12 soldiers were killed" */
} Mention;

/* A count and what it counts. */
typedef struct Count {
    int first, last; /* tokens of the figure */
    Range range;
    int noun;         /* token of the counted noun, -1 if none */
    bool person;      /* people of some kind (soldiers, civilians, …) */
    bool civilian;    /* civilians, children, women, residents */
    int victim_actor; /* an actor named with the noun ("IS fighters") */
    bool hurt;        /* the subject of an injured trigger: "15 injured" */
} Count;

/* A resolved date expression. */
typedef struct DateMention {
    int first, last;
    Date date;
    DatePrecision precision;
    bool speech; /* "said Friday": when it was said */
    bool since;  /* "since 2011": background */
} DateMention;

typedef struct Sentence {
    Span span;
    TokenList tok;
    MatchList matches;
    Mention *ments;
    int ment_count;
    int *ment_at;           /* per token: index into ments, or -1 */
    uint8_t *number_at;     /* per token: a number phrase of the lexicon starts here */
    uint32_t *word_classes; /* per token: WC_* bits of its fold */
    Count *counts;
    int count_count;
    DateMention *dates;
    int date_count;
    bool unconfirmed; /* "reportedly", "what appears to be", … */
    bool denial;      /* "denied", "not confirmed": judges earlier events */
    bool denial_unconfirmed;
    bool is_title;
    uint8_t aside; /* ASIDE_*: a tag list, a photo caption, a repeat */
    /* What the sentence holds at all, from sentence_scan (and the number
     * phrases from read_mentions): the readers that look for something
     * the sentence lacks skip their pass over its words. */
    uint32_t classes_any; /* WC_* of any of its words */
    bool has_number, has_number_phrase, has_by, has_according, has_out;
    /* the words that finish_events' and same_time_cue's cues need:
     * "since", "so far", "to date", "day(s) after", "hours later" */
    bool has_since, has_far, has_date_word, has_day, has_after, has_later;
    /* the first and last word read_mentions may read by its stem (-1:
     * none) */
    int stem_first, stem_last;
    /* CUE_* kinds (frames.c) of the hedge and denial phrases it holds,
     * found by the same per-word pass; sentence_hedges() reads them */
    uint8_t cues;
    /* roundup() (extract.c): "various provinces" and the like; 0 until
     * asked, then 1 (no) or 2 (yes) */
    uint8_t several_regions;
} Sentence;

/* Parts of a sentence that are not the story's prose (asides.c). */
enum { ASIDE_NONE = 0, ASIDE_TAGS, ASIDE_CAPTION, ASIDE_REPEAT };
enum { MAX_SENTENCE_PARTS = 8 };

/* Per-event working notes that do not go to the output. */
typedef struct EventNote {
    int sentence;
    int trigger_token;
    uint8_t frame_code; /* FrameCode of the frame it fills (data/triggers.tsv) */
    bool backref;       /* "the attacks", "these strikes": an earlier event */
    bool killed_only;   /* made from a toll alone */
    bool weak_date;     /* dated only by when it was said, or not at all */
    bool dropped;
    bool generic; /* a weak noun trigger (deal, attack) */
    int victim_actor;
    bool no_winner; /* "X told Y the town had been liberated": no doer named */
} EventNote;

typedef struct Ctx {
    const Lexicon *lex;
    const Document *doc;
    const Article *art;
    Arena *arena;
    Date ref;           /* article date; may be year-only or unknown */
    PlaceContext *pctx; /* document-wide: where the text has been */
    Sentence *sents;
    int sent_count;
    Event *events;
    EventNote *notes;
    int event_count, event_cap;
    /* coreference */
    bool has_last_place;
    EventPlace last_place;
    const char *admin1_context; /* governorate named most recently */
    int last_subject_actor;     /* for "they", "the group" */
    int side_mentions[SIDE_COUNT];
    /* countries the article's place names point to; others are misreadings */
    const char *countries[4];
    int country_count;
    NameKeyCache *name_keys; /* the document's, for matcher_find_cached() */
    /* sentence_scan(): per first two letters of the hedge cue phrases,
     * their third letters (letter_bit()s), and the first cue (index + 1;
     * 0 for none) in the sorted table. Made once per article. */
    uint32_t cue_third[26][26];
    uint8_t cue_from[26][26];
    bool cues_ready;
} Ctx;

/* asides.c: cuts a sentence span into parts (at most MAX_SENTENCE_PARTS),
 * each with its ASIDE_* kind; returns the number of parts. */
int split_asides(Ctx *c, Span span, Span *out, uint8_t *kinds);

/* The closed word classes (WC_* bits, one lookup per token) are the
 * lexicon's: see lex.h. */

/* frames.c */
void sentence_scan(Ctx *c, Sentence *s, Span span);
void article_countries(Ctx *c);
void sentence_read(Ctx *c, Sentence *s);
/* Sets the sentence's hedge and denial flags (unconfirmed, denial,
 * denial_unconfirmed) from its cue phrases. They judge events only (the
 * sentence's own, or those of the three sentences before), so the caller
 * asks only when there are some. */
void sentence_hedges(Ctx *c, Sentence *s);
void frames_fill(Ctx *c, int sentence);
/* Is token i (in range) the word `lit`, a string literal (a plain fold)?
 * Asked hundreds of times per sentence: the literal's length is known at
 * compile time, so this is a length test and an inlined memcmp. (c is
 * not needed; it stays for the readability of the callers.) */
#define token_is(c, s, i, lit) ((void)(c), token_is_n((s), (i), "" lit, sizeof(lit) - 1))
static inline bool token_is_n(const Sentence *s, int i, const char *word, size_t n)
{
    if (i < 0 || i >= s->tok.count)
        return false;
    const Token *t = &s->tok.items[i];
    const char *f = s->tok.folded + t->fold;
    /* The length and the first letter as one number, compared once (a
     * fold has at least its NUL): each alone matches often enough to be
     * a branch the processor guesses wrong, together they rarely do. */
    if (((size_t)t->fold_len << 8 | (unsigned char)f[0]) != (n << 8 | (unsigned char)word[0]))
        return false;
    return !memcmp(f, word, n);
}
/* Are two strings equal? Event types, frames, actor kinds and admin1
 * codes are most often the lexicon's own pointers, which answers at once.
 * Otherwise they are short or differ early (codes such as "SY-HL" and
 * "SY-DY" share their first three letters): a byte loop here costs less
 * than a call to strcmp. */
static inline bool str_eq(const char *a, const char *b)
{
    if (a == b)
        return true;
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* A letter's bit (a-z; bit 26 for anything else) in a first_letters()
 * mask. */
static inline uint32_t letter_bit(char ch)
{
    unsigned k = (unsigned char)ch - 'a';
    return k < 26 ? 1u << k : 1u << 26;
}

/* The first letters of a NULL-ended word list, as letter_bit()s. A loop
 * that asks whether each of many tokens is in the list makes this once,
 * and compares a token with the words only when its first letter is one
 * of theirs: most tokens are then answered by one test, not by a branch
 * per word. */
static inline uint32_t first_letters(const char *const *words)
{
    uint32_t mask = 0;
    for (; *words; words++)
        mask |= letter_bit((*words)[0]);
    return mask;
}

/* Does token i (in range) start with one of the letters in `mask`? */
static inline bool token_starts_in(const Sentence *s, int i, uint32_t mask)
{
    return i >= 0 && i < s->tok.count &&
           (mask & letter_bit(s->tok.folded[s->tok.items[i].fold])) != 0;
}

EventPlace place_from_index(const Ctx *c, int place, const char *precision);
/* "Hours later, …", "straight after the strikes": the sentence tells what
 * followed the event told before, on its day and at its place. Returns the
 * token of the cue, or -1. */
int same_time_cue(const Sentence *s);

/* Is gazetteer place idx a sea or a gulf? A launch area ("a warship in the
 * Mediterranean"), never the place an event hits, and in no governorate. */
static inline bool place_is_sea(const Lexicon *lex, int idx)
{
    if (idx < 0)
        return false;
    return (lex->places[idx].classes & PLACE_SEA) != 0;
}

#endif
