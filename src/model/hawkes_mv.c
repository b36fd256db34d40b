/*
 * hawkes_mv.c - D-dimensional exponential Hawkes process with one shared
 * decay: baselines, excitation matrix, branching matrix and its spectral
 * radius, with standard errors.
 *
 *   lambda_i(t) = mu_i + sum_j alpha_ij R_j(t),
 *   R_j(t) = sum_{t^j_k < t} exp(-beta (t - t^j_k))
 *   log L = sum_i [ sum_{k in i} log lambda_i(t_k) - mu_i T
 *                   - sum_j alpha_ij (N_j - S_j) / beta ],
 *   S_j = sum_{k in j} exp(-beta (T - t_k)).
 *
 * R_j and dR_j/dbeta follow the univariate recursions (hawkes.c) across
 * all events in time order. At a fixed beta the problem separates into D
 * concave problems in (mu_i, alpha_i.), solved by projected Newton; the
 * decay is found on a log grid and refined by Brent's method on the
 * profile; a Newton polish on all parameters follows, with the Hessian
 * from central differences of the analytic gradient (steps 1e-5 relative,
 * so about 8 correct digits in the standard errors). The spectral radius's
 * SE is by the delta method with a differenced gradient.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_complex_math.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_min.h>

#include "core/exo.h"
#include "model/optim.h"

#define MV_MAX_DIM 8
#define MV_MAX_P (MV_MAX_DIM + MV_MAX_DIM * MV_MAX_DIM + 1)

struct mv {
    const double *t; /* shifted to [0, T] */
    const int *dim;
    size_t n, D;
    double T;
    double N[MV_MAX_DIM];
    double *R; /* n x D: R_j just before each event, for a fixed beta */
    double S[MV_MAX_DIM];
};

/* theta = (mu_0..mu_{D-1}, alpha row major, beta). */
static double mv_eval(const struct mv *m, const double *theta, double *grad)
{
    size_t D = m->D, P = D + D * D + 1;
    const double *mu = theta, *a = theta + D;
    double beta = theta[P - 1];
    double R[MV_MAX_DIM] = {0}, Rp[MV_MAX_DIM] = {0};
    double pending[MV_MAX_DIM] = {0}; /* events at tprev, not yet in R */
    double ll = 0.0, tprev = 0.0;
    if (!(beta > 0.0))
        return -(double)INFINITY;
    if (grad)
        memset(grad, 0, sizeof(double) * P);
    for (size_t k = 0; k < m->n; k++) {
        double dt = m->t[k] - tprev, e = exp(-beta * dt);
        /* Only strictly earlier events excite: simultaneous ones join R
         * once time moves on. */
        if (dt > 0.0)
            for (size_t j = 0; j < D; j++) {
                R[j] += pending[j];
                pending[j] = 0.0;
            }
        for (size_t j = 0; j < D; j++) {
            R[j] *= e;
            Rp[j] = e * Rp[j] - dt * R[j];
        }
        size_t i = (size_t)m->dim[k];
        double lam = mu[i], dlb = 0.0;
        for (size_t j = 0; j < D; j++) {
            lam += a[i * D + j] * R[j];
            dlb += a[i * D + j] * Rp[j];
        }
        if (!(lam > 0.0))
            return -(double)INFINITY;
        ll += log(lam);
        if (grad) {
            double inv = 1.0 / lam;
            grad[i] += inv;
            for (size_t j = 0; j < D; j++)
                grad[D + i * D + j] += R[j] * inv;
            grad[P - 1] += dlb * inv;
        }
        pending[i] += 1.0;
        tprev = m->t[k];
    }
    for (size_t j = 0; j < D; j++)
        R[j] += pending[j];
    double tau = m->T - tprev, eT = exp(-beta * tau);
    for (size_t j = 0; j < D; j++) {
        double S = eT * R[j], Sp = eT * Rp[j] - tau * S;
        double f = (m->N[j] - S) / beta;
        double fp = -Sp / beta - (m->N[j] - S) / (beta * beta);
        for (size_t i = 0; i < D; i++) {
            ll -= a[i * D + j] * f;
            if (grad) {
                grad[D + i * D + j] -= f;
                grad[P - 1] -= a[i * D + j] * fp;
            }
        }
    }
    for (size_t i = 0; i < D; i++) {
        ll -= mu[i] * m->T;
        if (grad)
            grad[i] -= m->T;
    }
    return isfinite(ll) ? ll : -(double)INFINITY;
}

/* R_j before each event and S_j, for decay 'beta'. */
static void mv_states(struct mv *m, double beta)
{
    size_t D = m->D;
    double R[MV_MAX_DIM] = {0}, pending[MV_MAX_DIM] = {0}, tprev = 0.0;
    for (size_t k = 0; k < m->n; k++) {
        double e = exp(-beta * (m->t[k] - tprev));
        if (m->t[k] > tprev)
            for (size_t j = 0; j < D; j++) {
                R[j] += pending[j];
                pending[j] = 0.0;
            }
        for (size_t j = 0; j < D; j++) {
            R[j] *= e;
            m->R[k * D + j] = R[j];
        }
        pending[(size_t)m->dim[k]] += 1.0;
        tprev = m->t[k];
    }
    for (size_t j = 0; j < D; j++)
        R[j] += pending[j];
    double eT = exp(-beta * (m->T - tprev));
    for (size_t j = 0; j < D; j++)
        m->S[j] = eT * R[j];
}

/*
 * Target i at the stored states: value, gradient, Hessian over
 * p = (mu_i, alpha_i0 .. alpha_i,D-1).
 */
static double row_eval(const struct mv *m, size_t i, const double *p,
                       const double *c, double *g, double *H)
{
    size_t D = m->D, Q = D + 1;
    double ll = 0.0;
    if (g) {
        memset(g, 0, sizeof(double) * Q);
        memset(H, 0, sizeof(double) * Q * Q);
    }
    for (size_t k = 0; k < m->n; k++) {
        if ((size_t)m->dim[k] != i)
            continue;
        double x[MV_MAX_DIM + 1];
        x[0] = 1.0;
        for (size_t j = 0; j < D; j++)
            x[j + 1] = m->R[k * D + j];
        double lam = 0.0;
        for (size_t q = 0; q < Q; q++)
            lam += p[q] * x[q];
        if (!(lam > 0.0))
            return -(double)INFINITY;
        ll += log(lam);
        if (g) {
            double inv = 1.0 / lam, inv2 = inv * inv;
            for (size_t a = 0; a < Q; a++) {
                g[a] += x[a] * inv;
                for (size_t b = 0; b < Q; b++)
                    H[a * Q + b] -= x[a] * x[b] * inv2;
            }
        }
    }
    for (size_t q = 0; q < Q; q++) {
        ll -= p[q] * c[q];
        if (g)
            g[q] -= c[q];
    }
    return ll;
}

/* Solves -H[free] step = g[free] by Cholesky; -1 if not definite. */
static int solve_free(const double *H, const double *g, const int *fr, size_t Q,
                      double *step)
{
    double M[(MV_MAX_DIM + 1) * (MV_MAX_DIM + 1)], v[MV_MAX_DIM + 1];
    size_t idx[MV_MAX_DIM + 1], F = 0;
    for (size_t q = 0; q < Q; q++)
        if (fr[q])
            idx[F++] = q;
    for (size_t a = 0; a < F; a++) {
        v[a] = g[idx[a]];
        for (size_t b = 0; b < F; b++)
            M[a * F + b] = -H[idx[a] * Q + idx[b]];
    }
    gsl_matrix_view mv = gsl_matrix_view_array(M, F, F);
    gsl_vector_view vv = gsl_vector_view_array(v, F);
    if (F == 0 || gsl_linalg_cholesky_decomp1(&mv.matrix) ||
        gsl_linalg_cholesky_svx(&mv.matrix, &vv.vector))
        return -1;
    memset(step, 0, sizeof(double) * Q);
    for (size_t a = 0; a < F; a++)
        step[idx[a]] = v[a];
    return 0;
}

/* Projected Newton for target i at the stored states; p in/out. */
static double row_fit(const struct mv *m, size_t i, double beta, double *p)
{
    size_t D = m->D, Q = D + 1;
    double c[MV_MAX_DIM + 1], g[MV_MAX_DIM + 1];
    double H[(MV_MAX_DIM + 1) * (MV_MAX_DIM + 1)], step[MV_MAX_DIM + 1];
    double cand[MV_MAX_DIM + 1];
    int fr[MV_MAX_DIM + 1];
    c[0] = m->T;
    for (size_t j = 0; j < D; j++)
        c[j + 1] = (m->N[j] - m->S[j]) / beta;
    double ll = row_eval(m, i, p, c, g, H);
    for (int it = 0; it < 100 && isfinite(ll); it++) {
        fr[0] = 1;
        for (size_t q = 1; q < Q; q++)
            fr[q] = !(p[q] == 0.0 && g[q] <= 0.0);
        if (solve_free(H, g, fr, Q, step))
            break;
        double s = 1.0, ll_new = -(double)INFINITY;
        for (int h = 0; h < 50; h++, s *= 0.5) {
            for (size_t q = 0; q < Q; q++)
                cand[q] = p[q] + s * step[q];
            if (!(cand[0] > 0.0))
                continue;
            for (size_t q = 1; q < Q; q++)
                if (cand[q] < 0.0)
                    cand[q] = 0.0;
            ll_new = row_eval(m, i, cand, c, NULL, NULL);
            if (ll_new >= ll - 1e-12 * fabs(ll))
                break;
        }
        if (!(ll_new >= ll - 1e-12 * fabs(ll)))
            break;
        double moved = 0.0;
        for (size_t q = 0; q < Q; q++) {
            moved = fmax(moved, fabs(cand[q] - p[q]) / fmax(fabs(p[q]), 1e-12));
            p[q] = cand[q];
        }
        double gain = ll_new - ll;
        ll = row_eval(m, i, p, c, g, H);
        if (moved < 1e-12 || (gain < 1e-14 * fabs(ll) && moved < 1e-8))
            break;
    }
    return ll;
}

/* Profile log L at decay 'beta'; theta (P) in/out. */
static double mv_profile(struct mv *m, double beta, double *theta)
{
    size_t D = m->D;
    double ll = 0.0, p[MV_MAX_DIM + 1];
    mv_states(m, beta);
    for (size_t i = 0; i < D; i++) {
        p[0] = theta[i];
        for (size_t j = 0; j < D; j++)
            p[j + 1] = theta[D + i * D + j];
        ll += row_fit(m, i, beta, p);
        theta[i] = p[0];
        for (size_t j = 0; j < D; j++)
            theta[D + i * D + j] = p[j + 1];
    }
    theta[D + D * D] = beta;
    return ll;
}

struct brent_ctx {
    struct mv *m;
    double *theta;
};

static double neg_profile_log(double lb, void *ud)
{
    struct brent_ctx *b = ud;
    double ll = mv_profile(b->m, exp(lb), b->theta);
    return isfinite(ll) ? -ll : 1e300;
}

/* Hessian by central differences of the analytic gradient. */
static void mv_hessian(const struct mv *m, const double *theta, size_t P,
                       double *H)
{
    double tp[MV_MAX_P], gp[MV_MAX_P], gm[MV_MAX_P];
    for (size_t a = 0; a < P; a++) {
        double h = 1e-5 * fmax(fabs(theta[a]), 1e-3);
        memcpy(tp, theta, sizeof(double) * P);
        tp[a] = theta[a] + h;
        mv_eval(m, tp, gp);
        tp[a] = theta[a] - h;
        mv_eval(m, tp, gm);
        for (size_t b = 0; b < P; b++)
            H[a * P + b] = (gp[b] - gm[b]) / (2.0 * h);
    }
    for (size_t a = 0; a < P; a++)
        for (size_t b = a + 1; b < P; b++)
            H[a * P + b] = H[b * P + a] = 0.5 * (H[a * P + b] + H[b * P + a]);
}

/* Largest eigenvalue modulus of the D x D 'G'; NaN on failure. */
static double spectral_radius(const double *G, size_t D)
{
    double M[MV_MAX_DIM * MV_MAX_DIM];
    memcpy(M, G, sizeof(double) * D * D);
    gsl_matrix_view mv = gsl_matrix_view_array(M, D, D);
    gsl_vector_complex *ev = gsl_vector_complex_alloc(D);
    gsl_eigen_nonsymm_workspace *ws = gsl_eigen_nonsymm_alloc(D);
    double r = NAN;
    if (ev && ws && gsl_eigen_nonsymm(&mv.matrix, ev, ws) == GSL_SUCCESS) {
        r = 0.0;
        for (size_t i = 0; i < D; i++)
            r = fmax(r, gsl_complex_abs(gsl_vector_complex_get(ev, i)));
    }
    gsl_eigen_nonsymm_free(ws);
    gsl_vector_complex_free(ev);
    return r;
}

static double radius_of(const double *theta, size_t D)
{
    double G[MV_MAX_DIM * MV_MAX_DIM], beta = theta[D + D * D];
    for (size_t i = 0; i < D * D; i++)
        G[i] = theta[D + i] / beta;
    return spectral_radius(G, D);
}

void exo_mhawkes_release(exo_mhawkes *fit)
{
    if (!fit)
        return;
    exo__free(fit->n_per_dim);
    exo__free(fit->mu);
    exo__free(fit->mu_se);
    exo__free(fit->alpha);
    exo__free(fit->alpha_se);
    exo__free(fit->branching);
    memset(fit, 0, sizeof *fit);
}

exo_code exo_mhawkes_fit(const double *times, const int *dims, size_t n,
                         size_t dim, const exo_hawkes_opts *opts,
                         exo_mhawkes *out, exo_err *err)
{
    exo_code rc = EXO_OK;
    struct mv m;
    double *t = NULL;
    gsl_min_fminimizer *bm = NULL;
    size_t D = dim, P = D + D * D + 1;
    double t0, t1;
    memset(out, 0, sizeof *out);
    memset(&m, 0, sizeof m);
    if (D < 1 || D > MV_MAX_DIM)
        return exo__fail(err, EXO_EINVAL, "%zu streams (expected 1 to %d)", D,
                         MV_MAX_DIM);
    if (n < 3 * D)
        return exo__fail(err, EXO_ENUMERIC,
                         "too few events to fit: %zu (at least %zu needed)", n,
                         3 * D);
    for (size_t k = 0; k < n; k++) {
        if (!isfinite(times[k]) || (k > 0 && times[k] < times[k - 1]))
            return exo__fail(err, EXO_EINVAL,
                             "event %zu: time is not finite or not sorted",
                             k + 1);
        if (dims[k] < 0 || (size_t)dims[k] >= D)
            return exo__fail(err, EXO_EINVAL,
                             "event %zu: stream %d is not in 0..%zu", k + 1,
                             dims[k], D - 1);
    }
    if (opts && (opts->n_breaks > 0 || opts->n_weights > 0))
        return exo__fail(err, EXO_EINVAL,
                         "the multivariate model has a constant baseline "
                         "per stream: regimes and baseline weights are not "
                         "supported");
    if (opts && opts->has_window) {
        t0 = opts->t_start;
        t1 = opts->t_end;
        if (!(t1 > t0) || times[0] < t0 || times[n - 1] > t1)
            return exo__fail(err, EXO_EINVAL,
                             "events lie outside the window [%g, %g]", t0, t1);
    } else {
        t0 = times[0];
        t1 = times[n - 1];
        if (!(t1 > t0))
            return exo__fail(err, EXO_ENUMERIC, "all events at one time");
    }
    exo__gsl_init();
    t = exo__calloc(n, sizeof *t);
    m.R = exo__calloc(n * D, sizeof *m.R);
    if (!t || !m.R) {
        rc = exo__fail(err, EXO_ENOMEM, "allocating %zu events", n);
        goto out;
    }
    for (size_t k = 0; k < n; k++) {
        t[k] = times[k] - t0;
        m.N[dims[k]] += 1.0;
    }
    m.t = t;
    m.dim = dims;
    m.n = n;
    m.D = D;
    m.T = t1 - t0;
    for (size_t i = 0; i < D; i++)
        if (m.N[i] == 0.0) {
            rc = exo__fail(err, EXO_ENUMERIC, "stream %zu has no events", i);
            goto out;
        }
    double theta[MV_MAX_P], best[MV_MAX_P], ll_best = -(double)INFINITY;
    double ll_pois = 0.0;
    for (size_t i = 0; i < D; i++)
        ll_pois += m.N[i] * log(m.N[i] / m.T) - m.N[i];
    if (opts && opts->fixed_beta > 0.0) {
        for (size_t i = 0; i < D; i++) {
            theta[i] = 0.5 * m.N[i] / m.T;
            for (size_t j = 0; j < D; j++)
                theta[D + i * D + j] = 0.1 * opts->fixed_beta;
        }
        ll_best = mv_profile(&m, opts->fixed_beta, theta);
        memcpy(best, theta, sizeof theta);
    } else {
        enum { G = 48 };
        double lo = 1.0 / m.T, hi = 1000.0 * (double)n / m.T, grid[G];
        size_t ng = (size_t)ceil(4.0 * log10(hi / lo)) + 1, ib = 0;
        if (ng > G)
            ng = G;
        for (size_t i = 0; i < D; i++) {
            theta[i] = 0.5 * m.N[i] / m.T;
            for (size_t j = 0; j < D; j++)
                theta[D + i * D + j] = 0.1 * lo;
        }
        for (size_t g = 0; g < ng; g++) {
            grid[g] = lo * pow(hi / lo, (double)g / (double)(ng - 1));
            double ll = mv_profile(&m, grid[g], theta);
            if (ll > ll_best) {
                ll_best = ll;
                ib = g;
                memcpy(best, theta, sizeof theta);
            }
        }
        /* Brent on log beta between the best grid point's neighbours. */
        if (ib > 0 && ib + 1 < ng) {
            struct brent_ctx bc = {&m, theta};
            gsl_function F = {neg_profile_log, &bc};
            memcpy(theta, best, sizeof theta);
            bm = gsl_min_fminimizer_alloc(gsl_min_fminimizer_brent);
            if (!bm) {
                rc = exo__fail(err, EXO_ENOMEM, "allocating a minimiser");
                goto out;
            }
            double x = log(grid[ib]), a = log(grid[ib - 1]),
                   b = log(grid[ib + 1]);
            if (gsl_min_fminimizer_set_with_values(
                    bm, &F, x, -ll_best, a, neg_profile_log(a, &bc), b,
                    neg_profile_log(b, &bc)) == GSL_SUCCESS) {
                for (int it = 0; it < 100; it++) {
                    if (gsl_min_fminimizer_iterate(bm))
                        break;
                    a = gsl_min_fminimizer_x_lower(bm);
                    b = gsl_min_fminimizer_x_upper(bm);
                    if (gsl_min_test_interval(a, b, 1e-12, 0.0) == GSL_SUCCESS)
                        break;
                }
                double xb = gsl_min_fminimizer_x_minimum(bm);
                double ll = mv_profile(&m, exp(xb), theta);
                if (ll > ll_best) {
                    ll_best = ll;
                    memcpy(best, theta, sizeof theta);
                }
            }
        }
    }
    /* Newton polish on all parameters (the interior ones). */
    double g[MV_MAX_P], H[MV_MAX_P * MV_MAX_P], step[MV_MAX_P];
    int fr[MV_MAX_P], iters = 0;
    bool fixed = opts && opts->fixed_beta > 0.0;
    for (size_t a = 0; a < P; a++)
        fr[a] = best[a] > 0.0 && !(fixed && a == P - 1);
    for (int it = 0; it < 20; it++) {
        double ll = mv_eval(&m, best, g);
        mv_hessian(&m, best, P, H);
        double M[MV_MAX_P * MV_MAX_P], v[MV_MAX_P];
        size_t idx[MV_MAX_P], F = 0;
        for (size_t a = 0; a < P; a++)
            if (fr[a])
                idx[F++] = a;
        for (size_t a = 0; a < F; a++) {
            v[a] = g[idx[a]];
            for (size_t b = 0; b < F; b++)
                M[a * F + b] = -H[idx[a] * P + idx[b]];
        }
        gsl_matrix_view mv = gsl_matrix_view_array(M, F, F);
        gsl_vector_view vv = gsl_vector_view_array(v, F);
        if (gsl_linalg_cholesky_decomp1(&mv.matrix) ||
            gsl_linalg_cholesky_svx(&mv.matrix, &vv.vector))
            break;
        memset(step, 0, sizeof step);
        for (size_t a = 0; a < F; a++)
            step[idx[a]] = v[a];
        double cand[MV_MAX_P], s = 1.0, lc = -(double)INFINITY;
        for (int h = 0; h < 30; h++, s *= 0.5) {
            int ok = 1;
            for (size_t a = 0; a < P; a++) {
                cand[a] = best[a] + s * step[a];
                if (fr[a] && !(cand[a] > 0.0))
                    ok = 0;
            }
            if (ok && (lc = mv_eval(&m, cand, NULL)) >= ll - 1e-12 * fabs(ll))
                break;
        }
        if (!(lc >= ll - 1e-12 * fabs(ll)))
            break;
        double moved = 0.0;
        for (size_t a = 0; a < P; a++) {
            moved = fmax(moved,
                         fabs(cand[a] - best[a]) / fmax(fabs(best[a]), 1e-12));
            best[a] = cand[a];
        }
        iters++;
        if (moved < 1e-13)
            break;
    }
    ll_best = mv_eval(&m, best, g);
    mv_hessian(&m, best, P, H);
    double gmax = 0.0;
    for (size_t a = 0; a < P; a++)
        if (fr[a])
            gmax = fmax(gmax, fabs(best[a] * g[a]));
    /* Covariance over the free parameters. */
    double cov[MV_MAX_P * MV_MAX_P];
    size_t idx[MV_MAX_P], F = 0;
    for (size_t a = 0; a < P * P; a++)
        cov[a] = NAN;
    for (size_t a = 0; a < P; a++)
        if (fr[a])
            idx[F++] = a;
    {
        double M[MV_MAX_P * MV_MAX_P];
        for (size_t a = 0; a < F; a++)
            for (size_t b = 0; b < F; b++)
                M[a * F + b] = -H[idx[a] * P + idx[b]];
        gsl_matrix_view mv = gsl_matrix_view_array(M, F, F);
        bool pd = gsl_linalg_cholesky_decomp1(&mv.matrix) == GSL_SUCCESS &&
                  gsl_linalg_cholesky_invert(&mv.matrix) == GSL_SUCCESS;
        for (size_t a = 0; a < F && pd; a++)
            for (size_t b = 0; b < F; b++)
                cov[idx[a] * P + idx[b]] = M[a * F + b];
        out->converged = pd && gmax < 1e-4 * fmax(1.0, sqrt((double)n));
    }
    out->n_per_dim = exo__calloc(D, sizeof(size_t));
    out->mu = exo__calloc(D, sizeof(double));
    out->mu_se = exo__calloc(D, sizeof(double));
    out->alpha = exo__calloc(D * D, sizeof(double));
    out->alpha_se = exo__calloc(D * D, sizeof(double));
    out->branching = exo__calloc(D * D, sizeof(double));
    if (!out->n_per_dim || !out->mu || !out->mu_se || !out->alpha ||
        !out->alpha_se || !out->branching) {
        exo_mhawkes_release(out);
        rc = exo__fail(err, EXO_ENOMEM, "allocating the result");
        goto out;
    }
    double beta = best[P - 1];
    out->dim = D;
    out->n_events = n;
    out->t_start = t0;
    out->t_end = t1;
    for (size_t i = 0; i < D; i++) {
        out->n_per_dim[i] = (size_t)m.N[i];
        out->mu[i] = best[i];
        out->mu_se[i] = sqrt(cov[i * P + i]);
    }
    for (size_t i = 0; i < D * D; i++) {
        out->alpha[i] = best[D + i];
        out->alpha_se[i] = sqrt(cov[(D + i) * P + D + i]);
        out->branching[i] = best[D + i] / beta;
    }
    out->beta = beta;
    out->beta_se = fixed ? 0.0 : sqrt(cov[(P - 1) * P + P - 1]);
    out->spectral_radius = spectral_radius(out->branching, D);
    /* Delta method: gradient of the radius by central differences. */
    {
        double gr[MV_MAX_P] = {0}, tp[MV_MAX_P], var = 0.0;
        for (size_t a = D; a < P; a++) {
            if (!fr[a])
                continue;
            double h = 1e-6 * fabs(best[a]);
            memcpy(tp, best, sizeof(double) * P);
            tp[a] = best[a] + h;
            double rp = radius_of(tp, D);
            tp[a] = best[a] - h;
            double rm = radius_of(tp, D);
            gr[a] = (rp - rm) / (2.0 * h);
        }
        for (size_t a = 0; a < P; a++)
            for (size_t b = 0; b < P; b++)
                if (fr[a] && fr[b])
                    var += gr[a] * cov[a * P + b] * gr[b];
        out->spectral_radius_se = sqrt(var);
    }
    out->loglik = ll_best;
    out->loglik_poisson = ll_pois;
    out->lr = fmax(0.0, 2.0 * (ll_best - ll_pois));
    out->iterations = iters;
    out->grad_norm = gmax;
out:
    gsl_min_fminimizer_free(bm);
    exo__free(t);
    exo__free(m.R);
    return rc;
}
