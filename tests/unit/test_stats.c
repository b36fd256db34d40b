/*
 * test_stats.c - periods, headcount integration and annualised attrition on
 * data small enough to check by hand.
 */
#include "expect.h"
#include "exodus.h"

Test(stats, periods_and_floors)
{
    int32_t d = exo_days_from_civil(2024, 5, 17);
    cr_expect_eq(exo_period_floor(EXO_PERIOD_MONTH, d),
                 exo_days_from_civil(2024, 5, 1));
    cr_expect_eq(exo_period_floor(EXO_PERIOD_QUARTER, d),
                 exo_days_from_civil(2024, 4, 1));
    cr_expect_eq(exo_period_next(EXO_PERIOD_QUARTER, d),
                 exo_days_from_civil(2024, 7, 1));
    cr_expect_eq(
        exo_period_next(EXO_PERIOD_MONTH, exo_days_from_civil(2024, 12, 3)),
        exo_days_from_civil(2025, 1, 1));
}

Test(stats, headcount_and_attrition_by_hand)
{
    /* Two people all of 2021, one from 2021-07-02 (183 of 365 days);
     * one of the first two leaves on 2022-01-01. */
    double start[3] = {exo_days_from_civil(2021, 1, 1),
                       exo_days_from_civil(2021, 1, 1),
                       exo_days_from_civil(2021, 7, 2)};
    double end[3] = {exo_days_from_civil(2022, 1, 1), TEST_NAN, TEST_NAN};
    exo_event reason[3] = {EXO_EVENT_LEFT, EXO_EVENT_UNKNOWN,
                           EXO_EVENT_UNKNOWN};
    exo_level level[3] = {EXO_LEVEL_IC, EXO_LEVEL_IC, EXO_LEVEL_LEAD};
    exo_spells spells = {3, start, end, reason, level, NULL, NULL, NULL, false, 0, NULL};
    double dep[1] = {end[0]};
    exo_level dep_level[1] = {EXO_LEVEL_IC};
    exo_stats s = {0};
    exo_err err = {0};
    exo_stats_input in = {.departure_days = dep,
                          .departure_levels = dep_level,
                          .n_departures = 1,
                          .arrival_days = start,
                          .n_arrivals = 3,
                          .spells = &spells};
    cr_assert_eq(exo_stats_compute(EXO_PERIOD_YEAR, &in, NULL, &s, &err),
                 EXO_OK);
    cr_assert_eq(s.n, 2);
    expect_rel(s.rows[0].headcount_avg, 2.0 + 183.0 / 365.0, 1e-12,
               "2021 average headcount");
    cr_expect_eq(s.rows[0].departures, 0);
    cr_expect_eq(s.rows[1].departures, 1);
    cr_expect_eq(s.rows[1].by_level[EXO_LEVEL_IC], 1);
    expect_rel(s.rows[1].headcount_avg, 2.0, 1e-12, "2022 average headcount");
    expect_rel(s.rows[1].attrition_annual, 0.5, 1e-12, "2022 attrition");
    expect_rel(s.rows[1].headcount_start, 2.0, 1e-12,
               "leaver gone on the day of leaving");
    exo_stats_release(&s);
}

Test(stats, quarterly_attrition_is_annualised)
{
    double start[1] = {exo_days_from_civil(2020, 1, 1)};
    double end[1] = {exo_days_from_civil(2020, 2, 15)};
    exo_event reason[1] = {EXO_EVENT_LEFT};
    exo_level level[1] = {EXO_LEVEL_IC};
    exo_spells spells = {1, start, end, reason, level, NULL, NULL, NULL, false, 0, NULL};
    exo_stats s = {0};
    exo_stats_input in = {.departure_days = end,
                          .departure_levels = level,
                          .n_departures = 1,
                          .arrival_days = start,
                          .n_arrivals = 1,
                          .spells = &spells};
    cr_assert_eq(exo_stats_compute(EXO_PERIOD_QUARTER, &in, NULL, &s, NULL),
                 EXO_OK);
    cr_assert_eq(s.n, 1);
    double avg = 45.0 / 91.0; /* Jan 1 .. Feb 15 of a 91-day quarter */
    expect_rel(s.rows[0].headcount_avg, avg, 1e-12, "average headcount");
    expect_rel(s.rows[0].attrition_annual, 1.0 / avg * 4.0, 1e-12,
               "annualised");
    exo_stats_release(&s);
}

Test(stats, empty_input_has_no_periods)
{
    exo_stats s = {0};
    exo_stats_input none = {0};
    cr_expect_eq(exo_stats_compute(EXO_PERIOD_YEAR, &none, NULL, &s, NULL),
                 EXO_OK);
    cr_expect_eq(s.n, 0);
    cr_expect_eq(exo_stats_compute(EXO_PERIOD_YEAR, NULL, NULL, &s, NULL),
                 EXO_OK);
    cr_expect_eq(s.n, 0);
}

Test(stats, core_erosion_counts_who_is_there_at_each_period_end)
{
    exo_core_member m[3] = {0};
    m[0].level = EXO_LEVEL_FOUNDER;
    m[0].has_joined = true;
    m[0].joined.days = exo_days_from_civil(2020, 1, 1);
    m[0].has_left = true;
    m[0].left.days = exo_days_from_civil(2021, 12, 31); /* gone on the day */
    m[1].level = EXO_LEVEL_EXEC;
    m[1].has_joined = true;
    m[1].joined.days = exo_days_from_civil(2021, 6, 1);
    m[2].level = EXO_LEVEL_EXEC; /* left, arrival unknown: there from the
                                    start until it left */
    m[2].has_left = true;
    m[2].left.days = exo_days_from_civil(2022, 3, 1);
    exo_core_team team = {3, m, 1, 0, 2, 1};
    exo_erosion e = {0};
    cr_assert_eq(exo_erosion_compute(&team, EXO_PERIOD_YEAR,
                                     exo_days_from_civil(2020, 5, 1),
                                     exo_days_from_civil(2022, 2, 1), &e, NULL),
                 EXO_OK);
    cr_assert_eq(e.n, 3);
    cr_expect_eq(e.rows[0].founders, 1);
    cr_expect_eq(e.rows[0].execs, 1);
    cr_expect_eq(e.rows[1].founders, 0);
    cr_expect_eq(e.rows[1].execs, 2);
    cr_expect_eq(e.rows[2].execs, 1);
    cr_expect_eq(e.n_unknown_start, 1);
    exo_erosion_release(&e);
}
