/*
 * exo.h - the cross-cutting internals every module includes: the public
 * header, error helpers, the allocator and the banned functions.
 */
#ifndef EXO_CORE_EXO_H
#define EXO_CORE_EXO_H

/* The system headers the banned macros would break come first. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exodus.h"
#include "core/err.h"
#include "core/alloc.h"
#include "core/banned.h"

/*
 * NAN and INFINITY are float constants; storing one in a double is an
 * implicit promotion that clang's -Wdouble-promotion reports. These are the
 * same values as doubles.
 */
#define EXO_NAN ((double)NAN)
#define EXO_INF ((double)INFINITY)

/*
 * qsort that accepts an empty array: C requires a valid pointer even for 0
 * elements, and an empty result's array is NULL here.
 */
static inline void exo__qsort(void *base, size_t n, size_t size,
                              int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

#endif
