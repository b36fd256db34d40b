/*
 * doc.c - the manual page exodus(1) and the bash completion script, made
 * from the same tables that print -h: main.c's command table and global
 * options, and each command's usage string and option table. A command's
 * own usage and table are static in its cmd_<name>.c; they are found by
 * calling the command with 'cli.capture' set, which makes cli_next_opt
 * record them and return at once (as after -h), so a new subcommand is
 * documented and completed as soon as it is in the command table.
 *
 * Output only; the build runs 'exodus --dump-man' and
 * 'exodus --dump-completion' and installs what they print.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ==== Capture ==== */

/* Runs 'cmd' in capture mode; false when it never reached cli_next_opt. */
static bool capture(const struct command *cmd, struct cli_capture *cap)
{
    struct cli cli = {0};
    char *argv[] = {(char *)cmd->name, NULL};
    memset(cap, 0, sizeof *cap);
    cli.command = cmd->name;
    cli.db_path = "exodus.db";
    cli.quiet = true;
    cli.capture = cap;
    cmd->fn(&cli, 1, argv);
    if (!cap->usage) {
        fprintf(stderr,
                "exodus: %s does not parse its options with cli_next_opt, "
                "so it cannot be documented\n",
                cmd->name);
        return false;
    }
    return true;
}

/* ==== roff ==== */

/*
 * Writes 's' as roff text: backslashes escaped, a control character at the
 * start of a line neutralised, and with 'minus' each '-' as \- (a minus
 * sign, what a user must type in an option or a command line).
 */
static void roff(FILE *out, const char *s, size_t len, bool minus)
{
    bool bol = true;
    for (size_t i = 0; i < len && s[i]; i++) {
        char c = s[i];
        if (bol && (c == '.' || c == '\''))
            fputs("\\&", out);
        if (c == '\\')
            fputs("\\e", out);
        else if (c == '-' && minus)
            fputs("\\-", out);
        else
            fputc(c, out);
        bol = c == '\n';
    }
}

static void roff_str(FILE *out, const char *s, bool minus)
{
    roff(out, s, strlen(s), minus);
}

/* ".TP" with "-q, --quiet PLACEHOLDER" and the help text. */
static void man_opt(FILE *out, const struct opt *o)
{
    fputs(".TP\n", out);
    if (o->short_name)
        fprintf(out, "\\fB\\-%c\\fR, ", o->short_name);
    fputs("\\fB\\-\\-", out);
    roff_str(out, o->name, true);
    fputs("\\fR", out);
    if (o->placeholder) {
        fputs(" \\fI", out);
        roff_str(out, o->placeholder, true);
        fputs("\\fR", out);
    }
    fputc('\n', out);
    roff_str(out, o->help, false);
    fputc('\n', out);
}

/* Length of the prefix "usage: ", "   or: " or 7 spaces, else 0. */
static size_t usage_prefix(const char *line, size_t len)
{
    if (len >= 7 &&
        (strncmp(line, "usage: ", 7) == 0 || strncmp(line, "   or: ", 7) == 0 ||
         strncmp(line, "       ", 7) == 0))
        return 7;
    return 0;
}

/*
 * The usage string of a command: its first paragraph is the synopsis,
 * printed as it is (without "usage: "), and the paragraphs after it are
 * prose.
 */
static void man_usage(FILE *out, const char *usage)
{
    const char *end = strstr(usage, "\n\n");
    const char *syn_end = end ? end : usage + strlen(usage);
    fputs(".nf\n", out);
    for (const char *line = usage; line < syn_end;) {
        const char *nl = memchr(line, '\n', (size_t)(syn_end - line));
        size_t len = nl ? (size_t)(nl - line) : (size_t)(syn_end - line);
        size_t skip = usage_prefix(line, len);
        fputs("\\fB", out);
        roff(out, line + skip, len - skip, true);
        fputs("\\fR\n", out);
        line += len + (nl ? 1 : 0);
    }
    fputs(".fi\n", out);
    while (end) {
        const char *para = end + 2;
        end = strstr(para, "\n\n");
        size_t len = end ? (size_t)(end - para) : strlen(para);
        if (!len)
            continue;
        fputs(".PP\n", out);
        roff(out, para, len, false);
        fputc('\n', out);
    }
}

static void upper(char *dst, size_t size, const char *s)
{
    size_t i = 0;
    for (; s[i] && i + 1 < size; i++)
        dst[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 'a' + 'A') : s[i];
    dst[i] = '\0';
}

/* One line per exit status, from the codes that map to it. */
static void man_exit_status(FILE *out)
{
    static const int statuses[] = {0,
                                   CLI_EXIT_NO_ANSWER,
                                   CLI_EXIT_USAGE,
                                   CLI_EXIT_DATA,
                                   CLI_EXIT_NO_INPUT,
                                   CLI_EXIT_INTERNAL,
                                   CLI_EXIT_NOMEM,
                                   CLI_EXIT_IO};
    for (size_t s = 0; s < sizeof statuses / sizeof statuses[0]; s++) {
        bool first = true;
        fprintf(out, ".TP\n.B %d\n", statuses[s]);
        for (int c = EXO_OK; c <= EXO_EINTERNAL; c++) {
            if (cli_exit_code((exo_code)c) != statuses[s])
                continue;
            fprintf(out, "%s%s", first ? "" : "; ",
                    c == EXO_OK ? "success" : exo_strerror((exo_code)c));
            first = false;
        }
        if (statuses[s] == CLI_EXIT_USAGE)
            fprintf(out, "%sa usage error (unknown option or command)",
                    first ? "" : "; ");
        if (statuses[s] == CLI_EXIT_NO_ANSWER)
            fprintf(out, "%sthe data do not allow an answer",
                    first ? "" : "; ");
        fputc('\n', out);
    }
}

int cli_doc_man(FILE *out, const struct command *cmds, size_t n_cmds,
                const struct opt *global)
{
    const struct opt *common = cli_common_opts();
    fprintf(out,
            ".\\\" exodus(1), generated by 'exodus --dump-man' from the "
            "command and option\n"
            ".\\\" tables that also print -h: edit those, not this file.\n"
            ".TH EXODUS 1 \"\" \"exodus %s\" \"User Commands\"\n"
            ".SH NAME\n"
            "exodus \\- is this organisation in a talent death spiral?\n"
            ".SH SYNOPSIS\n"
            ".B exodus\n"
            ".RB [ \\-\\-db\n"
            ".IR PATH ]\n"
            ".RB [ \\-\\-json ]\n"
            ".RB [ \\-q ]\n"
            ".I COMMAND\n"
            ".RI [ ARGS ]\n"
            ".br\n"
            ".B exodus\n"
            ".I COMMAND\n"
            ".B \\-h\n"
            ".SH DESCRIPTION\n"
            "exodus keeps a record of who joined and left which "
            "organisation, in what role,\n"
            "when and to where, and the organisation's money, in an SQLite "
            "store.\n"
            "It measures whether departures feed on themselves (a Hawkes "
            "self-exciting\n"
            "process with a plain-language verdict), how long people stay "
            "(Kaplan\\-Meier,\n"
            "log\\-rank and Cox models), and how attrition develops over "
            "time.\n"
            ".PP\n"
            "Every command prints a readable table by default and exact "
            "machine output\n"
            "with \\fB\\-\\-json\\fR. Results go to standard output; "
            "errors, warnings and\n"
            "progress go to standard error, progress only when it is a "
            "terminal.\n"
            "Input errors are reported as \\fIFILE\\fR:\\fILINE\\fR:"
            "\\fICOLUMN\\fR: what is wrong.\n"
            ".SH COMMANDS\n",
            exo_version());
    for (size_t i = 0; i < n_cmds; i++) {
        fprintf(out, ".TP\n.B %s\n", cmds[i].name);
        roff_str(out, cmds[i].summary, false);
        fputc('\n', out);
    }
    fputs(".SH GLOBAL OPTIONS\n"
          "These come before the command.\n",
          out);
    for (size_t i = 0; global[i].name; i++)
        man_opt(out, &global[i]);
    fputs(".PP\nEvery command also accepts these after its name:\n", out);
    for (size_t i = 0; common[i].name; i++)
        man_opt(out, &common[i]);
    for (size_t i = 0; i < n_cmds; i++) {
        struct cli_capture cap;
        char name[64];
        if (!capture(&cmds[i], &cap))
            return CLI_EXIT_INTERNAL;
        upper(name, sizeof name, cmds[i].name);
        fprintf(out, ".SH \"EXODUS %s\"\n", name);
        roff_str(out, cmds[i].summary, false);
        fputs(".\n.PP\n", out);
        man_usage(out, cap.usage);
        if (cap.table && cap.table[0].name) {
            fputs(".SS Options\n", out);
            for (size_t k = 0; cap.table[k].name; k++)
                man_opt(out, &cap.table[k]);
        }
        fputs(".PP\nand the common options", out);
        for (size_t k = 0; common[k].name; k++) {
            fprintf(out, "%s\n.B \\-\\-", k ? "," : "");
            roff_str(out, common[k].name, true);
        }
        fputs("\n.RB ( \"GLOBAL OPTIONS\" ).\n", out);
    }
    fputs(".SH ENVIRONMENT\n"
          ".TP\n"
          ".B EXODUS_DB\n"
          "The store when \\fB\\-\\-db\\fR is not given; "
          "else \\fI./exodus.db\\fR.\n"
          ".SH FILES\n"
          ".TP\n"
          ".I exodus.db\n"
          "The store: an SQLite database that the \\fBsqlite3\\fR(1) shell "
          "can query.\n"
          "Its schema is documented with the library "
          "(\\fIdocs/install.md\\fR).\n"
          ".SH EXIT STATUS\n",
          out);
    man_exit_status(out);
    fputs(".SH SEE ALSO\n"
          ".BR sqlite3 (1),\n"
          ".BR pkg-config (1).\n"
          "The C library is described in \\fIexodus.h\\fR; "
          "\\fBpkg-config exodus\\fR gives its flags.\n",
          out);
    return ferror(out) ? CLI_EXIT_IO : 0;
}

/* ==== bash completion ==== */

/* Option words of 'table': "--name" and "-c" for each. */
static void words(FILE *out, const struct opt *table)
{
    for (size_t k = 0; table && table[k].name; k++) {
        fprintf(out, " --%s", table[k].name);
        if (table[k].short_name)
            fprintf(out, " -%c", table[k].short_name);
    }
}

/* True when 'p' lists literal choices, "spread|exact". */
static bool is_choice(const char *p)
{
    if (!strchr(p, '|'))
        return false;
    for (; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || *p == '-' || *p == '|'))
            return false;
    return true;
}

static bool is_file(const char *p)
{
    return strcmp(p, "FILE") == 0 || strcmp(p, "PATH") == 0 ||
           strcmp(p, "DIR") == 0;
}

/* The case arms completing the value of each option of 'table' that takes
 * one, labelled "CMD:--name" ('cmd' "*" for the common options). */
static void value_arms(FILE *out, const char *cmd, const struct opt *table)
{
    for (size_t k = 0; table && table[k].name; k++) {
        const struct opt *o = &table[k];
        if (!o->placeholder)
            continue;
        fprintf(out, "    %s:--%s", cmd, o->name);
        if (o->short_name)
            fprintf(out, "|%s:-%c", cmd, o->short_name);
        if (is_choice(o->placeholder)) {
            fputs(")\n        COMPREPLY=($(compgen -W \"", out);
            for (const char *p = o->placeholder; *p; p++)
                fputc(*p == '|' ? ' ' : *p, out);
            fputs("\" -- \"$cur\"))\n        return ;;\n", out);
        } else if (strcmp(o->placeholder, "LEVEL") == 0) {
            fputs(")\n        COMPREPLY=($(compgen -W "
                  "\"founder exec lead ic board\" -- \"$cur\"))\n"
                  "        return ;;\n",
                  out);
        } else if (is_file(o->placeholder)) {
            fputs(")\n        _exodus_files\n        return ;;\n", out);
        } else {
            fputs(")\n        return ;;\n", out);
        }
    }
}

int cli_doc_completion(FILE *out, const struct command *cmds, size_t n_cmds,
                       const struct opt *global)
{
    const struct opt *common = cli_common_opts();
    struct cli_capture *caps = calloc(n_cmds ? n_cmds : 1, sizeof *caps);
    if (!caps)
        return CLI_EXIT_NOMEM;
    for (size_t i = 0; i < n_cmds; i++) {
        if (!capture(&cmds[i], &caps[i])) {
            free(caps);
            return CLI_EXIT_INTERNAL;
        }
    }
    fputs("# bash completion for exodus(1), generated by "
          "'exodus --dump-completion'\n"
          "# from the command and option tables that also print -h.\n\n"
          "_exodus_files()\n"
          "{\n"
          "    compopt -o filenames 2>/dev/null\n"
          "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "}\n\n"
          "_exodus()\n"
          "{\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]}\n"
          "    local prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    local cmd= i\n"
          "    COMPREPLY=()\n"
          "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
          "        case ${COMP_WORDS[i]} in\n"
          "        --db) ((i++)) ;;\n"
          "        -*) ;;\n"
          "        *) cmd=${COMP_WORDS[i]}; break ;;\n"
          "        esac\n"
          "    done\n"
          "    case ${cmd:-exodus}:$prev in\n",
          out);
    value_arms(out, "exodus", global);
    for (size_t i = 0; i < n_cmds; i++)
        value_arms(out, cmds[i].name, caps[i].table);
    value_arms(out, "*", common);
    fputs("    esac\n"
          "    if [ -z \"$cmd\" ]; then\n"
          "        case $cur in\n"
          "        -*) COMPREPLY=($(compgen -W \"",
          out);
    words(out, global);
    fputs("\" -- \"$cur\")) ;;\n"
          "        *) COMPREPLY=($(compgen -W \"",
          out);
    for (size_t i = 0; i < n_cmds; i++)
        fprintf(out, "%s%s", i ? " " : "", cmds[i].name);
    fputs("\" -- \"$cur\")) ;;\n"
          "        esac\n"
          "        return\n"
          "    fi\n"
          "    case $cur in\n"
          "    -*) ;;\n"
          "    *) _exodus_files; return ;;\n"
          "    esac\n"
          "    local opts\n"
          "    case $cmd in\n",
          out);
    for (size_t i = 0; i < n_cmds; i++) {
        fprintf(out, "    %s) opts=\"", cmds[i].name);
        words(out, caps[i].table);
        fputs("\" ;;\n", out);
    }
    fputs("    esac\n"
          "    COMPREPLY=($(compgen -W \"$opts",
          out);
    words(out, common);
    fputs("\" -- \"$cur\"))\n"
          "}\n"
          "complete -F _exodus exodus\n",
          out);
    free(caps);
    return ferror(out) ? CLI_EXIT_IO : 0;
}
