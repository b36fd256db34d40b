/*
 * json_locate.h - where a value sits in JSON text. jansson keeps no
 * positions for values, so errors about a value find it again by scanning.
 */
#ifndef EXO_INGEST_JSON_LOCATE_H
#define EXO_INGEST_JSON_LOCATE_H

#include <stddef.h>

/*
 * Line and 1-based character column of element 'index' of the top-level
 * array in 'text', or with 'key' of the value of that member of the element
 * (when it is an object with such a member). Falls back to the element, then
 * to 1:1.
 */
void exo__json_locate(const char *text, size_t index, const char *key,
                      long *line, long *column);

/*
 * Line and 1-based character column of the value at 'path' in 'text':
 * member names and array indices separated by '/' ("rounds/1/month").
 * Falls back to the deepest value found on the way.
 */
void exo__json_locate_path(const char *text, const char *path, long *line,
                           long *column);

#endif
