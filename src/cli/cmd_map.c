/*
 * cmd_map.c — `sitrep map --date D -o FILE.svg [--db FILE]`: the page's
 * picture of control on one date as a static SVG file.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../serve/serve.h"

static void map_usage(FILE *f)
{
    fprintf(f, "usage: sitrep map --date YYYY-MM-DD -o FILE.svg [--db FILE]\n"
               "                  [--days N] [--width PX] [--bbox LON0,LAT0,LON1,LAT1]\n"
               "                  [--atlas countries-50m.json]\n"
               "\n"
               "Draws who held each place on the date (squares in the holder's\n"
               "colour) and the events of the N days up to it (circles sized by\n"
               "fatalities) over Natural Earth borders. -o - writes to stdout.\n"
               "\n"
               "  --days N     events of the N days ending at the date (default 30)\n"
               "  --width PX   map width in pixels (default 1000)\n"
               "  --bbox       view box in degrees (default 34,31,43,38)\n"
               "  --atlas FILE world-atlas TopoJSON (default node_modules/world-atlas/\n"
               "               countries-50m.json of the project)\n");
}

static bool parse_bbox(const char *s, MapOptions *o)
{
    double v[4];
    char tail;
    if (sscanf(s, "%lf,%lf,%lf,%lf%c", &v[0], &v[1], &v[2], &v[3], &tail) != 4)
        return false;
    if (!(v[2] > v[0]) || !(v[3] > v[1]) || v[1] < -80 || v[3] > 80 || v[0] < -180 || v[2] > 180)
        return false;
    o->lon0 = v[0];
    o->lat0 = v[1];
    o->lon1 = v[2];
    o->lat1 = v[3];
    return true;
}

static bool parse_positive(const char *s, int max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 1 || v > max)
        return false;
    *out = (int)v;
    return true;
}

int cmd_map(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    MapOptions o = {.days = 30, .width = 1000};
    const char *db = "sitrep.db", *output = NULL;
    char atlas[PATH_MAX];
    const char *atlas_arg = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            map_usage(stdout);
            return EXIT_DONE;
        } else if (!strcmp(a, "--date") && has_value) {
            o.date = argv[++i];
        } else if ((!strcmp(a, "-o") || !strcmp(a, "--output")) && has_value) {
            output = argv[++i];
        } else if (!strcmp(a, "--db") && has_value) {
            db = argv[++i];
        } else if (!strcmp(a, "--atlas") && has_value) {
            atlas_arg = argv[++i];
        } else if (!strcmp(a, "--days") && has_value) {
            if (!parse_positive(argv[++i], 3660, &o.days)) {
                fprintf(stderr, "sitrep map: bad --days '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--width") && has_value) {
            if (!parse_positive(argv[++i], 10000, &o.width) || o.width < 200) {
                fprintf(stderr, "sitrep map: bad --width '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--bbox") && has_value) {
            if (!parse_bbox(argv[++i], &o)) {
                fprintf(stderr, "sitrep map: bad --bbox '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "sitrep map: unknown or incomplete option '%s'\n", a);
            map_usage(stderr);
            return EXIT_USAGE;
        }
    }
    Date d;
    if (!o.date || !date_parse_iso(o.date, strlen(o.date), &d)) {
        fprintf(stderr, "sitrep map: --date YYYY-MM-DD is required\n");
        return EXIT_USAGE;
    }
    if (!output) {
        fprintf(stderr, "sitrep map: -o FILE.svg is required\n");
        return EXIT_USAGE;
    }
    if (atlas_arg)
        snprintf(atlas, sizeof atlas, "%s", atlas_arg);
    else if (cli_project_path("node_modules/world-atlas/countries-50m.json", atlas, sizeof atlas) !=
             0) {
        fprintf(stderr, "sitrep map: world-atlas borders not found (run "
                        "scripts/setup.sh, or give --atlas FILE)\n");
        return EXIT_USAGE;
    }
    o.atlas_path = atlas;

    char err[512];
    Store *store = store_open_existing(db, err, sizeof err);
    if (!store) {
        fprintf(stderr, "sitrep map: %s\n", err);
        return EXIT_USAGE;
    }
    bool to_stdout = !strcmp(output, "-");
    FILE *out = to_stdout ? stdout : fopen(output, "w");
    if (!out) {
        fprintf(stderr, "sitrep map: %s: %s\n", output, strerror(errno));
        store_close(store);
        return EXIT_USAGE;
    }
    int rc = map_svg_write(store, &o, out, err, sizeof err);
    if (!to_stdout && fclose(out) != 0 && rc == 0) {
        snprintf(err, sizeof err, "%s: %s", output, strerror(errno));
        rc = -1;
    }
    store_close(store);
    if (rc != 0) {
        fprintf(stderr, "sitrep map: %s\n", err);
        if (!to_stdout)
            remove(output);
        return EXIT_USAGE;
    }
    return to_stdout ? cli_finish_stdout("map", EXIT_DONE) : EXIT_DONE;
}
