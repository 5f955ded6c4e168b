/*
 * internal.h — the Store handle, shared by the files of src/store.
 */
#ifndef SITREP_STORE_INTERNAL_H
#define SITREP_STORE_INTERNAL_H

#include "../fuse/fuse.h"
#include "sql.h"
#include "store.h"

/* The statements of store_ingest (ingest.c), prepared on the first
 * ingest and kept for the life of the Store. */
typedef struct IngestStatements IngestStatements;

struct Store {
    sqlite3 *db;
    Fuser *fuser;             /* fusion's prepared statements */
    IngestStatements *ingest; /* NULL until the first ingest */
    char err[512];
};

void ingest_statements_free(IngestStatements *q);

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
