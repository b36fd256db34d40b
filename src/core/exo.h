/*
 * exo.h - the cross-cutting internals every module includes: the public
 * header, error helpers, the allocator and the banned functions.
 */
#ifndef EXO_CORE_EXO_H
#define EXO_CORE_EXO_H

#include "exodus.h"
#include "core/err.h"
#include "core/alloc.h"
#include "core/banned.h"

#endif
