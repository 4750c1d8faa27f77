/* state.h - what newsbrief remembers between builds, in SQLite.
 *
 * One database per briefing cache folder (state.db): the feed items
 * already heard (by source and guid, with when), and per source the time
 * and outcome of the last fetch (error message or none), and per URL the
 * HTTP validators of the body kept in the cache folder (ETag,
 * Last-Modified; fetch_cache.h keeps the body beside).  The schema carries a version
 * (PRAGMA user_version); every change is a transaction; two builds may use
 * one database at once (WAL, busy timeout).  A corrupt file or one from a
 * newer newsbrief is a clear NB_EINPUT naming the file.
 */
#ifndef NB_SOURCE_STATE_H
#define NB_SOURCE_STATE_H

#include "text/error.h"

#include <stdint.h>

struct nb_state;

/* What the last answer for a URL said, to ask again conditionally.  Every
 * string is owned and may be NULL. */
struct nb_state_validators {
    char *final_url;
    char *content_type;
    char *etag;
    char *last_modified;
    uint64_t length; /* of the body kept in the cache folder */
    uint64_t fnv1a;  /* its FNV-1a 64 hash */
};

void nb_state_validators_release(struct nb_state_validators *v); /* and zeroes it */

/* Opens (creating it and its schema when absent) the database at `path`;
 * the caller owns *st and closes it.  A handle is for one thread at a
 * time: two threads or processes open one each.  NB_EINPUT for a corrupt
 * file ("feed state is corrupt (file is not a database): delete it to
 * start again") or a newer schema; NB_EIO when it cannot be opened ("its
 * folder does not exist"), naming `path`.  On failure *st is NULL. */
nb_status nb_state_open(struct nb_state **st, const char *path, struct nb_error *err);
void nb_state_close(struct nb_state *st); /* NULL is fine */

/* *heard = 1 when (source, guid) was marked heard. */
nb_status nb_state_is_heard(struct nb_state *st, const char *source, const char *guid,
                            int *heard, struct nb_error *err);

/* Marks items heard at Unix time `when`, all in one transaction (an item
 * marked again takes the new time). */
nb_status nb_state_mark_heard(struct nb_state *st, const char *source,
                              const char *const *guids, size_t n, long long when,
                              struct nb_error *err);

/* Records the outcome of fetching `source` at `when`: `error` NULL for a
 * success. */
nb_status nb_state_record_fetch(struct nb_state *st, const char *source, long long when,
                                const char *error, struct nb_error *err);

/* The last recorded outcome: *when 0 when never fetched; *error NULL on a
 * success (caller frees). */
nb_status nb_state_last_fetch(struct nb_state *st, const char *source, long long *when,
                              char **error, struct nb_error *err);

/* The validators kept for `url` into *v (released first): *found 0 when
 * none. */
nb_status nb_state_get_validators(struct nb_state *st, const char *url,
                                  struct nb_state_validators *v, int *found, struct nb_error *err);

/* Keeps the validators for `url` (replacing any), in one transaction. */
nb_status nb_state_put_validators(struct nb_state *st, const char *url,
                                  const struct nb_state_validators *v, struct nb_error *err);

/* Forgets the items last marked heard before `when` (e.g. 90 days ago),
 * so that the database does not grow for ever. */
nb_status nb_state_forget_before(struct nb_state *st, long long when, struct nb_error *err);

#endif
