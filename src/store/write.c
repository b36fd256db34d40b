/*
 * write.c - an import's write transaction (write.h): records added by
 * their natural keys many rows to a statement, new people in batches with
 * ids given in advance, and the read indexes set aside and rebuilt around
 * a large import. Everything happens between one BEGIN IMMEDIATE and its
 * COMMIT, so a failure or a killed process leaves the store as it was
 * (SQLite's WAL guarantees the all-or-nothing part).
 */
#include "store/write.h"

#include "store/write_pg.h"

#include "core/buf.h"
#include "store/store.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The read indexes dropped for a large import (defer_table). */
struct deferred_indexes {
    size_t n;
    char *sql[8];
};

struct write_tx {
    exo_store *store;
    struct pg_write *pg; /* a PostgreSQL store's (write_pg.c), or NULL */
    exo_import_kind kind;
    bool unchecked;  /* foreign keys are not enforced (exo__write_begin) */
    bool all_people; /* the importer's maps hold every stored person */
    bool committed;
    sqlite3_stmt *org_insert, *person_find, *person_find_ext, *person_insert,
        *source_insert, *source_find, *alias_insert;
    /* the kind's INSERT for EXO__WRITE_BATCH records, and for fewer */
    sqlite3_stmt *batch, *tail;
    /* new people not yet inserted, when 'all_people' (flush_people) */
    sqlite3_stmt *people_insert; /* for EXO__WRITE_BATCH of them */
    int64_t last_person_id;
    size_t n_pending;
    struct pending_person {
        const char *name, *key, *ext_key;
        int64_t id;
    } pending[EXO__WRITE_BATCH];
    struct deferred_indexes deferred;
};

static exo_code step_done(struct write_tx *tx, sqlite3_stmt *stmt,
                          const char *doing, exo_err *err)
{
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE)
        return exo__fail_sqlite(err, tx->store->db, rc, doing);
    return EXO_OK;
}

/* Steps a query of one value: '*value' is its first column when a row
 * comes, and stays as it was when none does. A failed step is an error,
 * never "no row": a busy or damaged store must not read as an empty one. */
static exo_code step_value(struct write_tx *tx, sqlite3_stmt *stmt,
                           const char *doing, int64_t *value, exo_err *err)
{
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *value = sqlite3_column_int64(stmt, 0);
    else if (rc != SQLITE_DONE)
        return exo__fail_sqlite(err, tx->store->db, rc, doing);
    return EXO_OK;
}

/* '*stmt', prepared from 'sql' on first use. */
static exo_code prepared(struct write_tx *tx, sqlite3_stmt **stmt,
                         const char *sql, exo_err *err)
{
    if (*stmt)
        return EXO_OK;
    return exo__store_prepare(tx->store, sql, stmt, err);
}

/* Prepares 'head', then 'n_rows' tuples of 'n_cols' parameters, then
 * 'tail': one INSERT for many rows. */
static exo_code prepare_rows(struct write_tx *tx, const char *head, int n_cols,
                             size_t n_rows, const char *tail,
                             sqlite3_stmt **stmt, exo_err *err)
{
    struct buf sql = BUF_INIT;
    exo_code code;
    int rc = exo__buf_addstr(&sql, head);
    for (size_t i = 0; i < n_rows; i++) {
        rc |= exo__buf_addstr(&sql, i ? ",(" : "(");
        for (int c = 0; c < n_cols; c++)
            rc |= exo__buf_addstr(&sql, c ? ",?" : "?");
        rc |= exo__buf_addch(&sql, ')');
    }
    rc |= exo__buf_addstr(&sql, tail);
    if (rc)
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
    else
        code = exo__store_prepare(tx->store, sql.data, stmt, err);
    exo__buf_release(&sql);
    return code;
}

/* ==== The transaction ==== */

exo_code exo__write_begin(exo_store *store, exo_import_kind kind,
                          struct write_tx **out, exo_err *err)
{
    exo_code code;
    struct write_tx *tx = exo__calloc(1, sizeof *tx);
    *out = NULL;
    if (!tx)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    tx->store = store;
    tx->kind = kind;
    if (store->pg) {
        if ((code = exo__pgw_begin(store, kind, &tx->pg, err)))
            goto fail;
        *out = tx;
        return EXO_OK;
    }
    /*
     * Records only reference ids that this transaction read from the store
     * or inserts itself before COMMIT (new people in batches: flush_people),
     * after BEGIN IMMEDIATE locked out every other writer, so each
     * reference exists by construction. SQLite would still check it row by
     * row, four b-tree look-ups a move (0.6 s of 3.8 s for 10^6 moves); the
     * pragma only works outside a transaction and is put back by
     * exo__write_end. An alias import deletes merged organisations and
     * stays checked.
     */
    if (kind != EXO_IMPORT_ALIASES) {
        if ((code = exo__store_exec(store, "PRAGMA foreign_keys = OFF", err)))
            goto fail;
        tx->unchecked = true;
    }
    if ((code = exo__store_begin(store, err)) ||
        (code = exo__store_check(store, err)))
        goto fail;
    *out = tx;
    return EXO_OK;
fail:
    exo__write_end(tx);
    return code;
}

exo_code exo__write_load_orgs(struct write_tx *tx, struct hmap *orgs,
                              exo_err *err)
{
    if (tx->pg)
        return exo__pgw_load_orgs(tx->pg, orgs, err);
    static const char *const sql[2] = {"SELECT name_key, id FROM org",
                                       "SELECT alias_key, org_id FROM alias"};
    for (int i = 0; i < 2; i++) {
        sqlite3_stmt *stmt;
        exo_code code = exo__store_prepare(tx->store, sql[i], &stmt, err);
        if (code)
            return code;
        int rc;
        while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
            const char *key = (const char *)sqlite3_column_text(stmt, 0);
            if (exo__hmap_put(orgs, key, sqlite3_column_int64(stmt, 1))) {
                sqlite3_finalize(stmt);
                return exo__fail(err, EXO_ENOMEM, "out of memory");
            }
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_DONE)
            return exo__fail_sqlite(err, tx->store->db, rc,
                                    "reading organisations");
    }
    return EXO_OK;
}

/*
 * When the file has at least as many records as the store has people, one
 * scan of the person table costs less than a look-up per new name: every
 * person goes into the maps (a name's first person by id, as the look-up
 * would find, and each employee id), and a miss then means a new person.
 * New people are then inserted after the records that name them, which
 * only an unchecked transaction allows; an alias import adds no people.
 */
exo_code exo__write_load_people(struct write_tx *tx, size_t n_records,
                                struct hmap *people, struct hmap *employees,
                                exo_err *err)
{
    if (tx->pg)
        return exo__pgw_load_people(tx->pg, people, employees, err);
    sqlite3_stmt *stmt;
    exo_code code;
    int64_t existing = 0;
    int rc;
    if (!tx->unchecked)
        return EXO_OK;
    if ((code = exo__store_prepare(tx->store, "SELECT COUNT(*) FROM person",
                                   &stmt, err)))
        return code;
    code = step_value(tx, stmt, "counting people", &existing, err);
    sqlite3_finalize(stmt);
    if (code)
        return code;
    if (existing > (int64_t)n_records)
        return EXO_OK;
    if ((code = exo__store_prepare(
             tx->store, "SELECT id, name_key, ext_key FROM person ORDER BY id",
             &stmt, err)))
        return code;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(stmt, 0), seen;
        tx->last_person_id = id; /* in ascending order */
        const char *key = (const char *)sqlite3_column_text(stmt, 1);
        const char *ext = (const char *)sqlite3_column_text(stmt, 2);
        int failed = 0;
        if (ext) {
            failed = exo__hmap_put(employees, ext, id);
        } else if (key && !exo__hmap_get(people, key, &seen)) {
            failed = exo__hmap_put(people, key, id);
        }
        if (failed) {
            sqlite3_finalize(stmt);
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        }
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE)
        return exo__fail_sqlite(err, tx->store->db, rc, "reading people");
    tx->all_people = true;
    return EXO_OK;
}

/*
 * With every stored person in memory and the write lock held, a new
 * person's id is the largest so far plus one, so new people can wait here
 * and go in EXO__WRITE_BATCH at a time. Records may already carry their
 * ids: foreign keys are not checked (exo__write_begin), and
 * exo__write_commit adds the last ones before COMMIT.
 */
static exo_code flush_people(struct write_tx *tx, exo_err *err)
{
    static const char head[] =
        "INSERT INTO person (id, name, name_key, ext_key) VALUES ";
    bool full = tx->n_pending == EXO__WRITE_BATCH;
    sqlite3_stmt *s = full ? tx->people_insert : NULL;
    exo_code code;
    if (tx->n_pending == 0)
        return EXO_OK;
    if (!s && (code = prepare_rows(tx, head, 4, tx->n_pending, "", &s, err)))
        return code;
    if (full)
        tx->people_insert = s;
    for (size_t i = 0; i < tx->n_pending; i++) {
        const struct pending_person *p = &tx->pending[i];
        sqlite3_bind_int64(s, (int)(4 * i + 1), p->id);
        exo__bind_text(s, (int)(4 * i + 2), p->name);
        exo__bind_text(s, (int)(4 * i + 3), p->key);
        exo__bind_text(s, (int)(4 * i + 4), p->ext_key);
    }
    code = step_done(tx, s, "adding people", err);
    if (!full)
        sqlite3_finalize(s);
    tx->n_pending = 0;
    return code;
}

/*
 * A large import into a small table pays more for keeping the secondary
 * indexes ordered row by row than for building them afresh from a sort.
 * When 'n_new_rows' is at least the rows already there, the indexes of
 * 'table' that only serve reads (not 'key_index', the natural key, which
 * detects present rows; NULL for none) are dropped inside the transaction
 * and rebuilt from their own stored SQL before COMMIT: a failure or a
 * crash undoes both with the rest. Indexes SQLite made for UNIQUE columns
 * have no SQL and stay.
 */
static exo_code defer_table(struct write_tx *tx, const char *table,
                            const char *key_index, size_t n_new_rows,
                            exo_err *err)
{
    struct deferred_indexes *d = &tx->deferred;
    sqlite3_stmt *stmt;
    exo_code code;
    int64_t existing = 0;
    char sql[600]; /* room for any name of names[] below */
    size_t first = d->n;
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s", table);
    if ((code = exo__store_prepare(tx->store, sql, &stmt, err)))
        return code;
    code = step_value(tx, stmt, "counting rows", &existing, err);
    sqlite3_finalize(stmt);
    if (code)
        return code;
    if (n_new_rows < 50000 || (int64_t)n_new_rows <= existing)
        return EXO_OK;
    if ((code = exo__store_prepare(
             tx->store,
             "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
             "tbl_name = ?1 AND sql IS NOT NULL AND name IS NOT ?2",
             &stmt, err)))
        return code;
    exo__bind_text(stmt, 1, table);
    exo__bind_text(stmt, 2, key_index);
    char names[8][64];
    int rc = SQLITE_DONE;
    while (d->n < 8 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        snprintf(names[d->n - first], sizeof names[0], "%s",
                 (const char *)sqlite3_column_text(stmt, 0));
        d->sql[d->n] = exo__strdup((const char *)sqlite3_column_text(stmt, 1));
        if (!d->sql[d->n]) {
            sqlite3_finalize(stmt);
            return exo__fail(err, EXO_ENOMEM, "out of memory");
        }
        d->n++;
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return exo__fail_sqlite(err, tx->store->db, rc, "listing indexes");
    for (size_t i = 0; i < d->n - first; i++) {
        snprintf(sql, sizeof sql, "DROP INDEX \"%.63s\"", names[i]);
        if ((code = exo__store_exec(tx->store, sql, err)))
            return code;
    }
    return EXO_OK;
}

exo_code exo__write_defer_indexes(struct write_tx *tx, size_t n_new_rows,
                                  exo_err *err)
{
    if (tx->pg)
        return EXO_OK;
    exo_code code;
    if (tx->kind == EXO_IMPORT_MOVES &&
        (code = defer_table(tx, "move", "move_key", n_new_rows, err)))
        return code;
    /* With every stored person in memory, names are not looked up in the
     * store until COMMIT: the name index can wait too. */
    if (tx->all_people &&
        (code = defer_table(tx, "person", NULL, n_new_rows, err)))
        return code;
    return EXO_OK;
}

/*
 * SQLite sorts an index's entries in runs no larger than the page cache,
 * then merges the runs. With the store's large cache that is one run of a
 * million scattered entries; 2 MiB runs stay in the processor's cache and
 * build each index in two thirds of the time. The dirty pages of the
 * import must not spill meanwhile, hence cache_spill.
 */
static exo_code rebuild_indexes(struct write_tx *tx, exo_err *err)
{
    struct deferred_indexes *d = &tx->deferred;
    if (d->n == 0)
        return EXO_OK;
    exo_code code = exo__store_exec(tx->store,
                                    "PRAGMA cache_spill = OFF;"
                                    "PRAGMA cache_size = -2048",
                                    err);
    for (size_t i = 0; i < d->n && !code; i++)
        code = exo__store_exec(tx->store, d->sql[i], err);
    exo_err ignored = {0};
    exo__store_exec(tx->store,
                    "PRAGMA cache_size = " EXO__STORE_CACHE_SIZE ";"
                    "PRAGMA cache_spill = ON",
                    &ignored);
    return code;
}

exo_code exo__write_commit(struct write_tx *tx, exo_err *err)
{
    if (tx->pg)
        return exo__pgw_commit(tx->pg, err);
    exo_code code = flush_people(tx, err);
    if (!code)
        code = rebuild_indexes(tx, err);
    if (!code)
        code = exo__store_commit(tx->store, err);
    if (!code)
        tx->committed = true;
    return code;
}

void exo__write_end(struct write_tx *tx)
{
    if (!tx)
        return;
    if (tx->store->pg) {
        exo__pgw_end(tx->pg);
        exo__free(tx);
        return;
    }
    for (size_t i = 0; i < tx->deferred.n; i++)
        exo__free(tx->deferred.sql[i]);
    sqlite3_finalize(tx->org_insert);
    sqlite3_finalize(tx->person_find);
    sqlite3_finalize(tx->person_find_ext);
    sqlite3_finalize(tx->person_insert);
    sqlite3_finalize(tx->people_insert);
    sqlite3_finalize(tx->source_insert);
    sqlite3_finalize(tx->source_find);
    sqlite3_finalize(tx->alias_insert);
    sqlite3_finalize(tx->batch);
    sqlite3_finalize(tx->tail);
    if (!tx->committed)
        exo__store_rollback(tx->store);
    if (tx->unchecked) {
        exo_err ignored = {0};
        exo__store_exec(tx->store, "PRAGMA foreign_keys = ON", &ignored);
    }
    exo__free(tx);
}

/* ==== Names ==== */

exo_code exo__write_org(struct write_tx *tx, const char *name, const char *key,
                        int64_t *id, exo_err *err)
{
    if (tx->pg)
        return exo__pgw_org(tx->pg, name, key, id, err);
    exo_code code;
    if ((code =
             prepared(tx, &tx->org_insert,
                      "INSERT INTO org (name, name_key) VALUES (?, ?)", err)))
        return code;
    exo__bind_text(tx->org_insert, 1, name);
    exo__bind_text(tx->org_insert, 2, key);
    if ((code = step_done(tx, tx->org_insert, "adding an organisation", err)))
        return code;
    *id = sqlite3_last_insert_rowid(tx->store->db);
    return EXO_OK;
}

/* A new person, inserted with the next batch (flush_people). */
static exo_code queue_person(struct write_tx *tx, const char *name,
                             const char *key, const char *ext_key, int64_t *id,
                             exo_err *err)
{
    exo_code code;
    if (tx->n_pending == EXO__WRITE_BATCH && (code = flush_people(tx, err)))
        return code;
    *id = ++tx->last_person_id;
    tx->pending[tx->n_pending++] =
        (struct pending_person){name, key, ext_key, *id};
    return EXO_OK;
}

/* A person looked up by name key or employee id, added when not stored. */
static exo_code find_or_add_person(struct write_tx *tx, const char *name,
                                   const char *key, const char *ext_key,
                                   int64_t *id, exo_err *err)
{
    sqlite3_stmt **find = ext_key ? &tx->person_find_ext : &tx->person_find;
    exo_code code =
        prepared(tx, find,
                 ext_key ? "SELECT id FROM person WHERE ext_key = ?"
                         : "SELECT id FROM person INDEXED BY person_name "
                           "WHERE name_key = ? AND ext_key IS NULL "
                           "ORDER BY id LIMIT 1",
                 err);
    if (code)
        return code;
    exo__bind_text(*find, 1, ext_key ? ext_key : key);
    int rc = sqlite3_step(*find);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(*find, 0);
        sqlite3_reset(*find);
        return EXO_OK;
    }
    sqlite3_reset(*find);
    if (rc != SQLITE_DONE)
        return exo__fail_sqlite(err, tx->store->db, rc, "looking up a person");
    if ((code = prepared(
             tx, &tx->person_insert,
             "INSERT INTO person (name, name_key, ext_key) VALUES (?, ?, ?)",
             err)))
        return code;
    exo__bind_text(tx->person_insert, 1, name);
    exo__bind_text(tx->person_insert, 2, key);
    exo__bind_text(tx->person_insert, 3, ext_key);
    code = step_done(tx, tx->person_insert, "adding a person", err);
    if (!code)
        *id = sqlite3_last_insert_rowid(tx->store->db);
    return code;
}

exo_code exo__write_person(struct write_tx *tx, const char *name,
                           const char *key, const char *ext_key, int64_t *id,
                           exo_err *err)
{
    if (tx->pg)
        return exo__pgw_person(tx->pg, name, key, ext_key, id, err);
    if (tx->all_people)
        return queue_person(tx, name, key, ext_key, id, err);
    return find_or_add_person(tx, name, key, ext_key, id, err);
}

exo_code exo__write_source(struct write_tx *tx, const char *url, int64_t *id,
                           exo_err *err)
{
    if (tx->pg)
        return exo__pgw_source(tx->pg, url, id, err);
    exo_code code;
    *id = 0;
    if ((code = prepared(
             tx, &tx->source_insert,
             "INSERT INTO source (url) VALUES (?) ON CONFLICT DO NOTHING",
             err)) ||
        (code = prepared(tx, &tx->source_find,
                         "SELECT id FROM source WHERE url = ?", err)))
        return code;
    exo__bind_text(tx->source_insert, 1, url);
    if ((code = step_done(tx, tx->source_insert, "adding a source", err)))
        return code;
    exo__bind_text(tx->source_find, 1, url);
    code = step_value(tx, tx->source_find, "finding a source", id, err);
    sqlite3_reset(tx->source_find);
    return code;
}

/* ==== Records ==== */

static void bind_id(sqlite3_stmt *stmt, int i, int64_t id)
{
    if (id)
        sqlite3_bind_int64(stmt, i, id);
    else
        sqlite3_bind_null(stmt, i);
}

/* Binds one record at parameter offset 'base' of a batch statement. */
typedef void bind_record_fn(sqlite3_stmt *s, int base, const void *rec);

static void bind_move(sqlite3_stmt *s, int base, const void *rec)
{
    const struct write_move *r = rec;
    sqlite3_bind_int64(s, base + 1, r->person);
    bind_id(s, base + 2, r->from);
    bind_id(s, base + 3, r->to);
    exo__bind_text(s, base + 4, r->role);
    exo__bind_text(s, base + 5, r->level);
    exo__bind_text(s, base + 6, r->event);
    sqlite3_bind_int(s, base + 7, r->date.days);
    exo__bind_text(s, base + 8, exo__precision_name(r->date.precision));
    bind_id(s, base + 9, r->source);
}

static void bind_spell(sqlite3_stmt *s, int base, const void *rec)
{
    const struct write_spell *r = rec;
    sqlite3_bind_int64(s, base + 1, r->person);
    sqlite3_bind_int64(s, base + 2, r->org);
    exo__bind_text(s, base + 3, r->role);
    exo__bind_text(s, base + 4, r->level);
    exo__bind_text(s, base + 5, r->team);
    sqlite3_bind_int(s, base + 6, r->start.days);
    exo__bind_text(s, base + 7, exo__precision_name(r->start.precision));
    if (r->has_end) {
        sqlite3_bind_int(s, base + 8, r->end.days);
        exo__bind_text(s, base + 9, exo__precision_name(r->end.precision));
    } else {
        sqlite3_bind_null(s, base + 8);
        sqlite3_bind_null(s, base + 9);
    }
    exo__bind_text(s, base + 10, r->reason);
    bind_id(s, base + 11, r->dest);
    bind_id(s, base + 12, r->source);
    exo__bind_text(s, base + 13, r->leave);
}

static void bind_finance(sqlite3_stmt *s, int base, const void *rec)
{
    const struct write_finance *r = rec;
    sqlite3_bind_int64(s, base + 1, r->org);
    sqlite3_bind_int(s, base + 2, r->date.days);
    exo__bind_text(s, base + 3, exo__precision_name(r->date.precision));
    exo__bind_text(s, base + 4, r->kind);
    if (r->has_amount)
        sqlite3_bind_int64(s, base + 5, r->amount_usd);
    else
        sqlite3_bind_null(s, base + 5);
    exo__bind_text(s, base + 6, r->note);
    bind_id(s, base + 7, r->source);
}

/* The INSERT of each kind of record, its columns per row and binder. A
 * record whose natural key is stored conflicts with its unique index and
 * is left out. */
static const struct record_insert {
    const char *head;
    int n_cols;
    bind_record_fn *bind;
} record_inserts[] = {
    [EXO_IMPORT_MOVES] = {"INSERT INTO move (person_id, from_org_id, "
                          "to_org_id, role, level, event, date, "
                          "date_precision, source_id) VALUES ",
                          9, bind_move},
    [EXO_IMPORT_SPELLS] = {"INSERT INTO spell (person_id, org_id, role, "
                           "level, team, start_date, start_precision, "
                           "end_date, end_precision, end_reason, "
                           "dest_org_id, source_id, leave_reason) VALUES ",
                           13, bind_spell},
    [EXO_IMPORT_FINANCE] = {"INSERT INTO finance (org_id, date, precision, "
                            "kind, amount_usd, note, source_id) VALUES ",
                            7, bind_finance},
};

/*
 * A spell already stored is refreshed from a later export: an end date
 * that appears or moves, a new team or role. The row's values win where it
 * has them; an empty cell keeps the stored value (a file that leaves a
 * column out says nothing about it). Only rows that change are updated,
 * and RETURNING names them: an id above the table's largest before the
 * statement is a new row (write_records).
 */
static const char spell_refresh[] =
    " ON CONFLICT (person_id, org_id, IFNULL(start_date, -999999)) DO UPDATE "
    "SET role = IFNULL(excluded.role, role), "
    "level = IFNULL(excluded.level, level), "
    "team = IFNULL(excluded.team, team), "
    "end_date = IFNULL(excluded.end_date, end_date), "
    "end_precision = IIF(excluded.end_date IS NULL, end_precision, "
    "excluded.end_precision), "
    "end_reason = IIF(excluded.end_date IS NULL, end_reason, "
    "excluded.end_reason), "
    "leave_reason = IIF(excluded.end_date IS NULL, leave_reason, "
    "excluded.leave_reason), "
    "dest_org_id = IFNULL(excluded.dest_org_id, dest_org_id), "
    "source_id = IFNULL(source_id, excluded.source_id) "
    "WHERE excluded.role IS NOT NULL AND excluded.role IS NOT role "
    "OR excluded.level IS NOT NULL AND excluded.level IS NOT level "
    "OR excluded.team IS NOT NULL AND excluded.team IS NOT team "
    "OR excluded.end_date IS NOT NULL AND (excluded.end_date IS NOT end_date "
    "OR excluded.end_precision IS NOT end_precision "
    "OR excluded.end_reason IS NOT end_reason "
    "OR excluded.leave_reason IS NOT leave_reason) "
    "OR excluded.dest_org_id IS NOT NULL "
    "AND excluded.dest_org_id IS NOT dest_org_id "
    "RETURNING id";

/* The statement inserting 'n' records (1 to EXO__WRITE_BATCH) of the
 * transaction's kind: a full batch's is kept, and the last shorter one. */
static exo_code batch_statement(struct write_tx *tx, size_t n,
                                sqlite3_stmt **stmt, exo_err *err)
{
    const struct record_insert *ins = &record_inserts[tx->kind];
    sqlite3_stmt **s = n == EXO__WRITE_BATCH ? &tx->batch : &tx->tail;
    exo_code code;
    if (*s &&
        (size_t)sqlite3_bind_parameter_count(*s) / (size_t)ins->n_cols != n) {
        sqlite3_finalize(*s);
        *s = NULL;
    }
    if (!*s && (code = prepare_rows(tx, ins->head, ins->n_cols, n,
                                    tx->kind == EXO_IMPORT_SPELLS
                                        ? spell_refresh
                                        : " ON CONFLICT DO NOTHING",
                                    s, err)))
        return code;
    *stmt = *s;
    return EXO_OK;
}

/* The largest spell id, 0 for none: rows above it are new. */
static exo_code max_spell_id(struct write_tx *tx, int64_t *id, exo_err *err)
{
    sqlite3_stmt *s;
    exo_code code =
        exo__store_prepare(tx->store, "SELECT MAX(id) FROM spell", &s, err);
    if (code)
        return code;
    *id = 0;
    code = step_value(tx, s, "reading the largest spell id", id, err);
    sqlite3_finalize(s);
    return code;
}

/* Steps a spell statement through its RETURNING rows: ids above 'above'
 * were inserted, the others updated. */
static exo_code step_returning(struct write_tx *tx, sqlite3_stmt *s,
                               int64_t above, size_t *n_new, size_t *n_updated,
                               exo_err *err)
{
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (sqlite3_column_int64(s, 0) > above)
            (*n_new)++;
        else
            (*n_updated)++;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return exo__fail_sqlite(err, tx->store->db, rc, "adding records");
    return EXO_OK;
}

static exo_code write_records(struct write_tx *tx, exo_import_kind kind,
                              const void *rows, size_t size, size_t n,
                              size_t *n_new, size_t *n_updated, exo_err *err)
{
    const struct record_insert *ins = &record_inserts[kind];
    exo_code code;
    int64_t above = 0;
    *n_new = 0;
    if (n_updated)
        *n_updated = 0;
    if (kind != tx->kind)
        return exo__bug(err, "records of another kind than the import's");
    if (kind == EXO_IMPORT_SPELLS && (code = max_spell_id(tx, &above, err)))
        return code;
    for (size_t i = 0; i < n;) {
        size_t k = n - i < EXO__WRITE_BATCH ? n - i : EXO__WRITE_BATCH;
        sqlite3_stmt *s;
        if ((code = batch_statement(tx, k, &s, err)))
            return code;
        for (size_t j = 0; j < k; j++)
            ins->bind(s, (int)j * ins->n_cols,
                      (const char *)rows + (i + j) * size);
        if (kind == EXO_IMPORT_SPELLS) {
            if ((code = step_returning(tx, s, above, n_new, n_updated, err)))
                return code;
        } else {
            if ((code = step_done(tx, s, "adding records", err)))
                return code;
            *n_new += (size_t)sqlite3_changes(tx->store->db);
        }
        i += k;
    }
    return EXO_OK;
}

exo_code exo__write_moves(struct write_tx *tx, const struct write_move *rows,
                          size_t n, size_t *n_new, exo_err *err)
{
    if (tx->pg)
        return exo__pgw_records(tx->pg, EXO_IMPORT_MOVES, rows, n, n_new, NULL,
                                err);
    return write_records(tx, EXO_IMPORT_MOVES, rows, sizeof *rows, n, n_new,
                         NULL, err);
}

exo_code exo__write_spells(struct write_tx *tx, const struct write_spell *rows,
                           size_t n, size_t *n_new, size_t *n_updated,
                           exo_err *err)
{
    if (tx->pg)
        return exo__pgw_records(tx->pg, EXO_IMPORT_SPELLS, rows, n, n_new,
                                n_updated, err);
    return write_records(tx, EXO_IMPORT_SPELLS, rows, sizeof *rows, n, n_new,
                         n_updated, err);
}

exo_code exo__write_flush(struct write_tx *tx, size_t *n_new, size_t *n_updated,
                          exo_err *err)
{
    *n_new = *n_updated = 0;
    if (tx->pg)
        return exo__pgw_flush(tx->pg, n_new, n_updated, err);
    return EXO_OK;
}

void exo__write_spell_key(char buf[64], int64_t person, int64_t org,
                          int32_t start)
{
    snprintf(buf, 64, "%lld|%lld|%ld", (long long)person, (long long)org,
             (long)start);
}

exo_code exo__write_missing_spells(struct write_tx *tx, int64_t org,
                                   const struct hmap *seen, bool close,
                                   int32_t at, size_t *n_missing,
                                   size_t *n_open, exo_err *err)
{
    if (tx->pg)
        return exo__pgw_missing_spells(tx->pg, org, seen, close, at, n_missing,
                                       n_open, err);
    sqlite3_stmt *list, *end = NULL;
    exo_code code;
    int rc;
    int64_t *ids = NULL; /* the open ones, ended after the listing: an
                            UPDATE moves a row within the index it scans */
    size_t cap = 0;
    *n_missing = *n_open = 0;
    if ((code = exo__store_prepare(
             tx->store,
             "SELECT id, person_id, start_date, end_date IS NULL FROM spell "
             "WHERE org_id = ? AND start_date IS NOT NULL",
             &list, err)))
        return code;
    sqlite3_bind_int64(list, 1, org);
    while ((rc = sqlite3_step(list)) == SQLITE_ROW) {
        char key[64];
        int64_t ignored;
        exo__write_spell_key(key, sqlite3_column_int64(list, 1), org,
                             sqlite3_column_int(list, 2));
        if (exo__hmap_get(seen, key, &ignored))
            continue;
        (*n_missing)++;
        if (!sqlite3_column_int(list, 3))
            continue;
        if (close && *n_open == cap) {
            cap = cap ? 2 * cap : 64;
            int64_t *grown = exo__reallocarray(ids, cap, sizeof *ids);
            if (!grown) {
                code = exo__fail(err, EXO_ENOMEM, "out of memory");
                break;
            }
            ids = grown;
        }
        if (close)
            ids[*n_open] = sqlite3_column_int64(list, 0);
        (*n_open)++;
    }
    if (!code && rc != SQLITE_DONE)
        code = exo__fail_sqlite(err, tx->store->db, rc, "listing spells");
    sqlite3_finalize(list);
    if (!code && close && *n_open)
        code = exo__store_prepare(
            tx->store,
            "UPDATE spell SET end_date = MAX(?2, start_date), "
            "end_precision = 'day', end_reason = 'unknown' WHERE id = ?1",
            &end, err);
    for (size_t i = 0; !code && close && i < *n_open; i++) {
        sqlite3_bind_int64(end, 1, ids[i]);
        sqlite3_bind_int(end, 2, at);
        code = step_done(tx, end, "ending a spell missing from the file", err);
    }
    sqlite3_finalize(end);
    exo__free(ids);
    return code;
}

exo_code exo__write_as_of(struct write_tx *tx, int64_t org, int32_t as_of,
                          exo_err *err)
{
    if (tx->pg)
        return exo__pgw_as_of(tx->pg, org, as_of, err);
    sqlite3_stmt *s;
    exo_code code = exo__store_prepare(
        tx->store,
        "INSERT INTO export_as_of (org_id, as_of) VALUES (?, ?) "
        "ON CONFLICT (org_id) DO UPDATE SET as_of = excluded.as_of",
        &s, err);
    if (code)
        return code;
    sqlite3_bind_int64(s, 1, org);
    sqlite3_bind_int(s, 2, as_of);
    code = step_done(tx, s, "recording the export's date", err);
    sqlite3_finalize(s);
    return code;
}

exo_code exo__write_finance(struct write_tx *tx,
                            const struct write_finance *rows, size_t n,
                            size_t *n_new, exo_err *err)
{
    if (tx->pg)
        return exo__pgw_records(tx->pg, EXO_IMPORT_FINANCE, rows, n, n_new,
                                NULL, err);
    return write_records(tx, EXO_IMPORT_FINANCE, rows, sizeof *rows, n, n_new,
                         NULL, err);
}

/* ==== Aliases ==== */

exo_code exo__write_alias(struct write_tx *tx, const char *key,
                          const char *alias, int64_t org, bool *added,
                          exo_err *err)
{
    if (tx->pg)
        return exo__pgw_alias(tx->pg, key, alias, org, added, err);
    exo_code code;
    *added = false;
    if ((code = prepared(tx, &tx->alias_insert,
                         "INSERT INTO alias (alias_key, alias, org_id) "
                         "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                         err)))
        return code;
    exo__bind_text(tx->alias_insert, 1, key);
    exo__bind_text(tx->alias_insert, 2, alias);
    sqlite3_bind_int64(tx->alias_insert, 3, org);
    if ((code = step_done(tx, tx->alias_insert, "adding a record", err)))
        return code;
    *added = sqlite3_changes(tx->store->db) > 0;
    return EXO_OK;
}

exo_code exo__write_org_name(struct write_tx *tx, int64_t id, char **name,
                             exo_err *err)
{
    if (tx->pg)
        return exo__pgw_org_name(tx->pg, id, name, err);
    sqlite3_stmt *s;
    int oom = 0;
    *name = NULL;
    exo_code code = exo__store_prepare(
        tx->store, "SELECT name FROM org WHERE id = ?", &s, err);
    if (code)
        return code;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW)
        *name = exo__column_strdup(s, 0, &oom);
    sqlite3_finalize(s);
    if (oom)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    if (rc != SQLITE_ROW)
        return rc == SQLITE_DONE
                   ? exo__bug(err, "an organisation id with no organisation")
                   : exo__fail_sqlite(err, tx->store->db, rc,
                                      "reading an organisation");
    return EXO_OK;
}

exo_code exo__write_merge_org(struct write_tx *tx, int64_t from, int64_t into,
                              exo_err *err)
{
    if (tx->pg)
        return exo__pgw_merge_org(tx->pg, from, into, err);
    static const char *const repoint[] = {
        "UPDATE move SET from_org_id = ?1 WHERE from_org_id = ?2",
        "UPDATE move SET to_org_id = ?1 WHERE to_org_id = ?2",
        "UPDATE spell SET org_id = ?1 WHERE org_id = ?2",
        "UPDATE spell SET dest_org_id = ?1 WHERE dest_org_id = ?2",
        "UPDATE finance SET org_id = ?1 WHERE org_id = ?2",
        ("INSERT OR IGNORE INTO export_as_of (org_id, as_of) "
         "SELECT ?1, as_of FROM export_as_of WHERE org_id = ?2"),
        "DELETE FROM export_as_of WHERE org_id = ?2",
        "UPDATE alias SET org_id = ?1 WHERE org_id = ?2",
        "DELETE FROM org WHERE id = ?2",
    };
    for (size_t i = 0; i < COUNT(repoint); i++) {
        sqlite3_stmt *s;
        exo_code code = exo__store_prepare(tx->store, repoint[i], &s, err);
        if (code)
            return code;
        sqlite3_bind_int64(s, 1, into);
        sqlite3_bind_int64(s, 2, from);
        code = step_done(tx, s, "merging an aliased organisation", err);
        sqlite3_finalize(s);
        if (code)
            return code;
    }
    return EXO_OK;
}
