#include "source/fetch_http.h"

#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one process-wide thing libcurl needs, done once (fetch.h). */
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc = CURLE_FAILED_INIT;

static void init_curl(void)
{
    curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

/* What the callbacks of one transfer share. */
struct transfer {
    CURL *curl;
    struct nb_buf *body;
    size_t max_bytes;
    int checked_status; /* the status was looked at before the first body byte */
    long bad_status;    /* not 0: the answer's status, which is a failure */
    int too_large;
    int out_of_memory;
    char reason[64]; /* the reason phrase of the latest status line ("" in HTTP/2) */
    char errbuf[CURL_ERROR_SIZE];
};

void nb_fetch_http_init(struct nb_fetch_http *h)
{
    memset(h, 0, sizeof(*h));
    nb_buf_init(&h->body, 0);
}

void nb_fetch_http_release(struct nb_fetch_http *h)
{
    nb_buf_release(&h->body);
    free(h->final_url);
    free(h->content_type);
    free(h->etag);
    free(h->last_modified);
    h->status = 0;
    h->final_url = h->content_type = h->etag = h->last_modified = NULL;
}

static int is_success(long status)
{
    return status >= 200 && status < 300;
}

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
    struct transfer *t = arg;
    size_t len = size * n;
    if (!t->checked_status) {
        /* an error page is not read, however long */
        long status = 0;
        t->checked_status = 1;
        curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &status);
        if (!is_success(status)) {
            t->bad_status = status;
            return 0;
        }
    }
    if (len > t->max_bytes - t->body->len) {
        t->too_large = 1;
        return 0;
    }
    if (nb_buf_add(t->body, data, len) != NB_OK) {
        t->out_of_memory = 1;
        return 0;
    }
    return len;
}

/* Keeps the reason phrase of each status line ("HTTP/1.1 404 Not Found"):
 * the last one is the answer's. */
static size_t on_header(char *data, size_t size, size_t n, void *arg)
{
    struct transfer *t = arg;
    size_t len = size * n;
    if (len < 5 || memcmp(data, "HTTP/", 5) != 0)
        return len;
    t->reason[0] = '\0';
    const char *end = data + len, *p = memchr(data, ' ', len);
    if (p)
        p = memchr(p + 1, ' ', (size_t)(end - p - 1));
    if (!p)
        return len;
    p++;
    while (end > p && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' '))
        end--;
    size_t k = 0;
    for (; p < end && k + 1 < sizeof(t->reason); p++) {
        if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e) {
            k = 0; /* not plain text: leave it out */
            break;
        }
        t->reason[k++] = *p;
    }
    t->reason[k] = '\0';
    return len;
}

/* "30 s", "1.5 s". */
static void format_seconds(long ms, char *out, size_t size)
{
    snprintf(out, size, "%g s", (double)ms / 1000.0);
}

/* "16 MiB", "512 KiB", "1000 bytes". */
static void format_size(size_t n, char *out, size_t size)
{
    if (n > 0 && n % ((size_t)1 << 20) == 0)
        snprintf(out, size, "%zu MiB", n >> 20);
    else if (n > 0 && n % 1024 == 0)
        snprintf(out, size, "%zu KiB", n >> 10);
    else
        snprintf(out, size, "%zu bytes", n);
}

static long low_speed_seconds(long ms)
{
    return ms < 1000 ? 1 : (ms + 999) / 1000;
}

/* Names a CURLE_OPERATION_TIMEDOUT, which libcurl gives for the connect
 * timeout, the whole-transfer timeout and the low-speed limit alike: which
 * one it was shows in how long the transfer took. */
static nb_status timed_out(const char *url, struct transfer *t, const struct nb_fetch_options *o,
                           struct nb_error *err)
{
    curl_off_t total_us = 0, connect_us = 0;
    curl_easy_getinfo(t->curl, CURLINFO_TOTAL_TIME_T, &total_us);
    curl_easy_getinfo(t->curl, CURLINFO_CONNECT_TIME_T, &connect_us);
    long total_ms = (long)(total_us / 1000), slack_ms = 100;
    char when[32];
    if (connect_us == 0 && total_ms + slack_ms >= o->connect_timeout_ms &&
        o->connect_timeout_ms < o->timeout_ms) {
        format_seconds(o->connect_timeout_ms, when, sizeof(when));
        return nb_error_set(err, NB_EIO, "'%s': could not connect within %s", url, when);
    }
    if (total_ms + slack_ms >= o->timeout_ms) {
        format_seconds(o->timeout_ms, when, sizeof(when));
        return nb_error_set(err, NB_EIO, "'%s': timed out after %s", url, when);
    }
    return nb_error_set(err, NB_EIO, "'%s': too slow (under 1 byte/s for %ld s)", url,
                        low_speed_seconds(o->low_speed_ms));
}

static nb_status http_status_error(const char *url, long status, const char *reason,
                                   struct nb_error *err)
{
    return nb_error_set(err, NB_EIO, "'%s': HTTP %ld%s%s", url, status, reason[0] ? " " : "",
                        reason);
}

/* The message for a transfer that libcurl ended with `code`. */
static nb_status failure(const char *url, CURLcode code, struct transfer *t,
                         const struct nb_fetch_options *o, struct nb_error *err)
{
    char size[32];
    if (t->out_of_memory || code == CURLE_OUT_OF_MEMORY)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (t->bad_status)
        return http_status_error(url, t->bad_status, t->reason, err);
    if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
        format_size(o->max_bytes, size, sizeof(size));
        return nb_error_set(err, NB_EIO, "'%s': larger than %s", url, size);
    }
    const char *detail = t->errbuf[0] ? t->errbuf : curl_easy_strerror(code);
    long os_errno = 0;
    switch (code) {
    case CURLE_URL_MALFORMAT:
        return nb_error_set(err, NB_EINPUT, "'%s': not a valid URL (%s)", url, detail);
    case CURLE_UNSUPPORTED_PROTOCOL:
        return nb_error_set(err, NB_EIO, "'%s': redirected to a URL that is not http(s)", url);
    case CURLE_TOO_MANY_REDIRECTS:
        return nb_error_set(err, NB_EIO, "'%s': too many redirects (more than %ld)", url,
                            o->max_redirects);
    case CURLE_COULDNT_RESOLVE_HOST:
        return nb_error_set(err, NB_EIO, "'%s': could not resolve host", url);
    case CURLE_COULDNT_RESOLVE_PROXY:
        return nb_error_set(err, NB_EIO, "'%s': could not resolve the proxy", url);
    case CURLE_COULDNT_CONNECT:
        curl_easy_getinfo(t->curl, CURLINFO_OS_ERRNO, &os_errno);
        return nb_error_set(err, NB_EIO, "'%s': could not connect%s", url,
                            os_errno == ECONNREFUSED ? " (connection refused)" : "");
    case CURLE_OPERATION_TIMEDOUT:
        return timed_out(url, t, o, err);
    case CURLE_GOT_NOTHING:
        return nb_error_set(err, NB_EIO, "'%s': the server closed the connection without answering",
                            url);
    case CURLE_PARTIAL_FILE:
        return nb_error_set(err, NB_EIO, "'%s': the connection closed before the whole body came",
                            url);
    case CURLE_BAD_CONTENT_ENCODING:
        return nb_error_set(err, NB_EIO, "'%s': could not decode the body (%s)", url, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
        return nb_error_set(err, NB_EIO, "'%s': secure connection failed (%s)", url, detail);
    default:
        return nb_error_set(err, NB_EIO, "'%s': transfer failed (%s)", url, detail);
    }
}

/* The request headers: the validators to send.  NULL with *oom = 0 when
 * there are none. */
static struct curl_slist *validators(const struct nb_fetch_http *h, int *oom)
{
    struct curl_slist *list = NULL, *next;
    struct nb_buf line;
    nb_buf_init(&line, 0);
    *oom = 0;
    if (h->if_none_match) {
        if (nb_buf_addf(&line, "If-None-Match: %s", h->if_none_match) != NB_OK ||
            !(next = curl_slist_append(list, line.data)))
            goto oom;
        list = next;
    }
    if (h->if_modified_since) {
        nb_buf_reset(&line);
        if (nb_buf_addf(&line, "If-Modified-Since: %s", h->if_modified_since) != NB_OK ||
            !(next = curl_slist_append(list, line.data)))
            goto oom;
        list = next;
    }
    nb_buf_release(&line);
    return list;
oom:
    *oom = 1;
    nb_buf_release(&line);
    curl_slist_free_all(list);
    return NULL;
}

/* *out = a copy of the final answer's header `name`, NULL when absent. */
static nb_status copy_header(CURL *curl, const char *name, char **out)
{
    struct curl_header *hv;
    *out = NULL;
    if (curl_easy_header(curl, name, 0, CURLH_HEADER, -1, &hv) != CURLHE_OK || !hv->value[0])
        return NB_OK;
    *out = nb_strdup(hv->value);
    return *out ? NB_OK : NB_ENOMEM;
}

/* Copies what the caller keeps of a finished transfer into h. */
static nb_status collect(CURL *curl, struct nb_fetch_http *h)
{
    char *s = NULL;
    if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &s) == CURLE_OK && s &&
        !(h->final_url = nb_strdup(s)))
        return NB_ENOMEM;
    s = NULL;
    if (curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &s) == CURLE_OK && s &&
        !(h->content_type = nb_strdup(s)))
        return NB_ENOMEM;
    if (copy_header(curl, "ETag", &h->etag) != NB_OK ||
        copy_header(curl, "Last-Modified", &h->last_modified) != NB_OK)
        return NB_ENOMEM;
    return NB_OK;
}

static CURLcode set_options(CURL *curl, const char *url, const struct nb_fetch_options *o,
                            struct transfer *t, struct curl_slist *headers)
{
    CURLcode c = CURLE_OK;
#define SET(opt, val)                                                                              \
    do {                                                                                           \
        if (c == CURLE_OK)                                                                         \
            c = curl_easy_setopt(curl, opt, val);                                                  \
    } while (0)
    SET(CURLOPT_ERRORBUFFER, t->errbuf);
    SET(CURLOPT_URL, url);
    SET(CURLOPT_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    SET(CURLOPT_FOLLOWLOCATION, 1L);
    SET(CURLOPT_MAXREDIRS, o->max_redirects);
    SET(CURLOPT_TIMEOUT_MS, o->timeout_ms);
    SET(CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
    SET(CURLOPT_LOW_SPEED_LIMIT, 1L);
    SET(CURLOPT_LOW_SPEED_TIME, low_speed_seconds(o->low_speed_ms));
    SET(CURLOPT_NOSIGNAL, 1L);
    SET(CURLOPT_USERAGENT, NB_FETCH_USER_AGENT);
    SET(CURLOPT_ACCEPT_ENCODING, "");
    SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
    SET(CURLOPT_FAILONERROR, 0L);
    SET(CURLOPT_WRITEFUNCTION, on_body);
    SET(CURLOPT_WRITEDATA, t);
    SET(CURLOPT_HEADERFUNCTION, on_header);
    SET(CURLOPT_HEADERDATA, t);
    if (headers)
        SET(CURLOPT_HTTPHEADER, headers);
#undef SET
    return c;
}

nb_status nb_fetch_http_get(const char *url, const struct nb_fetch_options *o,
                            struct nb_fetch_http *h, struct nb_error *err)
{
    nb_fetch_http_release(h);
    nb_buf_init(&h->body, o->max_bytes);
    pthread_once(&curl_once, init_curl);
    if (curl_init_rc != CURLE_OK)
        return nb_error_set(err, NB_EINTERNAL, "'%s': libcurl could not start (%s)", url,
                            curl_easy_strerror(curl_init_rc));
    int oom;
    struct curl_slist *headers = validators(h, &oom);
    struct transfer t;
    memset(&t, 0, sizeof(t));
    t.curl = oom ? NULL : curl_easy_init();
    t.body = &h->body;
    t.max_bytes = o->max_bytes;
    if (!t.curl) {
        curl_slist_free_all(headers);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    nb_status rc = NB_OK;
    CURLcode code = set_options(t.curl, url, o, &t, headers);
    if (code == CURLE_OK)
        code = curl_easy_perform(t.curl);
    if (code == CURLE_OK)
        curl_easy_getinfo(t.curl, CURLINFO_RESPONSE_CODE, &h->status);
    if (code != CURLE_OK)
        rc = failure(url, code, &t, o, err);
    else if (!is_success(h->status) &&
             !(h->status == 304 && (h->if_none_match || h->if_modified_since)))
        rc = http_status_error(url, h->status, t.reason, err);
    else if (collect(t.curl, h) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    curl_easy_cleanup(t.curl);
    curl_slist_free_all(headers);
    if (rc != NB_OK)
        nb_fetch_http_release(h);
    return rc;
}
