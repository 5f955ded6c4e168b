/*
 * cmd_gazetteer.c — `sitrep gazetteer-compile GEONAMES.txt OUT.bin`: the
 * build step that turns GeoNames cities500.txt into the binary gazetteer
 * the lexicon loads at start (see src/lex/gazetteer.c).
 */
#include "../lex/lex.h"
#include "cli.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f)
{
    fprintf(f, "usage: sitrep gazetteer-compile [--admin1 FILE] GEONAMES.txt OUT.bin\n"
               "\n"
               "Keeps the places of SY, IQ, LB, JO, TR, IL and PS from a GeoNames\n"
               "dump (cities500.txt), maps their admin1 codes to ISO 3166-2 with\n"
               "data/admin1.tsv (or FILE), folds every Latin-script name and\n"
               "alternate name into matching keys and writes OUT.bin.\n");
}

int cmd_gazetteer_compile(int argc, char **argv, const CliPaths *paths)
{
    const char *admin1 = NULL, *in = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return EXIT_DONE;
        } else if (!strcmp(argv[i], "--admin1") && i + 1 < argc) {
            admin1 = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "sitrep gazetteer-compile: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return EXIT_USAGE;
        } else if (!in) {
            in = argv[i];
        } else if (!out) {
            out = argv[i];
        } else {
            usage(stderr);
            return EXIT_USAGE;
        }
    }
    if (!in || !out) {
        usage(stderr);
        return EXIT_USAGE;
    }
    char admin1_path[PATH_MAX + 16];
    if (!admin1) {
        int w = snprintf(admin1_path, sizeof admin1_path, "%s/admin1.tsv", paths->data_dir);
        if (w < 0 || (size_t)w >= sizeof admin1_path) {
            fprintf(stderr, "sitrep gazetteer-compile: data path too long\n");
            return EXIT_USAGE;
        }
        admin1 = admin1_path;
    }
    Diagnostics diag = {0};
    GazetteerStats stats;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool ok = gazetteer_compile(in, admin1, out, &stats, &diag);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!ok)
        return EXIT_USAGE;
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    fprintf(stderr,
            "sitrep: %s: %ld places kept of %ld rows, %ld name keys (%ld names "
            "skipped), %ld places without ISO admin1, %zu bytes, %.0f ms\n",
            out, stats.places_kept, stats.rows_read, stats.names_kept, stats.names_skipped,
            stats.unmapped_admin1, stats.file_size, ms);
    return diag.errors ? EXIT_PARTIAL : EXIT_DONE;
}
