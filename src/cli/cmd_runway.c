/*
 * cmd_runway.c - exodus runway SCENARIO.json: the stock-and-flow model of
 * cash, headcount and dilution (docs/runway.md) run deterministically and
 * as a seeded Monte Carlo fan, with the talent-money loop gain. With
 * --org the contagion term comes from the Hawkes branching ratio fitted
 * to that organisation's departures in the store, as 'exodus spiral'
 * fits it (ties spread with seed 1, window from the first recorded event
 * to the end of the last departure's date).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MONTH_DAYS 30.4375

static const char runway_usage[] =
    "usage: exodus runway SCENARIO.json... [--paths N] [--seed S] [--months "
    "M]\n"
    "                                   [--org ORG] [--set KEY=VALUE]...\n"
    "                                   [--sweep KEY=A:B:STEPS] [--backtest "
    "ORG]\n"
    "                                   [--json]";

static const struct opt runway_opts[] = {
    {"paths", 0, "N", "Monte Carlo paths (default 10000)"},
    {"seed", 0, "S", "seed of the paths (default 1)"},
    {"months", 0, "M", "horizon in months (default: the scenario's)"},
    {"org", 0, "ORG", "contagion from the Hawkes n fitted to ORG's departures"},
    {"set", 0, "KEY=VALUE",
     "override a scenario field (repeatable): levels.0.headcount=40, "
     "cash_usd='{\"dist\":\"normal\",\"mean\":5e9,\"sd\":1e9}'"},
    {"backtest", 0, "ORG",
     "score the store's recorded rounds of ORG against the paths"},
    {"sweep", 0, "KEY=A:B:STEPS",
     "rerun at STEPS evenly spaced values of KEY from A to B and tabulate "
     "the cash-out odds"},
    {NULL, 0, NULL, NULL},
};

enum {
    OPT_PATHS,
    OPT_SEED,
    OPT_MONTHS,
    OPT_ORG,
    OPT_SET,
    OPT_BACKTEST,
    OPT_SWEEP
};

#define SWEEP_MAX_STEPS 1000

/* The overrides of one run: the --set values, then the swept value. */
struct sets {
    const char **v;
    size_t n;
};

/* Prints a failed load; an override's error names the option it came
 * from ("--set" or "--sweep"). */
static int fail_load(const struct cli *cli, const exo_err *err,
                     const char *option)
{
    if (err->code == EXO_EINVAL && !err->file[0]) {
        fprintf(stderr, "exodus: %s: %s %s\n", cli->command, option, err->msg);
        return CLI_EXIT_USAGE;
    }
    return cli_fail(cli, err);
}

/* "27.3" months, or "> 120" when beyond the horizon. */
static const char *fmt_months(char buf[static 32], double m, int horizon)
{
    if (isfinite(m))
        snprintf(buf, 32, "%.1f", m);
    else
        snprintf(buf, 32, "> %d", horizon);
    return buf;
}

/* The calendar month 'm' months after the scenario's start ("2026-12"). */
static const char *fmt_when(char buf[static 32], const exo_runway_scenario *sc,
                            double m)
{
    int y, mo, d;
    buf[0] = '\0';
    if (!sc->has_start || !isfinite(m))
        return buf;
    exo_civil_from_days(sc->start_day, &y, &mo, &d);
    int k = (mo - 1) + (int)floor(m);
    snprintf(buf, 32, " (%04d-%02d)", y + k / 12, k % 12 + 1);
    return buf;
}

struct org_fit {
    char *org;
    size_t n_events;
    exo_hawkes fit;
    double window_months; /* the spiral's window */
    /* The mapping onto all staff (use_org_fit): named leavers' share of
     * all leavers at base attrition, and n times that share. */
    double share, n_staff;
};

/* The contagion of 'name' from the spiral analysis (exo_spiral_analyze,
 * with the defaults of 'exodus spiral ORG'): the same answer. */
static int fit_org(struct cli *cli, const char *name, struct org_fit *of)
{
    exo_store *store = NULL;
    exo_spiral *s = NULL;
    exo_err err = {0};
    int status = 0;
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err) ||
        exo_spiral_analyze(store, name, NULL, &s, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    of->org = strdup(s->org);
    of->n_events = s->n_events;
    of->fit = s->fit;
    of->window_months = (s->end - s->start) / MONTH_DAYS;
    /* The combined estimate over the imputations of imprecise dates. */
    of->fit.n = s->n;
    if (!of->org || !s->has_fit || !isfinite(s->n) || !(s->fit.beta > 0.0)) {
        fprintf(stderr,
                "exodus: runway: the spiral analysis of %s gives no usable "
                "branching ratio (%s)\n",
                s->org,
                s->has_fit ? "no excitation: its decay is not "
                             "identified"
                           : s->no_fit);
        status = CLI_EXIT_NO_ANSWER;
    }
out:
    exo_spiral_release(s);
    exo_store_close(store);
    return status;
}

/* A link's or an input's value: "$1.2M", "0.35" or "12". */
static const char *fmt_value(char buf[static 32], const char *key, double v)
{
    if (strstr(key, "usd"))
        return exo_usd_format(v, buf);
    snprintf(buf, 32, "%.3g", v);
    return buf;
}

/* A distribution as the file gives it, short. */
static const char *fmt_dist(char buf[static 64], const exo_dist *d)
{
    switch (d->kind) {
    case EXO_DIST_NORMAL:
        snprintf(buf, 64, "normal(%.3g, sd %.3g)", d->a, d->b);
        break;
    case EXO_DIST_LOGNORMAL:
        snprintf(buf, 64, "lognormal(median %.3g, sigma %.3g)", d->a, d->b);
        break;
    case EXO_DIST_UNIFORM:
        snprintf(buf, 64, "uniform(%.3g, %.3g)", d->a, d->b);
        break;
    case EXO_DIST_FIXED:
    default:
        snprintf(buf, 64, "%.3g", d->a);
        break;
    }
    return buf;
}

static void print_links(const exo_runway_scenario *sc)
{
    if (!sc->has_links) {
        printf("coupling: none; the file has no \"links\" object, so hiring "
               "ignores cash and offers, attrition ignores runway and rounds "
               "ignore growth and talent (docs/runway.md, \"The coupling\", "
               "lists the links)\n");
        return;
    }
    printf("\ncoupling links (value; source, \"assumption\" where none)\n");
    static const char *const headers[] = {"link", "value", "source"};
    struct table *t = table_new(3, headers);
    for (int k = 0; k < EXO_RUNWAY_N_COUPLINGS; k++) {
        char v[64], src[72];
        if (!sc->link_given[k]) {
            table_rowf(t, "%s\t0\tnot given: off",
                       exo_runway_coupling_key((exo_runway_coupling)k));
            continue;
        }
        size_t n = strlen(sc->link_source[k]);
        snprintf(src, sizeof src, "%.60s%s", sc->link_source[k],
                 n > 60 ? "..." : "");
        table_rowf(t, "%s\t%s\t%s",
                   exo_runway_coupling_key((exo_runway_coupling)k),
                   fmt_dist(v, &sc->links[k]), src);
    }
    table_print(t, stdout, "  ");
    table_free(t);
}

/* "12.5" months or "> 60". */
static const char *fmt_cashout(char buf[static 32], double m, int horizon)
{
    if (isfinite(m))
        snprintf(buf, 32, "%.1f", m);
    else
        snprintf(buf, 32, "> %d", horizon);
    return buf;
}

static const char *fmt_gain(char buf[static 32], double g)
{
    if (isfinite(g))
        snprintf(buf, 32, "%.3f", g);
    else
        snprintf(buf, 32, "-");
    return buf;
}

#define TORNADO_SHOWN 12

static void print_chain(const exo_runway_scenario *sc, const exo_runway *r)
{
    const exo_runway_loop *g = &r->chain;
    char a[32], b[32], c[32], d[32];
    int M = r->months;
    (void)sc;
    printf("\nloop gain across %zu paths (inputs and round outcomes drawn, "
           "flows at their expectations, cash-out and round timing free)\n",
           g->n_paths);
    if (!isfinite(g->median)) {
        printf("  no staff to shock: no loop gain\n");
        return;
    }
    printf("  shock            %.2f departures added in month 1: the "
           "denominator\n",
           g->shock);
    printf("  gain             median %.3f (80%%: %.3f to %.3f), mean %.3f; "
           "%.1f%% of paths above 1\n",
           g->median, g->lo80, g->hi80, g->mean, 100.0 * g->p_above_1);
    printf("  deterministic    %.3f\n", g->det);
    printf("  meaning          per departure of the shock, %.2f more leave "
           "over the %d months in one pass through the loop (median path; "
           "the departures it induces are not fed back)\n",
           g->median, M);
    static const char *const headers[] = {"link cut", "median gain", "change"};
    struct table *t = table_new(3, headers);
    table_align_right(t, 1);
    table_align_right(t, 2);
    for (int k = 0; k < EXO_RUNWAY_N_KNOCK; k++) {
        if (!isfinite(g->knock_median[k]))
            table_rowf(t, "%s\t-\tnot in the scenario",
                       exo_runway_knock_name((exo_runway_knock)k));
        else
            table_rowf(t, "%s\t%.3f\t%+.3f",
                       exo_runway_knock_name((exo_runway_knock)k),
                       g->knock_median[k], g->knock_median[k] - g->median);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    if (g->dominant >= 0)
        printf("  dominant link    %s (cutting it lowers the median gain "
               "most)\n",
               exo_runway_knock_name((exo_runway_knock)g->dominant));
    else
        printf("  dominant link    none (no cut lowers the median gain)\n");
    printf("verdict: %s\n",
           g->median > 1.0
               ? "a death spiral: on the median path a shock of departures "
                 "more than repeats itself through the loop (gain above 1)"
           : g->p_above_1 >= 0.1
               ? "no spiral on the median path (gain below 1), but at least "
                 "1 path in 10 spirals (gain above 1)"
           : g->median > 0.0
               ? "no death spiral: the loop feeds back but a shock of "
                 "departures fades (gain below 1)"
               : "no death spiral: a shock of departures is not repeated "
                 "(gain not above 0)");
    if (!r->n_tornado)
        return;
    printf("\ntornado: each input at its 10%% and 90%% point (a fixed value "
           "at half and one and a half times), the rest central, on the "
           "deterministic path\n");
    static const char *const th[] = {"input", "low", "high",
                                     "cash-out (months)", "loop gain"};
    t = table_new(5, th);
    table_align_right(t, 1);
    table_align_right(t, 2);
    table_align_right(t, 3);
    table_align_right(t, 4);
    for (size_t i = 0; i < r->n_tornado && i < TORNADO_SHOWN; i++) {
        const exo_runway_tornado *x = &r->tornado[i];
        char lo[32], hi[32], co[72], ga[72];
        snprintf(co, sizeof co, "%s to %s", fmt_cashout(a, x->cashout_low, M),
                 fmt_cashout(b, x->cashout_high, M));
        snprintf(ga, sizeof ga, "%s to %s", fmt_gain(c, x->gain_low),
                 fmt_gain(d, x->gain_high));
        table_rowf(t, "%s\t%s\t%s\t%s\t%s", x->input,
                   fmt_value(lo, x->input, x->low),
                   fmt_value(hi, x->input, x->high), co, ga);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    if (r->n_tornado > TORNADO_SHOWN)
        printf("  (%zu more inputs move them less; --json lists all)\n",
               r->n_tornado - TORNADO_SHOWN);
}

/* The band columns shown: 10%, 50% and 90% (indices into the quantiles). */
enum { Q_LO = 1, Q_MID = 2, Q_HI = 3 };

static void print_text(const exo_runway_scenario *sc, const exo_runway *r,
                       const struct org_fit *of, const struct sets *sets)
{
    char a[32], b[32], c[32], d[32], e[32];
    int M = r->months;
    a[0] = '\0';
    if (sc->has_start) {
        char day[11];
        exo_date_format(sc->start_day, day);
        snprintf(a, sizeof a, " from %.7s", day);
    }
    printf("%s: runway over %d months%s\n", sc->name, M, a);
    if (sets && sets->n) {
        printf("overrides:");
        for (size_t i = 0; i < sets->n; i++)
            printf("%s %s", i ? "," : "", sets->v[i]);
        printf("\n");
    }
    if (of && of->org) {
        double hl = M_LN2 / of->fit.beta;
        printf("contagion: Hawkes n = %.2f (SE %.2f), half-life %.2g %s, "
               "fitted to %zu departures of %s (exodus spiral %s)\n",
               of->fit.n, of->fit.n_se, hl < MONTH_DAYS ? hl : hl / MONTH_DAYS,
               hl < MONTH_DAYS ? "days" : "months", of->n_events, of->org,
               of->org);
        printf("  applied to all staff as n x %.4f = %.4f: named departures "
               "(%.2f a month over %.0f months) are that share of the "
               "departures the base attrition gives (docs/runway.md, "
               "\"--org\")\n",
               of->share, of->n_staff,
               of->window_months > 0 ? (double)of->n_events / of->window_months
                                     : 0.0,
               of->window_months);
    }
    print_links(sc);
    printf("\ndeterministic path (every input at its central value)\n");
    printf("  cash-out         %s%s\n",
           isfinite(r->det.cashout_month)
               ? (snprintf(a, sizeof a, "month %.1f", r->det.cashout_month), a)
               : (snprintf(a, sizeof a, "none within %d months", M), a),
           fmt_when(b, sc, r->det.cashout_month));
    printf("  rounds closed    %zu\n", r->det.n_rounds);
    printf("  headcount        %.0f -> %.0f at month %d\n", r->det.headcount[0],
           r->det.headcount[M], M);
    printf("  dilution         %.1f%% of employees' stake at month %d\n",
           100.0 * r->det.dilution[M], M);
    printf("  revenue          %s -> %s a month\n",
           exo_usd_format(r->det.revenue[0], a),
           exo_usd_format(r->det.revenue[M], b));
    if (r->has_mc) {
        printf("\nmonths to cash-out (%zu paths, seed %llu)\n", r->n_paths,
               (unsigned long long)r->seed);
        printf("  median           %s months\n",
               fmt_months(a, r->cashout_median, M));
        printf("  80%% interval     %s to %s months\n",
               fmt_months(a, r->cashout_lo80, M),
               fmt_months(b, r->cashout_hi80, M));
        printf("  95%% interval     %s to %s months\n",
               fmt_months(a, r->cashout_lo95, M),
               fmt_months(b, r->cashout_hi95, M));
        printf("  P(cash-out)     ");
        const double pk[3] = {r->p_cashout_12, r->p_cashout_24,
                              r->p_cashout_36};
        for (int k = 0; k < 3; k++)
            if (isfinite(pk[k]) && 12 * (k + 1) != M)
                printf(" %.1f%% within %d months,", 100 * pk[k], 12 * (k + 1));
        printf(" %.1f%% within %d months\n", 100 * r->p_cashout_horizon, M);
        printf("  rounds closed    %.2f per path (mean)\n", r->mean_rounds);
        printf("\npaths across Monte Carlo runs: median (10%%-90%%); a path "
               "that cashed out counts as 0 cash and 0 staff\n");
        static const char *const headers[] = {
            "month", "cash", "", "headcount", "", "dilution", ""};
        struct table *t = table_new(7, headers);
        for (int k = 0; k < 7; k++)
            table_align_right(t, k);
        int step = M <= 24 ? 3 : M <= 60 ? 6 : 12;
        for (int m = 0; m <= M; m += step) {
            const double *qc = r->cash.q + (size_t)m * EXO_RUNWAY_N_Q;
            const double *qh = r->headcount.q + (size_t)m * EXO_RUNWAY_N_Q;
            const double *qd = r->dilution.q + (size_t)m * EXO_RUNWAY_N_Q;
            char r1[48], r2[48], r3[48];
            snprintf(r1, sizeof r1, "(%s-%s)", exo_usd_format(qc[Q_LO], c),
                     exo_usd_format(qc[Q_HI], d));
            snprintf(r2, sizeof r2, "(%.0f-%.0f)", qh[Q_LO], qh[Q_HI]);
            snprintf(r3, sizeof r3, "(%.1f%%-%.1f%%)", 100 * qd[Q_LO],
                     100 * qd[Q_HI]);
            table_rowf(t, "%d\t%s\t%s\t%.0f\t%s\t%.1f%%\t%s", m,
                       exo_usd_format(qc[Q_MID], e), r1, qh[Q_MID], r2,
                       100 * qd[Q_MID], r3);
        }
        table_print(t, stdout, "  ");
        table_free(t);
    }
    if (r->has_chain)
        print_chain(sc, r);
}

static void json_band(struct json_out *j, const char *key,
                      const exo_runway_band *b, int months)
{
    static const char *const names[EXO_RUNWAY_N_Q] = {"q025", "q10", "q50",
                                                      "q90", "q975"};
    json_obj_open(j, key);
    for (int k = 0; k < EXO_RUNWAY_N_Q; k++) {
        json_arr_open(j, names[k]);
        for (int m = 0; m <= months; m++)
            json_num(j, NULL, b->q[(size_t)m * EXO_RUNWAY_N_Q + (size_t)k]);
        json_arr_close(j);
    }
    json_arr_open(j, "mean");
    for (int m = 0; m <= months; m++)
        json_num(j, NULL, b->mean[m]);
    json_arr_close(j);
    json_obj_close(j);
}

static void json_series(struct json_out *j, const char *key, const double *x,
                        int months)
{
    json_arr_open(j, key);
    for (int m = 0; m <= months; m++)
        json_num(j, NULL, x[m]);
    json_arr_close(j);
}

static void json_sets(struct json_out *j, const struct sets *sets)
{
    if (!sets || !sets->n)
        return;
    json_arr_open(j, "overrides");
    for (size_t i = 0; i < sets->n; i++)
        json_str(j, NULL, sets->v[i]);
    json_arr_close(j);
}

static void print_json(struct json_out *j, const exo_runway_scenario *sc,
                       const exo_runway *r, const struct org_fit *of,
                       const struct sets *sets)
{
    int M = r->months;
    json_str(j, "scenario", sc->name);
    json_sets(j, sets);
    if (sc->has_start)
        json_date(j, "start", sc->start_day);
    else
        json_none(j, "start");
    json_int(j, "months", M);
    if (of && of->org) {
        json_obj_open(j, "contagion_fit");
        json_str(j, "org", of->org);
        json_int(j, "departures", (long long)of->n_events);
        json_num(j, "n", of->fit.n);
        json_num(j, "n_se", of->fit.n_se);
        json_num(j, "beta_per_day", of->fit.beta);
        json_num(j, "half_life_months", M_LN2 / of->fit.beta / MONTH_DAYS);
        json_num(j, "window_months", of->window_months);
        json_num(j, "named_share_of_leavers", of->share);
        json_num(j, "n_all_staff", of->n_staff);
        json_obj_close(j);
    }
    json_obj_open(j, "deterministic");
    json_num(j, "cashout_month", r->det.cashout_month);
    json_int(j, "rounds", (long long)r->det.n_rounds);
    json_series(j, "cash_usd", r->det.cash, M);
    json_series(j, "headcount", r->det.headcount, M);
    json_series(j, "dilution", r->det.dilution, M);
    json_series(j, "revenue_usd_per_month", r->det.revenue, M);
    json_series(j, "valuation_usd", r->det.valuation, M);
    json_obj_close(j);
    if (r->has_mc) {
        json_obj_open(j, "monte_carlo");
        json_int(j, "paths", (long long)r->n_paths);
        json_int(j, "seed", (long long)r->seed);
        json_obj_open(j, "cashout_months");
        json_num(j, "median", r->cashout_median);
        json_num(j, "lo80", r->cashout_lo80);
        json_num(j, "hi80", r->cashout_hi80);
        json_num(j, "lo95", r->cashout_lo95);
        json_num(j, "hi95", r->cashout_hi95);
        json_num(j, "p_within_12", r->p_cashout_12);
        json_num(j, "p_within_24", r->p_cashout_24);
        json_num(j, "p_within_36", r->p_cashout_36);
        json_num(j, "p_within_horizon", r->p_cashout_horizon);
        json_obj_close(j);
        json_num(j, "mean_rounds", r->mean_rounds);
        json_band(j, "cash_usd", &r->cash, M);
        json_band(j, "headcount", &r->headcount, M);
        json_band(j, "dilution", &r->dilution, M);
        json_obj_close(j);
    }
    json_obj_open(j, "links");
    for (int k = 0; k < EXO_RUNWAY_N_COUPLINGS; k++) {
        const char *key = exo_runway_coupling_key((exo_runway_coupling)k);
        if (!sc->link_given[k]) {
            json_none(j, key);
            continue;
        }
        json_obj_open(j, key);
        json_num(j, "central", exo_dist_center(&sc->links[k]));
        json_str(j, "source", sc->link_source[k]);
        json_obj_close(j);
    }
    json_obj_close(j);
    if (r->has_chain) {
        const exo_runway_loop *g = &r->chain;
        json_obj_open(j, "loop_gain");
        json_int(j, "paths", (long long)g->n_paths);
        json_num(j, "shock_departures", g->shock);
        json_num(j, "median", g->median);
        json_num(j, "lo80", g->lo80);
        json_num(j, "hi80", g->hi80);
        json_num(j, "mean", g->mean);
        json_num(j, "p_above_1", g->p_above_1);
        json_num(j, "deterministic", g->det);
        json_obj_open(j, "median_with_link_cut");
        for (int k = 0; k < EXO_RUNWAY_N_KNOCK; k++)
            json_num(j, exo_runway_knock_name((exo_runway_knock)k),
                     g->knock_median[k]);
        json_obj_close(j);
        if (g->dominant >= 0)
            json_str(j, "dominant",
                     exo_runway_knock_name((exo_runway_knock)g->dominant));
        else
            json_none(j, "dominant");
        json_obj_close(j);
        json_arr_open(j, "tornado");
        for (size_t i = 0; i < r->n_tornado; i++) {
            const exo_runway_tornado *x = &r->tornado[i];
            json_obj_open(j, NULL);
            json_str(j, "input", x->input);
            json_num(j, "low", x->low);
            json_num(j, "high", x->high);
            json_num(j, "cashout_low", x->cashout_low);
            json_num(j, "cashout_high", x->cashout_high);
            json_num(j, "gain_low", x->gain_low);
            json_num(j, "gain_high", x->gain_high);
            json_obj_close(j);
        }
        json_arr_close(j);
    }
}

/*
 * Hands the fitted contagion of 'of' to 'sc' through the mapping of
 * docs/runway.md ("--org"): the fit's n is how many named departures one
 * named departure brings, and named people are a small share of all who
 * leave. The share is the named departures a month in the fit's window
 * over the departures a month that the scenario's base attrition gives
 * (at most 1); each departure then brings n x share further departures
 * among all staff, rather than n.
 */
static void use_org_fit(exo_runway_scenario *sc, struct org_fit *of)
{
    double staff_rate = 0.0;
    for (size_t l = 0; l < sc->n_levels; l++)
        staff_rate += sc->levels[l].headcount *
                      exo_dist_center(&sc->levels[l].attrition_per_year) / 12.0;
    double named_rate = of->window_months > 0.0
                            ? (double)of->n_events / of->window_months
                            : 0.0;
    of->share = staff_rate > 0.0 ? named_rate / staff_rate : 1.0;
    if (of->share > 1.0)
        of->share = 1.0;
    of->n_staff = of->fit.n * of->share;
    sc->contagion_mode = EXO_CONTAGION_HAWKES;
    sc->contagion_branching_n = of->n_staff;
    sc->contagion_half_life_months = M_LN2 / of->fit.beta / MONTH_DAYS;
    memset(&sc->attrition_contagion_sensitivity, 0,
           sizeof sc->attrition_contagion_sensitivity);
}

/* The recorded rounds of 'org' from the store: funding rows on or after
 * the scenario's start month, each with the valuation of its date. */
struct backtest {
    char *org;
    size_t n;
    exo_runway_actual *actual;
    int32_t *day;
    exo_runway_check *check;
};

static void backtest_free(struct backtest *bt)
{
    free(bt->org);
    free(bt->actual);
    free(bt->day);
    free(bt->check);
}

static int load_actual(struct cli *cli, const char *org,
                       const exo_runway_scenario *sc, struct backtest *bt)
{
    exo_store *store = NULL;
    exo_finance_list fl = {0};
    exo_err err = {0};
    int status = 0;
    if (!sc->has_start) {
        fprintf(stderr, "exodus: runway: --backtest needs the scenario's "
                        "'start_month'\n");
        return CLI_EXIT_USAGE;
    }
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err) ||
        exo_finance_list_load(store, org, &fl, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    bt->org = strdup(org);
    bt->actual = calloc(fl.n + 1, sizeof *bt->actual);
    bt->day = calloc(fl.n + 1, sizeof *bt->day);
    bt->check = calloc(fl.n + 1, sizeof *bt->check);
    if (!bt->org || !bt->actual || !bt->day || !bt->check) {
        fprintf(stderr, "exodus: out of memory\n");
        status = CLI_EXIT_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < fl.n; i++) {
        const exo_finance_row *f = &fl.rows[i];
        if (strcmp(f->kind, "funding") != 0 || f->date.days < sc->start_day ||
            !(f->amount_usd > 0.0))
            continue;
        exo_runway_actual *a = &bt->actual[bt->n];
        a->month = (f->date.days - sc->start_day) / MONTH_DAYS;
        a->size_usd = f->amount_usd;
        a->post_usd = (double)NAN;
        for (size_t k = 0; k < fl.n; k++)
            if (strcmp(fl.rows[k].kind, "valuation") == 0 &&
                fl.rows[k].date.days == f->date.days)
                a->post_usd = fl.rows[k].amount_usd;
        bt->day[bt->n++] = f->date.days;
    }
    if (!bt->n) {
        fprintf(stderr,
                "exodus: runway: the store has no funding rows of %s on or "
                "after the scenario's start; import them first (exodus "
                "import finance FILE)\n",
                org);
        status = CLI_EXIT_NO_ANSWER;
    }
out:
    exo_finance_list_release(&fl);
    exo_store_close(store);
    return status;
}

static void print_backtest_text(const exo_runway_scenario *sc,
                                const exo_runway *r, const struct backtest *bt)
{
    char a[32], b[32], day[11];
    int inside = 0, scored = 0;
    printf("\nbacktest: %s's recorded rounds (funding rows of the store on "
           "or after %.7s) against the paths; 80%% band = 10%%-90%% of "
           "paths\n",
           bt->org, (exo_date_format(sc->start_day, day), day));
    static const char *const h[] = {"date",       "raised",
                                    "post-money", "month",
                                    "dilution",   "model: median (80%)",
                                    "rounds",     "model: median (80%)",
                                    "inside"};
    struct table *t = table_new(9, h);
    for (size_t i = 0; i < bt->n; i++) {
        const exo_runway_check *c = &bt->check[i];
        const exo_runway_actual *x = &bt->actual[i];
        char mo[16], d1[24], d2[48], r1[16], r2[48];
        exo_date_format(bt->day[i], day);
        if (!c->scored) {
            const char *why = x->month < 1.0 ? "in the opening cash"
                              : !isfinite(x->post_usd)
                                  ? "no post-money reported"
                                  : "past the horizon";
            table_rowf(t, "%s\t%s\t%s\t-\t-\t%s\t-\t-\tnot scored", day,
                       exo_usd_format(x->size_usd, a),
                       isfinite(x->post_usd) ? exo_usd_format(x->post_usd, b)
                                             : "-",
                       why);
            continue;
        }
        scored++;
        inside += c->dilution_inside && c->rounds_inside;
        snprintf(mo, sizeof mo, "%d", c->month);
        snprintf(d1, sizeof d1, "%.1f%%", 100 * c->dilution);
        snprintf(d2, sizeof d2, "%.1f%% (%.1f%%-%.1f%%)", 100 * c->dil_median,
                 100 * c->dil_lo80, 100 * c->dil_hi80);
        snprintf(r1, sizeof r1, "%d", c->rounds);
        snprintf(r2, sizeof r2, "%.0f (%.0f-%.0f)", c->rounds_median,
                 c->rounds_lo80, c->rounds_hi80);
        table_rowf(t, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s", day,
                   exo_usd_format(x->size_usd, a),
                   exo_usd_format(x->post_usd, b), mo, d1, d2, r1, r2,
                   c->dilution_inside && c->rounds_inside ? "yes"
                   : c->dilution_inside                   ? "rounds no"
                   : c->rounds_inside                     ? "dilution no"
                                                          : "no");
    }
    table_print(t, stdout, "  ");
    table_free(t);
    for (size_t i = 0; i < bt->n; i++) {
        const exo_runway_check *c = &bt->check[i];
        if (!c->scored || !c->missed_key)
            continue;
        exo_date_format(bt->day[i], day);
        printf("  missed %s: %s: %s (multiple %.1fx against %.1f-%.1f; size "
               "%.1f months of net burn",
               day, c->missed_key, c->missed_why, c->multiple, c->multiple_lo80,
               c->multiple_hi80, c->size_burn);
        if (isfinite(c->size_lo80))
            printf(" against %.1f-%.1f", c->size_lo80, c->size_hi80);
        printf("; runway %.1f months when it closed)\n", c->runway);
    }
    if (!scored)
        printf("verdict: no recorded round could be scored\n");
    else if (inside == scored)
        printf("verdict: reality fell inside the 80%% band at every scored "
               "round\n");
    else
        printf("verdict: reality fell outside the 80%% band at %d of %d "
               "scored round%s; the assumption that missed is named above\n",
               scored - inside, scored, scored == 1 ? "" : "s");
    (void)r;
}

static void print_backtest_json(struct json_out *j, const struct backtest *bt)
{
    json_obj_open(j, "backtest");
    json_str(j, "org", bt->org);
    json_arr_open(j, "rounds");
    for (size_t i = 0; i < bt->n; i++) {
        const exo_runway_check *c = &bt->check[i];
        json_obj_open(j, NULL);
        json_date(j, "date", bt->day[i]);
        json_num(j, "size_usd", bt->actual[i].size_usd);
        json_num(j, "post_usd", bt->actual[i].post_usd);
        json_bool(j, "scored", c->scored);
        if (c->scored) {
            json_int(j, "month", c->month);
            json_num(j, "dilution", c->dilution);
            json_num(j, "dilution_median", c->dil_median);
            json_num(j, "dilution_lo80", c->dil_lo80);
            json_num(j, "dilution_hi80", c->dil_hi80);
            json_int(j, "rounds", c->rounds);
            json_num(j, "rounds_median", c->rounds_median);
            json_num(j, "rounds_lo80", c->rounds_lo80);
            json_num(j, "rounds_hi80", c->rounds_hi80);
            json_bool(j, "dilution_inside", c->dilution_inside);
            json_bool(j, "rounds_inside", c->rounds_inside);
            json_num(j, "multiple", c->multiple);
            json_num(j, "size_burn_months", c->size_burn);
            json_num(j, "runway_months", c->runway);
            if (c->missed_key) {
                json_str(j, "missed", c->missed_key);
                json_str(j, "why", c->missed_why);
            } else {
                json_none(j, "missed");
            }
        }
        json_obj_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}

/* Loads, runs and prints; 'org' (may be NULL) supplies the contagion. */
static int run_show(struct cli *cli, const char *path,
                    const exo_runway_opts *opts, const char *org,
                    const struct sets *sets, const char *bt_org,
                    struct json_out *j)
{
    struct backtest bt = {0};
    exo_runway_scenario sc;
    exo_runway r = {0};
    exo_err err = {0};
    struct org_fit of = {0};
    int status = 0;
    if (exo_runway_scenario_load_set(path, sets ? sets->v : NULL,
                                     sets ? sets->n : 0, &sc, &err))
        return fail_load(cli, &err, "--set");
    if (org) {
        if ((status = fit_org(cli, org, &of)))
            goto out;
        use_org_fit(&sc, &of);
    }
    if (bt_org && (status = load_actual(cli, bt_org, &sc, &bt)))
        goto out;
    if (exo_runway_run(&sc, opts, &r, &err) ||
        (bt_org &&
         exo_runway_backtest(&sc, &r, bt.actual, bt.n, bt.check, &err))) {
        status = cli_fail(cli, &err);
        goto out;
    }
    if (j)
        print_json(j, &sc, &r, org ? &of : NULL, sets);
    else
        print_text(&sc, &r, org ? &of : NULL, sets);
    if (bt_org) {
        if (j)
            print_backtest_json(j, &bt);
        else
            print_backtest_text(&sc, &r, &bt);
    }
out:
    backtest_free(&bt);
    exo_runway_release(&r);
    free(of.org);
    return status;
}

/* The text of one cell of the side-by-side table: "median (lo-hi)". */
static void band_cell(char *buf, size_t size, const exo_runway_band *b, int m,
                      bool percent)
{
    const double *q = b->q + (size_t)m * EXO_RUNWAY_N_Q;
    if (percent)
        snprintf(buf, size, "%.1f%% (%.1f%%-%.1f%%)", 100 * q[Q_MID],
                 100 * q[Q_LO], 100 * q[Q_HI]);
    else
        snprintf(buf, size, "%.0f (%.0f-%.0f)", q[Q_MID], q[Q_LO], q[Q_HI]);
}

enum { CMP_ROWS = 12 };

/*
 * Several scenarios side by side: each loaded (with the --set values and
 * --org) and run with the same paths and seed, then one table with a
 * column per scenario.
 */
static int run_compare(struct cli *cli, char **paths, int n,
                       const exo_runway_opts *opts, const char *org,
                       const struct sets *sets, struct json_out *j)
{
    exo_runway_scenario *sc = calloc((size_t)n, sizeof *sc);
    exo_runway *r = calloc((size_t)n, sizeof *r);
    char(*cells)[CMP_ROWS][80] = calloc((size_t)n, sizeof *cells);
    const char **hdr = calloc((size_t)n + 1, sizeof *hdr);
    struct org_fit of = {0};
    exo_err err = {0};
    int status = 0, done = 0;
    if (!sc || !r || !cells || !hdr) {
        fprintf(stderr, "exodus: out of memory\n");
        status = CLI_EXIT_NOMEM;
        goto out;
    }
    for (int i = 0; i < n; i++)
        if (exo_runway_scenario_load_set(paths[i], sets->v, sets->n, &sc[i],
                                         &err)) {
            status = fail_load(cli, &err, "--set");
            goto out;
        }
    if (org && (status = fit_org(cli, org, &of)))
        goto out;
    for (int i = 0; i < n; i++) {
        if (org)
            use_org_fit(&sc[i], &of);
        if (exo_runway_run(&sc[i], opts, &r[i], &err)) {
            status = cli_fail(cli, &err);
            goto out;
        }
        done = i + 1;
    }
    if (j) {
        json_arr_open(j, "scenarios");
        for (int i = 0; i < n; i++) {
            json_obj_open(j, NULL);
            json_str(j, "file", paths[i]);
            if (org)
                use_org_fit(&sc[i], &of); /* this scenario's share */
            print_json(j, &sc[i], &r[i], org ? &of : NULL, sets);
            json_obj_close(j);
        }
        json_arr_close(j);
        goto out;
    }
    static const char *const rows[CMP_ROWS] = {
        "start",
        "horizon (months)",
        "cash-out, median months",
        "cash-out, 80% interval",
        "P(cash-out) within 12 months",
        "P(cash-out) within 24 months",
        "P(cash-out) within 36 months",
        "dilution at the horizon",
        "headcount at the horizon",
        "rounds closed (mean)",
        "loop gain, median (80%)",
        "dominant link",
    };
    printf("%d scenarios side by side (%zu paths each, seed %llu; medians "
           "with 10%%-90%% across paths)\n",
           n, opts->n_paths, (unsigned long long)opts->seed);
    if (sets->n) {
        printf("overrides:");
        for (size_t i = 0; i < sets->n; i++)
            printf("%s %s", i ? "," : "", sets->v[i]);
        printf("\n");
    }
    hdr[0] = "";
    for (int i = 0; i < n; i++) {
        const exo_runway *x = &r[i];
        const exo_runway_loop *g = &x->chain;
        char a[32], b[32], (*c)[80] = cells[i];
        int M = x->months;
        hdr[i + 1] = sc[i].name;
        if (sc[i].has_start) {
            char day[11];
            exo_date_format(sc[i].start_day, day);
            snprintf(c[0], 80, "%.7s", day);
        } else {
            snprintf(c[0], 80, "-");
        }
        snprintf(c[1], 80, "%d", M);
        snprintf(c[2], 80, "%s", fmt_months(a, x->cashout_median, M));
        snprintf(c[3], 80, "%s to %s", fmt_months(a, x->cashout_lo80, M),
                 fmt_months(b, x->cashout_hi80, M));
        const double pk[3] = {x->p_cashout_12, x->p_cashout_24,
                              x->p_cashout_36};
        for (int k = 0; k < 3; k++)
            if (isfinite(pk[k]))
                snprintf(c[4 + k], 80, "%.1f%%", 100 * pk[k]);
            else
                snprintf(c[4 + k], 80, "past the horizon");
        band_cell(c[7], 80, &x->dilution, M, true);
        band_cell(c[8], 80, &x->headcount, M, false);
        snprintf(c[9], 80, "%.2f", x->mean_rounds);
        if (x->has_chain && isfinite(g->median))
            snprintf(c[10], 80, "%.3f (%.3f to %.3f)", g->median, g->lo80,
                     g->hi80);
        else
            snprintf(c[10], 80, "-");
        snprintf(c[11], 80, "%s",
                 x->has_chain && g->dominant >= 0
                     ? exo_runway_knock_name((exo_runway_knock)g->dominant)
                     : "none");
    }
    struct table *t = table_new(n + 1, hdr);
    for (int k = 0; k < CMP_ROWS; k++) {
        const char *row[64];
        row[0] = rows[k];
        for (int i = 0; i < n && i < 63; i++)
            row[i + 1] = cells[i][k];
        table_row(t, row);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    printf("\nloop gain: departures induced over the horizon, in one pass "
           "through the loop, per departure of a shock of 1%% of staff in "
           "month 1 (the denominator); 'exodus runway FILE' shows one "
           "scenario in full\n");
out:
    for (int i = 0; i < done; i++)
        exo_runway_release(&r[i]);
    free(sc);
    free(r);
    free(cells);
    free(hdr);
    free(of.org);
    return status;
}

int runway_show(struct cli *cli, const char *scenario_path, struct json_out *j)
{
    exo_runway_opts opts = {.n_paths = 10000, .seed = 1};
    return run_show(cli, scenario_path, &opts, NULL, NULL, NULL, j);
}

/* A --sweep: KEY from 'from' to 'to' in 'steps' values. */
struct sweep {
    char key[256];
    double from, to;
    int steps;
};

/* One value of a sweep and what the Monte Carlo gave there. */
struct sweep_row {
    double value;
    double det_cashout;
    double p12, p24, p36, p_horizon;
    double median, lo80, hi80;
};

/* Parses "KEY=A:B:STEPS" (A and B numbers, STEPS in 1..SWEEP_MAX_STEPS). */
static int parse_sweep(const struct cli *cli, const char *text,
                       struct sweep *sw)
{
    const char *eq = strchr(text, '=');
    const char *c2 = strrchr(text, ':');
    char *end;
    if (!eq || eq == text || !c2 || c2 < eq || (size_t)(eq - text) >= 256)
        return cli_usage_error(cli,
                               "--sweep '%s' is not KEY=A:B:STEPS (for "
                               "example cash_usd=1e9:9e9:5)",
                               text);
    const char *c1 = c2;
    while (c1 > eq + 1 && c1[-1] != ':')
        c1--;
    c1--;
    if (c1 <= eq)
        return cli_usage_error(cli,
                               "--sweep '%s' is not KEY=A:B:STEPS (for "
                               "example cash_usd=1e9:9e9:5)",
                               text);
    memcpy(sw->key, text, (size_t)(eq - text));
    sw->key[eq - text] = '\0';
    sw->from = strtod(eq + 1, &end);
    bool ok = end == c1 && end != eq + 1 && isfinite(sw->from);
    if (ok) {
        sw->to = strtod(c1 + 1, &end);
        ok = end == c2 && end != c1 + 1 && isfinite(sw->to);
    }
    if (!ok)
        return cli_usage_error(
            cli, "--sweep '%s': A and B must be finite numbers", text);
    long steps = strtol(c2 + 1, &end, 10);
    if (end == c2 + 1 || *end || steps < 1 || steps > SWEEP_MAX_STEPS)
        return cli_usage_error(cli, "--sweep '%s': STEPS is not in 1..%d", text,
                               SWEEP_MAX_STEPS);
    sw->steps = (int)steps;
    return 0;
}

static double sweep_value(const struct sweep *sw, int i)
{
    if (sw->steps == 1)
        return sw->from;
    if (i == sw->steps - 1)
        return sw->to;
    return sw->from + (sw->to - sw->from) * i / (sw->steps - 1);
}

static void print_sweep_text(const exo_runway_scenario *sc,
                             const struct sets *sets, const struct sweep *sw,
                             const struct sweep_row *rows, int M,
                             const exo_runway_opts *opts)
{
    char a[32], b[32], c[32], hdr[5][24];
    const char *headers[9];
    int n_cols = 0, pk[3];
    size_t n_p = 0;
    printf("%s: sweep of %s from %g to %g in %d step%s, over %d months\n",
           sc->name, sw->key, sw->from, sw->to, sw->steps,
           sw->steps == 1 ? "" : "s", M);
    if (sets->n > 1) {
        printf("overrides:");
        for (size_t i = 0; i + 1 < sets->n; i++)
            printf("%s %s", i ? "," : "", sets->v[i]);
        printf("\n");
    }
    printf("%zu paths per value, seed %llu for every value (common random "
           "numbers)\n\n",
           opts->n_paths, (unsigned long long)opts->seed);
    headers[n_cols++] = sw->key;
    for (int k = 1; k <= 3; k++)
        if (12 * k < M) {
            pk[n_p] = k;
            snprintf(hdr[n_p], sizeof hdr[n_p], "P(<=%d mo)", 12 * k);
            headers[n_cols++] = hdr[n_p++];
        }
    snprintf(hdr[3], sizeof hdr[3], "P(<=%d mo)", M);
    headers[n_cols++] = hdr[3];
    headers[n_cols++] = "median months";
    headers[n_cols++] = "80% interval";
    headers[n_cols++] = "deterministic";
    struct table *t = table_new(n_cols, headers);
    for (int k = 0; k < n_cols; k++)
        table_align_right(t, k);
    for (int i = 0; i < sw->steps; i++) {
        const struct sweep_row *rw = &rows[i];
        const char *cells[9];
        char pc[4][16], val[32], iv[72], det[32];
        int k = 0;
        snprintf(val, sizeof val, "%g", rw->value);
        cells[k++] = val;
        for (size_t q = 0; q < n_p; q++) {
            double p = pk[q] == 1 ? rw->p12 : pk[q] == 2 ? rw->p24 : rw->p36;
            snprintf(pc[q], sizeof pc[q], "%.1f%%", 100 * p);
            cells[k++] = pc[q];
        }
        snprintf(pc[3], sizeof pc[3], "%.1f%%", 100 * rw->p_horizon);
        cells[k++] = pc[3];
        cells[k++] = fmt_months(a, rw->median, M);
        snprintf(iv, sizeof iv, "%s to %s", fmt_months(b, rw->lo80, M),
                 fmt_months(c, rw->hi80, M));
        cells[k++] = iv;
        cells[k++] = fmt_months(det, rw->det_cashout, M);
        table_row(t, cells);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    printf("\nP(<=m mo): share of paths out of cash within m months; "
           "deterministic: the cash-out month with every input central\n");
}

static void print_sweep_json(struct json_out *j, const exo_runway_scenario *sc,
                             const struct sets *sets, const struct sweep *sw,
                             const struct sweep_row *rows, int M,
                             const exo_runway_opts *opts)
{
    struct sets fixed = {sets->v, sets->n - 1};
    json_str(j, "scenario", sc->name);
    json_sets(j, &fixed);
    json_int(j, "months", M);
    json_int(j, "paths", (long long)opts->n_paths);
    json_int(j, "seed", (long long)opts->seed);
    json_obj_open(j, "sweep");
    json_str(j, "key", sw->key);
    json_num(j, "from", sw->from);
    json_num(j, "to", sw->to);
    json_int(j, "steps", sw->steps);
    json_arr_open(j, "rows");
    for (int i = 0; i < sw->steps; i++) {
        const struct sweep_row *rw = &rows[i];
        json_obj_open(j, NULL);
        json_num(j, "value", rw->value);
        json_num(j, "p_within_12", rw->p12);
        json_num(j, "p_within_24", rw->p24);
        json_num(j, "p_within_36", rw->p36);
        json_num(j, "p_within_horizon", rw->p_horizon);
        json_num(j, "median_months", rw->median);
        json_num(j, "lo80_months", rw->lo80);
        json_num(j, "hi80_months", rw->hi80);
        json_num(j, "deterministic_cashout_month", rw->det_cashout);
        json_obj_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}

/*
 * Runs the Monte Carlo at every value of the sweep, the --set overrides
 * applied first. Every value is checked before any run.
 */
static int run_sweep(struct cli *cli, const char *path,
                     const exo_runway_opts *opts_in, const char *org,
                     struct sets *sets, const struct sweep *sw,
                     struct json_out *j)
{
    exo_runway_scenario *sc = NULL;
    struct sweep_row *rows = NULL;
    struct org_fit of = {0};
    exo_err err = {0};
    exo_runway_opts opts = *opts_in;
    char set[320];
    int status = 0, M = 0;
    opts.no_loop_gain = true;
    /* The --set values alone first, so their errors name --set. */
    sc = calloc((size_t)sw->steps, sizeof *sc);
    rows = calloc((size_t)sw->steps, sizeof *rows);
    if (!sc || !rows) {
        fprintf(stderr, "exodus: out of memory\n");
        status = CLI_EXIT_NOMEM;
        goto out;
    }
    if (exo_runway_scenario_load_set(path, sets->v, sets->n, &sc[0], &err)) {
        status = fail_load(cli, &err, "--set");
        goto out;
    }
    sets->v[sets->n++] = set;
    for (int i = 0; i < sw->steps; i++) {
        rows[i].value = sweep_value(sw, i);
        snprintf(set, sizeof set, "%s=%.17g", sw->key, rows[i].value);
        if (exo_runway_scenario_load_set(path, sets->v, sets->n, &sc[i],
                                         &err)) {
            status = fail_load(cli, &err, "--sweep");
            goto out;
        }
    }
    if (org) {
        if ((status = fit_org(cli, org, &of)))
            goto out;
        for (int i = 0; i < sw->steps; i++)
            use_org_fit(&sc[i], &of);
    }
    for (int i = 0; i < sw->steps; i++) {
        exo_runway r;
        if (exo_runway_run(&sc[i], &opts, &r, &err)) {
            status = cli_fail(cli, &err);
            goto out;
        }
        M = r.months;
        rows[i].det_cashout = r.det.cashout_month;
        rows[i].p12 = r.p_cashout_12;
        rows[i].p24 = r.p_cashout_24;
        rows[i].p36 = r.p_cashout_36;
        rows[i].p_horizon = r.p_cashout_horizon;
        rows[i].median = r.cashout_median;
        rows[i].lo80 = r.cashout_lo80;
        rows[i].hi80 = r.cashout_hi80;
        exo_runway_release(&r);
    }
    if (j)
        print_sweep_json(j, &sc[0], sets, sw, rows, M, &opts);
    else
        print_sweep_text(&sc[0], sets, sw, rows, M, &opts);
out:
    free(sc);
    free(rows);
    free(of.org);
    return status;
}

int cmd_runway(struct cli *cli, int argc, char **argv)
{
    const char *arg, *org = NULL, *backtest = NULL;
    exo_runway_opts opts = {.n_paths = 10000, .seed = 1};
    struct sweep sw;
    bool has_sweep = false;
    long v;
    int first, c, rc;
    /* Room for every --set and the swept value. */
    struct sets sets = {calloc((size_t)argc + 1, sizeof(char *)), 0};
    if (!sets.v) {
        fprintf(stderr, "exodus: out of memory\n");
        return CLI_EXIT_NOMEM;
    }
    while ((c = cli_next_opt(cli, runway_usage, runway_opts, argc, argv, &arg,
                             &first)) != -1) {
        rc = 0;
        switch (c) {
        case OPT_PATHS:
            if ((rc = cli_parse_long(cli, "paths", arg, &v)))
                break;
            if (v < 1 || v > 10000000)
                rc = cli_usage_error(cli, "--paths %ld is not in 1..10000000",
                                     v);
            opts.n_paths = (size_t)v;
            break;
        case OPT_SEED:
            if ((rc = cli_parse_long(cli, "seed", arg, &v)))
                break;
            if (v < 0)
                rc = cli_usage_error(cli, "--seed %ld is negative", v);
            opts.seed = (uint64_t)v;
            break;
        case OPT_MONTHS:
            if ((rc = cli_parse_long(cli, "months", arg, &v)))
                break;
            if (v < 1 || v > EXO_RUNWAY_MAX_MONTHS)
                rc = cli_usage_error(cli, "--months %ld is not in 1..%d", v,
                                     EXO_RUNWAY_MAX_MONTHS);
            opts.months = (int)v;
            break;
        case OPT_ORG:
            org = arg;
            break;
        case OPT_SET:
            sets.v[sets.n++] = arg;
            break;
        case OPT_BACKTEST:
            backtest = arg;
            break;
        case OPT_SWEEP:
            if (has_sweep)
                rc = cli_usage_error(cli, "--sweep may be given once");
            else
                rc = parse_sweep(cli, arg, &sw);
            has_sweep = true;
            break;
        default:
            rc = c == -2 ? 0 : CLI_EXIT_USAGE;
            c = -2;
            break;
        }
        if (rc || c == -2) {
            free(sets.v);
            return rc;
        }
    }
    if (argc - first < 1 || argc - first > 63) {
        cli_usage(stderr, runway_usage, runway_opts);
        free(sets.v);
        return CLI_EXIT_USAGE;
    }
    if (backtest && (argc - first > 1 || has_sweep)) {
        free(sets.v);
        return cli_usage_error(cli, "--backtest takes one scenario file and "
                                    "no --sweep");
    }
    if (argc - first > 1 && has_sweep) {
        free(sets.v);
        return cli_usage_error(cli, "--sweep takes one scenario file, not %d",
                               argc - first);
    }
    struct json_out j;
    if (cli->json)
        json_begin(&j, stdout);
    int status = argc - first > 1
                     ? run_compare(cli, argv + first, argc - first, &opts, org,
                                   &sets, cli->json ? &j : NULL)
                 : has_sweep ? run_sweep(cli, argv[first], &opts, org, &sets,
                                         &sw, cli->json ? &j : NULL)
                             : run_show(cli, argv[first], &opts, org, &sets,
                                        backtest, cli->json ? &j : NULL);
    if (cli->json && status == 0)
        json_end(&j);
    free(sets.v);
    return status;
}
