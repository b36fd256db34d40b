/*
 * serve.c - the local dashboard: libmicrohttpd on one internal polling
 * thread (so one read-only store handle serves every request in turn),
 * answering from a table of routes. The same views as the report, built
 * by src/report/ per request; the page is the report's template with the
 * scripts served from the embedded assets.
 *
 * Safety: binds 127.0.0.1 unless told; bounded connections, per-
 * connection memory (which bounds the request line and headers) and idle
 * time; GET and HEAD only, and a request body is never read; the only
 * files served are the embedded assets, found by exact name (a name with a
 * '/' is never one, whatever the URL decoding made of it); every query
 * parameter is checked and a bad one is a 400 with a JSON error.
 *
 * A runway scenario is named by the request, never located by it: the
 * name must equal one of the bundled scenarios in 'bundled_scenarios',
 * and the file opened is that entry's, in opts->scenario_dir.
 *
 * To add an endpoint: one function of type route_fn and one line in
 * 'routes'.
 */
#include "serve/serve_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "report/report.h"

#define MAX_ARGS 16
#define MAX_ARG_LEN 256

struct exo_server {
    struct MHD_Daemon *daemon;
    exo_store *store;
    exo_serve_opts opts;
    unsigned port;
};

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
static const char *const bundled_scenarios[] = {"openai-2024", "startup"};
#define N_SCENARIOS (sizeof bundled_scenarios / sizeof bundled_scenarios[0])

static const char json_ctype[] = "application/json; charset=utf-8";

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
    r->content_type = json_ctype;
    r->length = b.len;
    r->body = exo__buf_detach(&b);
    return EXO_OK;
}

/* {"error": "..."} with 'status'. */
static exo_code reply_error(exo_http_reply *r, unsigned status, const char *msg,
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
    return reply_error(r, status, e->msg[0] ? e->msg : exo_strerror(e->code),
                       err);
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
        return reply_error(rq->reply, 400, why, err);
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
        return reply_error(rq->reply, 400, why, err);
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
        return reply_error(rq->reply, 400, why, err);
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
        return reply_error(rq->reply, 400, why, err);
    struct exo__report_params rp;
    exo__report_params(&rq->opts->report, &rp);
    json_t *sec = NULL, *v = json_object();
    exo_err e = {0};
    exo_code rc;
    if (exo__view_flows(rq->store, &p.filter, &rp, &sec, &e)) {
        rc = reply_failure(rq->reply, &e, err);
    } else {
        bool ok = exo__jset(v, "section", sec);
        sec = NULL;
        rc = ok ? reply_json(rq->reply, 200, v, err)
                : exo__fail(err, EXO_ENOMEM, "building a reply");
    }
    json_decref(sec);
    json_decref(v);
    return rc;
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
            return reply_error(rq->reply, 400, why, err);
        }
        if (name) {
            snprintf(why, sizeof why, "parameter 'scenario' is given twice");
            return reply_error(rq->reply, 400, why, err);
        }
        size_t j = 0;
        while (j < N_SCENARIOS && strcmp(v, bundled_scenarios[j]) != 0)
            j++;
        if (j == N_SCENARIOS) {
            snprintf(why, sizeof why,
                     "parameter 'scenario': no bundled scenario '%.60s' "
                     "(expected one of: openai-2024 startup)",
                     v);
            return reply_error(rq->reply, 400, why, err);
        }
        name = bundled_scenarios[j];
    }
    if (!name)
        return reply_error(rq->reply, 400, "parameter 'scenario' is required",
                           err);
    if (!rq->opts->scenario_dir)
        return reply_error(rq->reply, 404,
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
        rc = reply_error(rq->reply, e.code == EXO_ENOENT ? 404 : 500, why, err);
    } else {
        rc = exo__jset(v, "name", exo__jstr(name))
                 ? reply_json(rq->reply, 200, v, err)
                 : exo__fail(err, EXO_ENOMEM, "building a reply");
    }
    json_decref(v);
    return rc;
}

/* Exact paths; "/assets/NAME" is handled before the table. */
static const struct route {
    const char *path;
    route_fn fn;
} routes[] = {
    {"/", route_page},
    {"/index.html", route_page},
    {"/api/orgs", route_orgs},
    {"/api/spiral", route_spiral},
    {"/api/survival", route_survival},
    {"/api/flows", route_flows},
    {"/api/runway", route_runway},
};

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
    opts->max_connections = 64;
    opts->memory_limit = 64 * 1024;
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
        return reply_error(reply, 400, "malformed request", err);
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return reply_error(reply, 405, "only GET and HEAD are served", err);
    if (n_args > MAX_ARGS)
        return reply_error(reply, 400, "too many query parameters", err);
    static const char prefix[] = "/assets/";
    if (strncmp(path, prefix, sizeof prefix - 1) == 0) {
        const char *name = path + sizeof prefix - 1;
        const struct exo__asset *a = strchr(name, '/') || strchr(name, '\\')
                                         ? NULL
                                         : exo__asset_find(name);
        const char *type = a ? asset_type(name) : NULL;
        if (!type)
            return reply_error(reply, 404, "no such asset", err);
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
    return reply_error(reply, 404, "no such page", err);
}

/* ==== libmicrohttpd glue ==== */

struct arg_list {
    const char *keys[MAX_ARGS + 1];
    const char *values[MAX_ARGS + 1];
    size_t n;
    bool nul; /* a key or value decoded to text with a NUL byte in it */
};

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind,
                                   const char *key, size_t key_size,
                                   const char *value, size_t value_size)
{
    struct arg_list *a = cls;
    (void)kind;
    /* "%00" decodes to a NUL that would cut the text short as a C
     * string: "startup%00.json" must not read as "startup". */
    if (strlen(key) != key_size || (value && strlen(value) != value_size))
        a->nul = true;
    if (a->n <= MAX_ARGS) {
        a->keys[a->n] = key;
        a->values[a->n] = value;
    }
    a->n++;
    return MHD_YES;
}

static const char page_csp[] =
    "default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' "
    "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    struct exo_server *s = cls;
    (void)version, (void)upload;
    /* First call for a request: headers only. Answer now, so a request
     * body (never wanted) is not read into memory. */
    if (*con_cls == NULL) {
        static int marker;
        *con_cls = &marker;
        if (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0)
            return MHD_YES;
    }
    *upload_size = 0;
    struct arg_list args;
    memset(&args, 0, sizeof args);
    MHD_get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, collect_arg,
                                &args);
    exo_http_reply reply;
    exo_err err = {0};
    exo_code rc;
    if (args.nul) {
        memset(&reply, 0, sizeof reply);
        rc = reply_error(&reply, 400, "a query parameter holds a NUL byte",
                         &err);
    } else {
        rc = exo_serve_answer(
            s->store, &s->opts, method, url, args.keys, args.values,
            args.n > MAX_ARGS ? MAX_ARGS + 1 : args.n, &reply, &err);
    }
    struct MHD_Response *resp;
    if (rc) {
        static const char oom[] = "{\"error\":\"out of memory\"}\n";
        resp = MHD_create_response_from_buffer(sizeof oom - 1, (void *)oom,
                                               MHD_RESPMEM_PERSISTENT);
        reply.status = 500;
        reply.content_type = json_ctype;
    } else {
        resp = MHD_create_response_from_buffer(reply.length, reply.body,
                                               MHD_RESPMEM_MUST_COPY);
    }
    exo_free(reply.body);
    if (!resp)
        return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", reply.content_type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "Content-Security-Policy", page_csp);
    enum MHD_Result ret = MHD_queue_response(conn, reply.status, resp);
    MHD_destroy_response(resp);
    return ret;
}

exo_code exo_serve_start(const char *db_path, const exo_serve_opts *opts,
                         exo_server **out, exo_err *err)
{
    exo_serve_opts defaults;
    *out = NULL;
    if (!opts) {
        exo_serve_opts_init(&defaults);
        opts = &defaults;
    }
    const char *bind = opts->bind ? opts->bind : "127.0.0.1";
    if (opts->port > 65535)
        return exo__fail(err, EXO_EINVAL, "port %u is not a TCP port",
                         opts->port);
    struct sockaddr_in a4;
    struct sockaddr_in6 a6;
    struct sockaddr *addr;
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL;
    memset(&a4, 0, sizeof a4);
    memset(&a6, 0, sizeof a6);
    if (inet_pton(AF_INET, bind, &a4.sin_addr) == 1) {
        a4.sin_family = AF_INET;
        a4.sin_port = htons((uint16_t)opts->port);
        addr = (struct sockaddr *)&a4;
    } else if (inet_pton(AF_INET6, bind, &a6.sin6_addr) == 1) {
        a6.sin6_family = AF_INET6;
        a6.sin6_port = htons((uint16_t)opts->port);
        addr = (struct sockaddr *)&a6;
        flags |= MHD_USE_IPv6;
    } else {
        return exo__fail(err, EXO_EINVAL,
                         "bind address '%s' is not an IPv4 or IPv6 address",
                         bind);
    }
    struct exo_server *s = exo__calloc(1, sizeof *s);
    if (!s)
        return exo__fail(err, EXO_ENOMEM, "allocating the server");
    s->opts = *opts;
    exo_code rc = exo_store_open(db_path, EXO_STORE_READONLY, &s->store, err);
    if (rc) {
        exo__free(s);
        return rc;
    }
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)opts->port, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, addr, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned int)(opts->timeout_s ? opts->timeout_s : 10),
        MHD_OPTION_CONNECTION_LIMIT,
        (unsigned int)(opts->max_connections ? opts->max_connections : 64),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT,
        (size_t)(opts->memory_limit ? opts->memory_limit : 64 * 1024),
        MHD_OPTION_END);
    if (!s->daemon) {
        int e = errno;
        exo_store_close(s->store);
        exo__free(s);
        return exo__fail(err, EXO_EIO, "cannot listen on %s port %u: %s", bind,
                         opts->port,
                         e ? strerror(e) : "libmicrohttpd refused to start");
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : opts->port;
    *out = s;
    return EXO_OK;
}

unsigned exo_serve_port(const exo_server *server)
{
    return server ? server->port : 0;
}

void exo_serve_stop(exo_server *server)
{
    if (!server)
        return;
    MHD_stop_daemon(server->daemon);
    exo_store_close(server->store);
    exo__free(server);
}
