/*
 * cmd_people.c - exodus people [--org NAME]: who is in the store and which
 * organisations they have been at, in order.
 */
#include "cli.h"

static const char people_usage[] = "usage: exodus people [--org NAME] [--json]";

static const struct opt people_opts[] = {
    {"org", 0, "NAME", "only people who were at NAME"},
    {NULL, 0, NULL, NULL},
};

int cmd_people(struct cli *cli, int argc, char **argv)
{
    const char *arg, *org = NULL;
    int first, c;
    while ((c = cli_next_opt(cli, people_usage, people_opts, argc, argv, &arg,
                             &first)) != -1) {
        if (c == 0)
            org = arg;
        else
            return c == -2 ? 0 : CLI_EXIT_USAGE;
    }
    if (first < argc)
        return cli_usage_error(cli, "unexpected argument '%s'", argv[first]);
    exo_store *store;
    exo_err err = {0};
    exo_person_list people = {0};
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err) ||
        exo_person_list_load(store, org, &people, &err)) {
        exo_store_close(store);
        return cli_fail(cli, &err);
    }
    if (cli->json) {
        struct json_out j;
        json_begin(&j, stdout);
        json_arr_open(&j, "people");
        for (size_t i = 0; i < people.n; i++) {
            json_obj_open(&j, NULL);
            json_str(&j, "name", people.rows[i].name);
            json_str(&j, "orgs", people.rows[i].orgs);
            json_int(&j, "records", (long long)people.rows[i].n_records);
            json_obj_close(&j);
        }
        json_arr_close(&j);
        json_end(&j);
    } else {
        static const char *const headers[] = {"person", "records",
                                              "organisations (in order)"};
        struct table *t = table_new(3, headers);
        table_align_right(t, 1);
        for (size_t i = 0; i < people.n; i++)
            table_rowf(t, "%s\t%zu\t%s", people.rows[i].name,
                       people.rows[i].n_records,
                       people.rows[i].orgs ? people.rows[i].orgs : "");
        table_print(t, stdout, "");
        table_free(t);
    }
    exo_person_list_release(&people);
    exo_store_close(store);
    return 0;
}
