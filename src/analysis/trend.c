/*
 * trend.c - the trend-only model: departures with no contagion at all, at
 * a rate that changes over time. It is the alternative a careful analyst
 * must rule out before reading clustering as contagion: a growing
 * organisation, a reorganisation or a crisis raise the rate of departures
 * without any departure causing another.
 *
 * The rate is piecewise constant over segments made of whole bins of the
 * window (spiral.c chooses them: 128, but no narrower than a month for
 * dates), so the baseline changes at most once a bin, and excitation on
 * shorter scales stays for the Hawkes model to explain. The segments are chosen
 * by BIC: log L of the Poisson fit (rate = events / exposure on each segment)
 * minus log N for each change point, which adds two parameters (its place and
 * the new rate). Dynamic programming over the bin edges finds the exact optimum
 * for each number of segments, so the choice is reproducible and O(K G^2) for G
 * bins and K segments: microseconds, cheap enough to redo in each
 * bootstrap replicate (the test must account for the selection).
 */
#include <math.h>
#include <string.h>

#include "analysis/analysis.h"

#define MAX_SEG EXO_HAWKES_MAX_REGIMES
#define MAX_BINS 256
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

void exo__trend_bins(double t0, double t1, size_t bins, const double *wt,
                     const double *w, size_t n_w, double *out)
{
    double h = (t1 - t0) / (double)bins;
    for (size_t g = 0; g < bins; g++) {
        double a = t0 + h * (double)g;
        double b = g + 1 == bins ? t1 : a + h;
        out[g] = n_w ? weight_integral(wt, w, n_w, a, b) : b - a;
    }
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
                       double t0, double t1, const double *bin_exposure,
                       size_t bins, double penalty, double *counts,
                       exo_trend *out)
{
    /* best[k][j]: the best log L of bins [0, j) in k + 1 segments; from[k][j]
     * the start of the last of them. */
    double best[MAX_SEG][MAX_BINS + 1];
    unsigned char from[MAX_SEG][MAX_BINS + 1];
    double C[MAX_BINS + 1], W[MAX_BINS + 1];
    if (bins > MAX_BINS)
        bins = MAX_BINS;
    double R[MAX_BINS + 1]; /* raw counts, for the segments' events */
    memset(out, 0, sizeof *out);
    memset(counts, 0, 2 * bins * sizeof *counts);
    double h = (t1 - t0) / (double)bins;
    for (size_t i = 0; i < n; i++) {
        double g = floor((t[i] - t0) / h);
        size_t b = g < 0.0 ? 0 : g >= (double)bins ? bins - 1 : (size_t)g;
        counts[b] += weight ? weight[i] : 1.0;
        counts[bins + b] += 1.0;
    }
    C[0] = W[0] = R[0] = 0.0;
    for (size_t g = 0; g < bins; g++) {
        C[g + 1] = C[g] + counts[g];
        W[g + 1] = W[g] + bin_exposure[g];
        R[g + 1] = R[g] + counts[bins + g];
    }
    size_t K = bins < MAX_SEG ? bins : MAX_SEG;
    /* Each segment's log L once (a log each), then the recursion is adds:
     * seg[i * (bins + 1) + j] for bins [i, j). */
    double *seg = exo__malloc((bins + 1) * (bins + 1) * sizeof *seg);
    if (!seg) {
        /* No room for the table: the one-segment model, still exact. */
        out->n_segments = 1;
        out->penalty = penalty;
        out->start[0] = t0;
        out->events[0] = n;
        out->rate[0] = W[bins] > 0.0 ? C[bins] / W[bins] : 0.0;
        out->loglik = seg_loglik(C[bins], W[bins]);
        return;
    }
#define SEG(i, j) seg[(i) * (bins + 1) + (j)]
    for (size_t i = 0; i < bins; i++)
        for (size_t j = i + 1; j <= bins; j++)
            SEG(i, j) = seg_loglik(C[j] - C[i], W[j] - W[i]);
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
        out->start[k] = t0 + h * (double)edge[k];
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
