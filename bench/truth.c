/*
 * truth.c - the calibration benchmark's truth simulator; see truth.h for
 * what each draw is and why it is written apart from the library.
 */
#include "truth.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_randist.h>

const double truth_openai_yearly[TRUTH_OPENAI_YEARS] = {0, 0, 1, 4,  0, 1,
                                                        9, 0, 9, 30, 21};

const double truth_ai_lab_mix[3] = {32.0 / 112, 55.0 / 112, 25.0 / 112};

void truth_events_release(truth_events *ev)
{
    free(ev->t);
    free(ev->parent);
    memset(ev, 0, sizeof *ev);
}

/* Room for 'need' events (and parents when tracked). */
static int reserve(truth_events *ev, size_t need)
{
    if (need > TRUTH_MAX_EVENTS)
        return ERANGE;
    if (need <= ev->cap && ev->t && (!ev->track_parents || ev->parent))
        return 0;
    size_t cap = ev->cap ? ev->cap : 64;
    while (cap < need)
        cap *= 2;
    double *t = realloc(ev->t, cap * sizeof *t);
    if (!t)
        return ENOMEM;
    ev->t = t;
    if (ev->track_parents || ev->parent) {
        size_t *p = realloc(ev->parent, cap * sizeof *p);
        if (!p)
            return ENOMEM;
        ev->parent = p;
    }
    ev->cap = cap;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* ---- Shapes ---- */

static const char *const shape_names[TRUTH_N_SHAPES] = {
    "constant", "step", "ramp", "ramp-exp", "lumpy"};

const char *truth_shape_name(truth_shape shape)
{
    return (unsigned)shape < TRUTH_N_SHAPES ? shape_names[shape] : NULL;
}

bool truth_shape_parse(const char *name, truth_shape *out)
{
    for (int s = 0; s < TRUTH_N_SHAPES; s++)
        if (strcmp(name, shape_names[s]) == 0) {
            *out = (truth_shape)s;
            return true;
        }
    return false;
}

/* Fills the cumulative masses of a piecewise-linear rate. */
static void finish_pieces(truth_rate *r)
{
    r->cum[0] = 0.0;
    for (size_t k = 0; k < r->n_pieces; k++)
        r->cum[k + 1] =
            r->cum[k] + 0.5 * (r->lo[k] + r->hi[k]) * (r->x[k + 1] - r->x[k]);
    r->mass = r->cum[r->n_pieces];
    r->T = r->x[r->n_pieces];
}

int truth_rate_constant(truth_rate *r, double T, double N)
{
    return truth_rate_step(r, T, N, 0.5, 1.0);
}

int truth_rate_step(truth_rate *r, double T, double N, double at, double factor)
{
    if (!(T > 0 && N > 0 && at > 0 && at < 1 && factor > 0))
        return EINVAL;
    memset(r, 0, sizeof *r);
    /* N = r1 (at T) + factor r1 (1 - at) T */
    double r1 = N / (T * (at + factor * (1 - at)));
    r->n_pieces = 2;
    r->x[0] = 0.0;
    r->x[1] = at * T;
    r->x[2] = T;
    r->lo[0] = r->hi[0] = r1;
    r->lo[1] = r->hi[1] = factor * r1;
    finish_pieces(r);
    return 0;
}

int truth_rate_ramp(truth_rate *r, double T, double N, double ratio,
                    bool exponential)
{
    if (!(T > 0 && N > 0 && ratio > 0))
        return EINVAL;
    memset(r, 0, sizeof *r);
    if (exponential && ratio != 1.0) {
        /* lambda = c e^{g t}, g = ln(ratio) / T; Lambda(T) = c (ratio - 1)
         * / g = N. */
        r->exponential = true;
        r->growth = log(ratio) / T;
        r->c = N * r->growth / (ratio - 1.0);
        r->T = T;
        r->mass = N;
        return 0;
    }
    double a = 2.0 * N / ((1.0 + ratio) * T); /* (a + ratio a) T / 2 = N */
    r->n_pieces = 1;
    r->x[0] = 0.0;
    r->x[1] = T;
    r->lo[0] = a;
    r->hi[0] = ratio * a;
    finish_pieces(r);
    return 0;
}

int truth_rate_yearly(truth_rate *r, int first_year, const double *counts,
                      size_t n_years, double N)
{
    double sum = 0.0;
    if (n_years == 0 || n_years > TRUTH_MAX_PIECES || !(N > 0))
        return EINVAL;
    for (size_t y = 0; y < n_years; y++) {
        if (!(counts[y] >= 0))
            return EINVAL;
        sum += counts[y];
    }
    if (!(sum > 0))
        return EINVAL;
    memset(r, 0, sizeof *r);
    double day0 = (double)truth_days_from_civil(first_year, 1, 1);
    r->n_pieces = n_years;
    for (size_t y = 0; y <= n_years; y++)
        r->x[y] =
            (double)truth_days_from_civil(first_year + (int)y, 1, 1) - day0;
    for (size_t y = 0; y < n_years; y++) {
        /* The year's count is what is proportional, not its daily rate:
         * a leap year has the same expected count, spread thinner. */
        double rate = N * counts[y] / sum / (r->x[y + 1] - r->x[y]);
        r->lo[y] = r->hi[y] = rate;
    }
    finish_pieces(r);
    return 0;
}

int truth_rate_standard(truth_rate *r, truth_shape shape, double N)
{
    switch (shape) {
    case TRUTH_CONSTANT:
        return truth_rate_constant(r, TRUTH_WINDOW, N);
    case TRUTH_STEP:
        return truth_rate_step(r, TRUTH_WINDOW, N, 0.6, 4.0);
    case TRUTH_RAMP:
        return truth_rate_ramp(r, TRUTH_WINDOW, N, 4.0, false);
    case TRUTH_RAMP_EXP:
        return truth_rate_ramp(r, TRUTH_WINDOW, N, 4.0, true);
    case TRUTH_LUMPY:
        return truth_rate_yearly(r, TRUTH_OPENAI_FIRST_YEAR,
                                 truth_openai_yearly, TRUTH_OPENAI_YEARS, N);
    default:
        return EINVAL;
    }
}

/* The piece holding t (the last piece for t >= T). */
static size_t piece_of(const truth_rate *r, double t)
{
    size_t k = 0;
    while (k + 1 < r->n_pieces && t >= r->x[k + 1])
        k++;
    return k;
}

double truth_rate_at(const truth_rate *r, double t)
{
    if (t < 0 || t > r->T)
        return 0.0;
    if (r->exponential)
        return r->c * exp(r->growth * t);
    size_t k = piece_of(r, t);
    double len = r->x[k + 1] - r->x[k];
    return r->lo[k] + (r->hi[k] - r->lo[k]) * (t - r->x[k]) / len;
}

double truth_rate_cumulative(const truth_rate *r, double t)
{
    if (t <= 0)
        return 0.0;
    if (t >= r->T)
        return r->mass;
    if (r->exponential)
        return r->c * expm1(r->growth * t) / r->growth;
    size_t k = piece_of(r, t);
    double s = t - r->x[k], len = r->x[k + 1] - r->x[k];
    return r->cum[k] + r->lo[k] * s + 0.5 * (r->hi[k] - r->lo[k]) * s * s / len;
}

double truth_rate_inverse(const truth_rate *r, double m)
{
    if (m <= 0)
        m = 0;
    if (m >= r->mass)
        return r->T;
    if (r->exponential)
        return log1p(r->growth * m / r->c) / r->growth;
    /* The first piece whose mass reaches past m: pieces of zero rate (a
     * year with no departures) are stepped over, never landed in. */
    size_t k = 0;
    while (k + 1 < r->n_pieces && r->cum[k + 1] <= m)
        k++;
    double dm = m - r->cum[k], len = r->x[k + 1] - r->x[k];
    double lo = r->lo[k], slope = (r->hi[k] - lo) / len;
    /* lo s + slope s^2 / 2 = dm, written as 2 dm / (lo + sqrt(...)) so
     * that it neither cancels when the slope is small nor divides by 0
     * when the piece is flat. */
    double disc = lo * lo + 2.0 * slope * dm;
    double den = lo + sqrt(disc > 0 ? disc : 0.0);
    double s = den > 0 ? 2.0 * dm / den : 0.0;
    if (s > len)
        s = len;
    return r->x[k] + s;
}

int truth_poisson(const truth_rate *r, gsl_rng *rng, truth_events *out)
{
    unsigned int k = gsl_ran_poisson(rng, r->mass);
    int rc = reserve(out, k);
    if (rc)
        return rc;
    for (unsigned int i = 0; i < k; i++)
        /* uniform_pos: never exactly 0, so never the start of a leading
         * piece of zero rate. */
        out->t[i] = truth_rate_inverse(r, gsl_rng_uniform_pos(rng) * r->mass);
    out->n = k;
    out->n_immigrants = k;
    if (out->track_parents && out->parent)
        for (size_t i = 0; i < out->n; i++)
            out->parent[i] = TRUTH_NO_PARENT;
    qsort(out->t, out->n, sizeof *out->t, cmp_double);
    return 0;
}

/* ---- Hawkes by clusters ---- */

double truth_hawkes_mean(double mu, double n, double beta, double T)
{
    double d = beta * (1.0 - n);
    return mu * T / (1.0 - n) - mu * n * (-expm1(-d * T)) / (d * (1.0 - n));
}

double truth_hawkes_mu(double N, double n, double beta, double T)
{
    return N / truth_hawkes_mean(1.0, n, beta, T);
}

struct tagged {
    double t;
    size_t i;
};

static int cmp_tagged(const void *a, const void *b)
{
    const struct tagged *x = a, *y = b;
    if (x->t != y->t)
        return (x->t > y->t) - (x->t < y->t);
    return (x->i > y->i) - (x->i < y->i);
}

/* Sorts the events and rewrites each parent index into the new order. */
static int sort_with_parents(truth_events *ev)
{
    size_t n = ev->n;
    struct tagged *tag = malloc((n ? n : 1) * sizeof *tag);
    size_t *rank = malloc((n ? n : 1) * sizeof *rank);
    size_t *par = malloc((n ? n : 1) * sizeof *par);
    if (!tag || !rank || !par) {
        free(tag);
        free(rank);
        free(par);
        return ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        tag[i] = (struct tagged){ev->t[i], i};
    qsort(tag, n, sizeof *tag, cmp_tagged);
    for (size_t k = 0; k < n; k++)
        rank[tag[k].i] = k;
    for (size_t k = 0; k < n; k++) {
        size_t p = ev->parent[tag[k].i];
        ev->t[k] = tag[k].t;
        par[k] = p == TRUTH_NO_PARENT ? p : rank[p];
    }
    memcpy(ev->parent, par, n * sizeof *par);
    free(tag);
    free(rank);
    free(par);
    return 0;
}

int truth_hawkes(double mu, double n, double beta, double T, gsl_rng *rng,
                 truth_events *out)
{
    if (!(mu >= 0 && n >= 0 && n < 1 && beta > 0 && T > 0))
        return EINVAL;
    unsigned int k0 = gsl_ran_poisson(rng, mu * T);
    int rc = reserve(out, k0);
    if (rc)
        return rc;
    for (unsigned int i = 0; i < k0; i++) {
        out->t[i] = T * gsl_rng_uniform(rng);
        if (out->parent)
            out->parent[i] = TRUTH_NO_PARENT;
    }
    out->n = k0;
    out->n_immigrants = k0;
    /* The array is the queue: each event, immigrant or child, has its
     * children appended behind it, so one pass visits every generation. */
    for (size_t i = 0; i < out->n; i++) {
        unsigned int kids = gsl_ran_poisson(rng, n);
        for (unsigned int c = 0; c < kids; c++) {
            double t = out->t[i] + gsl_ran_exponential(rng, 1.0 / beta);
            if (t > T)
                continue;
            rc = reserve(out, out->n + 1);
            if (rc)
                return rc;
            out->t[out->n] = t;
            if (out->parent)
                out->parent[out->n] = i;
            out->n++;
        }
    }
    if (out->track_parents && out->parent)
        return sort_with_parents(out);
    qsort(out->t, out->n, sizeof *out->t, cmp_double);
    return 0;
}

/* ---- Calendar and coarsening ---- */

static const char *const precision_names[TRUTH_N_PRECISIONS] = {
    "exact", "day", "month", "year", "mixed"};

const char *truth_precision_name(truth_precision p)
{
    return (unsigned)p < TRUTH_N_PRECISIONS ? precision_names[p] : NULL;
}

bool truth_precision_parse(const char *name, truth_precision *out)
{
    for (int p = 0; p < TRUTH_N_PRECISIONS; p++)
        if (strcmp(name, precision_names[p]) == 0) {
            *out = (truth_precision)p;
            return true;
        }
    return false;
}

/* Years are counted from 1 March so that the leap day ends the year; eras
 * are the 400-year cycles of 146097 days. */
int64_t truth_days_from_civil(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                         /* [0, 399] */
    int64_t mp = (month + 9) % 12;                       /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + day - 1;          /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * 146097 + doe - 719468; /* 719468: 0000-03-01 to 1970 */
}

void truth_civil_from_days(int64_t days, int *year, int *month, int *day)
{
    int64_t z = days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *day = (int)(doy - (153 * mp + 2) / 5 + 1);
    *month = m;
    *year = (int)(yoe + era * 400 + (m <= 2));
}

int truth_month_length(int year, int month)
{
    int next_y = month == 12 ? year + 1 : year;
    int next_m = month == 12 ? 1 : month + 1;
    return (int)(truth_days_from_civil(next_y, next_m, 1) -
                 truth_days_from_civil(year, month, 1));
}

void truth_coarsen_one(double t, truth_precision p, double *start,
                       double *width)
{
    int64_t day = (int64_t)floor(t);
    int y, m, d;
    switch (p) {
    case TRUTH_DAY:
        *start = (double)day;
        *width = 1.0;
        return;
    case TRUTH_MONTH:
        truth_civil_from_days(day, &y, &m, &d);
        *start = (double)truth_days_from_civil(y, m, 1);
        *width = truth_month_length(y, m);
        return;
    case TRUTH_YEAR:
        truth_civil_from_days(day, &y, &m, &d);
        *start = (double)truth_days_from_civil(y, 1, 1);
        *width = (double)(truth_days_from_civil(y + 1, 1, 1) -
                          truth_days_from_civil(y, 1, 1));
        return;
    default: /* TRUTH_EXACT; MIXED is resolved by the caller */
        *start = t;
        *width = 0.0;
        return;
    }
}

int truth_coarsen(const double *t, size_t n, truth_precision p,
                  const double *mix, gsl_rng *rng, double *start, double *width)
{
    if ((unsigned)p >= TRUTH_N_PRECISIONS || (p == TRUTH_MIXED && !rng))
        return EINVAL;
    if (!mix)
        mix = truth_ai_lab_mix;
    for (size_t i = 0; i < n; i++) {
        truth_precision q = p;
        if (p == TRUTH_MIXED) {
            double u = gsl_rng_uniform(rng);
            q = u < mix[0]            ? TRUTH_DAY
                : u < mix[0] + mix[1] ? TRUTH_MONTH
                                      : TRUTH_YEAR;
        }
        truth_coarsen_one(t[i], q, &start[i], &width[i]);
    }
    return 0;
}

/* ---- Seeds ---- */

static uint64_t splitmix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15u;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

uint64_t truth_seed(uint64_t base, uint64_t a, uint64_t b)
{
    return splitmix64(splitmix64(splitmix64(base) ^ a) ^ b);
}

gsl_rng *truth_rng(uint64_t seed)
{
    gsl_rng *rng = gsl_rng_alloc(gsl_rng_mt19937);
    if (!rng)
        return NULL;
    /* mt19937 keeps only 32 bits of its seed: fold both halves in, and
     * avoid 0, which GSL replaces by its default seed 4357. */
    unsigned long s = (unsigned long)((seed ^ (seed >> 32)) & 0xffffffffu);
    gsl_rng_set(rng, s ? s : 1);
    return rng;
}
