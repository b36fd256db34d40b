/*
 * write.h - the store's half of an import: one write transaction and the
 * statements that add organisations, people, sources and records in it.
 * The importer (src/ingest/import.c) reads, validates and resolves names
 * to ids with its own maps; it asks here only for what the store must do,
 * and never sees SQL. Without <sqlite3.h>, so that it stays that way.
 *
 * One import, in order: exo__write_begin; exo__write_load_orgs and
 * exo__write_load_people fill the importer's maps; exo__write_defer_indexes;
 * any number of additions; exo__write_commit; then always exo__write_end,
 * which rolls back whatever was not committed.
 */
#ifndef EXO_STORE_WRITE_H
#define EXO_STORE_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/date.h"
#include "core/exo.h"
#include "core/hmap.h"

/* Rows per INSERT statement: one statement per row costs more in SQLite's
 * per-statement work than the row itself. Records handed over this many
 * at a time reuse one prepared statement. */
enum { EXO__WRITE_BATCH = 64 };

/* One import's write transaction and its prepared statements (write.c). */
struct write_tx;

/* Records with their names resolved to ids; an id of 0 is none (NULL).
 * The strings are only read during the call. */
struct write_move {
    int64_t person, from, to, source;
    const char *role, *level, *event;
    exo_date date;
};

struct write_spell {
    int64_t person, org, dest, source;
    const char *role, *level, *team, *reason;
    const char *leave; /* the detailed reason (exo__leave_reasons), or NULL */
    exo_date start;
    bool has_end;
    exo_date end;
};

struct write_finance {
    int64_t org, source;
    exo_date date;
    const char *kind, *note;
    bool has_amount;
    int64_t amount_usd; /* whole US dollars */
};

/*
 * Starts the write transaction of an import of 'kind' (BEGIN IMMEDIATE:
 * every other writer waits until it ends). '*out' is NULL on failure and
 * needs no exo__write_end then.
 */
exo_code exo__write_begin(exo_store *store, exo_import_kind kind,
                          struct write_tx **out, exo_err *err);

/* Puts every organisation's name key, and every alias key, with the
 * organisation's id into 'orgs'. */
exo_code exo__write_load_orgs(struct write_tx *tx, struct hmap *orgs,
                              exo_err *err);

/*
 * When an import of 'n_records' records is worth it, puts every stored
 * person into 'people' (name key -> the first id with that name) and
 * 'employees' (an HR export's employee id -> id). A person missing from
 * the maps is then new to the store, and exo__write_person adds it
 * without looking it up.
 */
exo_code exo__write_load_people(struct write_tx *tx, size_t n_records,
                                struct hmap *people, struct hmap *employees,
                                exo_err *err);

/* Sets aside the indexes that only serve reads when 'n_new_rows' new
 * records make rebuilding them at COMMIT cheaper than keeping them up to
 * date. After exo__write_load_people, before any addition. */
exo_code exo__write_defer_indexes(struct write_tx *tx, size_t n_new_rows,
                                  exo_err *err);

/* Adds an organisation the store does not have; '*id' is its new id. */
exo_code exo__write_org(struct write_tx *tx, const char *name, const char *key,
                        int64_t *id, exo_err *err);

/*
 * The id of the person with name key 'key', or, when 'ext_key' is not
 * NULL, with that employee id; added with 'name' when the store has none.
 * After people were loaded the person is new: it gets the next id at once
 * and is inserted with a later batch, so 'name', 'key' and 'ext_key' must
 * stay valid until exo__write_commit or exo__write_end.
 */
exo_code exo__write_person(struct write_tx *tx, const char *name,
                           const char *key, const char *ext_key, int64_t *id,
                           exo_err *err);

/* The id of the source with 'url', added when new. */
exo_code exo__write_source(struct write_tx *tx, const char *url, int64_t *id,
                           exo_err *err);

/* Add records, fastest EXO__WRITE_BATCH at a time. A record whose natural
 * key is already stored is left as it is; '*n_new' counts the others. */
exo_code exo__write_moves(struct write_tx *tx, const struct write_move *rows,
                          size_t n, size_t *n_new, exo_err *err);
/* Spells are refreshed rather than left: a stored spell (same person,
 * organisation and start) takes the row's end, reasons, role, level, team
 * and destination where the row gives them, and '*n_updated' counts those
 * that changed; an empty value does not erase a stored one. */
exo_code exo__write_spells(struct write_tx *tx, const struct write_spell *rows,
                           size_t n, size_t *n_new, size_t *n_updated,
                           exo_err *err);

/*
 * Writes the records a store holds back to send many at once (PostgreSQL:
 * the calls above may count fewer new records than they were given, and
 * count them here or in a later call); '*n_new' and '*n_updated' count
 * those now written. After the last addition, before anything that reads
 * the records back. SQLite writes at once: both are 0.
 */
exo_code exo__write_flush(struct write_tx *tx, size_t *n_new, size_t *n_updated,
                          exo_err *err);

/*
 * The spells of organisation 'org' that this import did not name: 'seen'
 * holds "person|org|start" (exo__write_spell_key) of each spell it did.
 * '*n_missing' counts them, '*n_open' those still open; with 'close', the
 * open ones end on day 'at' (end reason unknown: the export no longer
 * lists them, and does not say why).
 */
exo_code exo__write_missing_spells(struct write_tx *tx, int64_t org,
                                   const struct hmap *seen, bool close,
                                   int32_t at, size_t *n_missing,
                                   size_t *n_open, exo_err *err);
/* The key of exo__write_missing_spells' 'seen' in 'buf' (64 bytes). */
void exo__write_spell_key(char buf[64], int64_t person, int64_t org,
                          int32_t start);
/* Records 'as_of' as the date organisation 'org''s export was taken. */
exo_code exo__write_as_of(struct write_tx *tx, int64_t org, int32_t as_of,
                          exo_err *err);
exo_code exo__write_finance(struct write_tx *tx,
                            const struct write_finance *rows, size_t n,
                            size_t *n_new, exo_err *err);

/* Adds alias 'key' ('alias' as given) of organisation 'org'; '*added' is
 * false when the alias was already stored. */
exo_code exo__write_alias(struct write_tx *tx, const char *key,
                          const char *alias, int64_t org, bool *added,
                          exo_err *err);

/* The stored name of organisation 'id' in '*name', to exo_free. */
exo_code exo__write_org_name(struct write_tx *tx, int64_t id, char **name,
                             exo_err *err);

/* Moves every record and alias of organisation 'from' to 'into', then
 * deletes 'from'. */
exo_code exo__write_merge_org(struct write_tx *tx, int64_t from, int64_t into,
                              exo_err *err);

/* Adds the people still waiting, rebuilds the deferred indexes, commits. */
exo_code exo__write_commit(struct write_tx *tx, exo_err *err);

/* Rolls back unless committed, puts the connection's settings back and
 * frees 'tx'. Accepts NULL. */
void exo__write_end(struct write_tx *tx);

#endif
