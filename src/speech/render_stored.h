/* render_stored.h - speaking parts in worker processes, each block once.
 *
 * nb_speech_render_to() (speech/render.h) speaks in this process, so what
 * it says depends on what was said before.  Here the parts are cut into
 * blocks, each spoken by a worker (speech/workers.h) and kept in a store
 * (speech/take_store.h), then put together with the same pauses as
 * nb_speech_render_to(): the samples are the same for any number of
 * workers, and a block that was spoken once (while fitting a bulletin),
 * or that is the start of one (a story trimmed from its end), is never
 * spoken again.
 */
#ifndef NB_SPEECH_RENDER_STORED_H
#define NB_SPEECH_RENDER_STORED_H

#include "speech/render.h"
#include "speech/take_store.h"
#include "speech/workers.h"
#include "text/error.h"

#include <stddef.h>

/* Parts outside any group (plain text, an intro) are spoken in blocks of
 * about this many characters of text. */
#define NB_RENDER_BLOCK_CHARS 1500

/* Cuts parts[0..nparts) into blocks (out: room for nparts): each group (a
 * story) is a block of its own, whatever its length, and a run of parts
 * outside any group is closed at the first part after
 * NB_RENDER_BLOCK_CHARS characters; returns their number.  The cut
 * depends only on the parts, so that a block's speech is the same however
 * it is reached, and a story changes no other story's block: fitting,
 * which tries candidates that drop or trim some stories, speaks the
 * stories it keeps as they are only once. */
size_t nb_render_blocks(const struct nb_speech_part *parts, size_t nparts,
                        struct nb_speech_block *out);

/* nb_speech_render_to() with the speech made by worker processes
 * (speech/workers.h, `workers` at a time, 0: one per processor) a block
 * at a time and kept in `store`: blocks already in it, or that begin a
 * take in it (speech/take_store.h), are not spoken again.  With a sink
 * that takes samples, a block spoken in its turn goes to the sink as it
 * comes and is not kept (one that comes early is kept until its turn);
 * measuring keeps every block.  The samples are the same for any number
 * of workers.
 *
 * `sink` NULL (or its `samples` NULL) measures only: spans and sentences
 * are told, nothing is read back.  With `limit` (seconds; 0: none), the
 * parts are spoken in order only until the audio so far reaches `limit` at
 * the end of a block: *nparts_done (may be NULL) says how many parts were
 * rendered, the audio ends there (without the closing pause) and spans
 * after it are empty.  *length (may be NULL) gets the audio's length in
 * samples, with the closing pause when every part was rendered.
 * *failed_part (may be NULL) is set to the index of the part speech
 * failed on when a worker crashed, hung or failed (NB_ESYNTH).
 * Errors: nb_speech_workers_run()'s, the store's, the sink's, NB_ENOMEM. */
nb_status nb_speech_render_stored(struct nb_speech *sp, struct nb_take_store *store,
                                  unsigned workers, const struct nb_speech_part *parts,
                                  size_t nparts, const struct nb_speech_voice *voices,
                                  size_t nvoices, unsigned flags, double limit,
                                  const struct nb_render_sink *sink, struct nb_render_span *spans,
                                  size_t *nparts_done, size_t *length, size_t *failed_part,
                                  struct nb_error *err);

#endif
