/*
 * optim.h - a thin wrapper over GSL's multimin quasi-Newton minimiser
 * (vector_bfgs2) for the model files, and the adapter from GSL statuses to
 * exo_err. Callers never see a gsl_vector: they pass plain arrays.
 */
#ifndef EXO_MODEL_OPTIM_H
#define EXO_MODEL_OPTIM_H

#include <stdbool.h>
#include <stddef.h>

#include "exodus.h"

/* f(x) and its gradient; return a non-finite f where x is infeasible. */
typedef double (*optim_fdf)(const double *x, double *grad, void *ud);

struct optim_result {
    int iterations;
    int status;       /* the last GSL status */
    bool converged;   /* the gradient test was met */
    double f;         /* at the returned x */
    double grad_norm; /* Euclidean norm of the gradient there */
};

/*
 * Minimises 'fdf' over 'dim' variables from 'x' (updated in place) until
 * |grad| < 'gtol' or 'max_iter' iterations; 'step' is the first trial
 * step. Non-convergence is status, not error: EXO_ENOMEM or EXO_ENUMERIC
 * (a GSL failure other than no progress) are the only errors.
 */
exo_code exo__optim_bfgs(optim_fdf fdf, void *ud, size_t dim, double *x,
                         double step, double gtol, int max_iter,
                         struct optim_result *res, exo_err *err);

/*
 * Records a GSL status: GSL_ENOMEM becomes EXO_ENOMEM, the rest
 * EXO_ENUMERIC, with the status in 'sys' and gsl_strerror in the message.
 */
exo_code exo__fail_gsl(exo_err *err, int status, const char *doing);

/* Turns GSL's aborting error handler off (process-wide, idempotent). */
void exo__gsl_init(void);

#endif
