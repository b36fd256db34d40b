/*
 * flows.c - who is winning the talent war: the organisation-to-organisation
 * move matrix, each organisation's balance, the flow ratio of each pair
 * with an exact interval, and a ranking by talent attraction.
 *
 * Inputs: n moves as origin and destination indices into n_orgs
 * organisations, with the level left (for weights), an inferred flag and
 * the day; optionally spells (organisation, start, end) for headcounts.
 *
 * Flow ratio. Moves a->b and b->a are modelled as independent Poisson
 * counts with rates r_ab and r_ba. Given their total n = k + m, k is
 * Binomial(n, p) with p = r_ab / (r_ab + r_ba), so the Clopper-Pearson
 * interval for p is exact for p and maps monotonically to one for the
 * ratio r = r_ab / r_ba = p / (1 - p) (the conditional method for a ratio
 * of Poisson rates; Lehmann & Romano, 4.6). Per head, the ratio is
 * (k / H_a) / (m / H_b) with H the average headcounts, treated as known.
 *
 * Ranking. SpringRank (De Bacco, Larremore & Moore, Science Advances 4,
 * eaar8260, 2018) on the count matrix with A[to][from] += 1 per move: a
 * move is a vote for the destination over the origin, and the ranks are
 * the ground state of springs of rest length 1 along each vote. See
 * docs/flows.md. Cost: O(n + n_orgs^2) plus O(n_orgs^3) for the ranks.
 */
#include <math.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_linalg.h>

#include "core/exo.h"
#include "core/vec.h"
#include "model/optim.h"

static const double default_weights[EXO_N_LEVELS] = {1, 5, 3, 2, 1, 1};

void exo_flow_opts_init(exo_flow_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    memcpy(opts->weights, default_weights, sizeof opts->weights);
    opts->level = 0.95;
}

bool exo_rate_ratio_ci(size_t k, size_t m, double level, double *lo, double *hi)
{
    double n = (double)(k + m), a;
    if (!(level > 0.0 && level < 1.0))
        level = 0.95;
    a = 1.0 - level;
    if (k + m == 0) {
        *lo = *hi = (double)NAN;
        return false;
    }
    exo__gsl_init();
    /* One kind of interval throughout: two-sided, a/2 in each tail. With
     * no move back the upper end is infinite and P(K = n) = p^n = a/2 at
     * the lower end; with none forward, the mirror image. */
    if (m == 0) {
        double p = pow(a / 2, 1.0 / n);
        *lo = p / (1.0 - p);
        *hi = (double)INFINITY;
        return true;
    }
    if (k == 0) {
        double q = pow(a / 2, 1.0 / n); /* 1 - p at the upper end */
        *lo = 0.0;
        *hi = (1.0 - q) / q;
        return true;
    }
    /* Clopper-Pearson: p_lo is the a/2 quantile of Beta(k, m + 1) and
     * 1 - p_lo the 1 - a/2 quantile of Beta(m + 1, k); the upper end
     * likewise. Each odds is formed from both tails to keep digits. */
    double p_lo = gsl_cdf_beta_Pinv(a / 2, (double)k, (double)m + 1);
    double q_lo = gsl_cdf_beta_Qinv(a / 2, (double)m + 1, (double)k);
    double p_hi = gsl_cdf_beta_Qinv(a / 2, (double)k + 1, (double)m);
    double q_hi = gsl_cdf_beta_Pinv(a / 2, (double)m, (double)k + 1);
    *lo = p_lo / q_lo;
    *hi = p_hi / q_hi;
    return false;
}

/* Union-find root with path halving. */
static size_t uf_root(size_t *parent, size_t i)
{
    while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    return i;
}

exo_code exo_springrank(size_t n, const double *A, double alpha, double *s,
                        exo_err *err)
{
    exo_code code = EXO_OK;
    gsl_matrix *L = NULL;
    gsl_vector *b = NULL;
    size_t *parent = NULL;
    if (n == 0)
        return EXO_OK;
    if (!(alpha >= 0.0) || !isfinite(alpha))
        return exo__fail(err, EXO_EINVAL,
                         "SpringRank alpha %g (expected 0 or more)", alpha);
    for (size_t i = 0; i < n * n; i++)
        if (!(A[i] >= 0.0) || !isfinite(A[i]))
            return exo__fail(err, EXO_EINVAL,
                             "SpringRank weight [%zu][%zu] is %g (expected "
                             "0 or more)",
                             i / n, i % n, A[i]);
    exo__gsl_init();
    L = gsl_matrix_calloc(n, n);
    b = gsl_vector_calloc(n);
    parent = exo__calloc(n, sizeof *parent);
    if (!L || !b || !parent) {
        code = exo__fail(err, EXO_ENOMEM, "SpringRank on %zu nodes", n);
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        parent[i] = i;
    /* L = D_out + D_in - A - A^T, b = (D_out - D_in) 1. */
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            double w = A[i * n + j];
            if (w == 0.0 || i == j)
                continue;
            *gsl_matrix_ptr(L, i, i) += w;
            *gsl_matrix_ptr(L, j, j) += w;
            *gsl_matrix_ptr(L, i, j) -= w;
            *gsl_matrix_ptr(L, j, i) -= w;
            *gsl_vector_ptr(b, i) += w;
            *gsl_vector_ptr(b, j) -= w;
            size_t ri = uf_root(parent, i), rj = uf_root(parent, j);
            if (ri != rj)
                parent[ri] = rj;
        }
    }
    if (alpha > 0.0) {
        for (size_t i = 0; i < n; i++)
            *gsl_matrix_ptr(L, i, i) += alpha;
    } else {
        /* L is singular along the indicator of each component C. Adding
         * 1_C 1_C^T for every C makes it positive definite; as b sums to
         * 0 on each C, the solution of the new system has mean 0 on each
         * C and still solves L s = b. */
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < n; j++)
                if (uf_root(parent, i) == uf_root(parent, j))
                    *gsl_matrix_ptr(L, i, j) += 1.0;
    }
    int status = gsl_linalg_cholesky_decomp1(L);
    if (!status) {
        gsl_vector_view sv = gsl_vector_view_array(s, n);
        status = gsl_linalg_cholesky_solve(L, b, &sv.vector);
    }
    if (status)
        code = exo__fail(err, EXO_ENUMERIC, "SpringRank system: %s",
                         gsl_strerror(status));
out:
    gsl_matrix_free(L);
    gsl_vector_free(b);
    exo__free(parent);
    return code;
}

void exo_flows_release(exo_flows *f)
{
    if (!f)
        return;
    exo__free(f->count);
    exo__free(f->weighted);
    exo__free(f->orgs);
    exo__free(f->by_rank);
    exo__free(f->pairs);
    memset(f, 0, sizeof *f);
}

static int pair_cmp(const exo_flow_pair *x, const exo_flow_pair *y)
{
    long nx = (long)x->ab - (long)x->ba, ny = (long)y->ab - (long)y->ba;
    double wx = x->w_ab - x->w_ba, wy = y->w_ab - y->w_ba;
    if (nx != ny)
        return nx > ny ? -1 : 1;
    if (wx != wy)
        return wx > wy ? -1 : 1;
    if (x->ab + x->ba != y->ab + y->ba)
        return x->ab + x->ba > y->ab + y->ba ? -1 : 1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return x->b < y->b ? -1 : x->b > y->b;
}

static int pair_qsort(const void *a, const void *b)
{
    return pair_cmp(a, b);
}

/* Average number of spells of each organisation open over [t0, t1]
 * (the headcount at t0 when the window has no length). */
static void headcounts(exo_flows *f, size_t n_spells, const int *org,
                       const double *start, const double *end)
{
    double len = f->t_end - f->t_start;
    for (size_t i = 0; i < f->n_orgs; i++)
        f->orgs[i].headcount = (double)NAN;
    for (size_t i = 0; i < n_spells; i++) {
        if (org[i] < 0 || (size_t)org[i] >= f->n_orgs || !isfinite(start[i]))
            continue;
        exo_flow_org *o = &f->orgs[org[i]];
        double e = isnan(end[i]) ? (double)INFINITY : end[i], add;
        if (isnan(o->headcount))
            o->headcount = 0.0;
        if (len > 0.0) {
            double a = fmax(start[i], f->t_start), b = fmin(e, f->t_end);
            add = b > a ? (b - a) / len : 0.0;
        } else {
            add = start[i] <= f->t_start && f->t_start < e ? 1.0 : 0.0;
        }
        o->headcount += add;
    }
}

exo_code exo_flows_compute(const exo_flow_data *data, const exo_flow_opts *opts,
                           exo_flows *out, exo_err *err)
{
    memset(out, 0, sizeof *out);
    if (!data || (data->n && (!data->from || !data->to)))
        return exo__fail(err, EXO_EINVAL,
                         "no moves to compute flows of (expected 'from' "
                         "and 'to' arrays)");
    size_t n_orgs = data->n_orgs, n = data->n;
    const int *from = data->from, *to = data->to;
    const exo_level *level = data->level;
    const bool *inferred = data->inferred;
    const double *day = data->day;
    exo_code code = EXO_OK;
    double *votes = NULL, *rank = NULL;
    size_t N = n_orgs, cap = 0;
    bool any_weight = false;
    out->n_orgs = N;
    out->level =
        opts && opts->level > 0.0 && opts->level < 1.0 ? opts->level : 0.95;
    for (int l = 0; opts && l < EXO_N_LEVELS; l++)
        any_weight |= opts->weights[l] != 0.0;
    memcpy(out->weights, any_weight ? opts->weights : default_weights,
           sizeof out->weights);
    for (int l = 0; l < EXO_N_LEVELS; l++)
        if (!(out->weights[l] >= 0.0) || !isfinite(out->weights[l]))
            return exo__fail(err, EXO_EINVAL,
                             "weight of level '%s' is %g (expected 0 or more)",
                             l ? exo_level_name((exo_level)l) : "none",
                             out->weights[l]);
    for (size_t i = 0; i < n; i++)
        if (from[i] < 0 || to[i] < 0 || (size_t)from[i] >= N ||
            (size_t)to[i] >= N || from[i] == to[i])
            return exo__fail(err, EXO_EINVAL,
                             "move %zu: organisations %d -> %d (expected two "
                             "different ones in 0..%zu)",
                             i + 1, from[i], to[i], N ? N - 1 : 0);
    out->count = exo__calloc(N * N + 1, sizeof *out->count);
    out->weighted = exo__calloc(N * N + 1, sizeof *out->weighted);
    out->orgs = exo__calloc(N + 1, sizeof *out->orgs);
    out->by_rank = exo__calloc(N + 1, sizeof *out->by_rank);
    votes = exo__calloc(N * N + 1, sizeof *votes);
    rank = exo__calloc(N + 1, sizeof *rank);
    size_t *inferred_count = exo__calloc(N * N + 1, sizeof *inferred_count);
    if (!out->count || !out->weighted || !out->orgs || !out->by_rank ||
        !votes || !rank || !inferred_count) {
        code = exo__fail(err, EXO_ENOMEM, "flows among %zu organisations", N);
        goto out;
    }

    /* The matrices and balances. */
    out->t_start = (double)INFINITY;
    out->t_end = -(double)INFINITY;
    for (size_t i = 0; i < n; i++) {
        size_t a = (size_t)from[i], b = (size_t)to[i];
        exo_level l = level && (unsigned)level[i] < EXO_N_LEVELS
                          ? level[i]
                          : EXO_LEVEL_NONE;
        double w = out->weights[l];
        out->count[a * N + b]++;
        out->weighted[a * N + b] += w;
        votes[b * N + a] += 1.0;
        out->orgs[a].out++;
        out->orgs[b].in++;
        out->orgs[a].w_out += w;
        out->orgs[b].w_in += w;
        if (inferred && inferred[i]) {
            out->n_inferred++;
            inferred_count[a * N + b]++;
        }
        if (day) {
            out->t_start = fmin(out->t_start, day[i]);
            out->t_end = fmax(out->t_end, day[i]);
        }
    }
    out->n_moves = n;
    if (opts && opts->has_window) {
        out->t_start = opts->t_start;
        out->t_end = opts->t_end;
    } else if (!day || n == 0) {
        out->t_start = out->t_end = 0.0;
    }
    for (size_t i = 0; i < N; i++) {
        exo_flow_org *o = &out->orgs[i];
        o->net = (long)o->in - (long)o->out;
        o->w_net = o->w_in - o->w_out;
    }
    headcounts(out,
               data->spell_org && data->spell_start && data->spell_end
                   ? data->n_spells
                   : 0,
               data->spell_org, data->spell_start, data->spell_end);

    /* The pairs, each oriented towards its larger direction. */
    for (size_t a = 0; a < N; a++) {
        for (size_t b = a + 1; b < N; b++) {
            size_t ab = out->count[a * N + b], ba = out->count[b * N + a];
            if (ab + ba == 0)
                continue;
            exo_flow_pair p = {0};
            p.a = ab >= ba ? a : b;
            p.b = ab >= ba ? b : a;
            p.ab = out->count[p.a * N + p.b];
            p.ba = out->count[p.b * N + p.a];
            p.ab_inferred = inferred_count[p.a * N + p.b];
            p.ba_inferred = inferred_count[p.b * N + p.a];
            p.w_ab = out->weighted[p.a * N + p.b];
            p.w_ba = out->weighted[p.b * N + p.a];
            p.ratio = p.ba ? (double)p.ab / (double)p.ba : (double)INFINITY;
            p.unbounded = exo_rate_ratio_ci(p.ab, p.ba, out->level, &p.ratio_lo,
                                            &p.ratio_hi);
            double ha = out->orgs[p.a].headcount;
            double hb = out->orgs[p.b].headcount;
            if (ha > 0.0 && hb > 0.0) {
                double scale = hb / ha;
                p.has_per_head = true;
                p.per_head = p.ratio * scale;
                p.per_head_lo = p.ratio_lo * scale;
                p.per_head_hi = p.ratio_hi * scale;
            }
            if (EXO_VEC_PUSH(out->pairs, out->n_pairs, cap, p)) {
                code = exo__fail(err, EXO_ENOMEM, "out of memory");
                goto out;
            }
        }
    }
    if (out->n_pairs > 1)
        exo__qsort(out->pairs, out->n_pairs, sizeof *out->pairs, pair_qsort);

    /* The ranking. */
    if ((code = exo_springrank(N, votes, opts ? opts->rank_alpha : 0.0, rank,
                               err)))
        goto out;
    for (size_t i = 0; i < N; i++) {
        out->orgs[i].rank = rank[i];
        size_t j = i;
        /* Insertion by score, ties by index: N is small. */
        for (; j > 0 && rank[out->by_rank[j - 1]] < rank[i]; j--)
            out->by_rank[j] = out->by_rank[j - 1];
        out->by_rank[j] = i;
    }
    for (size_t r = 0; r < N; r++)
        out->orgs[out->by_rank[r]].rank_pos = r + 1;
out:
    exo__free(votes);
    exo__free(rank);
    exo__free(inferred_count);
    if (code)
        exo_flows_release(out);
    return code;
}
