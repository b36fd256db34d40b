/*
 * hawkes.h - internals shared by the Hawkes files: the data a fit works on
 * (event times shifted to a window [0, T], regimes of a piecewise-constant
 * baseline) and the O(N) log-likelihood kernels of hawkes.c.
 *
 * Parameter vector theta = (mu_0 .. mu_{K-1}, alpha, beta): K baselines,
 * one per regime, then the jump and the decay. P = K + 2 entries.
 */
#ifndef EXO_MODEL_HAWKES_H
#define EXO_MODEL_HAWKES_H

#include <stddef.h>

#include "exodus.h"

#define HAWKES_MAX_P (EXO_HAWKES_MAX_REGIMES + 2)

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
};

/*
 * Fills 'd' for 'n' times already shifted to [0, T] and validated, with
 * breakpoints 'breaks' (n_breaks, ascending, strictly inside (0, T)).
 */
void exo__hawkes_data_init(struct hawkes_data *d, const double *t, size_t n,
                           double T, const double *breaks, size_t n_breaks);

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

/* log L of the piecewise Poisson fit mu_k = N_k / L_k. */
double exo__hawkes_poisson_loglik(const struct hawkes_data *d);

#endif
