/*
 * bench_import.c - rows per second for importing generated move files into
 * a fresh store, and for importing them again (every row already present).
 * A large file is validated while it is written (src/ingest/import.c,
 * "Pipeline"), so the two passes are not timed apart. Prints figures;
 * never asserts.
 */
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

/* 'n' rows, 'n_people' distinct people, 50 organisations, 1,000 sources. */
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
        fprintf(f, "Person %ld,Org %ld,Org %ld,engineer,ic,left,"
                   "20%02ld-%02ld-%02ld,day,https://example.org/%ld\n",
                i % n_people, i % 50, (i + 7) % 50, 10 + (i / n_people) % 15,
                1 + i % 12, 1 + (i / 12) % 28, i % 1000);
    fclose(f);
}

int main(void)
{
    static const long sizes[] = {100000, 1000000};
    printf("%-28s %10s %12s %12s\n", "case", "rows", "total s", "rows/s");
    for (size_t k = 0; k < 2; k++) {
        char csv[64], db[64], side[80];
        long n = sizes[k];
        snprintf(csv, sizeof csv, "/tmp/exodus-bench-%d.csv", (int)getpid());
        snprintf(db, sizeof db, "/tmp/exodus-bench-%d.db", (int)getpid());
        generate(csv, n, n / 5);
        unlink(db);
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
        double t1 = now();
        printf("%-28s %10ld %12.3f %12.0f\n", "import moves (fresh store)", n,
               t1 - t0, (double)n / (t1 - t0));
        /* The same file again: every row already present. */
        t0 = now();
        exo_import_file(store, EXO_IMPORT_MOVES, csv, NULL, &result, NULL,
                        &err);
        t1 = now();
        printf("%-28s %10ld %12.3f %12.0f\n", "re-import (all present)", n,
               t1 - t0, (double)n / (t1 - t0));
        exo_store_close(store);
        unlink(csv);
        unlink(db);
        snprintf(side, sizeof side, "%s-wal", db);
        unlink(side);
        snprintf(side, sizeof side, "%s-shm", db);
        unlink(side);
    }
    return 0;
}
