/*
 * cmd_extract.c - exodus extract FILE...: candidate moves from news text,
 * printed for review as a table, as CSV in the moves import format, or as
 * JSON; --import adds them to the store through the validated import path.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char extract_usage[] =
    "usage: exodus extract FILE... [--org-context NAME] [--csv | --json]\n"
    "                      [--import] [--review-below X] [--min-confidence X]\n"
    "                      [--date DATE]";

static const struct opt extract_opts[] = {
    {"org-context", 0, "NAME",
     "the organisation the text is about (default: the one named most)"},
    {"csv", 0, NULL, "CSV in the 'exodus import moves' format"},
    {"import", 0, NULL,
     "add the candidates to the store (source extract:FILE)"},
    {"min-confidence", 0, "X", "leave out candidates below X (0 to 1)"},
    {"date", 0, "DATE",
     "publication date, for moves the sentence does not date"},
    {"review-below", 0, "X",
     "with --import, list candidates below confidence X (default 0.80) "
     "for review instead of importing them"},
    {NULL, 0, NULL, NULL},
};

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Moves need a level; a candidate whose text names no role is imported as
 * an individual contributor (ic), founders of a new company as founders. */
static exo_level import_level(const exo_candidate *c)
{
    return c->level != EXO_LEVEL_NONE ? c->level : EXO_LEVEL_IC;
}

/* Can the import accept 'c'? A date, and the organisation the event needs. */
static bool importable(const exo_candidate *c)
{
    bool leaving = c->event == EXO_EVENT_LEFT || c->event == EXO_EVENT_FIRED ||
                   c->event == EXO_EVENT_SABBATICAL;
    return c->has_date && (leaving ? c->from_org != NULL : c->to_org != NULL);
}

static void csv_field(const char *s, bool last)
{
    if (s && strpbrk(s, ",\"\n\r")) {
        putchar('"');
        for (; *s; s++) {
            if (*s == '"')
                putchar('"');
            putchar(*s);
        }
        putchar('"');
    } else if (s) {
        fputs(s, stdout);
    }
    putchar(last ? '\n' : ',');
}

static const char *precision_name(exo_precision p)
{
    return p == EXO_PREC_DAY ? "day" : p == EXO_PREC_MONTH ? "month" : "year";
}

static void print_csv(const exo_candidate_list *list, const char *source)
{
    for (size_t i = 0; i < list->n; i++) {
        const exo_candidate *c = &list->rows[i];
        char date[11];
        if (!importable(c))
            continue;
        exo_date_format(c->date.days, date);
        csv_field(c->person, false);
        csv_field(c->from_org, false);
        csv_field(c->to_org, false);
        csv_field(c->role, false);
        csv_field(exo_level_name(import_level(c)), false);
        csv_field(exo_event_name(c->event), false);
        csv_field(date, false);
        csv_field(precision_name(c->date.precision), false);
        csv_field(source, true);
    }
}

static void print_json(struct json_out *j, const char *file,
                       const exo_candidate_list *list)
{
    json_obj_open(j, NULL);
    json_str(j, "file", file);
    json_str(j, "context_org", list->context_org);
    json_arr_open(j, "candidates");
    for (size_t i = 0; i < list->n; i++) {
        const exo_candidate *c = &list->rows[i];
        char date[11];
        fmt_date(date, c->date);
        json_obj_open(j, NULL);
        json_str(j, "person", c->person);
        json_str(j, "from_org", c->from_org);
        json_str(j, "to_org", c->to_org);
        json_str(j, "role", c->role);
        if (c->level != EXO_LEVEL_NONE)
            json_str(j, "level", exo_level_name(c->level));
        else
            json_none(j, "level");
        json_str(j, "event", exo_event_name(c->event));
        if (c->has_date) {
            json_str(j, "date", date);
            json_str(j, "date_precision", precision_name(c->date.precision));
        } else {
            json_none(j, "date");
            json_none(j, "date_precision");
        }
        json_bool(j, "date_in_text", c->date_in_text);
        json_bool(j, "from_context", c->from_context);
        json_bool(j, "background", c->background);
        json_num(j, "confidence", c->confidence);
        json_str(j, "evidence", c->evidence);
        json_int(j, "start", (long long)c->start);
        json_int(j, "end", (long long)c->end);
        json_obj_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}

static void print_table(const char *file, const exo_candidate_list *list)
{
    static const char *const headers[] = {
        "#", "person", "event", "from", "to", "role", "level", "date", "conf"};
    struct table *t = table_new(9, headers);
    table_align_right(t, 0);
    table_align_right(t, 8);
    for (size_t i = 0; i < list->n; i++) {
        const exo_candidate *c = &list->rows[i];
        char day[11], date[16] = "-", from[256];
        if (c->has_date) {
            fmt_date(day, c->date);
            snprintf(date, sizeof date, "%s%s", day,
                     c->date_in_text ? "" : "*");
        }
        snprintf(from, sizeof from, "%s%s", c->from_org ? c->from_org : "-",
                 c->from_context ? "*" : "");
        table_rowf(
            t, "%zu\t%s\t%s%s\t%s\t%s\t%s\t%s\t%s\t%.2f", i + 1, c->person,
            exo_event_name(c->event), c->background ? " (background)" : "",
            from, c->to_org ? c->to_org : "-", c->role ? c->role : "-",
            c->level ? exo_level_name(c->level) : "-", date, c->confidence);
    }
    table_print(t, stdout, "");
    table_free(t);
    printf("%zu candidate%s in %s", list->n, list->n == 1 ? "" : "s", file);
    if (list->context_org)
        printf(" (context: %s)", list->context_org);
    printf("\n* from the text's context or date, not the sentence\n");
    for (size_t i = 0; i < list->n; i++) {
        const exo_candidate *c = &list->rows[i];
        printf("%3zu  bytes %zu-%zu: %s\n", i + 1, c->start, c->end,
               c->evidence);
    }
}

/*
 * The review step of --import: a candidate scoring below this is listed
 * with its evidence, not imported. The confidence is the second look's
 * calibrated probability that the candidate is a move a reader would
 * record (ex20c, docs/extract.md): cross-validated on the development
 * sets, about nine in ten of the candidates at or above 0.80 are, and
 * about seven in ten of those held below it (a quarter of all
 * candidates).
 */
#define REVIEW_BELOW_DEFAULT 0.80

static int import_candidates(struct cli *cli, exo_store *store,
                             const char *file, const char *source,
                             const exo_candidate_list *list,
                             double review_below)
{
    exo_move *moves = calloc(list->n ? list->n : 1, sizeof *moves);
    size_t n = 0;
    if (!moves) {
        fprintf(stderr, "exodus: extract: out of memory\n");
        return CLI_EXIT_NOMEM;
    }
    size_t held = 0;
    for (size_t i = 0; i < list->n; i++) {
        const exo_candidate *c = &list->rows[i];
        if (!importable(c))
            continue;
        if (c->confidence < review_below) {
            if (!cli->quiet)
                fprintf(stderr,
                        "%s: review #%zu %s %s (confidence %.2f), not "
                        "imported; bytes %zu-%zu: %s\n",
                        file, i + 1, c->person, exo_event_name(c->event),
                        c->confidence, c->start, c->end, c->evidence);
            held++;
            continue;
        }
        exo_move *m = &moves[n++];
        m->person = c->person;
        m->from_org = c->from_org;
        m->to_org = c->to_org;
        m->role = c->role;
        m->level = import_level(c);
        m->event = c->event;
        m->date = c->date;
        m->source = (char *)source;
    }
    exo_import_opts opts;
    exo_import_result result;
    exo_errlist errors;
    exo_err err = {0};
    exo_import_opts_init(&opts);
    opts.source = source;
    exo_code code =
        exo_import_moves(store, moves, n, &opts, &result, &errors, &err);
    free(moves);
    if (code == EXO_EDATA) {
        for (size_t e = 0; e < errors.n; e++)
            cli_fail(cli, &errors.item[e]);
        fprintf(stderr, "exodus: extract: %s\n", err.msg);
        return CLI_EXIT_DATA;
    }
    if (code)
        return cli_fail(cli, &err);
    if (!cli->quiet)
        fprintf(stderr,
                "%s: imported %zu moves, %zu new, %zu already "
                "present\n",
                file, result.n_rows, result.n_new, result.n_present);
    if (held && !cli->quiet)
        fprintf(stderr,
                "%s: %zu candidate%s below confidence %.2f held for review "
                "(--review-below 0 imports them)\n",
                file, held, held == 1 ? "" : "s", review_below);
    return 0;
}

int cmd_extract(struct cli *cli, int argc, char **argv)
{
    exo_extract_opts opts;
    const char *arg;
    bool csv = false, import = false;
    double review_below = REVIEW_BELOW_DEFAULT;
    int first, c, rc;
    exo_extract_opts_init(&opts);
    while ((c = cli_next_opt(cli, extract_usage, extract_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            opts.org_context = arg;
            break;
        case 1:
            csv = true;
            break;
        case 2:
            import = true;
            break;
        case 3:
            if ((rc = cli_parse_double(cli, "min-confidence", arg,
                                       &opts.min_confidence)))
                return rc;
            if (!(opts.min_confidence >= 0 && opts.min_confidence <= 1))
                return cli_usage_error(cli,
                                       "--min-confidence %s is out of "
                                       "range (expected 0 to 1)",
                                       arg);
            break;
        case 4: {
            exo_err derr = {0};
            if (exo_date_parse(arg, &opts.date, &derr))
                return cli_usage_error(cli, "bad --date '%s': %s", arg,
                                       derr.msg);
            opts.has_date = true;
            break;
        }
        case 5:
            if ((rc =
                     cli_parse_double(cli, "review-below", arg, &review_below)))
                return rc;
            if (!(review_below >= 0 && review_below <= 1))
                return cli_usage_error(cli,
                                       "--review-below %s is out of range "
                                       "(expected 0 to 1)",
                                       arg);
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (first >= argc) {
        cli_usage(stderr, extract_usage, extract_opts);
        return CLI_EXIT_USAGE;
    }
    if (csv && cli->json)
        return cli_usage_error(cli, "--csv and --json exclude each other");
    /* The store's organisations are recognised too, when there is one;
     * plain extraction never creates a store. */
    exo_store *store = NULL;
    exo_err err = {0};
    exo_org_list orgs = {0};
    const char **names = NULL;
    if (import) {
        if (cli_open_store(cli, EXO_STORE_CREATE, &store, &err))
            return cli_fail(cli, &err);
    } else {
        exo_err ignored = {0};
        cli_open_store(cli, EXO_STORE_READONLY, &store, &ignored);
    }
    if (store && exo_org_list_load(store, &orgs, &err) == EXO_OK && orgs.n) {
        names = calloc(orgs.n, sizeof *names);
        for (size_t i = 0; names && i < orgs.n; i++)
            names[i] = orgs.rows[i].name;
        opts.orgs = names;
        opts.n_orgs = names ? orgs.n : 0;
    }
    struct json_out j;
    if (cli->json) {
        json_begin(&j, stdout);
        json_arr_open(&j, "files");
    }
    if (csv)
        printf("person,from_org,to_org,role,level,event,date,date_precision,"
               "source_url\n");
    int status = 0;
    for (int i = first; i < argc && status == 0; i++) {
        exo_candidate_list list;
        char source[512];
        snprintf(source, sizeof source, "extract:%s", base_name(argv[i]));
        if (exo_extract_file(argv[i], &opts, &list, &err)) {
            status = cli_fail(cli, &err);
            break;
        }
        /* History the text gives no year for ("a few years ago") is
         * left out whatever --date says, so it is counted apart. */
        size_t skipped = 0, history = 0;
        for (size_t k = 0; k < list.n; k++) {
            const exo_candidate *row = &list.rows[k];
            if (row->background && !row->has_date)
                history++;
            else
                skipped += !importable(row);
        }
        if (cli->json) {
            print_json(&j, argv[i], &list);
        } else if (csv) {
            print_csv(&list, source);
        } else {
            if (argc - first > 1)
                printf("%s== %s\n", i > first ? "\n" : "", argv[i]);
            print_table(argv[i], &list);
        }
        if ((csv || import) && skipped && !cli->quiet)
            fprintf(stderr,
                    "%s: %zu candidate%s without a date or the "
                    "organisation the event needs left out (give "
                    "--date or --org-context)\n",
                    argv[i], skipped, skipped == 1 ? "" : "s");
        if ((csv || import) && history && !cli->quiet)
            fprintf(stderr,
                    "%s: %zu candidate%s told as history with no date "
                    "left out (the text gives no year)\n",
                    argv[i], history, history == 1 ? "" : "s");
        if (import)
            status = import_candidates(cli, store, argv[i], source, &list,
                                       review_below);
        exo_candidate_list_release(&list);
    }
    if (cli->json) {
        json_arr_close(&j);
        json_end(&j);
    }
    free(names);
    exo_org_list_release(&orgs);
    exo_store_close(store);
    return status;
}

int extract_show(struct cli *cli, const char *path, struct json_out *j)
{
    exo_extract_opts opts;
    exo_candidate_list list;
    exo_err err = {0};
    exo_extract_opts_init(&opts);
    if (exo_extract_file(path, &opts, &list, &err))
        return cli_fail(cli, &err);
    if (j) {
        json_arr_open(j, "extract");
        print_json(j, path, &list);
        json_arr_close(j);
    } else {
        print_table(path, &list);
    }
    exo_candidate_list_release(&list);
    return 0;
}
