/*
 * text.h — from a document's text to its articles and sentences.
 *
 * One page may hold many articles (a tag archive of wire stories, a daily
 * digest, a blog of posts). split_articles() finds them from their date
 * lines, headlines, datelines ("BEIRUT (AP) —"), bylines ("By South
 * Front") and attributions ("Source: X." / "Link: URL", which belong to the
 * article above them), drops boilerplate (donation appeals, disclaimers,
 * "Post a Comment", share links), and cuts each article's body into
 * sentences. All positions are byte offsets into Document.text.
 */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include "../core/core.h"
#include "../read/read.h"

typedef struct Span {
    size_t start, end; /* [start, end) */
} Span;

typedef enum DateSource {
    DATE_SOURCE_NONE,
    DATE_SOURCE_LINE,      /* a date line of its own above or in the article */
    DATE_SOURCE_DATELINE,  /* "DAMASCUS, March 3 (Reuters) -" */
    DATE_SOURCE_DIGEST,    /* inherited from the page's (digest's) date */
    DATE_SOURCE_PUBLISHED, /* the JSONL "published" field */
    DATE_SOURCE_TEXT,      /* a date at the start of the text ("Wed 05 Apr 2017 …") */
} DateSource;

const char *date_source_name(DateSource s); /* "line", …; NULL for NONE */

typedef struct Article {
    int index;         /* 0-based within the document */
    Span span;         /* the whole article, headline to last line */
    const char *title; /* headline, or NULL */
    Date date;         /* year 0 if unknown */
    DateSource date_source;
    const char *dateline; /* place of the dateline ("Damascus"), or NULL */
    const char *outlet;   /* from "Source:", a dateline's "(AP)", a byline, or the document */
    const char **links;   /* URLs from "Link:" lines and the article text */
    int link_count;
    Span *sentences; /* body sentences, in order; headline excluded */
    int sentence_count;
} Article;

typedef struct ArticleList {
    Article *items;
    int count;
} ArticleList;

/* Splits doc into articles, allocated in doc->arena. Never fails: a page
 * with no recognisable structure is one article. */
ArticleList split_articles(const Document *doc, Diagnostics *diag);

/* Cuts text[span) into sentences (abbreviations, initials, decimals,
 * quotes and headlines without a final period handled). Appends to *out,
 * growing it in arena. Returns the number added. */
int split_sentences(const char *text, Span span, Arena *arena, Span **out, int *count, int *cap);

/* Recognises a whole line that is only a date, in the forms reporting uses:
 * "2017-09-05", "March 03, 2017", "Nov 8, 2016", "Tuesday, 13 June 2017",
 * "12 June, 2017", "Wed 05 Apr 2017", "06/12/2017" (US order). */
bool parse_date_line(const char *s, size_t n, Date *out);

/* Finds a date at the very start of s ("Wed 05 Apr 2017 Syria attack …",
 * "12 February 2015 …", "May 24 2017 …"); returns its length or 0. */
size_t parse_leading_date(const char *s, size_t n, Date *out);

#endif
