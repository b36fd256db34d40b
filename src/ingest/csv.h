/*
 * csv.h - RFC 4180 CSV through libcsv, with the line and column of every
 * field. Quoted fields, embedded commas, quotes and newlines, CRLF, a UTF-8
 * BOM and gzip-compressed input are handled.
 */
#ifndef EXO_INGEST_CSV_H
#define EXO_INGEST_CSV_H

#include <stddef.h>

#include "exodus.h"

/* One record; fields are NUL-terminated and valid during the callback. */
struct csv_record {
    size_t n_fields;
    char **field;
    size_t *len;
    long line;    /* line where the record starts (1-based) */
    size_t index; /* 0 for the header row */
    /* private: where each field starts, for csv_field_location */
    const char *text;
    size_t *field_line_start; /* byte offset of the line the field starts on */
    long *field_line;
};

/* Return EXO_OK to go on, or a code to stop: exo__csv_read returns it. */
typedef int (*csv_record_fn)(void *ud, const struct csv_record *rec);

/*
 * Reads 'path' ("-" for standard input; gzip is detected) and calls 'fn'
 * for each record, the header included. 'name' is the file name used in
 * error locations. Malformed quoting is EXO_EDATA with its location.
 */
exo_code exo__csv_read(const char *path, const char *name, csv_record_fn fn,
                       void *ud, exo_err *err);
/* Like exo__csv_read over a buffer in memory (for tests and fuzzing). */
exo_code exo__csv_read_mem(const char *text, size_t len, const char *name,
                           csv_record_fn fn, void *ud, exo_err *err);

/* The line and 1-based character column where field 'k' starts. */
void exo__csv_field_location(const struct csv_record *rec, size_t k, long *line,
                             long *column);

/*
 * Reads the whole of 'path' ("-": stdin; gzip detected) into memory.
 * '*out' is the caller's (exo__free), NUL-terminated.
 */
exo_code exo__read_file(const char *path, char **out, size_t *len,
                        exo_err *err);

#endif
