/*
 * cox_int.h - what cox.c shares with the fit across workers (cox_dist.c):
 * the Newton-Raphson iteration, so that both take the same steps.
 */
#ifndef EXO_MODEL_COX_INT_H
#define EXO_MODEL_COX_INT_H

#include "core/exo.h"

/* The log-likelihood at 'beta' (scaled covariates), filling the score and
 * information the caller handed exo__cox_newton; a failure (a worker that
 * could not take part) stops the fit. */
typedef exo_code (*exo__cox_eval_fn)(void *ctx, const double *beta,
                                     double *loglik);

exo_code exo__cox_newton(exo__cox_eval_fn eval, void *ctx, double *u,
                         double *imat, size_t p, const double *scale,
                         const exo_cox_opts *opts, exo_cox *out, exo_err *err);

#endif
