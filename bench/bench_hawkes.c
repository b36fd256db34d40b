/*
 * bench_hawkes.c - speed and memory of the Hawkes engine on simulated
 * streams (mu 0.5, alpha 0.8, beta 1, so n = 0.8 and 2.5 events per unit
 * time). Prints one line per case; never asserts.
 *
 *   loglik+grad   ns per event for one value-and-gradient evaluation
 *   hessian pass  ns per event for value, gradient and analytic Hessian
 *   fit           wall time of the joint 3-parameter fit with SEs
 *                 (no profile interval, no KS), and with both
 *   peak memory   ru_maxrss after each size, and the input array's size
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "exodus.h"
#include "model/hawkes.h"

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

static double *stream(size_t target, size_t *n, double *T)
{
    double *t;
    exo_err err = {0};
    *T = (double)target / 2.5;
    if (exo_hawkes_simulate(0.5, 0.8, 1.0, 0.0, *T, NULL, 0, 42,
                            4 * target + 1000, &t, n, &err)) {
        fprintf(stderr, "bench_hawkes: simulate: %s\n", err.msg);
        exit(1);
    }
    return t;
}

static void bench_eval(size_t target)
{
    size_t n;
    double T;
    double *t = stream(target, &n, &T);
    struct hawkes_data d;
    double theta[3] = {0.5, 0.8, 1.0}, g[3], H[9];
    exo__hawkes_data_init(&d, t, n, T, NULL, 0);
    int reps = target >= 10000000 ? 5 : 20;
    double sink = 0.0, best = INFINITY;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        theta[2] = 1.0 + 1e-3 * r; /* the decay changes every call */
        sink += exo__hawkes_loglik(&d, theta, g);
        double dt = now() - t0;
        if (dt < best)
            best = dt;
    }
    printf("hawkes_loglik+grad  n %9zu  %6.2f ns/event  (best of %d)\n", n,
           1e9 * best / (double)n, reps);
    double t0 = now();
    sink += exo__hawkes_loglik_hess(&d, theta, g, H);
    printf("hawkes_hessian_pass n %9zu  %6.2f ns/event\n", n,
           1e9 * (now() - t0) / (double)n);
    if (!isfinite(sink))
        printf("(non-finite log-likelihood)\n");
    exo_free(t);
}

static void bench_fit(size_t target, bool full)
{
    size_t n;
    double T;
    double *t = stream(target, &n, &T);
    exo_hawkes_opts o;
    exo_hawkes fit;
    exo_err err = {0};
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = T;
    o.no_profile = !full;
    o.no_gof = !full;
    long before = peak_kb();
    double t0 = now();
    exo_code rc = exo_hawkes_fit(t, n, &o, &fit, &err);
    double dt = now() - t0;
    if (rc) {
        printf("hawkes_fit          n %9zu  failed: %s\n", n, err.msg);
    } else {
        printf("hawkes_fit%-9s  n %9zu  %8.3f s  n = %.4f (SE %.4f)  %s, "
               "%d starts, %d iterations\n",
               full ? "+prof+ks" : "", n, dt, fit.n, fit.n_se,
               fit.converged ? "converged" : "NOT converged", fit.n_starts,
               fit.iterations);
    }
    printf("peak_memory         n %9zu  %8ld KiB max RSS (input %zu KiB; "
           "before fit %ld KiB)\n",
           n, peak_kb(), n * sizeof(double) / 1024, before);
    exo_free(t);
}

int main(void)
{
    printf("# bench_hawkes: one core for the kernels; fits single-threaded\n");
    bench_eval(1000000);
    bench_eval(10000000);
    bench_fit(100000, false);
    bench_fit(100000, true);
    bench_fit(1000000, false);
    bench_fit(1000000, true);
    bench_fit(10000000, false);
    return 0;
}
