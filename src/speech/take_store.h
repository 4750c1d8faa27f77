/* take_store.h - the takes of blocks already spoken, kept for reuse.
 *
 * Fitting a bulletin to its slot speaks candidate scripts that share most
 * of their blocks, and the winner is the bulletin itself: each block is
 * spoken once, its take (speech/workers.h) kept here under a key that
 * says everything the speech depends on (voices, flags, texts).  The
 * samples live in an anonymous temporary file (removed from the folder as
 * soon as it is made, so nothing is left whatever stops the program), only
 * the sentence lengths in memory.
 *
 * A block's speech depends on everything said before it in the block, so a
 * sentence cannot be reused on its own, but the first sentences of a take
 * are the same whatever follows them: a key that is the start of a kept
 * key, up to one of its sentence ends, finds those sentences' samples
 * (nb_take_store_find_head()).  A story trimmed from the end to fit the
 * slot is not spoken again.
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

/* The take kept under key[0..len), or NULL.  Valid until the next put or
 * nb_take_store_find_head(). */
const struct nb_stored_take *nb_take_store_find(const struct nb_take_store *s, const char *key,
                                                size_t len);

/* The take kept under key[0..len) in *out; else, when a kept key begins
 * with key[0..len) and one of its sentence ends (given to
 * nb_take_store_put()) is at len, the first sentences of that take, up to
 * that end, are kept under key[0..len) as a take of their own (the same
 * samples: nothing is copied) and given; else *out is NULL.  *out is valid
 * as nb_take_store_find()'s.  Errors: NB_ENOMEM. */
nb_status nb_take_store_find_head(struct nb_take_store *s, const char *key, size_t len,
                                  const struct nb_stored_take **out, struct nb_error *err);

/* Keeps `take` under key[0..len) (a key already kept is left as it was).
 * ends (NULL: none but len) gives, for each of the take's sentences in
 * order, where its part of the key ends (ends[take->nlengths - 1] == len):
 * the key up to ends[i] then finds the first i + 1 sentences.  Keys that
 * are to be found by their start must be made so that the speech up to
 * each end depends on nothing after it.  Errors: NB_EIO (disk full...);
 * NB_EINTERNAL for ends that do not end at len; NB_ENOMEM. */
nb_status nb_take_store_put(struct nb_take_store *s, const char *key, size_t len,
                            const size_t *ends, const struct nb_speech_take *take,
                            struct nb_error *err);

/* Reads n samples of take t from its sample `from` on into out.
 * Errors: NB_EIO; NB_EINTERNAL when [from, from + n) is not inside t. */
nb_status nb_take_store_read(const struct nb_take_store *s, const struct nb_stored_take *t,
                             size_t from, int16_t *out, size_t n, struct nb_error *err);

/* Takes kept (a take found by its start counts), and samples of speech
 * in the file (each kept once). */
size_t nb_take_store_count(const struct nb_take_store *s);
size_t nb_take_store_samples(const struct nb_take_store *s);

#endif
