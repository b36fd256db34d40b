/*
 * optim.c - GSL multimin (vector_bfgs2) behind plain arrays, and the GSL
 * status adapter. GSL's default error handler aborts; exo__gsl_init turns
 * it off once for the process (the one documented global, STYLE 3.3).
 */
#include "model/optim.h"

#include <math.h>
#include <string.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>

#include "core/exo.h"

void exo__gsl_init(void)
{
    /* Idempotent and race-free in effect: every caller stores the same. */
    gsl_set_error_handler_off();
}

exo_code exo__fail_gsl(exo_err *err, int status, const char *doing)
{
    exo_code code = status == GSL_ENOMEM ? EXO_ENOMEM : EXO_ENUMERIC;
    exo__fail(err, code, "%s: %s", doing, gsl_strerror(status));
    if (err && err->code == code)
        err->sys = status;
    return code;
}

struct bridge {
    optim_fdf fdf;
    void *ud;
    size_t dim;
    double *xb, *gb; /* scratch of dim each */
};

/* A large finite value keeps GSL's line search backing off, where an
 * infinity would poison its interpolation. */
#define INFEASIBLE 1e300

static double b_f(const gsl_vector *x, void *p)
{
    struct bridge *b = p;
    for (size_t i = 0; i < b->dim; i++)
        b->xb[i] = gsl_vector_get(x, i);
    double f = b->fdf(b->xb, b->gb, b->ud);
    return isfinite(f) ? f : INFEASIBLE;
}

static void b_fdf(const gsl_vector *x, void *p, double *f, gsl_vector *g)
{
    struct bridge *b = p;
    for (size_t i = 0; i < b->dim; i++)
        b->xb[i] = gsl_vector_get(x, i);
    double v = b->fdf(b->xb, b->gb, b->ud);
    bool ok = isfinite(v);
    for (size_t i = 0; i < b->dim && ok; i++)
        ok = isfinite(b->gb[i]);
    *f = ok ? v : INFEASIBLE;
    for (size_t i = 0; i < b->dim; i++)
        gsl_vector_set(g, i, ok ? b->gb[i] : 0.0);
}

static void b_df(const gsl_vector *x, void *p, gsl_vector *g)
{
    double f;
    b_fdf(x, p, &f, g);
}

exo_code exo__optim_bfgs(optim_fdf fdf, void *ud, size_t dim, double *x,
                         double step, double gtol, int max_iter,
                         struct optim_result *res, exo_err *err)
{
    exo_code rc = EXO_OK;
    double xb[32], gb[32];
    struct bridge b = {fdf, ud, dim, xb, gb};
    gsl_multimin_function_fdf fn;
    gsl_multimin_fdfminimizer *s = NULL;
    gsl_vector *x0 = NULL;
    memset(res, 0, sizeof *res);
    if (dim == 0 || dim > 32)
        return exo__bug(err, "optimiser dimension out of range");
    exo__gsl_init();
    fn.n = dim;
    fn.f = b_f;
    fn.df = b_df;
    fn.fdf = b_fdf;
    fn.params = &b;
    x0 = gsl_vector_alloc(dim);
    s = gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2,
                                        dim);
    if (!x0 || !s) {
        rc = exo__fail(err, EXO_ENOMEM, "allocating the optimiser");
        goto out;
    }
    for (size_t i = 0; i < dim; i++)
        gsl_vector_set(x0, i, x[i]);
    int status = gsl_multimin_fdfminimizer_set(s, &fn, x0, step, 0.1);
    if (status) {
        rc = exo__fail_gsl(err, status, "starting the optimiser");
        goto out;
    }
    int iter = 0;
    do {
        iter++;
        status = gsl_multimin_fdfminimizer_iterate(s);
        if (status)
            break; /* GSL_ENOPROG and friends: no further progress */
        status = gsl_multimin_test_gradient(s->gradient, gtol);
    } while (status == GSL_CONTINUE && iter < max_iter);
    if (status == GSL_ENOMEM) {
        rc = exo__fail_gsl(err, status, "optimising");
        goto out;
    }
    res->iterations = iter;
    res->status = status;
    res->converged = status == GSL_SUCCESS;
    res->f = s->f;
    res->grad_norm = gsl_blas_dnrm2(s->gradient);
    for (size_t i = 0; i < dim; i++)
        x[i] = gsl_vector_get(s->x, i);
out:
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(x0);
    return rc;
}
