/*
 * json_locate.c - a small JSON scanner that only tracks nesting and
 * strings, enough to find the n-th element of the top-level array and a
 * member's value inside it.
 */
#include "ingest/json_locate.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "core/utf8.h"

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

/* 'p' at an opening quote; returns the position after the closing one. */
static const char *skip_string(const char *p)
{
    p++;
    while (*p && *p != '"')
        p += (*p == '\\' && p[1]) ? 2 : 1;
    return *p ? p + 1 : p;
}

/* Skips one value (string, number, literal, object or array). */
static const char *skip_value(const char *p)
{
    p = skip_space(p);
    if (*p == '"')
        return skip_string(p);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        while (*p) {
            if (*p == '"') {
                p = skip_string(p);
                continue;
            }
            if (*p == '{' || *p == '[')
                depth++;
            else if ((*p == '}' || *p == ']') && --depth == 0)
                return p + 1;
            p++;
        }
        return p;
    }
    while (*p && *p != ',' && *p != '}' && *p != ']' && *p != ' ' &&
           *p != '\n' && *p != '\t' && *p != '\r')
        p++;
    return p;
}

static void position(const char *text, const char *at, long *line, long *column)
{
    const char *line_start = text;
    long n = 1;
    for (const char *p = text; p < at; p++) {
        if (*p == '\n') {
            n++;
            line_start = p + 1;
        }
    }
    *line = n;
    *column = (long)exo__utf8_chars(line_start, (size_t)(at - line_start)) + 1;
}

void exo__json_locate(const char *text, size_t index, const char *key,
                      long *line, long *column)
{
    const char *p = skip_space(text);
    *line = 1;
    *column = 1;
    if (*p != '[')
        return;
    p = skip_space(p + 1);
    for (size_t i = 0; i < index && *p && *p != ']'; i++) {
        p = skip_value(p);
        p = skip_space(p);
        if (*p == ',')
            p = skip_space(p + 1);
    }
    if (!*p || *p == ']')
        return;
    position(text, p, line, column);
    if (!key || *p != '{')
        return;
    size_t key_len = strlen(key);
    p = skip_space(p + 1);
    while (*p == '"') {
        const char *name = p + 1, *end = skip_string(p);
        bool match = (size_t)(end - 1 - name) == key_len &&
                     memcmp(name, key, key_len) == 0;
        p = skip_space(end);
        if (*p != ':')
            return;
        p = skip_space(p + 1);
        if (match) {
            position(text, p, line, column);
            return;
        }
        p = skip_space(skip_value(p));
        if (*p != ',')
            return;
        p = skip_space(p + 1);
    }
}

/* 'p' at an object's '{': the value of member 'key' (len bytes), or NULL. */
static const char *member_value(const char *p, const char *key, size_t len)
{
    p = skip_space(p + 1);
    while (*p == '"') {
        const char *name = p + 1, *end = skip_string(p);
        bool match =
            (size_t)(end - 1 - name) == len && memcmp(name, key, len) == 0;
        p = skip_space(end);
        if (*p != ':')
            return NULL;
        p = skip_space(p + 1);
        if (match)
            return p;
        p = skip_space(skip_value(p));
        if (*p != ',')
            return NULL;
        p = skip_space(p + 1);
    }
    return NULL;
}

/* 'p' at an array's '[': element 'index', or NULL. */
static const char *element_value(const char *p, size_t index)
{
    p = skip_space(p + 1);
    for (size_t i = 0; i < index && *p && *p != ']'; i++) {
        p = skip_space(skip_value(p));
        if (*p != ',')
            return NULL;
        p = skip_space(p + 1);
    }
    return *p && *p != ']' ? p : NULL;
}

void exo__json_locate_path(const char *text, const char *path, long *line,
                           long *column)
{
    const char *p = skip_space(text);
    const char *at = p;
    while (p && *path) {
        size_t len = strcspn(path, "/");
        if (*p == '{') {
            p = member_value(p, path, len);
        } else if (*p == '[') {
            size_t index = 0;
            for (size_t i = 0; i < len; i++)
                index = index * 10 + (size_t)(path[i] - '0');
            p = element_value(p, index);
        } else {
            p = NULL;
        }
        if (p)
            at = p;
        path += len;
        if (*path == '/')
            path++;
    }
    position(text, at, line, column);
}
