/*
 * train.c - trains the learned reader of `exodus extract` (ex17c) and
 * writes data/extract-model.csv.
 *
 *   build/train-extract tests/extract/news data/extract-model.csv
 *
 * Each person mention the extractor reads in a development passage
 * (dev, dev2) is an example: its features are the words around it
 * (extract.c, mention_features) and its labels the events the passage's
 * gold rows give its person. One L2-regularised logistic regression per
 * event (liblinear), the cost C chosen by 5-fold cross-validation on
 * dev+dev2. The third development set (dev3) chooses the probability
 * threshold: the one that gives the best event F1 of rules plus model on
 * it. The test set is never read. Prints the cross-validation and each
 * set's F1 so the choice can be checked.
 */
#include <linear.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hmap.h"
#include "core/utf8.h"
#include "ingest/extract.h"

#define K EXO__N_LEARNED

struct gold {
    char *key;
    int event;
    bool to_org;
    bool used;
};

struct passage {
    char *text;
    exo_date date;
    struct gold *gold;
    size_t n_gold;
};

struct ment {
    int set, passage;
    char *key;
    size_t para;
    int *feat; /* vocabulary indices, 1-based, sorted, unique */
    size_t n_feat;
    unsigned labels; /* bit k: the person's gold rows have event k */
    bool proposable; /* not in a sentence where the rules found a move */
};

static struct hmap vocab = HMAP_INIT;
static char **vocab_names;
static size_t n_vocab;
static struct ment *ments;
static size_t n_ments;
static bool grow_vocab = true;

static void die(const char *what)
{
    fprintf(stderr, "train-extract: %s\n", what);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "train-extract: cannot open %s\n", path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = xrealloc(NULL, (size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n)
        die("short read");
    s[n] = 0;
    fclose(f);
    return s;
}

static int event_of(const char *s)
{
    static const char *names[K] = {"left",     "joined", "sabbatical",
                                   "returned", "fired",  "founded"};
    for (int k = 0; k < K; k++)
        if (strcmp(s, names[k]) == 0)
            return k;
    return -1;
}

/* X.txt ("=== ID date=D" then the passage) and X-gold.csv. */
static struct passage *load_set(const char *dir, const char *name, size_t *n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.txt", dir, name);
    char *all = read_all(path);
    struct passage *ps = NULL;
    char **ids = NULL;
    size_t np = 0;
    for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "=== ", 4) == 0) {
            ps = xrealloc(ps, (np + 1) * sizeof *ps);
            ids = xrealloc(ids, (np + 1) * sizeof *ids);
            memset(&ps[np], 0, sizeof ps[np]);
            char *sp = strchr(line + 4, ' ');
            if (!sp || strncmp(sp, " date=", 6))
                die("bad passage header");
            *sp = 0;
            ids[np] = strdup(line + 4);
            if (exo_date_parse(sp + 6, &ps[np].date, NULL))
                die("bad passage date");
            ps[np].text = strdup("");
            np++;
        } else if (np && line[0] != '#') {
            char *t = ps[np - 1].text;
            size_t a = strlen(t), b = strlen(line);
            t = xrealloc(t, a + b + 2);
            memcpy(t + a, line, b);
            t[a + b] = '\n';
            t[a + b + 1] = 0;
            ps[np - 1].text = t;
        }
    }
    free(all);
    snprintf(path, sizeof path, "%s/%s-gold.csv", dir, name);
    all = read_all(path);
    for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[8] = {0};
        size_t nf = 0;
        for (char *c = line; nf < 8; nf++) {
            f[nf] = c;
            c = strchr(c, ',');
            if (!c)
                break;
            *c++ = 0;
        }
        if (nf < 7 || strcmp(f[0], "id") == 0)
            continue;
        int ev = event_of(f[4]);
        size_t i = 0;
        while (i < np && strcmp(ids[i], f[0]))
            i++;
        if (i == np || ev < 0)
            die("gold row of an unknown passage or event");
        struct passage *p = &ps[i];
        p->gold = xrealloc(p->gold, (p->n_gold + 1) * sizeof *p->gold);
        p->gold[p->n_gold++] =
            (struct gold){exo__name_key(f[1]), ev, f[3][0] != 0, false};
    }
    free(all);
    for (size_t i = 0; i < np; i++)
        free(ids[i]);
    free(ids);
    *n = np;
    return ps;
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
    ments[n_ments++] =
        (struct ment){c->set, c->passage, exo__name_key(person), para, NULL, 0,
                      0,      proposable};
}

static void on_feature(void *ctx, const char *feature)
{
    struct collect *c = ctx;
    int64_t v;
    if (!exo__hmap_get(&vocab, feature, &v)) {
        if (!grow_vocab)
            return;
        v = (int64_t)++n_vocab;
        if (exo__hmap_put(&vocab, feature, v))
            die("out of memory");
        vocab_names = xrealloc(vocab_names, (n_vocab + 1) * sizeof(char *));
        vocab_names[n_vocab] = strdup(feature);
    }
    for (size_t i = 0; i < c->n_feat; i++)
        if (c->feat[i] == (int)v)
            return;
    c->feat = xrealloc(c->feat, (c->n_feat + 1) * sizeof *c->feat);
    c->feat[c->n_feat++] = (int)v;
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
        struct exo__learn_hooks h = {on_mention, on_feature, &c, true};
        size_t first = n_ments;
        if (exo__extract_learn(ps[i].text, strlen(ps[i].text), &opts, &h,
                               &rules[i], NULL))
            die("extract failed");
        flush_mention(&c);
        free(c.feat);
        for (size_t m = first; m < n_ments; m++) {
            qsort(ments[m].feat, ments[m].n_feat, sizeof(int), int_cmp);
            for (size_t g = 0; g < ps[i].n_gold; g++)
                if (strcmp(ps[i].gold[g].key, ments[m].key) == 0)
                    ments[m].labels |= 1u << ps[i].gold[g].event;
        }
    }
}

/* ---- liblinear ---- */

static struct feature_node **xs;
static double *w[K], bias[K];

static void make_nodes(void)
{
    xs = xrealloc(NULL, n_ments * sizeof *xs);
    for (size_t m = 0; m < n_ments; m++) {
        struct feature_node *x =
            xrealloc(NULL, (ments[m].n_feat + 2) * sizeof *x);
        size_t j = 0;
        for (; j < ments[m].n_feat; j++)
            x[j] = (struct feature_node){ments[m].feat[j], 1.0};
        x[j++] = (struct feature_node){(int)n_vocab + 1, 1.0}; /* bias */
        x[j] = (struct feature_node){-1, 0};
        xs[m] = x;
    }
}

static void quiet(const char *s)
{
    (void)s;
}

/* The training examples: mentions of the sets in 'sets' (bits). */
static struct problem problem_for(unsigned sets, int k, double *y)
{
    struct problem p = {0, (int)n_vocab + 1, y, NULL, -1};
    p.x = xrealloc(NULL, n_ments * sizeof *p.x);
    for (size_t m = 0; m < n_ments; m++) {
        if (!(sets & (1u << ments[m].set)))
            continue;
        p.y[p.l] = (ments[m].labels >> k) & 1 ? 1 : -1;
        p.x[p.l++] = xs[m];
    }
    return p;
}

static double cv_f1(unsigned sets, double C)
{
    double tp = 0, fp = 0, fn = 0;
    double *y = xrealloc(NULL, n_ments * sizeof *y);
    double *target = xrealloc(NULL, n_ments * sizeof *target);
    for (int k = 0; k < K; k++) {
        struct problem p = problem_for(sets, k, y);
        struct parameter par = {L2R_LR, 0.01, C, 0, NULL, NULL, 0.1, NULL};
        bool any = false;
        for (int i = 0; i < p.l; i++)
            any |= p.y[i] > 0;
        if (any) {
            cross_validation(&p, &par, 5, target);
            for (int i = 0; i < p.l; i++) {
                tp += target[i] > 0 && p.y[i] > 0;
                fp += target[i] > 0 && p.y[i] < 0;
                fn += target[i] < 0 && p.y[i] > 0;
            }
        }
        free(p.x);
    }
    free(y);
    free(target);
    return tp ? 2 * tp / (2 * tp + fp + fn) : 0;
}

static void fit(unsigned sets, double C)
{
    double *y = xrealloc(NULL, n_ments * sizeof *y);
    for (int k = 0; k < K; k++) {
        struct problem p = problem_for(sets, k, y);
        struct parameter par = {L2R_LR, 0.01, C, 0, NULL, NULL, 0.1, NULL};
        w[k] = xrealloc(NULL, (n_vocab + 2) * sizeof(double));
        memset(w[k], 0, (n_vocab + 2) * sizeof(double));
        bias[k] = -20; /* an event never seen is never proposed */
        bool any = false;
        for (int i = 0; i < p.l; i++)
            any |= p.y[i] > 0;
        if (any) {
            struct model *mo = train(&p, &par);
            /* liblinear's weights are for its first label */
            double sign = mo->label[0] == 1 ? 1 : -1;
            for (size_t j = 0; j < n_vocab; j++)
                w[k][j + 1] = sign * mo->w[j];
            bias[k] = sign * mo->w[n_vocab];
            free_and_destroy_model(&mo);
        }
        free(p.x);
    }
    free(y);
}

/* ---- rules plus model, scored as the unit tests score ---- */

struct tally {
    double pred, pred_hit, gold, gold_hit;
};

static bool match(struct gold *g, size_t n, const char *key, int event)
{
    for (size_t i = 0; i < n; i++) {
        bool mv = (g[i].event == 0 || g[i].event == 1) &&
                  (event == 0 || event == 1) && g[i].to_org;
        if (!g[i].used && strcmp(g[i].key, key) == 0 &&
            (g[i].event == event || mv)) {
            g[i].used = true;
            return true;
        }
    }
    return false;
}

static double prob(const struct ment *m, int k)
{
    double z = bias[k];
    for (size_t j = 0; j < m->n_feat; j++)
        z += w[k][m->feat[j]];
    return 1 / (1 + exp(-z));
}

/* F1 of the rules' candidates plus, for each person the rules found
 * nothing for, the model's best event per paragraph at 'thr'. */
static double pipeline_f1(int set, struct passage *ps, size_t n,
                          exo_candidate_list *rules, double thr)
{
    struct tally t = {0};
    for (size_t i = 0; i < n; i++) {
        for (size_t g = 0; g < ps[i].n_gold; g++)
            ps[i].gold[g].used = false;
        t.gold += (double)ps[i].n_gold;
        char **found = NULL; /* the keys the rules found */
        size_t n_found = 0, n_prop = 0;
        const char **prop = NULL; /* the model's proposals */
        int *prop_k = NULL;
        for (size_t c = 0; c < rules[i].n; c++) {
            char *key = exo__name_key(rules[i].rows[c].person);
            found = xrealloc(found, (n_found + 1) * sizeof *found);
            found[n_found++] = key;
            t.pred++;
            t.pred_hit += match(ps[i].gold, ps[i].n_gold, key,
                                (int)rules[i].rows[c].event);
        }
        /* the model: best probability per (person, paragraph, event) */
        for (size_t m = 0; m < n_ments; m++) {
            if (ments[m].set != set || ments[m].passage != (int)i)
                continue;
            bool seen = false;
            for (size_t f = 0; f < n_found; f++)
                seen |= strcmp(found[f], ments[m].key) == 0;
            for (size_t e = 0; e < m && !seen; e++)
                seen = ments[e].set == set && ments[e].passage == (int)i &&
                       ments[e].para == ments[m].para &&
                       strcmp(ments[e].key, ments[m].key) == 0;
            if (seen)
                continue;
            double best = 0;
            int best_k = 0;
            for (size_t e = m; e < n_ments; e++) {
                if (ments[e].set != set || ments[e].passage != (int)i ||
                    ments[e].para != ments[m].para ||
                    strcmp(ments[e].key, ments[m].key))
                    continue;
                for (int k = 0; k < K && ments[e].proposable; k++) {
                    double p = prob(&ments[e], k);
                    if (p > best)
                        best = p, best_k = k;
                }
            }
            if (best < thr)
                continue;
            /* one proposal per person and event, as emit merges them */
            bool dup = false;
            for (size_t q = 0; q < n_prop && !dup; q++)
                dup = prop_k[q] == best_k && strcmp(prop[q], ments[m].key) == 0;
            if (dup)
                continue;
            prop = xrealloc(prop, (n_prop + 1) * sizeof *prop);
            prop_k = xrealloc(prop_k, (n_prop + 1) * sizeof *prop_k);
            prop[n_prop] = ments[m].key;
            prop_k[n_prop++] = best_k;
            t.pred++;
            bool hit = match(ps[i].gold, ps[i].n_gold, ments[m].key, best_k);
            t.pred_hit += hit;
            if (getenv("TRAIN_VERBOSE") && thr < 1)
                printf("      %s %zu %s %d %.2f %s\n", "proposal", i,
                       ments[m].key, best_k, best, hit ? "hit" : "extra");
        }
        for (size_t f = 0; f < n_found; f++)
            free(found[f]);
        free(found);
        free(prop);
        free(prop_k);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t g = 0; g < ps[i].n_gold; g++)
            t.gold_hit += ps[i].gold[g].used;
    double P = t.pred ? t.pred_hit / t.pred : 1, R = t.gold_hit / t.gold;
    printf("    P %.3f R %.3f F1 %.3f (%.0f/%.0f predicted, %.0f/%.0f gold)\n",
           P, R, P + R ? 2 * P * R / (P + R) : 0, t.pred_hit, t.pred,
           t.gold_hit, t.gold);
    return P + R ? 2 * P * R / (P + R) : 0;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(vocab_names[*(const int *)a], vocab_names[*(const int *)b]);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: train-extract NEWS-DIR OUT.csv\n");
        return 2;
    }
    set_print_string_function(quiet);
    static const char *names[3] = {"dev", "dev2", "dev3"};
    struct passage *ps[3];
    size_t np[3];
    exo_candidate_list *rules[3];
    for (int s = 0; s < 3; s++) {
        ps[s] = load_set(argv[1], names[s], &np[s]);
        rules[s] = xrealloc(NULL, np[s] * sizeof *rules[s]);
        /* dev3 chooses the threshold only: its words do not enter the
         * vocabulary, as a text the model never saw would not. */
        grow_vocab = s < 2;
        read_set(s, ps[s], np[s], rules[s]);
    }
    make_nodes();
    size_t n_train = 0;
    for (size_t m = 0; m < n_ments; m++)
        n_train += ments[m].set < 2;
    printf("%zu training mentions (dev, dev2), %zu features\n", n_train,
           n_vocab);
    const double costs[] = {0.1, 0.3, 1, 3, 10, 30, 100};
    double best_c = 1, best_f = -1;
    for (size_t i = 0; i < sizeof costs / sizeof costs[0]; i++) {
        double f = cv_f1(3u, costs[i]);
        printf("  C %-5g 5-fold cross-validated mention F1 %.3f\n", costs[i],
               f);
        if (f > best_f + 1e-9)
            best_f = f, best_c = costs[i];
    }
    printf("C = %g\n", best_c);
    fit(3u, best_c);
    double best_thr = 0.5, best_dev3 = -1;
    for (double thr = 0.30; thr < 0.951; thr += 0.05) {
        printf("  threshold %.2f on dev3:\n", thr);
        double f = pipeline_f1(2, ps[2], np[2], rules[2], thr);
        if (f > best_dev3 + 1e-9)
            best_dev3 = f, best_thr = thr;
    }
    printf("threshold = %.2f\nrules alone (threshold above 1):\n", best_thr);
    for (int s = 0; s < 3; s++) {
        printf("  %s\n", names[s]);
        pipeline_f1(s, ps[s], np[s], rules[s], 2);
    }
    printf("rules and model:\n");
    for (int s = 0; s < 3; s++) {
        printf("  %s%s\n", names[s], s < 2 ? " (trained on)" : "");
        pipeline_f1(s, ps[s], np[s], rules[s], best_thr);
    }
    /* The weights that matter, sorted as strcmp sorts for bsearch. */
    int *order = xrealloc(NULL, (n_vocab + 2) * sizeof *order);
    size_t n_out = 0;
    for (size_t j = 1; j <= n_vocab; j++) {
        double mx = 0;
        for (int k = 0; k < K; k++)
            mx = fmax(mx, fabs(w[k][j]));
        if (mx >= 1e-3)
            order[n_out++] = (int)j;
    }
    vocab_names[0] = "(bias)";
    order[n_out++] = 0;
    n_vocab++;
    vocab_names = xrealloc(vocab_names, (n_vocab + 1) * sizeof(char *));
    vocab_names[n_vocab] = "(threshold)";
    order[n_out++] = (int)n_vocab;
    qsort(order, n_out, sizeof *order, name_cmp);
    FILE *out = fopen(argv[2], "w");
    if (!out)
        die("cannot write the model");
    fprintf(out, "feature,left,joined,sabbatical,returned,fired,founded\n");
    for (size_t i = 0; i < n_out; i++) {
        int j = order[i];
        fprintf(out, "%s", vocab_names[j]);
        for (int k = 0; k < K; k++)
            fprintf(out, ",%.6g",
                    j == 0              ? bias[k]
                    : j == (int)n_vocab ? best_thr
                                        : w[k][j]);
        fprintf(out, "\n");
    }
    fclose(out);
    printf("%zu rows written to %s\n", n_out, argv[2]);
    return 0;
}
