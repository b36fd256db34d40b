/*
 * serve.c - the dashboard's answers: a table of routes, each building the
 * same views as the report (src/report/) from the store handle it is
 * given; the page is the report's template with the scripts and the style
 * served from the embedded assets. The network side (threads, limits,
 * Host check, cache) is daemon.c.
 *
 * Safety: GET and HEAD only, and a request body is never read; the only
 * files served are the embedded assets, found by exact name (a name with a
 * '/' is never one, whatever the URL decoding made of it); every query
 * parameter is checked, given at most once, and a bad one is a 400 with a
 * JSON error.
 *
 * A runway scenario is named by the request, never located by it: the
 * name must equal one of the bundled scenarios in 'bundled_scenarios',
 * and the file opened is that entry's, in opts->scenario_dir.
 *
 * To add an endpoint: one function of type route_fn and one line in
 * 'routes'.
 */
#include "serve/serve_int.h"

#include "report/report.h"

#define MAX_ARGS EXO_SERVE_MAX_ARGS
#define MAX_ARG_LEN 256

/* Request context for a route. */
struct request {
    exo_store *store;
    const exo_serve_opts *opts;
    const char *const *keys, *const *values;
    size_t n_args;
    exo_http_reply *reply;
};

typedef exo_code (*route_fn)(struct request *rq, exo_err *err);

/* The scenarios /api/runway runs: data/scenarios/NAME.json. */
static const char *const bundled_scenarios[] = {"openai-2024", "anthropic-2025",
                                                "startup"};
#define N_SCENARIOS (sizeof bundled_scenarios / sizeof bundled_scenarios[0])

const char exo__json_ctype[] = "application/json; charset=utf-8";

static exo_code reply_text(exo_http_reply *r, unsigned status, const char *type,
                           const char *body, size_t len, exo_err *err)
{
    r->status = status;
    r->content_type = type;
    r->body = exo__strndup(body, len);
    r->length = len;
    if (!r->body)
        return exo__fail(err, EXO_ENOMEM, "building a reply");
    return EXO_OK;
}

static exo_code reply_json(exo_http_reply *r, unsigned status, const json_t *v,
                           exo_err *err)
{
    struct buf b = BUF_INIT;
    if (exo__json_for_script(&b, v, 10) || exo__buf_addch(&b, '\n')) {
        exo__buf_release(&b);
        return exo__fail(err, EXO_ENOMEM, "building a reply");
    }
    r->status = status;
    r->content_type = exo__json_ctype;
    r->length = b.len;
    r->body = exo__buf_detach(&b);
    return EXO_OK;
}

/* {"error": "..."} with 'status'. */
exo_code exo__serve_error(exo_http_reply *r, unsigned status, const char *msg,
                          exo_err *err)
{
    json_t *o = json_object();
    if (!exo__jset(o, "error", exo__jstr(msg))) {
        json_decref(o);
        return exo__fail(err, EXO_ENOMEM, "building a reply");
    }
    exo_code rc = reply_json(r, status, o, err);
    json_decref(o);
    return rc;
}

/* The reply for a failed view: a missing organisation is 404, a bad
 * value 400, anything else 500 with the message. */
static exo_code reply_failure(exo_http_reply *r, const exo_err *e, exo_err *err)
{
    unsigned status = e->code == EXO_ENOTFOUND ? 404
                      : e->code == EXO_EINVAL  ? 400
                                               : 500;
    if (e->code == EXO_ENOMEM)
        return exo__fail(err, EXO_ENOMEM, "%s", e->msg);
    return exo__serve_error(r, status,
                            e->msg[0] ? e->msg : exo_strerror(e->code), err);
}

/* {"section": sec} ('sec' stolen) for a view that built it, or the view's
 * failure 'e' when 'view_rc' says it failed. */
static exo_code reply_section(struct request *rq, exo_code view_rc, json_t *sec,
                              const exo_err *e, exo_err *err)
{
    if (view_rc) {
        json_decref(sec);
        return reply_failure(rq->reply, e, err);
    }
    json_t *v = json_object();
    exo_code rc = exo__jset(v, "section", sec)
                      ? reply_json(rq->reply, 200, v, err)
                      : exo__fail(err, EXO_ENOMEM, "building a reply");
    json_decref(v);
    return rc;
}

/* ==== Parameters ==== */

struct params {
    const char *org;
    exo_filter filter;
};

/*
 * Reads the query parameters named in 'allowed' (space-separated) into
 * 'p'; writes a 400 reply and returns false on any bad or unknown one.
 */
static bool read_params(struct request *rq, const char *allowed,
                        struct params *p, char *why, size_t why_size)
{
    memset(p, 0, sizeof *p);
    for (size_t i = 0; i < rq->n_args; i++) {
        const char *k = rq->keys[i], *v = rq->values[i] ? rq->values[i] : "";
        char pat[40];
        snprintf(pat, sizeof pat, " %s ", k);
        char list[128];
        snprintf(list, sizeof list, " %s ", allowed);
        if (strlen(k) > 32 || !strstr(list, pat)) {
            snprintf(why, why_size, "unknown parameter '%.40s' (expected: %s)",
                     k, allowed);
            return false;
        }
        if (strlen(v) > MAX_ARG_LEN) {
            snprintf(why, why_size, "parameter '%s' is longer than %d bytes", k,
                     MAX_ARG_LEN);
            return false;
        }
        /* ?org=A&org=B would otherwise answer for B alone, and the two
         * dates or level lists would silently be merged or overwritten. */
        for (size_t j = 0; j < i; j++) {
            if (strcmp(rq->keys[j], k) == 0) {
                snprintf(why, why_size,
                         "parameter '%s' is given more than once (give it "
                         "once; levels as one comma-separated list)",
                         k);
                return false;
            }
        }
        exo_err e = {0};
        exo_date d;
        if (strcmp(k, "org") == 0) {
            if (!*v) {
                snprintf(why, why_size, "parameter 'org' is empty");
                return false;
            }
            p->org = v;
        } else if (strcmp(k, "since") == 0 || strcmp(k, "until") == 0) {
            if (!*v)
                continue; /* an empty date field means no bound */
            if (exo_date_parse(v, &d, &e)) {
                snprintf(why, why_size, "parameter '%s': %.200s", k, e.msg);
                return false;
            }
            if (k[0] == 's') {
                p->filter.has_since = true;
                p->filter.since = d.days;
            } else {
                p->filter.has_until = true;
                p->filter.until = d.days;
            }
        } else if (strcmp(k, "level") == 0) {
            char buf[MAX_ARG_LEN + 1];
            snprintf(buf, sizeof buf, "%s", v);
            char *save = NULL;
            for (char *t = strtok_r(buf, ",", &save); t;
                 t = strtok_r(NULL, ",", &save)) {
                exo_level l;
                if (!exo_level_parse(t, &l) || l == EXO_LEVEL_NONE) {
                    snprintf(why, why_size,
                             "parameter 'level': unknown level '%.40s' "
                             "(expected founder, exec, lead, ic or board)",
                             t);
                    return false;
                }
                p->filter.level_mask |= 1u << l;
            }
        }
    }
    if (strstr(allowed, "org") && !p->org) {
        snprintf(why, why_size, "parameter 'org' is required");
        return false;
    }
    if (p->filter.has_since && p->filter.has_until &&
        p->filter.until < p->filter.since) {
        snprintf(why, why_size, "'until' is before 'since'");
        return false;
    }
    return true;
}

/* ==== Routes ==== */

static exo_code route_page(struct request *rq, exo_err *err)
{
    struct exo__report_params p;
    exo__report_params(&rq->opts->report, &p);
    json_t *data = json_object(), *gen = json_object();
    bool ok = exo__jset(data, "mode", exo__jstr("live"));
    ok &= exo__jset(gen, "exodus", exo__jstr(exo_version()));
    ok &= exo__jset(gen, "seed", json_integer((json_int_t)p.seed));
    ok &= exo__jset(gen, "paths", json_integer((json_int_t)p.paths));
    ok &= exo__jset(gen, "horizon_days", exo__jnum(p.horizon_days));
    ok &= exo__jset(gen, "store", exo__jstr(rq->opts->report.store_label));
    ok &= exo__jset(gen, "provenance", exo__jstr(rq->opts->report.provenance));
    ok &= exo__jset(data, "generated", gen);
    json_t *names = json_array();
    for (size_t i = 0; rq->opts->scenario_dir && i < N_SCENARIOS; i++)
        ok &= exo__jpush(names, exo__jstr(bundled_scenarios[i]));
    ok &= exo__jset(data, "scenarios", names);
    if (!ok) {
        json_decref(data);
        return exo__fail(err, EXO_ENOMEM, "building the page");
    }
    char *page = NULL;
    size_t len = 0;
    exo_code rc = exo__page(rq->opts->report.title ? rq->opts->report.title
                                                   : "exodus dashboard",
                            false, data, NULL, &page, &len, err);
    json_decref(data);
    if (rc)
        return rc;
    rq->reply->status = 200;
    rq->reply->content_type = "text/html; charset=utf-8";
    rq->reply->body = page;
    rq->reply->length = len;
    return EXO_OK;
}

static exo_code route_orgs(struct request *rq, exo_err *err)
{
    struct params p;
    char why[256];
    if (!read_params(rq, "", &p, why, sizeof why))
        return exo__serve_error(rq->reply, 400, why, err);
    json_t *v = NULL;
    exo_err e = {0};
    if (exo__view_orgs(rq->store, &v, &e))
        return reply_failure(rq->reply, &e, err);
    exo_code rc = reply_json(rq->reply, 200, v, err);
    json_decref(v);
    return rc;
}

/* Resolves p->org to its canonical name: 404 JSON when unknown. */
static bool resolve(struct request *rq, const struct params *p, char **canon,
                    exo_code *rc, exo_err *err)
{
    exo_err e = {0};
    if (exo_org_resolve(rq->store, p->org, canon, &e)) {
        *rc = reply_failure(rq->reply, &e, err);
        return false;
    }
    return true;
}

static exo_code route_spiral(struct request *rq, exo_err *err)
{
    struct params p;
    char why[256], *canon = NULL;
    exo_code rc = EXO_OK;
    if (!read_params(rq, "org since until level", &p, why, sizeof why))
        return exo__serve_error(rq->reply, 400, why, err);
    if (!resolve(rq, &p, &canon, &rc, err))
        return rc;
    struct exo__report_params rp;
    exo__report_params(&rq->opts->report, &rp);
    json_t *v = NULL;
    exo_err e = {0};
    if (exo__view_spiral(rq->store, canon, &p.filter, &rp, &v, &e))
        rc = reply_failure(rq->reply, &e, err);
    else
        rc = reply_json(rq->reply, 200, v, err);
    json_decref(v);
    exo_free(canon);
    return rc;
}

static exo_code route_survival(struct request *rq, exo_err *err)
{
    struct params p;
    char why[256], *canon = NULL;
    exo_code rc = EXO_OK;
    if (!read_params(rq, "org since", &p, why, sizeof why))
        return exo__serve_error(rq->reply, 400, why, err);
    if (!resolve(rq, &p, &canon, &rc, err))
        return rc;
    json_t *sec = NULL, *v = json_object();
    exo_err e = {0};
    if (exo__view_survival(rq->store, canon, &p.filter, &sec, &e)) {
        rc = reply_failure(rq->reply, &e, err);
    } else {
        bool ok = exo__jset(v, "org", exo__jstr(canon));
        ok &= exo__jset(v, "section", sec);
        sec = NULL;
        rc = ok ? reply_json(rq->reply, 200, v, err)
                : exo__fail(err, EXO_ENOMEM, "building a reply");
    }
    json_decref(sec);
    json_decref(v);
    exo_free(canon);
    return rc;
}

static exo_code route_flows(struct request *rq, exo_err *err)
{
    struct params p;
    char why[256];
    if (!read_params(rq, "since until level", &p, why, sizeof why))
        return exo__serve_error(rq->reply, 400, why, err);
    struct exo__report_params rp;
    exo__report_params(&rq->opts->report, &rp);
    json_t *sec = NULL;
    exo_err e = {0};
    exo_code vrc = exo__view_flows(rq->store, &p.filter, &rp, &sec, &e);
    return reply_section(rq, vrc, sec, &e, err);
}

/* /api/compare?orgs=A|B|C[&as_of=DATE]: the side-by-side section, as
 * 'exodus compare' and the report build it. One 'orgs' parameter with the
 * names joined by '|' (a repeated parameter is refused everywhere). */
#define MAX_COMPARE 8
static exo_code route_compare(struct request *rq, exo_err *err)
{
    const char *orgs_arg = NULL;
    char why[320], buf[MAX_ARG_LEN + 1];
    exo_comparison_opts co;
    memset(&co, 0, sizeof co);
    for (size_t i = 0; i < rq->n_args; i++) {
        const char *k = rq->keys[i], *v = rq->values[i] ? rq->values[i] : "";
        for (size_t j = 0; j < i; j++)
            if (strcmp(rq->keys[j], k) == 0) {
                snprintf(why, sizeof why,
                         "parameter '%.40s' is given more than once (give "
                         "the organisations once, joined by '|')",
                         k);
                return exo__serve_error(rq->reply, 400, why, err);
            }
        if (strlen(v) > MAX_ARG_LEN) {
            snprintf(why, sizeof why,
                     "parameter '%.40s' is longer than %d "
                     "bytes",
                     k, MAX_ARG_LEN);
            return exo__serve_error(rq->reply, 400, why, err);
        }
        if (strcmp(k, "orgs") == 0) {
            orgs_arg = v;
        } else if (strcmp(k, "as_of") == 0) {
            exo_date d;
            exo_err e = {0};
            if (!*v)
                continue;
            if (exo_date_parse(v, &d, &e)) {
                snprintf(why, sizeof why, "parameter 'as_of': %.200s", e.msg);
                return exo__serve_error(rq->reply, 400, why, err);
            }
            co.has_as_of = true;
            co.as_of = d.days;
        } else {
            snprintf(why, sizeof why,
                     "unknown parameter '%.40s' (expected: orgs as_of)", k);
            return exo__serve_error(rq->reply, 400, why, err);
        }
    }
    if (!orgs_arg || !*orgs_arg)
        return exo__serve_error(rq->reply, 400,
                                "parameter 'orgs' is required (names joined "
                                "by '|')",
                                err);
    const char *names[MAX_COMPARE];
    size_t n = 0;
    snprintf(buf, sizeof buf, "%s", orgs_arg);
    char *save = NULL;
    for (char *t = strtok_r(buf, "|", &save); t;
         t = strtok_r(NULL, "|", &save)) {
        if (n == MAX_COMPARE) {
            snprintf(why, sizeof why,
                     "parameter 'orgs': at most %d "
                     "organisations",
                     MAX_COMPARE);
            return exo__serve_error(rq->reply, 400, why, err);
        }
        names[n++] = t;
    }
    if (n == 0)
        return exo__serve_error(rq->reply, 400, "parameter 'orgs' is empty",
                                err);
    co.seed = rq->opts->report.seed;
    json_t *sec = NULL;
    exo_err e = {0};
    exo_code vrc = exo__view_compare(
        rq->store, names, n, &co, co.has_as_of ? "compare-then" : "compare-now",
        &sec, &e);
    return reply_section(rq, vrc, sec, &e, err);
}

/* /api/runway?scenario=NAME: NAME is looked up in the fixed list; the
 * request's text never becomes part of a path. */
static exo_code route_runway(struct request *rq, exo_err *err)
{
    const char *name = NULL;
    char why[320];
    for (size_t i = 0; i < rq->n_args; i++) {
        const char *k = rq->keys[i], *v = rq->values[i] ? rq->values[i] : "";
        if (strcmp(k, "scenario") != 0) {
            snprintf(why, sizeof why,
                     "unknown parameter '%.40s' (expected: scenario)", k);
            return exo__serve_error(rq->reply, 400, why, err);
        }
        if (name) {
            snprintf(why, sizeof why, "parameter 'scenario' is given twice");
            return exo__serve_error(rq->reply, 400, why, err);
        }
        size_t j = 0;
        while (j < N_SCENARIOS && strcmp(v, bundled_scenarios[j]) != 0)
            j++;
        if (j == N_SCENARIOS) {
            snprintf(why, sizeof why,
                     "parameter 'scenario': no bundled scenario '%.60s' "
                     "(expected one of: openai-2024 startup)",
                     v);
            return exo__serve_error(rq->reply, 400, why, err);
        }
        name = bundled_scenarios[j];
    }
    if (!name)
        return exo__serve_error(rq->reply, 400,
                                "parameter 'scenario' is required", err);
    if (!rq->opts->scenario_dir)
        return exo__serve_error(rq->reply, 404,
                                "this server has no scenario directory", err);
    char path[4200];
    snprintf(path, sizeof path, "%s/%s.json", rq->opts->scenario_dir, name);
    struct exo__report_params rp;
    exo__report_params(&rq->opts->report, &rp);
    json_t *v = NULL;
    exo_err e = {0};
    exo_code rc;
    if (exo__view_runway(path, &rp, &v, &e)) {
        if (e.code == EXO_ENOMEM)
            return exo__fail(err, EXO_ENOMEM, "%s", e.msg);
        /* The file is the server's, not the request's: say which
         * scenario failed without naming paths on this machine. */
        snprintf(why, sizeof why, "scenario '%s' could not be run (%s)", name,
                 exo_strerror(e.code));
        rc = exo__serve_error(rq->reply, e.code == EXO_ENOENT ? 404 : 500, why,
                              err);
    } else {
        rc = exo__jset(v, "name", exo__jstr(name))
                 ? reply_json(rq->reply, 200, v, err)
                 : exo__fail(err, EXO_ENOMEM, "building a reply");
    }
    json_decref(v);
    return rc;
}

/* Exact paths; "/assets/NAME" is handled before the table. 'cached':
 * the answer depends only on the request and the store's contents, so
 * daemon.c may keep it until the store changes (the runway reads a
 * scenario file instead). */
static const struct route {
    const char *path;
    route_fn fn;
    bool cached;
} routes[] = {
    {"/", route_page, true},
    {"/index.html", route_page, true},
    {"/api/orgs", route_orgs, true},
    {"/api/spiral", route_spiral, true},
    {"/api/survival", route_survival, true},
    {"/api/flows", route_flows, true},
    {"/api/compare", route_compare, true},
    {"/api/runway", route_runway, false},
};

bool exo__serve_heavy(const char *path)
{
    return strcmp(path, "/api/runway") == 0;
}

bool exo__serve_cacheable(const char *path)
{
    if (strncmp(path, "/assets/", 8) == 0)
        return true;
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
        if (strcmp(path, routes[i].path) == 0)
            return routes[i].cached;
    return false;
}

static const char *asset_type(const char *name)
{
    size_t n = strlen(name);
    if (n > 3 && strcmp(name + n - 3, ".js") == 0)
        return "text/javascript; charset=utf-8";
    if (n > 4 && strcmp(name + n - 4, ".css") == 0)
        return "text/css; charset=utf-8";
    return NULL; /* the template and fragments are not served alone */
}

void exo_serve_opts_init(exo_serve_opts *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->bind = "127.0.0.1";
    opts->port = 8080;
    opts->timeout_s = 10;
    opts->request_timeout_s = 10;
    opts->max_connections = 512;
    opts->max_per_client = 128;
    opts->memory_limit = 64 * 1024;
    opts->cache_bytes = 64u << 20;
    exo_report_opts_init(&opts->report);
}

exo_code exo_serve_answer(exo_store *store, const exo_serve_opts *opts,
                          const char *method, const char *path,
                          const char *const *keys, const char *const *values,
                          size_t n_args, exo_http_reply *reply, exo_err *err)
{
    exo_serve_opts defaults;
    memset(reply, 0, sizeof *reply);
    if (!opts) {
        exo_serve_opts_init(&defaults);
        opts = &defaults;
    }
    if (!method || !path)
        return exo__serve_error(reply, 400, "malformed request", err);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return exo__serve_error(reply, 405, "only GET and HEAD are served",
                                err);
    if (n_args > MAX_ARGS)
        return exo__serve_error(reply, 400, "too many query parameters", err);
    static const char prefix[] = "/assets/";
    if (strncmp(path, prefix, sizeof prefix - 1) == 0) {
        const char *name = path + sizeof prefix - 1;
        const struct exo__asset *a = strchr(name, '/') || strchr(name, '\\')
                                         ? NULL
                                         : exo__asset_find(name);
        const char *type = a ? asset_type(name) : NULL;
        if (!type)
            return exo__serve_error(reply, 404, "no such asset", err);
        return reply_text(reply, 200, type, (const char *)a->data, a->size,
                          err);
    }
    for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++) {
        if (strcmp(path, routes[i].path) != 0)
            continue;
        struct request rq = {store, opts, keys, values, n_args, reply};
        exo_code rc = routes[i].fn(&rq, err);
        if (rc)
            exo_free(reply->body), memset(reply, 0, sizeof *reply);
        return rc;
    }
    return exo__serve_error(reply, 404, "no such page", err);
}
