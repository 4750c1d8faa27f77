/* test_briefing_sources.c - the briefing keys for web pages and feeds:
 * URL entries, since, max_items, new_only, follow_links, on_source_error,
 * cache, and each refusal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config/briefing.h"
#include "support.h"
#include "text/buf.h"
#include "text/file.h"

/* Writes `yaml` as DIR/b.yaml (with an article a.txt beside it) and loads it. */
static nb_status load(const char *name, const char *yaml, struct nb_briefing *b,
                      struct nb_error *err, struct nb_buf *path)
{
    char *dir = nb_test_tmpdir(name);
    struct nb_buf p;
    nb_buf_init(&p, 0);
    nb_buf_addf(&p, "%s/a.txt", dir);
    static const char article[] = "Headline\n\nA story of some length, told here in full.\n";
    assert_int_equal(nb_file_write_atomic(p.data, article, sizeof(article) - 1, err), NB_OK);
    nb_buf_reset(path);
    nb_buf_addf(path, "%s/b.yaml", dir);
    assert_int_equal(nb_file_write_atomic(path->data, yaml, strlen(yaml), err), NB_OK);
    nb_briefing_init(b);
    nb_buf_release(&p);
    free(dir);
    return nb_briefing_load(b, path->data, err);
}

static void assert_message(const struct nb_error *err, const struct nb_buf *path, unsigned line,
                           unsigned column, const char *message)
{
    char got[1024], want[1024];
    snprintf(want, sizeof(want), "%s:%u:%u: %s", path->data, line, column, message);
    assert_string_equal(nb_error_format(err, got, sizeof(got)), want);
}

static void test_defaults(void **state)
{
    (void)state;
    struct nb_briefing b;
    struct nb_error err;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    assert_int_equal(load("bs_defaults", "title: T\narticles: [a.txt]\n", &b, &err, &path), NB_OK);
    assert_int_equal(b.since_kind, NB_SINCE_NONE);
    assert_int_equal(b.max_items, 0);
    assert_int_equal(b.new_only, 1);
    assert_int_equal(b.follow_links, 1);
    assert_int_equal(b.fail_on_source_error, 0);
    assert_null(b.cache_dir);
    nb_briefing_release(&b);
    nb_buf_release(&path);
}

static void test_all_keys(void **state)
{
    (void)state;
    struct nb_briefing b;
    struct nb_error err;
    struct nb_buf path, cache;
    nb_buf_init(&path, 0);
    nb_buf_init(&cache, 0);
    const char *yaml = "title: T\n"
                       "articles:\n"
                       "  - a.txt\n"
                       "  - https://news.example/feed.xml\n"
                       "  - {file: 'http://news.example/page.html', priority: 1}\n"
                       "  - https://news.example/feed.xml\n"
                       "since: 1d12h\n"
                       "max_items: 4\n"
                       "new_only: false\n"
                       "follow_links: no\n"
                       "on_source_error: fail\n"
                       "cache: state/here\n";
    nb_status rc = load("bs_all", yaml, &b, &err, &path);
    char msg[1024];
    if (rc != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    /* URLs kept as written, once, and ordered by priority like files */
    assert_int_equal(b.articles.n, 3);
    assert_string_equal(b.articles.v[0], "http://news.example/page.html");
    assert_true(strstr(b.articles.v[1], "/a.txt") != NULL);
    assert_string_equal(b.articles.v[2], "https://news.example/feed.xml");
    assert_int_equal(b.since_kind, NB_SINCE_AGO);
    assert_int_equal(b.since_ms, 36ul * 3600 * 1000);
    assert_int_equal(b.max_items, 4);
    assert_int_equal(b.new_only, 0);
    assert_int_equal(b.follow_links, 0);
    assert_int_equal(b.fail_on_source_error, 1);
    nb_path_dirname(path.data, &cache);
    nb_buf_adds(&cache, "/state/here");
    assert_string_equal(b.cache_dir, cache.data);
    nb_briefing_release(&b);
    nb_buf_release(&path);
    nb_buf_release(&cache);
}

static void test_since_dates(void **state)
{
    (void)state;
    struct nb_briefing b;
    struct nb_error err;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    assert_int_equal(load("bs_date", "title: T\narticles: [a.txt]\nsince: 2026-12-01\n", &b, &err,
                          &path),
                     NB_OK);
    assert_int_equal(b.since_kind, NB_SINCE_TIME);
    assert_int_equal(b.since_time, 1796083200LL); /* 2026-12-01T00:00:00Z */
    nb_briefing_release(&b);
    assert_int_equal(load("bs_datetime",
                          "title: T\narticles: [a.txt]\nsince: \"2026-12-01T06:30:00+01:00\"\n", &b,
                          &err, &path),
                     NB_OK);
    assert_int_equal(b.since_kind, NB_SINCE_TIME);
    assert_int_equal(b.since_time, 1796083200LL + 5 * 3600 + 30 * 60);
    nb_briefing_release(&b);
    nb_buf_release(&path);
}

static void test_refusals(void **state)
{
    (void)state;
    static const struct {
        const char *yaml;
        unsigned line, column;
        const char *message;
    } cases[] = {
        {"title: T\narticles: [a.txt]\nsince: yesterday\n", 3, 8,
         "'since' must be a duration like 12h or 2d (at most 366d), or a date like 2026-12-01 or "
         "2026-12-01T06:00:00Z, not 'yesterday'"},
        {"title: T\narticles: [a.txt]\nsince: 12\n", 3, 8,
         "'since' must be a duration like 12h or 2d (at most 366d), or a date like 2026-12-01 or "
         "2026-12-01T06:00:00Z, not '12'"},
        {"title: T\narticles: [a.txt]\nsince: 400d\n", 3, 8,
         "'since' must be a duration like 12h or 2d (at most 366d), or a date like 2026-12-01 or "
         "2026-12-01T06:00:00Z, not '400d'"},
        {"title: T\narticles: [a.txt]\nsince: 2026-13-01\n", 3, 8,
         "'since' must be a duration like 12h or 2d (at most 366d), or a date like 2026-12-01 or "
         "2026-12-01T06:00:00Z, not '2026-13-01'"},
        {"title: T\narticles: [a.txt]\nmax_items: 0\n", 3, 12,
         "'max_items' must be a whole number from 1 to 1000, not '0'"},
        {"title: T\narticles: [a.txt]\nnew_only: sometimes\n", 3, 11,
         "'new_only' must be true or false, not 'sometimes'"},
        {"title: T\narticles: [a.txt]\non_source_error: ignore\n", 3, 18,
         "'on_source_error' must be skip (a warning; the rest is built) or fail, not 'ignore'"},
        {"title: T\narticles: [a.txt]\ncache: ''\n", 3, 8, "'cache' must not be empty"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_briefing b;
        struct nb_error err;
        struct nb_buf path;
        nb_buf_init(&path, 0);
        char name[32];
        snprintf(name, sizeof(name), "bs_refuse_%zu", i);
        assert_int_equal(load(name, cases[i].yaml, &b, &err, &path), NB_EINPUT);
        assert_message(&err, &path, cases[i].line, cases[i].column, cases[i].message);
        nb_briefing_release(&b);
        nb_buf_release(&path);
    }
}

/* A folder lists pages and feeds as well as articles, in name order. */
static void test_folder_lists_pages_and_feeds(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("bs_folder");
    struct nb_buf p;
    struct nb_error err;
    nb_buf_init(&p, 0);
    static const char *const files[] = {"in/c.RSS", "in/a.html", "in/b.xml", "in/d.jpg"};
    nb_buf_addf(&p, "%s/in", dir);
    assert_int_equal(nb_file_mkdirs(p.data, &err), NB_OK);
    for (size_t i = 0; i < 4; i++) {
        nb_buf_reset(&p);
        nb_buf_addf(&p, "%s/%s", dir, files[i]);
        assert_int_equal(nb_file_write_atomic(p.data, "x", 1, &err), NB_OK);
    }
    nb_buf_reset(&p);
    nb_buf_addf(&p, "%s/b.yaml", dir);
    static const char yaml[] = "title: T\narticles: [in]\n";
    assert_int_equal(nb_file_write_atomic(p.data, yaml, sizeof(yaml) - 1, &err), NB_OK);
    struct nb_briefing b;
    nb_briefing_init(&b);
    assert_int_equal(nb_briefing_load(&b, p.data, &err), NB_OK);
    assert_int_equal(b.articles.n, 3);
    assert_true(strstr(b.articles.v[0], "in/a.html") != NULL);
    assert_true(strstr(b.articles.v[1], "in/b.xml") != NULL);
    assert_true(strstr(b.articles.v[2], "in/c.RSS") != NULL);
    nb_briefing_release(&b);
    nb_buf_release(&p);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_all_keys),
        cmocka_unit_test(test_since_dates),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_folder_lists_pages_and_feeds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
