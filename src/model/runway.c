/*
 * runway.c - the monthly stock-and-flow model of cash, headcount,
 * employee dilution, revenue and valuation (docs/runway.md states every
 * equation), its deterministic run, the Monte Carlo fan and the loop gain.
 *
 * One function, simulate(), runs a path. With a generator it draws the
 * uncertain inputs, departures (binomial), hires (stochastic rounding) and
 * round outcomes; without one every input sits at its central value,
 * flows are their expectations and a round closes when its probability is
 * at least 0.5. The loop gain reruns the deterministic path with a shock
 * and with links cut, by finite differences.
 *
 * Randomness: gsl_rng (taus2). Path p reseeds its thread's generator with
 * a seed derived from (seed, p) by splitmix64 and writes only its own
 * slots; every reduction runs afterwards in path order, so the numbers do
 * not depend on the number of threads.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>

#include "core/exo.h"

#define LOOP_SHOCK 0.01 /* extra departures: this share of headcount */

static const double band_p[EXO_RUNWAY_N_Q] = {0.025, 0.10, 0.50, 0.90, 0.975};

/* fmin and fmax without the NaN rules, which keep them calls into libm;
 * nothing here is NaN. */
static double min2(double a, double b)
{
    return a < b ? a : b;
}

static double max2(double a, double b)
{
    return a > b ? a : b;
}

static double clamp(double x, double lo, double hi)
{
    return x < lo ? lo : x > hi ? hi : x;
}

double exo_dist_center(const exo_dist *d)
{
    double v = d->a;
    if (d->kind == EXO_DIST_UNIFORM)
        v = 0.5 * (d->a + d->b);
    return clamp(v, d->lo, d->hi);
}

/* A draw from 'd', or its central value when 'r' is NULL. */
static double draw(gsl_rng *r, const exo_dist *d)
{
    double v;
    if (!r)
        return exo_dist_center(d);
    switch (d->kind) {
    case EXO_DIST_NORMAL:
        v = d->a + gsl_ran_gaussian_ziggurat(r, d->b);
        break;
    case EXO_DIST_LOGNORMAL:
        v = d->a * exp(gsl_ran_gaussian_ziggurat(r, d->b));
        break;
    case EXO_DIST_UNIFORM:
        v = d->a + (d->b - d->a) * gsl_rng_uniform(r);
        break;
    case EXO_DIST_FIXED:
    default:
        v = d->a;
        break;
    }
    return clamp(v, d->lo, d->hi);
}

const char *exo_runway_link_name(exo_runway_link link)
{
    switch (link) {
    case EXO_LINK_ATTRITION_REVENUE:
        return "attrition -> revenue";
    case EXO_LINK_REVENUE_MONEY:
        return "revenue -> money";
    case EXO_LINK_MONEY_DILUTION:
        return "money -> dilution";
    case EXO_LINK_DILUTION_ATTRITION:
        return "dilution -> attrition";
    }
    return "unknown link";
}

/* How one path runs: randomness, and the loop-gain interventions. */
struct sim_ctl {
    gsl_rng *r;               /* NULL: the deterministic run */
    bool no_death;            /* keep going below zero cash (loop gain) */
    double shock;             /* extra departures in month 1 */
    const double *dil_hazard; /* NULL: own dilution; else D_t imposed */
    /* Non-NULL: the trigger fires in exactly these months (1 = a round
     * closed there on the base path), so round timing is held fixed. */
    const unsigned char *trigger_at;
};

/* Per-month series (each months + 1, any may be NULL) and totals. */
struct sim_out {
    double *cash, *hc, *dil, *rev, *val, *deps;
    unsigned char *triggered; /* months where a triggered round closed */
    double cashout;
    size_t n_rounds;
    double cum_deps, cum_rev, cum_burn;
};

/* Closes a round of 'size' at pre-money 'pre'; false if it cannot price. */
static bool close_round(double size, double pre, double *cash, double *retained,
                        double *val, size_t *n_rounds)
{
    if (!(size > 0.0) || !(pre > 0.0))
        return false;
    *retained *= 1.0 - size / (pre + size);
    *cash += size;
    *val = pre + size;
    (*n_rounds)++;
    return true;
}

/* Stochastic rounding: floor(x) plus one with probability frac(x). */
static double round_random(gsl_rng *r, double x)
{
    double f = floor(x);
    return f + (gsl_rng_uniform(r) < x - f ? 1.0 : 0.0);
}

/*
 * Runs one path of 'sc' over 'months'. 'hist' is scratch of months + 1
 * doubles for departures when out->deps is NULL.
 */
static void simulate(const exo_runway_scenario *sc, int months,
                     const struct sim_ctl *ctl, struct sim_out *out,
                     double *hist)
{
    gsl_rng *r = ctl->r;
    size_t nl = sc->n_levels;
    double H[EXO_RUNWAY_MAX_LEVELS], H0[EXO_RUNWAY_MAX_LEVELS];
    double T[EXO_RUNWAY_MAX_LEVELS]; /* talent: ramped-up staff */
    double cost[EXO_RUNWAY_MAX_LEVELS], haz[EXO_RUNWAY_MAX_LEVELS];
    double *A = out->deps ? out->deps : hist;
    /* The path's inputs, drawn once in a fixed order. */
    double cash = draw(r, &sc->cash_usd);
    double R = draw(r, &sc->revenue_usd_per_month);
    double g0 = draw(r, &sc->revenue_growth_per_month);
    double eps = draw(r, &sc->growth_talent_elasticity);
    double K = draw(r, &sc->compute_usd_per_month);
    double gc = draw(r, &sc->compute_growth_per_month);
    double other = draw(r, &sc->other_costs_usd_per_month);
    double H_tot = 0.0;
    for (size_t l = 0; l < nl; l++) {
        H[l] = H0[l] = T[l] = sc->levels[l].headcount;
        cost[l] = draw(r, &sc->levels[l].cost_usd_per_year) / 12.0;
        haz[l] = draw(r, &sc->levels[l].attrition_per_year) / 12.0;
        H_tot += H[l];
    }
    double hire_max = draw(r, &sc->hiring_max_per_month);
    double kd = draw(r, &sc->attrition_dilution_sensitivity);
    double kc = draw(r, &sc->attrition_contagion_sensitivity);
    double multiple = draw(r, &sc->valuation_revenue_multiple);
    double q = sc->contagion_mode == EXO_CONTAGION_HAWKES
                   ? exp(-M_LN2 / sc->contagion_half_life_months)
                   : 0.0;
    double retained = 1.0, D = 0.0, S = 0.0, val = multiple * 12.0 * R;
    double target_mult = 1.0, fade_g = 1.0, fade_c = 1.0;
    double fade_g_step = sc->revenue_growth_half_life_months > 0.0
                             ? exp2(-1.0 / sc->revenue_growth_half_life_months)
                             : 1.0;
    double fade_c_step = sc->compute_growth_half_life_months > 0.0
                             ? exp2(-1.0 / sc->compute_growth_half_life_months)
                             : 1.0;
    int next_try = 1, n_trigger = 0;
    bool dead = false;
    out->cashout = EXO_INF;
    out->n_rounds = 0;
    out->cum_deps = out->cum_rev = out->cum_burn = 0.0;
    A[0] = 0.0;
#define RECORD(t)                                                              \
    do {                                                                       \
        if (out->cash)                                                         \
            out->cash[t] = dead ? 0.0 : cash;                                  \
        if (out->hc)                                                           \
            out->hc[t] = dead ? 0.0 : H_tot;                                   \
        if (out->dil)                                                          \
            out->dil[t] = D;                                                   \
        if (out->rev)                                                          \
            out->rev[t] = dead ? 0.0 : R;                                      \
        if (out->val)                                                          \
            out->val[t] = dead ? 0.0 : val;                                    \
    } while (0)
    RECORD(0);
    for (int t = 1; t <= months; t++) {
        if (dead) {
            A[t] = 0.0;
            RECORD(t);
            continue;
        }
        /* Attrition: hazard from last month's dilution and departures. */
        double Dh = ctl->dil_hazard ? ctl->dil_hazard[t - 1] : D;
        double contagion = 1.0, excite = 0.0;
        if (sc->contagion_mode == EXO_CONTAGION_HAWKES) {
            S = q * S + (1.0 - q) * A[t - 1];
            excite = H_tot > 0.0 ? sc->contagion_branching_n * S / H_tot : 0.0;
        } else if (kc > 0.0 && H_tot > 0.0) {
            double recent = 0.0;
            for (int k = 1; k <= sc->contagion_window_months && k < t; k++)
                recent += A[t - k];
            contagion = 1.0 + kc * recent / H_tot;
        }
        double staff = 0.0, deps = 0.0, H_new = 0.0, W = 0.0, W_plan = 0.0;
        double ramp = sc->hire_ramp_months > 1.0 ? sc->hire_ramp_months : 1.0;
        target_mult *= 1.0 + sc->headcount_growth_per_month;
        for (size_t l = 0; l < nl; l++) {
            double h = haz[l] * (1.0 + kd * Dh) * contagion + excite;
            double p = 1.0 - exp(-h);
            double d;
            staff += H[l] * cost[l];
            if (r)
                d = H[l] > 0.0 ? (double)gsl_ran_binomial(r, p, (unsigned)H[l])
                               : 0.0;
            else
                d = H[l] * p;
            if (t == 1 && ctl->shock != 0.0 && H_tot > 0.0)
                d = min2(H[l], d + ctl->shock * H[l] / H_tot);
            double after = H[l] - d;
            double gap = H0[l] * target_mult - after;
            double hires = max2(0.0, min2(gap, hire_max * H[l]));
            if (r && hires > 0.0)
                hires = round_random(r, hires);
            /* Leavers take the average talent; the gap to headcount
             * closes over the ramp. */
            T[l] = H[l] > 0.0 ? T[l] * after / H[l] : 0.0;
            H[l] = after + hires;
            T[l] += (H[l] - T[l]) / ramp;
            deps += d;
            H_new += H[l];
            W += sc->levels[l].talent_weight * T[l];
            W_plan += sc->levels[l].talent_weight * H0[l] * target_mult;
        }
        A[t] = deps;
        out->cum_deps += deps;
        H_tot = H_new;
        /* Money: this month's flows on the stocks it opened with. */
        double costs = K + staff + other;
        double prev_cash = cash;
        cash += R - costs;
        out->cum_rev += R;
        out->cum_burn += costs - R;
        double net_burn = costs - R;
        /* Revenue growth falls with the talent index Q (talent against
         * the hiring plan, at most 1). */
        double Q = W_plan > 0.0 ? min2(1.0, W / W_plan) : 1.0;
        double gb = g0 * fade_g, g = gb;
        if (eps > 0.0 && gb != 0.0 && Q < 1.0)
            g = Q > 0.0 ? gb * pow(Q, gb > 0.0 ? eps : -eps)
                        : (gb > 0.0 ? 0.0 : -1.0);
        R *= 1.0 + max2(g, -1.0);
        K *= 1.0 + gc * fade_c;
        fade_g *= fade_g_step;
        fade_c *= fade_c_step;
        val = multiple * 12.0 * R;
        /* Funding: scheduled rounds, then the runway trigger. */
        for (size_t i = 0; i < sc->n_rounds; i++) {
            const exo_runway_round *rd = &sc->rounds[i];
            if (rd->month != t)
                continue;
            bool ok = r ? gsl_rng_uniform(r) < rd->probability
                        : rd->probability >= 0.5;
            if (!ok)
                continue;
            double size = draw(r, &rd->size_usd);
            multiple = draw(r, &sc->valuation_revenue_multiple);
            close_round(size, multiple * 12.0 * R, &cash, &retained, &val,
                        &out->n_rounds);
        }
        bool fire = ctl->trigger_at
                        ? ctl->trigger_at[t] != 0
                        : sc->has_trigger && t >= next_try &&
                              n_trigger < sc->trigger_max_rounds &&
                              net_burn > 0.0 &&
                              cash / net_burn < sc->trigger_runway_months;
        if (out->triggered)
            out->triggered[t] = 0;
        if (fire) {
            next_try = t + sc->trigger_retry_months;
            bool ok = ctl->trigger_at ? true
                      : r ? gsl_rng_uniform(r) < sc->trigger_probability
                          : sc->trigger_probability >= 0.5;
            if (ok) {
                double size = draw(r, &sc->trigger_size);
                if (sc->trigger_size_is_burn)
                    size *= net_burn;
                multiple = draw(r, &sc->valuation_revenue_multiple);
                if (close_round(size, multiple * 12.0 * R, &cash, &retained,
                                &val, &out->n_rounds)) {
                    n_trigger++;
                    if (out->triggered)
                        out->triggered[t] = 1;
                }
            }
        }
        D = 1.0 - retained;
        if (cash < 0.0 && !ctl->no_death) {
            /* Cash falls linearly through the month: interpolate. */
            double drop = prev_cash - cash;
            out->cashout =
                (t - 1) + (drop > 0.0 ? max2(prev_cash, 0.0) / drop : 0.0);
            dead = true;
        }
        RECORD(t);
    }
#undef RECORD
}

/* ==== Loop gain ==== */

static double rel(double d, double base)
{
    return base != 0.0 ? d / fabs(base) : (double)NAN;
}

static exo_code loop_gain(const exo_runway_scenario *sc, int months,
                          exo_runway_gain *g, exo_err *err)
{
    size_t n1 = (size_t)months + 1;
    double *buf = exo__calloc(6 * n1, sizeof *buf);
    unsigned char *fired = exo__calloc(n1, 1);
    if (!buf || !fired) {
        exo__free(buf);
        exo__free(fired);
        return exo__fail(err, EXO_ENOMEM, "allocating the loop-gain paths");
    }
    double *d0 = buf, *d1 = buf + n1, *dimp = buf + 2 * n1,
           *hist = buf + 3 * n1;
    double *d2 = buf + 4 * n1, *dummy = buf + 5 * n1;
    struct sim_ctl c0 = {.no_death = true};
    struct sim_out base = {.dil = d0, .triggered = fired};
    struct sim_out one = {.dil = d1}, two = {.dil = d2};
    double H = 0.0;
    for (size_t l = 0; l < sc->n_levels; l++)
        H += sc->levels[l].headcount;
    memset(g, 0, sizeof *g);
    simulate(sc, months, &c0, &base, hist);
    /* Pass one: a shock to departures, the dilution link held at base. */
    struct sim_ctl c1 = {.no_death = true,
                         .shock = LOOP_SHOCK * H,
                         .dil_hazard = d0,
                         .trigger_at = fired};
    simulate(sc, months, &c1, &one, hist);
    /* Pass two: only the dilution the shock caused, imposed. */
    for (size_t t = 0; t < n1; t++)
        dimp[t] = d0[t] + (d1[t] - d0[t]);
    struct sim_ctl c2 = {
        .no_death = true, .dil_hazard = dimp, .trigger_at = fired};
    simulate(sc, months, &c2, &two, dummy);
    g->shock = LOOP_SHOCK * H;
    g->base_departures = base.cum_deps;
    g->base_revenue = base.cum_rev;
    g->base_money = base.cum_burn;
    g->base_costs = base.cum_burn + base.cum_rev;
    g->base_dilution = d0[months];
    g->d_departures_in = one.cum_deps - base.cum_deps;
    g->d_revenue = one.cum_rev - base.cum_rev;
    g->d_money = one.cum_burn - base.cum_burn;
    g->d_dilution = d1[months] - d0[months];
    g->d_departures_out = two.cum_deps - base.cum_deps;
    g->gain = g->d_departures_in != 0.0
                  ? g->d_departures_out / g->d_departures_in
                  : 0.0;
    /* Relative changes of the nodes; departures relative to headcount. */
    double xa_in = H > 0.0 ? g->d_departures_in / H : (double)NAN;
    double xa_out = H > 0.0 ? g->d_departures_out / H : (double)NAN;
    double xr = rel(g->d_revenue, g->base_revenue);
    double xm = rel(g->d_money, g->base_costs);
    double xd = rel(g->d_dilution, g->base_dilution);
    g->elasticity[EXO_LINK_ATTRITION_REVENUE] =
        xa_in != 0.0 ? xr / xa_in : (double)NAN;
    g->elasticity[EXO_LINK_REVENUE_MONEY] = xr != 0.0 ? xm / xr : (double)NAN;
    g->elasticity[EXO_LINK_MONEY_DILUTION] = xm != 0.0 ? xd / xm : (double)NAN;
    g->elasticity[EXO_LINK_DILUTION_ATTRITION] =
        xd != 0.0 ? xa_out / xd : (double)NAN;
    g->dominant = g->weakest = -1;
    for (int k = 0; k < EXO_RUNWAY_N_LINKS; k++) {
        double e = fabs(g->elasticity[k]);
        if (!isfinite(e))
            continue;
        if (g->dominant < 0 || e > fabs(g->elasticity[g->dominant]))
            g->dominant = k;
        if (g->weakest < 0 || e < fabs(g->elasticity[g->weakest]))
            g->weakest = k;
    }
    exo__free(buf);
    exo__free(fired);
    return EXO_OK;
}

/* ==== Monte Carlo ==== */

static void swapf(float *a, float *b)
{
    float t = *a;
    *a = *b;
    *b = t;
}

/* Puts the k-th smallest of x[lo..hi] at x[k], smaller ones before it and
 * larger ones after (Hoare's selection with a middle pivot). */
static void select_k(float *x, ptrdiff_t lo, ptrdiff_t hi, ptrdiff_t k)
{
    while (hi > lo) {
        float pivot = x[lo + (hi - lo) / 2];
        ptrdiff_t i = lo, j = hi;
        while (i <= j) {
            while (x[i] < pivot)
                i++;
            while (x[j] > pivot)
                j--;
            if (i <= j) {
                swapf(&x[i], &x[j]);
                i++;
                j--;
            }
        }
        if (k <= j)
            hi = j;
        else if (k >= i)
            lo = i;
        else
            return;
    }
}

/* Puts the smallest (largest when 'max') of x[lo..hi] at its end. */
static void select_end(float *x, ptrdiff_t lo, ptrdiff_t hi, bool max)
{
    ptrdiff_t best = max ? hi : lo;
    if (max) {
        for (ptrdiff_t i = lo; i < hi; i++)
            if (x[i] > x[best])
                best = i;
    } else {
        for (ptrdiff_t i = lo + 1; i <= hi; i++)
            if (x[i] < x[best])
                best = i;
    }
    swapf(&x[best], &x[max ? hi : lo]);
}

/*
 * Puts the order statistics of the ascending ranks rank[0..m), all in
 * [lo, hi], at their places: the middle rank is selected first, and the
 * ranks below and above it are then found inside the two parts it leaves,
 * so the work shrinks with each one. A rank at either end of its part is
 * a minimum or maximum, found by a scan.
 */
static void select_ranks(float *x, ptrdiff_t lo, ptrdiff_t hi,
                         const ptrdiff_t *rank, int m)
{
    while (m > 0) {
        int mid = m / 2;
        ptrdiff_t k = rank[mid];
        if (k == lo || k == hi)
            select_end(x, lo, hi, k == hi);
        else
            select_k(x, lo, hi, k);
        select_ranks(x, lo, k - 1, rank, mid);
        /* The upper part, as a loop. */
        lo = k + 1;
        rank += mid + 1;
        m -= mid + 1;
    }
}

/* Scratch for the order statistics of one column (per thread). */
struct qwork {
    uint32_t *hist; /* RADIX_BINS counts */
    uint64_t *mark; /* RADIX_BINS bits: bins holding a wanted rank */
    float *buf;     /* n + 1 values gathered from those bins */
};

#define RADIX_BITS 16
#define RADIX_BINS (1u << RADIX_BITS)

/* An unsigned key in the order of the floats (non-NaN; -0 as +0). */
static uint32_t float_key(float f)
{
    uint32_t u;
    f += 0.0f;
    memcpy(&u, &f, sizeof u);
    return u & 0x80000000u ? ~u : u | 0x80000000u;
}

/*
 * The values of ranks rank[0..m) (ascending) of x[0..n) into v, without
 * reordering x: a histogram of the keys' top RADIX_BITS bits finds the
 * bins the ranks fall in; the values of those bins alone are gathered
 * (without a branch) and the ranks selected among them. Comparison-based
 * selection on random data mispredicts about every other branch; this
 * reads the column twice. Returns false when the wanted bins hold more
 * than half the column (values piled up on a few levels), where the
 * caller selects in place instead.
 */
static bool radix_ranks(const float *x, size_t n, const ptrdiff_t *rank, int m,
                        struct qwork *w, double *v)
{
    ptrdiff_t local[2 * EXO_RUNWAY_N_Q];
    uint32_t bin_of[2 * EXO_RUNWAY_N_Q];
    size_t below[2 * EXO_RUNWAY_N_Q];
    memset(w->hist, 0, RADIX_BINS * sizeof *w->hist);
    for (size_t i = 0; i < n; i++)
        w->hist[float_key(x[i]) >> (32 - RADIX_BITS)]++;
    /* Walk the bins once: each rank's bin and the count before it. */
    size_t cum = 0, gathered = 0;
    int j = 0;
    memset(w->mark, 0, RADIX_BINS / 8);
    for (uint32_t b = 0; b < RADIX_BINS && j < m; b++) {
        size_t c = w->hist[b];
        bool wanted = false;
        while (j < m && (size_t)rank[j] < cum + c) {
            bin_of[j] = b;
            below[j] = cum;
            j++;
            wanted = true;
        }
        if (wanted) {
            w->mark[b >> 6] |= 1ull << (b & 63);
            /* Rank j within the gathered values: those of wanted bins
             * below, then its place in its own bin. */
            for (int i = j - 1; i >= 0 && bin_of[i] == b; i--)
                local[i] = (ptrdiff_t)(gathered + ((size_t)rank[i] - below[i]));
            gathered += c;
        }
        cum += c;
    }
    if (gathered > n / 2)
        return false;
    size_t g = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t b = float_key(x[i]) >> (32 - RADIX_BITS);
        w->buf[g] = x[i];
        g += (size_t)((w->mark[b >> 6] >> (b & 63)) & 1u);
    }
    select_ranks(w->buf, 0, (ptrdiff_t)g - 1, local, m);
    for (int i = 0; i < m; i++)
        v[i] = (double)w->buf[local[i]];
    return true;
}

/* The type-7 quantiles band_p of x[0..n) (may reorder x); 'w' may be NULL
 * (no scratch: selection in place). */
static void quantiles_f(float *x, size_t n, struct qwork *w, double *q)
{
    ptrdiff_t rank[2 * EXO_RUNWAY_N_Q];
    double v[2 * EXO_RUNWAY_N_Q];
    int m = 0;
    for (int i = 0; i < EXO_RUNWAY_N_Q; i++) {
        double h = (double)(n - 1) * band_p[i];
        ptrdiff_t k = (ptrdiff_t)floor(h);
        if (m == 0 || rank[m - 1] < k)
            rank[m++] = k;
        if (k + 1 < (ptrdiff_t)n && h != (double)k && rank[m - 1] < k + 1)
            rank[m++] = k + 1;
    }
    if (!w || !radix_ranks(x, n, rank, m, w, v)) {
        select_ranks(x, 0, (ptrdiff_t)n - 1, rank, m);
        for (int i = 0; i < m; i++)
            v[i] = (double)x[rank[i]];
    }
    for (int i = 0, r = 0; i < EXO_RUNWAY_N_Q; i++) {
        double h = (double)(n - 1) * band_p[i];
        ptrdiff_t k = (ptrdiff_t)floor(h);
        while (rank[r] < k)
            r++;
        if (k + 1 >= (ptrdiff_t)n || h == (double)k)
            q[i] = v[r];
        else
            q[i] = v[r] + (h - (double)k) * (v[r + 1] - v[r]);
    }
}

/* Type-7 quantile of sorted 'x'; infinite when it touches an infinity. */
static double quantile_sorted(const double *x, size_t n, double p)
{
    double h = (double)(n - 1) * p;
    size_t k = (size_t)floor(h);
    if (k + 1 >= n || h == (double)k)
        return x[k];
    if (isinf(x[k + 1]))
        return EXO_INF;
    return x[k] + (h - (double)k) * (x[k + 1] - x[k]);
}

static exo_code band_alloc(exo_runway_band *b, size_t n1)
{
    b->q = exo__calloc(n1 * EXO_RUNWAY_N_Q, sizeof *b->q);
    b->mean = exo__calloc(n1, sizeof *b->mean);
    return b->q && b->mean ? EXO_OK : EXO_ENOMEM;
}

static void band_fill(exo_runway_band *b, float *store, size_t n1,
                      size_t n_paths)
{
    /* A column's sum runs in path order on one thread: the same bits for
     * any thread count. Without scratch the quantiles are selected in
     * place: slower, the same numbers. */
#pragma omp parallel
    {
        struct qwork w = {exo__calloc(RADIX_BINS, sizeof *w.hist),
                          exo__calloc(RADIX_BINS / 64, sizeof *w.mark),
                          exo__calloc(n_paths + 1, sizeof *w.buf)};
        bool have = w.hist && w.mark && w.buf;
#pragma omp for schedule(dynamic, 1)
        for (size_t t = 0; t < n1; t++) {
            float *col = store + t * n_paths;
            double sum = 0.0;
            for (size_t p = 0; p < n_paths; p++)
                sum += (double)col[p];
            b->mean[t] = sum / (double)n_paths;
            quantiles_f(col, n_paths, have ? &w : NULL,
                        b->q + t * EXO_RUNWAY_N_Q);
        }
        exo__free(w.hist);
        exo__free(w.mark);
        exo__free(w.buf);
    }
}

/*
 * The Monte Carlo paths. The progress hook is asked after every 256th
 * path, one thread at a time; once it asks to stop, the paths not yet
 * begun are skipped and the call fails with EXO_ECANCELED.
 */
static exo_code monte_carlo(const exo_runway_scenario *sc, int months,
                            size_t n_paths, uint64_t seed,
                            const exo_hooks *hooks, exo_runway *out,
                            exo_err *err)
{
    size_t n1 = (size_t)months + 1;
    float *cash = exo__calloc(n1 * n_paths, sizeof *cash);
    float *hc = exo__calloc(n1 * n_paths, sizeof *hc);
    float *dil = exo__calloc(n1 * n_paths, sizeof *dil);
    double *cashout = exo__calloc(n_paths, sizeof *cashout);
    double *rounds = exo__calloc(n_paths, sizeof *rounds);
    exo_code code = EXO_OK;
    int failed = 0, canceled = 0;
    if (!cash || !hc || !dil || !cashout || !rounds) {
        code = exo__fail(err, EXO_ENOMEM, "allocating %zu paths of %d months",
                         n_paths, months);
        goto out;
    }
#pragma omp parallel reduction(| : failed)
    {
        gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
        double *buf = exo__calloc(4 * n1, sizeof *buf);
        if (!r || !buf)
            failed = 1;
#pragma omp for schedule(dynamic, 64)
        for (size_t p = 0; p < n_paths; p++) {
            int stop;
#pragma omp atomic read
            stop = canceled;
            if (!r || !buf || stop)
                continue;
            struct sim_ctl ctl = {.r = r};
            struct sim_out o = {
                .cash = buf, .hc = buf + n1, .dil = buf + 2 * n1};
            gsl_rng_set(r, exo__derive_seed(seed, p));
            simulate(sc, months, &ctl, &o, buf + 3 * n1);
            for (size_t t = 0; t < n1; t++) {
                cash[t * n_paths + p] = (float)o.cash[t];
                hc[t * n_paths + p] = (float)o.hc[t];
                dil[t * n_paths + p] = (float)o.dil[t];
            }
            cashout[p] = o.cashout;
            rounds[p] = (double)o.n_rounds;
            if (hooks->progress && p % 256 == 0) {
#pragma omp critical
                if (hooks->progress(hooks->ud, (double)p / (double)n_paths)) {
#pragma omp atomic write
                    canceled = 1;
                }
            }
        }
        if (r)
            gsl_rng_free(r);
        exo__free(buf);
    }
    if (failed) {
        code = exo__fail(err, EXO_ENOMEM, "allocating a path's generator");
        goto out;
    }
    if (canceled) {
        code = exo__fail(err, EXO_ECANCELED, "runway canceled");
        goto out;
    }
    double sum_rounds = 0.0;
    size_t c12 = 0, c24 = 0, c36 = 0, cm = 0;
    for (size_t p = 0; p < n_paths; p++) {
        sum_rounds += rounds[p];
        c12 += cashout[p] <= 12.0;
        c24 += cashout[p] <= 24.0;
        c36 += cashout[p] <= 36.0;
        cm += isfinite(cashout[p]);
    }
    out->mean_rounds = sum_rounds / (double)n_paths;
    /* Past the horizon the paths say nothing: NaN. */
    out->p_cashout_12 =
        months >= 12 ? (double)c12 / (double)n_paths : (double)NAN;
    out->p_cashout_24 =
        months >= 24 ? (double)c24 / (double)n_paths : (double)NAN;
    out->p_cashout_36 =
        months >= 36 ? (double)c36 / (double)n_paths : (double)NAN;
    out->p_cashout_horizon = (double)cm / (double)n_paths;
    exo__qsort(cashout, n_paths, sizeof *cashout, exo__cmp_double);
    out->cashout_median = quantile_sorted(cashout, n_paths, 0.5);
    out->cashout_lo80 = quantile_sorted(cashout, n_paths, 0.10);
    out->cashout_hi80 = quantile_sorted(cashout, n_paths, 0.90);
    out->cashout_lo95 = quantile_sorted(cashout, n_paths, 0.025);
    out->cashout_hi95 = quantile_sorted(cashout, n_paths, 0.975);
    if (band_alloc(&out->cash, n1) || band_alloc(&out->headcount, n1) ||
        band_alloc(&out->dilution, n1)) {
        code = exo__fail(err, EXO_ENOMEM, "allocating quantile bands");
        goto out;
    }
    band_fill(&out->cash, cash, n1, n_paths);
    band_fill(&out->headcount, hc, n1, n_paths);
    band_fill(&out->dilution, dil, n1, n_paths);
    out->has_mc = true;
out:
    exo__free(cash);
    exo__free(hc);
    exo__free(dil);
    exo__free(cashout);
    exo__free(rounds);
    return code;
}

/* ==== Entry points ==== */

static exo_code check_dist(const exo_dist *d, const char *what, exo_err *err)
{
    if (!isfinite(d->a) || !isfinite(d->b) || !(d->lo <= d->hi) ||
        (d->kind == EXO_DIST_NORMAL && d->b < 0.0) ||
        (d->kind == EXO_DIST_LOGNORMAL && (d->b < 0.0 || !(d->a > 0.0))) ||
        (d->kind == EXO_DIST_UNIFORM && d->b < d->a) ||
        d->kind > EXO_DIST_UNIFORM)
        return exo__fail(err, EXO_EINVAL, "%s: not a valid distribution", what);
    return EXO_OK;
}

static exo_code check_scenario(const exo_runway_scenario *sc, int months,
                               exo_err *err)
{
    exo_code c;
    if (months < 1 || months > EXO_RUNWAY_MAX_MONTHS)
        return exo__fail(err, EXO_EINVAL,
                         "horizon of %d months is not in 1..%d", months,
                         EXO_RUNWAY_MAX_MONTHS);
    if (sc->n_levels < 1 || sc->n_levels > EXO_RUNWAY_MAX_LEVELS)
        return exo__fail(err, EXO_EINVAL, "%zu levels is not in 1..%d",
                         sc->n_levels, EXO_RUNWAY_MAX_LEVELS);
    if (sc->n_rounds > EXO_RUNWAY_MAX_ROUNDS)
        return exo__fail(err, EXO_EINVAL, "%zu rounds is more than %d",
                         sc->n_rounds, EXO_RUNWAY_MAX_ROUNDS);
    if ((c = check_dist(&sc->cash_usd, "cash_usd", err)) ||
        (c = check_dist(&sc->revenue_usd_per_month, "revenue", err)) ||
        (c = check_dist(&sc->revenue_growth_per_month, "growth", err)) ||
        (c = check_dist(&sc->growth_talent_elasticity, "elasticity", err)) ||
        (c = check_dist(&sc->compute_usd_per_month, "compute", err)) ||
        (c = check_dist(&sc->compute_growth_per_month, "compute growth",
                        err)) ||
        (c = check_dist(&sc->other_costs_usd_per_month, "other costs", err)) ||
        (c = check_dist(&sc->hiring_max_per_month, "hiring", err)) ||
        (c = check_dist(&sc->attrition_dilution_sensitivity, "k_dilution",
                        err)) ||
        (c = check_dist(&sc->attrition_contagion_sensitivity, "k_contagion",
                        err)) ||
        (c = check_dist(&sc->valuation_revenue_multiple, "multiple", err)) ||
        (sc->has_trigger &&
         (c = check_dist(&sc->trigger_size, "trigger size", err))))
        return c;
    for (size_t l = 0; l < sc->n_levels; l++) {
        const exo_runway_level *lv = &sc->levels[l];
        if (!(lv->headcount >= 0.0) || lv->headcount > 4e9 ||
            !(lv->talent_weight >= 0.0) ||
            (c = check_dist(&lv->cost_usd_per_year, "cost", err)) ||
            (c = check_dist(&lv->attrition_per_year, "attrition", err)))
            return c ? c
                     : exo__fail(err, EXO_EINVAL,
                                 "level %zu: headcount or weight is invalid",
                                 l + 1);
    }
    for (size_t i = 0; i < sc->n_rounds; i++)
        if ((c = check_dist(&sc->rounds[i].size_usd, "round size", err)))
            return c;
    if (sc->contagion_mode == EXO_CONTAGION_HAWKES &&
        (!(sc->contagion_branching_n >= 0.0) ||
         !(sc->contagion_half_life_months > 0.0)))
        return exo__fail(err, EXO_EINVAL,
                         "Hawkes contagion needs n >= 0 and a half-life > 0");
    if (sc->has_trigger &&
        (!(sc->trigger_runway_months > 0.0) || sc->trigger_retry_months < 1))
        return exo__fail(err, EXO_EINVAL,
                         "the trigger needs a runway threshold > 0 and a "
                         "retry of at least 1 month");
    return EXO_OK;
}

static exo_code path_alloc(exo_runway_path *p, size_t n1)
{
    double *b = exo__calloc(5 * n1, sizeof *b);
    if (!b)
        return EXO_ENOMEM;
    p->cash = b;
    p->headcount = b + n1;
    p->dilution = b + 2 * n1;
    p->revenue = b + 3 * n1;
    p->valuation = b + 4 * n1;
    return EXO_OK;
}

exo_code exo_runway_run(const exo_runway_scenario *sc,
                        const exo_runway_opts *opts, exo_runway *out,
                        exo_err *err)
{
    exo_runway_opts defaults = {0};
    exo_code code;
    memset(out, 0, sizeof *out);
    if (!opts)
        opts = &defaults;
    int months = opts->months > 0 ? opts->months
                 : sc->months > 0 ? sc->months
                                  : 120;
    size_t n_paths = opts->n_paths ? opts->n_paths : 10000;
    if ((code = check_scenario(sc, months, err)))
        return code;
    if (n_paths > 100000000)
        return exo__fail(err, EXO_EINVAL, "%zu paths is too many", n_paths);
    size_t n1 = (size_t)months + 1;
    out->months = months;
    out->n_paths = opts->no_monte_carlo ? 0 : n_paths;
    out->seed = opts->seed;
    double *hist = exo__calloc(n1, sizeof *hist);
    if (!hist || path_alloc(&out->det, n1)) {
        exo__free(hist);
        exo_runway_release(out);
        return exo__fail(err, EXO_ENOMEM, "allocating the deterministic path");
    }
    struct sim_ctl ctl = {0};
    struct sim_out o = {.cash = out->det.cash,
                        .hc = out->det.headcount,
                        .dil = out->det.dilution,
                        .rev = out->det.revenue,
                        .val = out->det.valuation};
    simulate(sc, months, &ctl, &o, hist);
    exo__free(hist);
    out->det.cashout_month = o.cashout;
    out->det.n_rounds = o.n_rounds;
    if (!opts->no_loop_gain) {
        if ((code = loop_gain(sc, months, &out->loop, err)))
            goto fail;
        out->has_loop_gain = true;
    }
    if (!opts->no_monte_carlo &&
        (code = monte_carlo(sc, months, n_paths, opts->seed, &opts->hooks, out,
                            err)))
        goto fail;
    return EXO_OK;
fail:
    exo_runway_release(out);
    return code;
}

void exo_runway_release(exo_runway *r)
{
    if (!r)
        return;
    exo__free(r->det.cash);
    exo__free(r->cash.q);
    exo__free(r->cash.mean);
    exo__free(r->headcount.q);
    exo__free(r->headcount.mean);
    exo__free(r->dilution.q);
    exo__free(r->dilution.mean);
    memset(r, 0, sizeof *r);
}
