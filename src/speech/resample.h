/* resample.h - streaming sample-rate conversion (libsoxr, very high quality).
 *
 * The speech comes at 22050 Hz; broadcast files want 44100 or 48000 Hz (and
 * Opus cannot take 22050 at all).  Frames are interleaved floats, full
 * scale +-1.0, `channels` samples each.  Feed the audio in pieces of any
 * size with nb_resampler_process(), then call nb_resampler_flush() until it
 * gives nothing more: the total output is then round(total input * out_rate
 * / in_rate) frames, the same whatever the pieces were.  The same rate in
 * and out is a plain copy (libsoxr is not used).
 */
#ifndef NB_SPEECH_RESAMPLE_H
#define NB_SPEECH_RESAMPLE_H

#include "text/error.h"

#include <stddef.h>

struct nb_resampler;

/* Creates a resampler from in_rate to out_rate (1000..384000 Hz) for
 * `channels` (1..8) channels.  The caller owns *out and frees it with
 * nb_resampler_free().  Errors: NB_EINPUT for a rate or channel count out
 * of range, NB_ENOMEM, NB_EINTERNAL when libsoxr refuses. */
nb_status nb_resampler_new(struct nb_resampler **out, unsigned in_rate, unsigned out_rate,
                           unsigned channels, struct nb_error *err);

/* The most frames the next nb_resampler_process() call with nin frames can
 * produce, counting what the resampler holds back from earlier calls. */
size_t nb_resampler_out_max(const struct nb_resampler *r, size_t nin);

/* Takes all nin frames from `in` (may be NULL when nin is 0) and writes up
 * to `cap` resampled frames to `out`; *nout receives how many.  The
 * resampler delays its output by a few hundred frames, and keeps what does
 * not fit in `cap` for the next call: with cap >= nb_resampler_out_max(r,
 * nin) nothing is kept beyond that delay.  Errors: NB_ENOMEM,
 * NB_EINTERNAL (libsoxr failed; the resampler is then unusable). */
nb_status nb_resampler_process(struct nb_resampler *r, const float *in, size_t nin, float *out,
                               size_t cap, size_t *nout, struct nb_error *err);

/* Ends the input: writes up to `cap` of the frames still held back to
 * `out`, *nout receiving how many.  Call until *nout is 0.  No more input
 * may follow.  Errors as nb_resampler_process(). */
nb_status nb_resampler_flush(struct nb_resampler *r, float *out, size_t cap, size_t *nout,
                             struct nb_error *err);

/* Frees r; NULL is a no-op. */
void nb_resampler_free(struct nb_resampler *r);

#endif
