/*
 * hawkes_int.h - the fit work space shared by hawkes_fit.c (the fit) and
 * hawkes_sim.c (the bootstrap refits it).
 */
#ifndef EXO_MODEL_HAWKES_INT_H
#define EXO_MODEL_HAWKES_INT_H

#include "model/hawkes.h"

struct fit_ws {
    struct hawkes_data d;
    double *t;              /* the times shifted to [0, T]: owned */
    double *A;              /* n scratch: excitation, then rescaled times */
    struct hawkes_seg *seg; /* baseline-weight segments: owned, or NULL */
    double t0;              /* window start, to shift back */
    double fixed_beta;      /* > 0 when the decay is held */
    double beta_min;        /* the least decay searched (> 0) */
    const double *start;    /* (mu_k, alpha, beta) to start from, or NULL */
    double mu_pois[EXO_HAWKES_MAX_REGIMES]; /* N_k / L_k */
    double ll_pois;
    double x_hat[HAWKES_MAX_P]; /* (log mu_k, log n, log beta) at the MLE */
    double beta_boundary;       /* best grid decay when alpha = 0 wins */
};

/* Validates and copies; on failure nothing is held. */
exo_code exo__hawkes_ws_init(struct fit_ws *w, const double *times, size_t n,
                             const exo_hawkes_opts *o, exo_err *err);
void exo__hawkes_ws_release(struct fit_ws *w);

/*
 * The point estimate, SEs and LR test into 'out' (no profile interval, no
 * goodness of fit); 'theta' receives (mu_k, alpha, beta).
 */
exo_code exo__hawkes_fit_ws(struct fit_ws *w, const exo_hawkes_opts *o,
                            exo_hawkes *out, double *theta, exo_err *err);

/*
 * Concave fit of (mu_k, alpha) at decay 'beta'; theta in/out (P = K+2).
 * Stops when the Newton decrement is below 'tol' (log L units).
 */
double exo__hawkes_fit_fixed(struct fit_ws *w, double beta, double *theta,
                             double tol);

/* Newton on the free coordinates of x = (log mu_k, log n, log beta). */
double exo__hawkes_newton_x(struct fit_ws *w, double *x, const int *is_free,
                            int *iters, double *gmax);

#endif
