/* test_script.c - the script container and building the bulletin; the built
 * bulletin through the plain-text form (test_script_text.c has the rest of
 * that form). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/transitions_bank.h"
#include "spoken/lexicon.h"
#include "spoken/normalise.h"
#include "script/script.h"
#include "script/transitions.h"
#include "support.h"

/* The transition bank the project ships, loaded once for the group. */
static struct nb_transition_bank bank;

static int load_bank(void **state)
{
    (void)state;
    struct nb_error err;
    nb_transition_bank_init(&bank);
    return nb_transition_bank_load(&bank, NB_DATA_DIR "/voices/transitions-en.yaml", &err) == NB_OK
               ? 0
               : -1;
}

static int free_bank(void **state)
{
    (void)state;
    nb_transition_bank_release(&bank);
    return 0;
}

/* Articles and summaries built by hand, so these tests do not depend on
 * the article reader or the summariser. */
struct story {
    struct nb_article article;
    struct nb_summary summary;
};

static void story_make(struct story *st, const char *headline, const char *const *sentences,
                       size_t nsentences, size_t nlead)
{
    memset(st, 0, sizeof(*st));
    st->article.headline = headline ? nb_strdup(headline) : NULL;
    nb_strv_init(&st->article.sentences);
    for (size_t i = 0; i < nsentences; i++)
        assert_int_equal(nb_strv_pushs(&st->article.sentences, sentences[i]), 0);
    st->summary.article = &st->article;
    st->summary.nlead = nlead;
    st->summary.lead = nlead ? calloc(nlead, sizeof(size_t)) : NULL;
    for (size_t i = 0; i < nlead; i++)
        st->summary.lead[i] = i;
}

static void story_free(struct story *st)
{
    free(st->article.headline);
    nb_strv_release(&st->article.sentences);
    free(st->summary.lead);
}

static const char *const storm[] = {
    "Storm Bert has brought flooding to large parts of south Wales.",
    "More than two hundred homes were evacuated overnight in Pontypridd.",
    "The Met Office says more rain is expected on Sunday.",
};
static const char *const budget[] = {
    "The Chancellor, Ms Reeves, has defended the budget — saying it will “fix the foundations”.",
    "Business groups say the rise in employer contributions will cost jobs.",
};
static const char *const rail[] = {
    "Rail fares in England will rise by 4.6% in March.",
    "Campaigners say passengers are paying more for worse services.",
};
static const char *const library[] = {
    "A library book borrowed in 1952 has been returned to a library in Kent.",
    "The borrower's daughter found it in the loft 🎉 and paid the fine of £1.",
};

/* The four stories of the sample bulletin, in order. */
struct bulletin {
    struct story stories[4];
    struct nb_summary summaries[4];
};

static void bulletin_make(struct bulletin *b)
{
    story_make(&b->stories[0], "Storm Bert brings flooding to south Wales", storm, 3, 2);
    story_make(&b->stories[1], "Chancellor defends budget: 'We are fixing the foundations'", budget,
               2, 2);
    story_make(&b->stories[2], "Rail fares to rise by 4.6%", rail, 2, 1);
    story_make(&b->stories[3], "Library book returned 72 years late", library, 2, 2);
    for (size_t i = 0; i < 4; i++)
        b->summaries[i] = b->stories[i].summary;
}

static void bulletin_free(struct bulletin *b)
{
    for (size_t i = 0; i < 4; i++)
        story_free(&b->stories[i]);
}

static struct nb_script_input sample_input(const struct bulletin *b)
{
    struct nb_script_input in = {
        .title = "Morning Briefing",
        .year = 2026,
        .month = 11,
        .day = 28,
        .voice = "anchor",
        .language = "en-gb",
        .stories = b->summaries,
        .nstories = 4,
        .transitions = &bank,
    };
    return in;
}

static void build_ok(struct nb_script *s, const struct nb_script_input *in)
{
    struct nb_error err;
    nb_error_init(&err);
    nb_script_init(s);
    if (nb_script_build(s, in, &err) != NB_OK)
        fail_msg("build: %s", err.message);
}

static char *write_text(const struct nb_script *s)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_script_write_text(s, &out), 0);
    return nb_buf_detach(&out, NULL);
}

static void assert_same_script(const struct nb_script *a, const struct nb_script *b)
{
    assert_int_equal(a->n, b->n);
    if (a->title || b->title)
        assert_string_equal(a->title, b->title);
    if (a->date || b->date)
        assert_string_equal(a->date, b->date);
    for (size_t i = 0; i < a->n; i++) {
        assert_int_equal(a->segments[i].kind, b->segments[i].kind);
        assert_int_equal(a->segments[i].story, b->segments[i].story);
        assert_string_equal(a->segments[i].voice, b->segments[i].voice);
        assert_string_equal(a->segments[i].text, b->segments[i].text);
        assert_string_equal(a->segments[i].spoken, b->segments[i].spoken);
    }
}

/* ---- kinds and segments --------------------------------------------- */

static void test_kind_names(void **state)
{
    (void)state;
    static const char *const names[] = {"intro", "headlines",  "story",
                                        "quote", "transition", "outro"};
    for (size_t i = 0; i < 6; i++) {
        enum nb_segment_kind k;
        assert_string_equal(nb_segment_kind_name((enum nb_segment_kind)i), names[i]);
        assert_int_equal(nb_segment_kind_parse(names[i], &k), 1);
        assert_int_equal(k, (enum nb_segment_kind)i);
    }
    enum nb_segment_kind k = NB_SEG_OUTRO;
    assert_int_equal(nb_segment_kind_parse("Story", &k), 0);
    assert_int_equal(nb_segment_kind_parse("", &k), 0);
    assert_int_equal(k, NB_SEG_OUTRO);
}

static void test_add(void **state)
{
    (void)state;
    struct nb_script s;
    struct nb_error err;
    nb_script_init(&s);
    nb_error_init(&err);
    assert_int_equal(nb_script_add(&s, NB_SEG_STORY, 1, "anchor", "Ms Patel — the minister.", NULL,
                                   "en-gb", &err),
                     NB_OK);
    assert_int_equal(
        nb_script_add(&s, NB_SEG_QUOTE, 1, "reporter", "As written.", "As said.", "en-gb", &err),
        NB_OK);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.segments[0].text, "Ms Patel — the minister.");
    assert_string_equal(s.segments[0].spoken, "Miz Patel, the minister.");
    assert_string_equal(s.segments[1].voice, "reporter");
    assert_string_equal(s.segments[1].spoken, "As said.");

    assert_int_equal(nb_script_add(&s, NB_SEG_STORY, 1, "two words", "Text.", NULL, "en-gb", &err),
                     NB_EINPUT);
    assert_int_equal(nb_script_add(&s, NB_SEG_STORY, 1, NULL, "Text.", NULL, "en-gb", &err),
                     NB_EINPUT);
    assert_int_equal(nb_script_add(&s, NB_SEG_STORY, 1, "anchor", " \n ", NULL, "en-gb", &err),
                     NB_EINPUT);
    assert_int_equal(nb_script_add(&s, NB_SEG_STORY, 1, "anchor", "bad \xff", NULL, "en-gb", &err),
                     NB_EINPUT);
    assert_int_equal(s.n, 2);
    nb_script_release(&s);
    assert_int_equal(s.n, 0);
    assert_null(s.segments);
}

/* ---- building --------------------------------------------------------- */

static void test_build_sample(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_script_input in = sample_input(&b);
    struct nb_script s;
    build_ok(&s, &in);

    assert_string_equal(s.title, "Morning Briefing");
    assert_string_equal(s.date, "2026-11-28");
    assert_int_equal(s.n, 10);
    static const enum nb_segment_kind kinds[] = {
        NB_SEG_INTRO,      NB_SEG_TRANSITION, NB_SEG_STORY,      NB_SEG_TRANSITION, NB_SEG_STORY,
        NB_SEG_TRANSITION, NB_SEG_STORY,      NB_SEG_TRANSITION, NB_SEG_STORY,      NB_SEG_OUTRO,
    };
    static const unsigned stories[] = {0, 1, 1, 2, 2, 3, 3, 4, 4, 0};
    for (size_t i = 0; i < s.n; i++) {
        assert_int_equal(s.segments[i].kind, kinds[i]);
        assert_int_equal(s.segments[i].story, stories[i]);
        assert_string_equal(s.segments[i].voice, "anchor");
    }
    assert_string_equal(s.segments[0].text,
                        "Hello. This is the Morning Briefing for Saturday the 28th of November.");
    assert_string_equal(s.segments[9].text, "That's the Morning Briefing for Saturday the 28th "
                                            "of November. Thanks for listening.");
    assert_string_equal(s.segments[2].text,
                        "Storm Bert has brought flooding to large parts of south Wales. More "
                        "than two hundred homes were evacuated overnight in Pontypridd.");
    assert_string_equal(s.segments[6].text, "Rail fares in England will rise by 4.6% in March.");
    /* the spoken form is the normalised text */
    assert_string_equal(s.segments[4].spoken,
                        "The Chancellor, Miz Reeves, has defended the budget, saying it will "
                        "“fix the foundations”. Business groups say the rise in employer "
                        "contributions will cost jobs.");
    assert_string_equal(s.segments[8].spoken,
                        "A library book borrowed in nineteen fifty two has been returned to a "
                        "library in Kent. The borrower's daughter found it in the loft and paid "
                        "the fine of one pound.");
    /* each transition introduces its story by the headline, as a sentence */
    assert_non_null(strstr(s.segments[1].text, "Storm Bert brings flooding to south Wales."));
    /* a quote in a headline is heard as one (quotation.h) */
    assert_non_null(strstr(s.segments[3].text, "Chancellor defends budget. Quote: “We are fixing "
                                               "the foundations,” end quote."));
    assert_non_null(strstr(s.segments[5].text, "Rail fares to rise by 4.6%."));
    assert_non_null(strstr(s.segments[7].text, "Library book returned 72 years late."));

    /* the whole script, as the producer sees it */
    char *text = write_text(&s);
    char *want = nb_test_fixture("script/morning.script", NULL);
    if (strcmp(text, want) != 0) {
        /* keep what was written, for diffing against the fixture */
        char *dir = nb_test_tmpdir("script");
        char path[1024];
        snprintf(path, sizeof(path), "%s/morning.script", dir);
        FILE *f = fopen(path, "w");
        if (f) {
            fputs(text, f);
            fclose(f);
        }
        free(dir);
        fail_msg("script differs from script/morning.script; written to %s", path);
    }
    free(want);
    free(text);
    nb_script_release(&s);
    bulletin_free(&b);
}

struct intro_case {
    const char *title;
    int year, month, day;
    const char *language;
    const char *intro;
    const char *outro;
};

static const struct intro_case intro_cases[] = {
    {"Morning Briefing", 2026, 11, 28, "en-gb",
     "Hello. This is the Morning Briefing for Saturday the 28th of November.",
     "That's the Morning Briefing for Saturday the 28th of November. Thanks for listening."},
    {"Morning Briefing", 2026, 11, 28, "en-us",
     "Hello. This is the Morning Briefing for Saturday, November 28th.",
     "That's the Morning Briefing for Saturday, November 28th. Thanks for listening."},
    {"The World Tonight", 2024, 2, 29, "en-gb",
     "Hello. This is The World Tonight for Thursday the 29th of February.",
     "That's The World Tonight for Thursday the 29th of February. Thanks for listening."},
    {"the daily digest", 2026, 1, 1, "en-gb",
     "Hello. This is the daily digest for Thursday the 1st of January.",
     "That's the daily digest for Thursday the 1st of January. Thanks for listening."},
    {"Theatre Weekly", 2026, 1, 2, "en-gb",
     "Hello. This is the Theatre Weekly for Friday the 2nd of January.",
     "That's the Theatre Weekly for Friday the 2nd of January. Thanks for listening."},
    {"Your Evening Update", 2026, 1, 3, "en-gb",
     "Hello. This is Your Evening Update for Saturday the 3rd of January.",
     "That's Your Evening Update for Saturday the 3rd of January. Thanks for listening."},
    {"  Morning\n  Briefing. ", 2026, 1, 11, "en-gb",
     "Hello. This is the Morning Briefing for Sunday the 11th of January.",
     "That's the Morning Briefing for Sunday the 11th of January. Thanks for listening."},
    {NULL, 2026, 1, 12, "en-gb", "Hello. Here is the news for Monday the 12th of January.",
     "That's the news for Monday the 12th of January. Thanks for listening."},
    {"   ", 2026, 1, 13, "en-gb", "Hello. Here is the news for Tuesday the 13th of January.",
     "That's the news for Tuesday the 13th of January. Thanks for listening."},
    {"Briefing", 2026, 1, 21, "fr",
     "Hello. This is the Briefing for Wednesday the 21st of January.",
     "That's the Briefing for Wednesday the 21st of January. Thanks for listening."},
    {"Briefing", 2026, 1, 22, "en-gb",
     "Hello. This is the Briefing for Thursday the 22nd of January.",
     "That's the Briefing for Thursday the 22nd of January. Thanks for listening."},
    {"Briefing", 2026, 1, 23, "en-gb",
     "Hello. This is the Briefing for Friday the 23rd of January.",
     "That's the Briefing for Friday the 23rd of January. Thanks for listening."},
    {"Briefing", 2026, 1, 31, "en-gb",
     "Hello. This is the Briefing for Saturday the 31st of January.",
     "That's the Briefing for Saturday the 31st of January. Thanks for listening."},
    {"Briefing", 2026, 3, 12, "en-us", "Hello. This is the Briefing for Thursday, March 12th.",
     "That's the Briefing for Thursday, March 12th. Thanks for listening."},
};

static void test_intro_and_outro(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    for (size_t i = 0; i < sizeof(intro_cases) / sizeof(intro_cases[0]); i++) {
        const struct intro_case *c = &intro_cases[i];
        struct nb_script_input in = sample_input(&b);
        in.title = c->title;
        in.year = c->year;
        in.month = c->month;
        in.day = c->day;
        in.language = c->language;
        struct nb_script s;
        build_ok(&s, &in);
        assert_int_equal(s.segments[0].kind, NB_SEG_INTRO);
        assert_int_equal(s.segments[s.n - 1].kind, NB_SEG_OUTRO);
        if (strcmp(s.segments[0].text, c->intro) != 0)
            fail_msg("intro %zu: got '%s'", i, s.segments[0].text);
        if (strcmp(s.segments[s.n - 1].text, c->outro) != 0)
            fail_msg("outro %zu: got '%s'", i, s.segments[s.n - 1].text);
        assert_string_equal(s.segments[0].voice, "anchor");
        assert_string_equal(s.segments[s.n - 1].voice, "anchor");
        nb_script_release(&s);
    }
    bulletin_free(&b);
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void test_positions(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    static const char *const first[] = {"First, ",
                                        "Our top story: ", "We begin with our main story. ",
                                        "Leading the news: ", "Making the headlines: "};
    static const char *const last[] = {"And finally, ", "Finally, ",
                                       "And our last story: ", "And to finish, ", "Lastly, "};
    for (int day = 1; day <= 28; day++) {
        for (size_t n = 1; n <= 4; n++) {
            struct nb_script_input in = sample_input(&b);
            in.day = day;
            in.nstories = n;
            struct nb_script s;
            build_ok(&s, &in);
            assert_int_equal(s.n, 2 + 2 * n);
            int ok_first = 0, ok_last = n == 1;
            for (size_t k = 0; k < 5; k++) {
                ok_first |= starts_with(s.segments[1].text, first[k]);
                if (n > 1)
                    ok_last |= starts_with(s.segments[2 * n - 1].text, last[k]);
            }
            if (!ok_first || !ok_last)
                fail_msg("day %d, %zu stories: '%s' ... '%s'", day, n, s.segments[1].text,
                         s.segments[2 * n - 1].text);
            for (size_t k = 3; k + 2 < 2 * n - 1; k += 2)
                for (size_t f = 0; f < 5; f++)
                    if (starts_with(s.segments[k].text, first[f]) ||
                        starts_with(s.segments[k].text, last[f]))
                        fail_msg("middle transition '%s'", s.segments[k].text);
            nb_script_release(&s);
        }
    }
    bulletin_free(&b);
}

static void test_skips_empty_lead(void **state)
{
    (void)state;
    static const char *const blank[] = {"   "};
    struct story st[4];
    story_make(&st[0], "Nothing here", storm, 3, 0);
    story_make(&st[1], "Storm Bert brings flooding", storm, 3, 1);
    story_make(&st[2], "Blank lead", blank, 1, 1);
    story_make(&st[3], "Rail fares to rise", rail, 2, 1);
    struct nb_summary sums[4];
    for (size_t i = 0; i < 4; i++)
        sums[i] = st[i].summary;
    struct nb_script_input in = {
        .title = "Morning Briefing",
        .year = 2026,
        .month = 11,
        .day = 28,
        .voice = "anchor",
        .language = "en-gb",
        .stories = sums,
        .nstories = 4,
        .transitions = &bank,
    };
    struct nb_script s;
    build_ok(&s, &in);
    assert_int_equal(s.n, 6);
    assert_int_equal(s.segments[1].story, 1);
    assert_int_equal(s.segments[2].story, 1);
    assert_int_equal(s.segments[3].story, 2);
    assert_int_equal(s.segments[4].story, 2);
    assert_non_null(strstr(s.segments[1].text, "Storm Bert brings flooding."));
    assert_non_null(strstr(s.segments[3].text, "Rail fares to rise."));
    /* two stories read: the second is the last */
    assert_true(strstr(s.segments[3].text, "inally") || strstr(s.segments[3].text, "astly") ||
                strstr(s.segments[3].text, "last story") ||
                strstr(s.segments[3].text, "to finish"));
    nb_script_release(&s);
    for (size_t i = 0; i < 4; i++)
        story_free(&st[i]);
}

static void test_build_errors(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_script s;
    struct nb_error err;
    struct nb_script_input in = sample_input(&b);

    in.nstories = 0;
    nb_script_init(&s);
    assert_int_equal(nb_script_build(&s, &in, &err), NB_EINPUT);
    assert_int_equal(s.n, 0);
    assert_null(s.title);

    in = sample_input(&b);
    in.day = 31; /* 31 November */
    assert_int_equal(nb_script_build(&s, &in, &err), NB_EINPUT);
    assert_string_equal(err.message, "the bulletin's date '2026-11-31' is not a real date");

    in = sample_input(&b);
    in.has_time = 1;
    in.hour = 25;
    assert_int_equal(nb_script_build(&s, &in, &err), NB_EINPUT);
    assert_string_equal(err.message, "the bulletin's time '25:00' is not a time of day");

    in = sample_input(&b);
    in.voice = "news anchor";
    assert_int_equal(nb_script_build(&s, &in, &err), NB_EINPUT);
    assert_string_equal(err.message, "voice name 'news anchor' cannot be used in a script (it "
                                     "must be one word without brackets)");
    assert_int_equal(s.n, 0);

    struct story bad;
    story_make(&bad, "Out of range", rail, 2, 1);
    bad.summary.lead[0] = 7;
    in = sample_input(&b);
    in.stories = &bad.summary;
    in.nstories = 1;
    assert_int_equal(nb_script_build(&s, &in, &err), NB_EINTERNAL);
    assert_int_equal(s.n, 0);
    story_free(&bad);
    bulletin_free(&b);
}

static void test_deterministic(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_script_input in = sample_input(&b);
    struct nb_script s1, s2;
    build_ok(&s1, &in);
    build_ok(&s2, &in);
    char *t1 = write_text(&s1), *t2 = write_text(&s2);
    assert_string_equal(t1, t2);
    assert_same_script(&s1, &s2);
    free(t2);
    nb_script_release(&s2);

    /* another title may choose other transitions; some title must */
    static const char *const titles[] = {"Evening Briefing", "Newsbeat",        "The World Tonight",
                                         "Lunchtime News",   "Weekend Roundup", "Early Edition"};
    int differs = 0;
    for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
        in.title = titles[i];
        build_ok(&s2, &in);
        for (size_t k = 1; k < s1.n - 1; k++)
            if (s1.segments[k].kind == NB_SEG_TRANSITION &&
                strcmp(s1.segments[k].text, s2.segments[k].text) != 0)
                differs = 1;
        nb_script_release(&s2);
    }
    assert_true(differs);
    free(t1);
    nb_script_release(&s1);
    bulletin_free(&b);
}

struct greeting_case {
    int has_time, hour;
    const char *greeting, *time_of_day;
};

static const struct greeting_case greeting_cases[] = {
    {0, 9, "Hello", "day"},
    {0, 0, "Hello", "day"},
    {1, 0, "Good evening", "evening"},
    {1, 3, "Good evening", "evening"},
    {1, 4, "Good morning", "morning"},
    {1, 11, "Good morning", "morning"},
    {1, 12, "Good afternoon", "afternoon"},
    {1, 17, "Good afternoon", "afternoon"},
    {1, 18, "Good evening", "evening"},
    {1, 23, "Good evening", "evening"},
};

static void test_greeting(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(greeting_cases) / sizeof(greeting_cases[0]); i++) {
        const struct greeting_case *c = &greeting_cases[i];
        const char *g = nb_script_greeting(c->has_time, c->hour);
        const char *t = nb_script_time_of_day(c->has_time, c->hour);
        if (strcmp(g, c->greeting) != 0 || strcmp(t, c->time_of_day) != 0)
            fail_msg("case %zu (%d, %d): got '%s', '%s'", i, c->has_time, c->hour, g, t);
    }
}

/* Which stories are read: not an empty lead, not a story told twice. */
static void test_stories_read(void **state)
{
    (void)state;
    static const char *const blank[] = {"   "};
    struct story st[5];
    story_make(&st[0], "Storm Bert brings flooding", storm, 3, 2);
    story_make(&st[1], "Storm Bert: homes evacuated", storm, 3, 2); /* the same lead */
    story_make(&st[2], "Nothing here", rail, 2, 0);
    story_make(&st[3], "Blank lead", blank, 1, 1);
    story_make(&st[4], "Rail fares to rise", rail, 2, 1);
    struct nb_summary sums[5];
    for (size_t i = 0; i < 5; i++)
        sums[i] = st[i].summary;
    struct nb_script_input in = {.stories = sums, .nstories = 5};
    unsigned char keep[5];
    memset(keep, 0xAA, sizeof(keep));
    size_t nread = 99;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_script_stories_read(&in, keep, &nread, &err), NB_OK);
    assert_int_equal(nread, 2);
    static const unsigned char want[5] = {1, 0, 0, 0, 1};
    assert_memory_equal(keep, want, sizeof(want));

    /* no stories: none read, which is an error of the input */
    in.nstories = 0;
    assert_int_equal(nb_script_stories_read(&in, keep, &nread, &err), NB_EINPUT);
    assert_int_equal(nread, 0);
    assert_string_equal(err.message, "no story to read: every article's lead is empty");

    /* a lead sentence past the article's sentences: broken */
    sums[4].lead[0] = 7;
    in.nstories = 5;
    assert_int_equal(nb_script_stories_read(&in, keep, &nread, &err), NB_EINTERNAL);
    assert_string_equal(err.message, "a story's lead sentence is out of range");
    for (size_t i = 0; i < 5; i++)
        story_free(&st[i]);
}

/* Many stories, one in five an earlier one told again with a word or two
 * changed: the stories read are those that comparing every lead with
 * every earlier lead read gives. */
static void test_stories_read_many(void **state)
{
    (void)state;
    enum { N = 400, SENTENCES = 2, WORDS = 14 };
    static const char *const common[] = {"the", "a", "of", "to", "in", "and", "said", "was"};
    static const char *const syllables[] = {"ba", "ko", "ri", "na", "te", "lo", "mu", "si"};
    struct story *st = calloc(N, sizeof(*st));
    struct nb_summary *sums = calloc(N, sizeof(*sums));
    char **lead = calloc(N, sizeof(*lead));
    assert_true(st && sums && lead);
    uint64_t seed = 100;
    size_t retold = 0;
    for (size_t i = 0; i < N; i++) {
        char sentence[SENTENCES][256];
        const char *v[SENTENCES];
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        size_t from = i ? (size_t)(seed >> 33) % i : 0;
        int again = i > 0 && (seed >> 20) % 5 == 0;
        for (size_t k = 0; k < SENTENCES; k++) {
            if (again) { /* the earlier story's sentence, its last word changed */
                const char *old = st[from].article.sentences.v[k];
                size_t cut = strlen(old) - 1;
                while (cut && old[cut - 1] != ' ')
                    cut--;
                snprintf(sentence[k], sizeof(sentence[k]), "%.*sretold%zu.", (int)cut, old, i);
            } else {
                size_t at = 0;
                for (size_t w = 0; w < WORDS; w++) {
                    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                    uint32_t r = (uint32_t)(seed >> 33);
                    if (r % 3 == 0) {
                        at += (size_t)snprintf(sentence[k] + at, sizeof(sentence[k]) - at, "%s ",
                                               common[r / 3 % 8]);
                    } else {
                        for (size_t y = 0; y < 3; y++) /* one of 512 made-up words */
                            at += (size_t)snprintf(sentence[k] + at, sizeof(sentence[k]) - at, "%s",
                                                   syllables[(r >> (3 * y + 4)) % 8]);
                        sentence[k][at++] = ' ';
                    }
                }
                sentence[k][at - 1] = '.';
                sentence[k][at] = '\0';
                sentence[k][0] = (char)(sentence[k][0] - 'a' + 'A');
            }
            v[k] = sentence[k];
        }
        retold += (size_t)again;
        story_make(&st[i], "A story", v, SENTENCES, SENTENCES);
        sums[i] = st[i].summary;
        struct nb_buf b;
        nb_buf_init(&b, 0);
        assert_int_equal(nb_buf_addf(&b, "%s %s", v[0], v[1]), NB_OK);
        lead[i] = nb_buf_detach(&b, NULL);
    }
    unsigned char *keep = calloc(N, 1), *want = calloc(N, 1);
    assert_true(keep && want);
    size_t nwant = 0;
    for (size_t i = 0; i < N; i++) {
        want[i] = 1;
        for (size_t j = 0; j < i && want[i]; j++)
            if (want[j] && nb_summary_similarity(lead[i], lead[j]) >= NB_SCRIPT_DUPLICATE)
                want[i] = 0;
        nwant += want[i];
    }
    struct nb_script_input in = {.stories = sums, .nstories = N};
    size_t nread = 0;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_script_stories_read(&in, keep, &nread, &err), NB_OK);
    assert_int_equal(nread, nwant);
    assert_memory_equal(keep, want, N);
    /* the test tells something: the retold stories, and only they, are
     * skipped */
    assert_true(retold > N / 8);
    assert_int_equal(nread, N - retold);
    for (size_t i = 0; i < N; i++) {
        story_free(&st[i]);
        free(lead[i]);
    }
    free(keep);
    free(want);
    free(lead);
    free(sums);
    free(st);
}

/* ---- the built bulletin in the plain-text form -------------------------- */

static void parse_ok(struct nb_script *s, const char *text, const char *language)
{
    struct nb_error err;
    nb_error_init(&err);
    nb_script_init(s);
    if (nb_script_parse_text(s, text, strlen(text), "test.script", language, &err) != NB_OK) {
        char msg[1200];
        fail_msg("parse: %s", nb_error_format(&err, msg, sizeof(msg)));
    }
}

static void test_round_trip(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    static const char *const languages[] = {"en-gb", "en-us", "fr"};
    for (size_t l = 0; l < 3; l++) {
        for (int day = 1; day <= 28; day += 9) {
            struct nb_script_input in = sample_input(&b);
            in.language = languages[l];
            in.day = day;
            struct nb_script built, parsed;
            build_ok(&built, &in);
            char *text = write_text(&built);
            assert_true(nb_script_is_text(text, strlen(text)));
            parse_ok(&parsed, text, languages[l]);
            char *again = write_text(&parsed);
            assert_string_equal(text, again);
            assert_same_script(&built, &parsed);
            free(text);
            free(again);
            nb_script_release(&built);
            nb_script_release(&parsed);
        }
    }
    bulletin_free(&b);
}

/* Out of memory (here: over the buffer's cap) leaves the buffer as it was. */
static void test_write_over_cap(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_script_input in = sample_input(&b);
    struct nb_script s;
    build_ok(&s, &in);
    char *full = write_text(&s);
    size_t len = strlen(full);
    for (size_t cap = 1; cap < len + 8; cap += 97) {
        struct nb_buf out;
        nb_buf_init(&out, cap);
        nb_status rc = nb_script_write_text(&s, &out);
        if (cap < len) {
            assert_int_equal(rc, NB_ENOMEM);
            assert_int_equal(out.len, 0);
        } else {
            assert_int_equal(rc, 0);
            assert_string_equal(out.data, full);
        }
        nb_buf_release(&out);
    }
    free(full);
    nb_script_release(&s);
    bulletin_free(&b);
}

struct attribution_case {
    const char *speaker, *role, *text;
    int split;
    const char *lead_in, *quote;
};

static const struct attribution_case attribution_cases[] = {
    {"Ola Berg", "Norway's foreign minister", "We will not give up", 0, "",
     "Norway's foreign minister, Ola Berg, said: \xE2\x80\x9CWe will not give up.\xE2\x80\x9D"},
    {"Ola Berg", "Norway's foreign minister", "We will not give up.", 1,
     "Norway's foreign minister, Ola Berg, said:", "We will not give up."},
    {"Morag Duthie", NULL, "Nobody is pleased.", 0, "",
     "Morag Duthie said: \xE2\x80\x9CNobody is pleased.\xE2\x80\x9D"},
    {"Euan Reid", "a local councillor", "It is an embarrassment.", 0, "",
     "Euan Reid, a local councillor, said: \xE2\x80\x9CIt is an embarrassment.\xE2\x80\x9D"},
    {"the Met Office", NULL, "More rain is on the way", 0, "",
     "The Met Office said: \xE2\x80\x9CMore rain is on the way.\xE2\x80\x9D"},
    {"He", NULL, "We will not give up.", 0, "",
     "\xE2\x80\x9CWe will not give up,\xE2\x80\x9D he said."},
    {"she", NULL, "Why now?", 0, "", "\xE2\x80\x9CWhy now?\xE2\x80\x9D she said."},
    {"she", NULL, "Why now?", 1, "She said:", "Why now?"},
    {"Paul Benoit", "of the Lyon Institute of Astronomy", "It is a hint.", 1,
     "Paul Benoit of the Lyon Institute of Astronomy said:", "It is a hint."},
    {"Euan Reid", "Councillor", "It is an embarrassment.", 1,
     "Councillor Euan Reid said:", "It is an embarrassment."},
    {"Ola Berg", "the foreign minister", "No.", 1, "The foreign minister, Ola Berg, said:", "No."},
};

static void test_attribution(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(attribution_cases) / sizeof(attribution_cases[0]); i++) {
        const struct attribution_case *c = &attribution_cases[i];
        struct nb_quote q = {(char *)c->text, (char *)c->speaker, (char *)c->role, 0, 0, 0};
        struct nb_buf lead_in, quote;
        nb_buf_init(&lead_in, 0);
        nb_buf_init(&quote, 0);
        assert_int_equal(nb_script_quote_text(&q, c->split, &lead_in, &quote), 0);
        if (strcmp(lead_in.data, c->lead_in) != 0 || strcmp(quote.data, c->quote) != 0)
            fail_msg("case %zu: got '%s' / '%s'", i, lead_in.data, quote.data);
        nb_buf_release(&lead_in);
        nb_buf_release(&quote);
    }
}

/* Quotes in a second voice, headlines, recap, greeting and duplicates. */
static void test_features(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_article *storm_article = &b.stories[0].article;
    storm_article->quotes = calloc(2, sizeof(struct nb_quote));
    storm_article->quotes[0] = (struct nb_quote){nb_strdup("We have never seen water like it"),
                                                 nb_strdup("Gareth Evans"),
                                                 nb_strdup("a local farmer"),
                                                 0,
                                                 2,
                                                 0};
    storm_article->quotes[1] =
        (struct nb_quote){nb_strdup("scary"), nb_strdup("Mr Evans"), NULL, 1, 2, 0};
    storm_article->nquotes = 2;
    size_t picks[2] = {0, 1};
    b.summaries[0].quotes = picks;
    b.summaries[0].nquotes = 2; /* the partial one is never read, even when picked */
    struct nb_script_input in = sample_input(&b);
    in.quote_voice = "correspondent";
    in.headlines = in.recap = 1;
    in.has_time = 1;
    in.hour = 18;
    struct nb_script s;
    build_ok(&s, &in);
    assert_string_equal(s.segments[0].text,
                        "Good evening. This is the Morning Briefing for Saturday the 28th of "
                        "November.");
    assert_int_equal(s.segments[1].kind, NB_SEG_HEADLINES);
    assert_true(strncmp(s.segments[1].text,
                        "First, the headlines. Storm Bert brings flooding "
                        "to south Wales. Chancellor defends budget",
                        80) == 0);
    size_t quotes = 0;
    for (size_t i = 0; i < s.n; i++) {
        if (s.segments[i].kind != NB_SEG_QUOTE)
            continue;
        quotes++;
        assert_string_equal(s.segments[i].voice, "correspondent");
        assert_string_equal(s.segments[i].text, "We have never seen water like it.");
        assert_int_equal(s.segments[i - 1].kind, NB_SEG_STORY);
        const char *lead = s.segments[i - 1].text;
        const char *tail = "Gareth Evans, a local farmer, said:";
        assert_string_equal(lead + strlen(lead) - strlen(tail), tail);
    }
    assert_int_equal(quotes, 1);
    assert_int_equal(s.segments[s.n - 2].kind, NB_SEG_HEADLINES);
    assert_true(strncmp(s.segments[s.n - 2].text, "Once again, the main stories.", 29) == 0);
    nb_script_release(&s);

    /* the same story from two sources is read once */
    struct nb_summary twice[3] = {b.summaries[0], b.summaries[2], b.summaries[0]};
    in.stories = twice;
    in.nstories = 3;
    in.headlines = in.recap = 0;
    build_ok(&s, &in);
    unsigned last = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.segments[i].story > last)
            last = s.segments[i].story;
    assert_int_equal(last, 2);
    nb_script_release(&s);

    /* the briefing's own intro and outro */
    in.intro = "{time_of_day} news: {title}, {count} stories, {date}.";
    in.outro = "Goodbye from {title}.";
    build_ok(&s, &in);
    assert_string_equal(
        s.segments[0].text,
        "evening news: Morning Briefing, 2 stories, Saturday the 28th of November.");
    assert_string_equal(s.segments[s.n - 1].text, "Goodbye from Morning Briefing.");
    nb_script_release(&s);
    b.summaries[0].quotes = NULL;
    b.summaries[0].nquotes = 0;
    for (size_t i = 0; i < 2; i++) {
        free(storm_article->quotes[i].text);
        free(storm_article->quotes[i].speaker);
        free(storm_article->quotes[i].role);
    }
    free(storm_article->quotes);
    bulletin_free(&b);
}

/* Each thing said once: with the headlines read, a transition is a
 * connective without the headline; the recap holds the first
 * NB_SCRIPT_RECAP_STORIES headlines; a quote the lead already says is not
 * read again. */
static void test_said_once(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_article *storm_article = &b.stories[0].article;
    storm_article->quotes = calloc(2, sizeof(struct nb_quote));
    /* the lead's second sentence holds this one */
    storm_article->quotes[0] = (struct nb_quote){
        nb_strdup("More than two hundred homes were evacuated overnight in Pontypridd"),
        nb_strdup("Gareth Evans"),
        NULL,
        0,
        1,
        0};
    storm_article->quotes[1] = (struct nb_quote){
        nb_strdup("We have never seen water like it"), nb_strdup("Ann Reed"), NULL, 0, 2, 0};
    storm_article->nquotes = 2;
    size_t picks[2] = {0, 1};
    b.summaries[0].quotes = picks;
    b.summaries[0].nquotes = 2;
    struct nb_script_input in = sample_input(&b);
    in.quote_voice = "correspondent";
    in.headlines = in.recap = 1;
    struct nb_script s;
    build_ok(&s, &in);
    size_t quotes = 0, recaps = 0;
    for (size_t i = 0; i < s.n; i++) {
        const struct nb_segment *g = &s.segments[i];
        if (g->kind == NB_SEG_TRANSITION)
            for (size_t k = 0; k < 4; k++)
                if (strstr(g->text, b.stories[k].article.headline))
                    fail_msg("transition '%s' says a headline again", g->text);
        if (g->kind == NB_SEG_QUOTE) {
            quotes++;
            assert_string_equal(g->text, "We have never seen water like it.");
        }
        if (g->kind == NB_SEG_HEADLINES && i > 1) {
            recaps++;
            assert_non_null(strstr(g->text, "Storm Bert brings flooding"));
            assert_non_null(strstr(g->text, "Chancellor defends budget"));
            assert_null(strstr(g->text, "Rail fares")); /* the third story: not again */
            assert_null(strstr(g->text, "Library book"));
        }
    }
    assert_int_equal(quotes, 1);
    assert_int_equal(recaps, 1);
    nb_script_release(&s);

    /* a speaker the lead has just named is not named and described again:
     * the name the article uses on its own */
    free(storm_article->quotes[1].speaker);
    storm_article->quotes[1].speaker = nb_strdup("Pontypridd");
    storm_article->quotes[1].role = nb_strdup("the town");
    storm_article->quotes[1].speaker_id = 1;
    struct nb_speaker town = {1, "Pontypridd", "Ponty", NULL, NULL, 0, NULL};
    storm_article->speakers = &town;
    storm_article->nspeakers = 1;
    build_ok(&s, &in);
    int short_named = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.segments[i].kind == NB_SEG_STORY && s.segments[i].story == 1) {
            const char *t = s.segments[i].text;
            short_named |= strlen(t) > 12 && strcmp(t + strlen(t) - 12, " Ponty said:") == 0;
            assert_null(strstr(t, "the town"));
        }
    assert_true(short_named);
    nb_script_release(&s);
    storm_article->speakers = NULL;
    storm_article->nspeakers = 0;

    /* without the headlines list, the transition introduces the story */
    in.headlines = 0;
    build_ok(&s, &in);
    int said = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.segments[i].kind == NB_SEG_TRANSITION &&
            strstr(s.segments[i].text, "Storm Bert brings flooding"))
            said = 1;
    assert_true(said);
    nb_script_release(&s);

    b.summaries[0].quotes = NULL;
    b.summaries[0].nquotes = 0;
    for (size_t i = 0; i < 2; i++) {
        free(storm_article->quotes[i].text);
        free(storm_article->quotes[i].speaker);
        free(storm_article->quotes[i].role);
    }
    free(storm_article->quotes);
    bulletin_free(&b);
}

/* A voice per person quoted: the pool's women's voices for "she", men's
 * for "he"; the same person in the same voice in every story; two people
 * one after the other never in one voice. */
static void test_voice_per_speaker(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_article *storm_article = &b.stories[0].article, *rail_article = &b.stories[2].article;
    struct nb_speaker storm_people[2] = {
        {1, "Ann Reed", "Reed", NULL, NULL, NB_PRONOUN_SHE, NULL},
        {2, "Gareth Evans", "Evans", NULL, NULL, NB_PRONOUN_HE, NULL}};
    struct nb_speaker rail_people[2] = {{1, "Ann  Reed", "Reed", NULL, NULL, NB_PRONOUN_NONE, NULL},
                                        {2, "Tom Hale", "Hale", NULL, NULL, NB_PRONOUN_NONE, NULL}};
    struct nb_quote storm_quotes[3] = {
        {"We have never seen water like it", "Ann Reed", NULL, 0, 1, 1},
        {"The river rose a metre in an hour", "Gareth Evans", NULL, 0, 1, 2},
        {"Nobody could have stopped it", "she", NULL, 0, 1, 1},
    };
    struct nb_quote rail_quotes[2] = {
        {"Fares keep rising and trains keep failing", "Tom Hale", NULL, 0, 1, 2},
        {"Passengers deserve better than this", "Reed", NULL, 0, 1, 1},
    };
    storm_article->quotes = storm_quotes;
    storm_article->nquotes = 3;
    storm_article->speakers = storm_people;
    storm_article->nspeakers = 2;
    rail_article->quotes = rail_quotes;
    rail_article->nquotes = 2;
    rail_article->speakers = rail_people;
    rail_article->nspeakers = 2;
    size_t picks[3] = {0, 1, 2};
    b.summaries[0].quotes = picks;
    b.summaries[0].nquotes = 3;
    b.summaries[2].quotes = picks;
    b.summaries[2].nquotes = 2;
    static const char *const female[] = {"correspondent+f3", "correspondent+f2"};
    static const char *const male[] = {"correspondent+m3", "correspondent+m7"};
    struct nb_script_input in = sample_input(&b);
    in.quote_voice = "correspondent";
    in.quote_voices = (struct nb_voice_pool){female, 2, male, 2};
    struct nb_script s;
    build_ok(&s, &in);
    const char *heard[8] = {0};
    size_t n = 0;
    for (size_t i = 0; i < s.n; i++)
        if (s.segments[i].kind == NB_SEG_QUOTE) {
            assert_true(n < 8);
            heard[n++] = s.segments[i].voice;
        }
    assert_int_equal(n, 5);
    assert_string_equal(heard[0], "correspondent+f3"); /* Ann Reed: she */
    assert_string_equal(heard[1], "correspondent+m3"); /* Gareth Evans: he */
    assert_string_equal(heard[2], "correspondent+f3"); /* "she" is Ann Reed */
    /* Tom Hale, unknown, in a voice unlike the one before and after */
    assert_string_not_equal(heard[3], heard[2]);
    assert_string_not_equal(heard[3], heard[4]);
    assert_string_equal(heard[4], "correspondent+f3"); /* Ann Reed again, another story */
    /* the quote voice itself when the pool is empty */
    nb_script_release(&s);
    in.quote_voices = (struct nb_voice_pool){NULL, 0, NULL, 0};
    build_ok(&s, &in);
    for (size_t i = 0; i < s.n; i++)
        if (s.segments[i].kind == NB_SEG_QUOTE)
            assert_string_equal(s.segments[i].voice, "correspondent");
    nb_script_release(&s);
    for (size_t k = 0; k < 4; k++) {
        b.stories[k].article.quotes = NULL;
        b.stories[k].article.nquotes = 0;
        b.stories[k].article.speakers = NULL;
        b.stories[k].article.nspeakers = 0;
        b.summaries[k].quotes = NULL;
        b.summaries[k].nquotes = 0;
    }
    bulletin_free(&b);
}

/* A lexicon changes the spoken form only, and the script keeps the
 * briefing's lexicon file so that the edited script is said the same way. */
static void test_lexicon(void **state)
{
    (void)state;
    struct bulletin b;
    bulletin_make(&b);
    struct nb_error err;
    nb_error_init(&err);
    struct nb_lexicon *lex = nb_lexicon_new();
    assert_non_null(lex);
    assert_int_equal(nb_lexicon_add(lex, "Pontypridd", "Pont-uh-preeth", 0, NB_LEXICON_BRIEFING,
                                    "names.yaml:2", &err),
                     NB_OK);
    struct nb_script_input in = sample_input(&b);
    in.lexicon = lex;
    in.lexicon_path = "/srv/news/names.yaml";
    struct nb_script s, parsed;
    build_ok(&s, &in);
    assert_non_null(strstr(s.segments[2].text, "in Pontypridd."));
    assert_non_null(strstr(s.segments[2].spoken, "in Pont-uh-preeth."));
    assert_null(strstr(s.segments[2].spoken, "Pontypridd"));
    assert_string_equal(s.lexicon, "/srv/news/names.yaml");
    char *text = write_text(&s);
    assert_non_null(strstr(text, "\n# lexicon: /srv/news/names.yaml\n"));
    parse_ok(&parsed, text, "en-gb");
    assert_string_equal(parsed.lexicon, "/srv/news/names.yaml");
    /* parsing alone knows no lexicon: the caller says the words again */
    assert_non_null(strstr(parsed.segments[2].spoken, "Pontypridd"));
    free(text);
    nb_script_release(&parsed);
    nb_script_release(&s);

    /* without one, no lexicon line */
    in.lexicon = NULL;
    in.lexicon_path = NULL;
    build_ok(&s, &in);
    assert_null(s.lexicon);
    text = write_text(&s);
    assert_null(strstr(text, "# lexicon:"));
    free(text);
    nb_script_release(&s);

    /* nb_script_add_ex normalises with the lexicon it is given */
    struct nb_normaliser norm = {.language = "en-us", .lexicon = lex};
    nb_script_init(&s);
    assert_int_equal(nb_script_add_ex(&s, NB_SEG_STORY, 1, "anchor", "Rain in Pontypridd: 40%.",
                                      NULL, &norm, &err),
                     NB_OK);
    assert_string_equal(s.segments[0].spoken, "Rain in Pont-uh-preeth: forty percent.");
    nb_script_release(&s);
    nb_lexicon_free(lex);
    bulletin_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kind_names),   cmocka_unit_test(test_add),
        cmocka_unit_test(test_build_sample), cmocka_unit_test(test_intro_and_outro),
        cmocka_unit_test(test_positions),    cmocka_unit_test(test_skips_empty_lead),
        cmocka_unit_test(test_build_errors), cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_round_trip),   cmocka_unit_test(test_write_over_cap),
        cmocka_unit_test(test_lexicon),      cmocka_unit_test(test_greeting),
        cmocka_unit_test(test_stories_read), cmocka_unit_test(test_stories_read_many),
    };
    const struct CMUnitTest more[] = {
        cmocka_unit_test(test_attribution),
        cmocka_unit_test(test_features),
        cmocka_unit_test(test_said_once),
        cmocka_unit_test(test_voice_per_speaker),
    };
    return cmocka_run_group_tests(tests, load_bank, free_bank) |
           cmocka_run_group_tests(more, load_bank, free_bank);
}
