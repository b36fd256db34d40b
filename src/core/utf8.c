/*
 * utf8.c - UTF-8 checks and name keys, on GNU libunistring (validation,
 * Unicode white space, full case folding with NFC normalisation).
 */
#include "core/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "core/alloc.h"

long exo__utf8_invalid_at(const char *s, size_t len)
{
    const uint8_t *bad = u8_check((const uint8_t *)s, len);
    return bad ? (long)(bad - (const uint8_t *)s) : -1;
}

static bool is_bidi_control(ucs4_t uc)
{
    return (uc >= 0x202A && uc <= 0x202E) || (uc >= 0x2066 && uc <= 0x2069);
}

long exo__text_bad_char(const char *s, size_t len, bool name,
                        enum exo_bad_char *kind, char *what, size_t size)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned char c = p[i];
        if (c < 0x80) {
            bool line = c == '\t' || c == '\n' || c == '\r';
            if ((c < 0x20 && !(line && !name)) || c == 0x7F) {
                *kind = EXO_BAD_CONTROL;
                snprintf(what, size, "control character U+%04X", c);
                return (long)i;
            }
            i++;
            continue;
        }
        ucs4_t uc;
        int n = u8_mbtoucr(&uc, p + i, len - i);
        if (n < 0) {
            /* u8_mbtoucr rejects overlong forms and surrogates too. */
            *kind = EXO_BAD_UTF8;
            snprintf(what, size, "invalid UTF-8 byte 0x%02X", c);
            return (long)i;
        }
        if (uc >= 0x80 && uc <= 0x9F) {
            *kind = EXO_BAD_CONTROL;
            snprintf(what, size, "control character U+%04X", (unsigned)uc);
            return (long)i;
        }
        if (name && is_bidi_control(uc)) {
            *kind = EXO_BAD_BIDI;
            snprintf(what, size, "bidirectional control U+%04X", (unsigned)uc);
            return (long)i;
        }
        i += (size_t)n;
    }
    return -1;
}

size_t exo__utf8_chars(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Decodes the character at 's'; its length in '*len'. Invalid bytes: 1. */
static ucs4_t char_at(const char *s, size_t avail, int *len)
{
    ucs4_t uc;
    *len = u8_mbtouc(&uc, (const uint8_t *)s, avail);
    return uc;
}

static bool is_space(ucs4_t uc)
{
    return uc_is_property_white_space(uc);
}

/* Unicode White_Space among the ASCII characters: TAB to CR, and SPACE. */
static bool is_ascii_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

size_t exo__utf8_trim(char *s, size_t len)
{
    size_t start = 0, end = len;
    int n;
    /* ASCII at both ends, the usual case: no decoding needed there. An end
     * byte of 0x80 or more may belong to a non-ASCII space (U+00A0, ...),
     * so such a value takes the general path below. */
    while (start < end && is_ascii_space((unsigned char)s[start]))
        start++;
    while (end > start && is_ascii_space((unsigned char)s[end - 1]))
        end--;
    if (start == end ||
        ((unsigned char)s[start] < 0x80 && (unsigned char)s[end - 1] < 0x80)) {
        if (start > 0)
            memmove(s, s + start, end - start);
        s[end - start] = '\0';
        return end - start;
    }
    while (start < end && is_space(char_at(s + start, end - start, &n)))
        start += (size_t)n;
    /* Walk forward remembering the end of the last non-space character. */
    size_t last = start;
    for (size_t i = start; i < end; i += (size_t)n) {
        if (!is_space(char_at(s + i, end - i, &n)))
            last = i + (size_t)n;
    }
    memmove(s, s + start, last - start);
    s[last - start] = '\0';
    return last - start;
}

bool exo__is_ascii(const char *s, size_t len)
{
    unsigned char any = 0;
    for (size_t i = 0; i < len; i++)
        any |= (unsigned char)s[i];
    return any < 0x80;
}

size_t exo__ascii_name_key(const char *s, size_t len, char *key)
{
    size_t n = 0;
    bool in_space = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f)) {
            in_space = true;
            continue;
        }
        if (in_space && n > 0)
            key[n++] = ' ';
        in_space = false;
        key[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key[n] = '\0';
    return n;
}

/* The common case, plain ASCII, without libunistring's machinery. */
static char *ascii_key(const char *s, size_t len)
{
    char *key = exo__malloc(len + 1);
    if (key)
        exo__ascii_name_key(s, len, key);
    return key;
}

char *exo__name_key(const char *s)
{
    size_t len = strlen(s), out_len = 0;
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (ascii)
        return ascii_key(s, len);
    if (exo__utf8_invalid_at(s, len) >= 0)
        return NULL;
    /* Collapse runs of white space to one ASCII space, then trim. */
    char *collapsed = exo__malloc(len + 1);
    if (!collapsed)
        return NULL;
    bool in_space = false;
    int n;
    for (size_t i = 0; i < len; i += (size_t)n) {
        if (is_space(char_at(s + i, len - i, &n))) {
            in_space = true;
            continue;
        }
        if (in_space && out_len > 0)
            collapsed[out_len++] = ' ';
        in_space = false;
        memcpy(collapsed + out_len, s + i, (size_t)n);
        out_len += (size_t)n;
    }
    collapsed[out_len] = '\0';
    size_t folded_len = 0;
    uint8_t *folded = u8_casefold((const uint8_t *)collapsed, out_len, NULL,
                                  UNINORM_NFC, NULL, &folded_len);
    exo__free(collapsed);
    if (!folded)
        return NULL;
    /* libunistring allocates with malloc; hand back our allocator's copy. */
    char *key = exo__strndup((const char *)folded, folded_len);
    free(folded);
    return key;
}
