/*
 * fuzz_events.c - libFuzzer target: the reader of 'spiral --events' files
 * (numbers or ISO dates, one event a record) on arbitrary bytes. Any input
 * gives the events or an error; a rejection of the data names its line and
 * column.
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
    exo_event_file ev;
    exo_err err = {0};
    if (!f)
        return 0;
    if (fwrite(data, 1, size, f) != size || fflush(f) != 0) {
        fclose(f);
        return 0;
    }
    snprintf(path, sizeof path, "/proc/self/fd/%d", fileno(f));
    exo_code rc = exo_event_file_load(path, NULL, &ev, &err);
    if (rc == EXO_OK) {
        /* What was read is sorted and finite, as the fit assumes. */
        for (size_t i = 0; i < ev.n; i++)
            if (ev.times[i] != ev.times[i] ||
                (i && ev.times[i] < ev.times[i - 1]))
                __builtin_trap();
        exo_event_file_release(&ev);
    } else if (rc == EXO_EDATA && err.file[0] &&
               (err.line < 1 || err.column < 1)) {
        __builtin_trap(); /* every located rejection has its place */
    }
    fclose(f);
    return 0;
}
