/*
 * cox.c - Cox proportional hazards by Newton-Raphson, as R's coxph
 * (survival's coxfit6 and agfit4) computes it.
 *
 * Inputs: n rows, p covariates (column-major x[k * n + i]), (start, stop]
 * and event per row (start NULL: right-censored), optional strata.
 * Partial log-likelihood, for the distinct event times t of each stratum
 * with D(t) the d rows dying at t and R(t) = {i : start_i < t <= stop_i}:
 *   Breslow: l = sum_t [ sum_{i in D} eta_i - d log S0 ]
 *   Efron:   l = sum_t [ sum_{i in D} eta_i
 *                        - sum_{k=0}^{d-1} log(S0 - (k/d) D0) ]
 * with eta = x'beta, r = exp(eta), S0 = sum_{R} r, D0 = sum_{D} r, and
 * the score and information from S1 = sum r x, S2 = sum r x x' likewise
 * (Therneau & Grambsch 2000, ch. 3). The sums are updated as the time
 * pointer moves down the rows sorted by stop (adding) and by start
 * (removing rows with start >= t), so an evaluation costs O((n + d) p^2).
 *
 * Newton-Raphson exactly as coxfit6: covariates centred (0/1 ones are
 * not) and scaled by n / sum|x - mean|, start at beta = 0, step
 * beta + I^-1 U, halve towards the last good beta when the
 * log-likelihood falls, stop when |1 - l_old / l_new| <= eps (1e-9),
 * at most 20 iterations; LDL' Cholesky with tolerance eps^0.75 finds a
 * singular (collinear or constant) column. Monotone likelihood is found
 * as R does: |U' I^-1|_k > eps and > toler_inf |beta_k|.
 *
 * Concordance: R's concordancefit(y, lp, strata, reverse = TRUE): pairs
 * (death, at risk at that time) counted concordant, discordant, tied on
 * lp, tied on time, tied on both, with Fenwick trees over the ranks of lp;
 * its standard error from the per-row influence (infinitesimal
 * jackknife), var = sum dfbeta^2 / 4.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "model/cox_int.h"
#include "model/surv_util.h"

void exo_cox_release(exo_cox *fit)
{
    if (!fit)
        return;
    exo__free(fit->coef);
    memset(fit, 0, sizeof *fit);
}

/*
 * The start order visits rows all over the stop order, and its loads, each
 * a cache miss left to come one after another, were half the time of an
 * evaluation on 10^6 rows (and much of the concordance's): the walks ask
 * for the row AHEAD places on before its turn. A hint, changing no value.
 */
#if defined(__GNUC__)
#define PREFETCH(addr) __builtin_prefetch(addr)
#else
#define PREFETCH(addr) ((void)(addr))
#endif
enum { AHEAD = 16 };

/* The fitting workspace: rows in stop order, scaled covariates row-major. */
struct cox_ws {
    size_t m, p;
    bool counting;
    double *z;        /* m x p, row r of the stop order */
    double *stop;     /* by stop order */
    double *start;    /* by stop order, NULL when right-censored */
    int *status;      /* by stop order */
    int *stratum;     /* by stop order */
    size_t *by_start; /* positions (in stop order) sorted by start desc */
    size_t *orig;     /* input row of each position */
    double *eta, *risk;
    double *s1, *s2, *d1, *d2, *a, *c; /* p and p*p sums */
    double *u, *imat;
    bool efron;
};

/* One evaluation at 'beta': returns loglik, fills ws->u and ws->imat. */
static double cox_eval(struct cox_ws *ws, const double *beta)
{
    size_t m = ws->m, p = ws->p;
    double *z = ws->z, *u = ws->u, *imat = ws->imat;
    double *s1 = ws->s1, *s2 = ws->s2, *d1 = ws->d1, *d2 = ws->d2;
    double loglik = 0;
    for (size_t i = 0; i < m; i++) {
        double e = 0;
        for (size_t k = 0; k < p; k++)
            e += beta[k] * z[i * p + k];
        ws->eta[i] = e;
        ws->risk[i] = exp(e);
    }
    memset(u, 0, p * sizeof *u);
    memset(imat, 0, p * p * sizeof *imat);
    size_t r = 0, rs = 0;
    while (r < m) {
        /* one stratum: rows [r, end) in stop order */
        int st = ws->stratum[r];
        double s0 = 0;
        size_t nrisk = 0;
        memset(s1, 0, p * sizeof *s1);
        memset(s2, 0, p * p * sizeof *s2);
        while (r < m && ws->stratum[r] == st) {
            double t = ws->stop[r];
            double d0 = 0, ndead = 0;
            memset(d1, 0, p * sizeof *d1);
            memset(d2, 0, p * p * sizeof *d2);
            for (; r < m && ws->stratum[r] == st && ws->stop[r] == t; r++) {
                const double *zi = z + r * p;
                double ri = ws->risk[r];
                nrisk++;
                s0 += ri;
                for (size_t i = 0; i < p; i++) {
                    s1[i] += ri * zi[i];
                    for (size_t j = 0; j <= i; j++)
                        s2[i * p + j] += ri * zi[i] * zi[j];
                }
                if (ws->status[r]) {
                    ndead++;
                    d0 += ri;
                    loglik += ws->eta[r];
                    for (size_t i = 0; i < p; i++) {
                        u[i] += zi[i];
                        d1[i] += ri * zi[i];
                        for (size_t j = 0; j <= i; j++)
                            d2[i * p + j] += ri * zi[i] * zi[j];
                    }
                }
            }
            if (ndead == 0)
                continue;
            if (ws->counting) {
                /* leave out rows that enter at or after t */
                for (; rs < m; rs++) {
                    size_t q = ws->by_start[rs];
                    if (rs + AHEAD < m) {
                        size_t a = ws->by_start[rs + AHEAD];
                        PREFETCH(z + a * p);
                        PREFETCH(ws->risk + a);
                        PREFETCH(ws->start + a);
                        PREFETCH(ws->stratum + a);
                    }
                    if (ws->stratum[q] != st || ws->start[q] < t)
                        break;
                    const double *zq = z + q * p;
                    double rq = ws->risk[q];
                    nrisk--;
                    s0 -= rq;
                    for (size_t i = 0; i < p; i++) {
                        s1[i] -= rq * zq[i];
                        for (size_t j = 0; j <= i; j++)
                            s2[i * p + j] -= rq * zq[i] * zq[j];
                    }
                }
                if (nrisk == 0) { /* cannot happen with deaths; keep exact */
                    s0 = 0;
                    memset(s1, 0, p * sizeof *s1);
                    memset(s2, 0, p * p * sizeof *s2);
                    continue;
                }
            }
            int nd = (int)ndead;
            int n_terms = ws->efron ? nd : 1;
            double wt = ws->efron ? 1.0 : ndead;
            for (int k = 0; k < n_terms; k++) {
                double f = ws->efron ? (double)k / ndead : 0;
                double den = s0 - f * d0;
                loglik -= wt * log(den);
                for (size_t i = 0; i < p; i++) {
                    ws->a[i] = s1[i] - f * d1[i];
                    u[i] -= wt * ws->a[i] / den;
                }
                for (size_t i = 0; i < p; i++) {
                    double mi = ws->a[i] / den;
                    for (size_t j = 0; j <= i; j++)
                        imat[j * p + i] +=
                            wt *
                            ((s2[i * p + j] - f * d2[i * p + j]) -
                             mi * ws->a[j]) /
                            den;
                }
            }
        }
        /* the rows of this stratum still in the start order are skipped */
        while (ws->counting && rs < m && ws->stratum[ws->by_start[rs]] == st)
            rs++;
    }
    return loglik;
}

/* Fenwick tree over ranks 1..nt of the linear predictor. */
static void fw_add(double *tree, size_t nt, size_t x, double w)
{
    for (; x <= nt; x += x & (~x + 1))
        tree[x] += w;
}

static double fw_prefix(const double *tree, size_t x)
{
    double s = 0;
    for (; x > 0; x -= x & (~x + 1))
        s += tree[x];
    return s;
}

/* sums[0]: weight with rank > x, sums[1]: rank < x, sums[2]: rank == x */
static void fw_walkup(const double *tree, const double *node, double total,
                      size_t x, double sums[3])
{
    double below = fw_prefix(tree, x - 1);
    sums[2] = node[x];
    sums[1] = below;
    sums[0] = total - below - node[x];
}

struct conc_tree {
    double *tree, *node, total;
    size_t nt;
};

static void ct_add(struct conc_tree *t, size_t x, double w)
{
    fw_add(t->tree, t->nt, x, w);
    t->node[x] += w;
    t->total += w;
}

static void ct_walk(const struct conc_tree *t, size_t x, double sums[3])
{
    fw_walkup(t->tree, t->node, t->total, x, sums);
}

/* The ranks 1..nt of 'v' (equal values, equal rank) by an LSD radix
 * sort of the order-preserving bits, a byte at a time, skipping the bytes
 * every value shares; 'pair' and 'tmp' hold 2m entries each. Returns nt. */
static size_t rank_values(size_t m, const double *v, size_t *rank,
                          uint64_t *pair, uint64_t *tmp)
{
    uint64_t diff = 0, first = 0;
    for (size_t i = 0; i < m; i++) {
        double x = v[i] == 0 ? 0 : v[i]; /* -0 ranks with +0 */
        uint64_t u;
        memcpy(&u, &x, sizeof u);
        u = (u >> 63) ? ~u : u | ((uint64_t)1 << 63);
        if (i == 0)
            first = u;
        diff |= u ^ first;
        pair[2 * i] = u;
        pair[2 * i + 1] = i;
    }
    uint64_t *src = pair, *dst = tmp;
    for (int b = 0; b < 8; b++) {
        if (!((diff >> (8 * b)) & 0xff))
            continue;
        size_t h[256] = {0};
        for (size_t i = 0; i < m; i++)
            h[(src[2 * i] >> (8 * b)) & 0xff]++;
        size_t pos = 0;
        for (int d = 0; d < 256; d++) {
            size_t c = h[d];
            h[d] = pos;
            pos += c;
        }
        for (size_t i = 0; i < m; i++) {
            size_t q = h[(src[2 * i] >> (8 * b)) & 0xff]++;
            dst[2 * q] = src[2 * i];
            dst[2 * q + 1] = src[2 * i + 1];
        }
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    size_t nt = 0;
    for (size_t i = 0; i < m; i++) {
        if (i == 0 || src[2 * i] != src[2 * i - 2])
            nt++;
        rank[src[2 * i + 1]] = nt;
    }
    return nt;
}

/*
 * Concordance of 'lp' with the survival times, per stratum, as survival's
 * concordance3/concordance4 with unit weights and timewt "n".
 *
 * The rows come in the fit's stop order (stratum, stop descending) and
 * 'by_start' is the fit's start order (stratum, start descending), so
 * neither is sorted again. Within the rows of one stratum and stop the
 * censored rows go first, then the deaths in order of rank (R sorts the
 * deaths by lp so that tied_xy counts runs of equal rank); the order of
 * the censored rows among themselves changes no count.
 */
static exo_code concordance(size_t m, const double *start, const double *stop,
                            const int *status, const int *stratum,
                            const size_t *by_start, const double *lp,
                            exo_cox *out, exo_err *err)
{
    exo_code rc = EXO_OK;
    size_t mm = m ? m : 1;
    size_t *rank = exo__reallocarray(NULL, mm, sizeof *rank);
    size_t *order = exo__reallocarray(NULL, mm, sizeof *order);
    uint64_t *pairs = exo__reallocarray(NULL, 4 * mm, sizeof *pairs);
    double *im = NULL;
    double *trees = NULL;
    struct surv_key *dk = NULL;
    if (!rank || !order || !pairs) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for the concordance");
        goto out;
    }
    size_t nt = rank_values(m, lp, rank, pairs, pairs + 2 * mm);
    exo__free(pairs);
    pairs = NULL;
    /* each row's three influence sums side by side: the rows come in
     * start order as well as stop order, one cache line a visit; taken
     * after the radix sort's pairs are given back, in their memory */
    im = exo__calloc(3 * mm, sizeof *im);
    trees = exo__reallocarray(NULL, 4 * (nt + 1), sizeof *trees);
    if (!im || !trees) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for the concordance");
        goto out;
    }
    /* the order of the walk: per (stratum, stop) block, censored rows
     * first, then the deaths by rank (a few, sorted in place) */
    size_t max_dead = 0;
    for (size_t i = 0, j; i < m; i = j) {
        size_t nd = 0;
        for (j = i; j < m && stratum[j] == stratum[i] && stop[j] == stop[i];
             j++)
            nd += (size_t)status[j];
        if (nd > max_dead)
            max_dead = nd;
    }
    dk = exo__calloc(max_dead ? max_dead : 1, sizeof *dk);
    if (!dk) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for the concordance");
        goto out;
    }
    for (size_t i = 0, j, q = 0; i < m; i = j) {
        size_t nd = 0;
        for (j = i; j < m && stratum[j] == stratum[i] && stop[j] == stop[i];
             j++) {
            if (status[j]) {
                dk[nd].k1 = (double)rank[j];
                dk[nd].k2 = dk[nd].k3 = 0;
                dk[nd].idx = j;
                nd++;
            } else {
                order[q++] = j;
            }
        }
        exo__surv_sort_keys(dk, nd);
        for (size_t k = 0; k < nd; k++)
            order[q++] = dk[k].idx;
    }
    double count[5] = {0, 0, 0, 0, 0};
    struct conc_tree all = {trees, trees + (nt + 1), 0, nt};
    struct conc_tree dead = {trees + 2 * (nt + 1), trees + 3 * (nt + 1), 0, nt};
    size_t i = 0, i2 = 0;
    double wsum[3];
    while (i < m) {
        int st = stratum[order[i]];
        size_t sbeg = i;
        memset(trees, 0, 4 * (nt + 1) * sizeof *trees);
        all.total = dead.total = 0;
        for (; i < m && stratum[order[i]] == st;) {
            size_t ii = order[i];
            if (status[ii] == 0) {
                ct_walk(&dead, rank[ii], wsum);
                im[3 * ii + 0] -= wsum[1];
                im[3 * ii + 1] -= wsum[0];
                im[3 * ii + 2] -= wsum[2];
                ct_add(&all, rank[ii], 1);
                i++;
                continue;
            }
            if (start) {
                for (; i2 < m && stratum[by_start[i2]] == st &&
                       start[by_start[i2]] >= stop[ii];
                     i2++) {
                    size_t jj = by_start[i2];
                    if (i2 + AHEAD < m) {
                        size_t a = by_start[i2 + AHEAD];
                        PREFETCH(start + a);
                        PREFETCH(stratum + a);
                        PREFETCH(rank + a);
                        PREFETCH(im + 3 * a);
                    }
                    ct_walk(&dead, rank[jj], wsum);
                    im[3 * jj + 0] += wsum[1];
                    im[3 * jj + 1] += wsum[0];
                    im[3 * jj + 2] += wsum[2];
                    ct_add(&all, rank[jj], -1);
                }
            }
            size_t ndeath = 0;
            double dwt = 0, dwt2 = 0;
            size_t xsave = rank[ii];
            size_t j;
            for (j = i; j < m && stratum[order[j]] == st && status[order[j]] &&
                        stop[order[j]] == stop[ii];
                 j++) {
                size_t jj = order[j];
                ndeath++;
                count[3] += dwt;
                dwt += 1;
                if (rank[jj] != xsave) {
                    dwt2 = 0;
                    xsave = rank[jj];
                }
                count[4] += dwt2;
                dwt2 += 1;
                ct_walk(&all, rank[jj], wsum);
                count[0] += wsum[0];
                count[1] += wsum[1];
                count[2] += wsum[2];
                im[3 * jj + 0] += wsum[0];
                im[3 * jj + 1] += wsum[1];
                im[3 * jj + 2] += wsum[2];
                ct_add(&dead, rank[jj], 1);
            }
            for (j = i; j < i + ndeath; j++) {
                size_t jj = order[j];
                ct_walk(&dead, rank[jj], wsum);
                im[3 * jj + 0] -= wsum[1];
                im[3 * jj + 1] -= wsum[0];
                im[3 * jj + 2] -= wsum[2];
                ct_add(&all, rank[jj], 1);
            }
            i += ndeath;
        }
        /* finish the influence of the rows still in the tree */
        if (start) {
            for (; i2 < m && stratum[by_start[i2]] == st; i2++) {
                size_t jj = by_start[i2];
                if (i2 + AHEAD < m) {
                    size_t a = by_start[i2 + AHEAD];
                    PREFETCH(stratum + a);
                    PREFETCH(rank + a);
                    PREFETCH(im + 3 * a);
                }
                ct_walk(&dead, rank[jj], wsum);
                im[3 * jj + 0] += wsum[1];
                im[3 * jj + 1] += wsum[0];
                im[3 * jj + 2] += wsum[2];
            }
        } else {
            for (size_t q = sbeg; q < i; q++) {
                size_t jj = order[q];
                ct_walk(&dead, rank[jj], wsum);
                im[3 * jj + 0] += wsum[1];
                im[3 * jj + 1] += wsum[0];
                im[3 * jj + 2] += wsum[2];
            }
        }
    }
    count[3] -= count[4];
    double npair = count[0] + count[1] + count[2];
    out->has_concordance = npair > 0;
    if (npair > 0) {
        double somer = (count[0] - count[1]) / npair, v = 0;
        for (size_t q = 0; q < m; q++) {
            double dfb = (im[3 * q + 0] - im[3 * q + 1]) / npair -
                         (somer / npair) *
                             (im[3 * q + 0] + im[3 * q + 1] + im[3 * q + 2]);
            v += dfb * dfb;
        }
        /* reverse = TRUE: a higher risk score should die first */
        out->concordant = count[1];
        out->discordant = count[0];
        out->tied_x = count[2];
        out->tied_y = count[3];
        out->tied_xy = count[4];
        out->concordance = 1 - (somer + 1) / 2;
        out->concordance_se = sqrt(v / 4);
    }
out:
    exo__free(rank);
    exo__free(order);
    exo__free(pairs);
    exo__free(dk);
    exo__free(im);
    exo__free(trees);
    return rc;
}

static const char *cov_name(const exo_cox_opts *o, size_t k, char buf[32])
{
    if (o->names && o->names[k])
        return o->names[k];
    snprintf(buf, 32, "x%zu", k + 1);
    return buf;
}

/*
 * Newton-Raphson from beta = 0, step for step as coxfit6, on the scaled
 * covariates: 'eval' gives the log-likelihood at beta and fills 'u' and
 * the upper triangle of 'imat' (imat[j * p + i], j <= i). Fills every
 * field of 'out' but the concordance; out->coef and friends are allocated
 * and out->means set by the caller. Shared by exo_cox_fit and the fit
 * across workers (cox_dist.c), so both take the same steps.
 */
exo_code exo__cox_newton(exo__cox_eval_fn eval, void *ctx, double *u,
                         double *imat, size_t p, const double *scale,
                         const exo_cox_opts *opts, exo_cox *out, exo_err *err)
{
    exo_code rc = EXO_OK;
    size_t pp = p * p;
    double eps = opts->eps > 0 ? opts->eps : 1e-9;
    int iter_max = opts->iter_max > 0 ? opts->iter_max : 20;
    double toler_chol =
        opts->toler_chol > 0 ? opts->toler_chol : pow(DBL_EPSILON, 0.75);
    double toler_inf = opts->toler_inf > 0 ? opts->toler_inf : sqrt(eps);
    double level = opts->conf_level > 0 ? opts->conf_level : 0.95;
    char nb[32];
    double *work = exo__calloc(4 * p + pp, sizeof *work);
    if (!work)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    double *beta = work, *newbeta = beta + p;
    double *a = newbeta + p; /* p entries */
    double *tmpm = a + p;    /* pp entries */
    int ip = (int)p;
    for (size_t k = 0; k < p; k++)
        beta[k] = 0;
    double loglik0;
    if ((rc = eval(ctx, beta, &loglik0)))
        goto out;
    memcpy(a, u, p * sizeof *a);
    int rank = exo__chol(imat, ip, toler_chol);
    if (rank < ip) {
        size_t bad = 0;
        while (bad + 1 < p && imat[bad * p + bad] != 0)
            bad++;
        rc = exo__fail(err, EXO_ENUMERIC,
                       "covariate '%s' is collinear with the others (the "
                       "information matrix is singular)",
                       cov_name(opts, bad, nb));
        goto out;
    }
    exo__chol_solve(imat, ip, a);
    double sctest = 0;
    for (size_t k = 0; k < p; k++)
        sctest += u[k] * a[k];
    double loglik1 = loglik0;
    for (size_t k = 0; k < p; k++)
        newbeta[k] = beta[k] + a[k];
    int halving = 0, iter;
    bool converged = false;
    for (iter = 1; iter <= iter_max; iter++) {
        double newlk;
        if ((rc = eval(ctx, newbeta, &newlk)))
            goto out;
        exo__chol(imat, ip, toler_chol);
        bool notfinite = !isfinite(newlk);
        for (size_t k = 0; k < p; k++) {
            if (!isfinite(u[k]))
                notfinite = true;
            for (size_t j = 0; j < p; j++)
                if (!isfinite(imat[k * p + j]))
                    notfinite = true;
        }
        if (!notfinite && fabs(1 - loglik1 / newlk) <= eps) {
            loglik1 = newlk;
            memcpy(beta, newbeta, p * sizeof *beta);
            converged = true;
            break;
        }
        if (notfinite || newlk < loglik1) {
            halving++;
            for (size_t k = 0; k < p; k++)
                newbeta[k] = (newbeta[k] + halving * beta[k]) / (halving + 1.0);
        } else {
            halving = 0;
            loglik1 = newlk;
            exo__chol_solve(imat, ip, u);
            for (size_t k = 0; k < p; k++) {
                beta[k] = newbeta[k];
                newbeta[k] += u[k];
            }
        }
    }
    if (!converged) {
        iter = iter_max;
        if ((rc = eval(ctx, beta, &loglik1)))
            goto out;
        exo__chol(imat, ip, toler_chol);
    }
    /* imat holds the decomposition at the final beta; u the score */
    if (!isfinite(loglik1)) {
        rc = exo__fail(err, EXO_ENUMERIC,
                       "the log-likelihood is not finite at the estimate");
        goto out;
    }
    for (size_t k = 0; k < p; k++)
        if (imat[k * p + k] == 0) {
            rc = exo__fail(err, EXO_ENUMERIC,
                           "covariate '%s' is collinear with the others at "
                           "the estimate",
                           cov_name(opts, k, nb));
            goto out;
        }
    exo__chol_inverse(imat, ip);
    for (size_t k = 0; k < p; k++) {
        out->coef[k] = beta[k] * scale[k];
        u[k] /= scale[k];
    }
    for (size_t k = 0; k < p; k++)
        for (size_t j = 0; j < p; j++)
            out->var[k * p + j] = imat[k * p + j] * scale[k] * scale[j];
    if (iter_max > 1) { /* R checks this after convergence only */
        for (size_t k = 0; k < p; k++) {
            double inf = 0;
            for (size_t j = 0; j < p; j++)
                inf += u[j] * out->var[j * p + k];
            inf = fabs(inf);
            if (!isfinite(u[k]) ||
                (inf > eps && inf > toler_inf * fabs(out->coef[k]))) {
                rc = exo__fail(err, EXO_ENUMERIC,
                               "monotone likelihood: the coefficient of '%s' "
                               "runs off to infinity (it separates the "
                               "events from the rest, e.g. a group with no "
                               "events or only events)",
                               cov_name(opts, k, nb));
                goto out;
            }
        }
    }
    double zq = exo__norm_quantile(1 - (1 - level) / 2);
    for (size_t k = 0; k < p; k++) {
        double se = sqrt(out->var[k * p + k]);
        out->se[k] = se;
        out->z[k] = out->coef[k] / se;
        out->p_value[k] = exo__norm_2sided(out->z[k]);
        out->hr[k] = exp(out->coef[k]);
        out->hr_lower[k] = exp(out->coef[k] - zq * se);
        out->hr_upper[k] = exp(out->coef[k] + zq * se);
    }
    out->loglik_null = loglik0;
    out->loglik = loglik1;
    out->iterations = iter;
    out->converged = converged;
    out->df = ip;
    out->lr_test = 2 * (loglik1 - loglik0);
    out->lr_p = exo__chisq_q(out->lr_test, ip);
    out->score_test = sctest;
    out->score_p = exo__chisq_q(sctest, ip);
    /* Wald: beta' var^-1 beta through the same Cholesky (coxph.wtest) */
    memcpy(tmpm, out->var, pp * sizeof *tmpm);
    memcpy(a, out->coef, p * sizeof *a);
    exo__chol(tmpm, ip, toler_chol);
    exo__chol_solve(tmpm, ip, a);
    out->wald_test = 0;
    for (size_t k = 0; k < p; k++)
        out->wald_test += a[k] * out->coef[k];
    out->wald_p = exo__chisq_q(out->wald_test, ip);

out:
    exo__free(work);
    return rc;
}

/* exo_cox_fit's evaluation: the sweep over its own rows. */
static exo_code eval_ws(void *ctx, const double *beta, double *loglik)
{
    *loglik = cox_eval(ctx, beta);
    return EXO_OK;
}

exo_code exo_cox_fit(size_t n, size_t p, const double *start,
                     const double *stop, const int *event, const double *x,
                     const int *strata, const exo_cox_opts *opts, exo_cox *out,
                     exo_err *err)
{
    exo_cox_opts def = {0};
    if (!opts)
        opts = &def;
    memset(out, 0, sizeof *out);
    exo_code rc = exo__surv_check(n, start, stop, event, err);
    if (rc != EXO_OK)
        return rc;
    if (p == 0)
        return exo__fail(err, EXO_EINVAL, "a Cox model needs covariates");
    if (p > 10000)
        return exo__fail(err, EXO_EINVAL, "too many covariates (%zu)", p);
    char nb[32];

    struct cox_ws ws = {0};
    struct surv_key *keys = NULL;
    double *work = NULL, *scale = NULL;
    double *lp = NULL;
    size_t *rows = NULL;
    ws.p = p;
    ws.counting = start != NULL;
    ws.efron = opts->ties == EXO_TIES_EFRON;
    rows = exo__reallocarray(NULL, n ? n : 1, sizeof *rows);
    if (!rows) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", n);
        goto out;
    }
    /* rows with every covariate present; NaN is missing */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        bool ok = !(strata && strata[i] < 0);
        for (size_t k = 0; k < p && ok; k++) {
            double v = x[k * n + i];
            if (isnan(v)) {
                ok = false;
            } else if (!isfinite(v)) {
                rc = exo__fail(err, EXO_EINVAL,
                               "covariate '%s' of row %zu is infinite",
                               cov_name(opts, k, nb), i + 1);
                goto out;
            }
        }
        if (ok)
            rows[m++] = i;
        else if (!(strata && strata[i] < 0))
            out->n_missing++;
    }
    ws.m = m;
    size_t pp = p * p;
    /* one block for the results */
    double *res = exo__calloc(9 * p + pp, sizeof *res);
    if (!res) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    out->coef = res;
    out->se = res + p;
    out->z = res + 2 * p;
    out->p_value = res + 3 * p;
    out->hr = res + 4 * p;
    out->hr_lower = res + 5 * p;
    out->hr_upper = res + 6 * p;
    out->means = res + 7 * p;
    out->var = res + 9 * p;
    out->p = p;
    out->n = m;
    size_t n_events = 0;
    for (size_t q = 0; q < m; q++)
        n_events += (size_t)event[rows[q]];
    out->n_events = n_events;
    if (n_events == 0) {
        rc = exo__fail(err, EXO_ENUMERIC, "no events among the %zu rows", m);
        goto out;
    }

    /* Not zeroed: each array is written in full before it is read, and at
     * 10^6 rows zeroing fresh pages (a memset and a page fault each) took
     * as long as the fit. The arrays are taken in the order they are
     * needed and given back as soon as they are not, so that each reuses
     * the memory of one freed before it: fresh pages cost a fault and a
     * kernel zeroing each, more than the sums over them. */
    work = exo__calloc(6 * pp + 8 * p, sizeof *work);
    keys = exo__reallocarray(NULL, m, sizeof *keys);
    ws.orig = exo__reallocarray(NULL, m, sizeof *ws.orig);
    if (!work || !keys || !ws.orig) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", m);
        goto out;
    }
    ws.s1 = work;
    ws.s2 = work + p;
    ws.d1 = work + p + pp;
    ws.d2 = work + 2 * p + pp;
    ws.a = work + 2 * p + 2 * pp;
    ws.c = work + 3 * p + 2 * pp;
    ws.u = work + 3 * p + 3 * pp;
    ws.imat = work + 4 * p + 3 * pp;
    scale = work + 4 * p + 4 * pp;

    /* centre and scale, as coxfit6 with 0/1 columns left alone */
    for (size_t k = 0; k < p; k++) {
        const double *col = x + k * n;
        bool zero_one = true, constant = true;
        double first = col[rows[0]], sum = 0;
        for (size_t q = 0; q < m; q++) {
            double v = col[rows[q]];
            if (v != 0 && v != 1)
                zero_one = false;
            if (v != first)
                constant = false;
            sum += v;
        }
        if (constant) {
            rc = exo__fail(err, EXO_ENUMERIC,
                           "covariate '%s' is constant (%g in every row), so "
                           "its coefficient cannot be estimated",
                           cov_name(opts, k, nb), first);
            goto out;
        }
        if (zero_one) {
            out->means[k] = 0;
            scale[k] = 1;
        } else {
            double mean = sum / (double)m, abs_dev = 0;
            for (size_t q = 0; q < m; q++)
                abs_dev += fabs(col[rows[q]] - mean);
            out->means[k] = mean;
            scale[k] = abs_dev > 0 ? (double)m / abs_dev : 1.0;
        }
    }
    /* stop order: stratum, stop descending */
    for (size_t q = 0; q < m; q++) {
        size_t i = rows[q];
        keys[q].k1 = strata ? strata[i] : 0;
        keys[q].k2 = -stop[i];
        keys[q].k3 = 0;
        keys[q].idx = i;
    }
    exo__surv_sort_keys(keys, m);
    for (size_t r = 0; r < m; r++)
        ws.orig[r] = keys[r].idx;
    exo__free(rows);
    rows = NULL;
    if (start) {
        /* start order (stratum, start descending) of the stop order's
         * positions, sorted with the same keys */
        ws.by_start = exo__reallocarray(NULL, m, sizeof *ws.by_start);
        if (!ws.by_start) {
            rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", m);
            goto out;
        }
        for (size_t r = 0; r < m; r++) {
            size_t i = ws.orig[r];
            keys[r].k1 = strata ? strata[i] : 0;
            keys[r].k2 = -start[i];
            keys[r].k3 = 0;
            keys[r].idx = r;
        }
        exo__surv_sort_keys(keys, m);
        for (size_t r = 0; r < m; r++)
            ws.by_start[r] = keys[r].idx;
    }
    exo__free(keys);
    keys = NULL;

    ws.z = exo__reallocarray(NULL, m * p, sizeof *ws.z);
    ws.stop = exo__reallocarray(NULL, m, sizeof *ws.stop);
    ws.status = exo__reallocarray(NULL, m, sizeof *ws.status);
    ws.stratum = exo__reallocarray(NULL, m, sizeof *ws.stratum);
    ws.eta = exo__reallocarray(NULL, m, sizeof *ws.eta);
    ws.risk = exo__reallocarray(NULL, m, sizeof *ws.risk);
    if (start)
        ws.start = exo__reallocarray(NULL, m, sizeof *ws.start);
    if (!ws.z || !ws.stop || !ws.status || !ws.stratum || !ws.eta || !ws.risk ||
        (start && !ws.start)) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", m);
        goto out;
    }
    for (size_t r = 0; r < m; r++) {
        size_t i = ws.orig[r];
        ws.stop[r] = stop[i];
        ws.status[r] = event[i];
        ws.stratum[r] = strata ? strata[i] : 0;
        if (start)
            ws.start[r] = start[i];
        for (size_t k = 0; k < p; k++)
            ws.z[r * p + k] = (x[k * n + i] - out->means[k]) * scale[k];
    }

    /* Newton-Raphson, step for step as coxfit6 */
    if ((rc = exo__cox_newton(eval_ws, &ws, ws.u, ws.imat, p, scale, opts, out,
                              err)))
        goto out;

    if (!opts->no_concordance) {
        double shift = 0;
        for (size_t k = 0; k < p; k++)
            shift += out->coef[k] * out->means[k];
        double *cstart = start ? ws.start : NULL;
        /* the fit's own arrays make room for the concordance's */
        exo__free(ws.z);
        ws.z = NULL;
        exo__free(ws.risk);
        ws.risk = NULL;
        lp = exo__reallocarray(NULL, m, sizeof *lp);
        if (!lp) {
            rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", m);
            goto out;
        }
        /* the linear predictor of each row in stop order, as R forms it;
         * with every row kept, summed column by column in input order (the
         * same sums, in the same order, read in sequence) and then picked */
        if (m == n) {
            double *lin = ws.eta; /* free after the fit */
            for (size_t i = 0; i < n; i++)
                lin[i] = 0;
            for (size_t k = 0; k < p; k++)
                for (size_t i = 0; i < n; i++)
                    lin[i] += x[k * n + i] * out->coef[k];
            for (size_t r = 0; r < m; r++)
                lp[r] = lin[ws.orig[r]] - shift;
        } else {
            for (size_t r = 0; r < m; r++) {
                double e = 0;
                for (size_t k = 0; k < p; k++)
                    e += x[k * n + ws.orig[r]] * out->coef[k];
                lp[r] = e - shift;
            }
        }
        exo__free(ws.eta);
        ws.eta = NULL;
        rc = concordance(m, cstart, ws.stop, ws.status, ws.stratum, ws.by_start,
                         lp, out, err);
    }
out:
    exo__free(rows);
    exo__free(keys);
    exo__free(ws.z);
    exo__free(ws.stop);
    exo__free(ws.start);
    exo__free(ws.by_start);
    exo__free(ws.status);
    exo__free(ws.stratum);
    exo__free(ws.eta);
    exo__free(ws.risk);
    exo__free(ws.orig);
    exo__free(work);
    exo__free(lp);
    if (rc != EXO_OK)
        exo_cox_release(out);
    return rc;
}
