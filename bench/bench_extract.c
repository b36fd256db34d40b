/*
 * bench_extract.c - megabytes per second of exo_extract_text on generated
 * adversarial text (bench/adversarial_text.h): the inputs issue 19 found
 * quadratic, at two sizes, so that a time growing faster than the input
 * shows in the figures; and on real news (issue 17): the passages of
 * tests/extract/news/ repeated to 1 and 4 MB. The target is at least
 * 1 MB/s on each, on one core. Prints figures; never asserts. Run from
 * the source tree (make bench does); a missing news file is an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Appends the passages of 'path' (without their "=== " header lines) to
 * *buf; false when the file cannot be read. */
static int read_news(const char *path, char **buf, size_t *len, size_t *cap)
{
    FILE *f = fopen(path, "r");
    char line[8192];
    if (!f)
        return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "=== ", 4) == 0 || line[0] == '#')
            continue;
        size_t n = strlen(line);
        if (*len + n + 2 > *cap) {
            *cap = 2 * (*len + n + 2);
            char *p = realloc(*buf, *cap);
            if (!p) {
                fclose(f);
                return 0;
            }
            *buf = p;
        }
        memcpy(*buf + *len, line, n);
        *len += n;
        (*buf)[(*len)++] = '\n'; /* a blank line: one paragraph each */
    }
    fclose(f);
    return 1;
}

/* The news passages repeated to at least 'n' bytes, timed as one text. */
static int bench_news(size_t n)
{
    char *one = NULL;
    size_t len = 0, cap = 0;
    /* The development sets only: the sealed test sets are read by nobody
     * but the scorer, not even as timing text. */
    static const char *const sets[] = {"dev",  "dev2", "dev3", "dev4", "dev5",
                                       "dev6", "dev7", "dev8", "dev9", "dev10"};
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) {
        char path[64];
        snprintf(path, sizeof path, "tests/extract/news/%s.txt", sets[i]);
        if (!read_news(path, &one, &len, &cap)) {
            fprintf(stderr,
                    "bench_extract: cannot read %s "
                    "(run from the source tree)\n",
                    path);
            free(one);
            return 1;
        }
    }
    size_t reps = n / len + 1, total = reps * len;
    char *text = malloc(total + 1);
    if (!text) {
        free(one);
        return 1;
    }
    for (size_t r = 0; r < reps; r++)
        memcpy(text + r * len, one, len);
    text[total] = '\0';
    exo_extract_opts opts;
    exo_candidate_list list = {0};
    exo_err err = {0};
    exo_extract_opts_init(&opts);
    double t0 = now();
    exo_code rc = exo_extract_text(text, total, &opts, &list, &err);
    double dt = now() - t0;
    if (rc)
        printf("extract %-32s %7.2f MB  failed: %s\n", "real news",
               (double)total / 1e6, err.msg);
    else
        printf("extract %-32s %7.2f MB  %8.3f s  %8.2f MB/s  %zu candidates\n",
               "real news (tests/extract/news)", (double)total / 1e6, dt,
               (double)total / 1e6 / dt, list.n);
    exo_candidate_list_release(&list);
    free(text);
    free(one);
    return rc ? 1 : 0;
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
    if (bench_news(big / 4) || bench_news(big))
        return 1;
    return 0;
}
