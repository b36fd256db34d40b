/*
 * fuzz_http.c - libFuzzer target: the dashboard's request handler
 * (exo_serve_answer, everything the daemon does after libmicrohttpd has
 * split and decoded a request) on arbitrary requests against a small store
 * made once from the test fixtures. The input is lines: the method, the
 * path, then one "key=value" query argument a line. Any request gets a
 * reply with a status, never a crash; only running out of memory may fail.
 * Run from the source tree's root (make fuzz does), where the fixtures are.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exodus.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static exo_store *store;
static exo_serve_opts opts;

static void import_or_die(exo_import_kind kind, const char *path)
{
    exo_import_result res;
    exo_errlist errs;
    exo_err err = {0};
    if (exo_import_file(store, kind, path, NULL, &res, &errs, &err)) {
        fprintf(stderr, "fuzz_http: importing %s: %s\n", path, err.msg);
        exit(1);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    static char dir[] = "/tmp/exodus-fuzz-http-XXXXXX";
    char path[64];
    exo_err err = {0};
    if (!mkdtemp(dir)) {
        perror("fuzz_http: mkdtemp");
        exit(1);
    }
    snprintf(path, sizeof path, "%s/store.db", dir);
    if (exo_store_open(path, EXO_STORE_CREATE, &store, &err)) {
        fprintf(stderr, "fuzz_http: %s\n", err.msg);
        exit(1);
    }
    import_or_die(EXO_IMPORT_MOVES, "tests/fixtures/moves-compare.csv");
    import_or_die(EXO_IMPORT_FINANCE, "tests/fixtures/finance-compare.csv");
    import_or_die(EXO_IMPORT_SPELLS, "tests/fixtures/spells-hostile.csv");
    exo_serve_opts_init(&opts);
    /* Few forecast paths and bootstrap-sized work: many requests a second. */
    opts.report.forecast_paths = 200;
    opts.scenario_dir = "data/scenarios";
    return 0;
}

#define MAX_LINES 16

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    char *line[MAX_LINES];
    const char *keys[MAX_LINES], *values[MAX_LINES];
    size_t n_lines = 0, n_args = 0;
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    for (char *p = text; n_lines < MAX_LINES;) {
        line[n_lines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    for (size_t i = 2; i < n_lines; i++) {
        char *eq = strchr(line[i], '=');
        keys[n_args] = line[i];
        values[n_args] = eq ? eq + 1 : NULL;
        if (eq)
            *eq = '\0';
        n_args++;
    }
    exo_http_reply reply;
    exo_err err = {0};
    exo_code rc =
        exo_serve_answer(store, &opts, line[0], n_lines > 1 ? line[1] : NULL,
                         keys, values, n_args, &reply, &err);
    if (rc == EXO_OK) {
        if (reply.status < 200 || reply.status > 599)
            __builtin_trap();
        exo_free(reply.body);
    } else if (rc != EXO_ENOMEM) {
        __builtin_trap(); /* bad input is a 4xx reply, not a failure */
    }
    free(text);
    return 0;
}
