/* test_web.c - pages and feeds served by a local HTTP server: read as
 * sources (source/), by a bulletin (a failed source is a warning, or the
 * error with on_source_error: fail), and by `newsbrief read URL`.  Every
 * bad answer gives a clear error in bounded time and memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bulletin/bulletin.h"
#include "http_server.h"
#include "source/source.h"
#include "source/state.h"
#include "support.h"
#include "text/buf.h"
#include "text/file.h"

#define BIN NB_TEST_BINARY

static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Tide gauge upgraded - Harbour Times</title>"
    "<meta property=\"og:title\" content=\"Tide gauge upgraded at the north pier\"></head>"
    "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a>"
    "</nav><article><h1>Tide gauge upgraded at the north pier</h1>"
    "<p>The tide gauge at the north pier has been replaced with a radar instrument that reports "
    "the water level every minute, the harbour authority said on Tuesday.</p>"
    "<p>The old float gauge, installed in 1974, had failed twice during storms last winter, "
    "leaving pilots without readings when they needed them most.</p>"
    "<p>\"We can now see a surge building an hour before it reaches the quay,\" said the "
    "harbour master, Eilidh Grant.</p></article>"
    "<aside><h2>Most read</h2><ul><li><a href=\"/a\">Council tax to rise</a></li>"
    "<li><a href=\"/b\">New bus timetable</a></li></ul></aside>"
    "<footer>Copyright 2026 Harbour Times. All rights reserved.</footer></body></html>";

static const char links_only[] =
    "<!DOCTYPE html><html><head><title>Index</title></head><body><ul>"
    "<li><a href=\"/1\">One</a></li><li><a href=\"/2\">Two</a></li><li><a href=\"/3\">Three</a>"
    "</li></ul></body></html>";

static const char malformed[] =
    "<html><body><div><p>The lifeboat crew was called out three times in one night, the "
    "station's busiest since records began.<div><p>Each call came from walkers cut off by the "
    "rising tide on the causeway.</span></b></i></table><p>The council will put up new signs "
    "before the summer, it said.";

/* Polish in ISO-8859-2, the charset named only by the HTTP header. */
static const char latin2[] =
    "<!DOCTYPE html><html><head><title>Most</title></head><body><article>"
    "<p>Nowy most w \xa3\xf3"
    "d\xbc otwarto we wtorek po trzech latach budowy, a pierwsze "
    "tramwaje przejad\xb1 nim w marcu.</p><p>Koszt budowy wyni\xf3s\xb3 dwie\xb6"
    "cie "
    "milion\xf3w z\xb3otych, o jedn\xb1 pi\xb1t\xb1 wi\xea"
    "cej ni\xbf planowano.</p>"
    "</article></body></html>";

/* A feed whose second item carries only a summary, with its page on the
 * server (the link is filled in at run time). */
static char feed[4096];

static const struct nb_test_route routes[] = {
    {.path = "/page.html", .content_type = "text/html; charset=utf-8", .body = page},
    {.path = "/story", .content_type = "text/html", .body = page, .etag = "\"p1\""},
    {.path = "/links", .content_type = "text/html", .body = links_only},
    {.path = "/latin2", .content_type = "text/html; charset=ISO-8859-2", .body = latin2},
    {.path = "/malformed", .content_type = "text/html", .body = malformed},
    {.path = "/feed", .content_type = "application/rss+xml", .body = feed, .etag = "\"f1\""},
    {.path = "/notxml", .content_type = "application/rss+xml", .body = "{\"items\": []}"},
    {.path = "/loop", .status = 302, .location = "/loop"},
    {.path = "/huge", .content_type = "text/html", .behaviour = NB_TEST_HTTP_HUGE},
    {.path = "/silent", .behaviour = NB_TEST_HTTP_NEVER_ANSWER},
};
#define NROUTES (sizeof(routes) / sizeof(routes[0]))

static void make_feed(const struct nb_test_http *srv)
{
    snprintf(feed, sizeof(feed),
             "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" "
             "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
             "<title>Harbour Times</title><link>%s/</link>"
             "<item><title>Ferry fares frozen for a year</title><guid>fares</guid>"
             "<link>%s/fares</link><pubDate>Tue, 01 Dec 2026 07:00:00 GMT</pubDate>"
             "<content:encoded><![CDATA[<p>Ferry fares to the islands will not rise next year, "
             "the operator said, after a subsidy from the regional government was renewed "
             "for twelve months.</p><p>Fares rose by six per cent in each of the last two "
             "years, and island businesses had warned that another rise would cost jobs.</p>"
             "<p>The operator said the freeze would apply to every route, including the "
             "night crossings, and that season tickets bought before March would keep their "
             "price until the end of next year.</p>"
             "]]></content:encoded></item>"
             "<item><title>Gauge story again, title only</title><guid>bare</guid>"
             "<link>%s/story</link></item>"
             "<item><title>Tide gauge upgraded</title><guid>gauge</guid>"
             "<link>%s/story</link><pubDate>Tue, 01 Dec 2026 06:00:00 GMT</pubDate>"
             "<description>The north pier has a new gauge.</description></item>"
             "</channel></rss>\n",
             nb_test_http_base(srv), nb_test_http_base(srv), nb_test_http_base(srv),
             nb_test_http_base(srv));
}

static int setup(void **state)
{
    unsetenv("http_proxy");
    unsetenv("https_proxy");
    unsetenv("HTTP_PROXY");
    unsetenv("HTTPS_PROXY");
    unsetenv("all_proxy");
    unsetenv("ALL_PROXY");
    struct nb_test_http *srv = nb_test_http_start(routes, NROUTES);
    make_feed(srv);
    *state = srv;
    return 0;
}

static int teardown(void **state)
{
    nb_test_http_stop(*state);
    return nb_test_http_live() == 0 ? 0 : -1;
}

static nb_status read_url(struct nb_test_http *srv, const char *path,
                          const struct nb_source_options *o, struct nb_source_reader *r,
                          struct nb_error *err)
{
    char *url = nb_test_http_url(srv, path);
    nb_source_reader_init(r, o);
    nb_error_init(err);
    nb_status rc = nb_source_read(r, url, 10, err);
    free(url);
    return rc;
}

static void test_page(void **state)
{
    struct nb_source_options o;
    nb_source_options_init(&o);
    struct nb_source_reader r;
    struct nb_error err;
    char msg[1024];
    if (read_url(*state, "/page.html", &o, &r, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(r.nstories, 1);
    const struct nb_article *a = &r.stories[0].article;
    assert_string_equal(a->headline, "Tide gauge upgraded at the north pier");
    assert_string_equal(a->language, "en");
    assert_true(a->paragraphs.n >= 3);
    for (size_t i = 0; i < a->paragraphs.n; i++) {
        assert_null(strstr(a->paragraphs.v[i], "Council tax"));
        assert_null(strstr(a->paragraphs.v[i], "Copyright"));
    }
    nb_source_reader_release(&r);
}

/* A feed over HTTP; its summary-only item is read from its page, and the
 * second read of the feed is a conditional GET answered 304. */
static void test_feed_follows_links(void **state)
{
    struct nb_test_http *srv = *state;
    char *dir = nb_test_tmpdir("web_feed_cache");
    struct nb_buf db;
    nb_buf_init(&db, 0);
    nb_buf_addf(&db, "%s/state.db", dir);
    struct nb_source_options o;
    nb_source_options_init(&o);
    o.cache_dir = dir;
    o.state_path = db.data;
    struct nb_source_reader r;
    struct nb_error err;
    char msg[1024];
    if (read_url(srv, "/feed", &o, &r, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(r.nstories, 3);
    assert_string_equal(r.stories[0].guid, "fares");
    assert_string_equal(r.stories[1].guid, "gauge");
    /* the page's text, not the one-line summary */
    const struct nb_article *a = &r.stories[1].article;
    assert_true(a->sentences.n >= 3);
    assert_non_null(strstr(a->sentences.v[0], "radar instrument"));
    /* an item with only a title and a link: its page (undated: last) */
    assert_string_equal(r.stories[2].guid, "bare");
    assert_non_null(strstr(r.stories[2].article.sentences.v[0], "radar instrument"));
    for (size_t i = 0; i < r.warnings.n; i++)
        print_message("warning: %s\n", r.warnings.v[i]);
    assert_int_equal(r.warnings.n, 0);
    nb_source_reader_release(&r);
    assert_int_equal(nb_test_http_count_path(srv, "/story"), 2);

    /* again: the feed comes from the cache after a 304 */
    if (read_url(srv, "/feed", &o, &r, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(r.nstories, 3);
    nb_source_reader_release(&r);
    struct nb_test_http_request last;
    int found = 0;
    for (size_t i = 0; nb_test_http_request(srv, i, &last); i++)
        if (strcmp(last.target, "/feed") == 0 && strcmp(last.if_none_match, "\"f1\"") == 0)
            found = 1;
    assert_true(found);

    /* the fetch was recorded in the state */
    struct nb_state *st;
    assert_int_equal(nb_state_open(&st, db.data, &err), NB_OK);
    long long when = 0;
    char *error = (char *)"x";
    char *url = nb_test_http_url(srv, "/feed");
    assert_int_equal(nb_state_last_fetch(st, url, &when, &error, &err), NB_OK);
    assert_true(when > 0);
    assert_null(error);
    free(url);
    nb_state_close(st);

    /* follow_links off: the summary is the story */
    o.follow_links = 0;
    if (read_url(srv, "/feed", &o, &r, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(r.nstories, 2);
    assert_string_equal(r.stories[1].article.sentences.v[0], "The north pier has a new gauge.");
    /* the title-only item has nothing to read without its page */
    assert_int_equal(r.warnings.n, 1);
    char *feed_url = nb_test_http_url(srv, "/feed");
    char want_warning[1024];
    snprintf(want_warning, sizeof(want_warning),
             "%s: item 2 ('Gauge story again, title only') has no text", feed_url);
    assert_string_equal(r.warnings.v[0], want_warning);
    free(feed_url);
    nb_source_reader_release(&r);
    nb_buf_release(&db);
    free(dir);
}

/* Each bad answer: one clear line naming the URL, in bounded time. */
static void test_bad_sources(void **state)
{
    struct nb_test_http *srv = *state;
    static const struct {
        const char *path;
        nb_status status;
        const char *message; /* after the URL */
    } cases[] = {
        {"/missing", NB_EIO, "': HTTP 404 Not Found"},
        {"/loop", NB_EIO, "': too many redirects (more than 5)"},
        {"/huge", NB_EIO, "': larger than 16 MiB"},
        {"/silent", NB_EIO, "': timed out after 2 s"},
        {"/links", NB_EINPUT, ": no article text in the page (only menus, links or nothing)"},
        {"/notxml", NB_EINPUT, ""},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_source_options o;
        nb_source_options_init(&o);
        /* only the server that never answers is given a short time; the
         * others must fail for their own reason on a slow machine too */
        o.fetch.timeout_ms = strcmp(cases[i].path, "/silent") == 0 ? 2000 : 120000;
        struct nb_source_reader r;
        struct nb_error err;
        char got[1024];
        nb_status rc = read_url(srv, cases[i].path, &o, &r, &err);
        nb_error_format(&err, got, sizeof(got));
        if (rc != cases[i].status)
            fail_msg("%s: status %u: %s", cases[i].path, (unsigned)rc, got);
        char *url = nb_test_http_url(srv, cases[i].path);
        struct nb_buf want;
        nb_buf_init(&want, 0);
        if (cases[i].status == NB_EIO)
            nb_buf_addf(&want, "'%s%s", url, cases[i].message);
        else
            nb_buf_addf(&want, "%s%s", url, cases[i].message);
        if (cases[i].message[0])
            assert_string_equal(got, want.data);
        else
            assert_true(strncmp(got, want.data, want.len) == 0 && strstr(got, "not a feed"));
        assert_int_equal(r.nstories, 0);
        nb_buf_release(&want);
        free(url);
        nb_source_reader_release(&r);
    }
}

/* The charset the HTTP header names is the one the page is read in. */
static void test_transport_charset(void **state)
{
    struct nb_source_options o;
    nb_source_options_init(&o);
    struct nb_source_reader r;
    struct nb_error err;
    char msg[1024];
    if (read_url(*state, "/latin2", &o, &r, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(r.nstories, 1);
    assert_non_null(strstr(r.stories[0].article.sentences.v[0], "w \xc5\x81\xc3\xb3"
                                                                "d\xc5\xba "));
    nb_source_reader_release(&r);
}

static void test_malformed_page(void **state)
{
    struct nb_source_options o;
    nb_source_options_init(&o);
    struct nb_source_reader r;
    struct nb_error err;
    char msg[1024];
    if (read_url(*state, "/malformed", &o, &r, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(r.nstories, 1);
    const struct nb_article *a = &r.stories[0].article;
    /* every sentence of the story survives the broken markup */
    assert_int_equal(a->sentences.n, 3);
    nb_source_reader_release(&r);
}

/* A briefing with a source that fails: a warning, and the rest is built;
 * with on_source_error: fail, the build fails with that source's error. */
static void test_bulletin_skips_failed_source(void **state)
{
    struct nb_test_http *srv = *state;
    char *dir = nb_test_tmpdir("web_bulletin");
    char *missing = nb_test_http_url(srv, "/missing");
    char *story = nb_test_http_url(srv, "/page.html");
    for (int fail = 0; fail < 2; fail++) {
        struct nb_buf yaml, path;
        nb_buf_init(&yaml, 0);
        nb_buf_init(&path, 0);
        nb_buf_addf(&yaml,
                    "title: Web Test\nvoice: anchor\ncache: cache\narticles:\n  - %s\n  - %s\n%s",
                    missing, story, fail ? "on_source_error: fail\n" : "");
        nb_buf_addf(&path, "%s/web%d.yaml", dir, fail);
        struct nb_error err;
        assert_int_equal(nb_file_write_atomic(path.data, yaml.data, yaml.len, &err), NB_OK);
        struct nb_bulletin bl;
        nb_bulletin_init(&bl);
        nb_error_init(&err);
        nb_status rc = nb_bulletin_script(&bl, path.data, &err);
        char got[1024], want[1024];
        nb_error_format(&err, got, sizeof(got));
        if (!fail) {
            if (rc != NB_OK)
                fail_msg("%s", got);
            assert_int_equal(bl.narticles, 1);
            assert_int_equal(bl.warnings.n, 1);
            snprintf(want, sizeof(want), "'%s': HTTP 404 Not Found; skipped", missing);
            assert_string_equal(bl.warnings.v[0], want);
        } else {
            assert_int_equal(rc, NB_EIO);
            snprintf(want, sizeof(want), "'%s': HTTP 404 Not Found", missing);
            assert_string_equal(got, want);
        }
        nb_bulletin_release(&bl);
        nb_buf_release(&yaml);
        nb_buf_release(&path);
    }
    free(missing);
    free(story);
    free(dir);
}

/* A corrupt state database fails the bulletin, whatever on_source_error
 * says: it is the briefing's memory, not one source. */
static void test_bulletin_corrupt_state(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("web_corrupt_state");
    struct nb_buf yaml, path, db;
    nb_buf_init(&yaml, 0);
    nb_buf_init(&path, 0);
    nb_buf_init(&db, 0);
    struct nb_error err;
    nb_buf_addf(&db, "%s/cache", dir);
    assert_int_equal(nb_file_mkdirs(db.data, &err), NB_OK);
    nb_buf_adds(&db, "/state.db");
    char junk[4096];
    for (size_t i = 0; i < sizeof(junk); i++)
        junk[i] = "corrupt state "[i % 14];
    assert_int_equal(nb_file_write_atomic(db.data, junk, sizeof(junk), &err), NB_OK);
    nb_buf_addf(&yaml,
                "title: T\nvoice: anchor\ncache: cache\nfollow_links: false\narticles:\n  - %s\n",
                NB_TEST_FIXTURES "/sources/dated.rss");
    nb_buf_addf(&path, "%s/b.yaml", dir);
    assert_int_equal(nb_file_write_atomic(path.data, yaml.data, yaml.len, &err), NB_OK);
    struct nb_bulletin bl;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_script(&bl, path.data, &err), NB_EINPUT);
    char got[1024], want[1024];
    snprintf(want, sizeof(want),
             "%s: feed state is corrupt (file is not a database): delete it to start again",
             db.data);
    assert_string_equal(nb_error_format(&err, got, sizeof(got)), want);
    nb_bulletin_release(&bl);
    nb_buf_release(&yaml);
    nb_buf_release(&path);
    nb_buf_release(&db);
    free(dir);
}

/* The feed items a bulletin spoke are not read again by the next; a
 * script alone (nothing spoken) remembers nothing. */
static void test_bulletin_remembers_heard(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("web_heard");
    struct nb_buf yaml, path;
    nb_buf_init(&yaml, 0);
    nb_buf_init(&path, 0);
    struct nb_error err;
    nb_buf_addf(
        &yaml,
        "title: T\nvoice: anchor\ncache: cache\nstories: 2\nsentences: 1\nfollow_links: false\n"
        "quotes: 0\narticles:\n  - %s\n",
        NB_TEST_FIXTURES "/sources/dated.rss");
    nb_buf_addf(&path, "%s/b.yaml", dir);
    assert_int_equal(nb_file_write_atomic(path.data, yaml.data, yaml.len, &err), NB_OK);
    static const char *const want[3][2] = {{"g1", "g2"}, {"g1", "g2"}, {"g3", "g4"}};
    for (int run = 0; run < 3; run++) {
        struct nb_bulletin bl;
        nb_bulletin_init(&bl);
        nb_error_init(&err);
        /* run 0: a script only; run 1: built and spoken; run 2: what is new */
        nb_status rc = run == 1 ? nb_bulletin_build(&bl, path.data, dir, &err)
                                : nb_bulletin_script(&bl, path.data, &err);
        char msg[1024];
        if (rc != NB_OK)
            fail_msg("run %d: %s", run, nb_error_format(&err, msg, sizeof(msg)));
        assert_int_equal(bl.narticles, 2);
        assert_string_equal(bl.sources.stories[0].guid, want[run][0]);
        assert_string_equal(bl.sources.stories[1].guid, want[run][1]);
        nb_bulletin_release(&bl);
    }
    nb_buf_release(&yaml);
    nb_buf_release(&path);
    free(dir);
}

/* A story skipped as a near-duplicate of one spoken before it is heard
 * too: the next bulletin has nothing new. */
static void test_bulletin_remembers_duplicates(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("web_heard_dupes");
    struct nb_buf yaml, path;
    nb_buf_init(&yaml, 0);
    nb_buf_init(&path, 0);
    struct nb_error err;
    nb_buf_addf(&yaml,
                "title: T\nvoice: anchor\ncache: cache\nsentences: 1\nquotes: 0\n"
                "follow_links: false\narticles:\n  - %s\n",
                NB_TEST_FIXTURES "/sources/dupes.rss");
    nb_buf_addf(&path, "%s/b.yaml", dir);
    assert_int_equal(nb_file_write_atomic(path.data, yaml.data, yaml.len, &err), NB_OK);
    struct nb_bulletin bl;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    char msg[1024];
    if (nb_bulletin_build(&bl, path.data, dir, &err) != NB_OK)
        fail_msg("%s", nb_error_format(&err, msg, sizeof(msg)));
    assert_int_equal(bl.narticles, 3);
    assert_int_equal(bl.stories, 2); /* b is a's story again */
    nb_bulletin_release(&bl);
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    assert_int_equal(nb_bulletin_script(&bl, path.data, &err), NB_EINPUT);
    char want[1024];
    snprintf(want, sizeof(want), "%s: no story to read: the feeds have no new items", path.data);
    assert_string_equal(nb_error_format(&err, msg, sizeof(msg)), want);
    nb_bulletin_release(&bl);
    nb_buf_release(&yaml);
    nb_buf_release(&path);
    free(dir);
}

/* No cache folder at all: the feed is still read, and the bulletin says
 * that heard items cannot be skipped. */
static void test_no_cache_folder(void **state)
{
    (void)state;
    char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    char *xdg = getenv("XDG_CACHE_HOME") ? strdup(getenv("XDG_CACHE_HOME")) : NULL;
    unsetenv("HOME");
    unsetenv("XDG_CACHE_HOME");
    char *dir = nb_test_tmpdir("web_no_cache");
    struct nb_buf yaml, path;
    nb_buf_init(&yaml, 0);
    nb_buf_init(&path, 0);
    struct nb_error err;
    nb_buf_addf(&yaml, "title: T\nvoice: anchor\nfollow_links: false\narticles:\n  - %s\n",
                NB_TEST_FIXTURES "/sources/dated.rss");
    nb_buf_addf(&path, "%s/b.yaml", dir);
    assert_int_equal(nb_file_write_atomic(path.data, yaml.data, yaml.len, &err), NB_OK);
    struct nb_bulletin bl;
    nb_bulletin_init(&bl);
    nb_error_init(&err);
    nb_status rc = nb_bulletin_script(&bl, path.data, &err);
    if (home)
        setenv("HOME", home, 1);
    if (xdg)
        setenv("XDG_CACHE_HOME", xdg, 1);
    assert_int_equal(rc, NB_OK);
    assert_int_equal(bl.narticles, 4);
    assert_int_equal(bl.warnings.n, 1);
    assert_string_equal(bl.warnings.v[0],
                        "no cache folder (neither HOME nor XDG_CACHE_HOME is set): feed items "
                        "heard before are read again; give the briefing a 'cache' folder");
    nb_bulletin_release(&bl);
    nb_buf_release(&yaml);
    nb_buf_release(&path);
    free(dir);
    free(home);
    free(xdg);
}

/* newsbrief read URL: a page is one JSON object, a feed one per line; a
 * bad source is one line on stderr and exit status 1 or 2. */
static void test_cli_read(void **state)
{
    struct nb_test_http *srv = *state;
    char *url = nb_test_http_url(srv, "/page.html");
    char *out = NULL, *err = NULL;
    char *argv[] = {BIN, "read", url, NULL};
    assert_int_equal(nb_test_run(argv, NULL, &out, &err), 0);
    assert_non_null(strstr(out, "\"headline\": \"Tide gauge upgraded at the north pier\"")
                        ? out
                        : strstr(out, "\"headline\":\"Tide gauge upgraded at the north pier\""));
    free(out);
    free(err);
    free(url);

    url = nb_test_http_url(srv, "/feed");
    char *argv2[] = {BIN, "read", url, NULL};
    assert_int_equal(nb_test_run(argv2, NULL, &out, &err), 0);
    size_t lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 3);
    assert_true(out[0] == '{');
    free(out);
    free(err);

    /* --offline: a URL is refused */
    char *argv3[] = {BIN, "read", "--offline", url, NULL};
    assert_int_equal(nb_test_run(argv3, NULL, &out, &err), 2);
    char want[1024];
    snprintf(want, sizeof(want),
             "newsbrief: %s: a URL, and fetching is off (read a saved file instead)\n", url);
    assert_string_equal(err, want);
    free(out);
    free(err);
    free(url);

    url = nb_test_http_url(srv, "/missing");
    char *argv4[] = {BIN, "read", url, NULL};
    assert_int_equal(nb_test_run(argv4, NULL, &out, &err), 1);
    snprintf(want, sizeof(want), "newsbrief: '%s': HTTP 404 Not Found\n", url);
    assert_string_equal(err, want);
    assert_string_equal(out, "");
    free(out);
    free(err);
    free(url);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page),
        cmocka_unit_test(test_feed_follows_links),
        cmocka_unit_test(test_bad_sources),
        cmocka_unit_test(test_transport_charset),
        cmocka_unit_test(test_malformed_page),
        cmocka_unit_test(test_bulletin_skips_failed_source),
        cmocka_unit_test(test_bulletin_corrupt_state),
        cmocka_unit_test(test_bulletin_remembers_heard),
        cmocka_unit_test(test_bulletin_remembers_duplicates),
        cmocka_unit_test(test_no_cache_folder),
        cmocka_unit_test(test_cli_read),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
