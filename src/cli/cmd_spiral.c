/*
 * cmd_spiral.c - exodus spiral: is an organisation's attrition feeding on
 * itself? Fits a Hawkes process to its departures (or to any event stream
 * from a file), tests it against Poisson, forecasts, and gives a verdict.
 *
 * The window for ORG runs from the organisation's first recorded event
 * (or --since) to the end of the last departure's date (or --until); the
 * output says which. Rates print per month (30.4375 days); --json gives
 * every number at full precision in the data's own unit (days).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MONTH_DAYS 30.4375

static const char spiral_usage[] =
    "usage: exodus spiral ORG [--since DATE] [--until DATE] [--level "
    "LEVEL...]\n"
    "                         [--regime DATE...] [--horizon 180d] "
    "[--bootstrap B]\n"
    "                         [--seed N] [--ties spread|exact] "
    "[--fixed-decay BETA] [--json]\n"
    "                         [--baseline constant|headcount]\n"
    "   or: exodus spiral --events FILE [--window A:B] [--time COL] "
    "[options]\n"
    "   or: exodus spiral --events FILE --stream COL [--time COL] "
    "[--window A:B]\n"
    "                         [--decay shared|pair] [--fixed-decay BETA] "
    "[--json]";

static const struct opt spiral_opts[] = {
    {"since", 0, "DATE", "window starts at DATE (default: first event)"},
    {"until", 0, "DATE", "window ends at DATE (default: last departure)"},
    {"level", 0, "LEVEL", "only these levels (founder,exec,lead,ic,board)"},
    {"regime", 0, "DATE", "baseline changes at DATE (repeatable)"},
    {"horizon", 0, "SPAN", "forecast span: 180d, 26w, 6m, 1y (default 180d)"},
    {"bootstrap", 0, "B", "also a parametric-bootstrap LR test, B replicates"},
    {"seed", 0, "N", "seed for tie spreading, forecast, bootstrap (1)"},
    {"ties", 0, "spread|exact",
     "spread dates within their precision (default)"},
    {"fixed-decay", 0, "BETA", "hold the decay at BETA per day (per unit)"},
    {"events", 0, "FILE", "fit an event stream: one time or date a line"},
    {"window", 0, "A:B", "observation window of --events (default: span)"},
    {"time", 0, "COL", "the CSV column of --events (name or number)"},
    {"paths", 0, "N", "forecast paths (default 10000)"},
    {"baseline", 0, "constant|headcount",
     "baseline proportional to the ORG's headcount from its spells"},
    {"stream", 0, "COL",
     "the CSV column naming each event's stream: a multivariate fit"},
    {"decay", 0, "shared|pair",
     "with --stream: one decay for all pairs (default) or one per pair"},
    {NULL, 0, NULL, NULL},
};

enum {
    OPT_SINCE,
    OPT_UNTIL,
    OPT_LEVEL,
    OPT_REGIME,
    OPT_HORIZON,
    OPT_BOOTSTRAP,
    OPT_SEED,
    OPT_TIES,
    OPT_FIXED,
    OPT_EVENTS,
    OPT_WINDOW,
    OPT_TIME,
    OPT_PATHS,
    OPT_BASELINE,
    OPT_STREAM,
    OPT_DECAY
};

struct spiral_args {
    exo_filter filter;
    double breaks[EXO_HAWKES_MAX_REGIMES];
    size_t n_breaks;
    bool has_horizon;
    double horizon; /* in the data's unit */
    const char *horizon_text;
    long bootstrap;
    long seed;
    bool ties_exact;
    double fixed_beta;
    const char *events_path;
    const char *window;
    const char *time_col;
    long paths;
    bool headcount;         /* --baseline headcount */
    const char *stream_col; /* --stream: multivariate */
    bool pair_decay;        /* --decay pair */
    bool has_decay;         /* --decay given */
    char horizon_buf[64];   /* "180 days" */
};

/* The events to fit, in the data's unit, plus what the output needs. */
struct stream {
    double *t;     /* times (days for dates) */
    double *width; /* precision window of each, 0 for exact numbers */
    size_t n, cap;
    bool dates;       /* times are dates: print them as dates */
    size_t n_dropped; /* events outside --window */
    bool has_window;
    double w_start, w_end;
    const char *window_rule;
    /* --baseline headcount: h(t) = hc[j] from hc_t[j] (days) on. */
    double *hc_t, *hc;
    size_t n_hc, n_spells;
    /* --stream: each event's stream (0-based, labels sorted). */
    int *dim;
    size_t n_dims;
    /* Numbers: the finest step the file writes (1e-6 for "3.123456"), and
     * how many events share their time with another and were spread. */
    double resolution;
    size_t n_tied;
    char *labels[8];
};

static int stream_push(struct stream *s, double t, double width)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 1024;
        double *nt = realloc(s->t, cap * sizeof *nt);
        if (!nt)
            return -1;
        s->t = nt;
        double *nw = realloc(s->width, cap * sizeof *nw);
        if (!nw)
            return -1;
        s->width = nw;
        s->cap = cap;
    }
    s->t[s->n] = t;
    s->width[s->n] = width;
    s->n++;
    return 0;
}

static void stream_free(struct stream *s)
{
    free(s->t);
    free(s->width);
    free(s->hc_t);
    free(s->hc);
    free(s->dim);
    for (size_t i = 0; i < s->n_dims; i++)
        free(s->labels[i]);
}

/* Days in the precision window that starts at 'd'. */
static double precision_width(exo_date d)
{
    int y, m, dd;
    if (d.precision == EXO_PREC_DAY)
        return 1.0;
    exo_civil_from_days(d.days, &y, &m, &dd);
    if (d.precision == EXO_PREC_YEAR)
        return exo_days_from_civil(y + 1, 1, 1) - exo_days_from_civil(y, 1, 1);
    return (m == 12 ? exo_days_from_civil(y + 1, 1, 1)
                    : exo_days_from_civil(y, m + 1, 1)) -
           exo_days_from_civil(y, m, 1);
}

/* "180d", "26w", "6m", "1y", or a bare number of the data's unit. */
static int parse_span(const struct cli *cli, const char *text, bool dates,
                      double *out)
{
    char *end;
    double v = strtod(text, &end);
    double scale = 1.0;
    if (end == text || !(v > 0.0) || !isfinite(v))
        return cli_usage_error(cli,
                               "--horizon: '%s' is not a positive span "
                               "(expected e.g. 180d, 26w, 6m, 1y)",
                               text);
    if (*end) {
        if (!dates)
            return cli_usage_error(cli,
                                   "--horizon: '%s': units only apply "
                                   "to dates (give a number of the "
                                   "events' unit)",
                                   text);
        if (strcmp(end, "d") == 0)
            scale = 1.0;
        else if (strcmp(end, "w") == 0)
            scale = 7.0;
        else if (strcmp(end, "m") == 0)
            scale = MONTH_DAYS;
        else if (strcmp(end, "y") == 0)
            scale = 365.25;
        else
            return cli_usage_error(cli,
                                   "--horizon: unknown unit in '%s' "
                                   "(expected d, w, m or y)",
                                   text);
    }
    *out = v * scale;
    return 0;
}

/*
 * A number or an ISO date; '*is_date' says which. A bare "2015" is a
 * number: only a text with a '-' after its first character may be a date.
 */
static int parse_time_value(const char *text, double *t, double *width,
                            bool *is_date)
{
    exo_date d;
    if (text[0] && strchr(text + 1, '-') &&
        exo_date_parse(text, &d, NULL) == EXO_OK) {
        *t = d.days;
        *width = precision_width(d);
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

/* Splits 'line' at commas in place (no quoting: event files are simple). */
static size_t split_fields(char *line, char **fields, size_t cap)
{
    size_t n = 0;
    char *p = line;
    while (n < cap) {
        fields[n++] = p;
        char *c = strchr(p, ',');
        if (!c)
            break;
        *c = '\0';
        p = c + 1;
    }
    for (size_t i = 0; i < n; i++) {
        char *f = fields[i];
        while (*f == ' ' || *f == '\t')
            f++;
        size_t len = strlen(f);
        while (len && (f[len - 1] == '\n' || f[len - 1] == '\r' ||
                       f[len - 1] == ' ' || f[len - 1] == '\t'))
            f[--len] = '\0';
        fields[i] = f;
    }
    return n;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Lexicographic on the first two doubles. */
static int cmp_pair(const void *a, const void *b)
{
    const double *x = a, *y = b;
    if (x[0] != y[0])
        return (x[0] > y[0]) - (x[0] < y[0]);
    return (x[1] > y[1]) - (x[1] < y[1]);
}

static int cmp_label(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    char *ex, *ey;
    double u = strtod(x, &ex), v = strtod(y, &ey);
    if (ex != x && *ex == '\0' && ey != y && *ey == '\0' && u != v)
        return (u > v) - (u < v); /* numeric labels in numeric order */
    return strcmp(x, y);
}

/*
 * --stream: orders the labels (numbers numerically, else as text), maps
 * the per-event label indices 'lab' to that order, and sorts the events
 * by time with their streams (a stable order for equal times: file order).
 * Multivariate streams keep their times exact (no widths).
 */
static int sort_streams(struct stream *s, const int *lab)
{
    size_t n = s->n, D = s->n_dims;
    int remap[8];
    char *sorted[8];
    memcpy(sorted, s->labels, D * sizeof *sorted);
    cli_qsort(sorted, D, sizeof *sorted, cmp_label);
    for (size_t d = 0; d < D; d++)
        for (size_t e = 0; e < D; e++)
            if (sorted[e] == s->labels[d])
                remap[d] = (int)e;
    memcpy(s->labels, sorted, D * sizeof *sorted);
    double *trip = malloc(3 * (n ? n : 1) * sizeof *trip);
    s->dim = malloc((n ? n : 1) * sizeof *s->dim);
    if (!trip || !s->dim) {
        free(trip);
        fprintf(stderr, "exodus: out of memory\n");
        return 71;
    }
    for (size_t i = 0; i < n; i++) {
        trip[3 * i] = s->t[i];
        trip[3 * i + 1] = (double)i;
        trip[3 * i + 2] = (double)remap[lab[i]];
    }
    /* By time, then by file position. */
    cli_qsort(trip, n, 3 * sizeof *trip, cmp_pair);
    for (size_t i = 0; i < n; i++) {
        s->t[i] = trip[3 * i];
        s->width[i] = 0.0;
        s->dim[i] = (int)trip[3 * i + 2];
    }
    free(trip);
    return 0;
}

/* Reads --events FILE into 's'; returns an exit status (0 on success). */
static int read_events(const struct cli *cli, const struct spiral_args *a,
                       struct stream *s)
{
    FILE *f =
        strcmp(a->events_path, "-") == 0 ? stdin : fopen(a->events_path, "r");
    char line[4096];
    char *fields[256];
    long col = 0;   /* 0-based column of the times */
    long scol = -1; /* 0-based column of the stream labels (--stream) */
    bool need_header = false, seen_date = false, seen_number = false;
    int *lab = NULL; /* per event: index into s->labels, in file order */
    size_t lab_cap = 0;
    long lineno = 0;
    if (!f) {
        fprintf(stderr, "exodus: %s: cannot open '%s': %s\n", cli->command,
                a->events_path, strerror(errno));
        return 66;
    }
    if (a->time_col) {
        char *end;
        long v = strtol(a->time_col, &end, 10);
        if (end != a->time_col && *end == '\0') {
            if (v < 1) {
                if (f != stdin)
                    fclose(f);
                return cli_usage_error(cli,
                                       "--time: column %ld (columns "
                                       "count from 1)",
                                       v);
            }
            col = v - 1;
        } else {
            need_header = true;
        }
    }
    if (a->stream_col) {
        char *end;
        long v = strtol(a->stream_col, &end, 10);
        if (end != a->stream_col && *end == '\0') {
            if (v < 1) {
                if (f != stdin)
                    fclose(f);
                return cli_usage_error(cli,
                                       "--stream: column %ld (columns "
                                       "count from 1)",
                                       v);
            }
            scol = v - 1;
        } else {
            need_header = true;
        }
        if (!a->time_col && !need_header)
            col = scol == 0 ? 1 : 0; /* the other of the first two */
    }
    int status = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '#' || *p == '\n' || *p == '\r' || *p == '\0')
            continue;
        size_t nf = split_fields(p, fields, 256);
        if (need_header) {
            long *want[2] = {&col, &scol};
            const char *names[2] = {a->time_col, a->stream_col};
            for (int w = 0; w < 2; w++) {
                char *end;
                if (!names[w] || (strtol(names[w], &end, 10), *end == '\0'))
                    continue; /* absent, or a column number */
                *want[w] = -1;
                for (size_t i = 0; i < nf; i++)
                    if (strcmp(fields[i], names[w]) == 0)
                        *want[w] = (long)i;
                if (*want[w] < 0) {
                    fprintf(stderr, "%s:%ld: no column '%s' in the header\n",
                            a->events_path, lineno, names[w]);
                    status = 65;
                    break;
                }
            }
            if (status)
                break;
            need_header = false;
            continue;
        }
        if (scol >= 0) {
            if ((size_t)scol >= nf) {
                fprintf(stderr, "%s:%ld: no column %ld on this line\n",
                        a->events_path, lineno, scol + 1);
                status = 65;
                break;
            }
            size_t d = 0;
            while (d < s->n_dims && strcmp(s->labels[d], fields[scol]) != 0)
                d++;
            if (d == s->n_dims) {
                if (d == sizeof s->labels / sizeof s->labels[0]) {
                    fprintf(stderr,
                            "%s:%ld: stream '%s' is one more than the %zu "
                            "streams the multivariate model takes\n",
                            a->events_path, lineno, fields[scol], d);
                    status = 65;
                    break;
                }
                s->labels[d] = strdup(fields[scol]);
                if (!s->labels[d]) {
                    status = 71;
                    break;
                }
                s->n_dims++;
            }
            if (s->n == lab_cap) {
                lab_cap = lab_cap ? 2 * lab_cap : 1024;
                int *nl = realloc(lab, lab_cap * sizeof *nl);
                if (!nl) {
                    fprintf(stderr, "exodus: out of memory\n");
                    status = 71;
                    break;
                }
                lab = nl;
            }
            lab[s->n] = (int)d;
        }
        if ((size_t)col >= nf) {
            fprintf(stderr, "%s:%ld: no column %ld on this line\n",
                    a->events_path, lineno, col + 1);
            status = 65;
            break;
        }
        double t, width;
        bool is_date;
        if (parse_time_value(fields[col], &t, &width, &is_date)) {
            fprintf(stderr,
                    "%s:%ld: '%s' is not a time (expected a number "
                    "or a date as YYYY-MM-DD, YYYY-MM or YYYY)\n",
                    a->events_path, lineno, fields[col]);
            status = 65;
            break;
        }
        if ((is_date && seen_number) || (!is_date && seen_date)) {
            fprintf(stderr,
                    "%s:%ld: '%s' mixes numbers and dates in one "
                    "column\n",
                    a->events_path, lineno, fields[col]);
            status = 65;
            break;
        }
        seen_date |= is_date;
        seen_number |= !is_date;
        if (!is_date) {
            const char *dot = strchr(fields[col], '.');
            size_t decimals = dot ? strspn(dot + 1, "0123456789") : 0;
            double step = pow(10.0, -(double)decimals);
            if (s->resolution == 0.0 || step < s->resolution)
                s->resolution = step;
        }
        if (stream_push(s, t, width)) {
            fprintf(stderr, "exodus: out of memory\n");
            status = 71;
            break;
        }
    }
    if (!status && ferror(f)) {
        fprintf(stderr, "exodus: %s: reading '%s': %s\n", cli->command,
                a->events_path, strerror(errno));
        status = 74;
    }
    if (f != stdin)
        fclose(f);
    if (status) {
        free(lab);
        return status;
    }
    s->dates = seen_date;
    if (scol >= 0) {
        status = sort_streams(s, lab);
        free(lab);
        if (status)
            return status;
    }
    /* Times may come in any order; widths travel with them only for
     * dates, where sorting by start keeps each width beside its time. */
    if (s->dates && !s->dim) {
        size_t n = s->n;
        double *pairs = malloc(2 * (n ? n : 1) * sizeof *pairs);
        if (!pairs) {
            fprintf(stderr, "exodus: out of memory\n");
            return 71;
        }
        for (size_t i = 0; i < n; i++) {
            pairs[2 * i] = s->t[i];
            pairs[2 * i + 1] = s->width[i];
        }
        cli_qsort(pairs, n, 2 * sizeof *pairs, cmp_double);
        for (size_t i = 0; i < n; i++) {
            s->t[i] = pairs[2 * i];
            s->width[i] = pairs[2 * i + 1];
        }
        free(pairs);
    } else if (!s->dim) {
        cli_qsort(s->t, s->n, sizeof *s->t, cmp_double);
        /* Numbers written to a finite resolution tie as dates do: a value
         * printed as 3.123456 is known only within 1e-6, and exact ties
         * make the likelihood unbounded. Unless --ties exact, events that
         * share a time are spread within that step (the others stay). */
        for (size_t i = 0; !a->ties_exact && i < s->n; i++) {
            bool tied = (i > 0 && s->t[i] == s->t[i - 1]) ||
                        (i + 1 < s->n && s->t[i] == s->t[i + 1]);
            if (tied) {
                s->width[i] = s->resolution;
                s->n_tied++;
            }
        }
    }
    if (a->window) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", a->window);
        char *colon = strchr(buf, ':');
        double w0, w1, wd;
        bool d0, d1;
        if (!colon)
            return cli_usage_error(cli, "--window: '%s' is not A:B", a->window);
        *colon = '\0';
        if (parse_time_value(buf, &w0, &wd, &d0) ||
            parse_time_value(colon + 1, &w1, &wd, &d1) || d0 != d1 ||
            (s->n && d0 != s->dates))
            return cli_usage_error(cli,
                                   "--window: '%s' is not A:B in the "
                                   "events' unit (numbers, or dates for "
                                   "dated events)",
                                   a->window);
        if (d1)
            w1 += wd; /* a date window ends with its last day */
        if (!(w1 > w0))
            return cli_usage_error(cli, "--window: '%s' is empty", a->window);
        s->dates = d0;
        /* Keep the events inside the window; say how many were not. */
        size_t kept = 0;
        for (size_t i = 0; i < s->n; i++) {
            if (s->t[i] < w0 || s->t[i] > w1)
                continue;
            s->t[kept] = s->t[i];
            s->width[kept] = fmin(s->width[i], w1 - s->t[i]);
            if (s->dim)
                s->dim[kept] = s->dim[i];
            kept++;
        }
        s->n_dropped = s->n - kept;
        s->n = kept;
        s->has_window = true;
        s->w_start = w0;
        s->w_end = w1;
        s->window_rule = "--window";
    } else if (s->n) {
        s->has_window = true;
        s->w_start = s->t[0];
        s->w_end = s->t[s->n - 1] + s->width[s->n - 1];
        s->window_rule = "first to last event";
    } else {
        s->window_rule = "no events";
    }
    return 0;
}

/*
 * The headcount of 'org' from its spells (those at the levels of 'mask'
 * when it is not 0): a person counts from the start date through the last
 * day of the spell, start <= t < end + 1 in days, so a departure's own
 * person is still at risk on the day they leave. Spells without a start
 * date are not in the store's spell list and are not counted.
 */
static int load_headcount(const struct cli *cli, exo_store *store,
                          const char *org, unsigned mask, struct stream *s)
{
    exo_spells sp = {0};
    exo_err err = {0};
    double *ch = NULL;
    int status = 0;
    if (exo_spells_load(store, org, &sp, &err))
        return cli_fail(cli, &err);
    size_t m = 0;
    ch = malloc(2 * (sp.n ? sp.n : 1) * 2 * sizeof *ch);
    if (!ch) {
        fprintf(stderr, "exodus: out of memory\n");
        status = 71;
        goto out;
    }
    /* (time, +1 or -1) pairs, sorted by time. */
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
        fprintf(stderr,
                "exodus: %s: '%s' has no spells with a start date%s in the "
                "store, so its headcount is unknown (import its spells, or "
                "use --baseline constant)\n",
                cli->command, org, mask ? " at these levels" : "");
        status = 65;
        goto out;
    }
    cli_qsort(ch, m, 2 * sizeof *ch, cmp_double);
    s->hc_t = malloc((m + 1) * sizeof *s->hc_t);
    s->hc = malloc((m + 1) * sizeof *s->hc);
    if (!s->hc_t || !s->hc) {
        fprintf(stderr, "exodus: out of memory\n");
        status = 71;
        goto out;
    }
    /* Nobody before the first start. */
    s->hc_t[0] = ch[0] - 1.0;
    s->hc[0] = 0.0;
    s->n_hc = 1;
    double h = 0.0;
    for (size_t i = 0; i < m; i++) {
        h += ch[2 * i + 1];
        if (i + 1 < m && ch[2 * (i + 1)] == ch[2 * i])
            continue; /* one point per day */
        s->hc_t[s->n_hc] = ch[2 * i];
        s->hc[s->n_hc] = h;
        s->n_hc++;
    }
out:
    free(ch);
    exo_spells_release(&sp);
    return status;
}

/* Departures of ORG into 's'; the canonical name into '*org'. */
static int load_departures(const struct cli *cli, const char *name,
                           const struct spiral_args *a, struct stream *s,
                           char **org)
{
    exo_store *store = NULL;
    exo_err err = {0};
    exo_move_list deps = {0}, arrs = {0};
    int status = 0;
    if (cli_open_store(cli, EXO_STORE_CREATE, &store, &err) ||
        exo_org_resolve(store, name, org, &err) ||
        exo_departures(store, *org, &a->filter, &deps, &err) ||
        exo_arrivals(store, *org, NULL, &arrs, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    s->dates = true;
    for (size_t i = 0; i < deps.n; i++) {
        exo_date d = deps.rows[i].date;
        if (stream_push(s, d.days, precision_width(d))) {
            fprintf(stderr, "exodus: out of memory\n");
            status = 71;
            goto out;
        }
    }
    /* Window: first recorded event (arrival or departure) or --since, to
     * the end of the last departure's date or --until. */
    double first = CLI_INF;
    if (arrs.n)
        first = arrs.rows[0].date.days;
    for (size_t i = 0; i < arrs.n; i++)
        first = fmin(first, arrs.rows[i].date.days);
    if (s->n)
        first = fmin(first, s->t[0]);
    s->has_window = true;
    if (a->filter.has_since)
        s->w_start = a->filter.since;
    else
        s->w_start = isfinite(first) ? first : 0.0;
    if (a->filter.has_until)
        s->w_end = a->filter.until + 1.0;
    else
        s->w_end =
            s->n ? s->t[s->n - 1] + s->width[s->n - 1] : s->w_start + 1.0;
    for (size_t i = 0; i < s->n; i++) {
        /* A coarse date may reach past a --until cut: clip its spread. */
        if (s->t[i] + s->width[i] > s->w_end)
            s->width[i] = fmax(0.0, s->w_end - s->t[i]);
        if (s->t[i] < s->w_start) {
            double end = s->t[i] + s->width[i];
            s->t[i] = s->w_start;
            s->width[i] = fmax(0.0, end - s->w_start);
        }
    }
    s->window_rule =
        a->filter.has_since || a->filter.has_until
            ? (a->filter.has_since && a->filter.has_until ? "--since .. --until"
               : a->filter.has_since ? "--since .. last departure"
                                     : "first recorded event .. --until")
            : "first recorded event .. last departure";
    if (a->headcount)
        status = load_headcount(cli, store, *org, a->filter.level_mask, s);
out:
    exo_move_list_release(&deps);
    exo_move_list_release(&arrs);
    exo_store_close(store);
    return status;
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

/* The headcount at 't' (after the changes at or before it). */
static double hc_at(const struct stream *s, double t)
{
    double h = s->n_hc ? s->hc[0] : 0.0;
    for (size_t j = 0; j < s->n_hc && s->hc_t[j] <= t; j++)
        h = s->hc[j];
    return h;
}

static double total_exposure(const exo_hawkes *f)
{
    double e = 0.0;
    for (size_t k = 0; k < f->n_regimes; k++)
        e += f->exposure[k];
    return e;
}

struct result {
    exo_hawkes fit;
    bool has_fit;
    char no_fit[256];
    exo_forecast forecast;
    bool has_forecast;
    exo_lr_boot boot;
    bool has_boot;
    exo_verdict verdict;
};

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

static void print_text(const char *title, const char *noun,
                       const struct spiral_args *a, const struct stream *s,
                       const struct result *r)
{
    char w0[32], w1[32], buf[256];
    double scale = s->dates ? MONTH_DAYS : 1.0;
    const char *per = s->dates ? " /month" : " /unit";
    const exo_hawkes *f = &r->fit;
    fmt_time(w0, sizeof w0, s->w_start, s->dates);
    fmt_time(w1, sizeof w1, s->dates ? s->w_end - 1.0 : s->w_end, s->dates);
    printf("%s, %s .. %s (%s)\n", title, w0, w1, s->window_rule);
    struct table *t = table_new(2, (const char *const[]){"", ""});
    char notes[192] = "";
    if (s->dates && !a->ties_exact)
        snprintf(notes, sizeof notes,
                 "ties spread within date precision, seed %ld", a->seed);
    else if (s->dates)
        snprintf(notes, sizeof notes, "dates kept exact");
    else if (s->n_tied)
        snprintf(notes, sizeof notes,
                 "%zu tied times spread within the data's step %g, seed %ld",
                 s->n_tied, s->resolution, a->seed);
    if (s->n_dropped) {
        size_t len = strlen(notes);
        snprintf(notes + len, sizeof notes - len,
                 "%s%zu outside the window left out", len ? "; " : "",
                 s->n_dropped);
    }
    snprintf(buf, sizeof buf, notes[0] ? "%zu (%s)" : "%zu%s", s->n, notes);
    table_rowf(t, "events\t%s", buf);
    bool estimate = r->has_fit && (f->converged || f->at_boundary);
    if (r->has_fit && !estimate) {
        table_rowf(t,
                   "estimate\tnone: the fit did not converge (%d "
                   "iterations, largest gradient %.2g%s)",
                   f->iterations, f->grad_norm,
                   f->decay_at_limit ? "; the decay ran to its lower limit"
                                     : "");
        table_rowf(t, "vs Poisson\tLR %.2f at the best point found", f->lr);
    } else if (r->has_fit) {
        char hl[64];
        if (f->weighted)
            table_rowf(t,
                       "headcount\t%g at the start, %g at the end, mean "
                       "%.4g (%zu spells)",
                       hc_at(s, s->w_start), f->weight_end,
                       f->exposure[0] > 0.0 && f->n_regimes == 1
                           ? f->exposure[0] / (s->w_end - s->w_start)
                           : total_exposure(f) / (s->w_end - s->w_start),
                       s->n_spells);
        for (size_t k = 0; k < f->n_regimes; k++) {
            char label[64] = "baseline mu";
            if (f->n_regimes > 1) {
                char d[32];
                fmt_time(d, sizeof d, f->regime_start[k], s->dates);
                snprintf(label, sizeof label, "baseline mu from %s", d);
            }
            table_rowf(t, "%s\t%.4g%s%s  (SE %.2g; %zu events)", label,
                       f->mu[k] * scale, f->weighted ? " /head" : "", per,
                       f->mu_se[k] * scale, f->regime_events[k]);
        }
        if (f->at_boundary) {
            table_rowf(t, "jump alpha\t0 (the Poisson fit is the maximum)");
            if (f->fixed_decay)
                table_rowf(t, "decay beta\t%.4g%s (held)", f->beta * scale,
                           per);
            else
                table_rowf(t, "decay beta\tnot identified (alpha = 0)");
        } else {
            fmt_half_life(hl, sizeof hl, f->beta, s->dates);
            table_rowf(t, "jump alpha\t%.4g%s  (SE %.2g)", f->alpha * scale,
                       per, f->alpha_se * scale);
            if (f->fixed_decay)
                table_rowf(t, "decay beta\t%.4g%s  (held; half-life %s)",
                           f->beta * scale, per, hl);
            else
                table_rowf(t, "decay beta\t%.4g%s  (SE %.2g; half-life %s)",
                           f->beta * scale, per, f->beta_se * scale, hl);
        }
        char prof[64] = "", wald[64] = "";
        if (f->has_profile) {
            if (isfinite(f->n_prof_hi))
                snprintf(prof, sizeof prof, "%.2f-%.2f (profile)", f->n_prof_lo,
                         f->n_prof_hi);
            else
                snprintf(prof, sizeof prof, "%.2f-unbounded (profile)",
                         f->n_prof_lo);
        }
        if (isfinite(f->n_wald_lo))
            snprintf(wald, sizeof wald, "%s%.2f-%.2f (Wald)",
                     prof[0] ? ", " : "", f->n_wald_lo, f->n_wald_hi);
        table_rowf(t, "branching n\t%.3f   %.0f%% CI %s%s", f->n,
                   100.0 * f->level, prof[0] || wald[0] ? prof : "none", wald);
        if (!f->at_boundary && f->n < 1.0)
            table_rowf(t, "cluster size\t%.2f %s per cluster (1/(1-n))",
                       1.0 / (1.0 - f->n), noun);
        table_rowf(t,
                   "vs Poisson\tLR %.2f, p = %.3g (50:50 chi-square "
                   "mixture)",
                   f->lr, f->lr_p);
        if (r->has_boot)
            table_rowf(t,
                       "bootstrap\tp = %.3g (%zu of %zu replicates, "
                       "seed %ld)",
                       r->boot.p, r->boot.n_used, r->boot.n_boot, a->seed);
        if (f->has_gof)
            table_rowf(t, "fit\tKS p = %.3g (Hawkes), %.3g (Poisson)", f->ks_p,
                       f->ks_p_poisson);
    }
    if (r->has_fit) {
        char gbuf[32];
        if (f->grad_norm < 1e-6)
            snprintf(gbuf, sizeof gbuf, "< 1e-6");
        else
            snprintf(gbuf, sizeof gbuf, "%.2g", f->grad_norm);
        table_rowf(t,
                   "optimiser\t%s, %d iterations, %d starts, largest "
                   "gradient %s",
                   f->converged ? "converged" : "NOT converged", f->iterations,
                   f->n_starts, gbuf);
    } else {
        table_rowf(t, "fit\tnone: %s", r->no_fit);
    }
    if (r->has_forecast) {
        const exo_forecast *fc = &r->forecast;
        char label[64];
        snprintf(label, sizeof label, "next %s", a->horizon_text);
        table_rowf(t,
                   "%s\t%.0f %s expected (80%%: %.0f-%.0f, 95%%: "
                   "%.0f-%.0f; %zu paths)",
                   label, fc->median, noun, fc->lo80, fc->hi80, fc->lo95,
                   fc->hi95, fc->n_paths);
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
    printf("verdict: %s\n", r->verdict.text);
}

static void json_interval(struct json_out *j, const char *key, double lo,
                          double hi)
{
    json_arr_open(j, key);
    json_num(j, NULL, lo);
    json_num(j, NULL, hi);
    json_arr_close(j);
}

/* Writes the fit's fields into the open JSON object 'out'. */
static void print_json_fields(struct json_out *out, const char *org,
                              const struct spiral_args *a,
                              const struct stream *s, const struct result *r)
{
    struct json_out j = *out;
    const exo_hawkes *f = &r->fit;
    if (org)
        json_str(&j, "org", org);
    else
        json_str(&j, "events_file", a->events_path);
    json_str(&j, "time_unit", s->dates ? "day" : "unit");
    json_obj_open(&j, "window");
    if (s->dates) {
        json_date(&j, "start", (int32_t)floor(s->w_start));
        json_date(&j, "end", (int32_t)floor(s->w_end) - 1);
    }
    json_num(&j, "start_time", s->w_start);
    json_num(&j, "end_time", s->w_end);
    json_str(&j, "rule", s->window_rule);
    json_obj_close(&j);
    json_int(&j, "events", (long long)s->n);
    json_int(&j, "events_outside_window", (long long)s->n_dropped);
    json_str(&j, "ties",
             (s->dates || s->n_tied) && !a->ties_exact ? "spread" : "exact");
    json_int(&j, "tied_numbers_spread", (long long)s->n_tied);
    json_int(&j, "seed", a->seed);
    json_str(&j, "baseline", a->headcount ? "headcount" : "constant");
    if (r->has_fit) {
        if (f->weighted) {
            json_int(&j, "headcount_spells", (long long)s->n_spells);
            json_num(&j, "headcount_start", hc_at(s, s->w_start));
            json_num(&j, "headcount_end", f->weight_end);
            json_num(&j, "headcount_mean",
                     total_exposure(f) / (s->w_end - s->w_start));
        }
        json_arr_open(&j, "regimes");
        for (size_t k = 0; k < f->n_regimes; k++) {
            json_obj_open(&j, NULL);
            json_num(&j, "start_time", f->regime_start[k]);
            if (s->dates)
                json_date(&j, "start", (int32_t)floor(f->regime_start[k]));
            json_int(&j, "events", (long long)f->regime_events[k]);
            json_num(&j, "mu", f->mu[k]);
            json_num(&j, "mu_se", f->mu_se[k]);
            json_num(&j, "exposure", f->exposure[k]);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_num(&j, "alpha", f->alpha);
        json_num(&j, "alpha_se", f->alpha_se);
        json_num(&j, "beta", f->beta);
        json_num(&j, "beta_se", f->beta_se);
        json_num(&j, "half_life", log(2.0) / f->beta);
        json_num(&j, "n", f->n);
        json_num(&j, "n_se", f->n_se);
        json_num(&j, "level", f->level);
        json_interval(&j, "n_ci_wald", f->n_wald_lo, f->n_wald_hi);
        if (f->has_profile)
            json_interval(&j, "n_ci_profile", f->n_prof_lo, f->n_prof_hi);
        else
            json_none(&j, "n_ci_profile");
        json_num(&j, "expected_cluster_size",
                 f->n < 1.0 ? 1.0 / (1.0 - f->n) : (double)INFINITY);
        json_num(&j, "loglik", f->loglik);
        json_num(&j, "loglik_poisson", f->loglik_poisson);
        json_num(&j, "lr", f->lr);
        json_num(&j, "lr_p", f->lr_p);
        json_str(&j, "lr_reference",
                 "50:50 mixture of chi-square(0) and "
                 "chi-square(1)");
        if (r->has_boot) {
            json_obj_open(&j, "bootstrap");
            json_int(&j, "replicates", (long long)r->boot.n_boot);
            json_int(&j, "used", (long long)r->boot.n_used);
            json_num(&j, "p", r->boot.p);
            json_obj_close(&j);
        } else {
            json_none(&j, "bootstrap");
        }
        if (f->has_gof) {
            json_obj_open(&j, "ks");
            json_num(&j, "hawkes_d", f->ks_d);
            json_num(&j, "hawkes_p", f->ks_p);
            json_num(&j, "poisson_d", f->ks_d_poisson);
            json_num(&j, "poisson_p", f->ks_p_poisson);
            json_obj_close(&j);
        }
        json_num(&j, "excitation_end", f->excitation_end);
        json_bool(&j, "fixed_decay", f->fixed_decay);
        json_bool(&j, "at_boundary", f->at_boundary);
        json_bool(&j, "decay_at_limit", f->decay_at_limit);
        json_bool(&j, "converged", f->converged);
        json_int(&j, "iterations", f->iterations);
        json_num(&j, "grad_norm", f->grad_norm);
        json_int(&j, "starts", f->n_starts);
    } else {
        json_str(&j, "no_fit", r->no_fit);
    }
    if (r->has_forecast) {
        const exo_forecast *fc = &r->forecast;
        json_obj_open(&j, "forecast");
        json_num(&j, "horizon", fc->horizon);
        json_int(&j, "paths", (long long)fc->n_paths);
        json_num(&j, "mean", fc->mean);
        json_num(&j, "median", fc->median);
        json_interval(&j, "interval80", fc->lo80, fc->hi80);
        json_interval(&j, "interval95", fc->lo95, fc->hi95);
        json_int(&j, "capped_paths", (long long)fc->n_capped);
        json_obj_close(&j);
    } else {
        json_none(&j, "forecast");
    }
    json_obj_open(&j, "verdict");
    json_str(&j, "kind", r->verdict.label);
    json_str(&j, "text", r->verdict.text);
    json_obj_close(&j);
    *out = j;
}

static void print_json(const char *org, const struct spiral_args *a,
                       const struct stream *s, const struct result *r)
{
    struct json_out j;
    json_begin(&j, stdout);
    print_json_fields(&j, org, a, s, r);
    json_end(&j);
}

static int run(struct cli *cli, const char *org, struct spiral_args *a,
               struct stream *s, struct json_out *nested)
{
    struct result r;
    exo_err err = {0};
    exo_hawkes_opts o;
    int status = 0;
    memset(&r, 0, sizeof r);
    if ((s->dates || s->n_tied) && !a->ties_exact && s->n) {
        if (exo_hawkes_spread_ties(s->t, s->width, s->n, (uint64_t)a->seed,
                                   &err))
            return cli_fail(cli, &err);
    }
    for (size_t k = 0; k < a->n_breaks; k++)
        if (!(a->breaks[k] > s->w_start && a->breaks[k] < s->w_end)) {
            char d[32];
            fmt_time(d, sizeof d, a->breaks[k], s->dates);
            return cli_usage_error(cli,
                                   "--regime %s is not inside the "
                                   "window",
                                   d);
        }
    exo_hawkes_opts_init(&o);
    o.has_window = s->has_window;
    o.t_start = s->w_start;
    o.t_end = s->w_end;
    o.breaks = a->breaks;
    o.n_breaks = a->n_breaks;
    o.fixed_beta = a->fixed_beta;
    if (a->headcount) {
        o.weight_times = s->hc_t;
        o.weights = s->hc;
        o.n_weights = s->n_hc;
    }
    exo_code rc = exo_hawkes_fit(s->t, s->n, &o, &r.fit, &err);
    if (rc == EXO_ENUMERIC) {
        snprintf(r.no_fit, sizeof r.no_fit, "%s", err.msg);
    } else if (rc) {
        return cli_fail(cli, &err);
    } else {
        r.has_fit = true;
        if (!r.fit.converged && !r.fit.at_boundary && !cli->quiet)
            fprintf(stderr,
                    "exodus: %s: warning: the fit did not converge "
                    "(largest gradient %.3g); no estimate is claimed\n",
                    cli->command, r.fit.grad_norm);
    }
    if (r.has_fit && (r.fit.converged || r.fit.at_boundary)) {
        if (a->bootstrap > 0) {
            if (exo_hawkes_bootstrap(&r.fit, &o, (size_t)a->bootstrap,
                                     (uint64_t)a->seed, &r.boot, &err))
                return cli_fail(cli, &err);
            r.has_boot = true;
        }
        if (a->has_horizon) {
            if (exo_hawkes_forecast(&r.fit, a->horizon, (size_t)a->paths,
                                    (uint64_t)a->seed, &r.forecast, &err))
                return cli_fail(cli, &err);
            r.has_forecast = true;
        }
    }
    exo_spiral_in in = {0};
    in.n_events = s->n;
    in.fit = r.has_fit ? &r.fit : NULL;
    in.no_fit_reason = r.no_fit;
    in.forecast = r.has_forecast ? &r.forecast : NULL;
    in.horizon_text = a->horizon_text;
    in.noun = org ? "departures" : "events";
    in.has_boot = r.has_boot;
    in.boot_p = r.boot.p;
    in.weight_name = "headcount";
    exo_spiral_verdict(&in, &r.verdict);
    if (nested) {
        print_json_fields(nested, org, a, s, &r);
    } else if (cli->json) {
        print_json(org, a, s, &r);
    } else {
        char title[512], lv[128];
        if (org)
            snprintf(title, sizeof title, "%s \xe2\x80\x94 departures of %s",
                     org, levels_text(lv, sizeof lv, a->filter.level_mask));
        else
            snprintf(title, sizeof title, "%s \xe2\x80\x94 events",
                     a->events_path);
        print_text(title, in.noun, a, s, &r);
    }
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

int cmd_spiral(struct cli *cli, int argc, char **argv)
{
    struct spiral_args a;
    const char *arg;
    int first, c, rc;
    memset(&a, 0, sizeof a);
    a.seed = 1;
    a.paths = 10000;
    while ((c = cli_next_opt(cli, spiral_usage, spiral_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case OPT_SINCE:
            if ((rc = cli_parse_date(cli, "since", arg, &a.filter.since)))
                return rc;
            a.filter.has_since = true;
            break;
        case OPT_UNTIL:
            if ((rc = cli_parse_date(cli, "until", arg, &a.filter.until)))
                return rc;
            a.filter.has_until = true;
            break;
        case OPT_LEVEL:
            if ((rc = cli_parse_levels(cli, arg, &a.filter.level_mask)))
                return rc;
            break;
        case OPT_REGIME: {
            exo_date d;
            exo_err e = {0};
            if (a.n_breaks + 1 >= EXO_HAWKES_MAX_REGIMES)
                return cli_usage_error(cli, "at most %d --regime dates",
                                       EXO_HAWKES_MAX_REGIMES - 1);
            if (exo_date_parse(arg, &d, &e) == EXO_OK) {
                a.breaks[a.n_breaks++] = d.days;
            } else {
                double v;
                if ((rc = cli_parse_double(cli, "regime", arg, &v)))
                    return rc;
                a.breaks[a.n_breaks++] = v;
            }
            break;
        }
        case OPT_HORIZON:
            a.horizon_text = arg;
            a.has_horizon = true;
            break;
        case OPT_BOOTSTRAP:
            if ((rc = cli_parse_long(cli, "bootstrap", arg, &a.bootstrap)))
                return rc;
            if (a.bootstrap < 1)
                return cli_usage_error(cli,
                                       "--bootstrap: %ld replicates "
                                       "(expected at least 1)",
                                       a.bootstrap);
            break;
        case OPT_SEED:
            if ((rc = cli_parse_long(cli, "seed", arg, &a.seed)))
                return rc;
            break;
        case OPT_TIES:
            if (strcmp(arg, "exact") == 0)
                a.ties_exact = true;
            else if (strcmp(arg, "spread") == 0)
                a.ties_exact = false;
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
        case OPT_BASELINE:
            if (strcmp(arg, "headcount") == 0)
                a.headcount = true;
            else if (strcmp(arg, "constant") == 0)
                a.headcount = false;
            else
                return cli_usage_error(cli,
                                       "unknown --baseline '%s' (expected "
                                       "constant or headcount)",
                                       arg);
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
        case OPT_PATHS:
            if ((rc = cli_parse_long(cli, "paths", arg, &a.paths)))
                return rc;
            if (a.paths < 1)
                return cli_usage_error(cli, "--paths: at least 1");
            break;
        default:
            return c == -2 ? 0 : 64;
        }
    }
    /* Regime dates in order, whatever order they were given in. */
    cli_qsort(a.breaks, a.n_breaks, sizeof a.breaks[0], cmp_double);
    if (a.has_decay && !a.stream_col)
        return cli_usage_error(cli, "--decay applies to --stream (the "
                                    "multivariate model)");
    if (a.pair_decay && a.fixed_beta > 0.0)
        return cli_usage_error(cli, "--fixed-decay holds one decay; it does "
                                    "not go with --decay pair");
    struct stream s;
    memset(&s, 0, sizeof s);
    char *org = NULL;
    int status;
    if (a.events_path) {
        if (argc - first != 0) {
            cli_usage(stderr, spiral_usage, spiral_opts);
            return 64;
        }
        if (a.filter.has_since || a.filter.has_until || a.filter.level_mask)
            return cli_usage_error(cli, "--since, --until and --level apply "
                                        "to ORG; use --window with --events");
        if (a.headcount)
            return cli_usage_error(cli, "--baseline headcount needs ORG: its "
                                        "spells give the headcount");
        if (a.stream_col && (a.n_breaks || a.has_horizon || a.bootstrap))
            return cli_usage_error(cli, "--regime, --horizon and --bootstrap "
                                        "are not available with --stream "
                                        "(the multivariate model)");
        status = read_events(cli, &a, &s);
        if (!status && a.stream_col) {
            status = run_mv(cli, &a, &s);
            stream_free(&s);
            return status;
        }
    } else {
        if (argc - first != 1) {
            cli_usage(stderr, spiral_usage, spiral_opts);
            return 64;
        }
        if (a.window || a.time_col || a.stream_col)
            return cli_usage_error(cli, "--window, --time and --stream apply "
                                        "to --events; use --since and "
                                        "--until with ORG");
        status = load_departures(cli, argv[first], &a, &s, &org);
        if (!status && !a.has_horizon) {
            a.has_horizon = true;
            a.horizon_text = "180d";
        }
    }
    if (!status && a.has_horizon) {
        status = parse_span(cli, a.horizon_text, s.dates, &a.horizon);
        if (!status && !s.dates) {
            snprintf(a.horizon_buf, sizeof a.horizon_buf, "%s units",
                     a.horizon_text);
            a.horizon_text = a.horizon_buf;
        } else if (!status) {
            double v = strtod(a.horizon_text, NULL);
            const char *u = strpbrk(a.horizon_text, "dwmy");
            snprintf(a.horizon_buf, sizeof a.horizon_buf, "%g %s", v,
                     !u || *u == 'd' ? "days"
                     : *u == 'w'     ? "weeks"
                     : *u == 'm'     ? "months"
                                     : "years");
            a.horizon_text = a.horizon_buf;
        }
    }
    if (!status)
        status = run(cli, org, &a, &s, NULL);
    stream_free(&s);
    exo_free(org);
    return status;
}

int spiral_show(struct cli *cli, const char *org_name, const exo_filter *filter,
                bool headcount, struct json_out *j)
{
    struct spiral_args a;
    struct stream s;
    char *org = NULL;
    memset(&a, 0, sizeof a);
    memset(&s, 0, sizeof s);
    a.seed = 1;
    a.paths = 10000;
    if (filter)
        a.filter = *filter;
    a.headcount = headcount;
    a.has_horizon = true;
    a.horizon_text = "180d";
    int status = load_departures(cli, org_name, &a, &s, &org);
    if (!status)
        status = parse_span(cli, a.horizon_text, s.dates, &a.horizon);
    if (!status) {
        snprintf(a.horizon_buf, sizeof a.horizon_buf, "180 days");
        a.horizon_text = a.horizon_buf;
        status = run(cli, org, &a, &s, j);
    }
    stream_free(&s);
    exo_free(org);
    return status;
}
