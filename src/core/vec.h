/*
 * vec.h - growing a typed array: EXO_VEC_PUSH(ptr, n, cap, value) appends,
 * doubling capacity, and evaluates to 0 or EXO_ENOMEM.
 */
#ifndef EXO_CORE_VEC_H
#define EXO_CORE_VEC_H

#include "core/alloc.h"
#include "exodus.h"

/* Ensures room for one more element in 'ptr' of 'n' used, 'cap' held. */
static inline int exo__vec_reserve(void **ptr, size_t n, size_t *cap,
                                   size_t elem)
{
    if (n < *cap)
        return 0;
    size_t new_cap = *cap ? *cap * 2 : 16;
    void *p = exo__reallocarray(*ptr, new_cap, elem);
    if (!p)
        return EXO_ENOMEM;
    *ptr = p;
    *cap = new_cap;
    return 0;
}

#define EXO_VEC_PUSH(ptr, n, cap, value)                                       \
    (exo__vec_reserve((void **)&(ptr), (n), &(cap), sizeof *(ptr))             \
         ? EXO_ENOMEM                                                          \
         : ((ptr)[(n)++] = (value), 0))

#endif
