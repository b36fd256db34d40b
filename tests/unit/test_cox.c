/*
 * test_cox.c - Cox models against R's coxph (shared/data/survival-ref,
 * R 4.2.2, survival 3.5.3), plus hand cases and failures.
 * Tolerance: exodus takes the same Newton-Raphson steps as coxfit6 (start
 * at 0, same halving and stopping rule), so the README expects about
 * 1e-10; the tests use 1e-10 relative (1e-6 is the issue's requirement),
 * and the concordance counts exactly.
 */
#include "survref.h"

#define COX_TOL 1e-10

static void check_cox(const char *ref_name, const char *data_file,
                      const exo_survival_spec *spec, exo_ties ties)
{
    json_t *ref = ref_load(ref_name);
    exo_survival_data d = {0};
    ref_data(data_file, spec, &d);
    exo_cox fit = {0};
    exo_err err = {0};
    exo_cox_opts o = {.ties = ties, .names = (const char *const *)d.terms};
    cr_assert_eq(exo_cox_fit(d.n, d.p, d.start, d.stop, d.event, d.x, d.strata,
                             &o, &fit, &err),
                 EXO_OK, "%s: %s", ref_name, err.msg);
    size_t p = d.p;
    const json_t *terms = json_object_get(ref, "terms");
    cr_assert_eq(json_array_size(terms), p);
    for (size_t k = 0; k < p; k++)
        cr_expect_str_eq(d.terms[k],
                         json_string_value(json_array_get(terms, k)));
    cr_expect_eq((double)fit.n, ref_num(ref, "n"));
    cr_expect_eq((double)fit.n_events, ref_num(ref, "nevent"));
    cr_expect_eq((double)fit.n_missing, ref_num(ref, "n_dropped_missing"));
    char w[160];
#define ARR(field, key)                                                        \
    snprintf(w, sizeof w, "%s %s", ref_name, key);                             \
    expect_ref_arr(json_object_get(ref, key), fit.field, p, COX_TOL, w)
    ARR(coef, "coef");
    ARR(se, "se");
    ARR(hr, "exp_coef");
    ARR(z, "z");
    ARR(p_value, "p");
    ARR(means, "means");
#undef ARR
    const json_t *var = json_object_get(ref, "var");
    for (size_t a = 0; a < p; a++) {
        snprintf(w, sizeof w, "%s var row %zu", ref_name, a);
        expect_ref_arr(json_array_get(var, a), fit.var + a * p, p, COX_TOL, w);
    }
    expect_rel(fit.loglik_null, ref_num(ref, "loglik_null"), 1e-12,
               "loglik_null");
    expect_rel(fit.loglik, ref_num(ref, "loglik"), 1e-12, "loglik");
    cr_expect_eq(fit.iterations, (int)ref_num(ref, "iterations"),
                 "%s iterations %d", ref_name, fit.iterations);
    cr_expect(fit.converged);
    const json_t *t;
    t = json_object_get(ref, "lr_test");
    expect_rel(fit.lr_test, ref_num(t, "statistic"), COX_TOL, "LR");
    expect_rel(fit.lr_p, ref_num(t, "p"), COX_TOL, "LR p");
    t = json_object_get(ref, "wald_test");
    expect_rel(fit.wald_test, ref_num(t, "statistic"), COX_TOL, "Wald");
    expect_rel(fit.wald_p, ref_num(t, "p"), COX_TOL, "Wald p");
    t = json_object_get(ref, "score_test");
    expect_rel(fit.score_test, ref_num(t, "statistic"), COX_TOL, "score");
    expect_rel(fit.score_p, ref_num(t, "p"), COX_TOL, "score p");
    cr_expect_eq(fit.df, (int)ref_num(t, "df"));
    const json_t *c = json_object_get(ref, "concordance");
    cr_assert(fit.has_concordance);
    expect_rel(fit.concordant, ref_num(c, "concordant"), 0, "concordant");
    expect_rel(fit.discordant, ref_num(c, "discordant"), 0, "discordant");
    expect_rel(fit.tied_x, ref_num(c, "tied_x"), 0, "tied_x");
    expect_rel(fit.tied_y, ref_num(c, "tied_y"), 0, "tied_y");
    expect_rel(fit.tied_xy, ref_num(c, "tied_xy"), 0, "tied_xy");
    expect_rel(fit.concordance, ref_num(c, "concordance"), 1e-12, "C");
    expect_rel(fit.concordance_se, ref_num(c, "std"), 1e-10, "C std");
    exo_cox_release(&fit);
    exo_survival_data_release(&d);
    json_decref(ref);
}

static const exo_survival_spec turnover_spec = {
    .time = "stag",
    .event = "event",
    .cox = "age + extraversion + independ + selfcontrol + anxiety + novator "
           "+ gender + way"};

/* coxph(Surv(stag, event) ~ age + extraversion + independ + selfcontrol +
 * anxiety + novator + gender + way, data = turnover, ties = "efron") */
Test(cox, turnover_efron_matches_r)
{
    check_cox("turnover_coxph_efron.json", "turnover.csv", &turnover_spec,
              EXO_TIES_EFRON);
}

/* the same with ties = "breslow" */
Test(cox, turnover_breslow_matches_r)
{
    check_cox("turnover_coxph_breslow.json", "turnover.csv", &turnover_spec,
              EXO_TIES_BRESLOW);
}

static const exo_survival_spec ibm_spec = {
    .time = "YearsAtCompany",
    .event = "Attrition=Yes",
    .cox = "MonthlyIncome + OverTime + JobSatisfaction + Age + "
           "DistanceFromHome"};

/* coxph(Surv(YearsAtCompany, Attrition == "Yes") ~ MonthlyIncome +
 * OverTime + JobSatisfaction + Age + DistanceFromHome, data = ibm,
 * ties = "efron") */
Test(cox, ibm_efron_matches_r)
{
    check_cox("ibm_coxph_efron.json", "WA_Fn-UseC_-HR-Employee-Attrition.csv",
              &ibm_spec, EXO_TIES_EFRON);
}

/* the same with ties = "breslow" */
Test(cox, ibm_breslow_matches_r)
{
    check_cox("ibm_coxph_breslow.json", "WA_Fn-UseC_-HR-Employee-Attrition.csv",
              &ibm_spec, EXO_TIES_BRESLOW);
}

static const exo_survival_spec heart_spec = {
    .time = "stop",
    .start = "start",
    .event = "event",
    .cox = "age + year + surgery + transplant"};

/* coxph(Surv(start, stop, event) ~ age + year + surgery + transplant,
 * data = heart, ties = "efron") */
Test(cox, heart_counting_process_efron_matches_r)
{
    check_cox("heart_coxph_efron.json", "heart.csv", &heart_spec,
              EXO_TIES_EFRON);
}

/* the same with ties = "breslow" */
Test(cox, heart_counting_process_breslow_matches_r)
{
    check_cox("heart_coxph_breslow.json", "heart.csv", &heart_spec,
              EXO_TIES_BRESLOW);
}

static const exo_survival_spec lung_spec = {
    .time = "time", .event = "status", .cox = "age + sex + ph.ecog"};

/* coxph(Surv(time, status) ~ age + sex + ph.ecog, data = lung,
 * ties = "efron"): one row dropped for NA */
Test(cox, lung_efron_matches_r)
{
    check_cox("lung_coxph_efron.json", "lung.csv", &lung_spec, EXO_TIES_EFRON);
}

/* the same with ties = "breslow" */
Test(cox, lung_breslow_matches_r)
{
    check_cox("lung_coxph_breslow.json", "lung.csv", &lung_spec,
              EXO_TIES_BRESLOW);
}

/*
 * survival's book1.R: x = (1,1,1,0,0,0), times (1,1,2,2,3,4) with a tie;
 * hand case where the Breslow score at beta = 0 is exact. Data deliberately
 * unsorted.
 */
Test(cox, hand_score_test_at_zero)
{
    double t[] = {4, 1, 2, 1, 3, 2};
    int e[] = {0, 1, 1, 1, 1, 0};
    double x[] = {0, 1, 1, 1, 0, 0};
    exo_cox fit = {0};
    exo_cox_opts o = {.ties = EXO_TIES_BRESLOW, .iter_max = 1};
    exo_err err = {0};
    cr_assert_eq(exo_cox_fit(6, 1, NULL, t, e, x, NULL, &o, &fit, &err), EXO_OK,
                 "%s", err.msg);
    /* U(0) = sum over deaths of x - mean of x in the risk set:
     * t=1: 2 deaths, risk 6 (3 with x=1): 2 - 2*3/6 = 1
     * t=2: 1 death (x=1), risk 4 (1 with x=1): 1 - 1/4 = 3/4
     * t=3: 1 death (x=0), risk 2 (0): 0 */
    /* I(0) = 2*(1/2*1/2) + 1*(1/4*3/4) = 1/2 + 3/16 = 11/16 */
    double u = 1.75, info = 11.0 / 16;
    expect_rel(fit.score_test, u * u / info, 1e-14, "score test");
    exo_cox_release(&fit);
}

Test(cox, constant_covariate_is_named)
{
    double t[] = {1, 2, 3, 4};
    int e[] = {1, 1, 0, 1};
    double x[] = {1, 2, 3, 4, 5, 5, 5, 5};
    const char *names[] = {"age", "level"};
    exo_cox fit = {0};
    exo_cox_opts o = {.names = names};
    exo_err err = {0};
    cr_expect_eq(exo_cox_fit(4, 2, NULL, t, e, x, NULL, &o, &fit, &err),
                 EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "'level' is constant") != NULL, "%s", err.msg);
}

Test(cox, collinear_covariate_is_named)
{
    double t[] = {1, 2, 3, 4, 5};
    int e[] = {1, 1, 0, 1, 1};
    double x[] = {1, 2, 3, 4, 6, 2, 4, 6, 8, 12};
    const char *names[] = {"a", "twice_a"};
    exo_cox fit = {0};
    exo_cox_opts o = {.names = names};
    exo_err err = {0};
    cr_expect_eq(exo_cox_fit(5, 2, NULL, t, e, x, NULL, &o, &fit, &err),
                 EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "'twice_a' is collinear") != NULL, "%s", err.msg);
}

Test(cox, monotone_likelihood_is_named)
{
    /* every x = 1 row dies before every x = 0 row: beta -> +infinity */
    double t[] = {1, 2, 3, 4, 5, 6};
    int e[] = {1, 1, 1, 1, 1, 1};
    double x[] = {1, 1, 1, 0, 0, 0};
    const char *names[] = {"exec"};
    exo_cox fit = {0};
    exo_cox_opts o = {.names = names};
    exo_err err = {0};
    cr_expect_eq(exo_cox_fit(6, 1, NULL, t, e, x, NULL, &o, &fit, &err),
                 EXO_ENUMERIC);
    cr_expect(strstr(err.msg, "'exec'") != NULL, "%s", err.msg);
}

/* Strata: fitting two strata together equals R's stratified fit, whose
 * log-likelihood is the sum of the strata's at a common beta; with one
 * covariate in one stratum only the other stratum's fit is recovered. */
Test(cox, strata_separate_risk_sets)
{
    double t[] = {1, 2, 3, 4, 5, 1, 2, 3, 4, 5};
    int e[] = {1, 1, 0, 1, 1, 1, 0, 1, 1, 1};
    double x[] = {1, 0, 1, 0, 1, 0, 0, 1, 1, 0};
    int s[] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    exo_cox both = {0}, one = {0}, two = {0};
    cr_assert_eq(exo_cox_fit(10, 1, NULL, t, e, x, s, NULL, &both, NULL),
                 EXO_OK);
    /* the null log-likelihoods add up */
    double x1[] = {1, 0, 1, 0, 1}, x2[] = {0, 0, 1, 1, 0};
    cr_assert_eq(exo_cox_fit(5, 1, NULL, t, e, x1, NULL, NULL, &one, NULL),
                 EXO_OK);
    cr_assert_eq(
        exo_cox_fit(5, 1, NULL, t + 5, e + 5, x2, NULL, NULL, &two, NULL),
        EXO_OK);
    expect_rel(both.loglik_null, one.loglik_null + two.loglik_null, 1e-14,
               "null loglik");
    exo_cox_release(&both);
    exo_cox_release(&one);
    exo_cox_release(&two);
}

/* The LDL' inverse reproduces the identity. */
Test(cox, factor_reference_level_from_ref)
{
    exo_survival_spec spec = turnover_spec;
    spec.ref = "way=car,gender=m";
    exo_survival_data d = {0};
    ref_data("turnover.csv", &spec, &d);
    cr_assert_eq(d.p, 9);
    cr_expect_str_eq(d.terms[6], "genderf");
    cr_expect_str_eq(d.terms[7], "waybus");
    cr_expect_str_eq(d.terms[8], "wayfoot");
    exo_survival_data_release(&d);
}

/*
 * Contagion episodes, by hand: A (0, 100] leaves, B (0, 200] leaves, C
 * from day 50 open, censored at 300; W = 90. Departures count on
 * (a - W, a]: A's at day 100 counts for intervals opening on days
 * 100..189, so C has episodes (0,50] 0, (50,140] 1, (140,150] 0,
 * (150,240] 1 (B's departure at 200), (240,250] 0, in tenure days.
 */
Test(cox, contagion_episodes_by_hand)
{
    double start[] = {0, 0, 50};
    double end[] = {100, 200, TEST_NAN};
    int event[] = {1, 1, 0};
    exo_contagion_opts o = {
        .window_days = 90, .has_censor_day = true, .censor_day = 300};
    exo_episodes ep = {0};
    exo_err err = {0};
    cr_assert_eq(
        exo_episodes_compute(3, start, end, event, NULL, &o, &ep, &err), EXO_OK,
        "%s", err.msg);
    /* A: 1, B: 3, C: 5 */
    cr_assert_eq(ep.n, 9);
    double want[9][4] = {
        {0, 100, 1, 0},                                       /* A */
        {0, 100, 0, 0},   {100, 190, 0, 1}, {190, 200, 1, 0}, /* B */
        {0, 50, 0, 0},    {50, 140, 0, 1},  {140, 150, 0, 0},
        {150, 240, 0, 1}, {240, 250, 0, 0}}; /* C */
    for (size_t k = 0; k < 9; k++) {
        cr_expect_eq(ep.start[k], want[k][0], "episode %zu start", k);
        cr_expect_eq(ep.stop[k], want[k][1], "episode %zu stop", k);
        cr_expect_eq(ep.event[k], (int)want[k][2], "episode %zu event", k);
        cr_expect_eq(ep.contagion[k], want[k][3], "episode %zu count", k);
    }
    cr_expect_eq(ep.spell[8], 2);
    exo_episodes_release(&ep);
}

/* A departure on the day an interval closes does not count in it: two
 * people leaving the same day do not "cause" each other. With teams, only
 * team-mates count. */
Test(cox, contagion_strictly_before_and_by_team)
{
    double start[] = {0, 0, 0, 0};
    double end[] = {100, 100, 150, 150};
    int event[] = {1, 1, 1, 1};
    int team[] = {0, 0, 1, 0};
    exo_contagion_opts o = {0};
    exo_episodes ep = {0};
    cr_assert_eq(
        exo_episodes_compute(4, start, end, event, team, &o, &ep, NULL),
        EXO_OK);
    /* spells 0 and 1: one episode each with count 0 (the other's departure
     * is on the closing day); spell 2 (team 1): one episode, count 0;
     * spell 3: (0,100] 0 then (100,150] 2 */
    cr_assert_eq(ep.n, 5);
    cr_expect_eq(ep.contagion[0], 0);
    cr_expect_eq(ep.contagion[1], 0);
    cr_expect_eq(ep.contagion[2], 0);
    cr_expect_eq(ep.stop[3], 100);
    cr_expect_eq(ep.contagion[4], 2);
    cr_expect_eq(ep.event[4], 1);
    cr_expect_eq(ep.event[3], 0);
    exo_episodes_release(&ep);
}

/* Episodes fitted by Cox: splitting spells at covariate changes leaves a
 * model without time-varying terms unchanged (same risk sets). */
Test(cox, episodes_do_not_change_a_fixed_covariate_fit)
{
    double start[] = {0, 10, 20, 5, 40, 0, 30, 15};
    double end[] = {100, 90, TEST_NAN, 120, 160, 60, TEST_NAN, 200};
    int event[] = {1, 1, 0, 1, 1, 1, 0, 1};
    double lev[] = {1, 0, 1, 0, 1, 1, 0, 0};
    exo_contagion_opts o = {.window_days = 30};
    exo_episodes ep = {0};
    cr_assert_eq(
        exo_episodes_compute(8, start, end, event, NULL, &o, &ep, NULL),
        EXO_OK);
    cr_assert_gt(ep.n, 8);
    double *x = calloc(ep.n, sizeof *x);
    for (size_t e = 0; e < ep.n; e++)
        x[e] = lev[ep.spell[e]];
    double t[8];
    for (int i = 0; i < 8; i++)
        t[i] = (isnan(end[i]) ? ep.censor_day : end[i]) - start[i];
    exo_cox a = {0}, b = {0};
    cr_assert_eq(exo_cox_fit(ep.n, 1, ep.start, ep.stop, ep.event, x, NULL,
                             NULL, &a, NULL),
                 EXO_OK);
    cr_assert_eq(exo_cox_fit(8, 1, NULL, t, event, lev, NULL, NULL, &b, NULL),
                 EXO_OK);
    expect_rel(a.coef[0], b.coef[0], 1e-10, "coef");
    expect_rel(a.loglik, b.loglik, 1e-12, "loglik");
    exo_cox_release(&a);
    exo_cox_release(&b);
    free(x);
    exo_episodes_release(&ep);
}
