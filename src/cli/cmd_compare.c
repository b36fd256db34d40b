/*
 * cmd_compare.c - exodus compare ORG...: organisations side by side, as of
 * a date. Parses options, calls exo_comparison_load (src/analysis/compare.c
 * decides every figure) and prints one table, or --json.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_ORGS 8

static const char compare_usage[] =
    "usage: exodus compare ORG... [--as-of DATE] [--since DATE] "
    "[--no-spiral] [--json]";

static const struct opt compare_opts[] = {
    {"as-of", 0, "DATE",
     "only records dated on or before DATE; windows end there"},
    {"since", 0, "DATE", "count departures, arrivals and flows from DATE"},
    {"no-spiral", 0, NULL, "skip the spiral verdicts (fast)"},
    {"seed", 0, "N", "seed of the spiral's draws (1)"},
    {NULL, 0, NULL, NULL},
};

/* "$157B", "-" for NaN. */
static const char *usd(char buf[static 32], double v)
{
    if (isnan(v))
        return "-";
    return exo_usd_format(v, buf);
}

static void row_counts(struct table *t, const exo_comparison *c,
                       const char *label,
                       size_t (*get)(const exo_comparison_org *, const void *),
                       const void *arg)
{
    const char *cells[MAX_ORGS + 1];
    char buf[MAX_ORGS][32];
    cells[0] = label;
    for (size_t i = 0; i < c->n; i++) {
        snprintf(buf[i], sizeof buf[i], "%zu", get(&c->orgs[i], arg));
        cells[i + 1] = buf[i];
    }
    table_row(t, cells);
}

static size_t get_year_departures(const exo_comparison_org *o, const void *a)
{
    int y = *(const int *)a;
    int k = y - o->first_year;
    return k >= 0 && (size_t)k < o->n_years ? o->departures[k] : 0;
}

static size_t get_year_arrivals(const exo_comparison_org *o, const void *a)
{
    int y = *(const int *)a;
    int k = y - o->first_year;
    return k >= 0 && (size_t)k < o->n_years ? o->arrivals[k] : 0;
}

static size_t get_total_departures(const exo_comparison_org *o, const void *a)
{
    (void)a;
    return o->total_departures;
}

static size_t get_total_arrivals(const exo_comparison_org *o, const void *a)
{
    (void)a;
    return o->total_arrivals;
}

static size_t get_senior(const exo_comparison_org *o, const void *a)
{
    (void)a;
    return o->senior_departures;
}

static size_t get_function(const exo_comparison_org *o, const void *a)
{
    return o->by_function[*(const exo_function *)a];
}

/* One row of text cells, one per organisation, from 'fmt_one'. */
static void row_text(struct table *t, const exo_comparison *c,
                     const char *label,
                     void (*fmt_one)(char *, size_t, const exo_comparison *,
                                     size_t, const void *),
                     const void *arg)
{
    const char *cells[MAX_ORGS + 1];
    char buf[MAX_ORGS][160];
    cells[0] = label;
    for (size_t i = 0; i < c->n; i++) {
        fmt_one(buf[i], sizeof buf[i], c, i, arg);
        cells[i + 1] = buf[i];
    }
    table_row(t, cells);
}

static void fmt_per_head(char *b, size_t n, const exo_comparison *c, size_t i,
                         const void *a)
{
    (void)a;
    const exo_comparison_org *o = &c->orgs[i];
    if (o->has_headcount)
        snprintf(b, n, "%.1f%%/yr of %.0f", 100.0 * o->attrition_annual,
                 o->headcount_avg);
    else
        snprintf(b, n, "no headcount");
}

static void fmt_core(char *b, size_t n, const exo_comparison *c, size_t i,
                     const void *a)
{
    const exo_comparison_org *o = &c->orgs[i];
    if (a)
        snprintf(b, n, "%zu of %zu", o->execs_remaining, o->execs);
    else
        snprintf(b, n, "%zu of %zu", o->founders_remaining, o->founders);
}

static void fmt_verdict(char *b, size_t n, const exo_comparison *c, size_t i,
                        const void *a)
{
    const exo_spiral *s = c->orgs[i].spiral;
    if (!s) {
        snprintf(b, n, "-");
        return;
    }
    if (a) {
        snprintf(b, n, "%s", s->verdict.label);
        return;
    }
    if (!s->has_fit)
        snprintf(b, n, "-");
    else if (isfinite(s->n_hi))
        snprintf(b, n, "%.2f (%.2f-%.2f)", s->n, s->n_lo, s->n_hi);
    else
        snprintf(b, n, "%.2f (%.2f-unbounded)", s->n, s->n_lo);
}

static void fmt_valuation(char *b, size_t n, const exo_comparison *c, size_t i,
                          const void *a)
{
    (void)a;
    const exo_comparison_org *o = &c->orgs[i];
    char v[32], d[11];
    if (!o->n_valuations) {
        snprintf(b, n, "-");
        return;
    }
    size_t k = o->n_valuations - 1;
    fmt_date(d, o->valuation_dates[k]);
    snprintf(b, n, "%s (%s)", usd(v, o->valuations[k]), d);
}

static void fmt_rounds(char *b, size_t n, const exo_comparison *c, size_t i,
                       const void *a)
{
    (void)a;
    const exo_comparison_org *o = &c->orgs[i];
    size_t priced = 0, len = 0;
    b[0] = '\0';
    for (size_t k = 0; k < o->n_rounds; k++) {
        const exo_round *r = &o->rounds[k];
        if (isnan(r->dilution))
            continue;
        char d[11];
        fmt_date(d, r->date);
        int w = snprintf(b + len, n - len, "%s%s %.1f%%", priced ? ", " : "", d,
                         100.0 * r->dilution);
        if (w < 0 || (size_t)w >= n - len)
            break;
        len += (size_t)w;
        priced++;
    }
    if (!priced)
        snprintf(b, n, "-");
}

static void fmt_flow(char *b, size_t n, const exo_comparison *c, size_t i,
                     const void *a)
{
    size_t j = *(const size_t *)a;
    if (i == j)
        snprintf(b, n, "-");
    else
        snprintf(b, n, "%zu", c->flows[i * (c->n + 1) + j]);
}

static void fmt_backtest(char *b, size_t n, const exo_comparison *c, size_t i,
                         const void *a)
{
    size_t h = *(const size_t *)a;
    const exo_comparison_org *o = &c->orgs[i];
    if (h >= o->n_backtests) {
        snprintf(b, n, "-");
        return;
    }
    const exo_backtest *bt = &o->backtests[h];
    snprintf(b, n, "%.0f (80%%: %.0f-%.0f); recorded %zu", bt->forecast.median,
             bt->forecast.lo80, bt->forecast.hi80, bt->observed);
}

static void print_text(const exo_comparison *c)
{
    char d[11];
    if (c->has_as_of) {
        exo_date_format(c->as_of, d);
        printf("as of %s: records dated on or before it (the store keeps the "
               "date a record gives, not when it was reported)\n",
               d);
    } else {
        exo_date_format(c->data_end, d);
        printf("as of the newest record, %s\n", d);
    }
    const char *headers[MAX_ORGS + 1];
    headers[0] = "";
    for (size_t i = 0; i < c->n; i++)
        headers[i + 1] = c->orgs[i].org;
    struct table *t = table_new((int)c->n + 1, headers);
    for (size_t i = 0; i < c->n; i++)
        table_align_right(t, (int)i + 1);
    int y0 = 0, y1 = -1;
    for (size_t i = 0; i < c->n; i++) {
        const exo_comparison_org *o = &c->orgs[i];
        if (!o->n_years)
            continue;
        int a = o->first_year, b = o->first_year + (int)o->n_years - 1;
        if (y1 < y0) {
            y0 = a;
            y1 = b;
        } else {
            y0 = a < y0 ? a : y0;
            y1 = b > y1 ? b : y1;
        }
    }
    row_counts(t, c, "departures", get_total_departures, NULL);
    for (int y = y0; y <= y1; y++) {
        char label[16];
        snprintf(label, sizeof label, "  %d", y);
        row_counts(t, c, label, get_year_departures, &y);
    }
    row_counts(t, c, "arrivals", get_total_arrivals, NULL);
    for (int y = y0; y <= y1; y++) {
        char label[16];
        snprintf(label, sizeof label, "  %d", y);
        row_counts(t, c, label, get_year_arrivals, &y);
    }
    row_counts(t, c, "founders and execs who left", get_senior, NULL);
    row_text(t, c, "departures per head", fmt_per_head, NULL);
    table_row(t,
              (const char *const[]){"departures by function (inferred)", NULL,
                                    NULL, NULL, NULL, NULL, NULL, NULL, NULL});
    for (int f = 1; f <= EXO_N_FUNCTIONS; f++) {
        exo_function fn = (exo_function)(f % EXO_N_FUNCTIONS); /* other last */
        char label[40];
        snprintf(label, sizeof label, "  %s", exo_function_name(fn));
        row_counts(t, c, label, get_function, &fn);
    }
    row_text(t, c, "founders remaining", fmt_core, NULL);
    row_text(t, c, "executives remaining", fmt_core, "");
    table_row(t, (const char *const[]){"departures to", NULL, NULL, NULL, NULL,
                                       NULL, NULL, NULL, NULL});
    for (size_t j = 0; j <= c->n; j++) {
        char label[160];
        snprintf(label, sizeof label, "  %s",
                 j < c->n ? c->orgs[j].org : "elsewhere or unknown");
        row_text(t, c, label, fmt_flow, &j);
    }
    bool any_spiral = false;
    for (size_t i = 0; i < c->n; i++)
        any_spiral |= c->orgs[i].spiral != NULL;
    if (any_spiral) {
        row_text(t, c, "spiral verdict", fmt_verdict, "");
        row_text(t, c, "  branching n (95% CI)", fmt_verdict, NULL);
    }
    row_text(t, c, "latest valuation", fmt_valuation, NULL);
    row_text(t, c, "dilution per priced round", fmt_rounds, NULL);
    static const char *const bt_label[2] = {"next 6 months: forecast",
                                            "next 12 months: forecast"};
    for (size_t h = 0; h < 2; h++) {
        bool any = false;
        for (size_t i = 0; i < c->n; i++)
            any |= c->orgs[i].n_backtests > h;
        if (any)
            row_text(t, c, bt_label[h], fmt_backtest, &h);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    for (size_t i = 0; i < c->n; i++) {
        const exo_comparison_org *o = &c->orgs[i];
        if (o->n_no_arrival)
            printf("  %s: %zu of its founders and executives have no recorded "
                   "arrival and count from the start of the data\n",
                   o->org, o->n_no_arrival);
        if (!o->spiral && o->spiral_error[0])
            printf("  %s: no spiral verdict (%s)\n", o->org, o->spiral_error);
    }
}

/* Into the open JSON object 'jo'. */
static void print_json(const exo_comparison *c, struct json_out *jo)
{
    struct json_out j = *jo;
    if (c->has_as_of)
        json_date(&j, "as_of", c->as_of);
    else
        json_none(&j, "as_of");
    json_date(&j, "data_end", c->data_end);
    json_arr_open(&j, "organisations");
    for (size_t i = 0; i < c->n; i++) {
        const exo_comparison_org *o = &c->orgs[i];
        json_obj_open(&j, NULL);
        json_str(&j, "org", o->org);
        json_int(&j, "departures", (long long)o->total_departures);
        json_int(&j, "arrivals", (long long)o->total_arrivals);
        json_arr_open(&j, "per_year");
        for (size_t k = 0; k < o->n_years; k++) {
            json_obj_open(&j, NULL);
            json_int(&j, "year", o->first_year + (int)k);
            json_int(&j, "departures", (long long)o->departures[k]);
            json_int(&j, "arrivals", (long long)o->arrivals[k]);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_int(&j, "senior_departures", (long long)o->senior_departures);
        if (o->has_headcount) {
            json_num(&j, "headcount_avg", o->headcount_avg);
            json_num(&j, "attrition_annual", o->attrition_annual);
        } else {
            json_none(&j, "headcount_avg");
            json_none(&j, "attrition_annual");
        }
        json_obj_open(&j, "departures_by_function_inferred");
        for (int f = 0; f < EXO_N_FUNCTIONS; f++)
            json_int(&j, exo_function_name((exo_function)f),
                     (long long)o->by_function[f]);
        json_obj_close(&j);
        json_obj_open(&j, "core_team");
        json_int(&j, "founders", (long long)o->founders);
        json_int(&j, "founders_remaining", (long long)o->founders_remaining);
        json_int(&j, "execs", (long long)o->execs);
        json_int(&j, "execs_remaining", (long long)o->execs_remaining);
        json_int(&j, "no_recorded_arrival", (long long)o->n_no_arrival);
        json_obj_close(&j);
        json_obj_open(&j, "departures_to");
        for (size_t q = 0; q <= c->n; q++)
            if (q != i)
                json_int(&j, q < c->n ? c->orgs[q].org : "",
                         (long long)c->flows[i * (c->n + 1) + q]);
        json_obj_close(&j);
        if (o->spiral) {
            char *sj = exo_spiral_json(o->spiral);
            if (sj)
                json_raw(&j, "spiral", sj);
            else
                json_none(&j, "spiral");
            exo_free(sj);
        } else {
            json_none(&j, "spiral");
        }
        json_arr_open(&j, "valuations");
        for (size_t k = 0; k < o->n_valuations; k++) {
            json_obj_open(&j, NULL);
            json_date(&j, "date", o->valuation_dates[k].days);
            json_num(&j, "usd", o->valuations[k]);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_arr_open(&j, "rounds");
        for (size_t k = 0; k < o->n_rounds; k++) {
            const exo_round *r = &o->rounds[k];
            json_obj_open(&j, NULL);
            json_date(&j, "date", r->date.days);
            json_num(&j, "raised_usd", r->raised_usd);
            json_num(&j, "post_money_usd", r->post_money_usd);
            json_num(&j, "dilution", r->dilution);
            json_str(&j, "source", r->source);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_arr_open(&j, "backtest");
        for (size_t h = 0; h < o->n_backtests; h++) {
            const exo_backtest *bt = &o->backtests[h];
            json_obj_open(&j, NULL);
            json_num(&j, "horizon_days", bt->horizon_days);
            json_num(&j, "forecast_median", bt->forecast.median);
            json_num(&j, "forecast_mean", bt->forecast.mean);
            json_num(&j, "forecast_lo80", bt->forecast.lo80);
            json_num(&j, "forecast_hi80", bt->forecast.hi80);
            json_num(&j, "forecast_lo95", bt->forecast.lo95);
            json_num(&j, "forecast_hi95", bt->forecast.hi95);
            json_int(&j, "recorded", (long long)bt->observed);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_obj_close(&j);
    }
    json_arr_close(&j);
    *jo = j;
}

void compare_print(const exo_comparison *c, struct json_out *j)
{
    if (j)
        print_json(c, j);
    else
        print_text(c);
}

/* "3 of 8" */
static const char *of(char buf[static 48], size_t k, size_t n)
{
    snprintf(buf, 48, "%zu of %zu", k, n);
    return buf;
}

void compare_print_changes(const exo_comparison *then,
                           const exo_comparison *now)
{
    char d0[11], d1[11], a[48], b[48], e0[48], e1[48], v0[32], v1[32];
    exo_date_format(then->as_of, d0);
    exo_date_format(now->has_as_of ? now->as_of : now->data_end, d1);
    printf("what changed from %s to %s:\n", d0, d1);
    for (size_t i = 0; i < then->n && i < now->n; i++) {
        const exo_comparison_org *x = &then->orgs[i], *y = &now->orgs[i];
        printf("  %s: %zu departures recorded by %s, %zu by %s (%zu more); "
               "founders remaining %s -> %s; executives %s -> %s",
               y->org, x->total_departures, d0, y->total_departures, d1,
               y->total_departures - x->total_departures,
               of(a, x->founders_remaining, x->founders),
               of(b, y->founders_remaining, y->founders),
               of(e0, x->execs_remaining, x->execs),
               of(e1, y->execs_remaining, y->execs));
        if (x->spiral && y->spiral)
            printf("; spiral %s -> %s", x->spiral->verdict.label,
                   y->spiral->verdict.label);
        if (y->n_valuations)
            printf("; valuation %s -> %s",
                   x->n_valuations ? usd(v0, x->valuations[x->n_valuations - 1])
                                   : "none recorded",
                   usd(v1, y->valuations[y->n_valuations - 1]));
        const char *sep = "; priced rounds since: ";
        for (size_t k = 0; k < y->n_rounds; k++) {
            const exo_round *r = &y->rounds[k];
            if (r->date.days <= then->as_of || isnan(r->dilution))
                continue;
            char d[11];
            fmt_date(d, r->date);
            printf("%s%s raised %s at %s post-money (dilution %.1f%%)", sep, d,
                   usd(v0, r->raised_usd), usd(v1, r->post_money_usd),
                   100.0 * r->dilution);
            sep = ", ";
        }
        printf(".\n");
    }
}

int cmd_compare(struct cli *cli, int argc, char **argv)
{
    const char *arg;
    exo_comparison_opts o;
    memset(&o, 0, sizeof o);
    int first, c, rc;
    long seed;
    while ((c = cli_next_opt(cli, compare_usage, compare_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            if ((rc = cli_parse_date(cli, "as-of", arg, &o.as_of)))
                return rc;
            o.has_as_of = true;
            break;
        case 1:
            if ((rc = cli_parse_date(cli, "since", arg, &o.since)))
                return rc;
            o.has_since = true;
            break;
        case 2:
            o.no_spiral = true;
            break;
        case 3:
            if ((rc = cli_parse_long(cli, "seed", arg, &seed)))
                return rc;
            if (seed < 0)
                return cli_usage_error(cli, "--seed %ld is negative", seed);
            o.seed = (uint64_t)seed;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    size_t n = (size_t)(argc - first);
    if (n < 1 || n > MAX_ORGS) {
        if (n > MAX_ORGS)
            return cli_usage_error(cli, "at most %d organisations at once",
                                   MAX_ORGS);
        cli_usage(stderr, compare_usage, compare_opts);
        return CLI_EXIT_USAGE;
    }
    exo_store *store;
    exo_comparison *cmp = NULL;
    exo_err err = {0};
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err) ||
        exo_comparison_load(store, (const char *const *)(argv + first), n, &o,
                            &cmp, &err)) {
        int status = cli_fail(cli, &err);
        exo_store_close(store);
        return status;
    }
    struct json_out j;
    if (cli->json)
        json_begin(&j, stdout);
    compare_print(cmp, cli->json ? &j : NULL);
    if (cli->json)
        json_end(&j);
    exo_comparison_release(cmp);
    exo_store_close(store);
    return 0;
}
