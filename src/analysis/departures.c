/*
 * departures.c - what counts as a departure from, or an arrival at, an
 * organisation. Every capability (stats, spiral, survival, flows, the
 * organisation list) takes its departures from here, so the rule is
 * written once:
 *
 *   - a reported move out of the organisation (left, fired, founded
 *     elsewhere) or the end of a spell there is a departure;
 *   - a leave of absence (sabbatical) is its own kind: it counts only when
 *     the filter asks for leaves, since most leaves end in a return;
 *   - the news reports one departure several times ("left in 2024",
 *     "left on 14 May 2024", "joined X from Y"): a person's later report
 *     within a year of the end of the earlier one's precision window, with
 *     no arrival at the organisation in between, is the same departure. It
 *     counts once, at the most precise date reported (the earliest among
 *     equally precise ones). Spells are records, not reports: never folded.
 *   - arrivals fold the same way ("left A for B" and "joined B").
 */
#include <string.h>

#include "core/date.h"
#include "core/exo.h"
#include "analysis/analysis.h"
#include "store/rows.h"

/* A year: how far apart two reports of one move may be, after the end of
 * the first one's precision window (two year-precision reports of one move
 * can sit 366 days apart). */
#define SAME_MOVE_DAYS 365

/* Date order; a person's name, then the record, break ties. */
static int cmp_move_date(const void *a, const void *b)
{
    const exo_move *x = a, *y = b;
    if (x->date.days != y->date.days)
        return x->date.days < y->date.days ? -1 : 1;
    int c = strcmp(x->person, y->person);
    if (c)
        return c;
    return (int)x->from_spell - (int)y->from_spell;
}

/* 'later' reports the move of 'earlier' again. */
static bool same_move(const exo_move *earlier, const exo_move *later)
{
    return !earlier->from_spell && !later->from_spell &&
           strcmp(earlier->person, later->person) == 0 &&
           later->date.days - (earlier->date.days +
                               exo__precision_days(earlier->date.days,
                                                   earlier->date.precision)) <=
               SAME_MOVE_DAYS;
}

/* 'person' arrived at the organisation strictly between days a and b
 * ('arr' in date order). */
static bool arrived_between(const exo_move_list *arr, const char *person,
                            int32_t a, int32_t b)
{
    for (size_t i = 0; i < arr->n && arr->rows[i].date.days < b; i++)
        if (arr->rows[i].date.days > a &&
            strcmp(arr->rows[i].person, person) == 0)
            return true;
    return false;
}

/* Folds repeated reports in 'list' (grouped by person, date order within
 * each), then sorts it by date. 'arr' (may be NULL) separates two
 * departures by an arrival between them. Returns how many were folded. */
static size_t fold_reports(exo_move_list *list, const exo_move_list *arr)
{
    size_t kept = 0, folded = 0;
    for (size_t i = 0; i < list->n; i++) {
        exo_move *m = &list->rows[i];
        exo_move *prev = kept > 0 ? &list->rows[kept - 1] : NULL;
        if (prev && same_move(prev, m) &&
            !(arr &&
              arrived_between(arr, m->person, prev->date.days, m->date.days))) {
            /* Keep the most precise date of the two (precision enums run
             * from day to year). */
            if (m->date.precision < prev->date.precision) {
                exo_move t = *prev;
                *prev = *m;
                *m = t;
            }
            exo__move_release(m);
            folded++;
            continue;
        }
        list->rows[kept++] = *m;
    }
    list->n = kept;
    exo__qsort(list->rows, list->n, sizeof *list->rows, cmp_move_date);
    return folded;
}

exo_code exo_move_list_load_arrivals(exo_store *store, const char *org,
                                     const exo_filter *filter,
                                     exo_move_list *out, exo_err *err)
{
    exo_code code = exo__arrival_rows(store, org, filter, out, err);
    if (!code)
        fold_reports(out, NULL);
    return code;
}

/* The rules on rows as the store gives them: arrivals folded; departures
 * without leaves unless 'filter' asks for them, then folded against the
 * arrivals. */
static void apply_rules(exo_move_list *out, exo_move_list *arr,
                        const exo_filter *filter, size_t *n_folded,
                        size_t *n_leave)
{
    fold_reports(arr, NULL);
    if (!(filter && filter->with_leave)) {
        size_t kept = 0;
        for (size_t i = 0; i < out->n; i++) {
            if (out->rows[i].event == EXO_EVENT_SABBATICAL)
                exo__move_release(&out->rows[i]);
            else
                out->rows[kept++] = out->rows[i];
        }
        if (n_leave)
            *n_leave = out->n - kept;
        out->n = kept;
    }
    size_t folded = fold_reports(out, arr);
    if (n_folded)
        *n_folded = folded;
}

exo_code exo__departures_load(exo_store *store, const char *org,
                              const exo_filter *filter, exo_move_list *out,
                              exo_move_list *arrivals, size_t *n_folded,
                              size_t *n_leave, exo_err *err)
{
    exo_move_list own = {0}, *arr = arrivals ? arrivals : &own;
    exo_code code;
    memset(out, 0, sizeof *out);
    memset(arr, 0, sizeof *arr);
    if (n_folded)
        *n_folded = 0;
    if (n_leave)
        *n_leave = 0;
    if ((code = exo__departure_rows(store, org, filter, out, err)) ||
        (code = exo__arrival_rows(store, org, NULL, arr, err))) {
        exo_move_list_release(out);
        exo_move_list_release(arr);
        return code;
    }
    apply_rules(out, arr, filter, n_folded, n_leave);
    exo_move_list_release(&own);
    return EXO_OK;
}

exo_code exo_move_list_load_departures(exo_store *store, const char *org,
                                       const exo_filter *filter,
                                       exo_move_list *out, size_t *n_folded,
                                       exo_err *err)
{
    return exo__departures_load(store, org, filter, out, NULL, n_folded, NULL,
                                err);
}

/* Most departures first; the store's order (by name) among equals. */
struct ranked {
    exo_org_row row;
    size_t rank;
};

static int cmp_ranked(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    if (x->row.n_departures != y->row.n_departures)
        return x->row.n_departures > y->row.n_departures ? -1 : 1;
    return (x->rank > y->rank) - (x->rank < y->rank);
}

/* Where organisation 'name''s rows start in 'all' (sorted by the name each
 * row's from_org gives, or to_org when 'to'), and '*end' where they end. */
static size_t org_rows_at(const exo_move_list *all, bool to, const char *name,
                          size_t *end)
{
    size_t lo = 0, hi = all->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *at = to ? all->rows[mid].to_org : all->rows[mid].from_org;
        if (!at || strcmp(at, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *end = lo;
    while (*end < all->n) {
        const char *at = to ? all->rows[*end].to_org : all->rows[*end].from_org;
        if (!at || strcmp(at, name) != 0)
            break;
        (*end)++;
    }
    return lo;
}

/* Moves rows [at, end) of 'all' into 'out', which then owns them. */
static exo_code take_rows(exo_move_list *all, size_t at, size_t end,
                          exo_move_list *out, exo_err *err)
{
    memset(out, 0, sizeof *out);
    if (end == at)
        return EXO_OK;
    out->rows = exo__calloc(end - at, sizeof *out->rows);
    if (!out->rows)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    memcpy(out->rows, all->rows + at, (end - at) * sizeof *out->rows);
    memset(all->rows + at, 0, (end - at) * sizeof *out->rows);
    out->n = end - at;
    return EXO_OK;
}

/*
 * Every organisation's rows are read with one query for departures and
 * one for arrivals rather than two per organisation: on a store of many
 * organisations the per-query cost was most of the time (PostgreSQL
 * plans each one over its partitions), and the rules applied to each
 * organisation's rows are exo__departures_load's. Each organisation's
 * rows are found before any is taken out (taking clears them).
 */
exo_code exo_org_list_load(exo_store *store, exo_org_list *out, exo_err *err)
{
    exo_move_list all_deps = {0}, all_arrs = {0};
    size_t *at = NULL;
    exo_code code = exo__org_rows(store, out, err);
    if (!code)
        code = exo__all_departure_rows(store, &all_deps, err);
    if (!code)
        code = exo__all_arrival_rows(store, &all_arrs, err);
    if (!code && !(at = exo__calloc(4 * out->n + 1, sizeof *at)))
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
    for (size_t i = 0; !code && i < out->n; i++) {
        at[4 * i] =
            org_rows_at(&all_deps, false, out->rows[i].name, &at[4 * i + 1]);
        at[4 * i + 2] =
            org_rows_at(&all_arrs, true, out->rows[i].name, &at[4 * i + 3]);
    }
    for (size_t i = 0; !code && i < out->n; i++) {
        exo_move_list deps, arrs = {0};
        if (!(code =
                  take_rows(&all_deps, at[4 * i], at[4 * i + 1], &deps, err)) &&
            !(code = take_rows(&all_arrs, at[4 * i + 2], at[4 * i + 3], &arrs,
                               err))) {
            apply_rules(&deps, &arrs, NULL, NULL, NULL);
            out->rows[i].n_departures = deps.n;
            out->rows[i].n_arrivals = arrs.n;
        }
        exo_move_list_release(&deps);
        exo_move_list_release(&arrs);
    }
    exo__free(at);
    exo_move_list_release(&all_deps);
    exo_move_list_release(&all_arrs);
    if (code) {
        exo_org_list_release(out);
        return code;
    }
    struct ranked *r = exo__calloc(out->n ? out->n : 1, sizeof *r);
    if (!r) {
        exo_org_list_release(out);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < out->n; i++) {
        r[i].row = out->rows[i];
        r[i].rank = i;
    }
    exo__qsort(r, out->n, sizeof *r, cmp_ranked);
    for (size_t i = 0; i < out->n; i++)
        out->rows[i] = r[i].row;
    exo__free(r);
    return EXO_OK;
}
