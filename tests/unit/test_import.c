/*
 * test_import.c - validated import: every validation error with its exact
 * location, the all-or-nothing transaction, idempotent re-import, and a
 * process killed in the middle of writing.
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"
#include "store/store.h"

#define FIX(name) SOURCE_PATH("tests/fixtures/" name)

static char db_path[256];

static exo_store *fresh_store(void)
{
    exo_store *store = NULL;
    exo_err err = {0};
    snprintf(db_path, sizeof db_path, "/tmp/exodus-test-%d.db", (int)getpid());
    unlink(db_path);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", db_path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", db_path);
    unlink(wal);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK, "%s", err.msg);
    return store;
}

/* Imports 'path' and asserts it went in. */
static void import_ok(exo_store *store, exo_import_kind kind, const char *path)
{
    exo_import_result result;
    exo_err err = {0};
    cr_assert_eq(exo_import_file(store, kind, path, NULL, &result, NULL, &err),
                 EXO_OK, "%s: %s", path, err.msg);
}

static long count_rows(const char *table)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    char sql[100];
    long n = -1;
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s", table);
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

/* Indexes on 'table' (a large import rebuilds some inside its transaction). */
static long count_indexes(const char *table)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    long n = -1;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT COUNT(*) FROM sqlite_master WHERE "
                                    "type = 'index' AND tbl_name = ?",
                                    -1, &stmt, NULL),
                 SQLITE_OK);
    sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

static void expect_integrity_ok(void)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL),
        SQLITE_OK);
    cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
    cr_expect_str_eq((const char *)sqlite3_column_text(stmt, 0), "ok");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

/* One row per validation error of the foundation issue. */
static const struct {
    exo_import_kind kind;
    const char *file;
    size_t item;
    long line, column;
    const char *msg_start;
} cases[] = {
    {EXO_IMPORT_MOVES, "moves-bad.csv", 0, 2, 37,
     "impossible date '2024-02-30'"},
    {EXO_IMPORT_MOVES, "moves-bad.csv", 1, 3, 29, "unknown level 'wizard'"},
    {EXO_IMPORT_MOVES, "moves-bad.csv", 2, 4, 34, "unknown event 'quit'"},
    {EXO_IMPORT_MOVES, "moves-bad.csv", 3, 5, 38,
     "malformed date '2024/02/01'"},
    {EXO_IMPORT_MOVES, "moves-bad.csv", 4, 6, 10,
     "event 'left' needs 'from_org'"},
    {EXO_IMPORT_MOVES, "moves-bad.csv", 5, 7, 1,
     "empty value in field 'person'"},
    {EXO_IMPORT_MOVES, "moves-bad-utf8.csv", 0, 2, 1, "invalid UTF-8"},
    {EXO_IMPORT_MOVES, "moves-long-field.csv", 0, 2, 22,
     "field 'role' is too long"},
    {EXO_IMPORT_MOVES, "moves-unknown-column.csv", 0, 1, 46,
     "unknown column 'precision'"},
    {EXO_IMPORT_MOVES, "moves-missing-column.csv", 0, 1, 1,
     "missing required column 'level'"},
    {EXO_IMPORT_MOVES, "moves-bad.json", 0, 6, 12,
     "impossible date '2023-02-29'"},
    {EXO_IMPORT_FINANCE, "finance-bad.csv", 0, 2, 31, "negative amount '-5'"},
    {EXO_IMPORT_FINANCE, "finance-bad.csv", 1, 3, 23, "unknown kind 'gift'"},
    {EXO_IMPORT_SPELLS, "spells-end-before-start.csv", 0, 2, 43,
     "end 2020-01-01 is before start"},
};

Test(import, every_validation_error_is_located)
{
    exo_store *store = fresh_store();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512];
        exo_import_result result;
        exo_errlist errors;
        exo_err err = {0};
        snprintf(path, sizeof path, "%s", SOURCE_PATH("tests/fixtures/"));
        snprintf(path + strlen(path), sizeof path - strlen(path), "%s",
                 cases[i].file);
        cr_assert_eq(exo_import_file(store, cases[i].kind, path, NULL, &result,
                                     &errors, &err),
                     EXO_EDATA, "%s", cases[i].file);
        cr_assert_gt(errors.n, cases[i].item, "%s", cases[i].file);
        const exo_err *e = &errors.item[cases[i].item];
        cr_expect_eq(e->code, EXO_EDATA);
        cr_expect_str_eq(e->file, cases[i].file);
        cr_expect_eq(e->line, cases[i].line, "%s: line %ld", cases[i].file,
                     e->line);
        cr_expect_eq(e->column, cases[i].column, "%s: column %ld (%s)",
                     cases[i].file, e->column, e->msg);
        cr_expect(strncmp(e->msg, cases[i].msg_start,
                          strlen(cases[i].msg_start)) == 0,
                  "%s: '%s'", cases[i].file, e->msg);
        cr_expect(strstr(err.msg, "nothing was imported"), "%s", err.msg);
    }
    exo_store_close(store);
    cr_expect_eq(count_rows("move"), 0);
    cr_expect_eq(count_rows("org"), 0);
}

Test(import, bad_file_leaves_store_exactly_as_before)
{
    exo_store *store = fresh_store();
    exo_import_result result;
    exo_errlist errors;
    exo_err err = {0};
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 FIX("moves-small.csv"), NULL, &result, &errors,
                                 &err),
                 EXO_OK, "%s", err.msg);
    cr_expect_eq(result.n_new, 7);
    long moves = count_rows("move"), orgs = count_rows("org"),
         people = count_rows("person");
    cr_expect_eq(exo_import_file(store, EXO_IMPORT_MOVES, FIX("moves-bad.csv"),
                                 NULL, &result, &errors, &err),
                 EXO_EDATA);
    cr_expect_eq(errors.n, 7);
    cr_expect_eq(count_rows("move"), moves);
    cr_expect_eq(count_rows("org"), orgs);
    cr_expect_eq(count_rows("person"), people);
    /* again: natural keys, nothing new */
    exo_err_clear(&err);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 FIX("moves-small.csv"), NULL, &result, &errors,
                                 &err),
                 EXO_OK);
    cr_expect_eq(result.n_new, 0);
    cr_expect_eq(result.n_present, 7);
    exo_store_close(store);
}

Test(import, at_most_twenty_errors_are_kept_all_counted)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/exodus-many-errors-%d.csv",
             (int)getpid());
    FILE *f = fopen(path, "w");
    cr_assert(f);
    fprintf(f, "person,from_org,to_org,role,level,event,date,date_precision,"
               "source_url\n");
    for (int i = 0; i < 50; i++)
        fprintf(f, "P%d,A,B,r,ic,left,2024-02-30,day,\n", i);
    fclose(f);
    exo_store *store = fresh_store();
    exo_import_result result;
    exo_errlist errors;
    exo_err err = {0};
    cr_expect_eq(exo_import_file(store, EXO_IMPORT_MOVES, path, NULL, &result,
                                 &errors, &err),
                 EXO_EDATA);
    cr_expect_eq(errors.n, EXO_MAX_ERRORS);
    cr_expect_eq(errors.n_total, 50);
    cr_expect_eq(errors.item[19].line, 21);
    exo_store_close(store);
    unlink(path);
}

Test(import, aliases_resolve_names_case_insensitively)
{
    exo_store *store = fresh_store();
    exo_err err = {0};
    char *name = NULL;
    import_ok(store, EXO_IMPORT_MOVES, FIX("moves-small.csv"));
    import_ok(store, EXO_IMPORT_ALIASES, FIX("aliases-small.csv"));
    cr_assert_eq(exo_org_resolve(store, "  acme   LABS ", &name, &err), EXO_OK);
    cr_expect_str_eq(name, "Acme");
    exo_free(name);
    cr_expect_eq(exo_org_resolve(store, "Nowhere", &name, &err), EXO_ENOTFOUND);
    exo_store_close(store);
}

/* Writes 'n' generated move rows; returns the path. */
static void write_big_moves(const char *path, int n)
{
    FILE *f = fopen(path, "w");
    cr_assert(f);
    fprintf(f, "person,from_org,to_org,role,level,event,date,date_precision,"
               "source_url\n");
    for (int i = 0; i < n; i++)
        fprintf(f,
                "Person %d,Org %d,Org %d,engineer,ic,left,20%02d-%02d-%02d,"
                "day,https://example.org/%d\n",
                i, i % 50, (i + 7) % 50, 10 + i % 15, 1 + i % 12, 1 + i % 28,
                i % 1000);
    fclose(f);
}

static int kill_at;

/* In the child: dies by SIGKILL once writing is 'kill_at' percent done. */
static int die_mid_write(void *ud, double done)
{
    (void)ud;
    if (done * 100 >= kill_at)
        raise(SIGKILL);
    return 0;
}

Test(import, sigkill_mid_import_leaves_store_as_before, .timeout = 120)
{
    char big[64];
    snprintf(big, sizeof big, "/tmp/exodus-big-%d.csv", (int)getpid());
    write_big_moves(big, 300000);
    exo_store *store = fresh_store();
    exo_err err = {0};
    exo_import_result result;
    import_ok(store, EXO_IMPORT_MOVES, FIX("moves-small.csv"));
    exo_store_close(store);
    long moves = count_rows("move"), people = count_rows("person"),
         orgs = count_rows("org"), indexes = count_indexes("move"),
         person_indexes = count_indexes("person");
    cr_assert_gt(indexes, 1);
    /* Killed before the write phase, early in it, and near its end. */
    static const int kill_points[] = {20, 55, 90};
    for (size_t k = 0; k < 3; k++) {
        kill_at = kill_points[k];
        pid_t pid = fork();
        cr_assert_neq(pid, -1);
        if (pid == 0) {
            exo_store *s;
            exo_import_opts opts;
            exo_import_opts_init(&opts);
            opts.hooks.progress = die_mid_write;
            if (exo_store_open(db_path, EXO_STORE_CREATE, &s, NULL))
                _exit(2);
            exo_import_file(s, EXO_IMPORT_MOVES, big, &opts, &result, NULL,
                            NULL);
            _exit(3); /* not reached: the hook kills the process */
        }
        int status;
        waitpid(pid, &status, 0);
        cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                  "child was not killed (status %d)", status);
        expect_integrity_ok();
        cr_expect_eq(count_rows("move"), moves, "killed at %d%%", kill_at);
        cr_expect_eq(count_rows("person"), people);
        cr_expect_eq(count_rows("org"), orgs);
        cr_expect_eq(count_indexes("move"), indexes, "killed at %d%%", kill_at);
        cr_expect_eq(count_indexes("person"), person_indexes);
    }
    /* And the store still works: the same import now completes. */
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES, big, NULL, &result,
                                 NULL, &err),
                 EXO_OK, "%s", err.msg);
    cr_expect_eq(result.n_new, 300000);
    exo_store_close(store);
    cr_expect_eq(count_rows("move"), moves + 300000);
    cr_expect_eq(count_indexes("move"), indexes,
                 "the read indexes are rebuilt before COMMIT");
    expect_integrity_ok();
    unlink(big);
}

/* Keeps the warnings an import gives. */
struct notes {
    int n;
    exo_err last;
};

static void keep_note(void *ud, const exo_err *warning)
{
    struct notes *notes = ud;
    notes->n++;
    notes->last = *warning;
}

Test(import, hr_export_rows_fold_into_spells)
{
    struct notes notes = {0};
    exo_store *store = fresh_store();
    exo_import_opts opts;
    exo_import_result result;
    exo_err err = {0};
    exo_spells spells = {0};
    exo_import_opts_init(&opts);
    opts.map = "id=EmployeeID,start=orighiredate_key,end=terminationdate_key,"
               "team=department_name,role=job_title,end_reason=termreason_desc";
    opts.date_format = "%m/%d/%Y";
    opts.null_date = "1/1/1900";
    opts.org = "Shop";
    opts.reason_map = "Resignaton=left,Layoff=fired,Not Applicable=";
    opts.hooks.warn = keep_note;
    opts.hooks.ud = &notes;
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_SPELLS, FIX("hr-export.csv"),
                                 &opts, &result, NULL, &err),
                 EXO_OK, "%s", err.msg);
    /* The export's columns the mapping does not read: one note. */
    cr_expect_eq(notes.n, 1);
    cr_expect_eq(notes.last.code, EXO_EDATA);
    cr_expect_str_eq(notes.last.file, "hr-export.csv");
    cr_expect_eq(notes.last.line, 1);
    cr_expect_eq(notes.last.column, 12);
    cr_expect_str_eq(notes.last.msg, "columns the mapping leaves unread: "
                                     "'recorddate_key', 'STATUS'");
    cr_expect_eq(result.n_rows, 6);
    cr_expect_eq(result.n_new, 3);
    cr_expect_eq(result.n_merged, 3);
    cr_assert_eq(exo_spells_load(store, "shop", &spells, &err), EXO_OK);
    cr_assert_eq(spells.n, 3);
    /* sorted by start: employee 1 (1989), 2 (2000), 3 (2004) */
    cr_expect_eq(spells.start[0], exo_days_from_civil(1989, 8, 28));
    cr_expect_eq(spells.end[0], exo_days_from_civil(2008, 6, 30));
    cr_expect_eq(spells.end_reason[0], EXO_EVENT_LEFT);
    cr_expect(isnan(spells.end[1]));
    cr_expect_eq(spells.end_reason[2], EXO_EVENT_FIRED);
    cr_expect_str_eq(spells.team[2], "Bakery");
    exo_spells_release(&spells);
    exo_store_close(store);
}

/* An allocator that fails its 'fail_at'-th call, counting from 1. */
static long alloc_calls, fail_at;

static void *failing_malloc(size_t size)
{
    return ++alloc_calls == fail_at ? NULL : malloc(size);
}

static void *failing_realloc(void *p, size_t size)
{
    return ++alloc_calls == fail_at ? NULL : realloc(p, size);
}

Test(import, every_allocation_failure_is_enomem_and_writes_nothing)
{
    exo_store *store = fresh_store();
    exo_import_result result;
    exo_errlist errors;
    long total = -1;
    /* Fail each allocation in turn until an import gets through. */
    for (fail_at = 1; fail_at < 5000 && total < 0; fail_at++) {
        exo_err err = {0};
        alloc_calls = 0;
        exo_allocator_set(failing_malloc, failing_realloc, free);
        exo_code rc =
            exo_import_file(store, EXO_IMPORT_MOVES, FIX("moves-small.csv"),
                            NULL, &result, &errors, &err);
        exo_allocator_set(NULL, NULL, NULL);
        if (rc == EXO_OK) {
            total = fail_at;
            break;
        }
        cr_assert_eq(rc, EXO_ENOMEM, "allocation %ld: %s (%s)", fail_at,
                     exo_strerror(rc), err.msg);
        cr_assert_eq(count_rows("move"), 0, "allocation %ld", fail_at);
    }
    cr_assert_gt(total, 1, "no allocation was tried");
    cr_expect_eq(result.n_new, 7);
    exo_store_close(store);
}

/*
 * A file large enough to be validated while it is being written: the
 * errors are still all found, located and in input order, and the rows
 * already written inside the transaction are rolled back.
 */
Test(import, large_file_with_late_errors_writes_nothing, .timeout = 60)
{
    char big[64];
    snprintf(big, sizeof big, "/tmp/exodus-late-%d.csv", (int)getpid());
    write_big_moves(big, 60000);
    FILE *f = fopen(big, "a");
    cr_assert_not_null(f);
    fprintf(f, "Late One,Org 1,Org 2,engineer,ic,left,2024-02-30,day,\n");
    fprintf(f, "Late Two,Org 1,Org 2,engineer,boss,left,2024-02-03,day,\n");
    fclose(f);
    exo_store *store = fresh_store();
    exo_err err = {0};
    exo_errlist errors;
    exo_import_result result;
    import_ok(store, EXO_IMPORT_MOVES, FIX("moves-small.csv"));
    exo_store_close(store);
    long moves = count_rows("move"), people = count_rows("person"),
         orgs = count_rows("org"), indexes = count_indexes("move"),
         person_indexes = count_indexes("person");
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES, big, NULL, &result,
                                 &errors, &err),
                 EXO_EDATA);
    exo_store_close(store);
    cr_assert_eq(errors.n, 2);
    cr_expect_eq(errors.n_total, 2);
    cr_expect_eq(errors.item[0].line, 60002);
    cr_expect_eq(errors.item[0].column, 39);
    cr_expect_eq(errors.item[1].line, 60003);
    cr_expect_eq(errors.item[1].column, 31);
    cr_expect(strstr(errors.item[1].msg, "unknown level 'boss'"), "%s",
              errors.item[1].msg);
    cr_expect_eq(result.n_new, 0);
    cr_expect_eq(count_rows("move"), moves);
    cr_expect_eq(count_rows("person"), people);
    cr_expect_eq(count_rows("org"), orgs);
    cr_expect_eq(count_indexes("move"), indexes);
    cr_expect_eq(count_indexes("person"), person_indexes);
    expect_integrity_ok();
    unlink(big);
}

/* Rows of PRAGMA foreign_key_check over the whole store. */
static long foreign_key_violations(void)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    long n = 0;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(
        sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt, NULL),
        SQLITE_OK);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        n++;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
}

/* Whether the store's own connection enforces foreign keys. */
static bool enforces_foreign_keys(exo_store *store)
{
    sqlite3_stmt *stmt;
    bool on = false;
    cr_assert_eq(
        sqlite3_prepare_v2(store->db, "PRAGMA foreign_keys", -1, &stmt, NULL),
        SQLITE_OK);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        on = sqlite3_column_int(stmt, 0) == 1;
    sqlite3_finalize(stmt);
    return on;
}

/* Stops an import once writing is half done. */
static int cancel_mid_write(void *ud, double done)
{
    (void)ud;
    return done >= 0.5;
}

/*
 * An import writes without SQLite's per-row foreign-key checks (every id
 * comes from its own transaction): every kind of import, the pipelined one
 * and a rejected one must leave valid references and the checks back on.
 */
Test(import, references_are_valid_and_checks_come_back, .timeout = 60)
{
    static const struct {
        exo_import_kind kind;
        const char *file;
        exo_code expect;
    } imports[] = {
        {EXO_IMPORT_MOVES, FIX("moves-small.csv"), EXO_OK},
        {EXO_IMPORT_MOVES, FIX("moves-small.json"), EXO_OK},
        {EXO_IMPORT_SPELLS, FIX("spells-small.csv"), EXO_OK},
        {EXO_IMPORT_FINANCE, FIX("finance-small.csv"), EXO_OK},
        {EXO_IMPORT_MOVES, FIX("moves-bad.csv"), EXO_EDATA},
        {EXO_IMPORT_ALIASES, FIX("aliases-small.csv"), EXO_OK},
        {EXO_IMPORT_MOVES, NULL, EXO_OK}, /* the generated, pipelined one */
    };
    char big[64];
    snprintf(big, sizeof big, "/tmp/exodus-refs-%d.csv", (int)getpid());
    write_big_moves(big, 60000);
    exo_store *store = fresh_store();
    /* A gap before the only person: new ones must follow the largest id,
     * not the count. */
    cr_assert_eq(sqlite3_exec(store->db,
                              "INSERT INTO person (id, name, name_key) "
                              "VALUES (2, 'Second Only', 'second only')",
                              NULL, NULL, NULL),
                 SQLITE_OK);
    long indexes = count_indexes("move"),
         person_indexes = count_indexes("person");
    for (size_t i = 0; i < sizeof imports / sizeof imports[0]; i++) {
        exo_import_result result;
        exo_errlist errors;
        exo_err err = {0};
        const char *file = imports[i].file ? imports[i].file : big;
        cr_expect_eq(exo_import_file(store, imports[i].kind, file, NULL,
                                     &result, &errors, &err),
                     imports[i].expect, "%s: %s", file, err.msg);
        cr_expect(enforces_foreign_keys(store), "after %s", file);
    }
    /* Canceled in the middle of writing (pass two): rolled back, and
     * checked again. */
    exo_import_opts opts;
    exo_import_result result;
    exo_err err = {0};
    exo_import_opts_init(&opts);
    opts.hooks.progress = cancel_mid_write;
    write_big_moves(big, 70000); /* new rows: the store has the others */
    cr_expect_eq(exo_import_file(store, EXO_IMPORT_MOVES, big, &opts, &result,
                                 NULL, &err),
                 EXO_ECANCELED, "%s", err.msg);
    cr_expect(enforces_foreign_keys(store), "after a canceled import");
    sqlite3_stmt *pragma;
    cr_assert_eq(
        sqlite3_prepare_v2(store->db, "PRAGMA cache_size", -1, &pragma, NULL),
        SQLITE_OK);
    cr_assert_eq(sqlite3_step(pragma), SQLITE_ROW);
    cr_expect_eq(sqlite3_column_int64(pragma, 0), -524288,
                 "the import's rebuild left its small cache behind");
    sqlite3_finalize(pragma);
    exo_store_close(store);
    cr_expect_gt(count_rows("move"), 60000);
    /* the large import's deferred indexes are all back */
    cr_expect_eq(count_indexes("move"), indexes);
    cr_expect_eq(count_indexes("person"), person_indexes);
    cr_expect_eq(foreign_key_violations(), 0);
    expect_integrity_ok();
    unlink(big);
}

/* An employee id and a person's name are different keys, even when the
 * name looks like an id. */
Test(import, employee_ids_and_names_do_not_mix)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/exodus-ids-%d.csv", (int)getpid());
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "person,id,org,start\n#7,,Acme,2020-01-01\n"
               "Jane,7,Acme,2021-01-01\n");
    fclose(f);
    exo_store *store = fresh_store();
    import_ok(store, EXO_IMPORT_SPELLS, path);
    exo_store_close(store);
    cr_expect_eq(count_rows("person"), 2);
    cr_expect_eq(count_rows("spell"), 2);
    unlink(path);
}

/*
 * An alias import merges organisations and deletes the merged ones: a
 * name resolved on one row may name a deleted organisation on the next.
 * Other Co -> Rival, then Rival -> Acme (Rival is deleted), then
 * Rival Inc -> Rival, which now means Acme.
 */
Test(import, alias_chains_follow_merges)
{
    exo_store *store = fresh_store();
    exo_err err = {0};
    char *name = NULL;
    import_ok(store, EXO_IMPORT_MOVES, FIX("moves-small.csv"));
    import_ok(store, EXO_IMPORT_ALIASES, FIX("aliases-merge.csv"));
    static const char *const names[] = {"Other Co", "Rival", "Rival Inc"};
    for (size_t i = 0; i < 3; i++) {
        cr_assert_eq(exo_org_resolve(store, names[i], &name, &err), EXO_OK,
                     "%s", names[i]);
        cr_expect_str_eq(name, "Acme", "%s", names[i]);
        exo_free(name);
    }
    exo_store_close(store);
    cr_expect_eq(count_rows("org"), 1);
    cr_expect_eq(foreign_key_violations(), 0);
}

/*
 * The CLI's process-wide store setting (exo_store_tune_process): taken
 * before SQLite starts, when the statistics it turns off read 0 after a
 * store was opened; refused and said so once SQLite has started. Criterion
 * runs each test in a process of its own, so SQLite starts here.
 */
Test(import, tune_process_works_only_before_sqlite_starts)
{
    exo_err err = {0};
    cr_assert_eq(exo_store_tune_process(&err), EXO_OK, "%s", err.msg);
    exo_store *store = fresh_store();
    cr_expect_eq(sqlite3_memory_used(), 0, "memory statistics still kept");
    cr_expect_eq(exo_store_tune_process(&err), EXO_ESTORE);
    cr_expect_eq(err.sys, SQLITE_MISUSE);
    cr_expect(strstr(err.msg, "memory statistics") != NULL, "%s", err.msg);
    exo_store_close(store);
}

/* Amounts are whole dollars stored as 64-bit integers: INT64_MAX and
 * 2^53 + 1 come back exactly (a REAL column rounded both). */
Test(import, finance_amounts_are_exact_int64)
{
    exo_store *store = fresh_store();
    import_ok(store, EXO_IMPORT_FINANCE, FIX("finance-int64.csv"));
    exo_store_close(store);
    sqlite3 *db;
    sqlite3_stmt *stmt;
    cr_assert_eq(sqlite3_open(db_path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT typeof(amount_usd), amount_usd "
                                    "FROM finance ORDER BY date",
                                    -1, &stmt, NULL),
                 SQLITE_OK);
    const sqlite3_int64 want[] = {INT64_MAX, 9007199254740993};
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(sqlite3_step(stmt), SQLITE_ROW);
        cr_expect_str_eq((const char *)sqlite3_column_text(stmt, 0),
                         "integer");
        cr_expect_eq(sqlite3_column_int64(stmt, 1), want[i], "row %d: %lld", i,
                     (long long)sqlite3_column_int64(stmt, 1));
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}
