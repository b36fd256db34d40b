/*
 * bench_extract.c - megabytes per second of exo_extract_text on generated
 * adversarial text (bench/adversarial_text.h): the inputs issue 19 found
 * quadratic, at two sizes, so that a time growing faster than the input
 * shows in the figures. The target is at least 1 MB/s on each. Prints
 * figures; never asserts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "adversarial_text.h"
#include "exodus.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void bench(enum adv_kind kind, size_t n)
{
    size_t len;
    char *text = adv_text(kind, n, &len);
    exo_extract_opts opts;
    exo_candidate_list list = {0};
    exo_err err = {0};
    exo_extract_opts_init(&opts);
    double t0 = now();
    exo_code rc = exo_extract_text(text, len, &opts, &list, &err);
    double dt = now() - t0;
    if (rc)
        printf("extract %-32s %7.2f MB  failed: %s\n", adv_kind_name[kind],
               (double)len / 1e6, err.msg);
    else
        printf("extract %-32s %7.2f MB  %8.3f s  %8.2f MB/s  %zu candidates\n",
               adv_kind_name[kind], (double)len / 1e6, dt,
               (double)len / 1e6 / dt, list.n);
    exo_candidate_list_release(&list);
    free(text);
}

int main(int argc, char **argv)
{
    /* The sizes in bytes; a smaller one from the command line. */
    size_t big = argc > 1 ? strtoul(argv[1], NULL, 10) : 4000000;
    printf("# bench_extract: exo_extract_text on generated text, no --date\n");
    for (int k = 0; k < ADV_KINDS; k++) {
        bench((enum adv_kind)k, big / 4);
        bench((enum adv_kind)k, big);
    }
    return 0;
}
