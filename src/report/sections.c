/*
 * sections.c - the organisation list view. The sections themselves live
 * one per file (view_spiral.c, view_survival.c, view_flows.c,
 * view_runway.c); html.c places them in the report and src/serve/serve.c
 * answers one endpoint per view. To add a section: write its builder
 * (report.h gives the shape), call it from html.c, and add its endpoint
 * to the route table in serve.c.
 */
#include "report/report.h"

exo_code exo__view_orgs(exo_store *store, json_t **out, exo_err *err)
{
    exo_org_list list = {0};
    *out = NULL;
    exo_code rc = exo_org_list_load(store, &list, err);
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
