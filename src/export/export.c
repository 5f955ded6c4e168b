/*
 * export.c — events and control out of the store as ACLED-compatible CSV,
 * GeoJSON and JSON Lines.
 *
 * The CSV uses ACLED's own column names and codes (time_precision 1/2/3,
 * inter codes, geo_precision 1/2/3), so tools written for ACLED exports
 * read it unchanged. What ACLED has no column for (the low and high
 * fatality counts, certainty, the number of sources) goes into `tags`.
 */
#include "export.h"

#include <string.h>

#include "../lex/lex.h"

const char *const export_acled_columns[] = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp",
};
const int export_acled_column_count =
    (int)(sizeof export_acled_columns / sizeof *export_acled_columns);

bool export_format_parse(const char *s, ExportFormat *out)
{
    if (!s)
        return false;
    if (!strcmp(s, "csv"))
        *out = EXPORT_CSV;
    else if (!strcmp(s, "geojson"))
        *out = EXPORT_GEOJSON;
    else if (!strcmp(s, "jsonl"))
        *out = EXPORT_JSONL;
    else
        return false;
    return true;
}

void export_csv_field(Buffer *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        buffer_append_str(b, s);
        return;
    }
    buffer_append_char(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            buffer_append_char(b, '"');
        buffer_append_char(b, *p);
    }
    buffer_append_char(b, '"');
}

/* Countries of the theatre: ISO alpha-2, alpha-3, numeric, name, region. */
static const struct {
    const char *a2, *a3;
    int numeric;
    const char *name, *region;
} countries[] = {
    {"SY", "SYR", 760, "Syria", "Middle East"},  {"IQ", "IRQ", 368, "Iraq", "Middle East"},
    {"TR", "TUR", 792, "Turkey", "Middle East"}, {"LB", "LBN", 422, "Lebanon", "Middle East"},
    {"JO", "JOR", 400, "Jordan", "Middle East"}, {"IL", "ISR", 376, "Israel", "Middle East"},
    {"IR", "IRN", 364, "Iran", "Middle East"},
};

static int country_index(const char *a2)
{
    for (size_t i = 0; a2 && i < sizeof countries / sizeof *countries; i++)
        if (!strcmp(countries[i].a2, a2))
            return (int)i;
    return -1;
}

/* ACLED's actor categories: 1 state forces, 2 rebel groups, 3 political
 * militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians,
 * 8 external/other forces; 0 no actor. A state's forces are 1 at home and
 * 8 abroad. */
int export_acled_inter(const char *side, const char *country)
{
    if (!side || !strcmp(side, "unknown"))
        return 0;
    if (!strcmp(side, "government"))
        return country && strcmp(country, "SY") ? 8 : 1;
    if (!strcmp(side, "iraq"))
        return country && !strcmp(country, "IQ") ? 1 : 8;
    if (!strcmp(side, "turkey"))
        return country && !strcmp(country, "TR") ? 1 : 8;
    if (!strcmp(side, "israel"))
        return country && !strcmp(country, "IL") ? 1 : 8;
    if (!strcmp(side, "russia") || !strcmp(side, "us_coalition"))
        return 8;
    if (!strcmp(side, "civilians"))
        return 7;
    return 2; /* islamic_state, sdf, opposition, hts */
}

static const char *disorder_type(const char *event_type)
{
    if (!event_type)
        return "";
    if (!strcmp(event_type, "Strategic developments"))
        return "Strategic developments";
    if (!strcmp(event_type, "Protests") || !strcmp(event_type, "Riots"))
        return "Demonstrations";
    return "Political violence";
}

static int time_precision(const char *p)
{
    if (p && !strcmp(p, "day"))
        return 1;
    if (p && !strcmp(p, "week"))
        return 2;
    return 3;
}

static int geo_precision(const char *p)
{
    if (p && !strcmp(p, "exact"))
        return 1;
    if (p && (!strcmp(p, "near") || !strcmp(p, "district")))
        return 2;
    return 3;
}

/* An actor's name for the CSV: ACLED names an unknown actor "Unidentified
 * Armed Group"; civilians are "Civilians (Country)". */
static const char *actor_name(const StoreEvent *e, int which, const char *country, char *buf,
                              size_t cap)
{
    const char *name = which == 1 ? e->actor1 : e->actor2;
    const char *side = which == 1 ? e->side1 : e->side2;
    if (side && !strcmp(side, "civilians")) {
        snprintf(buf, cap, "Civilians (%s)", country ? country : "International");
        return buf;
    }
    if (name)
        return name;
    if (which == 1 || (side && strcmp(side, "unknown")))
        return "Unidentified Armed Group";
    return "";
}

static void csv_event(Buffer *b, const StoreEvent *e)
{
    const char *a2 = e->has_place ? e->place.country : NULL;
    int ci = country_index(a2);
    char tmp[64], a1buf[64], a2buf[64];

    snprintf(tmp, sizeof tmp, "%s%ld", ci >= 0 ? countries[ci].a3 : "XXX", e->id);
    export_csv_field(b, tmp);
    buffer_append_char(b, ',');
    export_csv_field(b, e->date);
    buffer_append_char(b, ',');
    if (e->date && strlen(e->date) >= 4)
        buffer_append(b, e->date, 4);
    buffer_printf(b, ",%d,", time_precision(e->date_precision));
    export_csv_field(b, disorder_type(e->event_type));
    buffer_append_char(b, ',');
    export_csv_field(b, e->event_type);
    buffer_append_char(b, ',');
    export_csv_field(b, e->sub_event_type);
    buffer_append_char(b, ',');
    const char *cname = ci >= 0 ? countries[ci].name : NULL;
    export_csv_field(b, actor_name(e, 1, cname, a1buf, sizeof a1buf));
    int inter1 = export_acled_inter(e->side1 ? e->side1 : "unknown", a2);
    if (inter1 == 0)
        inter1 = 3; /* an unidentified armed group: ACLED's political militia */
    const char *actor2 = actor_name(e, 2, cname, a2buf, sizeof a2buf);
    int inter2 = *actor2 ? export_acled_inter(e->side2 ? e->side2 : "unknown", a2) : 0;
    if (*actor2 && inter2 == 0)
        inter2 = 3;
    buffer_printf(b, ",,%d,", inter1);
    export_csv_field(b, actor2);
    int lo = inter1 < inter2 || inter2 == 0 ? inter1 : inter2;
    int hi = lo == inter1 ? inter2 : inter1;
    buffer_printf(b, ",,%d,%d%d,", inter2, lo, hi);
    if (e->side2 && !strcmp(e->side2, "civilians"))
        export_csv_field(b, "Civilian targeting");
    buffer_append_char(b, ',');
    if (ci >= 0)
        buffer_printf(b, "%d", countries[ci].numeric);
    buffer_append_char(b, ',');
    export_csv_field(b, ci >= 0 ? countries[ci].region : "");
    buffer_append_char(b, ',');
    export_csv_field(b, cname);
    buffer_append_char(b, ',');
    const char *adm = e->has_place ? admin1_name(e->place.admin1) : NULL;
    export_csv_field(b, adm ? adm : e->has_place ? e->place.admin1 : NULL);
    buffer_append_str(b, ",,,");
    export_csv_field(b, e->has_place ? e->place.name : NULL);
    if (e->has_place && e->place.has_coords)
        buffer_printf(b, ",%.4f,%.4f,", e->place.lat, e->place.lon);
    else
        buffer_append_str(b, ",,,");
    buffer_printf(b, "%d,", geo_precision(e->has_place ? e->place.precision : NULL));
    Buffer src;
    buffer_init(&src);
    for (int i = 0; i < e->outlet_count; i++) {
        if (i)
            buffer_append_str(&src, "; ");
        buffer_append_str(&src, e->outlets[i]);
    }
    export_csv_field(b, src.data ? src.data : "");
    buffer_free(&src);
    buffer_append_str(b, ",");
    export_csv_field(b, e->source_count > 1 ? "Multiple" : "");
    buffer_append_char(b, ',');
    export_csv_field(b, e->notes);
    buffer_printf(b, ",%ld,", e->fatalities.present ? e->fatalities.best : 0L);
    Buffer tags;
    buffer_init(&tags);
    buffer_printf(&tags, "certainty=%s; reports=%d; sources=%d",
                  e->certainty ? e->certainty : "reported", e->report_count, e->source_count);
    if (e->fatalities.present)
        buffer_printf(&tags, "; fatalities_low=%ld; fatalities_high=%ld", e->fatalities.low,
                      e->fatalities.high);
    export_csv_field(b, tags.data);
    buffer_free(&tags);
    /* ACLED's timestamp is when the row last changed: here, the latest
     * report's day (deterministic, unlike the export time). */
    long ts = 0;
    Date d;
    if (e->last_report && date_parse_iso(e->last_report, strlen(e->last_report), &d))
        ts = date_to_days(d) * 86400L;
    buffer_printf(b, ",%ld\r\n", ts);
}

static void geojson_number_or_null(Buffer *b, const char *k, bool present, long v)
{
    buffer_printf(b, ",\"%s\":", k);
    if (present)
        buffer_printf(b, "%ld", v);
    else
        buffer_append_str(b, "null");
}

static void geojson_event(Buffer *b, const StoreEvent *e)
{
    buffer_printf(b,
                  "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                  "\"coordinates\":[%.5f,%.5f]},\"properties\":{\"id\":%ld",
                  e->place.lon, e->place.lat, e->id);
    const char *fields[][2] = {
        {"event_type", e->event_type},
        {"sub_event_type", e->sub_event_type},
        {"date", e->date},
        {"date_precision", e->date_precision},
        {"actor1", e->actor1},
        {"side1", e->side1},
        {"actor2", e->actor2},
        {"side2", e->side2},
        {"place", e->place.name},
        {"admin1_code", e->place.admin1},
        {"admin1", admin1_name(e->place.admin1)},
        {"country", e->place.country},
        {"certainty", e->certainty},
        {"first_report", e->first_report},
        {"last_report", e->last_report},
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        buffer_printf(b, ",\"%s\":", fields[i][0]);
        json_write_cstr(b, fields[i][1]);
    }
    geojson_number_or_null(b, "fatalities_low", e->fatalities.present, e->fatalities.low);
    geojson_number_or_null(b, "fatalities_best", e->fatalities.present, e->fatalities.best);
    geojson_number_or_null(b, "fatalities_high", e->fatalities.present, e->fatalities.high);
    buffer_printf(b, ",\"reports\":%d,\"sources\":%d,\"outlets\":", e->report_count,
                  e->source_count);
    /* One string, not an array: GIS tools want flat attributes. */
    Buffer src;
    buffer_init(&src);
    for (int i = 0; i < e->outlet_count; i++) {
        if (i)
            buffer_append_str(&src, "; ");
        buffer_append_str(&src, e->outlets[i]);
    }
    json_write_cstr(b, src.data ? src.data : "");
    buffer_free(&src);
    buffer_append_str(b, "}}");
}

static int flush(Buffer *b, FILE *out, bool force)
{
    if (b->len && (force || b->len >= (1u << 16))) {
        if (fwrite(b->data, 1, b->len, out) != b->len)
            return -1;
        buffer_clear(b);
    }
    return 0;
}

long export_events(Store *s, const StoreFilter *f, ExportFormat format, FILE *out)
{
    StoreFilter all = {0};
    if (f)
        all = *f;
    if (all.limit == 0)
        all.limit = -1; /* exports are complete unless asked otherwise */
    Arena arena;
    arena_init(&arena);
    StoreEvent *rows;
    int n;
    if (store_query_events(s, &all, &arena, &rows, &n) != 0) {
        arena_free(&arena);
        return -1;
    }
    Buffer b;
    buffer_init(&b);
    long written = 0;
    if (format == EXPORT_CSV) {
        for (int i = 0; i < export_acled_column_count; i++)
            buffer_printf(&b, "%s%s", i ? "," : "", export_acled_columns[i]);
        buffer_append_str(&b, "\r\n");
    } else if (format == EXPORT_GEOJSON) {
        buffer_append_str(&b, "{\"type\":\"FeatureCollection\",\"features\":[\n");
    }
    /* Oldest first: the order analysts read and diff exports in. */
    for (int i = n - 1; i >= 0; i--) {
        const StoreEvent *e = &rows[i];
        if (format == EXPORT_CSV) {
            csv_event(&b, e);
        } else if (format == EXPORT_GEOJSON) {
            if (!e->has_place || !e->place.has_coords)
                continue; /* a Point needs coordinates */
            if (written)
                buffer_append_str(&b, ",\n");
            geojson_event(&b, e);
        } else {
            store_event_json(&b, e);
            buffer_append_char(&b, '\n');
        }
        written++;
        if (flush(&b, out, false) != 0)
            goto io_error;
    }
    if (format == EXPORT_GEOJSON)
        buffer_append_str(&b, "\n]}\n");
    if (flush(&b, out, true) != 0)
        goto io_error;
    buffer_free(&b);
    arena_free(&arena);
    return written;
io_error:
    buffer_free(&b);
    arena_free(&arena);
    return -1;
}

long export_control(Store *s, const char *date, const char *admin1, ExportFormat format, FILE *out)
{
    Arena arena;
    arena_init(&arena);
    StoreControl *rows;
    int n;
    if (store_control_at(s, date, admin1, &arena, &rows, &n) != 0) {
        arena_free(&arena);
        return -1;
    }
    Buffer b;
    buffer_init(&b);
    long written = 0;
    if (format == EXPORT_GEOJSON) {
        buffer_append_str(&b, "{\"type\":\"FeatureCollection\",\"date\":");
        json_write_cstr(&b, date);
        buffer_append_str(&b, ",\"features\":[\n");
    } else if (format == EXPORT_CSV) {
        buffer_append_str(&b, "place,admin1,country,latitude,longitude,holder_side,"
                              "holder_actor,since,status,evidence\r\n");
    }
    for (int i = 0; i < n; i++) {
        const StoreControl *c = &rows[i];
        if (format == EXPORT_GEOJSON) {
            if (!c->place.has_coords)
                continue;
            if (written)
                buffer_append_str(&b, ",\n");
            buffer_printf(&b,
                          "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\","
                          "\"coordinates\":[%.5f,%.5f]},\"properties\":{\"place\":",
                          c->place.lon, c->place.lat);
            json_write_cstr(&b, c->place.name);
            buffer_append_str(&b, ",\"admin1_code\":");
            json_write_cstr(&b, c->place.admin1);
            buffer_append_str(&b, ",\"holder_side\":");
            json_write_cstr(&b, c->holder_side);
            buffer_append_str(&b, ",\"holder_actor\":");
            json_write_cstr(&b, c->holder_actor);
            buffer_append_str(&b, ",\"since\":");
            json_write_cstr(&b, c->since);
            buffer_append_str(&b, ",\"status\":");
            json_write_cstr(&b, c->holder_side ? c->status : "unknown");
            geojson_number_or_null(&b, "evidence", c->evidence != 0, c->evidence);
            buffer_append_str(&b, "}}");
        } else if (format == EXPORT_CSV) {
            export_csv_field(&b, c->place.name);
            buffer_append_char(&b, ',');
            export_csv_field(&b, c->place.admin1);
            buffer_append_char(&b, ',');
            export_csv_field(&b, c->place.country);
            if (c->place.has_coords)
                buffer_printf(&b, ",%.4f,%.4f,", c->place.lat, c->place.lon);
            else
                buffer_append_str(&b, ",,,");
            export_csv_field(&b, c->holder_side ? c->holder_side : "unknown");
            buffer_append_char(&b, ',');
            export_csv_field(&b, c->holder_actor);
            buffer_append_char(&b, ',');
            export_csv_field(&b, c->since);
            buffer_append_char(&b, ',');
            export_csv_field(&b, c->holder_side ? c->status : "unknown");
            if (c->evidence)
                buffer_printf(&b, ",%ld", c->evidence);
            else
                buffer_append_char(&b, ',');
            buffer_append_str(&b, "\r\n");
        } else {
            store_control_json(&b, c);
            buffer_append_char(&b, '\n');
        }
        written++;
        if (flush(&b, out, false) != 0)
            goto io_error;
    }
    if (format == EXPORT_GEOJSON)
        buffer_append_str(&b, "\n]}\n");
    if (flush(&b, out, true) != 0)
        goto io_error;
    buffer_free(&b);
    arena_free(&arena);
    return written;
io_error:
    buffer_free(&b);
    arena_free(&arena);
    return -1;
}
