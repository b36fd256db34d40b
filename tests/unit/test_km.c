/*
 * test_km.c - Kaplan-Meier and log-rank against R's survfit and survdiff
 * (shared/data/survival-ref, R 4.2.2, survival 3.5.3), plus hand cases.
 * Tolerance: these are closed-form, so 1e-12 relative (the README's
 * suggestion); the quantiles are times, compared to 1e-12 too.
 */
#include "survref.h"

#define KM_TOL 1e-12

static void check_km(const char *ref_name, const char *data_file,
                     const exo_survival_spec *spec)
{
    json_t *ref = ref_load(ref_name);
    exo_survival_data d = {0};
    ref_data(data_file, spec, &d);
    exo_km km = {0};
    exo_err err = {0};
    cr_assert_eq(exo_km_fit(d.n, d.start, d.stop, d.event, d.group,
                            d.n_groups, NULL, &km, &err),
                 EXO_OK, "%s", err.msg);
    const json_t *strata = json_object_get(ref, "strata");
    size_t i;
    const json_t *s;
    json_array_foreach(strata, i, s)
    {
        const char *label = json_string_value(json_object_get(s, "stratum"));
        size_t g = 0;
        if (d.group) {
            for (g = 0; g < d.n_groups; g++)
                if (strcmp(d.group_names[g], label) == 0)
                    break;
            cr_assert_lt(g, d.n_groups, "%s: no group '%s'", ref_name, label);
        }
        const exo_km_curve *c = &km.curves[g];
        char w[160];
        cr_expect_eq((double)c->n, ref_num(s, "n"), "%s n", label);
        cr_expect_eq((double)c->n_events, ref_num(s, "events"), "%s events",
                     label);
#define ARR(field, key)                                                        \
    snprintf(w, sizeof w, "%s %s %s", ref_name, label, key);                   \
    expect_ref_arr(json_object_get(s, key), c->field, c->n_times, KM_TOL, w)
        ARR(time, "time");
        ARR(n_risk, "n_risk");
        ARR(n_event, "n_event");
        ARR(n_censor, "n_censor");
        ARR(surv, "surv");
        ARR(std_err, "std_err");
        ARR(lower, "lower");
        ARR(upper, "upper");
        ARR(cumhaz, "cumhaz");
        ARR(std_chaz, "std_chaz");
#undef ARR
        double *ses = calloc(c->n_times, sizeof *ses);
        for (size_t k = 0; k < c->n_times; k++)
            ses[k] = c->std_err[k] * c->surv[k];
        snprintf(w, sizeof w, "%s %s std_err_surv", ref_name, label);
        expect_ref_arr(json_object_get(s, "std_err_surv"), ses, c->n_times,
                       KM_TOL, w);
        free(ses);
        snprintf(w, sizeof w, "%s %s median", ref_name, label);
        expect_ref(json_object_get(s, "median"), c->median, KM_TOL, w);
        snprintf(w, sizeof w, "%s %s median lower", ref_name, label);
        expect_ref(json_object_get(s, "median_lower_0.95"), c->median_lower,
                   KM_TOL, w);
        snprintf(w, sizeof w, "%s %s median upper", ref_name, label);
        expect_ref(json_object_get(s, "median_upper_0.95"), c->median_upper,
                   KM_TOL, w);
    }
    exo_km_release(&km);
    exo_survival_data_release(&d);
    json_decref(ref);
}

/* survfit(Surv(stag, event) ~ 1, data = turnover) */
Test(km, turnover_overall_matches_r)
{
    exo_survival_spec spec = {.time = "stag", .event = "event"};
    check_km("turnover_km_overall.json", "turnover.csv", &spec);
}

/* survfit(Surv(stag, event) ~ way, data = turnover) */
Test(km, turnover_by_way_matches_r)
{
    exo_survival_spec spec = {.time = "stag", .event = "event", .by = "way"};
    check_km("turnover_km_way.json", "turnover.csv", &spec);
}

/* survfit(Surv(YearsAtCompany, Attrition == "Yes") ~ 1, data = ibm) */
Test(km, ibm_overall_matches_r)
{
    exo_survival_spec spec = {.time = "YearsAtCompany",
                              .event = "Attrition=Yes"};
    check_km("ibm_km_overall.json", "WA_Fn-UseC_-HR-Employee-Attrition.csv",
             &spec);
}

/* survfit(Surv(YearsAtCompany, Attrition == "Yes") ~ Department, ibm) */
Test(km, ibm_by_department_matches_r)
{
    exo_survival_spec spec = {.time = "YearsAtCompany",
                              .event = "Attrition=Yes",
                              .by = "Department"};
    check_km("ibm_km_department.json",
             "WA_Fn-UseC_-HR-Employee-Attrition.csv", &spec);
}

/* survfit(Surv(start, stop, event) ~ 1, data = heart) */
Test(km, heart_counting_process_matches_r)
{
    exo_survival_spec spec = {.time = "stop", .start = "start",
                              .event = "event"};
    check_km("heart_km_overall_cp.json", "heart.csv", &spec);
}

/* survfit(Surv(time, status) ~ sex, data = lung) */
Test(km, lung_by_sex_matches_r)
{
    exo_survival_spec spec = {.time = "time", .event = "status", .by = "sex"};
    check_km("lung_km_sex.json", "lung.csv", &spec);
}

/* Hand case: 5 rows, unsorted, a tie; S = 4/5 * 2/3 at t = 3. */
Test(km, hand_case_and_intervals)
{
    double stop[] = {3, 1, 3, 5, 2};
    int event[] = {1, 1, 0, 0, 0};
    exo_km km = {0};
    exo_km_opts o = {.ci = EXO_CI_PLAIN};
    cr_assert_eq(exo_km_fit(5, NULL, stop, event, NULL, 0, &o, &km, NULL),
                 EXO_OK);
    const exo_km_curve *c = &km.curves[0];
    cr_assert_eq(c->n_times, 4);
    expect_rel(c->surv[0], 0.8, 1e-15, "S(1)");
    expect_rel(c->surv[2], 0.8 * 2.0 / 3.0, 1e-15, "S(3)");
    expect_rel(c->n_risk[2], 3, 0, "n(3)");
    double gw = 1.0 / (5 * 4) + 1.0 / (3 * 2);
    expect_rel(c->std_err[2], sqrt(gw), 1e-15, "greenwood");
    double h = 1.959963984540054 * sqrt(gw) * c->surv[2];
    expect_rel(c->lower[2], c->surv[2] - h, 1e-12, "plain lower");
    double s, lo, hi;
    cr_expect(exo_km_at(c, 4, &s, &lo, &hi));
    expect_rel(s, c->surv[2], 1e-15, "S(4)");
    cr_expect(exo_km_at(c, 0.5, &s, &lo, &hi));
    expect_rel(s, 1, 0, "S(0.5)");
    cr_expect(!exo_km_at(c, 6, &s, &lo, &hi));
    cr_expect(isnan(c->median), "S stays above 0.5: no median");
    exo_km_release(&km);
    /* log-log interval: a symmetric interval for log(-log S) */
    exo_km_opts ol = {.ci = EXO_CI_LOGLOG};
    cr_assert_eq(exo_km_fit(5, NULL, stop, event, NULL, 0, &ol, &km, NULL),
                 EXO_OK);
    c = &km.curves[0];
    double S = 0.8, se = sqrt(1.0 / 20), z = 1.959963984540054;
    expect_rel(c->lower[0], exp(-exp(log(-log(S)) - z * se / log(S))), 1e-12,
               "log-log lower");
    expect_rel(c->upper[0], exp(-exp(log(-log(S)) + z * se / log(S))), 1e-12,
               "log-log upper");
    cr_expect_lt(c->lower[0], S);
    cr_expect_gt(c->upper[0], S);
    exo_km_release(&km);
}

Test(km, median_midpoint_on_a_flat_at_one_half)
{
    /* S drops to exactly 0.5 at t = 2, next drop at 4: R's median is 3 */
    double stop[] = {1, 2, 4, 5};
    int event[] = {1, 1, 1, 0};
    exo_km km = {0};
    cr_assert_eq(exo_km_fit(4, NULL, stop, event, NULL, 0, NULL, &km, NULL),
                 EXO_OK);
    expect_rel(km.curves[0].median, 3, 1e-15, "median");
    double q, lo, hi;
    exo_km_quantile(&km.curves[0], 0.25, &q, &lo, &hi);
    expect_rel(q, 1.5, 1e-15, "first quartile (flat at 0.75)");
    exo_km_release(&km);
}

Test(km, rejects_bad_input)
{
    double stop[] = {1, TEST_NAN};
    int event[] = {1, 0};
    exo_km km = {0};
    exo_err err = {0};
    cr_expect_eq(exo_km_fit(2, NULL, stop, event, NULL, 0, NULL, &km, &err),
                 EXO_EINVAL);
    cr_expect(strstr(err.msg, "row 2") != NULL, "%s", err.msg);
    double start[] = {2, 0};
    double stop2[] = {1, 3};
    exo_err_clear(&err);
    cr_expect_eq(exo_km_fit(2, start, stop2, event, NULL, 0, NULL, &km, &err),
                 EXO_EINVAL);
    cr_expect(strstr(err.msg, "row 1") != NULL, "%s", err.msg);
}

static void check_logrank(const char *ref_name, const char *data_file,
                          const exo_survival_spec *spec)
{
    json_t *ref = ref_load(ref_name);
    exo_survival_data d = {0};
    ref_data(data_file, spec, &d);
    exo_logrank lr = {0};
    exo_err err = {0};
    cr_assert_eq(exo_logrank_test(d.n, d.stop, d.event, d.group, d.n_groups,
                                  NULL, 0, &lr, &err),
                 EXO_OK, "%s", err.msg);
    const json_t *groups = json_object_get(ref, "groups");
    size_t k = d.n_groups;
    cr_assert_eq(json_array_size(groups), k);
    for (size_t g = 0; g < k; g++)
        cr_expect_str_eq(d.group_names[g],
                         json_string_value(json_array_get(groups, g)));
    char w[160];
    snprintf(w, sizeof w, "%s n", ref_name);
    expect_ref_arr(json_object_get(ref, "n"), lr.n, k, 0, w);
    snprintf(w, sizeof w, "%s observed", ref_name);
    expect_ref_arr(json_object_get(ref, "observed"), lr.observed, k, 0, w);
    snprintf(w, sizeof w, "%s expected", ref_name);
    expect_ref_arr(json_object_get(ref, "expected"), lr.expected, k, KM_TOL,
                   w);
    const json_t *var = json_object_get(ref, "var");
    for (size_t a = 0; a < k; a++) {
        snprintf(w, sizeof w, "%s var row %zu", ref_name, a);
        /* off-diagonals of a 2x2 are sums that cancel: absolute scale */
        const json_t *row = json_array_get(var, a);
        for (size_t b = 0; b < k; b++)
            expect_abs(lr.var[a * k + b],
                       json_number_value(json_array_get(row, b)),
                       1e-12 * fabs(lr.var[a * k + a]), w);
    }
    expect_rel(lr.chisq, ref_num(ref, "chisq"), 1e-10, "chisq");
    cr_expect_eq(lr.df, (int)ref_num(ref, "df"));
    expect_rel(lr.p_value, ref_num(ref, "p_value"), 1e-9, "p");
    exo_logrank_release(&lr);
    exo_survival_data_release(&d);
    json_decref(ref);
}

/* survdiff(Surv(stag, event) ~ gender, data = turnover) */
Test(logrank, turnover_gender_matches_r)
{
    exo_survival_spec spec = {.time = "stag", .event = "event",
                              .by = "gender"};
    check_logrank("turnover_logrank_gender.json", "turnover.csv", &spec);
}

/* survdiff(Surv(stag, event) ~ way, data = turnover): 3 groups */
Test(logrank, turnover_way_matches_r)
{
    exo_survival_spec spec = {.time = "stag", .event = "event", .by = "way"};
    check_logrank("turnover_logrank_way.json", "turnover.csv", &spec);
}

/* survdiff(Surv(YearsAtCompany, Attrition == "Yes") ~ Department, ibm) */
Test(logrank, ibm_department_matches_r)
{
    exo_survival_spec spec = {.time = "YearsAtCompany",
                              .event = "Attrition=Yes",
                              .by = "Department"};
    check_logrank("ibm_logrank_department.json",
                  "WA_Fn-UseC_-HR-Employee-Attrition.csv", &spec);
}

/* survdiff(Surv(YearsAtCompany, Attrition == "Yes") ~ OverTime, ibm) */
Test(logrank, ibm_overtime_matches_r)
{
    exo_survival_spec spec = {.time = "YearsAtCompany",
                              .event = "Attrition=Yes", .by = "OverTime"};
    check_logrank("ibm_logrank_overtime.json",
                  "WA_Fn-UseC_-HR-Employee-Attrition.csv", &spec);
}

/* survdiff(Surv(time, status) ~ sex, data = lung) */
Test(logrank, lung_sex_matches_r)
{
    exo_survival_spec spec = {.time = "time", .event = "status", .by = "sex"};
    check_logrank("lung_logrank_sex.json", "lung.csv", &spec);
}

/*
 * Delayed entry: lung with row i (1-based) entering at floor(time * ((37 i)
 * mod 50) / 100); references from coxph(ties = "exact")'s score test
 * (tests/ref/logrank/entry.R, which also checks that it equals survdiff
 * without entry).
 */
Test(logrank, delayed_entry_matches_r_exact_score_test)
{
    char path[1024];
    json_error_t jerr;
    snprintf(path, sizeof path, "%s/tests/ref/logrank/entry.json",
             EXO_SOURCE_DIR);
    json_t *ref = json_load_file(path, 0, &jerr);
    cr_assert(ref, "cannot read %s: %s", path, jerr.text);
    exo_survival_spec spec = {.time = "time", .event = "status", .by = "sex"};
    exo_survival_data d = {0}, e = {0};
    ref_data("lung.csv", &spec, &d);
    cr_assert_eq(d.n, 228);
    double *entry = calloc(d.n, sizeof *entry);
    int *ecog = calloc(d.n, sizeof *ecog), *sex = calloc(d.n, sizeof *sex);
    cr_assert(entry && ecog && sex);
    for (size_t i = 0; i < d.n; i++)
        entry[i] = floor(d.stop[i] * (double)((37 * (i + 1)) % 50) / 100.0);
    exo_logrank lr = {0};
    exo_err err = {0};
    cr_assert_eq(exo_logrank_test_entry(d.n, entry, d.stop, d.event, d.group,
                                        d.n_groups, NULL, 0, &lr, &err),
                 EXO_OK, "%s", err.msg);
    expect_rel(lr.chisq, ref_num(ref, "sex_chisq"), 1e-9, "sex chisq");
    exo_logrank_release(&lr);
    /* ph.ecog 0-2 (3 and NA left out, as the reference does): as groups,
     * and as strata of the sex test. */
    exo_survival_spec by_ecog = {.time = "time", .event = "status",
                                 .by = "ph.ecog"};
    ref_data("lung.csv", &by_ecog, &e);
    cr_assert_eq(e.n, d.n);
    for (size_t i = 0; i < e.n; i++) {
        const char *name = e.group[i] >= 0 ? e.group_names[e.group[i]] : "";
        const char *v = strchr(name, '=');
        v = v ? v + 1 : name;
        ecog[i] = strcmp(v, "0") == 0   ? 0
                  : strcmp(v, "1") == 0 ? 1
                  : strcmp(v, "2") == 0 ? 2
                                        : -1;
        sex[i] = ecog[i] < 0 ? -1 : d.group[i];
    }
    cr_assert_eq(exo_logrank_test_entry(e.n, entry, e.stop, e.event, ecog, 3,
                                        NULL, 0, &lr, &err),
                 EXO_OK, "%s", err.msg);
    expect_rel(lr.chisq, ref_num(ref, "ecog_chisq"), 1e-9, "ecog chisq");
    exo_logrank_release(&lr);
    cr_assert_eq(exo_logrank_test_entry(d.n, entry, d.stop, d.event, sex,
                                        d.n_groups, ecog, 0, &lr, &err),
                 EXO_OK, "%s", err.msg);
    expect_rel(lr.chisq, ref_num(ref, "sex_strata_ecog_chisq"), 1e-9,
               "sex, strata ecog chisq");
    exo_logrank_release(&lr);
    /* Everyone entering at 0 is the plain test. */
    exo_logrank plain = {0};
    for (size_t i = 0; i < d.n; i++)
        entry[i] = 0.0;
    cr_assert_eq(exo_logrank_test_entry(d.n, entry, d.stop, d.event, d.group,
                                        d.n_groups, NULL, 1, &lr, &err),
                 EXO_OK);
    cr_assert_eq(exo_logrank_test(d.n, d.stop, d.event, d.group, d.n_groups,
                                  NULL, 1, &plain, &err),
                 EXO_OK);
    expect_rel(lr.chisq, plain.chisq, 1e-12, "entry 0, rho 1");
    exo_logrank_release(&lr);
    exo_logrank_release(&plain);
    free(entry);
    free(ecog);
    free(sex);
    exo_survival_data_release(&d);
    exo_survival_data_release(&e);
    json_decref(ref);
}

/* Two groups, no ties: hand-computed O, E, V. */
Test(logrank, hand_case_and_rho)
{
    double t[] = {1, 2, 3, 4};
    int e[] = {1, 1, 1, 0};
    int g[] = {0, 1, 0, 1};
    exo_logrank lr = {0};
    cr_assert_eq(exo_logrank_test(4, t, e, g, 2, NULL, 0, &lr, NULL), EXO_OK);
    /* t=1: n=4 (2,2) d=1 -> E0 1/2; t=2: n=3 (1,2) -> E0 1/3;
     * t=3: n=2 (1,1) -> E0 1/2 */
    expect_rel(lr.expected[0], 0.5 + 1.0 / 3 + 0.5, 1e-15, "E0");
    expect_rel(lr.observed[0], 2, 0, "O0");
    double v = 0.25 + 2.0 / 9 + 0.25;
    expect_rel(lr.var[0], v, 1e-15, "V00");
    double diff = 2 - (0.5 + 1.0 / 3 + 0.5);
    expect_rel(lr.chisq, diff * diff / v, 1e-14, "chisq");
    exo_logrank_release(&lr);
    /* rho = 1 (Peto-Peto): weights S(t-) = 1, 3/4, 1/2 */
    cr_assert_eq(exo_logrank_test(4, t, e, g, 2, NULL, 1, &lr, NULL), EXO_OK);
    expect_rel(lr.observed[0], 1 + 0.5, 1e-15, "weighted O0");
    expect_rel(lr.expected[0], 0.5 + 0.75 / 3 + 0.25, 1e-15, "weighted E0");
    exo_logrank_release(&lr);
}

#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

/* --data reads gzip-compressed CSV: the same curve as the plain file. */
Test(km, gzip_csv_loads_like_plain)
{
    char src[1024], tmpl[64];
    ref_path(src, sizeof src, "lung.csv");
    snprintf(tmpl, sizeof tmpl, "/tmp/exo-km-%d.csv.gz", (int)getpid());
    FILE *in = fopen(src, "rb");
    gzFile gz = gzopen(tmpl, "wb");
    cr_assert(in && gz);
    char buf[4096];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, in)) > 0)
        gzwrite(gz, buf, (unsigned)got);
    fclose(in);
    gzclose(gz);
    exo_survival_spec spec = {.time = "time", .event = "status", .by = "sex"};
    exo_survival_data a = {0}, b = {0};
    exo_err err = {0};
    cr_assert_eq(exo_survival_data_load(tmpl, &spec, &a, &err), EXO_OK, "%s",
                 err.msg);
    ref_data("lung.csv", &spec, &b);
    cr_expect_eq(a.n, b.n);
    cr_expect_eq(a.n_groups, 2);
    for (size_t i = 0; i < a.n && i < b.n; i++)
        cr_expect_eq(a.stop[i], b.stop[i]);
    exo_survival_data_release(&a);
    exo_survival_data_release(&b);
    unlink(tmpl);
}

/* turnover.csv has cp1251 bytes in 'profession': a column read must be
 * UTF-8 (group names reach the terminal), the columns not read may hold
 * anything. */
Test(km, non_utf8_factor_levels_are_rejected_where_read)
{
    exo_survival_spec spec = {.time = "stag", .event = "event",
                              .by = "profession"};
    exo_survival_data d = {0};
    exo_err err = {0};
    cr_expect_eq(exo_survival_data_load(SHARED_PATH("data/survival-ref/turnover.csv"),
                                        &spec, &d, &err),
                 EXO_EDATA);
    cr_expect_eq(err.line, 24);
    cr_expect_eq(err.column, 26, "column %ld", err.column);
    cr_expect(strstr(err.msg, "invalid UTF-8 byte 0xF1 at character 6 of "
                              "column 'profession'"),
              "%s", err.msg);
    spec.by = "way";
    ref_data("turnover.csv", &spec, &d);
    cr_expect_eq(d.n, 1129);
    exo_survival_data_release(&d);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    cr_assert(f);
    fputs(text, f);
    fclose(f);
}

static bool same_double(double a, double b)
{
    return (isnan(a) && isnan(b)) || memcmp(&a, &b, sizeof a) == 0;
}

/* A file without quotes is cut in place; one with quotes goes through
 * libcsv. Byte order mark, CRLF, blank lines, blanks around cells, NA:
 * both read the same arrays. (A ragged row is an error on both:
 * table/ragged_rows_rejected_on_both_paths.) */
Test(km, plain_csv_loads_like_libcsv)
{
    const char *body = "1 , 5,1,0.5,a\r\n"
                       "\r\n"
                       "2,\t7 ,0, NA ,b\r\n"
                       "   \r\n"
                       "3,9,1,-2.25,a\r\n"
                       "4,NA,1,1e-3,b\r\n"
                       "5,12,0,123456789012345678,a";
    char plain[64], quoted[64], text[512];
    snprintf(plain, sizeof plain, "/tmp/exo-km-plain-%d.csv", (int)getpid());
    snprintf(quoted, sizeof quoted, "/tmp/exo-km-quoted-%d.csv", (int)getpid());
    snprintf(text, sizeof text, "\xEF\xBB\xBFid,time,status,x,g\r\n%s", body);
    write_file(plain, text);
    snprintf(text, sizeof text, "\xEF\xBB\xBFid,\"time\",status,x,g\r\n%s",
             body);
    write_file(quoted, text);
    exo_survival_spec spec = {
        .time = "time", .event = "status", .cox = "x + g"};
    exo_survival_data a = {0}, b = {0};
    exo_err err = {0};
    cr_assert_eq(exo_survival_data_load(plain, &spec, &a, &err), EXO_OK, "%s",
                 err.msg);
    cr_assert_eq(exo_survival_data_load(quoted, &spec, &b, &err), EXO_OK, "%s",
                 err.msg);
    cr_expect_eq(a.n, 4);
    cr_expect_eq(a.n_dropped, 1);
    cr_assert_eq(a.n, b.n);
    cr_assert_eq(a.p, b.p);
    cr_expect_eq(a.p, 2);
    for (size_t i = 0; i < a.n; i++) {
        cr_expect(same_double(a.stop[i], b.stop[i]), "stop %zu", i);
        cr_expect_eq(a.event[i], b.event[i], "event %zu", i);
    }
    for (size_t i = 0; i < a.n * a.p; i++)
        cr_expect(same_double(a.x[i], b.x[i]), "x %zu: %g %g", i, a.x[i],
                  b.x[i]);
    cr_expect(isnan(a.x[1]), "' NA ' is missing");
    cr_expect_eq(a.x[3], 123456789012345678.0);
    cr_expect_str_eq(a.terms[1], "gb");
    exo_survival_data_release(&a);
    exo_survival_data_release(&b);
    /* a row short of fields names its line, blank lines counted */
    snprintf(text, sizeof text, "time,status,x\n1,1,2\n\n2,0\n");
    write_file(plain, text);
    cr_expect_eq(exo_survival_data_load(plain, &spec, &a, &err), EXO_EINVAL);
    memset(&err, 0, sizeof err);
    exo_survival_spec spec2 = {.time = "time", .event = "status"};
    cr_expect_eq(exo_survival_data_load(plain, &spec2, &a, &err), EXO_EDATA);
    cr_expect(strstr(err.msg, "2 fields") != NULL, "%s", err.msg);
    cr_expect_eq(err.line, 4);
    unlink(plain);
    unlink(quoted);
}

/* A plain file's cells keep no location: the column an error names is
 * counted in characters from its row's first byte only then. Non-ASCII
 * text before the cell, blank lines, CRLF and a tab inside a cell (the
 * row is then checked cell by cell) must give the places libcsv's path
 * gives for the same cells. */
Test(survival_data, error_locations_counted_when_needed)
{
    struct {
        const char *text, *time, *start, *cox;
        long line, column;
        const char *msg;
    } cases[] = {
        {"name,time,status\r\nZo\xC3\xAB \xC3\x9Cnal,12,1\r\n\r\n"
         "Ana,12x,0\r\n",
         "time", NULL, NULL, 4, 5, "malformed time '12x'"},
        {"name,time,status\nZo\xC3\xAB \xC3\x9Cnal,12x,1\n", "time", NULL,
         NULL, 2, 10, "malformed time '12x'"},
        {"name,time,status\nZo\xC3\xAB\tx,3,1\nB\xC3\xA9" "a,4,1\x01\n",
         "time", NULL, NULL, 3, 7, "control character U+0001"},
        {"id,start,stop,status,x\n1,0,5,1,0.5\n\xC3\xA9,7,5,0,1\n", "stop",
         "start", "x", 3, 3, "start 7 is not before stop 5"},
    };
    char path[64];
    snprintf(path, sizeof path, "/tmp/exo-km-where-%d.csv", (int)getpid());
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        write_file(path, cases[k].text);
        exo_survival_spec spec = {.time = cases[k].time,
                                  .start = cases[k].start,
                                  .event = "status",
                                  .cox = cases[k].cox};
        exo_survival_data d = {0};
        exo_err err = {0};
        cr_expect_eq(exo_survival_data_load(path, &spec, &d, &err), EXO_EDATA,
                     "case %zu", k);
        cr_expect_eq(err.line, cases[k].line, "case %zu: line %ld", k,
                     err.line);
        cr_expect_eq(err.column, cases[k].column, "case %zu: column %ld", k,
                     err.column);
        cr_expect(strstr(err.msg, cases[k].msg), "case %zu: %s", k, err.msg);
        exo_survival_data_release(&d);
    }
    unlink(path);
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* Decimal cells take a fast path; every value must equal strtod's,
 * 17-digit ones and half-way cases included. */
Test(km, decimal_cells_read_as_strtod)
{
    enum { N = 20000 };
    static char cells[N][40];
    uint64_t seed = 88172645463325252u;
    const char *fixed[] = {"9007199254740993",
                           "9007199254740995",
                           "0.30000000000000004",
                           "-0",
                           "1.",
                           ".5",
                           "+7",
                           "0.000000000000000000000001",
                           "18446744073709551615",
                           "1234567890123456789",
                           "2.2250738585072014e-308",
                           "179769313486231570000"};
    size_t nf = sizeof fixed / sizeof *fixed;
    for (size_t i = 0; i < N; i++) {
        if (i < nf) {
            snprintf(cells[i], sizeof cells[i], "%s", fixed[i]);
            continue;
        }
        uint64_t r = xorshift(&seed);
        double v = (double)(r >> 11) / 9007199254740992.0;
        int digits = 1 + (int)(xorshift(&seed) % 19);
        int scale = (int)(xorshift(&seed) % 12) - 4;
        v *= pow(10, scale);
        if (i % 2)
            snprintf(cells[i], sizeof cells[i], "%.*g", digits, v);
        else
            snprintf(cells[i], sizeof cells[i], "%.*f", digits, -v);
    }
    char path[64];
    snprintf(path, sizeof path, "/tmp/exo-km-dec-%d.csv", (int)getpid());
    FILE *f = fopen(path, "wb");
    cr_assert(f);
    fputs("time,status,x\n", f);
    for (size_t i = 0; i < N; i++)
        fprintf(f, "%zu,1,%s\n", i + 1, cells[i]);
    fclose(f);
    exo_survival_spec spec = {.time = "time", .event = "status", .cox = "x"};
    exo_survival_data d = {0};
    exo_err err = {0};
    cr_assert_eq(exo_survival_data_load(path, &spec, &d, &err), EXO_OK, "%s",
                 err.msg);
    cr_assert_eq(d.n, N);
    for (size_t i = 0; i < N; i++) {
        double want = strtod(cells[i], NULL);
        cr_expect(same_double(d.x[i], want), "'%s': %.17g, strtod %.17g",
                  cells[i], d.x[i], want);
    }
    exo_survival_data_release(&d);
    unlink(path);
}
