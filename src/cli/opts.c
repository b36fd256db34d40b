/*
 * opts.c - option tables to getopt_long and to -h text, so the help cannot
 * drift from the parser; plus the shared value parsers and exit codes.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The options every subcommand accepts; handled here. */
static const struct opt common_opts[] = {
    {"db", 0, "PATH", "the store (else $EXODUS_DB, else ./exodus.db)"},
    {"json", 0, NULL, "exact machine output on stdout"},
    {"quiet", 'q', NULL, "no progress or notes on stderr"},
    {"max-input", 0, "SIZE",
     "the largest input file read (k, M or G; default 1G)"},
    {"help", 'h', NULL, "show this help"},
    {NULL, 0, NULL, NULL},
};

const struct opt *cli_common_opts(void)
{
    return common_opts;
}

static size_t table_len(const struct opt *t)
{
    size_t n = 0;
    while (t && t[n].name)
        n++;
    return n;
}

void cli_print_opts(FILE *out, const struct opt *t)
{
    for (size_t i = 0; t && t[i].name; i++) {
        char left[64];
        if (t[i].short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", t[i].short_name,
                     t[i].name, t[i].placeholder ? " " : "",
                     t[i].placeholder ? t[i].placeholder : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", t[i].name,
                     t[i].placeholder ? " " : "",
                     t[i].placeholder ? t[i].placeholder : "");
        fprintf(out, "  %-26s %s\n", left, t[i].help);
    }
}

void cli_usage(FILE *out, const char *usage, const struct opt *table)
{
    fprintf(out, "%s\n", usage);
    if (table_len(table)) {
        fprintf(out, "\noptions:\n");
        cli_print_opts(out, table);
    }
    fprintf(out, "\ncommon options:\n");
    cli_print_opts(out, common_opts);
}

int cli_next_opt(struct cli *cli, const char *usage, const struct opt *table,
                 int argc, char **argv, const char **arg, int *optind_out)
{
    enum { MAX_OPTS = 64 };
    struct option longopts[MAX_OPTS + 1];
    char shortopts[3 * MAX_OPTS + 2];
    size_t n_table = table_len(table), n_common = table_len(common_opts);
    size_t k = 0, s = 0;
    if (cli->capture) {
        cli->capture->usage = usage;
        cli->capture->table = table;
        return -2;
    }
    shortopts[s++] = ':'; /* report a missing value as ':' */
    for (size_t i = 0; i < n_table + n_common && k < MAX_OPTS; i++) {
        const struct opt *o =
            i < n_table ? &table[i] : &common_opts[i - n_table];
        longopts[k].name = o->name;
        longopts[k].has_arg = o->placeholder ? required_argument : no_argument;
        longopts[k].flag = NULL;
        longopts[k].val = 1000 + (int)i;
        k++;
        if (o->short_name) {
            shortopts[s++] = (char)o->short_name;
            if (o->placeholder)
                shortopts[s++] = ':';
        }
    }
    memset(&longopts[k], 0, sizeof longopts[k]);
    shortopts[s] = '\0';
    for (;;) {
        int c = getopt_long(argc, argv, shortopts, longopts, NULL);
        if (c == -1) {
            *optind_out = optind;
            return -1;
        }
        if (c == '?' || c == ':') {
            if (c == ':')
                fprintf(stderr, "exodus: %s: option '%s' needs a value\n",
                        cli->command, argv[optind - 1]);
            else
                fprintf(stderr, "exodus: %s: unknown option '%s'\n",
                        cli->command, argv[optind - 1]);
            cli_usage(stderr, usage, table);
            return -3;
        }
        size_t i;
        if (c >= 1000) {
            i = (size_t)(c - 1000);
        } else {
            for (i = 0; i < n_table + n_common; i++) {
                const struct opt *o =
                    i < n_table ? &table[i] : &common_opts[i - n_table];
                if (o->short_name == c)
                    break;
            }
        }
        *arg = optarg;
        if (i < n_table)
            return (int)i;
        const char *name = common_opts[i - n_table].name;
        if (strcmp(name, "db") == 0) {
            cli->db_path = optarg;
            cli->db_option = true;
        } else if (strcmp(name, "json") == 0) {
            cli->json = true;
        } else if (strcmp(name, "quiet") == 0) {
            cli->quiet = true;
            cli->progress = false;
        } else if (strcmp(name, "max-input") == 0) {
            if (cli_set_max_input(cli, optarg))
                return -3;
        } else {
            cli_usage(stdout, usage, table);
            return -2;
        }
    }
}

/* No default case: -Wswitch then names a code appended to exo_code and not
 * mapped here. */
int cli_exit_code(exo_code code)
{
    switch (code) {
    case EXO_OK:
        return 0;
    case EXO_ENOTFOUND:
    case EXO_ENUMERIC:
    case EXO_ECANCELED:
        return CLI_EXIT_NO_ANSWER;
    case EXO_EINVAL:
        return CLI_EXIT_USAGE;
    case EXO_EDATA:
        return CLI_EXIT_DATA;
    case EXO_ENOENT:
        return CLI_EXIT_NO_INPUT;
    case EXO_EINTERNAL:
        return CLI_EXIT_INTERNAL;
    case EXO_ENOMEM:
        return CLI_EXIT_NOMEM;
    case EXO_EIO:
    case EXO_ESTORE:
        return CLI_EXIT_IO;
    }
    return CLI_EXIT_INTERNAL;
}

int cli_fail(const struct cli *cli, const exo_err *err)
{
    char text[600];
    exo_err_format(err, text, sizeof text);
    if (err->file[0] && err->line > 0)
        fprintf(stderr, "%s\n", text);
    else
        fprintf(stderr, "exodus: %s: %s\n", cli->command, text);
    return cli_exit_code(err->code);
}

int cli_usage_error(const struct cli *cli, const char *fmt, ...)
{
    va_list ap;
    /* No command yet while the global options are read. */
    if (cli->command)
        fprintf(stderr, "exodus: %s: ", cli->command);
    else
        fputs("exodus: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return CLI_EXIT_USAGE;
}

exo_code cli_open_store(const struct cli *cli, int flags, exo_store **store,
                        exo_err *err)
{
    return exo_store_open(cli->db_path, flags, store, err);
}

bool cli_store_exists(const struct cli *cli)
{
    struct stat st;
    return strstr(cli->db_path, "://") || stat(cli->db_path, &st) == 0;
}

void cli_store_remove_new(const struct cli *cli)
{
    static const char *const suffix[] = {"-wal", "-shm", "-journal", ""};
    char path[4096];
    if (strstr(cli->db_path, "://"))
        return;
    for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++)
        if ((size_t)snprintf(path, sizeof path, "%s%s", cli->db_path,
                             suffix[i]) < sizeof path)
            unlink(path);
}

int cli_parse_date(const struct cli *cli, const char *opt, const char *text,
                   int32_t *days)
{
    exo_date d;
    exo_err err = {0};
    if (exo_date_parse(text, &d, &err))
        return cli_usage_error(cli, "--%s: %s", opt, err.msg);
    *days = d.days;
    return 0;
}

int cli_parse_span(const struct cli *cli, const char *opt, const char *text,
                   bool dates, double *out)
{
    char *end;
    double v = strtod(text, &end);
    double scale = 1.0;
    if (end == text || !(v > 0.0) || !isfinite(v))
        return cli_usage_error(cli,
                               "--%s: '%s' is not a positive span "
                               "(expected e.g. 180d, 26w, 6m, 1y)",
                               opt, text);
    if (*end) {
        if (!dates)
            return cli_usage_error(cli,
                                   "--%s: '%s': units only apply "
                                   "to dates (give a number of the "
                                   "events' unit)",
                                   opt, text);
        if (strcmp(end, "d") == 0)
            scale = 1.0;
        else if (strcmp(end, "w") == 0)
            scale = 7.0;
        else if (strcmp(end, "m") == 0)
            scale = 30.4375; /* an average month */
        else if (strcmp(end, "y") == 0)
            scale = 365.25;
        else
            return cli_usage_error(cli,
                                   "--%s: unknown unit in '%s' "
                                   "(expected d, w, m or y)",
                                   opt, text);
    }
    *out = v * scale;
    return 0;
}

int cli_parse_baseline(const struct cli *cli, const char *text,
                       exo_baseline *baseline, bool *per_head, bool *counted)
{
    if (strcmp(text, "trend") == 0 || strcmp(text, "headcount") == 0)
        *baseline = EXO_BASELINE_TREND;
    else if (strcmp(text, "constant") == 0)
        *baseline = EXO_BASELINE_CONSTANT;
    else
        return cli_usage_error(cli,
                               "unknown --baseline '%s' (expected trend, "
                               "constant or headcount)",
                               text);
    if (strcmp(text, "headcount") == 0)
        *per_head = true;
    else
        *counted = true;
    return 0;
}

int cli_parse_levels(const struct cli *cli, const char *text, unsigned *mask)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        exo_level level;
        if (!exo_level_parse(tok, &level))
            return cli_usage_error(cli,
                                   "unknown level '%s' (expected founder, "
                                   "exec, lead, ic or board)",
                                   tok);
        *mask |= 1u << level;
    }
    return 0;
}

int cli_parse_double(const struct cli *cli, const char *opt, const char *text,
                     double *out)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end || !isfinite(v))
        return cli_usage_error(cli, "--%s: '%s' is not a number", opt, text);
    *out = v;
    return 0;
}

int cli_parse_long(const struct cli *cli, const char *opt, const char *text,
                   long *out)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (end == text || *end)
        return cli_usage_error(cli, "--%s: '%s' is not a whole number", opt,
                               text);
    *out = v;
    return 0;
}

int cli_parse_size(const struct cli *cli, const char *opt, const char *text,
                   size_t *out)
{
    if (exo_input_size_parse(text, out))
        return 0;
    if (strspn(text, "0") == strlen(text) && *text)
        return cli_usage_error(cli, "--%s: the size must be at least 1 byte",
                               opt);
    return cli_usage_error(cli,
                           "--%s: '%s' is not a size (bytes, with an optional "
                           "k, M or G: 64M, 2G)",
                           opt, text);
}

int cli_set_max_input(const struct cli *cli, const char *text)
{
    size_t bytes;
    int status = cli_parse_size(cli, "max-input", text, &bytes);
    if (!status)
        exo_input_limit_set(bytes);
    return status;
}
