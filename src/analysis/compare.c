/*
 * compare.c - organisations side by side, as of a date: the essay's
 * question ("is OpenAI losing talent faster than its rivals, which people,
 * to whom, and does its money make it worse?") asked of the store. Each
 * figure comes from the code that owns it (departures.c for what a
 * departure is, spiral.c for the verdict, the core team and finance
 * queries), so a comparison never disagrees with the organisation's own
 * commands; this file only cuts them at the as-of date and lines them up.
 *
 * As of a date: only records dated on or before it count, the spiral's
 * window ends there, and the finance timeline stops there. The store keeps
 * the date a record gives, not the date it was reported, so a departure
 * reported later about an earlier date is counted (docs/compare.md).
 *
 * The backtest: with an as-of date the data go beyond, the spiral's
 * forecast for the next 6 and 12 months beside the departures recorded
 * then. A check of the model against the news, not a claim that the news
 * is complete.
 */
#include <math.h>
#include <string.h>

#include "analysis/analysis.h"
#include "core/exo.h"
#include "store/rows.h"

/* The backtest's horizons: half a year and a year. */
static const double backtest_days[2] = {182.0, 365.0};

static int year_of(int32_t days)
{
    int y, m, d;
    exo_civil_from_days(days, &y, &m, &d);
    return y;
}

static void org_release(exo_comparison_org *o)
{
    exo__free(o->org);
    exo__free(o->departures);
    exo__free(o->arrivals);
    exo_spiral_release(o->spiral);
    exo__free(o->valuation_dates);
    exo__free(o->valuations);
    for (size_t i = 0; i < o->n_rounds; i++)
        exo__free(o->rounds[i].source);
    exo__free(o->rounds);
}

void exo_comparison_release(exo_comparison *cmp)
{
    if (!cmp)
        return;
    for (size_t i = 0; i < cmp->n; i++)
        org_release(&cmp->orgs[i]);
    exo__free(cmp->orgs);
    exo__free(cmp->flows);
    exo__free(cmp);
}

/* Widens [first, last] ('any': set yet) to the years of 'list'. */
static void years_of(const exo_move_list *list, int *first, int *last,
                     bool *any)
{
    for (size_t i = 0; i < list->n; i++) {
        int y = year_of(list->rows[i].date.days);
        *first = *any && *first < y ? *first : y;
        *last = *any && *last > y ? *last : y;
        *any = true;
    }
}

/* Departures and arrivals per year, by function, senior ones. */
static exo_code count_moves(exo_comparison_org *o, const exo_move_list *deps,
                            const exo_move_list *arrs, exo_err *err)
{
    int first = 0, last = 0;
    bool any = false;
    years_of(deps, &first, &last, &any);
    years_of(arrs, &first, &last, &any);
    o->first_year = first;
    o->n_years = any ? (size_t)(last - first + 1) : 0;
    o->departures = exo__calloc(o->n_years ? o->n_years : 1, sizeof(size_t));
    o->arrivals = exo__calloc(o->n_years ? o->n_years : 1, sizeof(size_t));
    if (!o->departures || !o->arrivals)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    for (size_t i = 0; i < deps->n; i++) {
        const exo_move *m = &deps->rows[i];
        o->departures[year_of(m->date.days) - first]++;
        o->senior_departures +=
            m->level == EXO_LEVEL_FOUNDER || m->level == EXO_LEVEL_EXEC;
        o->by_function[exo_function_infer(m->role)]++;
    }
    for (size_t i = 0; i < arrs->n; i++)
        o->arrivals[year_of(arrs->rows[i].date.days) - first]++;
    o->total_departures = deps->n;
    o->total_arrivals = arrs->n;
    return EXO_OK;
}

/* Average headcount over the counted years from the spells, and the
 * departures per head per year. */
static exo_code per_head(exo_store *store, exo_comparison_org *o,
                         const exo_comparison_opts *opts, exo_err *err)
{
    exo_spells sp;
    exo_code rc = exo_spells_load(store, o->org, &sp, err);
    if (rc)
        return rc;
    if (sp.n == 0 || o->n_years == 0) {
        exo_spells_release(&sp);
        return EXO_OK;
    }
    double a = exo_days_from_civil(o->first_year, 1, 1);
    double b = exo_days_from_civil(o->first_year + (int)o->n_years, 1, 1);
    if (opts->has_since)
        a = fmax(a, opts->since);
    if (opts->has_as_of)
        b = fmin(b, opts->as_of + 1.0);
    /* The integral of the headcount over [a, b): each spell's overlap. */
    double person_days = 0.0;
    for (size_t i = 0; i < sp.n; i++) {
        double s = sp.start[i], e = isnan(sp.end[i]) ? b : sp.end[i] + 1.0;
        double lo = fmax(s, a), hi = fmin(e, b);
        if (hi > lo)
            person_days += hi - lo;
    }
    exo_spells_release(&sp);
    if (!(b > a) || !(person_days > 0.0))
        return EXO_OK;
    o->has_headcount = true;
    o->headcount_avg = person_days / (b - a);
    o->attrition_annual =
        (double)o->total_departures / o->headcount_avg / ((b - a) / 365.25);
    return EXO_OK;
}

/* The core team on the as-of date. */
static exo_code core_team(exo_store *store, exo_comparison_org *o,
                          const exo_comparison_opts *opts, exo_err *err)
{
    exo_core_team team;
    exo_code rc = exo_core_team_load(store, o->org, &team, err);
    if (rc)
        return rc;
    int32_t at = opts->has_as_of ? opts->as_of : INT32_MAX;
    for (size_t i = 0; i < team.n; i++) {
        const exo_core_member *m = &team.rows[i];
        if (m->has_joined && m->joined.days > at)
            continue; /* not there yet */
        bool present = !(m->has_left && m->left.days <= at);
        o->n_no_arrival += !m->has_joined;
        if (m->level == EXO_LEVEL_FOUNDER) {
            o->founders++;
            o->founders_remaining += present;
        } else if (m->level == EXO_LEVEL_EXEC) {
            o->execs++;
            o->execs_remaining += present;
        }
    }
    exo_core_team_release(&team);
    return EXO_OK;
}

static bool kind_is(const exo_finance_row *r, const char *kind)
{
    return r->kind && strcmp(r->kind, kind) == 0;
}

/* The valuation path and each priced round's dilution, to the as-of date.
 * A round is priced when a valuation is recorded on its date: the
 * post-money valuation; its dilution is the share the new money bought. */
static exo_code finance(exo_store *store, exo_comparison_org *o,
                        const exo_comparison_opts *opts, exo_err *err)
{
    exo_finance_list fl;
    exo_code rc = exo_finance_list_load(store, o->org, &fl, err);
    if (rc)
        return rc;
    int32_t at = opts->has_as_of ? opts->as_of : INT32_MAX;
    size_t nv = 0, nr = 0;
    for (size_t i = 0; i < fl.n; i++) {
        const exo_finance_row *r = &fl.rows[i];
        if (r->date.days > at || isnan(r->amount_usd))
            continue;
        nv += kind_is(r, "valuation");
        nr += kind_is(r, "funding");
    }
    o->valuation_dates = exo__calloc(nv ? nv : 1, sizeof *o->valuation_dates);
    o->valuations = exo__calloc(nv ? nv : 1, sizeof *o->valuations);
    o->rounds = exo__calloc(nr ? nr : 1, sizeof *o->rounds);
    if (!o->valuation_dates || !o->valuations || !o->rounds) {
        exo_finance_list_release(&fl);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < fl.n; i++) {
        const exo_finance_row *r = &fl.rows[i];
        if (r->date.days > at || isnan(r->amount_usd))
            continue;
        if (kind_is(r, "valuation")) {
            o->valuation_dates[o->n_valuations] = r->date;
            o->valuations[o->n_valuations++] = r->amount_usd;
        } else if (kind_is(r, "funding")) {
            exo_round *d = &o->rounds[o->n_rounds++];
            d->date = r->date;
            d->raised_usd = r->amount_usd;
            d->post_money_usd = EXO_NAN;
            d->dilution = EXO_NAN;
            d->source = r->source ? exo__strdup(r->source) : NULL;
            if (r->source && !d->source) {
                exo_finance_list_release(&fl);
                return exo__fail(err, EXO_ENOMEM, "out of memory");
            }
            for (size_t j = 0; j < fl.n; j++) {
                const exo_finance_row *v = &fl.rows[j];
                if (kind_is(v, "valuation") && v->date.days == r->date.days &&
                    v->amount_usd > 0.0) {
                    d->post_money_usd = v->amount_usd;
                    d->dilution = r->amount_usd / v->amount_usd;
                }
            }
        }
    }
    exo_finance_list_release(&fl);
    return EXO_OK;
}

/* The spiral as of the date, and its forecasts checked against what the
 * store recorded after it. */
static void spiral(exo_store *store, exo_comparison_org *o,
                   const exo_comparison_opts *opts, int32_t data_end,
                   const exo_move_list *all_deps)
{
    exo_spiral_opts so;
    exo_spiral_opts_init(&so);
    so.seed = opts->seed;
    if (opts->has_as_of) {
        so.filter.has_until = true;
        so.filter.until = opts->as_of;
    }
    exo_err e = {0};
    if (exo_spiral_analyze(store, o->org, &so, &o->spiral, &e) != EXO_OK) {
        o->spiral = NULL;
        snprintf(o->spiral_error, sizeof o->spiral_error, "%s", e.msg);
        return;
    }
    if (!opts->has_as_of)
        return;
    for (size_t h = 0; h < 2; h++) {
        double H = backtest_days[h];
        if (opts->as_of + H > data_end)
            break;
        exo_spiral *s = NULL;
        so.horizon = H;
        if (exo_spiral_analyze(store, o->org, &so, &s, &e) != EXO_OK ||
            !s->has_forecast) {
            exo_spiral_release(s);
            break;
        }
        exo_backtest *bt = &o->backtests[o->n_backtests++];
        bt->horizon_days = H;
        bt->forecast = s->forecast;
        /* Counted as the spiral counts: (end of window, end + H]. */
        for (size_t i = 0; i < all_deps->n; i++) {
            double t = all_deps->rows[i].date.days;
            bt->observed += t >= s->end && t < s->end + H;
        }
        exo_spiral_release(s);
    }
}

exo_code exo_comparison_load(exo_store *store, const char *const *orgs,
                             size_t n, const exo_comparison_opts *opts,
                             exo_comparison **out, exo_err *err)
{
    exo_comparison_opts defaults;
    exo_code rc = EXO_OK;
    *out = NULL;
    if (!opts) {
        memset(&defaults, 0, sizeof defaults);
        opts = &defaults;
    }
    if (n == 0)
        return exo__fail(err, EXO_EINVAL, "no organisation to compare");
    exo_comparison *c = exo__calloc(1, sizeof *c);
    if (!c)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    c->orgs = exo__calloc(n, sizeof *c->orgs);
    c->flows = exo__calloc(n * (n + 1), sizeof *c->flows);
    if (!c->orgs || !c->flows) {
        exo_comparison_release(c);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    c->n = n;
    c->has_as_of = opts->has_as_of;
    c->as_of = opts->as_of;
    exo_date last = {0};
    if ((rc = exo__store_last_date(store, &last, err)) == EXO_ENOTFOUND) {
        exo_err_clear(err);
        rc = EXO_OK;
    }
    if (rc)
        goto fail;
    c->data_end = last.days;
    for (size_t i = 0; i < n; i++)
        if ((rc = exo_org_resolve(store, orgs[i], &c->orgs[i].org, err)))
            goto fail;
    for (size_t i = 0; i < n; i++) {
        exo_comparison_org *o = &c->orgs[i];
        exo_filter f = {0};
        f.has_since = opts->has_since;
        f.since = opts->since;
        f.has_until = opts->has_as_of;
        f.until = opts->as_of;
        exo_move_list deps = {0}, arrs = {0}, all = {0};
        exo_filter none = {0};
        if ((rc = exo_move_list_load_departures(store, o->org, &f, &deps, NULL,
                                                err)) ||
            (rc = exo_move_list_load_arrivals(store, o->org, &f, &arrs, err)) ||
            (rc = count_moves(o, &deps, &arrs, err)) ||
            (rc = per_head(store, o, opts, err)) ||
            (rc = core_team(store, o, opts, err)) ||
            (rc = finance(store, o, opts, err))) {
            exo_move_list_release(&deps);
            exo_move_list_release(&arrs);
            goto fail;
        }
        /* Where the departures went: to each compared organisation, or
         * elsewhere. The destination is stored under its canonical name. */
        for (size_t k = 0; k < deps.n; k++) {
            const char *to = deps.rows[k].to_org;
            size_t j = n;
            for (size_t q = 0; q < n && to; q++)
                if (q != i && strcmp(to, c->orgs[q].org) == 0)
                    j = q;
            c->flows[i * (n + 1) + j]++;
        }
        exo_move_list_release(&arrs);
        exo_move_list_release(&deps);
        if (!opts->no_spiral) {
            if (opts->has_as_of && (rc = exo_move_list_load_departures(
                                        store, o->org, &none, &all, NULL, err)))
                goto fail;
            spiral(store, o, opts, c->data_end, &all);
            exo_move_list_release(&all);
        }
    }
    *out = c;
    return EXO_OK;
fail:
    exo_comparison_release(c);
    return rc;
}
