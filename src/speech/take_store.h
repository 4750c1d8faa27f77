/* take_store.h - the takes of blocks already spoken, kept for reuse.
 *
 * Fitting a bulletin to its slot speaks candidate scripts that share most
 * of their blocks, and the winner is the bulletin itself: each block is
 * spoken once, its take (speech/workers.h) kept here under a key that
 * says everything the speech depends on (voices, flags, texts).  The
 * samples live in an anonymous temporary file (removed from the folder as
 * soon as it is made, so nothing is left whatever stops the program), only
 * the sentence lengths in memory.
 */
#ifndef NB_SPEECH_TAKE_STORE_H
#define NB_SPEECH_TAKE_STORE_H

#include "speech/workers.h"
#include "text/error.h"
#include "text/file.h"

#include <stddef.h>
#include <stdint.h>

struct nb_take_store;

/* A take as stored. */
struct nb_stored_take {
    const uint32_t *lengths; /* per sentence, as in struct nb_speech_take */
    size_t nlengths;
    size_t nsamples;  /* in all */
    long long offset; /* the store's own: where the samples are */
};

/* An empty store whose file is made in folder `dir` (NULL: $TMPDIR, else
 * /tmp) and removed at once; `temp` (may be NULL) is told of it for the
 * moment it has a name.  Errors: NB_EIO naming the folder; NB_ENOMEM. */
nb_status nb_take_store_open(struct nb_take_store **out, const char *dir,
                             const struct nb_temp_hook *temp, struct nb_error *err);
/* Frees the store and its file; NULL is a no-op. */
void nb_take_store_free(struct nb_take_store *s);

/* The take kept under key[0..len), or NULL.  Valid until the next put. */
const struct nb_stored_take *nb_take_store_find(const struct nb_take_store *s, const char *key,
                                                size_t len);

/* Keeps `take` under key[0..len) (a key already kept is left as it was).
 * Errors: NB_EIO (disk full...); NB_ENOMEM. */
nb_status nb_take_store_put(struct nb_take_store *s, const char *key, size_t len,
                            const struct nb_speech_take *take, struct nb_error *err);

/* Reads n samples of take t from its sample `from` on into out.
 * Errors: NB_EIO; NB_EINTERNAL when [from, from + n) is not inside t. */
nb_status nb_take_store_read(const struct nb_take_store *s, const struct nb_stored_take *t,
                             size_t from, int16_t *out, size_t n, struct nb_error *err);

/* Takes kept, and seconds of speech in them at `rate` (for reports). */
size_t nb_take_store_count(const struct nb_take_store *s);
size_t nb_take_store_samples(const struct nb_take_store *s);

#endif
