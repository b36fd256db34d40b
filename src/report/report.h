/*
 * report.h - the report's internals, shared by src/report/ and
 * src/serve/: escaping, the embedded assets, and the views. A view is a
 * jansson object that both the static report (inlined into the page) and
 * the dashboard (served from /api/...) hand to the same renderer,
 * src/report/assets/exodus.js.
 *
 * A section of a view is {"id", "title", "intro", "charts": [{"id",
 * "title", "caption", "spec", "wide"}], "tables": [{"title", "columns",
 * "rows"}], "notes": [text]}: the renderer draws any section of that
 * shape, so a new section needs only a C function that builds one (flows:
 * view_flows.c; runway: view_runway.c). Strings in views are plain text;
 * the renderer sets them with textContent, never as markup.
 */
#ifndef EXO_REPORT_REPORT_H
#define EXO_REPORT_REPORT_H

#include <jansson.h>

#include "core/buf.h"
#include "core/exo.h"

/* ==== Escaping (escape.c) ==== */

/* Appends 's' with & < > " ' as entities: safe in text and quoted
 * attributes. 0 or EXO_ENOMEM. */
int exo__html_escape(struct buf *b, const char *s);

/*
 * Appends the compact JSON of 'v' made safe inside an HTML <script>
 * element: every '<', '>' and '&' (which JSON allows only inside strings)
 * becomes \u003c, \u003e, \u0026, so neither "</script" nor "<!--" can
 * appear, and non-ASCII is \u-escaped (U+2028 and U+2029 included). Reals
 * keep 'precision' significant digits (0: 17). 0 or EXO_ENOMEM.
 */
int exo__json_for_script(struct buf *b, const json_t *v, int precision);

/* ==== Building JSON without losing an allocation failure ==== */

/* A string value; invalid UTF-8 bytes become U+FFFD. NULL: json null. */
json_t *exo__jstr(const char *s);
/* A real, or null when not finite (JSON has no NaN). */
json_t *exo__jnum(double v);
/* Sets 'key' of 'obj' to 'v' (stolen); false when either is NULL. */
bool exo__jset(json_t *obj, const char *key, json_t *v);
/* Appends 'v' (stolen); false when either is NULL. */
bool exo__jpush(json_t *arr, json_t *v);
/* Parses a JSON literal written in C (chart templates); NULL on failure. */
json_t *exo__jparse(const char *text);
/* A string made with printf formatting (cut at 767 bytes). */
json_t *exo__jfmt(const char *fmt, ...) EXO_PRINTF(1, 2);
/* Appends {"label", "value"} ('value' stolen) to 'arr'; false on failure. */
bool exo__push_item(json_t *arr, const char *label, json_t *value);
/* Appends the table row [label, value] ('value' stolen); false on failure. */
bool exo__push_row(json_t *rows, const char *label, json_t *value);
/* A chart {"id", "title", "caption", "spec"} ('caption' and 'spec'
 * stolen); NULL when any part is missing. */
json_t *exo__chart(const char *id, const char *title, json_t *caption,
                   json_t *spec);

/* ==== Embedded assets (assets.c, from build/gen/assets.inc) ==== */

struct exo__asset {
    const char *name; /* "vega.min.js", "exodus.js", "report.html" ... */
    const unsigned char *data;
    size_t size;
    const char *sha256; /* base64 SHA-256 of the bytes, for the CSP */
};

/* The asset called exactly 'name', or NULL. Names have no '/'. */
const struct exo__asset *exo__asset_find(const char *name);

/* ==== Views (view_spiral.c, view_survival.c, sections.c) ==== */

/* Report options with every default filled in. */
struct exo__report_params {
    uint64_t seed;
    size_t paths;
    double horizon_days;
    size_t min_departures;
    const char *scenario;     /* runway scenario file, or NULL */
    const char *scenario_org; /* the organisation it describes, or NULL */
};
void exo__report_params(const exo_report_opts *opts,
                        struct exo__report_params *p);

/*
 * The spiral view of 'org' (a canonical name): {"org", "spiral",
 * "recent", "team", "section"}: "spiral" is exo_spiral_json's answer (what
 * 'exodus spiral ORG --json' prints), "recent" and "team" the numbers
 * beside it on the card, "section" the timeline and QQ charts. '*out' is
 * the caller's (json_decref). EXO_ENOMEM, EXO_ESTORE; a model that cannot
 * be fitted is not an error (the verdict says why).
 */
exo_code exo__view_spiral(exo_store *store, const char *org,
                          const exo_filter *filter,
                          const struct exo__report_params *p, json_t **out,
                          exo_err *err);

/*
 * The retention section of 'org' from its employment spells, observed
 * from filter->since when set: Kaplan-Meier overall and by level, with
 * interval bands and numbers at risk. '*out' is json null when the store
 * has no spells for 'org'.
 */
exo_code exo__view_survival(exo_store *store, const char *org,
                            const exo_filter *filter, json_t **out,
                            exo_err *err);

/*
 * The flows section across every organisation: the moves passing
 * 'filter' (its dates and the level left; NULL: all), loaded and computed
 * as 'exodus flows' does with its defaults (inferred moves across 365
 * days, weights founder 5, exec 3, lead 2, ic 1, board 1, 95% exact
 * intervals; headcounts averaged over since..until when both are given).
 * A Sankey of moves from origin to destination (the organisations with
 * the most moves named, the rest as one node), a bar chart of each
 * organisation's net flow and the table of the top net flows with their
 * ratios and exact intervals. '*out' is json null when there is no move.
 */
exo_code exo__view_flows(exo_store *store, const exo_filter *filter,
                         const struct exo__report_params *p, json_t **out,
                         exo_err *err);

/*
 * The runway of the scenario file 'path', run as 'exodus runway FILE'
 * runs it but with p->paths paths and p->seed: {"scenario" (its name),
 * "item" (a card item {"label", "value"}: months of runway, median with
 * its intervals), "section" (the fan charts of cash, headcount and
 * dilution, the cash-out probabilities and the loop gain)}. A scenario
 * that cannot be read is the loader's error (EXO_ENOENT, EXO_EDATA).
 */
exo_code exo__view_runway(const char *path, const struct exo__report_params *p,
                          json_t **out, exo_err *err);

/*
 * The comparison of 'orgs' (exo_comparison_load with 'opts') as a section
 * with id 'id': departures per year and valuations charted, the side-by-
 * side table, notes.
 */
exo_code exo__view_compare(exo_store *store, const char *const *orgs, size_t n,
                           const exo_comparison_opts *opts, const char *id,
                           json_t **out, exo_err *err);

/* The organisation list view: [{"name", "departures", "arrivals",
 * "people"}] in the store's order. */
exo_code exo__view_orgs(exo_store *store, json_t **out, exo_err *err);

/* ==== Pages (html.c) ==== */

/*
 * Fills the page template with 'title' (escaped here), the style, the
 * scripts (inlined when 'inline_scripts', else <script src="/assets/..">),
 * the data object 'data' (escaped for <script>) and the methods section.
 * The text is the caller's (exo__free).
 */
exo_code exo__page(const char *title, bool inline_scripts, const json_t *data,
                   const char *nav_html, char **out, size_t *len, exo_err *err);

#endif
