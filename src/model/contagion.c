/*
 * contagion.c - counting-process episodes for employment spells with a
 * time-varying "co-worker departures in the last W days" covariate.
 *
 * Spell i is observed on calendar days (e_i, x_i], e_i = max(start_i,
 * obs_start), x_i = end_i or the censoring day. Its co-workers are the
 * other spells of the same team when team_i >= 0, else all other spells;
 * their departures are the ends of spells with an event, on days d_j.
 * On an episode (a, b] the covariate is
 *   C = #{j : a - W < d_j <= a},
 * the departures in the W days up to the day the interval opens: every
 * departure counted happened strictly before any time in (a, b], so no
 * departure can count towards its own or a simultaneous one (no reverse
 * causation). Episodes break at each d_j and each d_j + W inside
 * (e_i, x_i), where C changes; the spell's event goes on its last
 * episode. Times are returned as tenure, t - start_i.
 *
 * Cost: O(n log m + episodes) for m departures, per the two sorted
 * pointers (entering d_j, expiring d_j + W) each spell walks.
 */
#include <math.h>
#include <string.h>

#include "model/surv_util.h"

void exo_episodes_release(exo_episodes *ep)
{
    if (!ep)
        return;
    exo__free(ep->start);
    exo__free(ep->stop);
    exo__free(ep->event);
    exo__free(ep->contagion);
    exo__free(ep->entry_tenure);
    exo__free(ep->spell);
    memset(ep, 0, sizeof *ep);
}

/* first index with d[k] > v in the ascending d[0..len) */
static size_t upper_bound(const double *d, size_t len, double v)
{
    size_t lo = 0, hi = len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d[mid] <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * Walks spell i's episodes over the departures d[0..len); writes them
 * when 'ep' has arrays, else only counts. Returns the number of episodes.
 */
static size_t walk(const double *d, size_t len, double w, double s, double e,
                   double x, int event, size_t spell, exo_episodes *ep,
                   size_t at)
{
    size_t lo = upper_bound(d, len, e - w); /* d + W > e: still counted */
    size_t hi = upper_bound(d, len, e);     /* d <= e: counted */
    double a = e;
    size_t k = 0;
    for (;;) {
        double next_in = hi < len ? d[hi] : EXO_INF;
        double next_out = lo < hi ? d[lo] + w : EXO_INF;
        double next = next_in < next_out ? next_in : next_out;
        bool last = !(next < x);
        double b = last ? x : next;
        if (ep->start) {
            ep->start[at + k] = a - s;
            ep->stop[at + k] = b - s;
            ep->event[at + k] = last ? event : 0;
            ep->contagion[at + k] = (double)(hi - lo);
            ep->entry_tenure[at + k] = e - s;
            ep->spell[at + k] = spell;
        }
        k++;
        if (last)
            break;
        while (hi < len && d[hi] <= next)
            hi++;
        while (lo < hi && d[lo] + w <= next)
            lo++;
        a = next;
    }
    return k;
}

exo_code exo_episodes_compute(size_t n, const double *start, const double *end,
                              const int *event, const int *team,
                              const exo_contagion_opts *opts, exo_episodes *out,
                              exo_err *err)
{
    exo_contagion_opts def = {0};
    if (!opts)
        opts = &def;
    memset(out, 0, sizeof *out);
    double w = opts->window_days == 0 ? 90 : opts->window_days;
    if (!(w > 0) || !isfinite(w))
        return exo__fail(err, EXO_EINVAL,
                         "contagion window %g days is not positive", w);
    double censor = -EXO_INF;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(start[i]))
            return exo__fail(err, EXO_EINVAL, "spell %zu has no start day",
                             i + 1);
        if (!isnan(end[i]) && !isfinite(end[i]))
            return exo__fail(err, EXO_EINVAL, "spell %zu ends at infinity",
                             i + 1);
        if (!isnan(end[i]) && end[i] < start[i])
            return exo__fail(err, EXO_EINVAL, "spell %zu ends before it starts",
                             i + 1);
        if (event[i] != 0 && event[i] != 1)
            return exo__fail(err, EXO_EINVAL,
                             "event of spell %zu is %d (expected 0 or 1)",
                             i + 1, event[i]);
        if (event[i] && isnan(end[i]))
            return exo__fail(err, EXO_EINVAL,
                             "spell %zu has an event but no end day", i + 1);
        censor = fmax(censor, start[i]);
        if (!isnan(end[i]))
            censor = fmax(censor, end[i]);
    }
    if (opts->has_censor_day)
        censor = opts->censor_day;
    out->window_days = w;
    out->censor_day = censor;
    exo_code rc = EXO_OK;
    /* departures sorted by (team, day); team -1 holds all of them */
    int max_team = -1;
    size_t n_dep = 0;
    for (size_t i = 0; i < n; i++) {
        if (team && team[i] > max_team)
            max_team = team[i];
        if (event[i])
            n_dep++;
    }
    size_t n_keys = n_dep * (team ? 2 : 1);
    struct surv_key *keys = exo__calloc(n_keys ? n_keys : 1, sizeof *keys);
    double *days = exo__calloc(n_keys ? n_keys : 1, sizeof *days);
    size_t n_slots = (size_t)(max_team + 2);
    size_t *first = exo__calloc(n_slots + 1, sizeof *first);
    if (!keys || !days || !first) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory for %zu spells", n);
        goto out;
    }
    size_t q = 0;
    for (size_t i = 0; i < n; i++) {
        if (!event[i])
            continue;
        keys[q].k1 = -1;
        keys[q].k2 = end[i];
        keys[q++].idx = i;
        if (team && team[i] >= 0) {
            keys[q].k1 = team[i];
            keys[q].k2 = end[i];
            keys[q++].idx = i;
        }
    }
    exo__surv_sort_keys(keys, q);
    for (size_t k = 0; k < q; k++) {
        days[k] = keys[k].k2;
        first[(size_t)(keys[k].k1 + 1) + 1]++;
    }
    for (size_t s = 1; s <= n_slots; s++)
        first[s] += first[s - 1];
    /* two passes: count, then fill */
    for (int pass = 0; pass < 2; pass++) {
        size_t at = 0;
        for (size_t i = 0; i < n; i++) {
            double s = start[i];
            double e = opts->has_obs_start ? fmax(s, opts->obs_start) : s;
            double x = isnan(end[i]) ? censor : fmin(end[i], censor);
            int ev = event[i] && !isnan(end[i]) && end[i] <= censor;
            if (!(x > e)) {
                if (pass == 0)
                    out->n_skipped++;
                continue;
            }
            size_t slot = team && team[i] >= 0 ? (size_t)team[i] + 1 : 0;
            const double *d = days + first[slot];
            size_t len = first[slot + 1] - first[slot];
            at += walk(d, len, w, s, e, x, ev, i, out, at);
            if (pass == 0)
                out->n_spells++;
        }
        if (pass == 0) {
            size_t m = at ? at : 1;
            out->start = exo__calloc(m, sizeof *out->start);
            out->stop = exo__calloc(m, sizeof *out->stop);
            out->event = exo__calloc(m, sizeof *out->event);
            out->contagion = exo__calloc(m, sizeof *out->contagion);
            out->entry_tenure = exo__calloc(m, sizeof *out->entry_tenure);
            out->spell = exo__calloc(m, sizeof *out->spell);
            if (!out->start || !out->stop || !out->event || !out->contagion ||
                !out->entry_tenure || !out->spell) {
                rc = exo__fail(err, EXO_ENOMEM,
                               "out of memory for %zu episodes", at);
                goto out;
            }
        } else {
            out->n = at;
        }
    }
out:
    exo__free(keys);
    exo__free(days);
    exo__free(first);
    if (rc != EXO_OK)
        exo_episodes_release(out);
    return rc;
}
