/*
 * alloc.c - the allocator hook and checked-size helpers. Failure injection
 * is the hook itself: tests/unit/test_faults.c installs an allocator that
 * fails the N-th call, in every build (an EXO_TESTING-only countdown from
 * the environment that no build defined used to sit here).
 */
#include "core/alloc.h"

#include <stdlib.h>
#include <string.h>

#include "exodus.h"

static void *(*hook_malloc)(size_t) = malloc;
static void *(*hook_realloc)(void *, size_t) = realloc;
static void (*hook_free)(void *) = free;

void exo_allocator_set(void *(*malloc_fn)(size_t),
                       void *(*realloc_fn)(void *, size_t),
                       void (*free_fn)(void *))
{
    hook_malloc = malloc_fn ? malloc_fn : malloc;
    hook_realloc = realloc_fn ? realloc_fn : realloc;
    hook_free = free_fn ? free_fn : free;
}

void *exo__malloc(size_t size)
{
    return hook_malloc(size ? size : 1);
}

void *exo__calloc(size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total))
        return NULL;
    void *p = exo__malloc(total);
    if (p)
        memset(p, 0, total);
    return p;
}

void *exo__realloc(void *p, size_t size)
{
    return hook_realloc(p, size ? size : 1);
}

void *exo__reallocarray(void *p, size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total))
        return NULL;
    return exo__realloc(p, total);
}

void exo__free(void *p)
{
    if (p)
        hook_free(p);
}

void exo_free(void *p)
{
    exo__free(p);
}

char *exo__strndup(const char *s, size_t len)
{
    char *copy = exo__malloc(len + 1);
    if (!copy)
        return NULL;
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

char *exo__strdup(const char *s)
{
    return s ? exo__strndup(s, strlen(s)) : NULL;
}
