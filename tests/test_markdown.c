/* test_markdown.c - the Markdown reader: front matter and syntax for the ear. */
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
#include "article/reader.h"

static nb_status read_md(struct nb_article *a, const char *name, struct nb_error *err)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/markdown/%s", NB_TEST_FIXTURES, name);
    nb_error_init(err);
    return nb_article_read_file(a, path, err);
}

static void test_front_matter_and_syntax(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(read_md(&a, "story.md", &err), NB_OK);
    assert_string_equal(a.headline, "Tram line approved");
    assert_string_equal(a.byline, "By Priya Natarajan");
    assert_string_equal(a.date, "2025-02-04");
    assert_string_equal(a.publication, "Nordwire");
    assert_string_equal(a.language, "en");
    assert_int_equal(a.paragraphs.n, 7);
    /* emphasis and links read as their text; the comment is gone */
    assert_string_equal(a.paragraphs.v[0], "The city approved a new tram line on Tuesday, "
                                           "linking the old port to the airport.");
    /* a heading is a paragraph of its own */
    assert_string_equal(a.paragraphs.v[1], "What it costs");
    /* inline code loses its backticks; snake_case keeps its underscore */
    assert_string_equal(a.paragraphs.v[2],
                        "The line will cost \xc2\xa3" "1.2bn, officials said. The variable_name stays.");
    /* a block quote is its text */
    assert_string_equal(a.paragraphs.v[3],
                        "\"It is the biggest project in a generation,\" the mayor said.");
    /* list items are paragraphs; the rule is dropped */
    assert_string_equal(a.paragraphs.v[4], "Work starts in May");
    assert_string_equal(a.paragraphs.v[5], "Trams run from 2029");
    assert_string_equal(a.paragraphs.v[6], "Read the plan on https://example.org/plan.");
    /* the image and the code block are listed as removed */
    assert_int_equal(a.removed.n, 2);
    assert_string_equal(a.removed.v[0], "image: A tram at the depot");
    assert_non_null(strstr(a.removed.v[1], "code:"));
    nb_article_release(&a);
}

static void test_heading_headline_and_header_lines(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(read_md(&a, "heading.md", &err), NB_OK);
    assert_string_equal(a.headline, "Harbour tunnel opens");
    assert_string_equal(a.byline, "By Tom Ellis");
    assert_string_equal(a.date, "Published 4 February 2025");
    assert_null(a.publication);
    assert_int_equal(a.paragraphs.n, 1);
    assert_string_equal(a.sentences.v[0], "The tunnel opened to traffic on Monday.");
    nb_article_release(&a);
}

static void test_front_matter_errors(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(read_md(&a, "bad-yaml.md", &err), NB_EINPUT);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/markdown/bad-yaml.md");
    assert_int_equal(err.line, 4); /* lines count from the top of the file */
    assert_int_equal(err.column, 1);
    assert_string_equal(err.message, "did not find expected ',' or ']' (while parsing a flow "
                                     "sequence that starts at 3:9)");
    assert_int_equal(read_md(&a, "unclosed.md", &err), NB_EINPUT);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/markdown/unclosed.md");
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 1);
    assert_string_equal(err.message, "front matter opened with '---' is never closed (end it "
                                     "with a line '---')");
    assert_int_equal(read_md(&a, "not-mapping.md", &err), NB_EINPUT);
    assert_string_equal(err.file, NB_TEST_FIXTURES "/markdown/not-mapping.md");
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 1);
    assert_string_equal(err.message, "front matter must be keys and values such as 'title: ...'");
}

static void test_inline_syntax(void **state)
{
    (void)state;
    static const char md[] = "# Budget *passes*\n\n"
                             "Ministers **won** the ~~first~~ vote by __12__ votes, "
                             "see [the result](https://example.org \"title\") and "
                             "<em>more</em>; 5 * 3 stays and \\*escaped\\* too.\n\n"
                             "[ref]: https://example.org/ref\n\n"
                             "Setext heading\n--------------\n\n"
                             "The plan has two parts:\n\n"
                             "1. First item of the plan\n"
                             "2) Second item of the plan\n";
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_article_parse_markdown(&a, md, sizeof(md) - 1, "inline.md", &err),
                     NB_OK);
    assert_string_equal(a.headline, "Budget passes");
    assert_string_equal(a.paragraphs.v[0], "Ministers won the first vote by 12 votes, see the "
                                           "result and more; 5 * 3 stays and *escaped* too.");
    assert_string_equal(a.paragraphs.v[1], "Setext heading");
    assert_int_equal(a.paragraphs.n, 5);
    assert_string_equal(a.paragraphs.v[2], "The plan has two parts:");
    assert_string_equal(a.paragraphs.v[3], "First item of the plan");
    assert_string_equal(a.paragraphs.v[4], "Second item of the plan");
    nb_article_release(&a);
}

static void test_empty_and_binary(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_article_parse_markdown(&a, "", 0, "e.md", &err), NB_EINPUT);
    assert_int_equal(nb_article_parse_markdown(&a, "---\ntitle: T\n---\n", 17, "t.md", &err),
                     NB_EINPUT);
    assert_string_equal(err.file, "t.md");
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "no body text after the headline");
    assert_int_equal(nb_article_parse_markdown(&a, "a\0b\0c", 5, "b.md", &err), NB_EINPUT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_front_matter_and_syntax),
        cmocka_unit_test(test_heading_headline_and_header_lines),
        cmocka_unit_test(test_front_matter_errors),
        cmocka_unit_test(test_inline_syntax),
        cmocka_unit_test(test_empty_and_binary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
