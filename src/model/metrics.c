/*
 * metrics.c - departures and arrivals per calendar period, headcount and
 * annualised attrition.
 *
 * Inputs: event days (days since 1970-01-01) and, optionally, employment
 * spells (start, end; end NaN while open).
 * Headcount at day t counts spells with start <= t < end. Its average over
 * a period [a, b) is the integral of headcount over the period divided by
 * (b - a), computed exactly from the spell boundaries.
 * Annualised attrition (LinkedIn Talent Insights' definition):
 *     departures in the period / average headcount * periods per year.
 * Cost: O((n_events + n_spells) log n + n_periods).
 */
#include <math.h>

#include "core/date.h"
#include "core/exo.h"

int32_t exo_period_floor(exo_period period, int32_t day)
{
    int y, m, d;
    exo_civil_from_days(day, &y, &m, &d);
    switch (period) {
    case EXO_PERIOD_MONTH:
        return exo_days_from_civil(y, m, 1);
    case EXO_PERIOD_QUARTER:
        return exo_days_from_civil(y, (m - 1) / 3 * 3 + 1, 1);
    case EXO_PERIOD_YEAR:
        return exo_days_from_civil(y, 1, 1);
    }
    return day;
}

int32_t exo_period_next(exo_period period, int32_t day)
{
    int y, m, d;
    exo_civil_from_days(exo_period_floor(period, day), &y, &m, &d);
    int step = period == EXO_PERIOD_MONTH     ? 1
               : period == EXO_PERIOD_QUARTER ? 3
                                              : 12;
    m += step;
    while (m > 12)
        m -= 12, y++;
    return exo_days_from_civil(y, m, 1);
}

static double periods_per_year(exo_period period)
{
    return period == EXO_PERIOD_MONTH     ? 12.0
           : period == EXO_PERIOD_QUARTER ? 4.0
                                          : 1.0;
}

void exo_stats_release(exo_stats *stats)
{
    if (!stats)
        return;
    exo__free(stats->rows);
    memset(stats, 0, sizeof *stats);
}

struct boundary {
    double day;
    int delta; /* +1 a start, -1 an end */
};

static int cmp_boundary(const void *a, const void *b)
{
    const struct boundary *x = a, *y = b;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return x->delta - y->delta; /* ends before starts on the same day */
}

static bool in_filter(const exo_filter *f, double day)
{
    return !f || ((!f->has_since || day >= f->since) &&
                  (!f->has_until || day <= f->until));
}

exo_code exo_stats_compute(exo_period period, const exo_stats_input *in,
                           const exo_filter *filter, exo_stats *out,
                           exo_err *err)
{
    static const exo_stats_input none = {0};
    if (!in)
        in = &none;
    const double *departure_days = in->departure_days;
    const exo_level *departure_levels = in->departure_levels;
    size_t n_departures = in->n_departures;
    const double *arrival_days = in->arrival_days;
    size_t n_arrivals = in->n_arrivals;
    const exo_spells *spells = in->spells;
    struct boundary *b = NULL;
    size_t n_b = 0;
    double first = EXO_INF, last = -EXO_INF;
    memset(out, 0, sizeof *out);
    out->period = period;
    for (size_t i = 0; i < n_departures; i++) {
        if (!isfinite(departure_days[i]))
            return exo__fail(err, EXO_EINVAL,
                             "departure %zu has no finite date", i);
        if (in_filter(filter, departure_days[i])) {
            first = fmin(first, departure_days[i]);
            last = fmax(last, departure_days[i]);
        }
    }
    for (size_t i = 0; i < n_arrivals; i++) {
        if (!isfinite(arrival_days[i]))
            return exo__fail(err, EXO_EINVAL, "arrival %zu has no finite date",
                             i);
        if (in_filter(filter, arrival_days[i])) {
            first = fmin(first, arrival_days[i]);
            last = fmax(last, arrival_days[i]);
        }
    }
    if (filter && filter->has_since)
        first = fmax(first, filter->since);
    if (filter && filter->has_until)
        last = fmin(last, filter->until);
    if (!(first <= last))
        return EXO_OK; /* nothing in the window: no periods */
    int32_t start = exo_period_floor(period, (int32_t)first);
    int32_t stop = exo_period_next(period, (int32_t)last);
    size_t n_periods = 0;
    for (int32_t d = start; d < stop; d = exo_period_next(period, d))
        n_periods++;
    out->rows = exo__calloc(n_periods, sizeof *out->rows);
    if (!out->rows)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    out->n = n_periods;
    size_t k = 0;
    for (int32_t d = start; d < stop; d = exo_period_next(period, d), k++) {
        out->rows[k].start = d;
        out->rows[k].end = exo_period_next(period, d);
        out->rows[k].voluntary_annual = EXO_NAN;
    }
    /* Periods are contiguous, so an event's period is found by bisection. */
    for (int pass = 0; pass < 2; pass++) {
        const double *days = pass == 0 ? departure_days : arrival_days;
        size_t n = pass == 0 ? n_departures : n_arrivals;
        for (size_t i = 0; i < n; i++) {
            if (!in_filter(filter, days[i]) || days[i] < start ||
                days[i] >= stop)
                continue;
            size_t lo = 0, hi = n_periods;
            while (hi - lo > 1) {
                size_t mid = (lo + hi) / 2;
                if (out->rows[mid].start <= days[i])
                    lo = mid;
                else
                    hi = mid;
            }
            if (pass == 0) {
                out->rows[lo].departures++;
                out->total_departures++;
                if (departure_levels &&
                    (unsigned)departure_levels[i] < EXO_N_LEVELS)
                    out->rows[lo].by_level[departure_levels[i]]++;
                if (in->departure_reasons &&
                    (unsigned)in->departure_reasons[i] < EXO_N_REASONS)
                    out->rows[lo].by_reason[in->departure_reasons[i]]++;
            } else {
                out->rows[lo].arrivals++;
                out->total_arrivals++;
            }
        }
    }
    if (!spells || spells->n == 0)
        return EXO_OK;
    b = exo__calloc(2 * spells->n, sizeof *b);
    if (!b) {
        exo_stats_release(out);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < spells->n; i++) {
        b[n_b++] = (struct boundary){spells->start[i], +1};
        if (isfinite(spells->end[i]))
            b[n_b++] = (struct boundary){spells->end[i], -1};
    }
    exo__qsort(b, n_b, sizeof *b, cmp_boundary);
    /* Sweep: headcount is constant between boundaries. */
    double headcount = 0;
    size_t j = 0;
    for (k = 0; k < n_periods; k++) {
        exo_period_row *r = &out->rows[k];
        while (j < n_b && b[j].day <= r->start)
            headcount += b[j++].delta;
        r->headcount_start = headcount;
        double area = 0, t = r->start;
        while (j < n_b && b[j].day < r->end) {
            area += headcount * (b[j].day - t);
            t = b[j].day;
            headcount += b[j++].delta;
        }
        area += headcount * (r->end - t);
        r->headcount_end = headcount;
        r->headcount_avg = area / (r->end - r->start);
        r->has_headcount = true;
        r->attrition_annual = r->headcount_avg > 0
                                  ? (double)r->departures / r->headcount_avg *
                                        periods_per_year(period)
                                  : (double)NAN;
        /* Voluntary attrition, where the departures say why. */
        size_t vol = 0, given = 0;
        for (int q = 1; q < EXO_N_REASONS; q++) {
            given += r->by_reason[q];
            if (exo_reason_voluntary((exo_reason)q))
                vol += r->by_reason[q];
        }
        if (given && r->headcount_avg > 0)
            r->voluntary_annual =
                (double)vol / r->headcount_avg * periods_per_year(period);
    }
    exo__free(b);
    return EXO_OK;
}

void exo_erosion_release(exo_erosion *erosion)
{
    if (!erosion)
        return;
    exo__free(erosion->rows);
    memset(erosion, 0, sizeof *erosion);
}

exo_code exo_erosion_compute(const exo_core_team *team, exo_period period,
                             int32_t from, int32_t to, exo_erosion *out,
                             exo_err *err)
{
    memset(out, 0, sizeof *out);
    if (to < from)
        return exo__fail(err, EXO_EINVAL,
                         "the end of the span is before its "
                         "start");
    int32_t start = exo_period_floor(period, from);
    size_t n = 0;
    for (int32_t d = start; d <= to; d = exo_period_next(period, d))
        n++;
    out->rows = exo__calloc(n, sizeof *out->rows);
    if (!out->rows)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    out->n = n;
    size_t k = 0;
    for (int32_t d = start; d <= to; d = exo_period_next(period, d), k++) {
        exo_erosion_row *r = &out->rows[k];
        r->start = d;
        r->end = exo_period_next(period, d);
        int32_t last_day = r->end - 1;
        for (size_t i = 0; team && i < team->n; i++) {
            const exo_core_member *m = &team->rows[i];
            /* No recorded arrival: present from the start of the data,
             * which the news reached only when they left (counted, and
             * the count noted, rather than left out, which would have the
             * team grow as its unrecorded members leave). */
            out->n_unknown_start += !m->has_joined && k == 0;
            bool arrived = !m->has_joined || m->joined.days <= last_day;
            bool gone = m->has_left && m->left.days <= last_day;
            if (!arrived || gone)
                continue;
            if (m->level == EXO_LEVEL_FOUNDER)
                r->founders++;
            else if (m->level == EXO_LEVEL_EXEC)
                r->execs++;
        }
    }
    return EXO_OK;
}
