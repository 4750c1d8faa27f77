#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "summary/summary.h"

static void make_article(struct nb_article *a, size_t nsentences)
{
    nb_article_init(a);
    for (size_t i = 0; i < nsentences; i++) {
        char s[32];
        snprintf(s, sizeof(s), "Sentence %zu.", i + 1);
        nb_strv_pushs(&a->sentences, s);
    }
}

static void test_lead_is_first_n(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_summary s;
    struct nb_summary_options o = {.sentences = 3, .quotes = 0};
    make_article(&a, 10);
    assert_int_equal(nb_summary_make(&s, &a, &o, NULL), NB_OK);
    assert_ptr_equal(s.article, &a);
    assert_int_equal(s.nlead, 3);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(s.lead[i], i);
    nb_summary_release(&s);
    nb_article_release(&a);
}

static void test_short_article(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_summary s;
    struct nb_summary_options o = {.sentences = 5, .quotes = 1};
    make_article(&a, 2);
    assert_int_equal(nb_summary_make(&s, &a, &o, NULL), NB_OK);
    assert_int_equal(s.nlead, 2);
    nb_summary_release(&s);
    nb_article_release(&a);
    make_article(&a, 0);
    assert_int_equal(nb_summary_make(&s, &a, &o, NULL), NB_OK);
    assert_int_equal(s.nlead, 0);
    nb_summary_release(&s);
    nb_summary_release(&s);
    nb_article_release(&a);
}

static void add_quote(struct nb_article *a, const char *text, const char *speaker,
                      const char *role, int partial, size_t sentence)
{
    a->quotes = realloc(a->quotes, (a->nquotes + 1) * sizeof(*a->quotes));
    a->quotes[a->nquotes++] = (struct nb_quote){text ? strdup(text) : NULL,
                                                speaker ? strdup(speaker) : NULL,
                                                role ? strdup(role) : NULL,
                                                partial,
                                                sentence,
                                                0};
}

static void test_quote_rules(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_summary s;
    struct nb_summary_options o = {.sentences = 2, .quotes = 2};
    nb_article_init(&a);
    a.headline = strdup("Norway offers to host fisheries talks");
    nb_strv_pushs(&a.sentences, "Norway offered on Thursday to host emergency fishing talks.");
    nb_strv_pushs(&a.sentences, "Ola Berg said: \"We are ready to host the talks in Tromso.\"");
    nb_strv_pushs(&a.sentences, "He called the collapse \"deeply regrettable\".");
    nb_strv_pushs(&a.sentences, "Fishermen said: \"Our boats cannot wait another season.\"");
    nb_strv_pushs(&a.sentences, "Berg added: \"Mackerel stocks need one agreed limit now.\"");
    add_quote(&a, "We are ready to host the talks in Tromso.", "Ola Berg", NULL, 0, 1); /* in lead */
    add_quote(&a, "deeply regrettable", "Ola Berg", NULL, 1, 2);                       /* partial */
    add_quote(&a, "Our boats cannot wait another season.", NULL, NULL, 0, 3);      /* no speaker */
    add_quote(&a, "Mackerel stocks need one agreed limit now.", "Ola Berg",
              "Norway's foreign minister", 0, 4);
    add_quote(&a, "Mackerel stocks need one agreed limit now.", "Ola Berg", NULL, 0, 4); /* again */
    add_quote(&a, "a slow embarrassment", "Euan Reid", NULL, 0, 4); /* a scare quote */
    assert_int_equal(nb_summary_make(&s, &a, &o, NULL), NB_OK);
    assert_int_equal(s.nlead, 2);
    assert_int_equal(s.nquotes, 1);
    assert_int_equal(s.quotes[0], 3); /* the one with a role, the words the lead does not say */
    nb_summary_release(&s);
    o.quotes = 0;
    assert_int_equal(nb_summary_make(&s, &a, &o, NULL), NB_OK);
    assert_int_equal(s.nquotes, 0);
    nb_summary_release(&s);
    nb_article_release(&a);
}

static void test_not_news_prose(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_summary s;
    struct nb_summary_options o = {.sentences = 2, .quotes = 0};
    nb_article_init(&a);
    a.headline = strdup("Harbour tunnel opening pushed back to 2028");
    nb_strv_pushs(&a.sentences, "ABERDEEN, 27 November 2026");
    nb_strv_pushs(&a.sentences, "Harbour tunnel opening pushed back to 2028.");
    nb_strv_pushs(&a.sentences, "ABERDEEN - The opening of the harbour tunnel has been delayed.");
    nb_strv_pushs(&a.sentences, "Costs climb");
    nb_strv_pushs(&a.sentences, "Councillors were told that flooding had set the work back.");
    assert_int_equal(nb_summary_make(&s, &a, &o, NULL), NB_OK);
    assert_int_equal(s.nlead, 2);
    assert_int_equal(s.lead[0], 2);
    assert_string_equal(nb_summary_lead(&s, 0), "The opening of the harbour tunnel has been delayed.");
    assert_int_equal(s.lead[1], 4);
    nb_summary_release(&s);
    nb_article_release(&a);
}

static void test_shorten(void **state)
{
    (void)state;
    char *t;
    assert_int_equal(nb_summary_shorten("The tunnel (which opened in 1990 after a decade of work) "
                                        "will close for repairs next year.",
                                        12, &t),
                     NB_OK);
    assert_non_null(t);
    assert_string_equal(t, "The tunnel will close for repairs next year.");
    free(t);
    assert_int_equal(nb_summary_shorten("The Chancellor has defended the budget \xE2\x80\x94 "
                                        "saying it will fix the foundations of the economy for "
                                        "good.",
                                        8, &t),
                     NB_OK);
    assert_non_null(t);
    assert_string_equal(t, "The Chancellor has defended the budget.");
    free(t);
    /* short enough already, or nothing left that is a sentence */
    static const struct {
        const char *text;
        size_t max;
    } kept[] = {
        {"The tunnel (old) will close.", 12},
        {"(All of this is an aside in brackets here.)", 3},
        {"The tunnel will close for repairs next year.", 0},
    };
    for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++) {
        t = (char *)"not set";
        assert_int_equal(nb_summary_shorten(kept[i].text, kept[i].max, &t), NB_OK);
        assert_null(t);
    }
    /* through the summary, only when max_words says so */
    struct nb_article a;
    struct nb_summary s;
    struct nb_summary_options o = {.sentences = 1, .max_words = 10};
    nb_article_init(&a);
    nb_strv_pushs(&a.sentences, "The tunnel (which opened in 1990 after a decade of work) will "
                                "close for repairs next year.");
    assert_int_equal(nb_summary_make(&s, &a, &o, NULL), NB_OK);
    assert_string_equal(nb_summary_lead(&s, 0), "The tunnel will close for repairs next year.");
    nb_summary_release(&s);
    nb_article_release(&a);
}

static void test_similarity(void **state)
{
    (void)state;
    assert_true(nb_summary_similarity("Storm Bert floods Wales", "storm bert floods wales.") == 1.0);
    assert_true(nb_summary_similarity("Storm Bert floods Wales", "Rail fares rise") == 0.0);
    assert_true(nb_summary_similarity("", "") == 0.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lead_is_first_n),
        cmocka_unit_test(test_short_article),
        cmocka_unit_test(test_quote_rules),
        cmocka_unit_test(test_not_news_prose),
        cmocka_unit_test(test_shorten),
        cmocka_unit_test(test_similarity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
