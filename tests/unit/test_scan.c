/*
 * test_scan.c - the screener (src/analysis/scan.c): the plan that spreads
 * organisations over workers, the packing that gathers them, and that a
 * row depends only on its organisation and the scan's seed. On the
 * bundled moves (data/ai-lab-moves.csv: OpenAI 77 departures, Google 26,
 * xAI 9, ...; exodus orgs lists them).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "expect.h"
#include "exodus.h"

static char db_path[256];

static exo_store *bundled_store(void)
{
    exo_store *store = NULL;
    exo_err err = {0};
    exo_import_result result;
    snprintf(db_path, sizeof db_path, "/tmp/exodus-scan-%d.db", (int)getpid());
    unlink(db_path);
    cr_assert_eq(exo_store_open(db_path, EXO_STORE_CREATE, &store, &err),
                 EXO_OK, "%s", err.msg);
    cr_assert_eq(exo_import_file(store, EXO_IMPORT_MOVES,
                                 SOURCE_PATH("data/ai-lab-moves.csv"), NULL,
                                 &result, NULL, &err),
                 EXO_OK, "%s", err.msg);
    return store;
}

static void done(exo_store *store)
{
    exo_store_close(store);
    unlink(db_path);
}

/* Nothing fitted (every organisation below the bar): the plan alone. */
static exo_scan *plan_only(exo_store *store, size_t rank, size_t n_ranks)
{
    exo_scan_opts o;
    exo_scan *s = NULL;
    exo_err err = {0};
    exo_scan_opts_init(&o);
    o.min_departures = 100000;
    o.rank = rank;
    o.n_ranks = n_ranks;
    cr_assert_eq(exo_scan_run(store, &o, &s, &err), EXO_OK, "%s", err.msg);
    return s;
}

/* Largest first to the least-loaded, checked against the rule done by
 * hand on 'exodus orgs' (most departures first; the name breaks ties):
 * OpenAI alone fills rank 0, the others share the rest. */
Test(scan, plan_largest_first_to_least_loaded)
{
    exo_store *store = bundled_store();
    exo_org_list list = {0};
    exo_err err = {0};
    cr_assert_eq(exo_org_list_load(store, &list, &err), EXO_OK);
    double want[3] = {0, 0, 0};
    size_t count[3] = {0, 0, 0};
    /* the list is by departures; among equals by name, as the plan */
    for (size_t i = 0; i < list.n; i++) {
        size_t best = 0;
        for (size_t r = 1; r < 3; r++)
            if (want[r] < want[best])
                best = r;
        want[best] += (double)list.rows[i].n_departures + 1.0;
        count[best]++;
    }
    exo_scan *s = plan_only(store, 0, 3);
    for (size_t r = 0; r < 3; r++) {
        cr_expect_eq(s->rank_load[r], want[r], "rank %zu: %g, want %g", r,
                     s->rank_load[r], want[r]);
        cr_expect_eq(s->rank_orgs[r], count[r]);
    }
    cr_expect_str_eq(list.rows[0].name, "OpenAI");
    cr_expect_eq(s->rank_orgs[0], 1);
    cr_expect_eq(s->n, 1, "rank 0 keeps only its own rows");
    cr_expect_str_eq(s->rows[0].org, "OpenAI");
    exo_org_list_release(&list);
    exo_scan_release(s);
    done(store);
}

/* Every rank's rows packed and merged into rank 0's are the whole scan,
 * in the same order. */
Test(scan, pack_merge_is_the_whole_scan)
{
    exo_store *store = bundled_store();
    exo_scan *whole = plan_only(store, 0, 1);
    exo_scan *part = plan_only(store, 0, 4);
    exo_err err = {0};
    for (size_t r = 1; r < 4; r++) {
        exo_scan *other = plan_only(store, r, 4);
        size_t len = 0;
        void *bytes = exo_scan_pack(other, &len);
        cr_assert_not_null(bytes);
        cr_assert_eq(exo_scan_merge(part, bytes, len, &err), EXO_OK, "%s",
                     err.msg);
        /* a cut-short message is refused, not read past its end */
        if (len > 8)
            cr_expect_eq(exo_scan_merge(part, bytes, len - 1, &err) != EXO_OK,
                         true);
        exo_free(bytes);
        exo_scan_release(other);
    }
    cr_assert_eq(part->n, whole->n, "%zu rows, want %zu", part->n, whole->n);
    for (size_t i = 0; i < whole->n; i++) {
        cr_expect_str_eq(part->rows[i].org, whole->rows[i].org);
        cr_expect_eq(part->rows[i].departures, whole->rows[i].departures);
        cr_expect_str_eq(part->rows[i].note, whole->rows[i].note);
        cr_expect_str_eq(part->rows[i].label, whole->rows[i].label);
    }
    exo_scan_release(whole);
    exo_scan_release(part);
    done(store);
}

/* A row is its organisation's own: scanning OpenAI alone or with every
 * other organisation gives the same n to the bit, and its seed is the
 * one the row reports. */
Test(scan, row_independent_of_the_others)
{
    exo_store *store = bundled_store();
    exo_scan_opts o;
    exo_scan *all = NULL, *one = NULL;
    exo_err err = {0};
    exo_scan_opts_init(&o);
    o.spiral.bootstrap = 39;
    o.spiral.imputations = 2;
    o.spiral.paths = 1000;
    cr_assert_eq(exo_scan_run(store, &o, &all, &err), EXO_OK, "%s", err.msg);
    const char *names[] = {"openai"};
    o.orgs = names;
    o.n_orgs = 1;
    cr_assert_eq(exo_scan_run(store, &o, &one, &err), EXO_OK, "%s", err.msg);
    cr_assert_eq(one->n, 1);
    const exo_scan_row *a = NULL;
    for (size_t i = 0; i < all->n; i++)
        if (strcmp(all->rows[i].org, "OpenAI") == 0)
            a = &all->rows[i];
    cr_assert_not_null(a);
    cr_expect(a->fitted);
    cr_expect_eq(memcmp(&a->n, &one->rows[0].n, sizeof a->n), 0);
    cr_expect_eq(a->seed, one->rows[0].seed);
    exo_spiral_opts so = o.spiral;
    exo_spiral *s = NULL;
    so.seed = a->seed;
    cr_assert_eq(exo_spiral_analyze(store, "OpenAI", &so, &s, &err), EXO_OK);
    cr_expect_eq(memcmp(&a->n, &s->n, sizeof a->n), 0);
    exo_spiral_release(s);
    exo_scan_release(all);
    exo_scan_release(one);
    done(store);
}
