/*
 * cox_dist.c - the Cox fit of cox.c with the rows spread over workers
 * (MPI ranks under exodus-mpi; any 'sum' that adds arrays over them).
 *
 * The partial likelihood needs, per stratum and distinct event time t,
 * sums over the risk set R(t) = {i : start_i < t <= stop_i} of r, r z and
 * r z z' (S0, S1, S2) and the same over the rows dying at t (D0, D1, D2,
 * for Efron), with r = exp(z'beta). Each is a sum over rows, so each worker
 * adds its own rows and one 'sum' per evaluation adds the workers': exact
 * for Breslow and Efron whichever rows sit where. The (stratum, time) grid
 * is the union of every worker's event times, gathered once.
 *
 * A row is at risk on a contiguous run of the grid (the stratum's times in
 * descending order, those in (start, stop]), found once by binary search;
 * per evaluation it adds its terms where the run begins and takes them
 * off where it ends, and the prefix sums after the exchange give S. So an
 * evaluation costs O(n p^2) per worker plus O(T p^2) for the T grid times,
 * and sends 2 T (1 + p + p(p+1)/2) + 1 + p doubles. When the strata nest
 * within the workers (no stratum has rows on two), each worker's grid is
 * its own and it sends only its log L, score and information: 1 + p + p^2.
 *
 * Centring and scaling are coxfit6's on the union (global sums), and the
 * Newton iteration is cox.c's own (exo__cox_newton), so the fit differs
 * from exo_cox_fit on all the rows only by the order of the additions.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "model/cox_int.h"
#include "model/surv_util.h"

struct dist_ws {
    size_t m, p, K, T;
    const exo_cox_comm *comm;
    bool efron;
    double *z;        /* m x p, scaled */
    int *status;      /* m */
    size_t *j1, *j2;  /* the row's run of the grid: [j1, j2) */
    double *gs, *gt;  /* grid: stratum, time (T each) */
    double *ndead;    /* T: deaths at each grid time, all workers */
    double *buf;      /* 2 T K + 1 + p: what one evaluation sends */
    double *u, *imat; /* p, p x p */
    double *s1, *s2, *d1, *d2, *a; /* unpacked sums */
    size_t n_evals;
    bool nested;   /* every stratum on one worker: send l, U and I only */
    double *small; /* 1 + p + p x p: what a nested evaluation sends */
};

/* First grid index with (stratum, -time) >= (s, -t): the grid is sorted
 * by stratum ascending, time descending. */
static size_t lower(const struct dist_ws *w, double s, double t)
{
    size_t lo = 0, hi = w->T;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (w->gs[mid] < s || (w->gs[mid] == s && w->gt[mid] > t))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Index of z_i z_j (j <= i) in the packed lower triangle after S0, S1. */
static size_t tri(size_t p, size_t i, size_t j)
{
    return 1 + p + i * (i + 1) / 2 + j;
}

static void add_terms(double *to, const double *zi, double r, double sign,
                      size_t p)
{
    to[0] += sign * r;
    for (size_t i = 0; i < p; i++) {
        double ri = sign * r * zi[i];
        to[1 + i] += ri;
        for (size_t j = 0; j <= i; j++)
            to[tri(p, i, j)] += ri * zi[j];
    }
}

static exo_code dist_eval(void *ctx, const double *beta, double *loglik)
{
    struct dist_ws *w = ctx;
    size_t p = w->p, K = w->K, T = w->T;
    double *S = w->buf, *D = w->buf + T * K, *tail = w->buf + 2 * T * K;
    memset(w->buf, 0, (2 * T * K + 1 + p) * sizeof *w->buf);
    for (size_t r = 0; r < w->m; r++) {
        const double *zr = w->z + r * p;
        double e = 0;
        for (size_t k = 0; k < p; k++)
            e += beta[k] * zr[k];
        double risk = exp(e);
        size_t a = w->j1[r], b = w->j2[r];
        if (a < b) {
            add_terms(S + a * K, zr, risk, 1.0, p);
            if (b < T)
                add_terms(S + b * K, zr, risk, -1.0, p);
        }
        if (w->status[r]) {
            add_terms(D + a * K, zr, risk, 1.0, p);
            tail[0] += e;
            for (size_t k = 0; k < p; k++)
                tail[1 + k] += zr[k];
        }
    }
    w->n_evals++;
    if (!w->nested && w->comm->sum(w->buf, 2 * T * K + 1 + p, w->comm->ud))
        return EXO_EIO;
    /* The risk sets: prefix sums down the grid (a row's terms were added
     * where its run starts and taken off where it ends). */
    for (size_t j = 1; j < T; j++)
        for (size_t k = 0; k < K; k++)
            S[j * K + k] += S[(j - 1) * K + k];
    double *u = w->u, *imat = w->imat, *s1 = w->s1, *s2 = w->s2;
    double *d1 = w->d1, *d2 = w->d2;
    double ll = tail[0];
    memcpy(u, tail + 1, p * sizeof *u);
    memset(imat, 0, p * p * sizeof *imat);
    for (size_t j = 0; j < T; j++) {
        const double *sj = S + j * K, *dj = D + j * K;
        double s0 = sj[0], d0 = dj[0], ndead = w->ndead[j];
        for (size_t i = 0; i < p; i++) {
            s1[i] = sj[1 + i];
            d1[i] = dj[1 + i];
            for (size_t k = 0; k <= i; k++) {
                s2[i * p + k] = sj[tri(p, i, k)];
                d2[i * p + k] = dj[tri(p, i, k)];
            }
        }
        /* As cox.c's cox_eval from here. */
        int nd = (int)ndead;
        int n_terms = w->efron ? nd : 1;
        double wt = w->efron ? 1.0 : ndead;
        for (int k = 0; k < n_terms; k++) {
            double f = w->efron ? (double)k / ndead : 0;
            double den = s0 - f * d0;
            ll -= wt * log(den);
            for (size_t i = 0; i < p; i++) {
                w->a[i] = s1[i] - f * d1[i];
                u[i] -= wt * w->a[i] / den;
            }
            for (size_t i = 0; i < p; i++) {
                double mi = w->a[i] / den;
                for (size_t q = 0; q <= i; q++)
                    imat[q * p + i] +=
                        wt *
                        ((s2[i * p + q] - f * d2[i * p + q]) - mi * w->a[q]) /
                        den;
            }
        }
    }
    if (w->nested) {
        /* Each worker's strata are its own: its log-likelihood, score and
         * information are complete terms of the total. */
        w->small[0] = ll;
        memcpy(w->small + 1, u, p * sizeof *u);
        memcpy(w->small + 1 + p, imat, p * p * sizeof *imat);
        if (w->comm->sum(w->small, 1 + p + p * p, w->comm->ud))
            return EXO_EIO;
        ll = w->small[0];
        memcpy(u, w->small + 1, p * sizeof *u);
        memcpy(imat, w->small + 1 + p, p * p * sizeof *imat);
    }
    *loglik = ll;
    return EXO_OK;
}

/* Every worker's verdict on a step each took alone: a failure anywhere is
 * one everywhere, so that no worker waits for a sum that never comes. */
static exo_code agree(const exo_cox_comm *c, exo_code rc, exo_err *err)
{
    double flag = rc ? 1.0 : 0.0;
    if (c->sum(&flag, 1, c->ud))
        return exo__fail(err, EXO_EIO, "the workers could not exchange sums");
    if (rc)
        return rc;
    if (flag > 0)
        return exo__fail(err, EXO_EINVAL, "another worker's rows are invalid");
    return EXO_OK;
}

static int cmp_grid(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return (x[1] < y[1]) - (x[1] > y[1]); /* time descending */
}

exo_code exo_cox_fit_dist(size_t n, size_t p, const double *start,
                          const double *stop, const int *event, const double *x,
                          const int *strata, const exo_cox_opts *opts,
                          const exo_cox_comm *comm, exo_cox *out,
                          exo_cox_dist_stats *stats, exo_err *err)
{
    exo_cox_opts def = {0};
    struct dist_ws w = {0};
    size_t *rows = NULL;
    double *sums = NULL, *ev = NULL, *all = NULL, *work = NULL;
    size_t n_all = 0;
    if (!opts)
        opts = &def;
    memset(out, 0, sizeof *out);
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (!comm || !comm->sum || !comm->gather)
        return exo__fail(err, EXO_EINVAL, "no way to reach the other workers");
    exo_code rc = EXO_OK;
    if (p == 0)
        rc = exo__fail(err, EXO_EINVAL, "a Cox model needs covariates");
    else if (p > 10000)
        rc = exo__fail(err, EXO_EINVAL, "too many covariates (%zu)", p);
    else if (n)
        rc = exo__surv_check(n, start, stop, event, err);
    if ((rc = agree(comm, rc, err)))
        return rc;
    w.p = p;
    w.comm = comm;
    w.efron = opts->ties == EXO_TIES_EFRON;
    size_t pp = p * p;
    rows = exo__calloc(n ? n : 1, sizeof *rows);
    sums = exo__calloc(3 + 2 * p, sizeof *sums);
    double *res = exo__calloc(9 * p + pp, sizeof *res);
    if (!rows || !sums || !res)
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", n);
    out->coef = res;
    /* Rows with every covariate present, as exo_cox_fit keeps them. */
    size_t m = 0;
    for (size_t i = 0; !rc && i < n; i++) {
        bool ok = !(strata && strata[i] < 0);
        for (size_t k = 0; k < p && ok; k++) {
            double v = x[k * n + i];
            if (isnan(v))
                ok = false;
            else if (!isfinite(v))
                rc = exo__fail(err, EXO_EINVAL,
                               "covariate %zu of row %zu is infinite", k + 1,
                               i + 1);
        }
        if (ok)
            rows[m++] = i;
        else if (!(strata && strata[i] < 0))
            sums[2]++;
    }
    if ((rc = agree(comm, rc, err)))
        goto out;
    out->se = res + p;
    out->z = res + 2 * p;
    out->p_value = res + 3 * p;
    out->hr = res + 4 * p;
    out->hr_lower = res + 5 * p;
    out->hr_upper = res + 6 * p;
    out->means = res + 7 * p;
    out->var = res + 9 * p;
    out->p = p;
    w.m = m;
    /* Counts, column sums and whether each column is 0/1, over all. */
    sums[0] = (double)m;
    for (size_t q = 0; q < m; q++) {
        sums[1] += event[rows[q]];
        for (size_t k = 0; k < p; k++) {
            double v = x[k * n + rows[q]];
            sums[3 + k] += v;
            if (v != 0 && v != 1)
                sums[3 + p + k] = 1;
        }
    }
    if (comm->sum(sums, 3 + 2 * p, comm->ud)) {
        rc = exo__fail(err, EXO_EIO, "the workers could not exchange sums");
        goto out;
    }
    double m_all = sums[0];
    out->n = (size_t)m_all;
    out->n_events = (size_t)sums[1];
    out->n_missing = (size_t)sums[2];
    if (out->n_events == 0) {
        rc = exo__fail(err, EXO_ENUMERIC, "no events among the %zu rows",
                       out->n);
        goto out;
    }
    /* A constant column: the same smallest and largest value everywhere. */
    double mm[2];
    work = exo__calloc(2 * p + 4 * pp + 6 * p, sizeof *work);
    ev = exo__calloc(2 * (m ? m : 1), sizeof *ev);
    if (!work || !ev)
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
    if ((rc = agree(comm, rc, err)))
        goto out;
    double *scale = work, *dev = work + p;
    for (size_t k = 0; k < p; k++) {
        mm[0] = EXO_INF;
        mm[1] = -EXO_INF;
        for (size_t q = 0; q < m; q++) {
            double v = x[k * n + rows[q]];
            mm[0] = fmin(mm[0], v);
            mm[1] = fmax(mm[1], v);
        }
        if (comm->gather(mm, 2, &all, &n_all, comm->ud)) {
            rc = exo__fail(err, EXO_EIO, "the workers could not exchange sums");
            goto out;
        }
        double lo = EXO_INF, hi = -EXO_INF;
        for (size_t q = 0; q + 1 < n_all; q += 2) {
            lo = fmin(lo, all[q]);
            hi = fmax(hi, all[q + 1]);
        }
        free(all);
        all = NULL;
        if (lo == hi) {
            char nb[32];
            snprintf(nb, sizeof nb, "x%zu", k + 1);
            rc = exo__fail(err, EXO_ENUMERIC,
                           "covariate '%s' is constant (%g in every row), so "
                           "its coefficient cannot be estimated",
                           opts->names && opts->names[k] ? opts->names[k] : nb,
                           lo);
            goto out;
        }
        out->means[k] = sums[3 + p + k] > 0 ? sums[3 + k] / m_all : 0;
    }
    for (size_t q = 0; q < m; q++)
        for (size_t k = 0; k < p; k++)
            if (sums[3 + p + k] > 0)
                dev[k] += fabs(x[k * n + rows[q]] - out->means[k]);
    if (comm->sum(dev, p, comm->ud)) {
        rc = exo__fail(err, EXO_EIO, "the workers could not exchange sums");
        goto out;
    }
    for (size_t k = 0; k < p; k++)
        scale[k] = sums[3 + p + k] > 0 && dev[k] > 0 ? m_all / dev[k] : 1.0;
    /* The grid: every worker's (stratum, event time), sorted, once each. */
    size_t ne = 0;
    for (size_t q = 0; q < m; q++)
        if (event[rows[q]]) {
            ev[2 * ne] = strata ? strata[rows[q]] : 0;
            ev[2 * ne + 1] = stop[rows[q]];
            ne++;
        }
    exo__qsort(ev, ne, 2 * sizeof *ev, cmp_grid);
    size_t nu = 0;
    for (size_t q = 0; q < ne; q++)
        if (nu == 0 || cmp_grid(ev + 2 * q, ev + 2 * (nu - 1))) {
            ev[2 * nu] = ev[2 * q];
            ev[2 * nu + 1] = ev[2 * q + 1];
            nu++;
        }
    /* Do the strata nest within the workers? Each sends its distinct
     * strata; a stratum named twice has rows on two workers. */
    size_t ns = 0;
    double *st = exo__reallocarray(NULL, m ? m : 1, sizeof *st);
    if (st) {
        for (size_t q = 0; q < m; q++)
            st[q] = strata ? strata[rows[q]] : 0;
        exo__surv_sort_doubles(st, m);
        for (size_t q = 0; q < m; q++)
            if (ns == 0 || st[q] != st[ns - 1])
                st[ns++] = st[q];
    } else {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    if ((rc = agree(comm, rc, err)))
        goto out;
    int grc = comm->gather(st, ns, &all, &n_all, comm->ud);
    exo__free(st);
    if (grc) {
        rc = exo__fail(err, EXO_EIO, "the workers could not exchange strata");
        goto out;
    }
    exo__surv_sort_doubles(all, n_all);
    w.nested = true;
    for (size_t q = 1; q < n_all; q++)
        w.nested &= all[q] != all[q - 1];
    free(all);
    all = NULL;
    if (w.nested) {
        /* The grid is this worker's own event times. */
        n_all = 2 * nu;
        all = malloc((n_all ? n_all : 1) * sizeof *all);
        if (all)
            memcpy(all, ev, n_all * sizeof *all);
        else
            rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        if ((rc = agree(comm, rc, err)))
            goto out;
    } else if (comm->gather(ev, 2 * nu, &all, &n_all, comm->ud)) {
        rc = exo__fail(err, EXO_EIO, "the workers could not exchange times");
        goto out;
    }
    exo__qsort(all, n_all / 2, 2 * sizeof *all, cmp_grid);
    size_t T = 0;
    for (size_t q = 0; q < n_all / 2; q++)
        if (T == 0 || cmp_grid(all + 2 * q, all + 2 * (T - 1))) {
            all[2 * T] = all[2 * q];
            all[2 * T + 1] = all[2 * q + 1];
            T++;
        }
    w.T = T;
    w.K = 1 + p + p * (p + 1) / 2;
    size_t nbuf = w.nested ? 1 + p + pp : 2 * T * w.K + 1 + p;
    w.gs = exo__calloc(T, sizeof *w.gs);
    w.gt = exo__calloc(T, sizeof *w.gt);
    w.ndead = exo__calloc(T, sizeof *w.ndead);
    w.buf = exo__calloc(2 * T * w.K + 1 + p, sizeof *w.buf);
    w.small = exo__calloc(1 + p + pp, sizeof *w.small);
    w.z = exo__calloc(m ? m * p : 1, sizeof *w.z);
    w.status = exo__calloc(m ? m : 1, sizeof *w.status);
    w.j1 = exo__calloc(m ? m : 1, sizeof *w.j1);
    w.j2 = exo__calloc(m ? m : 1, sizeof *w.j2);
    if (!w.gs || !w.gt || !w.ndead || !w.buf || !w.small || !w.z || !w.status ||
        !w.j1 || !w.j2)
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu times", T);
    if ((rc = agree(comm, rc, err)))
        goto out;
    for (size_t j = 0; j < T; j++) {
        w.gs[j] = all[2 * j];
        w.gt[j] = all[2 * j + 1];
    }
    for (size_t q = 0; q < m; q++) {
        size_t i = rows[q];
        double s = strata ? strata[i] : 0;
        w.j1[q] = lower(&w, s, stop[i]);
        w.j2[q] = start ? lower(&w, s, start[i]) : lower(&w, s + 1, EXO_INF);
        w.status[q] = event[i];
        if (event[i])
            w.ndead[w.j1[q]]++;
        for (size_t k = 0; k < p; k++)
            w.z[q * p + k] = (x[k * n + i] - out->means[k]) * scale[k];
    }
    if (!w.nested && comm->sum(w.ndead, T, comm->ud)) {
        rc = exo__fail(err, EXO_EIO, "the workers could not exchange sums");
        goto out;
    }
    w.u = work + 2 * p;
    w.imat = w.u + p;
    w.s1 = w.imat + pp;
    w.s2 = w.s1 + p;
    w.d1 = w.s2 + pp;
    w.d2 = w.d1 + p;
    w.a = w.d2 + pp;
    rc = exo__cox_newton(dist_eval, &w, w.u, w.imat, p, scale, opts, out, err);
    if (rc == EXO_EIO && !err->msg[0])
        exo__fail(err, EXO_EIO, "the workers could not exchange sums");
    if (stats) {
        stats->n_times = T;
        stats->doubles_per_sum = nbuf;
        stats->n_evals = w.n_evals;
        stats->nested = w.nested;
    }
out:
    exo__free(rows);
    exo__free(sums);
    exo__free(ev);
    free(all); /* the gather callback's, from malloc */
    exo__free(work);
    exo__free(w.gs);
    exo__free(w.gt);
    exo__free(w.ndead);
    exo__free(w.buf);
    exo__free(w.small);
    exo__free(w.z);
    exo__free(w.status);
    exo__free(w.j1);
    exo__free(w.j2);
    if (rc != EXO_OK)
        exo_cox_release(out);
    return rc;
}
