/*
 * assets.c - the page template, style, renderer and the chart libraries
 * (Vega, its expression interpreter, Vega-Lite, vega-embed from
 * node_modules, pinned in
 * package-lock.json), embedded at build time by scripts/embed-assets so
 * that the binary reads no file at run time. Each asset ends with a NUL
 * byte that 'size' does not count.
 */
#include "report/report.h"

static const struct exo__asset assets[] = {
#include "assets.inc"
};

const struct exo__asset *exo__asset_find(const char *name)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < sizeof assets / sizeof assets[0]; i++)
        if (strcmp(assets[i].name, name) == 0)
            return &assets[i];
    return NULL;
}
