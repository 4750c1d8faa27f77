/* limiter.h - a streaming gain and true-peak limiter, the last step before
 * the audio is written.
 *
 * The limiter multiplies the audio by a fixed gain (the loudness gain of
 * speech/loudness.h) and turns it down, smoothly and only where needed, so
 * that its true peak stays under a ceiling.  It runs at the output rate
 * (after any resampling: a resampler can raise peaks), on float samples
 * where 1.0 is full scale, interleaved, mono or stereo; both channels of
 * stereo get the same gain, so the stereo image does not move.
 *
 * How: the gained signal is oversampled 4x, twice: with the interpolation
 * filter of ITU-R BS.1770-4 Annex 2 (4 phases x 12 taps) and with
 * libebur128's (a 49-tap Hann-windowed sinc, 3 phases x 12 taps that
 * matter), whose readings of content near the Nyquist frequency differ by
 * up to 0.2 dB either way; the larger is the frame's peak, so that this
 * project's meter (speech/loudness.h) never reads over the ceiling.  Each
 * frame needs a gain that brings its peak (its sample and the oversampled
 * points on either side) to the ceiling less NB_LIMITER_MARGIN_DB; the
 * gain applied is the least needed in a window reaching
 * NB_LIMITER_ATTACK_MS ahead (and 8 frames either side of that, the reach
 * of an interpolation filter), released exponentially (time constant
 * NB_LIMITER_RELEASE_MS) and averaged over the attack time, so that the
 * gain ramps down linearly over the attack before a peak, is at or below
 * the needed gain at the peak and around it, and comes back up smoothly.
 * No sample is clipped, except as a last resort: no output sample is ever
 * beyond -1.0 or +1.0.  Audio whose peaks stay under the ceiling comes out
 * as in * pow(10, gain_db / 20) exactly, only later.  NaN and infinite
 * samples are taken as silence.
 *
 * The output is late by nb_limiter_latency() frames: the first calls give
 * fewer frames than they take, and nb_limiter_flush() gives the rest (the
 * audio is taken to be followed by silence), so that as many frames come
 * out as went in.  The output does not depend on how the input is cut into
 * calls.  Memory is fixed at nb_limiter_new() (a few milliseconds of
 * audio).  The oversampling (84 multiply-adds a sample) runs only where a
 * sample is loud enough for its neighbourhood to reach the threshold.
 */
#ifndef NB_SPEECH_LIMITER_H
#define NB_SPEECH_LIMITER_H

#include "text/error.h"

#include <stddef.h>

#define NB_LIMITER_ATTACK_MS 3.0
#define NB_LIMITER_RELEASE_MS 80.0
/* How far under the ceiling the limiter aims, in dB: other true-peak
 * meters interpolate a little differently. */
#define NB_LIMITER_MARGIN_DB 0.1

struct nb_limiter;

/* A limiter for `channels` (1 or 2) interleaved channels at `rate` frames
 * per second (8000 to 384000), applying `gain_db` (-120 to +60 dB) and
 * keeping the true peak at or under `ceiling_dbtp` (-30 to 0 dBTP).  The
 * caller frees it with nb_limiter_free().  Errors: NB_EINTERNAL for
 * arguments out of range (the caller should have checked what the user
 * asked for), NB_ENOMEM. */
nb_status nb_limiter_new(struct nb_limiter **out, unsigned rate, unsigned channels, double gain_db,
                         double ceiling_dbtp, struct nb_error *err);

/* Takes `nframes` interleaved frames from `in` and writes the frames that
 * are ready, at most nframes, to `out` (room for nframes frames), their
 * number to *nout.  `out` may be `in` (in place) but must not otherwise
 * overlap it.  `in` and `out` may be NULL when nframes is 0.  Errors:
 * NB_EINTERNAL after nb_limiter_flush(). */
nb_status nb_limiter_process(struct nb_limiter *l, const float *in, size_t nframes, float *out,
                             size_t *nout);

/* Ends the input and writes up to `cap_frames` of the frames still held
 * back to `out`, their number to *nout; call it again while it fills
 * `out` (a call giving fewer than cap_frames frames gave the last ones).
 * Cannot fail: NB_OK. */
nb_status nb_limiter_flush(struct nb_limiter *l, float *out, size_t cap_frames, size_t *nout);

/* How many frames the output lags behind the input: the attack time plus
 * 13 frames (157 at 48 kHz). */
size_t nb_limiter_latency(const struct nb_limiter *l);

/* Frees the limiter; NULL is a no-op. */
void nb_limiter_free(struct nb_limiter *l);

#endif
