/*
 * cmd_serve.c - exodus serve: the local dashboard (exo_serve_start) until
 * SIGINT or SIGTERM. The store is opened read-only.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char serve_usage[] =
    "usage: exodus serve [--port 8080] [--bind 127.0.0.1] [--allow-host "
    "NAME]...\n"
    "                    [--request-timeout S] [--db PATH]";

/* More names than any one dashboard answers to. */
#define MAX_ALLOW_HOSTS 16

static const struct opt serve_opts[] = {
    {"port", 0, "N", "TCP port (default 8080; 0: any free port)"},
    {"bind", 0, "ADDR", "address to listen on (default 127.0.0.1)"},
    {"title", 0, "TEXT", "the page title (default: exodus dashboard)"},
    {"allow-host", 0, "NAME",
     "also answer requests for Host NAME (repeatable; always: the --bind "
     "address, and localhost if loopback)"},
    {"request-timeout", 0, "S",
     "seconds a client has to send a request's headers (default 10)"},
    {NULL, 0, NULL, NULL},
};

int cmd_serve(struct cli *cli, int argc, char **argv)
{
    const char *arg;
    int first, c, rc;
    long port, secs;
    const char *hosts[MAX_ALLOW_HOSTS];
    exo_serve_opts o;
    exo_serve_opts_init(&o);
    while ((c = cli_next_opt(cli, serve_usage, serve_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            if ((rc = cli_parse_long(cli, "port", arg, &port)))
                return rc;
            if (port < 0 || port > 65535)
                return cli_usage_error(cli, "--port: %ld is not a TCP port",
                                       port);
            o.port = (unsigned)port;
            break;
        case 1:
            o.bind = arg;
            break;
        case 2:
            o.report.title = arg;
            break;
        case 3:
            if (o.n_allow_hosts == MAX_ALLOW_HOSTS)
                return cli_usage_error(cli, "--allow-host: more than %d names",
                                       MAX_ALLOW_HOSTS);
            hosts[o.n_allow_hosts++] = arg;
            o.allow_hosts = hosts;
            break;
        case 4:
            if ((rc = cli_parse_long(cli, "request-timeout", arg, &secs)))
                return rc;
            if (secs < 1 || secs > 3600)
                return cli_usage_error(
                    cli, "--request-timeout: %ld is not 1 to 3600 seconds",
                    secs);
            o.request_timeout_s = (unsigned)secs;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (first < argc)
        return cli_usage_error(cli, "unexpected argument '%s'", argv[first]);
    o.report.store_label = cli->db_label;
    /* The bundled scenarios /api/runway may run, as exodus demo finds its
     * data: ./data when there, else the source tree's. */
    o.scenario_dir = access("data/scenarios", R_OK) == 0 ? "data/scenarios"
                                                         : EXO_DATA_DIR
                         "/scenarios";
    /* The server's thread inherits this mask: the signals come here. */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    exo_server *server = NULL;
    exo_err err = {0};
    if (exo_serve_start(cli->db_path, &o, &server, &err))
        return cli_fail(cli, &err);
    const char *host = o.bind;
    bool v6 = strchr(host, ':') != NULL;
    printf("serving http://%s%s%s:%u/ from %s (read-only); Ctrl-C stops\n",
           v6 ? "[" : "", host, v6 ? "]" : "", exo_serve_port(server),
           cli->db_label);
    fflush(stdout);
    int sig = 0;
    sigwait(&set, &sig);
    exo_serve_stop(server);
    if (!cli->quiet)
        fprintf(stderr, "exodus: serve: stopped (%s)\n",
                sig == SIGINT ? "SIGINT" : "SIGTERM");
    return 0;
}
