/*
 * view_flows.c - the flows section: where the people who leave go. The
 * moves are loaded and computed exactly as 'exodus flows' does with its
 * defaults (docs/flows.md), then drawn three ways: a Sankey of moves from
 * origin (left) to destination (right), a bar chart of each
 * organisation's net flow (moves in minus moves out), and the table of the
 * top net flows between pairs with the flow ratio and its exact interval.
 *
 * Vega-Lite has no Sankey mark, so the layout is computed here and drawn
 * with plain marks: each node is a rect whose height is its moves, each
 * link an area band of constant width (its moves) whose centre follows a
 * smoothstep from its place in the origin's node to its place in the
 * destination's. The vertical unit is one move; 'gap' moves separate the
 * nodes of a column.
 */
#include "report/report.h"

#include <math.h>

/* Organisations named in the Sankey (by moves in and out); the rest are
 * drawn as one node, "other organisations". */
#define SANKEY_NAMED 8
#define SANKEY_NODES (SANKEY_NAMED + 1)
/* Points along each band's curve. */
#define BAND_STEPS 24
/* Where the two columns of nodes sit on the x axis [0, 1]. */
#define NODE_W 0.035
#define TOP_PAIRS 10
#define NET_BARS 16

static const char other_name[] = "other organisations";

/* Colours of the named nodes in order (Tableau 10), then "other". */
static const char *const node_colours[SANKEY_NODES] = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#adb5bd"};

/* ==== The Sankey ==== */

struct sankey {
    size_t n_nodes; /* named ones, then "other" when used */
    const char *name[SANKEY_NODES];
    size_t links[SANKEY_NODES][SANKEY_NODES]; /* moves node u -> node v */
    size_t out[SANKEY_NODES], in[SANKEY_NODES];
    size_t total;
    double gap;
    double left_top[SANKEY_NODES], right_top[SANKEY_NODES];
    double height;
};

struct by_volume {
    size_t org, volume;
    const char *name;
};

static int cmp_volume(const void *a, const void *b)
{
    const struct by_volume *x = a, *y = b;
    if (x->volume != y->volume)
        return x->volume < y->volume ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* Groups the organisations into nodes and lays the two columns out. */
static exo_code sankey_layout(const exo_flow_data *d, const exo_flows *f,
                              struct sankey *sk, exo_err *err)
{
    size_t N = f->n_orgs;
    memset(sk, 0, sizeof *sk);
    struct by_volume *v = exo__calloc(N ? N : 1, sizeof *v);
    size_t *node = exo__calloc(N ? N : 1, sizeof *node);
    if (!v || !node) {
        exo__free(v);
        exo__free(node);
        return exo__fail(err, EXO_ENOMEM, "laying out the Sankey");
    }
    for (size_t i = 0; i < N; i++) {
        v[i].org = i;
        v[i].volume = f->orgs[i].in + f->orgs[i].out;
        v[i].name = d->orgs[i];
    }
    exo__qsort(v, N, sizeof *v, cmp_volume);
    size_t named = 0;
    bool other = false;
    for (size_t r = 0; r < N; r++) {
        if (r < SANKEY_NAMED && v[r].volume > 0) {
            sk->name[named] = v[r].name;
            node[v[r].org] = named++;
        } else {
            node[v[r].org] = SANKEY_NAMED;
            other |= v[r].volume > 0;
        }
    }
    /* "other" takes the slot after the named ones. */
    for (size_t i = 0; i < N; i++)
        if (node[i] == SANKEY_NAMED)
            node[i] = named;
    sk->n_nodes = named + (other ? 1 : 0);
    if (other)
        sk->name[named] = other_name;
    for (size_t a = 0; a < N; a++)
        for (size_t b = 0; b < N; b++) {
            size_t c = f->count[a * N + b];
            if (!c)
                continue;
            sk->links[node[a]][node[b]] += c;
            sk->out[node[a]] += c;
            sk->in[node[b]] += c;
            sk->total += c;
        }
    exo__free(v);
    exo__free(node);
    sk->gap = fmax(0.5, 0.03 * (double)sk->total);
    double l = 0.0, r = 0.0;
    for (size_t u = 0; u < sk->n_nodes; u++) {
        sk->left_top[u] = l;
        sk->right_top[u] = r;
        if (sk->out[u])
            l += (double)sk->out[u] + sk->gap;
        if (sk->in[u])
            r += (double)sk->in[u] + sk->gap;
    }
    sk->height = fmax(l, r) - sk->gap;
    return EXO_OK;
}

static const char sankey_template[] =
    "{\"width\":\"container\",\"height\":340,"
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"layer\":["
    "{\"data\":{\"name\":\"bands\"},\"mark\":{\"type\":\"area\","
    "\"opacity\":0.45,\"interpolate\":\"linear\"},"
    "\"encoding\":{\"x\":{\"field\":\"x\",\"type\":\"quantitative\","
    "\"axis\":null,\"scale\":{\"domain\":[0,1]}},"
    "\"y\":{\"field\":\"y\",\"type\":\"quantitative\",\"axis\":null},"
    "\"y2\":{\"field\":\"y2\"},"
    "\"detail\":{\"field\":\"link\",\"type\":\"nominal\"},"
    "\"color\":{\"field\":\"from\",\"type\":\"nominal\",\"legend\":null},"
    "\"tooltip\":[{\"field\":\"from\",\"title\":\"from\"},"
    "{\"field\":\"to\",\"title\":\"to\"},"
    "{\"field\":\"moves\",\"type\":\"quantitative\",\"title\":\"moves\"}]}},"
    "{\"data\":{\"name\":\"nodes\"},\"mark\":{\"type\":\"rect\"},"
    "\"encoding\":{\"x\":{\"field\":\"x\",\"type\":\"quantitative\"},"
    "\"x2\":{\"field\":\"x2\"},"
    "\"y\":{\"field\":\"y\",\"type\":\"quantitative\"},"
    "\"y2\":{\"field\":\"y2\"},"
    "\"color\":{\"field\":\"org\",\"type\":\"nominal\",\"legend\":null},"
    "\"tooltip\":[{\"field\":\"org\",\"title\":\"organisation\"},"
    "{\"field\":\"side\",\"title\":\"moves\"},"
    "{\"field\":\"moves\",\"type\":\"quantitative\",\"title\":\"count\"}]}},"
    "{\"data\":{\"name\":\"nodes\"},\"transform\":[{\"filter\":"
    "\"datum.side === 'out'\"}],\"mark\":{\"type\":\"text\",\"align\":"
    "\"left\",\"dx\":4,\"fontSize\":11,\"color\":\"#212529\"},"
    "\"encoding\":{\"x\":{\"field\":\"x2\",\"type\":\"quantitative\"},"
    "\"y\":{\"field\":\"ym\",\"type\":\"quantitative\"},"
    "\"text\":{\"field\":\"label\"}}},"
    "{\"data\":{\"name\":\"nodes\"},\"transform\":[{\"filter\":"
    "\"datum.side === 'in'\"}],\"mark\":{\"type\":\"text\",\"align\":"
    "\"right\",\"dx\":-4,\"fontSize\":11,\"color\":\"#212529\"},"
    "\"encoding\":{\"x\":{\"field\":\"x\",\"type\":\"quantitative\"},"
    "\"y\":{\"field\":\"ym\",\"type\":\"quantitative\"},"
    "\"text\":{\"field\":\"label\"}}}"
    "]}";

static bool push_node(json_t *nodes, const char *org, const char *side,
                      double x, double y, size_t moves)
{
    json_t *o = json_object();
    bool ok = exo__jset(o, "org", exo__jstr(org));
    ok &= exo__jset(o, "side", exo__jstr(side));
    ok &= exo__jset(o, "x", exo__jnum(x));
    ok &= exo__jset(o, "x2", exo__jnum(x + NODE_W));
    ok &= exo__jset(o, "y", exo__jnum(y));
    ok &= exo__jset(o, "y2", exo__jnum(y + (double)moves));
    ok &= exo__jset(o, "ym", exo__jnum(y + 0.5 * (double)moves));
    ok &= exo__jset(o, "moves", json_integer((json_int_t)moves));
    ok &= exo__jset(o, "label", exo__jfmt("%s %zu", org, moves));
    if (!ok) {
        json_decref(o);
        return false;
    }
    return exo__jpush(nodes, o);
}

/* One band: 'w' moves wide, from y 'y0' at the left to 'y1' at the right. */
static bool push_band(json_t *bands, size_t id, const char *from,
                      const char *to, size_t w, double y0, double y1)
{
    bool ok = true;
    double x0 = NODE_W, x1 = 1.0 - NODE_W;
    for (int s = 0; ok && s <= BAND_STEPS; s++) {
        double t = (double)s / BAND_STEPS;
        double e = t * t * (3.0 - 2.0 * t);
        double y = y0 + (y1 - y0) * e;
        json_t *o = json_object();
        ok &= exo__jset(o, "link", json_integer((json_int_t)id));
        ok &= exo__jset(o, "from", exo__jstr(from));
        ok &= exo__jset(o, "to", exo__jstr(to));
        ok &= exo__jset(o, "moves", json_integer((json_int_t)w));
        ok &= exo__jset(o, "x", exo__jnum(x0 + (x1 - x0) * t));
        ok &= exo__jset(o, "y", exo__jnum(y));
        ok &= exo__jset(o, "y2", exo__jnum(y + (double)w));
        if (!ok) {
            json_decref(o);
            return false;
        }
        ok &= exo__jpush(bands, o);
    }
    return ok;
}

/* The fixed colour of each node on both colour encodings. */
static bool set_colours(json_t *spec, const struct sankey *sk)
{
    json_t *dom = json_array(), *range = json_array();
    bool ok = dom && range;
    for (size_t u = 0; u < sk->n_nodes; u++) {
        ok &= exo__jpush(dom, exo__jstr(sk->name[u]));
        ok &= exo__jpush(range, exo__jstr(sk->name[u] == other_name
                                              ? node_colours[SANKEY_NAMED]
                                              : node_colours[u]));
    }
    json_t *layers = json_object_get(spec, "layer");
    for (size_t k = 0; ok && k < 2; k++) {
        json_t *colour = json_object_get(
            json_object_get(json_array_get(layers, k), "encoding"), "color");
        json_t *scale = json_object();
        ok &= exo__jset(scale, "domain", json_deep_copy(dom));
        ok &= exo__jset(scale, "range", json_deep_copy(range));
        ok &= exo__jset(colour, "scale", scale);
    }
    json_t *y = json_object_get(
        json_object_get(json_array_get(layers, 0), "encoding"), "y");
    json_t *ys = json_object();
    json_t *ydom = json_array();
    ok &= exo__jpush(ydom, exo__jnum(0.0));
    ok &= exo__jpush(ydom, exo__jnum(sk->height));
    ok &= exo__jset(ys, "domain", ydom);
    ok &= exo__jset(ys, "reverse", json_true());
    ok &= exo__jset(ys, "nice", json_false());
    ok &= exo__jset(y, "scale", ys);
    json_decref(dom);
    json_decref(range);
    return ok;
}

static json_t *sankey_spec(const exo_flow_data *d, const exo_flows *f,
                           exo_err *err)
{
    struct sankey sk;
    if (sankey_layout(d, f, &sk, err))
        return NULL;
    json_t *spec = exo__jparse(sankey_template);
    json_t *nodes = json_array(), *bands = json_array();
    bool ok = spec && nodes && bands;
    for (size_t u = 0; ok && u < sk.n_nodes; u++) {
        if (sk.out[u])
            ok &= push_node(nodes, sk.name[u], "out", 0.0, sk.left_top[u],
                            sk.out[u]);
        if (sk.in[u])
            ok &= push_node(nodes, sk.name[u], "in", 1.0 - NODE_W,
                            sk.right_top[u], sk.in[u]);
    }
    /* Bands leave each origin in destination order and reach each
     * destination in origin order, so no two cross inside a node. */
    double at_right[SANKEY_NODES][SANKEY_NODES];
    for (size_t v = 0; v < sk.n_nodes; v++) {
        double y = sk.right_top[v];
        for (size_t u = 0; u < sk.n_nodes; u++) {
            at_right[u][v] = y;
            y += (double)sk.links[u][v];
        }
    }
    size_t id = 0;
    for (size_t u = 0; ok && u < sk.n_nodes; u++) {
        double y = sk.left_top[u];
        for (size_t v = 0; ok && v < sk.n_nodes; v++) {
            size_t w = sk.links[u][v];
            if (!w)
                continue;
            ok &= push_band(bands, id++, sk.name[u], sk.name[v], w, y,
                            at_right[u][v]);
            y += (double)w;
        }
    }
    json_t *datasets = json_object();
    ok &= exo__jset(datasets, "nodes", nodes);
    ok &= exo__jset(datasets, "bands", bands);
    nodes = bands = NULL;
    ok &= exo__jset(spec, "datasets", datasets);
    ok &= ok && set_colours(spec, &sk);
    if (!ok) {
        json_decref(spec);
        json_decref(nodes);
        json_decref(bands);
        exo__fail(err, EXO_ENOMEM, "building the Sankey");
        return NULL;
    }
    return spec;
}

/* ==== Net flows ==== */

static const char net_template[] =
    "{\"width\":\"container\","
    "\"autosize\":{\"type\":\"fit-x\",\"contains\":\"padding\"},"
    "\"data\":{\"name\":\"net\"},"
    "\"layer\":[{\"mark\":{\"type\":\"bar\",\"height\":{\"band\":0.75}},"
    "\"encoding\":{\"y\":{\"field\":\"org\",\"type\":\"nominal\","
    "\"sort\":{\"field\":\"net\",\"order\":\"descending\"},\"title\":null,"
    "\"axis\":{\"labelLimit\":150}},"
    "\"x\":{\"field\":\"net\",\"type\":\"quantitative\","
    "\"title\":\"net flow (moves in - moves out)\"},"
    "\"color\":{\"field\":\"direction\",\"type\":\"nominal\","
    "\"scale\":{\"domain\":[\"gains\",\"loses\"],"
    "\"range\":[\"#2b8a3e\",\"#c92a2a\"]},"
    "\"legend\":{\"title\":null,\"orient\":\"bottom\"}},"
    "\"tooltip\":[{\"field\":\"org\",\"title\":\"organisation\"},"
    "{\"field\":\"in\",\"type\":\"quantitative\",\"title\":\"moves in\"},"
    "{\"field\":\"out\",\"type\":\"quantitative\",\"title\":\"moves out\"},"
    "{\"field\":\"net\",\"type\":\"quantitative\",\"title\":\"net\"},"
    "{\"field\":\"w_net\",\"type\":\"quantitative\",\"title\":"
    "\"level-weighted net\"}]}},"
    "{\"mark\":{\"type\":\"rule\",\"color\":\"#495057\"},"
    "\"encoding\":{\"x\":{\"datum\":0}}}]}";

struct by_net {
    size_t org;
    long net;
    const char *name;
};

static int cmp_abs_net(const void *a, const void *b)
{
    const struct by_net *x = a, *y = b;
    long ax = labs(x->net), ay = labs(y->net);
    if (ax != ay)
        return ax < ay ? 1 : -1;
    return strcmp(x->name, y->name);
}

static json_t *net_spec(const exo_flow_data *d, const exo_flows *f,
                        size_t *shown, exo_err *err)
{
    size_t N = f->n_orgs;
    struct by_net *v = exo__calloc(N ? N : 1, sizeof *v);
    json_t *spec = exo__jparse(net_template), *rows = json_array();
    bool ok = v && spec && rows;
    size_t n = 0;
    for (size_t i = 0; ok && i < N; i++)
        if (f->orgs[i].net != 0)
            v[n++] = (struct by_net){i, f->orgs[i].net, d->orgs[i]};
    if (ok)
        exo__qsort(v, n, sizeof *v, cmp_abs_net);
    if (n > NET_BARS)
        n = NET_BARS;
    for (size_t k = 0; ok && k < n; k++) {
        const exo_flow_org *o = &f->orgs[v[k].org];
        json_t *r = json_object();
        ok &= exo__jset(r, "org", exo__jstr(v[k].name));
        ok &= exo__jset(r, "net", json_integer((json_int_t)o->net));
        ok &= exo__jset(r, "w_net", exo__jnum(o->w_net));
        ok &= exo__jset(r, "in", json_integer((json_int_t)o->in));
        ok &= exo__jset(r, "out", json_integer((json_int_t)o->out));
        ok &= exo__jset(r, "direction",
                        exo__jstr(o->net > 0 ? "gains" : "loses"));
        ok &= exo__jpush(rows, r);
    }
    json_t *datasets = json_object();
    ok &= exo__jset(datasets, "net", rows);
    rows = NULL;
    ok &= exo__jset(spec, "datasets", datasets);
    ok &= exo__jset(spec, "height",
                    json_integer((json_int_t)(22 * (n ? n : 1) + 20)));
    exo__free(v);
    *shown = n;
    if (!ok) {
        json_decref(spec);
        json_decref(rows);
        exo__fail(err, EXO_ENOMEM, "building the net-flow chart");
        return NULL;
    }
    return spec;
}

/* ==== The table of top net flows ==== */

/* "6.50", "inf", "-" (as exodus flows prints them). */
static void ratio_text(char buf[32], double r)
{
    if (isinf(r))
        snprintf(buf, 32, "inf");
    else if (isnan(r))
        snprintf(buf, 32, "-");
    else
        snprintf(buf, 32, "%.2f", r);
}

static json_t *interval_text(double lo, double hi)
{
    char a[32], b[32];
    if (isnan(lo))
        return exo__jstr("-");
    ratio_text(a, lo);
    ratio_text(b, hi);
    return exo__jfmt("%s - %s", a, b);
}

static json_t *pairs_table(const exo_flow_data *d, const exo_flows *f)
{
    size_t n = f->n_pairs < TOP_PAIRS ? f->n_pairs : TOP_PAIRS;
    bool per_head = false;
    for (size_t i = 0; i < n; i++)
        per_head |= f->pairs[i].has_per_head;
    json_t *t = json_object(), *rows = json_array();
    bool ok = exo__jset(
        t, "title",
        exo__jfmt("Top net flows (%zu of %zu pairs; ratio = moves / moves "
                  "back, %g%% exact interval)",
                  n, f->n_pairs, 100.0 * f->level));
    ok &= exo__jset(
        t, "columns",
        exo__jparse(per_head ? "[\"from\",\"to\",\"moves\",\"back\",\"net\","
                               "\"w.net\",\"ratio\",\"interval\","
                               "\"per head\",\"interval\"]"
                             : "[\"from\",\"to\",\"moves\",\"back\",\"net\","
                               "\"w.net\",\"ratio\",\"interval\"]"));
    for (size_t i = 0; i < n; i++) {
        const exo_flow_pair *p = &f->pairs[i];
        char ratio[32];
        ratio_text(ratio, p->ratio);
        json_t *r = json_array();
        ok &= exo__jpush(r, exo__jstr(d->orgs[p->a]));
        ok &= exo__jpush(r, exo__jstr(d->orgs[p->b]));
        ok &= exo__jpush(r, json_integer((json_int_t)p->ab));
        ok &= exo__jpush(r, json_integer((json_int_t)p->ba));
        ok &=
            exo__jpush(r, json_integer((json_int_t)p->ab - (json_int_t)p->ba));
        ok &= exo__jpush(r, exo__jnum(p->w_ab - p->w_ba));
        ok &= exo__jpush(r, exo__jstr(ratio));
        ok &= exo__jpush(r, interval_text(p->ratio_lo, p->ratio_hi));
        if (per_head && p->has_per_head) {
            ratio_text(ratio, p->per_head);
            ok &= exo__jpush(r, exo__jstr(ratio));
            ok &= exo__jpush(r, interval_text(p->per_head_lo, p->per_head_hi));
        } else if (per_head) {
            ok &= exo__jpush(r, exo__jstr("-"));
            ok &= exo__jpush(r, exo__jstr("-"));
        }
        ok &= exo__jpush(rows, r);
    }
    ok &= exo__jset(t, "rows", rows);
    if (!ok) {
        json_decref(t);
        return NULL;
    }
    return t;
}

/* ==== The section ==== */

static json_t *flows_section(const exo_flow_data *d, const exo_flows *f,
                             exo_err *err)
{
    json_t *sec = json_object(), *charts = json_array(), *tables = json_array();
    json_t *notes = json_array();
    char a[11], b[11], weights[200];
    size_t used = 0;
    exo_date_format((int32_t)f->t_start, a);
    exo_date_format((int32_t)f->t_end, b);
    weights[0] = '\0';
    for (int l = 1; l < EXO_N_LEVELS && used < sizeof weights; l++)
        used += (size_t)snprintf(weights + used, sizeof weights - used,
                                 "%s%s=%g", l > 1 ? " " : "",
                                 exo_level_name((exo_level)l), f->weights[l]);
    bool ok = exo__jset(sec, "id", exo__jstr("flows"));
    ok &= exo__jset(sec, "title",
                    exo__jstr("Talent flows between organisations"));
    ok &= exo__jset(
        sec, "intro",
        exo__jfmt("%zu moves among %zu organisations (%zu inferred from "
                  "spells), %s .. %s; weights by level left: %s.",
                  f->n_moves, f->n_orgs, f->n_inferred, a, b, weights));
    json_t *sankey = sankey_spec(d, f, err);
    if (!sankey)
        goto fail;
    json_t *c = exo__chart(
        "sankey", "Where the people who leave go",
        exo__jfmt("Each band is the moves from an organisation (left) to "
                  "another (right), as wide as their number; the %d "
                  "organisations with the most moves in and out are named, "
                  "the others drawn as one node. Hover for the counts.",
                  SANKEY_NAMED),
        sankey);
    ok &= c && exo__jset(c, "wide", json_true());
    ok &= exo__jpush(charts, c);
    size_t bars = 0;
    json_t *net = net_spec(d, f, &bars, err);
    if (!net)
        goto fail;
    ok &= exo__jpush(
        charts, exo__chart("netflow", "Net flow by organisation",
                           exo__jfmt("Moves in minus moves out, for the %zu "
                                     "organisations with the largest balance "
                                     "(green gains, red loses). Hover for the "
                                     "level-weighted net.",
                                     bars),
                           net));
    ok &= exo__jpush(tables, pairs_table(d, f));
    ok &= exo__jpush(notes,
                     exo__jstr("Intervals are two-sided 95% exact intervals. A "
                               "ratio with no move back is infinite, and so is "
                               "its interval's upper end. Small counts give "
                               "wide intervals: read them before the ratio."));
    ok &= exo__jset(sec, "charts", charts);
    ok &= exo__jset(sec, "tables", tables);
    ok &= exo__jset(sec, "notes", notes);
    if (ok)
        return sec;
    exo__fail(err, EXO_ENOMEM, "building the flows section");
    json_decref(sec);
    return NULL;
fail:
    json_decref(sec);
    json_decref(charts);
    json_decref(tables);
    json_decref(notes);
    return NULL;
}

exo_code exo__view_flows(exo_store *store, const exo_filter *filter,
                         const struct exo__report_params *p, json_t **out,
                         exo_err *err)
{
    exo_flow_data d;
    exo_flows f;
    exo_flow_opts o;
    (void)p;
    *out = NULL;
    memset(&d, 0, sizeof d);
    memset(&f, 0, sizeof f);
    exo_flow_opts_init(&o);
    /* As exodus flows: headcounts over the window when both ends are
     * given, else over the span of the moves. */
    if (filter && filter->has_since && filter->has_until) {
        o.has_window = true;
        o.t_start = filter->since;
        o.t_end = filter->until;
    }
    exo_code rc = exo_flow_data_load(store, filter, 0.0, &d, err);
    if (!rc)
        rc = exo_flows_compute(&d, &o, &f, err);
    if (!rc) {
        *out = f.n_moves ? flows_section(&d, &f, err) : json_null();
        if (!*out)
            rc = err && err->code ? err->code : EXO_ENOMEM;
    }
    exo_flows_release(&f);
    exo_flow_data_release(&d);
    return rc;
}
