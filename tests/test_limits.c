/* test_limits.c - how much a script may say (script/limits.h). */
#include "script/limits.h"
#include "text/buf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* `words` words of "spoken", closed by a full stop when `closed`. */
static char *words(size_t n, int closed)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(nb_buf_adds(&b, i ? " harbour" : "Harbour"), NB_OK);
    if (closed)
        assert_int_equal(nb_buf_addc(&b, '.'), NB_OK);
    assert_int_equal(nb_buf_addc(&b, '\0'), NB_OK);
    return nb_buf_detach(&b, NULL);
}

static void add(struct nb_script *s, enum nb_segment_kind kind, unsigned story, const char *text)
{
    struct nb_error err;
    assert_int_equal(nb_script_add(s, kind, story, "anchor", text, text, "en-gb", &err), NB_OK);
}

static void test_chars(void **state)
{
    (void)state;
    assert_int_equal(nb_limits_chars("", 0), 0);
    assert_int_equal(nb_limits_chars("abc", 3), 3);
    assert_int_equal(nb_limits_chars("caf\xc3\xa9 \xe2\x82\xac", 8), 6); /* "café €" */
}

static void test_within_limits(void **state)
{
    (void)state;
    struct nb_script s;
    nb_script_init(&s);
    add(&s, NB_SEG_INTRO, 0, "Good morning.");
    char *lead = words(200, 1); /* 1,600 characters */
    add(&s, NB_SEG_STORY, 1, lead);
    struct nb_error err;
    assert_int_equal(nb_script_check_limits(&s, NULL, &err), NB_OK);
    free(lead);
    nb_script_release(&s);
}

static void test_sentence_too_long(void **state)
{
    (void)state;
    struct nb_script s;
    nb_script_init(&s);
    add(&s, NB_SEG_INTRO, 0, "Good morning.");
    char *lead = words(300, 1); /* one sentence of 2,400 characters */
    add(&s, NB_SEG_STORY, 1, lead);
    struct nb_error err;
    assert_int_equal(nb_script_check_limits(&s, NULL, &err), NB_EINPUT);
    assert_string_equal(err.message, "segment 2 (a story): a sentence has 2,400 characters, more "
                                     "than the 2,000 allowed (a briefing raises it with "
                                     "'limits: {sentence: N}')");
    /* raised */
    struct nb_limits l = {.sentence = 3000};
    assert_int_equal(nb_script_check_limits(&s, &l, &err), NB_OK);
    /* many short sentences of the same length are fine */
    nb_script_release(&s);
    nb_script_init(&s);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (int i = 0; i < 150; i++)
        assert_int_equal(nb_buf_adds(&b, "The ferry sails at noon. "), NB_OK);
    assert_int_equal(nb_buf_addc(&b, '\0'), NB_OK);
    add(&s, NB_SEG_STORY, 1, b.data);
    assert_int_equal(nb_script_check_limits(&s, NULL, &err), NB_OK);
    nb_buf_release(&b);
    free(lead);
    nb_script_release(&s);
}

static void test_segment_and_bulletin(void **state)
{
    (void)state;
    struct nb_script s;
    nb_script_init(&s);
    char *lead = words(100, 1); /* 800 characters */
    for (unsigned i = 1; i <= 4; i++)
        add(&s, NB_SEG_STORY, i, lead);
    struct nb_error err;
    struct nb_limits l = {.segment = 500};
    assert_int_equal(nb_script_check_limits(&s, &l, &err), NB_EINPUT);
    assert_string_equal(err.message, "segment 1 (a story): it has 800 characters, more than the "
                                     "500 allowed (a briefing raises it with 'limits: "
                                     "{segment: N}')");
    l = (struct nb_limits){.bulletin = 2000};
    assert_int_equal(nb_script_check_limits(&s, &l, &err), NB_EINPUT);
    assert_string_equal(err.message, "segment 3 (a story): the script reaches 2,400 characters, "
                                     "more than the 2,000 allowed (a briefing raises it with "
                                     "'limits: {bulletin: N}')");
    free(lead);
    nb_script_release(&s);
}

/* A megabyte without a full stop: refused without splitting it for long. */
static void test_huge_segment(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++)
        big[i] = i % 6 == 5 ? ' ' : 'a';
    big[n] = '\0';
    struct nb_script s;
    nb_script_init(&s);
    add(&s, NB_SEG_STORY, 1, big);
    struct nb_error err;
    assert_int_equal(nb_script_check_limits(&s, NULL, &err), NB_EINPUT);
    assert_non_null(strstr(err.message, "it has 1,048,576 characters, more than the 20,000"));
    free(big);
    nb_script_release(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chars),
        cmocka_unit_test(test_within_limits),
        cmocka_unit_test(test_sentence_too_long),
        cmocka_unit_test(test_segment_and_bulletin),
        cmocka_unit_test(test_huge_segment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
