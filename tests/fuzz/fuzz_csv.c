/*
 * fuzz_csv.c - libFuzzer target: the CSV reader and its field locations
 * on arbitrary bytes. Built and run for a bounded time by 'make fuzz'.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "ingest/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int visit(void *ud, const struct csv_record *rec)
{
    long line, column;
    exo_err err = {0};
    (void)ud;
    for (size_t k = 0; k < rec->n_fields; k++) {
        exo__csv_field_location(rec, k, &line, &column);
        if (line < 1 || column < 1)
            __builtin_trap();
    }
    exo__csv_end_location(rec, &line, &column);
    if (line < rec->line || column < 1)
        __builtin_trap();
    /* Any width: the ragged-row error must locate itself too. */
    if (exo__csv_check_width(rec, 3, "fuzz.csv", &err) &&
        (err.line < 1 || err.column < 1))
        __builtin_trap();
    return EXO_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = exo__strndup((const char *)data, size);
    if (!text)
        return 0;
    exo__csv_read_mem(text, size, "fuzz.csv", visit, NULL, NULL);
    exo__free(text);
    return 0;
}
