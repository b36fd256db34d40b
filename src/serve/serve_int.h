/*
 * serve_int.h - what the two halves of the dashboard share: serve.c
 * answers requests (exo_serve_answer, public), daemon.c carries them over
 * libmicrohttpd.
 */
#ifndef EXO_SERVE_SERVE_INT_H
#define EXO_SERVE_SERVE_INT_H

#include "core/exo.h"

/* Query parameters beyond this many are refused (400). */
#define EXO_SERVE_MAX_ARGS 16

extern const char exo__json_ctype[];

/* Fills 'r' with {"error": msg} and 'status'; EXO_ENOMEM only. */
exo_code exo__serve_error(exo_http_reply *r, unsigned status, const char *msg,
                          exo_err *err);
/* Whether the answer for 'path' (any parameters) depends only on the
 * request and the store's contents, so it may be kept until the store
 * changes. */
bool exo__serve_cacheable(const char *path);
/* Whether 'path' runs a Monte Carlo on every CPU each time (the runway):
 * daemon.c lets only as many run at once as there are CPUs. */
bool exo__serve_heavy(const char *path);

#endif
