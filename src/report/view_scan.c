/*
 * view_scan.c - the report's screener: exo_scan_run's ranked table (every
 * organisation through the spiral analysis of its own card) as a section.
 */
#include <math.h>

#include "report/report.h"

/* [cells...] as one table row; false when out of memory. */
static bool push_row(json_t *rows, json_t *cells)
{
    return cells && exo__jpush(rows, cells);
}

static json_t *n_text(const exo_scan_row *r)
{
    if (!r->fitted || !isfinite(r->n))
        return exo__jstr("-");
    if (isfinite(r->n_hi))
        return exo__jfmt("%.2f (%.2f-%.2f)", r->n, r->n_lo, r->n_hi);
    return exo__jfmt("%.2f (%.2f-unbounded)", r->n, r->n_lo);
}

static json_t *trend_text(const exo_scan_row *r)
{
    if (!r->fitted)
        return exo__jstr("-");
    if (r->n_segments <= 1)
        return exo__jstr("flat");
    return exo__jfmt("%s %.0f%% (last change)",
                     r->trend_change >= 0 ? "up" : "down",
                     fabs(r->trend_change) * 100.0);
}

static json_t *scan_section(const exo_scan *s)
{
    json_t *sec = json_object(), *tables = json_array(), *notes = json_array();
    json_t *t = json_object(), *cols = json_array(), *rows = json_array();
    bool ok = sec && tables && notes && t && cols && rows;
    static const char *const headers[] = {
        "organisation", "departures", "per head a year", "n (95% CI)",
        "verdict",      "trend",      "forecast (80%)"};
    for (size_t c = 0; ok && c < 7; c++)
        ok &= exo__jpush(cols, exo__jstr(headers[c]));
    size_t short_of = 0;
    for (size_t i = 0; ok && i < s->n; i++) {
        const exo_scan_row *r = &s->rows[i];
        if (!r->fitted) {
            short_of++;
            ok &= exo__jpush(notes, exo__jfmt("%s: %s", r->org, r->note));
            continue;
        }
        json_t *cells = json_array();
        ok &=
            cells && exo__jpush(cells, exo__jstr(r->org)) &&
            exo__jpush(cells, json_integer((json_int_t)r->departures)) &&
            exo__jpush(cells, r->has_rate ? exo__jfmt("%.1f%%", 100.0 * r->rate)
                                          : exo__jstr("no headcount")) &&
            exo__jpush(cells, n_text(r)) &&
            exo__jpush(cells, exo__jstr(r->label)) &&
            exo__jpush(cells, trend_text(r)) &&
            exo__jpush(cells, r->has_forecast
                                  ? exo__jfmt("%.0f (%.0f-%.0f) in %.0f days",
                                              r->forecast_mean, r->forecast_lo,
                                              r->forecast_hi, r->horizon)
                                  : exo__jstr("-"));
        ok &= push_row(rows, cells);
    }
    ok &= exo__jset(t, "title", exo__jstr("Every organisation, ranked"));
    ok &= exo__jset(t, "columns", cols);
    cols = NULL;
    ok &= exo__jset(t, "rows", rows);
    rows = NULL;
    ok &= exo__jpush(tables, t);
    t = NULL;
    ok &= exo__jset(sec, "id", exo__jstr("screener"));
    ok &= exo__jset(sec, "title",
                    exo__jstr("Screener: which organisations "
                              "are in a spiral?"));
    ok &= exo__jset(
        sec, "intro",
        exo__jfmt("%zu organisations, %zu fitted with the spiral analysis of "
                  "their own cards (each with its own seed, derived from "
                  "%llu and its name); ranked by verdict, then by n. %zu "
                  "have too little data and are listed below.",
                  s->n, s->n_fitted, (unsigned long long)s->seed, short_of));
    ok &= exo__jset(sec, "tables", tables);
    tables = NULL;
    ok &= exo__jset(sec, "notes", notes);
    notes = NULL;
    if (!ok) {
        json_decref(sec);
        json_decref(tables);
        json_decref(notes);
        json_decref(t);
        json_decref(cols);
        json_decref(rows);
        return NULL;
    }
    return sec;
}

exo_code exo__view_scan(exo_store *store, const exo_scan_opts *opts,
                        json_t **out, exo_err *err)
{
    exo_scan *s = NULL;
    *out = NULL;
    exo_code rc = exo_scan_run(store, opts, &s, err);
    if (rc)
        return rc;
    *out = scan_section(s);
    exo_scan_release(s);
    if (!*out)
        return exo__fail(err, EXO_ENOMEM, "building the screener");
    return EXO_OK;
}
