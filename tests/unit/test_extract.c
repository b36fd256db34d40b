/*
 * test_extract.c - the news-text extractor: sentence segmentation, the name
 * finder, each hard negative, and precision/recall on the hand-labelled
 * corpus tests/extract/corpus.txt against tests/extract/gold.csv.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "adversarial_text.h"
#include "core/alloc.h"
#include "core/utf8.h"
#include "exodus.h"
#include "expect.h"
#include "ingest/extract.h"

/* ==== Helpers ==== */

static exo_candidate_list run(const char *text, const char *context)
{
    exo_extract_opts opts;
    exo_candidate_list out;
    exo_err err = {0};
    exo_extract_opts_init(&opts);
    opts.org_context = context;
    opts.has_date = true;
    opts.date.days = exo_days_from_civil(2024, 8, 6);
    opts.date.precision = EXO_PREC_DAY;
    cr_assert_eq(exo_extract_text(text, strlen(text), &opts, &out, &err),
                 EXO_OK, "%s", err.msg);
    return out;
}

/* As run, but the first stage's confidences (the rules' score() and the
 * reader's), without the second look (ex20c) that recalibrates them:
 * for the tests of how the first stage ranks. */
static exo_candidate_list run_first_stage(const char *text,
                                          const char *context)
{
    exo_extract_opts opts;
    exo_candidate_list out;
    struct exo__learn_hooks h = {.first_stage_only = true};
    exo_extract_opts_init(&opts);
    opts.org_context = context;
    opts.has_date = true;
    opts.date.days = exo_days_from_civil(2024, 8, 6);
    opts.date.precision = EXO_PREC_DAY;
    cr_assert_eq(exo__extract_learn(text, strlen(text), &opts, &h, &out, NULL),
                 EXO_OK);
    return out;
}

static void expect_none(const char *text, const char *context)
{
    exo_candidate_list out = run(text, context);
    cr_expect_eq(out.n, 0, "expected no move in: %s (got %s %s)", text,
                 out.n ? out.rows[0].person : "",
                 out.n ? exo_event_name(out.rows[0].event) : "");
    exo_candidate_list_release(&out);
}

static void expect_one(const char *text, const char *context,
                       const char *person, const char *from, const char *to,
                       exo_event event)
{
    exo_candidate_list out = run(text, context);
    cr_assert_eq(out.n, 1, "expected one move in: %s (got %zu)", text, out.n);
    const exo_candidate *c = &out.rows[0];
    cr_expect_str_eq(c->person, person);
    cr_expect_eq(c->event, event, "event %s", exo_event_name(c->event));
    if (from)
        cr_expect(c->from_org && strcmp(c->from_org, from) == 0,
                  "from %s, expected %s", c->from_org ? c->from_org : "-",
                  from);
    else
        cr_expect_null(c->from_org, "from %s", c->from_org);
    if (to)
        cr_expect(c->to_org && strcmp(c->to_org, to) == 0,
                  "to %s, expected %s", c->to_org ? c->to_org : "-", to);
    else
        cr_expect_null(c->to_org, "to %s", c->to_org);
    exo_candidate_list_release(&out);
}

/* ==== Sentences ==== */

static size_t split(const char *text, struct exo__sentence **s)
{
    size_t n;
    cr_assert_eq(exo__split_sentences(text, strlen(text), s, &n, NULL),
                 EXO_OK);
    return n;
}

static void expect_sentences(const char *text, const char *const *want)
{
    struct exo__sentence *s;
    size_t n = split(text, &s), k = 0;
    while (want[k])
        k++;
    cr_expect_eq(n, k, "%zu sentences in '%s', expected %zu", n, text, k);
    for (size_t i = 0; i < n && i < k; i++) {
        size_t len = s[i].end - s[i].start;
        cr_expect(len == strlen(want[i]) &&
                      memcmp(text + s[i].start, want[i], len) == 0,
                  "sentence %zu is '%.*s', expected '%s'", i + 1, (int)len,
                  text + s[i].start, want[i]);
    }
    exo__free(s);
}

Test(extract, sentences_survive_abbreviations)
{
    expect_sentences(
        "Dr. Jane Roe joined Acme Inc. in 2019. She left the U.S. company "
        "last week. Mr. John Q. Public, Jr. stayed.",
        (const char *const[]){"Dr. Jane Roe joined Acme Inc. in 2019.",
                              "She left the U.S. company last week.",
                              "Mr. John Q. Public, Jr. stayed.", NULL});
}

/* A fenced code block (Markdown) is not prose: before the fence was
 * known, a file tree read as one sentence gave a place name as a person. */
Test(extract, sentences_skip_fenced_code)
{
    expect_sentences("Jane Roe left Acme.\n\n```\nMonte Carlo left the "
                     "building.\n  ~~~ not a fence inside\n```\nShe "
                     "joined Bolt.\n~~~\nx left y.\n",
                     (const char *const[]){"Jane Roe left Acme.",
                                           "She joined Bolt.", NULL});
    expect_none("Notes.\n\n```\nMonte Carlo left DESIGN.md in 2020.\n```\n",
                "Acme");
}

Test(extract, sentences_split_after_inc_before_a_sentence_start)
{
    expect_sentences("She joined Acme Inc. The deal closed.",
                     (const char *const[]){"She joined Acme Inc.",
                                           "The deal closed.", NULL});
}

Test(extract, sentences_keep_quotes_and_decimals)
{
    expect_sentences(
        "\"I am leaving.\" That was all. GPT-4.5 costs $2.5 billion? Yes!",
        (const char *const[]){"\"I am leaving.\"", "That was all.",
                              "GPT-4.5 costs $2.5 billion?", "Yes!", NULL});
}

Test(extract, sentences_split_bullets_and_lines)
{
    const char *text = "In the last day:\n"
                       "\xe2\x80\xa2 Cofounder A B is leaving\n"
                       "\xe2\x80\xa2 C D is joining\n"
                       "- E F left\n"
                       "1. G H quit";
    struct exo__sentence *s;
    size_t n = split(text, &s);
    cr_expect_eq(n, 5);
    if (n == 5) {
        cr_expect_eq(memcmp(text + s[1].start, "Cofounder A B is leaving",
                            s[1].end - s[1].start),
                     0);
        cr_expect_eq(memcmp(text + s[4].start, "G H quit", 8), 0);
        cr_expect_neq(s[0].para, s[1].para);
    }
    exo__free(s);
}

Test(extract, sentences_join_wrapped_lines_in_blank_line_paragraphs)
{
    const char *text = "Jane Roe, the chief\nscientist, is leaving.\n\n"
                       "He said so.";
    struct exo__sentence *s;
    size_t n = split(text, &s);
    cr_expect_eq(n, 2);
    if (n == 2) {
        cr_expect_eq(s[0].para, 0);
        cr_expect_eq(s[1].para, 1);
    }
    exo__free(s);
}

/* ==== Names ==== */

static void expect_names(const char *text, const char *const *want)
{
    size_t spans[8][2];
    size_t n = exo__find_names(text, strlen(text), spans, 8), k = 0;
    while (want[k])
        k++;
    cr_expect_eq(n, k, "%zu names in '%s', expected %zu", n, text, k);
    for (size_t i = 0; i < n && i < k && i < 8; i++) {
        size_t len = spans[i][1] - spans[i][0];
        cr_expect(len == strlen(want[i]) &&
                      memcmp(text + spans[i][0], want[i], len) == 0,
                  "name %zu is '%.*s', expected '%s'", i + 1, (int)len,
                  text + spans[i][0], want[i]);
    }
}

Test(extract, names_with_initials_hyphens_apostrophes_accents)
{
    expect_names("Dr. Amelia J. Hart met Jean-Luc Moreau and Liam O'Connell.",
                 (const char *const[]){"Amelia J. Hart", "Jean-Luc Moreau",
                                       "Liam O'Connell", NULL});
    expect_names("Łukasz Wiśniewski and Chloé Dubois left; Ludwig van der "
                 "Berg stayed.",
                 (const char *const[]){"Łukasz Wiśniewski", "Chloé Dubois",
                                       "Ludwig van der Berg", NULL});
}

Test(extract, names_skip_roles_orgs_and_possessives)
{
    expect_names("Cofounder John Schulman is heading to rival Anthropic.",
                 (const char *const[]){"John Schulman", NULL});
    expect_names("OpenAI CEO Sam Altman's plan met Google DeepMind.",
                 (const char *const[]){"Sam Altman", NULL});
    expect_names("The Wall Street Journal reported it on Monday.",
                 (const char *const[]){NULL});
}

Test(extract, names_single_words_are_not_names)
{
    expect_names("Ilya and Andrej left. Mira stayed.",
                 (const char *const[]){NULL});
}

/* ==== Positive forms ==== */

Test(extract, heading_to_rival)
{
    expect_one("Cofounder John Schulman is heading to rival Anthropic.",
               "OpenAI", "John Schulman", "OpenAI", "Anthropic",
               EXO_EVENT_LEFT);
}

Test(extract, left_a_to_join_b)
{
    expect_one("Jane Roe has left Google to join Anthropic.", NULL,
               "Jane Roe", "Google", "Anthropic", EXO_EVENT_LEFT);
}

Test(extract, a_hired_x_from_b)
{
    expect_one("Meta hired Jane Roe from Apple.", NULL, "Jane Roe", "Apple",
               "Meta", EXO_EVENT_JOINED);
}

Test(extract, who_led_y_at_a_is_stepping_down)
{
    expect_one("Jane Roe, who led post-training at OpenAI, is stepping down.",
               NULL, "Jane Roe", "OpenAI", NULL, EXO_EVENT_LEFT);
}

Test(extract, leave_of_absence)
{
    expect_one("Jane Roe will take a leave of absence.", "Stripe",
               "Jane Roe", "Stripe", NULL, EXO_EVENT_SABBATICAL);
}

Test(extract, departed_to_found)
{
    expect_one("Jane Roe departed to found Lumen Labs.", "OpenAI",
               "Jane Roe", "OpenAI", "Lumen Labs", EXO_EVENT_FOUNDED);
}

Test(extract, returning_to)
{
    expect_one("Jane Roe is returning to Microsoft.", NULL, "Jane Roe", NULL,
               "Microsoft", EXO_EVENT_RETURNED);
}

Test(extract, was_fired)
{
    expect_one("Jane Roe was fired on Friday.", "Uber", "Jane Roe", "Uber",
               NULL, EXO_EVENT_FIRED);
}

Test(extract, pronoun_refers_to_last_person_in_paragraph)
{
    expect_one("Jane Roe resigned on Wednesday. She will join Anthropic.",
               "OpenAI", "Jane Roe", "OpenAI", "Anthropic", EXO_EVENT_LEFT);
}

Test(extract, role_and_level)
{
    exo_candidate_list out =
        run("Product leader Peter Deng is also departing.", "OpenAI");
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].role, "product leader");
    cr_expect_eq(out.rows[0].level, EXO_LEVEL_LEAD);
    exo_candidate_list_release(&out);
    out = run("OpenAI's chief technology officer Jane Roe is leaving.", NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].role, "chief technology officer");
    cr_expect_eq(out.rows[0].level, EXO_LEVEL_EXEC);
    exo_candidate_list_release(&out);
    out = run("Board member Jane Roe has stepped down.", "OpenAI");
    cr_assert_eq(out.n, 1);
    cr_expect_eq(out.rows[0].level, EXO_LEVEL_BOARD);
    exo_candidate_list_release(&out);
}

Test(extract, date_and_offsets)
{
    const char *text = "Intro line.\nJane Roe left Google in March 2024 to "
                       "join Meta.";
    exo_candidate_list out = run(text, NULL);
    cr_assert_eq(out.n, 1);
    cr_expect(out.rows[0].date_in_text);
    cr_expect_eq(out.rows[0].date.days, exo_days_from_civil(2024, 3, 1));
    cr_expect_eq(out.rows[0].date.precision, EXO_PREC_MONTH);
    cr_expect_eq(out.rows[0].start, 12);
    cr_expect_eq(out.rows[0].end, strlen(text));
    exo_candidate_list_release(&out);
}

/* A month named without a year: the last such month up to the text's
 * date (2024-08-06 here) for a move told in the past, the next one for a
 * move still to come. */
Test(extract, a_month_without_a_year_follows_the_tense)
{
    static const struct {
        const char *text;
        int year, month;
    } cases[] = {
        {"Dana Holt joined Globex in September.", 2023, 9},
        {"Dana Holt joined Globex in March.", 2024, 3},
        {"Dana Holt will join Globex in September.", 2024, 9},
        {"Dana Holt will join Globex in March.", 2025, 3},
        {"Dana Holt is joining Globex in October.", 2024, 10},
        {"Dana Holt is expected to join Globex in August.", 2024, 8},
        {"Dana Holt left Initech last September and will join Globex in "
         "October.",
         2024, 10},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        exo_candidate_list out = run(cases[i].text, NULL);
        const exo_candidate *c = NULL;
        for (size_t k = 0; k < out.n; k++)
            if (out.rows[k].event == EXO_EVENT_JOINED)
                c = &out.rows[k];
        cr_assert_not_null(c, "no join in: %s", cases[i].text);
        cr_expect(c->date_in_text, "%s", cases[i].text);
        cr_expect_eq(c->date.days,
                     exo_days_from_civil(cases[i].year, cases[i].month, 1),
                     "%s", cases[i].text);
        exo_candidate_list_release(&out);
    }
}

Test(extract, html_is_stripped_and_offsets_point_into_it)
{
    const char *html = "<html><body><p>Jane Roe is leaving OpenAI &amp; "
                       "joining Anthropic.</p></body></html>";
    exo_candidate_list out = run(html, NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].to_org, "Anthropic");
    cr_expect_eq(memcmp(html + out.rows[0].start, "Jane Roe", 8), 0);
    exo_candidate_list_release(&out);
}

/* ==== Hard negatives ==== */

Test(extract, denial_is_not_a_move)
{
    expect_none("Jane Roe is not leaving OpenAI, a spokesperson said.",
                "OpenAI");
    expect_none("OpenAI denied reports that Jane Roe would join Google.",
                "OpenAI");
    expect_none("A spokesperson dismissed speculation that Jane Roe was "
                "leaving OpenAI.",
                "OpenAI");
}

Test(extract, hypothetical_is_not_a_move)
{
    expect_none("Jane Roe could leave Meta for a smaller lab.", NULL);
    expect_none("Analysts think Jane Roe would join Anthropic.", NULL);
    expect_none("Meta is in talks to hire Jane Roe from Apple.", NULL);
}

Test(extract, question_is_not_a_move)
{
    expect_none("Is Jane Roe leaving OpenAI for Anthropic?", NULL);
}

Test(extract, quoted_or_praised_is_not_a_move)
{
    expect_none("\"She is brilliant,\" said Jane Roe of the new team.",
                "OpenAI");
    expect_none("The company thanked Jane Roe for her work and praised her.",
                "OpenAI");
}

/* History the text does not date is kept, marked background and undated
 * (issue 17: background events kept and marked), and it takes no later
 * move of the same person as its destination. */
Test(extract, undated_background_is_kept_and_marked)
{
    exo_candidate_list out = run_first_stage(
        "Years ago, Jane Roe left Google to teach.", "Google");
    cr_assert_eq(out.n, 1);
    cr_expect_eq(out.rows[0].event, EXO_EVENT_LEFT);
    cr_expect(out.rows[0].background);
    cr_expect_not(out.rows[0].has_date);
    cr_expect_lt(out.rows[0].confidence, 0.70); /* the first stage's */
    exo_candidate_list_release(&out);
    out = run("Years ago, Jane Roe left Google to teach at Stanford. Jane Roe "
              "joined Acme AI in March 2024.",
              NULL);
    cr_assert_eq(out.n, 2);
    cr_expect(out.rows[0].background);
    cr_expect_null(out.rows[0].to_org, "to %s", out.rows[0].to_org);
    cr_expect_eq(out.rows[1].event, EXO_EVENT_JOINED);
    cr_expect_not(out.rows[1].background);
    cr_expect_str_eq(out.rows[1].to_org, "Acme AI");
    exo_candidate_list_release(&out);
}

Test(extract, dated_background_keeps_its_date)
{
    exo_candidate_list out =
        run("Jane Roe left Microsoft in 2017 to join Amazon.", NULL);
    cr_assert_eq(out.n, 1);
    cr_expect(out.rows[0].background);
    cr_expect_eq(out.rows[0].date.days, exo_days_from_civil(2017, 1, 1));
    cr_expect_eq(out.rows[0].date.precision, EXO_PREC_YEAR);
    exo_candidate_list_release(&out);
}

/* ==== Issue 17: the failure classes seen on real news ==== */

/*
 * Every candidate of 'text' (run() dates it 2024-08-06) as
 * "person|event|from|to" ("-" for none), against 'want' (NULL-terminated)
 * in any order.
 */
static void expect_moves(const char *text, const char *context,
                         const char *const *want)
{
    exo_candidate_list out = run(text, context);
    size_t k = 0;
    while (want[k])
        k++;
    cr_expect_eq(out.n, k, "%zu moves in: %s, expected %zu", out.n, text, k);
    for (size_t i = 0; i < out.n; i++) {
        const exo_candidate *c = &out.rows[i];
        char got[256];
        snprintf(got, sizeof got, "%s|%s|%s|%s", c->person,
                 exo_event_name(c->event), c->from_org ? c->from_org : "-",
                 c->to_org ? c->to_org : "-");
        bool found = false;
        for (size_t w = 0; w < k && !found; w++)
            found = strcmp(want[w], got) == 0;
        cr_expect(found, "unexpected move %s in: %s", got, text);
    }
    exo_candidate_list_release(&out);
}

Test(extract, coordinated_objects_are_one_move_each)
{
    expect_moves("Nvidia has hired Marta Ruiz, Ken Adeyemi and Lena Fischer "
                 "from Intel.",
                 NULL,
                 (const char *const[]){"Marta Ruiz|joined|Intel|Nvidia",
                                       "Ken Adeyemi|joined|Intel|Nvidia",
                                       "Lena Fischer|joined|Intel|Nvidia",
                                       NULL});
    expect_moves("Acme Robotics fired chief executive Dana Whitfield and "
                 "finance chief Omar Lindqvist on Friday.",
                 NULL,
                 (const char *const[]){
                     "Dana Whitfield|fired|Acme Robotics|-",
                     "Omar Lindqvist|fired|Acme Robotics|-", NULL});
}

Test(extract, coordinated_subjects_before_a_relative_clause)
{
    expect_moves("Priya Natarajan and Tomasz Kowal, who left Intel in 2021, "
                 "founded Parcel Labs.",
                 NULL,
                 (const char *const[]){
                     "Priya Natarajan|founded|Intel|Parcel Labs",
                     "Tomasz Kowal|founded|Intel|Parcel Labs", NULL});
}

Test(extract, several_events_for_one_person)
{
    expect_moves("Rahul Desai left Oracle in 2019 to found Parcel Labs and "
                 "returned to Oracle last month.",
                 NULL,
                 (const char *const[]){"Rahul Desai|founded|Oracle|Parcel Labs",
                                       "Rahul Desai|returned|-|Oracle", NULL});
}

Test(extract, pronoun_chain_over_two_sentences)
{
    expect_moves("Mira Osei resigned from Stripe in March. She plans to start "
                 "a venture fund.",
                 NULL,
                 (const char *const[]){"Mira Osei|left|Stripe|-",
                                       "Mira Osei|founded|Stripe|-", NULL});
    expect_moves("Durk Haas, who built OpenAI's first robots alongside Wojciech "
                 "Zaremba, said he was joining Anthropic.",
                 NULL,
                 (const char *const[]){"Durk Haas|joined|OpenAI|Anthropic",
                                       NULL});
}

Test(extract, role_noun_refers_to_the_last_person)
{
    expect_moves("Omar Haddad has run research at Google for a decade. The "
                 "cofounder is leaving the company.",
                 NULL, (const char *const[]){"Omar Haddad|left|Google|-", NULL});
}

Test(extract, news_verbs_the_lexicon_lacked)
{
    expect_one("Meta poached Wen Li from Apple.", NULL, "Wen Li", "Apple",
               "Meta", EXO_EVENT_JOINED);
    expect_one("Nvidia tapped Aaron Blake, a former Intel executive, as chief "
               "operating officer.",
               NULL, "Aaron Blake", "Intel", "Nvidia", EXO_EVENT_JOINED);
    /* Instagram is Meta in the organisation list. */
    expect_one("OpenAI named former Instagram executive Kira Lund as its chief "
               "product officer.",
               NULL, "Kira Lund", "Meta", "OpenAI", EXO_EVENT_JOINED);
    expect_one("Stripe brought on Nadia Petrov, a former Google engineer, as "
               "its head of research.",
               NULL, "Nadia Petrov", "Google", "Stripe", EXO_EVENT_JOINED);
    expect_one("Dana Cole is stepping down as chief executive of Globex.", NULL,
               "Dana Cole", "Globex", NULL, EXO_EVENT_LEFT);
    expect_one("Intel ousted its founder Paul Grady on Friday.", NULL,
               "Paul Grady", "Intel", NULL, EXO_EVENT_FIRED);
    expect_one("Tom Ridley is out as chief executive of Globex after two "
               "years.",
               NULL, "Tom Ridley", "Globex", NULL, EXO_EVENT_LEFT);
    expect_one("Oracle dismissed Karen Voss over expense violations.", NULL,
               "Karen Voss", "Oracle", NULL, EXO_EVENT_FIRED);
    expect_one("Under pressure from investors, Pinterest brought back Ben "
               "Sorel as chief executive.",
               NULL, "Ben Sorel", NULL, "Pinterest", EXO_EVENT_RETURNED);
    expect_one("Intel parted ways with chief executive Linda Yates.", NULL,
               "Linda Yates", "Intel", NULL, EXO_EVENT_FIRED);
    expect_one("Linda Yates was relieved of her duties at Intel.", NULL,
               "Linda Yates", "Intel", NULL, EXO_EVENT_FIRED);
    expect_one("Linda Yates is stepping aside as chief executive of Intel.",
               NULL, "Linda Yates", "Intel", NULL, EXO_EVENT_LEFT);
    expect_one("Linda Yates, a former Google executive, will become chief "
               "executive of Intel in May.",
               NULL, "Linda Yates", "Google", "Intel", EXO_EVENT_JOINED);
    expect_one("Casey Lund will leave at the end of February, Walmart said.",
               NULL, "Casey Lund", "Walmart", NULL, EXO_EVENT_LEFT);
}

/* The successor in "X was replaced by Y" joins X's organisation when the
 * sentence says Y comes from elsewhere; from inside it is no move. */
/* ==== Eighth round: hires through titles (ex19o) ==== */

/* "took over as Gillingham manager": capitalised words between "as" and
 * a title are its organisation; "has taken over as" is the perfect of
 * "took over as". */
Test(extract, a_title_after_as_names_its_organisation)
{
    expect_moves("Former Harwick Town boss Ellis Marsh has taken over as "
                 "Dunmore Rovers manager.\n",
                 NULL,
                 (const char *const[]){
                     "Ellis Marsh|joined|Harwick Town|Dunmore Rovers", NULL});
    expect_moves("Ellis Marsh took over as Dunmore manager last week.\n", NULL,
                 (const char *const[]){"Ellis Marsh|joined|-|Dunmore", NULL});
    /* A public office is no organisation. */
    expect_none("Mara Lind took over as Prime Minister in June.\n", NULL);
}

/* "Volvo CEO and president X": two titles joined by "and" still have the
 * organisation before them, so the successor joins it; "ex-Dyson Group
 * CEO Y" came from Dyson Group, not from "Group". */
Test(extract, two_titles_joined_by_and_keep_their_organisation)
{
    expect_moves("Korvex chairman and CEO Ilse Brandt will retire in May, to "
                 "be replaced by ex-Telmar Group CFO Owen Pike.\n",
                 NULL,
                 (const char *const[]){"Ilse Brandt|left|Korvex|-",
                                       "Owen Pike|joined|Telmar Group|Korvex",
                                       NULL});
}

/* "X has been replaced as A chief executive by B director Y": the post
 * after "as" is what X left and Y joins; a title of a few words may stand
 * before Y's name. */
Test(extract, replaced_as_a_title_by_a_successor)
{
    expect_moves("Ilse Brandt has been replaced as Korvex chief executive by "
                 "Vestby Mutual planning and strategy director Owen Pike.\n",
                 NULL,
                 (const char *const[]){"Ilse Brandt|left|Korvex|-",
                                       "Owen Pike|joined|Vestby Mutual|Korvex",
                                       NULL});
    expect_moves("Ilse Brandt has been replaced as chief executive of Korvex "
                 "by Ortel finance director Owen Pike.\n",
                 NULL,
                 (const char *const[]){"Ilse Brandt|left|Korvex|-",
                                       "Owen Pike|joined|Ortel|Korvex", NULL});
    /* The successor's departure told after, with no organisation but
     * the text's guess (the one joined): the same move, not a second. */
    expect_moves("Ilse Brandt is to be replaced as chief executive of Korvex "
                 "by former Ortel chief Owen Pike on May 2. Pike has just "
                 "quit shoe maker Dallow Brands after running its Asian "
                 "business.\n",
                 NULL,
                 (const char *const[]){"Ilse Brandt|left|Korvex|-",
                                       "Owen Pike|joined|Ortel|Korvex", NULL});
}

/* "named Google's X to head its unit": the post as a purpose, as for
 * "hired X to lead"; a hire only from elsewhere, as for "named X as". */
Test(extract, named_to_head_from_elsewhere_is_a_hire)
{
    expect_moves("Tarvo Motors named Google's Ada Merrick to head its battery "
                 "unit.\n",
                 NULL,
                 (const char *const[]){"Ada Merrick|joined|Google|Tarvo Motors",
                                       NULL});
    expect_moves("Tarvo Motors named former Google engineer Ada Merrick to "
                 "oversee its battery unit.\n",
                 NULL,
                 (const char *const[]){"Ada Merrick|joined|Google|Tarvo Motors",
                                       NULL});
    /* With nothing said of where she was, a hire all the same (ex21a). */
    expect_moves("Tarvo Motors named Ada Merrick to head its battery unit.\n",
                 NULL,
                 (const char *const[]){"Ada Merrick|joined|-|Tarvo Motors",
                                       NULL});
}

/* Posts taken, read as "became": "becoming CEO of A" (after "has found
 * a new role", the perfect of "find", not a founding), "will serve as
 * chief executive of A", and a hyphenated "-ing" word describing A
 * before its name. */
Test(extract, posts_taken_like_became)
{
    expect_moves("Lena Ortiz has found a new role, becoming CEO of AI-training "
                 "focused Quillon Systems.\n",
                 NULL,
                 (const char *const[]){"Lena Ortiz|joined|-|Quillon Systems",
                                       NULL});
    expect_moves("Lena Ortiz will serve as chief executive of Quillon Labs "
                 "from June.\n",
                 NULL,
                 (const char *const[]){"Lena Ortiz|joined|-|Quillon Labs",
                                       NULL});
}

Test(extract, a_successor_from_outside_joins)
{
    exo_candidate_list out = run_first_stage(
        "Norvale Foods CEO Alma Frey will step down in March, to be "
            "replaced by ex-Quillon Group CEO Tomas Brandt.\n",
            NULL);
    bool left = false, joined = false;
    for (size_t i = 0; i < out.n; i++) {
        const exo_candidate *c = &out.rows[i];
        left |= strcmp(c->person, "Alma Frey") == 0 &&
                c->event == EXO_EVENT_LEFT;
        if (strcmp(c->person, "Tomas Brandt") == 0) {
            joined = c->event == EXO_EVENT_JOINED && c->to_org &&
                     strcmp(c->to_org, "Norvale Foods") == 0;
            cr_expect_lt(c->confidence, 0.95, "inferred, not read from a verb");
        }
    }
    cr_expect(left && joined, "%zu candidates", out.n);
    exo_candidate_list_release(&out);
    /* The active voice, the apposition naming the old employer. */
    out = run("Rhea Castell, the former chief technology officer of Pellam "
              "Systems, will succeed Norvale Foods CEO Alma Frey.\n",
              NULL);
    joined = false;
    for (size_t i = 0; i < out.n; i++)
        joined |= strcmp(out.rows[i].person, "Rhea Castell") == 0 &&
                  out.rows[i].event == EXO_EVENT_JOINED;
    cr_expect(joined, "the successor from Pellam Systems joins");
    exo_candidate_list_release(&out);
    /* From inside, or only for now: the leaver alone. */
    static const char *const inside[] = {
        "Norvale Foods CEO Alma Frey will step down in March, to be replaced "
        "by its finance chief Tomas Brandt.\n",
        "Norvale Foods CEO Alma Frey was replaced by interim CEO Tomas "
        "Brandt.\n",
        "Norvale Foods CEO Alma Frey was replaced by Tomas Brandt.\n",
        NULL};
    for (size_t k = 0; inside[k]; k++) {
        out = run(inside[k], NULL);
        bool leaver = false;
        for (size_t i = 0; i < out.n; i++) {
            cr_expect_str_neq(out.rows[i].person, "Tomas Brandt", "in: %s",
                              inside[k]);
            leaver |= strcmp(out.rows[i].person, "Alma Frey") == 0 &&
                      out.rows[i].event == EXO_EVENT_LEFT;
        }
        cr_expect(leaver, "the leaver is read in: %s", inside[k]);
        exo_candidate_list_release(&out);
    }
}

Test(extract, appointments_from_inside_are_not_moves)
{
    expect_none("Boeing named its chief financial officer, Greg Lyle, as "
                "interim chief executive.",
                NULL);
    expect_none("Intel's chief financial officer Linda Yates will become "
                "chief executive of Intel in May.",
                NULL);
}

/* The labels count an appointment as a hire unless the passage shows it
 * internal (ex21a): with nothing said either way it is a join; the
 * organisation's own post next to the name, an interim or acting post, a
 * deputy, a bare post of rank before the name, or a later "promoted" or
 * "previously" with no other organisation, make it a step inside. */
Test(extract, an_appointment_is_a_hire_unless_shown_inside)
{
    expect_moves("Harlow Foods appointed Ines Calder as its new publisher.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|joined|-|Harlow Foods",
                                       NULL});
    expect_moves("Ines Calder has been named publisher of Harlow Foods.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|joined|-|Harlow Foods",
                                       NULL});
    /* "previously" with a capitalised name no list knows: perhaps the
     * other organisation, so not shown inside. */
    expect_moves("Harlow Foods appointed Ines Calder as publisher. Calder "
                 "previously served as zone president for Brenmoor Asia.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|joined|-|Harlow Foods",
                                       NULL});
    /* "its" before a title held, not anywhere before the name. */
    expect_moves("Harlow Foods, in its statement, named Ines Calder as "
                 "publisher.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|joined|-|Harlow Foods",
                                       NULL});
    /* "internal" only of the choice, not of a memo. */
    expect_moves("Harlow Foods appointed Ines Calder as publisher, an "
                 "internal memo said.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|joined|-|Harlow Foods",
                                       NULL});
    expect_none("An internal candidate, Ines Calder, was named publisher of "
                "Harlow Foods.\n",
                NULL);
    /* The rules' own reading, not only the learned reader's. */
    {
        const char *text = "Harlow Foods appointed Ines Calder as its new "
                           "publisher.\n";
        exo_extract_opts opts;
        exo_extract_opts_init(&opts);
        exo_candidate_list out;
        struct exo__learn_hooks rules_only = {.rules_only = true};
        cr_assert_eq(exo__extract_learn(text, strlen(text), &opts,
                                        &rules_only, &out, NULL),
                     EXO_OK);
        cr_expect(out.n == 1 && out.rows[0].event == EXO_EVENT_JOINED,
                  "a hire by the rules in: %s", text);
        exo_candidate_list_release(&out);
    }
    /* "its new chief executive, X", "X, its new publisher,": the post
     * taken, not one held. */
    expect_moves("Harlow Foods has named Ines Calder, its new publisher, "
                 "after a long search.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|joined|-|Harlow Foods",
                                       NULL});
    expect_moves("Harlow Foods has named its new chief executive, Ines "
                 "Calder.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|joined|-|Harlow Foods",
                                       NULL});
    const char *inside[] = {
        "Harlow Foods appointed its editorial director, Ines Calder, as "
        "publisher.\n",
        "Harlow Foods appointed Ines Calder, its editorial director, as "
        "publisher.\n",
        "Harlow Foods appointed Ines Calder as acting publisher.\n",
        "In a surprise, chairman Ines Calder was named chief executive of "
        "Harlow Foods.\n",
        "Harlow Foods named another Harlow Foods veteran, Ines Calder, as "
        "publisher.\n",
        "Harlow Foods appointed deputy publisher Ines Calder as "
        "publisher.\n",
        "Harlow Foods appointed Ines Calder as publisher. Calder was "
        "promoted from the sales team, where she spent a decade.\n",
        "Harlow Foods appointed Ines Calder as publisher. Calder formerly "
        "served as head of sales.\n",
        NULL};
    for (size_t k = 0; inside[k]; k++)
        expect_none(inside[k], NULL);
}

/* "The move marks a return to A": an appointment the next sentences call
 * a comeback is a return (ex21a). */
Test(extract, an_appointment_called_a_return_is_a_return)
{
    expect_moves("Harlow Foods appointed Ines Calder as publisher. The "
                 "appointment marks a return to Harlow Foods for the "
                 "editor.\n",
                 NULL,
                 (const char *const[]){"Ines Calder|returned|-|Harlow Foods",
                                       NULL});
}

Test(extract, title_glued_to_a_name)
{
    expect_names("Treasury Secretary Larry Summers joined the board. General "
                 "Counsel Sean Edgett was fired.",
                 (const char *const[]){"Larry Summers", "Sean Edgett", NULL});
    expect_one("FBI Director Jon Comerford has been dismissed by the "
               "president.",
               NULL, "Jon Comerford", "FBI", NULL, EXO_EVENT_FIRED);
}

Test(extract, organisation_is_not_a_person)
{
    expect_one("Peter Lang, co-head at the Blue Harbor hedge fund, will step "
               "down in March.",
               NULL, "Peter Lang", "Blue Harbor", NULL, EXO_EVENT_LEFT);
    expect_one("Globex has hired Sam Ortiz from Initech.", NULL, "Sam Ortiz",
               "Initech", "Globex", EXO_EVENT_JOINED);
}

Test(extract, publication_is_not_the_destination)
{
    expect_one("Jane Okafor is leaving Globex, The Information reported.", NULL,
               "Jane Okafor", "Globex", NULL, EXO_EVENT_LEFT);
    expect_one("Jane Okafor has resigned from Apple, she told Bloomberg News.",
               NULL, "Jane Okafor", "Apple", NULL, EXO_EVENT_LEFT);
}

Test(extract, origin_decides_left_or_joined)
{
    /* Either verb, the same move: from the origin to the destination. */
    expect_one("Sam Ortiz left Globex for Initech.", NULL, "Sam Ortiz",
               "Globex", "Initech", EXO_EVENT_LEFT);
    expect_one("Initech hired Sam Ortiz from Globex.", NULL, "Sam Ortiz",
               "Globex", "Initech", EXO_EVENT_JOINED);
}

Test(extract, successions)
{
    expect_moves("Starbucks is replacing its chief executive Lars Holm with "
                 "Chipotle boss Ben Ruiz.",
                 NULL,
                 (const char *const[]){"Lars Holm|fired|Starbucks|-",
                                       "Ben Ruiz|joined|Chipotle|Starbucks", NULL});
}

Test(extract, attempts_are_not_moves)
{
    expect_none("The board's attempt to oust Uber chief executive Tom Vance "
                "failed.",
                NULL);
}

Test(extract, history_in_a_when_clause_is_background)
{
    exo_candidate_list out =
        run("Greta Lind quit for a few days when Paul Amsel was fired, but "
            "now she is back.",
            "OpenAI");
    cr_assert_eq(out.n, 2);
    for (size_t i = 0; i < out.n; i++) {
        cr_expect(out.rows[i].background, "%s", out.rows[i].person);
        cr_expect(!out.rows[i].has_date, "%s is dated", out.rows[i].person);
    }
    exo_candidate_list_release(&out);
}

/* ==== The corpora ==== */

#define HELDOUT_EVENT_F1 0.90 /* measured 0.933, 0.968 after issue 17 */
#define HELDOUT_SLOT_F1 0.88  /* measured 0.904, 0.947 after issue 17 */

struct gold {
    char id[8];
    char person[80], from[80], to[80], event[16];
    bool used;
};

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static size_t read_gold(const char *path, struct gold *g, size_t max)
{
    size_t len, n = 0;
    char *text = slurp(path, &len);
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "id,", 3) == 0)
            continue;
        cr_assert_lt(n, max, "%s holds more than the %zu gold rows read", path,
                     max);
        char *f[8] = {0};
        int k = 0;
        for (char *p = line; k < 8; k++) {
            f[k] = p;
            char *comma = strchr(p, ',');
            if (!comma)
                break;
            *comma = '\0';
            p = comma + 1;
        }
        /* id,person,from,to,event and, in the news sets, role, date and
         * background (not scored). */
        cr_assert(k == 4 || k == 7, "bad gold line %s", line);
        memset(&g[n], 0, sizeof g[n]);
        snprintf(g[n].id, sizeof g[n].id, "%s", f[0]);
        snprintf(g[n].person, sizeof g[n].person, "%s", f[1]);
        snprintf(g[n].from, sizeof g[n].from, "%s", f[2]);
        snprintf(g[n].to, sizeof g[n].to, "%s", f[3]);
        snprintf(g[n].event, sizeof g[n].event, "%s", f[4]);
        n++;
    }
    free(text);
    return n;
}

static bool same_name(const char *a, const char *b)
{
    if (!a || !*a || !b || !*b)
        return (!a || !*a) && (!b || !*b);
    char *ka = exo__name_key(a), *kb = exo__name_key(b);
    bool same = ka && kb && strcmp(ka, kb) == 0;
    exo__free(ka);
    exo__free(kb);
    return same;
}

struct tally {
    size_t pred, gold, hit;
};

static double prec(struct tally t)
{
    return t.pred ? (double)t.hit / (double)t.pred : 1.0;
}
static double rec(struct tally t)
{
    return t.gold ? (double)t.hit / (double)t.gold : 1.0;
}
static double f1(struct tally t)
{
    double p = prec(t), r = rec(t);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/* Per event kind: predicted, predicted and matched, gold, gold matched. */
struct kinds {
    size_t pred[EXO_EVENT_FOUNDED + 1], pred_hit[EXO_EVENT_FOUNDED + 1];
    size_t gold[EXO_EVENT_FOUNDED + 1], gold_hit[EXO_EVENT_FOUNDED + 1];
};

static exo_event event_of(const char *name)
{
    for (int e = 0; e <= EXO_EVENT_FOUNDED; e++)
        if (strcmp(exo_event_name((exo_event)e), name) == 0)
            return (exo_event)e;
    cr_assert_fail("unknown event %s in a gold file", name);
    return EXO_EVENT_UNKNOWN;
}

/* A candidate is the gold move when the events agree, or when one says
 * left and the other joined and the gold row names the destination: "left
 * A for B", "left to join B" and "joined B from A" are one move. */
static bool same_event(const struct gold *g, exo_event e)
{
    exo_event ge = event_of(g->event);
    bool move = (ge == EXO_EVENT_LEFT || ge == EXO_EVENT_JOINED) &&
                (e == EXO_EVENT_LEFT || e == EXO_EVENT_JOINED);
    return ge == e || (move && g->to[0]);
}

/*
 * Runs the extractor on each passage of 'corpus' and scores it against
 * 'gold_path': a candidate matches a gold move of the same passage with
 * the same person and event (event precision/recall); slots are the
 * person, from_org and to_org values of matched candidates.
 */
static size_t evaluate(const char *label, const char *corpus,
                       const char *gold_path, struct tally *ev_out,
                       struct tally *slot_out)
{
    struct kinds kinds = {0};
    static struct gold gold[1000];
    size_t n_gold = read_gold(gold_path, gold, 1000), len, n_passages = 0;
    /* The test set's passages stay unseen by whoever runs the suite: only
     * its scores print, its cases on request (EXO_EXTRACT_SHOW_TEST=1). */
    bool cases = !strstr(label, "news test") || getenv("EXO_EXTRACT_SHOW_TEST");
    char *text = slurp(corpus, &len);
    struct tally ev = {0}, slot = {0};
    ev.gold = n_gold;
    for (size_t i = 0; i < n_gold; i++) {
        slot.gold += 1 + (gold[i].from[0] != 0) + (gold[i].to[0] != 0);
        kinds.gold[event_of(gold[i].event)]++;
    }
    char *p = strstr(text, "\n=== ");
    while (p) {
        char *head = p + 5, *eol = strchr(head, '\n');
        char *next = eol ? strstr(eol, "\n=== ") : NULL;
        char *body = eol ? eol + 1 : head;
        char *body_end = next ? next : text + len;
        char id[8] = "", context[64] = "", date[16] = "";
        *eol = '\0';
        sscanf(head, "%7s", id);
        char *c = strstr(head, "context=");
        if (c) {
            char *d = strstr(c, " date=");
            size_t n = d ? (size_t)(d - c - 8) : strlen(c + 8);
            snprintf(context, sizeof context, "%.*s", (int)n, c + 8);
        }
        char *d = strstr(head, "date=");
        if (d)
            sscanf(d + 5, "%15s", date);
        exo_extract_opts opts;
        exo_candidate_list out;
        exo_extract_opts_init(&opts);
        opts.org_context = context[0] ? context : NULL;
        if (date[0]) {
            cr_assert_eq(exo_date_parse(date, &opts.date, NULL), EXO_OK);
            opts.has_date = true;
        }
        cr_assert_eq(exo_extract_text(body, (size_t)(body_end - body), &opts,
                                      &out, NULL),
                     EXO_OK);
        n_passages++;
        for (size_t k = 0; k < out.n; k++) {
            const exo_candidate *cd = &out.rows[k];
            struct gold *match = NULL;
            ev.pred++;
            slot.pred += 1 + (cd->from_org != NULL) + (cd->to_org != NULL);
            cr_assert(cd->event <= EXO_EVENT_FOUNDED);
            kinds.pred[cd->event]++;
            for (size_t g = 0; g < n_gold && !match; g++)
                if (!gold[g].used && strcmp(gold[g].id, id) == 0 &&
                    same_name(gold[g].person, cd->person) &&
                    same_event(&gold[g], cd->event))
                    match = &gold[g];
            if (!match) {
                if (cases)
                printf("%s %s: extra %s %s %s -> %s\n", label, id,
                       cd->person, exo_event_name(cd->event),
                       cd->from_org ? cd->from_org : "-",
                       cd->to_org ? cd->to_org : "-");
                continue;
            }
            match->used = true;
            kinds.pred_hit[cd->event]++;
            kinds.gold_hit[event_of(match->event)]++;
            ev.hit++;
            slot.hit++;
            bool from_ok = match->from[0] && same_name(match->from, cd->from_org);
            bool to_ok = match->to[0] && same_name(match->to, cd->to_org);
            slot.hit += from_ok + to_ok;
            if ((match->from[0] || cd->from_org) && !from_ok)
                if (cases)
                printf("%s %s: %s from %s, expected %s\n", label, id,
                       cd->person, cd->from_org ? cd->from_org : "-",
                       match->from[0] ? match->from : "-");
            if ((match->to[0] || cd->to_org) && !to_ok)
                if (cases)
                printf("%s %s: %s to %s, expected %s\n", label, id,
                       cd->person, cd->to_org ? cd->to_org : "-",
                       match->to[0] ? match->to : "-");
        }
        exo_candidate_list_release(&out);
        p = next;
    }
    for (size_t g = 0; g < n_gold; g++)
        if (!gold[g].used)
            if (cases)
                printf("%s %s: missed %s %s %s -> %s\n", label, gold[g].id,
                   gold[g].person, gold[g].event,
                   gold[g].from[0] ? gold[g].from : "-",
                   gold[g].to[0] ? gold[g].to : "-");
    printf("%s: %zu passages, %zu gold moves\n"
           "  event                 P %.3f  R %.3f  F1 %.3f  (%zu/%zu "
           "predicted, %zu/%zu gold)\n"
           "  person/from/to slots  P %.3f  R %.3f  F1 %.3f\n",
           label, n_passages, n_gold, prec(ev), rec(ev), f1(ev), ev.hit,
           ev.pred, ev.hit, ev.gold, prec(slot), rec(slot), f1(slot));
    for (int e = 0; e <= EXO_EVENT_FOUNDED; e++) {
        struct tally k = {kinds.pred[e], kinds.gold[e], 0};
        double kp = k.pred ? (double)kinds.pred_hit[e] / (double)k.pred : 1.0;
        double kr = k.gold ? (double)kinds.gold_hit[e] / (double)k.gold : 1.0;
        printf("  %-20s  P %.3f  R %.3f  F1 %.3f  (%zu/%zu predicted, "
               "%zu/%zu gold)\n",
               exo_event_name((exo_event)e), kp, kr,
               kp + kr > 0 ? 2 * kp * kr / (kp + kr) : 0.0, kinds.pred_hit[e],
               k.pred, kinds.gold_hit[e], k.gold);
    }
    fflush(stdout);
    free(text);
    *ev_out = ev;
    *slot_out = slot;
    return n_passages;
}

/* The development corpus: the rules were written against it. */
Test(extract, corpus_precision_recall)
{
    struct tally ev, slot;
    size_t n = evaluate("extract corpus",
                        SOURCE_PATH("tests/extract/corpus.txt"),
                        SOURCE_PATH("tests/extract/gold.csv"), &ev, &slot);
    cr_expect_geq(n, 80);
    /* The issue's bar, 0.85 F1, on the event and on slot filling. The
     * corpus measures 1.000 (event) and 1.000 (slots) at this commit. */
    cr_expect_geq(f1(ev), 0.85, "event F1 %.3f", f1(ev));
    cr_expect_geq(prec(ev), 0.85, "event precision %.3f", prec(ev));
    cr_expect_geq(rec(ev), 0.85, "event recall %.3f", rec(ev));
    cr_expect_geq(f1(slot), 0.85, "slot F1 %.3f", f1(slot));
}

/* Held-out passages written after the rules were frozen: the honest
 * figure. Thresholds sit just below what it measured (see extract.md). */
Test(extract, heldout_precision_recall)
{
    struct tally ev, slot;
    evaluate("extract held-out", SOURCE_PATH("tests/extract/heldout.txt"),
             SOURCE_PATH("tests/extract/heldout-gold.csv"), &ev, &slot);
    cr_expect_geq(f1(ev), HELDOUT_EVENT_F1, "event F1 %.3f", f1(ev));
    cr_expect_geq(f1(slot), HELDOUT_SLOT_F1, "slot F1 %.3f", f1(slot));
}

/* ==== Linear work (issue 19) ==== */

/* The extractor's lookup and date-scan steps on 'n' bytes of 'kind'. */
static unsigned long long work_on(enum adv_kind kind, size_t n,
                                  size_t *n_cands)
{
    size_t len;
    char *text = adv_text(kind, n, &len);
    exo_extract_opts opts;
    exo_candidate_list out;
    exo_err err = {0};
    unsigned long long work = 0;
    exo_extract_opts_init(&opts);
    cr_assert_eq(exo__extract_work(text, len, &opts, &out, &work, &err),
                 EXO_OK, "%s", err.msg);
    *n_cands = out.n;
    exo_candidate_list_release(&out);
    free(text);
    return work;
}

/*
 * extract was quadratic: a document-date scan from every word to the end
 * of the sentence, and every new candidate, person and organisation looked
 * up in all the earlier ones. On each adversarial text (a sentence of
 * words without a date or a stop, long sentences of moves, many short
 * sentences each with a new person, many organisations), twice the text
 * must take at most about twice the steps (2.2 allows for the ends); the
 * quadratic code took about 4 times as many. Steps are counted, never
 * timed.
 */
Test(extract, work_grows_linearly_on_adversarial_text)
{
    for (int k = 0; k < ADV_KINDS; k++) {
        size_t c1, c2;
        unsigned long long w1 = work_on((enum adv_kind)k, 40000, &c1);
        unsigned long long w2 = work_on((enum adv_kind)k, 80000, &c2);
        double ratio = (double)w2 / (double)w1;
        cr_expect(w1 > 0, "%s: no steps counted", adv_kind_name[k]);
        cr_expect(ratio < 2.2,
                  "%s: %llu steps for 40 kB, %llu for 80 kB (ratio %.2f; "
                  "%zu and %zu candidates)",
                  adv_kind_name[k], w1, w2, ratio, c1, c2);
    }
}

/* ==== ex17b: forms found on the second development set, as new sentences ==== */

/* The number of candidates of 'text' with this person and event. */
static size_t count_moves(const char *text, const char *person, exo_event ev)
{
    exo_candidate_list out = run(text, NULL);
    size_t n = 0;
    for (size_t i = 0; i < out.n; i++)
        n += strcmp(out.rows[i].person, person) == 0 && out.rows[i].event == ev;
    exo_candidate_list_release(&out);
    return n;
}

Test(extract, appositive_names_are_not_the_subject)
{
    expect_moves("Helena Brandt, senior vice president of logistics for "
                 "Walmart, resigned on Monday.",
                 NULL,
                 (const char *const[]){"Helena Brandt|left|Walmart|-", NULL});
    expect_moves("Tomas Rivera, a Barclays director and head of credit "
                 "trading for Latin America, joined Citadel as a portfolio "
                 "manager.",
                 NULL,
                 (const char *const[]){"Tomas Rivera|joined|Barclays|Citadel",
                                       NULL});
}

Test(extract, name_of_organisation_is_not_a_second_person)
{
    expect_moves("Chief executive Arjun Mehta of Quillon Systems resigned on "
                 "Monday.",
                 NULL,
                 (const char *const[]){"Arjun Mehta|left|Quillon Systems|-",
                                       NULL});
}

Test(extract, organisation_in_an_appositive_title)
{
    expect_moves("Kestrel Bank named a Citigroup executive, Dana Whitfield, as "
                 "chief financial officer.",
                 NULL,
                 (const char *const[]){
                     "Dana Whitfield|joined|Citigroup|Kestrel Bank", NULL});
    expect_moves("Kestrel Bank named Dana Whitfield, a Citigroup executive, as "
                 "chief financial officer.",
                 NULL,
                 (const char *const[]){
                     "Dana Whitfield|joined|Citigroup|Kestrel Bank", NULL});
    expect_moves("Nike named Kevin Weil, formerly of Google, as its chief "
                 "executive.",
                 NULL,
                 (const char *const[]){"Kevin Weil|joined|Google|Nike", NULL});
    /* With nothing said of where he was, a hire, in the passive too
     * (ex21a). */
    expect_moves("Kevin Weil was named CEO of Nike.", NULL,
                 (const char *const[]){"Kevin Weil|joined|-|Nike", NULL});
    expect_moves("Kevin Weil, formerly of Google, was named CEO of Nike.", NULL,
                 (const char *const[]){"Kevin Weil|joined|Google|Nike", NULL});
}

Test(extract, who_fires_or_hires_through_auxiliaries)
{
    expect_moves("Starbucks will fire Martin Kessler.", NULL,
                 (const char *const[]){"Martin Kessler|fired|Starbucks|-",
                                       NULL});
    expect_moves("Nike said it hired Kevin Weil from Google.", NULL,
                 (const char *const[]){"Kevin Weil|joined|Google|Nike", NULL});
}

Test(extract, honorific_between_title_and_name)
{
    cr_expect_eq(count_moves("Interior Minister Dr Anil Kapoor tendered his "
                             "resignation on Tuesday.",
                             "Anil Kapoor", EXO_EVENT_LEFT),
                 1);
}

/* Leaving A and then returning to B is one return from A, as leaving A
 * to join B is one move (the labelling rule of tests/extract/news). */
Test(extract, they_and_the_two_stand_for_the_last_list)
{
    expect_moves("Priya Natarajan and Tomasz Kowal left Stripe in May. They "
                 "are returning to Google.",
                 NULL,
                 (const char *const[]){
                     "Priya Natarajan|returned|Stripe|Google",
                     "Tomasz Kowal|returned|Stripe|Google", NULL});
    expect_moves("Priya Natarajan and Tomasz Kowal left Stripe in May. The two "
                 "are returning to Google.",
                 NULL,
                 (const char *const[]){
                     "Priya Natarajan|returned|Stripe|Google",
                     "Tomasz Kowal|returned|Stripe|Google", NULL});
}

Test(extract, lost_its_titled_person_and_both_of_whom)
{
    expect_moves("Walmart lost its co-presidents, Paul Weston and Mara Quinn, "
                 "both of whom left to run other chains.",
                 NULL,
                 (const char *const[]){"Paul Weston|left|Walmart|-",
                                       "Mara Quinn|left|Walmart|-", NULL});
    expect_moves("Nike also lost its CFO, Craig Dunmore, after five months on "
                 "the job.",
                 NULL,
                 (const char *const[]){"Craig Dunmore|left|Nike|-", NULL});
    /* Without a title or "to B" it is still not a move. */
    expect_moves("Nike lost two researchers last year.", NULL,
                 (const char *const[]){NULL});
}

Test(extract, resignation_nouns_as_objects)
{
    expect_moves("Helena Brandt submitted a letter of resignation to Walmart "
                 "on Friday.",
                 NULL,
                 (const char *const[]){"Helena Brandt|left|Walmart|-", NULL});
    expect_moves("Walmart announced the departure of its CFO, Mara Quinn.",
                 NULL, (const char *const[]){"Mara Quinn|left|Walmart|-", NULL});
}

Test(extract, along_with_moves_the_people_listed)
{
    expect_moves("Helena Brandt, chief technology officer at Stripe, along "
                 "with the company's research chief Omar Lindqvist, resigned "
                 "on Wednesday.",
                 NULL,
                 (const char *const[]){"Helena Brandt|left|Stripe|-",
                                       "Omar Lindqvist|left|Stripe|-", NULL});
}

Test(extract, history_inside_a_relative_clause_stays_there)
{
    expect_moves("Omar Lindqvist, who previously held senior roles at Google, "
                 "has been appointed chief product officer at Stripe.",
                 NULL,
                 (const char *const[]){"Omar Lindqvist|joined|Google|Stripe",
                                       NULL});
}

Test(extract, departure_told_after_the_hire_is_one_move)
{
    expect_moves("Rivian is hiring Rosa Klein, Tesla's former head of "
                 "production. Klein officially left Tesla last week.",
                 NULL,
                 (const char *const[]){"Rosa Klein|joined|Tesla|Rivian", NULL});
}

Test(extract, inverted_joining)
{
    expect_moves("Joining Rosa Klein at Rivian is Peter Hall, another Tesla "
                 "veteran.",
                 NULL,
                 (const char *const[]){"Peter Hall|joined|-|Rivian", NULL});
}

Test(extract, returns_and_firings_in_more_words)
{
    expect_moves("Disney reinstated Bob Lane as chief executive.", NULL,
                 (const char *const[]){"Bob Lane|returned|-|Disney", NULL});
    expect_moves("Bob Lane is back at Disney.", NULL,
                 (const char *const[]){"Bob Lane|returned|-|Disney", NULL});
    expect_moves("Nike axed Jane Doe on Friday.", NULL,
                 (const char *const[]){"Jane Doe|fired|Nike|-", NULL});
    expect_moves("Jane Doe was asked to step down by the Nike board.", NULL,
                 (const char *const[]){"Jane Doe|fired|Nike|-", NULL});
}

Test(extract, founding_a_named_startup_but_not_a_career)
{
    expect_moves("Jane Doe launched a new startup, Zeta Labs, in 2024.", NULL,
                 (const char *const[]){"Jane Doe|founded|-|Zeta Labs", NULL});
    expect_moves("Jane Doe started her career at Nike.", NULL,
                 (const char *const[]){NULL});
}

Test(extract, a_list_with_an_aside_and_along_with)
{
    expect_moves("Co-founders Barret Zoph (also CTO) and Luke Metz, along "
                 "with another key staffer, Sam Schoenholz, have departed "
                 "Thinking Machines Lab.",
                 NULL,
                 (const char *const[]){
                     "Barret Zoph|left|Thinking Machines Lab|-",
                     "Luke Metz|left|Thinking Machines Lab|-",
                     "Sam Schoenholz|left|Thinking Machines Lab|-", NULL});
}

Test(extract, cofounders_each_with_a_clause)
{
    const char *t = "Ilya Sutskever founded the company together with Daniel "
                    "Gross, who worked on artificial intelligence at Apple, "
                    "and Daniel Levy, who worked with Ilya Sutskever at "
                    "OpenAI.";
    cr_expect_eq(count_moves(t, "Daniel Gross", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_moves(t, "Daniel Levy", EXO_EVENT_FOUNDED), 1);
    /* Who founded; the from_org of a co-founder is not asserted: it is
     * the text's context organisation, which the sentence does not give. */
    const char *j = "Mara Quinn is joined at Zeta Labs by co-founders Paul "
                    "Weston, an investor, and Lena Fischer, another former "
                    "OpenAI employee.";
    cr_expect_eq(count_moves(j, "Paul Weston", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_moves(j, "Lena Fischer", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_moves(j, "Mara Quinn", EXO_EVENT_JOINED), 0);
}

/* ==== Real news (issue 17) ==== */

/*
 * The lower end of a one-sided 95% interval for a proportion p measured on
 * n items (normal approximation to the binomial): a score computed on a
 * sample of n moves falls below it by chance once in twenty times.
 */
static double floor_for(double p, size_t n)
{
    return p - 1.645 * sqrt(p * (1.0 - p) / (double)n);
}

/* Issue 17's bar: F1 and precision 0.85 on news the rules never saw. */
#define NEWS_TARGET 0.85
/* Measured at this commit (see tests/extract/news/README.md): the rules
 * of the tenth round (ex21a, ex21l, ex21h, ex21v) and before, the learned
 * reader and the second look trained on the ten development sets
 * dev..dev10. */
#define NEWS_DEV_F1 0.930
#define NEWS_DEV2_F1 0.955
#define NEWS_DEV3_F1 0.889
#define NEWS_DEV4_F1 0.801
#define NEWS_DEV5_F1 0.843
#define NEWS_DEV6_F1 0.838
#define NEWS_DEV7_F1 0.858
#define NEWS_TEST_F1 0.778
#define NEWS_TEST_P 0.845
#define NEWS_TEST2_F1 0.715
#define NEWS_TEST2_P 0.846
#define NEWS_TEST3_F1 0.751
#define NEWS_TEST3_P 0.785
#define NEWS_TEST4_F1 0.707
#define NEWS_TEST4_P 0.748
#define NEWS_DEV8_F1 0.670
#define NEWS_TEST5_F1 0.681
#define NEWS_TEST5_P 0.749
#define NEWS_DEV9_F1 0.748
#define NEWS_TEST6_F1 0.715
#define NEWS_TEST6_P 0.790
#define NEWS_DEV10_F1 0.643
#define NEWS_TEST7_F1 0.595
#define NEWS_TEST7_P 0.616

/*
 * A news set of 'passages' passages and 'moves' gold moves, scored as the
 * issue's test sets are (its tally returned): its event F1 must not fall
 * below what sampling error allows around 'measured'. The development sets were tuned and
 * trained on, so their scores are optimistic; these floors guard against
 * regressions, nothing more.
 */
static struct tally expect_news_set(const char *set, size_t passages,
                                    size_t moves, double measured)
{
    char label[64], text[256], gold[256];
    struct tally ev, slot;
    snprintf(label, sizeof label, "extract news %s", set);
    snprintf(text, sizeof text, "%s/%s.txt",
             SOURCE_PATH("tests/extract/news"), set);
    snprintf(gold, sizeof gold, "%s/%s-gold.csv",
             SOURCE_PATH("tests/extract/news"), set);
    size_t n = evaluate(label, text, gold, &ev, &slot);
    cr_expect_eq(n, passages);
    cr_expect_eq(ev.gold, moves);
    cr_expect_geq(f1(ev), floor_for(measured, ev.gold), "%s: event F1 %.3f",
                  set, f1(ev));
    return ev;
}

/* The development set, split off with the test set (first round). */
Test(extract, news_dev)
{
    expect_news_set("dev", 80, 131, NEWS_DEV_F1);
}

/* The second development set (ex17b): collected and committed before the
 * rules were changed for it, then tuned on. */
Test(extract, news_dev2)
{
    expect_news_set("dev2", 56, 81, NEWS_DEV2_F1);
}

/* The third development set (ex17c): collected and committed before any
 * change for it; it chose the learned reader's threshold, then (ex17m)
 * became training data, and (ex17n) the rules were written against it. */
Test(extract, news_dev3)
{
    expect_news_set("dev3", 65, 114, NEWS_DEV3_F1);
}

/* The fourth development set (ex17d4): collected with the second test
 * set, scored untouched (F1 0.627 before the fourth round, 0.612 after
 * it), then training data for the learned reader. */
Test(extract, news_dev4)
{
    expect_news_set("dev4", 91, 191, NEWS_DEV4_F1);
}

/* The fifth development set (ex17d5): collected after the fourth round
 * and scored untouched by it (F1 0.672), then training data. */
Test(extract, news_dev5)
{
    expect_news_set("dev5", 99, 233, NEWS_DEV5_F1);
}

/* The sixth development set (ex17d6): collected with the third test set,
 * scored untouched by the sixth round (F1 0.726 before it, 0.732 after),
 * then training data for the learned reader. */
Test(extract, news_dev6)
{
    expect_news_set("dev6", 100, 235, NEWS_DEV6_F1);
}

/* The seventh development set (ex18d7): sealed through the seventh round,
 * scored untouched at its merge, then trained on. */
Test(extract, news_dev7)
{
    expect_news_set("dev7", 100, 224, NEWS_DEV7_F1);
}

/* The eighth development set (ex19d8), weighted to joins, foundings and
 * returns: sealed through the eighth round, scored untouched at its merge,
 * then trained on. */
Test(extract, news_dev8)
{
    expect_news_set("dev8", 100, 300, NEWS_DEV8_F1);
}

/* The ninth development set (ex20d9), weighted as dev8: sealed through the
 * ninth round, scored untouched at its merge, then trained on. */
Test(extract, news_dev9)
{
    expect_news_set("dev9", 100, 270, NEWS_DEV9_F1);
}

/* The tenth development set (ex21d10), weighted as dev8: sealed through
 * the tenth round, scored untouched at its merge, then trained on. */
Test(extract, news_dev10)
{
    expect_news_set("dev10", 100, 229, NEWS_DEV10_F1);
}

/* ==== ex17c: the learned reader ==== */

/* The model's rows: sorted as bsearch needs, with an intercept and a
 * threshold per event, the thresholds probabilities. */
Test(extract, learned_model_rows_are_sorted)
{
    size_t n;
    const struct exo__model_row *rows = exo__extract_model(&n);
    cr_assert_gt(n, 2);
    bool bias = false, thr = false;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            cr_expect_lt(strcmp(rows[i - 1].feature, rows[i].feature), 0,
                         "%s before %s", rows[i - 1].feature,
                         rows[i].feature);
        bias |= strcmp(rows[i].feature, "(bias)") == 0;
        if (strcmp(rows[i].feature, "(threshold)") == 0) {
            thr = true;
            for (int k = 0; k < EXO__N_LEARNED; k++) {
                cr_expect_gt(rows[i].w[k], 0.0);
                cr_expect_lt(rows[i].w[k], 1.0);
            }
        }
    }
    cr_expect(bias);
    cr_expect(thr);
}

static const exo_candidate *find_cand(const exo_candidate_list *l,
                                      const char *person)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->rows[i].person, person) == 0)
            return &l->rows[i];
    return NULL;
}

/* The succession read first dates the sentence as past; the departure's
 * own "will step down in March" is to come (text of 2024-08-06). */
Test(extract, a_succession_takes_the_verbs_own_date)
{
    exo_candidate_list out = run_first_stage(
        "Norvale Foods CEO Alma Frey will step down in March, to be "
            "replaced by Tomas Brandt.\n",
            NULL);
    const exo_candidate *c = find_cand(&out, "Alma Frey");
    cr_assert(c);
    cr_expect_eq(c->event, EXO_EVENT_LEFT);
    cr_expect(c->has_date);
    cr_expect_eq(c->date.days, exo_days_from_civil(2025, 3, 1));
    cr_expect_eq(c->date.precision, EXO_PREC_MONTH);
    exo_candidate_list_release(&out);
}

/* "Also sacked: X", a form no rule reads: the model proposes the firing,
 * below 0.70 in the first stage, and the rules alone find
 * nothing for X. */
Test(extract, learned_reader_proposes_what_the_rules_miss)
{
    const char *t = "The Harbor City Hawks have sacked coach Dan Petrov. "
                    "Also sacked: Marta Ilves, the team's director of "
                    "football.";
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    exo_candidate_list out;
    struct exo__learn_hooks first = {.first_stage_only = true};
    cr_assert_eq(exo__extract_learn(t, strlen(t), &opts, &first, &out, NULL),
                 EXO_OK);
    const exo_candidate *petrov = find_cand(&out, "Dan Petrov");
    const exo_candidate *ilves = find_cand(&out, "Marta Ilves");
    cr_assert(petrov && ilves);
    cr_expect_eq(petrov->event, EXO_EVENT_FIRED);
    cr_expect_geq(petrov->confidence, 0.70);
    cr_expect_eq(ilves->event, EXO_EVENT_FIRED);
    cr_expect_lt(ilves->confidence, 0.70);
    cr_expect_str_eq(ilves->evidence, "Also sacked: Marta Ilves, the team's "
                                      "director of football.");
    exo_candidate_list_release(&out);
    struct exo__learn_hooks rules_only = {.rules_only = true};
    cr_assert_eq(exo__extract_learn(t, strlen(t), &opts, &rules_only, &out,
                                    NULL),
                 EXO_OK);
    cr_expect(find_cand(&out, "Dan Petrov"));
    cr_expect_null(find_cand(&out, "Marta Ilves"));
    exo_candidate_list_release(&out);
}

/* What the rules drop, the model does not propose either: a question, a
 * denial, a hypothetical, a first name alone, a place after "in", and a
 * sentence with no trigger at all. */
Test(extract, learned_reader_keeps_the_hard_negatives)
{
    static const char *const none[] = {
        "The Harbor City Hawks have sacked coach Dan Petrov. Was Marta "
        "Ilves, the team's director of football, sacked too?",
        "The Harbor City Hawks denied that Marta Ilves was sacked.",
        "Analysts think the Harbor City Hawks would sack Marta Ilves.",
        "Marta Ilves is the person everyone at the Harbor City Hawks "
        "admires.",
        "Raised in Port Ellis, Marta Ilves became a coach.",
    };
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        cr_expect_eq(count_moves(none[i], "Marta Ilves", EXO_EVENT_FIRED) +
                         count_moves(none[i], "Port Ellis", EXO_EVENT_JOINED) +
                         count_moves(none[i], "Marta Ilves",
                                     EXO_EVENT_JOINED),
                     0, "a move in: %s", none[i]);
}

/* ==== ex17m: the learned reader trained on three sets ==== */

/*
 * The model's proposals for 'person' and event 'ev' in 'text' (moves
 * found beyond the rules'), read with a model that gives every mention
 * probability 0.99 of event 'always' (its intercept; no other feature):
 * whatever the model's weights, only the reader's gates keep a mention
 * from being proposed.
 */
static exo_candidate_list run_with_model(const char *text, int always)
{
    struct exo__model_row rows[2] = {{"(bias)", {0}}, {"(threshold)", {0}}};
    for (int k = 0; k < EXO__N_LEARNED; k++) {
        rows[0].w[k] = k == always ? 4.6 : -20;
        rows[1].w[k] = 0.5;
    }
    /* The reader's own numbers, without the second look. */
    struct exo__learn_hooks h = {
        .rows = rows, .n_rows = 2, .first_stage_only = true};
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    exo_candidate_list out;
    cr_assert_eq(exo__extract_learn(text, strlen(text), &opts, &h, &out, NULL),
                 EXO_OK);
    return out;
}

static size_t count_with_model(const char *text, int always,
                               const char *person, exo_event ev)
{
    struct exo__learn_hooks rules_only = {.rules_only = true};
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    exo_candidate_list out = run_with_model(text, always);
    size_t n = 0;
    for (size_t i = 0; i < out.n; i++)
        n += strcmp(out.rows[i].person, person) == 0 && out.rows[i].event == ev;
    exo_candidate_list_release(&out);
    cr_assert_eq(exo__extract_learn(text, strlen(text), &opts, &rules_only,
                                    &out, NULL),
                 EXO_OK);
    for (size_t i = 0; i < out.n; i++)
        n -= strcmp(out.rows[i].person, person) == 0 && out.rows[i].event == ev;
    exo_candidate_list_release(&out);
    return n;
}

/* Each of the 'n' texts holds 'want' moves of event 'ev' by Anna Kovac
 * that only a model always proposing 'ev' reads (count_with_model). */
static void expect_model_moves(const char *const *texts, size_t n,
                               exo_event ev, size_t want)
{
    for (size_t i = 0; i < n; i++)
        cr_expect_eq(count_with_model(texts[i], ev, "Anna Kovac", ev), want,
                     "%s in: %s", want ? "no move" : "a move", texts[i]);
}

/* The trainer's cross-validation reads each fold with the model it has
 * just fitted: the reader uses the rows it is given, not the built-in
 * ones. */
Test(extract, learned_reader_reads_the_model_it_is_given)
{
    const char *t = "The Port Ellis Mariners have fired coach Ivo Brand. "
                    "Also sacked: Anna Kovac, the club's scout.";
    cr_expect_eq(count_with_model(t, EXO_EVENT_FIRED, "Anna Kovac",
                                  EXO_EVENT_FIRED),
                 1);
    cr_expect_eq(count_with_model(t, EXO_EVENT_FOUNDED, "Anna Kovac",
                                  EXO_EVENT_FIRED),
                 0);
}

/* Reports, rumours and undated history are not read as moves, however
 * probable the model finds them (ex17m: the model trained on three sets
 * proposed firings from "dismissed reports that X had been sacked" and
 * departures from "back in the day"). */
Test(extract, learned_reader_reads_no_reports_or_history)
{
    static const char *const none[] = {
        "The Port Ellis Mariners dismissed reports that Anna Kovac had been "
        "sacked.",
        "Rumours that the Port Ellis Mariners sacked Anna Kovac spread on "
        "Friday.",
        "Back in the day, Anna Kovac was sacked by the Port Ellis Mariners.",
        "In the early days of the club, the Port Ellis Mariners sacked Anna "
        "Kovac.",
    };
    expect_model_moves(none, sizeof none / sizeof none[0], EXO_EVENT_FIRED, 0);
    cr_expect_eq(count_with_model("Also sacked: Anna Kovac, the club's scout.",
                                  EXO_EVENT_FIRED, "Anna Kovac",
                                  EXO_EVENT_FIRED),
                 1);
}

/* ==== ex18s: the reader's gate narrowed ==== */

/* A hypothetical cancels only the trigger it governs: a month named May
 * is no modal, a "will" reported in the past ("announced that it would")
 * is no hypothetical, "trying" ended by its clause governs nothing later,
 * and "ago" dates history rather than doubting it. The first sentence of
 * each list is the shape without a cue, which the reader proposes. */
Test(extract, gate_reads_what_the_cue_does_not_govern)
{
    static const char *const some[] = {
        "The club also sacked: Anna Kovac, the club's scout.",
        "Also sacked in May 2024: Anna Kovac, the club's scout.",
        "Also sacked, a few weeks ago, was Anna Kovac, the club's scout.",
        "Trying to rebuild the squad, the club also sacked: Anna Kovac, the "
        "club's scout.",
        "The club announced that it would also be sacking: Anna Kovac, the "
        "club's scout.",
    };
    expect_model_moves(some, sizeof some / sizeof some[0], EXO_EVENT_FIRED, 1);
    static const char *const joins[] = {
        "Also joining the Port Ellis Mariners: Anna Kovac, from the Harbor "
        "City Hawks.",
        "Also joining the Port Ellis Mariners in May: Anna Kovac, from the "
        "Harbor City Hawks.",
    };
    expect_model_moves(joins, sizeof joins / sizeof joins[0],
                       EXO_EVENT_JOINED, 1);
}

/* What a cue governs stays no move, however probable the model finds it:
 * a hypothetical before the trigger ("would", "could", "trying to", "in
 * talks to"), "would" as hearsay ("sources said"), a negation and a
 * condition anywhere in the sentence, an interim post. */
Test(extract, gate_keeps_what_the_cue_governs)
{
    static const char *const none[] = {
        "The club would also sack: Anna Kovac, the club's scout.",
        "The club could also sack: Anna Kovac, the club's scout.",
        "The club is trying to sack: Anna Kovac, the club's scout.",
        "Sources said that the club would also be sacking: Anna Kovac, the "
        "club's scout.",
        "The club did not sack: Anna Kovac, the club's scout.",
        "If the season ends badly, also sacked: Anna Kovac, the club's "
        "scout.",
    };
    expect_model_moves(none, sizeof none / sizeof none[0], EXO_EVENT_FIRED, 0);
    static const char *const joins[] = {
        "In talks to join the Port Ellis Mariners: Anna Kovac, from the "
        "Harbor City Hawks.",
        "Would also be joining the Port Ellis Mariners: Anna Kovac, from the "
        "Harbor City Hawks.",
        "Also joining the Port Ellis Mariners as interim coach: their own "
        "scout Anna Kovac.",
    };
    expect_model_moves(joins, sizeof joins / sizeof joins[0],
                       EXO_EVENT_JOINED, 0);
}

/* ==== ex18s: lists of people ==== */

/* A list before the verb whose names carry qualified titles or an
 * organisation ("Environment Secretary X", "and Globex CEO Y") is one
 * move per person. */
Test(extract, list_of_people_with_qualified_titles)
{
    const char *t = "Chief Designer Lena Marsh, Finance Director Omar Tal and "
                    "the General Counsel Ruth Bain resigned from Globex on "
                    "Friday.";
    cr_expect_eq(count_moves(t, "Lena Marsh", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_moves(t, "Omar Tal", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_moves(t, "Ruth Bain", EXO_EVENT_LEFT), 1);
    t = "Staff writer Ivo Brand and Globex CEO Dana Roe resigned from Globex "
        "on Friday.";
    cr_expect_eq(count_moves(t, "Ivo Brand", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_moves(t, "Dana Roe", EXO_EVENT_LEFT), 1);
}

/* The objects of a hire, each with its own clause ("hired X, who ran
 * A's desk, and Y, a former A trader"), as the co-founders after "with"
 * already were; a name inside the clause is no item. */
Test(extract, list_of_hires_with_their_own_clauses)
{
    const char *t = "Globex also hired Chris Murray, who ran Initech's trading "
                    "desk, and John Whipple, a former Initech trader.";
    cr_expect_eq(count_moves(t, "Chris Murray", EXO_EVENT_JOINED), 1);
    cr_expect_eq(count_moves(t, "John Whipple", EXO_EVENT_JOINED), 1);
    t = "Globex also hired Chris Murray, who worked with John Whipple at "
        "Initech.";
    cr_expect_eq(count_moves(t, "Chris Murray", EXO_EVENT_JOINED), 1);
    cr_expect_eq(count_moves(t, "John Whipple", EXO_EVENT_JOINED), 0);
}

/* A relative clause after a list is told of every name in it ("X and Y,
 * who left A in 2021"), not of a name the verb before it governs. */
Test(extract, list_before_a_relative_clause)
{
    const char *t = "Lena Marsh and Omar Tal, who left Globex in 2021, now run "
                    "a bakery.";
    cr_expect_eq(count_moves(t, "Lena Marsh", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_moves(t, "Omar Tal", EXO_EVENT_LEFT), 1);
    /* The rules alone: the learned reader's proposals depend on its
     * weights, which each retraining changes. */
    t = "Lena Marsh thanked her deputy, Omar Tal, who left Globex in 2021, "
        "now runs a bakery.";
    struct exo__learn_hooks rules_only = {.rules_only = true};
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    exo_candidate_list out;
    cr_assert_eq(exo__extract_learn(t, strlen(t), &opts, &rules_only, &out,
                                    NULL),
                 EXO_OK);
    cr_expect(find_cand(&out, "Omar Tal"));
    cr_expect_null(find_cand(&out, "Lena Marsh"));
    exo_candidate_list_release(&out);
}

/* What is no list stays out of it: a place after "in" read as a name,
 * and a person before "although" or "while" (another clause). */
Test(extract, list_stops_at_places_and_clauses)
{
    const char *t = "In Port Ellis, Globex Editor Ruth Bain resigned.";
    cr_expect_eq(count_moves(t, "Ruth Bain", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_moves(t, "Port Ellis", EXO_EVENT_LEFT), 0);
    t = "Globex has been run by Dana Roe,although Finance Director Omar Tal "
        "resigned.";
    cr_expect_eq(count_moves(t, "Omar Tal", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_moves(t, "Dana Roe", EXO_EVENT_LEFT), 0);
    t = "Globex has been run by Dana Roe, while Finance Director Omar Tal "
        "resigned.";
    cr_expect_eq(count_moves(t, "Dana Roe", EXO_EVENT_LEFT), 0);
}

/* An appointment is a hire unless the text shows the person inside, for
 * the model as for the rules (ex21a): "Nike named its designer X to its
 * running team" (which the rules miss) is no move; "Nike named former
 * Adidas designer X to its running team" is one, from Adidas to Nike,
 * and so is "Nike named X to its running team". */
Test(extract, learned_appointments_need_an_origin)
{
    cr_expect_eq(count_with_model("Nike named its designer Anna Kovac to its "
                                  "running team.",
                                  EXO_EVENT_JOINED, "Anna Kovac",
                                  EXO_EVENT_JOINED),
                 0);
    cr_expect_eq(count_with_model("Nike named Anna Kovac to its running "
                                  "team. Kovac was promoted from within.",
                                  EXO_EVENT_JOINED, "Anna Kovac",
                                  EXO_EVENT_JOINED),
                 0);
    cr_expect_eq(count_with_model("Nike named Anna Kovac to its running "
                                  "team.",
                                  EXO_EVENT_JOINED, "Anna Kovac",
                                  EXO_EVENT_JOINED),
                 1);
    /* Who appoints is named before the verb; an organisation in the
     * apposition after the name is where the person was (ex21a). */
    {
        exo_candidate_list out =
            run_with_model("Nike named Anna Kovac, the running chief of "
                           "Adidas, to its board.",
                           EXO_EVENT_JOINED);
        size_t n = 0;
        for (size_t i = 0; i < out.n; i++)
            if (strcmp(out.rows[i].person, "Anna Kovac") == 0) {
                n++;
                cr_expect(out.rows[i].to_org &&
                              strcmp(out.rows[i].to_org, "Nike") == 0,
                          "to %s", out.rows[i].to_org);
                cr_expect(out.rows[i].from_org &&
                              strcmp(out.rows[i].from_org, "Adidas") == 0,
                          "from %s", out.rows[i].from_org);
            }
        cr_expect_eq(n, 1);
        exo_candidate_list_release(&out);
    }
    /* Not "to lead its running team", which the rules read (ex19o). */
    cr_expect_eq(count_with_model("Nike named former Adidas designer Anna "
                                  "Kovac to its running team.",
                                  EXO_EVENT_JOINED, "Anna Kovac",
                                  EXO_EVENT_JOINED),
                 1);
    exo_candidate_list out = run_with_model("Nike named former Adidas "
                                            "designer Anna Kovac to its "
                                            "running team.",
                                            EXO_EVENT_JOINED);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].from_org, "Adidas");
    cr_expect_str_eq(out.rows[0].to_org, "Nike");
    cr_expect_lt(out.rows[0].confidence, 0.70);
    exo_candidate_list_release(&out);
}

/* An appointment with no origin in its sentence is a hire when one of the
 * next two sentences gives one: "X previously served as T at B". Not from
 * the organisation joined, nor from further on. */
Test(extract, an_origin_in_the_next_sentence_makes_a_hire)
{
    expect_moves("Nadia Holm was named chief executive of Quillon Labs. She "
                 "was previously finance chief at Ortel.\n",
                 NULL,
                 (const char *const[]){"Nadia Holm|joined|Ortel|Quillon Labs",
                                       NULL});
    expect_moves("Nadia Holm was named chief executive of Quillon Labs. Holm "
                 "previously served as finance chief of Ortel.\n",
                 NULL,
                 (const char *const[]){"Nadia Holm|joined|Ortel|Quillon Labs",
                                       NULL});
    expect_none("Nadia Holm was named chief executive of Quillon Labs. She "
                "was previously finance chief at Quillon Labs.\n",
                NULL);
    /* "Most recently, X was T of B" (ex21a). */
    expect_moves("Nadia Holm was named chief executive of Quillon Labs. Most "
                 "recently, Holm was finance chief of Ortel.\n",
                 NULL,
                 (const char *const[]){"Nadia Holm|joined|Ortel|Quillon Labs",
                                       NULL});
    /* Too far for an origin: a hire from somewhere not said (ex21a). */
    expect_moves("Nadia Holm was named chief executive of Quillon Labs. "
                 "Profits rose. Sales fell. Holm previously served as finance "
                 "chief of Ortel.\n",
                 NULL,
                 (const char *const[]){"Nadia Holm|joined|-|Quillon Labs",
                                       NULL});
}

/* "A replaced him with Y": the one who went was named before; Y joins
 * the organisation replacing. */
Test(extract, replaced_him_with_a_successor)
{
    expect_moves("The Dunmore Rovers replaced him with Tom Varga.\n", NULL,
                 (const char *const[]){"Tom Varga|joined|-|Dunmore Rovers",
                                       NULL});
}

/* "named X--the former CFO of B--as its finance chief": dashes set off
 * the apposition as commas do; from inside it is no move. */
Test(extract, an_apposition_between_dashes)
{
    expect_moves("Harlow Foods named Petra Lind--the former CFO of Ostrava "
                 "Mills--as its finance chief.\n",
                 NULL,
                 (const char *const[]){
                     "Petra Lind|joined|Ostrava Mills|Harlow Foods", NULL});
    expect_none("Harlow Foods named Petra Lind -- its longtime controller -- "
                "as its finance chief.\n",
                NULL);
}

/* A list of moves, one a line: "- X to A (title)" or "- X to A as title"
 * is a join; a bullet or a dash says it is a list, so its capitals are
 * names, not a headline's title case. Without the mark a title-case line
 * stays a headline. */
Test(extract, a_list_line_is_a_join)
{
    expect_moves("Moves this week:\n- Jane Marlop to Initech (CFO)\n- Omar "
                 "Haddad to Globex as chief executive\n",
                 NULL,
                 (const char *const[]){"Jane Marlop|joined|-|Initech",
                                       "Omar Haddad|joined|-|Globex", NULL});
    expect_none("Pressure Mounts to Oust Jones\n", NULL);
}

/* Keeping someone company is no join (ex19o): "joined A's CEO X on the
 * sidelines" names a person after the organisation's possessive and a
 * title, and "joining X in ruling himself out" a person before "in" and
 * a verb in "-ing". The rules alone (the reader has its own features). */
Test(extract, joining_a_person_is_no_join)
{
    static const char *const texts[] = {
        "Dana Price joined Ferrow Labs' CEO Omar Haddad on the sidelines.",
        "Rival bids stalled, with Carl Dunne joining Ines Marlow in publicly "
        "ruling himself out of the race.",
        NULL};
    struct exo__learn_hooks rules_only = {.rules_only = true};
    for (size_t k = 0; texts[k]; k++) {
        exo_extract_opts opts;
        exo_extract_opts_init(&opts);
        exo_candidate_list out;
        cr_assert_eq(exo__extract_learn(texts[k], strlen(texts[k]), &opts,
                                        &rules_only, &out, NULL),
                     EXO_OK);
        for (size_t i = 0; i < out.n; i++)
            cr_expect_neq(out.rows[i].event, EXO_EVENT_JOINED,
                          "%s joined %s in: %s", out.rows[i].person,
                          out.rows[i].to_org ? out.rows[i].to_org : "-",
                          texts[k]);
        exo_candidate_list_release(&out);
    }
}

/*
 * A test set, never used for tuning: the honest figure. The issue's bar
 * would be F1 and precision at least floor_for(0.85, n) (0.80 for the
 * first set's 136 moves, 0.81 for the second's 213); the extractor does
 * not reach it (README, docs/extract.md), so these tests hold the
 * measured levels instead: they fail when a change makes a score fall
 * below what sampling error allows around the value measured at this
 * commit, and they print whether the issue's bar is met.
 */
static void expect_news_test_set(const char *set, size_t passages,
                                 size_t moves, double measured_f1,
                                 double measured_precision)
{
    struct tally ev = expect_news_set(set, passages, moves, measured_f1);
    double bar = floor_for(NEWS_TARGET, ev.gold);
    printf("extract news %s: issue 17's bar (F1 and precision >= %.3f) "
           "%s\n",
           set, bar, f1(ev) >= bar && prec(ev) >= bar ? "met" : "NOT met");
    cr_expect_geq(prec(ev), floor_for(measured_precision, ev.pred),
                  "%s: event precision %.3f", set, prec(ev));
}

/* The first test set, split off before any tuning. */
Test(extract, news_test)
{
    expect_news_test_set("test", 89, 136, NEWS_TEST_F1, NEWS_TEST_P);
}

/* The second test set (ex17t2): collected while the fourth round changed
 * the extractor, sealed until its end, then scored twice (docs/extract.md
 * records each look). */
Test(extract, news_test2)
{
    expect_news_test_set("test2", 110, 213, NEWS_TEST2_F1, NEWS_TEST2_P);
}

/* The third test set (ex17t3): collected while the sixth round changed
 * the extractor, sealed until its end, scored before the round, after it,
 * and with the reader trained on dev6 (docs/extract.md records each look). */
Test(extract, news_test3)
{
    expect_news_test_set("test3", 100, 228, NEWS_TEST3_F1, NEWS_TEST3_P);
}

/* The fourth test set (ex18t4): collected while the seventh round changed
 * the extractor, sealed until its end, scored before the round, after it,
 * and with the reader trained on dev7 (docs/extract.md records each look). */
Test(extract, news_test4)
{
    expect_news_test_set("test4", 100, 252, NEWS_TEST4_F1, NEWS_TEST4_P);
}

/* The fifth test set (ex19t5): collected while the eighth round changed
 * the extractor, sealed until its end, scored before the round, after it,
 * and with the reader trained on dev8 (docs/extract.md records each look). */
Test(extract, news_test5)
{
    expect_news_test_set("test5", 100, 248, NEWS_TEST5_F1, NEWS_TEST5_P);
}

/* The sixth test set (ex20t6): collected during the eighth round, sealed
 * through the ninth, scored before the ninth round, after its rules, and
 * with the reader and second look trained on dev9 (docs/extract.md records
 * each look). */
Test(extract, news_test6)
{
    expect_news_test_set("test6", 100, 236, NEWS_TEST6_F1, NEWS_TEST6_P);
}

/* The seventh test set (ex21t7): collected during the tenth round, sealed
 * through it, scored before the round, after each branch's merge and with
 * the reader and second look trained on dev10 (docs/extract.md records
 * each look). */
Test(extract, news_test7)
{
    expect_news_test_set("test7", 100, 259, NEWS_TEST7_F1, NEWS_TEST7_P);
}

/* ==== ex17n: the name finder and the lexicon, written from English ==== */

/* No move read by the rules (the learned reader left out: its features
 * count the lexicon's words anywhere in the sentence, so its proposals,
 * held for review, say nothing of a trigger's sense). */
static void expect_none_by_rules(const char *text)
{
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    exo_candidate_list out;
    struct exo__learn_hooks rules_only = {.rules_only = true};
    cr_assert_eq(exo__extract_learn(text, strlen(text), &opts, &rules_only,
                                    &out, NULL),
                 EXO_OK);
    cr_expect_eq(out.n, 0, "expected no move by the rules in: %s (got %s %s)",
                 text, out.n ? out.rows[0].person : "",
                 out.n ? exo_event_name(out.rows[0].event) : "");
    exo_candidate_list_release(&out);
}

/* "will leave A", "is set to leave A": the organisation after "leave" is
 * the one left, as after "leaving" (a company the built-in list does not
 * know); a day after "leave" is no organisation. */
Test(extract, leave_names_the_organisation_left)
{
    expect_one("Dana Holt will leave Globex in August.", NULL, "Dana Holt",
               "Globex", NULL, EXO_EVENT_LEFT);
    expect_one("Dana Holt is set to leave Globex.", NULL, "Dana Holt",
               "Globex", NULL, EXO_EVENT_LEFT);
    expect_none_by_rules("Staff were told to leave Monday.");
}

Test(extract, titles_before_a_name_are_not_part_of_it)
{
    expect_names("First Team Assistant Coach Rolf Hagen left the club. "
                 "Editor Mia Sorensen was fired by Publisher Carl Ober.",
                 (const char *const[]){"Rolf Hagen", "Mia Sorensen",
                                       "Carl Ober", NULL});
    expect_names("Attorney General Rosa Lind and Head Coach Tim Vogt spoke.",
                 (const char *const[]){"Rosa Lind", "Tim Vogt", NULL});
    expect_one("Defensive Coordinator Ray Odom was fired on Sunday.", NULL,
               "Ray Odom", NULL, NULL, EXO_EVENT_FIRED);
}

Test(extract, organisation_heads_and_places_are_not_people)
{
    expect_names("He was the third Mountain West Conference coach to go. The "
                 "Pacific Hockey League and Harlow United said nothing.",
                 (const char *const[]){NULL});
    expect_names("Lisbon-born Ana Paiva met Hong Kong-based Chen in Los "
                 "Angeles.",
                 (const char *const[]){"Ana Paiva", NULL});
    expect_none("Greyfield Asset Management fired its auditors.", NULL);
    expect_one("Ada Rusk, a former Brisk Systems executive, was named head "
               "coach of the Harlow Stags.",
               NULL, "Ada Rusk", "Brisk Systems", "Harlow Stags",
               EXO_EVENT_JOINED);
}

Test(extract, leaving_in_more_words)
{
    expect_one("Helena Voss out as head coach of Marlow Rovers.", NULL,
               "Helena Voss", "Marlow Rovers", NULL, EXO_EVENT_LEFT);
    expect_none("Her record stands out as the best at Marlow Rovers.", NULL);
    expect_one("Greta Lund bows out as chair of Halden Trust.", NULL,
               "Greta Lund", "Halden Trust", NULL, EXO_EVENT_LEFT);
    expect_one("Kurt Weller hands over the reins at Dunmore Foods.", NULL,
               "Kurt Weller", "Dunmore Foods", NULL, EXO_EVENT_LEFT);
    expect_one("Sana Iqbal is moving on from Corvid Labs.", NULL, "Sana Iqbal",
               "Corvid Labs", NULL, EXO_EVENT_LEFT);
    expect_one("Felix Orr jumps ship to Zephyr Networks.", NULL, "Felix Orr",
               NULL, "Zephyr Networks", EXO_EVENT_LEFT);
    expect_one("Ada Kwon decamps to Meridian Capital.", NULL, "Ada Kwon", NULL,
               "Meridian Capital", EXO_EVENT_LEFT);
    expect_one("Ines Moreau walks away from Quillon Bank.", NULL,
               "Ines Moreau", "Quillon Bank", NULL, EXO_EVENT_LEFT);
    expect_one("Maya Ruiz is stepping back from her role at Quillon Bank.",
               NULL, "Maya Ruiz", "Quillon Bank", NULL, EXO_EVENT_LEFT);
    expect_one("Eli Brook will vacate the chief executive role at Dunmore "
               "Foods.",
               NULL, "Eli Brook", "Dunmore Foods", NULL, EXO_EVENT_LEFT);
    expect_none("Vans vacated the building at Dunmore Foods.", NULL);
}

Test(extract, joining_in_more_words)
{
    expect_one("Mara Quint takes the helm at Ostrava Labs.", NULL,
               "Mara Quint", NULL, "Ostrava Labs", EXO_EVENT_JOINED);
    expect_one("Brisk Systems brought in Owen Tarrant as its finance chief.",
               NULL, "Owen Tarrant", NULL, "Brisk Systems", EXO_EVENT_JOINED);
    expect_one("Kestrel Robotics snapped up Hugo Vance from Varta Capital.",
               NULL, "Hugo Vance", "Varta Capital", "Kestrel Robotics",
               EXO_EVENT_JOINED);
    expect_one("Norvell Foods welcomes Ezra Cole as chief operating officer, "
               "from Dunmore Foods.",
               NULL, "Ezra Cole", "Dunmore Foods", "Norvell Foods",
               EXO_EVENT_JOINED);
    expect_one("Halden Trust chose Lars Eide, a Varta Capital executive, as "
               "its next president.",
               NULL, "Lars Eide", "Varta Capital", "Halden Trust",
               EXO_EVENT_JOINED);
    expect_one("Zoe Marsh lands at Kestrel Robotics.", NULL, "Zoe Marsh", NULL,
               "Kestrel Robotics", EXO_EVENT_JOINED);
    expect_one("Tia Moss, formerly of Dunmore Foods, took over as chief "
               "executive of Norvell Foods.",
               NULL, "Tia Moss", "Dunmore Foods", "Norvell Foods",
               EXO_EVENT_JOINED);
    expect_one("Sol Kerr, formerly of Varta United, was introduced as head "
               "coach of Harlow Rovers.",
               NULL, "Sol Kerr", "Varta United", "Harlow Rovers",
               EXO_EVENT_JOINED);
    /* The same title from inside is a promotion, not a move. */
    expect_none("Norvell Foods's finance chief Tia Moss took over as chief "
                "executive of Norvell Foods.",
                NULL);
}

Test(extract, returns_firings_and_foundings_in_more_words)
{
    expect_one("Mina Sato makes a return to Corvid Labs.", NULL, "Mina Sato",
               NULL, "Corvid Labs", EXO_EVENT_RETURNED);
    expect_one("Ilya Renn has been re-appointed as manager of Halden Rovers.",
               NULL, "Ilya Renn", NULL, "Halden Rovers", EXO_EVENT_RETURNED);
    /* "booted", "canned", "axes", "terminates" are out of the lexicon
     * (the learned reader would open on "axes 500 jobs"); "parts ways
     * with" and "given the boot" say it. */
    expect_one("Tessaly Bank parts ways with chief executive Noel Ash.", NULL,
               "Noel Ash", "Tessaly Bank", NULL, EXO_EVENT_FIRED);
    expect_one("Ruth Abel co-founds Tallis Labs.", NULL, "Ruth Abel", NULL,
               "Tallis Labs", EXO_EVENT_FOUNDED);
    expect_one("Piet Smit spun out of Halvard Bank to launch Keel Capital.",
               NULL, "Piet Smit", "Halvard Bank", "Keel Capital",
               EXO_EVENT_FOUNDED);
    /* "form", "create" are left out of the lexicon (the learned reader
     * would open on them): a committee or a plan is no company. */
    expect_none_by_rules("Dora Wynn formed a committee to create a new "
                         "plan.");
}

Test(extract, subjects_and_organisations_in_more_places)
{
    /* "with X returning to A": the name before the -ing verb moves. */
    expect_one("The week ended with Ora Lindqvist returning to Fennick Labs.",
               NULL, "Ora Lindqvist", NULL, "Fennick Labs",
               EXO_EVENT_RETURNED);
    /* An unknown organisation after "returned to" and "joined the". */
    expect_one("Cody Marsh returned to Wexley for a second spell.", NULL,
               "Cody Marsh", NULL, "Wexley", EXO_EVENT_RETURNED);
    expect_one("Cody Marsh joined the Pelicans in 2019.", NULL, "Cody Marsh",
               NULL, "Pelicans", EXO_EVENT_JOINED);
    /* "the new Harbor Owls coach": a run between "the new" and a title. */
    expect_one("Their former coach Ivo Petek has been re-appointed as the new "
               "Harbor Owls coach.",
               NULL, "Ivo Petek", NULL, "Harbor Owls", EXO_EVENT_RETURNED);
}

Test(extract, headline_passives_and_more_forms)
{
    /* The headline passive without its auxiliary. */
    expect_one("Luca Ferro sacked by Halvard Bank.", NULL, "Luca Ferro",
               "Halvard Bank", NULL, EXO_EVENT_FIRED);
    expect_one("Tomas Reed relinquished his post as chief executive of "
               "Dunmore Foods.",
               NULL, "Tomas Reed", "Dunmore Foods", NULL, EXO_EVENT_LEFT);
    expect_one("Sami Noor, formerly of Varta Capital, is the new chief "
               "financial officer of Brisk Systems.",
               NULL, "Sami Noor", "Varta Capital", "Brisk Systems",
               EXO_EVENT_JOINED);
    expect_one("Elsa Brun arrived at Kestrel Robotics from Varta Capital in "
               "March.",
               NULL, "Elsa Brun", "Varta Capital", "Kestrel Robotics",
               EXO_EVENT_JOINED);
    expect_one("Jory Tate was given the boot by Tessaly Bank.", NULL,
               "Jory Tate", "Tessaly Bank", NULL, EXO_EVENT_FIRED);
    expect_one("Halden Trust cut ties with its chairman, Bram Olsen.", NULL,
               "Bram Olsen", "Halden Trust", NULL, EXO_EVENT_FIRED);
    expect_one("Norvell Foods welcomed back Ines Vahl as chief executive.",
               NULL, "Ines Vahl", NULL, "Norvell Foods", EXO_EVENT_RETURNED);
    expect_one("Ines Vahl returning as chief executive of Norvell Foods.", NULL,
               "Ines Vahl", NULL, "Norvell Foods", EXO_EVENT_RETURNED);
    expect_one("Halvard Bank names Ada Moss, formerly of Varta Capital, chief "
               "executive.",
               NULL, "Ada Moss", "Varta Capital", "Halvard Bank",
               EXO_EVENT_JOINED);
    expect_none_by_rules("Rafe Dunn unveiled a new phone on Monday.");
}

Test(extract, a_capitalised_run_after_the_is_an_organisation)
{
    expect_names("The Harbor Owls hired Nils Berg. The Daily Courier quoted "
                 "him.",
                 (const char *const[]){"Nils Berg", NULL});
    expect_one("Nils Berg returned to the Harbor Owls as coach.", NULL,
               "Nils Berg", NULL, "Harbor Owls", EXO_EVENT_RETURNED);
    /* A person already named stays a person after "the". */
    expect_names("Sam Ortiz spoke. Reporters asked about the Sam Ortiz era.",
                 (const char *const[]){"Sam Ortiz", "Sam Ortiz", NULL});
}

Test(extract, with_opens_a_clause_not_a_list)
{
    exo_candidate_list out =
        run("Norvell Foods welcomed back Ines Vahl as chief executive, with "
            "Tia Moss returning to Dunmore Foods.",
            NULL);
    cr_assert_eq(out.n, 2);
    const exo_candidate *moss = find_cand(&out, "Tia Moss");
    cr_assert(moss);
    cr_expect_str_eq(moss->to_org, "Dunmore Foods");
    exo_candidate_list_release(&out);
}

Test(extract, an_age_stands_for_the_last_person)
{
    /* "The 52-year-old" is the person just named, as "the cofounder" is;
     * the year of a departure told after the return is not the
     * return's. */
    exo_candidate_list out =
        run("Rick Oster led Motorola for years. The 52-year-old makes a "
            "return to Google after a long absence following his departure "
            "in 2016.",
            NULL);
    cr_assert_eq(out.n, 1, "%zu candidates", out.n);
    cr_expect_str_eq(out.rows[0].person, "Rick Oster");
    cr_expect_eq(out.rows[0].event, EXO_EVENT_RETURNED);
    cr_expect_str_eq(out.rows[0].to_org, "Google");
    cr_expect(!out.rows[0].background);
    exo_candidate_list_release(&out);
}

Test(extract, headline_passive_hires_and_their_purpose)
{
    expect_one("Derek Ashby tapped to lead Kestrel Robotics.", NULL,
               "Derek Ashby", NULL, "Kestrel Robotics", EXO_EVENT_JOINED);
    expect_one("Derek Ashby was hired to run Kestrel Robotics.", NULL,
               "Derek Ashby", NULL, "Kestrel Robotics", EXO_EVENT_JOINED);
    expect_one("Derek Ashby fired as coach of Harlow Rovers.", NULL,
               "Derek Ashby", "Harlow Rovers", NULL, EXO_EVENT_FIRED);
    /* A name after the verb makes it active: Ashby hires, Ode moves. */
    expect_one("Derek Ashby hired Nina Ode from Varta Capital.", "Kestrel "
               "Robotics",
               "Nina Ode", "Varta Capital", "Kestrel Robotics",
               EXO_EVENT_JOINED);
}

Test(extract, a_name_with_and_without_its_accents_is_one_person)
{
    exo_candidate_list out =
        run("Harlow Rovers have sacked manager Jurgen Kloss. The club has "
            "parted company with Jürgen Kloss after four years; Kloss "
            "declined to comment.",
            NULL);
    cr_expect_eq(out.n, 1, "%zu candidates", out.n);
    exo_candidate_list_release(&out);
}

Test(extract, the_hiring_of_and_more_firings)
{
    expect_one("Brisk Systems announced the hiring of Remy Clarke from Varta "
               "Capital.",
               NULL, "Remy Clarke", "Varta Capital", "Brisk Systems",
               EXO_EVENT_JOINED);
    expect_one("Fans cheered the firing of coach Tobias Lenz by Harlow Rovers.",
               NULL, "Tobias Lenz", "Harlow Rovers", NULL, EXO_EVENT_FIRED);
    expect_none_by_rules("Fans called for the firing of coach Tobias Lenz.");
    expect_one("Sheffield Albion have parted company with manager Gus Rowe.",
               NULL, "Gus Rowe", "Sheffield Albion", NULL, EXO_EVENT_FIRED);
    expect_one("Ezra Lamb was relieved of his duties by Halvard Bank.", NULL,
               "Ezra Lamb", "Halvard Bank", NULL, EXO_EVENT_FIRED);
    expect_one("Milo Hart got the sack at Pinecrest Media.", NULL, "Milo Hart",
               "Pinecrest Media", NULL, EXO_EVENT_FIRED);
    expect_one("Noor Aziz back at Fennick Labs as president.", NULL,
               "Noor Aziz", NULL, "Fennick Labs", EXO_EVENT_RETURNED);
    expect_none("Her shares came back at the close.", NULL);
    expect_one("Kestrel Robotics added Lio Varga, formerly of Varta Capital, "
               "as chief technology officer.",
               NULL, "Lio Varga", "Varta Capital", "Kestrel Robotics",
               EXO_EVENT_JOINED);
}

Test(extract, dates_after_since_orgs_after_by_and_company_first_names)
{
    /* "since 1998" is no date of the firing: the text's date stands. */
    exo_candidate_list out =
        run("Ivo Rask was fired as manager of Harlow Rovers on Monday after "
            "the club's worst defeat since 1998.",
            NULL);
    cr_assert_eq(out.n, 1);
    cr_expect(!out.rows[0].background);
    cr_expect(!out.rows[0].date_in_text);
    exo_candidate_list_release(&out);
    expect_one("Glenn Roux was dismissed by Wexley on Friday.", NULL,
               "Glenn Roux", "Wexley", NULL, EXO_EVENT_FIRED);
    /* A one-word company between a title and a capitalised word is a
     * first name. */
    expect_names("The Harbor Owls have parted ways with general manager Dell "
                 "Rennick.",
                 (const char *const[]){"Dell Rennick", NULL});
}

Test(extract, replaced_in_the_past_tense)
{
    expect_one("Tomas Ek replaced Garry Lind as manager of Harlow Rovers "
               "last month.",
               NULL, "Garry Lind", "Harlow Rovers", NULL, EXO_EVENT_LEFT);
    expect_none("The robots replaced workers at Tessaly Bank.", NULL);
}

Test(extract, the_organisation_before_the_title)
{
    expect_one("Dan Roth, formerly of Varta Capital, took over as Kestrel "
               "Robotics president.",
               NULL, "Dan Roth", "Varta Capital", "Kestrel Robotics",
               EXO_EVENT_JOINED);
    expect_one("Dan Roth, formerly of Varta Capital, became Kestrel "
               "Robotics's finance chief.",
               NULL, "Dan Roth", "Varta Capital", "Kestrel Robotics",
               EXO_EVENT_JOINED);
    /* From inside it is a promotion. */
    expect_none("Kestrel Robotics finance chief Dan Roth took over as Kestrel "
                "Robotics president.",
                NULL);
}

Test(extract, a_passive_hire_goes_to_the_texts_organisation)
{
    /* The text's organisation guessed as where the person came from does
     * not keep the hire from going there. */
    exo_candidate_list out =
        run("Ivo Rask was fired by Harlow Rovers. Rask had been brought in "
            "on a temporary basis in March.",
            NULL);
    const exo_candidate *j = NULL;
    for (size_t i = 0; i < out.n; i++)
        if (out.rows[i].event == EXO_EVENT_JOINED)
            j = &out.rows[i];
    cr_assert(j, "no hire among %zu candidates", out.n);
    cr_expect_str_eq(j->person, "Ivo Rask");
    cr_expect_str_eq(j->to_org, "Harlow Rovers");
    cr_expect_null(j->from_org);
    exo_candidate_list_release(&out);
}

Test(extract, replaced_by_in_the_passive)
{
    expect_one("Garry Lind was replaced by Tomas Ek as manager of Harlow "
               "Rovers.",
               "Harlow Rovers", "Garry Lind", "Harlow Rovers", NULL,
               EXO_EVENT_LEFT);
    expect_none("The old crest was replaced by a new one at Harlow Rovers.",
                NULL);
}

Test(extract, the_former_title_of_an_organisation_is_the_last_person)
{
    expect_one("Kestrel Robotics wanted Rick Oster back. The former president "
               "of Varta Capital has re-joined Kestrel Robotics.",
               NULL, "Rick Oster", NULL, "Kestrel Robotics",
               EXO_EVENT_RETURNED);
    /* Without "former" the title may be someone else: no guess. */
    expect_none_by_rules("Kestrel Robotics wanted Rick Oster back. The "
                         "president of Varta Capital has re-joined Kestrel "
                         "Robotics.");
}

Test(extract, an_announcement_that_is_reported_speech)
{
    expect_one("Kestrel Robotics's announcement yesterday that co-founder "
               "Lena Park would return as chief executive surprised many.",
               NULL, "Lena Park", NULL, "Kestrel Robotics",
               EXO_EVENT_RETURNED);
    /* "would" outside reported speech stays a hypothetical. */
    expect_none("Lena Park would return to Kestrel Robotics as chief "
                "executive.",
                NULL);
}

Test(extract, other_senses_of_the_new_phrases)
{
    expect_none_by_rules("Dana Cole stepped back to admire the painting at "
                         "the Tate Modern.");
    expect_none_by_rules("Luis Ortega walked away with the trophy at the "
                         "Harlow Open.");
    /* A speaker is never the one fired. */
    expect_none_by_rules("Tesla axes 10% of its staff, Elon Musk told "
                         "employees.");
    expect_none_by_rules("Quillon Bank cut ties with China Telecom after the "
                         "review.");
}

Test(extract, other_senses_written_to_break_the_lexicon)
{
    expect_none_by_rules("Brisk Systems brought in record revenue, Ana Duval "
                         "said.");
    expect_none_by_rules("Kestrel Robotics lured customers from Brisk Systems "
                         "with discounts, Omar Zane said.");
    expect_none_by_rules("Ivo Maric makes a return on his stake in Brisk "
                         "Systems.");
    expect_none_by_rules("Ana Duval relinquished control of the Brisk Systems "
                         "board vote.");
    expect_none_by_rules("Lea Holm moved on to the next item on the Brisk "
                         "Systems agenda.");
    expect_none_by_rules("Omar Zane took the helm of the yacht at Halden "
                         "Marina.");
    expect_none_by_rules("Lea Holm lands at Heathrow with Brisk Systems "
                         "executives.");
    /* ... while the moves they mean still are. */
    expect_one("Lea Holm moved on to Brisk Systems in May.", NULL, "Lea Holm",
               NULL, "Brisk Systems", EXO_EVENT_LEFT);
    expect_one("Omar Zane took the helm of Halden Trust.", NULL, "Omar Zane",
               NULL, "Halden Trust", EXO_EVENT_JOINED);
}

/* ==== Coreference (ex17r): new sentences, none from a news set ==== */

/* The confidence of the one move of 'text' (fails unless exactly one). */
static double one_confidence(const char *text, const char *context)
{
    exo_candidate_list out = run_first_stage(text, context);
    cr_assert_eq(out.n, 1, "expected one move in: %s (got %zu)", text, out.n);
    double c = out.rows[0].confidence;
    exo_candidate_list_release(&out);
    return c;
}

Test(extract, coref_pronoun_across_a_paragraph_break)
{
    const char *far = "Lena Marsh spent nine years building the search team "
                      "at Initech.\n\nShe has now joined Globex as chief "
                      "scientist.";
    const char *near = "Lena Marsh spent nine years building the search team "
                       "at Initech. She has now joined Globex as chief "
                       "scientist.";
    expect_one(far, NULL, "Lena Marsh", "Initech", "Globex", EXO_EVENT_JOINED);
    /* Resolved across the break: less sure than within the paragraph. */
    cr_expect_lt(one_confidence(far, NULL), one_confidence(near, NULL));
}

Test(extract, coref_pronoun_not_across_a_paragraph_with_two_people)
{
    /* An intervening person: "She" could be either. */
    expect_none("Lena Marsh ran search at Initech, where Owen Pike was her "
                "deputy.\n\nShe has now joined Globex.",
                NULL);
}

Test(extract, coref_pronoun_not_of_the_other_gender)
{
    expect_none("Ms. Lena Marsh ran the search team at Initech. He has now "
                "joined Globex.",
                NULL);
    expect_none("Mr. Tom Akers ran the search team at Initech.\n\nShe has "
                "now joined Globex.",
                NULL);
    expect_one("Ms. Lena Marsh ran the search team at Initech. She has now "
               "joined Globex.",
               NULL, "Lena Marsh", "Initech", "Globex", EXO_EVENT_JOINED);
    /* "He" after a woman named last: the last man the text called "Mr". */
    exo_candidate_list out = run("Mr. Tom Akers praised Ms. Lena Marsh at "
                                 "Initech. He has now joined Globex.",
                                 NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].person, "Tom Akers");
    cr_expect_eq(out.rows[0].event, EXO_EVENT_JOINED);
    exo_candidate_list_release(&out);
}

Test(extract, coref_a_speaking_pronoun_does_not_move)
{
    expect_none("Dana Holt runs sales at Initech. \"Our chief engineer is "
                "leaving,\" she said.",
                NULL);
}

Test(extract, coref_role_noun_finds_the_person_with_that_title)
{
    /* "The coach" is the coach named two sentences back, not the
     * president named last. */
    expect_moves("Coach Ray Dunn led the Harlow Rovers for six seasons. Team "
                 "president Ana Ruiz met reporters on Monday. The coach was "
                 "fired after the loss.",
                 NULL,
                 (const char *const[]){"Ray Dunn|fired|Harlow Rovers|-",
                                       NULL});
}

Test(extract, coref_person_nouns_and_qualified_titles)
{
    exo_candidate_list out =
        run("Felix Brandt built Initech into a giant. The billionaire is "
            "leaving the company.",
            NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].person, "Felix Brandt");
    cr_expect_eq(out.rows[0].event, EXO_EVENT_LEFT);
    exo_candidate_list_release(&out);
    out = run("Rosa Lind spoke at the summit in May. The Transport Minister "
              "resigned on Friday.",
              NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].person, "Rosa Lind");
    cr_expect_eq(out.rows[0].event, EXO_EVENT_LEFT);
    exo_candidate_list_release(&out);
    expect_one("Jay Okafor spent a decade at Initech. The former boss of "
               "office furniture firm Initech joined Globex in March.",
               NULL, "Jay Okafor", "Initech", "Globex", EXO_EVENT_JOINED);
    /* "the Briton" is no one when no one was named. */
    expect_none("The Briton is leaving the company.", "Initech");
}

Test(extract, coref_possessive_pronoun_with_a_noun_trigger)
{
    /* "departure" is an existing noun trigger; "Her" is a possessor
     * mention resolved to the person named before. */
    expect_one("Nora Quist ran the cloud unit at Initech for years. Her "
               "departure from Initech was announced on Monday.",
               NULL, "Nora Quist", "Initech", NULL, EXO_EVENT_LEFT);
    /* A possessor is never the object of a hire. */
    expect_one("Paul Vance praised Nora Quist. Globex hired his former "
               "deputy, Lin Tao, as CTO.",
               NULL, "Lin Tao", NULL, "Globex", EXO_EVENT_JOINED);
    /* "hired her to lead": an object, not a possessor. */
    expect_none("Ms. Nora Quist ran the cloud unit at Initech. The board "
                "praised her to the press.",
                NULL);
}

Test(extract, coref_names_the_finder_missed)
{
    /* A nationality is no organisation, and a title ends one read from
     * context ("its British CEO John Cryan" was one organisation). */
    expect_one("Globex ousted its Danish CEO Karl Vinter on Monday.", NULL,
               "Karl Vinter", "Globex", NULL, EXO_EVENT_FIRED);
    /* A run before ", who" is a person, even where an organisation
     * would go. */
    exo_candidate_list out = run("The first exit went to Ada Brenn, who departed "
                                 "Initech in May.",
                                 NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].person, "Ada Brenn");
    exo_candidate_list_release(&out);
}

Test(extract, coref_lead_names_the_person_after_the_title)
{
    /* A lead: the title first, the name opening the next sentence. */
    expect_one("The chief executive of Initech resigned on Monday. Karl "
               "Vinter Jr. thanked the staff in a memo.",
               NULL, "Karl Vinter Jr.", "Initech", NULL, EXO_EVENT_LEFT);
    /* Not when someone was named before the title... */
    expect_none("Mia Cole praised the board. The chief executive of Initech "
                "resigned on Monday. Karl Vinter thanked the staff in a "
                "memo.",
                NULL);
    /* ... nor when the next sentence opens with no name. */
    expect_none("The chief executive of Initech resigned on Monday. Analyst "
                "Karl Vinter thanked the staff in a memo.",
                NULL);
}

Test(extract, coref_both_men_is_the_group)
{
    /* The group rule (ex17b) reads "Both men" as the last list named. */
    expect_moves("Jay Okafor and Tim Bell built the robot team at Initech. "
                 "Both men left the company in May.",
                 NULL,
                 (const char *const[]){"Jay Okafor|left|Initech|-",
                                       "Tim Bell|left|Initech|-", NULL});
}

Test(extract, coref_nationalities_and_continents_are_not_names)
{
    /* "German Ada Brenn" is Ada Brenn; "North America" is no one for a
     * later "He" to stand for. */
    expect_one("German Ada Brenn resigned from Initech on Monday.",
               NULL, "Ada Brenn", "Initech", NULL, EXO_EVENT_LEFT);
    expect_none("Sales in North America fell. He also started a company.",
                NULL);
    /* "biotech X", as "startup X": an organisation, read by the rules
     * (not only by the learned reader, whose event may change when it is
     * retrained). */
    expect_one("Lin Tao has joined biotech Quarrel as chief executive.", NULL,
               "Lin Tao", NULL, "Quarrel", EXO_EVENT_JOINED);
    const char *hire = "Lin Tao has joined biotech Quarrel as chief executive.";
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    exo_candidate_list out;
    struct exo__learn_hooks rules_only = {.rules_only = true};
    cr_assert_eq(exo__extract_learn(hire, strlen(hire), &opts, &rules_only,
                                    &out, NULL),
                 EXO_OK);
    cr_expect(out.n == 1 && out.rows[0].to_org &&
                  strcmp(out.rows[0].to_org, "Quarrel") == 0,
              "the rules read no move to Quarrel");
    exo_candidate_list_release(&out);
}

Test(extract, coref_pronoun_is_the_previous_sentence_subject)
{
    /* "He" opening a sentence is the subject of the sentence before
     * (ex20s), not the last person named in it. */
    expect_moves("Dana Whitfield worked for years under Paul Brennan at "
                 "Initech. She resigned from Initech on Friday.",
                 NULL,
                 (const char *const[]){"Dana Whitfield|left|Initech|-", NULL});
    expect_moves("In 2009, Omar Lindqvist ran sales at Initech with Karen "
                 "Doyle. He left the company last month.",
                 NULL,
                 (const char *const[]){"Omar Lindqvist|left|Initech|-", NULL});
    /* "The board fired X and promoted Y": neither is the subject; the
     * pronoun is the last person named, as before. */
    cr_expect_eq(count_moves("Initech promoted Ben Alvarez and fired Rita "
                             "Gomes. She will join Globex.",
                             "Ben Alvarez", EXO_EVENT_JOINED),
                 0);
}

Test(extract, coref_title_noun_is_the_previous_sentence_subject)
{
    /* "The 48-year-old": the subject of the sentence before (ex20s); "the
     * former boss of Initech" is who was named last. */
    expect_moves("Omar Lindqvist worked with Karen Doyle at Initech for "
                 "years. The 48-year-old is leaving Initech to join Globex.",
                 NULL,
                 (const char *const[]){"Omar Lindqvist|left|Initech|Globex",
                                       NULL});
    /* A team the name finder takes for a person: a plural verb says it
     * is none ("X have named"). */
    cr_expect_eq(count_moves("Stoke Fenwick have named Ana Castillo as coach. "
                             "The 44-year-old joins from Globex.",
                             "Ana Castillo", EXO_EVENT_JOINED),
                 1);
    cr_expect_eq(count_moves("Ruth Keane is being replaced by Jay Okafor. The "
                             "former boss of office furniture firm Initech "
                             "joined Globex in March.",
                             "Jay Okafor", EXO_EVENT_JOINED),
                 1);
}

Test(extract, coref_quoted_first_person_is_the_speaker)
{
    /* "I" inside a quote is the speaker who closes it (ex20s). */
    expect_moves("\"I am leaving Initech to join Globex,\" said Ana Ruiz.",
                 NULL,
                 (const char *const[]){"Ana Ruiz|left|Initech|Globex", NULL});
    cr_expect_eq(count_moves("Ana Ruiz runs sales at Initech. \"When I "
                             "returned to Initech, it felt like home,\" she "
                             "said.",
                             "Ana Ruiz", EXO_EVENT_RETURNED),
                 1);
    /* The speaker, not the person named last before the quote. */
    expect_moves("Ana Ruiz met Bo Lindqvist in May. \"I left Initech last "
                 "year,\" Bo Lindqvist said.",
                 NULL,
                 (const char *const[]){"Bo Lindqvist|left|Initech|-", NULL});
}

Test(extract, coref_a_nickname_in_quotes_is_left_out_of_the_name)
{
    expect_one("William \"Bill\" Okafor resigned from Initech on Friday.",
               NULL, "William Okafor", "Initech", NULL, EXO_EVENT_LEFT);
    /* The surname alone is the same person. */
    expect_one("William \"Bill\" Okafor ran sales at Initech. Okafor resigned "
               "on Friday.",
               NULL, "William Okafor", "Initech", NULL, EXO_EVENT_LEFT);
}

/* ==== Event nouns and second events (ex17v) ==== */

Test(extract, noun_possessor_moves)
{
    /* A verb that is also a noun reads its person as the nouns do. */
    expect_one("Tamsin Roe's exit from Larkspur Bank was announced on Monday.",
               NULL, "Tamsin Roe", "Larkspur Bank", NULL, EXO_EVENT_LEFT);
    expect_one("Jonah Pell's return to Brisk Systems was confirmed on Friday.",
               NULL, "Jonah Pell", NULL, "Brisk Systems",
               EXO_EVENT_RETURNED);
    expect_one("Odile Marchetti's sudden comeback at Varta Capital surprised "
               "the staff.",
               NULL, "Odile Marchetti", NULL, "Varta Capital",
               EXO_EVENT_RETURNED);
    /* The possessor's own departure needs no organisation or role. */
    expect_one("The club confirmed Ansel Quirke's departure on Tuesday.", NULL,
               "Ansel Quirke", NULL, NULL, EXO_EVENT_LEFT);
    /* "exit" as a verb is still a verb. */
    expect_one("Mirela Dunn will exit Larkspur Bank next month.", NULL,
               "Mirela Dunn", "Larkspur Bank", NULL, EXO_EVENT_LEFT);
}

Test(extract, noun_of_frames)
{
    expect_one("Two weeks later came the exit of Rosa Klemm from Hollin "
               "Media.",
               NULL, "Rosa Klemm", "Hollin Media", NULL, EXO_EVENT_LEFT);
    expect_one("Shares rose after the ouster last week of former chief "
               "executive Martin Hale.",
               NULL, "Martin Hale", NULL, NULL, EXO_EVENT_FIRED);
    expect_one("Pinecrest Media confirmed the return of Erlich Bram as chief "
               "executive.",
               NULL, "Erlich Bram", NULL, "Pinecrest Media",
               EXO_EVENT_RETURNED);
    /* After "after", a noun of moving states its move as a fact. */
    expect_one("Fennick Labs named a new dean after the abrupt resignation of "
               "Oliver Stanek.",
               NULL, "Oliver Stanek", "Fennick Labs", NULL, EXO_EVENT_LEFT);
    /* One move per name of a list after "of", not the replacement. */
    exo_candidate_list out =
        run("The board accepted the resignations of Aaron Pike and Basil "
            "Frost.",
            NULL);
    cr_expect_eq(out.n, 2);
    exo_candidate_list_release(&out);
    out = run("Investors welcomed the departure of Lena Oakes and her "
              "replacement by chairman Victor Hume.",
              NULL);
    cr_expect_eq(out.n, 1);
    if (out.n)
        cr_expect_str_eq(out.rows[0].person, "Lena Oakes");
    exo_candidate_list_release(&out);
}

Test(extract, noun_other_senses_are_no_moves)
{
    expect_none_by_rules("A departure is not expected, Larkspur Bank said.");
    expect_none_by_rules("The hiring freeze at Brisk Systems continues.");
    expect_none_by_rules(
        "Passengers waited in the departure lounge with Nora Quist.");
    expect_none_by_rules(
        "Dara Vinn's return on the Varta Capital stake was 12 percent.");
    expect_none_by_rules("Kit Amos bought a return ticket to Hollin.");
}

Test(extract, noun_second_events_stay_apart)
{
    /* Joining the organisation one leaves is how one came there. */
    exo_candidate_list out =
        run("Hal Brenner is leaving Larkspur Bank, the bank said.\n\n"
            "Brenner joined Larkspur Bank after it bought his startup.",
            NULL);
    cr_assert_eq(out.n, 2);
    cr_expect_eq(out.rows[0].event, EXO_EVENT_LEFT);
    cr_expect_eq(out.rows[1].event, EXO_EVENT_JOINED);
    exo_candidate_list_release(&out);
    /* Two departures from two named organisations are two moves. */
    out = run("Shira Vance left Hollin Media in 2017 for Brisk Systems.\n\n"
              "Vance said last month she was stepping down from Brisk "
              "Systems.",
              NULL);
    size_t lefts = 0;
    for (size_t i = 0; i < out.n; i++)
        lefts += out.rows[i].event == EXO_EVENT_LEFT;
    cr_expect_eq(lefts, 2, "two departures, got %zu moves", out.n);
    exo_candidate_list_release(&out);
    /* "left A to join B" stays one move. */
    out = run("Omar Feld left Hollin Media to join Brisk Systems.", NULL);
    cr_expect_eq(out.n, 1);
    exo_candidate_list_release(&out);
}

Test(extract, noun_participle_clauses_are_history)
{
    /* The participle's subject is the main clause's, after the comma. */
    exo_candidate_list out =
        run("Since leaving Larkspur Bank in 2020, Rhea Tull has served as "
            "chief of staff at Hollin Media.",
            NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].person, "Rhea Tull");
    cr_expect_eq(out.rows[0].event, EXO_EVENT_LEFT);
    cr_expect_str_eq(out.rows[0].from_org, "Larkspur Bank");
    cr_expect(out.rows[0].background);
    exo_candidate_list_release(&out);
    /* ... or the nearest name before it, a possessor too. */
    out = run("The defeat was Lars Amell's 100th game since joining Varta "
              "Capital in January 2021.",
              NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].person, "Lars Amell");
    cr_expect_eq(out.rows[0].event, EXO_EVENT_JOINED);
    exo_candidate_list_release(&out);
    /* "After leaving A, X founded B" stays one move. */
    expect_one("After leaving Larkspur Bank, Gino Ferro founded Brisk "
               "Systems.",
               NULL, "Gino Ferro", "Larkspur Bank", "Brisk Systems",
               EXO_EVENT_FOUNDED);
    /* A hire, then where it came from in a participle: one move. */
    expect_one("Mallgrave poached Nia Kord this week after quitting Varta "
               "Capital in June.",
               NULL, "Nia Kord", "Varta Capital", "Mallgrave",
               EXO_EVENT_JOINED);
    expect_one("Prior to joining Quill Labs in 2004, Ada Cole worked at "
               "Hooli.",
               NULL, "Ada Cole", NULL, "Quill Labs", EXO_EVENT_JOINED);
    /* Leaving a room is no move. */
    expect_none_by_rules("After leaving the meeting, Dana Ruiz drove home.");
    expect_none_by_rules("Since joining the call, Omar Feld has said little.");
}

Test(extract, noun_time_clause_after_the_main_move)
{
    /* "three years after he joined A": a second move, history. */
    exo_candidate_list out =
        run("Andor Kim announced his departure from Quill Labs today, three "
            "years after he joined Quill Labs to lead its research.",
            NULL);
    cr_assert_eq(out.n, 2);
    cr_expect_eq(out.rows[0].event, EXO_EVENT_LEFT);
    cr_expect(!out.rows[0].background);
    cr_expect_eq(out.rows[1].event, EXO_EVENT_JOINED);
    cr_expect(out.rows[1].background);
    cr_expect_str_eq(out.rows[1].to_org, "Quill Labs");
    exo_candidate_list_release(&out);
    /* "when X left the room" names no organisation: no second move. */
    out = run("Andor Kim announced his departure from Quill Labs today, an "
              "hour after he left the room.",
              NULL);
    cr_expect_eq(out.n, 1);
    exo_candidate_list_release(&out);
}

Test(extract, noun_more_words_and_relative_subjects)
{
    expect_one("The Wexley Owls' axing of Tom Trell on Wednesday surprised "
               "nobody.",
               NULL, "Tom Trell", "Wexley Owls", NULL, EXO_EVENT_FIRED);
    expect_one("The Harlow Rovers dumped coach Stu Merrin on Sunday.", NULL,
               "Stu Merrin", "Harlow Rovers", NULL, EXO_EVENT_FIRED);
    expect_none_by_rules("The Harlow Rovers dumped their old kit sponsor.");
    expect_one("Mika Lott, head of business development at Brisk Systems, is "
               "on his way out.",
               NULL, "Mika Lott", "Brisk Systems", NULL, EXO_EVENT_LEFT);
    expect_none_by_rules("Mika Lott was on his way out of the building.");
    /* The verb after ", who is" has the name before the comma as its
     * subject, not an earlier name. */
    expect_one("Kurt Vane will run the Asia business, replacing Dave Schock, "
               "who is retiring.",
               NULL, "Dave Schock", NULL, NULL, EXO_EVENT_LEFT);
}

Test(extract, noun_second_verbs_and_dates)
{
    /* "but has rejoined": a second move of its own. */
    exo_candidate_list out =
        run("Mike Gorge retired from Initech in 2022 but has rejoined "
            "Brisk Systems.",
            NULL);
    bool rejoined = false;
    for (size_t i = 0; i < out.n; i++)
        rejoined |= out.rows[i].event == EXO_EVENT_RETURNED;
    cr_expect(rejoined, "no return among %zu moves", out.n);
    exo_candidate_list_release(&out);
    /* What one joined months before leaving is not where one went. */
    out = run("Ken Shaw stepped down from the board of Globex on Thursday.\n\n"
              "Shaw joined the Hooli board in March 2021.",
              NULL);
    cr_assert_eq(out.n, 2);
    cr_expect_eq(out.rows[0].event, EXO_EVENT_LEFT);
    cr_expect_null(out.rows[0].to_org);
    cr_expect_eq(out.rows[1].event, EXO_EVENT_JOINED);
    exo_candidate_list_release(&out);
    /* ... but a join after the departure is its destination. */
    out = run("Ken Shaw stepped down from the board of Globex on Thursday.\n\n"
              "Shaw will join Hooli in September.",
              NULL);
    cr_expect_eq(out.n, 1);
    exo_candidate_list_release(&out);
}

Test(extract, noun_came_to_an_organisation)
{
    expect_one("Nils Bode came to Tessaly Bank in 2019 as president.", NULL,
               "Nils Bode", NULL, "Tessaly Bank", EXO_EVENT_JOINED);
    expect_none_by_rules(
        "The report came to Tessaly Bank's attention in May, Nils Bode said.");
    expect_none_by_rules("Nils Bode came to an agreement with Tessaly Bank.");
    expect_none_by_rules("Nils Bode came to power in 2019.");
}

Test(extract, noun_forced_resignations_breaks_and_notices)
{
    expect_one("Boeing forced the resignation of its chief executive Gus "
               "Lund.",
               NULL, "Gus Lund", "Boeing", NULL, EXO_EVENT_FIRED);
    expect_none_by_rules("Shareholders called for the resignation of Gus "
                         "Lund at Hooli.");
    expect_none_by_rules("Unions demanded the resignation of Gus Lund at "
                         "Hooli.");
    expect_one("Hooli chief executive Gus Lund is to take a temporary break "
               "from his role on medical advice.",
               NULL, "Gus Lund", "Hooli", NULL, EXO_EVENT_SABBATICAL);
    expect_none_by_rules("Hooli chief executive Gus Lund announced a "
                         "temporary break in trading.");
    expect_one("Hooli finance chief Ida Rhee took a medical absence in June.",
               NULL, "Ida Rhee", "Hooli", NULL, EXO_EVENT_SABBATICAL);
    expect_one("Hooli chief executive Gus Lund gave his notice at the end of "
               "April.",
               NULL, "Gus Lund", "Hooli", NULL, EXO_EVENT_LEFT);
    expect_one("Bo Marsh is coming out of retirement to run Quill Labs.", NULL,
               "Bo Marsh", NULL, "Quill Labs", EXO_EVENT_RETURNED);
    /* A noun's organisation is in its own phrase: not read from the
     * sentence here, at most guessed from the text. */
    exo_candidate_list out =
        run("Ada Pohl's departure comes days after Globex vice president of "
            "Sales said he would stay.",
            NULL);
    cr_assert_eq(out.n, 1);
    cr_expect(!out.rows[0].from_org || out.rows[0].from_context, "from %s",
              out.rows[0].from_org);
    exo_candidate_list_release(&out);
}

Test(extract, noun_title_of_an_organisation_before_the_name)
{
    /* "The T of A, X, has resigned": X's role and where X leaves. */
    exo_candidate_list out =
        run("The chief executive of Brisk Systems, Andrew Stone, has "
            "resigned.",
            NULL);
    cr_assert_eq(out.n, 1);
    cr_expect_str_eq(out.rows[0].person, "Andrew Stone");
    cr_expect_str_eq(out.rows[0].from_org, "Brisk Systems");
    cr_expect(!out.rows[0].from_context);
    cr_expect_str_eq(out.rows[0].role, "chief executive");
    exo_candidate_list_release(&out);
}

/* ==== ex18h: dates for history ==== */

/* The first candidate of 'person' and 'ev' in 'text' (run() dates it
 * 2024-08-06); the test fails when there is none. */
static exo_candidate history_move(exo_candidate_list *out, const char *text,
                                  const char *person, exo_event ev)
{
    *out = run(text, NULL);
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->rows[i].person, person) == 0 &&
            out->rows[i].event == ev)
            return out->rows[i];
    cr_assert_fail("no %s %s in: %s", person, exo_event_name(ev), text);
    return out->rows[0];
}

static void expect_history_date(const char *text, const char *person,
                                exo_event ev, int y, int m, int d,
                                exo_precision p)
{
    exo_candidate_list out;
    exo_candidate c = history_move(&out, text, person, ev);
    cr_expect(c.has_date, "no date in: %s", text);
    cr_expect(c.date_in_text, "not the text's own date in: %s", text);
    cr_expect(c.background, "not history in: %s", text);
    cr_expect_eq(c.date.days, exo_days_from_civil(y, m ? m : 1, d ? d : 1),
                 "date in: %s", text);
    cr_expect_eq(c.date.precision, p, "precision in: %s", text);
    exo_candidate_list_release(&out);
}

/* A span counted back from the text's date, at the unit's precision: a
 * year for years, a month for months and weeks, a day for days. */
Test(extract, history_spans_ago_are_dated_from_the_text)
{
    expect_history_date("Five years ago, Jane Roe left Google to teach.",
                        "Jane Roe", EXO_EVENT_LEFT, 2019, 0, 0, EXO_PREC_YEAR);
    expect_history_date("Jane Roe joined Nissan two years ago as head of "
                        "sales.",
                        "Jane Roe", EXO_EVENT_JOINED, 2022, 0, 0,
                        EXO_PREC_YEAR);
    expect_history_date("Jane Roe left Google a dozen years ago.", "Jane Roe",
                        EXO_EVENT_LEFT, 2012, 0, 0, EXO_PREC_YEAR);
    expect_history_date("Jane Roe quit Microsoft 18 months ago.", "Jane Roe",
                        EXO_EVENT_LEFT, 2023, 2, 0, EXO_PREC_MONTH);
    expect_history_date("Jane Roe quit Microsoft two weeks ago.", "Jane Roe",
                        EXO_EVENT_LEFT, 2024, 7, 0, EXO_PREC_MONTH);
    expect_history_date("Jane Roe quit Microsoft three days ago.", "Jane Roe",
                        EXO_EVENT_LEFT, 2024, 8, 3, EXO_PREC_DAY);
}

/* "A decade ago", "a few years ago", "in the 1990s": history with no
 * year the date type could say honestly, so none. */
Test(extract, history_without_a_year_stays_undated)
{
    static const char *const texts[] = {
        "Jane Roe left Google a decade ago.",
        "Jane Roe left Google a few years ago.",
        "Jane Roe joined Nissan in the 1990s.",
        "Jane Roe joined Nissan in the early 2000s as an engineer.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        exo_candidate_list out = run(texts[i], NULL);
        cr_assert_eq(out.n, 1, "%zu moves in: %s", out.n, texts[i]);
        cr_expect(out.rows[0].background, "not history in: %s", texts[i]);
        cr_expect_not(out.rows[0].has_date, "a date in: %s", texts[i]);
        exo_candidate_list_release(&out);
    }
}

/* A clause of time after the main move dates its own move that long
 * before the main one's date, here the text's. */
Test(extract, history_time_after_a_join_dates_the_join)
{
    expect_history_date("Omar Feld announced his departure from Nissan on "
                        "Friday, three years after he joined Nissan.",
                        "Omar Feld", EXO_EVENT_JOINED, 2021, 0, 0,
                        EXO_PREC_YEAR);
    expect_history_date("Omar Feld announced his departure from Nissan on "
                        "Friday, 18 months after he joined Nissan.",
                        "Omar Feld", EXO_EVENT_JOINED, 2023, 2, 0,
                        EXO_PREC_MONTH);
}

/* Years written in other ways, and a time that opens the sentence. */
Test(extract, history_seasons_parts_of_years_and_openings)
{
    expect_history_date("Jane Roe joined Nissan for the 2019 season.",
                        "Jane Roe", EXO_EVENT_JOINED, 2019, 0, 0,
                        EXO_PREC_YEAR);
    expect_history_date("Nissan hired Jane Roe following the 2019 draft.",
                        "Jane Roe", EXO_EVENT_JOINED, 2019, 0, 0,
                        EXO_PREC_YEAR);
    expect_history_date("Jane Roe left Google in mid-2011.", "Jane Roe",
                        EXO_EVENT_LEFT, 2011, 0, 0, EXO_PREC_YEAR);
    /* Written in August: last August is a year back, December the last
     * one (news, not history: less than a year before). */
    exo_candidate_list out;
    exo_candidate c = history_move(&out, "Jane Roe left Google last August.",
                                   "Jane Roe", EXO_EVENT_LEFT);
    cr_expect_eq(c.date.days, exo_days_from_civil(2023, 8, 1));
    cr_expect_eq(c.date.precision, EXO_PREC_MONTH);
    exo_candidate_list_release(&out);
    c = history_move(&out,
                     "In December, Toyota announced the departure of Lena "
                     "Fischer, its head of design.",
                     "Lena Fischer", EXO_EVENT_LEFT);
    cr_expect(c.date_in_text);
    cr_expect_eq(c.date.days, exo_days_from_civil(2023, 12, 1));
    cr_expect_eq(c.date.precision, EXO_PREC_MONTH);
    exo_candidate_list_release(&out);
}

/* Negatives: a span in a clause about something else, and a span still
 * to come, date nothing; the main move keeps the text's date. */
Test(extract, history_spans_elsewhere_date_nothing)
{
    static const struct {
        const char *text, *person;
        exo_event ev;
    } news[] = {
        {"Jane Roe, who founded Brightwave five years ago, joined Nissan on "
         "Monday.",
         "Jane Roe", EXO_EVENT_JOINED},
        {"Acme Robotics, which moved its offices five years ago, hired Jane "
         "Roe from Nissan on Monday.",
         "Jane Roe", EXO_EVENT_JOINED},
        {"Five years ago Nissan moved to Yokohama. Jane Roe joined Nissan on "
         "Monday.",
         "Jane Roe", EXO_EVENT_JOINED},
        {"Jane Roe will leave Google in two years.", "Jane Roe",
         EXO_EVENT_LEFT},
    };
    for (size_t i = 0; i < sizeof news / sizeof news[0]; i++) {
        exo_candidate_list out;
        exo_candidate c =
            history_move(&out, news[i].text, news[i].person, news[i].ev);
        cr_expect_not(c.background, "history in: %s", news[i].text);
        cr_expect_not(c.date_in_text, "a date read in: %s", news[i].text);
        cr_expect_eq(c.date.days, exo_days_from_civil(2024, 8, 6),
                     "not the text's date in: %s", news[i].text);
        exo_candidate_list_release(&out);
    }
}

/* The learned reader's proposal takes the date near the name, not the
 * text's: "Also sacked in March 2019: X" is history. */
Test(extract, history_learned_proposals_take_their_date)
{
    const char *t = "The Harbor City Hawks have sacked coach Dan Petrov. "
                    "Also sacked in March 2019: Marta Ilves, the team's "
                    "director of football.";
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    opts.has_date = true;
    opts.date.days = exo_days_from_civil(2024, 8, 6);
    struct exo__model_row rows[2] = {{"(bias)", {0}}, {"(threshold)", {0}}};
    for (int k = 0; k < EXO__N_LEARNED; k++) {
        rows[0].w[k] = k == (int)EXO_EVENT_FIRED ? 4.6 : -20;
        rows[1].w[k] = 0.5;
    }
    /* The reader's own numbers, without the second look. */
    struct exo__learn_hooks h = {
        .rows = rows, .n_rows = 2, .first_stage_only = true};
    exo_candidate_list out;
    cr_assert_eq(exo__extract_learn(t, strlen(t), &opts, &h, &out, NULL),
                 EXO_OK);
    const exo_candidate *c = find_cand(&out, "Marta Ilves");
    cr_assert(c);
    cr_expect(c->has_date);
    cr_expect_eq(c->date.days, exo_days_from_civil(2019, 3, 1));
    cr_expect_eq(c->date.precision, EXO_PREC_MONTH);
    cr_expect(c->background);
    exo_candidate_list_release(&out);
}

/* ==== Seventh round: names (ex18n) ==== */

Test(extract, names_leave_out_words_glued_before_them)
{
    /* A noun for a person, a title's modifier, a hyphenated adjective:
     * written before the name, no part of it. */
    expect_names("Billionaire Hal Brenner met Briton Ada Nolte.",
                 (const char *const[]){"Hal Brenner", "Ada Nolte", NULL});
    expect_names("Indian-origin Ravi Anand will join Quill Labs.",
                 (const char *const[]){"Ravi Anand", NULL});
    expect_names("Orbix vice president of Sales and Data Mia Roux quit.",
                 (const char *const[]){"Mia Roux", NULL});
    expect_one("Cash-strapped Orvane Bank ousted its chief executive Tom "
               "Reyes on Monday.",
               NULL, "Tom Reyes", "Orvane Bank", NULL, EXO_EVENT_FIRED);
    expect_one("Billionaire Hal Brenner left the chief executive job at "
               "Quorra Labs.",
               NULL, "Hal Brenner", "Quorra Labs", NULL, EXO_EVENT_LEFT);
    /* Nor is the adjective an organisation or part of one. */
    expect_one("Rick Dorn, who ran Lenovo-owned Pelko, has returned to Varno "
               "Labs.",
               NULL, "Rick Dorn", NULL, "Varno Labs", EXO_EVENT_RETURNED);
    /* Not when the rest is one word, a name hyphenated in lower case, or
     * an organisation's name. */
    expect_names("Scot Ray met Kim Jae-in in Seoul.",
                 (const char *const[]){"Scot Ray", "Kim Jae-in", NULL});
    expect_one("Lou Varga left the National Football League on Monday.",
               NULL, "Lou Varga", "National Football League", NULL,
               EXO_EVENT_LEFT);
}

Test(extract, names_regions_and_institutions_are_no_people)
{
    expect_names("Turning to Southern Italy, Ugo Ferri has left.",
                 (const char *const[]){"Ugo Ferri", NULL});
    expect_names("Turning to Eastern Europe, Ugo Ferri has left.",
                 (const char *const[]){"Ugo Ferri", NULL});
    expect_one("Ines Vale, who ran the Harlow Cancer Center, resigned to "
               "join Quill Labs.",
               NULL, "Ines Vale", "Harlow Cancer Center", "Quill Labs",
               EXO_EVENT_LEFT);
    expect_none("The director of the Andy Keller Museum has resigned.", NULL);
}

Test(extract, names_gm_after_a_title_is_a_role)
{
    /* "SVP and GM of A": a general manager, not General Motors. */
    exo_candidate_list out =
        run("In May, SVP and GM of Orbix Cloud Lena Hart said she would "
            "leave.",
            NULL);
    for (size_t i = 0; i < out.n; i++)
        cr_expect(!out.rows[i].from_org ||
                      strcmp(out.rows[i].from_org, "General Motors") != 0,
                  "GM read as General Motors");
    /* Before the fix the carmaker was the text's context. */
    cr_expect(out.context_org && strcmp(out.context_org, "Orbix Cloud") == 0,
              "context %s", out.context_org ? out.context_org : "-");
    exo_candidate_list_release(&out);
    /* The carmaker itself stays. */
    expect_one("Lena Hart quit GM in May.", NULL, "Lena Hart",
               "General Motors", NULL, EXO_EVENT_LEFT);
}

Test(extract, names_the_new_title_of_an_organisation)
{
    /* "has become / was made / was named the new ROLE of A": a join from
     * outside, the organisation after words that describe it. */
    expect_one("Ona Brisk has become the new CEO of struggling Danish "
               "cancer biotech Varno.",
               NULL, "Ona Brisk", NULL, "Varno", EXO_EVENT_JOINED);
    expect_one("Ona Brisk, formerly of Quorra Labs, was made the new chief "
               "executive of Tessel Foods.",
               NULL, "Ona Brisk", "Quorra Labs", "Tessel Foods",
               EXO_EVENT_JOINED);
    expect_one("Ona Brisk, formerly of Pelko, was named the new president "
               "of Tessel Foods.",
               NULL, "Ona Brisk", "Pelko", "Tessel Foods", EXO_EVENT_JOINED);
    /* "being made": passive too, though it ends in -ing. */
    expect_one("Ona Brisk, formerly of Quorra Labs, is being made the new "
               "chief executive of Tessel Foods.",
               NULL, "Ona Brisk", "Quorra Labs", "Tessel Foods",
               EXO_EVENT_JOINED);
    /* From inside it is a promotion; without an origin "was made", as
     * "was named", is a hire (ex21a); "made" in other senses is no move. */
    expect_none_by_rules("Tessel Foods finance chief Ona Brisk has become "
                         "the new CEO of Tessel Foods.");
    expect_none("Tessel Foods finance chief Ona Brisk was made the new CEO "
                "of Tessel Foods.",
                NULL);
    expect_one("Ona Brisk was made the new CEO of Tessel Foods.", NULL,
               "Ona Brisk", NULL, "Tessel Foods", EXO_EVENT_JOINED);
    expect_none_by_rules("The decision was made by Ona Brisk, formerly of "
                         "Quorra Labs, on Monday.");
    /* No clause between the title and the organisation. */
    expect_none_by_rules("Ona Brisk became the new head of the unit that "
                         "Tessel Foods sold.");
}

Test(extract, names_surnames_that_are_common_words)
{
    /* Hill, Street, White, House, Dean name places and titles, and are
     * surnames where the sentence shows a person. */
    expect_names("Orbix hired a former Pelko manager: Ruth Hill, who led "
                 "sales.",
                 (const char *const[]){"Ruth Hill", NULL});
    expect_names("The chief executive of Varno Labs, Colm Street, has "
                 "resigned.",
                 (const char *const[]){"Colm Street", NULL});
    expect_names("Officials said Ines White, director of the museum, will "
                 "retire.",
                 (const char *const[]){"Ines White", NULL});
    expect_names("Varno Labs CEO Colm Street resigned on Monday.",
                 (const char *const[]){"Colm Street", NULL});
    expect_names("Pelko's top European executive, Ugo Press, was named "
                 "chief executive of Varno.",
                 (const char *const[]){"Ugo Press", NULL});
    expect_names("He wrote for the Free Press, then for Associated Press.",
                 (const char *const[]){NULL});
    expect_names("Pelko Times Editor Dean Falk was fired on Monday.",
                 (const char *const[]){"Dean Falk", NULL});
    expect_one("The chief executive of Varno Labs, Colm Street, has resigned.",
               NULL, "Colm Street", "Varno Labs", NULL, EXO_EVENT_LEFT);
    /* Places stay places. */
    expect_names("Senators on Capitol Hill, who had hoped for more, met "
                 "staff from the White House.",
                 (const char *const[]){NULL});
    expect_names("He walked down Fleet Street to the office.",
                 (const char *const[]){NULL});
}

Test(extract, names_where_an_organisation_was_expected)
{
    /* After "from", "called" or a company's acronym a name can still be
     * a person's: a degree or ", who" after it, a noun for a person
     * before "called", a two-word name after an acronym. */
    expect_names("Rhea Tan takes over in June from Ola Marr, Ph.D., who is "
                 "retiring.",
                 (const char *const[]){"Rhea Tan", "Ola Marr", NULL});
    expect_names("It began with a trader called Ivo Brandt.",
                 (const char *const[]){"Ivo Brandt", NULL});
    expect_one("The founder of video startup QVX Anil Rao stepped down as "
               "CEO.",
               NULL, "Anil Rao", "QVX", NULL, EXO_EVENT_LEFT);
    /* A company after "called" or "from" stays a company. */
    expect_one("Ivo Brandt joined a startup called Orbix Labs.", NULL,
               "Ivo Brandt", NULL, "Orbix Labs", EXO_EVENT_JOINED);
    expect_one("Ivo Brandt joined Pelko from Varno Capital.", NULL,
               "Ivo Brandt", "Varno Capital", "Pelko", EXO_EVENT_JOINED);
}

/* A join told as history whose workplace is named by a noun ("joined the
 * retailer in 1991") is a join when the text names no organisation the
 * finder knows: the move, with an empty organisation (ex19b). */
Test(extract, history_join_to_a_workplace_noun_without_a_known_org)
{
    const char *t = "Marlow Trading has named Petra Lindqvist chief "
                    "executive. Ms. Lindqvist, 49, joined the retailer in "
                    "1991 as a buyer.";
    exo_candidate_list out;
    exo_candidate c =
        history_move(&out, t, "Petra Lindqvist", EXO_EVENT_JOINED);
    cr_expect(c.background, "not history in: %s", t);
    cr_expect_eq(c.date.days, exo_days_from_civil(1991, 1, 1));
    exo_candidate_list_release(&out);
    /* Not a workplace: "joined the protest" is no move. */
    cr_expect_eq(count_moves("Petra Lindqvist joined the protest in 1991.",
                             "Petra Lindqvist", EXO_EVENT_JOINED),
                 0);
}

/* "A has hired X ... before joining B, X worked at C": the join told as
 * history goes to another organisation than today's hire, so it is a
 * second move, not today's told twice (ex19b). */
Test(extract, history_join_elsewhere_is_not_todays_hire)
{
    const char *t = "Quillon Systems has hired Tomas Vigdal as its chief "
                    "architect. Before joining Orbit Freight, Vigdal spent "
                    "six years at Helix Analytics.";
    cr_expect_eq(count_moves(t, "Tomas Vigdal", EXO_EVENT_JOINED), 2, "%s", t);
    /* The same destination told twice is one move. */
    const char *same = "Quillon Systems has hired Tomas Vigdal as its chief "
                       "architect. Vigdal joined Quillon Systems from Helix "
                       "Analytics.";
    cr_expect_eq(count_moves(same, "Tomas Vigdal", EXO_EVENT_JOINED), 1, "%s",
                 same);
}

/* "chief executive officer of A": "officer" ends a title after another
 * title word, so the capitalised run after "of" is the organisation
 * joined, not unknown (ex19b). */
Test(extract, a_title_ending_in_officer_names_its_organisation)
{
    const char *t = "Rhea Castell, who became chief executive officer of "
                    "Tamsin Brewing in March, left on Monday.";
    exo_candidate_list out;
    exo_candidate c = history_move(&out, t, "Rhea Castell", EXO_EVENT_JOINED);
    cr_expect_str_eq(c.to_org, "Tamsin Brewing");
    exo_candidate_list_release(&out);
}

/* "started as an intern in 1991", "started at A in 2004", "came on board
 * at A": a job begun, told as history (ex19b); "started as a hobby" and
 * "started at dawn" are not. */
Test(extract, history_a_job_started_is_a_join)
{
    expect_history_date("Orrin Textiles has ousted its chief executive, "
                        "Lena Marsh. Ms Marsh started as an intern in 1991.",
                        "Lena Marsh", EXO_EVENT_JOINED, 1991, 0, 0,
                        EXO_PREC_YEAR);
    expect_history_date("Orrin Textiles has ousted Lena Marsh. In 2004, Marsh "
                        "started at Pellam Foods as a junior analyst.",
                        "Lena Marsh", EXO_EVENT_JOINED, 2004, 0, 0,
                        EXO_PREC_YEAR);
    cr_expect_eq(count_moves("Lena Marsh came on board at Pellam Foods.",
                             "Lena Marsh", EXO_EVENT_JOINED),
                 1);
    cr_expect_eq(count_moves("Lena Marsh started as a hobby baker in 1991.",
                             "Lena Marsh", EXO_EVENT_JOINED),
                 0);
    cr_expect_eq(count_moves("Lena Marsh started at dawn on Monday.",
                             "Lena Marsh", EXO_EVENT_JOINED),
                 0);
}

/* "X, who joined A from B, left C": the join told in a relative clause
 * is history even undated, a move beside the main one; so is "who was
 * hired from B" at the text's organisation and "who joined as a sales
 * director" (ex19b). */
Test(extract, history_join_in_a_who_clause_without_a_date)
{
    const char *t = "Ines Carvalho, who joined Pellam Foods from Orrin "
                    "Textiles, left Pellam Foods on Monday.";
    exo_candidate_list out;
    exo_candidate c = history_move(&out, t, "Ines Carvalho", EXO_EVENT_JOINED);
    cr_expect(c.background, "not history in: %s", t);
    cr_expect_not(c.has_date, "a date in: %s", t);
    cr_expect_str_eq(c.to_org, "Pellam Foods");
    exo_candidate_list_release(&out);
    cr_expect_eq(count_moves("Pellam Foods has fired Ines Carvalho. Carvalho, "
                             "who was hired from Orrin Textiles, led its "
                             "sales unit.",
                             "Ines Carvalho", EXO_EVENT_JOINED),
                 1);
    cr_expect_eq(count_moves("Pellam Foods has fired Ines Carvalho. Carvalho, "
                             "who joined as a sales director, led its sales "
                             "unit.",
                             "Ines Carvalho", EXO_EVENT_JOINED),
                 1);
    /* Not a join: "who joined the protest". */
    cr_expect_eq(count_moves("Ines Carvalho, who joined the protest, left "
                             "Pellam Foods on Monday.",
                             "Ines Carvalho", EXO_EVENT_JOINED),
                 0);
}

/* "in June of 2005": a month and its year with "of" between (ex19b). */
Test(extract, history_month_of_year_is_dated)
{
    expect_history_date("Pellam Foods has fired Ines Carvalho. Carvalho "
                        "joined Pellam Foods in June of 2005.",
                        "Ines Carvalho", EXO_EVENT_JOINED, 2005, 6, 0,
                        EXO_PREC_MONTH);
}

/* "A dismissed X and replaced him with Y": Y joins A; not an interim
 * from inside, nor a replacement only spoken of (ex19b). */
Test(extract, a_replacement_after_a_pronoun_joins)
{
    const char *t = "Harbor City Hawks dismissed coach Dan Petrov in May and "
                    "replaced him with Marta Ilves.";
    cr_expect_eq(count_moves(t, "Marta Ilves", EXO_EVENT_JOINED), 1, "%s", t);
    const char *interim = "Harbor City Hawks dismissed coach Dan Petrov and "
                          "replaced him with its interim coach Marta Ilves.";
    cr_expect_eq(count_moves(interim, "Marta Ilves", EXO_EVENT_JOINED), 0,
                 "%s", interim);
    const char *rumour = "Harbor City Hawks denied speculation that they "
                         "will replace him with Marta Ilves.";
    cr_expect_eq(count_moves(rumour, "Marta Ilves", EXO_EVENT_JOINED), 0,
                 "%s", rumour);
}

/* "X joined A in 1995 ... X became CEO of A in 2006": the title taken
 * where X already came is a promotion, one join, not two (ex19b). */
Test(extract, a_title_taken_where_one_came_is_no_second_join)
{
    const char *t = "Dana Whitfield is out as CEO of Corvane Media. "
                    "Whitfield joined Corvane Media in 1995 as a producer. "
                    "Whitfield became CEO of Corvane Media in 2006.";
    cr_expect_eq(count_moves(t, "Dana Whitfield", EXO_EVENT_JOINED), 1, "%s",
                 t);
    /* Another organisation's title is another move. */
    const char *other = "Dana Whitfield is out as CEO of Corvane Media. "
                        "Whitfield joined Corvane Media in 1995 as a "
                        "producer. Whitfield became CEO of Larkspur Radio "
                        "in 2006.";
    cr_expect_eq(count_moves(other, "Dana Whitfield", EXO_EVENT_JOINED), 2,
                 "%s", other);
}

/* "came to the museum as its archivist in 2005": the text's
 * organisation by its noun; "came to the end of" is not (ex19b). */
Test(extract, history_came_to_the_workplace_is_a_join)
{
    expect_history_date("The Larkspur Museum said director Ines Carvalho has "
                        "resigned. Carvalho came to the museum as a curator "
                        "in 2005.",
                        "Ines Carvalho", EXO_EVENT_JOINED, 2005, 0, 0,
                        EXO_PREC_YEAR);
    cr_expect_eq(count_moves("The Larkspur Museum said director Ines Carvalho "
                             "has resigned. Carvalho came to the company "
                             "of friends in 2005.",
                             "Ines Carvalho", EXO_EVENT_JOINED),
                 0);
}

/* Two joins told as history to different organisations are two moves
 * ("started at A in 2013 ... In March of 2019, X was hired by B"); a
 * shortened name ("Fox News" after "Fox News Channel") is the same
 * organisation, one move (ex19b). */
Test(extract, history_joins_to_two_organisations_are_two_moves)
{
    const char *t = "Tomas Vigdal is joining Quillon Systems. In 2013, Vigdal "
                    "started at Orbit Freight as an intern. In March of "
                    "2019, Vigdal was hired by Helix Analytics as director "
                    "of research.";
    cr_expect_eq(count_moves(t, "Tomas Vigdal", EXO_EVENT_JOINED), 3, "%s", t);
    const char *same = "Tomas Vigdal is leaving Orbit Freight Systems. "
                       "Vigdal, who joined Orbit Freight Systems in 2003, "
                       "is heading to Quillon. Before joining Orbit Freight, "
                       "Vigdal worked at Helix Analytics.";
    cr_expect_eq(count_moves(same, "Tomas Vigdal", EXO_EVENT_JOINED), 1, "%s",
                 same);
}

/* ==== ex19f: foundings and returns, as new sentences ==== */

/* Coming back from a leave is the leave's end, not a return to an
 * organisation; coming back to one still is. */
Test(extract, returns_from_a_leave_are_no_move)
{
    expect_none("Hollin Bank chief executive Rosa Tamm returned to work on "
                "Monday after heart surgery.",
                NULL);
    expect_none("Rosa Tamm is expected to return to duty at Hollin Bank in "
                "the spring.",
                NULL);
    expect_none("Ivo Brandt, the finance chief, will run Hollin Bank pending "
                "her return.",
                NULL);
    expect_one("Rosa Tamm will return to Hollin Bank as chief executive.",
               NULL, "Rosa Tamm", NULL, "Hollin Bank", EXO_EVENT_RETURNED);
}

/* "has found a new home": the verb "find", not a founding. */
Test(extract, has_found_is_no_founding)
{
    expect_none("Rosa Tamm has found a new home at Hollin Bank.", NULL);
}

/* "bring back" and "bringing back" as "brought back" is. */
Test(extract, bring_back_is_a_return)
{
    expect_one("The Harbor Hawks decided to bring back former coach Milo "
               "Varga.",
               NULL, "Milo Varga", NULL, "Harbor Hawks", EXO_EVENT_RETURNED);
    expect_one("The Harbor Hawks are bringing back Milo Varga as head coach.",
               NULL, "Milo Varga", NULL, "Harbor Hawks", EXO_EVENT_RETURNED);
}

/* A hire of the organisation's own former holder of a post is a return;
 * a former post elsewhere is a join from there. */
Test(extract, hiring_a_former_holder_is_a_return)
{
    expect_one("Northfield Rovers have hired former boss Tom Haverly as "
               "manager.",
               NULL, "Tom Haverly", NULL, "Northfield Rovers",
               EXO_EVENT_RETURNED);
    expect_one("Granary Foods has appointed its former chief executive Tom "
               "Haverly as executive chair.",
               NULL, "Tom Haverly", NULL, "Granary Foods", EXO_EVENT_RETURNED);
    expect_one("Tom Haverly, the former chief executive of Granary Foods, has "
               "been appointed as executive chair.",
               NULL, "Tom Haverly", NULL, "Granary Foods", EXO_EVENT_RETURNED);
    expect_one("Northfield Rovers have hired former Leeds boss Tom Haverly as "
               "manager.",
               NULL, "Tom Haverly", "Leeds", "Northfield Rovers",
               EXO_EVENT_JOINED);
}

/* "A, the company she founded", "the firm he had co-founded", "since
 * co-founding the company": the founding is history of its own beside
 * the sentence's move. */
Test(extract, founded_company_told_in_a_clause)
{
    expect_moves("Nora Lindqvist has resigned as chief executive of Pellucid "
                 "Systems, the company she founded.",
                 NULL,
                 (const char *const[]){
                     "Nora Lindqvist|left|Pellucid Systems|-",
                     "Nora Lindqvist|founded|-|Pellucid Systems", NULL});
    expect_moves("Kestrel Analytics ousted Oskar Brandt from the firm he had "
                 "co-founded.",
                 NULL,
                 (const char *const[]){
                     "Oskar Brandt|fired|Kestrel Analytics|-",
                     "Oskar Brandt|founded|-|Kestrel Analytics", NULL});
    expect_moves("Oskar Brandt has run Kestrel Analytics since co-founding the "
                 "company in 2011. He will step down in May.",
                 NULL,
                 (const char *const[]){
                     "Oskar Brandt|founded|-|Kestrel Analytics",
                     "Oskar Brandt|left|Kestrel Analytics|-", NULL});
    /* A job is no company: "quit the job she started in May". */
    cr_expect_eq(count_moves("Nora Lindqvist quit the job she started in May "
                             "at Pellucid Systems.",
                             "Nora Lindqvist", EXO_EVENT_FOUNDED),
                 0);
}

/* "X, 34, who co-founded A with Y, left": both founded A (history), and
 * X, not Y, is who leaves. */
Test(extract, cofounders_in_a_relative_clause)
{
    expect_moves("Dana Ruiz, 34, who co-founded Tessel with her college friend "
                 "Omar Haddad, left the company in March.",
                 NULL,
                 (const char *const[]){"Dana Ruiz|founded|-|Tessel",
                                       "Omar Haddad|founded|-|Tessel",
                                       "Dana Ruiz|left|Tessel|-", NULL});
    expect_moves("Dana Ruiz, who co-founded Tessel with Omar Haddad, has "
                 "resigned.",
                 NULL,
                 (const char *const[]){"Dana Ruiz|founded|-|Tessel",
                                       "Omar Haddad|founded|-|Tessel",
                                       "Dana Ruiz|left|Tessel|-", NULL});
}

/* "X started the company in 2010 with a description of Y": a founding
 * of the text's organisation by both; "started the season" is none. */
Test(extract, started_the_company_with_a_cofounder)
{
    expect_moves("Tariq Neumann is stepping down as chief executive of Halvard "
                 "Labs. Neumann started the company in 2010 with University of "
                 "Oregon graduate Miguel Ortiz.",
                 NULL,
                 (const char *const[]){
                     "Tariq Neumann|left|Halvard Labs|-",
                     "Tariq Neumann|founded|-|Halvard Labs",
                     "Miguel Ortiz|founded|-|Halvard Labs", NULL});
    expect_none_by_rules("Tariq Neumann started the season well at Halvard "
                         "Rovers.");
}

/* "will be replaced by his predecessor Y": Y comes back to the post. */
Test(extract, replaced_by_the_predecessor_is_a_return)
{
    expect_moves("Halvard Labs boss Jim Rowe will step down immediately, and "
                 "will be replaced by his predecessor Hal Sorensen.",
                 NULL,
                 (const char *const[]){"Jim Rowe|left|Halvard Labs|-",
                                       "Hal Sorensen|returned|-|Halvard Labs",
                                       NULL});
}

/* "X (left) and colleague Y (right)": a caption, not a departure, and the
 * aside does not end the list of who moves. */
Test(extract, caption_left_and_right_are_no_move)
{
    expect_moves("Halvard co-founder Tariq Neumann (left) and colleague Miguel "
                 "Ortiz (right) said they are leaving Halvard Labs to start "
                 "their own company.",
                 NULL,
                 (const char *const[]){"Tariq Neumann|founded|Halvard Labs|-",
                                       "Miguel Ortiz|founded|Halvard Labs|-",
                                       NULL});
}

/* A headline's bare noun: "X leaves A to launch startup" is one founding
 * from A, as "to launch a startup" is. */
Test(extract, headline_leaves_to_launch_startup)
{
    expect_one("Halvard Labs engineer Tariq Neumann leaves Halvard Labs to "
               "launch startup",
               NULL, "Tariq Neumann", "Halvard Labs", NULL,
               EXO_EVENT_FOUNDED);
}

/* "none other than X coming out of retirement": X is the subject, not the
 * object of a comparison. */
Test(extract, none_other_than_names_the_subject)
{
    expect_one("Several changes were announced at Halvard Labs today, with "
               "none other than Tariq Neumann coming out of retirement to work "
               "under Miguel Ortiz.",
               NULL, "Tariq Neumann", NULL, "Halvard Labs",
               EXO_EVENT_RETURNED);
}

/* "X has made a spectacular return", "X staged a comeback at A": the
 * return is the object of X's own verb. */
Test(extract, made_a_return_is_the_subjects)
{
    expect_one("Chairman Tariq Neumann has made a spectacular return at "
               "Halvard Labs.",
               NULL, "Tariq Neumann", NULL, "Halvard Labs",
               EXO_EVENT_RETURNED);
    expect_one("Tariq Neumann staged a comeback at Halvard Labs in May.", NULL,
               "Tariq Neumann", NULL, "Halvard Labs", EXO_EVENT_RETURNED);
    /* Read by the rules, not only proposed by the learned reader (whose
     * proposals score LEARNED_CONF, 0.50). */
    cr_expect_gt(one_confidence("Tariq Neumann staged a comeback at Halvard "
                                "Labs in May.",
                                NULL),
                 0.6);
    cr_expect_gt(one_confidence("Chairman Tariq Neumann has made a spectacular "
                                "return at Halvard Labs.",
                                NULL),
                 0.6);
}

/* "The latest co-founder to return to his company is X": the person
 * after the copula moves; X's relative clause does not date the move. */
Test(extract, the_latest_to_return_is_named_after_the_copula)
{
    exo_candidate_list out =
        run("The latest co-founder to return to his company is Tariq Neumann, "
            "who ran Halvard Labs from 2002 to 2004.",
            NULL);
    cr_assert_eq(out.n, 1, "got %zu", out.n);
    cr_expect_str_eq(out.rows[0].person, "Tariq Neumann");
    cr_expect_eq(out.rows[0].event, EXO_EVENT_RETURNED);
    cr_expect_not(out.rows[0].background);
    cr_expect_gt(out.rows[0].confidence, 0.6);
    exo_candidate_list_release(&out);
    expect_one("The third executive to leave Halvard Labs this year was Tariq "
               "Neumann.",
               NULL, "Tariq Neumann", "Halvard Labs", NULL, EXO_EVENT_LEFT);
}

/* "After starting A in 2012, X and Y, now both 39, were ...": a founding
 * in a participle, by every name of the list after it. */
Test(extract, after_starting_a_company_the_list_founded_it)
{
    expect_moves("After starting Halvard Labs in 2012, Tariq Neumann and "
                 "Miguel Ortiz, now both 39, were well known.",
                 NULL,
                 (const char *const[]){"Tariq Neumann|founded|-|Halvard Labs",
                                       "Miguel Ortiz|founded|-|Halvard Labs",
                                       NULL});
}

/* "A, founded by X and three others, was bought in 2010": X's founding
 * of A, dated by its own clause only. */
Test(extract, organisation_founded_by_in_an_appositive)
{
    exo_candidate_list out;
    exo_candidate f = history_move(
        &out,
        "Tariq Neumann has left Microsoft. Halvard Labs, founded by Neumann "
        "and three others, was bought by Microsoft in 2010.",
        "Tariq Neumann", EXO_EVENT_FOUNDED);
    cr_expect(f.to_org && strcmp(f.to_org, "Halvard Labs") == 0, "to %s",
              f.to_org);
    cr_expect_null(f.from_org, "from %s", f.from_org);
    cr_expect(f.background && !f.date_in_text);
    exo_candidate_list_release(&out);
}

/* "left to start a newsletter" is a departure, "left to start a rival
 * firm" a founding: the object must name a business. */
Test(extract, starting_a_newsletter_is_no_founding)
{
    expect_one("Tariq Neumann announced his departure from Halvard Labs to "
               "start a newsletter on robots.",
               NULL, "Tariq Neumann", "Halvard Labs", NULL, EXO_EVENT_LEFT);
    expect_one("Tariq Neumann left Halvard Labs to start a small robotics "
               "firm.",
               NULL, "Tariq Neumann", "Halvard Labs", NULL, EXO_EVENT_FOUNDED);
}

/* ==== Precision: words read as people (ex19p) ==== */

/* No candidate of 'text' names 'person' (a word read as one). */
static void expect_no_person(const char *text, const char *person)
{
    exo_candidate_list out = run(text, NULL);
    for (size_t i = 0; i < out.n; i++)
        cr_expect(strcmp(out.rows[i].person, person) != 0,
                  "%s read as a person in: %s", person, text);
    exo_candidate_list_release(&out);
}

Test(extract, names_a_run_owning_a_title_is_an_organisation)
{
    /* "Harlow Mills's chief executive is leaving": the organisation the
     * unnamed chief works for, not the mover. */
    expect_none("Harlow Mills's new chief executive is leaving after a weak "
                "quarter.",
                NULL);
    expect_none("Ms. Vasquez wrote to Harlow Mills's staff that she was "
                "leaving.",
                NULL);
    /* The chief named after the title still moves, from it. */
    expect_one("Harlow Mills's chief executive Nora Flint is leaving the "
               "company.",
               NULL, "Nora Flint", "Harlow Mills", NULL, EXO_EVENT_LEFT);
}

Test(extract, names_a_conjunction_opens_no_name)
{
    expect_names("Although Vasquez is stepping down as chair, she will stay.",
                 (const char *const[]){NULL});
    expect_names("Though Vasquez quit, Ada Lind stayed.",
                 (const char *const[]){"Ada Lind", NULL});
}

Test(extract, names_two_nationalities_are_no_name)
{
    expect_names("The board said Swiss-German Kessler was ousted on Friday.",
                 (const char *const[]){NULL});
    /* A hyphenated first name stays one. */
    expect_names("Jean-Marc Kessler was ousted on Friday.",
                 (const char *const[]){"Jean-Marc Kessler", NULL});
}

Test(extract, names_an_organisation_after_its_kind)
{
    /* "maker X", "X newspaper": the kind names an organisation. */
    expect_none("As the scooter maker Volta Rapid faces a recall, two of its "
                "executives have quit.",
                NULL);
    expect_no_person("The board of Quill Labs voted to oust Tom Reyes as chief "
                     "executive, Harlow Courier newspaper reported.",
                     "Harlow Courier");
}

/* ==== Precision: denials, shortlists and demands (ex19p) ==== */

Test(extract, denial_rubbished_or_quashed_reports)
{
    expect_none("Ada Lind has rubbished reports that she is ready to quit "
                "Quill Labs.",
                NULL);
    expect_none("The club chairman quashed reports of the imminent sacking "
                "of Tom Reyes.",
                NULL);
    expect_none("Tom Reyes dismissed stories claiming he had agreed to step "
                "down at Quill Labs.",
                NULL);
}

Test(extract, hypothetical_shortlists_and_refusals)
{
    expect_none("Former finance chief Tom Reyes refused to leave the board "
                "of Quill Labs.",
                NULL);
    expect_none("The board met to consider ousting chief executive Tom Reyes "
                "of Quill Labs.",
                NULL);
    expect_none("Quill Labs is eyeing Tom Reyes as a candidate to join its "
                "board.",
                NULL);
}

Test(extract, hypothetical_a_demand_made_of_the_person)
{
    expect_none("The chairwoman had called on chief executive Tom Reyes to "
                "step down, a paper said.",
                NULL);
    expect_none("Investors urged chief executive Tom Reyes to resign from "
                "Quill Labs.",
                NULL);
    /* The person who asks does not move either. */
    expect_none("Last week a newspaper reported that chairwoman Ada Lind had "
                "called on chief executive Tom Reyes to step down, but the "
                "board backed him.",
                NULL);
}

Test(extract, returned_to_work_is_no_return)
{
    /* Back from a leave in the same job: no return to an organisation
     * (ex19p). */
    const char *texts[] = {
        "Quill Labs chief executive Ada Lind has returned to work after "
        "three months away.",
        "Ada Lind of Quill Labs is expected to return to duty by the end of "
        "the year.",
        NULL};
    for (size_t k = 0; texts[k]; k++)
        cr_expect_eq(count_moves(texts[k], "Ada Lind", EXO_EVENT_RETURNED), 0,
                     "a return read in: %s", texts[k]);
    expect_one("Ada Lind returned to Quill Labs as chief executive.", NULL,
               "Ada Lind", NULL, "Quill Labs", EXO_EVENT_RETURNED);
}

Test(extract, names_new_opens_a_place_or_team)
{
    /* "the New Harlow Comets": no person "Harlow Comets" (ex19p). */
    expect_one("Four coaches were let go: Tom Reyes was fired by the New "
               "Harlow Comets on Monday.",
               NULL, "Tom Reyes", "New Harlow Comets", NULL, EXO_EVENT_FIRED);
}

Test(extract, names_a_unit_glued_to_its_organisation)
{
    /* "boss of Boeing Marine Engines": the unit of a known organisation,
     * not a person (ex19p). */
    expect_no_person("The Boeing board decided to fire him as boss of Boeing "
                     "Marine Engines at a meeting on Monday.",
                     "Marine Engines");
}

Test(extract, replaced_but_staying_is_no_departure)
{
    /* The replaced who stays in the company, or only stood in, does not
     * leave (ex19p). */
    expect_none("Nora Flint will replace Tom Reyes, who is staying at Quill "
                "Labs in a global role.",
                NULL);
    expect_none("Nora Flint replaces Tom Reyes, who remains a president of "
                "the unit.",
                NULL);
    expect_none("Nora Flint will take the helm on Oct. 1, replacing interim "
                "chief executive Tom Reyes.",
                NULL);
    expect_one("Nora Flint replaces Tom Reyes, who is retiring.", NULL,
               "Tom Reyes", NULL, NULL, EXO_EVENT_LEFT);
}

Test(extract, speaker_ends_a_list_of_movers)
{
    /* "fired X, general manager Y announced": Y is the source (ex19p). */
    expect_one("Quill Labs has fired longtime manager Tom Reyes, general "
               "manager Ada Lind announced.",
               NULL, "Tom Reyes", "Quill Labs", NULL, EXO_EVENT_FIRED);
}

Test(extract, one_departure_from_an_organisation_written_two_ways)
{
    /* "Quill" and "Quill Group" are one organisation: one move (ex19p). */
    expect_one("Ada Lind has resigned from Quill. In a statement, Quill Group "
               "said Ada Lind had announced her resignation as chief "
               "executive of Quill Group, effective immediately.",
               NULL, "Ada Lind", "Quill", NULL, EXO_EVENT_LEFT);
}

Test(extract, a_title_picked_out_by_a_clause_is_someone_else)
{
    /* "the executive who led the takeover" is not the chief executive
     * named before (ex19p). */
    expect_none("Tom Reyes, the chief executive of Quill Labs, praised the "
                "deal. The executive who led the takeover has also left the "
                "company, Quill Labs said.",
                NULL);
}

Test(extract, names_an_opening_participle_is_no_first_name)
{
    expect_names("Following Tom Reyes's exit, the board met.",
                 (const char *const[]){"Tom Reyes", NULL});
    expect_names("Confirming Reyes's exit, the founder thanked him.",
                 (const char *const[]){NULL});
}

Test(extract, learned_reader_skips_who_fires_and_who_speaks)
{
    /* Who fires, right before the active verb, does not move (ex19p). */
    expect_none("Prime Minister Tom Reyes on Thursday sacked four ministers "
                "from the coalition.",
                NULL);
    /* Nor does who speaks after what was said. */
    expect_one("Ada Lind has also left the firm, Harlow Mills said.", NULL,
               "Ada Lind", NULL, NULL, EXO_EVENT_LEFT);
}

Test(extract, hypothetical_pole_position_and_pending)
{
    expect_none("Tom Reyes, a Quill Labs executive, was in pole position to "
                "take over as chief executive of Harlow Mills.",
                NULL);
    expect_none("Tom Reyes, the chief operating officer of Quill Labs, will "
                "run the firm pending his return.",
                NULL);
}

/* One move of 'person' of kind 'is' in 'text' and none of kind 'not',
 * the kind the rules read before (ex20e). */
static void expect_kind(const char *text, const char *person, exo_event is,
                        exo_event not)
{
    cr_assert_eq(count_moves(text, person, is), 1, "want one %s in: %s",
                 exo_event_name(is), text);
    cr_assert_eq(count_moves(text, person, not), 0, "want no %s in: %s",
                 exo_event_name(not), text);
}

Test(extract, replaced_who_was_sacked_is_fired)
{
    /* "replacing X, who was sacked": the clause tells how X went, and the
     * sets call it fired (ex20e). */
    cr_assert_eq(count_moves("Rita Solano will coach the side, replacing "
                             "Dario Venn, who was sacked in April after a run "
                             "of defeats.",
                             "Dario Venn", EXO_EVENT_FIRED),
                 1);
    expect_kind("Rita Solano will succeed Dario Venn, who was ousted as "
                "chief executive of Korvex in May.",
                "Dario Venn", EXO_EVENT_FIRED, EXO_EVENT_LEFT);
    /* Who retires still leaves. */
    cr_assert_eq(count_moves("Rita Solano replaces Dario Venn, who is "
                             "retiring.",
                             "Dario Venn", EXO_EVENT_LEFT),
                 1);
}

Test(extract, an_organisation_replacing_its_chief_fires_him)
{
    /* "A has replaced its chief executive, X" with the title in
     * apposition: A removes X (ex20e). */
    expect_one("Quill Labs has replaced its chief executive, Dario Venn, after "
               "two years of losses.",
               NULL, "Dario Venn", "Quill Labs", NULL, EXO_EVENT_FIRED);
}

Test(extract, a_firing_and_a_departure_told_apart_are_one_move)
{
    /* A firing and, in another sentence, a departure of the same person
     * from the same organisation are one move, fired (ex20e). */
    exo_candidate_list out =
        run("Korvex has sacked Dario Venn. Venn's departure from Korvex "
            "ends a turbulent spell of eight months.",
            NULL);
    size_t fired = 0, left = 0;
    for (size_t i = 0; i < out.n; i++) {
        fired += out.rows[i].event == EXO_EVENT_FIRED;
        left += out.rows[i].event == EXO_EVENT_LEFT;
    }
    exo_candidate_list_release(&out);
    cr_assert_eq(fired, 1);
    cr_assert_eq(left, 0);
    exo_candidate_list both =
        run("Dario Venn left Korvex on Friday. The board ousted Venn "
            "after the losses.",
            NULL);
    size_t n = both.n;
    exo_event ev = n ? both.rows[0].event : EXO_EVENT_LEFT;
    exo_candidate_list_release(&both);
    cr_assert_eq(n, 1);
    cr_assert_eq(ev, EXO_EVENT_FIRED);
}

Test(extract, left_and_founded_is_one_founding)
{
    /* "left A in 2011 and founded B" is one move, a founding from A, as
     * "left A to found B" is; a founding in a later year of its own is a
     * move apart (ex20e). */
    const char *one = "Ada Lind left Quill Labs in 2011 and founded Korvex.";
    expect_kind(one, "Ada Lind", EXO_EVENT_FOUNDED, EXO_EVENT_LEFT);
    cr_assert_eq(count_moves("Ada Lind left Quill Labs in 2011 and founded "
                             "Korvex in 2015.",
                             "Ada Lind", EXO_EVENT_LEFT),
                 1);
}

Test(extract, leaving_to_launch_the_new_fund_is_a_founding)
{
    /* "to launch the new fund": a company noun after "the new" (ex20e). */
    const char *text = "Ada Lind, a partner, is leaving Quill Labs to launch "
                       "the new fund.";
    expect_kind(text, "Ada Lind", EXO_EVENT_FOUNDED, EXO_EVENT_LEFT);
}

Test(extract, a_departure_said_to_be_forced_is_fired)
{
    /* A firing of the same person, with a subject of its own, beside a
     * departure in one sentence tells how the person went (ex20e). */
    const char *text = "Ada Lind has announced her resignation from Quill "
                       "Labs, with reports saying she was forced out by the "
                       "board.";
    expect_kind(text, "Ada Lind", EXO_EVENT_FIRED, EXO_EVENT_LEFT);
    cr_assert_eq(count_moves("Ada Lind quit Quill Labs last week, and people "
                             "close to the company said she was pushed out.",
                             "Ada Lind", EXO_EVENT_FIRED),
                 1);
    /* Not someone else's firing in a relative clause, nor an
     * alternative. */
    cr_assert_eq(count_moves("Ada Lind resigned to a chairman who was ousted "
                             "by Quill Labs.",
                             "Ada Lind", EXO_EVENT_LEFT),
                 1);
    cr_assert_eq(count_moves("Ada Lind is the latest executive to quit or be "
                             "forced out at Quill Labs.",
                             "Ada Lind", EXO_EVENT_FIRED),
                 0);
}

Test(extract, a_hire_after_a_prior_stint_there_is_a_return)
{
    /* A sentence naming the person tells an earlier spell at the hiring
     * organisation: the hire is a return (ex20e). */
    const char *text = "Quill Labs has hired Ada Lind as finance director. "
                       "Its chairman praised Lind, who has held senior roles "
                       "at Korvex and had a prior stint at Quill Labs.";
    expect_kind(text, "Ada Lind", EXO_EVENT_RETURNED, EXO_EVENT_JOINED);
    /* A spell elsewhere is no return. */
    cr_assert_eq(count_moves("Quill Labs has hired Ada Lind as finance "
                             "director. Its chairman praised Lind, who had a "
                             "prior stint at Korvex.",
                             "Ada Lind", EXO_EVENT_JOINED),
                 1);
}

Test(extract, a_firing_in_a_clause_of_time_is_a_move_of_its_own)
{
    /* "Two years after she was fired by A, X stepped down from B": the
     * clause's firing is history of its own, not where X leaves now
     * (ex20e). */
    const char *text = "Ada Lind has quit Korvex. Two years after she was "
                       "fired by Quill Labs, Lind stepped down from Korvex "
                       "on Monday.";
    cr_assert_eq(count_moves(text, "Ada Lind", EXO_EVENT_FIRED), 1);
    cr_assert_eq(count_moves(text, "Ada Lind", EXO_EVENT_LEFT), 1);
}

Test(extract, org_kind_in_lower_case_opens_an_unknown_organisation)
{
    /* "side", "club", "house" before an unknown name (ex20g). */
    expect_one("Ada Lind has left Bundesliga side Marrow Vale after two "
               "seasons.",
               NULL, "Ada Lind", "Marrow Vale", NULL, EXO_EVENT_LEFT);
    expect_one("Tom Reyes joined French fashion house Quillon in May.", NULL,
               "Tom Reyes", NULL, "Quillon", EXO_EVENT_JOINED);
}

Test(extract, shaped_organisations_ampersand_and_head_of)
{
    /* Capitalised words joined by "&" are a firm (ex20g). */
    expect_one("Ada Lind has left Harlow & Vane after ten years as a partner.",
               NULL, "Ada Lind", "Harlow & Vane", NULL, EXO_EVENT_LEFT);
    /* "University of X": the whole name, not a person "North Marrow". */
    expect_one("Tom Reyes, the provost of the University of North Marrow, "
               "has resigned.",
               NULL, "Tom Reyes", "University of North Marrow", NULL,
               EXO_EVENT_LEFT);
    expect_one("Tom Reyes has joined the Department of Rural Affairs as its "
               "chief economist.",
               NULL, "Tom Reyes", NULL, "Department of Rural Affairs",
               EXO_EVENT_JOINED);
}

Test(extract, football_club_and_the_new_club_manager)
{
    /* "X City", "X Town" are clubs (ex20g). */
    expect_one("Marrow City have sacked their manager Tom Reyes.", NULL,
               "Tom Reyes", "Marrow City", NULL, EXO_EVENT_FIRED);
    /* "the new X manager": X is the club (ex20g). */
    expect_one("Ada Lind has been sacked as the new Quarrybank manager after "
               "a month.",
               NULL, "Ada Lind", "Quarrybank", NULL, EXO_EVENT_FIRED);
}

Test(extract, one_word_owning_a_title_is_an_organisation)
{
    /* "Quillon's longtime research head": Quillon is where the head
     * worked (ex20g). */
    expect_one("Quillon's longtime research head Ada Lind has joined Harlow "
               "Mills.",
               NULL, "Ada Lind", "Quillon", "Harlow Mills", EXO_EVENT_JOINED);
}

/* ==== The second look (ex20c) ==== */

/* The confidence of 'person''s first candidate in 'text' read with the
 * second look 'calib' (NULL: the built-in one; 'first_stage': none); -1
 * when none is kept. */
static double second_look_confidence(const char *text, const char *person,
                                     const struct exo__calib_row *calib,
                                     size_t n_calib, bool first_stage)
{
    struct exo__learn_hooks h = {
        .calib = calib, .n_calib = n_calib, .first_stage_only = first_stage};
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    exo_candidate_list out;
    cr_assert_eq(exo__extract_learn(text, strlen(text), &opts, &h, &out, NULL),
                 EXO_OK);
    double conf = -1;
    for (size_t i = 0; i < out.n && conf < 0; i++)
        if (strcmp(out.rows[i].person, person) == 0)
            conf = out.rows[i].confidence;
    exo_candidate_list_release(&out);
    return conf;
}

/* The second look rescores every candidate with its weights and drops
 * those below its threshold: a hedge weighted down takes a hedged move
 * under the threshold, the same move asserted stays, at the logistic of
 * the bias. */
Test(extract, second_look_rescores_and_drops)
{
    const struct exo__calib_row rows[] = {
        {"(bias)", 2.0}, {"(threshold)", 0.5}, {"cue:hedge", -4.0}};
    double asserted = second_look_confidence(
        "Dorota Wilk is leaving Harbison Freight to join Quellmark.",
        "Dorota Wilk", rows, 3, false);
    double hedged = second_look_confidence(
        "Dorota Wilk is reportedly leaving Harbison Freight to join "
        "Quellmark.",
        "Dorota Wilk", rows, 3, false);
    cr_expect_float_eq(asserted, 0.88, 1e-9, "asserted %g", asserted);
    cr_expect_lt(hedged, 0, "hedged kept at %g", hedged);
}

/* The built-in second look is calibrated on the development sets: the
 * same move told as a rumour or a plan is less likely a move than told
 * as done, and the number is its probability, not the first stage's
 * rank. */
Test(extract, second_look_built_in_ranks_hedges_lower)
{
    double first = second_look_confidence(
        "Tomasz Brill, the finance chief of Ostrava Mills, has resigned to "
        "join Pellgrove as chief executive.",
        "Tomasz Brill", NULL, 0, true);
    double asserted = second_look_confidence(
        "Tomasz Brill, the finance chief of Ostrava Mills, has resigned to "
        "join Pellgrove as chief executive.",
        "Tomasz Brill", NULL, 0, false);
    double hedged = second_look_confidence(
        "Tomasz Brill, the finance chief of Ostrava Mills, is expected to "
        "resign to join Pellgrove as chief executive, sources say.",
        "Tomasz Brill", NULL, 0, false);
    cr_expect_gt(asserted, 0.5, "asserted %g", asserted);
    cr_expect_lt(hedged, asserted, "hedged %g, asserted %g", hedged, asserted);
    cr_expect_neq(asserted, first, "the first stage's %g kept", first);
}

/* The weights the library holds are data/extract-calibration.csv's, row
 * for row (less its (reader) checksum, which the build checks), sorted
 * as the lookup needs. */
Test(extract, second_look_weights_are_the_file)
{
    size_t n;
    const struct exo__calib_row *rows = exo__extract_calibration(&n);
    char path[256];
    snprintf(path, sizeof path, "%s", SOURCE_PATH("data/extract-calibration.csv"));
    FILE *f = fopen(path, "r");
    cr_assert(f, "cannot read %s", path);
    char line[256];
    size_t i = 0;
    cr_assert(fgets(line, sizeof line, f));
    cr_expect_str_eq(line, "feature,weight\n");
    bool bias = false, thr = false;
    while (fgets(line, sizeof line, f)) {
        char *comma = strrchr(line, ',');
        cr_assert(comma, "no comma in %s", line);
        *comma = '\0';
        if (strcmp(line, "(reader)") == 0)
            continue;
        cr_assert_lt(i, n, "more rows in the file than built in");
        cr_expect_str_eq(rows[i].feature, line);
        cr_expect_float_eq(rows[i].w, strtod(comma + 1, NULL), 1e-12);
        if (i)
            cr_expect_lt(strcmp(rows[i - 1].feature, rows[i].feature), 0);
        bias |= strcmp(line, "(bias)") == 0;
        thr |= strcmp(line, "(threshold)") == 0 && rows[i].w >= 0 &&
               rows[i].w <= 1;
        i++;
    }
    fclose(f);
    cr_expect_eq(i, n);
    cr_expect(bias && thr, "no (bias) or (threshold) row");
}

/* ==== ex21l: groups and lists, as new sentences ==== */

/* As count_moves, the rules alone: the learned reader's proposals depend
 * on its weights, which each retraining changes. */
static size_t count_rule_moves(const char *text, const char *person,
                               exo_event ev)
{
    struct exo__learn_hooks rules_only = {.rules_only = true};
    exo_extract_opts opts;
    exo_extract_opts_init(&opts);
    opts.has_date = true;
    opts.date.days = exo_days_from_civil(2024, 8, 6);
    opts.date.precision = EXO_PREC_DAY;
    exo_candidate_list out;
    cr_assert_eq(
        exo__extract_learn(text, strlen(text), &opts, &rules_only, &out, NULL),
        EXO_OK);
    size_t n = 0;
    for (size_t i = 0; i < out.n; i++)
        n += strcmp(out.rows[i].person, person) == 0 && out.rows[i].event == ev;
    exo_candidate_list_release(&out);
    return n;
}

/* Subjects listed with an appositive each ("X, its treasurer, and Y, head
 * of design, will leave") move together; a name inside an item's clause
 * does not. */
Test(extract, subjects_listed_with_appositives)
{
    const char *t = "Marta Quill, the treasurer, and Owen Brice, head of "
                    "product design, will leave Globex in June.";
    cr_expect_eq(count_rule_moves(t, "Marta Quill", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_rule_moves(t, "Owen Brice", EXO_EVENT_LEFT), 1);
    t = "Marta Quill, who worked with Owen Brice for years, will leave "
        "Globex in June.";
    cr_expect_eq(count_rule_moves(t, "Marta Quill", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_rule_moves(t, "Owen Brice", EXO_EVENT_LEFT), 0);
}

/* "founded by X, the former Initech Creative Director, along with fellow
 * veterans Y, Z and W": the first name's long title does not end the list
 * after "along with". */
Test(extract, list_after_along_with_a_long_title)
{
    const char *t = "The company was founded by Rhea Sollis, the former "
                    "Initech Art Design Director, along with other game "
                    "industry veterans Paul Dorn, Ivy Marsh and Ken Ota.";
    cr_expect_eq(count_rule_moves(t, "Rhea Sollis", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_rule_moves(t, "Paul Dorn", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_rule_moves(t, "Ivy Marsh", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_rule_moves(t, "Ken Ota", EXO_EVENT_FOUNDED), 1);
}

/* Hires listed by semicolons after the first one's object ("A has hired
 * X to become ...; Y to become ...; and Z, a former B writer, to be
 * ..."); an item with its own verb is another clause, not a hire. */
Test(extract, hires_listed_by_semicolons)
{
    const char *t = "The Courier has hired Globex analyst Nora Vance to become "
                    "markets editor; Initech writer Sam Pell to become travel "
                    "correspondent; and Lia Ortiz, formerly a radio "
                    "producer, as podcast editor.";
    cr_expect_eq(count_rule_moves(t, "Nora Vance", EXO_EVENT_JOINED), 1);
    cr_expect_eq(count_rule_moves(t, "Sam Pell", EXO_EVENT_JOINED), 1);
    cr_expect_eq(count_rule_moves(t, "Lia Ortiz", EXO_EVENT_JOINED), 1);
    t = "The Courier has hired Nora Vance to become markets editor; Sam Pell "
        "said the paper is growing.";
    cr_expect_eq(count_rule_moves(t, "Nora Vance", EXO_EVENT_JOINED), 1);
    cr_expect_eq(count_rule_moves(t, "Sam Pell", EXO_EVENT_JOINED), 0);
}

/* A group's move told once and its members named in the next sentence:
 * "Five engineers left A. Among them were X and Y", "The departures
 * include X, Y and Z"; "left A and formed B" is a founding. Not after a
 * hedged move, nor after a sentence that tells no group's move. */
Test(extract, group_bound_to_the_next_sentence_list)
{
    const char *t = "Five senior engineers quit Globex in March. Among them "
                    "were Dara Vint, who built its compiler, and Ilse Marr.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_LEFT), 1);
    t = "Globex Corp said four executives are retiring this year. The "
        "executives include Dara Vint, 61, head of sales, and Ilse Marr, "
        "59, head of audit.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_LEFT), 1);
    t = "Several designers have left Globex and formed a studio of their "
        "own. The departures include art lead Dara Vint and sound lead "
        "Ilse Marr.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_LEFT), 0);
    t = "Several designers could leave Globex next year. Among them are "
        "Dara Vint and Ilse Marr.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_LEFT), 0);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_LEFT), 0);
    t = "Globex won five design prizes this year. Among them were Dara "
        "Vint and Ilse Marr.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_LEFT), 0);
    /* Who tells the list, and who stays, is no member. */
    t = "Five engineers left Globex in March. Among them were Dara Vint and "
        "Omar Tal, Ilse Marr said.";
    cr_expect_eq(count_rule_moves(t, "Omar Tal", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_LEFT), 0);
    t = "Five engineers left Globex in March. Among them was Dara Vint; her "
        "manager Ilse Marr stays.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_LEFT), 0);
}

/* A title's plural before a list is a title, not part of the first name:
 * "lost its joint CCOs X and Y to B", "hired creative directors X and Y". */
Test(extract, plural_title_before_a_list)
{
    const char *t = "Globex recently lost its joint CCOs Dara Vint and Ilse "
                    "Marr to Initech.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_LEFT), 1);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_LEFT), 1);
    t = "Initech hired former Globex co-CEOs Dara Vint and Ilse Marr as "
        "advisers.";
    cr_expect_eq(count_rule_moves(t, "Dara Vint", EXO_EVENT_JOINED), 1);
    cr_expect_eq(count_rule_moves(t, "Ilse Marr", EXO_EVENT_JOINED), 1);
}

/* A founding in a relative clause after a list is told of the whole list,
 * as other verbs are (list_before_a_relative_clause); not of a name the
 * verb before it governs. */
Test(extract, founding_in_a_relative_clause_after_a_list)
{
    const char *t = "Lena Marsh and Omar Tal, who co-founded Globex in 2015, "
                    "now run a bakery.";
    cr_expect_eq(count_rule_moves(t, "Lena Marsh", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_rule_moves(t, "Omar Tal", EXO_EVENT_FOUNDED), 1);
    t = "Lena Marsh thanked her deputy, Omar Tal, who co-founded Globex in "
        "2015.";
    cr_expect_eq(count_rule_moves(t, "Omar Tal", EXO_EVENT_FOUNDED), 1);
    cr_expect_eq(count_rule_moves(t, "Lena Marsh", EXO_EVENT_FOUNDED), 0);
}

/* ==== ex21h: a person's history in one passage ==== */

/* "X was head of research at A until March": the end of a job told in
 * passing is a departure of its own, dated and history; a job that runs
 * on ("will remain ... until March") or a tenure ("since 2019") is not. */
Test(extract, history_a_job_held_until_a_date_is_a_departure)
{
    const char *t = "Verbena Foods has named Ilse Marrow its chief "
                    "executive. Marrow was head of research at Google "
                    "until March.";
    exo_candidate_list out;
    exo_candidate c = history_move(&out, t, "Ilse Marrow", EXO_EVENT_LEFT);
    cr_expect_str_eq(c.from_org, "Google", "%s", t);
    cr_expect(c.background, "%s", t);
    cr_expect_eq(c.date.days, exo_days_from_civil(2024, 3, 1), "%s", t);
    exo_candidate_list_release(&out);
    const char *ahead = "Verbena Foods has named Ilse Marrow its chief "
                        "executive. Marrow will remain head of research at "
                        "Google until March.";
    cr_expect_eq(count_moves(ahead, "Ilse Marrow", EXO_EVENT_LEFT), 0, "%s",
                 ahead);
    /* A tenure ("since 2019") is no move by the labelling rules. */
    const char *since = "Verbena Foods has named Ilse Marrow its chief "
                        "executive. Marrow was head of research at Google "
                        "since 2019.";
    cr_expect_eq(count_moves(since, "Ilse Marrow", EXO_EVENT_LEFT), 0, "%s",
                 since);
}

/* "A has appointed X ... X left B in October": a departure the text dates
 * months before the news of the hire is a move of its own; one dated
 * within a month of it ("left B in July", written in August) is the
 * same move, where the hire came from. */
Test(extract, a_departure_dated_months_before_a_hire_is_its_own_move)
{
    const char *t = "Verbena Foods has appointed Ilse Marrow, a former "
                    "Google executive, as its chief executive. Ms Marrow "
                    "left Google in October 2023.";
    cr_expect_eq(count_moves(t, "Ilse Marrow", EXO_EVENT_LEFT), 1, "%s", t);
    cr_expect_eq(count_moves(t, "Ilse Marrow", EXO_EVENT_JOINED), 1, "%s", t);
    const char *same = "Verbena Foods has appointed Ilse Marrow, a former "
                       "Google executive, as its chief executive. Ms Marrow "
                       "left Google in July.";
    cr_expect_eq(count_moves(same, "Ilse Marrow", EXO_EVENT_LEFT), 0, "%s",
                 same);
}

/* "left A in 2019 to start B, then rejoined A this year": a comma and
 * "then" coordinate a second move as "and" does, dated by its own words;
 * it was read as part of the first. */
Test(extract, a_move_after_then_is_a_second_move)
{
    const char *t = "Ilse Marrow left Vantor Labs in 2019 to start Quillon "
                    "Systems, then rejoined Vantor Labs this year as head "
                    "of research.";
    exo_candidate_list out;
    exo_candidate c = history_move(&out, t, "Ilse Marrow", EXO_EVENT_RETURNED);
    cr_expect(!c.background, "%s", t);
    cr_expect_eq(c.date.days, exo_days_from_civil(2024, 1, 1), "%s", t);
    exo_candidate_list_release(&out);
    cr_expect_eq(count_moves(t, "Ilse Marrow", EXO_EVENT_FOUNDED), 1, "%s", t);
}

/* "appointed Australian X ... The 48-year-old Australian ... he joined
 * B in 2016": the noun glued before the name is what "the 48-year-old
 * Australian" calls them, so the age names X, not the last person named,
 * and so does the "he" after it. */
Test(extract, an_age_and_a_nationality_name_the_person_so_called)
{
    const char *t = "Halden Rovers have appointed Australian Tomas Vigdal as "
                    "their new manager, after Jon Ruse resigned. The "
                    "48-year-old Australian previously coached at Orrin "
                    "Town. After six years there, he joined Pellam City in "
                    "2016.";
    cr_expect_eq(count_moves(t, "Tomas Vigdal", EXO_EVENT_JOINED), 2, "%s", t);
    cr_expect_eq(count_moves(t, "Jon Ruse", EXO_EVENT_JOINED), 0, "%s", t);
}

/* "X, who took over for Y as A's chief then quit the company in 2019":
 * the object of "for" is not who quits; the clause's subject is. */
Test(extract, the_object_of_for_is_not_the_mover)
{
    const char *t = "Ilse Marrow, who took over for Tomas Vigdal as head of "
                    "research at Google then quit the company in 2019, has "
                    "opened a bakery.";
    cr_expect_eq(count_moves(t, "Ilse Marrow", EXO_EVENT_LEFT), 1, "%s", t);
    cr_expect_eq(count_moves(t, "Tomas Vigdal", EXO_EVENT_LEFT), 0, "%s", t);
}

/* ==== Joins without a verb of hiring (ex21v) ==== */

/* A post told as new to its holder is a join of the organisation the
 * title names: "Quillon's new finance chief X", "its new creative
 * director X", "New Quillon president X", "The new director of A will
 * be X". */
Test(extract, a_new_title_is_a_join)
{
    expect_one("Quillon's new finance chief Ada Lind met the staff on "
               "Monday.",
               NULL, "Ada Lind", NULL, "Quillon", EXO_EVENT_JOINED);
    expect_one("Harlow Mills Inc presented its new creative director Tom "
               "Reyes on Friday.",
               NULL, "Tom Reyes", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
    expect_one("New Quillon president Ada Lind has begun her first term "
               "with a reshuffle.",
               NULL, "Ada Lind", NULL, "Quillon", EXO_EVENT_JOINED);
    expect_one("The new director of the Harlow Museum will be Tom Reyes, a "
               "curator at the Quillon Gallery.",
               NULL, "Tom Reyes", "Quillon Gallery", "Harlow Museum",
               EXO_EVENT_JOINED);
}

/* Not a join: a promotion, a title held at the same organisation named
 * after the person, or the "New" of a place's name. */
Test(extract, a_new_title_from_inside_is_no_join)
{
    expect_none_by_rules("Harlow Mills Inc promoted its new finance chief "
                         "Ada Lind on Monday.");
    expect_none_by_rules("Quillon's new finance chief Ada Lind, a treasurer "
                         "at Quillon for ten years, met the staff on "
                         "Monday.");
    exo_candidate_list out =
        run("Quillon New Media CEO Ada Lind has resigned.", NULL);
    for (size_t i = 0; i < out.n; i++)
        cr_expect_neq(out.rows[i].event, EXO_EVENT_JOINED,
                      "the New of a name read as a new title");
    exo_candidate_list_release(&out);
}

/* "X will be the new CEO of A", "X is the next president of A", "X will
 * now be the editor of A": a title, then the organisation, as after
 * "became". */
Test(extract, will_be_the_new_title_of_a_is_a_join)
{
    expect_one("Ada Lind will be the new chief executive of Harlow Mills.",
               NULL, "Ada Lind", NULL, "Harlow Mills", EXO_EVENT_JOINED);
    expect_one("Tom Reyes is the next president of Quillon.", NULL,
               "Tom Reyes", NULL, "Quillon", EXO_EVENT_JOINED);
    expect_one("Ada Lind will now be the editor of the Marrow Gazette.", NULL,
               "Ada Lind", NULL, "Marrow Gazette", EXO_EVENT_JOINED);
}

/* The new title after the name: "X, Quillon's new finance chief,", "X,
 * the new director of the Harlow Museum,". */
Test(extract, a_new_title_after_the_name_is_a_join)
{
    expect_one("Ada Lind, Harlow Mills Inc's new chief technology officer, "
               "met the staff on Monday.",
               NULL, "Ada Lind", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
    expect_one("Tom Reyes, the new director of the Harlow Museum, met the "
               "staff on Monday.",
               NULL, "Tom Reyes", NULL, "Harlow Museum", EXO_EVENT_JOINED);
}

/* Verbs of joining without a hiring: "steps in as CEO of A", "signed
 * for A", "starts at A", "in her new role (job) at A", "X, now at A,",
 * and the passives "was confirmed as", "was unveiled as" from elsewhere;
 * "stepped in as interim" is a stand-in. */
Test(extract, joins_told_without_a_verb_of_hiring)
{
    expect_one("Ada Lind steps in as chief executive of Harlow Mills Inc.",
               NULL, "Ada Lind", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
    expect_one("Tom Reyes signed for Marrow City in June.", NULL, "Tom Reyes",
               NULL, "Marrow City", EXO_EVENT_JOINED);
    expect_one("Ada Lind is set to start at Harlow Mills Inc in March.", NULL,
               "Ada Lind", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
    expect_one("Tom Reyes, in his new role at Harlow Mills Inc, will run "
               "sales.",
               NULL, "Tom Reyes", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
    expect_one("Ada Lind, a former Quillon Inc executive, was confirmed as "
               "chief executive of Harlow Mills Inc.",
               NULL, "Ada Lind", "Quillon Inc", "Harlow Mills Inc",
               EXO_EVENT_JOINED);
    expect_one("Ada Lind, a former Quillon Inc coach, was unveiled as "
               "manager of Marrow City.",
               NULL, "Ada Lind", "Quillon Inc", "Marrow City",
               EXO_EVENT_JOINED);
    expect_one("Tom Reyes, in his new job at Harlow Mills Inc, will run "
               "sales.",
               NULL, "Tom Reyes", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
    expect_one("Ada Lind, now at Harlow Mills Inc, said the plan was sound.",
               NULL, "Ada Lind", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
    expect_none_by_rules("Tom Reyes stepped in as interim chief executive of "
                         "Harlow Mills Inc.");
}

/* "its new creative director X" with no organisation in the sentence:
 * the text's; "The new chief of A is consultant X": the person's own
 * title may stand after the copula (ex21v). */
Test(extract, a_new_title_owned_by_the_text_or_after_the_copula)
{
    expect_one("The Harlow Museum opened in 1990. The museum presented its "
               "new creative director Ada Lind on Friday.",
               NULL, "Ada Lind", NULL, "Harlow Museum", EXO_EVENT_JOINED);
    expect_one("The new chief executive of Harlow Mills Inc is banker Tom "
               "Reyes.",
               NULL, "Tom Reyes", NULL, "Harlow Mills Inc", EXO_EVENT_JOINED);
}

/* The inverted succession: "Succeeding X will be Y", "Replacing X is Y",
 * Y from elsewhere joins where the text says X left (ex21v). */
Test(extract, succeeding_x_will_be_y_is_a_join)
{
    exo_candidate_list out =
        run("Ada Lind is stepping down as editor of the Hollis Gazette. "
            "Succeeding Lind will be Tom Reyes, currently managing editor at "
            "Marrow Media Inc.",
            NULL);
    const exo_candidate *c = find_cand(&out, "Tom Reyes");
    cr_assert_not_null(c, "no move for Tom Reyes");
    cr_expect_eq(c->event, EXO_EVENT_JOINED);
    cr_expect_str_eq(c->to_org, "Hollis Gazette");
    cr_expect_str_eq(c->from_org, "Marrow Media Inc");
    exo_candidate_list_release(&out);
}

/* "X will take up the post": the post is the text's organisation's, as
 * in "joined the company"; one who "is currently COO" takes it from
 * inside (ex21v). */
Test(extract, take_up_the_post_is_a_join)
{
    expect_one("Harlow Mills Inc has a new chief. Ada Lind, who is currently "
               "deputy head at Quillon Inc, will take up the post in May.",
               NULL, "Ada Lind", "Quillon Inc", "Harlow Mills Inc",
               EXO_EVENT_JOINED);
    expect_none_by_rules("Harlow Mills Inc has a new chief. Ada Lind, who is "
                         "currently chief operating officer, will take up "
                         "the role in May.");
}

/* "X is returning to A ... X takes up the role": one return, not a
 * return and a join (ex21v). */
Test(extract, a_return_told_again_as_a_join_is_one_move)
{
    expect_one("Ada Lind is returning to Harlow Mills Inc after ten years "
               "away. Lind takes up the role of finance chief in May.",
               NULL, "Ada Lind", NULL, "Harlow Mills Inc",
               EXO_EVENT_RETURNED);
}
