/*
 * view_survival.c - the retention section of one organisation: Kaplan-Meier
 * curves of tenure (overall, and by level when the spells carry more than
 * one), with R's log-transformed Greenwood intervals, and numbers at risk,
 * read from its employment spells exactly as 'exodus survival ORG
 * [--since DATE]' reads them: a departure is a spell ended by leaving or
 * being fired; open spells are censored at the export's date (import
 * --as-of), else at the latest date in the data;
 * observed from 'since', a spell begun earlier enters at its tenure that
 * day (delayed entry) and one that ended earlier is left out.
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

struct km_in {
    size_t n;
    double *entry, *stop;
    int *event, *group;
    const char *names[EXO_N_LEVELS + 1];
    size_t n_groups;
};

static void km_in_release(struct km_in *k)
{
    exo__free(k->entry);
    exo__free(k->stop);
    exo__free(k->event);
    exo__free(k->group);
}

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

exo_code exo__view_survival(exo_store *store, const char *org,
                            const exo_filter *filter, json_t **out,
                            exo_err *err)
{
    exo_spells sp = {0};
    struct km_in k;
    exo_km km[2];
    json_t *sec = NULL;
    exo_code rc;
    memset(&k, 0, sizeof k);
    memset(km, 0, sizeof km);
    *out = NULL;
    if ((rc = exo_spells_load(store, org, &sp, err)))
        return rc;
    if (sp.n == 0) {
        exo_spells_release(&sp);
        *out = json_null();
        return EXO_OK;
    }
    bool has_since = filter && filter->has_since;
    double since = has_since ? filter->since : 0.0;
    double censor = -EXO_INF;
    for (size_t i = 0; i < sp.n; i++) {
        censor = fmax(censor, sp.start[i]);
        if (!isnan(sp.end[i]))
            censor = fmax(censor, sp.end[i]);
    }
    if (sp.has_as_of) /* the export's date (import --as-of), as the CLI */
        censor = sp.as_of;
    k.entry = exo__calloc(sp.n, sizeof *k.entry);
    k.stop = exo__calloc(sp.n, sizeof *k.stop);
    k.event = exo__calloc(sp.n, sizeof *k.event);
    k.group = exo__calloc(sp.n, sizeof *k.group);
    if (!k.entry || !k.stop || !k.event || !k.group) {
        rc = exo__fail(err, EXO_ENOMEM, "allocating %zu spells", sp.n);
        goto out;
    }
    /* Groups: the levels present, in level order. */
    int level_group[EXO_N_LEVELS];
    bool present[EXO_N_LEVELS] = {false};
    for (size_t i = 0; i < sp.n; i++)
        present[sp.level[i]] = true;
    for (int l = 1; l <= EXO_N_LEVELS; l++) {
        int lv = l % EXO_N_LEVELS; /* EXO_LEVEL_NONE last */
        level_group[lv] = -1;
        if (present[lv]) {
            level_group[lv] = (int)k.n_groups;
            const char *nm = exo_level_name((exo_level)lv);
            k.names[k.n_groups++] = nm[0] ? nm : "level not recorded";
        }
    }
    size_t n_events = 0;
    for (size_t i = 0; i < sp.n; i++) {
        double end = isnan(sp.end[i]) ? censor : sp.end[i];
        double stop = end - sp.start[i];
        double entry = has_since ? fmax(0.0, since - sp.start[i]) : 0.0;
        if (stop <= entry)
            continue;
        k.entry[k.n] = entry;
        k.stop[k.n] = stop;
        k.event[k.n] =
            !isnan(sp.end[i]) && (sp.end_reason[i] == EXO_EVENT_LEFT ||
                                  sp.end_reason[i] == EXO_EVENT_FIRED);
        k.group[k.n] = level_group[sp.level[i]];
        n_events += (size_t)k.event[k.n];
        k.n++;
    }
    exo_km_opts ko = {EXO_CI_LOG, 0.95};
    if ((rc = exo_km_fit(k.n, has_since ? k.entry : NULL, k.stop, k.event, NULL,
                         1, &ko, &km[0], err)))
        goto out;
    if (k.n_groups > 1 &&
        (rc = exo_km_fit(k.n, has_since ? k.entry : NULL, k.stop, k.event,
                         k.group, k.n_groups, &ko, &km[1], err)))
        goto out;
    json_t *rows = json_array();
    bool ok = curve_rows(rows, "all", &km[0].curves[0]);
    for (size_t g = 0; k.n_groups > 1 && g < k.n_groups; g++)
        ok &= curve_rows(rows, k.names[g], &km[1].curves[g]);
    json_t *spec = exo__jparse(km_template), *datasets = json_object();
    ok &= exo__jset(datasets, "km", rows);
    ok &= exo__jset(spec, "datasets", datasets);
    /* Numbers at risk at whole years of tenure. */
    double max_t = 0.0;
    for (size_t i = 0; i < k.n; i++)
        max_t = fmax(max_t, k.stop[i]);
    static const double ticks[] = {0, 1, 2, 3, 5, 10, 15, 20, 25, 30, 40};
    size_t n_ticks = 0;
    while (n_ticks < sizeof ticks / sizeof ticks[0] &&
           ticks[n_ticks] * YEAR_DAYS <= max_t)
        n_ticks++;
    json_t *table = json_object(), *cols = json_array(), *trows = json_array();
    ok &= exo__jpush(cols, exo__jstr("group"));
    for (size_t j = 0; j < n_ticks; j++) {
        char h[32];
        snprintf(h, sizeof h, "%g y", ticks[j]);
        ok &= exo__jpush(cols, exo__jstr(h));
    }
    for (size_t g = 0; g <= (k.n_groups > 1 ? k.n_groups : 0); g++) {
        json_t *r = json_array();
        ok &= exo__jpush(r, exo__jstr(g == 0 ? "all" : k.names[g - 1]));
        for (size_t j = 0; j < n_ticks; j++) {
            double t = ticks[j] * YEAR_DAYS;
            json_int_t c = 0;
            for (size_t i = 0; i < k.n; i++)
                c += (g == 0 || k.group[i] == (int)g - 1) && k.entry[i] <= t &&
                     k.stop[i] > t;
            ok &= exo__jpush(r, json_integer(c));
        }
        ok &= exo__jpush(trows, r);
    }
    ok &= exo__jset(table, "title", exo__jstr("Numbers at risk"));
    ok &= exo__jset(table, "columns", cols);
    ok &= exo__jset(table, "rows", trows);
    char cd[11], sd[11], caption[600];
    exo_date_format((int32_t)censor, cd);
    exo_date_format((int32_t)since, sd);
    const exo_km_curve *all = &km[0].curves[0];
    char med[96];
    if (isfinite(all->median))
        snprintf(med, sizeof med, "median tenure %.2f years",
                 all->median / YEAR_DAYS);
    else
        snprintf(med, sizeof med, "median tenure not reached");
    snprintf(caption, sizeof caption,
             "Share of people still employed by tenure, with 95%% "
             "log-Greenwood bands. %zu spells, %zu departures (left or "
             "fired); open spells censored at %s%s%s; %s.",
             k.n, n_events, cd, has_since ? "; observed from " : "",
             has_since ? sd : "", med);
    json_t *chart = json_object(), *charts = json_array();
    ok &= exo__jset(chart, "id", exo__jstr("km"));
    ok &= exo__jset(chart, "title", exo__jstr("Retention (Kaplan-Meier)"));
    ok &= exo__jset(chart, "caption", exo__jstr(caption));
    ok &= exo__jset(chart, "spec", spec);
    ok &= exo__jpush(charts, chart);
    json_t *tables = json_array();
    ok &= exo__jpush(tables, table);
    sec = json_object();
    ok &= exo__jset(sec, "id", exo__jstr("survival"));
    ok &= exo__jset(sec, "title", exo__jstr("Retention"));
    ok &= exo__jset(sec, "charts", charts);
    ok &= exo__jset(sec, "tables", tables);
    ok &= exo__jset(sec, "notes", json_array());
    if (!ok) {
        json_decref(sec);
        sec = NULL;
        rc = exo__fail(err, EXO_ENOMEM, "building the retention section");
        goto out;
    }
    *out = sec;
out:
    exo_km_release(&km[0]);
    exo_km_release(&km[1]);
    km_in_release(&k);
    exo_spells_release(&sp);
    return rc;
}
