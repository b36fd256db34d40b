/*
 * cmd_demo.c - exodus demo: the main job on the bundled data. A fresh store
 * (replaced each run), the AI-lab moves and finance and the HR data set
 * imported, then the essay's question (OpenAI, Anthropic and Google side by
 * side on the essay's date and now, and what changed), then for each
 * organisation with at least 10 departures its
 * departures per year, its core team and its verdicts; then the moves
 * extracted from the seed article's text, the top net flows of talent
 * between organisations, and last the runway of the bundled scenario
 * data/scenarios/openai-2024.json.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char demo_usage[] =
    "usage: exodus demo [--db PATH] [--data-dir DIR] [--min-departures N]\n"
    "                   [--report FILE]";

static const struct opt demo_opts[] = {
    {"data-dir", 0, "DIR",
     "the bundled data (default ./data, else the source tree's)"},
    {"min-departures", 0, "N", "organisations with at least N (default 10)"},
    {"report", 0, "FILE",
     "write the HTML report here (default ./exodus-report.html)"},
    {NULL, 0, NULL, NULL},
};

static const char demo_provenance[] =
    "The bundled data set of exodus demo: senior moves among AI labs and "
    "their finance events from public reporting, each row with its source "
    "(data/ai-lab-moves.csv, data/ai-lab-finance.csv; see data/README.md), "
    "and a public HR attrition sample of 6,284 employees of a Canadian "
    "retailer, read from 2006, when its records begin "
    "(data/hr/emp_tmnt.csv.gz; see data/hr/README.md).";

struct demo_file {
    exo_import_kind kind;
    const char *file;
    const char *what;
    exo_import_opts opts;
};

/* The HR export records employees present from 2006 on (its README): its
 * departures before then are missing, not absent, so its window opens in
 * 2006 or the gap would read as a regime change. */
static const char hr_org[] = "Canadian retailer (HR sample)";
#define HR_OBSERVED_FROM "2006-01-01"
#define HR_COX "contagion(90) + strata(team)"
#define DEMO_TOP_FLOWS 10

/* The seed article's date and the labs it compares (data/README.md). */
#define ESSAY_DATE "2024-08-06"
static const char *const essay_labs[] = {"OpenAI", "Anthropic", "Google"};

static int essay_comparison(struct cli *cli, exo_store *store,
                            struct json_out *j)
{
    exo_comparison *then = NULL, *now = NULL;
    exo_comparison_opts o;
    exo_err err = {0};
    exo_date essay;
    memset(&o, 0, sizeof o);
    exo_date_parse(ESSAY_DATE, &essay, NULL);
    o.has_as_of = true;
    o.as_of = essay.days;
    size_t n = sizeof essay_labs / sizeof essay_labs[0];
    if (exo_comparison_load(store, essay_labs, n, &o, &then, &err))
        return cli_fail(cli, &err);
    o.has_as_of = false;
    if (exo_comparison_load(store, essay_labs, n, &o, &now, &err)) {
        exo_comparison_release(then);
        return cli_fail(cli, &err);
    }
    if (j) {
        json_obj_open(j, "essay_comparison");
        json_obj_open(j, "then");
        compare_print(then, j);
        json_obj_close(j);
        json_obj_open(j, "now");
        compare_print(now, j);
        json_obj_close(j);
        json_obj_close(j);
    } else {
        printf("\n== The essay's question: the labs side by side, on %s "
               "and now (Google includes DeepMind and Brain) ==\n",
               ESSAY_DATE);
        compare_print(then, NULL);
        putchar('\n');
        compare_print(now, NULL);
        putchar('\n');
        compare_print_changes(then, now);
    }
    exo_comparison_release(then);
    exo_comparison_release(now);
    return 0;
}

static int import_all(struct cli *cli, exo_store *store, const char *dir)
{
    /* The HR export's own columns and conventions (data/hr/README.md). */
    static const struct demo_file files[] = {
        {EXO_IMPORT_ALIASES, "aliases.csv", "organisation aliases", {0}},
        {EXO_IMPORT_MOVES, "ai-lab-moves.csv", "AI-lab senior moves", {0}},
        {EXO_IMPORT_FINANCE, "ai-lab-finance.csv", "AI-lab finance", {0}},
        {EXO_IMPORT_SPELLS,
         "hr/emp_tmnt.csv.gz",
         "HR export, 6,284 employees",
         {.map = "id=EmployeeID,start=orighiredate_key,"
                 "end=terminationdate_key,team=department_name,"
                 "role=job_title,end_reason=termreason_desc",
          .date_format = "%m/%d/%Y",
          .null_date = "1/1/1900",
          .org = hr_org,
          .reason_map = "Resignaton=resignation,Retirement=retirement,"
                        "Layoff=layoff,Not Applicable="}},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[4096];
        exo_import_result result;
        exo_errlist errors;
        exo_err err = {0};
        snprintf(path, sizeof path, "%s/%s", dir, files[i].file);
        if (exo_import_file(store, files[i].kind, path, &files[i].opts, &result,
                            &errors, &err)) {
            for (size_t e = 0; e < errors.n; e++)
                cli_fail(cli, &errors.item[e]);
            return cli_fail(cli, &err);
        }
        if (!cli->json)
            printf("imported %-22s %7zu rows -> %6zu records  (%s)\n",
                   files[i].file, result.n_rows, result.n_new, files[i].what);
    }
    return 0;
}

int cmd_demo(struct cli *cli, int argc, char **argv)
{
    const char *arg, *dir = NULL, *report = "exodus-report.html";
    long min_departures = 10;
    int first, c, rc;
    while ((c = cli_next_opt(cli, demo_usage, demo_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            dir = arg;
            break;
        case 2:
            report = arg;
            break;
        case 1:
            if ((rc = cli_parse_long(cli, "min-departures", arg,
                                     &min_departures)))
                return rc;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (first < argc)
        return cli_usage_error(cli, "unexpected argument '%s'", argv[first]);
    if (!dir)
        dir = access("data/aliases.csv", R_OK) == 0 ? "data" : EXO_DATA_DIR;
    /* The demo replaces its store, so only an explicit --db names it: a
     * store named by $EXODUS_DB is the user's and is left alone. */
    if (!cli->db_option) {
        cli->db_path = "exodus-demo.db";
        exo_store_label(cli->db_path, cli->db_label, sizeof cli->db_label);
    }
    /* A fresh store each run: remove the old one and its WAL files. Only
     * a store (or an empty file) is removed: a --db naming someone else's
     * file by mistake must not cost that file. */
    struct stat st;
    if (stat(cli->db_path, &st) == 0 && st.st_size > 0) {
        exo_store *old;
        exo_err err = {0};
        if (exo_store_open(cli->db_path, EXO_STORE_READONLY, &old, &err))
            return cli_fail(cli, &err);
        exo_store_close(old);
    }
    char wal[4200];
    unlink(cli->db_path);
    snprintf(wal, sizeof wal, "%s-wal", cli->db_path);
    unlink(wal);
    snprintf(wal, sizeof wal, "%s-shm", cli->db_path);
    unlink(wal);
    exo_store *store;
    exo_err err = {0};
    if (cli_open_store(cli, EXO_STORE_CREATE, &store, &err))
        return cli_fail(cli, &err);
    int status = import_all(cli, store, dir);
    exo_org_list orgs = {0};
    if (!status && exo_org_list_load(store, &orgs, &err))
        status = cli_fail(cli, &err);
    struct json_out j;
    if (!status && cli->json) {
        json_begin(&j, stdout);
        json_str(&j, "db", cli->db_label);
        json_arr_open(&j, "orgs");
    }
    /* The essay's question first: the labs side by side when it was
     * written, and now. */
    if (!status)
        status = essay_comparison(cli, store, cli->json ? &j : NULL);
    exo_report_org *shown = calloc(orgs.n ? orgs.n : 1, sizeof *shown);
    size_t n_shown = 0;
    if (!shown) {
        fprintf(stderr, "exodus: out of memory\n");
        status = CLI_EXIT_NOMEM;
    }
    for (size_t i = 0; !status && i < orgs.n; i++) {
        if (orgs.rows[i].n_departures < (size_t)min_departures)
            continue;
        if (cli->json) {
            json_obj_open(&j, NULL);
        } else {
            printf("\n== %s ==\n", orgs.rows[i].name);
        }
        exo_filter window = {0};
        bool has_spells = strcmp(orgs.rows[i].name, hr_org) == 0;
        if (has_spells) {
            exo_date from;
            exo_date_parse(HR_OBSERVED_FROM, &from, NULL);
            window.has_since = true;
            window.since = from.days;
        }
        shown[n_shown].name = orgs.rows[i].name;
        shown[n_shown++].filter = window;
        status = stats_show(cli, store, orgs.rows[i].name, EXO_PERIOD_YEAR,
                            false, &window, cli->json ? &j : NULL);
        /* The HR export's two year-end mass days (a layoff among them)
         * are shocks, not departures triggering departures: each counts
         * once, as --mass-events collapse does, and the output says so. */
        exo_mass_mode mass = has_spells ? EXO_MASS_COLLAPSE : EXO_MASS_KEEP;
        if (!status && cli->json) {
            status = spiral_show_mass(cli, orgs.rows[i].name, mass, &j);
        } else if (!status) {
            putchar('\n');
            status = spiral_show_mass(cli, orgs.rows[i].name, mass, NULL);
        }
        /* Retention and the contagion covariate need spells (headcount),
         * which only the HR export has. Departments leave at different
         * base rates: with one baseline for all, co-workers' departures
         * stand in for the department (HR 1.029); a baseline per team
         * asks whether they add anything (HR 1.004, p = 0.34). */
        if (!status && has_spells && cli->json) {
            json_obj_open(&j, "survival");
            status = survival_show_competing(cli, orgs.rows[i].name, &window,
                                             HR_COX, &j);
            json_obj_close(&j);
        } else if (!status && has_spells) {
            putchar('\n');
            status = survival_show_competing(cli, orgs.rows[i].name, &window,
                                             HR_COX, NULL);
        }
        if (cli->json)
            json_obj_close(&j);
    }
    /* What the seed article's text says, read as a reviewer would see it. */
    char article[4096];
    snprintf(article, sizeof article, "%s/news/seed-article.txt", dir);
    if (!status && cli->json) {
        json_arr_close(&j);
        status = extract_show(cli, article, &j);
    } else if (!status) {
        printf("\n== moves extracted from the news: %s ==\n", article);
        status = extract_show(cli, article, NULL);
    }
    /* Who wins the talent that leaves: once, across all organisations. */
    if (!status && cli->json) {
        json_obj_open(&j, "flows");
        status = flows_show(cli, store, NULL, DEMO_TOP_FLOWS, &j);
        json_obj_close(&j);
    } else if (!status) {
        printf("\n== talent flows ==\n");
        status = flows_show(cli, store, NULL, DEMO_TOP_FLOWS, NULL);
    }
    /* The bundled runway scenario, after the organisations. */
    char scenario[4096];
    snprintf(scenario, sizeof scenario, "%s/scenarios/openai-2024.json", dir);
    if (!status && cli->json) {
        json_obj_open(&j, "runway");
        status = runway_show(cli, scenario, &j);
        json_obj_close(&j);
    } else if (!status) {
        printf("\n== runway: %s ==\n", scenario);
        status = runway_show(cli, scenario, NULL);
    }
    /* The same organisations, windows and defaults, as one HTML page. */
    exo_report_opts ro;
    exo_report_opts_init(&ro);
    ro.title = "exodus demo: the bundled data";
    ro.provenance = demo_provenance;
    ro.store_label = cli->db_label;
    /* The essay's comparison, then and now. */
    ro.compare = essay_labs;
    ro.n_compare = sizeof essay_labs / sizeof essay_labs[0];
    exo_date essay = {0};
    ro.has_compare_as_of = exo_date_parse(ESSAY_DATE, &essay, NULL) == EXO_OK;
    ro.compare_as_of = essay.days;
    /* The bundled scenario is OpenAI's: its runway joins OpenAI's view. */
    for (size_t i = 0; i < n_shown; i++)
        if (strcmp(shown[i].name, "OpenAI") == 0) {
            ro.scenario = scenario;
            ro.scenario_org = "OpenAI";
        }
    if (!status && n_shown)
        status = report_write(cli, store, shown, n_shown, &ro, report);
    if (!status && cli->json) {
        if (n_shown)
            json_str(&j, "report", report);
        json_end(&j);
    } else if (!status) {
        printf("\nstore: %s\n", cli->db_label);
        if (n_shown)
            printf("report: %s\n", report);
    }
    free(shown);
    exo_org_list_release(&orgs);
    exo_store_close(store);
    return status;
}
