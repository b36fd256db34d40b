/*
 * function.c - what part of an organisation a role belongs to, read from
 * the role's text. The news names roles, not departments ("head of
 * preparedness", "VP of research"), and the essay's question is about
 * functions (the safety team, product leaders), so the words are mapped
 * by the first keyword, in the order below, that occurs in the role: the
 * specific functions first, then the general executive titles, so that
 * "chief research officer" is research and "chief executive" leadership.
 * The result is an inference and every view says so.
 */
#include <stddef.h>
#include <string.h>

#include "core/exo.h"
#include "core/utf8.h"

struct keyword {
    const char *word; /* lower case; matched inside the lowered role */
    exo_function function;
};

static const struct keyword keywords[] = {
    /* Safety before research: "alignment researcher" is the safety team. */
    {"safety", EXO_FUNCTION_SAFETY},
    {"alignment", EXO_FUNCTION_SAFETY},
    {"superalignment", EXO_FUNCTION_SAFETY},
    {"preparedness", EXO_FUNCTION_SAFETY},
    {"red team", EXO_FUNCTION_SAFETY},
    {"trust", EXO_FUNCTION_SAFETY},
    {"risk", EXO_FUNCTION_SAFETY},
    {"interpretability", EXO_FUNCTION_SAFETY},
    {"policy", EXO_FUNCTION_POLICY},
    {"governance", EXO_FUNCTION_POLICY},
    {"legal", EXO_FUNCTION_POLICY},
    {"counsel", EXO_FUNCTION_POLICY},
    {"government", EXO_FUNCTION_POLICY},
    {"communications", EXO_FUNCTION_POLICY},
    {"public affairs", EXO_FUNCTION_POLICY},
    /* OpenAI's AGI readiness team, after policy: its policy researchers
     * are policy. */
    {"readiness", EXO_FUNCTION_SAFETY},
    {"sales", EXO_FUNCTION_GO_TO_MARKET},
    {"marketing", EXO_FUNCTION_GO_TO_MARKET},
    {"go-to-market", EXO_FUNCTION_GO_TO_MARKET},
    {"partnership", EXO_FUNCTION_GO_TO_MARKET},
    {"business", EXO_FUNCTION_GO_TO_MARKET},
    {"revenue", EXO_FUNCTION_GO_TO_MARKET},
    {"customer", EXO_FUNCTION_GO_TO_MARKET},
    {"commercial", EXO_FUNCTION_GO_TO_MARKET},
    {"people", EXO_FUNCTION_OPERATIONS},
    {"recruit", EXO_FUNCTION_OPERATIONS},
    {"talent", EXO_FUNCTION_OPERATIONS},
    {"financial", EXO_FUNCTION_OPERATIONS},
    {"finance", EXO_FUNCTION_OPERATIONS},
    {"operations", EXO_FUNCTION_OPERATIONS},
    {"operating", EXO_FUNCTION_OPERATIONS},
    {"product", EXO_FUNCTION_PRODUCT},
    {"design", EXO_FUNCTION_PRODUCT},
    {"chatgpt", EXO_FUNCTION_PRODUCT},
    {"research", EXO_FUNCTION_RESEARCH},
    {"scientist", EXO_FUNCTION_RESEARCH},
    {"science", EXO_FUNCTION_RESEARCH},
    {"training", EXO_FUNCTION_RESEARCH},
    {"reasoning", EXO_FUNCTION_RESEARCH},
    {"technical staff", EXO_FUNCTION_RESEARCH},
    {"foundation model", EXO_FUNCTION_RESEARCH},
    {"machine learning", EXO_FUNCTION_RESEARCH},
    {"multimodal", EXO_FUNCTION_RESEARCH},
    {"perception", EXO_FUNCTION_RESEARCH},
    {"algorithm", EXO_FUNCTION_RESEARCH},
    {"optimization", EXO_FUNCTION_RESEARCH},
    {"engineer", EXO_FUNCTION_ENGINEERING},
    {"infrastructure", EXO_FUNCTION_ENGINEERING},
    {"developer", EXO_FUNCTION_ENGINEERING},
    {"hardware", EXO_FUNCTION_ENGINEERING},
    {"compute", EXO_FUNCTION_ENGINEERING},
    {"platform", EXO_FUNCTION_ENGINEERING},
    {"technology", EXO_FUNCTION_ENGINEERING},
    {"ceo", EXO_FUNCTION_LEADERSHIP},
    {"chief executive", EXO_FUNCTION_LEADERSHIP},
    {"president", EXO_FUNCTION_LEADERSHIP},
    {"chair", EXO_FUNCTION_LEADERSHIP},
    {"founder", EXO_FUNCTION_LEADERSHIP},
    {"board", EXO_FUNCTION_LEADERSHIP},
    {"chief", EXO_FUNCTION_LEADERSHIP},
    {"executive", EXO_FUNCTION_LEADERSHIP},
};

/* 'word' occurs in 'text' at a word start (so "ceo" is not found in
 * "conceived" nor "risk" in "asterisk"). */
static bool has_word(const char *text, const char *word)
{
    for (const char *p = strstr(text, word); p; p = strstr(p + 1, word))
        if (p == text ||
            !((p[-1] >= 'a' && p[-1] <= 'z') || (p[-1] >= '0' && p[-1] <= '9')))
            return true;
    return false;
}

exo_function exo_function_infer(const char *role)
{
    if (!role || !*role)
        return EXO_FUNCTION_OTHER;
    char *lower = exo__name_key(role); /* case-folded */
    if (!lower)
        return EXO_FUNCTION_OTHER;
    exo_function f = EXO_FUNCTION_OTHER;
    for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
        if (has_word(lower, keywords[k].word)) {
            f = keywords[k].function;
            break;
        }
    exo__free(lower);
    return f;
}
