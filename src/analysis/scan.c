/*
 * scan.c - the screener: exo_spiral_analyze (spiral.c, the code path of
 * 'exodus spiral', the report and the dashboard) on every organisation of
 * a store, one ranked row each. This file decides only who is fitted,
 * where, and in what order the rows come out; every number is the
 * organisation's own analysis.
 *
 * Determinism: exo_spiral_analyze draws an organisation's numbers from
 * (seed, its name), so its row is the same whichever worker fits it, on
 * however many threads or ranks, and the same as 'exodus spiral ORG
 * --seed S' and the report's. The plan (largest first to the least-loaded
 * worker, ties to the lowest worker) is computed identically by every rank from
 * the store, so ranks need no message to agree on it.
 */
#include <jansson.h>
#include <math.h>
#include <string.h>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "analysis/analysis.h"
#include "core/buf.h"
#include "core/exo.h"

void exo_scan_opts_init(exo_scan_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    exo_spiral_opts_init(&opts->spiral);
    opts->min_departures = 10;
}

/* Work of one organisation for the plan: its departures, plus one for the
 * fixed cost of loading and windowing an organisation. */
static double cost_of(const exo_scan_row *r)
{
    return (double)r->departures + 1.0;
}

/* Largest first; the name breaks ties so that every rank agrees. */
static int cmp_size(const void *a, const void *b)
{
    const exo_scan_row *x = *(exo_scan_row *const *)a;
    const exo_scan_row *y = *(exo_scan_row *const *)b;
    if (x->departures != y->departures)
        return x->departures > y->departures ? -1 : 1;
    return strcmp(x->org, y->org);
}

/* How alarming a verdict is: the table's first key. */
static int severity(const exo_scan_row *r)
{
    if (!r->fitted)
        return 6;
    switch (r->kind) {
    case EXO_SPIRAL_SUPERCRITICAL:
        return 0;
    case EXO_SPIRAL_NEAR_CRITICAL:
        return 1;
    case EXO_SPIRAL_SUBCRITICAL:
        return 2;
    case EXO_SPIRAL_INCONCLUSIVE:
        return 3;
    case EXO_SPIRAL_NO_CONTAGION:
        return 4;
    case EXO_SPIRAL_INSUFFICIENT:
        return 5;
    }
    return 6;
}

static int cmp_rank(const void *a, const void *b)
{
    const exo_scan_row *x = a, *y = b;
    int sx = severity(x), sy = severity(y);
    if (sx != sy)
        return sx - sy;
    double nx = x->fitted ? x->n : -1.0, ny = y->fitted ? y->n : -1.0;
    if (nx != ny)
        return nx > ny ? -1 : 1;
    if (x->departures != y->departures)
        return x->departures > y->departures ? -1 : 1;
    return strcmp(x->org, y->org);
}

void exo_scan_sort(exo_scan *scan)
{
    exo__qsort(scan->rows, scan->n, sizeof *scan->rows, cmp_rank);
    scan->n_fitted = 0;
    for (size_t i = 0; i < scan->n; i++)
        scan->n_fitted += scan->rows[i].fitted;
}

/* Departures per head per year over the window, from the spells. */
static exo_code rate_of(exo_store *store, exo_scan_row *r, exo_err *err)
{
    exo_spells sp;
    exo_code rc = exo_spells_load(store, r->org, &sp, err);
    if (rc)
        return rc;
    double a = r->start, b = r->end, person_days = 0.0;
    for (size_t i = 0; i < sp.n; i++) {
        double s = sp.start[i], e = isnan(sp.end[i]) ? b : sp.end[i] + 1.0;
        double lo = fmax(s, a), hi = fmin(e, b);
        if (hi > lo)
            person_days += hi - lo;
    }
    exo_spells_release(&sp);
    if (b > a && person_days > 0.0) {
        r->has_rate = true;
        r->headcount = person_days / (b - a);
        r->rate = (double)r->departures / r->headcount / ((b - a) / 365.25);
    }
    return EXO_OK;
}

/* The row of one organisation from its own spiral analysis. Failures of
 * the data (too few events, no spells for a per-head baseline) become the
 * row's note; only running out of memory or a bug stops the scan. */
static exo_code fit_row(exo_store *store, const exo_scan_opts *o,
                        exo_scan_row *r, exo_err *err)
{
    exo_spiral_opts so = o->spiral;
    exo_spiral *s = NULL;
    so.seed = o->spiral.seed ? o->spiral.seed : 1;
    r->seed = so.seed;
    r->kind = EXO_SPIRAL_INSUFFICIENT;
    r->n = r->n_lo = r->n_hi = r->p = EXO_NAN;
    if (r->departures < o->min_departures) {
        snprintf(r->note, sizeof r->note,
                 "%zu departures, fewer than the %zu a fit needs here",
                 r->departures, o->min_departures);
        r->label = exo_spiral_kind_name(r->kind);
        return EXO_OK;
    }
    exo_code rc = exo_spiral_analyze(store, r->org, &so, &s, err);
    if (rc == EXO_ENOMEM || rc == EXO_EINTERNAL || rc == EXO_ECANCELED ||
        rc == EXO_ESTORE || rc == EXO_EIO)
        return rc;
    if (rc) {
        snprintf(r->note, sizeof r->note, "%s", err->msg);
        exo_err_clear(err);
        r->label = exo_spiral_kind_name(r->kind);
        return EXO_OK;
    }
    r->departures = s->n_events;
    r->start = s->start;
    r->end = s->end;
    r->kind = s->verdict.kind;
    r->fitted = s->n_fitted > 0 && r->kind != EXO_SPIRAL_INSUFFICIENT;
    if (!r->fitted)
        snprintf(r->note, sizeof r->note, "%.255s",
                 s->no_fit[0] ? s->no_fit : s->verdict.text);
    r->n = s->n;
    r->n_lo = s->n_lo;
    r->n_hi = s->n_hi;
    r->p = s->p;
    r->n_segments = s->trend.n_segments;
    size_t k = s->trend.n_segments;
    if (k > 1 && s->trend.rate[k - 2] > 0.0)
        r->trend_change = s->trend.rate[k - 1] / s->trend.rate[k - 2] - 1.0;
    r->has_forecast = s->has_forecast;
    if (s->has_forecast) {
        r->horizon = s->forecast.horizon;
        r->forecast_mean = s->forecast.mean;
        r->forecast_lo = s->forecast.lo80;
        r->forecast_hi = s->forecast.hi80;
    }
    exo_spiral_release(s);
    r->label = exo_spiral_kind_name(r->kind);
    return rate_of(store, r, err);
}

/* The organisations to scan, with their sizes, and the plan. */
static exo_code plan(exo_store *store, const exo_scan_opts *o, exo_scan *sc,
                     exo_err *err)
{
    exo_org_list list = {0};
    exo_code rc = EXO_OK;
    /* Named organisations are counted one by one: the whole store's list
     * costs minutes at 10^5 organisations. */
    if (!o->orgs && (rc = exo_org_list_load(store, &list, err)))
        return rc;
    size_t n = o->orgs ? o->n_orgs : list.n;
    sc->rows = exo__calloc(n ? n : 1, sizeof *sc->rows);
    exo_scan_row **by_size = exo__calloc(n ? n : 1, sizeof *by_size);
    sc->n_ranks = o->n_ranks ? o->n_ranks : 1;
    sc->rank_orgs = exo__calloc(sc->n_ranks, sizeof *sc->rank_orgs);
    sc->rank_load = exo__calloc(sc->n_ranks, sizeof *sc->rank_load);
    if (!sc->rows || !by_size || !sc->rank_orgs || !sc->rank_load) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        exo_scan_row *r = &sc->rows[sc->n];
        if (o->orgs) {
            if ((rc = exo_org_resolve(store, o->orgs[i], &r->org, err)))
                goto out;
            bool dup = false;
            for (size_t j = 0; j < sc->n; j++)
                dup |= strcmp(sc->rows[j].org, r->org) == 0;
            if (dup) {
                exo_free(r->org);
                r->org = NULL;
                continue;
            }
            exo_move_list deps;
            if ((rc = exo_move_list_load_departures(store, r->org, NULL, &deps,
                                                    NULL, err)))
                goto out;
            r->departures = deps.n;
            exo_move_list_release(&deps);
        } else {
            if (!(r->org = exo__strdup(list.rows[i].name))) {
                rc = exo__fail(err, EXO_ENOMEM, "out of memory");
                goto out;
            }
            r->departures = list.rows[i].n_departures;
        }
        by_size[sc->n++] = r;
    }
    /* Largest first to the least-loaded worker. */
    exo__qsort(by_size, sc->n, sizeof *by_size, cmp_size);
    for (size_t i = 0; i < sc->n; i++) {
        size_t best = 0;
        for (size_t k = 1; k < sc->n_ranks; k++)
            if (sc->rank_load[k] < sc->rank_load[best])
                best = k;
        by_size[i]->rank = best;
        sc->rank_load[best] += cost_of(by_size[i]);
        sc->rank_orgs[best]++;
    }
out:
    exo__free(by_size);
    exo_org_list_release(&list);
    return rc;
}

/* Fits the rows in 'to_fit' (largest first) on up to 'threads' threads,
 * each with its own read-only handle on 'path'. */
static exo_code fit_threads(const exo_scan_opts *o, exo_scan_row **to_fit,
                            size_t n, size_t threads, exo_err *err)
{
    exo_code first = EXO_OK;
    long first_at = -1;
    exo_err first_err = {0};
#pragma omp parallel num_threads((int)threads)
    {
        exo_store *st = NULL;
        exo_err e = {0};
        exo_code rc = exo_store_open(o->db_path, EXO_STORE_READONLY, &st, &e);
#pragma omp for schedule(dynamic, 1)
        for (size_t i = 0; i < n; i++) {
            if (!rc)
                rc = fit_row(st, o, to_fit[i], &e);
            if (rc) {
#pragma omp critical
                /* The first failure in plan order, whatever the timing. */
                if (first_at < 0 || (long)i < first_at) {
                    first_at = (long)i;
                    first = rc;
                    first_err = e;
                }
                rc = EXO_OK;
                exo_err_clear(&e);
            }
        }
        exo_store_close(st);
    }
    if (first && err)
        *err = first_err;
    return first;
}

exo_code exo_scan_run(exo_store *store, const exo_scan_opts *opts,
                      exo_scan **out, exo_err *err)
{
    exo_scan_opts defaults;
    *out = NULL;
    if (!opts) {
        exo_scan_opts_init(&defaults);
        opts = &defaults;
    }
    if (opts->n_ranks && opts->rank >= opts->n_ranks)
        return exo__fail(err, EXO_EINVAL, "rank %zu of %zu", opts->rank,
                         opts->n_ranks);
    exo_scan *sc = exo__calloc(1, sizeof *sc);
    exo_scan_row **to_fit = NULL;
    if (!sc)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    sc->seed = opts->spiral.seed ? opts->spiral.seed : 1;
    sc->level = opts->spiral.level > 0.0 ? opts->spiral.level : 0.95;
    sc->baseline = opts->spiral.baseline;
    sc->per_head = opts->spiral.per_head;
    sc->counted = opts->spiral.counted;
    sc->min_departures = opts->min_departures;
    exo_code rc = plan(store, opts, sc, err);
    if (rc)
        goto out;
    /* This worker's share, largest first (the plan's order), so the
     * threads' dynamic schedule balances as the ranks' plan does. */
    to_fit = exo__calloc(sc->n ? sc->n : 1, sizeof *to_fit);
    if (!to_fit) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    size_t m = 0;
    for (size_t i = 0; i < sc->n; i++)
        if (sc->rows[i].rank == opts->rank)
            to_fit[m++] = &sc->rows[i];
    exo__qsort(to_fit, m, sizeof *to_fit, cmp_size);
    size_t threads = opts->threads;
#ifdef _OPENMP
    if (threads == 0)
        threads = (size_t)omp_get_num_procs();
#endif
    if (threads == 0 || !opts->db_path)
        threads = 1;
    if (threads > m)
        threads = m ? m : 1;
    if (threads == 1) {
        /* One thread: the analyses' own loops use every core. */
        for (size_t i = 0; !rc && i < m; i++)
            rc = fit_row(store, opts, to_fit[i], err);
    } else {
        rc = fit_threads(opts, to_fit, m, threads, err);
    }
    if (rc)
        goto out;
    /* Keep only this worker's rows: exo_scan_merge brings the others. */
    size_t k = 0;
    for (size_t i = 0; i < sc->n; i++) {
        if (sc->rows[i].rank == opts->rank)
            sc->rows[k++] = sc->rows[i];
        else
            exo__free(sc->rows[i].org);
    }
    sc->n = k;
    exo_scan_sort(sc);
out:
    exo__free(to_fit);
    if (rc) {
        exo_scan_release(sc);
        return rc;
    }
    *out = sc;
    return EXO_OK;
}

void exo_scan_release(exo_scan *sc)
{
    if (!sc)
        return;
    for (size_t i = 0; i < sc->n; i++)
        exo__free(sc->rows[i].org);
    exo__free(sc->rows);
    exo__free(sc->rank_orgs);
    exo__free(sc->rank_load);
    exo__free(sc);
}

/* ==== Packing rows for another process of the same build ==== */

/* A row travels as its fixed part with the name pointer and label zeroed,
 * then the name's length and bytes: processes of one build share the
 * struct's layout (an MPI job runs one binary). */
void *exo_scan_pack(const exo_scan *sc, size_t *len)
{
    struct buf b = {0};
    uint64_t n = sc->n;
    bool ok = !exo__buf_add(&b, &n, sizeof n);
    for (size_t i = 0; ok && i < sc->n; i++) {
        exo_scan_row r = sc->rows[i];
        uint64_t nl = strlen(r.org);
        r.org = NULL;
        r.label = NULL;
        ok = !exo__buf_add(&b, &r, sizeof r) &&
             !exo__buf_add(&b, &nl, sizeof nl) &&
             !exo__buf_add(&b, sc->rows[i].org, (size_t)nl);
    }
    if (!ok) {
        exo__buf_release(&b);
        return NULL;
    }
    *len = b.len;
    return exo__buf_detach(&b);
}

/* Takes back the rows a failed merge appended: all or nothing. */
static exo_code merge_fail(exo_scan *sc, size_t n0, exo_code rc)
{
    while (sc->n > n0)
        exo__free(sc->rows[--sc->n].org);
    return rc;
}

exo_code exo_scan_merge(exo_scan *sc, const void *data, size_t len,
                        exo_err *err)
{
    const unsigned char *p = data, *end = p + len;
    uint64_t n;
    if (len < sizeof n)
        return exo__fail(err, EXO_EDATA, "a packed scan of %zu bytes", len);
    memcpy(&n, p, sizeof n);
    p += sizeof n;
    if (n > (uint64_t)(end - p) / sizeof(exo_scan_row))
        return exo__fail(err, EXO_EDATA, "a packed scan claims %llu rows",
                         (unsigned long long)n);
    exo_scan_row *rows =
        exo__reallocarray(sc->rows, sc->n + (size_t)n + 1, sizeof *rows);
    if (!rows)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    sc->rows = rows;
    size_t n0 = sc->n;
    for (uint64_t i = 0; i < n; i++) {
        exo_scan_row r;
        uint64_t nl;
        if ((size_t)(end - p) < sizeof r + sizeof nl)
            return merge_fail(
                sc, n0,
                exo__fail(err, EXO_EDATA, "a packed scan is cut short"));
        memcpy(&r, p, sizeof r);
        memcpy(&nl, p + sizeof r, sizeof nl);
        p += sizeof r + sizeof nl;
        if ((uint64_t)(end - p) < nl || (unsigned)r.kind >= EXO_SPIRAL_N_KINDS)
            return merge_fail(
                sc, n0, exo__fail(err, EXO_EDATA, "a packed scan is corrupt"));
        if (!(r.org = exo__malloc((size_t)nl + 1)))
            return merge_fail(sc, n0,
                              exo__fail(err, EXO_ENOMEM, "out of memory"));
        memcpy(r.org, p, (size_t)nl);
        r.org[nl] = '\0';
        p += nl;
        r.note[sizeof r.note - 1] = '\0';
        r.label = exo_spiral_kind_name(r.kind);
        sc->rows[sc->n++] = r;
    }
    exo_scan_sort(sc);
    return EXO_OK;
}

/* ==== JSON ==== */

static json_t *num(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

static json_t *day(double t)
{
    char d[11];
    exo_date_format((int32_t)floor(t), d);
    return json_string(d);
}

static bool set(json_t *obj, const char *key, json_t *value)
{
    return value && json_object_set_new(obj, key, value) == 0;
}

static json_t *row_json(const exo_scan_row *r)
{
    json_t *o = json_object();
    bool ok = o && set(o, "org", json_string(r->org)) &&
              set(o, "departures", json_integer((json_int_t)r->departures)) &&
              set(o, "seed", json_integer((json_int_t)r->seed)) &&
              set(o, "fitted", json_boolean(r->fitted)) &&
              set(o, "verdict", json_string(r->label));
    if (ok && !r->fitted)
        ok = set(o, "note", json_string(r->note));
    if (ok && r->end > r->start)
        ok =
            set(o, "window", json_pack("[oo]", day(r->start), day(r->end - 1)));
    if (ok)
        ok =
            set(o, "rate_per_head_year",
                r->has_rate ? num(r->rate) : json_null()) &&
            set(o, "headcount",
                r->has_rate ? num(r->headcount) : json_null()) &&
            set(o, "n", num(r->n)) &&
            set(o, "n_interval",
                json_pack("[oo]", num(r->n_lo), num(r->n_hi))) &&
            set(o, "p", num(r->p)) &&
            set(o, "trend_segments", json_integer((json_int_t)r->n_segments)) &&
            set(o, "trend_change", num(r->trend_change));
    if (ok && r->has_forecast)
        ok =
            set(o, "forecast",
                json_pack("{s:o, s:o, s:[oo]}", "horizon_days", num(r->horizon),
                          "mean", num(r->forecast_mean), "interval80",
                          num(r->forecast_lo), num(r->forecast_hi)));
    else if (ok)
        ok = set(o, "forecast", json_null());
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}

char *exo_scan_json(const exo_scan *sc)
{
    json_t *j = json_object(), *rows = json_array();
    bool ok =
        j && rows && set(j, "seed", json_integer((json_int_t)sc->seed)) &&
        set(j, "level", num(sc->level)) &&
        set(j, "baseline",
            json_pack("{sssbsb}", "kind", exo_baseline_name(sc->baseline),
                      "per_head", sc->per_head, "counted", sc->counted)) &&
        set(j, "organisations", json_integer((json_int_t)sc->n)) &&
        set(j, "fitted", json_integer((json_int_t)sc->n_fitted));
    for (size_t i = 0; ok && i < sc->n; i++) {
        json_t *r = row_json(&sc->rows[i]);
        ok = r && json_array_append_new(rows, r) == 0;
    }
    if (!ok) {
        json_decref(rows);
        json_decref(j);
        return NULL;
    }
    if (!set(j, "rows", rows)) { /* set took 'rows' either way */
        json_decref(j);
        return NULL;
    }
    char *text = json_dumps(j, JSON_INDENT(2) | JSON_REAL_PRECISION(17) |
                                   JSON_PRESERVE_ORDER);
    json_decref(j);
    if (!text)
        return NULL;
    char *copy = exo__strdup(text);
    free(text);
    return copy;
}
