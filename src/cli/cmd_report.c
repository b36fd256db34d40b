/*
 * cmd_report.c - exodus report: one self-contained HTML file with each
 * organisation's verdict card, departures timeline, goodness of fit and
 * retention, the runway of a scenario, the flows between organisations,
 * and a methods section (exo_report_html does the work).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static const char report_usage[] =
    "usage: exodus report [ORG...] [-o FILE] [--scenario FILE] [--since DATE]\n"
    "                     [--until DATE] [--level LEVEL,...] [--title TEXT]\n"
    "                     [--min-departures N] [--seed N] [--paths N]\n"
    "                     [--scenario-org ORG] [--compare ORG...]\n"
    "                     [--compare-as-of DATE] [--screener]\n"
    "                     [--compare-scenario FILE...]";

static const struct opt report_opts[] = {
    {"output", 'o', "FILE",
     "write the report here (default report.html; - "
     "for stdout)"},
    {"scenario", 0, "FILE",
     "runway scenario (docs/runway.md): fan charts and months of runway"},
    {"since", 0, "DATE", "read departures from DATE (and retention from it)"},
    {"until", 0, "DATE", "read departures until DATE"},
    {"level", 0, "LEVEL", "only departures of these levels"},
    {"title", 0, "TEXT", "the report's title (default: exodus report)"},
    {"min-departures", 0, "N",
     "with no ORG: organisations with at least N departures (10)"},
    {"seed", 0, "N", "seed for tie spreading and the forecast (1)"},
    {"paths", 0, "N", "forecast and runway paths (10000)"},
    {"scenario-org", 0, "ORG",
     "the organisation the scenario describes (default: the first)"},
    {"compare", 0, "ORG",
     "a side-by-side section of these organisations (repeatable)"},
    {"compare-as-of", 0, "DATE",
     "and the same side by side as of DATE (exodus compare --as-of)"},
    {"screener", 0, NULL, "a section ranking every organisation (exodus scan)"},
    {"compare-scenario", 0, "FILE",
     "runway scenarios side by side with --scenario's (repeatable)"},
    {NULL, 0, NULL, NULL},
};

enum {
    OPT_OUTPUT,
    OPT_SCENARIO,
    OPT_SINCE,
    OPT_UNTIL,
    OPT_LEVEL,
    OPT_TITLE,
    OPT_MIN,
    OPT_SEED,
    OPT_PATHS,
    OPT_SCENARIO_ORG,
    OPT_COMPARE,
    OPT_COMPARE_AS_OF,
    OPT_SCREENER,
    OPT_COMPARE_SCENARIO
};

#define MAX_COMPARE 8

/* Syncs the directory holding 'path', which makes a rename into it
 * survive a crash. The file is complete by then either way, so a failure
 * costs only that durability and is not reported. */
static void sync_parent_dir(const char *path)
{
    char dir[4200];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path + 1), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int report_write(const struct cli *cli, exo_store *store,
                 const exo_report_org *orgs, size_t n_orgs,
                 const exo_report_opts *opts, const char *path)
{
    exo_err err = {0};
    if (strcmp(path, "-") == 0) {
        if (exo_report_html(store, orgs, n_orgs, opts, stdout, &err))
            return cli_fail(cli, &err);
        return 0;
    }
    /* Written beside the target, synced and renamed: a failed run leaves
     * any earlier report as it was and no partial file, and a crash after
     * the rename cannot leave an empty one. mkstemp makes the temporary
     * file itself (O_EXCL), so a file or symlink already at a guessable
     * name is never written through. */
    char tmp[4200];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) {
        fprintf(stderr, "exodus: %s: the path '%s' is too long\n", cli->command,
                path);
        return CLI_EXIT_CANT_CREATE;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "exodus: %s: cannot write '%s': %s\n", cli->command,
                path, strerror(errno));
        return CLI_EXIT_CANT_CREATE;
    }
    /* mkstemp's mode is 0600; a report gets what the umask gives. */
    mode_t mask = umask(0);
    umask(mask);
    FILE *f = fdopen(fd, "wb");
    if (!f || fchmod(fd, 0666 & ~mask)) {
        fprintf(stderr, "exodus: %s: cannot write '%s': %s\n", cli->command,
                path, strerror(errno));
        if (f)
            fclose(f);
        else
            close(fd);
        unlink(tmp);
        return CLI_EXIT_CANT_CREATE;
    }
    exo_code rc = exo_report_html(store, orgs, n_orgs, opts, f, &err);
    int failed_errno = 0;
    if (!rc && (fflush(f) || fsync(fd)))
        failed_errno = errno;
    if (fclose(f) && !rc && !failed_errno)
        failed_errno = errno;
    if (rc || failed_errno) {
        unlink(tmp);
        if (rc)
            return cli_fail(cli, &err);
        fprintf(stderr, "exodus: %s: writing '%s': %s\n", cli->command, path,
                strerror(failed_errno));
        return cli_exit_code(EXO_EIO);
    }
    if (rename(tmp, path)) {
        fprintf(stderr, "exodus: %s: cannot rename '%s' to '%s': %s\n",
                cli->command, tmp, path, strerror(errno));
        unlink(tmp);
        return CLI_EXIT_CANT_CREATE;
    }
    sync_parent_dir(path);
    return 0;
}

int cmd_report(struct cli *cli, int argc, char **argv)
{
    const char *arg, *out = "report.html";
    exo_report_opts o;
    exo_filter filter = {0};
    const char *compare[MAX_COMPARE], *scenarios[MAX_COMPARE];
    int first, c, rc;
    long v;
    exo_report_opts_init(&o);
    o.compare = compare;
    o.compare_scenarios = scenarios;
    while ((c = cli_next_opt(cli, report_usage, report_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case OPT_OUTPUT:
            out = arg;
            break;
        case OPT_SCENARIO:
            o.scenario = arg;
            break;
        case OPT_SINCE:
            if ((rc = cli_parse_date(cli, "since", arg, &filter.since)))
                return rc;
            filter.has_since = true;
            break;
        case OPT_UNTIL:
            if ((rc = cli_parse_date(cli, "until", arg, &filter.until)))
                return rc;
            filter.has_until = true;
            break;
        case OPT_LEVEL:
            if ((rc = cli_parse_levels(cli, arg, &filter.level_mask)))
                return rc;
            break;
        case OPT_TITLE:
            o.title = arg;
            break;
        case OPT_SCENARIO_ORG:
            o.scenario_org = arg;
            break;
        case OPT_COMPARE:
            if (o.n_compare == MAX_COMPARE)
                return cli_usage_error(cli,
                                       "--compare: at most %d "
                                       "organisations",
                                       MAX_COMPARE);
            compare[o.n_compare++] = arg;
            break;
        case OPT_COMPARE_SCENARIO:
            if (o.n_compare_scenarios == MAX_COMPARE)
                return cli_usage_error(cli,
                                       "--compare-scenario: at most %d "
                                       "scenarios",
                                       MAX_COMPARE);
            scenarios[o.n_compare_scenarios++] = arg;
            break;
        case OPT_COMPARE_AS_OF:
            if ((rc = cli_parse_date(cli, "compare-as-of", arg,
                                     &o.compare_as_of)))
                return rc;
            o.has_compare_as_of = true;
            break;
        case OPT_SCREENER:
            o.screener = true;
            break;
        case OPT_MIN:
        case OPT_SEED:
        case OPT_PATHS:
            if ((rc = cli_parse_long(cli, report_opts[c].name, arg, &v)))
                return rc;
            if (v < 1)
                return cli_usage_error(cli, "--%s: %ld (expected at least 1)",
                                       report_opts[c].name, v);
            if (c == OPT_MIN)
                o.min_departures = (size_t)v;
            else if (c == OPT_SEED)
                o.seed = (uint64_t)v;
            else
                o.forecast_paths = (size_t)v;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (filter.has_since && filter.has_until && filter.until < filter.since)
        return cli_usage_error(cli, "--until is before --since");
    if (o.has_compare_as_of && !o.n_compare)
        return cli_usage_error(cli, "--compare-as-of needs --compare ORG");
    size_t n = (size_t)(argc - first);
    exo_report_org *orgs = calloc(n ? n : 1, sizeof *orgs);
    if (!orgs) {
        fprintf(stderr, "exodus: out of memory\n");
        return CLI_EXIT_NOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        orgs[i].name = argv[first + (int)i];
        orgs[i].filter = filter;
    }
    bool any_filter = filter.has_since || filter.has_until || filter.level_mask;
    if (n == 0 && any_filter) {
        free(orgs);
        return cli_usage_error(cli, "--since, --until and --level need ORG");
    }
    exo_store *store = NULL;
    exo_err err = {0};
    o.store_label = cli->db_label;
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err)) {
        free(orgs);
        return cli_fail(cli, &err);
    }
    int status = report_write(cli, store, orgs, n, &o, out);
    if (!status && strcmp(out, "-") != 0)
        printf("report: %s\n", out);
    exo_store_close(store);
    free(orgs);
    return status;
}
