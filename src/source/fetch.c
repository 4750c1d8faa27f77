#include "source/fetch.h"

#include "source/fetch_cache.h"
#include "source/fetch_http.h"
#include "text/file.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

void nb_fetch_options_init(struct nb_fetch_options *o)
{
    memset(o, 0, sizeof(*o));
}

void nb_fetch_result_init(struct nb_fetch_result *r)
{
    nb_buf_init(&r->body, 0);
    r->final_url = NULL;
    r->content_type = NULL;
    r->from_cache = 0;
}

void nb_fetch_result_release(struct nb_fetch_result *r)
{
    nb_buf_release(&r->body);
    free(r->final_url);
    free(r->content_type);
    nb_fetch_result_init(r);
}

int nb_fetch_is_url(const char *s)
{
    return s && (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0);
}

/* `in` (NULL: all defaults) with every zero replaced by its default. */
static void with_defaults(const struct nb_fetch_options *in, struct nb_fetch_options *o)
{
    if (in)
        *o = *in;
    else
        nb_fetch_options_init(o);
    if (o->timeout_ms <= 0)
        o->timeout_ms = 30000;
    if (o->connect_timeout_ms <= 0)
        o->connect_timeout_ms = 10000;
    if (o->low_speed_ms <= 0)
        o->low_speed_ms = 15000;
    if (o->max_bytes == 0)
        o->max_bytes = NB_FETCH_MAX_BYTES;
    if (o->max_redirects <= 0)
        o->max_redirects = 5;
    if (o->cache_dir && !o->cache_dir[0])
        o->cache_dir = NULL;
}

/* A fresh answer (2xx): kept in the cache folder when there is one, and
 * handed to r. */
static nb_status take_fresh(const char *url, const struct nb_fetch_options *o,
                            struct nb_fetch_http *h, struct nb_fetch_result *r,
                            struct nb_error *err)
{
    if (o->cache_dir) {
        struct nb_fetch_cache_entry e = {
            .url = (char *)url, /* borrowed, like the rest: store only reads them */
            .final_url = h->final_url,
            .content_type = h->content_type,
            .etag = h->etag,
            .last_modified = h->last_modified,
        };
        nb_status rc = nb_fetch_cache_store(o->cache_dir, &e, h->body.data, h->body.len, err);
        if (rc != NB_OK)
            return rc;
    }
    r->body = h->body;
    nb_buf_init(&h->body, 0);
    r->final_url = h->final_url;
    r->content_type = h->content_type;
    h->final_url = h->content_type = NULL;
    return NB_OK;
}

/* A 304: the body from the cache, *ok = 0 when it is missing or damaged. */
static nb_status take_cached(const struct nb_fetch_options *o,
                             const struct nb_fetch_cache_entry *cached, struct nb_fetch_http *h,
                             struct nb_fetch_result *r, int *ok, struct nb_error *err)
{
    nb_buf_init(&r->body, o->max_bytes);
    if (nb_fetch_cache_read_body(o->cache_dir, cached, o->max_bytes, &r->body, ok) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (!*ok)
        return NB_OK;
    if (cached->content_type && !(r->content_type = nb_strdup(cached->content_type)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    r->final_url = h->final_url;
    h->final_url = NULL;
    r->from_cache = 1;
    return NB_OK;
}

nb_status nb_fetch(const char *url, const struct nb_fetch_options *in, struct nb_fetch_result *r,
                   struct nb_error *err)
{
    nb_fetch_result_release(r);
    if (!nb_fetch_is_url(url))
        return nb_error_set(err, NB_EINPUT, "'%s': not an http(s) URL", url ? url : "");
    struct nb_fetch_options o;
    with_defaults(in, &o);

    struct nb_fetch_cache_entry cached;
    nb_fetch_cache_entry_init(&cached);
    int have_cached = 0;
    nb_status rc = NB_OK;
    if (o.cache_dir) {
        rc = nb_file_mkdirs(o.cache_dir, err);
        if (rc == NB_OK)
            rc = nb_fetch_cache_load(o.cache_dir, url, &cached, &have_cached, err);
        if (rc != NB_OK)
            return rc;
    }
    struct nb_fetch_http h;
    nb_fetch_http_init(&h);
    for (;;) {
        h.if_none_match = have_cached ? cached.etag : NULL;
        h.if_modified_since = have_cached ? cached.last_modified : NULL;
        rc = nb_fetch_http_get(url, &o, &h, err);
        if (rc != NB_OK)
            break;
        if (h.status != 304) {
            rc = take_fresh(url, &o, &h, r, err);
            break;
        }
        int ok;
        rc = take_cached(&o, &cached, &h, r, &ok, err);
        if (rc != NB_OK || ok)
            break;
        /* Not modified, but the cached copy is gone or damaged: ask again
         * without validators, which cannot be answered 304. */
        nb_fetch_result_release(r);
        have_cached = 0;
    }
    nb_fetch_http_release(&h);
    nb_fetch_cache_entry_release(&cached);
    if (rc != NB_OK)
        nb_fetch_result_release(r);
    return rc;
}
