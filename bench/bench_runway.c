/*
 * bench_runway.c - speed and memory of the runway Monte Carlo on the
 * bundled scenarios: paths per second and wall time for 10,000 and
 * 100,000 paths of 120 months (the target: 100,000 x 120 under
 * 2 s), with the peak resident memory. Prints; never asserts.
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "exodus.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void bench(const char *path, size_t paths, int months)
{
    exo_runway_scenario sc;
    exo_runway r;
    exo_err err = {0};
    if (exo_runway_scenario_load(path, &sc, &err)) {
        fprintf(stderr, "bench_runway: %s: %s\n", path, err.msg);
        exit(1);
    }
    exo_runway_opts o = {.n_paths = paths, .seed = 1, .months = months};
    double t0 = now();
    if (exo_runway_run(&sc, &o, &r, &err)) {
        fprintf(stderr, "bench_runway: %s\n", err.msg);
        exit(1);
    }
    double dt = now() - t0;
    printf("%-22s %7zu paths x %3d months  %7.3f s  %10.0f paths/s  "
           "peak %6ld MB  (median cash-out %.1f)\n",
           sc.name, paths, months, dt, (double)paths / dt, peak_kb() / 1024,
           r.cashout_median);
    exo_runway_release(&r);
}

int main(void)
{
    printf("threads: %d\n", omp_get_max_threads());
    bench("data/scenarios/startup.json", 10000, 120);
    bench("data/scenarios/openai-2024.json", 10000, 120);
    bench("data/scenarios/startup.json", 100000, 120);
    bench("data/scenarios/openai-2024.json", 100000, 120);
    return 0;
}
