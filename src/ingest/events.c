/*
 * events.c - event files for 'exodus spiral --events': one event a record,
 * its time a number or an ISO date, optionally a column naming its stream.
 * A bare year ("2015") is a date known to the year in a column of dates.
 * Read through the same RFC 4180 reader as every import (csv.c), so quoted
 * fields, long fields, CRLF, a BOM and gzip all work, and every error
 * names the file, line and column. Records whose first field starts with
 * '#' are comments.
 */
#include <math.h>
#include <string.h>

#include "core/date.h"
#include "core/exo.h"
#include "core/number.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "ingest/csv.h"

#define MAX_STREAMS 8

struct reader {
    const char *name;
    const exo_event_file_opts *o;
    exo_event_file *f;
    size_t cap, lab_cap;       /* of f->times and f->widths; of lab */
    long time_col, stream_col; /* 0-based; -1: found in the header */
    bool need_header, seen_date, seen_number;
    size_t width; /* fields in every record; 0 until the first */
    int *lab;     /* per event: index into f->labels in file order */
    /* Bare four-digit years ("2015") are numbers in a column of numbers
     * and year-precision dates in a column of dates: which, only the
     * whole file tells. Their indices wait here. */
    size_t *years, n_years, years_cap;
};

/* A 1-based column number, or -1 for a name (found in the header). */
static exo_code column_number(const char *text, const char *flag, long *out,
                              exo_err *err)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (end == text || *end != '\0') {
        *out = -1;
        return EXO_OK;
    }
    if (v < 1)
        return exo__fail(err, EXO_EINVAL,
                         "%s: column %ld (columns count from 1)", flag, v);
    *out = v - 1;
    return EXO_OK;
}

/*
 * A decimal number or an ISO date; '*is_date' says which. A bare "2015" is
 * a number: only a text with a '-' after its first character may be a
 * date. Hexadecimal, "inf" and "nan" are not times.
 */
static bool parse_time(const char *text, double *t, double *width,
                       bool *is_date)
{
    exo_date d;
    if (text[0] && strchr(text + 1, '-') &&
        exo_date_parse(text, &d, NULL) == EXO_OK) {
        *t = d.days;
        *width = exo__precision_days(d.days, d.precision);
        *is_date = true;
        return true;
    }
    double v;
    if (exo__parse_decimal(text, &v)) {
        *t = v;
        *width = 0.0;
        *is_date = false;
        return true;
    }
    return false;
}

/* The error at field 'k' of 'rec': file, line and column. */
#define FAIL_AT(k, ...)                                                        \
    (exo__csv_field_location(rec, (k), &line, &column),                        \
     exo__fail_at(err, EXO_EDATA, r->name, line, column, __VA_ARGS__))

static exo_code header(struct reader *r, const struct csv_record *rec,
                       exo_err *err)
{
    const char *names[2] = {r->o->time_column, r->o->stream_column};
    long *want[2] = {&r->time_col, &r->stream_col};
    for (int w = 0; w < 2; w++) {
        if (!names[w] || *want[w] >= 0)
            continue;
        for (size_t i = 0; i < rec->n_fields; i++)
            if (strcmp(rec->field[i], names[w]) == 0)
                *want[w] = (long)i;
        if (*want[w] < 0)
            return exo__fail_at(err, EXO_EDATA, r->name, rec->line, 1,
                                "no column '%s' in the header", names[w]);
    }
    r->need_header = false;
    return EXO_OK;
}

static exo_code stream_of(struct reader *r, const struct csv_record *rec,
                          exo_err *err)
{
    exo_event_file *f = r->f;
    long line, column;
    size_t k = (size_t)r->stream_col;
    if (k >= rec->n_fields)
        return exo__fail_at(err, EXO_EDATA, r->name, rec->line, 1,
                            "no column %zu on this line", k + 1);
    enum exo_bad_char kind;
    char what[64];
    /* Labels are printed: text a terminal shows as it is. */
    long at = exo__text_bad_char(rec->field[k], rec->len[k], true, &kind, what,
                                 sizeof what);
    if (at >= 0)
        return FAIL_AT(k, "%s at character %zu of a stream label (expected %s)",
                       what, exo__utf8_chars(rec->field[k], (size_t)at) + 1,
                       kind == EXO_BAD_UTF8 ? "UTF-8 text"
                                            : "a label on one line, without "
                                              "control characters");
    size_t d = 0;
    while (d < f->n_streams && strcmp(f->labels[d], rec->field[k]) != 0)
        d++;
    if (d == f->n_streams) {
        if (d == MAX_STREAMS)
            return FAIL_AT(k,
                           "stream '%s' is one more than the 8 streams the "
                           "multivariate model takes",
                           rec->field[k]);
        f->labels[d] = exo__strdup(rec->field[k]);
        if (!f->labels[d])
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        f->n_streams++;
    }
    size_t n = f->n; /* the event's index: its time is pushed next */
    if (EXO_VEC_PUSH(r->lab, n, r->lab_cap, (int)d))
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    return EXO_OK;
}

/* The record callback with its error sink: csv.c's callback returns a
 * code only, so the reader keeps the error beside its state. */
struct sink {
    struct reader r;
    exo_err *err;
};

static int on_event(void *ud, const struct csv_record *rec)
{
    struct sink *s = ud;
    struct reader *r = &s->r;
    exo_event_file *f = r->f;
    exo_err *err = s->err;
    long line, column;
    if (rec->n_fields == 0 ||
        (rec->n_fields == 1 && rec->len[0] == 0)) /* blank line */
        return EXO_OK;
    if (rec->field[0][0] == '#')
        return EXO_OK;
    /* The first record that is not a comment sets the width. */
    exo_code rc;
    if (!r->width)
        r->width = rec->n_fields;
    else if ((rc = exo__csv_check_width(rec, r->width, r->name, err)))
        return rc;
    if (r->need_header)
        return header(r, rec, err);
    if (r->stream_col >= 0 && (rc = stream_of(r, rec, err)))
        return rc;
    size_t k = (size_t)r->time_col;
    if (k >= rec->n_fields)
        return exo__fail_at(err, EXO_EDATA, r->name, rec->line, 1,
                            "no column %zu on this line", k + 1);
    const char *text = rec->field[k];
    if (strlen(text) != rec->len[k])
        return FAIL_AT(k, "'%s...' holds a NUL byte", text);
    double t, width;
    bool is_date;
    if (!parse_time(text, &t, &width, &is_date))
        return FAIL_AT(k,
                       "'%s' is not a time (expected a number or a date as "
                       "YYYY-MM-DD, YYYY-MM or YYYY)",
                       text);
    bool bare_year =
        !is_date && strlen(text) == 4 && strspn(text, "0123456789") == 4;
    if (bare_year) {
        size_t m = r->n_years;
        if (EXO_VEC_PUSH(r->years, m, r->years_cap, f->n))
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        r->n_years = m;
    }
    if ((is_date && r->seen_number) || (!is_date && !bare_year && r->seen_date))
        return FAIL_AT(k, "'%s' mixes numbers and dates in one column", text);
    r->seen_date |= is_date;
    r->seen_number |= !is_date && !bare_year;
    if (!is_date) {
        const char *dot = strchr(text, '.');
        size_t decimals = dot ? strspn(dot + 1, "0123456789") : 0;
        double step = pow(10.0, -(double)decimals);
        if (f->step == 0.0 || step < f->step)
            f->step = step;
    }
    /* Times and widths grow together: one capacity for both. */
    if (f->n == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 1024;
        double *nt = exo__reallocarray(f->times, cap, sizeof *nt);
        if (nt)
            f->times = nt;
        double *nw = nt ? exo__reallocarray(f->widths, cap, sizeof *nw) : NULL;
        if (!nw)
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        f->widths = nw;
        r->cap = cap;
    }
    f->times[f->n] = t;
    f->widths[f->n] = width;
    f->n++;
    return EXO_OK;
}

static int cmp_label(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    char *ex, *ey;
    double u = strtod(x, &ex), v = strtod(y, &ey);
    if (ex != x && *ex == '\0' && ey != y && *ey == '\0' && u != v)
        return (u > v) - (u < v); /* numeric labels in numeric order */
    return strcmp(x, y);
}

/* (time, file position, width, stream) for sorting. */
struct row {
    double t, w;
    size_t i;
    int d;
};

static int cmp_row(const void *a, const void *b)
{
    const struct row *x = a, *y = b;
    if (x->t != y->t)
        return (x->t > y->t) - (x->t < y->t);
    return (x->i > y->i) - (x->i < y->i);
}

/* Sorts by time (file order among equal times), maps stream labels to
 * their sorted order, and marks tied numbers for spreading. */
static exo_code finish(struct reader *r, exo_err *err)
{
    exo_event_file *f = r->f;
    size_t n = f->n, D = f->n_streams;
    int remap[MAX_STREAMS];
    if (r->seen_date)
        for (size_t k = 0; k < r->n_years; k++) {
            size_t i = r->years[k];
            int32_t days = exo_days_from_civil((int)f->times[i], 1, 1);
            f->times[i] = days;
            f->widths[i] = exo__precision_days(days, EXO_PREC_YEAR);
        }
    else if (r->n_years)
        r->seen_number = true;
    if (D) {
        char *sorted[MAX_STREAMS];
        memcpy(sorted, f->labels, D * sizeof *sorted);
        exo__qsort(sorted, D, sizeof *sorted, cmp_label);
        for (size_t d = 0; d < D; d++)
            for (size_t e = 0; e < D; e++)
                if (sorted[e] == f->labels[d])
                    remap[d] = (int)e;
        memcpy(f->labels, sorted, D * sizeof *sorted);
        f->streams = exo__calloc(n ? n : 1, sizeof *f->streams);
        if (!f->streams)
            return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    struct row *rows = exo__calloc(n ? n : 1, sizeof *rows);
    if (!rows)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        rows[i].t = f->times[i];
        rows[i].w = f->widths[i];
        rows[i].i = i;
        rows[i].d = D ? remap[r->lab[i]] : 0;
    }
    exo__qsort(rows, n, sizeof *rows, cmp_row);
    for (size_t i = 0; i < n; i++) {
        f->times[i] = rows[i].t;
        /* Multivariate streams keep their times exact. */
        f->widths[i] = D ? 0.0 : rows[i].w;
        if (D)
            f->streams[i] = rows[i].d;
    }
    exo__free(rows);
    f->dates = r->seen_date;
    /* Numbers written to a finite step tie as dates do: a value printed as
     * 3.123456 is known only within 1e-6, and exact ties make the
     * likelihood unbounded. Unless ties_exact, events sharing a time are
     * spread within that step (the others stay). */
    for (size_t i = 0; !f->dates && !D && !r->o->ties_exact && i < n; i++) {
        bool tied = (i > 0 && f->times[i] == f->times[i - 1]) ||
                    (i + 1 < n && f->times[i] == f->times[i + 1]);
        if (tied) {
            f->widths[i] = f->step;
            f->n_tied++;
        }
    }
    return EXO_OK;
}

exo_code exo_event_file_load(const char *path, const exo_event_file_opts *opts,
                             exo_event_file *out, exo_err *err)
{
    exo_event_file_opts defaults = {0};
    struct sink s;
    exo_code rc;
    memset(out, 0, sizeof *out);
    memset(&s, 0, sizeof s);
    if (!opts)
        opts = &defaults;
    s.err = err;
    s.r.name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    s.r.o = opts;
    s.r.f = out;
    s.r.time_col = 0;
    s.r.stream_col = -2; /* none */
    if (opts->time_column &&
        (rc = column_number(opts->time_column, "--time", &s.r.time_col, err)))
        return rc;
    if (opts->stream_column) {
        if ((rc = column_number(opts->stream_column, "--stream",
                                &s.r.stream_col, err)))
            return rc;
        if (!opts->time_column && s.r.stream_col >= 0)
            s.r.time_col = s.r.stream_col == 0 ? 1 : 0; /* the other one */
    }
    s.r.need_header = s.r.time_col == -1 || s.r.stream_col == -1;
    rc = exo__csv_read(path, s.r.name, on_event, &s, err);
    if (!rc)
        rc = finish(&s.r, err);
    exo__free(s.r.lab);
    exo__free(s.r.years);
    if (rc)
        exo_event_file_release(out);
    return rc;
}

void exo_event_file_release(exo_event_file *f)
{
    if (!f)
        return;
    exo__free(f->times);
    exo__free(f->widths);
    exo__free(f->streams);
    for (size_t d = 0; d < f->n_streams; d++)
        exo__free(f->labels[d]);
    memset(f, 0, sizeof *f);
}
