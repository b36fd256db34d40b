/*
 * buf.c - growable byte buffer.
 */
#include "core/buf.h"

#include <stdio.h>
#include <string.h>

#include "core/alloc.h"

int exo__buf_grow(struct buf *b, size_t extra)
{
    size_t need;
    if (__builtin_add_overflow(b->len, extra + 1, &need))
        return EXO_ENOMEM;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        if (__builtin_mul_overflow(cap, 2, &cap))
            return EXO_ENOMEM;
    }
    char *data = exo__realloc(b->data, cap);
    if (!data)
        return EXO_ENOMEM;
    b->data = data;
    b->cap = cap;
    return 0;
}

int exo__buf_add(struct buf *b, const void *data, size_t len)
{
    if (exo__buf_grow(b, len))
        return EXO_ENOMEM;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return 0;
}

int exo__buf_addstr(struct buf *b, const char *s)
{
    return exo__buf_add(b, s, strlen(s));
}

int exo__buf_addch(struct buf *b, char c)
{
    return exo__buf_add(b, &c, 1);
}

int exo__buf_addf(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    char small[256];
    va_start(ap, fmt);
    int len = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (len < 0)
        return EXO_EINVAL;
    if ((size_t)len < sizeof small)
        return exo__buf_add(b, small, (size_t)len);
    if (exo__buf_grow(b, (size_t)len))
        return EXO_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)len + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)len;
    return 0;
}

void exo__buf_reset(struct buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void exo__buf_release(struct buf *b)
{
    exo__free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *exo__buf_detach(struct buf *b)
{
    char *data = b->data;
    if (!data)
        data = exo__strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return data;
}
