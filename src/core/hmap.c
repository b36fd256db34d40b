/*
 * hmap.c - open addressing with linear probing, FNV-1a hashes, load <= 1/2.
 */
#include "core/hmap.h"

#include <string.h>

#include "core/alloc.h"
#include "exodus.h"

static uint64_t hash_str(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return h;
}

static struct hmap_slot *find(const struct hmap *m, const char *key, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct hmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
            return s;
    }
}

bool exo__hmap_get(const struct hmap *m, const char *key, int64_t *value)
{
    if (!m->cap)
        return false;
    struct hmap_slot *s = find(m, key, hash_str(key));
    if (!s->key)
        return false;
    *value = s->value;
    return true;
}

static int grow(struct hmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 64;
    struct hmap_slot *old = m->slots;
    size_t old_cap = m->cap;
    m->slots = exo__calloc(cap, sizeof *m->slots);
    if (!m->slots) {
        m->slots = old;
        return EXO_ENOMEM;
    }
    m->cap = cap;
    for (size_t i = 0; i < old_cap; i++) {
        if (old[i].key)
            *find(m, old[i].key, old[i].hash) = old[i];
    }
    exo__free(old);
    return 0;
}

int exo__hmap_put(struct hmap *m, const char *key, int64_t value)
{
    if (2 * (m->n + 1) > m->cap && grow(m))
        return EXO_ENOMEM;
    uint64_t h = hash_str(key);
    struct hmap_slot *s = find(m, key, h);
    if (s->key) {
        s->value = value;
        return 0;
    }
    s->key = exo__strdup(key);
    if (!s->key)
        return EXO_ENOMEM;
    s->hash = h;
    s->value = value;
    m->n++;
    return 0;
}

void exo__hmap_release(struct hmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        exo__free(m->slots[i].key);
    exo__free(m->slots);
    m->slots = NULL;
    m->cap = m->n = 0;
}
