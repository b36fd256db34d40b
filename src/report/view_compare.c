/*
 * view_compare.c - the comparison section: organisations side by side as
 * 'exodus compare' shows them (exo_comparison_load decides every figure),
 * with a chart of departures per year, one of the valuation path, and the
 * table. The report shows it twice when an as-of date is given: then, and
 * now.
 */
#include <math.h>
#include <string.h>

#include "report/report.h"

static const char years_template[] =
    "{\"width\":\"container\","
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"height\":220,\"data\":{\"name\":\"years\"},"
    "\"mark\":{\"type\":\"bar\"},"
    "\"encoding\":{\"x\":{\"field\":\"year\",\"type\":\"ordinal\","
    "\"title\":null},"
    "\"xOffset\":{\"field\":\"org\"},"
    "\"y\":{\"field\":\"departures\",\"type\":\"quantitative\","
    "\"title\":\"departures recorded\"},"
    "\"color\":{\"field\":\"org\",\"type\":\"nominal\","
    "\"legend\":{\"title\":null,\"orient\":\"bottom\"}},"
    "\"tooltip\":[{\"field\":\"org\",\"title\":\"organisation\"},"
    "{\"field\":\"year\",\"title\":\"year\"},"
    "{\"field\":\"departures\",\"type\":\"quantitative\"},"
    "{\"field\":\"arrivals\",\"type\":\"quantitative\"}]}}";

static const char valuation_template[] =
    "{\"width\":\"container\","
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"height\":220,\"data\":{\"name\":\"valuations\"},"
    "\"mark\":{\"type\":\"line\",\"point\":true},"
    "\"encoding\":{\"x\":{\"field\":\"date\",\"type\":\"temporal\","
    "\"title\":null},"
    "\"y\":{\"field\":\"usd\",\"type\":\"quantitative\","
    "\"scale\":{\"type\":\"log\"},\"title\":\"valuation (USD, log scale)\"},"
    "\"color\":{\"field\":\"org\",\"type\":\"nominal\","
    "\"legend\":{\"title\":null,\"orient\":\"bottom\"}},"
    "\"tooltip\":[{\"field\":\"org\",\"title\":\"organisation\"},"
    "{\"field\":\"date\",\"type\":\"temporal\"},"
    "{\"field\":\"label\",\"title\":\"valuation\"}]}}";

/* A chart of the template with its one data set. */
static json_t *chart_with(const char *tmpl, const char *name, json_t *rows)
{
    json_t *spec = exo__jparse(tmpl), *data = json_object();
    bool ok = spec && data && rows;
    ok &= exo__jset(data, name, rows);
    rows = NULL;
    ok &= exo__jset(spec, "datasets", data);
    data = NULL;
    if (!ok) {
        json_decref(spec);
        json_decref(data);
        json_decref(rows);
        return NULL;
    }
    return spec;
}

static json_t *years_rows(const exo_comparison *c)
{
    json_t *rows = json_array();
    bool ok = rows != NULL;
    for (size_t i = 0; ok && i < c->n; i++) {
        const exo_comparison_org *o = &c->orgs[i];
        for (size_t k = 0; ok && k < o->n_years; k++) {
            json_t *r = json_object();
            ok &= exo__jset(r, "org", exo__jstr(o->org));
            ok &= exo__jset(r, "year", exo__jfmt("%d", o->first_year + (int)k));
            ok &= exo__jset(r, "departures",
                            json_integer((json_int_t)o->departures[k]));
            ok &= exo__jset(r, "arrivals",
                            json_integer((json_int_t)o->arrivals[k]));
            ok &= exo__jpush(rows, r);
        }
    }
    if (!ok) {
        json_decref(rows);
        return NULL;
    }
    return rows;
}

static json_t *valuation_rows(const exo_comparison *c, size_t *n)
{
    json_t *rows = json_array();
    bool ok = rows != NULL;
    *n = 0;
    for (size_t i = 0; ok && i < c->n; i++) {
        const exo_comparison_org *o = &c->orgs[i];
        for (size_t k = 0; ok && k < o->n_valuations; k++) {
            char d[11], v[32];
            exo_date_format(o->valuation_dates[k].days, d);
            json_t *r = json_object();
            ok &= exo__jset(r, "org", exo__jstr(o->org));
            ok &= exo__jset(r, "date", exo__jstr(d));
            ok &= exo__jset(r, "usd", exo__jnum(o->valuations[k]));
            ok &= exo__jset(r, "label",
                            exo__jstr(exo_usd_format(o->valuations[k], v)));
            ok &= exo__jpush(rows, r);
            (*n)++;
        }
    }
    if (!ok) {
        json_decref(rows);
        return NULL;
    }
    return rows;
}

/* "2024-10-02 4.2%, 2025-03-31 13.3%", or "-" with no priced round. */
static json_t *dilution_text(const exo_comparison_org *o)
{
    char b[256] = "";
    size_t len = 0;
    for (size_t k = 0; k < o->n_rounds; k++) {
        const exo_round *r = &o->rounds[k];
        if (isnan(r->dilution))
            continue;
        char d[11];
        exo_date_format(r->date.days, d);
        int w = snprintf(b + len, sizeof b - len, "%s%s %.1f%%",
                         len ? ", " : "", d, 100.0 * r->dilution);
        if (w < 0 || (size_t)w >= sizeof b - len)
            break;
        len += (size_t)w;
    }
    return exo__jstr(len ? b : "-");
}

/* One table row: a label and a cell per organisation. */
static bool push_cells(json_t *rows, const char *label, json_t *cells)
{
    json_t *r = json_array();
    bool ok = r && cells && exo__jpush(r, exo__jstr(label));
    for (size_t i = 0; ok && i < json_array_size(cells); i++)
        ok &= exo__jpush(r, json_incref(json_array_get(cells, i)));
    json_decref(cells);
    return ok && exo__jpush(rows, r);
}

static json_t *side_table(const exo_comparison *c)
{
    json_t *t = json_object(), *cols = json_array(), *rows = json_array();
    bool ok = t && cols && rows && exo__jpush(cols, exo__jstr(""));
    for (size_t i = 0; ok && i < c->n; i++)
        ok &= exo__jpush(cols, exo__jstr(c->orgs[i].org));
    json_t *cells;
#define ROW(label, EXPR)                                                       \
    do {                                                                       \
        cells = json_array();                                                  \
        for (size_t i = 0; ok && i < c->n; i++) {                              \
            const exo_comparison_org *o = &c->orgs[i];                         \
            (void)o;                                                           \
            ok &= exo__jpush(cells, (EXPR));                                   \
        }                                                                      \
        ok &= push_cells(rows, (label), cells);                                \
    } while (0)
    ROW("departures", json_integer((json_int_t)o->total_departures));
    ROW("arrivals", json_integer((json_int_t)o->total_arrivals));
    ROW("founders and executives who left",
        json_integer((json_int_t)o->senior_departures));
    ROW("departures per head",
        o->has_headcount
            ? exo__jfmt("%.1f%% a year of %.0f", 100.0 * o->attrition_annual,
                        o->headcount_avg)
            : exo__jstr("no headcount"));
    for (int f = 1; f <= EXO_N_FUNCTIONS; f++) {
        exo_function fn = (exo_function)(f % EXO_N_FUNCTIONS);
        char label[64];
        snprintf(label, sizeof label, "departures: %s (inferred from role)",
                 exo_function_name(fn));
        ROW(label, json_integer((json_int_t)o->by_function[fn]));
    }
    ROW("founders remaining",
        exo__jfmt("%zu of %zu", o->founders_remaining, o->founders));
    ROW("executives remaining",
        exo__jfmt("%zu of %zu", o->execs_remaining, o->execs));
    for (size_t j = 0; j <= c->n; j++) {
        char label[200];
        snprintf(label, sizeof label, "departures to %s",
                 j < c->n ? c->orgs[j].org : "elsewhere or unknown");
        size_t jj = j;
        cells = json_array();
        for (size_t i = 0; ok && i < c->n; i++)
            ok &= exo__jpush(
                cells,
                i == jj
                    ? exo__jstr("-")
                    : json_integer((json_int_t)c->flows[i * (c->n + 1) + jj]));
        ok &= push_cells(rows, label, cells);
    }
    ROW("spiral verdict",
        exo__jstr(o->spiral ? o->spiral->verdict.label : "-"));
    ROW("branching n (95% CI)",
        o->spiral && o->spiral->has_fit
            ? (isfinite(o->spiral->n_hi)
                   ? exo__jfmt("%.2f (%.2f-%.2f)", o->spiral->n,
                               o->spiral->n_lo, o->spiral->n_hi)
                   : exo__jfmt("%.2f (%.2f-unbounded)", o->spiral->n,
                               o->spiral->n_lo))
            : exo__jstr("-"));
    ROW("dilution per priced round", dilution_text(o));
    for (size_t h = 0; h < 2; h++) {
        bool any = false;
        for (size_t i = 0; i < c->n; i++)
            any |= c->orgs[i].n_backtests > h;
        if (!any)
            continue;
        ROW(h ? "next 12 months: forecast (80%) and recorded"
              : "next 6 months: forecast (80%) and recorded",
            o->n_backtests > h ? exo__jfmt("%.0f (%.0f-%.0f); recorded %zu",
                                           o->backtests[h].forecast.median,
                                           o->backtests[h].forecast.lo80,
                                           o->backtests[h].forecast.hi80,
                                           o->backtests[h].observed)
                               : exo__jstr("-"));
    }
#undef ROW
    ok &= exo__jset(t, "title", exo__jstr("Side by side"));
    ok &= exo__jset(t, "columns", cols);
    cols = NULL;
    ok &= exo__jset(t, "rows", rows);
    rows = NULL;
    if (!ok) {
        json_decref(t);
        json_decref(cols);
        json_decref(rows);
        return NULL;
    }
    return t;
}

static json_t *compare_section(const exo_comparison *c, const char *id)
{
    char when[11], title[200];
    exo_date_format(c->has_as_of ? c->as_of : c->data_end, when);
    size_t len = 0;
    for (size_t i = 0; i < c->n && len < sizeof title; i++)
        len += (size_t)snprintf(title + len, sizeof title - len, "%s%s",
                                i == 0          ? ""
                                : i + 1 == c->n ? " and "
                                                : ", ",
                                c->orgs[i].org);
    json_t *sec = json_object(), *charts = json_array(), *tables = json_array();
    json_t *notes = json_array();
    bool ok = sec && charts && tables && notes;
    ok &= exo__jset(sec, "id", exo__jstr(id));
    ok &= exo__jset(sec, "title",
                    exo__jfmt("%s side by side, as of %s", title, when));
    ok &= exo__jset(
        sec, "intro",
        c->has_as_of
            ? exo__jfmt("Only records dated on or before %s count, and every "
                        "window ends there: what an analyst could have known "
                        "then. The store keeps the date a record gives, not "
                        "when it was reported.",
                        when)
            : exo__jfmt("Everything the store holds, to its newest record "
                        "(%s).",
                        when));
    char cid[64];
    snprintf(cid, sizeof cid, "%s-departures", id);
    ok &= exo__jpush(
        charts,
        exo__chart(cid, "Departures per year",
                   exo__jstr("Departures recorded each year (a person's "
                             "repeated report of one departure once; leaves "
                             "of absence not counted). Hover for arrivals."),
                   chart_with(years_template, "years", years_rows(c))));
    size_t nv = 0;
    json_t *vrows = valuation_rows(c, &nv);
    if (vrows && nv) {
        snprintf(cid, sizeof cid, "%s-valuation", id);
        ok &= exo__jpush(
            charts,
            exo__chart(cid, "Valuation",
                       exo__jstr("Valuations recorded in the finance file, "
                                 "each with its source; a priced round's "
                                 "dilution is the money raised over the "
                                 "post-money valuation of that day."),
                       chart_with(valuation_template, "valuations", vrows)));
    } else {
        json_decref(vrows);
    }
    ok &= exo__jpush(tables, side_table(c));
    for (size_t i = 0; i < c->n; i++)
        if (c->orgs[i].n_no_arrival)
            ok &= exo__jpush(
                notes, exo__jfmt("%s: %zu of its founders and executives have "
                                 "no recorded arrival and count from the "
                                 "start of the data.",
                                 c->orgs[i].org, c->orgs[i].n_no_arrival));
    ok &= exo__jpush(notes,
                     exo__jstr("Functions are inferred from the role's text "
                               "(docs/compare.md lists the words). Per head "
                               "needs a headcount, which only employment "
                               "spells give."));
    ok &= exo__jset(sec, "charts", charts);
    charts = NULL;
    ok &= exo__jset(sec, "tables", tables);
    tables = NULL;
    ok &= exo__jset(sec, "notes", notes);
    notes = NULL;
    if (!ok) {
        json_decref(sec);
        json_decref(charts);
        json_decref(tables);
        json_decref(notes);
        return NULL;
    }
    return sec;
}

exo_code exo__view_compare(exo_store *store, const char *const *orgs, size_t n,
                           const exo_comparison_opts *opts, const char *id,
                           json_t **out, exo_err *err)
{
    exo_comparison *c = NULL;
    *out = NULL;
    exo_code rc = exo_comparison_load(store, orgs, n, opts, &c, err);
    if (rc)
        return rc;
    *out = compare_section(c, id);
    exo_comparison_release(c);
    if (!*out)
        return exo__fail(err, EXO_ENOMEM, "building the comparison");
    return EXO_OK;
}
