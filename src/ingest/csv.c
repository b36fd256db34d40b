/*
 * csv.c - libcsv with positions. libcsv does not report where a field
 * starts, so the input is fed to it one line at a time: every field
 * callback then knows the line its delimiter is on, and therefore the line
 * the next field starts on. The column is computed only when an error needs
 * it, by scanning that line again (quote-aware) up to the field.
 */
#include "ingest/csv.h"

#include <csv.h>
#include <stdbool.h>
#include <string.h>

#include "core/exo.h"
#include "core/utf8.h"

struct reader {
    struct csv_record rec;
    size_t cap;
    csv_record_fn fn;
    void *ud;
    const char *text;
    const char *name;  /* the file, in error locations */
    long line;         /* line being fed */
    size_t line_start; /* its byte offset */
    long next_line;    /* line the next field starts on */
    size_t next_line_start;
    int stop;      /* callback's nonzero return */
    exo_code code; /* ENOMEM inside a callback */
    /* The record's field texts, each NUL-terminated, back to back: one
     * buffer per reader instead of an allocation per field. rec.field[k]
     * points into it once the record is complete; until then 'offset'
     * holds where each field starts. */
    char *text_buf;
    size_t text_len, text_cap;
    size_t *offset;
};

static int reserve_fields(struct reader *r)
{
    if (r->rec.n_fields < r->cap)
        return 0;
    size_t cap = r->cap ? r->cap * 2 : 32;
    char **field = exo__reallocarray(r->rec.field, cap, sizeof *field);
    if (field)
        r->rec.field = field;
    size_t *len = exo__reallocarray(r->rec.len, cap, sizeof *len);
    if (len)
        r->rec.len = len;
    size_t *ls = exo__reallocarray(r->rec.field_line_start, cap, sizeof *ls);
    if (ls)
        r->rec.field_line_start = ls;
    long *fl = exo__reallocarray(r->rec.field_line, cap, sizeof *fl);
    if (fl)
        r->rec.field_line = fl;
    size_t *off = exo__reallocarray(r->offset, cap, sizeof *off);
    if (off)
        r->offset = off;
    if (!field || !len || !ls || !fl || !off)
        return -1;
    r->cap = cap;
    return 0;
}

static void on_field(void *data, size_t len, void *ud)
{
    struct reader *r = ud;
    if (r->stop || r->code)
        return;
    if (reserve_fields(r)) {
        r->code = EXO_ENOMEM;
        return;
    }
    if (!data)
        len = 0;
    if (r->text_cap - r->text_len < len + 1) {
        size_t cap = r->text_cap ? r->text_cap : 256;
        while (cap - r->text_len < len + 1)
            if (__builtin_mul_overflow(cap, 2, &cap)) {
                r->code = EXO_ENOMEM;
                return;
            }
        char *p = exo__realloc(r->text_buf, cap);
        if (!p) {
            r->code = EXO_ENOMEM;
            return;
        }
        r->text_buf = p;
        r->text_cap = cap;
    }
    size_t k = r->rec.n_fields++;
    if (len)
        memcpy(r->text_buf + r->text_len, data, len);
    r->text_buf[r->text_len + len] = '\0';
    r->offset[k] = r->text_len;
    r->text_len += len + 1;
    r->rec.len[k] = len;
    r->rec.field_line[k] = r->next_line;
    r->rec.field_line_start[k] = r->next_line_start;
    /* The delimiter that ended this field is on the line being fed. */
    r->next_line = r->line;
    r->next_line_start = r->line_start;
}

static void clear_fields(struct reader *r)
{
    r->rec.n_fields = 0;
    r->text_len = 0;
}

static void on_record(int c, void *ud)
{
    struct reader *r = ud;
    (void)c;
    if (!r->stop && !r->code && r->rec.n_fields > 0) {
        /* The buffer no longer moves: point the fields into it. */
        for (size_t k = 0; k < r->rec.n_fields; k++)
            r->rec.field[k] = r->text_buf + r->offset[k];
        r->rec.line = r->rec.field_line[0];
        r->rec.end_line = r->line;
        r->rec.end_line_start = r->line_start;
        r->stop = r->fn(r->ud, &r->rec);
        r->rec.index++;
    }
    clear_fields(r);
    /* The next record starts on the line after this terminator. */
    r->next_line = r->line + 1;
    r->next_line_start = (size_t)-1; /* fixed up when that line is fed */
}

/*
 * The 1-based character column where a field starts on the line at
 * 'line_start': after 'skip' fields that start on that line, and after the
 * tail of a quoted field from a line above when 'in_tail'. Quote-aware.
 */
static long field_column(const char *text, size_t line_start, size_t skip,
                         bool in_tail)
{
    const char *p = text + line_start;
    for (size_t s = 0; s < skip + in_tail && *p; s++) {
        if (*p == '"' || (s == 0 && in_tail)) {
            p += !(s == 0 && in_tail);
            while (*p && !(*p == '"' && p[1] != '"'))
                p += (*p == '"') ? 2 : 1;
            if (*p)
                p++;
        }
        while (*p && *p != ',' && *p != '\n' && *p != '\r')
            p++;
        if (*p == ',')
            p++;
    }
    const char *start = text + line_start;
    return (long)exo__utf8_chars(start, (size_t)(p - start)) + 1;
}

/* How field 'k' (which may be the one still open) is placed on its line:
 * the fields before it on that line, and whether a quoted field's tail
 * opens the line. */
static void field_place(const long *field_line, size_t k, long line,
                        size_t *skip, bool *in_tail)
{
    *skip = 0;
    for (size_t j = k; j-- > 0 && field_line[j] == line;)
        (*skip)++;
    *in_tail = k > *skip && field_line[k - *skip - 1] < line;
}

void exo__csv_field_location(const struct csv_record *rec, size_t k, long *line,
                             long *column)
{
    if (k >= rec->n_fields) {
        *line = rec->line;
        *column = 0;
        return;
    }
    size_t skip;
    bool in_tail;
    *line = rec->field_line[k];
    field_place(rec->field_line, k, *line, &skip, &in_tail);
    *column = field_column(rec->text, rec->field_line_start[k], skip, in_tail);
}

void exo__csv_end_location(const struct csv_record *rec, long *line,
                           long *column)
{
    const char *start = rec->text + rec->end_line_start, *p = start;
    while (*p && *p != '\n' && *p != '\r')
        p++;
    *line = rec->end_line;
    *column = (long)exo__utf8_chars(start, (size_t)(p - start)) + 1;
}

exo_code exo__csv_width_error(exo_err *err, const char *name, long line,
                              long column, size_t n_fields, size_t want)
{
    if (n_fields > want)
        return exo__fail_at(err, EXO_EDATA, name, line, column,
                            "row has %zu fields, %zu more than the header "
                            "(expected %zu fields, as in the header)",
                            n_fields, n_fields - want, want);
    return exo__fail_at(err, EXO_EDATA, name, line, column,
                        "row ends after %zu field%s (expected %zu fields, as "
                        "in the header)",
                        n_fields, n_fields == 1 ? "" : "s", want);
}

exo_code exo__csv_check_width(const struct csv_record *rec, size_t want,
                              const char *name, exo_err *err)
{
    long line, column;
    if (rec->n_fields == want)
        return EXO_OK;
    if (rec->n_fields > want)
        exo__csv_field_location(rec, want, &line, &column);
    else
        exo__csv_end_location(rec, &line, &column);
    return exo__csv_width_error(err, name, line, column, rec->n_fields, want);
}

/* The end of the line that starts at 'pos': past its LF, CRLF or lone CR
 * (libcsv ends a record at each of them), or 'len'. */
static size_t line_end(const char *text, size_t pos, size_t len)
{
    const char *nl = memchr(text + pos, '\n', len - pos);
    size_t lim = nl ? (size_t)(nl - text) : len;
    const char *cr = memchr(text + pos, '\r', lim - pos);
    if (cr && (size_t)(cr - text) + 1 < lim)
        return (size_t)(cr - text) + 1; /* a lone CR */
    return nl ? lim + 1 : len;
}

/* A parse error of libcsv's strict mode at byte 'at' of the line being
 * fed, in this project's words. */
static exo_code quote_error(const struct reader *r, size_t at, exo_err *err)
{
    const char *text = r->text;
    long column =
        (long)exo__utf8_chars(text + r->line_start, at - r->line_start) + 1;
    if (text[at] == '"')
        return exo__fail_at(err, EXO_EDATA, r->name, r->line, column,
                            "quote inside an unquoted field (expected the "
                            "whole field in quotes, each quote in it doubled: "
                            "\"say \"\"hi\"\"\")");
    /* The character, whole even when it takes several bytes. */
    size_t n = 1;
    while (n < 4 && ((unsigned char)text[at + n] & 0xC0) == 0x80)
        n++;
    return exo__fail_at(err, EXO_EDATA, r->name, r->line, column,
                        "'%.*s' after the closing quote of a field (expected "
                        "a comma or the end of the line after it; a quote "
                        "inside a quoted field is written twice)",
                        (int)n, text + at);
}

exo_code exo__csv_read_mem(const char *text, size_t len, const char *name,
                           csv_record_fn fn, void *ud, exo_err *err)
{
    struct csv_parser parser;
    struct reader r = {0};
    exo_code rc = EXO_OK;
    size_t pos = 0;
    if ((rc = exo__text_check(text, len, name, err)))
        return rc;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL))
        return exo__fail(err, EXO_ENOMEM, "cannot start the CSV parser");
    r.fn = fn;
    r.name = name;
    r.ud = ud;
    r.text = text;
    r.rec.text = text;
    r.line = 1;
    r.next_line = 1;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3; /* a UTF-8 byte order mark */
    r.line_start = pos;
    r.next_line_start = pos;
    while (pos < len && !r.stop && !r.code) {
        size_t end = line_end(text, pos, len);
        r.line_start = pos;
        if (r.next_line_start == (size_t)-1)
            r.next_line_start = pos;
        /* A blank line between records is no record (libcsv skips it), so
         * the next record starts on a later line. Inside a quoted field
         * the field began on an earlier line and nothing moves. */
        size_t body = end - pos;
        while (body &&
               (text[pos + body - 1] == '\n' || text[pos + body - 1] == '\r'))
            body--;
        if (body == 0 && r.rec.n_fields == 0 && r.next_line == r.line) {
            r.next_line = r.line + 1;
            r.next_line_start = end;
        }
        size_t done =
            csv_parse(&parser, text + pos, end - pos, on_field, on_record, &r);
        if (done != end - pos) {
            if (csv_error(&parser) == CSV_EPARSE)
                rc = quote_error(&r, pos + done, err);
            else
                rc = exo__fail(err, EXO_ENOMEM, "out of memory reading '%s'",
                               name);
            goto out;
        }
        pos = end;
        r.line++;
    }
    if (!r.stop && !r.code) {
        r.line--; /* the last line fed */
        if (csv_fini(&parser, on_field, on_record, &r)) {
            /* Only an open quoted field fails here: point at its quote. */
            size_t skip;
            bool in_tail;
            field_place(r.rec.field_line, r.rec.n_fields, r.next_line, &skip,
                        &in_tail);
            long column = field_column(text, r.next_line_start, skip, in_tail);
            rc = exo__fail_at(err, EXO_EDATA, name, r.next_line, column,
                              "quoted field never closed (expected a closing "
                              "quote before the end of the file)");
            goto out;
        }
    }
    if (r.code)
        rc = exo__fail(err, r.code, "out of memory reading '%s'", name);
    else if (r.stop)
        rc = (exo_code)r.stop;
out:
    clear_fields(&r);
    exo__free(r.rec.field);
    exo__free(r.rec.len);
    exo__free(r.rec.field_line_start);
    exo__free(r.rec.field_line);
    exo__free(r.offset);
    exo__free(r.text_buf);
    csv_free(&parser);
    return rc;
}

exo_code exo__csv_read(const char *path, const char *name, csv_record_fn fn,
                       void *ud, exo_err *err)
{
    char *text;
    size_t len;
    exo_code rc = exo__read_input(path, name, &text, &len, err);
    if (rc)
        return rc;
    rc = exo__csv_read_mem(text, len, name, fn, ud, err);
    exo__free(text);
    return rc;
}
