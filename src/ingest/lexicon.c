/*
 * lexicon.c - the word lists of the news-text extractor. The company list
 * is data/companies.csv, turned into C rows at build time (Makefile rule
 * for companies.inc); the other lists are small and live here.
 *
 * Lists are searched linearly: the longest is about 120 words and a
 * sentence has tens of tokens, which is far below the cost of reading the
 * text.
 */
#include "ingest/lexicon.h"

#include <pthread.h>
#include <string.h>

static const struct exo__company companies[] = {
#include "companies.inc"
};

const struct exo__company *exo__lex_companies(size_t *n)
{
    *n = sizeof companies / sizeof companies[0];
    return companies;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The first bytes are compared before strcmp is called: the extractor
 * asks this of every token, and most words differ there. */
static bool in_list(const char *word, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == word[0] && list[i][1] == word[1] &&
            strcmp(word, list[i]) == 0)
            return true;
    return false;
}

/* ==== Roles ==== */

struct role_word {
    const char *word;
    enum exo__role_kind kind;
    exo_level level;
};

static const struct role_word roles[] = {
    {"cofounder", EXO__ROLE_HEAD, EXO_LEVEL_FOUNDER},
    {"co-founder", EXO__ROLE_HEAD, EXO_LEVEL_FOUNDER},
    {"cofounders", EXO__ROLE_HEAD, EXO_LEVEL_FOUNDER},
    {"co-founders", EXO__ROLE_HEAD, EXO_LEVEL_FOUNDER},
    {"founder", EXO__ROLE_HEAD, EXO_LEVEL_FOUNDER},
    {"founders", EXO__ROLE_HEAD, EXO_LEVEL_FOUNDER},
    {"founding", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"ceo", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"cto", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"cfo", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"coo", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"cpo", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"cso", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"cmo", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"cco", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"cro", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"chief", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"officer", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"president", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"presidents", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"co-president", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"co-presidents", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"vp", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"svp", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"evp", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"vice", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"head", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"executive", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"chairman", EXO__ROLE_HEAD, EXO_LEVEL_BOARD},
    {"chairwoman", EXO__ROLE_HEAD, EXO_LEVEL_BOARD},
    {"chair", EXO__ROLE_HEAD, EXO_LEVEL_BOARD},
    {"trustee", EXO__ROLE_HEAD, EXO_LEVEL_BOARD},
    {"board", EXO__ROLE_HEAD, EXO_LEVEL_BOARD},
    {"member", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"lead", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"co-lead", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"co-ceo", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"co-head", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"co-chair", EXO__ROLE_HEAD, EXO_LEVEL_BOARD},
    {"leader", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"director", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"manager", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"researcher", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"engineer", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"scientist", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"developer", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"designer", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"analyst", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"intern", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"trainee", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"staff", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"senior", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"principal", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"general", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"managing", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"product", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"research", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"engineering", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"technology", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"technical", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"operating", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"financial", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"marketing", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"revenue", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"people", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"security", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"safety", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"alignment", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"policy", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"design", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"software", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"hardware", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"machine", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"learning", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"ai", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"ml", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"data", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"applied", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"team", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"global", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"communications", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"infrastructure", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"post-training", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"pretraining", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"pre-training", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"superalignment", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"devices", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"sales", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"finance", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"legal", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"counsel", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"partner", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    /* Public office and the words news puts before a name (issue 17:
     * "Treasury Secretary Larry Summers" is a title and a name). */
    {"secretary", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"minister", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"chancellor", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"governor", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"commissioner", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"administrator", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"adviser", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"advisor", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"boss", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"lawyer", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"treasurer", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"deputy", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"prime", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE}, /* not "as Prime" (ex19o) */
    {"interim", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"acting", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"top", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"national", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"information", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"strategy", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"planning", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"creative", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"merchandising", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"accounting", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"distinguished", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"cio", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"ciso", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    /* ex17n: titles of sport, the press, schools, public office and
     * finance that news writes before a name ("Assistant Coach X",
     * "Editor X", "Attorney General X"); a capitalised head word is never
     * part of a name, and a title read as a name made a false mover. */
    {"coach", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"coaches", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"trainer", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"coordinator", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"captain", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"skipper", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"editor", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"editor-in-chief", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"publisher", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"columnist", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"correspondent", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"anchor", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"producer", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"dean", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"provost", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"rector", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"superintendent", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"professor", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"mayor", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"ambassador", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"attorney", EXO__ROLE_HEAD, EXO_LEVEL_EXEC},
    {"prosecutor", EXO__ROLE_HEAD, EXO_LEVEL_LEAD},
    {"spokesman", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"spokeswoman", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"spokesperson", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"chairperson", EXO__ROLE_HEAD, EXO_LEVEL_BOARD},
    {"economist", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"strategist", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"trader", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"banker", EXO__ROLE_HEAD, EXO_LEVEL_IC},
    {"assistant", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"associate", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"offensive", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"defensive", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"athletic", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"commercial", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"investment", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"content", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"digital", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"business", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"customer", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"corporate", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"operations", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"editorial", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"foreign", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"home", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"health", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"environment", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"education", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"justice", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"defence", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"defense", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"transport", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"interior", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"trade", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"labor", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"labour", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"and", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"of", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
    {"&", EXO__ROLE_MODIFIER, EXO_LEVEL_NONE},
};

enum exo__role_kind exo__lex_role(const char *word, exo_level *level)
{
    for (size_t i = 0; i < COUNT(roles); i++) {
        /* The first two letters first: most words are no title, and
         * this runs for every capitalised word (bench_extract). */
        if (roles[i].word[0] == word[0] && roles[i].word[1] == word[1] &&
            strcmp(word, roles[i].word) == 0) {
            *level = roles[i].level;
            return roles[i].kind;
        }
    }
    /* A head word's plural before a list is a title too: "co-CEOs X and
     * Y", "creative directors X and Y" (ex21l). */
    size_t n = strlen(word);
    if (n >= 4 && n < 32 && word[n - 1] == 's' && word[n - 2] != 's') {
        char one[32];
        memcpy(one, word, n - 1);
        one[n - 1] = '\0';
        exo_level lv;
        if (exo__lex_role(one, &lv) == EXO__ROLE_HEAD) {
            *level = lv;
            return EXO__ROLE_HEAD;
        }
    }
    *level = EXO_LEVEL_NONE;
    return EXO__ROLE_NONE;
}

/* ==== Event triggers ==== */

#define L EXO_EVENT_LEFT
#define J EXO_EVENT_JOINED
#define S EXO_EVENT_SABBATICAL
#define R EXO_EVENT_RETURNED
#define F EXO_EVENT_FIRED
#define FO EXO_EVENT_FOUNDED
#define ST EXO__TRIG_STRONG
#define IN EXO__TRIG_INTRANS

static const struct exo__trigger triggers[] = {
    /* leaving */
    {{"leave", "of", "absence"}, S, ST | IN},
    {{"leaves", "of", "absence"}, S, ST | IN},
    {{"leave"}, L, 0},
    {{"leaves"}, L, 0},
    {{"leaving"}, L, 0},
    {{"left"}, L, 0},
    {{"depart"}, L, ST | IN},
    {{"departs"}, L, ST | IN},
    {{"departing"}, L, ST | IN},
    {{"departed"}, L, ST | IN},
    {{"departure"}, L, EXO__TRIG_NOUN},
    /* A verb and a noun: "will exit", "X's exit", "the exit of X"; the
     * extractor reads it as a noun after a determiner (ex17v). */
    {{"exit"}, L, IN | EXO__TRIG_NOUN},
    {{"exits"}, L, IN | EXO__TRIG_NOUN},
    {{"exiting"}, L, IN},
    {{"exited"}, L, IN},
    {{"quit"}, L, ST | IN},
    {{"quits"}, L, ST | IN},
    {{"quitting"}, L, ST | IN},
    {{"resign"}, L, ST | IN},
    {{"resigns"}, L, ST | IN},
    {{"resigned"}, L, ST | IN},
    {{"resigning"}, L, ST | IN},
    {{"resignation"}, L, EXO__TRIG_NOUN},
    {{"step", "down"}, L, ST | IN},
    {{"steps", "down"}, L, ST | IN},
    {{"stepping", "down"}, L, ST | IN},
    {{"stepped", "down"}, L, ST | IN},
    {{"step", "away"}, L, ST | IN},
    {{"steps", "away"}, L, ST | IN},
    {{"stepping", "away"}, L, ST | IN},
    {{"stepped", "away"}, L, ST | IN},
    {{"heading", "to"}, L, 0},
    {{"headed", "to"}, L, 0},
    {{"heads", "to"}, L, 0},
    {{"moving", "to"}, L, 0},
    {{"moves", "to"}, L, 0},
    {{"moved", "to"}, L, 0},
    {{"defect"}, L, ST},
    {{"defects"}, L, ST},
    {{"defected"}, L, ST},
    {{"defecting"}, L, ST},
    {{"jumped", "ship"}, L, ST | IN},
    {{"jumping", "ship"}, L, ST | IN},
    {{"jumped", "to"}, L, 0},
    {{"jumps", "to"}, L, 0},
    {{"bolted", "for"}, L, ST},
    {{"bolts", "for"}, L, ST},
    {{"retire"}, L, ST | IN},
    {{"retires"}, L, ST | IN},
    {{"retiring"}, L, ST | IN},
    {{"retired"}, L, IN},
    {{"retirement"}, L, EXO__TRIG_NOUN},
    {{"defection"}, L, EXO__TRIG_NOUN},
    {{"departures"}, L, EXO__TRIG_NOUN},
    {{"resignations"}, L, EXO__TRIG_NOUN},
    {{"stand", "down"}, L, ST | IN},
    /* "X is on his way out" (ex17v) */
    {{"on", "his", "way", "out"}, L, ST | IN},
    /* "X gave his notice", "handed in her notice" (ex17v) */
    {{"gave", "his", "notice"}, L, ST | IN},
    {{"gave", "her", "notice"}, L, ST | IN},
    {{"handed", "in", "his", "notice"}, L, ST | IN},
    {{"handed", "in", "her", "notice"}, L, ST | IN},
    {{"on", "her", "way", "out"}, L, ST | IN},
    {{"on", "their", "way", "out"}, L, ST | IN},
    {{"stands", "down"}, L, ST | IN},
    {{"stood", "down"}, L, ST | IN},
    {{"step", "aside"}, L, ST | IN},
    {{"steps", "aside"}, L, ST | IN},
    {{"stepping", "aside"}, L, ST | IN},
    {{"stepped", "aside"}, L, ST | IN},
    {{"bowing", "out"}, L, ST | IN},
    {{"walked", "away"}, L, ST | IN},
    {{"leaving", "for"}, L, ST},
    {{"left", "for"}, L, ST},
    {{"leaves", "for"}, L, ST},
    {{"lost"}, L, EXO__TRIG_LOSE},
    {{"loses"}, L, EXO__TRIG_LOSE},
    {{"no", "longer", "at"}, L, 0},
    {{"no", "longer", "with"}, L, 0},
    /* joining */
    {{"join"}, J, EXO__TRIG_NEEDS_ORG},
    {{"joins"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"joined"}, J, EXO__TRIG_NEEDS_ORG},
    {{"joining"}, J, EXO__TRIG_NEEDS_ORG},
    {{"hire"}, J, EXO__TRIG_HIRE},
    {{"hires"}, J, EXO__TRIG_HIRE | ST},
    {{"hired"}, J, EXO__TRIG_HIRE | ST},
    {{"recruited"}, J, EXO__TRIG_HIRE | ST},
    {{"recruits"}, J, EXO__TRIG_HIRE | ST},
    {{"poached"}, J, EXO__TRIG_HIRE | ST},
    {{"poaches"}, J, EXO__TRIG_HIRE | ST},
    {{"poaching"}, J, EXO__TRIG_HIRE},
    {{"lured"}, J, EXO__TRIG_HIRE},
    {{"lures"}, J, EXO__TRIG_HIRE},
    {{"tapped"}, J, EXO__TRIG_HIRE},
    {{"taps"}, J, EXO__TRIG_HIRE},
    {{"snagged"}, J, EXO__TRIG_HIRE},
    {{"brought", "on"}, J, EXO__TRIG_HIRE},
    {{"brings", "on"}, J, EXO__TRIG_HIRE},
    {{"signed", "on", "with"}, J, ST},
    /* "became finance chief at Google", "became co-founder of X": only
     * with a title and an organisation after it (process_sentence). */
    {{"became"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"becomes"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"become"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    /* "has found a new job, becoming CEO of A"; "will serve as CEO of A",
     * a post to come (ex19o). */
    {{"becoming"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"will", "serve", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    /* Issue 17: news verbs the lexicon lacked. "named"/"appointed" need
     * the person after them and an "as" or a role (process_sentence). */
    {{"hiring"}, J, EXO__TRIG_HIRE},
    {{"recruit"}, J, EXO__TRIG_HIRE},
    {{"recruiting"}, J, EXO__TRIG_HIRE},
    {{"poach"}, J, EXO__TRIG_HIRE},
    {{"bringing", "on"}, J, EXO__TRIG_HIRE},
    {{"bring", "on"}, J, EXO__TRIG_HIRE},
    {{"named"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"names"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"appointed"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"appoints"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"picked"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    /* "X was made the new CEO of A": passive, a title after it
     * (trigger_applies), from elsewhere only, as for "named" (ex18n). */
    {{"was", "made"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"been", "made"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"being", "made"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    /* "X's appointment as CEO of A": a hire only from elsewhere, as for
     * "named" (ex17b). */
    {{"appointment"}, J, EXO__TRIG_NOUN | EXO__TRIG_AS},
    /* "the arrival of X as CEO", "X's recruitment from A" (ex17v). */
    {{"arrival"}, J, EXO__TRIG_NOUN},
    {{"recruitment"}, J, EXO__TRIG_NOUN},
    {{"picks"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    /* sabbatical */
    {{"sabbatical"}, S, ST | IN},
    {{"extended", "leave"}, S, ST | IN},
    {{"medical", "leave"}, S, ST | IN},
    {{"parental", "leave"}, S, ST | IN},
    {{"maternity", "leave"}, S, ST | IN},
    {{"paternity", "leave"}, S, ST | IN},
    {{"time", "off"}, S, IN},
    /* "took a medical absence", "is to take a temporary break from his
     * role" (the break only after a verb of taking: extract.c) (ex17v) */
    {{"medical", "absence"}, S, ST | IN},
    {{"temporary", "break"}, S, IN},
    /* returning */
    {{"return", "to"}, R, ST},
    /* "X's return", "the return of X", "her comeback at A" (ex17v); not
     * "a return on the stake" (extract.c). */
    {{"return"}, R, EXO__TRIG_NOUN},
    {{"comeback"}, R, EXO__TRIG_NOUN},
    {{"returns", "to"}, R, ST},
    {{"returning", "to"}, R, ST},
    {{"returned", "to"}, R, ST},
    {{"rejoin"}, R, ST},
    {{"rejoins"}, R, ST},
    {{"rejoined"}, R, ST},
    {{"rejoining"}, R, ST},
    {{"re-join"}, R, ST},
    {{"re-joins"}, R, ST},
    {{"re-joined"}, R, ST},
    {{"re-joining"}, R, ST},
    {{"come", "back", "to"}, R, 0},
    {{"coming", "back", "to"}, R, 0},
    {{"came", "back", "to"}, R, 0},
    {{"brought", "back"}, R, EXO__TRIG_HIRE | ST},
    {{"brings", "back"}, R, EXO__TRIG_HIRE | ST},
    /* "decided to bring back former manager X", "is bringing back X"
     * (ex19f) */
    {{"bring", "back"}, R, EXO__TRIG_HIRE},
    {{"bringing", "back"}, R, EXO__TRIG_HIRE},
    {{"rehired"}, R, EXO__TRIG_HIRE | ST},
    /* "X is coming out of retirement to run A" (ex17v) */
    {{"coming", "out", "of", "retirement"}, R, ST | IN},
    {{"came", "out", "of", "retirement"}, R, ST | IN},
    {{"comes", "out", "of", "retirement"}, R, ST | IN},
    {{"re-hired"}, R, EXO__TRIG_HIRE | ST},
    {{"reinstated"}, R, EXO__TRIG_HIRE | ST | IN},
    {{"reinstates"}, R, EXO__TRIG_HIRE | ST},
    /* "is back as CEO", "came back as chief executive" (ex17b) */
    {{"is", "back", "as"}, R, ST | IN},
    {{"was", "back", "as"}, R, ST | IN},
    {{"came", "back", "as"}, R, ST | IN},
    {{"comes", "back", "as"}, R, ST | IN},
    {{"coming", "back", "as"}, R, ST | IN},
    /* "is back at OpenAI" (ex17b) */
    {{"is", "back", "at"}, R, ST | EXO__TRIG_NEEDS_ORG},
    {{"are", "back", "at"}, R, ST | EXO__TRIG_NEEDS_ORG},
    {{"was", "back", "at"}, R, ST | EXO__TRIG_NEEDS_ORG},
    {{"reappointed"}, R, EXO__TRIG_HIRE | ST},
    {{"returned", "as"}, R, ST | IN},
    {{"returns", "as"}, R, ST | IN},
    {{"return", "as"}, R, ST | IN},
    /* fired */
    {{"fired"}, F, EXO__TRIG_OBJ_FIRE | ST | IN},
    {{"fires"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"ousted"}, F, EXO__TRIG_OBJ_FIRE | ST | IN},
    {{"ousts"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"ouster"}, F, EXO__TRIG_NOUN},
    {{"sacked"}, F, EXO__TRIG_OBJ_FIRE | ST | IN},
    {{"dismissed"}, F, EXO__TRIG_OBJ_FIRE | IN},
    {{"pushed", "out"}, F, EXO__TRIG_OBJ_FIRE | ST | IN},
    {{"forced", "out"}, F, EXO__TRIG_OBJ_FIRE | ST | IN},
    {{"kicked", "out"}, F, EXO__TRIG_OBJ_FIRE | ST | IN},
    {{"let", "go"}, F, EXO__TRIG_OBJ_FIRE | IN},
    {{"terminated"}, F, EXO__TRIG_OBJ_FIRE | IN},
    {{"fire"}, F, EXO__TRIG_OBJ_FIRE},
    {{"firing"}, F, EXO__TRIG_OBJ_FIRE},
    {{"oust"}, F, EXO__TRIG_OBJ_FIRE},
    {{"ousting"}, F, EXO__TRIG_OBJ_FIRE},
    {{"sack"}, F, EXO__TRIG_OBJ_FIRE},
    {{"sacks"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"dismisses"}, F, EXO__TRIG_OBJ_FIRE},
    {{"removed"}, F, EXO__TRIG_OBJ_FIRE | IN},
    {{"remove"}, F, EXO__TRIG_OBJ_FIRE},
    {{"forced", "to", "resign"}, F, ST | IN},
    {{"shown", "the", "door"}, F, ST | IN},
    /* ex17b: more ways news says a person was made to go. */
    {{"axed"}, F, EXO__TRIG_OBJ_FIRE | ST | IN},
    /* "the club's axing of X", "the Yankees dumped X" (ex17v) */
    {{"axing"}, F, EXO__TRIG_NOUN},
    {{"dumped"}, F, EXO__TRIG_OBJ_FIRE},
    {{"dumps"}, F, EXO__TRIG_OBJ_FIRE},
    {{"dismissal"}, F, EXO__TRIG_NOUN},
    {{"sacking"}, F, EXO__TRIG_NOUN},
    {{"forced", "to", "step", "down"}, F, ST | IN},
    {{"forced", "to", "quit"}, F, ST | IN},
    {{"forced", "to", "leave"}, F, ST | IN},
    {{"asked", "to", "step", "down"}, F, ST | IN},
    {{"asked", "to", "resign"}, F, ST | IN},
    {{"asked", "to", "leave"}, F, ST | IN},
    {{"parted", "ways", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"relieved", "of"}, F, ST | IN},
    {{"lost", "his", "job"}, F, ST | IN},
    {{"lost", "her", "job"}, F, ST | IN},
    {{"is", "out", "as"}, L, ST | IN},
    {{"is", "out", "at"}, L, ST | IN},
    /* founding */
    {{"found"}, FO, EXO__TRIG_FOUND},
    {{"founded"}, FO, EXO__TRIG_FOUND | ST},
    {{"founds"}, FO, EXO__TRIG_FOUND | ST},
    {{"co-found"}, FO, EXO__TRIG_FOUND | ST},
    {{"co-founded"}, FO, EXO__TRIG_FOUND | ST},
    /* "since co-founding the company" (ex19f); not "founding", which is
     * as often "a founding member". */
    {{"co-founding"}, FO, EXO__TRIG_FOUND},
    {{"cofounding"}, FO, EXO__TRIG_FOUND},
    {{"cofound"}, FO, EXO__TRIG_FOUND | ST},
    {{"cofounded"}, FO, EXO__TRIG_FOUND | ST},
    {{"launch"}, FO, EXO__TRIG_FOUND},
    {{"launched"}, FO, EXO__TRIG_FOUND},
    {{"launches"}, FO, EXO__TRIG_FOUND},
    {{"launching"}, FO, EXO__TRIG_FOUND},
    {{"start"}, FO, EXO__TRIG_FOUND},
    {{"started"}, FO, EXO__TRIG_FOUND},
    {{"starts"}, FO, EXO__TRIG_FOUND},
    {{"starting"}, FO, EXO__TRIG_FOUND},
    {{"set", "up"}, FO, EXO__TRIG_FOUND},
    {{"setup"}, FO, EXO__TRIG_FOUND},
    {{"sets", "up"}, FO, EXO__TRIG_FOUND},
    /*
     * ex17n: the rest of the language of moves, listed from English by
     * event and form (present, past, progressive, headline present),
     * not from passages: each form had a new unit sentence first.
     */
    /* leaving */
    {{"out", "as"}, L, ST | IN}, /* headline "X out as coach of A" */
    {{"bows", "out"}, L, ST | IN},
    {{"bowed", "out"}, L, ST | IN},
    {{"bow", "out"}, L, ST | IN},
    {{"hands", "over", "the", "reins"}, L, ST | IN},
    {{"handed", "over", "the", "reins"}, L, ST | IN},
    {{"hand", "over", "the", "reins"}, L, ST | IN},
    {{"handing", "over", "the", "reins"}, L, ST | IN},
    {{"moving", "on"}, L, IN},
    {{"moves", "on"}, L, IN},
    {{"moved", "on"}, L, IN},
    {{"jumps", "ship"}, L, ST | IN},
    {{"jump", "ship"}, L, ST | IN},
    {{"decamp"}, L, 0},
    {{"decamps"}, L, 0},
    {{"decamped"}, L, 0},
    {{"decamping"}, L, 0},
    {{"walks", "away"}, L, ST | IN},
    {{"walk", "away"}, L, ST | IN},
    {{"walking", "away"}, L, ST | IN},
    {{"stepping", "back"}, L, IN},
    {{"steps", "back"}, L, IN},
    {{"stepped", "back"}, L, IN},
    {{"step", "back"}, L, IN},
    {{"vacate"}, L, IN},
    {{"vacates"}, L, IN},
    {{"vacated"}, L, IN},
    {{"vacating"}, L, IN},
    {{"relinquish"}, L, IN},
    {{"relinquishes"}, L, IN},
    {{"relinquished"}, L, IN},
    {{"relinquishing"}, L, IN},
    {{"bids", "farewell"}, L, IN},
    {{"bade", "farewell"}, L, IN},
    {{"bid", "farewell"}, L, IN},
    /* joining */
    {{"takes", "the", "helm"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"took", "the", "helm"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"taking", "the", "helm"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"take", "the", "helm"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"brought", "in"}, J, EXO__TRIG_HIRE},
    {{"brings", "in"}, J, EXO__TRIG_HIRE},
    {{"snapped", "up"}, J, EXO__TRIG_HIRE | ST},
    {{"snaps", "up"}, J, EXO__TRIG_HIRE | ST},
    {{"nabbed"}, J, EXO__TRIG_HIRE | ST},
    {{"nabs"}, J, EXO__TRIG_HIRE | ST},
    {{"enlisted"}, J, EXO__TRIG_HIRE},
    {{"enlists"}, J, EXO__TRIG_HIRE},
    {{"lure"}, J, EXO__TRIG_HIRE},
    {{"luring"}, J, EXO__TRIG_HIRE},
    {{"tap"}, J, EXO__TRIG_HIRE},
    {{"tapping"}, J, EXO__TRIG_HIRE},
    {{"welcomes"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"welcomed"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"added"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"adds"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"chose"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"chooses"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"selected"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"selects"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"signs", "with"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"signed", "with"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"signing", "with"}, J, EXO__TRIG_NEEDS_ORG},
    {{"lands", "at"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"landed", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"landing", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"arrives", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"arrived", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"arriving", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"is", "the", "new"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    /* "X will be the new editor of A", "X is the next CEO of A", "X will
     * now be editor of A": a title, then the organisation, as for
     * "became" (ex21v). */
    {{"be", "the", "new"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"be", "the", "next"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"is", "the", "next"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"now", "be"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    /* "X steps in as CEO of A": a title, then the organisation, as for
     * "took over as" (ex21v). */
    {{"steps", "in", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"stepped", "in", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"step", "in", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"stepping", "in", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    /* "X was unveiled as A's new manager", "X was confirmed as CEO of
     * A": a passive hire, from elsewhere only, as for "introduced as"
     * (ex21v). */
    {{"unveiled", "as"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    {{"confirmed", "as"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    /* "X signed for Marrow City" (sports), "X, who starts at A on
     * Monday", "X is set to start at A": only with the organisation
     * after them (ex21v). */
    {{"signed", "for"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"signs", "for"}, J, EXO__TRIG_NEEDS_ORG | ST},
    {{"signing", "for"}, J, EXO__TRIG_NEEDS_ORG},
    {{"start", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"starts", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"starting", "at"}, J, EXO__TRIG_NEEDS_ORG},
    /* "in his new role at A" (ex21v) */
    {{"new", "role", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"new", "job", "at"}, J, EXO__TRIG_NEEDS_ORG},
    /* "X will take up the post in May", "took up the role at A": the
     * post is the text's organisation's, as in "joined the company"
     * (ex21v). */
    {{"take", "up"}, J, EXO__TRIG_NEEDS_ORG},
    {{"takes", "up"}, J, EXO__TRIG_NEEDS_ORG},
    {{"took", "up"}, J, EXO__TRIG_NEEDS_ORG},
    {{"taking", "up"}, J, EXO__TRIG_NEEDS_ORG},
    /* "X, now at B, said": where X went (ex21v) */
    {{"now", "at"}, J, EXO__TRIG_NEEDS_ORG},
    /* "Engle came to GM five years ago as president" (ex17v); only with
     * the organisation right after "to" (extract.c). */
    {{"came", "to"}, J, EXO__TRIG_NEEDS_ORG},
    {{"comes", "to"}, J, EXO__TRIG_NEEDS_ORG},
    {{"came", "aboard"}, J, EXO__TRIG_NEEDS_ORG},
    /* "came on board at Apple", "started at Sony in 1994": where a
     * career or a job there began (ex19b); only with the organisation
     * after them; told as history, so the past tense only. */
    {{"came", "on", "board"}, J, EXO__TRIG_NEEDS_ORG},
    {{"started", "at"}, J, EXO__TRIG_NEEDS_ORG},
    {{"began", "at"}, J, EXO__TRIG_NEEDS_ORG},
    /* "started as an intern in 1985": a job begun, at the organisation
     * the text is about unless one follows (extract.c: a title must
     * follow "as"). */
    {{"started", "as"}, J, EXO__TRIG_NEEDS_ORG},
    {{"began", "as"}, J, EXO__TRIG_NEEDS_ORG},
    {{"comes", "aboard"}, J, EXO__TRIG_NEEDS_ORG},
    {{"coming", "aboard"}, J, EXO__TRIG_NEEDS_ORG},
    /* "was introduced as head coach of A": a passive hire, from
     * elsewhere only, as for "was named". */
    {{"introduced", "as"}, J, EXO__TRIG_HIRE | EXO__TRIG_AS},
    /* "took over as CEO of A": a title, then the organisation, as for
     * "became" (not a promotion). */
    {{"took", "over", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"takes", "over", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"taking", "over", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"take", "over", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    {{"taken", "over", "as"}, J, EXO__TRIG_NEEDS_ORG | EXO__TRIG_BECAME},
    /* returning */
    {{"makes", "a", "return"}, R, ST | IN},
    {{"made", "a", "return"}, R, ST | IN},
    {{"making", "a", "return"}, R, ST | IN},
    {{"makes", "his", "return"}, R, ST | IN},
    {{"made", "his", "return"}, R, ST | IN},
    {{"makes", "her", "return"}, R, ST | IN},
    {{"made", "her", "return"}, R, ST | IN},
    {{"re-appointed"}, R, EXO__TRIG_HIRE | ST},
    {{"re-appoints"}, R, EXO__TRIG_HIRE | ST},
    {{"reappoints"}, R, EXO__TRIG_HIRE | ST},
    {{"rehires"}, R, EXO__TRIG_HIRE | ST},
    {{"re-hires"}, R, EXO__TRIG_HIRE | ST},
    {{"rehire"}, R, EXO__TRIG_HIRE},
    {{"rehiring"}, R, EXO__TRIG_HIRE},
    {{"reinstate"}, R, EXO__TRIG_HIRE},
    {{"back", "at"}, R, ST | EXO__TRIG_NEEDS_ORG}, /* headline "X back at A" */
    {{"back", "as"}, R, ST | IN},
    {{"welcomes", "back"}, R, EXO__TRIG_HIRE | ST},
    {{"welcomed", "back"}, R, EXO__TRIG_HIRE | ST},
    {{"returning", "as"}, R, ST | IN},
    {{"reunites", "with"}, R, EXO__TRIG_NEEDS_ORG},
    {{"reunited", "with"}, R, EXO__TRIG_NEEDS_ORG},
    /* fired */
    {{"dismiss"}, F, EXO__TRIG_OBJ_FIRE},
    {{"dismissing"}, F, EXO__TRIG_OBJ_FIRE},
    {{"parts", "ways", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"part", "ways", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"parting", "ways", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"forces", "out"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"pushes", "out"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"kicks", "out"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"lets", "go"}, F, EXO__TRIG_OBJ_FIRE},
    {{"letting", "go"}, F, EXO__TRIG_OBJ_FIRE},
    {{"relieves", "of"}, F, ST},
    {{"parted", "company", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"parts", "company", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"part", "company", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"got", "the", "sack"}, F, ST | IN},
    {{"gets", "the", "sack"}, F, ST | IN},
    {{"given", "the", "sack"}, F, ST | IN},
    {{"given", "the", "boot"}, F, ST | IN},
    {{"gets", "the", "boot"}, F, ST | IN},
    {{"got", "the", "boot"}, F, ST | IN},
    {{"cut", "ties", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"cuts", "ties", "with"}, F, EXO__TRIG_OBJ_FIRE | ST},
    {{"showed", "the", "door"}, F, ST | IN},
    {{"shows", "the", "door"}, F, ST | IN},
    /* Not "booted", "canned", "axes", "terminates", "removal" either:
     * "booted up her laptop", "canned peaches", "axes 500 jobs",
     * "terminates the lease" made the learned reader propose firings
     * (ex17n). */
    /* founding. Not "form", "create", "establish", "unveil": the rules
     * could read them only with a company named after them, but the
     * learned reader opens on any word of this table, and these words
     * name a fund, a plan or a record as often as a company (ex17n: it
     * proposed "X created a fund for scholarships" as a founding). */
    {{"co-founds"}, FO, EXO__TRIG_FOUND | ST},
    {{"cofounds"}, FO, EXO__TRIG_FOUND | ST},
    {{"spun", "out"}, FO, EXO__TRIG_FOUND | ST},
    {{"spins", "out"}, FO, EXO__TRIG_FOUND | ST},
};

#undef L
#undef J
#undef S
#undef R
#undef F
#undef FO
#undef ST
#undef IN

/*
 * The triggers by the first byte of their first word, in table order (a
 * stable counting sort, built once): every token of the text is looked
 * up, and a scan of the whole table per token was a fifth of extract's
 * time on news (bench_extract).
 */
static size_t trig_order[COUNT(triggers)];
static size_t trig_start[257];
static pthread_once_t trig_once = PTHREAD_ONCE_INIT;

static void index_triggers(void)
{
    size_t count[256] = {0};
    for (size_t i = 0; i < COUNT(triggers); i++)
        count[(unsigned char)triggers[i].words[0][0]]++;
    for (size_t c = 0; c < 256; c++)
        trig_start[c + 1] = trig_start[c] + count[c];
    size_t next[256];
    memcpy(next, trig_start, sizeof next);
    for (size_t i = 0; i < COUNT(triggers); i++)
        trig_order[next[(unsigned char)triggers[i].words[0][0]]++] = i;
}

const struct exo__trigger *exo__lex_trigger(const char *const *toks,
                                            size_t n_toks, size_t *n_used)
{
    const struct exo__trigger *best = NULL;
    size_t best_n = 0;
    *n_used = 0;
    if (n_toks == 0)
        return NULL;
    pthread_once(&trig_once, index_triggers);
    unsigned char c0 = (unsigned char)toks[0][0];
    for (size_t j = trig_start[c0]; j < trig_start[c0 + 1]; j++) {
        size_t i = trig_order[j];
        size_t k = 0;
        while (k < 4 && triggers[i].words[k] && k < n_toks &&
               triggers[i].words[k][0] == toks[k][0] &&
               triggers[i].words[k][1] == toks[k][1] &&
               strcmp(triggers[i].words[k], toks[k]) == 0)
            k++;
        if ((k == 4 || !triggers[i].words[k]) && k > best_n) {
            best = &triggers[i];
            best_n = k;
        }
    }
    *n_used = best_n;
    return best;
}

/* ==== Words around names ==== */

/*
 * Capitalised words that start sentences or titles but are never part of
 * a name. Lower-case; compared with the token's lower-case form.
 */
static const char *const not_name[] = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "if",
    "in",
    "on",
    "at",
    "to",
    "of",
    "for",
    "by",
    "from",
    "with",
    "as",
    "after",
    "before",
    "since",
    "while",
    "when",
    "where",
    "who",
    "what",
    "why",
    "how",
    "which",
    "that",
    "this",
    "these",
    "those",
    "there",
    "then",
    "than",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "him",
    "them",
    "us",
    "me",
    "meanwhile",
    "however",
    "also",
    "still",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "earlier",
    "later",
    "last",
    "next",
    "former",
    "formerly",
    "longtime",
    "veteran",
    "new",
    "sources",
    "source",
    "reports",
    "report",
    "according",
    "update",
    "breaking",
    "exclusive",
    "read",
    "more",
    "related",
    "photo",
    "credit",
    "chief",
    "president",
    "vice",
    "head",
    "senior",
    "executive",
    "officer",
    "cofounder",
    "co-founder",
    "founder",
    "founders",
    "cofounders",
    "co-founders",
    "founding",
    "director",
    "manager",
    "leader",
    "lead",
    "engineer",
    "scientist",
    "researcher",
    "partner",
    "chairman",
    "chairwoman",
    "chair",
    "board",
    "member",
    "members",
    "product",
    "research",
    "engineering",
    "technology",
    "technical",
    "team",
    "staff",
    "principal",
    "general",
    "managing",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "vp",
    "svp",
    "evp",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "secretary",
    "minister",
    "chancellor",
    "commissioner",
    "administrator",
    "adviser",
    "advisor",
    "boss",
    "deputy",
    "interim",
    "acting",
    "cio",
    "joining",
    "leaving",
    "departing",
    /* "Succeeding X will be Y", "Replacing X is Y" (ex21v) */
    "succeeding",
    "replacing",
    "among",
    "including",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "researchers",
    "engineers",
    "scientists",
    "executives",
    "leaders",
    "directors",
    "managers",
    "employees",
    "staffers",
    "analysts",
    "investors",
    "officials",
    "co-lead",
    "co-ceo",
    "co-head",
    "co-chair",
    "sources",
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
    "ai",
    "agi",
    "llm",
    "gpt",
    "silicon",
    "valley",
    "san",
    "francisco",
    "new york",
    "london",
    "washington",
    "california",
    /* ex17r: continents ("North America" read as a person) */
    "america",
    "europe",
    "asia",
    "africa",
    "wall",
    "street",
    "street journal",
    "journal",
    "times",
    "post",
    "verge",
    "bloomberg",
    "reuters",
    "information",
    "techcrunch",
    "wired",
    "axios",
    "semafor",
    "linkedin",
    "twitter",
    "x",
    "threads",
    "substack",
    "podcast",
    "says",
    "said",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "posted",
    "announced",
    "confirmed",
    "per",
    "via",
    "both",
    "all",
    "some",
    "many",
    "most",
    "few",
    "several",
    "each",
    "every",
    "other",
    "another",
    "one",
    "two",
    "three",
    "no",
    "not",
    "nor",
    "so",
    "yet",
    "just",
    "even",
    "despite",
    /* ex19p: conjunctions that open a clause before a surname ("Although
     * Rogers is stepping back" read as a person). */
    "although",
    "though",
    "because",
    "unless",
    "whereas",
    "whether",
    /* ex19p: participles that open a sentence before a name ("Following
     * Tom Reyes's exit", "Confirming Gupta's exit" read as people). */
    "following",
    "confirming",
    "citing",
    "announcing",
    "welcoming",
    "praising",
    "thanking",
    "noting",
    "explaining",
    "describing",
    "commenting",
    "speaking",
    "during",
    "amid",
    "over",
    "under",
    "into",
    "about",
    "like",
    "unlike",
    "within",
    "without",
    "between",
    "among",
    "through",
    "sorry",
    "thanks",
    "thank",
    "dear",
    "hey",
    "hi",
    "hello",
    "yes",
    "please",
    "here",
    "leave",
    "comment",
    "loading",
    "subscribe",
    "share",
    "posts",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "ex",
    "interim",
    "acting",
    "incoming",
    "outgoing",
    "departing",
    "longtime",
    "star",
    "top",
    "key",
    "core",
    "early",
    "original",
    "generative",
    "artificial",
    "intelligence",
    "general",
    "superalignment",
    "alignment",
    "safety",
    "policy",
    "enterprise",
    "cloud",
    "search",
    "copilot",
    "chatgpt",
    "claude",
    "gemini",
    "llama",
    "grok",
    "sora",
    "dall-e",
    "us",
    "uk",
    "eu",
    "un",
    "un",
    "ok",
    "tech",
    "big",
    "bigtech",
    "venture",
    "capital",
    "billion",
    "million",
    "trillion",
    "federal",
    "supreme",
    "court",
    "district",
    "state",
    "stanford",
    "harvard",
    "hill",
    "congress",
    "house",
    "senate",
    "white",
    "city",
    /* ex17n: ordinals and title modifiers that open a title ("First Team
     * Assistant Coach X"), and the second words of places read as
     * people ("Los Angeles", "Hong Kong", "Las Vegas"). */
    "first",
    "second",
    "third",
    "assistant",
    "associate",
    "angeles",
    "kong",
    "vegas",
    /* ex18n: a region, not a person ("Southern France", "Eastern
     * Europe"); the adjectives are no one's name. */
    "southern",
    "northern",
    "eastern",
    "western",
};

bool exo__lex_not_name(const char *word)
{
    return in_list(word, not_name, COUNT(not_name));
}

/*
 * Nouns that stand for a person, though they are no title: after "the"
 * for one already named ("the billionaire", "the Briton"; "the
 * 45-year-old" is read apart, ex17r), and glued before a name, no part of
 * it ("Billionaire Hal Brenner", ex18n). Titles ("the cofounder", "the coach")
 * are in 'roles'. Lower-case.
 */
static const char *const person_nouns[] = {
    "billionaire",  "millionaire",   "entrepreneur", "investor",
    "financier",    "veteran",       "executive",    "banker",
    "technologist", "tycoon",        "businessman",  "businesswoman",
    "mogul",        "industrialist", "academic",     "economist",
    "physicist",    "programmer",    "insider",      "newcomer",
    "briton",       "american",      "frenchman",    "frenchwoman",
    "german",       "canadian",      "australian",   "israeli",
    "indian",       "chinese",       "japanese",     "dutchman",
    "italian",      "spaniard",      "swede",        "irishman",
    "scot",         "russian",       "brazilian",    "korean",
};

bool exo__lex_person_noun(const char *word)
{
    return in_list(word, person_nouns, COUNT(person_nouns));
}

/*
 * Plural nouns for a group of people who move together: "six executives
 * are retiring", "the departees include X and Y", "other traders who have
 * left include X" (ex21l). Lower-case.
 */
static const char *const group_nouns[] = {
    "executives", "researchers", "scientists", "engineers",   "developers",
    "designers",  "traders",     "managers",   "partners",    "directors",
    "employees",  "staffers",    "staff",      "leaders",     "officials",
    "ministers",  "editors",     "reporters",  "journalists", "lawyers",
    "bankers",    "analysts",    "members",    "colleagues",  "departees",
    "founders",   "co-founders", "cofounders", "veterans",    "people",
    "hires",      "recruits",    "coaches",    "players",     "alumni",
};

bool exo__lex_group_noun(const char *word)
{
    return in_list(word, group_nouns, COUNT(group_nouns));
}

/*
 * Adjectives of nationality: "its British CEO", "Danish chief executive
 * X" name no organisation (ex17r). Lower-case.
 */
static const char *const demonyms[] = {
    "american", "british",    "french",    "german",      "danish",
    "dutch",    "swedish",    "norwegian", "finnish",     "irish",
    "scottish", "welsh",      "english",   "spanish",     "italian",
    "swiss",    "austrian",   "belgian",   "polish",      "russian",
    "chinese",  "japanese",   "korean",    "indian",      "israeli",
    "canadian", "australian", "brazilian", "mexican",     "turkish",
    "greek",    "portuguese", "ukrainian", "singaporean", "taiwanese",
};

bool exo__lex_demonym(const char *word)
{
    return in_list(word, demonyms, COUNT(demonyms));
}

static const char *const org_suffixes[] = {
    "labs",
    "lab",
    "inc",
    "corp",
    "corporation",
    "ltd",
    "llc",
    "ai",
    "technologies",
    "technology",
    "systems",
    "robotics",
    "capital",
    "ventures",
    "partners",
    "group",
    "research",
    "bio",
    "biosciences",
    "therapeutics",
    "health",
    "energy",
    "motors",
    "software",
    "networks",
    "security",
    "dynamics",
    "intelligence",
    "analytics",
    "studios",
    "games",
    "media",
    "bank",
    "university",
    "institute",
    "foundation",
    "college",
    "company",
    "holdings",
    "industries",
    "computing",
    "automation",
    "sciences",
    "cloud",
    "fund",
    "associates",
    /* ex17n: the heads of organisation names that are not companies or
     * that end in a type of business ("American Athletic Conference",
     * "Premier League", "Leeds United", "Millennium Management"): a
     * capitalised run ending so is an organisation, not a person. */
    "conference",
    "league",
    "association",
    "federation",
    "committee",
    "council",
    "commission",
    "ministry",
    "department",
    "agency",
    "authority",
    "club",
    "society",
    "academy",
    "school",
    "hospital",
    "party",
    "union",
    "fc",
    "united",
    "news",
    "times",
    "journal",
    "tribune",
    "herald",
    "gazette",
    "magazine",
    "press",
    "airlines",
    "airways",
    "pharmaceuticals",
    "insurance",
    "securities",
    "investments",
    "management",
    "managers",
    "advisors",
    "advisers",
    "trust",
    "reserve",
    "exchange",
    "stores",
    "brands",
    "entertainment",
    "pictures",
    "records",
    "semiconductor",
    "electronics",
    "solutions",
    "services",
    "consulting",
    "hotels",
    "resorts",
    "restaurants",
    "foods",
    "administration",
    "rovers",
    "wanderers",
    "albion",
    "athletic",
    "rangers",
    "telecom",
    "telecoms",
    "hotspur",
    "county",
    /* ex20g: football clubs ("Hull City", "Ipswich Town"); a place
     * read so is no worse than read as a person, as before. */
    "city",
    "town",
    /* ex18n: institutions ("Memorial Sloan Kettering Cancer Center",
     * "the Andy Warhol Museum") and a carmaker's arm ("Volvo Cars")
     * were read as people. */
    "center",
    "centre",
    "museum",
    "gallery",
    "library",
    "clinic",
    "orchestra",
    "cars",
};

bool exo__lex_org_suffix(const char *word)
{
    return in_list(word, org_suffixes, COUNT(org_suffixes));
}

/*
 * Periods after these never end a sentence (titles before a name, "e.g").
 * Periods after the "soft" ones end a sentence only when a word that
 * usually starts one follows ("Acme Inc. The ..."); the caller decides.
 */
static const char *const abbrevs[] = {
    "mr",  "mrs",  "ms",  "dr",     "prof", "st",   "mt",  "gen", "col", "lt",
    "sgt", "capt", "gov", "sen",    "rep",  "rev",  "hon", "vs",  "e.g", "i.e",
    "al",  "fig",  "no",  "approx", "ph.d", "dept", "ft",  "cf",
};
static const char *const soft_abbrevs[] = {
    "inc", "corp", "co",  "ltd", "llc", "plc", "etc", "bros", "sr",   "jr",
    "jan", "feb",  "mar", "apr", "jun", "jul", "aug", "sep",  "sept", "oct",
    "nov", "dec",  "u.s", "u.k", "u.n", "e.u", "d.c", "a.m",  "p.m",  "est",
};

bool exo__lex_abbrev(const char *word, bool *soft)
{
    *soft = in_list(word, soft_abbrevs, COUNT(soft_abbrevs));
    return *soft || in_list(word, abbrevs, COUNT(abbrevs));
}

int exo__lex_month(const char *word)
{
    static const char *const full[] = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    static const char *const abbr[] = {"jan", "feb", "mar", "apr",
                                       "may", "jun", "jul", "aug",
                                       "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strcmp(word, full[i]) == 0 || strcmp(word, abbr[i]) == 0)
            return i + 1;
    if (strcmp(word, "sept") == 0)
        return 9;
    return 0;
}

/*
 * The vocabulary of spans of time counted back from the text's date: one
 * table for the counts and the units. "A" and "an" count one ("a year
 * ago"); "a few", "several" and "some" count nothing, so "a few years
 * ago" gives no year (ex18h).
 */
static const struct time_word {
    const char *word;
    enum exo__time_kind kind;
    int value;
} time_words[] = {
    {"a", EXO__TIME_COUNT, 1},          {"an", EXO__TIME_COUNT, 1},
    {"one", EXO__TIME_COUNT, 1},        {"two", EXO__TIME_COUNT, 2},
    {"three", EXO__TIME_COUNT, 3},      {"four", EXO__TIME_COUNT, 4},
    {"five", EXO__TIME_COUNT, 5},       {"six", EXO__TIME_COUNT, 6},
    {"seven", EXO__TIME_COUNT, 7},      {"eight", EXO__TIME_COUNT, 8},
    {"nine", EXO__TIME_COUNT, 9},       {"ten", EXO__TIME_COUNT, 10},
    {"eleven", EXO__TIME_COUNT, 11},    {"twelve", EXO__TIME_COUNT, 12},
    {"thirteen", EXO__TIME_COUNT, 13},  {"fourteen", EXO__TIME_COUNT, 14},
    {"fifteen", EXO__TIME_COUNT, 15},   {"sixteen", EXO__TIME_COUNT, 16},
    {"seventeen", EXO__TIME_COUNT, 17}, {"eighteen", EXO__TIME_COUNT, 18},
    {"nineteen", EXO__TIME_COUNT, 19},  {"twenty", EXO__TIME_COUNT, 20},
    {"dozen", EXO__TIME_COUNT, 12},     {"day", EXO__TIME_DAY, 0},
    {"days", EXO__TIME_DAY, 0},         {"week", EXO__TIME_WEEK, 0},
    {"weeks", EXO__TIME_WEEK, 0},       {"month", EXO__TIME_MONTH, 0},
    {"months", EXO__TIME_MONTH, 0},     {"year", EXO__TIME_YEAR, 0},
    {"years", EXO__TIME_YEAR, 0},       {"decade", EXO__TIME_DECADE, 0},
    {"decades", EXO__TIME_DECADE, 0},
};

enum exo__time_kind exo__lex_time_word(const char *word, int *value)
{
    for (size_t i = 0; i < COUNT(time_words); i++)
        if (strcmp(word, time_words[i].word) == 0) {
            *value = time_words[i].value;
            return time_words[i].kind;
        }
    *value = 0;
    return EXO__TIME_NONE;
}
