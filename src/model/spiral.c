/*
 * spiral.c - the plain-language verdict on a fitted Hawkes model of
 * departures: is the organisation in a self-sustaining exodus?
 *
 * Input: the fit (or why there is none), the event count, optionally a
 * forecast and a bootstrap p-value. Output: one of five kinds and one
 * sentence that names the evidence: the branching ratio n with its
 * interval (profile likelihood when available, else Wald), the test
 * against Poisson, the baseline used, and the forecast.
 *
 *   insufficient data        too few events; no usable fit; the decay is
 *                            not identified; or n's interval runs from 0
 *                            to beyond 1 without evidence either way
 *   no evidence of contagion Poisson is not rejected at level a
 *   supercritical            rejected, and n's interval lies above 1
 *   near-critical            rejected, and the interval reaches 1 (or
 *                            n >= 0.9)
 *   self-exciting but subcritical   rejected, interval below 1
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/exo.h"

#define NEAR_CRITICAL_N 0.9

static const char *const labels[] = {
    "insufficient data", "no evidence of contagion",
    "self-exciting but subcritical", "near-critical", "supercritical"};

/* Appends to out->text, keeping it terminated. */
static void add(exo_verdict *out, const char *fmt, ...) EXO_PRINTF(2, 3);
static void add(exo_verdict *out, const char *fmt, ...)
{
    size_t len = strlen(out->text);
    if (len + 1 >= sizeof out->text)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->text + len, sizeof out->text - len, fmt, ap);
    va_end(ap);
}

static void set_kind(exo_verdict *out, exo_spiral_kind kind)
{
    out->kind = kind;
    out->label = labels[kind];
    snprintf(out->text, sizeof out->text, "%s", labels[kind]);
}

/* "0.62 (95% CI 0.31-0.85)", the upper end possibly unbounded. */
static void add_n(exo_verdict *out, const exo_hawkes *f, double lo, double hi)
{
    add(out, "n = %.2f (%.0f%% CI %.2f-", f->n, 100.0 * f->level, lo);
    if (isfinite(hi))
        add(out, "%.2f)", hi);
    else
        add(out, "unbounded)");
}

static void add_test(exo_verdict *out, const exo_spiral_in *in,
                     const exo_hawkes *f)
{
    if (in->has_boot)
        add(out,
            "test against Poisson LR %.1f, p = %.3g (parametric "
            "bootstrap)",
            f->lr, in->boot_p);
    else
        add(out,
            "test against Poisson LR %.1f, p = %.3g (50:50 "
            "chi-square mixture)",
            f->lr, f->lr_p);
}

static void add_tail(exo_verdict *out, const exo_spiral_in *in,
                     const exo_hawkes *f, const char *noun)
{
    if (f && f->weighted)
        add(out, "; baseline proportional to %s",
            in->weight_name ? in->weight_name : "the baseline weight");
    if (f && f->weighted && f->n_regimes > 1)
        add(out, ", piecewise over %zu regimes", f->n_regimes);
    else if (f && f->n_regimes > 1)
        add(out, "; baseline piecewise over %zu regimes", f->n_regimes);
    else if (f && !f->weighted)
        add(out, "; constant baseline");
    if (in->forecast && in->forecast->n_paths > 0) {
        const exo_forecast *fc = in->forecast;
        add(out,
            "; expect %.0f %s (80%%: %.0f-%.0f, 95%%: %.0f-%.0f) in "
            "the next %s",
            fc->median, noun, fc->lo80, fc->hi80, fc->lo95, fc->hi95,
            in->horizon_text ? in->horizon_text : "horizon");
    }
    add(out, ".");
}

void exo_spiral_verdict(const exo_spiral_in *in, exo_verdict *out)
{
    const exo_hawkes *f = in->fit;
    const char *noun = in->noun ? in->noun : "events";
    size_t min_events = in->min_events ? in->min_events : 10;
    double a = in->alpha_test > 0.0 ? in->alpha_test : 0.05;
    char one[64]; /* the noun in the singular: "departure" */
    snprintf(one, sizeof one, "%s", noun);
    size_t len = strlen(one);
    if (len > 1 && one[len - 1] == 's')
        one[len - 1] = '\0';
    memset(out, 0, sizeof *out);
    if (in->n_events < min_events) {
        set_kind(out, EXO_SPIRAL_INSUFFICIENT);
        add(out,
            ": only %zu %s (at least %zu are needed to tell contagion "
            "from chance)",
            in->n_events, noun, min_events);
        add_tail(out, in, NULL, noun);
        return;
    }
    if (!f) {
        set_kind(out, EXO_SPIRAL_INSUFFICIENT);
        add(out, ": no model could be fitted (%s)",
            in->no_fit_reason ? in->no_fit_reason : "no reason given");
        add_tail(out, in, NULL, noun);
        return;
    }
    if (f->decay_at_limit) {
        set_kind(out, EXO_SPIRAL_INSUFFICIENT);
        add(out, ": the decay is not identified - the best fit remembers "
                 "every past event across the whole window, which a trend "
                 "or a change of regime produces as well as contagion "
                 "(try regime breakpoints)");
        add_tail(out, in, f, noun);
        return;
    }
    if (!f->converged && !f->at_boundary) {
        set_kind(out, EXO_SPIRAL_INSUFFICIENT);
        add(out,
            ": the fit did not converge (largest gradient %.3g), so "
            "no estimate is reported",
            f->grad_norm);
        add_tail(out, in, f, noun);
        return;
    }
    double lo = f->has_profile ? f->n_prof_lo : f->n_wald_lo;
    double hi = f->has_profile ? f->n_prof_hi : f->n_wald_hi;
    if (f->at_boundary && !f->has_profile) {
        lo = 0.0;
        hi = EXO_INF;
    }
    double p = in->has_boot ? in->boot_p : f->lr_p;
    if (p >= a) {
        if (lo <= 0.0 && !(hi < 1.0)) {
            set_kind(out, EXO_SPIRAL_INSUFFICIENT);
            add(out,
                ": the %.0f%% CI for the branching ratio runs from "
                "%.2f to beyond 1 (",
                100.0 * f->level, lo);
            if (isfinite(hi))
                add(out, "%.2f", hi);
            else
                add(out, "unbounded");
            add(out,
                "), so these %zu %s cannot tell independent attrition "
                "from a spiral; ",
                in->n_events, noun);
            add_test(out, in, f);
        } else {
            set_kind(out, EXO_SPIRAL_NO_CONTAGION);
            add(out, ": ");
            add_test(out, in, f);
            add(out, "; ");
            add_n(out, f, lo, hi);
        }
        add_tail(out, in, f, noun);
        return;
    }
    if (lo > 1.0) {
        set_kind(out, EXO_SPIRAL_SUPERCRITICAL);
        add(out, ": ");
        add_n(out, f, lo, hi);
        add(out,
            " lies above 1, so each %s more than replaces "
            "itself and the exodus sustains itself on this "
            "evidence; ",
            one);
        add_test(out, in, f);
    } else if (!(hi < 1.0) || f->n >= NEAR_CRITICAL_N) {
        set_kind(out, EXO_SPIRAL_NEAR_CRITICAL);
        add(out, ": each %s triggers %.2f more on average; ", one, f->n);
        add_n(out, f, lo, hi);
        add(out, " reaches 1, the threshold of a self-sustaining spiral; ");
        add_test(out, in, f);
    } else {
        set_kind(out, EXO_SPIRAL_SUBCRITICAL);
        add(out,
            ": each %s triggers %.2f more on average (%.0f%% "
            "CI %.2f-%.2f), clusters average %.1f %s; not a "
            "self-sustaining spiral on this evidence; ",
            one, f->n, 100.0 * f->level, lo, hi, 1.0 / (1.0 - f->n), noun);
        add_test(out, in, f);
    }
    add_tail(out, in, f, noun);
}
