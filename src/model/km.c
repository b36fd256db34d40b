/*
 * km.c - Kaplan-Meier with Greenwood variance, as R's survfit computes it.
 *
 * Input: n rows of (start, stop], event (start NULL: right-censored), an
 * optional group index per row. For each group and each distinct stop
 * time t (events and censorings):
 *   n(t)  = #{i : start_i < t <= stop_i}      (rows at risk)
 *   d(t)  = #{i : stop_i = t, event_i = 1}
 *   S(t)  = prod_{s <= t} (1 - d/n)
 *   se(t) = sqrt(sum_{s <= t} d / (n (n - d)))  (Greenwood, of -log S)
 *   H(t)  = sum d/n, sd(H) = sqrt(sum d/n^2)     (Nelson-Aalen)
 * Intervals (z = Phi^-1((1 + level)/2)):
 *   log:     exp(log S -/+ z se), upper capped at 1
 *   log-log: exp(-exp(log(-log S) -/+ z se / log S)) (log S < 0, so the
 *            '-' gives the lower limit), NaN at S = 0 or 1
 *   plain:   S -/+ z se S, clipped to [0, 1]
 * Quantiles follow R's quantile.survfit (findq): the first time where
 * 1 - S reaches p, the midpoint of a flat within sqrt(DBL_EPSILON) of p.
 * Cost O(n log n). See docs/math/survival.md.
 */
#include <float.h>
#include <math.h>
#include <string.h>

#include "model/surv_util.h"

const char *exo_ci_type_name(exo_ci_type type)
{
    switch (type) {
    case EXO_CI_LOG:
        return "log";
    case EXO_CI_LOGLOG:
        return "log-log";
    case EXO_CI_PLAIN:
        return "plain";
    }
    return "unknown";
}

bool exo_ci_type_parse(const char *name, exo_ci_type *out)
{
    if (!name)
        return false;
    if (strcmp(name, "log") == 0)
        *out = EXO_CI_LOG;
    else if (strcmp(name, "log-log") == 0 || strcmp(name, "loglog") == 0)
        *out = EXO_CI_LOGLOG;
    else if (strcmp(name, "plain") == 0)
        *out = EXO_CI_PLAIN;
    else
        return false;
    return true;
}

static void curve_release(exo_km_curve *c)
{
    exo__free(c->time); /* one block holds every array */
    memset(c, 0, sizeof *c);
}

void exo_km_release(exo_km *km)
{
    if (!km)
        return;
    for (size_t g = 0; g < km->n_groups; g++)
        curve_release(&km->curves[g]);
    exo__free(km->curves);
    memset(km, 0, sizeof *km);
}

static void conf_limits(exo_ci_type ci, double z, double s, double se,
                        double *lower, double *upper)
{
    if (!isfinite(se)) {
        *lower = *upper = EXO_NAN;
        return;
    }
    switch (ci) {
    case EXO_CI_LOG:
        if (s == 0) {
            *lower = *upper = EXO_NAN;
        } else {
            *lower = exp(log(s) - z * se);
            *upper = fmin(exp(log(s) + z * se), 1.0);
        }
        break;
    case EXO_CI_LOGLOG:
        if (s == 0 || s == 1) {
            *lower = *upper = EXO_NAN;
        } else {
            *lower = exp(-exp(log(-log(s)) - z * se / log(s)));
            *upper = exp(-exp(log(-log(s)) + z * se / log(s)));
        }
        break;
    case EXO_CI_PLAIN: {
        double h = z * se * s;
        *lower = fmax(s - h, 0.0);
        *upper = fmin(s + h, 1.0);
        break;
    }
    }
}

/*
 * R's findq over x (len points, x[0] the first x) and y = 1 - curve
 * (NaN allowed); 'work' holds 3 * len doubles and 'keys' len keys.
 */
static double findq(const double *x, const double *y, size_t len, double p,
                    double tol, struct surv_key *keys, double *work)
{
    double ymax = -EXO_INF;
    for (size_t k = 0; k < len; k++)
        if (!isnan(y[k]) && y[k] > ymax)
            ymax = y[k];
    if (ymax < p)
        return EXO_NAN;
    double xmax = x[len - 1];
    /* duplicated(y): keep the first occurrence of every value (NaN too) */
    size_t m = 0;
    for (size_t k = 0; k < len; k++) {
        keys[k].k1 = isnan(y[k]) ? EXO_INF : y[k];
        keys[k].k2 = isnan(y[k]) ? 1 : 0;
        keys[k].k3 = 0;
        keys[k].idx = k;
    }
    exo__surv_sort_keys(keys, len);
    double *keep = work; /* 1 where kept, by original index */
    for (size_t k = 0; k < len; k++)
        keep[k] = 0;
    for (size_t k = 0; k < len; k++)
        if (k == 0 || keys[k].k1 != keys[k - 1].k1 ||
            keys[k].k2 != keys[k - 1].k2)
            keep[keys[k].idx] = 1;
    double *xd = work + len, *yd = work + 2 * len;
    for (size_t k = 0; k < len; k++)
        if (keep[k] != 0) {
            xd[m] = x[k];
            yd[m] = y[k];
            m++;
        }
    /* approx(yd +/- tol, 1:m, p, "constant", f = 1): the NaN points go */
    size_t idx[2];
    bool found[2];
    for (int side = 0; side < 2; side++) {
        double shift = side == 0 ? tol : -tol;
        size_t q = 0;
        for (size_t j = 0; j < m; j++) {
            if (isnan(yd[j]))
                continue;
            keys[q].k1 = yd[j] + shift;
            keys[q].k2 = keys[q].k3 = 0;
            keys[q].idx = j;
            q++;
        }
        exo__surv_sort_keys(keys, q);
        found[side] = false;
        if (q == 0 || p < keys[0].k1 || p > keys[q - 1].k1)
            continue;
        size_t i = 0, j = q - 1;
        while (i + 1 < j) {
            size_t mid = (i + j) / 2;
            if (p < keys[mid].k1)
                j = mid;
            else
                i = mid;
        }
        found[side] = true;
        if (p == keys[j].k1)
            idx[side] = keys[j].idx;
        else if (p == keys[i].k1)
            idx[side] = keys[i].idx;
        else
            idx[side] = keys[j].idx;
    }
    double quant = EXO_NAN;
    if (found[0] && found[1])
        quant = (xd[idx[0]] + xd[idx[1]]) / 2;
    if (p == 0)
        quant = xd[0];
    if (!isnan(yd[m - 1]) && fabs(p - yd[m - 1]) < tol)
        quant = found[0] ? (xd[idx[0]] + xmax) / 2 : EXO_NAN;
    return quant;
}

/* exo_km_quantile; EXO_ENOMEM (and NaN) when out of memory, which the
 * public function cannot tell from "not reached". */
static int km_quantile(const exo_km_curve *c, double p, double *q,
                       double *lower, double *upper)
{
    int rc = EXO_OK;
    double dummy;
    if (!lower)
        lower = &dummy;
    if (!upper)
        upper = &dummy;
    *q = *lower = *upper = EXO_NAN;
    size_t len = c->n_times + 1;
    double *buf = exo__calloc(5 * len, sizeof *buf);
    struct surv_key *keys = exo__calloc(len, sizeof *keys);
    if (!buf || !keys) {
        rc = EXO_ENOMEM;
        goto out;
    }
    double *x = buf, *y = buf + len, *work = buf + 2 * len;
    double tol = sqrt(DBL_EPSILON);
    x[0] = 0;
    y[0] = 0;
    for (size_t k = 0; k < c->n_times; k++)
        x[k + 1] = c->time[k];
    const double *curves[3] = {c->surv, c->lower, c->upper};
    double *res[3] = {q, lower, upper};
    for (int s = 0; s < 3; s++) {
        for (size_t k = 0; k < c->n_times; k++)
            y[k + 1] = 1 - curves[s][k];
        *res[s] = findq(x, y, len, p, tol, keys, work);
    }
out:
    exo__free(buf);
    exo__free(keys);
    return rc;
}

void exo_km_quantile(const exo_km_curve *c, double p, double *q, double *lower,
                     double *upper)
{
    km_quantile(c, p, q, lower, upper);
}

bool exo_km_at(const exo_km_curve *c, double t, double *surv, double *lower,
               double *upper)
{
    double dummy;
    if (!lower)
        lower = &dummy;
    if (!upper)
        upper = &dummy;
    if (c->n_times == 0 || t > c->time[c->n_times - 1]) {
        *surv = *lower = *upper = EXO_NAN;
        return false;
    }
    if (t < c->time[0]) {
        *surv = *lower = *upper = 1;
        return true;
    }
    size_t lo = 0, hi = c->n_times - 1; /* time[lo] <= t */
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (c->time[mid] <= t)
            lo = mid;
        else
            hi = mid - 1;
    }
    *surv = c->surv[lo];
    *lower = c->lower[lo];
    *upper = c->upper[lo];
    return true;
}

/* One group's curve from its rows' sorted stops (with events) and starts. */
static exo_code curve_fit(exo_km_curve *c, size_t m, struct surv_key *rows,
                          double *starts, bool has_start, exo_ci_type ci,
                          double z, exo_err *err)
{
    c->n = m;
    exo__surv_sort_keys(rows, m);
    if (has_start)
        exo__surv_sort_doubles(starts, m);
    size_t n_times = 0;
    for (size_t i = 0; i < m; i++) {
        if (i == 0 || rows[i].k1 != rows[i - 1].k1)
            n_times++;
        if (rows[i].k2 != 0)
            c->n_events++;
    }
    if (n_times == 0)
        return EXO_OK;
    double *block = exo__calloc(10 * n_times, sizeof *block);
    if (!block)
        return exo__fail(err, EXO_ENOMEM, "out of memory for a curve");
    c->n_times = n_times;
    c->time = block;
    c->n_risk = block + n_times;
    c->n_event = block + 2 * n_times;
    c->n_censor = block + 3 * n_times;
    c->surv = block + 4 * n_times;
    c->std_err = block + 5 * n_times;
    c->lower = block + 6 * n_times;
    c->upper = block + 7 * n_times;
    c->cumhaz = block + 8 * n_times;
    c->std_chaz = block + 9 * n_times;
    double s = 1, green = 0, haz = 0, var_haz = 0;
    size_t k = 0, js = 0;
    for (size_t i = 0; i < m;) {
        double t = rows[i].k1;
        size_t j = i;
        double d = 0, cens = 0;
        while (j < m && rows[j].k1 == t) {
            if (rows[j].k2 != 0)
                d++;
            else
                cens++;
            j++;
        }
        while (has_start && js < m && starts[js] < t)
            js++;
        double at_risk = (double)(m - i) - (has_start ? (double)(m - js) : 0);
        c->time[k] = t;
        c->n_risk[k] = at_risk;
        c->n_event[k] = d;
        c->n_censor[k] = cens;
        if (d > 0) {
            s *= (at_risk - d) / at_risk;
            green += at_risk > d ? d / (at_risk * (at_risk - d)) : EXO_INF;
            haz += d / at_risk;
            var_haz += d / (at_risk * at_risk);
        }
        c->surv[k] = s;
        c->std_err[k] = sqrt(green);
        c->cumhaz[k] = haz;
        c->std_chaz[k] = sqrt(var_haz);
        conf_limits(ci, z, s, c->std_err[k], &c->lower[k], &c->upper[k]);
        k++;
        i = j;
    }
    /* A median lost for want of memory is not "not reached". */
    if (km_quantile(c, 0.5, &c->median, &c->median_lower, &c->median_upper))
        return exo__fail(err, EXO_ENOMEM, "out of memory for the median");
    return EXO_OK;
}

exo_code exo_km_fit(size_t n, const double *start, const double *stop,
                    const int *event, const int *group, size_t n_groups,
                    const exo_km_opts *opts, exo_km *out, exo_err *err)
{
    exo_km_opts def = {0};
    if (!opts)
        opts = &def;
    memset(out, 0, sizeof *out);
    exo_code rc = exo__surv_check(n, start, stop, event, err);
    if (rc != EXO_OK)
        return rc;
    double level = opts->conf_level == 0 ? 0.95 : opts->conf_level;
    if (!(level > 0 && level < 1))
        return exo__fail(err, EXO_EINVAL,
                         "confidence level %g is not in (0, 1)", level);
    if (opts->ci != EXO_CI_LOG && opts->ci != EXO_CI_LOGLOG &&
        opts->ci != EXO_CI_PLAIN)
        return exo__fail(err, EXO_EINVAL, "unknown interval type %d",
                         (int)opts->ci);
    if (!group)
        n_groups = 1;
    if (n_groups == 0)
        return exo__fail(err, EXO_EINVAL, "no groups");
    for (size_t i = 0; group && i < n; i++)
        if (group[i] >= 0 && (size_t)group[i] >= n_groups)
            return exo__fail(err, EXO_EINVAL,
                             "group of row %zu is %d, past the %zu groups",
                             i + 1, group[i], n_groups);
    double z = exo__norm_quantile(1 - (1 - level) / 2);
    struct surv_key *rows = exo__calloc(n ? n : 1, sizeof *rows);
    double *starts = exo__calloc(n ? n : 1, sizeof *starts);
    size_t *count = exo__calloc(n_groups, sizeof *count);
    out->curves = exo__calloc(n_groups, sizeof *out->curves);
    if (!rows || !starts || !count || !out->curves) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu rows", n);
        goto out;
    }
    out->n_groups = n_groups;
    out->ci = opts->ci;
    out->conf_level = level;
    for (size_t i = 0; i < n; i++)
        if (!group || group[i] >= 0)
            count[group ? (size_t)group[i] : 0]++;
    /* Lay the rows out by group, then fit each group's slice. */
    size_t *offset = exo__calloc(n_groups + 1, sizeof *offset);
    if (!offset) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for groups");
        goto out;
    }
    for (size_t g = 0; g < n_groups; g++)
        offset[g + 1] = offset[g] + count[g];
    for (size_t g = 0; g < n_groups; g++)
        count[g] = offset[g];
    for (size_t i = 0; i < n; i++) {
        if (group && group[i] < 0)
            continue;
        size_t g = group ? (size_t)group[i] : 0;
        size_t at = count[g]++;
        rows[at].k1 = stop[i];
        rows[at].k2 = event[i];
        rows[at].k3 = 0;
        rows[at].idx = i;
        starts[at] = start ? start[i] : 0;
    }
    for (size_t g = 0; g < n_groups && rc == EXO_OK; g++)
        rc = curve_fit(&out->curves[g], offset[g + 1] - offset[g],
                       rows + offset[g], starts + offset[g], start != NULL,
                       opts->ci, z, err);
    exo__free(offset);
out:
    exo__free(rows);
    exo__free(starts);
    exo__free(count);
    if (rc != EXO_OK)
        exo_km_release(out);
    return rc;
}
