/*
 * view_spiral.c - the spiral view of one organisation: the answer of
 * exo_spiral_analyze (the same JSON as 'exodus spiral ORG --json', under
 * "spiral"), the core team's numbers, and two charts drawn from it: the
 * departures timeline with lambda(t), and the QQ plot of rescaled times.
 * The page (assets/exodus.js) writes the card and the table from these
 * numbers; nothing here decides a window, a baseline or a verdict.
 *
 * Rates are shown per month of 30.4375 days; chart times are milliseconds
 * since 1970 (UTC), as Vega-Lite reads numbers on a temporal axis.
 */
#include "report/report.h"

#include "analysis/analysis.h"

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

/* "2024-05-14", "2024-05" or "2024" as the date's precision allows. */
static void date_text(char buf[11], exo_date d)
{
    exo_date_format(d.days, buf);
    if (d.precision == EXO_PREC_MONTH)
        buf[7] = '\0';
    else if (d.precision == EXO_PREC_YEAR)
        buf[4] = '\0';
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
    exo_spiral *a; /* the analysis */
    exo_core_team team;
    exo_finance_list fin;
};

static void spiral_data_release(struct spiral_data *s)
{
    exo_spiral_release(s->a);
    exo_core_team_release(&s->team);
    exo_finance_list_release(&s->fin);
}

static exo_code spiral_compute(exo_store *store, const char *org,
                               const exo_filter *filter,
                               const struct exo__report_params *p,
                               struct spiral_data *s, exo_err *err)
{
    exo_spiral_opts o;
    exo_spiral_opts_init(&o);
    if (filter)
        o.filter = *filter;
    o.seed = p->seed;
    o.paths = p->paths;
    o.horizon = p->horizon_days;
    exo_code rc;
    if ((rc = exo_spiral_analyze(store, org, &o, &s->a, err)) ||
        (rc = exo_core_team_load(store, org, &s->team, err)) ||
        (rc = exo_finance_list_load(store, org, &s->fin, err)))
        return rc;
    return EXO_OK;
}

/* The numbers beside the verdict: the core team and the last 12 months. */
static json_t *team_json(const struct spiral_data *s)
{
    const exo_spiral *a = s->a;
    /* Departures dated in the 12 months to the window's last day. */
    int y, m, d;
    int32_t last = (int32_t)floor(a->end) - 1;
    exo_civil_from_days(last, &y, &m, &d);
    /* The same day a year earlier (28 February for 29 February), exclusive. */
    int32_t from =
        exo_days_from_civil(y - 1, m, m == 2 && d == 29 ? 28 : d) + 1;
    size_t recent = 0;
    for (size_t i = 0; i < a->departures.n; i++)
        recent += a->departures.rows[i].date.days >= from &&
                  a->departures.rows[i].date.days <= last;
    char d0[11], d1[11];
    exo_date_format(from, d0);
    exo_date_format(last, d1);
    return json_pack("{s{sssssI}s{sIsIsIsI}}", "recent", "from", d0, "to", d1,
                     "departures", (json_int_t)recent, "team", "founders",
                     (json_int_t)s->team.n_founders, "founders_remaining",
                     (json_int_t)s->team.n_founders_remaining, "execs",
                     (json_int_t)s->team.n_execs, "execs_remaining",
                     (json_int_t)s->team.n_execs_remaining);
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

/*
 * A time as a Vega-Lite DateTime in UTC ({"utc":true,"year":2020,...}),
 * for a scale domain. A bare number would do under Vega's own expression
 * compiler, but Vega-Lite wraps it as datetime(ms), and the CSP-safe
 * interpreter (vega-interpreter, which the pages use so that their policy
 * needs no 'unsafe-eval') reads datetime's one argument as a year: the
 * domain became an invalid date and every mark of the timeline was drawn
 * at x = 0. A DateTime compiles to utc(y, m, d, ...), the same under both.
 */
static json_t *utc_datetime(double days)
{
    long long ms = llround(days * DAY_MS);
    long long day = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    long long rest = ms - day * 86400000;
    int y, mo, d;
    exo_civil_from_days((int32_t)day, &y, &mo, &d);
    json_t *o = json_object();
    bool ok = o && exo__jset(o, "utc", json_true()) &&
              exo__jset(o, "year", json_integer(y)) &&
              exo__jset(o, "month", json_integer(mo)) &&
              exo__jset(o, "date", json_integer(d)) &&
              exo__jset(o, "hours", json_integer(rest / 3600000)) &&
              exo__jset(o, "minutes", json_integer(rest / 60000 % 60)) &&
              exo__jset(o, "seconds", json_integer(rest / 1000 % 60)) &&
              exo__jset(o, "milliseconds", json_integer(rest % 1000));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *timeline_spec(const struct spiral_data *s, exo_err *err)
{
    json_t *spec = NULL, *lam = NULL, *deps = NULL, *fin = NULL;
    double *grid = NULL, *lv = NULL, *bv = NULL;
    bool ok = true;
    size_t n = s->a->n_events, m = GRID_POINTS + 2 * n;
    grid = exo__calloc(m, sizeof *grid);
    lv = exo__calloc(m, sizeof *lv);
    bv = exo__calloc(m, sizeof *bv);
    spec = exo__jparse(timeline_template);
    lam = json_array();
    deps = json_array();
    fin = json_array();
    if (!grid || !lv || !bv || !spec || !lam || !deps || !fin)
        goto nomem;
    double span = s->a->end - s->a->start;
    size_t k = 0;
    for (size_t g = 0; g < GRID_POINTS; g++)
        grid[k++] = s->a->start + span * (double)g / (GRID_POINTS - 1);
    for (size_t i = 0; i < n; i++) {
        grid[k++] = s->a->times[i];
        grid[k++] = fmin(s->a->times[i] + JUMP_STEP, s->a->end);
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
    bool fitted = s->a->has_fit;
    if (fitted) {
        exo_code rc = exo_hawkes_intensity_weighted(
            &s->a->fit, s->a->times, n, s->a->base_t, s->a->base_w,
            s->a->n_base, grid, m, lv, bv, err);
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
        const exo_move *mv = &s->a->departures.rows[s->a->order[kk]];
        double after = 0.0;
        if (fitted) {
            double at = fmin(s->a->times[kk] + JUMP_STEP, s->a->end);
            exo_hawkes_intensity_weighted(
                &s->a->fit, s->a->times, n, s->a->base_t, s->a->base_w,
                s->a->n_base, &at, 1, &after, NULL, NULL);
        }
        char dt[11];
        date_text(dt, mv->date);
        const char *lvl = exo_level_name(mv->level);
        json_t *row = json_object();
        ok &= exo__jset(
            row, "t",
            json_integer((json_int_t)llround(s->a->times[kk] * DAY_MS)));
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
        if (day < s->a->start || day >= s->a->end)
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
    ok &= exo__jpush(dom, utc_datetime(s->a->start));
    ok &= exo__jpush(dom, utc_datetime(s->a->end));
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

static json_t *qq_spec(const struct spiral_data *s, exo_err *err)
{
    size_t n = s->a->n_events;
    double *tau = exo__calloc(n ? n : 1, sizeof *tau);
    json_t *spec = exo__jparse(qq_template), *rows = json_array();
    bool ok = tau && spec && rows;
    double top = 0.0;
    for (int pois = 0; ok && pois < 2; pois++) {
        exo_code rc = exo_hawkes_rescaled_weighted(
            &s->a->fit, s->a->times, n, pois, s->a->base_t, s->a->base_w,
            s->a->n_base, tau, err);
        if (rc) {
            exo__free(tau);
            json_decref(spec);
            json_decref(rows);
            return NULL;
        }
        exo__qsort(tau, n, sizeof *tau, exo__cmp_double);
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

static json_t *spiral_section(const struct spiral_data *s, exo_err *err)
{
    const exo_spiral *a = s->a;
    json_t *sec = json_object(), *charts = json_array();
    bool ok = exo__jset(sec, "id", exo__jstr("spiral"));
    ok &= exo__jset(sec, "title", exo__jstr("Departures and contagion"));
    json_t *tl = timeline_spec(s, err);
    if (!tl)
        goto fail;
    ok &= exo__jpush(
        charts,
        exo__chart(
            "timeline", "Departures over time",
            exo__jstr(a->has_fit
                          ? "Solid line: the fitted intensity lambda(t), "
                            "the expected departures per month given the "
                            "history; dashed: the baseline (the trend); "
                            "dots: departures (hover for names), dates "
                            "known to a month or year placed as in the "
                            "first imputation; triangles and dotted rules: "
                            "finance events."
                          : "No model could be fitted: dots are the "
                            "departures, triangles the finance events."),
            tl));
    if (a->has_fit && a->n_events > 0) {
        json_t *qq = qq_spec(s, err);
        if (!qq)
            goto fail;
        ok &= exo__jpush(
            charts,
            exo__chart("qq", "Goodness of fit: rescaled times",
                       exo__jstr("Under the right model the rescaled times "
                                 "between departures are exponential with "
                                 "mean 1 and fall on the diagonal. Poisson "
                                 "here is the trend-only model."),
                       qq));
    }
    ok &= exo__jset(sec, "charts", charts);
    if (ok)
        return sec;
    exo__fail(err, EXO_ENOMEM, "building the spiral section");
    json_decref(sec);
    return NULL;
fail:
    json_decref(sec);
    json_decref(charts);
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
    json_t *view = team_json(&s);
    json_t *sec = spiral_section(&s, err);
    bool ok = view && sec;
    ok = ok && exo__jset(view, "org", exo__jstr(s.a->org));
    ok = ok && exo__jset(view, "spiral", exo__spiral_json_t(s.a));
    ok = ok && exo__jset(view, "section", sec);
    if (!ok && view && !json_object_get(view, "section"))
        json_decref(sec);
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
