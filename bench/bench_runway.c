/*
 * bench_runway.c - speed and memory of the runway Monte Carlo on the
 * bundled scenarios: paths per second and wall time for 10,000 and
 * 100,000 paths of 120 months (the target: 100,000 x 120 under
 * 2 s), with the peak resident memory. Prints; never asserts.
 */
#include <omp.h>
#include <stdbool.h>
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

/* CPU seconds of this process, all threads: comparable on a busy
 * machine where wall time is not. */
static double cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + 1e-6 * (double)ru.ru_utime.tv_usec +
           (double)ru.ru_stime.tv_sec + 1e-6 * (double)ru.ru_stime.tv_usec;
}

/* One run; 'gain': with the loop gain and tornado (the default run),
 * else the Monte Carlo alone. */
static void bench(const char *path, size_t paths, int months, bool gain)
{
    exo_runway_scenario sc;
    exo_runway r;
    exo_err err = {0};
    if (exo_runway_scenario_load(path, &sc, &err)) {
        fprintf(stderr, "bench_runway: %s: %s\n", path, err.msg);
        exit(1);
    }
    exo_runway_opts o = {
        .n_paths = paths, .seed = 1, .months = months, .no_loop_gain = !gain};
    double t0 = now(), c0 = cpu();
    if (exo_runway_run(&sc, &o, &r, &err)) {
        fprintf(stderr, "bench_runway: %s\n", err.msg);
        exit(1);
    }
    double dt = now() - t0, dc = cpu() - c0;
    printf("%-36.36s %7zu paths x %3d months %-9s %7.3f s wall %7.3f s CPU  "
           "%8.0f paths/s  peak %5ld MB\n",
           sc.name, paths, months, gain ? "+gain" : "MC only", dt, dc,
           (double)paths / dt, peak_kb() / 1024);
    exo_runway_release(&r);
}

int main(void)
{
    static const char *const files[] = {"data/scenarios/startup.json",
                                        "data/scenarios/openai-2024.json",
                                        "data/scenarios/anthropic-2025.json"};
    printf("threads: %d\n", omp_get_max_threads());
    for (int i = 0; i < 3; i++)
        bench(files[i], 10000, 120, true);
    for (int i = 0; i < 3; i++) {
        bench(files[i], 100000, 120, false);
        bench(files[i], 100000, 120, true);
    }
    return 0;
}
