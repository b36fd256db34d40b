/*
 * cmd_import.c - exodus import moves|spells|finance|aliases FILE: one
 * transaction per file; every bad row is reported as FILE:LINE:COLUMN and
 * nothing is written.
 */
#include <string.h>

#include "cli.h"

static const char import_usage[] =
    "usage: exodus import moves|spells|finance|aliases FILE...\n"
    "           [--format csv|json] [--map FIELD=COLUMN,...]\n"
    "           [--date-format FMT] [--null-date VALUE] [--org NAME]\n"
    "           [--reason-map VALUE=REASON,...] [--source URL] [--dry-run]\n"
    "           [--as-of DATE] [--full-snapshot]";

static const struct opt import_opts[] = {
    {"format", 0, "csv|json", "input format (default: from the extension)"},
    {"map", 0, "FIELD=COLUMN,...", "read FIELD from the column COLUMN"},
    {"date-format", 0, "FMT", "dates like %m/%d/%Y instead of ISO 8601"},
    {"null-date", 0, "VALUE", "a date value that means none (1/1/1900)"},
    {"org", 0, "NAME", "spells: the organisation when no column names it"},
    {"reason-map", 0, "VALUE=REASON,...",
     "spells: map the export's end reasons to resignation|retirement|"
     "layoff|... or left|fired|..."},
    {"source", 0, "URL", "provenance for rows without a source_url"},
    {"dry-run", 'n', NULL,
     "say what the import would add and merge; write nothing"},
    {"as-of", 0, "DATE",
     "spells: the date the export was taken (open spells are censored "
     "there)"},
    {"full-snapshot", 0, NULL,
     "spells: the file lists every spell; end the open ones it leaves out"},
    {NULL, 0, NULL, NULL},
};

/* What the hooks share: the command, and the organisations merged by the
 * file being imported (from, into, from, into, ...), shown once it is in. */
struct import_ctx {
    const struct cli *cli;
    char **merges;
    size_t n_merges; /* pairs */
    bool oom;
};

static char *copy(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}

static void on_merged(void *ud, const char *from, const char *into)
{
    struct import_ctx *ctx = ud;
    char **grown =
        realloc(ctx->merges, (ctx->n_merges + 1) * 2 * sizeof *ctx->merges);
    char *f = copy(from), *t = copy(into);
    if (!grown || !f || !t) {
        free(f);
        free(t);
        if (grown)
            ctx->merges = grown;
        ctx->oom = true;
        return;
    }
    ctx->merges = grown;
    ctx->merges[2 * ctx->n_merges] = f;
    ctx->merges[2 * ctx->n_merges + 1] = t;
    ctx->n_merges++;
}

static void merges_clear(struct import_ctx *ctx)
{
    for (size_t i = 0; i < 2 * ctx->n_merges; i++)
        free(ctx->merges[i]);
    ctx->n_merges = 0;
}

static int show_progress(void *ud, double done)
{
    (void)ud;
    fprintf(stderr, "\rimporting... %3.0f%%", 100.0 * done);
    return 0;
}

/* A non-fatal note from the import ("columns the mapping leaves unread"). */
static void show_note(void *ud, const exo_err *warning)
{
    const struct cli *cli = ((const struct import_ctx *)ud)->cli;
    char text[600];
    exo_err_format(warning, text, sizeof text);
    if (cli->progress)
        fputs("\r                  \r", stderr);
    fprintf(stderr, "exodus: import: note: %s\n", text);
}

/* The stored spells a later export leaves out: ended with
 * --full-snapshot, else left open with a warning, since a file that lists
 * one department or only current staff would otherwise invent departures. */
static void print_missing(const exo_import_opts *opts,
                          const exo_import_result *r)
{
    char on[11];
    if (r->n_missing == 0)
        return;
    printf("  %zu stored spell%s not in this file (%zu open)", r->n_missing,
           r->n_missing == 1 ? " is" : "s are", r->n_missing_open);
    if (opts->full_snapshot) {
        exo_date_format(r->closed_on, on);
        printf(": %s open one%s ended on %s (%s), reason unknown "
               "(--full-snapshot)\n",
               r->n_closed == r->n_missing_open ? "the" : "some",
               r->n_closed == 1 ? "" : "s", on,
               opts->has_as_of ? "--as-of" : "the file's latest date");
    } else if (r->n_missing_open) {
        printf(": left open (a file may list only part of the staff); "
               "--full-snapshot ends them when it lists everyone\n");
    } else {
        printf(": already ended\n");
    }
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
    exo_import_opts opts;
    const char *arg;
    int first, c;
    exo_import_opts_init(&opts);
    while ((c = cli_next_opt(cli, import_usage, import_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            if (strcmp(arg, "csv") == 0)
                opts.format = EXO_FORMAT_CSV;
            else if (strcmp(arg, "json") == 0)
                opts.format = EXO_FORMAT_JSON;
            else
                return cli_usage_error(cli,
                                       "unknown --format '%s' (expected "
                                       "csv or json)",
                                       arg);
            break;
        case 1:
            opts.map = arg;
            break;
        case 2:
            opts.date_format = arg;
            break;
        case 3:
            opts.null_date = arg;
            break;
        case 4:
            opts.org = arg;
            break;
        case 5:
            opts.reason_map = arg;
            break;
        case 6:
            opts.source = arg;
            break;
        case 7:
            opts.dry_run = true;
            break;
        case 8:
            if (cli_parse_date(cli, "as-of", arg, &opts.as_of))
                return CLI_EXIT_USAGE;
            opts.has_as_of = true;
            break;
        case 9:
            opts.full_snapshot = true;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (argc - first < 2) {
        cli_usage(stderr, import_usage, import_opts);
        return CLI_EXIT_USAGE;
    }
    static const struct {
        const char *name;
        exo_import_kind kind;
    } kinds[] = {{"moves", EXO_IMPORT_MOVES},
                 {"spells", EXO_IMPORT_SPELLS},
                 {"finance", EXO_IMPORT_FINANCE},
                 {"aliases", EXO_IMPORT_ALIASES}};
    int k = -1;
    for (int i = 0; i < 4; i++)
        if (strcmp(argv[first], kinds[i].name) == 0)
            k = i;
    if (k < 0)
        return cli_usage_error(cli,
                               "unknown kind '%s' (expected moves, "
                               "spells, finance or aliases)",
                               argv[first]);
    bool spells = kinds[k].kind == EXO_IMPORT_SPELLS;
    if (!spells && (opts.has_as_of || opts.full_snapshot))
        return cli_usage_error(cli, "--%s applies to spells imports only",
                               opts.has_as_of ? "as-of" : "full-snapshot");
    if (cli->progress)
        opts.hooks.progress = show_progress;
    if (!cli->quiet)
        opts.hooks.warn = show_note;
    struct import_ctx ctx = {.cli = cli};
    opts.hooks.ud = &ctx;
    opts.merged = on_merged;
    exo_store *store;
    exo_err err = {0};
    /* A dry run writes nothing, not even a new empty store; nor does an
     * import whose every file fails. */
    bool existed = opts.dry_run || cli_store_exists(cli);
    size_t n_imported = 0;
    if (cli_open_store(cli, opts.dry_run ? 0 : EXO_STORE_CREATE, &store, &err))
        return cli_fail(cli, &err);
    struct json_out j;
    if (cli->json) {
        json_begin(&j, stdout);
        json_arr_open(&j, "files");
    }
    int status = 0;
    for (int i = first + 1; i < argc && status == 0; i++) {
        exo_import_result result;
        exo_errlist errors;
        merges_clear(&ctx);
        exo_code code = exo_import_file(store, kinds[k].kind, argv[i], &opts,
                                        &result, &errors, &err);
        if (!code && ctx.oom) {
            fprintf(stderr, "exodus: out of memory\n");
            status = CLI_EXIT_NOMEM;
            break;
        }
        if (cli->progress)
            fputs("\r                  \r", stderr);
        if (code == EXO_EDATA) {
            for (size_t e = 0; e < errors.n; e++)
                cli_fail(cli, &errors.item[e]);
            if (errors.n_total > errors.n)
                fprintf(stderr, "... and %zu more\n",
                        errors.n_total - errors.n);
            fprintf(stderr, "exodus: import: %s\n", err.msg);
            status = CLI_EXIT_DATA;
            break;
        }
        if (code) {
            status = cli_fail(cli, &err);
            break;
        }
        n_imported++;
        if (cli->json) {
            json_obj_open(&j, NULL);
            json_str(&j, "file", argv[i]);
            json_str(&j, "kind", kinds[k].name);
            json_int(&j, "rows", (long long)result.n_rows);
            json_int(&j, "new", (long long)result.n_new);
            json_int(&j, "present", (long long)result.n_present);
            json_int(&j, "merged", (long long)result.n_merged);
            if (spells) {
                json_int(&j, "updated", (long long)result.n_updated);
                json_int(&j, "missing", (long long)result.n_missing);
                json_int(&j, "missing_open", (long long)result.n_missing_open);
                json_int(&j, "ended", (long long)result.n_closed);
                if (opts.full_snapshot)
                    json_date(&j, "ended_on", result.closed_on);
            }
            json_bool(&j, "dry_run", opts.dry_run);
            json_arr_open(&j, "merged_orgs");
            for (size_t m = 0; m < ctx.n_merges; m++) {
                json_obj_open(&j, NULL);
                json_str(&j, "from", ctx.merges[2 * m]);
                json_str(&j, "into", ctx.merges[2 * m + 1]);
                json_obj_close(&j);
            }
            json_arr_close(&j);
            json_obj_close(&j);
        } else {
            if (spells)
                printf("%s: %zu rows, %zu new, %zu updated, %zu unchanged",
                       argv[i], result.n_rows, result.n_new, result.n_updated,
                       result.n_present);
            else
                printf("%s: %zu rows, %zu new, %zu already present", argv[i],
                       result.n_rows, result.n_new, result.n_present);
            if (result.n_merged)
                printf(" (%zu rows merged into the same spell)",
                       result.n_merged);
            if (opts.dry_run)
                printf(" (dry run: nothing written)");
            putchar('\n');
            if (spells)
                print_missing(&opts, &result);
            /* A merge cannot be undone, so each is named. */
            for (size_t m = 0; m < ctx.n_merges; m++)
                printf("  %s organisation '%s' into '%s'\n",
                       opts.dry_run ? "would merge" : "merged",
                       ctx.merges[2 * m], ctx.merges[2 * m + 1]);
        }
    }
    merges_clear(&ctx);
    free(ctx.merges);
    if (cli->json) {
        json_arr_close(&j);
        json_end(&j);
    }
    exo_store_close(store);
    if (status && !existed && n_imported == 0)
        cli_store_remove_new(cli);
    return status;
}
