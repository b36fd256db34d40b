/*
 * fuzz_extract.c - libFuzzer target for the news-text extractor: any bytes
 * in, as plain text and as HTML, with and without a context organisation;
 * no crash, no leak, and every candidate's offsets inside the input.
 */
#include <stdint.h>
#include <stdlib.h>

#include "exodus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (int pass = 0; pass < 2; pass++) {
        exo_extract_opts opts;
        exo_candidate_list out;
        exo_extract_opts_init(&opts);
        opts.kind = pass ? EXO_TEXT_HTML : EXO_TEXT_AUTO;
        opts.org_context = pass ? "OpenAI" : NULL;
        if (exo_extract_text((const char *)data, size, &opts, &out, NULL) ==
            EXO_OK) {
            for (size_t i = 0; i < out.n; i++)
                if (out.rows[i].start > out.rows[i].end ||
                    out.rows[i].end > size || !out.rows[i].person ||
                    out.rows[i].confidence < 0 || out.rows[i].confidence > 1)
                    abort();
            exo_candidate_list_release(&out);
        }
    }
    return 0;
}
