/*
 * truth.h - the truth simulator of the calibration benchmark
 * (bench/calibrate.c): event streams whose generating process is known,
 * so that a verdict about them can be scored.
 *
 * It is written apart from the library on purpose. If the data and the
 * code that judges them came from the same simulator, a bug in it would
 * cancel out and go unseen, so nothing here calls or copies
 * src/model/hawkes_sim.c (Ogata thinning), and the calendar arithmetic is
 * our own too. The trend-only processes are drawn by inversion of the
 * cumulative rate, the Hawkes process by its cluster (immigrant-offspring)
 * representation. Depends on libc and GSL's random numbers only.
 *
 * Times are in days. The simulators work on a window [0, T]; add an origin
 * to make them dates (days since 1970-01-01). The benchmark's standard
 * window is TRUTH_WINDOW days from TRUTH_ORIGIN: the eleven calendar years
 * 2015-2025, so that a date coarsened to its month or year never spills
 * over the window's end.
 *
 * Functions that can fail return 0 or an errno value (EINVAL for a bad
 * argument, ENOMEM, ERANGE when a Hawkes draw passes TRUTH_MAX_EVENTS).
 */
#ifndef EXO_BENCH_TRUTH_H
#define EXO_BENCH_TRUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <gsl/gsl_rng.h>

#define TRUTH_ORIGIN 16436.0 /* 2015-01-01 in days since 1970-01-01 */
#define TRUTH_WINDOW 4018.0  /* 2015-01-01 to 2026-01-01: 11 x 365 + 3 */
#define TRUTH_MAX_PIECES 64
/* Far above any stream the benchmark asks for (120 events with n = 0.9
 * has a mean of 120); a guard against a runaway draw, not a limit. */
#define TRUTH_MAX_EVENTS 10000000

/* A growable array of event times; zero-initialise, then reuse across
 * draws (each draw overwrites it). With 'track_parents' set before a
 * Hawkes draw, 'parent[k]' is the index of the event that triggered event
 * k (in the same sorted order), or TRUTH_NO_PARENT for an immigrant. */
#define TRUTH_NO_PARENT SIZE_MAX
typedef struct truth_events {
    double *t;
    size_t n, cap;
    bool track_parents;
    size_t *parent;
    size_t n_immigrants; /* of the last Hawkes draw */
} truth_events;

void truth_events_release(truth_events *ev);

/* ---- Trend-only (inhomogeneous Poisson) processes ---- */

typedef enum truth_shape {
    TRUTH_CONSTANT = 0, /* the plain null */
    TRUTH_STEP,         /* x4 from 60% of the window on */
    TRUTH_RAMP,         /* linear, ending 4 times where it starts */
    TRUTH_RAMP_EXP,     /* exponential, ending 4 times where it starts */
    TRUTH_LUMPY,        /* OpenAI's yearly counts (truth_openai_yearly) */
    TRUTH_N_SHAPES
} truth_shape;

/* "constant", "step", "ramp", "ramp-exp", "lumpy"; NULL when out of range.
 */
const char *truth_shape_name(truth_shape shape);
/* The inverse; false when 'name' is none of them. */
bool truth_shape_parse(const char *name, truth_shape *out);

/*
 * A trend-only rate lambda(t) on [0, T] and its integral. Either
 * piecewise linear (each piece runs linearly from 'lo' to 'hi', which
 * covers constant, step, linear ramp and yearly counts) or exponential,
 * lambda(t) = c exp(growth t). 'mass' is Lambda(T), the expected count.
 */
typedef struct truth_rate {
    double T;
    double mass;
    bool exponential;
    double c, growth;
    size_t n_pieces;
    double x[TRUTH_MAX_PIECES + 1];   /* piece k is [x[k], x[k+1]) */
    double lo[TRUTH_MAX_PIECES];      /* rate at x[k] */
    double hi[TRUTH_MAX_PIECES];      /* rate just before x[k+1] */
    double cum[TRUTH_MAX_PIECES + 1]; /* Lambda(x[k]) */
} truth_rate;

/* Each scales its rate so that the expected count on [0, T] is N > 0. */
int truth_rate_constant(truth_rate *r, double T, double N);
/* The rate is multiplied by 'factor' > 0 from 'at' * T on, 0 < at < 1. */
int truth_rate_step(truth_rate *r, double T, double N, double at,
                    double factor);
/* lambda(T) = ratio * lambda(0), ratio > 0; linear or exponential. */
int truth_rate_ramp(truth_rate *r, double T, double N, double ratio,
                    bool exponential);
/*
 * Constant within each calendar year first_year .. first_year + n_years -
 * 1, with the year's expected count proportional to counts[y] (>= 0, not
 * all 0). T becomes the span of those years in days; t = 0 is 1 January
 * of first_year.
 */
int truth_rate_yearly(truth_rate *r, int first_year, const double *counts,
                      size_t n_years, double N);
/*
 * The benchmark's shapes on the standard window (TRUTH_WINDOW days from
 * TRUTH_ORIGIN): step x4 at 60%, ramps x4, lumpy = truth_openai_yearly
 * over 2015-2025.
 */
int truth_rate_standard(truth_rate *r, truth_shape shape, double N);

double truth_rate_at(const truth_rate *r, double t); /* right-continuous */
double truth_rate_cumulative(const truth_rate *r, double t); /* Lambda(t) */
/* The smallest t with Lambda(t) = m, for 0 <= m <= mass. */
double truth_rate_inverse(const truth_rate *r, double m);

/*
 * A draw of the process on [0, T], sorted, into 'out': the count is
 * Poisson(mass) and, given the count, the times are independent with
 * density lambda(t) / mass, each drawn by inverting Lambda. That is the
 * inhomogeneous Poisson process exactly, with no thinning bound to get
 * wrong.
 */
int truth_poisson(const truth_rate *r, gsl_rng *rng, truth_events *out);

/*
 * OpenAI's yearly counts 2015-2025 in the bundled data/ai-lab-moves.csv:
 * rows with from_org OpenAI and any event but 'joined' (left, fired,
 * founded elsewhere, sabbatical), by the year of their date.
 */
#define TRUTH_OPENAI_FIRST_YEAR 2015
#define TRUTH_OPENAI_YEARS 11
extern const double truth_openai_yearly[TRUTH_OPENAI_YEARS];

/* ---- Hawkes processes (exponential kernel) by clusters ---- */

/*
 * Intensity mu + sum_{t_i < t} alpha exp(-beta (t - t_i)), branching
 * ratio n = alpha / beta, started empty at t = 0, on [0, T]. Drawn as
 * clusters: immigrants are Poisson(mu) on [0, T]; every event has
 * Poisson(n) children, each after an Exp(beta) delay (mean 1 / beta), and
 * so on; events after T are dropped with their offspring (which would all
 * fall later still). Needs 0 <= n < 1 (else a cluster need not end),
 * mu >= 0, beta > 0. 'out' is sorted; see truth_events for the parents.
 */
int truth_hawkes(double mu, double n, double beta, double T, gsl_rng *rng,
                 truth_events *out);

/*
 * The exact expected count on [0, T] from an empty history:
 *   E N(T) = mu T / (1 - n) - mu n (1 - exp(-beta (1 - n) T))
 *                                / (beta (1 - n)^2).
 * The mean intensity m(t) solves m' = beta mu - beta (1 - n) m, m(0) = mu,
 * so it rises from mu to the stationary mu / (1 - n) with rate
 * beta (1 - n); the second term is what that start-up loses. With the
 * benchmark's 30-day memory it is 0.3% of the count at n = 0.3 and 6.7%
 * at n = 0.9 over 11 years, too much to ignore, so truth_hawkes_mu solves
 * the exact equation instead of using the stationary mu = N (1 - n) / T.
 */
double truth_hawkes_mean(double mu, double n, double beta, double T);
/* The mu with truth_hawkes_mean(mu, n, beta, T) = N (it is linear in mu).
 */
double truth_hawkes_mu(double N, double n, double beta, double T);

/* ---- Dates: a simulated time as the news would report it ---- */

typedef enum truth_precision {
    TRUTH_EXACT = 0, /* the time itself (width 0) */
    TRUTH_DAY,       /* the start of its day, width 1 */
    TRUTH_MONTH,     /* the 1st of its month, width the month's length */
    TRUTH_YEAR,      /* 1 January, width 365 or 366 */
    TRUTH_MIXED,     /* each event day, month or year, drawn from a mix */
    TRUTH_N_PRECISIONS
} truth_precision;

const char *truth_precision_name(truth_precision p);
bool truth_precision_parse(const char *name, truth_precision *out);

/*
 * Shares of day, month and year dates among the departures (event left or
 * fired) of the bundled data/ai-lab-moves.csv: 32, 55 and 25 of 112 by
 * its date_precision column. (Every date there is written YYYY-MM-DD, a
 * month or year date as its first day, so the written form says nothing.)
 */
extern const double truth_ai_lab_mix[3];

/* Proleptic Gregorian calendar, days since 1970-01-01 (H. Hinnant's
 * algorithms, written out here rather than taken from the library). */
int64_t truth_days_from_civil(int year, int month, int day);
void truth_civil_from_days(int64_t days, int *year, int *month, int *day);
int truth_month_length(int year, int month);

/*
 * 't' (days since 1970-01-01) known only to precision 'p' (not MIXED):
 * '*start' is the first day of its day, month or year and '*width' that
 * span's length in days, so that start <= t < start + width.
 */
void truth_coarsen_one(double t, truth_precision p, double *start,
                       double *width);
/*
 * The same for n times; for TRUTH_MIXED each event's precision is drawn
 * from 'mix' (shares of day, month, year summing to 1; NULL:
 * truth_ai_lab_mix) with 'rng'. 'start' and 'width' have n entries.
 */
int truth_coarsen(const double *t, size_t n, truth_precision p,
                  const double *mix, gsl_rng *rng, double *start,
                  double *width);

/* ---- Seeds ---- */

/*
 * A seed for stream ('a', 'b') of 'base' (splitmix64 of the three), so
 * that a benchmark cell's draws depend on what the cell is and which
 * replicate, not on the order cells run in or the thread count.
 */
uint64_t truth_seed(uint64_t base, uint64_t a, uint64_t b);
/* A Mersenne-twister gsl_rng seeded with truth_seed's value; NULL when out
 * of memory. Free with gsl_rng_free. */
gsl_rng *truth_rng(uint64_t seed);

#endif
