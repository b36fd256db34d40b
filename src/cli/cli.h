/*
 * cli.h - what every subcommand shares: global state, the option tables
 * that drive both getopt_long and -h, and the printing helpers. The CLI
 * uses only the public API (exodus.h) and this directory.
 */
#ifndef EXO_CLI_CLI_H
#define EXO_CLI_CLI_H

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "exodus.h"

struct cli {
    const char *command; /* the subcommand's name, for messages */
    const char *db_path; /* --db, else $EXODUS_DB, else ./exodus.db */
    bool db_option;      /* db_path came from --db, not the environment */
    char db_label[1024]; /* db_path as shown: a URI's password as *** */
    bool json;           /* --json: exact machine output */
    bool quiet;          /* -q: no progress or notes on stderr */
    bool progress;       /* stderr is a terminal and not quiet */
    /* Set by the documentation generator (doc.c): cli_next_opt then records
     * the command's usage and option table here and returns -2 at once. */
    struct cli_capture *capture;
};

/* One option of a subcommand; tables end with an entry whose name is NULL. */
struct opt {
    const char *name;        /* long name without "--" */
    int short_name;          /* 0 for none */
    const char *placeholder; /* NULL for a flag, else "DATE", "FILE", ... */
    const char *help;
};

/*
 * Parses argv[1..] against 'table' plus the common options (--db, --json,
 * -q, --max-input, -h), which it handles itself. Returns the index in 'table'
 * of the next option found with its argument in '*arg', -1 at the end of
 * options (then
 * '*optind_out' is the first operand), or -2 after printing help (exit 0)
 * and -3 after a usage error (exit CLI_EXIT_USAGE).
 */
struct cli_capture {
    const char *usage;
    const struct opt *table;
};

int cli_next_opt(struct cli *cli, const char *usage, const struct opt *table,
                 int argc, char **argv, const char **arg, int *optind_out);
void cli_usage(FILE *out, const char *usage, const struct opt *table);
/* Prints one aligned line per option of 'table', as -h shows them. */
void cli_print_opts(FILE *out, const struct opt *table);
/* The options every subcommand accepts (--db, --json, -q, --max-input,
 * -h). */
const struct opt *cli_common_opts(void);

/*
 * Set by exodus-mpi (src/mpi/) before it runs a command; NULL in exodus.
 * gather_scan joins every rank's rows into rank 0's 'scan' (NULL: this
 * rank failed, and 'err' holds why); every rank calls it once, and a
 * failure anywhere fails it everywhere.
 */
struct cli_dist {
    size_t rank, size;
    exo_code (*gather_scan)(exo_scan *scan, exo_err *err);
    bool quiet_failure; /* set by gather_scan: rank 0 failed too and says
                           why, so this rank does not repeat it */
};
extern const struct cli_dist *cli_dist;

/* main() without the process's own setup: exodus-mpi calls it. */
int cli_main(int argc, char **argv);

/* One subcommand of the table in main.c. */
struct command {
    const char *name;
    int (*fn)(struct cli *cli, int argc, char **argv);
    const char *summary;
};

/*
 * The manual page exodus(1) and the bash completion script, written to
 * 'out' from the command table, 'global' (main.c's options) and each
 * command's own usage and option table, found by running the command in
 * capture mode (doc.c). Returns an exit status; CLI_EXIT_INTERNAL when a
 * command does not parse its options with cli_next_opt.
 */
int cli_doc_man(FILE *out, const struct command *cmds, size_t n_cmds,
                const struct opt *global);
int cli_doc_completion(FILE *out, const struct command *cmds, size_t n_cmds,
                       const struct opt *global);

/*
 * Exit statuses: 0 for success, 1 when the data do not allow an answer,
 * and BSD's sysexits.h values for failures (STYLE 3.3; the header is not
 * included, being in neither C nor POSIX). cli_exit_code maps each
 * exo_code onto one of these; the CLI's own failures (a bad command line,
 * an output file it cannot create) name theirs directly.
 */
enum cli_exit {
    CLI_EXIT_NO_ANSWER = 1,    /* not found, no usable estimate, canceled */
    CLI_EXIT_USAGE = 64,       /* EX_USAGE: bad command line or option */
    CLI_EXIT_DATA = 65,        /* EX_DATAERR: malformed input data */
    CLI_EXIT_NO_INPUT = 66,    /* EX_NOINPUT: an input cannot be opened */
    CLI_EXIT_INTERNAL = 70,    /* EX_SOFTWARE: a bug */
    CLI_EXIT_NOMEM = 71,       /* EX_OSERR: out of memory */
    CLI_EXIT_CANT_CREATE = 73, /* EX_CANTCREAT: an output file */
    CLI_EXIT_IO = 74           /* EX_IOERR: reading, writing, the store */
};

/* The exit status for a result code: the one place that maps them. */
int cli_exit_code(exo_code code);
/* Prints 'err' as "FILE:LINE:COLUMN: msg" or "exodus: CMD: msg"; returns
 * the exit status for it. */
int cli_fail(const struct cli *cli, const exo_err *err);
/* Prints a usage error "exodus: CMD: msg"; returns CLI_EXIT_USAGE. */
int cli_usage_error(const struct cli *cli, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Opens the store named by the global options, creating it when missing. */
exo_code cli_open_store(const struct cli *cli, int flags, exo_store **store,
                        exo_err *err);
/* Whether the store the global options name is there already (a URI of a
 * database server counts as there). */
bool cli_store_exists(const struct cli *cli);
/* Removes a store file this run created, with its journal files: an
 * import that fails into a new store leaves no empty store behind. */
void cli_store_remove_new(const struct cli *cli);
/* Parses a DATE option value into days; prints and returns CLI_EXIT_USAGE
 * when bad. */
int cli_parse_date(const struct cli *cli, const char *opt, const char *text,
                   int32_t *days);
/* Parses a span "180d", "26w", "6m", "1y" (days; a bare number when not
 * 'dates': the data's unit) for --OPT; CLI_EXIT_USAGE when bad. */
int cli_parse_span(const struct cli *cli, const char *opt, const char *text,
                   bool dates, double *out);
/* Parses --baseline trend|constant|headcount (headcount: the trend per
 * head; trend and constant: counted, even for an HR export);
 * CLI_EXIT_USAGE when bad. */
int cli_parse_baseline(const struct cli *cli, const char *text,
                       exo_baseline *baseline, bool *per_head, bool *counted);
/* Parses --level values "exec,lead" into a mask; CLI_EXIT_USAGE when bad. */
int cli_parse_levels(const struct cli *cli, const char *text, unsigned *mask);
/* Parses a number; prints and returns CLI_EXIT_USAGE when 'text' is not
 * one. */
int cli_parse_double(const struct cli *cli, const char *opt, const char *text,
                     double *out);
int cli_parse_long(const struct cli *cli, const char *opt, const char *text,
                   long *out);
/* Parses a byte count "4096", "64k", "512M", "2G" (powers of 1024) for
 * --OPT; prints and returns CLI_EXIT_USAGE when bad or 0. */
int cli_parse_size(const struct cli *cli, const char *opt, const char *text,
                   size_t *out);
/* --max-input SIZE, global or after the command: the cap on every input
 * file (exo_input_limit_set); CLI_EXIT_USAGE when SIZE is bad. */
int cli_set_max_input(const struct cli *cli, const char *text);

/*
 * NAN and INFINITY are float constants; storing one in a double is an
 * implicit promotion that clang's -Wdouble-promotion reports. These are the
 * same values as doubles.
 */
#define CLI_NAN ((double)NAN)
#define CLI_INF ((double)INFINITY)

/* qsort that accepts an empty (possibly NULL) array. */
static inline void cli_qsort(void *base, size_t n, size_t size,
                             int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* ==== Text tables (out.c) ==== */

struct table;
struct table *table_new(int n_cols, const char *const *headers);
/* Adds a row of 'n_cols' cells (copied); NULL cells print empty. */
void table_row(struct table *t, const char *const *cells);
/* Adds a row from printf-style cells: fmt gives one "%s"-free format per
 * cell separated by '\t'. */
void table_rowf(struct table *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Marks column 'col' right-aligned (numbers). */
void table_align_right(struct table *t, int col);
void table_print(struct table *t, FILE *out, const char *indent);
void table_free(struct table *t);

/* ==== JSON output (out.c): stable key order, %.17g numbers ==== */

struct json_out {
    FILE *out;
    int depth;
    bool need_comma[64];
    bool pretty;
};
void json_begin(struct json_out *j, FILE *out);
void json_end(struct json_out *j); /* writes the final newline */
void json_obj_open(struct json_out *j, const char *key);
void json_obj_close(struct json_out *j);
void json_arr_open(struct json_out *j, const char *key);
void json_arr_close(struct json_out *j);
/* 'key' is NULL inside arrays. NaN and infinities print as null. */
void json_str(struct json_out *j, const char *key, const char *value);
void json_num(struct json_out *j, const char *key, double value);
void json_int(struct json_out *j, const char *key, long long value);
void json_bool(struct json_out *j, const char *key, bool value);
/* Not "json_null": that is jansson's, which the library calls, and a CLI
 * definition of the name would take its place at link time. */
void json_none(struct json_out *j, const char *key);
void json_date(struct json_out *j, const char *key, int32_t days);
/* 'text', already JSON (a value made by the library), as it is. */
void json_raw(struct json_out *j, const char *key, const char *text);

/* "2024-05-14" for a day, "2024-05" for a month, "2024" for a year. */
void fmt_date(char buf[static 11], exo_date date);

/* ==== Shared views ==== */

/*
 * Prints the stats and core team of 'org' (cmd_stats.c): as text, or into
 * the open JSON object 'j' when it is not NULL. Returns an exit status.
 */
int stats_show_by(struct cli *cli, exo_store *store, const char *org,
                  exo_period period, bool by_level, bool by_reason,
                  const exo_filter *filter, struct json_out *j);
int stats_show(struct cli *cli, exo_store *store, const char *org,
               exo_period period, bool by_level, const exo_filter *filter,
               struct json_out *j);

/*
 * The spiral answer for 'org' with the defaults of 'exodus spiral'
 * (cmd_spiral.c): text, or "spiral" in the open JSON object 'j'.
 */
int spiral_show(struct cli *cli, const char *org, struct json_out *j);
/* The same with mass events treated as 'mode' (--mass-events). */
int spiral_show_mass(struct cli *cli, const char *org, exo_mass_mode mode,
                     struct json_out *j);

/*
 * Organisations side by side (cmd_compare.c): a table, or fields into the
 * open JSON object 'j' when it is not NULL; and in words, what changed
 * between two comparisons of the same organisations.
 */
void compare_print(const exo_comparison *c, struct json_out *j);
void compare_print_changes(const exo_comparison *then,
                           const exo_comparison *now);

/*
 * Kaplan-Meier retention and, with 'cox' ("contagion(90)"), a Cox model of
 * the spells of 'org' observed from window->since when set (cmd_survival.c):
 * text, or fields into the open JSON object 'j'.
 */
int survival_show(struct cli *cli, const char *org, const exo_filter *window,
                  const char *cox, struct json_out *j);
/* The same, followed by the cumulative incidence of each reason for
 * leaving (--competing). */
int survival_show_competing(struct cli *cli, const char *org,
                            const exo_filter *window, const char *cox,
                            struct json_out *j);

/*
 * Prints the 'top' largest net flows between organisations of the moves
 * passing 'filter' (may be NULL), with their ratios and exact intervals
 * (cmd_flows.c): text, or fields into the open JSON object 'j'.
 */
int flows_show(struct cli *cli, exo_store *store, const exo_filter *filter,
               int top, struct json_out *j);

/*
 * Runs the scenario file at 'scenario_path' with the defaults of 'exodus
 * runway' (10000 paths, seed 1, the scenario's horizon; cmd_runway.c) and
 * prints its summary: text, or fields into the open JSON object 'j'.
 */
int runway_show(struct cli *cli, const char *scenario_path, struct json_out *j);

/*
 * Prints the candidate moves found in the news text at 'path' with the
 * defaults of 'exodus extract' (cmd_extract.c): text, or an "extract" array
 * in the open JSON object 'j'.
 */
int extract_show(struct cli *cli, const char *path, struct json_out *j);

/*
 * Writes the HTML report of 'orgs' (n_orgs; 0: the busiest) to 'path'
 * ("-": stdout) through a temporary file renamed into place
 * (cmd_report.c). Returns an exit status.
 */
int report_write(const struct cli *cli, exo_store *store,
                 const exo_report_org *orgs, size_t n_orgs,
                 const exo_report_opts *opts, const char *path);

/* ==== Subcommands: one cmd_<name>.c each ==== */

int cmd_compare(struct cli *cli, int argc, char **argv);
int cmd_demo(struct cli *cli, int argc, char **argv);
int cmd_extract(struct cli *cli, int argc, char **argv);
int cmd_flows(struct cli *cli, int argc, char **argv);
int cmd_import(struct cli *cli, int argc, char **argv);
int cmd_init(struct cli *cli, int argc, char **argv);
int cmd_moves(struct cli *cli, int argc, char **argv);
int cmd_orgs(struct cli *cli, int argc, char **argv);
int cmd_people(struct cli *cli, int argc, char **argv);
int cmd_report(struct cli *cli, int argc, char **argv);
int cmd_runway(struct cli *cli, int argc, char **argv);
int cmd_scan(struct cli *cli, int argc, char **argv);
int cmd_serve(struct cli *cli, int argc, char **argv);
int cmd_spiral(struct cli *cli, int argc, char **argv);
int cmd_stats(struct cli *cli, int argc, char **argv);
int cmd_survival(struct cli *cli, int argc, char **argv);

#endif
