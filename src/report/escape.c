/*
 * escape.c - text that comes from data, made safe for the two places a
 * report puts it: HTML (entities) and JSON inside a <script> element
 * (\u escapes for the characters that could end or confuse the element);
 * and small jansson helpers that keep an allocation failure visible.
 */
#include "report/report.h"

#include <math.h>
#include <string.h>

#include "core/json.h"

int exo__html_escape(struct buf *b, const char *s)
{
    if (!s)
        return 0;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            break;
        }
        int rc = rep ? exo__buf_addstr(b, rep) : exo__buf_addch(b, *s);
        if (rc)
            return rc;
    }
    return 0;
}

struct dump_ctx {
    struct buf *b;
    int oom;
};

/* jansson's dump callback: escape the three characters on the way out. */
static int dump_cb(const char *text, size_t size, void *data)
{
    struct dump_ctx *c = data;
    size_t from = 0;
    for (size_t i = 0; i < size; i++) {
        const char *rep = text[i] == '<'   ? "\\u003c"
                          : text[i] == '>' ? "\\u003e"
                          : text[i] == '&' ? "\\u0026"
                                           : NULL;
        if (!rep)
            continue;
        if (exo__buf_add(c->b, text + from, i - from) ||
            exo__buf_addstr(c->b, rep)) {
            c->oom = 1;
            return -1;
        }
        from = i + 1;
    }
    if (exo__buf_add(c->b, text + from, size - from)) {
        c->oom = 1;
        return -1;
    }
    return 0;
}

int exo__json_for_script(struct buf *b, const json_t *v, int precision)
{
    struct dump_ctx c = {b, 0};
    size_t flags = JSON_COMPACT | JSON_ENSURE_ASCII | JSON_PRESERVE_ORDER |
                   JSON_ENCODE_ANY;
    if (precision > 0 && precision <= 31)
        flags |= JSON_REAL_PRECISION(precision);
    if (json_dump_callback(v, dump_cb, &c, flags) || c.oom)
        return EXO_ENOMEM;
    /* An empty document is not JSON; make sure the buffer exists. */
    return exo__buf_add(b, "", 0);
}

/* Length of the valid UTF-8 sequence at 's', or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t len = s[0] >= 0xf0 && s[0] <= 0xf4   ? 4
                 : s[0] >= 0xe0                 ? 3
                 : s[0] >= 0xc2 && s[0] <= 0xdf ? 2
                                                : 0;
    if (s[0] >= 0xf5)
        len = 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return len;
}

json_t *exo__jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    if (v)
        return v;
    /* Invalid UTF-8 (or no memory): rebuild with U+FFFD for bad bytes. */
    struct buf b = BUF_INIT;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t len = utf8_seq(p);
        if (len ? exo__buf_add(&b, p, len)
                : exo__buf_addstr(&b, "\xef\xbf\xbd")) {
            exo__buf_release(&b);
            return NULL;
        }
        p += len ? len : 1;
    }
    v = json_string(b.data ? b.data : "");
    exo__buf_release(&b);
    return v;
}

json_t *exo__jnum(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

bool exo__jset(json_t *obj, const char *key, json_t *v)
{
    if (!obj || !v) {
        json_decref(v);
        return false;
    }
    return json_object_set_new(obj, key, v) == 0;
}

bool exo__jpush(json_t *arr, json_t *v)
{
    if (!arr || !v) {
        json_decref(v);
        return false;
    }
    return json_array_append_new(arr, v) == 0;
}

json_t *exo__jparse(const char *text)
{
    bool oom;
    /* The checked parser: a template read short of memory would otherwise
     * lose a byte of a string and still parse. NULL is then "no memory". */
    return exo__json_loadb(text, strlen(text), JSON_REJECT_DUPLICATES, NULL,
                           &oom);
}

json_t *exo__jfmt(const char *fmt, ...)
{
    char text[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return exo__jstr(text);
}

bool exo__push_item(json_t *arr, const char *label, json_t *value)
{
    json_t *o = json_object();
    bool ok = exo__jset(o, "label", exo__jstr(label));
    ok &= exo__jset(o, "value", value);
    if (!ok) {
        json_decref(o);
        return false;
    }
    return exo__jpush(arr, o);
}

bool exo__push_row(json_t *rows, const char *label, json_t *value)
{
    json_t *r = json_array();
    bool ok = exo__jpush(r, exo__jstr(label));
    ok &= exo__jpush(r, value);
    if (!ok) {
        json_decref(r);
        return false;
    }
    return exo__jpush(rows, r);
}

json_t *exo__chart(const char *id, const char *title, json_t *caption,
                   json_t *spec)
{
    json_t *c = json_object();
    bool ok = exo__jset(c, "id", exo__jstr(id));
    ok &= exo__jset(c, "title", exo__jstr(title));
    ok &= exo__jset(c, "caption", caption);
    ok &= exo__jset(c, "spec", spec);
    if (!ok) {
        json_decref(c);
        return NULL;
    }
    return c;
}
