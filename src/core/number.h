/*
 * number.h - the one syntax of a number in the inputs: decimal, as people
 * and spreadsheets write it. strtod alone would also take hexadecimal
 * ("0x10"), "inf", "nan" and "infinity", none of which a time, a count or
 * a covariate in a data file means.
 */
#ifndef EXO_CORE_NUMBER_H
#define EXO_CORE_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

/*
 * True when all of 's' is [+-]digits[.digits] or [+-].digits, with an
 * optional exponent [eE][+-]digits.
 */
bool exo__is_decimal(const char *s);

/* 's' as a finite double when exo__is_decimal holds and it is in range. */
bool exo__parse_decimal(const char *s, double *out);

/*
 * 's' as a whole number: [+-]digits and nothing else, within int64_t.
 * False with '*overflow' set when the digits are right but the value is
 * out of range.
 */
bool exo__parse_int64(const char *s, int64_t *out, bool *overflow);

#endif
