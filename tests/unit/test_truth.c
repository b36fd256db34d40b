/*
 * test_truth.c - the calibration benchmark's truth simulator (bench/
 * truth.c): if the truth is wrong, every calibration figure is.
 *
 * Statistical checks compare a sample mean with the value the model
 * implies and allow 4 standard errors, each SE derived from the sampling
 * distribution stated beside the check (Poisson counts: variance = mean;
 * proportions: binomial; otherwise the sample's own variance, which at
 * these replicate counts is known to a few per cent). A correct simulator
 * misses one check with probability 6e-5 (two-sided normal tail at 4), so
 * about 1 in 90 for the 182 checks below together, and the seeds are
 * fixed: a failure repeats, and is a bug until shown otherwise. Each check
 * logs its z score (--verbose) so that the margins can be read off.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "expect.h"
#include "exodus.h"
#include "truth.h"

/* |got - want| <= 4 se. */
static void expect_4se(double got, double want, double se, const char *what)
{
    double z = (got - want) / se;
    cr_log_info("%s: %.6g vs %.6g, se %.3g, z %+.2f", what, got, want, se, z);
    cr_expect(fabs(z) <= 4.0,
              "%s: got %.6g, expected %.6g within 4 x se %.3g (z = %+.2f)",
              what, got, want, se, z);
}

/* Mean and variance of a sample, and its fourth central moment for the
 * standard error of the variance: Var(s^2) ~ (m4 - s^4) / R. */
struct moments {
    double n, mean, var, m4;
};

static struct moments moments_of(const double *x, size_t n)
{
    struct moments m = {(double)n, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        m.mean += x[i];
    m.mean /= (double)n;
    for (size_t i = 0; i < n; i++) {
        double d = x[i] - m.mean;
        m.var += d * d;
        m.m4 += d * d * d * d;
    }
    m.var /= (double)(n - 1);
    m.m4 /= (double)n;
    return m;
}

Test(truth, calendar_matches_library)
{
    for (int32_t d = -800000; d < 800000; d += 37) {
        int y, m, dd, ey, em, ed;
        truth_civil_from_days(d, &y, &m, &dd);
        exo_civil_from_days(d, &ey, &em, &ed);
        cr_assert(y == ey && m == em && dd == ed, "day %d", d);
        cr_assert_eq(truth_days_from_civil(y, m, dd), d, "round trip %d", d);
    }
    cr_expect_eq(truth_days_from_civil(2015, 1, 1), (int64_t)TRUTH_ORIGIN);
    cr_expect_eq(truth_days_from_civil(2026, 1, 1),
                 (int64_t)(TRUTH_ORIGIN + TRUTH_WINDOW));
    cr_expect_eq(truth_month_length(2024, 2), 29);
    cr_expect_eq(truth_month_length(2000, 2), 29);
    cr_expect_eq(truth_month_length(2100, 2), 28);
    cr_expect_eq(truth_month_length(2025, 12), 31);
    cr_expect_eq(truth_month_length(2025, 4), 30);
}

Test(truth, rates_are_the_shapes_asked_for)
{
    const double N = 100, T = TRUTH_WINDOW;
    for (int s = 0; s < TRUTH_N_SHAPES; s++) {
        truth_rate r;
        const char *name = truth_shape_name((truth_shape)s);
        cr_assert_eq(truth_rate_standard(&r, (truth_shape)s, N), 0);
        expect_rel(r.T, T, 0, name);
        expect_rel(r.mass, N, 1e-12, name);
        expect_rel(truth_rate_cumulative(&r, T), N, 1e-12, name);
        /* Lambda is the integral of lambda: midpoint rule in 0.05-day
         * steps, compared every 365 days. A jump inside a step costs at
         * most jump * 0.05, 3e-5 of the running total for the step
         * shape, hence 1e-4; the smooth shapes agree to 1e-9. */
        double acc = 0.0, h = 0.05;
        long steps = lround(T / h);
        for (long i = 0; i < steps; i++) {
            acc += h * truth_rate_at(&r, ((double)i + 0.5) * h);
            if ((i + 1) % 7300 == 0)
                expect_rel(acc, truth_rate_cumulative(&r, (double)(i + 1) * h),
                           1e-4, name);
        }
        /* The inverse undoes Lambda wherever the rate is positive. */
        for (double t = 0.5; t < T; t += 97.3)
            if (truth_rate_at(&r, t) > 0)
                expect_abs(truth_rate_inverse(&r, truth_rate_cumulative(&r, t)),
                           t, 1e-7, name);
    }
    truth_rate r;
    cr_assert_eq(truth_rate_standard(&r, TRUTH_STEP, N), 0);
    expect_rel(truth_rate_at(&r, 0.6 * T) / truth_rate_at(&r, 0.6 * T - 1e-6),
               4.0, 1e-12, "step factor");
    cr_assert_eq(truth_rate_standard(&r, TRUTH_RAMP, N), 0);
    expect_rel(truth_rate_at(&r, T) / truth_rate_at(&r, 0), 4.0, 1e-12,
               "linear ramp");
    expect_rel(truth_rate_at(&r, T / 2), 2.5 * truth_rate_at(&r, 0), 1e-12,
               "linear ramp is linear");
    cr_assert_eq(truth_rate_standard(&r, TRUTH_RAMP_EXP, N), 0);
    expect_rel(truth_rate_at(&r, T) / truth_rate_at(&r, 0), 4.0, 1e-12,
               "exponential ramp");
    expect_rel(truth_rate_at(&r, T / 2), 2.0 * truth_rate_at(&r, 0), 1e-12,
               "exponential ramp is exponential");
    /* Lumpy: each calendar year holds its share of N. */
    cr_assert_eq(truth_rate_standard(&r, TRUTH_LUMPY, N), 0);
    double sum = 0;
    for (int y = 0; y < TRUTH_OPENAI_YEARS; y++)
        sum += truth_openai_yearly[y];
    cr_expect_eq(sum, 75.0);
    for (int y = 0; y < TRUTH_OPENAI_YEARS; y++) {
        double a = (double)truth_days_from_civil(2015 + y, 1, 1) - TRUTH_ORIGIN;
        double b = (double)truth_days_from_civil(2016 + y, 1, 1) - TRUTH_ORIGIN;
        expect_abs(truth_rate_cumulative(&r, b) - truth_rate_cumulative(&r, a),
                   N * truth_openai_yearly[y] / sum, 1e-9, "lumpy year");
    }
}

Test(truth, bad_arguments_are_refused)
{
    truth_rate r;
    truth_events ev = {0};
    gsl_rng *rng = truth_rng(1);
    double c[2] = {0, 0};
    cr_expect_eq(truth_rate_constant(&r, 10, 0), EINVAL);
    cr_expect_eq(truth_rate_step(&r, 10, 5, 1.0, 4), EINVAL);
    cr_expect_eq(truth_rate_ramp(&r, 10, 5, -1, false), EINVAL);
    cr_expect_eq(truth_rate_yearly(&r, 2015, c, 2, 5), EINVAL);
    cr_expect_eq(truth_rate_standard(&r, TRUTH_N_SHAPES, 5), EINVAL);
    cr_expect_eq(truth_hawkes(1, 1.0, 1, 10, rng, &ev), EINVAL);
    cr_expect_eq(truth_hawkes(1, 0.5, 0, 10, rng, &ev), EINVAL);
    cr_expect_eq(truth_coarsen(NULL, 0, TRUTH_MIXED, NULL, NULL, NULL, NULL),
                 EINVAL);
    truth_shape s;
    truth_precision p;
    cr_expect(truth_shape_parse("ramp-exp", &s) && s == TRUTH_RAMP_EXP);
    cr_expect(!truth_shape_parse("wiggly", &s));
    cr_expect(truth_precision_parse("mixed", &p) && p == TRUTH_MIXED);
    cr_expect(!truth_precision_parse("week", &p));
    truth_events_release(&ev);
    gsl_rng_free(rng);
}

/*
 * Counts: a Poisson(N) count has mean N and variance N, so over R
 * replicates the mean has SE sqrt(N / R); the sample variance has
 * Var(s^2) ~ (mu4 - sigma^4) / R with mu4 = N (1 + 3N) for a Poisson, so
 * SE sqrt((N + 2 N^2) / R). The variance check is what tells a Poisson
 * count from a fixed one (variance 0) or a clustered one (variance > N).
 */
Test(truth, poisson_counts_have_mean_and_variance_N)
{
    const size_t R = 2000;
    const double sizes[] = {50, 100, 300};
    double *count = malloc(R * sizeof *count);
    truth_events ev = {0};
    char what[96];
    for (int s = 0; s < TRUTH_N_SHAPES; s++)
        for (size_t k = 0; k < 3; k++) {
            double N = sizes[k];
            truth_rate r;
            cr_assert_eq(truth_rate_standard(&r, (truth_shape)s, N), 0);
            gsl_rng *rng = truth_rng(truth_seed(7, (uint64_t)s, k));
            for (size_t i = 0; i < R; i++) {
                cr_assert_eq(truth_poisson(&r, rng, &ev), 0);
                count[i] = (double)ev.n;
            }
            gsl_rng_free(rng);
            struct moments m = moments_of(count, R);
            snprintf(what, sizeof what, "%s N %g: mean count",
                     truth_shape_name((truth_shape)s), N);
            expect_4se(m.mean, N, sqrt(N / (double)R), what);
            snprintf(what, sizeof what, "%s N %g: count variance",
                     truth_shape_name((truth_shape)s), N);
            expect_4se(m.var, N, sqrt((N + 2 * N * N) / (double)R), what);
        }
    free(count);
    truth_events_release(&ev);
}

/*
 * Where the events fall: pooled over R replicates, the number in a bin
 * [a, b) is Poisson with mean R (Lambda(b) - Lambda(a)) (a sum of
 * independent Poissons), so SE = sqrt(mean). 20 equal bins, and calendar
 * years for the lumpy shape, whose empty years must stay exactly empty.
 */
Test(truth, poisson_times_follow_the_rate)
{
    const size_t R = 1000, B = 20;
    const double N = 100, T = TRUTH_WINDOW;
    truth_events ev = {0};
    char what[96];
    for (int s = 0; s < TRUTH_N_SHAPES; s++) {
        truth_rate r;
        double edge[TRUTH_OPENAI_YEARS + 21], obs[TRUTH_OPENAI_YEARS + 20];
        size_t nb = s == TRUTH_LUMPY ? TRUTH_OPENAI_YEARS : B;
        for (size_t j = 0; j <= nb; j++)
            edge[j] = s == TRUTH_LUMPY
                          ? (double)truth_days_from_civil(2015 + (int)j, 1, 1) -
                                TRUTH_ORIGIN
                          : T * (double)j / (double)nb;
        for (size_t j = 0; j < nb; j++)
            obs[j] = 0;
        cr_assert_eq(truth_rate_standard(&r, (truth_shape)s, N), 0);
        gsl_rng *rng = truth_rng(truth_seed(8, (uint64_t)s, 0));
        for (size_t i = 0; i < R; i++) {
            cr_assert_eq(truth_poisson(&r, rng, &ev), 0);
            for (size_t k = 0; k < ev.n; k++) {
                cr_assert(ev.t[k] >= 0 && ev.t[k] <= T);
                cr_assert(k == 0 || ev.t[k - 1] <= ev.t[k], "sorted");
                size_t j = 0;
                while (j + 1 < nb && ev.t[k] >= edge[j + 1])
                    j++;
                obs[j]++;
            }
        }
        gsl_rng_free(rng);
        for (size_t j = 0; j < nb; j++) {
            double want = (double)R * (truth_rate_cumulative(&r, edge[j + 1]) -
                                       truth_rate_cumulative(&r, edge[j]));
            snprintf(what, sizeof what, "%s bin %zu",
                     truth_shape_name((truth_shape)s), j);
            if (want == 0)
                cr_expect_eq(obs[j], 0, "%s: %g events where the rate is 0",
                             what, obs[j]);
            else
                expect_4se(obs[j], want, sqrt(want), what);
        }
    }
    truth_events_release(&ev);
}

/*
 * Hawkes counts against the exact start-up mean (truth_hawkes_mean) at the
 * benchmark's settings: 120 expected events in the standard window, a
 * 30-day memory; and in each of 10 equal bins [a, b), against
 * truth_hawkes_mean(b) - truth_hawkes_mean(a), which shows whether the
 * immigrants are uniform and the start-up is where it should be. The
 * counts are not Poisson (clusters), so each SE is the sample's own:
 * sd / sqrt(R) over the replicates.
 */
Test(truth, hawkes_mean_count_at_benchmark_settings)
{
    enum { R = 2000, B = 10 };
    const double N = 120, beta = 1.0 / 30, T = TRUTH_WINDOW;
    const double ns[] = {0.0, 0.3, 0.5, 0.7, 0.9};
    double *count = malloc((B + 1) * R * sizeof *count);
    truth_events ev = {0};
    char what[96];
    for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++) {
        double mu = truth_hawkes_mu(N, ns[k], beta, T);
        expect_rel(truth_hawkes_mean(mu, ns[k], beta, T), N, 1e-12, "mu");
        gsl_rng *rng = truth_rng(truth_seed(9, k, 0));
        for (size_t i = 0; i < R; i++) {
            cr_assert_eq(truth_hawkes(mu, ns[k], beta, T, rng, &ev), 0);
            count[i] = (double)ev.n;
            for (size_t j = 0; j < B; j++)
                count[(j + 1) * R + i] = 0;
            for (size_t j = 0; j < ev.n; j++) {
                cr_assert(j == 0 || ev.t[j - 1] <= ev.t[j]);
                cr_assert(ev.t[j] >= 0 && ev.t[j] <= T);
                size_t bin = (size_t)(ev.t[j] / T * B);
                count[(bin < B ? bin + 1 : B) * R + i]++;
            }
        }
        gsl_rng_free(rng);
        struct moments m = moments_of(count, R);
        snprintf(what, sizeof what, "hawkes n %g: mean count", ns[k]);
        expect_4se(m.mean, N, sqrt(m.var / R), what);
        for (size_t j = 0; j < B; j++) {
            double a = T * (double)j / B, b = T * (double)(j + 1) / B;
            m = moments_of(count + (j + 1) * R, R);
            snprintf(what, sizeof what, "hawkes n %g: bin %zu", ns[k], j);
            expect_4se(m.mean,
                       truth_hawkes_mean(mu, ns[k], beta, b) -
                           truth_hawkes_mean(mu, ns[k], beta, a),
                       sqrt(m.var / R), what);
        }
    }
    free(count);
    truth_events_release(&ev);
}

/*
 * A long window (beta T = 1000), where the start-up is negligible: the
 * mean is mu T / (1 - n) less mu n / (beta (1 - n)^2) = 2 events of 2000
 * at n = 0.5, well inside 4 SE (about 11); the variance is mu T E[S^2]
 * with S the cluster size (Borel: E[S^2] = 1 / (1 - n)^3), four times the
 * Poisson value at n = 0.5, which a simulator without clustering fails.
 */
Test(truth, hawkes_stationary_mean_and_variance)
{
    const size_t R = 1000;
    const double mu = 1, n = 0.5, beta = 1, T = 1000;
    double *count = malloc(R * sizeof *count);
    truth_events ev = {0};
    gsl_rng *rng = truth_rng(truth_seed(10, 0, 0));
    for (size_t i = 0; i < R; i++) {
        cr_assert_eq(truth_hawkes(mu, n, beta, T, rng, &ev), 0);
        count[i] = (double)ev.n;
    }
    gsl_rng_free(rng);
    struct moments m = moments_of(count, R);
    expect_4se(m.mean, mu * T / (1 - n), sqrt(m.var / (double)R),
               "mean count = mu T / (1 - n)");
    expect_4se(m.var, mu * T / pow(1 - n, 3),
               sqrt((m.m4 - m.var * m.var) / (double)R),
               "count variance = mu T / (1 - n)^3");
    free(count);
    truth_events_release(&ev);
}

/*
 * The branching structure itself, from the parents: at n = 0.5 a cluster
 * has 1 / (1 - n) = 2 events on average (Borel, variance n / (1 - n)^3 =
 * 4), an event has Poisson(n) children (mean n, P(none) = e^-n) after
 * Exp(beta) delays (mean and sd 1 / beta; beta is not 1 so that a mean
 * of beta would show). Only clusters and parents that start 50 mean
 * delays before T are counted: a cluster has 1.4e-11 descendants that
 * late on average (sum over generations g of n^g P(Gamma(g) > 50)), so
 * the window's end cuts nothing that matters.
 */
Test(truth, hawkes_clusters_branch_as_specified)
{
    const double mu = 1, n = 0.5, beta = 0.25, T = 20000, cut = T - 50 / beta;
    truth_events ev = {.track_parents = true};
    gsl_rng *rng = truth_rng(truth_seed(11, 0, 0));
    cr_assert_eq(truth_hawkes(mu, n, beta, T, rng, &ev), 0);
    gsl_rng_free(rng);
    size_t N = ev.n, immigrants = 0;
    size_t *root = malloc(N * sizeof *root);
    double *size = calloc(N, sizeof *size);
    double *kids = calloc(N, sizeof *kids);
    double delay_sum = 0, delays = 0;
    for (size_t k = 0; k < N; k++) {
        size_t p = ev.parent[k];
        if (p == TRUTH_NO_PARENT) {
            root[k] = k;
            immigrants++;
        } else {
            cr_assert(p < k && ev.t[p] <= ev.t[k], "parent before child");
            root[k] = root[p];
            kids[p]++;
            if (ev.t[p] < cut) {
                delay_sum += ev.t[k] - ev.t[p];
                delays++;
            }
        }
        size[root[k]]++;
    }
    cr_expect_eq(immigrants, ev.n_immigrants);
    /* Gather the clusters and the parents that started before the cut. */
    double *cs = malloc(N * sizeof *cs), *ck = malloc(N * sizeof *ck);
    size_t n_cs = 0, n_ck = 0, none = 0;
    for (size_t k = 0; k < N && ev.t[k] < cut; k++) {
        if (ev.parent[k] == TRUTH_NO_PARENT)
            cs[n_cs++] = size[k];
        ck[n_ck++] = kids[k];
        none += kids[k] == 0;
    }
    cr_log_info("%zu events, %zu clusters", N, n_cs);
    struct moments m = moments_of(cs, n_cs);
    expect_4se(m.mean, 1 / (1 - n), sqrt(m.var / (double)n_cs),
               "mean cluster size = 1 / (1 - n)");
    expect_4se(m.var, n / pow(1 - n, 3),
               sqrt((m.m4 - m.var * m.var) / (double)n_cs),
               "cluster size variance = n / (1 - n)^3");
    m = moments_of(ck, n_ck);
    expect_4se(m.mean, n, sqrt(n / (double)n_ck), "children per event = n");
    double p0 = exp(-n);
    expect_4se((double)none / (double)n_ck, p0,
               sqrt(p0 * (1 - p0) / (double)n_ck), "share with no child");
    expect_4se(delay_sum / delays, 1 / beta, 1 / beta / sqrt(delays),
               "mean delay = 1 / beta");
    free(root);
    free(size);
    free(kids);
    free(cs);
    free(ck);
    truth_events_release(&ev);
}

/* Every time of the standard window at several times of day, against the
 * library's calendar: the window holds the time, and has the right
 * start and length. */
Test(truth, coarsened_windows_hold_the_time)
{
    const double fracs[] = {0.0, 0.5, 1.0 - 1e-9};
    for (double day = TRUTH_ORIGIN; day < TRUTH_ORIGIN + TRUTH_WINDOW; day++)
        for (size_t f = 0; f < 3; f++) {
            double t = day + fracs[f], s, w;
            int y, m, d;
            exo_civil_from_days((int32_t)day, &y, &m, &d);

            truth_coarsen_one(t, TRUTH_EXACT, &s, &w);
            cr_assert(s == t && w == 0);

            truth_coarsen_one(t, TRUTH_DAY, &s, &w);
            cr_assert(s == day && w == 1 && s <= t && t < s + w, "day %g", t);

            truth_coarsen_one(t, TRUTH_MONTH, &s, &w);
            cr_assert(s == exo_days_from_civil(y, m, 1), "month of %g", t);
            cr_assert(w >= 28 && w <= 31 && s <= t && t < s + w);
            cr_assert(s + w == (m == 12 ? exo_days_from_civil(y + 1, 1, 1)
                                        : exo_days_from_civil(y, m + 1, 1)));

            truth_coarsen_one(t, TRUTH_YEAR, &s, &w);
            cr_assert(s == exo_days_from_civil(y, 1, 1), "year of %g", t);
            cr_assert(w == (y % 4 == 0 ? 366 : 365) && s <= t && t < s + w);
            /* Whole years: nothing spills past the window's end. */
            cr_assert(s + w <= TRUTH_ORIGIN + TRUTH_WINDOW);
        }
}

/* Mixed precision: each share is binomial, SE sqrt(p (1 - p) / n). */
Test(truth, mixed_precision_follows_the_mix)
{
    const size_t n = 100000;
    double *t = malloc(n * sizeof *t), *s = malloc(n * sizeof *s),
           *w = malloc(n * sizeof *w);
    gsl_rng *rng = truth_rng(truth_seed(12, 0, 0));
    for (size_t i = 0; i < n; i++)
        t[i] = TRUTH_ORIGIN + TRUTH_WINDOW * gsl_rng_uniform(rng);
    cr_assert_eq(truth_coarsen(t, n, TRUTH_MIXED, NULL, rng, s, w), 0);
    double got[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++) {
        cr_assert(s[i] <= t[i] && t[i] < s[i] + w[i]);
        if (w[i] == 1)
            got[0]++;
        else if (w[i] >= 28 && w[i] <= 31)
            got[1]++;
        else if (w[i] == 365 || w[i] == 366)
            got[2]++;
        else
            cr_assert_fail("width %g", w[i]);
    }
    const char *names[3] = {"day share", "month share", "year share"};
    for (int k = 0; k < 3; k++) {
        double p = truth_ai_lab_mix[k];
        expect_4se(got[k] / (double)n, p, sqrt(p * (1 - p) / (double)n),
                   names[k]);
    }
    const double all_years[3] = {0, 0, 1};
    cr_assert_eq(truth_coarsen(t, n, TRUTH_MIXED, all_years, rng, s, w), 0);
    for (size_t i = 0; i < n; i++)
        cr_assert(w[i] >= 365);
    gsl_rng_free(rng);
    free(t);
    free(s);
    free(w);
}

/* The benchmark's replicates must repeat exactly from their seeds. */
Test(truth, same_seed_same_draw)
{
    truth_events a = {0}, b = {0};
    gsl_rng *r1 = truth_rng(truth_seed(1, 2, 3));
    gsl_rng *r2 = truth_rng(truth_seed(1, 2, 3));
    cr_assert_eq(truth_hawkes(0.02, 0.7, 1.0 / 30, TRUTH_WINDOW, r1, &a), 0);
    cr_assert_eq(truth_hawkes(0.02, 0.7, 1.0 / 30, TRUTH_WINDOW, r2, &b), 0);
    cr_assert_eq(a.n, b.n);
    for (size_t i = 0; i < a.n; i++)
        cr_assert_eq(a.t[i], b.t[i]);
    gsl_rng_free(r1);
    gsl_rng_free(r2);
    cr_expect_neq(truth_seed(1, 2, 3), truth_seed(1, 3, 2));
    truth_events_release(&a);
    truth_events_release(&b);
}
