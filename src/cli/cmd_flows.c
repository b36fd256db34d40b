/*
 * cmd_flows.c - exodus flows: who is winning the talent war. The move
 * matrix between organisations (counts and level-weighted), each
 * organisation's inflow, outflow and balance with its SpringRank and core
 * team, the top net flows with the flow ratio and its exact interval, and
 * with --excitation a multivariate Hawkes fit of departures and arrivals.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char flows_usage[] =
    "usage: exodus flows [--since DATE] [--until DATE] [--level LEVEL,...]\n"
    "                    [--weights founder=5,exec=3,lead=2,ic=1,board=1]\n"
    "                    [--top K] [--gap DAYS] [--excitation ORG ORG...]\n"
    "                    [--decay shared|pair] [--json]";

static const struct opt flows_opts[] = {
    {"since", 0, "DATE", "moves from DATE (YYYY-MM-DD)"},
    {"until", 0, "DATE", "moves to DATE"},
    {"level", 0, "LEVEL,...", "only moves out of these levels"},
    {"weights", 0, "LEVEL=W,...",
     "weight per level left (founder=5,exec=3,"
     "lead=2,ic=1,board=1)"},
    {"top", 0, "K", "net flows listed (default 10)"},
    {"gap", 0, "DAYS",
     "infer a move when a new spell starts within DAYS "
     "(default 365)"},
    {"excitation", 0, "ORG",
     "Hawkes cross-excitation among ORG and the "
     "organisations named after the options (2 to 4)"},
    {"decay", 0, "shared|pair",
     "--excitation: one decay for all pairs (default) or one per pair"},
    {NULL, 0, NULL, NULL},
};

#define EXC_MAX_ORGS 4
#define EXC_SEED 1

/* Moves loaded and their flows, shared by the full view and flows_show. */
struct flows_view {
    exo_flow_data data;
    exo_flows flows;
};

static void view_release(struct flows_view *v)
{
    exo_flows_release(&v->flows);
    exo_flow_data_release(&v->data);
}

static int view_load(struct cli *cli, exo_store *store,
                     const exo_filter *filter, double gap,
                     const exo_flow_opts *opts, struct flows_view *v)
{
    exo_err err = {0};
    exo_flow_opts o = *opts;
    memset(v, 0, sizeof *v);
    if (filter && filter->has_since && filter->has_until) {
        o.has_window = true;
        o.t_start = filter->since;
        o.t_end = filter->until;
    }
    if (exo_flow_data_load(store, filter, gap, &v->data, &err) ||
        exo_flows_compute(&v->data, &o, &v->flows, &err)) {
        view_release(v);
        return cli_fail(cli, &err);
    }
    return 0;
}

/* "3.25" for a ratio; "inf" when infinite. */
static const char *fmt_ratio(char buf[static 32], double r)
{
    if (isinf(r))
        snprintf(buf, 32, "inf");
    else if (isnan(r))
        snprintf(buf, 32, "-");
    else
        snprintf(buf, 32, "%.2f", r);
    return buf;
}

static const char *fmt_interval(char buf[static 80], double lo, double hi)
{
    char a[32], b[32];
    /* Always both ends of the one two-sided interval: with no move back
     * its upper end is infinite, with none forward its lower end 0. */
    if (isnan(lo))
        snprintf(buf, 80, "-");
    else
        snprintf(buf, 80, "%s - %s", fmt_ratio(a, lo), fmt_ratio(b, hi));
    return buf;
}

static void print_top_text(const struct flows_view *v, size_t top)
{
    const exo_flows *f = &v->flows;
    bool per_head = false;
    size_t n = f->n_pairs < top ? f->n_pairs : top;
    for (size_t i = 0; i < n; i++)
        per_head |= f->pairs[i].has_per_head;
    if (f->n_pairs == 0) {
        printf("no moves between organisations with both ends known\n");
        return;
    }
    printf("top net flows (%zu of %zu pairs; ratio = moves / moves back, "
           "two-sided %g%% exact interval)\n",
           n, f->n_pairs, 100 * f->level);
    const char *headers[] = {"from",     "to",      "moves", "back",
                             "net",      "w.net",   "ratio", "interval",
                             "per head", "interval"};
    struct table *t = table_new(per_head ? 10 : 8, headers);
    for (int c = 2; c < 10; c++)
        if (c != 7 && c != 9)
            table_align_right(t, c);
    for (size_t i = 0; i < n; i++) {
        const exo_flow_pair *p = &f->pairs[i];
        char ratio[32], iv[80], ph[32], phi[80];
        if (p->has_per_head) {
            fmt_ratio(ph, p->per_head);
            fmt_interval(phi, p->per_head_lo, p->per_head_hi);
        } else {
            snprintf(ph, sizeof ph, "-");
            snprintf(phi, sizeof phi, "-");
        }
        table_rowf(t, "%s\t%s\t%zu\t%zu\t%ld\t%g\t%s\t%s\t%s\t%s",
                   v->data.orgs[p->a], v->data.orgs[p->b], p->ab, p->ba,
                   (long)p->ab - (long)p->ba, p->w_ab - p->w_ba,
                   fmt_ratio(ratio, p->ratio),
                   fmt_interval(iv, p->ratio_lo, p->ratio_hi), ph, phi);
    }
    table_print(t, stdout, "  ");
    table_free(t);
}

static void print_pair_json(struct json_out *j, const struct flows_view *v,
                            const exo_flow_pair *p)
{
    json_obj_open(j, NULL);
    json_str(j, "from", v->data.orgs[p->a]);
    json_str(j, "to", v->data.orgs[p->b]);
    json_int(j, "moves", (long long)p->ab);
    json_int(j, "back", (long long)p->ba);
    json_int(j, "net", (long long)p->ab - (long long)p->ba);
    json_int(j, "moves_inferred", (long long)p->ab_inferred);
    json_int(j, "back_inferred", (long long)p->ba_inferred);
    json_num(j, "weighted", p->w_ab);
    json_num(j, "weighted_back", p->w_ba);
    json_num(j, "weighted_net", p->w_ab - p->w_ba);
    json_num(j, "ratio", p->ratio);
    json_num(j, "ratio_lo", p->ratio_lo);
    json_num(j, "ratio_hi", p->ratio_hi);
    json_bool(j, "unbounded", p->unbounded);
    if (p->has_per_head) {
        json_num(j, "per_head", p->per_head);
        json_num(j, "per_head_lo", p->per_head_lo);
        json_num(j, "per_head_hi", p->per_head_hi);
    } else {
        json_none(j, "per_head");
        json_none(j, "per_head_lo");
        json_none(j, "per_head_hi");
    }
    json_obj_close(j);
}

static void print_top_json(struct json_out *j, const struct flows_view *v,
                           size_t top)
{
    json_num(j, "level", v->flows.level);
    json_int(j, "n_pairs", (long long)v->flows.n_pairs);
    json_arr_open(j, "top_net_flows");
    for (size_t i = 0; i < v->flows.n_pairs && i < top; i++)
        print_pair_json(j, v, &v->flows.pairs[i]);
    json_arr_close(j);
}

int flows_show(struct cli *cli, exo_store *store, const exo_filter *filter,
               int top, struct json_out *j)
{
    struct flows_view v;
    exo_flow_opts opts;
    exo_flow_opts_init(&opts);
    int status = view_load(cli, store, filter, 0.0, &opts, &v);
    if (status)
        return status;
    if (j)
        print_top_json(j, &v, top > 0 ? (size_t)top : 0);
    else
        print_top_text(&v, top > 0 ? (size_t)top : 0);
    view_release(&v);
    return 0;
}

/* ==== The full view ==== */

struct core_counts {
    bool known;
    size_t founders, founders_left, execs, execs_left;
};

static int load_core(struct cli *cli, exo_store *store,
                     const struct flows_view *v, struct core_counts *core)
{
    for (size_t i = 0; i < v->data.n_orgs; i++) {
        exo_core_team team;
        exo_err err = {0};
        if (exo_core_team_load(store, v->data.orgs[i], &team, &err))
            return cli_fail(cli, &err);
        core[i].known = team.n > 0;
        core[i].founders = team.n_founders;
        core[i].founders_left = team.n_founders_remaining;
        core[i].execs = team.n_execs;
        core[i].execs_left = team.n_execs_remaining;
        exo_core_team_release(&team);
    }
    return 0;
}

static void print_header_text(const struct flows_view *v)
{
    const exo_flows *f = &v->flows;
    char a[11] = "-", b[11] = "-";
    if (f->n_moves) {
        exo_date_format((int32_t)f->t_start, a);
        exo_date_format((int32_t)f->t_end, b);
    }
    printf("flows: %zu moves among %zu organisations (%zu inferred from "
           "spells), %s .. %s\n",
           f->n_moves, f->n_orgs, f->n_inferred, a, b);
    printf("weights by level left: founder=%g exec=%g lead=%g ic=%g "
           "board=%g\n\n",
           f->weights[EXO_LEVEL_FOUNDER], f->weights[EXO_LEVEL_EXEC],
           f->weights[EXO_LEVEL_LEAD], f->weights[EXO_LEVEL_IC],
           f->weights[EXO_LEVEL_BOARD]);
}

static void print_orgs_text(const struct flows_view *v,
                            const struct core_counts *core)
{
    const exo_flows *f = &v->flows;
    bool headcount = false;
    for (size_t i = 0; i < f->n_orgs; i++)
        headcount |= !isnan(f->orgs[i].headcount);
    printf("\norganisations by talent attraction (SpringRank on moves; "
           "core team remaining)\n");
    const char *headers[] = {"rank",  "organisation", "springrank", "in",
                             "out",   "net",          "w.net",      "founders",
                             "execs", "headcount"};
    struct table *t = table_new(headcount ? 10 : 9, headers);
    for (int c = 0; c < 10; c++)
        if (c != 1)
            table_align_right(t, c);
    for (size_t r = 0; r < f->n_orgs; r++) {
        size_t i = f->by_rank[r];
        const exo_flow_org *o = &f->orgs[i];
        char fo[32] = "-", ex[32] = "-", hc[32] = "-";
        if (core[i].known) {
            snprintf(fo, sizeof fo, "%zu/%zu", core[i].founders_left,
                     core[i].founders);
            snprintf(ex, sizeof ex, "%zu/%zu", core[i].execs_left,
                     core[i].execs);
        }
        if (!isnan(o->headcount))
            snprintf(hc, sizeof hc, "%.1f", o->headcount);
        table_rowf(t, "%zu\t%s\t%+.3f\t%zu\t%zu\t%+ld\t%+g\t%s\t%s\t%s",
                   o->rank_pos, v->data.orgs[i], o->rank, o->in, o->out, o->net,
                   o->w_net, fo, ex, hc);
    }
    table_print(t, stdout, "  ");
    table_free(t);
}

static void print_full_json(struct json_out *j, const struct flows_view *v,
                            const struct core_counts *core, size_t top)
{
    const exo_flows *f = &v->flows;
    size_t N = f->n_orgs;
    json_int(j, "moves", (long long)f->n_moves);
    json_int(j, "inferred", (long long)f->n_inferred);
    json_int(j, "organisations", (long long)N);
    if (f->n_moves) {
        json_date(j, "start", (int32_t)f->t_start);
        json_date(j, "end", (int32_t)f->t_end);
    } else {
        json_none(j, "start");
        json_none(j, "end");
    }
    json_obj_open(j, "weights");
    for (int l = 1; l < EXO_N_LEVELS; l++)
        json_num(j, exo_level_name((exo_level)l), f->weights[l]);
    json_obj_close(j);
    print_top_json(j, v, top);
    json_arr_open(j, "orgs");
    for (size_t r = 0; r < N; r++) {
        size_t i = f->by_rank[r];
        const exo_flow_org *o = &f->orgs[i];
        json_obj_open(j, NULL);
        json_str(j, "name", v->data.orgs[i]);
        json_int(j, "rank", (long long)o->rank_pos);
        json_num(j, "springrank", o->rank);
        json_int(j, "in", (long long)o->in);
        json_int(j, "out", (long long)o->out);
        json_int(j, "net", o->net);
        json_num(j, "weighted_in", o->w_in);
        json_num(j, "weighted_out", o->w_out);
        json_num(j, "weighted_net", o->w_net);
        json_num(j, "headcount", o->headcount);
        if (core[i].known) {
            json_int(j, "founders", (long long)core[i].founders);
            json_int(j, "founders_remaining", (long long)core[i].founders_left);
            json_int(j, "execs", (long long)core[i].execs);
            json_int(j, "execs_remaining", (long long)core[i].execs_left);
        }
        json_obj_close(j);
    }
    json_arr_close(j);
    json_arr_open(j, "pairs");
    for (size_t i = 0; i < f->n_pairs; i++)
        print_pair_json(j, v, &f->pairs[i]);
    json_arr_close(j);
    json_obj_open(j, "matrix");
    json_arr_open(j, "orgs");
    for (size_t i = 0; i < N; i++)
        json_str(j, NULL, v->data.orgs[i]);
    json_arr_close(j);
    json_arr_open(j, "counts");
    for (size_t a = 0; a < N; a++) {
        json_arr_open(j, NULL);
        for (size_t b = 0; b < N; b++)
            json_int(j, NULL, (long long)f->count[a * N + b]);
        json_arr_close(j);
    }
    json_arr_close(j);
    json_arr_open(j, "weighted");
    for (size_t a = 0; a < N; a++) {
        json_arr_open(j, NULL);
        for (size_t b = 0; b < N; b++)
            json_num(j, NULL, f->weighted[a * N + b]);
        json_arr_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}

/* ==== Cross-excitation ==== */

static double precision_width(exo_date d)
{
    int y, m, dd;
    if (d.precision == EXO_PREC_DAY)
        return 1.0;
    exo_civil_from_days(d.days, &y, &m, &dd);
    if (d.precision == EXO_PREC_YEAR)
        return exo_days_from_civil(y + 1, 1, 1) - exo_days_from_civil(y, 1, 1);
    return (m == 12 ? exo_days_from_civil(y + 1, 1, 1)
                    : exo_days_from_civil(y, m + 1, 1)) -
           exo_days_from_civil(y, m, 1);
}

struct event {
    double t;
    int dim;
};

static int event_cmp(const void *pa, const void *pb)
{
    const struct event *a = pa, *b = pb;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    return a->dim - b->dim;
}

/* Appends the events of 'list' as stream 'dim', each spread uniformly
 * over its date's precision window (seed derived from the stream). */
static exo_code push_stream(const exo_move_list *list, int dim,
                            struct event *ev, size_t *n, exo_err *err)
{
    double *t = calloc(list->n + 1, sizeof *t);
    double *w = calloc(list->n + 1, sizeof *w);
    exo_code code = EXO_OK;
    if (!t || !w) {
        free(t), free(w);
        return EXO_ENOMEM;
    }
    for (size_t i = 0; i < list->n; i++) {
        t[i] = list->rows[i].date.days;
        w[i] = precision_width(list->rows[i].date);
    }
    code = exo_hawkes_spread_ties(t, w, list->n, EXC_SEED + (uint64_t)dim, err);
    for (size_t i = 0; !code && i < list->n; i++) {
        ev[*n].t = t[i];
        ev[*n].dim = dim;
        (*n)++;
    }
    free(t);
    free(w);
    return code;
}

static int excitation(struct cli *cli, exo_store *store,
                      const exo_filter *filter, char **names, size_t k,
                      bool pair_decay, struct json_out *j)
{
    exo_err err = {0};
    char *org[EXC_MAX_ORGS] = {0};
    exo_move_list dep[EXC_MAX_ORGS] = {{0}}, arr[EXC_MAX_ORGS] = {{0}};
    struct event *ev = NULL;
    double *times = NULL;
    int *dims = NULL;
    exo_mhawkes fit = {0};
    size_t total = 0, n = 0, D = 2 * k;
    int status = 0;
    for (size_t i = 0; i < k; i++) {
        if (exo_org_resolve(store, names[i], &org[i], &err) ||
            exo_move_list_load_departures(store, org[i], filter, &dep[i], NULL,
                                          &err) ||
            exo_move_list_load_arrivals(store, org[i], filter, &arr[i], &err)) {
            status = cli_fail(cli, &err);
            goto out;
        }
        for (size_t m = 0; m < i; m++)
            if (strcmp(org[m], org[i]) == 0) {
                status = cli_usage_error(cli,
                                         "--excitation: '%s' is named "
                                         "twice",
                                         org[i]);
                goto out;
            }
        total += dep[i].n + arr[i].n;
    }
    ev = calloc(total + 1, sizeof *ev);
    times = calloc(total + 1, sizeof *times);
    dims = calloc(total + 1, sizeof *dims);
    if (!ev || !times || !dims) {
        fprintf(stderr, "exodus: out of memory\n");
        status = CLI_EXIT_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < k; i++) {
        exo_code code = push_stream(&dep[i], (int)(2 * i), ev, &n, &err);
        if (!code)
            code = push_stream(&arr[i], (int)(2 * i + 1), ev, &n, &err);
        if (code) {
            if (code == EXO_ENOMEM)
                err.code = EXO_ENOMEM,
                snprintf(err.msg, sizeof err.msg, "out of memory");
            status = cli_fail(cli, &err);
            goto out;
        }
    }
    cli_qsort(ev, n, sizeof *ev, event_cmp);
    for (size_t i = 0; i < n; i++) {
        times[i] = ev[i].t;
        dims[i] = ev[i].dim;
    }
    exo_hawkes_opts hopts;
    exo_hawkes_opts_init(&hopts);
    if (filter && filter->has_since && filter->has_until) {
        hopts.has_window = true;
        hopts.t_start = filter->since;
        hopts.t_end = filter->until + 1.0;
    }
    hopts.pair_decay = pair_decay;
    if (exo_mhawkes_fit(times, dims, n, D, &hopts, &fit, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    /* The normal quantile of the fit's level (1.96 at 95%), from the
     * fit's own interval: hi = n + z SE. */
    double z = 1.959963984540054;
    for (size_t q = 0; q < D * D; q++)
        if (isfinite(fit.branching_se[q]) && fit.branching_se[q] > 0.0) {
            z = (fit.branching_hi[q] - fit.branching[q]) / fit.branching_se[q];
            break;
        }
    if (j) {
        json_obj_open(j, "excitation");
        json_int(j, "events", (long long)fit.n_events);
        json_int(j, "seed", EXC_SEED);
        json_num(j, "beta", fit.beta);
        json_num(j, "beta_se", fit.beta_se);
        json_num(j, "spectral_radius", fit.spectral_radius);
        json_num(j, "spectral_radius_se", fit.spectral_radius_se);
        json_str(j, "decay", fit.pair_decay ? "pair" : "shared");
        json_num(j, "level", fit.level);
        json_num(j, "spectral_radius_lo", fit.spectral_radius_lo);
        json_num(j, "spectral_radius_hi", fit.spectral_radius_hi);
        json_num(j, "loglik", fit.loglik);
        json_num(j, "loglik_shared_decay", fit.loglik_shared);
        json_num(j, "loglik_poisson", fit.loglik_poisson);
        json_bool(j, "converged", fit.converged);
        json_arr_open(j, "streams");
        for (size_t i = 0; i < k; i++) {
            for (int s = 0; s < 2; s++) {
                size_t d = 2 * i + (size_t)s;
                json_obj_open(j, NULL);
                json_str(j, "org", org[i]);
                json_str(j, "kind", s ? "arrivals" : "departures");
                json_int(j, "events", (long long)fit.n_per_dim[d]);
                json_num(j, "mu", fit.mu[d]);
                json_num(j, "mu_se", fit.mu_se[d]);
                json_obj_close(j);
            }
        }
        json_arr_close(j);
        json_arr_open(j, "cross");
    } else {
        printf("\ncross-excitation: departures from A -> arrivals at B "
               "(%zu events, %zu streams,\n",
               fit.n_events, D);
        if (fit.pair_decay)
            printf("dates spread within their precision, seed %d; one decay "
                   "per pair, log L %+.2f\nover one shared decay)\n",
                   EXC_SEED, fit.loglik - fit.loglik_shared);
        else
            printf("dates spread within their precision, seed %d; decay beta "
                   "%.4g /day, SE %.2g)\n",
                   EXC_SEED, fit.beta, fit.beta_se);
    }
    const char *headers[] = {
        "departures from",   "arrivals at", "alpha",        "SE",
        "n (per departure)", "SE of n",     "95% interval", "raises?",
        "decay /day (SE)"};
    struct table *t = j ? NULL : table_new(fit.pair_decay ? 9 : 8, headers);
    for (int c = 2; t && c < 6; c++)
        table_align_right(t, c);
    for (size_t a = 0; a < k; a++) {
        for (size_t b = 0; b < k; b++) {
            if (a == b)
                continue;
            size_t row = 2 * b + 1, col = 2 * a;
            double al = fit.alpha[row * D + col];
            double se = fit.alpha_se[row * D + col];
            double nb = fit.branching[row * D + col];
            double nse = fit.branching_se[row * D + col];
            double lo = fit.branching_lo[row * D + col];
            double hi = fit.branching_hi[row * D + col];
            double dk = fit.beta_pair[row * D + col];
            double bse = fit.beta_pair_se[row * D + col];
            bool raises = isfinite(se) && al - z * se > 0.0;
            if (j) {
                json_obj_open(j, NULL);
                json_str(j, "departures_from", org[a]);
                json_str(j, "arrivals_at", org[b]);
                json_num(j, "alpha", al);
                json_num(j, "alpha_se", se);
                json_num(j, "branching", nb);
                json_num(j, "branching_se", nse);
                json_num(j, "branching_lo", lo);
                json_num(j, "branching_hi", hi);
                json_bool(j, "raises", raises);
                json_num(j, "beta", dk);
                json_num(j, "beta_se", bse);
                json_obj_close(j);
            } else {
                char iv[64], dc[64];
                if (isfinite(nse))
                    snprintf(iv, sizeof iv, "%.3f - %.3f", lo, hi);
                else
                    snprintf(iv, sizeof iv, "-");
                if (isfinite(dk))
                    snprintf(dc, sizeof dc, "%.3g (%.2g)", dk, bse);
                else
                    snprintf(dc, sizeof dc, "-");
                table_rowf(t, "%s\t%s\t%.3g\t%.2g\t%.3f\t%.2g\t%s\t%s\t%s",
                           org[a], org[b], al, se, nb, nse, iv,
                           raises ? "yes" : "not shown", dc);
            }
        }
    }
    if (j) {
        json_arr_close(j);
        json_obj_close(j);
    } else {
        table_print(t, stdout, "  ");
        table_free(t);
        printf("  n is alpha/beta: arrivals at B triggered per departure from "
               "A (SE and Wald interval\n"
               "  by the delta method, cut at 0); a move from A to B is "
               "itself one such departure\n"
               "  and arrival. Spectral radius %.3f (SE %.2g; %g%% CI "
               "%.2f-%.2f, Wald)%s.\n",
               fit.spectral_radius, fit.spectral_radius_se, 100.0 * fit.level,
               fit.spectral_radius_lo, fit.spectral_radius_hi,
               fit.converged ? "" : " (not converged)");
    }
out:
    for (size_t i = 0; i < k; i++) {
        exo_free(org[i]);
        exo_move_list_release(&dep[i]);
        exo_move_list_release(&arr[i]);
    }
    exo_mhawkes_release(&fit);
    free(ev);
    free(times);
    free(dims);
    return status;
}

/* "founder=5,exec=3" into 'weights' (levels not named keep theirs). */
static int parse_weights(struct cli *cli, const char *text, double *weights)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(tok, '=');
        exo_level level;
        double w;
        if (!eq)
            return cli_usage_error(cli, "--weights: '%s' is not LEVEL=WEIGHT",
                                   tok);
        *eq = '\0';
        if (!exo_level_parse(tok, &level))
            return cli_usage_error(cli,
                                   "--weights: unknown level '%s' (expected "
                                   "founder, exec, lead, ic or board)",
                                   tok);
        if (cli_parse_double(cli, "weights", eq + 1, &w))
            return CLI_EXIT_USAGE;
        if (w < 0)
            return cli_usage_error(cli,
                                   "--weights: weight %g of '%s' is "
                                   "negative",
                                   w, tok);
        weights[level] = w;
    }
    return 0;
}

int cmd_flows(struct cli *cli, int argc, char **argv)
{
    const char *arg, *exc_first = NULL;
    exo_filter filter = {0};
    exo_flow_opts opts;
    long top = 10, gap = 365;
    bool pair_decay = false, has_decay = false;
    int first, c, rc;
    exo_flow_opts_init(&opts);
    while ((c = cli_next_opt(cli, flows_usage, flows_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            if ((rc = cli_parse_date(cli, "since", arg, &filter.since)))
                return rc;
            filter.has_since = true;
            break;
        case 1:
            if ((rc = cli_parse_date(cli, "until", arg, &filter.until)))
                return rc;
            filter.has_until = true;
            break;
        case 2:
            if ((rc = cli_parse_levels(cli, arg, &filter.level_mask)))
                return rc;
            break;
        case 3:
            if ((rc = parse_weights(cli, arg, opts.weights)))
                return rc;
            break;
        case 4:
            if ((rc = cli_parse_long(cli, "top", arg, &top)))
                return rc;
            if (top < 0)
                return cli_usage_error(cli, "--top: %ld is negative", top);
            break;
        case 5:
            if ((rc = cli_parse_long(cli, "gap", arg, &gap)))
                return rc;
            if (gap <= 0 || gap > 100000)
                return cli_usage_error(cli,
                                       "--gap: %ld days (expected 1 to "
                                       "100000)",
                                       gap);
            break;
        case 6:
            exc_first = arg;
            break;
        case 7:
            if (strcmp(arg, "pair") == 0)
                pair_decay = true;
            else if (strcmp(arg, "shared") == 0)
                pair_decay = false;
            else
                return cli_usage_error(cli,
                                       "unknown --decay '%s' (expected "
                                       "shared or pair)",
                                       arg);
            has_decay = true;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    char *exc[EXC_MAX_ORGS];
    size_t n_exc = 0;
    if (!exc_first && first < argc)
        return cli_usage_error(cli, "unexpected argument '%s'", argv[first]);
    if (exc_first) {
        size_t want = 1 + (size_t)(argc - first);
        if (want < 2 || want > EXC_MAX_ORGS)
            return cli_usage_error(cli,
                                   "--excitation takes 2 to %d "
                                   "organisations, not %zu",
                                   EXC_MAX_ORGS, want);
        exc[n_exc++] = (char *)exc_first;
        for (int i = first; i < argc; i++)
            exc[n_exc++] = argv[i];
    }
    if (has_decay && !exc_first)
        return cli_usage_error(cli, "--decay applies to --excitation");
    if (filter.has_since && filter.has_until && filter.until < filter.since)
        return cli_usage_error(cli, "--until is before --since");
    exo_store *store;
    exo_err err = {0};
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err))
        return cli_fail(cli, &err);
    struct flows_view v;
    struct core_counts *core = NULL;
    struct json_out j;
    int status = view_load(cli, store, &filter, (double)gap, &opts, &v);
    if (status) {
        exo_store_close(store);
        return status;
    }
    core = calloc(v.data.n_orgs + 1, sizeof *core);
    if (!core) {
        fprintf(stderr, "exodus: out of memory\n");
        status = CLI_EXIT_NOMEM;
        goto out;
    }
    if ((status = load_core(cli, store, &v, core)))
        goto out;
    if (cli->json) {
        json_begin(&j, stdout);
        print_full_json(&j, &v, core, (size_t)top);
    } else {
        print_header_text(&v);
        print_top_text(&v, (size_t)top);
        print_orgs_text(&v, core);
    }
    if (n_exc)
        status = excitation(cli, store, &filter, exc, n_exc, pair_decay,
                            cli->json ? &j : NULL);
    if (cli->json && status == 0)
        json_end(&j);
out:
    free(core);
    view_release(&v);
    exo_store_close(store);
    return status;
}
