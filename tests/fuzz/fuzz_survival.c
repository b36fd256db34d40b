/*
 * fuzz_survival.c - libFuzzer target: the reader of 'survival --data'
 * files on arbitrary bytes, with a specification that asks for every kind
 * of column (start, stop, event, a group, covariates, a factor, strata),
 * then the models on what it accepts. Any input gives data or an error; a
 * rejection of the data names its line and column.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "exodus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *f = tmpfile();
    char path[64];
    exo_survival_data d;
    exo_err err = {0};
    if (!f)
        return 0;
    if (fwrite(data, 1, size, f) != size || fflush(f) != 0) {
        fclose(f);
        return 0;
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(f));
    /* The first byte chooses the specification: with or without a start
     * column, a group, covariates. */
    unsigned pick = size ? data[0] : 0;
    exo_survival_spec spec = {"time",
                              (pick & 1) ? "start" : NULL,
                              "status",
                              (pick & 2) ? "g" : NULL,
                              (pick & 4) ? "x + factor(g) + strata(s)" : NULL,
                              NULL};
    exo_code rc = exo_survival_data_load(path, &spec, &d, &err);
    if (rc == EXO_OK) {
        exo_km km;
        exo_cox cox;
        exo_err e2 = {0};
        if (exo_km_fit(d.n, d.start, d.stop, d.event, d.group, d.n_groups, NULL,
                       &km, &e2) == EXO_OK)
            exo_km_release(&km);
        if (d.p && exo_cox_fit(d.n, d.p, d.start, d.stop, d.event, d.x,
                               d.strata, NULL, &cox, &e2) == EXO_OK)
            exo_cox_release(&cox);
        exo_survival_data_release(&d);
    } else if (rc == EXO_EDATA && err.file[0] &&
               (err.line < 1 || err.column < 1)) {
        __builtin_trap(); /* every located rejection has its place */
    }
    fclose(f);
    return 0;
}
