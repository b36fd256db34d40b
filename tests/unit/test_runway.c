/*
 * test_runway.c - the runway model against cases checkable by hand
 * (constant burn, one round, compounding dilution), Monte Carlo recovery
 * of closed forms, reproducibility across thread counts, invariants on
 * every path, and scenario validation with exact line and column.
 *
 * Tolerances: hand-checkable cases 1e-12 relative (a few additions).
 * Monte Carlo means: 4 standard errors of the mean, the standard error
 * computed from the binomial or uniform variance stated at each test.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <omp.h>

#include "expect.h"
#include "exodus.h"

/* A scenario with nothing in it: one level of 0 people, no money flows. */
static exo_runway_scenario empty(void)
{
    exo_runway_scenario sc;
    memset(&sc, 0, sizeof sc);
    snprintf(sc.name, sizeof sc.name, "test");
    sc.months = 60;
    sc.n_levels = 1;
    sc.levels[0].talent_weight = 1.0;
    sc.contagion_window_months = 3;
    sc.contagion_half_life_months = 3.0;
    exo_dist *all[] = {&sc.cash_usd,
                       &sc.revenue_usd_per_month,
                       &sc.revenue_growth_per_month,
                       &sc.growth_talent_elasticity,
                       &sc.compute_usd_per_month,
                       &sc.compute_growth_per_month,
                       &sc.other_costs_usd_per_month,
                       &sc.hiring_max_per_month,
                       &sc.attrition_dilution_sensitivity,
                       &sc.attrition_contagion_sensitivity,
                       &sc.valuation_revenue_multiple,
                       &sc.levels[0].cost_usd_per_year,
                       &sc.levels[0].attrition_per_year};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        all[i]->lo = -1e300;
        all[i]->hi = 1e300;
    }
    return sc;
}

static void fixed(exo_dist *d, double v)
{
    d->kind = EXO_DIST_FIXED;
    d->a = v;
    d->lo = -1e300;
    d->hi = 1e300;
}

static exo_runway run(const exo_runway_scenario *sc, size_t paths,
                      uint64_t seed)
{
    exo_runway r;
    exo_err err = {0};
    exo_runway_opts o = {
        .n_paths = paths, .seed = seed, .no_monte_carlo = paths == 0};
    cr_assert_eq(exo_runway_run(sc, &o, &r, &err), EXO_OK, "%s", err.msg);
    return r;
}

Test(runway, constant_burn_runs_out_at_cash_over_burn)
{
    exo_runway_scenario sc = empty();
    fixed(&sc.cash_usd, 1000.0);
    fixed(&sc.compute_usd_per_month, 80.0);
    exo_runway r = run(&sc, 0, 1);
    expect_rel(r.det.cashout_month, 1000.0 / 80.0, 1e-12, "cash / burn");
    /* The same burn from staff: 10 people at 96 a year = 80 a month. */
    sc = empty();
    fixed(&sc.cash_usd, 1000.0);
    sc.levels[0].headcount = 10;
    fixed(&sc.levels[0].cost_usd_per_year, 96.0);
    exo_runway_release(&r);
    r = run(&sc, 100, 1);
    expect_rel(r.det.cashout_month, 12.5, 1e-12, "staff burn");
    expect_rel(r.cashout_median, 12.5, 1e-12, "every path alike");
    cr_expect_eq(r.p_cashout_12, 0.0);
    cr_expect_eq(r.p_cashout_24, 1.0);
    /* After cash-out the company is gone: no cash, no staff. */
    cr_expect_eq(r.det.headcount[13], 0.0);
    cr_expect_eq(r.det.headcount[12], 10.0);
    exo_runway_release(&r);
}

Test(runway, one_round_adds_exactly_its_size)
{
    exo_runway_scenario sc = empty();
    fixed(&sc.cash_usd, 100.0);
    fixed(&sc.revenue_usd_per_month, 1.0);
    fixed(&sc.compute_usd_per_month, 11.0);
    fixed(&sc.valuation_revenue_multiple, 10.0);
    sc.n_rounds = 1;
    sc.rounds[0].month = 5;
    fixed(&sc.rounds[0].size_usd, 50.0);
    sc.rounds[0].probability = 1.0;
    exo_runway r = run(&sc, 0, 1);
    expect_rel(r.det.cashout_month, 15.0, 1e-12, "(100 + 50) / 10");
    expect_rel(r.det.cash[5], 100.0 - 50.0 + 50.0, 1e-12, "cash after round");
    /* Pre-money 10 x 12 x 1 = 120: the round takes 50 / 170. */
    expect_rel(r.det.dilution[5], 50.0 / 170.0, 1e-12, "dilution");
    expect_rel(r.det.valuation[5], 170.0, 1e-12, "post-money");
    cr_expect_eq(r.det.n_rounds, 1);
    /* A round below probability 0.5 does not close on the central path. */
    sc.rounds[0].probability = 0.4;
    exo_runway_release(&r);
    r = run(&sc, 0, 1);
    expect_rel(r.det.cashout_month, 10.0, 1e-12, "no round");
    exo_runway_release(&r);
}

Test(runway, dilution_compounds)
{
    exo_runway_scenario sc = empty();
    fixed(&sc.cash_usd, 1000.0);
    fixed(&sc.revenue_usd_per_month, 1.0);
    fixed(&sc.compute_usd_per_month, 1.0);
    fixed(&sc.valuation_revenue_multiple, 10.0);
    sc.n_rounds = 2;
    sc.rounds[0].month = 2;
    fixed(&sc.rounds[0].size_usd, 30.0); /* 30 / 150 = 0.2 */
    sc.rounds[0].probability = 1.0;
    sc.rounds[1].month = 7;
    fixed(&sc.rounds[1].size_usd, 120.0); /* 120 / 240 = 0.5 */
    sc.rounds[1].probability = 1.0;
    exo_runway r = run(&sc, 0, 1);
    expect_rel(r.det.dilution[60], 1.0 - (1.0 - 0.2) * (1.0 - 0.5), 1e-12,
               "1 - (1 - d1)(1 - d2)");
    cr_expect(isinf(r.det.cashout_month));
    exo_runway_release(&r);
}

Test(runway, no_hazard_no_hiring_keeps_headcount)
{
    exo_runway_scenario sc = empty();
    fixed(&sc.cash_usd, 1e9);
    sc.levels[0].headcount = 37;
    fixed(&sc.levels[0].cost_usd_per_year, 1.0);
    exo_runway r = run(&sc, 500, 3);
    for (int m = 0; m <= 60; m++) {
        cr_expect_eq(r.det.headcount[m], 37.0);
        for (int k = 0; k < EXO_RUNWAY_N_Q; k++)
            cr_expect_eq(r.headcount.q[m * EXO_RUNWAY_N_Q + k], 37.0);
    }
    exo_runway_release(&r);
}

/*
 * Only random attrition at hazard 0.24 a year: E[H_t] = H0 exp(-0.02 t).
 * Each path's H_t is Binomial(H0, exp(-0.02 t)); the tolerance is 4
 * standard errors of the mean of 20,000 paths.
 */
Test(runway, monte_carlo_recovers_exponential_attrition)
{
    exo_runway_scenario sc = empty();
    fixed(&sc.cash_usd, 1e12);
    sc.levels[0].headcount = 1000;
    fixed(&sc.levels[0].attrition_per_year, 0.24);
    size_t paths = 20000;
    exo_runway r = run(&sc, paths, 11);
    for (int m = 0; m <= 60; m += 6) {
        double p = exp(-0.02 * m);
        double want = 1000.0 * p;
        double se = sqrt(1000.0 * p * (1.0 - p) / (double)paths);
        expect_rel(r.det.headcount[m], want, 1e-12, "deterministic path");
        expect_abs(r.headcount.mean[m], want, 4.0 * se + 1e-9, "MC mean");
    }
    exo_runway_release(&r);
}

/* Draws of cash_usd ~ Uniform(0, 100) are the month-0 cash band. */
Test(runway, sampling_matches_the_distribution)
{
    exo_runway_scenario sc = empty();
    sc.cash_usd.kind = EXO_DIST_UNIFORM;
    sc.cash_usd.a = 0.0;
    sc.cash_usd.b = 100.0;
    fixed(&sc.compute_usd_per_month, 1.0);
    size_t paths = 40000;
    exo_runway r = run(&sc, paths, 5);
    double se_mean = 100.0 / sqrt(12.0 * (double)paths);
    expect_abs(r.cash.mean[0], 50.0, 4.0 * se_mean, "uniform mean");
    /* Quantile q of a uniform: se sqrt(q (1 - q) / n) x 100. */
    expect_abs(r.cash.q[1], 10.0, 4.0 * 100.0 * sqrt(0.09 / paths), "q10");
    expect_abs(r.cash.q[2], 50.0, 4.0 * 100.0 * sqrt(0.25 / paths), "q50");
    /* Cash-out month is cash / 1: its median is the cash median. */
    expect_abs(r.cashout_median, 50.0, 4.0 * 100.0 * sqrt(0.25 / paths),
               "cash-out median");
    expect_abs(r.p_cashout_12, 0.12, 4.0 * sqrt(0.12 * 0.88 / paths),
               "P(cash < 12)");
    exo_runway_release(&r);
    /* Lognormal: the median is 'a'. */
    sc = empty();
    sc.cash_usd.kind = EXO_DIST_LOGNORMAL;
    sc.cash_usd.a = 20.0;
    sc.cash_usd.b = 0.5;
    fixed(&sc.compute_usd_per_month, 1.0);
    r = run(&sc, paths, 5);
    expect_rel(r.det.cash[0], 20.0, 1e-12, "central value = median");
    expect_abs(r.cash.q[2], 20.0, 0.2, "lognormal median");
    expect_abs(r.cash.mean[0], 20.0 * exp(0.125), 0.2, "lognormal mean");
    exo_runway_release(&r);
}

static exo_runway_scenario busy(void)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    cr_assert_eq(exo_runway_scenario_load(
                     SOURCE_PATH("data/scenarios/startup.json"), &sc, &err),
                 EXO_OK, "%s", err.msg);
    return sc;
}

Test(runway, same_numbers_for_one_and_two_threads)
{
    exo_runway_scenario sc = busy();
    omp_set_num_threads(1);
    exo_runway a = run(&sc, 3000, 42);
    omp_set_num_threads(2);
    exo_runway b = run(&sc, 3000, 42);
    size_t n = (size_t)(a.months + 1) * EXO_RUNWAY_N_Q;
    cr_expect(memcmp(a.cash.q, b.cash.q, n * sizeof(double)) == 0);
    cr_expect(memcmp(a.headcount.q, b.headcount.q, n * sizeof(double)) == 0);
    cr_expect(memcmp(a.dilution.q, b.dilution.q, n * sizeof(double)) == 0);
    cr_expect(memcmp(a.cash.mean, b.cash.mean,
                     (size_t)(a.months + 1) * sizeof(double)) == 0);
    cr_expect_eq(a.cashout_median, b.cashout_median);
    cr_expect_eq(a.cashout_lo95, b.cashout_lo95);
    cr_expect_eq(a.p_cashout_36, b.p_cashout_36);
    cr_expect_eq(a.mean_rounds, b.mean_rounds);
    exo_runway c = run(&sc, 3000, 43);
    cr_expect(memcmp(a.cash.q, c.cash.q, n * sizeof(double)) != 0,
              "another seed gives other paths");
    exo_runway_release(&a);
    exo_runway_release(&b);
    exo_runway_release(&c);
}

/* Counts its calls and asks to stop at the second one. */
static int stop_at_second(void *ud, double done)
{
    int *calls = ud;
    cr_expect(done >= 0.0 && done <= 1.0, "done %g", done);
    return ++*calls >= 2;
}

static int never_stop(void *ud, double done)
{
    (void)done;
    ++*(int *)ud;
    return 0;
}

Test(runway, progress_hook_is_polled_and_cancels)
{
    exo_runway_scenario sc = busy();
    exo_runway r;
    exo_err err = {0};
    int calls = 0;
    exo_runway_opts o = {.n_paths = 3000, .seed = 1};
    o.hooks.progress = never_stop;
    o.hooks.ud = &calls;
    cr_assert_eq(exo_runway_run(&sc, &o, &r, &err), EXO_OK, "%s", err.msg);
    cr_expect_eq(calls, 12, "one call per 256 paths begun (%d)", calls);
    exo_runway_release(&r);

    calls = 0;
    o.hooks.progress = stop_at_second;
    cr_assert_eq(exo_runway_run(&sc, &o, &r, &err), EXO_ECANCELED);
    cr_expect_eq(err.code, EXO_ECANCELED);
    cr_expect(r.cash.q == NULL && r.det.cash == NULL,
              "a canceled run leaves 'out' zeroed");
    exo_runway_release(&r);
}

Test(runway, invariants_on_every_band)
{
    exo_runway_scenario sc = busy();
    exo_runway r = run(&sc, 2000, 7);
    for (int m = 0; m <= r.months; m++) {
        const double *qc = r.cash.q + m * EXO_RUNWAY_N_Q;
        const double *qh = r.headcount.q + m * EXO_RUNWAY_N_Q;
        const double *qd = r.dilution.q + m * EXO_RUNWAY_N_Q;
        for (int k = 1; k < EXO_RUNWAY_N_Q; k++) {
            cr_expect(qc[k - 1] <= qc[k], "cash quantiles monotone");
            cr_expect(qh[k - 1] <= qh[k], "headcount quantiles monotone");
            cr_expect(qd[k - 1] <= qd[k], "dilution quantiles monotone");
        }
        cr_expect(qh[0] >= 0.0, "headcount never negative");
        cr_expect(qc[0] >= 0.0, "a path that ran out stays at 0");
        cr_expect(qd[0] >= 0.0 && qd[4] < 1.0, "dilution in [0, 1)");
        if (m > 0)
            cr_expect(r.det.dilution[m] >= r.det.dilution[m - 1],
                      "dilution only grows");
    }
    cr_expect(r.cashout_lo95 <= r.cashout_lo80);
    cr_expect(r.cashout_lo80 <= r.cashout_median);
    cr_expect(r.cashout_median <= r.cashout_hi80);
    cr_expect(r.cashout_hi80 <= r.cashout_hi95);
    cr_expect(r.p_cashout_12 <= r.p_cashout_24);
    cr_expect(r.p_cashout_24 <= r.p_cashout_36);
    exo_runway_release(&r);
}

/* Cash accounting balances month by month on the deterministic path:
 * the change of cash is revenue less costs, plus what rounds raised. */
Test(runway, cash_accounting_balances)
{
    exo_runway_scenario sc = empty();
    fixed(&sc.cash_usd, 5000.0);
    fixed(&sc.revenue_usd_per_month, 100.0);
    fixed(&sc.revenue_growth_per_month, 0.03);
    fixed(&sc.compute_usd_per_month, 150.0);
    fixed(&sc.compute_growth_per_month, 0.01);
    sc.levels[0].headcount = 10;
    fixed(&sc.levels[0].cost_usd_per_year, 120.0);
    fixed(&sc.levels[0].attrition_per_year, 0.3);
    fixed(&sc.hiring_max_per_month, 0.05);
    exo_runway r = run(&sc, 0, 1);
    double K = 150.0;
    for (int m = 1; m <= 60; m++) {
        double flow = r.det.revenue[m - 1] - K - r.det.headcount[m - 1] * 10.0;
        expect_rel(r.det.cash[m] - r.det.cash[m - 1], flow, 1e-9,
                   "cash change = revenue - costs");
        K *= 1.01;
    }
    exo_runway_release(&r);
}

/* Without a dilution link the loop is open: gain 0. With one it is
 * positive, and it scales little with the size of the shock (linear). */
/* ==== The coupled model ==== */

static exo_runway run_opts(const exo_runway_scenario *sc, exo_runway_opts o)
{
    exo_runway r;
    exo_err err = {0};
    cr_assert_eq(exo_runway_run(sc, &o, &r, &err), EXO_OK, "%s", err.msg);
    return r;
}

/*
 * docs/runway.md, "Closed form": one level of H0 people with hazard a a
 * year and no hiring keeps H_t = H0 e^(-a t / 12); with revenue R, compute
 * K and cost c a person-year, cash_t = C0 + t (R - K) - (c / 12) H0
 * (1 - e^(-a t / 12)) / (1 - e^(-a / 12)). Cash lasts 12 months here.
 */
Test(runway, closed_form_path_without_randomness)
{
    const double H0 = 120.0, a = 0.3, c = 240000.0, C0 = 5e7, R = 1e6, K = 2e6;
    exo_runway_scenario sc = empty();
    sc.levels[0].headcount = H0;
    fixed(&sc.levels[0].cost_usd_per_year, c);
    fixed(&sc.levels[0].attrition_per_year, a);
    fixed(&sc.cash_usd, C0);
    fixed(&sc.revenue_usd_per_month, R);
    fixed(&sc.compute_usd_per_month, K);
    sc.months = 12;
    exo_runway r = run(&sc, 0, 1);
    double x = exp(-a / 12.0);
    for (int t = 0; t <= 12; t++) {
        double H = H0 * pow(x, t);
        double cash =
            C0 + t * (R - K) - c / 12.0 * H0 * (1.0 - pow(x, t)) / (1.0 - x);
        expect_rel(r.det.headcount[t], H, 1e-12, "headcount");
        expect_rel(r.det.cash[t], cash, 1e-12, "cash");
        if (t > 0)
            expect_rel(r.det.departures[t], H0 * pow(x, t - 1) * (1.0 - x),
                       1e-12, "departures");
        /* Month t's burn is paid on the staff it opened with. */
        double burn = K + c / 12.0 * H0 * pow(x, t > 0 ? t - 1 : 0) - R;
        expect_rel(r.det.runway[t], cash / burn, 1e-12,
                   "runway is cash over the month's net burn");
    }
    exo_runway_release(&r);
}

/* Offers: hires = gap / (1 + a_d D). No attrition and a plan growing 10%
 * a month: the gap is plan(t) - H(t-1). One round at month 1 of 12 at a
 * pre-money of multiple 1 x 12 x revenue 1 = 12 sets D = 1/2. */
Test(runway, offer_acceptance_scales_hires)
{
    exo_runway_scenario sc = empty();
    sc.levels[0].headcount = 100.0;
    sc.headcount_growth_per_month = 0.10;
    fixed(&sc.hiring_max_per_month, 1.0);
    fixed(&sc.cash_usd, 1e12);
    fixed(&sc.revenue_usd_per_month, 1.0);
    fixed(&sc.valuation_revenue_multiple, 1.0);
    sc.n_rounds = 1;
    sc.rounds[0].month = 1;
    sc.rounds[0].probability = 1.0;
    fixed(&sc.rounds[0].size_usd, 12.0); /* pre 12: D = 1/2 */
    sc.has_links = true;
    fixed(&sc.links[EXO_CPL_ACCEPT_DILUTION], 2.0);
    sc.months = 3;
    exo_runway r = run(&sc, 0, 1);
    expect_rel(r.det.hires[1], 10.0, 1e-12, "month 1: no dilution yet");
    double acc = 1.0 / (1.0 + 2.0 * 0.5);
    expect_rel(r.det.dilution[1], 0.5, 1e-12, "dilution");
    expect_rel(r.det.hires[2], (100.0 * 1.21 - 110.0) * acc, 1e-12,
               "month 2: the gap times the acceptance");
    exo_runway_release(&r);
}

/* Round size follows confidence: no hiring against a plan growing 10% a
 * month leaves the talent index at 1/1.1 after month 1, revenue is on
 * plan, so C = 1/1.1 and a round of 100 with k = 2 raises 100 / 1.21. */
Test(runway, round_size_scales_with_confidence)
{
    exo_runway_scenario sc = empty();
    sc.levels[0].headcount = 10.0;
    sc.headcount_growth_per_month = 0.10;
    fixed(&sc.cash_usd, 1000.0);
    fixed(&sc.revenue_usd_per_month, 1.0);
    fixed(&sc.valuation_revenue_multiple, 1.0);
    sc.n_rounds = 1;
    sc.rounds[0].month = 1;
    sc.rounds[0].probability = 1.0;
    fixed(&sc.rounds[0].size_usd, 100.0);
    sc.has_links = true;
    fixed(&sc.links[EXO_CPL_ROUND_SIZE_CONFIDENCE], 2.0);
    sc.months = 2;
    exo_runway r = run(&sc, 0, 1);
    double size = 100.0 / (1.1 * 1.1);
    expect_rel(r.det.cash[1], 1000.0 + 1.0 + size, 1e-12, "cash");
    expect_rel(r.det.dilution[1], size / (12.0 + size), 1e-12, "dilution");
    exo_runway_release(&r);
}

/* Hiring stops in every month that opens with less runway than the
 * freeze threshold, and only then. */
Test(runway, hiring_stops_when_cash_says_so)
{
    exo_runway_scenario sc = empty();
    sc.levels[0].headcount = 50.0;
    fixed(&sc.levels[0].cost_usd_per_year, 120000.0);
    fixed(&sc.levels[0].attrition_per_year, 0.2);
    sc.headcount_growth_per_month = 0.02;
    fixed(&sc.hiring_max_per_month, 0.2);
    fixed(&sc.cash_usd, 1e7);
    fixed(&sc.compute_usd_per_month, 2e5);
    sc.has_links = true;
    fixed(&sc.links[EXO_CPL_HIRING_FREEZE_RUNWAY], 9.0);
    sc.months = 40;
    exo_runway r = run(&sc, 0, 1);
    int frozen = 0, hiring = 0;
    for (int t = 1; t <= 40 && isfinite(r.det.cash[t]) && r.det.cash[t] > 0;
         t++) {
        if (r.det.runway[t - 1] < 9.0) {
            cr_expect_eq(r.det.hires[t], 0.0, "month %d: runway %g", t,
                         r.det.runway[t - 1]);
            frozen++;
        } else {
            cr_expect_gt(r.det.hires[t], 0.0, "month %d", t);
            hiring++;
        }
    }
    cr_expect(frozen > 0 && hiring > 0, "%d frozen, %d hiring", frozen, hiring);
    exo_runway_release(&r);
}

/* A firm with a margin of a quarter of its revenue, which loses revenue
 * with the people who leave beyond the base rate, and whose departures
 * excite further departures with branching n. */
static exo_runway_scenario contagious(double n)
{
    exo_runway_scenario sc = empty();
    sc.levels[0].headcount = 200.0;
    fixed(&sc.levels[0].cost_usd_per_year, 120000.0);
    fixed(&sc.levels[0].attrition_per_year, 0.05);
    fixed(&sc.hiring_max_per_month, 0.05);
    fixed(&sc.compute_usd_per_month, 1e6);
    fixed(&sc.revenue_usd_per_month, 4e6); /* costs 1M compute + 2M staff */
    fixed(&sc.cash_usd, 1.2e7);
    sc.contagion_mode = EXO_CONTAGION_HAWKES;
    sc.contagion_branching_n = n;
    sc.contagion_half_life_months = 1.0;
    sc.has_links = true;
    fixed(&sc.links[EXO_CPL_REVENUE_KEY_LOSS], 1.0);
    sc.months = 60;
    return sc;
}

Test(runway, gain_above_one_collapses_below_one_recovers)
{
    exo_runway_opts o = {.n_paths = 200, .seed = 5, .det_shock = 40.0};
    exo_runway_scenario hot = contagious(1.5), cool = contagious(0.3);
    exo_runway h = run_opts(&hot, o), c = run_opts(&cool, o);
    cr_expect_gt(h.chain.median, 1.0, "n = 1.5: gain %g", h.chain.median);
    cr_expect_lt(c.chain.median, 1.0, "n = 0.3: gain %g", c.chain.median);
    cr_expect_gt(c.chain.median, 0.0);
    /* The spiral: staff and cash run out together. */
    cr_expect(isfinite(h.det.cashout_month), "the hot firm runs out");
    int m = (int)floor(h.det.cashout_month);
    cr_expect_lt(h.det.headcount[m], 0.1 * 200.0,
                 "staff mostly gone when cash runs out (%g at month %d)",
                 h.det.headcount[m], m);
    /* The cool firm takes the same shock of 40 leavers and recovers. */
    cr_expect(!isfinite(c.det.cashout_month));
    cr_expect_lt(c.det.headcount[1], 170.0);
    cr_expect_gt(c.det.headcount[60], 0.99 * 200.0, "recovered to %g",
                 c.det.headcount[60]);
    /* The contagion dominates the hot loop. */
    cr_expect_eq(h.chain.dominant, EXO_KNOCK_CONTAGION);
    exo_runway_release(&h);
    exo_runway_release(&c);
}

/*
 * The loop gain on a case done by hand: 100 people, hazard h a month,
 * window contagion k, two months, nothing else. Base: A1 = 100 p with
 * p = 1 - e^-h, H1 = 100 - A1, A2 = H1 (1 - e^(-h (1 + k A1 / H1)));
 * shocked by s = 1 (1% of 100): A1' = A1 + 1, H1' = H1 - 1, A2' likewise.
 * Month 2's extra departures are the shock's first (and, in two months,
 * only) pass through the loop: the gain is (A2' - A2) / s.
 */
Test(runway, loop_gain_equals_its_definition)
{
    const double h = 0.02, k = 30.0;
    exo_runway_scenario sc = empty();
    sc.levels[0].headcount = 100.0;
    fixed(&sc.levels[0].attrition_per_year, 12.0 * h);
    fixed(&sc.attrition_contagion_sensitivity, k);
    sc.months = 2;
    exo_runway r = run(&sc, 50, 1);
    double p = 1.0 - exp(-h);
    double A1 = 100.0 * p, H1 = 100.0 - A1;
    double A2 = H1 * (1.0 - exp(-h * (1.0 + k * A1 / H1)));
    double A2s =
        (H1 - 1.0) * (1.0 - exp(-h * (1.0 + k * (A1 + 1.0) / (H1 - 1.0))));
    cr_expect_eq(r.chain.shock, 1.0);
    expect_rel(r.chain.det, A2s - A2, 1e-9, "deterministic gain");
    /* Nothing is uncertain: every path gives the same gain. */
    expect_rel(r.chain.median, A2s - A2, 1e-9, "median gain");
    expect_rel(r.chain.lo80, r.chain.hi80, 1e-12, "no spread");
    cr_expect_eq(r.chain.dominant, EXO_KNOCK_CONTAGION);
    cr_expect(isnan(r.chain.knock_median[EXO_KNOCK_CASH_STRESS]),
              "a link the scenario lacks is not cut");
    exo_runway_release(&r);
}

Test(runway, seeds_reproduce_the_coupled_model)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    cr_assert_eq(exo_runway_scenario_load(
                     SOURCE_PATH("data/scenarios/openai-2024.json"), &sc, &err),
                 EXO_OK, "%s", err.msg);
    exo_runway_opts o = {.n_paths = 1500, .seed = 9};
    omp_set_num_threads(1);
    exo_runway a = run_opts(&sc, o);
    omp_set_num_threads(2);
    exo_runway b = run_opts(&sc, o);
    size_t n = (size_t)(a.months + 1) * EXO_RUNWAY_N_Q;
    cr_expect(memcmp(a.headcount.q, b.headcount.q, n * sizeof(double)) == 0);
    cr_expect(memcmp(a.rounds.q, b.rounds.q, n * sizeof(double)) == 0);
    /* The rounds band is counted, not selected: its mean at the horizon
     * is the mean rounds per path (summed in the same path order), and
     * its quantiles are ordered. */
    cr_expect_eq(a.rounds.mean[a.months], a.mean_rounds);
    for (int m = 0; m <= a.months; m++) {
        const double *q = a.rounds.q + (size_t)m * EXO_RUNWAY_N_Q;
        for (int k = 1; k < EXO_RUNWAY_N_Q; k++)
            cr_expect_leq(q[k - 1], q[k], "month %d", m);
        /* 1500 paths: the median sits at rank 749.5, so it is a whole
         * number or half way between two. */
        double f = q[2] - floor(q[2]);
        cr_expect(f == 0.0 || f == 0.5, "month %d: median %g", m, q[2]);
    }
    cr_expect(memcmp(&a.chain, &b.chain, sizeof a.chain) == 0,
              "the loop gain's paths are seeded too");
    cr_expect(memcmp(a.tornado, b.tornado, sizeof a.tornado) == 0);
    o.seed = 10;
    exo_runway c = run_opts(&sc, o);
    cr_expect(a.chain.median != c.chain.median ||
                  memcmp(a.headcount.q, c.headcount.q, n * sizeof(double)),
              "another seed gives other paths");
    exo_runway_release(&a);
    exo_runway_release(&b);
    exo_runway_release(&c);
}

/* The bundled OpenAI scenario: headcount at month 60 spreads across
 * paths (the 10%-90% band is not one number). */
Test(runway, openai_headcount_has_a_real_band)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    cr_assert_eq(exo_runway_scenario_load(
                     SOURCE_PATH("data/scenarios/openai-2024.json"), &sc, &err),
                 EXO_OK, "%s", err.msg);
    cr_expect(sc.has_links);
    exo_runway r = run_opts(
        &sc,
        (exo_runway_opts){.n_paths = 2000, .seed = 1, .no_loop_gain = true});
    const double *q = r.headcount.q + 60 * EXO_RUNWAY_N_Q;
    cr_expect_gt(q[3] - q[1], 100.0, "10%% %g, 90%% %g", q[1], q[3]);
    const double *q12 = r.headcount.q + 12 * EXO_RUNWAY_N_Q;
    cr_expect_gt(q12[3] - q12[1], 10.0, "month 12: 10%% %g, 90%% %g", q12[1],
                 q12[3]);
    exo_runway_release(&r);
}

/* The backtest: a round of 40 at 300 post dilutes 13.3%; a round in the
 * start month is in the opening cash and not scored. */
Test(runway, backtest_scores_recorded_rounds)
{
    exo_runway_scenario sc = empty();
    fixed(&sc.cash_usd, 1e6);
    sc.months = 12;
    exo_runway r = run(&sc, 100, 1);
    exo_runway_actual act[2] = {{0.1, 6.6, 157.0}, {5.9, 40.0, 300.0}};
    exo_runway_check chk[2];
    exo_err err = {0};
    cr_assert_eq(exo_runway_backtest(&sc, &r, act, 2, chk, &err), EXO_OK);
    cr_expect(!chk[0].scored);
    cr_expect(chk[1].scored);
    cr_expect_eq(chk[1].month, 6);
    expect_rel(chk[1].dilution, 40.0 / 300.0, 1e-12, "dilution");
    cr_expect_eq(chk[1].rounds, 1);
    cr_expect(!chk[1].dilution_inside && !chk[1].rounds_inside,
              "a firm with no rounds cannot have raised");
    cr_expect(chk[1].missed_key != NULL);
    exo_runway_release(&r);
}

/* ==== Scenario files ==== */

static exo_err parse_bad(const char *text)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    cr_expect_eq(
        exo_runway_scenario_parse(text, strlen(text), "s.json", &sc, &err),
        EXO_EDATA);
    return err;
}

static const char good[] = "{\n"
                           "  \"name\": \"x\",\n"
                           "  \"cash_usd\": 1000,\n"
                           "  \"headcount\": 5,\n"
                           "  \"loaded_cost_usd_per_year\": 120\n"
                           "}\n";

Test(runway, parses_a_minimal_scenario)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    cr_assert_eq(
        exo_runway_scenario_parse(good, strlen(good), "s.json", &sc, &err),
        EXO_OK, "%s", err.msg);
    cr_expect_str_eq(sc.name, "x");
    cr_expect_eq(sc.levels[0].headcount, 5.0);
    cr_expect_eq(sc.months, 120);
    exo_runway r = run(&sc, 0, 1);
    expect_rel(r.det.cashout_month, 20.0, 1e-12, "1000 / (5 x 120 / 12)");
    exo_runway_release(&r);
}

Test(runway, bundled_scenarios_load)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    cr_expect_eq(exo_runway_scenario_load(
                     SOURCE_PATH("data/scenarios/openai-2024.json"), &sc, &err),
                 EXO_OK, "%s", err.msg);
    cr_expect(sc.has_trigger);
    cr_expect_eq(sc.levels[0].headcount, 1700.0);
    sc = busy();
    cr_expect_eq(sc.n_levels, 3);
    cr_expect_str_eq(sc.levels[1].name, "engineer");
    cr_expect_eq(sc.levels[0].cost_usd_per_year.a, 160000.0,
                 "a level without a cost takes the top-level one");
}

Test(runway, errors_point_at_the_value)
{
    exo_err e = parse_bad("{\n  \"name\": \"x\",\n  \"cash_usd\": -5,\n"
                          "  \"headcount\": 5,\n"
                          "  \"loaded_cost_usd_per_year\": 1\n}\n");
    cr_expect_eq(e.line, 3);
    cr_expect_eq(e.column, 15);
    cr_expect_str_eq(e.file, "s.json");
    cr_expect(strstr(e.msg, "'cash_usd'") && strstr(e.msg, "out of range"),
              "%s", e.msg);

    e = parse_bad("{\"name\": \"x\", \"cash_usd\": 1, \"headcount\": 5,\n"
                  " \"loaded_cost_usd_per_year\": 1, \"cash\": 3}");
    cr_expect_eq(e.line, 2);
    cr_expect_eq(e.column, 41);
    cr_expect(strstr(e.msg, "'cash': unknown field"), "%s", e.msg);

    e = parse_bad("{\"name\": \"x\", \"headcount\": 5,\n"
                  " \"loaded_cost_usd_per_year\": 1,\n"
                  " \"cash_usd\": {\"dist\": \"normal\", \"mean\": 1,\n"
                  "     \"sd\": \"big\"}}");
    cr_expect_eq(e.line, 4);
    cr_expect_eq(e.column, 12);
    cr_expect(strstr(e.msg, "'cash_usd.sd'"), "%s", e.msg);

    e = parse_bad("{\"name\": \"x\", \"cash_usd\": 1, \"headcount\": 5,\n"
                  " \"loaded_cost_usd_per_year\": 1,\n"
                  " \"valuation_revenue_multiple\": 10,\n"
                  " \"rounds\": [{\"month\": 3, \"size_usd\": 5},\n"
                  "            {\"month\": 2.5, \"size_usd\": 5}]}");
    cr_expect_eq(e.line, 5);
    cr_expect_eq(e.column, 23);
    cr_expect(strstr(e.msg, "'rounds[1].month'"), "%s", e.msg);

    e = parse_bad("{\"name\": \"x\", \"cash_usd\": 1, \"headcount\": 5,\n"
                  " \"loaded_cost_usd_per_year\": 1,\n"
                  " \"rounds\": [{\"month\": 3, \"size_usd\": 5}]}");
    cr_expect(strstr(e.msg, "valuation_revenue_multiple"), "%s", e.msg);

    e = parse_bad("{\"name\": \"x\",\n \"cash_usd\": 1,,}");
    cr_expect_eq(e.line, 2);
    cr_expect(strstr(e.msg, "malformed JSON"), "%s", e.msg);

    e = parse_bad("{\"name\": \"x\", \"headcount\": 5,"
                  " \"loaded_cost_usd_per_year\": 1}");
    cr_expect_eq(e.line, 1);
    cr_expect_eq(e.column, 1);
    cr_expect(strstr(e.msg, "missing 'cash_usd'"), "%s", e.msg);

    e = parse_bad("{\"name\": \"x\", \"cash_usd\": 1,\n"
                  " \"levels\": [{\"name\": \"a\", \"headcount\": 1,\n"
                  "   \"loaded_cost_usd_per_year\": 1, \"mood\": 2}]}");
    cr_expect_eq(e.line, 3);
    cr_expect_eq(e.column, 43);
    cr_expect(strstr(e.msg, "'levels[0].mood'"), "%s", e.msg);
}

/* ---- overrides (--set, --sweep) ---- */

static exo_code parse_set(const char *const *sets, size_t n,
                          exo_runway_scenario *sc, exo_err *err)
{
    return exo_runway_scenario_parse_set(good, strlen(good), "s.json", sets, n,
                                         sc, err);
}

Test(runway, set_overrides_fields_before_validation)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    const char *sets[] = {
        "cash_usd=2000",
        "headcount=10",
        "name=renamed firm",
        "revenue_usd_per_month={\"dist\":\"normal\",\"mean\":5,\"sd\":1}",
        "revenue_usd_per_month.sd=2",
        "start_month=2025-03"};
    cr_assert_eq(parse_set(sets, 6, &sc, &err), EXO_OK, "%s", err.msg);
    cr_expect_eq(sc.cash_usd.kind, EXO_DIST_FIXED);
    expect_rel(sc.cash_usd.a, 2000.0, 1e-12, "cash_usd set");
    expect_rel(sc.levels[0].headcount, 10.0, 1e-12, "headcount set");
    cr_expect_str_eq(sc.name, "renamed firm",
                     "a value that is not JSON "
                     "is a string");
    cr_expect_eq(sc.revenue_usd_per_month.kind, EXO_DIST_NORMAL);
    expect_rel(sc.revenue_usd_per_month.a, 5.0, 1e-12, "mean");
    expect_rel(sc.revenue_usd_per_month.b, 2.0, 1e-12,
               "later overrides apply to the result of earlier ones");
    cr_expect(sc.has_start);
    /* The overridden run is the run of the file that holds those values. */
    exo_runway r = run(&sc, 0, 1);
    expect_rel(r.det.cashout_month, 2000.0 / (10.0 * 10.0 - 5.0), 1e-12,
               "2000 / (10 x 120 / 12 - 5)");
    exo_runway_release(&r);
    /* No overrides: exactly the plain parse. */
    exo_runway_scenario a, b;
    cr_assert_eq(parse_set(NULL, 0, &a, &err), EXO_OK);
    cr_assert_eq(
        exo_runway_scenario_parse(good, strlen(good), "s.json", &b, &err),
        EXO_OK);
    cr_expect(memcmp(&a, &b, sizeof a) == 0);
}

Test(runway, set_reaches_nested_fields_and_arrays)
{
    exo_runway_scenario sc;
    exo_err err = {0};
    const char *sets[] = {
        "levels.1.headcount=20",
        "levels[2].name=ops",
        "rounds.0.month=12",
        "rounds.1={\"month\": 30, \"size_usd\": 1e6, \"probability\": 0.5}",
        "trigger.probability=0.25",
        "levels.0.talent_weight=null"};
    cr_assert_eq(
        exo_runway_scenario_load_set(SOURCE_PATH("data/scenarios/startup.json"),
                                     sets, 6, &sc, &err),
        EXO_OK, "%s", err.msg);
    expect_rel(sc.levels[1].headcount, 20.0, 1e-12, "levels.1.headcount");
    cr_expect_str_eq(sc.levels[2].name, "ops");
    cr_expect_eq(sc.n_rounds, 2, "an index one past the end appends");
    cr_expect_eq(sc.rounds[0].month, 12);
    cr_expect_eq(sc.rounds[1].month, 30);
    expect_rel(sc.rounds[1].probability, 0.5, 1e-12, "appended round");
    expect_rel(sc.trigger_probability, 0.25, 1e-12, "trigger.probability");
    expect_rel(sc.levels[0].talent_weight, 1.0, 1e-12,
               "null removes a member: the default returns");
    const char *drop[] = {"trigger=null"};
    cr_assert_eq(
        exo_runway_scenario_load_set(SOURCE_PATH("data/scenarios/startup.json"),
                                     drop, 1, &sc, &err),
        EXO_OK, "%s", err.msg);
    cr_expect(!sc.has_trigger);
}

Test(runway, bad_overrides_name_the_key)
{
    static const struct {
        const char *set;
        const char *msg;
    } cases[] = {
        {"cash_usd=-5", "cash_usd: -5 is out of range (expected 0 to 1e+15)"},
        {"cash=3", "cash: unknown field (see docs/runway.md for the schema)"},
        {"headcount=2.5", "headcount: 2.5 is not a whole number in [0, "
                          "10000000]"},
        {"cash_usd=lots",
         "cash_usd: expected a number or {\"dist\": \"fixed\"|\"normal\"|"
         "\"lognormal\"|\"uniform\", ...}, got a string"},
        {"cash_usd={\"dist\":\"normal\",\"mean\":5}",
         "cash_usd: a normal distribution needs 'mean' and 'sd'"},
        {"cash_usd={\"dist\":\"gamma\"}",
         "cash_usd.dist: unknown distribution 'gamma' (expected fixed, "
         "normal, lognormal or uniform)"},
        {"cash_usd={\"dist\":", "cash_usd: malformed JSON value: "},
        {"cash_usd.mean=3",
         "cash_usd.mean: 'cash_usd' is a number, not an object or array"},
        {"trigger.probability=0.5",
         "trigger.probability: the scenario has no 'trigger' to set a field "
         "in"},
        {"name=null", "name: missing 'name'"},
        {"nothing=null", "nothing: nothing to remove: the scenario has no "
                         "'nothing' here"},
        {"cash_usd", "'cash_usd' is not KEY=VALUE"},
        {"=5", "'=5' is not KEY=VALUE"},
        {"levels..x=1", "levels..x: empty part in the key"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        exo_runway_scenario sc;
        exo_err err = {0};
        const char *sets[] = {cases[i].set};
        cr_expect_eq(parse_set(sets, 1, &sc, &err), EXO_EINVAL, "%s",
                     cases[i].set);
        cr_expect(strncmp(err.msg, cases[i].msg, strlen(cases[i].msg)) == 0,
                  "--set %s: got '%s', expected '%s'", cases[i].set, err.msg,
                  cases[i].msg);
        cr_expect_eq(err.line, 0, "%s: not a place in the file", cases[i].set);
        cr_expect_str_eq(err.file, "");
    }
    /* Arrays: indices in range, append only at the end, no removal. */
    static const struct {
        const char *set;
        const char *msg;
    } arr[] = {
        {"rounds.5.month=3", "rounds.5.month: '5' is not an index of "
                             "'rounds' (it has 1 element)"},
        {"rounds.3={}", "rounds.3: '3' is not an index of 'rounds' (it has 1 "
                        "element; index 1 appends one)"},
        {"rounds.0=null", "rounds.0: null cannot remove an element"},
        {"rounds.0.month=0",
         "rounds.0.month: 0 is not a whole number in [1, 600]"},
        {"levels.0.headcount=-1",
         "levels.0.headcount: -1 is not a whole number in [0, 10000000]"},
    };
    for (size_t i = 0; i < sizeof arr / sizeof arr[0]; i++) {
        exo_runway_scenario sc;
        exo_err err = {0};
        const char *sets[] = {arr[i].set};
        cr_expect_eq(
            exo_runway_scenario_load_set(
                SOURCE_PATH("data/scenarios/startup.json"), sets, 1, &sc, &err),
            EXO_EINVAL, "%s", arr[i].set);
        cr_expect(strncmp(err.msg, arr[i].msg, strlen(arr[i].msg)) == 0,
                  "--set %s: got '%s', expected '%s'", arr[i].set, err.msg,
                  arr[i].msg);
    }
    /* A file error away from the override keeps its place in the file. */
    exo_runway_scenario sc;
    exo_err err = {0};
    const char *text = "{\"name\": \"x\", \"cash_usd\": 1, \"headcount\": 5,\n"
                       " \"loaded_cost_usd_per_year\": 1, \"mood\": 2}";
    const char *sets[] = {"cash_usd=5"};
    cr_expect_eq(exo_runway_scenario_parse_set(text, strlen(text), "s.json",
                                               sets, 1, &sc, &err),
                 EXO_EDATA);
    cr_expect_eq(err.line, 2);
    cr_expect(strstr(err.msg, "'mood': unknown field"), "%s", err.msg);
}
