#include "source/fetch_cache.h"

#include "source/state.h"
#include "text/file.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

void nb_fetch_cache_entry_init(struct nb_fetch_cache_entry *e)
{
    memset(e, 0, sizeof(*e));
}

void nb_fetch_cache_entry_release(struct nb_fetch_cache_entry *e)
{
    free(e->url);
    free(e->final_url);
    free(e->content_type);
    free(e->etag);
    free(e->last_modified);
    nb_fetch_cache_entry_init(e);
}

uint64_t nb_fetch_cache_hash(const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t h = UINT64_C(14695981039346656037);
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

int nb_fetch_cache_value_ok(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 0;
    return 1;
}

/* DIR/<hash of url><ext> appended to out. */
static nb_status cache_path(const char *dir, const char *url, const char *ext, struct nb_buf *out)
{
    size_t n = strlen(dir);
    const char *sep = n > 0 && dir[n - 1] == '/' ? "" : "/";
    return nb_buf_addf(out, "%s%s%016" PRIx64 "%s", dir, sep, nb_fetch_cache_hash(url, strlen(url)),
                       ext);
}

/* The state database of the cache folder `dir`, opened. */
static nb_status open_state(const char *dir, struct nb_state **st, struct nb_error *err)
{
    struct nb_buf path;
    nb_buf_init(&path, 0);
    size_t n = strlen(dir);
    nb_status rc = nb_buf_addf(&path, "%s%sstate.db", dir, n && dir[n - 1] == '/' ? "" : "/");
    rc = rc == NB_OK ? nb_state_open(st, path.data, err)
                     : nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&path);
    return rc;
}

nb_status nb_fetch_cache_load(const char *dir, const char *url, struct nb_fetch_cache_entry *e,
                              int *found, struct nb_error *err)
{
    nb_fetch_cache_entry_release(e);
    *found = 0;
    struct nb_state *st = NULL;
    struct nb_state_validators v;
    memset(&v, 0, sizeof(v));
    nb_status rc = open_state(dir, &st, err);
    if (rc == NB_OK)
        rc = nb_state_get_validators(st, url, &v, found, err);
    nb_state_close(st);
    if (rc == NB_OK && *found && v.length > SIZE_MAX)
        *found = 0;
    if (rc == NB_OK && *found) {
        if (!(e->url = nb_strdup(url)))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        e->final_url = v.final_url;
        e->content_type = v.content_type;
        e->etag = v.etag;
        e->last_modified = v.last_modified;
        e->length = (size_t)v.length;
        e->fnv1a = v.fnv1a;
        memset(&v, 0, sizeof(v));
    }
    nb_state_validators_release(&v);
    if (rc != NB_OK || !*found) {
        *found = 0;
        nb_fetch_cache_entry_release(e);
    }
    return rc;
}

nb_status nb_fetch_cache_read_body(const char *dir, const struct nb_fetch_cache_entry *e,
                                   size_t max, struct nb_buf *out, int *ok)
{
    *ok = 0;
    if (e->length > max || e->length > out->cap - out->len)
        return NB_OK;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    if (cache_path(dir, e->url, ".body", &path) != NB_OK) {
        nb_buf_release(&path);
        return NB_ENOMEM;
    }
    size_t start = out->len;
    struct nb_error err;
    nb_status rc = nb_file_read(path.data, e->length + 1, out, &err);
    nb_buf_release(&path);
    if (rc == NB_ENOMEM)
        return NB_ENOMEM;
    *ok = rc == NB_OK && out->len - start == e->length &&
          nb_fetch_cache_hash(out->data + start, e->length) == e->fnv1a;
    if (!*ok)
        nb_buf_truncate(out, start);
    return NB_OK;
}

/* A value kept only when it can be sent back. */
static const char *keepable(const char *s)
{
    return s && nb_fetch_cache_value_ok(s) ? s : NULL;
}

nb_status nb_fetch_cache_store(const char *dir, const struct nb_fetch_cache_entry *e,
                               const char *body, size_t len, struct nb_error *err)
{
    struct nb_buf body_path;
    nb_buf_init(&body_path, 0);
    nb_status rc = cache_path(dir, e->url, ".body", &body_path) == NB_OK
                       ? NB_OK
                       : nb_error_set(err, NB_ENOMEM, "out of memory");
    /* the body first: a row never describes a body not yet written */
    if (rc == NB_OK)
        rc = nb_file_write_atomic(body_path.data, body, len, err);
    nb_buf_release(&body_path);
    struct nb_state *st = NULL;
    if (rc == NB_OK)
        rc = open_state(dir, &st, err);
    if (rc == NB_OK) {
        struct nb_state_validators v = {
            .final_url = (char *)keepable(e->final_url), /* borrowed: put only reads */
            .content_type = (char *)keepable(e->content_type),
            .etag = (char *)keepable(e->etag),
            .last_modified = (char *)keepable(e->last_modified),
            .length = len,
            .fnv1a = nb_fetch_cache_hash(body, len),
        };
        rc = nb_state_put_validators(st, e->url, &v, err);
    }
    nb_state_close(st);
    return rc;
}
