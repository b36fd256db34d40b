/*
 * rows.h - the store's raw rows for the analysis layer: what is recorded,
 * before any rule about what counts (src/analysis/departures.c decides
 * that). No SQL types cross this header.
 */
#ifndef EXO_STORE_ROWS_H
#define EXO_STORE_ROWS_H

#include "core/exo.h"

/*
 * Every recorded departure from 'org' under 'filter' (leaves included),
 * reported moves and ends of spells alike, grouped by person and in date
 * order within each person.
 */
exo_code exo__departure_rows(exo_store *store, const char *org,
                             const exo_filter *filter, exo_move_list *out,
                             exo_err *err);
/* The same for arrivals: moves into 'org' and starts of its spells. */
exo_code exo__arrival_rows(exo_store *store, const char *org,
                           const exo_filter *filter, exo_move_list *out,
                           exo_err *err);
/*
 * Every organisation's departure rows, as exo__departure_rows gives each
 * one's (no filter), in one read: sorted by the organisation left
 * (from_org, by bytes), then as exo__departure_rows sorts them.
 */
exo_code exo__all_departure_rows(exo_store *store, exo_move_list *out,
                                 exo_err *err);
/* The same for arrivals, sorted by the organisation joined (to_org). */
exo_code exo__all_arrival_rows(exo_store *store, exo_move_list *out,
                               exo_err *err);
/* The newest reported move's date (the as-of date of the news the store
 * holds); EXO_ENOTFOUND when there is none. */
exo_code exo__store_last_date(exo_store *store, exo_date *out, exo_err *err);
/*
 * The organisations with their people counted, ordered by recorded
 * departures (the counts in n_departures and n_arrivals are the raw rows;
 * exo_org_list_load applies the rules).
 */
exo_code exo__org_rows(exo_store *store, exo_org_list *out, exo_err *err);

/* Frees the strings of one row. */
void exo__move_release(exo_move *m);

#endif
