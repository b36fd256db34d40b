/*
 * hawkes.h - internals shared by the Hawkes files: the data a fit works on
 * (event times shifted to a window [0, T], regimes of a piecewise-constant
 * baseline) and the O(N) log-likelihood kernels of hawkes.c.
 *
 * Parameter vector theta = (mu_0 .. mu_{K-1}, alpha, beta): K baselines,
 * one per regime, then the jump and the decay. P = K + 2 entries.
 *
 * With a baseline weight w(t) (headcount, piecewise constant) the
 * baseline is mu_k w(t). The kernels then walk segments on which both the
 * regime and the weight are constant; without a weight the segments are
 * the regimes and w = 1, and every product with w is exact, so the
 * unweighted results are bit for bit those of a kernel without weights.
 */
#ifndef EXO_MODEL_HAWKES_H
#define EXO_MODEL_HAWKES_H

#include <stddef.h>

#include "exodus.h"

#define HAWKES_MAX_P (EXO_HAWKES_MAX_REGIMES + 2)

/* A stretch [start, next start) of the window with one regime and weight. */
struct hawkes_seg {
    double start;      /* in [0, T) */
    double w;          /* the baseline weight on it, >= 0 */
    size_t k;          /* its regime */
    size_t first, end; /* its events are t[first .. end) */
};

struct hawkes_data {
    const double *t; /* n sorted times in [0, T] */
    size_t n;
    double T;         /* window length */
    size_t n_regimes; /* K >= 1 */
    /* Regime k covers [reg_start[k], reg_start[k+1]); reg_start[K] = T. */
    double reg_start[EXO_HAWKES_MAX_REGIMES + 1];
    /* Events of regime k are t[reg_first[k] .. reg_first[k+1]). */
    size_t reg_first[EXO_HAWKES_MAX_REGIMES + 1];
    int has_ties; /* two events share a time */
    /* Integral of the baseline weight over regime k: its exposure (the
     * regime's length when there is no weight). */
    double reg_W[EXO_HAWKES_MAX_REGIMES];
    /* NULL: no weight (w = 1), one segment per regime. */
    const struct hawkes_seg *seg;
    size_t n_seg;
};

/*
 * Fills 'd' for 'n' times already shifted to [0, T] and validated, with
 * breakpoints 'breaks' (n_breaks, ascending, strictly inside (0, T)).
 */
void exo__hawkes_data_init(struct hawkes_data *d, const double *t, size_t n,
                           double T, const double *breaks, size_t n_breaks);

/*
 * Splits the window of 'd' (already initialised) at its regime breaks and
 * at the weight changes 'wt' (n_w ascending absolute times, shifted by
 * 't0' into the window; weight 'w[j]' holds from wt[j] to wt[j+1], and
 * w[0] also before wt[0]). Returns the segments (the caller's, freed with
 * exo__free; NULL when out of memory) and points 'd' at them, with reg_W
 * the integrals of the weight.
 */
struct hawkes_seg *exo__hawkes_segments(struct hawkes_data *d, double t0,
                                        const double *wt, const double *w,
                                        size_t n_w, size_t *n_seg);

/* The weight function in absolute time: w[j] for the last wt[j] <= t. */
double exo__hawkes_weight_at(const double *wt, const double *w, size_t n_w,
                             double t);

/*
 * Checks a weight function: both arrays given when n_w > 0, times finite
 * and strictly ascending, weights finite and >= 0. EXO_EINVAL says which.
 */
exo_code exo__hawkes_check_weights(const double *wt, const double *w,
                                   size_t n_w, exo_err *err);

/*
 * log L at 'theta' and, when 'grad' is not NULL, its gradient (P entries),
 * in one pass with vectorised exp and log over chunks. Returns -INFINITY
 * where an intensity at an event is not positive.
 */
double exo__hawkes_loglik(const struct hawkes_data *d, const double *theta,
                          double *grad);

/*
 * The same value, gradient and the analytic Hessian ('hess', P x P, row
 * major), in the same chunked pass with a third recursion for d2A/dbeta2.
 */
double exo__hawkes_loglik_hess(const struct hawkes_data *d, const double *theta,
                               double *grad, double *hess);

/*
 * The excitation A_i at each event for decay 'beta' into 'A' (n entries),
 * with sum_i exp(-beta (T - t_i)) in '*S'. Used by fixed-decay fits.
 */
void exo__hawkes_excitation(const struct hawkes_data *d, double beta, double *A,
                            double *S);

/*
 * At a fixed decay, over (mu_0..mu_{K-1}, alpha) (K + 1 entries in
 * 'theta'), from the A_i of exo__hawkes_excitation and the compensator
 * coefficient c = (N - S) / beta: log L, gradient and Hessian (may be
 * NULL). The problem is concave in these parameters. With 'want_value' 0
 * the logs are skipped and the return is 0 (or -inf where infeasible).
 */
double exo__hawkes_fixed_eval(const struct hawkes_data *d, const double *A,
                              const double *theta, double c, double *grad,
                              double *hess, int want_value);

/* log L of the piecewise Poisson fit mu_k = N_k / W_k (W_k: exposure). */
double exo__hawkes_poisson_loglik(const struct hawkes_data *d);

#endif
