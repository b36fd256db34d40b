/*
 * sql.h - one cursor over either store: the read queries (query.c) are
 * written once, in SQL that SQLite and PostgreSQL both run, and step
 * through their rows here. On SQLite each call is the sqlite3 call it
 * names behind one predictable branch; on PostgreSQL (pg.c) the statement
 * is rewritten once ('?N' placeholders to '$N', group_concat to
 * string_agg), run with its parameters as text, and its rows are read
 * from the result.
 */
#ifndef EXO_STORE_SQL_H
#define EXO_STORE_SQL_H

#include "store/store.h"

struct pg_cursor; /* pg.c */

typedef struct exo__q {
    sqlite3_stmt *st;     /* SQLite, or NULL */
    struct pg_cursor *pg; /* PostgreSQL, or NULL */
    exo_store *store;
} exo__q;

/* Prepares 'sql' into a new cursor '*q' (NULL on failure). */
exo_code exo__q_prepare(exo_store *store, const char *sql, exo__q **q,
                        exo_err *err);
/* Frees 'q'; accepts NULL. */
void exo__q_finalize(exo__q *q);
/* Records a failed step as exo__fail_sqlite does: 'rc' from exo__q_step. */
exo_code exo__q_fail(exo_err *err, exo__q *q, int rc, const char *doing);

/* PostgreSQL's halves (pg.c). */
int exo__pgq_step(struct pg_cursor *c);
void exo__pgq_bind_int64(struct pg_cursor *c, int i, int64_t v);
void exo__pgq_bind_text(struct pg_cursor *c, int i, const char *s);
const char *exo__pgq_text(struct pg_cursor *c, int i);
int64_t exo__pgq_int64(struct pg_cursor *c, int i);
double exo__pgq_double(struct pg_cursor *c, int i);

/* SQLITE_ROW, SQLITE_DONE or an error code (PostgreSQL's: SQLITE_ERROR). */
static inline int exo__q_step(exo__q *q)
{
    return q->pg ? exo__pgq_step(q->pg) : sqlite3_step(q->st);
}

static inline void exo__q_bind_int64(exo__q *q, int i, int64_t v)
{
    if (q->pg)
        exo__pgq_bind_int64(q->pg, i, v);
    else
        sqlite3_bind_int64(q->st, i, v);
}

/* Binds text or NULL; the text must stay valid until the first step. */
static inline void exo__q_bind_text(exo__q *q, int i, const char *s)
{
    if (q->pg)
        exo__pgq_bind_text(q->pg, i, s);
    else
        exo__bind_text(q->st, i, s);
}

static inline const char *exo__q_text(exo__q *q, int i)
{
    return q->pg ? exo__pgq_text(q->pg, i)
                 : (const char *)sqlite3_column_text(q->st, i);
}

static inline bool exo__q_null(exo__q *q, int i)
{
    return q->pg ? exo__pgq_text(q->pg, i) == NULL
                 : sqlite3_column_type(q->st, i) == SQLITE_NULL;
}

static inline int64_t exo__q_int64(exo__q *q, int i)
{
    return q->pg ? exo__pgq_int64(q->pg, i) : sqlite3_column_int64(q->st, i);
}

static inline int exo__q_int(exo__q *q, int i)
{
    return q->pg ? (int)exo__pgq_int64(q->pg, i) : sqlite3_column_int(q->st, i);
}

static inline double exo__q_double(exo__q *q, int i)
{
    return q->pg ? exo__pgq_double(q->pg, i) : sqlite3_column_double(q->st, i);
}

/* A copy of a text column, or NULL for SQL NULL; '*oom' set on failure. */
char *exo__q_strdup(exo__q *q, int i, int *oom);

#endif
