/*
 * trend.c - the trend-only model: departures with no contagion at all, at
 * a rate that changes over time. It is the alternative a careful analyst
 * must rule out before reading clustering as contagion: a growing
 * organisation, a reorganisation or a crisis raise the rate of departures
 * without any departure causing another.
 *
 * The rate is piecewise constant over segments made of whole bins of the
 * window. For dates the bins are calendar months and a segment lasts a
 * year at least: the trend is what changes from year to year, and
 * clustering within months stays for the Hawkes model to explain (its
 * memory is bounded by a bin, spiral.c). Months, because organisations
 * change on calendar edges (a fiscal year, a funding round's month) and
 * because a date known only to its month or year is spread inside bins,
 * never across an edge. The segments are chosen by a penalised
 * likelihood: log L of the Poisson fit (rate = events / exposure on each
 * segment) minus a penalty for each change point, which adds two
 * parameters (its place and the new rate). Dynamic programming over the
 * bin edges finds the exact optimum for each number of segments, so the
 * choice is reproducible and O(K G^2) for G bins and K segments:
 * microseconds, cheap enough to redo in each bootstrap replicate (the
 * test must account for the selection).
 */
#include <math.h>
#include <string.h>

#include "analysis/analysis.h"
#include "core/date.h"

#define MAX_SEG EXO_HAWKES_MAX_REGIMES
#define MAX_BINS EXO_TREND_MAX_BINS
/* The shortest segment for dates, in months (in days for equal bins). */
#define MIN_SEGMENT_MONTHS 12
#define YEAR_DAYS 365.25
/* Equal bins when the times are not dates. */
#define DEFAULT_BINS 128
/* Below this many events no trend is chosen: the verdict needs ten. */
#define MIN_EVENTS 10

/* The weight's integral over [a, b) (w[j] from wt[j]; w[0] also before). */
static double weight_integral(const double *wt, const double *w, size_t n_w,
                              double a, double b)
{
    double sum = 0.0;
    for (size_t j = 0; j < n_w; j++) {
        double lo = j == 0 ? -EXO_INF : wt[j];
        double hi = j + 1 < n_w ? wt[j + 1] : EXO_INF;
        lo = fmax(lo, a);
        hi = fmin(hi, b);
        if (hi > lo)
            sum += w[j] * (hi - lo);
    }
    return sum;
}

/* The first day of the month 'k' months after year y, month m (1-12). */
static double month_start(int y, int m, long k)
{
    long idx = (long)y * 12 + (m - 1) + k;
    return (double)exo_days_from_civil((int)(idx / 12), (int)(idx % 12) + 1, 1);
}

void exo__trend_grid(struct trend_grid *g, double t0, double t1, bool dates,
                     size_t bins, const double *wt, const double *w, size_t n_w)
{
    memset(g, 0, sizeof *g);
    g->edge[0] = t0;
    if (dates && bins == 0) {
        int y, m, d, y1, m1, d1;
        exo_civil_from_days((int32_t)floor(t0), &y, &m, &d);
        exo_civil_from_days((int32_t)floor(t1), &y1, &m1, &d1);
        long months = ((long)y1 - y) * 12 + (m1 - m) + 1;
        long per = (months + MAX_BINS - 1) / MAX_BINS;
        if (per < 1)
            per = 1;
        size_t nb = 0;
        for (long k = per;; k += per) {
            double e = month_start(y, m, k);
            if (e >= t1 || nb + 1 == MAX_BINS)
                break;
            if (e > t0)
                g->edge[++nb] = e;
        }
        g->edge[++nb] = t1;
        g->bins = nb;
        g->min_bins = (size_t)(MIN_SEGMENT_MONTHS / per);
        if (g->min_bins < 1)
            g->min_bins = 1;
    } else {
        if (bins == 0)
            bins = DEFAULT_BINS;
        if (bins > MAX_BINS)
            bins = MAX_BINS;
        double h = (t1 - t0) / (double)bins;
        for (size_t k = 1; k < bins; k++)
            g->edge[k] = t0 + h * (double)k;
        g->edge[bins] = t1;
        g->bins = bins;
        g->min_bins = 1;
        if (dates && h > 0.0 && YEAR_DAYS / h > 1.0)
            g->min_bins = (size_t)lround(YEAR_DAYS / h);
    }
    for (size_t k = 0; k < g->bins; k++) {
        double a = g->edge[k], b = g->edge[k + 1];
        g->exposure[k] = n_w ? weight_integral(wt, w, n_w, a, b) : b - a;
    }
}

/* The bin holding t (the first or last for a time outside). */
static size_t bin_of(const struct trend_grid *g, double t)
{
    size_t lo = 0, hi = g->bins; /* edge[lo] <= t < edge[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t >= g->edge[mid])
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* Poisson log L of c events over exposure W at the fitted rate c / W. */
static double seg_loglik(double c, double W)
{
    if (c == 0.0)
        return 0.0;
    if (!(W > 0.0))
        return -EXO_INF; /* events where the weight is 0 */
    return c * log(c / W) - c;
}

void exo__trend_select(const double *t, const double *weight, size_t n,
                       const struct trend_grid *g, double penalty,
                       double *counts, exo_trend *out)
{
    size_t bins = g->bins, min_len = g->min_bins;
    /* best[k][j]: the best log L of bins [0, j) in k + 1 segments; from[k][j]
     * the start of the last of them. */
    double best[MAX_SEG][MAX_BINS + 1];
    unsigned char from[MAX_SEG][MAX_BINS + 1];
    double C[MAX_BINS + 1], W[MAX_BINS + 1];
    double R[MAX_BINS + 1]; /* raw counts, for the segments' events */
    memset(out, 0, sizeof *out);
    memset(counts, 0, 2 * bins * sizeof *counts);
    for (size_t i = 0; i < n; i++) {
        size_t b = bin_of(g, t[i]);
        counts[b] += weight ? weight[i] : 1.0;
        counts[bins + b] += 1.0;
    }
    C[0] = W[0] = R[0] = 0.0;
    for (size_t b = 0; b < bins; b++) {
        C[b + 1] = C[b] + counts[b];
        W[b + 1] = W[b] + g->exposure[b];
        R[b + 1] = R[b] + counts[bins + b];
    }
    size_t K = bins < MAX_SEG ? bins : MAX_SEG;
    /* Each segment's log L once (a log each), then the recursion is adds:
     * seg[i * (bins + 1) + j] for bins [i, j). */
    double *seg = exo__malloc((bins + 1) * (bins + 1) * sizeof *seg);
    if (!seg) {
        /* No room for the table: the one-segment model, still exact. */
        out->n_segments = 1;
        out->penalty = penalty;
        out->start[0] = g->edge[0];
        out->events[0] = n;
        out->rate[0] = W[bins] > 0.0 ? C[bins] / W[bins] : 0.0;
        out->loglik = seg_loglik(C[bins], W[bins]);
        return;
    }
#define SEG(i, j) seg[(i) * (bins + 1) + (j)]
    /* A segment shorter than the shortest allowed cannot be chosen (the
     * whole window, one segment, always can). */
    for (size_t i = 0; i < bins; i++)
        for (size_t j = i + 1; j <= bins; j++)
            SEG(i, j) = j - i < min_len && !(i == 0 && j == bins)
                            ? -EXO_INF
                            : seg_loglik(C[j] - C[i], W[j] - W[i]);
    for (size_t j = 1; j <= bins; j++) {
        best[0][j] = SEG(0, j);
        from[0][j] = 0;
    }
    for (size_t k = 1; k < K; k++)
        for (size_t j = k + 1; j <= bins; j++) {
            double b = -EXO_INF;
            size_t arg = k;
            for (size_t i = k; i < j; i++) {
                double v = best[k - 1][i] + SEG(i, j);
                if (v > b) {
                    b = v;
                    arg = i;
                }
            }
            best[k][j] = b;
            from[k][j] = (unsigned char)arg;
        }
    /* The last segment must hold events: a trend that ends in an empty
     * stretch would forecast no departures at all, a certainty that a
     * quiet spell does not support (the gap joins the segment before). */
    size_t k_best = 0, last_start[MAX_SEG];
    double total[MAX_SEG];
    for (size_t k = 0; k < K; k++) {
        total[k] = -EXO_INF;
        last_start[k] = 0;
        if (k == 0) {
            total[0] = best[0][bins];
            continue;
        }
        for (size_t i = k; i < bins; i++) {
            if (R[bins] - R[i] <= 0.0)
                break;
            double v = best[k - 1][i] + SEG(i, bins);
            if (v > total[k]) {
                total[k] = v;
                last_start[k] = i;
            }
        }
    }
    if (n >= MIN_EVENTS)
        for (size_t k = 1; k < K; k++)
            if (total[k] - penalty * (double)k >
                total[k_best] - penalty * (double)k_best)
                k_best = k;
    /* Walk back the segment starts. */
    size_t edge[MAX_SEG + 1];
    edge[k_best + 1] = bins;
    if (k_best > 0) {
        edge[k_best] = last_start[k_best];
        for (size_t k = k_best, j = edge[k_best]; k-- > 0;) {
            edge[k] = from[k][j];
            j = edge[k];
        }
    } else {
        edge[0] = 0;
    }
#undef SEG
    exo__free(seg);
    out->n_segments = k_best + 1;
    out->penalty = penalty;
    out->loglik = total[k_best];
    for (size_t k = 0; k <= k_best; k++) {
        double c = C[edge[k + 1]] - C[edge[k]];
        double w = W[edge[k + 1]] - W[edge[k]];
        out->start[k] = g->edge[edge[k]];
        out->events[k] = (size_t)llround(R[edge[k + 1]] - R[edge[k]]);
        out->rate[k] = w > 0.0 ? c / w : 0.0;
    }
}

size_t exo__trend_baseline(const exo_trend *trend, double t1, const double *wt,
                           const double *w, size_t n_w, double *breaks,
                           size_t *n_breaks, double *out_t, double *out_w)
{
    size_t K = trend->n_segments, nb = 0, m = 0;
    bool any_empty = false, seen_events = false;
    for (size_t k = 0; k < K; k++) {
        if (trend->events[k] == 0) {
            any_empty = true;
            continue;
        }
        /* A regime starts at each segment with events but the first; an
         * empty segment belongs to the regime before it (or after it, at
         * the start), where the weight 0 switches its baseline off. */
        if (seen_events)
            breaks[nb++] = trend->start[k];
        seen_events = true;
    }
    *n_breaks = nb;
    if (!any_empty && n_w == 0)
        return 0;
    /* The product of the indicator of non-empty segments and the weight:
     * a step function with a step at every change of either. */
    size_t j = 0;
    for (size_t k = 0; k < K; k++) {
        double a = trend->start[k];
        double b = k + 1 < K ? trend->start[k + 1] : t1;
        double on = trend->events[k] ? 1.0 : 0.0;
        if (n_w == 0) {
            out_t[m] = a;
            out_w[m++] = on;
            continue;
        }
        /* The weight in force at a, then each of its changes inside. */
        while (j + 1 < n_w && wt[j + 1] <= a)
            j++;
        out_t[m] = a;
        out_w[m++] = on * w[j];
        for (size_t q = j + 1; q < n_w && wt[q] < b; q++) {
            out_t[m] = wt[q];
            out_w[m++] = on * w[q];
            j = q;
        }
    }
    return m;
}
