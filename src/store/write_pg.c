/*
 * write_pg.c - an import's write transaction on a PostgreSQL store: the
 * same contract as write.c (write.h), in one transaction that takes a lock
 * every other writer waits for (readers do not). Records are bulk-loaded
 * with COPY into a temporary staging table and moved into their table by
 * one INSERT .. SELECT a batch, whose ON CONFLICT keeps the natural keys
 * as SQLite's unique indexes do and whose row count is the number of new
 * records. New organisations, people and sources take ids in advance (the
 * lock makes the largest id stable), as write.c does for people.
 */
#include "store/write_pg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/vec.h"
#include "store/pg.h"

struct pg_write {
    exo_store *store;
    PGconn *conn;
    exo_import_kind kind;
    bool committed;
    bool prepared; /* exo_insert and exo_next, until exo__pgw_end */
    int64_t last_org, last_person, last_source;
    struct pg_person {
        const char *name, *key, *ext_key;
        int64_t id;
    } * pending;
    size_t n_pending, cap_pending;
    struct buf copy;    /* COPY's text of the new people */
    struct buf records; /* COPY's text of the records not yet sent */
    size_t n_staged;    /* records in it */
    int64_t seq;        /* records staged so far: their order */
};

/* Records sent to the server at a time: each sending is four round trips
 * and an INSERT the server plans once, so a larger batch than the
 * importer's EXO__WRITE_BATCH pays for itself many times over. */
enum { PG_FLUSH_ROWS = 8192 };

/* Runs one statement with text parameters; '*res' (when not NULL) gets
 * the result of a success, to PQclear. */
static exo_code run(struct pg_write *w, const char *sql, int n,
                    const char *const *values, PGresult **res,
                    const char *doing, exo_err *err)
{
    PGresult *r = PQexecParams(w->conn, sql, n, NULL, values, NULL, NULL, 0);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        exo_code code = exo__fail_pg(err, w->conn, r, doing);
        PQclear(r);
        return code;
    }
    if (res)
        *res = r;
    else
        PQclear(r);
    return EXO_OK;
}

static const char *i64(char buf[24], int64_t v)
{
    snprintf(buf, 24, "%lld", (long long)v);
    return buf;
}

/* The staging table of each kind: the record's columns as the file gives
 * them, and 'seq', the order the records came in (ids follow it). */
static const char *const stage_sql[] = {
    [EXO_IMPORT_MOVES] =
        "CREATE TEMP TABLE stage (seq BIGINT, person_id BIGINT, "
        "from_org_id BIGINT, to_org_id BIGINT, role TEXT, level TEXT, "
        "event TEXT, date INTEGER, date_precision TEXT, source_id BIGINT) "
        "ON COMMIT DROP",
    [EXO_IMPORT_SPELLS] =
        "CREATE TEMP TABLE stage (seq BIGINT, person_id BIGINT, org_id "
        "BIGINT, role TEXT, level TEXT, team TEXT, start_date INTEGER, "
        "start_precision TEXT, end_date INTEGER, end_precision TEXT, "
        "end_reason TEXT, dest_org_id BIGINT, source_id BIGINT, "
        "leave_reason TEXT) ON COMMIT DROP",
    [EXO_IMPORT_FINANCE] =
        "CREATE TEMP TABLE stage (seq BIGINT, org_id BIGINT, date INTEGER, "
        "precision TEXT, kind TEXT, amount_usd BIGINT, note TEXT, "
        "source_id BIGINT) ON COMMIT DROP",
    [EXO_IMPORT_ALIASES] = NULL,
};

exo_code exo__pgw_begin(exo_store *store, exo_import_kind kind,
                        struct pg_write **out, exo_err *err)
{
    struct pg_write *w = exo__calloc(1, sizeof *w);
    exo_code code;
    PGresult *res = NULL;
    *out = NULL;
    if (!w)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    w->store = store;
    w->conn = store->pg;
    w->kind = kind;
    /* SHARE ROW EXCLUSIVE conflicts with itself: one import at a time, as
     * SQLite's BEGIN IMMEDIATE; reads go on meanwhile. */
    if ((code = exo__pg_exec(store,
                             "BEGIN; LOCK TABLE org, person, source, alias, "
                             "spell, move, finance, export_as_of IN SHARE "
                             "ROW EXCLUSIVE MODE",
                             err)) ||
        (stage_sql[kind] && (code = exo__pg_exec(store, stage_sql[kind], err))))
        goto fail;
    if ((code = run(w,
                    "SELECT (SELECT COALESCE(MAX(id), 0) FROM org), "
                    "(SELECT COALESCE(MAX(id), 0) FROM person), "
                    "(SELECT COALESCE(MAX(id), 0) FROM source)",
                    0, NULL, &res, "reading the store's ids", err)))
        goto fail;
    w->last_org = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
    w->last_person = strtoll(PQgetvalue(res, 0, 1), NULL, 10);
    w->last_source = strtoll(PQgetvalue(res, 0, 2), NULL, 10);
    PQclear(res);
    *out = w;
    return EXO_OK;
fail:
    exo__pgw_end(w);
    return code;
}

exo_code exo__pgw_load_orgs(struct pg_write *w, struct hmap *orgs, exo_err *err)
{
    static const char *const sql[2] = {"SELECT name_key, id FROM org",
                                       "SELECT alias_key, org_id FROM alias"};
    for (int i = 0; i < 2; i++) {
        PGresult *res;
        exo_code code =
            run(w, sql[i], 0, NULL, &res, "reading organisations", err);
        if (code)
            return code;
        for (int r = 0; r < PQntuples(res); r++)
            if (exo__hmap_put(orgs, PQgetvalue(res, r, 0),
                              strtoll(PQgetvalue(res, r, 1), NULL, 10))) {
                PQclear(res);
                return exo__fail(err, EXO_ENOMEM, "out of memory");
            }
        PQclear(res);
    }
    return EXO_OK;
}

/* Every stored person goes into the maps: one query costs less than a
 * round trip to the server per name. */
exo_code exo__pgw_load_people(struct pg_write *w, struct hmap *people,
                              struct hmap *employees, exo_err *err)
{
    PGresult *res;
    exo_code code =
        run(w, "SELECT id, name_key, ext_key FROM person ORDER BY id", 0, NULL,
            &res, "reading people", err);
    if (code)
        return code;
    for (int r = 0; r < PQntuples(res); r++) {
        int64_t id = strtoll(PQgetvalue(res, r, 0), NULL, 10), seen;
        const char *key = PQgetvalue(res, r, 1);
        int failed = 0;
        if (!PQgetisnull(res, r, 2))
            failed = exo__hmap_put(employees, PQgetvalue(res, r, 2), id);
        else if (!exo__hmap_get(people, key, &seen))
            failed = exo__hmap_put(people, key, id);
        if (failed) {
            PQclear(res);
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        }
    }
    PQclear(res);
    return EXO_OK;
}

exo_code exo__pgw_org(struct pg_write *w, const char *name, const char *key,
                      int64_t *id, exo_err *err)
{
    char buf[24];
    const char *v[3] = {i64(buf, w->last_org + 1), name, key};
    exo_code code = run(w,
                        "INSERT INTO org (id, name, name_key) VALUES ($1, $2, "
                        "$3)",
                        3, v, NULL, "adding an organisation", err);
    if (!code)
        *id = ++w->last_org;
    return code;
}

exo_code exo__pgw_person(struct pg_write *w, const char *name, const char *key,
                         const char *ext_key, int64_t *id, exo_err *err)
{
    struct pg_person p = {name, key, ext_key, w->last_person + 1};
    if (EXO_VEC_PUSH(w->pending, w->n_pending, w->cap_pending, p))
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    *id = ++w->last_person;
    return EXO_OK;
}

exo_code exo__pgw_source(struct pg_write *w, const char *url, int64_t *id,
                         exo_err *err)
{
    char buf[24];
    PGresult *res;
    const char *v[2] = {i64(buf, w->last_source + 1), url};
    exo_code code = run(w,
                        "WITH n AS (INSERT INTO source (id, url) VALUES ($1, "
                        "$2) ON CONFLICT (url) DO NOTHING RETURNING id) "
                        "SELECT id FROM n UNION ALL SELECT id FROM source "
                        "WHERE url = $2",
                        2, v, &res, "adding a source", err);
    if (code)
        return code;
    *id = PQntuples(res) ? strtoll(PQgetvalue(res, 0, 0), NULL, 10) : 0;
    if (*id > w->last_source)
        w->last_source = *id;
    PQclear(res);
    return EXO_OK;
}

/* ==== COPY ==== */

/* One field of COPY's text format: \N for NULL, the escapes it reads. */
static int copy_text(struct buf *b, const char *s)
{
    int rc = 0;
    if (!s)
        return exo__buf_addstr(b, "\\N\t");
    for (; *s; s++) {
        switch (*s) {
        case '\\':
            rc |= exo__buf_addstr(b, "\\\\");
            break;
        case '\t':
            rc |= exo__buf_addstr(b, "\\t");
            break;
        case '\n':
            rc |= exo__buf_addstr(b, "\\n");
            break;
        case '\r':
            rc |= exo__buf_addstr(b, "\\r");
            break;
        default:
            rc |= exo__buf_addch(b, *s);
        }
    }
    return rc | exo__buf_addch(b, '\t');
}

static int copy_int(struct buf *b, bool present, int64_t v)
{
    if (!present)
        return exo__buf_addstr(b, "\\N\t");
    return exo__buf_addf(b, "%lld\t", (long long)v);
}

/* Ends the row: the last tab becomes the newline. */
static void copy_row_end(struct buf *b)
{
    b->data[b->len - 1] = '\n';
}

/* Sends 'text' with the COPY statement 'copy_sql'; empties 'text'. */
static exo_code copy_in(struct pg_write *w, const char *copy_sql,
                        struct buf *text, exo_err *err)
{
    PGresult *res = PQexec(w->conn, copy_sql);
    if (PQresultStatus(res) != PGRES_COPY_IN) {
        exo_code code = exo__fail_pg(err, w->conn, res, "starting COPY");
        PQclear(res);
        return code;
    }
    PQclear(res);
    int ok = text->len == 0 ||
             PQputCopyData(w->conn, text->data, (int)text->len) == 1;
    if (PQputCopyEnd(w->conn, ok ? NULL : "exodus could not send") != 1)
        ok = 0;
    exo_code code = EXO_OK;
    while ((res = PQgetResult(w->conn))) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && !code)
            code = exo__fail_pg(err, w->conn, res, "copying records");
        PQclear(res);
    }
    if (!ok && !code)
        code = exo__fail_pg(err, w->conn, NULL, "copying records");
    exo__buf_reset(text);
    return code;
}

/* The new people so far, before records that name them. */
static exo_code flush_people(struct pg_write *w, exo_err *err)
{
    int rc = 0;
    if (w->n_pending == 0)
        return EXO_OK;
    exo__buf_reset(&w->copy);
    for (size_t i = 0; i < w->n_pending; i++) {
        const struct pg_person *p = &w->pending[i];
        rc |= copy_int(&w->copy, true, p->id);
        rc |= copy_text(&w->copy, p->name);
        rc |= copy_text(&w->copy, p->key);
        rc |= copy_text(&w->copy, p->ext_key);
        if (!rc)
            copy_row_end(&w->copy);
    }
    if (rc)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    w->n_pending = 0;
    return copy_in(w, "COPY person (id, name, name_key, ext_key) FROM STDIN",
                   &w->copy, err);
}

/* ==== Records ==== */

static const char *prec(exo_precision p)
{
    return exo__precision_name(p);
}

/* The staged batch into its table: 'sql' takes it out of 'stage'. */
static const char move_insert[] =
    "WITH s AS (DELETE FROM stage RETURNING *) "
    "INSERT INTO move (org_id, person_id, from_org_id, to_org_id, role, "
    "level, event, date, date_precision, source_id) "
    "SELECT COALESCE(from_org_id, to_org_id, 0), person_id, from_org_id, "
    "to_org_id, role, level, event, date, date_precision, source_id FROM s "
    "ORDER BY seq ON CONFLICT DO NOTHING";

static const char finance_insert[] =
    "WITH s AS (DELETE FROM stage RETURNING *) "
    "INSERT INTO finance (org_id, date, precision, kind, amount_usd, note, "
    "source_id) SELECT org_id, date, precision, kind, amount_usd, note, "
    "source_id FROM s ORDER BY seq ON CONFLICT DO NOTHING";

/* write.c's spell_refresh in PostgreSQL's words. RETURNING names the
 * rows that changed: an id past the sequence's value taken just before is
 * a new row, the others were updated (as write.c tells them apart). */
static const char spell_insert[] =
    "WITH s AS (DELETE FROM stage RETURNING *) "
    "INSERT INTO spell AS t (person_id, org_id, role, level, team, "
    "start_date, start_precision, end_date, end_precision, end_reason, "
    "dest_org_id, source_id, leave_reason) "
    "SELECT person_id, org_id, role, level, team, start_date, "
    "start_precision, end_date, end_precision, end_reason, dest_org_id, "
    "source_id, leave_reason FROM s ORDER BY seq "
    "ON CONFLICT (org_id, person_id, COALESCE(start_date, -999999)) "
    "DO UPDATE SET role = COALESCE(excluded.role, t.role), "
    "level = COALESCE(excluded.level, t.level), "
    "team = COALESCE(excluded.team, t.team), "
    "end_date = COALESCE(excluded.end_date, t.end_date), "
    "end_precision = CASE WHEN excluded.end_date IS NULL THEN "
    "t.end_precision ELSE excluded.end_precision END, "
    "end_reason = CASE WHEN excluded.end_date IS NULL THEN t.end_reason "
    "ELSE excluded.end_reason END, "
    "leave_reason = CASE WHEN excluded.end_date IS NULL THEN "
    "t.leave_reason ELSE excluded.leave_reason END, "
    "dest_org_id = COALESCE(excluded.dest_org_id, t.dest_org_id), "
    "source_id = COALESCE(t.source_id, excluded.source_id) "
    "WHERE excluded.role IS NOT NULL AND excluded.role IS DISTINCT FROM "
    "t.role OR excluded.level IS NOT NULL AND excluded.level IS DISTINCT "
    "FROM t.level OR excluded.team IS NOT NULL AND excluded.team IS "
    "DISTINCT FROM t.team OR excluded.end_date IS NOT NULL AND "
    "(excluded.end_date IS DISTINCT FROM t.end_date OR "
    "excluded.end_precision IS DISTINCT FROM t.end_precision OR "
    "excluded.end_reason IS DISTINCT FROM t.end_reason OR "
    "excluded.leave_reason IS DISTINCT FROM t.leave_reason) OR "
    "excluded.dest_org_id IS NOT NULL AND excluded.dest_org_id IS DISTINCT "
    "FROM t.dest_org_id "
    "RETURNING id";

static const char *const copy_stage[] = {
    [EXO_IMPORT_MOVES] = "COPY stage (seq, person_id, from_org_id, "
                         "to_org_id, role, level, event, date, "
                         "date_precision, source_id) FROM STDIN",
    [EXO_IMPORT_SPELLS] = "COPY stage (seq, person_id, org_id, role, level, "
                          "team, start_date, start_precision, end_date, "
                          "end_precision, end_reason, dest_org_id, "
                          "source_id, leave_reason) FROM STDIN",
    [EXO_IMPORT_FINANCE] = "COPY stage (seq, org_id, date, precision, kind, "
                           "amount_usd, note, source_id) FROM STDIN",
    [EXO_IMPORT_ALIASES] = NULL,
};

static int stage_move(struct buf *b, size_t seq, const struct write_move *r)
{
    int rc = copy_int(b, true, (int64_t)seq);
    rc |= copy_int(b, true, r->person);
    rc |= copy_int(b, r->from != 0, r->from);
    rc |= copy_int(b, r->to != 0, r->to);
    rc |= copy_text(b, r->role);
    rc |= copy_text(b, r->level);
    rc |= copy_text(b, r->event);
    rc |= copy_int(b, true, r->date.days);
    rc |= copy_text(b, prec(r->date.precision));
    rc |= copy_int(b, r->source != 0, r->source);
    return rc;
}

static int stage_spell(struct buf *b, size_t seq, const struct write_spell *r)
{
    int rc = copy_int(b, true, (int64_t)seq);
    rc |= copy_int(b, true, r->person);
    rc |= copy_int(b, true, r->org);
    rc |= copy_text(b, r->role);
    rc |= copy_text(b, r->level);
    rc |= copy_text(b, r->team);
    rc |= copy_int(b, true, r->start.days);
    rc |= copy_text(b, prec(r->start.precision));
    rc |= copy_int(b, r->has_end, r->end.days);
    rc |= copy_text(b, r->has_end ? prec(r->end.precision) : NULL);
    rc |= copy_text(b, r->reason);
    rc |= copy_int(b, r->dest != 0, r->dest);
    rc |= copy_int(b, r->source != 0, r->source);
    rc |= copy_text(b, r->leave);
    return rc;
}

static int stage_finance(struct buf *b, size_t seq,
                         const struct write_finance *r)
{
    int rc = copy_int(b, true, (int64_t)seq);
    rc |= copy_int(b, true, r->org);
    rc |= copy_int(b, true, r->date.days);
    rc |= copy_text(b, prec(r->date.precision));
    rc |= copy_text(b, r->kind);
    rc |= copy_int(b, r->has_amount, r->amount_usd);
    rc |= copy_text(b, r->note);
    rc |= copy_int(b, r->source != 0, r->source);
    return rc;
}

/*
 * The batch's INSERT and the spells' sequence read, prepared once an
 * import: planned each time, the INSERT into eight partitions with its
 * ON CONFLICT cost more than moving the rows.
 */
static exo_code prepare_inserts(struct pg_write *w, exo_err *err)
{
    static const char *const names[2] = {"exo_insert", "exo_next"};
    const char *sql[2] = {
        w->kind == EXO_IMPORT_MOVES    ? move_insert
        : w->kind == EXO_IMPORT_SPELLS ? spell_insert
                                       : finance_insert,
        "SELECT nextval(pg_get_serial_sequence('spell', 'id'))"};
    if (w->prepared)
        return EXO_OK;
    for (int i = 0; i < 2; i++) {
        PGresult *res = PQprepare(w->conn, names[i], sql[i], 0, NULL);
        exo_code code = EXO_OK;
        if (PQresultStatus(res) != PGRES_COMMAND_OK)
            code = exo__fail_pg(err, w->conn, res, "preparing an insert");
        PQclear(res);
        if (code) {
            if (i == 1)
                PQclear(PQexec(w->conn, "DEALLOCATE exo_insert"));
            return code;
        }
    }
    w->prepared = true;
    return EXO_OK;
}

/* Sends the staged records: COPY into the staging table, then one INSERT
 * into theirs. '*n_new' and '*n_updated' count what it changed. */
static exo_code flush_records(struct pg_write *w, size_t *n_new,
                              size_t *n_updated, exo_err *err)
{
    exo_code code;
    PGresult *res;
    int64_t above = 0;
    *n_new = *n_updated = 0;
    if (w->n_staged == 0)
        return EXO_OK;
    w->n_staged = 0;
    if ((code = flush_people(w, err)) ||
        (code = copy_in(w, copy_stage[w->kind], &w->records, err)) ||
        (code = prepare_inserts(w, err)))
        return code;
    if (w->kind == EXO_IMPORT_SPELLS) {
        res = PQexecPrepared(w->conn, "exo_next", 0, NULL, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_TUPLES_OK) {
            code = exo__fail_pg(err, w->conn, res, "reading the spells' ids");
            PQclear(res);
            return code;
        }
        above = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
        PQclear(res);
    }
    res = PQexecPrepared(w->conn, "exo_insert", 0, NULL, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK &&
        PQresultStatus(res) != PGRES_COMMAND_OK) {
        code = exo__fail_pg(err, w->conn, res, "adding records");
        PQclear(res);
        return code;
    }
    if (w->kind == EXO_IMPORT_SPELLS) {
        for (int r = 0; r < PQntuples(res); r++) {
            if (strtoll(PQgetvalue(res, r, 0), NULL, 10) > above)
                (*n_new)++;
            else
                (*n_updated)++;
        }
    } else {
        *n_new = (size_t)strtoull(PQcmdTuples(res), NULL, 10);
    }
    PQclear(res);
    return EXO_OK;
}

exo_code exo__pgw_records(struct pg_write *w, exo_import_kind kind,
                          const void *rows, size_t n, size_t *n_new,
                          size_t *n_updated, exo_err *err)
{
    int rc = 0;
    size_t updated = 0;
    *n_new = 0;
    if (n_updated)
        *n_updated = 0;
    if (kind != w->kind)
        return exo__bug(err, "records of another kind than the import's");
    for (size_t i = 0; i < n && !rc; i++) {
        size_t seq = (size_t)w->seq++;
        if (kind == EXO_IMPORT_MOVES)
            rc = stage_move(&w->records, seq,
                            (const struct write_move *)rows + i);
        else if (kind == EXO_IMPORT_SPELLS)
            rc = stage_spell(&w->records, seq,
                             (const struct write_spell *)rows + i);
        else
            rc = stage_finance(&w->records, seq,
                               (const struct write_finance *)rows + i);
        if (!rc)
            copy_row_end(&w->records);
    }
    if (rc)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    w->n_staged += n;
    if (w->n_staged < PG_FLUSH_ROWS)
        return EXO_OK;
    exo_code code = flush_records(w, n_new, &updated, err);
    if (n_updated)
        *n_updated = updated;
    return code;
}

exo_code exo__pgw_flush(struct pg_write *w, size_t *n_new, size_t *n_updated,
                        exo_err *err)
{
    return flush_records(w, n_new, n_updated, err);
}

exo_code exo__pgw_missing_spells(struct pg_write *w, int64_t org,
                                 const struct hmap *seen, bool close,
                                 int32_t at, size_t *n_missing, size_t *n_open,
                                 exo_err *err)
{
    char org_buf[24], at_buf[24], id_buf[24];
    const char *v[3] = {i64(org_buf, org), NULL, i64(at_buf, at)};
    PGresult *res;
    exo_code code;
    *n_missing = *n_open = 0;
    if (w->n_staged)
        return exo__bug(err, "spells listed before they were all written");
    if ((code = flush_people(w, err)) ||
        (code = run(w,
                    "SELECT id, person_id, start_date, CASE WHEN end_date IS "
                    "NULL THEN 1 ELSE 0 END FROM spell WHERE org_id = $1 AND "
                    "start_date IS NOT NULL ORDER BY id",
                    1, v, &res, "listing spells", err)))
        return code;
    for (int r = 0; r < PQntuples(res) && !code; r++) {
        char key[64];
        int64_t ignored;
        exo__write_spell_key(key, strtoll(PQgetvalue(res, r, 1), NULL, 10), org,
                             (int32_t)strtol(PQgetvalue(res, r, 2), NULL, 10));
        if (exo__hmap_get(seen, key, &ignored))
            continue;
        (*n_missing)++;
        if (PQgetvalue(res, r, 3)[0] != '1')
            continue;
        (*n_open)++;
        if (!close)
            continue;
        snprintf(id_buf, sizeof id_buf, "%s", PQgetvalue(res, r, 0));
        v[1] = id_buf;
        code = run(w,
                   "UPDATE spell SET end_date = GREATEST($3::integer, "
                   "start_date), end_precision = 'day', end_reason = "
                   "'unknown' WHERE org_id = $1 AND id = $2",
                   3, v, NULL, "ending a spell missing from the file", err);
    }
    PQclear(res);
    return code;
}

exo_code exo__pgw_as_of(struct pg_write *w, int64_t org, int32_t as_of,
                        exo_err *err)
{
    char a[24], b[24];
    const char *v[2] = {i64(a, org), i64(b, as_of)};
    return run(w,
               "INSERT INTO export_as_of (org_id, as_of) VALUES ($1, $2) ON "
               "CONFLICT (org_id) DO UPDATE SET as_of = excluded.as_of",
               2, v, NULL, "recording the export's date", err);
}

exo_code exo__pgw_alias(struct pg_write *w, const char *key, const char *alias,
                        int64_t org, bool *added, exo_err *err)
{
    char a[24];
    PGresult *res;
    const char *v[3] = {key, alias, i64(a, org)};
    exo_code code = run(w,
                        "INSERT INTO alias (alias_key, alias, org_id) VALUES "
                        "($1, $2, $3) ON CONFLICT DO NOTHING",
                        3, v, &res, "adding a record", err);
    *added = false;
    if (code)
        return code;
    *added = strtol(PQcmdTuples(res), NULL, 10) > 0;
    PQclear(res);
    return EXO_OK;
}

exo_code exo__pgw_org_name(struct pg_write *w, int64_t id, char **name,
                           exo_err *err)
{
    char a[24];
    PGresult *res;
    const char *v[1] = {i64(a, id)};
    *name = NULL;
    exo_code code = run(w, "SELECT name FROM org WHERE id = $1", 1, v, &res,
                        "reading an organisation", err);
    if (code)
        return code;
    if (PQntuples(res) == 1)
        *name = exo__strdup(PQgetvalue(res, 0, 0));
    else
        code = exo__bug(err, "an organisation id with no organisation");
    PQclear(res);
    if (!code && !*name)
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
    return code;
}

exo_code exo__pgw_merge_org(struct pg_write *w, int64_t from, int64_t into,
                            exo_err *err)
{
    /* org_id, a move's distribution column, follows from_org_id (or
     * to_org_id when there is none): a row may change partition. */
    static const char *const repoint[] = {
        "UPDATE move SET from_org_id = $1::bigint, org_id = $1::bigint WHERE "
        "from_org_id = $2::bigint",
        "UPDATE move SET to_org_id = $1::bigint, org_id = CASE WHEN "
        "from_org_id IS "
        "NULL THEN $1::bigint ELSE org_id END WHERE to_org_id = $2::bigint",
        "UPDATE spell SET org_id = $1::bigint WHERE org_id = $2::bigint",
        "UPDATE spell SET dest_org_id = $1::bigint WHERE dest_org_id = "
        "$2::bigint",
        "UPDATE finance SET org_id = $1::bigint WHERE org_id = $2::bigint",
        "INSERT INTO export_as_of (org_id, as_of) SELECT $1::bigint, as_of "
        "FROM "
        "export_as_of WHERE org_id = $2::bigint ON CONFLICT DO NOTHING",
        "DELETE FROM export_as_of WHERE org_id = $2::bigint",
        "UPDATE alias SET org_id = $1::bigint WHERE org_id = $2::bigint",
        "DELETE FROM org WHERE id = $2::bigint",
    };
    char a[24], b[24];
    const char *v[2] = {i64(a, into), i64(b, from)};
    /* Both parameters typed (20 is bigint's oid): a statement that uses
     * only $2 leaves $1's type for the server to guess, and it cannot. */
    static const Oid types[2] = {20, 20};
    for (size_t i = 0; i < sizeof repoint / sizeof repoint[0]; i++) {
        PGresult *r =
            PQexecParams(w->conn, repoint[i], 2, types, v, NULL, NULL, 0);
        exo_code code = EXO_OK;
        if (PQresultStatus(r) != PGRES_COMMAND_OK &&
            PQresultStatus(r) != PGRES_TUPLES_OK)
            code = exo__fail_pg(err, w->conn, r,
                                "merging an aliased organisation");
        PQclear(r);
        if (code)
            return code;
    }
    return EXO_OK;
}

exo_code exo__pgw_commit(struct pg_write *w, exo_err *err)
{
    if (w->n_staged)
        return exo__bug(err, "a commit before every record was written");
    exo_code code = flush_people(w, err);
    if (!code)
        code = exo__pg_exec(w->store, "COMMIT", err);
    if (!code) {
        w->committed = true;
        /* Fresh statistics, or the next reads plan as if the tables were
         * empty; autovacuum would only get there later. A failure here
         * leaves the import done. */
        exo_err ignored = {0};
        exo__pg_exec(w->store,
                     w->kind == EXO_IMPORT_MOVES ? "ANALYZE org, person, move"
                     : w->kind == EXO_IMPORT_SPELLS
                         ? "ANALYZE org, person, spell"
                         : "ANALYZE org, finance",
                     &ignored);
    }
    return code;
}

void exo__pgw_end(struct pg_write *w)
{
    if (!w)
        return;
    if (!w->committed)
        exo__pg_rollback(w->store);
    /* Prepared statements outlive transactions; these name this one's
     * staging table, dropped with it. */
    if (w->prepared)
        PQclear(PQexec(w->conn, "DEALLOCATE exo_insert; DEALLOCATE exo_next"));
    exo__free(w->pending);
    exo__buf_release(&w->copy);
    exo__buf_release(&w->records);
    exo__free(w);
}
