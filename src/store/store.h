/*
 * store.h - the store's internals, shared by the store files. This
 * directory is the only code that includes <sqlite3.h> (and, in pg.c and
 * write_pg.c, <libpq-fe.h>). A store is an SQLite file, or a PostgreSQL
 * database when it is named by a postgresql:// URI ('pg' set, 'db' NULL).
 */
#ifndef EXO_STORE_STORE_H
#define EXO_STORE_STORE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/exo.h"

/* The page cache's bound in KiB, negated as PRAGMA cache_size wants it. */
#define EXO__STORE_CACHE_SIZE "-524288"

struct pg_conn; /* libpq's PGconn */
struct pg_cursor;
struct pg_cache;

struct exo_store {
    sqlite3 *db;
    struct pg_conn *pg;
    struct pg_cache *pg_cache;   /* its prepared statements (pg.c) */
    struct pg_cursor *pg_active; /* the cursor whose rows are in flight */
    int schema_version;
    bool checked; /* exo__store_check passed on this handle */
};

/* Records a failed SQLite call: EXO_ESTORE (EXO_ENOMEM for SQLITE_NOMEM)
 * with the extended code in 'sys' and "doing: sqlite's message". */
exo_code exo__fail_sqlite(exo_err *err, sqlite3 *db, int rc, const char *doing);
/* Runs SQL without results. */
exo_code exo__store_exec(exo_store *store, const char *sql, exo_err *err);
exo_code exo__store_prepare(exo_store *store, const char *sql,
                            sqlite3_stmt **stmt, exo_err *err);
exo_code exo__store_begin(exo_store *store, exo_err *err);
exo_code exo__store_commit(exo_store *store, exo_err *err);
/* Rolls back; never records an error over the one that caused it. */
void exo__store_rollback(exo_store *store);
/*
 * Runs PRAGMA quick_check once per handle: EXO_ESTORE naming the store and
 * SQLite's first complaint when it is damaged. Writers call it inside
 * their transaction, so that nothing is added to a damaged store.
 */
exo_code exo__store_check(exo_store *store, exo_err *err);

/* Applies the embedded migrations newer than the store (schema.c). */
exo_code exo__schema_migrate(exo_store *store, exo_err *err);
/* The newest schema version this build knows. */
int exo__schema_latest(void);

/* True for a postgresql:// (or postgres://) URI. */
bool exo__store_is_pg_uri(const char *path);
/* Connects 'store' to the PostgreSQL database at 'uri' and brings its
 * schema up to date (not with EXO_STORE_READONLY) (pg.c). */
exo_code exo__pg_open(exo_store *store, const char *uri, int flags,
                      exo_err *err);
void exo__pg_close(exo_store *store);
/* The PostgreSQL read cursor behind sql.h (pg.c). */
exo_code exo__pgq_prepare(exo_store *store, const char *sql,
                          struct pg_cursor **out, exo_err *err);
void exo__pgq_finalize(struct pg_cursor *c);
exo_code exo__pgq_fail(exo_err *err, struct pg_cursor *c, const char *doing);

/* Binds text or NULL. */
int exo__bind_text(sqlite3_stmt *stmt, int i, const char *s);
/* A copy of a text column, or NULL for SQL NULL; '*oom' set on failure. */
char *exo__column_strdup(sqlite3_stmt *stmt, int i, int *oom);

#endif
