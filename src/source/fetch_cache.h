/* fetch_cache.h - fetch.c's cache folder: the last answer for a URL, kept
 * so that the next fetch can be a conditional GET.
 *
 *   DIR/<key>.body  the body as received (decoded)
 *   DIR/state.db    the feed state (state.h): per URL its validators
 *                   (ETag, Last-Modified), content type, final URL, and
 *                   the body's length and FNV-1a hash
 *
 * <key> is the FNV-1a 64-bit hash of the URL in 16 hex digits.  The body
 * is written (atomically, text/file.h) before its row, and the row carries
 * the body's length and hash: a body that does not match (torn by a crash,
 * edited, cut, or written by another URL with the same key) is a miss,
 * never wrong data.  Internal to src/source/.
 */
#ifndef NB_SOURCE_FETCH_CACHE_H
#define NB_SOURCE_FETCH_CACHE_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

/* One URL's cached answer.  Every string is owned (malloc'd) and may be
 * NULL when unknown. */
struct nb_fetch_cache_entry {
    char *url;
    char *final_url;
    char *content_type;
    char *etag;
    char *last_modified;
    size_t length;  /* of the body */
    uint64_t fnv1a; /* of the body */
};

void nb_fetch_cache_entry_init(struct nb_fetch_cache_entry *e);
void nb_fetch_cache_entry_release(struct nb_fetch_cache_entry *e);

/* FNV-1a, 64 bits, of data[0..len). */
uint64_t nb_fetch_cache_hash(const void *data, size_t len);

/* Whether `s` may be sent back as a validator: no control characters (so
 * no line breaks).  Validators that fail this are not kept. */
int nb_fetch_cache_value_ok(const char *s);

/* Reads what is kept for `url` in `dir` (its state.db, created when
 * missing) into `e` (initialised, and released first): *found = 1, or 0
 * when there is nothing.  Errors: the state database's (a corrupt one is
 * NB_EINPUT naming it), NB_ENOMEM; e is left empty. */
nb_status nb_fetch_cache_load(const char *dir, const char *url, struct nb_fetch_cache_entry *e,
                              int *found, struct nb_error *err);

/* Appends to `out` the cached body that `e` (from nb_fetch_cache_load)
 * describes: *ok = 1, or 0 (out unchanged) when the file is missing,
 * unreadable, or does not match the length and hash in `e`.  `max` bounds
 * the read.  Fails only when out of memory (NB_ENOMEM). */
nb_status nb_fetch_cache_read_body(const char *dir, const struct nb_fetch_cache_entry *e,
                                   size_t max, struct nb_buf *out, int *ok);

/* Stores body[0..len) and what `e` says of it (its url, final_url,
 * content_type, etag, last_modified; length and fnv1a are computed from
 * the body) in `dir`, which must exist.  Values with control characters
 * are left out.  NB_EIO naming the file when a write fails; the state
 * database's errors; NB_ENOMEM. */
nb_status nb_fetch_cache_store(const char *dir, const struct nb_fetch_cache_entry *e,
                               const char *body, size_t len, struct nb_error *err);

#endif
