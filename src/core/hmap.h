/*
 * hmap.h - a string -> int64 hash map with open addressing, for the
 * importer's caches of organisation, person and source ids. Keys are
 * copied into the map's own storage.
 */
#ifndef EXO_CORE_HMAP_H
#define EXO_CORE_HMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct hmap_slot {
    char *key; /* NULL: empty */
    uint64_t hash;
    int64_t value;
};

struct hmap {
    struct hmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
};
#define HMAP_INIT                                                              \
    {                                                                          \
        NULL, 0, 0                                                             \
    }

/* Looks 'key' up; true and '*value' set when present. */
bool exo__hmap_get(const struct hmap *m, const char *key, int64_t *value);
/* Inserts or replaces; 0 or EXO_ENOMEM. */
int exo__hmap_put(struct hmap *m, const char *key, int64_t value);
void exo__hmap_release(struct hmap *m);

#endif
