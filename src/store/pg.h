/*
 * pg.h - the PostgreSQL store's internals (pg.c, write_pg.c): the only
 * header that includes <libpq-fe.h>.
 */
#ifndef EXO_STORE_PG_H
#define EXO_STORE_PG_H

#include <libpq-fe.h>

#include "store/store.h"

/* Records a failed PostgreSQL call as EXO_ESTORE "doing: its message";
 * never over an error already recorded. */
exo_code exo__fail_pg(exo_err *err, PGconn *conn, const PGresult *res,
                      const char *doing);
/* Runs SQL (any number of statements) without parameters. */
exo_code exo__pg_exec(exo_store *store, const char *sql, exo_err *err);
/* The first column of the first row of 'sql', 'dflt' for none or NULL. */
exo_code exo__pg_int(exo_store *store, const char *sql, int64_t dflt,
                     int64_t *out, exo_err *err);
/* Makes the connection free for a new command: the rows of a read still
 * streaming (pg.c's cursor) are read into memory first. */
void exo__pg_idle(exo_store *store);
/* Rolls back the open transaction, if any; records no error. */
void exo__pg_rollback(exo_store *store);

#endif
