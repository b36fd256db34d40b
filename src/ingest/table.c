/*
 * table.c - named CSV columns as text, and on top of them the arrays of
 * 'exodus survival --data': times, events, groups, covariates (numbers,
 * or factors expanded to treatment contrasts as R's model.matrix does).
 */
#include "ingest/table.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/exo.h"
#include "core/hmap.h"
#include "core/number.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "ingest/csv.h"

void exo__table_release(struct table *t)
{
    if (!t)
        return;
    exo__free(t->offset);
    exo__free(t->line);
    exo__free(t->pos);
    exo__free(t->row_at);
    exo__buf_release(&t->text);
    memset(t, 0, sizeof *t);
}

struct load_state {
    struct table *t;
    const char *const *names;
    size_t n_names;
    size_t *field_of; /* file field index of each requested column */
    size_t n_header;
    bool have_header;
    size_t cap_rows;
    bool plain; /* load_plain: rows located by row_at, not pos */
    exo_err *err;
};

void exo__table_where(const struct table *t, size_t row, size_t col, long *line,
                      long *column)
{
    if (t->pos) {
        const struct table_pos *p = &t->pos[row * t->n_cols + col];
        *line = (long)p->line;
        *column = (long)p->column;
        return;
    }
    size_t from = t->row_at[row], at = t->offset[row * t->n_cols + col];
    *line = t->line[row];
    *column = (long)exo__utf8_chars(t->text.data + from, at - from) + 1;
}

/* A cell read must be UTF-8 text without control characters: group and
 * level names reach the terminal. Unread columns may hold anything. */
static exo_code check_cell(const struct load_state *s, const char *cell,
                           size_t r, size_t c)
{
    enum exo_bad_char kind;
    char what[64];
    long line, column;
    long at =
        exo__text_bad_char(cell, strlen(cell), false, &kind, what, sizeof what);
    if (at < 0)
        return EXO_OK;
    exo__table_where(s->t, r, c, &line, &column);
    return exo__fail_at(
        s->err, EXO_EDATA, s->t->file, line, column,
        "%s at character %zu of column '%s' (expected %s)", what,
        exo__utf8_chars(cell, (size_t)at) + 1, s->names[c],
        kind == EXO_BAD_UTF8 ? "UTF-8 text"
                             : "text without control characters other than "
                               "tab and line breaks");
}

/*
 * Matches the requested names to the header's 'nf' fields. A name the
 * header holds twice is EXO_EDATA with the second's index in '*dup' and
 * the first's in '*first' (the caller locates it): which of the two a
 * request would mean cannot be told.
 */
static exo_code take_header(struct load_state *s, const char *const *field,
                            size_t nf, size_t *dup, size_t *first)
{
    struct hmap seen = HMAP_INIT;
    exo_code rc = EXO_OK;
    s->have_header = true;
    s->n_header = nf;
    for (size_t f = 0; f < nf && rc == EXO_OK; f++) {
        int64_t at;
        if (exo__hmap_get(&seen, field[f], &at)) {
            *dup = f;
            *first = (size_t)at;
            rc = EXO_EDATA;
        } else if (exo__hmap_put(&seen, field[f], (int64_t)f)) {
            rc = exo__fail(s->err, EXO_ENOMEM, "out of memory");
        }
    }
    exo__hmap_release(&seen);
    for (size_t c = 0; c < s->n_names && rc == EXO_OK; c++) {
        size_t f;
        for (f = 0; f < nf; f++)
            if (strcmp(field[f], s->names[c]) == 0)
                break;
        if (f == nf)
            return exo__fail(s->err, EXO_EINVAL, "no column '%s' in '%s'",
                             s->names[c], s->t->file);
        s->field_of[c] = f;
    }
    return rc;
}

static exo_code duplicate_error(struct load_state *s, const char *name,
                                long line, long column, size_t first)
{
    return exo__fail_at(s->err, EXO_EDATA, s->t->file, line, column,
                        "duplicate column '%s' (expected each column name "
                        "once; field %zu of the header has it too)",
                        name, first + 1);
}

/* Room for one more row, which starts on 'line'. */
static exo_code add_row(struct load_state *s, long line)
{
    struct table *t = s->t;
    if (t->n_rows == s->cap_rows) {
        size_t cap = s->cap_rows ? 2 * s->cap_rows : 1024;
        size_t *o = exo__reallocarray(t->offset, cap * t->n_cols, sizeof *o);
        if (o)
            t->offset = o;
        long *l = o ? exo__reallocarray(t->line, cap, sizeof *l) : NULL;
        if (l)
            t->line = l;
        bool ok = l != NULL;
        if (ok && s->plain) {
            size_t *a = exo__reallocarray(t->row_at, cap, sizeof *a);
            if ((ok = a != NULL))
                t->row_at = a;
        } else if (ok) {
            struct table_pos *p =
                exo__reallocarray(t->pos, cap * t->n_cols, sizeof *p);
            if ((ok = p != NULL))
                t->pos = p;
        }
        if (!ok)
            return exo__fail(s->err, EXO_ENOMEM, "out of memory");
        s->cap_rows = cap;
    }
    t->line[t->n_rows++] = line;
    return EXO_OK;
}

static void set_pos(struct table *t, size_t row, size_t col, long line,
                    long column)
{
    struct table_pos *p = &t->pos[row * t->n_cols + col];
    /* Only a cap raised past 4 GiB (--max-input) can reach 2^32 lines or
     * columns; such a place is shown as the last one 32 bits hold rather
     * than wrapped round to the top of the file. */
    p->line = line > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)line;
    p->column = column > (long)UINT32_MAX ? UINT32_MAX : (uint32_t)column;
}

static int on_record(void *ud, const struct csv_record *rec)
{
    struct load_state *s = ud;
    struct table *t = s->t;
    if (rec->index == 0) {
        size_t dup, first;
        exo_code rc = take_header(s, (const char *const *)rec->field,
                                  rec->n_fields, &dup, &first);
        if (rc == EXO_EDATA) {
            long line, column;
            exo__csv_field_location(rec, dup, &line, &column);
            return duplicate_error(s, rec->field[dup], line, column, first);
        }
        return rc;
    }
    if (rec->n_fields == 1 && rec->len[0] == 0)
        return EXO_OK; /* a blank line */
    exo_code rc = exo__csv_check_width(rec, s->n_header, t->file, s->err);
    if (rc)
        return rc;
    if ((rc = add_row(s, rec->line)))
        return rc;
    size_t r = t->n_rows - 1;
    for (size_t c = 0; c < t->n_cols; c++) {
        size_t f = s->field_of[c];
        long line, column;
        exo__csv_field_location(rec, f, &line, &column);
        set_pos(t, r, c, line, column);
        if ((rc = check_cell(s, rec->field[f], r, c)))
            return rc;
        t->offset[r * t->n_cols + c] = t->text.len;
        if (exo__buf_add(&t->text, rec->field[f], rec->len[f]) != 0 ||
            exo__buf_addch(&t->text, '\0') != 0)
            return exo__fail(s->err, EXO_ENOMEM, "out of memory");
    }
    return EXO_OK;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* True when libcsv would read 'text' as plain comma-separated fields: no
 * quotes, and every carriage return ends a line ("\r\n"). */
static bool plain_csv(const char *text, size_t len)
{
    if (memchr(text, '"', len))
        return false;
    for (const char *p = text, *end = text + len;
         (p = memchr(p, '\r', (size_t)(end - p))) != NULL; p++)
        if (p + 1 == end || p[1] != '\n')
            return false;
    return true;
}

static bool csv_blank(char c)
{
    return c == ' ' || c == '\t'; /* what libcsv trims around a field */
}

/* True when the bytes [p, end) are printable ASCII or tabs: no cell cut
 * from them can hold what check_cell rejects, so it need not look. */
static bool plain_ascii(const char *p, const char *end)
{
    unsigned bad = 0;
    for (; p < end; p++) {
        unsigned char c = (unsigned char)*p;
        bad |= (unsigned)((unsigned char)(c - 0x20) > 0x5E && c != '\t');
    }
    return !bad;
}

/* Room for every row of a text of 'len' bytes at once: at most one per
 * line, so the arrays are never grown (and copied) row by row. */
static exo_code reserve_rows(struct load_state *s, const char *text, size_t len)
{
    size_t lines = 1;
    for (const char *p = text, *end = text + len;
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        lines++;
    struct table *t = s->t;
    size_t cells;
    if (__builtin_mul_overflow(lines, t->n_cols, &cells))
        return exo__fail(s->err, EXO_ENOMEM, "out of memory");
    t->offset = exo__reallocarray(NULL, cells, sizeof *t->offset);
    t->line = exo__reallocarray(NULL, lines, sizeof *t->line);
    t->row_at = exo__reallocarray(NULL, lines, sizeof *t->row_at);
    if (!t->offset || !t->line || !t->row_at)
        return exo__fail(s->err, EXO_ENOMEM, "out of memory");
    s->cap_rows = lines;
    return EXO_OK;
}

/*
 * exo__table_load for a plain file (plain_csv): the fields are cut in
 * place, each ended by a NUL where its comma or newline was, and the
 * table keeps the file's buffer as its text, so nothing is copied. Blank
 * lines are skipped and the blanks around a field trimmed, as libcsv
 * does; the header is the first line that is not blank. A cell's column
 * is counted only when an error names it (exo__table_where).
 */
static exo_code load_plain(char *text, size_t len, struct load_state *s)
{
    struct table *t = s->t;
    size_t pos = 0, *start = NULL, cap_fields = 0;
    long line = 0;
    bool header = true;
    s->plain = true;
    exo_code rc = reserve_rows(s, text, len);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3; /* a UTF-8 byte order mark */
    while (pos < len && rc == EXO_OK) {
        char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t next = nl ? end + 1 : len;
        line++;
        if (end > pos && text[end - 1] == '\r')
            end--;
        /* before the cut: the NULs written below would count as bad */
        bool ascii = !header && plain_ascii(text + pos, text + end);
        text[end] = '\0';
        size_t b = pos;
        while (b < end && csv_blank(text[b]))
            b++;
        if (b == end) { /* a blank line */
            pos = next;
            continue;
        }
        /* split at the commas: field k is [start[k], its NUL) */
        size_t nf = 0, extra_at = 0; /* where field n_header starts */
        for (size_t q = pos;;) {
            if (!header && nf == s->n_header)
                extra_at = q;
            if (nf == cap_fields) {
                size_t c = cap_fields ? 2 * cap_fields : 32;
                size_t *ns = exo__reallocarray(start, c, sizeof *ns);
                if (!ns) {
                    rc = exo__fail(s->err, EXO_ENOMEM, "out of memory");
                    break;
                }
                start = ns;
                cap_fields = c;
            }
            while (q < end && csv_blank(text[q]))
                q++;
            start[nf++] = q;
            char *comma = memchr(text + q, ',', end - q);
            size_t e = comma ? (size_t)(comma - text) : end;
            size_t te = e;
            while (te > q && csv_blank(text[te - 1]))
                te--;
            text[te] = '\0';
            if (!comma)
                break;
            q = e + 1;
        }
        if (rc != EXO_OK)
            break;
        if (header) {
            header = false;
            const char **field = exo__calloc(nf, sizeof *field);
            if (!field) {
                rc = exo__fail(s->err, EXO_ENOMEM, "out of memory");
                break;
            }
            for (size_t f = 0; f < nf; f++)
                field[f] = text + start[f];
            size_t dup, first;
            rc = take_header(s, field, nf, &dup, &first);
            exo__free(field);
            if (rc == EXO_EDATA)
                rc = duplicate_error(
                    s, text + start[dup], line,
                    (long)exo__utf8_chars(text + pos, start[dup] - pos) + 1,
                    first);
            pos = next;
            continue;
        }
        if (nf != s->n_header) {
            size_t at = nf > s->n_header ? extra_at : end;
            long column = (long)exo__utf8_chars(text + pos, at - pos) + 1;
            rc = exo__csv_width_error(s->err, t->file, line, column, nf,
                                      s->n_header);
            break;
        }
        if ((rc = add_row(s, line)))
            break;
        size_t r = t->n_rows - 1;
        t->row_at[r] = pos;
        for (size_t c = 0; c < t->n_cols && rc == EXO_OK; c++) {
            size_t at = start[s->field_of[c]];
            t->offset[r * t->n_cols + c] = at;
            if (!ascii)
                rc = check_cell(s, text + at, r, c);
        }
        pos = next;
    }
    exo__free(start);
    return rc; /* no header at all: no rows, as from libcsv */
}

exo_code exo__table_load(const char *path, const char *const *names,
                         size_t n_names, struct table *out, exo_err *err)
{
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", base_name(path));
    out->n_cols = n_names;
    struct load_state s = {
        .t = out, .names = names, .n_names = n_names, .err = err};
    s.field_of = exo__calloc(n_names ? n_names : 1, sizeof *s.field_of);
    if (!s.field_of)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    char *text;
    size_t len;
    exo_code rc = exo__read_input(path, out->file, &text, &len, err);
    if (rc == EXO_OK && plain_csv(text, len)) {
        /* the table owns the file's text from here */
        out->text.data = text;
        out->text.len = len;
        out->text.cap = len + 1;
        rc = load_plain(text, len, &s);
    } else if (rc == EXO_OK) {
        rc = exo__csv_read_mem(text, len, out->file, on_record, &s, err);
        exo__free(text);
    }
    exo__free(s.field_of);
    if (rc == EXO_OK && !s.have_header)
        rc = exo__fail_at(err, EXO_EDATA, out->file, 1, 1,
                          "the file is empty (expected a header row)");
    if (rc == EXO_OK && out->n_rows == 0 && exo__buf_addch(&out->text, 0))
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
    if (rc != EXO_OK)
        exo__table_release(out);
    return rc;
}

/* ==== survival arrays ==== */

enum term_kind { TERM_AUTO, TERM_FACTOR, TERM_STRATA, TERM_CONTAGION };

struct term {
    enum term_kind kind;
    char col[128]; /* contagion: the group column, or "" for every row */
    double window;
};

#define DECIMAL "a decimal number such as 12, 0.5 or 1e-3"

static bool is_missing(const char *s)
{
    return s[0] == '\0' || strcmp(s, "NA") == 0;
}

/*
 * A plain decimal ([+-]digits[.digits], at most 19 significant digits)
 * converted with one correctly rounded operation, as strtod would give
 * it: m / 10^f is exact-then-rounded when m < 2^53 and f <= 22 (Clinger's
 * fast path); a larger m goes through long double, whose one rounding is
 * followed by the rounding to double, which is right unless the first
 * landed exactly half-way between two doubles, a case left to strtod.
 * False means "ask strtod".
 */
static bool fast_decimal(const char *s, double *out)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    uint64_t m = 0;
    int sig = 0, frac = 0, digits = 0;
    bool point = false;
    for (;; s++) {
        if (*s >= '0' && *s <= '9') {
            if (m > 0 || *s != '0')
                sig++;
            if (sig > 19)
                return false;
            m = 10 * m + (uint64_t)(*s - '0');
            digits++;
            frac += point;
        } else if (*s == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (*s || digits == 0)
        return false;
    double v;
    if (m < ((uint64_t)1 << 53) && frac <= 22) {
        v = (double)m / p10[frac];
    } else {
#if LDBL_MANT_DIG >= 64
        static const long double p10l[] = {
            1e0L,  1e1L,  1e2L,  1e3L,  1e4L,  1e5L,  1e6L,
            1e7L,  1e8L,  1e9L,  1e10L, 1e11L, 1e12L, 1e13L,
            1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L, 1e20L,
            1e21L, 1e22L, 1e23L, 1e24L, 1e25L, 1e26L, 1e27L};
        if (frac > 27)
            return false;
        long double r = (long double)m / p10l[frac];
        v = (double)r;
        long double lv = (long double)v;
        if (r != lv) {
            long double other = (long double)(r > lv ? nextafter(v, EXO_INF)
                                                     : nextafter(v, -EXO_INF));
            if (r - lv == other - r)
                return false; /* half-way: let strtod round it */
        }
#else
        return false;
#endif
    }
    *out = neg ? -v : v;
    return true;
}

/* A finite decimal number filling the whole cell (surrounding blanks
 * allowed): not "0x10", "inf" or "nan", which strtod alone would take. */
static bool parse_num(const char *s, double *out)
{
    if (fast_decimal(s, out))
        return true;
    char buf[128];
    while (isspace((unsigned char)*s))
        s++;
    size_t len = strlen(s);
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return exo__parse_decimal(buf, out);
}

static void trim_copy(char *dst, size_t size, const char *s, size_t len)
{
    while (len && isspace((unsigned char)*s)) {
        s++;
        len--;
    }
    while (len && isspace((unsigned char)s[len - 1]))
        len--;
    if (len >= size)
        len = size - 1;
    memcpy(dst, s, len);
    dst[len] = '\0';
}

static exo_code parse_formula(const char *f, struct term **terms,
                              size_t *n_terms, exo_err *err)
{
    size_t cap = 0;
    *terms = NULL;
    *n_terms = 0;
    while (f && *f) {
        const char *plus = strchr(f, '+');
        size_t len = plus ? (size_t)(plus - f) : strlen(f);
        char word[160];
        trim_copy(word, sizeof word, f, len);
        struct term t = {TERM_AUTO, "", 0};
        size_t wl = strlen(word);
        const char *inner = word;
        if (strncmp(word, "contagion(", 10) == 0 && wl > 11 &&
            word[wl - 1] == ')') {
            /* contagion(W) or contagion(W, COL) */
            char *end;
            word[wl - 1] = '\0';
            t.kind = TERM_CONTAGION;
            t.window = strtod(word + 10, &end);
            while (*end == ' ')
                end++;
            if (!(t.window > 0) || !isfinite(t.window) ||
                (*end && *end != ',')) {
                exo__free(*terms);
                *terms = NULL;
                return exo__fail(err, EXO_EINVAL,
                                 "cannot read the term '%s)' of the formula "
                                 "(expected contagion(DAYS) or "
                                 "contagion(DAYS, COLUMN), DAYS > 0)",
                                 word);
            }
            if (*end == ',')
                trim_copy(t.col, sizeof t.col, end + 1, strlen(end + 1));
            for (size_t k = 0; k < *n_terms; k++)
                if ((*terms)[k].kind == TERM_CONTAGION) {
                    exo__free(*terms);
                    *terms = NULL;
                    return exo__fail(err, EXO_EINVAL,
                                     "one contagion term per model (fit "
                                     "contagion(W) once for each window)");
                }
            if (EXO_VEC_PUSH(*terms, *n_terms, cap, t) != 0)
                return exo__fail(err, EXO_ENOMEM, "out of memory");
            f = plus ? plus + 1 : NULL;
            continue;
        }
        if (strncmp(word, "factor(", 7) == 0 && wl > 8 && word[wl - 1] == ')') {
            t.kind = TERM_FACTOR;
            inner = word + 7;
            word[wl - 1] = '\0';
        } else if (strncmp(word, "strata(", 7) == 0 && wl > 8 &&
                   word[wl - 1] == ')') {
            t.kind = TERM_STRATA;
            inner = word + 7;
            word[wl - 1] = '\0';
        }
        trim_copy(t.col, sizeof t.col, inner, strlen(inner));
        if (!t.col[0] || strpbrk(t.col, "()")) {
            exo__free(*terms);
            *terms = NULL;
            return exo__fail(err, EXO_EINVAL,
                             "cannot read the term '%s' of the formula "
                             "(expected COLUMN, factor(COLUMN), "
                             "strata(COLUMN) or contagion(DAYS, COLUMN) "
                             "joined by '+')",
                             word);
        }
        if (EXO_VEC_PUSH(*terms, *n_terms, cap, t) != 0)
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        f = plus ? plus + 1 : NULL;
    }
    return EXO_OK;
}

/* The reference level given for 'col' in "a=L1,b=L2", copied to 'out'. */
static bool find_ref(const char *ref, const char *col, char *out, size_t size)
{
    size_t cl = strlen(col);
    while (ref && *ref) {
        const char *comma = strchr(ref, ',');
        size_t len = comma ? (size_t)(comma - ref) : strlen(ref);
        const char *eq = memchr(ref, '=', len);
        if (eq && (size_t)(eq - ref) == cl && memcmp(ref, col, cl) == 0) {
            size_t vl = len - cl - 1;
            if (vl >= size)
                vl = size - 1;
            memcpy(out, eq + 1, vl);
            out[vl] = '\0';
            return true;
        }
        ref = comma ? comma + 1 : NULL;
    }
    return false;
}

/* The distinct levels of a column: numeric order when every value is a
 * number (as R sorts a numeric factor), else byte order. */
struct levels {
    size_t n;
    const char **name; /* borrowed from the table */
    double *num;
    bool numeric;
    int *code; /* per row, -1 when missing */
};

struct lev_key {
    const char *s;
    double v;
    size_t row;
};

static int lev_cmp_num(const void *pa, const void *pb)
{
    const struct lev_key *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v < b->v ? -1 : 1;
    return a->row < b->row ? -1 : a->row > b->row;
}

static int lev_cmp_str(const void *pa, const void *pb)
{
    const struct lev_key *a = pa, *b = pb;
    int c = strcmp(a->s, b->s);
    if (c)
        return c;
    return a->row < b->row ? -1 : a->row > b->row;
}

static void levels_release(struct levels *l)
{
    exo__free(l->name);
    exo__free(l->num);
    exo__free(l->code);
    memset(l, 0, sizeof *l);
}

static exo_code levels_build(const struct table *t, size_t col,
                             struct levels *out, exo_err *err)
{
    size_t n = t->n_rows;
    memset(out, 0, sizeof *out);
    struct lev_key *keys = exo__calloc(n ? n : 1, sizeof *keys);
    out->code = exo__calloc(n ? n : 1, sizeof *out->code);
    out->name = exo__calloc(n ? n : 1, sizeof *out->name);
    out->num = exo__calloc(n ? n : 1, sizeof *out->num);
    if (!keys || !out->code || !out->name || !out->num) {
        exo__free(keys);
        levels_release(out);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    size_t m = 0;
    bool numeric = true;
    for (size_t r = 0; r < n; r++) {
        const char *s = exo__table_cell(t, r, col);
        out->code[r] = -1;
        if (is_missing(s))
            continue;
        keys[m].s = s;
        keys[m].row = r;
        if (!parse_num(s, &keys[m].v))
            numeric = false;
        m++;
    }
    exo__qsort(keys, m, sizeof *keys, numeric ? lev_cmp_num : lev_cmp_str);
    out->numeric = numeric;
    for (size_t q = 0; q < m; q++) {
        bool same = q > 0 && (numeric ? keys[q].v == keys[q - 1].v
                                      : strcmp(keys[q].s, keys[q - 1].s) == 0);
        if (!same) {
            out->name[out->n] = keys[q].s;
            out->num[out->n] = keys[q].v;
            out->n++;
        }
        out->code[keys[q].row] = (int)out->n - 1;
    }
    exo__free(keys);
    return EXO_OK;
}

void exo_survival_data_release(exo_survival_data *d)
{
    if (!d)
        return;
    exo__free(d->start);
    exo__free(d->stop);
    exo__free(d->event);
    exo__free(d->group);
    for (size_t g = 0; g < d->n_groups; g++)
        exo__free(d->group_names[g]);
    exo__free(d->group_names);
    exo__free(d->x);
    for (size_t k = 0; k < d->p; k++)
        exo__free(d->terms[k]);
    exo__free(d->terms);
    exo__free(d->strata);
    exo__free(d->cox_start);
    exo__free(d->cox_stop);
    exo__free(d->cox_x);
    exo__free(d->cox_event);
    exo__free(d->cox_strata);
    memset(d, 0, sizeof *d);
}

/* A day-precision ISO date ("2014-03-31") as days, else false. */
static bool parse_day(const char *s, double *out)
{
    exo_date d;
    if (exo_date_parse(s, &d, NULL) != EXO_OK || d.precision != EXO_PREC_DAY)
        return false;
    *out = d.days;
    return true;
}

/* "malformed number '0x2' in column 'time' (expected ...)", located. */
static exo_code cell_error(const struct table *t, size_t row, size_t col,
                           exo_err *err, const char *what, const char *name,
                           const char *expected)
{
    long line, column;
    exo__table_where(t, row, col, &line, &column);
    return exo__fail_at(err, EXO_EDATA, t->file, line, column,
                        "%s '%s' in column '%s' (expected %s)", what,
                        exo__table_cell(t, row, col), name, expected);
}

static char *concat2(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *s = exo__malloc(la + lb + 2);
    if (s) {
        memcpy(s, a, la);
        memcpy(s + la, b, lb + 1);
    }
    return s;
}

/*
 * The contagion episodes of the 'm' rows (calendar days; end NaN: open,
 * censored on out->censor_day): the Cox rows become the risk intervals
 * (tenure), each with the count of rows of its group ('group' NULL: every
 * row) that ended in an event in the window before it opens. The columns
 * of out->x, filled later for the rows, are copied per episode by
 * episodes_fill once they are.
 */
static exo_code episodes(exo_survival_data *out, size_t m,
                         const double *cal_start, const double *cal_end,
                         const int *group, exo_err *err)
{
    exo_contagion_opts o = {.window_days = out->window_days,
                            .has_censor_day = true,
                            .censor_day = out->censor_day};
    exo_episodes ep = {0};
    exo_code rc = exo_episodes_compute(m, cal_start, cal_end, out->event, group,
                                       &o, &ep, err);
    if (rc)
        return rc;
    out->cox_n = ep.n;
    out->cox_start = ep.start;
    out->cox_stop = ep.stop;
    out->cox_event = ep.event;
    ep.start = ep.stop = NULL;
    ep.event = NULL;
    /* keep the contagion and each episode's row in cox_x for now: the
     * row index as a double is exact below 2^53 */
    out->cox_x = exo__calloc(2 * (ep.n ? ep.n : 1), sizeof *out->cox_x);
    if (!out->cox_x) {
        exo_episodes_release(&ep);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    for (size_t e = 0; e < ep.n; e++) {
        out->cox_x[e] = ep.contagion[e];
        out->cox_x[ep.n + e] = (double)ep.spell[e];
    }
    exo_episodes_release(&ep);
    return EXO_OK;
}

/* The covariates per episode: each column of out->x at the episode's row,
 * the contagion column its count; strata likewise. */
static exo_code episodes_fill(exo_survival_data *out, exo_err *err)
{
    size_t n = out->cox_n, p = out->p, m = out->n;
    double *x = exo__calloc((p ? p : 1) * (n ? n : 1), sizeof *x);
    int *st = out->strata ? exo__calloc(n ? n : 1, sizeof *st) : NULL;
    if (!x || (out->strata && !st)) {
        exo__free(x);
        exo__free(st);
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    for (size_t e = 0; e < n; e++) {
        size_t row = (size_t)out->cox_x[n + e];
        for (size_t k = 0; k < p; k++)
            x[k * n + e] =
                k == out->contagion_term ? out->cox_x[e] : out->x[k * m + row];
        if (st)
            st[e] = out->strata[row];
    }
    exo__free(out->cox_x);
    out->cox_x = x;
    out->cox_strata = st;
    return EXO_OK;
}

exo_code exo_survival_data_load(const char *path, const exo_survival_spec *spec,
                                exo_survival_data *out, exo_err *err)
{
    memset(out, 0, sizeof *out);
    if (!spec || !spec->time || !spec->event)
        return exo__fail(err, EXO_EINVAL,
                         "a time column and an event column are needed");
    exo_code rc = EXO_OK;
    struct term *terms = NULL;
    size_t n_terms = 0;
    struct table t = {0};
    struct levels *lev = NULL;
    double **vals = NULL; /* numeric terms: the value of every row */
    double *xall = NULL;  /* their columns, n rows each, in one block */
    double *cal_start = NULL, *cal_end = NULL; /* dates: calendar days */
    size_t *tcol = NULL;
    const char **names = NULL;
    char event_col[128], event_val[128];
    bool event_eq = false;
    const char *eq = strchr(spec->event, '=');
    if (eq) {
        trim_copy(event_col, sizeof event_col, spec->event,
                  (size_t)(eq - spec->event));
        snprintf(event_val, sizeof event_val, "%s", eq + 1);
        event_eq = true;
    } else {
        snprintf(event_col, sizeof event_col, "%s", spec->event);
    }
    rc = parse_formula(spec->cox, &terms, &n_terms, err);
    if (rc != EXO_OK)
        goto out;
    /* columns: time, event, start?, by?, then one per term */
    size_t n_names = 0, c_time, c_event, c_start = 0, c_by = 0;
    names = exo__calloc(4 + n_terms, sizeof *names);
    lev = exo__calloc(n_terms + 1, sizeof *lev);
    if (!names || !lev) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    c_time = n_names;
    names[n_names++] = spec->time;
    c_event = n_names;
    names[n_names++] = event_col;
    if (spec->start) {
        c_start = n_names;
        names[n_names++] = spec->start;
    }
    if (spec->by) {
        c_by = n_names;
        names[n_names++] = spec->by;
    }
    /* each term's column (a contagion term over every row has none) */
    tcol = exo__calloc(n_terms ? n_terms : 1, sizeof *tcol);
    if (!tcol) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    bool want_contagion = false;
    for (size_t k = 0; k < n_terms; k++) {
        tcol[k] = SIZE_MAX;
        want_contagion |= terms[k].kind == TERM_CONTAGION;
        if (terms[k].kind == TERM_CONTAGION && !terms[k].col[0])
            continue;
        tcol[k] = n_names;
        names[n_names++] = terms[k].col;
    }
    rc = exo__table_load(path, names, n_names, &t, err);
    if (rc != EXO_OK)
        goto out;
    size_t n = t.n_rows;
    /* Dates in the time column: the first cell given decides (a year
     * alone, 2014, is a number). Times are then days of tenure from
     * --start, and open rows are censored on the file's latest date. */
    bool dates = false;
    double censor = -EXO_INF;
    for (size_t r = 0; r < n; r++) {
        const char *c = exo__table_cell(&t, r, c_time);
        double v;
        if (is_missing(c))
            continue;
        dates = !parse_num(c, &v) && parse_day(c, &v);
        break;
    }
    if (dates && !spec->start) {
        rc = exo__fail(err, EXO_EINVAL,
                       "column '%s' holds dates: give the day each row "
                       "began with --start COL (a hire date), and times are "
                       "the days between",
                       spec->time);
        goto out;
    }
    if (want_contagion && !dates) {
        rc = exo__fail(err, EXO_EINVAL,
                       "contagion() needs calendar days: --time and --start "
                       "columns of dates (YYYY-MM-DD)");
        goto out;
    }
    for (size_t r = 0; dates && r < n; r++) {
        size_t cols[2] = {c_start, c_time};
        for (int k = 0; k < 2; k++) {
            const char *c = exo__table_cell(&t, r, cols[k]);
            double v;
            if (is_missing(c))
                continue;
            if (!parse_day(c, &v)) {
                rc = cell_error(&t, r, cols[k], err, "malformed date",
                                k ? spec->time : spec->start,
                                "a date YYYY-MM-DD, as the column's first");
                goto out;
            }
            censor = fmax(censor, v);
        }
    }
    /* events: numbers with R's Surv rule (max 2: 1/2 coding), logicals,
     * or COL=VALUE */
    double *ev = exo__calloc(n ? n : 1, sizeof *ev);
    if (!ev) {
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    double ev_max = -1;
    for (size_t r = 0; r < n; r++) {
        const char *s = exo__table_cell(&t, r, c_event);
        if (is_missing(s)) {
            ev[r] = EXO_NAN;
        } else if (event_eq) {
            ev[r] = strcmp(s, event_val) == 0;
        } else if (strcmp(s, "TRUE") == 0 || strcmp(s, "T") == 0 ||
                   strcmp(s, "true") == 0) {
            ev[r] = 1;
        } else if (strcmp(s, "FALSE") == 0 || strcmp(s, "F") == 0 ||
                   strcmp(s, "false") == 0) {
            ev[r] = 0;
        } else if (!parse_num(s, &ev[r])) {
            rc = cell_error(&t, r, c_event, err, "malformed event", event_col,
                            "0/1, 1/2 or TRUE/FALSE");
            exo__free(ev);
            goto out;
        }
        if (!isnan(ev[r]) && ev[r] > ev_max)
            ev_max = ev[r];
    }
    out->stop = exo__calloc(n ? n : 1, sizeof *out->stop);
    out->event = exo__calloc(n ? n : 1, sizeof *out->event);
    if (spec->start)
        out->start = exo__calloc(n ? n : 1, sizeof *out->start);
    size_t *keep = exo__calloc(n ? n : 1, sizeof *keep);
    if (dates) { /* only rows of dates have calendar days */
        cal_start = exo__calloc(n ? n : 1, sizeof *cal_start);
        cal_end = exo__calloc(n ? n : 1, sizeof *cal_end);
    }
    if (!out->stop || !out->event || !keep || (spec->start && !out->start) ||
        (dates && (!cal_start || !cal_end))) {
        exo__free(ev);
        exo__free(keep);
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    out->dates = dates;
    out->censor_day = dates ? censor : 0.0;
    size_t m = 0;
    for (size_t r = 0; r < n && rc == EXO_OK; r++) {
        double tm, st = 0, e = ev[r];
        const char *ts = exo__table_cell(&t, r, c_time);
        if (!event_eq && ev_max == 2 && !isnan(e))
            e -= 1;
        if (dates && !isnan(e) && e == 0 && is_missing(ts) &&
            !is_missing(exo__table_cell(&t, r, c_start))) {
            /* open: still there on the file's latest date */
            parse_day(exo__table_cell(&t, r, c_start), &st);
            cal_start[m] = st;
            cal_end[m] = EXO_NAN;
            out->stop[m] = censor - st;
            out->event[m] = 0;
            keep[m] = r;
            m++;
            continue;
        }
        if (is_missing(ts) || isnan(e) ||
            (spec->start && is_missing(exo__table_cell(&t, r, c_start)))) {
            out->n_dropped++;
            continue;
        }
        if (dates) {
            parse_day(ts, &tm);
            parse_day(exo__table_cell(&t, r, c_start), &st);
            if (e != 0 && e != 1) {
                rc = cell_error(&t, r, c_event, err, "unexpected event",
                                event_col,
                                "0/1, or 1/2 when the column's largest "
                                "value is 2");
                break;
            }
            if (tm < st) {
                long line, column;
                exo__table_where(&t, r, c_time, &line, &column);
                rc = exo__fail_at(err, EXO_EDATA, t.file, line, column,
                                  "'%s' %s is before '%s' (expected the "
                                  "end on or after the start)",
                                  spec->time, ts, spec->start);
                break;
            }
            cal_start[m] = st;
            cal_end[m] = tm;
            out->stop[m] = tm - st;
            out->event[m] = (int)e;
            keep[m] = r;
            m++;
            continue;
        }
        if (!parse_num(ts, &tm)) {
            rc = cell_error(&t, r, c_time, err, "malformed time", spec->time,
                            DECIMAL);
            break;
        }
        if (spec->start && !parse_num(exo__table_cell(&t, r, c_start), &st)) {
            rc = cell_error(&t, r, c_start, err, "malformed start", spec->start,
                            DECIMAL);
            break;
        }
        if (e != 0 && e != 1) {
            rc = cell_error(&t, r, c_event, err, "unexpected event", event_col,
                            "0/1, or 1/2 when the column's largest value is "
                            "2");
            break;
        }
        if (spec->start && !(st < tm)) {
            long line, column;
            exo__table_where(&t, r, c_start, &line, &column);
            rc = exo__fail_at(err, EXO_EDATA, t.file, line, column,
                              "start %g is not before stop %g (expected "
                              "start < stop)",
                              st, tm);
            break;
        }
        if (!spec->start && tm < 0) {
            rc = cell_error(&t, r, c_time, err, "negative time", spec->time,
                            "0 or more");
            break;
        }
        out->stop[m] = tm;
        if (out->start)
            out->start[m] = st;
        out->event[m] = (int)e;
        keep[m] = r;
        m++;
    }
    exo__free(ev);
    out->n = m;
    if (rc != EXO_OK) {
        exo__free(keep);
        goto out;
    }
    if (dates) { /* tenure from the start: no entry times */
        exo__free(out->start);
        out->start = NULL;
    }
    /* groups */
    if (spec->by) {
        struct levels bl;
        rc = levels_build(&t, c_by, &bl, err);
        if (rc == EXO_OK) {
            out->group = exo__calloc(m ? m : 1, sizeof *out->group);
            out->group_names =
                exo__calloc(bl.n ? bl.n : 1, sizeof *out->group_names);
            if (!out->group || !out->group_names) {
                rc = exo__fail(err, EXO_ENOMEM, "out of memory");
            } else {
                char prefix[160];
                snprintf(prefix, sizeof prefix, "%s=", spec->by);
                for (size_t g = 0; g < bl.n && rc == EXO_OK; g++) {
                    out->group_names[g] = concat2(prefix, bl.name[g]);
                    out->n_groups++;
                    if (!out->group_names[g])
                        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
                }
                for (size_t q = 0; q < m; q++)
                    out->group[q] = bl.code[keep[q]];
            }
            levels_release(&bl);
        }
    }
    /* covariates: a plain term whose every cell is a number (or missing)
     * is numeric and needs no levels; any other cell makes it a factor */
    size_t p = 0;
    vals = exo__calloc(n_terms ? n_terms : 1, sizeof *vals);
    /* not zeroed: a numeric column is written in full before it is read,
     * and a factor's is never read */
    size_t n_vals;
    if (n_terms > 0 && !__builtin_mul_overflow(n_terms, n ? n : 1, &n_vals))
        xall = exo__reallocarray(NULL, n_vals, sizeof *xall);
    if (!vals || (n_terms > 0 && !xall))
        rc = exo__fail(err, EXO_ENOMEM, "out of memory");
    for (size_t k = 0; k < n_terms && rc == EXO_OK; k++) {
        size_t col = tcol[k];
        if (terms[k].kind == TERM_CONTAGION) {
            p += 1;
            if (col == SIZE_MAX)
                continue;
        }
        if (terms[k].kind == TERM_AUTO) {
            vals[k] = xall + k * n;
            bool numeric = true;
            for (size_t r = 0; r < n && numeric; r++) {
                const char *c = exo__table_cell(&t, r, col);
                vals[k][r] = EXO_NAN;
                if (!is_missing(c) && !parse_num(c, &vals[k][r]))
                    numeric = false;
            }
            if (numeric) {
                p += 1;
                continue;
            }
            vals[k] = NULL;
            terms[k].kind = TERM_FACTOR;
        }
        rc = levels_build(&t, col, &lev[k], err);
        if (rc != EXO_OK)
            break;
        if (terms[k].kind == TERM_AUTO)
            p += 1;
        else if (terms[k].kind == TERM_FACTOR) {
            if (lev[k].n < 2) {
                rc =
                    exo__fail(err, EXO_EINVAL,
                              "factor '%s' has %zu level%s (expected two "
                              "or more)",
                              terms[k].col, lev[k].n, lev[k].n == 1 ? "" : "s");
                break;
            }
            p += lev[k].n - 1;
        }
    }
    /* Every row kept and every term a number: the columns as read are
     * the matrix (the copy below then writes each value onto itself),
     * not copied into a second block of fresh pages. */
    bool direct = rc == EXO_OK && m == n && n > 0 && p == n_terms;
    for (size_t k = 0; direct && k < n_terms; k++)
        direct = terms[k].kind == TERM_AUTO && vals[k] == xall + k * n;
    if (rc == EXO_OK && p > 0) {
        if (direct) {
            out->x = xall;
            xall = NULL;
        } else {
            out->x = exo__calloc(p * (m ? m : 1), sizeof *out->x);
        }
        out->terms = exo__calloc(p, sizeof *out->terms);
        if (!out->x || !out->terms)
            rc = exo__fail(err, EXO_ENOMEM, "out of memory");
    }
    size_t kx = 0;
    for (size_t k = 0; k < n_terms && rc == EXO_OK; k++) {
        struct levels *L = &lev[k];
        if (terms[k].kind == TERM_CONTAGION) {
            /* filled per episode below; the Kaplan-Meier rows have none */
            char nm[64];
            snprintf(nm, sizeof nm, "contagion(%g)", terms[k].window);
            out->terms[kx] = concat2(nm, "");
            out->has_contagion = true;
            out->contagion_term = kx;
            out->window_days = terms[k].window;
            out->p = ++kx;
            if (!out->terms[kx - 1])
                rc = exo__fail(err, EXO_ENOMEM, "out of memory");
            int *gc = NULL;
            if (rc == EXO_OK && tcol[k] != SIZE_MAX) {
                gc = exo__calloc(m ? m : 1, sizeof *gc);
                if (!gc)
                    rc = exo__fail(err, EXO_ENOMEM, "out of memory");
                for (size_t q = 0; gc && q < m; q++)
                    gc[q] = L->code[keep[q]];
            }
            if (rc == EXO_OK)
                rc = episodes(out, m, cal_start, cal_end, gc, err);
            exo__free(gc);
        } else if (terms[k].kind == TERM_AUTO) {
            double *xc = out->x + kx * m;
            out->terms[kx] = concat2(terms[k].col, "");
            out->p = ++kx;
            if (!out->terms[kx - 1]) {
                rc = exo__fail(err, EXO_ENOMEM, "out of memory");
                break;
            }
            for (size_t q = 0; q < m; q++)
                xc[q] = vals[k][keep[q]];
        } else if (terms[k].kind == TERM_FACTOR) {
            size_t ref = 0;
            char want[256];
            if (find_ref(spec->ref, terms[k].col, want, sizeof want)) {
                double wv;
                bool wnum = L->numeric && parse_num(want, &wv);
                for (ref = 0; ref < L->n; ref++)
                    if (wnum ? L->num[ref] == wv
                             : strcmp(L->name[ref], want) == 0)
                        break;
                if (ref == L->n) {
                    rc = exo__fail(err, EXO_EINVAL,
                                   "no level '%s' in column '%s' for --ref",
                                   want, terms[k].col);
                    break;
                }
            }
            for (size_t g = 0; g < L->n && rc == EXO_OK; g++) {
                if (g == ref)
                    continue;
                double *xc = out->x + kx * m;
                out->terms[kx] = concat2(terms[k].col, L->name[g]);
                out->p = ++kx;
                if (!out->terms[kx - 1]) {
                    rc = exo__fail(err, EXO_ENOMEM, "out of memory");
                    break;
                }
                for (size_t q = 0; q < m; q++) {
                    int code = L->code[keep[q]];
                    xc[q] = code < 0 ? EXO_NAN : (double)(code == (int)g);
                }
            }
        } else {
            if (out->strata) {
                rc = exo__fail(err, EXO_EINVAL,
                               "only one strata() term is supported");
                break;
            }
            out->strata = exo__calloc(m ? m : 1, sizeof *out->strata);
            if (!out->strata) {
                rc = exo__fail(err, EXO_ENOMEM, "out of memory");
                break;
            }
            out->n_strata = L->n;
            for (size_t q = 0; q < m; q++)
                out->strata[q] = L->code[keep[q]];
        }
    }
    exo__free(keep);
    if (rc == EXO_OK && out->has_contagion)
        rc = episodes_fill(out, err);
out:
    exo__free(tcol);
    exo__free(cal_start);
    exo__free(cal_end);
    for (size_t k = 0; lev && k < n_terms; k++)
        levels_release(&lev[k]);
    exo__free(xall);
    exo__free(vals);
    exo__free(lev);
    exo__free(names);
    exo__free(terms);
    exo__table_release(&t);
    if (rc != EXO_OK)
        exo_survival_data_release(out);
    return rc;
}
