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
 *
 * Per-pair decay (opts->pair_decay): R_ij decays at beta_ij, so row i has
 * its own D states and the likelihood separates by row in (mu_i,
 * alpha_i., beta_i.). The fit starts at the shared-decay estimate (so
 * its log L is never below it), maximises each row's profile over log
 * beta_i. by BFGS (optim.c; the profile's gradient is the partial
 * derivative at the row's optimum), and polishes all parameters by
 * Newton as above. A pair with alpha_ij = 0 leaves beta_ij unidentified:
 * it is held and reported NaN. The branching entries' SEs use the
 * covariance of (alpha_ij, beta) or (alpha_ij, beta_ij).
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_complex_math.h>
#include <gsl/gsl_eigen.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_min.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core/exo.h"
#include "model/optim.h"

#define MV_MAX_DIM 8
/* The shared model's P; the pair model's is MV_MAX_PP. */
#define MV_MAX_P (MV_MAX_DIM + MV_MAX_DIM * MV_MAX_DIM + 1)
#define MV_MAX_PP (MV_MAX_DIM + 2 * MV_MAX_DIM * MV_MAX_DIM)

struct mv {
    const double *t; /* shifted to [0, T] */
    const int *dim;
    size_t n, D;
    bool pair;       /* theta holds beta_ij (P = D + 2 D^2) */
    double blo, bhi; /* pair: decays are kept in [blo, bhi] */
    double T;
    double N[MV_MAX_DIM];
    double *R; /* n x D: R_j just before each event, for a fixed beta */
    double S[MV_MAX_DIM];
};

/* theta = (mu_0..mu_{D-1}, alpha row major, beta). */
static double mv_eval_shared(const struct mv *m, const double *theta,
                             double *grad)
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

/*
 * Row i of the per-pair model: log L_i at mu, a = alpha_i., b = beta_i.,
 * and when 'g' is not NULL its gradient over (mu, a_0..a_{D-1},
 * b_0..b_{D-1}) (2 D + 1 entries). One pass over all events, D exps each.
 */
static double row_pair_eval(const struct mv *m, size_t i, double mu,
                            const double *a, const double *b, double *g)
{
    size_t D = m->D;
    double R[MV_MAX_DIM] = {0}, Rp[MV_MAX_DIM] = {0};
    double pending[MV_MAX_DIM] = {0}, e[MV_MAX_DIM];
    double ll = 0.0, tprev = 0.0;
    if (!(mu > 0.0))
        return -(double)INFINITY;
    for (size_t j = 0; j < D; j++)
        if (!(b[j] > 0.0))
            return -(double)INFINITY;
    if (g)
        memset(g, 0, sizeof(double) * (2 * D + 1));
    for (size_t k = 0; k < m->n; k++) {
        double dt = m->t[k] - tprev;
        if (dt > 0.0)
            for (size_t j = 0; j < D; j++) {
                R[j] += pending[j];
                pending[j] = 0.0;
            }
        for (size_t j = 0; j < D; j++) {
            e[j] = exp(-b[j] * dt);
            R[j] *= e[j];
            Rp[j] = e[j] * Rp[j] - dt * R[j];
        }
        if ((size_t)m->dim[k] == i) {
            double lam = mu;
            for (size_t j = 0; j < D; j++)
                lam += a[j] * R[j];
            if (!(lam > 0.0))
                return -(double)INFINITY;
            ll += log(lam);
            if (g) {
                double inv = 1.0 / lam;
                g[0] += inv;
                for (size_t j = 0; j < D; j++) {
                    g[1 + j] += R[j] * inv;
                    g[1 + D + j] += a[j] * Rp[j] * inv;
                }
            }
        }
        pending[(size_t)m->dim[k]] += 1.0;
        tprev = m->t[k];
    }
    double tau = m->T - tprev;
    for (size_t j = 0; j < D; j++) {
        double eT = exp(-b[j] * tau);
        double S = eT * (R[j] + pending[j]), Sp = eT * Rp[j] - tau * S;
        double f = (m->N[j] - S) / b[j];
        double fp = -Sp / b[j] - (m->N[j] - S) / (b[j] * b[j]);
        ll -= a[j] * f;
        if (g) {
            g[1 + j] -= f;
            g[1 + D + j] -= a[j] * fp;
        }
    }
    ll -= mu * m->T;
    if (g)
        g[0] -= m->T;
    return isfinite(ll) ? ll : -(double)INFINITY;
}

/* The per-pair model: the sum of its rows. */
static double mv_eval_pair(const struct mv *m, const double *theta,
                           double *grad)
{
    size_t D = m->D, DD = D * D;
    double ll = 0.0, g[2 * MV_MAX_DIM + 1];
    for (size_t i = 0; i < D; i++) {
        double li = row_pair_eval(m, i, theta[i], theta + D + i * D,
                                  theta + D + DD + i * D, grad ? g : NULL);
        if (!isfinite(li))
            return -(double)INFINITY;
        ll += li;
        if (grad) {
            grad[i] = g[0];
            for (size_t j = 0; j < D; j++) {
                grad[D + i * D + j] = g[1 + j];
                grad[D + DD + i * D + j] = g[1 + D + j];
            }
        }
    }
    return ll;
}

static double mv_eval(const struct mv *m, const double *theta, double *grad)
{
    return m->pair ? mv_eval_pair(m, theta, grad)
                   : mv_eval_shared(m, theta, grad);
}

/* R_j before each event and S_j, with stream j's events decaying at b[j]. */
static void mv_states(struct mv *m, const double *b)
{
    size_t D = m->D;
    double R[MV_MAX_DIM] = {0}, pending[MV_MAX_DIM] = {0}, tprev = 0.0;
    double e[MV_MAX_DIM];
    for (size_t k = 0; k < m->n; k++) {
        for (size_t j = 0; j < D; j++)
            e[j] = j > 0 && b[j] == b[j - 1] ? e[j - 1]
                                             : exp(-b[j] * (m->t[k] - tprev));
        if (m->t[k] > tprev)
            for (size_t j = 0; j < D; j++) {
                R[j] += pending[j];
                pending[j] = 0.0;
            }
        for (size_t j = 0; j < D; j++) {
            R[j] *= e[j];
            m->R[k * D + j] = R[j];
        }
        pending[(size_t)m->dim[k]] += 1.0;
        tprev = m->t[k];
    }
    for (size_t j = 0; j < D; j++)
        R[j] += pending[j];
    for (size_t j = 0; j < D; j++) {
        e[j] =
            j > 0 && b[j] == b[j - 1] ? e[j - 1] : exp(-b[j] * (m->T - tprev));
        m->S[j] = e[j] * R[j];
    }
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

/* Projected Newton for target i at the stored states (column decays
 * 'b'); p in/out. */
static double row_fit(const struct mv *m, size_t i, const double *b, double *p)
{
    size_t D = m->D, Q = D + 1;
    double c[MV_MAX_DIM + 1], g[MV_MAX_DIM + 1];
    double H[(MV_MAX_DIM + 1) * (MV_MAX_DIM + 1)], step[MV_MAX_DIM + 1];
    double cand[MV_MAX_DIM + 1];
    int fr[MV_MAX_DIM + 1];
    c[0] = m->T;
    for (size_t j = 0; j < D; j++)
        c[j + 1] = (m->N[j] - m->S[j]) / b[j];
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
    double ll = 0.0, p[MV_MAX_DIM + 1], b[MV_MAX_DIM] = {0};
    for (size_t j = 0; j < D; j++)
        b[j] = beta;
    mv_states(m, b);
    for (size_t i = 0; i < D; i++) {
        p[0] = theta[i];
        for (size_t j = 0; j < D; j++)
            p[j + 1] = theta[D + i * D + j];
        ll += row_fit(m, i, b, p);
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
    double tp[MV_MAX_PP], gp[MV_MAX_PP], gm[MV_MAX_PP];
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
    double r = EXO_NAN;
    if (ev && ws && gsl_eigen_nonsymm(&mv.matrix, ev, ws) == GSL_SUCCESS) {
        r = 0.0;
        for (size_t i = 0; i < D; i++)
            r = fmax(r, gsl_complex_abs(gsl_vector_complex_get(ev, i)));
    }
    gsl_eigen_nonsymm_free(ws);
    gsl_vector_complex_free(ev);
    return r;
}

/* The decay of pair i (row major index) in theta. */
static double decay_of(const struct mv *m, const double *theta, size_t i)
{
    size_t DD = m->D * m->D;
    return m->pair ? theta[m->D + DD + i] : theta[m->D + DD];
}

static double radius_of(const struct mv *m, const double *theta)
{
    double G[MV_MAX_DIM * MV_MAX_DIM];
    for (size_t i = 0; i < m->D * m->D; i++)
        G[i] = theta[m->D + i] / decay_of(m, theta, i);
    return spectral_radius(G, m->D);
}

/*
 * Newton steps on the free parameters of 'theta' (P; fr[a] says which)
 * with the differenced Hessian and a halving line search that keeps them
 * positive; 'work' holds 2 P^2 doubles. Returns the steps taken.
 */
static int mv_polish(const struct mv *m, double *theta, size_t P, const int *fr,
                     double *work)
{
    double g[MV_MAX_PP], step[MV_MAX_PP], cand[MV_MAX_PP], v[MV_MAX_PP];
    double *H = work, *M = work + P * P;
    size_t idx[MV_MAX_PP];
    int iters = 0;
    for (int it = 0; it < 20; it++) {
        double ll = mv_eval(m, theta, g);
        mv_hessian(m, theta, P, H);
        size_t F = 0;
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
        memset(step, 0, sizeof(double) * P);
        for (size_t a = 0; a < F; a++)
            step[idx[a]] = v[a];
        double s = 1.0, lc = -(double)INFINITY;
        for (int h = 0; h < 30; h++, s *= 0.5) {
            int ok = 1;
            for (size_t a = 0; a < P; a++) {
                cand[a] = theta[a] + s * step[a];
                if (fr[a] && !(cand[a] > 0.0))
                    ok = 0;
                if (m->pair && a >= P - m->D * m->D &&
                    !(cand[a] >= m->blo && cand[a] <= m->bhi))
                    ok = 0;
            }
            if (ok && (lc = mv_eval(m, cand, NULL)) >= ll - 1e-12 * fabs(ll))
                break;
        }
        if (!(lc >= ll - 1e-12 * fabs(ll)))
            break;
        double moved = 0.0;
        for (size_t a = 0; a < P; a++) {
            moved = fmax(moved, fabs(cand[a] - theta[a]) /
                                    fmax(fabs(theta[a]), 1e-12));
            theta[a] = cand[a];
        }
        iters++;
        if (moved < 1e-13)
            break;
    }
    return iters;
}

/*
 * The inverse of -H over the free parameters into 'cov' (P x P, NaN
 * elsewhere); 'M' is P^2 scratch. False when -H is not positive definite
 * there (then all of 'cov' is NaN).
 */
static bool mv_cov(const double *H, size_t P, const int *fr, double *cov,
                   double *M)
{
    size_t idx[MV_MAX_PP], F = 0;
    for (size_t a = 0; a < P * P; a++)
        cov[a] = EXO_NAN;
    for (size_t a = 0; a < P; a++)
        if (fr[a])
            idx[F++] = a;
    for (size_t a = 0; a < F; a++)
        for (size_t b = 0; b < F; b++)
            M[a * F + b] = -H[idx[a] * P + idx[b]];
    gsl_matrix_view mv = gsl_matrix_view_array(M, F, F);
    bool pd = gsl_linalg_cholesky_decomp1(&mv.matrix) == GSL_SUCCESS &&
              gsl_linalg_cholesky_invert(&mv.matrix) == GSL_SUCCESS;
    for (size_t a = 0; a < F && pd; a++)
        for (size_t b = 0; b < F; b++)
            cov[idx[a] * P + idx[b]] = M[a * F + b];
    return pd;
}

/* One row of the per-pair fit: its profile over log beta_i. for BFGS. */
struct pair_row {
    struct mv *m;
    size_t i;
    double p[MV_MAX_DIM + 1]; /* (mu_i, alpha_i.): warm start, result */
};

static double neg_row_profile(const double *x, double *grad, void *ud)
{
    struct pair_row *r = ud;
    size_t D = r->m->D;
    double b[MV_MAX_DIM] = {0}, g[2 * MV_MAX_DIM + 1];
    for (size_t j = 0; j < D; j++) {
        b[j] = exp(x[j]);
        if (!(b[j] >= r->m->blo && b[j] <= r->m->bhi))
            return (double)INFINITY;
    }
    mv_states(r->m, b);
    double ll = row_fit(r->m, r->i, b, r->p);
    if (!isfinite(ll))
        return (double)INFINITY;
    /* Envelope theorem: the profile's slope is the partial derivative at
     * the row's optimum (mu, alpha) for these decays. */
    row_pair_eval(r->m, r->i, r->p[0], r->p + 1, b, g);
    for (size_t j = 0; j < D; j++)
        grad[j] = -g[1 + D + j] * b[j];
    return -ll;
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
    exo__free(fit->beta_pair);
    exo__free(fit->beta_pair_se);
    exo__free(fit->branching_se);
    exo__free(fit->branching_lo);
    exo__free(fit->branching_hi);
    exo__free(fit->cov);
    memset(fit, 0, sizeof *fit);
}

/*
 * Validates the input and fills 'm': times shifted into a new '*t', the
 * state array, the window [*t0, *t1] and the counts. 'min_events' is the
 * fewest events accepted (EXO_ENUMERIC below it).
 */
static exo_code mv_setup(const double *times, const int *dims, size_t n,
                         size_t D, const exo_hawkes_opts *opts,
                         size_t min_events, struct mv *m, double **t,
                         double *t0, double *t1, exo_err *err)
{
    memset(m, 0, sizeof *m);
    *t = NULL;
    if (D < 1 || D > MV_MAX_DIM)
        return exo__fail(err, EXO_EINVAL, "%zu streams (expected 1 to %d)", D,
                         MV_MAX_DIM);
    if (n < min_events || n == 0)
        return exo__fail(err, EXO_ENUMERIC,
                         "too few events to fit: %zu (at least %zu needed)", n,
                         min_events);
    if (!times || !dims)
        return exo__fail(err, EXO_EINVAL, "no event times or streams");
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
    if (opts && opts->pair_decay && opts->fixed_beta > 0.0)
        return exo__fail(err, EXO_EINVAL,
                         "a held decay and one decay per pair exclude each "
                         "other");
    if (opts && opts->has_window) {
        *t0 = opts->t_start;
        *t1 = opts->t_end;
        if (!(*t1 > *t0) || times[0] < *t0 || times[n - 1] > *t1)
            return exo__fail(err, EXO_EINVAL,
                             "events lie outside the window [%g, %g]", *t0,
                             *t1);
    } else {
        *t0 = times[0];
        *t1 = times[n - 1];
        if (!(*t1 > *t0))
            return exo__fail(err, EXO_ENUMERIC, "all events at one time");
    }
    *t = exo__calloc(n, sizeof **t);
    m->R = exo__calloc(n * D, sizeof *m->R);
    if (!*t || !m->R) {
        exo__free(*t);
        exo__free(m->R);
        *t = NULL;
        m->R = NULL;
        return exo__fail(err, EXO_ENOMEM, "allocating %zu events", n);
    }
    for (size_t k = 0; k < n; k++) {
        (*t)[k] = times[k] - *t0;
        m->N[dims[k]] += 1.0;
    }
    m->t = *t;
    m->dim = dims;
    m->n = n;
    m->D = D;
    m->T = *t1 - *t0;
    m->pair = opts && opts->pair_decay;
    return EXO_OK;
}

exo_code exo_mhawkes_loglik(const double *times, const int *dims, size_t n,
                            size_t dim, const exo_hawkes_opts *opts,
                            const double *theta, double *loglik, double *grad,
                            exo_err *err)
{
    struct mv m;
    double *t, t0, t1;
    exo_code rc = mv_setup(times, dims, n, dim, opts, 1, &m, &t, &t0, &t1, err);
    if (rc)
        return rc;
    size_t D = dim, DD = D * D, P = m.pair ? D + 2 * DD : D + DD + 1;
    for (size_t a = 0; a < P && !rc; a++) {
        bool positive = a < D || a >= D + DD;
        if (!isfinite(theta[a]) ||
            (positive ? !(theta[a] > 0.0) : !(theta[a] >= 0.0)))
            rc = exo__fail(err, EXO_EINVAL,
                           "theta[%zu] = %g (baselines and decays must be "
                           "> 0, jumps >= 0)",
                           a, theta[a]);
    }
    if (!rc) {
        *loglik = mv_eval(&m, theta, grad);
        if (!isfinite(*loglik))
            rc = exo__fail(err, EXO_ENUMERIC,
                           "an intensity is not positive at theta");
    }
    exo__free(t);
    exo__free(m.R);
    return rc;
}

exo_code exo_mhawkes_fit(const double *times, const int *dims, size_t n,
                         size_t dim, const exo_hawkes_opts *opts,
                         exo_mhawkes *out, exo_err *err)
{
    exo_code rc = EXO_OK;
    struct mv m;
    double *t = NULL, *work = NULL;
    gsl_min_fminimizer *bm = NULL;
    size_t D = dim, DD = D * D, P = D + DD + 1;
    double t0, t1;
    memset(out, 0, sizeof *out);
    rc = mv_setup(times, dims, n, dim, opts, 3 * dim, &m, &t, &t0, &t1, err);
    if (rc)
        return rc;
    bool pair = m.pair;
    m.pair = false; /* the shared fit comes first */
    exo__gsl_init();
    for (size_t i = 0; i < D; i++)
        if (m.N[i] == 0.0) {
            rc = exo__fail(err, EXO_ENUMERIC, "stream %zu has no events", i);
            goto out;
        }
    double theta[MV_MAX_PP], best[MV_MAX_PP], ll_best = -(double)INFINITY;
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
    size_t PP = D + 2 * DD;
    work = exo__calloc(3 * PP * PP, sizeof *work);
    if (!work) {
        rc = exo__fail(err, EXO_ENOMEM, "allocating the Hessian");
        goto out;
    }
    double *H = work, *cov = work + 2 * PP * PP;
    /* Newton polish on all parameters (the interior ones). */
    double g[MV_MAX_PP];
    int fr[MV_MAX_PP] = {0}, iters = 0;
    bool fixed = opts && opts->fixed_beta > 0.0;
    for (size_t a = 0; a < P; a++)
        fr[a] = best[a] > 0.0 && !(fixed && a == P - 1);
    iters = mv_polish(&m, best, P, fr, work);
    ll_best = mv_eval(&m, best, g);
    double ll_shared = ll_best;
    if (pair) {
        /* Start every pair at the shared decay, then each row's decays. */
        double beta = best[P - 1];
        for (size_t a = 0; a < DD; a++)
            best[D + DD + a] = beta;
        /* The range of the shared decay's search, and beta itself. */
        m.blo = fmin(beta, 1.0 / m.T);
        m.bhi = fmax(beta, 1000.0 * (double)n / m.T);
        m.pair = true;
        P = PP;
        for (size_t i = 0; i < D; i++) {
            struct pair_row r;
            struct optim_result res;
            double x[MV_MAX_DIM], gx[MV_MAX_DIM], p0[MV_MAX_DIM + 1];
            r.m = &m;
            r.i = i;
            r.p[0] = best[i];
            for (size_t j = 0; j < D; j++) {
                r.p[j + 1] = best[D + i * D + j];
                x[j] = log(beta);
            }
            memcpy(p0, r.p, sizeof p0);
            double f0 = neg_row_profile(x, gx, &r);
            memcpy(r.p, p0, sizeof p0);
            rc = exo__optim_bfgs(neg_row_profile, &r, D, x, 0.1, 1e-6, 200,
                                 &res, err);
            if (rc)
                goto out;
            double f1 = neg_row_profile(x, gx, &r);
            if (!(f1 <= f0)) {
                for (size_t j = 0; j < D; j++)
                    x[j] = log(beta);
                memcpy(r.p, p0, sizeof p0);
            }
            iters += res.iterations;
            best[i] = r.p[0];
            for (size_t j = 0; j < D; j++) {
                best[D + i * D + j] = r.p[j + 1];
                best[D + DD + i * D + j] = exp(x[j]);
            }
        }
        /* A pair without excitation has no decay to estimate; a decay at
         * an end of its range is held there (not identified either). */
        for (size_t a = 0; a < P; a++)
            fr[a] = a < D + DD ? best[a] > 0.0
                               : best[a - DD] > 0.0 &&
                                     best[a] > m.blo * (1.0 + 1e-6) &&
                                     best[a] < m.bhi * (1.0 - 1e-6);
        iters += mv_polish(&m, best, P, fr, work);
        ll_best = mv_eval(&m, best, g);
    }
    mv_hessian(&m, best, P, H);
    double gmax = 0.0;
    for (size_t a = 0; a < P; a++)
        if (fr[a])
            gmax = fmax(gmax, fabs(best[a] * g[a]));
    /* Covariance over the free parameters. */
    bool pd = mv_cov(H, P, fr, cov, work + P * P);
    out->converged = pd && gmax < 1e-4 * fmax(1.0, sqrt((double)n));
    out->n_per_dim = exo__calloc(D, sizeof(size_t));
    out->mu = exo__calloc(D, sizeof(double));
    out->mu_se = exo__calloc(D, sizeof(double));
    out->alpha = exo__calloc(DD, sizeof(double));
    out->alpha_se = exo__calloc(DD, sizeof(double));
    out->branching = exo__calloc(DD, sizeof(double));
    out->beta_pair = exo__calloc(DD, sizeof(double));
    out->beta_pair_se = exo__calloc(DD, sizeof(double));
    out->branching_se = exo__calloc(DD, sizeof(double));
    out->branching_lo = exo__calloc(DD, sizeof(double));
    out->branching_hi = exo__calloc(DD, sizeof(double));
    out->cov = exo__calloc(P * P, sizeof(double));
    if (!out->n_per_dim || !out->mu || !out->mu_se || !out->alpha ||
        !out->alpha_se || !out->branching || !out->beta_pair ||
        !out->beta_pair_se || !out->branching_se || !out->branching_lo ||
        !out->branching_hi || !out->cov) {
        exo_mhawkes_release(out);
        rc = exo__fail(err, EXO_ENOMEM, "allocating the result");
        goto out;
    }
    out->dim = D;
    out->n_events = n;
    out->t_start = t0;
    out->t_end = t1;
    out->pair_decay = pair;
    out->n_params = P;
    memcpy(out->cov, cov, sizeof(double) * P * P);
    out->level =
        opts && opts->level > 0.0 && opts->level < 1.0 ? opts->level : 0.95;
    double z = gsl_cdf_ugaussian_Pinv(0.5 + 0.5 * out->level);
    for (size_t i = 0; i < D; i++) {
        out->n_per_dim[i] = (size_t)m.N[i];
        out->mu[i] = best[i];
        out->mu_se[i] = sqrt(cov[i * P + i]);
    }
    if (pair) {
        out->beta = out->beta_se = (double)NAN;
    } else {
        out->beta = best[P - 1];
        out->beta_se = fixed ? 0.0 : sqrt(cov[(P - 1) * P + P - 1]);
    }
    for (size_t i = 0; i < DD; i++) {
        size_t ia = D + i, ib = pair ? D + DD + i : P - 1;
        double al = best[ia], b = best[ib];
        out->alpha[i] = al;
        out->alpha_se[i] = sqrt(cov[ia * P + ia]);
        out->branching[i] = al / b;
        out->beta_pair[i] = pair && !(al > 0.0) ? (double)NAN : b;
        out->beta_pair_se[i] = pair ? sqrt(cov[ib * P + ib]) : out->beta_se;
        /* n = alpha / b: gradient (1 / b, -alpha / b^2); a held decay
         * has no variance. */
        double se = EXO_NAN;
        if (fr[ia]) {
            double caa = cov[ia * P + ia];
            double cbb = fr[ib] ? cov[ib * P + ib] : 0.0;
            double cab = fr[ib] ? cov[ia * P + ib] : 0.0;
            se = sqrt(caa / (b * b) + al * al * cbb / (b * b * b * b) -
                      2.0 * al * cab / (b * b * b));
        }
        out->branching_se[i] = se;
        out->branching_lo[i] = fmax(0.0, out->branching[i] - z * se);
        out->branching_hi[i] = out->branching[i] + z * se;
        if (isnan(se))
            out->branching_lo[i] = out->branching_hi[i] = (double)NAN;
    }
    out->spectral_radius = spectral_radius(out->branching, D);
    /* Delta method: gradient of the radius by central differences. */
    {
        double gr[MV_MAX_PP] = {0}, tp[MV_MAX_PP], var = 0.0;
        for (size_t a = D; a < P; a++) {
            if (!fr[a])
                continue;
            double h = 1e-6 * fabs(best[a]);
            memcpy(tp, best, sizeof(double) * P);
            tp[a] = best[a] + h;
            double rp = radius_of(&m, tp);
            tp[a] = best[a] - h;
            double rm = radius_of(&m, tp);
            gr[a] = (rp - rm) / (2.0 * h);
        }
        for (size_t a = 0; a < P; a++)
            for (size_t b = 0; b < P; b++)
                if (fr[a] && fr[b])
                    var += gr[a] * cov[a * P + b] * gr[b];
        out->spectral_radius_se = sqrt(var);
        out->spectral_radius_lo =
            fmax(0.0, out->spectral_radius - z * out->spectral_radius_se);
        out->spectral_radius_hi =
            out->spectral_radius + z * out->spectral_radius_se;
    }
    out->loglik = ll_best;
    out->loglik_shared = ll_shared;
    out->loglik_poisson = ll_pois;
    out->lr = fmax(0.0, 2.0 * (ll_best - ll_pois));
    out->iterations = iters;
    out->grad_norm = gmax;
out:
    gsl_min_fminimizer_free(bm);
    exo__free(work);
    exo__free(t);
    exo__free(m.R);
    return rc;
}

/* ---- simulation ---- */

exo_code exo_mhawkes_simulate(size_t dim, const double *mu, const double *alpha,
                              const double *beta, double t_end, uint64_t seed,
                              size_t max_events, double **times, int **dims,
                              size_t *n, exo_err *err)
{
    size_t D = dim, count = 0, cap = 0;
    double E[MV_MAX_DIM * MV_MAX_DIM] = {0}, t = 0.0;
    double *tb = NULL;
    int *db = NULL;
    exo_code rc = EXO_OK;
    *times = NULL;
    *dims = NULL;
    *n = 0;
    if (D < 1 || D > MV_MAX_DIM)
        return exo__fail(err, EXO_EINVAL, "%zu streams (expected 1 to %d)", D,
                         MV_MAX_DIM);
    for (size_t i = 0; i < D; i++)
        if (!(mu[i] > 0.0) || !isfinite(mu[i]))
            return exo__fail(err, EXO_EINVAL, "mu[%zu] = %g is not > 0", i,
                             mu[i]);
    for (size_t a = 0; a < D * D; a++)
        if (!(alpha[a] >= 0.0) || !(beta[a] > 0.0) || !isfinite(alpha[a]) ||
            !isfinite(beta[a]))
            return exo__fail(err, EXO_EINVAL,
                             "pair %zu: alpha %g, beta %g are not alpha >= "
                             "0, beta > 0",
                             a, alpha[a], beta[a]);
    if (!(t_end > 0.0) || !isfinite(t_end))
        return exo__fail(err, EXO_EINVAL, "window [0, %g] is empty", t_end);
    if (max_events == 0)
        return exo__fail(err, EXO_EINVAL, "max_events is 0");
    exo__gsl_init();
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    if (!r)
        return exo__fail(err, EXO_ENOMEM, "allocating a random generator");
    gsl_rng_set(r, (unsigned long)(seed ? seed : 1));
    /* E[i * D + j]: the excitation of stream i by stream j's events. The
     * total intensity only falls between events, so its value now bounds
     * it until the next candidate. */
    for (;;) {
        double bound = 0.0;
        for (size_t i = 0; i < D; i++)
            bound += mu[i];
        for (size_t a = 0; a < D * D; a++)
            bound += E[a];
        double w = gsl_ran_exponential(r, 1.0 / bound);
        t += w;
        if (t > t_end)
            break;
        double lam[MV_MAX_DIM], total = 0.0;
        for (size_t i = 0; i < D; i++) {
            lam[i] = mu[i];
            for (size_t j = 0; j < D; j++) {
                E[i * D + j] *= exp(-beta[i * D + j] * w);
                lam[i] += E[i * D + j];
            }
            total += lam[i];
        }
        double u = gsl_rng_uniform(r) * bound;
        if (u > total)
            continue;
        size_t s = 0;
        for (double acc = lam[0]; acc < u && s + 1 < D; acc += lam[++s])
            ;
        if (count == max_events) {
            rc = exo__fail(err, EXO_ENUMERIC,
                           "more than %zu events: the process is explosive",
                           max_events);
            goto out;
        }
        if (count == cap) {
            size_t nc = cap ? 2 * cap : 1024;
            double *nt = exo__calloc(nc, sizeof *nt);
            int *nd = exo__calloc(nc, sizeof *nd);
            if (!nt || !nd) {
                exo__free(nt);
                exo__free(nd);
                rc = exo__fail(err, EXO_ENOMEM, "allocating %zu events", nc);
                goto out;
            }
            if (count) {
                memcpy(nt, tb, count * sizeof *nt);
                memcpy(nd, db, count * sizeof *nd);
            }
            exo__free(tb);
            exo__free(db);
            tb = nt;
            db = nd;
            cap = nc;
        }
        tb[count] = t;
        db[count] = (int)s;
        count++;
        for (size_t i = 0; i < D; i++)
            E[i * D + s] += alpha[i * D + s];
    }
out:
    gsl_rng_free(r);
    if (rc) {
        exo__free(tb);
        exo__free(db);
        return rc;
    }
    *times = tb;
    *dims = db;
    *n = count;
    return EXO_OK;
}
