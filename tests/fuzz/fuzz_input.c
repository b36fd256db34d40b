/*
 * fuzz_input.c - libFuzzer target: the strict input reader (gzip members
 * to their checksums, the size cap, the text check) on arbitrary bytes,
 * then the CSV reader on what it accepts. Built and run for a bounded time
 * by 'make fuzz'; the corpus starts from gzip files cut short, with bytes
 * after their end, and UTF-16.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

#include "core/alloc.h"
#include "ingest/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int visit(void *ud, const struct csv_record *rec)
{
    (void)ud;
    (void)rec;
    return EXO_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* The reader reads a path: a temporary file, through /proc. */
    FILE *f = tmpfile();
    char path[64];
    char *text;
    size_t len;
    exo_err err = {0};
    if (!f)
        return 0;
    if (fwrite(data, 1, size, f) != size || fflush(f) != 0) {
        fclose(f);
        return 0;
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(f));
    if (exo__read_input(path, "fuzz.csv", &text, &len, &err) == EXO_OK) {
        exo__csv_read_mem(text, len, "fuzz.csv", visit, NULL, NULL);
        exo__free(text);
    } else if (err.code == EXO_EDATA && err.file[0] &&
               (err.line < 1 || err.column < 1)) {
        __builtin_trap(); /* every located rejection has its place */
    }
    fclose(f);
    return 0;
}
