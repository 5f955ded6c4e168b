/* diag.c — reporting problems with the input, and reading whole files. */
#include "core.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

void diag_report(Diagnostics *d, DiagLevel level, const char *file, long line, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!d) { /* no sink given: still say it, just count nothing */
        fprintf(stderr, "sitrep: %s%s%s: %s\n", file ? file : "", file ? ": " : "",
                level == DIAG_ERROR ? "error" : "warning", msg);
        return;
    }
    if (level == DIAG_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->emit) {
        d->emit(d->ctx, level, file, line, msg);
        return;
    }
    const char *lvl = level == DIAG_ERROR ? "error" : "warning";
    if (file && line > 0)
        fprintf(stderr, "sitrep: %s:%ld: %s: %s\n", file, line, lvl, msg);
    else if (file)
        fprintf(stderr, "sitrep: %s: %s: %s\n", file, lvl, msg);
    else
        fprintf(stderr, "sitrep: %s: %s\n", lvl, msg);
}

int file_read_all(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    Buffer b;
    buffer_init(&b);
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && st.st_size > 0)
        buffer_reserve(&b, (size_t)st.st_size);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buffer_append(&b, chunk, n);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (err) {
        buffer_free(&b);
        return err;
    }
    if (!b.data)
        buffer_reserve(&b, 0), b.data[0] = '\0';
    *data = b.data;
    *len = b.len;
    return 0;
}
