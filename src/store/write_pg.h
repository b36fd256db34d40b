/*
 * write_pg.h - write.h's transaction on a PostgreSQL store (write_pg.c);
 * write.c hands each call over when the store is one.
 */
#ifndef EXO_STORE_WRITE_PG_H
#define EXO_STORE_WRITE_PG_H

#include "store/write.h"

struct pg_write;

exo_code exo__pgw_begin(exo_store *store, exo_import_kind kind,
                        struct pg_write **out, exo_err *err);
exo_code exo__pgw_load_orgs(struct pg_write *w, struct hmap *orgs,
                            exo_err *err);
exo_code exo__pgw_load_people(struct pg_write *w, struct hmap *people,
                              struct hmap *employees, exo_err *err);
exo_code exo__pgw_org(struct pg_write *w, const char *name, const char *key,
                      int64_t *id, exo_err *err);
exo_code exo__pgw_person(struct pg_write *w, const char *name, const char *key,
                         const char *ext_key, int64_t *id, exo_err *err);
exo_code exo__pgw_source(struct pg_write *w, const char *url, int64_t *id,
                         exo_err *err);
exo_code exo__pgw_records(struct pg_write *w, exo_import_kind kind,
                          const void *rows, size_t n, size_t *n_new,
                          size_t *n_updated, exo_err *err);
exo_code exo__pgw_flush(struct pg_write *w, size_t *n_new, size_t *n_updated,
                        exo_err *err);
exo_code exo__pgw_missing_spells(struct pg_write *w, int64_t org,
                                 const struct hmap *seen, bool close,
                                 int32_t at, size_t *n_missing, size_t *n_open,
                                 exo_err *err);
exo_code exo__pgw_as_of(struct pg_write *w, int64_t org, int32_t as_of,
                        exo_err *err);
exo_code exo__pgw_alias(struct pg_write *w, const char *key, const char *alias,
                        int64_t org, bool *added, exo_err *err);
exo_code exo__pgw_org_name(struct pg_write *w, int64_t id, char **name,
                           exo_err *err);
exo_code exo__pgw_merge_org(struct pg_write *w, int64_t from, int64_t into,
                            exo_err *err);
exo_code exo__pgw_commit(struct pg_write *w, exo_err *err);
void exo__pgw_end(struct pg_write *w);

#endif
