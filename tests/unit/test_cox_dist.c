/*
 * test_cox_dist.c - Cox across workers (src/model/cox_dist.c) against
 * exo_cox_fit on all the rows (itself R's coxph to 1e-10, test_cox.c).
 * The workers are threads here, joined by a barrier: the same exchanges
 * MPI makes under exodus-mpi (tests/cli/96xx run that), without mpirun.
 * Tolerance 1e-9 relative (the issue's): the two fits take the same
 * Newton steps and differ only in the order of additions, about 1e-14.
 */
#include <pthread.h>
#include <stdlib.h>

#include "survref.h"

#define MAX_WORKERS 8
#define DIST_TOL 1e-9

struct team {
    int size;
    pthread_barrier_t bar;
    const double *in[MAX_WORKERS];
    size_t n[MAX_WORKERS];
    double *result;
};

struct member {
    struct team *t;
    int rank;
    /* this worker's rows */
    size_t n, p;
    double *start, *stop, *x;
    int *event, *strata;
    exo_ties ties;
    exo_cox fit;
    exo_cox_dist_stats stats;
    exo_code rc;
    exo_err err;
};

/* Rank 0 adds the workers' arrays in rank order; everyone copies. */
static int team_sum(double *buf, size_t n, void *ud)
{
    struct member *m = ud;
    struct team *t = m->t;
    t->in[m->rank] = buf;
    t->n[m->rank] = n;
    pthread_barrier_wait(&t->bar);
    if (m->rank == 0) {
        t->result = calloc(n ? n : 1, sizeof *t->result);
        for (int r = 0; r < t->size; r++)
            for (size_t k = 0; k < n; k++)
                t->result[k] += t->in[r][k];
    }
    pthread_barrier_wait(&t->bar);
    memcpy(buf, t->result, n * sizeof *buf);
    pthread_barrier_wait(&t->bar);
    if (m->rank == 0)
        free(t->result);
    return 0;
}

static int team_gather(const double *mine, size_t n, double **all,
                       size_t *n_all, void *ud)
{
    struct member *m = ud;
    struct team *t = m->t;
    t->in[m->rank] = mine;
    t->n[m->rank] = n;
    pthread_barrier_wait(&t->bar);
    size_t tot = 0;
    for (int r = 0; r < t->size; r++)
        tot += t->n[r];
    *all = malloc((tot ? tot : 1) * sizeof **all);
    *n_all = 0;
    for (int r = 0; r < t->size; r++) {
        memcpy(*all + *n_all, t->in[r], t->n[r] * sizeof **all);
        *n_all += t->n[r];
    }
    pthread_barrier_wait(&t->bar);
    return 0;
}

static void *worker(void *arg)
{
    struct member *m = arg;
    exo_cox_comm comm = {team_sum, team_gather, m};
    exo_cox_opts o = {.ties = m->ties};
    m->rc = exo_cox_fit_dist(m->n, m->p, m->start, m->stop, m->event, m->x,
                             m->strata, &o, &comm, &m->fit, &m->stats, &m->err);
    return NULL;
}

/* Row i goes to worker owner(i): round robin, or blocks by stratum. */
static int owner(size_t i, const int *strata, int size, bool by_stratum)
{
    if (by_stratum && strata)
        return strata[i] % size;
    return (int)(i % (size_t)size);
}

/* Fits 'd' on 'size' threads and on one, and compares. */
static void check_split(const exo_survival_data *d, int size, exo_ties ties,
                        bool by_stratum, const int *strata)
{
    exo_cox one = {0};
    exo_err err = {0};
    exo_cox_opts o = {.ties = ties, .no_concordance = true};
    cr_assert_eq(exo_cox_fit(d->n, d->p, d->start, d->stop, d->event, d->x,
                             strata, &o, &one, &err),
                 EXO_OK, "%s", err.msg);
    struct team t = {.size = size};
    struct member m[MAX_WORKERS];
    pthread_t th[MAX_WORKERS];
    pthread_barrier_init(&t.bar, NULL, (unsigned)size);
    size_t p = d->p;
    for (int r = 0; r < size; r++) {
        struct member *w = &m[r];
        memset(w, 0, sizeof *w);
        w->t = &t;
        w->rank = r;
        w->p = p;
        w->ties = ties;
        size_t k = 0;
        for (size_t i = 0; i < d->n; i++)
            k += owner(i, strata, size, by_stratum) == r;
        w->n = k;
        w->stop = calloc(k + 1, sizeof *w->stop);
        w->start = d->start ? calloc(k + 1, sizeof *w->start) : NULL;
        w->event = calloc(k + 1, sizeof *w->event);
        w->strata = strata ? calloc(k + 1, sizeof *w->strata) : NULL;
        w->x = calloc(k * p + 1, sizeof *w->x);
        size_t q = 0;
        for (size_t i = 0; i < d->n; i++) {
            if (owner(i, strata, size, by_stratum) != r)
                continue;
            w->stop[q] = d->stop[i];
            if (d->start)
                w->start[q] = d->start[i];
            w->event[q] = d->event[i];
            if (strata)
                w->strata[q] = strata[i];
            for (size_t c = 0; c < p; c++)
                w->x[c * k + q] = d->x[c * d->n + i];
            q++;
        }
        pthread_create(&th[r], NULL, worker, w);
    }
    for (int r = 0; r < size; r++)
        pthread_join(th[r], NULL);
    pthread_barrier_destroy(&t.bar);
    for (int r = 0; r < size; r++) {
        struct member *w = &m[r];
        cr_assert_eq(w->rc, EXO_OK, "worker %d: %s", r, w->err.msg);
        cr_expect_eq(w->fit.n, one.n);
        cr_expect_eq(w->fit.n_events, one.n_events);
        cr_expect_eq(w->fit.n_missing, one.n_missing);
        cr_expect_eq(w->fit.iterations, one.iterations);
        expect_rel(w->fit.loglik, one.loglik, DIST_TOL, "loglik");
        expect_rel(w->fit.loglik_null, one.loglik_null, DIST_TOL, "null");
        for (size_t k = 0; k < p; k++) {
            expect_rel(w->fit.coef[k], one.coef[k], DIST_TOL, "coef");
            expect_rel(w->fit.se[k], one.se[k], DIST_TOL, "se");
        }
        expect_rel(w->fit.score_test, one.score_test, DIST_TOL, "score");
        /* every worker holds the same answer, to the bit */
        cr_expect_eq(memcmp(w->fit.coef, m[0].fit.coef, p * sizeof(double)), 0);
        /* strata dealt whole to the workers (or one worker): each sends
         * only log L, score and information */
        bool nested = by_stratum || size == 1;
        cr_expect_eq(w->stats.nested, nested, "worker %d nested %d", r,
                     (int)w->stats.nested);
        if (nested)
            cr_expect_eq(w->stats.doubles_per_sum, 1 + p + p * p);
    }
    for (int r = 0; r < size; r++) {
        struct member *w = &m[r];
        exo_cox_release(&w->fit);
        free(w->stop);
        free(w->start);
        free(w->event);
        free(w->strata);
        free(w->x);
    }
    exo_cox_release(&one);
}

static const exo_survival_spec heart_spec = {
    .time = "stop",
    .start = "start",
    .event = "event",
    .cox = "age + year + surgery + transplant"};

static const exo_survival_spec lung_spec = {
    .time = "time", .event = "status", .cox = "age + sex + ph.ecog"};

Test(cox_dist, heart_counting_process_efron_3_workers)
{
    exo_survival_data d = {0};
    ref_data("heart.csv", &heart_spec, &d);
    check_split(&d, 3, EXO_TIES_EFRON, false, NULL);
    exo_survival_data_release(&d);
}

Test(cox_dist, heart_counting_process_breslow_2_workers)
{
    exo_survival_data d = {0};
    ref_data("heart.csv", &heart_spec, &d);
    check_split(&d, 2, EXO_TIES_BRESLOW, false, NULL);
    exo_survival_data_release(&d);
}

/* Right-censored, one row without ph.ecog left out on its worker. */
Test(cox_dist, lung_efron_4_workers_with_missing)
{
    exo_survival_data d = {0};
    ref_data("lung.csv", &lung_spec, &d);
    check_split(&d, 4, EXO_TIES_EFRON, false, NULL);
    exo_survival_data_release(&d);
}

/* More workers than some strata have rows; strata across workers (every
 * stratum's risk sets add over the workers) and nested in them. */
Test(cox_dist, lung_stratified_by_sex_across_and_nested)
{
    exo_survival_data d = {0};
    ref_data("lung.csv", &lung_spec, &d);
    int *strata = calloc(d.n, sizeof *strata);
    for (size_t i = 0; i < d.n; i++)
        strata[i] = (int)(d.x[1 * d.n + i]) == 2; /* sex: 1 or 2 */
    /* sex is constant within a stratum: fit age and ph.ecog only */
    exo_survival_data two = d;
    double *x2 = calloc(2 * d.n, sizeof *x2);
    memcpy(x2, d.x, d.n * sizeof *x2);
    memcpy(x2 + d.n, d.x + 2 * d.n, d.n * sizeof *x2);
    two.x = x2;
    two.p = 2;
    check_split(&two, 3, EXO_TIES_EFRON, false, strata);
    check_split(&two, 2, EXO_TIES_EFRON, true, strata);
    check_split(&two, 5, EXO_TIES_BRESLOW, true, strata);
    free(x2);
    free(strata);
    exo_survival_data_release(&d);
}

/* One worker is the single-process fit. */
Test(cox_dist, one_worker)
{
    exo_survival_data d = {0};
    ref_data("heart.csv", &heart_spec, &d);
    check_split(&d, 1, EXO_TIES_EFRON, false, NULL);
    exo_survival_data_release(&d);
}
