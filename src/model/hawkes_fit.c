/*
 * hawkes_fit.c - maximum likelihood for the exponential Hawkes process,
 * with standard errors, intervals for the branching ratio, the test
 * against Poisson and time-rescaling goodness of fit.
 *
 * Inputs: n sorted times (any unit), a window, optional regime breaks and
 * an optional fixed decay. Output: an exo_hawkes (plain struct). Work
 * space: a shifted copy of the times and one scratch array, 16 bytes per
 * event, allocated once per fit.
 *
 * The likelihood is multi-modal in beta (on ../shared/data/hawkes/pois.txt
 * there is a global maximum at a tiny decay, an interior local maximum and
 * the Poisson boundary), so the search is:
 *   1. a log-spaced grid over beta; at each beta the problem in (mu, alpha)
 *      is concave and a projected Newton method solves it exactly;
 *   2. from the best local maxima of that profile, GSL's BFGS on
 *      x = (log mu_k, log n, log beta), n = alpha / beta;
 *   3. Newton polish on x with the analytic Hessian (hawkes.c);
 *   4. the best of these and of the Poisson boundary (alpha = 0) wins.
 * Standard errors: inverse of the observed information in (mu, alpha,
 * beta). n's Wald interval: delta method. n's profile interval: roots of
 * 2 (l_max - l_p(n)) = chi2_1 quantile, l_p maximised over mu and beta by
 * Newton on (log mu_k, log beta) with log n held. Test against Poisson:
 * alpha = 0 is on the boundary and beta is not identified under the null,
 * so LR is referred to the 50:50 mixture of chi2(0) and chi2(1) at the
 * fitted beta (Self & Liang 1987); the bootstrap is in hawkes_sim.c.
 */
#include <math.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "core/exo.h"
#include "model/hawkes.h"
#include "model/hawkes_int.h"
#include "model/optim.h"
#include "model/rescale.h"

#define NEWTON_MAX 60
#define INNER_MAX 60
#define PROFILE_N_MAX 20.0 /* beyond this the upper end is reported as inf */
/*
 * Smallest decay times window searched. Below it the kernel is flat over
 * the whole window, N - S in the compensator cancels to nothing (hawkes.c)
 * and the likelihood is numerically meaningless.
 */
#define BETA_T_MIN 1e-2
#define NEG_INF (-(double)INFINITY)
#define GRID_TOL 1e-4   /* log L accuracy of the grid profile */
#define FINAL_TOL 1e-13 /* relative, for a fit at a fixed decay */

void exo_hawkes_opts_init(exo_hawkes_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->level = 0.95;
}

/*
 * Solves (-H) x = g for a P x P symmetric 'H' by Cholesky, adding a ridge
 * when -H is not positive definite. Returns 0, or -1 when even the ridge
 * fails. 'x' receives the step.
 */
static int solve_neg(const double *H, const double *g, size_t P, double *x)
{
    double M[HAWKES_MAX_P * HAWKES_MAX_P];
    double ridge = 0.0, scale = 0.0;
    for (size_t i = 0; i < P; i++)
        scale = fmax(scale, fabs(H[i * P + i]));
    if (!(scale > 0.0) || !isfinite(scale))
        return -1;
    for (int attempt = 0; attempt < 30; attempt++) {
        for (size_t i = 0; i < P * P; i++)
            M[i] = -H[i];
        for (size_t i = 0; i < P; i++)
            M[i * P + i] += ridge;
        gsl_matrix_view mv = gsl_matrix_view_array(M, P, P);
        if (gsl_linalg_cholesky_decomp1(&mv.matrix) == GSL_SUCCESS) {
            gsl_vector_const_view gv = gsl_vector_const_view_array(g, P);
            gsl_vector_view xv = gsl_vector_view_array(x, P);
            if (gsl_linalg_cholesky_solve(&mv.matrix, &gv.vector, &xv.vector) ==
                GSL_SUCCESS)
                return 0;
        }
        ridge = ridge > 0.0 ? ridge * 10.0 : scale * 1e-10;
    }
    return -1;
}

/* Inverse of -H into 'cov'; -1 when -H is not positive definite. */
static int neg_inverse(const double *H, size_t P, double *cov)
{
    double M[HAWKES_MAX_P * HAWKES_MAX_P];
    for (size_t i = 0; i < P * P; i++)
        M[i] = -H[i];
    gsl_matrix_view mv = gsl_matrix_view_array(M, P, P);
    if (gsl_linalg_cholesky_decomp1(&mv.matrix) != GSL_SUCCESS)
        return -1;
    if (gsl_linalg_cholesky_invert(&mv.matrix) != GSL_SUCCESS)
        return -1;
    for (size_t i = 0; i < P * P; i++) {
        if (!isfinite(M[i]))
            return -1;
        cov[i] = M[i];
    }
    return 0;
}

/* ---- step 1: concave fit at a fixed decay ---- */

double exo__hawkes_fit_fixed(struct fit_ws *w, double beta, double *theta,
                             double tol)
{
    const struct hawkes_data *d = &w->d;
    size_t K = d->n_regimes, P = K + 1;
    double S, g[HAWKES_MAX_P], H[HAWKES_MAX_P * HAWKES_MAX_P];
    double gc[HAWKES_MAX_P], Hc[HAWKES_MAX_P * HAWKES_MAX_P];
    double step[HAWKES_MAX_P], cand[HAWKES_MAX_P];
    exo__hawkes_excitation(d, beta, w->A, &S);
    double c = ((double)d->n - S) / beta;
    theta[K + 1] = beta;
    for (size_t k = 0; k < K; k++)
        if (!(theta[k] > 0.0))
            theta[k] = w->mu_pois[k];
    if (!(theta[K] >= 0.0) || !isfinite(theta[K]))
        theta[K] = 0.0;
    if (!isfinite(exo__hawkes_fixed_eval(d, w->A, theta, c, g, H, 0))) {
        for (size_t k = 0; k < K; k++)
            theta[k] = w->mu_pois[k];
        theta[K] = 0.0;
        exo__hawkes_fixed_eval(d, w->A, theta, c, g, H, 0);
    }
    /*
     * Newton with the logs left out: along a step delta the objective
     * phi(s) is concave, and for its local quadratic phi(1) >= phi(0)
     * exactly when phi'(1) >= -phi'(0), so the gradient alone decides
     * whether to accept a step or halve it. One value pass at the end.
     */
    for (int it = 0; it < INNER_MAX; it++) {
        /* At alpha = 0 with the gradient pointing outside, the optimum is
         * the Poisson fit (the KKT condition for alpha >= 0). */
        if (theta[K] == 0.0 && g[K] <= 0.0) {
            for (size_t k = 0; k < K; k++)
                theta[k] = w->mu_pois[k];
            exo__hawkes_fixed_eval(d, w->A, theta, c, g, H, 0);
            if (g[K] <= 0.0)
                break;
        }
        if (solve_neg(H, g, P, step))
            break;
        /* Newton decrement g' step / 2: the gap to the maximum of the
         * local quadratic. */
        double dec = 0.0;
        for (size_t k = 0; k < P; k++)
            dec += g[k] * step[k];
        if (0.5 * dec < tol)
            break;
        double s = 1.0;
        int accepted = 0;
        for (int h = 0; h < 50 && !accepted; h++, s *= 0.5) {
            int ok = 1;
            for (size_t k = 0; k < P; k++)
                cand[k] = theta[k] + s * step[k];
            for (size_t k = 0; k < K; k++)
                if (!(cand[k] > 0.0))
                    ok = 0;
            if (!ok)
                continue;
            if (cand[K] < 0.0)
                cand[K] = 0.0;
            if (!isfinite(exo__hawkes_fixed_eval(d, w->A, cand, c, gc, Hc, 0)))
                continue;
            double d0 = 0.0, d1 = 0.0;
            for (size_t k = 0; k < P; k++) {
                double delta = cand[k] - theta[k];
                d0 += g[k] * delta;
                d1 += gc[k] * delta;
            }
            accepted = d0 > 0.0 && d1 >= -d0;
        }
        if (!accepted)
            break;
        memcpy(theta, cand, sizeof(double) * P);
        memcpy(g, gc, sizeof(double) * P);
        memcpy(H, Hc, sizeof(double) * P * P);
    }
    return exo__hawkes_fixed_eval(d, w->A, theta, c, NULL, NULL, 1);
}

/* ---- steps 2-3: quasi-Newton and Newton on log parameters ---- */

/* theta from x = (log mu_k, log n, log beta). */
static void x_to_theta(size_t K, const double *x, double *theta)
{
    for (size_t k = 0; k < K; k++)
        theta[k] = exp(x[k]);
    theta[K + 1] = exp(x[K + 1]);
    theta[K] = exp(x[K] + x[K + 1]);
}

static void theta_to_x(size_t K, const double *theta, double *x)
{
    for (size_t k = 0; k < K; k++)
        x[k] = log(theta[k]);
    x[K + 1] = log(theta[K + 1]);
    x[K] = log(theta[K] / theta[K + 1]);
}

/* Gradient in x from the gradient in theta. */
static void grad_x(size_t K, const double *theta, const double *g, double *gx)
{
    for (size_t k = 0; k < K; k++)
        gx[k] = theta[k] * g[k];
    gx[K] = theta[K] * g[K];
    gx[K + 1] = theta[K] * g[K] + theta[K + 1] * g[K + 1];
}

/* Hessian in x: J' H J plus the terms sum_j g_j d2theta_j/dx dx. */
static void hess_x(size_t K, const double *theta, const double *g,
                   const double *H, double *Hx)
{
    size_t P = K + 2;
    double J[HAWKES_MAX_P * HAWKES_MAX_P];
    memset(J, 0, sizeof(double) * P * P); /* J[j*P + a] = dtheta_j/dx_a */
    for (size_t k = 0; k < K; k++)
        J[k * P + k] = theta[k];
    J[K * P + K] = theta[K];
    J[K * P + K + 1] = theta[K];
    J[(K + 1) * P + K + 1] = theta[K + 1];
    for (size_t a = 0; a < P; a++)
        for (size_t b = 0; b < P; b++) {
            double s = 0.0;
            for (size_t i = 0; i < P; i++) {
                if (J[i * P + a] == 0.0)
                    continue;
                for (size_t j = 0; j < P; j++)
                    s += J[i * P + a] * H[i * P + j] * J[j * P + b];
            }
            Hx[a * P + b] = s;
        }
    for (size_t k = 0; k < K; k++)
        Hx[k * P + k] += theta[k] * g[k];
    Hx[K * P + K] += theta[K] * g[K];
    Hx[K * P + K + 1] += theta[K] * g[K];
    Hx[(K + 1) * P + K] += theta[K] * g[K];
    Hx[(K + 1) * P + K + 1] += theta[K] * g[K] + theta[K + 1] * g[K + 1];
}

/* Inside the searched region: no overflow, and beta >= w->beta_min. */
static int x_feasible(const struct fit_ws *w, const double *x)
{
    size_t K = w->d.n_regimes;
    for (size_t i = 0; i < K + 2; i++)
        if (!(fabs(x[i]) < 300.0))
            return 0;
    return exp(x[K + 1]) >= w->beta_min;
}

struct xfun {
    struct fit_ws *w;
    double scale; /* 1/N: keeps the objective O(1) for the tolerances */
};

static double neg_ll_x(const double *x, double *gx, void *ud)
{
    struct xfun *f = ud;
    size_t K = f->w->d.n_regimes, P = K + 2;
    double theta[HAWKES_MAX_P], g[HAWKES_MAX_P];
    if (!x_feasible(f->w, x))
        return EXO_INF;
    x_to_theta(K, x, theta);
    double ll = exo__hawkes_loglik(&f->w->d, theta, g);
    if (!isfinite(ll))
        return EXO_INF;
    grad_x(K, theta, g, gx);
    for (size_t i = 0; i < P; i++)
        gx[i] *= -f->scale;
    return -ll * f->scale;
}

/*
 * Newton on the coordinates of x where 'is_free' is set, the others held.
 * Returns log L at the final x (updated in place); '*iters' counts steps,
 * '*gmax' is max |dl/dx| over the free coordinates at the end.
 */
double exo__hawkes_newton_x(struct fit_ws *w, double *x, const int *is_free,
                            int *iters, double *gmax)
{
    size_t K = w->d.n_regimes, P = K + 2, F = 0;
    size_t idx[HAWKES_MAX_P];
    double theta[HAWKES_MAX_P], g[HAWKES_MAX_P], H[HAWKES_MAX_P * HAWKES_MAX_P];
    double gx[HAWKES_MAX_P], Hx[HAWKES_MAX_P * HAWKES_MAX_P];
    double gf[HAWKES_MAX_P], Hf[HAWKES_MAX_P * HAWKES_MAX_P];
    double step[HAWKES_MAX_P], xc[HAWKES_MAX_P];
    for (size_t i = 0; i < P; i++)
        if (is_free[i])
            idx[F++] = i;
    x_to_theta(K, x, theta);
    double ll = exo__hawkes_loglik_hess(&w->d, theta, g, H);
    int it = 0;
    *gmax = EXO_INF;
    while (isfinite(ll)) {
        grad_x(K, theta, g, gx);
        hess_x(K, theta, g, H, Hx);
        double gm = 0.0;
        for (size_t a = 0; a < F; a++) {
            gf[a] = gx[idx[a]];
            gm = fmax(gm, fabs(gf[a]));
            for (size_t b = 0; b < F; b++)
                Hf[a * F + b] = Hx[idx[a] * P + idx[b]];
        }
        *gmax = gm;
        if (it >= NEWTON_MAX || gm < 1e-11 * fmax(1.0, fabs(ll)))
            break;
        if (F == 0 || solve_neg(Hf, gf, F, step))
            break;
        double s = 1.0, ll_new = -EXO_INF;
        double th_new[HAWKES_MAX_P], g_new[HAWKES_MAX_P];
        double H_new[HAWKES_MAX_P * HAWKES_MAX_P];
        for (int h = 0; h < 40; h++, s *= 0.5) {
            memcpy(xc, x, sizeof(double) * P);
            double big = 0.0;
            for (size_t a = 0; a < F; a++) {
                xc[idx[a]] += s * step[a];
                big = fmax(big, fabs(s * step[a]));
            }
            if (big > 5.0 || !x_feasible(w, xc))
                continue; /* keep each step within a factor of e^5 */
            x_to_theta(K, xc, th_new);
            ll_new = exo__hawkes_loglik_hess(&w->d, th_new, g_new, H_new);
            if (ll_new >= ll - 1e-12 * fabs(ll))
                break;
        }
        if (!(ll_new >= ll - 1e-12 * fabs(ll)))
            break;
        it++;
        double moved = 0.0;
        for (size_t a = 0; a < F; a++)
            moved = fmax(moved, fabs(xc[idx[a]] - x[idx[a]]));
        memcpy(x, xc, sizeof(double) * P);
        memcpy(theta, th_new, sizeof(double) * P);
        memcpy(g, g_new, sizeof g_new);
        memcpy(H, H_new, sizeof(double) * P * P);
        ll = ll_new;
        if (moved < 1e-14)
            break;
    }
    *iters = it;
    return ll;
}

/* ---- the profile likelihood of n ---- */

/*
 * l_p(n) = max over (mu_k, beta) of log L with alpha = n beta. 'y' holds
 * the warm start (an x vector whose x[K] is overwritten) and the argmax.
 */
static double profile_n(struct fit_ws *w, double n, double *y)
{
    size_t K = w->d.n_regimes, P = K + 2;
    int is_free[HAWKES_MAX_P], iters;
    double gmax, best_ll, best[HAWKES_MAX_P];
    if (w->fixed_beta > 0.0) {
        /* Concave in mu with alpha and beta held: Newton on log mu. */
        for (size_t i = 0; i < P; i++)
            is_free[i] = i < K;
    } else {
        for (size_t i = 0; i < P; i++)
            is_free[i] = i != K;
    }
    y[K] = log(n);
    if (w->fixed_beta > 0.0)
        y[K + 1] = log(w->fixed_beta);
    best_ll = exo__hawkes_newton_x(w, y, is_free, &iters, &gmax);
    memcpy(best, y, sizeof(double) * P);
    if (w->fixed_beta > 0.0)
        return best_ll;
    /* A second start at the MLE's decay guards against a warm start that
     * has wandered into another mode. */
    double y2[HAWKES_MAX_P];
    memcpy(y2, w->x_hat, sizeof(double) * P);
    y2[K] = log(n);
    double ll2 = exo__hawkes_newton_x(w, y2, is_free, &iters, &gmax);
    if (ll2 > best_ll) {
        best_ll = ll2;
        memcpy(best, y2, sizeof(double) * P);
    }
    memcpy(y, best, sizeof(double) * P);
    return best_ll;
}

/* Root of l_max - l_p(n) = half_q between n_in (inside) and n_out. */
static double profile_root(struct fit_ws *w, double l_max, double half_q,
                           double n_in, double h_in, double n_out, double h_out,
                           double *y)
{
    /* h(n) = l_max - l_p(n) - half_q: negative inside, positive outside.
     * Illinois regula falsi, with bisection when it stalls. */
    double a = n_in, fa = h_in, b = n_out, fb = h_out;
    int side = 0;
    for (int it = 0; it < 80; it++) {
        double c = (a * fb - b * fa) / (fb - fa);
        if (!(c > fmin(a, b) && c < fmax(a, b)))
            c = 0.5 * (a + b);
        if (fabs(b - a) < 1e-9 * fmax(1e-6, fabs(c)))
            return c;
        double fc = l_max - profile_n(w, c, y) - half_q;
        if (!isfinite(fc))
            fc = 1.0; /* an infeasible point lies outside the region */
        if (fabs(fc) < 1e-10)
            return c;
        if ((fc < 0) == (fa < 0)) {
            a = c;
            fa = fc;
            if (side == -1)
                fb *= 0.5;
            side = -1;
        } else {
            b = c;
            fb = fc;
            if (side == 1)
                fa *= 0.5;
            side = 1;
        }
    }
    return 0.5 * (a + b);
}

static void profile_interval(struct fit_ws *w, exo_hawkes *out)
{
    size_t K = w->d.n_regimes, P = K + 2;
    double q = gsl_cdf_chisq_Pinv(out->level, 1.0), half_q = 0.5 * q;
    double l_max = out->loglik, y[HAWKES_MAX_P];
    double n_hat = out->n;
    /* Lower end: l_p(0) is the Poisson fit. */
    double h0 = l_max - out->loglik_poisson - half_q;
    if (out->at_boundary || h0 <= 0.0) {
        out->n_prof_lo = 0.0;
    } else {
        memcpy(y, w->x_hat, sizeof(double) * P);
        out->n_prof_lo =
            profile_root(w, l_max, half_q, n_hat, -half_q, 0.0, h0, y);
    }
    /* Upper end: step out until the drop exceeds half_q. */
    double base = n_hat > 0.0 ? n_hat : 0.0;
    double step = fmax(
        0.01, fmax(0.1 * base, 2.0 * (isfinite(out->n_se) ? out->n_se : 0.0)));
    double n_in = base, h_in = -half_q;
    memcpy(y, w->x_hat, sizeof(double) * P);
    if (out->at_boundary) {
        /* No interior estimate: start the search from a small n. */
        y[K + 1] = log(w->beta_boundary);
        for (size_t k = 0; k < K; k++)
            y[k] = log(w->mu_pois[k]);
        h_in = l_max - out->loglik_poisson - half_q;
    }
    for (;;) {
        double n_try = n_in + step;
        if (n_try > PROFILE_N_MAX) {
            out->n_prof_hi = EXO_INF;
            break;
        }
        double yt[HAWKES_MAX_P];
        memcpy(yt, y, sizeof yt);
        double h = l_max - profile_n(w, n_try, yt) - half_q;
        if (!isfinite(h) || h > 0.0) {
            if (!isfinite(h))
                h = 1.0;
            out->n_prof_hi =
                profile_root(w, l_max, half_q, n_in, h_in, n_try, h, y);
            break;
        }
        memcpy(y, yt, sizeof yt);
        n_in = n_try;
        h_in = h;
        step *= 2.0;
    }
    out->has_profile = true;
}

/* ---- the fit ---- */

static exo_code validate(const double *times, size_t n,
                         const exo_hawkes_opts *o, double *t0, double *t1,
                         exo_err *err)
{
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(times[i]))
            return exo__fail(err, EXO_EINVAL,
                             "event %zu: time is not a finite number", i + 1);
        if (i > 0 && times[i] < times[i - 1])
            return exo__fail(err, EXO_EINVAL,
                             "event %zu: times are not sorted (%.17g after "
                             "%.17g)",
                             i + 1, times[i], times[i - 1]);
    }
    if (o->has_window) {
        if (!(isfinite(o->t_start) && isfinite(o->t_end) &&
              o->t_start < o->t_end))
            return exo__fail(err, EXO_EINVAL,
                             "window [%g, %g] is empty (expected start < end)",
                             o->t_start, o->t_end);
        *t0 = o->t_start;
        *t1 = o->t_end;
        for (size_t i = 0; i < n; i++)
            if (times[i] < *t0 || times[i] > *t1)
                return exo__fail(err, EXO_EINVAL,
                                 "event %zu at %.17g is outside the window "
                                 "[%.17g, %.17g]",
                                 i + 1, times[i], *t0, *t1);
    } else {
        if (n == 0)
            return exo__fail(err, EXO_ENUMERIC, "no events: nothing to fit");
        *t0 = times[0];
        *t1 = times[n - 1];
    }
    if (o->n_breaks >= EXO_HAWKES_MAX_REGIMES)
        return exo__fail(err, EXO_EINVAL, "%zu regime breakpoints (at most %d)",
                         o->n_breaks, EXO_HAWKES_MAX_REGIMES - 1);
    for (size_t k = 0; k < o->n_breaks; k++) {
        double b = o->breaks[k];
        if (!(b > *t0 && b < *t1))
            return exo__fail(err, EXO_EINVAL,
                             "regime breakpoint %.17g is not inside the "
                             "window (%.17g, %.17g)",
                             b, *t0, *t1);
        if (k > 0 && !(b > o->breaks[k - 1]))
            return exo__fail(err, EXO_EINVAL,
                             "regime breakpoints are not in increasing order");
    }
    exo_code rc = exo__hawkes_check_weights(o->weight_times, o->weights,
                                            o->n_weights, err);
    if (rc)
        return rc;
    if (!(o->min_beta >= 0.0) || !isfinite(o->min_beta))
        return exo__fail(err, EXO_EINVAL,
                         "min_beta %g is not a rate >= 0 (0: no bound)",
                         o->min_beta);
    if (o->fixed_beta < 0.0 || !isfinite(o->fixed_beta))
        return exo__fail(err, EXO_EINVAL,
                         "fixed decay %g is not a positive number",
                         o->fixed_beta);
    if (!(o->level == 0.0 || (o->level > 0.0 && o->level < 1.0)))
        return exo__fail(err, EXO_EINVAL, "level %g is not in (0, 1)",
                         o->level);
    if (n < 3)
        return exo__fail(err, EXO_ENUMERIC,
                         "too few events to fit: %zu (at least 3 needed)", n);
    if (!(*t1 > *t0) || times[0] == times[n - 1])
        return exo__fail(err, EXO_ENUMERIC,
                         "all %zu events are at one time: the decay cannot "
                         "be estimated",
                         n);
    return EXO_OK;
}

exo_code exo__hawkes_ws_init(struct fit_ws *w, const double *times, size_t n,
                             const exo_hawkes_opts *o, exo_err *err)
{
    double t0 = 0.0, t1 = 0.0, breaks[EXO_HAWKES_MAX_REGIMES];
    memset(w, 0, sizeof *w);
    exo_code rc = validate(times, n, o, &t0, &t1, err);
    if (rc)
        return rc;
    w->t = exo__calloc(n, sizeof(double));
    w->A = exo__calloc(n, sizeof(double));
    if (!w->t || !w->A) {
        exo__hawkes_ws_release(w);
        return exo__fail(err, EXO_ENOMEM, "allocating %zu events", n);
    }
    for (size_t i = 0; i < n; i++)
        w->t[i] = times[i] - t0;
    for (size_t k = 0; k < o->n_breaks; k++)
        breaks[k] = o->breaks[k] - t0;
    exo__hawkes_data_init(&w->d, w->t, n, t1 - t0, breaks, o->n_breaks);
    w->t0 = t0;
    w->fixed_beta = o->fixed_beta;
    w->beta_min = fmax(BETA_T_MIN / w->d.T, o->min_beta);
    w->start = o->start;
    if (o->start) {
        bool ok = o->fixed_beta <= 0.0;
        for (size_t k = 0; k < o->n_breaks + 3 && ok; k++)
            ok = isfinite(o->start[k]) && o->start[k] > 0.0;
        if (!ok) {
            exo__hawkes_ws_release(w);
            return exo__fail(err, EXO_EINVAL,
                             "a start needs every parameter finite and "
                             "positive, and a free decay");
        }
    }
    if (o->n_weights > 0) {
        size_t n_seg;
        w->seg = exo__hawkes_segments(&w->d, t0, o->weight_times, o->weights,
                                      o->n_weights, &n_seg);
        if (!w->seg) {
            exo__hawkes_ws_release(w);
            return exo__fail(err, EXO_ENOMEM, "allocating baseline segments");
        }
        for (size_t s = 0; s < n_seg; s++) {
            const struct hawkes_seg *g = &w->seg[s];
            if (g->end > g->first && !(g->w > 0.0)) {
                size_t i = g->first;
                exo__hawkes_ws_release(w);
                return exo__fail(err, EXO_EINVAL,
                                 "event %zu at %.17g: the baseline weight "
                                 "is 0 there, so a baseline proportional "
                                 "to it cannot explain the event",
                                 i + 1, times[i]);
            }
        }
    }
    for (size_t k = 0; k < w->d.n_regimes; k++) {
        size_t nk = w->d.reg_first[k + 1] - w->d.reg_first[k];
        if (nk == 0) {
            exo__hawkes_ws_release(w);
            return exo__fail(err, EXO_EINVAL,
                             "regime %zu (from %.17g) has no events; move or "
                             "drop the breakpoint",
                             k + 1, w->d.reg_start[k] + t0);
        }
        w->mu_pois[k] = (double)nk / w->d.reg_W[k];
    }
    if (w->d.has_ties && !(o->fixed_beta > 0.0)) {
        exo__hawkes_ws_release(w);
        return exo__fail(err, EXO_ENUMERIC,
                         "events share exact times, which makes the "
                         "likelihood unbounded as the decay grows (spread "
                         "ties within their date precision, or fix the "
                         "decay)");
    }
    return EXO_OK;
}

void exo__hawkes_ws_release(struct fit_ws *w)
{
    exo__free(w->t);
    exo__free(w->A);
    exo__free(w->seg);
    w->t = w->A = NULL;
    w->seg = NULL;
    w->d.seg = NULL;
}

/* The beta grid: log-spaced from 1/T (or the least decay allowed) to 1000
 * times the event rate. */
static size_t beta_grid(const struct hawkes_data *d, double beta_min,
                        double *grid, size_t cap)
{
    double lo = fmax(1.0 / d->T, beta_min), hi = 1000.0 * (double)d->n / d->T;
    if (hi < 100.0 * lo)
        hi = 100.0 * lo;
    double per_decade = d->n > 2000000 ? 1.5 : d->n > 200000 ? 2.5 : 4.0;
    size_t m = (size_t)ceil(per_decade * log10(hi / lo)) + 1;
    if (m > cap)
        m = cap;
    for (size_t i = 0; i < m; i++)
        grid[i] = lo * pow(hi / lo, (double)i / (double)(m - 1));
    return m;
}

/* Fills the estimate-dependent fields of 'out' from theta and the cov. */
static void fill_estimates(struct fit_ws *w, const double *theta,
                           const double *cov, size_t P_cov, exo_hawkes *out)
{
    size_t K = w->d.n_regimes;
    double z = gsl_cdf_ugaussian_Qinv(0.5 * (1.0 - out->level));
    for (size_t k = 0; k < K; k++) {
        out->mu[k] = theta[k];
        out->mu_se[k] = sqrt(cov[k * P_cov + k]);
    }
    out->alpha = theta[K];
    out->alpha_se = sqrt(cov[K * P_cov + K]);
    out->beta = theta[K + 1];
    out->n = theta[K] / theta[K + 1];
    double ga = 1.0 / theta[K + 1];
    double var_n = ga * ga * cov[K * P_cov + K];
    if (P_cov == K + 2) {
        double gb = -theta[K] / (theta[K + 1] * theta[K + 1]);
        out->beta_se = sqrt(cov[(K + 1) * P_cov + K + 1]);
        var_n += 2.0 * ga * gb * cov[K * P_cov + K + 1] +
                 gb * gb * cov[(K + 1) * P_cov + K + 1];
    } else {
        out->beta_se = 0.0;
    }
    out->n_se = sqrt(fmax(var_n, 0.0));
    out->n_wald_lo = fmax(0.0, out->n - z * out->n_se);
    out->n_wald_hi = out->n + z * out->n_se;
    size_t P = K + 2;
    memset(out->cov, 0, sizeof out->cov);
    for (size_t a = 0; a < P_cov; a++)
        for (size_t b = 0; b < P_cov; b++)
            out->cov[a * P + b] = cov[a * P_cov + b];
}

/* Fits with the decay held at w->fixed_beta: concave, Newton only. */
static exo_code fit_fixed_decay(struct fit_ws *w, exo_hawkes *out,
                                double *theta, exo_err *err)
{
    size_t K = w->d.n_regimes, P = K + 1;
    double S, g[HAWKES_MAX_P], H[HAWKES_MAX_P * HAWKES_MAX_P];
    double cov[HAWKES_MAX_P * HAWKES_MAX_P];
    for (size_t k = 0; k < K; k++)
        theta[k] = 0.5 * w->mu_pois[k];
    theta[K] = 0.5 * w->fixed_beta;
    out->loglik = exo__hawkes_fit_fixed(w, w->fixed_beta, theta,
                                        FINAL_TOL * (double)w->d.n);
    if (!isfinite(out->loglik))
        return exo__fail(err, EXO_ENUMERIC,
                         "the likelihood is not finite at any tried point");
    exo__hawkes_excitation(&w->d, w->fixed_beta, w->A, &S);
    double c = ((double)w->d.n - S) / w->fixed_beta;
    exo__hawkes_fixed_eval(&w->d, w->A, theta, c, g, H, 0);
    out->iterations = 1;
    out->n_starts = 1;
    out->fixed_decay = true;
    double gm = 0.0;
    for (size_t k = 0; k < K; k++)
        gm = fmax(gm, fabs(theta[k] * g[k]));
    if (theta[K] > 0.0)
        gm = fmax(gm, fabs(theta[K] * g[K]));
    out->grad_norm = gm;
    if (theta[K] == 0.0) {
        out->at_boundary = true;
        out->converged = g[K] <= 0.0;
        for (size_t k = 0; k < K; k++) {
            out->mu[k] = theta[k];
            out->mu_se[k] = sqrt(theta[k] / w->d.reg_W[k]);
        }
        out->alpha = 0.0;
        out->alpha_se = EXO_NAN;
        out->beta = w->fixed_beta;
        out->beta_se = 0.0;
        out->n = 0.0;
        out->n_se = EXO_NAN;
        out->n_wald_lo = out->n_wald_hi = EXO_NAN;
        return EXO_OK;
    }
    out->converged = gm < 1e-4 * fmax(1.0, sqrt((double)w->d.n));
    if (neg_inverse(H, P, cov))
        return exo__fail(err, EXO_ENUMERIC,
                         "the observed information is singular at the "
                         "estimate");
    theta[K + 1] = w->fixed_beta;
    fill_estimates(w, theta, cov, P, out);
    return EXO_OK;
}

static int cmp_desc(const void *a, const void *b, const double *v)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    return (v[j] > v[i]) - (v[j] < v[i]);
}

/* Fits with a free decay: grid, BFGS from the best modes, Newton. */
static exo_code fit_free_decay(struct fit_ws *w, exo_hawkes *out,
                               double *theta_best, exo_err *err)
{
    enum { GRID_CAP = 64, N_CAND = 3 };
    size_t K = w->d.n_regimes, P = K + 2;
    double grid[GRID_CAP] = {0}, prof[GRID_CAP];
    double gth[GRID_CAP][HAWKES_MAX_P];
    double theta[HAWKES_MAX_P];
    exo_code rc;
    size_t m = 0;
    if (w->start) {
        /* A previous fit's estimate: one start there, no search. */
        m = 1;
        grid[0] = w->start[K + 1];
        memcpy(gth[0], w->start, sizeof(double) * P);
        prof[0] = 0.0;
    } else {
        m = beta_grid(&w->d, w->beta_min, grid, GRID_CAP);
    }
    for (size_t k = 0; k < K; k++)
        theta[k] = 0.5 * w->mu_pois[k];
    theta[K] = 0.5 * grid[0];
    for (size_t i = 0; i < m && !w->start; i++) {
        /* Warm start: keep n from the previous grid point. */
        if (i > 0 && theta[K] > 0.0)
            theta[K] *= grid[i] / grid[i - 1];
        else if (i > 0)
            theta[K] = 0.5 * grid[i];
        prof[i] = exo__hawkes_fit_fixed(w, grid[i], theta, GRID_TOL);
        memcpy(gth[i], theta, sizeof(double) * P);
    }
    /* Local maxima of the profile with alpha > 0, best first. */
    size_t cand[GRID_CAP], n_cand = 0;
    for (size_t i = 0; i < m; i++) {
        if (!(gth[i][K] > 0.0) || !isfinite(prof[i]))
            continue;
        if ((i == 0 || prof[i] >= prof[i - 1]) &&
            (i + 1 == m || prof[i] >= prof[i + 1]))
            cand[n_cand++] = i;
    }
    for (size_t a = 1; a < n_cand; a++)
        for (size_t b = a; b > 0 && cmp_desc(&cand[b - 1], &cand[b], prof) > 0;
             b--) {
            size_t tmp = cand[b];
            cand[b] = cand[b - 1];
            cand[b - 1] = tmp;
        }
    if (n_cand > N_CAND)
        n_cand = N_CAND;
    /* A mode whose profile value is far below the best cannot win: the
     * profile between grid points rises by much less. Skipping it saves a
     * long quasi-Newton walk along a flat ridge. */
    while (n_cand > 1 && prof[cand[n_cand - 1]] <
                             prof[cand[0]] - (10.0 + 1e-3 * (double)w->d.n))
        n_cand--;
    /* The Poisson boundary is always a candidate. */
    double best_ll = w->ll_pois;
    bool best_boundary = true;
    int best_iters = 0;
    double best_gmax = 0.0;
    out->converged = false;
    for (size_t c = 0; c < n_cand; c++) {
        double x[HAWKES_MAX_P];
        struct optim_result res;
        struct xfun fx = {w, 1.0 / (double)w->d.n};
        int is_free[HAWKES_MAX_P], nit;
        double gmax;
        theta_to_x(K, gth[cand[c]], x);
        /* BFGS brings the start into the basin; Newton (quadratic, with
         * the analytic Hessian) finishes, so a loose gradient test on
         * log L / N suffices, looser still when evaluations are costly. */
        double gtol = w->d.n > 1000000 ? 1e-3 : 1e-5;
        rc = exo__optim_bfgs(neg_ll_x, &fx, P, x, 0.1, gtol, 200, &res, err);
        if (rc)
            return rc;
        for (size_t i = 0; i < P; i++)
            is_free[i] = 1;
        double ll = exo__hawkes_newton_x(w, x, is_free, &nit, &gmax);
        out->n_starts++;
        if (!isfinite(ll))
            continue;
        if (ll > best_ll + 1e-9 * fmax(1.0, fabs(best_ll)) ||
            (!best_boundary && ll > best_ll)) {
            best_ll = ll;
            best_boundary = false;
            best_iters = res.iterations + nit;
            best_gmax = gmax;
            memcpy(w->x_hat, x, sizeof(double) * P);
        }
    }
    out->n_starts += 1; /* the boundary */
    out->loglik = best_ll;
    out->iterations = best_iters;
    out->grad_norm = best_gmax;
    double g[HAWKES_MAX_P], H[HAWKES_MAX_P * HAWKES_MAX_P];
    double cov[HAWKES_MAX_P * HAWKES_MAX_P];
    int pd = 0;
    if (!best_boundary) {
        x_to_theta(K, w->x_hat, theta_best);
        exo__hawkes_loglik_hess(&w->d, theta_best, g, H);
        pd = neg_inverse(H, P, cov) == 0;
        /* A best point whose information is singular lies on a ridge at
         * the edge of the parameter space (beta -> 0 or infinity with
         * alpha -> 0). When it is no better than Poisson by more than
         * 1e-3 in log L, the Poisson boundary is the estimate. */
        if (!pd && best_ll - w->ll_pois < 1e-3) {
            best_boundary = true;
            out->loglik = best_ll = w->ll_pois;
        }
    }
    if (best_boundary) {
        /* Poisson wins: alpha = 0, beta not identified. */
        size_t ib = 0;
        for (size_t i = 1; i < m; i++)
            if (prof[i] > prof[ib])
                ib = i;
        w->beta_boundary = grid[ib];
        out->at_boundary = true;
        out->converged = true;
        for (size_t k = 0; k < K; k++) {
            out->mu[k] = w->mu_pois[k];
            out->mu_se[k] = sqrt(w->mu_pois[k] / w->d.reg_W[k]);
            theta_best[k] = w->mu_pois[k];
        }
        theta_best[K] = 0.0;
        theta_best[K + 1] = grid[ib];
        out->alpha = 0.0;
        out->alpha_se = EXO_NAN;
        out->beta = out->beta_se = EXO_NAN;
        out->n = 0.0;
        out->n_se = EXO_NAN;
        out->n_wald_lo = out->n_wald_hi = EXO_NAN;
        return EXO_OK;
    }
    out->decay_at_limit = theta_best[K + 1] < 1.01 * w->beta_min;
    out->converged = pd && !out->decay_at_limit &&
                     best_gmax < 1e-4 * fmax(1.0, sqrt((double)w->d.n));
    if (!pd) {
        /* No interval from a singular information: report the point,
         * unconverged, with no standard errors. */
        for (size_t i = 0; i < P * P; i++)
            cov[i] = EXO_NAN;
    }
    fill_estimates(w, theta_best, cov, P, out);
    return EXO_OK;
}

exo_code exo__hawkes_fit_ws(struct fit_ws *w, const exo_hawkes_opts *o,
                            exo_hawkes *out, double *theta, exo_err *err)
{
    size_t K = w->d.n_regimes;
    exo_code rc;
    memset(out, 0, sizeof *out);
    out->level = o->level > 0.0 ? o->level : 0.95;
    out->n_events = w->d.n;
    out->t_start = w->t0;
    out->t_end = w->t0 + w->d.T;
    out->n_regimes = K;
    for (size_t k = 0; k < K; k++) {
        out->regime_start[k] = w->t0 + w->d.reg_start[k];
        out->regime_events[k] = w->d.reg_first[k + 1] - w->d.reg_first[k];
        out->exposure[k] = w->d.reg_W[k];
    }
    out->weighted = o->n_weights > 0;
    out->weight_end = out->weighted
                          ? exo__hawkes_weight_at(o->weight_times, o->weights,
                                                  o->n_weights, out->t_end)
                          : 1.0;
    w->ll_pois = exo__hawkes_poisson_loglik(&w->d);
    out->loglik_poisson = w->ll_pois;
    if (w->fixed_beta > 0.0)
        rc = fit_fixed_decay(w, out, theta, err);
    else
        rc = fit_free_decay(w, out, theta, err);
    if (rc)
        return rc;
    if (w->fixed_beta > 0.0) {
        theta[K + 1] = w->fixed_beta;
        if (!out->at_boundary)
            theta_to_x(K, theta, w->x_hat);
    }
    out->lr = fmax(0.0, 2.0 * (out->loglik - out->loglik_poisson));
    out->lr_p = out->lr > 0.0 ? 0.5 * gsl_cdf_chisq_Q(out->lr, 1.0) : 1.0;
    double S = 0.0;
    if (theta[K] > 0.0) {
        exo__hawkes_excitation(&w->d, theta[K + 1], w->A, &S);
        out->excitation_end = theta[K] * S;
    }
    return EXO_OK;
}

exo_code exo_hawkes_fit(const double *times, size_t n,
                        const exo_hawkes_opts *opts, exo_hawkes *out,
                        exo_err *err)
{
    exo_hawkes_opts defaults;
    struct fit_ws w;
    double theta[HAWKES_MAX_P];
    exo_code rc;
    if (!out)
        return exo__fail(err, EXO_EINVAL, "no result to fill");
    memset(out, 0, sizeof *out);
    if (!opts) {
        exo_hawkes_opts_init(&defaults);
        opts = &defaults;
    }
    if (n > 0 && !times)
        return exo__fail(err, EXO_EINVAL, "no event times");
    exo__gsl_init();
    rc = exo__hawkes_ws_init(&w, times, n, opts, err);
    if (rc)
        return rc;
    exo_hawkes res;
    rc = exo__hawkes_fit_ws(&w, opts, &res, theta, err);
    if (rc)
        goto out;
    /* A fit at the memory's bound is the best within the model, and its
     * interval is the one within that bound. */
    if (!opts->no_profile &&
        (res.converged || res.at_boundary || res.decay_at_limit))
        profile_interval(&w, &res);
    if (!opts->no_gof) {
        size_t K = w.d.n_regimes;
        double th_p[HAWKES_MAX_P];
        exo__hawkes_rescale(&w.d, theta, w.A);
        res.ks_d = exo__ks_stat(w.A, n);
        for (size_t k = 0; k < K; k++)
            th_p[k] = w.mu_pois[k];
        th_p[K] = 0.0;
        th_p[K + 1] = 1.0;
        exo__hawkes_rescale(&w.d, th_p, w.A);
        res.ks_d_poisson = exo__ks_stat(w.A, n);
        if (exo__ks_pvalue(n, res.ks_d, &res.ks_p) ||
            exo__ks_pvalue(n, res.ks_d_poisson, &res.ks_p_poisson)) {
            rc = exo__fail(err, EXO_ENOMEM, "out of memory for the KS test");
            goto out;
        }
        res.has_gof = true;
    }
    *out = res;
out:
    exo__hawkes_ws_release(&w);
    return rc;
}

exo_code exo_hawkes_loglik_at(const double *times, size_t n,
                              const exo_hawkes_opts *opts, const double *theta,
                              double *loglik, double *grad, double *hess,
                              exo_err *err)
{
    exo_hawkes_opts o;
    struct fit_ws w;
    double g[HAWKES_MAX_P], H[HAWKES_MAX_P * HAWKES_MAX_P];
    if (!opts || !theta || !loglik || (n > 0 && !times))
        return exo__fail(err, EXO_EINVAL, "no options, parameters or result");
    o = *opts;
    o.fixed_beta = 0.0;
    exo_code rc = exo__hawkes_ws_init(&w, times, n, &o, err);
    if (rc == EXO_ENUMERIC && w.d.has_ties) {
        /* Ties only matter to a fit with a free decay; evaluate anyway. */
        o.fixed_beta = 1.0;
        rc = exo__hawkes_ws_init(&w, times, n, &o, err);
    }
    if (rc)
        return rc;
    size_t K = w.d.n_regimes, P = K + 2;
    double ll = exo__hawkes_loglik_hess(&w.d, theta, g, H);
    exo__hawkes_ws_release(&w);
    if (!isfinite(ll))
        return exo__fail(err, EXO_ENUMERIC,
                         "log-likelihood is not finite at these parameters");
    *loglik = ll;
    if (grad)
        memcpy(grad, g, sizeof(double) * P);
    if (hess)
        memcpy(hess, H, sizeof(double) * P * P);
    return EXO_OK;
}

exo_code exo_hawkes_loglik(const double *times, size_t n, double t_end,
                           double mu, double alpha, double beta, double *loglik,
                           double grad[3], exo_err *err)
{
    struct hawkes_data d;
    double theta[3] = {mu, alpha, beta};
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(times[i]) || times[i] < 0.0 || times[i] > t_end)
            return exo__fail(err, EXO_EINVAL,
                             "event %zu at %.17g is outside the window "
                             "[0, %.17g]",
                             i + 1, times[i], t_end);
        if (i > 0 && times[i] < times[i - 1])
            return exo__fail(err, EXO_EINVAL, "event %zu: times are not sorted",
                             i + 1);
    }
    if (!(mu > 0.0) || !(alpha >= 0.0) || !(beta > 0.0) || !isfinite(mu) ||
        !isfinite(alpha) || !isfinite(beta))
        return exo__fail(err, EXO_EINVAL,
                         "parameters (%g, %g, %g) are not mu > 0, alpha >= "
                         "0, beta > 0",
                         mu, alpha, beta);
    exo__hawkes_data_init(&d, times, n, t_end, NULL, 0);
    double ll = exo__hawkes_loglik(&d, theta, grad);
    if (!isfinite(ll))
        return exo__fail(err, EXO_ENUMERIC,
                         "log-likelihood is not finite at (%g, %g, %g)", mu,
                         alpha, beta);
    *loglik = ll;
    return EXO_OK;
}
