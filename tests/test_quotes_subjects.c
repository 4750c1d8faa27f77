/* test_quotes_subjects.c - a speech verb's subject read in a window of
 * tokens (src/quotes/subjects.c): backwards through appositions, after an
 * inverted verb, after "according to", with an affiliation, two joined by
 * "and", a participle's after "with", past a relative clause.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/subjects.h"

/* The window of p and the index of its token `word`. */
static size_t fill(struct nb_quotes_win *w, const char *p, const char *word)
{
    nb_quotes_win_fill(w, p, 0, strlen(p));
    for (size_t k = 0; k < w->n; k++)
        if (nb_quotes_tok_is(w, k, word))
            return k;
    fail_msg("'%s' has no token '%s'", p, word);
    return 0;
}

static void want(const char *p, const struct nb_quotes_speaker *sp, int kind, const char *name,
                 const char *role)
{
    if (sp->kind != kind)
        fail_msg("'%s': kind %d, want %d", p, sp->kind, kind);
    char got[128];
    snprintf(got, sizeof(got), "%.*s", (int)(sp->ne - sp->ns), p + sp->ns);
    if (strcmp(got, name) != 0)
        fail_msg("'%s': name '%s', want '%s'", p, got, name);
    snprintf(got, sizeof(got), "%.*s", (int)(sp->re - sp->rs), p + sp->rs);
    if (strcmp(got, role) != 0)
        fail_msg("'%s': role '%s', want '%s'", p, got, role);
}

static void test_before(void **state)
{
    (void)state;
    struct nb_quotes_win w;
    struct nb_quotes_speaker sp;
    const char *p = "Ola Berg, Norway's foreign minister, said";
    size_t v = fill(&w, p, "said");
    memset(&sp, 0, sizeof(sp));
    assert_int_equal(nb_quotes_subject_before(&w, 0, v, &sp), 0);
    want(p, &sp, NB_QUOTES_SP_NAME, "Ola Berg", "Norway's foreign minister");

    p = "Graham Doyle, 58, said";
    v = fill(&w, p, "said");
    memset(&sp, 0, sizeof(sp));
    nb_quotes_subject_before(&w, 0, v, &sp);
    want(p, &sp, NB_QUOTES_SP_NAME, "Graham Doyle", "");
    assert_true(nb_quotes_age_token(&w, 3));
    assert_false(nb_quotes_age_token(&w, 0));
}

static void test_after(void **state)
{
    (void)state;
    struct nb_quotes_win w;
    struct nb_quotes_speaker sp;
    const char *p = "said Ola Berg, the foreign minister.";
    size_t v = fill(&w, p, "said");
    memset(&sp, 0, sizeof(sp));
    nb_quotes_subject_after(&w, v + 1, &sp);
    want(p, &sp, NB_QUOTES_SP_NAME, "Ola Berg", "the foreign minister");

    p = "according to a report filed by referee Sam Okoye.";
    v = fill(&w, p, "to");
    memset(&sp, 0, sizeof(sp));
    nb_quotes_according_subject(&w, v + 1, &sp);
    want(p, &sp, NB_QUOTES_SP_NAME, "Sam Okoye", "referee");
}

static void test_shapes(void **state)
{
    (void)state;
    struct nb_quotes_win w;
    struct nb_quotes_speaker sp;
    const char *p = "Jonas Berg of the Institute for Coastal Transport Studies in Bergen wrote";
    size_t v = fill(&w, p, "wrote");
    memset(&sp, 0, sizeof(sp));
    assert_true(nb_quotes_subject_with_pp(&w, 0, v, &sp));
    want(p, &sp, NB_QUOTES_SP_NAME, "Jonas Berg",
         "of the Institute for Coastal Transport Studies in Bergen");

    p = "Per Lunde and Sara Moen of the Harbour Users Association wrote";
    v = fill(&w, p, "wrote");
    memset(&sp, 0, sizeof(sp));
    assert_true(nb_quotes_subject_pair(&w, 0, v, &sp));
    want(p, &sp, NB_QUOTES_SP_NAME, "Per Lunde and Sara Moen", "of the Harbour Users Association");

    p = "the Vestland governor and former harbour pilot said";
    v = fill(&w, p, "said");
    memset(&sp, 0, sizeof(sp));
    assert_true(nb_quotes_subject_pair(&w, 0, v, &sp));
    want(p, &sp, NB_QUOTES_SP_NP, "the Vestland governor", "");

    p = "the mayor and the governor said"; /* two people, no one speaker */
    v = fill(&w, p, "said");
    memset(&sp, 0, sizeof(sp));
    assert_false(nb_quotes_subject_pair(&w, 0, v, &sp));
}

static void test_participle_and_relative(void **state)
{
    (void)state;
    struct nb_quotes_win w;
    struct nb_quotes_speaker sp;
    const char *p = "some pushed a protester, with Berg reportedly shouting";
    size_t v = fill(&w, p, "shouting");
    memset(&sp, 0, sizeof(sp));
    nb_quotes_with_subject(&w, v, &sp);
    want(p, &sp, NB_QUOTES_SP_NAME, "Berg", "");

    p = "some pushed a protester, Berg shouting";
    v = fill(&w, p, "shouting");
    memset(&sp, 0, sizeof(sp));
    nb_quotes_with_subject(&w, v, &sp);
    assert_int_equal(sp.kind, NB_QUOTES_SP_NONE);

    p = "a harbour official who spoke to discuss the talks said";
    size_t st = fill(&w, p, "the");
    memset(&sp, 0, sizeof(sp));
    nb_quotes_relative_head(&w, st, &sp);
    want(p, &sp, NB_QUOTES_SP_NP, "a harbour official", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_before),
        cmocka_unit_test(test_after),
        cmocka_unit_test(test_shapes),
        cmocka_unit_test(test_participle_and_relative),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
