/*
 * cohort.c - retention by hire cohort (exodus.h, exo_cohorts_compute):
 * counts, no model, so that a people-analytics team can check every cell
 * by hand. Cohorts are indexed by their year (and quarter) relative to the
 * earliest hire, so one pass fills them all.
 */
#include <math.h>
#include <string.h>

#include "core/exo.h"

const int exo_cohort_months[EXO_COHORT_N_MONTHS] = {6, 12, 24};

void exo_cohorts_release(exo_cohorts *c)
{
    if (!c)
        return;
    exo__free(c->rows);
    memset(c, 0, sizeof *c);
}

/* The day 'months' calendar months after 'day': the same day of the month,
 * or the last day of a shorter month (31 January + 1 month: 28 or 29
 * February). */
static int32_t add_months(int32_t day, int months)
{
    int y, m, d;
    exo_civil_from_days(day, &y, &m, &d);
    int k = (m - 1) + months;
    int ty = y + k / 12, tm = k % 12 + 1;
    /* the target month's last day: the day before the next one's first */
    int32_t last =
        exo_days_from_civil(tm == 12 ? ty + 1 : ty, tm == 12 ? 1 : tm + 1, 1) -
        1;
    int32_t same = exo_days_from_civil(ty, tm, 1) + (d - 1);
    return same < last ? same : last;
}

exo_code exo_cohorts_compute(size_t n, const double *start, const double *end,
                             const double *censor, bool has_since, double since,
                             exo_cohort_unit unit, exo_cohorts *out,
                             exo_err *err)
{
    memset(out, 0, sizeof *out);
    int first = 0, last = 0;
    bool any = false;
    int per_year = unit == EXO_COHORT_QUARTER ? 4 : 1;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(start[i]) || !isfinite(censor[i]))
            return exo__fail(err, EXO_EINVAL,
                             "spell %zu has no start or censor day", i + 1);
        if (has_since && start[i] < since)
            continue;
        int y, m, d;
        exo_civil_from_days((int32_t)start[i], &y, &m, &d);
        int k = y * per_year + (per_year == 4 ? (m - 1) / 3 : 0);
        if (!any || k < first)
            first = k;
        if (!any || k > last)
            last = k;
        any = true;
    }
    size_t slots = any ? (size_t)(last - first + 1) : 0;
    exo_cohort_row *rows = exo__calloc(slots ? slots : 1, sizeof *rows);
    if (!rows)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        if (has_since && start[i] < since) {
            out->n_before++;
            continue;
        }
        int y, m, d;
        exo_civil_from_days((int32_t)start[i], &y, &m, &d);
        int q = per_year == 4 ? (m - 1) / 3 : 0;
        exo_cohort_row *r = &rows[y * per_year + q - first];
        r->year = y;
        r->quarter = per_year == 4 ? q + 1 : 0;
        r->hired++;
        for (int a = 0; a < EXO_COHORT_N_MONTHS; a++) {
            double at = add_months((int32_t)start[i], exo_cohort_months[a]);
            if (at > censor[i])
                continue; /* too recent to tell */
            r->observed[a]++;
            if (isnan(end[i]) || end[i] > at)
                r->retained[a]++;
        }
    }
    /* only cohorts with hires */
    size_t kept = 0;
    for (size_t s = 0; s < slots; s++)
        if (rows[s].hired)
            rows[kept++] = rows[s];
    out->rows = rows;
    out->n = kept;
    return EXO_OK;
}
