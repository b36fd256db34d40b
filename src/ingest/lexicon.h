/*
 * lexicon.h - the word lists of the news-text extractor: companies and
 * their aliases (data/companies.csv, embedded at build time), role words
 * and their levels, event triggers, and the capitalised words that are
 * never part of a person's name.
 *
 * Every lookup takes a word already lower-cased to ASCII (extract.c's
 * token form) unless it says otherwise; none allocates.
 */
#ifndef EXO_INGEST_LEXICON_H
#define EXO_INGEST_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

#include "exodus.h"

/* One row of data/companies.csv: an alias as written and its organisation. */
struct exo__company {
    const char *alias;
    const char *org;
};

/* The built-in company aliases, in file order. */
const struct exo__company *exo__lex_companies(size_t *n);

/* How a word takes part in a role phrase ("chief technology officer"). */
enum exo__role_kind {
    EXO__ROLE_NONE = 0,
    EXO__ROLE_HEAD,    /* carries a level by itself: "cofounder", "engineer" */
    EXO__ROLE_MODIFIER /* only inside a phrase: "senior", "product", "of" */
};

/*
 * The kind of 'word' in role phrases and, for heads, its level. "chief" is
 * a head of level exec; "director" is lead unless "board" is in the same
 * phrase (the caller checks that).
 */
enum exo__role_kind exo__lex_role(const char *word, exo_level *level);

/* Event trigger flags. */
#define EXO__TRIG_STRONG 1u   /* unambiguous: "sabbatical", "stepping down" */
#define EXO__TRIG_HIRE 2u     /* active voice: the org hires the person after */
#define EXO__TRIG_OBJ_FIRE 4u /* active voice: "A ousted X": person after */
#define EXO__TRIG_INTRANS 8u  /* a move without an object ("is departing") */
#define EXO__TRIG_NOUN 16u    /* a noun ("departure", "exit"): weak alone */
#define EXO__TRIG_NEEDS_ORG 32u /* only a move with an org after ("join") */
#define EXO__TRIG_FOUND 64u     /* "found"/"start"/"launch": a new company */
#define EXO__TRIG_LOSE 128u     /* "A has lost X to B": person after, A left */
#define EXO__TRIG_BECAME 512u   /* "became CFO at A": a title, then of/at A */
#define EXO__TRIG_AS                                                           \
    256u /* "named X as ROLE": a hire only with "as"/a role                    \
          */

struct exo__trigger {
    const char *words[4]; /* lower-case tokens, NULL-terminated */
    exo_event event;
    unsigned flags;
};

/*
 * The longest trigger whose words match 'toks' (lower-case tokens) from
 * the start; NULL when none does. '*n_used' gets its number of tokens.
 */
const struct exo__trigger *exo__lex_trigger(const char *const *toks,
                                            size_t n_toks, size_t *n_used);

/* Capitalised words that never belong to a person's name ("The", "CEO"). */
bool exo__lex_not_name(const char *word);
/* Nouns that stand for a person already named after "the" without being
 * a title: "the billionaire", "the Briton" (ex17r). */
bool exo__lex_person_noun(const char *word);
/* Plural nouns for a group of people who move together ("six executives
 * are retiring") (ex21l). */
bool exo__lex_group_noun(const char *word);
/* Adjectives of nationality ("British", "Danish"): no organisation. */
bool exo__lex_demonym(const char *word);
/* Words that end an organisation's name ("labs", "technologies"). */
bool exo__lex_org_suffix(const char *word);
/*
 * Abbreviations whose period does not end a sentence ("dr", "inc", "u.s");
 * '*soft' is set for those that may end one before a sentence-starting
 * word ("inc", "u.s", "jr").
 */
bool exo__lex_abbrev(const char *word, bool *soft);
/* Month number 1-12 of a month name or abbreviation, else 0. */
int exo__lex_month(const char *word);

/* The words of a span of time counted back from the text's date ("five
 * years ago", "a decade ago", ex18h). */
enum exo__time_kind {
    EXO__TIME_NONE = 0,
    EXO__TIME_COUNT, /* "a", "one" .. "twenty", "a dozen": '*value' */
    EXO__TIME_DAY,   /* "day", "days" */
    EXO__TIME_WEEK,  /* "week", "weeks" */
    EXO__TIME_MONTH, /* "month", "months" */
    EXO__TIME_YEAR,  /* "year", "years" */
    EXO__TIME_DECADE /* "decade", "decades": no year can be said for it */
};
/* The kind of 'word' in such a span; '*value' gets a count's number. */
enum exo__time_kind exo__lex_time_word(const char *word, int *value);

#endif
