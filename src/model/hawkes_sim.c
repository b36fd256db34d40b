/*
 * hawkes_sim.c - simulation of the exponential Hawkes process by Ogata's
 * thinning, forecasts of counts over a horizon, the parametric bootstrap
 * of the LR test against Poisson, and spreading of tied dates.
 *
 * Thinning (Ogata 1981) for the exponential kernel: between events the
 * intensity only decays, so its value just after the current time bounds
 * it until the next event. Candidate gaps are Exp(mu + E); at the candidate
 * the excitation E has decayed by exp(-beta w), and the candidate is kept
 * with probability (mu + E') / (mu + E). The kernel is Markov in E, so a
 * simulation conditional on the observed history only needs E at its end.
 *
 * Randomness: gsl_rng (taus2) with explicit seeds. Path or replicate p
 * reseeds its thread's generator with a seed derived from (seed, p) by
 * splitmix64, so results do not depend on the number of threads.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core/exo.h"
#include "core/vec.h"
#include "model/hawkes.h"
#include "model/hawkes_int.h"
#include "model/optim.h"

#define FORECAST_CAP 100000 /* events per path before it counts as exploded */

/* (time, input index) pairs, ordered by time then index. */
struct timed_index {
    double t;
    size_t i;
};

static int cmp_timed(const void *a, const void *b)
{
    const struct timed_index *x = a, *y = b;
    if (x->t != y->t)
        return (x->t > y->t) - (x->t < y->t);
    return (x->i > y->i) - (x->i < y->i);
}

exo_code exo_hawkes_spread_ties_order(double *times, const double *width,
                                      size_t n, uint64_t seed, size_t *order,
                                      exo_err *err)
{
    for (size_t i = 0; i < n; i++)
        if (!isfinite(times[i]) || !(width[i] >= 0.0) || !isfinite(width[i]))
            return exo__fail(err, EXO_EINVAL,
                             "event %zu: time or width is not a finite "
                             "number (width must be >= 0)",
                             i + 1);
    struct timed_index *ti = NULL;
    if (order) {
        ti = exo__calloc(n ? n : 1, sizeof *ti);
        if (!ti)
            return exo__fail(err, EXO_ENOMEM, "allocating %zu events", n);
    }
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    if (!r) {
        exo__free(ti);
        return exo__fail(err, EXO_ENOMEM, "allocating a random generator");
    }
    gsl_rng_set(r, exo__derive_seed(seed, 0));
    for (size_t i = 0; i < n; i++)
        times[i] += width[i] * gsl_rng_uniform(r);
    gsl_rng_free(r);
    if (!order) {
        exo__qsort(times, n, sizeof *times, exo__cmp_double);
        return EXO_OK;
    }
    for (size_t i = 0; i < n; i++) {
        ti[i].t = times[i];
        ti[i].i = i;
    }
    exo__qsort(ti, n, sizeof *ti, cmp_timed);
    for (size_t k = 0; k < n; k++) {
        times[k] = ti[k].t;
        order[k] = ti[k].i;
    }
    exo__free(ti);
    return EXO_OK;
}

exo_code exo_hawkes_spread_ties(double *times, const double *width, size_t n,
                                uint64_t seed, exo_err *err)
{
    return exo_hawkes_spread_ties_order(times, width, n, seed, NULL, err);
}

/*
 * Counts (and with 'out' not NULL, stores up to 'cap') the events of one
 * path on (0, H] from excitation 'E' just after time 0. Stops at 'cap'
 * events; returns the count.
 */
static size_t thin_path(gsl_rng *r, double mu, double alpha, double beta,
                        double E, double H, size_t cap, double *out)
{
    double t = 0.0;
    size_t count = 0;
    if (!(mu > 0.0) && !(E > 0.0))
        return 0;
    while (count < cap) {
        double bound = mu + E;
        double w = gsl_ran_exponential(r, 1.0 / bound);
        t += w;
        if (t > H)
            break;
        E *= exp(-beta * w);
        if (gsl_rng_uniform(r) * bound <= mu + E) {
            if (out)
                out[count] = t;
            count++;
            E += alpha;
        }
    }
    return count;
}

exo_code exo_hawkes_simulate(double mu, double alpha, double beta,
                             double t_start, double t_end,
                             const double *history, size_t n_history,
                             uint64_t seed, size_t max_events, double **times,
                             size_t *n, exo_err *err)
{
    return exo_hawkes_simulate_weighted(mu, alpha, beta, t_start, t_end, NULL,
                                        NULL, 0, history, n_history, seed,
                                        max_events, times, n, err);
}

exo_code exo_hawkes_simulate_weighted(double mu, double alpha, double beta,
                                      double t_start, double t_end,
                                      const double *weight_times,
                                      const double *weights, size_t n_weights,
                                      const double *history, size_t n_history,
                                      uint64_t seed, size_t max_events,
                                      double **times, size_t *n, exo_err *err)
{
    *times = NULL;
    *n = 0;
    exo_code wrc =
        exo__hawkes_check_weights(weight_times, weights, n_weights, err);
    if (wrc)
        return wrc;
    if (!(mu > 0.0) || !(alpha >= 0.0) || !(beta > 0.0) || !isfinite(mu) ||
        !isfinite(alpha) || !isfinite(beta))
        return exo__fail(err, EXO_EINVAL,
                         "parameters (%g, %g, %g) are not mu > 0, alpha >= "
                         "0, beta > 0",
                         mu, alpha, beta);
    if (!(t_end > t_start) || !isfinite(t_start) || !isfinite(t_end))
        return exo__fail(err, EXO_EINVAL, "window [%g, %g] is empty", t_start,
                         t_end);
    if (max_events == 0)
        return exo__fail(err, EXO_EINVAL, "max_events is 0");
    double E = 0.0;
    for (size_t i = 0; i < n_history; i++) {
        if (history[i] > t_start || (i > 0 && history[i] < history[i - 1]))
            return exo__fail(err, EXO_EINVAL,
                             "history event %zu is unsorted or after the "
                             "start %.17g",
                             i + 1, t_start);
        E += alpha * exp(-beta * (t_start - history[i]));
    }
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    if (!r)
        return exo__fail(err, EXO_ENOMEM, "allocating a random generator");
    gsl_rng_set(r, exo__derive_seed(seed, 0));
    /* Grow the output as needed: simulate in the same order as thin_path
     * but keep the times. */
    double *buf = NULL;
    size_t count = 0, cap = 0;
    double t = 0.0, H = t_end - t_start;
    exo_code rc = EXO_OK;
    /* The weight in force and when it next changes (relative times); with
     * no weights one stretch runs to H and the draws are the unweighted
     * ones. */
    size_t jw = 0;
    double wcur = n_weights ? weights[0] : 1.0, t_next = H;
    while (jw < n_weights && weight_times[jw] <= t_start)
        wcur = weights[jw++];
    if (jw < n_weights && weight_times[jw] - t_start < H)
        t_next = weight_times[jw] - t_start;
    for (;;) {
        double base = mu * wcur;
        double bound = base + E;
        double w = bound > 0.0 ? gsl_ran_exponential(r, 1.0 / bound)
                               : (double)INFINITY;
        if (t + w > t_next) {
            /* No event before the weight changes: restart there. */
            if (t_next >= H)
                break;
            E *= exp(-beta * (t_next - t));
            t = t_next;
            while (jw < n_weights && weight_times[jw] - t_start <= t)
                wcur = weights[jw++];
            t_next = jw < n_weights && weight_times[jw] - t_start < H
                         ? weight_times[jw] - t_start
                         : H;
            continue;
        }
        t += w;
        E *= exp(-beta * w);
        if (gsl_rng_uniform(r) * bound <= base + E) {
            if (count == max_events) {
                rc = exo__fail(err, EXO_ENUMERIC,
                               "more than %zu events: the process is "
                               "explosive on this window",
                               max_events);
                break;
            }
            if (EXO_VEC_PUSH(buf, count, cap, t_start + t)) {
                rc = exo__fail(err, EXO_ENOMEM, "storing simulated events");
                break;
            }
            E += alpha;
        }
    }
    gsl_rng_free(r);
    if (rc) {
        exo__free(buf);
        return rc;
    }
    *times = buf;
    *n = count;
    return EXO_OK;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* The q-quantile of sorted counts (type 7, as R's default). */
static double quantile(const size_t *v, size_t n, double q)
{
    double h = (double)(n - 1) * q;
    size_t lo = (size_t)floor(h);
    size_t hi = lo + 1 < n ? lo + 1 : lo;
    return (double)v[lo] + (h - (double)lo) * ((double)v[hi] - (double)v[lo]);
}

exo_code exo_hawkes_forecast(const exo_hawkes *fit, double horizon,
                             size_t n_paths, uint64_t seed, exo_forecast *out,
                             exo_err *err)
{
    memset(out, 0, sizeof *out);
    if (!fit || fit->n_regimes == 0)
        return exo__fail(err, EXO_EINVAL, "no fitted model to forecast from");
    /* Beyond the data the last regime and the last weight hold. */
    exo_forecast_draw d;
    d.mu =
        fit->mu[fit->n_regimes - 1] * (fit->weighted ? fit->weight_end : 1.0);
    d.alpha = fit->at_boundary ? 0.0 : fit->alpha;
    d.beta = fit->at_boundary ? 1.0 : fit->beta;
    d.excitation = fit->at_boundary ? 0.0 : fit->excitation_end;
    /* A weighted baseline may end at weight 0 (nobody left to leave). */
    if (!(d.mu > 0.0 || (fit->weighted && d.mu == 0.0)))
        return exo__fail(err, EXO_EINVAL, "the fitted model is not usable");
    return exo_hawkes_forecast_draws(&d, 1, horizon, n_paths, seed, out, err);
}

exo_code exo_hawkes_forecast_draws(const exo_forecast_draw *draws,
                                   size_t n_draws, double horizon,
                                   size_t n_paths, uint64_t seed,
                                   exo_forecast *out, exo_err *err)
{
    memset(out, 0, sizeof *out);
    if (!draws || n_draws == 0)
        return exo__fail(err, EXO_EINVAL, "no model to forecast from");
    if (!(horizon > 0.0) || !isfinite(horizon))
        return exo__fail(err, EXO_EINVAL, "horizon %g is not positive",
                         horizon);
    for (size_t j = 0; j < n_draws; j++) {
        const exo_forecast_draw *d = &draws[j];
        if (!(d->mu >= 0.0) || !(d->alpha >= 0.0) || !(d->beta > 0.0) ||
            !(d->excitation >= 0.0) ||
            !isfinite(d->mu + d->alpha + d->beta + d->excitation))
            return exo__fail(err, EXO_EINVAL,
                             "draw %zu of the forecast's parameters is not "
                             "usable",
                             j);
    }
    if (n_paths == 0)
        n_paths = 10000;
    size_t *counts = exo__calloc(n_paths, sizeof *counts);
    if (!counts)
        return exo__fail(err, EXO_ENOMEM, "allocating %zu paths", n_paths);
    size_t n_capped = 0;
    int failed = 0;
#pragma omp parallel reduction(+ : n_capped) reduction(| : failed)
    {
        gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
        if (!r)
            failed = 1;
#pragma omp for schedule(dynamic, 256)
        for (size_t p = 0; p < n_paths; p++) {
            if (!r)
                continue;
            const exo_forecast_draw *d = &draws[p % n_draws];
            gsl_rng_set(r, exo__derive_seed(seed, p));
            counts[p] = thin_path(r, d->mu, d->alpha, d->beta, d->excitation,
                                  horizon, FORECAST_CAP, NULL);
            if (counts[p] >= FORECAST_CAP)
                n_capped++;
        }
        gsl_rng_free(r);
    }
    if (failed) {
        exo__free(counts);
        return exo__fail(err, EXO_ENOMEM, "allocating a random generator");
    }
    double sum = 0.0;
    for (size_t p = 0; p < n_paths; p++)
        sum += (double)counts[p];
    exo__qsort(counts, n_paths, sizeof *counts, cmp_size);
    out->horizon = horizon;
    out->n_paths = n_paths;
    out->seed = seed;
    out->mean = sum / (double)n_paths;
    out->median = quantile(counts, n_paths, 0.5);
    out->lo80 = quantile(counts, n_paths, 0.1);
    out->hi80 = quantile(counts, n_paths, 0.9);
    out->lo95 = quantile(counts, n_paths, 0.025);
    out->hi95 = quantile(counts, n_paths, 0.975);
    out->n_capped = n_capped;
    exo__free(counts);
    return EXO_OK;
}

/*
 * One replicate with a weighted baseline: the null is Poisson with rate
 * (N_k / W_k) w(t), drawn by thinning a homogeneous stream at its largest
 * rate, on the absolute window so that the weight times in 'opts' apply.
 */
static int boot_one_weighted(const exo_hawkes *fit, const exo_hawkes_opts *opts,
                             gsl_rng *r, double *lr)
{
    double *t = NULL;
    size_t n = 0, cap = 0, K = fit->n_regimes;
    double t0 = fit->t_start, t1 = fit->t_end, wmax = 0.0, rmax = 0.0;
    double rate[EXO_HAWKES_MAX_REGIMES];
    int ok = 0;
    for (size_t j = 0; j < opts->n_weights; j++)
        wmax = fmax(wmax, opts->weights[j]);
    for (size_t k = 0; k < K; k++) {
        rate[k] = (double)fit->regime_events[k] / fit->exposure[k];
        rmax = fmax(rmax, rate[k] * wmax);
    }
    if (!(rmax > 0.0))
        return 0;
    size_t k = 0;
    for (double x = t0 + gsl_ran_exponential(r, 1.0 / rmax); x < t1;
         x += gsl_ran_exponential(r, 1.0 / rmax)) {
        while (k + 1 < K && x >= fit->regime_start[k + 1])
            k++;
        double lam =
            rate[k] * exo__hawkes_weight_at(opts->weight_times, opts->weights,
                                            opts->n_weights, x);
        if (gsl_rng_uniform(r) * rmax < lam && EXO_VEC_PUSH(t, n, cap, x))
            goto out;
    }
    exo_hawkes_opts o = *opts;
    double breaks[EXO_HAWKES_MAX_REGIMES];
    for (size_t j = 1; j < K; j++)
        breaks[j - 1] = fit->regime_start[j];
    o.has_window = true;
    o.t_start = t0;
    o.t_end = t1;
    o.breaks = breaks;
    o.n_breaks = K - 1;
    struct fit_ws w;
    exo_hawkes res;
    double theta[HAWKES_MAX_P];
    if (exo__hawkes_ws_init(&w, t, n, &o, NULL) == EXO_OK) {
        if (exo__hawkes_fit_ws(&w, &o, &res, theta, NULL) == EXO_OK &&
            isfinite(res.lr)) {
            *lr = res.lr;
            ok = 1;
        }
        exo__hawkes_ws_release(&w);
    }
out:
    exo__free(t);
    return ok;
}

/* One bootstrap replicate: a per-regime Poisson stream on [0, T], fitted. */
static int boot_one(const exo_hawkes *fit, const exo_hawkes_opts *opts,
                    gsl_rng *r, double *lr)
{
    if (opts->n_weights > 0)
        return boot_one_weighted(fit, opts, r, lr);
    double *t = NULL;
    size_t n = 0, cap = 0;
    double T = fit->t_end - fit->t_start;
    int ok = 0;
    for (size_t k = 0; k < fit->n_regimes; k++) {
        double s = fit->regime_start[k] - fit->t_start;
        double e = k + 1 < fit->n_regimes
                       ? fit->regime_start[k + 1] - fit->t_start
                       : T;
        double rate = (double)fit->regime_events[k] / (e - s);
        for (double x = s + gsl_ran_exponential(r, 1.0 / rate); x < e;
             x += gsl_ran_exponential(r, 1.0 / rate))
            if (EXO_VEC_PUSH(t, n, cap, x))
                goto out;
    }
    exo_hawkes_opts o = *opts;
    double breaks[EXO_HAWKES_MAX_REGIMES];
    for (size_t k = 1; k < fit->n_regimes; k++)
        breaks[k - 1] = fit->regime_start[k] - fit->t_start;
    o.has_window = true;
    o.t_start = 0.0;
    o.t_end = T;
    o.breaks = breaks;
    o.n_breaks = fit->n_regimes - 1;
    struct fit_ws w;
    exo_hawkes res;
    double theta[HAWKES_MAX_P];
    if (exo__hawkes_ws_init(&w, t, n, &o, NULL) == EXO_OK) {
        /* Every fit counts, converged or not: the observed LR is the
         * supremum over the same searched region. */
        if (exo__hawkes_fit_ws(&w, &o, &res, theta, NULL) == EXO_OK &&
            isfinite(res.lr)) {
            *lr = res.lr;
            ok = 1;
        }
        exo__hawkes_ws_release(&w);
    }
out:
    exo__free(t);
    return ok;
}

exo_code exo_hawkes_bootstrap(const exo_hawkes *fit,
                              const exo_hawkes_opts *opts, size_t n_boot,
                              uint64_t seed, exo_lr_boot *out, exo_err *err)
{
    exo_hawkes_opts defaults;
    memset(out, 0, sizeof *out);
    if (!fit || fit->n_regimes == 0 || !(fit->t_end > fit->t_start))
        return exo__fail(err, EXO_EINVAL, "no fitted model to bootstrap");
    if (n_boot == 0)
        return exo__fail(err, EXO_EINVAL,
                         "bootstrap needs at least 1 "
                         "replicate");
    if (!opts) {
        exo_hawkes_opts_init(&defaults);
        opts = &defaults;
    }
    exo__gsl_init();
    size_t n_used = 0, n_ge = 0;
    int failed = 0, canceled = 0;
    const exo_hooks *hooks = &opts->hooks;
#pragma omp parallel reduction(+ : n_used, n_ge) reduction(| : failed)
    {
        gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
        if (!r)
            failed = 1;
#pragma omp for schedule(dynamic, 1)
        for (size_t b = 0; b < n_boot; b++) {
            double lr;
            int stop;
#pragma omp atomic read
            stop = canceled;
            if (!r || stop)
                continue;
            gsl_rng_set(r, exo__derive_seed(seed, b));
            if (boot_one(fit, opts, r, &lr)) {
                n_used++;
                if (lr >= fit->lr * (1.0 - 1e-12))
                    n_ge++;
            }
            if (hooks->progress && (b % 16 == 0)) {
#pragma omp critical
                if (hooks->progress(hooks->ud, (double)b / (double)n_boot)) {
#pragma omp atomic write
                    canceled = 1;
                }
            }
        }
        gsl_rng_free(r);
    }
    if (failed)
        return exo__fail(err, EXO_ENOMEM, "allocating a random generator");
    if (canceled)
        return exo__fail(err, EXO_ECANCELED, "bootstrap canceled");
    out->n_boot = n_boot;
    out->n_used = n_used;
    out->seed = seed;
    out->p = (1.0 + (double)n_ge) / (1.0 + (double)n_used);
    return EXO_OK;
}
