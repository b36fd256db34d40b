/*
 * surv_util.h - pieces the survival models share: index sorting, the
 * Cholesky routines of R's survival package (LDL' with a tolerance, so a
 * singular column is found and named), and checks on input arrays.
 */
#ifndef EXO_MODEL_SURV_UTIL_H
#define EXO_MODEL_SURV_UTIL_H

#include <stddef.h>

#include <math.h>

#include "core/exo.h"

/* One sort key: 'k1' then 'k2' then 'k3' ascending, then 'idx'. */
struct surv_key {
    double k1, k2, k3;
    size_t idx;
};

/* Sorts 'keys' (stable through idx): a radix sort on the bytes that
 * differ, O(n) per such byte, for large n; a merge sort below. */
void exo__surv_sort_keys(struct surv_key *keys, size_t n);
/* Sorts finite doubles ascending (-0 becomes +0 in a large array). */
void exo__surv_sort_doubles(double *v, size_t n);

/*
 * LDL' decomposition of the symmetric p x p matrix 'a' (row-major; the
 * upper triangle is read) in place, as survival's cholesky2: a pivot below
 * toler * max(diag) is set to 0. Returns the rank, negated when the matrix
 * is not non-negative definite.
 */
int exo__chol(double *a, int p, double toler);
/* Solves (LDL') b = y in place, a zero pivot giving 0 (chsolve2). */
void exo__chol_solve(const double *a, int p, double *y);
/* Replaces the decomposition by the inverse of the matrix (chinv2); the
 * full symmetric inverse is written, rows of zero pivots are 0. */
void exo__chol_inverse(double *a, int p);

/* Checks times and events; names the first bad index. */
exo_code exo__surv_check(size_t n, const double *start, const double *stop,
                         const int *event, exo_err *err);

/* Upper-tail chi-square and two-sided normal p-values (GSL). */
double exo__chisq_q(double x, double df);
double exo__norm_2sided(double z);
double exo__norm_quantile(double p);

#endif
