/*
 * store.c - opening the SQLite store: pragmas (foreign keys, WAL), schema
 * migrations, transactions, and the SQLite-to-exo_err adapter.
 */
#include "store/store.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"

exo_code exo__fail_sqlite(exo_err *err, sqlite3 *db, int rc, const char *doing)
{
    exo_code code = (rc & 0xff) == SQLITE_NOMEM ? EXO_ENOMEM : EXO_ESTORE;
    if (!err || err->code != EXO_OK)
        return code;
    exo__fail(err, code, "%s: %s", doing,
              db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    err->sys = db ? sqlite3_extended_errcode(db) : rc;
    return code;
}

exo_code exo__store_exec(exo_store *store, const char *sql, exo_err *err)
{
    int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return exo__fail_sqlite(err, store->db, rc, "running SQL");
    return EXO_OK;
}

exo_code exo__store_prepare(exo_store *store, const char *sql,
                            sqlite3_stmt **stmt, exo_err *err)
{
    int rc = sqlite3_prepare_v2(store->db, sql, -1, stmt, NULL);
    if (rc != SQLITE_OK) {
        *stmt = NULL;
        return exo__fail_sqlite(err, store->db, rc, "preparing a query");
    }
    return EXO_OK;
}

exo_code exo__store_begin(exo_store *store, exo_err *err)
{
    return exo__store_exec(store, "BEGIN IMMEDIATE", err);
}

exo_code exo__store_commit(exo_store *store, exo_err *err)
{
    return exo__store_exec(store, "COMMIT", err);
}

void exo__store_rollback(exo_store *store)
{
    if (!sqlite3_get_autocommit(store->db))
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

int exo__bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
    if (!s)
        return sqlite3_bind_null(stmt, i);
    return sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
}

char *exo__column_strdup(sqlite3_stmt *stmt, int i, int *oom)
{
    const unsigned char *s = sqlite3_column_text(stmt, i);
    if (!s)
        return NULL;
    char *copy =
        exo__strndup((const char *)s, (size_t)sqlite3_column_bytes(stmt, i));
    if (!copy)
        *oom = 1;
    return copy;
}

exo_code exo_store_tune_process(exo_err *err)
{
    /* SQLite refuses (SQLITE_MISUSE) once it is initialised: the first
     * sqlite3_open or sqlite3_initialize anywhere in the process. */
    int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (rc != SQLITE_OK)
        return exo__fail_sqlite(err, NULL, rc,
                                "turning off SQLite's memory statistics");
    return EXO_OK;
}

exo_code exo_store_open(const char *path, int flags, exo_store **out,
                        exo_err *err)
{
    exo_store *store = NULL;
    struct stat st;
    int rc, sqlite_flags;
    exo_code code;
    *out = NULL;
    if (!(flags & EXO_STORE_CREATE) && stat(path, &st) != 0)
        return exo__fail_errno(err, errno,
                               "cannot open the store '%s' (make one with "
                               "'exodus import' or 'exodus init')",
                               path);
    store = exo__calloc(1, sizeof *store);
    if (!store)
        return exo__fail(err, EXO_ENOMEM, "out of memory opening '%s'", path);
    sqlite_flags = (flags & EXO_STORE_READONLY)
                       ? SQLITE_OPEN_READONLY
                       : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    rc = sqlite3_open_v2(path, &store->db, sqlite_flags | SQLITE_OPEN_NOMUTEX,
                         NULL);
    if (rc != SQLITE_OK) {
        code = exo__fail_sqlite(err, store->db, rc, "opening the store");
        exo__err_context(err, "'%s'", path);
        goto fail;
    }
    sqlite3_extended_result_codes(store->db, 1);
    sqlite3_busy_timeout(store->db, 5000);
    /* WAL with synchronous=NORMAL: a killed process never corrupts the
     * store and loses no committed transaction; only power loss may drop
     * the last commits. */
    code = exo__store_exec(store,
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA synchronous = NORMAL;"
                           /* an upper bound, not an allocation: a large
                            * import's pages stay in memory until COMMIT
                            * instead of spilling to the WAL as they change.
                            * temp_store stays SQLite's default (file): in
                            * memory, the sorter would never split a large
                            * sort into runs (write.c, rebuild_indexes). */
                           "PRAGMA cache_size = " EXO__STORE_CACHE_SIZE ";",
                           err);
    if (code)
        goto fail;
    if (!(flags & EXO_STORE_READONLY)) {
        code = exo__store_exec(store, "PRAGMA journal_mode = WAL;", err);
        if (code)
            goto fail;
        code = exo__schema_migrate(store, err);
        if (code)
            goto fail;
    }
    *out = store;
    return EXO_OK;
fail:
    exo_store_close(store);
    return code;
}

void exo_store_close(exo_store *store)
{
    if (!store)
        return;
    sqlite3_close_v2(store->db);
    exo__free(store);
}

int exo_store_schema_version(exo_store *store)
{
    return store->schema_version;
}
