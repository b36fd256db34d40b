/*
 * test_faults.c - the fault-injection sweep (issue 19): each allocation of
 * an import, a report and each kind of dashboard request is made to fail
 * in turn, and the call must fail cleanly (EXO_ENOMEM with a message, or
 * for the dashboard a 500 reply) and write nothing: no rows in the store,
 * no bytes of the report. A failure the code absorbs must leave the
 * answer exactly as it is without one.
 *
 * The failing allocator is installed with exo_allocator_set, the public
 * hook every allocation of the library goes through, so the sweep runs in
 * every build: make test and, under the sanitizers, make check, which
 * also catch what a failure path leaks. Long cases fail each of their
 * first 200 allocations and then 200 spread over the rest (next_fault). The
 * libraries' own allocations are not swept: SQLite, GSL, libcsv and jansson
 * allocate with malloc, and jansson cannot be swept at all (its parser drops a
 * byte of a string when a buffer cannot grow, and carries on: a failing jansson
 * allocator turned "departures per month" into "departures permonth").
 */
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"

#define FIX(name) SOURCE_PATH("tests/fixtures/" name)

/* ==== The failing allocator ==== */

/* Fails the 'fail_at'-th call, counting from 1; 0 never fails. Atomic:
 * the Monte Carlo paths of a report may allocate on several threads. */
static _Atomic long alloc_calls;
static long fail_at;

static void *failing_malloc(size_t size)
{
    return atomic_fetch_add(&alloc_calls, 1) + 1 == fail_at ? NULL
                                                            : malloc(size);
}

static void *failing_realloc(void *p, size_t size)
{
    return atomic_fetch_add(&alloc_calls, 1) + 1 == fail_at ? NULL
                                                            : realloc(p, size);
}

/* Starts counting, failing allocation 'n' (0: none). */
static void faults_on(long n)
{
    atomic_store(&alloc_calls, 0);
    fail_at = n;
    exo_allocator_set(failing_malloc, failing_realloc, free);
}

static void faults_off(void)
{
    exo_allocator_set(NULL, NULL, NULL);
    fail_at = 0;
}

static long faults_off_count(void)
{
    faults_off();
    return atomic_load(&alloc_calls);
}

/* A sweep that passes every allocation would find nothing: no case may
 * take more than this many (raise it when a case truly needs more). */
enum { MAX_ALLOCS = 20000 };

/*
 * The allocation to fail after 'n' in a case that makes 'total': each of
 * the first 200 (setup, the first rows, the first fit), then about 200
 * more spread evenly, so that a report of 15,000 allocations is swept in
 * seconds, not in 15,000 reports. Always reaches past 'total'.
 */
static long next_fault(long n, long total)
{
    long stride = total > 400 ? (total - 200) / 200 : 1;
    return n < 200 || stride < 1 ? n + 1 : n + stride;
}

/* The allocations one call makes, counted without failing any. */
#define COUNT_ALLOCS(call) (faults_on(0), (void)(call), faults_off_count())

static long faults_off_count(void);

/* ==== Stores ==== */

static char db_path[128];

static exo_store *fresh_store(void)
{
    exo_store *s = NULL;
    exo_err err = {0};
    char side[160];
    snprintf(db_path, sizeof db_path, "/tmp/exodus-faults-%d.db",
             (int)getpid());
    unlink(db_path);
    snprintf(side, sizeof side, "%s-wal", db_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db_path);
    unlink(side);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &s, &err), EXO_OK,
                 "%s", err.msg);
    return s;
}

static void drop_store(exo_store *s)
{
    char side[160];
    exo_store_close(s);
    unlink(db_path);
    snprintf(side, sizeof side, "%s-wal", db_path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db_path);
    unlink(side);
}

/* Rows of every table of the store, summed: "nothing written" is this
 * number unchanged (read with SQLite directly, outside the sweep). */
static long total_rows(void)
{
    sqlite3 *db;
    sqlite3_stmt *tables, *count;
    long n = 0;
    cr_assert_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT name FROM sqlite_master WHERE "
                                    "type = 'table' AND name NOT LIKE "
                                    "'sqlite_%'",
                                    -1, &tables, NULL),
                 SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        char sql[200];
        snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM \"%s\"",
                 (const char *)sqlite3_column_text(tables, 0));
        cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &count, NULL), SQLITE_OK);
        if (sqlite3_step(count) == SQLITE_ROW)
            n += sqlite3_column_int64(count, 0);
        sqlite3_finalize(count);
    }
    sqlite3_finalize(tables);
    sqlite3_close(db);
    return n;
}

static void import_ok(exo_store *s, exo_import_kind kind, const char *path)
{
    exo_import_result r;
    exo_err err = {0};
    cr_assert_eq(exo_import_file(s, kind, path, NULL, &r, NULL, &err), EXO_OK,
                 "%s: %s", path, err.msg);
}

/* ==== Import ==== */

/*
 * Each allocation of importing 'path' fails in turn, into a store that
 * already holds 'base' (or nothing): EXO_ENOMEM with a message and not
 * one row more, until the import needs no more allocations than were let
 * through and goes in. Returns the allocations it took.
 */
static long sweep_import(exo_import_kind kind, const char *path,
                         const char *base)
{
    exo_store *s = fresh_store();
    if (base)
        import_ok(s, EXO_IMPORT_MOVES, base);
    long rows = total_rows(), total = -1;
    for (long n = 1; n <= MAX_ALLOCS && total < 0; n++) {
        exo_import_result r;
        exo_errlist errors;
        exo_err err = {0};
        faults_on(n);
        exo_code rc = exo_import_file(s, kind, path, NULL, &r, &errors, &err);
        long calls = alloc_calls;
        faults_off();
        if (rc == EXO_OK && calls < n) {
            total = calls;
            break;
        }
        cr_assert_eq(rc, EXO_ENOMEM, "%s, allocation %ld of %ld: %s (%s)", path,
                     n, calls, exo_strerror(rc), err.msg);
        cr_assert(err.msg[0], "%s, allocation %ld: no message", path, n);
        cr_assert_eq(total_rows(), rows, "%s, allocation %ld: rows written",
                     path, n);
    }
    cr_assert_gt(total, 1, "%s: no import got through %d allocations", path,
                 MAX_ALLOCS);
    cr_expect_gt(total_rows(), rows, "%s: the import wrote nothing", path);
    drop_store(s);
    return total;
}

Test(faults, import_moves_finance_spells_aliases)
{
    sweep_import(EXO_IMPORT_MOVES, FIX("moves-small.csv"), NULL);
    sweep_import(EXO_IMPORT_MOVES, FIX("moves-small.json"), NULL);
    sweep_import(EXO_IMPORT_FINANCE, FIX("finance-small.csv"), NULL);
    sweep_import(EXO_IMPORT_SPELLS, FIX("spells-small.csv"), NULL);
    sweep_import(EXO_IMPORT_ALIASES, FIX("aliases-small.csv"),
                 FIX("moves-small.csv"));
}

/* ==== Report ==== */

/* A store with moves, money and spells: every section of the report. */
static exo_store *report_store(void)
{
    exo_store *s = fresh_store();
    import_ok(s, EXO_IMPORT_MOVES, FIX("moves-hostile.csv"));
    import_ok(s, EXO_IMPORT_FINANCE, FIX("finance-hostile.csv"));
    import_ok(s, EXO_IMPORT_SPELLS, FIX("spells-hostile.csv"));
    return s;
}

static exo_code report(exo_store *s, char **page, size_t *len, exo_err *err)
{
    static const exo_report_org org = {"<script>alert(1)</script>", {0}};
    exo_report_opts o;
    exo_report_opts_init(&o);
    o.forecast_paths = 50;
    *page = NULL;
    *len = 0;
    FILE *f = open_memstream(page, len);
    cr_assert_not_null(f);
    exo_code rc = exo_report_html(s, &org, 1, &o, f, err);
    fclose(f);
    return rc;
}

Test(faults, report_fails_cleanly_and_writes_nothing)
{
    exo_store *s = report_store();
    char *want, *page;
    size_t want_len, len;
    exo_err err = {0};
    long total = -1, rows = total_rows();
    cr_assert_eq(report(s, &want, &want_len, &err), EXO_OK, "%s", err.msg);
    long all = COUNT_ALLOCS(report(s, &page, &len, &err));
    free(page);
    for (long n = 1; n <= MAX_ALLOCS && total < 0; n = next_fault(n, all)) {
        memset(&err, 0, sizeof err);
        faults_on(n);
        exo_code rc = report(s, &page, &len, &err);
        long calls = alloc_calls;
        faults_off();
        if (rc == EXO_OK) {
            /* Absorbed, or past the last allocation: the same page. */
            cr_assert(len == want_len && memcmp(page, want, len) == 0,
                      "allocation %ld of %ld failed and the page changed", n,
                      calls);
            if (calls < n)
                total = calls;
        } else {
            cr_assert_eq(rc, EXO_ENOMEM, "allocation %ld of %ld: %s (%s)", n,
                         calls, exo_strerror(rc), err.msg);
            cr_assert(err.msg[0], "allocation %ld: no message", n);
            cr_assert_eq(len, 0,
                         "allocation %ld: %zu bytes of the report "
                         "written",
                         n, len);
        }
        free(page);
    }
    cr_assert_gt(total, 1, "no report got through %d allocations", MAX_ALLOCS);
    cr_expect_eq(total_rows(), rows);
    free(want);
    drop_store(s);
}

/* ==== The dashboard's requests ==== */

struct request {
    const char *path;
    const char *keys[3], *values[3];
    size_t n;
};

static exo_code answer(exo_store *s, const struct request *q, exo_http_reply *r,
                       exo_err *err)
{
    exo_serve_opts o;
    exo_serve_opts_init(&o);
    o.report.forecast_paths = 50;
    return exo_serve_answer(s, &o, "GET", q->path, q->keys, q->values, q->n, r,
                            err);
}

/*
 * Each request the dashboard answers, each of its allocations failing in
 * turn: EXO_ENOMEM (no reply could be made), a 500 reply, or, when the
 * failure was absorbed, the very reply it gives without one.
 */
Test(faults, every_request_fails_cleanly)
{
    static const struct request reqs[] = {
        {"/", {NULL}, {NULL}, 0},
        {"/assets/exodus.js", {NULL}, {NULL}, 0},
        {"/api/orgs", {NULL}, {NULL}, 0},
        {"/api/spiral", {"org"}, {"<script>alert(1)</script>"}, 1},
        {"/api/survival", {"org"}, {"<script>alert(1)</script>"}, 1},
        {"/api/flows", {NULL}, {NULL}, 0},
        {"/api/runway", {NULL}, {NULL}, 0},
        {"/api/spiral", {"org", "since"}, {"x", "2024-02-30"}, 2},
        {"/api/survival", {"org"}, {"nobody"}, 1},
        {"/nowhere", {NULL}, {NULL}, 0},
    };
    exo_store *s = report_store();
    long rows = total_rows();
    for (size_t i = 0; i < sizeof reqs / sizeof reqs[0]; i++) {
        const struct request *q = &reqs[i];
        exo_http_reply want, r;
        exo_err err = {0};
        long total = -1;
        cr_assert_eq(answer(s, q, &want, &err), EXO_OK, "%s: %s", q->path,
                     err.msg);
        long all = COUNT_ALLOCS(answer(s, q, &r, &err));
        exo_free(r.body);
        for (long n = 1; n <= MAX_ALLOCS && total < 0; n = next_fault(n, all)) {
            memset(&err, 0, sizeof err);
            memset(&r, 0, sizeof r);
            faults_on(n);
            exo_code rc = answer(s, q, &r, &err);
            long calls = alloc_calls;
            faults_off();
            if (rc == EXO_ENOMEM) {
                cr_assert(err.msg[0], "%s, allocation %ld: no message", q->path,
                          n);
                cr_assert_null(r.body,
                               "%s, allocation %ld: a body with "
                               "EXO_ENOMEM",
                               q->path, n);
                continue;
            }
            cr_assert_eq(rc, EXO_OK, "%s, allocation %ld of %ld: %s (%s)",
                         q->path, n, calls, exo_strerror(rc), err.msg);
            bool same = r.status == want.status && r.length == want.length &&
                        memcmp(r.body, want.body, r.length) == 0;
            cr_assert(same || (r.status == 500 && calls >= n),
                      "%s, allocation %ld of %ld failed: status %u (%u "
                      "without it), %.200s",
                      q->path, n, calls, r.status, want.status, r.body);
            if (same && calls < n)
                total = calls;
            exo_free(r.body);
        }
        cr_assert_gt(total, 0, "%s: no answer got through %d allocations",
                     q->path, MAX_ALLOCS);
        exo_free(want.body);
    }
    cr_expect_eq(total_rows(), rows, "a request wrote to the store");
    drop_store(s);
}
