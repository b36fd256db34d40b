/*
 * test_core.c - errors, buffers and UTF-8 name keys.
 */
#include <string.h>

#include "expect.h"
#include "core/buf.h"
#include "core/exo.h"
#include "core/number.h"
#include "core/utf8.h"

Test(core, first_error_wins_and_formats_location)
{
    exo_err err = {0};
    char text[300];
    exo__fail_at(&err, EXO_EDATA, "moves.csv", 14, 23, "bad '%s'", "x");
    exo__fail(&err, EXO_EIO, "later");
    cr_expect_eq(err.code, EXO_EDATA);
    exo_err_format(&err, text, sizeof text);
    cr_expect_str_eq(text, "moves.csv:14:23: bad 'x'");
    exo_err_clear(&err);
    exo__fail(&err, EXO_ENOTFOUND, "no organisation '%s'", "Acme");
    exo_err_format(&err, text, sizeof text);
    cr_expect_str_eq(text, "no organisation 'Acme'");
    cr_expect_str_eq(exo_strerror((exo_code)999), "unknown error");
}

Test(core, long_message_is_cut_visibly)
{
    exo_err err = {0};
    char big[600];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    exo__fail(&err, EXO_EINVAL, "%s", big);
    cr_expect_eq(strlen(err.msg), sizeof err.msg - 1);
    cr_expect_str_eq(err.msg + sizeof err.msg - 4, "...");
}

Test(core, buf_grows)
{
    struct buf b = BUF_INIT;
    for (int i = 0; i < 1000; i++)
        cr_assert_eq(exo__buf_addf(&b, "%d,", i), 0);
    cr_expect_eq(strncmp(b.data, "0,1,2,", 6), 0);
    cr_expect_eq(b.len, strlen(b.data));
    exo__buf_release(&b);
}

Test(core, name_keys_fold_case_and_space)
{
    char *a = exo__name_key("  Google\tDeepMind ");
    char *b = exo__name_key("GOOGLE DEEPMIND");
    char *c = exo__name_key("Karén Simonyan");
    char *d = exo__name_key("KARE\xcc\x81N SIMONYAN"); /* E + combining acute */
    char *e = exo__name_key("Stra\xc3\x9f" "e");        /* sharp s folds to ss */
    cr_assert(a && b && c && d && e);
    cr_expect_str_eq(a, "google deepmind");
    cr_expect_str_eq(a, b);
    cr_expect_str_eq(c, d);
    cr_expect_str_eq(e, "strasse");
    cr_expect_null(exo__name_key("bad \xff byte"));
    exo__free(a), exo__free(b), exo__free(c), exo__free(d), exo__free(e);
}

Test(core, utf8_checks)
{
    cr_expect_eq(exo__utf8_invalid_at("ok é", 5), -1);
    cr_expect_eq(exo__utf8_invalid_at("ab\xc3", 3), 2);
    cr_expect_eq(exo__utf8_chars("é é", 5), 3);
    char s[] = " \xc2\xa0 hello \t";
    cr_expect_eq(exo__utf8_trim(s, strlen(s)), 5);
    cr_expect_str_eq(s, "hello");
}

Test(core, usd_reads_as_people_read_money)
{
    char buf[32];
    cr_expect_str_eq(exo_usd_format(1.234e9, buf), "$1.23B");
    cr_expect_str_eq(exo_usd_format(-2e9, buf), "-$2.00B");
    cr_expect_str_eq(exo_usd_format(456.74e6, buf), "$456.7M");
    cr_expect_str_eq(exo_usd_format(12345, buf), "$12.3k");
    cr_expect_str_eq(exo_usd_format(7.5e12, buf), "$7.50T");
    cr_expect_str_eq(exo_usd_format(999, buf), "$999");
    cr_expect_str_eq(exo_usd_format(EXO_NAN, buf), "-");
}

Test(core, values_hold_no_control_or_malformed_characters)
{
    struct {
        const char *text;
        bool name;
        long at;
        enum exo_bad_char kind;
    } cases[] = {
        {"plain \xC3\xA9t\xC3\xA9\ttab\nline\r\n", false, -1, 0},
        {"Zed \x1B[31m", false, 4, EXO_BAD_CONTROL},
        {"del\x7F", false, 3, EXO_BAD_CONTROL},
        {"c1 \xC2\x9B", false, 3, EXO_BAD_CONTROL},        /* CSI */
        {"over \xC0\xAF", false, 5, EXO_BAD_UTF8},         /* overlong '/' */
        {"over3 \xE0\x80\xAF", false, 6, EXO_BAD_UTF8},    /* overlong */
        {"surr \xED\xA0\x80", false, 5, EXO_BAD_UTF8},     /* U+D800 */
        {"past \xF4\x90\x80\x80", false, 5, EXO_BAD_UTF8}, /* > U+10FFFF */
        {"cut \xE2\x82", false, 4, EXO_BAD_UTF8},
        {"tab\tname", true, 3, EXO_BAD_CONTROL},
        {"x\xE2\x80\xAEy", true, 1, EXO_BAD_BIDI}, /* RLO */
        {"x\xE2\x81\xA6y", true, 1, EXO_BAD_BIDI}, /* LRI */
        {"x\xE2\x80\xAEy", false, -1, 0},          /* in text, allowed */
        {"x\xE2\x80\x8Fy", true, -1, 0},           /* RLM, a mark */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum exo_bad_char kind = 0;
        char what[64];
        long at = exo__text_bad_char(cases[i].text, strlen(cases[i].text),
                                     cases[i].name, &kind, what, sizeof what);
        cr_expect_eq(at, cases[i].at, "case %zu: at %ld", i, at);
        if (cases[i].at >= 0)
            cr_expect_eq(kind, cases[i].kind, "case %zu: %s", i, what);
    }
}

Test(core, numbers_are_decimal_only)
{
    const char *good[] = {"0", "-12", "+3.5", ".5", "5.", "1e-3", "2E+10"};
    const char *bad[] = {"0x10", "0X1p3", "inf", "-Infinity", "nan", "",
                         "1e",   "e5",    ".",   " 1",        "1 ",  "1,5"};
    double v;
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        cr_expect(exo__parse_decimal(good[i], &v), "'%s'", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_expect(!exo__parse_decimal(bad[i], &v), "'%s'", bad[i]);
    cr_expect(!exo__parse_decimal("1e999", &v), "out of range");
    int64_t n;
    bool over;
    cr_expect(exo__parse_int64("9223372036854775807", &n, &over));
    cr_expect_eq(n, INT64_MAX);
    cr_expect(!exo__parse_int64("9223372036854775808", &n, &over) && over);
    cr_expect(!exo__parse_int64("100.5", &n, &over) && !over);
    cr_expect(!exo__parse_int64("1e3", &n, &over) && !over);
}
