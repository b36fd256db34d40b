/*
 * alloc.h - every heap allocation goes through these, over the hook set by
 * exo_allocator_set(); the fault-injection sweep (tests/unit/test_faults.c)
 * sets one that fails the N-th allocation, to test EXO_ENOMEM paths.
 */
#ifndef EXO_CORE_ALLOC_H
#define EXO_CORE_ALLOC_H

#include <stddef.h>

void *exo__malloc(size_t size);
void *exo__calloc(size_t n, size_t size); /* checks n*size for overflow */
void *exo__realloc(void *p, size_t size);
/* realloc of n elements of 'size' bytes, checking the product. */
void *exo__reallocarray(void *p, size_t n, size_t size);
void exo__free(void *p);
/* A copy of 'len' bytes of 's' plus a terminator; NULL on failure. */
char *exo__strndup(const char *s, size_t len);
char *exo__strdup(const char *s);

#endif
