/*
 * sentences.c — cutting a stretch of article text into sentences.
 *
 * One pass over the bytes. A line ends at "\n", "\r\n" or a lone "\r"
 * (text documents keep their input's line ends, so that offsets are the
 * file's). A sentence ends at
 *   - a blank line (always);
 *   - a line break, unless the line plainly runs on into the next (it has
 *     no final punctuation and the next line starts in lower case), so
 *     headlines and paragraphs without a final period end where they end;
 *   - '.', '!', '?' or '…' (plus any closing quotes and brackets) followed
 *     by white space, unless the word before the period is an
 *     abbreviation or an initial, or the next word starts in lower case.
 * Decimals and thousands ("1.5", "2,500") never qualify because the
 * period is not followed by white space.
 */
#include "text_internal.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Word lists by length: entry n holds the words of n letters, one space
 * between each, so that a word is compared only with words of its own
 * length (a period is followed by this lookup at almost every sentence
 * end, and most words there are in no list). Lower case. */
enum { LIST_MAX = 10 };
typedef const char *const WordsByLength[LIST_MAX];

/* Abbreviations that (almost) never end a sentence: titles and ranks that
 * stand before a name, month abbreviations before a day, "No." before a
 * number, "vs.". Without the final period. */
static WordsByLength never_final = {
    [2] = "mr ms dr lt st mt ft no vs cf",
    [3] = "mrs gen col maj cpt sgt cpl pvt adm gov sen rep rev nos jan feb mar apr jun jul aug sep "
          "oct nov dec est fig hon",
    [4] = "prof capt brig cmdr sept dept pres",
    [6] = "approx messrs sheikh",
};

/* Words that open sentences: after an ambiguous abbreviation ("U.S.",
 * "a.m.", "etc.") one of these means the sentence did end there. */
static WordsByLength sentence_openers = {
    [1] = "a i",
    [2] = "an it he we in on at if as no",
    [3] = "the she but and his her its our",
    [4] = "they this that when some many more most both",
    [5] = "these those there later their after while since other",
    [6] = "before",
    [7] = "however earlier",
    [9] = "meanwhile according",
};

static bool in_list(WordsByLength list, const char *w, size_t n)
{
    if (n == 0 || n >= LIST_MAX || !list[n])
        return false;
    char buf[LIST_MAX];
    for (size_t i = 0; i < n; i++)
        buf[i] = ascii_lower(w[i]);
    /* The first letter rules out most entries without comparing more. */
    for (const char *e = list[n];; e += n + 1) {
        if (e[0] == buf[0] && memcmp(e, buf, n) == 0)
            return true;
        if (e[n] == '\0')
            return false;
    }
}

/* Closing quotes and brackets that may follow final punctuation. */
static size_t closer_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '*')
        return 1;
    /* ” U+201D, ’ U+2019, » U+00BB */
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9D || (unsigned char)s[i + 2] == 0x99))
        return 3;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xBB)
        return 2;
    return 0;
}

/* Is the byte at i the start of "…" (U+2026)? */
static bool is_ellipsis(const char *s, size_t i, size_t end)
{
    return i + 2 < end && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
           (unsigned char)s[i + 2] == 0xA6;
}

/* Opening quotes and brackets that may precede a sentence's first word. */
static size_t opener_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '*')
        return 1;
    /* “ U+201C, ‘ U+2018 */
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98))
        return 3;
    return 0;
}

/* Decides whether a period at text[dot] ends the sentence, given where the
 * next word starts (next, or end if none). */
static bool period_ends(const char *text, size_t from, size_t dot, size_t next, size_t end)
{
    /* The word before the period: letters and inner periods ("U.S", "a.m"). */
    size_t w = dot;
    while (w > from && (is_ascii_alpha(text[w - 1]) || text[w - 1] == '.'))
        w--;
    size_t wn = dot - w;
    bool has_inner_dot = memchr(text + w, '.', wn) != NULL;
    size_t letters = 0;
    for (size_t i = w; i < dot; i++)
        letters += is_ascii_alpha(text[i]);

    if (next >= end)
        return true;
    /* Skip an opening quote to look at the next word itself. */
    size_t k = next;
    size_t q = opener_len(text, k, end);
    if (q)
        k += q;
    char c = k < end ? text[k] : ' ';
    size_t nw = 0;
    while (k + nw < end && is_ascii_alpha(text[k + nw]))
        nw++;

    /* A sentence never starts in lower case ("etc. and", "vs. the"). */
    if (is_ascii_lower(c))
        return false;
    if (wn == 0)
        return true; /* "2013." or "...)." */
    /* An initial: "John F. Kennedy". */
    if (wn == 1 && is_ascii_upper(text[w]))
        return false;
    /* "No. 5" but "he said no. Then …" */
    if (wn <= 3 && text_starts_with_ci(text + w, wn, "no") && !is_ascii_digit(c))
        return true;
    if (!has_inner_dot && in_list(never_final, text + w, wn))
        return false;
    /* "U.S.", "U.N.", "a.m.", "e.g.", "etc.": ambiguous; the sentence ended
     * only if the next word is one that opens sentences. */
    bool ambiguous = has_inner_dot || (letters == 3 && text_starts_with_ci(text + w, wn, "etc"));
    if (ambiguous) {
        if (is_ascii_digit(c))
            return false;
        return in_list(sentence_openers, text + k, nw);
    }
    return true;
}

static void push_span(Arena *arena, Span **out, int *count, int *cap, const char *text, size_t s,
                      size_t e)
{
    size_t k;
    while (s < e && ((k = hspace_len(text + s, e - s)) || text[s] == '\n' || text[s] == '\r'))
        s += k ? k : 1;
    while (e > s && ((k = hspace_len_back(text + s, e - s)) || text[e - 1] == '\n'))
        e -= k ? k : 1;
    if (s >= e)
        return;
    if (*count >= *cap) {
        int ncap = *cap ? *cap * 2 : 16;
        *out = arena_grow(arena, *out, (size_t)*count, (size_t)ncap, sizeof **out);
        *cap = ncap;
    }
    (*out)[(*count)++] = (Span){s, e};
}

/* Does the line that ends at the line break at nl run on into the next
 * line, which starts at `next`? */
static bool line_runs_on(const char *text, size_t from, size_t nl, size_t next, size_t end)
{
    size_t e = nl;
    while (e > from && (text[e - 1] == ' ' || text[e - 1] == '\t'))
        e--;
    if (e == from)
        return false;
    char last = text[e - 1];
    if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' ||
        (unsigned char)last >= 0x80)
        return false;
    size_t k = next;
    while (k < end && (text[k] == ' ' || text[k] == '\t'))
        k++;
    return k < end && is_ascii_lower(text[k]);
}

/* The first byte at or after i that may end a sentence: a line break,
 * . ! ? or the lead byte of "…" (0xE2); end if none. Text is mostly other
 * bytes, so they are skipped 16 at a time where SSE2 is there. */
static size_t next_stop(const char *text, size_t i, size_t end)
{
    static const bool stop[256] = {
        ['\n'] = true, ['\r'] = true, ['.'] = true, ['!'] = true, ['?'] = true, [0xE2] = true};
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), dot = _mm_set1_epi8('.'),
                  bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?'),
                  lead = _mm_set1_epi8((char)0xE2);
    while (end - i >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, nl), _mm_cmpeq_epi8(x, cr)),
                         _mm_or_si128(_mm_cmpeq_epi8(x, dot), _mm_cmpeq_epi8(x, bang))),
            _mm_or_si128(_mm_cmpeq_epi8(x, ask), _mm_cmpeq_epi8(x, lead)));
        unsigned mask = (unsigned)_mm_movemask_epi8(hit);
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#endif
    while (i < end && !stop[(unsigned char)text[i]])
        i++;
    return i;
}

int split_sentences(const char *text, Span span, Arena *arena, Span **out, int *count, int *cap)
{
    int before = *count;
    size_t end = span.end, start = span.start, i = span.start;
    while (i < end) {
        i = next_stop(text, i, end);
        if (i >= end)
            break;
        char c = text[i];
        if (c == '\n' || c == '\r') {
            /* Blank line, or a line that does not run on: sentence ends. */
            size_t brk = (c == '\r' && i + 1 < end && text[i + 1] == '\n') ? 2 : 1;
            size_t k = i + brk;
            while (k < end && (text[k] == ' ' || text[k] == '\t'))
                k++;
            bool blank_next = k >= end || text[k] == '\n' || text[k] == '\r';
            if (blank_next || !line_runs_on(text, start, i, i + brk, end)) {
                push_span(arena, out, count, cap, text, start, i);
                start = i + brk;
            }
            i += brk;
            continue;
        }
        size_t mark = 0; /* length of the final punctuation at i */
        bool is_period = false;
        if (c == '.' || c == '!' || c == '?') {
            mark = 1;
            is_period = c == '.';
            while (i + mark < end &&
                   (text[i + mark] == '.' || text[i + mark] == '!' || text[i + mark] == '?'))
                mark++;
            if (mark > 1)
                is_period = false; /* "..." or "?!" */
        } else if (is_ellipsis(text, i, end)) {
            mark = 3;
        }
        if (!mark) {
            i++;
            continue;
        }
        size_t j = i + mark, q;
        while (j < end && (q = closer_len(text, j, end)) != 0)
            j += q;
        if (j < end && !is_ascii_space(text[j]) && !hspace_len(text + j, end - j)) {
            i = j > i + mark ? j : i + mark; /* "1.5", "U.S" mid-token */
            continue;
        }
        size_t next = j, sp;
        while (next < end && (sp = hspace_len(text + next, end - next)))
            next += sp;
        bool ends;
        if (next < end && (text[next] == '\n' || text[next] == '\r')) {
            ends = true; /* the line break decides; it is handled above */
        } else if (is_period) {
            ends = period_ends(text, start, i, next, end);
        } else {
            /* '!', '?': end unless the next word is lower case. An ellipsis
             * often only marks words left out ("found… 100 bodies"): it
             * ends a sentence only before a capital. */
            size_t k = next + (next < end ? opener_len(text, next, end) : 0);
            if (c == '!' || c == '?')
                ends = !(k < end && is_ascii_lower(text[k]));
            else
                ends = k >= end || !(is_ascii_lower(text[k]) || is_ascii_digit(text[k]));
        }
        if (ends) {
            push_span(arena, out, count, cap, text, start, j);
            start = j;
        }
        i = j;
    }
    push_span(arena, out, count, cap, text, start, end);
    return *count - before;
}
