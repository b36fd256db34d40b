/*
 * test_hawkes.c - the Hawkes engine against ../shared/data/hawkes/
 * reference.json (an independent numpy/scipy fit, cross-checked with
 * tick), derivatives against finite differences, degenerate input, and
 * simulation recovery.
 *
 * Tolerances: MLEs and log-likelihoods 1e-6 relative (the reference's own
 * optimiser stopped at max |grad| <= 2.3e-10, which moves the MLE by far
 * less). Standard errors 1e-5 relative: the reference states it used an
 * analytic-gradient fit; its Hessian method is not stated, and agreement
 * to about 1e-7 below shows it was analytic or a careful difference.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "expect.h"
#include "exodus.h"

#include <omp.h>

#define REF(f) SHARED_PATH("data/hawkes/" f)

/* Reads times (first column) and optional dims (second); caller frees. */
static size_t read_events(const char *path, double **times, int **dims)
{
    FILE *f = fopen(path, "r");
    cr_assert(f, "cannot open %s", path);
    size_t n = 0, cap = 1024;
    double *t = malloc(cap * sizeof *t);
    int *d = malloc(cap * sizeof *d);
    char line[256];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (n == cap) {
            cap *= 2;
            t = realloc(t, cap * sizeof *t);
            d = realloc(d, cap * sizeof *d);
        }
        char *end;
        t[n] = strtod(line, &end);
        d[n] = *end == ',' ? (int)strtol(end + 1, NULL, 10) : 0;
        n++;
    }
    fclose(f);
    *times = t;
    if (dims)
        *dims = d;
    else
        free(d);
    return n;
}

struct uref {
    const char *file;
    size_t N;
    double T;
    double mu, alpha, beta, n;
    double se_mu, se_alpha, se_beta, se_n;
    double ll, ll_true, ll_pois, lr;
    double true_mu, true_alpha, true_beta;
};

/* Copied from reference.json (generator: numpy PCG64, seeds in the
 * files' headers). */
static const struct uref urefs[] = {
    {"u1k.txt", 1016, 400.0, 0.5268281402778375, 0.7013093639682381,
     0.8847424531441977, 0.7926706370604517, 0.08939055568453053,
     0.07701892508910034, 0.10135974028736099, 0.04261664422186283,
     167.1365096802574, 166.24060705555326, -68.92129367306768,
     472.11560670665017, 0.5, 0.8, 1.0},
    {"u100k.txt", 99162, 40000.0, 0.5013170648554, 0.7977007333378527,
     0.999894359521262, 0.7977850117284216, 0.008115420951588402,
     0.009081633865135021, 0.011903034529852884, 0.004089373530840947,
     17338.583564986417, 17338.398132394606, -9135.257376583832,
     52947.681883140496, 0.5, 0.8, 1.0},
    {"crit.txt", 41671, 12500.0, 0.19732452069235948, 0.9577649317553762,
     1.017922517523694, 0.9409016062296536, 0.007216477867057488,
     0.01662974553677104, 0.01738174829529411, 0.00508417946210152,
     40541.71328237178, 40539.077074553425, 8504.084287724938,
     64075.25798929368, 0.2, 0.95, 1.0},
    {"pois.txt", 19933, 10000.0, 1.7883344667647985, 0.0017764493572608665,
     0.01717122942513843, 0.10345498934748204, 0.15902246322423863,
     0.0016574749455966799, 0.009881536710365109, 0.08003701638694502,
     -6182.563478878068, -6183.49724989861, -6183.384899370363,
     1.6428409845902934, 2.0, 0.0, 1.0},
};

static const struct uref *find_ref(const char *file)
{
    for (size_t i = 0; i < sizeof urefs / sizeof urefs[0]; i++)
        if (strcmp(urefs[i].file, file) == 0)
            return &urefs[i];
    return NULL;
}

static void check_loglik_at_reference(const char *file)
{
    const struct uref *r = find_ref(file);
    char path[512];
    double *t, ll, g[3];
    exo_err err = {0};
    snprintf(path, sizeof path, "%s/%s", SHARED_PATH("data/hawkes"), file);
    size_t n = read_events(path, &t, NULL);
    cr_assert_eq(n, r->N, "%s: %zu events", file, n);
    cr_assert_eq(
        exo_hawkes_loglik(t, n, r->T, r->mu, r->alpha, r->beta, &ll, g, &err),
        EXO_OK, "%s", err.msg);
    expect_rel(ll, r->ll, 1e-10, "loglik at reference MLE");
    for (int k = 0; k < 3; k++)
        expect_abs(g[k], 0.0, 1e-6 * r->N, "gradient at reference MLE");
    if (r->true_alpha > 0.0) {
        cr_assert_eq(exo_hawkes_loglik(t, n, r->T, r->true_mu, r->true_alpha,
                                       r->true_beta, &ll, NULL, &err),
                     EXO_OK);
        expect_rel(ll, r->ll_true, 1e-10, "loglik at true parameters");
    }
    free(t);
}

Test(hawkes, loglik_matches_reference_u1k)
{
    check_loglik_at_reference("u1k.txt");
}
Test(hawkes, loglik_matches_reference_u100k)
{
    check_loglik_at_reference("u100k.txt");
}
Test(hawkes, loglik_matches_reference_crit)
{
    check_loglik_at_reference("crit.txt");
}
Test(hawkes, loglik_matches_reference_pois)
{
    check_loglik_at_reference("pois.txt");
}

static void check_fit(const char *file, double se_rtol)
{
    const struct uref *r = find_ref(file);
    char path[512];
    double *t;
    exo_err err = {0};
    exo_hawkes_opts o;
    exo_hawkes fit;
    snprintf(path, sizeof path, "%s/%s", SHARED_PATH("data/hawkes"), file);
    size_t n = read_events(path, &t, NULL);
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_start = 0.0;
    o.t_end = r->T;
    cr_assert_eq(exo_hawkes_fit(t, n, &o, &fit, &err), EXO_OK, "%s: %s", file,
                 err.msg);
    cr_expect(fit.converged, "%s: not converged (grad %g)", file,
              fit.grad_norm);
    cr_expect(!fit.at_boundary, "%s: at boundary", file);
    expect_rel(fit.loglik, r->ll, 1e-9, "loglik");
    expect_rel(fit.mu[0], r->mu, 1e-6, "mu");
    expect_rel(fit.alpha, r->alpha, 1e-6, "alpha");
    expect_rel(fit.beta, r->beta, 1e-6, "beta");
    expect_rel(fit.n, r->n, 1e-6, "n");
    expect_rel(fit.mu_se[0], r->se_mu, se_rtol, "SE mu");
    expect_rel(fit.alpha_se, r->se_alpha, se_rtol, "SE alpha");
    expect_rel(fit.beta_se, r->se_beta, se_rtol, "SE beta");
    expect_rel(fit.n_se, r->se_n, se_rtol, "SE n");
    expect_rel(fit.loglik_poisson, r->ll_pois, 1e-12, "Poisson loglik");
    expect_rel(fit.lr, r->lr, 1e-8, "LR");
    cr_expect(fit.has_profile && fit.n_prof_lo <= fit.n &&
                  fit.n <= fit.n_prof_hi,
              "%s: profile interval [%g, %g] around %g", file, fit.n_prof_lo,
              fit.n_prof_hi, fit.n);
    cr_expect(isfinite(fit.ks_p) && isfinite(fit.ks_p_poisson));
    free(t);
}

Test(hawkes, fit_matches_reference_u1k)
{
    check_fit("u1k.txt", 1e-7);
}
Test(hawkes, fit_matches_reference_u100k)
{
    check_fit("u100k.txt", 1e-7);
}
Test(hawkes, fit_matches_reference_crit)
{
    check_fit("crit.txt", 1e-7);
}
Test(hawkes, fit_finds_global_max_on_multimodal_pois)
{
    check_fit("pois.txt", 1e-7);
}

/* ---- derivatives ---- */

#include "model/hawkes.h"

/* A small stream with regimes, for the derivative checks. */
static double *small_stream(uint64_t seed, double T, size_t *n)
{
    double *t;
    exo_err err = {0};
    cr_assert_eq(exo_hawkes_simulate(0.4, 0.6, 1.3, 0.0, T, NULL, 0, seed,
                                     100000, &t, n, &err),
                 EXO_OK, "%s", err.msg);
    return t;
}

Test(hawkes, gradient_matches_finite_differences)
{
    size_t n;
    double *t = small_stream(11, 300.0, &n);
    double breaks[2] = {90.0, 210.0};
    struct hawkes_data d;
    exo__hawkes_data_init(&d, t, n, 300.0, breaks, 2);
    /* Random points: a fixed LCG keeps the test deterministic. */
    uint64_t s = 12345;
    for (int rep = 0; rep < 20; rep++) {
        double theta[5], g[5], gh[5], H[25];
        for (int k = 0; k < 5; k++) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            double u = (double)(s >> 11) / 9007199254740992.0;
            theta[k] = k < 3 ? 0.1 + u : k == 3 ? 0.05 + 2.0 * u : 0.2 + 3 * u;
        }
        double ll = exo__hawkes_loglik(&d, theta, g);
        double ll2 = exo__hawkes_loglik_hess(&d, theta, gh, H);
        cr_assert(isfinite(ll));
        expect_rel(ll2, ll, 1e-12, "value: fast vs Hessian pass");
        for (int k = 0; k < 5; k++) {
            double tp[5], tm[5], gp[5], gm[5];
            double h = 1e-6 * theta[k];
            memcpy(tp, theta, sizeof tp);
            memcpy(tm, theta, sizeof tm);
            tp[k] += h;
            tm[k] -= h;
            double fd = (exo__hawkes_loglik(&d, tp, gp) -
                         exo__hawkes_loglik(&d, tm, gm)) /
                        (2 * h);
            /* central difference: error ~ h^2 f''' + eps |f| / h */
            expect_abs(g[k], fd, 1e-6 * fmax(1.0, fabs(fd)) + 1e-7 * fabs(ll),
                       "gradient vs central difference");
            expect_rel(gh[k], g[k], 1e-10, "gradient: fast vs Hessian pass");
            for (int j = 0; j < 5; j++) {
                double hd = (gp[j] - gm[j]) / (2 * h);
                expect_abs(H[k * 5 + j], hd, 1e-5 * fmax(1.0, fabs(hd)),
                           "Hessian vs difference of gradients");
            }
        }
    }
    free(t);
}

/* ---- degenerate input ---- */

static exo_code try_fit(const double *t, size_t n, bool window, double a,
                        double b, exo_err *err, exo_hawkes *fit)
{
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.has_window = window;
    o.t_start = a;
    o.t_end = b;
    exo_err_clear(err);
    return exo_hawkes_fit(t, n, &o, fit, err);
}

Test(hawkes, degenerate_input_is_a_clear_error)
{
    exo_err err;
    exo_hawkes fit;
    double one[] = {5.0}, two[] = {1.0, 2.0}, same[] = {3.0, 3.0, 3.0, 3.0};
    double unsorted[] = {1.0, 3.0, 2.0, 4.0}, nan_t[] = {1.0, TEST_NAN, 3.0};
    cr_expect_eq(try_fit(NULL, 0, true, 0, 10, &err, &fit), EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "too few events"), "%s", err.msg);
    cr_expect_eq(try_fit(NULL, 0, false, 0, 0, &err, &fit), EXO_ENUMERIC);
    cr_expect_eq(try_fit(one, 1, true, 0, 10, &err, &fit), EXO_ENUMERIC);
    cr_expect_eq(try_fit(two, 2, true, 0, 10, &err, &fit), EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "too few events to fit: 2"), "%s", err.msg);
    cr_expect_eq(try_fit(same, 4, false, 0, 0, &err, &fit), EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "one time"), "%s", err.msg);
    cr_expect_eq(try_fit(same, 4, true, 0, 10, &err, &fit), EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "one time"), "%s", err.msg);
    cr_expect_eq(try_fit(unsorted, 4, true, 0, 10, &err, &fit), EXO_EINVAL);
    cr_expect(strstr(err.msg, "event 3: times are not sorted"), "%s", err.msg);
    cr_expect_eq(try_fit(unsorted + 1, 3, true, 2.5, 10, &err, &fit),
                 EXO_EINVAL);
    cr_expect_eq(try_fit(two, 2, true, 1.5, 10, &err, &fit), EXO_EINVAL);
    cr_expect(strstr(err.msg, "outside the window"), "%s", err.msg);
    cr_expect_eq(try_fit(nan_t, 3, true, 0, 10, &err, &fit), EXO_EINVAL);
    cr_expect(strstr(err.msg, "not a finite"), "%s", err.msg);
    cr_expect_eq(try_fit(two, 2, true, 5, 1, &err, &fit), EXO_EINVAL);
    /* ties with a free decay: unbounded likelihood, said so */
    double ties[] = {1.0, 2.0, 2.0, 5.0, 7.0};
    cr_expect_eq(try_fit(ties, 5, true, 0, 10, &err, &fit), EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "unbounded"), "%s", err.msg);
    /* ... and fine with a fixed decay (exact ties: dt = 0 in A_i) */
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 10.0;
    o.fixed_beta = 1.0;
    exo_err_clear(&err);
    cr_expect_eq(exo_hawkes_fit(ties, 5, &o, &fit, &err), EXO_OK, "%s",
                 err.msg);
    cr_expect(isfinite(fit.loglik) && isfinite(fit.mu[0]) &&
              isfinite(fit.alpha));
    /* three spread events: a fit, no NaN in what is printed */
    double three[] = {1.0, 4.0, 8.5};
    cr_expect_eq(try_fit(three, 3, true, 0, 10, &err, &fit), EXO_OK, "%s",
                 err.msg);
    cr_expect(isfinite(fit.loglik) && isfinite(fit.mu[0]) && isfinite(fit.n) &&
              isfinite(fit.lr_p) && isfinite(fit.ks_p));
}

Test(hawkes, regime_without_events_is_rejected)
{
    exo_err err = {0};
    exo_hawkes fit;
    exo_hawkes_opts o;
    double t[] = {1.0, 2.0, 3.5, 4.0};
    double br[] = {5.0};
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 10.0;
    o.breaks = br;
    o.n_breaks = 1;
    cr_expect_eq(exo_hawkes_fit(t, 4, &o, &fit, &err), EXO_EINVAL);
    cr_expect(strstr(err.msg, "has no events"), "%s", err.msg);
}

/* ---- KS distribution ---- */

Test(hawkes, ks_pvalue_matches_marsaglia_tsang_wang)
{
    /* MTW (2003) give K(10, 0.274) = 0.6284796154565043. */
    expect_rel(1.0 - exo_ks_pvalue(10, 0.274), 0.6284796154565043, 1e-12,
               "K(10, .274)");
    /* Large n: the Kolmogorov limit, P(K > 1.3581) = 0.05. */
    expect_abs(exo_ks_pvalue(1000000, 1.3581 / 1000.0), 0.05, 0.002,
               "asymptotic 5% point");
    expect_abs(exo_ks_pvalue(100, 0.0), 1.0, 0.0, "d = 0");
    expect_abs(exo_ks_pvalue(100, 1.0), 0.0, 0.0, "d = 1");
}

/* ---- simulation, recovery, forecast ---- */

Test(hawkes, recovery_true_n_inside_profile_interval)
{
    /* 200 seeded runs, mu = 0.5, alpha = 0.6, beta = 1.2 (n = 0.5) on
     * [0, 150]: about 150 events each. A 95% interval should miss about
     * 10 times in 200; more than 20 misses (coverage < 90%) fails. */
    int covered = 0, fitted = 0;
    for (uint64_t seed = 1; seed <= 200; seed++) {
        double *t;
        size_t n;
        exo_err err = {0};
        exo_hawkes fit;
        exo_hawkes_opts o;
        cr_assert_eq(exo_hawkes_simulate(0.5, 0.6, 1.2, 0.0, 150.0, NULL, 0,
                                         seed, 100000, &t, &n, &err),
                     EXO_OK);
        exo_hawkes_opts_init(&o);
        o.has_window = true;
        o.t_end = 150.0;
        o.no_gof = true;
        if (exo_hawkes_fit(t, n, &o, &fit, &err) == EXO_OK && fit.has_profile) {
            fitted++;
            if (fit.n_prof_lo <= 0.5 && 0.5 <= fit.n_prof_hi)
                covered++;
        }
        exo_free(t);
    }
    cr_expect_geq(fitted, 198, "%d of 200 fits", fitted);
    cr_expect_geq(covered, 180, "profile coverage %d/200", covered);
}

Test(hawkes, forecast_reproducible_across_thread_counts)
{
    size_t n;
    double *t = small_stream(5, 200.0, &n);
    exo_hawkes fit;
    exo_hawkes_opts o;
    exo_err err = {0};
    exo_forecast f1, f2;
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 200.0;
    o.no_profile = true;
    cr_assert_eq(exo_hawkes_fit(t, n, &o, &fit, &err), EXO_OK, "%s", err.msg);
    omp_set_num_threads(1);
    cr_assert_eq(exo_hawkes_forecast(&fit, 50.0, 10000, 7, &f1, &err), EXO_OK);
    omp_set_num_threads(2);
    cr_assert_eq(exo_hawkes_forecast(&fit, 50.0, 10000, 7, &f2, &err), EXO_OK);
    expect_abs(f1.mean, f2.mean, 0.0, "mean, 1 vs 2 threads");
    expect_abs(f1.hi95, f2.hi95, 0.0, "97.5%, 1 vs 2 threads");
    cr_expect(f1.lo95 <= f1.lo80 && f1.lo80 <= f1.median &&
              f1.median <= f1.hi80 && f1.hi80 <= f1.hi95);
    /* Stationary mean rate mu / (1 - n) over 50 time units, roughly: the
     * history at the end shifts it a little. */
    double expect_mean = 50.0 * fit.mu[0] / (1.0 - fit.n);
    expect_rel(f1.mean, expect_mean, 0.25, "forecast mean vs mu/(1-n)");
    free(t);
}

Test(hawkes, spread_ties_is_seeded_and_sorted)
{
    double a[] = {10, 10, 10, 11}, b[] = {10, 10, 10, 11};
    double w[] = {1, 1, 1, 1};
    exo_err err = {0};
    cr_assert_eq(exo_hawkes_spread_ties(a, w, 4, 1, &err), EXO_OK);
    cr_assert_eq(exo_hawkes_spread_ties(b, w, 4, 1, &err), EXO_OK);
    for (int i = 0; i < 4; i++) {
        expect_abs(a[i], b[i], 0.0, "same seed, same times");
        cr_expect(i == 0 || a[i] > a[i - 1]);
        cr_expect(a[i] >= 10.0 && a[i] < 12.0);
    }
}

static int stop_now(void *ud, double done)
{
    (void)ud;
    (void)done;
    return 1;
}

Test(hawkes, bootstrap_p_value_on_poisson_data)
{
    double *t;
    size_t n;
    exo_err err = {0};
    exo_hawkes fit;
    exo_hawkes_opts o;
    exo_lr_boot boot;
    cr_assert_eq(exo_hawkes_simulate(1.0, 0.0, 1.0, 0.0, 100.0, NULL, 0, 3,
                                     100000, &t, &n, &err),
                 EXO_OK);
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 100.0;
    o.no_profile = true;
    cr_assert_eq(exo_hawkes_fit(t, n, &o, &fit, &err), EXO_OK, "%s", err.msg);
    cr_assert_eq(exo_hawkes_bootstrap(&fit, &o, 40, 9, &boot, &err), EXO_OK,
                 "%s", err.msg);
    cr_expect_geq(boot.n_used, 38);
    cr_expect(boot.p > 0.0 && boot.p <= 1.0);
    /* A progress hook that says stop ends it: EXO_ECANCELED, 'boot'
     * zeroed. */
    o.hooks.progress = stop_now;
    cr_expect_eq(exo_hawkes_bootstrap(&fit, &o, 40, 9, &boot, &err),
                 EXO_ECANCELED);
    cr_expect_eq(boot.n_boot, 0);
    exo_free(t);
}

/* ---- multivariate ---- */

Test(hawkes, bivariate_matches_reference_bi10k)
{
    /* reference.json "bi10k" (numpy PCG64 seed 1007): MLE and logL to
     * 1e-6; SEs to 1e-7 (our Hessian is a central difference of the
     * analytic gradient, about 8 digits). */
    static const double mu[2] = {0.28765334985226226, 0.20022858186758025};
    static const double alpha[4] = {0.48361055026739286, 0.3176944788636295,
                                    0.09998128085767828, 0.6175221193989143};
    static const double se_mu[2] = {0.008277111726188063, 0.006684869555461569};
    static const double se_alpha[4] = {
        0.022487772085084744, 0.021456397418476266, 0.013175734073011931,
        0.026531570951704532};
    double *t;
    int *d;
    size_t n = read_events(REF("bi10k.txt"), &t, &d);
    exo_hawkes_opts o;
    exo_mhawkes fit;
    exo_err err = {0};
    cr_assert_eq(n, 9887);
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 10400.0;
    cr_assert_eq(exo_mhawkes_fit(t, d, n, 2, &o, &fit, &err), EXO_OK, "%s",
                 err.msg);
    cr_expect(fit.converged);
    expect_rel(fit.loglik, -15411.020110836409, 1e-9, "loglik");
    expect_rel(fit.loglik_poisson, -17120.95222663849, 1e-12, "Poisson loglik");
    expect_rel(fit.beta, 1.5039692098725388, 1e-6, "beta");
    expect_rel(fit.beta_se, 0.05710614642195561, 1e-7, "SE beta");
    for (int i = 0; i < 2; i++) {
        expect_rel(fit.mu[i], mu[i], 1e-6, "mu");
        expect_rel(fit.mu_se[i], se_mu[i], 1e-7, "SE mu");
    }
    for (int i = 0; i < 4; i++) {
        expect_rel(fit.alpha[i], alpha[i], 1e-6, "alpha");
        expect_rel(fit.alpha_se[i], se_alpha[i], 1e-7, "SE alpha");
    }
    expect_rel(fit.spectral_radius, 0.49266412557166517, 1e-6,
               "spectral radius");
    expect_rel(fit.branching[1], 0.21123735564410528, 1e-6, "branching[0][1]");
    cr_expect(fit.spectral_radius_se > 0.0 && fit.spectral_radius_se < 0.1);
    exo_mhawkes_release(&fit);
    free(t);
    free(d);
}

/* ---- baseline proportional to a weight (headcount) ---- */

/*
 * A headcount growing in 10 steps from 20 to 200 over [0, 1000] days:
 * w(t) = 20 + 20 j on [100 j, 100 (j + 1)).
 */
#define HC_STEPS 10
static void growing_headcount(double *wt, double *w)
{
    for (int j = 0; j < HC_STEPS; j++) {
        wt[j] = 100.0 * j;
        w[j] = 20.0 + 20.0 * j;
    }
}

Test(hawkes, weighted_gradient_and_hessian_match_finite_differences)
{
    size_t n;
    double *t = small_stream(11, 300.0, &n);
    double breaks[1] = {150.0};
    /* Weights that change inside and across the regimes, one before the
     * window starts and one after an event-free stretch. */
    double wt[5] = {-5.0, 40.0, 120.0, 170.0, 260.0};
    double wv[5] = {2.0, 3.5, 0.5, 4.0, 1.5};
    exo_hawkes_opts o;
    exo_err err = {0};
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 300.0;
    o.breaks = breaks;
    o.n_breaks = 1;
    o.weight_times = wt;
    o.weights = wv;
    o.n_weights = 5;
    uint64_t s = 777;
    for (int rep = 0; rep < 20; rep++) {
        double theta[4], g[4], H[16];
        for (int k = 0; k < 4; k++) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            double u = (double)(s >> 11) / 9007199254740992.0;
            theta[k] = k < 2    ? 0.05 + 0.3 * u
                       : k == 2 ? 0.05 + 2.0 * u
                                : 0.2 + 3 * u;
        }
        double ll;
        cr_assert_eq(exo_hawkes_loglik_at(t, n, &o, theta, &ll, g, H, &err),
                     EXO_OK, "%s", err.msg);
        for (int k = 0; k < 4; k++) {
            double tp[4], tm[4], gp[4], gm[4], lp, lm;
            double h = 1e-6 * theta[k];
            memcpy(tp, theta, sizeof tp);
            memcpy(tm, theta, sizeof tm);
            tp[k] += h;
            tm[k] -= h;
            cr_assert_eq(
                exo_hawkes_loglik_at(t, n, &o, tp, &lp, gp, NULL, &err),
                EXO_OK);
            cr_assert_eq(
                exo_hawkes_loglik_at(t, n, &o, tm, &lm, gm, NULL, &err),
                EXO_OK);
            double fd = (lp - lm) / (2 * h);
            expect_abs(g[k], fd, 1e-6 * fmax(1.0, fabs(fd)) + 1e-7 * fabs(ll),
                       "weighted gradient vs central difference");
            for (int j = 0; j < 4; j++) {
                double hd = (gp[j] - gm[j]) / (2 * h);
                expect_abs(H[k * 4 + j], hd, 1e-5 * fmax(1.0, fabs(hd)),
                           "weighted Hessian vs difference of gradients");
            }
        }
    }
    free(t);
}

Test(hawkes, weighted_loglik_matches_direct_sum)
{
    /* Four events by hand, w = 2 on [0, 3), 5 on [3, 10]; mu 0.1,
     * alpha 0.4, beta 0.7: log L = sum log(mu w_i + alpha A_i) - mu (2*3
     * + 5*7) - (alpha/beta) sum (1 - exp(-beta (T - t_i))). */
    double t[4] = {0.5, 2.0, 4.0, 9.0}, wt[2] = {0.0, 3.0}, wv[2] = {2.0, 5.0};
    double mu = 0.1, a = 0.4, b = 0.7, T = 10.0, ll, want = 0.0;
    double theta[3] = {mu, a, b};
    for (int i = 0; i < 4; i++) {
        double A = 0.0;
        for (int j = 0; j < i; j++)
            A += exp(-b * (t[i] - t[j]));
        want += log(mu * (t[i] < 3.0 ? 2.0 : 5.0) + a * A);
        want -= a / b * (1.0 - exp(-b * (T - t[i])));
    }
    want -= mu * (2.0 * 3.0 + 5.0 * 7.0);
    exo_hawkes_opts o;
    exo_err err = {0};
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = T;
    o.weight_times = wt;
    o.weights = wv;
    o.n_weights = 2;
    cr_assert_eq(exo_hawkes_loglik_at(t, 4, &o, theta, &ll, NULL, NULL, &err),
                 EXO_OK, "%s", err.msg);
    expect_rel(ll, want, 1e-13, "weighted log L vs the direct O(N^2) sum");
}

Test(hawkes, constant_weight_rescales_mu_only)
{
    /* w = 4 everywhere: the same fit with mu divided by 4. */
    size_t n;
    double *t = small_stream(5, 400.0, &n);
    double wt[1] = {0.0}, wv[1] = {4.0};
    exo_hawkes_opts o;
    exo_hawkes f1, f4;
    exo_err err = {0};
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 400.0;
    cr_assert_eq(exo_hawkes_fit(t, n, &o, &f1, &err), EXO_OK, "%s", err.msg);
    o.weight_times = wt;
    o.weights = wv;
    o.n_weights = 1;
    cr_assert_eq(exo_hawkes_fit(t, n, &o, &f4, &err), EXO_OK, "%s", err.msg);
    cr_assert(f4.weighted && !f1.weighted);
    expect_rel(f4.mu[0] * 4.0, f1.mu[0], 1e-6, "mu per unit of weight");
    expect_rel(f4.n, f1.n, 1e-6, "n unchanged");
    expect_rel(f4.exposure[0], 1600.0, 1e-12, "exposure 4 x 400");
    /* The intensity is the same function, so is log L. */
    expect_rel(f4.loglik, f1.loglik, 1e-9, "log L");
    expect_rel(f4.loglik_poisson, f1.loglik_poisson, 1e-12, "Poisson log L");
    expect_rel(f4.weight_end, 4.0, 1e-15, "weight at the end");
    free(t);
}

Test(hawkes, zero_weight_at_an_event_is_rejected)
{
    double t[5] = {1.0, 2.5, 4.0, 6.0, 9.5}, wt[3] = {0.0, 3.0, 5.0};
    double wv[3] = {1.0, 0.0, 2.0}, bad[2] = {1.0, -1.0};
    exo_hawkes_opts o;
    exo_hawkes f;
    exo_err err = {0};
    exo_hawkes_opts_init(&o);
    o.weight_times = wt;
    o.weights = wv;
    o.n_weights = 3;
    cr_assert_eq(exo_hawkes_fit(t, 5, &o, &f, &err), EXO_EINVAL);
    cr_expect(strstr(err.msg, "event 3 at 4: the baseline weight is 0"), "%s",
              err.msg);
    o.weights = bad;
    o.n_weights = 2;
    memset(&err, 0, sizeof err);
    cr_assert_eq(exo_hawkes_fit(t, 5, &o, &f, &err), EXO_EINVAL);
    cr_expect(strstr(err.msg, "baseline weight 2 is -1"), "%s", err.msg);
    /* The multivariate model refuses weights. */
    double t6[6] = {1.0, 2.5, 4.0, 6.0, 9.5, 9.7};
    int dims[6] = {0, 1, 0, 1, 0, 1};
    exo_mhawkes mf;
    o.weights = wv;
    o.n_weights = 3;
    memset(&err, 0, sizeof err);
    cr_assert_eq(exo_mhawkes_fit(t6, dims, 6, 2, &o, &mf, &err), EXO_EINVAL);
    cr_expect(strstr(err.msg, "baseline weights are not supported"), "%s",
              err.msg);
}

Test(hawkes, weighted_simulation_follows_the_weight)
{
    /* Poisson (alpha 0) with w = 1 on [0, 500), 9 on [500, 1000]:
     * E N = 0.1 (500 + 4500) = 500, 50 before 500. Unweighted draws are
     * unchanged by the weighted simulator. */
    double wt[2] = {0.0, 500.0}, wv[2] = {1.0, 9.0};
    double *t, *u, *v;
    size_t n, nu, nv, before = 0;
    exo_err err = {0};
    cr_assert_eq(exo_hawkes_simulate_weighted(0.1, 0.0, 1.0, 0.0, 1000.0, wt,
                                              wv, 2, NULL, 0, 3, 100000, &t, &n,
                                              &err),
                 EXO_OK, "%s", err.msg);
    for (size_t i = 0; i < n; i++)
        before += t[i] < 500.0;
    /* Poisson counts: 50 +- 4 sd and 450 +- 4 sd. */
    cr_expect(before > 22 && before < 78, "%zu events before 500", before);
    cr_expect(n - before > 365 && n - before < 535, "%zu after", n - before);
    cr_assert_eq(exo_hawkes_simulate(0.3, 0.4, 1.1, 0.0, 200.0, NULL, 0, 9,
                                     100000, &u, &nu, &err),
                 EXO_OK);
    cr_assert_eq(exo_hawkes_simulate_weighted(0.3, 0.4, 1.1, 0.0, 200.0, NULL,
                                              NULL, 0, NULL, 0, 9, 100000, &v,
                                              &nv, &err),
                 EXO_OK);
    cr_assert_eq(nu, nv);
    for (size_t i = 0; i < nu; i++)
        cr_assert_eq(u[i], v[i], "the same draws without weights");
    exo_free(t);
    exo_free(u);
    exo_free(v);
}

Test(hawkes, headcount_baseline_absorbs_growth_that_looks_like_contagion)
{
    /*
     * No excitation: Poisson departures at 0.002 per head per day from a
     * headcount growing in 10 steps from 20 to 200 over 1000 days
     * (growing_headcount; about 220 events), seeds 1..40. A constant
     * baseline reads the growth as self-excitation: the LR test rejects
     * Poisson in every run seen (we require 38 of 40). With the baseline
     * proportional to headcount the model is right: the profile interval
     * of n reaches 0 in at least 90% of the fits that give one (a 95%
     * interval), and no more than 6 of 40 reject Poisson at 5% (expected
     * 2; P(X > 6) is about 0.5% for Binomial(40, 0.05)). Some headcount
     * fits run the decay to its limit, a correct "no estimate"; at least
     * 30 of 40 must converge. Measured: the constant baseline rejects
     * Poisson 40/40 (36 converged, every profile interval above 0.66);
     * the headcount baseline rejects 4/40, converges 33/40, and its
     * interval reaches 0 in 32 of the 33.
     */
    double wt[HC_STEPS], wv[HC_STEPS];
    int spurious = 0, with_profile = 0, covers0 = 0, rejects = 0, conv = 0;
    growing_headcount(wt, wv);
    for (uint64_t seed = 1; seed <= 40; seed++) {
        double *t;
        size_t n;
        exo_err err = {0};
        exo_hawkes fc, fh;
        exo_hawkes_opts o;
        cr_assert_eq(exo_hawkes_simulate_weighted(0.002, 0.0, 1.0, 0.0, 1000.0,
                                                  wt, wv, HC_STEPS, NULL, 0,
                                                  seed, 100000, &t, &n, &err),
                     EXO_OK, "%s", err.msg);
        exo_hawkes_opts_init(&o);
        o.has_window = true;
        o.t_end = 1000.0;
        o.no_gof = true;
        cr_assert_eq(exo_hawkes_fit(t, n, &o, &fc, &err), EXO_OK, "%s",
                     err.msg);
        o.weight_times = wt;
        o.weights = wv;
        o.n_weights = HC_STEPS;
        cr_assert_eq(exo_hawkes_fit(t, n, &o, &fh, &err), EXO_OK, "%s",
                     err.msg);
        spurious += fc.lr_p < 0.05;
        rejects += fh.lr_p < 0.05;
        conv += fh.converged || fh.at_boundary;
        if (fh.has_profile) {
            with_profile++;
            covers0 += fh.n_prof_lo <= 0.0;
        }
        exo_free(t);
    }
    cr_expect_geq(spurious, 38, "constant baseline rejects Poisson %d/40",
                  spurious);
    cr_expect_leq(rejects, 6, "headcount baseline rejects Poisson %d/40",
                  rejects);
    cr_expect_geq(conv, 30, "headcount fits converged %d/40", conv);
    cr_expect_geq(10 * covers0, 9 * with_profile,
                  "headcount n interval reaches 0 in %d of %d", covers0,
                  with_profile);
}

/*
 * Only strictly earlier events excite. Stream 1 copies stream 0's Poisson
 * times exactly; were simultaneous events allowed to excite each other the
 * likelihood would grow without bound in alpha[1][0]. With the strict
 * rule the two streams are independent Poisson processes to the model.
 */
Test(hawkes, mv_simultaneous_events_do_not_excite_each_other)
{
    enum { N = 400 };
    double times[2 * N];
    int dims[2 * N];
    double t = 0.0;
    uint64_t x = 12345;
    for (int k = 0; k < N; k++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        double u = ((double)(x >> 11) + 0.5) / 9007199254740992.0;
        t += -log(u); /* rate 1 */
        times[2 * k] = times[2 * k + 1] = t;
        dims[2 * k] = 0;
        dims[2 * k + 1] = 1;
    }
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_start = 0.0;
    o.t_end = t + 1.0;
    exo_mhawkes fit = {0};
    exo_err err = {0};
    cr_assert_eq(exo_mhawkes_fit(times, dims, 2 * N, 2, &o, &fit, &err), EXO_OK,
                 "%s", err.msg);
    cr_expect(isfinite(fit.loglik), "log L %g", fit.loglik);
    cr_expect_lt(fit.alpha[1 * 2 + 0] / fit.beta, 0.5,
                 "cross branching 1<-0 is %g", fit.alpha[2] / fit.beta);
    cr_expect_lt(fit.spectral_radius, 0.5, "spectral radius %g",
                 fit.spectral_radius);
    exo_mhawkes_release(&fit);
}

/* ---- intensity on a grid, rescaled times, spreading with an order ---- */

/*
 * lambda by hand for mu 0.5, alpha 0.8, beta 2 and events at 1, 2: at 1.5,
 * 0.5 + 0.8 e^{-1}; at 2 (left limit) 0.5 + 0.8 e^{-2}; just after 2,
 * one more 0.8. Exact arithmetic, 1e-12 relative.
 */
Test(hawkes, intensity_on_a_grid_by_hand)
{
    exo_hawkes fit;
    memset(&fit, 0, sizeof fit);
    fit.n_regimes = 1;
    fit.mu[0] = 0.5;
    fit.alpha = 0.8;
    fit.beta = 2.0;
    fit.t_start = 0.0;
    fit.t_end = 3.0;
    double times[] = {1.0, 2.0};
    double grid[] = {0.0, 1.0, 1.5, 2.0, 2.0 + 1e-12, 3.0};
    double lam[6], base[6];
    cr_assert_eq(exo_hawkes_intensity(&fit, times, 2, grid, 6, lam, base, NULL),
                 EXO_OK);
    expect_rel(lam[0], 0.5, 1e-12, "before any event");
    expect_rel(lam[1], 0.5, 1e-12, "left limit at the first event");
    expect_rel(lam[2], 0.5 + 0.8 * exp(-1.0), 1e-12, "t = 1.5");
    expect_rel(lam[3], 0.5 + 0.8 * exp(-2.0), 1e-12, "left limit at 2");
    expect_rel(lam[4], 0.5 + 0.8 * exp(-2.0) + 0.8, 1e-9, "just after 2");
    expect_rel(lam[5], 0.5 + 0.8 * (exp(-4.0) + exp(-2.0)), 1e-12, "t = 3");
    expect_rel(base[5], 0.5, 1e-12, "baseline");
    double bad[] = {2.0, 1.0};
    exo_err err = {0};
    cr_expect_eq(exo_hawkes_intensity(&fit, times, 2, bad, 2, lam, NULL, &err),
                 EXO_EINVAL);
}

/* The rescaled times reproduce the fit's own KS statistics (1e-12). */
Test(hawkes, rescaled_times_give_the_fits_ks)
{
    double *t;
    int *d;
    size_t n = read_events(REF("u1k.txt"), &t, &d);
    exo_hawkes fit;
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    cr_assert_eq(exo_hawkes_fit(t, n, &o, &fit, NULL), EXO_OK);
    double *tau = malloc(n * sizeof *tau);
    for (int pois = 0; pois < 2; pois++) {
        cr_assert_eq(exo_hawkes_rescaled(&fit, t, n, pois, tau, NULL), EXO_OK);
        double D = 0.0;
        for (size_t i = 0; i < n; i++)
            tau[i] = -expm1(-tau[i]);
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                if (tau[j] < tau[i]) {
                    double x = tau[i];
                    tau[i] = tau[j];
                    tau[j] = x;
                }
        for (size_t i = 0; i < n; i++) {
            D = fmax(D, tau[i] - (double)i / (double)n);
            D = fmax(D, (double)(i + 1) / (double)n - tau[i]);
        }
        expect_rel(D, pois ? fit.ks_d_poisson : fit.ks_d, 1e-12, "KS D");
    }
    free(tau);
    free(t);
    free(d);
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Above a few thousand events the KS statistic sorts by radix, not by
 * comparison: the same D as a comparison sort done here. */
Test(hawkes, rescaled_times_give_the_fits_ks_on_100k_events)
{
    double *t;
    int *d;
    size_t n = read_events(REF("u100k.txt"), &t, &d);
    cr_assert_gt(n, 4096);
    exo_hawkes fit;
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.no_profile = true;
    cr_assert_eq(exo_hawkes_fit(t, n, &o, &fit, NULL), EXO_OK);
    double *tau = malloc(n * sizeof *tau);
    for (int pois = 0; pois < 2; pois++) {
        cr_assert_eq(exo_hawkes_rescaled(&fit, t, n, pois, tau, NULL), EXO_OK);
        double D = 0.0;
        for (size_t i = 0; i < n; i++)
            tau[i] = -expm1(-tau[i]);
        qsort(tau, n, sizeof *tau, cmp_dbl);
        for (size_t i = 0; i < n; i++) {
            D = fmax(D, tau[i] - (double)i / (double)n);
            D = fmax(D, (double)(i + 1) / (double)n - tau[i]);
        }
        expect_rel(D, pois ? fit.ks_d_poisson : fit.ks_d, 1e-12, "KS D");
    }
    free(tau);
    free(t);
    free(d);
}

/* Spreading with an order gives the same times and a permutation back. */
Test(hawkes, spread_ties_order_matches_spread_ties)
{
    double a[] = {10, 10, 10, 40, 0}, b[5], w[] = {30, 30, 30, 1, 365};
    size_t order[5];
    memcpy(b, a, sizeof a);
    cr_assert_eq(exo_hawkes_spread_ties(a, w, 5, 7, NULL), EXO_OK);
    double orig[5];
    memcpy(orig, b, sizeof b);
    cr_assert_eq(exo_hawkes_spread_ties_order(b, w, 5, 7, order, NULL), EXO_OK);
    for (size_t k = 0; k < 5; k++) {
        cr_expect(a[k] == b[k], "time %zu differs", k);
        size_t i = order[k];
        cr_expect(b[k] >= orig[i] && b[k] <= orig[i] + w[i],
                  "event %zu is not inside its own window", i);
    }
}

/* ---- multivariate: per-pair decay, SEs of the branching matrix ---- */

/*
 * Two streams with different decays per pair (self pairs fast, 1/day;
 * cross pairs 3/day), branching [[0.5, 0.3], [0.1, 0.6]] (spectral radius
 * (1.1 + sqrt(0.13)) / 2 = 0.7302776), simulated by exo_mhawkes_simulate.
 */
static const double PAIR_MU[2] = {0.3, 0.2};
static const double PAIR_ALPHA[4] = {0.5, 0.9, 0.3, 0.6};
static const double PAIR_BETA[4] = {1.0, 3.0, 3.0, 1.0};

static size_t pair_stream(uint64_t seed, double T, double **t, int **d)
{
    size_t n;
    exo_err err = {0};
    cr_assert_eq(exo_mhawkes_simulate(2, PAIR_MU, PAIR_ALPHA, PAIR_BETA, T,
                                      seed, 1000000, t, d, &n, &err),
                 EXO_OK, "%s", err.msg);
    return n;
}

/* Gradient of both layouts against central differences at random
 * points (fixed LCG), on a simulated stream (seed 21, T 300). */
Test(hawkes, mv_gradient_matches_finite_differences)
{
    double *t;
    int *d;
    size_t n = pair_stream(21, 300.0, &t, &d);
    cr_assert_gt(n, 100);
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 300.0;
    uint64_t s = 777;
    for (int pair = 0; pair < 2; pair++) {
        o.pair_decay = pair;
        size_t P = pair ? 2 + 8 : 2 + 4 + 1;
        for (int rep = 0; rep < 10; rep++) {
            double theta[10], g[10], ll;
            exo_err err = {0};
            for (size_t k = 0; k < P; k++) {
                s = s * 6364136223846793005ull + 1442695040888963407ull;
                double u = (double)(s >> 11) / 9007199254740992.0;
                theta[k] = k < 2   ? 0.1 + 0.5 * u
                           : k < 6 ? 0.05 + u
                                   : 0.3 + 3.0 * u;
            }
            cr_assert_eq(
                exo_mhawkes_loglik(t, d, n, 2, &o, theta, &ll, g, &err), EXO_OK,
                "%s", err.msg);
            for (size_t k = 0; k < P; k++) {
                double tp[10], tm[10], lp, lm, h = 1e-6 * theta[k];
                memcpy(tp, theta, sizeof tp);
                memcpy(tm, theta, sizeof tm);
                tp[k] += h;
                tm[k] -= h;
                cr_assert_eq(
                    exo_mhawkes_loglik(t, d, n, 2, &o, tp, &lp, NULL, &err),
                    EXO_OK);
                cr_assert_eq(
                    exo_mhawkes_loglik(t, d, n, 2, &o, tm, &lm, NULL, &err),
                    EXO_OK);
                double fd = (lp - lm) / (2 * h);
                expect_abs(g[k], fd,
                           1e-6 * fmax(1.0, fabs(fd)) + 1e-8 * fabs(ll),
                           pair ? "pair gradient" : "shared gradient");
            }
        }
    }
    /* All decays equal: the pair model is the shared one. */
    double sh[7] = {0.3, 0.2, 0.5, 0.3, 0.1, 0.6, 1.5};
    double pr[10] = {0.3, 0.2, 0.5, 0.3, 0.1, 0.6, 1.5, 1.5, 1.5, 1.5};
    double l1, l2;
    o.pair_decay = false;
    cr_assert_eq(exo_mhawkes_loglik(t, d, n, 2, &o, sh, &l1, NULL, NULL),
                 EXO_OK);
    o.pair_decay = true;
    cr_assert_eq(exo_mhawkes_loglik(t, d, n, 2, &o, pr, &l2, NULL, NULL),
                 EXO_OK);
    expect_rel(l2, l1, 1e-12, "equal decays: pair log L = shared log L");
    exo_free(t);
    exo_free(d);
}

/*
 * Recovery with two different decays (seed 5, T 8000, 14971
 * events): every alpha, decay and baseline within 4 SEs of the truth and
 * the decays within 30% (the weak pair 1 <- 0 is the loosest: 3.63, SE
 * 0.53); the spectral radius within 4 SEs; the shared
 * model, wrong here, fits clearly worse (LR > 20).
 */
Test(hawkes, mv_pair_decay_recovers_two_decays)
{
    double *t;
    int *d;
    size_t n = pair_stream(5, 8000.0, &t, &d);
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 8000.0;
    o.pair_decay = true;
    exo_mhawkes fit;
    exo_err err = {0};
    cr_assert_eq(exo_mhawkes_fit(t, d, n, 2, &o, &fit, &err), EXO_OK, "%s",
                 err.msg);
    cr_expect(fit.converged, "not converged: gradient %g", fit.grad_norm);
    cr_expect(fit.pair_decay);
    for (int i = 0; i < 4; i++)
        cr_log_info("n %zu pair %d: alpha %g (%g) beta %g (%g) n %g (%g)", n, i,
                    fit.alpha[i], fit.alpha_se[i], fit.beta_pair[i],
                    fit.beta_pair_se[i], fit.branching[i], fit.branching_se[i]);
    cr_expect_eq(fit.n_params, 10);
    cr_expect(isnan(fit.beta));
    for (int i = 0; i < 2; i++)
        cr_expect_lt(fabs(fit.mu[i] - PAIR_MU[i]), 4 * fit.mu_se[i],
                     "mu[%d] %g (SE %g)", i, fit.mu[i], fit.mu_se[i]);
    for (int i = 0; i < 4; i++) {
        cr_expect_lt(fabs(fit.alpha[i] - PAIR_ALPHA[i]), 4 * fit.alpha_se[i],
                     "alpha[%d] %g (SE %g)", i, fit.alpha[i], fit.alpha_se[i]);
        cr_expect_lt(fabs(fit.beta_pair[i] - PAIR_BETA[i]),
                     4 * fit.beta_pair_se[i], "beta[%d] %g (SE %g)", i,
                     fit.beta_pair[i], fit.beta_pair_se[i]);
        expect_rel(fit.beta_pair[i], PAIR_BETA[i], 0.3, "decay");
        double nt = PAIR_ALPHA[i] / PAIR_BETA[i];
        cr_expect_lt(fabs(fit.branching[i] - nt), 4 * fit.branching_se[i],
                     "n[%d] %g (SE %g)", i, fit.branching[i],
                     fit.branching_se[i]);
        cr_expect(fit.branching_lo[i] <= fit.branching[i] &&
                  fit.branching[i] <= fit.branching_hi[i]);
    }
    cr_expect_lt(fabs(fit.spectral_radius - 0.7302776),
                 4 * fit.spectral_radius_se, "radius %g (SE %g)",
                 fit.spectral_radius, fit.spectral_radius_se);
    cr_expect_gt(2 * (fit.loglik - fit.loglik_shared), 20.0,
                 "LR pair vs shared %g", 2 * (fit.loglik - fit.loglik_shared));
    exo_mhawkes_release(&fit);
    exo_free(t);
    exo_free(d);
}

/*
 * bi10k (one true decay): the pair model nests the shared one, so its
 * log L is at least the shared fit's, whose value loglik_shared carries;
 * the SEs of the branching entries are the delta method on 'cov'.
 */
Test(hawkes, mv_pair_decay_nests_shared_on_bi10k)
{
    double *t;
    int *d;
    size_t n = read_events(REF("bi10k.txt"), &t, &d);
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_end = 10400.0;
    exo_mhawkes sh, pr;
    exo_err err = {0};
    cr_assert_eq(exo_mhawkes_fit(t, d, n, 2, &o, &sh, &err), EXO_OK, "%s",
                 err.msg);
    o.pair_decay = true;
    cr_assert_eq(exo_mhawkes_fit(t, d, n, 2, &o, &pr, &err), EXO_OK, "%s",
                 err.msg);
    cr_expect(pr.converged);
    expect_rel(pr.loglik_shared, sh.loglik, 1e-12, "shared log L carried");
    expect_rel(sh.loglik_shared, sh.loglik, 0.0, "shared: loglik_shared");
    cr_expect_geq(pr.loglik, sh.loglik - 1e-9, "pair %.10g < shared %.10g",
                  pr.loglik, sh.loglik);
    /* Data with one decay: the pair LR is small (3 extra parameters). */
    cr_expect_lt(2 * (pr.loglik - sh.loglik), 16.3);
    for (int i = 0; i < 4; i++)
        expect_rel(pr.beta_pair[i], 1.5, 0.25, "pair decay near 1.5");
    /* Shared: SE of n_ij = alpha_ij / beta from the covariance. */
    size_t P = sh.n_params;
    cr_assert_eq(P, 7);
    for (size_t i = 0; i < 4; i++) {
        double a = sh.alpha[i], b = sh.beta;
        double caa = sh.cov[(2 + i) * P + 2 + i], cbb = sh.cov[6 * P + 6];
        double cab = sh.cov[(2 + i) * P + 6];
        double v = caa / (b * b) + a * a * cbb / (b * b * b * b) -
                   2 * a * cab / (b * b * b);
        expect_rel(sh.branching_se[i], sqrt(v), 1e-12, "SE of n");
        expect_rel(sqrt(caa), sh.alpha_se[i], 1e-12, "cov holds alpha SE");
        expect_rel(sh.beta_pair[i], sh.beta, 0.0, "shared: beta_pair");
        expect_rel(sh.branching_hi[i] - sh.branching[i],
                   1.959963984540054 * sh.branching_se[i], 1e-9,
                   "Wald half-width");
    }
    cr_expect(sh.spectral_radius_lo < sh.spectral_radius &&
              sh.spectral_radius < sh.spectral_radius_hi);
    cr_expect(sh.spectral_radius_lo < 0.486852 &&
              0.486852 < sh.spectral_radius_hi);
    expect_rel(sh.level, 0.95, 0.0, "level");
    exo_mhawkes_release(&sh);
    exo_mhawkes_release(&pr);
    /* A held decay and one decay per pair exclude each other. */
    o.fixed_beta = 1.5;
    cr_expect_eq(exo_mhawkes_fit(t, d, n, 2, &o, &pr, &err), EXO_EINVAL);
    free(t);
    free(d);
}
