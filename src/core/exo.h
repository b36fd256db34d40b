/*
 * exo.h - the cross-cutting internals every module includes: the public
 * header, error helpers, the allocator and the banned functions.
 */
#ifndef EXO_CORE_EXO_H
#define EXO_CORE_EXO_H

/* The system headers the banned macros would break come first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "exodus.h"
#include "core/err.h"
#include "core/alloc.h"
#include "core/banned.h"

#endif
