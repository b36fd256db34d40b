/*
 * retention.c - the store's employment spells as survival arrays: the
 * Kaplan-Meier rows (tenure, departure, group, reason), the spells for the
 * cohort table and the Cox design (episodes with the contagion count,
 * strata). 'exodus survival ORG', the report's HR section and the
 * dashboard's /api/survival all read spells here, so a figure that two of
 * them show is one computation, not two copies that drift apart.
 */
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "core/exo.h"

struct terms {
    bool level, org, entry, contagion, team, strata_team, year;
    bool role, strata_role;
    double window;
};

static exo_code parse_terms(const char *f, struct terms *t, exo_err *err)
{
    memset(t, 0, sizeof *t);
    t->window = 90;
    while (f && *f) {
        const char *plus = strchr(f, '+');
        size_t len = plus ? (size_t)(plus - f) : strlen(f);
        char w[64];
        while (len && (*f == ' ' || *f == '\t')) {
            f++;
            len--;
        }
        while (len && (f[len - 1] == ' ' || f[len - 1] == '\t'))
            len--;
        if (len >= sizeof w)
            len = sizeof w - 1;
        memcpy(w, f, len);
        w[len] = '\0';
        bool is_contagion =
            strcmp(w, "contagion") == 0 || (strncmp(w, "contagion(", 10) == 0 &&
                                            len > 11 && w[len - 1] == ')');
        if (strcmp(w, "level") == 0) {
            t->level = true;
        } else if (strcmp(w, "team") == 0) {
            t->team = true;
        } else if (strcmp(w, "strata(team)") == 0) {
            t->strata_team = true;
        } else if (strcmp(w, "role") == 0) {
            t->role = true;
        } else if (strcmp(w, "strata(role)") == 0) {
            t->strata_role = true;
        } else if (strcmp(w, "org") == 0) {
            t->org = true;
        } else if (strcmp(w, "entry") == 0) {
            t->entry = true;
        } else if (strcmp(w, "year") == 0 || strcmp(w, "calendar") == 0) {
            t->year = true;
        } else if (is_contagion && t->contagion) {
            /* Two windows would need two counts per episode; fitting one
             * of them silently answered another question. */
            return exo__fail(err, EXO_EINVAL,
                             "one contagion term per model (fit "
                             "contagion(W) once for each window)");
        } else if (strcmp(w, "contagion") == 0) {
            t->contagion = true;
        } else if (is_contagion) {
            char *end;
            w[len - 1] = '\0';
            t->window = strtod(w + 10, &end);
            if (*end || !(t->window > 0))
                return exo__fail(err, EXO_EINVAL,
                                 "contagion window '%s' is not a positive "
                                 "number of days",
                                 w + 10);
            t->contagion = true;
        } else {
            return exo__fail(err, EXO_EINVAL,
                             "unknown term '%s' in --cox (expected level, "
                             "org, team, role, strata(team), strata(role), "
                             "entry, year or contagion(DAYS); the store "
                             "keeps no other column of a spell)",
                             w);
        }
        f = plus ? plus + 1 : NULL;
    }
    if (t->strata_team && t->strata_role)
        return exo__fail(err, EXO_EINVAL,
                         "one strata() term per model (strata(team) or "
                         "strata(role))");
    return EXO_OK;
}

/* A growable list of names; codes index it. */
struct names {
    char **v;
    size_t n;
};

/* Index of 'name', appending it when new; -1 on no memory. */
static int intern(struct names *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], name) == 0)
            return (int)i;
    char **grown = exo__reallocarray(l->v, l->n + 1, sizeof *grown);
    if (!grown)
        return -1;
    l->v = grown;
    grown[l->n] = exo__strdup(name);
    if (!grown[l->n])
        return -1;
    return (int)l->n++;
}

static void names_free(char **v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        exo__free(v[i]);
    exo__free(v);
}

static int name_cmp(const void *pa, const void *pb)
{
    return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* Sorts the names (byte order, as R orders factor levels) and renumbers
 * codes[0..n) to match. */
static exo_code sort_names(struct names *l, int *codes, size_t n, exo_err *err)
{
    if (l->n == 0)
        return EXO_OK;
    char **sorted = exo__malloc(l->n * sizeof *sorted);
    int *map = exo__malloc(l->n * sizeof *map);
    if (!sorted || !map) {
        exo__free(sorted);
        exo__free(map);
        return exo__fail(err, EXO_ENOMEM, "sorting %zu names", l->n);
    }
    memcpy(sorted, l->v, l->n * sizeof *sorted);
    exo__qsort(sorted, l->n, sizeof *sorted, name_cmp);
    for (size_t i = 0; i < l->n; i++)
        for (size_t s = 0; s < l->n; s++)
            if (sorted[s] == l->v[i])
                map[i] = (int)s;
    for (size_t i = 0; i < n; i++)
        if (codes[i] >= 0)
            codes[i] = map[codes[i]];
    memcpy(l->v, sorted, l->n * sizeof *sorted);
    exo__free(sorted);
    exo__free(map);
    return EXO_OK;
}

/* Whether a departure for reason 'why' (EXO_REASON_NONE: the data gives
 * only 'ended' as left or fired) is one of cause 'want' (NULL: all). */
static int cause_matches(const char *want, exo_reason why, exo_event ended)
{
    if (!want)
        return 1;
    if (strcmp(want, "voluntary") == 0)
        return why != EXO_REASON_NONE && exo_reason_voluntary(why);
    if (strcmp(want, "involuntary") == 0)
        return why != EXO_REASON_NONE ? !exo_reason_voluntary(why)
                                      : ended == EXO_EVENT_FIRED;
    return strcmp(want, why != EXO_REASON_NONE ? exo_reason_name(why)
                                               : exo_event_name(ended)) == 0;
}

static bool cause_known(const char *want, const struct names *l)
{
    if (strcmp(want, "voluntary") == 0 || strcmp(want, "involuntary") == 0)
        return true;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], want) == 0)
            return true;
    return false;
}

static void note(exo_retention_data *d, const char *fmt, ...) EXO_PRINTF(2, 3);
static void note(exo_retention_data *d, const char *fmt, ...)
{
    if (d->n_notes >= EXO_RETENTION_MAX_NOTES)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->notes[d->n_notes], sizeof d->notes[0], fmt, ap);
    va_end(ap);
    d->n_notes++;
}

/* "cohort=2014" or "cohort=2014Q3" for a spell that started on 'day'. */
static void cohort_label(char *buf, size_t size, double day,
                         exo_cohort_unit unit)
{
    int y, m, dd;
    exo_civil_from_days((int32_t)day, &y, &m, &dd);
    if (unit == EXO_COHORT_QUARTER)
        snprintf(buf, size, "cohort=%dQ%d", y, (m - 1) / 3 + 1);
    else
        snprintf(buf, size, "cohort=%d", y);
}

/* Appends 'part' (spell indices offset by 'r0') to 'ep'. */
static exo_code episodes_append(exo_episodes *ep, size_t *cap,
                                const exo_episodes *part, size_t r0,
                                exo_err *err)
{
    size_t need = ep->n + part->n;
    if (need > *cap) {
        size_t c = need;
        double *s1 = exo__reallocarray(ep->start, c, sizeof *s1);
        if (s1)
            ep->start = s1;
        double *s2 = exo__reallocarray(ep->stop, c, sizeof *s2);
        if (s2)
            ep->stop = s2;
        int *s3 = exo__reallocarray(ep->event, c, sizeof *s3);
        if (s3)
            ep->event = s3;
        double *s4 = exo__reallocarray(ep->contagion, c, sizeof *s4);
        if (s4)
            ep->contagion = s4;
        double *s5 = exo__reallocarray(ep->entry_tenure, c, sizeof *s5);
        if (s5)
            ep->entry_tenure = s5;
        size_t *s6 = exo__reallocarray(ep->spell, c, sizeof *s6);
        if (s6)
            ep->spell = s6;
        if (!s1 || !s2 || !s3 || !s4 || !s5 || !s6)
            return exo__fail(err, EXO_ENOMEM, "allocating %zu episodes", c);
        *cap = c;
    }
    for (size_t e = 0; e < part->n; e++) {
        size_t at = ep->n + e;
        ep->start[at] = part->start[e];
        ep->stop[at] = part->stop[e];
        ep->event[at] = part->event[e];
        ep->contagion[at] = part->contagion[e];
        ep->entry_tenure[at] = part->entry_tenure[e];
        ep->spell[at] = part->spell[e] + r0;
    }
    ep->n = need;
    ep->n_skipped += part->n_skipped;
    return EXO_OK;
}

/*
 * Calendar time as a covariate: each risk interval (a, b] (tenure days of
 * the spell begun on day s0) is split on every 1 January strictly inside
 * (s0 + a, s0 + b), and a piece's year is the calendar year of the day it
 * opens, so the year term steps with the calendar as contagion steps with
 * co-workers' departures. Only the last piece of an interval keeps its
 * event. '*year' is the caller's (exo__free).
 */
static exo_code split_years(exo_episodes *ep, const double *spell_start,
                            double **year, exo_err *err)
{
    size_t m = 0;
    for (size_t pass = 0; pass < 2; pass++) {
        exo_episodes out = {0};
        double *yr = NULL;
        if (pass == 1) {
            out.start = exo__calloc(m ? m : 1, sizeof *out.start);
            out.stop = exo__calloc(m ? m : 1, sizeof *out.stop);
            out.event = exo__calloc(m ? m : 1, sizeof *out.event);
            out.contagion = exo__calloc(m ? m : 1, sizeof *out.contagion);
            out.entry_tenure = exo__calloc(m ? m : 1, sizeof *out.entry_tenure);
            out.spell = exo__calloc(m ? m : 1, sizeof *out.spell);
            yr = exo__calloc(m ? m : 1, sizeof *yr);
            if (!out.start || !out.stop || !out.event || !out.contagion ||
                !out.entry_tenure || !out.spell || !yr) {
                exo_episodes_release(&out);
                exo__free(yr);
                return exo__fail(err, EXO_ENOMEM, "allocating %zu episodes", m);
            }
        }
        size_t k = 0;
        for (size_t e = 0; e < ep->n; e++) {
            double s0 = spell_start[ep->spell[e]];
            double lo = s0 + ep->start[e], hi = s0 + ep->stop[e];
            while (lo < hi) {
                int y, mo, d;
                exo_civil_from_days((int32_t)floor(lo), &y, &mo, &d);
                double next = exo_days_from_civil(y + 1, 1, 1);
                double to = next < hi ? next : hi;
                if (pass == 1) {
                    out.start[k] = lo - s0;
                    out.stop[k] = to - s0;
                    out.event[k] = to == hi ? ep->event[e] : 0;
                    out.contagion[k] = ep->contagion[e];
                    out.entry_tenure[k] = ep->entry_tenure[e];
                    out.spell[k] = ep->spell[e];
                    yr[k] = y;
                }
                k++;
                lo = to;
            }
        }
        if (pass == 0) {
            m = k;
            continue;
        }
        out.n = k;
        out.n_spells = ep->n_spells;
        out.n_skipped = ep->n_skipped;
        out.window_days = ep->window_days;
        out.censor_day = ep->censor_day;
        exo_episodes_release(ep);
        *ep = out;
        *year = yr;
    }
    return EXO_OK;
}

exo_code exo_retention_data_load(exo_store *store, const char *const *orgs,
                                 size_t n_orgs, const exo_retention_opts *opts,
                                 exo_retention_data *d, exo_err *err)
{
    exo_retention_opts none = {0};
    const exo_retention_opts *a = opts ? opts : &none;
    struct terms terms;
    exo_code rc;
    memset(d, 0, sizeof *d);
    d->contagion_term = -1;
    if ((rc = parse_terms(a->cox, &terms, err)))
        return rc;
    if (a->by && strcmp(a->by, "level") && strcmp(a->by, "org") &&
        strcmp(a->by, "team") && strcmp(a->by, "cohort"))
        return exo__fail(err, EXO_EINVAL,
                         "unknown --by '%s' (expected level, org, team or "
                         "cohort)",
                         a->by);
    exo_spells *sp = exo__calloc(n_orgs ? n_orgs : 1, sizeof *sp);
    int *team = NULL, *lev = NULL, *orgc = NULL, *cmatch = NULL, *rolec = NULL;
    double *year = NULL;
    struct names tn = {0}, ln = {0}, rn = {0}, gn = {0}, on = {0};
    exo_episodes ep = {0};
    d->orgs = exo__calloc(n_orgs ? n_orgs : 1, sizeof *d->orgs);
    if (!sp || !d->orgs)
        goto nomem;
    d->n_orgs = n_orgs;
    size_t m = 0;
    for (size_t o = 0; o < n_orgs; o++) {
        if (!(d->orgs[o] = exo__strdup(orgs[o])))
            goto nomem;
        if ((rc = exo_spells_load(store, orgs[o], &sp[o], err)))
            goto out;
        m += sp[o].n;
    }
    if (m == 0) {
        rc = exo__fail(err, EXO_ENOTFOUND,
                       "no employment spells for %s (import spells first)",
                       n_orgs == 1 ? orgs[0] : "these organisations");
        goto out;
    }
    d->n_spells = m;
    d->spell_start = exo__calloc(m, sizeof *d->spell_start);
    d->spell_end = exo__calloc(m, sizeof *d->spell_end);
    d->spell_censor = exo__calloc(m, sizeof *d->spell_censor);
    d->stop = exo__calloc(m, sizeof *d->stop);
    d->event = exo__calloc(m, sizeof *d->event);
    d->group = exo__calloc(m, sizeof *d->group);
    d->cause = exo__calloc(m, sizeof *d->cause);
    team = exo__calloc(m, sizeof *team);
    lev = exo__calloc(m, sizeof *lev);
    orgc = exo__calloc(m, sizeof *orgc);
    cmatch = exo__calloc(m, sizeof *cmatch);
    rolec = exo__calloc(m, sizeof *rolec);
    if (!rolec || !d->spell_start || !d->spell_end || !d->spell_censor ||
        !d->stop || !d->event || !d->group || !d->cause || !team || !lev ||
        !orgc || !cmatch)
        goto nomem;
    double *start = d->spell_start, *end = d->spell_end;
    int *event = d->event, *cause = d->cause;
    double censor = -EXO_INF, first_dep = EXO_INF, first_start = EXO_INF;
    size_t r = 0;
    for (size_t o = 0; o < n_orgs; o++)
        for (size_t i = 0; i < sp[o].n; i++, r++) {
            const exo_spells *s = &sp[o];
            start[r] = s->start[i];
            end[r] = s->end[i];
            event[r] =
                !isnan(s->end[i]) && (s->end_reason[i] == EXO_EVENT_LEFT ||
                                      s->end_reason[i] == EXO_EVENT_FIRED);
            censor = fmax(censor, s->start[i]);
            first_start = fmin(first_start, s->start[i]);
            if (!isnan(s->end[i]))
                censor = fmax(censor, s->end[i]);
            if (event[r])
                first_dep = fmin(first_dep, s->end[i]);
            orgc[r] = (int)o;
            /* The cause of a departure: its detailed reason, else left or
             * fired as the data says. */
            cause[r] = -1;
            if (event[r]) {
                exo_reason why = s->reason ? s->reason[i] : EXO_REASON_NONE;
                cause[r] = intern(&rn, why != EXO_REASON_NONE
                                           ? exo_reason_name(why)
                                           : exo_event_name(s->end_reason[i]));
                if (cause[r] < 0)
                    goto nomem;
                cmatch[r] = cause_matches(a->cause, why, s->end_reason[i]);
                d->n_departures++;
                d->n_cause_events += (size_t)cmatch[r];
            }
            const char *lname = exo_level_name(s->level[i]);
            lev[r] = intern(&ln, lname[0] ? lname : "(none)");
            /* teams are per organisation */
            team[r] = -1;
            if (s->team && s->team[i]) {
                char key[512];
                snprintf(key, sizeof key, "%s/%s", orgs[o], s->team[i]);
                team[r] = intern(&tn, n_orgs > 1 ? key : s->team[i]);
                if (team[r] < 0)
                    goto nomem;
            }
            rolec[r] = -1;
            if (s->role && s->role[i]) {
                char key[512];
                snprintf(key, sizeof key, "%s/%s", orgs[o], s->role[i]);
                rolec[r] = intern(&on, n_orgs > 1 ? key : s->role[i]);
                if (rolec[r] < 0)
                    goto nomem;
            }
            if (lev[r] < 0)
                goto nomem;
        }
    if ((rc = sort_names(&ln, lev, m, err)) ||
        (rc = sort_names(&tn, team, m, err)) ||
        (rc = sort_names(&rn, cause, m, err)) ||
        (rc = sort_names(&on, rolec, m, err)))
        goto out;
    if (a->cause && !cause_known(a->cause, &rn)) {
        char seen[160] = "";
        for (size_t q = 0, used = 0; q < rn.n && used < sizeof seen; q++)
            used += (size_t)snprintf(seen + used, sizeof seen - used, "%s%s",
                                     q ? ", " : "", rn.v[q]);
        rc = exo__fail(err, EXO_EINVAL,
                       "no departures for --cause '%s' (these spells have: "
                       "%s; or voluntary, involuntary)",
                       a->cause, rn.n ? seen : "none");
        goto out;
    }
    /* An export's date (import --as-of) is when its open spells were last
     * seen open: they are censored there, not at the last event. */
    for (size_t o = 0; o < n_orgs; o++)
        if (sp[o].has_as_of) {
            d->as_of = true;
            censor = fmax(censor, sp[o].as_of);
        }
    d->censor = censor;
    for (size_t i = 0; i < m; i++) {
        const exo_spells *s = &sp[orgc[i]];
        d->spell_censor[i] = s->has_as_of ? s->as_of : censor;
        d->stop[i] = (isnan(end[i]) ? d->spell_censor[i] : end[i]) - start[i];
    }
    d->has_since = a->has_since;
    d->since = a->since;
    if (!a->has_since && a->since_first_departure && isfinite(first_dep) &&
        first_start < first_dep) {
        /* From the end of the day before, so that the first departure is
         * observed: a spell is at risk after 'since' (R's Surv(entry,
         * exit) with entry = since - hire), and one that ends on 'since'
         * itself would be left out. */
        d->has_since = true;
        d->since = (int32_t)first_dep - 1;
        d->since_from_data = true;
    }
    /* groups */
    if (a->by) {
        for (size_t i = 0; i < m; i++) {
            char label[600];
            if (strcmp(a->by, "level") == 0)
                snprintf(label, sizeof label, "level=%s", ln.v[lev[i]]);
            else if (strcmp(a->by, "org") == 0)
                snprintf(label, sizeof label, "org=%s", orgs[orgc[i]]);
            else if (strcmp(a->by, "cohort") == 0)
                cohort_label(label, sizeof label, start[i], a->cohort_unit);
            else
                snprintf(label, sizeof label, "team=%s",
                         team[i] >= 0 ? tn.v[team[i]] : "(none)");
            if ((d->group[i] = intern(&gn, label)) < 0)
                goto nomem;
        }
        if ((rc = sort_names(&gn, d->group, m, err)))
            goto out;
    }
    /* Cox design: episodes with the contagion count when asked */
    if (a->cox) {
        size_t ref_level = 0, ref_team = 0;
        if (terms.level && a->ref) {
            const char *want =
                strncmp(a->ref, "level=", 6) == 0 ? a->ref + 6 : a->ref;
            for (ref_level = 0; ref_level < ln.n; ref_level++)
                if (strcmp(ln.v[ref_level], want) == 0)
                    break;
            if (ref_level == ln.n) {
                rc = exo__fail(err, EXO_EINVAL,
                               "no level '%s' among these spells for --ref",
                               want);
                goto out;
            }
        }
        exo_contagion_opts copts = {.window_days = terms.window,
                                    .has_censor_day = true,
                                    .censor_day = censor,
                                    .has_obs_start = d->has_since,
                                    .obs_start = d->since};
        /* contagion is within each organisation: team indices are
         * distinct across organisations; spells without a team count the
         * whole organisation, so build per organisation and join */
        size_t cap = 0;
        for (size_t o = 0, r0 = 0; o < n_orgs; r0 += sp[o].n, o++) {
            exo_episodes part = {0};
            copts.censor_day = sp[o].has_as_of ? sp[o].as_of : censor;
            if ((rc = exo_episodes_compute(sp[o].n, start + r0, end + r0,
                                           event + r0, team + r0, &copts, &part,
                                           err)))
                goto out;
            rc = episodes_append(&ep, &cap, &part, r0, err);
            exo_episodes_release(&part);
            if (rc)
                goto out;
        }
        /* Co-workers' departures of every cause feed the contagion count;
         * only the asked cause ends a risk interval as an event. */
        for (size_t e = 0; a->cause && e < ep.n; e++)
            ep.event[e] = ep.event[e] && cmatch[ep.spell[e]];
        if (terms.year && (rc = split_years(&ep, start, &year, err)))
            goto out;
        size_t cn = ep.n;
        if ((terms.team || terms.strata_team) && tn.n == 0) {
            rc = exo__fail(err, EXO_EINVAL,
                           "--cox team: these spells have no team (import "
                           "one with --map team=COLUMN)");
            goto out;
        }
        if ((terms.role || terms.strata_role) && on.n == 0) {
            rc = exo__fail(err, EXO_EINVAL,
                           "--cox role: these spells have no role (import "
                           "one with --map role=COLUMN)");
            goto out;
        }
        size_t ref_role = 0;
        if (terms.role && a->ref && strncmp(a->ref, "role=", 5) == 0) {
            for (ref_role = 0; ref_role < on.n; ref_role++)
                if (strcmp(on.v[ref_role], a->ref + 5) == 0)
                    break;
            if (ref_role == on.n) {
                rc = exo__fail(err, EXO_EINVAL,
                               "no role '%s' among these spells for --ref",
                               a->ref + 5);
                goto out;
            }
        }
        if (terms.team && a->ref && strncmp(a->ref, "team=", 5) == 0) {
            for (ref_team = 0; ref_team < tn.n; ref_team++)
                if (strcmp(tn.v[ref_team], a->ref + 5) == 0)
                    break;
            if (ref_team == tn.n) {
                rc = exo__fail(err, EXO_EINVAL,
                               "no team '%s' among these spells for --ref",
                               a->ref + 5);
                goto out;
            }
        }
        size_t n_team_cols = terms.team ? tn.n - 1 : 0;
        size_t n_role_cols = terms.role ? on.n - 1 : 0;
        size_t n_level_cols = terms.level ? ln.n - 1 : 0;
        /* A term asked for is fitted or the caller says why not. */
        if (terms.level && ln.n == 1) {
            if (strcmp(ln.v[0], "(none)") == 0)
                note(d, "no spell records a level: the term level is left "
                        "out");
            else
                note(d,
                     "every spell has level '%s': the term level is left "
                     "out",
                     ln.v[0]);
        }
        if (terms.role && on.n == 1)
            note(d,
                 "every spell with a role is '%.80s': the term role is "
                 "left out",
                 on.v[0]);
        if (terms.team && tn.n == 1)
            note(d,
                 "every spell with a team is in '%.80s': the term team is "
                 "left out",
                 tn.v[0]);
        size_t n_org_cols = terms.org ? n_orgs - 1 : 0;
        size_t p = n_level_cols + n_org_cols + n_team_cols + n_role_cols +
                   (terms.entry ? 1 : 0) + (terms.year ? 1 : 0) +
                   (terms.contagion ? 1 : 0);
        if (p == 0) {
            rc = exo__fail(err, EXO_EINVAL,
                           "--cox needs a term that varies (one level, team "
                           "or organisation?)");
            goto out;
        }
        d->x = exo__calloc(p * (cn ? cn : 1), sizeof *d->x);
        d->terms = exo__calloc(p, sizeof *d->terms);
        if (d->terms)
            d->p = p;
        if (!d->x || !d->terms)
            goto nomem;
        double *x = d->x;
        size_t k = 0;
        for (size_t l = 0; terms.level && l < ln.n; l++) {
            if (l == ref_level)
                continue;
            char nm[128];
            snprintf(nm, sizeof nm, "level%s", ln.v[l]);
            d->terms[k] = exo__strdup(nm);
            for (size_t e = 0; e < cn; e++)
                x[k * cn + e] = lev[ep.spell[e]] == (int)l;
            k++;
        }
        for (size_t o = 1; terms.org && o < n_orgs; o++) {
            char nm[300];
            snprintf(nm, sizeof nm, "org%s", orgs[o]);
            d->terms[k] = exo__strdup(nm);
            for (size_t e = 0; e < cn; e++)
                x[k * cn + e] = orgc[ep.spell[e]] == (int)o;
            k++;
        }
        for (size_t tm = 0; terms.team && tm < tn.n; tm++) {
            if (tm == ref_team)
                continue;
            char nm[600];
            snprintf(nm, sizeof nm, "team%s", tn.v[tm]);
            d->terms[k] = exo__strdup(nm);
            for (size_t e = 0; e < cn; e++)
                x[k * cn + e] = team[ep.spell[e]] == (int)tm;
            k++;
        }
        for (size_t rl = 0; terms.role && rl < on.n; rl++) {
            if (rl == ref_role)
                continue;
            char nm[600];
            snprintf(nm, sizeof nm, "role%s", on.v[rl]);
            d->terms[k] = exo__strdup(nm);
            for (size_t e = 0; e < cn; e++)
                x[k * cn + e] = rolec[ep.spell[e]] == (int)rl;
            k++;
        }
        if (terms.strata_team || terms.strata_role) {
            /* spells without one form one stratum of their own */
            const int *code = terms.strata_team ? team : rolec;
            snprintf(d->strata_by, sizeof d->strata_by, "%s",
                     terms.strata_team ? "team" : "role");
            int no_code = (int)(terms.strata_team ? tn.n : on.n);
            d->strata = exo__calloc(cn ? cn : 1, sizeof *d->strata);
            if (!d->strata)
                goto nomem;
            for (size_t e = 0; e < cn; e++) {
                int c = code[ep.spell[e]];
                d->strata[e] = c >= 0 ? c : no_code;
            }
        }
        if (terms.entry) {
            d->terms[k] = exo__strdup("entry_tenure");
            for (size_t e = 0; e < cn; e++)
                x[k * cn + e] = ep.entry_tenure[e];
            k++;
        }
        if (terms.year) {
            d->terms[k] = exo__strdup("year");
            for (size_t e = 0; e < cn; e++)
                x[k * cn + e] = year[e];
            k++;
        }
        if (terms.contagion) {
            char nm[64];
            snprintf(nm, sizeof nm, "contagion(%g)", terms.window);
            d->terms[k] = exo__strdup(nm);
            d->contagion_term = (long)k;
            for (size_t e = 0; e < cn; e++)
                x[k * cn + e] = ep.contagion[e];
            k++;
        }
        for (size_t q = 0; q < p; q++)
            if (!d->terms[q])
                goto nomem;
        d->window_days = terms.window;
        d->n_skipped = ep.n_skipped;
        d->cox_n = cn;
        d->cox_start = ep.start;
        d->cox_stop = ep.stop;
        d->cox_event = ep.event;
        ep.start = ep.stop = NULL;
        ep.event = NULL;
    }
    /* Kaplan-Meier on tenure. Observed from 'since', a spell begun earlier
     * enters the risk set at its tenure that day (delayed entry) and one
     * that ended earlier was never observed: without this, people who
     * left before the records begin are missing and tenure looks longer
     * than it is. The rows are compacted in place. */
    for (size_t i = 0; a->cause && i < m; i++)
        event[i] = event[i] && cmatch[i];
    d->n = m;
    if (d->has_since) {
        d->entry = exo__calloc(m, sizeof *d->entry);
        if (!d->entry)
            goto nomem;
        size_t kept = 0;
        for (size_t i = 0; i < m; i++) {
            double entry = fmax(0.0, d->since - start[i]);
            if (d->stop[i] <= entry)
                continue;
            d->entry[kept] = entry;
            d->stop[kept] = d->stop[i];
            d->event[kept] = d->event[i];
            d->group[kept] = d->group[i];
            d->cause[kept] = d->cause[i];
            d->n_late += entry > 0;
            kept++;
        }
        d->n_left_out = m - kept;
        d->n = kept;
    }
    if (!a->by) {
        exo__free(d->group);
        d->group = NULL;
    }
    d->group_names = gn.v;
    d->n_groups = gn.n;
    gn.v = NULL;
    gn.n = 0;
    d->cause_names = rn.v;
    d->n_causes = rn.n;
    rn.v = NULL;
    rn.n = 0;
    rc = EXO_OK;
    goto out;
nomem:
    rc = exo__fail(err, EXO_ENOMEM, "reading the spells for survival");
out:
    for (size_t o = 0; sp && o < n_orgs; o++)
        exo_spells_release(&sp[o]);
    exo__free(sp);
    exo__free(team);
    exo__free(lev);
    exo__free(orgc);
    exo__free(cmatch);
    exo__free(rolec);
    exo__free(year);
    names_free(tn.v, tn.n);
    names_free(ln.v, ln.n);
    names_free(rn.v, rn.n);
    names_free(gn.v, gn.n);
    names_free(on.v, on.n);
    exo_episodes_release(&ep);
    if (rc)
        exo_retention_data_release(d);
    return rc;
}

void exo_retention_data_release(exo_retention_data *d)
{
    if (!d)
        return;
    names_free(d->orgs, d->n_orgs);
    exo__free(d->spell_start);
    exo__free(d->spell_end);
    exo__free(d->spell_censor);
    exo__free(d->entry);
    exo__free(d->stop);
    exo__free(d->event);
    exo__free(d->group);
    exo__free(d->cause);
    names_free(d->group_names, d->n_groups);
    names_free(d->cause_names, d->n_causes);
    exo__free(d->cox_start);
    exo__free(d->cox_stop);
    exo__free(d->x);
    exo__free(d->cox_event);
    exo__free(d->strata);
    names_free(d->terms, d->p);
    memset(d, 0, sizeof *d);
}
