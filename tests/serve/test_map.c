/*
 * test_map.c — `sitrep map`'s SVG: borders decoded from the world-atlas
 * TopoJSON, places coloured by their holder on the date, events of the
 * window as circles, legend and title; against the hand-made store of
 * fixture.h.
 */
#include "testing.h"

#include <math.h>

#include "../../src/serve/serve.h"
#include "fixture.h"

static const char ATLAS[] = "node_modules/world-atlas/countries-50m.json";

typedef struct MapFixture {
    char dir[64], db[96];
    Store *store;
} MapFixture;

static int setup(void **state)
{
    MapFixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/sitrep-map-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->db, sizeof f->db, "%s/map.db", f->dir);
    char err[256];
    f->store = store_open(f->db, err, sizeof err);
    if (!f->store || fixture_fill(f->store) != 0)
        return -1;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    MapFixture *f = *state;
    store_close(f->store);
    fixture_remove_db(f->dir, f->db);
    free(f);
    return 0;
}

/* Renders the map into a heap string (caller frees). */
static char *render(MapFixture *f, const char *date, int days, int *rc, char *err, size_t cap)
{
    char *data = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&data, &len);
    assert_non_null(out);
    MapOptions o = {.date = date, .days = days, .atlas_path = ATLAS, .width = 900};
    *rc = map_svg_write(f->store, &o, out, err, cap);
    fclose(out);
    return data;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* The fill of the <rect> whose <title> starts with `title`, or "". */
static void rect_fill(const char *svg, const char *title, char out[16])
{
    out[0] = '\0';
    const char *t = strstr(svg, title);
    if (!t)
        return;
    const char *rect = t;
    while (rect > svg && strncmp(rect, "<rect", 5))
        rect--;
    const char *fill = strstr(rect, "fill=\"");
    if (fill && fill < t)
        snprintf(out, 16, "%.7s", fill + 6);
}

static void test_map_on_date(void **state)
{
    if (access(ATLAS, R_OK) != 0) {
        print_message("skipped: %s absent (npm ci)\n", ATLAS);
        skip();
    }
    char err[256], fill[16];
    int rc;
    char *svg = render(*state, "2017-03-05", 30, &rc, err, sizeof err);
    assert_int_equal(rc, 0);
    assert_true(!strncmp(svg, "<?xml", 5));
    assert_non_null(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_non_null(strstr(svg, "</svg>\n"));
    assert_non_null(strstr(svg, "Control of territory — 2017-03-05"));
    /* Borders: Syria and a handful of neighbours, not the whole world. */
    assert_non_null(strstr(svg, "<title>Syria</title>"));
    assert_non_null(strstr(svg, "<title>Turkey</title>"));
    assert_null(strstr(svg, "<title>Brazil</title>"));
    int paths = count(svg, "<path ");
    assert_true(paths >= 6 && paths <= 40);
    /* Palmyra held by the government on 2017-03-05, in the government colour. */
    rect_fill(svg, "<title>Palmyra: government", fill);
    assert_string_equal(fill, side_colour("government"));
    /* The al-Bab clash (2017-02-20) is inside the 30-day window; the Raqqa
     * strike (2017-06-10) is not. */
    assert_non_null(strstr(svg, "Armed clash — al-Bab"));
    assert_null(strstr(svg, "Air/drone strike — Raqqa"));
    assert_non_null(strstr(svg, "Government and allies (1)"));
    free(svg);
}

static void test_map_other_dates(void **state)
{
    if (access(ATLAS, R_OK) != 0)
        skip();
    char err[256], fill[16];
    int rc;
    char *svg = render(*state, "2017-01-15", 30, &rc, err, sizeof err);
    assert_int_equal(rc, 0);
    rect_fill(svg, "<title>Palmyra: islamic_state", fill);
    assert_string_equal(fill, side_colour("islamic_state"));
    free(svg);

    svg = render(*state, "2017-06-20", 30, &rc, err, sizeof err);
    assert_int_equal(rc, 0);
    assert_non_null(strstr(svg, "Air/drone strike — Raqqa"));
    assert_non_null(strstr(svg, event_type_colour("Explosions/Remote violence")));
    free(svg);
}

static void test_map_errors(void **state)
{
    MapFixture *f = *state;
    char err[256];
    FILE *out = fopen("/dev/null", "w");
    MapOptions bad_date = {.date = "2017-02-30", .atlas_path = ATLAS};
    assert_int_equal(map_svg_write(f->store, &bad_date, out, err, sizeof err), -1);
    assert_non_null(strstr(err, "YYYY-MM-DD"));
    MapOptions no_atlas = {.date = "2017-03-05", .atlas_path = "/nonexistent/atlas.json"};
    assert_int_equal(map_svg_write(f->store, &no_atlas, out, err, sizeof err), -1);
    assert_non_null(strstr(err, "/nonexistent/atlas.json"));
    fclose(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_on_date),
        cmocka_unit_test(test_map_other_dates),
        cmocka_unit_test(test_map_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
