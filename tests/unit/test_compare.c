/*
 * test_compare.c - organisations side by side (src/analysis/compare.c) and
 * the function a role's text names (src/analysis/function.c). The store
 * fixture tests/fixtures/moves-compare.csv is small enough to count by
 * hand; each expected number below says where it comes from.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"

#define FIX(name) SOURCE_PATH("tests/fixtures/" name)

static char db_path[256];

static exo_store *store_with_fixture(void)
{
    exo_store *store = NULL;
    exo_err err = {0};
    exo_import_result result;
    snprintf(db_path, sizeof db_path, "/tmp/exodus-compare-%d.db",
             (int)getpid());
    unlink(db_path);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK, "%s", err.msg);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 FIX("moves-compare.csv"), NULL, &result, NULL,
                                 &err),
                 EXO_OK, "%s", err.msg);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_FINANCE,
                                 FIX("finance-compare.csv"), NULL, &result,
                                 NULL, &err),
                 EXO_OK, "%s", err.msg);
    return store;
}

static int32_t day(int y, int m, int d)
{
    return exo_days_from_civil(y, m, d);
}

Test(compare, functions_from_role_text)
{
    static const struct {
        const char *role;
        exo_function want;
    } cases[] = {
        {"head of preparedness", EXO_FUNCTION_SAFETY},
        {"senior advisor for AGI readiness", EXO_FUNCTION_SAFETY},
        {"policy researcher (AGI readiness)", EXO_FUNCTION_POLICY},
        {"head of Apple Foundation Models team", EXO_FUNCTION_RESEARCH},
        {"superalignment co-lead", EXO_FUNCTION_SAFETY},
        {"co-founder and chief scientist", EXO_FUNCTION_RESEARCH},
        {"VP of Research", EXO_FUNCTION_RESEARCH},
        {"member of technical staff", EXO_FUNCTION_RESEARCH},
        {"head of product", EXO_FUNCTION_PRODUCT},
        {"ChatGPT lead", EXO_FUNCTION_PRODUCT},
        {"infrastructure engineer", EXO_FUNCTION_ENGINEERING},
        {"chief technology officer", EXO_FUNCTION_ENGINEERING},
        {"head of global affairs and policy", EXO_FUNCTION_POLICY},
        {"general counsel", EXO_FUNCTION_POLICY},
        {"head of sales", EXO_FUNCTION_GO_TO_MARKET},
        {"chief financial officer", EXO_FUNCTION_OPERATIONS},
        {"chief people officer", EXO_FUNCTION_OPERATIONS},
        {"CEO", EXO_FUNCTION_LEADERSHIP},
        {"president and co-founder", EXO_FUNCTION_LEADERSHIP},
        {"conceived the idea", EXO_FUNCTION_OTHER}, /* not "ceo" inside */
        {"asterisk", EXO_FUNCTION_OTHER},           /* not "risk" inside */
        {"", EXO_FUNCTION_OTHER},
        {NULL, EXO_FUNCTION_OTHER},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        cr_expect_eq(exo_function_infer(cases[i].role), cases[i].want,
                     "'%s': %s, expected %s",
                     cases[i].role ? cases[i].role : "(null)",
                     exo_function_name(exo_function_infer(cases[i].role)),
                     exo_function_name(cases[i].want));
    /* Every function has its word, and the word parses back. */
    for (int f = 0; f < EXO_N_FUNCTIONS; f++) {
        exo_function back;
        cr_expect(exo_function_parse(exo_function_name((exo_function)f),
                                     &back));
        cr_expect_eq((int)back, f);
    }
}

Test(compare, as_of_drops_what_came_later)
{
    exo_store *store = store_with_fixture();
    const char *orgs[] = {"Acme", "Beta"};
    exo_comparison_opts o = {0};
    exo_comparison *then = NULL, *now = NULL;
    exo_err err = {0};
    o.no_spiral = true;
    o.has_as_of = true;
    o.as_of = day(2019, 12, 31);
    cr_assert_eq(exo_comparison_load(store, orgs, 2, &o, &then, &err), EXO_OK,
                 "%s", err.msg);
    o.has_as_of = false;
    cr_assert_eq(exo_comparison_load(store, orgs, 2, &o, &now, &err), EXO_OK,
                 "%s", err.msg);
    const exo_comparison_org *a0 = &then->orgs[0], *a1 = &now->orgs[0];
    /* Acme by 2019: Dan (2018) and Ann (2019-05-10; her founding of NewCo
     * four months later is the same departure told again). Now Eve (2021)
     * and Fay (2022) too. */
    cr_expect_eq(a0->total_departures, 2);
    cr_expect_eq(a1->total_departures, 4);
    cr_expect_eq(a0->first_year, 2015);
    cr_expect_eq(a0->n_years, 5); /* 2015 .. 2019: nothing after */
    cr_expect_eq(a0->departures[2018 - 2015], 1);
    cr_expect_eq(a0->departures[2019 - 2015], 1);
    /* Founders then and now: Ann and Bob; Ann gone. Cat joined in 2020 as
     * "founder" of another company: an executive here, and not there in
     * 2019. Dan has no recorded arrival: counted from the start. Ira, an
     * interim CEO from 2021, holds a seat, not a place in the core team. */
    cr_expect_eq(a0->founders, 2);
    cr_expect_eq(a0->founders_remaining, 1);
    cr_expect_eq(a0->execs, 1);
    cr_expect_eq(a0->execs_remaining, 0);
    cr_expect_eq(a1->founders, 2);
    cr_expect_eq(a1->founders_remaining, 1);
    cr_expect_eq(a1->execs, 2);
    cr_expect_eq(a1->execs_remaining, 1);
    cr_expect_eq(a1->n_no_arrival, 1);
    /* Senior departures: Dan (exec) and Ann (founder). */
    cr_expect_eq(a1->senior_departures, 2);
    /* By function: chief scientist and research engineer are research,
     * head of safety safety, product manager product. */
    cr_expect_eq(a1->by_function[EXO_FUNCTION_RESEARCH], 2);
    cr_expect_eq(a1->by_function[EXO_FUNCTION_SAFETY], 1);
    cr_expect_eq(a1->by_function[EXO_FUNCTION_PRODUCT], 1);
    /* Flows: to Beta, Dan and Ann by 2019, Eve later; Fay to no one
     * named. Beta to Acme: Ivy in 2020 (Gus's joining names Beta as where
     * he came from but Beta has no departure row for him). */
    cr_expect_eq(then->flows[0 * 3 + 1], 2);
    cr_expect_eq(now->flows[0 * 3 + 1], 3);
    cr_expect_eq(now->flows[0 * 3 + 2], 1);
    cr_expect_eq(then->flows[1 * 3 + 0], 0);
    cr_expect_eq(now->flows[1 * 3 + 0], 1);
    exo_comparison_release(then);
    exo_comparison_release(now);
    exo_store_close(store);
    unlink(db_path);
}

Test(compare, dilution_per_priced_round_by_hand)
{
    exo_store *store = store_with_fixture();
    const char *orgs[] = {"Acme"};
    exo_comparison_opts o = {0};
    exo_comparison *c = NULL;
    exo_err err = {0};
    o.no_spiral = true;
    cr_assert_eq(exo_comparison_load(store, orgs, 1, &o, &c, &err), EXO_OK,
                 "%s", err.msg);
    const exo_comparison_org *a = &c->orgs[0];
    /* $10M at $100M post-money: 10%; $30M at $200M: 15%; a $5M loan with
     * no valuation that day is not a priced round. */
    cr_assert_eq(a->n_rounds, 3);
    expect_rel(a->rounds[0].dilution, 10.0 / 100.0, 1e-12, "Series A");
    expect_rel(a->rounds[1].dilution, 30.0 / 200.0, 1e-12, "Series B");
    cr_expect(isnan(a->rounds[2].dilution));
    cr_expect(isnan(a->rounds[2].post_money_usd));
    cr_assert_eq(a->n_valuations, 2);
    expect_rel(a->valuations[1], 200e6, 1e-12, "latest valuation");
    exo_comparison_release(c);
    /* As of 2020: the Series B is not there yet. */
    o.has_as_of = true;
    o.as_of = day(2020, 1, 1);
    cr_assert_eq(exo_comparison_load(store, orgs, 1, &o, &c, &err), EXO_OK,
                 "%s", err.msg);
    cr_expect_eq(c->orgs[0].n_rounds, 1);
    cr_expect_eq(c->orgs[0].n_valuations, 1);
    exo_comparison_release(c);
    exo_store_close(store);
    unlink(db_path);
}

Test(compare, unknown_organisation_is_named)
{
    exo_store *store = store_with_fixture();
    const char *orgs[] = {"Acme", "Zeta"};
    exo_comparison *c = NULL;
    exo_err err = {0};
    cr_expect_eq(exo_comparison_load(store, orgs, 2, NULL, &c, &err),
                 EXO_ENOTFOUND);
    cr_expect(strstr(err.msg, "Zeta"), "%s", err.msg);
    cr_expect_null(c);
    exo_store_close(store);
    unlink(db_path);
}

Test(compare, backtest_counts_what_came_after)
{
    /* The bundled AI-lab moves: Google as of the essay's date, its
     * forecasts for 6 and 12 months beside the departures recorded then,
     * counted here from the departures list itself. */
    exo_store *store = NULL;
    exo_err err = {0};
    exo_import_result result;
    snprintf(db_path, sizeof db_path, "/tmp/exodus-compare-bt-%d.db",
             (int)getpid());
    unlink(db_path);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 SHARED_PATH("data/ai-lab-moves.csv"), NULL,
                                 &result, NULL, &err),
                 EXO_OK, "%s", err.msg);
    const char *orgs[] = {"Google"};
    exo_comparison_opts o = {0};
    exo_comparison *c = NULL;
    o.has_as_of = true;
    o.as_of = day(2024, 8, 6);
    cr_assert_eq(exo_comparison_load(store, orgs, 1, &o, &c, &err), EXO_OK,
                 "%s", err.msg);
    const exo_comparison_org *g = &c->orgs[0];
    cr_assert_not_null(g->spiral);
    cr_expect_eq(g->spiral->end, o.as_of + 1.0, "the window ends on the day");
    cr_assert_eq(g->n_backtests, 2);
    exo_move_list deps;
    exo_filter none = {0};
    cr_assert_eq(exo_move_list_load_departures(store, "Google", &none, &deps,
                                               NULL, &err),
                 EXO_OK);
    for (size_t h = 0; h < 2; h++) {
        const exo_backtest *bt = &g->backtests[h];
        size_t want = 0;
        for (size_t i = 0; i < deps.n; i++)
            want += deps.rows[i].date.days > o.as_of &&
                    deps.rows[i].date.days <= o.as_of + bt->horizon_days;
        cr_expect_eq(bt->observed, want, "%g days: %zu, expected %zu",
                     bt->horizon_days, bt->observed, want);
        cr_expect(bt->forecast.lo95 <= bt->forecast.median &&
                  bt->forecast.median <= bt->forecast.hi95);
    }
    exo_move_list_release(&deps);
    exo_comparison_release(c);
    exo_store_close(store);
    unlink(db_path);
}

Test(compare, per_head_from_spells_by_hand)
{
    exo_store *store = NULL;
    exo_err err = {0};
    exo_import_result result;
    snprintf(db_path, sizeof db_path, "/tmp/exodus-compare-ph-%d.db",
             (int)getpid());
    unlink(db_path);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_SPELLS,
                                 FIX("spells-small.csv"), NULL, &result, NULL,
                                 &err),
                 EXO_OK, "%s", err.msg);
    const char *orgs[] = {"Acme"};
    exo_comparison_opts o = {0};
    exo_comparison *c = NULL;
    o.no_spiral = true;
    cr_assert_eq(exo_comparison_load(store, orgs, 1, &o, &c, &err), EXO_OK,
                 "%s", err.msg);
    const exo_comparison_org *a = &c->orgs[0];
    /* Departures: Ann (left 2021-01-01) and Cat (fired 2022-07-01); the
     * counted years 2019 .. 2022 are 1461 days. A spell counts through its
     * last day: Ann 367 days, Ben (open) 1096, Cat 731, Dan (from
     * 2019-06-01, open) 1310: 3504 person-days. */
    cr_expect_eq(a->total_departures, 2);
    cr_assert(a->has_headcount);
    double avg = 3504.0 / 1461.0;
    expect_rel(a->headcount_avg, avg, 1e-12, "average headcount");
    expect_rel(a->attrition_annual, 2.0 / avg / (1461.0 / 365.25), 1e-12,
               "departures per head per year");
    exo_comparison_release(c);
    exo_store_close(store);
    unlink(db_path);
}
