/*
 * csv.h - RFC 4180 CSV through libcsv, with the line and column of every
 * field. Quoted fields, embedded commas, quotes and newlines, CRLF, a UTF-8
 * BOM and gzip-compressed input are handled.
 */
#ifndef EXO_INGEST_CSV_H
#define EXO_INGEST_CSV_H

#include <stddef.h>

#include "exodus.h"
#include "ingest/input.h"

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
    long end_line; /* the line the record ends on, and its byte offset */
    size_t end_line_start;
};

/* Return EXO_OK to go on, or a code to stop: exo__csv_read returns it. */
typedef int (*csv_record_fn)(void *ud, const struct csv_record *rec);

/*
 * Reads 'path' ("-" for standard input; gzip is detected) and calls 'fn'
 * for each record, the header included. 'name' is the file name used in
 * error locations. Text that exo__text_check rejects and malformed quoting
 * are EXO_EDATA with their location. Lines end at LF, CRLF or a lone CR.
 */
exo_code exo__csv_read(const char *path, const char *name, csv_record_fn fn,
                       void *ud, exo_err *err);
/* Like exo__csv_read over a buffer in memory (for tests and fuzzing);
 * text[len] must be a NUL, which locating an error may read. */
exo_code exo__csv_read_mem(const char *text, size_t len, const char *name,
                           csv_record_fn fn, void *ud, exo_err *err);

/* The line and 1-based character column where field 'k' starts. */
void exo__csv_field_location(const struct csv_record *rec, size_t k, long *line,
                             long *column);
/* The line and column just past the last character of the record. */
void exo__csv_end_location(const struct csv_record *rec, long *line,
                           long *column);
/*
 * EXO_EDATA, located, unless 'rec' has exactly 'want' fields: at the first
 * field too many, or at the end of a row that stops short. A row is never
 * padded or cut to fit its header.
 */
exo_code exo__csv_check_width(const struct csv_record *rec, size_t want,
                              const char *name, exo_err *err);
/* The error exo__csv_check_width records, for readers that split rows
 * themselves: at the first field too many, or at the end of a short row. */
exo_code exo__csv_width_error(exo_err *err, const char *name, long line,
                              long column, size_t n_fields, size_t want);

#endif
