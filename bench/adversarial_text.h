/*
 * adversarial_text.h - generated news text that was quadratic for the
 * extractor (issue 19): one long sentence of words with no punctuation,
 * long sentences packed with candidate moves, very many short sentences
 * each with a different person, and many organisations. Shared by
 * bench/bench_extract.c (MB/s) and tests/unit/test_extract.c (work that
 * must grow linearly), so that both look at the same inputs.
 */
#ifndef EXO_BENCH_ADVERSARIAL_TEXT_H
#define EXO_BENCH_ADVERSARIAL_TEXT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum adv_kind {
    ADV_WORDS,      /* one sentence of words, months, names; no date, no stop */
    ADV_CANDIDATES, /* long sentences, a move every dozen words */
    ADV_SHORT,      /* "Name Surname left Org." with a new person each time */
    ADV_ORGS,       /* a new organisation in every sentence */
    ADV_KINDS
};

static const char *const adv_kind_name[ADV_KINDS] = {
    "words, no punctuation", "long sentences, many candidates",
    "many short sentences", "many organisations"};

/* A capitalised made-up word from 'i' (3 syllables: 512 of them). */
static void adv_word(char *out, unsigned long i)
{
    static const char *const syl[] = {"ba", "ke", "lo", "mi",
                                      "nu", "ra", "si", "to"};
    snprintf(out, 16, "%s%s%s", syl[i % 8], syl[(i / 8) % 8],
             syl[(i / 64) % 8]);
    out[0] = (char)(out[0] - 'a' + 'A');
}

/* A person's name unique for each 'i' below 512 * 512. */
static void adv_name(char *out, unsigned long i)
{
    char first[16], last[16];
    adv_word(first, i % 512);
    adv_word(last, i / 512);
    snprintf(out, 40, "%s %s", first, last);
}

/*
 * About 'n' bytes of text of 'kind' (NUL-terminated, malloc'd; exits when
 * out of memory: this is a generator for a bench and a test). Its length
 * goes to '*len'.
 */
static char *adv_text(enum adv_kind kind, size_t n, size_t *len)
{
    static const char *const words[] = {
        "the",  "team",   "said",   "in", "March", "growth", "and",   "was",
        "from", "Google", "left",   "to", "May",   "people", "last",  "year",
        "of",   "OpenAI", "joined", "at", "Lee",   "Anna",   "strong"};
    char *s = malloc(n + 256);
    size_t k = 0;
    unsigned long i = 0, r = 12345;
    if (!s) {
        fprintf(stderr, "adv_text: out of memory\n");
        exit(1);
    }
    while (k < n) {
        char name[40], org[40];
        int w = 0;
        r = r * 6364136223846793005ul + 1442695040888963407ul;
        switch (kind) {
        case ADV_WORDS:
            w = snprintf(s + k, 256, "%s ",
                         words[(r >> 33) % (sizeof words / sizeof words[0])]);
            break;
        case ADV_CANDIDATES:
            adv_name(name, i);
            w = snprintf(s + k, 256,
                         "%s joined OpenAI from Google in March 2024 and ",
                         name);
            break;
        case ADV_SHORT:
            adv_name(name, i);
            w = snprintf(s + k, 256, "%s left Google. ", name);
            break;
        case ADV_ORGS:
            adv_name(name, i);
            adv_name(org, i * 7 + 3);
            w = snprintf(s + k, 256,
                         "%s left %s Labs for rival %s AI in June 2021. ", name,
                         org, org);
            break;
        default:
            break;
        }
        k += (size_t)w;
        i++;
    }
    *len = k;
    return s;
}

#endif
