/*
 * test_flows.c - the flows model on data small enough to check by hand:
 * the matrix, balances and pair order, the exact ratio interval against
 * values derived here from the binomial tail, SpringRank on a 3-node
 * example solved by hand; and the store query on the bundled AI-lab moves
 * against counts taken from the CSV file by separate code.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"

/* P(Binomial(n, p) >= k), summed directly. */
static double binom_upper_tail(int n, int k, double p)
{
    double sum = 0.0;
    for (int i = k; i <= n; i++) {
        double c = 1.0;
        for (int j = 1; j <= i; j++)
            c = c * (n - i + j) / j;
        sum += c * pow(p, i) * pow(1.0 - p, n - i);
    }
    return sum;
}

Test(flows, ratio_interval_matches_the_binomial_tail)
{
    /* k = 8 one way, m = 1 back, n = 9. Clopper-Pearson: p_lo solves
     * P(K >= 8 | p) = 0.025 (found by bisection here), p_hi solves
     * P(K <= 8 | p) = 1 - p^9 = 0.025, so p_hi = 0.975^(1/9). */
    double a = 0.0, b = 1.0;
    for (int it = 0; it < 200; it++) {
        double mid = 0.5 * (a + b);
        if (binom_upper_tail(9, 8, mid) < 0.025)
            a = mid;
        else
            b = mid;
    }
    double p_lo = 0.5 * (a + b), p_hi = pow(0.975, 1.0 / 9.0);
    double lo, hi;
    cr_expect_not(exo_rate_ratio_ci(8, 1, 0.95, &lo, &hi));
    expect_rel(lo, p_lo / (1.0 - p_lo), 1e-9, "lower end of 8:1");
    expect_rel(hi, p_hi / (1.0 - p_hi), 1e-9, "upper end of 8:1");
    /* Swapping the directions inverts the interval. */
    double lo2, hi2;
    exo_rate_ratio_ci(1, 8, 0.95, &lo2, &hi2);
    expect_rel(lo2, 1.0 / hi, 1e-9, "1:8 lower = 1 / (8:1 upper)");
    expect_rel(hi2, 1.0 / lo, 1e-9, "1:8 upper = 1 / (8:1 lower)");
}

Test(flows, ratio_interval_is_two_sided_with_a_zero)
{
    double lo, hi;
    /* 5:0. P(K = 5) = p^5 = 0.025 at the lower end of the two-sided 95%
     * interval (R: binom.test(5, 5)$conf.int[1] = 0.025^(1/5)). */
    double p = pow(0.025, 0.2);
    cr_expect(exo_rate_ratio_ci(5, 0, 0.95, &lo, &hi));
    expect_rel(lo, p / (1.0 - p), 1e-12, "5:0 lower end");
    cr_expect(isinf(hi));
    /* 0:4. P(K = 0) = (1 - p)^4 = 0.025 at the upper end. */
    double q = pow(0.025, 0.25);
    cr_expect(exo_rate_ratio_ci(0, 4, 0.95, &lo, &hi));
    expect_abs(lo, 0.0, 0.0, "0:4 lower");
    expect_rel(hi, (1.0 - q) / q, 1e-12, "0:4 upper end");
    exo_rate_ratio_ci(0, 0, 0.95, &lo, &hi);
    cr_expect(isnan(lo) && isnan(hi));
}

Test(flows, springrank_three_nodes_by_hand)
{
    /* Moves A->B twice, B->C once, A->C once; A[i][j] counts i over j,
     * so A[B][A] = 2, A[C][B] = 1, A[C][A] = 1. Then
     *   L = [[3,-2,-1],[-2,3,-1],[-1,-1,2]], b = (-3, 1, 2),
     * and L s = b with s summing to 0 gives s = (-11/15, 1/15, 2/3). */
    double A[9] = {0, 0, 0, 2, 0, 0, 1, 1, 0};
    double s[3];
    cr_assert_eq(exo_springrank(3, A, 0.0, s, NULL), EXO_OK);
    expect_rel(s[0], -11.0 / 15.0, 1e-12, "s_A");
    expect_rel(s[1], 1.0 / 15.0, 1e-12, "s_B");
    expect_rel(s[2], 2.0 / 3.0, 1e-12, "s_C");
}

Test(flows, springrank_centres_each_component)
{
    /* Two separate pairs: 1 over 0 three times, 3 over 2 once. For one
     * pair with w votes, w (s_1 - s_0) = w, so they sit at -1/2, +1/2. */
    double A[16] = {0};
    A[1 * 4 + 0] = 3;
    A[3 * 4 + 2] = 1;
    double s[4];
    cr_assert_eq(exo_springrank(4, A, 0.0, s, NULL), EXO_OK);
    expect_rel(s[0], -0.5, 1e-12, "s_0");
    expect_rel(s[1], 0.5, 1e-12, "s_1");
    expect_rel(s[2], -0.5, 1e-12, "s_2");
    expect_rel(s[3], 0.5, 1e-12, "s_3");
    /* With alpha = 1 and w = 1: (1 + 1) s_3 - s_2 = 1 and
     * (1 + 1) s_2 - s_3 = -1, so s_3 = 1/3 and s_2 = -1/3. */
    cr_assert_eq(exo_springrank(4, A, 1.0, s, NULL), EXO_OK);
    expect_rel(s[3], 1.0 / 3.0, 1e-12, "regularised s_3");
    expect_rel(s[2], -1.0 / 3.0, 1e-12, "regularised s_2");
}

Test(flows, matrix_balances_and_pairs_by_hand)
{
    /* Orgs 0 A, 1 B, 2 C, 3 D. Moves (unsorted on purpose):
     * A->B founder, A->B ic, B->A exec, A->C lead (inferred), C->D ic,
     * A->B board. */
    int from[6] = {0, 0, 1, 0, 2, 0}, to[6] = {1, 1, 0, 2, 3, 1};
    exo_level level[6] = {EXO_LEVEL_FOUNDER, EXO_LEVEL_IC, EXO_LEVEL_EXEC,
                          EXO_LEVEL_LEAD,    EXO_LEVEL_IC, EXO_LEVEL_BOARD};
    bool inferred[6] = {false, false, false, true, false, false};
    double day[6] = {300, 100, 200, 400, 50, 250};
    /* Spells: A has 4 people open over the whole window [50, 400] (the
     * span of the moves), B has 1; C and D have none. */
    int sorg[5] = {0, 0, 0, 0, 1};
    double sstart[5] = {0, 0, 0, 0, 0};
    double send[5] = {TEST_NAN, TEST_NAN, TEST_NAN, TEST_NAN, TEST_NAN};
    exo_flow_opts opts;
    exo_flow_opts_init(&opts);
    exo_flows f;
    exo_flow_data d = {.n_orgs = 4,
                       .n = 6,
                       .from = from,
                       .to = to,
                       .day = day,
                       .level = level,
                       .inferred = inferred,
                       .n_spells = 5,
                       .spell_org = sorg,
                       .spell_start = sstart,
                       .spell_end = send};
    cr_assert_eq(exo_flows_compute(&d, &opts, &f, NULL), EXO_OK);
    cr_expect_eq(f.n_moves, 6);
    cr_expect_eq(f.n_inferred, 1);
    cr_expect_eq(f.count[0 * 4 + 1], 3);
    cr_expect_eq(f.count[1 * 4 + 0], 1);
    cr_expect_eq(f.count[0 * 4 + 2], 1);
    cr_expect_eq(f.count[2 * 4 + 3], 1);
    cr_expect_eq(f.count[3 * 4 + 0], 0);
    expect_rel(f.weighted[0 * 4 + 1], 5 + 1 + 1, 1e-12, "weighted A->B");
    expect_rel(f.weighted[1 * 4 + 0], 3, 1e-12, "weighted B->A");
    cr_expect_eq(f.orgs[0].out, 4);
    cr_expect_eq(f.orgs[0].in, 1);
    cr_expect_eq(f.orgs[0].net, -3);
    expect_rel(f.orgs[0].w_net, 3 - (7 + 2), 1e-12, "weighted net of A");
    cr_expect_eq(f.orgs[3].net, 1);
    expect_rel(f.t_start, 50, 1e-12, "window start");
    expect_rel(f.t_end, 400, 1e-12, "window end");
    expect_rel(f.orgs[0].headcount, 4, 1e-12, "headcount of A");
    expect_rel(f.orgs[1].headcount, 1, 1e-12, "headcount of B");
    cr_expect(isnan(f.orgs[2].headcount));
    /* Pairs by net: A->B (3:1, net 2), then A->C and C->D (net 1 each;
     * weighted 2 beats 1). */
    cr_assert_eq(f.n_pairs, 3);
    cr_expect_eq(f.pairs[0].a, 0);
    cr_expect_eq(f.pairs[0].b, 1);
    cr_expect_eq(f.pairs[0].ab, 3);
    cr_expect_eq(f.pairs[0].ba, 1);
    expect_rel(f.pairs[0].ratio, 3.0, 1e-12, "ratio A:B");
    cr_expect(f.pairs[0].has_per_head);
    /* (3 / 4) / (1 / 1) */
    expect_rel(f.pairs[0].per_head, 0.75, 1e-12, "per-head ratio A:B");
    double lo, hi;
    exo_rate_ratio_ci(3, 1, 0.95, &lo, &hi);
    expect_rel(f.pairs[0].ratio_lo, lo, 1e-12, "pair interval");
    expect_rel(f.pairs[0].per_head_hi, hi * 0.25, 1e-12, "per-head upper");
    cr_expect_eq(f.pairs[1].a, 0);
    cr_expect_eq(f.pairs[1].b, 2);
    cr_expect_eq(f.pairs[1].ab_inferred, 1);
    cr_expect(f.pairs[1].unbounded);
    cr_expect(isinf(f.pairs[1].ratio));
    cr_expect_eq(f.pairs[2].a, 2);
    cr_expect_eq(f.pairs[2].b, 3);
    cr_expect(!f.pairs[2].has_per_head);
    /* Every rank is a position; A, the net exporter, ranks last. */
    cr_expect_eq(f.orgs[0].rank_pos, 4);
    cr_expect_eq(f.by_rank[3], 0);
    exo_flows_release(&f);
}

Test(flows, bad_input_is_einval)
{
    int from[1] = {0}, to[1] = {0};
    exo_err err = {0};
    exo_flows f;
    exo_flow_data d = {.n_orgs = 2, .n = 1, .from = from, .to = to};
    cr_expect_eq(exo_flows_compute(&d, NULL, &f, &err), EXO_EINVAL);
    cr_expect_eq(exo_flows_compute(NULL, NULL, &f, &err), EXO_EINVAL);
    exo_flow_opts opts;
    exo_flow_opts_init(&opts);
    opts.weights[EXO_LEVEL_IC] = -1;
    to[0] = 1;
    cr_expect_eq(exo_flows_compute(&d, &opts, &f, &err), EXO_EINVAL);
}

/* ==== The bundled data ==== */

/* Splits one CSV line into at most 'max' fields (quotes, "" escapes). */
static int csv_fields(const char *line, char fields[][128], int max)
{
    int n = 0;
    const char *p = line;
    while (n < max) {
        size_t len = 0;
        bool quoted = *p == '"';
        if (quoted)
            p++;
        while (*p && (quoted || (*p != ',' && *p != '\n' && *p != '\r'))) {
            if (quoted && *p == '"') {
                if (p[1] == '"') {
                    p++;
                } else {
                    quoted = false;
                    p++;
                    continue;
                }
            }
            if (len < 127)
                fields[n][len++] = *p;
            p++;
        }
        fields[n][len] = '\0';
        n++;
        if (*p != ',')
            break;
        p++;
    }
    return n;
}

struct triple {
    char person[128], from[128], to[128];
};

static size_t org_index(const exo_flow_data *d, const char *name)
{
    for (size_t i = 0; i < d->n_orgs; i++)
        if (strcmp(d->orgs[i], name) == 0)
            return i;
    return (size_t)-1;
}

Test(flows, ai_lab_counts_match_the_csv)
{
    /* Independent count: distinct (person, from, to) with both ends named
     * in data/ai-lab-moves.csv. No one in the file made the same move
     * twice, so each distinct triple is one move (its two reports, such
     * as "left OpenAI for Anthropic" and "founded Anthropic", fold). */
    FILE *fp = fopen(SOURCE_PATH("data/ai-lab-moves.csv"), "r");
    cr_assert(fp);
    static struct triple seen[1024];
    size_t n_seen = 0;
    char line[4096], f[4][128];
    cr_assert(fgets(line, sizeof line, fp));
    while (fgets(line, sizeof line, fp)) {
        if (csv_fields(line, f, 3) < 3 || !f[1][0] || !f[2][0] ||
            strcmp(f[1], f[2]) == 0)
            continue;
        bool dup = false;
        for (size_t i = 0; i < n_seen && !dup; i++)
            dup = strcmp(seen[i].person, f[0]) == 0 &&
                  strcmp(seen[i].from, f[1]) == 0 &&
                  strcmp(seen[i].to, f[2]) == 0;
        if (!dup && n_seen < 1024) {
            memcpy(seen[n_seen].person, f[0], 128);
            memcpy(seen[n_seen].from, f[1], 128);
            memcpy(seen[n_seen].to, f[2], 128);
            n_seen++;
        }
    }
    fclose(fp);

    char db_path[64];
    snprintf(db_path, sizeof db_path, "/tmp/exodus-flows-%d.db", (int)getpid());
    unlink(db_path);
    exo_store *store;
    exo_err err = {0};
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK);
    exo_import_result res;
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 SOURCE_PATH("data/ai-lab-moves.csv"), NULL,
                                 &res, NULL, &err),
                 EXO_OK, "%s", err.msg);
    exo_flow_data d;
    cr_assert_eq(exo_flow_data_load(store, NULL, 0.0, &d, &err), EXO_OK, "%s",
                 err.msg);
    cr_expect_eq(d.n, n_seen, "moves: %zu, the CSV implies %zu", d.n, n_seen);
    exo_flows fl;
    cr_assert_eq(exo_flows_compute(&d, NULL, &fl, &err), EXO_OK);
    /* Every ordered pair's count is its number of distinct triples. */
    for (size_t i = 0; i < n_seen; i++) {
        size_t a = org_index(&d, seen[i].from), b = org_index(&d, seen[i].to);
        cr_assert(a != (size_t)-1 && b != (size_t)-1, "%s -> %s missing",
                  seen[i].from, seen[i].to);
        size_t want = 0;
        for (size_t k = 0; k < n_seen; k++)
            want += strcmp(seen[k].from, seen[i].from) == 0 &&
                    strcmp(seen[k].to, seen[i].to) == 0;
        cr_expect_eq(fl.count[a * d.n_orgs + b], want,
                     "%s -> %s: %zu, "
                     "CSV %zu",
                     seen[i].from, seen[i].to, fl.count[a * d.n_orgs + b],
                     want);
    }
    /* The headline pairs, spelled out. */
    size_t oai = org_index(&d, "OpenAI"), ant = org_index(&d, "Anthropic");
    size_t msl = org_index(&d, "Meta Superintelligence Labs");
    size_t n_oai_ant = 0, n_oai_msl = 0;
    for (size_t i = 0; i < n_seen; i++) {
        n_oai_ant += strcmp(seen[i].from, "OpenAI") == 0 &&
                     strcmp(seen[i].to, "Anthropic") == 0;
        n_oai_msl += strcmp(seen[i].from, "OpenAI") == 0 &&
                     strcmp(seen[i].to, "Meta Superintelligence Labs") == 0;
    }
    cr_expect_eq(fl.count[oai * d.n_orgs + ant], n_oai_ant);
    cr_expect_eq(fl.count[ant * d.n_orgs + oai], 0);
    cr_expect_eq(fl.count[oai * d.n_orgs + msl], n_oai_msl);
    cr_expect_eq(n_oai_ant, 10);
    cr_expect_eq(n_oai_msl, 13);
    exo_flows_release(&fl);
    exo_flow_data_release(&d);
    exo_store_close(store);
    unlink(db_path);
}
