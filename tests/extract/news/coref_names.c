/*
 * coref_names.c - development aid for coref_table.py (ex17r): reads a
 * passage on standard input and prints its sentences ("S para start end")
 * and the person names the extractor's name finder reads ("N start end"),
 * in bytes. Built by coref_table.py against the library.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/alloc.h"
#include "ingest/extract.h"

int main(void)
{
    static char buf[1 << 20];
    static size_t spans[4096][2];
    size_t n = fread(buf, 1, sizeof buf - 1, stdin);
    buf[n] = '\0';
    struct exo__sentence *s;
    size_t ns;
    exo_err err = {0};
    if (exo__split_sentences(buf, n, &s, &ns, &err)) {
        fprintf(stderr, "coref_names: %s\n", err.msg);
        return 1;
    }
    for (size_t i = 0; i < ns; i++)
        printf("S %zu %zu %zu\n", s[i].para, s[i].start, s[i].end);
    exo__free(s);
    size_t k = exo__find_names(buf, n, spans, 4096);
    for (size_t i = 0; i < k && i < 4096; i++)
        printf("N %zu %zu\n", spans[i][0], spans[i][1]);
    return 0;
}
