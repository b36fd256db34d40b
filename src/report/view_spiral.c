/*
 * view_spiral.c - the spiral view of one organisation: its departures
 * fitted exactly as 'exodus spiral ORG' fits them (window from the first
 * recorded event, or --since, to the end of the last departure's date, or
 * --until; dates spread within their precision with the seed; constant
 * baseline; 180-day forecast), turned into a verdict card, the departures
 * timeline with lambda(t), and the QQ plot of rescaled inter-event times.
 *
 * Rates are shown per month of 30.4375 days; chart times are milliseconds
 * since 1970 (UTC), as Vega-Lite reads numbers on a temporal axis.
 */
#include "report/report.h"

#include <math.h>

#define MONTH_DAYS 30.4375
#define DAY_MS 86400000.0
#define GRID_POINTS 720
/* Just after an event, to draw the jump: far below a day's resolution. */
#define JUMP_STEP 1e-6

void exo__report_params(const exo_report_opts *opts,
                        struct exo__report_params *p)
{
    p->seed = opts && opts->seed ? opts->seed : 1;
    p->paths = opts && opts->forecast_paths ? opts->forecast_paths : 10000;
    p->horizon_days =
        opts && opts->horizon_days > 0.0 ? opts->horizon_days : 180.0;
    p->min_departures =
        opts && opts->min_departures ? opts->min_departures : 10;
    p->scenario = opts ? opts->scenario : NULL;
    p->scenario_org = opts ? opts->scenario_org : NULL;
}

/* Days in the precision window that starts at 'd' (as cmd_spiral.c). */
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

/* "2024-05-14", "2024-05" or "2024" as the date's precision allows. */
static void date_text(char buf[11], exo_date d)
{
    exo_date_format(d.days, buf);
    if (d.precision == EXO_PREC_MONTH)
        buf[7] = '\0';
    else if (d.precision == EXO_PREC_YEAR)
        buf[4] = '\0';
}

static void day_text(char buf[11], double day)
{
    exo_date_format((int32_t)floor(day), buf);
}

/* "$6.6B", "$124M", "$850K", "" for no figure. */
static void money_text(char *buf, size_t size, double usd)
{
    if (!isfinite(usd))
        snprintf(buf, size, "%s", "");
    else if (usd >= 1e9)
        snprintf(buf, size, "$%.3gB", usd / 1e9);
    else if (usd >= 1e6)
        snprintf(buf, size, "$%.3gM", usd / 1e6);
    else if (usd >= 1e3)
        snprintf(buf, size, "$%.3gK", usd / 1e3);
    else
        snprintf(buf, size, "$%.0f", usd);
}

struct spiral_data {
    exo_move_list deps, arrs;
    exo_core_team team;
    exo_finance_list fin;
    double *t, *width;
    size_t *order; /* order[k]: the departure record of the k-th time */
    size_t n;
    double w_start, w_end;
    const char *window_rule;
    exo_hawkes fit;
    bool has_fit;
    char no_fit[256];
    exo_forecast forecast;
    bool has_forecast;
    exo_verdict verdict;
};

static void spiral_data_release(struct spiral_data *s)
{
    exo_move_list_release(&s->deps);
    exo_move_list_release(&s->arrs);
    exo_core_team_release(&s->team);
    exo_finance_list_release(&s->fin);
    exo__free(s->t);
    exo__free(s->width);
    exo__free(s->order);
}

static exo_code spiral_compute(exo_store *store, const char *org,
                               const exo_filter *filter,
                               const struct exo__report_params *p,
                               struct spiral_data *s, exo_err *err)
{
    exo_code rc;
    exo_filter none = {0};
    if (!filter)
        filter = &none;
    if ((rc = exo_departures(store, org, filter, &s->deps, err)) ||
        (rc = exo_arrivals(store, org, NULL, &s->arrs, err)) ||
        (rc = exo_core_team_load(store, org, &s->team, err)) ||
        (rc = exo_finance_list_load(store, org, &s->fin, err)))
        return rc;
    size_t n = s->deps.n;
    s->t = exo__calloc(n ? n : 1, sizeof *s->t);
    s->width = exo__calloc(n ? n : 1, sizeof *s->width);
    s->order = exo__calloc(n ? n : 1, sizeof *s->order);
    if (!s->t || !s->width || !s->order)
        return exo__fail(err, EXO_ENOMEM, "allocating %zu departures", n);
    s->n = n;
    double first = EXO_INF;
    for (size_t i = 0; i < n; i++) {
        s->t[i] = s->deps.rows[i].date.days;
        s->width[i] = precision_width(s->deps.rows[i].date);
        first = fmin(first, s->t[i]);
    }
    for (size_t i = 0; i < s->arrs.n; i++)
        first = fmin(first, s->arrs.rows[i].date.days);
    s->w_start = filter->has_since ? filter->since
                 : isfinite(first) ? first
                                   : 0.0;
    if (filter->has_until)
        s->w_end = filter->until + 1.0;
    else {
        s->w_end = s->w_start + 1.0;
        for (size_t i = 0; i < n; i++)
            s->w_end = fmax(s->w_end, s->t[i] + s->width[i]);
    }
    for (size_t i = 0; i < n; i++) {
        if (s->t[i] + s->width[i] > s->w_end)
            s->width[i] = fmax(0.0, s->w_end - s->t[i]);
        if (s->t[i] < s->w_start) {
            double end = s->t[i] + s->width[i];
            s->t[i] = s->w_start;
            s->width[i] = fmax(0.0, end - s->w_start);
        }
    }
    s->window_rule =
        filter->has_since || filter->has_until
            ? (filter->has_since && filter->has_until ? "the dates asked for"
               : filter->has_since ? "the start asked for .. last departure"
                                   : "first recorded event .. the end "
                                     "asked for")
            : "first recorded event .. last departure";
    if ((rc = exo_hawkes_spread_ties_order(s->t, s->width, n, p->seed, s->order,
                                           err)))
        return rc;
    exo_hawkes_opts o;
    exo_hawkes_opts_init(&o);
    o.has_window = true;
    o.t_start = s->w_start;
    o.t_end = s->w_end;
    exo_err fit_err = {0};
    rc = exo_hawkes_fit(s->t, n, &o, &s->fit, &fit_err);
    if (rc == EXO_ENUMERIC || rc == EXO_EINVAL) {
        snprintf(s->no_fit, sizeof s->no_fit, "%s", fit_err.msg);
    } else if (rc) {
        *err = fit_err;
        return rc;
    } else {
        s->has_fit = true;
    }
    if (s->has_fit && (s->fit.converged || s->fit.at_boundary)) {
        if ((rc = exo_hawkes_forecast(&s->fit, p->horizon_days, p->paths,
                                      p->seed, &s->forecast, err)))
            return rc;
        s->has_forecast = true;
    }
    char horizon[64];
    snprintf(horizon, sizeof horizon, "%g days", p->horizon_days);
    exo_spiral_in in = {0};
    in.n_events = n;
    in.fit = s->has_fit ? &s->fit : NULL;
    in.no_fit_reason = s->no_fit;
    in.forecast = s->has_forecast ? &s->forecast : NULL;
    in.horizon_text = horizon;
    in.noun = "departures";
    exo_spiral_verdict(&in, &s->verdict);
    return EXO_OK;
}

/* Verdict kinds as identifiers the page styles by. */
static const char *kind_code(exo_spiral_kind k)
{
    switch (k) {
    case EXO_SPIRAL_NO_CONTAGION:
        return "no-contagion";
    case EXO_SPIRAL_SUBCRITICAL:
        return "subcritical";
    case EXO_SPIRAL_NEAR_CRITICAL:
        return "near-critical";
    case EXO_SPIRAL_SUPERCRITICAL:
        return "supercritical";
    default:
        return "insufficient";
    }
}

static bool estimate_usable(const struct spiral_data *s)
{
    return s->has_fit && (s->fit.converged || s->fit.at_boundary);
}

/* "0.90 (95% CI 0.67-1.16, profile likelihood)" */
static json_t *n_text(const exo_hawkes *f)
{
    if (f->has_profile && isfinite(f->n_prof_hi))
        return exo__jfmt(
            "%.2f (%.0f%% CI %.2f\xe2\x80\x93%.2f, profile likelihood)", f->n,
            100.0 * f->level, f->n_prof_lo, f->n_prof_hi);
    if (f->has_profile)
        return exo__jfmt("%.2f (%.0f%% CI %.2f\xe2\x80\x93unbounded, profile "
                         "likelihood)",
                         f->n, 100.0 * f->level, f->n_prof_lo);
    if (isfinite(f->n_wald_lo))
        return exo__jfmt("%.2f (%.0f%% CI %.2f\xe2\x80\x93%.2f, Wald)", f->n,
                         100.0 * f->level, f->n_wald_lo, f->n_wald_hi);
    return exo__jfmt("%.2f (no interval)", f->n);
}

static json_t *card_json(const char *org, const struct spiral_data *s,
                         const struct exo__report_params *p)
{
    json_t *card = json_object(), *items = json_array(), *v = json_object();
    bool ok = exo__jset(card, "org", exo__jstr(org));
    ok &= exo__jset(v, "kind", exo__jstr(kind_code(s->verdict.kind)));
    ok &= exo__jset(v, "label", exo__jstr(s->verdict.label));
    ok &= exo__jset(v, "text", exo__jstr(s->verdict.text));
    ok &= exo__jset(card, "verdict", v);
    if (estimate_usable(s))
        ok &= exo__push_item(items, "branching ratio n", n_text(&s->fit));
    else
        ok &= exo__push_item(items, "branching ratio n",
                             exo__jstr(s->has_fit
                                           ? "no estimate (the fit did not "
                                             "converge)"
                                           : "no estimate"));
    /* Departures dated in the 12 months to the window's last day. */
    int y, m, d;
    int32_t last = (int32_t)floor(s->w_end) - 1;
    exo_civil_from_days(last, &y, &m, &d);
    /* The same day a year earlier (28 February for 29 February), exclusive. */
    int32_t from =
        exo_days_from_civil(y - 1, m, m == 2 && d == 29 ? 28 : d) + 1;
    size_t recent = 0;
    for (size_t i = 0; i < s->deps.n; i++)
        recent += s->deps.rows[i].date.days >= from &&
                  s->deps.rows[i].date.days <= last;
    char d0[11], d1[11], label[96];
    exo_date_format(from, d0);
    exo_date_format(last, d1);
    snprintf(label, sizeof label, "departures in the 12 months to %s", d1);
    ok &= exo__push_item(items, label, exo__jfmt("%zu (from %s)", recent, d0));
    ok &= exo__push_item(
        items, "departures in the window",
        exo__jfmt("%zu since %s", s->n, (day_text(d0, s->w_start), d0)));
    if (s->team.n_founders)
        ok &=
            exo__push_item(items, "founders remaining",
                           exo__jfmt("%zu of %zu", s->team.n_founders_remaining,
                                     s->team.n_founders));
    else
        ok &= exo__push_item(items, "founders remaining",
                             exo__jstr("none recorded"));
    if (s->team.n_execs)
        ok &= exo__push_item(items, "executives remaining",
                             exo__jfmt("%zu of %zu", s->team.n_execs_remaining,
                                       s->team.n_execs));
    if (s->has_forecast)
        ok &= exo__push_item(
            items, "expected departures",
            exo__jfmt("%.0f in the next %g days (80%%: %.0f\xe2\x80\x93%.0f, "
                      "95%%: %.0f\xe2\x80\x93%.0f)",
                      s->forecast.median, p->horizon_days, s->forecast.lo80,
                      s->forecast.hi80, s->forecast.lo95, s->forecast.hi95));
    ok &= exo__jset(card, "items", items);
    if (!ok) {
        json_decref(card);
        return NULL;
    }
    return card;
}

/* Level colours, in level order; the same in every chart. */
static const char *const level_domain[] = {"founder", "exec",  "lead",
                                           "ic",      "board", "unknown"};
static const char *const level_range[] = {"#c92a2a", "#e67700", "#2b8a3e",
                                          "#1864ab", "#5f3dc4", "#868e96"};

static json_t *string_array(const char *const *v, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++)
        if (!exo__jpush(a, exo__jstr(v[i]))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static const char timeline_template[] =
    "{\"width\":\"container\",\"height\":280,"
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"layer\":["
    "{\"data\":{\"name\":\"fin\"},\"mark\":{\"type\":\"rule\","
    "\"color\":\"#74c0fc\",\"strokeDash\":[2,3]},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"temporal\"}}},"
    "{\"data\":{\"name\":\"lambda\"},\"mark\":{\"type\":\"area\","
    "\"color\":\"#e8590c\",\"opacity\":0.12},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"temporal\","
    "\"title\":null,\"scale\":{\"type\":\"utc\"}},"
    "\"y\":{\"field\":\"lambda\",\"type\":\"quantitative\","
    "\"title\":\"departures per month\"}}},"
    "{\"data\":{\"name\":\"lambda\"},\"mark\":{\"type\":\"line\","
    "\"color\":\"#e8590c\",\"strokeWidth\":1.5},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"temporal\"},"
    "\"y\":{\"field\":\"lambda\",\"type\":\"quantitative\"},"
    "\"tooltip\":[{\"field\":\"t\",\"type\":\"temporal\",\"title\":\"date\","
    "\"format\":\"%Y-%m-%d\"},{\"field\":\"lambda\",\"type\":"
    "\"quantitative\",\"title\":\"intensity per month\",\"format\":"
    "\".3f\"}]}},"
    "{\"data\":{\"name\":\"lambda\"},\"mark\":{\"type\":\"line\","
    "\"color\":\"#343a40\",\"strokeDash\":[6,4],\"strokeWidth\":1.2},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"temporal\"},"
    "\"y\":{\"field\":\"baseline\",\"type\":\"quantitative\"}}},"
    "{\"data\":{\"name\":\"deps\"},\"mark\":{\"type\":\"point\","
    "\"filled\":true,\"size\":46,\"opacity\":0.9,\"stroke\":\"#fff\","
    "\"strokeWidth\":0.6},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"temporal\"},"
    "\"y\":{\"field\":\"y\",\"type\":\"quantitative\"},"
    "\"color\":{\"field\":\"level\",\"type\":\"nominal\","
    "\"legend\":{\"title\":\"departure, by "
    "level\",\"orient\":\"bottom\",\"columns\":3}},"
    "\"tooltip\":[{\"field\":\"person\",\"title\":\"person\"},"
    "{\"field\":\"date\",\"title\":\"date\"},"
    "{\"field\":\"level\",\"title\":\"level\"},"
    "{\"field\":\"role\",\"title\":\"role\"},"
    "{\"field\":\"event\",\"title\":\"event\"},"
    "{\"field\":\"to\",\"title\":\"went to\"}]}},"
    "{\"data\":{\"name\":\"fin\"},\"mark\":{\"type\":\"point\","
    "\"shape\":\"triangle-down\",\"filled\":true,\"size\":80,"
    "\"color\":\"#1971c2\"},"
    "\"encoding\":{\"x\":{\"field\":\"t\",\"type\":\"temporal\"},"
    "\"y\":{\"value\":5},"
    "\"tooltip\":[{\"field\":\"kind\",\"title\":\"finance\"},"
    "{\"field\":\"date\",\"title\":\"date\"},"
    "{\"field\":\"amount\",\"title\":\"amount\"},"
    "{\"field\":\"note\",\"title\":\"note\"}]}}"
    "]}";

static json_t *timeline_spec(const struct spiral_data *s, exo_err *err)
{
    json_t *spec = NULL, *lam = NULL, *deps = NULL, *fin = NULL;
    double *grid = NULL, *lv = NULL, *bv = NULL;
    bool ok = true;
    size_t n = s->n, m = GRID_POINTS + 2 * n;
    grid = exo__calloc(m, sizeof *grid);
    lv = exo__calloc(m, sizeof *lv);
    bv = exo__calloc(m, sizeof *bv);
    spec = exo__jparse(timeline_template);
    lam = json_array();
    deps = json_array();
    fin = json_array();
    if (!grid || !lv || !bv || !spec || !lam || !deps || !fin)
        goto nomem;
    double span = s->w_end - s->w_start;
    size_t k = 0;
    for (size_t g = 0; g < GRID_POINTS; g++)
        grid[k++] = s->w_start + span * (double)g / (GRID_POINTS - 1);
    for (size_t i = 0; i < n; i++) {
        grid[k++] = s->t[i];
        grid[k++] = fmin(s->t[i] + JUMP_STEP, s->w_end);
    }
    /* Merge the event points into the uniform grid (both sorted). */
    for (size_t i = 1; i < m; i++) {
        double x = grid[i];
        size_t j = i;
        while (j > 0 && grid[j - 1] > x) {
            grid[j] = grid[j - 1];
            j--;
        }
        grid[j] = x;
    }
    bool fitted = estimate_usable(s);
    if (fitted) {
        exo_code rc =
            exo_hawkes_intensity(&s->fit, s->t, n, grid, m, lv, bv, err);
        if (rc) {
            json_decref(spec);
            spec = NULL;
            goto out;
        }
        for (size_t i = 0; i < m; i++) {
            json_t *row = json_object();
            ok &= exo__jset(
                row, "t", json_integer((json_int_t)llround(grid[i] * DAY_MS)));
            ok &= exo__jset(row, "lambda", exo__jnum(lv[i] * MONTH_DAYS));
            ok &= exo__jset(row, "baseline", exo__jnum(bv[i] * MONTH_DAYS));
            ok &= exo__jpush(lam, row);
        }
    }
    /* Each departure at the intensity just after it (or on the axis). */
    for (size_t kk = 0; kk < n; kk++) {
        const exo_move *mv = &s->deps.rows[s->order[kk]];
        double after = 0.0;
        if (fitted) {
            double at = fmin(s->t[kk] + JUMP_STEP, s->w_end);
            exo_hawkes_intensity(&s->fit, s->t, n, &at, 1, &after, NULL, NULL);
        }
        char dt[11];
        date_text(dt, mv->date);
        const char *lvl = exo_level_name(mv->level);
        json_t *row = json_object();
        ok &= exo__jset(row, "t",
                        json_integer((json_int_t)llround(s->t[kk] * DAY_MS)));
        ok &= exo__jset(row, "y", exo__jnum(after * MONTH_DAYS));
        ok &= exo__jset(row, "person", exo__jstr(mv->person));
        ok &= exo__jset(row, "date", exo__jstr(dt));
        ok &= exo__jset(row, "level", exo__jstr(lvl[0] ? lvl : "unknown"));
        ok &= exo__jset(row, "role", exo__jstr(mv->role ? mv->role : ""));
        ok &= exo__jset(row, "event", exo__jstr(exo_event_name(mv->event)));
        ok &= exo__jset(row, "to", exo__jstr(mv->to_org ? mv->to_org : ""));
        ok &= exo__jpush(deps, row);
    }
    for (size_t i = 0; i < s->fin.n; i++) {
        const exo_finance_row *f = &s->fin.rows[i];
        double day = f->date.days;
        if (day < s->w_start || day >= s->w_end)
            continue;
        char dt[11], amount[32];
        date_text(dt, f->date);
        money_text(amount, sizeof amount, f->amount_usd);
        json_t *row = json_object();
        ok &= exo__jset(row, "t",
                        json_integer((json_int_t)llround(day * DAY_MS)));
        ok &= exo__jset(row, "date", exo__jstr(dt));
        ok &= exo__jset(row, "kind", exo__jstr(f->kind));
        ok &= exo__jset(row, "amount", exo__jstr(amount));
        ok &= exo__jset(row, "note", exo__jstr(f->note ? f->note : ""));
        ok &= exo__jpush(fin, row);
    }
    json_t *datasets = json_object();
    ok &= exo__jset(datasets, "lambda", lam);
    ok &= exo__jset(datasets, "deps", deps);
    ok &= exo__jset(datasets, "fin", fin);
    lam = deps = fin = NULL;
    ok &= exo__jset(spec, "datasets", datasets);
    /* Fixed level colours; one x domain for every layer: the window. */
    json_t *layers = json_object_get(spec, "layer");
    json_t *color = json_object_get(
        json_object_get(json_array_get(layers, 4), "encoding"), "color");
    json_t *scale = json_object();
    ok &= exo__jset(scale, "domain", string_array(level_domain, 6));
    ok &= exo__jset(scale, "range", string_array(level_range, 6));
    ok &= exo__jset(color, "scale", scale);
    json_t *x = json_object_get(
        json_object_get(json_array_get(layers, 1), "encoding"), "x");
    json_t *xs = json_object_get(x, "scale"), *dom = json_array();
    ok &=
        exo__jpush(dom, json_integer((json_int_t)llround(s->w_start * DAY_MS)));
    ok &= exo__jpush(dom, json_integer((json_int_t)llround(s->w_end * DAY_MS)));
    ok &= exo__jset(xs, "domain", dom);
    if (!ok)
        goto nomem;
out:
    json_decref(lam);
    json_decref(deps);
    json_decref(fin);
    exo__free(grid);
    exo__free(lv);
    exo__free(bv);
    return spec;
nomem:
    json_decref(spec);
    spec = NULL;
    exo__fail(err, EXO_ENOMEM, "building the timeline chart");
    goto out;
}

static const char qq_template[] =
    "{\"width\":\"container\",\"height\":260,"
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"layer\":["
    "{\"data\":{\"name\":\"diag\"},\"mark\":{\"type\":\"line\","
    "\"color\":\"#adb5bd\",\"strokeDash\":[4,4]},"
    "\"encoding\":{\"x\":{\"field\":\"x\",\"type\":\"quantitative\","
    "\"title\":\"Exp(1) quantile\"},\"y\":{\"field\":\"y\",\"type\":"
    "\"quantitative\",\"title\":\"rescaled time between departures\"}}},"
    "{\"data\":{\"name\":\"qq\"},\"mark\":{\"type\":\"point\","
    "\"filled\":true,\"size\":26,\"opacity\":0.75},"
    "\"encoding\":{\"x\":{\"field\":\"expected\",\"type\":\"quantitative\"},"
    "\"y\":{\"field\":\"observed\",\"type\":\"quantitative\"},"
    "\"color\":{\"field\":\"model\",\"type\":\"nominal\","
    "\"scale\":{\"domain\":[\"Hawkes\",\"Poisson\"],"
    "\"range\":[\"#e8590c\",\"#868e96\"]},"
    "\"legend\":{\"title\":null,\"orient\":\"bottom\"}},"
    "\"tooltip\":[{\"field\":\"model\"},{\"field\":\"expected\","
    "\"format\":\".3f\"},{\"field\":\"observed\",\"format\":\".3f\"}]}}"
    "]}";

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static json_t *qq_spec(const struct spiral_data *s, exo_err *err)
{
    size_t n = s->n;
    double *tau = exo__calloc(n ? n : 1, sizeof *tau);
    json_t *spec = exo__jparse(qq_template), *rows = json_array();
    bool ok = tau && spec && rows;
    double top = 0.0;
    for (int pois = 0; ok && pois < 2; pois++) {
        exo_code rc = exo_hawkes_rescaled(&s->fit, s->t, n, pois, tau, err);
        if (rc) {
            exo__free(tau);
            json_decref(spec);
            json_decref(rows);
            return NULL;
        }
        exo__qsort(tau, n, sizeof *tau, cmp_double);
        for (size_t i = 0; i < n; i++) {
            double q = -log1p(-((double)i + 0.5) / (double)n);
            top = fmax(top, fmax(q, tau[i]));
            json_t *row = json_object();
            ok &=
                exo__jset(row, "model", exo__jstr(pois ? "Poisson" : "Hawkes"));
            ok &= exo__jset(row, "expected", exo__jnum(q));
            ok &= exo__jset(row, "observed", exo__jnum(tau[i]));
            ok &= exo__jpush(rows, row);
        }
    }
    json_t *diag = exo__jparse("[{\"x\":0,\"y\":0},{\"x\":1,\"y\":1}]");
    json_t *datasets = json_object();
    if (diag) {
        json_object_set_new(json_array_get(diag, 1), "x", exo__jnum(top));
        json_object_set_new(json_array_get(diag, 1), "y", exo__jnum(top));
    }
    ok &= exo__jset(datasets, "qq", rows);
    ok &= exo__jset(datasets, "diag", diag);
    ok &= exo__jset(spec, "datasets", datasets);
    exo__free(tau);
    if (!ok) {
        json_decref(spec);
        exo__fail(err, EXO_ENOMEM, "building the QQ chart");
        return NULL;
    }
    return spec;
}

static json_t *param_table(const struct spiral_data *s,
                           const struct exo__report_params *p)
{
    const exo_hawkes *f = &s->fit;
    json_t *t = json_object(), *rows = json_array();
    bool ok = exo__jset(t, "title", exo__jstr("The fitted model"));
    ok &= exo__jset(t, "columns", exo__jparse("[\"quantity\",\"estimate\"]"));
    char w0[11], w1[11];
    day_text(w0, s->w_start);
    day_text(w1, s->w_end - 1.0);
    ok &= exo__push_row(rows, "window",
                        exo__jfmt("%s .. %s (%s)", w0, w1, s->window_rule));
    ok &= exo__push_row(
        rows, "departures",
        exo__jfmt("%zu (dates spread within their precision, seed "
                  "%llu)",
                  s->n, (unsigned long long)p->seed));
    if (!estimate_usable(s)) {
        ok &= exo__push_row(rows, "fit",
                            exo__jfmt("none: %s", s->has_fit
                                                      ? "the optimiser did not "
                                                        "converge"
                                                      : s->no_fit));
    } else {
        for (size_t k = 0; k < f->n_regimes; k++)
            ok &= exo__push_row(rows, "baseline mu",
                                exo__jfmt("%.4g per month (SE %.2g)",
                                          f->mu[k] * MONTH_DAYS,
                                          f->mu_se[k] * MONTH_DAYS));
        if (f->at_boundary) {
            ok &=
                exo__push_row(rows, "jump alpha",
                              exo__jstr("0 (the Poisson fit is the maximum)"));
        } else {
            ok &= exo__push_row(rows, "jump alpha",
                                exo__jfmt("%.4g per month (SE %.2g)",
                                          f->alpha * MONTH_DAYS,
                                          f->alpha_se * MONTH_DAYS));
            double hl = log(2.0) / f->beta;
            ok &= exo__push_row(
                rows, "decay beta",
                exo__jfmt("%.4g per month (SE %.2g; half-life %.3g %s)",
                          f->beta * MONTH_DAYS, f->beta_se * MONTH_DAYS,
                          hl < MONTH_DAYS ? hl : hl / MONTH_DAYS,
                          hl < MONTH_DAYS ? "days" : "months"));
        }
        ok &= exo__push_row(rows, "branching ratio n", n_text(f));
        if (isfinite(f->n_wald_lo))
            ok &= exo__push_row(
                rows, "n, Wald interval",
                exo__jfmt("%.2f\xe2\x80\x93%.2f", f->n_wald_lo, f->n_wald_hi));
        if (!f->at_boundary && f->n < 1.0)
            ok &=
                exo__push_row(rows, "cluster size",
                              exo__jfmt("%.2f departures per cluster (1/(1-n))",
                                        1.0 / (1.0 - f->n)));
        ok &= exo__push_row(
            rows, "vs Poisson",
            exo__jfmt("LR %.2f, p = %.3g (50:50 chi-square mixture)", f->lr,
                      f->lr_p));
        if (f->has_gof)
            ok &=
                exo__push_row(rows, "goodness of fit",
                              exo__jfmt("KS p = %.3g (Hawkes), %.3g (Poisson)",
                                        f->ks_p, f->ks_p_poisson));
    }
    if (s->has_forecast)
        ok &= exo__push_row(
            rows, "forecast",
            exo__jfmt("%.0f departures in %g days (80%%: %.0f-%.0f, "
                      "95%%: %.0f-%.0f; %zu paths)",
                      s->forecast.median, p->horizon_days, s->forecast.lo80,
                      s->forecast.hi80, s->forecast.lo95, s->forecast.hi95,
                      s->forecast.n_paths));
    ok &= exo__jset(t, "rows", rows);
    if (!ok) {
        json_decref(t);
        return NULL;
    }
    return t;
}

static json_t *spiral_section(const struct spiral_data *s,
                              const struct exo__report_params *p, exo_err *err)
{
    json_t *sec = json_object(), *charts = json_array(), *tables = json_array();
    json_t *notes = json_array();
    bool ok = exo__jset(sec, "id", exo__jstr("spiral"));
    ok &= exo__jset(sec, "title", exo__jstr("Departures and contagion"));
    json_t *tl = timeline_spec(s, err);
    if (!tl)
        goto fail;
    ok &= exo__jpush(
        charts,
        exo__chart(
            "timeline", "Departures over time",
            exo__jstr(estimate_usable(s)
                          ? "Solid line: the fitted intensity lambda(t), "
                            "the expected departures per month given the "
                            "history; dashed: the baseline mu; dots: "
                            "departures (hover for names); triangles and "
                            "dotted rules: finance events."
                          : "No model could be fitted: dots are the "
                            "departures, triangles the finance events."),
            tl));
    if (estimate_usable(s) && s->n > 0) {
        json_t *qq = qq_spec(s, err);
        if (!qq)
            goto fail;
        ok &= exo__jpush(
            charts,
            exo__chart(
                "qq", "Goodness of fit: rescaled times",
                s->fit.has_gof
                    ? exo__jfmt("Under the right model the rescaled times "
                                "between departures are exponential with "
                                "mean 1 and fall on the diagonal. KS p = %.3g "
                                "(Hawkes), %.3g (Poisson).",
                                s->fit.ks_p, s->fit.ks_p_poisson)
                    : exo__jstr("Under the right model the points fall on "
                                "the diagonal."),
                qq));
    }
    ok &= exo__jpush(tables, param_table(s, p));
    ok &= exo__jpush(notes, exo__jstr("The baseline is constant over the "
                                      "window: a change of regime or a "
                                      "growing organisation can look like "
                                      "contagion; exodus spiral --regime "
                                      "DATE tests that."));
    ok &= exo__jset(sec, "charts", charts);
    ok &= exo__jset(sec, "tables", tables);
    ok &= exo__jset(sec, "notes", notes);
    if (ok)
        return sec;
    exo__fail(err, EXO_ENOMEM, "building the spiral section");
    json_decref(sec);
    return NULL;
fail:
    json_decref(sec);
    json_decref(charts);
    json_decref(tables);
    json_decref(notes);
    return NULL;
}

exo_code exo__view_spiral(exo_store *store, const char *org,
                          const exo_filter *filter,
                          const struct exo__report_params *p, json_t **out,
                          exo_err *err)
{
    struct spiral_data s;
    memset(&s, 0, sizeof s);
    *out = NULL;
    exo_code rc = spiral_compute(store, org, filter, p, &s, err);
    if (rc) {
        spiral_data_release(&s);
        return rc;
    }
    json_t *view = json_object();
    json_t *card = card_json(org, &s, p);
    json_t *sec = card ? spiral_section(&s, p, err) : NULL;
    bool ok = exo__jset(view, "org", exo__jstr(org));
    ok &= exo__jset(view, "card", card);
    ok &= sec && exo__jset(view, "section", sec);
    spiral_data_release(&s);
    if (!ok) {
        json_decref(view);
        return err && err->code
                   ? err->code
                   : exo__fail(err, EXO_ENOMEM, "building the spiral view");
    }
    *out = view;
    return EXO_OK;
}
