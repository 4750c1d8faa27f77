/* test_cleanup.c - boilerplate removal, datelines and paragraph repair.
 *
 * Each tests/fixtures/cleanup/<case>.txt is read as a plain-text article;
 * <case>.expected beside it lists what must come out:
 *   byline: <text or ->
 *   date: <text or ->
 *   P <paragraph>      (each body paragraph, in order)
 *   R <removed text>   (each entry of `removed`, in order)
 */
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
#include "article/cleanup_lines.h"
#include "text/buf.h"

static void render(const struct nb_article *a, struct nb_buf *out)
{
    assert_int_equal(nb_buf_addf(out, "byline: %s\ndate: %s\n", a->byline ? a->byline : "-",
                                 a->date ? a->date : "-"),
                     0);
    for (size_t i = 0; i < a->paragraphs.n; i++)
        assert_int_equal(nb_buf_addf(out, "P %s\n", a->paragraphs.v[i]), 0);
    for (size_t i = 0; i < a->removed.n; i++)
        assert_int_equal(nb_buf_addf(out, "R %s\n", a->removed.v[i]), 0);
}

static void check_case(const char *name)
{
    char rel[256];
    snprintf(rel, sizeof(rel), "cleanup/%s.txt", name);
    size_t len;
    char *text = nb_test_fixture(rel, &len);
    snprintf(rel, sizeof(rel), "cleanup/%s.expected", name);
    char *want = nb_test_fixture(rel, NULL);
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_article_parse_text(&a, text, len, name, &err), NB_OK);
    struct nb_buf got;
    nb_buf_init(&got, 0);
    render(&a, &got);
    if (strcmp(got.data, want) != 0)
        print_error("case %s:\n--- want\n%s--- got\n%s", name, want, got.data);
    assert_string_equal(got.data, want);
    nb_buf_release(&got);
    nb_article_release(&a);
    free(text);
    free(want);
}

/* one test per family of furniture, and the prose that must survive */
static void test_consent(void **state)
{
    (void)state;
    check_case("consent");
}
static void test_newsletter(void **state)
{
    (void)state;
    check_case("newsletter");
}
static void test_share_and_follow(void **state)
{
    (void)state;
    check_case("share");
}
static void test_captions(void **state)
{
    (void)state;
    check_case("captions");
}
static void test_related(void **state)
{
    (void)state;
    check_case("related");
}
static void test_tail_credits(void **state)
{
    (void)state;
    check_case("tail");
}
static void test_ads(void **state)
{
    (void)state;
    check_case("ads");
}
static void test_video(void **state)
{
    (void)state;
    check_case("video");
}
static void test_mixed_line(void **state)
{
    (void)state;
    check_case("mixed-line");
}
static void test_header_lines(void **state)
{
    (void)state;
    check_case("header-lines");
}
static void test_prose_survives(void **state)
{
    (void)state;
    check_case("prose");
}
static void test_variants(void **state)
{
    (void)state;
    check_case("variants");
}
static void test_dateline_reuters(void **state)
{
    (void)state;
    check_case("dateline-reuters");
}
static void test_dateline_ap(void **state)
{
    (void)state;
    check_case("dateline-ap");
}
static void test_dateline_plain(void **state)
{
    (void)state;
    check_case("dateline-plain");
}
static void test_dateline_none(void **state)
{
    (void)state;
    check_case("dateline-none");
}
static void test_repair(void **state)
{
    (void)state;
    check_case("repair");
}
static void test_comments(void **state)
{
    (void)state;
    check_case("comments");
}
static void test_wrapped(void **state)
{
    (void)state;
    check_case("wrapped");
}
/* the story's second half, after a list, stays; other stories' teasers
 * after it go, titles and all */
static void test_teasers(void **state)
{
    (void)state;
    check_case("teasers");
}
/* a sign-up notice in prose before the lead goes; a sentence broken after
 * a content word, before a capital, is joined */
static void test_notice_lead(void **state)
{
    (void)state;
    check_case("notice-lead");
}

/* a copyright sign inside a word is mis-decoded text, not a credit */
static void test_mojibake(void **state)
{
    (void)state;
    check_case("mojibake");
}
/* a comment form's head with its own labels ends the story */
static void test_comment_form(void **state)
{
    (void)state;
    check_case("comment-form");
}
/* the story goes on after a list of related titles */
static void test_story_resumes(void **state)
{
    (void)state;
    check_case("story-resumes");
}

/* a short sentence and a lead full of names open the story */
static void test_lead_shapes(void **state)
{
    (void)state;
    check_case("lead-shapes");
}

/* a results table under the story stays; other stories' titles go */
static void test_story_list(void **state)
{
    (void)state;
    check_case("story-list");
}

/* a byline run into the lead ("By Jo BloggsThe ...", or its name repeated) comes off it */
static void test_byline_fused(void **state)
{
    (void)state;
    check_case("byline-fused");
    check_case("byline-repeated");
}

/* a present-tense sentence showing a dated scene between paragraphs told in the past, or with a
 * credit under it, is a caption; a credit under any label goes, a list of labelled lines stays */
static void test_caption_scene(void **state)
{
    (void)state;
    check_case("caption-scene");
}

/* readers' comments end the story: a thread of names and time stamps in any language, a long "12
 * thoughts on ..." head */
static void test_comments_thread(void **state)
{
    (void)state;
    check_case("comments-thread");
    check_case("comments-long-head");
}

/* furniture inside the story: a title-case line cutting a sentence in two, a bracketed pointer
 * elsewhere; a bracketed sentence of the writer's stays */
static void test_inline(void **state)
{
    (void)state;
    check_case("inline");
}

/* Every word of every story sentence is still in the body. */
static void test_nothing_but_furniture_lost(void **state)
{
    (void)state;
    size_t len;
    char *text = nb_test_fixture("cleanup/prose.txt", &len);
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(nb_article_parse_text(&a, text, len, "prose", &err), NB_OK);
    assert_int_equal(a.removed.n, 0);
    nb_article_release(&a);
    free(text);
}

/* A page of menus and prose lines, many megabytes: linear time. */
static void test_large_page(void **state)
{
    (void)state;
    static const char chunk[] = "Home\nNews\nSport\nShare this article\n\n"
                                "The ferry left the harbour at dawn with 300 passengers.\n"
                                "Sign up to our newsletter\n\n"
                                "Officials said the crossing would take four hours,\n\n"
                                "weather permitting.\n\n";
    size_t clen = sizeof(chunk) - 1, total = 16u << 20, n = 0;
    char *big = malloc(total + 64);
    assert_non_null(big);
    memcpy(big, "Ferry\n\n", 7);
    n = 7;
    while (n + clen <= total) {
        memcpy(big + n, chunk, clen);
        n += clen;
    }
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(nb_article_parse_text(&a, big, n, "big.txt", &err), NB_OK);
    size_t chunks = (n - 7) / clen;
    assert_int_equal(a.paragraphs.n, 2 * chunks);
    assert_int_equal(a.removed.n, 5 * chunks);
    nb_article_release(&a);
    free(big);
}

/* The vocabulary and the common words are searched by halves among the
 * words of a key's first letter, and a phrase is looked up only after a
 * word marked as its first. */
static void test_vocabulary_sorted(void **state)
{
    (void)state;
    assert_int_equal(nb_clean_vocab_sorted(), 1);
    assert_int_equal(nb_clean_common_sorted(), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vocabulary_sorted),
        cmocka_unit_test(test_consent),
        cmocka_unit_test(test_newsletter),
        cmocka_unit_test(test_share_and_follow),
        cmocka_unit_test(test_captions),
        cmocka_unit_test(test_related),
        cmocka_unit_test(test_tail_credits),
        cmocka_unit_test(test_ads),
        cmocka_unit_test(test_video),
        cmocka_unit_test(test_mixed_line),
        cmocka_unit_test(test_header_lines),
        cmocka_unit_test(test_prose_survives),
        cmocka_unit_test(test_variants),
        cmocka_unit_test(test_dateline_reuters),
        cmocka_unit_test(test_dateline_ap),
        cmocka_unit_test(test_dateline_plain),
        cmocka_unit_test(test_dateline_none),
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_wrapped),
        cmocka_unit_test(test_teasers),
        cmocka_unit_test(test_notice_lead),
        cmocka_unit_test(test_mojibake),
        cmocka_unit_test(test_comment_form),
        cmocka_unit_test(test_story_resumes),
        cmocka_unit_test(test_lead_shapes),
        cmocka_unit_test(test_story_list),
        cmocka_unit_test(test_byline_fused),
        cmocka_unit_test(test_caption_scene),
        cmocka_unit_test(test_comments_thread),
        cmocka_unit_test(test_inline),
        cmocka_unit_test(test_nothing_but_furniture_lost),
        cmocka_unit_test(test_large_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
