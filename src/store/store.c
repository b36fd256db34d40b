/*
 * store.c - opening the SQLite store: pragmas (foreign keys, WAL), schema
 * migrations, transactions, and the SQLite-to-exo_err adapter.
 */
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core/alloc.h"
#include "store/sql.h"

/* SQLite reports memory it could not get as SQLITE_NOMEM, or, when it ran
 * out while reading or writing the file, as SQLITE_IOERR_NOMEM: both are
 * EXO_ENOMEM, not a fault of the store. */
static bool sqlite_nomem(sqlite3 *db, int rc)
{
    if ((rc & 0xff) == SQLITE_NOMEM || rc == SQLITE_IOERR_NOMEM)
        return true;
    return db && (rc & 0xff) == SQLITE_IOERR &&
           sqlite3_extended_errcode(db) == SQLITE_IOERR_NOMEM;
}

exo_code exo__fail_sqlite(exo_err *err, sqlite3 *db, int rc, const char *doing)
{
    exo_code code = sqlite_nomem(db, rc) ? EXO_ENOMEM : EXO_ESTORE;
    if (!err || err->code != EXO_OK)
        return code;
    exo__fail(err, code, "%s: %s", doing,
              db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    err->sys = db ? sqlite3_extended_errcode(db) : rc;
    return code;
}

exo_code exo__store_exec(exo_store *store, const char *sql, exo_err *err)
{
    if (store->pg) {
        return exo__bug(err, "SQLite's exec on a PostgreSQL store");
    }
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
    if (!store->db)
        return;
    if (!sqlite3_get_autocommit(store->db))
        sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
}

exo_code exo__store_check(exo_store *store, exo_err *err)
{
    sqlite3_stmt *stmt;
    if (store->checked || store->pg)
        return EXO_OK;
    /* quick_check reads every page, as integrity_check does, but skips
     * matching each index against its table: linear in the file size. Its
     * first line is "ok", or the first of at most 3 problems. */
    exo_code code =
        exo__store_prepare(store, "PRAGMA quick_check(3)", &stmt, err);
    if (code)
        return code;
    int rc = sqlite3_step(stmt);
    const char *what =
        rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) : NULL;
    if (rc == SQLITE_ROW && what && strcmp(what, "ok") == 0) {
        store->checked = true;
    } else if (sqlite_nomem(store->db, rc == SQLITE_ROW && !what
                                           ? sqlite3_errcode(store->db)
                                           : rc)) {
        /* The check itself ran out of memory: that says nothing about the
         * store, which is not to be called damaged for it. */
        code = exo__fail_sqlite(err, store->db, SQLITE_NOMEM,
                                "checking the store");
    } else {
        /* a check that cannot even read the store is the same verdict */
        if (!what)
            what = sqlite3_errmsg(store->db);
        /* On one line, without the header naming the schema ("main"). */
        static const char header[] = "*** in database main ***\n";
        if (strncmp(what, header, sizeof header - 1) == 0)
            what += sizeof header - 1;
        char problem[200];
        snprintf(problem, sizeof problem, "%s", what);
        for (char *c = problem; *c; c++)
            if (*c == '\n')
                *c = ';';
        code = exo__fail(err, EXO_ESTORE,
                         "the store '%s' is damaged (%s); it was left as it "
                         "was: restore it from a copy, or rescue what it "
                         "holds with sqlite3's .recover",
                         sqlite3_db_filename(store->db, "main"), problem);
    }
    sqlite3_finalize(stmt);
    return code;
}

int exo__bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
    if (!s)
        return sqlite3_bind_null(stmt, i);
    return sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC);
}

exo_code exo__q_prepare(exo_store *store, const char *sql, exo__q **q,
                        exo_err *err)
{
    exo_code code;
    *q = exo__calloc(1, sizeof **q);
    if (!*q)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    (*q)->store = store;
    code = store->pg ? exo__pgq_prepare(store, sql, &(*q)->pg, err)
                     : exo__store_prepare(store, sql, &(*q)->st, err);
    if (code) {
        exo__free(*q);
        *q = NULL;
    }
    return code;
}

void exo__q_finalize(exo__q *q)
{
    if (!q)
        return;
    if (q->pg)
        exo__pgq_finalize(q->pg);
    else
        sqlite3_finalize(q->st);
    exo__free(q);
}

exo_code exo__q_fail(exo_err *err, exo__q *q, int rc, const char *doing)
{
    if (q->pg)
        return exo__pgq_fail(err, q->pg, doing);
    return exo__fail_sqlite(err, q->store->db, rc, doing);
}

char *exo__q_strdup(exo__q *q, int i, int *oom)
{
    if (!q->pg)
        return exo__column_strdup(q->st, i, oom);
    const char *s = exo__q_text(q, i);
    if (!s)
        return NULL;
    char *copy = exo__strdup(s);
    if (!copy)
        *oom = 1;
    return copy;
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

/* 'exod' in ASCII (0x65786f64): the PRAGMA application_id of the stores
 * exodus makes, which tells one from any other SQLite file at a glance
 * (file(1) too). */
#define STORE_APP_ID 1702391652
#define STORE_APP_ID_TEXT "1702391652"

enum store_kind {
    STORE_EMPTY,   /* no tables at all: a file exodus may make a store of */
    STORE_EXODUS,  /* carries exodus's application id */
    STORE_LEGACY,  /* made before the application id: exodus's tables */
    STORE_FOREIGN, /* someone else's database: never touched */
};

/*
 * What the file open on 'db' is, found by reading its header and schema
 * only; returns SQLite's result code (the first read of a file is where a
 * file that is not a database, or a read-only WAL store, shows up).
 */
static int store_probe(sqlite3 *db, enum store_kind *kind)
{
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(
        db,
        "SELECT (SELECT application_id FROM pragma_application_id),"
        " (SELECT COUNT(*) FROM sqlite_master),"
        " (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND"
        "  name IN ('schema_version', 'org', 'move', 'spell', 'alias'))",
        -1, &stmt, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        int64_t app_id = sqlite3_column_int64(stmt, 0);
        int n_objects = sqlite3_column_int(stmt, 1);
        int n_ours = sqlite3_column_int(stmt, 2);
        if (app_id == STORE_APP_ID)
            *kind = STORE_EXODUS;
        else if (app_id != 0)
            *kind = STORE_FOREIGN;
        else if (n_objects == 0)
            *kind = STORE_EMPTY;
        else if (n_ours == 5)
            *kind = STORE_LEGACY;
        else
            *kind = STORE_FOREIGN;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(stmt);
    return rc;
}

/*
 * "file:PATH?query" with PATH percent-encoded, for sqlite3_open_v2 with
 * SQLITE_OPEN_URI; NULL when out of memory. An absolute path gets an empty
 * authority ("file:///abs"), so that a path starting with "//" stays one.
 */
static char *file_uri(const char *path, const char *query)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *uri = exo__malloc(n * 3 + strlen(query) + 16);
    if (!uri)
        return NULL;
    char *o = uri;
    memcpy(o, path[0] == '/' ? "file://" : "file:", 7);
    o += path[0] == '/' ? 7 : 5;
    for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
            (*c >= '0' && *c <= '9') || strchr("/._~-", *c)) {
            *o++ = (char)*c;
        } else {
            *o++ = '%';
            *o++ = hex[*c >> 4];
            *o++ = hex[*c & 15];
        }
    }
    *o++ = '?';
    memcpy(o, query, strlen(query) + 1);
    return uri;
}

/*
 * True when a read-only open failed only because SQLite cannot make the
 * WAL's shared-memory file beside the store (a read-only directory, or a
 * store file and -shm it may not write) and no committed transaction
 * waits in a -wal file: then nothing can be writing the store, and it can
 * be read as immutable.
 */
static bool can_read_immutable(const char *path, int rc)
{
    if (rc != SQLITE_CANTOPEN && (rc & 0xff) != SQLITE_READONLY &&
        (rc & 0xff) != SQLITE_CANTOPEN)
        return false;
    char wal[4200];
    struct stat st;
    if (snprintf(wal, sizeof wal, "%s-wal", path) >= (int)sizeof wal)
        return false;
    return stat(wal, &st) != 0 || st.st_size == 0;
}

/* Opens 'path' for reading only, as immutable when it must (above);
 * returns SQLite's result code. */
static int open_readonly(exo_store *store, const char *path,
                         enum store_kind *kind)
{
    int rc = sqlite3_open_v2(path, &store->db,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_extended_result_codes(store->db, 1);
        sqlite3_busy_timeout(store->db, 5000);
        rc = store_probe(store->db, kind);
    }
    if (rc != SQLITE_OK && can_read_immutable(path, rc)) {
        char *uri = file_uri(path, "mode=ro&immutable=1");
        if (!uri)
            return SQLITE_NOMEM;
        sqlite3_close_v2(store->db);
        rc = sqlite3_open_v2(
            uri, &store->db,
            SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
        exo__free(uri);
        if (rc == SQLITE_OK) {
            sqlite3_extended_result_codes(store->db, 1);
            rc = store_probe(store->db, kind);
        }
    }
    return rc;
}

/* The schema version recorded in the store; 0 before any migration. */
static exo_code read_schema_version(exo_store *store, int *version,
                                    exo_err *err)
{
    sqlite3_stmt *stmt;
    exo_code code = exo__store_prepare(
        store, "SELECT MAX(version) FROM schema_version", &stmt, err);
    if (code)
        return code;
    int rc = sqlite3_step(stmt);
    *version = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return exo__fail_sqlite(err, store->db, rc, "reading the schema");
    return EXO_OK;
}

void exo_store_label(const char *path, char *out, size_t size)
{
    if (!out || !size)
        return;
    /* Messages end up in logs and terminals, reports are passed around:
     * a password in a URI is never shown. */
    const char *scheme = path ? strstr(path, "://") : NULL;
    const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
    const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;
    if (at && colon && colon < at)
        snprintf(out, size, "%.*s:***%s", (int)(colon - path), path, at);
    else
        snprintf(out, size, "%s", path ? path : "");
}

exo_code exo_store_open(const char *path, int flags, exo_store **out,
                        exo_err *err)
{
    exo_store *store = NULL;
    struct stat st;
    int rc;
    bool readonly = flags & EXO_STORE_READONLY;
    enum store_kind kind = STORE_FOREIGN;
    exo_code code;
    *out = NULL;
    if (exo__store_is_pg_uri(path)) {
        store = exo__calloc(1, sizeof *store);
        if (!store)
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        if ((code = exo__pg_open(store, path, flags, err))) {
            exo_store_close(store);
            return code;
        }
        *out = store;
        return EXO_OK;
    }
    if (!(flags & EXO_STORE_CREATE) && stat(path, &st) != 0)
        return exo__fail_errno(err, errno,
                               "cannot open the store '%s' (make one with "
                               "'exodus import' or 'exodus init')",
                               path);
    store = exo__calloc(1, sizeof *store);
    if (!store)
        return exo__fail(err, EXO_ENOMEM, "out of memory opening '%s'", path);
    if (readonly) {
        rc = open_readonly(store, path, &kind);
    } else {
        rc = sqlite3_open_v2(
            path, &store->db,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                ((flags & EXO_STORE_CREATE) ? SQLITE_OPEN_CREATE : 0),
            NULL);
        if (rc == SQLITE_OK) {
            sqlite3_extended_result_codes(store->db, 1);
            sqlite3_busy_timeout(store->db, 5000);
            rc = store_probe(store->db, &kind);
        }
    }
    if ((rc & 0xff) == SQLITE_NOTADB) {
        code = exo__fail(err, EXO_ESTORE,
                         "'%s' is not an exodus store (not an SQLite "
                         "database at all); it was left as it was",
                         path);
        goto fail;
    }
    if (rc != SQLITE_OK) {
        code = exo__fail_sqlite(err, store->db, rc, "opening the store");
        exo__err_context(err, "'%s'", path);
        goto fail;
    }
    /* A read never alters the file, and nothing at all is done to a
     * database that exodus did not make: no WAL switch, no tables. */
    if (kind == STORE_FOREIGN || (readonly && kind == STORE_EMPTY)) {
        code = exo__fail(err, EXO_ESTORE,
                         kind == STORE_EMPTY
                             ? "'%s' is empty, not an exodus store (make one "
                               "with 'exodus import' or 'exodus init')"
                             : "'%s' is an SQLite database but not an exodus "
                               "store; it was left as it was",
                         path);
        goto fail;
    }
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
    if (readonly) {
        code = read_schema_version(store, &store->schema_version, err);
    } else {
        if (kind != STORE_EXODUS)
            code = exo__store_exec(
                store, "PRAGMA application_id = " STORE_APP_ID_TEXT, err);
        if (!code)
            code = exo__store_exec(store, "PRAGMA journal_mode = WAL;", err);
        if (!code)
            code = exo__schema_migrate(store, err);
    }
    if (code) {
        exo__err_context(err, "'%s'", path);
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
    exo__pg_close(store);
    sqlite3_close_v2(store->db);
    exo__free(store);
}

int exo_store_schema_version(exo_store *store)
{
    return store->schema_version;
}
