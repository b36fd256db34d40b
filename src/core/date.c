/*
 * date.c - ISO 8601 calendar dates with a precision, as days since
 * 1970-01-01 in the proleptic Gregorian calendar. The civil<->days
 * conversion is Howard Hinnant's era-based algorithm (public domain
 * description, "chrono-Compatible Low-Level Date Algorithms").
 */
#include "core/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/exo.h"
#include "core/vocab.h"

bool exo__is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int exo__days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return days[month - 1] + (month == 2 && exo__is_leap(year));
}

int32_t exo_days_from_civil(int year, int month, int day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy =
        (unsigned)((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

void exo_civil_from_days(int32_t days, int *year, int *month, int *day)
{
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    *year = y + (m <= 2);
    *month = (int)m;
    *day = (int)d;
}

void exo_date_format(int32_t days, char buf[static 11])
{
    int y, m, d;
    exo_civil_from_days(days, &y, &m, &d);
    if (y < 0 || y > 9999) {
        snprintf(buf, 11, "%s", "0000-00-00");
        return;
    }
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

/* Reads exactly 'width' digits at *p; -1 when they are not digits. */
static int read_digits(const char **p, int width)
{
    int v = 0;
    for (int i = 0; i < width; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += width;
    return v;
}

#define ISO_EXPECTED "expected YYYY-MM-DD, YYYY-MM or YYYY"

static exo_code check_civil(int y, int m, int d, const char *text, exo_err *err)
{
    if (y < 1000 || y > 9999)
        return exo__fail(err, EXO_EDATA,
                         "year out of range in date '%s' (expected 1000-9999)",
                         text);
    if (m < 1 || m > 12)
        return exo__fail(err, EXO_EDATA,
                         "impossible month in date '%s' (expected 01-12)",
                         text);
    if (d < 1 || d > exo__days_in_month(y, m))
        return exo__fail(err, EXO_EDATA,
                         "impossible date '%s' (expected a real calendar date)",
                         text);
    return EXO_OK;
}

exo_code exo_date_parse(const char *text, exo_date *out, exo_err *err)
{
    const char *p = text;
    int y, m = 1, d = 1;
    exo_precision prec = EXO_PREC_YEAR;
    if ((y = read_digits(&p, 4)) < 0)
        goto bad;
    if (*p == '-') {
        p++;
        if ((m = read_digits(&p, 2)) < 0)
            goto bad;
        prec = EXO_PREC_MONTH;
        if (*p == '-') {
            p++;
            if ((d = read_digits(&p, 2)) < 0)
                goto bad;
            prec = EXO_PREC_DAY;
        }
    }
    if (*p != '\0')
        goto bad;
    if (check_civil(y, m, d, text, err))
        return EXO_EDATA;
    out->days = exo_days_from_civil(y, m, d);
    out->precision = prec;
    return EXO_OK;
bad:
    return exo__fail(err, EXO_EDATA, "malformed date '%s' (" ISO_EXPECTED ")",
                     text);
}

/* Reads 1 to 'max' digits; -1 when there are none. */
static int read_number(const char **p, int max)
{
    int v = 0, i = 0;
    while (i < max && isdigit((unsigned char)(*p)[i])) {
        v = v * 10 + ((*p)[i] - '0');
        i++;
    }
    if (i == 0)
        return -1;
    *p += i;
    return v;
}

static int read_month_name(const char **p)
{
    static const char *names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++) {
        if (strncasecmp(*p, names[i], 3) == 0) {
            *p += 3;
            while (isalpha((unsigned char)**p))
                (*p)++;
            return i + 1;
        }
    }
    return -1;
}

exo_code exo_date_parse_format(const char *text, const char *format,
                               exo_date *out, exo_err *err)
{
    const char *p = text, *f = format;
    int y = -1, m = -1, d = -1;
    exo_precision prec;
    while (*f) {
        if (*f != '%') {
            if (*p != *f)
                goto bad;
            p++, f++;
            continue;
        }
        f++;
        switch (*f) {
        case 'Y':
            y = read_number(&p, 4);
            if (y < 0)
                goto bad;
            break;
        case 'y':
            y = read_number(&p, 2);
            if (y < 0)
                goto bad;
            y += y < 70 ? 2000 : 1900; /* POSIX strptime's pivot */
            break;
        case 'm':
            m = read_number(&p, 2);
            if (m < 0)
                goto bad;
            break;
        case 'd':
            d = read_number(&p, 2);
            if (d < 0)
                goto bad;
            break;
        case 'b':
            m = read_month_name(&p);
            if (m < 0)
                goto bad;
            break;
        case '%':
            if (*p++ != '%')
                goto bad;
            break;
        default:
            return exo__fail(err, EXO_EINVAL,
                             "unsupported conversion '%%%c' in date format "
                             "'%s' (expected %%Y %%y %%m %%d %%b)",
                             *f ? *f : ' ', format);
        }
        f++;
    }
    /* A time of day after the date ("12/31/2006 0:00") is ignored. */
    if (*p != '\0' && *p != ' ' && *p != 'T')
        goto bad;
    if (y < 0)
        goto bad;
    prec = d >= 0 ? EXO_PREC_DAY : m >= 0 ? EXO_PREC_MONTH : EXO_PREC_YEAR;
    if (m < 0)
        m = 1;
    if (d < 0)
        d = 1;
    if (check_civil(y, m, d, text, err))
        return EXO_EDATA;
    out->days = exo_days_from_civil(y, m, d);
    out->precision = prec;
    return EXO_OK;
bad:
    return exo__fail(err, EXO_EDATA,
                     "malformed date '%s' (expected the format '%s')", text,
                     format);
}

bool exo__precision_parse(const char *s, exo_precision *out)
{
    int v = exo__vocab_value(&exo__precisions, s);
    if (v < 0)
        return false;
    *out = (exo_precision)v;
    return true;
}

const char *exo__precision_name(exo_precision p)
{
    const char *w = exo__vocab_word(&exo__precisions, (int)p);
    return w ? w : "day";
}

int exo__precision_days(int32_t days, exo_precision p)
{
    int y, m, d;
    exo_civil_from_days(days, &y, &m, &d);
    switch (p) {
    case EXO_PREC_DAY:
        return 1;
    case EXO_PREC_MONTH:
        return exo__days_in_month(y, m) - d + 1;
    case EXO_PREC_YEAR:
        return exo_days_from_civil(y + 1, 1, 1) - days;
    }
    return 1;
}
