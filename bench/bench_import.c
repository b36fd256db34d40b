/*
 * bench_import.c - rows per second for importing generated move files into
 * a fresh store, and for importing them again (every row already present).
 * A large file is validated while it is written (src/ingest/import.c,
 * "Pipeline"), so the two passes are not timed apart.
 *
 * The reference is SQLite alone: the same rows, already validated and
 * resolved to ids, copied from a temporary table into the move table of
 * another fresh store the way the importer writes them (foreign-key checks
 * off, read indexes rebuilt at the end in small sorter runs, one
 * transaction; the people are already there). Its time is the
 * floor any importer of this schema pays on this machine; the ratio says
 * how far above it exodus is. Prints figures; never asserts.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "exodus.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* 'n' rows, 'n_people' distinct people, 50 organisations, 1,000 sources.
 * The destination is scrambled against the origin, as in real data: an
 * index on it gets no help from the order of the rows. */
static void generate(const char *path, long n, long n_people)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fprintf(f, "person,from_org,to_org,role,level,event,date,date_precision,"
               "source_url\n");
    for (long i = 0; i < n; i++)
        fprintf(
            f,
            "Person %ld,Org %ld,Org %ld,engineer,ic,left,"
            "20%02ld-%02ld-%02ld,day,https://example.org/%ld\n",
            i % n_people, i % 50,
            (i % 50 + 1 + (long)((unsigned long)i * 2654435761u >> 8) % 49) %
                50,
            10 + (i / n_people) % 15, 1 + i % 12, 1 + (i / 12) % 28, i % 1000);
    fclose(f);
}

static void remove_store(const char *db)
{
    char side[300];
    unlink(db);
    snprintf(side, sizeof side, "%s-wal", db);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", db);
    unlink(side);
}

static void exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "bench_import: %s: %s\n", sql, msg);
        exit(1);
    }
}

/*
 * Seconds SQLite alone takes to write the moves of store 'from' into a
 * fresh store 'to', in the order exodus wrote them. The people, orgs and
 * sources are copied first, untimed; the pragmas are the store's own.
 */
static double sqlite_alone(const char *from, const char *to)
{
    exo_store *store;
    exo_err err = {0};
    sqlite3 *db;
    char sql[400];
    remove_store(to);
    if (exo_store_open(to, EXO_STORE_CREATE, &store, &err)) {
        fprintf(stderr, "bench_import: %s\n", err.msg);
        exit(1);
    }
    exo_store_close(store);
    if (sqlite3_open(to, &db) != SQLITE_OK)
        exit(1);
    exec(db, "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -524288;"
             "PRAGMA foreign_keys = OFF");
    snprintf(sql, sizeof sql, "ATTACH '%s' AS src", from);
    exec(db, sql);
    exec(db, "INSERT INTO org SELECT * FROM src.org;"
             "INSERT INTO person SELECT * FROM src.person;"
             "INSERT INTO source SELECT * FROM src.source;"
             "CREATE TEMP TABLE rows AS SELECT person_id, from_org_id,"
             " to_org_id, role, level, event, date, date_precision, source_id"
             " FROM src.move ORDER BY id;"
             "DETACH src");
    double t0 = now();
    exec(db, "BEGIN IMMEDIATE; DROP INDEX move_from; DROP INDEX move_to;"
             "INSERT INTO move (person_id, from_org_id, to_org_id, role,"
             " level, event, date, date_precision, source_id)"
             " SELECT * FROM rows;"
             "PRAGMA cache_spill = OFF; PRAGMA cache_size = -2048;"
             "CREATE INDEX move_from ON move(from_org_id, date);"
             "CREATE INDEX move_to ON move(to_org_id, date);"
             "COMMIT");
    double t1 = now();
    sqlite3_close(db);
    remove_store(to);
    return t1 - t0;
}

int main(void)
{
    static const long sizes[] = {100000, 1000000};
    /* As the CLI does (src/cli/main.c): no allocation statistics, for the
     * SQLite-alone reference too. */
    exo_store_tune_process(NULL);
    printf("%-32s %10s %10s %12s %14s\n", "case", "rows", "total s", "rows/s",
           "x SQLite alone");
    for (size_t k = 0; k < 2; k++) {
        char csv[64], db[64], ref[64];
        long n = sizes[k];
        snprintf(csv, sizeof csv, "/tmp/exodus-bench-%d.csv", (int)getpid());
        snprintf(db, sizeof db, "/tmp/exodus-bench-%d.db", (int)getpid());
        snprintf(ref, sizeof ref, "/tmp/exodus-bench-ref-%d.db", (int)getpid());
        generate(csv, n, n / 5);
        remove_store(db);
        exo_store *store;
        exo_err err = {0};
        exo_import_result result;
        if (exo_store_open(db, EXO_STORE_CREATE, &store, &err)) {
            fprintf(stderr, "bench_import: %s\n", err.msg);
            return 1;
        }
        double t0 = now();
        if (exo_import_file(store, EXO_IMPORT_MOVES, csv, NULL, &result, NULL,
                            &err)) {
            fprintf(stderr, "bench_import: %s\n", err.msg);
            return 1;
        }
        double fresh = now() - t0;
        /* The same file again: every row already present. */
        t0 = now();
        exo_import_file(store, EXO_IMPORT_MOVES, csv, NULL, &result, NULL,
                        &err);
        double again = now() - t0;
        exo_store_close(store);
        double floor = sqlite_alone(db, ref);
        printf("%-32s %10ld %10.3f %12.0f %14.2f\n",
               "import moves (fresh store)", n, fresh, (double)n / fresh,
               fresh / floor);
        printf("%-32s %10ld %10.3f %12.0f %14s\n", "re-import (all present)", n,
               again, (double)n / again, "");
        printf("%-32s %10ld %10.3f %12.0f %14s\n",
               "SQLite alone, same rows+indexes", n, floor, (double)n / floor,
               "1.00");
        unlink(csv);
        remove_store(db);
    }
    return 0;
}
