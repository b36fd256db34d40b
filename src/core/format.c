/*
 * format.c - numbers as people read them, shared by the text output and
 * the HTML report so the two always print a figure the same way.
 */
#include "core/exo.h"

#include <math.h>

const char *exo_usd_format(double usd, char buf[static 32])
{
    double a = fabs(usd);
    const char *sign = usd < 0 ? "-" : "";
    if (!isfinite(usd))
        snprintf(buf, 32, "-");
    else if (a >= 1e12)
        snprintf(buf, 32, "%s$%.2fT", sign, a / 1e12);
    else if (a >= 1e9)
        snprintf(buf, 32, "%s$%.2fB", sign, a / 1e9);
    else if (a >= 1e6)
        snprintf(buf, 32, "%s$%.1fM", sign, a / 1e6);
    else if (a >= 1e3)
        snprintf(buf, 32, "%s$%.1fk", sign, a / 1e3);
    else
        snprintf(buf, 32, "%s$%.0f", sign, a);
    return buf;
}
