/*
 * runway.c - the monthly stock-and-flow model of cash, headcount,
 * employee dilution, revenue and valuation (docs/runway.md states every
 * equation), its deterministic run, the Monte Carlo fan and the loop gain.
 *
 * One function, simulate(), runs a path. With a generator it draws the
 * uncertain inputs, departures (binomial), hires (stochastic rounding) and
 * round outcomes; without one every input sits at its central value,
 * flows are their expectations and a round closes when its probability is
 * at least 0.5. The loop gain reruns the deterministic path with a shock
 * and with links cut, by finite differences.
 *
 * Randomness: gsl_rng (taus2). Path p reseeds its thread's generator with
 * a seed derived from (seed, p) by splitmix64 and writes only its own
 * slots; every reduction runs afterwards in path order, so the numbers do
 * not depend on the number of threads.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core/exo.h"

#define LOOP_SHOCK 0.01 /* extra departures: this share of headcount */

static const double band_p[EXO_RUNWAY_N_Q] = {0.025, 0.10, 0.50, 0.90, 0.975};

static double quantile_sorted(const double *x, size_t n, double p);

/* fmin and fmax without the NaN rules, which keep them calls into libm;
 * nothing here is NaN. */
static double min2(double a, double b)
{
    return a < b ? a : b;
}

static double max2(double a, double b)
{
    return a > b ? a : b;
}

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

double exo_dist_center(const exo_dist *d)
{
    double v = d->a;
    if (d->kind == EXO_DIST_UNIFORM)
        v = 0.5 * (d->a + d->b);
    return clamp(v, d->lo, d->hi);
}

/* A draw from 'd', or its central value when 'r' is NULL. */
static double draw(gsl_rng *r, const exo_dist *d)
{
    double v;
    if (!r)
        return exo_dist_center(d);
    switch (d->kind) {
    case EXO_DIST_NORMAL:
        v = d->a + gsl_ran_gaussian_ziggurat(r, d->b);
        break;
    case EXO_DIST_LOGNORMAL:
        v = d->a * exp(gsl_ran_gaussian_ziggurat(r, d->b));
        break;
    case EXO_DIST_UNIFORM:
        v = d->a + (d->b - d->a) * gsl_rng_uniform(r);
        break;
    case EXO_DIST_FIXED:
    default:
        v = d->a;
        break;
    }
    return clamp(v, d->lo, d->hi);
}

const char *exo_runway_link_name(exo_runway_link link)
{
    switch (link) {
    case EXO_LINK_ATTRITION_REVENUE:
        return "attrition -> revenue";
    case EXO_LINK_REVENUE_MONEY:
        return "revenue -> money";
    case EXO_LINK_MONEY_DILUTION:
        return "money -> dilution";
    case EXO_LINK_DILUTION_ATTRITION:
        return "dilution -> attrition";
    }
    return "unknown link";
}

const char *exo_runway_coupling_key(exo_runway_coupling c)
{
    static const char *const keys[EXO_RUNWAY_N_COUPLINGS] = {
        "hiring_freeze_runway_months",  "offer_acceptance_dilution",
        "offer_acceptance_attrition",   "offer_acceptance_down_round",
        "attrition_cash_stress",        "cash_stress_runway_months",
        "attrition_down_round",         "revenue_key_loss",
        "round_probability_confidence", "round_multiple_confidence",
        "round_multiple_distress",      "round_size_confidence",
    };
    return (unsigned)c < EXO_RUNWAY_N_COUPLINGS ? keys[c] : "unknown link";
}

const char *exo_runway_knock_name(exo_runway_knock k)
{
    static const char *const names[EXO_RUNWAY_N_KNOCK] = {
        "co-workers leaving -> attrition",
        "dilution -> attrition",
        "short runway -> attrition",
        "down round -> attrition",
        "short runway -> hiring freeze",
        "dilution, attrition, down round -> offer acceptance",
        "talent -> revenue growth",
        "leavers -> revenue (key people)",
        "growth, talent, runway -> round terms",
    };
    return (unsigned)k < EXO_RUNWAY_N_KNOCK ? names[k] : "unknown link";
}

/* How one path runs. */
struct sim_ctl {
    gsl_rng *r; /* NULL: the deterministic run */
    /* With 'r': draw the inputs and round outcomes, but let departures and
     * hires be their expectations, and draw one uniform per trigger month
     * and per scheduled round whatever happens, so that two runs from one
     * seed see the same luck (the loop gain's paired paths). */
    bool mean_field;
    bool no_death; /* keep going below zero cash (the loop gain) */
    double shock;  /* extra departures in month 1 */
    /* Non-NULL: the loop is opened. Each level's departures are computed
     * as usual, the excess over these (the base path's, month-major,
     * n_levels a month) is counted in out->induced, and the path goes on
     * with the base departures plus the shock, so that departures the
     * shock induced induce no more: one pass through the loop. */
    const double *base_deps;
};

/* Per-month series (each months + 1, any may be NULL) and totals. */
struct sim_out {
    double *cash, *hc, *dil, *rev, *val, *deps, *hires, *runway, *rounds;
    double *deps_level; /* (months + 1) x n_levels, for base_deps */
    double induced;     /* with ctl->base_deps */
    double cashout;
    size_t n_rounds;
    double cum_deps;
};

/* Stochastic rounding: floor(x) plus one with probability frac(x). */
static double round_random(gsl_rng *r, double x)
{
    double f = floor(x);
    return f + (gsl_rng_uniform(r) < x - f ? 1.0 : 0.0);
}

/* x^k for x in [0, 1], k >= 0, skipping the call when it cannot matter. */
static double powk(double x, double k)
{
    return k == 0.0 || x >= 1.0 ? 1.0 : x > 0.0 ? pow(x, k) : 0.0;
}

/*
 * Runs one path of 'sc' over 'months'. 'hist' is scratch of months + 1
 * doubles for departures when out->deps is NULL. docs/runway.md states
 * each line as an equation.
 */
static void simulate(const exo_runway_scenario *sc, int months,
                     const struct sim_ctl *ctl, struct sim_out *out,
                     double *hist)
{
    gsl_rng *r = ctl->r;
    bool sample = r && !ctl->mean_field; /* draw departures and hires */
    size_t nl = sc->n_levels;
    double H[EXO_RUNWAY_MAX_LEVELS], H0[EXO_RUNWAY_MAX_LEVELS];
    double T[EXO_RUNWAY_MAX_LEVELS]; /* talent: ramped-up staff */
    double cost[EXO_RUNWAY_MAX_LEVELS], haz[EXO_RUNWAY_MAX_LEVELS];
    double L[EXO_RUNWAY_N_COUPLINGS];
    double *A = out->deps ? out->deps : hist;
    /* The path's inputs, drawn once in a fixed order; the links last, so
     * that a file without links draws what it drew before they existed. */
    double cash = draw(r, &sc->cash_usd);
    double R = draw(r, &sc->revenue_usd_per_month);
    double g0 = draw(r, &sc->revenue_growth_per_month);
    double eps = draw(r, &sc->growth_talent_elasticity);
    double K = draw(r, &sc->compute_usd_per_month);
    double gc = draw(r, &sc->compute_growth_per_month);
    double other = draw(r, &sc->other_costs_usd_per_month);
    double H_tot = 0.0, staff0 = 0.0;
    for (size_t l = 0; l < nl; l++) {
        H[l] = H0[l] = T[l] = sc->levels[l].headcount;
        cost[l] = draw(r, &sc->levels[l].cost_usd_per_year) / 12.0;
        haz[l] = draw(r, &sc->levels[l].attrition_per_year) / 12.0;
        H_tot += H[l];
        staff0 += H[l] * cost[l];
    }
    double hire_max = draw(r, &sc->hiring_max_per_month);
    double kd = draw(r, &sc->attrition_dilution_sensitivity);
    double kc = draw(r, &sc->attrition_contagion_sensitivity);
    double multiple = draw(r, &sc->valuation_revenue_multiple);
    for (int k = 0; k < EXO_RUNWAY_N_COUPLINGS; k++)
        L[k] = draw(r, &sc->links[k]);
    double q = sc->contagion_mode == EXO_CONTAGION_HAWKES
                   ? exp(-M_LN2 / sc->contagion_half_life_months)
                   : 0.0;
    double retained = 1.0, D = 0.0, S = 0.0, val = multiple * 12.0 * R;
    double last_post = val, R_plan = R;
    double target_mult = 1.0, fade_g = 1.0, fade_c = 1.0;
    double fade_g_step = sc->revenue_growth_half_life_months > 0.0
                             ? exp2(-1.0 / sc->revenue_growth_half_life_months)
                             : 1.0;
    double fade_c_step = sc->compute_growth_half_life_months > 0.0
                             ? exp2(-1.0 / sc->compute_growth_half_life_months)
                             : 1.0;
    double burn0 = K + staff0 + other - R;
    double runway = burn0 > 0.0 ? cash / burn0 : EXO_INF;
    double stress_S = L[EXO_CPL_STRESS_RUNWAY];
    int next_try = 1, n_trigger = 0, down_until = 0;
    int W = sc->contagion_window_months > 0 ? sc->contagion_window_months : 3;
    bool dead = false;
    out->cashout = EXO_INF;
    out->n_rounds = 0;
    out->cum_deps = out->induced = 0.0;
    A[0] = 0.0;
#define RECORD(t, hired)                                                       \
    do {                                                                       \
        if (out->cash)                                                         \
            out->cash[t] = dead ? 0.0 : cash;                                  \
        if (out->hc)                                                           \
            out->hc[t] = dead ? 0.0 : H_tot;                                   \
        if (out->dil)                                                          \
            out->dil[t] = D;                                                   \
        if (out->rev)                                                          \
            out->rev[t] = dead ? 0.0 : R;                                      \
        if (out->val)                                                          \
            out->val[t] = dead ? 0.0 : val;                                    \
        if (out->hires)                                                        \
            out->hires[t] = hired;                                             \
        if (out->runway)                                                       \
            out->runway[t] = dead ? 0.0 : runway;                              \
        if (out->rounds)                                                       \
            out->rounds[t] = (double)out->n_rounds;                            \
    } while (0)
    RECORD(0, 0.0);
    for (int t = 1; t <= months; t++) {
        if (dead) {
            A[t] = 0.0;
            if (out->deps_level)
                for (size_t l = 0; l < nl; l++)
                    out->deps_level[(size_t)t * nl + l] = 0.0;
            RECORD(t, 0.0);
            continue;
        }
        /* Attrition: hazard from last month's dilution, departures and
         * runway, and a down round within the last 12 months. */
        bool down = t <= down_until;
        double contagion = 1.0, excite = 0.0, recent = 0.0;
        for (int k = 1; k <= W && k < t; k++)
            recent += A[t - k];
        if (sc->contagion_mode == EXO_CONTAGION_HAWKES) {
            S = q * S + (1.0 - q) * A[t - 1];
            excite = H_tot > 0.0 ? sc->contagion_branching_n * S / H_tot : 0.0;
        } else if (kc > 0.0 && H_tot > 0.0) {
            contagion = 1.0 + kc * recent / H_tot;
        }
        double stress = stress_S > 0.0
                            ? L[EXO_CPL_STRESS_ATTRITION] *
                                  max2(0.0, 1.0 - max2(runway, 0.0) / stress_S)
                            : 0.0;
        double extra = (1.0 + stress) *
                       (down ? 1.0 + L[EXO_CPL_DOWN_ROUND_ATTRITION] : 1.0);
        /* Hiring: offers accepted less often after dilution, attrition
         * and a down round; none at all when runway is short. */
        /* Attrition above the base rate (departures of the window against
         * what the base hazards alone would give), a year. */
        double base_rate = 0.0;
        for (size_t l = 0; l < nl; l++)
            base_rate += H[l] * haz[l];
        double rate =
            H_tot > 0.0 ? max2(0.0, recent / (t - 1 < W ? max2(t - 1, 1) : W) -
                                        base_rate) /
                              H_tot * 12.0
                        : 0.0;
        double accept = 1.0 / (1.0 + L[EXO_CPL_ACCEPT_DILUTION] * D +
                               L[EXO_CPL_ACCEPT_ATTRITION] * rate +
                               (down ? L[EXO_CPL_ACCEPT_DOWN_ROUND] : 0.0));
        bool freeze = L[EXO_CPL_HIRING_FREEZE_RUNWAY] > 0.0 &&
                      runway < L[EXO_CPL_HIRING_FREEZE_RUNWAY];
        double staff = 0.0, deps = 0.0, H_new = 0.0, W_t = 0.0, W_plan = 0.0;
        double w_left = 0.0, w_had = 0.0, w_base = 0.0, hired = 0.0;
        double ramp = sc->hire_ramp_months > 1.0 ? sc->hire_ramp_months : 1.0;
        target_mult *= 1.0 + sc->headcount_growth_per_month;
        for (size_t l = 0; l < nl; l++) {
            double h = haz[l] * (1.0 + kd * D) * contagion * extra + excite;
            double p = 1.0 - exp(-h);
            double d, w = sc->levels[l].talent_weight;
            staff += H[l] * cost[l];
            if (sample)
                d = H[l] > 0.0 ? (double)gsl_ran_binomial(r, p, (unsigned)H[l])
                               : 0.0;
            else
                d = H[l] * p;
            if (ctl->base_deps) {
                double b = ctl->base_deps[(size_t)t * nl + l];
                out->induced += d - b;
                d = min2(H[l], b);
            }
            if (t == 1 && ctl->shock != 0.0 && H_tot > 0.0)
                d = min2(H[l], d + ctl->shock * H[l] / H_tot);
            if (out->deps_level)
                out->deps_level[(size_t)t * nl + l] = d;
            double after = H[l] - d;
            double gap = H0[l] * target_mult - after;
            double hires =
                freeze ? 0.0 : max2(0.0, min2(gap * accept, hire_max * H[l]));
            if (sample && hires > 0.0)
                hires = round_random(r, hires);
            w_left += w * d;
            w_base += w * H[l] * (1.0 - exp(-haz[l]));
            w_had += w * H[l];
            /* Leavers take the average talent; the gap to headcount
             * closes over the ramp. */
            T[l] = H[l] > 0.0 ? T[l] * after / H[l] : 0.0;
            H[l] = after + hires;
            T[l] += (H[l] - T[l]) / ramp;
            deps += d;
            hired += hires;
            H_new += H[l];
            W_t += w * T[l];
            W_plan += w * H0[l] * target_mult;
        }
        A[t] = deps;
        out->cum_deps += deps;
        H_tot = H_new;
        /* Money: this month's flows on the stocks it opened with. */
        double costs = K + staff + other;
        double prev_cash = cash;
        cash += R - costs;
        double net_burn = costs - R;
        /* Revenue: key people take some with them at once; growth falls
         * with the talent index Q (talent against the plan, at most 1). */
        if (L[EXO_CPL_REVENUE_KEY_LOSS] > 0.0 && w_had > 0.0)
            R *= max2(0.0, 1.0 - L[EXO_CPL_REVENUE_KEY_LOSS] *
                                     max2(0.0, w_left - w_base) / w_had);
        double Q = W_plan > 0.0 ? min2(1.0, W_t / W_plan) : 1.0;
        double gb = g0 * fade_g, g = gb;
        if (eps > 0.0 && gb != 0.0 && Q < 1.0)
            g = Q > 0.0 ? gb * pow(Q, gb > 0.0 ? eps : -eps)
                        : (gb > 0.0 ? 0.0 : -1.0);
        R *= 1.0 + max2(g, -1.0);
        R_plan *= 1.0 + max2(gb, -1.0);
        K *= 1.0 + gc * fade_c;
        fade_g *= fade_g_step;
        fade_c *= fade_c_step;
        val = multiple * 12.0 * R;
        /* Funding. Investors' confidence C: talent against the plan times
         * revenue against the plan's revenue; distress: runway against
         * the stress threshold. */
        double conf = Q * (R_plan > 0.0 ? min2(1.0, R / R_plan) : 1.0);
        double run_now = net_burn > 0.0 ? max2(cash, 0.0) / net_burn : EXO_INF;
        double distress = stress_S > 0.0 ? min2(1.0, run_now / stress_S) : 1.0;
        double p_conf = powk(conf, L[EXO_CPL_ROUND_PROB_CONFIDENCE]);
        double m_adj = powk(conf, L[EXO_CPL_ROUND_MULTIPLE_CONFIDENCE]) *
                       powk(distress, L[EXO_CPL_ROUND_MULTIPLE_DISTRESS]);
        double s_adj = powk(conf, L[EXO_CPL_ROUND_SIZE_CONFIDENCE]);
        for (size_t i = 0; i < sc->n_rounds; i++) {
            const exo_runway_round *rd = &sc->rounds[i];
            if (rd->month != t)
                continue;
            double pr = rd->probability * p_conf;
            bool ok = r ? gsl_rng_uniform(r) < pr : pr >= 0.5;
            if (!ok)
                continue;
            gsl_rng *rr = ctl->mean_field ? NULL : r;
            double size = draw(rr, &rd->size_usd) * s_adj;
            double m = ctl->mean_field
                           ? multiple
                           : draw(r, &sc->valuation_revenue_multiple);
            double pre = m * m_adj * 12.0 * R;
            if (size > 0.0 && pre > 0.0) {
                if (pre < last_post)
                    down_until = t + 12;
                retained *= 1.0 - size / (pre + size);
                cash += size;
                val = last_post = pre + size;
                out->n_rounds++;
            }
        }
        bool fire = sc->has_trigger && t >= next_try &&
                    n_trigger < sc->trigger_max_rounds && net_burn > 0.0 &&
                    cash / net_burn < sc->trigger_runway_months;
        double u = ctl->mean_field ? gsl_rng_uniform(r) : 0.0;
        if (fire) {
            double pr = sc->trigger_probability * p_conf;
            next_try = t + sc->trigger_retry_months;
            bool ok = ctl->mean_field ? u < pr
                      : r             ? gsl_rng_uniform(r) < pr
                                      : pr >= 0.5;
            if (ok) {
                gsl_rng *rr = ctl->mean_field ? NULL : r;
                double size = draw(rr, &sc->trigger_size);
                if (sc->trigger_size_is_burn)
                    size *= net_burn;
                size *= s_adj;
                double m = ctl->mean_field
                               ? multiple
                               : draw(r, &sc->valuation_revenue_multiple);
                double pre = m * m_adj * 12.0 * R;
                if (size > 0.0 && pre > 0.0) {
                    if (pre < last_post)
                        down_until = t + 12;
                    retained *= 1.0 - size / (pre + size);
                    cash += size;
                    val = last_post = pre + size;
                    out->n_rounds++;
                    n_trigger++;
                }
            }
        }
        D = 1.0 - retained;
        runway = cash < 0.0 ? 0.0 : net_burn > 0.0 ? cash / net_burn : EXO_INF;
        if (cash < 0.0 && !ctl->no_death) {
            /* Cash falls linearly through the month: interpolate. */
            double drop = prev_cash - cash;
            out->cashout =
                (t - 1) + (drop > 0.0 ? max2(prev_cash, 0.0) / drop : 0.0);
            dead = true;
        }
        RECORD(t, hired);
    }
#undef RECORD
}

/* ==== Loop gain across paths, and the tornado ==== */

/*
 * The loop gain of one path: the departures that a shock of 'shock'
 * departures in month 1 induces over the horizon in one pass through the
 * loop (induced departures induce no more), per departure of the shock.
 * 'r' NULL: the deterministic path. 'scratch' holds (months + 1) x
 * n_levels doubles and 'hist' months + 1.
 */
static double path_gain(const exo_runway_scenario *sc, int months, gsl_rng *r,
                        unsigned long seed, double shock, double *scratch,
                        double *hist)
{
    struct sim_ctl c = {.r = r, .mean_field = r != NULL, .no_death = true};
    struct sim_out base = {.deps_level = scratch}, hit = {0};
    if (r)
        gsl_rng_set(r, seed);
    simulate(sc, months, &c, &base, hist);
    c.shock = shock;
    c.base_deps = scratch;
    if (r)
        gsl_rng_set(r, seed);
    simulate(sc, months, &c, &hit, hist);
    return hit.induced / shock;
}

static bool dist_on(const exo_dist *d)
{
    return !(d->kind == EXO_DIST_FIXED && d->a == 0.0);
}

static bool cut(exo_dist *d)
{
    bool on = dist_on(d);
    memset(d, 0, sizeof *d);
    d->hi = 1.0;
    return on;
}

/* 'sc' with link 'k' cut; false when the scenario does not have it. */
static bool knock_out(exo_runway_scenario *sc, int k)
{
    bool on = false;
    switch (k) {
    case EXO_KNOCK_CONTAGION:
        on = cut(&sc->attrition_contagion_sensitivity);
        on = on || (sc->contagion_mode == EXO_CONTAGION_HAWKES &&
                    sc->contagion_branching_n > 0.0);
        sc->contagion_branching_n = 0.0;
        break;
    case EXO_KNOCK_DILUTION:
        on = cut(&sc->attrition_dilution_sensitivity);
        break;
    case EXO_KNOCK_CASH_STRESS:
        on = cut(&sc->links[EXO_CPL_STRESS_ATTRITION]);
        break;
    case EXO_KNOCK_DOWN_ROUND:
        on = cut(&sc->links[EXO_CPL_DOWN_ROUND_ATTRITION]);
        break;
    case EXO_KNOCK_HIRING_FREEZE:
        on = cut(&sc->links[EXO_CPL_HIRING_FREEZE_RUNWAY]);
        break;
    case EXO_KNOCK_OFFER_ACCEPTANCE:
        /* Every one is cut, so no short-circuit. */
        on = cut(&sc->links[EXO_CPL_ACCEPT_DILUTION]);
        on = cut(&sc->links[EXO_CPL_ACCEPT_ATTRITION]) || on;
        on = cut(&sc->links[EXO_CPL_ACCEPT_DOWN_ROUND]) || on;
        break;
    case EXO_KNOCK_TALENT_GROWTH:
        on = cut(&sc->growth_talent_elasticity);
        break;
    case EXO_KNOCK_KEY_LOSS:
        on = cut(&sc->links[EXO_CPL_REVENUE_KEY_LOSS]);
        break;
    case EXO_KNOCK_ROUND_TERMS:
        on = cut(&sc->links[EXO_CPL_ROUND_PROB_CONFIDENCE]);
        on = cut(&sc->links[EXO_CPL_ROUND_MULTIPLE_CONFIDENCE]) || on;
        on = cut(&sc->links[EXO_CPL_ROUND_MULTIPLE_DISTRESS]) || on;
        on = cut(&sc->links[EXO_CPL_ROUND_SIZE_CONFIDENCE]) || on;
        break;
    }
    return on;
}

#define CHAIN_PATHS 1000 /* paths of the loop gain (at most n_paths) */

static int cmp_d(const void *a, const void *b)
{
    return exo__cmp_double(a, b);
}

static exo_code chain_gain(const exo_runway_scenario *sc, int months,
                           size_t n_paths, uint64_t seed, exo_runway_loop *g,
                           exo_err *err)
{
    size_t n1 = (size_t)months + 1, np = n_paths;
    size_t nk = EXO_RUNWAY_N_KNOCK + 1;
    double H = 0.0;
    for (size_t l = 0; l < sc->n_levels; l++)
        H += sc->levels[l].headcount;
    memset(g, 0, sizeof *g);
    g->dominant = -1;
    g->shock = LOOP_SHOCK * H;
    g->n_paths = np;
    for (int k = 0; k < EXO_RUNWAY_N_KNOCK; k++)
        g->knock_median[k] = EXO_NAN;
    if (!(g->shock > 0.0)) {
        g->median = g->lo80 = g->hi80 = g->mean = g->det = EXO_NAN;
        return EXO_OK;
    }
    exo_runway_scenario *cuts = exo__calloc(nk, sizeof *cuts);
    double *gain = exo__calloc(nk * np, sizeof *gain);
    bool on[EXO_RUNWAY_N_KNOCK + 1] = {true};
    int failed = 0;
    if (!cuts || !gain) {
        exo__free(cuts);
        exo__free(gain);
        return exo__fail(err, EXO_ENOMEM, "allocating the loop-gain paths");
    }
    cuts[0] = *sc;
    for (size_t k = 1; k < nk; k++) {
        cuts[k] = *sc;
        on[k] = knock_out(&cuts[k], (int)k - 1);
    }
#pragma omp parallel reduction(| : failed)
    {
        gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
        double *hist = exo__calloc(n1 * (1 + sc->n_levels), sizeof *hist);
        if (!r || !hist)
            failed = 1;
#pragma omp for schedule(dynamic, 16)
        for (size_t p = 0; p < np; p++) {
            if (!r || !hist)
                continue;
            unsigned long s = exo__derive_seed(seed ^ 0x9e3779b97f4a7c15ull, p);
            for (size_t k = 0; k < nk; k++)
                gain[k * np + p] = on[k] ? path_gain(&cuts[k], months, r, s,
                                                     g->shock, hist + n1, hist)
                                         : EXO_NAN;
        }
        if (r)
            gsl_rng_free(r);
        exo__free(hist);
    }
    if (failed) {
        exo__free(cuts);
        exo__free(gain);
        return exo__fail(err, EXO_ENOMEM, "allocating a path's generator");
    }
    double *hist = exo__calloc(n1 * (1 + sc->n_levels), sizeof *hist);
    g->det = EXO_NAN;
    if (hist)
        g->det = path_gain(sc, months, NULL, 0, g->shock, hist + n1, hist);
    exo__free(hist);
    double sum = 0.0;
    size_t above = 0;
    for (size_t p = 0; p < np; p++) {
        sum += gain[p];
        above += gain[p] > 1.0;
    }
    g->mean = sum / (double)np;
    g->p_above_1 = (double)above / (double)np;
    exo__qsort(gain, np, sizeof *gain, cmp_d);
    g->median = quantile_sorted(gain, np, 0.5);
    g->lo80 = quantile_sorted(gain, np, 0.10);
    g->hi80 = quantile_sorted(gain, np, 0.90);
    double best = 0.0;
    for (int k = 0; k < EXO_RUNWAY_N_KNOCK; k++) {
        double *x = gain + (size_t)(k + 1) * np;
        if (!on[k + 1])
            continue;
        exo__qsort(x, np, sizeof *x, cmp_d);
        g->knock_median[k] = quantile_sorted(x, np, 0.5);
        double drop = g->median - g->knock_median[k];
        if (drop > best) {
            best = drop;
            g->dominant = k;
        }
    }
    exo__free(cuts);
    exo__free(gain);
    return EXO_OK;
}

/* The 10% and 90% points of 'd', or half and one and a half times a
 * fixed value; false when there is nothing to move. */
static bool swing_of(const exo_dist *d, double *lo, double *hi)
{
    const double z = 1.2815515655446004; /* the normal's 90% point */
    switch (d->kind) {
    case EXO_DIST_NORMAL:
        *lo = d->a - z * d->b;
        *hi = d->a + z * d->b;
        break;
    case EXO_DIST_LOGNORMAL:
        *lo = d->a * exp(-z * d->b);
        *hi = d->a * exp(z * d->b);
        break;
    case EXO_DIST_UNIFORM:
        *lo = d->a + 0.1 * (d->b - d->a);
        *hi = d->a + 0.9 * (d->b - d->a);
        break;
    case EXO_DIST_FIXED:
    default:
        *lo = 0.5 * d->a;
        *hi = 1.5 * d->a;
        break;
    }
    *lo = clamp(*lo, d->lo, d->hi);
    *hi = clamp(*hi, d->lo, d->hi);
    return *lo != *hi;
}

/* The deterministic cash-out month and loop gain of 'sc'. */
static void det_run(const exo_runway_scenario *sc, int months, double shock,
                    double *hist, double *cashout, double *gain)
{
    struct sim_ctl c = {0};
    struct sim_out o = {0};
    simulate(sc, months, &c, &o, hist);
    *cashout = o.cashout;
    *gain = shock > 0.0
                ? path_gain(sc, months, NULL, 0, shock, hist + months + 1, hist)
                : EXO_NAN;
}

static double swing_key(const exo_runway_tornado *t, int months)
{
    return fabs(min2(t->cashout_low, months) - min2(t->cashout_high, months));
}

static double gain_key(const exo_runway_tornado *t)
{
    double g = fabs(t->gain_high - t->gain_low);
    return isfinite(g) ? g : 0.0;
}

/* Insertion sort (at most EXO_RUNWAY_MAX_TORNADO rows): by the swing of
 * the cash-out month, then of the gain, largest first. */
static void sort_tornado(exo_runway_tornado *t, size_t n, int months)
{
    for (size_t i = 1; i < n; i++) {
        exo_runway_tornado x = t[i];
        double sx = swing_key(&x, months), gx = gain_key(&x);
        size_t j = i;
        while (j > 0) {
            double sy = swing_key(&t[j - 1], months), gy = gain_key(&t[j - 1]);
            if (sy > sx || (sy == sx && gy >= gx))
                break;
            t[j] = t[j - 1];
            j--;
        }
        t[j] = x;
    }
}

/* Each uncertain input and link at its low and high value, one at a
 * time, on the deterministic path. */
static exo_code tornado(const exo_runway_scenario *sc, int months, double shock,
                        exo_runway *out, exo_err *err)
{
    static const struct {
        const char *key;
        size_t off;
    } top[] = {
#define F(k) {#k, offsetof(exo_runway_scenario, k)}
        F(cash_usd),
        F(revenue_usd_per_month),
        F(revenue_growth_per_month),
        F(growth_talent_elasticity),
        F(compute_usd_per_month),
        F(compute_growth_per_month),
        F(other_costs_usd_per_month),
        F(hiring_max_per_month),
        F(attrition_dilution_sensitivity),
        F(attrition_contagion_sensitivity),
        F(valuation_revenue_multiple),
#undef F
    };
    exo_runway_scenario *w = exo__calloc(1, sizeof *w);
    double *hist =
        exo__calloc(((size_t)months + 1) * (1 + sc->n_levels), sizeof *hist);
    if (!w || !hist) {
        exo__free(w);
        exo__free(hist);
        return exo__fail(err, EXO_ENOMEM, "allocating the tornado");
    }
    *w = *sc;
    size_t n = 0;
    size_t n_in = sizeof top / sizeof top[0] + 2 * sc->n_levels +
                  EXO_RUNWAY_N_COUPLINGS + (sc->has_trigger ? 1 : 0);
    for (size_t i = 0; i < n_in && n < EXO_RUNWAY_MAX_TORNADO; i++) {
        exo_dist *d;
        char name[64];
        size_t j = i;
        if (j < sizeof top / sizeof top[0]) {
            d = (exo_dist *)((char *)w + top[j].off);
            snprintf(name, sizeof name, "%s", top[j].key);
        } else if ((j -= sizeof top / sizeof top[0]) < 2 * sc->n_levels) {
            exo_runway_level *lv = &w->levels[j / 2];
            d = j % 2 ? &lv->attrition_per_year : &lv->cost_usd_per_year;
            if (sc->n_levels == 1)
                snprintf(name, sizeof name, "%s",
                         j % 2 ? "attrition_per_year"
                               : "loaded_cost_usd_per_year");
            else
                snprintf(name, sizeof name, "levels.%zu.%s", j / 2,
                         j % 2 ? "attrition_per_year"
                               : "loaded_cost_usd_per_year");
        } else if ((j -= 2 * sc->n_levels) < EXO_RUNWAY_N_COUPLINGS) {
            d = &w->links[j];
            snprintf(name, sizeof name, "links.%.50s",
                     exo_runway_coupling_key((exo_runway_coupling)j));
        } else {
            d = &w->trigger_size;
            snprintf(name, sizeof name, "trigger.%s",
                     sc->trigger_size_is_burn ? "size_burn_months"
                                              : "size_usd");
        }
        exo_dist keep = *d;
        double lo, hi;
        if (!swing_of(d, &lo, &hi))
            continue;
        exo_runway_tornado *t = &out->tornado[n++];
        snprintf(t->input, sizeof t->input, "%s", name);
        t->low = lo;
        t->high = hi;
        d->kind = EXO_DIST_FIXED;
        d->a = lo;
        det_run(w, months, shock, hist, &t->cashout_low, &t->gain_low);
        d->a = hi;
        det_run(w, months, shock, hist, &t->cashout_high, &t->gain_high);
        *d = keep;
    }
    sort_tornado(out->tornado, n, months);
    out->n_tornado = n;
    exo__free(w);
    exo__free(hist);
    return EXO_OK;
}

/* ==== Monte Carlo ==== */

static void swapf(float *a, float *b)
{
    float t = *a;
    *a = *b;
    *b = t;
}

/* Puts the k-th smallest of x[lo..hi] at x[k], smaller ones before it and
 * larger ones after (Hoare's selection with a middle pivot). */
static void select_k(float *x, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t k)
{
    while (hi > lo) {
        float pivot = x[lo + (hi - lo) / 2];
        ptrdiff_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j) {
                swapf(&x[i], &x[j]);
                i++;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

/* Puts the smallest (largest when 'max') of x[lo..hi] at its end. */
static void select_end(float *x, ptrdiff_t lo, ptrdiff_t hi, bool max)
{
    ptrdiff_t best = max ? hi : lo;
    if (max) {
        for (ptrdiff_t i = lo; i < hi; i++)
            if (x[i] > x[best])
                best = i;
    } else {
        for (ptrdiff_t i = lo + 1; i <= hi; i++)
            if (x[i] < x[best])
                best = i;
    }
    swapf(&x[best], &x[max ? hi : lo]);
}

/*
 * Puts the order statistics of the ascending ranks rank[0..m), all in
 * [lo, hi], at their places: the middle rank is selected first, and the
 * ranks below and above it are then found inside the two parts it leaves,
 * so the work shrinks with each one. A rank at either end of its part is
 * a minimum or maximum, found by a scan.
 */
static void select_ranks(float *x, ptrdiff_t lo, ptrdiff_t hi,
                         const ptrdiff_t *rank, int m)
{
    while (m > 0) {
        int mid = m / 2;
        ptrdiff_t k = rank[mid];
        if (k == lo || k == hi)
            select_end(x, lo, hi, k == hi);
        else
            select_k(x, lo, hi, k);
        select_ranks(x, lo, k - 1, rank, mid);
        /* The upper part, as a loop. */
        lo = k + 1;
        rank += mid + 1;
        m -= mid + 1;
    }
}

/* Scratch for the order statistics of one column (per thread). */
struct qwork {
    uint32_t *hist; /* RADIX_BINS counts */
    uint64_t *mark; /* RADIX_BINS bits: bins holding a wanted rank */
    float *buf;     /* n + 1 values gathered from those bins */
};

#define RADIX_BITS 16
#define RADIX_BINS (1u << RADIX_BITS)

/* An unsigned key in the order of the floats (non-NaN; -0 as +0). */
static uint32_t float_key(float f)
{
    uint32_t u;
    f += 0.0f;
    memcpy(&u, &f, sizeof u);
    return u & 0x80000000u ? ~u : u | 0x80000000u;
}

/*
 * The values of ranks rank[0..m) (ascending) of x[0..n) into v, without
 * reordering x: a histogram of the keys' top RADIX_BITS bits finds the
 * bins the ranks fall in; the values of those bins alone are gathered
 * (without a branch) and the ranks selected among them. Comparison-based
 * selection on random data mispredicts about every other branch; this
 * reads the column twice. Returns false when the wanted bins hold more
 * than half the column (values piled up on a few levels), where the
 * caller selects in place instead.
 */
static bool radix_ranks(const float *x, size_t n, const ptrdiff_t *rank, int m,
                        struct qwork *w, double *v)
{
    ptrdiff_t local[2 * EXO_RUNWAY_N_Q];
    uint32_t bin_of[2 * EXO_RUNWAY_N_Q];
    size_t below[2 * EXO_RUNWAY_N_Q];
    memset(w->hist, 0, RADIX_BINS * sizeof *w->hist);
    for (size_t i = 0; i < n; i++)
        w->hist[float_key(x[i]) >> (32 - RADIX_BITS)]++;
    /* Walk the bins once: each rank's bin and the count before it. */
    size_t cum = 0, gathered = 0;
    int j = 0;
    memset(w->mark, 0, RADIX_BINS / 8);
    for (uint32_t b = 0; b < RADIX_BINS && j < m; b++) {
        size_t c = w->hist[b];
        bool wanted = false;
        while (j < m && (size_t)rank[j] < cum + c) {
            bin_of[j] = b;
            below[j] = cum;
            j++;
            wanted = true;
        }
        if (wanted) {
            w->mark[b >> 6] |= 1ull << (b & 63);
            /* Rank j within the gathered values: those of wanted bins
             * below, then its place in its own bin. */
            for (int i = j - 1; i >= 0 && bin_of[i] == b; i--)
                local[i] = (ptrdiff_t)(gathered + ((size_t)rank[i] - below[i]));
            gathered += c;
        }
        cum += c;
    }
    if (gathered > n / 2)
        return false;
    size_t g = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t b = float_key(x[i]) >> (32 - RADIX_BITS);
        w->buf[g] = x[i];
        g += (size_t)((w->mark[b >> 6] >> (b & 63)) & 1u);
    }
    select_ranks(w->buf, 0, (ptrdiff_t)g - 1, local, m);
    for (int i = 0; i < m; i++)
        v[i] = (double)w->buf[local[i]];
    return true;
}

/* The type-7 quantiles band_p of x[0..n) (may reorder x); 'w' may be NULL
 * (no scratch: selection in place). */
static void quantiles_f(float *x, size_t n, struct qwork *w, double *q)
{
    ptrdiff_t rank[2 * EXO_RUNWAY_N_Q];
    double v[2 * EXO_RUNWAY_N_Q];
    int m = 0;
    for (int i = 0; i < EXO_RUNWAY_N_Q; i++) {
        double h = (double)(n - 1) * band_p[i];
        ptrdiff_t k = (ptrdiff_t)floor(h);
        if (m == 0 || rank[m - 1] < k)
            rank[m++] = k;
        if (k + 1 < (ptrdiff_t)n && h != (double)k && rank[m - 1] < k + 1)
            rank[m++] = k + 1;
    }
    if (!w || !radix_ranks(x, n, rank, m, w, v)) {
        select_ranks(x, 0, (ptrdiff_t)n - 1, rank, m);
        for (int i = 0; i < m; i++)
            v[i] = (double)x[rank[i]];
    }
    for (int i = 0, r = 0; i < EXO_RUNWAY_N_Q; i++) {
        double h = (double)(n - 1) * band_p[i];
        ptrdiff_t k = (ptrdiff_t)floor(h);
        while (rank[r] < k)
            r++;
        if (k + 1 >= (ptrdiff_t)n || h == (double)k)
            q[i] = v[r];
        else
            q[i] = v[r] + (h - (double)k) * (v[r + 1] - v[r]);
    }
}

/* Type-7 quantile of sorted 'x'; infinite when it touches an infinity. */
static double quantile_sorted(const double *x, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t k = (size_t)floor(h);
    if (k + 1 >= n || h == (double)k)
        return x[k];
    if (isinf(x[k + 1]))
        return EXO_INF;
    return x[k] + (h - (double)k) * (x[k + 1] - x[k]);
}

static exo_code band_alloc(exo_runway_band *b, size_t n1)
{
    b->q = exo__calloc(n1 * EXO_RUNWAY_N_Q, sizeof *b->q);
    b->mean = exo__calloc(n1, sizeof *b->mean);
    return b->q && b->mean ? EXO_OK : EXO_ENOMEM;
}

static void band_fill(exo_runway_band *b, float *store, size_t n1,
                      size_t n_paths)
{
    /* A column's sum runs in path order on one thread: the same bits for
     * any thread count. Without scratch the quantiles are selected in
     * place: slower, the same numbers. */
#pragma omp parallel
    {
        struct qwork w = {exo__calloc(RADIX_BINS, sizeof *w.hist),
                          exo__calloc(RADIX_BINS / 64, sizeof *w.mark),
                          exo__calloc(n_paths + 1, sizeof *w.buf)};
        bool have = w.hist && w.mark && w.buf;
#pragma omp for schedule(dynamic, 1)
        for (size_t t = 0; t < n1; t++) {
            float *col = store + t * n_paths;
            double sum = 0.0;
            for (size_t p = 0; p < n_paths; p++)
                sum += (double)col[p];
            b->mean[t] = sum / (double)n_paths;
            quantiles_f(col, n_paths, have ? &w : NULL,
                        b->q + t * EXO_RUNWAY_N_Q);
        }
        exo__free(w.hist);
        exo__free(w.mark);
        exo__free(w.buf);
    }
}

/*
 * The band of a column of small whole numbers (rounds closed by a month):
 * a count of each value, then the type-7 quantiles read off the running
 * total, with no selection: the numbers band_fill would give. False when
 * a thread's counts cannot be allocated.
 */
static bool band_fill_counts(exo_runway_band *b, const uint16_t *store,
                             size_t n1, size_t n_paths)
{
    int failed = 0;
#pragma omp parallel reduction(| : failed)
    {
        size_t *count = exo__calloc((size_t)UINT16_MAX + 1, sizeof *count);
        if (!count)
            failed = 1;
#pragma omp for schedule(dynamic, 1)
        for (size_t t = 0; t < n1; t++) {
            const uint16_t *col = store + t * n_paths;
            double sum = 0.0;
            unsigned top = 0;
            if (!count)
                continue;
            for (size_t p = 0; p < n_paths; p++) {
                count[col[p]]++;
                sum += (double)col[p];
                top = col[p] > top ? col[p] : top;
            }
            b->mean[t] = sum / (double)n_paths;
            for (int i = 0; i < EXO_RUNWAY_N_Q; i++) {
                double h = (double)(n_paths - 1) * band_p[i];
                size_t k = (size_t)floor(h), cum = 0;
                unsigned v = 0, v1;
                while (cum + count[v] <= k)
                    cum += count[v++];
                /* Rank k + 1 is v while the run of v lasts. */
                v1 = v;
                if (k + 1 < n_paths && cum + count[v] <= k + 1)
                    for (v1 = v + 1; count[v1] == 0; v1++)
                        ;
                b->q[t * EXO_RUNWAY_N_Q + (size_t)i] =
                    (double)v + (h - (double)k) * ((double)v1 - (double)v);
            }
            memset(count, 0, ((size_t)top + 1) * sizeof *count);
        }
        exo__free(count);
    }
    return !failed;
}

/*
 * The Monte Carlo paths. The progress hook is asked after every 256th
 * path, one thread at a time; once it asks to stop, the paths not yet
 * begun are skipped and the call fails with EXO_ECANCELED.
 */
static exo_code monte_carlo(const exo_runway_scenario *sc, int months,
                            size_t n_paths, uint64_t seed,
                            const exo_hooks *hooks, exo_runway *out,
                            exo_err *err)
{
    size_t n1 = (size_t)months + 1;
    float *cash = exo__calloc(n1 * n_paths, sizeof *cash);
    float *hc = exo__calloc(n1 * n_paths, sizeof *hc);
    float *dil = exo__calloc(n1 * n_paths, sizeof *dil);
    uint16_t *rnd = exo__calloc(n1 * n_paths, sizeof *rnd);
    double *cashout = exo__calloc(n_paths, sizeof *cashout);
    double *rounds = exo__calloc(n_paths, sizeof *rounds);
    exo_code code = EXO_OK;
    int failed = 0, canceled = 0;
    if (!cash || !hc || !dil || !rnd || !cashout || !rounds) {
        code = exo__fail(err, EXO_ENOMEM, "allocating %zu paths of %d months",
                         n_paths, months);
        goto out;
    }
#pragma omp parallel reduction(| : failed)
    {
        gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
        double *buf = exo__calloc(5 * n1, sizeof *buf);
        if (!r || !buf)
            failed = 1;
#pragma omp for schedule(dynamic, 64)
        for (size_t p = 0; p < n_paths; p++) {
            int stop;
#pragma omp atomic read
            stop = canceled;
            if (!r || !buf || stop)
                continue;
            struct sim_ctl ctl = {.r = r};
            struct sim_out o = {.cash = buf,
                                .hc = buf + n1,
                                .dil = buf + 2 * n1,
                                .rounds = buf + 4 * n1};
            gsl_rng_set(r, exo__derive_seed(seed, p));
            simulate(sc, months, &ctl, &o, buf + 3 * n1);
            for (size_t t = 0; t < n1; t++) {
                cash[t * n_paths + p] = (float)o.cash[t];
                hc[t * n_paths + p] = (float)o.hc[t];
                dil[t * n_paths + p] = (float)o.dil[t];
                rnd[t * n_paths + p] =
                    (uint16_t)min2(o.rounds[t], (double)UINT16_MAX);
            }
            cashout[p] = o.cashout;
            rounds[p] = (double)o.n_rounds;
            if (hooks->progress && p % 256 == 0) {
#pragma omp critical
                if (hooks->progress(hooks->ud, (double)p / (double)n_paths)) {
#pragma omp atomic write
                    canceled = 1;
                }
            }
        }
        if (r)
            gsl_rng_free(r);
        exo__free(buf);
    }
    if (failed) {
        code = exo__fail(err, EXO_ENOMEM, "allocating a path's generator");
        goto out;
    }
    if (canceled) {
        code = exo__fail(err, EXO_ECANCELED, "runway canceled");
        goto out;
    }
    double sum_rounds = 0.0;
    size_t c12 = 0, c24 = 0, c36 = 0, cm = 0;
    for (size_t p = 0; p < n_paths; p++) {
        sum_rounds += rounds[p];
        c12 += cashout[p] <= 12.0;
        c24 += cashout[p] <= 24.0;
        c36 += cashout[p] <= 36.0;
        cm += isfinite(cashout[p]);
    }
    out->mean_rounds = sum_rounds / (double)n_paths;
    /* Past the horizon the paths say nothing: NaN. */
    out->p_cashout_12 =
        months >= 12 ? (double)c12 / (double)n_paths : (double)NAN;
    out->p_cashout_24 =
        months >= 24 ? (double)c24 / (double)n_paths : (double)NAN;
    out->p_cashout_36 =
        months >= 36 ? (double)c36 / (double)n_paths : (double)NAN;
    out->p_cashout_horizon = (double)cm / (double)n_paths;
    exo__qsort(cashout, n_paths, sizeof *cashout, exo__cmp_double);
    out->cashout_median = quantile_sorted(cashout, n_paths, 0.5);
    out->cashout_lo80 = quantile_sorted(cashout, n_paths, 0.10);
    out->cashout_hi80 = quantile_sorted(cashout, n_paths, 0.90);
    out->cashout_lo95 = quantile_sorted(cashout, n_paths, 0.025);
    out->cashout_hi95 = quantile_sorted(cashout, n_paths, 0.975);
    if (band_alloc(&out->cash, n1) || band_alloc(&out->headcount, n1) ||
        band_alloc(&out->dilution, n1) || band_alloc(&out->rounds, n1)) {
        code = exo__fail(err, EXO_ENOMEM, "allocating quantile bands");
        goto out;
    }
    band_fill(&out->cash, cash, n1, n_paths);
    band_fill(&out->headcount, hc, n1, n_paths);
    band_fill(&out->dilution, dil, n1, n_paths);
    if (!band_fill_counts(&out->rounds, rnd, n1, n_paths)) {
        code = exo__fail(err, EXO_ENOMEM, "allocating the rounds band");
        goto out;
    }
    out->has_mc = true;
out:
    exo__free(cash);
    exo__free(hc);
    exo__free(dil);
    exo__free(rnd);
    exo__free(cashout);
    exo__free(rounds);
    return code;
}

/* ==== Entry points ==== */

static exo_code check_dist(const exo_dist *d, const char *what, exo_err *err)
{
    if (!isfinite(d->a) || !isfinite(d->b) || !(d->lo <= d->hi) ||
        (d->kind == EXO_DIST_NORMAL && d->b < 0.0) ||
        (d->kind == EXO_DIST_LOGNORMAL && (d->b < 0.0 || !(d->a > 0.0))) ||
        (d->kind == EXO_DIST_UNIFORM && d->b < d->a) ||
        d->kind > EXO_DIST_UNIFORM)
        return exo__fail(err, EXO_EINVAL, "%s: not a valid distribution", what);
    return EXO_OK;
}

static exo_code check_scenario(const exo_runway_scenario *sc, int months,
                               exo_err *err)
{
    exo_code c;
    if (months < 1 || months > EXO_RUNWAY_MAX_MONTHS)
        return exo__fail(err, EXO_EINVAL,
                         "horizon of %d months is not in 1..%d", months,
                         EXO_RUNWAY_MAX_MONTHS);
    if (sc->n_levels < 1 || sc->n_levels > EXO_RUNWAY_MAX_LEVELS)
        return exo__fail(err, EXO_EINVAL, "%zu levels is not in 1..%d",
                         sc->n_levels, EXO_RUNWAY_MAX_LEVELS);
    if (sc->n_rounds > EXO_RUNWAY_MAX_ROUNDS)
        return exo__fail(err, EXO_EINVAL, "%zu rounds is more than %d",
                         sc->n_rounds, EXO_RUNWAY_MAX_ROUNDS);
    if ((c = check_dist(&sc->cash_usd, "cash_usd", err)) ||
        (c = check_dist(&sc->revenue_usd_per_month, "revenue", err)) ||
        (c = check_dist(&sc->revenue_growth_per_month, "growth", err)) ||
        (c = check_dist(&sc->growth_talent_elasticity, "elasticity", err)) ||
        (c = check_dist(&sc->compute_usd_per_month, "compute", err)) ||
        (c = check_dist(&sc->compute_growth_per_month, "compute growth",
                        err)) ||
        (c = check_dist(&sc->other_costs_usd_per_month, "other costs", err)) ||
        (c = check_dist(&sc->hiring_max_per_month, "hiring", err)) ||
        (c = check_dist(&sc->attrition_dilution_sensitivity, "k_dilution",
                        err)) ||
        (c = check_dist(&sc->attrition_contagion_sensitivity, "k_contagion",
                        err)) ||
        (c = check_dist(&sc->valuation_revenue_multiple, "multiple", err)) ||
        (sc->has_trigger &&
         (c = check_dist(&sc->trigger_size, "trigger size", err))))
        return c;
    for (size_t l = 0; l < sc->n_levels; l++) {
        const exo_runway_level *lv = &sc->levels[l];
        if (!(lv->headcount >= 0.0) || lv->headcount > 4e9 ||
            !(lv->talent_weight >= 0.0) ||
            (c = check_dist(&lv->cost_usd_per_year, "cost", err)) ||
            (c = check_dist(&lv->attrition_per_year, "attrition", err)))
            return c ? c
                     : exo__fail(err, EXO_EINVAL,
                                 "level %zu: headcount or weight is invalid",
                                 l + 1);
    }
    for (size_t i = 0; i < sc->n_rounds; i++)
        if ((c = check_dist(&sc->rounds[i].size_usd, "round size", err)))
            return c;
    for (int k = 0; k < EXO_RUNWAY_N_COUPLINGS; k++)
        if ((c = check_dist(&sc->links[k],
                            exo_runway_coupling_key((exo_runway_coupling)k),
                            err)))
            return c;
    if (sc->contagion_mode == EXO_CONTAGION_HAWKES &&
        (!(sc->contagion_branching_n >= 0.0) ||
         !(sc->contagion_half_life_months > 0.0)))
        return exo__fail(err, EXO_EINVAL,
                         "Hawkes contagion needs n >= 0 and a half-life > 0");
    if (sc->has_trigger &&
        (!(sc->trigger_runway_months > 0.0) || sc->trigger_retry_months < 1))
        return exo__fail(err, EXO_EINVAL,
                         "the trigger needs a runway threshold > 0 and a "
                         "retry of at least 1 month");
    return EXO_OK;
}

static exo_code path_alloc(exo_runway_path *p, size_t n1)
{
    double *b = exo__calloc(8 * n1, sizeof *b);
    if (!b)
        return EXO_ENOMEM;
    p->cash = b;
    p->headcount = b + n1;
    p->dilution = b + 2 * n1;
    p->revenue = b + 3 * n1;
    p->valuation = b + 4 * n1;
    p->departures = b + 5 * n1;
    p->hires = b + 6 * n1;
    p->runway = b + 7 * n1;
    return EXO_OK;
}

exo_code exo_runway_run(const exo_runway_scenario *sc,
                        const exo_runway_opts *opts, exo_runway *out,
                        exo_err *err)
{
    exo_runway_opts defaults = {0};
    exo_code code;
    memset(out, 0, sizeof *out);
    if (!opts)
        opts = &defaults;
    int months = opts->months > 0 ? opts->months
                 : sc->months > 0 ? sc->months
                                  : 120;
    size_t n_paths = opts->n_paths ? opts->n_paths : 10000;
    if ((code = check_scenario(sc, months, err)))
        return code;
    if (n_paths > 100000000)
        return exo__fail(err, EXO_EINVAL, "%zu paths is too many", n_paths);
    size_t n1 = (size_t)months + 1;
    out->months = months;
    out->n_paths = opts->no_monte_carlo ? 0 : n_paths;
    out->seed = opts->seed;
    if (path_alloc(&out->det, n1)) {
        exo_runway_release(out);
        return exo__fail(err, EXO_ENOMEM, "allocating the deterministic path");
    }
    struct sim_ctl ctl = {.shock = opts->det_shock};
    struct sim_out o = {.cash = out->det.cash,
                        .hc = out->det.headcount,
                        .dil = out->det.dilution,
                        .rev = out->det.revenue,
                        .val = out->det.valuation,
                        .deps = out->det.departures,
                        .hires = out->det.hires,
                        .runway = out->det.runway};
    simulate(sc, months, &ctl, &o, NULL);
    out->det.cashout_month = o.cashout;
    out->det.n_rounds = o.n_rounds;
    if (!opts->no_loop_gain) {
        size_t np = n_paths < CHAIN_PATHS ? n_paths : CHAIN_PATHS;
        if ((code = chain_gain(sc, months, np, opts->seed, &out->chain, err)) ||
            (code = tornado(sc, months, out->chain.shock, out, err)))
            goto fail;
        out->has_chain = true;
    }
    if (!opts->no_monte_carlo &&
        (code = monte_carlo(sc, months, n_paths, opts->seed, &opts->hooks, out,
                            err)))
        goto fail;
    return EXO_OK;
fail:
    exo_runway_release(out);
    return code;
}

void exo_runway_release(exo_runway *r)
{
    if (!r)
        return;
    exo__free(r->det.cash);
    exo__free(r->cash.q);
    exo__free(r->cash.mean);
    exo__free(r->headcount.q);
    exo__free(r->headcount.mean);
    exo__free(r->dilution.q);
    exo__free(r->dilution.mean);
    exo__free(r->rounds.q);
    exo__free(r->rounds.mean);
    memset(r, 0, sizeof *r);
}

/* ==== Backtest ==== */

/* The 10% and 90% points of 'd' (its value twice when fixed). */
static void band80(const exo_dist *d, double *lo, double *hi)
{
    if (d->kind == EXO_DIST_FIXED || !swing_of(d, lo, hi))
        *lo = *hi = exo_dist_center(d);
}

exo_code exo_runway_backtest(const exo_runway_scenario *sc, const exo_runway *r,
                             const exo_runway_actual *actual, size_t n,
                             exo_runway_check *out, exo_err *err)
{
    if (!r->has_mc)
        return exo__fail(err, EXO_EINVAL,
                         "the backtest needs the Monte Carlo paths");
    double retained = 1.0;
    int scored = 0;
    for (size_t i = 0; i < n; i++) {
        const exo_runway_actual *a = &actual[i];
        exo_runway_check *c = &out[i];
        memset(c, 0, sizeof *c);
        c->month = (int)ceil(a->month);
        c->multiple = c->size_burn = c->runway = EXO_NAN;
        /* A round of the start month is in the opening cash. */
        if (!(a->month >= 1.0) || c->month > r->months ||
            !(a->post_usd > a->size_usd) || !(a->size_usd > 0.0))
            continue;
        size_t m = (size_t)c->month;
        c->scored = true;
        retained *= 1.0 - a->size_usd / a->post_usd;
        c->dilution = 1.0 - retained;
        c->rounds = ++scored;
        const double *qd = r->dilution.q + m * EXO_RUNWAY_N_Q;
        const double *qr = r->rounds.q + m * EXO_RUNWAY_N_Q;
        c->dil_lo80 = qd[1];
        c->dil_median = qd[2];
        c->dil_hi80 = qd[3];
        c->rounds_lo80 = qr[1];
        c->rounds_median = qr[2];
        c->rounds_hi80 = qr[3];
        c->dilution_inside = c->dilution >= qd[1] && c->dilution <= qd[3];
        c->rounds_inside =
            (double)c->rounds >= qr[1] && (double)c->rounds <= qr[3];
        /* The closing month's deterministic revenue and burn (month m's
         * flows ran on the stocks of m - 1). */
        double rev = r->det.revenue[m];
        double burn = r->det.cash[m - 1] - r->det.cash[m];
        c->multiple =
            rev > 0.0 ? (a->post_usd - a->size_usd) / (12.0 * rev) : EXO_NAN;
        band80(&sc->valuation_revenue_multiple, &c->multiple_lo80,
               &c->multiple_hi80);
        c->size_burn = burn > 0.0 ? a->size_usd / burn : EXO_NAN;
        c->size_lo80 = c->size_hi80 = EXO_NAN;
        if (sc->has_trigger && sc->trigger_size_is_burn)
            band80(&sc->trigger_size, &c->size_lo80, &c->size_hi80);
        c->runway = r->det.runway[m - 1];
        if (c->dilution_inside && c->rounds_inside)
            continue;
        /* Which assumption missed: the round's price, then its size,
         * then its timing. */
        if (isfinite(c->multiple) && (c->multiple < c->multiple_lo80 ||
                                      c->multiple > c->multiple_hi80)) {
            c->missed_key = "valuation_revenue_multiple";
            c->missed_why = "the round was priced outside the scenario's "
                            "80% range of the revenue multiple";
        } else if (isfinite(c->size_burn) && isfinite(c->size_hi80) &&
                   (c->size_burn > c->size_hi80 ||
                    c->size_burn < c->size_lo80)) {
            c->missed_key = "trigger.size_burn_months";
            c->missed_why = "the round's size, in months of net burn, is "
                            "outside the trigger's 80% range";
        } else if (sc->has_trigger && c->runway > sc->trigger_runway_months) {
            c->missed_key = "trigger.runway_below_months";
            c->missed_why = "the company raised with more runway left than "
                            "the trigger waits for";
        } else {
            c->missed_key = "trigger.probability";
            c->missed_why = "the scenario's rounds close less often (or more "
                            "often) than this one did";
        }
    }
    return EXO_OK;
}
