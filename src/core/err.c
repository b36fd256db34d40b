/*
 * err.c - exo_err: status codes with a message and an input location held
 * in fixed buffers, so recording an error never allocates.
 */
#include "core/err.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* The version as text, from the numbers in exodus.h (its only source). */
#define EXO__STR(x) #x
#define EXO__XSTR(x) EXO__STR(x)
#define EXO__MAJOR EXO__XSTR(EXO_VERSION_MAJOR)
#define EXO__MINOR EXO__XSTR(EXO_VERSION_MINOR)
#define EXO__PATCH EXO__XSTR(EXO_VERSION_PATCH)

const char *exo_version(void)
{
    return EXO__MAJOR "." EXO__MINOR "." EXO__PATCH;
}

const char *exo_strerror(exo_code code)
{
    switch (code) {
    case EXO_OK:
        return "success";
    case EXO_ENOMEM:
        return "out of memory";
    case EXO_EINVAL:
        return "invalid argument";
    case EXO_EDATA:
        return "invalid input data";
    case EXO_ENOENT:
        return "no such file";
    case EXO_EIO:
        return "input/output error";
    case EXO_ESTORE:
        return "store error";
    case EXO_ENOTFOUND:
        return "not found";
    case EXO_ENUMERIC:
        return "no usable estimate";
    case EXO_ECANCELED:
        return "canceled";
    case EXO_EINTERNAL:
        return "internal error";
    }
    return "unknown error";
}

void exo_err_clear(exo_err *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

/* Copies with "..." marking a cut, so a long text is visibly shortened.
 * EXO_PRINTF(3, 0): 'fmt' is checked where the arguments are, at the
 * callers of exo__fail and friends, and may be passed on here. */
static void set_text(char *dst, size_t size, const char *fmt, va_list ap)
    EXO_PRINTF(3, 0);
static void set_text(char *dst, size_t size, const char *fmt, va_list ap)
{
    int len = vsnprintf(dst, size, fmt, ap);
    if (len >= (int)size && size > 4)
        memcpy(dst + size - 4, "...", 4);
}

exo_code exo__vfail(exo_err *err, exo_code code, const char *fmt, va_list ap)
{
    if (!err || err->code != EXO_OK)
        return code;
    err->code = code;
    err->sys = 0;
    err->line = 0;
    err->column = 0;
    err->file[0] = '\0';
    set_text(err->msg, sizeof err->msg, fmt, ap);
    return code;
}

exo_code exo__fail(exo_err *err, exo_code code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    exo__vfail(err, code, fmt, ap);
    va_end(ap);
    return code;
}

exo_code exo__fail_at(exo_err *err, exo_code code, const char *file, long line,
                      long column, const char *fmt, ...)
{
    va_list ap;
    if (!err || err->code != EXO_OK)
        return code;
    va_start(ap, fmt);
    exo__vfail(err, code, fmt, ap);
    va_end(ap);
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    return code;
}

exo_code exo__fail_errno(exo_err *err, int errnum, const char *fmt, ...)
{
    exo_code code = errnum == ENOENT   ? EXO_ENOENT
                    : errnum == ENOMEM ? EXO_ENOMEM
                                       : EXO_EIO;
    char what[200];
    va_list ap;
    if (!err || err->code != EXO_OK)
        return code;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    exo__fail(err, code, "%s: %s", what, strerror(errnum));
    err->sys = errnum;
    return code;
}

void exo__err_context(exo_err *err, const char *fmt, ...)
{
    char prefix[256], old[sizeof err->msg];
    va_list ap;
    if (!err || err->code == EXO_OK)
        return;
    va_start(ap, fmt);
    vsnprintf(prefix, sizeof prefix, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    int len = snprintf(err->msg, sizeof err->msg, "%s: %s", prefix, old);
    if (len >= (int)sizeof err->msg)
        memcpy(err->msg + sizeof err->msg - 4, "...", 4);
}

void exo__errlist_add(exo_errlist *list, const exo_err *e)
{
    if (!list)
        return;
    if (list->n < EXO_MAX_ERRORS)
        list->item[list->n++] = *e;
    list->n_total++;
}

size_t exo_err_format(const exo_err *err, char *buf, size_t size)
{
    int len;
    if (!err)
        return 0;
    if (err->file[0] && err->line > 0 && err->column > 0)
        len = snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line,
                       err->column, err->msg);
    else if (err->file[0] && err->line > 0)
        len = snprintf(buf, size, "%s:%ld: %s", err->file, err->line, err->msg);
    else if (err->file[0])
        len = snprintf(buf, size, "%s: %s", err->file, err->msg);
    else
        len = snprintf(buf, size, "%s",
                       err->msg[0] ? err->msg : exo_strerror(err->code));
    return len < 0 ? 0 : (size_t)len;
}
