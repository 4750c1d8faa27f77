/* http_server.c - the tests' HTTP/1.1 server (see http_server.h).
 *
 * Threads: one accepts, one per connection answers.  Every wait is a
 * poll() that also watches the read end of a pipe: writing one byte to it
 * (never read back) wakes every thread at once for the stop.
 */
#include "http_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmocka.h>

#include "text/buf.h"
#include "text/error.h"
#include "text/file.h"

#define IDLE_MS 60000  /* the safety net: wind down after this long unused */
#define HEAD_MAX 32768 /* longest request head read */
#define LOG_MAX 256    /* requests kept in the log */
#define CONN_MAX 64    /* connections answered at once */
#define CHUNK 65536    /* NB_TEST_HTTP_HUGE writes this much at a time */

struct conn {
    struct nb_test_http *srv;
    int fd;
    int done; /* set by the connection's thread as it ends (under srv->lock) */
    pthread_t thread;
    struct conn *next;
};

struct nb_test_http {
    const struct nb_test_route *routes;
    size_t n_routes;
    int listen_fd;
    int wake[2]; /* a byte in wake[1] means "stop" to every poll */
    unsigned port;
    char base[64];
    pthread_t acceptor;

    pthread_mutex_t lock; /* guards everything below */
    struct conn *conns;
    size_t count;
    struct nb_test_http_request log[LOG_MAX];
    struct nb_test_http_request last;
};

static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static size_t live_servers;

/* ---- waiting ---- */

/* Waits until `fd` is ready for `events`, the server is stopping, or
 * `timeout_ms` passes: 1 ready, 0 stop or timeout, -1 error. */
static int wait_fd(struct nb_test_http *srv, int fd, short events, int timeout_ms)
{
    for (;;) {
        struct pollfd p[2] = {{fd, events, 0}, {srv->wake[0], POLLIN, 0}};
        int n = poll(p, 2, timeout_ms);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        if (p[1].revents)
            return 0;
        if (n == 0)
            return 0;
        return 1;
    }
}

/* Sleeps `ms` unless the server stops first: 1 slept, 0 stopping. */
static int nap(struct nb_test_http *srv, long ms)
{
    struct pollfd p = {srv->wake[0], POLLIN, 0};
    while (poll(&p, 1, (int)ms) < 0)
        if (errno != EINTR)
            return 0;
    return p.revents == 0;
}

/* Holds the connection, reading and dropping whatever comes, until the
 * client closes it, the server stops, or the idle limit passes. */
static void hold(struct conn *c)
{
    char tmp[4096];
    while (wait_fd(c->srv, c->fd, POLLIN, IDLE_MS) == 1) {
        ssize_t n = recv(c->fd, tmp, sizeof(tmp), 0);
        if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
            return;
    }
}

/* Sends all of data: 0, or -1 when the client went away or the server
 * stops. */
static int send_all(struct conn *c, const char *data, size_t len)
{
    while (len > 0) {
        if (wait_fd(c->srv, c->fd, POLLOUT, IDLE_MS) != 1)
            return -1;
        ssize_t n = send(c->fd, data, len, MSG_NOSIGNAL);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* ---- the request ---- */

/* Reads the request head into `head` (up to and including the blank
 * line): 0, or -1 when the client closed first, it is too long, or the
 * server stops. */
static int read_head(struct conn *c, struct nb_buf *head)
{
    char tmp[4096];
    while (!strstr(head->data, "\r\n\r\n")) {
        if (head->len > HEAD_MAX || wait_fd(c->srv, c->fd, POLLIN, IDLE_MS) != 1)
            return -1;
        ssize_t n = recv(c->fd, tmp, sizeof(tmp), 0);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0 || nb_buf_add(head, tmp, (size_t)n) != NB_OK)
            return -1;
    }
    return 0;
}

static void copy_cut(char *dst, size_t size, const char *s, size_t len)
{
    if (len >= size)
        len = size - 1;
    memcpy(dst, s, len);
    dst[len] = '\0';
}

/* Fills *req from the head: the request line, then the headers the log
 * keeps. */
static void parse_head(const char *head, struct nb_test_http_request *req)
{
    memset(req, 0, sizeof(*req));
    const char *eol = strstr(head, "\r\n");
    const char *sp1 = memchr(head, ' ', (size_t)(eol - head));
    const char *sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t)(eol - sp1 - 1)) : NULL;
    if (sp1 && sp2) {
        copy_cut(req->method, sizeof(req->method), head, (size_t)(sp1 - head));
        copy_cut(req->target, sizeof(req->target), sp1 + 1, (size_t)(sp2 - sp1 - 1));
    }
    static const struct {
        const char *name;
        size_t offset, size;
    } kept[] = {
        {"User-Agent", offsetof(struct nb_test_http_request, user_agent), sizeof(req->user_agent)},
        {"If-None-Match", offsetof(struct nb_test_http_request, if_none_match),
         sizeof(req->if_none_match)},
        {"If-Modified-Since", offsetof(struct nb_test_http_request, if_modified_since),
         sizeof(req->if_modified_since)},
        {"Accept-Encoding", offsetof(struct nb_test_http_request, accept_encoding),
         sizeof(req->accept_encoding)},
    };
    for (const char *line = eol + 2; (eol = strstr(line, "\r\n")) && eol > line; line = eol + 2) {
        const char *colon = memchr(line, ':', (size_t)(eol - line));
        if (!colon)
            continue;
        const char *v = colon + 1;
        while (v < eol && (*v == ' ' || *v == '\t'))
            v++;
        for (size_t k = 0; k < sizeof(kept) / sizeof(kept[0]); k++)
            if ((size_t)(colon - line) == strlen(kept[k].name) &&
                strncasecmp(line, kept[k].name, (size_t)(colon - line)) == 0)
                copy_cut((char *)req + kept[k].offset, kept[k].size, v, (size_t)(eol - v));
    }
}

static void log_request(struct nb_test_http *srv, const struct nb_test_http_request *req)
{
    pthread_mutex_lock(&srv->lock);
    if (srv->count < LOG_MAX)
        srv->log[srv->count] = *req;
    srv->last = *req;
    srv->count++;
    pthread_mutex_unlock(&srv->lock);
}

/* The route for a request target: an exact match, or one on the path
 * without its query; NULL when none. */
static const struct nb_test_route *find_route(const struct nb_test_http *srv, const char *target)
{
    size_t path_len = strcspn(target, "?");
    for (size_t i = 0; i < srv->n_routes; i++)
        if (strcmp(srv->routes[i].path, target) == 0)
            return &srv->routes[i];
    for (size_t i = 0; i < srv->n_routes; i++)
        if (strlen(srv->routes[i].path) == path_len &&
            strncmp(srv->routes[i].path, target, path_len) == 0)
            return &srv->routes[i];
    return NULL;
}

/* Whether an If-None-Match list ("\"a\", W/\"b\"" or "*") names etag. */
static int etag_listed(const char *list, const char *etag)
{
    size_t len = strlen(etag);
    for (const char *p = list; *p;) {
        p += strspn(p, " \t,");
        size_t n = strcspn(p, ",");
        while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
            n--;
        if ((n == 1 && *p == '*') || (n == len && strncmp(p, etag, n) == 0))
            return 1;
        p += n;
    }
    return 0;
}

static int not_modified(const struct nb_test_route *r, const struct nb_test_http_request *req)
{
    if (req->if_none_match[0])
        return r->etag && etag_listed(req->if_none_match, r->etag);
    return r->last_modified && req->if_modified_since[0] &&
           strcmp(req->if_modified_since, r->last_modified) == 0;
}

/* ---- the answer ---- */

static const char *usual_reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 410:
        return "Gone";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

/* Appends the status line and the headers, up to and including the blank
 * line; Content-Length when `length` is not -1. */
static nb_status add_head(struct nb_buf *out, const struct nb_test_route *r, int status,
                          long long length)
{
    const char *reason =
        r->reason && status == (r->status ? r->status : 200) ? r->reason : usual_reason(status);
    nb_status rc = nb_buf_addf(out, "HTTP/1.1 %d %s\r\nConnection: close\r\n", status, reason);
    if (rc == NB_OK && r->content_type && status != 304)
        rc = nb_buf_addf(out, "Content-Type: %s\r\n", r->content_type);
    if (rc == NB_OK && r->location)
        rc = nb_buf_addf(out, "Location: %s\r\n", r->location);
    if (rc == NB_OK && r->etag)
        rc = nb_buf_addf(out, "ETag: %s\r\n", r->etag);
    if (rc == NB_OK && r->last_modified)
        rc = nb_buf_addf(out, "Last-Modified: %s\r\n", r->last_modified);
    if (rc == NB_OK && r->headers)
        rc = nb_buf_adds(out, r->headers);
    if (rc == NB_OK && length >= 0)
        rc = nb_buf_addf(out, "Content-Length: %lld\r\n", length);
    if (rc == NB_OK)
        rc = nb_buf_adds(out, "\r\n");
    return rc;
}

/* Appends the route's body to out: 0, or -1 when its file cannot be read. */
static int add_body(struct nb_buf *out, const struct nb_test_route *r)
{
    if (r->body)
        return nb_buf_adds(out, r->body) == NB_OK ? 0 : -1;
    if (r->body_file)
        return nb_file_read(r->body_file, 0, out, NULL) == NB_OK ? 0 : -1;
    return 0;
}

static void answer_normal(struct conn *c, const struct nb_test_route *r, int status)
{
    struct nb_buf body, out;
    nb_buf_init(&body, 0);
    nb_buf_init(&out, 0);
    if (status == 304) {
        if (add_head(&out, r, status, -1) == NB_OK)
            send_all(c, out.data, out.len);
    } else if (add_body(&body, r) == 0 && add_head(&out, r, status, (long long)body.len) == NB_OK &&
               nb_buf_add(&out, body.data, body.len) == NB_OK) {
        send_all(c, out.data, out.len);
    } else {
        static const char fail[] = "HTTP/1.1 500 Internal Server Error\r\n"
                                   "Connection: close\r\nContent-Length: 0\r\n\r\n";
        send_all(c, fail, sizeof(fail) - 1);
    }
    nb_buf_release(&body);
    nb_buf_release(&out);
}

static void stream_huge(struct conn *c, const struct nb_test_route *r)
{
    char chunk[CHUNK];
    memset(chunk, 'a', sizeof(chunk));
    unsigned long long left = r->size ? r->size : 1ULL << 30;
    while (left > 0) {
        size_t n = left < sizeof(chunk) ? (size_t)left : sizeof(chunk);
        if (send_all(c, chunk, n) < 0)
            return;
        left -= n;
    }
}

static void trickle(struct conn *c, const struct nb_test_route *r)
{
    long interval = r->interval_ms > 0 ? r->interval_ms : 1000;
    for (size_t i = 0; !r->body || r->body[i]; i++) {
        char byte = r->body ? r->body[i] : 'a';
        if (send_all(c, &byte, 1) < 0 || !nap(c->srv, interval))
            return;
    }
}

static void answer(struct conn *c)
{
    struct nb_buf head;
    nb_buf_init(&head, 0);
    if (read_head(c, &head) < 0) {
        nb_buf_release(&head);
        return;
    }
    struct nb_test_http_request req;
    parse_head(head.data, &req);
    nb_buf_release(&head);
    log_request(c->srv, &req);

    static const struct nb_test_route missing = {.path = "", .status = 404, .body = "not found\n"};
    const struct nb_test_route *r = find_route(c->srv, req.target);
    if (!r)
        r = &missing;
    int status = not_modified(r, &req) ? 304 : r->status ? r->status : 200;
    if (status == 304 || r->behaviour == NB_TEST_HTTP_NORMAL) {
        answer_normal(c, r, status);
        return;
    }
    if (r->behaviour == NB_TEST_HTTP_NEVER_ANSWER) {
        hold(c);
        return;
    }
    struct nb_buf out;
    nb_buf_init(&out, 0);
    int sent = add_head(&out, r, status, -1) == NB_OK && send_all(c, out.data, out.len) == 0;
    nb_buf_release(&out);
    if (!sent)
        return;
    if (r->behaviour == NB_TEST_HTTP_HEADERS_ONLY)
        hold(c);
    else if (r->behaviour == NB_TEST_HTTP_HUGE)
        stream_huge(c, r);
    else if (r->behaviour == NB_TEST_HTTP_SLOW)
        trickle(c, r);
}

static void *conn_main(void *arg)
{
    struct conn *c = arg;
    answer(c);
    /* Close our side, and let the client read to the end before the
     * socket goes (closing with unread input would reset it). */
    shutdown(c->fd, SHUT_WR);
    hold(c);
    close(c->fd);
    pthread_mutex_lock(&c->srv->lock);
    c->fd = -1;
    c->done = 1;
    pthread_mutex_unlock(&c->srv->lock);
    return NULL;
}

/* ---- accepting ---- */

/* Joins the connections that have ended (all of them when `all`). */
static size_t reap(struct nb_test_http *srv, int all)
{
    size_t open = 0;
    struct conn **link = &srv->conns;
    for (;;) {
        pthread_mutex_lock(&srv->lock);
        struct conn *c = *link;
        int done = c && c->done;
        pthread_mutex_unlock(&srv->lock);
        if (!c)
            return open;
        if (done || all) {
            pthread_join(c->thread, NULL);
            *link = c->next;
            free(c);
        } else {
            open++;
            link = &c->next;
        }
    }
}

static void set_cloexec(int fd)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags >= 0)
        fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

static void *accept_main(void *arg)
{
    struct nb_test_http *srv = arg;
    while (wait_fd(srv, srv->listen_fd, POLLIN, IDLE_MS) == 1) {
        int fd = accept(srv->listen_fd, NULL, NULL);
        if (fd < 0)
            continue;
        set_cloexec(fd);
        struct conn *c = reap(srv, 0) < CONN_MAX ? calloc(1, sizeof(*c)) : NULL;
        if (!c) {
            close(fd);
            continue;
        }
        c->srv = srv;
        c->fd = fd;
        if (pthread_create(&c->thread, NULL, conn_main, c) != 0) {
            close(fd);
            free(c);
            continue;
        }
        c->next = srv->conns;
        srv->conns = c;
    }
    /* Stopping, or idle too long: wake every connection and wait for it. */
    ssize_t w;
    do
        w = write(srv->wake[1], "x", 1);
    while (w < 0 && errno == EINTR);
    reap(srv, 1);
    return NULL;
}

/* ---- the interface ---- */

struct nb_test_http *nb_test_http_start(const struct nb_test_route *routes, size_t n)
{
    struct nb_test_http *srv = calloc(1, sizeof(*srv));
    if (!srv)
        fail_msg("http server: out of memory");
    srv->routes = routes;
    srv->n_routes = n;
    srv->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (srv->listen_fd < 0 || pipe(srv->wake) < 0)
        fail_msg("http server: socket: %s", strerror(errno));
    set_cloexec(srv->listen_fd);
    set_cloexec(srv->wake[0]);
    set_cloexec(srv->wake[1]);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof(addr));
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t addr_len = sizeof(addr);
    if (bind(srv->listen_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0 ||
        listen(srv->listen_fd, 16) < 0 ||
        getsockname(srv->listen_fd, (struct sockaddr *)&addr, &addr_len) < 0)
        fail_msg("http server: cannot listen on 127.0.0.1: %s", strerror(errno));
    srv->port = ntohs(addr.sin_port);
    snprintf(srv->base, sizeof(srv->base), "http://127.0.0.1:%u", srv->port);
    pthread_mutex_init(&srv->lock, NULL);
    if (pthread_create(&srv->acceptor, NULL, accept_main, srv) != 0)
        fail_msg("http server: cannot start its thread");
    pthread_mutex_lock(&live_lock);
    live_servers++;
    pthread_mutex_unlock(&live_lock);
    return srv;
}

void nb_test_http_stop(struct nb_test_http *srv)
{
    if (!srv)
        return;
    ssize_t w;
    do
        w = write(srv->wake[1], "x", 1);
    while (w < 0 && errno == EINTR);
    pthread_join(srv->acceptor, NULL);
    close(srv->listen_fd);
    close(srv->wake[0]);
    close(srv->wake[1]);
    pthread_mutex_destroy(&srv->lock);
    free(srv);
    pthread_mutex_lock(&live_lock);
    live_servers--;
    pthread_mutex_unlock(&live_lock);
}

const char *nb_test_http_base(const struct nb_test_http *srv)
{
    return srv->base;
}

unsigned nb_test_http_port(const struct nb_test_http *srv)
{
    return srv->port;
}

char *nb_test_http_url(const struct nb_test_http *srv, const char *path)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_buf_addf(&b, "%s%s", srv->base, path) != NB_OK)
        fail_msg("http server: out of memory");
    return nb_buf_detach(&b, NULL);
}

size_t nb_test_http_count(struct nb_test_http *srv)
{
    pthread_mutex_lock(&srv->lock);
    size_t n = srv->count;
    pthread_mutex_unlock(&srv->lock);
    return n;
}

size_t nb_test_http_count_path(struct nb_test_http *srv, const char *path)
{
    size_t n = 0;
    pthread_mutex_lock(&srv->lock);
    for (size_t i = 0; i < srv->count && i < LOG_MAX; i++)
        n += strcmp(srv->log[i].target, path) == 0;
    pthread_mutex_unlock(&srv->lock);
    return n;
}

int nb_test_http_request(struct nb_test_http *srv, size_t i, struct nb_test_http_request *out)
{
    pthread_mutex_lock(&srv->lock);
    int found = i < srv->count && i < LOG_MAX;
    if (found)
        *out = srv->log[i];
    pthread_mutex_unlock(&srv->lock);
    return found;
}

int nb_test_http_last(struct nb_test_http *srv, struct nb_test_http_request *out)
{
    pthread_mutex_lock(&srv->lock);
    int found = srv->count > 0;
    if (found)
        *out = srv->last;
    pthread_mutex_unlock(&srv->lock);
    return found;
}

size_t nb_test_http_live(void)
{
    pthread_mutex_lock(&live_lock);
    size_t n = live_servers;
    pthread_mutex_unlock(&live_lock);
    return n;
}
