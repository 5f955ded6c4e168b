/* cmd_read.c — `sitrep read`: print the articles found in the inputs. */
#include "../read/read.h"
#include "../text/text.h"
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { READ_JSONL, READ_TEXT } ReadFormat;

typedef struct ReadRun {
    ReadFormat format;
    Diagnostics *diag;
    Buffer out;
} ReadRun;

/* Appends n in decimal. The offsets are most of an article's JSON, and
 * vsnprintf per number cost more than the rest of the line. */
static void append_size(Buffer *b, size_t n)
{
    char digits[24];
    size_t k = sizeof digits;
    do {
        digits[--k] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    buffer_append(b, digits + k, sizeof digits - k);
}

static void write_article_json(Buffer *b, const Document *doc, const Article *a)
{
    char date[11];
    buffer_append_str(b, "{\"doc_id\":");
    json_write_cstr(b, doc->id);
    buffer_append_str(b, ",\"article\":");
    append_size(b, (size_t)a->index);
    buffer_append_str(b, ",\"title\":");
    json_write_cstr(b, a->title);
    buffer_append_str(b, ",\"date\":");
    json_write_cstr(b, date_valid(a->date) ? date_format(a->date, date) : NULL);
    buffer_append_str(b, ",\"date_source\":");
    json_write_cstr(b, date_source_name(a->date_source));
    buffer_append_str(b, ",\"dateline\":");
    json_write_cstr(b, a->dateline);
    buffer_append_str(b, ",\"outlet\":");
    json_write_cstr(b, a->outlet);
    buffer_append_str(b, ",\"links\":[");
    for (int i = 0; i < a->link_count; i++) {
        if (i)
            buffer_append_char(b, ',');
        json_write_cstr(b, a->links[i]);
    }
    buffer_append_str(b, "],\"start\":");
    append_size(b, a->span.start);
    buffer_append_str(b, ",\"end\":");
    append_size(b, a->span.end);
    buffer_append_str(b, ",\"sentences\":[");
    for (int i = 0; i < a->sentence_count; i++) {
        buffer_append_str(b, i ? ",{\"start\":" : "{\"start\":");
        append_size(b, a->sentences[i].start);
        buffer_append_str(b, ",\"end\":");
        append_size(b, a->sentences[i].end);
        buffer_append_char(b, '}');
    }
    buffer_append_str(b, "]}\n");
}

static void write_article_text(Buffer *b, const Document *doc, const Article *a)
{
    char date[11];
    buffer_printf(b, "== %s #%d  %s", doc->id, a->index,
                  date_valid(a->date) ? date_format(a->date, date) : "(no date)");
    if (a->date_source != DATE_SOURCE_NONE)
        buffer_printf(b, " [%s]", date_source_name(a->date_source));
    if (a->outlet)
        buffer_printf(b, "  outlet: %s", a->outlet);
    if (a->dateline)
        buffer_printf(b, "  dateline: %s", a->dateline);
    buffer_printf(b, "\n   %s\n", a->title ? a->title : "(untitled)");
    for (int i = 0; i < a->link_count; i++)
        buffer_printf(b, "   link: %s\n", a->links[i]);
    for (int i = 0; i < a->sentence_count; i++) {
        Span s = a->sentences[i];
        buffer_printf(b, "   %3d  %.*s\n", i + 1, (int)(s.end - s.start), doc->text + s.start);
    }
    buffer_append_char(b, '\n');
}

static int print_document(Document *doc, void *ctx)
{
    ReadRun *run = ctx;
    ArticleList articles = split_articles(doc, run->diag);
    for (int i = 0; i < articles.count; i++) {
        if (run->format == READ_JSONL)
            write_article_json(&run->out, doc, &articles.items[i]);
        else
            write_article_text(&run->out, doc, &articles.items[i]);
    }
    if (run->out.len >= 1 << 16) {
        fwrite(run->out.data, 1, run->out.len, stdout);
        buffer_clear(&run->out);
    }
    return 0;
}

static void read_usage(FILE *f)
{
    fprintf(f, "usage: sitrep read [--format jsonl|text] INPUT...\n"
               "  INPUT: a .txt, .html or .jsonl file, a directory (recursive), or - for stdin\n"
               "  --format jsonl   one JSON object per article (default)\n"
               "  --format text    articles and their sentences, for reading\n");
}

int cmd_read(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    ReadRun run = {.format = READ_JSONL};
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    int n = 0;
    if (!inputs)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            read_usage(stdout);
            free(inputs);
            return EXIT_DONE;
        } else if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *f = argv[++i];
            if (!strcmp(f, "jsonl"))
                run.format = READ_JSONL;
            else if (!strcmp(f, "text"))
                run.format = READ_TEXT;
            else {
                fprintf(stderr, "sitrep read: unknown format '%s' (jsonl or text)\n", f);
                read_usage(stderr);
                free(inputs);
                return EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            fprintf(stderr, "sitrep read: unknown option '%s'\n", argv[i]);
            read_usage(stderr);
            free(inputs);
            return EXIT_USAGE;
        } else {
            inputs[n++] = argv[i];
        }
    }
    if (n == 0) {
        read_usage(stderr);
        free(inputs);
        return EXIT_USAGE;
    }
    Diagnostics diag = {0};
    ReadStats stats = {0};
    run.diag = &diag;
    buffer_init(&run.out);
    read_inputs(inputs, n, print_document, &run, &diag, &stats);
    if (run.out.len)
        fwrite(run.out.data, 1, run.out.len, stdout);
    buffer_free(&run.out);
    free(inputs);
    return cli_finish_stdout("read", cli_exit_status(stats.documents, stats.inputs_failed));
}
