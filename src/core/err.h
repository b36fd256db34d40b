/*
 * err.h - recording errors in an exo_err. Every helper returns the code so
 * that a failure site is one line: return exo__fail(err, EXO_EINVAL, "...").
 * The first error wins: a helper never overwrites an error already recorded,
 * so a failing cleanup cannot hide the error that caused it.
 */
#ifndef EXO_CORE_ERR_H
#define EXO_CORE_ERR_H

#include <stdarg.h>

#include "exodus.h"

#if defined(__GNUC__)
#define EXO_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define EXO_PRINTF(fmt, args)
#endif

exo_code exo__fail(exo_err *err, exo_code code, const char *fmt, ...)
    EXO_PRINTF(3, 4);
exo_code exo__vfail(exo_err *err, exo_code code, const char *fmt, va_list ap)
    EXO_PRINTF(3, 0);
exo_code exo__fail_at(exo_err *err, exo_code code, const char *file, long line,
                      long column, const char *fmt, ...) EXO_PRINTF(6, 7);
exo_code exo__fail_errno(exo_err *err, int errnum, const char *fmt, ...)
    EXO_PRINTF(3, 4);
/* Prefixes the recorded message with context ("reading 'x': ..."). */
void exo__err_context(exo_err *err, const char *fmt, ...) EXO_PRINTF(2, 3);
/* Appends 'e' to 'list' (counting it past the capacity). */
void exo__errlist_add(exo_errlist *list, const exo_err *e);

#define exo__bug(err, what)                                                    \
    exo__fail((err), EXO_EINTERNAL, "BUG: %s:%d: %s", __FILE__, __LINE__,      \
              (what))

#endif
