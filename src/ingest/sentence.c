/*
 * sentence.c - plain text for the extractor: HTML tags stripped with an
 * offset map back to the input, and sentences and paragraphs found in it
 * (contracts in extract.h).
 */
#include "ingest/extract.h"

#include <ctype.h>
#include <unistr.h>
#include <unictype.h>

#include "core/buf.h"
#include "core/exo.h"
#include "core/vec.h"
#include "ingest/lexicon.h"

/* ==== HTML ==== */

static bool ieq_prefix(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (len < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != word[i])
            return false;
    return true;
}

bool exo__is_html(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len && isspace((unsigned char)text[i]))
        i++;
    if (i == len || text[i] != '<')
        return false;
    static const char *const tags[] = {"<!doctype", "<html", "<p>",   "<p ",
                                       "<div",      "<br",   "<body", "<head",
                                       "<article",  "<h1",   "<meta", "<!--"};
    for (size_t k = i; k + 1 < len && k < i + 4096; k++) {
        if (text[k] != '<')
            continue;
        for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++)
            if (ieq_prefix(text + k, len - k, tags[t]))
                return true;
    }
    return false;
}

struct entity {
    const char *name;
    const char *utf8;
};

static const struct entity entities[] = {
    {"amp", "&"},         {"lt", "<"},          {"gt", ">"},
    {"quot", "\""},       {"apos", "'"},        {"nbsp", " "},
    {"rsquo", "\u2019"},  {"lsquo", "\u2018"},  {"ldquo", "\u201c"},
    {"rdquo", "\u201d"},  {"mdash", "\u2014"},  {"ndash", "\u2013"},
    {"hellip", "\u2026"}, {"bull", "\u2022"},   {"middot", "\u00b7"},
    {"eacute", "\u00e9"}, {"egrave", "\u00e8"}, {"aacute", "\u00e1"},
    {"oacute", "\u00f3"}, {"iacute", "\u00ed"}, {"uacute", "\u00fa"},
    {"ntilde", "\u00f1"}, {"ouml", "\u00f6"},   {"uuml", "\u00fc"},
    {"auml", "\u00e4"},   {"ccedil", "\u00e7"}, {"copy", "\u00a9"},
};

/* Decodes the entity at 'p' ('&' ...); bytes consumed, 0 when not one. */
static size_t decode_entity(const char *p, size_t left, char out[8],
                            size_t *out_len)
{
    size_t k = 1;
    while (k < left && k < 12 && p[k] != ';' &&
           (isalnum((unsigned char)p[k]) || (k == 1 && p[k] == '#')))
        k++;
    if (k >= left || p[k] != ';' || k == 1)
        return 0;
    if (p[1] == '#') {
        unsigned long cp;
        char *end;
        if (p[2] == 'x' || p[2] == 'X')
            cp = strtoul(p + 3, &end, 16);
        else
            cp = strtoul(p + 2, &end, 10);
        if (end != p + k || cp == 0 || cp > 0x10ffff ||
            (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        int r = u8_uctomb((uint8_t *)out, (ucs4_t)cp, 8);
        if (r <= 0)
            return 0;
        *out_len = (size_t)r;
        return k + 1;
    }
    for (size_t e = 0; e < sizeof entities / sizeof entities[0]; e++) {
        size_t n = strlen(entities[e].name);
        if (n == k - 1 && memcmp(p + 1, entities[e].name, n) == 0) {
            *out_len = strlen(entities[e].utf8);
            memcpy(out, entities[e].utf8, *out_len);
            return k + 1;
        }
    }
    return 0;
}

static bool is_block_tag(const char *name, size_t n)
{
    static const char *const blocks[] = {
        "p",     "div",     "br",      "li",         "ul",     "ol",
        "h1",    "h2",      "h3",      "h4",         "h5",     "h6",
        "tr",    "article", "section", "blockquote", "header", "footer",
        "title", "table",   "hr"};
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (strlen(blocks[i]) == n && ieq_prefix(name, n, blocks[i]))
            return true;
    return false;
}

struct out_text {
    struct buf text;
    size_t *map;
    size_t n, cap;
};

static int emit(struct out_text *o, const char *s, size_t n, size_t src)
{
    if (exo__buf_add(&o->text, s, n))
        return EXO_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (EXO_VEC_PUSH(o->map, o->n, o->cap, src))
            return EXO_ENOMEM;
    return 0;
}

exo_code exo__html_to_text(const char *html, size_t len, char **text,
                           size_t *text_len, size_t **map, exo_err *err)
{
    struct out_text o = {BUF_INIT, NULL, 0, 0};
    size_t i = 0;
    int rc = 0;
    *text = NULL;
    *map = NULL;
    *text_len = 0;
    while (i < len && rc == 0) {
        char c = html[i];
        if (c == '<') {
            size_t j = i + 1;
            bool closing = j < len && html[j] == '/';
            if (ieq_prefix(html + i, len - i, "<!--")) {
                const char *end = NULL;
                for (size_t k = i + 4; k + 2 < len && !end; k++)
                    if (memcmp(html + k, "-->", 3) == 0)
                        end = html + k + 3;
                i = end ? (size_t)(end - html) : len;
                continue;
            }
            if (closing)
                j++;
            size_t name_start = j;
            while (j < len && isalnum((unsigned char)html[j]))
                j++;
            size_t name_len = j - name_start;
            if (name_len == 0 && !(j < len && html[j] == '!')) {
                rc = emit(&o, "<", 1, i); /* a bare '<' in text */
                i++;
                continue;
            }
            while (j < len && html[j] != '>')
                j++;
            size_t tag_end = j < len ? j + 1 : len;
            bool skip_body =
                !closing &&
                (ieq_prefix(html + name_start, name_len, "script") ||
                 ieq_prefix(html + name_start, name_len, "style"));
            if (skip_body && (name_len == 6 || name_len == 5)) {
                const char *close = name_len == 6 ? "</script" : "</style";
                size_t k = tag_end;
                while (k < len && !ieq_prefix(html + k, len - k, close))
                    k++;
                while (k < len && html[k] != '>')
                    k++;
                tag_end = k < len ? k + 1 : len;
            }
            if (is_block_tag(html + name_start, name_len))
                rc = emit(&o, "\n\n", 2, i);
            i = tag_end;
        } else if (c == '&') {
            char buf[8];
            size_t n = 0, used = decode_entity(html + i, len - i, buf, &n);
            if (used) {
                rc = emit(&o, buf, n, i);
                i += used;
            } else {
                rc = emit(&o, "&", 1, i);
                i++;
            }
        } else {
            rc = emit(&o, html + i, 1, i);
            i++;
        }
    }
    if (rc == 0 && EXO_VEC_PUSH(o.map, o.n, o.cap, len))
        rc = EXO_ENOMEM;
    if (rc == 0 && exo__buf_add(&o.text, "", 0))
        rc = EXO_ENOMEM;
    if (rc) {
        exo__buf_release(&o.text);
        exo__free(o.map);
        return exo__fail(err, EXO_ENOMEM, "out of memory stripping HTML");
    }
    *text_len = o.text.len;
    *text = exo__buf_detach(&o.text);
    *map = o.map;
    return EXO_OK;
}

/* ==== Sentences ==== */

static size_t next_cp(const char *s, size_t len, size_t i, ucs4_t *cp)
{
    int n = u8_mbtouc(cp, (const uint8_t *)s + i, len - i);
    return n > 0 ? (size_t)n : 1;
}

static bool is_space_at(const char *s, size_t len, size_t i, size_t *n)
{
    ucs4_t cp;
    *n = next_cp(s, len, i, &cp);
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0xa0 ||
           cp == 0x2009 || cp == 0x202f || cp == 0 || cp == '\f' || cp == '\v';
}

static bool is_closer(ucs4_t cp)
{
    return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201d ||
           cp == 0x2019 || cp == 0xbb;
}

/* Length of a bullet at 'i' plus the space after it, or 0. */
static size_t bullet_len(const char *s, size_t len, size_t i)
{
    ucs4_t cp;
    size_t n = next_cp(s, len, i, &cp), sp;
    if (cp == 0x2022 || cp == 0xb7 || cp == '*' || cp == '-' || cp == 0x2013 ||
        cp == 0x2014 || cp == 0x25aa || cp == 0x25cf || cp == 0x2023 ||
        cp == '>') {
        if (i + n < len && is_space_at(s, len, i + n, &sp))
            return n + sp;
        return 0;
    }
    size_t k = i;
    while (k < len && k < i + 3 && isdigit((unsigned char)s[k]))
        k++;
    if (k > i && k < len && (s[k] == '.' || s[k] == ')') && k + 1 < len &&
        (s[k + 1] == ' ' || s[k + 1] == '\t'))
        return k + 2 - i;
    return 0;
}

/* Words that usually start a sentence, for the "Inc. The" decision. */
static bool starts_sentence(const char *w, size_t n)
{
    static const char *const words[] = {
        "The",   "He",      "She",   "It",        "They",      "We",
        "I",     "In",      "On",    "At",        "But",       "And",
        "This",  "That",    "A",     "An",        "Its",       "His",
        "Her",   "Their",   "After", "Before",    "Meanwhile", "However",
        "Also",  "Earlier", "Later", "According", "Some",      "Many",
        "Both",  "There",   "Since", "While",     "When",      "Now",
        "Still", "Last",    "Next",  "Other"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return true;
    return false;
}

/* Does the period at 'dot' end a sentence? 'next' is the next word. */
static bool period_ends(const char *s, size_t start, size_t dot,
                        const char *next, size_t next_len)
{
    size_t w = dot;
    while (w > start && !isspace((unsigned char)s[w - 1]) && s[w - 1] != '(' &&
           s[w - 1] != '"')
        w--;
    char word[16];
    size_t n = dot - w, k = 0;
    if (n == 0 || n >= sizeof word)
        return true;
    for (size_t i = 0; i < n; i++)
        word[k++] = (char)tolower((unsigned char)s[w + i]);
    word[k] = '\0';
    bool soft;
    if (exo__lex_abbrev(word, &soft))
        return soft && starts_sentence(next, next_len);
    /* An initial: one upper-case letter, or dotted ones ("J.R"). */
    bool initials = true;
    for (size_t i = 0; i < n; i++)
        if (!(isupper((unsigned char)s[w + i]) &&
              (i + 1 == n || s[w + i + 1] == '.')) &&
            s[w + i] != '.')
            initials = false;
    if (initials)
        return starts_sentence(next, next_len);
    return true;
}

struct splitter {
    const char *s;
    size_t len;
    struct exo__sentence *out;
    size_t n, cap;
};

static int add_sentence(struct splitter *sp, size_t a, size_t b, size_t para)
{
    size_t n;
    while (a < b && is_space_at(sp->s, sp->len, a, &n))
        a += n;
    while (b > a && (sp->s[b - 1] == ' ' || sp->s[b - 1] == '\n' ||
                     sp->s[b - 1] == '\r' || sp->s[b - 1] == '\t'))
        b--;
    if (a >= b)
        return 0;
    struct exo__sentence sent = {a, b, para};
    return EXO_VEC_PUSH(sp->out, sp->n, sp->cap, sent);
}

/* Sentences of the block [a, b), which has no paragraph break inside. */
static int split_block(struct splitter *sp, size_t a, size_t b, size_t para)
{
    const char *s = sp->s;
    size_t i = a, start = a, n;
    while (i < b) {
        /* A bullet at the start of a line starts a sentence. */
        if (i == a || s[i - 1] == '\n') {
            size_t k = i;
            while (k < b && (s[k] == ' ' || s[k] == '\t'))
                k++;
            size_t bl = bullet_len(s, b, k);
            if (bl) {
                if (add_sentence(sp, start, i, para))
                    return EXO_ENOMEM;
                i = start = k + bl;
                continue;
            }
        }
        ucs4_t cp;
        size_t cn = next_cp(s, b, i, &cp);
        if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026) {
            i += cn;
            continue;
        }
        size_t j = i + cn;
        while (j < b) {
            size_t m = next_cp(s, b, j, &cp);
            if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
                is_closer(cp))
                j += m;
            else
                break;
        }
        if (j < b && !is_space_at(s, b, j, &n)) {
            i = j;
            continue;
        }
        size_t k = j;
        while (k < b && is_space_at(s, b, k, &n))
            k += n;
        if (k >= b)
            break;
        size_t m = next_cp(s, b, k, &cp);
        bool upper = uc_is_upper(cp) || uc_is_digit(cp) || cp == '"' ||
                     cp == 0x201c || cp == 0x2018 || cp == '\'' || cp == '(' ||
                     bullet_len(s, b, k) > 0;
        (void)m;
        bool ends = upper;
        if (ends && s[i] == '.' && j == i + 1) {
            size_t w = k;
            while (w < b && isalpha((unsigned char)s[w]))
                w++;
            ends = period_ends(s, start, i, s + k, w - k);
        }
        if (ends) {
            if (add_sentence(sp, start, j, para))
                return EXO_ENOMEM;
            start = k;
        }
        i = k;
    }
    return add_sentence(sp, start, b, para);
}

static bool blank_line(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
            return false;
    return true;
}

/* The fence character ('`' or '~') when the line [a, b) is a Markdown code
 * fence (three of them after at most three spaces), else 0. */
static char fence_line(const char *s, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && i < a + 3 && s[i] == ' ')
        i++;
    bool fence = b - i >= 3 && (s[i] == '`' || s[i] == '~') &&
                 s[i + 1] == s[i] && s[i + 2] == s[i];
    return fence ? s[i] : 0;
}

/* Does the line [ls, le) continue the one ending at 'prev_end'? */
static bool wrapped(const char *text, size_t block_start, size_t prev_end,
                    size_t ls, size_t le)
{
    size_t e = prev_end;
    while (e > block_start && (text[e - 1] == ' ' || text[e - 1] == '\r'))
        e--;
    char last = e > block_start ? text[e - 1] : '.';
    size_t f = ls;
    while (f < le && (text[f] == ' ' || text[f] == '\t'))
        f++;
    return (islower((unsigned char)last) || last == ',') && f < le &&
           islower((unsigned char)text[f]);
}

exo_code exo__split_sentences(const char *text, size_t len,
                              struct exo__sentence **out, size_t *n,
                              exo_err *err)
{
    struct splitter sp = {text, len, NULL, 0, 0};
    bool has_blank = false;
    *out = NULL;
    *n = 0;
    /* Lines: [ls, le) each, without the newline. */
    for (size_t ls = 0, le; ls < len && !has_blank; ls = le + 1) {
        le = ls;
        while (le < len && text[le] != '\n')
            le++;
        has_blank = le < len && ls > 0 && blank_line(text, ls, le);
    }
    size_t para = 0, block_start = 0, block_end = 0;
    bool in_block = false;
    char code = 0; /* the open fence's character, 0 outside code */
    int rc = 0;
    for (size_t ls = 0, le; ls < len && rc == 0; ls = le + 1) {
        le = ls;
        while (le < len && text[le] != '\n')
            le++;
        /* A fenced code block is not prose: a file tree or a shell session
         * read as one long sentence gave names of places as people. It ends
         * the paragraph before it and is skipped to the fence that closes
         * it, made of the same character. */
        char fence = fence_line(text, ls, le);
        if (fence || code) {
            if (in_block)
                rc = split_block(&sp, block_start, block_end, para++);
            in_block = false;
            if (!code)
                code = fence;
            else if (fence == code)
                code = 0;
            continue;
        }
        if (blank_line(text, ls, le)) {
            if (in_block)
                rc = split_block(&sp, block_start, block_end, para++);
            in_block = false;
        } else if (!in_block) {
            in_block = true;
            block_start = ls;
            block_end = le;
        } else if (has_blank || wrapped(text, block_start, block_end, ls, le)) {
            block_end = le;
        } else {
            rc = split_block(&sp, block_start, block_end, para++);
            block_start = ls;
            block_end = le;
        }
    }
    if (rc == 0 && in_block)
        rc = split_block(&sp, block_start, block_end, para++);
    if (rc) {
        exo__free(sp.out);
        return exo__fail(err, EXO_ENOMEM, "out of memory splitting sentences");
    }
    *out = sp.out;
    *n = sp.n;
    return EXO_OK;
}
