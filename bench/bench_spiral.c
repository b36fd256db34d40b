/*
 * bench_spiral.c - the whole spiral answer, as 'exodus spiral' computes
 * it, on simulated event files: read (exo_event_file_load, the CSV reader
 * every --events file goes through), then exo_spiral_analyze_stream with
 * its defaults. Prints one line per case; never asserts.
 *
 *   10^4 dated events (60% to the day, 40% to the month): trend, Hawkes,
 *        parametric bootstrap (99 replicates) and 10 imputations
 *   10^7 numbered events: above the exact limit, so one imputation and
 *        the asymptotic mixture test (the stated fallback)
 *
 * The files are written to $TMPDIR (default /tmp) and removed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "exodus.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static long peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

/* A self-exciting stream (mu 0.5, alpha 0.8, beta 1 per unit), n events. */
static double *stream(size_t target, size_t *n)
{
    double *t;
    exo_err err = {0};
    if (exo_hawkes_simulate(0.5, 0.8, 1.0, 0.0, (double)target / 2.5, NULL, 0,
                            42, 4 * target + 1000, &t, n, &err)) {
        fprintf(stderr, "bench_spiral: simulate: %s\n", err.msg);
        exit(1);
    }
    if (*n > target)
        *n = target;
    return t;
}

static void run(const char *what, const char *path)
{
    exo_event_file f;
    exo_spiral *s = NULL;
    exo_err err = {0};
    double t0 = now();
    if (exo_event_file_load(path, NULL, &f, &err)) {
        fprintf(stderr, "bench_spiral: %s: %s\n", path, err.msg);
        exit(1);
    }
    double t1 = now();
    exo_event_stream ev = {f.times, f.widths, f.n, f.dates, false, 0, 0};
    if (exo_spiral_analyze_stream(&ev, NULL, &s, &err)) {
        fprintf(stderr, "bench_spiral: %s: %s\n", what, err.msg);
        exit(1);
    }
    double t2 = now();
    printf("spiral %-34s read %.2f s, analysis %.2f s, total %.2f s; "
           "%zu imputations, %s%s; peak %ld MB\n",
           what, t1 - t0, t2 - t1, t2 - t0, s->n_imputations,
           s->bootstrap ? "bootstrap test" : "asymptotic test",
           s->bootstrap ? "" : " (above the exact limit)", peak_mb());
    exo_spiral_release(s);
    exo_event_file_release(&f);
}

int main(void)
{
    const char *dir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
    char path[4096];
    size_t n;

    /* 10^4 dated events, one a day on average over 27 years. */
    double *t = stream(10000, &n);
    snprintf(path, sizeof path, "%s/bench-spiral-%d-dates.txt", dir,
             (int)getpid());
    FILE *out = fopen(path, "w");
    if (!out) {
        perror(path);
        return 1;
    }
    for (size_t i = 0; i < n; i++) {
        char d[11];
        exo_date_format((int32_t)(10957.0 + floor(t[i] * 2.5)), d);
        if (i % 5 < 2)
            d[7] = '\0'; /* known to the month */
        fprintf(out, "%s\n", d);
    }
    fclose(out);
    free(t);
    run("10^4 dated events", path);
    unlink(path);

    t = stream(10000000, &n);
    snprintf(path, sizeof path, "%s/bench-spiral-%d-1e7.txt", dir,
             (int)getpid());
    out = fopen(path, "w");
    if (!out) {
        perror(path);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%.6f\n", t[i]);
    fclose(out);
    free(t);
    run("10^7 events (numbers)", path);
    unlink(path);
    return 0;
}
