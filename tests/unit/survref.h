/*
 * survref.h - reading the R reference outputs in
 * the JSON files of shared/data/survival-ref (R 4.2.2, survival 3.5.3; each file
 * records the R call that produced it) and comparing with them.
 */
#ifndef EXO_TESTS_SURVREF_H
#define EXO_TESTS_SURVREF_H

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "exodus.h"
#include "expect.h"

static inline void ref_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/data/survival-ref/%s", EXO_SHARED_DIR, name);
}

static inline json_t *ref_load(const char *name)
{
    char path[1024];
    json_error_t jerr;
    ref_path(path, sizeof path, name);
    json_t *root = json_load_file(path, 0, &jerr);
    cr_assert(root, "cannot read %s: %s", path, jerr.text);
    return root;
}

/* Loads the reference's data file with 'spec'; asserts success. */
static inline void ref_data(const char *file, const exo_survival_spec *spec,
                            exo_survival_data *out)
{
    char path[1024];
    exo_err err = {0};
    ref_path(path, sizeof path, file);
    exo_code rc = exo_survival_data_load(path, spec, out, &err);
    cr_assert_eq(rc, EXO_OK, "loading %s: %s:%ld: %s", file, err.file,
                 err.line, err.msg);
}

/* A JSON number (or null, meaning R's NA/NaN/Inf: 'got' not finite). */
static inline void expect_ref(const json_t *v, double got, double rtol,
                              const char *what)
{
    if (json_is_null(v)) {
        cr_expect(!isfinite(got), "%s: got %.17g, expected NA/Inf", what,
                  got);
        return;
    }
    cr_assert(json_is_number(v), "%s: not a number in the reference", what);
    expect_rel(got, json_number_value(v), rtol, what);
}

static inline void expect_ref_arr(const json_t *arr, const double *got,
                                  size_t n, double rtol, const char *what)
{
    cr_assert(json_is_array(arr), "%s: not an array", what);
    cr_assert_eq(json_array_size(arr), n, "%s: %zu values, expected %zu",
                 what, n, json_array_size(arr));
    for (size_t i = 0; i < n; i++) {
        char w[128];
        snprintf(w, sizeof w, "%s[%zu]", what, i);
        expect_ref(json_array_get(arr, i), got[i], rtol, w);
    }
}

static inline double ref_num(const json_t *obj, const char *key)
{
    const json_t *v = json_object_get(obj, key);
    cr_assert(json_is_number(v), "no number '%s' in the reference", key);
    return json_number_value(v);
}

#endif
