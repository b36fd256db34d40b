/*
 * logrank.c - the G-rho family of k-sample tests, as R's survdiff.
 *
 * Right-censored rows (time, event, group), optional strata. Within each
 * stratum, at each distinct time t with d deaths among n at risk, of whom
 * n_k are in group k, and weight w = S(t-)^rho (S the pooled
 * Kaplan-Meier, left-continuous; w = 1 for rho = 0, the log-rank test):
 *   O_k += w d_k,  E_k += w d n_k / n,
 *   V_jk += w^2 d (n - d) / (n (n - 1)) * n_j (delta_jk - n_k / n).
 * chisq = (O - E)' V^-1 (O - E) over the groups with E > 0, leaving out
 * the first of them; df = (groups with E > 0) - 1; p from chi-square(df).
 *
 * With delayed entry a row is at risk at t when entry < t <= time. The
 * statistic is then the score test of the Cox model with the exact
 * (discrete) partial likelihood, as it is without entry: survdiff takes no
 * entry times, coxph(Surv(entry, time, event) ~ group, ties = "exact")
 * does, and it is the reference.
 */
#include <math.h>
#include <string.h>

#include "model/surv_util.h"

void exo_logrank_release(exo_logrank *t)
{
    if (!t)
        return;
    exo__free(t->n);
    memset(t, 0, sizeof *t);
}

exo_code exo_logrank_test(size_t n, const double *time, const int *event,
                          const int *group, size_t n_groups, const int *strata,
                          double rho, exo_logrank *out, exo_err *err)
{
    return exo_logrank_test_entry(n, NULL, time, event, group, n_groups, strata,
                                  rho, out, err);
}

exo_code exo_logrank_test_entry(size_t n, const double *entry,
                                const double *time, const int *event,
                                const int *group, size_t n_groups,
                                const int *strata, double rho, exo_logrank *out,
                                exo_err *err)
{
    memset(out, 0, sizeof *out);
    exo_code rc = exo__surv_check(n, entry, time, event, err);
    if (rc != EXO_OK)
        return rc;
    if (!group || n_groups == 0)
        return exo__fail(err, EXO_EINVAL, "a log-rank test needs groups");
    if (!isfinite(rho))
        return exo__fail(err, EXO_EINVAL, "rho is not a finite number");
    size_t k = n_groups;
    /* rows by (stratum, time); with entry, 'ent' by (stratum, entry): the
     * same rows, so each stratum spans the same index range in both. */
    struct surv_key *rows = exo__calloc(2 * n + k, sizeof *rows);
    struct surv_key *ent = rows + n + k;
    double *block = exo__calloc(k * k + 6 * k + n, sizeof *block);
    double *solve = exo__calloc(k * k + k, sizeof *solve);
    if (!rows || !block || !solve) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", n);
        goto out;
    }
    out->n = block;
    out->observed = block + k;
    out->expected = block + 2 * k;
    out->var = block + 3 * k;
    double *risk = block + 3 * k + k * k;
    double *kaplan = risk + k + k;
    out->n_groups = k;
    out->rho = rho;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (group[i] < 0 || (strata && strata[i] < 0))
            continue;
        if ((size_t)group[i] >= k) {
            rc = exo__fail(err, EXO_EINVAL,
                           "group of row %zu is %d, past the %zu groups", i + 1,
                           group[i], k);
            goto out;
        }
        rows[m].k1 = strata ? strata[i] : 0;
        rows[m].k2 = time[i];
        rows[m].k3 = 0;
        rows[m].idx = i;
        ent[m] = rows[m];
        ent[m].k2 = entry ? entry[i] : 0.0;
        out->n[group[i]]++;
        m++;
    }
    exo__surv_sort_keys(rows, m);
    if (entry)
        exo__surv_sort_keys(ent, m);
    for (size_t istart = 0; istart < m;) {
        size_t iend = istart;
        while (iend < m && rows[iend].k1 == rows[istart].k1)
            iend++;
        for (size_t g = 0; g < k; g++)
            risk[g] = 0;
        if (rho != 0) {
            double km = 1;
            size_t e = istart; /* entries before it are < the time */
            for (size_t i = istart; i < iend;) {
                while (entry && e < iend && ent[e].k2 < rows[i].k2)
                    e++;
                /* at risk: time >= t, less those entering at t or later */
                double nrisk = (double)(entry ? e - i : iend - i), deaths = 0;
                size_t j = i;
                while (j < iend && rows[j].k2 == rows[i].k2) {
                    kaplan[j] = km;
                    deaths += event[rows[j].idx];
                    j++;
                }
                km = km * (nrisk - deaths) / nrisk;
                i = j;
            }
        }
        size_t p = iend, gone = 0; /* entries from p on: at or after t */
        for (size_t i = iend; i > istart;) {
            size_t last = i - 1;
            double wt = rho == 0 ? 1 : pow(kaplan[last], rho);
            double deaths = 0;
            size_t j = i;
            while (j > istart && rows[j - 1].k2 == rows[last].k2) {
                size_t r = rows[j - 1].idx;
                size_t g = (size_t)group[r];
                deaths += event[r];
                risk[g] += 1;
                out->observed[g] += event[r] * wt;
                j--;
            }
            i = j;
            /* Rows that enter at t or later are not at risk at t (each
             * was added already: its time is later than its entry). */
            while (entry && p > istart && ent[p - 1].k2 >= rows[last].k2) {
                p--;
                risk[group[ent[p].idx]] -= 1;
                gone++;
            }
            double nrisk = (double)(iend - i - gone);
            if (deaths > 0) {
                for (size_t g = 0; g < k; g++)
                    out->expected[g] += wt * deaths * risk[g] / nrisk;
                if (nrisk == 1)
                    continue;
                double w2 = wt * wt;
                for (size_t a = 0; a < k; a++) {
                    double tmp = w2 * deaths * risk[a] * (nrisk - deaths) /
                                 (nrisk * (nrisk - 1));
                    out->var[a * k + a] += tmp;
                    for (size_t b = 0; b < k; b++)
                        out->var[a * k + b] -= tmp * risk[b] / nrisk;
                }
            }
        }
        istart = iend;
    }
    /* chi-square over groups with E > 0, the first of them left out */
    size_t *use = (size_t *)(void *)rows; /* rows are no longer needed */
    size_t q = 0;
    for (size_t g = 0; g < k; g++)
        if (out->expected[g] > 0)
            use[q++] = g;
    out->df = q > 0 ? (int)q - 1 : 0;
    if (q < 2) {
        out->chisq = 0;
        out->p_value = 1;
        goto out;
    }
    int r = (int)q - 1;
    double *vv = solve, *diff = solve + k * k, chisq = 0;
    for (int a = 0; a < r; a++) {
        diff[a] = out->observed[use[a + 1]] - out->expected[use[a + 1]];
        for (int b = 0; b < r; b++)
            vv[a * r + b] = out->var[use[a + 1] * k + use[b + 1]];
    }
    double *save = kaplan; /* n >= k scratch entries */
    for (int a = 0; a < r; a++)
        save[a] = diff[a];
    int rank = exo__chol(vv, r, 1e-12);
    if (rank < r) {
        rc = exo__fail(err, EXO_ENUMERIC,
                       "the variance of the log-rank statistic is singular");
        goto out;
    }
    exo__chol_solve(vv, r, diff);
    for (int a = 0; a < r; a++)
        chisq += diff[a] * save[a];
    out->chisq = chisq;
    out->p_value = exo__chisq_q(chisq, out->df);
out:
    exo__free(rows);
    exo__free(solve);
    if (rc != EXO_OK) {
        exo__free(block);
        memset(out, 0, sizeof *out);
    }
    return rc;
}
