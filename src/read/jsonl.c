/*
 * jsonl.c — one JSON Lines record into a Document.
 *
 * A record is an object with "id" and "text" (required) and "title",
 * "published" (YYYY-MM-DD), "outlet", "url" (optional). A record that cannot
 * be used is reported with its file and line and skipped; a bad optional
 * field is reported and ignored, keeping the record.
 */
#include "read_internal.h"

#include <jansson.h>
#include <string.h>

/* Copies a JSON string into the arena as it was decoded: offsets into a
 * record's text are offsets into its "text" value, so nothing moves. The
 * input was repaired before parsing and jansson decodes to valid UTF-8;
 * the copy only turns a "\u0000" into a space (same length). */
static const char *decoded_string(Arena *arena, const json_t *s, size_t *out_len)
{
    size_t bad, len = json_string_length(s);
    const char *t = text_repair(arena, json_string_value(s), len, &bad);
    if (out_len)
        *out_len = len;
    return t;
}

/* An optional string field: NULL when absent or null; a warning when it
 * holds something else. */
static const char *optional_string(Arena *arena, json_t *obj, const char *key, const char *path,
                                   long line, Diagnostics *diag)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return NULL;
    if (!json_is_string(v)) {
        diag_report(diag, DIAG_WARNING, path, line, "\"%s\" is not a string, ignored", key);
        return NULL;
    }
    if (json_string_length(v) == 0)
        return NULL;
    return decoded_string(arena, v, NULL);
}

/* "published": YYYY-MM-DD, or an ISO timestamp starting with one. */
static Date published_date(json_t *obj, const char *path, long line, Diagnostics *diag)
{
    Date d = {0, 0, 0};
    json_t *v = json_object_get(obj, "published");
    if (!v || json_is_null(v))
        return d;
    const char *s = json_is_string(v) ? json_string_value(v) : NULL;
    size_t n = s ? json_string_length(v) : 0;
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
    json_error_t err;
    json_t *root = json_loadb(data, len, JSON_ALLOW_NUL, &err);
    if (!root) {
        diag_report(diag, DIAG_ERROR, path, line, "malformed JSON: %s", err.text);
        return false;
    }
    bool ok = false;
    if (!json_is_object(root)) {
        diag_report(diag, DIAG_ERROR, path, line, "not a JSON object, skipped");
        goto done;
    }

    json_t *id = json_object_get(root, "id");
    const char *id_text = NULL;
    if (json_is_string(id) && json_string_length(id) > 0)
        id_text = decoded_string(arena, id, NULL);
    else if (json_is_integer(id))
        id_text = arena_printf(arena, "%lld", (long long)json_integer_value(id));
    if (!id_text) {
        diag_report(diag, DIAG_ERROR, path, line,
                    id ? "\"id\" is not a non-empty string, record skipped"
                       : "missing \"id\", record skipped");
        goto done;
    }

    json_t *text = json_object_get(root, "text");
    if (!json_is_string(text)) {
        diag_report(diag, DIAG_ERROR, path, line,
                    text ? "\"text\" is not a string, record skipped"
                         : "missing \"text\", record skipped");
        goto done;
    }

    memset(doc, 0, sizeof *doc);
    doc->id = id_text;
    doc->path = path;
    doc->line = line;
    doc->format = FORMAT_JSONL;
    doc->arena = arena;
    doc->text = decoded_string(arena, text, &doc->len);
    if (doc->len == 0) {
        diag_report(diag, DIAG_WARNING, path, line, "empty \"text\", record skipped");
        goto done;
    }
    doc->title = optional_string(arena, root, "title", path, line, diag);
    doc->outlet = optional_string(arena, root, "outlet", path, line, diag);
    doc->url = optional_string(arena, root, "url", path, line, diag);
    doc->published = published_date(root, path, line, diag);
    ok = true;
done:
    json_decref(root);
    return ok;
}
