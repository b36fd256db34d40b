/*
 * spiral.c - the one answer to "is this organisation's attrition feeding
 * on itself?". Every view calls exo_spiral_analyze; this file alone decides
 * the window, the baseline, the test, the intervals and the forecast.
 *
 * The window. Departures can be seen only where the data can show them:
 * for an organisation known from the news, from its first recorded event
 * (arrival or departure); for one known from an HR export (spells), from
 * the first departure the export records, since an export lists the
 * people employed from some date on and its early years show hires but no
 * leavers. It ends at the data's as-of date: for the news, the newest
 * move the store holds (coverage ends there for every organisation); for
 * an export, the last date it records for the organisation. --since and
 * --until replace either end.
 *
 * The models, for each imputation of the imprecise dates (a date known to
 * a month lies somewhere in that month: each imputation draws it uniformly
 * there, as multiple imputation does for any missing value):
 *   trend only  Poisson with a piecewise-constant rate (trend.c, by modified
 * BIC); contagion   Hawkes with that same baseline. The test of "no contagion
 * beyond the trend" is a parametric bootstrap: replicates are drawn from the
 * trend-only model, their dates coarsened to the data's precisions and spread
 * again, and analysed exactly as the data were (change points chosen again), so
 * the selection and the spreading are inside the reference distribution. Above
 * 'exact_limit' events the 50:50 chi-square mixture stands in (asymptotic;
 * stated in the output).
 *
 * Combining M imputations (Rubin's rules, with the interval's two sides
 * kept apart because n's profile interval is not symmetric): the estimate
 * is the mean, each side's variance the median within-imputation variance
 * plus (1 + 1/M) times the between-imputation variance; the p-value is the
 * median of the imputations' (the median-p rule). If fewer than 80% of the
 * imputations agree with the combined test, the verdict says the dates
 * decide it.
 *
 * The forecast draws, for each block of paths, an imputation and the
 * parameters from their estimated sampling distribution (log-normal from
 * the observed information), so its intervals carry parameter and date
 * uncertainty as well as the randomness of the paths.
 */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_linalg.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <string.h>

#include "analysis/analysis.h"
#include "core/date.h"
#include "model/optim.h"
#include "model/rescale.h"
#include "store/rows.h"

/* Replicates and imputations by default: 199 and 20, and for more than
 * LARGE events 99 and 10, which keeps 10^4 events under 2 s on two cores.
 * The bootstrap p near 0.05 then has a Monte Carlo error of 0.022 (0.015
 * with 199); the imputations' share of the variance is small by then. */
#define DEFAULT_BOOT 199
#define DEFAULT_IMPUTATIONS 20
#define LARGE 2000
#define DEFAULT_EXACT_LIMIT 20000
#define DEFAULT_PATHS 10000
#define DEFAULT_HORIZON_DAYS 180.0
#define FORECAST_DRAWS 500
#define MAX_WEIGHTS_EXTRA (2 * EXO_HAWKES_MAX_REGIMES + 1)
/* Baselines whose penalised fits are this close to the best (log L units)
 * all count for n's interval: the data barely choose between them. */
#define CANDIDATE_DELTA 2.0
/* The longest half-life of the excitation under a chosen trend, in bins
 * (of at least a MIN_MEMORY_BINS-th of the window): a quarter of the
 * shortest segment (12 months). One bin cut off true memories of three
 * weeks, whose fits then stopped at the bound with no interval (docs/
 * spiral.md has the calibration). */
#define MEMORY_BINS 3.0
#define MIN_MEMORY_BINS 8.0
/* The penalty per change point of the bootstrap's null trend: AIC's two
 * parameters. */
#define NULL_PENALTY 2.0

/* How precisely one time is known: what a bootstrap replicate copies. */
enum prec { P_EXACT, P_DAY, P_MONTH, P_YEAR, P_STEP };

void exo_spiral_opts_init(exo_spiral_opts *opts)
{
    memset(opts, 0, sizeof *opts);
}

const char *exo_mass_mode_name(exo_mass_mode mode)
{
    switch (mode) {
    case EXO_MASS_KEEP:
        return "keep";
    case EXO_MASS_COLLAPSE:
        return "collapse";
    case EXO_MASS_EXCLUDE:
        return "exclude";
    }
    return "keep";
}

bool exo_mass_mode_parse(const char *name, exo_mass_mode *out)
{
    for (int m = EXO_MASS_KEEP; m <= EXO_MASS_EXCLUDE; m++)
        if (name && strcmp(name, exo_mass_mode_name((exo_mass_mode)m)) == 0) {
            *out = (exo_mass_mode)m;
            return true;
        }
    return false;
}

const char *exo_baseline_name(exo_baseline baseline)
{
    static const char *const names[] = {"trend", "constant", "regimes"};
    return (unsigned)baseline < sizeof names / sizeof *names ? names[baseline]
                                                             : "trend";
}

static int cmp_day(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/*
 * The mass events among m departure days d (ascending, in [start, end)):
 * writes each mass day once, ascending, to day[] with its departures in
 * count[] (room for m each) and returns how many. A day is a mass event
 * when it holds at least EXO_MASS_MIN_DEPARTURES and a Poisson count at
 * the local daily rate reaches its size with probability below 0.05 over
 * the window's days (Bonferroni: about one false flag in twenty windows).
 * The local rate is that of the other days of the EXO_MASS_SPAN days
 * centred on it, inside the window: a workforce that grows tenfold over
 * the window has ordinary days late in it far above the window's mean
 * rate, and a quarter is long enough to estimate a rate and short enough
 * for a trend to barely move within it. The floor: at the few departures
 * a month of a news record, two people announced the same day pass the
 * Poisson test, and they are the clustering the spiral measures, not a
 * layoff. Linear after the sort: two pointers bound each day's span.
 */
size_t exo__mass_days(const double *d, size_t m, double start, double end,
                      double *day, size_t *count)
{
    double days = fmax(1.0, end - start), alpha = 0.05 / days;
    double half = (double)(EXO_MASS_SPAN / 2);
    size_t n_days = 0, lo = 0, hi = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && d[j] == d[i])
            j++;
        size_t k = j - i;
        if (k >= EXO_MASS_MIN_DEPARTURES) {
            while (d[lo] < d[i] - half)
                lo++;
            if (hi < j)
                hi = j;
            while (hi < m && d[hi] <= d[i] + half)
                hi++;
            double from = fmax(start, d[i] - half),
                   to = fmin(end, d[i] + half + 1.0);
            double others = (double)(hi - lo - k), span = to - from - 1.0;
            double rate = span >= 1.0 ? others / span : 0.0;
            if (rate <= 0.0 ||
                gsl_cdf_poisson_Q((unsigned)(k - 1), rate) < alpha) {
                day[n_days] = d[i];
                count[n_days++] = k;
            }
        }
        i = j;
    }
    return n_days;
}

/*
 * Finds the mass events (exo__mass_days) among the n departures (times t,
 * precision widths w: 1 for a day) in the window [start, end), and with
 * COLLAPSE or EXCLUDE drops departures of those days from t, w and
 * s->departures together (COLLAPSE keeps each day's first). *n is
 * updated.
 */
static exo_code mass_events(exo_spiral *s, exo_mass_mode mode, double start,
                            double end, double *t, double *w, size_t *n,
                            exo_err *err)
{
    size_t m = 0;
    s->mass_mode = mode;
    s->mass_min = EXO_MASS_MIN_DEPARTURES;
    double *d = exo__calloc(*n ? 2 * *n : 1, sizeof *d);
    size_t *count = exo__calloc(*n ? *n : 1, sizeof *count);
    if (!d || !count) {
        exo__free(d);
        exo__free(count);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < *n; i++)
        if (w[i] <= 1.0 && t[i] >= start && t[i] < end)
            d[m++] = t[i];
    exo__qsort(d, m, sizeof *d, cmp_day);
    double *mass = d + *n; /* the mass days, ascending */
    size_t n_days = exo__mass_days(d, m, start, end, mass, count);
    for (size_t k = 0; k < n_days; k++) {
        if (k < EXO_MAX_MASS_DAYS) {
            s->mass_day[k] = mass[k];
            s->mass_count[k] = count[k];
        }
        s->n_mass_departures += count[k];
    }
    s->n_mass_days = n_days;
    exo__free(count);
    if (mode != EXO_MASS_KEEP && n_days) {
        size_t kept = 0;
        double last_kept = EXO_NAN;
        for (size_t i = 0; i < *n; i++) {
            bool on_mass_day =
                w[i] <= 1.0 &&
                bsearch(&t[i], mass, n_days, sizeof *mass, cmp_day) != NULL;
            bool keep = !on_mass_day ||
                        (mode == EXO_MASS_COLLAPSE && t[i] != last_kept);
            if (on_mass_day && keep)
                last_kept = t[i];
            /* departures are in date order, so a day's rows are adjacent */
            if (!keep) {
                exo__move_release(&s->departures.rows[i]);
                continue;
            }
            t[kept] = t[i];
            w[kept] = w[i];
            s->departures.rows[kept] = s->departures.rows[i];
            kept++;
        }
        *n = kept;
        s->departures.n = kept;
    }
    exo__free(d);
    return EXO_OK;
}

/* Everything one analysis works on; freed by work_release. */
struct work {
    const exo_spiral_opts *o;
    size_t n;
    double *t, *w;       /* window-clipped starts and widths, sorted */
    unsigned char *prec; /* enum prec of each, before clipping */
    bool dates;
    double start, end;
    /* The departures are an HR export's: its spells give a headcount. */
    bool export;
    /* The baseline weight (per head), or none. */
    const double *wt, *wv;
    size_t n_w;
    struct trend_grid grid; /* where a trend may change */
    size_t M;               /* imputations */
    double *imp;            /* M x n imputed times, row m sorted */
    size_t *order0;         /* imputation 0's input index of each time */
    exo_hawkes *fits;
    exo_code *fit_rc;
    exo_trend *trends;  /* M trend-only models */
    exo_trend *htrends; /* M baselines of the Hawkes models */
    double *p;          /* M p-values */
    double *stat;       /* M test statistics (fit_one) */
    double *ci;         /* M intervals for n (fit_one): lo, hi */
    double *ks_trend;   /* M KS p-values of the trend-only model */
    bool boot;
    size_t n_boot, n_boot_used;
    char fit_msg[256];
};

static void work_release(struct work *w)
{
    exo__free(w->t);
    exo__free(w->w);
    exo__free(w->prec);
    exo__free(w->imp);
    exo__free(w->order0);
    exo__free(w->fits);
    exo__free(w->fit_rc);
    exo__free(w->trends);
    exo__free(w->htrends);
    exo__free(w->p);
    exo__free(w->stat);
    exo__free(w->ci);
    exo__free(w->ks_trend);
}

/* A fit whose estimate counts: converged, the Poisson boundary, or a
 * memory run to the longest allowed. The last is the best fit within the
 * model (with an interval within it), and its imputation's verdict says
 * the decay is not identified; leaving it out would turn data with 100
 * departures and a plain answer within the bound into "no fit". */
static bool usable(const exo_hawkes *f, exo_code rc)
{
    return rc == EXO_OK && isfinite(f->n) &&
           (f->converged || f->at_boundary || f->decay_at_limit);
}

static enum prec prec_of(double width, bool dates)
{
    if (width <= 0.0)
        return P_EXACT;
    if (!dates)
        return P_STEP;
    if (width <= 1.0)
        return P_DAY;
    return width <= 31.0 ? P_MONTH : P_YEAR;
}

/* The span of precision 'p' holding 's' (a day, its month or year, or a
 * step of 'step'), as [*a, *a + *width). */
static void span_of(double s, enum prec p, double step, double *a,
                    double *width)
{
    int y, m, d;
    int32_t day = (int32_t)floor(s);
    switch (p) {
    case P_EXACT:
        *a = s;
        *width = 0.0;
        return;
    case P_STEP:
        *a = floor(s / step) * step;
        *width = step;
        return;
    case P_DAY:
        *a = day;
        *width = 1.0;
        return;
    case P_MONTH:
        exo_civil_from_days(day, &y, &m, &d);
        *a = exo_days_from_civil(y, m, 1);
        *width = exo__precision_days((int32_t)*a, EXO_PREC_MONTH);
        return;
    case P_YEAR:
        exo_civil_from_days(day, &y, &m, &d);
        *a = exo_days_from_civil(y, 1, 1);
        *width = exo__precision_days((int32_t)*a, EXO_PREC_YEAR);
        return;
    }
}

/* The penalty per change point (trend.c): 1.5 log N, the modified BIC. */
static double trend_penalty(size_t n)
{
    return 1.5 * log(n > 2 ? (double)n : 2.0);
}

/* The trend of the given regimes, or of one segment: counts only (their
 * rates are the Poisson fit's, filled in by fit_with). */
static void fixed_trend(const struct work *w, const double *times, size_t n,
                        exo_trend *trend)
{
    const exo_spiral_opts *o = w->o;
    memset(trend, 0, sizeof *trend);
    size_t K = o->baseline == EXO_BASELINE_REGIMES ? o->n_breaks + 1 : 1;
    trend->n_segments = K;
    trend->start[0] = w->start;
    for (size_t k = 1; k < K; k++)
        trend->start[k] = o->breaks[k - 1];
    for (size_t i = 0, k = 0; i < n; i++) {
        while (k + 1 < K && times[i] >= trend->start[k + 1])
            k++;
        trend->events[k]++;
    }
}

/*
 * The Hawkes fit of 'times' with 'trend' as its baseline (a regime per
 * segment with events, the per-head weight when asked for). 'profile'
 * asks for the interval and the goodness of fit; 'bounded', for a chosen
 * trend, the memory bound below.
 */
static exo_code fit_memory(const struct work *w, const double *times, size_t n,
                           exo_trend *trend, bool profile, bool bounded,
                           const exo_hawkes *start, exo_hawkes *fit,
                           exo_err *err)
{
    double theta[EXO_HAWKES_MAX_REGIMES + 2];
    const exo_spiral_opts *o = w->o;
    double breaks[EXO_HAWKES_MAX_REGIMES];
    size_t n_breaks = 0;
    double *wt = NULL, *wv = NULL;
    size_t n_w = 0;
    bool chosen = o->baseline == EXO_BASELINE_TREND;
    if (!chosen) {
        n_breaks = trend->n_segments - 1;
        memcpy(breaks, trend->start + 1, n_breaks * sizeof *breaks);
    } else {
        wt = exo__calloc(w->n_w + MAX_WEIGHTS_EXTRA, sizeof *wt);
        wv = exo__calloc(w->n_w + MAX_WEIGHTS_EXTRA, sizeof *wv);
        if (!wt || !wv) {
            exo__free(wt);
            exo__free(wv);
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        }
        n_w = exo__trend_baseline(trend, w->end, w->wt, w->wv, w->n_w, breaks,
                                  &n_breaks, wt, wv);
    }
    exo_hawkes_opts ho;
    exo_hawkes_opts_init(&ho);
    ho.has_window = true;
    ho.t_start = w->start;
    ho.t_end = w->end;
    ho.breaks = breaks;
    ho.n_breaks = n_breaks;
    ho.fixed_beta = o->fixed_beta;
    /* With a trend, contagion is what happens faster than the trend can
     * change: a memory much longer than a bin is a trend's to explain, and
     * letting the excitation have it would leave n unidentified. The same
     * bound holds for every candidate baseline, the constant one too, or
     * a long memory would stand in for the trend's steps. */
    if (chosen && bounded)
        ho.min_beta = M_LN2 * fmax((double)w->grid.bins, MIN_MEMORY_BINS) /
                      (MEMORY_BINS * (w->end - w->start));
    ho.level = o->level;
    /* Above the exact limit a converged interior fit's interval is Wald's:
     * at that size the log-likelihood is quadratic in n to within the
     * digits shown, and the profile search costs more than the fit. */
    bool wald = n > (o->exact_limit ? o->exact_limit : DEFAULT_EXACT_LIMIT) &&
                start && start->converged && !start->at_boundary;
    ho.no_profile = !profile || wald;
    ho.no_gof = !profile;
    /* A fit of this same model without the interval: completed from its
     * estimate rather than searched for again. */
    if (start && start->converged && !start->at_boundary &&
        !start->fixed_decay && start->n_regimes == n_breaks + 1) {
        for (size_t k = 0; k < start->n_regimes; k++)
            theta[k] = start->mu[k];
        theta[start->n_regimes] = start->alpha;
        theta[start->n_regimes + 1] = start->beta;
        ho.start = theta;
    }
    if (n_w) {
        ho.weight_times = wt;
        ho.weights = wv;
        ho.n_weights = n_w;
    } else if (!chosen && w->n_w) {
        ho.weight_times = w->wt;
        ho.weights = w->wv;
        ho.n_weights = w->n_w;
    }
    exo_code rc = exo_hawkes_fit(times, n, &ho, fit, err);
    exo__free(wt);
    exo__free(wv);
    if (rc == EXO_OK && !chosen) {
        /* The rates of the given segments are the Poisson fit's. */
        for (size_t k = 0; k < trend->n_segments; k++)
            trend->rate[k] =
                fit->exposure[k] > 0.0
                    ? (double)fit->regime_events[k] / fit->exposure[k]
                    : 0.0;
        trend->loglik = fit->loglik_poisson;
    }
    return rc;
}

/* n's interval from one fit: profile when there is one, else Wald. */
static void interval_of(const exo_hawkes *f, double *lo, double *hi)
{
    *lo = f->has_profile ? f->n_prof_lo : f->n_wald_lo;
    *hi = f->has_profile ? f->n_prof_hi : f->n_wald_hi;
    if (f->at_boundary && !f->has_profile) {
        *lo = 0.0;
        *hi = EXO_INF;
    }
    if (!isfinite(*lo))
        *lo = 0.0;
}

/* The same with the memory bound of a chosen trend. */
static exo_code fit_with(const struct work *w, const double *times, size_t n,
                         exo_trend *trend, bool profile,
                         const exo_hawkes *start, exo_hawkes *fit, exo_err *err)
{
    return fit_memory(w, times, n, trend, profile, true, start, fit, err);
}

static bool same_trend(const exo_trend *a, const exo_trend *b)
{
    if (a->n_segments != b->n_segments)
        return false;
    for (size_t k = 0; k < a->n_segments; k++)
        if (a->start[k] != b->start[k])
            return false;
    return true;
}

/*
 * The goodness of fit of the trend-only model 'tr' to 'n' sorted times:
 * its compensator between consecutive times (the segment's rate times
 * the baseline weight, integrated), i.i.d. Exp(1) under the model, tested
 * by KS as the Hawkes fit's own check is, into '*p'. EXO_ENOMEM when
 * out of memory: a missing check must not pass for a missing model.
 */
static int trend_ks_p(const struct work *w, const exo_trend *tr,
                      const double *times, size_t n, double *p)
{
    double *u = exo__malloc((n ? n : 1) * sizeof *u);
    if (!u)
        return EXO_ENOMEM;
    size_t k = 0, j = 0;
    double x = w->start, L = 0.0, prev = 0.0;
    for (size_t i = 0; i < n; i++) {
        while (x < times[i]) {
            while (k + 1 < tr->n_segments && tr->start[k + 1] <= x)
                k++;
            while (j + 1 < w->n_w && w->wt[j + 1] <= x)
                j++;
            double next = times[i];
            if (k + 1 < tr->n_segments && tr->start[k + 1] < next)
                next = tr->start[k + 1];
            if (j + 1 < w->n_w && w->wt[j + 1] < next)
                next = w->wt[j + 1];
            L += tr->rate[k] * (w->n_w ? w->wv[j] : 1.0) * (next - x);
            x = next;
        }
        u[i] = -expm1(-(L - prev));
        prev = L;
    }
    int rc = exo__ks_pvalue(n, exo__ks_stat(u, n), p);
    exo__free(u);
    return rc;
}

/*
 * One data set, analysed: the trend-only model into 'trend', the Hawkes
 * model into 'fit', and the test statistic into '*stat'.
 *
 * With a chosen trend, the two models choose their baselines each for
 * itself. The trend-only model's is the best Poisson trend. The Hawkes
 * model tries three and keeps the best penalised fit: that same trend; a
 * constant background; and the trend chosen again for the background of
 * the constant-background fit alone (stochastic declustering, Zhuang et
 * al. 2002: each departure weighted by the chance mu/lambda that nothing
 * triggered it). Without the last two, a burst of contagion would be read
 * as a change in the rate, and the excitation left to explain would
 * shrink with every burst. The statistic compares
 * the two penalised fits, 2 [(log L_H - pen K_H) - (log L_P - pen K_P)]
 * for K change points; the bootstrap refers it to replicates analysed the
 * same way. With a fixed baseline it is the plain likelihood ratio.
 */
static exo_code fit_one(const struct work *w, const double *times, size_t n,
                        bool profile, double *counts, exo_trend *trend,
                        exo_trend *htrend, exo_hawkes *fit, double *stat,
                        double ci[2], exo_err *err)
{
    exo_code rc;
    if (w->o->baseline != EXO_BASELINE_TREND) {
        fixed_trend(w, times, n, trend);
        rc = fit_with(w, times, n, trend, profile, NULL, fit, err);
        *stat = rc == EXO_OK ? fit->lr : 0.0;
        *htrend = *trend;
        if (rc == EXO_OK && profile)
            interval_of(fit, &ci[0], &ci[1]);
        return rc;
    }
    double pen = trend_penalty(n);
    /* Above the exact limit the choice between baselines is decisive:
     * the trend's and a constant one are compared, without the
     * declustered one or the interval's span over near-ties. */
    bool big =
        n > (w->o->exact_limit ? w->o->exact_limit : DEFAULT_EXACT_LIMIT);
    exo__trend_select(times, NULL, n, &w->grid, pen, counts, trend);
    exo_trend tr_h = *trend;
    /* The constant background's fit, first when the data are big: the
     * trend's fit then starts from it rather than searching the decays
     * again (the search costs several passes over every event). */
    exo_trend flat;
    exo_hawkes f0, start;
    exo_err e0 = {0};
    exo__trend_select(times, NULL, n, &w->grid, EXO_INF, counts, &flat);
    bool try_flat = flat.n_segments == 1 && !same_trend(&flat, &tr_h);
    bool flat_ok = false, flat_done = false;
    const exo_hawkes *warm = NULL;
    if (big && try_flat) {
        flat_done = true;
        flat_ok =
            fit_with(w, times, n, &flat, false, NULL, &f0, &e0) == EXO_OK &&
            (f0.converged || f0.at_boundary);
        if (flat_ok && f0.converged && !f0.at_boundary) {
            /* Each segment's rate, its background share (1 - n) kept. */
            start = f0;
            start.n_regimes = 0;
            for (size_t k = 0; k < tr_h.n_segments; k++)
                if (tr_h.events[k])
                    start.mu[start.n_regimes++] =
                        fmax(tr_h.rate[k] * (1.0 - fmin(f0.n, 0.99)),
                             1e-6 * f0.mu[0]);
            warm = &start;
        }
    }
    if ((rc = fit_with(w, times, n, &tr_h, false, warm, fit, err)))
        return rc;
    /* The Poisson fit's log L with this baseline, in the same terms as the
     * Hawkes fits' (with a per-head weight it holds sum log w(t_i), which
     * the trend's choice leaves out as a constant). */
    trend->loglik = fit->loglik_poisson;
    double null_score = trend->loglik - pen * (double)(trend->n_segments - 1);
    /* The candidates' baselines and penalised scores; the first is the
     * trend-only model's. */
    exo_trend cand[3];
    double cscore[3];
    size_t nc = 0, best = 0;
    cand[nc] = tr_h;
    cscore[nc++] = fit->loglik - pen * (double)(tr_h.n_segments - 1);
    /* The other start: a constant background, all clustering excitation;
     * then the background chosen again from its share of each event. */
    if (try_flat && !flat_done)
        flat_ok =
            fit_with(w, times, n, &flat, false, NULL, &f0, &e0) == EXO_OK &&
            (f0.converged || f0.at_boundary);
    if (flat_ok) {
        cand[nc] = flat;
        cscore[nc] = f0.loglik;
        if (cscore[nc] > cscore[best]) {
            best = nc;
            *fit = f0;
        }
        nc++;
        if (!f0.at_boundary && !big) {
            double *lam = exo__calloc(2 * (n ? n : 1), sizeof *lam);
            if (!lam)
                return exo__fail(err, EXO_ENOMEM, "out of memory");
            double *base = lam + n;
            if (exo_hawkes_intensity(&f0, times, n, times, n, lam, base, &e0) ==
                EXO_OK) {
                for (size_t i = 0; i < n; i++)
                    lam[i] = lam[i] > 0.0 ? base[i] / lam[i] : 1.0;
                exo_trend tr2;
                exo_hawkes f2;
                exo_err e2 = {0};
                exo__trend_select(times, lam, n, &w->grid, pen, counts, &tr2);
                if (!same_trend(&tr2, &flat) && !same_trend(&tr2, trend) &&
                    fit_with(w, times, n, &tr2, false, NULL, &f2, &e2) ==
                        EXO_OK &&
                    (f2.converged || f2.at_boundary)) {
                    cand[nc] = tr2;
                    cscore[nc] = f2.loglik - pen * (double)(tr2.n_segments - 1);
                    if (cscore[nc] > cscore[best]) {
                        best = nc;
                        *fit = f2;
                    }
                    nc++;
                }
            }
            exo__free(lam);
        }
    }
    *stat = fmax(0.0, 2.0 * (cscore[best] - null_score));
    *htrend = cand[best];
    if (profile) {
        exo_hawkes f;
        if ((rc = fit_memory(w, times, n, &cand[best], true, true, fit, &f,
                             err)))
            return rc;
        *fit = f;
        interval_of(fit, &ci[0], &ci[1]);
        /* Which baseline is right is itself uncertain: the interval spans
         * those of every candidate whose penalised fit is within
         * CANDIDATE_DELTA of the best (a choice the data barely make). */
        for (size_t c = 0; c < nc && !big; c++) {
            double lo, hi;
            exo_err ec = {0};
            if (c == best || cscore[c] < cscore[best] - CANDIDATE_DELTA ||
                fit_with(w, times, n, &cand[c], true, NULL, &f, &ec) !=
                    EXO_OK ||
                !(f.converged || f.at_boundary))
                continue;
            interval_of(&f, &lo, &hi);
            ci[0] = fmin(ci[0], lo);
            ci[1] = fmax(ci[1], hi);
        }
        /* And the constant baseline with a memory of any length, the
         * reading the bound rules out for the test: where it finds
         * excitation (its own test at 5%) and fits as well, n could be as
         * large as it says. */
        exo_err ef = {0};
        if (flat.n_segments == 1 && !big &&
            fit_memory(w, times, n, &flat, true, false, NULL, &f, &ef) ==
                EXO_OK &&
            f.converged && f.lr_p < 0.05 &&
            f.loglik >= cscore[best] - CANDIDATE_DELTA) {
            double lo, hi;
            interval_of(&f, &lo, &hi);
            ci[0] = fmin(ci[0], lo);
            ci[1] = fmax(ci[1], hi);
        }
    }
    return EXO_OK;
}

/* Draws one replicate from the trend-only model of imputation 'm' into
 * 'out' (sorted), coarsened and spread as the data are. */
static size_t draw_null(const struct work *w, const exo_trend *tr, gsl_rng *r,
                        double **buf, size_t *cap)
{
    size_t n = 0;
    for (size_t k = 0; k < tr->n_segments; k++) {
        double a = tr->start[k];
        double b = k + 1 < tr->n_segments ? tr->start[k + 1] : w->end;
        /* The weight's steps inside [a, b), or one step of weight 1. */
        size_t j = 0;
        while (w->n_w && j + 1 < w->n_w && w->wt[j + 1] <= a)
            j++;
        double x = a;
        while (x < b) {
            double next = b, wj = 1.0;
            if (w->n_w) {
                wj = w->wv[j];
                if (j + 1 < w->n_w && w->wt[j + 1] < b)
                    next = w->wt[j + 1];
            }
            double mean = tr->rate[k] * wj * (next - x);
            unsigned c = mean > 0.0 ? gsl_ran_poisson(r, mean) : 0;
            for (unsigned q = 0; q < c; q++) {
                if (n == *cap) {
                    size_t nc = *cap ? 2 * *cap : 256;
                    double *nb = exo__realloc(*buf, nc * sizeof *nb);
                    if (!nb)
                        return (size_t)-1;
                    *buf = nb;
                    *cap = nc;
                }
                double s = x + gsl_rng_uniform(r) * (next - x);
                /* Known only as precisely as a random one of the data. */
                size_t i = gsl_rng_uniform_int(r, w->n);
                double lo = s, width = 0.0;
                span_of(s, (enum prec)w->prec[i], w->w[i], &lo, &width);
                double hi = fmin(lo + width, w->end);
                lo = fmax(lo, w->start);
                (*buf)[n++] = lo + gsl_rng_uniform(r) * fmax(0.0, hi - lo);
            }
            x = next;
            if (w->n_w && next < b)
                j++;
        }
    }
    exo__qsort(*buf, n, sizeof **buf, exo__cmp_double);
    return n;
}

/* The parametric bootstrap of the LR statistic, against every
 * imputation's LR at once. */
static exo_code bootstrap(struct work *w, size_t rep, exo_err *err)
{
    size_t B = w->o->bootstrap ? w->o->bootstrap
               : w->n > LARGE  ? (DEFAULT_BOOT - 1) / 2
                               : DEFAULT_BOOT;
    size_t M = w->M;
    size_t *ge = exo__calloc(M, sizeof *ge);
    if (!ge)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    uint64_t seed = w->o->seed ? w->o->seed : 1;
    size_t used = 0;
    /* The replicates' trend: chosen again by AIC, which errs toward more
     * change points. A null that missed real changes in the rate would
     * leave their trace in the data and not in the replicates, where it
     * would read as contagion; one that keeps a few spurious changes
     * costs a little power, since a year-long segment cannot mimic
     * clustering within months. */
    exo_trend null_tr = w->trends[rep];
    if (w->o->baseline == EXO_BASELINE_TREND) {
        double *scratch = exo__calloc(2 * w->grid.bins, sizeof *scratch);
        if (!scratch) {
            exo__free(ge);
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        }
        exo__trend_select(w->imp + rep * w->n, NULL, w->n, &w->grid,
                          NULL_PENALTY, scratch, &null_tr);
        exo__free(scratch);
    }
    int failed = 0;
#pragma omp parallel reduction(+ : used) reduction(| : failed)
    {
        gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
        double *counts = exo__calloc(2 * w->grid.bins, sizeof *counts);
        size_t *mine = exo__calloc(M, sizeof *mine);
        double *buf = NULL;
        size_t cap = 0;
        if (!r || !counts || !mine)
            failed = 1;
#pragma omp for schedule(dynamic, 1)
        for (size_t b = 0; b < B; b++) {
            if (failed)
                continue;
            /* Streams 0..M-1 of the seed spread the imputations; the
             * replicates take the streams after them. */
            gsl_rng_set(r, exo__derive_seed(seed, M + b));
            size_t n = draw_null(w, &null_tr, r, &buf, &cap);
            if (n == (size_t)-1) {
                failed = 1;
                continue;
            }
            exo_trend tr;
            exo_hawkes f;
            exo_err e = {0};
            exo_trend th;
            double st;
            exo_code rc =
                fit_one(w, buf, n, false, counts, &tr, &th, &f, &st, NULL, &e);
            /* A replicate that found no fit is left out; one that ran out
             * of memory fails the test, not quietly thins it. */
            if (rc == EXO_ENOMEM)
                failed = 1;
            if (rc != EXO_OK || !isfinite(st))
                continue;
            /* Every fit counts, converged or not: the data's statistic is
             * the supremum over the same searched region. */
            used++;
            for (size_t m = 0; m < M; m++)
                if (usable(&w->fits[m], w->fit_rc[m]) &&
                    st >= w->stat[m] * (1.0 - 1e-12))
                    mine[m]++;
        }
#pragma omp critical
        for (size_t m = 0; m < M && mine; m++)
            ge[m] += mine[m];
        gsl_rng_free(r);
        exo__free(counts);
        exo__free(mine);
        exo__free(buf);
    }
    if (failed) {
        exo__free(ge);
        return exo__fail(err, EXO_ENOMEM, "out of memory in the bootstrap");
    }
    w->boot = true;
    w->n_boot = B;
    w->n_boot_used = used;
    for (size_t m = 0; m < M; m++)
        w->p[m] = (1.0 + (double)ge[m]) / (1.0 + (double)used);
    exo__free(ge);
    return EXO_OK;
}

static double median(double *v, size_t n)
{
    exo__qsort(v, n, sizeof *v, exo__cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static void baseline_text(const exo_spiral *s, const exo_spiral_opts *o,
                          char *buf, size_t size)
{
    const char *per = o->per_head ? " per head" : "";
    char times[32];
    const exo_trend *h = &s->hawkes_trend;
    if (o->baseline == EXO_BASELINE_TREND && h->n_segments > 1)
        snprintf(buf, size,
                 "a rate%s that changes %s (trend chosen by modified BIC)", per,
                 h->n_segments == 2 ? "once"
                                    : (snprintf(times, sizeof times,
                                                "%zu times", h->n_segments - 1),
                                       times));
    else if (o->baseline == EXO_BASELINE_TREND && s->trend.n_segments > 1)
        snprintf(buf, size,
                 "a constant rate%s (the Hawkes model's best penalised fit: "
                 "with the excitation, the trend-only model's changes are "
                 "not needed)",
                 per);
    else if (o->baseline == EXO_BASELINE_TREND)
        snprintf(buf, size,
                 "a constant rate%s (no change chosen by modified BIC)", per);
    else if (o->baseline == EXO_BASELINE_REGIMES)
        snprintf(buf, size, "piecewise%s at %zu dates given", per, o->n_breaks);
    else
        snprintf(buf, size, "a constant rate%s", per);
}

/*
 * The forecast: FORECAST_DRAWS draws, each from a usable imputation (in
 * turn) and the log-normal approximation to its estimates' sampling
 * distribution, the excitation recomputed for the drawn decay over that
 * imputation's history.
 */
static exo_code forecast(const struct work *w, exo_spiral *s, exo_err *err)
{
    double H = w->o->horizon > 0.0 ? w->o->horizon : DEFAULT_HORIZON_DAYS;
    size_t paths = w->o->paths ? w->o->paths : DEFAULT_PATHS;
    size_t D = paths < FORECAST_DRAWS ? paths : FORECAST_DRAWS;
    uint64_t seed = w->o->seed ? w->o->seed : 1;
    size_t *ok = exo__calloc(w->M, sizeof *ok), n_ok = 0;
    exo_forecast_draw *d = exo__calloc(D, sizeof *d);
    gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
    exo_code rc = EXO_OK;
    if (!ok || !d || !r) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t m = 0; m < w->M; m++)
        if (usable(&w->fits[m], w->fit_rc[m]))
            ok[n_ok++] = m;
    gsl_rng_set(r, exo__derive_seed(seed, (uint64_t)-1));
    for (size_t j = 0; j < D; j++) {
        size_t m = ok[j % n_ok];
        const exo_hawkes *f = &w->fits[m];
        size_t K = f->n_regimes, P = K + 2;
        double wend = f->weighted ? f->weight_end : 1.0;
        /* (log mu_last, log alpha, log beta): covariance by the delta
         * method from the observed information. */
        size_t idx[3] = {K - 1, K, K + 1};
        double x[3] = {f->mu[K - 1], f->alpha, f->beta}, z[3] = {0, 0, 0};
        size_t q =
            f->at_boundary || f->fixed_decay ? (f->at_boundary ? 1 : 2) : 3;
        double L[9] = {0};
        for (size_t a = 0; a < q; a++)
            for (size_t b = 0; b < q; b++)
                L[a * 3 + b] = f->cov[idx[a] * P + idx[b]] / (x[a] * x[b]);
        /* Cholesky by hand on at most 3 x 3; a draw without a usable
         * covariance keeps the estimate. */
        bool chol = true;
        for (size_t a = 0; a < q && chol; a++) {
            for (size_t b = 0; b <= a; b++) {
                double v = L[a * 3 + b];
                for (size_t c = 0; c < b; c++)
                    v -= L[a * 3 + c] * L[b * 3 + c];
                if (a == b) {
                    if (!(v > 0.0) || !isfinite(v)) {
                        chol = false;
                        break;
                    }
                    L[a * 3 + a] = sqrt(v);
                } else {
                    L[a * 3 + b] = v / L[b * 3 + b];
                }
            }
        }
        double e[3] = {0, 0, 0};
        /* Draw 0 is the estimate itself. A subcritical estimate keeps its
         * draws subcritical (up to 20 tries, then the estimate): a draw
         * past n = 1 explodes within the horizon, and a few such paths
         * would make the mean a statement about the tail of the
         * estimator's distribution, not about the organisation. */
        for (int tries = 0; chol && j > 0 && tries < 20; tries++) {
            for (size_t a = 0; a < q; a++) {
                z[a] = gsl_ran_gaussian_ziggurat(r, 1.0);
                e[a] = 0.0;
            }
            for (size_t a = 0; a < q; a++)
                for (size_t b = 0; b <= a; b++)
                    e[a] += L[a * 3 + b] * z[b];
            if (f->at_boundary || !(f->n < 1.0) ||
                x[1] * exp(e[1]) < x[2] * exp(e[2]))
                break;
            e[0] = e[1] = e[2] = 0.0;
        }
        /* A draw that overflows (a huge standard error) keeps the
         * estimate: it says nothing a finite draw would not. */
        if (!isfinite(x[0] * exp(e[0])) || !isfinite(x[1] * exp(e[1])) ||
            !isfinite(x[2] * exp(e[2])) || !(x[2] * exp(e[2]) > 0.0))
            e[0] = e[1] = e[2] = 0.0;
        d[j].mu = x[0] * exp(e[0]) * wend;
        if (f->at_boundary) {
            d[j].alpha = 0.0;
            d[j].beta = 1.0;
            d[j].excitation = 0.0;
            continue;
        }
        d[j].alpha = x[1] * exp(e[1]);
        d[j].beta = x[2] * exp(e[2]);
        /* The excitation at the end, from the newest events back: those
         * older than 40 decay times add under 4e-18 each. */
        const double *t = w->imp + m * w->n;
        double S = 0.0;
        for (size_t i = w->n; i-- > 0;) {
            double age = d[j].beta * (w->end - t[i]);
            if (age > 40.0)
                break;
            S += exp(-age);
        }
        d[j].excitation = d[j].alpha * S;
        if (!(d[j].mu >= 0.0 && d[j].alpha >= 0.0 && d[j].beta > 0.0 &&
              d[j].excitation >= 0.0 &&
              isfinite(d[j].mu + d[j].alpha + d[j].beta + d[j].excitation)))
            d[j] = d[0]; /* the estimate of the first usable imputation */
    }
    rc = exo_hawkes_forecast_draws(d, D, H, paths, seed, &s->forecast, err);
    s->has_forecast = rc == EXO_OK;
out:
    gsl_rng_free(r);
    exo__free(ok);
    exo__free(d);
    return rc;
}

/* The verdict evidence of imputation m (or of all combined: m = M). */
static void evidence(const struct work *w, const exo_spiral *s, size_t m,
                     struct verdict_in *in)
{
    memset(in, 0, sizeof *in);
    in->n_events = w->n;
    in->noun = s->org ? "departures" : "events";
    in->could_be_per_head = w->export && !s->per_head;
    in->level = s->level;
    in->bootstrap = w->boot;
    in->imprecise = s->n_month + s->n_year > 0;
    in->p_constant = s->has_fit_constant ? s->p_constant : EXO_NAN;
    in->n_segments = s->trend.n_segments;
    in->time_unit = w->dates ? "days" : "units";
    /* The memory's bound, from the first fit that reached it. */
    size_t at_limit = 0, fitted = 0;
    for (size_t k = 0; k < w->M; k++)
        if (usable(&w->fits[k], w->fit_rc[k])) {
            fitted++;
            if (w->fits[k].decay_at_limit && !at_limit++)
                in->limit_half_life = M_LN2 / w->fits[k].beta;
        }
    if (m < w->M) {
        const exo_hawkes *f = &w->fits[m];
        in->has_fit = usable(f, w->fit_rc[m]);
        in->decay_at_limit = w->fit_rc[m] == EXO_OK && f->decay_at_limit;
        in->no_fit = w->fit_msg;
        in->n = f->n;
        in->lo = w->ci[2 * m];
        in->hi = w->ci[2 * m + 1];
        in->p = w->p[m];
        if (in->p >= 0.05)
            in->lo = 0.0;
        in->ks_p = f->has_gof ? f->ks_p : 1.0;
        in->ks_p_trend = isnan(w->ks_trend[m]) ? 0.0 : w->ks_trend[m];
        in->n_segments = w->trends[m].n_segments;
        return;
    }
    in->has_fit = s->has_fit;
    in->no_fit = s->no_fit;
    /* Combined, the decay is not identified when at least half the
     * fitted imputations reach the bound (or none could be fitted and the
     * first did). */
    in->decay_at_limit = s->has_fit ? 2 * at_limit >= fitted && at_limit > 0
                                    : s->fit.decay_at_limit;
    in->n = s->n;
    in->lo = s->n_lo;
    in->hi = s->n_hi;
    in->p = s->p;
    in->ks_p = s->ks_p;
    in->ks_p_trend = s->ks_p_trend;
    in->kind_count = s->kind_count;
    in->n_imputations = w->M;
    for (size_t k = 0; k < w->M; k++)
        if (usable(&w->fits[k], w->fit_rc[k])) {
            in->n_voting++;
            in->n_rejecting += w->p[k] < 0.05;
        }
}

/* The representative fit's baseline weight, for views that draw its
 * intensity (exo_hawkes_intensity_weighted): none when it has none. */
static exo_code keep_baseline(const struct work *w, const exo_trend *htrend,
                              exo_spiral *s, exo_err *err)
{
    if (!s->fit.weighted)
        return EXO_OK;
    size_t cap = w->n_w + MAX_WEIGHTS_EXTRA;
    double breaks[EXO_HAWKES_MAX_REGIMES];
    size_t nb;
    s->base_t = exo__calloc(cap, sizeof *s->base_t);
    s->base_w = exo__calloc(cap, sizeof *s->base_w);
    if (!s->base_t || !s->base_w)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    if (w->o->baseline == EXO_BASELINE_TREND) {
        s->n_base = exo__trend_baseline(htrend, w->end, w->wt, w->wv, w->n_w,
                                        breaks, &nb, s->base_t, s->base_w);
    } else {
        memcpy(s->base_t, w->wt, w->n_w * sizeof *s->base_t);
        memcpy(s->base_w, w->wv, w->n_w * sizeof *s->base_w);
        s->n_base = w->n_w;
    }
    return EXO_OK;
}

/* The verdict when there is no estimate to weigh. */
static void no_fit_verdict(const struct work *w, exo_spiral *s)
{
    struct verdict_in in;
    evidence(w, s, w->M, &in);
    in.has_fit = false;
    in.decay_at_limit = s->fit.decay_at_limit;
    in.no_fit = s->no_fit;
    exo__spiral_verdict(&in, &s->verdict);
}

static exo_code analyze(struct work *w, exo_spiral *s, exo_err *err)
{
    const exo_spiral_opts *o = w->o;
    size_t n = w->n;
    uint64_t seed = o->seed ? o->seed : 1;
    s->dates = w->dates;
    s->baseline = o->baseline;
    s->per_head = o->per_head;
    s->start = w->start;
    s->end = w->end;
    s->n_events = n;
    s->level = o->level > 0.0 ? o->level : 0.95;
    for (size_t i = 0; i < n; i++) {
        enum prec p = (enum prec)w->prec[i];
        s->n_exact += p == P_EXACT;
        s->n_step += p == P_STEP;
        if (p == P_STEP)
            s->step = w->w[i];
        s->n_day += p == P_DAY;
        s->n_month += p == P_MONTH;
        s->n_year += p == P_YEAR;
    }
    bool spread = false;
    for (size_t i = 0; i < n && !o->ties_exact; i++)
        spread |= w->w[i] > 0.0;
    size_t limit = o->exact_limit ? o->exact_limit : DEFAULT_EXACT_LIMIT;
    bool small = n <= limit && !o->asymptotic;
    w->M = !spread || !small ? 1
           : o->imputations  ? o->imputations
           : n > LARGE       ? DEFAULT_IMPUTATIONS / 2
                             : DEFAULT_IMPUTATIONS;
    size_t M = w->M;
    w->imp = exo__calloc(M * (n ? n : 1), sizeof *w->imp);
    w->order0 = exo__calloc(n ? n : 1, sizeof *w->order0);
    w->fits = exo__calloc(M, sizeof *w->fits);
    w->fit_rc = exo__calloc(M, sizeof *w->fit_rc);
    w->trends = exo__calloc(M, sizeof *w->trends);
    w->htrends = exo__calloc(M, sizeof *w->htrends);
    w->p = exo__calloc(M, sizeof *w->p);
    w->stat = exo__calloc(M, sizeof *w->stat);
    w->ci = exo__calloc(2 * M, sizeof *w->ci);
    w->ks_trend = exo__calloc(M, sizeof *w->ks_trend);
    s->times = exo__calloc(n ? n : 1, sizeof *s->times);
    s->imputations = exo__calloc(M, sizeof *s->imputations);
    s->order = exo__calloc(n ? n : 1, sizeof *s->order);
    if (!w->imp || !w->order0 || !w->fits || !w->fit_rc || !w->trends ||
        !w->htrends || !w->p || !w->stat || !w->ci || !w->ks_trend ||
        !s->times || !s->order || !s->imputations)
        return exo__fail(err, EXO_ENOMEM, "out of memory for %zu events", n);
    exo__trend_grid(&w->grid, w->start, w->end, w->dates, o->trend_bins, w->wt,
                    w->wv, w->n_w);
    /* The imputations: imputation 0 uses the seed itself, so one
     * imputation is the classic single spreading. */
    for (size_t m = 0; m < M; m++) {
        double *t = w->imp + m * n;
        memcpy(t, w->t, n * sizeof *t);
        exo_code rc =
            spread ? exo_hawkes_spread_ties_order(
                         t, w->w, n, m == 0 ? seed : exo__derive_seed(seed, m),
                         m == 0 ? w->order0 : NULL, err)
                   : EXO_OK;
        if (rc)
            return rc;
        if (!spread && m == 0)
            for (size_t i = 0; i < n; i++)
                w->order0[i] = i;
    }
    memcpy(s->times, w->imp, n * sizeof *s->times);
    memcpy(s->order, w->order0, n * sizeof *s->order);
    if (n < 3) {
        snprintf(s->no_fit, sizeof s->no_fit, "%zu %s are too few to fit", n,
                 s->org ? "departures" : "events");
        no_fit_verdict(w, s);
        return EXO_OK;
    }
    /* Each imputation: trend, Hawkes with it, profile and fit checks. */
    int failed = 0;
#pragma omp parallel reduction(| : failed)
    {
        double *counts = exo__calloc(2 * w->grid.bins, sizeof *counts);
        if (!counts)
            failed = 1;
#pragma omp for schedule(dynamic, 1)
        for (size_t m = 0; m < M; m++) {
            exo_err e = {0};
            if (!counts)
                continue;
            w->fit_rc[m] = fit_one(w, w->imp + m * n, n, true, counts,
                                   &w->trends[m], &w->htrends[m], &w->fits[m],
                                   &w->stat[m], w->ci + 2 * m, &e);
            if (w->fit_rc[m] == EXO_ENOMEM)
                failed = 1;
            else if (w->fit_rc[m] && m == 0)
                snprintf(w->fit_msg, sizeof w->fit_msg, "%s", e.msg);
            w->p[m] = w->fit_rc[m] == EXO_OK ? w->fits[m].lr_p : 1.0;
            w->ks_trend[m] = EXO_NAN;
            if (w->fit_rc[m] == EXO_OK &&
                trend_ks_p(w, &w->trends[m], w->imp + m * n, n,
                           &w->ks_trend[m]))
                failed = 1;
        }
        exo__free(counts);
    }
    if (failed)
        return exo__fail(err, EXO_ENOMEM, "out of memory fitting");
    /* The representative: the first imputation with a usable fit. */
    size_t rep = M, n_ok = 0;
    for (size_t m = 0; m < M; m++)
        if (usable(&w->fits[m], w->fit_rc[m])) {
            if (rep == M)
                rep = m;
            n_ok++;
        }
    s->n_imputations = M;
    s->n_fitted = n_ok;
    s->trend = w->trends[rep < M ? rep : 0];
    s->hawkes_trend = w->htrends[rep < M ? rep : 0];
    s->fit = w->fits[rep < M ? rep : 0];
    if (2 * n_ok <= M) {
        /* Most imputations gave no estimate: claim none. */
        if (w->fit_rc[0] == EXO_OK && !w->fits[0].converged)
            snprintf(s->no_fit, sizeof s->no_fit,
                     "the fit did not converge in %zu of %zu imputations "
                     "(largest gradient %.2g)",
                     M - n_ok, M, w->fits[0].grad_norm);
        else
            snprintf(s->no_fit, sizeof s->no_fit, "%s",
                     w->fit_msg[0] ? w->fit_msg : "no usable fit");
        if (w->fit_rc[0] == EXO_OK && w->fits[0].decay_at_limit)
            s->fit.decay_at_limit = true;
        no_fit_verdict(w, s);
        return EXO_OK;
    }
    s->has_fit = true;
    exo_code rc;
    if ((rc = keep_baseline(w, &w->htrends[rep], s, err)))
        return rc;
    /* The constant-baseline reading, the one a trend can fool. */
    if (s->hawkes_trend.n_segments > 1 || o->baseline == EXO_BASELINE_REGIMES) {
        exo_spiral_opts oc = *o;
        struct work wc = *w;
        double counts[2], st;
        exo_trend tc, th;
        exo_err e = {0};
        oc.baseline = EXO_BASELINE_CONSTANT;
        wc.o = &oc;
        if (fit_one(&wc, w->imp + rep * n, n, false, counts, &tc, &th,
                    &s->fit_constant, &st, NULL, &e) == EXO_OK &&
            usable(&s->fit_constant, EXO_OK)) {
            s->has_fit_constant = true;
            s->p_constant = s->fit_constant.lr_p;
        }
    }
    if (small && (rc = bootstrap(w, rep, err)))
        return rc;
    /* Combined over the usable imputations. */
    double z = gsl_cdf_ugaussian_Pinv(0.5 + s->level / 2.0);
    double sum = 0.0, *ps = NULL, *ks = NULL, *vlo = NULL, *vhi = NULL;
    size_t n_unb = 0, n_fin = 0;
    ps = exo__calloc(M, sizeof *ps);
    ks = exo__calloc(M, sizeof *ks);
    vlo = exo__calloc(M, sizeof *vlo);
    vhi = exo__calloc(M, sizeof *vhi);
    if (!ps || !ks || !vlo || !vhi) {
        exo__free(ps);
        exo__free(ks);
        exo__free(vlo);
        exo__free(vhi);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    s->n_min = EXO_INF;
    s->n_max = -EXO_INF;
    size_t q = 0;
    for (size_t m = 0; m < M; m++) {
        const exo_hawkes *f = &w->fits[m];
        if (!usable(f, w->fit_rc[m]))
            continue;
        double lo = w->ci[2 * m], hi = w->ci[2 * m + 1];
        sum += f->n;
        s->n_min = fmin(s->n_min, f->n);
        s->n_max = fmax(s->n_max, f->n);
        vlo[q] = pow((f->n - lo) / z, 2.0);
        if (isfinite(hi))
            vhi[n_fin++] = pow((hi - f->n) / z, 2.0);
        else
            n_unb++;
        ps[q] = w->p[m];
        ks[q] = f->has_gof ? f->ks_p : 1.0;
        q++;
    }
    double mean = sum / (double)q, between = 0.0;
    for (size_t m = 0; m < M; m++)
        if (usable(&w->fits[m], w->fit_rc[m]))
            between += pow(w->fits[m].n - mean, 2.0);
    between = q > 1 ? between / (double)(q - 1) : 0.0;
    double inflate = (1.0 + 1.0 / (double)q) * between;
    s->n = mean;
    /* The within-imputation variance of each side is the median over the
     * imputations, not the mean: the odd imputation whose profile is flat
     * would otherwise set the interval for all of them. */
    s->n_lo = fmax(0.0, mean - z * sqrt(median(vlo, q) + inflate));
    s->n_hi = mean + z * sqrt((n_fin ? median(vhi, n_fin) : 0.0) + inflate);
    if (2 * n_unb >= q)
        s->n_hi = EXO_INF;
    s->p = median(ps, q);
    s->ks_p = median(ks, q);
    for (size_t m = 0, j = 0; m < M; m++)
        if (usable(&w->fits[m], w->fit_rc[m]))
            ks[j++] = isnan(w->ks_trend[m]) ? 0.0 : w->ks_trend[m];
    s->ks_p_trend = median(ks, q);
    exo__free(ps);
    exo__free(ks);
    exo__free(vlo);
    exo__free(vhi);
    /* "No contagion" not rejected: the interval starts at 0 (the profile
     * likelihood's own lower end would reject more often than the test). */
    if (s->p >= 0.05)
        s->n_lo = 0.0;
    s->bootstrap = w->boot;
    s->n_boot = w->n_boot;
    s->n_boot_used = w->n_boot_used;
    /* Each imputation's own verdict, for the vote. */
    for (size_t m = 0; m < M; m++) {
        struct verdict_in in;
        exo_verdict v;
        exo_spiral_imputation *im = &s->imputations[m];
        evidence(w, s, m, &in);
        im->has_fit = in.has_fit;
        im->n = in.n;
        im->lo = in.lo;
        im->hi = in.hi;
        im->p = in.p;
        im->ks_p = in.ks_p;
        im->n_segments = in.n_segments;
        if (!in.has_fit)
            continue;
        exo__spiral_verdict(&in, &v);
        im->kind = v.kind;
        s->kind_count[v.kind]++;
    }
    if (w->dates || o->horizon > 0.0) {
        /* A model that cannot be simulated forward gives no forecast, not
         * a failed answer: the verdict stands without it. */
        exo_err fe = {0};
        if ((rc = forecast(w, s, &fe)) == EXO_ENOMEM) {
            *err = fe;
            return rc;
        }
    }
    struct verdict_in in;
    char base[256], horizon[64];
    evidence(w, s, M, &in);
    baseline_text(s, o, base, sizeof base);
    in.baseline = base;
    if (s->has_forecast) {
        double H = s->forecast.horizon;
        if (w->dates)
            snprintf(horizon, sizeof horizon, "%g days", H);
        else
            snprintf(horizon, sizeof horizon, "%g units", H);
        in.forecast = &s->forecast;
        in.horizon = horizon;
    }
    exo__spiral_verdict(&in, &s->verdict);
    return EXO_OK;
}

/* Sorts (time, width, precision) triples by time. */
struct timed {
    double t, w;
    unsigned char p;
    size_t i;
};

static int cmp_timed(const void *a, const void *b)
{
    const struct timed *x = a, *y = b;
    if (x->t != y->t)
        return (x->t > y->t) - (x->t < y->t);
    return (x->i > y->i) - (x->i < y->i);
}

/* Copies 'n' events into 'w' sorted, keeps those in [start, end] and
 * clips their spans to the window; counts the rest in '*outside'. */
static exo_code load_events(struct work *w, const double *t,
                            const double *width, size_t n, size_t *outside,
                            exo_err *err)
{
    /* Every entry is written before it is read: no need to zero them. */
    struct timed *e = exo__malloc((n ? n : 1) * sizeof *e);
    w->t = exo__malloc((n ? n : 1) * sizeof *w->t);
    w->w = exo__malloc((n ? n : 1) * sizeof *w->w);
    w->prec = exo__malloc(n ? n : 1);
    if (!e || !w->t || !w->w || !w->prec) {
        exo__free(e);
        return exo__fail(err, EXO_ENOMEM, "out of memory for %zu events", n);
    }
    for (size_t i = 0; i < n; i++) {
        double wi = width ? width[i] : 0.0;
        if (!isfinite(t[i]) || !(wi >= 0.0) || !isfinite(wi)) {
            exo__free(e);
            return exo__fail(err, EXO_EINVAL,
                             "event %zu: time %g, width %g (expected finite "
                             "numbers, width >= 0)",
                             i, t[i], wi);
        }
        e[i].t = t[i];
        e[i].w = wi;
        e[i].p = (unsigned char)prec_of(wi, w->dates);
        e[i].i = i;
    }
    bool sorted = true; /* files are mostly in time order already */
    for (size_t i = 1; i < n && sorted; i++)
        sorted = e[i - 1].t <= e[i].t;
    if (!sorted)
        exo__qsort(e, n, sizeof *e, cmp_timed);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        double a = e[i].t, b = e[i].t + e[i].w;
        if (a > w->end || b < w->start || (a == w->end && e[i].w > 0.0)) {
            (*outside)++;
            continue;
        }
        /* A coarse date reaching past an end of the window is spread only
         * over the part inside it. */
        a = fmax(a, w->start);
        b = fmin(b, w->end);
        w->t[kept] = a;
        w->w[kept] = b - a;
        w->prec[kept] = e[i].p;
        kept++;
    }
    w->n = kept;
    exo__free(e);
    return EXO_OK;
}

/* The regimes given must lie inside the window, in order. */
static exo_code check_breaks(const struct work *w, exo_err *err)
{
    const exo_spiral_opts *o = w->o;
    if (o->baseline != EXO_BASELINE_REGIMES)
        return EXO_OK;
    if (o->n_breaks == 0 || o->n_breaks >= EXO_HAWKES_MAX_REGIMES)
        return exo__fail(err, EXO_EINVAL, "%zu regime dates (expected 1 to %d)",
                         o->n_breaks, EXO_HAWKES_MAX_REGIMES - 1);
    for (size_t k = 0; k < o->n_breaks; k++) {
        double b = o->breaks[k];
        if (!(b > w->start && b < w->end) ||
            (k > 0 && !(b > o->breaks[k - 1]))) {
            char d[11];
            if (w->dates)
                exo_date_format((int32_t)floor(b), d);
            else
                snprintf(d, sizeof d, "%.4g", b);
            return exo__fail(err, EXO_EINVAL,
                             "regime date %s is not inside the window, in "
                             "order",
                             d);
        }
    }
    return EXO_OK;
}

exo_code exo_spiral_analyze_stream(const exo_event_stream *ev,
                                   const exo_spiral_opts *opts,
                                   exo_spiral **out, exo_err *err)
{
    exo_spiral_opts defaults;
    struct work w;
    exo_code rc;
    *out = NULL;
    if (!opts) {
        exo_spiral_opts_init(&defaults);
        opts = &defaults;
    }
    if (opts->per_head)
        return exo__fail(err, EXO_EINVAL,
                         "a per-head baseline needs an organisation's spells");
    exo_spiral *s = exo__calloc(1, sizeof *s);
    if (!s)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    memset(&w, 0, sizeof w);
    w.o = opts;
    w.dates = ev->dates;
    if (ev->has_window) {
        w.start = ev->start;
        w.end = ev->end;
        snprintf(s->window_rule, sizeof s->window_rule, "the window asked for");
    } else {
        w.start = EXO_INF;
        w.end = -EXO_INF;
        for (size_t i = 0; i < ev->n; i++) {
            double wi = ev->widths ? ev->widths[i] : 0.0;
            w.start = fmin(w.start, ev->times[i]);
            w.end = fmax(w.end, ev->times[i] + wi);
        }
        if (ev->n == 0)
            w.start = w.end = 0.0;
        snprintf(s->window_rule, sizeof s->window_rule, "first to last event");
    }
    if (ev->n && !(w.end > w.start)) {
        rc = exo__fail(err, EXO_EINVAL,
                       "the window [%g, %g] is empty (expected start < end)",
                       w.start, w.end);
        goto fail;
    }
    if ((rc = load_events(&w, ev->times, ev->widths, ev->n, &s->n_outside,
                          err)) ||
        (rc = check_breaks(&w, err)) || (rc = analyze(&w, s, err)))
        goto fail;
    work_release(&w);
    *out = s;
    return EXO_OK;
fail:
    work_release(&w);
    exo_spiral_release(s);
    return rc;
}

/*
 * The headcount of the organisation from its spells at the levels of
 * 'mask' (0: all): a person counts from the start through the last day of
 * the spell (start <= t < end + 1), so whoever leaves is still at risk on
 * the day they leave. Spells without a start date are not counted.
 */
static exo_code load_headcount(exo_store *store, const char *org, unsigned mask,
                               exo_spiral *s, exo_err *err)
{
    exo_spells sp = {0};
    exo_code rc = exo_spells_load(store, org, &sp, err);
    if (rc)
        return rc;
    double *ch = exo__calloc(2 * (sp.n ? sp.n : 1), 2 * sizeof *ch);
    s->hc_t = exo__calloc(2 * sp.n + 1, sizeof *s->hc_t);
    s->hc = exo__calloc(2 * sp.n + 1, sizeof *s->hc);
    if (!ch || !s->hc_t || !s->hc) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    size_t m = 0;
    for (size_t i = 0; i < sp.n; i++) {
        if (mask && !(mask & (1u << sp.level[i])))
            continue;
        s->n_spells++;
        ch[2 * m] = sp.start[i];
        ch[2 * m + 1] = 1.0;
        m++;
        if (isfinite(sp.end[i])) {
            ch[2 * m] = sp.end[i] + 1.0;
            ch[2 * m + 1] = -1.0;
            m++;
        }
    }
    if (s->n_spells == 0) {
        rc = exo__fail(err, EXO_EDATA,
                       "'%s' has no spells with a start date%s in the store, "
                       "so its headcount is unknown (import its spells, or "
                       "use a baseline that is not per head)",
                       org, mask ? " at these levels" : "");
        goto out;
    }
    exo__qsort(ch, m, 2 * sizeof *ch, exo__cmp_double);
    /* Nobody before the first start; one step per day. */
    s->hc_t[0] = ch[0] - 1.0;
    s->hc[0] = 0.0;
    s->n_hc = 1;
    double h = 0.0;
    for (size_t i = 0; i < m; i++) {
        h += ch[2 * i + 1];
        if (i + 1 < m && ch[2 * (i + 1)] == ch[2 * i])
            continue;
        s->hc_t[s->n_hc] = ch[2 * i];
        s->hc[s->n_hc] = h;
        s->n_hc++;
    }
out:
    exo__free(ch);
    exo_spells_release(&sp);
    return rc;
}

/* The window for an organisation, and why (see the top of this file). */
static exo_code org_window(exo_store *store, const exo_filter *f,
                           const exo_move_list *deps, const exo_move_list *arrs,
                           struct work *w, exo_spiral *s, exo_err *err)
{
    char d0[11], d1[11];
    const char *why_start, *why_end;
    bool export = false;
    for (size_t i = 0; i < deps->n; i++)
        export |= deps->rows[i].from_spell;
    for (size_t i = 0; i < arrs->n; i++)
        export |= arrs->rows[i].from_spell;
    if (f->has_since) {
        w->start = f->since;
        why_start = "--since";
    } else if (export && deps->n) {
        w->start = deps->rows[0].date.days;
        why_start = "the first departure the HR export records (before it, "
                    "the export shows hires but cannot show leavers)";
    } else {
        double first = EXO_INF;
        if (deps->n)
            first = deps->rows[0].date.days;
        for (size_t i = 0; i < arrs->n; i++)
            first = fmin(first, arrs->rows[i].date.days);
        w->start = isfinite(first) ? first : 0.0;
        why_start = "the organisation's first recorded event";
    }
    if (f->has_until) {
        w->end = f->until + 1.0;
        why_end = "--until";
    } else if (export) {
        /* An export's as-of date: the last date it records for the
         * organisation (a start, or an end). */
        double last = w->start;
        for (size_t i = 0; i < deps->n; i++)
            last = fmax(last, deps->rows[i].date.days);
        for (size_t i = 0; i < arrs->n; i++)
            last = fmax(last, arrs->rows[i].date.days);
        w->end = last + 1.0;
        why_end = "the last date the HR export records";
    } else {
        exo_date last;
        exo_code rc = exo__store_last_date(store, &last, err);
        if (rc == EXO_ENOTFOUND) {
            last.days = (int32_t)w->start;
            exo_err_clear(err);
        } else if (rc) {
            return rc;
        }
        w->end = (double)last.days + 1.0;
        why_end = "the last reported move in the store";
    }
    if (!(w->end > w->start))
        w->end = w->start + 1.0;
    exo_date_format((int32_t)floor(w->start), d0);
    exo_date_format((int32_t)floor(w->end) - 1, d1);
    snprintf(s->window_rule, sizeof s->window_rule,
             "from %s (%s) through %s (%s)", d0, why_start, d1, why_end);
    return EXO_OK;
}

exo_code exo_spiral_analyze(exo_store *store, const char *org,
                            const exo_spiral_opts *opts, exo_spiral **out,
                            exo_err *err)
{
    exo_spiral_opts defaults, own;
    exo_move_list arrs = {0};
    struct work w;
    double *t = NULL, *width = NULL;
    exo_code rc;
    *out = NULL;
    if (!opts) {
        exo_spiral_opts_init(&defaults);
        opts = &defaults;
    }
    exo_spiral *s = exo__calloc(1, sizeof *s);
    if (!s)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    memset(&w, 0, sizeof w);
    w.o = opts;
    w.dates = true;
    if ((rc = exo_org_resolve(store, org, &s->org, err)) ||
        (rc = exo__departures_load(store, s->org, &opts->filter, &s->departures,
                                   &arrs, &s->n_folded, &s->n_leave, err)))
        goto out;
    /* The organisation's own draws, from (seed, its name): the screener,
     * the report, a comparison and 'exodus spiral ORG' give it the same
     * ones, whatever else they analyse and in whatever order. */
    own = *opts;
    own.seed =
        exo__derive_seed(opts->seed ? opts->seed : 1, exo__name_hash(s->org));
    w.o = &own;
    if ((rc = org_window(store, &opts->filter, &s->departures, &arrs, &w, s,
                         err)))
        goto out;
    /* An HR export's departures, per head unless asked otherwise. */
    w.export = s->departures.n > 0;
    for (size_t i = 0; i < s->departures.n; i++)
        w.export &= s->departures.rows[i].from_spell;
    if (!opts->per_head && !opts->counted && w.export)
        own.per_head = s->per_head_default = true;
    if (own.per_head) {
        /* An export's spells all have a start (the importer requires
         * one), so its headcount is always known. */
        if ((rc = load_headcount(store, s->org, opts->filter.level_mask, s,
                                 err)))
            goto out;
        w.wt = s->hc_t;
        w.wv = s->hc;
        w.n_w = s->n_hc;
    }
    size_t n = s->departures.n;
    t = exo__calloc(n ? n : 1, sizeof *t);
    width = exo__calloc(n ? n : 1, sizeof *width);
    if (!t || !width) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        exo_date d = s->departures.rows[i].date;
        t[i] = d.days;
        width[i] = exo__precision_days(d.days, d.precision);
    }
    if ((rc = mass_events(s, opts->mass_events, w.start, w.end, t, width, &n,
                          err)))
        goto out;
    if ((rc = load_events(&w, t, width, n, &s->n_outside, err)) ||
        (rc = check_breaks(&w, err)))
        goto out;
    if (s->n_outside == 0 && w.n == n) {
        rc = analyze(&w, s, err);
    } else {
        rc = exo__fail(err, EXO_EINTERNAL,
                       "%zu departures fell outside their own window",
                       s->n_outside);
    }
out:
    exo__free(t);
    exo__free(width);
    exo_move_list_release(&arrs);
    work_release(&w);
    if (rc) {
        exo_spiral_release(s);
        return rc;
    }
    *out = s;
    return EXO_OK;
}

void exo_spiral_release(exo_spiral *s)
{
    if (!s)
        return;
    exo__free(s->org);
    exo__free(s->times);
    exo__free(s->order);
    exo__free(s->imputations);
    exo_move_list_release(&s->departures);
    exo__free(s->hc_t);
    exo__free(s->hc);
    exo__free(s->base_t);
    exo__free(s->base_w);
    exo__free(s);
}
