#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"
#include "article/article.h"

static void read_fixture(struct nb_article *a, const char *name, nb_status want,
                         struct nb_error *err)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/article/%s", NB_TEST_FIXTURES, name);
    nb_error_init(err);
    assert_int_equal(nb_article_read_file(a, path, err), want);
}

static void test_basic(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "basic.txt", NB_OK, &err);
    assert_string_equal(a.headline, "Council approves \xe2\x80\x9cgreen corridor\xe2\x80\x9d plan");
    assert_string_equal(a.byline, "By Mara Lindqvist");
    assert_string_equal(a.date, "Published 27 November 2026");
    assert_int_equal(a.paragraphs.n, 3);
    /* lines of one paragraph are joined with one space; dashes survive */
    assert_string_equal(a.paragraphs.v[1], "Councillor Ann Reed said the plan was "
                                           "\xe2\x80\x9coverdue\xe2\x80\x9d \xe2\x80\x94 and that "
                                           "it would cut traffic.");
    assert_int_equal(a.sentences.n, 4);
    assert_string_equal(a.sentences.v[0], "The city council voted 31-12 on Thursday to approve "
                                          "a \xc2\xa3" "4.2m cycle corridor.");
    assert_string_equal(a.sentences.v[1], "Work starts in March.");
    assert_string_equal(a.sentences.v[3], "The route runs from St. Mary's Road to the station.");
    assert_int_equal(a.warnings.n, 0);
    nb_article_release(&a);
}

static void test_empty_and_blank(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(nb_article_parse_text(&a, "", 0, "empty.txt", &err), NB_EINPUT);
    assert_string_equal(err.file, "empty.txt");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "the file is empty: an article needs a headline");
    read_fixture(&a, "blank.txt", NB_EINPUT, &err);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/article/blank.txt");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "the file is empty: an article needs a headline");
}

static void test_headline_only(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "headline-only.txt", NB_EINPUT, &err);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/article/headline-only.txt");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "no body text after the headline");
}

/* A page of menus, lists and captions has no story to read; a short or
 * shouted story is still a story. */
static void test_no_prose(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "no-prose.txt", NB_EINPUT, &err);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/article/no-prose.txt");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "no paragraph of prose after the headline (only short lines "
                                     "such as menus, lists or captions)");
    read_fixture(&a, "all-caps.txt", NB_OK, &err);
    assert_int_equal(a.sentences.n, 1);
    nb_article_release(&a);
    read_fixture(&a, "short-prose.txt", NB_OK, &err);
    assert_string_equal(a.sentences.v[0], "The bridge has reopened.");
    nb_article_release(&a);
    /* the lines of a data file are not words: /etc/passwd was read as news */
    read_fixture(&a, "config-file.txt", NB_EINPUT, &err);
    assert_string_equal(err.message, "no paragraph of prose after the headline (only short lines "
                                     "such as menus, lists or captions)");
    /* words with vowel signs, closed by a danda, are prose */
    read_fixture(&a, "hindi-prose.txt", NB_OK, &err);
    assert_int_equal(a.sentences.n, 1);
    nb_article_release(&a);
}

static void test_binary_refused(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "binary.bin", NB_EINPUT, &err);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/article/binary.bin");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "not a text file (it holds binary data)");
}

static void test_cp1252_with_warning(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "cp1252.txt", NB_OK, &err);
    assert_string_equal(a.headline, "Caf\xc3\xa9 owners fear \xe2\x80\x9crent shock\xe2\x80\x9d");
    assert_string_equal(a.sentences.v[0], "Rents rose by 12% \xe2\x80\x93 the highest in a decade.");
    assert_int_equal(a.warnings.n, 1);
    /* where the first byte that is not UTF-8 is, counted from 1: "Caf\xe9" */
    assert_string_equal(a.warnings.v[0], "not valid UTF-8 (byte 4): read as Windows-1252");
    nb_article_release(&a);
}

/* A file that starts with a UTF-16 byte-order mark is said to be UTF-16,
 * not "binary" (its ASCII is half NUL bytes). */
static void test_utf16_refused(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "utf16.txt", NB_EINPUT, &err);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/article/utf16.txt");
    assert_string_equal(err.message,
                        "UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8");
    nb_article_release(&a);
    /* a UTF-8 byte-order mark is still read, and taken off */
    static const char bom[] = "\xef\xbb\xbfTunnel opens\n\nThe tunnel under the harbour "
                              "opened to traffic on Monday.\n";
    assert_int_equal(nb_article_parse_text(&a, bom, sizeof(bom) - 1, "bom.txt", &err), NB_OK);
    assert_string_equal(a.headline, "Tunnel opens");
    nb_article_release(&a);
}

/* Issue 15, item 10: terminal colours, titles and links in an article
 * (text saved from a terminal) are dropped whole: "\x1b[0m" was read as
 * "[0m" and spoken "zero million". */
static void test_terminal_escapes_dropped(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "terminal-colours.txt", NB_OK, &err);
    assert_string_equal(a.headline, "Harbour tunnel opens to traffic");
    assert_int_equal(a.paragraphs.n, 2);
    assert_string_equal(a.paragraphs.v[0],
                        "The tunnel under the harbour opened on Monday morning, on time and "
                        "within its budget. Read more at the transport page or call the desk.");
    assert_string_equal(a.paragraphs.v[1],
                        "Officials said traffic would be light all week, the council said.");
    assert_int_equal(a.warnings.n, 0);
    for (size_t i = 0; i < a.sentences.n; i++)
        assert_null(strpbrk(a.sentences.v[i], "[]\x1b\\"));
    nb_article_release(&a);
}

static void test_large_input(void **state)
{
    (void)state;
    /* 1 MB of prose, some 10,000 paragraphs: read in full.  The 50 MB
     * article, and how its time grows, is bench/large_article.py. */
    const char para[] = "The harbour authority said the new tunnel would open in May. "
                        "Traffic is expected to fall by a third.\n\n";
    size_t plen = sizeof(para) - 1, total = 1u << 20;
    char *big = malloc(total + 64);
    assert_non_null(big);
    size_t n = 0;
    memcpy(big, "Tunnel opens\n\n", 14);
    n = 14;
    while (n + plen <= total) {
        memcpy(big + n, para, plen);
        n += plen;
    }
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(nb_article_parse_text(&a, big, n, "big.txt", &err), NB_OK);
    assert_int_equal(a.sentences.n, 2 * ((n - 14) / plen));
    nb_article_release(&a);
    free(big);
}

static void test_too_large_refused(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("article_big");
    char path[1024];
    snprintf(path, sizeof(path), "%s/huge.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fseek(f, (long)NB_ARTICLE_MAX_BYTES + 10, SEEK_SET), 0);
    fputc('x', f);
    fclose(f);
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(nb_article_read_file(&a, path, &err), NB_EINPUT);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    char want[128];
    snprintf(want, sizeof(want), "file is too large (over %zu bytes)", NB_ARTICLE_MAX_BYTES);
    assert_string_equal(err.message, want);
    free(dir);
}

static void test_missing_file(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    read_fixture(&a, "no-such-file.txt", NB_EINPUT, &err);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/article/no-such-file.txt");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    char want[256];
    snprintf(want, sizeof(want), "cannot open: %s", strerror(ENOENT));
    assert_string_equal(err.message, want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_empty_and_blank),
        cmocka_unit_test(test_headline_only),
        cmocka_unit_test(test_no_prose),
        cmocka_unit_test(test_binary_refused),
        cmocka_unit_test(test_cp1252_with_warning),
        cmocka_unit_test(test_large_input),
        cmocka_unit_test(test_utf16_refused),
        cmocka_unit_test(test_terminal_escapes_dropped),
        cmocka_unit_test(test_too_large_refused),
        cmocka_unit_test(test_missing_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
