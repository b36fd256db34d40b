/*
 * view_survival.c - the retention section of one organisation, read from
 * its employment spells by exo_retention_data_load, the function 'exodus
 * survival ORG' calls, and fitted by the same models (exo_km_fit,
 * exo_cox_fit, exo_cuminc_fit, exo_cohorts_compute): Kaplan-Meier curves
 * of tenure overall, by level, by team and by hire year with R's
 * log-transformed Greenwood bands and numbers at risk; the hire cohort
 * table; reasons for leaving (counts and Aalen-Johansen cumulative
 * incidence); the Cox model of co-workers' departures (contagion(90)),
 * with and without a baseline per team and the calendar year. Observed from
 * 'since', or without it from the first departure the spells record (an export
 * shows the hires before that day but not the leavers), a spell begun earlier
 * enters at its tenure that day (delayed entry): the report and the
 * dashboard call this one function, so they show one median.
 * "numbers" holds the figures the views test compares with the CLI.
 */
#include "report/report.h"

#include <math.h>

#define YEAR_DAYS 365.25

static const char km_template[] =
    "{\"width\":\"container\",\"height\":260,"
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"data\":{\"name\":\"km\"},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"quantitative\","
    "\"title\":\"tenure (years)\"},"
    "\"color\":{\"field\":\"group\",\"type\":\"nominal\","
    "\"legend\":{\"title\":null,\"orient\":\"bottom\"}}},"
    "\"layer\":["
    "{\"mark\":{\"type\":\"area\",\"opacity\":0.18,"
    "\"interpolate\":\"step-after\"},"
    "\"encoding\":{\"y\":{\"field\":\"lo\",\"type\":\"quantitative\"},"
    "\"y2\":{\"field\":\"hi\"}}},"
    "{\"mark\":{\"type\":\"line\",\"interpolate\":\"step-after\","
    "\"strokeWidth\":1.6},"
    "\"encoding\":{\"y\":{\"field\":\"surv\",\"type\":\"quantitative\","
    "\"title\":\"still employed\",\"axis\":{\"format\":\"%\"}},"
    "\"tooltip\":[{\"field\":\"group\"},{\"field\":\"t\",\"title\":"
    "\"tenure (years)\",\"format\":\".2f\"},{\"field\":\"surv\",\"title\":"
    "\"retained\",\"format\":\".1%\"},{\"field\":\"lo\",\"title\":\"95% CI "
    "low\",\"format\":\".1%\"},{\"field\":\"hi\",\"title\":\"95% CI high\","
    "\"format\":\".1%\"},{\"field\":\"risk\",\"title\":\"at risk\"}]}}"
    "]}";

/* Rows of one curve, thinned to its steps: the start, each time with an
 * event, and the last time. */
static bool curve_rows(json_t *rows, const char *name, const exo_km_curve *c)
{
    bool ok = true;
    for (size_t i = 0; i <= c->n_times; i++) {
        bool first = i == 0, last = i == c->n_times;
        if (!first && !last && !(c->n_event[i - 1] > 0.0))
            continue;
        if (!first && !last && !isfinite(c->lower[i - 1]))
            continue;
        json_t *r = json_object();
        double t = first ? 0.0 : c->time[i - 1] / YEAR_DAYS;
        ok &= exo__jset(r, "group", exo__jstr(name));
        ok &= exo__jset(r, "t", exo__jnum(t));
        ok &= exo__jset(r, "surv", exo__jnum(first ? 1.0 : c->surv[i - 1]));
        ok &= exo__jset(r, "lo", exo__jnum(first ? 1.0 : c->lower[i - 1]));
        ok &= exo__jset(r, "hi", exo__jnum(first ? 1.0 : c->upper[i - 1]));
        ok &= exo__jset(
            r, "risk",
            json_integer(first ? (json_int_t)(c->n_times ? c->n_risk[0] : 0)
                               : (json_int_t)c->n_risk[i - 1]));
        ok &= exo__jpush(rows, r);
    }
    return ok;
}

/* Without "team=" or "cohort=": the label a legend shows. */
static const char *label(const char *name)
{
    const char *eq = strchr(name, '=');
    return eq ? eq + 1 : name;
}

/* The options of one reading: 'since' from the filter, else the data's. */
static void opts_for(const exo_filter *filter, const char *by, const char *cox,
                     exo_retention_opts *o)
{
    memset(o, 0, sizeof *o);
    o->by = by;
    o->cox = cox;
    o->cohort_unit = EXO_COHORT_YEAR;
    if (filter && filter->has_since) {
        o->has_since = true;
        o->since = (int32_t)filter->since;
    } else {
        o->since_first_departure = true;
    }
}

/* A chart of Kaplan-Meier curves ('rows' stolen). */
static json_t *km_chart(const char *id, const char *title, json_t *rows,
                        const char *caption)
{
    json_t *spec = exo__jparse(km_template), *datasets = json_object();
    bool ok = exo__jset(datasets, "km", rows);
    ok &= exo__jset(spec, "datasets", datasets);
    if (!ok) {
        json_decref(spec);
        return NULL;
    }
    return exo__chart(id, title, exo__jstr(caption), spec);
}

/*
 * The curves by 'by' (team, cohort or level) as a chart, and their n,
 * departures and median in 'numbers'. No chart (*chart NULL) when there is
 * only one group.
 */
static exo_code by_chart(exo_store *store, const char *org,
                         const exo_filter *filter, const char *by,
                         const char *title, const char *caption,
                         json_t *numbers, json_t **chart, exo_err *err)
{
    exo_retention_opts o;
    exo_retention_data d = {0};
    exo_km km = {0};
    exo_km_opts ko = {EXO_CI_LOG, 0.95};
    *chart = NULL;
    opts_for(filter, by, NULL, &o);
    exo_code rc = exo_retention_data_load(store, &org, 1, &o, &d, err);
    if (rc)
        return rc;
    if (d.n_groups < 2)
        goto out;
    if ((rc = exo_km_fit(d.n, d.entry, d.stop, d.event, d.group, d.n_groups,
                         &ko, &km, err)))
        goto out;
    json_t *rows = json_array();
    bool ok = rows != NULL;
    for (size_t g = 0; g < d.n_groups; g++) {
        const exo_km_curve *c = &km.curves[g];
        if (c->n == 0)
            continue;
        ok &= curve_rows(rows, label(d.group_names[g]), c);
        json_t *num = json_object();
        ok &= exo__jset(num, "by", exo__jstr(by));
        ok &= exo__jset(num, "group", exo__jstr(d.group_names[g]));
        ok &= exo__jset(num, "n", json_integer((json_int_t)c->n));
        ok &= exo__jset(num, "events", json_integer((json_int_t)c->n_events));
        ok &= exo__jset(num, "median", exo__jnum(c->median));
        ok &= exo__jpush(numbers, num);
    }
    if (ok)
        *chart = km_chart(by, title, rows, caption);
    else
        json_decref(rows);
    if (!ok || !*chart)
        rc = exo__fail(err, EXO_ENOMEM, "building the curves by %s", by);
out:
    exo_km_release(&km);
    exo_retention_data_release(&d);
    return rc;
}

/* Numbers at risk at whole years of tenure, overall and by group. */
static json_t *risk_table(const exo_retention_data *d, bool by_group)
{
    double max_t = 0.0;
    for (size_t i = 0; i < d->n; i++)
        max_t = fmax(max_t, d->stop[i]);
    static const double ticks[] = {0, 1, 2, 3, 5, 10, 15, 20, 25, 30, 40};
    size_t n_ticks = 0;
    while (n_ticks < sizeof ticks / sizeof ticks[0] &&
           ticks[n_ticks] * YEAR_DAYS <= max_t)
        n_ticks++;
    json_t *table = json_object(), *cols = json_array(), *trows = json_array();
    bool ok = exo__jpush(cols, exo__jstr("group"));
    for (size_t j = 0; j < n_ticks; j++)
        ok &= exo__jpush(cols, exo__jfmt("%g y", ticks[j]));
    size_t n_rows = by_group ? d->n_groups + 1 : 1;
    for (size_t g = 0; g < n_rows; g++) {
        json_t *r = json_array();
        ok &= exo__jpush(
            r, exo__jstr(g == 0 ? "all" : label(d->group_names[g - 1])));
        for (size_t j = 0; j < n_ticks; j++) {
            double t = ticks[j] * YEAR_DAYS;
            json_int_t c = 0;
            for (size_t i = 0; i < d->n; i++)
                c += (g == 0 || d->group[i] == (int)g - 1) &&
                     (d->entry ? d->entry[i] : 0.0) <= t && d->stop[i] > t;
            ok &= exo__jpush(r, json_integer(c));
        }
        ok &= exo__jpush(trows, r);
    }
    ok &= exo__jset(table, "title", exo__jstr("Numbers at risk"));
    ok &= exo__jset(table, "columns", cols);
    ok &= exo__jset(table, "rows", trows);
    if (!ok) {
        json_decref(table);
        return NULL;
    }
    return table;
}

static const char cif_template[] =
    "{\"width\":\"container\",\"height\":240,"
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"data\":{\"name\":\"cif\"},"
    "\"mark\":{\"type\":\"line\",\"interpolate\":\"step-after\","
    "\"strokeWidth\":1.6},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"quantitative\","
    "\"title\":\"tenure (years)\"},"
    "\"y\":{\"field\":\"cif\",\"type\":\"quantitative\","
    "\"title\":\"gone for this reason\",\"axis\":{\"format\":\"%\"}},"
    "\"color\":{\"field\":\"reason\",\"type\":\"nominal\","
    "\"legend\":{\"title\":null,\"orient\":\"bottom\"}},"
    "\"tooltip\":[{\"field\":\"reason\"},{\"field\":\"t\",\"title\":"
    "\"tenure (years)\",\"format\":\".2f\"},{\"field\":\"cif\",\"title\":"
    "\"cumulative incidence\",\"format\":\".1%\"}]}}";

/* The class of a cause: a reason's, or fired's; "not given" for left. */
static const char *cause_class(const char *name)
{
    exo_reason r;
    if (exo_reason_parse(name, &r))
        return exo_reason_voluntary(r) ? "voluntary" : "involuntary";
    return strcmp(name, "fired") == 0 ? "involuntary" : "not given";
}

static const double cif_years[] = {1, 2, 5, 10, 20};
#define N_CIF_YEARS (sizeof cif_years / sizeof cif_years[0])

/* Reasons for leaving: the table of counts and cumulative incidence, the
 * chart of the curves, and the figures in 'numbers'. */
static exo_code reasons(const exo_retention_data *d, json_t *charts,
                        json_t *tables, json_t *numbers, exo_err *err)
{
    exo_cuminc ci = {0};
    int *c = exo__calloc(d->n ? d->n : 1, sizeof *c);
    if (!c)
        return exo__fail(err, EXO_ENOMEM, "allocating %zu rows", d->n);
    double last = 0;
    for (size_t i = 0; i < d->n; i++) {
        c[i] = d->cause[i] + 1; /* -1, censored, becomes 0 */
        last = fmax(last, d->stop[i]);
    }
    exo_code rc =
        exo_cuminc_fit(d->n, d->entry, d->stop, c, d->n_causes, &ci, err);
    exo__free(c);
    if (rc)
        return rc;
    json_t *rows = json_array(), *trows = json_array(), *cols = json_array();
    bool ok = rows && trows && cols;
    static const char *const heads[] = {"reason", "class", "departures"};
    for (size_t h = 0; h < 3; h++)
        ok &= exo__jpush(cols, exo__jstr(heads[h]));
    for (size_t y = 0; y < N_CIF_YEARS; y++)
        ok &= exo__jpush(cols, exo__jfmt("%g y", cif_years[y]));
    for (size_t q = 0; q < d->n_causes; q++) {
        const char *name = d->cause_names[q];
        json_t *r = json_array(), *num = json_object(), *at = json_object();
        ok &= exo__jpush(r, exo__jstr(name));
        ok &= exo__jpush(r, exo__jstr(cause_class(name)));
        ok &= exo__jpush(r, json_integer((json_int_t)ci.n_events[q]));
        for (size_t y = 0; y < N_CIF_YEARS; y++) {
            double t = cif_years[y] * YEAR_DAYS;
            double v = t > last ? EXO_NAN : exo_cuminc_at(&ci, q, t);
            ok &= exo__jpush(r, isfinite(v) ? exo__jfmt("%.1f%%", 100 * v)
                                            : exo__jstr("NA"));
            char key[16];
            snprintf(key, sizeof key, "%gy", cif_years[y]);
            ok &= exo__jset(at, key, exo__jnum(v));
        }
        ok &= exo__jpush(trows, r);
        ok &= exo__jset(num, "cause", exo__jstr(name));
        ok &=
            exo__jset(num, "events", json_integer((json_int_t)ci.n_events[q]));
        ok &= exo__jset(num, "cif", at);
        ok &= exo__jpush(numbers, num);
        /* the curve, thinned to its steps */
        json_t *p0 = json_object();
        ok &= exo__jset(p0, "reason", exo__jstr(name));
        ok &= exo__jset(p0, "t", exo__jnum(0.0));
        ok &= exo__jset(p0, "cif", exo__jnum(0.0));
        ok &= exo__jpush(rows, p0);
        double prev = 0.0;
        for (size_t j = 0; j < ci.n_times; j++) {
            double v = ci.cif[q * ci.n_times + j];
            if (v == prev && j + 1 < ci.n_times)
                continue;
            prev = v;
            json_t *pt = json_object();
            ok &= exo__jset(pt, "reason", exo__jstr(name));
            ok &= exo__jset(pt, "t", exo__jnum(ci.time[j] / YEAR_DAYS));
            ok &= exo__jset(pt, "cif", exo__jnum(v));
            ok &= exo__jpush(rows, pt);
        }
    }
    json_t *table = json_object();
    ok &= exo__jset(table, "title",
                    exo__jstr("Reasons for leaving: departures and the "
                              "cumulative incidence by tenure"));
    ok &= exo__jset(table, "columns", cols);
    ok &= exo__jset(table, "rows", trows);
    ok &= exo__jpush(tables, table);
    json_t *spec = exo__jparse(cif_template), *datasets = json_object();
    ok &= exo__jset(datasets, "cif", rows);
    ok &= exo__jset(spec, "datasets", datasets);
    ok &= exo__jpush(
        charts,
        exo__chart("cuminc", "Reasons for leaving (cumulative incidence)",
                   exo__jstr("The share of a cohort gone for each reason by "
                             "each tenure, the other reasons competing "
                             "(Aalen-Johansen, as R's survfit with a "
                             "multi-state Surv); the curves add up to one "
                             "minus the retention curve."),
                   spec));
    exo_cuminc_release(&ci);
    return ok ? EXO_OK
              : exo__fail(err, EXO_ENOMEM, "building the reasons for leaving");
}

/* The hire cohort table (retained at 6, 12 and 24 months by hire year). */
static exo_code cohort_table(const exo_retention_data *d, json_t *tables,
                             json_t *numbers, exo_err *err)
{
    exo_cohorts co = {0};
    exo_code rc = exo_cohorts_compute(d->n_spells, d->spell_start, d->spell_end,
                                      d->spell_censor, d->has_since, d->since,
                                      EXO_COHORT_YEAR, &co, err);
    if (rc)
        return rc;
    json_t *table = json_object(), *cols = json_array(), *trows = json_array();
    static const char *const heads[] = {"hired in", "hired", "6 months",
                                        "12 months", "24 months"};
    bool ok = table && cols && trows;
    for (size_t h = 0; h < 5; h++)
        ok &= exo__jpush(cols, exo__jstr(heads[h]));
    for (size_t r = 0; r < co.n; r++) {
        const exo_cohort_row *c = &co.rows[r];
        json_t *row = json_array(), *num = json_object();
        ok &= exo__jpush(row, exo__jfmt("%d", c->year));
        ok &= exo__jpush(row, json_integer((json_int_t)c->hired));
        ok &= exo__jset(num, "year", json_integer(c->year));
        ok &= exo__jset(num, "hired", json_integer((json_int_t)c->hired));
        for (int k = 0; k < EXO_COHORT_N_MONTHS; k++) {
            if (c->observed[k] == 0)
                ok &= exo__jpush(row, exo__jstr("-"));
            else
                ok &=
                    exo__jpush(row, exo__jfmt("%.1f%% (%zu/%zu)",
                                              100.0 * (double)c->retained[k] /
                                                  (double)c->observed[k],
                                              c->retained[k], c->observed[k]));
            char key[32];
            snprintf(key, sizeof key, "observed_%dm", exo_cohort_months[k]);
            ok &= exo__jset(num, key, json_integer((json_int_t)c->observed[k]));
            snprintf(key, sizeof key, "retained_%dm", exo_cohort_months[k]);
            ok &= exo__jset(num, key, json_integer((json_int_t)c->retained[k]));
        }
        ok &= exo__jpush(trows, row);
        ok &= exo__jpush(numbers, num);
    }
    ok &= exo__jset(table, "title",
                    exo__jstr("Retention by hire year: still employed 6, 12 "
                              "and 24 months after the hire date, of those "
                              "hired long enough ago to tell"));
    ok &= exo__jset(table, "columns", cols);
    ok &= exo__jset(table, "rows", trows);
    ok &= exo__jpush(tables, table);
    exo_cohorts_release(&co);
    return ok ? EXO_OK
              : exo__fail(err, EXO_ENOMEM, "building the cohort table");
}

static void fmt_p(char *buf, size_t size, double p)
{
    if (!isfinite(p))
        snprintf(buf, size, "NA");
    else if (p < 1e-16)
        snprintf(buf, size, "<1e-16");
    else
        snprintf(buf, size, "%.2g", p);
}

/*
 * The contagion Cox model as 'exodus survival ORG --cox FORMULA' fits it
 * (Efron ties), one table row per term, and the fit in 'numbers'.
 */
static exo_code cox_rows(exo_store *store, const char *org,
                         const exo_filter *filter, const char *formula,
                         json_t *trows, json_t *numbers, exo_err *err)
{
    exo_retention_opts o;
    exo_retention_data d = {0};
    exo_cox fit = {0};
    opts_for(filter, NULL, formula, &o);
    exo_code rc = exo_retention_data_load(store, &org, 1, &o, &d, err);
    if (rc)
        return rc;
    /* the table shows no concordance: its pairs are not counted */
    exo_cox_opts co = {.ties = EXO_TIES_EFRON,
                       .no_concordance = true,
                       .names = (const char *const *)d.terms};
    if ((rc = exo_cox_fit(d.cox_n, d.p, d.cox_start, d.cox_stop, d.cox_event,
                          d.x, d.strata, &co, &fit, err)))
        goto out;
    json_t *num = json_object(), *terms = json_array(), *coef = json_array(),
           *se = json_array(), *pv = json_array();
    bool ok = num && terms && coef && se && pv;
    for (size_t k = 0; k < fit.p; k++) {
        char ci[64], p[32];
        snprintf(ci, sizeof ci, "%.4f - %.4f", fit.hr_lower[k],
                 fit.hr_upper[k]);
        fmt_p(p, sizeof p, fit.p_value[k]);
        json_t *r = json_array();
        ok &= exo__jpush(r, exo__jstr(formula));
        ok &= exo__jpush(r, exo__jstr(d.terms[k]));
        ok &= exo__jpush(r, exo__jfmt("%.4f", fit.hr[k]));
        ok &= exo__jpush(r, exo__jstr(ci));
        ok &= exo__jpush(r, exo__jfmt("%.4f", fit.se[k]));
        ok &= exo__jpush(r, exo__jstr(p));
        ok &= exo__jpush(r, json_integer((json_int_t)fit.n_events));
        ok &= exo__jpush(trows, r);
        ok &= exo__jpush(terms, exo__jstr(d.terms[k]));
        ok &= exo__jpush(coef, exo__jnum(fit.coef[k]));
        ok &= exo__jpush(se, exo__jnum(fit.se[k]));
        ok &= exo__jpush(pv, exo__jnum(fit.p_value[k]));
    }
    ok &= exo__jset(num, "formula", exo__jstr(formula));
    ok &= exo__jset(num, "n", json_integer((json_int_t)fit.n));
    ok &= exo__jset(num, "nevent", json_integer((json_int_t)fit.n_events));
    ok &= exo__jset(num, "terms", terms);
    ok &= exo__jset(num, "coef", coef);
    ok &= exo__jset(num, "se", se);
    ok &= exo__jset(num, "p", pv);
    ok &= exo__jset(num, "loglik", exo__jnum(fit.loglik));
    ok &= exo__jpush(numbers, num);
    if (!ok)
        rc = exo__fail(err, EXO_ENOMEM, "building the Cox table");
out:
    exo_cox_release(&fit);
    exo_retention_data_release(&d);
    return rc;
}

exo_code exo__view_survival(exo_store *store, const char *org,
                            const exo_filter *filter, json_t **out,
                            exo_err *err)
{
    exo_retention_opts o;
    exo_retention_data d = {0};
    exo_km km = {0};
    exo_km_opts ko = {EXO_CI_LOG, 0.95};
    json_t *sec = json_object(), *charts = json_array(), *tables = json_array();
    json_t *notes = json_array(), *numbers = json_object();
    json_t *nkm = json_array(), *ncox = json_array(), *ncif = json_array();
    json_t *ncoh = json_array();
    json_t *ctable = NULL, *ccols = NULL, *crows = NULL; /* the Cox table */
    exo_code rc;
    *out = NULL;
    bool ok = sec && charts && tables && notes && numbers && nkm && ncox &&
              ncif && ncoh;
    if (!ok) {
        rc = exo__fail(err, EXO_ENOMEM, "building the retention section");
        goto out;
    }
    opts_for(filter, "level", NULL, &o);
    rc = exo_retention_data_load(store, &org, 1, &o, &d, err);
    if (rc == EXO_ENOTFOUND) { /* no spells: no section */
        if (err)
            *err = (exo_err){0};
        *out = json_null();
        rc = EXO_OK;
        goto out;
    }
    if (rc)
        goto out;
    /* overall, and by level when the spells record more than one */
    bool by_level = d.n_groups > 1;
    if ((rc = exo_km_fit(d.n, d.entry, d.stop, d.event,
                         by_level ? d.group : NULL, by_level ? d.n_groups : 1,
                         &ko, &km, err)))
        goto out;
    exo_km all = {0};
    if ((rc = exo_km_fit(d.n, d.entry, d.stop, d.event, NULL, 1, &ko, &all,
                         err)))
        goto out;
    json_t *rows = json_array();
    ok &= curve_rows(rows, "all", &all.curves[0]);
    for (size_t g = 0; by_level && g < d.n_groups; g++) {
        const char *nm = label(d.group_names[g]);
        ok &= curve_rows(rows, strcmp(nm, "(none)") ? nm : "level not recorded",
                         &km.curves[g]);
    }
    const exo_km_curve *c = &all.curves[0];
    json_t *n0 = json_object();
    ok &= exo__jset(n0, "by", exo__jstr("all"));
    ok &= exo__jset(n0, "group", exo__jstr("all"));
    ok &= exo__jset(n0, "n", json_integer((json_int_t)c->n));
    ok &= exo__jset(n0, "events", json_integer((json_int_t)c->n_events));
    ok &= exo__jset(n0, "median", exo__jnum(c->median));
    ok &= exo__jpush(nkm, n0);
    char cd[11], sd[11], caption[700], obs[300] = "", med[96];
    exo_date_format((int32_t)d.censor, cd);
    exo_date_format(d.since, sd);
    if (d.has_since)
        snprintf(obs, sizeof obs,
                 "; observed from %s (%s): %zu spells ended before it are "
                 "not counted and %zu hired before it enter at their tenure "
                 "that day",
                 sd,
                 d.since_from_data
                     ? "the day before the first departure the spells "
                       "record: before it the export shows the hires, not "
                       "the leavers"
                     : "since",
                 d.n_left_out, d.n_late);
    if (isfinite(c->median))
        snprintf(med, sizeof med, "median tenure %.2f years",
                 c->median / YEAR_DAYS);
    else
        snprintf(med, sizeof med, "median tenure not reached");
    snprintf(caption, sizeof caption,
             "Share of people still employed by tenure, with 95%% "
             "log-Greenwood bands. %zu spells, %zu departures (left or "
             "fired); open spells censored at %s%s; %s.",
             d.n, (size_t)c->n_events, cd, obs, med);
    exo_km_release(&all);
    json_t *chart = km_chart("km", "Retention (Kaplan-Meier)", rows, caption);
    ok &= exo__jpush(charts, chart);
    ok &= exo__jpush(tables, risk_table(&d, by_level));
    ok &=
        exo__jset(numbers, "since", d.has_since ? exo__jstr(sd) : json_null());
    ok &=
        exo__jset(numbers, "since_from_data", json_boolean(d.since_from_data));
    ok &= exo__jset(numbers, "censored_at", exo__jstr(cd));
    if (!ok) {
        rc = exo__fail(err, EXO_ENOMEM, "building the retention section");
        goto out;
    }
    /* by team and by hire year, when there is more than one */
    json_t *ch = NULL;
    if ((rc = by_chart(store, org, filter, "team", "Retention by team",
                       "Each team's share still employed by tenure, with 95% "
                       "log-Greenwood bands, observed as the overall curve.",
                       nkm, &ch, err)))
        goto out;
    if (ch)
        ok &= exo__jpush(charts, ch);
    if ((rc = by_chart(store, org, filter, "cohort", "Retention by hire year",
                       "Each hire year's share still employed by tenure, "
                       "with 95% log-Greenwood bands; hires from before the "
                       "observation start enter at their tenure then.",
                       nkm, &ch, err)))
        goto out;
    if (ch)
        ok &= exo__jpush(charts, ch);
    if ((rc = cohort_table(&d, tables, ncoh, err)))
        goto out;
    /* reasons for leaving */
    if (d.n_causes > 0 && (rc = reasons(&d, charts, tables, ncif, err)))
        goto out;
    /* the contagion Cox model, with and without a baseline per team */
    bool has_team = false;
    exo_retention_data t = {0};
    exo_retention_opts to;
    opts_for(filter, "team", NULL, &to);
    if ((rc = exo_retention_data_load(store, &org, 1, &to, &t, err)))
        goto out;
    for (size_t g = 0; g < t.n_groups; g++)
        has_team |= strcmp(t.group_names[g], "team=(none)") != 0;
    exo_retention_data_release(&t);
    ctable = json_object();
    ccols = json_array();
    crows = json_array();
    static const char *const cheads[] = {"model", "term", "HR",        "95% CI",
                                         "SE",    "p",    "departures"};
    for (size_t h = 0; h < 7; h++)
        ok &= exo__jpush(ccols, exo__jstr(cheads[h]));
    /* Without and with a baseline per team, then also adjusted for the
     * calendar year (a rate that drifts over the years). */
    static const char *const models[] = {
        "contagion(90)", "contagion(90) + year", "contagion(90) + strata(team)",
        "contagion(90) + year + strata(team)"};
    for (size_t k = 0; d.n_departures > 0 && k < (has_team ? 4u : 2u); k++) {
        exo_err e = {0};
        /* A model the data cannot fit (too few departures, monotone
         * likelihood) is said, not a failed page. */
        rc = cox_rows(store, org, filter, models[k], crows, ncox, &e);
        if (rc == EXO_ENOMEM || rc == EXO_ESTORE || rc == EXO_EINTERNAL) {
            if (err)
                *err = e;
            goto out;
        }
        if (rc) {
            char msg[sizeof e.msg];
            exo_err_format(&e, msg, sizeof msg);
            ok &= exo__jpush(notes, exo__jfmt("The Cox model %s cannot be "
                                              "fitted here: %s",
                                              models[k], msg));
            rc = EXO_OK;
        }
    }
    if (json_array_size(crows) > 0) {
        ok &= exo__jset(ctable, "title",
                        exo__jstr("Contagion: co-workers' departures and the "
                                  "hazard of leaving (Cox, Efron ties)"));
        ok &= exo__jset(ctable, "columns", ccols);
        ok &= exo__jset(ctable, "rows", crows);
        ok &= exo__jpush(tables, ctable);
        ok &= exo__jpush(
            notes,
            exo__jstr(has_team
                          ? "contagion(90) counts the departures of the same "
                            "team's co-workers in the 90 days before each "
                            "risk interval; its hazard ratio is what one "
                            "more such departure multiplies the hazard of "
                            "leaving by. With strata(team) each team has its "
                            "own baseline hazard, so a ratio above one is "
                            "not just departments leaving at different rates; "
                            "year adds the calendar year of each risk "
                            "interval, for a rate that drifts over the years "
                            "(exodus survival ORG --cox \"contagion(90) + "
                            "year + strata(team)\")."
                          : "contagion(90) counts co-workers' departures in "
                            "the 90 days before each risk interval; its "
                            "hazard ratio is what one more such departure "
                            "multiplies the hazard of leaving by; year adds "
                            "the calendar year of each risk interval (no team "
                            "is recorded, so no per-team baseline)."));
        ctable = ccols = crows = NULL; /* the page's now */
    }
    ok &= exo__jset(numbers, "km", nkm);
    ok &= exo__jset(numbers, "cox", ncox);
    ok &= exo__jset(numbers, "cuminc", ncif);
    ok &= exo__jset(numbers, "cohorts", ncoh);
    nkm = ncox = ncif = ncoh = NULL;
    ok &= exo__jset(sec, "id", exo__jstr("survival"));
    ok &= exo__jset(sec, "title", exo__jstr("Retention"));
    ok &= exo__jset(sec, "charts", charts);
    ok &= exo__jset(sec, "tables", tables);
    ok &= exo__jset(sec, "notes", notes);
    ok &= exo__jset(sec, "numbers", numbers);
    charts = tables = notes = numbers = NULL;
    if (!ok) {
        rc = exo__fail(err, EXO_ENOMEM, "building the retention section");
        goto out;
    }
    *out = sec;
    sec = NULL;
out:
    json_decref(ctable);
    json_decref(ccols);
    json_decref(crows);
    json_decref(sec);
    json_decref(charts);
    json_decref(tables);
    json_decref(notes);
    json_decref(numbers);
    json_decref(nkm);
    json_decref(ncox);
    json_decref(ncif);
    json_decref(ncoh);
    exo_km_release(&km);
    exo_retention_data_release(&d);
    return rc;
}
