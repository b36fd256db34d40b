/*
 * extract.h - the internals of the news-text extractor, exposed for the
 * unit tests: HTML to text, sentence segmentation and the name finder.
 * The public entry points are exo_extract_text and exo_extract_file.
 */
#ifndef EXO_INGEST_EXTRACT_H
#define EXO_INGEST_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

#include "exodus.h"

/* A sentence: bytes [start, end) of the text, in paragraph 'para'. */
struct exo__sentence {
    size_t start, end;
    size_t para;
};

/*
 * True when 'text' looks like HTML: it starts (after white space) with
 * '<' and holds a tag such as <html>, <p>, <div>, <br> or <!DOCTYPE.
 */
bool exo__is_html(const char *text, size_t len);

/*
 * Strips tags from 'html' (script and style elements with their content),
 * turns block tags (p, div, br, li, h1-h6, tr) into line breaks and decodes
 * the common entities (&amp; &lt; &gt; &quot; &apos; &#39; &nbsp; &rsquo;
 * &lsquo; &ldquo; &rdquo; &mdash; &ndash; &hellip; and numeric ones).
 * '*text' (NUL-terminated, '*text_len' bytes) and '*map' are the caller's,
 * freed with exo__free; map[i] is the byte offset in 'html' of text byte i,
 * and map[*text_len] is 'len'.
 */
exo_code exo__html_to_text(const char *html, size_t len, char **text,
                           size_t *text_len, size_t **map, exo_err *err);

/*
 * Splits 'text' into sentences. A paragraph is a block between blank
 * lines when the text has any, else a line (a line ending in a lower-case
 * letter or comma continues on a next line that starts in lower case).
 * A bullet ("•", "-", "*", "1.") starts a sentence and is left out of it.
 * A period does not end a sentence after a title (Dr., Mr.), an initial
 * (J.), or, unless a sentence-starting word follows, after "Inc.", "U.S."
 * and the like; closing quotes stay with their sentence. '*out' is the
 * caller's, freed with exo__free.
 */
exo_code exo__split_sentences(const char *text, size_t len,
                              struct exo__sentence **out, size_t *n,
                              exo_err *err);

/*
 * Person names in the one sentence 'text': at most 'max' spans
 * [spans[i][0], spans[i][1]) in bytes, in order; returns how many were
 * found (possibly more than 'max'). Organisations of the built-in list are
 * never names.
 */
size_t exo__find_names(const char *text, size_t len, size_t (*spans)[2],
                       size_t max);

/*
 * exo_extract_text on plain text, also giving in '*work' the steps taken
 * by the extractor's lookups and date scans: a count that grows with the
 * text, for a test that catches quadratic work without timing it.
 */
exo_code exo__extract_work(const char *text, size_t len,
                           const exo_extract_opts *opts,
                           exo_candidate_list *out, unsigned long long *work,
                           exo_err *err);

/*
 * The learned reader (ex17c). A linear model over the words around each
 * person mention gives, per event, the probability that the mention's
 * person made that move; a person the rules found no move for gets the
 * most probable event of their paragraph when it reaches the model's
 * threshold, as a candidate held for review. The events are left ..
 * founded, in the order of exo_event.
 */
#define EXO__N_LEARNED 6

/* One row of data/extract-model.csv: a feature and its weight per event.
 * "(bias)" holds the intercepts and "(threshold)" the probabilities from
 * which a proposal is made. */
struct exo__model_row {
    const char *feature;
    double w[EXO__N_LEARNED];
};

/* The built-in model's rows, sorted by feature (bytes, as strcmp). */
const struct exo__model_row *exo__extract_model(size_t *n);

/* The second look (ex20c): one weight per feature of a candidate, with
 * "(bias)" and "(threshold)" rows, from data/extract-calibration.csv. */
struct exo__calib_row {
    const char *feature;
    double w;
};

/* The built-in second look's rows, sorted by feature as strcmp sorts. */
const struct exo__calib_row *exo__extract_calibration(size_t *n);

/*
 * For the trainer (tests/extract/news/train.c): 'mention' is called for
 * each person mention the extractor reads, with the person's name, the
 * paragraph and whether the model may propose a move from it (not where
 * the rules found one), then 'feature' once per feature of it. With
 * 'rules_only', the model proposes nothing, so 'out' holds what the rules find.
 * With 'rows', the model read is that one.
 */
struct exo__learn_hooks {
    void (*mention)(void *ctx, const char *person, size_t para,
                    bool proposable);
    void (*feature)(void *ctx, const char *feature);
    void *ctx;
    bool rules_only;
    /* A model to read with instead of the built-in one (the trainer's
     * cross-validation), sorted as exo__extract_model's; NULL for that. */
    const struct exo__model_row *rows;
    size_t n_rows;
    /* Read sentences without any of the rules' triggers too: an
     * experiment of the trainer's (docs/extract.md, ex17m). */
    bool no_trigger_gate;
    /* Propose a second move for a person the rules found one for, of
     * another kind: another experiment of the trainer's. */
    bool second_moves;
    /* Called for each sentence the reader's gate skips, with the cue that
     * skips it ("not", "if", "interim", "?" ...), once with 'person' NULL
     * and once per person mentioned in it: the trainer's measure of what
     * the gate costs (TRAIN_GATE, docs/extract.md, ex18s). */
    void (*gated)(void *ctx, const char *person, size_t para, const char *cue);
    /* The second look (ex20c): called with each feature of each final
     * candidate, by its index in 'out', before the second look rescores
     * it; with 'first_stage_only' the candidates keep the first stage's
     * confidence and none is dropped (the trainer's labels). 'calib'
     * replaces the built-in second look (cross-validation). */
    void (*candidate_feature)(void *ctx, size_t cand, const char *feature);
    bool first_stage_only;
    const struct exo__calib_row *calib;
    size_t n_calib;
};

exo_code exo__extract_learn(const char *text, size_t len,
                            const exo_extract_opts *opts,
                            const struct exo__learn_hooks *hooks,
                            exo_candidate_list *out, exo_err *err);

#endif
