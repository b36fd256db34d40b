/*
 * json.h - jansson's parser with its failures to allocate made visible.
 */
#ifndef EXO_CORE_JSON_H
#define EXO_CORE_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/*
 * json_loadb, but '*oom' is set, and NULL returned, when any allocation
 * jansson made while parsing failed. jansson's lexer ignores a string
 * buffer that cannot grow and drops the byte instead (a failing allocator
 * read "departures per month" as "departures permonth"), so its success
 * is not enough: jansson's allocation functions are wrapped, once per
 * process, in ones that note a failure on the calling thread and otherwise
 * call whatever functions were set before (malloc and free by default, or
 * a host program's own), so nothing else about its memory changes.
 */
json_t *exo__json_loadb(const char *text, size_t len, size_t flags,
                        json_error_t *jerr, bool *oom);

#endif
