/*
 * test_date.c - ISO 8601 dates with precision, other layouts, civil days.
 */
#include <string.h>

#include "expect.h"
#include "core/date.h"
#include "exodus.h"

Test(date, epoch_and_known_days)
{
    cr_expect_eq(exo_days_from_civil(1970, 1, 1), 0);
    cr_expect_eq(exo_days_from_civil(2000, 3, 1), 11017);
    cr_expect_eq(exo_days_from_civil(1969, 12, 31), -1);
    for (int32_t d = -800000; d < 800000; d += 37) {
        int y, m, dd;
        exo_civil_from_days(d, &y, &m, &dd);
        cr_assert_eq(exo_days_from_civil(y, m, dd), d, "round trip %d", d);
    }
}

Test(date, iso_with_precision)
{
    exo_date d;
    exo_err err = {0};
    cr_assert_eq(exo_date_parse("2023-11-17", &d, &err), EXO_OK);
    cr_expect_eq(d.days, exo_days_from_civil(2023, 11, 17));
    cr_expect_eq(d.precision, EXO_PREC_DAY);
    cr_assert_eq(exo_date_parse("2024-02", &d, &err), EXO_OK);
    cr_expect_eq(d.precision, EXO_PREC_MONTH);
    cr_expect_eq(exo__precision_days(d.days, d.precision), 29);
    cr_assert_eq(exo_date_parse("2015", &d, &err), EXO_OK);
    cr_expect_eq(d.precision, EXO_PREC_YEAR);
    cr_expect_eq(exo__precision_days(d.days, d.precision), 365);
}

Test(date, impossible_and_malformed)
{
    exo_date d;
    exo_err err = {0};
    cr_expect_eq(exo_date_parse("2024-02-30", &d, &err), EXO_EDATA);
    cr_expect(strstr(err.msg, "impossible date '2024-02-30'"), "%s", err.msg);
    exo_err_clear(&err);
    cr_expect_eq(exo_date_parse("2023-02-29", &d, &err), EXO_EDATA);
    exo_err_clear(&err);
    cr_expect_eq(exo_date_parse("2024-02-29", &d, &err), EXO_OK);
    cr_expect_eq(exo_date_parse("2024-13-01", &d, &err), EXO_EDATA);
    exo_err_clear(&err);
    cr_expect_eq(exo_date_parse("24-01-01", &d, &err), EXO_EDATA);
    exo_err_clear(&err);
    cr_expect_eq(exo_date_parse("2024-01-01x", &d, &err), EXO_EDATA);
    exo_err_clear(&err);
    cr_expect_eq(exo_date_parse("", &d, &err), EXO_EDATA);
}

Test(date, other_layouts)
{
    exo_date d;
    exo_err err = {0};
    cr_assert_eq(exo_date_parse_format("8/28/1989", "%m/%d/%Y", &d, &err),
                 EXO_OK);
    cr_expect_eq(d.days, exo_days_from_civil(1989, 8, 28));
    cr_assert_eq(
        exo_date_parse_format("12/31/2006 0:00", "%m/%d/%Y", &d, &err),
        EXO_OK);
    cr_expect_eq(d.days, exo_days_from_civil(2006, 12, 31));
    cr_assert_eq(exo_date_parse_format("5-Mar-24", "%d-%b-%y", &d, &err),
                 EXO_OK);
    cr_expect_eq(d.days, exo_days_from_civil(2024, 3, 5));
    cr_expect_eq(exo_date_parse_format("2/30/2024", "%m/%d/%Y", &d, &err),
                 EXO_EDATA);
}

Test(date, format_round_trip)
{
    char buf[11];
    exo_date_format(exo_days_from_civil(2024, 2, 29), buf);
    cr_expect_str_eq(buf, "2024-02-29");
}
