/*
 * api.c — the JSON API of `sitrep serve`, one function per route.
 *
 * Every route validates its parameters first and answers 400 with
 * {"error": "..."} when one is malformed, so the store only ever sees
 * well-formed dates and numbers; strings (place, actor, outlet, …) go into
 * StoreFilter and from there into bound statement parameters, never into
 * SQL text. Rows come from the store's queries and are written with the
 * store's own JSON writers, so the CLI's --format jsonl and the API agree.
 */
#include "serve.h"

#include "../read/read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Longest string parameter accepted; longer ones are not names of anything. */
enum { API_MAX_PARAM = 256 };
/* Evidence events written inline with one /api/timeline answer. */
enum { API_MAX_EVIDENCE = 100 };

static const char JSON_TYPE[] = "application/json; charset=utf-8";
static const char GEOJSON_TYPE[] = "application/geo+json; charset=utf-8";

static void set_error(ApiResponse *out, int status, const char *msg)
{
    buffer_clear(&out->body);
    out->status = status;
    out->content_type = JSON_TYPE;
    buffer_append_str(&out->body, "{\"error\":");
    json_write_cstr(&out->body, msg);
    buffer_append_str(&out->body, ",\"status\":");
    buffer_printf(&out->body, "%d}", status);
}

static void set_store_error(ApiResponse *out, Store *store)
{
    set_error(out, 500, store_error(store));
}

/* ---- Parameter checks ---------------------------------------------------- */

/* A string parameter: absent or empty -> NULL; too long -> error. */
static bool param_string(ApiParamFn param, void *ctx, const char *name, const char **value,
                         ApiResponse *out)
{
    const char *v = param(ctx, name);
    *value = NULL;
    if (!v || !*v)
        return true;
    size_t len = strlen(v);
    if (len > API_MAX_PARAM) {
        char msg[96];
        snprintf(msg, sizeof msg, "parameter '%s' is longer than %d bytes", name, API_MAX_PARAM);
        set_error(out, 400, msg);
        return false;
    }
    /* Values are echoed into JSON (and matched against UTF-8 text): bytes
     * that are not UTF-8 would make the answer itself invalid. */
    char copy[API_MAX_PARAM + 1];
    size_t bad = 0;
    utf8_clean(v, len, copy, &bad);
    if (bad) {
        char msg[96];
        snprintf(msg, sizeof msg, "parameter '%s' is not valid UTF-8", name);
        set_error(out, 400, msg);
        return false;
    }
    *value = v;
    return true;
}

/* A date parameter: absent -> NULL (or an error when required); otherwise
 * exactly YYYY-MM-DD naming a real day. */
static bool param_date(ApiParamFn param, void *ctx, const char *name, bool required,
                       const char **value, ApiResponse *out)
{
    const char *v = param(ctx, name);
    Date d;
    char msg[128];
    *value = NULL;
    if (!v || !*v) {
        if (!required)
            return true;
        snprintf(msg, sizeof msg, "parameter '%s' (YYYY-MM-DD) is required", name);
        set_error(out, 400, msg);
        return false;
    }
    if (!date_parse_iso(v, strlen(v), &d)) {
        snprintf(msg, sizeof msg, "parameter '%s' must be a date as YYYY-MM-DD", name);
        set_error(out, 400, msg);
        return false;
    }
    *value = v;
    return true;
}

/* Decimal digits only, no sign, no spaces; value <= max. */
static bool parse_count_param(const char *s, long max, long *value)
{
    if (!s || !*s || strlen(s) > 12)
        return false;
    for (const char *p = s; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    errno = 0;
    long v = strtol(s, NULL, 10);
    if (errno || v > max)
        return false;
    *value = v;
    return true;
}

static bool param_long(ApiParamFn param, void *ctx, const char *name, long min, long max,
                       long fallback, long *value, ApiResponse *out)
{
    const char *v = param(ctx, name);
    *value = fallback;
    if (!v)
        return true;
    if (!parse_count_param(v, max, value) || *value < min) {
        char msg[128];
        snprintf(msg, sizeof msg, "parameter '%s' must be a whole number from %ld to %ld", name,
                 min, max);
        set_error(out, 400, msg);
        return false;
    }
    return true;
}

/* The search box is plain words, not FTS5 syntax: each whitespace-separated
 * word becomes a quoted FTS5 string (quotes doubled), all of them required.
 * So `q` can never be a malformed FTS5 query, whatever the user typed. */
static const char *fts_words(Arena *arena, const char *q)
{
    Buffer b;
    buffer_init(&b);
    const char *p = q;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            p++;
        if (!*p)
            break;
        if (b.len)
            buffer_append_char(&b, ' ');
        buffer_append_char(&b, '"');
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            if (*p == '"')
                buffer_append_char(&b, '"');
            buffer_append_char(&b, *p++);
        }
        buffer_append_char(&b, '"');
    }
    const char *out = b.len ? arena_strndup(arena, b.data, b.len) : NULL;
    buffer_free(&b);
    return out;
}

/* ---- Routes -------------------------------------------------------------- */

static void route_health(Store *store, ApiResponse *out)
{
    StoreCounts counts;
    if (store_counts(store, &counts) != 0) {
        set_store_error(out, store);
        return;
    }
    buffer_printf(&out->body,
                  "{\"status\":\"ok\",\"schema_version\":%d,"
                  "\"counts\":",
                  store_schema_version(store));
    store_counts_json(&out->body, &counts);
    buffer_append_char(&out->body, '}');
}

static void route_events(Store *store, ApiParamFn param, void *ctx, Arena *arena, ApiResponse *out)
{
    StoreFilter f;
    memset(&f, 0, sizeof f);
    const char *q;
    if (!param_date(param, ctx, "from", false, &f.from, out) ||
        !param_date(param, ctx, "to", false, &f.to, out) ||
        !param_string(param, ctx, "place", &f.place, out) ||
        !param_string(param, ctx, "admin1", &f.admin1, out) ||
        !param_string(param, ctx, "side", &f.side, out) ||
        !param_string(param, ctx, "actor", &f.actor, out) ||
        !param_string(param, ctx, "type", &f.type, out) ||
        !param_string(param, ctx, "outlet", &f.outlet, out) ||
        !param_string(param, ctx, "q", &q, out) ||
        !param_long(param, ctx, "limit", 1, API_MAX_LIMIT, API_DEFAULT_LIMIT, &f.limit, out) ||
        !param_long(param, ctx, "offset", 0, 1000000000L, 0, &f.offset, out))
        return;
    if (f.from && f.to && strcmp(f.from, f.to) > 0) {
        set_error(out, 400, "'from' is later than 'to'");
        return;
    }
    if (q)
        f.text = fts_words(arena, q);
    long limit = f.limit;
    f.limit = limit + 1; /* one more row tells whether a next page exists */

    StoreEvent *rows = NULL;
    int count = 0;
    if (store_query_events(store, &f, arena, &rows, &count) != 0) {
        set_store_error(out, store);
        return;
    }
    bool more = count > limit;
    if (more)
        count = (int)limit;
    buffer_append_str(&out->body, "{\"events\":[");
    for (int i = 0; i < count; i++) {
        if (i)
            buffer_append_char(&out->body, ',');
        store_event_json(&out->body, &rows[i]);
    }
    buffer_printf(&out->body,
                  "],\"count\":%d,\"limit\":%ld,\"offset\":%ld,"
                  "\"next_offset\":",
                  count, limit, f.offset);
    if (more)
        buffer_printf(&out->body, "%ld}", f.offset + count);
    else
        buffer_append_str(&out->body, "null}");
}

static void route_event(Store *store, const char *id_text, Arena *arena, ApiResponse *out)
{
    long id;
    if (!parse_count_param(id_text, 999999999999L, &id) || id < 1) {
        set_error(out, 400, "event id must be a positive whole number");
        return;
    }
    StoreEventDetail d;
    bool found = false;
    if (store_event_detail(store, id, arena, &d, &found) != 0) {
        set_store_error(out, store);
        return;
    }
    if (!found) {
        char msg[64];
        snprintf(msg, sizeof msg, "no event %ld", id);
        set_error(out, 404, msg);
        return;
    }
    store_event_detail_json(&out->body, &d);
}

/* Control on a date as a GeoJSON FeatureCollection: one Point per place
 * with coordinates, its holder side (null when nothing is known yet) and
 * the evidence. The page colours and the SVG map read the same fields. */
static void route_control(Store *store, ApiParamFn param, void *ctx, Arena *arena, ApiResponse *out)
{
    const char *date, *admin1;
    if (!param_date(param, ctx, "date", true, &date, out) ||
        !param_string(param, ctx, "admin1", &admin1, out))
        return;
    StoreControl *rows = NULL;
    int count = 0;
    if (store_control_at(store, date, admin1, arena, &rows, &count) != 0) {
        set_store_error(out, store);
        return;
    }
    Buffer *b = &out->body;
    out->content_type = GEOJSON_TYPE;
    buffer_append_str(b, "{\"type\":\"FeatureCollection\",\"date\":");
    json_write_cstr(b, date);
    buffer_append_str(b, ",\"features\":[");
    int written = 0, unplaced = 0;
    for (int i = 0; i < count; i++) {
        const StoreControl *c = &rows[i];
        if (!c->place.has_coords) {
            unplaced++;
            continue;
        }
        if (written++)
            buffer_append_char(b, ',');
        buffer_printf(b,
                      "{\"type\":\"Feature\",\"id\":%ld,\"geometry\":"
                      "{\"type\":\"Point\",\"coordinates\":[%.5f,%.5f]},"
                      "\"properties\":{\"place_id\":%ld,\"name\":",
                      c->place.id, c->place.lon, c->place.lat, c->place.id);
        json_write_cstr(b, c->place.name);
        buffer_append_str(b, ",\"admin1\":");
        json_write_cstr(b, c->place.admin1);
        buffer_append_str(b, ",\"country\":");
        json_write_cstr(b, c->place.country);
        buffer_append_str(b, ",\"holder_side\":");
        json_write_cstr(b, c->holder_side);
        buffer_append_str(b, ",\"holder_actor\":");
        json_write_cstr(b, c->holder_actor);
        buffer_append_str(b, ",\"since\":");
        json_write_cstr(b, c->since);
        buffer_append_str(b, ",\"status\":");
        json_write_cstr(b, c->status);
        buffer_append_str(b, ",\"evidence\":");
        if (c->evidence > 0)
            buffer_printf(b, "%ld", c->evidence);
        else
            buffer_append_str(b, "null");
        buffer_append_str(b, "}}");
    }
    buffer_printf(b, "],\"unplaced\":%d}", unplaced);
}

/* Every control timeline of the places called `place`, with the fused
 * events cited as evidence written out in full (reports, outlets,
 * sentences), so the page shows a place's sources in one request. */
static void route_timeline(Store *store, ApiParamFn param, void *ctx, Arena *arena,
                           ApiResponse *out)
{
    const char *place;
    if (!param_string(param, ctx, "place", &place, out))
        return;
    if (!place) {
        set_error(out, 400, "parameter 'place' is required");
        return;
    }
    StoreTimeline *rows = NULL;
    int count = 0;
    if (store_timeline(store, place, arena, &rows, &count) != 0) {
        set_store_error(out, store);
        return;
    }
    if (count == 0) {
        set_error(out, 404, "no control timeline for that place");
        return;
    }
    Buffer *b = &out->body;
    buffer_append_str(b, "{\"place\":");
    json_write_cstr(b, place);
    buffer_append_str(b, ",\"timelines\":[");
    for (int i = 0; i < count; i++) {
        if (i)
            buffer_append_char(b, ',');
        store_timeline_json(b, &rows[i]);
    }
    buffer_append_str(b, "],\"evidence\":{");
    /* Each cited event once, in the order first cited. */
    long seen[API_MAX_EVIDENCE];
    int nseen = 0;
    for (int i = 0; i < count; i++)
        for (int p = 0; p < rows[i].period_count; p++)
            for (int e = 0; e < rows[i].periods[p].evidence_count; e++) {
                long id = rows[i].periods[p].evidence[e];
                bool dup = false;
                for (int k = 0; k < nseen && !dup; k++)
                    dup = seen[k] == id;
                if (dup || nseen == API_MAX_EVIDENCE)
                    continue;
                StoreEventDetail d;
                bool found = false;
                if (store_event_detail(store, id, arena, &d, &found) != 0) {
                    set_store_error(out, store);
                    return;
                }
                if (!found)
                    continue;
                if (nseen)
                    buffer_append_char(b, ',');
                seen[nseen++] = id;
                buffer_printf(b, "\"%ld\":", id);
                store_event_detail_json(b, &d);
            }
    buffer_append_str(b, "}}");
}

/* The palette, so the page colours exactly as the SVG map does. */
static void legend_list(Buffer *b, const ServeLegendEntry *t, int n)
{
    buffer_append_char(b, '[');
    for (int i = 0; i < n; i++) {
        if (i)
            buffer_append_char(b, ',');
        buffer_append_str(b, "{\"key\":");
        json_write_cstr(b, t[i].key);
        buffer_append_str(b, ",\"label\":");
        json_write_cstr(b, t[i].label);
        buffer_append_str(b, ",\"colour\":");
        json_write_cstr(b, t[i].colour);
        buffer_append_char(b, '}');
    }
    buffer_append_char(b, ']');
}

static void route_legend(ApiResponse *out)
{
    buffer_append_str(&out->body, "{\"sides\":");
    legend_list(&out->body, serve_sides, serve_side_count);
    buffer_append_str(&out->body, ",\"event_types\":");
    legend_list(&out->body, serve_event_types, serve_event_type_count);
    buffer_append_char(&out->body, '}');
}

static void route_outlets(Store *store, Arena *arena, ApiResponse *out)
{
    StoreOutletStats *rows = NULL;
    int count = 0;
    if (store_outlet_stats(store, arena, &rows, &count) != 0) {
        set_store_error(out, store);
        return;
    }
    buffer_append_str(&out->body, "{\"outlets\":[");
    for (int i = 0; i < count; i++) {
        if (i)
            buffer_append_char(&out->body, ',');
        store_outlet_stats_json(&out->body, &rows[i]);
    }
    buffer_append_str(&out->body, "]}");
}

bool api_handle(Store *store, const char *path, ApiParamFn param, void *ctx, ApiResponse *out)
{
    static const char EVENTS_PREFIX[] = "/api/events/";
    out->status = 200;
    out->content_type = JSON_TYPE;
    buffer_init(&out->body);
    if (strncmp(path, "/api/", 5) != 0)
        return false;

    Arena arena;
    arena_init(&arena);
    if (!strcmp(path, "/api/health"))
        route_health(store, out);
    else if (!strcmp(path, "/api/events"))
        route_events(store, param, ctx, &arena, out);
    else if (!strncmp(path, EVENTS_PREFIX, sizeof EVENTS_PREFIX - 1))
        route_event(store, path + sizeof EVENTS_PREFIX - 1, &arena, out);
    else if (!strcmp(path, "/api/control"))
        route_control(store, param, ctx, &arena, out);
    else if (!strcmp(path, "/api/timeline"))
        route_timeline(store, param, ctx, &arena, out);
    else if (!strcmp(path, "/api/outlets"))
        route_outlets(store, &arena, out);
    else if (!strcmp(path, "/api/legend"))
        route_legend(out);
    else
        set_error(out, 404, "no such API route");
    arena_free(&arena);
    return true;
}
