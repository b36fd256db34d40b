/*
 * fuzz_json.c - libFuzzer target: the JSON import path (parse, validate,
 * locate every error, write to an in-memory store) on arbitrary bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "exodus.h"
#include "ingest/json_locate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static exo_store *store;
    static char path[64];
    if (!store) {
        if (exo_store_open(":memory:", EXO_STORE_CREATE, &store, NULL))
            abort();
        snprintf(path, sizeof path, "/tmp/exodus-fuzz-%d.json", (int)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    fwrite(data, 1, size, f);
    fclose(f);
    exo_import_result result;
    exo_errlist errors;
    exo_err err = {0};
    exo_import_opts opts;
    exo_import_opts_init(&opts);
    opts.format = EXO_FORMAT_JSON;
    exo_import_file(store, EXO_IMPORT_MOVES, path, &opts, &result, &errors,
                    &err);
    for (size_t i = 0; i < errors.n; i++)
        if (errors.item[i].line < 1 || errors.item[i].column < 1)
            __builtin_trap();
    return 0;
}
