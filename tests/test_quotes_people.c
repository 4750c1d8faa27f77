/* test_quotes_people.c - the article's speakers as a list, with how the
 * article refers to each (src/quotes/people.c, through nb_quotes_find).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"
#include "article/article.h"
#include "quotes/quotes.h"

static void parse_fixture(struct nb_article *a, const char *name)
{
    size_t len;
    char *text = nb_test_fixture(name, &len);
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc = nb_article_parse_text(a, text, len, "case", &err);
    if (rc == NB_OK)
        rc = nb_quotes_find(a, &err);
    free(text);
    if (rc != NB_OK)
        fail_msg("parse failed: %s", err.message);
}

static void want_str(const char *got, const char *want)
{
    if (!want)
        assert_null(got);
    else if (!got || strcmp(got, want) != 0)
        fail_msg("got '%s', want '%s'", got ? got : "(null)", want);
}

static void want_speaker(const struct nb_speaker *s, size_t id, const char *name,
                         const char *short_name, const char *role, const char *org, int pronoun,
                         const char *title)
{
    assert_int_equal(s->id, id);
    want_str(s->name, name);
    want_str(s->short_name, short_name);
    want_str(s->role, role);
    want_str(s->organisation, org);
    assert_int_equal(s->pronoun, pronoun);
    want_str(s->title, title);
}

/* One entry per speaker, "Ferri" and "Marco Ferri" being one; the
 * surname used alone, the title and pronoun used, the organisation the
 * role names. */
static void test_people(void **state)
{
    (void)state;
    struct nb_article a;
    parse_fixture(&a, "quotes/people.txt");
    assert_int_equal(a.nquotes, 5);
    assert_int_equal(a.nspeakers, 3);
    want_speaker(&a.speakers[0], 1, "Janet Holloway", "Holloway",
                 "a portfolio manager at Crestline Capital", "Crestline Capital", NB_PRONOUN_SHE,
                 "Ms");
    want_speaker(&a.speakers[1], 2, "Marco Ferri", "Ferri", "Kingsbridge boss", "Kingsbridge",
                 NB_PRONOUN_HE, "Mr");
    want_speaker(&a.speakers[2], 3, "Harbour Trust", NULL, NULL, NULL, NB_PRONOUN_NONE, NULL);
    const size_t ids[] = {1, 2, 2, 3, 1};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(a.quotes[i].speaker_id, ids[i]);
    nb_article_release(&a);
}

/* A person named once, with no title, pronoun or surname of their own
 * later: only the name; a quote without speaker has id 0. */
static void test_plain(void **state)
{
    (void)state;
    struct nb_article a;
    parse_fixture(&a, "quotes/pronoun_people.txt");
    assert_int_equal(a.nspeakers, 2);
    want_speaker(&a.speakers[1], 2, "Lena Moss", NULL, NULL, NULL, NB_PRONOUN_SHE, "Ms");
    want_speaker(&a.speakers[0], 1, "Sam Okafor", NULL, "a junior champion from Fife", "Fife",
                 NB_PRONOUN_HE, NULL);
    assert_int_equal(a.nquotes, 5);
    const size_t ids[] = {1, 1, 1, 0, 2}; /* "she" is not him */
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(a.quotes[i].speaker_id, ids[i]);
    nb_article_release(&a);
}

/* Finding the quotes again replaces the list rather than adding to it. */
static void test_rerun(void **state)
{
    (void)state;
    struct nb_article a;
    parse_fixture(&a, "quotes/people.txt");
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_quotes_find(&a, &err), NB_OK);
    assert_int_equal(a.nspeakers, 3);
    assert_int_equal(a.quotes[4].speaker_id, 1);
    nb_article_release(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_people),
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_rerun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
