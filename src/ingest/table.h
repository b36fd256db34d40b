/*
 * table.h - the named columns of a CSV file (gzip too) as text cells, for
 * loaders that need whole columns before they can type them (numbers or
 * factor levels). The cells of the columns read are UTF-8 text without
 * control characters; the other columns may hold any bytes but NUL.
 */
#ifndef EXO_INGEST_TABLE_H
#define EXO_INGEST_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "exodus.h"

/* Where a cell starts in the file. */
struct table_pos {
    uint32_t line, column;
};

struct table {
    char file[256];        /* the name used in error locations */
    size_t n_rows;         /* data rows (the header is not one) */
    size_t n_cols;         /* requested columns, in request order */
    size_t *offset;        /* n_rows x n_cols offsets into text, row-major */
    long *line;            /* line where each row starts */
    struct table_pos *pos; /* n_rows x n_cols, as 'offset'; NULL when
                              'row_at' locates the cells */
    struct buf text;       /* NUL-terminated cells */
    /* A plain file's cells lie on their row's line, so the column of one
     * is counted from the row's first byte ('row_at', offsets into text)
     * when an error names it, not stored for every cell. NULL: 'pos'. */
    size_t *row_at;
};

/* Line and column (characters, from 1) where cell 'col' of 'row' starts. */
void exo__table_where(const struct table *t, size_t row, size_t col, long *line,
                      long *column);

/*
 * Reads the columns 'names' of 'path' ("-": stdin). A name that is not in
 * the header is EXO_EINVAL; a row with fewer fields than the header is
 * EXO_EDATA with its location. Release with exo__table_release.
 */
exo_code exo__table_load(const char *path, const char *const *names,
                         size_t n_names, struct table *out, exo_err *err);
void exo__table_release(struct table *t);

/* Cell 'col' of row 'row' (never NULL). */
static inline const char *exo__table_cell(const struct table *t, size_t row,
                                          size_t col)
{
    return t->text.data + t->offset[row * t->n_cols + col];
}

#endif
