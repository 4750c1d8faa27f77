/* test_names.c - the names a bulletin says and how eSpeak NG says them
 * (bulletin/names.c, and speech.c:nb_speech_word). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bulletin/names.h"
#include "support.h"
#include "text/file.h"

#define FIXTURES NB_TEST_FIXTURES "/bulletin"

static const struct nb_name *find(const struct nb_names *n, const char *w)
{
    for (size_t i = 0; i < n->n; i++)
        if (strcmp(n->v[i].written, w) == 0)
            return &n->v[i];
    return NULL;
}

static void test_names_of_a_briefing(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("names");
    char path[1024], lex[1024], text[2048];
    struct nb_error err;
    nb_error_init(&err);
    /* the briefing's lexicon says one name; the others eSpeak NG reads */
    snprintf(lex, sizeof(lex), "%s/lexicon.yaml", dir);
    const char *entries = "entries:\n  Leitch: Leetch\n";
    if (nb_file_write_atomic(lex, entries, strlen(entries), &err) != NB_OK)
        fail_msg("%s", err.message);
    int n = snprintf(text, sizeof(text),
                     "title: Island Bulletin\n"
                     "date: 2026-11-30\n"
                     "lexicon: %s\n"
                     "articles:\n"
                     "  - %s/articles/ferry.txt\n"
                     "  - %s/articles/library.txt\n",
                     lex, FIXTURES, FIXTURES);
    snprintf(path, sizeof(path), "%s/names.yaml", dir);
    if (nb_file_write_atomic(path, text, (size_t)n, &err) != NB_OK)
        fail_msg("%s", err.message);
    struct nb_bulletin bl;
    nb_bulletin_init(&bl);
    if (nb_bulletin_script(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    struct nb_names names = {NULL, 0};
    if (nb_bulletin_names(&bl, &names, &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_true(names.n >= 3);
    /* guesses first, then the lexicon, then the dictionary */
    for (size_t i = 1; i < names.n; i++)
        assert_true(names.v[i - 1].source <= names.v[i].source);
    const struct nb_name *leitch = find(&names, "Leitch");
    assert_non_null(leitch);
    assert_int_equal(leitch->source, NB_NAME_LEXICON);
    assert_string_equal(leitch->spoken, "Leetch");
    assert_true(strlen(leitch->phonemes) > 0);
    const struct nb_name *morag = find(&names, "Morag");
    assert_non_null(morag);
    assert_int_equal(morag->source, NB_NAME_GUESS);
    assert_true(strlen(morag->phonemes) > 0);
    /* no month, weekday or initialism, no bare sentence opener */
    assert_null(find(&names, "November"));
    assert_null(find(&names, "The"));
    nb_names_release(&names);
    nb_bulletin_release(&bl);
    free(dir);
}

/* An article file: all of it, not only what a bulletin reads. */
static void test_names_of_an_article(void **state)
{
    (void)state;
    struct nb_bulletin bl;
    struct nb_error err;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    if (nb_bulletin_names_prepare(&bl, FIXTURES "/articles/ferry.txt", &err) != NB_OK)
        fail_msg("%s", err.message);
    struct nb_names names = {NULL, 0};
    if (nb_bulletin_names(&bl, &names, &err) != NB_OK)
        fail_msg("%s", err.message);
    assert_non_null(find(&names, "Inchmore"));
    assert_non_null(find(&names, "Leitch"));
    nb_names_release(&names);
    nb_bulletin_release(&bl);

    /* a missing file: named, nothing listed */
    nb_bulletin_init(&bl);
    assert_int_equal(nb_bulletin_names_prepare(&bl, FIXTURES "/articles/none.txt", &err),
                     NB_EINPUT);
    char said[1024];
    assert_non_null(strstr(nb_error_format(&err, said, sizeof(said)), "none.txt"));
    nb_bulletin_release(&bl);
}

/* A script file, perhaps edited: its own lexicon line is used. */
static void test_names_of_a_script(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("names_script");
    char path[1024], lex[1024], text[2048];
    struct nb_error err;
    nb_error_init(&err);
    snprintf(lex, sizeof(lex), "%s/lexicon.yaml", dir);
    const char *entries = "entries:\n  Quarrie: Kworry\n";
    if (nb_file_write_atomic(lex, entries, strlen(entries), &err) != NB_OK)
        fail_msg("%s", err.message);
    int n = snprintf(text, sizeof(text),
                     "# newsbrief script\n# lexicon: %s\n\n[story story=1 voice=anchor]\n"
                     "Councillor Ewan Quarrie met Ms Thorsdottir in Lerwick.\n",
                     lex);
    snprintf(path, sizeof(path), "%s/edited.script", dir);
    if (nb_file_write_atomic(path, text, (size_t)n, &err) != NB_OK)
        fail_msg("%s", err.message);
    struct nb_bulletin bl;
    nb_bulletin_init(&bl);
    if (nb_bulletin_names_prepare(&bl, path, &err) != NB_OK)
        fail_msg("%s", err.message);
    struct nb_names names = {NULL, 0};
    if (nb_bulletin_names(&bl, &names, &err) != NB_OK)
        fail_msg("%s", err.message);
    const struct nb_name *q = find(&names, "Quarrie");
    assert_non_null(q);
    assert_int_equal(q->source, NB_NAME_LEXICON);
    assert_string_equal(q->spoken, "Kworry");
    assert_non_null(find(&names, "Thorsdottir"));
    nb_names_release(&names);
    nb_bulletin_release(&bl);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_of_a_briefing),
        cmocka_unit_test(test_names_of_an_article),
        cmocka_unit_test(test_names_of_a_script),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
