/* test_fit.c - fitting a bulletin to its slot, with a fake synthesiser. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/transitions_bank.h"
#include "script/fit.h"
#include "script/transitions.h"

enum { STORIES = 8, SENTENCES = 10 };

struct world {
    struct nb_transition_bank bank;
    struct nb_article articles[STORIES];
    struct nb_summary summaries[STORIES];
};

static int setup(void **state)
{
    struct world *w = calloc(1, sizeof(*w));
    struct nb_error err;
    nb_transition_bank_init(&w->bank);
    if (nb_transition_bank_load(&w->bank, NB_DATA_DIR "/voices/transitions-en.yaml", &err) != NB_OK)
        return -1;
    static const char *const topics[] = {"harbour",  "fishing", "chips",   "clinics",
                                         "football", "planets", "weather", "markets"};
    for (size_t k = 0; k < STORIES; k++) {
        struct nb_article *a = &w->articles[k];
        nb_article_init(a);
        char line[256];
        snprintf(line, sizeof(line), "Story about %s makes the news", topics[k]);
        a->headline = strdup(line);
        for (size_t i = 0; i < SENTENCES; i++) {
            /* words of their own, so that no two stories look alike */
            snprintf(line, sizeof(line), "The %s%zua %s%zub %s%zuc %s%zud reported%s.", topics[k],
                     i, topics[k], i, topics[k], i, topics[k], i,
                     i % 3 ? " with a few more words" : "");
            nb_strv_pushs(&a->sentences, line);
        }
        struct nb_summary_options o = {.sentences = SENTENCES, .quotes = 1};
        if (nb_summary_make(&w->summaries[k], a, &o, &err) != NB_OK)
            return -1;
    }
    *state = w;
    return 0;
}

static int teardown(void **state)
{
    struct world *w = *state;
    for (size_t k = 0; k < STORIES; k++) {
        nb_summary_release(&w->summaries[k]);
        nb_article_release(&w->articles[k]);
    }
    nb_transition_bank_release(&w->bank);
    free(w);
    return 0;
}

/* The fake synthesiser: 0.065 s a byte, 0.6 s after every segment and
 * 1.2 s more before each new story; counts its calls. */
static nb_status fake_measure(void *ctx, const struct nb_script *s, double limit, double *seconds,
                              size_t *measured, double *total, struct nb_error *err)
{
    (void)err;
    (*(unsigned *)ctx)++;
    *total = 0;
    *measured = s->n;
    for (size_t i = 0; i < s->n; i++) {
        if (limit > 0 && *total >= limit) {
            *measured = i; /* stops once the slot is filled, as the real one does */
            break;
        }
        seconds[i] = 0.065 * (double)strlen(s->segments[i].spoken) + 0.6;
        if (i + 1 < s->n && s->segments[i + 1].story != s->segments[i].story)
            seconds[i] += 1.2;
        *total += seconds[i];
    }
    return NB_OK;
}

static double fake_total(const struct nb_script *s)
{
    double *sec = calloc(s->n, sizeof(double)), total = 0;
    unsigned calls = 0;
    size_t measured;
    fake_measure(&calls, s, 0, sec, &measured, &total, NULL);
    free(sec);
    return total;
}

static struct nb_script_input input(struct world *w, int headlines)
{
    struct nb_script_input in = {
        .title = "Morning Briefing",
        .year = 2026,
        .month = 11,
        .day = 28,
        .voice = "anchor",
        .language = "en-gb",
        .stories = w->summaries,
        .nstories = STORIES,
        .transitions = &w->bank,
        .headlines = headlines,
        .recap = headlines,
    };
    return in;
}

static void test_targets(void **state)
{
    struct world *w = *state;
    static const double targets[] = {60, 90, 180, 240, 300};
    for (int h = 0; h <= 1; h++) {
        for (size_t t = 0; t < sizeof(targets) / sizeof(targets[0]); t++) {
            struct nb_script_input in = input(w, h);
            struct nb_script s;
            struct nb_script_fit fit = {.target = targets[t], .tolerance = 0.05};
            unsigned calls = 0;
            struct nb_error err;
            assert_int_equal(nb_script_fit(&s, &in, &fit, fake_measure, &calls, &err), NB_OK);
            double got = fake_total(&s);
            if (got < targets[t] * 0.95 || got > targets[t] * 1.05)
                fail_msg("target %.0f s (headlines %d): got %.1f s", targets[t], h, got);
            assert_true(fit.seconds == got);
            assert_false(fit.short_of_material);
            assert_true(calls <= NB_SCRIPT_FIT_PASSES + 1);
            assert_int_equal(calls, fit.measured);
            /* every story read keeps its first sentence; stories go from the end */
            unsigned last = 0;
            for (size_t i = 0; i < s.n; i++)
                if (s.segments[i].story > last)
                    last = s.segments[i].story;
            assert_int_equal(last, fit.stories);
            nb_script_release(&s);
        }
    }
}

/* Fitting keeps what matters most: the top story's quote before the last
 * stories' first sentences, and the first story's lead before all else. */
static void test_news_value(void **state)
{
    struct world *w = *state;
    struct nb_article *a = &w->articles[0];
    a->quotes = calloc(1, sizeof(*a->quotes));
    a->quotes[0] =
        (struct nb_quote){strdup("Nobody in the harbour expected a season like this one"),
                          strdup("Ola Berg"),
                          NULL,
                          0,
                          1,
                          0};
    a->nquotes = 1;
    struct nb_summary keep = w->summaries[0];
    struct nb_summary_options o = {.sentences = SENTENCES, .quotes = 1};
    struct nb_error err;
    assert_int_equal(nb_summary_make(&w->summaries[0], a, &o, &err), NB_OK);
    assert_int_equal(w->summaries[0].nquotes, 1);
    struct nb_script_input in = input(w, 1);
    struct nb_script s;
    struct nb_script_fit fit = {.target = 90, .tolerance = 0.05};
    unsigned calls = 0;
    assert_int_equal(nb_script_fit(&s, &in, &fit, fake_measure, &calls, &err), NB_OK);
    int quote = 0;
    for (size_t i = 0; i < s.n; i++)
        quote |= s.segments[i].kind == NB_SEG_QUOTE && s.segments[i].story == 1;
    if (!quote)
        fail_msg("no quote: %zu stories, %zu sentences, %zu quotes, %.1f s", fit.stories,
                 fit.sentences, fit.quotes, fit.seconds);
    assert_true(fit.stories < STORIES); /* the last stories gave way */
    /* and what gave way is said, whole stories first, by headline */
    assert_int_equal(fit.left_stories, STORIES - fit.stories);
    assert_true(s.left_out.n >= fit.left_stories);
    char want[128];
    snprintf(want, sizeof(want), "the story \xE2\x80\x9CStory about %s makes the news\xE2\x80\x9D",
             "markets");
    int listed = 0;
    for (size_t i = 0; i < fit.left_stories; i++)
        listed |= strcmp(s.left_out.v[i], want) == 0;
    assert_true(listed);
    for (size_t i = fit.left_stories; i < s.left_out.n; i++)
        assert_null(strstr(s.left_out.v[i], "the story "));
    nb_script_release(&s);
    nb_summary_release(&w->summaries[0]);
    w->summaries[0] = keep;
    free(a->quotes[0].text);
    free(a->quotes[0].speaker);
    free(a->quotes);
    a->quotes = NULL;
    a->nquotes = 0;
}

static void test_deterministic(void **state)
{
    struct world *w = *state;
    struct nb_script_input in = input(w, 1);
    struct nb_script a, b;
    struct nb_script_fit fa = {.target = 200, .tolerance = 0.05}, fb = fa;
    unsigned calls = 0;
    assert_int_equal(nb_script_fit(&a, &in, &fa, fake_measure, &calls, NULL), NB_OK);
    assert_int_equal(nb_script_fit(&b, &in, &fb, fake_measure, &calls, NULL), NB_OK);
    assert_int_equal(a.n, b.n);
    for (size_t i = 0; i < a.n; i++)
        assert_string_equal(a.segments[i].text, b.segments[i].text);
    nb_script_release(&a);
    nb_script_release(&b);
}

static void test_short_of_material(void **state)
{
    struct world *w = *state;
    struct nb_script_input in = input(w, 0);
    struct nb_script s;
    struct nb_script_fit fit = {.target = 3600, .tolerance = 0.05};
    unsigned calls = 0;
    assert_int_equal(nb_script_fit(&s, &in, &fit, fake_measure, &calls, NULL), NB_OK);
    assert_true(fit.short_of_material);
    assert_int_equal(fit.stories, STORIES);
    assert_int_equal(fit.sentences, STORIES * SENTENCES);
    assert_int_equal(calls, 1);
    assert_true(fit.seconds < 3600 * 0.95);
    nb_script_release(&s);
}

static void test_cannot_be_met(void **state)
{
    struct world *w = *state;
    struct nb_script_input in = input(w, 1);
    struct nb_script s;
    struct nb_script_fit fit = {.target = 5, .tolerance = 0.05};
    struct nb_error err;
    unsigned calls = 0;
    nb_error_init(&err);
    assert_int_equal(nb_script_fit(&s, &in, &fit, fake_measure, &calls, &err), NB_EINPUT);
    /* the measured length is the fake synthesiser's; the rest is fixed */
    char want[256];
    snprintf(want, sizeof(want),
             "a bulletin of 5 s cannot be made: the shortest one (intro, one story of one "
             "sentence, outro) lasts %.1f s",
             fit.seconds);
    assert_string_equal(err.file, "");
    assert_string_equal(err.message, want);
    assert_int_equal(s.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_targets),       cmocka_unit_test(test_news_value),
        cmocka_unit_test(test_deterministic), cmocka_unit_test(test_short_of_material),
        cmocka_unit_test(test_cannot_be_met),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
