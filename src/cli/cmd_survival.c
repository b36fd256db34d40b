/*
 * cmd_survival.c - exodus survival: Kaplan-Meier retention by group,
 * log-rank test and Cox model, on the store's spells (tenure in days,
 * with the contagion covariate) or on any CSV file (--data).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char survival_usage[] =
    "usage: exodus survival ORG... [--by level|org|team|cohort] [--cox "
    "TERMS]\n"
    "                       [--ref level=LEVEL] [--at DAYS] [--since DATE]\n"
    "                       [--ci log|log-log|plain] [--cause REASON]\n"
    "                       [--competing] [--cohorts year|quarter]\n"
    "                       [--ties efron|breslow] [--json]\n"
    "   or: exodus survival --data FILE --time COL --event COL[=VALUE]\n"
    "                       [--start COL] [--by COL] [--cox \"a + b + "
    "factor(c)\"]\n"
    "                       [--ref c=LEVEL] [--at T] [--ties efron|breslow]\n"
    "                       [--ci log|log-log|plain] [--json]\n"
    "\n"
    "Store TERMS are joined by '+': level, org, team, role, strata(team)\n"
    "or strata(role), contagion(W) (co-worker departures in the W days,\n"
    "default 90, before each risk interval), entry, year (the calendar\n"
    "year of each risk interval, split on 1 January).";

static const struct opt survival_opts[] = {
    {"data", 0, "FILE", "a CSV file (gzip too) instead of the store"},
    {"time", 0, "COL", "--data: the time (or stop) column"},
    {"event", 0, "COL[=VALUE]", "--data: the event column (0/1, 1/2)"},
    {"start", 0, "COL", "--data: entry times, for (start, stop] rows"},
    {"by", 0, "COL", "groups for Kaplan-Meier and the log-rank test"},
    {"cox", 0, "TERMS", "fit a Cox model on these terms"},
    {"ref", 0, "COL=LEVEL", "reference levels of factors"},
    {"ties", 0, "efron|breslow", "Cox ties (default efron, as R)"},
    {"ci", 0, "log|log-log|plain", "Kaplan-Meier intervals (default log)"},
    {"at", 0, "T", "survival at T (store: days or 6m, 1y; default 2y)"},
    {"rho", 0, "RHO", "Fleming-Harrington rho of the test (default 0)"},
    {"since", 0, "DATE",
     "store: observation starts at DATE; earlier hires enter late "
     "(default: the day before the first departure)"},
    {"cause", 0, "REASON",
     "store: only departures for REASON (resignation, layoff, ..., "
     "voluntary, involuntary) are events: cause-specific curves and Cox"},
    {"competing", 0, NULL,
     "store: cumulative incidence of each reason for leaving "
     "(Aalen-Johansen)"},
    {"cohorts", 0, "year|quarter",
     "store: retained at 6, 12 and 24 months by hire year or quarter"},
    {NULL, 0, NULL, NULL},
};

struct surv_args {
    const char *data, *time, *event, *start, *by, *cox, *ref;
    exo_ties ties;
    exo_ci_type ci;
    bool has_at;
    double at;
    double rho;
    bool has_since; /* store: observed from 'since' (left truncation) */
    int32_t since;
    const char *cause; /* store: the one cause counted as an event */
    bool competing;    /* store: the cumulative incidence table */
    bool cohorts;      /* store: the hire cohort table */
    exo_cohort_unit cohort_unit;
};

/* ==== formatting ==== */

static void fmt_g(char *buf, size_t size, double v, int digits)
{
    if (isnan(v))
        snprintf(buf, size, "NA");
    else
        snprintf(buf, size, "%.*g", digits, v);
}

static void fmt_p(char *buf, size_t size, double p)
{
    if (isnan(p))
        snprintf(buf, size, "NA");
    else if (p < 1e-16)
        snprintf(buf, size, "<1e-16");
    else
        snprintf(buf, size, "%.3g", p);
}

/* A time in the data's unit, or in years when 'days' (store mode). */
static void fmt_time(char *buf, size_t size, double t, bool days)
{
    if (isnan(t))
        snprintf(buf, size, "NA");
    else if (days)
        snprintf(buf, size, "%.2f y", t / 365.25);
    else
        snprintf(buf, size, "%.6g", t);
}

static void print_km_text(const exo_km *km, char **names, bool has_at,
                          double at, bool days)
{
    printf("Kaplan-Meier %s (%g%% CI, %s)\n", names ? "by group" : "overall",
           100 * km->conf_level, exo_ci_type_name(km->ci));
    char at_head[64];
    if (days)
        snprintf(at_head, sizeof at_head, "retained at %.3g y", at / 365.25);
    else
        snprintf(at_head, sizeof at_head, "S(%g)", at);
    const char *headers[] = {"group",  "n",     "events", "median",
                             "95% CI", at_head, "95% CI"};
    char ci_head[32];
    snprintf(ci_head, sizeof ci_head, "%g%% CI", 100 * km->conf_level);
    headers[4] = headers[6] = ci_head;
    struct table *t = table_new(has_at ? 7 : 5, headers);
    for (int c = 1; c < (has_at ? 7 : 5); c++)
        table_align_right(t, c);
    for (size_t g = 0; g < km->n_groups; g++) {
        const exo_km_curve *c = &km->curves[g];
        if (c->n == 0)
            continue;
        char med[32], lo[32], hi[32], ci[80], s[32], sci[80];
        fmt_time(med, sizeof med, c->median, days);
        fmt_time(lo, sizeof lo, c->median_lower, days);
        fmt_time(hi, sizeof hi, c->median_upper, days);
        snprintf(ci, sizeof ci, "%s - %s", lo, hi);
        s[0] = sci[0] = '\0';
        if (has_at) {
            double sv, sl, su;
            if (exo_km_at(c, at, &sv, &sl, &su)) {
                snprintf(s, sizeof s, "%.1f%%", 100 * sv);
                if (isnan(sl))
                    snprintf(sci, sizeof sci, "NA");
                else
                    snprintf(sci, sizeof sci, "%.1f%% - %.1f%%", 100 * sl,
                             100 * su);
            } else {
                snprintf(s, sizeof s, "NA");
                snprintf(sci, sizeof sci, "(past follow-up)");
            }
        }
        table_rowf(t, "%s\t%zu\t%zu\t%s\t%s\t%s\t%s", names ? names[g] : "all",
                   c->n, c->n_events, med, ci, s, sci);
    }
    table_print(t, stdout, "  ");
    table_free(t);
}

static void print_logrank_text(const exo_logrank *lr, char **names)
{
    char chi[32], p[32];
    fmt_g(chi, sizeof chi, lr->chisq, 4);
    fmt_p(p, sizeof p, lr->p_value);
    if (lr->rho == 0)
        printf("log-rank test: chi-square %s on %d df, p = %s\n", chi, lr->df,
               p);
    else
        printf("Fleming-Harrington test (rho %g): chi-square %s on %d df, "
               "p = %s\n",
               lr->rho, chi, lr->df, p);
    static const char *const headers[] = {"group", "n", "observed", "expected",
                                          "(O-E)^2/E"};
    struct table *t = table_new(5, headers);
    for (int c = 1; c < 5; c++)
        table_align_right(t, c);
    for (size_t g = 0; g < lr->n_groups; g++) {
        if (lr->n[g] == 0)
            continue;
        double e = lr->expected[g], o = lr->observed[g];
        table_rowf(t, "%s\t%.0f\t%.6g\t%.6g\t%.4g", names[g], lr->n[g], o, e,
                   e > 0 ? (o - e) * (o - e) / e : 0.0);
    }
    table_print(t, stdout, "  ");
    table_free(t);
}

static void print_cox_text(const exo_cox *fit, char **terms, exo_ties ties)
{
    printf("Cox proportional hazards (%s ties): n %zu, %zu events",
           ties == EXO_TIES_EFRON ? "Efron" : "Breslow", fit->n, fit->n_events);
    if (fit->n_missing)
        printf(", %zu row%s dropped for missing values", fit->n_missing,
               fit->n_missing == 1 ? "" : "s");
    printf("\n");
    static const char *const headers[] = {"term", "coef", "HR", "95% CI",
                                          "SE",   "z",    "p"};
    struct table *t = table_new(7, headers);
    for (int c = 1; c < 7; c++)
        table_align_right(t, c);
    for (size_t k = 0; k < fit->p; k++) {
        char p[32];
        fmt_p(p, sizeof p, fit->p_value[k]);
        table_rowf(t, "%s\t%.4g\t%.4g\t%.4g - %.4g\t%.4g\t%.3f\t%s", terms[k],
                   fit->coef[k], fit->hr[k], fit->hr_lower[k], fit->hr_upper[k],
                   fit->se[k], fit->z[k], p);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    char lr[32], wald[32], score[32];
    fmt_p(lr, sizeof lr, fit->lr_p);
    fmt_p(wald, sizeof wald, fit->wald_p);
    fmt_p(score, sizeof score, fit->score_p);
    printf("  log-likelihood %.2f (null %.2f), %d iterations%s\n", fit->loglik,
           fit->loglik_null, fit->iterations,
           fit->converged ? "" : " (did not converge)");
    printf("  likelihood ratio %.4g on %d df, p = %s; Wald %.4g, p = %s; "
           "score %.4g, p = %s\n",
           fit->lr_test, fit->df, lr, fit->wald_test, wald, fit->score_test,
           score);
    if (fit->has_concordance)
        printf("  concordance %.4f (SE %.4f)\n", fit->concordance,
               fit->concordance_se);
}

static void json_arr_nums(struct json_out *j, const char *key, const double *v,
                          size_t n)
{
    json_arr_open(j, key);
    for (size_t i = 0; i < n; i++)
        json_num(j, NULL, v[i]);
    json_arr_close(j);
}

static void print_km_json(struct json_out *j, const exo_km *km, char **names,
                          bool has_at, double at)
{
    json_obj_open(j, "km");
    json_str(j, "conf_type", exo_ci_type_name(km->ci));
    json_num(j, "conf_level", km->conf_level);
    json_arr_open(j, "groups");
    for (size_t g = 0; g < km->n_groups; g++) {
        const exo_km_curve *c = &km->curves[g];
        if (c->n == 0)
            continue;
        json_obj_open(j, NULL);
        json_str(j, "group", names ? names[g] : "all");
        json_int(j, "n", (long long)c->n);
        json_int(j, "events", (long long)c->n_events);
        json_num(j, "median", c->median);
        json_num(j, "median_lower", c->median_lower);
        json_num(j, "median_upper", c->median_upper);
        if (has_at) {
            double sv = CLI_NAN, sl = CLI_NAN, su = CLI_NAN;
            exo_km_at(c, at, &sv, &sl, &su);
            json_num(j, "at", at);
            json_num(j, "surv_at", sv);
            json_num(j, "surv_at_lower", sl);
            json_num(j, "surv_at_upper", su);
        }
        json_arr_nums(j, "time", c->time, c->n_times);
        json_arr_nums(j, "n_risk", c->n_risk, c->n_times);
        json_arr_nums(j, "n_event", c->n_event, c->n_times);
        json_arr_nums(j, "n_censor", c->n_censor, c->n_times);
        json_arr_nums(j, "surv", c->surv, c->n_times);
        json_arr_nums(j, "std_err", c->std_err, c->n_times);
        json_arr_nums(j, "lower", c->lower, c->n_times);
        json_arr_nums(j, "upper", c->upper, c->n_times);
        json_arr_nums(j, "cumhaz", c->cumhaz, c->n_times);
        json_arr_nums(j, "std_chaz", c->std_chaz, c->n_times);
        json_obj_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}

static void print_logrank_json(struct json_out *j, const exo_logrank *lr,
                               char **names)
{
    json_obj_open(j, "logrank");
    json_num(j, "rho", lr->rho);
    json_arr_open(j, "groups");
    for (size_t g = 0; g < lr->n_groups; g++)
        json_str(j, NULL, names[g]);
    json_arr_close(j);
    json_arr_nums(j, "n", lr->n, lr->n_groups);
    json_arr_nums(j, "observed", lr->observed, lr->n_groups);
    json_arr_nums(j, "expected", lr->expected, lr->n_groups);
    json_arr_open(j, "var");
    for (size_t g = 0; g < lr->n_groups; g++)
        json_arr_nums(j, NULL, lr->var + g * lr->n_groups, lr->n_groups);
    json_arr_close(j);
    json_num(j, "chisq", lr->chisq);
    json_int(j, "df", lr->df);
    json_num(j, "p_value", lr->p_value);
    json_obj_close(j);
}

static void print_cox_json(struct json_out *j, const exo_cox *fit, char **terms,
                           exo_ties ties)
{
    json_obj_open(j, "cox");
    json_str(j, "ties", ties == EXO_TIES_EFRON ? "efron" : "breslow");
    json_int(j, "n", (long long)fit->n);
    json_int(j, "nevent", (long long)fit->n_events);
    json_int(j, "n_dropped_missing", (long long)fit->n_missing);
    json_arr_open(j, "terms");
    for (size_t k = 0; k < fit->p; k++)
        json_str(j, NULL, terms[k]);
    json_arr_close(j);
    json_arr_nums(j, "coef", fit->coef, fit->p);
    json_arr_nums(j, "se", fit->se, fit->p);
    json_arr_nums(j, "exp_coef", fit->hr, fit->p);
    json_arr_nums(j, "exp_coef_lower", fit->hr_lower, fit->p);
    json_arr_nums(j, "exp_coef_upper", fit->hr_upper, fit->p);
    json_arr_nums(j, "z", fit->z, fit->p);
    json_arr_nums(j, "p", fit->p_value, fit->p);
    json_arr_open(j, "var");
    for (size_t k = 0; k < fit->p; k++)
        json_arr_nums(j, NULL, fit->var + k * fit->p, fit->p);
    json_arr_close(j);
    json_arr_nums(j, "means", fit->means, fit->p);
    json_num(j, "loglik_null", fit->loglik_null);
    json_num(j, "loglik", fit->loglik);
    json_int(j, "iterations", fit->iterations);
    json_bool(j, "converged", fit->converged);
    const char *names[] = {"lr_test", "wald_test", "score_test"};
    double stat[] = {fit->lr_test, fit->wald_test, fit->score_test};
    double pv[] = {fit->lr_p, fit->wald_p, fit->score_p};
    for (int i = 0; i < 3; i++) {
        json_obj_open(j, names[i]);
        json_num(j, "statistic", stat[i]);
        json_int(j, "df", fit->df);
        json_num(j, "p", pv[i]);
        json_obj_close(j);
    }
    if (fit->has_concordance) {
        json_obj_open(j, "concordance");
        json_num(j, "concordant", fit->concordant);
        json_num(j, "discordant", fit->discordant);
        json_num(j, "tied_x", fit->tied_x);
        json_num(j, "tied_y", fit->tied_y);
        json_num(j, "tied_xy", fit->tied_xy);
        json_num(j, "concordance", fit->concordance);
        json_num(j, "std", fit->concordance_se);
        json_obj_close(j);
    }
    json_obj_close(j);
}

/* ==== the analysis, shared by both modes ==== */

struct surv_input {
    size_t n;
    const double *start, *stop; /* KM and log-rank rows */
    const int *event;
    const int *group;
    size_t n_groups;
    char **group_names;
    /* Cox rows (may differ: episodes) */
    size_t cox_n, p;
    const double *cox_start, *cox_stop, *x;
    const int *cox_event, *strata;
    char **terms;
    bool days;
    long contagion_term; /* index of the contagion term, or -1 */
    double window_days;
    const char *strata_name; /* store: what the strata are ("team") */
};

static int analyse(struct cli *cli, const struct surv_args *a,
                   const struct surv_input *in, struct json_out *j)
{
    exo_err err = {0};
    exo_km km = {0};
    exo_logrank lr = {0};
    exo_cox fit = {0};
    int status = 0;
    exo_km_opts ko = {.ci = a->ci};
    if (exo_km_fit(in->n, in->start, in->stop, in->event, in->group,
                   in->n_groups, &ko, &km, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    /* With (start, stop] rows, at risk from start: delayed entry. */
    bool test = in->group && in->n_groups > 1;
    if (test &&
        exo_logrank_test_entry(in->n, in->start, in->stop, in->event, in->group,
                               in->n_groups, NULL, a->rho, &lr, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    if (in->p > 0) {
        exo_cox_opts co = {.ties = a->ties,
                           .names = (const char *const *)in->terms};
        if (exo_cox_fit(in->cox_n, in->p, in->cox_start, in->cox_stop,
                        in->cox_event, in->x, in->strata, &co, &fit, &err)) {
            status = cli_fail(cli, &err);
            goto out;
        }
        if (!fit.converged && !cli->quiet)
            fprintf(stderr,
                    "exodus: survival: warning: the Cox fit did not "
                    "converge in %d iterations\n",
                    fit.iterations);
    }
    if (j) {
        print_km_json(j, &km, in->group ? in->group_names : NULL, a->has_at,
                      a->at);
        if (test)
            print_logrank_json(j, &lr, in->group_names);
        if (in->p > 0)
            print_cox_json(j, &fit, in->terms, a->ties);
    } else {
        print_km_text(&km, in->group ? in->group_names : NULL, a->has_at, a->at,
                      in->days);
        if (test)
            print_logrank_text(&lr, in->group_names);
        if (in->p > 0)
            print_cox_text(&fit, in->terms, a->ties);
        if (in->p > 0 && in->contagion_term >= 0) {
            size_t k = (size_t)in->contagion_term;
            char p[32];
            fmt_p(p, sizeof p, fit.p_value[k]);
            printf("contagion%s%s: each co-worker departure in the previous "
                   "%g days multiplies the hazard of leaving by %.3f (95%% CI "
                   "%.3f - %.3f, p = %s)%s\n",
                   in->strata_name ? " within each " : "",
                   in->strata_name ? in->strata_name : "", in->window_days,
                   fit.hr[k], fit.hr_lower[k], fit.hr_upper[k], p,
                   fit.p_value[k] < 0.05
                       ? (fit.hr[k] > 1 ? ": departures cluster"
                                        : ": departures deter departures")
                       : ": no evidence of contagion at the 5% level");
        }
    }
out:
    exo_km_release(&km);
    exo_logrank_release(&lr);
    exo_cox_release(&fit);
    return status;
}

/* ==== --data FILE ==== */

static int survival_data(struct cli *cli, const struct surv_args *a,
                         struct json_out *j)
{
    exo_survival_spec spec = {.time = a->time,
                              .start = a->start,
                              .event = a->event,
                              .by = a->by,
                              .cox = a->cox,
                              .ref = a->ref};
    exo_survival_data d = {0};
    exo_err err = {0};
    if (!a->time || !a->event)
        return cli_usage_error(cli, "--data needs --time COL and --event COL");
    if (exo_survival_data_load(a->data, &spec, &d, &err))
        return cli_fail(cli, &err);
    size_t n_events = 0;
    for (size_t i = 0; i < d.n; i++)
        n_events += (size_t)d.event[i];
    if (j) {
        json_str(j, "data", a->data);
        json_int(j, "rows", (long long)d.n);
        json_int(j, "events", (long long)n_events);
        json_int(j, "dropped", (long long)d.n_dropped);
    } else {
        printf("%s: %zu rows, %zu events", a->data, d.n, n_events);
        if (d.n_dropped)
            printf(", %zu row%s without time or event dropped", d.n_dropped,
                   d.n_dropped == 1 ? "" : "s");
        printf("\n");
        if (d.dates) {
            char cd[11];
            exo_date_format((int32_t)d.censor_day, cd);
            printf("times: tenure in years from %s to %s (dates); open rows "
                   "censored at %s, the file's latest date\n",
                   a->start, a->time, cd);
        }
    }
    if (j && d.dates)
        json_date(j, "censored_at", (int32_t)d.censor_day);
    struct surv_input in = {
        .n = d.n,
        .start = d.start,
        .stop = d.stop,
        .event = d.event,
        .group = d.group,
        .n_groups = d.n_groups,
        .group_names = d.group_names,
        .cox_n = d.has_contagion ? d.cox_n : d.n,
        .p = d.p,
        .cox_start = d.has_contagion ? d.cox_start : d.start,
        .cox_stop = d.has_contagion ? d.cox_stop : d.stop,
        .x = d.has_contagion ? d.cox_x : d.x,
        .cox_event = d.has_contagion ? d.cox_event : d.event,
        .strata = d.has_contagion ? d.cox_strata : d.strata,
        .terms = d.terms,
        .days = d.dates,
        .contagion_term = d.has_contagion ? (long)d.contagion_term : -1,
        .window_days = d.window_days,
        .strata_name = d.has_contagion && d.cox_strata
                           ? "stratum (a baseline hazard "
                             "per stratum)"
                           : NULL};
    int status = analyse(cli, a, &in, j);
    exo_survival_data_release(&d);
    return status;
}

/* ==== ORG... from the store ==== */

/*
 * The cumulative incidence of each cause (Aalen-Johansen) at whole years
 * of tenure, on the Kaplan-Meier rows: what share of a cohort has left
 * for each reason by then, with the others competing.
 */
static int print_competing(struct cli *cli, size_t n, const double *entry,
                           const double *stop, const int *cause, char **names,
                           size_t k, struct json_out *j)
{
    exo_err err = {0};
    exo_cuminc ci = {0};
    int *c = malloc((n ? n : 1) * sizeof *c);
    if (!c) {
        fprintf(stderr, "exodus: survival: out of memory\n");
        return CLI_EXIT_NOMEM;
    }
    double last = 0;
    for (size_t i = 0; i < n; i++) {
        c[i] = cause[i] + 1; /* -1, censored, becomes 0 */
        last = fmax(last, stop[i]);
    }
    exo_code code = exo_cuminc_fit(n, entry, stop, c, k, &ci, &err);
    free(c);
    if (code)
        return cli_fail(cli, &err);
    static const double years[] = {1, 2, 5, 10, 20};
    size_t ny = sizeof years / sizeof years[0];
    if (j) {
        json_arr_open(j, "cumulative_incidence");
        for (size_t q = 0; q < k; q++) {
            json_obj_open(j, NULL);
            json_str(j, "cause", names[q]);
            json_int(j, "events", (long long)ci.n_events[q]);
            json_arr_nums(j, "time", ci.time, ci.n_times);
            json_arr_nums(j, "cif", ci.cif + q * ci.n_times, ci.n_times);
            json_obj_close(j);
        }
        json_arr_close(j);
        exo_cuminc_release(&ci);
        return 0;
    }
    printf("Cumulative incidence by reason for leaving (Aalen-Johansen: "
           "the share gone for each reason, the others competing)\n");
    const char *headers[] = {"reason", "class", "events", "1 y",
                             "2 y",    "5 y",   "10 y",   "20 y"};
    struct table *t = table_new(3 + ny, headers);
    for (size_t col = 2; col < 3 + ny; col++)
        table_align_right(t, (int)col);
    for (size_t q = 0; q < k; q++) {
        exo_reason r;
        const char *cls =
            exo_reason_parse(names[q], &r)
                ? (exo_reason_voluntary(r) ? "voluntary" : "involuntary")
            : strcmp(names[q], "fired") == 0 ? "involuntary"
                                             : "not given";
        char cells[5][16];
        for (size_t y = 0; y < ny; y++) {
            double at = years[y] * 365.25;
            if (at > last)
                snprintf(cells[y], sizeof cells[y], "NA");
            else
                snprintf(cells[y], sizeof cells[y], "%.1f%%",
                         100 * exo_cuminc_at(&ci, q, at));
        }
        table_rowf(t, "%s\t%s\t%zu\t%s\t%s\t%s\t%s\t%s", names[q], cls,
                   ci.n_events[q], cells[0], cells[1], cells[2], cells[3],
                   cells[4]);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    exo_cuminc_release(&ci);
    return 0;
}

/* "YYYY-MM-DD" of 'day' in a static buffer, for one message. */
static const char *cdate_since(int32_t day)
{
    static char buf[11];
    exo_date_format(day, buf);
    return buf;
}

/* The hire cohort table: spells' censor days are their organisation's. */
static int print_cohorts(struct cli *cli, const struct surv_args *a,
                         const exo_retention_data *d, struct json_out *j)
{
    exo_err err = {0};
    exo_cohorts co = {0};
    exo_code code = exo_cohorts_compute(
        d->n_spells, d->spell_start, d->spell_end, d->spell_censor,
        a->has_since, a->since, a->cohort_unit, &co, &err);
    if (code)
        return cli_fail(cli, &err);
    if (j) {
        json_arr_open(j, "cohorts");
        for (size_t r = 0; r < co.n; r++) {
            const exo_cohort_row *c = &co.rows[r];
            json_obj_open(j, NULL);
            json_int(j, "year", c->year);
            if (c->quarter)
                json_int(j, "quarter", c->quarter);
            json_int(j, "hired", (long long)c->hired);
            for (int k = 0; k < EXO_COHORT_N_MONTHS; k++) {
                char key[32];
                snprintf(key, sizeof key, "observed_%dm", exo_cohort_months[k]);
                json_int(j, key, (long long)c->observed[k]);
                snprintf(key, sizeof key, "retained_%dm", exo_cohort_months[k]);
                json_int(j, key, (long long)c->retained[k]);
            }
            json_obj_close(j);
        }
        json_arr_close(j);
        json_int(j, "cohorts_hired_before_since", (long long)co.n_before);
        exo_cohorts_release(&co);
        return 0;
    }
    printf("Retention by hire %s (still employed 6, 12 and 24 months after "
           "the hire date, of those hired long enough ago to tell)\n",
           a->cohort_unit == EXO_COHORT_QUARTER ? "quarter" : "year");
    const char *headers[] = {"cohort", "hired", "6 months", "12 months",
                             "24 months"};
    struct table *t = table_new(5, headers);
    for (int c = 1; c < 5; c++)
        table_align_right(t, c);
    for (size_t r = 0; r < co.n; r++) {
        const exo_cohort_row *c = &co.rows[r];
        char name[16], cell[3][48];
        if (c->quarter)
            snprintf(name, sizeof name, "%dQ%d", c->year, c->quarter);
        else
            snprintf(name, sizeof name, "%d", c->year);
        for (int k = 0; k < EXO_COHORT_N_MONTHS; k++) {
            if (c->observed[k] == 0)
                snprintf(cell[k], sizeof cell[k], "-");
            else
                snprintf(cell[k], sizeof cell[k], "%.1f%% (%zu/%zu)",
                         100.0 * (double)c->retained[k] /
                             (double)c->observed[k],
                         c->retained[k], c->observed[k]);
        }
        table_rowf(t, "%s\t%zu\t%s\t%s\t%s", name, c->hired, cell[0], cell[1],
                   cell[2]);
    }
    table_print(t, stdout, "  ");
    table_free(t);
    if (co.n_before)
        printf("  (%zu spells begun before %s left out: their cohorts' "
               "earlier leavers are missing)\n",
               co.n_before, cdate_since(a->since));
    exo_cohorts_release(&co);
    return 0;
}

static int survival_store(struct cli *cli, const struct surv_args *a,
                          int n_orgs, char **orgs, struct json_out *j)
{
    exo_store *store = NULL;
    exo_err err = {0};
    int status = 0;
    exo_retention_data d = {0};
    char **canon = calloc((size_t)n_orgs, sizeof *canon);
    if (!canon) {
        fprintf(stderr, "exodus: survival: out of memory\n");
        return CLI_EXIT_NOMEM;
    }
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    for (int o = 0; o < n_orgs; o++)
        if (exo_org_resolve(store, orgs[o], &canon[o], &err)) {
            status = cli_fail(cli, &err);
            goto out;
        }
    exo_retention_opts ro = {.by = a->by,
                             .cohort_unit = a->cohort_unit,
                             .cox = a->cox,
                             .ref = a->ref,
                             .has_since = a->has_since,
                             .since = a->since,
                             .cause = a->cause,
                             /* the window every view uses (docs/hr.md) */
                             .since_first_departure = true};
    if (exo_retention_data_load(store, (const char *const *)canon,
                                (size_t)n_orgs, &ro, &d, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    char cdate[11];
    exo_date_format((int32_t)d.censor, cdate);
    if (j) {
        json_arr_open(j, "orgs");
        for (int o = 0; o < n_orgs; o++)
            json_str(j, NULL, canon[o]);
        json_arr_close(j);
        json_int(j, "spells", (long long)d.n_spells);
        json_date(j, "censored_at", (int32_t)d.censor);
        json_str(j, "time_unit", "days");
        if (d.has_since) {
            json_date(j, "observed_from", d.since);
            json_str(j, "observed_from_reason",
                     d.since_from_data
                         ? "the day before the first departure the "
                           "spells record"
                         : "--since");
        }
    } else {
        printf("%s", canon[0]);
        for (int o = 1; o < n_orgs; o++)
            printf(", %s", canon[o]);
        printf(": %zu spells, %zu departures (left or fired); tenure in "
               "years, open spells censored at %s%s\n",
               d.n_spells, d.n_departures, cdate,
               d.as_of ? " (the export's date, import --as-of)" : "");
        if (a->cause)
            printf("events: the %zu departure%s for %s (cause-specific: "
                   "the other departures are censored when they leave)\n",
                   d.n_cause_events, d.n_cause_events == 1 ? "" : "s",
                   a->cause);
    }
    for (size_t q = 0; !j && !cli->quiet && q < d.n_notes; q++)
        fprintf(stderr, "exodus: survival: note: %s\n", d.notes[q]);
    /* spells that start and end on one day have no risk interval */
    if (!j && d.p > 0 && d.n_skipped && !cli->quiet)
        fprintf(stderr,
                "exodus: survival: note: %zu spells of no length left out "
                "of the Cox model\n",
                d.n_skipped);
    if (d.has_since && !j && !cli->quiet)
        fprintf(stderr,
                "exodus: survival: note: observed from %s%s: %zu spells "
                "ended before and are left out; %zu enter late (hired before "
                "it)\n",
                cdate_since(d.since),
                d.since_from_data ? " (the day before the first departure "
                                    "the spells record; --since changes it)"
                                  : "",
                d.n_left_out, d.n_late);
    struct surv_input in = {.n = d.n,
                            .start = d.entry,
                            .stop = d.stop,
                            .event = d.event,
                            .group = d.group,
                            .n_groups = d.n_groups,
                            .group_names = d.group_names,
                            .cox_n = d.cox_n,
                            .p = d.p,
                            .cox_start = d.cox_start,
                            .cox_stop = d.cox_stop,
                            .x = d.x,
                            .cox_event = d.cox_event,
                            .strata = d.strata,
                            .terms = d.terms,
                            .days = true,
                            .contagion_term = d.contagion_term,
                            .window_days = d.window_days,
                            .strata_name = !d.strata ? NULL
                                           : strcmp(d.strata_by, "role") == 0
                                               ? "role (a baseline hazard per "
                                                 "job title, so the ratio does "
                                                 "not mix their base rates)"
                                               : "team (a baseline hazard per "
                                                 "team, so the ratio does not "
                                                 "mix their base rates)"};
    struct surv_args a2 = *a;
    if (!a2.has_at) {
        a2.has_at = true;
        a2.at = 730;
    }
    status = analyse(cli, &a2, &in, j);
    if (status == 0 && a->competing)
        status = print_competing(cli, d.n, d.entry, d.stop, d.cause,
                                 d.cause_names, d.n_causes, j);
    if (status == 0 && a->cohorts)
        status = print_cohorts(cli, a, &d, j);
out:
    for (int o = 0; o < n_orgs; o++)
        exo_free(canon[o]);
    free(canon);
    exo_retention_data_release(&d);
    exo_store_close(store);
    return status;
}

int cmd_survival(struct cli *cli, int argc, char **argv)
{
    struct surv_args a = {0};
    const char *arg, *at_text = NULL;
    int first, c, rc;
    while ((c = cli_next_opt(cli, survival_usage, survival_opts, argc, argv,
                             &arg, &first)) != -1) {
        switch (c) {
        case 0:
            a.data = arg;
            break;
        case 1:
            a.time = arg;
            break;
        case 2:
            a.event = arg;
            break;
        case 3:
            a.start = arg;
            break;
        case 4:
            a.by = arg;
            break;
        case 5:
            a.cox = arg;
            break;
        case 6:
            a.ref = arg;
            break;
        case 7:
            if (strcmp(arg, "efron") == 0)
                a.ties = EXO_TIES_EFRON;
            else if (strcmp(arg, "breslow") == 0)
                a.ties = EXO_TIES_BRESLOW;
            else
                return cli_usage_error(cli,
                                       "unknown --ties '%s' (expected "
                                       "efron or breslow)",
                                       arg);
            break;
        case 8:
            if (!exo_ci_type_parse(arg, &a.ci))
                return cli_usage_error(cli,
                                       "unknown --ci '%s' (expected log, "
                                       "log-log or plain)",
                                       arg);
            break;
        case 9:
            at_text = arg; /* its unit depends on --data, maybe later */
            a.has_at = true;
            break;
        case 10:
            if ((rc = cli_parse_double(cli, "rho", arg, &a.rho)))
                return rc;
            break;
        case 11:
            if ((rc = cli_parse_date(cli, "since", arg, &a.since)))
                return rc;
            a.has_since = true;
            break;
        case 12:
            a.cause = arg;
            break;
        case 13:
            a.competing = true;
            break;
        case 14:
            if (strcmp(arg, "year") == 0)
                a.cohort_unit = EXO_COHORT_YEAR;
            else if (strcmp(arg, "quarter") == 0)
                a.cohort_unit = EXO_COHORT_QUARTER;
            else
                return cli_usage_error(cli,
                                       "unknown --cohorts '%s' (expected "
                                       "year or quarter)",
                                       arg);
            a.cohorts = true;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (a.data ? argc - first != 0 : argc - first < 1) {
        cli_usage(stderr, survival_usage, survival_opts);
        return CLI_EXIT_USAGE;
    }
    if (!a.data && (a.time || a.event || a.start))
        return cli_usage_error(cli, "--time, --event and --start go with "
                                    "--data FILE");
    /* store: days, or a span as --horizon takes it (1y, 6m, 26w) */
    if (at_text &&
        (rc = a.data ? cli_parse_double(cli, "at", at_text, &a.at)
                     : cli_parse_span(cli, "at", at_text, true, &a.at)))
        return rc;
    if (a.data && (a.cause || a.competing || a.cohorts))
        return cli_usage_error(cli,
                               "--%s reads the store's spells (not "
                               "with --data)",
                               a.cause       ? "cause"
                               : a.competing ? "competing"
                                             : "cohorts");
    struct json_out j;
    if (cli->json)
        json_begin(&j, stdout);
    int status = a.data ? survival_data(cli, &a, cli->json ? &j : NULL)
                        : survival_store(cli, &a, argc - first, argv + first,
                                         cli->json ? &j : NULL);
    if (cli->json && status == 0)
        json_end(&j);
    return status;
}

static int show(struct cli *cli, const char *org, const exo_filter *window,
                const char *cox, bool competing, struct json_out *j)
{
    struct surv_args a = {0};
    a.competing = competing;
    char *orgs[1] = {(char *)org};
    a.ci = EXO_CI_LOG;
    a.ties = EXO_TIES_EFRON;
    a.cox = cox;
    if (window && window->has_since) {
        a.has_since = true;
        a.since = window->since;
    }
    return survival_store(cli, &a, 1, orgs, j);
}

int survival_show(struct cli *cli, const char *org, const exo_filter *window,
                  const char *cox, struct json_out *j)
{
    return show(cli, org, window, cox, false, j);
}

int survival_show_competing(struct cli *cli, const char *org,
                            const exo_filter *window, const char *cox,
                            struct json_out *j)
{
    return show(cli, org, window, cox, true, j);
}
