/*
 * cmd_stats.c - exodus stats ORG: departures and arrivals per period,
 * headcount and annualised attrition where spells give headcount, and the
 * founders and executives with who has left.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char stats_usage[] =
    "usage: exodus stats ORG [--period month|quarter|year] [--by "
    "level|reason]\n"
    "                        [--since DATE] [--until DATE] [--json]";

static const struct opt stats_opts[] = {
    {"period", 0, "month|quarter|year", "length of a row (default year)"},
    {"by", 0, "level|reason",
     "split departures by level, or by reason for leaving (with voluntary "
     "attrition)"},
    {"since", 0, "DATE", "from DATE (YYYY-MM-DD)"},
    {"until", 0, "DATE", "to DATE"},
    {NULL, 0, NULL, NULL},
};

static const char *period_label(char buf[static 16], exo_period period,
                                int32_t start)
{
    int y, m, d;
    exo_civil_from_days(start, &y, &m, &d);
    if (period == EXO_PERIOD_YEAR)
        snprintf(buf, 16, "%d", y);
    else if (period == EXO_PERIOD_QUARTER)
        snprintf(buf, 16, "%d-Q%d", y, (m - 1) / 3 + 1);
    else
        snprintf(buf, 16, "%d-%02d", y, m);
    return buf;
}

static void print_core_text(const exo_core_team *team,
                            const exo_erosion *erosion, exo_period period)
{
    if (team->n == 0) {
        printf("core team: no founders or executives recorded\n");
        return;
    }
    printf("core team: %zu of %zu founders remain; %zu of %zu executives "
           "remain\n",
           team->n_founders_remaining, team->n_founders,
           team->n_execs_remaining, team->n_execs);
    static const char *const headers[] = {"level", "person", "since",
                                          "left",  "how",    "went to"};
    struct table *t = table_new(6, headers);
    for (size_t i = 0; i < team->n; i++) {
        const exo_core_member *m = &team->rows[i];
        char joined[11] = "?", left[11] = "-";
        if (m->has_joined)
            fmt_date(joined, m->joined);
        if (m->has_left)
            fmt_date(left, m->left);
        table_rowf(t, "%s\t%s\t%s\t%s\t%s\t%s", exo_level_name(m->level),
                   m->person, joined, left,
                   m->has_left ? exo_event_name(m->left_event) : "",
                   m->went_to ? m->went_to : "");
    }
    table_print(t, stdout, "  ");
    table_free(t);
    if (erosion->n == 0)
        return;
    printf("core team present at the end of each %s\n",
           period == EXO_PERIOD_YEAR      ? "year"
           : period == EXO_PERIOD_QUARTER ? "quarter"
                                          : "month");
    static const char *const erosion_headers[] = {"period", "founders",
                                                  "execs"};
    struct table *e = table_new(3, erosion_headers);
    table_align_right(e, 1);
    table_align_right(e, 2);
    for (size_t i = 0; i < erosion->n; i++) {
        char label[16];
        table_rowf(e, "%s\t%zu\t%zu",
                   period_label(label, period, erosion->rows[i].start),
                   erosion->rows[i].founders, erosion->rows[i].execs);
    }
    table_print(e, stdout, "  ");
    table_free(e);
    if (erosion->n_unknown_start)
        printf("  (%zu with no recorded arrival counted from the start)\n",
               erosion->n_unknown_start);
}

static void print_core_json(struct json_out *j, const exo_core_team *team,
                            const exo_erosion *erosion)
{
    json_obj_open(j, "core_team");
    json_int(j, "founders", (long long)team->n_founders);
    json_int(j, "founders_remaining", (long long)team->n_founders_remaining);
    json_int(j, "execs", (long long)team->n_execs);
    json_int(j, "execs_remaining", (long long)team->n_execs_remaining);
    json_arr_open(j, "members");
    for (size_t i = 0; i < team->n; i++) {
        const exo_core_member *m = &team->rows[i];
        char date[11];
        json_obj_open(j, NULL);
        json_str(j, "person", m->person);
        json_str(j, "level", exo_level_name(m->level));
        json_str(j, "role", m->role);
        if (m->has_joined) {
            fmt_date(date, m->joined);
            json_str(j, "since", date);
        } else {
            json_none(j, "since");
        }
        if (m->has_left) {
            fmt_date(date, m->left);
            json_str(j, "left", date);
            json_str(j, "how", exo_event_name(m->left_event));
        } else {
            json_none(j, "left");
            json_none(j, "how");
        }
        json_str(j, "went_to", m->went_to);
        json_obj_close(j);
    }
    json_arr_close(j);
    json_int(j, "present_unknown_start", (long long)erosion->n_unknown_start);
    json_arr_open(j, "present_by_period");
    for (size_t i = 0; i < erosion->n; i++) {
        json_obj_open(j, NULL);
        json_date(j, "start", erosion->rows[i].start);
        json_int(j, "founders", (long long)erosion->rows[i].founders);
        json_int(j, "execs", (long long)erosion->rows[i].execs);
        json_obj_close(j);
    }
    json_arr_close(j);
    json_obj_close(j);
}

/* Table for the stats rows; by_level adds a departures column per level,
 * by_reason one per reason for leaving the period's departures give (and
 * voluntary attrition, with a headcount). */
static void print_stats_text(const char *org, const exo_stats *s, bool by_level,
                             bool by_reason)
{
    bool shown[EXO_N_REASONS] = {0};
    for (size_t i = 0; by_reason && i < s->n; i++)
        for (int q = 0; q < EXO_N_REASONS; q++)
            shown[q] = shown[q] || s->rows[i].by_reason[q] > 0;
    const char *headers[16] = {"period", "departures", "arrivals"};
    int n_cols = 3;
    bool headcount = s->n > 0 && s->rows[0].has_headcount;
    char from[16], to[16];
    if (s->n == 0) {
        printf("%s: no departures or arrivals in the window\n", org);
        return;
    }
    printf("%s: departures and arrivals per %s, %s .. %s\n", org,
           s->period == EXO_PERIOD_YEAR      ? "year"
           : s->period == EXO_PERIOD_QUARTER ? "quarter"
                                             : "month",
           period_label(from, s->period, s->rows[0].start),
           period_label(to, s->period, s->rows[s->n - 1].start));
    if (headcount) {
        headers[n_cols++] = "headcount";
        headers[n_cols++] = "attrition/yr";
    }
    if (by_level)
        for (int l = 1; l < EXO_N_LEVELS; l++)
            headers[n_cols++] = exo_level_name((exo_level)l);
    if (by_reason && headcount)
        headers[n_cols++] = "voluntary/yr";
    for (int q = 1; by_reason && q < EXO_N_REASONS; q++)
        if (shown[q])
            headers[n_cols++] = exo_reason_name((exo_reason)q);
    if (by_reason && shown[0])
        headers[n_cols++] = "not given";
    struct table *t = table_new(n_cols, headers);
    for (int c = 1; c < n_cols; c++)
        table_align_right(t, c);
    for (size_t i = 0; i < s->n; i++) {
        const exo_period_row *r = &s->rows[i];
        char cells[16][32];
        const char *row[16];
        int c = 0;
        period_label(cells[c], s->period, r->start);
        c++;
        snprintf(cells[c++], 32, "%zu", r->departures);
        snprintf(cells[c++], 32, "%zu", r->arrivals);
        if (headcount) {
            snprintf(cells[c++], 32, "%.1f", r->headcount_avg);
            if (isfinite(r->attrition_annual))
                snprintf(cells[c++], 32, "%.1f%%", 100 * r->attrition_annual);
            else
                snprintf(cells[c++], 32, "-");
        }
        if (by_level)
            for (int l = 1; l < EXO_N_LEVELS; l++)
                snprintf(cells[c++], 32, "%zu", r->by_level[l]);
        if (by_reason && headcount) {
            if (isfinite(r->voluntary_annual))
                snprintf(cells[c++], 32, "%.1f%%", 100 * r->voluntary_annual);
            else
                snprintf(cells[c++], 32, "-");
        }
        for (int q = 1; by_reason && q < EXO_N_REASONS; q++)
            if (shown[q])
                snprintf(cells[c++], 32, "%zu", r->by_reason[q]);
        if (by_reason && shown[0])
            snprintf(cells[c++], 32, "%zu", r->by_reason[0]);
        for (int k = 0; k < c; k++)
            row[k] = cells[k];
        table_row(t, row);
    }
    char total_d[32], total_a[32];
    snprintf(total_d, sizeof total_d, "%zu", s->total_departures);
    snprintf(total_a, sizeof total_a, "%zu", s->total_arrivals);
    const char *total[16] = {"total", total_d, total_a};
    table_row(t, total);
    table_print(t, stdout, "  ");
    table_free(t);
}

static void print_stats_json(struct json_out *j, const exo_stats *s)
{
    json_str(j, "period",
             s->period == EXO_PERIOD_YEAR      ? "year"
             : s->period == EXO_PERIOD_QUARTER ? "quarter"
                                               : "month");
    json_int(j, "departures", (long long)s->total_departures);
    json_int(j, "arrivals", (long long)s->total_arrivals);
    json_arr_open(j, "rows");
    for (size_t i = 0; i < s->n; i++) {
        const exo_period_row *r = &s->rows[i];
        json_obj_open(j, NULL);
        json_date(j, "start", r->start);
        json_date(j, "end", r->end);
        json_int(j, "departures", (long long)r->departures);
        json_int(j, "arrivals", (long long)r->arrivals);
        if (r->has_headcount) {
            json_num(j, "headcount_start", r->headcount_start);
            json_num(j, "headcount_end", r->headcount_end);
            json_num(j, "headcount_avg", r->headcount_avg);
            json_num(j, "attrition_annual", r->attrition_annual);
        }
        json_obj_open(j, "departures_by_level");
        for (int l = 1; l < EXO_N_LEVELS; l++)
            json_int(j, exo_level_name((exo_level)l),
                     (long long)r->by_level[l]);
        json_obj_close(j);
        json_obj_open(j, "departures_by_reason");
        for (int q = 1; q < EXO_N_REASONS; q++)
            json_int(j, exo_reason_name((exo_reason)q),
                     (long long)r->by_reason[q]);
        json_int(j, "not_given", (long long)r->by_reason[0]);
        json_obj_close(j);
        if (r->has_headcount)
            json_num(j, "voluntary_annual", r->voluntary_annual);
        json_obj_close(j);
    }
    json_arr_close(j);
}

int stats_show(struct cli *cli, exo_store *store, const char *org_name,
               exo_period period, bool by_level, const exo_filter *filter,
               struct json_out *j)
{
    return stats_show_by(cli, store, org_name, period, by_level, false, filter,
                         j);
}

int stats_show_by(struct cli *cli, exo_store *store, const char *org_name,
                  exo_period period, bool by_level, bool by_reason,
                  const exo_filter *filter, struct json_out *j)
{
    exo_err err = {0};
    exo_move_list departures = {0}, arrivals = {0};
    exo_spells spells = {0};
    exo_stats stats = {0};
    exo_core_team team = {0};
    exo_erosion erosion = {0};
    char *org = NULL;
    double *dep_days = NULL, *arr_days = NULL;
    exo_level *dep_levels = NULL;
    exo_reason *dep_reasons = NULL;
    int status = 0;
    if (exo_org_resolve(store, org_name, &org, &err) ||
        exo_move_list_load_departures(store, org, filter, &departures, NULL,
                                      &err) ||
        exo_move_list_load_arrivals(store, org, filter, &arrivals, &err) ||
        exo_spells_load(store, org, &spells, &err) ||
        exo_core_team_load(store, org, &team, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    dep_days = calloc(departures.n + 1, sizeof *dep_days);
    dep_levels = calloc(departures.n + 1, sizeof *dep_levels);
    arr_days = calloc(arrivals.n + 1, sizeof *arr_days);
    dep_reasons = calloc(departures.n + 1, sizeof *dep_reasons);
    if (!dep_days || !dep_levels || !arr_days || !dep_reasons) {
        fprintf(stderr, "exodus: out of memory\n");
        status = CLI_EXIT_NOMEM;
        goto out;
    }
    for (size_t i = 0; i < departures.n; i++) {
        dep_days[i] = departures.rows[i].date.days;
        dep_levels[i] = departures.rows[i].level;
        dep_reasons[i] = departures.rows[i].reason;
    }
    for (size_t i = 0; i < arrivals.n; i++)
        arr_days[i] = arrivals.rows[i].date.days;
    exo_stats_input in = {.departure_days = dep_days,
                          .departure_levels = dep_levels,
                          .n_departures = departures.n,
                          .arrival_days = arr_days,
                          .n_arrivals = arrivals.n,
                          .spells = &spells,
                          .departure_reasons = dep_reasons};
    if (exo_stats_compute(period, &in, filter, &stats, &err)) {
        status = cli_fail(cli, &err);
        goto out;
    }
    /* Erosion over the stats' periods, or over the team's own record. */
    if (team.n > 0) {
        int32_t from = INT32_MAX, to = INT32_MIN;
        for (size_t i = 0; i < team.n; i++) {
            const exo_core_member *m = &team.rows[i];
            int32_t first = m->has_joined ? m->joined.days : m->left.days;
            from = first < from ? first : from;
            to = first > to ? first : to;
            if (m->has_left && m->left.days > to)
                to = m->left.days;
        }
        if (stats.n > 0) {
            from = stats.rows[0].start < from ? stats.rows[0].start : from;
            to = stats.rows[stats.n - 1].end - 1 > to
                     ? stats.rows[stats.n - 1].end - 1
                     : to;
        }
        if (exo_erosion_compute(&team, period, from, to, &erosion, &err)) {
            status = cli_fail(cli, &err);
            goto out;
        }
    }
    if (j) {
        json_str(j, "org", org);
        print_stats_json(j, &stats);
        print_core_json(j, &team, &erosion);
    } else {
        print_stats_text(org, &stats, by_level, by_reason);
        print_core_text(&team, &erosion, period);
    }
out:
    exo_erosion_release(&erosion);
    free(dep_days);
    free(dep_levels);
    free(dep_reasons);
    free(arr_days);
    exo_free(org);
    exo_stats_release(&stats);
    exo_core_team_release(&team);
    exo_spells_release(&spells);
    exo_move_list_release(&departures);
    exo_move_list_release(&arrivals);
    return status;
}

int cmd_stats(struct cli *cli, int argc, char **argv)
{
    const char *arg;
    exo_filter filter = {0};
    exo_period period = EXO_PERIOD_YEAR;
    bool by_level = false, by_reason = false;
    int first, c, rc;
    while ((c = cli_next_opt(cli, stats_usage, stats_opts, argc, argv, &arg,
                             &first)) != -1) {
        switch (c) {
        case 0:
            if (strcmp(arg, "month") == 0)
                period = EXO_PERIOD_MONTH;
            else if (strcmp(arg, "quarter") == 0)
                period = EXO_PERIOD_QUARTER;
            else if (strcmp(arg, "year") == 0)
                period = EXO_PERIOD_YEAR;
            else
                return cli_usage_error(cli,
                                       "unknown --period '%s' (expected "
                                       "month, quarter or year)",
                                       arg);
            break;
        case 1:
            if (strcmp(arg, "level") == 0)
                by_level = true;
            else if (strcmp(arg, "reason") == 0)
                by_reason = true;
            else
                return cli_usage_error(cli,
                                       "unknown --by '%s' (expected "
                                       "level or reason)",
                                       arg);
            break;
        case 2:
            if ((rc = cli_parse_date(cli, "since", arg, &filter.since)))
                return rc;
            filter.has_since = true;
            break;
        case 3:
            if ((rc = cli_parse_date(cli, "until", arg, &filter.until)))
                return rc;
            filter.has_until = true;
            break;
        default:
            return c == -2 ? 0 : CLI_EXIT_USAGE;
        }
    }
    if (argc - first != 1) {
        cli_usage(stderr, stats_usage, stats_opts);
        return CLI_EXIT_USAGE;
    }
    exo_store *store;
    exo_err err = {0};
    if (cli_open_store(cli, EXO_STORE_READONLY, &store, &err))
        return cli_fail(cli, &err);
    struct json_out j;
    if (cli->json)
        json_begin(&j, stdout);
    int status = stats_show_by(cli, store, argv[first], period, by_level,
                               by_reason, &filter, cli->json ? &j : NULL);
    if (cli->json && status == 0)
        json_end(&j);
    exo_store_close(store);
    return status;
}
