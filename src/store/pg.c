/*
 * pg.c - the PostgreSQL store: connecting (a postgresql:// URI for --db or
 * EXODUS_DB), its migrations (src/store/schema_pg/), transactions, and the
 * PostgreSQL half of the read cursor (sql.h). This file and write_pg.c are
 * the only code that includes <libpq-fe.h>.
 */
#include "store/pg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "store/sql.h"

bool exo__store_is_pg_uri(const char *path)
{
    return path && (strncmp(path, "postgresql://", 13) == 0 ||
                    strncmp(path, "postgres://", 11) == 0);
}

/* 'uri' as it may be shown: exo_store_label's. */
static void shown_uri(char *out, size_t size, const char *uri)
{
    exo_store_label(uri, out, size);
}

/* PostgreSQL's message on one line, without its trailing newline. */
static void one_line(char *out, size_t size, const char *msg)
{
    snprintf(out, size, "%s", msg ? msg : "");
    size_t n = strlen(out);
    while (n && (out[n - 1] == '\n' || out[n - 1] == ' '))
        out[--n] = '\0';
    for (char *c = out; *c; c++)
        if (*c == '\n')
            *c = ' ';
}

exo_code exo__fail_pg(exo_err *err, PGconn *conn, const PGresult *res,
                      const char *doing)
{
    char msg[200];
    if (!err || err->code != EXO_OK)
        return EXO_ESTORE;
    one_line(msg, sizeof msg,
             res && PQresultErrorMessage(res)[0] ? PQresultErrorMessage(res)
             : conn                              ? PQerrorMessage(conn)
                                                 : "no connection");
    return exo__fail(err, EXO_ESTORE, "%s: %s", doing, msg);
}

exo_code exo__pg_exec(exo_store *store, const char *sql, exo_err *err)
{
    exo__pg_idle(store);
    PGresult *res = PQexec(store->pg, sql);
    ExecStatusType st = PQresultStatus(res);
    exo_code code = EXO_OK;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        code = exo__fail_pg(err, store->pg, res, "running SQL");
    PQclear(res);
    return code;
}

/* The first column of the first row of 'sql' as an integer, 'dflt' when
 * there is no row or it is NULL. */
exo_code exo__pg_int(exo_store *store, const char *sql, int64_t dflt,
                     int64_t *out, exo_err *err)
{
    exo__pg_idle(store);
    PGresult *res = PQexec(store->pg, sql);
    exo_code code = EXO_OK;
    *out = dflt;
    if (PQresultStatus(res) != PGRES_TUPLES_OK)
        code = exo__fail_pg(err, store->pg, res, "running a query");
    else if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
        *out = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    PQclear(res);
    return code;
}

void exo__pg_rollback(exo_store *store)
{
    exo__pg_idle(store);
    if (PQtransactionStatus(store->pg) != PQTRANS_IDLE)
        PQclear(PQexec(store->pg, "ROLLBACK"));
}

/* ==== Migrations ==== */

static const struct migration {
    const char *name; /* "NNN_what.sql": NNN is the version */
    const char *sql;
} migrations[] = {
#include "schema_pg.inc"
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

/* What the connected database holds: 0 tables of ours, or our version. */
static exo_code pg_probe(exo_store *store, bool *ours, int *n_tables,
                         exo_err *err)
{
    int64_t n = 0, mine = 0;
    exo_code code = exo__pg_int(store,
                                "SELECT COUNT(*) FROM pg_tables WHERE "
                                "schemaname = current_schema()",
                                0, &n, err);
    if (!code)
        code = exo__pg_int(store,
                           "SELECT COUNT(*) FROM pg_tables WHERE schemaname "
                           "= current_schema() AND tablename IN "
                           "('schema_version', 'org', 'move', 'spell', "
                           "'alias')",
                           0, &mine, err);
    *n_tables = (int)n;
    *ours = mine == 5;
    return code;
}

static exo_code pg_schema_version(exo_store *store, exo_err *err)
{
    int64_t v = 0;
    exo_code code = exo__pg_int(
        store, "SELECT MAX(version) FROM schema_version", 0, &v, err);
    store->schema_version = (int)v;
    return code;
}

/*
 * Applies the migrations newer than the store, all in one transaction
 * under an advisory lock, so that two imports that meet an empty database
 * at once do not both create the tables.
 */
static exo_code pg_migrate(exo_store *store, exo_err *err)
{
    exo_code code;
    int latest = (int)strtol(migrations[N_MIGRATIONS - 1].name, NULL, 10);
    if ((code = exo__pg_exec(store, "BEGIN", err)) ||
        (code = exo__pg_exec(store, "SELECT pg_advisory_xact_lock(1702391652)",
                             err)) ||
        (code = exo__pg_exec(store,
                             "CREATE TABLE IF NOT EXISTS schema_version "
                             "(version INTEGER NOT NULL)",
                             err)) ||
        (code = pg_schema_version(store, err)))
        goto fail;
    if (store->schema_version > latest) {
        code = exo__fail(err, EXO_ESTORE,
                         "the store is at schema version %d, newer than this "
                         "exodus knows (%d)",
                         store->schema_version, latest);
        goto fail;
    }
    for (size_t i = 0; i < N_MIGRATIONS; i++) {
        int v = (int)strtol(migrations[i].name, NULL, 10);
        char sql[80];
        if (v <= store->schema_version)
            continue;
        snprintf(sql, sizeof sql, "INSERT INTO schema_version VALUES (%d)", v);
        if ((code = exo__pg_exec(store, migrations[i].sql, err)) ||
            (code = exo__pg_exec(store, sql, err))) {
            exo__err_context(err, "applying migration %s", migrations[i].name);
            goto fail;
        }
        store->schema_version = v;
    }
    if ((code = exo__pg_exec(store, "COMMIT", err)))
        goto fail;
    return EXO_OK;
fail:
    exo__pg_rollback(store);
    return code;
}

exo_code exo__pg_open(exo_store *store, const char *uri, int flags,
                      exo_err *err)
{
    char shown[300];
    bool ours = false;
    int n_tables = 0;
    exo_code code;
    shown_uri(shown, sizeof shown, uri);
    store->pg = PQconnectdb(uri);
    if (!store->pg)
        return exo__fail(err, EXO_ENOMEM, "out of memory connecting to '%s'",
                         shown);
    if (PQstatus(store->pg) != CONNECTION_OK) {
        char msg[200];
        one_line(msg, sizeof msg, PQerrorMessage(store->pg));
        return exo__fail(err, EXO_ESTORE,
                         "cannot connect to the PostgreSQL store '%s': %s",
                         shown, msg);
    }
    /* Text in and out is UTF-8, whatever the server's locale; a read-only
     * open cannot write even by mistake. */
    if ((code = exo__pg_exec(store,
                             "SET client_encoding = 'UTF8';"
                             "SET client_min_messages = warning",
                             err)))
        goto fail;
    if ((flags & EXO_STORE_READONLY) &&
        (code = exo__pg_exec(store, "SET default_transaction_read_only = on",
                             err)))
        goto fail;
    if ((code = pg_probe(store, &ours, &n_tables, err)))
        goto fail;
    if (!ours && (n_tables > 0 || (flags & EXO_STORE_READONLY))) {
        code = exo__fail(err, EXO_ESTORE,
                         n_tables == 0
                             ? "'%s' is empty, not an exodus store (make one "
                               "with 'exodus import' or 'exodus init')"
                             : "'%s' is a PostgreSQL database but not an "
                               "exodus store; it was left as it was",
                         shown);
        return code;
    }
    code = (flags & EXO_STORE_READONLY) ? pg_schema_version(store, err)
                                        : pg_migrate(store, err);
    if (code)
        goto fail;
    store->checked = true; /* the server keeps its own files whole */
    return EXO_OK;
fail:
    exo__err_context(err, "'%s'", shown);
    return code;
}

/*
 * The statements a connection has prepared, by their text. A read that
 * runs once per organisation (orgs, scan, report) would otherwise be
 * planned each time, and a plan over the partitioned tables costs more
 * than running it; once prepared, the server reuses a plan (a generic one
 * after five runs, pruning partitions as it starts). Statements built
 * with literal dates in them are new text each time: past PG_CACHE the
 * rest are run unprepared.
 */
enum { PG_CACHE = 64 };

struct pg_cache {
    size_t n;
    char *sql[PG_CACHE];
};

void exo__pg_close(exo_store *store)
{
    exo__pg_idle(store);
    if (store->pg)
        PQfinish(store->pg);
    store->pg = NULL;
    if (store->pg_cache) {
        for (size_t i = 0; i < store->pg_cache->n; i++)
            exo__free(store->pg_cache->sql[i]);
        exo__free(store->pg_cache);
        store->pg_cache = NULL;
    }
}

/* The name of 'sql' prepared on 'store' ("exoN"), preparing it when new;
 * false when it is not and cannot be (run it unprepared then). */
static bool prepared_name(exo_store *store, const char *sql, int n_params,
                          char name[24])
{
    struct pg_cache *cache = store->pg_cache;
    if (!cache && !(cache = store->pg_cache = exo__calloc(1, sizeof *cache)))
        return false;
    for (size_t i = 0; i < cache->n; i++)
        if (strcmp(cache->sql[i], sql) == 0) {
            snprintf(name, 24, "exo%zu", i);
            return true;
        }
    if (cache->n == PG_CACHE)
        return false;
    char *copy = exo__strdup(sql);
    if (!copy)
        return false;
    snprintf(name, 24, "exo%zu", cache->n);
    PGresult *res = PQprepare(store->pg, name, sql, n_params, NULL);
    bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
    PQclear(res);
    if (!ok) {
        exo__free(copy);
        return false;
    }
    cache->sql[cache->n++] = copy;
    return true;
}

/* ==== The read cursor ==== */

enum { PG_MAX_PARAMS = 16 };

/*
 * A cursor's rows arrive one at a time (libpq's single-row mode), so a
 * read of a million rows holds one row, not the whole result: the
 * server streams them and the connection's socket buffers the rest. A
 * connection carries one command at a time; when another starts while a
 * cursor's rows are still in flight, that cursor's remaining rows are
 * read into its queue first (exo__pg_idle), as a whole result was before.
 */
struct pg_cursor {
    PGconn *conn;
    exo_store *store;
    char *sql; /* in PostgreSQL's dialect */
    int n_params;
    const char *values[PG_MAX_PARAMS];
    char ints[PG_MAX_PARAMS][24]; /* integer parameters as text */
    PGresult *res;                /* the current row */
    PGresult *fail;               /* the error, kept for its message */
    PGresult **queue;             /* rows read ahead by exo__pg_idle */
    size_t q_at, q_n, q_cap;
    bool ran, streaming, failed;
};

/*
 * 'sql' in PostgreSQL's words: '?N' to '$N', a bare '?' to the next
 * number, group_concat to string_agg, IFNULL to COALESCE; string
 * literals are left alone. '*n_params' is the largest number used.
 */
static char *pg_dialect(const char *sql, int *n_params)
{
    struct buf b = BUF_INIT;
    int rc = 0, next = 0, max = 0;
    bool quoted = false;
    for (const char *c = sql; *c && !rc; c++) {
        if (*c == '\'') {
            quoted = !quoted;
        } else if (!quoted && *c == '?') {
            int n;
            if (c[1] >= '0' && c[1] <= '9') {
                char *end;
                n = (int)strtol(c + 1, &end, 10);
                c = end - 1;
            } else {
                n = ++next;
            }
            if (n > max)
                max = n;
            rc |= exo__buf_addf(&b, "$%d", n);
            continue;
        } else if (!quoted && strncmp(c, "group_concat(", 13) == 0) {
            rc |= exo__buf_addstr(&b, "string_agg(");
            c += 12;
            continue;
        } else if (!quoted && strncmp(c, "WITH r(", 7) == 0) {
            const char *as = strstr(c, ") AS (");
            if (as) {
                rc |= exo__buf_add(&b, c, (size_t)(as - c));
                rc |= exo__buf_addstr(&b, ") AS NOT MATERIALIZED (");
                c = as + 5;
                continue;
            }
        } else if (!quoted && strncmp(c, "IFNULL(", 7) == 0) {
            rc |= exo__buf_addstr(&b, "COALESCE(");
            c += 6;
            continue;
        }
        rc |= exo__buf_addch(&b, *c);
    }
    *n_params = max;
    if (rc || !b.data) {
        exo__buf_release(&b);
        return NULL;
    }
    return exo__buf_detach(&b);
}

exo_code exo__pgq_prepare(exo_store *store, const char *sql,
                          struct pg_cursor **out, exo_err *err)
{
    struct pg_cursor *c = exo__calloc(1, sizeof *c);
    *out = NULL;
    if (!c || !(c->sql = pg_dialect(sql, &c->n_params))) {
        exo__free(c);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    if (c->n_params > PG_MAX_PARAMS) {
        exo__free(c->sql);
        exo__free(c);
        return exo__bug(err, "a query with too many parameters");
    }
    c->conn = store->pg;
    c->store = store;
    *out = c;
    return EXO_OK;
}

/* Reads what is left of the command in flight, keeping nothing. */
static void drain(PGconn *conn)
{
    PGresult *r;
    while ((r = PQgetResult(conn)))
        PQclear(r);
}

/* The next result of 'c' from the connection: SQLITE_ROW with the row in
 * '*row', or the end (SQLITE_DONE or SQLITE_ERROR), after which nothing
 * of the command is left in flight. */
static int next_result(struct pg_cursor *c, PGresult **row)
{
    PGresult *r = PQgetResult(c->conn);
    ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_SINGLE_TUPLE) {
        *row = r;
        return SQLITE_ROW;
    }
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
        PQclear(r);
    } else {
        c->failed = true;
        c->fail = r;
    }
    if (r)
        drain(c->conn);
    c->streaming = false;
    if (c->store->pg_active == c)
        c->store->pg_active = NULL;
    return c->failed ? SQLITE_ERROR : SQLITE_DONE;
}

void exo__pg_idle(exo_store *store)
{
    struct pg_cursor *c = store->pg_active;
    PGresult *r;
    while (c && c->streaming && next_result(c, &r) == SQLITE_ROW) {
        if (c->q_n == c->q_cap) {
            size_t cap = c->q_cap ? 2 * c->q_cap : 64;
            PGresult **q = exo__realloc(c->queue, cap * sizeof *q);
            if (!q) { /* the cursor fails rather than lose rows */
                PQclear(r);
                c->failed = true;
                drain(c->conn);
                c->streaming = false;
                break;
            }
            c->queue = q;
            c->q_cap = cap;
        }
        c->queue[c->q_n++] = r;
    }
    store->pg_active = NULL;
}

void exo__pgq_finalize(struct pg_cursor *c)
{
    if (!c)
        return;
    if (c->streaming) {
        /* Stopped early (a LIMIT 1 read, an error in the caller): the
         * rest must be read off the connection before its next command. */
        drain(c->conn);
        if (c->store->pg_active == c)
            c->store->pg_active = NULL;
    }
    for (size_t i = c->q_at; i < c->q_n; i++)
        PQclear(c->queue[i]);
    exo__free(c->queue);
    PQclear(c->res);
    PQclear(c->fail);
    exo__free(c->sql);
    exo__free(c);
}

int exo__pgq_step(struct pg_cursor *c)
{
    PQclear(c->res);
    c->res = NULL;
    if (!c->ran) {
        c->ran = true;
        char name[24];
        exo__pg_idle(c->store);
        int sent = prepared_name(c->store, c->sql, c->n_params, name)
                       ? PQsendQueryPrepared(c->conn, name, c->n_params,
                                             c->values, NULL, NULL, 0)
                       : PQsendQueryParams(c->conn, c->sql, c->n_params, NULL,
                                           c->values, NULL, NULL, 0);
        if (!sent) {
            c->failed = true;
            return SQLITE_ERROR;
        }
        PQsetSingleRowMode(c->conn);
        c->streaming = true;
        c->store->pg_active = c;
    }
    if (c->q_at < c->q_n) {
        c->res = c->queue[c->q_at++];
        return SQLITE_ROW;
    }
    if (!c->streaming)
        return c->failed ? SQLITE_ERROR : SQLITE_DONE;
    return next_result(c, &c->res);
}

void exo__pgq_bind_int64(struct pg_cursor *c, int i, int64_t v)
{
    if (i < 1 || i > c->n_params)
        return;
    snprintf(c->ints[i - 1], sizeof c->ints[0], "%lld", (long long)v);
    c->values[i - 1] = c->ints[i - 1];
}

void exo__pgq_bind_text(struct pg_cursor *c, int i, const char *s)
{
    if (i >= 1 && i <= c->n_params)
        c->values[i - 1] = s;
}

const char *exo__pgq_text(struct pg_cursor *c, int i)
{
    if (!c->res || i >= PQnfields(c->res) || PQgetisnull(c->res, 0, i))
        return NULL;
    return PQgetvalue(c->res, 0, i);
}

int64_t exo__pgq_int64(struct pg_cursor *c, int i)
{
    const char *s = exo__pgq_text(c, i);
    if (!s)
        return 0;
    if (s[0] == 't' && s[1] == '\0') /* a boolean */
        return 1;
    return strtoll(s, NULL, 10);
}

double exo__pgq_double(struct pg_cursor *c, int i)
{
    const char *s = exo__pgq_text(c, i);
    return s ? strtod(s, NULL) : 0.0;
}

exo_code exo__pgq_fail(exo_err *err, struct pg_cursor *c, const char *doing)
{
    return exo__fail_pg(err, c->conn, c->fail, doing);
}
