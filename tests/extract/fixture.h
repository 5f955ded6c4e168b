/*
 * fixture.h — what the extract tests that run texts of their own through
 * the whole pipeline share: the real lexicon (data/ and the compiled
 * gazetteer; the tests skip without build/gazetteer.bin), an arena, and
 * run(), which reads a text as one document and extracts its events.
 */
#ifndef SITREP_TESTS_EXTRACT_FIXTURE_H
#define SITREP_TESTS_EXTRACT_FIXTURE_H

#include "testing.h"

#include "../src/extract/extract.h"

typedef struct Fixture {
    Lexicon lex;
    Diagnostics diag;
    Arena arena;
} Fixture;

static int setup(void **state)
{
    Fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    if (access("build/gazetteer.bin", R_OK) != 0 ||
        !lexicon_load(&fx->lex, "data", "build/gazetteer.bin", &fx->diag)) {
        free(fx);
        *state = NULL;
        return 0;
    }
    arena_init(&fx->arena);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fixture *fx = *state;
    if (fx) {
        arena_free(&fx->arena);
        lexicon_free(&fx->lex);
        free(fx);
    }
    return 0;
}

#define NEED_LEXICON(fx)                                                                           \
    Fixture *fx = *state;                                                                          \
    if (!fx) {                                                                                     \
        print_message("skipped: build/gazetteer.bin not built\n");                                 \
        skip();                                                                                    \
    }

/* Extracts a one-document text published on `published`. */
static inline EventList run(Fixture *fx, const char *text, Date published)
{
    Document doc;
    assert_true(document_from_bytes(&doc, &fx->arena, "t", "t", FORMAT_TEXT, text, strlen(text),
                                    &fx->diag));
    doc.published = published;
    ArticleList articles = split_articles(&doc, &fx->diag);
    assert_true(articles.count >= 1);
    return extract_document(&fx->lex, &doc, &articles, &fx->diag);
}

/* The lead event (primary), or NULL. */
static inline const Event *lead(const EventList *l)
{
    for (int i = 0; i < l->count; i++)
        if (l->items[i].primary)
            return &l->items[i];
    return NULL;
}

#endif
