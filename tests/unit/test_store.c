/*
 * test_store.c - opening a store honestly: a read never creates or alters
 * a file, a database exodus did not make is refused and left byte for
 * byte as it was, a read-only store can still be read, and an import
 * refuses a damaged store.
 */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"

#define FIX(name) SOURCE_PATH("tests/fixtures/" name)

static char dir[64];
static char path[128];

/* A fresh directory for the test, and 'path' a file name in it. */
static void fresh_dir(const char *name)
{
    snprintf(dir, sizeof dir, "/tmp/exodus-store-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/%s", dir, name);
}

static void remove_dir(void)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "chmod -R u+w '%s' && rm -rf '%s'", dir, dir);
    cr_expect_eq(system(cmd), 0);
}

static bool exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

/* The whole file at 'p' (NUL-terminated, '*len' bytes); free() it. */
static char *slurp(const char *p, size_t *len)
{
    FILE *f = fopen(p, "rb");
    cr_assert_not_null(f, "%s: %s", p, strerror(errno));
    char *data = malloc(1 << 20);
    cr_assert_not_null(data);
    *len = fread(data, 1, 1 << 20, f);
    fclose(f);
    return data;
}

static void sql(const char *p, const char *statements)
{
    sqlite3 *db;
    cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_exec(db, statements, NULL, NULL, NULL), SQLITE_OK,
                 "%s", sqlite3_errmsg(db));
    sqlite3_close(db);
}

static long long sql_int(const char *p, const char *query)
{
    sqlite3 *db;
    sqlite3_stmt *stmt;
    long long v = -1;
    cr_assert_eq(sqlite3_open(p, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db, query, -1, &stmt, NULL), SQLITE_OK);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

/* A store at 'path' holding the small moves fixture. */
static void make_store(void)
{
    exo_store *store;
    exo_err err = {0};
    exo_import_result result;
    cr_assert_eq(exo_store_open(path, EXO_STORE_CREATE, &store, &err), EXO_OK,
                 "%s", err.msg);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 FIX("moves-small.csv"), NULL, &result, NULL,
                                 &err),
                 EXO_OK, "%s", err.msg);
    exo_store_close(store);
}

Test(store, read_of_a_missing_path_creates_nothing)
{
    exo_store *store = (exo_store *)1;
    exo_err err = {0};
    fresh_dir("mistyped.db");
    cr_expect_eq(exo_store_open(path, EXO_STORE_READONLY, &store, &err),
                 EXO_ENOENT);
    cr_expect_null(store);
    cr_expect(strstr(err.msg, path) != NULL, "%s", err.msg);
    cr_expect(!exists(path), "the read created '%s'", path);
    remove_dir();
}

/* Someone else's database is refused by reads and writes alike, and no
 * byte of it changes: no WAL switch, no exodus tables. */
Test(store, foreign_database_refused_and_left_as_it_was)
{
    static const int modes[] = {EXO_STORE_READONLY, EXO_STORE_CREATE, 0};
    fresh_dir("other.db");
    sql(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    size_t before_len, after_len;
    char *before = slurp(path, &before_len);
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        exo_store *store = (exo_store *)1;
        exo_err err = {0};
        cr_expect_eq(exo_store_open(path, modes[i], &store, &err), EXO_ESTORE,
                     "flags %d", modes[i]);
        cr_expect_null(store);
        cr_expect(strstr(err.msg, "not an exodus store") != NULL, "%s",
                  err.msg);
        cr_expect(strstr(err.msg, path) != NULL, "%s", err.msg);
    }
    char *after = slurp(path, &after_len);
    cr_expect(before_len == after_len && memcmp(before, after, before_len) == 0,
              "the foreign database changed");
    cr_expect_eq(sql_int(path, "SELECT COUNT(*) FROM sqlite_master"), 1);
    free(before);
    free(after);
    remove_dir();
}

Test(store, file_that_is_not_a_database_refused)
{
    exo_store *store;
    exo_err err = {0};
    fresh_dir("notes.db");
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("not a database, just some notes that are long enough to look "
          "like a header to anyone who did not check\n",
          f);
    fclose(f);
    cr_expect_eq(exo_store_open(path, EXO_STORE_CREATE, &store, &err),
                 EXO_ESTORE);
    cr_expect(strstr(err.msg, "not an exodus store") != NULL, "%s", err.msg);
    remove_dir();
}

Test(store, empty_file_is_no_store_to_read_but_one_to_make)
{
    exo_store *store;
    exo_err err = {0};
    fresh_dir("empty.db");
    close(open(path, O_CREAT | O_WRONLY, 0644));
    cr_expect_eq(exo_store_open(path, EXO_STORE_READONLY, &store, &err),
                 EXO_ESTORE);
    cr_expect(strstr(err.msg, "is empty") != NULL, "%s", err.msg);
    exo_err_clear(&err);
    cr_assert_eq(exo_store_open(path, EXO_STORE_CREATE, &store, &err), EXO_OK,
                 "%s", err.msg);
    exo_store_close(store);
    remove_dir();
}

/* A store made before stores carried the application id is still one. */
Test(store, store_without_application_id_still_opens)
{
    exo_store *store;
    exo_err err = {0};
    fresh_dir("old.db");
    make_store();
    sql(path, "PRAGMA application_id = 0");
    cr_assert_eq(exo_store_open(path, EXO_STORE_READONLY, &store, &err), EXO_OK,
                 "%s", err.msg);
    /* made at the newest schema: 003_hr_refresh.sql */
    cr_expect_eq(exo_store_schema_version(store), 3);
    exo_store_close(store);
    cr_assert_eq(exo_store_open(path, EXO_STORE_CREATE, &store, &err), EXO_OK,
                 "%s", err.msg);
    exo_store_close(store);
    cr_expect_eq(sql_int(path, "PRAGMA application_id"), 0x65786f64);
    remove_dir();
}

/*
 * A store in a read-only directory, its file read-only too: SQLite cannot
 * make the WAL's -shm file beside it, so it is read as immutable. The
 * reading runs in a child as an unprivileged user when the tests run as
 * root, since root may write anyway.
 */
Test(store, read_only_store_in_read_only_directory_can_be_read)
{
    fresh_dir("ro.db");
    make_store();
    char wal[160];
    snprintf(wal, sizeof wal, "%s-wal", path);
    cr_assert(!exists(wal), "the store was not closed cleanly");
    size_t before_len, after_len;
    char *before = slurp(path, &before_len);
    cr_assert_eq(chmod(path, 0444), 0);
    cr_assert_eq(chmod(dir, 0555), 0);
    pid_t pid = fork();
    cr_assert_neq(pid, -1);
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(65534) || setuid(65534)))
            _exit(10);
        exo_store *store;
        exo_err err = {0};
        exo_org_list orgs = {0};
        if (exo_store_open(path, EXO_STORE_READONLY, &store, &err)) {
            fprintf(stderr, "%s\n", err.msg);
            _exit(11);
        }
        if (exo_org_list_load(store, &orgs, &err) || orgs.n == 0) {
            fprintf(stderr, "%s\n", err.msg);
            _exit(12);
        }
        exo_org_list_release(&orgs);
        exo_store_close(store);
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0,
              "reading the read-only store failed (status %d)", status);
    char *after = slurp(path, &after_len);
    cr_expect(before_len == after_len && memcmp(before, after, before_len) == 0,
              "the read changed the store");
    free(before);
    free(after);
    remove_dir();
}

/* A dry run counts what it would add and merge, then rolls it all back. */
static void count_merge(void *ud, const char *from, const char *into)
{
    (void)from;
    (void)into;
    ++*(int *)ud;
}

Test(store, dry_run_import_writes_nothing)
{
    exo_store *store;
    exo_err err = {0};
    exo_import_result result;
    exo_import_opts opts;
    int n_merges = 0;
    fresh_dir("dry.db");
    make_store();
    long long moves = sql_int(path, "SELECT COUNT(*) FROM move");
    long long orgs = sql_int(path, "SELECT COUNT(*) FROM org");
    exo_import_opts_init(&opts);
    opts.dry_run = true;
    opts.merged = count_merge;
    opts.hooks.ud = &n_merges;
    cr_assert_eq(exo_store_open(path, 0, &store, &err), EXO_OK, "%s", err.msg);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 FIX("moves-quoted.csv"), &opts, &result, NULL,
                                 &err),
                 EXO_OK, "%s", err.msg);
    cr_expect_eq(result.n_new, 2);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_ALIASES,
                                 FIX("aliases-merge.csv"), &opts, &result, NULL,
                                 &err),
                 EXO_OK, "%s", err.msg);
    cr_expect_eq(result.n_new, 3);
    cr_expect_eq(result.n_orgs_merged, 2);
    cr_expect_eq(n_merges, 2);
    exo_store_close(store);
    cr_expect_eq(sql_int(path, "SELECT COUNT(*) FROM move"), moves);
    cr_expect_eq(sql_int(path, "SELECT COUNT(*) FROM org"), orgs);
    cr_expect_eq(sql_int(path, "SELECT COUNT(*) FROM alias"), 0);
    remove_dir();
}
