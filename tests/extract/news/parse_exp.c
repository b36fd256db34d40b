/*
 * parse_exp.c - issue 17's fifth round (ex17p): does a syntactic parser
 * (link-grammar 5.12, Debian's liblink-grammar-dev and its English
 * dictionary) add the moves the rules and the learned reader cannot
 * reach? An experiment, not the extractor: it reads each development set
 * (tests/extract/news/devN.txt, never a sealed set), runs the extractor as
 * `exodus extract` does, then parses the gated sentences and adds a move
 *   (a) for a person the rules already gave a move, when a trigger verb
 *       of which the person is the subject (through "who", "after
 *       leaving", a passive, a coordinated verb) gives another kind of
 *       move: the history told in a clause;
 *   (b) for a named person the rules gave no move, when the person is the
 *       subject (or, for "hired"/"ousted", the object) of a trigger verb.
 * Both are scored as score.py scores (person and event; left and joined
 * match when the gold row names where the person went), before and after,
 * per set and per event, with the time the parses take.
 *
 * usage: parse-extract DIR SET... [-v]     (make parse-extract)
 * Environment: PARSE_MAX_WORDS (default 40) caps the words of a parsed
 * sentence, PARSE_SECONDS (default 1) is link-grammar's time limit per
 * sentence; PARSE_ONLY=a|b keeps one of the two kinds of proposals;
 * PARSE_NULLS (default 3) is the most words a parse may leave unlinked;
 * PARSE_GATE=clause parses only sentences with "who", "after", "before",
 * "since", "having" or "upon" besides a trigger; PARSE_A=clause keeps a
 * second move (a) only when its subject was reached through such a
 * clause (not "left A to found B", one move in the gold).
 */
#include <ctype.h>
#include <link-grammar/link-includes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../../../bench/adversarial_text.h"
#include "core/utf8.h"
#include "ingest/extract.h"
#include "ingest/lexicon.h"

#define NEWS_TOOL "parse-extract"
#include "news_sets.h"

#define K 6
#define MAX_NAMES 32
#define MAX_PEOPLE 256

struct tally {
    double pred, pred_hit, gold, gold_hit;
};

/* A proposal: a person's key and an event. */
struct move {
    char *key;
    int event;
    bool clause; /* the subject was reached through "who" or an opener */
};

static Dictionary dict;
static Parse_Options popts;
static int max_words = 40;
static int only;         /* 0: both, 'a' or 'b' */
static bool clause_gate; /* PARSE_GATE=clause: only with who/after/... */
static bool a_clause;    /* PARSE_A=clause: (a) only from such clauses */
static bool via_clause;  /* set by subjects() */
static bool verbose;
static double parse_seconds; /* wall time spent in link-grammar */
static double parse_cpu;     /* and CPU time: the figure on a loaded core */
static size_t n_parsed, n_gated, n_sentences, n_capped, n_timeout;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double cpu_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- the people of a passage ---- */

struct people {
    char *key[MAX_PEOPLE];  /* full names, as exo__name_key gives them */
    char *last[MAX_PEOPLE]; /* the last word of each, lower-case */
    size_t n;
};

static char *last_word(const char *key)
{
    const char *sp = strrchr(key, ' ');
    return strdup(sp ? sp + 1 : key);
}

static void add_person(struct people *pp, const char *name)
{
    char *key = exo__name_key(name);
    if (!key)
        die("out of memory");
    for (size_t i = 0; i < pp->n; i++)
        if (strcmp(pp->key[i], key) == 0) {
            free(key);
            return;
        }
    if (pp->n == MAX_PEOPLE || !strchr(key, ' ')) {
        free(key);
        return;
    }
    pp->key[pp->n] = key;
    pp->last[pp->n] = last_word(key);
    pp->n++;
}

/* The person a parsed name (one or more words, keyed) refers to: a full
 * name seen in the passage, or the one whose last word it is. */
static const char *resolve(const struct people *pp, const char *key)
{
    for (size_t i = 0; i < pp->n; i++)
        if (strcmp(pp->key[i], key) == 0)
            return pp->key[i];
    const char *sp = strrchr(key, ' ');
    const char *last = sp ? sp + 1 : key;
    const char *found = NULL;
    for (size_t i = 0; i < pp->n; i++)
        if (strcmp(pp->last[i], last) == 0) {
            if (found && strcmp(found, pp->key[i]))
                return NULL; /* two people share it: no guess */
            found = pp->key[i];
        }
    return found;
}

/* ---- the parse ---- */

struct parse {
    Linkage lk;
    int n_words, n_links;
    char (*word)[64]; /* each word without link-grammar's suffixes */
};

static void word_at(struct parse *ps, int i, char *out, size_t cap)
{
    const char *w = linkage_get_word(ps->lk, (WordIdx)i);
    size_t j = 0;
    /* "left.v-d", "Google[!<CAPITALIZED-WORDS>]", "Smith.m", "2015[!...]" */
    for (; w && w[j] && j + 1 < cap; j++) {
        if ((w[j] == '.' && j > 0 && w[j + 1] &&
             isalpha((unsigned char)w[j + 1])) ||
            w[j] == '[')
            break;
        out[j] = w[j];
    }
    out[j] = 0;
}

static const char *label(const struct parse *ps, int l)
{
    return linkage_get_link_label(ps->lk, l);
}

static int lw(const struct parse *ps, int l)
{
    return (int)linkage_get_link_lword(ps->lk, l);
}

static int rw(const struct parse *ps, int l)
{
    return (int)linkage_get_link_rword(ps->lk, l);
}

static bool lab_is(const char *lab, const char *pre)
{
    return strncmp(lab, pre, strlen(pre)) == 0;
}

/* The name ending at word 'w': the words joined to it by G links (first
 * names, initials), keyed; "" when 'w' is not capitalised. */
static void name_at(const struct parse *ps, int w, char *out, size_t cap)
{
    out[0] = 0;
    if (!isupper((unsigned char)ps->word[w][0]))
        return;
    int first = w;
    for (bool more = true; more;) {
        more = false;
        for (int l = 0; l < ps->n_links; l++)
            if (rw(ps, l) == first && lab_is(label(ps, l), "G") &&
                lw(ps, l) < first) {
                first = lw(ps, l);
                more = true;
            }
    }
    size_t n = 0;
    for (int i = first; i <= w && n + 2 < cap; i++) {
        int k = snprintf(out + n, cap - n, "%s%s", n ? " " : "", ps->word[i]);
        if (k < 0 || (size_t)k >= cap - n)
            break;
        n += (size_t)k;
    }
}

static bool is_opener(const char *w)
{
    static const char *const op[] = {"after", "before", "since", "having",
                                     "upon"};
    for (size_t i = 0; i < sizeof op / sizeof *op; i++)
        if (strcasecmp(w, op[i]) == 0)
            return true;
    return false;
}

static bool is_verb(const struct parse *ps, int w)
{
    const char *raw = linkage_get_word(ps->lk, (WordIdx)w);
    return raw && (strstr(raw, ".v") || strstr(raw, ".g"));
}

/* An apposition the parser took for the subject ("X, 26, who ...",
 * "X, a former partner, left"): the name before the comma stands for it. */
static int antecedent(const struct parse *ps, int s)
{
    if (isupper((unsigned char)ps->word[s][0]) || s < 3)
        return s;
    for (int i = s - 1; i > 0 && i >= s - 6; i--)
        if (strcmp(ps->word[i], ",") == 0 &&
            isupper((unsigned char)ps->word[i - 1][0]))
            return i - 1;
    return s;
}

/* The words that act as the subject of verb 'v' (at most 'max'): through
 * an S link (and "who" to its antecedent by MX/R, "and" to each conjunct
 * by SJ), through the auxiliary that carries it (Pv, Pg, PP, I, TO), the
 * first verb of a coordination (VJ), or, for a participle clause opened
 * by "after"/"before"/"since"/"having"/"upon", the main clause's subject
 * (the CO link of the clause's opener). */
static int subjects(const struct parse *ps, int v, int *out, int max, int depth)
{
    int n = 0;
    if (depth > 6)
        return 0;
    for (int l = 0; l < ps->n_links && n < max; l++) {
        const char *lab = label(ps, l);
        if (rw(ps, l) == v && lab[0] == 'S' && lab[1] != 'J' && lw(ps, l) < v) {
            int s = lw(ps, l);
            const char *w = ps->word[s];
            if (strcmp(w, "who") == 0) {
                for (int m = 0; m < ps->n_links && n < max; m++)
                    if (rw(ps, m) == s && (lab_is(label(ps, m), "MX") ||
                                           lab_is(label(ps, m), "R"))) {
                        out[n++] = antecedent(ps, lw(ps, m));
                        via_clause = true;
                    }
                /* "Smith, who ..." can be linked Smith -R-> who too */
            } else if (strcmp(w, "and") == 0 || strcmp(w, "or") == 0) {
                for (int m = 0; m < ps->n_links && n < max; m++)
                    if (lab_is(label(ps, m), "SJ") &&
                        (lw(ps, m) == s || rw(ps, m) == s))
                        out[n++] = lw(ps, m) == s ? rw(ps, m) : lw(ps, m);
            } else {
                out[n++] = antecedent(ps, s);
            }
        }
    }
    if (n)
        return n;
    for (int l = 0; l < ps->n_links && !n; l++) {
        const char *lab = label(ps, l);
        if (rw(ps, l) != v)
            continue;
        if (lab_is(lab, "Pv") || lab_is(lab, "Pg") || lab_is(lab, "PP") ||
            lab_is(lab, "I") || lab_is(lab, "TO") || lab_is(lab, "MVi"))
            n = subjects(ps, lw(ps, l), out, max, depth + 1);
        else if (lab[0] == 'J' && is_opener(ps->word[lw(ps, l)])) {
            /* "... at A before leaving in 2017": the opener hangs from
             * the main verb (MV), whose subject left */
            int o = lw(ps, l);
            for (int m = 0; m < ps->n_links && !n; m++)
                if (rw(ps, m) == o && lab_is(label(ps, m), "MV") &&
                    is_verb(ps, lw(ps, m)))
                    n = subjects(ps, lw(ps, m), out, max, depth + 1);
            for (int m = 0; m < ps->n_links && n < max; m++)
                if (lw(ps, m) == o && lab_is(label(ps, m), "CO"))
                    out[n++] = rw(ps, m);
            via_clause |= n > 0;
        } else if (lab_is(lab, "VJr")) {
            int c = lw(ps, l);
            for (int m = 0; m < ps->n_links && !n; m++)
                if (rw(ps, m) == c && lab_is(label(ps, m), "VJl"))
                    n = subjects(ps, lw(ps, m), out, max, depth + 1);
        } else if (lab_is(lab, "Mg") || lab_is(lab, "Mv") ||
                   lab_is(lab, "MVg") || lab_is(lab, "Jg") ||
                   lab_is(lab, "CO")) {
            /* "after leaving A": the opener's CO link names the main
             * clause's subject */
            int o = lw(ps, l);
            if (!is_opener(ps->word[o]))
                continue;
            for (int m = 0; m < ps->n_links && n < max; m++)
                if (lw(ps, m) == o && lab_is(label(ps, m), "CO"))
                    out[n++] = rw(ps, m);
            via_clause |= n > 0;
        }
    }
    return n;
}

/* The objects of verb 'v' (O links), expanded over "and" (link-grammar
 * joins coordinated objects, as subjects, by SJ links). */
static int objects(const struct parse *ps, int v, int *out, int max)
{
    int n = 0;
    for (int l = 0; l < ps->n_links && n < max; l++)
        if (lw(ps, l) == v && label(ps, l)[0] == 'O' && rw(ps, l) > v) {
            int o = rw(ps, l);
            if (strcmp(ps->word[o], "and") == 0) {
                for (int m = 0; m < ps->n_links && n < max; m++)
                    if (lab_is(label(ps, m), "SJ") &&
                        (lw(ps, m) == o || rw(ps, m) == o))
                        out[n++] = lw(ps, m) == o ? rw(ps, m) : lw(ps, m);
            } else {
                out[n++] = o;
            }
        }
    return n;
}

static bool has_link(const struct parse *ps, int w, const char *pre,
                     bool as_left)
{
    for (int l = 0; l < ps->n_links; l++)
        if ((as_left ? lw(ps, l) : rw(ps, l)) == w && lab_is(label(ps, l), pre))
            return true;
    return false;
}

/* Words that keep a sentence out: the extractor's hard negatives
 * (denials, hypotheticals, questions), as whole lower-case tokens. */
static bool negative(char **toks, size_t n, const char *s, size_t len)
{
    static const char *const neg[] = {
        "not",     "never",   "could",   "might",       "would",   "may",
        "if",      "denied",  "refuted", "considering", "talks",   "rumors",
        "rumours", "whether", "false",   "plans",       "expected"};
    if (memchr(s, '?', len))
        return true;
    for (size_t i = 0; i < n; i++) {
        size_t m = strlen(toks[i]);
        if (m >= 2 && strcmp(toks[i] + m - 2, "nt") == 0 &&
            (strcmp(toks[i], "didnt") == 0 || strcmp(toks[i], "doesnt") == 0 ||
             strcmp(toks[i], "isnt") == 0 || strcmp(toks[i], "wasnt") == 0 ||
             strcmp(toks[i], "hasnt") == 0 || strcmp(toks[i], "wont") == 0))
            return true;
        for (size_t k = 0; k < sizeof neg / sizeof *neg; k++)
            if (strcmp(toks[i], neg[k]) == 0)
                return true;
    }
    return false;
}

/* Lower-case ASCII tokens of 's' (letters, digits, hyphens; apostrophes
 * dropped so "n't" reads as part of its word). */
static size_t tokens(const char *s, size_t len, char **toks, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n < max;) {
        if (!isalnum((unsigned char)s[i])) {
            i++;
            continue;
        }
        char buf[64];
        size_t k = 0;
        while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '-' ||
                           s[i] == '\'' || (unsigned char)s[i] >= 0x80)) {
            if (s[i] != '\'' && k + 1 < sizeof buf)
                buf[k++] = (char)tolower((unsigned char)s[i]);
            i++;
        }
        buf[k] = 0;
        toks[n++] = strdup(buf);
    }
    return n;
}

static bool is_pronoun(const char *w)
{
    return strcmp(w, "he") == 0 || strcmp(w, "she") == 0 ||
           strcmp(w, "He") == 0 || strcmp(w, "She") == 0;
}

static void propose(struct move **mv, size_t *n, const char *key, int ev,
                    bool clause)
{
    for (size_t i = 0; i < *n; i++)
        if ((*mv)[i].event == ev && strcmp((*mv)[i].key, key) == 0) {
            (*mv)[i].clause |= clause;
            return;
        }
    *mv = xrealloc(*mv, (*n + 1) * sizeof **mv);
    (*mv)[*n] = (struct move){strdup(key), ev, clause};
    (*n)++;
}

/* Parses sentence [s, s+len) and adds its proposals to 'mv'. 'pronoun'
 * is the person "he"/"she" stand for (the last named in the paragraph). */
static void read_sentence(const char *s, size_t len, const struct people *pp,
                          const char *pronoun, struct move **mv, size_t *n_mv)
{
    char *toks[256];
    size_t nt = tokens(s, len, toks, 256);
    bool gate = false;
    for (size_t i = 0; i < nt && !gate; i++) {
        size_t used;
        const struct exo__trigger *t =
            exo__lex_trigger((const char *const *)toks + i, nt - i, &used);
        gate = t && !(t->flags & EXO__TRIG_NOUN);
    }
    n_sentences++;
    if (gate && clause_gate) {
        bool clause = false;
        for (size_t i = 0; i < nt && !clause; i++)
            clause = is_opener(toks[i]) || strcmp(toks[i], "who") == 0;
        gate = clause;
    }
    if (gate && negative(toks, nt, s, len))
        gate = false;
    if (gate && nt > (size_t)max_words) {
        n_capped++;
        gate = false;
    }
    for (size_t i = 0; i < nt; i++)
        free(toks[i]);
    if (!gate)
        return;
    n_gated++;
    char *copy = strndup(s, len);
    for (char *c = copy; *c; c++)
        if (*c == '\n')
            *c = ' ';
    double t0 = now(), c0 = cpu_now();
    Sentence sent = sentence_create(copy, dict);
    int nl = sent ? sentence_parse(sent, popts) : 0;
    if (sent && parse_options_timer_expired(popts))
        n_timeout++;
    struct parse ps = {0};
    if (nl > 0 && (ps.lk = linkage_create(0, sent, popts))) {
        n_parsed++;
        ps.n_words = (int)linkage_get_num_words(ps.lk);
        ps.n_links = (int)linkage_get_num_links(ps.lk);
        ps.word = xrealloc(NULL, (size_t)ps.n_words * sizeof *ps.word);
        for (int i = 0; i < ps.n_words; i++)
            word_at(&ps, i, ps.word[i], sizeof ps.word[i]);
        for (int v = 1; v < ps.n_words; v++) {
            if (!is_verb(&ps, v))
                continue;
            char a[64], b[64];
            size_t k;
            for (k = 0; ps.word[v][k] && k + 1 < sizeof a; k++)
                a[k] = (char)tolower((unsigned char)ps.word[v][k]);
            a[k] = 0;
            b[0] = 0;
            if (v + 1 < ps.n_words) {
                for (k = 0; ps.word[v + 1][k] && k + 1 < sizeof b; k++)
                    b[k] = (char)tolower((unsigned char)ps.word[v + 1][k]);
                b[k] = 0;
            }
            const char *pair[2] = {a, b};
            size_t used;
            const struct exo__trigger *t =
                exo__lex_trigger(pair, b[0] ? 2 : 1, &used);
            if (!t ||
                (t->flags &
                 (EXO__TRIG_NOUN | EXO__TRIG_BECAME | EXO__TRIG_AS)) ||
                t->event >= K)
                continue;
            bool passive = has_link(&ps, v, "Pv", false);
            bool has_obj = has_link(&ps, v, "O", true);
            if ((t->flags & (EXO__TRIG_NEEDS_ORG | EXO__TRIG_FOUND)) &&
                !has_obj && !has_link(&ps, v, "MV", true))
                continue;
            int who[8];
            int nw;
            via_clause = false;
            if ((t->flags &
                 (EXO__TRIG_HIRE | EXO__TRIG_OBJ_FIRE | EXO__TRIG_LOSE)) &&
                !passive)
                nw = objects(&ps, v, who, 8);
            else
                nw = subjects(&ps, v, who, 8, 0);
            for (int i = 0; i < nw; i++) {
                char name[256];
                const char *key = NULL;
                char *k2 = NULL;
                if (is_pronoun(ps.word[who[i]])) {
                    key = pronoun;
                } else {
                    name_at(&ps, who[i], name, sizeof name);
                    if (!name[0])
                        continue;
                    k2 = exo__name_key(name);
                    key = k2 ? resolve(pp, k2) : NULL;
                }
                if (key) {
                    propose(mv, n_mv, key, (int)t->event, via_clause);
                    if (verbose)
                        printf("      parse: %s %d <- %s | %.120s\n", key,
                               (int)t->event, a, copy);
                }
                free(k2);
            }
        }
        free(ps.word);
        linkage_delete(ps.lk);
    }
    if (sent)
        sentence_delete(sent);
    parse_seconds += now() - t0;
    parse_cpu += cpu_now() - c0;
    free(copy);
}

/* The parser's proposals for one passage, given the extractor's list. */
static size_t parse_passage(const char *text, const exo_candidate_list *base,
                            struct move **mv)
{
    struct people pp = {0};
    for (size_t c = 0; c < base->n; c++)
        add_person(&pp, base->rows[c].person);
    struct exo__sentence *ss;
    size_t ns;
    size_t len = strlen(text);
    if (exo__split_sentences(text, len, &ss, &ns, NULL))
        die("sentences");
    for (size_t i = 0; i < ns; i++) {
        size_t spans[MAX_NAMES][2];
        size_t k = exo__find_names(text + ss[i].start, ss[i].end - ss[i].start,
                                   spans, MAX_NAMES);
        for (size_t j = 0; j < k && j < MAX_NAMES; j++) {
            char *nm = strndup(text + ss[i].start + spans[j][0],
                               spans[j][1] - spans[j][0]);
            add_person(&pp, nm);
            free(nm);
        }
    }
    size_t n_mv = 0;
    const char *pronoun = NULL;
    size_t para = (size_t)-1;
    for (size_t i = 0; i < ns; i++) {
        const char *s = text + ss[i].start;
        size_t sl = ss[i].end - ss[i].start;
        if (ss[i].para != para) {
            pronoun = NULL;
            para = ss[i].para;
        }
        read_sentence(s, sl, &pp, pronoun, mv, &n_mv);
        size_t spans[MAX_NAMES][2];
        size_t k = exo__find_names(s, sl, spans, MAX_NAMES);
        if (k) {
            size_t j = (k < MAX_NAMES ? k : MAX_NAMES) - 1;
            char *nm = strndup(s + spans[j][0], spans[j][1] - spans[j][0]);
            char *key = exo__name_key(nm);
            pronoun = key ? resolve(&pp, key) : NULL;
            free(key);
            free(nm);
        }
    }
    free(ss);
    for (size_t i = 0; i < pp.n; i++) {
        free(pp.key[i]);
        free(pp.last[i]);
    }
    /* keep only what the rules did not give: (a) another kind of move of
     * a person they read, (b) a person they gave none */
    size_t w = 0;
    for (size_t i = 0; i < n_mv; i++) {
        bool person = false, same = false;
        for (size_t c = 0; c < base->n; c++) {
            char *key = exo__name_key(base->rows[c].person);
            if (key && strcmp(key, (*mv)[i].key) == 0) {
                person = true;
                int e = (int)base->rows[c].event;
                same |= e == (*mv)[i].event;
            }
            free(key);
        }
        bool keep = !same &&
                    (only == 0 || (only == 'a' && person) ||
                     (only == 'b' && !person)) &&
                    !(a_clause && person && !(*mv)[i].clause);
        if (keep)
            (*mv)[w++] = (*mv)[i];
        else
            free((*mv)[i].key);
    }
    return w;
}

static void print_tally(const char *label_, const struct tally *t)
{
    double P = t->pred ? t->pred_hit / t->pred : 1.0;
    double R = t->gold ? t->gold_hit / t->gold : 1.0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0.0;
    printf("  %-24s P %.3f R %.3f F1 %.3f  (%.0f/%.0f pred, %.0f/%.0f gold)\n",
           label_, P, R, F, t->pred_hit, t->pred, t->gold_hit, t->gold);
}

/* Scores 'base' plus 'mv' on 'p' into 't' (and per event into 'kinds'). */
static void score(struct passage *p, const exo_candidate_list *base,
                  const struct move *mv, size_t n_mv, struct tally *t,
                  struct tally *kinds, struct tally *added)
{
    for (size_t g = 0; g < p->n_gold; g++)
        p->gold[g].used = false;
    for (size_t c = 0; c < base->n; c++) {
        char *key = exo__name_key(base->rows[c].person);
        int ev = (int)base->rows[c].event;
        if (!key)
            die("out of memory");
        bool hit = ev < K && match(p->gold, p->n_gold, key, ev);
        t->pred++;
        t->pred_hit += hit;
        if (ev < K) {
            kinds[ev].pred++;
            kinds[ev].pred_hit += hit;
        }
        free(key);
    }
    for (size_t i = 0; i < n_mv; i++) {
        bool hit = match(p->gold, p->n_gold, mv[i].key, mv[i].event);
        t->pred++;
        t->pred_hit += hit;
        kinds[mv[i].event].pred++;
        kinds[mv[i].event].pred_hit += hit;
        added->pred++;
        added->pred_hit += hit;
        if (verbose)
            printf("    %s %s %s %d\n", p->id, hit ? "HIT  " : "EXTRA",
                   mv[i].key, mv[i].event);
    }
    for (size_t g = 0; g < p->n_gold; g++) {
        t->gold++;
        t->gold_hit += p->gold[g].used;
        kinds[p->gold[g].event].gold++;
        kinds[p->gold[g].event].gold_hit += p->gold[g].used;
    }
}

/* Gated parsing of the generated adversarial inputs: MB/s of the
 * parser's part alone (what wiring it in would add to the extractor). */
static void bench_adversarial(size_t n)
{
    for (int k = 0; k < ADV_KINDS; k++) {
        size_t len;
        char *text = adv_text((enum adv_kind)k, n, &len);
        exo_extract_opts opts;
        exo_extract_opts_init(&opts);
        exo_candidate_list base;
        double t0 = now();
        if (exo_extract_text(text, len, &opts, &base, NULL))
            die("extract failed");
        double t1 = now();
        double ps0 = parse_seconds;
        size_t g0 = n_gated;
        struct move *mv = NULL;
        size_t n_mv = parse_passage(text, &base, &mv);
        double t2 = now();
        printf("adversarial %-30s %.2f MB: extract %.2f MB/s, with parses "
               "%.2f MB/s (%zu parsed, %.3f s in link-grammar), %zu "
               "proposals\n",
               adv_kind_name[k], (double)len / 1e6,
               (double)len / 1e6 / (t1 - t0), (double)len / 1e6 / (t2 - t0),
               n_gated - g0, parse_seconds - ps0, n_mv);
        for (size_t i = 0; i < n_mv; i++)
            free(mv[i].key);
        free(mv);
        exo_candidate_list_release(&base);
        free(text);
    }
}

/* link-grammar's notes (the dictionary's locale, en_US.UTF-8, may be
 * missing: it falls back to C.UTF-8 and says so) are not the figures;
 * its warnings and errors still go to stderr. */
static void lg_quiet(lg_errinfo *e, void *data)
{
    (void)data;
    if (e->severity <= lg_Warn)
        fprintf(stderr, "link-grammar: %s", e->text);
}

int main(int argc, char **argv)
{
    if (argc < 3)
        die("usage: parse-extract DIR SET... [-v] | parse-extract --bench "
            "BYTES");
    const char *e = getenv("PARSE_MAX_WORDS");
    if (e)
        max_words = atoi(e);
    e = getenv("PARSE_ONLY");
    if (e)
        only = e[0];
    int secs = getenv("PARSE_SECONDS") ? atoi(getenv("PARSE_SECONDS")) : 1;
    int nulls = getenv("PARSE_NULLS") ? atoi(getenv("PARSE_NULLS")) : 3;
    clause_gate =
        getenv("PARSE_GATE") && !strcmp(getenv("PARSE_GATE"), "clause");
    a_clause = getenv("PARSE_A") && !strcmp(getenv("PARSE_A"), "clause");
    /* The dictionary's path is the package's (/usr/share/link-grammar/en)
     * unless LINK_GRAMMAR_DATA says otherwise; failing to find it is an
     * error, never a silent skip. */
    lg_error_set_handler(lg_quiet, NULL);
    parse_options_set_verbosity(popts = parse_options_create(), 0);
    dict = dictionary_create_lang("en");
    if (!dict)
        die("link-grammar's English dictionary was not found (install "
            "link-grammar-dictionaries-en or set LINK_GRAMMAR_DATA)");
    parse_options_set_linkage_limit(popts, 100);
    parse_options_set_max_parse_time(popts, secs);
    parse_options_set_min_null_count(popts, 0);
    parse_options_set_max_null_count(popts, nulls);
    parse_options_set_spell_guess(popts, 0);
    if (strcmp(argv[1], "--bench") == 0) {
        bench_adversarial((size_t)atol(argv[2]));
        goto out;
    }
    for (int a = 2; a < argc; a++)
        verbose |= strcmp(argv[a], "-v") == 0;
    struct tally all_b = {0}, all_p = {0};
    double bytes = 0, t_extract = 0, c_extract = 0;
    for (int a = 2; a < argc; a++) {
        if (argv[a][0] == '-')
            continue;
        if (strstr(argv[a], "test") || strstr(argv[a], "dev5"))
            die("the test sets and dev5 are sealed: development sets only");
        size_t np;
        struct passage *ps = load_set(argv[1], argv[a], &np);
        struct tally tb = {0}, tp = {0}, kb[K] = {{0}}, kp[K] = {{0}};
        struct tally added = {0}, dummy = {0};
        for (size_t i = 0; i < np; i++) {
            exo_extract_opts opts;
            exo_extract_opts_init(&opts);
            opts.has_date = true;
            opts.date = ps[i].date;
            exo_candidate_list base;
            double t0 = now(), c0 = cpu_now();
            if (exo_extract_text(ps[i].text, strlen(ps[i].text), &opts, &base,
                                 NULL))
                die("extract failed");
            t_extract += now() - t0;
            c_extract += cpu_now() - c0;
            bytes += (double)strlen(ps[i].text);
            struct move *mv = NULL;
            size_t n_mv = parse_passage(ps[i].text, &base, &mv);
            score(&ps[i], &base, NULL, 0, &tb, kb, &dummy);
            score(&ps[i], &base, mv, n_mv, &tp, kp, &added);
            for (size_t m = 0; m < n_mv; m++)
                free(mv[m].key);
            free(mv);
            exo_candidate_list_release(&base);
        }
        static const char *names[K] = {"left",     "joined", "sabbatical",
                                       "returned", "fired",  "founded"};
        printf("%s (%zu passages)\n", argv[a], np);
        for (int k = 0; k < K; k++) {
            char l1[64];
            snprintf(l1, sizeof l1, "%s: rules", names[k]);
            print_tally(l1, &kb[k]);
            snprintf(l1, sizeof l1, "%s: + parser", names[k]);
            print_tally(l1, &kp[k]);
        }
        print_tally("all: rules", &tb);
        print_tally("all: + parser", &tp);
        printf("  parser's proposals: %.0f, %.0f hits\n", added.pred,
               added.pred_hit);
        all_b.pred += tb.pred, all_b.pred_hit += tb.pred_hit;
        all_b.gold += tb.gold, all_b.gold_hit += tb.gold_hit;
        all_p.pred += tp.pred, all_p.pred_hit += tp.pred_hit;
        all_p.gold += tp.gold, all_p.gold_hit += tp.gold_hit;
        for (size_t i = 0; i < np; i++) {
            for (size_t g = 0; g < ps[i].n_gold; g++)
                free(ps[i].gold[g].key);
            free(ps[i].gold);
            free(ps[i].id);
            free(ps[i].text);
        }
        free(ps);
    }
    printf("pooled\n");
    print_tally("all: rules", &all_b);
    print_tally("all: + parser", &all_p);
    printf("sentences %zu, gated %zu (capped at %d words: %zu), parsed %zu, "
           "time limit hit %zu\n",
           n_sentences, n_gated, max_words, n_capped, n_parsed, n_timeout);
    printf("speed: %.2f MB, extract %.3f s (%.2f MB/s), link-grammar %.3f s; "
           "together %.2f MB/s\n",
           bytes / 1e6, t_extract, bytes / 1e6 / t_extract, parse_seconds,
           bytes / 1e6 / (t_extract + parse_seconds));
    printf("cpu time: extract %.3f s, link-grammar %.3f s (%.1f ms a parsed "
           "sentence); together %.3f MB/s\n",
           c_extract, parse_cpu,
           n_gated ? 1e3 * parse_cpu / (double)n_gated : 0.0,
           bytes / 1e6 / (c_extract + parse_cpu));
out:
    dictionary_delete(dict);
    parse_options_delete(popts);
    return 0;
}
