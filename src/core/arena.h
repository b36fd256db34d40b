/*
 * arena.h - bump allocation from large chunks, freed in one call: the
 * scratch space of an import or a fit. Pointers never move.
 */
#ifndef EXO_CORE_ARENA_H
#define EXO_CORE_ARENA_H

#include <stddef.h>

struct arena_chunk;
struct arena {
    struct arena_chunk *head;
};
#define ARENA_INIT                                                             \
    {                                                                          \
        NULL                                                                   \
    }

/* 'size' bytes aligned for any type; NULL when out of memory. */
void *exo__arena_alloc(struct arena *a, size_t size);
/* A copy of 'len' bytes plus a terminator. */
char *exo__arena_strndup(struct arena *a, const char *s, size_t len);
char *exo__arena_strdup(struct arena *a, const char *s);
void exo__arena_release(struct arena *a);

#endif
