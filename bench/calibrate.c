/*
 * calibrate.c - how often the spiral verdict is right. Streams whose
 * truth is known (bench/truth.c) go through exo_spiral_analyze_stream,
 * and the verdicts are scored against that truth. Prints tables; never
 * asserts (a benchmark measures, the unit tests judge).
 *
 *   make calibrate CALIBRATE_ARGS='--reps 200 --markdown'
 *   build/bench/calibrate [options]          (--help lists them)
 *
 * Null cells: no contagion at all, only a trend (truth.h's shapes: a
 * constant rate, a x4 step at 60% of the window, a x4 linear ramp,
 * OpenAI's lumpy yearly counts) x how precisely dates are known (day,
 * month, year, or the bundled data's mix) x expected size. The false-alarm
 * rate is the share of near-critical or supercritical verdicts, the
 * claims that would alarm a reader; the share of any contagion verdict
 * (subcritical or worse) is shown beside it, since "self-exciting" is a
 * false claim about these data too.
 *
 * Hawkes cells: contagion with branching ratio n (exponential kernel,
 * 30-day mean delay by default) at about 120 expected events in the
 * window, dates to the day or mixed. Detection is the share of any
 * contagion verdict; coverage of n is the share of intervals [n_lo, n_hi]
 * that hold the true n (an analysis without an interval counts as a
 * miss); forecast coverage: the truth runs on to T + H, the analysis sees
 * only [0, T), and the count in (T, T + H] is checked against the
 * forecast's 80% and 95% intervals.
 *
 * Every window is 2015-01-01 to 2026-01-01 (truth.h's TRUTH_WINDOW), so a
 * date coarsened to its year stays inside it. Rates are over the analyses
 * that returned EXO_OK ('failed' counts the others); the figure in
 * parentheses is the binomial standard error sqrt(p (1 - p) / reps).
 *
 * Reproducible: a cell's seeds come from the base seed, what the cell is
 * and the replicate number (truth_seed), so one cell run alone gives the
 * figures it gives in the full table, whatever the thread count.
 * Replicates run in parallel (OpenMP, one analysis per thread); nested
 * parallel regions inside the library then run on their caller's thread,
 * so two cores are not asked for four threads.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exodus.h"
#include "truth.h"

#define MAX_LIST 16

struct config {
    size_t reps;
    uint64_t seed;
    bool markdown;
    bool run_null, run_hawkes;
    truth_shape shapes[MAX_LIST];
    size_t n_shapes;
    truth_precision precisions[MAX_LIST];
    size_t n_precisions;
    double sizes[MAX_LIST];
    size_t n_sizes;
    double branching[MAX_LIST];
    size_t n_branching;
    truth_precision hawkes_precisions[MAX_LIST];
    size_t n_hawkes_precisions;
    double hawkes_events;
    double decay_days; /* 1 / beta */
    double horizon;
    size_t bootstrap, imputations, paths; /* 0: the library's defaults */
    double level;                         /* 0: the library's default */
    bool misses; /* list the Hawkes replicates whose interval misses */
};

/* One analysis of one replicate. */
struct rep_out {
    exo_code code;
    char msg[256]; /* the error, when code is not EXO_OK */
    int kind;
    size_t n_events;
    double n_hat, n_lo, n_hi, level;
    bool has_forecast, in80, in95;
};

/* A cell: what is simulated, and how the analysis is asked. */
struct cell {
    bool hawkes;
    truth_shape shape; /* null cells */
    double n;          /* Hawkes cells: the true branching ratio */
    truth_precision precision;
    double N; /* expected events in the window */
    uint64_t seed;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* ---- One replicate ---- */

/* A replicate whose interval misses the true n, with each imputation's
 * estimate and interval and the verdict: what to read when coverage
 * falls short. One write, so lines from threads do not interleave. */
static void print_miss(const struct cell *c, size_t rep, const exo_spiral *sp)
{
    char buf[8192];
    size_t k = 0;
    k += (size_t)snprintf(buf, sizeof buf,
                          "miss: n %.2f %s rep %zu: %zu events, n = %.3f "
                          "[%.3f, %.3f], p = %.3f; imputations:",
                          c->n, truth_precision_name(c->precision), rep,
                          sp->n_events, sp->n, sp->n_lo, sp->n_hi, sp->p);
    for (size_t m = 0; m < sp->n_imputations && k < sizeof buf - 200; m++) {
        const exo_spiral_imputation *im = &sp->imputations[m];
        k += (size_t)snprintf(buf + k, sizeof buf - k, " %.2f [%.2f, %.2f]",
                              im->n, im->lo, im->hi);
    }
    snprintf(buf + k, sizeof buf - k, "\n  %s\n", sp->verdict.text);
    fputs(buf, stderr);
}

static void run_replicate(const struct config *cfg, const struct cell *c,
                          size_t rep, struct rep_out *out)
{
    const double T = TRUTH_WINDOW, H = cfg->horizon;
    truth_events ev = {0};
    double *start = NULL, *width = NULL;
    exo_spiral *sp = NULL;
    exo_err err = {0};
    memset(out, 0, sizeof *out);
    out->kind = -1;
    out->n_hat = out->n_lo = out->n_hi = (double)NAN;
    gsl_rng *rng = truth_rng(truth_seed(c->seed, rep, 0));
    int rc = rng ? 0 : ENOMEM;
    size_t n_window = 0, n_future = 0;

    if (!rc && c->hawkes) {
        /* mu for N expected events in [0, T); the run goes on to T + H
         * with the same mu, which leaves [0, T) as it would have been. */
        double beta = 1.0 / cfg->decay_days;
        double mu = truth_hawkes_mu(c->N, c->n, beta, T);
        rc = truth_hawkes(mu, c->n, beta, T + H, rng, &ev);
    } else if (!rc) {
        truth_rate rate;
        rc = truth_rate_standard(&rate, c->shape, c->N);
        if (!rc)
            rc = truth_poisson(&rate, rng, &ev);
    }
    if (!rc) {
        while (n_window < ev.n && ev.t[n_window] < T)
            n_window++;
        n_future = ev.n - n_window;
        for (size_t i = 0; i < n_window; i++)
            ev.t[i] += TRUTH_ORIGIN;
        start = malloc((n_window ? n_window : 1) * sizeof *start);
        width = malloc((n_window ? n_window : 1) * sizeof *width);
        rc = start && width ? 0 : ENOMEM;
    }
    if (!rc)
        rc = truth_coarsen(ev.t, n_window, c->precision, NULL, rng, start,
                           width);
    if (rc) {
        out->code = EXO_ENOMEM;
        snprintf(out->msg, sizeof out->msg, "simulation: %s", strerror(rc));
        goto done;
    }

    exo_event_stream stream = {
        .times = start,
        .widths = c->precision == TRUTH_EXACT ? NULL : width,
        .n = n_window,
        .dates = true,
        .has_window = true,
        .start = TRUTH_ORIGIN,
        .end = TRUTH_ORIGIN + T,
    };
    exo_spiral_opts opts;
    exo_spiral_opts_init(&opts);
    opts.seed = truth_seed(c->seed, rep, 1);
    opts.horizon = H;
    opts.bootstrap = cfg->bootstrap;
    opts.imputations = cfg->imputations;
    opts.paths = cfg->paths;
    opts.level = cfg->level;
    out->n_events = n_window;
    out->code = exo_spiral_analyze_stream(&stream, &opts, &sp, &err);
    if (out->code != EXO_OK) {
        snprintf(out->msg, sizeof out->msg, "%s", err.msg);
        goto done;
    }
    out->kind = (int)sp->verdict.kind;
    out->n_hat = sp->n;
    out->n_lo = sp->n_lo;
    out->n_hi = sp->n_hi;
    out->level = sp->level;
    if (cfg->misses && c->hawkes && !(sp->n_lo <= c->n && c->n <= sp->n_hi))
        print_miss(c, rep, sp);
    if (sp->has_forecast) {
        double k = (double)n_future;
        out->has_forecast = true;
        out->in80 = sp->forecast.lo80 <= k && k <= sp->forecast.hi80;
        out->in95 = sp->forecast.lo95 <= k && k <= sp->forecast.hi95;
    }
    exo_spiral_release(sp);
done:
    free(start);
    free(width);
    truth_events_release(&ev);
    if (rng)
        gsl_rng_free(rng);
}

/* ---- A cell: its replicates in parallel, then the tally ---- */

struct tally {
    size_t reps, ok, failed;
    size_t kind[EXO_SPIRAL_N_KINDS];
    double mean_events;
    double median_n; /* of the finite estimates: a fit at the decay's
                        limit can put one n far out, which a mean shows */
    size_t n_finite;
    size_t covered; /* true n in [n_lo, n_hi] */
    double level;   /* the intervals' level */
    size_t forecasts, in80, in95;
    char first_error[256];
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void run_cell(const struct config *cfg, const struct cell *c,
                     struct tally *t)
{
    struct rep_out *out = calloc(cfg->reps, sizeof *out);
    double *n_hat = malloc(cfg->reps * sizeof *n_hat);
    if (!out || !n_hat) {
        fprintf(stderr, "calibrate: out of memory\n");
        exit(1);
    }
    long reps = (long)cfg->reps;
#pragma omp parallel for schedule(dynamic, 1)
    for (long r = 0; r < reps; r++)
        run_replicate(cfg, c, (size_t)r, &out[r]);

    /* Tallied in replicate order, so the sums do not depend on which
     * thread finished first. */
    memset(t, 0, sizeof *t);
    t->reps = cfg->reps;
    for (size_t r = 0; r < cfg->reps; r++) {
        const struct rep_out *o = &out[r];
        if (o->code != EXO_OK) {
            if (!t->failed++)
                snprintf(t->first_error, sizeof t->first_error,
                         "replicate %zu: %s", r, o->msg);
            continue;
        }
        t->ok++;
        if (o->kind >= 0 && o->kind < EXO_SPIRAL_N_KINDS)
            t->kind[o->kind]++;
        t->mean_events += (double)o->n_events;
        if (isfinite(o->n_hat))
            n_hat[t->n_finite++] = o->n_hat;
        /* NaN bounds compare false: no interval is a miss. */
        t->covered += o->n_lo <= c->n && c->n <= o->n_hi;
        t->level = o->level;
        if (o->has_forecast) {
            t->forecasts++;
            t->in80 += o->in80;
            t->in95 += o->in95;
        }
    }
    if (t->ok)
        t->mean_events /= (double)t->ok;
    t->median_n = (double)NAN;
    if (t->n_finite) {
        size_t m = t->n_finite;
        qsort(n_hat, m, sizeof *n_hat, cmp_double);
        t->median_n =
            m % 2 ? n_hat[m / 2] : 0.5 * (n_hat[m / 2 - 1] + n_hat[m / 2]);
    }
    free(n_hat);
    free(out);
}

/* ---- Tables, as aligned text or Markdown ---- */

#define CELL_CHARS 40

struct table {
    size_t n_cols, n_rows, cap;
    char (*cell)[CELL_CHARS]; /* row-major; row 0 is the header */
    bool right[MAX_LIST * 2]; /* numeric column: right-aligned */
};

static void table_init(struct table *tb, size_t n_cols, const char **header,
                       const bool *right)
{
    memset(tb, 0, sizeof *tb);
    tb->n_cols = n_cols;
    for (size_t j = 0; j < n_cols; j++)
        tb->right[j] = right[j];
    tb->cap = 8;
    tb->cell = calloc(tb->cap * n_cols, sizeof *tb->cell);
    if (!tb->cell) {
        fprintf(stderr, "calibrate: out of memory\n");
        exit(1);
    }
    for (size_t j = 0; j < n_cols; j++)
        snprintf(tb->cell[j], CELL_CHARS, "%s", header[j]);
    tb->n_rows = 1;
}

/* A new row; returns its first cell. */
static char (*table_row(struct table *tb))[CELL_CHARS]
{
    if (tb->n_rows == tb->cap) {
        tb->cap *= 2;
        void *p = realloc(tb->cell, tb->cap * tb->n_cols * sizeof *tb->cell);
        if (!p) {
            fprintf(stderr, "calibrate: out of memory\n");
            exit(1);
        }
        tb->cell = p;
    }
    char(*row)[CELL_CHARS] = tb->cell + tb->n_rows * tb->n_cols;
    memset(row, 0, tb->n_cols * sizeof *row);
    tb->n_rows++;
    return row;
}

static void table_print(const struct table *tb, bool markdown)
{
    size_t w[MAX_LIST * 2] = {0};
    for (size_t i = 0; i < tb->n_rows; i++)
        for (size_t j = 0; j < tb->n_cols; j++) {
            size_t len = strlen(tb->cell[i * tb->n_cols + j]);
            if (len > w[j])
                w[j] = len;
        }
    for (size_t i = 0; i < tb->n_rows; i++) {
        for (size_t j = 0; j < tb->n_cols; j++) {
            const char *s = tb->cell[i * tb->n_cols + j];
            int pad = (int)w[j];
            if (markdown)
                printf("| ");
            else if (j)
                printf("  ");
            if (tb->right[j] && i > 0)
                printf("%*s", pad, s);
            else
                printf("%-*s", pad, s);
            if (markdown)
                printf(" ");
        }
        printf(markdown ? "|\n" : "\n");
        if (markdown && i == 0) {
            for (size_t j = 0; j < tb->n_cols; j++)
                printf("|%s", tb->right[j] ? "---:" : "---");
            printf("|\n");
        }
    }
}

static void table_release(struct table *tb)
{
    free(tb->cell);
}

/* "0.035 (0.013)": a share of 'k' in 'n' and its binomial SE. */
static void share(char *buf, size_t k, size_t n)
{
    if (n == 0) {
        snprintf(buf, CELL_CHARS, "-");
        return;
    }
    double p = (double)k / (double)n;
    snprintf(buf, CELL_CHARS, "%.3f (%.3f)", p, sqrt(p * (1 - p) / (double)n));
}

/* ---- The two parts ---- */

/* Seeds by what a cell is: part, shape or n, precision, size. */
static uint64_t cell_seed(const struct config *cfg, const struct cell *c)
{
    uint64_t what = c->hawkes ? (1u << 16) | (uint64_t)lround(c->n * 1000)
                              : (uint64_t)c->shape;
    return truth_seed(cfg->seed, (what << 8) | (uint64_t)c->precision,
                      (uint64_t)llround(c->N * 1000));
}

static void progress(const struct cell *c, const struct tally *t,
                     double seconds)
{
    if (c->hawkes)
        fprintf(stderr, "calibrate: hawkes n %.2f %s N %g:", c->n,
                truth_precision_name(c->precision), c->N);
    else
        fprintf(stderr,
                "calibrate: null %s %s N %g:", truth_shape_name(c->shape),
                truth_precision_name(c->precision), c->N);
    fprintf(stderr, " %zu reps in %.1f s", t->reps, seconds);
    if (t->failed)
        fprintf(stderr, "; %zu failed, first %s", t->failed, t->first_error);
    fprintf(stderr, "\n");
}

static void run_null(const struct config *cfg)
{
    static const char *header[] = {
        "shape",      "dates", "E[events]", "reps",   "events",
        "near/super", "any",   "insuff.",   "incon.", "none",
        "sub",        "near",  "super",     "failed"};
    static const bool right[] = {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    struct table tb;
    table_init(&tb, 14, header, right);
    for (size_t s = 0; s < cfg->n_shapes; s++)
        for (size_t p = 0; p < cfg->n_precisions; p++)
            for (size_t k = 0; k < cfg->n_sizes; k++) {
                struct cell c = {.shape = cfg->shapes[s],
                                 .precision = cfg->precisions[p],
                                 .N = cfg->sizes[k]};
                struct tally t;
                c.seed = cell_seed(cfg, &c);
                double t0 = now();
                run_cell(cfg, &c, &t);
                progress(&c, &t, now() - t0);
                char(*row)[CELL_CHARS] = table_row(&tb);
                size_t alarm = t.kind[EXO_SPIRAL_NEAR_CRITICAL] +
                               t.kind[EXO_SPIRAL_SUPERCRITICAL];
                size_t any = alarm + t.kind[EXO_SPIRAL_SUBCRITICAL];
                snprintf(row[0], CELL_CHARS, "%s", truth_shape_name(c.shape));
                snprintf(row[1], CELL_CHARS, "%s",
                         truth_precision_name(c.precision));
                snprintf(row[2], CELL_CHARS, "%g", c.N);
                snprintf(row[3], CELL_CHARS, "%zu", t.reps);
                snprintf(row[4], CELL_CHARS, "%.1f", t.mean_events);
                share(row[5], alarm, t.ok);
                share(row[6], any, t.ok);
                for (int j = 0; j < EXO_SPIRAL_N_KINDS; j++)
                    snprintf(row[7 + j], CELL_CHARS, "%zu", t.kind[j]);
                snprintf(row[13], CELL_CHARS, "%zu", t.failed);
            }
    printf(cfg->markdown ? "\n### No contagion: false alarms\n\n"
                         : "\nNo contagion: false alarms\n\n");
    table_print(&tb, cfg->markdown);
    printf("\nnear/super: share of near-critical or supercritical verdicts "
           "(the false alarm); any: subcritical or worse; the counts after "
           "them are each verdict's (insufficient, inconclusive, no "
           "contagion, subcritical, near-critical, supercritical). "
           "Standard errors in parentheses.\n");
    table_release(&tb);
}

static void run_hawkes(const struct config *cfg)
{
    static const char *header[] = {"true n", "dates",  "E[events]", "reps",
                                   "events", "n-hat",  "detected",  "n in CI",
                                   "fc 80%", "fc 95%", "forecasts", "failed"};
    static const bool right[] = {1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    struct table tb;
    double level = (double)NAN;
    table_init(&tb, 12, header, right);
    for (size_t b = 0; b < cfg->n_branching; b++)
        for (size_t p = 0; p < cfg->n_hawkes_precisions; p++) {
            struct cell c = {.hawkes = true,
                             .n = cfg->branching[b],
                             .precision = cfg->hawkes_precisions[p],
                             .N = cfg->hawkes_events};
            struct tally t;
            c.seed = cell_seed(cfg, &c);
            double t0 = now();
            run_cell(cfg, &c, &t);
            progress(&c, &t, now() - t0);
            if (t.ok)
                level = t.level;
            char(*row)[CELL_CHARS] = table_row(&tb);
            size_t any = t.kind[EXO_SPIRAL_SUBCRITICAL] +
                         t.kind[EXO_SPIRAL_NEAR_CRITICAL] +
                         t.kind[EXO_SPIRAL_SUPERCRITICAL];
            snprintf(row[0], CELL_CHARS, "%.2f", c.n);
            snprintf(row[1], CELL_CHARS, "%s",
                     truth_precision_name(c.precision));
            snprintf(row[2], CELL_CHARS, "%g", c.N);
            snprintf(row[3], CELL_CHARS, "%zu", t.reps);
            snprintf(row[4], CELL_CHARS, "%.1f", t.mean_events);
            snprintf(row[5], CELL_CHARS, "%.3f", t.median_n);
            share(row[6], any, t.ok);
            share(row[7], t.covered, t.ok);
            share(row[8], t.in80, t.forecasts);
            share(row[9], t.in95, t.forecasts);
            snprintf(row[10], CELL_CHARS, "%zu", t.forecasts);
            snprintf(row[11], CELL_CHARS, "%zu", t.failed);
        }
    printf(cfg->markdown ? "\n### Contagion: detection and coverage\n\n"
                         : "\nContagion: detection and coverage\n\n");
    table_print(&tb, cfg->markdown);
    printf("\ndetected: share of subcritical, near-critical or supercritical "
           "verdicts; n in CI: share of the %g%% intervals [n_lo, n_hi] "
           "holding the true n (no interval is a miss); fc 80%%/95%%: share "
           "of the %g-day counts after the window inside the forecast's "
           "80%%/95%% interval, over the analyses that made a forecast; "
           "n-hat: median estimate. Mean delay of the kernel %g days.\n",
           isfinite(level) ? 100 * level : 95.0, cfg->horizon, cfg->decay_days);
    table_release(&tb);
}

/* ---- Options ---- */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: calibrate [options]\n"
            "  -r, --reps N              replicates per cell (200)\n"
            "  -s, --seed S              base seed (1)\n"
            "  -m, --markdown            print the tables as Markdown\n"
            "      --part P              null, hawkes or all (all)\n"
            "      --shapes LIST         of constant, step, ramp, ramp-exp,\n"
            "                            lumpy (constant,step,ramp,lumpy)\n"
            "      --precisions LIST     of exact, day, month, year, mixed\n"
            "                            (day,month,year,mixed)\n"
            "      --sizes LIST          expected events of the null cells\n"
            "                            (50,100,300)\n"
            "      --branching LIST      true n of the Hawkes cells\n"
            "                            (0.3,0.5,0.7,0.9)\n"
            "      --hawkes-events N     expected events in their window "
            "(120)\n"
            "      --hawkes-precisions LIST  (day,mixed)\n"
            "      --decay-days D        mean delay 1/beta of the kernel "
            "(30)\n"
            "      --horizon D           forecast horizon in days (180)\n"
            "      --bootstrap B         \\\n"
            "      --imputations M        } exo_spiral_opts; 0 or absent:\n"
            "      --paths P             /  the library's defaults\n"
            "      --level L             /\n"
            "      --misses              list on stderr each Hawkes replicate\n"
            "                            whose interval misses the true n\n"
            "  -h, --help\n"
            "OMP_NUM_THREADS sets how many replicates run at once.\n");
}

static bool parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-')
        return false;
    *out = (size_t)v;
    return true;
}

static bool parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* Splits a comma list and parses each item with 'one'; false on a bad item
 * or more than MAX_LIST. */
static bool parse_list(const char *arg, size_t *n, void *items, size_t size,
                       bool (*one)(const char *, void *))
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", arg);
    *n = 0;
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        if (*n == MAX_LIST || !one(tok, (char *)items + *n * size))
            return false;
        (*n)++;
    }
    return *n > 0;
}

static bool one_shape(const char *s, void *out)
{
    return truth_shape_parse(s, out);
}

static bool one_precision(const char *s, void *out)
{
    return truth_precision_parse(s, out);
}

static bool one_double(const char *s, void *out)
{
    return parse_double(s, out) && *(double *)out > 0;
}

static bool one_branching(const char *s, void *out)
{
    double *v = out;
    return parse_double(s, v) && *v >= 0 && *v < 1;
}

enum {
    OPT_PART = 256,
    OPT_SHAPES,
    OPT_PRECISIONS,
    OPT_SIZES,
    OPT_BRANCHING,
    OPT_HAWKES_EVENTS,
    OPT_HAWKES_PRECISIONS,
    OPT_DECAY,
    OPT_HORIZON,
    OPT_BOOTSTRAP,
    OPT_IMPUTATIONS,
    OPT_PATHS,
    OPT_LEVEL,
    OPT_MISSES
};

static void defaults(struct config *cfg)
{
    static const truth_shape shapes[] = {TRUTH_CONSTANT, TRUTH_STEP, TRUTH_RAMP,
                                         TRUTH_LUMPY};
    static const truth_precision precisions[] = {TRUTH_DAY, TRUTH_MONTH,
                                                 TRUTH_YEAR, TRUTH_MIXED};
    memset(cfg, 0, sizeof *cfg);
    cfg->reps = 200;
    cfg->seed = 1;
    cfg->run_null = cfg->run_hawkes = true;
    memcpy(cfg->shapes, shapes, sizeof shapes);
    cfg->n_shapes = 4;
    memcpy(cfg->precisions, precisions, sizeof precisions);
    cfg->n_precisions = 4;
    cfg->sizes[0] = 50;
    cfg->sizes[1] = 100;
    cfg->sizes[2] = 300;
    cfg->n_sizes = 3;
    cfg->branching[0] = 0.3;
    cfg->branching[1] = 0.5;
    cfg->branching[2] = 0.7;
    cfg->branching[3] = 0.9;
    cfg->n_branching = 4;
    cfg->hawkes_precisions[0] = TRUTH_DAY;
    cfg->hawkes_precisions[1] = TRUTH_MIXED;
    cfg->n_hawkes_precisions = 2;
    cfg->hawkes_events = 120;
    cfg->decay_days = 30;
    cfg->horizon = 180;
}

static bool parse_args(int argc, char **argv, struct config *cfg)
{
    static const struct option longopts[] = {
        {"reps", required_argument, NULL, 'r'},
        {"seed", required_argument, NULL, 's'},
        {"markdown", no_argument, NULL, 'm'},
        {"help", no_argument, NULL, 'h'},
        {"part", required_argument, NULL, OPT_PART},
        {"shapes", required_argument, NULL, OPT_SHAPES},
        {"precisions", required_argument, NULL, OPT_PRECISIONS},
        {"sizes", required_argument, NULL, OPT_SIZES},
        {"branching", required_argument, NULL, OPT_BRANCHING},
        {"hawkes-events", required_argument, NULL, OPT_HAWKES_EVENTS},
        {"hawkes-precisions", required_argument, NULL, OPT_HAWKES_PRECISIONS},
        {"decay-days", required_argument, NULL, OPT_DECAY},
        {"horizon", required_argument, NULL, OPT_HORIZON},
        {"bootstrap", required_argument, NULL, OPT_BOOTSTRAP},
        {"imputations", required_argument, NULL, OPT_IMPUTATIONS},
        {"paths", required_argument, NULL, OPT_PATHS},
        {"level", required_argument, NULL, OPT_LEVEL},
        {"misses", no_argument, NULL, OPT_MISSES},
        {NULL, 0, NULL, 0}};
    int ch;
    size_t seed;
    bool ok = true;
    while (ok &&
           (ch = getopt_long(argc, argv, "r:s:mh", longopts, NULL)) != -1) {
        switch (ch) {
        case 'r':
            ok = parse_size(optarg, &cfg->reps) && cfg->reps > 0;
            break;
        case 's':
            ok = parse_size(optarg, &seed);
            if (ok)
                cfg->seed = seed;
            break;
        case 'm':
            cfg->markdown = true;
            break;
        case 'h':
            usage(stdout);
            exit(0);
        case OPT_PART:
            cfg->run_null = !strcmp(optarg, "null") || !strcmp(optarg, "all");
            cfg->run_hawkes =
                !strcmp(optarg, "hawkes") || !strcmp(optarg, "all");
            ok = cfg->run_null || cfg->run_hawkes;
            break;
        case OPT_SHAPES:
            ok = parse_list(optarg, &cfg->n_shapes, cfg->shapes,
                            sizeof cfg->shapes[0], one_shape);
            break;
        case OPT_PRECISIONS:
            ok = parse_list(optarg, &cfg->n_precisions, cfg->precisions,
                            sizeof cfg->precisions[0], one_precision);
            break;
        case OPT_SIZES:
            ok = parse_list(optarg, &cfg->n_sizes, cfg->sizes,
                            sizeof cfg->sizes[0], one_double);
            break;
        case OPT_BRANCHING:
            ok = parse_list(optarg, &cfg->n_branching, cfg->branching,
                            sizeof cfg->branching[0], one_branching);
            break;
        case OPT_HAWKES_EVENTS:
            ok = one_double(optarg, &cfg->hawkes_events);
            break;
        case OPT_HAWKES_PRECISIONS:
            ok = parse_list(optarg, &cfg->n_hawkes_precisions,
                            cfg->hawkes_precisions,
                            sizeof cfg->hawkes_precisions[0], one_precision);
            break;
        case OPT_DECAY:
            ok = one_double(optarg, &cfg->decay_days);
            break;
        case OPT_HORIZON:
            ok = one_double(optarg, &cfg->horizon);
            break;
        case OPT_BOOTSTRAP:
            ok = parse_size(optarg, &cfg->bootstrap);
            break;
        case OPT_IMPUTATIONS:
            ok = parse_size(optarg, &cfg->imputations);
            break;
        case OPT_PATHS:
            ok = parse_size(optarg, &cfg->paths);
            break;
        case OPT_LEVEL:
            ok = parse_double(optarg, &cfg->level) && cfg->level >= 0 &&
                 cfg->level < 1;
            break;
        case OPT_MISSES:
            cfg->misses = true;
            break;
        default:
            ok = false;
        }
        if (!ok && ch != '?') {
            const char *name = "?";
            for (const struct option *o = longopts; o->name; o++)
                if (o->val == ch)
                    name = o->name;
            fprintf(stderr, "calibrate: bad value for --%s: '%s'\n", name,
                    optarg ? optarg : "");
        }
    }
    if (ok && optind < argc) {
        fprintf(stderr, "calibrate: unexpected argument '%s'\n", argv[optind]);
        ok = false;
    }
    return ok;
}

int main(int argc, char **argv)
{
    struct config cfg;
    defaults(&cfg);
    if (!parse_args(argc, argv, &cfg)) {
        usage(stderr);
        return 2;
    }
    omp_set_max_active_levels(1);
    printf("Calibration of the spiral verdict: %zu replicates a cell, "
           "seed %llu, %d threads; windows 2015-01-01 to 2026-01-01; "
           "bootstrap %zu, imputations %zu, paths %zu (0: the library's "
           "defaults); exodus %s.\n",
           cfg.reps, (unsigned long long)cfg.seed, omp_get_max_threads(),
           cfg.bootstrap, cfg.imputations, cfg.paths, exo_version());
    double t0 = now();
    if (cfg.run_null)
        run_null(&cfg);
    if (cfg.run_hawkes)
        run_hawkes(&cfg);
    fprintf(stderr, "calibrate: %.1f s in all\n", now() - t0);
    return 0;
}
