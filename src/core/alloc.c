/*
 * alloc.c - the allocator hook and checked-size helpers. Failure injection
 * is the hook itself: tests/unit/test_faults.c installs an allocator that
 * fails the N-th call, in every build (an EXO_TESTING-only countdown from
 * the environment that no build defined used to sit here).
 */
#include "core/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

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

/*
 * Blocks of this size or more are backed by transparent huge pages where
 * the kernel offers them on request (THP "madvise", Debian's default): a
 * 10^6-row Cox fit from a CSV file touches some 250 MB in blocks of 4-64
 * MB, and one fault per 4 KiB page cost a third of its CPU time on a
 * virtual machine (66,800 faults; 8,800 with this advice). The whole
 * pages inside the block are advised, so nothing of another is touched;
 * the edges, shared with neighbours, stay small pages. Aligning blocks to
 * 2 MB saved those faults too, but freed blocks then rarely fitted the
 * next request and the peak memory grew by half. Only libc's own blocks
 * are advised: a hook's memory is its owner's business.
 */
#define HUGE_MIN ((size_t)2 << 20)

static void advise_huge(void *p, size_t size)
{
#ifdef MADV_HUGEPAGE
    if (!p || size < HUGE_MIN || hook_malloc != malloc ||
        hook_realloc != realloc)
        return;
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0)
        return;
    uintptr_t mask = (uintptr_t)page - 1;
    uintptr_t lo = ((uintptr_t)p + mask) & ~mask;
    uintptr_t hi = ((uintptr_t)p + size) & ~mask;
    /* advice only: a kernel without THP refuses it and nothing changes */
    if (hi > lo)
        (void)madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p;
    (void)size;
#endif
}

void *exo__malloc(size_t size)
{
    void *p = hook_malloc(size ? size : 1);
    advise_huge(p, size);
    return p;
}

void *exo__calloc(size_t n, size_t size)
{
    size_t total;
    if (__builtin_mul_overflow(n, size, &total))
        return NULL;
    /* advised before the memset touches it */
    void *p = exo__malloc(total);
    if (p)
        memset(p, 0, total);
    return p;
}

void *exo__realloc(void *p, size_t size)
{
    if (!p)
        return exo__malloc(size); /* a new block: aligned if large */
    void *q = hook_realloc(p, size ? size : 1);
    /* A moved block is advised anew; one grown in place is not, as
     * callers that grow an array an element at a time (a scan's rows)
     * would make a system call each: a mapping keeps its advice as it
     * grows, the heap's top does not, and large arrays are rarely grown
     * (exo__read_input sizes a file's buffer at once). */
    if (q != p)
        advise_huge(q, size);
    return q;
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
