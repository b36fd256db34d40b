/*
 * spiral_example.c - the exodus C library in one page: open a store, ask
 * whether an organisation's departures feed on themselves, and print the
 * branching ratio n with its interval and the verdict.
 *
 * Build against an installed exodus:
 *   cc spiral_example.c $(pkg-config --cflags --libs exodus) -o spiral_example
 * Run on a store made by 'exodus import' (or 'exodus demo'):
 *   ./spiral_example exodus.db OpenAI
 *
 * exo_spiral_analyze is the call 'exodus spiral ORG' makes: with no
 * options the two print the same answer (the window, the trend, the test,
 * the imputations of imprecise dates and the verdict are all decided
 * there).
 */
#include <math.h>
#include <stdio.h>

#include <exodus.h>

int main(int argc, char **argv)
{
    exo_err err = {0};
    exo_store *store = NULL;
    exo_spiral *answer = NULL;
    char text[600];

    if (argc != 3) {
        fprintf(stderr, "usage: %s STORE ORG\n", argv[0]);
        return 64;
    }
    /* Every fallible call returns a code and fills 'err' on failure. */
    if (exo_store_open(argv[1], EXO_STORE_READONLY, &store, &err) ||
        exo_spiral_analyze(store, argv[2], NULL, &answer, &err)) {
        exo_err_format(&err, text, sizeof text);
        fprintf(stderr, "%s\n", text);
        exo_store_close(store);
        return 1;
    }
    printf("%s: %zu departures\n", answer->org, answer->n_events);
    if (answer->has_fit) {
        printf("n = %.6f\n", answer->n);
        if (isfinite(answer->n_hi))
            printf("%.0f%% CI %.2f-%.2f (combined over %zu imputations)\n",
                   100.0 * answer->level, answer->n_lo, answer->n_hi,
                   answer->n_imputations);
        else
            printf("%.0f%% CI %.2f-unbounded\n", 100.0 * answer->level,
                   answer->n_lo);
    }
    printf("verdict: %s\n", answer->verdict.text);
    exo_spiral_release(answer);
    exo_store_close(store);
    return 0;
}
