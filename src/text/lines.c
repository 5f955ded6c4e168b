/*
 * lines.c — what kind of line is this? The article splitter (articles.c)
 * first sorts every line of a page into one of a few kinds — blank, date
 * line, byline, "Source:" / "Link:" attribution, standalone dateline,
 * boilerplate, sub-heading, short headline-like line, body text — and then
 * groups them. This file holds the classifiers and the small parsers that
 * pull the metadata (outlet, place, byline name) out of such lines.
 *
 * Boilerplate patterns are a static table here rather than a data file:
 * split_articles() receives no data directory, and the patterns describe
 * web-page furniture (donation appeals, comment widgets, copyright and
 * fair-use notices), not the theatre, so they change with the engine.
 */
#include "text_lines.h"

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- small byte helpers ------------------------------------------------ */

/* Number of words separated by spaces or tabs. Headline and byline tests
 * count the words of most lines, so where SSE2 is there the word starts
 * (a byte that is not a blank after one that is) of 16 bytes are read off
 * one bit mask. */
static int count_words(const char *s, size_t n)
{
    int words = 0;
    bool in = false;
    size_t i = 0;
#ifdef __SSE2__
    const __m128i space = _mm_set1_epi8(' '), tab = _mm_set1_epi8('\t');
    for (; n - i >= 16; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned blank = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(x, space), _mm_cmpeq_epi8(x, tab)));
        unsigned word = ~blank & 0xFFFFu;
        unsigned starts = word & ~((word << 1) | (unsigned)in);
        words += __builtin_popcount(starts);
        in = word >> 15 & 1;
    }
#endif
    for (; i < n; i++) {
        bool sp = s[i] == ' ' || s[i] == '\t';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

/* Skips markdown and emphasis that pages wrap round a line's first word:
 * "[", "**", "_", "> ". */
static size_t skip_markup(const char *s, size_t n)
{
    /* A table: every line is asked several times, and most start with a
     * letter, which one load turns away. */
    static const bool markup[256] = {
        ['['] = 1, ['*'] = 1, ['_'] = 1, ['>'] = 1, ['#'] = 1, [' '] = 1};
    size_t i = 0;
    while (i < n && markup[(unsigned char)s[i]])
        i++;
    return i;
}

/* UTF-8 dashes: "–" U+2013, "—" U+2014. Returns the byte length, or 1 for
 * '-', or 0. */
static size_t dash_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == '-')
        return (n >= 2 && s[1] == '-') ? 2 : 1;
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
        ((unsigned char)s[2] == 0x93 || (unsigned char)s[2] == 0x94))
        return 3;
    return 0;
}

/* ---- boilerplate ------------------------------------------------------- */

/* Phrases that mark a whole line as page furniture wherever they occur in
 * its first few hundred bytes. Lower case; each starts a word. */
typedef struct Phrase {
    const char *s;
    size_t n;
} Phrase;
#define PHRASE(x)                                                                                  \
    {                                                                                              \
        x, sizeof(x) - 1                                                                           \
    }
/* Is w[0..n) (any case) one of the phrases whose bits are set in mask? */
static inline bool phrase_in_mask(const Phrase *phrases, uint64_t mask, const char *w, size_t n)
{
    for (; mask; mask &= mask - 1) {
        const Phrase *p = &phrases[__builtin_ctzll(mask)];
        if (text_starts_with_ci_n(w, n, p->s, p->n))
            return true;
    }
    return false;
}

static const Phrase boiler_anywhere[] = {
    PHRASE("please support"),
    PHRASE("please consider a donation"),
    PHRASE("please consider donating"),
    PHRASE("make a donation"),
    PHRASE("support the project"),
    PHRASE("support our work"),
    PHRASE("paypal"),
    PHRASE("patreon"),
    PHRASE("donate/"),
    PHRASE("if you're able, and if you like"),
    PHRASE("if you’re able, and if you like"),
    PHRASE("become a member"),
    PHRASE("become a patron"),
    PHRASE("subscribe to our"),
    PHRASE("sign up for our newsletter"),
    PHRASE("the views expressed in this article"),
    PHRASE("sole responsibility of the author"),
    PHRASE("are of sole responsibility"),
    PHRASE("copyright ©"),
    PHRASE("copyright (c)"),
    PHRASE("all rights reserved"),
    PHRASE("contains copyrighted material"),
    PHRASE("fair use"),
    PHRASE("post a comment"),
    PHRASE("leave a comment"),
    PHRASE("leave a reply"),
    PHRASE("on our facebook page"),
    PHRASE("the original source of this article is"),
    PHRASE("for media inquiries"),
    PHRASE("click here to subscribe"),
    PHRASE("click to share"),
    PHRASE("share this article"),
    PHRASE("share on facebook"),
    PHRASE("share on twitter"),
};

/* Labels that make a line furniture when it starts with them. Lower case;
 * matched after leading markup ("[", "**"). */
static const Phrase boiler_start[] = {
    PHRASE("disclaimer:"),       PHRASE("disclaimer "),   PHRASE("featured image"),
    PHRASE("voiceover by"),      PHRASE("voice-over by"), PHRASE("articles by:"),
    PHRASE("tag archive:"),      PHRASE("tag archives:"), PHRASE("category archive"),
    PHRASE("categories:"),       PHRASE("tags:"),         PHRASE("filed under"),
    PHRASE("region:"),           PHRASE("theme:"),        PHRASE("in-depth report:"),
    PHRASE("read more:"),        PHRASE("read also:"),    PHRASE("see also:"),
    PHRASE("you may also like"), PHRASE("labels:"),       PHRASE("subscribe to:"),
};

/* Labels that make a line furniture only when the line is short (a body
 * paragraph may well open with "No comments were made …"). */
static const Phrase boiler_short_start[] = {
    PHRASE("share this"),       PHRASE("follow us"),     PHRASE("comment on "),
    PHRASE("related articles"), PHRASE("related posts"), PHRASE("related stories"),
    PHRASE("related video"),    PHRASE("related news"),  PHRASE("related"),
    PHRASE("no comments"),      PHRASE("0 comments"),    PHRASE("advertisement"),
    PHRASE("sponsored"),        PHRASE("like this:"),    PHRASE("loading..."),
    PHRASE("print this"),       PHRASE("email this"),    PHRASE("reblog"),
    PHRASE("continue reading"), PHRASE("read more"),     PHRASE("category:"),
};

/* Words that make up share-button rows ("Facebook Twitter WhatsApp"). */
static const Phrase share_words[] = {
    PHRASE("share"),     PHRASE("facebook"),  PHRASE("twitter"), PHRASE("whatsapp"),
    PHRASE("telegram"),  PHRASE("email"),     PHRASE("e-mail"),  PHRASE("print"),
    PHRASE("tweet"),     PHRASE("linkedin"),  PHRASE("reddit"),  PHRASE("vk"),
    PHRASE("pinterest"), PHRASE("google+"),   PHRASE("tumblr"),  PHRASE("pocket"),
    PHRASE("skype"),     PHRASE("messenger"), PHRASE("more"),    PHRASE("like"),
    PHRASE("this:"),     PHRASE("on"),        PHRASE("via"),     PHRASE("|"),
    PHRASE("-"),         PHRASE("•"),         PHRASE("share:"),  PHRASE("related"),
    PHRASE("comments"),  PHRASE("comment"),   PHRASE("to"),      PHRASE("blogthis!"),
    PHRASE("blogthis"),
};

static bool is_share_row(const BoilerIndex *ix, const char *s, size_t n)
{
    if (n > 120)
        return false;
    size_t i = 0;
    int words = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '[' || s[i] == ']' || s[i] == '*' ||
                         s[i] == ','))
            i++;
        if (i >= n)
            break;
        size_t w = i;
        /* A markdown link target "(…)" counts as part of the button. */
        if (s[i] == '(') {
            while (i < n && s[i] != ')')
                i++;
            i++;
            continue;
        }
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '[' && s[i] != ']' && s[i] != '(' &&
               s[i] != ',')
            i++;
        size_t wn = i - w;
        bool known = wn < 16 && phrase_in_mask(share_words, ix->share_by_len[wn], s + w, wn);
        if (!known)
            return false;
        words++;
    }
    /* One word alone ("Share", "Print") is furniture too, but "More" or
     * "On" alone is more likely a cut-off heading: require a real one. */
    return words >= 2 || (words == 1 && (text_starts_with_ci(s + skip_markup(s, n), n, "share") ||
                                         text_starts_with_ci(s + skip_markup(s, n), n, "tweet")));
}

/* Words of page navigation: "Page 3 of 41 | Newer stories | Older
 * stories", "« Newer stories 1 2 3 … 41 Older stories »", "Newer Post
 * Home Older Post". Numbers and arrows count as such words too. */
static const Phrase pagination_words[] = {
    PHRASE("page"),    PHRASE("of"),       PHRASE("newer"),   PHRASE("older"), PHRASE("previous"),
    PHRASE("prev"),    PHRASE("next"),     PHRASE("stories"), PHRASE("posts"), PHRASE("post"),
    PHRASE("entries"), PHRASE("articles"), PHRASE("home"),    PHRASE("first"), PHRASE("last"),
    PHRASE("«"),       PHRASE("»"),        PHRASE("‹"),       PHRASE("›"),     PHRASE("…"),
    PHRASE("..."),     PHRASE("|"),        PHRASE("<"),       PHRASE(">"),     PHRASE("<<"),
    PHRASE(">>"),      PHRASE("←"),        PHRASE("→"),       PHRASE("-"),     PHRASE("–"),
    PHRASE("•"),       PHRASE("·"),
};

/* The words that make such a row navigation rather than a heading. */
static bool is_pagination_anchor(const char *w, size_t n)
{
    static const Phrase anchors[] = {
        PHRASE("page"),     PHRASE("newer"), PHRASE("older"),
        PHRASE("previous"), PHRASE("prev"),  PHRASE("next"),
    };
    for (size_t k = 0; k < sizeof anchors / sizeof anchors[0]; k++)
        if (anchors[k].n == n && text_starts_with_ci_n(w, n, anchors[k].s, anchors[k].n))
            return true;
    return false;
}

static bool line_is_pagination(const BoilerIndex *ix, const char *s, size_t n)
{
    if (n > 160)
        return false;
    size_t i = 0;
    int words = 0;
    bool anchor = false;
    while (i < n) {
        size_t sp;
        while (i < n && (sp = hspace_len(s + i, n - i)))
            i += sp;
        if (i >= n)
            break;
        size_t w = i;
        while (i < n && !hspace_len(s + i, n - i))
            i++;
        size_t wn = i - w;
        bool number = true;
        for (size_t k = w; k < i; k++)
            number &= is_ascii_digit(s[k]);
        bool known = number || (wn < 16 && phrase_in_mask(pagination_words,
                                                          ix->pagination_by_len[wn], s + w, wn));
        if (!known)
            return false;
        anchor |= is_pagination_anchor(s + w, wn);
        words++;
    }
    return words >= 2 && anchor;
}

/* The footer a blog platform puts under each post: "Posted by Desk at
 * 11:40 PM" (a time, where a byline would name a place). */
static bool line_is_posted_by(const char *s, size_t n)
{
    size_t m = skip_markup(s, n);
    if (n > 120 || !text_starts_with_ci(s + m, n - m, "posted by "))
        return false;
    for (size_t i = m + 10; i + 4 < n; i++)
        if (s[i] == ' ' && text_starts_with_ci(s + i + 1, n - i - 1, "at ") &&
            is_ascii_digit(s[i + 4]))
            return true;
    return false;
}

/* Four bytes of s with bit 0x20 set in each: upper-case ASCII letters
 * become lower case, and bytes equal case-insensitively stay equal. */
static inline uint32_t key4(const char *s)
{
    uint32_t k;
    memcpy(&k, s, 4);
    return k | 0x20202020u;
}

static inline unsigned boiler_slot(uint32_t key)
{
    return (key * 0x9E3779B1u) >> 25; /* 7 bits: BOILER_SLOTS */
}

void boiler_index_init(BoilerIndex *ix)
{
    enum { PHRASES = sizeof boiler_anywhere / sizeof boiler_anywhere[0] };
    _Static_assert(PHRASES <= sizeof ix->order, "BoilerIndex too small");
    _Static_assert(BOILER_SLOTS == 128, "boiler_slot() makes 7 bits");
    memset(ix->count, 0, sizeof ix->count);
    _Static_assert(sizeof boiler_start / sizeof boiler_start[0] <= 32 &&
                       sizeof boiler_short_start / sizeof boiler_short_start[0] <= 32,
                   "label masks have 32 bits");
    memset(ix->start_labels, 0, sizeof ix->start_labels);
    memset(ix->short_start_labels, 0, sizeof ix->short_start_labels);
    for (size_t k = 0; k < sizeof boiler_start / sizeof boiler_start[0]; k++)
        if (boiler_start[k].s[0] >= 'a' && boiler_start[k].s[0] <= 'z')
            ix->start_labels[boiler_start[k].s[0] - 'a'] |= 1u << k;
    for (size_t k = 0; k < sizeof boiler_short_start / sizeof boiler_short_start[0]; k++)
        if (boiler_short_start[k].s[0] >= 'a' && boiler_short_start[k].s[0] <= 'z')
            ix->short_start_labels[boiler_short_start[k].s[0] - 'a'] |= 1u << k;
    _Static_assert(sizeof share_words / sizeof share_words[0] <= 64 &&
                       sizeof pagination_words / sizeof pagination_words[0] <= 64,
                   "word masks have 64 bits");
    memset(ix->share_by_len, 0, sizeof ix->share_by_len);
    memset(ix->pagination_by_len, 0, sizeof ix->pagination_by_len);
    for (size_t k = 0; k < sizeof share_words / sizeof share_words[0]; k++)
        if (share_words[k].n < 16)
            ix->share_by_len[share_words[k].n] |= 1ull << k;
    for (size_t k = 0; k < sizeof pagination_words / sizeof pagination_words[0]; k++)
        if (pagination_words[k].n < 16)
            ix->pagination_by_len[pagination_words[k].n] |= 1ull << k;
    /* Phrases sharing a key ("please support", "please consider …") sit
     * together in order[]: place each key's phrases in one go. */
    bool placed[PHRASES] = {false};
    int filled = 0;
    for (size_t k = 0; k < PHRASES; k++) {
        if (placed[k])
            continue;
        uint32_t key = key4(boiler_anywhere[k].s); /* every phrase has 4 bytes or more */
        unsigned h = boiler_slot(key);
        while (ix->count[h])
            h = (h + 1) % BOILER_SLOTS;
        ix->key[h] = key;
        ix->first[h] = (uint8_t)filled;
        for (size_t j = k; j < PHRASES; j++)
            if (!placed[j] && key4(boiler_anywhere[j].s) == key) {
                placed[j] = true;
                ix->order[filled++] = (uint8_t)j;
                ix->count[h]++;
            }
    }
}

/* Does a furniture phrase start at s[0..n) (n >= 4)? */
static inline bool boiler_phrase_at(const BoilerIndex *ix, const char *s, size_t n)
{
    uint32_t key = key4(s);
    for (unsigned h = boiler_slot(key); ix->count[h]; h = (h + 1) % BOILER_SLOTS) {
        if (ix->key[h] != key)
            continue;
        for (int k = ix->first[h]; k < ix->first[h] + ix->count[h]; k++) {
            const Phrase *p = &boiler_anywhere[ix->order[k]];
            if (text_starts_with_ci_n(s, n, p->s, p->n))
                return true;
        }
        return false;
    }
    return false;
}

/* Is a furniture phrase at the start of a word in the first `look` bytes
 * of s[0..n)? Words start at an ASCII letter after a non-letter (or at
 * the start). Where SSE2 is there, the letters of 16 bytes are found at
 * once and the word starts read off their bit mask. */
static bool boiler_phrase_in(const BoilerIndex *ix, const char *s, size_t n, size_t look)
{
    size_t i = 0;
    bool prev_alpha = false;
#ifdef __SSE2__
    /* (c | 0x20) - 'a' < 26 unsigned, with signed bytes: shifted by 0x80
     * the letters are the bytes below -128 + 26. */
    const __m128i lower = _mm_set1_epi8(0x20), shift = _mm_set1_epi8((char)(0x80 - 'a')),
                  limit = _mm_set1_epi8((char)(-128 + 26));
    for (; look - i >= 16; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        x = _mm_add_epi8(_mm_or_si128(x, lower), shift);
        unsigned alpha = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, limit));
        unsigned starts = alpha & ~((alpha << 1) | (unsigned)prev_alpha);
        prev_alpha = alpha >> 15 & 1;
        while (starts) {
            size_t at = i + (size_t)__builtin_ctz(starts);
            starts &= starts - 1;
            if (n - at >= 4 && boiler_phrase_at(ix, s + at, n - at))
                return true;
        }
    }
    /* The last bytes: the 16 that end at look, the ones already read
     * masked off (the byte before i is in the block, so its letter bit
     * decides whether i starts a word). */
    if (i < look && look >= 16) {
        size_t base = look - 16, done = i - base;
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + base));
        x = _mm_add_epi8(_mm_or_si128(x, lower), shift);
        unsigned alpha = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, limit));
        unsigned starts = alpha & ~(alpha << 1) & ~((1u << done) - 1);
        while (starts) {
            size_t at = base + (size_t)__builtin_ctz(starts);
            starts &= starts - 1;
            if (n - at >= 4 && boiler_phrase_at(ix, s + at, n - at))
                return true;
        }
        return false;
    }
#endif
    for (; i < look; i++) {
        bool alpha = is_ascii_alpha(s[i]);
        if (alpha && !prev_alpha && n - i >= 4 && boiler_phrase_at(ix, s + i, n - i))
            return true;
        prev_alpha = alpha;
    }
    return false;
}

/* Does t[0..tn) start with one of the labels (first letter `first`)?
 * by_letter: the labels of each letter (BoilerIndex). */
static bool starts_with_label(const Phrase *labels, size_t count, const uint32_t by_letter[26],
                              const char *t, size_t tn, char first)
{
    if (first >= 'a' && first <= 'z') {
        for (uint32_t m = by_letter[first - 'a']; m; m &= m - 1) {
            const Phrase *p = &labels[__builtin_ctz(m)];
            if (text_starts_with_ci_n(t, tn, p->s, p->n))
                return true;
        }
        return false;
    }
    for (size_t i = 0; i < count; i++)
        if (labels[i].s[0] == first && text_starts_with_ci_n(t, tn, labels[i].s, labels[i].n))
            return true;
    return false;
}

bool line_is_boilerplate(const BoilerIndex *ix, const char *s, size_t n)
{
    size_t m = skip_markup(s, n);
    const char *t = s + m;
    size_t tn = n - m;
    if (tn == 0)
        return false;
    char first = ascii_lower(t[0]);
    if (starts_with_label(boiler_start, sizeof boiler_start / sizeof boiler_start[0],
                          ix->start_labels, t, tn, first))
        return true;
    if (tn <= 80 && starts_with_label(boiler_short_start,
                                      sizeof boiler_short_start / sizeof boiler_short_start[0],
                                      ix->short_start_labels, t, tn, first))
        return true;
    /* Furniture phrases sit near the start of their line; looking only at
     * the first bytes keeps the cost per line bounded. */
    if (boiler_phrase_in(ix, s, n, n < 240 ? n : 240))
        return true;
    /* "© 2017 Outlet", and bare "Advertisements". */
    if (tn >= 2 && (unsigned char)t[0] == 0xC2 && (unsigned char)t[1] == 0xA9)
        return true;
    return is_share_row(ix, s, n) || line_is_pagination(ix, s, n) || line_is_posted_by(s, n);
}

/* ---- the page's own header ---------------------------------------------- */

bool line_is_page_title(const char *s, size_t n, bool body_follows)
{
    /* "Middle East Desk — Stories tagged "Syria"", "Posts tagged Raqqa",
     * "Archive for March 2017": the page says what it collects. */
    static const char *const collects[] = {
        "stories tagged",   "posts tagged", "articles tagged",   "news tagged",
        "tagged with",      "archive for",  "archives for",      "tag archive",
        "category archive", "all posts in", "posts in category",
    };
    if (n > 160)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && is_ascii_alpha(s[i - 1]))
            continue;
        for (size_t k = 0; k < sizeof collects / sizeof collects[0]; k++)
            if (text_starts_with_ci(s + i, n - i, collects[k]))
                return true;
    }
    /* A masthead: a few words in capitals ("THE LEVANT LEDGER") with no
     * body paragraph directly under it; an all-capitals headline has its
     * story right below. */
    if (body_follows || n > 80 || count_words(s, n) > 8)
        return false;
    int upper = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_ascii_lower(s[i]) || is_ascii_digit(s[i]))
            return false;
        upper += is_ascii_upper(s[i]);
    }
    return upper >= 4;
}

/* ---- attributions ------------------------------------------------------ */

/* Copies a name out of a line, dropping markdown link targets "(#)",
 * brackets and emphasis, and trimming blanks and a final period. */
char *text_clean_name(Arena *arena, const char *s, size_t n)
{
    char *out = arena_alloc(arena, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ']' && i + 1 < n && s[i + 1] == '(') {
            const char *close = memchr(s + i + 1, ')', n - i - 1);
            if (close) {
                i = (size_t)(close - s);
                continue;
            }
        }
        if (c == '[' || c == ']' || c == '*' || c == '_')
            continue;
        out[k++] = c;
    }
    size_t a = 0, sp;
    while (a < k && (sp = hspace_len(out + a, k - a)))
        a += sp;
    for (;;) {
        if (k > a && (sp = hspace_len_back(out + a, k - a)))
            k -= sp;
        else if (k > a && (out[k - 1] == '.' || out[k - 1] == ',' || out[k - 1] == ':'))
            k--;
        else
            break;
    }
    if (k == a)
        return NULL;
    memmove(out, out + a, k - a);
    out[k - a] = '\0';
    return out;
}

/* Length of the first of the labels that s[0..n) starts with (after
 * leading markup), or 0. Every line is asked, so the first letter is
 * compared before the rest. */
static size_t label_len(const Phrase *labels, size_t count, const char *s, size_t n)
{
    size_t m = skip_markup(s, n);
    if (m >= n)
        return 0;
    char first = ascii_lower(s[m]);
    for (size_t i = 0; i < count; i++)
        if (labels[i].s[0] == first &&
            text_starts_with_ci_n(s + m, n - m, labels[i].s, labels[i].n))
            return m + labels[i].n;
    return 0;
}

size_t text_source_label_len(const char *s, size_t n)
{
    static const Phrase labels[] = {PHRASE("source:"), PHRASE("sources:"), PHRASE("via:"),
                                    PHRASE("courtesy:"), PHRASE("source :")};
    return label_len(labels, sizeof labels / sizeof labels[0], s, n);
}

size_t text_link_label_len(const char *s, size_t n)
{
    static const Phrase labels[] = {PHRASE("link:"), PHRASE("links:"), PHRASE("url:"),
                                    PHRASE("source link:"), PHRASE("original:")};
    return label_len(labels, sizeof labels / sizeof labels[0], s, n);
}

bool line_is_url(const char *s, size_t n)
{
    size_t m = (n > 0 && s[0] == '<') ? 1 : 0;
    char first = m < n ? ascii_lower(s[m]) : '\0';
    if (first != 'h' && first != 'w')
        return false;
    if (!text_starts_with_ci(s + m, n - m, "http://") &&
        !text_starts_with_ci(s + m, n - m, "https://") &&
        !text_starts_with_ci(s + m, n - m, "www."))
        return false;
    return memchr(s, ' ', n) == NULL;
}

size_t text_url_length(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && !is_ascii_space(s[i]) && s[i] != '>' && s[i] != '<' && s[i] != '"' &&
           s[i] != ')' && s[i] != ']')
        i++;
    /* A URL at the end of a sentence keeps its period outside. */
    while (i > 0 && (s[i - 1] == '.' || s[i - 1] == ',' || s[i - 1] == ';'))
        i--;
    return i;
}

/* ---- bylines ----------------------------------------------------------- */

bool line_is_byline(const char *s, size_t n)
{
    size_t m = skip_markup(s, n);
    const char *t = s + m;
    size_t tn = n - m;
    size_t k;
    if (tn > 3 && t[0] == 'B' && t[1] == 'y' && t[2] == ' ')
        k = 3;
    else if (text_starts_with_ci(t, tn, "written by "))
        k = 11;
    else if (text_starts_with_ci(t, tn, "reported by "))
        k = 12;
    else
        return false;
    if (n > 120 || count_words(s, n) > 12)
        return false;
    char last = s[n - 1];
    if (last == '.' && !(n >= 2 && is_ascii_upper(s[n - 2])))
        return false; /* "By then, it was over." */
    /* "By our correspondent", "By the desk's river correspondent". */
    static const char *const roles[] = {"correspondent", "reporter", "staff",
                                        "editor",        "desk",     "team"};
    if (count_words(s, n) <= 8 && last != '.' && last != ',')
        for (size_t i = m + k; i < n; i++)
            if (i == 0 || s[i - 1] == ' ')
                for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
                    if (text_starts_with_ci(s + i, n - i, roles[r]))
                        return true;
    /* The name must contain a capitalised word ("By Eva Bartlett"). */
    for (size_t i = m + k; i < n; i++)
        if (is_ascii_upper(s[i]) &&
            (i == 0 || s[i - 1] == ' ' || s[i - 1] == '[' || s[i - 1] == '*'))
            return true;
    return false;
}

const char *text_byline_name(Arena *arena, const char *s, size_t n)
{
    char *name = text_clean_name(arena, s, n);
    if (!name)
        return NULL;
    size_t len = strlen(name);
    size_t k = 0;
    if (text_starts_with_ci(name, len, "by "))
        k = 3;
    else if (text_starts_with_ci(name, len, "written by "))
        k = 11;
    else if (text_starts_with_ci(name, len, "reported by "))
        k = 12;
    char *p = name + k;
    /* Keep the first name only: "X with Y in Z", "X and Y", "X, Place". */
    static const char *const cuts[] = {" with ", " in ", " and ", ",", " for ",
                                       " |",     " -",   " –",    " —"};
    size_t pn = strlen(p);
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        const char *c = strstr(p, cuts[i]);
        if (c && (size_t)(c - p) < pn)
            pn = (size_t)(c - p);
    }
    p[pn] = '\0';
    /* "on the ground journalist Afraa Dagher": the name is the trailing run
     * of capitalised words. */
    if (!is_ascii_upper(p[0])) {
        char *last_lower_end = NULL;
        for (char *q = p; *q; q++)
            if (q == p || q[-1] == ' ') {
                if (!is_ascii_upper(*q))
                    last_lower_end = strchr(q, ' ');
            }
        if (!last_lower_end)
            return NULL;
        p = last_lower_end + 1;
    }
    while (*p == ' ')
        p++;
    return *p ? p : NULL;
}

/* ---- datelines --------------------------------------------------------- */

/* Words in capitals that open paragraphs without being places. With
 * their lengths: every dateline candidate's first word is looked up. */
static const Phrase not_places[] = {
    PHRASE("update"),  PHRASE("updated"),  PHRASE("breaking"), PHRASE("exclusive"), PHRASE("watch"),
    PHRASE("video"),   PHRASE("photos"),   PHRASE("photo"),    PHRASE("editor"),    PHRASE("note"),
    PHRASE("opinion"), PHRASE("analysis"), PHRASE("live"),     PHRASE("urgent"),    PHRASE("new"),
    PHRASE("isis"),    PHRASE("isil"),     PHRASE("sdf"),      PHRASE("saa"),       PHRASE("ypg"),
    PHRASE("us"),      PHRASE("un"),       PHRASE("nato"),     PHRASE("fsa"),       PHRASE("hts"),
};

static bool is_not_place(const char *s, size_t n)
{
    for (size_t i = 0; i < sizeof not_places / sizeof not_places[0]; i++)
        if (not_places[i].n == n && text_starts_with_ci_n(s, n, not_places[i].s, n))
            return true;
    return false;
}

/* Lower-case particles inside place names: "Deir el-Zour", "Dayr az-Zawr". */
static bool is_particle(const char *s, size_t n)
{
    static const Phrase p[] = {
        PHRASE("al-"), PHRASE("el-"), PHRASE("ez-"), PHRASE("az-"), PHRASE("as-"), PHRASE("ash-"),
        PHRASE("ad-"), PHRASE("ar-"), PHRASE("an-"), PHRASE("at-"), PHRASE("es-"), PHRASE("er-"),
        PHRASE("al "), PHRASE("el "), PHRASE("de "), PHRASE("of "), PHRASE("du "),
    };
    /* Lower case first (capitals are place words of their own), and every
     * particle has three bytes or more: most words stop here. */
    if (n < 3 || (unsigned char)s[0] < 'a')
        return false;
    for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
        if (p[i].s[0] == s[0] && text_starts_with_ci_n(s, n, p[i].s, p[i].n))
            return true;
    return false;
}

/* Reads one place word at s: letters (any script), hyphens, apostrophes,
 * periods. Returns its length; *caps is cleared if it has lower case. */
static size_t place_word(const char *s, size_t n, bool first, bool *caps)
{
    if (n == 0)
        return 0;
    /* Whether the word is a particle ("al-", "de "), asked once. */
    bool particle = !first && is_particle(s, n);
    if (!is_ascii_upper(s[0]) && !particle)
        return 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (is_ascii_alpha((char)c)) {
            if (is_ascii_lower((char)c) && !(i < 3 && particle))
                *caps = false;
            i++;
        } else if (c == '-' || c == '\'' || c == '.') {
            i++;
        } else if (c >= 0x80 && !dash_len(s + i, n - i)) {
            i++; /* letters of other scripts, ’ */
        } else {
            break;
        }
    }
    while (i > 0 && (s[i - 1] == '.' || s[i - 1] == '-'))
        i--;
    return i;
}

/* Reads a run of up to `max` place words; returns the length. */
static size_t place_words(const char *s, size_t n, int max, bool *caps, int *count)
{
    size_t i = 0, end = 0;
    int words = 0;
    while (words < max) {
        size_t w = place_word(s + i, n - i, words == 0, caps);
        if (!w)
            break;
        /* A capitalised word glued to a comma is still part of the run. */
        words++;
        i += w;
        end = i;
        if (i < n && s[i] == ' ' && i + 1 < n && !dash_len(s + i + 1, n - i - 1))
            i++;
        else
            break;
    }
    *count = words;
    return end;
}

static char *normal_case_place(Arena *arena, const char *s, size_t n, bool caps)
{
    char *out = arena_strndup(arena, s, n);
    if (!caps)
        return out;
    bool word_start = true;
    for (size_t i = 0; i < n; i++) {
        char c = out[i];
        if (is_ascii_alpha(c)) {
            if (!word_start)
                out[i] = ascii_lower(c);
            word_start = false;
        } else {
            word_start = c == ' ' || c == '-' || c == '(' || c == '/';
        }
    }
    /* "Deir El-Zour" → "Deir el-Zour": lower-case two-letter particles
     * followed by a hyphen, except at the start. */
    for (size_t i = 1; i + 3 < n; i++)
        if (out[i - 1] == ' ' && is_ascii_upper(out[i]) && is_ascii_lower(out[i + 1]) &&
            out[i + 2] == '-')
            out[i] = ascii_lower(out[i]);
    return out;
}

static const char *outlet_from_paren(Arena *arena, const char *s, size_t n)
{
    static const struct {
        const char *abbr, *name;
    } wires[] = {
        {"AP", "Associated Press"},
        {"AFP", "AFP"},
        {"Reuters", "Reuters"},
        {"REUTERS", "Reuters"},
        {"UPI", "UPI"},
        {"dpa", "dpa"},
        {"DPA", "dpa"},
    };
    for (size_t i = 0; i < sizeof wires / sizeof wires[0]; i++)
        if (strlen(wires[i].abbr) == n && memcmp(wires[i].abbr, s, n) == 0)
            return wires[i].name;
    return arena_strndup(arena, s, n);
}

size_t text_parse_dateline(const char *s, size_t n, bool whole_line, Arena *arena, Dateline *out)
{
    memset(out, 0, sizeof *out);
    /* A whole-line dateline ends with its outlet's ")" (and blanks at
     * most): most lines are turned away here without being read. */
    if (whole_line) {
        size_t e = n;
        while (e > 0 && s[e - 1] == ' ')
            e--;
        if (e == 0 || s[e - 1] != ')')
            return 0;
    }
    bool caps = true;
    int words = 0;
    size_t i = place_words(s, n, 4, &caps, &words);
    if (!i)
        return 0;
    size_t place_end = i;
    int letters = 0;
    for (size_t k = 0; k < place_end; k++)
        letters += is_ascii_alpha(s[k]);
    if (letters < 2 || (words == 1 && is_not_place(s, place_end)))
        return 0;
    bool qualified = false; /* a country, a date or an outlet follows */
    /* ", Syria" and/or ", March 3" */
    for (int round = 0; round < 2 && i < n && s[i] == ','; round++) {
        size_t j = i + 1;
        while (j < n && s[j] == ' ')
            j++;
        int month, day;
        size_t k = text_parse_month_day(s + j, n - j, &month, &day);
        if (k) {
            out->month = month, out->day = day;
            i = j + k;
            qualified = true;
            continue;
        }
        bool ccaps = true;
        int cw = 0;
        k = place_words(s + j, n - j, 3, &ccaps, &cw);
        if (!k)
            break;
        i = j + k;
        qualified = true;
    }
    /* "(AP)", "(Reuters)", or a time "(6:00 A.M.)" */
    size_t j = i;
    while (j < n && s[j] == ' ')
        j++;
    if (j < n && s[j] == '(') {
        const char *close = memchr(s + j, ')', n - j < 40 ? n - j : 40);
        if (close) {
            size_t a = j + 1, b = (size_t)(close - s);
            bool has_digit = false;
            for (size_t k = a; k < b; k++)
                has_digit |= is_ascii_digit(s[k]);
            if (!has_digit && b > a)
                out->outlet = outlet_from_paren(arena, s + a, b - a);
            i = b + 1;
            qualified = true;
        }
    }
    j = i;
    while (j < n && s[j] == ' ')
        j++;
    size_t end;
    if (whole_line) {
        if (j != n || !out->outlet)
            return 0;
        end = n;
    } else {
        size_t d = dash_len(s + j, n - j);
        if (!d || j == i) /* "AL-BAB" is a word, "AL-BAB –" a dateline */
            return 0;
        end = j + d;
        if (end < n && s[end] != ' ')
            return 0;
        while (end < n && s[end] == ' ')
            end++;
        if (!caps && !qualified)
            return 0;
    }
    out->place = normal_case_place(arena, s, place_end, caps);
    return end;
}

/* ---- headline-like lines ----------------------------------------------- */

bool line_is_subhead(const char *s, size_t n)
{
    size_t a = dash_len(s, n);
    if (!a || n < 5)
        return false;
    /* ends with a dash too: "– ‘Spiral of defeats’ –" */
    for (size_t k = 1; k <= 3 && k <= n; k++)
        if (dash_len(s + n - k, k) == k)
            return n <= 120;
    return false;
}

bool line_is_short(const char *s, size_t n, bool *final_period)
{
    *final_period = false;
    if (n > 220 || n < 4)
        return false;
    int words = count_words(s, n);
    if (words < 2 || words > 25)
        return false;
    /* Must open like a title: a capital, a digit or a quote. */
    unsigned char c = (unsigned char)s[0];
    if (!(is_ascii_upper((char)c) || is_ascii_digit((char)c) || c == '"' || c == 0xE2 || c == '\''))
        return false;
    /* Look through closing quotes at the last real character. */
    size_t e = n;
    while (e > 0) {
        unsigned char z = (unsigned char)s[e - 1];
        if (z == '"' || z == '\'' || z == ')' || z == '*')
            e--;
        else if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
                 (z == 0x9D || z == 0x99))
            e -= 3;
        else
            break;
    }
    if (e == 0)
        return false;
    char last = s[e - 1];
    if (last == ',' || last == ';' || last == ':')
        return false;
    if (last == '.') {
        *final_period = true;
        return words <= 20;
    }
    return true;
}

bool line_is_name(const char *s, size_t n)
{
    if (n > 40)
        return false;
    int words = count_words(s, n);
    if (words < 1 || words > 4)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || s[i - 1] == ' ') {
            if (!is_ascii_upper(s[i]) && !is_ascii_digit(s[i]))
                return false;
        }
        if (s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '?')
            return false;
    }
    return true;
}

size_t text_parse_caps_dateline(const char *s, size_t n, Arena *arena, const char **place)
{
    /* "BEIRUT At least …", "KHAN SHEIKHUN Syria A suspected …": words in
     * capitals, then a capitalised word in normal case. Only where a
     * dateline is expected (right after a document's leading date). */
    size_t i = 0, end = 0;
    int letters = 0, words = 0;
    while (i < n && words < 4) {
        size_t w = i;
        int up = 0;
        while (i < n && (is_ascii_upper(s[i]) || s[i] == '-' || s[i] == '\''))
            up += is_ascii_upper(s[i]), i++;
        if (up < 2 || (i < n && !is_ascii_space(s[i]) && s[i] != ','))
            break;
        if (words == 0 && is_not_place(s + w, i - w))
            return 0;
        letters += up;
        words++;
        end = i;
        if (i < n && s[i] == ',')
            i++;
        while (i < n && s[i] == ' ')
            i++;
    }
    if (!words || letters < 4 || end >= n)
        return 0;
    size_t j = end;
    while (j < n && (s[j] == ' ' || s[j] == ','))
        j++;
    /* the next word: a capital then lower case ("At", "Syria", "Some") */
    if (j + 1 >= n || !is_ascii_upper(s[j]) ||
        !(is_ascii_lower(s[j + 1]) || (s[j] == 'A' && s[j + 1] == ' ')))
        return 0;
    *place = normal_case_place(arena, s, end, true);
    return j;
}
