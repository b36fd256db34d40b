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
 * first 200 allocations and then 200 spread over the rest (next_fault).
 *
 * The same cases are swept again over the libraries' own allocations
 * (SQLite, GSL, libcsv, jansson), which call malloc directly: this file
 * defines malloc, calloc, realloc and free, which the dynamic linker then
 * gives every library in the process (glibc supports replacing malloc so).
 * They forward to glibc's, and while a sweep is armed they count the calls
 * made from the code of those four libraries (by the return address,
 * against the libraries' executable segments) and fail the chosen one.
 * The C library's own calls (stdio, OpenMP's threads) are never failed:
 * libgomp aborts when it cannot allocate, which no caller can handle.
 */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include <jansson.h>
#include <link.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "core/json.h"
#include "exodus.h"

#define FIX(name) SOURCE_PATH("tests/fixtures/" name)

/* ==== The libraries' allocations ==== */

/* AddressSanitizer replaces malloc itself: replacing it again would take
 * its allocations away from it. Under it, only SQLite's allocations are
 * swept, through SQLite's own allocator hook (libs_mode). */
#if defined(__SANITIZE_ADDRESS__)
#define EXO_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define EXO_TEST_ASAN 1
#endif
#endif

static _Atomic int lib_armed;
static _Atomic long lib_calls;
static long lib_fail_at;

/* Counts a library's allocation; true when it is the one to fail. */
static bool lib_call_fails(void)
{
    return atomic_load_explicit(&lib_armed, memory_order_relaxed) &&
           atomic_fetch_add(&lib_calls, 1) + 1 == lib_fail_at;
}

#ifndef EXO_TEST_ASAN
void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);
void __libc_free(void *p);
#define raw_malloc __libc_malloc
#define raw_free __libc_free
/* Visible to the dynamic linker: the tests build with hidden visibility. */
#define EXPORTED __attribute__((visibility("default")))
EXPORTED void *malloc(size_t size);
EXPORTED void *calloc(size_t n, size_t size);
EXPORTED void *realloc(void *p, size_t size);
EXPORTED void free(void *p);

/* The executable segments of the swept libraries, found once. */
static struct {
    uintptr_t start, end;
} lib_text[16];
static size_t n_lib_text;

static int find_libs(struct dl_phdr_info *info, size_t size, void *ud)
{
    static const char *const names[] = {"libsqlite3.", "libgsl.", "libjansson.",
                                        "libcsv.", "libgslcblas."};
    (void)size;
    (void)ud;
    const char *base = strrchr(info->dlpi_name, '/');
    base = base ? base + 1 : info->dlpi_name;
    bool swept = false;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        swept |= strncmp(base, names[i], strlen(names[i])) == 0;
    for (int i = 0; swept && i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X) ||
            n_lib_text == sizeof lib_text / sizeof lib_text[0])
            continue;
        lib_text[n_lib_text].start = info->dlpi_addr + ph->p_vaddr;
        lib_text[n_lib_text].end = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
        n_lib_text++;
    }
    return 0;
}

/* True when this call, from 'caller', is the one to fail. */
static bool lib_fails(const void *caller)
{
    uintptr_t a = (uintptr_t)caller;
    for (size_t i = 0; i < n_lib_text; i++)
        if (a >= lib_text[i].start && a < lib_text[i].end)
            return lib_call_fails();
    return false;
}

EXPORTED void *malloc(size_t size)
{
    return lib_fails(__builtin_return_address(0)) ? NULL : __libc_malloc(size);
}

EXPORTED void *calloc(size_t n, size_t size)
{
    return lib_fails(__builtin_return_address(0)) ? NULL
                                                  : __libc_calloc(n, size);
}

EXPORTED void *realloc(void *p, size_t size)
{
    return lib_fails(__builtin_return_address(0)) ? NULL
                                                  : __libc_realloc(p, size);
}

EXPORTED void free(void *p)
{
    __libc_free(p);
}

static void find_lib_text(void)
{
    if (!n_lib_text)
        dl_iterate_phdr(find_libs, NULL);
}
#else
#define raw_malloc malloc
#define raw_free free

static sqlite3_mem_methods sqlite_mem;

static void *sqlite_malloc(int size)
{
    return lib_call_fails() ? NULL : sqlite_mem.xMalloc(size);
}

static void *sqlite_realloc(void *p, int size)
{
    return lib_call_fails() ? NULL : sqlite_mem.xRealloc(p, size);
}

static void find_lib_text(void)
{
}
#endif

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

/* Which allocations a sweep fails: exodus's own (through
 * exo_allocator_set) or the libraries' (through malloc above). */
static bool sweep_libs;

/*
 * Sweeps the libraries' allocations, and fails the test when they cannot
 * be failed in this build (valgrind replaces malloc too). jansson's are
 * swept only until exodus first parses JSON: it then wraps jansson's
 * allocator (src/core/json.c), whose calls no longer come from jansson's
 * code. A sweep of the parser would corrupt the heap: it goes on after a
 * string buffer fails to grow, without the byte it was adding, and when
 * that byte is a string's closing quote it copies on past the end of its
 * buffer (jansson 2.14's lex_scan_string). What exodus can do, it does:
 * see jansson_dropped_byte_is_out_of_memory below.
 */
static void libs_mode(void)
{
    sweep_libs = true;
#ifdef EXO_TEST_ASAN
    sqlite3_shutdown();
    cr_assert_eq(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_mem),
                 SQLITE_OK);
    sqlite3_mem_methods m = sqlite_mem;
    m.xMalloc = sqlite_malloc;
    m.xRealloc = sqlite_realloc;
    cr_assert_eq(sqlite3_config(SQLITE_CONFIG_MALLOC, &m), SQLITE_OK);
    cr_assert_eq(sqlite3_initialize(), SQLITE_OK);
#endif
    find_lib_text();
    atomic_store(&lib_calls, 0);
    lib_fail_at = 1;
    atomic_store(&lib_armed, 1);
    void *p = sqlite3_malloc(64);
    atomic_store(&lib_armed, 0);
    lib_fail_at = 0;
    cr_assert_null(p, "a library's allocation cannot be failed in this build "
                      "(is malloc replaced by valgrind?)");
}

/* Starts counting, failing allocation 'n' (0: none). */
static void faults_on(long n)
{
    if (sweep_libs) {
        atomic_store(&lib_calls, 0);
        lib_fail_at = n;
        atomic_store(&lib_armed, 1);
        return;
    }
    atomic_store(&alloc_calls, 0);
    fail_at = n;
    exo_allocator_set(failing_malloc, failing_realloc, free);
}

static void faults_off(void)
{
    atomic_store(&lib_armed, 0);
    lib_fail_at = 0;
    exo_allocator_set(NULL, NULL, NULL);
    fail_at = 0;
}

/* The allocations counted since faults_on. */
static long calls_made(void)
{
    return sweep_libs ? atomic_load(&lib_calls) : atomic_load(&alloc_calls);
}

static long faults_off_count(void)
{
    faults_off();
    return calls_made();
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

/* Every row of every table of the store as text, tables by name and rows
 * by rowid (read with SQLite directly, outside the sweep): two imports
 * stored the same when their dumps are equal. The caller frees it. */
static char *store_dump(void)
{
    sqlite3 *db;
    sqlite3_stmt *tables, *rows;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    cr_assert_not_null(out);
    cr_assert_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL),
                 SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT name FROM sqlite_master WHERE "
                                    "type = 'table' AND name NOT LIKE "
                                    "'sqlite_%' ORDER BY name",
                                    -1, &tables, NULL),
                 SQLITE_OK);
    while (sqlite3_step(tables) == SQLITE_ROW) {
        char sql[200];
        const char *name = (const char *)sqlite3_column_text(tables, 0);
        snprintf(sql, sizeof sql, "SELECT * FROM \"%s\" ORDER BY rowid", name);
        fprintf(out, "[%s]\n", name);
        /* A WITHOUT ROWID table has no rowid and is read in key order. */
        if (sqlite3_prepare_v2(db, sql, -1, &rows, NULL) != SQLITE_OK) {
            snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", name);
            cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &rows, NULL),
                         SQLITE_OK, "%s", sqlite3_errmsg(db));
        }
        while (sqlite3_step(rows) == SQLITE_ROW) {
            for (int c = 0; c < sqlite3_column_count(rows); c++) {
                const unsigned char *v = sqlite3_column_text(rows, c);
                fprintf(out, "%s%s", c ? "|" : "",
                        v ? (const char *)v : "NULL");
            }
            fputc('\n', out);
        }
        sqlite3_finalize(rows);
    }
    sqlite3_finalize(tables);
    sqlite3_close(db);
    fclose(out);
    return text;
}

/* A fresh store holding 'base' (or nothing). */
static exo_store *store_with(const char *base)
{
    exo_store *s = fresh_store();
    if (base)
        import_ok(s, EXO_IMPORT_MOVES, base);
    return s;
}

/*
 * Each allocation of importing 'path' fails in turn, into a store that
 * already holds 'base' (or nothing): EXO_ENOMEM with a message and the
 * store as it was, until the import needs no more allocations than were
 * let through and goes in. A library may absorb a failure (SQLite retries
 * with less memory); the import must then store exactly what it stores
 * without one. Returns the allocations it took.
 */
static long sweep_import(exo_import_kind kind, const char *path,
                         const char *base)
{
    exo_store *s = store_with(base);
    char *before = store_dump();
    import_ok(s, kind, path);
    char *want = store_dump();
    drop_store(s);
    s = store_with(base);
    long total = -1;
    for (long n = 1; n <= MAX_ALLOCS && total < 0; n++) {
        exo_import_result r;
        exo_errlist errors;
        exo_err err = {0};
        faults_on(n);
        exo_code rc = exo_import_file(s, kind, path, NULL, &r, &errors, &err);
        long calls = calls_made();
        faults_off();
        if (rc == EXO_OK && (calls < n || sweep_libs)) {
            char *got = store_dump();
            cr_assert_str_eq(got, want,
                             "%s, allocation %ld of %ld failed and the "
                             "import stored something else",
                             path, n, calls);
            free(got);
            if (calls < n) {
                total = calls;
                break;
            }
            drop_store(s);
            s = store_with(base);
            continue;
        }
        cr_assert_eq(rc, EXO_ENOMEM, "%s, allocation %ld of %ld: %s (%s)", path,
                     n, calls, exo_strerror(rc), err.msg);
        cr_assert(err.msg[0], "%s, allocation %ld: no message", path, n);
        char *got = store_dump();
        cr_assert_str_eq(got, before, "%s, allocation %ld: rows written", path,
                         n);
        free(got);
    }
    cr_assert_gt(total, 1, "%s: no import got through %d allocations", path,
                 MAX_ALLOCS);
    free(before);
    free(want);
    drop_store(s);
    return total;
}

static void sweep_imports(void)
{
    sweep_import(EXO_IMPORT_MOVES, FIX("moves-small.csv"), NULL);
    sweep_import(EXO_IMPORT_MOVES, FIX("moves-small.json"), NULL);
    sweep_import(EXO_IMPORT_FINANCE, FIX("finance-small.csv"), NULL);
    sweep_import(EXO_IMPORT_SPELLS, FIX("spells-small.csv"), NULL);
    sweep_import(EXO_IMPORT_ALIASES, FIX("aliases-small.csv"),
                 FIX("moves-small.csv"));
}

Test(faults, import_moves_finance_spells_aliases)
{
    sweep_imports();
}

/* The same imports, failing SQLite's, libcsv's and jansson's allocations
 * in turn instead of exodus's. */
Test(faults, import_library_allocations)
{
    libs_mode();
    sweep_imports();
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

static void sweep_report(void)
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
        long calls = calls_made();
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
static void sweep_requests(void)
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
            long calls = calls_made();
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
        /* A request may make no allocation of the libraries' (an asset). */
        cr_assert_gt(total, sweep_libs ? -1 : 0,
                     "%s: no answer got through %d allocations", q->path,
                     MAX_ALLOCS);
        exo_free(want.body);
    }
    cr_expect_eq(total_rows(), rows, "a request wrote to the store");
    drop_store(s);
}

Test(faults, report_fails_cleanly_and_writes_nothing)
{
    sweep_report();
}

/* SQLite's, GSL's and jansson's allocations while a report is made. */
Test(faults, report_library_allocations)
{
    libs_mode();
    sweep_report();
}

Test(faults, every_request_fails_cleanly)
{
    sweep_requests();
}

Test(faults, every_request_library_allocations)
{
    libs_mode();
    sweep_requests();
}

/* ==== jansson's parser ==== */

/* Fails jansson's allocation number 'json_fail_at' (from 1), once
 * installed as its allocator (what a host program may set). */
static long json_calls, json_fail_at;

static void *json_failing_malloc(size_t size)
{
    return ++json_calls == json_fail_at ? NULL : raw_malloc(size);
}

static void json_free(void *p)
{
    raw_free(p);
}

/*
 * A string of 40 letters: its buffer grows twice while it is read, and a
 * failed growth drops a letter that jansson's parser does not miss. Each
 * allocation of the parse fails in turn: exo__json_loadb must answer
 * "out of memory" or the very string, never 39 letters. Its wrapper
 * chains to the allocator set before it (this test's), as it would to a
 * host program's.
 */
Test(faults, jansson_dropped_byte_is_out_of_memory)
{
    static const char text[] = "[\"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN\"]";
    json_set_alloc_funcs(json_failing_malloc, json_free);
    long total = -1;
    int ooms = 0;
    for (long n = 1; n < 100 && total < 0; n++) {
        json_error_t jerr;
        bool oom;
        json_calls = 0;
        json_fail_at = n;
        json_t *v = exo__json_loadb(text, strlen(text), 0, &jerr, &oom);
        json_fail_at = 0;
        if (oom) {
            cr_assert_null(v, "allocation %ld: a value and out of memory", n);
            ooms++;
            continue;
        }
        cr_assert_not_null(v, "allocation %ld: %s", n, jerr.text);
        cr_assert_str_eq(json_string_value(json_array_get(v, 0)),
                         "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN",
                         "allocation %ld of %ld failed", n, json_calls);
        if (json_calls < n)
            total = json_calls;
        json_decref(v);
    }
    cr_assert_gt(total, 2, "the parse never got through");
    cr_assert_eq(ooms, total, "%d of %ld failures reported", ooms, total);
}
