/*
 * scenario.c - runway scenario files: JSON read with jansson into an
 * exo_runway_scenario. Every field is checked against its type and range;
 * an unknown field is an error. Errors carry the file and the line and
 * column of the offending JSON value, found again in the text by
 * exo__json_locate_path since jansson keeps no positions.
 * docs/runway.md documents the schema.
 */
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <string.h>

#include <jansson.h>

#include "core/json.h"
#include "core/exo.h"
#include "ingest/csv.h"
#include "ingest/json_locate.h"

/* One applied override "KEY=VALUE": its path in '/' form ("levels/0/x"). */
struct ovr {
    char path[256];
    bool removes; /* VALUE was null: the member was taken out */
};

struct ctx {
    const char *text;
    const char *name;
    exo_err *err;
    const struct ovr *ovr; /* overrides applied to the JSON, or NULL */
    size_t n_ovr;
};

/* "rounds/1/month" -> "rounds[1].month" for messages. */
static void display_path(const char *path, char *out, size_t size)
{
    size_t o = 0;
    bool first = true;
    while (*path && o + 8 < size) {
        size_t len = strcspn(path, "/");
        bool index = len > 0 && strspn(path, "0123456789") >= len;
        if (index)
            o += (size_t)snprintf(out + o, size - o, "[%.*s]", (int)len, path);
        else
            o += (size_t)snprintf(out + o, size - o, "%s%.*s", first ? "" : ".",
                                  (int)len, path);
        if (o >= size)
            o = size - 1;
        first = false;
        path += len;
        if (*path == '/')
            path++;
    }
    out[o < size ? o : size - 1] = '\0';
}

static exo_code fail(struct ctx *c, const char *path, const char *fmt, ...)
    EXO_PRINTF(3, 4);

/* 'path' equals 'prefix' or lies under it, component by component. */
static bool path_under(const char *path, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(path, prefix, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* "levels/0/headcount" -> "levels.0.headcount", the form overrides use. */
static void dotted(const char *path, char *out, size_t size)
{
    size_t i;
    for (i = 0; path[i] && i + 1 < size; i++)
        out[i] = path[i] == '/' ? '.' : path[i];
    out[i] = '\0';
}

/*
 * The override a failure at 'path' comes from, or NULL: one that set
 * 'path' or a value containing it, or one that removed a member of the
 * object at 'path' (at the top level, a top-level member).
 */
static const struct ovr *blame(const struct ctx *c, const char *path)
{
    for (size_t i = c->n_ovr; i-- > 0;) {
        const struct ovr *o = &c->ovr[i];
        if (path_under(path, o->path))
            return o;
        if (o->removes &&
            (*path ? path_under(o->path, path) : strchr(o->path, '/') == NULL))
            return o;
    }
    return NULL;
}

static exo_code fail(struct ctx *c, const char *path, const char *fmt, ...)
{
    char msg[200], shown[128];
    long line, column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const struct ovr *o = blame(c, path);
    if (o) {
        /* Not in the file: name the key as the override wrote it. */
        dotted(path_under(path, o->path) ? path : o->path, shown, sizeof shown);
        return exo__fail(c->err, EXO_EINVAL, "%s: %s", shown, msg);
    }
    exo__json_locate_path(c->text, path, &line, &column);
    if (*path) {
        display_path(path, shown, sizeof shown);
        return exo__fail_at(c->err, EXO_EDATA, c->name, line, column,
                            "'%s': %s", shown, msg);
    }
    return exo__fail_at(c->err, EXO_EDATA, c->name, line, column, "%s", msg);
}

/* parent + "/" + key into out[256], cut to fit (paths are short). */
static void join(char out[256], const char *parent, const char *key)
{
    size_t n = strnlen(parent, 200);
    memmove(out, parent, n);
    if (n)
        out[n++] = '/';
    size_t k = strnlen(key, 255 - n);
    memcpy(out + n, key, k);
    out[n + k] = '\0';
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    case JSON_NULL:
        return "null";
    }
    return "a value";
}

/* A number in [lo, hi]. */
static exo_code get_number(struct ctx *c, const char *path, const json_t *v,
                           double lo, double hi, double *out)
{
    if (!json_is_number(v))
        return fail(c, path, "expected a number in [%g, %g], got %s", lo, hi,
                    type_name(v));
    double x = json_number_value(v);
    if (!isfinite(x) || x < lo || x > hi)
        return fail(c, path, "%g is out of range (expected %g to %g)", x, lo,
                    hi);
    *out = x;
    return EXO_OK;
}

static exo_code get_int(struct ctx *c, const char *path, const json_t *v,
                        long lo, long hi, long *out)
{
    double x;
    if (!json_is_number(v))
        return fail(c, path, "expected a whole number in [%ld, %ld], got %s",
                    lo, hi, type_name(v));
    x = json_number_value(v);
    if (x != floor(x) || x < (double)lo || x > (double)hi)
        return fail(c, path, "%g is not a whole number in [%ld, %ld]", x, lo,
                    hi);
    *out = (long)x;
    return EXO_OK;
}

/* A "notes" value: a string, or an object or array of strings. */
static exo_code check_notes(struct ctx *c, const char *path, const json_t *v)
{
    if (json_is_string(v))
        return EXO_OK;
    char sub[256];
    if (json_is_object(v)) {
        const char *key;
        json_t *x;
        json_object_foreach((json_t *)v, key, x)
        {
            join(sub, path, key);
            if (!json_is_string(x))
                return fail(c, sub, "a note must be a string, got %s",
                            type_name(x));
        }
        return EXO_OK;
    }
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            char idx[24];
            snprintf(idx, sizeof idx, "%zu", i);
            join(sub, path, idx);
            if (!json_is_string(json_array_get(v, i)))
                return fail(c, sub, "a note must be a string, got %s",
                            type_name(json_array_get(v, i)));
        }
        return EXO_OK;
    }
    return fail(c, path,
                "expected a string, or an object or array of strings, got %s",
                type_name(v));
}

static const char dist_expected[] =
    "a number or {\"dist\": \"fixed\"|\"normal\"|\"lognormal\"|\"uniform\", "
    "...}";

/*
 * A distribution: a number (fixed), or an object {"dist": kind, ...}
 * with value | mean, sd | median, sigma | min, max, and optional notes.
 * The central value and a uniform's ends must lie in [lo, hi].
 */
static exo_code get_dist(struct ctx *c, const char *path, const json_t *v,
                         double lo, double hi, exo_dist *out)
{
    char sub[256];
    exo_code code;
    memset(out, 0, sizeof *out);
    out->lo = lo;
    out->hi = hi;
    if (json_is_number(v)) {
        out->kind = EXO_DIST_FIXED;
        return get_number(c, path, v, lo, hi, &out->a);
    }
    if (!json_is_object(v))
        return fail(c, path, "expected %s, got %s", dist_expected,
                    type_name(v));
    json_t *kind = json_object_get(v, "dist");
    join(sub, path, "dist");
    if (!kind)
        return fail(c, path, "missing \"dist\" (expected %s)", dist_expected);
    if (!json_is_string(kind))
        return fail(c, sub, "expected a string, got %s", type_name(kind));
    const char *k = json_string_value(kind);
    const char *pa, *pb;
    if (strcmp(k, "fixed") == 0) {
        out->kind = EXO_DIST_FIXED;
        pa = "value";
        pb = NULL;
    } else if (strcmp(k, "normal") == 0) {
        out->kind = EXO_DIST_NORMAL;
        pa = "mean";
        pb = "sd";
    } else if (strcmp(k, "lognormal") == 0) {
        out->kind = EXO_DIST_LOGNORMAL;
        pa = "median";
        pb = "sigma";
    } else if (strcmp(k, "uniform") == 0) {
        out->kind = EXO_DIST_UNIFORM;
        pa = "min";
        pb = "max";
    } else {
        return fail(c, sub,
                    "unknown distribution '%s' (expected fixed, normal, "
                    "lognormal or uniform)",
                    k);
    }
    const char *key;
    json_t *x;
    bool seen_a = false, seen_b = false;
    json_object_foreach((json_t *)v, key, x)
    {
        join(sub, path, key);
        if (strcmp(key, "dist") == 0)
            continue;
        if (strcmp(key, "notes") == 0) {
            if ((code = check_notes(c, sub, x)))
                return code;
        } else if (strcmp(key, pa) == 0) {
            if ((code = get_number(c, sub, x, lo, hi, &out->a)))
                return code;
            if (out->kind == EXO_DIST_LOGNORMAL && !(out->a > 0.0))
                return fail(c, sub, "a lognormal median must be > 0");
            seen_a = true;
        } else if (pb && strcmp(key, pb) == 0) {
            double b_lo = out->kind == EXO_DIST_UNIFORM ? lo : 0.0;
            double b_hi = out->kind == EXO_DIST_UNIFORM ? hi : 1e300;
            if (out->kind == EXO_DIST_LOGNORMAL)
                b_hi = 10.0;
            if ((code = get_number(c, sub, x, b_lo, b_hi, &out->b)))
                return code;
            seen_b = true;
        } else {
            return fail(c, sub,
                        "unknown field for a %s distribution (expected "
                        "%s%s%s and notes)",
                        k, pa, pb ? ", " : "", pb ? pb : "");
        }
    }
    if (!seen_a || (pb && !seen_b))
        return fail(c, path, "a %s distribution needs '%s'%s%s%s", k, pa,
                    pb ? " and '" : "", pb ? pb : "", pb ? "'" : "");
    if (out->kind == EXO_DIST_UNIFORM && out->b < out->a) {
        join(sub, path, "max");
        return fail(c, sub, "max %g is below min %g", out->b, out->a);
    }
    return EXO_OK;
}

/* Fails on the first member of 'obj' not in 'allowed' (NULL-terminated). */
static exo_code check_keys(struct ctx *c, const char *path, const json_t *obj,
                           const char *const *allowed, const char *what)
{
    const char *key;
    json_t *x;
    char sub[256];
    json_object_foreach((json_t *)obj, key, x)
    {
        bool ok = false;
        for (size_t i = 0; allowed[i] && !ok; i++)
            ok = strcmp(key, allowed[i]) == 0;
        if (!ok) {
            join(sub, path, key);
            return fail(c, sub, "unknown field in %s", what);
        }
    }
    return EXO_OK;
}

static exo_code get_string(struct ctx *c, const char *path, const json_t *v,
                           char *out, size_t size)
{
    if (!json_is_string(v))
        return fail(c, path, "expected a string, got %s", type_name(v));
    size_t len = json_string_length(v);
    if (len == 0 || len >= size || strlen(json_string_value(v)) != len)
        return fail(c, path, "expected 1 to %zu bytes of text without NUL",
                    size - 1);
    memcpy(out, json_string_value(v), len + 1);
    return EXO_OK;
}

/* ==== The schema ==== */

#define USD_MAX 1e15

static const char *const level_keys[] = {"name",
                                         "headcount",
                                         "loaded_cost_usd_per_year",
                                         "attrition_per_year",
                                         "talent_weight",
                                         "notes",
                                         NULL};

static exo_code get_level(struct ctx *c, const char *path, const json_t *v,
                          const exo_runway_scenario *sc, bool has_cost,
                          bool has_attrition, exo_runway_level *lv)
{
    exo_code code;
    char sub[256];
    long n;
    if (!json_is_object(v))
        return fail(c, path, "expected an object, got %s", type_name(v));
    if ((code = check_keys(c, path, v, level_keys, "a level")))
        return code;
    memset(lv, 0, sizeof *lv);
    lv->talent_weight = 1.0;
    lv->cost_usd_per_year = sc->levels[0].cost_usd_per_year;
    lv->attrition_per_year = sc->levels[0].attrition_per_year;
    const char *key;
    json_t *x;
    bool seen_name = false, seen_hc = false;
    json_object_foreach((json_t *)v, key, x)
    {
        join(sub, path, key);
        if (strcmp(key, "name") == 0) {
            code = get_string(c, sub, x, lv->name, sizeof lv->name);
            seen_name = true;
        } else if (strcmp(key, "headcount") == 0) {
            code = get_int(c, sub, x, 0, 10000000, &n);
            lv->headcount = (double)n;
            seen_hc = true;
        } else if (strcmp(key, "loaded_cost_usd_per_year") == 0) {
            code = get_dist(c, sub, x, 0.0, 1e9, &lv->cost_usd_per_year);
            has_cost = true;
        } else if (strcmp(key, "attrition_per_year") == 0) {
            code = get_dist(c, sub, x, 0.0, 50.0, &lv->attrition_per_year);
            has_attrition = true;
        } else if (strcmp(key, "talent_weight") == 0) {
            code = get_number(c, sub, x, 0.0, 1e6, &lv->talent_weight);
        } else {
            code = check_notes(c, sub, x);
        }
        if (code)
            return code;
    }
    if (!seen_name || !seen_hc)
        return fail(c, path, "a level needs '%s'",
                    seen_name ? "headcount" : "name");
    if (!has_cost)
        return fail(c, path,
                    "no 'loaded_cost_usd_per_year' here or at the top level");
    (void)has_attrition; /* attrition defaults to 0 per year */
    return EXO_OK;
}

static const char *const round_keys[] = {"month", "size_usd", "probability",
                                         "notes", NULL};

static exo_code get_round(struct ctx *c, const char *path, const json_t *v,
                          exo_runway_round *rd)
{
    exo_code code;
    char sub[256];
    long n;
    if (!json_is_object(v))
        return fail(c, path, "expected an object, got %s", type_name(v));
    if ((code = check_keys(c, path, v, round_keys, "a round")))
        return code;
    memset(rd, 0, sizeof *rd);
    rd->probability = 1.0;
    const char *key;
    json_t *x;
    bool seen_month = false, seen_size = false;
    json_object_foreach((json_t *)v, key, x)
    {
        join(sub, path, key);
        if (strcmp(key, "month") == 0) {
            code = get_int(c, sub, x, 1, EXO_RUNWAY_MAX_MONTHS, &n);
            rd->month = (int)n;
            seen_month = true;
        } else if (strcmp(key, "size_usd") == 0) {
            code = get_dist(c, sub, x, 0.0, USD_MAX, &rd->size_usd);
            seen_size = true;
        } else if (strcmp(key, "probability") == 0) {
            code = get_number(c, sub, x, 0.0, 1.0, &rd->probability);
        } else {
            code = check_notes(c, sub, x);
        }
        if (code)
            return code;
    }
    if (!seen_month || !seen_size)
        return fail(c, path, "a round needs '%s'",
                    seen_month ? "size_usd" : "month");
    return EXO_OK;
}

static const char *const trigger_keys[] = {"runway_below_months",
                                           "size_usd",
                                           "size_burn_months",
                                           "probability",
                                           "retry_months",
                                           "max_rounds",
                                           "notes",
                                           NULL};

static exo_code get_trigger(struct ctx *c, const char *path, const json_t *v,
                            exo_runway_scenario *sc)
{
    exo_code code;
    char sub[256];
    long n;
    if (!json_is_object(v))
        return fail(c, path, "expected an object, got %s", type_name(v));
    if ((code = check_keys(c, path, v, trigger_keys, "the trigger")))
        return code;
    sc->has_trigger = true;
    sc->trigger_probability = 1.0;
    sc->trigger_retry_months = 3;
    sc->trigger_max_rounds = 100;
    const char *key;
    json_t *x;
    bool seen_runway = false, seen_size = false;
    json_object_foreach((json_t *)v, key, x)
    {
        join(sub, path, key);
        if (strcmp(key, "runway_below_months") == 0) {
            code = get_number(c, sub, x, 1e-9, EXO_RUNWAY_MAX_MONTHS,
                              &sc->trigger_runway_months);
            seen_runway = true;
        } else if (strcmp(key, "size_usd") == 0 ||
                   strcmp(key, "size_burn_months") == 0) {
            if (seen_size)
                return fail(c, sub,
                            "give either size_usd or size_burn_months, not "
                            "both");
            sc->trigger_size_is_burn = key[5] == 'b';
            code = get_dist(c, sub, x, 0.0,
                            sc->trigger_size_is_burn ? 1200.0 : USD_MAX,
                            &sc->trigger_size);
            seen_size = true;
        } else if (strcmp(key, "probability") == 0) {
            code = get_number(c, sub, x, 0.0, 1.0, &sc->trigger_probability);
        } else if (strcmp(key, "retry_months") == 0) {
            code = get_int(c, sub, x, 1, 120, &n);
            sc->trigger_retry_months = (int)n;
        } else if (strcmp(key, "max_rounds") == 0) {
            code = get_int(c, sub, x, 0, 1000, &n);
            sc->trigger_max_rounds = (int)n;
        } else {
            code = check_notes(c, sub, x);
        }
        if (code)
            return code;
    }
    if (!seen_runway || !seen_size)
        return fail(c, path, "the trigger needs '%s'",
                    seen_runway ? "size_usd' or 'size_burn_months"
                                : "runway_below_months");
    return EXO_OK;
}

/* The range of each coupling link's value, by exo_runway_coupling. */
static const double link_range[EXO_RUNWAY_N_COUPLINGS][2] = {
    {0.0, EXO_RUNWAY_MAX_MONTHS}, /* hiring freeze: months of runway */
    {0.0, 1000.0},                /* offer acceptance: dilution */
    {0.0, 1000.0},                /* offer acceptance: attrition a year */
    {0.0, 1000.0},                /* offer acceptance: down round */
    {0.0, 1000.0},                /* attrition: cash stress */
    {0.0, EXO_RUNWAY_MAX_MONTHS}, /* cash stress: months of runway */
    {0.0, 1000.0},                /* attrition: down round */
    {0.0, 100.0},                 /* revenue: key-people loss */
    {0.0, 100.0},                 /* round probability: confidence */
    {0.0, 100.0},                 /* valuation multiple: confidence */
    {0.0, 100.0},                 /* valuation multiple: distress */
    {0.0, 100.0},                 /* round size: confidence */
};

static const char *const link_keys[] = {"value", "source", "notes", NULL};

/*
 * The "links" object: each member a known link, {"value": number or
 * distribution, "source": "assumption" or where the figure comes from}.
 * A link the file leaves out is off (0).
 */
static exo_code get_links(struct ctx *c, const char *path, const json_t *v,
                          exo_runway_scenario *sc)
{
    exo_code code;
    char sub[256], sub2[256];
    if (!json_is_object(v))
        return fail(c, path, "expected an object, got %s", type_name(v));
    sc->has_links = true;
    const char *key;
    json_t *x;
    json_object_foreach((json_t *)v, key, x)
    {
        int k;
        join(sub, path, key);
        for (k = 0; k < EXO_RUNWAY_N_COUPLINGS; k++)
            if (strcmp(key, exo_runway_coupling_key((exo_runway_coupling)k)) ==
                0)
                break;
        if (k == EXO_RUNWAY_N_COUPLINGS)
            return fail(c, sub,
                        "unknown link (docs/runway.md, \"The coupling\", "
                        "lists the %d links)",
                        EXO_RUNWAY_N_COUPLINGS);
        if (!json_is_object(x))
            return fail(c, sub,
                        "expected {\"value\": ..., \"source\": ...}, got %s",
                        type_name(x));
        if ((code = check_keys(c, sub, x, link_keys, "a link")))
            return code;
        json_t *val = json_object_get(x, "value");
        json_t *src = json_object_get(x, "source");
        if (!val || !src)
            return fail(c, sub,
                        "a link needs 'value' and 'source' (\"assumption\" "
                        "or where the figure comes from)");
        join(sub2, sub, "value");
        if ((code = get_dist(c, sub2, val, link_range[k][0], link_range[k][1],
                             &sc->links[k])))
            return code;
        join(sub2, sub, "source");
        if ((code = get_string(c, sub2, src, sc->link_source[k],
                               sizeof sc->link_source[k])))
            return code;
        json_t *notes = json_object_get(x, "notes");
        join(sub2, sub, "notes");
        if (notes && (code = check_notes(c, sub2, notes)))
            return code;
        sc->link_given[k] = true;
    }
    return EXO_OK;
}

/* A top-level distribution field: its name, range and where it goes. */
struct dist_field {
    const char *key;
    double lo, hi;
    size_t offset;
};

#define DF(k, lo, hi)                                                          \
    {                                                                          \
#k, lo, hi, offsetof(exo_runway_scenario, k)                           \
    }
static const struct dist_field dist_fields[] = {
    DF(cash_usd, 0.0, USD_MAX),
    DF(revenue_usd_per_month, 0.0, USD_MAX),
    DF(revenue_growth_per_month, -1.0, 10.0),
    DF(growth_talent_elasticity, 0.0, 100.0),
    DF(compute_usd_per_month, 0.0, USD_MAX),
    DF(compute_growth_per_month, -1.0, 10.0),
    DF(other_costs_usd_per_month, 0.0, USD_MAX),
    DF(hiring_max_per_month, 0.0, 1.0),
    DF(attrition_dilution_sensitivity, 0.0, 1000.0),
    DF(attrition_contagion_sensitivity, 0.0, 1000.0),
    DF(valuation_revenue_multiple, 0.0, 10000.0),
};
#undef DF
#define MULTIPLE_FIELD 10 /* valuation_revenue_multiple in dist_fields */

static void dist_fixed(exo_dist *d, double value, double lo, double hi)
{
    memset(d, 0, sizeof *d);
    d->a = value;
    d->lo = lo;
    d->hi = hi;
}

static exo_code parse_root(struct ctx *c, const json_t *root,
                           exo_runway_scenario *sc)
{
    exo_code code;
    long n;
    const json_t *levels = NULL;
    bool seen[sizeof dist_fields / sizeof dist_fields[0]] = {false};
    bool seen_name = false, seen_hc = false, seen_cost = false;
    bool seen_attr = false, seen_half = false;
    if (!json_is_object(root))
        return fail(c, "", "the top level is %s (expected an object)",
                    type_name(root));
    memset(sc, 0, sizeof *sc);
    sc->months = 120;
    sc->contagion_window_months = 3;
    sc->contagion_half_life_months = 3.0;
    for (size_t i = 0; i < sizeof dist_fields / sizeof dist_fields[0]; i++)
        dist_fixed((exo_dist *)((char *)sc + dist_fields[i].offset), 0.0,
                   dist_fields[i].lo, dist_fields[i].hi);
    sc->n_levels = 1;
    snprintf(sc->levels[0].name, sizeof sc->levels[0].name, "all");
    sc->levels[0].talent_weight = 1.0;
    for (int k = 0; k < EXO_RUNWAY_N_COUPLINGS; k++)
        dist_fixed(&sc->links[k], 0.0, link_range[k][0], link_range[k][1]);
    dist_fixed(&sc->levels[0].cost_usd_per_year, 0.0, 0.0, 1e9);
    dist_fixed(&sc->levels[0].attrition_per_year, 0.0, 0.0, 50.0);
    const char *key;
    json_t *x;
    json_object_foreach((json_t *)root, key, x)
    {
        size_t f;
        code = EXO_OK;
        for (f = 0; f < sizeof dist_fields / sizeof dist_fields[0]; f++)
            if (strcmp(key, dist_fields[f].key) == 0)
                break;
        if (f < sizeof dist_fields / sizeof dist_fields[0]) {
            code = get_dist(c, key, x, dist_fields[f].lo, dist_fields[f].hi,
                            (exo_dist *)((char *)sc + dist_fields[f].offset));
            seen[f] = true;
        } else if (strcmp(key, "name") == 0) {
            code = get_string(c, key, x, sc->name, sizeof sc->name);
            seen_name = true;
        } else if (strcmp(key, "notes") == 0) {
            code = check_notes(c, key, x);
        } else if (strcmp(key, "start_month") == 0) {
            exo_date d;
            if (!json_is_string(x) ||
                exo_date_parse(json_string_value(x), &d, NULL) ||
                d.precision != EXO_PREC_MONTH)
                return fail(c, key, "expected a month \"YYYY-MM\"");
            sc->has_start = true;
            sc->start_day = d.days;
        } else if (strcmp(key, "months") == 0) {
            code = get_int(c, key, x, 1, EXO_RUNWAY_MAX_MONTHS, &n);
            sc->months = (int)n;
        } else if (strcmp(key, "headcount") == 0) {
            code = get_int(c, key, x, 0, 10000000, &n);
            sc->levels[0].headcount = (double)n;
            seen_hc = true;
        } else if (strcmp(key, "loaded_cost_usd_per_year") == 0) {
            code =
                get_dist(c, key, x, 0.0, 1e9, &sc->levels[0].cost_usd_per_year);
            seen_cost = true;
        } else if (strcmp(key, "attrition_per_year") == 0) {
            code = get_dist(c, key, x, 0.0, 50.0,
                            &sc->levels[0].attrition_per_year);
            seen_attr = true;
        } else if (strcmp(key, "headcount_growth_per_month") == 0) {
            code = get_number(c, key, x, -0.5, 1.0,
                              &sc->headcount_growth_per_month);
        } else if (strcmp(key, "revenue_growth_half_life_months") == 0) {
            code = get_number(c, key, x, 0.0, 1200.0,
                              &sc->revenue_growth_half_life_months);
        } else if (strcmp(key, "compute_growth_half_life_months") == 0) {
            code = get_number(c, key, x, 0.0, 1200.0,
                              &sc->compute_growth_half_life_months);
        } else if (strcmp(key, "hire_ramp_months") == 0) {
            code = get_number(c, key, x, 0.0, 120.0, &sc->hire_ramp_months);
        } else if (strcmp(key, "contagion_window_months") == 0) {
            code = get_int(c, key, x, 1, 120, &n);
            sc->contagion_window_months = (int)n;
        } else if (strcmp(key, "contagion_branching_n") == 0) {
            code = get_number(c, key, x, 0.0, 10.0, &sc->contagion_branching_n);
            sc->contagion_mode = EXO_CONTAGION_HAWKES;
        } else if (strcmp(key, "contagion_half_life_months") == 0) {
            code = get_number(c, key, x, 0.01, 120.0,
                              &sc->contagion_half_life_months);
            seen_half = true;
        } else if (strcmp(key, "levels") == 0) {
            if (!json_is_array(x) || json_array_size(x) == 0 ||
                json_array_size(x) > EXO_RUNWAY_MAX_LEVELS)
                return fail(c, key, "expected an array of 1 to %d levels",
                            EXO_RUNWAY_MAX_LEVELS);
            levels = x;
        } else if (strcmp(key, "rounds") == 0) {
            if (!json_is_array(x) || json_array_size(x) > EXO_RUNWAY_MAX_ROUNDS)
                return fail(c, key, "expected an array of at most %d rounds",
                            EXO_RUNWAY_MAX_ROUNDS);
            for (size_t i = 0; i < json_array_size(x); i++) {
                char sub[256];
                snprintf(sub, sizeof sub, "rounds/%zu", i);
                if ((code = get_round(c, sub, json_array_get(x, i),
                                      &sc->rounds[i])))
                    return code;
            }
            sc->n_rounds = json_array_size(x);
        } else if (strcmp(key, "trigger") == 0) {
            code = get_trigger(c, key, x, sc);
        } else if (strcmp(key, "links") == 0) {
            code = get_links(c, key, x, sc);
        } else {
            code = fail(c, key,
                        "unknown field (see docs/runway.md for the schema)");
        }
        if (code)
            return code;
    }
    if (!seen_name)
        return fail(c, "", "missing 'name'");
    if (!seen[0])
        return fail(c, "", "missing 'cash_usd'");
    if (levels && seen_hc)
        return fail(c, "headcount",
                    "give either 'headcount' or 'levels', not both");
    if (!levels && !seen_hc)
        return fail(c, "", "missing 'headcount' (or 'levels')");
    if (!levels && !seen_cost)
        return fail(c, "", "missing 'loaded_cost_usd_per_year'");
    if (levels) {
        exo_runway_level lv[EXO_RUNWAY_MAX_LEVELS];
        for (size_t i = 0; i < json_array_size(levels); i++) {
            char sub[256];
            snprintf(sub, sizeof sub, "levels/%zu", i);
            if ((code = get_level(c, sub, json_array_get(levels, i), sc,
                                  seen_cost, seen_attr, &lv[i])))
                return code;
        }
        memcpy(sc->levels, lv, sizeof lv);
        sc->n_levels = json_array_size(levels);
    }
    if (seen_half && sc->contagion_mode != EXO_CONTAGION_HAWKES)
        return fail(c, "contagion_half_life_months",
                    "only applies with contagion_branching_n");
    if (sc->contagion_mode == EXO_CONTAGION_HAWKES &&
        exo_dist_center(&sc->attrition_contagion_sensitivity) > 0.0)
        return fail(c, "contagion_branching_n",
                    "give either contagion_branching_n or "
                    "attrition_contagion_sensitivity, not both");
    /* Rounds are priced off the revenue multiple. */
    if ((sc->n_rounds || sc->has_trigger) && !seen[MULTIPLE_FIELD])
        return fail(c, sc->n_rounds ? "rounds" : "trigger",
                    "funding rounds need 'valuation_revenue_multiple'");
    return EXO_OK;
}

/* ==== Overrides ==== */

/* An override's error: "KEY: msg", or "msg" when 'key' is empty. */
static exo_code ovr_fail(exo_err *err, const char *key, const char *fmt, ...)
    EXO_PRINTF(3, 4);

static exo_code ovr_fail(exo_err *err, const char *key, const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (*key)
        return exo__fail(err, EXO_EINVAL, "%s: %s", key, msg);
    return exo__fail(err, EXO_EINVAL, "%s", msg);
}

/* A run of digits (an array index) that fits a size_t. */
static bool parse_index(const char *s, size_t *out)
{
    size_t v = 0;
    if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
        return false;
    for (; *s; s++)
        v = 10 * v + (size_t)(*s - '0');
    *out = v;
    return true;
}

/*
 * Applies one override "KEY=VALUE" to 'root' (an object) and records its
 * path in 'o'. KEY is member names and array indices joined by '.'
 * ("levels.0.headcount"; "levels[0].headcount" also reads). VALUE is
 * JSON (a number, an object, ...), or else taken as a string; JSON null
 * removes the member. An index one past the end of an array appends.
 */
static exo_code apply_override(json_t *root, const char *set, struct ovr *o,
                               exo_err *err)
{
    char key[256], comp[256], shown[256];
    const char *eq = strchr(set, '=');
    json_error_t jerr;
    size_t klen = eq ? (size_t)(eq - set) : 0;
    memset(o, 0, sizeof *o);
    snprintf(shown, sizeof shown, "%.*s", (int)(klen < 200 ? klen : 200), set);
    if (!eq || klen == 0)
        return ovr_fail(err, "",
                        "'%.100s' is not KEY=VALUE (for example "
                        "cash_usd=5e9 or levels.0.headcount=40)",
                        set);
    if (klen >= sizeof key)
        return ovr_fail(err, "", "the key '%.60s...' is too long", set);
    /* Normalise the key to '/' form: '.' and '[' separate, ']' closes. */
    size_t n = 0;
    for (size_t i = 0; i < klen; i++) {
        char ch = set[i];
        if (ch == ']')
            continue;
        key[n++] = ch == '.' || ch == '[' ? '/' : ch;
    }
    key[n] = '\0';
    if (key[0] == '/' || key[n - 1] == '/' || strstr(key, "//"))
        return ovr_fail(err, shown,
                        "empty part in the key (expected names and indices "
                        "joined by '.', as in levels.0.headcount)");
    const char *text = eq + 1;
    json_t *value;
    bool oom;
    if (*text == '{' || *text == '[' || *text == '"') {
        value = exo__json_loadb(text, strlen(text),
                                JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr,
                                &oom);
        if (oom)
            return exo__fail(err, EXO_ENOMEM, "reading an override");
        if (!value)
            return ovr_fail(err, shown,
                            "malformed JSON value: %s at column "
                            "%d",
                            jerr.text, jerr.column > 0 ? jerr.column : 1);
    } else {
        value =
            exo__json_loadb(text, strlen(text), JSON_DECODE_ANY, &jerr, &oom);
        if (!value && !oom)
            value = json_string(text);
        if (!value)
            return exo__fail(err, EXO_ENOMEM, "reading an override");
    }
    /* Walk to the parent of the last part. */
    json_t *cur = root;
    const char *p = key;
    char parent[256] = "";
    for (;;) {
        size_t len = strcspn(p, "/");
        memcpy(comp, p, len);
        comp[len] = '\0';
        bool last = p[len] == '\0';
        size_t idx = 0;
        if (json_is_object(cur)) {
            if (last) {
                if (json_is_null(value)) {
                    if (json_object_del(cur, comp) != 0) {
                        json_decref(value);
                        return ovr_fail(err, shown,
                                        "nothing to remove: the scenario "
                                        "has no '%s' here",
                                        comp);
                    }
                    json_decref(value);
                    o->removes = true;
                } else if (json_object_set_new(cur, comp, value) != 0) {
                    return exo__fail(err, EXO_ENOMEM, "setting '%s'", shown);
                }
                break;
            }
            json_t *next = json_object_get(cur, comp);
            if (!next) {
                json_decref(value);
                dotted(parent, key, sizeof key);
                return ovr_fail(err, shown,
                                "the scenario has no '%s'%s%s to set a "
                                "field in",
                                comp, *parent ? " in " : "",
                                *parent ? key : "");
            }
            cur = next;
        } else if (json_is_array(cur)) {
            size_t size = json_array_size(cur);
            if (!parse_index(comp, &idx) || idx > size ||
                (idx == size && !last)) {
                json_decref(value);
                dotted(parent, key, sizeof key);
                if (last)
                    return ovr_fail(err, shown,
                                    "'%s' is not an index of '%s' (it has "
                                    "%zu element%s; index %zu appends one)",
                                    comp, key, size, size == 1 ? "" : "s",
                                    size);
                return ovr_fail(err, shown,
                                "'%s' is not an index of '%s' (it has %zu "
                                "element%s)",
                                comp, key, size, size == 1 ? "" : "s");
            }
            if (last) {
                if (json_is_null(value)) {
                    json_decref(value);
                    return ovr_fail(err, shown,
                                    "null cannot remove an element of an "
                                    "array (set the whole array instead)");
                }
                if ((idx == size ? json_array_append_new(cur, value)
                                 : json_array_set_new(cur, idx, value)) != 0)
                    return exo__fail(err, EXO_ENOMEM, "setting '%s'", shown);
                break;
            }
            cur = json_array_get(cur, idx);
        } else {
            json_decref(value);
            dotted(parent, key, sizeof key);
            return ovr_fail(err, shown, "'%s' is %s, not an object or array",
                            key, type_name(cur));
        }
        join(parent, parent, comp);
        p += len + 1;
    }
    snprintf(o->path, sizeof o->path, "%s", key);
    return EXO_OK;
}

exo_code exo_runway_scenario_parse_set(const char *text, size_t len,
                                       const char *name,
                                       const char *const *sets, size_t n_sets,
                                       exo_runway_scenario *out, exo_err *err)
{
    exo_err local = {0};
    struct ctx c = {text, name ? name : "scenario", err ? err : &local, NULL,
                    0};
    json_error_t jerr;
    struct ovr *ovr = NULL;
    exo_code code = EXO_OK;
    memset(out, 0, sizeof *out);
    if ((code = exo__text_check(text, len, c.name, c.err)))
        return code;
    bool oom;
    json_t *root =
        exo__json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr, &oom);
    if (oom)
        return exo__fail(c.err, EXO_ENOMEM, "out of memory reading '%s'",
                         c.name);
    if (!root)
        return exo__fail_at(
            c.err, EXO_EDATA, c.name, jerr.line > 0 ? jerr.line : 1,
            jerr.column > 0 ? jerr.column : 1,
            "malformed JSON: %s (expected a scenario object)", jerr.text);
    if (n_sets && json_is_object(root)) {
        ovr = exo__calloc(n_sets, sizeof *ovr);
        if (!ovr) {
            code = exo__fail(c.err, EXO_ENOMEM, "allocating overrides");
            goto out;
        }
        for (size_t i = 0; i < n_sets; i++)
            if ((code = apply_override(root, sets[i], &ovr[i], c.err)))
                goto out;
        c.ovr = ovr;
        c.n_ovr = n_sets;
    }
    code = parse_root(&c, root, out);
out:
    json_decref(root);
    exo__free(ovr);
    if (code)
        memset(out, 0, sizeof *out);
    return code;
}

exo_code exo_runway_scenario_parse(const char *text, size_t len,
                                   const char *name, exo_runway_scenario *out,
                                   exo_err *err)
{
    return exo_runway_scenario_parse_set(text, len, name, NULL, 0, out, err);
}

exo_code exo_runway_scenario_load_set(const char *path, const char *const *sets,
                                      size_t n_sets, exo_runway_scenario *out,
                                      exo_err *err)
{
    char *text = NULL;
    size_t len = 0;
    memset(out, 0, sizeof *out);
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    exo_code code = exo__read_input(path, name, &text, &len, err);
    if (code)
        return code;
    code =
        exo_runway_scenario_parse_set(text, len, name, sets, n_sets, out, err);
    exo__free(text);
    return code;
}

exo_code exo_runway_scenario_load(const char *path, exo_runway_scenario *out,
                                  exo_err *err)
{
    return exo_runway_scenario_load_set(path, NULL, 0, out, err);
}
