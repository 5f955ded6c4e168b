/*
 * gen_corpus.c — builds the benchmark corpus from the project's own sample
 * reports (samples/), deterministically.
 *
 *   gen_corpus SAMPLES_DIR OUT_DIR [MEGABYTES]
 *
 * writes OUT_DIR/corpus.txt (pages of wire stories and blog digests, every
 * article under a date line), the same bytes cut into one file per page in
 * OUT_DIR/pages/ (a folder of saved pages, the usual input), and
 * OUT_DIR/corpus.jsonl (one article per JSON Lines document, the DESIGN.md
 * input contract), each at least MEGABYTES (10^6 bytes, default 48), and
 * OUT_DIR/corpus.info with the counts.
 *
 * The samples are far too small to time anything, so they are cut into a
 * pool of headlines and body sentences, and articles are drawn from that
 * pool with variation: dates rotated over 2016–2017 and printed in the
 * formats reporting uses, place names swapped (with their transliteration
 * variants), casualty numbers changed, sentence order shuffled. The result
 * reads like the real thing to every stage of sitrep (date lines,
 * datelines, claimants, tolls, boilerplate) without repeating one page
 * verbatim, so no cache or dedup can make the benchmark flatter than real
 * input. A fixed seed makes the same samples give the same bytes.
 *
 * This is a tool, not part of sitrep: it links only jansson (to read the
 * samples' JSON Lines).
 */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- small helpers -------------------------------------------------------- */

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen_corpus: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p)
        die("out of memory");
    return p;
}

static char *xstrndup(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot open %s: %s", path, strerror(errno));
    char *data = NULL;
    size_t n = 0, cap = 0;
    for (;;) {
        if (n + 65536 + 1 > cap) {
            cap = cap ? cap * 2 : 131072;
            data = xrealloc(data, cap);
        }
        size_t got = fread(data + n, 1, 65536, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f))
        die("cannot read %s", path);
    fclose(f);
    data[n] = '\0';
    *len = n;
    return data;
}

/* A list of owned strings. */
typedef struct StrList {
    char **items;
    int count, cap;
} StrList;

static void list_add(StrList *l, char *s)
{
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->items = xrealloc(l->items, (size_t)l->cap * sizeof *l->items);
    }
    l->items[l->count++] = s;
}

/* Growable output text. */
typedef struct Out {
    char *data;
    size_t len, cap;
} Out;

static void out_append(Out *o, const char *s, size_t n)
{
    if (o->len + n + 1 > o->cap) {
        while (o->len + n + 1 > o->cap)
            o->cap = o->cap ? o->cap * 2 : 4096;
        o->data = xrealloc(o->data, o->cap);
    }
    memcpy(o->data + o->len, s, n);
    o->len += n;
    o->data[o->len] = '\0';
}

static void out_str(Out *o, const char *s)
{
    out_append(o, s, strlen(s));
}

static void out_printf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(Out *o, const char *fmt, ...)
{
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        die("format error");
    out_append(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* JSON string body (no quotes): escapes what JSON requires. */
static void out_json(Out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            out_append(o, e, 2);
        } else if (c == '\n') {
            out_append(o, "\\n", 2);
        } else if (c < 0x20) {
            out_printf(o, "\\u%04x", c);
        } else {
            out_append(o, (const char *)&c, 1);
        }
    }
}

/* ---- deterministic randomness (xorshift64*) ------------------------------ */

typedef struct Rng {
    uint64_t s;
} Rng;

static uint64_t rng_next(Rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * 2685821657736338717ULL;
}

static int rng_below(Rng *r, int n)
{
    return (int)(rng_next(r) % (uint64_t)n);
}

/* ---- calendar ------------------------------------------------------------- */

static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
static const char *const weekday_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};

typedef struct Day {
    int year, month, day, weekday; /* weekday 0 = Monday */
} Day;

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static Day day_from_days(long z)
{
    Day d;
    d.weekday = (int)(((z % 7) + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(yoe + era * 400 + (d.month <= 2));
    return d;
}

enum {
    DATE_ISO,          /* 2017-03-02 */
    DATE_US_LONG,      /* March 03, 2017 */
    DATE_US_SHORT,     /* Nov 8, 2016 */
    DATE_DIGEST,       /* 12 June, 2017 */
    DATE_PAGE,         /* Tuesday, 13 June 2017 */
    DATE_WEEKDAY_ABBR, /* Wed 05 Apr 2017 */
    DATE_FORMAT_COUNT
};

static void out_date(Out *o, Day d, int format)
{
    const char *m = month_names[d.month - 1];
    switch (format) {
    case DATE_ISO:
        out_printf(o, "%04d-%02d-%02d", d.year, d.month, d.day);
        break;
    case DATE_US_LONG:
        out_printf(o, "%s %02d, %d", m, d.day, d.year);
        break;
    case DATE_US_SHORT:
        out_printf(o, "%.3s %d, %d", m, d.day, d.year);
        break;
    case DATE_DIGEST:
        out_printf(o, "%d %s, %d", d.day, m, d.year);
        break;
    case DATE_PAGE:
        out_printf(o, "%s, %d %s %d", weekday_names[d.weekday], d.day, m, d.year);
        break;
    default:
        out_printf(o, "%.3s %02d %.3s %d", weekday_names[d.weekday], d.day, m, d.year);
        break;
    }
}

/* ---- what the samples give: headlines and sentences ------------------------ */

typedef struct Pool {
    StrList headlines;
    StrList sentences;
} Pool;

static bool is_month_word(const char *s, size_t n)
{
    for (int i = 0; i < 12; i++)
        if (n >= 3 && !strncmp(s, month_names[i], n < 3 ? 3 : n) &&
            (n == 3 || n == strlen(month_names[i])))
            return true;
    return false;
}

/* A line that is only a date: short, holds a year, no sentence in it. */
static bool looks_like_date_line(const char *s, size_t n)
{
    if (n < 8 || n > 32)
        return false;
    for (size_t i = 0; i + 3 < n; i++)
        if (!strncmp(s + i, "201", 3) && isdigit((unsigned char)s[i + 3]))
            return true;
    return false;
}

/* Skips an agency dateline ("BEIRUT (AP) — ", "DAMASCUS – ",
 * "Damascus, SANA - ") so that sentences can get a new one. */
static size_t dateline_length(const char *s, size_t n)
{
    static const char *const dashes[] = {" \xe2\x80\x94 ", " \xe2\x80\x93 ", " - "};
    for (size_t i = 0; i < n && i < 48; i++)
        for (size_t k = 0; k < 3; k++) {
            size_t dl = strlen(dashes[k]);
            if (i + dl <= n && !memcmp(s + i, dashes[k], dl)) {
                /* Only if the part before it starts with an upper-case word. */
                if (isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]))
                    return i + dl;
                if (memchr(s, ',', i)) /* "Damascus, SANA - " */
                    return i + dl;
                return 0;
            }
        }
    return 0;
}

/* Cuts a paragraph into sentences: a split after ". ", "? " or "! " when the
 * next word starts with an upper-case letter or a quote and the word before
 * is not an initial or a title ("U.S. military", "Gen. Hassan"). */
static void add_sentences(Pool *p, const char *s, size_t n)
{
    size_t skip = dateline_length(s, n);
    s += skip;
    n -= skip;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool end = false;
        if ((c == '.' || c == '?' || c == '!') && i + 2 < n && s[i + 1] == ' ' &&
            (isupper((unsigned char)s[i + 2]) || s[i + 2] == '"')) {
            end = true;
            if (c == '.' && i > 0 && isupper((unsigned char)s[i - 1]))
                end = false; /* "U.S." "Gen. A." */
            if (c == '.' && i >= 3 &&
                (!strncmp(s + i - 3, " Mr", 3) || !strncmp(s + i - 3, "Gen", 3) ||
                 !strncmp(s + i - 3, " Dr", 3)))
                end = false;
        } else if ((c == '.' || c == '"') && i + 1 == n) {
            end = true;
        }
        if (end || i + 1 == n) {
            size_t stop = i + 1;
            while (start < stop && s[start] == ' ')
                start++;
            if (stop - start > 30)
                list_add(&p->sentences, xstrndup(s + start, stop - start));
            start = i + 1;
        }
    }
}

/* Plain-text samples: date line, then a headline, then body lines, up to
 * the blog furniture. */
static void pool_from_text(Pool *p, const char *text, size_t len)
{
    bool after_date = false;
    const char *line = text;
    while (line < text + len) {
        const char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
        /* The blog furniture after a digest's last story is not reporting;
         * the generator writes its own. */
        if (n >= 9 && !strncmp(line, "Posted by", 9))
            break;
        if (looks_like_date_line(line, n)) {
            after_date = true;
        } else if (n > 0) {
            if (after_date && n < 120 && line[n - 1] != '.')
                list_add(&p->headlines, xstrndup(line, n));
            else if (n >= 100 && memchr(line, '.', n))
                add_sentences(p, line, n);
            after_date = false;
        }
        line += n + 1;
    }
}

/* JSON Lines samples: the title and the text's paragraphs. */
static void pool_from_jsonl(Pool *p, const char *text, size_t len, const char *path)
{
    const char *line = text;
    long lineno = 0;
    while (line < text + len) {
        const char *nl = memchr(line, '\n', (size_t)(text + len - line));
        size_t n = nl ? (size_t)(nl - line) : (size_t)(text + len - line);
        lineno++;
        if (n > 0) {
            json_error_t err;
            json_t *doc = json_loadb(line, n, 0, &err);
            if (!doc)
                die("%s:%ld: %s", path, lineno, err.text);
            const char *title = json_string_value(json_object_get(doc, "title"));
            const char *body = json_string_value(json_object_get(doc, "text"));
            if (title)
                list_add(&p->headlines, strdup(title));
            for (const char *para = body; para && *para;) {
                const char *brk = strstr(para, "\n\n");
                size_t pn = brk ? (size_t)(brk - para) : strlen(para);
                if (pn >= 60 && memchr(para, '.', pn))
                    add_sentences(p, para, pn);
                para += pn;
                while (*para == '\n')
                    para++;
            }
            json_decref(doc);
        }
        line += n + 1;
    }
}

/* HTML sample: the text of <h2> (headlines) and <p> (sentences) inside the
 * <article> elements, tags stripped. A crude scan is enough for a page the
 * project wrote itself; sitrep proper parses HTML with gumbo. */
static void pool_from_html(Pool *p, const char *html)
{
    const char *a = html;
    while ((a = strstr(a, "<article")) != NULL) {
        const char *a_end = strstr(a, "</article>");
        if (!a_end)
            break;
        for (const char *t = a; t < a_end;) {
            const char *h = strstr(t, "<h2>");
            const char *q = strstr(t, "<p>");
            const char *open = (h && (!q || h < q)) ? h : q;
            if (!open || open >= a_end)
                break;
            bool headline = open == h;
            const char *body = open + (headline ? 4 : 3);
            const char *close = strstr(body, headline ? "</h2>" : "</p>");
            if (!close || close > a_end)
                break;
            /* Strip tags and collapse white space. */
            char *clean = xrealloc(NULL, (size_t)(close - body) + 1);
            size_t n = 0;
            bool in_tag = false, space = false;
            for (const char *c = body; c < close; c++) {
                if (*c == '<')
                    in_tag = true;
                else if (*c == '>')
                    in_tag = false;
                else if (!in_tag) {
                    if (isspace((unsigned char)*c))
                        space = n > 0;
                    else {
                        if (space)
                            clean[n++] = ' ';
                        space = false;
                        clean[n++] = *c;
                    }
                }
            }
            clean[n] = '\0';
            if (headline)
                list_add(&p->headlines, clean);
            else {
                if (n >= 100)
                    add_sentences(p, clean, n);
                free(clean);
            }
            t = close;
        }
        a = a_end;
    }
}

/* ---- variation ------------------------------------------------------------ */

/* Place names the samples use, longest first so "Daraa al-Balad" wins over
 * "Daraa". */
static const char *const sample_places[] = {
    "Daraa al-Balad", "Khan Sheikhoun", "Deir ez-Zor", "Deir Az Zor", "Deir al-Zor", "Deir Ezzor",
    "Jabal Tharda",   "al-Romaniya",    "al-Shoula",   "Ain Issa",    "Jarablus",    "Palmyra",
    "Manshiya",       "Thardeh",        "al-Tanf",     "Aleppo",      "Manbij",      "al-Bab",
    "Raqqa",          "Daraa",          "Idlib",       "Homs",
};

/* What they become: places of the theatre in the spellings reports use. */
static const char *const corpus_places[] = {
    "Raqqa",          "Raqqah",
    "Al-Raqqa",       "Deir ez-Zor",
    "Deir Ezzor",     "Dayr al-Zawr",
    "Deir el-Zour",   "Palmyra",
    "Tadmur",         "Aleppo",
    "Halab",          "Homs",
    "Hama",           "Idlib",
    "Daraa",          "Deraa",
    "Douma",          "Jobar",
    "Harasta",        "Qamishli",
    "Hasakah",        "al-Hasakah",
    "Kobani",         "Tabqa",
    "al-Thawra",      "Maskanah",
    "Mayadin",        "al-Mayadeen",
    "Albu Kamal",     "Abu Kamal",
    "Manbij",         "Jarablus",
    "al-Bab",         "Azaz",
    "Afrin",          "Tal Rifaat",
    "Marea",          "Dabiq",
    "Khan Sheikhoun", "Maarat al-Numan",
    "Saraqib",        "Jisr al-Shughur",
    "Ariha",          "Latakia",
    "Tartus",         "Quneitra",
    "Suwayda",        "Busra al-Sham",
    "Nawa",           "Tal Abyad",
    "Ras al-Ayn",     "Shaddadi",
    "Hajin",          "al-Sukhnah",
    "Qaryatayn",      "Arak",
    "Mosul",          "Tal Afar",
    "Fallujah",       "Ramadi",
    "Hawija",         "Qaim",
    "Rawa",           "Eastern Ghouta",
    "Wadi Barada",    "Khan Tuman",
    "Morek",          "Tel Tamr",
    "Ain Issa",       "Dumayr",
};

static const char *const datelines[] = {
    "BEIRUT (AP) \xe2\x80\x94 ",
    "DAMASCUS \xe2\x80\x93 ",
    "BEIRUT (Reuters) - ",
    "AMMAN, Jordan (AP) \xe2\x80\x94 ",
    "ISTANBUL (AFP) - ",
    "Damascus, SANA - ",
    "",
    "",
    "",
};

static const char *const outlets[] = {
    "Reuters",
    "The Associated Press",
    "AFP",
    "SANA",
    "RT",
    "Al Jazeera",
    "Anadolu Agency",
    "ANHA",
    "Enab Baladi",
    "Al-Masdar News",
    "South Front",
    "Syrian Observatory for Human Rights",
    "Middle East Desk",
    "Levant Ledger",
};

#define COUNT(a) ((int)(sizeof(a) / sizeof *(a)))

typedef struct Variation {
    int place_map[COUNT(sample_places)]; /* index into corpus_places, -1 = keep */
    int number_percent;                  /* numbers scaled by this */
} Variation;

static Variation variation_new(Rng *r)
{
    Variation v;
    for (int i = 0; i < COUNT(sample_places); i++)
        v.place_map[i] = rng_below(r, 10) < 3 ? -1 : rng_below(r, COUNT(corpus_places));
    v.number_percent = 40 + rng_below(r, 160);
    return v;
}

static bool word_char(char c)
{
    return isalnum((unsigned char)c) || c == '-';
}

/* Writes s with the article's variation: place names swapped, small
 * numbers (tolls, counts) scaled. Years, ordinals ("137th"), numbers with
 * separators and day numbers next to a month name are kept. */
static void out_varied(Out *o, const char *s, const Variation *v)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        bool boundary = i == 0 || !word_char(s[i - 1]);
        if (boundary && (isupper((unsigned char)s[i]) || (s[i] == 'a' && s[i + 1] == 'l'))) {
            int hit = -1;
            size_t hit_len = 0;
            for (int k = 0; k < COUNT(sample_places); k++) {
                size_t pl = strlen(sample_places[k]);
                if (pl <= n - i && !memcmp(s + i, sample_places[k], pl) && !word_char(s[i + pl])) {
                    hit = k;
                    hit_len = pl;
                    break;
                }
            }
            if (hit >= 0) {
                if (v->place_map[hit] >= 0)
                    out_str(o, corpus_places[v->place_map[hit]]);
                else
                    out_append(o, s + i, hit_len);
                i += hit_len;
                continue;
            }
        }
        if (boundary && isdigit((unsigned char)s[i])) {
            size_t j = i;
            long value = 0;
            while (j < n && isdigit((unsigned char)s[j]))
                value = value * 10 + (s[j++] - '0');
            bool grouped = j + 1 < n && s[j] == ',' && isdigit((unsigned char)s[j + 1]);
            bool plain = j - i <= 3 && !grouped && (j == n || !isalnum((unsigned char)s[j]));
            /* A day of the month: "11 December", "March 3". */
            const char *next = s + j + (j < n && s[j] == ' ');
            size_t next_len = 0;
            while (isalpha((unsigned char)next[next_len]))
                next_len++;
            bool day_number = is_month_word(next, next_len);
            if (i >= 2) {
                size_t k = i - 1;
                while (k > 0 && isalpha((unsigned char)s[k - 1]))
                    k--;
                if (is_month_word(s + k, i - 1 - k))
                    day_number = true;
            }
            if (plain && !day_number && value > 1) {
                long scaled = value * v->number_percent / 100;
                out_printf(o, "%ld", scaled < 2 ? 2 : scaled);
            } else {
                out_append(o, s + i, j - i);
            }
            i = j;
            continue;
        }
        out_append(o, s + i, 1);
        i++;
    }
}

/* ---- articles --------------------------------------------------------------- */

typedef struct Generator {
    Pool pool;
    Rng rng;
    long first_day; /* days since 1970 of 2016-01-01 */
    long articles;
} Generator;

/* Draws 4–8 distinct sentences in a random order. */
static int pick_sentences(Generator *g, int *picked)
{
    int want = 4 + rng_below(&g->rng, 5);
    int n = 0;
    while (n < want) {
        int s = rng_below(&g->rng, g->pool.sentences.count);
        bool dup = false;
        for (int k = 0; k < n; k++)
            dup |= picked[k] == s;
        if (!dup)
            picked[n++] = s;
    }
    return n;
}

/* The body of one article: optional agency dateline, then its sentences in
 * one or two paragraphs. */
static void out_body(Generator *g, Out *o, const Variation *v, bool dateline)
{
    int picked[8];
    int n = pick_sentences(g, picked);
    if (dateline)
        out_str(o, datelines[rng_below(&g->rng, COUNT(datelines))]);
    int para_break = n > 5 ? 2 + rng_below(&g->rng, n - 3) : n;
    for (int k = 0; k < n; k++) {
        if (k == para_break)
            out_str(o, "\n\n");
        else if (k > 0)
            out_str(o, " ");
        out_varied(o, g->pool.sentences.items[picked[k]], v);
    }
}

/* A day of 2016–2017 (days since 1970). */
static long random_days(Generator *g)
{
    return g->first_day + rng_below(&g->rng, 700);
}

/* A tag-archive page of wire stories, each with its own date line,
 * headline, dateline, Source: and Link:. */
static void out_archive_page(Generator *g, Out *o, long page)
{
    out_printf(o, "Stories tagged \"Syria\" \xe2\x80\x94 page %ld\n\n", page);
    int stories = 3 + rng_below(&g->rng, 4);
    int format = rng_below(&g->rng, 3); /* ISO, US long or US short per page */
    for (int k = 0; k < stories; k++) {
        Variation v = variation_new(&g->rng);
        out_date(o, day_from_days(random_days(g)), format);
        out_str(o, "\n");
        out_varied(o, g->pool.headlines.items[rng_below(&g->rng, g->pool.headlines.count)], &v);
        out_str(o, "\n");
        out_body(g, o, &v, true);
        const char *outlet = outlets[rng_below(&g->rng, COUNT(outlets))];
        out_printf(o, "\nSource: %s\nLink: http://bench.example.org/%ld/%d\n\n", outlet, page, k);
        g->articles++;
    }
    out_str(o, "\xc2\xab Newer stories   Older stories \xc2\xbb\nShare this page: Facebook | "
               "Twitter | Email\n\n");
}

/* A blog digest: a page date, stories dated the days before, then the
 * furniture a reader must drop. */
static void out_digest_page(Generator *g, Out *o)
{
    long page_days = random_days(g);
    out_str(o, "THE LEVANT LEDGER\nA daily digest of the war in Syria and Iraq\n\n");
    out_date(o, day_from_days(page_days), DATE_PAGE);
    out_str(o, "\n\n");
    int stories = 3 + rng_below(&g->rng, 3);
    for (int k = 0; k < stories; k++) {
        Variation v = variation_new(&g->rng);
        /* The story's day: one to three days before the page's. */
        long days = page_days - 1 - rng_below(&g->rng, 3);
        out_date(o, day_from_days(days), DATE_DIGEST);
        out_str(o, "\n");
        out_varied(o, g->pool.headlines.items[rng_below(&g->rng, g->pool.headlines.count)], &v);
        out_str(o, "\n");
        out_body(g, o, &v, false);
        out_str(o, "\n\n");
        g->articles++;
    }
    out_printf(o, "Posted by Levant Ledger desk at %d:%02d PM\n\n", 1 + rng_below(&g->rng, 11),
               rng_below(&g->rng, 60));
    out_str(o, "This digest is written by volunteers. If it helps your work, please consider a "
               "donation.\n\nDisclaimer: The Levant Ledger collects reports from many sources, "
               "including parties to the conflict; inclusion is not endorsement.\n\n"
               "No comments:\n\nPost a Comment\n\nNewer Post   Home   Older Post\n\n");
}

/* One JSON Lines document: most with "published", some with the date only
 * at the start of the text ("Wed 05 Apr 2017 …"). */
static void out_jsonl_doc(Generator *g, Out *o, long id)
{
    Variation v = variation_new(&g->rng);
    Day day = day_from_days(random_days(g));
    const char *outlet = outlets[rng_below(&g->rng, COUNT(outlets))];
    Out title = {0}, text = {0};
    out_varied(&title, g->pool.headlines.items[rng_below(&g->rng, g->pool.headlines.count)], &v);
    bool leading_date = rng_below(&g->rng, 10) == 0;
    if (leading_date) {
        out_date(&text, day, DATE_WEEKDAY_ABBR);
        out_str(&text, " ");
        out_append(&text, title.data, title.len);
        out_str(&text, "\n\n");
    }
    out_body(g, &text, &v, true);

    out_printf(o, "{\"id\":\"bench-%07ld\",\"text\":\"", id);
    out_json(o, text.data, text.len);
    out_str(o, "\",\"title\":\"");
    out_json(o, title.data, title.len);
    out_str(o, "\"");
    if (!leading_date)
        out_printf(o, ",\"published\":\"%04d-%02d-%02d\"", day.year, day.month, day.day);
    out_str(o, ",\"outlet\":\"");
    out_json(o, outlet, strlen(outlet));
    out_printf(o, "\",\"url\":\"http://bench.example.org/doc/%ld\"}\n", id);
    free(title.data);
    free(text.data);
    g->articles++;
}

static void write_file(const char *path, const Out *o)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(o->data, 1, o->len, f) != o->len || fclose(f) != 0)
        die("cannot write %s: %s", path, strerror(errno));
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: gen_corpus SAMPLES_DIR OUT_DIR [MEGABYTES]\n");
        return 2;
    }
    const char *samples = argv[1], *out_dir = argv[2];
    double megabytes = argc == 4 ? atof(argv[3]) : 48;
    if (megabytes <= 0)
        die("bad size '%s'", argv[3]);
    size_t target = (size_t)(megabytes * 1e6);

    Generator g = {.rng = {0x5172e9d00c0ffeeULL}, .first_day = 16801 /* 2016-01-01 */};
    char path[4096];
    size_t len;
    char *text;
    static const char *const text_samples[] = {"wire-archive.txt", "daily-digest.txt"};
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s", samples, text_samples[i]);
        text = read_file(path, &len);
        pool_from_text(&g.pool, text, len);
        free(text);
    }
    snprintf(path, sizeof path, "%s/exports.jsonl", samples);
    text = read_file(path, &len);
    pool_from_jsonl(&g.pool, text, len, path);
    free(text);
    snprintf(path, sizeof path, "%s/frontline-blog.html", samples);
    text = read_file(path, &len);
    pool_from_html(&g.pool, text);
    free(text);
    if (g.pool.headlines.count < 5 || g.pool.sentences.count < 20)
        die("the samples gave only %d headlines and %d sentences", g.pool.headlines.count,
            g.pool.sentences.count);

    /* The text corpus: archive pages and digests, two to one. */
    Out txt = {0};
    size_t *page_starts = NULL;
    long pages = 0;
    while (txt.len < target) {
        page_starts = xrealloc(page_starts, (size_t)(pages + 2) * sizeof *page_starts);
        page_starts[pages++] = txt.len;
        if (rng_below(&g.rng, 3) < 2)
            out_archive_page(&g, &txt, pages);
        else
            out_digest_page(&g, &txt);
    }
    page_starts[pages] = txt.len;
    long txt_articles = g.articles;
    snprintf(path, sizeof path, "%s/corpus.txt", out_dir);
    write_file(path, &txt);
    snprintf(path, sizeof path, "%s/pages", out_dir);
    if (mkdir(path, 0777) != 0 && errno != EEXIST)
        die("cannot create %s: %s", path, strerror(errno));
    for (long k = 0; k < pages; k++) {
        Out page = {.data = txt.data + page_starts[k], .len = page_starts[k + 1] - page_starts[k]};
        snprintf(path, sizeof path, "%s/pages/page-%06ld.txt", out_dir, k + 1);
        write_file(path, &page);
    }
    free(page_starts);

    Out jsonl = {0};
    long docs = 0;
    g.articles = 0;
    while (jsonl.len < target)
        out_jsonl_doc(&g, &jsonl, ++docs);
    snprintf(path, sizeof path, "%s/corpus.jsonl", out_dir);
    write_file(path, &jsonl);

    Out info = {0};
    out_printf(&info,
               "pool_headlines %d\npool_sentences %d\ntxt_bytes %zu\ntxt_pages %ld\n"
               "txt_articles %ld\njsonl_bytes %zu\njsonl_documents %ld\n",
               g.pool.headlines.count, g.pool.sentences.count, txt.len, pages, txt_articles,
               jsonl.len, docs);
    snprintf(path, sizeof path, "%s/corpus.info", out_dir);
    write_file(path, &info);
    fputs(info.data, stdout);

    free(txt.data);
    free(jsonl.data);
    free(info.data);
    for (int i = 0; i < g.pool.headlines.count; i++)
        free(g.pool.headlines.items[i]);
    for (int i = 0; i < g.pool.sentences.count; i++)
        free(g.pool.sentences.items[i]);
    free(g.pool.headlines.items);
    free(g.pool.sentences.items);
    return 0;
}
