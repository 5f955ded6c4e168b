/*
 * articles.c — splitting a document into its articles.
 *
 * Two passes over the lines of the page. The first sorts each line into a
 * kind (lines.c: blank, date line, byline, "Source:", "Link:" or URL,
 * standalone dateline, boilerplate, sub-heading, headline-like, body). The
 * second is a small state machine that groups lines into articles:
 *
 *   - An article opens with a header — any of headline, date line, byline,
 *     "Source:", dateline — in any order, then has body paragraphs.
 *   - A date line, a byline or a standalone dateline after body text opens
 *     the next article (a tag archive of dated wire stories). A date line
 *     just below a headline and at most one short lead paragraph still
 *     belongs to that headline (digest pages put the date after the lead).
 *   - "Source: X" / "Link: URL" right below a headline belong to that post;
 *     after body text they close the article above them.
 *   - A headline-like line inside body text opens a new article only if
 *     something marks a boundary: the article above was closed, two or more
 *     blank lines or boilerplate come before it, or header material
 *     (date, byline, Source:, URL, another headline) follows it. Otherwise
 *     it is a sub-heading of the running article.
 *   - A headline-like line below a date line that is itself below (a blank
 *     line under) an earlier headline, with the story directly under it,
 *     is the story's headline: the earlier one was a section heading
 *     ("Syria round-up for Monday" above "12 June" above the story).
 *   - A line holding only a form feed (the HTML reader puts one between
 *     separate <article> elements) always ends the article.
 *   - Boilerplate lines belong to no article; article spans end before
 *     them. At the very top of a page, lines that name the page ("Stories
 *     tagged …", a masthead in capitals) count as boilerplate. So they do
 *     right after boilerplate further down, where they mark the start of
 *     the next page of a file that holds several (saved pages joined
 *     into one file, each with its masthead under the last one's footer).
 *   - A second date line in a header, after a blank line and above a
 *     headline, dates that headline's story: the block above it was a
 *     header of its own ("Monday, 17 April 2017" under a digest's title,
 *     then "16 April, 2017" above its first story).
 * A page header (the first block of a page, with no body: the digest's
 * date and title) is not an article; its date is inherited by undated
 * articles of that page. An article with neither a sentence nor a
 * headline is dropped.
 *
 * Lines end at "\n", "\r\n" or a lone "\r": text documents keep their
 * input's bytes so that offsets are the file's.
 *
 * JSON Lines documents are one article each, dated by a date at the start
 * of their text when there is one, else by their "published" field.
 *
 * Everything is linear in the size of the text: each line is classified
 * once, with work bounded per line, and the look-ahead for a headline
 * stops at the first non-blank line.
 */
#include "text_lines.h"

#include <string.h>

const char *date_source_name(DateSource s)
{
    switch (s) {
    case DATE_SOURCE_LINE:
        return "line";
    case DATE_SOURCE_DATELINE:
        return "dateline";
    case DATE_SOURCE_DIGEST:
        return "digest";
    case DATE_SOURCE_PUBLISHED:
        return "published";
    case DATE_SOURCE_TEXT:
        return "text";
    case DATE_SOURCE_NONE:
        break;
    }
    return NULL;
}

/* ---- lines ------------------------------------------------------------- */

typedef enum LineKind {
    LINE_BLANK,
    LINE_BREAK, /* only a form feed: a hard article boundary */
    LINE_BOILER,
    LINE_DATE, /* a date alone, or "Outlet, June 10, 2017" */
    LINE_BYLINE,
    LINE_SOURCE,   /* "Source: X" */
    LINE_LINK,     /* "Link: URL" or a bare URL */
    LINE_DATELINE, /* "Ain Issa, Syria (AFP)" alone on its line */
    LINE_SUBHEAD,  /* "– Mass grave found –" */
    LINE_SHORT,    /* headline-like */
    LINE_TEXT,
} LineKind;

typedef struct Line {
    size_t start, end; /* trimmed content */
    int blanks_before; /* blank lines directly above */
    LineKind kind;
    bool short_period; /* LINE_TEXT that is short and ends with a period */
    Date date;         /* LINE_DATE */
    /* The first date in the line (text_find_date), kept from classify()
     * for set_title(): a headline is read for its date once. */
    bool date_looked; /* then found_len (0: none), found, found_at are set */
    size_t found_len, found_at;
    Date found;
} Line;

/* text_find_date() of the whole line s[0..n) that ln describes, found
 * once and kept in ln. */
static size_t line_find_date(const char *s, size_t n, Line *ln, Date *out, size_t *at)
{
    if (!ln->date_looked) {
        ln->found_len = text_find_date(s, n, false, &ln->found, &ln->found_at);
        ln->date_looked = true;
    }
    *out = ln->found;
    *at = ln->found_at;
    return ln->found_len;
}

/* "Global Research, June 10, 2017", "[South Front](#) 9 June 2017": a short
 * label, then a date that ends the line. */
static bool parse_labelled_date_line(const char *s, size_t n, Line *ln, Date *out)
{
    if (n > 80)
        return false;
    Date d;
    size_t at;
    size_t k = line_find_date(s, n, ln, &d, &at);
    if (!k || at == 0)
        return false;
    if (!parse_date_line(s + at, n - at, &d))
        return false;
    /* What precedes must read as a label: "Outlet," / "[Outlet](#)" /
     * "Posted on". A headline "News from Syria - 06/12/2017" is not. */
    size_t p = at;
    while (p > 0 && s[p - 1] == ' ')
        p--;
    if (p == 0)
        return false;
    char c = s[p - 1];
    if (c != ',' && c != ')' && c != ']' && c != '|' && c != '*' && text_date_label_len(s, n) != at)
        return false;
    *out = d;
    return true;
}

/* "Posted 5 April 2017 in Idlib", "Posted on March 3, 2017 by Desk",
 * "Published 12 June 2017 | 11:40", "Updated 5 April 2017, 14:02": a
 * publication label, a date, and a short tail (place, author, time) that
 * is not a sentence. */
static bool parse_posted_date_line(const char *s, size_t n, Date *out)
{
    if (n > 100)
        return false;
    size_t label = text_date_label_len(s, n);
    if (!label)
        return false;
    Date d;
    size_t k = parse_leading_date(s + label, n - label, &d);
    if (!k)
        return false;
    size_t i = label + k;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n) {
        const char *t = s + i;
        size_t tn = n - i;
        if (!(text_starts_with_ci(t, tn, "in ") || text_starts_with_ci(t, tn, "by ") ||
              text_starts_with_ci(t, tn, "at ") || t[0] == ',' || t[0] == '|' || t[0] == '-' ||
              t[0] == '(' || (unsigned char)t[0] == 0xE2 /* – — • */))
            return false;
        if (tn > 60)
            return false;
        for (size_t j = 0; j + 1 < tn; j++)
            if ((t[j] == '.' || t[j] == '!' || t[j] == '?') && t[j + 1] == ' ')
                return false; /* a sentence runs on */
    }
    *out = d;
    return true;
}

/* A line of nothing but form feeds (and vertical tabs). */
static bool is_break_line(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '\f' && s[i] != '\v')
            return false;
    return true;
}

static void classify(const char *text, Line *ln, const BoilerIndex *ix, Arena *arena)
{
    const char *s = text + ln->start;
    size_t n = ln->end - ln->start;
    ln->short_period = false;
    ln->date_looked = false;
    if (n == 0) {
        ln->kind = LINE_BLANK;
        return;
    }
    if (is_break_line(s, n)) {
        ln->kind = LINE_BREAK;
        return;
    }
    if (text_source_label_len(s, n) && n <= 120) {
        ln->kind = LINE_SOURCE;
        return;
    }
    if ((text_link_label_len(s, n) && n <= 400) || (line_is_url(s, n) && n <= 400)) {
        ln->kind = LINE_LINK;
        return;
    }
    if (line_is_boilerplate(ix, s, n)) {
        ln->kind = LINE_BOILER;
        return;
    }
    if ((n <= 80 &&
         (parse_date_line(s, n, &ln->date) || parse_labelled_date_line(s, n, ln, &ln->date))) ||
        parse_posted_date_line(s, n, &ln->date)) {
        ln->kind = LINE_DATE;
        return;
    }
    if (line_is_byline(s, n)) {
        ln->kind = LINE_BYLINE;
        return;
    }
    Dateline dl;
    if (n <= 80 && text_parse_dateline(s, n, true, arena, &dl)) {
        ln->kind = LINE_DATELINE;
        return;
    }
    if (line_is_subhead(s, n)) {
        ln->kind = LINE_SUBHEAD;
        return;
    }
    bool period;
    if (line_is_short(s, n, &period)) {
        ln->kind = period ? LINE_TEXT : LINE_SHORT;
        ln->short_period = period;
        return;
    }
    ln->kind = LINE_TEXT;
}

static size_t count_byte(const char *text, size_t len, char c)
{
    size_t n = 0;
    for (const char *p = text; (p = memchr(p, c, len - (size_t)(p - text))); p++)
        n++;
    return n;
}

/* Where the line starting at pos ends: at the next "\n", "\r\n" or lone
 * "\r" (has_cr: the text has CR bytes at all; most texts have none and
 * take the memchr path). Sets *next to the start of the following line,
 * or past len if this is the last one. */
static size_t line_end(const char *text, size_t len, size_t pos, bool has_cr, size_t *next)
{
    size_t i;
    if (!has_cr) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        i = nl ? (size_t)(nl - text) : len;
    } else {
        i = pos;
        while (i < len && text[i] != '\n' && text[i] != '\r')
            i++;
    }
    if (i >= len) {
        *next = len + 1;
        return len;
    }
    *next = i + 1 + (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n');
    return i;
}

/* Cuts the text into lines (trimmed) and classifies them. */
static Line *scan_lines(const char *text, size_t len, Arena *arena, int *count)
{
    size_t crs = count_byte(text, len, '\r');
    size_t nlines = 1 + count_byte(text, len, '\n') + crs;
    /* Not zeroed: every field a line's kind uses is set by classify(). */
    Line *lines = arena_alloc_uninit(arena, nlines * sizeof *lines);
    BoilerIndex ix;
    boiler_index_init(&ix);
    int n = 0, blanks = 0;
    size_t pos = 0;
    while (pos <= len) {
        size_t after;
        size_t e = line_end(text, len, pos, crs > 0, &after);
        size_t a = pos, b = e, k;
        while (a < b && (k = hspace_len(text + a, b - a)))
            a += k;
        while (b > a && (k = hspace_len_back(text + a, b - a)))
            b -= k;
        Line *ln = &lines[n];
        ln->start = a, ln->end = b;
        ln->blanks_before = blanks;
        classify(text, ln, &ix, arena);
        if (ln->kind == LINE_BLANK) {
            blanks++;
        } else {
            blanks = 0;
            n++;
        }
        pos = after;
    }
    *count = n; /* blank lines are only counted, not kept */
    return lines;
}

/* ---- the article under construction ------------------------------------ */

typedef enum OutletRank {
    OUTLET_NONE,
    OUTLET_DOCUMENT,
    OUTLET_BYLINE,
    OUTLET_NAME_LINE,
    OUTLET_DATELINE,
    OUTLET_SOURCE,
} OutletRank;

typedef struct Builder {
    const Document *doc;
    Arena *arena;
    /* finished articles */
    Article *items;
    int count, cap;
    /* page context */
    Date page_date;  /* the digest's date, from a page header */
    bool page_start; /* a page has begun (the top, or a page title
                        below furniture) and its first block is not
                        judged yet: without body, it is the header */
    /* the open article */
    bool open;
    size_t start, last_end;
    const char *title;
    Date date, title_date;
    DateSource date_source;
    const char *place;
    int dl_month, dl_day;
    const char *outlet;
    OutletRank outlet_rank;
    const char **links;
    int link_count, link_cap;
    Span *sentences;
    int sentence_count, sentence_cap;
    bool seen_body, closed;
    bool dated_below_title; /* a date line, a blank line under the title */
    size_t dated_start;     /* where that date line starts */
    int paragraphs;
    size_t body_bytes;
    bool run_open; /* a stretch of body lines waiting to be cut */
    size_t run_start, run_end;
} Builder;

static void set_outlet(Builder *b, const char *outlet, OutletRank rank)
{
    if (outlet && *outlet && rank > b->outlet_rank) {
        b->outlet = outlet;
        b->outlet_rank = rank;
    }
}

static void add_link(Builder *b, const char *s, size_t n)
{
    if (n == 0)
        return;
    for (int i = 0; i < b->link_count; i++)
        if (strlen(b->links[i]) == n && memcmp(b->links[i], s, n) == 0)
            return;
    if (b->link_count >= b->link_cap) {
        int ncap = b->link_cap ? b->link_cap * 2 : 4;
        b->links =
            arena_grow(b->arena, b->links, (size_t)b->link_count, (size_t)ncap, sizeof *b->links);
        b->link_cap = ncap;
    }
    b->links[b->link_count++] = arena_strndup(b->arena, s, n);
}

/* URLs written out in a line of text ("http://…", "https://…"), found
 * from their "://": colons are rare in prose, the letter h is not. A
 * colon can end the scheme of only one URL ("http" before it, or
 * "https"), and later URLs have later colons, so the first colon with a
 * scheme that starts at or after `from` gives the next URL. */
static void collect_urls(Builder *b, const char *s, size_t n)
{
    const char *end = s + n;
    const char *from = s; /* where the next URL may start */
    const char *c = s;
    while ((c = memchr(c, ':', (size_t)(end - c))) != NULL) {
        const char *u = NULL;
        if (c - from >= 4 && text_starts_with_ci(c - 4, (size_t)(end - c + 4), "http://"))
            u = c - 4;
        else if (c - from >= 5 && text_starts_with_ci(c - 5, (size_t)(end - c + 5), "https://"))
            u = c - 5;
        if (!u) {
            c++;
            continue;
        }
        size_t k = text_url_length(u, (size_t)(end - u));
        add_link(b, u, k);
        from = c = u + (k ? k : 1);
    }
}

static void flush_run(Builder *b)
{
    if (!b->run_open)
        return;
    split_sentences(b->doc->text, (Span){b->run_start, b->run_end}, b->arena, &b->sentences,
                    &b->sentence_count, &b->sentence_cap);
    b->run_open = false;
}

static void open_article(Builder *b, size_t start)
{
    b->open = true;
    b->start = start;
    b->last_end = start;
    b->title = NULL;
    b->date = b->title_date = (Date){0, 0, 0};
    b->date_source = DATE_SOURCE_NONE;
    b->place = NULL;
    b->dl_month = b->dl_day = 0;
    b->outlet = NULL;
    b->outlet_rank = OUTLET_NONE;
    b->links = NULL;
    b->link_count = b->link_cap = 0;
    b->sentences = NULL;
    b->sentence_count = b->sentence_cap = 0;
    b->seen_body = b->closed = false;
    b->dated_below_title = false;
    b->dated_start = start;
    b->paragraphs = 0;
    b->body_bytes = 0;
    b->run_open = false;
}

/* The year a dateline's "March 3" most likely has, given a reference date:
 * the same year, unless that would put it well after the reference. */
static Date complete_month_day(int month, int day, Date ref)
{
    Date d = {ref.year, (int8_t)month, (int8_t)day};
    if (ref.month && month > ref.month + 1)
        d.year--;
    if (!date_valid(d))
        return (Date){0, 0, 0};
    return d;
}

static void close_article(Builder *b)
{
    if (!b->open)
        return;
    flush_run(b);
    b->open = false;
    bool empty = b->sentence_count == 0 && b->link_count == 0;
    if (b->page_start) {
        b->page_start = false;
        /* The first block of a page, without body: the page's header. */
        if (empty) {
            if (b->date.year)
                b->page_date = b->date;
            else if (b->title_date.year)
                b->page_date = b->title_date;
            return;
        }
    }
    if (b->sentence_count == 0 && !b->title)
        return; /* a stray date, byline or link with nothing to read */

    Article a;
    memset(&a, 0, sizeof a);
    a.span = (Span){b->start, b->last_end};
    a.title = b->title;
    a.dateline = b->place;
    a.outlet = b->outlet;
    a.links = b->links;
    a.link_count = b->link_count;
    a.sentences = b->sentences;
    a.sentence_count = b->sentence_count;

    Date context = b->page_date.year ? b->page_date : b->doc->published;
    if (b->date.year) {
        a.date = b->date;
        a.date_source = b->date_source;
    } else if (b->dl_month && context.year) {
        a.date = complete_month_day(b->dl_month, b->dl_day, context);
        a.date_source = a.date.year ? DATE_SOURCE_DATELINE : DATE_SOURCE_NONE;
    }
    if (!a.date.year && b->title_date.year) {
        a.date = b->title_date;
        a.date_source = DATE_SOURCE_LINE;
    }
    if (!a.date.year && b->page_date.year) {
        a.date = b->page_date;
        a.date_source = DATE_SOURCE_DIGEST;
    }
    if (!a.date.year && b->doc->published.year) {
        a.date = b->doc->published;
        a.date_source = DATE_SOURCE_PUBLISHED;
    }
    if (!a.outlet && b->doc->outlet)
        a.outlet = b->doc->outlet;

    if (b->count >= b->cap) {
        int ncap = b->cap ? b->cap * 2 : 8;
        b->items = arena_grow(b->arena, b->items, (size_t)b->count, (size_t)ncap, sizeof *b->items);
        b->cap = ncap;
    }
    a.index = b->count;
    b->items[b->count++] = a;
}

/* The article is still in its header: nothing but header lines yet, or a
 * headline with one short lead paragraph (digests put the date below it). */
static bool in_header(const Builder *b)
{
    if (!b->open || b->closed)
        return false;
    if (!b->seen_body)
        return true;
    return b->title && b->paragraphs <= 1 && b->body_bytes <= 400;
}

static void take_line(Builder *b, const Line *ln)
{
    if (ln->end > b->last_end)
        b->last_end = ln->end;
}

static void set_title(Builder *b, const Line *ln)
{
    const char *text = b->doc->text;
    b->title = arena_strndup(b->arena, text + ln->start, ln->end - ln->start);
    b->title_date = (Date){0, 0, 0};
    b->dated_below_title = false;
    /* "Syrian War Report – June 23, 2017: …" dates its report. A month
     * alone ("… – August 2016") is not taken: article dates are days. */
    size_t at;
    Date d;
    size_t k = ln->date_looked
                   ? ln->found_len
                   : text_find_date(text + ln->start, ln->end - ln->start, false, &d, &at);
    if (k)
        b->title_date = ln->date_looked ? ln->found : d;
    take_line(b, ln);
}

static void add_body(Builder *b, const Line *ln)
{
    const char *text = b->doc->text;
    size_t start = ln->start;
    if (!b->seen_body) {
        /* "BEIRUT (AP) — …": the dateline is metadata, not sentence. */
        Dateline dl;
        size_t k = text_parse_dateline(text + start, ln->end - start, false, b->arena, &dl);
        if (k && k < ln->end - start) {
            if (!b->place)
                b->place = dl.place;
            set_outlet(b, dl.outlet, OUTLET_DATELINE);
            if (dl.month) {
                b->dl_month = dl.month;
                b->dl_day = dl.day;
            }
            start += k;
        }
    }
    if (!b->seen_body || ln->blanks_before > 0 || !b->run_open)
        b->paragraphs++;
    b->seen_body = true;
    b->body_bytes += ln->end - ln->start;
    if (!b->run_open) {
        b->run_open = true;
        b->run_start = start;
    }
    b->run_end = ln->end;
    collect_urls(b, text + ln->start, ln->end - ln->start);
    take_line(b, ln);
}

/* The next line after i, if it is not cut off by two or more blank lines
 * (a strong separator ends the current block whatever comes next). */
static const Line *next_near(const Line *lines, int count, int i)
{
    if (i + 1 >= count || lines[i + 1].blanks_before >= 2)
        return NULL;
    return &lines[i + 1];
}

static bool is_header_kind(LineKind k)
{
    return k == LINE_DATE || k == LINE_BYLINE || k == LINE_SOURCE || k == LINE_LINK ||
           k == LINE_DATELINE;
}

/* Is the line after a headline candidate the start of its story: body
 * text, or the byline, dateline or attribution a story opens with? */
static bool story_follows(const Line *next)
{
    return next && (next->kind == LINE_TEXT || next->kind == LINE_BYLINE ||
                    next->kind == LINE_DATELINE || next->kind == LINE_SOURCE);
}

static void split_lines(Builder *b, const Line *lines, int count)
{
    const char *text = b->doc->text;
    bool separated = false;     /* boilerplate since the last body line */
    bool page_may_start = true; /* at the top, or right below furniture */
    for (int i = 0; i < count; i++) {
        const Line *ln = &lines[i];
        const char *s = text + ln->start;
        size_t n = ln->end - ln->start;
        const Line *next = next_near(lines, count, i);
        bool strong = ln->blanks_before >= 2 || separated;
        LineKind kind = ln->kind;

        /* The page's own name at its very top ("Desk — Stories tagged
         * "Syria"", "THE LEVANT LEDGER") is furniture, not a headline.
         * Below another page's footer it starts a new page: the article
         * above ended at the footer, and the new page's header (its
         * title and date, without body) dates its undated stories, not
         * the last page's. */
        if (page_may_start && (kind == LINE_SHORT || kind == LINE_TEXT || kind == LINE_SUBHEAD) &&
            line_is_page_title(s, n, next && next->kind == LINE_TEXT)) {
            kind = LINE_BOILER;
            close_article(b);
            b->page_start = true;
            b->page_date = (Date){0, 0, 0};
        }
        page_may_start = kind == LINE_BOILER;

        switch (kind) {
        case LINE_BLANK:
            break;
        case LINE_BREAK:
            close_article(b);
            separated = false;
            break;
        case LINE_BOILER:
            flush_run(b);
            separated = true;
            break;
        case LINE_DATE: {
            /* Below a headline and a short lead, a date line is the
             * article's own (digests put it there), unless a headline
             * follows it: then it heads the next story. So does a second
             * date line after a blank line in a header that has its date
             * already: the block above was a header of its own. */
            bool heads_next = next && next->kind == LINE_SHORT &&
                              (b->seen_body || (b->date.year && ln->blanks_before > 0));
            if (in_header(b) && !heads_next) {
                if (!b->date.year) {
                    b->date = ln->date;
                    b->date_source = DATE_SOURCE_LINE;
                }
                /* "Section heading" / blank / "12 June" / story headline:
                 * remember where the story's own header starts. */
                if (b->title && !b->seen_body && !b->dated_below_title && ln->blanks_before > 0) {
                    b->dated_below_title = true;
                    b->dated_start = ln->start;
                }
                flush_run(b);
            } else {
                close_article(b);
                open_article(b, ln->start);
                b->date = ln->date;
                b->date_source = DATE_SOURCE_LINE;
            }
            take_line(b, ln);
            break;
        }
        case LINE_BYLINE:
        case LINE_DATELINE:
            if (!(b->open && !b->closed && !b->seen_body)) {
                close_article(b);
                open_article(b, ln->start);
            }
            if (ln->kind == LINE_BYLINE) {
                set_outlet(b, text_byline_name(b->arena, s, n), OUTLET_BYLINE);
            } else {
                Dateline dl;
                text_parse_dateline(s, n, true, b->arena, &dl);
                if (!b->place)
                    b->place = dl.place;
                set_outlet(b, dl.outlet, OUTLET_DATELINE);
            }
            take_line(b, ln);
            break;
        case LINE_SOURCE: {
            if (!b->open) {
                open_article(b, ln->start);
            } else if (b->seen_body) {
                flush_run(b);
                b->closed = true;
            }
            size_t k = text_source_label_len(s, n);
            const char *name = text_clean_name(b->arena, s + k, n - k);
            if (name && (!strncmp(name, "http", 4) || !strncmp(name, "www.", 4))) {
                add_link(b, name, text_url_length(name, strlen(name)));
            } else {
                set_outlet(b, name, OUTLET_SOURCE);
            }
            take_line(b, ln);
            break;
        }
        case LINE_LINK: {
            if (!b->open)
                open_article(b, ln->start);
            else if (b->seen_body) {
                flush_run(b);
                b->closed = true;
            }
            size_t k = text_link_label_len(s, n);
            size_t sp;
            while (k < n && ((sp = hspace_len(s + k, n - k)) || s[k] == '<'))
                k += sp ? sp : 1;
            /* "[text](http://…)" keeps the target */
            const char *u = s + k;
            size_t un = n - k;
            const char *paren = memchr(u, '(', un);
            if (u[0] == '[' && paren)
                un -= (size_t)(paren + 1 - u), u = paren + 1;
            add_link(b, u, text_url_length(u, un));
            take_line(b, ln);
            break;
        }
        case LINE_SHORT: {
            /* Several headline-like lines above one story: the one right
             * above the story (below its date line) is its headline; the
             * one above the date was a section heading, left out. */
            if (b->open && !b->closed && !b->seen_body && b->dated_below_title &&
                ln->blanks_before < 2 && story_follows(next)) {
                b->start = b->dated_start;
                set_title(b, ln);
                break;
            }
            bool starts;
            if (!b->open || b->closed)
                starts = true;
            else if (!b->seen_body)
                starts = b->title != NULL && ln->blanks_before > 0;
            else
                starts =
                    strong || (next && (is_header_kind(next->kind) || next->kind == LINE_SHORT));
            if (b->open && !b->seen_body && !b->closed && b->title && ln->blanks_before < 2) {
                /* Under a headline: an outlet's name ("Al Masdar News"), or
                 * directly below it a deck that leads the body. */
                if (line_is_name(s, n) && b->outlet_rank < OUTLET_NAME_LINE) {
                    set_outlet(b, text_clean_name(b->arena, s, n), OUTLET_NAME_LINE);
                    take_line(b, ln);
                    break;
                }
                if (ln->blanks_before == 0) {
                    add_body(b, ln);
                    break;
                }
            }
            if (starts) {
                close_article(b);
                open_article(b, ln->start);
                set_title(b, ln);
            } else if (b->open && !b->seen_body && !b->title) {
                set_title(b, ln); /* a headline below the date line */
            } else {
                add_body(b, ln); /* a sub-heading */
            }
            break;
        }
        case LINE_SUBHEAD:
        case LINE_TEXT: {
            /* A short line ending in a period is still a headline when
             * header material follows it at an article boundary. */
            if (ln->short_period && next &&
                (next->kind == LINE_SOURCE || next->kind == LINE_BYLINE) &&
                (!b->open || b->closed || strong)) {
                close_article(b);
                open_article(b, ln->start);
                set_title(b, ln);
                break;
            }
            if (!b->open || b->closed) {
                close_article(b);
                open_article(b, ln->start);
            }
            add_body(b, ln);
            break;
        }
        }
        if (kind == LINE_TEXT || kind == LINE_SUBHEAD || kind == LINE_SHORT || kind == LINE_DATE)
            separated = false;
    }
    close_article(b);
}

/* ---- JSON Lines documents ---------------------------------------------- */

/* Skips a clock time and zone after a leading date: "21:09", "at 2354",
 * "2037 UTC+3", "|". */
static size_t skip_time_after_date(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (s[j] == ' ' || s[j] == ',' || s[j] == '|'))
        j++;
    size_t k = j;
    if (text_starts_with_ci(s + k, n - k, "at "))
        k += 3;
    size_t d = k;
    while (d < n && is_ascii_digit(s[d]))
        d++;
    bool colon = d < n && s[d] == ':' && d - k <= 2;
    if (colon) {
        d++;
        while (d < n && is_ascii_digit(s[d]))
            d++;
    }
    if (d > k && (colon || (d - k == 4 && k > j))) {
        while (d < n && s[d] == ' ')
            d++;
        if (text_starts_with_ci(s + d, n - d, "utc") || text_starts_with_ci(s + d, n - d, "gmt")) {
            d += 3;
            while (d < n && !is_ascii_space(s[d]))
                d++;
        }
        return d;
    }
    return i;
}

/* Is the date found at s[at..at+k) a "header" date by its form: led by a
 * weekday ("Thursday 1 Aug 2013") or all digits ("18.05.2017")? Such
 * dates are how pages stamp themselves; a bare "15 March 2011" in a first
 * sentence is more often background. */
static bool header_date_form(const char *s, size_t k)
{
    if (k == 0)
        return false;
    if (is_ascii_digit(s[0])) {
        for (size_t i = 0; i < k; i++)
            if (is_ascii_alpha(s[i]))
                return false;
        return true;
    }
    Date d;
    /* A weekday first: the date proper does not parse without it. */
    size_t w = 0;
    while (w < k && is_ascii_alpha(s[w]))
        w++;
    return text_month_from_word(s, w) == 0 && parse_leading_date(s, k, &d);
}

/* A date in the first words of a document's text: at the very start
 * (after a label such as "Published"); right after the title the text
 * repeats ("Title AFP Friday 1 Jul 2016 …"); or, in the header run before
 * the first full stop, in a weekday-led or numeric form ("… Monitor Reuters
 * Tuesday 6 May 2014 About 30 …"). Sets *body to where the sentences
 * start: after a leading date, else at the start (the words before a later
 * date are the headline and lead, which stay). */
static bool text_date(const Document *doc, Date *out, size_t *body)
{
    const char *s = doc->text;
    size_t n = doc->len, i = 0;
    while (i < n && is_ascii_space(s[i]))
        i++;
    size_t label = text_date_label_len(s + i, n - i);
    size_t k = parse_leading_date(s + i + label, n - i - label, out);
    *body = i;
    if (k) {
        *body = skip_time_after_date(s, n, i + label + k);
        return true;
    }
    size_t at;
    if (doc->title) {
        size_t tl = strlen(doc->title);
        if (tl > 10 && tl <= n - i && strncmp(s + i, doc->title, tl) == 0) {
            size_t from = i + tl;
            size_t window = n - from < 48 ? n - from : 48;
            if (text_find_date(s + from, window, false, out, &at))
                return true;
        }
    }
    /* The header run: up to the first ". " within the first bytes. */
    size_t limit = n - i < 320 ? n - i : 320;
    for (size_t j = i; j + 1 < i + limit; j++)
        if (s[j] == '.' && s[j + 1] == ' ') {
            limit = j - i;
            break;
        }
    size_t from = i;
    while (from < i + limit) {
        Date d;
        k = text_find_date(s + from, i + limit - from, false, &d, &at);
        if (!k)
            break;
        if (header_date_form(s + from + at, k)) {
            *out = d;
            return true;
        }
        from += at + 1;
    }
    return false;
}

static ArticleList split_single(const Document *doc)
{
    Arena *arena = doc->arena;
    Article *a = arena_alloc(arena, sizeof *a);
    a->index = 0;
    size_t s = 0, e = doc->len;
    while (s < e && is_ascii_space(doc->text[s]))
        s++;
    while (e > s && is_ascii_space(doc->text[e - 1]))
        e--;
    a->span = (Span){s, e};
    a->title = doc->title;
    a->outlet = doc->outlet;
    Date d;
    size_t body = 0;
    if (text_date(doc, &d, &body)) {
        a->date = d;
        a->date_source = DATE_SOURCE_TEXT;
    } else if (doc->published.year) {
        a->date = doc->published;
        a->date_source = DATE_SOURCE_PUBLISHED;
    }
    if (body < s)
        body = s;
    while (body < e && is_ascii_space(doc->text[body]))
        body++;
    if (body > s && body < e) {
        /* A dateline right after the leading date: "BEIRUT (AP) — ",
         * "DAMASCUS – ", or the capitals of "BEIRUT At least …". */
        Dateline dl;
        size_t k = text_parse_dateline(doc->text + body, e - body, false, arena, &dl);
        if (k) {
            a->dateline = dl.place;
            if (dl.outlet && !a->outlet)
                a->outlet = dl.outlet;
        } else {
            const char *place;
            k = text_parse_caps_dateline(doc->text + body, e - body, arena, &place);
            if (k)
                a->dateline = place;
        }
        body += k;
    }
    int cap = 0;
    if (body < e)
        split_sentences(doc->text, (Span){body, e}, arena, &a->sentences, &a->sentence_count, &cap);
    if (doc->url) {
        a->links = arena_alloc(arena, sizeof *a->links);
        a->links[0] = doc->url;
        a->link_count = 1;
    }
    return (ArticleList){a, 1};
}

/* Three or more headlines in a row with nothing under them are a list of
 * links to other pages (a "most read" box, a menu), not stories here: they
 * are dropped. One or two stay (a digest may list a story by its title). */
static bool title_only(const Article *a)
{
    return a->sentence_count == 0 && a->link_count == 0;
}

static void drop_headline_lists(Builder *b)
{
    int out = 0;
    for (int i = 0; i < b->count;) {
        int j = i;
        while (j < b->count && title_only(&b->items[j]))
            j++;
        if (j - i >= 3) {
            i = j;
            continue;
        }
        if (j == i)
            j = i + 1;
        for (; i < j; i++) {
            b->items[out] = b->items[i];
            b->items[out].index = out;
            out++;
        }
    }
    b->count = out;
}

/* ---- entry point ------------------------------------------------------- */

ArticleList split_articles(const Document *doc, Diagnostics *diag)
{
    (void)diag; /* nothing here is an input error: odd pages still split */
    if (!doc->text || doc->len == 0)
        return (ArticleList){NULL, 0};
    if (doc->format == FORMAT_JSONL)
        return split_single(doc);

    Builder b;
    memset(&b, 0, sizeof b);
    b.doc = doc;
    b.arena = doc->arena;
    b.page_start = true;
    int count;
    Line *lines = scan_lines(doc->text, doc->len, doc->arena, &count);
    split_lines(&b, lines, count);

    drop_headline_lists(&b);
    /* A page with one article and no headline of its own takes the
     * document's title (HTML <title>). */
    if (b.count == 1 && !b.items[0].title && doc->title)
        b.items[0].title = doc->title;
    return (ArticleList){b.items, b.count};
}
