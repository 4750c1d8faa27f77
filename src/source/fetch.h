/* fetch.h - getting a page or feed over http(s) with libcurl.
 *
 * Bounded in time, size and redirects; conditional GET with a cache
 * folder, so that a source that has not changed is read from the cache.
 * No global state: curl_global_init() is called once per process through
 * pthread_once, the only process-wide thing libcurl needs.
 */
#ifndef NB_SOURCE_FETCH_H
#define NB_SOURCE_FETCH_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

#define NB_FETCH_USER_AGENT "newsbrief/" NB_VERSION " (+spoken news briefings)"

struct nb_fetch_options {
    long timeout_ms;         /* whole transfer; default 30000 */
    long connect_timeout_ms; /* default 10000 */
    long low_speed_ms;       /* abort when under 1 byte/s for this long; default 15000 */
    size_t max_bytes;        /* body cap; default 16 MiB (NB_FETCH_MAX_BYTES) */
    long max_redirects;      /* default 5 */
    const char *cache_dir;   /* NULL: no cache, no conditional GET */
};
#define NB_FETCH_MAX_BYTES ((size_t)16 << 20)

/* Zero means "the default" in every field. */
void nb_fetch_options_init(struct nb_fetch_options *o);

/* Owns everything in it: nb_fetch_result_release() frees it all (take the
 * body with nb_buf_detach() to keep it). */
struct nb_fetch_result {
    struct nb_buf body;  /* the body, decoded (from the cache when not modified) */
    char *final_url;     /* after redirects */
    char *content_type;  /* NULL when not given */
    int from_cache;      /* 1: 304 Not Modified, body read from the cache */
};

void nb_fetch_result_init(struct nb_fetch_result *r);
void nb_fetch_result_release(struct nb_fetch_result *r);

/* Whether `s` is an http:// or https:// URL (case-insensitive scheme). */
int nb_fetch_is_url(const char *s);

/* GETs `url` (http or https only, also after redirects) with the bounds
 * in `o` (NULL: all defaults).  With a cache folder (created when missing):
 * sends If-None-Match / If-Modified-Since from the last answer, stores the
 * body (atomically) and the validators (in the folder's state.db, state.h;
 * fetch_cache.h) on every 2xx, and
 * reads the cached body on 304; a cached body that is gone or damaged on
 * 304 is fetched again once, without validators.  Any 2xx is a success;
 * every other answer is a failure whose body is not read.
 * Every failure is NB_EIO (NB_EINPUT for a URL that is not http(s) or is
 * malformed, NB_ENOMEM) with a one-line message naming the URL:
 * "'URL': HTTP 404 Not Found" (the reason phrase when the server gave
 * one), "too many redirects (more than 5)", "timed out after 30 s",
 * "too slow (under 1 byte/s for 15 s)", "larger than 16 MiB" (a
 * Content-Length over the cap fails before the body is read; the cap
 * applies to the decoded body), "could not connect (connection refused)",
 * "could not resolve host", "not an http(s) URL", ...  A cache folder that
 * cannot be created or written is NB_EIO naming the file.  `r` must have
 * been initialised (anything in it is released first); on failure it is
 * left empty.  Thread-safe: calls share nothing. */
nb_status nb_fetch(const char *url, const struct nb_fetch_options *o, struct nb_fetch_result *r,
                   struct nb_error *err);

#endif
