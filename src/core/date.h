/*
 * date.h - internal date helpers beyond the public exo_date functions.
 */
#ifndef EXO_CORE_DATE_H
#define EXO_CORE_DATE_H

#include <stdbool.h>

#include "exodus.h"

bool exo__is_leap(int year);
int exo__days_in_month(int year, int month);
/* "day", "month", "year" -> precision; false when none of them. */
bool exo__precision_parse(const char *s, exo_precision *out);
const char *exo__precision_name(exo_precision p);
/* Length in days of the precision window starting at 'days'. */
int exo__precision_days(int32_t days, exo_precision p);

#endif
