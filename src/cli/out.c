/*
 * out.c - aligned text tables and a small JSON writer for stdout. Column
 * widths count characters, not bytes, so names with accents still align.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

struct table {
    int n_cols;
    char **headers;
    bool *right;
    size_t n_rows, cap;
    char **cells; /* n_rows * n_cols */
};

static void *xmalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fprintf(stderr, "exodus: out of memory\n");
        exit(CLI_EXIT_NOMEM);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xmalloc(n);
    memcpy(p, s, n);
    return p;
}

struct table *table_new(int n_cols, const char *const *headers)
{
    struct table *t = xmalloc(sizeof *t);
    t->n_cols = n_cols;
    t->headers = xmalloc(sizeof(char *) * (size_t)n_cols);
    t->right = xmalloc(sizeof(bool) * (size_t)n_cols);
    for (int i = 0; i < n_cols; i++)
        t->headers[i] = xstrdup(headers[i] ? headers[i] : "");
    return t;
}

void table_align_right(struct table *t, int col)
{
    if (col >= 0 && col < t->n_cols)
        t->right[col] = true;
}

void table_row(struct table *t, const char *const *cells)
{
    if (t->n_rows == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 16;
        char **c =
            realloc(t->cells, sizeof(char *) * t->cap * (size_t)t->n_cols);
        if (!c) {
            fprintf(stderr, "exodus: out of memory\n");
            exit(CLI_EXIT_NOMEM);
        }
        t->cells = c;
    }
    for (int i = 0; i < t->n_cols; i++) {
        char *cell = xstrdup(cells[i] ? cells[i] : "");
        for (char *p = cell; *p; p++)
            if (*p == '\n' || *p == '\r' || *p == '\t')
                *p = ' '; /* one row, one line */
        t->cells[t->n_rows * (size_t)t->n_cols + (size_t)i] = cell;
    }
    t->n_rows++;
}

void table_rowf(struct table *t, const char *fmt, ...)
{
    char line[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    const char *cells[64] = {0};
    char *p = line;
    for (int i = 0; i < t->n_cols && i < 64; i++) {
        cells[i] = p;
        char *tab = p ? strchr(p, '\t') : NULL;
        if (tab) {
            *tab = '\0';
            p = tab + 1;
        } else {
            p = NULL;
        }
    }
    table_row(t, cells);
}

static size_t display_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Appends 's' padded to 'width' characters to 'line'. */
static void put_cell(char **line, size_t *len, size_t *cap, const char *s,
                     size_t width, bool right)
{
    size_t w = display_width(s), n = strlen(s);
    size_t pad = width > w ? width - w : 0;
    if (*len + n + pad + 3 > *cap) {
        *cap = 2 * (*len + n + pad + 3);
        char *p = realloc(*line, *cap);
        if (!p) {
            fprintf(stderr, "exodus: out of memory\n");
            exit(CLI_EXIT_NOMEM);
        }
        *line = p;
    }
    if (right) {
        memset(*line + *len, ' ', pad);
        *len += pad;
    }
    memcpy(*line + *len, s, n);
    *len += n;
    if (!right) {
        memset(*line + *len, ' ', pad);
        *len += pad;
    }
}

/* Prints one row with two spaces between columns and no trailing blanks. */
static void print_row(FILE *out, const char *indent, char *const *cells,
                      const size_t *width, const bool *right, int n_cols)
{
    char *line = NULL;
    size_t len = 0, cap = 0;
    put_cell(&line, &len, &cap, indent ? indent : "", 0, false);
    for (int c = 0; c < n_cols; c++) {
        if (c)
            put_cell(&line, &len, &cap, "  ", 0, false);
        put_cell(&line, &len, &cap, cells[c], width[c], right[c]);
    }
    while (len > 0 && line[len - 1] == ' ')
        len--;
    fwrite(line, 1, len, out);
    fputc('\n', out);
    free(line);
}

void table_print(struct table *t, FILE *out, const char *indent)
{
    size_t *width = xmalloc(sizeof(size_t) * (size_t)t->n_cols);
    for (int c = 0; c < t->n_cols; c++) {
        width[c] = display_width(t->headers[c]);
        for (size_t r = 0; r < t->n_rows; r++) {
            size_t w =
                display_width(t->cells[r * (size_t)t->n_cols + (size_t)c]);
            if (w > width[c])
                width[c] = w;
        }
    }
    print_row(out, indent, t->headers, width, t->right, t->n_cols);
    for (size_t r = 0; r < t->n_rows; r++)
        print_row(out, indent, &t->cells[r * (size_t)t->n_cols], width,
                  t->right, t->n_cols);
    free(width);
}

void table_free(struct table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_rows * (size_t)t->n_cols; i++)
        free(t->cells[i]);
    for (int c = 0; c < t->n_cols; c++)
        free(t->headers[c]);
    free(t->headers);
    free(t->right);
    free(t->cells);
    free(t);
}

/* ==== JSON ==== */

static void json_escape(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            fputs("\\\"", out);
            break;
        case '\\':
            fputs("\\\\", out);
            break;
        case '\n':
            fputs("\\n", out);
            break;
        case '\r':
            fputs("\\r", out);
            break;
        case '\t':
            fputs("\\t", out);
            break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void json_key(struct json_out *j, const char *key)
{
    if (j->need_comma[j->depth])
        fputc(',', j->out);
    j->need_comma[j->depth] = true;
    if (j->pretty) {
        fputc('\n', j->out);
        for (int i = 0; i < j->depth; i++)
            fputs("  ", j->out);
    }
    if (key) {
        json_escape(j->out, key);
        fputs(j->pretty ? ": " : ":", j->out);
    }
}

void json_begin(struct json_out *j, FILE *out)
{
    memset(j, 0, sizeof *j);
    j->out = out;
    j->pretty = true;
    fputc('{', out);
    j->depth = 1;
}

void json_end(struct json_out *j)
{
    j->depth = 0;
    if (j->pretty)
        fputc('\n', j->out);
    fputs("}\n", j->out);
}

static void open_container(struct json_out *j, const char *key, char c)
{
    json_key(j, key);
    fputc(c, j->out);
    if (j->depth < 63)
        j->depth++;
    j->need_comma[j->depth] = false;
}

static void close_container(struct json_out *j, char c)
{
    bool had = j->need_comma[j->depth];
    j->depth--;
    if (j->pretty && had) {
        fputc('\n', j->out);
        for (int i = 0; i < j->depth; i++)
            fputs("  ", j->out);
    }
    fputc(c, j->out);
}

void json_obj_open(struct json_out *j, const char *key)
{
    open_container(j, key, '{');
}

void json_obj_close(struct json_out *j)
{
    close_container(j, '}');
}

void json_arr_open(struct json_out *j, const char *key)
{
    open_container(j, key, '[');
}

void json_arr_close(struct json_out *j)
{
    close_container(j, ']');
}

void json_str(struct json_out *j, const char *key, const char *value)
{
    json_key(j, key);
    if (value)
        json_escape(j->out, value);
    else
        fputs("null", j->out);
}

void json_num(struct json_out *j, const char *key, double value)
{
    json_key(j, key);
    if (isfinite(value))
        fprintf(j->out, "%.17g", value);
    else
        fputs("null", j->out);
}

void json_int(struct json_out *j, const char *key, long long value)
{
    json_key(j, key);
    fprintf(j->out, "%lld", value);
}

void json_bool(struct json_out *j, const char *key, bool value)
{
    json_key(j, key);
    fputs(value ? "true" : "false", j->out);
}

void json_none(struct json_out *j, const char *key)
{
    json_key(j, key);
    fputs("null", j->out);
}

void json_raw(struct json_out *j, const char *key, const char *text)
{
    json_key(j, key);
    fputs(text, j->out);
}

void json_date(struct json_out *j, const char *key, int32_t days)
{
    char buf[11];
    exo_date_format(days, buf);
    json_str(j, key, buf);
}

void fmt_date(char buf[static 11], exo_date date)
{
    exo_date_format(date.days, buf);
    if (date.precision == EXO_PREC_MONTH)
        buf[7] = '\0';
    else if (date.precision == EXO_PREC_YEAR)
        buf[4] = '\0';
}
