/*
 * jsonl.c — one JSON Lines record into a Document.
 *
 * A record is an object with "id" and "text" (required) and "title",
 * "published" (YYYY-MM-DD), "outlet", "url" (optional). A record that cannot
 * be used is reported with its file and line and skipped; a bad optional
 * field is reported and ignored, keeping the record.
 *
 * Two parsers read a record into a JsonlRecord: the fast one of
 * jsonl_fast.c for the usual flat object of strings, and jansson for
 * everything else (and for every syntax error, which it words). The checks
 * and messages below then do not depend on which one read it.
 */
#include "read_internal.h"

#include <jansson.h>
#include <string.h>

/* ---- jansson ------------------------------------------------------------- */

/* Copies a string as jansson decoded it: offsets into a record's text are
 * offsets into its "text" value, so nothing moves. jansson refuses invalid
 * UTF-8 (input and "\u" escapes alike), so the only change is that a
 * "\u0000" (allowed by JSON_ALLOW_NUL) becomes a space, keeping the length. */
static void jansson_value(JsonlValue *v, const json_t *j, Arena *arena)
{
    memset(v, 0, sizeof *v);
    if (!j) {
        v->kind = JSONL_ABSENT;
    } else if (json_is_null(j)) {
        v->kind = JSONL_NULL;
    } else if (json_is_string(j)) {
        v->kind = JSONL_STRING;
        v->len = json_string_length(j);
        char *s = arena_strndup(arena, json_string_value(j), v->len);
        for (char *nul = memchr(s, '\0', v->len); nul;
             nul = memchr(nul, '\0', v->len - (size_t)(nul - s)))
            *nul = ' ';
        v->string = s;
    } else if (json_is_integer(j)) {
        v->kind = JSONL_INTEGER;
        v->integer = (long long)json_integer_value(j);
    } else {
        v->kind = JSONL_OTHER;
    }
}

bool jsonl_scan_jansson(const char *data, size_t len, Arena *arena, JsonlRecord *out,
                        const char *path, long line, Diagnostics *diag)
{
    static const char *const keys[JSONL_FIELDS] = {
        [JSONL_ID] = "id",         [JSONL_TEXT] = "text",
        [JSONL_TITLE] = "title",   [JSONL_PUBLISHED] = "published",
        [JSONL_OUTLET] = "outlet", [JSONL_URL] = "url",
    };
    memset(out, 0, sizeof *out);
    json_error_t err;
    json_t *root = json_loadb(data, len, JSON_ALLOW_NUL, &err);
    if (!root) {
        diag_report(diag, DIAG_ERROR, path, line, "malformed JSON: %s", err.text);
        return false;
    }
    bool ok = json_is_object(root);
    if (ok) {
        for (int f = 0; f < JSONL_FIELDS; f++)
            jansson_value(&out->field[f], json_object_get(root, keys[f]), arena);
    } else {
        diag_report(diag, DIAG_ERROR, path, line, "not a JSON object, skipped");
    }
    json_decref(root);
    return ok;
}

/* ---- The checks both parsers share ------------------------------------------ */

/* An optional string field: NULL when absent, null or empty; a warning
 * when it holds something else than a string. */
static const char *optional_string(const JsonlValue *v, const char *key, const char *path,
                                   long line, Diagnostics *diag)
{
    if (v->kind == JSONL_ABSENT || v->kind == JSONL_NULL)
        return NULL;
    if (v->kind != JSONL_STRING) {
        diag_report(diag, DIAG_WARNING, path, line, "\"%s\" is not a string, ignored", key);
        return NULL;
    }
    return v->len > 0 ? v->string : NULL;
}

/* "published": YYYY-MM-DD, or an ISO timestamp starting with one. */
static Date published_date(const JsonlValue *v, const char *path, long line, Diagnostics *diag)
{
    Date d = {0, 0, 0};
    if (v->kind == JSONL_ABSENT || v->kind == JSONL_NULL)
        return d;
    const char *s = v->kind == JSONL_STRING ? v->string : NULL;
    size_t n = s ? v->len : 0;
    if (s && n >= 10 && (n == 10 || s[10] == 'T' || s[10] == ' ') && date_parse_iso(s, 10, &d))
        return d;
    if (s)
        diag_report(diag, DIAG_WARNING, path, line,
                    "malformed \"published\" date \"%.40s\", ignored", s);
    else
        diag_report(diag, DIAG_WARNING, path, line, "\"published\" is not a string, ignored");
    return (Date){0, 0, 0};
}

bool jsonl_parse_record(Document *doc, Arena *arena, const char *path, long line, const char *data,
                        size_t len, Diagnostics *diag)
{
    JsonlRecord rec;
    if (!jsonl_scan_fast(data, len, arena, &rec) &&
        !jsonl_scan_jansson(data, len, arena, &rec, path, line, diag))
        return false;

    const JsonlValue *id = &rec.field[JSONL_ID];
    const char *id_text = NULL;
    if (id->kind == JSONL_STRING && id->len > 0)
        id_text = id->string;
    else if (id->kind == JSONL_INTEGER)
        id_text = arena_printf(arena, "%lld", id->integer);
    if (!id_text) {
        diag_report(diag, DIAG_ERROR, path, line,
                    id->kind != JSONL_ABSENT ? "\"id\" is not a non-empty string, record skipped"
                                             : "missing \"id\", record skipped");
        return false;
    }

    const JsonlValue *text = &rec.field[JSONL_TEXT];
    if (text->kind != JSONL_STRING) {
        diag_report(diag, DIAG_ERROR, path, line,
                    text->kind != JSONL_ABSENT ? "\"text\" is not a string, record skipped"
                                               : "missing \"text\", record skipped");
        return false;
    }

    memset(doc, 0, sizeof *doc);
    doc->id = id_text;
    doc->path = path;
    doc->line = line;
    doc->format = FORMAT_JSONL;
    doc->arena = arena;
    doc->text = text->string;
    doc->len = text->len;
    if (doc->len == 0) {
        diag_report(diag, DIAG_WARNING, path, line, "empty \"text\", record skipped");
        return false;
    }
    doc->title = optional_string(&rec.field[JSONL_TITLE], "title", path, line, diag);
    doc->outlet = optional_string(&rec.field[JSONL_OUTLET], "outlet", path, line, diag);
    doc->url = optional_string(&rec.field[JSONL_URL], "url", path, line, diag);
    doc->published = published_date(&rec.field[JSONL_PUBLISHED], path, line, diag);
    return true;
}
