/*
 * vocab.c - every word of the closed vocabularies (vocab.h), once. The
 * schema's CHECK constraints (src/store/schema/) repeat them as SQL; a
 * unit test holds the two equal, since a migration that has run cannot
 * change.
 */
#include "core/vocab.h"

#include "core/exo.h"

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))
#define BIT(v) (1u << (v))

static const char *const level_words[] = {
    [EXO_LEVEL_FOUNDER] = "founder", [EXO_LEVEL_EXEC] = "exec",
    [EXO_LEVEL_LEAD] = "lead",       [EXO_LEVEL_IC] = "ic",
    [EXO_LEVEL_BOARD] = "board",
};

/* What a reported move says happened, and why a spell ended, in one list:
 * the two share most words, and the store reads both as exo_event. */
static const char *const event_words[] = {
    [EXO_EVENT_LEFT] = "left",
    [EXO_EVENT_JOINED] = "joined",
    [EXO_EVENT_SABBATICAL] = "sabbatical",
    [EXO_EVENT_RETURNED] = "returned",
    [EXO_EVENT_FIRED] = "fired",
    [EXO_EVENT_FOUNDED] = "founded",
    [EXO_EVENT_DIED] = "died",
    [EXO_EVENT_ACQUIRED] = "acquired",
    [EXO_EVENT_UNKNOWN] = "unknown",
};

static const char *const precision_words[] = {
    [EXO_PREC_DAY] = "day",
    [EXO_PREC_MONTH] = "month",
    [EXO_PREC_YEAR] = "year",
};

/* What part of an organisation a role belongs to: the answer to "which
 * people are leaving" (docs/compare.md). */
static const char *const function_words[] = {
    [EXO_FUNCTION_OTHER] = "other",
    [EXO_FUNCTION_RESEARCH] = "research",
    [EXO_FUNCTION_SAFETY] = "safety",
    [EXO_FUNCTION_PRODUCT] = "product",
    [EXO_FUNCTION_ENGINEERING] = "engineering",
    [EXO_FUNCTION_POLICY] = "policy",
    [EXO_FUNCTION_GO_TO_MARKET] = "go-to-market",
    [EXO_FUNCTION_OPERATIONS] = "operations",
    [EXO_FUNCTION_LEADERSHIP] = "leadership",
};

/* Why someone left (exo_reason), the end_reason each implies and its
 * class. Retirement counts as voluntary, as in the usual HR split (the
 * employee's decision, even when a policy prompts it); end of contract,
 * transfer, death and other are not the employee's choice to go, so they
 * count with the involuntary (docs/hr.md). */
static const char *const reason_words[] = {
    [EXO_REASON_NONE] = NULL,
    [EXO_REASON_RESIGNATION] = "resignation",
    [EXO_REASON_RETIREMENT] = "retirement",
    [EXO_REASON_LAYOFF] = "layoff",
    [EXO_REASON_DISMISSAL] = "dismissal",
    [EXO_REASON_END_OF_CONTRACT] = "end_of_contract",
    [EXO_REASON_DEATH] = "death",
    [EXO_REASON_TRANSFER] = "transfer",
    [EXO_REASON_OTHER] = "other",
};
static const struct {
    exo_event event;
    bool voluntary;
} reason_class[] = {
    [EXO_REASON_NONE] = {EXO_EVENT_UNKNOWN, false},
    [EXO_REASON_RESIGNATION] = {EXO_EVENT_LEFT, true},
    [EXO_REASON_RETIREMENT] = {EXO_EVENT_LEFT, true},
    [EXO_REASON_LAYOFF] = {EXO_EVENT_FIRED, false},
    [EXO_REASON_DISMISSAL] = {EXO_EVENT_FIRED, false},
    [EXO_REASON_END_OF_CONTRACT] = {EXO_EVENT_LEFT, false},
    [EXO_REASON_DEATH] = {EXO_EVENT_DIED, false},
    [EXO_REASON_TRANSFER] = {EXO_EVENT_LEFT, false},
    [EXO_REASON_OTHER] = {EXO_EVENT_LEFT, false},
};

static const char *const finance_words[] = {
    "funding", "valuation", "revenue", "burn", "deal", "lawsuit", "other",
};

_Static_assert(COUNT(level_words) == EXO_N_LEVELS, "a word for each level");
_Static_assert(COUNT(event_words) == EXO_EVENT_UNKNOWN + 1,
               "a word for each event");
_Static_assert(COUNT(precision_words) == EXO_PREC_YEAR + 1,
               "a word for each precision");
_Static_assert(COUNT(function_words) == EXO_N_FUNCTIONS,
               "a word for each function");
_Static_assert(COUNT(reason_words) == EXO_N_REASONS, "a word for each reason");
_Static_assert(COUNT(reason_class) == EXO_N_REASONS, "a class for each reason");

const struct vocab exo__levels = {level_words, COUNT(level_words), 0};
const struct vocab exo__events = {event_words, COUNT(event_words), 0};
const struct vocab exo__move_events = {
    event_words, COUNT(event_words),
    BIT(EXO_EVENT_LEFT) | BIT(EXO_EVENT_JOINED) | BIT(EXO_EVENT_SABBATICAL) |
        BIT(EXO_EVENT_RETURNED) | BIT(EXO_EVENT_FIRED) |
        BIT(EXO_EVENT_FOUNDED)};
const struct vocab exo__end_reasons = {
    event_words, COUNT(event_words),
    BIT(EXO_EVENT_LEFT) | BIT(EXO_EVENT_SABBATICAL) | BIT(EXO_EVENT_FIRED) |
        BIT(EXO_EVENT_DIED) | BIT(EXO_EVENT_ACQUIRED) | BIT(EXO_EVENT_UNKNOWN)};
const struct vocab exo__precisions = {precision_words, COUNT(precision_words),
                                      0};
const struct vocab exo__finance_kinds = {finance_words, COUNT(finance_words),
                                         0};
const struct vocab exo__functions = {function_words, COUNT(function_words), 0};
const struct vocab exo__leave_reasons = {reason_words, COUNT(reason_words), 0};

const char *exo__vocab_word(const struct vocab *v, int value)
{
    if (value < 0 || value >= v->n)
        return NULL;
    if (v->allowed && !(v->allowed & BIT(value)))
        return NULL;
    return v->words[value];
}

int exo__vocab_value(const struct vocab *v, const char *word)
{
    if (!word)
        return -1;
    /* Once per field of every imported row: the first letter settles most
     * words without a call. */
    for (int i = 0; i < v->n; i++) {
        const char *w = v->words[i];
        if (w && w[0] == word[0] && strcmp(w, word) == 0)
            return !v->allowed || (v->allowed & BIT(i)) ? i : -1;
    }
    return -1;
}

void exo__vocab_list(const struct vocab *v, char *buf, size_t size)
{
    int n = 0, k = 0;
    size_t used = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    for (int i = 0; i < v->n; i++)
        n += exo__vocab_word(v, i) != NULL;
    for (int i = 0; i < v->n && used < size; i++) {
        const char *w = exo__vocab_word(v, i);
        if (!w)
            continue;
        k++;
        used += (size_t)snprintf(buf + used, size - used, "%s%s",
                                 k == 1   ? ""
                                 : k == n ? " or "
                                          : ", ",
                                 w);
    }
}

/* ==== The public names ==== */

const char *exo_level_name(exo_level level)
{
    const char *w = exo__vocab_word(&exo__levels, (int)level);
    return w ? w : "";
}

bool exo_level_parse(const char *name, exo_level *out)
{
    int v = exo__vocab_value(&exo__levels, name);
    if (v < 0)
        return false;
    *out = (exo_level)v;
    return true;
}

const char *exo_function_name(exo_function function)
{
    const char *w = exo__vocab_word(&exo__functions, (int)function);
    return w ? w : "other";
}

bool exo_function_parse(const char *name, exo_function *out)
{
    int v = exo__vocab_value(&exo__functions, name);
    if (v < 0)
        return false;
    *out = (exo_function)v;
    return true;
}

const char *exo_event_name(exo_event event)
{
    const char *w = exo__vocab_word(&exo__events, (int)event);
    return w ? w : "unknown";
}

const char *exo_reason_name(exo_reason reason)
{
    const char *w = exo__vocab_word(&exo__leave_reasons, (int)reason);
    return w ? w : "";
}

bool exo_reason_parse(const char *name, exo_reason *out)
{
    int v = exo__vocab_value(&exo__leave_reasons, name);
    if (v < 0)
        return false;
    *out = (exo_reason)v;
    return true;
}

bool exo_reason_voluntary(exo_reason reason)
{
    return (int)reason >= 0 && reason < EXO_N_REASONS &&
           reason_class[reason].voluntary;
}

exo_event exo_reason_event(exo_reason reason)
{
    return (int)reason >= 0 && reason < EXO_N_REASONS
               ? reason_class[reason].event
               : EXO_EVENT_UNKNOWN;
}
