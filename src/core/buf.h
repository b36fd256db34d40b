/*
 * buf.h - a growable byte buffer (git's strbuf), always NUL-terminated
 * once anything has been added. BUF_INIT is a valid empty buffer.
 */
#ifndef EXO_CORE_BUF_H
#define EXO_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "core/err.h"

struct buf {
    char *data; /* NULL until the first append */
    size_t len;
    size_t cap;
};
#define BUF_INIT                                                               \
    {                                                                          \
        NULL, 0, 0                                                             \
    }

/* Makes room for 'extra' more bytes plus a terminator; 0 or EXO_ENOMEM. */
int exo__buf_grow(struct buf *b, size_t extra);
int exo__buf_add(struct buf *b, const void *data, size_t len);
int exo__buf_addstr(struct buf *b, const char *s);
int exo__buf_addch(struct buf *b, char c);
int exo__buf_addf(struct buf *b, const char *fmt, ...) EXO_PRINTF(2, 3);
void exo__buf_reset(struct buf *b); /* length 0, memory kept */
void exo__buf_release(struct buf *b);
/* Hands the text to the caller (free with exo__free); 'b' becomes empty. */
char *exo__buf_detach(struct buf *b);

#endif
