/*
 * cmd_serve.c — `sitrep serve [--db FILE] [--port N] [--host ADDR]`: the
 * JSON API and the map page, until SIGINT or SIGTERM.
 *
 * The signals are blocked before the server's threads start (they inherit
 * the mask) and collected here with sigwait(), so shutdown happens on this
 * thread, in order, with no handler and no global flag.
 */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../serve/serve.h"

int cli_project_path(const char *name, char *out, size_t cap)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            int w = snprintf(out, cap, "%s/../%s", exe, name);
            if (w > 0 && (size_t)w < cap && access(out, R_OK) == 0)
                return 0;
        }
    }
    int w = snprintf(out, cap, "%s", name);
    return (w > 0 && (size_t)w < cap && access(out, R_OK) == 0) ? 0 : -1;
}

static void serve_usage(FILE *f)
{
    fprintf(f, "usage: sitrep serve [--db FILE] [--port N] [--host ADDR]\n"
               "                    [--web DIR] [--threads N]\n"
               "\n"
               "Serves the JSON API (/api/health, /api/events, /api/events/ID,\n"
               "/api/control?date=, /api/timeline?place=, /api/outlets) and the map\n"
               "page at / until interrupted.\n"
               "\n"
               "  --db FILE      store to serve (default sitrep.db; must exist)\n"
               "  --port N       TCP port (default 8080; 0 picks a free one)\n"
               "  --host ADDR    address to listen on (default 127.0.0.1)\n"
               "  --web DIR      the page's folder (default: web/ of the project)\n"
               "  --threads N    worker threads and store connections (default 4)\n");
}

/* Parses a whole decimal number in [min, max]. */
static bool parse_int(const char *s, int min, int max, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max)
        return false;
    *out = (int)v;
    return true;
}

int cmd_serve(int argc, char **argv, const CliPaths *paths)
{
    (void)paths;
    ServeOptions o = {.db_path = "sitrep.db", .host = "127.0.0.1", .port = 8080};
    char web[PATH_MAX], vendor[PATH_MAX];
    const char *web_arg = getenv("SITREP_WEB");

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            serve_usage(stdout);
            return EXIT_DONE;
        } else if (!strcmp(a, "--db") && has_value) {
            o.db_path = argv[++i];
        } else if (!strcmp(a, "--host") && has_value) {
            o.host = argv[++i];
        } else if (!strcmp(a, "--web") && has_value) {
            web_arg = argv[++i];
        } else if (!strcmp(a, "--port") && has_value) {
            if (!parse_int(argv[++i], 0, 65535, &o.port)) {
                fprintf(stderr, "sitrep serve: bad port '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--threads") && has_value) {
            if (!parse_int(argv[++i], 1, 64, &o.threads)) {
                fprintf(stderr, "sitrep serve: bad thread count '%s'\n", argv[i]);
                return EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "sitrep serve: unknown or incomplete option '%s'\n", a);
            serve_usage(stderr);
            return EXIT_USAGE;
        }
    }

    if (web_arg && *web_arg)
        snprintf(web, sizeof web, "%s", web_arg);
    else if (cli_project_path("web", web, sizeof web) != 0) {
        fprintf(stderr, "sitrep serve: cannot find the web/ folder (use --web)\n");
        return EXIT_USAGE;
    }
    o.web_root = web;
    if (cli_project_path("node_modules", vendor, sizeof vendor) == 0)
        o.vendor_root = vendor;
    else
        fprintf(stderr, "sitrep serve: node_modules not found: the map will have "
                        "no borders (run scripts/setup.sh)\n");

    /* Block the stop signals in every thread; this one waits for them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);

    char err[512];
    Server *srv = serve_start(&o, err, sizeof err);
    if (!srv) {
        fprintf(stderr, "sitrep serve: %s\n", err);
        return EXIT_USAGE;
    }
    printf("sitrep: serving %s on http://%s%s%s:%d/\n", o.db_path, strchr(o.host, ':') ? "[" : "",
           o.host, strchr(o.host, ':') ? "]" : "", serve_port(srv));
    fflush(stdout);

    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    fprintf(stderr, "sitrep serve: %s, stopping\n", sig == SIGINT ? "interrupted" : "terminated");
    serve_stop(srv);
    return EXIT_DONE;
}
