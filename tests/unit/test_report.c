/*
 * test_report.c - the report and the dashboard's request handler: escaping
 * of hostile names for HTML and for JSON inside <script>, the whole page
 * built from a store holding them, a failing output stream, and every
 * class of dashboard answer (200, 400, 404, 405) without a network.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"
#include "report/report.h"

#define FIX(name) SOURCE_PATH("tests/fixtures/" name)

static const char hostile_org[] = "<script>alert(1)</script>";

static char db_path[128];

/* A store with the hostile fixtures: an organisation and people whose
 * names are markup. */
static exo_store *hostile_store(void)
{
    exo_store *s = NULL;
    snprintf(db_path, sizeof db_path, "/tmp/exodus-report-%d.db",
             (int)getpid());
    unlink(db_path);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &s, NULL), EXO_OK);
    static const struct {
        exo_import_kind kind;
        const char *file;
    } files[] = {{EXO_IMPORT_MOVES, FIX("moves-hostile.csv")},
                 {EXO_IMPORT_FINANCE, FIX("finance-hostile.csv")},
                 {EXO_IMPORT_SPELLS, FIX("spells-hostile.csv")}};
    for (size_t i = 0; i < 3; i++) {
        exo_import_result r;
        exo_err err = {0};
        cr_assert_eq(exo_import_file(s, files[i].kind, files[i].file, NULL,
                                     &r, NULL, &err),
                     EXO_OK, "%s: %s", files[i].file, err.msg);
    }
    return s;
}

static void drop_store(exo_store *s)
{
    char p[160];
    exo_store_close(s);
    unlink(db_path);
    snprintf(p, sizeof p, "%s-wal", db_path);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", db_path);
    unlink(p);
}

Test(report, html_escape_turns_markup_into_text)
{
    struct buf b = BUF_INIT;
    cr_assert_eq(exo__html_escape(&b, "\" onmouseover=\"x' <b>&"), 0);
    cr_expect_str_eq(b.data,
                     "&quot; onmouseover=&quot;x&#39; &lt;b&gt;&amp;");
    exo__buf_release(&b);
}

/* No '<', '>' or '&' survives, so "</script" and "<!--" cannot appear,
 * and the text parses back to the same strings. */
Test(report, json_for_script_cannot_close_the_element)
{
    const char *nasty[] = {"</script><script>alert(1)</script>", "<!-- x",
                           "a & b > c", "\xe2\x80\xa8 line separator",
                           "\" onmouseover=\"x"};
    for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
        json_t *v = json_object();
        json_object_set_new(v, "s", exo__jstr(nasty[i]));
        struct buf b = BUF_INIT;
        cr_assert_eq(exo__json_for_script(&b, v, 0), 0);
        cr_expect_null(strpbrk(b.data, "<>&"), "raw markup in %s", b.data);
        cr_expect_null(strstr(b.data, "\xe2\x80\xa8"), "raw U+2028");
        json_t *back = json_loads(b.data, 0, NULL);
        cr_assert_not_null(back);
        cr_expect_str_eq(json_string_value(json_object_get(back, "s")),
                         nasty[i]);
        json_decref(back);
        json_decref(v);
        exo__buf_release(&b);
    }
}

Test(report, invalid_utf8_becomes_replacement_characters)
{
    json_t *v = exo__jstr("a\xff" "b");
    cr_assert_not_null(v);
    cr_expect_str_eq(json_string_value(v), "a\xef\xbf\xbd" "b");
    json_decref(v);
}

/* Counts non-overlapping occurrences of 'needle'. */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p;
         p = strstr(p + strlen(needle), needle))
        n++;
    return n;
}

Test(report, page_keeps_hostile_names_as_text)
{
    exo_store *s = hostile_store();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    exo_report_org org = {hostile_org, {0}};
    exo_report_opts o;
    exo_report_opts_init(&o);
    o.forecast_paths = 200;
    o.title = "<b>title</b>";
    exo_err err = {0};
    cr_assert_eq(exo_report_html(s, &org, 1, &o, f, &err), EXO_OK, "%s",
                 err.msg);
    fclose(f);
    /* Four inlined scripts and the data element, nothing else. */
    cr_expect_eq(count(text, "<script"), 5);
    cr_expect_eq(count(text, "</script"), 5);
    cr_expect_eq(count(text, "<!--"), 0);
    cr_expect_eq(count(text, "<script>alert"), 0);
    cr_expect_eq(count(text, "<b>"), 0);
    cr_expect_eq(count(text, "onmouseover=\"x"), 0);
    cr_expect(count(text, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 1);
    cr_expect(count(text, "&lt;b&gt;title&lt;/b&gt;") == 2);
    cr_expect(count(text, "\\u003cscript\\u003ealert(1)") >= 1);
    /* No address the browser could fetch from the page itself. */
    cr_expect_eq(count(text, "src=\"http"), 0);
    cr_expect_eq(count(text, "href=\"http"), 0);
    free(text);
    drop_store(s);
}

Test(report, full_disk_is_an_io_error)
{
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        cr_skip_test("no /dev/full here");
    exo_store *s = hostile_store();
    exo_report_org org = {hostile_org, {0}};
    exo_report_opts o;
    exo_report_opts_init(&o);
    o.forecast_paths = 100;
    exo_err err = {0};
    cr_expect_eq(exo_report_html(s, &org, 1, &o, full, &err), EXO_EIO);
    cr_expect(strstr(err.msg, "writing the report") != NULL, "%s", err.msg);
    fclose(full);
    drop_store(s);
}

/* ---- the dashboard's handler ---- */

static exo_http_reply ask(exo_store *s, const char *method, const char *path,
                          const char *const *kv, size_t n)
{
    const char *keys[8], *values[8];
    for (size_t i = 0; i < n; i++) {
        keys[i] = kv[2 * i];
        values[i] = kv[2 * i + 1];
    }
    exo_serve_opts o;
    exo_serve_opts_init(&o);
    o.report.forecast_paths = 100;
    exo_http_reply r;
    exo_err err = {0};
    cr_assert_eq(exo_serve_answer(s, &o, method, path, keys, values, n, &r,
                                  &err),
                 EXO_OK, "%s", err.msg);
    return r;
}

#define EXPECT_REPLY(r, code, text)                                            \
    do {                                                                       \
        cr_expect_eq((r).status, (code), "status %u, expected %u: %.200s",     \
                     (r).status, (unsigned)(code), (r).body);                  \
        cr_expect(strstr((r).body, (text)) != NULL, "no '%s' in %.300s",       \
                  (text), (r).body);                                           \
        exo_free((r).body);                                                    \
    } while (0)

Test(serve, answers_views_and_refuses_bad_requests)
{
    exo_store *s = hostile_store();
    const char *org[] = {"org", hostile_org};
    const char *bad_date[] = {"org", hostile_org, "since", "2024-02-30"};
    const char *unknown[] = {"org", hostile_org, "x", "1"};
    const char *bad_level[] = {"org", hostile_org, "level", "wizard"};
    const char *backwards[] = {"org", hostile_org, "since", "2024-01-01",
                               "until", "2023-01-01"};
    const char *nobody[] = {"org", "nobody"};
    exo_http_reply r;
    r = ask(s, "GET", "/api/orgs", NULL, 0);
    EXPECT_REPLY(r, 200, "\"name\":\"\\u003cscript\\u003ealert(1)");
    r = ask(s, "GET", "/api/spiral", org, 1);
    EXPECT_REPLY(r, 200, "\"person\":\"\\\" onmouseover=\\\"x\"");
    r = ask(s, "GET", "/api/survival", org, 1);
    EXPECT_REPLY(r, 200, "\"id\":\"survival\"");
    r = ask(s, "GET", "/", NULL, 0);
    EXPECT_REPLY(r, 200, "<script src=\"/assets/exodus.js\"></script>");
    r = ask(s, "GET", "/assets/vega-lite.min.js", NULL, 0);
    EXPECT_REPLY(r, 200, "vega");
    r = ask(s, "GET", "/api/spiral", NULL, 0);
    EXPECT_REPLY(r, 400, "{\"error\":\"parameter 'org' is required\"}");
    r = ask(s, "GET", "/api/spiral", bad_date, 2);
    EXPECT_REPLY(r, 400, "impossible date '2024-02-30'");
    r = ask(s, "GET", "/api/spiral", unknown, 2);
    EXPECT_REPLY(r, 400, "unknown parameter 'x'");
    r = ask(s, "GET", "/api/spiral", bad_level, 2);
    EXPECT_REPLY(r, 400, "unknown level 'wizard'");
    r = ask(s, "GET", "/api/spiral", backwards, 3);
    EXPECT_REPLY(r, 400, "'until' is before 'since'");
    r = ask(s, "GET", "/api/survival", nobody, 1);
    EXPECT_REPLY(r, 404, "no organisation 'nobody'");
    r = ask(s, "POST", "/api/orgs", NULL, 0);
    EXPECT_REPLY(r, 405, "only GET and HEAD");
    drop_store(s);
}

/* libmicrohttpd hands over the decoded path: whatever it decodes to, only
 * an embedded asset's exact name is served. */
Test(serve, no_path_outside_the_assets)
{
    static const char *const paths[] = {
        "/assets/../../etc/passwd", "/assets/..%2f..%2fetc%2fpasswd",
        "/assets/%2e%2e/%2e%2e/etc/passwd", "/assets/", "/assets/page.html",
        "/assets/methods.html", "/assets/..\\..\\etc\\passwd", "/etc/passwd",
        "/../exodus.db", "/api/orgs/../../x", "//assets/exodus.js",
        "/assets/exodus.js/", "/assets/exodus.js%00.txt"};
    exo_store *s = hostile_store();
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        exo_http_reply r = ask(s, "GET", paths[i], NULL, 0);
        cr_expect_eq(r.status, 404, "%s: status %u", paths[i], r.status);
        exo_free(r.body);
    }
    drop_store(s);
}
