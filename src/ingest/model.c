/*
 * model.c - the learned reader's weights (ex17c), embedded at build time
 * from data/extract-model.csv, which tests/extract/news/train.c writes,
 * and the second look's (ex20c) from data/extract-calibration.csv.
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

static const struct exo__calib_row calib_rows[] = {
#include "extract_calibration.inc"
};

const struct exo__calib_row *exo__extract_calibration(size_t *n)
{
    *n = sizeof calib_rows / sizeof calib_rows[0];
    return calib_rows;
}
