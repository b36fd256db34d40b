/*
 * verdict.c - the plain-language answer to "is this organisation in a
 * death spiral?", from the evidence the spiral analysis gathered. A
 * verdict is a claim, so it is made only where the numbers support it:
 *
 *   insufficient data        fewer than 10 events, or no usable fit
 *   inconclusive             the data cannot decide, and 'decide' says
 *                            what would: the interval for n runs past 1
 *                            with no test rejecting chance; contagion is
 *                            detected but its strength is unbounded or
 *                            spans mild to self-sustaining; the Hawkes
 *                            model fails its goodness-of-fit check; the
 *                            decay is not identified; the reading reaches
 *                            1 but the trend-only model passes its own
 *                            goodness-of-fit check; or the imprecise
 *                            dates, imputed again, change the test's
 *                            answer in more than 20% of the imputations
 *   no evidence of contagion the test of "no contagion beyond the
 *                            baseline" does not reject, and n's interval
 *                            stays below 1
 *   self-exciting, subcritical     rejected; the interval lies below 1
 *   near-critical            rejected; the interval holds 1 and starts at
 *                            0.5 or above (words match numbers: "reaches
 *                            1" only when the interval contains 1)
 *   supercritical            the interval lies above 1
 *
 * The thresholds: the test at 5%; 80% of the imputations agreeing with
 * the combined test.
 * bench/bench_calibrate measures how often each verdict is wrong.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "analysis/analysis.h"

#define MIN_EVENTS 10
#define TEST_LEVEL 0.05
#define GOF_LEVEL 0.05
#define NEAR_CRITICAL_LO 0.5
#define AGREEMENT 0.8

static const char *const kind_names[EXO_SPIRAL_N_KINDS] = {
    "insufficient data",
    "inconclusive",
    "no evidence of contagion",
    "self-exciting but subcritical",
    "near-critical",
    "supercritical"};

const char *exo_spiral_kind_name(exo_spiral_kind kind)
{
    return (unsigned)kind < EXO_SPIRAL_N_KINDS ? kind_names[kind] : "unknown";
}

/* Appends to 'buf' (of 'size'), keeping it terminated. */
static void add(char *buf, size_t size, const char *fmt, ...) EXO_PRINTF(3, 4);
static void add(char *buf, size_t size, const char *fmt, ...)
{
    size_t len = strlen(buf);
    if (len + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + len, size - len, fmt, ap);
    va_end(ap);
}

#define SAY(...) add(out->text, sizeof out->text, __VA_ARGS__)
#define DECIDE(...) add(out->decide, sizeof out->decide, __VA_ARGS__)

static void set_kind(exo_verdict *out, exo_spiral_kind kind)
{
    out->kind = kind;
    out->label = kind_names[kind];
    snprintf(out->text, sizeof out->text, "%s", kind_names[kind]);
    out->decide[0] = '\0';
}

/* "n = 0.62 (95% CI 0.31-0.85)" */
static void say_n(exo_verdict *out, const struct verdict_in *in)
{
    SAY("n = %.2f (%.0f%% CI %.2f-", in->n, 100.0 * in->level, in->lo);
    if (isfinite(in->hi))
        SAY("%.2f)", in->hi);
    else
        SAY("unbounded)");
}

static void say_test(exo_verdict *out, const struct verdict_in *in)
{
    SAY("test of no contagion beyond the baseline p = %.3g (%s)", in->p,
        in->bootstrap ? "parametric bootstrap"
                      : "asymptotic 50:50 chi-square mixture");
}

static void say_tail(exo_verdict *out, const struct verdict_in *in,
                     const char *one)
{
    if (in->baseline)
        SAY("; baseline: %s", in->baseline);
    if (in->forecast && in->forecast->n_paths > 0) {
        const exo_forecast *fc = in->forecast;
        SAY("; expect %.0f %s (median; mean %.1f; 80%%: %.0f-%.0f, 95%%: "
            "%.0f-%.0f) in the next %s",
            fc->median, fc->median == 1.0 ? one : in->noun, fc->mean, fc->lo80,
            fc->hi80, fc->lo95, fc->hi95,
            in->horizon ? in->horizon : "horizon");
    }
    SAY(".");
}

/* The verdict of one set of numbers, before the imputations vote. */
static void classify(const struct verdict_in *in, exo_verdict *out,
                     const char *one)
{
    const char *noun = in->noun;
    if (in->n_events < MIN_EVENTS) {
        set_kind(out, EXO_SPIRAL_INSUFFICIENT);
        SAY(": only %zu %s (at least %d are needed to tell contagion from "
            "chance)",
            in->n_events, noun, MIN_EVENTS);
        DECIDE("more %s: a longer window or more levels", noun);
        return;
    }
    if (in->decay_at_limit) {
        set_kind(out, EXO_SPIRAL_INCONCLUSIVE);
        SAY(": the decay is not identified: the best fit remembers each "
            "past %s as long as the model allows",
            one);
        if (in->limit_half_life > 0.0 && isfinite(in->limit_half_life))
            SAY(" (a half-life of %.0f %s)", in->limit_half_life,
                in->time_unit ? in->time_unit : "units");
        SAY(", which a change in the rate produces as well as contagion");
        if (in->has_fit) {
            SAY("; within that bound ");
            say_n(out, in);
        }
        DECIDE("a longer window, or the dates of known changes (--regime)");
        return;
    }
    if (!in->has_fit) {
        set_kind(out, EXO_SPIRAL_INSUFFICIENT);
        SAY(": no model could be fitted (%s)",
            in->no_fit ? in->no_fit : "no reason given");
        DECIDE("more %s, or exact dates", noun);
        return;
    }
    bool rejected = in->p < TEST_LEVEL;
    if (!rejected && !(in->hi < 1.0)) {
        set_kind(out, EXO_SPIRAL_INCONCLUSIVE);
        SAY(": nothing rejects independent %s (", noun);
        say_test(out, in);
        SAY("), but ");
        say_n(out, in);
        SAY(" reaches past 1, so these %zu %s cannot tell independent "
            "attrition from a spiral",
            in->n_events, noun);
        DECIDE("more %s (a longer window or more levels)%s", noun,
               in->imprecise ? ", or exact dates" : "");
        return;
    }
    if (!rejected) {
        set_kind(out, EXO_SPIRAL_NO_CONTAGION);
        SAY(": ");
        say_test(out, in);
        SAY("; ");
        say_n(out, in);
        if (in->n_segments > 1 && in->p_constant < TEST_LEVEL)
            SAY("; the %s do cluster, but the change in their rate explains "
                "it: with a constant baseline the same data would read as "
                "contagion (p = %.3g)",
                noun, in->p_constant);
        return;
    }
    if (in->ks_p < GOF_LEVEL) {
        set_kind(out, EXO_SPIRAL_INCONCLUSIVE);
        SAY(": the %s cluster beyond the baseline (", noun);
        say_test(out, in);
        SAY("), but the Hawkes model fails its goodness-of-fit check (KS p "
            "= %.3g), so its ",
            in->ks_p);
        say_n(out, in);
        SAY(" is not a reliable measure");
        if (in->could_be_per_head)
            DECIDE("a baseline that follows the known changes (--regime "
                   "DATE) or the headcount (--baseline headcount)");
        else
            DECIDE("a baseline that follows the known changes (--regime "
                   "DATE)");
        return;
    }
    if (!isfinite(in->hi)) {
        set_kind(out, EXO_SPIRAL_INCONCLUSIVE);
        SAY(": contagion is detected (");
        say_test(out, in);
        SAY("), but its strength has no upper bound: ");
        say_n(out, in);
        DECIDE("more %s%s", noun, in->imprecise ? ", or exact dates" : "");
        return;
    }
    if (in->hi >= 1.0 && in->ks_p_trend >= GOF_LEVEL) {
        /* A process near its critical point wanders: busy years, quiet
         * years. So does a rate that changes from year to year. When the
         * trend-only model fits as well as its check can tell, the data
         * hold both readings. */
        set_kind(out, EXO_SPIRAL_INCONCLUSIVE);
        SAY(": the %s cluster beyond the trend (", noun);
        say_test(out, in);
        SAY(") and a reading near the critical point fits (");
        say_n(out, in);
        SAY("), but the trend-only model passes its goodness-of-fit check "
            "too (KS p = %.3g): in these data a rate that changes from "
            "year to year and a self-feeding exodus look alike",
            in->ks_p_trend);
        DECIDE("a longer window, the dates of known changes (--regime "
               "DATE)%s",
               in->imprecise ? ", or exact dates" : "");
        return;
    }
    if (in->lo > 1.0) {
        set_kind(out, EXO_SPIRAL_SUPERCRITICAL);
        SAY(": ");
        say_n(out, in);
        SAY(" lies above 1: each %s more than replaces itself and the "
            "exodus sustains itself on this evidence; ",
            one);
        say_test(out, in);
        return;
    }
    if (in->hi >= 1.0 && in->lo < NEAR_CRITICAL_LO) {
        set_kind(out, EXO_SPIRAL_INCONCLUSIVE);
        SAY(": contagion is detected (");
        say_test(out, in);
        SAY("), but ");
        say_n(out, in);
        SAY(" runs from mild to self-sustaining");
        DECIDE("more %s%s", noun, in->imprecise ? ", or exact dates" : "");
        return;
    }
    if (in->hi >= 1.0) {
        set_kind(out, EXO_SPIRAL_NEAR_CRITICAL);
        SAY(": each %s triggers %.2f more on average; ", one, in->n);
        say_n(out, in);
        SAY(" holds 1, the threshold of a self-sustaining spiral; ");
        say_test(out, in);
        return;
    }
    set_kind(out, EXO_SPIRAL_SUBCRITICAL);
    SAY(": each %s triggers %.2f more on average; ", one, in->n);
    say_n(out, in);
    SAY(" lies below 1, so clusters die out (%.1f %s each on average); ",
        1.0 / (1.0 - in->n), noun);
    say_test(out, in);
}

void exo__spiral_verdict(const struct verdict_in *in, exo_verdict *out)
{
    char one[64]; /* the noun in the singular: "departure" */
    snprintf(one, sizeof one, "%s", in->noun);
    size_t len = strlen(one);
    if (len > 1 && one[len - 1] == 's')
        one[len - 1] = '\0';
    memset(out, 0, sizeof *out);
    classify(in, out, one);
    size_t M = in->n_imputations, V = in->n_voting;
    size_t agree = in->p < TEST_LEVEL ? in->n_rejecting : V - in->n_rejecting;
    if (in->kind_count && V > 1 && (double)agree < AGREEMENT * (double)V &&
        out->kind != EXO_SPIRAL_INSUFFICIENT) {
        /* The dates known only to a month or a year, imputed again, change
         * the answer: the combined numbers cannot be trusted to decide. */
        exo_verdict v = *out;
        set_kind(out, EXO_SPIRAL_INCONCLUSIVE);
        SAY(": the verdict depends on where the imprecise dates fall: the "
            "test rejects chance in %zu of %zu imputations, and of the %zu",
            in->n_rejecting, V, M);
        const char *sep = " ";
        for (int k = 0; k < EXO_SPIRAL_N_KINDS; k++)
            if (in->kind_count[k]) {
                SAY("%s%zu say %s", sep, in->kind_count[k], kind_names[k]);
                sep = ", ";
            }
        SAY("; combined, %s", v.text);
        DECIDE("exact dates for the %s known only to a month or a year",
               in->noun);
    }
    say_tail(out, in, one);
}
