/*
 * sql.h — small helpers over the SQLite C API shared by the store, fusion
 * and the exporters: binding values that may be NULL, reading columns into
 * an arena, and recording the error of a failed call.
 *
 * Internal to src/store, src/fuse and src/export.
 */
#ifndef SITREP_STORE_SQL_H
#define SITREP_STORE_SQL_H

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "../core/core.h"

/* Binds s as TEXT, or NULL when s is NULL. */
static inline int sql_bind_text(sqlite3_stmt *st, int i, const char *s)
{
    return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

/* Binds s as TEXT, or NULL when s is NULL or empty. */
static inline int sql_bind_text_nonempty(sqlite3_stmt *st, int i, const char *s)
{
    return (s && *s) ? sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
}

static inline int sql_bind_long_or_null(sqlite3_stmt *st, int i, bool present, long v)
{
    return present ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

/* The column as an arena string, or NULL for SQL NULL. */
static inline const char *sql_col_text(sqlite3_stmt *st, int i, Arena *a)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return NULL;
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i)) : NULL;
}

static inline bool sql_col_null(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL;
}

/* Writes "what: sqlite message" into err. Returns -1 for `return sql_fail(…)`. */
static inline int sql_fail(sqlite3 *db, char *err, size_t cap, const char *what)
{
    if (err && cap)
        snprintf(err, cap, "%s: %s", what, sqlite3_errmsg(db));
    return -1;
}

/* Prepares sql or records the error. */
static inline sqlite3_stmt *sql_prepare(sqlite3 *db, const char *sql, char *err, size_t cap)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        sql_fail(db, err, cap, "prepare");
        sqlite3_finalize(st);
        return NULL;
    }
    return st;
}

#endif
