/*
 * fuzz_date.c - libFuzzer target: ISO dates and strftime-like layouts. The
 * first line of the input is the format, the rest the date text.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "exodus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = exo__strndup((const char *)data, size);
    exo_date d;
    if (!text)
        return 0;
    if (exo_date_parse(text, &d, NULL) == EXO_OK) {
        char buf[11];
        exo_date parsed;
        exo_date_format(d.days, buf);
        /* a valid day-precision date formats back to itself */
        if (d.precision == EXO_PREC_DAY &&
            (exo_date_parse(buf, &parsed, NULL) != EXO_OK ||
             parsed.days != d.days))
            __builtin_trap();
    }
    char *nl = strchr(text, '\n');
    if (nl) {
        *nl = '\0';
        exo_date_parse_format(nl + 1, text, &d, NULL);
    }
    exo__free(text);
    return 0;
}
