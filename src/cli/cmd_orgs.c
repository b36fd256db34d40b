/*
 * cmd_orgs.c - exodus orgs: the organisations in the store, most
 * departures first.
 */
#include "cli.h"

static const char orgs_usage[] = "usage: exodus orgs [--json]";

static const struct opt orgs_opts[] = {
    {NULL, 0, NULL, NULL},
};

int cmd_orgs(struct cli *cli, int argc, char **argv)
{
    const char *arg;
    int first, c;
    while ((c = cli_next_opt(cli, orgs_usage, orgs_opts, argc, argv, &arg,
                             &first)) != -1)
        return c == -2 ? 0 : CLI_EXIT_USAGE;
    if (first < argc)
        return cli_usage_error(cli, "unexpected argument '%s'", argv[first]);
    exo_store *store;
    exo_err err = {0};
    exo_org_list orgs = {0};
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err) ||
        exo_org_list_load(store, &orgs, &err)) {
        exo_store_close(store);
        return cli_fail(cli, &err);
    }
    if (cli->json) {
        struct json_out j;
        json_begin(&j, stdout);
        json_arr_open(&j, "orgs");
        for (size_t i = 0; i < orgs.n; i++) {
            json_obj_open(&j, NULL);
            json_str(&j, "name", orgs.rows[i].name);
            json_int(&j, "people", (long long)orgs.rows[i].n_people);
            json_int(&j, "departures", (long long)orgs.rows[i].n_departures);
            json_int(&j, "arrivals", (long long)orgs.rows[i].n_arrivals);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_end(&j);
    } else {
        static const char *const headers[] = {"organisation", "people",
                                              "departures", "arrivals"};
        struct table *t = table_new(4, headers);
        for (int col = 1; col < 4; col++)
            table_align_right(t, col);
        for (size_t i = 0; i < orgs.n; i++)
            table_rowf(t, "%s\t%zu\t%zu\t%zu", orgs.rows[i].name,
                       orgs.rows[i].n_people, orgs.rows[i].n_departures,
                       orgs.rows[i].n_arrivals);
        table_print(t, stdout, "");
        table_free(t);
    }
    exo_org_list_release(&orgs);
    exo_store_close(store);
    return 0;
}
