/*
 * cmd_scan.c - exodus scan: the screener. Parses options, calls
 * exo_scan_run (src/analysis/scan.c: every organisation through the same
 * exo_spiral_analyze as 'exodus spiral') and prints the ranked table.
 * Under exodus-mpi (src/mpi/) 'cli_dist' spreads the organisations over
 * the ranks and rank 0 prints; the output is the same byte for byte.
 */
#include <string.h>

#include "cli.h"

const struct cli_dist *cli_dist;

#define MAX_ORGS 256

static const char scan_usage[] =
    "usage: exodus scan [ORG...] [--min-departures N] [--threads N]\n"
    "                   [--since DATE] [--until DATE] [--level LEVEL...]\n"
    "                   [--baseline trend|constant|headcount] [--per-head]\n"
    "                   [--bootstrap B] [--asymptotic] [--imputations M]\n"
    "                   [--paths N] [--seed N] [--json]";

static const struct opt scan_opts[] = {
    {"min-departures", 0, "N",
     "fit only organisations with N departures or more (default 10); the "
     "rest are listed as too little data"},
    {"threads", 0, "N", "organisations fitted at once (default: all cores)"},
    {"since", 0, "DATE", "every window starts at DATE"},
    {"until", 0, "DATE", "every window ends at DATE"},
    {"level", 0, "LEVEL", "only these levels (founder,exec,lead,ic,board)"},
    {"baseline", 0, "trend|constant|headcount",
     "each analysis's baseline, as in 'exodus spiral' (default: per head "
     "for an HR export's organisation, else trend)"},
    {"per-head", 0, NULL, "the baseline per head of each headcount"},
    {"bootstrap", 0, "B", "replicates of each test (default 199)"},
    {"asymptotic", 0, NULL, "test by the 50:50 chi-square mixture instead"},
    {"imputations", 0, "M", "imputations of imprecise dates (default 20)"},
    {"paths", 0, "N", "forecast paths (default 10000)"},
    {"seed", 0, "N", "the scan's seed; each organisation's is derived (1)"},
    {NULL, 0, NULL, NULL},
};

enum {
    OPT_MIN,
    OPT_THREADS,
    OPT_SINCE,
    OPT_UNTIL,
    OPT_LEVEL,
    OPT_BASELINE,
    OPT_PER_HEAD,
    OPT_BOOTSTRAP,
    OPT_ASYMPTOTIC,
    OPT_IMPUTATIONS,
    OPT_PATHS,
    OPT_SEED
};

static int parse_count(const struct cli *cli, const char *opt, const char *arg,
                       long min, size_t *out)
{
    long v;
    int rc = cli_parse_long(cli, opt, arg, &v);
    if (rc)
        return rc;
    if (v < min)
        return cli_usage_error(cli, "--%s: %ld (expected at least %ld)", opt, v,
                               min);
    *out = (size_t)v;
    return 0;
}

/* "1.4 (0.9-2.3)" for n and its interval. */
static void fmt_n(char *buf, size_t size, const exo_scan_row *r)
{
    if (!r->fitted || !isfinite(r->n)) {
        snprintf(buf, size, "-");
        return;
    }
    if (isfinite(r->n_hi))
        snprintf(buf, size, "%.2f (%.2f-%.2f)", r->n, r->n_lo, r->n_hi);
    else
        snprintf(buf, size, "%.2f (%.2f-inf)", r->n, r->n_lo);
}

static void fmt_trend(char *buf, size_t size, const exo_scan_row *r)
{
    if (!r->fitted)
        snprintf(buf, size, "-");
    else if (r->n_segments <= 1)
        snprintf(buf, size, "flat");
    else
        snprintf(buf, size, "%s %.0f%%", r->trend_change >= 0 ? "up" : "down",
                 fabs(r->trend_change) * 100.0);
}

/* An organisation not fitted: too few departures, or its analysis found
 * no fit on its data (the note says why: no headcount for a per-head
 * baseline, no usable fit). */
static const char *unfitted_label(const exo_scan *s, const exo_scan_row *r)
{
    return r->departures < s->min_departures ? "too little data" : "not fitted";
}

static void print_table(const exo_scan *s)
{
    static const char *const headers[] = {
        "organisation", "departures", "per head/yr",   "n (95% interval)",
        "verdict",      "trend",      "forecast (80%)"};
    struct table *t = table_new(7, headers);
    table_align_right(t, 1);
    table_align_right(t, 2);
    for (size_t i = 0; i < s->n; i++) {
        const exo_scan_row *r = &s->rows[i];
        char rate[32], n[64], trend[32], fc[64];
        if (r->has_rate)
            snprintf(rate, sizeof rate, "%.1f%%", r->rate * 100.0);
        else
            snprintf(rate, sizeof rate, "-");
        fmt_n(n, sizeof n, r);
        fmt_trend(trend, sizeof trend, r);
        if (r->has_forecast)
            snprintf(fc, sizeof fc, "%.0f (%.0f-%.0f) in %.0fd",
                     r->forecast_mean, r->forecast_lo, r->forecast_hi,
                     r->horizon);
        else
            snprintf(fc, sizeof fc, "-");
        const char *cells[7] = {
            r->org, NULL, rate, n, r->fitted ? r->label : unfitted_label(s, r),
            trend,  fc};
        char deps[32];
        snprintf(deps, sizeof deps, "%zu", r->departures);
        cells[1] = deps;
        table_row(t, cells);
    }
    table_print(t, stdout, "");
    table_free(t);
    printf("%zu organisations, %zu fitted; seed %llu%s%s\n", s->n, s->n_fitted,
           (unsigned long long)s->seed,
           s->baseline == EXO_BASELINE_CONSTANT ? "; constant baseline" : "",
           s->per_head  ? "; baseline per head"
           : s->counted ? "; departures counted"
                        : "");
    bool all_few = true;
    for (size_t i = 0; i < s->n; i++)
        if (!s->rows[i].fitted)
            all_few &= s->rows[i].departures < s->min_departures;
    size_t shown = 0;
    for (size_t i = 0; i < s->n; i++) {
        const exo_scan_row *r = &s->rows[i];
        if (r->fitted)
            continue;
        if (shown++ == 0)
            printf("%s:\n", all_few ? "too little data" : "not fitted");
        printf("  %s: %s\n", r->org, r->note);
    }
}

int cmd_scan(struct cli *cli, int argc, char **argv)
{
    exo_scan_opts o;
    const char *orgs[MAX_ORGS];
    const char *arg;
    int first, c, rc;
    exo_scan_opts_init(&o);
    o.spiral.seed = 1;
    while ((c = cli_next_opt(cli, scan_usage, scan_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case OPT_MIN:
            if ((rc = parse_count(cli, "min-departures", arg, 0,
                                  &o.min_departures)))
                return rc;
            break;
        case OPT_THREADS:
            if ((rc = parse_count(cli, "threads", arg, 1, &o.threads)))
                return rc;
            break;
        case OPT_SINCE:
            if ((rc =
                     cli_parse_date(cli, "since", arg, &o.spiral.filter.since)))
                return rc;
            o.spiral.filter.has_since = true;
            break;
        case OPT_UNTIL:
            if ((rc =
                     cli_parse_date(cli, "until", arg, &o.spiral.filter.until)))
                return rc;
            o.spiral.filter.has_until = true;
            break;
        case OPT_LEVEL:
            if ((rc = cli_parse_levels(cli, arg, &o.spiral.filter.level_mask)))
                return rc;
            break;
        case OPT_BASELINE:
            if ((rc =
                     cli_parse_baseline(cli, arg, &o.spiral.baseline,
                                        &o.spiral.per_head, &o.spiral.counted)))
                return rc;
            break;
        case OPT_PER_HEAD:
            o.spiral.per_head = true;
            break;
        case OPT_BOOTSTRAP:
            if ((rc = parse_count(cli, "bootstrap", arg, 20,
                                  &o.spiral.bootstrap)))
                return rc;
            break;
        case OPT_ASYMPTOTIC:
            o.spiral.asymptotic = true;
            break;
        case OPT_IMPUTATIONS:
            if ((rc = parse_count(cli, "imputations", arg, 1,
                                  &o.spiral.imputations)))
                return rc;
            break;
        case OPT_PATHS:
            if ((rc = parse_count(cli, "paths", arg, 100, &o.spiral.paths)))
                return rc;
            break;
        case OPT_SEED: {
            long seed;
            if ((rc = cli_parse_long(cli, "seed", arg, &seed)))
                return rc;
            if (seed < 1)
                return cli_usage_error(cli, "--seed: %ld (expected at least 1)",
                                       seed);
            o.spiral.seed = (uint64_t)seed;
            break;
        }
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (argc - first > MAX_ORGS)
        return cli_usage_error(cli, "at most %d organisations", MAX_ORGS);
    for (int i = first; i < argc; i++)
        orgs[i - first] = argv[i];
    if (first < argc) {
        o.orgs = orgs;
        o.n_orgs = (size_t)(argc - first);
    }
    o.db_path = cli->db_path;
    if (cli_dist) {
        o.rank = cli_dist->rank;
        o.n_ranks = cli_dist->size;
    }
    exo_store *store = NULL;
    exo_scan *s = NULL;
    exo_err err = {0};
    exo_code code = cli_open_store(cli, EXO_STORE_READONLY, &store, &err);
    if (!code)
        code = exo_scan_run(store, &o, &s, &err);
    /* Every rank takes part in the gather, failed or not, so that one
     * rank's failure ends the job instead of leaving the others waiting. */
    if (cli_dist)
        code = cli_dist->gather_scan(code ? NULL : s, &err);
    if (code) {
        exo_scan_release(s);
        exo_store_close(store);
        if (cli_dist && cli_dist->quiet_failure)
            return cli_exit_code(code);
        return cli_fail(cli, &err);
    }
    exo_store_close(store);
    if (cli_dist && cli_dist->rank != 0) {
        exo_scan_release(s);
        return 0;
    }
    if (cli->json) {
        char *text = exo_scan_json(s);
        if (!text) {
            exo_scan_release(s);
            err.code = EXO_ENOMEM;
            snprintf(err.msg, sizeof err.msg, "out of memory");
            return cli_fail(cli, &err);
        }
        printf("%s\n", text);
        exo_free(text);
    } else {
        print_table(s);
    }
    exo_scan_release(s);
    return 0;
}
