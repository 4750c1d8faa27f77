/* state.h - what newsbrief remembers between builds, in SQLite.
 *
 * One database per briefing cache folder (state.db): the feed items
 * already heard (by source and guid, with when), and per source the time
 * and outcome of the last fetch (error message or none).  HTTP validators
 * live with the cached bodies (fetch.h).  The schema carries a version
 * (PRAGMA user_version); every change is a transaction; two builds may use
 * one database at once (WAL, busy timeout).  A corrupt file or one from a
 * newer newsbrief is a clear NB_EINPUT naming the file.
 */
#ifndef NB_SOURCE_STATE_H
#define NB_SOURCE_STATE_H

#include "text/error.h"

struct nb_state;

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

/* Forgets the items last marked heard before `when` (e.g. 90 days ago),
 * so that the database does not grow for ever. */
nb_status nb_state_forget_before(struct nb_state *st, long long when, struct nb_error *err);

#endif
