/*
 * number.c - decimal numbers, strictly. The syntax is checked here and
 * strtod converts only what passed, so its other forms never get in.
 */
#include "core/number.h"

#include <errno.h>

#include "core/exo.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

bool exo__is_decimal(const char *s)
{
    size_t digits = 0;
    if (*s == '+' || *s == '-')
        s++;
    while (is_digit(*s))
        s++, digits++;
    if (*s == '.') {
        s++;
        while (is_digit(*s))
            s++, digits++;
    }
    if (digits == 0)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!is_digit(*s))
            return false;
        while (is_digit(*s))
            s++;
    }
    return *s == '\0';
}

bool exo__parse_decimal(const char *s, double *out)
{
    if (!exo__is_decimal(s))
        return false;
    double v = strtod(s, NULL);
    if (!isfinite(v))
        return false; /* 1e999: out of range */
    *out = v;
    return true;
}

bool exo__parse_int64(const char *s, int64_t *out, bool *overflow)
{
    const char *p = s;
    *overflow = false;
    if (*p == '+' || *p == '-')
        p++;
    if (!is_digit(*p))
        return false;
    while (is_digit(*p))
        p++;
    if (*p)
        return false;
    errno = 0;
    char *end;
    long long v = strtoll(s, &end, 10);
    if (errno == ERANGE) {
        *overflow = true;
        return false;
    }
    *out = (int64_t)v;
    return true;
}
