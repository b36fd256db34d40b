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
    /* Five inlined scripts (Vega, its interpreter, Vega-Lite, vega-embed,
     * the renderer) and the data element, nothing else. */
    cr_expect_eq(count(text, "<script"), 6);
    cr_expect_eq(count(text, "</script"), 6);
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
    /* A test that cannot run fails; it never skips silently. */
    FILE *full = fopen("/dev/full", "w");
    cr_assert_not_null(full, "no /dev/full here: this test needs it");
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

/* ?org=A&org=B once answered for B alone: each parameter is given once. */
Test(serve, refuses_repeated_parameters)
{
    exo_store *s = hostile_store();
    const char *two_orgs[] = {"org", hostile_org, "org", "nobody"};
    const char *two_levels[] = {"level", "ic", "level", "lead"};
    const char *two_sinces[] = {"org", hostile_org, "since", "2020-01-01",
                                "since", "2021-01-01"};
    exo_http_reply r;
    r = ask(s, "GET", "/api/spiral", two_orgs, 2);
    EXPECT_REPLY(r, 400, "parameter 'org' is given more than once");
    r = ask(s, "GET", "/api/flows", two_levels, 2);
    EXPECT_REPLY(r, 400, "parameter 'level' is given more than once");
    r = ask(s, "GET", "/api/survival", two_sinces, 3);
    EXPECT_REPLY(r, 400, "parameter 'since' is given more than once");
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

/* ---- the flows and runway views ---- */

/* The first element of 'arr' whose 'key' is the string 'want'. */
static json_t *find_by(json_t *arr, const char *key, const char *want)
{
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
    {
        const char *s = json_string_value(json_object_get(v, key));
        if (s && strcmp(s, want) == 0)
            return v;
    }
    return NULL;
}

static json_t *chart_spec(json_t *section, const char *id)
{
    json_t *c = find_by(json_object_get(section, "charts"), "id", id);
    return json_object_get(c, "spec");
}

Test(flows_view, org_names_stay_text_inside_the_chart_data)
{
    exo_store *s = hostile_store();
    struct exo__report_params p;
    exo__report_params(NULL, &p);
    json_t *sec = NULL;
    exo_err err = {0};
    cr_assert_eq(exo__view_flows(s, NULL, &p, &sec, &err), EXO_OK, "%s",
                 err.msg);
    cr_assert(json_is_object(sec));
    cr_expect_str_eq(json_string_value(json_object_get(sec, "id")), "flows");
    /* The hostile name as a Sankey node, a band's origin, a bar and a
     * table cell, exactly as stored; the numbers are those of 'exodus
     * flows' on the same store (15 moves, none back: the two-sided 95%
     * interval's lower end is p / (1 - p) with p = 0.025^(1/15), 3.59). */
    json_t *sk = json_object_get(chart_spec(sec, "sankey"), "datasets");
    json_t *node = find_by(json_object_get(sk, "nodes"), "org", hostile_org);
    cr_assert_not_null(node, "no Sankey node for the hostile organisation");
    cr_expect_str_eq(json_string_value(json_object_get(node, "side")), "out");
    cr_expect_eq(json_integer_value(json_object_get(node, "moves")), 15);
    json_t *band = find_by(json_object_get(sk, "bands"), "from", hostile_org);
    cr_assert_not_null(band);
    cr_expect_str_eq(json_string_value(json_object_get(band, "to")),
                     "Elsewhere");
    json_t *bars = json_object_get(
        json_object_get(chart_spec(sec, "netflow"), "datasets"), "net");
    json_t *bar = find_by(bars, "org", hostile_org);
    cr_assert_not_null(bar);
    cr_expect_eq(json_integer_value(json_object_get(bar, "net")), -15);
    cr_expect_str_eq(json_string_value(json_object_get(bar, "direction")),
                     "loses");
    json_t *row = json_array_get(
        json_object_get(json_array_get(json_object_get(sec, "tables"), 0),
                        "rows"),
        0);
    cr_expect_str_eq(json_string_value(json_array_get(row, 0)), hostile_org);
    cr_expect_str_eq(json_string_value(json_array_get(row, 6)), "inf");
    cr_expect_str_eq(json_string_value(json_array_get(row, 7)), "3.59 - inf");
    /* Inside <script>: no markup character, and it parses back intact. */
    struct buf b = BUF_INIT;
    cr_assert_eq(exo__json_for_script(&b, sec, 7), 0);
    cr_expect_null(strpbrk(b.data, "<>&"), "raw markup in the flows data");
    json_t *back = json_loads(b.data, 0, NULL);
    cr_assert_not_null(back);
    json_t *sk2 = json_object_get(chart_spec(back, "sankey"), "datasets");
    cr_expect_not_null(find_by(json_object_get(sk2, "nodes"), "org",
                               hostile_org));
    json_decref(back);
    exo__buf_release(&b);
    json_decref(sec);
    drop_store(s);
}

/* The Sankey's bands fill their nodes exactly: every node's height is
 * the sum of the widths of the bands that leave (or reach) it. */
Test(flows_view, sankey_bands_fill_their_nodes)
{
    exo_store *s = hostile_store();
    struct exo__report_params p;
    exo__report_params(NULL, &p);
    json_t *sec = NULL;
    cr_assert_eq(exo__view_flows(s, NULL, &p, &sec, NULL), EXO_OK);
    json_t *sk = json_object_get(chart_spec(sec, "sankey"), "datasets");
    size_t i, n_out = 0, n_in = 0;
    json_t *node;
    json_array_foreach(json_object_get(sk, "nodes"), i, node)
    {
        const char *org = json_string_value(json_object_get(node, "org"));
        bool out = strcmp(json_string_value(json_object_get(node, "side")),
                          "out") == 0;
        json_int_t sum = 0;
        size_t j;
        json_t *band;
        long last = -1;
        json_array_foreach(json_object_get(sk, "bands"), j, band)
        {
            long id = (long)json_integer_value(json_object_get(band, "link"));
            const char *end = json_string_value(
                json_object_get(band, out ? "from" : "to"));
            if (id != last && strcmp(end, org) == 0)
                sum += json_integer_value(json_object_get(band, "moves"));
            last = id;
        }
        cr_expect_eq(sum, json_integer_value(json_object_get(node, "moves")),
                     "%s (%s)", org, out ? "out" : "in");
        n_out += out;
        n_in += !out;
    }
    cr_expect(n_out >= 1 && n_in >= 1);
    json_decref(sec);
    drop_store(s);
}

Test(flows_view, no_moves_is_nothing_to_show)
{
    exo_store *s = NULL;
    snprintf(db_path, sizeof db_path, "/tmp/exodus-report-empty-%d.db",
             (int)getpid());
    unlink(db_path);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &s, NULL), EXO_OK);
    struct exo__report_params p;
    exo__report_params(NULL, &p);
    json_t *sec = NULL;
    cr_assert_eq(exo__view_flows(s, NULL, &p, &sec, NULL), EXO_OK);
    cr_expect(json_is_null(sec));
    json_decref(sec);
    drop_store(s);
}

Test(runway_view, fan_probabilities_and_card_item)
{
    exo_report_opts o;
    exo_report_opts_init(&o);
    o.forecast_paths = 400;
    struct exo__report_params p;
    exo__report_params(&o, &p);
    json_t *v = NULL;
    exo_err err = {0};
    cr_assert_eq(exo__view_runway(FIX("scenario-small.json"), &p, &v, &err),
                 EXO_OK, "%s", err.msg);
    cr_expect_str_eq(json_string_value(json_object_get(v, "scenario")),
                     "Small hand-checkable firm");
    json_t *item = json_object_get(v, "item");
    cr_expect_str_eq(json_string_value(json_object_get(item, "label")),
                     "months of runway");
    const char *val = json_string_value(json_object_get(item, "value"));
    cr_assert_not_null(val);
    cr_expect(strncmp(val, "median ", 7) == 0 && strstr(val, "95%: "), "%s",
              val);
    json_t *sec = json_object_get(v, "section");
    const char *ids[] = {"runway-cash", "runway-headcount", "runway-dilution"};
    for (size_t k = 0; k < 3; k++) {
        json_t *spec = chart_spec(sec, ids[k]);
        cr_assert_not_null(spec, "%s", ids[k]);
        json_t *rows = json_object_get(json_object_get(spec, "datasets"),
                                       "fan");
        cr_expect_eq(json_array_size(rows), 25, "%s: months 0..24", ids[k]);
        size_t i;
        json_t *r;
        json_array_foreach(rows, i, r)
        {
            double q025 = json_number_value(json_object_get(r, "q025"));
            double q50 = json_number_value(json_object_get(r, "q50"));
            double q975 = json_number_value(json_object_get(r, "q975"));
            cr_expect(q025 <= q50 && q50 <= q975, "%s month %zu", ids[k], i);
        }
    }
    /* The table states the probabilities, the gain and its dominant link. */
    json_t *rows =
        json_object_get(json_array_get(json_object_get(sec, "tables"), 0),
                        "rows");
    const char *want[] = {"months to cash-out", "P(cash-out)", "loop gain",
                          "dominant link"};
    for (size_t k = 0; k < 4; k++) {
        bool seen = false;
        size_t i;
        json_t *r;
        json_array_foreach(rows, i, r)
        seen |= strcmp(json_string_value(json_array_get(r, 0)), want[k]) == 0;
        cr_expect(seen, "no '%s' row", want[k]);
    }
    const char *intro = json_string_value(json_object_get(sec, "intro"));
    cr_expect(intro && strstr(intro, "within 12 months") &&
                  strstr(intro, "within 24 months"),
              "%s", intro);
    json_decref(v);
}

Test(runway_view, unreadable_scenario_is_the_loaders_error)
{
    struct exo__report_params p;
    exo__report_params(NULL, &p);
    json_t *v = NULL;
    exo_err err = {0};
    cr_expect_eq(exo__view_runway(FIX("none.json"), &p, &v, &err),
                 EXO_ENOENT);
    cr_expect_null(v);
    exo_err_clear(&err);
    cr_expect_eq(exo__view_runway(FIX("scenario-bad-range.json"), &p, &v,
                                  &err),
                 EXO_EDATA);
    cr_expect_eq(err.line, 9);
}

Test(report, scenario_joins_its_organisation_and_flows_follow)
{
    exo_store *s = hostile_store();
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    exo_report_org org = {hostile_org, {0}};
    exo_report_opts o;
    exo_report_opts_init(&o);
    o.forecast_paths = 200;
    o.scenario = FIX("scenario-small.json");
    exo_err err = {0};
    cr_assert_eq(exo_report_html(s, &org, 1, &o, f, &err), EXO_OK, "%s",
                 err.msg);
    fclose(f);
    cr_expect(count(text, "\"label\":\"months of runway\"") == 1);
    cr_expect(count(text, "\"id\":\"runway-cash\"") == 1);
    cr_expect(count(text, "\"id\":\"sankey\"") == 1);
    cr_expect(count(text, "<a href=\"#all-orgs\">talent flows</a>") == 1);
    cr_expect_eq(count(text, "<script"), 6);
    free(text);
    /* A scenario organisation outside the report is refused. */
    f = open_memstream(&text, &len);
    o.scenario_org = "Elsewhere";
    exo_err_clear(&err);
    cr_expect_eq(exo_report_html(s, &org, 1, &o, f, &err), EXO_EINVAL);
    cr_expect(strstr(err.msg, "'Elsewhere' is not in the report") != NULL,
              "%s", err.msg);
    fclose(f);
    free(text);
    drop_store(s);
}

/* The dashboard's flows and runway: bad parameters are 400s, and the
 * scenario name is compared with the bundled list, never opened. */
Test(serve, flows_and_runway_endpoints)
{
    exo_store *s = hostile_store();
    exo_serve_opts o;
    exo_serve_opts_init(&o);
    o.report.forecast_paths = 100;
    o.scenario_dir = SOURCE_PATH("data/scenarios");
    static const char *const cases[][3] = {
        /* key, value, expected text; status 200 when the text starts
         * with '"', else 400 */
        {"since", "2019-01-01", "\"id\":\"sankey\""},
        {"level", "wizard", "unknown level 'wizard'"},
        {"until", "2024-02-30", "impossible date"},
        {"org", "x", "unknown parameter 'org'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *keys[] = {cases[i][0]}, *values[] = {cases[i][1]};
        exo_http_reply r;
        cr_assert_eq(exo_serve_answer(s, &o, "GET", "/api/flows", keys,
                                      values, 1, &r, NULL),
                     EXO_OK);
        EXPECT_REPLY(r, cases[i][2][0] == '"' ? 200 : 400, cases[i][2]);
    }
    static const char *const bad[] = {
        "../../etc/passwd", "/etc/passwd", "startup.json", "./startup",
        "..", "", "STARTUP", "openai-2024/../startup",
        "..%2fscenarios%2fstartup", "data/scenarios/startup", "startup "};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *keys[] = {"scenario"}, *values[] = {bad[i]};
        exo_http_reply r;
        cr_assert_eq(exo_serve_answer(s, &o, "GET", "/api/runway", keys,
                                      values, 1, &r, NULL),
                     EXO_OK);
        EXPECT_REPLY(r, 400, "no bundled scenario");
    }
    const char *keys[] = {"scenario"}, *values[] = {"startup"};
    exo_http_reply r;
    cr_assert_eq(exo_serve_answer(s, &o, "GET", "/api/runway", keys, values,
                                  1, &r, NULL),
                 EXO_OK);
    EXPECT_REPLY(r, 200, "\"id\":\"runway-dilution\"");
    cr_assert_eq(exo_serve_answer(s, &o, "GET", "/api/runway", NULL, NULL, 0,
                                  &r, NULL),
                 EXO_OK);
    EXPECT_REPLY(r, 400, "parameter 'scenario' is required");
    o.scenario_dir = NULL;
    cr_assert_eq(exo_serve_answer(s, &o, "GET", "/api/runway", keys, values,
                                  1, &r, NULL),
                 EXO_OK);
    EXPECT_REPLY(r, 404, "no scenario directory");
    drop_store(s);
}
