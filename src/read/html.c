/*
 * html.c — the main text of an HTML page.
 *
 * gumbo builds the tree (it implements the HTML5 parsing algorithm, so
 * broken and truncated pages parse the way browsers show them). From the
 * tree we keep what a reader would read as the story: the <main> element or
 * the <article>s when the page has them, otherwise the body, minus scripts,
 * navigation, site headers and footers, forms, and the widgets that pages
 * mark with class names (share buttons, menus, sidebars, comments, ...).
 *
 * Block elements become line breaks, paragraphs are separated by a blank
 * line, and whitespace inside a paragraph collapses to one space, so the
 * splitter downstream sees headlines and paragraphs as separate lines.
 * Separate <article> elements are separated more strongly, by a line that
 * holds only a form feed: the page has told us where one post ends, and
 * the splitter always starts a new article there (a post's "Posted … in
 * Idlib" line must not pass for the headline of a story of its own).
 *
 * Trees are walked with an explicit stack: a page of a hundred thousand
 * nested <div>s must not overflow the C stack.
 */
#include "read_internal.h"

#include <gumbo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What an element contributes to the text. */
typedef enum Role {
    ROLE_INLINE,    /* its text flows into the current paragraph */
    ROLE_DROP,      /* nothing: skipped with everything inside it */
    ROLE_PARAGRAPH, /* a blank line before and after */
    ROLE_LINE,      /* a line break before and after */
    ROLE_BREAK,     /* <br>: one line break */
    ROLE_CELL,      /* a table cell: a space before and after */
} Role;

static Role tag_role(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MENU:
        return ROLE_DROP;
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
        return ROLE_PARAGRAPH;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_CAPTION:
        return ROLE_LINE;
    case GUMBO_TAG_BR:
        return ROLE_BREAK;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        return ROLE_CELL;
    default:
        return ROLE_INLINE;
    }
}

/* Words that mark page furniture in class and id attributes. A class
 * "part" (split at '-', '_', spaces, ...) starting with one of them marks
 * the element: "share-buttons", "sharedaddy", "widget_text", "navbar". */
static const char *const FURNITURE_WORDS[] = {
    "share",  "social",  "comment", "menu",   "nav",        "sidebar",
    "widget", "related", "footer",  "cookie", "breadcrumb", "advert",
};

static bool is_alnum_ascii(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool attr_names_furniture(const char *value)
{
    const char *p = value;
    while (*p) {
        while (*p && !is_alnum_ascii(*p))
            p++;
        const char *part = p;
        while (*p && is_alnum_ascii(*p))
            p++;
        size_t n = (size_t)(p - part);
        for (size_t w = 0; w < sizeof FURNITURE_WORDS / sizeof *FURNITURE_WORDS; w++) {
            size_t wn = strlen(FURNITURE_WORDS[w]);
            if (n >= wn && strncasecmp(part, FURNITURE_WORDS[w], wn) == 0)
                return true;
        }
    }
    return false;
}

static const char *attr(const GumboNode *node, const char *name)
{
    GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    return a ? a->value : NULL;
}

static bool is_element(const GumboNode *node)
{
    return node->type == GUMBO_NODE_ELEMENT;
}

/* The main/article elements are what we look for; never drop them or what
 * contains them because of a class name like "has-sidebar". */
static bool contains_content_element(const GumboNode *root)
{
    const GumboNode **stack = NULL;
    size_t depth = 0, cap = 0;
    bool found = false;
    stack = realloc(stack, (cap = 64) * sizeof *stack);
    stack[depth++] = root;
    while (depth > 0 && !found) {
        const GumboNode *n = stack[--depth];
        if (!is_element(n))
            continue;
        GumboTag t = n->v.element.tag;
        if (n != root && (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)) {
            found = true;
            break;
        }
        const GumboVector *kids = &n->v.element.children;
        for (unsigned i = 0; i < kids->length; i++) {
            if (depth == cap)
                stack = realloc(stack, (cap *= 2) * sizeof *stack);
            if (!stack)
                abort();
            stack[depth++] = kids->data[i];
        }
    }
    free(stack);
    return found;
}

/* True if the element is page furniture by its ARIA role, hidden state or
 * class/id names. */
static bool is_furniture(const GumboNode *node)
{
    GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_BODY || t == GUMBO_TAG_MAIN || t == GUMBO_TAG_ARTICLE)
        return false;
    const char *role = attr(node, "role");
    if (role && (strcasecmp(role, "navigation") == 0 || strcasecmp(role, "banner") == 0 ||
                 strcasecmp(role, "complementary") == 0 || strcasecmp(role, "contentinfo") == 0 ||
                 strcasecmp(role, "menu") == 0))
        return true;
    if (attr(node, "hidden"))
        return true;
    const char *aria_hidden = attr(node, "aria-hidden");
    if (aria_hidden && strcasecmp(aria_hidden, "true") == 0)
        return true;
    const char *cls = attr(node, "class"), *id = attr(node, "id");
    if ((cls && attr_names_furniture(cls)) || (id && attr_names_furniture(id)))
        return !contains_content_element(node);
    return false;
}

/* ---- Text output -------------------------------------------------------- */

typedef struct Extractor {
    Buffer *out;
    int pending_break;    /* newlines owed before the next text (0..2) */
    bool pending_space;   /* a space owed before the next text */
    int in_pre;           /* inside <pre>: keep line breaks */
    int in_content;       /* inside <article>/<main>: keep its <header> */
    int in_article;       /* depth of <article> elements */
    bool pending_article; /* an outermost <article> ended: the next text
                             goes after an article-break line */
    bool use_classes;     /* drop elements by class/id names */
} Extractor;

/* What goes between two <article>s: a line holding only a form feed. */
static const char ARTICLE_BREAK[] = "\n\n\f\n\n";

static void want_break(Extractor *x, int n)
{
    if (x->out->len > 0 && x->pending_break < n)
        x->pending_break = n;
}

static void add_break(Extractor *x)
{
    if (x->out->len > 0 && x->pending_break < 2)
        x->pending_break++;
}

/* Whitespace inside a paragraph: ASCII spaces and NO-BREAK SPACE. Returns
 * its length in bytes, or 0. */
static size_t space_at(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    return 0;
}

static void emit_text(Extractor *x, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t sp = space_at(s, i, n);
        if (sp) {
            if (x->in_pre && s[i] == '\n') {
                add_break(x);
                x->pending_space = false;
            } else {
                x->pending_space = true;
            }
            i += sp;
            continue;
        }
        size_t j = i;
        while (j < n && !space_at(s, j, n))
            j++;
        if (x->out->len > 0) {
            if (x->pending_article)
                buffer_append(x->out, ARTICLE_BREAK, sizeof ARTICLE_BREAK - 1);
            else if (x->pending_break)
                buffer_append(x->out, "\n\n", (size_t)x->pending_break);
            else if (x->pending_space)
                buffer_append_char(x->out, ' ');
        }
        x->pending_break = 0;
        x->pending_space = false;
        x->pending_article = false;
        buffer_append(x->out, s + i, j - i);
        i = j;
    }
}

static Role element_role(const Extractor *x, const GumboNode *node)
{
    GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_HEADER)
        /* A site header is furniture; an article's header holds its
         * headline and date line. */
        return x->in_content ? ROLE_PARAGRAPH : ROLE_DROP;
    Role r = tag_role(t);
    if (r != ROLE_DROP && x->use_classes && is_furniture(node))
        return ROLE_DROP;
    return r;
}

static void enter(Extractor *x, const GumboNode *node, Role r)
{
    GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_PRE)
        x->in_pre++;
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
        x->in_content++;
    if (t == GUMBO_TAG_ARTICLE)
        x->in_article++;
    if (r == ROLE_PARAGRAPH)
        want_break(x, 2);
    else if (r == ROLE_LINE)
        want_break(x, 1);
    else if (r == ROLE_BREAK)
        add_break(x);
    else if (r == ROLE_CELL)
        x->pending_space = true;
}

static void leave(Extractor *x, const GumboNode *node, Role r)
{
    GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_PRE)
        x->in_pre--;
    if (t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN)
        x->in_content--;
    if (t == GUMBO_TAG_ARTICLE && --x->in_article == 0 && x->out->len > 0)
        x->pending_article = true;
    if (r == ROLE_PARAGRAPH)
        want_break(x, 2);
    else if (r == ROLE_LINE)
        want_break(x, 1);
    else if (r == ROLE_CELL)
        x->pending_space = true;
}

typedef struct Frame {
    const GumboNode *node;
    unsigned next; /* index of the next child to visit */
    Role role;
} Frame;

/* Appends the text of the subtree at root to x->out. The root itself is
 * never dropped: it was chosen as content. */
static void extract_subtree(Extractor *x, const GumboNode *root)
{
    size_t cap = 64, depth = 0;
    Frame *stack = malloc(cap * sizeof *stack);
    if (!stack)
        abort();
    Role root_role = tag_role(root->v.element.tag);
    if (root_role == ROLE_DROP)
        root_role = ROLE_PARAGRAPH;
    enter(x, root, root_role);
    stack[depth++] = (Frame){root, 0, root_role};
    while (depth > 0) {
        Frame *top = &stack[depth - 1];
        const GumboVector *kids = &top->node->v.element.children;
        if (top->next >= kids->length) {
            leave(x, top->node, top->role);
            depth--;
            continue;
        }
        const GumboNode *child = kids->data[top->next++];
        switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
            emit_text(x, child->v.text.text, strlen(child->v.text.text));
            break;
        case GUMBO_NODE_WHITESPACE:
            if (x->in_pre)
                emit_text(x, child->v.text.text, strlen(child->v.text.text));
            else
                x->pending_space = true;
            break;
        case GUMBO_NODE_ELEMENT: {
            Role r = element_role(x, child);
            if (r == ROLE_DROP)
                break;
            enter(x, child, r);
            if (depth == cap) {
                stack = realloc(stack, (cap *= 2) * sizeof *stack);
                if (!stack)
                    abort();
            }
            stack[depth++] = (Frame){child, 0, r};
            break;
        }
        default: /* comments, templates */
            break;
        }
    }
    free(stack);
}

/* ---- Finding the content and the metadata ------------------------------ */

typedef struct PageParts {
    const GumboNode *body;
    const GumboNode *main;      /* first <main> or role="main" */
    const GumboNode **articles; /* outermost <article>s outside furniture */
    size_t narticles, cap_articles;
    const GumboNode *title;
} PageParts;

/* True if some ancestor of node (below <body>) would be dropped anyway, as
 * the teaser <article>s of a "related posts" sidebar are. */
static bool inside_furniture(const GumboNode *node)
{
    for (const GumboNode *p = node->parent; p && is_element(p); p = p->parent) {
        GumboTag t = p->v.element.tag;
        if (t == GUMBO_TAG_BODY)
            break;
        if (t == GUMBO_TAG_ARTICLE)
            return true; /* nested: its outer article is taken instead */
        if (t == GUMBO_TAG_HEADER || tag_role(t) == ROLE_DROP || is_furniture(p))
            return true;
    }
    return false;
}

static void collect_meta(const GumboNode *n, HtmlContent *out)
{
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_LINK && out->url.len == 0) {
        const char *rel = attr(n, "rel"), *href = attr(n, "href");
        if (rel && href && strcasecmp(rel, "canonical") == 0 && *href)
            buffer_append_str(&out->url, href);
    } else if (t == GUMBO_TAG_META && out->published.year == 0) {
        const char *prop = attr(n, "property");
        const char *itemprop = attr(n, "itemprop");
        const char *content = attr(n, "content");
        if (content && ((prop && strcasecmp(prop, "article:published_time") == 0) ||
                        (itemprop && strcasecmp(itemprop, "datePublished") == 0))) {
            Date d;
            if (strlen(content) >= 10 && date_parse_iso(content, 10, &d))
                out->published = d;
        }
    }
}

static void find_parts(const GumboNode *root, PageParts *parts, HtmlContent *out)
{
    size_t cap = 64, depth = 0;
    const GumboNode **stack = malloc(cap * sizeof *stack);
    if (!stack)
        abort();
    stack[depth++] = root;
    while (depth > 0) {
        const GumboNode *n = stack[--depth];
        const GumboVector *kids;
        if (n->type == GUMBO_NODE_DOCUMENT)
            kids = &n->v.document.children;
        else if (is_element(n))
            kids = &n->v.element.children;
        else
            continue;
        GumboTag t = n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
        if (is_element(n) && n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
            if (t == GUMBO_TAG_BODY && !parts->body)
                parts->body = n;
            else if (t == GUMBO_TAG_TITLE && !parts->title)
                parts->title = n;
            else if (t == GUMBO_TAG_LINK || t == GUMBO_TAG_META)
                collect_meta(n, out);
            const char *role = attr(n, "role");
            if (!parts->main && (t == GUMBO_TAG_MAIN || (role && strcasecmp(role, "main") == 0)))
                parts->main = n;
            if (t == GUMBO_TAG_ARTICLE && !inside_furniture(n)) {
                if (parts->narticles == parts->cap_articles) {
                    parts->cap_articles = parts->cap_articles * 2 + 8;
                    parts->articles =
                        realloc(parts->articles, parts->cap_articles * sizeof *parts->articles);
                    if (!parts->articles)
                        abort();
                }
                parts->articles[parts->narticles++] = n;
            }
        }
        /* Children pushed in reverse so they are visited in document
         * order: articles come out in the order of the page. */
        for (unsigned i = kids->length; i-- > 0;) {
            if (depth == cap) {
                stack = realloc(stack, (cap *= 2) * sizeof *stack);
                if (!stack)
                    abort();
            }
            stack[depth++] = kids->data[i];
        }
    }
    free(stack);
}

static void extract_roots(const GumboNode *const *roots, size_t n, bool use_classes, Buffer *out)
{
    Extractor x = {.out = out, .use_classes = use_classes};
    for (size_t i = 0; i < n; i++) {
        extract_subtree(&x, roots[i]);
        want_break(&x, 2);
    }
}

void html_extract(const char *html, size_t len, HtmlContent *out)
{
    memset(out, 0, sizeof *out);
    buffer_init(&out->text);
    buffer_init(&out->title);
    buffer_init(&out->url);

    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0; /* we never look at parse errors */
    GumboOutput *g = gumbo_parse_with_options(&options, html, len);

    PageParts parts = {0};
    find_parts(g->document, &parts, out);

    if (parts.title) {
        Extractor tx = {.out = &out->title};
        const GumboVector *kids = &parts.title->v.element.children;
        for (unsigned i = 0; i < kids->length; i++) {
            const GumboNode *k = kids->data[i];
            if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE)
                emit_text(&tx, k->v.text.text, strlen(k->v.text.text));
        }
    }

    const GumboNode *body = parts.body ? parts.body : g->root;
    if (parts.main)
        extract_roots(&parts.main, 1, true, &out->text);
    else if (parts.narticles > 0)
        extract_roots(parts.articles, parts.narticles, true, &out->text);

    /* The <main> or <article>s may be a teaser rather than the story: if
     * the rest of the page has far more text, the body is the content. */
    if (out->text.len < 500) {
        Buffer whole;
        buffer_init(&whole);
        extract_roots(&body, 1, true, &whole);
        if (out->text.len == 0 || whole.len > 4 * out->text.len) {
            buffer_free(&out->text);
            out->text = whole;
        } else {
            buffer_free(&whole);
        }
    }
    /* A page that puts a furniture word on its content wrapper
     * ("content has-sidebar") loses everything to the class filter; then
     * the filter was wrong, not the page. */
    if (out->text.len < 200) {
        Buffer raw;
        buffer_init(&raw);
        extract_roots(&body, 1, false, &raw);
        if (raw.len > 2 * out->text.len) {
            buffer_free(&out->text);
            out->text = raw;
        } else {
            buffer_free(&raw);
        }
    }
    buffer_append(&out->text, "", 0); /* NUL-terminated even when empty */

    free(parts.articles);
    gumbo_destroy_output(&options, g);
}

void html_content_free(HtmlContent *c)
{
    buffer_free(&c->text);
    buffer_free(&c->title);
    buffer_free(&c->url);
}
