/*
 * sections.c - where sections written on other branches join the report
 * and the dashboard. Each hook builds one section object (report.h) for an
 * organisation, or json null when it has nothing to show; html.c and the
 * dashboard call every hook in the order of exo__sections. To add one:
 * write its builder, fill the hook below, and (for the dashboard) add its
 * endpoint to the table in src/serve/serve.c.
 */
#include "report/report.h"

exo_code exo__view_flows(exo_store *store, const char *org,
                         const exo_filter *filter,
                         const struct exo__report_params *p, json_t **out,
                         exo_err *err)
{
    (void)store, (void)org, (void)filter, (void)p, (void)err;
    /* Moves between organisations (issue 5) are not part of this build. */
    *out = json_null();
    return EXO_OK;
}

exo_code exo__view_runway(exo_store *store, const char *org,
                          const exo_filter *filter,
                          const struct exo__report_params *p, json_t **out,
                          exo_err *err)
{
    (void)store, (void)org, (void)filter;
    *out = NULL;
    /* The runway simulation (issue 6) is not part of this build: refuse a
     * scenario rather than print a report that silently lacks it. */
    if (p->scenario)
        return exo__fail(err, EXO_EINVAL,
                         "--scenario '%s': the runway simulation is not "
                         "part of this build (issue 6)",
                         p->scenario);
    *out = json_null();
    return EXO_OK;
}

exo_code exo__view_orgs(exo_store *store, json_t **out, exo_err *err)
{
    exo_org_list list = {0};
    *out = NULL;
    exo_code rc = exo_orgs_list(store, &list, err);
    if (rc)
        return rc;
    json_t *arr = json_array();
    bool ok = arr != NULL;
    for (size_t i = 0; i < list.n; i++) {
        json_t *o = json_object();
        ok &= exo__jset(o, "name", exo__jstr(list.rows[i].name));
        ok &= exo__jset(o, "departures",
                        json_integer((json_int_t)list.rows[i].n_departures));
        ok &= exo__jset(o, "arrivals",
                        json_integer((json_int_t)list.rows[i].n_arrivals));
        ok &= exo__jset(o, "people",
                        json_integer((json_int_t)list.rows[i].n_people));
        ok &= exo__jpush(arr, o);
    }
    exo_org_list_release(&list);
    if (!ok) {
        json_decref(arr);
        return exo__fail(err, EXO_ENOMEM, "listing organisations");
    }
    *out = arr;
    return EXO_OK;
}
