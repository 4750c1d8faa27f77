/* speaker_voices.h - which voice reads each person quoted.
 *
 * Radio makes quotation audible by voice: each person quoted in a bulletin
 * gets a voice of their own from a small pool, kept for every quote of
 * theirs; two different people quoted one after the other never share one;
 * a woman's voice for someone the article calls "she" or "Ms", a man's for
 * "he" or "Mr" (when the pool has one free).  Pure bookkeeping: the voices
 * are names the caller chose (script_build.c gives voice profile names).
 */
#ifndef NB_SCRIPT_SPEAKER_VOICES_H
#define NB_SCRIPT_SPEAKER_VOICES_H

#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

/* What the article tells of a speaker. */
enum nb_voice_kind { NB_VOICE_EITHER, NB_VOICE_FEMALE, NB_VOICE_MALE };

/* The voices to choose from; borrowed.  Both lists empty: no pool. */
struct nb_voice_pool {
    const char *const *female;
    size_t nfemale;
    const char *const *male;
    size_t nmale;
};

/* No voice: the pool is empty. */
#define NB_VOICE_NONE SIZE_MAX

/* The voice numbered `index` (female ones first, then male), or NULL. */
const char *nb_voice_pool_name(const struct nb_voice_pool *pool, size_t index);

/* Gives each of `nspeakers` speakers (kinds[i] says what is known of
 * speaker i) a voice: voice[i] is a number for nb_voice_pool_name(), or
 * NB_VOICE_NONE for an empty pool.  `order` lists the speakers of the
 * quotes in the order they are read (norder entries, each < nspeakers; a
 * speaker may come back).  Speakers are served in the order they are first
 * heard; each takes, of the voices of its kind (either kind: both lists,
 * taken in turn), the one fewest speakers have so far among those no
 * neighbour (a different speaker read just before or after one of its
 * quotes) has; when every voice of its kind is a neighbour's, a free voice
 * of the other kind; when none is free at all, the least used of its kind.
 * A speaker never heard (not in `order`) gets one too, as if heard last.
 * Deterministic.  NB_OK, or NB_ENOMEM. */
nb_status nb_speaker_voices_assign(const struct nb_voice_pool *pool,
                                   const enum nb_voice_kind *kinds, size_t nspeakers,
                                   const size_t *order, size_t norder, size_t *voice,
                                   struct nb_error *err);

#endif
