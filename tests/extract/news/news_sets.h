/*
 * news_sets.h - the labelled news sets as the development tools read them
 * (train.c, the learned reader's trainer, and parse_exp.c, the parser
 * experiment): X.txt ("=== ID date=D" then the passage) and X-gold.csv.
 * Each tool defines NEWS_TOOL, its name in messages, before including it.
 * The unit suite's reader (tests/unit/test_extract.c) keeps its own, as
 * Criterion's assertions report its errors.
 */
#ifndef NEWS_SETS_H
#define NEWS_SETS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "exodus.h"

/* A gold move: its person's exo__name_key, its event (exo_event). */
struct gold {
    char *key;
    int event;
    bool to_org;
    bool used;
};

struct passage {
    char *id;
    int folds[3]; /* the trainer's: per repetition of the cross-validation */
    char *text;
    exo_date date;
    struct gold *gold;
    size_t n_gold;
};

static void die(const char *what)
{
    fprintf(stderr, "%s: %s\n", NEWS_TOOL, what);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: cannot open %s\n", NEWS_TOOL, path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = xrealloc(NULL, (size_t)n + 1);
    if (fread(s, 1, (size_t)n, f) != (size_t)n)
        die("short read");
    s[n] = 0;
    fclose(f);
    return s;
}

/* The event a gold row names, among the six a move can have; -1 for
 * another. The names are the library's (exo_event_name). */
static int event_of(const char *s)
{
    for (int k = EXO_EVENT_LEFT; k <= EXO_EVENT_FOUNDED; k++)
        if (strcmp(s, exo_event_name((exo_event)k)) == 0)
            return k;
    return -1;
}

/* The passages of set 'name' in 'dir' with their gold moves; *n of them. */
static struct passage *load_set(const char *dir, const char *name, size_t *n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s.txt", dir, name);
    char *all = read_all(path);
    struct passage *ps = NULL;
    size_t np = 0;
    for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
        if (strncmp(line, "=== ", 4) == 0) {
            ps = xrealloc(ps, (np + 1) * sizeof *ps);
            memset(&ps[np], 0, sizeof ps[np]);
            char *sp = strchr(line + 4, ' ');
            if (!sp || strncmp(sp, " date=", 6))
                die("bad passage header");
            *sp = 0;
            ps[np].id = strdup(line + 4);
            if (exo_date_parse(sp + 6, &ps[np].date, NULL))
                die("bad passage date");
            ps[np].text = strdup("");
            np++;
        } else if (np && line[0] != '#') {
            char *t = ps[np - 1].text;
            size_t a = strlen(t), b = strlen(line);
            t = xrealloc(t, a + b + 2);
            memcpy(t + a, line, b);
            t[a + b] = '\n';
            t[a + b + 1] = 0;
            ps[np - 1].text = t;
        }
    }
    free(all);
    snprintf(path, sizeof path, "%s/%s-gold.csv", dir, name);
    all = read_all(path);
    for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
        char *f[8] = {0};
        size_t nf = 0;
        for (char *c = line; nf < 8; nf++) {
            f[nf] = c;
            c = strchr(c, ',');
            if (!c)
                break;
            *c++ = 0;
        }
        if (nf < 7 || strcmp(f[0], "id") == 0)
            continue;
        int ev = event_of(f[4]);
        size_t i = 0;
        while (i < np && strcmp(ps[i].id, f[0]))
            i++;
        if (i == np || ev < 0)
            die("gold row of an unknown passage or event");
        struct passage *p = &ps[i];
        p->gold = xrealloc(p->gold, (p->n_gold + 1) * sizeof *p->gold);
        p->gold[p->n_gold++] =
            (struct gold){exo__name_key(f[1]), ev, f[3][0] != 0, false};
    }
    free(all);
    *n = np;
    return ps;
}

/* Marks the first unused gold row of 'g' that a candidate (a person's
 * key and an event) matches, as score.py and the unit suite match: the
 * person and the event agree, or left and joined when the row names the
 * destination ("left A for B" is "joined B from A"). */
static bool match(struct gold *g, size_t n, const char *key, int event)
{
    for (size_t i = 0; i < n; i++) {
        bool moved = (g[i].event == EXO_EVENT_LEFT ||
                      g[i].event == EXO_EVENT_JOINED) &&
                     (event == EXO_EVENT_LEFT || event == EXO_EVENT_JOINED) &&
                     g[i].to_org;
        if (!g[i].used && strcmp(g[i].key, key) == 0 &&
            (g[i].event == event || moved)) {
            g[i].used = true;
            return true;
        }
    }
    return false;
}

#endif
