/* test_source.c - a briefing entry to stories: files, feeds (since,
 * max_items, new_only with the state database) and the refusals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "source/source.h"
#include "support.h"
#include "text/buf.h"
#include "text/file.h"

#define SOURCES NB_TEST_FIXTURES "/sources"

static void read_ok(struct nb_source_reader *r, const char *entry, size_t max)
{
    struct nb_error err;
    char msg[1024];
    nb_error_init(&err);
    if (nb_source_read(r, entry, max, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
}

static void test_text_file(void **state)
{
    (void)state;
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.network = 0; /* the fixtures' links are not fetched */
    struct nb_source_reader r;
    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/story.txt", 10);
    assert_int_equal(r.nstories, 1);
    assert_null(r.stories[0].feed);
    assert_null(r.stories[0].guid);
    assert_string_equal(r.stories[0].article.headline,
                        "Lighthouse keeper's cottage to become a visitor centre");
    /* max 0: the source is checked, nothing is kept */
    read_ok(&r, SOURCES "/story.txt", 0);
    assert_int_equal(r.nstories, 1);
    nb_source_reader_release(&r);
}

static void test_feed_items(void **state)
{
    (void)state;
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.network = 0; /* the fixtures' links are not fetched */
    struct nb_source_reader r;
    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/dated.rss", 10);
    assert_int_equal(r.nstories, 4);
    static const char *const guids[] = {"g1", "g2", "g3", "g4"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(r.stories[i].guid, guids[i]);
        assert_string_equal(r.stories[i].feed, SOURCES "/dated.rss");
    }
    assert_string_equal(r.stories[1].article.headline, "Rail line reopens after landslip repairs");
    assert_string_equal(r.stories[1].article.publication, "Test Harbour Times");
    nb_source_reader_release(&r);

    /* at most `max` stories, and at most max_items from a feed */
    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/dated.rss", 3);
    assert_int_equal(r.nstories, 3);
    nb_source_reader_release(&r);
    o.max_items = 2;
    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/dated.rss", 10);
    assert_int_equal(r.nstories, 2);
    assert_string_equal(r.stories[1].guid, "g2");
    nb_source_reader_release(&r);
}

static void test_since(void **state)
{
    (void)state;
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.network = 0; /* the fixtures' links are not fetched */
    /* 2026-11-29T00:00:00Z: g3 (28 Nov 08:15 UTC) and g4 are older */
    o.since = 1795910400LL;
    struct nb_source_reader r;
    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/dated.rss", 10);
    assert_int_equal(r.nstories, 2);
    assert_string_equal(r.stories[0].guid, "g1");
    assert_string_equal(r.stories[1].guid, "g2");
    nb_source_reader_release(&r);
}

/* Items marked heard are skipped by the next reader of the same state. */
static void test_new_only(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("source_new_only");
    struct nb_buf db;
    nb_buf_init(&db, 0);
    nb_buf_addf(&db, "%s/cache/state.db", dir);
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.network = 0; /* the fixtures' links are not fetched */
    o.state_path = db.data;
    struct nb_source_reader r;
    struct nb_error err;
    nb_error_init(&err);
    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/dated.rss", 10);
    assert_int_equal(r.nstories, 4);
    /* a bulletin spoke the first two */
    assert_int_equal(nb_source_mark_heard(&r, 2, 1796100000LL, &err), NB_OK);
    nb_source_reader_release(&r);

    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/dated.rss", 10);
    assert_int_equal(r.nstories, 2);
    assert_string_equal(r.stories[0].guid, "g3");
    nb_source_reader_release(&r);

    /* new_only off: everything again */
    o.new_only = 0;
    nb_source_reader_init(&r, &o);
    read_ok(&r, SOURCES "/dated.rss", 10);
    assert_int_equal(r.nstories, 4);
    nb_source_reader_release(&r);
    nb_buf_release(&db);
    free(dir);
}

static void assert_fails(const char *entry, const struct nb_source_options *o, nb_status want,
                         const char *message)
{
    struct nb_source_reader r;
    struct nb_error err;
    char got[1024];
    nb_error_init(&err);
    nb_source_reader_init(&r, o);
    assert_int_equal(nb_source_read(&r, entry, 10, &err), want);
    assert_string_equal(nb_error_format(&err, got, sizeof(got)), message);
    assert_int_equal(r.nstories, 0);
    nb_source_reader_release(&r);
}

static void test_refusals(void **state)
{
    (void)state;
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.network = 0; /* the fixtures' links are not fetched */
    o.network = 0;
    assert_fails("https://news.example/feed.xml", &o, NB_EINPUT,
                 "https://news.example/feed.xml: a URL, and fetching is off (read a saved file "
                 "instead)");
    assert_fails(SOURCES "/missing.rss", &o, NB_EINPUT,
                 SOURCES "/missing.rss: cannot open: No such file or directory");
}

/* A corrupt state database is an error naming it, not a silent restart. */
static void test_corrupt_state(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("source_corrupt_state");
    struct nb_buf db, want;
    nb_buf_init(&db, 0);
    nb_buf_init(&want, 0);
    nb_buf_addf(&db, "%s/state.db", dir);
    struct nb_error err;
    static const char junk[] = "this is not a database, only some words written to a file...";
    char big[8192];
    for (size_t i = 0; i < sizeof(big); i++)
        big[i] = junk[i % (sizeof(junk) - 1)];
    assert_int_equal(nb_file_write_atomic(db.data, big, sizeof(big), &err), NB_OK);
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.network = 0; /* the fixtures' links are not fetched */
    o.state_path = db.data;
    struct nb_source_reader r;
    nb_source_reader_init(&r, &o);
    nb_error_init(&err);
    assert_int_equal(nb_source_read(&r, SOURCES "/dated.rss", 10, &err), NB_EINPUT);
    assert_string_equal(err.file, db.data);
    assert_int_equal(r.nstories, 0);
    nb_source_reader_release(&r);
    nb_buf_release(&db);
    nb_buf_release(&want);
    free(dir);
}

static void test_is_feed(void **state)
{
    (void)state;
    static const char rss[] = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>";
    static const char html[] = "<!DOCTYPE html><html><body><p>x</p></body></html>";
    assert_true(nb_source_is_feed("a.xml", NULL, rss, sizeof(rss) - 1));
    assert_true(nb_source_is_feed("https://x.example/feed", NULL, rss, sizeof(rss) - 1));
    assert_true(nb_source_is_feed("a.rss", NULL, "", 0));
    assert_true(nb_source_is_feed("https://x.example/a.ATOM?x=1", NULL, "", 0));
    assert_false(nb_source_is_feed("a.xml", NULL, html, sizeof(html) - 1));
    assert_false(nb_source_is_feed("https://x.example/a.rss/page", NULL, html, sizeof(html) - 1));
    assert_true(
        nb_source_is_feed("https://x.example/f", "application/atom+xml; charset=utf-8", "{}", 2));
    assert_false(nb_source_is_feed("https://x.example/f", "text/html", html, sizeof(html) - 1));
}

/* A prepared entry adds what nb_source_read adds: a text file's article,
 * a feed's items (parsed when added), a missing file's error; a URL and
 * standard input are not prepared. */
static void test_prepared(void **state)
{
    (void)state;
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.network = 0;
    o.new_only = 0;
    static const char *const entries[] = {SOURCES "/story.txt", SOURCES "/dated.rss",
                                          NB_TEST_FIXTURES "/feeds/rdf.xml"};
    for (size_t k = 0; k < sizeof(entries) / sizeof(entries[0]); k++) {
        struct nb_source_reader want, got;
        nb_source_reader_init(&want, &o);
        nb_source_reader_init(&got, &o);
        read_ok(&want, entries[k], 10);
        struct nb_source_prepared p;
        nb_source_prepared_init(&p);
        nb_source_prepare(&p, entries[k]);
        assert_true(p.ready);
        assert_int_equal(p.feed, k > 0);
        struct nb_error err;
        nb_error_init(&err);
        assert_int_equal(nb_source_add_prepared(&got, entries[k], &p, 10, &err), NB_OK);
        nb_source_prepared_release(&p);
        assert_int_equal(got.nstories, want.nstories);
        for (size_t i = 0; i < want.nstories; i++) {
            assert_string_equal(got.stories[i].article.headline, want.stories[i].article.headline);
            assert_int_equal(got.stories[i].article.sentences.n,
                             want.stories[i].article.sentences.n);
            if (want.stories[i].guid)
                assert_string_equal(got.stories[i].guid, want.stories[i].guid);
            else
                assert_null(got.stories[i].guid);
        }
        nb_source_reader_release(&want);
        nb_source_reader_release(&got);
    }

    /* a missing file: the error nb_source_read gives, and no story */
    struct nb_source_reader r;
    nb_source_reader_init(&r, &o);
    struct nb_error want_err, err;
    nb_error_init(&want_err);
    nb_error_init(&err);
    assert_int_not_equal(nb_source_read(&r, SOURCES "/missing.txt", 10, &want_err), NB_OK);
    struct nb_source_prepared p;
    nb_source_prepared_init(&p);
    nb_source_prepare(&p, SOURCES "/missing.txt");
    assert_true(p.ready);
    assert_int_equal(nb_source_add_prepared(&r, SOURCES "/missing.txt", &p, 10, &err),
                     want_err.status);
    char a[1024], b[1024];
    assert_string_equal(nb_error_format(&err, a, sizeof(a)),
                        nb_error_format(&want_err, b, sizeof(b)));
    assert_int_equal(r.nstories, 0);
    nb_source_prepared_release(&p);

    /* a text file with max 0: checked, nothing kept */
    nb_source_prepare(&p, SOURCES "/story.txt");
    assert_int_equal(nb_source_add_prepared(&r, SOURCES "/story.txt", &p, 0, &err), NB_OK);
    assert_int_equal(r.nstories, 0);
    nb_source_prepared_release(&p);

    /* not prepared: a URL, standard input */
    nb_source_prepare(&p, "https://news.example/story.html");
    assert_false(p.ready);
    nb_source_prepare(&p, "-");
    assert_false(p.ready);
    nb_source_prepared_release(&p);
    nb_source_reader_release(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_file), cmocka_unit_test(test_feed_items),
        cmocka_unit_test(test_since),     cmocka_unit_test(test_new_only),
        cmocka_unit_test(test_refusals),  cmocka_unit_test(test_corrupt_state),
        cmocka_unit_test(test_is_feed),   cmocka_unit_test(test_prepared),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
