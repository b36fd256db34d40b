/*
 * html.c - the page: one template (assets/page.html) filled with the
 * title, the style, the scripts, the methods section and the data, for
 * the self-contained report (scripts inlined) and for the dashboard
 * (scripts from /assets/); and exo_report_html, which gathers the views of
 * each organisation into the report's data.
 *
 * Escaping: the title and the navigation are HTML-escaped here; the data
 * goes into <script type="application/json"> through
 * exo__json_for_script, and the renderer puts its strings into the page
 * with textContent only.
 */
#include "report/report.h"

#include <errno.h>

/* Scripts in load order: the libraries, then the renderer. The
 * interpreter adds itself to the 'vega' global, so it follows Vega. */
static const char *const page_scripts[] = {
    "vega.min.js", "vega-interpreter.min.js", "vega-lite.min.js",
    "vega-embed.min.js", "exodus.js"};

/* The report reaches nothing outside itself: no request can leave it.
 * Being one file, its scripts and style are inline, each allowed by its
 * SHA-256 (computed when the assets are embedded), so no other inline
 * code runs: not even a script that got past the escaping. Nor is any
 * code made from a string: the charts' expressions are interpreted
 * (vega-interpreter) instead of compiled with new Function, so the policy
 * needs no 'unsafe-eval' (see the dashboard's in src/serve/daemon.c). */
static int add_report_csp(struct buf *b)
{
    const struct exo__asset *css = exo__asset_find("report.css");
    if (!css)
        return EXO_EINTERNAL;
    int rc = exo__buf_addstr(b, "<meta http-equiv=\"Content-Security-Policy\" "
                                "content=\"default-src 'none'; script-src");
    for (size_t i = 0; !rc && i < sizeof page_scripts / sizeof page_scripts[0];
         i++) {
        const struct exo__asset *a = exo__asset_find(page_scripts[i]);
        if (!a)
            return EXO_EINTERNAL;
        rc = exo__buf_addf(b, " 'sha256-%s'", a->sha256);
    }
    return rc || exo__buf_addf(b,
                               "; style-src 'sha256-%s'; "
                               "img-src data:; font-src data:\">",
                               css->sha256);
}

static int add_asset(struct buf *b, const char *name)
{
    const struct exo__asset *a = exo__asset_find(name);
    if (!a)
        return EXO_EINTERNAL;
    return exo__buf_add(b, a->data, a->size);
}

static int add_scripts(struct buf *b, bool inline_scripts)
{
    for (size_t i = 0; i < sizeof page_scripts / sizeof page_scripts[0]; i++) {
        int rc;
        if (inline_scripts)
            rc = exo__buf_addstr(b, "<script>") ||
                 add_asset(b, page_scripts[i]) ||
                 exo__buf_addstr(b, "</script>\n");
        else
            rc = exo__buf_addf(b, "<script src=\"/assets/%s\"></script>\n",
                               page_scripts[i]);
        if (rc)
            return rc;
    }
    return 0;
}

exo_code exo__page(const char *title, bool inline_scripts, const json_t *data,
                   const char *nav_html, char **out, size_t *len, exo_err *err)
{
    const struct exo__asset *tpl = exo__asset_find("page.html");
    struct buf b = BUF_INIT;
    *out = NULL;
    if (!tpl)
        return exo__bug(err, "the page template is not embedded");
    const char *p = (const char *)tpl->data, *end = p + tpl->size;
    int rc = 0;
    while (!rc && p < end) {
        const char *at = memchr(p, '@', (size_t)(end - p));
        if (!at) {
            rc = exo__buf_add(&b, p, (size_t)(end - p));
            break;
        }
        rc = exo__buf_add(&b, p, (size_t)(at - p));
        const char *close = memchr(at + 1, '@', (size_t)(end - at - 1));
        size_t nlen = close ? (size_t)(close - at - 1) : 0;
        char name[16] = "";
        if (close && nlen < sizeof name) {
            memcpy(name, at + 1, nlen);
            name[nlen] = '\0';
        }
        bool known = true;
        if (rc)
            break;
        if (strcmp(name, "TITLE") == 0)
            rc = exo__html_escape(&b, title);
        else if (strcmp(name, "CSP") == 0)
            rc = inline_scripts ? add_report_csp(&b) : 0;
        else if (strcmp(name, "STYLE") == 0)
            rc = inline_scripts
                     ? exo__buf_addstr(&b, "<style>") ||
                           add_asset(&b, "report.css") ||
                           exo__buf_addstr(&b, "</style>")
                     : exo__buf_addstr(&b, "<link rel=\"stylesheet\" "
                                           "href=\"/assets/report.css\">");
        else if (strcmp(name, "METHODS") == 0)
            rc = add_asset(&b, "methods.html");
        else if (strcmp(name, "NAV") == 0)
            rc = exo__buf_addstr(&b, nav_html ? nav_html : "");
        else if (strcmp(name, "DATA") == 0)
            rc = exo__json_for_script(&b, data, 7);
        else if (strcmp(name, "SCRIPTS") == 0)
            rc = add_scripts(&b, inline_scripts);
        else
            known = false;
        if (known) {
            p = close + 1;
        } else {
            rc = rc ? rc : exo__buf_addch(&b, '@');
            p = at + 1;
        }
    }
    if (rc) {
        exo__buf_release(&b);
        if (rc == EXO_EINTERNAL)
            return exo__bug(err, "a page asset is not embedded");
        return exo__fail(err, EXO_ENOMEM, "building the page");
    }
    *len = b.len;
    *out = exo__buf_detach(&b);
    return EXO_OK;
}

void exo_report_opts_init(exo_report_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->min_departures = 10;
    opts->seed = 1;
    opts->forecast_paths = 10000;
    opts->horizon_days = 180.0;
}

/*
 * One organisation's views: {"org", "spiral", "recent", "team", "items",
 * "sections": [...]}: the spiral answer and its charts, retention when
 * there are spells, and the runway view 'runway' (from exo__view_runway;
 * NULL: none) with its item for the card ("items").
 */
static exo_code org_view(exo_store *store, const char *org,
                         const exo_filter *filter,
                         const struct exo__report_params *p,
                         const json_t *runway, json_t **out, exo_err *err)
{
    json_t *v = NULL, *sections = json_array(), *items = json_array();
    json_t *sec = NULL;
    exo_code rc = exo__view_spiral(store, org, filter, p, &v, err);
    if (rc)
        goto fail;
    bool ok = exo__jpush(sections, json_incref(json_object_get(v, "section")));
    json_object_del(v, "section");
    if ((rc = exo__view_survival(store, org, filter, &sec, err)))
        goto fail;
    if (json_is_null(sec))
        json_decref(sec);
    else
        ok &= exo__jpush(sections, sec);
    if (runway) {
        ok &= exo__jpush(sections,
                         json_incref(json_object_get(runway, "section")));
        ok &=
            exo__jpush(items, json_deep_copy(json_object_get(runway, "item")));
    }
    ok &= exo__jset(v, "items", items);
    items = NULL;
    ok &= exo__jset(v, "sections", sections);
    sections = NULL;
    if (!ok) {
        rc = exo__fail(err, EXO_ENOMEM, "building the view of '%s'", org);
        goto fail;
    }
    *out = v;
    return EXO_OK;
fail:
    json_decref(items);
    json_decref(sections);
    json_decref(v);
    return rc;
}

/* The window of the flows section: the organisations' own when they all
 * share one (exodus report applies its options to every ORG), else every
 * move. */
static const exo_filter *common_filter(const exo_report_org *orgs,
                                       size_t n_orgs)
{
    for (size_t i = 1; i < n_orgs; i++) {
        const exo_filter *a = &orgs[0].filter, *b = &orgs[i].filter;
        if (a->has_since != b->has_since || a->has_until != b->has_until ||
            a->level_mask != b->level_mask ||
            (a->has_since && a->since != b->since) ||
            (a->has_until && a->until != b->until))
            return NULL;
    }
    return n_orgs ? &orgs[0].filter : NULL;
}

/* The index of the organisation the runway scenario describes:
 * p->scenario_org resolved through the aliases, else the first. */
static exo_code scenario_target(exo_store *store,
                                const struct exo__report_params *p,
                                char *const *canon, size_t n_orgs,
                                size_t *target, exo_err *err)
{
    *target = 0;
    if (!p->scenario_org)
        return EXO_OK;
    char *want = NULL;
    exo_code rc = exo_org_resolve(store, p->scenario_org, &want, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < n_orgs; i++)
        if (strcmp(canon[i], want) == 0) {
            *target = i;
            exo_free(want);
            return EXO_OK;
        }
    rc = exo__fail(err, EXO_EINVAL,
                   "the scenario's organisation '%s' is not in the report",
                   want);
    exo_free(want);
    return rc;
}

exo_code exo_report_html(exo_store *store, const exo_report_org *orgs,
                         size_t n_orgs, const exo_report_opts *opts, FILE *out,
                         exo_err *err)
{
    struct exo__report_params p;
    exo_org_list all = {0};
    exo_report_org *chosen = NULL;
    char **canon = NULL;
    json_t *data = NULL, *views = NULL, *runway = NULL, *flows = NULL;
    struct buf nav = BUF_INIT;
    char *page = NULL;
    size_t page_len = 0;
    exo_code rc = EXO_OK;
    if (!store || !out || (n_orgs && !orgs))
        return exo__fail(err, EXO_EINVAL, "no store, organisations or output");
    exo__report_params(opts, &p);
    if (n_orgs == 0) {
        if ((rc = exo_org_list_load(store, &all, err)))
            goto out;
        chosen = exo__calloc(all.n ? all.n : 1, sizeof *chosen);
        if (!chosen) {
            rc = exo__fail(err, EXO_ENOMEM, "listing organisations");
            goto out;
        }
        for (size_t i = 0; i < all.n; i++)
            if (all.rows[i].n_departures >= p.min_departures)
                chosen[n_orgs++].name = all.rows[i].name;
        if (n_orgs == 0) {
            rc = exo__fail(err, EXO_ENOTFOUND,
                           "no organisation has %zu or more departures",
                           p.min_departures);
            goto out;
        }
        orgs = chosen;
    }
    canon = exo__calloc(n_orgs, sizeof *canon);
    data = json_object();
    views = json_array();
    if (!canon || !data || !views) {
        rc = exo__fail(err, EXO_ENOMEM, "starting the report");
        goto out;
    }
    const char *title = opts && opts->title ? opts->title : "exodus report";
    bool ok = exo__jset(data, "mode", exo__jstr("report"));
    ok &= exo__jset(data, "title", exo__jstr(title));
    json_t *gen = json_object();
    ok &= exo__jset(gen, "exodus", exo__jstr(exo_version()));
    ok &= exo__jset(gen, "seed", json_integer((json_int_t)p.seed));
    ok &= exo__jset(gen, "paths", json_integer((json_int_t)p.paths));
    ok &= exo__jset(gen, "horizon_days", exo__jnum(p.horizon_days));
    ok &= exo__jset(gen, "store", exo__jstr(opts ? opts->store_label : NULL));
    ok &=
        exo__jset(gen, "provenance", exo__jstr(opts ? opts->provenance : NULL));
    ok &= exo__jset(data, "generated", gen);
    if (!ok || exo__buf_addstr(&nav, "<nav class=\"orgs\" aria-label=\""
                                     "organisations\">")) {
        rc = exo__fail(err, EXO_ENOMEM, "starting the report");
        goto out;
    }
    for (size_t i = 0; i < n_orgs; i++)
        if ((rc = exo_org_resolve(store, orgs[i].name, &canon[i], err)))
            goto out;
    size_t target = 0;
    if (p.scenario &&
        ((rc = scenario_target(store, &p, canon, n_orgs, &target, err)) ||
         (rc = exo__view_runway(p.scenario, &p, &runway, err))))
        goto out;
    for (size_t i = 0; i < n_orgs; i++) {
        json_t *v = NULL;
        if ((rc = org_view(store, canon[i], &orgs[i].filter, &p,
                           runway && i == target ? runway : NULL, &v, err)))
            goto out;
        if (!exo__jpush(views, v) ||
            exo__buf_addf(&nav, "<a href=\"#org-%zu\">", i) ||
            exo__html_escape(&nav, canon[i]) || exo__buf_addstr(&nav, "</a>")) {
            rc = exo__fail(err, EXO_ENOMEM, "building the report");
            goto out;
        }
        if (opts && opts->hooks.progress &&
            opts->hooks.progress(opts->hooks.ud,
                                 (double)(i + 1) / (double)n_orgs)) {
            rc = exo__fail(err, EXO_ECANCELED, "report stopped");
            goto out;
        }
    }
    /* Across the organisations: where the people who leave go. */
    if ((rc = exo__view_flows(store, common_filter(orgs, n_orgs), &p, &flows,
                              err)))
        goto out;
    json_t *shared = json_array();
    /* Side by side: as of the date asked for, then now. */
    for (int when = 0; opts && opts->n_compare && when < 2; when++) {
        exo_comparison_opts co;
        json_t *sec = NULL;
        memset(&co, 0, sizeof co);
        co.seed = p.seed;
        if (when == 0 && !opts->has_compare_as_of)
            continue;
        co.has_as_of = when == 0;
        co.as_of = opts->compare_as_of;
        if ((rc = exo__view_compare(store, opts->compare, opts->n_compare, &co,
                                    when == 0 ? "compare-then" : "compare-now",
                                    &sec, err))) {
            json_decref(shared);
            goto out;
        }
        ok &= exo__jpush(shared, sec) &&
              !exo__buf_addf(&nav, "<a href=\"#all-orgs\">%s</a>",
                             when == 0 ? "side by side, then"
                                       : "side by side, now");
    }
    /* Every organisation, ranked: the screener. */
    if (opts && opts->screener) {
        exo_scan_opts so;
        json_t *sec = NULL;
        exo_scan_opts_init(&so);
        so.spiral.seed = p.seed;
        so.spiral.paths = p.paths;
        so.spiral.horizon = p.horizon_days;
        so.min_departures = p.min_departures;
        if ((rc = exo__view_scan(store, &so, &sec, err))) {
            json_decref(shared);
            goto out;
        }
        ok &= exo__jpush(shared, sec) &&
              !exo__buf_addstr(&nav, "<a href=\"#all-orgs\">screener</a>");
    }
    if (opts && opts->n_compare_scenarios) {
        /* The report's scenario first, then the others. */
        size_t n = opts->n_compare_scenarios + (opts->scenario ? 1 : 0);
        const char **files = exo__calloc(n, sizeof *files);
        json_t *sec = NULL;
        if (!files) {
            json_decref(shared);
            rc = exo__fail(err, EXO_ENOMEM, "building the report");
            goto out;
        }
        size_t k = 0;
        if (opts->scenario)
            files[k++] = opts->scenario;
        for (size_t i = 0; i < opts->n_compare_scenarios; i++)
            files[k++] = opts->compare_scenarios[i];
        rc = exo__view_runway_compare(files, n, &p, &sec, err);
        exo__free(files);
        if (rc) {
            json_decref(shared);
            goto out;
        }
        ok &= exo__jpush(shared, sec) &&
              !exo__buf_addstr(&nav, "<a href=\"#all-orgs\">scenarios side "
                                     "by side</a>");
    }
    if (!json_is_null(flows)) {
        ok &= exo__jpush(shared, flows) &&
              !exo__buf_addstr(&nav, "<a href=\"#all-orgs\">talent flows</a>");
        flows = NULL;
    }
    if (!exo__jset(data, "sections", shared) || !ok) {
        rc = exo__fail(err, EXO_ENOMEM, "building the report");
        goto out;
    }
    if (exo__buf_addstr(&nav, "</nav>") || !exo__jset(data, "orgs", views)) {
        views = NULL;
        rc = exo__fail(err, EXO_ENOMEM, "building the report");
        goto out;
    }
    views = NULL;
    if ((rc = exo__page(title, true, data, nav.data, &page, &page_len, err)))
        goto out;
    if (fwrite(page, 1, page_len, out) != page_len || fflush(out) ||
        ferror(out))
        rc = exo__fail_errno(err, errno ? errno : EIO, "writing the report");
out:
    exo__free(page);
    exo__buf_release(&nav);
    json_decref(runway);
    json_decref(flows);
    json_decref(views);
    json_decref(data);
    for (size_t i = 0; canon && i < n_orgs; i++)
        exo_free(canon[i]);
    exo__free(canon);
    exo__free(chosen);
    exo_org_list_release(&all);
    return rc;
}
