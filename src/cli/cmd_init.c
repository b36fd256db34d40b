/*
 * cmd_init.c - exodus init: create the store (or bring its schema up to
 * date) and say where it is.
 */
#include "cli.h"

static const char init_usage[] = "usage: exodus init [--db PATH]";

static const struct opt init_opts[] = {
    {NULL, 0, NULL, NULL},
};

int cmd_init(struct cli *cli, int argc, char **argv)
{
    const char *arg;
    int first, c;
    while ((c = cli_next_opt(cli, init_usage, init_opts, argc, argv, &arg,
                             &first)) != -1)
        return c == -2 ? 0 : CLI_EXIT_USAGE;
    if (first < argc)
        return cli_usage_error(cli, "unexpected argument '%s'", argv[first]);
    exo_store *store;
    exo_err err = {0};
    if (cli_open_store(cli, EXO_STORE_CREATE, &store, &err))
        return cli_fail(cli, &err);
    if (cli->json) {
        struct json_out j;
        json_begin(&j, stdout);
        json_str(&j, "db", cli->db_label);
        json_int(&j, "schema_version", exo_store_schema_version(store));
        json_end(&j);
    } else {
        printf("store %s ready (schema version %d)\n", cli->db_label,
               exo_store_schema_version(store));
    }
    exo_store_close(store);
    return 0;
}
