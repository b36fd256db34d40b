/*
 * json.c - jansson's parser with its failures to allocate made visible
 * (see json.h for why json_loadb alone is not enough).
 */
#include "core/json.h"

#include <pthread.h>

static json_malloc_t prev_malloc;
static json_free_t prev_free;
static _Thread_local bool failed;

static void *noting_malloc(size_t size)
{
    void *p = prev_malloc(size);
    if (!p)
        failed = true;
    return p;
}

static void noting_free(void *p)
{
    prev_free(p);
}

static void install(void)
{
    json_get_alloc_funcs(&prev_malloc, &prev_free);
    json_set_alloc_funcs(noting_malloc, noting_free);
}

json_t *exo__json_loadb(const char *text, size_t len, size_t flags,
                        json_error_t *jerr, bool *oom)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    json_error_t local;
    if (!jerr)
        jerr = &local;
    pthread_once(&once, install);
    failed = false;
    json_t *root = json_loadb(text, len, flags, jerr);
    *oom =
        failed || (!root && json_error_code(jerr) == json_error_out_of_memory);
    if (*oom) {
        json_decref(root);
        root = NULL;
    }
    return root;
}
