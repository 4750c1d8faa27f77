/* http_server.h - a small HTTP/1.1 server on 127.0.0.1 for the tests.
 *
 * A test starts it with a table of routes, fetches from it (in-process, or
 * from a subprocess such as `newsbrief read URL`), reads the log of what
 * the server received, and stops it:
 *
 *     static const struct nb_test_route routes[] = {
 *         {.path = "/feed", .content_type = "application/rss+xml", .body = "<rss/>",
 *          .etag = "\"v1\""},
 *         {.path = "/loop", .status = 302, .location = "/loop"},
 *     };
 *     struct nb_test_http *srv = nb_test_http_start(routes, 2);
 *     char *url = nb_test_http_url(srv, "/feed");     // "http://127.0.0.1:PORT/feed"
 *     ... fetch url ...
 *     assert_int_equal(nb_test_http_count(srv), 1);
 *     free(url);
 *     nb_test_http_stop(srv);
 *
 * The server listens on a port the kernel chooses, accepts connections on
 * its own thread and answers each on a thread of its own (so that a held
 * connection does not block the next), one request per connection
 * ("Connection: close").  nb_test_http_stop() wakes every thread, joins
 * them and closes every socket: no thread outlives the stop.  As a safety
 * net for a test that forgets to stop it, the server also winds down (and
 * answers no more) after 60 s without a new connection; a connection held
 * open lasts at most 60 s too.  Sockets are close-on-exec, so a subprocess
 * does not inherit them.  A client that honours http_proxy / all_proxy
 * should run with them unset (a test's main() can unsetenv() them).
 *
 * Failures inside the server (out of memory, a socket error) end that
 * connection; nb_test_http_start() fails the test when the server cannot
 * start.  This is test code: it uses cmocka's fail_msg only on the test's
 * own thread.
 */
#ifndef NB_TESTS_HTTP_SERVER_H
#define NB_TESTS_HTTP_SERVER_H

#include <stddef.h>

/* What a route does once it has read the request. */
enum nb_test_http_behaviour {
    /* The status line, the headers (with Content-Length), the body. */
    NB_TEST_HTTP_NORMAL = 0,
    /* Reads the request and answers nothing: holds the connection open
     * until the client closes it or the server stops. */
    NB_TEST_HTTP_NEVER_ANSWER,
    /* The status line and the headers (without Content-Length, unless the
     * route's `headers` give one), then nothing: holds the connection as
     * above.  With "Content-Length: 1073741824" in `headers`, a client
     * that checks the announced length fails at once, one that does not
     * waits for a body that never comes. */
    NB_TEST_HTTP_HEADERS_ONLY,
    /* The status line, the headers (without Content-Length unless given),
     * then `size` bytes of 'a' (0: 1 GiB) in 64 KiB chunks, never held in
     * memory; stops early when the client closes the connection. */
    NB_TEST_HTTP_HUGE,
    /* The status line and the headers, then the body (or, without one,
     * endless 'a's) one byte every `interval_ms` (0: 1000 ms); stops when
     * the client closes the connection. */
    NB_TEST_HTTP_SLOW
};

/* One path the server answers.  Every string is borrowed: the table must
 * outlive the server.  Requests for other paths get "404 Not Found". */
struct nb_test_route {
    const char *path;         /* the request target, e.g. "/a"; a query is
                                 ignored unless the path given has one */
    int status;               /* 0: 200 */
    const char *reason;       /* NULL: the usual phrase for the status */
    const char *content_type; /* NULL: no Content-Type header */
    const char *location;     /* NULL: no Location header; may be relative */
    /* Validators.  Sent with every answer; when the request's
     * If-None-Match names `etag` (or is "*"), or, without If-None-Match,
     * its If-Modified-Since equals `last_modified` byte for byte, the
     * answer is "304 Not Modified" without a body. */
    const char *etag;          /* with its quotes: "\"v1\"" */
    const char *last_modified; /* e.g. "Tue, 03 Jun 2025 10:00:00 GMT" */
    const char *headers;       /* NULL, or more header lines, each ending "\r\n" */
    const char *body;          /* NULL: empty (or the file below) */
    const char *body_file;     /* used when body is NULL: the body is this file */
    enum nb_test_http_behaviour behaviour;
    unsigned long long size; /* NB_TEST_HTTP_HUGE: body length, 0 = 1 GiB */
    long interval_ms;        /* NB_TEST_HTTP_SLOW: between bytes, 0 = 1000 */
};

/* What the server received: one complete request head.  Header values are
 * "" when the header was absent and are cut to fit. */
struct nb_test_http_request {
    char method[16];
    char target[512]; /* as sent: path and query */
    char user_agent[256];
    char if_none_match[256];
    char if_modified_since[128];
    char accept_encoding[128];
};

struct nb_test_http;

/* Starts a server for routes[0..n) (borrowed) on 127.0.0.1, port chosen
 * by the kernel.  Fails the test when it cannot; never returns NULL. */
struct nb_test_http *nb_test_http_start(const struct nb_test_route *routes, size_t n);

/* Wakes and joins every server thread, closes every socket and frees the
 * server.  Connections still open are cut.  NULL is fine. */
void nb_test_http_stop(struct nb_test_http *srv);

/* "http://127.0.0.1:PORT", without a final slash; owned by the server. */
const char *nb_test_http_base(const struct nb_test_http *srv);
unsigned nb_test_http_port(const struct nb_test_http *srv);

/* The base followed by `path` ("/feed"): malloc'd, the caller frees it. */
char *nb_test_http_url(const struct nb_test_http *srv, const char *path);

/* How many requests the server has read so far (all paths, or those whose
 * target is `path`).  A request counts once its head is read, before the
 * answer, so after a client returns its requests are all counted. */
size_t nb_test_http_count(struct nb_test_http *srv);
size_t nb_test_http_count_path(struct nb_test_http *srv, const char *path);

/* Copies the i-th request received (0-based) into *out: 1, or 0 when
 * there is no such request (the log keeps the first 256). */
int nb_test_http_request(struct nb_test_http *srv, size_t i, struct nb_test_http_request *out);

/* Copies the last request received into *out: 1, or 0 when none. */
int nb_test_http_last(struct nb_test_http *srv, struct nb_test_http_request *out);

/* How many servers of this process are started and not yet stopped: a
 * test's teardown checks it is 0. */
size_t nb_test_http_live(void);

#endif
