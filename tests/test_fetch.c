#include <dirent.h>
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "http_server.h"
#include "source/fetch.h"
#include "source/state.h"
#include "source/fetch_cache.h"
#include "support.h"
#include "text/file.h"

#define GZ_HELLO NB_TEST_FIXTURES "/fetch/hello.txt.gz"
#define GZ_ZEROS NB_TEST_FIXTURES "/fetch/zeros-2mib.gz"

static const struct nb_test_route routes[] = {
    {.path = "/story", .content_type = "text/html; charset=utf-8", .body = "<p>Ferry returns</p>"},
    {.path = "/old", .status = 301, .location = "/story"},
    {.path = "/loop", .status = 302, .location = "/loop"},
    {.path = "/ping", .status = 302, .location = "/pong"},
    {.path = "/pong", .status = 302, .location = "/ping"},
    {.path = "/to-ftp", .status = 302, .location = "ftp://127.0.0.1/file"},
    {.path = "/to-file", .status = 302, .location = "file:///etc/passwd"},
    {.path = "/gone", .status = 503, .reason = "Gone Fishing", .body = "back soon"},
    {.path = "/not-modified", .status = 304},
    {.path = "/silent", .behaviour = NB_TEST_HTTP_NEVER_ANSWER},
    {.path = "/huge", .behaviour = NB_TEST_HTTP_HUGE},
    {.path = "/announced",
     .behaviour = NB_TEST_HTTP_HEADERS_ONLY,
     .headers = "Content-Length: 1073741824\r\n"},
    {.path = "/slow", .behaviour = NB_TEST_HTTP_SLOW, .interval_ms = 2000, .body = "abcdefghij"},
    {.path = "/etag", .content_type = "application/rss+xml", .etag = "\"v1\"", .body = "<rss/>"},
    {.path = "/dated",
     .content_type = "text/plain",
     .last_modified = "Tue, 03 Jun 2025 10:00:00 GMT",
     .body = "dated body"},
    {.path = "/gzip", .headers = "Content-Encoding: gzip\r\n", .body_file = GZ_HELLO},
    {.path = "/bomb", .headers = "Content-Encoding: gzip\r\n", .body_file = GZ_ZEROS},
};
#define N_ROUTES (sizeof(routes) / sizeof(routes[0]))

/* Bounds that a test's fetch cannot pass on a slow machine, unless the
 * test is about them. */
static struct nb_fetch_options options(void)
{
    struct nb_fetch_options o;
    nb_fetch_options_init(&o);
    o.timeout_ms = 60000;
    return o;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Fetches srv's `path` and checks it fails with `status` and the message
 * "'URL': <what>". */
static void expect_failure(struct nb_test_http *srv, const char *path,
                           const struct nb_fetch_options *o, nb_status status, const char *what)
{
    char *url = nb_test_http_url(srv, path);
    char expected[1024];
    snprintf(expected, sizeof(expected), "'%s': %s", url, what);
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_fetch(url, o, &r, &err), status);
    assert_string_equal(err.message, expected);
    assert_int_equal(r.body.len, 0);
    assert_null(r.final_url);
    assert_null(r.content_type);
    nb_fetch_result_release(&r);
    free(url);
}

/* Fetches srv's `path`, which must succeed. */
static void fetch_ok(struct nb_test_http *srv, const char *path, const struct nb_fetch_options *o,
                     struct nb_fetch_result *r)
{
    char *url = nb_test_http_url(srv, path);
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc = nb_fetch(url, o, r, &err);
    if (rc != NB_OK)
        fail_msg("%s: %s", url, err.message);
    free(url);
}

static int no_server_left(void **state)
{
    (void)state;
    assert_int_equal(nb_test_http_live(), 0);
    return 0;
}

static void test_is_url(void **state)
{
    (void)state;
    assert_true(nb_fetch_is_url("http://example.com/"));
    assert_true(nb_fetch_is_url("HTTPS://example.com/a?b"));
    assert_true(nb_fetch_is_url("Http://x"));
    assert_false(nb_fetch_is_url("ftp://example.com/"));
    assert_false(nb_fetch_is_url("file:///etc/passwd"));
    assert_false(nb_fetch_is_url("httpx://a"));
    assert_false(nb_fetch_is_url("http:/a"));
    assert_false(nb_fetch_is_url("articles/story.txt"));
    assert_false(nb_fetch_is_url(""));
    assert_false(nb_fetch_is_url(NULL));
}

static void test_body_and_type(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    fetch_ok(srv, "/story", NULL, &r);
    assert_string_equal(r.body.data, "<p>Ferry returns</p>");
    assert_int_equal(r.body.len, strlen("<p>Ferry returns</p>"));
    assert_string_equal(r.content_type, "text/html; charset=utf-8");
    char *url = nb_test_http_url(srv, "/story");
    assert_string_equal(r.final_url, url);
    assert_int_equal(r.from_cache, 0);

    struct nb_test_http_request req;
    assert_int_equal(nb_test_http_count(srv), 1);
    assert_true(nb_test_http_last(srv, &req));
    assert_string_equal(req.method, "GET");
    assert_string_equal(req.target, "/story");
    assert_string_equal(req.user_agent, NB_FETCH_USER_AGENT);
    assert_non_null(strstr(req.user_agent, "newsbrief/"));
    assert_non_null(strstr(req.accept_encoding, "gzip"));
    assert_string_equal(req.if_none_match, "");
    assert_string_equal(req.if_modified_since, "");

    /* the result can be reused: what it held is released */
    fetch_ok(srv, "/story?page=2", NULL, &r);
    assert_string_equal(r.body.data, "<p>Ferry returns</p>");
    assert_int_equal(nb_test_http_count_path(srv, "/story?page=2"), 1);
    nb_fetch_result_release(&r);
    free(url);
    nb_test_http_stop(srv);
}

static void test_http_errors(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    expect_failure(srv, "/missing", NULL, NB_EIO, "HTTP 404 Not Found");
    expect_failure(srv, "/gone", NULL, NB_EIO, "HTTP 503 Gone Fishing");
    /* a 304 to a request that had no validators */
    expect_failure(srv, "/not-modified", NULL, NB_EIO, "HTTP 304 Not Modified");
    nb_test_http_stop(srv);
}

static void test_redirect(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    fetch_ok(srv, "/old", NULL, &r);
    char *url = nb_test_http_url(srv, "/story");
    assert_string_equal(r.final_url, url);
    assert_string_equal(r.body.data, "<p>Ferry returns</p>");
    assert_int_equal(nb_test_http_count_path(srv, "/old"), 1);
    assert_int_equal(nb_test_http_count_path(srv, "/story"), 1);
    nb_fetch_result_release(&r);
    free(url);
    nb_test_http_stop(srv);
}

static void test_redirect_loops(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    expect_failure(srv, "/loop", NULL, NB_EIO, "too many redirects (more than 5)");
    assert_int_equal(nb_test_http_count_path(srv, "/loop"), 6); /* the first, 5 followed */
    struct nb_fetch_options o = options();
    o.max_redirects = 2;
    expect_failure(srv, "/ping", &o, NB_EIO, "too many redirects (more than 2)");
    assert_int_equal(nb_test_http_count_path(srv, "/ping"), 2);
    assert_int_equal(nb_test_http_count_path(srv, "/pong"), 1);
    nb_test_http_stop(srv);
}

static void test_redirect_elsewhere(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    expect_failure(srv, "/to-ftp", NULL, NB_EIO, "redirected to a URL that is not http(s)");
    expect_failure(srv, "/to-file", NULL, NB_EIO, "redirected to a URL that is not http(s)");
    nb_test_http_stop(srv);
}

static void test_never_answers(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_options o = options();
    o.timeout_ms = 1500;
    double start = now_s();
    expect_failure(srv, "/silent", &o, NB_EIO, "timed out after 1.5 s");
    assert_true(now_s() - start < 30.0); /* bounded, however slow the machine */
    assert_int_equal(nb_test_http_count_path(srv, "/silent"), 1);
    nb_test_http_stop(srv);
}

static long max_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static void test_huge_body(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_options o = options();
    o.max_bytes = (size_t)1 << 20;
    long before = max_rss_kib();
    expect_failure(srv, "/huge", &o, NB_EIO, "larger than 1 MiB");
    /* neither side held the gigabyte: the peak grew by far less */
    assert_true(max_rss_kib() - before < 128 * 1024);
    nb_test_http_stop(srv);
}

static void test_announced_length_over_cap(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_options o = options();
    o.max_bytes = (size_t)1 << 20;
    /* no body byte ever comes: only the Content-Length can end this
     * before the timeout */
    expect_failure(srv, "/announced", &o, NB_EIO, "larger than 1 MiB");
    o.max_bytes = 10;
    expect_failure(srv, "/story", &o, NB_EIO, "larger than 10 bytes");
    nb_test_http_stop(srv);
}

static void test_slow_trickle(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_options o = options();
    o.low_speed_ms = 1000;
    expect_failure(srv, "/slow", &o, NB_EIO, "too slow (under 1 byte/s for 1 s)");
    nb_test_http_stop(srv);
}

static void test_gzip(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    fetch_ok(srv, "/gzip", NULL, &r);
    assert_string_equal(r.body.data, "hello, gzip\n");
    nb_fetch_result_release(&r);
    /* 2 kB on the wire, 2 MiB decoded: the cap is on what is decoded */
    struct nb_fetch_options o = options();
    o.max_bytes = (size_t)1 << 20;
    expect_failure(srv, "/bomb", &o, NB_EIO, "larger than 1 MiB");
    nb_test_http_stop(srv);
}

/* Fetches `path` twice through a cache in `dir`: the first time from the
 * server, the second time 304 from the cache.  Returns the second
 * request. */
static struct nb_test_http_request fetch_twice(const char *path, const char *dir, const char *body,
                                               const char *type)
{
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_options o = options();
    o.cache_dir = dir;
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    struct nb_test_http_request first, second;

    fetch_ok(srv, path, &o, &r);
    assert_int_equal(r.from_cache, 0);
    assert_string_equal(r.body.data, body);
    assert_true(nb_test_http_last(srv, &first));
    assert_string_equal(first.if_none_match, "");
    assert_string_equal(first.if_modified_since, "");

    fetch_ok(srv, path, &o, &r);
    assert_int_equal(r.from_cache, 1);
    assert_string_equal(r.body.data, body);
    assert_string_equal(r.content_type, type);
    char *url = nb_test_http_url(srv, path);
    assert_string_equal(r.final_url, url);
    assert_int_equal(nb_test_http_count(srv), 2);
    assert_true(nb_test_http_last(srv, &second));
    free(url);
    nb_fetch_result_release(&r);
    nb_test_http_stop(srv);
    return second;
}

static void test_conditional_etag(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("fetch_etag");
    struct nb_test_http_request req = fetch_twice("/etag", dir, "<rss/>", "application/rss+xml");
    assert_string_equal(req.if_none_match, "\"v1\"");
    assert_string_equal(req.if_modified_since, "");
    free(dir);
}

static void test_conditional_last_modified(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("fetch_dated");
    /* a folder that is not there yet, parents and all */
    char cache[1024];
    snprintf(cache, sizeof(cache), "%s/a/b/cache", dir);
    struct nb_test_http_request req = fetch_twice("/dated", cache, "dated body", "text/plain");
    assert_string_equal(req.if_none_match, "");
    assert_string_equal(req.if_modified_since, "Tue, 03 Jun 2025 10:00:00 GMT");
    free(dir);
}

/* The path of the one file in `dir` whose name ends in `ext`. */
static char *cache_file(const char *dir, const char *ext)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    char *found = NULL;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name), k = strlen(ext);
        if (n > k && strcmp(e->d_name + n - k, ext) == 0) {
            assert_null(found);
            found = malloc(strlen(dir) + n + 2);
            assert_non_null(found);
            snprintf(found, strlen(dir) + n + 2, "%s/%s", dir, e->d_name);
        }
    }
    closedir(d);
    assert_non_null(found);
    return found;
}

/* A 304 whose cached body is gone (`damage` 0) or changed (1): the fetch
 * asks again without validators and gets the body. */
static void refetch_after(int damage, const char *name)
{
    char *dir = nb_test_tmpdir(name);
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    struct nb_fetch_options o = options();
    o.cache_dir = dir;
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    fetch_ok(srv, "/etag", &o, &r);

    char *body = cache_file(dir, ".body");
    struct nb_error err;
    if (damage)
        assert_int_equal(nb_file_write_atomic(body, "<xss/>", 6, &err), NB_OK);
    else
        assert_int_equal(unlink(body), 0);

    fetch_ok(srv, "/etag", &o, &r);
    assert_int_equal(r.from_cache, 0);
    assert_string_equal(r.body.data, "<rss/>");
    assert_string_equal(r.content_type, "application/rss+xml");
    assert_int_equal(nb_test_http_count(srv), 3);
    struct nb_test_http_request req;
    assert_true(nb_test_http_request(srv, 1, &req));
    assert_string_equal(req.if_none_match, "\"v1\"");
    assert_true(nb_test_http_request(srv, 2, &req));
    assert_string_equal(req.if_none_match, "");

    /* and the cache is whole again */
    fetch_ok(srv, "/etag", &o, &r);
    assert_int_equal(r.from_cache, 1);
    assert_string_equal(r.body.data, "<rss/>");
    nb_fetch_result_release(&r);
    free(body);
    nb_test_http_stop(srv);
    free(dir);
}

static void test_cached_body_missing(void **state)
{
    (void)state;
    refetch_after(0, "fetch_missing");
}

static void test_cached_body_damaged(void **state)
{
    (void)state;
    refetch_after(1, "fetch_damaged");
}

/* The validators are kept in the cache folder's state.db (state.h), and
 * a body written there by another URL with the same key is a miss. */
static void test_validators_in_state(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("fetch_state");
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    char *url = nb_test_http_url(srv, "/etag");
    struct nb_fetch_options o = options();
    o.cache_dir = dir;
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    fetch_ok(srv, "/etag", &o, &r);
    nb_fetch_result_release(&r);

    char db[1024];
    snprintf(db, sizeof(db), "%s/state.db", dir);
    struct nb_state *st;
    struct nb_error err;
    assert_int_equal(nb_state_open(&st, db, &err), NB_OK);
    struct nb_state_validators v;
    memset(&v, 0, sizeof(v));
    int found = 0;
    assert_int_equal(nb_state_get_validators(st, url, &v, &found, &err), NB_OK);
    assert_true(found);
    assert_string_equal(v.etag, "\"v1\"");
    assert_int_equal(v.length, 6);
    nb_state_validators_release(&v);
    nb_state_close(st);

    /* the body at this URL's name replaced by another's: not sent as ours */
    char body_path[1024];
    snprintf(body_path, sizeof(body_path), "%s/%016" PRIx64 ".body", dir,
             nb_fetch_cache_hash(url, strlen(url)));
    assert_int_equal(nb_file_write_atomic(body_path, "<other/>", 8, &err), NB_OK);
    fetch_ok(srv, "/etag", &o, &r);
    assert_string_equal(r.body.data, "<rss/>");
    nb_fetch_result_release(&r);

    /* a corrupt state.db is an error naming it */
    static const char junk[] = "not a database at all, only words, and more words, and more";
    char big[4096];
    for (size_t i = 0; i < sizeof(big); i++)
        big[i] = junk[i % (sizeof(junk) - 1)];
    assert_int_equal(nb_file_write_atomic(db, big, sizeof(big), &err), NB_OK);
    char wal[1100];
    snprintf(wal, sizeof(wal), "%s-wal", db);
    remove(wal);
    snprintf(wal, sizeof(wal), "%s-shm", db);
    remove(wal);
    nb_error_init(&err);
    assert_int_equal(nb_fetch(url, &o, &r, &err), NB_EINPUT);
    char got[1200], want[1200];
    snprintf(want, sizeof(want),
             "%s: feed state is corrupt (file is not a database): delete it to start again", db);
    assert_string_equal(nb_error_format(&err, got, sizeof(got)), want);
    free(url);
    nb_test_http_stop(srv);
    free(dir);
}

static void test_not_http(void **state)
{
    (void)state;
    static const char *const urls[] = {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://a",
                                       "/etc/passwd", ""};
    for (size_t i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
        struct nb_fetch_result r;
        nb_fetch_result_init(&r);
        struct nb_error err;
        char expected[256];
        snprintf(expected, sizeof(expected), "'%s': not an http(s) URL", urls[i]);
        assert_int_equal(nb_fetch(urls[i], NULL, &r, &err), NB_EINPUT);
        assert_string_equal(err.message, expected);
        nb_fetch_result_release(&r);
    }
}

static void test_connection_refused(void **state)
{
    (void)state;
    struct nb_test_http *srv = nb_test_http_start(routes, N_ROUTES);
    char *url = nb_test_http_url(srv, "/story");
    nb_test_http_stop(srv); /* nothing listens on the port now */
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    struct nb_error err;
    char expected[256];
    snprintf(expected, sizeof(expected), "'%s': could not connect (connection refused)", url);
    assert_int_equal(nb_fetch(url, NULL, &r, &err), NB_EIO);
    assert_string_equal(err.message, expected);
    nb_fetch_result_release(&r);
    free(url);
}

static void test_bad_url(void **state)
{
    (void)state;
    struct nb_fetch_result r;
    nb_fetch_result_init(&r);
    struct nb_error err;
    assert_int_equal(nb_fetch("http://", NULL, &r, &err), NB_EINPUT);
    assert_non_null(strstr(err.message, "'http://': not a valid URL"));
    nb_fetch_result_release(&r);
}

/* Last: every server thread of every test above has been joined. */
static void test_no_thread_left(void **state)
{
    (void)state;
    DIR *d = opendir("/proc/self/task");
    if (!d)
        skip();
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += e->d_name[0] != '.';
    closedir(d);
    assert_int_equal(n, 1);
}

int main(void)
{
    /* the server is on 127.0.0.1: no proxy of the environment in between */
    static const char *const proxies[] = {"http_proxy", "https_proxy", "all_proxy", "ALL_PROXY",
                                          "HTTPS_PROXY"};
    for (size_t i = 0; i < sizeof(proxies) / sizeof(proxies[0]); i++)
        unsetenv(proxies[i]);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_is_url, no_server_left),
        cmocka_unit_test_teardown(test_body_and_type, no_server_left),
        cmocka_unit_test_teardown(test_http_errors, no_server_left),
        cmocka_unit_test_teardown(test_redirect, no_server_left),
        cmocka_unit_test_teardown(test_redirect_loops, no_server_left),
        cmocka_unit_test_teardown(test_redirect_elsewhere, no_server_left),
        cmocka_unit_test_teardown(test_never_answers, no_server_left),
        cmocka_unit_test_teardown(test_huge_body, no_server_left),
        cmocka_unit_test_teardown(test_announced_length_over_cap, no_server_left),
        cmocka_unit_test_teardown(test_slow_trickle, no_server_left),
        cmocka_unit_test_teardown(test_gzip, no_server_left),
        cmocka_unit_test_teardown(test_conditional_etag, no_server_left),
        cmocka_unit_test_teardown(test_conditional_last_modified, no_server_left),
        cmocka_unit_test_teardown(test_cached_body_missing, no_server_left),
        cmocka_unit_test_teardown(test_cached_body_damaged, no_server_left),
        cmocka_unit_test_teardown(test_validators_in_state, no_server_left),
        cmocka_unit_test_teardown(test_not_http, no_server_left),
        cmocka_unit_test_teardown(test_connection_refused, no_server_left),
        cmocka_unit_test_teardown(test_bad_url, no_server_left),
        cmocka_unit_test(test_no_thread_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
