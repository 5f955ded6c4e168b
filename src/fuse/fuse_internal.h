/*
 * fuse_internal.h — the Fuser: the statements fusion and control run for
 * every report, prepared once. Shared by fuse_db.c and control.c.
 */
#ifndef SITREP_FUSE_INTERNAL_H
#define SITREP_FUSE_INTERNAL_H

#include "../store/sql.h"
#include "fuse.h"

/* Columns 0..10 of a reports row, read as a FuseKey by fuse_read_key(). */
#define FUSE_KEY_COLUMNS                                                       \
    "r.family, r.date_lo, r.date_hi, r.side1, r.side2, r.place_id, r.admin1," \
    " r.lat, r.lon, r.place_precision, r.date_lo IS NOT NULL"

struct Fuser {
    sqlite3 *db;
    sqlite3_stmt *report_key, *candidates, *new_event, *assign, *members, *claims,
        *update_event, *set_contradicted, *control_report, *control_places,
        *control_insert;
};

/* Resets a cached statement before use (and clears its bindings). */
static inline sqlite3_stmt *fuse_use(sqlite3_stmt *st)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
}

void fuse_read_key(sqlite3_stmt *st, int first_column, FuseKey *k, Arena *a);

#endif
