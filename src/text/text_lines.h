/*
 * text_lines.h — line classifiers and metadata parsers of the text stage
 * (lines.c), used by the article splitter (articles.c). Private to
 * src/text.
 */
#ifndef SITREP_TEXT_LINES_H
#define SITREP_TEXT_LINES_H

#include "text_internal.h"

/* The furniture phrases in a small hash table keyed by their first four
 * bytes, built once per document, so that each word of a line costs one
 * probe rather than a comparison with every phrase of its letter. */
enum { BOILER_SLOTS = 128 };
typedef struct BoilerIndex {
    uint32_t key[BOILER_SLOTS];  /* first four bytes, bit 0x20 set in each */
    uint8_t first[BOILER_SLOTS]; /* phrases with this key: order[first ..  */
    uint8_t count[BOILER_SLOTS]; /*   first + count); count 0: empty slot */
    uint8_t order[64];
    /* The line-start labels (boiler_start, boiler_short_start in lines.c)
     * by first letter: bit k of [c - 'a'] is set when label k starts with
     * c, so a line is compared with the labels of its own letter only. */
    uint32_t start_labels[26];
    uint32_t short_start_labels[26];
    /* The words of share-button rows and of page navigation by length:
     * bit k of [n] is set when word k has n bytes (all have fewer than
     * 16), so a line's word is compared with the words of its length. */
    uint64_t share_by_len[16];
    uint64_t pagination_by_len[16];
} BoilerIndex;
void boiler_index_init(BoilerIndex *ix);

/* Donation appeals, disclaimers, copyright and fair-use notices, comment
 * widgets, share rows, archive headers, page navigation ("Page 3 of 41",
 * "Newer Post Home Older Post"), "Labels:", blog post footers ("Posted by
 * Desk at 11:40 PM"). s[0..n) is one trimmed line. */
bool line_is_boilerplate(const BoilerIndex *ix, const char *s, size_t n);

/* A line that names the page rather than a story, for the top of a page:
 * "Desk — Stories tagged "Syria"", "Archive for March 2017", or a masthead
 * in capitals ("THE LEVANT LEDGER") when no body paragraph follows it
 * directly (body_follows). */
bool line_is_page_title(const char *s, size_t n, bool body_follows);

/* "By Eva Bartlett", "By [South Front](#)", "Written by …". */
bool line_is_byline(const char *s, size_t n);
/* The person or outlet a byline names ("Afraa Dagher" from "By on the
 * ground journalist Afraa Dagher"), in arena; NULL if none. */
const char *text_byline_name(Arena *arena, const char *s, size_t n);

/* Length of a "Source:" / "Link:" label (with leading markup), or 0. */
size_t text_source_label_len(const char *s, size_t n);
size_t text_link_label_len(const char *s, size_t n);
/* A line that is nothing but a URL. */
bool line_is_url(const char *s, size_t n);
/* Length of the URL starting at s (final punctuation left out). */
size_t text_url_length(const char *s, size_t n);

/* "– ‘Spiral of defeats’ –": a section heading inside an article. */
bool line_is_subhead(const char *s, size_t n);
/* A short line shaped like a headline: 2–25 words, opens with a capital,
 * digit or quote, no final comma or colon. *final_period is set when it
 * ends with a period (then it is a headline only if metadata follows). */
bool line_is_short(const char *s, size_t n, bool *final_period);
/* A short run of capitalised words with no punctuation: "Al Masdar News". */
bool line_is_name(const char *s, size_t n);

/* Copies a name, dropping markdown ("[South Front](#)" → "South Front"),
 * emphasis and a final period. NULL if nothing remains. */
char *text_clean_name(Arena *arena, const char *s, size_t n);

typedef struct Dateline {
    const char *place;  /* "Damascus" (normal case), in arena */
    const char *outlet; /* "Associated Press" from "(AP)", or NULL */
    int month, day;     /* "DAMASCUS, March 3 (Reuters) -"; 0 if none */
} Dateline;

/* A dateline at the start of s: "BEIRUT (AP) — ", "DAMASCUS – ",
 * "DAMASCUS, Syria (Reuters) - ", "Aleppo, Syria (6:00 A.M.) – ". With
 * whole_line, s must be only a dateline with an outlet ("Ain Issa, Syria
 * (AFP)"). Returns the length to skip (dash and blanks included), or 0. */
size_t text_parse_dateline(const char *s, size_t n, bool whole_line, Arena *arena, Dateline *out);

/* A dateline without a dash, in capitals, after a document's leading date:
 * "BEIRUT At least …". Returns the length to skip and sets *place, or 0. */
size_t text_parse_caps_dateline(const char *s, size_t n, Arena *arena, const char **place);

#endif
