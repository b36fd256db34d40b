/*
 * spiral_example.c - the exodus C library in one page: open a store, read
 * an organisation's departures, fit the spiral (Hawkes) model and print its
 * branching ratio n with the interval.
 *
 * Build against an installed exodus:
 *   cc spiral_example.c $(pkg-config --cflags --libs exodus) -o spiral_example
 * Run on a store made by 'exodus import' (or 'exodus demo'):
 *   ./spiral_example exodus.db OpenAI
 *
 * It makes the same choices as 'exodus spiral ORG' with no options, so the
 * two print the same n: the window runs from the organisation's first
 * recorded arrival or departure to the end of its last departure's date,
 * and dates known to a day, month or year are spread uniformly inside that
 * day, month or year (seed 1), because exact ties make the likelihood
 * unbounded.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <exodus.h>

/* Days covered by a date of its precision: 1, the month or the year. */
static double date_width(exo_date d)
{
    int y, m, day;
    if (d.precision == EXO_PREC_DAY)
        return 1.0;
    exo_civil_from_days(d.days, &y, &m, &day);
    if (d.precision == EXO_PREC_YEAR)
        return exo_days_from_civil(y + 1, 1, 1) - exo_days_from_civil(y, 1, 1);
    return (m == 12 ? exo_days_from_civil(y + 1, 1, 1)
                    : exo_days_from_civil(y, m + 1, 1)) -
           exo_days_from_civil(y, m, 1);
}

int main(int argc, char **argv)
{
    exo_err err = {0};
    exo_store *store = NULL;
    char *org = NULL;
    exo_move_list departures = {0}, arrivals = {0};
    double *times = NULL, *widths = NULL;
    int status = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: %s STORE ORG\n", argv[0]);
        return 64;
    }
    /* Every fallible call returns a code and fills 'err' on failure. */
    if (exo_store_open(argv[1], EXO_STORE_READONLY, &store, &err) ||
        exo_org_resolve(store, argv[2], &org, &err) ||
        exo_departures(store, org, NULL, &departures, &err) ||
        exo_arrivals(store, org, NULL, &arrivals, &err))
        goto fail;

    size_t n = departures.n;
    if (n < 3) {
        fprintf(stderr, "%s: only %zu departures recorded\n", org, n);
        goto out;
    }
    times = malloc(n * sizeof *times);
    widths = malloc(n * sizeof *widths);
    if (!times || !widths) {
        fprintf(stderr, "out of memory\n");
        goto out;
    }
    /* Departures come in date order; a model time is days since 1970. */
    double first = departures.rows[0].date.days;
    for (size_t i = 0; i < n; i++) {
        times[i] = departures.rows[i].date.days;
        widths[i] = date_width(departures.rows[i].date);
    }
    for (size_t i = 0; i < arrivals.n; i++)
        first = fmin(first, arrivals.rows[i].date.days);

    exo_hawkes_opts opts;
    exo_hawkes_opts_init(&opts);
    opts.has_window = true;
    opts.t_start = first;
    opts.t_end = times[n - 1] + widths[n - 1];
    if (exo_hawkes_spread_ties(times, widths, n, 1, &err))
        goto fail;

    exo_hawkes fit; /* a plain struct: nothing to release */
    exo_code rc = exo_hawkes_fit(times, n, &opts, &fit, &err);
    if (rc == EXO_ENUMERIC) {
        /* No usable estimate is an answer, not a crash. */
        printf("%s: %zu departures, no estimate: %s\n", org, n, err.msg);
        status = 0;
        goto out;
    }
    if (rc)
        goto fail;

    printf("%s: %zu departures\n", org, n);
    printf("n = %.6f\n", fit.n);
    if (fit.has_profile)
        printf("%.0f%% CI %.6f - %.6f (profile likelihood)\n",
               100.0 * fit.level, fit.n_prof_lo, fit.n_prof_hi);
    printf("%.0f%% CI %.6f - %.6f (Wald)\n", 100.0 * fit.level, fit.n_wald_lo,
           fit.n_wald_hi);
    printf("vs Poisson: LR %.3f, p = %.4g\n", fit.lr, fit.lr_p);

    /* The plain-language verdict the CLI prints. */
    exo_spiral_in in = {0};
    exo_verdict verdict;
    in.n_events = n;
    in.fit = &fit;
    in.noun = "departures";
    exo_spiral_verdict(&in, &verdict);
    printf("verdict: %s\n", verdict.text);
    status = 0;
    goto out;

fail: {
    char text[600];
    exo_err_format(&err, text, sizeof text);
    fprintf(stderr, "%s: %s\n", argv[0], text);
}
out:
    free(times);
    free(widths);
    exo_move_list_release(&departures);
    exo_move_list_release(&arrivals);
    exo_free(org);
    exo_store_close(store);
    return status;
}
