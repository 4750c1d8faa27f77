/* Tests of text/suggest.h: "did you mean ...?". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text/suggest.h"

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(nb_edit_distance("voise", "voice"), 1);
    assert_int_equal(nb_edit_distance("tilte", "title"), 1);
    assert_int_equal(nb_edit_distance("", "abc"), 3);
    assert_int_equal(nb_edit_distance("abc", ""), 3);
    assert_int_equal(nb_edit_distance("kitten", "sitting"), 3);
    assert_int_equal(nb_edit_distance("VOICE", "voice"), 0);
    static const char *const names[] = {"anchor", "correspondent", NULL};
    assert_string_equal(nb_suggest("ancor", names), "anchor");
    assert_string_equal(nb_suggest("corr", names), "correspondent");
    assert_null(nb_suggest("zebra", names));
    assert_null(nb_suggest("", names));
    static const char *const short_names[] = {"ab", NULL};
    assert_null(nb_suggest("xy", short_names)); /* all letters changed is no suggestion */
}

static void test_long_words(void **state)
{
    (void)state;
    char longest[NB_SUGGEST_MAX_WORD + 1], longer[NB_SUGGEST_MAX_WORD + 2];
    memset(longest, 'a', NB_SUGGEST_MAX_WORD);
    longest[NB_SUGGEST_MAX_WORD] = '\0';
    memset(longer, 'a', NB_SUGGEST_MAX_WORD + 1);
    longer[NB_SUGGEST_MAX_WORD + 1] = '\0';
    /* the longest word compared costs no allocation and still counts */
    assert_int_equal(nb_edit_distance(longest, ""), NB_SUGGEST_MAX_WORD);
    assert_int_equal(nb_edit_distance(longest, longest), 0);
    /* longer words are too far to suggest */
    assert_int_equal(nb_edit_distance(longer, "a"), SIZE_MAX);
    assert_int_equal(nb_edit_distance("a", longer), SIZE_MAX);
    static const char *const candidates[] = {"voice", NULL};
    assert_null(nb_suggest(longer, candidates));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_long_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
