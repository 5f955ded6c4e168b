/*
 * asides.c — the parts of a sentence that are not the story's prose: a
 * web page's tag list run into the first line of the body ("Tags Syria
 * Aleppo airstrikes At least 51 civilians were killed …") and photo
 * captions ("Men look for survivors after an airstrike … Syria August 6
 * 2016. (Reuters)"). Sentence splitting leaves both glued to real
 * sentences; here they are cut off so that a tag word ("airstrikes")
 * opens no event and a caption never stands for the article's lead.
 *
 * A caption is recognised by its form, not its words: it ends in a full
 * date written without a preposition ("… Idlib province Syria June 12
 * 2016"), where prose says "on June 12, 2016", optionally followed by a
 * photo credit in brackets; or it opens with "A picture taken on".
 */
#include "extract_internal.h"

#include <ctype.h>
#include <string.h>

static const char *tok_fold(const TokenList *t, int i)
{
    return t->folded + t->items[i].fold;
}

static bool tok_is(const TokenList *t, int i, const char *w)
{
    return i >= 0 && i < t->count && !strcmp(tok_fold(t, i), w);
}

static bool tok_cap(const TokenList *t, int i)
{
    return i >= 0 && i < t->count && t->items[i].kind == TOKEN_WORD &&
           (t->items[i].flags & (TOKEN_CAPITALISED | TOKEN_ALLCAPS));
}

static bool tok_char(const char *text, const TokenList *t, int i, char ch)
{
    return i >= 0 && i < t->count && t->items[i].kind == TOKEN_PUNCT &&
           text[t->items[i].start] == ch;
}

static bool month_word(const TokenList *t, int i)
{
    static const char *const months[] = {
        "january", "february", "march",    "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan",   "feb", "mar",  "apr",  "jun",    "jul",
        "aug",     "sep",      "sept",     "oct",   "nov", "dec",  NULL};
    if (i < 0 || i >= t->count || t->items[i].kind != TOKEN_WORD)
        return false;
    for (const char *const *m = months; *m; m++)
        if (tok_is(t, i, *m))
            return true;
    return false;
}

/* A number token of n digits at most (n = 0: any). */
static bool number_tok(const char *text, const TokenList *t, int i, size_t digits)
{
    if (i < 0 || i >= t->count || t->items[i].kind != TOKEN_NUMBER)
        return false;
    size_t n = t->items[i].end - t->items[i].start;
    for (size_t k = 0; k < n; k++)
        if (!isdigit((unsigned char)text[t->items[i].start + k]))
            return false;
    return digits == 0 || n <= digits;
}

static bool year_tok(const char *text, const TokenList *t, int i)
{
    return number_tok(text, t, i, 4) && t->items[i].end - t->items[i].start == 4;
}

/* Does a full date ("June 12 2016", "12 June 2016") end at token last
 * (inclusive)? Returns its first token, or -1. */
static int full_date_ending(const char *text, const TokenList *t, int last)
{
    int i = last;
    if (tok_char(text, t, i, '.'))
        i--;
    if (!year_tok(text, t, i))
        return -1;
    if (tok_char(text, t, i - 1, ','))
        i--;
    if (number_tok(text, t, i - 1, 2) && month_word(t, i - 2))
        return i - 2;
    if (month_word(t, i - 1) && number_tok(text, t, i - 2, 2))
        return i - 2;
    return -1;
}

/* A caption's date stands bare after a name ("Syria June 12 2016"); in
 * prose a preposition or a comma comes first. */
static bool bare_date(const TokenList *t, int first)
{
    static const char *const preps[] = {"on",   "in",    "of",        "since", "until",
                                        "from", "by",    "before",    "after", "to",
                                        "and",  "dated", "published", NULL};
    if (first <= 0 || !tok_cap(t, first - 1))
        return false;
    for (const char *const *p = preps; *p; p++)
        if (tok_is(t, first - 1, *p))
            return false;
    return true;
}

/* "(Reuters)", "(TRT World and Agencies)", "(Reuters Photo)" starting at
 * token i: returns the token after ")" or -1. */
static int credit_at(const char *text, const TokenList *t, int i)
{
    if (!tok_char(text, t, i, '('))
        return -1;
    int k = i + 1, words = 0;
    while (k < t->count && k <= i + 6 && t->items[k].kind == TOKEN_WORD) {
        if (!tok_cap(t, k) && !tok_is(t, k, "and"))
            return -1;
        words++;
        k++;
    }
    if (!words || !tok_char(text, t, k, ')'))
        return -1;
    return k + 1;
}

/* Where the prose starts after a tag list beginning at `tags`: the first
 * lower-case function word marks the sentence; back from it over the
 * lower-case words and figures of its subject ("at least 51 civilians"),
 * then over one capitalised run, which starts at its determiner if it has
 * one ("Palmyra The Islamic State group" starts at "The"). */
static int tags_end(const TokenList *t, int tags)
{
    static const char *const function_words[] = {
        "the",  "a",     "an",   "of",   "in",  "on",    "at",   "by",   "from", "to",
        "with", "was",   "were", "is",   "are", "has",   "have", "had",  "been", "said",
        "for",  "after", "as",   "will", "who", "which", "that", "when", NULL};
    int f = -1;
    for (int i = tags + 1; i < t->count && f < 0; i++) {
        if (t->items[i].kind != TOKEN_WORD || tok_cap(t, i))
            continue;
        for (const char *const *w = function_words; *w; w++)
            if (tok_is(t, i, *w)) {
                f = i;
                break;
            }
    }
    if (f < 0)
        return t->count; /* a tag list to the end: "Tags Daesh Syria Deir Ez-Zor" */
    int b = f;
    while (b - 1 > tags && !tok_cap(t, b - 1) && t->items[b - 1].kind != TOKEN_PUNCT)
        b--;
    int run_end = b;
    while (b - 1 > tags && (tok_cap(t, b - 1) || t->items[b - 1].kind == TOKEN_PUNCT) &&
           b > run_end - 4)
        b--;
    for (int k = b; k < run_end; k++)
        if (tok_is(t, k, "the") || tok_is(t, k, "a") || tok_is(t, k, "an"))
            return k;
    /* no determiner: the sentence starts at the last capital ("At least 51") */
    return run_end > tags + 1 && tok_cap(t, run_end - 1) ? run_end - 1 : run_end;
}

static Span part(const TokenList *t, int a, int b)
{
    return (Span){t->items[a].start, t->items[b - 1].end};
}

int split_asides(Ctx *c, Span span, Span *out, uint8_t *kinds)
{
    const char *text = c->doc->text;
    /* cheap test first: most sentences have neither */
    bool maybe = false;
    if (span.end > span.start + 4) {
        /* a "(" or a "Tags " that starts before the last four bytes */
        const char *p = text + span.start, *lim = text + span.end - 4;
        maybe = memchr(p, '(', (size_t)(lim - p)) != NULL;
        for (const char *q = p; !maybe && (q = memchr(q, 'T', (size_t)(lim - q))) != NULL; q++)
            maybe = !strncmp(q, "Tags ", 5);
    }
    size_t end = span.end;
    while (end > span.start && (text[end - 1] == '.' || isspace((unsigned char)text[end - 1])))
        end--;
    maybe |= end >= span.start + 4 && isdigit((unsigned char)text[end - 1]) &&
             isdigit((unsigned char)text[end - 4]); /* "… Syria June 12 2016." */
    maybe |= span.end - span.start > 16 && !strncmp(text + span.start, "A picture taken", 15);
    if (!maybe) {
        out[0] = span;
        kinds[0] = ASIDE_NONE;
        return 1;
    }
    TokenList t = tokenize(text, span, c->arena);
    if (t.count == 0) {
        out[0] = span;
        kinds[0] = ASIDE_NONE;
        return 1;
    }
    int n = 0, from = 0;
    for (int i = 0; i < t.count && n < MAX_SENTENCE_PARTS - 2; i++) {
        /* "… Syria June 6 2015 (Reuters) Two people were killed …" */
        int after = credit_at(text, &t, i);
        if (after > 0 && i > from) {
            int d = full_date_ending(text, &t, i - 1);
            if (d >= from + 5 && bare_date(&t, d)) {
                out[n] = part(&t, from, after);
                kinds[n++] = ASIDE_CAPTION;
                from = after;
                i = after - 1;
                continue;
            }
        }
        /* "Tags Syria Aleppo civilians airstrikes At least 51 civilians …" */
        if (t.items[i].kind == TOKEN_WORD && t.items[i].end - t.items[i].start == 4 &&
            !strncmp(text + t.items[i].start, "Tags", 4) && i + 1 < t.count && tok_cap(&t, i + 1)) {
            int e = tags_end(&t, i);
            if (i > from) {
                out[n] = part(&t, from, i);
                kinds[n++] = ASIDE_NONE;
            }
            out[n] = part(&t, i, e);
            kinds[n++] = ASIDE_TAGS;
            from = e;
            i = e - 1;
        }
    }
    if (from < t.count) {
        out[n] = part(&t, from, t.count);
        kinds[n] = ASIDE_NONE;
        /* a whole caption: "People inspect a site … Syria June 12 2016." or
         * "A picture taken on July 29 2016 shows …" */
        int d = full_date_ending(text, &t, t.count - 1);
        if ((d >= from + 5 && bare_date(&t, d)) ||
            (tok_is(&t, from, "a") && tok_is(&t, from + 1, "picture") &&
             tok_is(&t, from + 2, "taken")))
            kinds[n] = ASIDE_CAPTION;
        n++;
    }
    if (n == 0) {
        out[0] = span;
        kinds[0] = ASIDE_NONE;
        n = 1;
    }
    return n;
}
