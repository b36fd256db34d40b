/*
 * cuminc.c - competing risks: the Aalen-Johansen cumulative incidence of
 * each cause (exodus.h, exo_cuminc_fit), as R's survfit computes pstate
 * for a multi-state Surv whose states are reached only from the start.
 *
 * With delayed entry, row i is at risk at t when start_i < t <= stop_i:
 * the stops and the starts are each sorted once, and the risk set at each
 * event time is (stops >= t) - (starts >= t), two pointers moving forward.
 * Events at a time come before censorings at it (R's convention), which
 * the >= gives. Cost O(n log n); the sweep itself allocates nothing.
 */
#include <math.h>
#include <string.h>

#include "model/surv_util.h"

void exo_cuminc_release(exo_cuminc *ci)
{
    if (!ci)
        return;
    exo__free(ci->time);
    exo__free(ci->n_risk);
    exo__free(ci->cif);
    exo__free(ci->surv);
    exo__free(ci->n_events);
    memset(ci, 0, sizeof *ci);
}

exo_code exo_cuminc_fit(size_t n, const double *start, const double *stop,
                        const int *cause, size_t n_causes, exo_cuminc *out,
                        exo_err *err)
{
    memset(out, 0, sizeof *out);
    if (n > 0 && (!stop || !cause))
        return exo__fail(err, EXO_EINVAL, "no times or causes given");
    if (n_causes == 0)
        return exo__fail(err, EXO_EINVAL, "no causes (expected at least one)");
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(stop[i]))
            return exo__fail(err, EXO_EINVAL,
                             "time of row %zu is not a finite number", i + 1);
        if (cause[i] < 0 || (size_t)cause[i] > n_causes)
            return exo__fail(err, EXO_EINVAL,
                             "cause of row %zu is %d (expected 0 for "
                             "censored, or 1 to %zu)",
                             i + 1, cause[i], n_causes);
        if (start && !(isfinite(start[i]) && start[i] < stop[i]))
            return exo__fail(err, EXO_EINVAL,
                             "row %zu starts at %g, not before its stop %g "
                             "(expected start < stop)",
                             i + 1, start[i], stop[i]);
    }
    /* Event rows by time (index order keeps the sort stable); all stops
     * and all starts sorted for the risk sets. */
    struct surv_key *ev = exo__calloc(n ? n : 1, sizeof *ev);
    double *stops = exo__calloc(n ? n : 1, sizeof *stops);
    double *starts = exo__calloc(n ? n : 1, sizeof *starts);
    size_t n_ev = 0;
    exo_code code = EXO_OK;
    out->n = n;
    out->n_causes = n_causes;
    out->n_events = exo__calloc(n_causes, sizeof *out->n_events);
    if (!ev || !stops || !starts || !out->n_events) {
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        stops[i] = stop[i];
        starts[i] = start ? start[i] : -EXO_INF;
        if (cause[i] > 0) {
            ev[n_ev++] = (struct surv_key){stop[i], 0, 0, i};
            out->n_events[cause[i] - 1]++;
        }
    }
    exo__surv_sort_keys(ev, n_ev);
    exo__surv_sort_doubles(stops, n);
    if (start)
        exo__surv_sort_doubles(starts, n);
    size_t n_times = 0;
    for (size_t e = 0; e < n_ev; e++)
        n_times += e == 0 || ev[e].k1 != ev[e - 1].k1;
    out->n_times = n_times;
    out->time = exo__calloc(n_times ? n_times : 1, sizeof *out->time);
    out->n_risk = exo__calloc(n_times ? n_times : 1, sizeof *out->n_risk);
    out->surv = exo__calloc(n_times ? n_times : 1, sizeof *out->surv);
    out->cif =
        exo__calloc(n_causes * (n_times ? n_times : 1), sizeof *out->cif);
    if (!out->time || !out->n_risk || !out->surv || !out->cif) {
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto done;
    }
    double s = 1.0;
    size_t below_stop = 0, below_start = 0; /* rows with stop < t, start < t */
    for (size_t e = 0, j = 0; e < n_ev; j++) {
        double t = ev[e].k1;
        while (below_stop < n && stops[below_stop] < t)
            below_stop++;
        while (start && below_start < n && starts[below_start] < t)
            below_start++;
        /* at risk: stop >= t and start < t */
        double at_risk = start ? (double)below_start - (double)below_stop
                               : (double)(n - below_stop);
        size_t first = e, d = 0;
        while (e < n_ev && ev[e].k1 == t)
            e++, d++;
        for (size_t k = 0; k < n_causes; k++)
            out->cif[k * n_times + j] = j ? out->cif[k * n_times + j - 1] : 0;
        for (size_t q = first; q < e; q++)
            out->cif[(size_t)(cause[ev[q].idx] - 1) * n_times + j] +=
                s / at_risk;
        s *= 1.0 - (double)d / at_risk;
        out->time[j] = t;
        out->n_risk[j] = at_risk;
        out->surv[j] = s;
    }
done:
    exo__free(ev);
    exo__free(stops);
    exo__free(starts);
    if (code)
        exo_cuminc_release(out);
    return code;
}

double exo_cuminc_at(const exo_cuminc *ci, size_t cause, double t)
{
    if (cause >= ci->n_causes)
        return EXO_NAN;
    /* the last event time <= t */
    size_t lo = 0, hi = ci->n_times;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ci->time[mid] <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? ci->cif[cause * ci->n_times + lo - 1] : 0.0;
}
