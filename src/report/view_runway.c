/*
 * view_runway.c - the runway section: a scenario file (docs/runway.md)
 * run as 'exodus runway FILE' runs it (the deterministic path, the loop
 * gain and a seeded Monte Carlo), drawn as fan charts of cash, headcount
 * and employees' dilution over the months (the 2.5-97.5% and 10-90%
 * bands across paths, their median, and the deterministic path), with
 * the months to cash-out, the probabilities of cashing out within 12, 24
 * and 36 months and within the horizon, the loop gain across paths with
 * each link cut, and the tornado of the inputs (chart and table).
 *
 * Months are drawn on a calendar axis when the scenario has a start
 * month (month m is the first day of the m-th month after it), else as
 * month numbers. A path that has cashed out counts 0 cash and 0 staff in
 * the bands, as the CLI states.
 */
#include "report/report.h"

#include <math.h>

#define DAY_MS 86400000.0

/* "> 60" beyond the horizon, else "27.3". */
static void months_text(char buf[32], double m, int horizon)
{
    if (isfinite(m))
        snprintf(buf, 32, "%.1f", m);
    else
        snprintf(buf, 32, "> %d", horizon);
}

/* Days since 1970 of the first day of month 'm' after the start. */
static int32_t month_day(const exo_runway_scenario *sc, int m)
{
    int y, mo, d;
    exo_civil_from_days(sc->start_day, &y, &mo, &d);
    int k = (mo - 1) + m;
    return exo_days_from_civil(y + k / 12, k % 12 + 1, 1);
}

static const char fan_template[] =
    "{\"width\":\"container\",\"height\":240,"
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"data\":{\"name\":\"fan\"},"
    "\"layer\":["
    "{\"mark\":{\"type\":\"area\",\"opacity\":0.16},"
    "\"encoding\":{\"x\":{\"field\":\"x\"},"
    "\"y\":{\"field\":\"q025\",\"type\":\"quantitative\"},"
    "\"y2\":{\"field\":\"q975\"}}},"
    "{\"mark\":{\"type\":\"area\",\"opacity\":0.32},"
    "\"encoding\":{\"x\":{\"field\":\"x\"},"
    "\"y\":{\"field\":\"q10\",\"type\":\"quantitative\"},"
    "\"y2\":{\"field\":\"q90\"}}},"
    "{\"mark\":{\"type\":\"line\",\"strokeWidth\":2},"
    "\"encoding\":{\"x\":{\"field\":\"x\"},"
    "\"y\":{\"field\":\"q50\",\"type\":\"quantitative\"}}},"
    "{\"mark\":{\"type\":\"line\",\"color\":\"#343a40\","
    "\"strokeDash\":[5,4],\"strokeWidth\":1.2},"
    "\"encoding\":{\"x\":{\"field\":\"x\"},"
    "\"y\":{\"field\":\"det\",\"type\":\"quantitative\"}}},"
    "{\"mark\":{\"type\":\"point\",\"opacity\":0,\"size\":60},"
    "\"encoding\":{\"x\":{\"field\":\"x\"},"
    "\"y\":{\"field\":\"q50\",\"type\":\"quantitative\"},"
    "\"tooltip\":[{\"field\":\"when\",\"title\":\"month\"},"
    "{\"field\":\"median\",\"title\":\"median\"},"
    "{\"field\":\"range80\",\"title\":\"10%-90%\"},"
    "{\"field\":\"range95\",\"title\":\"2.5%-97.5%\"},"
    "{\"field\":\"deterministic\",\"title\":\"deterministic path\"}]}}"
    "]}";

enum fan_kind { FAN_CASH, FAN_HEADCOUNT, FAN_DILUTION };

/* A value of a fan as the tooltip shows it. */
static json_t *fan_value(enum fan_kind kind, double v)
{
    char buf[32];
    if (!isfinite(v))
        return exo__jstr("-");
    if (kind == FAN_CASH) {
        exo_usd_format(v, buf);
        return exo__jstr(buf);
    }
    if (kind == FAN_DILUTION)
        return exo__jfmt("%.1f%%", 100.0 * v);
    return exo__jfmt("%.0f", v);
}

static json_t *fan_spec(const exo_runway_scenario *sc, const exo_runway *r,
                        enum fan_kind kind, exo_err *err)
{
    const exo_runway_band *band = kind == FAN_CASH        ? &r->cash
                                  : kind == FAN_HEADCOUNT ? &r->headcount
                                                          : &r->dilution;
    const double *det = kind == FAN_CASH        ? r->det.cash
                        : kind == FAN_HEADCOUNT ? r->det.headcount
                                                : r->det.dilution;
    static const char *const colour[] = {"#1971c2", "#2b8a3e", "#c2255c"};
    static const char *const qname[EXO_RUNWAY_N_Q] = {"q025", "q10", "q50",
                                                      "q90", "q975"};
    double top = 0.0;
    for (size_t i = 0; i < (size_t)(r->months + 1) * EXO_RUNWAY_N_Q; i++)
        if (isfinite(band->q[i]))
            top = fmax(top, fabs(band->q[i]));
    /* Cash in the unit of its largest value; dilution in percent. */
    double scale = 1.0;
    const char *title = "people";
    if (kind == FAN_CASH) {
        scale = top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : top >= 1e3 ? 1e3 : 1.0;
        title = top >= 1e9   ? "cash, $ billions"
                : top >= 1e6 ? "cash, $ millions"
                : top >= 1e3 ? "cash, $ thousands"
                             : "cash, $";
    } else if (kind == FAN_DILUTION) {
        scale = 0.01;
        title = "employees' dilution, %";
    }
    json_t *spec = exo__jparse(fan_template), *rows = json_array();
    bool ok = spec && rows;
    for (int m = 0; ok && m <= r->months; m++) {
        const double *q = band->q + (size_t)m * EXO_RUNWAY_N_Q;
        json_t *o = json_object();
        char when[32];
        if (sc->has_start) {
            char day[11];
            int32_t dd = month_day(sc, m);
            exo_date_format(dd, day);
            snprintf(when, sizeof when, "%.7s", day);
            ok &= exo__jset(
                o, "x", json_integer((json_int_t)llround((double)dd * DAY_MS)));
        } else {
            snprintf(when, sizeof when, "month %d", m);
            ok &= exo__jset(o, "x", json_integer(m));
        }
        ok &= exo__jset(o, "month", json_integer(m));
        ok &= exo__jset(o, "when", exo__jstr(when));
        for (int k = 0; k < EXO_RUNWAY_N_Q; k++)
            ok &= exo__jset(o, qname[k], exo__jnum(q[k] / scale));
        ok &= exo__jset(o, "det", exo__jnum(det[m] / scale));
        ok &= exo__jset(o, "median", fan_value(kind, q[2]));
        json_t *lo = fan_value(kind, q[1]), *hi = fan_value(kind, q[3]);
        ok &= exo__jset(o, "range80",
                        exo__jfmt("%s to %s", json_string_value(lo),
                                  json_string_value(hi)));
        json_decref(lo);
        json_decref(hi);
        lo = fan_value(kind, q[0]);
        hi = fan_value(kind, q[4]);
        ok &= exo__jset(o, "range95",
                        exo__jfmt("%s to %s", json_string_value(lo),
                                  json_string_value(hi)));
        json_decref(lo);
        json_decref(hi);
        ok &= exo__jset(o, "deterministic", fan_value(kind, det[m]));
        ok &= exo__jpush(rows, o);
    }
    json_t *datasets = json_object();
    ok &= exo__jset(datasets, "fan", rows);
    rows = NULL;
    ok &= exo__jset(spec, "datasets", datasets);
    /* The x axis, the colour and the y title on every layer. */
    json_t *layers = json_object_get(spec, "layer");
    char xtitle[64];
    if (sc->has_start) {
        char day[11];
        exo_date_format(sc->start_day, day);
        snprintf(xtitle, sizeof xtitle, "year (month 0 = %.7s)", day);
    } else {
        snprintf(xtitle, sizeof xtitle, "months from the start");
    }
    for (size_t k = 0; ok && k < json_array_size(layers); k++) {
        json_t *layer = json_array_get(layers, k);
        json_t *enc = json_object_get(layer, "encoding");
        json_t *x = json_object_get(enc, "x");
        ok &= exo__jset(x, "type",
                        exo__jstr(sc->has_start ? "temporal" : "quantitative"));
        /* The same titles on every layer, or Vega-Lite joins the
         * layers' field names into the axis title. */
        ok &= exo__jset(x, "title", exo__jstr(xtitle));
        ok &= exo__jset(json_object_get(enc, "y"), "title", exo__jstr(title));
        if (sc->has_start && k == 0) {
            json_t *xs = json_object();
            ok &= exo__jset(xs, "type", exo__jstr("utc"));
            ok &= exo__jset(x, "scale", xs);
            /* One tick a year, labelled with the year alone, so the
             * labels never collide and every time axis shows years. */
            ok &= exo__jset(
                x, "axis",
                exo__jparse("{\"format\":\"%Y\",\"tickCount\":\"year\","
                            "\"labelOverlap\":true}"));
        }
        json_t *mark = json_object_get(layer, "mark");
        if (!json_object_get(mark, "color"))
            ok &= exo__jset(mark, "color", exo__jstr(colour[kind]));
    }
    if (!ok) {
        json_decref(spec);
        json_decref(rows);
        exo__fail(err, EXO_ENOMEM, "building the runway chart");
        return NULL;
    }
    return spec;
}

static const char *gain_verdict(const exo_runway_loop *g)
{
    if (g->median > 1.0)
        return "a death spiral: on the median path a shock of departures "
               "more than repeats itself through the loop (gain above 1)";
    if (g->p_above_1 >= 0.1)
        return "no spiral on the median path (gain below 1), but at least 1 "
               "path in 10 spirals (gain above 1)";
    if (g->median > 0.0)
        return "no death spiral: the loop feeds back but a shock of "
               "departures fades (gain below 1)";
    return "no death spiral: a shock of departures is not repeated (gain "
           "not above 0)";
}

/* The tornado: one row per input, the cash-out months at its low and
 * high values (the horizon standing for "none within it"). */
static json_t *tornado_spec(const exo_runway *r)
{
    json_t *spec = exo__jparse(
        "{\"width\":\"container\",\"height\":{\"step\":18},"
        "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
        "\"data\":{\"name\":\"tornado\"},"
        "\"layer\":[{\"mark\":{\"type\":\"rule\",\"color\":\"#adb5bd\"},"
        "\"encoding\":{\"y\":{\"field\":\"input\",\"type\":\"nominal\","
        "\"sort\":null,\"title\":null},"
        "\"x\":{\"field\":\"lo\",\"type\":\"quantitative\","
        "\"title\":\"months to cash-out, deterministic path\"},"
        "\"x2\":{\"field\":\"hi\"}}},"
        "{\"mark\":{\"type\":\"point\",\"filled\":true,\"color\":\"#1971c2\"},"
        "\"encoding\":{\"y\":{\"field\":\"input\",\"type\":\"nominal\","
        "\"sort\":null},\"x\":{\"field\":\"at_low\","
        "\"type\":\"quantitative\"},"
        "\"tooltip\":[{\"field\":\"input\"},{\"field\":\"low\","
        "\"title\":\"low value\"},{\"field\":\"cashout_low\","
        "\"title\":\"cash-out at low\"}]}},"
        "{\"mark\":{\"type\":\"point\",\"filled\":true,\"color\":\"#c2255c\"},"
        "\"encoding\":{\"y\":{\"field\":\"input\",\"type\":\"nominal\","
        "\"sort\":null},\"x\":{\"field\":\"at_high\","
        "\"type\":\"quantitative\"},"
        "\"tooltip\":[{\"field\":\"input\"},{\"field\":\"high\","
        "\"title\":\"high value\"},{\"field\":\"cashout_high\","
        "\"title\":\"cash-out at high\"}]}}]}");
    json_t *rows = json_array(), *datasets = json_object();
    bool ok = spec && rows && datasets;
    for (size_t i = 0; ok && i < r->n_tornado; i++) {
        const exo_runway_tornado *t = &r->tornado[i];
        double lo = fmin(t->cashout_low, r->months);
        double hi = fmin(t->cashout_high, r->months);
        char a[32], b[32];
        months_text(a, t->cashout_low, r->months);
        months_text(b, t->cashout_high, r->months);
        json_t *o = json_object();
        ok &= exo__jset(o, "input", exo__jstr(t->input));
        ok &= exo__jset(o, "lo", exo__jnum(fmin(lo, hi)));
        ok &= exo__jset(o, "hi", exo__jnum(fmax(lo, hi)));
        ok &= exo__jset(o, "at_low", exo__jnum(lo));
        ok &= exo__jset(o, "at_high", exo__jnum(hi));
        ok &= exo__jset(o, "low", exo__jfmt("%.4g", t->low));
        ok &= exo__jset(o, "high", exo__jfmt("%.4g", t->high));
        ok &= exo__jset(o, "cashout_low", exo__jstr(a));
        ok &= exo__jset(o, "cashout_high", exo__jstr(b));
        ok &= exo__jpush(rows, o);
    }
    ok &= exo__jset(datasets, "tornado", rows);
    rows = NULL;
    ok &= exo__jset(spec, "datasets", datasets);
    if (!ok) {
        json_decref(spec);
        json_decref(rows);
        return NULL;
    }
    return spec;
}

static json_t *tornado_table(const exo_runway *r)
{
    json_t *t = json_object(), *rows = json_array();
    bool ok = exo__jset(t, "title",
                        exo__jstr("Tornado: each input alone at its 10% and "
                                  "90% point, deterministic path"));
    ok &= exo__jset(t, "columns",
                    exo__jparse("[\"input\",\"low\",\"high\","
                                "\"cash-out at low\",\"cash-out at high\","
                                "\"gain at low\",\"gain at high\"]"));
    ok &= exo__jset(t, "rows", rows);
    for (size_t i = 0; ok && i < r->n_tornado; i++) {
        const exo_runway_tornado *x = &r->tornado[i];
        char a[32], b[32];
        months_text(a, x->cashout_low, r->months);
        months_text(b, x->cashout_high, r->months);
        json_t *row = json_array();
        ok &= exo__jpush(row, exo__jstr(x->input));
        ok &= exo__jpush(row, exo__jfmt("%.4g", x->low));
        ok &= exo__jpush(row, exo__jfmt("%.4g", x->high));
        ok &= exo__jpush(row, exo__jstr(a));
        ok &= exo__jpush(row, exo__jstr(b));
        ok &= exo__jpush(row, isfinite(x->gain_low)
                                  ? exo__jfmt("%.3f", x->gain_low)
                                  : exo__jstr("-"));
        ok &= exo__jpush(row, isfinite(x->gain_high)
                                  ? exo__jfmt("%.3f", x->gain_high)
                                  : exo__jstr("-"));
        ok &= exo__jpush(rows, row);
    }
    if (!ok) {
        json_decref(t);
        return NULL;
    }
    return t;
}

/* The probabilities of cashing out, as one sentence. */
static json_t *p_text(const exo_runway *r)
{
    char text[256];
    size_t o = 0;
    const double pk[3] = {r->p_cashout_12, r->p_cashout_24, r->p_cashout_36};
    for (int k = 0; k < 3; k++)
        if (isfinite(pk[k]) && 12 * (k + 1) != r->months && o < sizeof text)
            o += (size_t)snprintf(text + o, sizeof text - o,
                                  "%.1f%% within %d months, ", 100.0 * pk[k],
                                  12 * (k + 1));
    if (o < sizeof text)
        snprintf(text + o, sizeof text - o, "%.1f%% within %d months",
                 100.0 * r->p_cashout_horizon, r->months);
    return exo__jstr(text);
}

static json_t *runway_table(const exo_runway_scenario *sc, const exo_runway *r)
{
    json_t *t = json_object(), *rows = json_array();
    char a[32], b[32], c[32], d[32], e[32];
    int M = r->months;
    bool ok = exo__jset(t, "title", exo__jstr("Runway and the loop gain"));
    ok &= exo__jset(t, "columns", exo__jparse("[\"quantity\",\"value\"]"));
    ok &= exo__jset(t, "rows", rows);
    if (sc->has_start) {
        char day[11];
        exo_date_format(sc->start_day, day);
        ok &= exo__push_row(
            rows, "scenario",
            exo__jfmt("%s: %d months from %.7s", sc->name, M, day));
    } else {
        ok &= exo__push_row(rows, "scenario",
                            exo__jfmt("%s: %d months", sc->name, M));
    }
    if (r->has_mc) {
        months_text(a, r->cashout_median, M);
        months_text(b, r->cashout_lo80, M);
        months_text(c, r->cashout_hi80, M);
        months_text(d, r->cashout_lo95, M);
        months_text(e, r->cashout_hi95, M);
        ok &= exo__push_row(rows, "months to cash-out",
                            exo__jfmt("median %s (80%%: %s to %s; 95%%: %s to "
                                      "%s; %zu paths, seed %llu)",
                                      a, b, c, d, e, r->n_paths,
                                      (unsigned long long)r->seed));
        ok &= exo__push_row(rows, "P(cash-out)", p_text(r));
        ok &= exo__push_row(rows, "rounds closed",
                            exo__jfmt("%.2f per path (mean)", r->mean_rounds));
    }
    if (isfinite(r->det.cashout_month))
        ok &= exo__push_row(rows, "deterministic path",
                            exo__jfmt("cash runs out in month %.1f; "
                                      "rounds closed: %zu",
                                      r->det.cashout_month, r->det.n_rounds));
    else
        ok &= exo__push_row(rows, "deterministic path",
                            exo__jfmt("no cash-out within %d months; "
                                      "rounds closed: %zu",
                                      M, r->det.n_rounds));
    exo_usd_format(r->det.revenue[0], a);
    exo_usd_format(r->det.revenue[M], b);
    char label[64];
    snprintf(label, sizeof label, "deterministic path, month 0 -> %d", M);
    ok &= exo__push_row(
        rows, label,
        exo__jfmt("headcount %.0f -> %.0f; dilution %.1f%%; revenue %s -> "
                  "%s a month",
                  r->det.headcount[0], r->det.headcount[M],
                  100.0 * r->det.dilution[M], a, b));
    if (r->has_chain && isfinite(r->chain.median)) {
        const exo_runway_loop *g = &r->chain;
        ok &= exo__push_row(
            rows, "loop gain",
            exo__jfmt("median %.3f (80%%: %.3f to %.3f) across %zu paths; "
                      "%.1f%% of paths above 1; deterministic path %.3f",
                      g->median, g->lo80, g->hi80, g->n_paths,
                      100.0 * g->p_above_1, g->det));
        ok &= exo__push_row(
            rows, "the shock (denominator)",
            exo__jfmt("%.2f departures added in month 1; the gain counts "
                      "the departures they induce in one pass through "
                      "the loop, per departure of the shock",
                      g->shock));
        for (int k = 0; k < EXO_RUNWAY_N_KNOCK; k++) {
            char link[96];
            snprintf(link, sizeof link, "gain with %s cut",
                     exo_runway_knock_name((exo_runway_knock)k));
            ok &= exo__push_row(rows, link,
                                isfinite(g->knock_median[k])
                                    ? exo__jfmt("%.3f (%+.3f)",
                                                g->knock_median[k],
                                                g->knock_median[k] - g->median)
                                    : exo__jstr("not in the scenario"));
        }
        ok &= exo__push_row(
            rows, "dominant link",
            exo__jstr(g->dominant >= 0
                          ? exo_runway_knock_name((exo_runway_knock)g->dominant)
                          : "none (no cut lowers the gain)"));
        ok &= exo__push_row(rows, "verdict", exo__jstr(gain_verdict(g)));
    }
    if (!ok) {
        json_decref(t);
        return NULL;
    }
    return t;
}

static json_t *card_item(const exo_runway_scenario *sc, const exo_runway *r)
{
    char a[32], b[32], c[32];
    json_t *o = json_object();
    bool ok = exo__jset(o, "label", exo__jstr("months of runway"));
    if (r->has_mc) {
        months_text(a, r->cashout_median, r->months);
        months_text(b, r->cashout_lo95, r->months);
        months_text(c, r->cashout_hi95, r->months);
        ok &= exo__jset(o, "value",
                        exo__jfmt("median %s (95%%: %s to %s), scenario "
                                  "'%s'",
                                  a, b, c, sc->name));
    } else {
        months_text(a, r->det.cashout_month, r->months);
        ok &= exo__jset(o, "value",
                        exo__jfmt("%s on the deterministic path, scenario "
                                  "'%s'",
                                  a, sc->name));
    }
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *runway_section(const exo_runway_scenario *sc,
                              const exo_runway *r, exo_err *err)
{
    json_t *sec = json_object(), *charts = json_array(), *tables = json_array();
    json_t *notes = json_array();
    char a[32];
    bool ok = exo__jset(sec, "id", exo__jstr("runway"));
    ok &= exo__jset(sec, "title", exo__jfmt("Runway: %s", sc->name));
    static const struct {
        enum fan_kind kind;
        const char *id, *title, *caption;
    } fans[] = {
        {FAN_CASH, "runway-cash", "Cash: the runway fan",
         "Light band: 2.5%-97.5% of the paths; dark band: 10%-90%; solid "
         "line: the median; dashed: the deterministic path (every input at "
         "its central value). A path that has run out counts 0."},
        {FAN_HEADCOUNT, "runway-headcount", "Headcount",
         "The same bands for the number of staff (0 after a cash-out)."},
        {FAN_DILUTION, "runway-dilution", "Employees' dilution",
         "Cumulative dilution of the employees' stake from the rounds "
         "closed."},
    };
    for (size_t k = 0; r->has_mc && k < sizeof fans / sizeof fans[0]; k++) {
        json_t *spec = fan_spec(sc, r, fans[k].kind, err);
        if (!spec)
            goto fail;
        json_t *c = exo__chart(fans[k].id, fans[k].title,
                               exo__jstr(fans[k].caption), spec);
        if (k == 0)
            ok &= c && exo__jset(c, "wide", json_true());
        ok &= exo__jpush(charts, c);
    }
    ok &= exo__jpush(tables, runway_table(sc, r));
    if (r->has_chain && r->n_tornado) {
        json_t *ts = tornado_spec(r);
        if (!ts)
            goto fail;
        ok &= exo__jpush(
            charts,
            exo__chart("runway-tornado",
                       "Tornado: what moves the months to cash-out",
                       exo__jstr("Each input alone at its 10% (blue) and 90% "
                                 "(red) point, every other input central, on "
                                 "the deterministic path; the horizon stands "
                                 "for no cash-out within it. Largest swing "
                                 "first."),
                       ts));
        ok &= exo__jpush(tables, tornado_table(r));
    }
    ok &= exo__jpush(notes,
                     exo__jstr("Every input of the scenario is an assumption "
                               "or a cited figure (its notes say which); "
                               "the bands show the spread of the inputs' "
                               "distributions, not the error of the model."));
    ok &= exo__jset(sec, "charts", charts);
    ok &= exo__jset(sec, "tables", tables);
    ok &= exo__jset(sec, "notes", notes);
    if (ok && r->has_mc) {
        json_t *p = p_text(r);
        months_text(a, r->cashout_median, r->months);
        ok &= p && exo__jset(sec, "intro",
                             exo__jfmt("Median months to cash-out: %s. "
                                       "P(cash-out): %s.",
                                       a, json_string_value(p)));
        json_decref(p);
    }
    if (ok)
        return sec;
    exo__fail(err, EXO_ENOMEM, "building the runway section");
    json_decref(sec);
    return NULL;
fail:
    json_decref(sec);
    json_decref(charts);
    json_decref(tables);
    json_decref(notes);
    return NULL;
}

exo_code exo__view_runway(const char *path, const struct exo__report_params *p,
                          json_t **out, exo_err *err)
{
    exo_runway_scenario sc;
    exo_runway r;
    memset(&r, 0, sizeof r);
    *out = NULL;
    exo_code rc = exo_runway_scenario_load(path, &sc, err);
    if (rc)
        return rc;
    exo_runway_opts o = {.n_paths = p->paths, .seed = p->seed};
    if ((rc = exo_runway_run(&sc, &o, &r, err))) {
        exo_runway_release(&r);
        return rc;
    }
    json_t *v = json_object();
    json_t *sec = runway_section(&sc, &r, err);
    bool ok = sec != NULL;
    ok &= exo__jset(v, "scenario", exo__jstr(sc.name));
    ok &= exo__jset(v, "item", card_item(&sc, &r));
    ok &= exo__jset(v, "section", sec);
    exo_runway_release(&r);
    if (!ok) {
        json_decref(v);
        return err && err->code
                   ? err->code
                   : exo__fail(err, EXO_ENOMEM, "building the runway view");
    }
    *out = v;
    return EXO_OK;
}

/* ==== Scenarios side by side ==== */

/* "median (10%-90%)" of a band at month 'm'. */
static json_t *band_text(const exo_runway_band *b, int m, bool percent)
{
    const double *q = b->q + (size_t)m * EXO_RUNWAY_N_Q;
    if (percent)
        return exo__jfmt("%.1f%% (%.1f%%-%.1f%%)", 100.0 * q[2], 100.0 * q[1],
                         100.0 * q[3]);
    return exo__jfmt("%.0f (%.0f-%.0f)", q[2], q[1], q[3]);
}

enum { CMP_ROWS = 11 };

/* Column 'i' of the comparison: the values of each row for one run. */
static bool compare_column(const exo_runway_scenario *sc, const exo_runway *r,
                           json_t *cells[CMP_ROWS])
{
    char a[32], b[32];
    int M = r->months;
    const double pk[3] = {r->p_cashout_12, r->p_cashout_24, r->p_cashout_36};
    if (sc->has_start) {
        char day[11];
        exo_date_format(sc->start_day, day);
        cells[0] = exo__jfmt("%.7s, %d months", day, M);
    } else {
        cells[0] = exo__jfmt("%d months", M);
    }
    months_text(a, r->cashout_median, M);
    cells[1] = exo__jstr(a);
    months_text(a, r->cashout_lo80, M);
    months_text(b, r->cashout_hi80, M);
    cells[2] = exo__jfmt("%s to %s", a, b);
    for (int k = 0; k < 3; k++)
        cells[3 + k] = isfinite(pk[k]) ? exo__jfmt("%.1f%%", 100.0 * pk[k])
                                       : exo__jstr("past the horizon");
    cells[6] = band_text(&r->dilution, M, true);
    cells[7] = band_text(&r->headcount, M, false);
    cells[8] = exo__jfmt("%.2f", r->mean_rounds);
    const exo_runway_loop *g = &r->chain;
    cells[9] =
        r->has_chain && isfinite(g->median)
            ? exo__jfmt("%.3f (%.3f to %.3f)", g->median, g->lo80, g->hi80)
            : exo__jstr("-");
    cells[10] =
        exo__jstr(r->has_chain && g->dominant >= 0
                      ? exo_runway_knock_name((exo_runway_knock)g->dominant)
                      : "none");
    bool ok = true;
    for (int k = 0; k < CMP_ROWS; k++)
        ok &= cells[k] != NULL;
    return ok;
}

/* The median of 'band' by month for each run, as one layered line chart
 * (a calendar axis when every scenario has a start month). */
static json_t *compare_spec(const exo_runway_scenario *sc, const exo_runway *r,
                            size_t n, bool cash)
{
    bool dates = true;
    for (size_t i = 0; i < n; i++)
        dates &= sc[i].has_start;
    json_t *spec = exo__jparse(
        "{\"width\":\"container\",\"height\":240,"
        "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
        "\"data\":{\"name\":\"lines\"},"
        "\"mark\":{\"type\":\"line\",\"strokeWidth\":2},"
        "\"encoding\":{\"color\":{\"field\":\"scenario\",\"type\":\"nominal\","
        "\"legend\":{\"orient\":\"bottom\",\"title\":null}},"
        "\"tooltip\":[{\"field\":\"scenario\"},{\"field\":\"when\","
        "\"title\":\"month\"},{\"field\":\"text\",\"title\":\"median\"}]}}");
    json_t *rows = json_array(), *datasets = json_object();
    bool ok = spec && rows && datasets;
    double top = 0.0;
    for (size_t i = 0; cash && i < n; i++)
        for (int m = 0; m <= r[i].months; m++)
            top = fmax(top, fabs(r[i].cash.q[(size_t)m * EXO_RUNWAY_N_Q + 2]));
    double scale = !cash ? 1.0 : top >= 1e9 ? 1e9 : top >= 1e6 ? 1e6 : 1.0;
    const char *ytitle = !cash          ? "headcount, median of the paths"
                         : scale == 1e9 ? "cash, $ billions, median"
                         : scale == 1e6 ? "cash, $ millions, median"
                                        : "cash, $, median";
    for (size_t i = 0; ok && i < n; i++) {
        const exo_runway_band *b = cash ? &r[i].cash : &r[i].headcount;
        for (int m = 0; ok && m <= r[i].months; m++) {
            double v = b->q[(size_t)m * EXO_RUNWAY_N_Q + 2];
            json_t *o = json_object();
            char when[32], text[32];
            if (dates) {
                char day[11];
                int32_t dd = month_day(&sc[i], m);
                exo_date_format(dd, day);
                snprintf(when, sizeof when, "%.7s", day);
                ok &= exo__jset(
                    o, "x",
                    json_integer((json_int_t)llround((double)dd * DAY_MS)));
            } else {
                snprintf(when, sizeof when, "month %d", m);
                ok &= exo__jset(o, "x", json_integer(m));
            }
            if (cash)
                exo_usd_format(v, text);
            else
                snprintf(text, sizeof text, "%.0f", v);
            ok &= exo__jset(o, "scenario", exo__jstr(sc[i].name));
            ok &= exo__jset(o, "when", exo__jstr(when));
            ok &= exo__jset(o, "y", exo__jnum(v / scale));
            ok &= exo__jset(o, "text", exo__jstr(text));
            ok &= exo__jpush(rows, o);
        }
    }
    ok &= exo__jset(datasets, "lines", rows);
    rows = NULL;
    ok &= exo__jset(spec, "datasets", datasets);
    json_t *enc = json_object_get(spec, "encoding");
    json_t *x = json_object(), *y = json_object();
    ok &= exo__jset(x, "field", exo__jstr("x"));
    ok &= exo__jset(y, "field", exo__jstr("y"));
    ok &= exo__jset(y, "type", exo__jstr("quantitative"));
    ok &= exo__jset(y, "title", exo__jstr(ytitle));
    if (dates) {
        ok &= exo__jset(x, "type", exo__jstr("temporal"));
        ok &= exo__jset(x, "title", exo__jstr("year"));
        ok &= exo__jset(x, "scale", exo__jparse("{\"type\":\"utc\"}"));
        ok &= exo__jset(x, "axis",
                        exo__jparse("{\"format\":\"%Y\",\"tickCount\":\"year\","
                                    "\"labelOverlap\":true}"));
    } else {
        ok &= exo__jset(x, "type", exo__jstr("quantitative"));
        ok &= exo__jset(x, "title", exo__jstr("months from the start"));
    }
    ok &= exo__jset(enc, "x", x);
    ok &= exo__jset(enc, "y", y);
    if (!ok) {
        json_decref(spec);
        json_decref(rows);
        return NULL;
    }
    return spec;
}

exo_code exo__view_runway_compare(const char *const *paths, size_t n,
                                  const struct exo__report_params *p,
                                  json_t **out, exo_err *err)
{
    static const char *const labels[CMP_ROWS] = {
        "start, horizon",
        "cash-out, median months",
        "cash-out, 80% interval",
        "P(cash-out) within 12 months",
        "P(cash-out) within 24 months",
        "P(cash-out) within 36 months",
        "dilution at the horizon, median (10%-90%)",
        "headcount at the horizon, median (10%-90%)",
        "rounds closed (mean)",
        "loop gain, median (80%)",
        "dominant link",
    };
    exo_runway_scenario *sc = exo__calloc(n, sizeof *sc);
    exo_runway *r = exo__calloc(n, sizeof *r);
    exo_code rc = EXO_OK;
    size_t done = 0;
    json_t *sec = NULL;
    *out = NULL;
    if (!sc || !r) {
        rc = exo__fail(err, EXO_ENOMEM, "allocating the scenarios");
        goto out;
    }
    exo_runway_opts o = {.n_paths = p->paths, .seed = p->seed};
    for (size_t i = 0; i < n; i++) {
        if ((rc = exo_runway_scenario_load(paths[i], &sc[i], err)) ||
            (rc = exo_runway_run(&sc[i], &o, &r[i], err)))
            goto out;
        done = i + 1;
    }
    sec = json_object();
    json_t *t = json_object(), *rows = json_array(), *cols = json_array();
    json_t *charts = json_array(), *tables = json_array();
    bool ok = sec && t && rows && cols && charts && tables;
    ok &= exo__jpush(cols, exo__jstr("quantity"));
    for (size_t i = 0; i < n; i++)
        ok &= exo__jpush(cols, exo__jstr(sc[i].name));
    json_t *cells[CMP_ROWS];
    json_t *row[CMP_ROWS];
    for (int k = 0; k < CMP_ROWS; k++) {
        row[k] = json_array();
        ok &= row[k] && exo__jpush(row[k], exo__jstr(labels[k]));
    }
    for (size_t i = 0; ok && i < n; i++) {
        memset(cells, 0, sizeof cells);
        ok &= compare_column(&sc[i], &r[i], cells);
        for (int k = 0; k < CMP_ROWS; k++)
            ok &= cells[k] && exo__jpush(row[k], cells[k]);
    }
    for (int k = 0; k < CMP_ROWS; k++)
        ok &= exo__jpush(rows, row[k]);
    ok &= exo__jset(t, "title", exo__jstr("Scenarios side by side"));
    ok &= exo__jset(t, "columns", cols);
    ok &= exo__jset(t, "rows", rows);
    ok &= exo__jpush(tables, t);
    ok &= exo__jpush(
        charts,
        exo__chart("runway-compare-headcount",
                   "Headcount, scenario by scenario",
                   exo__jfmt("The median headcount across %zu paths of each "
                             "scenario (0 on a path after its cash-out).",
                             p->paths),
                   compare_spec(sc, r, n, false)));
    ok &= exo__jpush(
        charts, exo__chart("runway-compare-cash", "Cash, scenario by scenario",
                           exo__jstr("The median cash across the paths of "
                                     "each scenario."),
                           compare_spec(sc, r, n, true)));
    ok &= exo__jset(sec, "id", exo__jstr("runway-compare"));
    ok &= exo__jset(sec, "title", exo__jstr("Runway: scenarios side by side"));
    ok &= exo__jset(sec, "intro",
                    exo__jfmt("%zu scenarios, each run with %zu paths and "
                              "seed %llu; medians with their 10%%-90%% "
                              "ranges across paths. The loop gain counts the "
                              "departures a shock of 1%% of staff induces "
                              "in one pass through the loop, per departure "
                              "of the shock.",
                              n, p->paths, (unsigned long long)p->seed));
    ok &= exo__jset(sec, "charts", charts);
    ok &= exo__jset(sec, "tables", tables);
    if (!ok) {
        json_decref(sec);
        sec = NULL;
        rc = exo__fail(err, EXO_ENOMEM, "building the scenario comparison");
        goto out;
    }
    *out = sec;
out:
    for (size_t i = 0; i < done; i++)
        exo_runway_release(&r[i]);
    exo__free(sc);
    exo__free(r);
    return rc;
}
