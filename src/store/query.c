/*
 * query.c - reads that turn stored data into the plain lists and arrays the
 * models and the CLI take. Organisation names are resolved through the
 * alias table and the name key (Unicode case folding) first.
 */
#include <math.h>

#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"
#include "core/vocab.h"
#include "core/vec.h"
#include "store/rows.h"
#include "store/sql.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ==== Words of the vocabularies (core/vocab.c) ==== */

static exo_event event_parse(const char *name)
{
    int v = exo__vocab_value(&exo__events, name);
    return v < 0 ? EXO_EVENT_UNKNOWN : (exo_event)v;
}

static exo_level level_parse_or_none(const char *name)
{
    exo_level level = EXO_LEVEL_NONE;
    exo_level_parse(name, &level);
    return level;
}

static exo_precision precision_or_day(const char *name)
{
    exo_precision p = EXO_PREC_DAY;
    if (name)
        exo__precision_parse(name, &p);
    return p;
}

/* ==== Organisations ==== */

/* The id and stored name of 'name', through aliases; ENOTFOUND if none. */
static exo_code resolve_org(exo_store *store, const char *name, int64_t *id,
                            char **canonical, exo_err *err)
{
    exo__q *stmt;
    exo_code code;
    char *key = exo__name_key(name);
    /* NULL is bad UTF-8 or no memory: a failed allocation is not the
     * caller's mistake (the fault sweep, tests/unit/test_faults.c). */
    if (!key && exo__utf8_invalid_at(name, strlen(name)) < 0)
        return exo__fail(err, EXO_ENOMEM, "out of memory");
    if (!key)
        return exo__fail(err, EXO_EINVAL,
                         "organisation name '%s' is not valid UTF-8", name);
    code = exo__q_prepare(store,
                          "SELECT id, name FROM org WHERE name_key = ?1 "
                          "UNION ALL SELECT o.id, o.name FROM alias a "
                          "JOIN org o ON o.id = a.org_id "
                          "WHERE a.alias_key = ?1 LIMIT 1",
                          &stmt, err);
    if (code) {
        exo__free(key);
        return code;
    }
    exo__q_bind_text(stmt, 1, key);
    int rc = exo__q_step(stmt);
    if (rc == SQLITE_ROW) {
        *id = exo__q_int64(stmt, 0);
        if (canonical) {
            int oom = 0;
            *canonical = exo__q_strdup(stmt, 1, &oom);
            if (oom)
                code = exo__fail(err, EXO_ENOMEM, "out of memory");
        }
    } else if (rc == SQLITE_DONE) {
        code = exo__fail(
            err, EXO_ENOTFOUND,
            "no organisation '%s' in the store (see 'exodus orgs')", name);
    } else {
        code = exo__q_fail(err, stmt, rc, "looking up an organisation");
    }
    exo__q_finalize(stmt);
    exo__free(key);
    return code;
}

exo_code exo_org_resolve(exo_store *store, const char *name, char **canonical,
                         exo_err *err)
{
    int64_t id;
    *canonical = NULL;
    return resolve_org(store, name, &id, canonical, err);
}

/* ==== Moves, departures and arrivals ==== */

#define MOVE_COLUMNS                                                           \
    "p.name, fo.name, t.name, m.role, m.level, m.event, m.date, "              \
    "m.date_precision, s.url, 0, NULL "
#define MOVE_JOINS                                                             \
    "FROM move m JOIN person p ON p.id = m.person_id "                         \
    "LEFT JOIN org fo ON fo.id = m.from_org_id "                               \
    "LEFT JOIN org t ON t.id = m.to_org_id "                                   \
    "LEFT JOIN source s ON s.id = m.source_id "
#define SPELL_JOINS                                                            \
    "FROM spell sp JOIN person p ON p.id = sp.person_id "                      \
    "JOIN org o ON o.id = sp.org_id "                                          \
    "LEFT JOIN org d ON d.id = sp.dest_org_id "                                \
    "LEFT JOIN source s ON s.id = sp.source_id "

/* " AND <date> BETWEEN .. AND level IN (..)" for 'filter'. */
static int add_filter(struct buf *sql, const exo_filter *f, const char *date,
                      const char *level)
{
    int rc = 0;
    if (!f)
        return 0;
    if (f->has_since)
        rc |= exo__buf_addf(sql, " AND %s >= %d", date, f->since);
    if (f->has_until)
        rc |= exo__buf_addf(sql, " AND %s <= %d", date, f->until);
    if (f->level_mask) {
        rc |= exo__buf_addf(sql, " AND %s IN (''", level);
        for (int i = 1; i < EXO_N_LEVELS; i++)
            if (f->level_mask & (1u << i))
                rc |= exo__buf_addf(sql, ",'%s'", exo_level_name((exo_level)i));
        rc |= exo__buf_addstr(sql, ")");
    }
    return rc;
}

void exo__move_release(exo_move *m)
{
    exo__free(m->person);
    exo__free(m->from_org);
    exo__free(m->to_org);
    exo__free(m->role);
    exo__free(m->source);
}

void exo_move_list_release(exo_move_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++)
        exo__move_release(&list->rows[i]);
    exo__free(list->rows);
    list->rows = NULL;
    list->n = 0;
}

/* Runs 'sql' (org id bound to ?1 when nonzero) into a move list. */
static exo_code run_moves(exo_store *store, const char *sql, int64_t org,
                          exo_move_list *out, exo_err *err)
{
    exo__q *stmt;
    size_t cap = 0;
    int rc, oom = 0;
    exo_code code = exo__q_prepare(store, sql, &stmt, err);
    if (code)
        return code;
    if (org)
        exo__q_bind_int64(stmt, 1, org);
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        exo_move m = {0};
        m.person = exo__q_strdup(stmt, 0, &oom);
        m.from_org = exo__q_strdup(stmt, 1, &oom);
        m.to_org = exo__q_strdup(stmt, 2, &oom);
        m.role = exo__q_strdup(stmt, 3, &oom);
        m.level = level_parse_or_none(exo__q_text(stmt, 4));
        m.event = event_parse(exo__q_text(stmt, 5));
        m.date.days = exo__q_int(stmt, 6);
        m.date.precision = precision_or_day(exo__q_text(stmt, 7));
        m.source = exo__q_strdup(stmt, 8, &oom);
        m.from_spell = exo__q_int(stmt, 9) != 0;
        if (!exo__q_null(stmt, 10))
            exo_reason_parse(exo__q_text(stmt, 10), &m.reason);
        if (oom || EXO_VEC_PUSH(out->rows, out->n, cap, m)) {
            exo__move_release(&m);
            code = exo__fail(err, EXO_ENOMEM, "out of memory reading moves");
            break;
        }
    }
    if (!code && rc != SQLITE_DONE)
        code = exo__q_fail(err, stmt, rc, "reading moves");
    exo__q_finalize(stmt);
    if (code)
        exo_move_list_release(out);
    return code;
}

exo_code exo_move_list_load(exo_store *store, const char *org,
                            const exo_filter *filter, exo_move_list *out,
                            exo_err *err)
{
    struct buf sql = BUF_INIT;
    int64_t org_id = 0;
    exo_code code;
    memset(out, 0, sizeof *out);
    if (org && (code = resolve_org(store, org, &org_id, NULL, err)))
        return code;
    int rc =
        exo__buf_addstr(&sql, "SELECT " MOVE_COLUMNS MOVE_JOINS "WHERE 1 = 1");
    if (org)
        rc |= exo__buf_addstr(&sql, " AND (m.from_org_id = ?1 OR "
                                    "m.to_org_id = ?1)");
    rc |= add_filter(&sql, filter, "m.date", "m.level");
    rc |= exo__buf_addstr(&sql, " ORDER BY m.date, p.name_key, m.id");
    if (rc)
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
    else
        code = run_moves(store, sql.data, org_id, out, err);
    exo__buf_release(&sql);
    return code;
}

/* Adds 'text' with its one "%s" replaced by 'cond'. */
static int add_with(struct buf *sql, const char *text, const char *cond)
{
    const char *at = strstr(text, "%s");
    if (!at)
        return exo__buf_addstr(sql, text);
    return exo__buf_add(sql, text, (size_t)(at - text)) |
           exo__buf_addstr(sql, cond) | exo__buf_addstr(sql, at + 2);
}

/*
 * The reported moves of organisation 'org_id' (every organisation when 0)
 * and its spells, both under 'filter', in the order 'order'. 'move_where'
 * (on table m) and 'spell_part' (a SELECT on sp and its joins ending in
 * WHERE) are formats whose %s is the organisation's condition: 'move_org'
 * or 'spell_org' for one (?1 its id), "IS NOT NULL" conditions for all.
 * Ties are broken by the kind of row (moves first) and the row's id, so
 * that one organisation's rows come in the same order whether read alone
 * or with all the others, on either store.
 */
static exo_code org_events(exo_store *store, int64_t org_id,
                           const exo_filter *filter, const char *move_where,
                           const char *move_org, const char *spell_part,
                           const char *spell_org, const char *spell_date,
                           const char *order, exo_move_list *out, exo_err *err)
{
    struct buf sql = BUF_INIT;
    exo_code code;
    memset(out, 0, sizeof *out);
    int rc = exo__buf_addstr(&sql, "SELECT * FROM (SELECT " MOVE_COLUMNS
                                   ", p.name_key AS k, m.id AS rid " MOVE_JOINS
                                   "WHERE ");
    rc |= add_with(&sql, move_where, org_id ? move_org : "IS NOT NULL");
    rc |= add_filter(&sql, filter, "m.date", "m.level");
    rc |= exo__buf_addstr(&sql, " UNION ALL ");
    rc |= add_with(&sql, spell_part, org_id ? spell_org : "IS NOT NULL");
    rc |= add_filter(&sql, filter, spell_date, "sp.level");
    rc |= exo__buf_addf(&sql, ") AS ev ORDER BY %s, 10, rid", order);
    if (rc)
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
    else
        code = run_moves(store, sql.data, org_id, out, err);
    exo__buf_release(&sql);
    return code;
}

/* Departures: reported moves away and ends of spells. */
static exo_code departure_events(exo_store *store, int64_t org_id,
                                 const exo_filter *filter, const char *order,
                                 exo_move_list *out, exo_err *err)
{
    /* A store read as it is (read-only) may predate leave_reason. */
    return org_events(
        store, org_id, filter,
        "m.from_org_id %s AND m.event IN "
        "('left', 'fired', 'sabbatical', 'founded')",
        "= ?1",
        store->schema_version >= 3
            ? "SELECT p.name, o.name, d.name, sp.role, sp.level, "
              "sp.end_reason, sp.end_date, sp.end_precision, s.url, 1, "
              "sp.leave_reason, p.name_key, sp.id " SPELL_JOINS
              "WHERE sp.org_id %s AND sp.end_date IS NOT NULL"
            : "SELECT p.name, o.name, d.name, sp.role, sp.level, "
              "sp.end_reason, sp.end_date, sp.end_precision, s.url, 1, "
              "NULL, p.name_key, sp.id " SPELL_JOINS
              "WHERE sp.org_id %s AND sp.end_date IS NOT NULL",
        "= ?1", "sp.end_date", order, out, err);
}

/* Arrivals: reported moves in and starts of spells. */
static exo_code arrival_events(exo_store *store, int64_t org_id,
                               const exo_filter *filter, const char *order,
                               exo_move_list *out, exo_err *err)
{
    return org_events(store, org_id, filter, "m.to_org_id %s", "= ?1",
                      "SELECT p.name, NULL, o.name, sp.role, sp.level, "
                      "'joined', sp.start_date, sp.start_precision, s.url, "
                      "1, NULL, p.name_key, sp.id " SPELL_JOINS
                      "WHERE sp.org_id %s AND sp.start_date IS NOT NULL",
                      "= ?1", "sp.start_date", order, out, err);
}

exo_code exo__departure_rows(exo_store *store, const char *org,
                             const exo_filter *filter, exo_move_list *out,
                             exo_err *err)
{
    int64_t org_id;
    exo_code code;
    memset(out, 0, sizeof *out);
    if ((code = resolve_org(store, org, &org_id, NULL, err)))
        return code;
    return departure_events(store, org_id, filter, "k, 7", out, err);
}

exo_code exo__arrival_rows(exo_store *store, const char *org,
                           const exo_filter *filter, exo_move_list *out,
                           exo_err *err)
{
    int64_t org_id;
    exo_code code;
    memset(out, 0, sizeof *out);
    if ((code = resolve_org(store, org, &org_id, NULL, err)))
        return code;
    return arrival_events(store, org_id, filter, "k, 7", out, err);
}

exo_code exo__all_departure_rows(exo_store *store, exo_move_list *out,
                                 exo_err *err)
{
    /* column 2: the organisation left */
    return departure_events(store, 0, NULL, "2, k, 7", out, err);
}

exo_code exo__all_arrival_rows(exo_store *store, exo_move_list *out,
                               exo_err *err)
{
    /* column 3: the organisation joined */
    return arrival_events(store, 0, NULL, "3, k, 7", out, err);
}

exo_code exo__store_last_date(exo_store *store, exo_date *out, exo_err *err)
{
    /* The newest reported move: the as-of date of the news the store
     * holds. With its precision. */
    static const char sql[] =
        "SELECT date, date_precision FROM move ORDER BY date DESC LIMIT 1";
    exo__q *stmt;
    exo_code code = exo__q_prepare(store, sql, &stmt, err);
    if (code)
        return code;
    int rc = exo__q_step(stmt);
    if (rc == SQLITE_ROW) {
        out->days = exo__q_int(stmt, 0);
        out->precision = precision_or_day(exo__q_text(stmt, 1));
    } else if (rc == SQLITE_DONE) {
        code = exo__fail(err, EXO_ENOTFOUND, "the store records no moves");
    } else {
        code = exo__q_fail(err, stmt, rc, "reading the last date");
    }
    exo__q_finalize(stmt);
    return code;
}

/* ==== Organisation list ==== */

void exo_org_list_release(exo_org_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++) {
        exo__free(list->rows[i].name);
        exo__free(list->rows[i].kind);
    }
    exo__free(list->rows);
    list->rows = NULL;
    list->n = 0;
}

exo_code exo__org_rows(exo_store *store, exo_org_list *out, exo_err *err)
{
    /* Raw row counts (the rules are applied in C afterwards: departures.c),
     * grouped by organisation and joined, rather than three subqueries per
     * organisation: on PostgreSQL those took 3.9 s of orgs' 7 s over
     * 10,000 organisations (bench/pg_load.sh), now 0.9 s; SQLite the same
     * or faster. */
    static const char sql[] =
        "SELECT o.name, o.kind, COALESCE(md.n, 0) + COALESCE(sd.n, 0) "
        " AS departures, COALESCE(pp.n, 0) FROM org o "
        "LEFT JOIN (SELECT from_org_id AS org_id, COUNT(*) AS n FROM move "
        " WHERE from_org_id IS NOT NULL AND event IN ('left', 'fired', "
        " 'founded') GROUP BY from_org_id) AS md ON md.org_id = o.id "
        "LEFT JOIN (SELECT org_id, COUNT(*) AS n FROM spell "
        " WHERE end_date IS NOT NULL GROUP BY org_id) AS sd "
        " ON sd.org_id = o.id "
        "LEFT JOIN (SELECT org_id, COUNT(*) AS n FROM "
        " (SELECT from_org_id AS org_id, person_id FROM move "
        "  WHERE from_org_id IS NOT NULL "
        "  UNION SELECT to_org_id, person_id FROM move "
        "  WHERE to_org_id IS NOT NULL "
        "  UNION SELECT org_id, person_id FROM spell) AS u "
        " GROUP BY org_id) AS pp ON pp.org_id = o.id "
        "ORDER BY departures DESC, o.name_key";
    exo__q *stmt;
    size_t cap = 0;
    int rc, oom = 0;
    memset(out, 0, sizeof *out);
    exo_code code = exo__q_prepare(store, sql, &stmt, err);
    if (code)
        return code;
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        exo_org_row row = {0};
        row.name = exo__q_strdup(stmt, 0, &oom);
        row.kind = exo__q_strdup(stmt, 1, &oom);
        row.n_departures = (size_t)exo__q_int64(stmt, 2);
        row.n_people = (size_t)exo__q_int64(stmt, 3);
        if (oom || EXO_VEC_PUSH(out->rows, out->n, cap, row)) {
            exo__free(row.name);
            exo__free(row.kind);
            code = exo__fail(err, EXO_ENOMEM, "out of memory");
            break;
        }
    }
    if (!code && rc != SQLITE_DONE)
        code = exo__q_fail(err, stmt, rc, "listing organisations");
    exo__q_finalize(stmt);
    if (code)
        exo_org_list_release(out);
    return code;
}

/* ==== People ==== */

void exo_person_list_release(exo_person_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++) {
        exo__free(list->rows[i].name);
        exo__free(list->rows[i].orgs);
    }
    exo__free(list->rows);
    list->rows = NULL;
    list->n = 0;
}

/*
 * One row per (person, organisation) in the order the list shows them:
 * people by name, each one's organisations by the first date recorded
 * there (undated first), then by id. Set-based (two GROUP BYs joined)
 * rather than a subquery per person: on PostgreSQL a correlated subquery
 * joined the organisation table once per person (142 s on 200,000 people,
 * bench/pg_load.sh). The names are joined into one string here, in C, so
 * that neither store's aggregate order is relied on.
 */
exo_code exo_person_list_load(exo_store *store, const char *org,
                              exo_person_list *out, exo_err *err)
{
    static const char sql[] =
        "WITH r(person_id, org_id, date) AS ("
        " SELECT person_id, from_org_id, date FROM move "
        "  WHERE from_org_id IS NOT NULL"
        " UNION ALL SELECT person_id, to_org_id, date FROM move "
        "  WHERE to_org_id IS NOT NULL"
        " UNION ALL SELECT person_id, org_id, start_date FROM spell), "
        "who AS (SELECT person_id FROM r WHERE org_id = ?1), "
        "po AS (SELECT person_id, org_id, MIN(date) AS first FROM r "
        "  WHERE CAST(?1 AS BIGINT) IS NULL OR person_id IN "
        "  (SELECT person_id FROM who) GROUP BY person_id, org_id), "
        "nr AS (SELECT person_id, COUNT(*) AS n FROM "
        "  (SELECT person_id FROM move UNION ALL "
        "   SELECT person_id FROM spell) AS a GROUP BY person_id) "
        /* Driven by po, not by person: SQLite scanned po once per
         * person when it was the right side of a LEFT JOIN. */
        "SELECT p.id, p.name, o.name, nr.n, p.name_key AS k, po.first AS f, "
        " po.org_id AS oid FROM po JOIN person p ON p.id = po.person_id "
        " JOIN org o ON o.id = po.org_id JOIN nr ON nr.person_id = p.id "
        /* A person with no record at all is listed only unfiltered. */
        "UNION ALL SELECT p.id, p.name, NULL, 0, p.name_key, NULL, NULL "
        " FROM person p WHERE CAST(?1 AS BIGINT) IS NULL AND NOT EXISTS "
        " (SELECT 1 FROM nr WHERE nr.person_id = p.id) "
        "ORDER BY 5, 1, 6 NULLS FIRST, 7";
    exo__q *stmt;
    struct buf orgs = BUF_INIT;
    size_t cap = 0;
    int rc, oom = 0;
    int64_t org_id = 0, current = 0;
    exo_person_row *row = NULL;
    exo_code code;
    memset(out, 0, sizeof *out);
    if (org && (code = resolve_org(store, org, &org_id, NULL, err)))
        return code;
    if ((code = exo__q_prepare(store, sql, &stmt, err)))
        return code;
    if (org)
        exo__q_bind_int64(stmt, 1, org_id);
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        int64_t id = exo__q_int64(stmt, 0);
        if (!row || id != current) {
            exo_person_row fresh = {0};
            if (row && orgs.len) {
                row->orgs = exo__buf_detach(&orgs);
                oom |= !row->orgs;
            }
            exo__buf_release(&orgs);
            fresh.name = exo__q_strdup(stmt, 1, &oom);
            fresh.n_records = (size_t)exo__q_int64(stmt, 3);
            if (oom || EXO_VEC_PUSH(out->rows, out->n, cap, fresh)) {
                exo__free(fresh.name);
                oom = 1;
                break;
            }
            row = &out->rows[out->n - 1];
            current = id;
        }
        const char *name = exo__q_text(stmt, 2);
        if (name && ((orgs.len && exo__buf_addstr(&orgs, ", ")) ||
                     exo__buf_addstr(&orgs, name))) {
            oom = 1;
            break;
        }
    }
    if (!oom && row && orgs.len && !(row->orgs = exo__buf_detach(&orgs)))
        oom = 1;
    exo__buf_release(&orgs);
    if (oom)
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
    else if (rc != SQLITE_DONE)
        code = exo__q_fail(err, stmt, rc, "listing people");
    exo__q_finalize(stmt);
    if (code)
        exo_person_list_release(out);
    return code;
}

/* ==== Spells ==== */

void exo_spells_release(exo_spells *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        if (s->person)
            exo__free(s->person[i]);
        if (s->team)
            exo__free(s->team[i]);
        if (s->role)
            exo__free(s->role[i]);
    }
    exo__free(s->start);
    exo__free(s->end);
    exo__free(s->end_reason);
    exo__free(s->reason);
    exo__free(s->level);
    exo__free(s->person);
    exo__free(s->team);
    exo__free(s->role);
    memset(s, 0, sizeof *s);
}

exo_code exo_spells_load(exo_store *store, const char *org, exo_spells *out,
                         exo_err *err)
{
    exo__q *stmt = NULL;
    int64_t org_id, count = 0;
    exo_code code;
    int rc, oom = 0;
    memset(out, 0, sizeof *out);
    if ((code = resolve_org(store, org, &org_id, NULL, err)))
        return code;
    if ((code = exo__q_prepare(store,
                               "SELECT COUNT(*) FROM spell WHERE org_id = ? "
                               "AND start_date IS NOT NULL",
                               &stmt, err)))
        return code;
    exo__q_bind_int64(stmt, 1, org_id);
    /* A step that fails (SQLite short of memory) is an error, not an
     * organisation without spells: the report would silently change. */
    rc = exo__q_step(stmt);
    if (rc == SQLITE_ROW)
        count = exo__q_int64(stmt, 0);
    else
        code = exo__q_fail(err, stmt, rc, "counting spells");
    exo__q_finalize(stmt);
    if (code)
        return code;
    size_t n = (size_t)count;
    out->start = exo__calloc(n, sizeof *out->start);
    out->end = exo__calloc(n, sizeof *out->end);
    out->end_reason = exo__calloc(n, sizeof *out->end_reason);
    out->level = exo__calloc(n, sizeof *out->level);
    out->person = exo__calloc(n, sizeof *out->person);
    out->team = exo__calloc(n, sizeof *out->team);
    out->reason = exo__calloc(n, sizeof *out->reason);
    out->role = exo__calloc(n, sizeof *out->role);
    if (!out->start || !out->end || !out->end_reason || !out->level ||
        !out->person || !out->team || !out->reason || !out->role) {
        code = exo__fail(err, EXO_ENOMEM, "out of memory loading spells");
        goto out;
    }
    /* A store read as it is (read-only) may predate 003_hr_refresh. */
    bool v3 = store->schema_version >= 3;
    if ((code = exo__q_prepare(
             store,
             v3 ? "SELECT sp.start_date, sp.end_date, sp.end_reason, sp.level, "
                  "p.name, sp.team, sp.leave_reason, sp.role FROM spell sp "
                  "JOIN person "
                  "p ON p.id = sp.person_id WHERE sp.org_id = ? AND "
                  "sp.start_date IS NOT NULL ORDER BY sp.start_date, sp.id"
                : "SELECT sp.start_date, sp.end_date, sp.end_reason, sp.level, "
                  "p.name, sp.team, NULL, sp.role FROM spell sp JOIN person p "
                  "ON p.id = "
                  "sp.person_id WHERE sp.org_id = ? AND sp.start_date IS NOT "
                  "NULL "
                  "ORDER BY sp.start_date, sp.id",
             &stmt, err)))
        goto out;
    exo__q_bind_int64(stmt, 1, org_id);
    while (out->n < n && (rc = exo__q_step(stmt)) == SQLITE_ROW) {
        size_t i = out->n++;
        out->start[i] = exo__q_int(stmt, 0);
        out->end[i] = exo__q_null(stmt, 1) ? (double)NAN : exo__q_int(stmt, 1);
        out->end_reason[i] = exo__q_null(stmt, 2)
                                 ? EXO_EVENT_UNKNOWN
                                 : event_parse(exo__q_text(stmt, 2));
        out->level[i] = level_parse_or_none(exo__q_text(stmt, 3));
        out->person[i] = exo__q_strdup(stmt, 4, &oom);
        out->team[i] = exo__q_strdup(stmt, 5, &oom);
        out->role[i] = exo__q_strdup(stmt, 7, &oom);
        exo_reason r = EXO_REASON_NONE;
        if (!exo__q_null(stmt, 6))
            exo_reason_parse(exo__q_text(stmt, 6), &r);
        out->reason[i] = r;
        if (oom) {
            code = exo__fail(err, EXO_ENOMEM, "out of memory loading spells");
            break;
        }
    }
    if (!code && out->n < n && rc != SQLITE_DONE)
        code = exo__q_fail(err, stmt, rc, "loading spells");
    exo__q_finalize(stmt);
    if (!code && v3 &&
        !(code = exo__q_prepare(
              store, "SELECT as_of FROM export_as_of WHERE org_id = ?", &stmt,
              err))) {
        exo__q_bind_int64(stmt, 1, org_id);
        rc = exo__q_step(stmt);
        if (rc == SQLITE_ROW) {
            out->has_as_of = true;
            out->as_of = exo__q_int(stmt, 0);
        } else if (rc != SQLITE_DONE) {
            code = exo__q_fail(err, stmt, rc, "reading the export's date");
        }
        exo__q_finalize(stmt);
    }
out:
    if (code)
        exo_spells_release(out);
    return code;
}

/* ==== Finance ==== */

void exo_finance_list_release(exo_finance_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->n; i++) {
        exo_finance_row *r = &list->rows[i];
        exo__free(r->org);
        exo__free(r->kind);
        exo__free(r->note);
        exo__free(r->source);
    }
    exo__free(list->rows);
    list->rows = NULL;
    list->n = 0;
}

exo_code exo_finance_list_load(exo_store *store, const char *org,
                               exo_finance_list *out, exo_err *err)
{
    exo__q *stmt;
    int64_t org_id = 0;
    size_t cap = 0;
    int rc, oom = 0;
    exo_code code;
    memset(out, 0, sizeof *out);
    if (org && (code = resolve_org(store, org, &org_id, NULL, err)))
        return code;
    if ((code = exo__q_prepare(
             store,
             "SELECT o.name, f.date, f.precision, f.kind, f.amount_usd, "
             "f.note, s.url FROM finance f JOIN org o ON o.id = f.org_id "
             "LEFT JOIN source s ON s.id = f.source_id "
             "WHERE CAST(?1 AS BIGINT) IS NULL OR f.org_id = ?1 "
             "ORDER BY f.date, f.id",
             &stmt, err)))
        return code;
    if (org)
        exo__q_bind_int64(stmt, 1, org_id);
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        exo_finance_row r = {0};
        r.org = exo__q_strdup(stmt, 0, &oom);
        r.date.days = exo__q_int(stmt, 1);
        r.date.precision = precision_or_day(exo__q_text(stmt, 2));
        r.kind = exo__q_strdup(stmt, 3, &oom);
        r.amount_usd =
            exo__q_null(stmt, 4) ? (double)NAN : exo__q_double(stmt, 4);
        r.note = exo__q_strdup(stmt, 5, &oom);
        r.source = exo__q_strdup(stmt, 6, &oom);
        if (oom || EXO_VEC_PUSH(out->rows, out->n, cap, r)) {
            exo__free(r.org), exo__free(r.kind), exo__free(r.note),
                exo__free(r.source);
            code = exo__fail(err, EXO_ENOMEM, "out of memory");
            break;
        }
    }
    if (!code && rc != SQLITE_DONE)
        code = exo__q_fail(err, stmt, rc, "reading finance");
    exo__q_finalize(stmt);
    if (code)
        exo_finance_list_release(out);
    return code;
}

/* ==== Core team ==== */

void exo_core_team_release(exo_core_team *team)
{
    if (!team)
        return;
    for (size_t i = 0; i < team->n; i++) {
        exo__free(team->rows[i].person);
        exo__free(team->rows[i].role);
        exo__free(team->rows[i].went_to);
    }
    exo__free(team->rows);
    memset(team, 0, sizeof *team);
}

/* How long after the first recorded arrival a founder may still arrive
 * (joining rows dated in the founding year): a year. */
#define FOUNDING_DAYS 365

/* The role is an interim one ("interim CEO"), in any case. */
static bool interim_role(const char *role)
{
    char *key = role ? exo__name_key(role) : NULL;
    bool interim = key && strstr(key, "interim");
    exo__free(key);
    return interim;
}

/* Members are listed by arrival, or by departure when no arrival is known. */
static int32_t core_order_day(const exo_core_member *m)
{
    return m->has_joined ? m->joined.days : m->left.days;
}

/*
 * Each founder or executive's history at the organisation, replayed in date
 * order: an arrival (founded, joined, returned, a spell's start) marks them
 * present, a departure marks them gone, so a return after a departure (a
 * CEO fired and reinstated four days later) leaves them present.
 */
exo_code exo_core_team_load(exo_store *store, const char *org,
                            exo_core_team *out, exo_err *err)
{
    /* A move's level is the role that made it notable: at the organisation
     * left for left/fired/sabbatical, at the one joined for joined/returned/
     * founded. Only those rows say someone was core here. */
    static const char sql[] =
        "WITH m AS (SELECT *, CASE WHEN ((to_org_id = ?1 AND event IN"
        "  ('founded', 'joined', 'returned')) OR (from_org_id = ?1 AND event IN"
        "  ('left', 'fired', 'sabbatical'))) AND level IN ('founder', 'exec')"
        "  THEN level END AS core_level FROM move"
        "  WHERE from_org_id = ?1 OR to_org_id = ?1),"
        " core AS (SELECT person_id FROM m WHERE core_level IS NOT NULL"
        " UNION SELECT person_id FROM spell WHERE org_id = ?1"
        "  AND level IN ('founder', 'exec')),"
        " ev(person_id, date, prec, arrive, event, role, level, dest) AS ("
        " SELECT person_id, date, date_precision,"
        "  CASE WHEN to_org_id IS NULL THEN NULL WHEN to_org_id = ?1 THEN 1"
        "  ELSE 0 END, event, role,"
        "  core_level, (SELECT name FROM org WHERE id = to_org_id) FROM m"
        "  WHERE person_id IN (SELECT person_id FROM core) AND (to_org_id = ?1 "
        "OR"
        "  event IN ('left', 'fired', 'sabbatical', 'founded'))"
        " UNION ALL SELECT person_id, start_date, start_precision, 1, 'joined',"
        "  role, level, NULL FROM spell"
        "  WHERE org_id = ?1 AND person_id IN (SELECT person_id FROM core)"
        "  AND start_date IS NOT NULL"
        " UNION ALL SELECT person_id, end_date, end_precision, 0, end_reason,"
        "  role, level, (SELECT name FROM org WHERE id = dest_org_id)"
        "  FROM spell WHERE org_id = ?1"
        "  AND person_id IN (SELECT person_id FROM core)"
        "  AND end_date IS NOT NULL)"
        "SELECT p.id, p.name, ev.date, ev.prec, ev.arrive, ev.event, ev.role,"
        " ev.level, ev.dest FROM ev JOIN person p ON p.id = ev.person_id "
        "ORDER BY p.id, ev.date, ev.arrive NULLS FIRST";
    exo__q *stmt;
    int64_t org_id, current = -1;
    size_t cap = 0;
    int rc, oom = 0;
    exo_code code;
    memset(out, 0, sizeof *out);
    if ((code = resolve_org(store, org, &org_id, NULL, err)))
        return code;
    if ((code = exo__q_prepare(store, sql, &stmt, err)))
        return code;
    exo__q_bind_int64(stmt, 1, org_id);
    exo_core_member *m = NULL;
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        int64_t person = exo__q_int64(stmt, 0);
        exo_date date = {exo__q_int(stmt, 2),
                         precision_or_day(exo__q_text(stmt, 3))};
        bool arrive = exo__q_int(stmt, 4) != 0;
        exo_level level = level_parse_or_none(exo__q_text(stmt, 7));
        if (person != current) {
            exo_core_member fresh = {0};
            fresh.person = exo__q_strdup(stmt, 1, &oom);
            fresh.level = EXO_LEVEL_NONE;
            if (oom || EXO_VEC_PUSH(out->rows, out->n, cap, fresh)) {
                exo__free(fresh.person);
                code = exo__fail(err, EXO_ENOMEM, "out of memory");
                break;
            }
            current = person;
            m = &out->rows[out->n - 1];
        }
        /* Founder outranks exec: the lower enum value wins. */
        if ((level == EXO_LEVEL_FOUNDER || level == EXO_LEVEL_EXEC) &&
            (m->level == EXO_LEVEL_NONE || level < m->level)) {
            m->level = level;
            exo__free(m->role);
            m->role = exo__q_strdup(stmt, 6, &oom);
        }
        if (arrive && !m->has_joined) {
            m->has_joined = true;
            m->joined = date;
            m->joined_founding = strcmp(exo__q_text(stmt, 5), "founded") == 0;
        }
        if (arrive) {
            m->has_left = false;
            exo__free(m->went_to);
            m->went_to = NULL;
        } else if (m->has_left) {
            /* Already gone: a later founding elsewhere says where they
             * went, not when they left. */
            if (!m->went_to)
                m->went_to = exo__q_strdup(stmt, 8, &oom);
        } else {
            m->has_left = true;
            m->left = date;
            m->left_event = event_parse(exo__q_text(stmt, 5));
            exo__free(m->went_to);
            m->went_to = exo__q_strdup(stmt, 8, &oom);
        }
        if (oom) {
            code = exo__fail(err, EXO_ENOMEM, "out of memory");
            break;
        }
    }
    if (!code && rc != SQLITE_DONE)
        code = exo__q_fail(err, stmt, rc, "reading the core team");
    exo__q_finalize(stmt);
    if (code) {
        exo_core_team_release(out);
        return code;
    }
    /* A founder arrives at the founding. A row that has someone join as a
     * "founder" long after (a founder of another company hired here) gives
     * the person's standing, not a founding of this organisation: a senior
     * hire, counted with the executives. The founding is the earliest
     * arrival recorded. */
    int32_t founding = INT32_MAX;
    for (size_t i = 0; i < out->n; i++)
        if (out->rows[i].has_joined && out->rows[i].joined.days < founding)
            founding = out->rows[i].joined.days;
    for (size_t i = 0; i < out->n; i++) {
        exo_core_member *r = &out->rows[i];
        if (r->level == EXO_LEVEL_FOUNDER && r->has_joined &&
            !r->joined_founding && r->joined.days > founding + FOUNDING_DAYS)
            r->level = EXO_LEVEL_EXEC;
    }
    /* Keep founders and execs only (a board seat alone is not core; nor is
     * an interim appointment, which holds a seat until it is filled and
     * whose end the news rarely reports: a three-day interim CEO would
     * otherwise "remain" for ever), and order founders first, then by
     * arrival. */
    size_t kept = 0;
    for (size_t i = 0; i < out->n; i++) {
        exo_core_member *r = &out->rows[i];
        if ((r->level != EXO_LEVEL_FOUNDER && r->level != EXO_LEVEL_EXEC) ||
            interim_role(r->role)) {
            exo__free(r->person), exo__free(r->role), exo__free(r->went_to);
            continue;
        }
        out->rows[kept++] = *r;
    }
    out->n = kept;
    for (size_t i = 1; i < out->n; i++) {
        exo_core_member x = out->rows[i];
        size_t j = i;
        for (; j > 0 &&
               (out->rows[j - 1].level > x.level ||
                (out->rows[j - 1].level == x.level &&
                 core_order_day(&out->rows[j - 1]) > core_order_day(&x)));
             j--)
            out->rows[j] = out->rows[j - 1];
        out->rows[j] = x;
    }
    for (size_t i = 0; i < out->n; i++) {
        bool remains = !out->rows[i].has_left;
        if (out->rows[i].level == EXO_LEVEL_FOUNDER) {
            out->n_founders++;
            out->n_founders_remaining += remains;
        } else {
            out->n_execs++;
            out->n_execs_remaining += remains;
        }
    }
    return EXO_OK;
}

/* ==== Flows: moves with both ends known ==== */

void exo_flow_data_release(exo_flow_data *d)
{
    if (!d)
        return;
    for (size_t i = 0; d->orgs && i < d->n_orgs; i++)
        exo__free(d->orgs[i]);
    for (size_t i = 0; d->person && i < d->n; i++)
        exo__free(d->person[i]);
    exo__free(d->orgs);
    exo__free(d->person);
    exo__free(d->from);
    exo__free(d->to);
    exo__free(d->day);
    exo__free(d->date);
    exo__free(d->level);
    exo__free(d->inferred);
    exo__free(d->spell_org);
    exo__free(d->spell_start);
    exo__free(d->spell_end);
    memset(d, 0, sizeof *d);
}

/* The level a move row gives for the organisation left. */
#define LEVEL_LEFT                                                             \
    "(CASE WHEN m.event IN ('left', 'fired', 'sabbatical') THEN m.level END)"

/* One candidate move as read, before duplicates are folded. */
struct flow_row {
    int64_t person_id, from_id, to_id;
    char *person;
    exo_date date;
    exo_level level;
    bool inferred;
};

static int flow_row_by_key(const void *pa, const void *pb)
{
    const struct flow_row *a = pa, *b = pb;
    if (a->person_id != b->person_id)
        return a->person_id < b->person_id ? -1 : 1;
    if (a->from_id != b->from_id)
        return a->from_id < b->from_id ? -1 : 1;
    if (a->to_id != b->to_id)
        return a->to_id < b->to_id ? -1 : 1;
    if (a->date.days != b->date.days)
        return a->date.days < b->date.days ? -1 : 1;
    /* An explicit report before an inferred one of the same day. */
    return (int)a->inferred - (int)b->inferred;
}

static int flow_row_by_date(const void *pa, const void *pb)
{
    const struct flow_row *a = pa, *b = pb;
    if (a->date.days != b->date.days)
        return a->date.days < b->date.days ? -1 : 1;
    if (a->person_id != b->person_id)
        return a->person_id < b->person_id ? -1 : 1;
    if (a->from_id != b->from_id)
        return a->from_id < b->from_id ? -1 : 1;
    return a->to_id < b->to_id ? -1 : a->to_id > b->to_id;
}

static int64_t id_index(const int64_t *ids, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && ids[lo] == id ? (int64_t)lo : -1;
}

static int cmp_i64(const void *pa, const void *pb)
{
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    return a < b ? -1 : a > b;
}

exo_code exo_flow_data_load(exo_store *store, const exo_filter *filter,
                            double gap_days, exo_flow_data *out, exo_err *err)
{
    struct buf sql = BUF_INIT;
    exo__q *stmt = NULL;
    struct flow_row *rows = NULL;
    int64_t *ids = NULL;
    size_t n = 0, cap = 0, n_ids = 0;
    int rc, oom = 0;
    exo_code code = EXO_OK;
    memset(out, 0, sizeof *out);
    if (gap_days == 0.0)
        gap_days = 365.0;
    if (!(gap_days > 0.0) || gap_days > 1e6)
        return exo__fail(err, EXO_EINVAL,
                         "gap of %g days (expected more than 0)", gap_days);
    /* Reported moves naming both ends, spells ended with a destination,
     * and spells followed by a spell elsewhere within the gap. */
    /* A move's level is the one left only on a departure row (left,
     * fired, sabbatical): a founding or a joining row gives the level at
     * the organisation founded or joined (six founders of Anthropic were
     * not six founders of OpenAI). Otherwise the level left is unknown. */
    rc = exo__buf_addstr(
        &sql, "SELECT m.person_id, p.name, m.from_org_id, m.to_org_id, "
              "" LEVEL_LEFT ", m.date, m.date_precision, 0 FROM move m "
              "JOIN person p ON p.id = m.person_id WHERE m.from_org_id IS "
              "NOT NULL AND m.to_org_id IS NOT NULL AND m.from_org_id != "
              "m.to_org_id");
    rc |= add_filter(&sql, filter, "m.date", LEVEL_LEFT);
    rc |= exo__buf_addstr(
        &sql, " UNION ALL SELECT sp.person_id, p.name, sp.org_id, "
              "sp.dest_org_id, sp.level, sp.end_date, sp.end_precision, 0 "
              "FROM spell sp JOIN person p ON p.id = sp.person_id WHERE "
              "sp.dest_org_id IS NOT NULL AND sp.end_date IS NOT NULL AND "
              "sp.dest_org_id != sp.org_id");
    rc |= add_filter(&sql, filter, "sp.end_date", "sp.level");
    /* A spell's inferred destination is the person's first spell
     * elsewhere (by start, then id) that starts within the gap after it
     * ends: one join of spell to spell on the person, numbered by a
     * window, rather than a subquery per spell, which PostgreSQL ran
     * across every partition of a table partitioned by organisation. A
     * spell's id is unique on both stores (a rowid; one sequence): by id
     * alone SQLite scans the table in its order rather than by an index
     * on (org_id, ..), which cost it 40% on flows. */
    rc |= exo__buf_addstr(
        &sql, " UNION ALL SELECT person_id, name, org_id, dest, level, "
              "end_date, end_precision, 1 FROM (SELECT sp.person_id, p.name, "
              "sp.org_id, b.org_id AS dest, sp.level, sp.end_date, "
              "sp.end_precision, ROW_NUMBER() OVER (PARTITION BY sp.id "
              "ORDER BY b.start_date, b.id) AS nth FROM spell sp JOIN "
              "spell b ON b.person_id = sp.person_id AND b.org_id != "
              "sp.org_id AND b.start_date >= sp.end_date AND b.start_date <= "
              "sp.end_date + ?1 JOIN person p ON p.id = sp.person_id WHERE "
              "sp.dest_org_id IS NULL AND sp.end_date IS NOT NULL AND "
              "(sp.end_reason IS NULL OR sp.end_reason NOT IN ('died', "
              "'acquired'))");
    rc |= add_filter(&sql, filter, "sp.end_date", "sp.level");
    rc |= exo__buf_addstr(&sql, ") AS inferred WHERE nth = 1");
    if (rc) {
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    if ((code = exo__q_prepare(store, sql.data, &stmt, err)))
        goto out;
    exo__q_bind_int64(stmt, 1, (int64_t)gap_days);
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        struct flow_row r = {0};
        r.person_id = exo__q_int64(stmt, 0);
        r.person = exo__q_strdup(stmt, 1, &oom);
        r.from_id = exo__q_int64(stmt, 2);
        r.to_id = exo__q_int64(stmt, 3);
        r.level = level_parse_or_none(exo__q_text(stmt, 4));
        r.date.days = exo__q_int(stmt, 5);
        r.date.precision = precision_or_day(exo__q_text(stmt, 6));
        r.inferred = exo__q_int(stmt, 7) != 0;
        if (oom || EXO_VEC_PUSH(rows, n, cap, r)) {
            exo__free(r.person);
            code = exo__fail(err, EXO_ENOMEM, "out of memory reading moves");
            goto out;
        }
    }
    if (rc != SQLITE_DONE) {
        code = exo__q_fail(err, stmt, rc, "reading moves");
        goto out;
    }
    exo__q_finalize(stmt);
    stmt = NULL;

    /* Fold a move reported twice: the same person and organisations, the
     * later report within 365 days after the earlier date's precision
     * window closes ("left in 2020", "founded in 2021"). */
    if (n > 1)
        exo__qsort(rows, n, sizeof *rows, flow_row_by_key);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        struct flow_row *k = kept ? &rows[kept - 1] : NULL;
        if (k && k->person_id == rows[i].person_id &&
            k->from_id == rows[i].from_id && k->to_id == rows[i].to_id &&
            rows[i].date.days - k->date.days -
                    exo__precision_days(k->date.days, k->date.precision) <=
                365) {
            k->inferred = k->inferred && rows[i].inferred;
            /* "left as exec in 2020", "founded the rival in 2021": the
             * departure row knows the level left. */
            if (k->level == EXO_LEVEL_NONE)
                k->level = rows[i].level;
            exo__free(rows[i].person);
            continue;
        }
        rows[kept++] = rows[i];
    }
    n = kept;
    if (n > 1)
        exo__qsort(rows, n, sizeof *rows, flow_row_by_date);

    /* The organisations touched, in name order. */
    ids = exo__calloc(2 * n + 1, sizeof *ids);
    if (!ids) {
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        ids[2 * i] = rows[i].from_id;
        ids[2 * i + 1] = rows[i].to_id;
    }
    if (n)
        exo__qsort(ids, 2 * n, sizeof *ids, cmp_i64);
    for (size_t i = 0; i < 2 * n; i++)
        if (n_ids == 0 || ids[n_ids - 1] != ids[i])
            ids[n_ids++] = ids[i];
    out->n_orgs = n_ids;
    out->orgs = exo__calloc(n_ids + 1, sizeof *out->orgs);
    int *order = exo__calloc(n_ids + 1, sizeof *order);
    out->n = n;
    out->from = exo__calloc(n + 1, sizeof *out->from);
    out->to = exo__calloc(n + 1, sizeof *out->to);
    out->day = exo__calloc(n + 1, sizeof *out->day);
    out->date = exo__calloc(n + 1, sizeof *out->date);
    out->level = exo__calloc(n + 1, sizeof *out->level);
    out->inferred = exo__calloc(n + 1, sizeof *out->inferred);
    out->person = exo__calloc(n + 1, sizeof *out->person);
    if (!out->orgs || !order || !out->from || !out->to || !out->day ||
        !out->date || !out->level || !out->inferred || !out->person) {
        exo__free(order);
        out->n = 0;
        code = exo__fail(err, EXO_ENOMEM, "out of memory");
        goto out;
    }
    /* Names by id, then the id order turned into name order. */
    if ((code = exo__q_prepare(store,
                               "SELECT id, name FROM org ORDER BY name_key, id",
                               &stmt, err))) {
        exo__free(order);
        goto out;
    }
    size_t pos = 0;
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        int64_t at = id_index(ids, n_ids, exo__q_int64(stmt, 0));
        if (at < 0)
            continue;
        out->orgs[pos] = exo__q_strdup(stmt, 1, &oom);
        order[at] = (int)pos++;
    }
    if (oom || rc != SQLITE_DONE || pos != n_ids) {
        exo__free(order);
        code = oom ? exo__fail(err, EXO_ENOMEM, "out of memory")
               : rc != SQLITE_DONE
                   ? exo__q_fail(err, stmt, rc, "reading names")
                   : exo__bug(err, "an organisation id has no name");
        goto out;
    }
    exo__q_finalize(stmt);
    stmt = NULL;
    for (size_t i = 0; i < n; i++) {
        out->from[i] = order[id_index(ids, n_ids, rows[i].from_id)];
        out->to[i] = order[id_index(ids, n_ids, rows[i].to_id)];
        out->day[i] = rows[i].date.days;
        out->date[i] = rows[i].date;
        out->level[i] = rows[i].level;
        out->inferred[i] = rows[i].inferred;
        out->person[i] = rows[i].person;
        rows[i].person = NULL;
    }

    /* Spells at those organisations, for their headcounts. */
    if ((code = exo__q_prepare(
             store,
             "SELECT org_id, start_date, end_date FROM spell WHERE "
             "start_date IS NOT NULL ORDER BY org_id, start_date, id",
             &stmt, err))) {
        exo__free(order);
        goto out;
    }
    size_t cap_org = 0, cap_start = 0, cap_end = 0, n_start = 0, n_end = 0;
    while ((rc = exo__q_step(stmt)) == SQLITE_ROW) {
        int64_t at = id_index(ids, n_ids, exo__q_int64(stmt, 0));
        if (at < 0)
            continue;
        double start = exo__q_int(stmt, 1);
        double end = exo__q_null(stmt, 2) ? (double)NAN : exo__q_int(stmt, 2);
        if (EXO_VEC_PUSH(out->spell_start, n_start, cap_start, start) ||
            EXO_VEC_PUSH(out->spell_end, n_end, cap_end, end) ||
            EXO_VEC_PUSH(out->spell_org, out->n_spells, cap_org, order[at])) {
            oom = 1;
            break;
        }
    }
    exo__free(order);
    if (oom || rc != SQLITE_DONE) {
        code = oom ? exo__fail(err, EXO_ENOMEM, "out of memory")
                   : exo__q_fail(err, stmt, rc, "reading spells");
        goto out;
    }
out:
    if (stmt)
        exo__q_finalize(stmt);
    for (size_t i = 0; i < n; i++)
        exo__free(rows[i].person);
    exo__free(rows);
    exo__free(ids);
    exo__buf_release(&sql);
    if (code)
        exo_flow_data_release(out);
    return code;
}
