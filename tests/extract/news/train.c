/*
 * train.c - trains the learned reader of `exodus extract` (ex17c, ex17m)
 * and writes data/extract-model.csv.
 *
 *   build/train-extract tests/extract/news data/extract-model.csv [--ablate]
 *
 * Every development set in the directory (devN.txt with devN-gold.csv;
 * never a test set) is training data. Each person mention the extractor
 * reads is an example: its features are the words around it (extract.c,
 * mention_features) and its labels the events the passage's gold rows
 * give its person. One L2-regularised logistic regression per event
 * (liblinear). With no held-out development set left, the cost C and the
 * probability threshold are chosen together by 5-fold cross-validation
 * by story (a story's passages share a fold, from a hash of sources.csv's
 * story column): each fold is read by the extractor itself with the
 * model trained on the other four, and scored as score.py scores (person
 * and event; left and joined match when the gold row names where the
 * person went). With --ablate it also measures each feature group by
 * leaving it out. Deterministic: run again, it writes the same file.
 */
#include <dirent.h>
#include <linear.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hmap.h"
#include "core/utf8.h"
#include "ingest/extract.h"

#define NEWS_TOOL "train-extract"
#include "news_sets.h"

#define K EXO__N_LEARNED

struct ment {
    int set, passage;
    const int *folds; /* its passage's */
    char *key;
    size_t para;
    int *feat; /* vocabulary indices, 1-based, sorted, unique */
    size_t n_feat;
    unsigned labels; /* bit k: the person's gold rows have event k */
    bool proposable; /* not in a sentence where the rules found a move */
};

static struct hmap vocab = HMAP_INIT;
static char **vocab_names;
static int *vocab_group; /* the feature group of each vocabulary entry */
static size_t n_vocab;
static struct ment *ments;
static size_t n_ments;
static bool no_gate; /* TRAIN_NO_TRIGGER_GATE: an experiment */
static bool second; /* TRAIN_SECOND_MOVES: another */
static unsigned cur_groups; /* the feature groups of the last fit */

/* The feature groups (the prefixes extract.c gives them): the words near
 * the name and the triggers (ex17c), then ex17m's neighbourhood. */
#define N_GROUPS 9
static const char *const group_names[N_GROUPS] = {
    "words and triggers (ex17c)", "first verb after the name",
    "appositive comma",           "organisation + verb before the name",
    "words to the nearest organisation", "headline shape",
    "as + title",                 "title words before the name",
    "place in a list"};

static int group_of(const char *f)
{
    static const struct {
        const char *prefix;
        int group;
    } pre[] = {{"v:", 1},   {"vs:", 1}, {"vp:", 1},      {"k:appos", 2},
               {"ov:", 3},  {"ob:", 4}, {"oa:", 4},      {"k:noverb", 5},
               {"as:", 6},  {"ti:", 7}, {"k:list:", 8}};
    for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++)
        if (strncmp(f, pre[i].prefix, strlen(pre[i].prefix)) == 0)
            return pre[i].group;
    return 0;
}

/* ---- the extractor's mentions and features ---- */

struct collect {
    int set, passage;
    int *feat;
    size_t n_feat;
};

static void flush_mention(struct collect *c)
{
    if (!n_ments || ments[n_ments - 1].feat)
        return;
    struct ment *m = &ments[n_ments - 1];
    m->feat = c->feat;
    m->n_feat = c->n_feat;
    c->feat = NULL;
    c->n_feat = 0;
}

static void on_mention(void *ctx, const char *person, size_t para,
                       bool proposable)
{
    struct collect *c = ctx;
    flush_mention(c);
    ments = xrealloc(ments, (n_ments + 1) * sizeof *ments);
    ments[n_ments++] = (struct ment){c->set, c->passage, 0,    exo__name_key(person),
                                     para,   NULL,       0, 0,    proposable};
}

static void on_feature(void *ctx, const char *feature)
{
    struct collect *c = ctx;
    int64_t v;
    if (!exo__hmap_get(&vocab, feature, &v)) {
        v = (int64_t)++n_vocab;
        if (exo__hmap_put(&vocab, feature, v))
            die("out of memory");
        vocab_names = xrealloc(vocab_names, (n_vocab + 1) * sizeof(char *));
        vocab_names[n_vocab] = strdup(feature);
        vocab_group = xrealloc(vocab_group, (n_vocab + 1) * sizeof(int));
        vocab_group[n_vocab] = group_of(feature);
    }
    for (size_t i = 0; i < c->n_feat; i++)
        if (c->feat[i] == (int)v)
            return;
    c->feat = xrealloc(c->feat, (c->n_feat + 1) * sizeof *c->feat);
    c->feat[c->n_feat++] = (int)v;
}

/* The sentences the reader's gate skips (TRAIN_GATE): one row per
 * sentence (key NULL) followed by one per person mentioned in it. */
struct gated {
    int set, passage;
    char *key;
    const char *cue;
};
static struct gated *gates;
static size_t n_gates;

static void on_gated(void *ctx, const char *person, size_t para,
                     const char *cue)
{
    struct collect *c = ctx;
    (void)para;
    gates = xrealloc(gates, (n_gates + 1) * sizeof *gates);
    gates[n_gates++] = (struct gated){c->set, c->passage,
                                      person ? exo__name_key(person) : NULL,
                                      strdup(cue)};
}

static int int_cmp(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* Reads every passage of a set; '*rules' gets what the rules find. */
static void read_set(int set, struct passage *ps, size_t n,
                     exo_candidate_list *rules)
{
    for (size_t i = 0; i < n; i++) {
        exo_extract_opts opts;
        exo_extract_opts_init(&opts);
        opts.has_date = true;
        opts.date = ps[i].date;
        struct collect c = {set, (int)i, NULL, 0};
        struct exo__learn_hooks h = {on_mention, on_feature, &c,
                                     true,       NULL,       0,
                                     no_gate,    false,      on_gated,
                                     NULL,       true,       NULL,
                                     0};
        size_t first = n_ments;
        if (exo__extract_learn(ps[i].text, strlen(ps[i].text), &opts, &h,
                               &rules[i], NULL))
            die("extract failed");
        flush_mention(&c);
        free(c.feat);
        for (size_t m = first; m < n_ments; m++) {
            ments[m].folds = ps[i].folds;
            qsort(ments[m].feat, ments[m].n_feat, sizeof(int), int_cmp);
            for (size_t g = 0; g < ps[i].n_gold; g++)
                if (strcmp(ps[i].gold[g].key, ments[m].key) == 0)
                    ments[m].labels |= 1u << ps[i].gold[g].event;
        }
    }
}

/* ---- liblinear ---- */

static double *w[K], bias[K];

static void quiet(const char *s)
{
    (void)s;
}

/* One model per event on the mentions outside fold 'skip' (-1: every
 * mention), over the feature groups in 'groups' (bits). A feature never
 * seen in training gets weight 0, as L2 regularisation gives it. */
static int cur_rep; /* the repetition of the cross-validation */

static void fit(int skip, unsigned groups, double C)
{
    size_t total = 0, n = 0;
    for (size_t m = 0; m < n_ments; m++)
        total += ments[m].n_feat + 2;
    struct feature_node *pool = xrealloc(NULL, total * sizeof *pool);
    struct feature_node **x = xrealloc(NULL, n_ments * sizeof *x);
    const struct ment **of = xrealloc(NULL, n_ments * sizeof *of);
    struct feature_node *at = pool;
    cur_groups = groups;
    for (size_t m = 0; m < n_ments; m++) {
        if (ments[m].folds[cur_rep] == skip)
            continue;
        x[n] = at;
        of[n++] = &ments[m];
        for (size_t j = 0; j < ments[m].n_feat; j++)
            if (groups & (1u << vocab_group[ments[m].feat[j]]))
                *at++ = (struct feature_node){ments[m].feat[j], 1.0};
        *at++ = (struct feature_node){(int)n_vocab + 1, 1.0}; /* bias */
        *at++ = (struct feature_node){-1, 0};
    }
    double *y = xrealloc(NULL, (n ? n : 1) * sizeof *y);
    for (int k = 0; k < K; k++) {
        struct problem p = {(int)n, (int)n_vocab + 1, y, x, -1};
        struct parameter par = {L2R_LR, 0.01, C, 0, NULL, NULL, 0.1, NULL};
        if (!w[k])
            w[k] = xrealloc(NULL, (n_vocab + 2) * sizeof(double));
        memset(w[k], 0, (n_vocab + 2) * sizeof(double));
        bias[k] = -20; /* an event never seen is never proposed */
        bool any = false;
        for (size_t i = 0; i < n; i++) {
            y[i] = (of[i]->labels >> k) & 1 ? 1 : -1;
            any |= y[i] > 0;
        }
        if (any) {
            struct model *mo = train(&p, &par);
            /* liblinear's weights are for its first label */
            double sign = mo->label[0] == 1 ? 1 : -1;
            for (size_t j = 0; j < n_vocab; j++)
                w[k][j + 1] = sign * mo->w[j];
            bias[k] = sign * mo->w[n_vocab];
            free_and_destroy_model(&mo);
        }
    }
    free(y);
    free(of);
    free(x);
    free(pool);
}

/* ---- the model as the extractor reads it ---- */

static struct exo__model_row *rows;
static size_t n_rows;
static struct exo__model_row *thr_row;

static int row_cmp(const void *a, const void *b)
{
    return strcmp(((const struct exo__model_row *)a)->feature,
                  ((const struct exo__model_row *)b)->feature);
}

/* The rows of the fitted model, as the model file holds them: the
 * weights that matter, the intercepts and the threshold, sorted for
 * bsearch. */
static void make_rows(double thr)
{
    rows = xrealloc(rows, (n_vocab + 3) * sizeof *rows);
    n_rows = 0;
    for (size_t j = 1; j <= n_vocab; j++) {
        double mx = 0;
        for (int k = 0; k < K; k++)
            mx = fmax(mx, fabs(w[k][j]));
        if (mx < 1e-3)
            continue;
        rows[n_rows].feature = vocab_names[j];
        for (int k = 0; k < K; k++)
            rows[n_rows].w[k] = w[k][j];
        n_rows++;
    }
    rows[n_rows].feature = "(bias)";
    for (int k = 0; k < K; k++)
        rows[n_rows].w[k] = bias[k];
    n_rows++;
    /* The extractor computes the neighbourhood's features only for a
     * model that has some (ex17m). */
    if (cur_groups & ~1u) {
        rows[n_rows].feature = "(neighbourhood)";
        for (int k = 0; k < K; k++)
            rows[n_rows].w[k] = 0;
        n_rows++;
    }
    rows[n_rows].feature = "(threshold)";
    for (int k = 0; k < K; k++)
        rows[n_rows].w[k] = thr;
    n_rows++;
    qsort(rows, n_rows, sizeof *rows, row_cmp);
    for (size_t i = 0; i < n_rows; i++)
        if (strcmp(rows[i].feature, "(threshold)") == 0)
            thr_row = &rows[i];
}

static void set_threshold(double thr)
{
    for (int k = 0; k < K; k++)
        thr_row->w[k] = thr;
}

/* ---- rules plus model, scored as score.py scores ---- */

struct tally {
    double pred, pred_hit, gold, gold_hit;
    double learned, learned_hit; /* the model's proposals */
};

static bool has_person(const exo_candidate_list *l, const char *key)
{
    bool found = false;
    for (size_t c = 0; c < l->n && !found; c++) {
        char *k = exo__name_key(l->rows[c].person);
        found = k && strcmp(k, key) == 0;
        free(k);
    }
    return found;
}

/* Reads passage 'p' with the current rows ('rules_only': without the
 * model) and adds its score to 't' and, per event, to 'kinds'. */
static void score_passage(struct passage *p, const exo_candidate_list *rules,
                          bool rules_only, struct tally *t,
                          struct tally *kinds)
{
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    opts.has_date = true;
    opts.date = p->date;
    struct exo__learn_hooks h = {NULL, NULL,   NULL,    rules_only,
                                 rows, n_rows, no_gate, second, NULL,
                                 NULL, true,   NULL,    0};
    exo_candidate_list out;
    if (exo__extract_learn(p->text, strlen(p->text), &opts, &h, &out, NULL))
        die("extract failed");
    for (size_t g = 0; g < p->n_gold; g++)
        p->gold[g].used = false;
    for (size_t c = 0; c < out.n; c++) {
        char *key = exo__name_key(out.rows[c].person);
        int ev = (int)out.rows[c].event;
        if (!key)
            die("out of memory");
        bool hit = ev < K && match(p->gold, p->n_gold, key, ev);
        bool learned = rules && !has_person(rules, key);
        t->pred++;
        t->pred_hit += hit;
        t->learned += learned;
        t->learned_hit += learned && hit;
        if (kinds && ev < K) {
            kinds[ev].pred++;
            kinds[ev].pred_hit += hit;
        }
        if (getenv("TRAIN_VERBOSE") && learned)
            printf("      proposal %s %s %d %s\n", p->id, key, ev,
                   hit ? "hit" : "extra");
        free(key);
    }
    for (size_t g = 0; g < p->n_gold; g++) {
        t->gold++;
        t->gold_hit += p->gold[g].used;
        if (kinds) {
            kinds[p->gold[g].event].gold++;
            kinds[p->gold[g].event].gold_hit += p->gold[g].used;
        }
    }
    exo_candidate_list_release(&out);
}

static double prec(const struct tally *t)
{
    return t->pred ? t->pred_hit / t->pred : 1;
}

static double rec(const struct tally *t)
{
    return t->gold ? t->gold_hit / t->gold : 1;
}

static double f1(const struct tally *t)
{
    double P = prec(t), R = rec(t);
    return P + R ? 2 * P * R / (P + R) : 0;
}

static void print_tally(const char *label, const struct tally *t)
{
    printf("  %-34s P %.3f R %.3f F1 %.3f (%.0f/%.0f predicted, %.0f/%.0f "
           "gold)\n",
           label, prec(t), rec(t), f1(t), t->pred_hit, t->pred, t->gold_hit,
           t->gold);
}

/* ---- the sets ---- */

#define MAX_SETS 16
#define N_FOLDS 5
#define N_REPEATS 3 /* fold assignments, pooled: less noise from one */

static const char *set_names[MAX_SETS];
static struct passage *ps[MAX_SETS];
static size_t np[MAX_SETS];
static exo_candidate_list *rules[MAX_SETS];
static int n_sets;

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every development set of 'dir': devN.txt for N empty or digits. */
static void find_sets(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        die("cannot read the news directory");
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *n = e->d_name;
        size_t len = strlen(n), i = 3;
        if (strncmp(n, "dev", 3) || len < 7 || strcmp(n + len - 4, ".txt"))
            continue;
        while (i < len - 4 && n[i] >= '0' && n[i] <= '9')
            i++;
        if (i != len - 4)
            continue;
        if (n_sets == MAX_SETS)
            die("too many development sets");
        set_names[n_sets++] = strndup(n, len - 4);
    }
    closedir(d);
    qsort(set_names, (size_t)n_sets, sizeof *set_names, str_cmp);
}

/* The fold of each passage: a hash of its story (sources.csv), so that
 * two passages of one story are never on both sides of a split. */
static void assign_folds(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/sources.csv", dir);
    char *all = read_all(path);
    for (int s = 0; s < n_sets; s++)
        for (size_t i = 0; i < np[s]; i++)
            ps[s][i].folds[0] = -1;
    for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
        char *c1 = strchr(line, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
        char *c3 = c2 ? strchr(c2 + 1, ',') : NULL;
        if (!c3)
            continue;
        *c1 = *c3 = 0;
        int fold[N_REPEATS];
        for (int r = 0; r < N_REPEATS; r++) {
            uint32_t h = 2166136261u ^ (uint32_t)r; /* FNV-1a, seeded */
            for (const char *q = c2 + 1; *q; q++)
                h = (h ^ (unsigned char)*q) * 16777619u;
            fold[r] = (int)(h % N_FOLDS);
        }
        for (int s = 0; s < n_sets; s++)
            for (size_t i = 0; i < np[s]; i++)
                if (strcmp(ps[s][i].id, line) == 0)
                    memcpy(ps[s][i].folds, fold, sizeof fold);
    }
    free(all);
    for (int s = 0; s < n_sets; s++)
        for (size_t i = 0; i < np[s]; i++)
            if (ps[s][i].folds[0] < 0) {
                fprintf(stderr, "train-extract: passage %s has no story in "
                                "%s\n",
                        ps[s][i].id, path);
                exit(1);
            }
}

/* ---- cross-validation ---- */

static const double costs[] = {0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};
#define N_COSTS (sizeof costs / sizeof costs[0])
#define N_THR 16 /* 0.20, 0.25, ..., 0.95 */

static double thr_at(size_t i)
{
    return 0.20 + 0.05 * (double)i;
}

struct choice {
    double C, thr, f1;
    struct tally t;
};

/* Per set, C and threshold: what rules and model scored on the folds. */
static struct tally cvg[MAX_SETS][N_COSTS][N_THR];

static struct tally pooled(size_t c, size_t ti)
{
    struct tally t = {0, 0, 0, 0, 0, 0};
    for (int s = 0; s < n_sets; s++) {
        const struct tally *a = &cvg[s][c][ti];
        t.pred += a->pred, t.pred_hit += a->pred_hit;
        t.gold += a->gold, t.gold_hit += a->gold_hit;
        t.learned += a->learned, t.learned_hit += a->learned_hit;
    }
    return t;
}

/* Rules and model on every fold, the model trained on the other folds,
 * for each C and threshold, pooled over the folds and over N_REPEATS
 * assignments of stories to folds. Returns the best (C, threshold); ties
 * go to the smaller C and the higher threshold. */
static struct choice cross_validate(unsigned groups, bool print)
{
    memset(cvg, 0, sizeof cvg);
    for (cur_rep = 0; cur_rep < N_REPEATS; cur_rep++)
        for (size_t c = 0; c < N_COSTS; c++)
            for (int f = 0; f < N_FOLDS; f++) {
                fit(f, groups, costs[c]);
                make_rows(0.5);
                for (size_t ti = 0; ti < N_THR; ti++) {
                    set_threshold(thr_at(ti));
                    for (int s = 0; s < n_sets; s++)
                        for (size_t i = 0; i < np[s]; i++)
                            if (ps[s][i].folds[cur_rep] == f)
                                score_passage(&ps[s][i], &rules[s][i], false,
                                              &cvg[s][c][ti], NULL);
                }
            }
    struct choice best = {0, 0, -1, {0, 0, 0, 0, 0, 0}};
    if (print) {
        printf("  cross-validated F1 of rules and model (rows C, columns "
               "threshold)\n  %-6s", "C");
        for (size_t ti = 0; ti < N_THR; ti++)
            printf(" %5.2f", thr_at(ti));
        printf("\n");
    }
    for (size_t c = 0; c < N_COSTS; c++) {
        if (print)
            printf("  %-6g", costs[c]);
        for (size_t ti = 0; ti < N_THR; ti++) {
            struct tally t = pooled(c, ti);
            double f = f1(&t);
            if (print)
                printf(" %5.3f", f);
            if (f > best.f1 - 1e-9 &&
                !(f < best.f1 + 1e-9 && best.C < costs[c]))
                best = (struct choice){costs[c], thr_at(ti), f, t};
        }
        if (print)
            printf("\n");
    }
    return best;
}

/* The figures of a choice, pooled and per set, beside the rules alone
 * (a threshold above every probability). */
static void print_choice(const char *label, const struct choice *ch)
{
    size_t c = 0, ti = 0;
    while (costs[c] != ch->C)
        c++;
    while (thr_at(ti) < ch->thr - 1e-9)
        ti++;
    printf("  %-44s C %-4g threshold %.2f F1 %.3f (P %.3f R %.3f);",
           label, ch->C, ch->thr, ch->f1, prec(&ch->t), rec(&ch->t));
    for (int s = 0; s < n_sets; s++)
        printf(" %s %.3f", set_names[s], f1(&cvg[s][c][ti]));
    printf("\n");
}

static void write_model(const char *path)
{
    FILE *out = fopen(path, "w");
    if (!out)
        die("cannot write the model");
    fprintf(out, "feature,left,joined,sabbatical,returned,fired,founded\n");
    for (size_t i = 0; i < n_rows; i++) {
        fprintf(out, "%s", rows[i].feature);
        for (int k = 0; k < K; k++)
            fprintf(out, ",%.6g", rows[i].w[k]);
        fprintf(out, "\n");
    }
    if (fclose(out))
        die("cannot write the model");
    printf("%zu rows written to %s\n", n_rows, path);
}

/* TRAIN_GATE: what the reader's gate skips, by cue: the sentences, those
 * of them naming no person with a gold move in the passage (what the gate
 * protects), and the gold moves the rules miss whose person is named in a
 * skipped sentence and in no sentence the reader scores (what it costs). */
static void gate_report(void)
{
    struct row {
        const char *cue;
        size_t sents, no_move, cost, also_scored;
    } cues[128];
    size_t n_rows_g = 0;
    for (size_t i = 0; i < n_gates; i++) {
        if (gates[i].key)
            continue;
        size_t r = 0;
        while (r < n_rows_g && strcmp(cues[r].cue, gates[i].cue))
            r++;
        if (r == n_rows_g) {
            if (n_rows_g == 128)
                die("too many cues");
            cues[n_rows_g++] = (struct row){gates[i].cue, 0, 0, 0, 0};
        }
        cues[r].sents++;
        const struct passage *p = &ps[gates[i].set][gates[i].passage];
        bool any = false;
        for (size_t j = i + 1; j < n_gates && gates[j].key; j++)
            for (size_t g = 0; g < p->n_gold; g++)
                any |= strcmp(p->gold[g].key, gates[j].key) == 0;
        cues[r].no_move += !any;
    }
    size_t total = 0;
    for (int s = 0; s < n_sets; s++)
        for (size_t i = 0; i < np[s]; i++) {
            struct tally t = {0};
            score_passage(&ps[s][i], NULL, true, &t, NULL);
            for (size_t g = 0; g < ps[s][i].n_gold; g++) {
                const struct gold *gd = &ps[s][i].gold[g];
                if (gd->used)
                    continue;
                bool scored = false;
                for (size_t m = 0; m < n_ments; m++)
                    scored |= ments[m].set == s && ments[m].passage == (int)i &&
                              strcmp(ments[m].key, gd->key) == 0;
                const char *cue = NULL;
                for (size_t j = 0; j < n_gates && !cue; j++)
                    if (gates[j].key && gates[j].set == s &&
                        gates[j].passage == (int)i &&
                        strcmp(gates[j].key, gd->key) == 0)
                        cue = gates[j].cue;
                if (!cue)
                    continue;
                size_t r = 0;
                while (strcmp(cues[r].cue, cue))
                    r++;
                if (scored)
                    cues[r].also_scored++;
                else
                    cues[r].cost++, total++;
                printf("  gated %s %s %d %s%s\n", ps[s][i].id, gd->key,
                       gd->event, cue, scored ? " (also scored)" : "");
            }
        }
    printf("cue | skipped sentences | naming no person with a move | rules' "
           "misses named only there | named in a scored sentence too\n");
    for (size_t r = 0; r < n_rows_g; r++)
        printf("%s | %zu | %zu | %zu | %zu\n", cues[r].cue, cues[r].sents,
               cues[r].no_move, cues[r].cost, cues[r].also_scored);
    printf("rules' misses named only in skipped sentences: %zu\n", total);
}

/* The groups kept: those whose removal lowered the cross-validated F1
 * (docs/extract.md, "Fourth round"): none of ex17m's neighbourhood did,
 * so only the words and triggers of ex17c. */
#define GROUPS_KEPT 0x1u

/* ---- the second look (ex20c) ----
 *
 * Every candidate the extractor makes (rules and reader, after merging)
 * is an example: its features are extract.c's candidate_features, its
 * label whether it matches a gold row as score.py matches. The reader
 * that proposes a fold's candidates is trained on the other folds (the
 * first repetition's), so the reader's part of the first stage is what
 * it is on fresh text. Then a logistic regression (liblinear) with C
 * chosen by the Brier score of the out-of-fold probabilities, and the
 * threshold by their pooled F1; written with the reader's checksum, so
 * that the build refuses a second look trained on another reader. */

struct cand {
    int set, fold;
    double first; /* the first stage's confidence */
    double p;     /* the out-of-fold probability */
    int *feat;
    size_t n_feat;
    bool hit;
};

static struct hmap vocab2 = HMAP_INIT;
static char **vocab2_names;
static size_t n_vocab2;
static struct cand *cands;
static size_t n_cands;
static double gold_total[MAX_SETS];

static void on_cand_feature(void *ctx, size_t i, const char *feature)
{
    size_t base = *(size_t *)ctx;
    struct cand *c = &cands[base + i];
    int64_t v;
    if (!exo__hmap_get(&vocab2, feature, &v)) {
        v = (int64_t)++n_vocab2;
        if (exo__hmap_put(&vocab2, feature, v))
            die("out of memory");
        vocab2_names = xrealloc(vocab2_names, (n_vocab2 + 1) * sizeof(char *));
        vocab2_names[n_vocab2] = strdup(feature);
    }
    c->feat = xrealloc(c->feat, (c->n_feat + 1) * sizeof *c->feat);
    c->feat[c->n_feat++] = (int)v;
}

/* Reads passage 'p' of set 's' (fold 'f') with the current reader rows
 * and adds its candidates, labelled. */
static void collect_cands(struct passage *p, int s, int f)
{
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    opts.has_date = true;
    opts.date = p->date;
    size_t base = n_cands;
    struct exo__learn_hooks h = {0};
    h.ctx = &base;
    h.rows = rows;
    h.n_rows = n_rows;
    h.candidate_feature = on_cand_feature;
    h.first_stage_only = true;
    /* The candidates are made before their features are: room for up to
     * 256 of a passage. */
    cands = xrealloc(cands, (n_cands + 256) * sizeof *cands);
    memset(cands + n_cands, 0, 256 * sizeof *cands);
    exo_candidate_list out;
    if (exo__extract_learn(p->text, strlen(p->text), &opts, &h, &out, NULL))
        die("extract failed");
    if (out.n > 256)
        die("too many candidates in a passage");
    for (size_t g = 0; g < p->n_gold; g++)
        p->gold[g].used = false;
    for (size_t c = 0; c < out.n; c++) {
        char *key = exo__name_key(out.rows[c].person);
        int ev = (int)out.rows[c].event;
        struct cand *k = &cands[n_cands++];
        k->set = s;
        k->fold = f;
        k->first = out.rows[c].confidence;
        k->hit = ev < K && match(p->gold, p->n_gold, key, ev);
        qsort(k->feat, k->n_feat, sizeof(int), int_cmp);
        free(key);
    }
    gold_total[s] += (double)p->n_gold;
    exo_candidate_list_release(&out);
}

static double *w2;
static double bias2;

static void fit2(int skip, double C)
{
    size_t total = 0, n = 0;
    for (size_t i = 0; i < n_cands; i++)
        total += cands[i].n_feat + 2;
    struct feature_node *pool = xrealloc(NULL, total * sizeof *pool);
    struct feature_node **x = xrealloc(NULL, n_cands * sizeof *x);
    double *y = xrealloc(NULL, (n_cands + 1) * sizeof *y);
    struct feature_node *at = pool;
    for (size_t i = 0; i < n_cands; i++) {
        if (cands[i].fold == skip)
            continue;
        x[n] = at;
        y[n++] = cands[i].hit ? 1 : -1;
        for (size_t j = 0; j < cands[i].n_feat; j++)
            *at++ = (struct feature_node){cands[i].feat[j], 1.0};
        *at++ = (struct feature_node){(int)n_vocab2 + 1, 1.0}; /* bias */
        *at++ = (struct feature_node){-1, 0};
    }
    struct problem p = {(int)n, (int)n_vocab2 + 1, y, x, -1};
    struct parameter par = {L2R_LR, 0.01, C, 0, NULL, NULL, 0.1, NULL};
    w2 = xrealloc(w2, (n_vocab2 + 2) * sizeof(double));
    struct model *mo = train(&p, &par);
    double sign = mo->label[0] == 1 ? 1 : -1;
    for (size_t j = 0; j < n_vocab2; j++)
        w2[j + 1] = sign * mo->w[j];
    bias2 = sign * mo->w[n_vocab2];
    free_and_destroy_model(&mo);
    free(y);
    free(x);
    free(pool);
}

static double predict2(const struct cand *c)
{
    double z = bias2;
    for (size_t j = 0; j < c->n_feat; j++)
        z += w2[c->feat[j]];
    return 1 / (1 + exp(-z));
}

/* The tally of the candidates of set 's' (-1: all) whose probability
 * ('first': the first stage's confidence) reaches 't'. */
static struct tally tally2(int s, double t, bool first)
{
    struct tally r = {0};
    for (size_t i = 0; i < n_cands; i++) {
        if (s >= 0 && cands[i].set != s)
            continue;
        double p = first ? cands[i].first : cands[i].p;
        if (p + 1e-9 < t)
            continue;
        r.pred++;
        r.pred_hit += cands[i].hit;
    }
    for (int k = 0; k < n_sets; k++)
        if (s < 0 || k == s)
            r.gold += gold_total[k];
    r.gold_hit = r.pred_hit;
    return r;
}

static void reliability(const char *label, bool first)
{
    double brier = 0;
    size_t n[10] = {0}, hit[10] = {0};
    double sum[10] = {0};
    for (size_t i = 0; i < n_cands; i++) {
        double p = first ? cands[i].first : cands[i].p;
        brier += (p - cands[i].hit) * (p - cands[i].hit);
        int d = (int)(p * 10);
        d = d < 0 ? 0 : d > 9 ? 9 : d;
        n[d]++;
        hit[d] += cands[i].hit;
        sum[d] += p;
    }
    printf("  %s: Brier %.4f over %zu candidates\n", label,
           brier / (double)n_cands, n_cands);
    printf("    decile      n  mean p  gold share\n");
    for (int d = 0; d < 10; d++)
        if (n[d])
            printf("    [%.1f,%.1f) %4zu   %.3f   %.3f\n", d / 10.0,
                   (d + 1) / 10.0, n[d], sum[d] / (double)n[d],
                   (double)hit[d] / (double)n[d]);
}

static int calib_row_cmp(const void *a, const void *b)
{
    return strcmp(((const struct exo__calib_row *)a)->feature,
                  ((const struct exo__calib_row *)b)->feature);
}

static void second_look(const struct choice *best, const char *model_path,
                        const char *path)
{
    printf("the second look (ex20c): candidates read with the reader "
           "trained on the other folds\n");
    cur_rep = 0;
    for (int f = 0; f < N_FOLDS; f++) {
        fit(f, GROUPS_KEPT, best->C);
        make_rows(best->thr);
        for (int s = 0; s < n_sets; s++)
            for (size_t i = 0; i < np[s]; i++)
                if (ps[s][i].folds[0] == f)
                    collect_cands(&ps[s][i], s, f);
    }
    size_t hits = 0;
    for (size_t i = 0; i < n_cands; i++)
        hits += cands[i].hit;
    printf("  %zu candidates, %zu of them gold moves; %zu features\n",
           n_cands, hits, n_vocab2);
    /* What the extractor knew of the candidates that are no gold move
     * (the extras), by feature: the causes the second look can weigh. */
    printf("  feature | candidates | extras | extra share\n");
    for (size_t v = 1; v <= n_vocab2; v++) {
        size_t n = 0, extra = 0;
        for (size_t i = 0; i < n_cands; i++)
            for (size_t j = 0; j < cands[i].n_feat; j++)
                if (cands[i].feat[j] == (int)v) {
                    n++;
                    extra += !cands[i].hit;
                }
        printf("  %s | %zu | %zu | %.2f\n", vocab2_names[v], n, extra,
               n ? (double)extra / (double)n : 0);
    }
    static const double costs2[] = {0.01, 0.03, 0.1, 0.3, 1, 3, 10};
    double best_C = 0, best_brier = 2;
    for (size_t c = 0; c < sizeof costs2 / sizeof costs2[0]; c++) {
        for (int f = 0; f < N_FOLDS; f++) {
            fit2(f, costs2[c]);
            for (size_t i = 0; i < n_cands; i++)
                if (cands[i].fold == f)
                    cands[i].p = predict2(&cands[i]);
        }
        double b = 0;
        for (size_t i = 0; i < n_cands; i++)
            b += (cands[i].p - cands[i].hit) * (cands[i].p - cands[i].hit);
        b /= (double)n_cands;
        printf("  C %-5g Brier %.4f\n", costs2[c], b);
        if (b < best_brier - 1e-9) {
            best_brier = b;
            best_C = costs2[c];
        }
    }
    for (int f = 0; f < N_FOLDS; f++) {
        fit2(f, best_C);
        for (size_t i = 0; i < n_cands; i++)
            if (cands[i].fold == f)
                cands[i].p = predict2(&cands[i]);
    }
    printf("  chosen C %g\n", best_C);
    reliability("first stage (the rules' score, the reader's 0.50)", true);
    reliability("second look, out of fold", false);
    double best_t = 0, best_f = -1;
    printf("  threshold   P     R     F1 (pooled, out of fold)\n");
    for (int ti = 0; ti <= 14; ti++) {
        double t = ti * 0.05;
        struct tally r = tally2(-1, t, false);
        printf("  %.2f      %.3f %.3f %.3f\n", t, prec(&r), rec(&r), f1(&r));
        /* Ties to the higher threshold: the same F1 with fewer doubtful
         * candidates. */
        if (f1(&r) > best_f - 1e-9) {
            best_f = f1(&r);
            best_t = t;
        }
    }
    printf("  chosen threshold %.2f\n", best_t);
    for (int s = -1; s < n_sets; s++) {
        struct tally a = tally2(s, 0, true), b = tally2(s, best_t, false);
        printf("  %-5s first stage P %.3f R %.3f F1 %.3f; second look P %.3f "
               "R %.3f F1 %.3f\n",
               s < 0 ? "all" : set_names[s], prec(&a), rec(&a), f1(&a),
               prec(&b), rec(&b), f1(&b));
    }
    fit2(-1, best_C);
    struct exo__calib_row *r = xrealloc(NULL, (n_vocab2 + 2) * sizeof *r);
    size_t n = 0;
    for (size_t j = 1; j <= n_vocab2; j++)
        r[n++] = (struct exo__calib_row){vocab2_names[j], w2[j]};
    r[n++] = (struct exo__calib_row){"(bias)", bias2};
    r[n++] = (struct exo__calib_row){"(threshold)", best_t};
    qsort(r, n, sizeof *r, calib_row_cmp);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "cksum < '%s'", model_path);
    FILE *ck = popen(cmd, "r");
    unsigned long sum = 0;
    if (!ck || fscanf(ck, "%lu", &sum) != 1 || pclose(ck) != 0)
        die("cannot checksum the reader's model");
    FILE *out = fopen(path, "w");
    if (!out)
        die("cannot write the second look");
    fprintf(out, "feature,weight\n");
    for (size_t i = 0; i < n; i++) {
        if (strcmp(r[i].feature, "(reader)") > 0 &&
            (i == 0 || strcmp(r[i - 1].feature, "(reader)") < 0))
            fprintf(out, "(reader),%lu\n", sum);
        fprintf(out, "%s,%.6g\n", r[i].feature, r[i].w);
    }
    if (fclose(out))
        die("cannot write the second look");
    printf("%zu rows written to %s\n", n + 1, path);
    free(r);
}

int main(int argc, char **argv)
{
    bool ablate = argc == 4 && strcmp(argv[3], "--ablate") == 0;
    bool calib = argc == 4 && !ablate;
    if (argc != 3 && !ablate && !calib) {
        fprintf(stderr, "usage: train-extract NEWS-DIR OUT.csv "
                        "[CALIBRATION.csv | --ablate]\n");
        return 2;
    }
    set_print_string_function(quiet);
    no_gate = getenv("TRAIN_NO_TRIGGER_GATE") != NULL;
    second = getenv("TRAIN_SECOND_MOVES") != NULL;
    find_sets(argv[1]);
    if (!n_sets)
        die("no development set (devN.txt) in the news directory");
    for (int s = 0; s < n_sets; s++) {
        ps[s] = load_set(argv[1], set_names[s], &np[s]);
        rules[s] = xrealloc(NULL, np[s] * sizeof *rules[s]);
    }
    assign_folds(argv[1]);
    if (getenv("TRAIN_FOLD_BY_SET")) /* leave one set out, a check */
        for (int s = 0; s < n_sets && s < N_FOLDS; s++)
            for (size_t i = 0; i < np[s]; i++)
                for (int r = 0; r < N_REPEATS; r++)
                    ps[s][i].folds[r] = s;
    size_t n_pass = 0;
    for (int s = 0; s < n_sets; s++) {
        read_set(s, ps[s], np[s], rules[s]);
        n_pass += np[s];
    }
    printf("%d development sets (", n_sets);
    for (int s = 0; s < n_sets; s++)
        printf("%s%s", s ? ", " : "", set_names[s]);
    printf("), %zu passages, %zu mentions, %zu features; %d folds by "
           "story\n",
           n_pass, n_ments, n_vocab, N_FOLDS);
    if (getenv("TRAIN_GATE")) {
        gate_report();
        return 0;
    }
    if (getenv("TRAIN_ORACLE")) {
        size_t missed = 0, prop = 0, ment = 0;
        for (int s = 0; s < n_sets; s++)
            for (size_t i = 0; i < np[s]; i++) {
                struct tally t = {0};
                score_passage(&ps[s][i], NULL, true, &t, NULL);
                for (size_t g = 0; g < ps[s][i].n_gold; g++) {
                    if (ps[s][i].gold[g].used)
                        continue;
                    missed++;
                    bool any = false, pr = false;
                    for (size_t m = 0; m < n_ments; m++)
                        if (ments[m].set == s && ments[m].passage == (int)i &&
                            strcmp(ments[m].key, ps[s][i].gold[g].key) == 0) {
                            any = true;
                            pr |= ments[m].proposable &&
                                  !has_person(&rules[s][i], ments[m].key);
                        }
                    ment += any;
                    prop += pr;
                    if (!pr)
                        printf("  unreachable %s %s %d%s\n", ps[s][i].id,
                               ps[s][i].gold[g].key, ps[s][i].gold[g].event,
                               any ? " (mentioned)" : "");
                }
            }
        printf("missed by the rules %zu, mentioned in a scored sentence %zu, "
               "proposable %zu\n",
               missed, ment, prop);
        return 0;
    }
    if (ablate) {
        printf("feature groups, each left out (best C and threshold "
               "chosen for each):\n");
        for (int g = -1; g < N_GROUPS; g++) {
            unsigned groups = g < 0 ? (1u << N_GROUPS) - 1
                              : g == 0 ? 1u
                                       : ((1u << N_GROUPS) - 1) & ~(1u << g);
            struct choice ch = cross_validate(groups, false);
            print_choice(g < 0    ? "all groups"
                         : g == 0 ? "only words and triggers (ex17c)"
                                  : group_names[g],
                         &ch);
            fflush(stdout);
        }
    }
    printf("feature groups used:");
    for (int g = 0; g < N_GROUPS; g++)
        if (GROUPS_KEPT & (1u << g))
            printf(" %s;", group_names[g]);
    printf("\n");
    struct choice best = cross_validate(GROUPS_KEPT, true);
    print_choice("chosen", &best);
    {
        size_t nt = N_THR;
        struct choice r = {costs[0], thr_at(nt - 1), 0, pooled(0, nt - 1)};
        r.f1 = f1(&r.t);
        printf("  (at threshold %.2f the model proposes almost nothing: F1 "
               "%.3f, P %.3f, R %.3f)\n",
               r.thr, r.f1, prec(&r.t), rec(&r.t));
    }
    /* Reliability of the model's proposals at that C, per probability
     * bin: a proposal made at threshold t and not at the next one had
     * its best probability in between. */
    size_t bc = 0;
    while (costs[bc] != best.C)
        bc++;
    printf("the model's proposals on the folds at C = %g, by probability "
           "(hits / proposals):\n",
           best.C);
    for (size_t ti = 0; ti < N_THR; ti++) {
        struct tally a = pooled(bc, ti);
        double n = a.learned, h = a.learned_hit;
        if (ti + 1 < N_THR) {
            struct tally b = pooled(bc, ti + 1);
            n -= b.learned, h -= b.learned_hit;
        }
        printf("  [%.2f, %.2f)  %3.0f / %3.0f%s", thr_at(ti),
               ti + 1 < N_THR ? thr_at(ti + 1) : 1.0, h, n,
               n > 0 ? "" : "\n");
        if (n > 0)
            printf("  %.2f\n", h / n);
    }
    /* The model written: every mention, the chosen C and threshold. */
    fit(-1, GROUPS_KEPT, best.C);
    make_rows(best.thr);
    printf("rules alone, and rules and model (trained on every set):\n");
    struct tally all_r = {0}, all_m = {0};
    for (int s = 0; s < n_sets; s++) {
        struct tally r = {0}, m = {0};
        for (size_t i = 0; i < np[s]; i++) {
            score_passage(&ps[s][i], NULL, true, &r, NULL);
            score_passage(&ps[s][i], &rules[s][i], false, &m, NULL);
        }
        char label[64];
        snprintf(label, sizeof label, "%s, rules alone", set_names[s]);
        print_tally(label, &r);
        snprintf(label, sizeof label, "%s, rules and model", set_names[s]);
        print_tally(label, &m);
        all_r.pred += r.pred, all_r.pred_hit += r.pred_hit;
        all_r.gold += r.gold, all_r.gold_hit += r.gold_hit;
        all_m.pred += m.pred, all_m.pred_hit += m.pred_hit;
        all_m.gold += m.gold, all_m.gold_hit += m.gold_hit;
    }
    print_tally("all, rules alone", &all_r);
    print_tally("all, rules and model", &all_m);
    write_model(argv[2]);
    if (calib)
        second_look(&best, argv[2], argv[3]);
    for (int s = 0; s < n_sets; s++)
        for (size_t i = 0; i < np[s]; i++)
            exo_candidate_list_release(&rules[s][i]);
    return 0;
}
