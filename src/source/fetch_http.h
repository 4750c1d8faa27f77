/* fetch_http.h - one GET with libcurl, for fetch.c: the transfer, its
 * bounds, and one-line names for its failures.  Internal to src/source/.
 *
 * Only http and https, also after redirects.  The body is capped after
 * decoding (gzip, br, ...) by a write callback, and a Content-Length over
 * the cap fails before the body is read.  An answer that is neither 2xx
 * nor, after a conditional request, 304 is a failure: its body is not read.
 */
#ifndef NB_SOURCE_FETCH_HTTP_H
#define NB_SOURCE_FETCH_HTTP_H

#include "source/fetch.h"
#include "text/buf.h"
#include "text/error.h"

struct nb_fetch_http {
    /* What to send: validators from the cache (borrowed; NULL: none). */
    const char *if_none_match;
    const char *if_modified_since;
    /* What came back (owned; the strings NULL when absent). */
    long status;        /* the final answer's: 2xx, or 304 after a conditional request */
    struct nb_buf body; /* empty on 304 */
    char *final_url;    /* after redirects */
    char *content_type;
    char *etag;
    char *last_modified;
};

/* No allocation; cannot fail. */
void nb_fetch_http_init(struct nb_fetch_http *h);
/* Frees what came back (not the validators) and leaves it as after init,
 * keeping the validators. */
void nb_fetch_http_release(struct nb_fetch_http *h);

/* GETs `url`, which the caller checked is http(s), with the bounds in `o`
 * (every field already given, no zeros).  NB_OK with the answer in `h`;
 * otherwise NB_EIO (NB_EINPUT for a malformed URL, NB_ENOMEM) with a
 * message "'URL': what went wrong", and `h` left without an answer.
 * Thread-safe: libcurl's global initialisation happens once per process. */
nb_status nb_fetch_http_get(const char *url, const struct nb_fetch_options *o,
                            struct nb_fetch_http *h, struct nb_error *err);

#endif
