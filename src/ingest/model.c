/*
 * model.c - the learned reader's weights (ex17c), embedded at build time
 * from data/extract-model.csv, which tests/extract/news/train.c writes.
 */
#include "ingest/extract.h"

static const struct exo__model_row rows[] = {
#include "extract_model.inc"
};

const struct exo__model_row *exo__extract_model(size_t *n)
{
    *n = sizeof rows / sizeof rows[0];
    return rows;
}
