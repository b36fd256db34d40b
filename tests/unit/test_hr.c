/*
 * test_hr.c - HR exports (docs/hr.md) by hand: the Aalen-Johansen
 * cumulative incidence on a few rows, retention by hire cohort, the reasons
 * vocabulary, and a refresh seen through the library. The retailer sample
 * against R is tests 3101-3106 (tests/ref/hr/).
 */
#include <stdio.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"

#define FIX(name) SOURCE_PATH("tests/fixtures/" name)

/* Five rows from 0: causes 1 at t=1 and t=3, cause 2 at t=2, censored at 2
 * and 4. At t=1, 5 at risk: F1 = 1/5, S = 4/5; t=2, 4 at risk: F2 =
 * (4/5)(1/4) = 1/5, S = 3/5; t=3, 2 at risk: F1 = 1/5 + (3/5)(1/2) = 1/2,
 * S = 3/10. F1 + F2 = 1 - S. */
Test(hr_cuminc, by_hand)
{
    double stop[5] = {1, 2, 2, 3, 4};
    int cause[5] = {1, 2, 0, 1, 0};
    exo_cuminc ci = {0};
    exo_err err = {0};
    cr_assert_eq(exo_cuminc_fit(5, NULL, stop, cause, 2, &ci, &err), EXO_OK,
                 "%s", err.msg);
    cr_assert_eq(ci.n_times, 3);
    cr_expect_eq(ci.n_events[0], 2);
    cr_expect_eq(ci.n_events[1], 1);
    expect_rel(ci.cif[0 * 3 + 0], 0.2, 1e-15, "F1(1)");
    expect_rel(ci.cif[1 * 3 + 1], 0.2, 1e-15, "F2(2)");
    expect_rel(ci.cif[0 * 3 + 2], 0.5, 1e-15, "F1(3)");
    expect_rel(ci.surv[2], 0.3, 1e-15, "S(3)");
    expect_rel(exo_cuminc_at(&ci, 0, 2.5), 0.2, 1e-15, "F1(2.5)");
    expect_rel(exo_cuminc_at(&ci, 0, 0.5), 0.0, 0, "F1 before any event");
    exo_cuminc_release(&ci);
}

/* The same with a sixth row entering at 2.5 and leaving for cause 2 at 5:
 * it is not at risk at 1 or 2 (start 2.5 >= t), so F1(1) = 1/5 and
 * F2(2) = 1/5 as before; at 3, 3 at risk: F1 = 1/5 + (3/5)/3 = 2/5, S =
 * 2/5; at 5, 1 at risk: F2 = 1/5 + 2/5 = 3/5, S = 0. */
Test(hr_cuminc, delayed_entry_by_hand)
{
    double start[6] = {0, 0, 0, 0, 0, 2.5};
    double stop[6] = {1, 2, 2, 3, 4, 5};
    int cause[6] = {1, 2, 0, 1, 0, 2};
    exo_cuminc ci = {0};
    exo_err err = {0};
    cr_assert_eq(exo_cuminc_fit(6, start, stop, cause, 2, &ci, &err), EXO_OK,
                 "%s", err.msg);
    cr_assert_eq(ci.n_times, 4);
    expect_rel(ci.n_risk[2], 3, 0, "at risk at 3");
    expect_rel(exo_cuminc_at(&ci, 0, 3), 0.4, 1e-15, "F1(3)");
    expect_rel(exo_cuminc_at(&ci, 1, 5), 0.6, 1e-15, "F2(5)");
    expect_rel(ci.surv[3], 0.0, 0, "S(5)");
    exo_cuminc_release(&ci);
}

Test(hr_cuminc, bad_cause_is_an_error)
{
    double stop[2] = {1, 2};
    int cause[2] = {1, 3};
    exo_cuminc ci = {0};
    exo_err err = {0};
    cr_expect_eq(exo_cuminc_fit(2, NULL, stop, cause, 2, &ci, &err),
                 EXO_EINVAL);
    cr_expect(strstr(err.msg, "row 2") != NULL, "%s", err.msg);
}

/* Hired 2020-01-31 (left 2020-07-30, a day short of 6 months), 2020-01-31
 * (open), 2020-08-31 (left 2021-02-28: February's last day is the 6-month
 * anniversary, so not retained), 2021-03-15 (open); censored 2021-12-31. */
Test(hr_cohorts, by_hand)
{
    double start[4] = {exo_days_from_civil(2020, 1, 31),
                       exo_days_from_civil(2020, 1, 31),
                       exo_days_from_civil(2020, 8, 31),
                       exo_days_from_civil(2021, 3, 15)};
    double end[4] = {exo_days_from_civil(2020, 7, 30), TEST_NAN,
                     exo_days_from_civil(2021, 2, 28), TEST_NAN};
    double c = exo_days_from_civil(2021, 12, 31);
    double censor[4] = {c, c, c, c};
    exo_cohorts co = {0};
    exo_err err = {0};
    cr_assert_eq(exo_cohorts_compute(4, start, end, censor, false, 0,
                                     EXO_COHORT_YEAR, &co, &err),
                 EXO_OK, "%s", err.msg);
    cr_assert_eq(co.n, 2);
    cr_expect_eq(co.rows[0].year, 2020);
    cr_expect_eq(co.rows[0].hired, 3);
    cr_expect_eq(co.rows[0].observed[0], 3);
    cr_expect_eq(co.rows[0].retained[0], 1);
    cr_expect_eq(co.rows[0].observed[2], 0); /* 24 months: too recent */
    cr_expect_eq(co.rows[1].hired, 1);
    cr_expect_eq(co.rows[1].retained[0], 1);
    cr_expect_eq(co.rows[1].observed[1], 0);
    exo_cohorts_release(&co);
    /* observed from 2020-06-01: the two January hires are left out */
    cr_assert_eq(exo_cohorts_compute(4, start, end, censor, true,
                                     exo_days_from_civil(2020, 6, 1),
                                     EXO_COHORT_QUARTER, &co, &err),
                 EXO_OK);
    cr_expect_eq(co.n_before, 2);
    cr_assert_eq(co.n, 2);
    cr_expect_eq(co.rows[0].quarter, 3);
    cr_expect_eq(co.rows[1].quarter, 1);
    exo_cohorts_release(&co);
}

Test(hr_vocab, reasons_have_a_class_and_an_end_reason)
{
    exo_reason r;
    cr_assert(exo_reason_parse("layoff", &r));
    cr_expect_eq(exo_reason_event(r), EXO_EVENT_FIRED);
    cr_expect(!exo_reason_voluntary(r));
    cr_assert(exo_reason_parse("retirement", &r));
    cr_expect_eq(exo_reason_event(r), EXO_EVENT_LEFT);
    cr_expect(exo_reason_voluntary(r));
    cr_assert(exo_reason_parse("death", &r));
    cr_expect_eq(exo_reason_event(r), EXO_EVENT_DIED);
    cr_expect(!exo_reason_parse("left", &r), "left is an end_reason");
    cr_expect_str_eq(exo_reason_name(EXO_REASON_NONE), "");
    for (int k = 1; k < EXO_N_REASONS; k++)
        cr_expect(exo_reason_name((exo_reason)k)[0] != '\0');
}

/* Two exports of one shop through the library: the second ends employee
 * 1's spell (retirement), moves 5's end, changes 2's team, adds 6 and
 * leaves 4 out; with full_snapshot and as_of, 4 ends on the as-of day. */
Test(hr_refresh, second_export_updates_and_ends)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/exodus-hr-%d.db", (int)getpid());
    unlink(path);
    exo_store *store;
    exo_err err = {0};
    cr_assert_eq(exo_store_open(path, EXO_STORE_CREATE, &store, &err), EXO_OK);
    exo_import_opts o;
    exo_import_opts_init(&o);
    o.map = "id=EmployeeID,start=hire,end=term,team=dept,role=title,"
            "end_reason=reason";
    o.date_format = "%m/%d/%Y";
    o.org = "Shop";
    o.reason_map = "Resignaton=resignation,Retirement=retirement";
    o.has_as_of = true;
    o.as_of = exo_days_from_civil(2019, 1, 1);
    exo_import_result r;
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_SPELLS,
                                 FIX("hr-refresh-1.csv"), &o, &r, NULL, &err),
                 EXO_OK, "%s", err.msg);
    cr_expect_eq(r.n_new, 5);
    o.as_of = exo_days_from_civil(2019, 12, 31);
    o.full_snapshot = true;
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_SPELLS,
                                 FIX("hr-refresh-2.csv"), &o, &r, NULL, &err),
                 EXO_OK, "%s", err.msg);
    cr_expect_eq(r.n_new, 1);
    cr_expect_eq(r.n_updated, 3);
    cr_expect_eq(r.n_present, 1);
    cr_expect_eq(r.n_missing, 1);
    cr_expect_eq(r.n_closed, 1);
    cr_expect_eq(r.closed_on, o.as_of);
    exo_spells sp;
    cr_assert_eq(exo_spells_load(store, "Shop", &sp, &err), EXO_OK);
    cr_assert_eq(sp.n, 6);
    cr_expect(sp.has_as_of);
    expect_rel(sp.as_of, o.as_of, 0, "as_of");
    size_t open = 0, retired = 0;
    for (size_t i = 0; i < sp.n; i++) {
        open += isnan(sp.end[i]);
        retired += sp.reason[i] == EXO_REASON_RETIREMENT;
    }
    cr_expect_eq(open, 3);
    cr_expect_eq(retired, 1);
    exo_spells_release(&sp);
    exo_store_close(store);
    unlink(path);
}

/* The Acme export of tests/fixtures/hr-cohorts.csv, taken 2021-12-31, in a
 * fresh store at 'path'. */
static exo_store *acme_store(const char *path)
{
    exo_store *store;
    exo_err err = {0};
    unlink(path);
    cr_assert_eq(exo_store_open(path, EXO_STORE_CREATE, &store, &err), EXO_OK);
    exo_import_opts o;
    exo_import_opts_init(&o);
    o.has_as_of = true;
    o.as_of = exo_days_from_civil(2021, 12, 31);
    exo_import_result r;
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_SPELLS, FIX("hr-cohorts.csv"),
                                 &o, &r, NULL, &err),
                 EXO_OK, "%s", err.msg);
    return store;
}

/* The calendar-year term by hand. The risk intervals also break where
 * the contagion count may change, so the check is on days: A (2020-01-31
 * .. 2020-07-30, 181 days) is 2020's; B (2020-01-31, open to the export's
 * 2021-12-31) has 336 days in 2020 (a leap year) and 364 in 2021; C
 * (2020-08-31 .. 2021-02-28) 123 and 58; D (2021-03-15) 291 and E
 * (2021-09-01) 121 in 2021: 640 days of 2020 and 834 of 2021, with the
 * two departures (A's and C's) on pieces of 2020 and 2021. */
Test(hr_retention, year_splits_on_january_first)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/exodus-hr-ret-%d.db", (int)getpid());
    exo_store *store = acme_store(path);
    exo_err err = {0};
    exo_retention_opts o = {.cox = "year"};
    exo_retention_data d;
    const char *org = "Acme";
    cr_assert_eq(exo_retention_data_load(store, &org, 1, &o, &d, &err), EXO_OK,
                 "%s", err.msg);
    cr_assert_eq(d.p, 1);
    cr_expect_str_eq(d.terms[0], "year");
    double days[2] = {0, 0};
    size_t events[2] = {0, 0}, other = 0;
    for (size_t e = 0; e < d.cox_n; e++) {
        cr_expect(d.cox_start[e] < d.cox_stop[e]);
        if (d.x[e] != 2020 && d.x[e] != 2021) {
            other++;
            continue;
        }
        size_t y = d.x[e] == 2021;
        days[y] += d.cox_stop[e] - d.cox_start[e];
        events[y] += (size_t)d.cox_event[e];
    }
    cr_expect_eq(other, 0);
    expect_rel(days[0], 640, 0, "days of 2020");
    expect_rel(days[1], 834, 0, "days of 2021");
    cr_expect_eq(events[0], 1);
    cr_expect_eq(events[1], 1);
    /* B's 2020 piece ends on 1 January 2021: tenure 336 */
    bool b2020 = false;
    for (size_t e = 0; e < d.cox_n; e++)
        b2020 |= d.x[e] == 2020 && d.cox_stop[e] == 336 && !d.cox_event[e];
    cr_expect(b2020, "a 2020 piece ends at tenure 336 (B on 1 January)");
    exo_retention_data_release(&d);
    exo_store_close(store);
    unlink(path);
}

/* Without a date, the report observes from the first departure (A's,
 * 2020-07-30) since A and B were hired before it: A, gone that day, is
 * left out, B enters late at 181 days; C, D and E are hired after. */
Test(hr_retention, observed_from_the_first_departure)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/exodus-hr-ret2-%d.db", (int)getpid());
    exo_store *store = acme_store(path);
    exo_err err = {0};
    exo_retention_opts o = {.since_first_departure = true};
    exo_retention_data d;
    const char *org = "Acme";
    cr_assert_eq(exo_retention_data_load(store, &org, 1, &o, &d, &err), EXO_OK,
                 "%s", err.msg);
    /* The first departure is on 2020-07-30: observed from the end of the
     * day before, so that it counts. */
    cr_expect(d.has_since && d.since_from_data);
    cr_expect_eq(d.since, exo_days_from_civil(2020, 7, 29));
    cr_expect_eq(d.n_spells, 5);
    cr_expect_eq(d.n, 5);
    cr_expect_eq(d.n_left_out, 0);
    cr_expect_eq(d.n_late, 2);
    cr_assert_not_null(d.entry);
    exo_retention_data_release(&d);
    /* asked for a date, the data's rule does not apply */
    o.has_since = true;
    o.since = exo_days_from_civil(2020, 1, 1);
    cr_assert_eq(exo_retention_data_load(store, &org, 1, &o, &d, &err), EXO_OK);
    cr_expect(!d.since_from_data);
    cr_expect_eq(d.n, 5);
    exo_retention_data_release(&d);
    exo_store_close(store);
    unlink(path);
}
