/*
 * cmd_spiral.c - exodus spiral: is an organisation's attrition feeding on
 * itself? Parses options, calls exo_spiral_analyze (src/analysis/: the
 * window, the trend, the test, the intervals, the forecast and the verdict
 * are decided there, for every view) and prints its answer. With --stream
 * an event file is fitted as a multivariate Hawkes process instead.
 *
 * Rates print per month (30.4375 days); --json prints exo_spiral_json: every
 * number at full precision in the data's own unit (days).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MONTH_DAYS 30.4375

static const char spiral_usage[] =
    "usage: exodus spiral ORG [--since DATE] [--until DATE] [--level "
    "LEVEL...]\n"
    "                         [--leave] [--baseline trend|constant|headcount]\n"
    "                         [--per-head] [--regime DATE...] [--horizon "
    "180d]\n"
    "                         [--bootstrap B] [--asymptotic] [--imputations "
    "M]\n"
    "                         [--seed N] [--ties spread|exact]\n"
    "                         [--fixed-decay BETA] "
    "[--mass-events keep|collapse|exclude] [--json]\n"
    "   or: exodus spiral --events FILE [--window A:B] [--time COL] "
    "[options]\n"
    "   or: exodus spiral --events FILE --stream COL [--time COL] "
    "[--window A:B]\n"
    "                         [--decay shared|pair] [--fixed-decay BETA] "
    "[--json]";

static const struct opt spiral_opts[] = {
    {"since", 0, "DATE", "window starts at DATE (default: see docs/spiral.md)"},
    {"until", 0, "DATE", "window ends at DATE (default: the data's last date)"},
    {"level", 0, "LEVEL", "only these levels (founder,exec,lead,ic,board)"},
    {"leave", 0, NULL, "count leaves of absence (sabbaticals) as departures"},
    {"baseline", 0, "trend|constant|headcount",
     "trend: a rate that may change, chosen by BIC, departures counted; "
     "headcount: the trend per head (the default for an HR export's "
     "organisation, else trend)"},
    {"per-head", 0, NULL, "the baseline per head of the ORG's headcount"},
    {"regime", 0, "DATE", "baseline changes at DATE (repeatable)"},
    {"horizon", 0, "SPAN", "forecast span: 180d, 26w, 6m, 1y (default 180d)"},
    {"bootstrap", 0, "B", "replicates of the test (default 199)"},
    {"asymptotic", 0, NULL, "test by the 50:50 chi-square mixture instead"},
    {"imputations", 0, "M", "imputations of imprecise dates (default 20)"},
    {"seed", 0, "N", "seed of every random draw (1)"},
    {"ties", 0, "spread|exact",
     "spread dates within their precision (default)"},
    {"fixed-decay", 0, "BETA", "hold the decay at BETA per day (per unit)"},
    {"events", 0, "FILE", "fit an event stream: one time or date a record"},
    {"window", 0, "A:B", "observation window of --events (default: span)"},
    {"time", 0, "COL", "the CSV column of --events (name or number)"},
    {"paths", 0, "N", "forecast paths (default 10000)"},
    {"stream", 0, "COL",
     "the CSV column naming each event's stream: a multivariate fit"},
    {"decay", 0, "shared|pair",
     "with --stream: one decay for all pairs (default) or one per pair"},
    {"mass-events", 0, "keep|collapse|exclude",
     "ORG: days far above the daily rate (a layoff): analysed as they are "
     "(default), as one departure each, or left out"},
    {NULL, 0, NULL, NULL},
};

enum {
    OPT_SINCE,
    OPT_UNTIL,
    OPT_LEVEL,
    OPT_LEAVE,
    OPT_BASELINE,
    OPT_PER_HEAD,
    OPT_REGIME,
    OPT_HORIZON,
    OPT_BOOTSTRAP,
    OPT_ASYMPTOTIC,
    OPT_IMPUTATIONS,
    OPT_SEED,
    OPT_TIES,
    OPT_FIXED,
    OPT_EVENTS,
    OPT_WINDOW,
    OPT_TIME,
    OPT_PATHS,
    OPT_STREAM,
    OPT_DECAY,
    OPT_MASS
};

struct spiral_args {
    exo_spiral_opts o;
    double breaks[EXO_HAWKES_MAX_REGIMES];
    bool has_baseline;
    const char *horizon_text;
    long paths;
    const char *events_path;
    const char *window;
    const char *time_col;
    const char *stream_col; /* --stream: multivariate */
    bool pair_decay;        /* --decay pair */
    bool has_decay;         /* --decay given */
    double fixed_beta;
};

/* The multivariate fit's events: the file's, inside the window. */
struct stream {
    double *t;
    int *dim;
    size_t n, n_dims;
    char *const *labels;
    bool dates;
    size_t n_dropped;
    bool has_window;
    double w_start, w_end;
    const char *window_rule;
};

/* "180d", "26w", "6m", "1y", or a bare number of the data's unit. */
static int parse_span(const struct cli *cli, const char *text, bool dates,
                      double *out)
{
    return cli_parse_span(cli, "horizon", text, dates, out);
}

/*
 * A number or an ISO date; '*is_date' says which (as event files read
 * them: only a text with a '-' after its first character may be a date).
 */
static int parse_time_value(const char *text, double *t, double *width,
                            bool *is_date)
{
    exo_date d;
    if (text[0] && strchr(text + 1, '-') &&
        exo_date_parse(text, &d, NULL) == EXO_OK) {
        int y, m, dd;
        *t = d.days;
        exo_civil_from_days(d.days, &y, &m, &dd);
        *width = d.precision == EXO_PREC_DAY ? 1.0
                 : d.precision == EXO_PREC_YEAR
                     ? exo_days_from_civil(y + 1, 1, 1) - d.days
                 : m == 12 ? exo_days_from_civil(y + 1, 1, 1) - d.days
                           : exo_days_from_civil(y, m + 1, 1) - d.days;
        *is_date = true;
        return 0;
    }
    char *end;
    double v = strtod(text, &end);
    if (end != text && *end == '\0' && isfinite(v)) {
        *t = v;
        *width = 0.0;
        *is_date = false;
        return 0;
    }
    return -1;
}

/* --window A:B in the events' unit: [*w0, *w1), a date window through its
 * last day. */
static int parse_window(const struct cli *cli, const char *text, bool dates,
                        double *w0, double *w1)
{
    char buf[128];
    double wd;
    bool d0, d1;
    snprintf(buf, sizeof buf, "%s", text);
    char *colon = strchr(buf, ':');
    if (!colon)
        return cli_usage_error(cli, "--window: '%s' is not A:B", text);
    *colon = '\0';
    if (parse_time_value(buf, w0, &wd, &d0) ||
        parse_time_value(colon + 1, w1, &wd, &d1) || d0 != d1 || d0 != dates)
        return cli_usage_error(cli,
                               "--window: '%s' is not A:B in the events' "
                               "unit (numbers, or dates for dated events)",
                               text);
    if (d1)
        *w1 += wd; /* a date window ends with its last day */
    if (!(*w1 > *w0))
        return cli_usage_error(cli, "--window: '%s' is empty", text);
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* "2015-12-11" for dates, "%g" for numbers. */
static void fmt_time(char *buf, size_t size, double t, bool dates)
{
    if (dates) {
        char d[11];
        exo_date_format((int32_t)floor(t), d);
        snprintf(buf, size, "%s", d);
    } else {
        snprintf(buf, size, "%g", t);
    }
}

static const char *levels_text(char *buf, size_t size, unsigned mask)
{
    if (!mask)
        return "all levels";
    buf[0] = '\0';
    for (int l = 1; l < EXO_N_LEVELS; l++) {
        if (!(mask & (1u << l)))
            continue;
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%s", len ? ", " : "",
                 exo_level_name((exo_level)l));
    }
    return buf;
}

/* "1.3 months", or "9.1 days" when shorter than a month. */
static void fmt_half_life(char *buf, size_t size, double beta, bool dates)
{
    double h = log(2.0) / beta;
    if (!dates)
        snprintf(buf, size, "%.3g units", h);
    else if (h < MONTH_DAYS)
        snprintf(buf, size, "%.3g days", h);
    else
        snprintf(buf, size, "%.3g months", h / MONTH_DAYS);
}

/* "0.90 (95% CI 0.67-1.16)", the upper end possibly unbounded. */
static void fmt_n(char *buf, size_t size, double n, double lo, double hi,
                  double level)
{
    if (isfinite(hi))
        snprintf(buf, size, "%.3f   %.0f%% CI %.2f-%.2f", n, 100.0 * level, lo,
                 hi);
    else
        snprintf(buf, size, "%.3f   %.0f%% CI %.2f-unbounded", n, 100.0 * level,
                 lo);
}

/* The answer as text: the two-column table, the verdict, what decides. */
static void print_text(const char *title, const exo_spiral *s)
{
    double scale = s->dates ? MONTH_DAYS : 1.0;
    const char *per = s->dates ? " /month" : " /unit";
    const char *noun = s->org ? "departures" : "events";
    const exo_hawkes *f = &s->fit;
    char buf[512], w0[32], w1[32];
    fmt_time(w0, sizeof w0, s->start, s->dates);
    fmt_time(w1, sizeof w1, s->dates ? s->end - 1.0 : s->end, s->dates);
    printf("%s, %s .. %s\n", title, w0, w1);
    struct table *t = table_new(2, (const char *const[]){"", ""});
    table_rowf(t, "window\t%s", s->window_rule);
    /* How the events were counted and how precisely they are known. */
    int len = snprintf(buf, sizeof buf, "%zu", s->n_events);
    if (s->dates)
        len += snprintf(buf + len, sizeof buf - (size_t)len,
                        " (dated to the day %zu, month %zu, year %zu)",
                        s->n_day, s->n_month, s->n_year);
    else if (s->n_step)
        len += snprintf(buf + len, sizeof buf - (size_t)len,
                        " (%zu tied times spread within the data's step %g)",
                        s->n_step, s->step);
    if (s->n_folded)
        len += snprintf(buf + len, sizeof buf - (size_t)len,
                        "; %zu repeated report%s counted once", s->n_folded,
                        s->n_folded == 1 ? "" : "s");
    if (s->n_leave)
        len += snprintf(buf + len, sizeof buf - (size_t)len,
                        "; %zu %s of absence left out (--leave counts "
                        "them)",
                        s->n_leave, s->n_leave == 1 ? "leave" : "leaves");
    if (s->n_outside)
        snprintf(buf + len, sizeof buf - (size_t)len,
                 "; %zu outside the window left out", s->n_outside);
    table_rowf(t, "%s\t%s", noun, buf);
    if (s->n_mass_days) {
        /* One day's many departures are one decision, not departures
         * triggering departures: say so, and what was done with them. */
        len = snprintf(buf, sizeof buf,
                       "%zu day%s with %zu or more, far above the quarter "
                       "around %s (",
                       s->n_mass_days, s->n_mass_days == 1 ? "" : "s",
                       s->mass_min, s->n_mass_days == 1 ? "it" : "them");
        for (size_t k = 0; k < s->n_mass_days && k < EXO_MAX_MASS_DAYS &&
                           len < (int)sizeof buf;
             k++) {
            char d[32];
            fmt_time(d, sizeof d, s->mass_day[k], true);
            len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%s: %zu",
                            k ? ", " : "", d, s->mass_count[k]);
        }
        if (len < (int)sizeof buf)
            snprintf(buf + len, sizeof buf - (size_t)len,
                     "%s), %zu departures: %s (--mass-events %s)",
                     s->n_mass_days > EXO_MAX_MASS_DAYS ? ", ..." : "",
                     s->n_mass_departures,
                     s->mass_mode == EXO_MASS_COLLAPSE
                         ? "each counted as one departure, a shock"
                     : s->mass_mode == EXO_MASS_EXCLUDE
                         ? "left out"
                         : "kept as they are; collapse counts each day once",
                     exo_mass_mode_name(s->mass_mode));
        table_rowf(t, "mass events\t%s", buf);
    }
    if (s->n_hc) {
        /* The headcount is a step function: its value on the window's
         * first and last days. */
        double first = 0.0, last = 0.0;
        for (size_t i = 0; i < s->n_hc; i++) {
            if (s->hc_t[i] <= s->start)
                first = s->hc[i];
            if (s->hc_t[i] < s->end)
                last = s->hc[i];
        }
        table_rowf(t,
                   "headcount\t%g on the window's first day, %g on its last "
                   "(%zu spells)%s",
                   first, last, s->n_spells,
                   s->per_head_default
                       ? "; departures per head, as an HR export's are "
                         "(--baseline trend counts them)"
                       : "");
    }
    const exo_trend *tr = &s->trend;
    if (s->has_fit) {
        len = snprintf(buf, sizeof buf, "%s",
                       tr->n_segments > 1 ? "rate" : "constant rate");
        for (size_t k = 0; k < tr->n_segments && len < (int)sizeof buf; k++) {
            char d[32];
            fmt_time(d, sizeof d, tr->start[k], s->dates);
            len += snprintf(buf + len, sizeof buf - (size_t)len,
                            "%s %.3g%s%s from %s (%zu)", k ? "," : "",
                            tr->rate[k] * scale, s->per_head ? " per head" : "",
                            per, d, tr->events[k]);
        }
        table_rowf(t, "trend only\t%s", buf);
        fmt_n(buf, sizeof buf, s->n, s->n_lo, s->n_hi, s->level);
        if (s->n_imputations > 1)
            table_rowf(t,
                       "branching n\t%s (combined over %zu imputations of "
                       "the dates within their precision; range %.2f-%.2f)",
                       buf, s->n_imputations, s->n_min, s->n_max);
        else
            table_rowf(t, "branching n\t%s", buf);
        if (f->at_boundary) {
            table_rowf(t, "excitation\tnone: the trend-only fit is the "
                          "maximum (alpha = 0)");
        } else {
            char hl[64], ase[32] = "";
            fmt_half_life(hl, sizeof hl, f->beta, s->dates);
            /* A fit at the memory's bound has no standard errors: its
             * information is not that of an interior maximum. */
            if (isfinite(f->alpha_se))
                snprintf(ase, sizeof ase, " (SE %.2g)", f->alpha_se * scale);
            if (f->fixed_decay)
                snprintf(w0, sizeof w0, "held");
            else if (f->decay_at_limit)
                snprintf(w0, sizeof w0, "the longest memory allowed");
            else
                snprintf(w0, sizeof w0, "SE %.2g", f->beta_se * scale);
            table_rowf(t,
                       "excitation\tjump alpha %.4g%s%s, decay beta "
                       "%.4g%s (%s; half-life %s)%s",
                       f->alpha * scale, per, ase, f->beta * scale, per, w0, hl,
                       s->n_imputations > 1 ? " [imputation 1]" : "");
        }
        if (s->bootstrap)
            table_rowf(t,
                       "test\tp = %.3g that the %s are no more clustered "
                       "than the trend (parametric bootstrap, %zu of %zu "
                       "replicates; LR %.2f)",
                       s->p, noun, s->n_boot_used, s->n_boot, f->lr);
        else
            table_rowf(t,
                       "test\tp = %.3g that the %s are no more clustered "
                       "than the trend (asymptotic 50:50 chi-square "
                       "mixture; LR %.2f)",
                       s->p, noun, f->lr);
        if (s->has_fit_constant) {
            const exo_hawkes *c = &s->fit_constant;
            table_rowf(t,
                       "constant rate\tn = %.3f, LR %.2f, p = %.3g (mixture): "
                       "the reading a trend can fool",
                       c->n, c->lr, c->lr_p);
        }
        table_rowf(t, "fit\tKS p = %.3g (Hawkes), %.3g (trend only)", s->ks_p,
                   s->ks_p_trend);
        if (s->n_imputations > 1) {
            len = snprintf(buf, sizeof buf, "%zu:", s->n_imputations);
            for (int k = 0; k < EXO_SPIRAL_N_KINDS; k++)
                if (s->kind_count[k])
                    len += snprintf(buf + len, sizeof buf - (size_t)len,
                                    "%s %zu %s", len > 4 ? "," : "",
                                    s->kind_count[k],
                                    exo_spiral_kind_name((exo_spiral_kind)k));
            table_rowf(t, "imputations\t%s", buf);
        }
    } else {
        table_rowf(t, "fit\tnone: %s", s->no_fit);
    }
    if (s->has_forecast) {
        const exo_forecast *fc = &s->forecast;
        char label[64];
        if (s->dates)
            snprintf(label, sizeof label, "next %g days", fc->horizon);
        else
            snprintf(label, sizeof label, "next %g units", fc->horizon);
        table_rowf(t,
                   "%s\t%.0f %s (median; mean %.1f; 80%%: %.0f-%.0f, 95%%: "
                   "%.0f-%.0f; %zu paths, parameters drawn)",
                   label, fc->median,
                   fc->median == 1.0 ? (s->org ? "departure" : "event") : noun,
                   fc->mean, fc->lo80, fc->hi80, fc->lo95, fc->hi95,
                   fc->n_paths);
    }
    /* The two-column table without its (empty) header line. */
    char *mem = NULL;
    size_t mem_len = 0;
    FILE *tmp = open_memstream(&mem, &mem_len);
    if (tmp) {
        table_print(t, tmp, "  ");
        fclose(tmp);
        char *body = strchr(mem, '\n');
        fputs(body ? body + 1 : mem, stdout);
        free(mem);
    }
    table_free(t);
    printf("verdict: %s\n", s->verdict.text);
    if (s->verdict.decide[0])
        printf("would decide: %s\n", s->verdict.decide);
}

/* Prints the answer: text, --json, or as "spiral" in the open JSON
 * object 'j'. */
static int print_answer(struct cli *cli, const exo_spiral *s, const char *title,
                        struct json_out *j)
{
    if (!cli->json && !j) {
        print_text(title, s);
        return 0;
    }
    char *text = exo_spiral_json(s);
    if (!text) {
        fprintf(stderr, "exodus: %s: out of memory\n", cli->command);
        return cli_exit_code(EXO_ENOMEM);
    }
    if (j)
        json_raw(j, "spiral", text);
    else
        printf("%s\n", text);
    exo_free(text);
    return 0;
}

/* ORG: the analysis of its departures. */
static int run_org(struct cli *cli, const char *name, struct spiral_args *a,
                   struct json_out *j)
{
    exo_store *store = NULL;
    exo_spiral *s = NULL;
    exo_err err = {0};
    int status = 0;
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err) ||
        exo_spiral_analyze(store, name, &a->o, &s, &err)) {
        status = cli_fail(cli, &err);
    } else {
        char title[512], lv[128];
        snprintf(title, sizeof title, "%s \xe2\x80\x94 departures of %s",
                 s->org, levels_text(lv, sizeof lv, a->o.filter.level_mask));
        status = print_answer(cli, s, title, j);
    }
    exo_spiral_release(s);
    exo_store_close(store);
    return status;
}

/* --events FILE: the analysis of its times. */
static int run_events(struct cli *cli, struct spiral_args *a,
                      const exo_event_file *f)
{
    exo_event_stream ev = {0};
    exo_spiral *s = NULL;
    exo_err err = {0};
    int status;
    ev.times = f->times;
    ev.widths = f->widths;
    ev.n = f->n;
    ev.dates = f->dates;
    if (a->window) {
        if ((status =
                 parse_window(cli, a->window, f->dates, &ev.start, &ev.end)))
            return status;
        ev.has_window = true;
    }
    if (exo_spiral_analyze_stream(&ev, &a->o, &s, &err))
        return cli_fail(cli, &err);
    char title[512];
    snprintf(title, sizeof title, "%s \xe2\x80\x94 events", a->events_path);
    status = print_answer(cli, s, title, NULL);
    exo_spiral_release(s);
    return status;
}

/* The ecosystem verdict from the spectral radius and its Wald interval. */
static void mv_verdict(const exo_mhawkes *m, char *buf, size_t size)
{
    double r = m->spectral_radius;
    double lo = m->spectral_radius_lo, hi = m->spectral_radius_hi;
    const char *what;
    if (!m->converged)
        what = "no estimate: the fit did not converge";
    else if (lo >= 1.0)
        what = "self-sustaining: the streams together are supercritical";
    else if (hi >= 1.0 || r >= 0.9)
        what = "near-critical: a self-sustaining ecosystem is not ruled out";
    else
        what = "subcritical: the streams excite each other, but the "
               "ecosystem is not self-sustaining";
    if (!m->converged)
        snprintf(buf, size, "%s.", what);
    else
        snprintf(buf, size,
                 "%s; spectral radius of the branching matrix %.3f (%g%% "
                 "CI %.2f-%.2f, Wald), %s; LR %.1f against independent "
                 "Poisson streams.",
                 what, r, 100.0 * m->level, lo, hi,
                 m->pair_decay ? "one decay per pair"
                               : "one decay shared by all pairs",
                 m->lr);
}

/* --events FILE --stream COL: the multivariate fit and its report. */
static int run_mv(struct cli *cli, const struct spiral_args *a,
                  const struct stream *s)
{
    exo_mhawkes m;
    exo_hawkes_opts o;
    exo_err err = {0};
    char verdict[512], w0[32], w1[32];
    size_t D = s->n_dims;
    exo_hawkes_opts_init(&o);
    o.has_window = s->has_window;
    o.t_start = s->w_start;
    o.t_end = s->w_end;
    o.fixed_beta = a->fixed_beta;
    o.pair_decay = a->pair_decay;
    if (exo_mhawkes_fit(s->t, s->dim, s->n, D, &o, &m, &err))
        return cli_fail(cli, &err);
    mv_verdict(&m, verdict, sizeof verdict);
    if (cli->json) {
        struct json_out j;
        json_begin(&j, stdout);
        json_str(&j, "events_file", a->events_path);
        json_obj_open(&j, "window");
        json_num(&j, "start_time", s->w_start);
        json_num(&j, "end_time", s->w_end);
        json_str(&j, "rule", s->window_rule);
        json_obj_close(&j);
        json_int(&j, "events", (long long)s->n);
        json_int(&j, "events_outside_window", (long long)s->n_dropped);
        json_arr_open(&j, "streams");
        for (size_t d = 0; d < D; d++) {
            json_obj_open(&j, NULL);
            json_str(&j, "label", s->labels[d]);
            json_int(&j, "events", (long long)m.n_per_dim[d]);
            json_num(&j, "mu", m.mu[d]);
            json_num(&j, "mu_se", m.mu_se[d]);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        const char *keys[8] = {"alpha",        "alpha_se",     "branching",
                               "branching_se", "branching_lo", "branching_hi",
                               "beta_pair",    "beta_pair_se"};
        const double *mats[8] = {m.alpha,        m.alpha_se,     m.branching,
                                 m.branching_se, m.branching_lo, m.branching_hi,
                                 m.beta_pair,    m.beta_pair_se};
        for (int q = 0; q < 8; q++) {
            json_arr_open(&j, keys[q]);
            for (size_t i = 0; i < D; i++) {
                json_arr_open(&j, NULL);
                for (size_t k = 0; k < D; k++)
                    json_num(&j, NULL, mats[q][i * D + k]);
                json_arr_close(&j);
            }
            json_arr_close(&j);
        }
        json_num(&j, "beta", m.beta);
        json_num(&j, "beta_se", m.beta_se);
        json_str(&j, "decay",
                 a->fixed_beta > 0.0 ? "held"
                 : m.pair_decay      ? "pair"
                                     : "shared");
        json_num(&j, "spectral_radius", m.spectral_radius);
        json_num(&j, "spectral_radius_se", m.spectral_radius_se);
        json_num(&j, "level", m.level);
        json_num(&j, "spectral_radius_lo", m.spectral_radius_lo);
        json_num(&j, "spectral_radius_hi", m.spectral_radius_hi);
        json_num(&j, "loglik", m.loglik);
        json_num(&j, "loglik_shared_decay", m.loglik_shared);
        json_num(&j, "loglik_poisson", m.loglik_poisson);
        json_num(&j, "lr", m.lr);
        json_bool(&j, "converged", m.converged);
        json_int(&j, "iterations", m.iterations);
        json_num(&j, "grad_norm", m.grad_norm);
        json_str(&j, "verdict", verdict);
        json_end(&j);
        exo_mhawkes_release(&m);
        return 0;
    }
    fmt_time(w0, sizeof w0, s->w_start, s->dates);
    fmt_time(w1, sizeof w1, s->dates ? s->w_end - 1.0 : s->w_end, s->dates);
    printf("%s \xe2\x80\x94 %zu streams, %s .. %s (%s)\n", a->events_path, D,
           w0, w1, s->window_rule);
    const char *per = s->dates ? "/day" : "/unit";
    printf("  events          %zu", s->n);
    for (size_t d = 0; d < D; d++)
        printf("%s%s: %zu", d ? ", " : " (", s->labels[d], m.n_per_dim[d]);
    printf(")%s\n", s->dates ? "; dates kept exact" : "");
    if (s->n_dropped)
        printf("  left out        %zu outside the window\n", s->n_dropped);
    const char *unit = s->dates ? "days" : "units";
    if (m.pair_decay)
        printf("  decays          one per pair (below); log L %+.2f over one "
               "shared decay\n"
               "                  (LR %.2f on %zu more parameters)\n",
               m.loglik - m.loglik_shared,
               fmax(0.0, 2.0 * (m.loglik - m.loglik_shared)), D * D - 1);
    else
        printf("  decay beta      %.4g %s  (SE %.2g; %s; half-life %.3g "
               "%s)\n",
               m.beta, per, m.beta_se,
               a->fixed_beta > 0.0 ? "held" : "one decay shared by all pairs",
               log(2.0) / m.beta, unit);
    printf("  spectral radius %.4f  (SE %.2g; %g%% CI %.2f-%.2f, Wald) of the "
           "branching matrix\n",
           m.spectral_radius, m.spectral_radius_se, 100.0 * m.level,
           m.spectral_radius_lo, m.spectral_radius_hi);
    printf("  vs Poisson      LR %.2f (independent Poisson streams)\n", m.lr);
    if (m.grad_norm < 1e-6)
        printf("  optimiser       %s, %d iterations, largest gradient < "
               "1e-6\n",
               m.converged ? "converged" : "not converged", m.iterations);
    else
        printf("  optimiser       %s, %d iterations, largest gradient %.2g\n",
               m.converged ? "converged" : "not converged", m.iterations,
               m.grad_norm);
    /* Tables by stream: row the stream excited, column the source. */
    const char *hdr[2 + 8];
    char hbuf[8][48];
    printf("rates %s; row: the stream excited, column: the stream whose "
           "events excite it\n",
           per);
    hdr[0] = "stream";
    hdr[1] = "baseline mu (SE)";
    for (size_t k = 0; k < D; k++) {
        snprintf(hbuf[k], sizeof hbuf[k], "alpha from %s (SE)", s->labels[k]);
        hdr[2 + k] = hbuf[k];
    }
    struct table *t = table_new(2 + (int)D, hdr);
    for (size_t i = 0; i < D; i++) {
        char row[1024];
        int len = snprintf(row, sizeof row, "%s\t%.4g (%.2g)", s->labels[i],
                           m.mu[i], m.mu_se[i]);
        for (size_t k = 0; k < D && len < (int)sizeof row; k++)
            len +=
                snprintf(row + len, sizeof row - (size_t)len, "\t%.4g (%.2g)",
                         m.alpha[i * D + k], m.alpha_se[i * D + k]);
        table_rowf(t, "%s", row);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    if (m.pair_decay) {
        printf("decays beta %s (SE); '-' where alpha is 0: no decay to "
               "estimate\n",
               per);
        hdr[0] = "stream";
        for (size_t k = 0; k < D; k++) {
            snprintf(hbuf[k], sizeof hbuf[k], "beta from %s (SE)",
                     s->labels[k]);
            hdr[1 + k] = hbuf[k];
        }
        t = table_new(1 + (int)D, hdr);
        for (size_t i = 0; i < D; i++) {
            char row[1024];
            int len = snprintf(row, sizeof row, "%s", s->labels[i]);
            for (size_t k = 0; k < D && len < (int)sizeof row; k++) {
                double b = m.beta_pair[i * D + k];
                if (isfinite(b))
                    len +=
                        snprintf(row + len, sizeof row - (size_t)len,
                                 "\t%.4g (%.2g)", b, m.beta_pair_se[i * D + k]);
                else
                    len += snprintf(row + len, sizeof row - (size_t)len, "\t-");
            }
            table_rowf(t, "%s", row);
        }
        table_print(t, stdout, "  ");
        table_free(t);
    }
    printf("branching matrix n = alpha / beta (SE; %g%% Wald interval, "
           "lower end cut at 0)\n",
           100.0 * m.level);
    hdr[0] = "stream";
    for (size_t k = 0; k < D; k++) {
        snprintf(hbuf[k], sizeof hbuf[k], "n from %s", s->labels[k]);
        hdr[1 + k] = hbuf[k];
    }
    t = table_new(1 + (int)D, hdr);
    for (size_t i = 0; i < D; i++) {
        char row[1024];
        int len = snprintf(row, sizeof row, "%s", s->labels[i]);
        for (size_t k = 0; k < D && len < (int)sizeof row; k++) {
            size_t q = i * D + k;
            if (isfinite(m.branching_se[q]))
                len += snprintf(row + len, sizeof row - (size_t)len,
                                "\t%.3f (%.2g; %.3f-%.3f)", m.branching[q],
                                m.branching_se[q], m.branching_lo[q],
                                m.branching_hi[q]);
            else
                len += snprintf(row + len, sizeof row - (size_t)len,
                                "\t%.3f (at the boundary)", m.branching[q]);
        }
        table_rowf(t, "%s", row);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    printf("verdict: %s\n", verdict);
    exo_mhawkes_release(&m);
    return 0;
}

/* --stream: the file's events inside the window, for run_mv. */
static int mv_events(const struct cli *cli, const struct spiral_args *a,
                     const exo_event_file *f, struct stream *s)
{
    s->t = f->times;
    s->dim = f->streams;
    s->n = f->n;
    s->n_dims = f->n_streams;
    s->labels = f->labels;
    s->dates = f->dates;
    if (a->window) {
        int status =
            parse_window(cli, a->window, f->dates, &s->w_start, &s->w_end);
        if (status)
            return status;
        /* Keep the events inside the window (the file's arrays are ours
         * to compact); say how many were not. */
        size_t kept = 0;
        for (size_t i = 0; i < f->n; i++) {
            if (f->times[i] < s->w_start || f->times[i] > s->w_end)
                continue;
            f->times[kept] = f->times[i];
            f->streams[kept] = f->streams[i];
            kept++;
        }
        s->n_dropped = f->n - kept;
        s->n = kept;
        s->has_window = true;
        s->window_rule = "--window";
    } else if (f->n) {
        s->has_window = true;
        s->w_start = f->times[0];
        s->w_end = f->times[f->n - 1];
        s->window_rule = "first to last event";
    } else {
        s->window_rule = "no events";
    }
    return 0;
}

int cmd_spiral(struct cli *cli, int argc, char **argv)
{
    struct spiral_args a;
    const char *arg;
    int first, c, rc;
    memset(&a, 0, sizeof a);
    exo_spiral_opts_init(&a.o);
    a.o.seed = 1;
    while ((c = cli_next_opt(cli, spiral_usage, spiral_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case OPT_SINCE:
            if ((rc = cli_parse_date(cli, "since", arg, &a.o.filter.since)))
                return rc;
            a.o.filter.has_since = true;
            break;
        case OPT_UNTIL:
            if ((rc = cli_parse_date(cli, "until", arg, &a.o.filter.until)))
                return rc;
            a.o.filter.has_until = true;
            break;
        case OPT_LEVEL:
            if ((rc = cli_parse_levels(cli, arg, &a.o.filter.level_mask)))
                return rc;
            break;
        case OPT_LEAVE:
            a.o.filter.with_leave = true;
            break;
        case OPT_BASELINE:
            if ((rc = cli_parse_baseline(cli, arg, &a.o.baseline, &a.o.per_head,
                                         &a.o.counted)))
                return rc;
            a.has_baseline = true;
            break;
        case OPT_PER_HEAD:
            a.o.per_head = true;
            break;
        case OPT_REGIME: {
            exo_date d;
            exo_err e = {0};
            if (a.o.n_breaks + 1 >= EXO_HAWKES_MAX_REGIMES)
                return cli_usage_error(cli, "at most %d --regime dates",
                                       EXO_HAWKES_MAX_REGIMES - 1);
            if (exo_date_parse(arg, &d, &e) == EXO_OK) {
                a.breaks[a.o.n_breaks++] = d.days;
            } else {
                double v;
                if ((rc = cli_parse_double(cli, "regime", arg, &v)))
                    return rc;
                a.breaks[a.o.n_breaks++] = v;
            }
            break;
        }
        case OPT_HORIZON:
            a.horizon_text = arg;
            break;
        case OPT_BOOTSTRAP: {
            long b;
            if ((rc = cli_parse_long(cli, "bootstrap", arg, &b)))
                return rc;
            if (b < 20)
                return cli_usage_error(cli,
                                       "--bootstrap: %ld replicates (expected "
                                       "at least 20, for a p-value that can "
                                       "fall below 0.05)",
                                       b);
            a.o.bootstrap = (size_t)b;
            break;
        }
        case OPT_ASYMPTOTIC:
            a.o.asymptotic = true;
            break;
        case OPT_IMPUTATIONS: {
            long m;
            if ((rc = cli_parse_long(cli, "imputations", arg, &m)))
                return rc;
            if (m < 1)
                return cli_usage_error(cli, "--imputations: at least 1");
            a.o.imputations = (size_t)m;
            break;
        }
        case OPT_SEED: {
            long seed;
            if ((rc = cli_parse_long(cli, "seed", arg, &seed)))
                return rc;
            a.o.seed = (uint64_t)seed;
            break;
        }
        case OPT_TIES:
            if (strcmp(arg, "exact") == 0)
                a.o.ties_exact = true;
            else if (strcmp(arg, "spread") == 0)
                a.o.ties_exact = false;
            else
                return cli_usage_error(cli,
                                       "unknown --ties '%s' (expected "
                                       "spread or exact)",
                                       arg);
            break;
        case OPT_FIXED:
            if ((rc = cli_parse_double(cli, "fixed-decay", arg, &a.fixed_beta)))
                return rc;
            if (!(a.fixed_beta > 0.0))
                return cli_usage_error(cli,
                                       "--fixed-decay: '%s' is not a "
                                       "positive rate",
                                       arg);
            a.o.fixed_beta = a.fixed_beta;
            break;
        case OPT_EVENTS:
            a.events_path = arg;
            break;
        case OPT_WINDOW:
            a.window = arg;
            break;
        case OPT_TIME:
            a.time_col = arg;
            break;
        case OPT_STREAM:
            a.stream_col = arg;
            break;
        case OPT_DECAY:
            if (strcmp(arg, "pair") == 0)
                a.pair_decay = true;
            else if (strcmp(arg, "shared") == 0)
                a.pair_decay = false;
            else
                return cli_usage_error(cli,
                                       "unknown --decay '%s' (expected "
                                       "shared or pair)",
                                       arg);
            a.has_decay = true;
            break;
        case OPT_MASS:
            if (!exo_mass_mode_parse(arg, &a.o.mass_events))
                return cli_usage_error(cli,
                                       "unknown --mass-events '%s' "
                                       "(expected keep, collapse or "
                                       "exclude)",
                                       arg);
            break;
        case OPT_PATHS:
            if ((rc = cli_parse_long(cli, "paths", arg, &a.paths)))
                return rc;
            if (a.paths < 1)
                return cli_usage_error(cli, "--paths: at least 1");
            a.o.paths = (size_t)a.paths;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (a.o.n_breaks) {
        /* Regime dates in order, whatever order they were given in. */
        cli_qsort(a.breaks, a.o.n_breaks, sizeof a.breaks[0], cmp_double);
        if (a.has_baseline && a.o.baseline == EXO_BASELINE_CONSTANT)
            return cli_usage_error(cli, "--regime sets a piecewise baseline; "
                                        "it does not go with --baseline "
                                        "constant");
        a.o.baseline = EXO_BASELINE_REGIMES;
        a.o.breaks = a.breaks;
    }
    if (a.has_decay && !a.stream_col)
        return cli_usage_error(cli, "--decay applies to --stream (the "
                                    "multivariate model)");
    if (a.pair_decay && a.fixed_beta > 0.0)
        return cli_usage_error(cli, "--fixed-decay holds one decay; it does "
                                    "not go with --decay pair");
    if (!a.events_path) {
        if (argc - first != 1) {
            cli_usage(stderr, spiral_usage, spiral_opts);
            return CLI_EXIT_USAGE;
        }
        if (a.window || a.time_col || a.stream_col)
            return cli_usage_error(cli, "--window, --time and --stream apply "
                                        "to --events; use --since and "
                                        "--until with ORG");
        if ((rc = parse_span(cli, a.horizon_text ? a.horizon_text : "180d",
                             true, &a.o.horizon)))
            return rc;
        return run_org(cli, argv[first], &a, NULL);
    }
    if (argc - first != 0) {
        cli_usage(stderr, spiral_usage, spiral_opts);
        return CLI_EXIT_USAGE;
    }
    if (a.o.filter.has_since || a.o.filter.has_until || a.o.filter.level_mask ||
        a.o.filter.with_leave)
        return cli_usage_error(cli, "--since, --until, --level and --leave "
                                    "apply to ORG; use --window with "
                                    "--events");
    if (a.o.per_head)
        return cli_usage_error(cli, "--baseline headcount needs ORG: its "
                                    "spells give the headcount");
    if (a.stream_col && (a.o.n_breaks || a.horizon_text || a.o.bootstrap))
        return cli_usage_error(cli, "--regime, --horizon and --bootstrap "
                                    "are not available with --stream "
                                    "(the multivariate model)");
    exo_event_file f;
    exo_event_file_opts fo = {0};
    exo_err err = {0};
    fo.time_column = a.time_col;
    fo.stream_column = a.stream_col;
    fo.ties_exact = a.o.ties_exact;
    if (exo_event_file_load(a.events_path, &fo, &f, &err))
        return cli_fail(cli, &err);
    int status = 0;
    if (a.horizon_text)
        status = parse_span(cli, a.horizon_text, f.dates, &a.o.horizon);
    if (!status && a.stream_col) {
        struct stream s = {0};
        status = mv_events(cli, &a, &f, &s);
        if (!status)
            status = run_mv(cli, &a, &s);
    } else if (!status) {
        status = run_events(cli, &a, &f);
    }
    exo_event_file_release(&f);
    return status;
}

int spiral_show(struct cli *cli, const char *org, struct json_out *j)
{
    return spiral_show_mass(cli, org, EXO_MASS_KEEP, j);
}

int spiral_show_mass(struct cli *cli, const char *org, exo_mass_mode mode,
                     struct json_out *j)
{
    struct spiral_args a;
    memset(&a, 0, sizeof a);
    exo_spiral_opts_init(&a.o);
    a.o.mass_events = mode;
    return run_org(cli, org, &a, j);
}
