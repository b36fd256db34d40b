/*
 * test_pg_stream.c - the PostgreSQL cursor streams its rows (libpq's
 * single-row mode, src/store/pg.c) and stays correct when its reads meet:
 * a cursor started while another's rows are still in flight, a cursor
 * finalized early, a command run meanwhile, an error after some rows.
 * Each test starts a private server (tests/pg/server) and fails, never
 * skips, when it cannot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"
#include "store/pg.h"
#include "store/sql.h"

static char srv[64];
static char uri[256];

static void server_stop(void)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "%s stop %s", SOURCE_PATH("tests/pg/server"),
             srv);
    if (system(cmd) != 0)
        fprintf(stderr, "pg_stream: stopping the server failed\n");
}

/* A fresh server and an exodus store in it, opened for writing. */
static exo_store *store_on_a_server(void)
{
    char cmd[256];
    exo_store *store = NULL;
    exo_err err = {0};
    snprintf(srv, sizeof srv, "/tmp/exodus-pg.XXXXXX");
    cr_assert_not_null(mkdtemp(srv));
    snprintf(cmd, sizeof cmd, "%s start %s", SOURCE_PATH("tests/pg/server"),
             srv);
    FILE *p = popen(cmd, "r");
    cr_assert_not_null(p);
    char *got = fgets(uri, sizeof uri, p);
    int status = pclose(p);
    cr_assert(got && status == 0, "the PostgreSQL server did not start");
    uri[strcspn(uri, "\n")] = '\0';
    atexit(server_stop);
    cr_assert_eq(exo_store_open(uri, 0, &store, &err), EXO_OK, "%s", err.msg);
    return store;
}

/* The rows 1..n, one integer column. */
static exo__q *series(exo_store *store, int64_t n)
{
    exo__q *q = NULL;
    exo_err err = {0};
    cr_assert_eq(exo__q_prepare(store,
                                "SELECT g, 'row ' || g FROM "
                                "generate_series(1, CAST(?1 AS BIGINT)) AS g",
                                &q, &err),
                 EXO_OK);
    exo__q_bind_int64(q, 1, n);
    return q;
}

/* Steps 'q' to its end from row 'from', checking each value. */
static void read_rest(exo__q *q, int64_t from, int64_t n)
{
    char want[32];
    int64_t i = from;
    int rc;
    while ((rc = exo__q_step(q)) == SQLITE_ROW) {
        cr_assert_eq(exo__q_int64(q, 0), i);
        snprintf(want, sizeof want, "row %lld", (long long)i);
        cr_assert_str_eq(exo__q_text(q, 1), want);
        i++;
    }
    cr_assert_eq(rc, SQLITE_DONE);
    cr_assert_eq(i, n + 1, "read up to %lld of %lld", (long long)i - 1,
                 (long long)n);
    cr_assert_eq(exo__q_step(q), SQLITE_DONE, "done stays done");
}

Test(pg_stream, a_cursor_met_by_another_and_by_a_command)
{
    exo_store *store = store_on_a_server();
    exo_err err = {0};
    exo__q *a = series(store, 200000);
    for (int64_t i = 1; i <= 10; i++) {
        cr_assert_eq(exo__q_step(a), SQLITE_ROW);
        cr_assert_eq(exo__q_int64(a, 0), i);
    }
    /* Another cursor, read to its end while a's rows are in flight. */
    exo__q *b = series(store, 1000);
    read_rest(b, 1, 1000);
    exo__q_finalize(b);
    /* A command on the connection meanwhile. */
    int64_t v = 0;
    cr_assert_eq(exo__pg_int(store, "SELECT 41 + 1", 0, &v, &err), EXO_OK);
    cr_assert_eq(v, 42);
    read_rest(a, 11, 200000);
    exo__q_finalize(a);
    exo_store_close(store);
}

Test(pg_stream, a_cursor_finalized_early_leaves_the_connection_usable)
{
    exo_store *store = store_on_a_server();
    exo__q *a = series(store, 100000);
    cr_assert_eq(exo__q_step(a), SQLITE_ROW);
    exo__q_finalize(a); /* 99,999 rows never read */
    exo__q *b = series(store, 5);
    read_rest(b, 1, 5);
    exo__q_finalize(b);
    /* Twice the same text: the prepared statement is reused. */
    b = series(store, 7);
    read_rest(b, 1, 7);
    exo__q_finalize(b);
    exo_store_close(store);
}

Test(pg_stream, an_error_after_some_rows_is_an_error)
{
    exo_store *store = store_on_a_server();
    exo_err err = {0};
    exo__q *q = NULL;
    cr_assert_eq(exo__q_prepare(store,
                                "SELECT 100 / (5000 - g) FROM "
                                "generate_series(1, 10000) AS g",
                                &q, &err),
                 EXO_OK);
    int rc, rows = 0;
    while ((rc = exo__q_step(q)) == SQLITE_ROW)
        rows++;
    cr_assert_eq(rc, SQLITE_ERROR);
    cr_assert_lt(rows, 5000, "no row past the failing one (%d)", rows);
    cr_assert_eq(exo__q_fail(&err, q, rc, "reading"), EXO_ESTORE);
    cr_assert(strstr(err.msg, "division by zero"), "%s", err.msg);
    cr_assert_eq(exo__q_step(q), SQLITE_ERROR, "failed stays failed");
    exo__q_finalize(q);
    q = series(store, 3);
    read_rest(q, 1, 3);
    exo__q_finalize(q);
    exo_store_close(store);
}
