/*
 * rescale.c - time rescaling of a fitted Hawkes process and the
 * Kolmogorov-Smirnov distribution.
 *
 * Increment of the compensator between events, exponential kernel:
 *   Lambda(t_{i-1}, t_i) = int mu(t) dt + (alpha/beta) (1 + A_{i-1}) (1 - e_i)
 * with e_i = exp(-beta (t_i - t_{i-1})) and A as in hawkes.c.
 *
 * P(D_n >= d): exact by Marsaglia, Tsang & Wang, "Evaluating Kolmogorov's
 * distribution", J. Stat. Software 8(18), 2003, while m = 2 floor(n d) + 1
 * is at most MTW_MAX_M; in the far tail their quick approximation (which
 * they give as accurate to about 7 digits there); otherwise Kolmogorov's
 * limit with Stephens' (1970) correction, lambda = (sqrt(n) + 0.12 +
 * 0.11/sqrt(n)) d, whose absolute error is below 0.002 for n >= 30.
 */
#include "model/rescale.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/exo.h"

#define MTW_MAX_M 121

/*
 * The same with a baseline weight: the baseline compensator accumulates
 * mu_k w_s over each segment (hawkes.h), whose stretches without events
 * still count.
 */
static void increments_weighted(const struct hawkes_data *d,
                                const double *theta, double *inc_out)
{
    size_t K = d->n_regimes;
    double alpha = theta[K], beta = theta[K + 1];
    double A = 0.0, Mprev = 0.0, Mseg = 0.0;
    for (size_t s = 0; s < d->n_seg; s++) {
        const struct hawkes_seg *g = &d->seg[s];
        double rate = theta[g->k] * g->w;
        for (size_t i = g->first; i < g->end; i++) {
            double M = Mseg + rate * (d->t[i] - g->start);
            double inc = M - Mprev;
            if (i > 0 && alpha > 0.0) {
                double dt = d->t[i] - d->t[i - 1];
                double e = exp(-beta * dt);
                inc += alpha / beta * (1.0 + A) * -expm1(-beta * dt);
                A = e * (1.0 + A);
            }
            inc_out[i] = inc > 0.0 ? inc : 0.0;
            Mprev = M;
        }
        double next = s + 1 < d->n_seg ? d->seg[s + 1].start : d->T;
        Mseg += rate * (next - g->start);
    }
}

void exo__hawkes_increments(const struct hawkes_data *d, const double *theta,
                            double *inc_out)
{
    size_t K = d->n_regimes;
    double alpha = theta[K], beta = theta[K + 1];
    double Mstart[EXO_HAWKES_MAX_REGIMES + 1];
    if (d->seg) {
        increments_weighted(d, theta, inc_out);
        return;
    }
    Mstart[0] = 0.0;
    for (size_t k = 0; k < K; k++)
        Mstart[k + 1] =
            Mstart[k] + theta[k] * (d->reg_start[k + 1] - d->reg_start[k]);
    double A = 0.0, Mprev = 0.0;
    size_t k = 0;
    for (size_t i = 0; i < d->n; i++) {
        while (k + 1 < K && i >= d->reg_first[k + 1])
            k++;
        double M = Mstart[k] + theta[k] * (d->t[i] - d->reg_start[k]);
        double inc = M - Mprev;
        if (i > 0 && alpha > 0.0) {
            double dt = d->t[i] - d->t[i - 1];
            double e = exp(-beta * dt);
            inc += alpha / beta * (1.0 + A) * -expm1(-beta * dt);
            A = e * (1.0 + A);
        }
        inc_out[i] = inc > 0.0 ? inc : 0.0;
        Mprev = M;
    }
}

void exo__hawkes_rescale(const struct hawkes_data *d, const double *theta,
                         double *u)
{
    exo__hawkes_increments(d, theta, u);
    for (size_t i = 0; i < d->n; i++)
        u[i] = -expm1(-u[i]);
}

/* Sorted ascending, finite; names the first bad index. */
static exo_code check_sorted(const double *v, size_t n, const char *what,
                             exo_err *err)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            return exo__fail(err, EXO_EINVAL, "%s %zu is not a finite number",
                             what, i + 1);
        if (i > 0 && v[i] < v[i - 1])
            return exo__fail(err, EXO_EINVAL, "%s %zu: not in ascending order",
                             what, i + 1);
    }
    return EXO_OK;
}

static exo_code check_fit(const exo_hawkes *fit, size_t n_weights, exo_err *err)
{
    if (!fit || fit->n_regimes < 1 || fit->n_regimes > EXO_HAWKES_MAX_REGIMES)
        return exo__fail(err, EXO_EINVAL, "no fitted model");
    /* The fit keeps its weight's integrals, not the weight itself. */
    if (fit->weighted && n_weights == 0)
        return exo__fail(err, EXO_EINVAL,
                         "the intensity of a fit with a weighted baseline "
                         "needs its weight function (fit with a constant or "
                         "piecewise baseline)");
    if (!fit->at_boundary && !(fit->alpha >= 0.0 && fit->beta > 0.0))
        return exo__fail(err, EXO_EINVAL,
                         "the model has no usable jump and decay");
    return EXO_OK;
}

exo_code exo_hawkes_intensity(const exo_hawkes *fit, const double *times,
                              size_t n, const double *grid, size_t n_grid,
                              double *lambda, double *baseline, exo_err *err)
{
    return exo_hawkes_intensity_weighted(fit, times, n, NULL, NULL, 0, grid,
                                         n_grid, lambda, baseline, err);
}

exo_code exo_hawkes_intensity_weighted(const exo_hawkes *fit,
                                       const double *times, size_t n,
                                       const double *weight_times,
                                       const double *weights, size_t n_weights,
                                       const double *grid, size_t n_grid,
                                       double *lambda, double *baseline,
                                       exo_err *err)
{
    exo_code rc = check_fit(fit, n_weights, err);
    if (rc)
        return rc;
    if ((n && !times) || (n_grid && (!grid || !lambda)))
        return exo__fail(err, EXO_EINVAL, "missing arrays");
    if ((rc = check_sorted(times, n, "event", err)) ||
        (rc = check_sorted(grid, n_grid, "grid point", err)) ||
        (rc = exo__hawkes_check_weights(weight_times, weights, n_weights, err)))
        return rc;
    double alpha = fit->at_boundary ? 0.0 : fit->alpha;
    double beta = fit->at_boundary ? 1.0 : fit->beta;
    /* S = sum over included events of exp(-beta (last - t_j)): the
     * excitation just after 'last', decayed forward on demand. */
    double S = 0.0, last = 0.0;
    size_t j = 0, k = 0, q = 0;
    for (size_t g = 0; g < n_grid; g++) {
        double t = grid[g];
        while (j < n && times[j] < t) {
            S = (j ? S * exp(-beta * (times[j] - last)) : 0.0) + 1.0;
            last = times[j];
            j++;
        }
        while (k + 1 < fit->n_regimes && fit->regime_start[k + 1] <= t)
            k++;
        /* The weight in force at t (the first also before its time). */
        while (q + 1 < n_weights && weight_times[q + 1] <= t)
            q++;
        double mu = fit->mu[k] * (n_weights ? weights[q] : 1.0);
        if (baseline)
            baseline[g] = mu;
        lambda[g] =
            mu + (j && alpha > 0.0 ? alpha * S * exp(-beta * (t - last)) : 0.0);
    }
    return EXO_OK;
}

exo_code exo_hawkes_rescaled(const exo_hawkes *fit, const double *times,
                             size_t n, bool poisson, double *tau, exo_err *err)
{
    return exo_hawkes_rescaled_weighted(fit, times, n, poisson, NULL, NULL, 0,
                                        tau, err);
}

exo_code exo_hawkes_rescaled_weighted(const exo_hawkes *fit,
                                      const double *times, size_t n,
                                      bool poisson, const double *weight_times,
                                      const double *weights, size_t n_weights,
                                      double *tau, exo_err *err)
{
    exo_code rc = check_fit(fit, n_weights, err);
    if (rc)
        return rc;
    if (n && (!times || !tau))
        return exo__fail(err, EXO_EINVAL, "missing arrays");
    if ((rc = check_sorted(times, n, "event", err)) ||
        (rc = exo__hawkes_check_weights(weight_times, weights, n_weights, err)))
        return rc;
    if (n && (times[0] < fit->t_start || times[n - 1] > fit->t_end))
        return exo__fail(err, EXO_EINVAL,
                         "events outside the fitted window [%.17g, %.17g]",
                         fit->t_start, fit->t_end);
    size_t K = fit->n_regimes;
    double *t = exo__calloc(n ? n : 1, sizeof *t);
    if (!t)
        return exo__fail(err, EXO_ENOMEM, "allocating %zu events", n);
    double breaks[EXO_HAWKES_MAX_REGIMES], theta[HAWKES_MAX_P];
    for (size_t i = 0; i < n; i++)
        t[i] = times[i] - fit->t_start;
    for (size_t r = 1; r < K; r++)
        breaks[r - 1] = fit->regime_start[r] - fit->t_start;
    struct hawkes_data d;
    struct hawkes_seg *seg = NULL;
    exo__hawkes_data_init(&d, t, n, fit->t_end - fit->t_start, breaks, K - 1);
    if (n_weights) {
        size_t n_seg;
        seg = exo__hawkes_segments(&d, fit->t_start, weight_times, weights,
                                   n_weights, &n_seg);
        if (!seg) {
            exo__free(t);
            return exo__fail(err, EXO_ENOMEM, "allocating segments");
        }
    }
    for (size_t r = 0; r < K; r++) {
        double nk = (double)(d.reg_first[r + 1] - d.reg_first[r]);
        theta[r] =
            poisson ? (d.reg_W[r] > 0.0 ? nk / d.reg_W[r] : 0.0) : fit->mu[r];
    }
    theta[K] = poisson || fit->at_boundary ? 0.0 : fit->alpha;
    theta[K + 1] = poisson || fit->at_boundary ? 1.0 : fit->beta;
    exo__hawkes_increments(&d, theta, tau);
    exo__free(seg);
    exo__free(t);
    return EXO_OK;
}

/*
 * Sorts n non-negative doubles by their bits (which order as unsigned
 * integers for such numbers): an LSD radix sort in 11-bit digits, six
 * passes, O(n) where a comparison sort of 10^7 rescaled times took
 * seconds. False (nothing sorted) when 'u' holds anything else or there
 * is no room for the copy.
 */
static bool radix_sort_nonneg(double *u, size_t n)
{
    enum { BITS = 11, BUCKETS = 1 << BITS, PASSES = (64 + BITS - 1) / BITS };
    for (size_t i = 0; i < n; i++)
        if (!(u[i] >= 0.0))
            return false;
    uint64_t *a = exo__malloc(n * sizeof *a);
    size_t *count = exo__malloc(BUCKETS * sizeof *count);
    if (!a || !count) {
        exo__free(a);
        exo__free(count);
        return false;
    }
    uint64_t *src = (uint64_t *)(void *)u, *dst = a;
    for (int pass = 0; pass < PASSES; pass++) {
        int shift = pass * BITS;
        memset(count, 0, BUCKETS * sizeof *count);
        for (size_t i = 0; i < n; i++)
            count[(src[i] >> shift) & (BUCKETS - 1)]++;
        if (count[(src[0] >> shift) & (BUCKETS - 1)] == n)
            continue; /* every key has this digit: nothing moves */
        size_t sum = 0;
        for (size_t b = 0; b < BUCKETS; b++) {
            size_t c = count[b];
            count[b] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i] >> shift) & (BUCKETS - 1)]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != (uint64_t *)(void *)u)
        memcpy(u, src, n * sizeof *u);
    exo__free(a);
    exo__free(count);
    return true;
}

double exo__ks_stat(double *u, size_t n)
{
    double D = 0.0;
    if (n == 0)
        return 0.0;
    if (n < 4096 || !radix_sort_nonneg(u, n))
        exo__qsort(u, n, sizeof *u, exo__cmp_double);
    for (size_t i = 0; i < n; i++) {
        double lo = (double)i / (double)n, hi = (double)(i + 1) / (double)n;
        if (u[i] - lo > D)
            D = u[i] - lo;
        if (hi - u[i] > D)
            D = hi - u[i];
    }
    return D;
}

/* C = A B for m x m matrices. */
static void mat_mul(const double *A, const double *B, double *C, int m)
{
    for (int i = 0; i < m; i++)
        for (int j = 0; j < m; j++) {
            double s = 0.0;
            for (int k = 0; k < m; k++)
                s += A[i * m + k] * B[k * m + j];
            C[i * m + j] = s;
        }
}

/* V = H^n with a decimal exponent in *eV; 'tmp' holds m*m doubles. */
static void mat_pow(const double *H, int eH, double *V, int *eV, int m, int n,
                    double *tmp)
{
    if (n == 1) {
        memcpy(V, H, sizeof(double) * (size_t)m * (size_t)m);
        *eV = eH;
        return;
    }
    mat_pow(H, eH, V, eV, m, n / 2, tmp);
    mat_mul(V, V, tmp, m);
    int eT = 2 * *eV;
    if (n % 2 == 0) {
        memcpy(V, tmp, sizeof(double) * (size_t)m * (size_t)m);
        *eV = eT;
    } else {
        mat_mul(H, tmp, V, m);
        *eV = eH + eT;
    }
    if (V[(m / 2) * m + (m / 2)] > 1e140) {
        for (int i = 0; i < m * m; i++)
            V[i] *= 1e-140;
        *eV += 140;
    }
}

/* P(D_n < d), Marsaglia-Tsang-Wang; NaN when scratch is unavailable. */
static double mtw_cdf(int n, double d)
{
    int k = (int)(n * d) + 1, m = 2 * k - 1;
    double h = k - n * d;
    size_t mm = (size_t)m * (size_t)m;
    double *H = exo__calloc(3 * mm, sizeof(double));
    if (!H)
        return EXO_NAN;
    double *Q = H + mm, *tmp = Q + mm;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < m; j++)
            H[i * m + j] = i - j + 1 < 0 ? 0.0 : 1.0;
    for (int i = 0; i < m; i++) {
        H[i * m] -= pow(h, i + 1);
        H[(m - 1) * m + i] -= pow(h, m - i);
    }
    H[(m - 1) * m] += 2 * h - 1 > 0 ? pow(2 * h - 1, m) : 0.0;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < m; j++)
            if (i - j + 1 > 0)
                for (int g = 1; g <= i - j + 1; g++)
                    H[i * m + j] /= g;
    int eQ = 0;
    mat_pow(H, 0, Q, &eQ, m, n, tmp);
    double s = Q[(k - 1) * m + k - 1];
    for (int i = 1; i <= n; i++) {
        s = s * i / n;
        if (s < 1e-140) {
            s *= 1e140;
            eQ -= 140;
        }
    }
    s *= pow(10.0, eQ);
    exo__free(H);
    return s;
}

/* Kolmogorov's limiting P(K >= x). */
static double kolmogorov_q(double x)
{
    if (x <= 0.0)
        return 1.0;
    if (x < 1.0) {
        /* cdf = sqrt(2 pi)/x sum_k exp(-(2k-1)^2 pi^2 / (8 x^2)) */
        double s = 0.0, c = M_PI * M_PI / (8.0 * x * x);
        for (int k = 1; k < 20; k++)
            s += exp(-(2 * k - 1) * (2 * k - 1) * c);
        double q = 1.0 - sqrt(2.0 * M_PI) / x * s;
        return q < 0.0 ? 0.0 : q > 1.0 ? 1.0 : q;
    }
    double s = 0.0;
    for (int k = 1; k < 100; k++) {
        double term = exp(-2.0 * k * k * x * x);
        s += (k % 2 ? 2.0 : -2.0) * term;
        if (term < 1e-300)
            break;
    }
    return s < 0.0 ? 0.0 : s > 1.0 ? 1.0 : s;
}

/* P(D_n >= d) as exo_ks_pvalue; '*exact' false when the exact form was
 * due but got no scratch (and the limiting form stands in). */
static double ks_pvalue(size_t n, double d, bool *exact)
{
    *exact = true;
    if (n == 0 || !(d > 0.0))
        return 1.0;
    if (d >= 1.0)
        return 0.0;
    double nd = (double)n;
    double s = d * d * nd;
    if (s > 7.24 || (s > 3.76 && n > 99)) {
        double p = 2.0 * exp(-(2.000071 + 0.331 / sqrt(nd) + 1.409 / nd) * s);
        return p > 1.0 ? 1.0 : p;
    }
    if (n <= 100000 && 2 * (int)(nd * d) + 1 <= MTW_MAX_M) {
        double c = mtw_cdf((int)n, d);
        if (isfinite(c)) {
            double p = 1.0 - c;
            return p < 0.0 ? 0.0 : p > 1.0 ? 1.0 : p;
        }
        *exact = false;
    }
    double rn = sqrt(nd);
    return kolmogorov_q((rn + 0.12 + 0.11 / rn) * d);
}

double exo_ks_pvalue(size_t n, double d)
{
    bool exact;
    return ks_pvalue(n, d, &exact);
}

int exo__ks_pvalue(size_t n, double d, double *p)
{
    bool exact;
    *p = ks_pvalue(n, d, &exact);
    return exact ? 0 : EXO_ENOMEM;
}
