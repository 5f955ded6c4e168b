/*
 * serve.h — `sitrep serve`: the store's JSON API and the map page over
 * HTTP (libmicrohttpd), and the static SVG map of `sitrep map`.
 *
 * Layers, each in its own file:
 *   api.c     routes /api/... to store queries and writes JSON; knows
 *             nothing of HTTP beyond a status code (testable alone);
 *   files.c   static files from the web folder and the fixed /vendor/
 *             table (drawing library and borders from node_modules);
 *   server.c  the daemon: thread pool, one store connection per worker,
 *             request dispatch, headers;
 *   map_svg.c the same picture as the page, drawn server-side to SVG from
 *             the world-atlas TopoJSON.
 *
 * Nothing the client sends reaches SQL except as a bound parameter: the
 * API passes strings into StoreFilter and the store binds them.
 */
#ifndef SITREP_SERVE_H
#define SITREP_SERVE_H

#include <stdio.h>

#include "../core/core.h"
#include "../store/store.h"

/* ---- API (no HTTP) ------------------------------------------------------ */

/* Looks up one query-string parameter (already percent-decoded); NULL when
 * absent. */
typedef const char *(*ApiParamFn)(void *ctx, const char *name);

typedef struct ApiResponse {
    int status;               /* 200, 400, 404, 405, 500 */
    const char *content_type; /* static string */
    Buffer body;              /* heap-owned; caller frees */
} ApiResponse;

/* Upper bound of `limit` on /api/events. */
enum { API_MAX_LIMIT = 1000, API_DEFAULT_LIMIT = 100 };

/* Answers GET path (starting "/api/") from the store. Always fills out
 * (an error status comes with a JSON {"error": ...} body). Returns true
 * when path is an API route at all (false: not ours, body empty). */
bool api_handle(Store *store, const char *path, ApiParamFn param, void *ctx, ApiResponse *out);

/* ---- Static files --------------------------------------------------------- */

typedef struct StaticFile {
    int fd; /* open, caller closes (or hands to MHD) */
    long size;
    const char *content_type; /* static string */
} StaticFile;

/* Maps an URL path to a file: "/vendor/NAME" through the fixed vendor
 * table under vendor_root (node_modules), anything else under web_root
 * ("/" is index.html). Refuses ".." segments, backslashes, NUL, and any
 * path whose realpath leaves the folder (symlinks included). Returns 200
 * with f filled, 400 for a malformed path, 404 when there is no such file. */
int files_open(const char *web_root, const char *vendor_root, const char *path, StaticFile *f);
/* Content-Type for a file name by extension. */
const char *files_content_type(const char *name);

/* ---- The daemon ------------------------------------------------------------ */

typedef struct ServeOptions {
    const char *db_path;
    const char *host;        /* dotted IPv4 address; default 127.0.0.1 */
    int port;                /* 0 = any free port */
    const char *web_root;    /* folder with index.html, app.js, style.css */
    const char *vendor_root; /* node_modules */
    int threads;             /* worker threads (= store connections); 0 = 4 */
} ServeOptions;

typedef struct Server Server;

/* Opens one store connection per worker (the file must exist), binds and
 * starts answering in background threads. NULL with err filled on failure. */
Server *serve_start(const ServeOptions *o, char *err, size_t err_cap);
int serve_port(const Server *s); /* the bound port */
void serve_stop(Server *s);      /* stops the threads, closes the store */

/* ---- Static SVG map ---------------------------------------------------- */

typedef struct MapOptions {
    const char *date;              /* YYYY-MM-DD: control on that day */
    int days;                      /* events of the `days` days ending at date */
    const char *atlas_path;        /* world-atlas countries-50m.json */
    int width;                     /* pixels of the map; height follows */
    double lon0, lat0, lon1, lat1; /* view box; all 0 = lon 34–43, lat 31–38 */
} MapOptions;

/* Writes the SVG to out. Returns 0, or -1 with err filled. */
int map_svg_write(Store *store, const MapOptions *o, FILE *out, char *err, size_t err_cap);

/* ---- Shared by the page and the SVG ---------------------------------- */

typedef struct ServeLegendEntry {
    const char *key;    /* contract side or ACLED event type */
    const char *label;  /* for people */
    const char *colour; /* #rrggbb */
} ServeLegendEntry;

extern const ServeLegendEntry serve_sides[];
extern const int serve_side_count;
extern const ServeLegendEntry serve_event_types[];
extern const int serve_event_type_count;

/* Fill colour of a contract side ("government", …); grey for NULL or an
 * unknown name. */
const char *side_colour(const char *side);
/* Fill colour of an ACLED event type (family, e.g. "Battles"). */
const char *event_type_colour(const char *event_type);

#endif
