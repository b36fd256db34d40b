/*
 * serve_int.h - the dashboard's internals. The server's interface is all
 * public (exodus.h: exo_serve_start, exo_serve_answer); this header only
 * gives serve.c its own-header-first include.
 */
#ifndef EXO_SERVE_SERVE_INT_H
#define EXO_SERVE_SERVE_INT_H

#include "core/exo.h"

#endif
