/* test_quotes_marks.c - quotation marks told from apostrophes and paired
 * (src/quotes/marks.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "quotes/marks.h"

/* Scans paragraph p (next may be NULL) and returns the stretches. */
static struct nb_quotes_segv scan(const char *p, const char *next, int carry, int *carry_out)
{
    struct nb_quotes_segv sv = {NULL, 0, 0};
    int out = -1;
    assert_int_equal(nb_quotes_scan_marks(p, strlen(p), next, carry, &sv, &out), 0);
    if (carry_out)
        *carry_out = out;
    else
        assert_int_equal(out, 0);
    return sv;
}

/* The words of stretch k. */
static void assert_words(const char *p, const struct nb_quotes_segv *sv, size_t k, const char *want)
{
    assert_true(k < sv->n);
    const struct nb_quotes_seg *s = &sv->v[k];
    assert_true(s->start <= s->end);
    if (strlen(want) != s->end - s->start || memcmp(p + s->start, want, s->end - s->start) != 0)
        fail_msg("stretch %zu is '%.*s', want '%s'", k, (int)(s->end - s->start), p + s->start,
                 want);
}

static void test_pairs(void **state)
{
    (void)state;
    const char *p = "He said \"We won\" and \"it was close.\"";
    struct nb_quotes_segv sv = scan(p, NULL, 0, NULL);
    assert_int_equal(sv.n, 2);
    assert_words(p, &sv, 0, "We won");
    assert_words(p, &sv, 1, "it was close.");
    const char *open = strchr(p, '"');
    assert_int_equal(sv.v[0].open, (size_t)(open - p));
    assert_int_equal(sv.v[0].after, sv.v[0].end + 1);
    assert_int_equal(sv.v[1].after, strlen(p));
    assert_false(sv.v[0].cont_prev || sv.v[0].cont_next);
    nb_quotes_segv_release(&sv);
    assert_null(sv.v);
    assert_int_equal(sv.n, 0);
}

/* don't, Berg's, the '90s, rock 'n' roll, the singers' hall: no quotes. */
static void test_apostrophes(void **state)
{
    (void)state;
    const char *p = "Don't touch Berg's '90s rock 'n' roll in the singers' hall.";
    struct nb_quotes_segv sv = scan(p, NULL, 0, NULL);
    assert_int_equal(sv.n, 0);
    p = "It\xe2\x80\x99s the Nurses\xe2\x80\x99 union.";
    sv.n = 0;
    assert_int_equal(nb_quotes_scan_marks(p, strlen(p), NULL, 0, &sv, &(int){0}), 0);
    assert_int_equal(sv.n, 0);
    nb_quotes_segv_release(&sv);
}

/* Quotes of the other kind stay inside; curly marks and guillemets pair. */
static void test_nested_and_curly(void **state)
{
    (void)state;
    const char *p = "\xe2\x80\x9cHe called it \xe2\x80\x98"
                    "a farce\xe2\x80\x99,\xe2\x80\x9d she "
                    "said. \xc2\xab Oui \xc2\xbb";
    struct nb_quotes_segv sv = scan(p, NULL, 0, NULL);
    assert_int_equal(sv.n, 2);
    assert_words(p, &sv, 0,
                 "He called it \xe2\x80\x98"
                 "a farce\xe2\x80\x99,");
    assert_words(p, &sv, 1, " Oui ");
    assert_int_equal(sv.v[0].open, 0);
    nb_quotes_segv_release(&sv);
}

/* A quote over two paragraphs: the first has no closing mark and the next
 * opens with a mark of the same kind. */
static void test_over_paragraphs(void **state)
{
    (void)state;
    const char *p1 = "\"We will fight on.";
    const char *p2 = "\"And we will win,\" he said.";
    int carry = 0;
    struct nb_quotes_segv sv = scan(p1, p2, 0, &carry);
    assert_int_equal(sv.n, 1);
    assert_words(p1, &sv, 0, "We will fight on.");
    assert_true(sv.v[0].cont_next);
    assert_int_equal(sv.v[0].after, strlen(p1));
    assert_int_not_equal(carry, 0);

    int carry2 = -1;
    assert_int_equal(nb_quotes_scan_marks(p2, strlen(p2), NULL, carry, &sv, &carry2), 0);
    assert_int_equal(carry2, 0);
    assert_int_equal(sv.n, 1);
    assert_true(sv.v[0].cont_prev);
    assert_false(sv.v[0].cont_next);
    assert_words(p2, &sv, 0, "And we will win,");
    nb_quotes_segv_release(&sv);
}

/* An opening mark never closed stops at its paragraph's end; an unpaired
 * single mark was an apostrophe after all. */
static void test_unclosed(void **state)
{
    (void)state;
    const char *p = "He said \"we will see";
    struct nb_quotes_segv sv = scan(p, "Then he left.", 0, NULL);
    assert_int_equal(sv.n, 1);
    assert_words(p, &sv, 0, "we will see");
    assert_false(sv.v[0].cont_next);
    nb_quotes_segv_release(&sv);

    p = "The 'plan is late.";
    sv = scan(p, NULL, 0, NULL);
    assert_int_equal(sv.n, 0);
    nb_quotes_segv_release(&sv);
}

/* marks after long stretches without one (read eight bytes at a time),
 * and characters past ASCII among them that are no marks */
static void test_long_stretches(void **state)
{
    (void)state;
    const char *p = "The harbour master of the small town near the fjord said on Tuesday "
                    "\"the caf\xc3\xa9 stays open all winter long\" and then, after a pause "
                    "of some length \xe2\x80\x94 he added \xe2\x80\x9cwe will see\xe2\x80\x9d";
    struct nb_quotes_segv sv = scan(p, NULL, 0, NULL);
    assert_int_equal(sv.n, 2);
    assert_words(p, &sv, 0, "the caf\xc3\xa9 stays open all winter long");
    assert_words(p, &sv, 1, "we will see");
    nb_quotes_segv_release(&sv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairs),
        cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_nested_and_curly),
        cmocka_unit_test(test_over_paragraphs),
        cmocka_unit_test(test_unclosed),
        cmocka_unit_test(test_long_stretches),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
