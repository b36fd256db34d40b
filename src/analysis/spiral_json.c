/*
 * spiral_json.c - the spiral answer as JSON: the one set of fields that
 * 'exodus spiral --json', the report's data and /api/spiral share. Every
 * number at full precision in the times' unit (days for dates); an
 * unbounded end of an interval is null.
 */
#include <jansson.h>
#include <math.h>

#include "analysis/analysis.h"

/* A number, or null when it is not finite. */
static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *pair(double a, double b)
{
    return json_pack("[oo]", num(a), num(b));
}

/* "2024-05-14" for a day number. */
static json_t *day(double t)
{
    char d[11];
    exo_date_format((int32_t)floor(t), d);
    return json_string(d);
}

/* Sets key to value on obj; a NULL value (out of memory) fails. */
static bool set(json_t *obj, const char *key, json_t *value)
{
    return value && json_object_set_new(obj, key, value) == 0;
}

static json_t *trend_json(const exo_spiral *s, const exo_trend *tr)
{
    json_t *segs = json_array();
    bool ok = segs != NULL;
    for (size_t k = 0; ok && k < tr->n_segments; k++) {
        json_t *g = json_object();
        ok = g && set(g, "start_time", json_real(tr->start[k])) &&
             (!s->dates || set(g, "start", day(tr->start[k]))) &&
             set(g, "events", json_integer((json_int_t)tr->events[k])) &&
             set(g, "rate", json_real(tr->rate[k])) &&
             json_array_append_new(segs, g) == 0;
    }
    if (!ok) {
        json_decref(segs);
        return NULL;
    }
    return segs;
}

static json_t *fit_json(const exo_spiral *s, const exo_hawkes *f)
{
    json_t *o = json_object(), *mu = json_array(), *mu_se = json_array();
    bool ok = o && mu && mu_se;
    for (size_t k = 0; ok && k < f->n_regimes; k++)
        ok = json_array_append_new(mu, json_real(f->mu[k])) == 0 &&
             json_array_append_new(mu_se, num(f->mu_se[k])) == 0;
    ok = ok && set(o, "mu", mu) && set(o, "mu_se", mu_se);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    json_t *starts = json_array();
    for (size_t k = 0; starts && k < f->n_regimes; k++)
        json_array_append_new(starts, s->dates ? day(f->regime_start[k])
                                               : json_real(f->regime_start[k]));
    ok = set(o, "regime_starts", starts) && set(o, "alpha", num(f->alpha)) &&
         set(o, "alpha_se", num(f->alpha_se)) && set(o, "beta", num(f->beta)) &&
         set(o, "beta_se", num(f->beta_se)) &&
         set(o, "half_life", num(log(2.0) / f->beta)) &&
         set(o, "n", num(f->n)) && set(o, "n_se", num(f->n_se)) &&
         set(o, "n_ci_wald", pair(f->n_wald_lo, f->n_wald_hi)) &&
         set(o, "n_ci_profile",
             f->has_profile ? pair(f->n_prof_lo, f->n_prof_hi) : json_null()) &&
         set(o, "loglik", num(f->loglik)) &&
         set(o, "loglik_poisson", num(f->loglik_poisson)) &&
         set(o, "lr", num(f->lr)) && set(o, "lr_p_mixture", num(f->lr_p)) &&
         set(o, "ks_p", f->has_gof ? num(f->ks_p) : json_null()) &&
         set(o, "ks_p_poisson",
             f->has_gof ? num(f->ks_p_poisson) : json_null()) &&
         set(o, "excitation_end", num(f->excitation_end)) &&
         set(o, "weighted", json_boolean(f->weighted)) &&
         set(o, "fixed_decay", json_boolean(f->fixed_decay)) &&
         set(o, "at_boundary", json_boolean(f->at_boundary)) &&
         set(o, "decay_at_limit", json_boolean(f->decay_at_limit)) &&
         set(o, "converged", json_boolean(f->converged)) &&
         set(o, "iterations", json_integer(f->iterations)) &&
         set(o, "grad_norm", num(f->grad_norm)) &&
         set(o, "starts", json_integer(f->n_starts));
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *imputations_json(const exo_spiral *s)
{
    json_t *a = json_array();
    for (size_t m = 0; a && m < s->n_imputations; m++) {
        const exo_spiral_imputation *im = &s->imputations[m];
        json_t *o = im->has_fit
                        ? json_pack("{sososososIss}", "n", num(im->n),
                                    "interval", pair(im->lo, im->hi), "p",
                                    num(im->p), "ks_p", num(im->ks_p),
                                    "segments", (json_int_t)im->n_segments,
                                    "verdict", exo_spiral_kind_name(im->kind))
                        : json_pack("{sn}", "n");
        if (!o || json_array_append_new(a, o)) {
            json_decref(a);
            return NULL;
        }
    }
    return a;
}

json_t *exo__spiral_json_t(const exo_spiral *s)
{
    json_t *j = json_object();
    if (!j)
        return NULL;
    bool ok = s->org ? set(j, "org", json_string(s->org))
                     : set(j, "org", json_null());
    json_t *win = json_object();
    ok = ok && win && set(win, "start_time", json_real(s->start)) &&
         set(win, "end_time", json_real(s->end)) &&
         (!s->dates || (set(win, "start", day(s->start)) &&
                        set(win, "end", day(s->end - 1.0)))) &&
         set(win, "rule", json_string(s->window_rule));
    ok = ok && set(j, "time_unit", json_string(s->dates ? "day" : "unit")) &&
         set(j, "window", win) &&
         set(j, "events", json_integer((json_int_t)s->n_events)) &&
         set(j, "events_outside_window",
             json_integer((json_int_t)s->n_outside)) &&
         set(j, "reports_folded", json_integer((json_int_t)s->n_folded)) &&
         set(j, "leaves_left_out", json_integer((json_int_t)s->n_leave)) &&
         set(j, "precision",
             json_pack("{sIsIsIsIsIso}", "exact", (json_int_t)s->n_exact, "day",
                       (json_int_t)s->n_day, "month", (json_int_t)s->n_month,
                       "year", (json_int_t)s->n_year, "tied_numbers",
                       (json_int_t)s->n_step, "step",
                       s->n_step ? json_real(s->step) : json_null()));
    json_t *base = json_object();
    ok = ok && base &&
         set(base, "kind", json_string(exo_baseline_name(s->baseline))) &&
         set(base, "per_head", json_boolean(s->per_head)) &&
         set(base, "per_head_default", json_boolean(s->per_head_default)) &&
         set(base, "segments", trend_json(s, &s->trend)) &&
         set(base, "hawkes_segments", trend_json(s, &s->hawkes_trend)) &&
         set(base, "loglik", num(s->trend.loglik)) &&
         set(base, "penalty", num(s->trend.penalty)) &&
         set(j, "baseline", base);
    if (ok && s->org) {
        json_t *mass = json_object(), *days = json_array();
        for (size_t k = 0; days && k < s->n_mass_days && k < EXO_MAX_MASS_DAYS;
             k++)
            json_array_append_new(
                days, json_pack("{soSI}", "date", day(s->mass_day[k]),
                                "departures", (json_int_t)s->mass_count[k]));
        ok = mass && days &&
             set(mass, "mode", json_string(exo_mass_mode_name(s->mass_mode))) &&
             set(mass, "min_departures",
                 json_integer((json_int_t)s->mass_min)) &&
             set(mass, "days", json_integer((json_int_t)s->n_mass_days)) &&
             set(mass, "departures",
                 json_integer((json_int_t)s->n_mass_departures)) &&
             set(mass, "listed", days) && set(j, "mass_events", mass);
    }
    if (ok && s->n_hc)
        ok = set(j, "headcount",
                 json_pack("{sIsfsf}", "spells", (json_int_t)s->n_spells,
                           "start", s->hc[0], "end", s->hc[s->n_hc - 1]));
    ok = ok &&
         set(j, "imputations", json_integer((json_int_t)s->n_imputations)) &&
         set(j, "imputations_fitted", json_integer((json_int_t)s->n_fitted)) &&
         set(j, "level", json_real(s->level));
    if (ok && s->has_fit) {
        json_t *votes = json_object();
        for (int k = 0; votes && k < EXO_SPIRAL_N_KINDS; k++)
            if (s->kind_count[k])
                json_object_set_new(votes,
                                    exo_spiral_kind_name((exo_spiral_kind)k),
                                    json_integer((json_int_t)s->kind_count[k]));
        ok = set(j, "n", num(s->n)) &&
             set(j, "n_interval", pair(s->n_lo, s->n_hi)) &&
             set(j, "n_range", pair(s->n_min, s->n_max)) &&
             set(j, "test",
                 json_pack("{sssosIsI}", "method",
                           s->bootstrap ? "parametric bootstrap"
                                        : "asymptotic 50:50 chi-square "
                                          "mixture",
                           "p", num(s->p), "replicates", (json_int_t)s->n_boot,
                           "used", (json_int_t)s->n_boot_used)) &&
             set(j, "goodness_of_fit",
                 json_pack("{soso}", "ks_p_hawkes", num(s->ks_p), "ks_p_trend",
                           num(s->ks_p_trend))) &&
             set(j, "verdicts_by_imputation", votes) &&
             set(j, "by_imputation", imputations_json(s)) &&
             set(j, "fit", fit_json(s, &s->fit));
        if (ok && s->has_fit_constant) {
            json_t *c = fit_json(s, &s->fit_constant);
            ok = set(j, "constant_baseline", c);
        } else if (ok) {
            ok = set(j, "constant_baseline", json_null());
        }
    } else if (ok) {
        ok = set(j, "no_fit", json_string(s->no_fit)) &&
             set(j, "n", json_null()) && set(j, "fit", json_null());
    }
    if (ok && s->has_forecast) {
        const exo_forecast *fc = &s->forecast;
        ok = set(j, "forecast",
                 json_pack("{sfsIsIsfsfsosososI}", "horizon", fc->horizon,
                           "paths", (json_int_t)fc->n_paths, "seed",
                           (json_int_t)fc->seed, "mean", fc->mean, "median",
                           fc->median, "interval80", pair(fc->lo80, fc->hi80),
                           "interval95", pair(fc->lo95, fc->hi95),
                           "parameter_uncertainty", json_true(), "capped_paths",
                           (json_int_t)fc->n_capped));
    } else if (ok) {
        ok = set(j, "forecast", json_null());
    }
    ok = ok && set(j, "verdict",
                   json_pack("{ssssss}", "kind",
                             exo_spiral_kind_name(s->verdict.kind), "text",
                             s->verdict.text, "decide", s->verdict.decide));
    if (!ok) {
        json_decref(j);
        return NULL;
    }
    return j;
}

char *exo_spiral_json(const exo_spiral *s)
{
    json_t *j = exo__spiral_json_t(s);
    if (!j)
        return NULL;
    char *text = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(17) |
                                   JSON_PRESERVE_ORDER);
    json_decref(j);
    if (!text)
        return NULL;
    char *out = exo__strdup(text);
    free(text);
    return out;
}
