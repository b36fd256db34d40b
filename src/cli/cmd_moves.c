/*
 * cmd_moves.c - exodus moves: reported moves, filtered by organisation,
 * dates and level.
 */
#include "cli.h"

static const char moves_usage[] =
    "usage: exodus moves [--org NAME] [--since DATE] [--until DATE]\n"
    "                    [--level LEVEL,...] [--json]";

static const struct opt moves_opts[] = {
    {"org", 0, "NAME", "moves into or out of NAME"},
    {"since", 0, "DATE", "on or after DATE (YYYY-MM-DD)"},
    {"until", 0, "DATE", "on or before DATE"},
    {"level", 0, "LEVEL", "founder, exec, lead, ic, board (comma-separated)"},
    {NULL, 0, NULL, NULL},
};

int cmd_moves(struct cli *cli, int argc, char **argv)
{
    const char *arg, *org = NULL;
    exo_filter filter = {0};
    int first, c, rc;
    while ((c = cli_next_opt(cli, moves_usage, moves_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            org = arg;
            break;
        case 1:
            if ((rc = cli_parse_date(cli, "since", arg, &filter.since)))
                return rc;
            filter.has_since = true;
            break;
        case 2:
            if ((rc = cli_parse_date(cli, "until", arg, &filter.until)))
                return rc;
            filter.has_until = true;
            break;
        case 3:
            if ((rc = cli_parse_levels(cli, arg, &filter.level_mask)))
                return rc;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (first < argc)
        return cli_usage_error(cli, "unexpected argument '%s'", argv[first]);
    exo_store *store;
    exo_err err = {0};
    exo_move_list moves = {0};
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err) ||
        exo_move_list_load(store, org, &filter, &moves, &err)) {
        exo_store_close(store);
        return cli_fail(cli, &err);
    }
    if (cli->json) {
        struct json_out j;
        json_begin(&j, stdout);
        json_arr_open(&j, "moves");
        for (size_t i = 0; i < moves.n; i++) {
            const exo_move *m = &moves.rows[i];
            char date[11];
            fmt_date(date, m->date);
            json_obj_open(&j, NULL);
            json_str(&j, "person", m->person);
            json_str(&j, "from_org", m->from_org);
            json_str(&j, "to_org", m->to_org);
            json_str(&j, "role", m->role);
            json_str(&j, "level", exo_level_name(m->level));
            json_str(&j, "event", exo_event_name(m->event));
            json_str(&j, "date", date);
            json_str(&j, "source_url", m->source);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_end(&j);
    } else {
        static const char *const headers[] = {"date", "person", "event", "from",
                                              "to",   "level",  "role"};
        struct table *t = table_new(7, headers);
        for (size_t i = 0; i < moves.n; i++) {
            const exo_move *m = &moves.rows[i];
            char date[11];
            fmt_date(date, m->date);
            table_rowf(t, "%s\t%s\t%s\t%s\t%s\t%s\t%s", date, m->person,
                       exo_event_name(m->event),
                       m->from_org ? m->from_org : "-",
                       m->to_org ? m->to_org : "-", exo_level_name(m->level),
                       m->role ? m->role : "");
        }
        table_print(t, stdout, "");
        table_free(t);
        printf("%zu moves\n", moves.n);
    }
    exo_move_list_release(&moves);
    exo_store_close(store);
    return 0;
}
