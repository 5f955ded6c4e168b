/*
 * internal.h — the Store handle, shared by the files of src/store.
 */
#ifndef SITREP_STORE_INTERNAL_H
#define SITREP_STORE_INTERNAL_H

#include "../fuse/fuse.h"
#include "sql.h"
#include "store.h"

struct Store {
    sqlite3 *db;
    Fuser *fuser; /* fusion's prepared statements */
    char err[512];
};

/* Records the SQLite error of a failed call as the store's error. */
static inline int store_fail(Store *s, const char *what)
{
    return sql_fail(s->db, s->err, sizeof s->err, what);
}

/* The SQL of schema version 1 (store.c), for tests of the migrations. */
extern const char store_schema_v1[];

/* Contract names of the extract enums (kept here so the store does not
 * depend on the extractor's object code). */
const char *store_precision_name(int precision);
const char *store_certainty_name(int certainty);
const char *store_date_source_name(int source);

#endif
