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

/* Ascending doubles, for exo__qsort. */
static inline int exo__cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/*
 * splitmix64: a well-mixed seed for stream 'index' of 'seed', so that a
 * parallel loop gives each item its own stream and the results do not
 * depend on the number of threads. Never 0 (gsl_rng_set's default).
 */
static inline unsigned long exo__derive_seed(uint64_t seed, uint64_t index)
{
    uint64_t z = seed + 0x9E3779B97F4A7C15ull * (index + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return (unsigned long)(z ? z : 1);
}

/* FNV-1a of a name: its stream of a seed (exo__derive_seed), the same on
 * every machine, so that an organisation's draws depend on who it is and
 * not on where or in what order it is analysed. */
static inline uint64_t exo__name_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ull;
    }
    return h;
}

#endif
