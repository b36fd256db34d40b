/*
 * test_vocab.c - the vocabularies of src/core/vocab.c are the single
 * source of their words: the public names read from them, and the CHECK
 * constraints a new store is created with list exactly them. The schema's
 * migrations cannot be rewritten once a store has run them, so a word
 * added to a table needs a migration, and this test says so.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/vocab.h"

/* Every column the schema constrains to a vocabulary. */
static const struct {
    const char *table, *column;
    const struct vocab *vocab;
} columns[] = {
    {"move", "level", &exo__levels},
    {"move", "event", &exo__move_events},
    {"move", "date_precision", &exo__precisions},
    {"spell", "level", &exo__levels},
    {"spell", "start_precision", &exo__precisions},
    {"spell", "end_precision", &exo__precisions},
    {"spell", "end_reason", &exo__end_reasons},
    {"spell", "leave_reason", &exo__leave_reasons},
    {"finance", "precision", &exo__precisions},
    {"finance", "kind", &exo__finance_kinds},
};
#define N_COLUMNS (sizeof columns / sizeof columns[0])

static size_t n_words(const struct vocab *v)
{
    size_t n = 0;
    for (int i = 0; i < v->n; i++)
        n += exo__vocab_word(v, i) != NULL;
    return n;
}

/* The CREATE TABLE statement of 'table' in a store made from scratch. */
static char *table_sql(const char *table)
{
    char path[64];
    exo_store *store;
    exo_err err = {0};
    sqlite3 *db;
    sqlite3_stmt *stmt;
    char *sql = NULL;
    snprintf(path, sizeof path, "/tmp/exodus-vocab-%d.db", (int)getpid());
    unlink(path);
    cr_assert_eq(exo_store_open(path, EXO_STORE_CREATE, &store, &err), EXO_OK,
                 "%s", err.msg);
    exo_store_close(store);
    cr_assert_eq(sqlite3_open(path, &db), SQLITE_OK);
    cr_assert_eq(sqlite3_prepare_v2(db,
                                    "SELECT sql FROM sqlite_master WHERE "
                                    "type = 'table' AND name = ?",
                                    -1, &stmt, NULL),
                 SQLITE_OK);
    sqlite3_bind_text(stmt, 1, table, -1, SQLITE_STATIC);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        sql = strdup((const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    unlink(path);
    cr_assert_not_null(sql, "no table '%s'", table);
    return sql;
}

Test(vocab, schema_checks_list_exactly_the_words)
{
    for (size_t i = 0; i < N_COLUMNS; i++) {
        const struct vocab *v = columns[i].vocab;
        const char *col = columns[i].column;
        struct buf check = BUF_INIT;
        int k = 0;
        cr_assert_eq(exo__buf_addstr(&check, "CHECK ("), 0);
        for (int w = 0; w < v->n; w++)
            if (exo__vocab_word(v, w))
                cr_assert_eq(exo__buf_addf(&check, "%s%s = '%s'",
                                           k++ ? " OR " : "", col,
                                           exo__vocab_word(v, w)),
                             0);
        cr_assert_eq(exo__buf_addch(&check, ')'), 0);
        char *sql = table_sql(columns[i].table);
        cr_expect(strstr(sql, check.data),
                  "%s.%s: the schema does not have\n  %s\n(write a "
                  "migration when a vocabulary changes)",
                  columns[i].table, col, check.data);
        free(sql);
        exo__buf_release(&check);
    }
}

/* A column constrained to words that this test does not know would be a
 * vocabulary outside src/core/vocab.c: each "x = '" of a table's SQL
 * belongs to one word of one listed column. */
Test(vocab, no_other_column_is_limited_to_words)
{
    static const char *const tables[] = {"move", "spell", "finance", "person",
                                         "org",  "alias", "source"};
    for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++) {
        size_t expected = 0, found = 0;
        for (size_t i = 0; i < N_COLUMNS; i++)
            if (strcmp(columns[i].table, tables[t]) == 0)
                expected += n_words(columns[i].vocab);
        char *sql = table_sql(tables[t]);
        for (const char *p = sql; (p = strstr(p, " = '")); p++)
            found++;
        cr_expect_eq(found, expected,
                     "table %s: %zu words in CHECKs, %zu "
                     "in its vocabularies",
                     tables[t], found, expected);
        free(sql);
    }
}

Test(vocab, public_names_come_from_the_tables)
{
    cr_expect_str_eq(exo_level_name(EXO_LEVEL_NONE), "");
    for (int l = 1; l < EXO_N_LEVELS; l++) {
        exo_level back = EXO_LEVEL_NONE;
        cr_expect_str_eq(exo_level_name((exo_level)l),
                         exo__vocab_word(&exo__levels, l));
        cr_expect(exo_level_parse(exo_level_name((exo_level)l), &back));
        cr_expect_eq((int)back, l);
    }
    cr_expect_not(exo_level_parse("", &(exo_level){0}));
    cr_expect_not(exo_level_parse("Founder", &(exo_level){0}));
    for (int e = 0; e <= EXO_EVENT_UNKNOWN; e++)
        cr_expect_str_eq(exo_event_name((exo_event)e),
                         exo__vocab_word(&exo__events, e));
    cr_expect_str_eq(exo_event_name((exo_event)99), "unknown");
    for (int p = EXO_PREC_DAY; p <= EXO_PREC_YEAR; p++) {
        exo_precision back;
        const char *w = exo__precision_name((exo_precision)p);
        cr_expect_str_eq(w, exo__vocab_word(&exo__precisions, p));
        cr_expect(exo__precision_parse(w, &back));
        cr_expect_eq((int)back, p);
    }
}

Test(vocab, subsets_and_messages)
{
    char list[200];
    cr_expect_eq(exo__vocab_value(&exo__move_events, "founded"),
                 EXO_EVENT_FOUNDED);
    cr_expect_eq(exo__vocab_value(&exo__move_events, "died"), -1);
    cr_expect_eq(exo__vocab_value(&exo__end_reasons, "died"), EXO_EVENT_DIED);
    cr_expect_eq(exo__vocab_value(&exo__end_reasons, "joined"), -1);
    cr_expect_null(exo__vocab_word(&exo__end_reasons, EXO_EVENT_JOINED));
    cr_expect_eq(exo__vocab_value(&exo__levels, NULL), -1);
    exo__vocab_list(&exo__levels, list, sizeof list);
    cr_expect_str_eq(list, "founder, exec, lead, ic or board");
    exo__vocab_list(&exo__end_reasons, list, sizeof list);
    cr_expect_str_eq(list,
                     "left, sabbatical, fired, died, acquired or unknown");
    exo__vocab_list(&exo__precisions, list, 12);
    cr_expect_str_eq(list, "day, month "); /* truncated to fit */
}
