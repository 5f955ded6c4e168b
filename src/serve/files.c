/*
 * files.c — the static side of `sitrep serve`: the page from the web
 * folder and the browser libraries and borders from node_modules.
 *
 * The web folder is the only tree a client can name files in, and only by
 * plain relative paths: a path with a ".." or "." segment, a backslash, a
 * doubled slash or a control byte is refused before touching the disk
 * (libmicrohttpd has already decoded %2e%2e into ".."), and the realpath of
 * whatever is left must still lie inside the folder, which also catches a
 * symlink pointing out of it. /vendor/ is not a folder at all but a fixed
 * table of the few files the page needs, so nothing else under
 * node_modules can be reached.
 */
#include "serve.h"

#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* URL name under /vendor/ -> path under node_modules. */
static const struct {
    const char *name, *path;
} vendor_files[] = {
    {"d3-array.js", "d3-array/dist/d3-array.min.js"},
    {"d3-geo.js", "d3-geo/dist/d3-geo.min.js"},
    {"topojson-client.js", "topojson-client/dist/topojson-client.min.js"},
    {"countries-50m.json", "world-atlas/countries-50m.json"},
    {"countries-10m.json", "world-atlas/countries-10m.json"},
};

static const struct {
    const char *ext, *type;
} content_types[] = {
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".geojson", "application/geo+json; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
};

const char *files_content_type(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (dot && !strchr(dot, '/'))
        for (size_t i = 0; i < sizeof content_types / sizeof *content_types; i++)
            if (!strcasecmp(dot, content_types[i].ext))
                return content_types[i].type;
    return "application/octet-stream";
}

/* A relative path made of plain segments: no "", ".", ".." segment, no
 * backslash, no control bytes. */
static bool plain_relative_path(const char *rel)
{
    if (!*rel)
        return false;
    const char *seg = rel;
    for (;;) {
        const char *end = strchr(seg, '/');
        size_t n = end ? (size_t)(end - seg) : strlen(seg);
        if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
            return false;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)seg[i];
            if (c < 0x20 || c == 0x7f || c == '\\' || c == ':')
                return false;
        }
        if (!end)
            return true;
        seg = end + 1;
    }
}

/* Opens root/rel as a regular file if its realpath lies under root's. */
static int open_under(const char *root, const char *rel, StaticFile *f)
{
    char root_real[PATH_MAX], joined[PATH_MAX], real[PATH_MAX];
    if (!realpath(root, root_real))
        return 404;
    int n = snprintf(joined, sizeof joined, "%s/%s", root_real, rel);
    if (n < 0 || (size_t)n >= sizeof joined)
        return 400;
    if (!realpath(joined, real))
        return 404;
    size_t rl = strlen(root_real);
    if (strncmp(real, root_real, rl) != 0 || real[rl] != '/')
        return 404; /* resolved outside the folder (a symlink) */
    int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return 404;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return 404;
    }
    f->fd = fd;
    f->size = (long)st.st_size;
    f->content_type = files_content_type(real);
    return 200;
}

int files_open(const char *web_root, const char *vendor_root, const char *path, StaticFile *f)
{
    static const char VENDOR[] = "/vendor/";
    f->fd = -1;
    f->size = 0;
    f->content_type = NULL;
    if (!path || path[0] != '/')
        return 400;
    if (!strncmp(path, VENDOR, sizeof VENDOR - 1)) {
        const char *name = path + sizeof VENDOR - 1;
        for (size_t i = 0; i < sizeof vendor_files / sizeof *vendor_files; i++)
            if (!strcmp(name, vendor_files[i].name))
                return vendor_root ? open_under(vendor_root, vendor_files[i].path, f) : 404;
        return 404;
    }
    const char *rel = path + 1;
    if (!*rel)
        rel = "index.html";
    if (!plain_relative_path(rel))
        return 400;
    return open_under(web_root, rel, f);
}
