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
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/exo.h"
#include "core/utf8.h"

exo_code exo__read_file(const char *path, char **out, size_t *len, exo_err *err)
{
    gzFile gz;
    size_t cap = 1 << 16, n = 0;
    char *data = NULL;
    *out = NULL;
    *len = 0;
    if (strcmp(path, "-") == 0)
        gz = gzdopen(dup(STDIN_FILENO), "rb");
    else
        gz = gzopen(path, "rb");
    if (!gz)
        return exo__fail_errno(err, errno ? errno : ENOENT, "cannot open '%s'",
                               path);
    gzbuffer(gz, 1 << 17);
    data = exo__malloc(cap);
    if (!data)
        goto nomem;
    for (;;) {
        if (cap - n < (1 << 16) + 1) {
            size_t new_cap;
            if (__builtin_mul_overflow(cap, 2, &new_cap))
                goto nomem;
            char *p = exo__realloc(data, new_cap);
            if (!p)
                goto nomem;
            data = p;
            cap = new_cap;
        }
        int got = gzread(gz, data + n, (unsigned)(cap - n - 1));
        if (got < 0) {
            int errnum = 0;
            const char *msg = gzerror(gz, &errnum);
            exo__fail(err, EXO_EIO, "cannot read '%s': %s", path, msg);
            goto fail;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    gzclose(gz);
    data[n] = '\0';
    *out = data;
    *len = n;
    return EXO_OK;
nomem:
    exo__fail(err, EXO_ENOMEM, "out of memory reading '%s'", path);
fail:
    exo__free(data);
    gzclose(gz);
    return err ? err->code : EXO_ENOMEM;
}

struct reader {
    struct csv_record rec;
    size_t cap;
    csv_record_fn fn;
    void *ud;
    const char *text;
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
        r->stop = r->fn(r->ud, &r->rec);
        r->rec.index++;
    }
    clear_fields(r);
    /* The next record starts on the line after this terminator. */
    r->next_line = r->line + 1;
    r->next_line_start = (size_t)-1; /* fixed up when that line is fed */
}

void exo__csv_field_location(const struct csv_record *rec, size_t k, long *line,
                             long *column)
{
    if (k >= rec->n_fields) {
        *line = rec->line;
        *column = 0;
        return;
    }
    *line = rec->field_line[k];
    /* Fields before k that start on the same line: skip them, quote-aware. */
    size_t skip = 0;
    for (size_t j = k; j-- > 0 && rec->field_line[j] == rec->field_line[k];)
        skip++;
    const char *p = rec->text + rec->field_line_start[k];
    /* The line may open with the tail of a quoted field from a line above. */
    bool in_tail = k > skip && rec->field_line[k - skip - 1] < *line;
    for (size_t s = 0; s < skip + in_tail && *p; s++) {
        if (*p == '"' || (s == 0 && in_tail)) {
            p += !(s == 0 && in_tail);
            while (*p && !(*p == '"' && p[1] != '"'))
                p += (*p == '"') ? 2 : 1;
            if (*p)
                p++;
        }
        while (*p && *p != ',' && *p != '\n')
            p++;
        if (*p == ',')
            p++;
    }
    const char *start = rec->text + rec->field_line_start[k];
    *column = (long)exo__utf8_chars(start, (size_t)(p - start)) + 1;
}

exo_code exo__csv_read_mem(const char *text, size_t len, const char *name,
                           csv_record_fn fn, void *ud, exo_err *err)
{
    struct csv_parser parser;
    struct reader r = {0};
    exo_code rc = EXO_OK;
    size_t pos = 0;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_EMPTY_IS_NULL))
        return exo__fail(err, EXO_ENOMEM, "cannot start the CSV parser");
    r.fn = fn;
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
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        r.line_start = pos;
        if (r.next_line_start == (size_t)-1)
            r.next_line_start = pos;
        /* A blank line between records is no record (libcsv skips it), so
         * the next record starts on a later line. Inside a quoted field
         * the field began on an earlier line and nothing moves. */
        size_t body = end - pos - (nl ? 1 : 0);
        bool blank = body == 0 || (body == 1 && text[pos] == '\r');
        if (blank && r.rec.n_fields == 0 && r.next_line == r.line) {
            r.next_line = r.line + 1;
            r.next_line_start = end;
        }
        if (csv_parse(&parser, text + pos, end - pos, on_field, on_record,
                      &r) != end - pos) {
            rc = exo__fail_at(err, EXO_EDATA, name, r.line, 0,
                              "malformed CSV: %s (expected RFC 4180 quoting)",
                              csv_strerror(csv_error(&parser)));
            goto out;
        }
        pos = end;
        r.line++;
    }
    if (!r.stop && !r.code) {
        r.line--; /* the last line fed */
        if (csv_fini(&parser, on_field, on_record, &r)) {
            rc = exo__fail_at(err, EXO_EDATA, name, r.next_line, 0,
                              "malformed CSV: %s (expected a closing quote)",
                              csv_strerror(csv_error(&parser)));
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
    exo_code rc = exo__read_file(path, &text, &len, err);
    if (rc)
        return rc;
    rc = exo__csv_read_mem(text, len, name, fn, ud, err);
    exo__free(text);
    return rc;
}
