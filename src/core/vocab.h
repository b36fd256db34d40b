/*
 * vocab.h - the closed vocabularies of the data model: levels, events, end
 * reasons, date precisions and finance kinds. Each word is spelled once,
 * in vocab.c, at the value of its public enum where there is one. The
 * importer validates against these tables, the store reads words back
 * into enums with them, and tests/unit/test_vocab.c checks that the
 * schema's CHECK constraints allow exactly these words.
 */
#ifndef EXO_CORE_VOCAB_H
#define EXO_CORE_VOCAB_H

#include <stddef.h>

/*
 * The words a field may hold: words[v] is the word of value v (NULL for a
 * value that has none), and 'allowed' has bit (1u << v) for each value
 * the field takes, or is 0 for every value with a word.
 */
struct vocab {
    const char *const *words;
    int n;
    unsigned allowed;
};

extern const struct vocab exo__levels;        /* exo_level, not NONE */
extern const struct vocab exo__events;        /* exo_event, all of them */
extern const struct vocab exo__move_events;   /* a reported move's event */
extern const struct vocab exo__end_reasons;   /* why a spell ended */
extern const struct vocab exo__precisions;    /* exo_precision */
extern const struct vocab exo__finance_kinds; /* a finance record's kind */
extern const struct vocab exo__functions;     /* exo_function */
extern const struct vocab exo__leave_reasons; /* exo_reason, not NONE */

/* The word of 'value', or NULL when the field does not take it. */
const char *exo__vocab_word(const struct vocab *v, int value);
/* The value of 'word' (exactly, case and all); -1 when the field does not
 * take it or 'word' is NULL. */
int exo__vocab_value(const struct vocab *v, const char *word);
/* The allowed words as "a, b or c" in 'buf' (truncated to fit), for
 * messages. */
void exo__vocab_list(const struct vocab *v, char *buf, size_t size);

#endif
