/*
 * bench_survival.c - Cox (Efron) on a generated counting-process data set
 * of 1,000,000 rows (100,000 subjects, integer-day times so ties are
 * heavy, 3 covariates of which one varies over time), and Kaplan-Meier on
 * 1,000,000 rows. Prints wall time and peak memory; never asserts.
 * Fixed seed 1 (gsl_rng mt19937).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "exodus.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0;
}

int main(void)
{
    const size_t n_subjects = 100000, max_rows = 10;
    size_t cap = n_subjects * max_rows;
    double *start = malloc(cap * sizeof *start);
    double *stop = malloc(cap * sizeof *stop);
    int *event = malloc(cap * sizeof *event);
    double *x = malloc(3 * cap * sizeof *x);
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!start || !stop || !event || !x || !rng)
        return 1;
    gsl_rng_set(rng, 1);
    /* first pass into row-major scratch, then column-major x */
    double *x1 = malloc(cap * sizeof *x1), *x2 = malloc(cap * sizeof *x2),
           *x3 = malloc(cap * sizeof *x3);
    if (!x1 || !x2 || !x3)
        return 1;
    size_t n = 0;
    for (size_t s = 0; s < n_subjects; s++) {
        double a = gsl_ran_gaussian(rng, 1.0);
        double b = gsl_rng_uniform(rng) < 0.5;
        double t = 0, c = 0;
        for (size_t r = 0; r < max_rows; r++) {
            double len = 1 + floor(gsl_rng_uniform(rng) * 60);
            double h = 0.0002 * exp(0.3 * a + 0.5 * b + 0.2 * c);
            int ev = gsl_rng_uniform(rng) < 1 - exp(-h * len);
            start[n] = t;
            stop[n] = t + len;
            event[n] = ev;
            x1[n] = a;
            x2[n] = b;
            x3[n] = c;
            n++;
            t += len;
            c = (double)gsl_ran_poisson(rng, 1.0);
            if (ev)
                break;
        }
    }
    for (size_t i = 0; i < n; i++) {
        x[i] = x1[i];
        x[n + i] = x2[i];
        x[2 * n + i] = x3[i];
    }
    free(x1);
    free(x2);
    free(x3);
    size_t n_events = 0;
    for (size_t i = 0; i < n; i++)
        n_events += (size_t)event[i];
    printf("data: %zu rows, %zu subjects, %zu events, times in integer days "
           "(seed 1)\n",
           n, n_subjects, n_events);
    const char *names[] = {"x1", "x2", "x3_time_varying"};
    exo_err err = {0};
    exo_cox fit = {0};
    exo_cox_opts o = {.names = names};
    double t0 = now();
    if (exo_cox_fit(n, 3, start, stop, event, x, NULL, &o, &fit, &err)) {
        printf("cox failed: %s\n", err.msg);
        return 1;
    }
    double t_all = now() - t0;
    printf("cox efron end to end (sort, fit, concordance)  %8.3f s  "
           "%d iterations  coef %.6f %.6f %.6f  C %.4f (SE %.4f)\n",
           t_all, fit.iterations, fit.coef[0], fit.coef[1], fit.coef[2],
           fit.concordance, fit.concordance_se);
    exo_cox_release(&fit);
    o.no_concordance = true;
    t0 = now();
    exo_cox_fit(n, 3, start, stop, event, x, NULL, &o, &fit, &err);
    double t_fit = now() - t0;
    printf("cox efron without concordance (sort + fit)      %8.3f s  "
           "%.1f ns/row/iteration\n",
           t_fit, 1e9 * t_fit / (double)n / fit.iterations);
    exo_cox_release(&fit);
    o.ties = EXO_TIES_BRESLOW;
    t0 = now();
    exo_cox_fit(n, 3, start, stop, event, x, NULL, &o, &fit, &err);
    printf("cox breslow without concordance                 %8.3f s\n",
           now() - t0);
    exo_cox_release(&fit);
    /* KM on 1,000,000 right-censored rows: tenure of each row */
    double *tt = malloc(n * sizeof *tt);
    if (!tt)
        return 1;
    for (size_t i = 0; i < n; i++)
        tt[i] = stop[i] - start[i] + floor(gsl_rng_uniform(rng) * 700);
    exo_km km = {0};
    t0 = now();
    if (exo_km_fit(n, NULL, tt, event, NULL, 0, NULL, &km, &err)) {
        printf("km failed: %s\n", err.msg);
        return 1;
    }
    printf("km 1 curve, %zu rows, %zu times (with median)      %8.3f s\n", n,
           km.curves[0].n_times, now() - t0);
    exo_km_release(&km);
    t0 = now();
    exo_km_fit(n, start, stop, event, NULL, 0, NULL, &km, &err);
    printf("km on (start, stop] rows                          %8.3f s\n",
           now() - t0);
    exo_km_release(&km);
    printf("peak memory %.0f MB (max RSS, includes the data: %.0f MB)\n",
           peak_mb(), (double)n * (3 * 8 + 2 * 8 + 4 + 8) / 1e6);
    free(tt);
    free(start);
    free(stop);
    free(event);
    free(x);
    gsl_rng_free(rng);
    return 0;
}
