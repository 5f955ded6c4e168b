/*
 * test_articles.c — splitting pages into articles: synthetic pages written
 * for these tests, then the five seed pages and the FA-KES JSON Lines
 * documents in ../shared (skipped when absent).
 */
#include "testing.h"

#include "../../src/text/text.h"

#include <jansson.h>

/* ---- helpers ----------------------------------------------------------- */

typedef struct TestDoc {
    Arena arena;
    Document doc;
    ArticleList list;
    char *heap; /* file contents, when read from disk */
} TestDoc;

static void split_text(TestDoc *t, const char *text, DocumentFormat format)
{
    memset(t, 0, sizeof *t);
    arena_init(&t->arena);
    t->doc.id = "test";
    t->doc.path = "test";
    t->doc.format = format;
    t->doc.text = arena_strdup(&t->arena, text);
    t->doc.len = strlen(text);
    t->doc.arena = &t->arena;
    Diagnostics diag = {0};
    t->list = split_articles(&t->doc, &diag);
}

/* Reads a seed page; false (and the caller skips) if it is missing. */
static bool split_file(TestDoc *t, const char *path)
{
    memset(t, 0, sizeof *t);
    char *data;
    size_t len;
    if (file_read_all(path, &data, &len) != 0)
        return false;
    arena_init(&t->arena);
    t->heap = data;
    t->doc.id = path;
    t->doc.path = path;
    t->doc.format = FORMAT_TEXT;
    t->doc.text = data;
    t->doc.len = len;
    t->doc.arena = &t->arena;
    Diagnostics diag = {0};
    t->list = split_articles(&t->doc, &diag);
    return true;
}

static void free_doc(TestDoc *t)
{
    arena_free(&t->arena);
    free(t->heap);
}

static char *date_str(Date d, char buf[11])
{
    return date_format(d, buf);
}

/* The structural promises every split must keep: articles in order and
 * disjoint, sentences inside their article, in order, disjoint, trimmed. */
static void check_invariants(const TestDoc *t)
{
    const char *text = t->doc.text;
    size_t prev_end = 0;
    for (int i = 0; i < t->list.count; i++) {
        const Article *a = &t->list.items[i];
        assert_int_equal(a->index, i);
        assert_true(a->span.start >= prev_end);
        assert_true(a->span.start <= a->span.end);
        assert_true(a->span.end <= t->doc.len);
        prev_end = a->span.end;
        size_t s_prev = a->span.start;
        for (int k = 0; k < a->sentence_count; k++) {
            Span s = a->sentences[k];
            assert_true(s.start >= s_prev);
            assert_true(s.start < s.end);
            assert_true(s.end <= a->span.end);
            assert_false(text[s.start] == ' ' || text[s.start] == '\n');
            assert_false(text[s.end - 1] == ' ' || text[s.end - 1] == '\n');
            s_prev = s.end;
        }
        if (a->date.year)
            assert_non_null(date_source_name(a->date_source));
    }
}

/* Is any byte of [from, to) inside some article's sentences? */
static bool covered_by_sentence(const TestDoc *t, size_t from, size_t to)
{
    for (int i = 0; i < t->list.count; i++) {
        const Article *a = &t->list.items[i];
        for (int k = 0; k < a->sentence_count; k++)
            if (a->sentences[k].start < to && from < a->sentences[k].end)
                return true;
    }
    return false;
}

static bool covered_by_article(const TestDoc *t, size_t from, size_t to)
{
    for (int i = 0; i < t->list.count; i++)
        if (t->list.items[i].span.start < to && from < t->list.items[i].span.end)
            return true;
    return false;
}

/* Every line of the text that contains `needle` (case-insensitive) is
 * outside all sentences and, with whole, outside all article spans.
 * Returns how many such lines there were. */
static int lines_dropped(const TestDoc *t, const char *needle, bool whole)
{
    const char *text = t->doc.text;
    size_t n = strlen(needle);
    int found = 0;
    size_t line = 0;
    for (size_t i = 0; i <= t->doc.len; i++) {
        if (i < t->doc.len && text[i] != '\n')
            continue;
        for (size_t j = line; j + n <= i; j++)
            if (strncasecmp(text + j, needle, n) == 0) {
                if ((whole && covered_by_article(t, line, i)) || covered_by_sentence(t, line, i))
                    fail_msg("line with \"%s\" at %zu is inside an article", needle, line);
                found++;
                break;
            }
        line = i + 1;
    }
    return found;
}

static int assert_lines_dropped(const TestDoc *t, const char *needle)
{
    return lines_dropped(t, needle, true);
}

static bool has_link_with(const Article *a, const char *part)
{
    for (int i = 0; i < a->link_count; i++)
        if (strstr(a->links[i], part))
            return true;
    return false;
}

static const char *seed(char *buf, size_t size, const char *dir, const char *name)
{
    snprintf(buf, size, "%s/corpus/seeds/%s", dir, name);
    return buf;
}

/* ---- synthetic pages ---------------------------------------------------- */

static void test_tag_archive_of_dated_wire_stories(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Tag Archive: Northern front\n\n\n"
               "2016-05-01\n\n"
               "ALEPPO (AP) — Rebels shelled the western districts on Sunday, "
               "a monitor said.\n\n"
               "The army said it repelled the attack. Dr. Hamid Saleh treated "
               "12 wounded.\n\n"
               "Source: Test Wire.\n\n"
               "Link: http://example.org/story?id=1.\n\n"
               "Advertisements\n\n"
               "May 2, 2016\n\n"
               "HOMS – Troops advanced 2.5 kilometers toward the town.\n\n"
               "– Fighting continues –\n\n"
               "Clashes went on overnight.\n\n"
               "Source: Other Agency\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 2);
    const Article *a = &t.list.items[0], *b = &t.list.items[1];
    char d[11];
    assert_string_equal(date_str(a->date, d), "2016-05-01");
    assert_int_equal(a->date_source, DATE_SOURCE_LINE);
    assert_string_equal(a->dateline, "Aleppo");
    assert_string_equal(a->outlet, "Test Wire"); /* Source: beats (AP) */
    assert_int_equal(a->link_count, 1);
    assert_string_equal(a->links[0], "http://example.org/story?id=1");
    assert_int_equal(a->sentence_count, 3);
    /* the dateline is not part of the first sentence */
    assert_memory_equal(t.doc.text + a->sentences[0].start, "Rebels", 6);
    assert_string_equal(date_str(b->date, d), "2016-05-02");
    assert_string_equal(b->dateline, "Homs");
    assert_string_equal(b->outlet, "Other Agency");
    /* the sub-heading stays inside the second article */
    assert_int_equal(b->sentence_count, 3);
    assert_int_equal(assert_lines_dropped(&t, "Advertisements"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Tag Archive"), 1);
    free_doc(&t);
}

static void test_digest_page_header_and_inherited_date(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Friday, 3 March 2017\n\n"
               "Frontline Digest - 03/02/2017\n\n"
               "Army takes hill near the lake\n"
               "Troops captured the hill after a night of fighting.\n\n"
               "2 March, 2017\n\n"
               "The hill overlooks the main road.\n\n"
               "Engineers clear mines in the old town\n\n"
               "Convoy reaches besieged district\n\n"
               "Aid trucks entered the district on Thursday.\n\n"
               "Source: Relief Desk\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 3);
    char d[11];
    const Article *a = &t.list.items[0];
    assert_string_equal(a->title, "Army takes hill near the lake");
    assert_string_equal(date_str(a->date, d), "2017-03-02");
    assert_int_equal(a->date_source, DATE_SOURCE_LINE);
    assert_int_equal(a->sentence_count, 2); /* lead + body */
    const Article *b = &t.list.items[1];
    assert_string_equal(b->title, "Engineers clear mines in the old town");
    assert_int_equal(b->sentence_count, 0);
    assert_string_equal(date_str(b->date, d), "2017-03-03");
    assert_int_equal(b->date_source, DATE_SOURCE_DIGEST);
    const Article *c = &t.list.items[2];
    assert_string_equal(c->title, "Convoy reaches besieged district");
    assert_int_equal(c->date_source, DATE_SOURCE_DIGEST);
    assert_string_equal(c->outlet, "Relief Desk");
    free_doc(&t);
}

static void test_blog_posts_with_source_below_headline(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Bridge destroyed on the river road.\n\n"
               "Source: River Post\n"
               "A bridge on the river road was destroyed by a blast.\n\n"
               "Repairs section\n\n"
               "Work will start next week, officials said.\n\n\n\n"
               "Second post: talks resume\n\n"
               "By Jane Writer\n"
               "Delegations met again in the capital.\n\n\n\n"
               "Video of the crossing\n\n"
               "https://video.example.net/watch?v=abc\n\n\n\n"
               "Market reopens\n\n"
               "Town Herald\n"
               "NORTH TOWN, Region (6:00 A.M.) – The market reopened.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 4);
    const Article *a = &t.list.items[0];
    assert_non_null(a->title);
    assert_string_equal(a->outlet, "River Post");
    assert_int_equal(a->sentence_count, 3); /* sub-heading kept as body */
    assert_string_equal(t.list.items[1].outlet, "Jane Writer");
    const Article *v = &t.list.items[2];
    assert_int_equal(v->sentence_count, 0);
    assert_true(has_link_with(v, "video.example.net"));
    const Article *m = &t.list.items[3];
    assert_string_equal(m->outlet, "Town Herald");
    assert_string_equal(m->dateline, "North Town");
    free_doc(&t);
}

static void test_byline_and_dateline_lines_open_next_story(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "2016-11-07\n\n"
               "Fighting continued in the east.\n\n"
               "Source: First Wire.\n\n"
               "By Sam Reporter with Lee Other in Some Town, Iraq\n\n"
               "Some Town, Iraq (AFP)\n\n"
               "Nov 8, 2016\n\n"
               "Forces pushed closer to the city.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 2);
    const Article *b = &t.list.items[1];
    char d[11];
    assert_string_equal(date_str(b->date, d), "2016-11-08");
    assert_string_equal(b->dateline, "Some Town");
    assert_string_equal(b->outlet, "AFP");
    /* the byline line is the start of the second article */
    assert_memory_equal(t.doc.text + b->span.start, "By Sam", 6);
    free_doc(&t);
}

static void test_boilerplate_is_dropped(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Headline about the offensive\n\n"
               "The offensive began at dawn. Residents fled north.\n\n"
               "Voiceover by Some Person\n\n"
               "If you're able, and if you like what we do, please support "
               "the project via PayPal or Patreon.\n\n"
               "Featured image: a photo\n\n"
               "Copyright © Example Media, 2017\n\n"
               "Disclaimer: the author alone is responsible.\n\n"
               "example.org contains copyrighted material used under fair use "
               "provisions.\n\n"
               "[Comment on our Facebook page](#)\n\n"
               "[Become a Member](#)\n\n"
               "Articles by: **Someone**\n\n"
               "For media inquiries: press@example.org\n\n"
               "Share this:\n\n"
               "Facebook Twitter WhatsApp\n\n"
               "Related Articles\n\n"
               "No comments:\n\n"
               "Post a Comment\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    const Article *a = &t.list.items[0];
    assert_int_equal(a->sentence_count, 2);
    const char *end = strstr(t.doc.text, "Residents fled north.");
    assert_int_equal(a->span.end, (size_t)(end - t.doc.text) + 21);
    const char *gone[] = {"Voiceover",   "PayPal",          "Featured image", "Copyright",
                          "Disclaimer",  "fair use",        "Facebook",       "Become a",
                          "Articles by", "media inquiries", "Share this",     "Related Articles",
                          "No comments", "Post a Comment"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_true(assert_lines_dropped(&t, gone[i]) >= 1);
    free_doc(&t);
}

static void test_subheads_do_not_split(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "2017-01-01\n\n"
               "The first paragraph of the story.\n\n"
               "A section heading\n\n"
               "More of the same story follows here.\n\n"
               "Another heading\n\n"
               "And the end of it.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    assert_int_equal(t.list.items[0].sentence_count, 5);
    free_doc(&t);
}

static void test_dateline_date_and_published_context(void **state)
{
    (void)state;
    TestDoc t;
    memset(&t, 0, sizeof t);
    arena_init(&t.arena);
    const char *text = "DAMASCUS, March 3 (Reuters) - Shells hit the old city.\n";
    t.doc.text = text;
    t.doc.len = strlen(text);
    t.doc.arena = &t.arena;
    t.doc.format = FORMAT_TEXT;
    t.doc.title = "Page title";
    t.doc.published = (Date){2017, 3, 4};
    Diagnostics diag = {0};
    t.list = split_articles(&t.doc, &diag);
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    const Article *a = &t.list.items[0];
    char d[11];
    assert_string_equal(date_str(a->date, d), "2017-03-03");
    assert_int_equal(a->date_source, DATE_SOURCE_DATELINE);
    assert_string_equal(a->dateline, "Damascus");
    assert_string_equal(a->outlet, "Reuters");
    assert_string_equal(a->title, "Page title");
    /* without a dateline date: the published date */
    TestDoc u;
    memset(&u, 0, sizeof u);
    arena_init(&u.arena);
    u.doc.text = "Shells hit the old city.\n";
    u.doc.len = strlen(u.doc.text);
    u.doc.arena = &u.arena;
    u.doc.published = (Date){2017, 3, 4};
    u.list = split_articles(&u.doc, &diag);
    assert_int_equal(u.list.count, 1);
    assert_int_equal(u.list.items[0].date_source, DATE_SOURCE_PUBLISHED);
    arena_free(&u.arena);
    arena_free(&t.arena);
}

static void test_jsonl_document_is_one_article(void **state)
{
    (void)state;
    static const struct {
        const char *text, *date;
    } cases[] = {
        {"Wed 05 Apr 2017 Town hit by strikes. Many were hurt. More "
         "followed.",
         "2017-04-05"},
        {"12 February 2015 The council met. It voted.", "2015-02-12"},
        {"May 24 2017 Troops moved in. They stayed.", "2017-05-24"},
        {"Published July 2 2016 A raid killed six. Two fled.", "2016-07-02"},
        {"Saturday 17 September 2016 21:09 A report came. It said more.", "2016-09-17"},
        {"26.11.2014 Strikes hit the town. Nobody claimed them.", "2014-11-26"},
        {"Last updated at Apr 232017 A camp was hit. Three died.", "2017-04-23"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TestDoc t;
        split_text(&t, cases[i].text, FORMAT_JSONL);
        check_invariants(&t);
        assert_int_equal(t.list.count, 1);
        char d[11];
        assert_string_equal(date_str(t.list.items[0].date, d), cases[i].date);
        assert_int_equal(t.list.items[0].date_source, DATE_SOURCE_TEXT);
        assert_int_equal(t.list.items[0].sentence_count, 2 + (i == 0));
        free_doc(&t);
    }
    /* The title repeated first, then outlet and a weekday date. */
    TestDoc t;
    memset(&t, 0, sizeof t);
    arena_init(&t.arena);
    t.doc.text = "Air raids kill civilians Monitor AFP Friday 1 Jul 2016 Raids "
                 "hit the town.";
    t.doc.len = strlen(t.doc.text);
    t.doc.arena = &t.arena;
    t.doc.format = FORMAT_JSONL;
    t.doc.title = "Air raids kill civilians Monitor";
    t.doc.outlet = "ahram";
    t.doc.published = (Date){2016, 7, 3};
    Diagnostics diag = {0};
    t.list = split_articles(&t.doc, &diag);
    char d[11];
    assert_string_equal(date_str(t.list.items[0].date, d), "2016-07-01");
    assert_string_equal(t.list.items[0].title, t.doc.title);
    assert_string_equal(t.list.items[0].outlet, "ahram");
    arena_free(&t.arena);
    /* A date in the header run before the first full stop, in a
     * weekday-led or numeric form, even when the title differs. */
    split_text(&t,
               "Shells hit market Monitor Reuters Tuesday 6 May 2014 About 30 "
               "people died. Others fled.",
               FORMAT_JSONL);
    assert_string_equal(date_str(t.list.items[0].date, d), "2014-05-06");
    assert_int_equal(t.list.items[0].sentence_count, 2);
    free_doc(&t);
    split_text(&t, "Town shelled Agency Desk 1449 09.04.2017Get more. Text.", FORMAT_JSONL);
    assert_string_equal(date_str(t.list.items[0].date, d), "2017-04-09");
    free_doc(&t);
    /* ... but not a background date in a first sentence. */
    split_text(&t, "The war began on 15 March 2011 with protests. It goes on.", FORMAT_JSONL);
    assert_int_equal(t.list.items[0].date.year, 0);
    free_doc(&t);
    /* A dateline in capitals after the leading date. */
    split_text(&t, "Last updated at Feb 092015 NORTH TOWN At least 15 died.", FORMAT_JSONL);
    assert_string_equal(t.list.items[0].dateline, "North Town");
    assert_memory_equal(t.doc.text + t.list.items[0].sentences[0].start, "At least", 8);
    free_doc(&t);
    split_text(&t, "3 May 2016 HOMS (AP) — A car bomb went off.", FORMAT_JSONL);
    assert_string_equal(t.list.items[0].dateline, "Homs");
    assert_string_equal(t.list.items[0].outlet, "Associated Press");
    free_doc(&t);
    /* No date in the text: the published field. */
    split_text(&t, "Raids hit the town on Friday.", FORMAT_JSONL);
    assert_int_equal(t.list.items[0].date_source, DATE_SOURCE_NONE);
    free_doc(&t);
}

static void test_dateline_forms(void **state)
{
    (void)state;
    static const struct {
        const char *text, *place, *outlet;
    } cases[] = {
        {"BEIRUT (AP) — Shells fell.", "Beirut", "Associated Press"},
        {"DAMASCUS – Shells fell.", "Damascus", NULL},
        {"DEIR EL-ZOUR, Syria (Reuters) - Shells fell.", "Deir el-Zour", "Reuters"},
        {"AL-BAB – Shells fell.", "Al-Bab", NULL},
        {"Aleppo, Syria (6:00 A.M.) – Shells fell.", "Aleppo", NULL},
        {"BAGHDAD (AFP) -- Shells fell.", "Baghdad", "AFP"},
        /* not datelines */
        {"Yesterday – shells fell.", NULL, NULL},
        {"ISIS – the group said so.", NULL, NULL},
        {"Russia says – in a statement – it struck.", NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        TestDoc t;
        split_text(&t, cases[i].text, FORMAT_TEXT);
        assert_int_equal(t.list.count, 1);
        const Article *a = &t.list.items[0];
        if (cases[i].place) {
            assert_non_null(a->dateline);
            assert_string_equal(a->dateline, cases[i].place);
            assert_memory_equal(t.doc.text + a->sentences[0].start, "Shells", 6);
        } else {
            assert_null(a->dateline);
        }
        if (cases[i].outlet)
            assert_string_equal(a->outlet, cases[i].outlet);
        else
            assert_null(a->outlet);
        free_doc(&t);
    }
}

static void test_headline_lists_are_not_stories(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Army enters the northern town\n\n"
               "Troops entered the town on Monday.\n\n"
               "Source: Desk One\n\n"
               "Most read stories here\n\n"
               "Talks stall in the capital\n\n"
               "Floods hit the southern plain\n\n"
               "Prices rise again this week\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    assert_string_equal(t.list.items[0].outlet, "Desk One");
    free_doc(&t);
}

static void test_empty_and_unstructured(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t, "", FORMAT_TEXT);
    assert_int_equal(t.list.count, 0);
    free_doc(&t);
    split_text(&t, "just some words without any structure", FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    assert_int_equal(t.list.items[0].sentence_count, 1);
    free_doc(&t);
}

/* The same page with "\n", "\r\n" and lone "\r" line ends splits the
 * same way, at the same places (CR bytes are kept by the reader so that
 * offsets are the file's). */
static void test_cr_line_ends_split_alike(void **state)
{
    (void)state;
    const char *page = "2017-03-02\n"
                       "Army retakes the desert town\n"
                       "DAMASCUS - Troops entered the town on Thursday. Mines remain.\n"
                       "Source: Test Wire\n"
                       "\n"
                       "March 03, 2017\n"
                       "Council hands villages to the army\n"
                       "BEIRUT (AP) - A council said it handed over villages.\n";
    TestDoc lf;
    split_text(&lf, page, FORMAT_TEXT);
    check_invariants(&lf);
    assert_int_equal(lf.list.count, 2);
    for (int form = 0; form < 2; form++) {
        /* "\n" -> "\r\n" (offsets shift by one per line), or -> "\r". */
        char buf[1024];
        size_t n = 0;
        for (const char *p = page; *p; p++) {
            if (*p == '\n' && form == 0)
                buf[n++] = '\r';
            buf[n++] = (*p == '\n' && form == 1) ? '\r' : *p;
        }
        buf[n] = '\0';
        TestDoc cr;
        split_text(&cr, buf, FORMAT_TEXT);
        check_invariants(&cr);
        assert_int_equal(cr.list.count, lf.list.count);
        for (int i = 0; i < lf.list.count; i++) {
            const Article *a = &lf.list.items[i], *b = &cr.list.items[i];
            assert_string_equal(a->title, b->title);
            assert_int_equal(date_to_days(a->date), date_to_days(b->date));
            assert_string_equal(a->dateline, b->dateline);
            assert_int_equal(a->sentence_count, b->sentence_count);
            for (int k = 0; k < a->sentence_count; k++) {
                size_t la = a->sentences[k].end - a->sentences[k].start;
                size_t lb = b->sentences[k].end - b->sentences[k].start;
                assert_int_equal(la, lb);
                assert_memory_equal(lf.doc.text + a->sentences[k].start,
                                    cr.doc.text + b->sentences[k].start, la);
            }
            assert_true(cr.doc.text[b->span.end - 1] != '\r');
        }
        assert_string_equal(cr.list.items[0].outlet, "Test Wire");
        free_doc(&cr);
    }
    free_doc(&lf);
    /* A byte-order mark (kept by the reader) is not part of the headline. */
    split_text(&lf,
               "\xEF\xBB\xBF"
               "Army retakes the desert town\nTroops entered it.\n",
               FORMAT_TEXT);
    assert_int_equal(lf.list.count, 1);
    assert_string_equal(lf.list.items[0].title, "Army retakes the desert town");
    free_doc(&lf);
}

/* A line of only a form feed (the HTML reader's mark between <article>
 * elements) always starts a new article, and a "Posted <date> in <place>"
 * line under a headline is that article's date line. */
static void test_form_feed_and_posted_lines(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Bridge falls after a week of shelling\n\n"
               "By the desk's river correspondent\n\n"
               "The bridge collapsed on Tuesday. Nobody was on it.\n\n"
               "\f\n\n"
               "Gas attack: what is known\n\n"
               "Posted 5 April 2017 in North Province\n\n"
               "A toxic gas killed dozens in the town. Doctors treated hundreds.\n\n"
               "\f\n\n"
               "Town lost again\n\n"
               "Militants drove the troops out on Sunday.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 3);
    char d[11];
    assert_string_equal(t.list.items[0].title, "Bridge falls after a week of shelling");
    assert_int_equal(t.list.items[0].sentence_count, 2);
    assert_string_equal(t.list.items[1].title, "Gas attack: what is known");
    assert_string_equal(date_str(t.list.items[1].date, d), "2017-04-05");
    assert_int_equal(t.list.items[1].date_source, DATE_SOURCE_LINE);
    assert_int_equal(t.list.items[1].sentence_count, 2);
    assert_string_equal(t.list.items[2].title, "Town lost again");
    assert_int_equal(t.list.items[2].sentence_count, 1);
    /* the posted line is metadata, in no sentence */
    assert_int_equal(lines_dropped(&t, "Posted 5 April", false), 1);
    free_doc(&t);

    /* Without the form feeds, after body text, a headline followed by its
     * own posted line still opens the next article. */
    split_text(&t,
               "First headline here\n\n"
               "Posted on March 3, 2017 by Desk\n\n"
               "Shells hit the market. Two died.\n\n"
               "Second headline here\n\n"
               "Published 12 June 2017 | 11:40\n\n"
               "Rockets hit the port.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 2);
    assert_string_equal(date_str(t.list.items[0].date, d), "2017-03-03");
    assert_string_equal(t.list.items[1].title, "Second headline here");
    assert_string_equal(date_str(t.list.items[1].date, d), "2017-06-12");
    free_doc(&t);

    /* "Posted …" followed by a sentence is body, not a date line. */
    split_text(&t,
               "Headline of the day\n\n"
               "Posted 5 April 2017 in haste. The rest follows here.\n",
               FORMAT_TEXT);
    assert_int_equal(t.list.count, 1);
    assert_int_equal(t.list.items[0].sentence_count, 2);
    free_doc(&t);
}

/* Page headers and footers of archives and blogs: the page's name and
 * navigation are not stories, and the headline of each story is the line
 * right above it, not a section heading above its date line. */
static void test_page_furniture_and_section_headings(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Desk Online \xE2\x80\x94 Stories tagged \"North\"\n"
               "Page 2 of 17  |  Newer stories  |  Older stories\n\n"
               "2017-03-02\n"
               "Army retakes the desert town\n"
               "DAMASCUS \xE2\x80\x93 Troops entered the town on Thursday. Mines remain.\n"
               "Source: Desk Online\n\n"
               "March 03, 2017\n"
               "Council hands villages to the army\n"
               "BEIRUT (AP) \xE2\x80\x94 A council said it handed over villages.\n\n"
               "\xC2\xAB Newer stories   1  2  3 \xE2\x80\xA6 17   Older stories \xC2\xBB\n"
               "Share this page: Facebook | Twitter | Email\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 2);
    assert_string_equal(t.list.items[0].title, "Army retakes the desert town");
    assert_string_equal(t.list.items[1].title, "Council hands villages to the army");
    assert_int_equal(assert_lines_dropped(&t, "Stories tagged"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Page 2 of 17"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Newer stories   1"), 1);
    free_doc(&t);

    split_text(&t,
               "THE DESK DIGEST\n"
               "A daily digest of the northern front\n\n"
               "Tuesday, 13 June 2017\n\n"
               "Round-up for Monday and the weekend\n\n"
               "12 June, 2017\n"
               "Fighters push into the eastern districts\n"
               "The alliance said it took the industrial quarter. Fighting went on.\n\n"
               "12 June, 2017\n"
               "Air raids hit the old city overnight\n"
               "Raids killed at least 21 civilians, a monitor said.\n\n"
               "Posted by Desk Team at 11:40 PM\n\n"
               "This digest is written by volunteers. If it helps, please consider a "
               "donation.\n\n"
               "Labels: North, East, Raids\n"
               "Share to Twitter  Share to Facebook  Share to Pinterest\n"
               "Email This BlogThis!\n\n"
               "No comments:\n\n"
               "Newer Post   Home   Older Post\n"
               "Subscribe to: Post Comments (Atom)\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 2);
    char d[11];
    const Article *a = &t.list.items[0];
    assert_string_equal(a->title, "Fighters push into the eastern districts");
    assert_string_equal(date_str(a->date, d), "2017-06-12");
    assert_int_equal(a->sentence_count, 2);
    assert_string_equal(t.list.items[1].title, "Air raids hit the old city overnight");
    assert_int_equal(t.list.items[1].sentence_count, 1);
    const char *gone[] = {"THE DESK DIGEST", "Round-up for Monday",
                          "Posted by",       "volunteers",
                          "Labels:",         "Share to",
                          "BlogThis",        "Newer Post",
                          "Subscribe to"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_int_equal(assert_lines_dropped(&t, gone[i]), 1);
    free_doc(&t);

    /* A headline in capitals with its story right below stays a headline. */
    split_text(&t, "ARMY RETAKES THE TOWN\nTroops entered the town on Monday.\n", FORMAT_TEXT);
    assert_int_equal(t.list.count, 1);
    assert_string_equal(t.list.items[0].title, "ARMY RETAKES THE TOWN");
    free_doc(&t);

    /* A digest headline with its deck right below keeps the deck as lead
     * (no date line between them: not a section heading). */
    split_text(&t,
               "Tuesday, 13 June 2017\n\n"
               "Talks stall again in the capital\n"
               "Delegates left without a statement\n\n"
               "12 June, 2017\n\n"
               "The talks broke up on Monday.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    assert_string_equal(t.list.items[0].title, "Talks stall again in the capital");
    assert_int_equal(t.list.items[0].sentence_count, 2);
    free_doc(&t);
}

/* A digest's header block can hold two dates: the page's, then (after a
 * blank line) the first story's, right above its headline. The story
 * takes its own; undated stories further down take the page's. */
static void test_stacked_header_dates(void **state)
{
    (void)state;
    TestDoc t;
    split_text(&t,
               "Monday, 17 April 2017\n\n"
               "16 April, 2017\n"
               "Engineers reopen the river crossing\n"
               "The bridge was repaired overnight. Traffic resumed at dawn.\n\n\n"
               "Convoy reaches the eastern villages\n"
               "Aid trucks arrived on Monday morning.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 2);
    char d[11];
    const Article *a = &t.list.items[0];
    assert_string_equal(a->title, "Engineers reopen the river crossing");
    assert_string_equal(date_str(a->date, d), "2017-04-16");
    assert_int_equal(a->date_source, DATE_SOURCE_LINE);
    assert_int_equal(a->sentence_count, 2);
    /* the page's date line is the page header, not the story's */
    assert_memory_equal(t.doc.text + a->span.start, "16 April", 8);
    const Article *b = &t.list.items[1];
    assert_string_equal(b->title, "Convoy reaches the eastern villages");
    assert_string_equal(date_str(b->date, d), "2017-04-17");
    assert_int_equal(b->date_source, DATE_SOURCE_DIGEST);
    free_doc(&t);

    /* A second date line in a header with no headline under it is not a
     * story's: it stays in the header of the article it is in. */
    split_text(&t,
               "Checkpoint reopens north of the city\n"
               "12 May 2017\n\n"
               "Updated 13 May 2017\n"
               "The crossing reopened on Friday after two weeks.\n",
               FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    assert_string_equal(t.list.items[0].title, "Checkpoint reopens north of the city");
    assert_string_equal(date_str(t.list.items[0].date, d), "2017-05-12");
    assert_int_equal(t.list.items[0].sentence_count, 1);
    free_doc(&t);
}

/* Saved pages joined into one file: each page's masthead or "Stories
 * tagged" line comes right under the footer of the page above. The file
 * must split into the articles of its pages, no more (no article made of
 * a masthead and its tagline), and each page's date must stay on its
 * page. */
static const char *const joined_pages[] = {
    "Stories tagged \"North\" \xE2\x80\x94 page 4\n\n"
    "2017-04-10\n"
    "Army shells positions near the dam\n"
    "HAMA (AP) \xE2\x80\x94 Artillery hit the positions overnight, a monitor said.\n"
    "Source: Test Wire\n"
    "Link: http://example.org/4/1\n\n"
    "\xC2\xAB Newer stories   Older stories \xC2\xBB\n"
    "Share this page: Facebook | Twitter | Email\n\n",

    "THE RIVER GAZETTE\n"
    "Notes on the war in the north, every evening\n\n"
    "Tuesday, 18 April 2017\n\n"
    "17 April, 2017\n"
    "Rebels cut the road to the airport\n"
    "Fighters blocked the road on Monday. The army sent reinforcements.\n\n\n"
    "Families return to the old market\n"
    "Dozens of families came back as shops reopened.\n\n"
    "Posted by Gazette desk at 9:15 PM\n\n"
    "No comments:\n\n"
    "Newer Post   Home   Older Post\n\n",

    "Stories tagged \"North\" \xE2\x80\x94 page 5\n\n"
    "Shelter opens for displaced families\n"
    "A charity opened a shelter for 300 families near the border.\n"
    "Source: Relief Desk\n\n"
    "\xC2\xAB Newer stories   Older stories \xC2\xBB\n"
    "Share this page: Facebook | Twitter | Email\n\n",
};

static void test_pages_joined_in_one_file(void **state)
{
    (void)state;
    enum { PAGES = sizeof joined_pages / sizeof joined_pages[0] };
    /* Each page alone: what the joined file must give, page after page. */
    TestDoc one[PAGES];
    int expected = 0;
    for (int p = 0; p < PAGES; p++) {
        split_text(&one[p], joined_pages[p], FORMAT_TEXT);
        check_invariants(&one[p]);
        expected += one[p].list.count;
    }
    assert_int_equal(expected, 4);

    Buffer joined;
    buffer_init(&joined);
    for (int p = 0; p < PAGES; p++)
        buffer_append_str(&joined, joined_pages[p]);
    TestDoc t;
    split_text(&t, joined.data, FORMAT_TEXT);
    check_invariants(&t);
    assert_int_equal(t.list.count, expected);
    int k = 0;
    size_t offset = 0;
    char d1[11], d2[11];
    for (int p = 0; p < PAGES; p++) {
        for (int i = 0; i < one[p].list.count; i++, k++) {
            const Article *a = &t.list.items[k], *alone = &one[p].list.items[i];
            assert_string_equal(a->title, alone->title);
            assert_int_equal(a->date_source, alone->date_source);
            assert_string_equal(date_str(a->date, d1), date_str(alone->date, d2));
            assert_int_equal(a->span.start, alone->span.start + offset);
            assert_int_equal(a->span.end, alone->span.end + offset);
            assert_int_equal(a->sentence_count, alone->sentence_count);
        }
        offset += strlen(joined_pages[p]);
    }
    assert_int_equal(assert_lines_dropped(&t, "THE RIVER GAZETTE"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Notes on the war"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Stories tagged"), 2);

    /* What the pages say: the digest's first story is dated by its own
     * line, its undated second story by the digest's date, and the next
     * archive page's undated story by nothing of the digest's. */
    char d[11];
    assert_string_equal(t.list.items[1].title, "Rebels cut the road to the airport");
    assert_string_equal(date_str(t.list.items[1].date, d), "2017-04-17");
    assert_string_equal(t.list.items[2].title, "Families return to the old market");
    assert_string_equal(date_str(t.list.items[2].date, d), "2017-04-18");
    assert_int_equal(t.list.items[2].date_source, DATE_SOURCE_DIGEST);
    assert_string_equal(t.list.items[3].title, "Shelter opens for displaced families");
    assert_int_equal(t.list.items[3].date.year, 0);

    free_doc(&t);
    buffer_free(&joined);
    for (int p = 0; p < PAGES; p++)
        free_doc(&one[p]);
}

/* ---- the seed pages ------------------------------------------------------ */

static void test_seed_001_tag_archive(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    TestDoc t;
    if (!split_file(&t, seed(path, sizeof path, dir, "001_2eb522815f3a1db4.txt")))
        skip();
    check_invariants(&t);
    static const struct {
        const char *date, *outlet, *link;
    } want[] = {
        {"2017-09-05", "Middle East Online", "middle-east-online.com"},
        {"2017-08-25", "Middle East Online", "middle-east-online.com"},
        {"2017-03-03", "Associated Press", NULL},
        {"2017-03-01", NULL, NULL},
        {"2017-02-23", "Middle East Online", "middle-east-online.com"},
        {"2017-01-18", "Middle East Online", "middle-east-online.com"},
        {"2017-01-17", "Middle East Monitor", "middleeastmonitor.com"},
        {"2017-01-14", "Associated Press", NULL},
        {"2016-12-12", "Middle East Monitor", "middleeastmonitor.com"},
        {"2016-11-08", "Space War", "spacewar.com"},
    };
    assert_int_equal(t.list.count, 10);
    for (int i = 0; i < 10; i++) {
        const Article *a = &t.list.items[i];
        char d[11];
        assert_string_equal(date_str(a->date, d), want[i].date);
        assert_int_equal(a->date_source, DATE_SOURCE_LINE);
        if (want[i].outlet)
            assert_string_equal(a->outlet, want[i].outlet);
        else
            assert_null(a->outlet);
        if (want[i].link)
            assert_true(has_link_with(a, want[i].link));
        assert_true(a->sentence_count >= 10);
    }
    /* The last story's byline and "(AFP)" dateline line open it. */
    assert_string_equal(t.list.items[9].dateline, "Ain Issa");
    assert_string_equal(t.list.items[0].dateline, "Damascus");
    assert_string_equal(t.list.items[4].dateline, "Al-Bab");
    assert_string_equal(t.list.items[5].dateline, "Deir Ezzor");
    assert_int_equal(assert_lines_dropped(&t, "Advertisements"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Tag Archive"), 1);
    free_doc(&t);
}

static void test_seed_000_digest(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    TestDoc t;
    if (!split_file(&t, seed(path, sizeof path, dir, "000_c6bea5240a295d26.txt")))
        skip();
    check_invariants(&t);
    assert_true(t.list.count >= 3);
    int dated_line = 0, digest = 0;
    for (int i = 0; i < t.list.count; i++) {
        const Article *a = &t.list.items[i];
        char d[11];
        date_str(a->date, d);
        if (a->date_source == DATE_SOURCE_LINE) {
            assert_string_equal(d, "2017-06-12");
            dated_line++;
        } else {
            assert_int_equal(a->date_source, DATE_SOURCE_DIGEST);
            assert_string_equal(d, "2017-06-13");
            digest++;
        }
        assert_non_null(a->title);
    }
    /* Every "12 June, 2017" line is inside a story dated by it. */
    int lines = 0;
    for (const char *p = t.doc.text; (p = strstr(p, "12 June, 2017")); p++) {
        size_t at = (size_t)(p - t.doc.text);
        bool inside = false;
        for (int i = 0; i < t.list.count; i++)
            if (t.list.items[i].span.start <= at && at < t.list.items[i].span.end)
                inside = t.list.items[i].date_source == DATE_SOURCE_LINE;
        assert_true(inside);
        lines++;
    }
    assert_int_equal(dated_line, lines);
    assert_int_equal(lines, 3);
    assert_true(digest >= 1);
    /* The page header (the digest's date) is not an article. */
    assert_true(t.list.items[0].span.start > 30);
    free_doc(&t);
}

static void test_seed_002_boilerplate(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    TestDoc t;
    if (!split_file(&t, seed(path, sizeof path, dir, "002_082355a820b040bb.txt")))
        skip();
    check_invariants(&t);
    assert_int_equal(t.list.count, 1);
    const Article *a = &t.list.items[0];
    assert_non_null(a->title);
    assert_string_equal(a->outlet, "South Front");
    char d[11];
    assert_string_equal(date_str(a->date, d), "2017-06-10");
    assert_true(a->sentence_count >= 12);
    const char *gone[] = {"PayPal",      "Disclaimer",      "fair use",        "Copyright",
                          "Voiceover",   "Featured image",  "Become a Member", "Comment on",
                          "Articles by", "media inquiries", "original source"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++)
        assert_true(assert_lines_dropped(&t, gone[i]) >= 1);
    /* Page metadata between headline and body: inside the span (spans are
     * contiguous) but in no sentence. */
    assert_int_equal(lines_dropped(&t, "Region:", false), 1);
    assert_int_equal(lines_dropped(&t, "Theme:", false), 1);
    free_doc(&t);
}

static void test_seed_003_blog_furniture(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    TestDoc t;
    if (!split_file(&t, seed(path, sizeof path, dir, "003_c3888249847dc611.txt")))
        skip();
    check_invariants(&t);
    assert_true(t.list.count >= 1);
    assert_int_equal(assert_lines_dropped(&t, "No comments"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Post a Comment"), 1);
    assert_int_equal(assert_lines_dropped(&t, "Related Articles"), 1);
    /* The report with a date in its headline carries that date. */
    bool dated = false;
    for (int i = 0; i < t.list.count; i++) {
        char d[11];
        if (strcmp(date_str(t.list.items[i].date, d), "2017-06-23") == 0)
            dated = true;
    }
    assert_true(dated);
    free_doc(&t);
}

static void test_seed_004_blog_posts(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    TestDoc t;
    if (!split_file(&t, seed(path, sizeof path, dir, "004_c0d5f7308ebb5180.txt")))
        skip();
    check_invariants(&t);
    /* The posts in page order, each with its outlet (or link). */
    static const char *const want[] = {"Press TV",
                                       "Syrian News",
                                       "Eva Bartlett",
                                       "Al Masdar News",
                                       NULL /* the interview link */,
                                       "South Front"};
    assert_int_equal(t.list.count, 6);
    for (int i = 0; i < 6; i++) {
        const Article *a = &t.list.items[i];
        assert_non_null(a->title);
        if (want[i]) {
            assert_non_null(a->outlet);
            assert_string_equal(a->outlet, want[i]);
            assert_true(a->sentence_count >= 3);
        } else {
            assert_true(has_link_with(a, "youtube.com"));
            assert_int_equal(a->sentence_count, 0);
        }
    }
    /* "Source: Press TV" right under the first headline belongs to it. */
    const char *src = strstr(t.doc.text, "Source: Press TV");
    assert_non_null(src);
    size_t at = (size_t)(src - t.doc.text);
    assert_true(t.list.items[0].span.start < at && at < t.list.items[0].span.end);
    assert_string_equal(t.list.items[3].dateline, "Aleppo");
    free_doc(&t);
}

/* ---- FA-KES JSON Lines --------------------------------------------------- */

static int load_labels(const char *path, json_t **labels)
{
    *labels = json_object();
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        if (!o)
            continue;
        const char *id = json_string_value(json_object_get(o, "id"));
        if (id)
            json_object_set(*labels, id, o);
        json_decref(o);
    }
    free(line);
    fclose(f);
    return 0;
}

static void test_fakes_leading_dates(void **state)
{
    (void)state;
    REQUIRE_SHARED(dir);
    char path[512];
    snprintf(path, sizeof path, "%s/corpus/fakes-dev.jsonl", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        skip();
    json_t *labels;
    char lpath[512];
    snprintf(lpath, sizeof lpath, "%s/corpus/fakes-dev.labels.jsonl", dir);
    load_labels(lpath, &labels);

    int docs = 0, leading = 0, dated = 0, labelled = 0, agree = 0, sentences = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        assert_non_null(o);
        TestDoc t;
        memset(&t, 0, sizeof t);
        arena_init(&t.arena);
        const char *text = json_string_value(json_object_get(o, "text"));
        const char *id = json_string_value(json_object_get(o, "id"));
        assert_non_null(text);
        t.doc.id = arena_strdup(&t.arena, id);
        t.doc.format = FORMAT_JSONL;
        t.doc.text = arena_strdup(&t.arena, text);
        t.doc.len = strlen(text);
        t.doc.arena = &t.arena;
        const char *title = json_string_value(json_object_get(o, "title"));
        const char *outlet = json_string_value(json_object_get(o, "outlet"));
        t.doc.title = title ? arena_strdup(&t.arena, title) : NULL;
        t.doc.outlet = outlet ? arena_strdup(&t.arena, outlet) : NULL;
        Diagnostics diag = {0};
        t.list = split_articles(&t.doc, &diag);
        check_invariants(&t);
        assert_int_equal(t.list.count, 1);
        const Article *a = &t.list.items[0];
        if (t.doc.title)
            assert_string_equal(a->title, t.doc.title);
        if (t.doc.outlet)
            assert_string_equal(a->outlet, t.doc.outlet);
        assert_true(a->sentence_count >= 1);
        sentences += a->sentence_count;
        docs++;
        /* Where the text opens with a date, that is the article's date. */
        Date lead;
        if (parse_leading_date(t.doc.text, t.doc.len, &lead)) {
            leading++;
            assert_int_equal(date_to_days(a->date), date_to_days(lead));
            assert_int_equal(a->date_source, DATE_SOURCE_TEXT);
        }
        if (a->date.year && a->date.day) {
            dated++;
            json_t *lab = json_object_get(labels, t.doc.id);
            const char *ld = json_string_value(json_object_get(lab, "date"));
            Date want;
            if (ld && date_parse_iso(ld, strlen(ld), &want)) {
                labelled++;
                long diff = date_to_days(a->date) - date_to_days(want);
                if (diff >= -3 && diff <= 3)
                    agree++;
            }
        }
        arena_free(&t.arena);
        json_decref(o);
    }
    free(line);
    fclose(f);
    json_decref(labels);
    print_message("fakes-dev: %d docs, %d open with a date, %d dated from the "
                  "text, %d of %d within 3 days of the (noisy) label, %d "
                  "sentences\n",
                  docs, leading, dated, agree, labelled, sentences);
    assert_int_equal(docs, 180);
    /* Most FA-KES texts open with their date (some after a label). */
    assert_true(leading >= 100);
    assert_true(dated >= 170);
    /* A rough sanity figure only: the labels are event dates and noisy. */
    assert_true(agree * 10 >= labelled * 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tag_archive_of_dated_wire_stories),
        cmocka_unit_test(test_digest_page_header_and_inherited_date),
        cmocka_unit_test(test_blog_posts_with_source_below_headline),
        cmocka_unit_test(test_byline_and_dateline_lines_open_next_story),
        cmocka_unit_test(test_boilerplate_is_dropped),
        cmocka_unit_test(test_subheads_do_not_split),
        cmocka_unit_test(test_dateline_date_and_published_context),
        cmocka_unit_test(test_jsonl_document_is_one_article),
        cmocka_unit_test(test_dateline_forms),
        cmocka_unit_test(test_headline_lists_are_not_stories),
        cmocka_unit_test(test_empty_and_unstructured),
        cmocka_unit_test(test_cr_line_ends_split_alike),
        cmocka_unit_test(test_form_feed_and_posted_lines),
        cmocka_unit_test(test_page_furniture_and_section_headings),
        cmocka_unit_test(test_stacked_header_dates),
        cmocka_unit_test(test_pages_joined_in_one_file),
        cmocka_unit_test(test_seed_001_tag_archive),
        cmocka_unit_test(test_seed_000_digest),
        cmocka_unit_test(test_seed_002_boilerplate),
        cmocka_unit_test(test_seed_003_blog_furniture),
        cmocka_unit_test(test_seed_004_blog_posts),
        cmocka_unit_test(test_fakes_leading_dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
