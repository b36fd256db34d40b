/*
 * bench_survival.c - Cox (Efron) on a generated counting-process data set
 * of 1,000,000 rows (about 104,000 subjects, integer-day times so ties
 * are heavy, 3 covariates of which one varies over time), and
 * Kaplan-Meier on 1,000,000 rows. Prints wall time and peak memory; never
 * asserts. Fixed seed 1 (gsl_rng mt19937).
 *
 *   bench_survival                  generate in memory, time the library
 *   bench_survival --write-csv F    generate, write F (id, start, stop,
 *                                   event, x1, x2, x3) and exit
 *   ... --heavy-ties                times within 360 days, about 25,000
 *                                   events: the shape of issue 18
 *   bench_survival --csv F          load F as 'exodus survival --data'
 *                                   does and time each step: load, Cox
 *                                   fit, concordance, Kaplan-Meier
 *
 * bench/survival_vs_r.sh uses the last two to compare with R on one file.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

struct gen {
    size_t n, n_subjects, n_events;
    double *start, *stop, *x; /* x column-major n x 3 */
    int *event;
    size_t *id;
};

/* Subjects of up to 10 rows until 'want' rows; the last one is cut.
 * 'heavy': the shape of issue 18's heavy ties, every time within 360 days
 * (rows of 1-48 days, followed to day 360 at most) and a hazard that gives about 25,000 events. */
static int generate(size_t want, bool heavy, gsl_rng *rng, struct gen *g)
{
    const size_t max_rows = 10;
    memset(g, 0, sizeof *g);
    g->start = malloc(want * sizeof *g->start);
    g->stop = malloc(want * sizeof *g->stop);
    g->event = malloc(want * sizeof *g->event);
    g->id = malloc(want * sizeof *g->id);
    g->x = malloc(3 * want * sizeof *g->x);
    if (!g->start || !g->stop || !g->event || !g->id || !g->x)
        return 1;
    size_t n = 0;
    while (n < want) {
        double a = gsl_ran_gaussian(rng, 1.0);
        double b = gsl_rng_uniform(rng) < 0.5;
        double t = 0, c = 0;
        g->n_subjects++;
        for (size_t r = 0; r < max_rows && n < want; r++) {
            double len = 1 + floor(gsl_rng_uniform(rng) * (heavy ? 48 : 60));
            if (heavy && t + len > 360) /* followed for a year at most */
                len = 360 - t;
            double h =
                (heavy ? 0.0006 : 0.0002) * exp(0.3 * a + 0.5 * b + 0.2 * c);
            int ev = gsl_rng_uniform(rng) < 1 - exp(-h * len);
            g->start[n] = t;
            g->stop[n] = t + len;
            g->event[n] = ev;
            g->id[n] = g->n_subjects;
            g->x[n] = a;
            g->x[want + n] = b;
            g->x[2 * want + n] = c;
            g->n_events += (size_t)ev;
            n++;
            t += len;
            c = (double)gsl_ran_poisson(rng, 1.0);
            if (ev || (heavy && t >= 360))
                break;
        }
    }
    g->n = n;
    return 0;
}

static void gen_release(struct gen *g)
{
    free(g->start);
    free(g->stop);
    free(g->event);
    free(g->id);
    free(g->x);
}

/* x1 is written with 17 significant digits so R reads the same doubles. */
static int write_csv(const char *path, const struct gen *g)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return 1;
    }
    size_t n = g->n;
    fputs("id,start,stop,event,x1,x2,x3\n", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%zu,%.0f,%.0f,%d,%.17g,%.0f,%.0f\n", g->id[i], g->start[i],
                g->stop[i], g->event[i], g->x[i], g->x[n + i], g->x[2 * n + i]);
    if (fclose(f) != 0) {
        perror(path);
        return 1;
    }
    return 0;
}

/* Times each step of 'exodus survival --data F --start start --time stop
 * --event event --cox "x1 + x2 + x3"' through the library. */
static int bench_csv(const char *path)
{
    exo_survival_spec spec = {.time = "stop",
                              .start = "start",
                              .event = "event",
                              .cox = "x1 + x2 + x3"};
    exo_survival_data d = {0};
    exo_err err = {0};
    double t0 = now();
    if (exo_survival_data_load(path, &spec, &d, &err)) {
        printf("load failed: %s\n", err.msg);
        return 1;
    }
    double t_load = now() - t0;
    printf("exodus load %s (%zu rows)                %8.3f s\n", path, d.n,
           t_load);
    const char *const *names = (const char *const *)d.terms;
    exo_cox_opts o = {.names = names, .no_concordance = true};
    exo_cox fit = {0};
    t0 = now();
    if (exo_cox_fit(d.n, d.p, d.start, d.stop, d.event, d.x, NULL, &o, &fit,
                    &err)) {
        printf("cox failed: %s\n", err.msg);
        return 1;
    }
    double t_fit = now() - t0;
    exo_cox_release(&fit);
    o.no_concordance = false;
    t0 = now();
    exo_cox_fit(d.n, d.p, d.start, d.stop, d.event, d.x, NULL, &o, &fit, &err);
    double t_cox = now() - t0;
    exo_km km = {0};
    t0 = now();
    if (exo_km_fit(d.n, d.start, d.stop, d.event, NULL, 0, NULL, &km, &err)) {
        printf("km failed: %s\n", err.msg);
        return 1;
    }
    double t_km = now() - t0;
    printf("exodus cox fitter only (sort + Newton-Raphson) %8.3f s  "
           "%d iterations\n",
           t_fit, fit.iterations);
    printf("exodus cox with concordance                    %8.3f s  "
           "(concordance %.3f s)\n",
           t_cox, t_cox - t_fit);
    printf(
        "exodus km on (start, stop] rows                %8.3f s  %zu times\n",
        t_km, km.curves[0].n_times);
    printf("exodus load + cox + concordance + km           %8.3f s\n",
           t_load + t_cox + t_km);
    /* for bench/survival_vs_r.sh: all digits */
    printf("ex_coef %.17g %.17g %.17g\n", fit.coef[0], fit.coef[1],
           fit.coef[2]);
    printf("ex_se %.17g %.17g %.17g\n", fit.se[0], fit.se[1], fit.se[2]);
    printf("ex_c %.17g %.17g\n", fit.concordance, fit.concordance_se);
    const exo_km_curve *c0 = &km.curves[0];
    printf("ex_time %.6f %.6f %.6f\n", t_fit, t_cox - t_fit, t_km);
    printf("ex_km %zu %.17g\n", c0->n_times,
           c0->n_times ? c0->surv[c0->n_times - 1] : 1.0);
    printf("peak memory %.0f MB (max RSS)\n", peak_mb());
    exo_km_release(&km);
    exo_cox_release(&fit);
    exo_survival_data_release(&d);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--csv") == 0)
        return bench_csv(argv[2]);
    bool heavy = argc > 1 && strcmp(argv[argc - 1], "--heavy-ties") == 0;
    if (heavy)
        argc--;
    bool write = argc == 3 && strcmp(argv[1], "--write-csv") == 0;
    if (argc != 1 && !write) {
        fprintf(stderr, "usage: bench_survival [--write-csv FILE | --csv "
                        "FILE] [--heavy-ties]\n");
        return 2;
    }
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    struct gen g;
    if (!rng)
        return 1;
    gsl_rng_set(rng, 1);
    if (generate(1000000, heavy, rng, &g)) {
        fprintf(stderr, "bench_survival: out of memory\n");
        return 1;
    }
    size_t n = g.n;
    printf("data: %zu rows, %zu subjects, %zu events, times in integer days "
           "(seed 1)\n",
           n, g.n_subjects, g.n_events);
    if (write) {
        int rc = write_csv(argv[2], &g);
        if (rc == 0)
            printf("wrote %s\n", argv[2]);
        gen_release(&g);
        gsl_rng_free(rng);
        return rc;
    }
    const double *start = g.start, *stop = g.stop, *x = g.x;
    const int *event = g.event;
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
    printf("cox efron fitter only (sort + fit)             %8.3f s  "
           "%.1f ns/row/iteration\n",
           t_fit, 1e9 * t_fit / (double)n / fit.iterations);
    exo_cox_release(&fit);
    o.ties = EXO_TIES_BRESLOW;
    t0 = now();
    exo_cox_fit(n, 3, start, stop, event, x, NULL, &o, &fit, &err);
    printf("cox breslow fitter only                        %8.3f s\n",
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
    printf("km 1 curve, %zu rows, %zu times (with median)   %8.3f s\n", n,
           km.curves[0].n_times, now() - t0);
    exo_km_release(&km);
    t0 = now();
    exo_km_fit(n, start, stop, event, NULL, 0, NULL, &km, &err);
    printf("km on (start, stop] rows                       %8.3f s\n",
           now() - t0);
    exo_km_release(&km);
    printf("peak memory %.0f MB (max RSS, includes the data: %.0f MB)\n",
           peak_mb(), (double)n * (3 * 8 + 2 * 8 + 4 + 8 + 8) / 1e6);
    free(tt);
    gen_release(&g);
    gsl_rng_free(rng);
    return 0;
}
