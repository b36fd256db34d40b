/*
 * daemon.c - the dashboard on the network: libmicrohttpd with one thread
 * per connection (its internal thread only accepts), so a slow answer
 * (/api/runway, a first /api/spiral) never holds up a fast one.
 *
 * Store handles: SQLite handles are opened without a mutex (exodus.h: a
 * handle is used by one thread at a time), so each request that needs the
 * store borrows a read-only handle from a pool and gives it back; no
 * handle is ever used by two requests at once.
 *
 * Cache: answers that depend only on the request and the store's contents
 * (exo__serve_cacheable) are kept as ready libmicrohttpd responses, keyed
 * by path and parameters, for as long as the store file and its
 * write-ahead log (where commits land until a checkpoint) keep their
 * identity, size and modification time. The first request for a key
 * computes it and later ones wait for it, so 100 clients asking at once
 * for a spiral that is not kept yet run one fit, not 100.
 *
 * Limits: connections in all and per client address; an idle timeout;
 * per-connection memory (which bounds the request line and headers); and
 * a deadline for the request line and headers, enforced by a watchdog
 * thread that shuts the socket down, since a client that sends one byte
 * every few seconds never trips the idle timeout (slowloris).
 *
 * Host check: the Host header must name the bound address, localhost
 * (when bound to a loopback or wildcard address) or a name the caller
 * allowed; else a web page whose DNS name was rebound to 127.0.0.1 could
 * read the store through a browser on this machine.
 */
#include "serve/serve_int.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/hmap.h"

#define MAX_HOSTS 40
#define MAX_HOST_LEN 260
#define MAX_CACHE_ENTRIES 4096
#define MAX_IDLE_STORES 16
/* How often the watchdog looks for overdue requests, in milliseconds. */
#define WATCH_MS 250

/* One state of the store: its file and its write-ahead log. */
struct store_stamp {
    dev_t dev;
    ino_t ino, wal_ino;
    off_t size, wal_size;
    struct timespec mtime, wal_mtime;
};

struct cache_entry {
    struct MHD_Response *resp; /* NULL: not kept (yet) */
    unsigned status;
    bool busy; /* a request is computing it */
};

struct cache {
    pthread_mutex_t lock;
    pthread_cond_t ready; /* an entry stopped being busy, or all went */
    struct store_stamp stamp;
    bool have_stamp;
    unsigned long generation; /* bumped by each clear */
    struct hmap index;        /* key -> entries[] */
    struct cache_entry *entries;
    size_t n, cap, bytes;
};

/* A connection, for the watchdog. */
struct conn_slot {
    int fd;
    bool used;
    bool waiting; /* for a request line and headers, since 'since' */
    struct timespec since;
};

struct exo_server {
    struct MHD_Daemon *daemon;
    exo_serve_opts opts;
    char *db_path, *wal_path;
    unsigned port;
    char *hosts[MAX_HOSTS]; /* lower case, IPv6 in brackets; [0] named
                               in the refusal */
    size_t n_hosts;

    pthread_mutex_t pool_lock;
    exo_store *idle[MAX_IDLE_STORES];
    size_t n_idle;

    struct cache cache;

    /* Answers that are never kept (the runway) computing now, and at most
     * how many: each already uses every CPU (OpenMP), so more at once
     * only take time slices from the fast answers. */
    pthread_mutex_t heavy_lock;
    pthread_cond_t heavy_free;
    long heavy, max_heavy;

    pthread_mutex_t conn_lock;
    pthread_cond_t conn_wake;
    struct conn_slot *slots;
    size_t n_slots;
    bool stopping, watching;
    pthread_t watchdog;
};

/* ==== Store handles ==== */

static exo_code pool_take(struct exo_server *s, exo_store **out, exo_err *err)
{
    pthread_mutex_lock(&s->pool_lock);
    *out = s->n_idle ? s->idle[--s->n_idle] : NULL;
    pthread_mutex_unlock(&s->pool_lock);
    if (*out)
        return EXO_OK;
    return exo_store_open(s->db_path, EXO_STORE_READONLY, out, err);
}

/* Keeps a few handles for the next requests; a burst's extras close. */
static void pool_give(struct exo_server *s, exo_store *store)
{
    pthread_mutex_lock(&s->pool_lock);
    if (s->n_idle < MAX_IDLE_STORES) {
        s->idle[s->n_idle++] = store;
        store = NULL;
    }
    pthread_mutex_unlock(&s->pool_lock);
    exo_store_close(store);
}

static void heavy_enter(struct exo_server *s)
{
    pthread_mutex_lock(&s->heavy_lock);
    while (s->heavy >= s->max_heavy)
        pthread_cond_wait(&s->heavy_free, &s->heavy_lock);
    s->heavy++;
    pthread_mutex_unlock(&s->heavy_lock);
}

static void heavy_leave(struct exo_server *s)
{
    pthread_mutex_lock(&s->heavy_lock);
    s->heavy--;
    pthread_cond_signal(&s->heavy_free);
    pthread_mutex_unlock(&s->heavy_lock);
}

/* ==== Cache ==== */

/* False when the store cannot be stat'ed: then nothing is kept. */
static bool stamp_read(const struct exo_server *s, struct store_stamp *st)
{
    struct stat a, w;
    memset(st, 0, sizeof *st);
    if (stat(s->db_path, &a) != 0)
        return false;
    st->dev = a.st_dev;
    st->ino = a.st_ino;
    st->size = a.st_size;
    st->mtime = a.st_mtim;
    if (stat(s->wal_path, &w) == 0) {
        st->wal_ino = w.st_ino;
        st->wal_size = w.st_size;
        st->wal_mtime = w.st_mtim;
    }
    return true;
}

static bool stamp_same(const struct store_stamp *a, const struct store_stamp *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->mtime.tv_sec == b->mtime.tv_sec &&
           a->mtime.tv_nsec == b->mtime.tv_nsec && a->wal_ino == b->wal_ino &&
           a->wal_size == b->wal_size &&
           a->wal_mtime.tv_sec == b->wal_mtime.tv_sec &&
           a->wal_mtime.tv_nsec == b->wal_mtime.tv_nsec;
}

/* Drops every entry; requests computing one will not keep theirs. The
 * lock is held. */
static void cache_clear(struct cache *c)
{
    for (size_t i = 0; i < c->n; i++)
        if (c->entries[i].resp)
            MHD_destroy_response(c->entries[i].resp);
    c->n = 0;
    c->bytes = 0;
    exo__hmap_release(&c->index);
    c->generation++;
    pthread_cond_broadcast(&c->ready);
}

/* A new busy entry for 'key'; false when out of memory. The lock is
 * held. */
static bool cache_add(struct cache *c, const char *key, size_t *slot)
{
    if (c->n == MAX_CACHE_ENTRIES)
        cache_clear(c);
    if (c->n == c->cap) {
        size_t cap = c->cap ? 2 * c->cap : 64;
        struct cache_entry *e = exo__reallocarray(c->entries, cap, sizeof *e);
        if (!e)
            return false;
        c->entries = e;
        c->cap = cap;
    }
    if (exo__hmap_put(&c->index, key, (int64_t)c->n))
        return false;
    c->entries[c->n] = (struct cache_entry){NULL, 0, true};
    c->bytes += strlen(key);
    *slot = c->n++;
    return true;
}

/*
 * Looks 'key' up for the store as it is now. True when the answer is kept:
 * it is queued on 'conn' and '*ret' is libmicrohttpd's result. False when
 * this request must compute it: then '*slot' is the entry to fill with
 * cache_put (SIZE_MAX: the answer is not to be kept) and '*gen' the
 * generation it belongs to. Waits while another request computes it.
 */
static bool cache_get(struct exo_server *s, struct MHD_Connection *conn,
                      const char *key, size_t *slot, unsigned long *gen,
                      enum MHD_Result *ret)
{
    struct cache *c = &s->cache;
    struct store_stamp st;
    *slot = SIZE_MAX;
    if (!s->opts.cache_bytes || !stamp_read(s, &st))
        return false;
    pthread_mutex_lock(&c->lock);
    for (;;) {
        if (!c->have_stamp || !stamp_same(&c->stamp, &st)) {
            cache_clear(c);
            c->stamp = st;
            c->have_stamp = true;
        }
        int64_t i;
        if (!exo__hmap_get(&c->index, key, &i)) {
            if (cache_add(c, key, slot))
                *gen = c->generation;
            break;
        }
        struct cache_entry *e = &c->entries[i];
        if (e->resp) {
            *ret = MHD_queue_response(conn, e->status, e->resp);
            pthread_mutex_unlock(&c->lock);
            return true;
        }
        if (!e->busy) {
            e->busy = true;
            *slot = (size_t)i;
            *gen = c->generation;
            break;
        }
        pthread_cond_wait(&c->ready, &c->lock);
        /* The store may have changed while this request waited. */
        if (!stamp_read(s, &st))
            break;
    }
    pthread_mutex_unlock(&c->lock);
    return false;
}

/*
 * Ends the computation of entry 'slot' of generation 'gen': keeps 'resp'
 * (may be NULL: the answer is not to be kept, as for an error), which
 * the cache then owns, unless the entries were dropped meanwhile or the
 * cache is full; a full cache is emptied, to fill again with what is
 * asked next.
 */
static void cache_put(struct exo_server *s, size_t slot, unsigned long gen,
                      unsigned status, struct MHD_Response *resp, size_t size)
{
    struct cache *c = &s->cache;
    if (slot == SIZE_MAX) {
        if (resp)
            MHD_destroy_response(resp);
        return;
    }
    pthread_mutex_lock(&c->lock);
    if (gen == c->generation) {
        struct cache_entry *e = &c->entries[slot];
        e->busy = false;
        if (resp && c->bytes + size > s->opts.cache_bytes) {
            cache_clear(c);
        } else if (resp) {
            e->resp = resp;
            e->status = status;
            c->bytes += size;
            resp = NULL;
        }
    }
    pthread_cond_broadcast(&c->ready);
    pthread_mutex_unlock(&c->lock);
    if (resp)
        MHD_destroy_response(resp);
}

/* ==== Connections and the watchdog ==== */

static struct timespec now_mono(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t;
}

static double seconds_since(struct timespec then, struct timespec now)
{
    return (double)(now.tv_sec - then.tv_sec) +
           (double)(now.tv_nsec - then.tv_nsec) * 1e-9;
}

static void on_connection(void *cls, struct MHD_Connection *conn,
                          void **socket_context,
                          enum MHD_ConnectionNotificationCode code)
{
    struct exo_server *s = cls;
    pthread_mutex_lock(&s->conn_lock);
    if (code == MHD_CONNECTION_NOTIFY_STARTED) {
        const union MHD_ConnectionInfo *ci =
            MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
        for (size_t i = 0; ci && i < s->n_slots; i++) {
            struct conn_slot *slot = &s->slots[i];
            if (slot->used)
                continue;
            *slot = (struct conn_slot){ci->connect_fd, true, true, now_mono()};
            *socket_context = slot;
            break;
        }
    } else if (*socket_context) {
        /* Before libmicrohttpd closes the socket, so the watchdog (which
         * holds this lock) never shuts down a descriptor reused since. */
        struct conn_slot *slot = *socket_context;
        slot->used = false;
        *socket_context = NULL;
    }
    pthread_mutex_unlock(&s->conn_lock);
}

static struct conn_slot *slot_of(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return ci ? ci->socket_context : NULL;
}

/* The request line and headers are in ('waiting' false), or the last
 * answer went out and the next request's clock starts ('waiting' true). */
static void conn_waiting(struct exo_server *s, struct MHD_Connection *conn,
                         bool waiting)
{
    pthread_mutex_lock(&s->conn_lock);
    struct conn_slot *slot = slot_of(conn);
    if (slot && slot->used) {
        slot->waiting = waiting;
        slot->since = now_mono();
    }
    pthread_mutex_unlock(&s->conn_lock);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    (void)con_cls, (void)toe;
    conn_waiting(cls, conn, true);
}

static void *watchdog_main(void *arg)
{
    struct exo_server *s = arg;
    double limit = s->opts.request_timeout_s;
    pthread_mutex_lock(&s->conn_lock);
    while (!s->stopping) {
        struct timespec now = now_mono();
        for (size_t i = 0; i < s->n_slots; i++) {
            struct conn_slot *slot = &s->slots[i];
            if (slot->used && slot->waiting &&
                seconds_since(slot->since, now) >= limit) {
                /* libmicrohttpd sees the end of the stream and closes the
                 * connection itself, on its own thread. */
                shutdown(slot->fd, SHUT_RDWR);
                slot->waiting = false;
            }
        }
        struct timespec until = now;
        until.tv_nsec += WATCH_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&s->conn_wake, &s->conn_lock, &until);
    }
    pthread_mutex_unlock(&s->conn_lock);
    return NULL;
}

/* ==== Host check ==== */

/* Adds 'name' (lower-cased); false when out of memory. */
static bool host_add(struct exo_server *s, const char *name)
{
    if (s->n_hosts == MAX_HOSTS)
        return true;
    char *h = exo__strdup(name);
    if (!h)
        return false;
    for (char *p = h; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    s->hosts[s->n_hosts++] = h;
    return true;
}

/* A DNS name or IPv4 address ("dash.example", "192.168.1.5"), or an IPv6
 * address in brackets; no port. */
static bool host_name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 253)
        return false;
    if (name[0] == '[') {
        char inner[64];
        struct in6_addr a;
        if (name[n - 1] != ']' || n - 2 >= sizeof inner)
            return false;
        memcpy(inner, name + 1, n - 2);
        inner[n - 2] = '\0';
        return inet_pton(AF_INET6, inner, &a) == 1;
    }
    for (const char *p = name; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
            return false;
    return true;
}

static bool is_loopback_or_any(const char *bind, bool v6)
{
    if (v6) {
        struct in6_addr a;
        return inet_pton(AF_INET6, bind, &a) == 1 &&
               (IN6_IS_ADDR_LOOPBACK(&a) || IN6_IS_ADDR_UNSPECIFIED(&a));
    }
    struct in_addr a;
    if (inet_pton(AF_INET, bind, &a) != 1)
        return false;
    uint32_t ip = ntohl(a.s_addr);
    return (ip >> 24) == 127 || ip == 0;
}

static exo_code hosts_init(struct exo_server *s, const char *bind, bool v6,
                           exo_err *err)
{
    char own[MAX_HOST_LEN];
    snprintf(own, sizeof own, v6 ? "[%s]" : "%s", bind);
    bool ok = host_add(s, own);
    if (is_loopback_or_any(bind, v6))
        ok = ok && host_add(s, "localhost") && host_add(s, "127.0.0.1") &&
             host_add(s, "[::1]");
    if (!ok)
        return exo__fail(err, EXO_ENOMEM, "allocating the allowed hosts");
    for (size_t i = 0; i < s->opts.n_allow_hosts; i++) {
        const char *h = s->opts.allow_hosts[i];
        if (!h || !host_name_ok(h))
            return exo__fail(err, EXO_EINVAL,
                             "allowed host '%.80s' is not a host name or a "
                             "bracketed IPv6 address (expected a name such "
                             "as dash.example, without a port)",
                             h ? h : "");
        if (!host_add(s, h))
            return exo__fail(err, EXO_ENOMEM, "allocating the allowed hosts");
    }
    return EXO_OK;
}

/* 'host' is "NAME[:PORT]" with NAME allowed and PORT the bound one (or
 * left out, which means 80). */
static bool host_allowed(const struct exo_server *s, const char *host)
{
    if (!host)
        return false;
    size_t n = strlen(host);
    const char *colon = NULL;
    if (host[0] == '[') {
        const char *close = strchr(host, ']');
        if (!close)
            return false;
        colon = close[1] == ':' ? close + 1 : NULL;
        if (!colon && close[1])
            return false;
    } else {
        colon = strchr(host, ':');
    }
    size_t name_len = colon ? (size_t)(colon - host) : n;
    unsigned long port = 80;
    if (colon) {
        const char *p = colon + 1;
        size_t digits = strspn(p, "0123456789");
        if (digits == 0 || digits > 5 || p[digits])
            return false;
        port = strtoul(p, NULL, 10);
    }
    if (port != s->port)
        return false;
    if (name_len > 1 && host[name_len - 1] == '.')
        name_len--; /* "localhost." is the same name */
    for (size_t i = 0; i < s->n_hosts; i++)
        if (strlen(s->hosts[i]) == name_len &&
            strncasecmp(s->hosts[i], host, name_len) == 0)
            return true;
    return false;
}

/* ==== Requests ==== */

/*
 * A request's state in its context pointer: the address of one of these.
 * The URI callback sets the first two (whether the raw path held an
 * encoded NUL, which decoding turns into the end of the C string:
 * "/api/orgs%00.js" would read as "/api/orgs"); the handler's first call
 * moves to the other two.
 */
enum req_state { URI_PLAIN, URI_NUL, STARTED_PLAIN, STARTED_NUL };
static char req_marks[4];

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
    (void)cls, (void)conn;
    size_t path_len = strcspn(uri, "?");
    for (size_t i = 0; i + 2 < path_len; i++)
        if (uri[i] == '%' && uri[i + 1] == '0' && uri[i + 2] == '0')
            return &req_marks[URI_NUL];
    return &req_marks[URI_PLAIN];
}

struct arg_list {
    const char *keys[EXO_SERVE_MAX_ARGS + 1];
    const char *values[EXO_SERVE_MAX_ARGS + 1];
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
    if (a->n <= EXO_SERVE_MAX_ARGS) {
        a->keys[a->n] = key;
        a->values[a->n] = value;
    }
    a->n++;
    return MHD_YES;
}

/* The cache key: the path and each parameter, length-prefixed so no two
 * requests share one; NULL when out of memory. */
static char *cache_key(const char *path, const struct arg_list *a)
{
    struct buf b = BUF_INIT;
    int rc = exo__buf_addstr(&b, path);
    for (size_t i = 0; !rc && i < a->n && i <= EXO_SERVE_MAX_ARGS; i++) {
        const char *v = a->values[i];
        rc = exo__buf_addf(&b, "|%zu:%s", strlen(a->keys[i]), a->keys[i]);
        if (!rc)
            rc = v ? exo__buf_addf(&b, "=%zu:%s", strlen(v), v)
                   : exo__buf_addch(&b, '!');
    }
    if (rc) {
        exo__buf_release(&b);
        return NULL;
    }
    return exo__buf_detach(&b);
}

/*
 * No inline script or style: the page's scripts and style are files of
 * /assets/ and its data a JSON block the renderer parses. No 'unsafe-eval'
 * either: Vega would compile the charts' expressions (encodings, filters,
 * signals) with new Function, and exodus.js has it parse them to syntax
 * trees that vega-interpreter (1.2.1, in package-lock.json through
 * vega-embed) evaluates instead. Under the interpreter, datetime() with
 * one argument takes it as a year, not a time in milliseconds, which put
 * every mark of the departures timeline at x = 0; the timeline gives its
 * domain as dates instead (view_spiral.c), and the browser tests compare
 * every chart drawn both ways.
 */
static const char page_csp[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'";

/* 'cache_state': the X-Exodus-Cache header ("hit", "miss"), or NULL. */
static struct MHD_Response *make_response(const char *body, size_t len,
                                          const char *type,
                                          const char *cache_state)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return NULL;
    if (MHD_add_response_header(r, "Content-Type", type) == MHD_NO ||
        MHD_add_response_header(r, "X-Content-Type-Options", "nosniff") ==
            MHD_NO ||
        MHD_add_response_header(r, "Cache-Control", "no-store") == MHD_NO ||
        MHD_add_response_header(r, "Referrer-Policy", "no-referrer") ==
            MHD_NO ||
        MHD_add_response_header(r, "Content-Security-Policy", page_csp) ==
            MHD_NO ||
        (cache_state &&
         MHD_add_response_header(r, "X-Exodus-Cache", cache_state) == MHD_NO)) {
        MHD_destroy_response(r);
        return NULL;
    }
    return r;
}

/* The Host header, shown safely in a message: printable ASCII only. */
static void printable(char *out, size_t size, const char *in)
{
    size_t j = 0;
    for (; in && *in && j + 1 < size; in++)
        out[j++] = *in >= 0x20 && *in < 0x7f ? *in : '?';
    out[j] = '\0';
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
                                  const char *url, const char *method,
                                  const char *version, const char *upload,
                                  size_t *upload_size, void **con_cls)
{
    struct exo_server *s = cls;
    (void)version, (void)upload;
    ptrdiff_t state = *con_cls ? (char *)*con_cls - req_marks : URI_PLAIN;
    bool get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
    /* First call for a request: headers only. Answer now, so a request
     * body (never wanted) is not read into memory. */
    if (state < STARTED_PLAIN) {
        state += STARTED_PLAIN;
        *con_cls = &req_marks[state];
        conn_waiting(s, conn, false);
        if (get)
            return MHD_YES;
    }
    *upload_size = 0;
    struct arg_list args;
    memset(&args, 0, sizeof args);
    exo_http_reply reply;
    memset(&reply, 0, sizeof reply);
    exo_err err = {0};
    exo_code rc;
    size_t slot = SIZE_MAX;
    unsigned long gen = 0;
    bool cacheable = false;
    const char *host =
        MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Host");
    if (!host_allowed(s, host)) {
        char shown[100], why[400];
        printable(shown, sizeof shown, host);
        snprintf(why, sizeof why,
                 "%s%s%s is not a name of this dashboard (expected %s:%u; "
                 "exodus serve --allow-host NAME answers to another name)",
                 host ? "Host '" : "no Host header", host ? shown : "",
                 host ? "'" : "", s->hosts[0], s->port);
        rc = exo__serve_error(&reply, 421, why, &err);
    } else if (state == STARTED_NUL) {
        rc = exo__serve_error(&reply, 400,
                              "the path holds an encoded NUL byte (%00)", &err);
    } else {
        MHD_get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, collect_arg,
                                    &args);
        cacheable = get && !args.nul && exo__serve_cacheable(url);
        if (cacheable) {
            char *key = cache_key(url, &args);
            enum MHD_Result ret = MHD_NO;
            bool hit = key && cache_get(s, conn, key, &slot, &gen, &ret);
            exo__free(key);
            if (hit)
                return ret;
        }
        exo_store *store = NULL;
        if (args.nul) {
            rc = exo__serve_error(&reply, 400,
                                  "a query parameter holds a NUL byte", &err);
        } else if ((rc = pool_take(s, &store, &err)) != EXO_OK) {
            char why[300];
            snprintf(why, sizeof why, "the store cannot be read: %s", err.msg);
            exo_err_clear(&err);
            rc = rc == EXO_ENOMEM ? rc
                                  : exo__serve_error(&reply, 500, why, &err);
        } else {
            bool heavy = !cacheable && exo__serve_heavy(url);
            if (heavy)
                heavy_enter(s);
            rc = exo_serve_answer(
                store, &s->opts, method, url, args.keys, args.values,
                args.n > EXO_SERVE_MAX_ARGS ? EXO_SERVE_MAX_ARGS + 1 : args.n,
                &reply, &err);
            if (heavy)
                heavy_leave(s);
            pool_give(s, store);
        }
    }
    struct MHD_Response *resp, *keep = NULL;
    if (rc) {
        static const char oom[] = "{\"error\":\"out of memory\"}\n";
        reply.status = 500;
        resp = make_response(oom, sizeof oom - 1, exo__json_ctype, NULL);
    } else {
        resp = make_response(reply.body, reply.length, reply.content_type,
                             cacheable ? "miss" : NULL);
        if (slot != SIZE_MAX && reply.status == 200)
            keep = make_response(reply.body, reply.length, reply.content_type,
                                 "hit");
    }
    cache_put(s, slot, gen, reply.status, keep, reply.length);
    exo_free(reply.body);
    if (!resp)
        return MHD_NO;
    enum MHD_Result ret = MHD_queue_response(conn, reply.status, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* ==== Start and stop ==== */

static void server_free(struct exo_server *s)
{
    if (s->watching) {
        pthread_mutex_lock(&s->conn_lock);
        s->stopping = true;
        pthread_cond_signal(&s->conn_wake);
        pthread_mutex_unlock(&s->conn_lock);
        pthread_join(s->watchdog, NULL);
    }
    if (s->daemon)
        MHD_stop_daemon(s->daemon);
    for (size_t i = 0; i < s->n_idle; i++)
        exo_store_close(s->idle[i]);
    for (size_t i = 0; i < s->n_hosts; i++)
        exo__free(s->hosts[i]);
    for (size_t i = 0; i < s->cache.n; i++)
        if (s->cache.entries[i].resp)
            MHD_destroy_response(s->cache.entries[i].resp);
    exo__free(s->cache.entries);
    exo__hmap_release(&s->cache.index);
    pthread_mutex_destroy(&s->cache.lock);
    pthread_cond_destroy(&s->cache.ready);
    pthread_mutex_destroy(&s->pool_lock);
    pthread_mutex_destroy(&s->heavy_lock);
    pthread_cond_destroy(&s->heavy_free);
    pthread_mutex_destroy(&s->conn_lock);
    pthread_cond_destroy(&s->conn_wake);
    exo__free(s->slots);
    exo__free(s->db_path);
    exo__free(s->wal_path);
    exo__free(s);
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
    /* A thread per connection: a handler that computes for a second
     * holds up only its own client. poll, not select, so descriptors past
     * FD_SETSIZE work. */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD |
                     MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL;
    bool v6 = false;
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
        v6 = true;
    } else {
        return exo__fail(err, EXO_EINVAL,
                         "bind address '%s' is not an IPv4 or IPv6 address",
                         bind);
    }
    struct exo_server *s = exo__calloc(1, sizeof *s);
    if (!s)
        return exo__fail(err, EXO_ENOMEM, "allocating the server");
    s->opts = *opts;
    if (!s->opts.timeout_s)
        s->opts.timeout_s = 10;
    if (!s->opts.request_timeout_s)
        s->opts.request_timeout_s = 10;
    if (!s->opts.max_connections)
        s->opts.max_connections = 64;
    if (!s->opts.memory_limit)
        s->opts.memory_limit = 64 * 1024;
    pthread_mutex_init(&s->pool_lock, NULL);
    pthread_mutex_init(&s->heavy_lock, NULL);
    pthread_cond_init(&s->heavy_free, NULL);
    s->max_heavy = sysconf(_SC_NPROCESSORS_ONLN);
    if (s->max_heavy < 1)
        s->max_heavy = 1;
    pthread_mutex_init(&s->cache.lock, NULL);
    pthread_cond_init(&s->cache.ready, NULL);
    s->cache.index = (struct hmap)HMAP_INIT;
    pthread_mutex_init(&s->conn_lock, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&s->conn_wake, &ca);
    pthread_condattr_destroy(&ca);
    exo_code rc = EXO_OK;
    size_t n = strlen(db_path);
    s->db_path = exo__strdup(db_path);
    s->wal_path = exo__malloc(n + 5);
    s->n_slots = s->opts.max_connections;
    s->slots = exo__calloc(s->n_slots, sizeof *s->slots);
    if (!s->db_path || !s->wal_path || !s->slots) {
        rc = exo__fail(err, EXO_ENOMEM, "allocating the server");
        goto fail;
    }
    memcpy(s->wal_path, db_path, n);
    memcpy(s->wal_path + n, "-wal", 5);
    s->port = opts->port; /* until bound: the hosts need no port */
    if ((rc = hosts_init(s, bind, v6, err)))
        goto fail;
    /* One handle now, so a store that cannot be opened fails the start. */
    if ((rc = exo_store_open(db_path, EXO_STORE_READONLY, &s->idle[0], err)))
        goto fail;
    s->n_idle = 1;
    s->daemon = MHD_start_daemon(
        flags, (uint16_t)opts->port, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, addr, MHD_OPTION_CONNECTION_TIMEOUT,
        (unsigned int)s->opts.timeout_s, MHD_OPTION_CONNECTION_LIMIT,
        (unsigned int)s->opts.max_connections,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT,
        (unsigned int)s->opts.max_per_client,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, s->opts.memory_limit,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, s, MHD_OPTION_NOTIFY_CONNECTION,
        on_connection, s, MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_END);
    if (!s->daemon) {
        int e = errno;
        rc = exo__fail(err, EXO_EIO, "cannot listen on %s port %u: %s", bind,
                       opts->port,
                       e ? strerror(e) : "libmicrohttpd refused to start");
        goto fail;
    }
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info(s->daemon, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : opts->port;
    if (pthread_create(&s->watchdog, NULL, watchdog_main, s) != 0) {
        rc = exo__fail(err, EXO_EIO, "cannot start the request watchdog");
        goto fail;
    }
    s->watching = true;
    *out = s;
    return EXO_OK;
fail:
    server_free(s);
    return rc;
}

unsigned exo_serve_port(const exo_server *server)
{
    return server ? server->port : 0;
}

void exo_serve_stop(exo_server *server)
{
    if (server)
        server_free(server);
}
