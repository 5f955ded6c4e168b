/* main.c — subcommand dispatch. */
#include "cli.h"

#include <errno.h>
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

/* Writes "dir/name" into out; false if it does not fit. */
static bool path_join(char *out, size_t cap, const char *dir, const char *name)
{
    int n = snprintf(out, cap, "%s/%s", dir, name);
    return n >= 0 && (size_t)n < cap;
}

/* Fills p from the environment and the executable's location; false if a
 * path does not fit. */
static bool locate_paths(const char *argv0, CliPaths *p)
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
        if (!path_join(p->data_dir, sizeof p->data_dir, env, "."))
            return false;
    } else {
        if (!path_join(p->data_dir, sizeof p->data_dir, exe, "../data"))
            return false;
        if (access(p->data_dir, R_OK) != 0)
            snprintf(p->data_dir, sizeof p->data_dir, "data");
    }
    env = getenv("SITREP_GAZETTEER");
    if (env && *env) {
        int w = snprintf(p->gazetteer, sizeof p->gazetteer, "%s", env);
        return w >= 0 && (size_t)w < sizeof p->gazetteer;
    }
    return path_join(p->gazetteer, sizeof p->gazetteer, exe, "gazetteer.bin");
}

int cli_exit_status(long processed, long failed)
{
    if (processed == 0)
        return EXIT_USAGE;
    return failed ? EXIT_PARTIAL : EXIT_DONE;
}

int cli_finish_stdout(const char *cmd, int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "sitrep %s: cannot write the output: %s\n", cmd,
                errno ? strerror(errno) : "write error");
        return EXIT_USAGE;
    }
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : EXIT_DONE;
    }
    CliPaths paths;
    if (!locate_paths(argv[0], &paths)) {
        fprintf(stderr, "sitrep: installation path too long\n");
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1, &paths);
    fprintf(stderr, "sitrep: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_USAGE;
}
