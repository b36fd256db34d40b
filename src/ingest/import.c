/*
 * import.c - moves, spells, finance and aliases from CSV or JSON into the
 * store, as one transaction.
 *
 * Two passes. The first reads and validates every row into plain records
 * (strings in an arena), collecting up to EXO_MAX_ERRORS errors with their
 * file, line and column; if there is any, nothing is committed. The second
 * resolves names to ids and hands the records to the store's write
 * transaction (src/store/write.c, which owns every SQL statement), so a
 * failure or a killed process leaves the store as it was. Natural keys
 * make re-imports idempotent. A large moves CSV runs the two passes at
 * once, pass one in a second thread, and commits only when pass one found
 * no error (see "Pipeline").
 */
#include <ctype.h>
#include <inttypes.h>
#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>

#include "core/json.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/exo.h"
#include "core/hmap.h"
#include "core/number.h"
#include "core/utf8.h"
#include "core/vec.h"
#include "core/vocab.h"
#include "ingest/csv.h"
#include "ingest/json_locate.h"
#include "store/write.h"

/* ==== Field definitions ==== */

enum { MAX_FIELDS = 16 };
#define REQUIRED 1u
#define NAME                                                                   \
    2u /* a person's or an organisation's name: one line, no                   \
        * bidirectional controls */

struct field_def {
    const char *name;
    unsigned flags;
    size_t max_chars; /* longer values are rejected */
};

enum move_field {
    M_PERSON,
    M_FROM,
    M_TO,
    M_ROLE,
    M_LEVEL,
    M_EVENT,
    M_DATE,
    M_PREC,
    M_SOURCE
};
static const struct field_def move_fields[] = {
    {"person", REQUIRED | NAME, 200},
    {"from_org", NAME, 200},
    {"to_org", NAME, 200},
    {"role", 0, 500},
    {"level", REQUIRED, 16},
    {"event", REQUIRED, 16},
    {"date", REQUIRED, 40},
    {"date_precision", 0, 16},
    {"source_url", 0, 2000},
    {NULL, 0, 0},
};

enum spell_field {
    S_PERSON,
    S_ID,
    S_ORG,
    S_ROLE,
    S_LEVEL,
    S_TEAM,
    S_START,
    S_END,
    S_REASON,
    S_DEST,
    S_SOURCE
};
static const struct field_def spell_fields[] = {
    {"person", NAME, 200},   {"id", 0, 100},          {"org", NAME, 200},
    {"role", 0, 500},        {"level", 0, 16},        {"team", 0, 200},
    {"start", REQUIRED, 40}, {"end", 0, 40},          {"end_reason", 0, 100},
    {"dest_org", NAME, 200}, {"source_url", 0, 2000}, {NULL, 0, 0},
};

enum finance_field {
    F_ORG,
    F_DATE,
    F_PREC,
    F_KIND,
    F_AMOUNT,
    F_NOTE,
    F_SOURCE
};
static const struct field_def finance_fields[] = {
    {"org", REQUIRED | NAME, 200}, {"date", REQUIRED, 40},
    {"date_precision", 0, 16},     {"kind", REQUIRED, 16},
    {"amount_usd", 0, 40},         {"note", 0, 2000},
    {"source_url", 0, 2000},       {NULL, 0, 0},
};

enum alias_field { A_ALIAS, A_ORG };
static const struct field_def alias_fields[] = {
    {"alias", REQUIRED | NAME, 200},
    {"org", REQUIRED | NAME, 200},
    {NULL, 0, 0},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ==== Records (pass one's output) ==== */

/*
 * A distinct name of the file: a person's, an organisation's, or a source
 * URL. Records point to it, so that a name repeated on a million rows is
 * keyed, copied and resolved to a store id once (pass two caches 'id').
 * Pass one creates names and never touches 'id' afterwards; pass two sets
 * it, possibly in the other thread (see "Pipeline"), which is why they are
 * separate fields.
 */
struct name {
    const char *text; /* as given, trimmed */
    const char *key;  /* exo__name_key; the URL itself for a source */
    int64_t id;       /* the store id, once pass two has resolved it */
};

/* Names of different kinds are different things: one map per kind. */
enum name_kind { PERSON_NAME, ORG_NAME, SOURCE_NAME, N_NAME_KINDS };

/* Records: a NULL name is an absent value. */
struct move_rec {
    struct name *person, *from, *to, *source;
    const char *role, *level, *event;
    exo_date date;
};

struct spell_rec {
    struct name *person, *org, *dest, *source;
    const char *ext_id, *role, *level, *team, *reason;
    const char *leave; /* the detailed reason (exo__leave_reasons), or NULL */
    bool has_start, has_end;
    exo_date start, end;
};

struct finance_rec {
    struct name *org, *source;
    exo_date date;
    const char *kind, *note;
    bool has_amount;
    int64_t amount_usd; /* whole US dollars */
};

struct alias_rec {
    struct name *alias, *org;
};

/*
 * Moves validated by pass one in a second thread, handed to the writer in
 * chunks (see "Pipeline"). CHUNK_RECS is a multiple of the store's batch,
 * so only the last chunk needs a shorter INSERT.
 */
enum { CHUNK_RECS = 64 * EXO__WRITE_BATCH };
struct move_chunk {
    struct move_chunk *next;
    size_t n;
    struct move_rec rec[CHUNK_RECS];
};

struct pipeline {
    pthread_mutex_t lock;
    pthread_cond_t ready; /* a chunk was published, or pass one ended */
    struct move_chunk *head, *tail; /* published, not yet written */
    bool done;                      /* pass one has ended */
    atomic_int stop;                /* the writer asks pass one to stop */
    exo_code code;                  /* what the CSV reader returned */
    exo_err read_err;               /* and the error it recorded */
    const char *text;
    size_t len;
};

/* One input row, whatever the format: values by field, NULL when absent. */
struct row {
    const char *value[MAX_FIELDS];
    size_t index; /* 1-based data row */
    long line;
    /* for locating errors */
    const struct csv_record *csv;
    int csv_col[MAX_FIELDS];
    size_t json_index;
};

struct importer {
    exo_import_kind kind;
    const struct field_def *fields;
    size_t n_fields;
    const exo_import_opts *opts;
    const char *name; /* file name in messages */
    const char *text; /* JSON text, for locating errors */
    exo_errlist *errors;
    size_t n_errors;
    exo_err *err;
    exo_code fatal; /* a non-data failure (ENOMEM) */
    struct arena arena;
    struct hmap names[N_NAME_KINDS]; /* text as given -> struct name * */
    /* header */
    bool have_header;
    size_t n_header;                     /* fields in the header row */
    int col_of[MAX_FIELDS];              /* CSV column of each field, or -1 */
    const char *column_name[MAX_FIELDS]; /* the input's name for each field */
    /* reason map: their value -> ours ("" for none) */
    size_t n_reasons;
    const char *reason_from[64], *reason_to[64];
    /* end reasons the vocabulary does not know, for the --reason-map hint */
    size_t n_unknown_reasons, n_unknown_listed;
    const char *unknown_reason[8];
    /* the first date that failed without --date-format, for its hint */
    const char *bad_date;
    int32_t latest; /* the latest date in a spells file */
    /* records */
    size_t n_rows, n, cap;
    void *recs;
    struct hmap spell_index; /* person|org|start -> record, for merging */
    /* pipelined moves (see "Pipeline"): records go to chunks, not 'recs' */
    struct pipeline *pipe;
    struct move_chunk *fill;
    size_t n_merged;
    /* A note for the warn hook, given in the caller's thread at the end:
     * the columns a --map left unread. */
    size_t n_unread, n_listed;
    exo_err note;
};

static const char *kind_name(exo_import_kind kind)
{
    switch (kind) {
    case EXO_IMPORT_MOVES:
        return "moves";
    case EXO_IMPORT_SPELLS:
        return "spells";
    case EXO_IMPORT_FINANCE:
        return "finance";
    case EXO_IMPORT_ALIASES:
        return "aliases";
    }
    return "?";
}

void exo_import_opts_init(exo_import_opts *opts)
{
    memset(opts, 0, sizeof *opts);
}

/* ==== Errors with locations ==== */

static void locate(const struct importer *im, const struct row *row, int f,
                   long *line, long *column)
{
    *line = row ? row->line : 1;
    *column = 1;
    if (!row || f < 0)
        return;
    if (row->csv && row->csv_col[f] >= 0) {
        exo__csv_field_location(row->csv, (size_t)row->csv_col[f], line,
                                column);
    } else if (im->text) {
        exo__json_locate(im->text, row->json_index, im->column_name[f], line,
                         column);
    }
}

/* Adds 'e', already located, to the errors. */
static void add_located(struct importer *im, const exo_err *e)
{
    exo__errlist_add(im->errors, e);
    if (im->n_errors++ == 0 && im->err && im->err->code == EXO_OK)
        *im->err = *e; /* the first error, until the summary replaces it */
}

static void add_error(struct importer *im, const struct row *row, int f,
                      const char *fmt, ...) EXO_PRINTF(4, 5);

static void add_error(struct importer *im, const struct row *row, int f,
                      const char *fmt, ...)
{
    exo_err e = {0};
    char msg[sizeof e.msg];
    long line, column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    locate(im, row, f, &line, &column);
    exo__fail_at(&e, EXO_EDATA, im->name, line, column, "%s", msg);
    add_located(im, &e);
}

/* ==== Options ==== */

static int field_index(const struct importer *im, const char *name)
{
    for (size_t i = 0; i < im->n_fields; i++)
        if (strcmp(im->fields[i].name, name) == 0)
            return (int)i;
    return -1;
}

static void list_fields(const struct importer *im, char *buf, size_t size)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < im->n_fields && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", i ? ", " : "",
                                 im->fields[i].name);
}

/* Splits "a=b,c=d" into pairs in the arena; EXO_EINVAL when malformed. */
static exo_code parse_pairs(struct importer *im, const char *spec,
                            const char *what, const char **from,
                            const char **to, size_t max, size_t *n)
{
    char *copy = exo__arena_strdup(&im->arena, spec);
    *n = 0;
    if (!copy)
        return exo__fail(im->err, EXO_ENOMEM, "out of memory");
    for (char *save = NULL, *item = strtok_r(copy, ",", &save); item;
         item = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(item, '=');
        if (!eq || eq == item)
            return exo__fail(im->err, EXO_EINVAL,
                             "malformed %s item '%s' (expected NAME=VALUE)",
                             what, item);
        if (*n == max)
            return exo__fail(im->err, EXO_EINVAL,
                             "too many %s items (at "
                             "most %zu)",
                             what, max);
        *eq = '\0';
        from[*n] = item;
        to[*n] = eq + 1;
        (*n)++;
    }
    return EXO_OK;
}

static exo_code setup_options(struct importer *im)
{
    const exo_import_opts *o = im->opts;
    for (size_t i = 0; i < im->n_fields; i++)
        im->column_name[i] = im->fields[i].name;
    if (o->map && *o->map) {
        const char *from[MAX_FIELDS], *to[MAX_FIELDS];
        size_t n;
        exo_code code =
            parse_pairs(im, o->map, "--map", from, to, MAX_FIELDS, &n);
        if (code)
            return code;
        for (size_t i = 0; i < n; i++) {
            int f = field_index(im, from[i]);
            if (f < 0) {
                char names[400];
                list_fields(im, names, sizeof names);
                return exo__fail(im->err, EXO_EINVAL,
                                 "unknown field '%s' in --map (expected one "
                                 "of %s)",
                                 from[i], names);
            }
            im->column_name[f] = to[i];
        }
    }
    if (o->reason_map && *o->reason_map) {
        exo_code code =
            parse_pairs(im, o->reason_map, "--reason-map", im->reason_from,
                        im->reason_to, COUNT(im->reason_from), &im->n_reasons);
        if (code)
            return code;
        for (size_t i = 0; i < im->n_reasons; i++) {
            char expected[200], detailed[200];
            if (im->reason_to[i][0] == '\0' ||
                exo__vocab_value(&exo__end_reasons, im->reason_to[i]) >= 0 ||
                exo__vocab_value(&exo__leave_reasons, im->reason_to[i]) >= 0)
                continue;
            exo__vocab_list(&exo__leave_reasons, detailed, sizeof detailed);
            exo__vocab_list(&exo__end_reasons, expected, sizeof expected);
            return exo__fail(im->err, EXO_EINVAL,
                             "unknown end reason '%s' in --reason-map "
                             "(expected %s; or %s; or empty)",
                             im->reason_to[i], detailed, expected);
        }
    }
    return EXO_OK;
}

/* ==== Header ==== */

/* Adds column 'c' to the note listing the columns a --map leaves unread;
 * names that do not fit are counted ("and 12 more", added at the end). */
static void note_unread(struct importer *im, const struct csv_record *rec,
                        size_t c, const char *col, size_t len)
{
    exo_err *e = &im->note;
    if (im->n_unread++ == 0) {
        long line, column;
        exo__csv_field_location(rec, c, &line, &column);
        exo__fail_at(e, EXO_EDATA, im->name, line, column,
                     "columns the mapping leaves unread:");
    }
    size_t used = strlen(e->msg);
    if (im->n_listed == im->n_unread - 1 &&
        used + len + 4 + 24 < sizeof e->msg) {
        snprintf(e->msg + used, sizeof e->msg - used, "%s '%.*s'",
                 im->n_listed ? "," : "", (int)len, col);
        im->n_listed++;
    }
}

/* The note, completed, for the warn hook. */
static const exo_err *unread_note(struct importer *im)
{
    exo_err *e = &im->note;
    size_t used = strlen(e->msg);
    if (im->n_listed < im->n_unread)
        snprintf(e->msg + used, sizeof e->msg - used, " and %zu more",
                 im->n_unread - im->n_listed);
    return e;
}

/* Matches the input's column names to fields; errors name the column. */
static void take_header(struct importer *im, const struct csv_record *rec)
{
    struct row row = {.line = rec->line, .csv = rec};
    im->n_header = rec->n_fields;
    for (size_t f = 0; f < MAX_FIELDS; f++)
        im->col_of[f] = -1, row.csv_col[f] = -1;
    for (size_t c = 0; c < rec->n_fields; c++) {
        char *col = rec->field[c];
        size_t len = exo__utf8_trim(col, strlen(col));
        enum exo_bad_char kind;
        char what[64];
        /* Column names are echoed in errors and notes: text only. */
        long bad_at =
            exo__text_bad_char(col, len, true, &kind, what, sizeof what);
        if (bad_at >= 0) {
            long line, column;
            exo_err e = {0};
            exo__csv_field_location(rec, c, &line, &column);
            exo__fail_at(&e, EXO_EDATA, im->name, line, column,
                         "%s at character %zu of a column name (expected "
                         "a name on one line, in UTF-8, without control "
                         "characters)",
                         what, exo__utf8_chars(col, (size_t)bad_at) + 1);
            add_located(im, &e);
            continue;
        }
        int match = -1;
        for (size_t f = 0; f < im->n_fields; f++)
            if (strcmp(im->column_name[f], col) == 0)
                match = (int)f;
        if (match < 0) {
            if (im->opts->map) {
                note_unread(im, rec, c, col, len);
                continue; /* an export's other columns, not mapped */
            }
            char names[400];
            long line, column;
            exo__csv_field_location(rec, c, &line, &column);
            list_fields(im, names, sizeof names);
            exo_err e = {0};
            exo__fail_at(&e, EXO_EDATA, im->name, line, column,
                         "unknown column '%.*s' in %s file (expected %s, or "
                         "--map FIELD=COLUMN)",
                         (int)(len > 60 ? 60 : len), col, kind_name(im->kind),
                         names);
            add_located(im, &e);
            continue;
        }
        if (im->col_of[match] >= 0) {
            row.csv_col[match] = (int)c;
            add_error(im, &row, match, "duplicate column '%s'", col);
            continue;
        }
        im->col_of[match] = (int)c;
    }
    for (size_t f = 0; f < im->n_fields; f++) {
        bool needed = im->fields[f].flags & REQUIRED;
        if (im->kind == EXO_IMPORT_SPELLS && f == S_ORG && !im->opts->org)
            needed = true;
        if (needed && im->col_of[f] < 0)
            add_error(im, &row, -1,
                      "missing required column '%s' (expected it in the "
                      "header%s)",
                      im->column_name[f],
                      f == S_ORG && im->kind == EXO_IMPORT_SPELLS
                          ? " or --org NAME"
                          : "");
    }
    if (im->kind == EXO_IMPORT_SPELLS && im->col_of[S_PERSON] < 0 &&
        im->col_of[S_ID] < 0)
        add_error(im, &row, -1,
                  "missing column 'person' or 'id' (expected at least one "
                  "to identify the employee)");
    im->have_header = true;
}

/* ==== Field validation ==== */

/* Trims and checks one value; NULL when absent or invalid (error added). */
static const char *take_value(struct importer *im, struct row *row, int f,
                              char *raw, bool *bad)
{
    if (!raw)
        return NULL;
    /* Trimmed first: a name's line break or tab inside counts, around it
     * not (exo__utf8_trim leaves invalid bytes alone). */
    size_t len = exo__utf8_trim(raw, strlen(raw));
    bool ascii = exo__is_ascii(raw, len);
    bool is_name = im->fields[f].flags & NAME;
    enum exo_bad_char kind;
    char what[64];
    long bad_at =
        exo__text_bad_char(raw, len, is_name, &kind, what, sizeof what);
    if (bad_at >= 0 && kind == EXO_BAD_UTF8)
        add_error(im, row, f,
                  "invalid UTF-8 at byte %ld of field '%s' (expected UTF-8 "
                  "text)",
                  bad_at + 1, im->fields[f].name);
    else if (bad_at >= 0)
        add_error(im, row, f, "%s at character %zu of field '%s' (expected %s)",
                  what, exo__utf8_chars(raw, (size_t)bad_at) + 1,
                  im->fields[f].name,
                  kind == EXO_BAD_BIDI ? "a name that shows as it reads"
                  : is_name ? "a name on one line, without control characters"
                            : "text without control characters other than "
                              "tab and line breaks");
    if (bad_at >= 0) {
        *bad = true;
        return NULL;
    }
    if (len == 0)
        return NULL;
    size_t chars = ascii ? len : exo__utf8_chars(raw, len);
    if (chars > im->fields[f].max_chars) {
        add_error(im, row, f,
                  "field '%s' is too long: %zu characters (expected at most "
                  "%zu)",
                  im->fields[f].name, chars, im->fields[f].max_chars);
        *bad = true;
        return NULL;
    }
    return raw;
}

static const char *intern(struct importer *im, const char *s)
{
    if (!s)
        return NULL;
    const char *copy = exo__arena_strdup(&im->arena, s);
    if (!copy)
        im->fatal = EXO_ENOMEM;
    return copy;
}

static const char *name_key(struct importer *im, const char *s)
{
    size_t len = strlen(s);
    if (exo__is_ascii(s, len)) {
        char *key = exo__arena_strndup(&im->arena, s, len);
        if (key)
            exo__ascii_name_key(s, len, key);
        return key;
    }
    char *folded = exo__name_key(s);
    const char *key = folded ? intern(im, folded) : NULL;
    exo__free(folded);
    return key;
}

/* The name 's' of kind 'kind', made on first sight; NULL when 's' is NULL
 * (or memory ran out: im->fatal says which). */
static struct name *make_name(struct importer *im, enum name_kind kind,
                              const char *s)
{
    int64_t found;
    if (!s)
        return NULL;
    if (exo__hmap_get(&im->names[kind], s, &found))
        return (struct name *)(intptr_t)found;
    struct name *n = exo__arena_alloc(&im->arena, sizeof *n);
    if (!n || !(n->text = intern(im, s)) ||
        !(n->key = kind == SOURCE_NAME ? n->text : name_key(im, s)) ||
        exo__hmap_put(&im->names[kind], s, (int64_t)(intptr_t)n)) {
        im->fatal = EXO_ENOMEM;
        return NULL;
    }
    n->id = 0;
    return n;
}

static void release_names(struct importer *im)
{
    for (int k = 0; k < N_NAME_KINDS; k++)
        exo__hmap_release(&im->names[k]);
}

/* The word of 'vocab' that 'v' is, or NULL after adding an error. */
static const char *take_word(struct importer *im, struct row *row, int f,
                             const char *v, const struct vocab *vocab)
{
    char expected[200];
    int value = exo__vocab_value(vocab, v);
    if (value >= 0)
        return exo__vocab_word(vocab, value);
    exo__vocab_list(vocab, expected, sizeof expected);
    add_error(im, row, f, "unknown %s '%s' (expected %s)", im->fields[f].name,
              v, expected);
    return NULL;
}

/* Parses a date value; false after adding an error. */
static bool take_date(struct importer *im, struct row *row, int f,
                      const char *v, bool *present, exo_date *out)
{
    exo_err e = {0};
    exo_code code;
    *present = false;
    if (!v)
        return true;
    if (im->opts->null_date && strcmp(v, im->opts->null_date) == 0)
        return true;
    if (im->opts->date_format)
        code = exo_date_parse_format(v, im->opts->date_format, out, &e);
    else
        code = exo_date_parse(v, out, &e);
    if (code) {
        /* A date of another layout (not an impossible ISO date) is what
         * --date-format fixes. */
        if (!im->opts->date_format && !im->bad_date &&
            strncmp(e.msg, "malformed", 9) == 0)
            im->bad_date = intern(im, v);
        /* "impossible date 'x' (expected ...)" gains the field's name. */
        char *paren = strstr(e.msg, " (");
        if (paren) {
            *paren = '\0';
            add_error(im, row, f, "%s in field '%s' (%s", e.msg,
                      im->fields[f].name, paren + 2);
        } else {
            add_error(im, row, f, "%s in field '%s'", e.msg,
                      im->fields[f].name);
        }
        return false;
    }
    *present = true;
    return true;
}

/* An explicit date_precision must agree with the date's form. */
static bool apply_precision(struct importer *im, struct row *row, int f,
                            const char *v, exo_date *date)
{
    exo_precision p;
    int y, m, d;
    if (!v)
        return true;
    if (!exo__precision_parse(v, &p)) {
        char expected[100];
        exo__vocab_list(&exo__precisions, expected, sizeof expected);
        add_error(im, row, f, "unknown date_precision '%s' (expected %s)", v,
                  expected);
        return false;
    }
    exo_civil_from_days(date->days, &y, &m, &d);
    if ((p == EXO_PREC_MONTH && d != 1) ||
        (p == EXO_PREC_YEAR && (d != 1 || m != 1))) {
        add_error(im, row, f,
                  "date_precision '%s' does not fit the date (expected the "
                  "first day of the %s)",
                  v, v);
        return false;
    }
    date->precision = p;
    return true;
}

static void *pipe_slot(struct importer *im);

static void *push_record(struct importer *im, size_t size)
{
    if (im->pipe)
        return pipe_slot(im);
    if (im->n == im->cap) {
        size_t cap = im->cap ? im->cap * 2 : 1024;
        void *p = exo__reallocarray(im->recs, cap, size);
        if (!p) {
            im->fatal = EXO_ENOMEM;
            return NULL;
        }
        im->recs = p;
        im->cap = cap;
    }
    void *rec = (char *)im->recs + im->n * size;
    memset(rec, 0, size);
    im->n++;
    return rec;
}

/* ==== Rows of each kind ==== */

static void take_move(struct importer *im, struct row *row, const char **v)
{
    struct move_rec rec = {0};
    bool ok = true, present;
    rec.person = make_name(im, PERSON_NAME, v[M_PERSON]);
    rec.from = make_name(im, ORG_NAME, v[M_FROM]);
    rec.to = make_name(im, ORG_NAME, v[M_TO]);
    rec.source = make_name(im, SOURCE_NAME, v[M_SOURCE]);
    rec.role = intern(im, v[M_ROLE]);
    if (v[M_LEVEL] &&
        !(rec.level = take_word(im, row, M_LEVEL, v[M_LEVEL], &exo__levels)))
        ok = false;
    if (v[M_EVENT] && !(rec.event = take_word(im, row, M_EVENT, v[M_EVENT],
                                              &exo__move_events)))
        ok = false;
    if (!take_date(im, row, M_DATE, v[M_DATE], &present, &rec.date))
        ok = false;
    else if (present && !apply_precision(im, row, M_PREC, v[M_PREC], &rec.date))
        ok = false;
    if (rec.event) {
        bool leaving = strcmp(rec.event, "left") == 0 ||
                       strcmp(rec.event, "fired") == 0 ||
                       strcmp(rec.event, "sabbatical") == 0;
        if (leaving && !rec.from) {
            add_error(im, row, M_FROM,
                      "event '%s' needs 'from_org' (expected the organisation "
                      "left)",
                      rec.event);
            ok = false;
        } else if (!leaving && !rec.to) {
            add_error(im, row, M_TO,
                      "event '%s' needs 'to_org' (expected the organisation "
                      "joined)",
                      rec.event);
            ok = false;
        }
    }
    if (ok && rec.from && rec.to && strcmp(rec.from->key, rec.to->key) == 0 &&
        strcmp(rec.event, "returned") != 0) {
        add_error(im, row, M_TO,
                  "'to_org' is the same as 'from_org' (expected a move between "
                  "two organisations)");
        ok = false;
    }
    if (ok) {
        struct move_rec *slot = push_record(im, sizeof rec);
        if (slot)
            *slot = rec;
    }
}

static const char *map_reason(struct importer *im, struct row *row,
                              const char *v, bool *ok)
{
    if (!v)
        return NULL;
    const char *fallback = NULL;
    for (size_t i = 0; i < im->n_reasons; i++) {
        if (strcmp(v, im->reason_from[i]) == 0)
            return im->reason_to[i][0] ? im->reason_to[i] : NULL;
        if (strcmp(im->reason_from[i], "*") == 0)
            fallback = im->reason_to[i];
    }
    if (fallback) /* "*=left": every value not listed */
        return fallback[0] ? fallback : NULL;
    /* The vocabulary's own word: 'v' lives only as long as its row. */
    int word = exo__vocab_value(&exo__end_reasons, v);
    if (word >= 0)
        return exo__vocab_word(&exo__end_reasons, word);
    if ((word = exo__vocab_value(&exo__leave_reasons, v)) >= 0)
        return exo__vocab_word(&exo__leave_reasons, word);
    char expected[200], detailed[200];
    exo__vocab_list(&exo__leave_reasons, detailed, sizeof detailed);
    exo__vocab_list(&exo__end_reasons, expected, sizeof expected);
    add_error(im, row, S_REASON, "unknown end_reason '%s' (expected %s; or %s)",
              v, detailed, expected);
    /* The distinct values, for one hint naming --reason-map. */
    bool listed = false;
    for (size_t i = 0; i < im->n_unknown_listed; i++)
        listed = listed || strcmp(im->unknown_reason[i], v) == 0;
    if (!listed) {
        im->n_unknown_reasons++;
        if (im->n_unknown_listed < COUNT(im->unknown_reason))
            im->unknown_reason[im->n_unknown_listed++] = intern(im, v);
    }
    *ok = false;
    return NULL;
}

/* A reason word of either vocabulary into the spell's end_reason and its
 * detailed reason. */
static void set_reason(struct spell_rec *rec, const char *word)
{
    exo_reason r;
    rec->leave = NULL;
    rec->reason = word;
    if (word && exo_reason_parse(word, &r)) {
        rec->leave = exo_reason_name(r);
        rec->reason = exo_event_name(exo_reason_event(r));
    }
}

static void take_spell(struct importer *im, struct row *row, const char **v)
{
    struct spell_rec rec = {0};
    bool ok = true;
    char generated[160];
    const char *person = v[S_PERSON];
    if (!person && v[S_ID]) {
        snprintf(generated, sizeof generated, "employee %s", v[S_ID]);
        person = generated;
    }
    if (!person) {
        add_error(im, row, S_PERSON,
                  "missing value in field 'person' (expected a name or an "
                  "'id')");
        ok = false;
    }
    rec.person = make_name(im, PERSON_NAME, person);
    rec.ext_id = intern(im, v[S_ID]);
    rec.org = make_name(im, ORG_NAME, v[S_ORG] ? v[S_ORG] : im->opts->org);
    if (!rec.org) {
        add_error(im, row, S_ORG,
                  "missing value in field 'org' (expected an organisation, or "
                  "--org NAME)");
        ok = false;
    }
    rec.dest = make_name(im, ORG_NAME, v[S_DEST]);
    rec.source = make_name(im, SOURCE_NAME, v[S_SOURCE]);
    rec.role = intern(im, v[S_ROLE]);
    rec.team = intern(im, v[S_TEAM]);
    if (v[S_LEVEL] &&
        !(rec.level = take_word(im, row, S_LEVEL, v[S_LEVEL], &exo__levels)))
        ok = false;
    set_reason(&rec, map_reason(im, row, v[S_REASON], &ok));
    if (!take_date(im, row, S_START, v[S_START], &rec.has_start, &rec.start))
        ok = false;
    if (!take_date(im, row, S_END, v[S_END], &rec.has_end, &rec.end))
        ok = false;
    if (ok && v[S_START] && !rec.has_start) {
        add_error(im, row, S_START,
                  "missing start date (expected a date, not the null date)");
        ok = false;
    }
    if (ok && rec.has_end && rec.has_start && rec.end.days < rec.start.days) {
        char s[11], e[11];
        exo_date_format(rec.start.days, s);
        exo_date_format(rec.end.days, e);
        add_error(im, row, S_END,
                  "end %s is before start %s (expected end on or after "
                  "start)",
                  e, s);
        ok = false;
    }
    if (ok && rec.has_end && !rec.reason)
        rec.reason = "unknown";
    if (ok) {
        if (rec.start.days > im->latest)
            im->latest = rec.start.days;
        if (rec.has_end && rec.end.days > im->latest)
            im->latest = rec.end.days;
    }
    if (ok && !rec.has_end && rec.reason && im->n_reasons == 0) {
        add_error(im, row, S_REASON,
                  "end_reason '%s' on a spell with no end (expected an 'end' "
                  "date)",
                  rec.reason);
        ok = false;
    }
    if (!ok || im->fatal)
        return;
    /* An HR export repeats an employee on many rows (one per year): rows
     * with the same employee, organisation and start are one spell. */
    struct buf key = BUF_INIT;
    if (exo__buf_addf(&key, "%s|%s|%d",
                      rec.ext_id ? rec.ext_id : rec.person->key, rec.org->key,
                      rec.start.days)) {
        im->fatal = EXO_ENOMEM;
        return;
    }
    int64_t at;
    if (exo__hmap_get(&im->spell_index, key.data, &at)) {
        struct spell_rec *old = (struct spell_rec *)im->recs + at;
        if (rec.has_end && (!old->has_end || rec.end.days >= old->end.days)) {
            old->has_end = true;
            old->end = rec.end;
            old->reason = rec.reason;
            old->leave = rec.leave;
            if (rec.dest)
                old->dest = rec.dest;
        }
        if (rec.role)
            old->role = rec.role;
        if (rec.team)
            old->team = rec.team;
        if (rec.level)
            old->level = rec.level;
        im->n_merged++;
    } else {
        struct spell_rec *slot = push_record(im, sizeof rec);
        if (slot) {
            *slot = rec;
            if (exo__hmap_put(&im->spell_index, key.data, (int64_t)(im->n - 1)))
                im->fatal = EXO_ENOMEM;
        }
    }
    exo__buf_release(&key);
}

/* An amount in whole US dollars, 0 to INT64_MAX: "100.5", "1e3" and
 * "0x10" are not one, and a larger one is not rounded to fit. */
static bool take_amount(struct importer *im, struct row *row, const char *v,
                        int64_t *out)
{
    bool overflow;
    bool parsed = exo__parse_int64(v, out, &overflow);
    if ((parsed && *out < 0) || (overflow && v[0] == '-'))
        add_error(im, row, F_AMOUNT,
                  "negative amount '%s' in field 'amount_usd' (expected 0 or "
                  "more; a loss is kind 'burn' with a positive amount)",
                  v);
    else if (overflow)
        add_error(im, row, F_AMOUNT,
                  "amount '%s' in field 'amount_usd' is too large (expected "
                  "at most %" PRId64 " whole US dollars)",
                  v, INT64_MAX);
    else if (!parsed)
        add_error(im, row, F_AMOUNT,
                  "malformed amount '%s' in field 'amount_usd' (expected "
                  "whole US dollars, e.g. 6600000000)",
                  v);
    else
        return true;
    return false;
}

static void take_finance(struct importer *im, struct row *row, const char **v)
{
    struct finance_rec rec = {0};
    bool ok = true, present;
    rec.org = make_name(im, ORG_NAME, v[F_ORG]);
    rec.source = make_name(im, SOURCE_NAME, v[F_SOURCE]);
    rec.note = intern(im, v[F_NOTE]);
    if (v[F_KIND] && !(rec.kind = take_word(im, row, F_KIND, v[F_KIND],
                                            &exo__finance_kinds)))
        ok = false;
    if (!take_date(im, row, F_DATE, v[F_DATE], &present, &rec.date))
        ok = false;
    else if (present && !apply_precision(im, row, F_PREC, v[F_PREC], &rec.date))
        ok = false;
    if (v[F_AMOUNT] && take_amount(im, row, v[F_AMOUNT], &rec.amount_usd))
        rec.has_amount = true;
    else if (v[F_AMOUNT])
        ok = false;
    if (ok) {
        struct finance_rec *slot = push_record(im, sizeof rec);
        if (slot)
            *slot = rec;
    }
}

static void take_alias(struct importer *im, struct row *row, const char **v)
{
    struct alias_rec rec;
    (void)row;
    rec.alias = make_name(im, ORG_NAME, v[A_ALIAS]);
    rec.org = make_name(im, ORG_NAME, v[A_ORG]);
    if (im->fatal)
        return;
    struct alias_rec *slot = push_record(im, sizeof rec);
    if (slot)
        *slot = rec;
}

/* Validates one data row whose values are already in row->value. */
static void take_row(struct importer *im, struct row *row, char **raw)
{
    const char *v[MAX_FIELDS] = {0};
    bool bad = false;
    im->n_rows++;
    for (size_t f = 0; f < im->n_fields; f++) {
        v[f] = take_value(im, row, (int)f, raw[f], &bad);
        if (!v[f] && !bad && (im->fields[f].flags & REQUIRED) && !raw[f]) {
            add_error(im, row, (int)f,
                      "missing value in field '%s' (expected a value)",
                      im->fields[f].name);
            bad = true;
        } else if (!v[f] && !bad && (im->fields[f].flags & REQUIRED)) {
            add_error(im, row, (int)f,
                      "empty value in field '%s' (expected a value)",
                      im->fields[f].name);
            bad = true;
        }
    }
    if (bad)
        return;
    switch (im->kind) {
    case EXO_IMPORT_MOVES:
        take_move(im, row, v);
        break;
    case EXO_IMPORT_SPELLS:
        take_spell(im, row, v);
        break;
    case EXO_IMPORT_FINANCE:
        take_finance(im, row, v);
        break;
    case EXO_IMPORT_ALIASES:
        take_alias(im, row, v);
        break;
    }
}

static int progress(struct importer *im, double done)
{
    const exo_hooks *h = &im->opts->hooks;
    return h->progress && h->progress(h->ud, done);
}

/* ==== Pass one: CSV ==== */

struct csv_pass {
    struct importer *im;
    size_t total_bytes;
};

static int on_csv_record(void *ud, const struct csv_record *rec)
{
    struct importer *im = ud;
    if (!im->have_header) {
        take_header(im, rec);
        return im->n_errors ? EXO_EDATA : EXO_OK;
    }
    struct row row = {.index = rec->index, .line = rec->line, .csv = rec};
    char *raw[MAX_FIELDS] = {0};
    exo_err e = {0};
    if (exo__csv_check_width(rec, im->n_header, im->name, &e)) {
        /* Never padded or cut to fit: a short row may be a file still
         * being written, a long one a comma the writer did not quote. */
        add_located(im, &e);
        im->n_rows++;
    } else {
        for (size_t f = 0; f < im->n_fields; f++) {
            row.csv_col[f] = im->col_of[f];
            if (im->col_of[f] >= 0)
                raw[f] = rec->field[im->col_of[f]];
        }
        take_row(im, &row, raw);
    }
    if (im->fatal)
        return im->fatal;
    /* Pipelined, the writer reports progress and asks to stop; the hook is
     * only ever called from the caller's thread. */
    if (im->pipe && atomic_load(&im->pipe->stop))
        return EXO_ECANCELED;
    if (!im->pipe && (im->n_rows & 0xffff) == 0 && progress(im, 0.0))
        return EXO_ECANCELED;
    /* Past the error cap, keep counting but stop early on huge files. */
    if (im->n_errors > 10 * EXO_MAX_ERRORS)
        return EXO_EDATA;
    return EXO_OK;
}

/* ==== Pass one: JSON ==== */

static exo_code read_json(struct importer *im, const char *text, size_t len)
{
    json_error_t jerr;
    bool oom;
    json_t *root =
        exo__json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr, &oom);
    exo_code code = EXO_OK;
    if (oom)
        return exo__fail(im->err, EXO_ENOMEM, "out of memory reading '%s'",
                         im->name);
    if (!root) {
        exo_err e = {0};
        exo__fail_at(&e, EXO_EDATA, im->name, jerr.line > 0 ? jerr.line : 1,
                     jerr.column > 0 ? jerr.column : 1,
                     "malformed JSON: %s (expected an array of objects)",
                     jerr.text);
        exo__errlist_add(im->errors, &e);
        im->n_errors++;
        return EXO_OK; /* the caller summarises the recorded errors */
    }
    if (!json_is_array(root)) {
        exo_err e = {0};
        exo__fail_at(&e, EXO_EDATA, im->name, 1, 1,
                     "the top level is not an array (expected an array of "
                     "objects)");
        exo__errlist_add(im->errors, &e);
        im->n_errors++;
        json_decref(root);
        return EXO_OK;
    }
    for (size_t f = 0; f < MAX_FIELDS; f++)
        im->col_of[f] = -1;
    size_t n = json_array_size(root);
    for (size_t i = 0; i < n && !im->fatal; i++) {
        json_t *obj = json_array_get(root, i);
        struct row row = {.index = i + 1, .json_index = i};
        char *raw[MAX_FIELDS] = {0};
        long line, column;
        exo__json_locate(text, i, NULL, &line, &column);
        row.line = line;
        for (size_t f = 0; f < MAX_FIELDS; f++)
            row.csv_col[f] = -1;
        if (!json_is_object(obj)) {
            add_error(im, &row, -1,
                      "array element %zu is not an object (expected an "
                      "object per row)",
                      i + 1);
            continue;
        }
        const char *key;
        json_t *value;
        json_object_foreach(obj, key, value)
        {
            int f = -1;
            for (size_t k = 0; k < im->n_fields; k++)
                if (strcmp(im->column_name[k], key) == 0)
                    f = (int)k;
            if (f < 0) {
                if (im->opts->map)
                    continue;
                char names[400];
                list_fields(im, names, sizeof names);
                exo_err e = {0};
                exo__json_locate(text, i, key, &line, &column);
                exo__fail_at(&e, EXO_EDATA, im->name, line, column,
                             "unknown field '%s' in %s file (expected %s)", key,
                             kind_name(im->kind), names);
                exo__errlist_add(im->errors, &e);
                if (im->n_errors++ == 0)
                    *im->err = e;
                continue;
            }
            char number[64];
            const char *s = NULL;
            if (json_is_string(value)) {
                s = json_string_value(value);
                if (strlen(s) != json_string_length(value)) {
                    add_error(im, &row, f,
                              "NUL character in field '%s' (expected text)",
                              key);
                    continue;
                }
            } else if (json_is_integer(value)) {
                snprintf(number, sizeof number, "%" JSON_INTEGER_FORMAT,
                         json_integer_value(value));
                s = number;
            } else if (json_is_real(value)) {
                snprintf(number, sizeof number, "%.17g",
                         json_real_value(value));
                s = number;
            } else if (!json_is_null(value)) {
                add_error(im, &row, f,
                          "field '%s' is not a string or number (expected "
                          "text, a number or null)",
                          key);
                continue;
            }
            if (s) {
                raw[f] = exo__arena_strdup(&im->arena, s);
                if (!raw[f])
                    im->fatal = EXO_ENOMEM;
            }
        }
        if (!im->fatal)
            take_row(im, &row, raw);
    }
    json_decref(root);
    if (im->fatal)
        code = exo__fail(im->err, im->fatal, "out of memory reading '%s'",
                         im->name);
    return code;
}

/* ==== Pass two: writing ==== */

/*
 * Pass two resolves each record's names to store ids, remembering every id
 * so that a name is looked up or added once, and hands the records to the
 * store's write transaction (src/store/write.h) a batch at a time.
 */
struct writer {
    struct write_tx *tx;
    exo_err *err;
    const char *default_source;  /* --source, for rows without their own */
    struct hmap orgs;            /* name key or alias key -> org id */
    struct hmap people;          /* name key -> person id */
    struct hmap employees;       /* HR export's employee id -> person id */
    struct hmap sources;         /* url -> source id */
    bool merging;                /* an alias import: organisations may merge */
    bool dry_run;                /* roll back instead of committing */
    const exo_import_opts *opts; /* for the 'merged' hook */
    /* spells: each one the file names (exo__write_spell_key), and the
     * organisations it names, for the spells it leaves out */
    struct hmap spells_seen;
    int64_t spell_orgs[16];
    size_t n_spell_orgs;
    bool many_orgs; /* more than spell_orgs holds */
};

/* The organisation named 'n', added when new; 0 when 'n' is NULL. */
static exo_code org_id(struct writer *w, struct name *n, int64_t *id)
{
    *id = 0;
    if (!n)
        return EXO_OK;
    if (n->id) {
        *id = n->id;
        return EXO_OK;
    }
    if (!exo__hmap_get(&w->orgs, n->key, id)) {
        exo_code code = exo__write_org(w->tx, n->text, n->key, id, w->err);
        if (code)
            return code;
        if (exo__hmap_put(&w->orgs, n->key, *id))
            return exo__fail(w->err, EXO_ENOMEM, "out of memory");
    }
    /* An alias import may merge an organisation into another: its names
     * are looked up every time. */
    if (!w->merging)
        n->id = *id;
    return EXO_OK;
}

/* A person the maps do not have is the store's to find or add; either
 * way the maps remember it. */
static exo_code person_lookup(struct writer *w, const struct name *n,
                              const char *ext_id, int64_t *id)
{
    struct hmap *map = ext_id ? &w->employees : &w->people;
    const char *key = ext_id ? ext_id : n->key;
    if (exo__hmap_get(map, key, id))
        return EXO_OK;
    exo_code code =
        exo__write_person(w->tx, n->text, n->key, ext_id, id, w->err);
    if (!code && exo__hmap_put(map, key, *id))
        code = exo__fail(w->err, EXO_ENOMEM, "out of memory");
    return code;
}

/* The person named 'n' (or, in an HR export, with employee id 'ext_id'),
 * added when new. */
static exo_code person_id(struct writer *w, struct name *n, const char *ext_id,
                          int64_t *id)
{
    if (!ext_id && n->id) {
        *id = n->id;
        return EXO_OK;
    }
    exo_code code = person_lookup(w, n, ext_id, id);
    if (!code && !ext_id)
        n->id = *id;
    return code;
}

static exo_code source_lookup(struct writer *w, const char *url, int64_t *id)
{
    *id = 0;
    if (!url)
        return EXO_OK;
    if (exo__hmap_get(&w->sources, url, id))
        return EXO_OK;
    exo_code code = exo__write_source(w->tx, url, id, w->err);
    if (!code && exo__hmap_put(&w->sources, url, *id))
        code = exo__fail(w->err, EXO_ENOMEM, "out of memory");
    return code;
}

/* The source of a record: its own URL 'n', else --source, else none (0). */
static exo_code source_id(struct writer *w, struct name *n, int64_t *id)
{
    if (n && n->id) {
        *id = n->id;
        return EXO_OK;
    }
    exo_code code = source_lookup(w, n ? n->text : w->default_source, id);
    if (!code && n)
        n->id = *id;
    return code;
}

static exo_code resolve_move(struct writer *w, const struct move_rec *r,
                             struct write_move *out)
{
    exo_code code;
    if ((code = person_id(w, r->person, NULL, &out->person)) ||
        (code = org_id(w, r->from, &out->from)) ||
        (code = org_id(w, r->to, &out->to)) ||
        (code = source_id(w, r->source, &out->source)))
        return code;
    out->role = r->role;
    out->level = r->level;
    out->event = r->event;
    out->date = r->date;
    return EXO_OK;
}

static exo_code resolve_spell(struct writer *w, const struct spell_rec *r,
                              struct write_spell *out)
{
    exo_code code;
    if ((code = person_id(w, r->person, r->ext_id, &out->person)) ||
        (code = org_id(w, r->org, &out->org)) ||
        (code = org_id(w, r->dest, &out->dest)) ||
        (code = source_id(w, r->source, &out->source)))
        return code;
    out->role = r->role;
    out->level = r->level;
    out->team = r->team;
    out->reason = r->reason;
    out->leave = r->leave;
    out->start = r->start;
    out->has_end = r->has_end;
    out->end = r->end;
    return EXO_OK;
}

static exo_code resolve_finance(struct writer *w, const struct finance_rec *r,
                                struct write_finance *out)
{
    exo_code code;
    if ((code = org_id(w, r->org, &out->org)) ||
        (code = source_id(w, r->source, &out->source)))
        return code;
    out->date = r->date;
    out->kind = r->kind;
    out->note = r->note;
    out->has_amount = r->has_amount;
    out->amount_usd = r->amount_usd;
    return EXO_OK;
}

/* Merges organisation 'from' into 'into', and says so through the
 * 'merged' hook: a merge cannot be undone but from a copy of the store. */
static exo_code merge_org(struct writer *w, int64_t from, int64_t into,
                          exo_import_result *result)
{
    char *from_name = NULL, *into_name = NULL;
    exo_code code = EXO_OK;
    if (w->opts->merged &&
        ((code = exo__write_org_name(w->tx, from, &from_name, w->err)) ||
         (code = exo__write_org_name(w->tx, into, &into_name, w->err))))
        goto out;
    if ((code = exo__write_merge_org(w->tx, from, into, w->err)))
        goto out;
    result->n_orgs_merged++;
    if (w->opts->merged)
        w->opts->merged(w->opts->hooks.ud, from_name, into_name);
out:
    exo__free(from_name);
    exo__free(into_name);
    return code;
}

/*
 * An alias names a variant of an organisation. When the variant was already
 * stored as an organisation of its own, its records move to the target and
 * it is removed, so that aliases may be imported before or after the data.
 */
static exo_code write_alias(struct writer *w, const struct alias_rec *r,
                            exo_import_result *result)
{
    int64_t target, existing;
    bool added;
    exo_code code;
    if ((code = org_id(w, r->org, &target)))
        return code;
    if (exo__hmap_get(&w->orgs, r->alias->key, &existing)) {
        if (existing == target) {
            result->n_present++;
            return EXO_OK;
        }
        if ((code = merge_org(w, existing, target, result)))
            return code;
    }
    if ((code = exo__write_alias(w->tx, r->alias->key, r->alias->text, target,
                                 &added, w->err)))
        return code;
    if (added)
        result->n_new++;
    else
        result->n_present++;
    if (exo__hmap_put(&w->orgs, r->alias->key, target))
        return exo__fail(w->err, EXO_ENOMEM, "out of memory");
    return EXO_OK;
}

/* Remembers a spell of the file, and its organisation. */
static exo_code note_spell(struct writer *w, const struct write_spell *sp)
{
    char key[64];
    exo__write_spell_key(key, sp->person, sp->org, sp->start.days);
    if (exo__hmap_put(&w->spells_seen, key, 1))
        return exo__fail(w->err, EXO_ENOMEM, "out of memory");
    for (size_t i = 0; i < w->n_spell_orgs; i++)
        if (w->spell_orgs[i] == sp->org)
            return EXO_OK;
    if (w->n_spell_orgs < COUNT(w->spell_orgs))
        w->spell_orgs[w->n_spell_orgs++] = sp->org;
    else
        w->many_orgs = true;
    return EXO_OK;
}

/*
 * After a spells file: the stored spells of its organisations that it
 * leaves out are counted (and ended with --full-snapshot), and --as-of is
 * recorded for each organisation.
 */
static exo_code finish_spells(struct importer *im, struct writer *w,
                              exo_import_result *result)
{
    const exo_import_opts *o = im->opts;
    int32_t at = o->has_as_of ? o->as_of : im->latest;
    exo_code code = EXO_OK;
    if (w->many_orgs && o->full_snapshot)
        return exo__fail(w->err, EXO_EINVAL,
                         "--full-snapshot with a file of more than %zu "
                         "organisations (expected one export per "
                         "organisation)",
                         COUNT(w->spell_orgs));
    for (size_t i = 0; i < w->n_spell_orgs && !code; i++) {
        size_t missing, open;
        code = exo__write_missing_spells(w->tx, w->spell_orgs[i],
                                         &w->spells_seen, o->full_snapshot, at,
                                         &missing, &open, w->err);
        result->n_missing += missing;
        result->n_missing_open += open;
        if (o->full_snapshot)
            result->n_closed += open;
        if (!code && o->has_as_of)
            code = exo__write_as_of(w->tx, w->spell_orgs[i], o->as_of, w->err);
    }
    if (o->full_snapshot)
        result->closed_on = at;
    return code;
}

/* Writes records [first, first + n), at most EXO__WRITE_BATCH, with one
 * statement; counts new rows. */
static exo_code write_batch(struct importer *im, struct writer *w, void *recs,
                            size_t first, size_t n, exo_import_result *result)
{
    union {
        struct write_move move[EXO__WRITE_BATCH];
        struct write_spell spell[EXO__WRITE_BATCH];
        struct write_finance finance[EXO__WRITE_BATCH];
    } rows;
    size_t added = 0, refreshed = 0;
    exo_code code = EXO_OK;
    switch (im->kind) {
    case EXO_IMPORT_MOVES: {
        const struct move_rec *r = (const struct move_rec *)recs + first;
        for (size_t k = 0; k < n && !code; k++)
            code = resolve_move(w, &r[k], &rows.move[k]);
        if (!code)
            code = exo__write_moves(w->tx, rows.move, n, &added, w->err);
        break;
    }
    case EXO_IMPORT_SPELLS: {
        const struct spell_rec *r = (const struct spell_rec *)recs + first;
        for (size_t k = 0; k < n && !code; k++)
            code = resolve_spell(w, &r[k], &rows.spell[k]);
        for (size_t k = 0; k < n && !code; k++)
            code = note_spell(w, &rows.spell[k]);
        size_t updated = 0;
        if (!code)
            code = exo__write_spells(w->tx, rows.spell, n, &added, &updated,
                                     w->err);
        result->n_updated += updated;
        refreshed = updated;
        break;
    }
    case EXO_IMPORT_FINANCE: {
        const struct finance_rec *r = (const struct finance_rec *)recs + first;
        for (size_t k = 0; k < n && !code; k++)
            code = resolve_finance(w, &r[k], &rows.finance[k]);
        if (!code)
            code = exo__write_finance(w->tx, rows.finance, n, &added, w->err);
        break;
    }
    case EXO_IMPORT_ALIASES:
        code = exo__bug(w->err, "aliases are written one at a time");
        break;
    }
    if (code)
        return code;
    /* Every record is present until the store says otherwise; a store
     * that sends records many batches at a time (PostgreSQL) says so in a
     * later call (exo__write_flush), so 'added' may exceed 'n'. */
    result->n_new += added;
    result->n_present += n;
    result->n_present -= added + refreshed;
    return EXO_OK;
}

/* The records a store held back, counted as write_batch counts. */
static exo_code write_flush(struct writer *w, exo_import_result *result)
{
    size_t added = 0, refreshed = 0;
    exo_code code = exo__write_flush(w->tx, &added, &refreshed, w->err);
    if (code)
        return code;
    result->n_new += added;
    result->n_updated += refreshed;
    result->n_present -= added + refreshed;
    return EXO_OK;
}

static int cmp_move_key(const void *a, const void *b)
{
    const struct move_rec *x = a, *y = b;
    int c = strcmp(x->person->key, y->person->key);
    if (c)
        return c;
    c = strcmp(x->event, y->event);
    if (c)
        return c;
    return (x->date.days > y->date.days) - (x->date.days < y->date.days);
}

/*
 * Pass two's state: the store's transaction and the id maps. With a
 * pipeline (below), records arrive in chunks while pass one still runs.
 */
struct write_pass {
    struct writer w;
    size_t n_done;     /* records written so far */
    size_t n_expected; /* records expected in all (an estimate when
                          pipelined), for progress */
    double progress_at, progress_span; /* progress = at + span * done */
};

/* BEGIN, then what every batch needs; 'n_expected' sizes the store's
 * decisions (which people to load, which indexes to defer). */
static exo_code write_begin(struct importer *im, exo_store *store,
                            struct write_pass *p, exo_err *err)
{
    struct writer *w = &p->w;
    exo_code code;
    w->err = err;
    w->default_source = im->opts->source;
    w->merging = im->kind == EXO_IMPORT_ALIASES;
    w->dry_run = im->opts->dry_run;
    w->opts = im->opts;
    if ((code = exo__write_begin(store, im->kind, &w->tx, err)) ||
        (code = exo__write_load_orgs(w->tx, &w->orgs, err)) ||
        (code = exo__write_load_people(w->tx, p->n_expected, &w->people,
                                       &w->employees, err)) ||
        (code = exo__write_defer_indexes(w->tx, p->n_expected, err)))
        return code;
    return EXO_OK;
}

/* Writes records [0, n) of 'recs' in batches of EXO__WRITE_BATCH. */
static exo_code write_records(struct importer *im, struct write_pass *p,
                              void *recs, size_t n_recs,
                              exo_import_result *result)
{
    exo_code code = EXO_OK;
    for (size_t i = 0; i < n_recs && !code;) {
        if (im->kind == EXO_IMPORT_ALIASES) {
            code = write_alias(&p->w, (struct alias_rec *)recs + i, result);
            i++;
            continue;
        }
        size_t n =
            n_recs - i < EXO__WRITE_BATCH ? n_recs - i : EXO__WRITE_BATCH;
        code = write_batch(im, &p->w, recs, i, n, result);
        i += n;
        p->n_done += n;
        double done =
            p->n_expected ? (double)p->n_done / (double)p->n_expected : 1.0;
        if (!code && (p->n_done / EXO__WRITE_BATCH) % 256 == 255 &&
            progress(im, p->progress_at +
                             p->progress_span * (done < 1.0 ? done : 1.0)))
            code = exo__fail(p->w.err, EXO_ECANCELED, "import canceled");
    }
    if (!code && im->kind != EXO_IMPORT_ALIASES)
        code = write_flush(&p->w, result);
    return code;
}

/* Adds the last new people, rebuilds the deferred indexes, commits; a
 * dry run stops short of it, and write_release rolls everything back. */
static exo_code write_end(struct write_pass *p)
{
    if (p->w.dry_run)
        return EXO_OK;
    return exo__write_commit(p->w.tx, p->w.err);
}

/* Ends the transaction, rolled back unless committed ('code' EXO_OK). */
static void write_release(struct write_pass *p, exo_code code,
                          exo_import_result *result)
{
    struct writer *w = &p->w;
    exo__write_end(w->tx);
    w->tx = NULL;
    exo__hmap_release(&w->orgs);
    exo__hmap_release(&w->people);
    exo__hmap_release(&w->employees);
    exo__hmap_release(&w->sources);
    exo__hmap_release(&w->spells_seen);
    if (code)
        result->n_new = result->n_present = result->n_orgs_merged = 0;
    if (code)
        result->n_updated = result->n_missing = result->n_missing_open =
            result->n_closed = 0;
}

static exo_code write_all(struct importer *im, exo_store *store,
                          exo_import_result *result)
{
    struct write_pass p = {
        .n_expected = im->n, .progress_at = 0.5, .progress_span = 0.5};
    if (im->n == 0)
        return EXO_OK; /* a header and no rows: nothing to write */
    exo_code code = write_begin(im, store, &p, im->err);
    /* In natural-key order, new people get ascending ids and each row
     * lands at the end of the key index instead of at a random page. */
    if (!code && im->kind == EXO_IMPORT_MOVES)
        exo__qsort(im->recs, im->n, sizeof(struct move_rec), cmp_move_key);
    if (!code)
        code = write_records(im, &p, im->recs, im->n, result);
    if (!code && im->kind == EXO_IMPORT_SPELLS)
        code = finish_spells(im, &p.w, result);
    if (!code)
        code = write_end(&p);
    write_release(&p, code, result);
    return code;
}

/* ==== Pipeline ==== */

/*
 * A large moves CSV is validated in a second thread while this one writes
 * the records already validated, inside the same still uncommitted
 * transaction: the two passes overlap on two cores. Nothing is visible
 * before COMMIT, and COMMIT happens only after pass one has ended with no
 * error, so a data error, an allocation failure, a cancel or a killed
 * process still leaves the store exactly as it was (ROLLBACK, or WAL
 * frames that were never committed). Errors are found and recorded by
 * pass one alone, in input order, exactly as without the pipeline. Once
 * pass one has found an error it publishes no more chunks.
 *
 * Records are written in input order: the natural-key sort of write_all
 * needs every record first.
 */
enum { PIPELINE_MIN_BYTES = 1 << 20 };

static void publish(struct pipeline *pl, struct move_chunk *c)
{
    pthread_mutex_lock(&pl->lock);
    if (c) {
        c->next = NULL;
        if (pl->tail)
            pl->tail->next = c;
        else
            pl->head = c;
        pl->tail = c;
    } else {
        pl->done = true;
    }
    pthread_cond_signal(&pl->ready);
    pthread_mutex_unlock(&pl->lock);
}

/* The next chunk to write, or NULL once pass one has ended. */
static struct move_chunk *take_chunk(struct pipeline *pl)
{
    pthread_mutex_lock(&pl->lock);
    while (!pl->head && !pl->done)
        pthread_cond_wait(&pl->ready, &pl->lock);
    struct move_chunk *c = pl->head;
    if (c) {
        pl->head = c->next;
        if (!pl->head)
            pl->tail = NULL;
    }
    pthread_mutex_unlock(&pl->lock);
    return c;
}

static void *pipe_slot(struct importer *im)
{
    struct move_chunk *c = im->fill;
    if (c && c->n == CHUNK_RECS) {
        if (im->n_errors) {
            c->n = 0; /* nothing will be written: reuse it */
        } else {
            publish(im->pipe, c);
            c = im->fill = NULL;
        }
    }
    if (!c) {
        c = im->fill = exo__malloc(sizeof *c);
        if (!c) {
            im->fatal = EXO_ENOMEM;
            return NULL;
        }
        c->n = 0;
    }
    im->n++;
    return memset(&c->rec[c->n++], 0, sizeof c->rec[0]);
}

/* Pass one, in the second thread. */
static void *validate_thread(void *arg)
{
    struct importer *im = arg;
    struct pipeline *pl = im->pipe;
    pl->code = exo__csv_read_mem(pl->text, pl->len, im->name, on_csv_record, im,
                                 &pl->read_err);
    if (im->fill && im->fill->n && !im->n_errors && !im->fatal &&
        pl->code == EXO_OK) {
        publish(pl, im->fill);
    } else {
        exo__free(im->fill);
    }
    im->fill = NULL;
    publish(pl, NULL);
    return NULL;
}

static exo_code csv_checked(struct importer *im, exo_code code,
                            const exo_err *read_err, exo_err *err);
static exo_code summarise(struct importer *im, exo_code code,
                          exo_import_result *result, exo_errlist *errors,
                          exo_err *err);

/*
 * Imports a moves CSV with the two passes overlapped. Returns -1 without
 * doing anything when no thread can be started (the caller then imports
 * without the pipeline).
 */
static int import_pipelined(struct importer *im, exo_store *store,
                            const char *text, size_t len,
                            exo_import_result *result, exo_errlist *errors,
                            exo_err *err)
{
    struct pipeline pl = {.text = text, .len = len};
    struct write_pass p = {.progress_at = 0.0, .progress_span = 1.0};
    exo_err write_err = {0};
    pthread_t thread;
    exo_code code, write_code;
    /* Rows are at most the lines after the header: the estimate sizes the
     * index and people decisions of write_begin and the progress. */
    for (const char *q = text, *end = text + len;
         (q = memchr(q, '\n', (size_t)(end - q))); q++)
        p.n_expected++;
    if (p.n_expected)
        p.n_expected--;
    if (pthread_mutex_init(&pl.lock, NULL))
        return -1;
    if (pthread_cond_init(&pl.ready, NULL)) {
        pthread_mutex_destroy(&pl.lock);
        return -1;
    }
    atomic_init(&pl.stop, 0);
    im->pipe = &pl;
    if (pthread_create(&thread, NULL, validate_thread, im)) {
        im->pipe = NULL;
        pthread_cond_destroy(&pl.ready);
        pthread_mutex_destroy(&pl.lock);
        return -1;
    }
    write_code = write_begin(im, store, &p, &write_err);
    for (struct move_chunk *c; (c = take_chunk(&pl));) {
        if (!write_code)
            write_code = write_records(im, &p, c->rec, c->n, result);
        exo__free(c);
        if (write_code == EXO_ECANCELED)
            atomic_store(&pl.stop, 1);
    }
    pthread_join(thread, NULL);
    im->pipe = NULL;
    pthread_cond_destroy(&pl.ready);
    pthread_mutex_destroy(&pl.lock);
    /* As without the pipeline: a data error or an allocation failure in
     * pass one is the result; a write failure only when pass one passed. */
    bool from_writer = write_code == EXO_ECANCELED;
    if (from_writer) {
        code = write_code;
    } else {
        code = csv_checked(im, pl.code, &pl.read_err, err);
        code = summarise(im, code, result, errors, err);
        if (!code && write_code) {
            code = write_code;
            from_writer = true;
        }
        if (!code) {
            code = write_end(&p);
            from_writer = code != EXO_OK;
        }
    }
    if (from_writer) {
        if (err->code == EXO_OK)
            *err = write_err;
        exo__err_context(err, "importing '%s'", im->name);
    }
    write_release(&p, code, result);
    return (int)code;
}

/* ==== Entry point ==== */

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool is_json(const char *path)
{
    size_t n = strlen(path);
    return (n >= 5 && strcmp(path + n - 5, ".json") == 0) ||
           (n >= 8 && strcmp(path + n - 8, ".json.gz") == 0);
}

/* Appends to 'err''s message what the user can do about the errors a
 * flag fixes, with the values seen: the summary is printed after the
 * errors, where it is read. */
static void add_hints(const struct importer *im, exo_err *err)
{
    size_t used = strlen(err->msg);
#define HINT(...)                                                              \
    do {                                                                       \
        if (used < sizeof err->msg)                                            \
            used += (size_t)snprintf(err->msg + used, sizeof err->msg - used,  \
                                     __VA_ARGS__);                             \
    } while (0)
    if (im->n_unknown_reasons) {
        HINT("; end reasons not known: ");
        for (size_t i = 0; i < im->n_unknown_listed; i++)
            HINT("%s'%s'", i ? ", " : "", im->unknown_reason[i]);
        if (im->n_unknown_reasons > im->n_unknown_listed)
            HINT(" and %zu more", im->n_unknown_reasons - im->n_unknown_listed);
        HINT(" (--reason-map '%s=REASON,...' maps them)",
             im->unknown_reason[0]);
    }
    if (im->bad_date)
        HINT("; a date like '%s' needs --date-format (%%m/%%d/%%Y for US "
             "dates)",
             im->bad_date);
#undef HINT
}

/*
 * After pass one: summarises the recorded errors (nothing is written when
 * there is any) or writes every record in one transaction.
 */
static exo_code summarise(struct importer *im, exo_code code,
                          exo_import_result *result, exo_errlist *errors,
                          exo_err *err)
{
    /* A record callback's ENOMEM also comes back as the CSV reader's stop
     * code, with no message yet (the fault sweep, test_faults.c). */
    if ((code == EXO_OK || code == im->fatal) && im->fatal)
        code =
            exo__fail(err, im->fatal, "out of memory importing '%s'", im->name);
    if (code == EXO_OK && im->n_errors) {
        size_t total = im->n_errors;
        exo_err_clear(err);
        code = exo__fail(err, EXO_EDATA,
                         "%zu error%s in '%s'; nothing was imported", total,
                         total == 1 ? "" : "s", im->name);
        add_hints(im, err);
        if (errors)
            errors->n_total = total;
    }
    result->n_rows = im->n_rows;
    result->n_merged = im->n_merged;
    return code;
}

static exo_code finish(struct importer *im, exo_store *store, exo_code code,
                       exo_import_result *result, exo_errlist *errors,
                       exo_err *err)
{
    code = summarise(im, code, result, errors, err);
    if (code)
        return code;
    if (progress(im, 0.5))
        return exo__fail(err, EXO_ECANCELED, "import canceled");
    code = write_all(im, store, result);
    if (code)
        exo__err_context(err, "importing '%s'", im->name);
    return code;
}

/*
 * After pass one over a CSV: an empty file and the reader's own errors
 * (quoting, text) join the rows' errors, so that every one is listed;
 * stopping early on many errors is not a failure itself.
 */
static exo_code csv_checked(struct importer *im, exo_code code,
                            const exo_err *read_err, exo_err *err)
{
    if (code == EXO_OK && !im->have_header && !im->n_errors) {
        exo_err e = {0};
        exo__fail_at(&e, EXO_EDATA, im->name, 1, 1,
                     "the file is empty (expected a header row)");
        add_located(im, &e);
    }
    if (code == EXO_EDATA && read_err->code == EXO_EDATA)
        add_located(im, read_err);
    else if (code && code != EXO_EDATA && read_err->code && err->code == EXO_OK)
        *err = *read_err; /* out of memory in the reader itself */
    if (code == EXO_EDATA)
        code = EXO_OK; /* summarised with the others */
    return code;
}

exo_code exo_import_file(exo_store *store, exo_import_kind kind,
                         const char *path, const exo_import_opts *opts,
                         exo_import_result *result, exo_errlist *errors,
                         exo_err *err)
{
    exo_import_opts defaults;
    exo_err local_err = {0};
    struct importer im = {0};
    exo_code code;
    char *text = NULL;
    size_t len = 0;
    if (!opts) {
        exo_import_opts_init(&defaults);
        opts = &defaults;
    }
    if (!err)
        err = &local_err;
    memset(result, 0, sizeof *result);
    if (errors)
        memset(errors, 0, sizeof *errors);
    im.kind = kind;
    im.opts = opts;
    im.name = base_name(path);
    im.errors = errors;
    im.err = err;
    switch (kind) {
    case EXO_IMPORT_MOVES:
        im.fields = move_fields;
        break;
    case EXO_IMPORT_SPELLS:
        im.fields = spell_fields;
        break;
    case EXO_IMPORT_FINANCE:
        im.fields = finance_fields;
        break;
    case EXO_IMPORT_ALIASES:
        im.fields = alias_fields;
        break;
    default:
        return exo__fail(err, EXO_EINVAL, "unknown import kind %d", kind);
    }
    while (im.fields[im.n_fields].name)
        im.n_fields++;
    if ((code = setup_options(&im)))
        goto out;
    code = exo__read_input(path, im.name, &text, &len, err);
    if (code == EXO_EDATA) {
        /* Not text, cut short or too big: the file's one error. */
        exo__errlist_add(errors, err);
        im.n_errors++;
        code = finish(&im, store, EXO_OK, result, errors, err);
        goto out;
    }
    if (code)
        goto out;
    bool json = opts->format == EXO_FORMAT_JSON ||
                (opts->format == EXO_FORMAT_AUTO && is_json(path));
    if (json) {
        im.text = text;
        code = read_json(&im, text, len);
    } else {
        if (kind == EXO_IMPORT_MOVES && len >= PIPELINE_MIN_BYTES) {
            int rc =
                import_pipelined(&im, store, text, len, result, errors, err);
            if (rc >= 0) {
                code = (exo_code)rc;
                goto out;
            }
        }
        exo_err read_err = {0};
        code = exo__csv_read_mem(text, len, im.name, on_csv_record, &im,
                                 &read_err);
        code = csv_checked(&im, code, &read_err, err);
    }
    code = finish(&im, store, code, result, errors, err);
out:
    if (im.n_unread && opts->hooks.warn)
        opts->hooks.warn(opts->hooks.ud, unread_note(&im));
    exo__free(text);
    exo__free(im.recs);
    exo__hmap_release(&im.spell_index);
    release_names(&im);
    exo__arena_release(&im.arena);
    return code;
}

/* A writable arena copy of 's' (take_value trims in place), or NULL. */
static char *raw_copy(struct importer *im, const char *s)
{
    if (!s)
        return NULL;
    char *copy = exo__arena_strdup(&im->arena, s);
    if (!copy)
        im->fatal = EXO_ENOMEM;
    return copy;
}

exo_code exo_import_moves(exo_store *store, const exo_move *moves, size_t n,
                          const exo_import_opts *opts,
                          exo_import_result *result, exo_errlist *errors,
                          exo_err *err)
{
    exo_import_opts defaults;
    exo_err local_err = {0};
    struct importer im = {0};
    exo_code code;
    if (!opts) {
        exo_import_opts_init(&defaults);
        opts = &defaults;
    }
    if (!err)
        err = &local_err;
    memset(result, 0, sizeof *result);
    if (errors)
        memset(errors, 0, sizeof *errors);
    if (n > 0 && !moves)
        return exo__fail(err, EXO_EINVAL, "no moves given for %zu rows", n);
    im.kind = EXO_IMPORT_MOVES;
    im.opts = opts;
    im.name = opts->source && *opts->source ? opts->source : "moves";
    im.errors = errors;
    im.err = err;
    im.fields = move_fields;
    while (im.fields[im.n_fields].name)
        im.n_fields++;
    for (size_t f = 0; f < MAX_FIELDS; f++)
        im.col_of[f] = -1;
    if ((code = setup_options(&im)))
        goto out;
    for (size_t i = 0; i < n && !im.fatal; i++) {
        const exo_move *m = &moves[i];
        struct row row = {.index = i + 1, .line = (long)(i + 1)};
        char *raw[MAX_FIELDS] = {0};
        char date[11];
        for (size_t f = 0; f < MAX_FIELDS; f++)
            row.csv_col[f] = -1;
        exo_date_format(m->date.days, date);
        raw[M_PERSON] = raw_copy(&im, m->person ? m->person : "");
        raw[M_FROM] = raw_copy(&im, m->from_org);
        raw[M_TO] = raw_copy(&im, m->to_org);
        raw[M_ROLE] = raw_copy(&im, m->role);
        raw[M_LEVEL] = raw_copy(&im, exo_level_name(m->level));
        raw[M_EVENT] = raw_copy(&im, exo_event_name(m->event));
        raw[M_DATE] = raw_copy(&im, date);
        raw[M_PREC] = raw_copy(&im, exo__precision_name(m->date.precision));
        raw[M_SOURCE] = raw_copy(&im, m->source);
        if (!im.fatal)
            take_row(&im, &row, raw);
    }
    code = finish(&im, store, EXO_OK, result, errors, err);
out:
    exo__free(im.recs);
    exo__hmap_release(&im.spell_index);
    release_names(&im);
    exo__arena_release(&im.arena);
    return code;
}
