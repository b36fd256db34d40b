/*
 * analysis.h - internals shared by the analysis files: the trend-only
 * model (trend.c) that the spiral analysis (spiral.c) fits beside the
 * Hawkes model, and the verdict (verdict.c) it turns the numbers into.
 */
#ifndef EXO_ANALYSIS_ANALYSIS_H
#define EXO_ANALYSIS_ANALYSIS_H

#include "core/exo.h"

/*
 * exo_move_list_load_departures, also handing back the organisation's
 * arrivals ('arrivals' may be NULL; loaded once, for the rule and the
 * caller alike) and how many leaves of absence were left out ('n_leave'
 * may be NULL; 0 when filter->with_leave).
 */
exo_code exo__departures_load(exo_store *store, const char *org,
                              const exo_filter *filter, exo_move_list *out,
                              exo_move_list *arrivals, size_t *n_folded,
                              size_t *n_leave, exo_err *err);

/* The most bins a trend's grid has: 21 years of months. */
#define EXO_TREND_MAX_BINS 256

/*
 * Where a trend may change: the bin edges of the window, the exposure of
 * each bin (the integral of the baseline weight over it) and the shortest
 * segment. For dates the bins are calendar months (whole months grouped
 * when the window has more than EXO_TREND_MAX_BINS of them), so a rate
 * that changes with the year or the month changes on an edge, and a date
 * known only to its month or year spreads inside bins, not across them;
 * the shortest segment is a year. Otherwise 'bins' equal bins and a
 * segment of one bin.
 */
struct trend_grid {
    size_t bins, min_bins;
    double edge[EXO_TREND_MAX_BINS + 1];
    double exposure[EXO_TREND_MAX_BINS];
};

/* The grid of [t0, t1): 'bins' equal bins when not 0 (a year's worth the
 * shortest segment for dates), else months for dates and 128 equal bins
 * otherwise; 'wt', 'w', 'n_w' as exo_hawkes_opts takes them (n_w 0: no
 * weight). */
void exo__trend_grid(struct trend_grid *g, double t0, double t1, bool dates,
                     size_t bins, const double *wt, const double *w,
                     size_t n_w);

/*
 * The trend-only model of 'n' times in the grid's window: a Poisson
 * process whose rate (per unit of exposure) is constant on segments made
 * of whole bins, each at least g->min_bins long, with at most
 * EXO_HAWKES_MAX_REGIMES segments. The segments maximise log L minus
 * 'penalty' per change point (exactly, by dynamic programming over the bin
 * edges). 'weight' (may be NULL: 1 each) counts each event as a fraction:
 * the chance it is a background event, not one another triggered, so that
 * the trend is chosen for the background alone. 'counts' is scratch of
 * 2 * g->bins entries.
 */
void exo__trend_select(const double *t, const double *weight, size_t n,
                       const struct trend_grid *g, double penalty,
                       double *counts, exo_trend *out);

/*
 * What a Hawkes fit needs to use 'trend' as its baseline: a regime for
 * each segment with events ('breaks', at most EXO_HAWKES_MAX_REGIMES - 1)
 * and a weight that is 0 on the segments without any (a regime cannot be
 * fitted without events), times the baseline weight 'wt'/'w' when n_w > 0.
 * 'out_t' and 'out_w' need n_w + 2 * EXO_HAWKES_MAX_REGIMES + 1 entries.
 * Returns the number of weight steps (0: no weight needed).
 */
size_t exo__trend_baseline(const exo_trend *trend, double t1, const double *wt,
                           const double *w, size_t n_w, double *breaks,
                           size_t *n_breaks, double *out_t, double *out_w);

/* The evidence a verdict weighs, for one imputation or all combined. */
struct verdict_in {
    size_t n_events;
    bool has_fit;
    const char *no_fit; /* why not, when !has_fit */
    bool decay_at_limit;
    double limit_half_life;  /* the longest memory allowed, when at it */
    const char *time_unit;   /* "days" or "units" */
    double n, lo, hi, level; /* estimate and interval; hi may be INFINITY */
    double p;                /* of "no contagion" */
    bool bootstrap;          /* p from the parametric bootstrap */
    double ks_p;             /* goodness of fit of the Hawkes model */
    double ks_p_trend;       /* and of the trend-only model */
    double p_constant;       /* the constant-baseline reading's p (NaN: none) */
    size_t n_segments;       /* of the trend */
    /* Combined verdicts only: how the imputations voted (NULL: one). */
    const size_t *kind_count;
    size_t n_imputations;
    size_t n_voting, n_rejecting; /* imputations fitted; of them rejecting */
    bool imprecise;       /* some times are known only to a month or year */
    const char *noun;     /* "departures" or "events" */
    const char *baseline; /* "a trend of 3 segments", for the sentence */
    /* A per-head baseline is an option not yet taken: an HR export's
     * departures, counted (news moves give no headcount). */
    bool could_be_per_head;
    const exo_forecast *forecast; /* NULL: none */
    const char *horizon;          /* "180 days" */
};

/* The verdict, its sentence and what would decide it. */
/* The days of a window around each day whose departures give its local
 * rate, when deciding whether the day is a mass event: a quarter. */
#define EXO_MASS_SPAN 91
size_t exo__mass_days(const double *d, size_t m, double start, double end,
                      double *day, size_t *count);

void exo__spiral_verdict(const struct verdict_in *in, exo_verdict *out);

/* The answer as a jansson object (what exo_spiral_json prints); NULL when
 * out of memory. For the views that embed it (the report). */
struct json_t;
struct json_t *exo__spiral_json_t(const exo_spiral *s);

#endif
