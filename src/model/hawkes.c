/*
 * hawkes.c - the log-likelihood of an exponential-kernel Hawkes process and
 * its derivatives, in one O(N) pass with no allocation.
 *
 * Inputs: n event times t_1 <= ... <= t_n in the window [0, T] (days, or
 * any unit: the rates are per that unit), K regimes of a piecewise-constant
 * baseline mu_k on [s_k, s_{k+1}), jump alpha and decay beta.
 *
 *   lambda(t) = mu_k(t) + sum_{t_i < t} alpha exp(-beta (t - t_i))
 *   log L = sum_i log(mu_k(i) + alpha A_i) - sum_k mu_k L_k
 *           - (alpha / beta) sum_i (1 - exp(-beta (T - t_i)))
 *   A_1 = 0,  A_i = e_i (1 + A_{i-1}),  e_i = exp(-beta (t_i - t_{i-1}))
 *
 * (Ozaki 1979; Ogata 1981.) The beta-derivatives follow the same recursion:
 *
 *   B_i = dA_i/dbeta   = -dt_i A_i + e_i B_{i-1}
 *   C_i = d2A_i/dbeta2 = -dt_i B_i - dt_i e_i B_{i-1} + e_i C_{i-1}
 *
 * The compensator needs no exp per event: S = sum_i exp(-beta (T - t_i))
 * = exp(-beta (T - t_n)) (1 + A_n), S' = -(T - t_n) S + exp(..) B_n, and
 * S'' likewise with C_n. One exp (e_i) and one log (log lambda_i) per event
 * remain; the fast kernel computes them in vectorised passes (glibc's
 * libmvec, 4 doubles at a time with AVX2) over chunks of CHUNK events
 * around the scalar recursion, which is two fused multiply-adds per event.
 * The derivation is in docs/math/hawkes.md.
 *
 * A baseline weight w(t) (headcount) makes the baseline mu_k w(t): the
 * passes walk segments of constant regime and weight (hawkes.h), lambda_i
 * = mu_k w_s + alpha A_i, d lambda_i / d mu_k = w_s, and the compensator's
 * baseline part is sum_k mu_k W_k with W_k the integral of w over regime k.
 *
 * Precision: N - S is formed by subtraction, so its relative error is about
 * 1e-16 / (beta T); fits keep beta T >= 1e-2.
 */
#include "model/hawkes.h"

#include <math.h>
#include <string.h>

#include "core/exo.h"

#define CHUNK 256
#define NEG_INF (-(double)INFINITY)

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define HAVE_MVEC 1
#include <immintrin.h>
/* glibc's libmvec (linked through libm's AS_NEEDED group), AVX2 ABI. */
__attribute__((target("avx2"))) __m256d _ZGVdN4v_exp(__m256d x);
__attribute__((target("avx2"))) __m256d _ZGVdN4v_log(__m256d x);
#else
#define HAVE_MVEC 0
#endif

void exo__hawkes_data_init(struct hawkes_data *d, const double *t, size_t n,
                           double T, const double *breaks, size_t n_breaks)
{
    memset(d, 0, sizeof *d);
    d->t = t;
    d->n = n;
    d->T = T;
    d->n_regimes = n_breaks + 1;
    d->reg_start[0] = 0.0;
    for (size_t k = 0; k < n_breaks; k++)
        d->reg_start[k + 1] = breaks[k];
    d->reg_start[d->n_regimes] = T;
    size_t i = 0;
    for (size_t k = 0; k < d->n_regimes; k++) {
        d->reg_first[k] = i;
        while (i < n && (k + 1 == d->n_regimes || t[i] < d->reg_start[k + 1]))
            i++;
    }
    d->reg_first[d->n_regimes] = n;
    for (size_t k = 0; k < d->n_regimes; k++)
        d->reg_W[k] = d->reg_start[k + 1] - d->reg_start[k];
    for (i = 1; i < n; i++) {
        if (t[i] == t[i - 1]) {
            d->has_ties = 1;
            break;
        }
    }
}

double exo__hawkes_weight_at(const double *wt, const double *w, size_t n_w,
                             double t)
{
    if (n_w == 0)
        return 1.0;
    size_t lo = 0, hi = n_w; /* the last wt[j] <= t is below hi */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (wt[mid] <= t)
            lo = mid;
        else
            hi = mid;
    }
    return w[lo];
}

exo_code exo__hawkes_check_weights(const double *wt, const double *w,
                                   size_t n_w, exo_err *err)
{
    if (n_w == 0)
        return EXO_OK;
    if (!wt || !w)
        return exo__fail(err, EXO_EINVAL,
                         "%zu baseline weights but no weight times or "
                         "values",
                         n_w);
    for (size_t j = 0; j < n_w; j++) {
        if (!isfinite(wt[j]) || (j > 0 && !(wt[j] > wt[j - 1])))
            return exo__fail(err, EXO_EINVAL,
                             "baseline weight %zu: its time %.17g is not "
                             "finite and after the one before",
                             j + 1, wt[j]);
        if (!isfinite(w[j]) || !(w[j] >= 0.0))
            return exo__fail(err, EXO_EINVAL,
                             "baseline weight %zu is %g (expected a finite "
                             "number >= 0)",
                             j + 1, w[j]);
    }
    return EXO_OK;
}

/* Builds the segments into 'seg' (NULL: only counts them). */
static size_t build_segments(struct hawkes_data *d, double t0, const double *wt,
                             const double *w, size_t n_w,
                             struct hawkes_seg *seg)
{
    size_t K = d->n_regimes, ns = 0, k = 0, jw = 0, i = 0;
    double T = d->T, pos = 0.0, cur = n_w ? w[0] : 1.0;
    while (jw < n_w && wt[jw] - t0 <= 0.0)
        cur = w[jw++];
    if (seg)
        for (size_t r = 0; r < K; r++)
            d->reg_W[r] = 0.0;
    for (;;) {
        double next = d->reg_start[k + 1];
        if (jw < n_w && wt[jw] - t0 < next)
            next = wt[jw] - t0;
        bool last = k + 1 == K && next >= T;
        if (last)
            next = T;
        if (seg) {
            seg[ns].start = pos;
            seg[ns].w = cur;
            seg[ns].k = k;
            seg[ns].first = i;
            while (i < d->n && (last || d->t[i] < next))
                i++;
            seg[ns].end = i;
            d->reg_W[k] += cur * (next - pos);
        }
        ns++;
        if (last)
            break;
        while (jw < n_w && wt[jw] - t0 <= next)
            cur = w[jw++];
        if (next >= d->reg_start[k + 1])
            k++;
        pos = next;
    }
    return ns;
}

struct hawkes_seg *exo__hawkes_segments(struct hawkes_data *d, double t0,
                                        const double *wt, const double *w,
                                        size_t n_w, size_t *n_seg)
{
    size_t ns = build_segments(d, t0, wt, w, n_w, NULL);
    struct hawkes_seg *seg = exo__calloc(ns, sizeof *seg);
    if (!seg)
        return NULL;
    build_segments(d, t0, wt, w, n_w, seg);
    d->seg = seg;
    d->n_seg = ns;
    *n_seg = ns;
    return seg;
}

/* Segment 's' of 'd': its regime, events and weight (hawkes.h). */
static inline void seg_get(const struct hawkes_data *d, size_t s, size_t *k,
                           size_t *first, size_t *end, double *w)
{
    if (d->seg) {
        *k = d->seg[s].k;
        *first = d->seg[s].first;
        *end = d->seg[s].end;
        *w = d->seg[s].w;
    } else {
        *k = s;
        *first = d->reg_first[s];
        *end = d->reg_first[s + 1];
        *w = 1.0;
    }
}

static inline size_t seg_count(const struct hawkes_data *d)
{
    return d->seg ? d->n_seg : d->n_regimes;
}

double exo__hawkes_poisson_loglik(const struct hawkes_data *d)
{
    double ll = 0.0;
    for (size_t k = 0; k < d->n_regimes; k++) {
        double nk = (double)(d->reg_first[k + 1] - d->reg_first[k]);
        if (nk > 0)
            ll += nk * log(nk / d->reg_W[k]) - nk;
    }
    /* The weights at the events: sum_i log w(t_i). */
    for (size_t s = 0; d->seg && s < d->n_seg; s++)
        if (d->seg[s].end > d->seg[s].first)
            ll += (double)(d->seg[s].end - d->seg[s].first) * log(d->seg[s].w);
    return ll;
}

#if HAVE_MVEC
/* Out of line: the AVX2 code may only be reached after the CPU check. */
__attribute__((target("avx2"), noinline)) static void
vmath_avx2(double *x, size_t m, int is_log)
{
    size_t j = 0;
    for (; j + 4 <= m; j += 4) {
        __m256d v = _mm256_loadu_pd(x + j);
        v = is_log ? _ZGVdN4v_log(v) : _ZGVdN4v_exp(v);
        _mm256_storeu_pd(x + j, v);
    }
    for (; j < m; j++)
        x[j] = is_log ? log(x[j]) : exp(x[j]);
}
#endif

/* exp or log of m values in place; 'avx' selects the libmvec kernels. */
static inline __attribute__((always_inline)) void vmath(double *x, size_t m,
                                                        int avx, int is_log)
{
#if HAVE_MVEC
    if (avx) {
        vmath_avx2(x, m, is_log);
        return;
    }
#else
    (void)avx;
#endif
    for (size_t j = 0; j < m; j++)
        x[j] = is_log ? log(x[j]) : exp(x[j]);
}

struct fast_out {
    double sumlog;
    double s0[EXO_HAWKES_MAX_REGIMES];  /* sum 1/lambda per regime */
    double q00[EXO_HAWKES_MAX_REGIMES]; /* sum 1/lambda^2 */
    double q0a[EXO_HAWKES_MAX_REGIMES]; /* sum A/lambda^2 */
    double q0b[EXO_HAWKES_MAX_REGIMES]; /* sum B/lambda^2 */
    double sa, sb, sc;                  /* sum A, B, C over lambda */
    double qaa, qab, qbb;               /* sum AA, AB, BB over lambda^2 */
    double A, B, C;                     /* at the last event */
    int bad;                            /* a lambda was not positive */
};

/*
 * The chunked pass. Written once and instantiated for AVX2+FMA and for
 * plain x86-64 (or any target) below; 'avx' and 'level' (0 value, 1 and
 * gradient, 2 and Hessian) are constants in each instance.
 */
static inline __attribute__((always_inline)) void
fast_pass(const struct hawkes_data *d, const double *theta, int level, int avx,
          struct fast_out *o)
{
    double ebuf[CHUNK], dtb[CHUNK], abuf[CHUNK], bbuf[CHUNK], cbuf[CHUNK];
    const double *t = d->t;
    size_t K = d->n_regimes;
    double alpha = theta[K], beta = theta[K + 1];
    double A = 0.0, B = 0.0, C = 0.0;
    size_t n_seg = seg_count(d);
    memset(o, 0, sizeof *o);
    for (size_t s = 0; s < n_seg; s++) {
        size_t k, first, end;
        double ws;
        seg_get(d, s, &k, &first, &end, &ws);
        double mu = theta[k] * ws;
        for (size_t i0 = first; i0 < end; i0 += CHUNK) {
            size_t m = end - i0 < CHUNK ? end - i0 : CHUNK;
            const double *tc = t + i0;
            if (i0 == 0) {
                dtb[0] = 0.0;
                ebuf[0] = 0.0;
            } else {
                dtb[0] = tc[0] - tc[-1];
                ebuf[0] = -beta * dtb[0];
            }
#pragma omp simd
            for (size_t j = 1; j < m; j++) {
                dtb[j] = tc[j] - tc[j - 1];
                ebuf[j] = -beta * dtb[j];
            }
            vmath(ebuf, m, avx, 0);
            if (i0 == 0)
                ebuf[0] = 0.0; /* A_1 = 0 */
            if (level == 2) {
                for (size_t j = 0; j < m; j++) {
                    double e = ebuf[j], Bp = B;
                    if (avx) {
                        A = __builtin_fma(e, A, e);
                        B = __builtin_fma(e, B, -dtb[j] * A);
                        C = __builtin_fma(e, C,
                                          -dtb[j] * __builtin_fma(e, Bp, B));
                    } else {
                        A = e * A + e;
                        B = e * B - dtb[j] * A;
                        C = e * C - dtb[j] * (B + e * Bp);
                    }
                    abuf[j] = A;
                    bbuf[j] = B;
                    cbuf[j] = C;
                }
            } else if (level == 1) {
                for (size_t j = 0; j < m; j++) {
                    double e = ebuf[j];
                    if (avx) {
                        A = __builtin_fma(e, A, e);
                        B = __builtin_fma(e, B, -dtb[j] * A);
                    } else {
                        A = e * A + e;
                        B = e * B - dtb[j] * A;
                    }
                    abuf[j] = A;
                    bbuf[j] = B;
                }
            } else {
                for (size_t j = 0; j < m; j++) {
                    double e = ebuf[j];
                    A = avx ? __builtin_fma(e, A, e) : e * A + e;
                    abuf[j] = A;
                }
            }
            /* Lambdas that are not positive, counted rather than found by
             * a min reduction: clang vectorizes a floating-point min only
             * under -ffast-math, and reports the simd loop it could not.
             * A double count has the sums' lane width, which keeps gcc's
             * plain SSE2 instance vectorized too. */
            double nonpos = 0.0;
            if (level == 2) {
                double c0 = 0, ca = 0, cb = 0, cc = 0, c00 = 0, c0a = 0;
                double c0b = 0, caa = 0, cab = 0, cbb = 0;
#pragma omp simd reduction(+ : nonpos, c0, ca, cb, cc, c00, c0a, c0b, caa, \
                                 cab, cbb)
                for (size_t j = 0; j < m; j++) {
                    double a = abuf[j], b = bbuf[j];
                    double lam = mu + alpha * a;
                    double inv = 1.0 / lam, inv2 = inv * inv;
                    nonpos += lam <= 0.0 ? 1.0 : 0.0;
                    c0 += inv;
                    ca += a * inv;
                    cb += b * inv;
                    cc += cbuf[j] * inv;
                    c00 += inv2;
                    c0a += a * inv2;
                    c0b += b * inv2;
                    caa += a * a * inv2;
                    cab += a * b * inv2;
                    cbb += b * b * inv2;
                    ebuf[j] = lam;
                }
                o->s0[k] += ws * c0;
                o->q00[k] += ws * ws * c00;
                o->q0a[k] += ws * c0a;
                o->q0b[k] += ws * c0b;
                o->sa += ca;
                o->sb += cb;
                o->sc += cc;
                o->qaa += caa;
                o->qab += cab;
                o->qbb += cbb;
            } else if (level == 1) {
                double c0 = 0, ca = 0, cb = 0;
#pragma omp simd reduction(+ : nonpos, c0, ca, cb)
                for (size_t j = 0; j < m; j++) {
                    double lam = mu + alpha * abuf[j];
                    double inv = 1.0 / lam;
                    nonpos += lam <= 0.0 ? 1.0 : 0.0;
                    c0 += inv;
                    ca += abuf[j] * inv;
                    cb += bbuf[j] * inv;
                    ebuf[j] = lam;
                }
                o->s0[k] += ws * c0;
                o->sa += ca;
                o->sb += cb;
            } else {
#pragma omp simd reduction(+ : nonpos)
                for (size_t j = 0; j < m; j++) {
                    double lam = mu + alpha * abuf[j];
                    nonpos += lam <= 0.0 ? 1.0 : 0.0;
                    ebuf[j] = lam;
                }
            }
            if (nonpos > 0.0) {
                o->bad = 1;
                return;
            }
            vmath(ebuf, m, avx, 1);
            double cl = 0.0;
#pragma omp simd reduction(+ : cl)
            for (size_t j = 0; j < m; j++)
                cl += ebuf[j];
            o->sumlog += cl;
        }
    }
    o->A = A;
    o->B = B;
    o->C = C;
}

#if HAVE_MVEC
__attribute__((target("avx2,fma"))) static void
fast_pass_avx2(const struct hawkes_data *d, const double *theta, int level,
               struct fast_out *o)
{
    if (level == 2)
        fast_pass(d, theta, 2, 1, o);
    else if (level == 1)
        fast_pass(d, theta, 1, 1, o);
    else
        fast_pass(d, theta, 0, 1, o);
}
#endif

static void fast_pass_generic(const struct hawkes_data *d, const double *theta,
                              int level, struct fast_out *o)
{
    if (level == 2)
        fast_pass(d, theta, 2, 0, o);
    else if (level == 1)
        fast_pass(d, theta, 1, 0, o);
    else
        fast_pass(d, theta, 0, 0, o);
}

#if HAVE_MVEC
/* Only the builds with the AVX2 passes ask (an unused static function is a
 * warning, and -Werror makes it an error). */
static int use_avx2(void)
{
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

/* Value, gradient (level >= 1) and Hessian (level 2) from one pass. */
static double evaluate(const struct hawkes_data *d, const double *theta,
                       int level, double *grad, double *hess)
{
    struct fast_out o;
    size_t K = d->n_regimes, P = K + 2, n = d->n;
    double alpha = theta[K], beta = theta[K + 1];
    for (size_t k = 0; k < K; k++)
        if (!(theta[k] > 0.0))
            return NEG_INF;
    if (!(alpha >= 0.0) || !(beta > 0.0))
        return NEG_INF;
#if HAVE_MVEC
    if (use_avx2())
        fast_pass_avx2(d, theta, level, &o);
    else
        fast_pass_generic(d, theta, level, &o);
#else
    fast_pass_generic(d, theta, level, &o);
#endif
    if (o.bad)
        return NEG_INF;
    double S = 0.0, Sp = 0.0, Spp = 0.0;
    if (n > 0) {
        double tau = d->T - d->t[n - 1];
        double eT = exp(-beta * tau);
        S = eT * (1.0 + o.A);
        Sp = -tau * S + eT * o.B;
        Spp = -tau * Sp - tau * eT * o.B + eT * o.C;
    }
    double N = (double)n, NS = N - S, b2 = beta * beta;
    /* f = (N - S)/beta and its beta-derivatives: the compensator of the
     * excitation is alpha f. */
    double f = NS / beta;
    double fp = -Sp / beta - NS / b2;
    double fpp = -Spp / beta + 2.0 * Sp / b2 + 2.0 * NS / (b2 * beta);
    double ll = o.sumlog - alpha * f;
    for (size_t k = 0; k < K; k++)
        ll -= theta[k] * d->reg_W[k];
    if (grad && level >= 1) {
        for (size_t k = 0; k < K; k++)
            grad[k] = o.s0[k] - d->reg_W[k];
        grad[K] = o.sa - f;
        grad[K + 1] = alpha * o.sb - alpha * fp;
    }
    if (hess && level == 2) {
        memset(hess, 0, sizeof(double) * P * P);
        for (size_t k = 0; k < K; k++) {
            hess[k * P + k] = -o.q00[k];
            hess[k * P + K] = hess[K * P + k] = -o.q0a[k];
            hess[k * P + K + 1] = hess[(K + 1) * P + k] = -alpha * o.q0b[k];
        }
        hess[K * P + K] = -o.qaa;
        hess[K * P + K + 1] = hess[(K + 1) * P + K] = o.sb - alpha * o.qab - fp;
        hess[(K + 1) * P + K + 1] =
            alpha * o.sc - alpha * alpha * o.qbb - alpha * fpp;
    }
    return isfinite(ll) ? ll : NEG_INF;
}

double exo__hawkes_loglik(const struct hawkes_data *d, const double *theta,
                          double *grad)
{
    return evaluate(d, theta, grad ? 1 : 0, grad, NULL);
}

double exo__hawkes_loglik_hess(const struct hawkes_data *d, const double *theta,
                               double *grad, double *hess)
{
    return evaluate(d, theta, 2, grad, hess);
}

/* The recursion A_i = e_i (1 + A_{i-1}) over one chunk whose e_i are in A. */
static inline __attribute__((always_inline)) void
excitation_pass(const struct hawkes_data *d, double beta, double *A_out,
                double *A_last, int avx)
{
    const double *t = d->t;
    size_t n = d->n;
    double A = 0.0;
    for (size_t i0 = 0; i0 < n; i0 += CHUNK) {
        size_t m = n - i0 < CHUNK ? n - i0 : CHUNK;
        double *e = A_out + i0;
        e[0] = i0 ? -beta * (t[i0] - t[i0 - 1]) : 0.0;
#pragma omp simd
        for (size_t j = 1; j < m; j++)
            e[j] = -beta * (t[i0 + j] - t[i0 + j - 1]);
        vmath(e, m, avx, 0);
        if (i0 == 0)
            e[0] = 0.0;
        for (size_t j = 0; j < m; j++) {
            A = avx ? __builtin_fma(e[j], A, e[j]) : e[j] * A + e[j];
            e[j] = A;
        }
    }
    *A_last = A;
}

/*
 * Over (mu_0..mu_{K-1}, alpha) at a fixed decay, from the stored A_i:
 * sum log(lambda), and the sums the gradient and Hessian need.
 */
struct fixed_out {
    double sumlog, sa, qaa;
    double s0[EXO_HAWKES_MAX_REGIMES], q00[EXO_HAWKES_MAX_REGIMES];
    double q0a[EXO_HAWKES_MAX_REGIMES];
    int bad;
};

static inline __attribute__((always_inline)) void
fixed_pass(const struct hawkes_data *d, const double *A, const double *theta,
           int want_value, int avx, struct fixed_out *o)
{
    double buf[CHUNK];
    size_t K = d->n_regimes, n_seg = seg_count(d);
    double alpha = theta[K];
    memset(o, 0, sizeof *o);
    for (size_t s = 0; s < n_seg; s++) {
        size_t k, first, end;
        double ws;
        seg_get(d, s, &k, &first, &end, &ws);
        double mu = theta[k] * ws;
        for (size_t i0 = first; i0 < end; i0 += CHUNK) {
            size_t m = end - i0 < CHUNK ? end - i0 : CHUNK;
            const double *a = A + i0;
            /* Counted, not a min reduction: see fast_pass. */
            double nonpos = 0.0, c0 = 0, ca = 0, c00 = 0, c0a = 0, caa = 0;
#pragma omp simd reduction(+ : nonpos, c0, ca, c00, c0a, caa)
            for (size_t j = 0; j < m; j++) {
                double lam = mu + alpha * a[j];
                double inv = 1.0 / lam, inv2 = inv * inv;
                nonpos += lam <= 0.0 ? 1.0 : 0.0;
                c0 += inv;
                ca += a[j] * inv;
                c00 += inv2;
                c0a += a[j] * inv2;
                caa += a[j] * a[j] * inv2;
                buf[j] = lam;
            }
            if (nonpos > 0.0) {
                o->bad = 1;
                return;
            }
            if (want_value) {
                vmath(buf, m, avx, 1);
                double cl = 0.0;
#pragma omp simd reduction(+ : cl)
                for (size_t j = 0; j < m; j++)
                    cl += buf[j];
                o->sumlog += cl;
            }
            o->s0[k] += ws * c0;
            o->q00[k] += ws * ws * c00;
            o->q0a[k] += ws * c0a;
            o->sa += ca;
            o->qaa += caa;
        }
    }
}

#if HAVE_MVEC
__attribute__((target("avx2,fma"))) static void
excitation_avx2(const struct hawkes_data *d, double beta, double *A_out,
                double *A_last)
{
    excitation_pass(d, beta, A_out, A_last, 1);
}

__attribute__((target("avx2,fma"))) static void
fixed_avx2(const struct hawkes_data *d, const double *A, const double *theta,
           int want_value, struct fixed_out *o)
{
    if (want_value)
        fixed_pass(d, A, theta, 1, 1, o);
    else
        fixed_pass(d, A, theta, 0, 1, o);
}
#endif

void exo__hawkes_excitation(const struct hawkes_data *d, double beta,
                            double *A_out, double *S)
{
    double A_last = 0.0;
    size_t n = d->n;
#if HAVE_MVEC
    if (use_avx2())
        excitation_avx2(d, beta, A_out, &A_last);
    else
        excitation_pass(d, beta, A_out, &A_last, 0);
#else
    excitation_pass(d, beta, A_out, &A_last, 0);
#endif
    *S = n ? exp(-beta * (d->T - d->t[n - 1])) * (1.0 + A_last) : 0.0;
}

double exo__hawkes_fixed_eval(const struct hawkes_data *d, const double *A,
                              const double *theta, double c, double *grad,
                              double *hess, int want_value)
{
    struct fixed_out o;
    size_t K = d->n_regimes, P = K + 1;
    double alpha = theta[K];
    for (size_t k = 0; k < K; k++)
        if (!(theta[k] > 0.0))
            return NEG_INF;
    if (!(alpha >= 0.0))
        return NEG_INF;
#if HAVE_MVEC
    if (use_avx2())
        fixed_avx2(d, A, theta, want_value, &o);
    else
        fixed_pass(d, A, theta, want_value, 0, &o);
#else
    fixed_pass(d, A, theta, want_value, 0, &o);
#endif
    if (o.bad)
        return NEG_INF;
    double ll = o.sumlog - alpha * c;
    for (size_t k = 0; k < K; k++)
        ll -= theta[k] * d->reg_W[k];
    if (grad) {
        for (size_t k = 0; k < K; k++)
            grad[k] = o.s0[k] - d->reg_W[k];
        grad[K] = o.sa - c;
    }
    if (hess) {
        memset(hess, 0, sizeof(double) * P * P);
        for (size_t k = 0; k < K; k++) {
            hess[k * P + k] = -o.q00[k];
            hess[k * P + K] = hess[K * P + k] = -o.q0a[k];
        }
        hess[K * P + K] = -o.qaa;
    }
    return isfinite(ll) ? ll : NEG_INF;
}
