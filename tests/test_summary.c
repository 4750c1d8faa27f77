#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lead_is_first_n),
        cmocka_unit_test(test_short_article),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
