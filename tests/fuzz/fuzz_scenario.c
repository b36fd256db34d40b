/*
 * fuzz_scenario.c - libFuzzer target for the runway scenario parser: any
 * bytes must give EXO_OK or an error with a message, never a crash, and a
 * scenario that parses must run (a short horizon, few paths).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "exodus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    exo_runway_scenario sc;
    exo_err err = {0};
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (exo_runway_scenario_parse(text, size, "fuzz.json", &sc, &err) ==
        EXO_OK) {
        exo_runway_opts o = {.n_paths = 4, .seed = 1, .months = 6};
        exo_runway r;
        if (exo_runway_run(&sc, &o, &r, &err) == EXO_OK)
            exo_runway_release(&r);
    } else if (!err.msg[0]) {
        abort();
    }
    free(text);
    return 0;
}
