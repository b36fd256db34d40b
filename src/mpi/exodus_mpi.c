/*
 * exodus_mpi.c - exodus-mpi, the CLI under MPI (built by 'make mpi' only,
 * so the plain exodus never needs MPI). Two commands:
 *
 *   mpirun -np R exodus-mpi [--db PATH] [--timing] scan [scan options]
 *       'exodus scan' with the organisations spread over the ranks by
 *       the plan of exo_scan_run (largest first to the least-loaded
 *       rank); rank 0 gathers the rows and prints what exodus prints,
 *       byte for byte, for any R.
 *   mpirun -np R exodus-mpi [--timing] cox --data FILE --time COL
 *       --event COL --cox TERMS [--start COL] [--ties efron|breslow]
 *       [--shard rows|strata] [--check]
 *       exo_cox_fit_dist with the file's rows dealt to the ranks (row i to
 *       rank i mod R, or by stratum); rank 0 prints the fit as JSON, and
 *       with --check the largest difference from exo_cox_fit on all rows.
 *
 * Every rank reads the store or the file itself (a shared file system, as
 * a cluster's); the ranks exchange only rows of the table and sums.
 * --timing: each rank's load and wall time, on rank 0's stderr.
 */
#include <math.h>
#include <mpi.h>
#include <string.h>

#include "cli.h"

static int mpi_rank, mpi_size;
static struct cli_dist dist;
static bool timing;
static double t_start;

/* Adds over the ranks, then rank 0's bits go to all (Reduce + Bcast), so
 * every rank takes the same Newton steps. */
static int mpi_sum(double *buf, size_t n, void *ud)
{
    (void)ud;
    if (n > (size_t)INT32_MAX)
        return -1;
    double *tmp = mpi_rank == 0 ? malloc((n ? n : 1) * sizeof *tmp) : NULL;
    if (mpi_rank == 0 && !tmp)
        return -1;
    int rc =
        MPI_Reduce(buf, tmp, (int)n, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rc == MPI_SUCCESS && mpi_rank == 0)
        memcpy(buf, tmp, n * sizeof *buf);
    free(tmp);
    if (rc == MPI_SUCCESS)
        rc = MPI_Bcast(buf, (int)n, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    return rc == MPI_SUCCESS ? 0 : -1;
}

static int mpi_gather(const double *mine, size_t n, double **all, size_t *n_all,
                      void *ud)
{
    (void)ud;
    int cnt = (int)n;
    int *cnts = malloc((size_t)mpi_size * sizeof *cnts);
    int *displ = malloc((size_t)mpi_size * sizeof *displ);
    *all = NULL;
    if (!cnts || !displ ||
        MPI_Allgather(&cnt, 1, MPI_INT, cnts, 1, MPI_INT, MPI_COMM_WORLD) !=
            MPI_SUCCESS) {
        free(cnts);
        free(displ);
        return -1;
    }
    size_t tot = 0;
    for (int r = 0; r < mpi_size; r++) {
        displ[r] = (int)tot;
        tot += (size_t)cnts[r];
    }
    *all = malloc((tot ? tot : 1) * sizeof **all);
    int rc = *all ? MPI_Allgatherv(mine, cnt, MPI_DOUBLE, *all, cnts, displ,
                                   MPI_DOUBLE, MPI_COMM_WORLD)
                  : -1;
    *n_all = tot;
    free(cnts);
    free(displ);
    return rc == MPI_SUCCESS ? 0 : -1;
}

/* ==== scan ==== */

static exo_code gather_scan(exo_scan *scan, exo_err *err)
{
    double t_fit = MPI_Wtime() - t_start;
    int ok = scan != NULL, all_ok = 0;
    size_t len = 0;
    void *bytes = ok ? exo_scan_pack(scan, &len) : NULL;
    if (ok && !bytes) {
        ok = 0;
        err->code = EXO_ENOMEM;
        snprintf(err->msg, sizeof err->msg, "out of memory");
    }
    if (len > (size_t)INT32_MAX) {
        ok = 0;
        err->code = EXO_EINVAL;
        snprintf(err->msg, sizeof err->msg,
                 "rank %d's rows are over 2 GiB packed", mpi_rank);
    }
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    int ok0 = ok;
    MPI_Bcast(&ok0, 1, MPI_INT, 0, MPI_COMM_WORLD);
    /* Rank 0 says why when it failed too; the others then keep quiet (a
     * failure of their own alone is theirs to report). */
    dist.quiet_failure = mpi_rank != 0 && !ok0;
    if (!all_ok) {
        exo_free(bytes);
        if (ok) {
            err->code = EXO_EIO;
            snprintf(err->msg, sizeof err->msg,
                     "another rank failed (its message is on its stderr)");
        }
        return err->code ? err->code : EXO_EINTERNAL;
    }
    int ilen = (int)len;
    int *lens = mpi_rank == 0 ? calloc((size_t)mpi_size, sizeof *lens) : NULL;
    int *displ = mpi_rank == 0 ? calloc((size_t)mpi_size, sizeof *displ) : NULL;
    MPI_Gather(&ilen, 1, MPI_INT, lens, 1, MPI_INT, 0, MPI_COMM_WORLD);
    char *all = NULL;
    if (mpi_rank == 0) {
        size_t tot = 0;
        for (int r = 0; r < mpi_size; r++) {
            displ[r] = (int)tot;
            tot += (size_t)lens[r];
        }
        all = malloc(tot ? tot : 1);
    }
    MPI_Gatherv(bytes, ilen, MPI_BYTE, all, lens, displ, MPI_BYTE, 0,
                MPI_COMM_WORLD);
    exo_free(bytes);
    /* The plan and each rank's wall time, for --timing. */
    double mine[3] = {(double)scan->rank_orgs[mpi_rank],
                      scan->rank_load[mpi_rank], t_fit};
    double *times =
        mpi_rank == 0 ? calloc(3 * (size_t)mpi_size, sizeof *times) : NULL;
    MPI_Gather(mine, 3, MPI_DOUBLE, times, 3, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    exo_code rc = EXO_OK;
    if (mpi_rank == 0) {
        for (int r = 1; r < mpi_size && !rc; r++)
            rc = exo_scan_merge(scan, all + displ[r], (size_t)lens[r], err);
        if (timing)
            for (int r = 0; r < mpi_size; r++)
                fprintf(stderr,
                        "exodus-mpi: rank %d: %.0f organisations, load %.0f, "
                        "%.3f s\n",
                        r, times[3 * r], times[3 * r + 1], times[3 * r + 2]);
    }
    free(times);
    free(all);
    free(lens);
    free(displ);
    return rc;
}

/* ==== cox ==== */

struct cox_args {
    const char *data, *time, *event, *start, *cox;
    bool breslow, check, by_stratum;
};

static int cox_fail(const char *msg)
{
    if (mpi_rank == 0)
        fprintf(stderr, "exodus-mpi: cox: %s\n", msg);
    return CLI_EXIT_USAGE;
}

static int parse_cox(int argc, char **argv, struct cox_args *a)
{
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        const char **slot = NULL;
        if (strcmp(o, "--data") == 0)
            slot = &a->data;
        else if (strcmp(o, "--time") == 0)
            slot = &a->time;
        else if (strcmp(o, "--event") == 0)
            slot = &a->event;
        else if (strcmp(o, "--start") == 0)
            slot = &a->start;
        else if (strcmp(o, "--cox") == 0)
            slot = &a->cox;
        if (slot) {
            if (i + 1 >= argc) {
                char m[128];
                snprintf(m, sizeof m, "%s needs a value", o);
                return cox_fail(m);
            }
            *slot = argv[++i];
        } else if (strcmp(o, "--ties") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "breslow") && strcmp(v, "efron"))
                return cox_fail("--ties: expected efron or breslow");
            a->breslow = strcmp(v, "breslow") == 0;
        } else if (strcmp(o, "--shard") == 0 && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "rows") && strcmp(v, "strata"))
                return cox_fail("--shard: expected rows or strata");
            a->by_stratum = strcmp(v, "strata") == 0;
        } else if (strcmp(o, "--check") == 0) {
            a->check = true;
        } else {
            char m[160];
            snprintf(m, sizeof m, "unknown option '%s'", o);
            return cox_fail(m);
        }
    }
    if (!a->data || !a->time || !a->event || !a->cox)
        return cox_fail("usage: exodus-mpi cox --data FILE --time COL --event "
                        "COL --cox TERMS [--start COL] [--ties efron|breslow] "
                        "[--shard rows|strata] [--check]");
    return 0;
}

static double rel_diff(double a, double b)
{
    return fabs(a - b) / fmax(fabs(b), 1e-300);
}

static int run_cox(int argc, char **argv)
{
    struct cox_args a = {0};
    int status = parse_cox(argc, argv, &a);
    if (status)
        return status;
    exo_survival_spec spec = {
        .time = a.time, .start = a.start, .event = a.event, .cox = a.cox};
    exo_survival_data d = {0};
    exo_err err = {0};
    int ok = exo_survival_data_load(a.data, &spec, &d, &err) == EXO_OK;
    int all_ok = 0;
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    if (!all_ok) {
        if (!ok && mpi_rank == 0) {
            char where[600];
            exo_err_format(&err, where, sizeof where);
            fprintf(stderr, "exodus-mpi: cox: %s\n", where);
        }
        exo_survival_data_release(&d);
        return ok ? CLI_EXIT_DATA : cli_exit_code(err.code);
    }
    /* This rank's shard: row i to rank i mod R, or stratum s to s mod R. */
    size_t n = 0, p = d.p;
    for (size_t i = 0; i < d.n; i++) {
        size_t key = a.by_stratum && d.strata
                         ? (size_t)(d.strata[i] < 0 ? 0 : d.strata[i])
                         : i;
        n += key % (size_t)mpi_size == (size_t)mpi_rank;
    }
    double *stop = calloc(n + 1, sizeof *stop);
    double *start = d.start ? calloc(n + 1, sizeof *start) : NULL;
    int *event = calloc(n + 1, sizeof *event);
    int *strata = d.strata ? calloc(n + 1, sizeof *strata) : NULL;
    double *x = calloc(n * p + 1, sizeof *x);
    size_t q = 0;
    for (size_t i = 0; i < d.n && stop && event && x; i++) {
        size_t key = a.by_stratum && d.strata
                         ? (size_t)(d.strata[i] < 0 ? 0 : d.strata[i])
                         : i;
        if (key % (size_t)mpi_size != (size_t)mpi_rank)
            continue;
        stop[q] = d.stop[i];
        if (start)
            start[q] = d.start[i];
        event[q] = d.event[i];
        if (strata)
            strata[q] = d.strata[i];
        for (size_t k = 0; k < p; k++)
            x[k * n + q] = d.x[k * d.n + i];
        q++;
    }
    exo_cox_comm comm = {mpi_sum, mpi_gather, NULL};
    exo_cox_opts o = {.ties = a.breslow ? EXO_TIES_BRESLOW : EXO_TIES_EFRON,
                      .no_concordance = true,
                      .names = (const char *const *)d.terms};
    exo_cox fit = {0}, one = {0};
    exo_cox_dist_stats st;
    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime();
    exo_code rc = exo_cox_fit_dist(n, p, start, stop, event, x, strata, &o,
                                   &comm, &fit, &st, &err);
    double t_fit = MPI_Wtime() - t0;
    if (rc) {
        if (mpi_rank == 0)
            status = cli_fail(&(struct cli){.command = "cox"}, &err);
        else
            status = cli_exit_code(rc);
        goto out;
    }
    if (mpi_rank == 0) {
        double t_one = 0, dmax = 0;
        if (a.check) {
            double t1 = MPI_Wtime();
            if (exo_cox_fit(d.n, p, d.start, d.stop, d.event, d.x, d.strata, &o,
                            &one, &err)) {
                status = cli_fail(&(struct cli){.command = "cox"}, &err);
                goto out;
            }
            t_one = MPI_Wtime() - t1;
            dmax = rel_diff(fit.loglik, one.loglik);
            for (size_t k = 0; k < p; k++) {
                dmax = fmax(dmax, rel_diff(fit.coef[k], one.coef[k]));
                dmax = fmax(dmax, rel_diff(fit.se[k], one.se[k]));
            }
        }
        struct json_out j;
        json_begin(&j, stdout);
        json_str(&j, "data", a.data);
        json_int(&j, "rows", (long long)fit.n);
        json_int(&j, "events", (long long)fit.n_events);
        json_str(&j, "ties", a.breslow ? "breslow" : "efron");
        json_bool(&j, "strata_nested", st.nested);
        json_int(&j, "event_times", (long long)st.n_times);
        json_int(&j, "bytes_per_evaluation",
                 (long long)(st.doubles_per_sum * sizeof(double)));
        json_int(&j, "evaluations", (long long)st.n_evals);
        json_int(&j, "iterations", fit.iterations);
        json_num(&j, "loglik_null", fit.loglik_null);
        json_num(&j, "loglik", fit.loglik);
        json_arr_open(&j, "terms");
        for (size_t k = 0; k < p; k++) {
            json_obj_open(&j, NULL);
            json_str(&j, "term", d.terms[k]);
            json_num(&j, "coef", fit.coef[k]);
            json_num(&j, "se", fit.se[k]);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        if (a.check)
            json_num(&j, "max_rel_diff_single_process", dmax);
        json_end(&j);
        if (timing)
            fprintf(stderr,
                    "exodus-mpi: cox: %d ranks, %.3f s distributed fit, "
                    "%zu bytes per evaluation%s",
                    mpi_size, t_fit, st.doubles_per_sum * sizeof(double),
                    a.check ? "" : "\n");
        if (timing && a.check)
            fprintf(stderr, ", %.3f s single-process fit\n", t_one);
    }
out:
    exo_cox_release(&fit);
    exo_cox_release(&one);
    free(stop);
    free(start);
    free(event);
    free(strata);
    free(x);
    exo_survival_data_release(&d);
    return status;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &mpi_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &mpi_size);
    t_start = MPI_Wtime();
    dist.rank = (size_t)mpi_rank;
    dist.size = (size_t)mpi_size;
    dist.gather_scan = gather_scan;
    cli_dist = &dist;
    /* Our own option comes out; the command is the first operand. */
    int k = 1;
    for (int i = 1; i < argc; i++)
        if (strcmp(argv[i], "--timing") == 0)
            timing = true;
        else
            argv[k++] = argv[i];
    argc = k;
    argv[argc] = NULL;
    const char *cmd = NULL;
    int at = 0;
    for (int i = 1; i < argc && !cmd; i++) {
        if (strcmp(argv[i], "--db") == 0)
            i++;
        else if (argv[i][0] != '-') {
            cmd = argv[i];
            at = i;
        }
    }
    int status;
    if (cmd && strcmp(cmd, "cox") == 0) {
        status = run_cox(argc - at, argv + at);
        fflush(stdout);
    } else if (cmd && strcmp(cmd, "scan") == 0) {
        status = cli_main(argc, argv);
    } else {
        if (mpi_rank == 0)
            fprintf(stderr, "exodus-mpi: runs 'scan' and 'cox' (the other "
                            "commands are exodus's)\n");
        status = CLI_EXIT_USAGE;
    }
    MPI_Finalize();
    return status;
}
