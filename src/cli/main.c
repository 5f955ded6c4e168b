/* main.c — subcommand dispatch. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const Command commands[] = {
    {"read", cmd_read, "print the articles of pages, digests and JSONL exports"},
    {"extract", cmd_extract, "print the events of pages, digests and JSONL exports"},
    {"lookup", cmd_lookup, "show how place, actor and outlet names resolve"},
    {"gazetteer-compile", cmd_gazetteer_compile,
     "compile GeoNames cities500.txt into the binary gazetteer"},
    {"serve", cmd_serve, "serve the JSON API and the map page over HTTP"},
    {"ingest", cmd_ingest, "extract, fuse and store inputs in the SQLite store"},
    {"events", cmd_events, "list stored events with filters"},
    {"event", cmd_event, "one event with every report, claim and outlet"},
    {"timeline", cmd_timeline, "who held a place, from when to when, on what evidence"},
    {"control", cmd_control, "who held each known place on a date"},
    {"sources", cmd_sources, "per outlet: events reported, corroborated, contradicted"},
    {"report", cmd_report, "a situation report for a date"},
    {"export", cmd_export, "events or control as ACLED CSV, GeoJSON or JSON Lines"},
    {"map", cmd_map, "draw control and events on a date as an SVG map"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: sitrep COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-18s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nsitrep COMMAND --help for the options of one command.\n");
}

/* Paths resolved once from argv[0]; main owns this state. */
static char data_dir[PATH_MAX];
static char gazetteer_path[PATH_MAX];

const char *cli_data_dir(void) { return data_dir; }
const char *cli_gazetteer_path(void) { return gazetteer_path; }

/* Writes "dir/name" into out; false if it does not fit. */
static bool path_join(char *out, size_t cap, const char *dir, const char *name)
{
    int n = snprintf(out, cap, "%s/%s", dir, name);
    return n >= 0 && (size_t)n < cap;
}

static bool locate_paths(const char *argv0)
{
    const char *env = getenv("SITREP_DATA");
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) {
        snprintf(exe, sizeof exe, "%s", argv0);
        n = (ssize_t)strlen(exe);
    }
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(exe, sizeof exe, ".");
    /* exe is now the directory holding the binary (build/). */
    if (env && *env) {
        if (!path_join(data_dir, sizeof data_dir, env, "."))
            return false;
    } else {
        if (!path_join(data_dir, sizeof data_dir, exe, "../data"))
            return false;
        if (access(data_dir, R_OK) != 0)
            snprintf(data_dir, sizeof data_dir, "data");
    }
    env = getenv("SITREP_GAZETTEER");
    if (env && *env) {
        int w = snprintf(gazetteer_path, sizeof gazetteer_path, "%s", env);
        return w >= 0 && (size_t)w < sizeof gazetteer_path;
    }
    return path_join(gazetteer_path, sizeof gazetteer_path, exe, "gazetteer.bin");
}

int cli_exit_status(long processed, long failed)
{
    if (processed == 0)
        return EXIT_USAGE;
    return failed ? EXIT_PARTIAL : EXIT_DONE;
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_DONE;
    }
    if (!locate_paths(argv[0])) {
        fprintf(stderr, "sitrep: installation path too long\n");
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "sitrep: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
