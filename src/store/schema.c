/*
 * schema.c - migrations: the SQL files in src/store/schema/ are embedded at
 * build time (scripts/embed) and applied in order, each in a transaction,
 * recording its number in schema_version.
 */
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>

static const struct migration {
    const char *name; /* "NNN_what.sql": NNN is the version */
    const char *sql;
} migrations[] = {
#include "schema.inc"
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

static int migration_version(const struct migration *m)
{
    return (int)strtol(m->name, NULL, 10);
}

int exo__schema_latest(void)
{
    return migration_version(&migrations[N_MIGRATIONS - 1]);
}

exo_code exo__schema_migrate(exo_store *store, exo_err *err)
{
    sqlite3_stmt *stmt = NULL;
    exo_code code;
    int version = 0;
    code = exo__store_exec(store,
                           "CREATE TABLE IF NOT EXISTS schema_version "
                           "(version INTEGER NOT NULL)",
                           err);
    if (code)
        return code;
    code = exo__store_prepare(store, "SELECT MAX(version) FROM schema_version",
                              &stmt, err);
    if (code)
        return code;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return exo__fail_sqlite(err, store->db, rc, "reading the schema");
    if (version > exo__schema_latest())
        return exo__fail(err, EXO_ESTORE,
                         "the store is at schema version %d, newer than this "
                         "exodus knows (%d)",
                         version, exo__schema_latest());
    for (size_t i = 0; i < N_MIGRATIONS; i++) {
        int v = migration_version(&migrations[i]);
        if (v <= version)
            continue;
        if ((code = exo__store_begin(store, err)))
            return code;
        code = exo__store_exec(store, migrations[i].sql, err);
        if (!code) {
            char sql[80];
            snprintf(sql, sizeof sql, "INSERT INTO schema_version VALUES (%d)",
                     v);
            code = exo__store_exec(store, sql, err);
        }
        if (!code)
            code = exo__store_commit(store, err);
        if (code) {
            exo__store_rollback(store);
            exo__err_context(err, "applying migration %s", migrations[i].name);
            return code;
        }
        version = v;
    }
    store->schema_version = version;
    return EXO_OK;
}
