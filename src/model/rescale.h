/*
 * rescale.h - time-rescaling goodness of fit (Brown et al. 2002; Ogata
 * 1988): under the right model the compensator increments between events
 * are i.i.d. Exp(1), so u_i = 1 - exp(-increment) is uniform and a
 * one-sample Kolmogorov-Smirnov test applies.
 */
#ifndef EXO_MODEL_RESCALE_H
#define EXO_MODEL_RESCALE_H

#include <stddef.h>

#include "model/hawkes.h"

/*
 * The compensator increments Lambda(t_{i-1}, t_i] of the model 'theta'
 * into 'inc' (n entries; the first from 0), each clipped at 0 below.
 */
void exo__hawkes_increments(const struct hawkes_data *d, const double *theta,
                            double *inc);

/*
 * u_i for the n increments (0, t_1], (t_1, t_2], ... of the model 'theta'
 * (P = K + 2 entries; alpha = 0 gives the per-regime Poisson model).
 */
void exo__hawkes_rescale(const struct hawkes_data *d, const double *theta,
                         double *u);

/* The two-sided KS statistic of 'u' against U(0,1); sorts 'u'. */
double exo__ks_stat(double *u, size_t n);
/*
 * exo_ks_pvalue into '*p', but EXO_ENOMEM when the exact computation's
 * scratch cannot be had, where exo_ks_pvalue falls back to the limiting
 * distribution: a fit must not report a different p for want of memory.
 */
int exo__ks_pvalue(size_t n, double d, double *p);

#endif
