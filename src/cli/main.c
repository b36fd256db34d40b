/*
 * main.c - global options, the table of subcommands and dispatch. Result
 * codes map to exit statuses in one place, cli_exit_code (opts.c).
 */
#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Sorted by name: the help lists them in this order. */
static const struct command commands[] = {
    {"compare", cmd_compare,
     "organisations side by side, as of a date: counts, verdicts, money"},
    {"demo", cmd_demo, "the main job on the bundled data: import, verdicts"},
    {"extract", cmd_extract, "candidate moves from news text, with evidence"},
    {"flows", cmd_flows, "who wins the talent: move matrix, ratios, ranking"},
    {"import", cmd_import, "import moves, spells, finance or aliases"},
    {"init", cmd_init, "create the store"},
    {"moves", cmd_moves, "list reported moves"},
    {"orgs", cmd_orgs, "list organisations with their departures"},
    {"people", cmd_people, "list people"},
    {"report", cmd_report, "one self-contained HTML report with charts"},
    {"runway", cmd_runway,
     "cash, staff and dilution: months to cash-out, loop gain"},
    {"scan", cmd_scan,
     "which organisations are in a spiral? every one fitted, ranked"},
    {"serve", cmd_serve, "a local dashboard of the same views"},
    {"spiral", cmd_spiral,
     "is attrition feeding on itself? Hawkes fit, verdict"},
    {"stats", cmd_stats, "departures, arrivals, headcount, attrition"},
    {"survival", cmd_survival, "Kaplan-Meier, log-rank and Cox models"},
};

#define N_COMMANDS (sizeof commands / sizeof commands[0])

/* The options before the command, parsed by main() below; the -h text, the
 * manual page and the completion script are made from this table. */
static const struct opt global_opts[] = {
    {"db", 0, "PATH", "the store (else $EXODUS_DB, else ./exodus.db)"},
    {"json", 0, NULL, "exact machine output on stdout"},
    {"quiet", 'q', NULL, "no progress or notes on stderr"},
    {"max-input", 0, "SIZE",
     "the largest input file read (k, M or G; default 1G)"},
    {"version", 0, NULL, "print the version"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

static void usage(FILE *out)
{
    fprintf(out, "usage: exodus [--db PATH] [--json] [-q] [--max-input SIZE] "
                 "COMMAND [ARGS]\n\n"
                 "Is this organisation in a talent death spiral?\n\n"
                 "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(out, "\nglobal options (also accepted after the command):\n");
    cli_print_opts(out, global_opts);
    fprintf(out, "Run 'exodus COMMAND -h' for a command's options.\n");
}

/*
 * Flushes and closes standard output. A full disk, /dev/full or a closed
 * pipe shows up only here, when the buffer is written, and a command whose
 * answer never arrived must not exit 0. 'status' is the command's; a
 * failure it already reported keeps its own status.
 */
static int close_stdout(const struct cli *cli, int status)
{
    errno = 0;
    bool failed = fflush(stdout) != 0 || ferror(stdout);
    int saved = errno;
    if (fclose(stdout) != 0 && !failed) {
        failed = true;
        saved = errno;
    }
    if (!failed)
        return status;
    fprintf(stderr, "exodus: %s%swriting standard output: %s\n",
            cli->command ? cli->command : "", cli->command ? ": " : "",
            saved ? strerror(saved) : "failed");
    return status ? status : cli_exit_code(EXO_EIO);
}

/*
 * glibc maps every block over 128 KiB-32 MiB afresh and unmaps it on free,
 * so a fit on 10^6 rows touched each new array's pages again: a page
 * fault and a zeroed page each, a third of 'survival --data's time on a
 * million rows. A one-shot command keeps freed memory for the next array
 * instead (up to 256 MiB); the long-running dashboard keeps the defaults.
 */
static void tune_malloc(const char *command)
{
#ifdef __GLIBC__
    if (strcmp(command, "serve") != 0) {
        mallopt(M_MMAP_THRESHOLD, 256 << 20);
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
    }
#else
    (void)command;
#endif
}

static int run(struct cli *cli, int argc, char **argv)
{
    int i = 1;
    cli->db_path = getenv("EXODUS_DB");
    if (!cli->db_path || !*cli->db_path)
        cli->db_path = "exodus.db";
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            cli->json = true;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            cli->quiet = true;
        } else if (strcmp(a, "--db") == 0 && i + 1 < argc) {
            cli->db_path = argv[++i];
            cli->db_option = true;
        } else if (strncmp(a, "--db=", 5) == 0) {
            cli->db_path = a + 5;
            cli->db_option = true;
        } else if (strcmp(a, "--max-input") == 0 && i + 1 < argc) {
            if (cli_set_max_input(cli, argv[++i]))
                return CLI_EXIT_USAGE;
        } else if (strncmp(a, "--max-input=", 12) == 0) {
            if (cli_set_max_input(cli, a + 12))
                return CLI_EXIT_USAGE;
        } else if (strcmp(a, "--version") == 0) {
            printf("exodus %s\n", exo_version());
            return 0;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--dump-man") == 0) {
            /* Hidden: the build makes exodus.1 and the completion so. */
            return cli_doc_man(stdout, commands, N_COMMANDS, global_opts);
        } else if (strcmp(a, "--dump-completion") == 0) {
            return cli_doc_completion(stdout, commands, N_COMMANDS,
                                      global_opts);
        } else {
            fprintf(stderr, "exodus: unknown option '%s'\n", a);
            usage(stderr);
            return CLI_EXIT_USAGE;
        }
    }
    if (i >= argc) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    exo_store_label(cli->db_path, cli->db_label, sizeof cli->db_label);
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
        if (strcmp(argv[i], commands[c].name) == 0) {
            cli->command = commands[c].name;
            tune_malloc(cli->command);
            cli->progress = !cli->quiet && isatty(STDERR_FILENO);
            return commands[c].fn(cli, argc - i, argv + i);
        }
    }
    fprintf(stderr, "exodus: '%s' is not a command (see 'exodus -h')\n",
            argv[i]);
    return CLI_EXIT_USAGE;
}

int cli_main(int argc, char **argv)
{
    struct cli cli = {0};
    /* The process is the CLI's, so its process-wide store settings are
     * too (the library leaves them alone). This runs before anything opens
     * a store, and a failure would only cost speed, so none is reported. */
    exo_store_tune_process(NULL);
    return close_stdout(&cli, run(&cli, argc, argv));
}

/* exodus-mpi (src/mpi/) has a main of its own around cli_main. */
#ifndef EXO_CLI_NO_MAIN
int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
#endif
