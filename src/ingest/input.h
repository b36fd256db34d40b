/*
 * input.h - reading an input file whole, strictly: plain or gzip (checked
 * to its last byte), within a size cap, and checked to be text before any
 * parser sees it (no NUL byte, not UTF-16 or UTF-32).
 */
#ifndef EXO_INGEST_INPUT_H
#define EXO_INGEST_INPUT_H

#include <stddef.h>

#include "exodus.h"

/*
 * The most bytes an input may hold, after decompression: the value given
 * to exo_input_limit_set, else $EXODUS_MAX_INPUT (bytes, with an optional
 * k, M or G suffix) when set, else 1 GiB.
 * Every input is read whole into memory, so the cap bounds the memory a
 * hostile file (a gzip bomb, /dev/zero) can take.
 */
size_t exo__input_max(void);

/*
 * Reads the whole of 'path' ("-": stdin) into memory. gzip input (by its
 * magic bytes) is decompressed, every member to its checksum: a cut-short
 * stream or bytes after it are EXO_EDATA. The text is then checked with
 * exo__text_check. 'name' is the file name used in error locations.
 * '*out' is the caller's (exo__free), NUL-terminated.
 */
exo_code exo__read_input(const char *path, const char *name, char **out,
                         size_t *len, exo_err *err);

/* exo__read_input with the path as the name. */
exo_code exo__read_file(const char *path, char **out, size_t *len,
                        exo_err *err);

/*
 * The checks every text input passes before it is parsed: UTF-16 or UTF-32
 * (with a byte order mark, or NUL bytes between ASCII ones) is named with
 * the command that converts it, and a NUL byte anywhere is an error at its
 * line and column. EXO_EDATA on failure.
 */
exo_code exo__text_check(const char *text, size_t len, const char *name,
                         exo_err *err);

/*
 * The line and 1-based character column of byte 'offset' of 'text'.
 * Lines end at LF, CRLF or a lone CR, as the CSV reader counts them.
 */
void exo__text_location(const char *text, size_t offset, long *line,
                        long *column);

#endif
