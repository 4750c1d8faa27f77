/* workers.h - speech made in worker processes, several at a time.
 *
 * eSpeak NG keeps process-wide state that is neither thread-safe nor reset
 * between calls: the same text said twice in one process can give other
 * samples.  So each block of parts is spoken by a child forked from the
 * process that initialised eSpeak NG (its start-up paid once), which
 * speaks the block and exits: a block's samples depend only on the block,
 * never on what else was spoken or on how many workers ran, and a crash or
 * a hang inside eSpeak NG loses one block, not the run.  Up to `workers`
 * children run at once.
 */
#ifndef NB_SPEECH_WORKERS_H
#define NB_SPEECH_WORKERS_H

#include "speech/render.h"
#include "speech/speech.h"
#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

/* Parts [first, first + n) of the parts given, spoken in one child. */
struct nb_speech_block {
    size_t first, n;
};

/* What one block said: for each part in order, for each of its sentences
 * (text/sentences.h nb_sentences_split()) in order, lengths[i] samples of
 * speech (0: the sentence makes no sound), all of them in `samples` one
 * after the other (no pauses; each sentence's trailing silence cut, as
 * nb_speech_say_ex() does). */
struct nb_speech_take {
    const uint32_t *lengths;
    size_t nlengths;
    const int16_t *samples;
    size_t nsamples;
};

/* Told of each block as it is done, in any order; `take` is borrowed for
 * the call.  An error stops the run. */
typedef nb_status (*nb_speech_take_fn)(void *ctx, size_t block, const struct nb_speech_take *take,
                                       struct nb_error *err);

/* The number of processors online (at least 1): the default number of
 * workers. */
unsigned nb_speech_workers_default(void);

/* The work of one run. */
struct nb_speech_work {
    const struct nb_speech_part *parts;
    const struct nb_speech_voice *voices; /* parts[i].voice indexes it */
    size_t nvoices;
    unsigned flags; /* nb_speech_say_ex()'s, for every part */
    const struct nb_speech_block *blocks;
    size_t nblocks;
    unsigned workers; /* children at a time; 0: nb_speech_workers_default() */
    double timeout;   /* seconds a block may take; 0: 60 s and 5 ms a character */
    nb_speech_take_fn done;
    int (*stop_after)(void *ctx); /* NULL: never */
    void *ctx;
    /* told the index in `parts` of the part a child crashed, hung or
     * failed on (for a caller that skips what cannot be said); NULL: not
     * wanted */
    size_t *failed_part;
};

/* Speaks every block of `w` (each part with its voice and w->flags), up
 * to w->workers at a time, each in a child forked from this process, and
 * gives each block's take to w->done.  Blocks are started in order.  When
 * w->stop_after is not NULL, no further block is started once it says 1
 * (it is asked after each `done`).
 *
 * Errors: NB_ESYNTH "speech failed at segment N ("...text..."): eSpeak NG
 * crashed (signal 11)", or "...: eSpeak NG did not finish in 60 s" (the
 * child is killed; the segment is the one it had reached), or the child's
 * own error (a voice eSpeak NG refuses); NB_EIO when no process can be
 * started; NB_ENOMEM; `done`'s error.  Segment numbers count parts from 1.
 * On any failure every child still running is killed and reaped: none
 * outlives the call. */
nb_status nb_speech_workers_run(struct nb_speech *sp, const struct nb_speech_work *w,
                                struct nb_error *err);

#endif
