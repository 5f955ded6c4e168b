/*
 * test_export.c — CSV quoting and ACLED columns, GeoJSON of events and of
 * control (parsed back with jansson), JSON Lines, and the situation report,
 * from hand-made events in a temporary store.
 */
#include "testing.h"

#include <jansson.h>

#include "../../src/export/export.h"
#include "store/fixture.h"

/* A minimal RFC 4180 reader: the fields of one record starting at *p
 * (advanced past it). Fields are written NUL-separated into out. */
static int csv_record(const char **p, char *out, size_t cap, const char **fields, int max)
{
    const char *s = *p;
    size_t o = 0;
    int n = 0;
    if (!*s)
        return 0;
    for (;;) {
        if (n == max || o >= cap)
            return -1;
        fields[n++] = out + o;
        if (*s == '"') {
            s++;
            for (;;) {
                if (!*s)
                    return -1;
                if (*s == '"' && s[1] == '"') {
                    out[o++] = '"';
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else
                    out[o++] = *s++;
                if (o >= cap)
                    return -1;
            }
        } else {
            while (*s && *s != ',' && *s != '\r' && *s != '\n' && o < cap)
                out[o++] = *s++;
        }
        out[o++] = '\0';
        if (*s == ',') {
            s++;
            continue;
        }
        if (*s == '\r')
            s++;
        if (*s == '\n')
            s++;
        break;
    }
    *p = s;
    return n;
}

static void test_csv_field_quoting(void **state)
{
    (void)state;
    Buffer b;
    buffer_init(&b);
    export_csv_field(&b, "plain");
    assert_string_equal(b.data, "plain");
    buffer_clear(&b);
    export_csv_field(&b, "a, b");
    assert_string_equal(b.data, "\"a, b\"");
    buffer_clear(&b);
    export_csv_field(&b, "he said \"62\"");
    assert_string_equal(b.data, "\"he said \"\"62\"\"\"");
    buffer_clear(&b);
    export_csv_field(&b, "two\nlines");
    assert_string_equal(b.data, "\"two\nlines\"");
    buffer_clear(&b);
    export_csv_field(&b, NULL);
    assert_int_equal(b.len, 0);
    buffer_free(&b);
    assert_int_equal(export_acled_column_count, 31);
    assert_string_equal(export_acled_columns[0], "event_id_cnty");
    assert_string_equal(export_acled_columns[30], "timestamp");
    assert_int_equal(export_acled_inter("government", "SY"), 1);
    assert_int_equal(export_acled_inter("government", "IQ"), 8);
    assert_int_equal(export_acled_inter("iraq", "IQ"), 1);
    assert_int_equal(export_acled_inter("islamic_state", "SY"), 2);
    assert_int_equal(export_acled_inter("civilians", "SY"), 7);
    assert_int_equal(export_acled_inter("us_coalition", "SY"), 8);
    assert_int_equal(export_acled_inter("unknown", "SY"), 0);
}

static Store *sample_store(char *path, size_t cap)
{
    temp_db_path(path, cap, "export");
    char err[256];
    Store *s = store_open(path, err, sizeof err);
    assert_non_null(s);
    Fixture a, b, c;
    /* Notes with a comma, quotes and a line break: the CSV must quote. */
    fixture_init(&a, "a", "Wire, One", "2016-09-18",
                 "Jets struck \"army\" positions, killing 62,\nthe monitor said.");
    Event *e =
        fixture_event(&a, "Explosions/Remote violence", "Air/drone strike", "2016-09-17",
                      "US-led coalition", SIDE_US_COALITION, "Syrian Arab Army", SIDE_GOVERNMENT,
                      fixture_place("Deir ez-Zor Airport", "SY-DY", 35.2856, 40.1757, "exact"));
    fixture_claim(&a, e, "Monitor", 62, 62, 62);
    fixture_init(&b, "b", "Daily Two", "2016-09-19", "Eighty soldiers died.");
    e = fixture_event(&b, "Explosions/Remote violence", "Air/drone strike", "2016-09-17",
                      "Coalition", SIDE_US_COALITION, NULL, SIDE_UNKNOWN,
                      fixture_place("Deir ez-Zor", "SY-DY", 35.3359, 40.1408, "exact"));
    fixture_claim(&b, e, "Ministry", 80, 80, 80);
    fixture_init(&c, "c", "Wire, One", "2016-12-12", "IS took Palmyra.");
    fixture_event(&c, "Battles", "Non-state actor overtakes territory", "2016-12-11",
                  "Islamic State", SIDE_ISLAMIC_STATE, "Syrian Arab Army", SIDE_GOVERNMENT,
                  fixture_place("Palmyra", "SY-HI", 34.5503, 38.2684, "exact"));
    /* No coordinates: in the CSV, not in the GeoJSON. */
    fixture_event(&c, "Violence against civilians", "Attack", "2016-12-10", "Islamic State",
                  SIDE_ISLAMIC_STATE, "Civilians", SIDE_CIVILIANS,
                  fixture_place("Somewhere", "SY-HI", 0, 0, "exact"));
    IngestResult r;
    assert_int_equal(fixture_ingest(s, &a, &r), 0);
    assert_int_equal(fixture_ingest(s, &b, &r), 0);
    assert_int_equal(fixture_ingest(s, &c, &r), 0);
    fixture_free(&a);
    fixture_free(&b);
    fixture_free(&c);
    return s;
}

static char *export_to_string(Store *s, ExportFormat format, const char *control_date, long *count)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    assert_non_null(f);
    *count = control_date ? export_control(s, control_date, NULL, format, f)
                          : export_events(s, NULL, format, f);
    fclose(f);
    return data;
}

static void test_csv_export(void **state)
{
    (void)state;
    char path[256];
    Store *s = sample_store(path, sizeof path);
    long n;
    char *csv = export_to_string(s, EXPORT_CSV, NULL, &n);
    assert_int_equal(n, 3);
    const char *p = csv;
    char buf[4096];
    const char *fields[64];
    assert_int_equal(csv_record(&p, buf, sizeof buf, fields, 64), 31);
    for (int i = 0; i < 31; i++)
        assert_string_equal(fields[i], export_acled_columns[i]);
    int rows = 0;
    bool saw_strike = false;
    int k;
    while ((k = csv_record(&p, buf, sizeof buf, fields, 64)) > 0) {
        assert_int_equal(k, 31);
        rows++;
        if (!strcmp(fields[6], "Air/drone strike")) {
            saw_strike = true;
            assert_true(!strncmp(fields[0], "SYR", 3));
            assert_string_equal(fields[1], "2016-09-17");
            assert_string_equal(fields[2], "2016");
            assert_string_equal(fields[3], "1");
            assert_string_equal(fields[4], "Political violence");
            assert_string_equal(fields[7], "US-led coalition");
            assert_string_equal(fields[9], "8");
            assert_string_equal(fields[12], "1");
            assert_string_equal(fields[13], "18");
            assert_string_equal(fields[15], "760");
            assert_string_equal(fields[17], "Syria");
            assert_string_equal(fields[25], "Wire, One; Daily Two");
            /* The notes survive commas, quotes and line breaks. */
            assert_string_equal(fields[27], "Jets struck \"army\" positions, killing 62,\nthe "
                                            "monitor said.");
            assert_string_equal(fields[28], "62");
            assert_non_null(strstr(fields[29], "fatalities_high=80"));
        }
        if (!strcmp(fields[6], "Attack")) {
            assert_string_equal(fields[10], "Civilians (Syria)");
            assert_string_equal(fields[14], "Civilian targeting");
            assert_string_equal(fields[22], ""); /* no coordinates */
        }
    }
    assert_int_equal(k, 0);
    assert_int_equal(rows, 3);
    assert_true(saw_strike);
    free(csv);
    store_close(s);
    temp_db_remove(path);
}

static void test_geojson_and_jsonl(void **state)
{
    (void)state;
    char path[256];
    Store *s = sample_store(path, sizeof path);
    long n;
    char *text = export_to_string(s, EXPORT_GEOJSON, NULL, &n);
    assert_int_equal(n, 2); /* the event without coordinates is left out */
    json_error_t jerr;
    json_t *fc = json_loads(text, 0, &jerr);
    if (!fc)
        fail_msg("GeoJSON does not parse: %s (line %d)", jerr.text, jerr.line);
    assert_string_equal(json_string_value(json_object_get(fc, "type")), "FeatureCollection");
    json_t *features = json_object_get(fc, "features");
    assert_int_equal(json_array_size(features), 2);
    size_t i;
    json_t *feat;
    json_array_foreach(features, i, feat)
    {
        json_t *geom = json_object_get(feat, "geometry");
        assert_string_equal(json_string_value(json_object_get(geom, "type")), "Point");
        json_t *coords = json_object_get(geom, "coordinates");
        double lon = json_real_value(json_array_get(coords, 0));
        double lat = json_real_value(json_array_get(coords, 1));
        assert_true(lon > 35 && lon < 42 && lat > 32 && lat < 37); /* lon first */
    }
    json_decref(fc);
    free(text);

    text = export_to_string(s, EXPORT_GEOJSON, "2017-01-01", &n);
    assert_int_equal(n, 1);
    fc = json_loads(text, 0, &jerr);
    assert_non_null(fc);
    feat = json_array_get(json_object_get(fc, "features"), 0);
    json_t *props = json_object_get(feat, "properties");
    assert_string_equal(json_string_value(json_object_get(props, "place")), "Palmyra");
    assert_string_equal(json_string_value(json_object_get(props, "holder_side")), "islamic_state");
    json_decref(fc);
    free(text);

    text = export_to_string(s, EXPORT_JSONL, NULL, &n);
    assert_int_equal(n, 3);
    int lines = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        json_t *o = json_loads(line, 0, &jerr);
        assert_non_null(o);
        assert_true(json_integer_value(json_object_get(o, "id")) > 0);
        json_decref(o);
        lines++;
    }
    assert_int_equal(lines, 3);
    free(text);
    store_close(s);
    temp_db_remove(path);
}

static void test_report(void **state)
{
    (void)state;
    char path[256];
    Store *s = sample_store(path, sizeof path);
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);
    assert_int_equal(export_report(s, "2016-12-12", 7, f), 0);
    fclose(f);
    /* Palmyra changed hands in the week; the September strike is outside. */
    assert_non_null(strstr(data, "SITUATION REPORT  2016-12-12"));
    assert_non_null(strstr(data, "[SY-HI]"));
    assert_non_null(strstr(data, "Islamic State took Palmyra from Syrian Arab Army"));
    assert_null(strstr(data, "Air/drone strike"));
    free(data);
    data = NULL;
    f = open_memstream(&data, &len);
    assert_int_equal(export_report(s, "2016-09-19", 3, f), 0);
    fclose(f);
    assert_non_null(strstr(data, "62-80 killed"));
    assert_non_null(strstr(data, "Monitor 62"));
    assert_non_null(strstr(data, "Ministry 80"));
    free(data);
    store_close(s);
    temp_db_remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_field_quoting),
        cmocka_unit_test(test_csv_export),
        cmocka_unit_test(test_geojson_and_jsonl),
        cmocka_unit_test(test_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
