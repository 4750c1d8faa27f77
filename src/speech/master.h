/* master.h - the bulletin's audio made ready for air, in two passes.
 *
 * Pass 1 (the spool): samples go, as the synthesiser makes them, to a
 * temporary file beside the output (`.NAME.tmp-XXXXXX`, so that a killed
 * run's leftovers are found by nb_audio_clean_stale()) and through a
 * loudness meter; nothing is held in memory.  Pass 2 (nb_master_write()):
 * the spool, or a stretch of it, is read back a block at a time, brought
 * to the loudness target with one gain for the whole bulletin, resampled
 * to the output rate, kept under the true-peak ceiling by the limiter,
 * made stereo when asked, encoded (speech/encoder.h) and measured again.
 * Memory stays flat whatever the length.
 *
 *   nb_master_spool_open(&sp, "out/morning.mp3", 22050, 1, 1, NULL, err);
 *   nb_master_spool_add(sp, samples, n, err);           (as often as needed)
 *   nb_master_spool_loudness(sp, &lufs, NULL, err);
 *   gain = nb_master_gain(sp, &format, &target, err)     (see below)
 *   nb_master_write(sp, &output, &target, gain, &result, err);
 *   nb_master_spool_free(sp);                            (removes the file)
 */
#ifndef NB_SPEECH_MASTER_H
#define NB_SPEECH_MASTER_H

#include "speech/encoder.h"
#include "speech/loudness.h"
#include "text/error.h"
#include "text/file.h"

#include <stddef.h>
#include <stdint.h>

struct nb_master_spool;

/* A spool for mono 16-bit samples at `rate`, in the folder of `path` (the
 * output it is for), measured as `channels` (1 or 2: the output's; stereo
 * audio made of the mono reads 3 LU louder) when `measure` is set: its
 * loudness is needed to bring the output to a target (nb_master_gain())
 * or jingles to the speech's loudness; else it is not measured, which
 * saves a pass of the loudness meter.  `temp` (may be NULL) is told
 * of the spool's file before it is made and when it is gone, and of the
 * temporary files of probes written from it (text/file.h).  Errors: NB_EIO
 * naming the folder when the file cannot be made; NB_ENOMEM. */
nb_status nb_master_spool_open(struct nb_master_spool **out, const char *path, unsigned rate,
                               unsigned channels, int measure, const struct nb_temp_hook *temp,
                               struct nb_error *err);

/* Appends n samples.  Errors: NB_EIO (disk full...), naming the spool's
 * folder; NB_ENOMEM. */
nb_status nb_master_spool_add(struct nb_master_spool *s, const int16_t *samples, size_t n,
                              struct nb_error *err);

/* Appends a jingle's n samples (speech/jingle.h), measured at `lufs`
 * (mono): not counted in the spool's loudness, and brought to the
 * speech's loudness in pass 2 (at most 12 dB up).  Errors as
 * nb_master_spool_add(). */
nb_status nb_master_spool_add_jingle(struct nb_master_spool *s, const int16_t *samples, size_t n,
                                     double lufs, struct nb_error *err);

/* Samples so far, and the synthesiser's rate. */
size_t nb_master_spool_frames(const struct nb_master_spool *s);
unsigned nb_master_spool_rate(const struct nb_master_spool *s);

/* The spool's temporary file (for a signal handler to unlink). */
const char *nb_master_spool_path(const struct nb_master_spool *s);

/* Integrated loudness (LUFS) of everything spooled, as the output's
 * channels; -HUGE_VAL for silence.  The true peak is not measured in the
 * spool: *true_peak (may be NULL) reads NAN.  NB_EINTERNAL for a spool
 * opened without `measure`. */
nb_status nb_master_spool_loudness(struct nb_master_spool *s, double *lufs, double *true_peak,
                                   struct nb_error *err);

/* Removes the spool's file and frees it; NULL is a no-op. */
void nb_master_spool_free(struct nb_master_spool *s);

/* One file to write from the spool. */
struct nb_master_output {
    const char *path;              /* NULL: nothing written, only measured */
    struct nb_audio_format format; /* its rate and channels: resampled and
                                      made stereo as needed */
    struct nb_audio_meta meta;
    const struct nb_audio_chapter *chapters; /* seconds from `from` */
    size_t nchapters;
    size_t from, to;                 /* the spool's samples [from, to); to 0: to the end */
    const struct nb_temp_hook *temp; /* told of the encoder's temporary file */
};

/* What was written, as measured on the samples encoded. */
struct nb_master_result {
    double seconds;
    double lufs;      /* -HUGE_VAL for silence */
    double true_peak; /* dBTP, sample-accurate at 4x; -HUGE_VAL for silence; NAN for
                         a dry run (no path) and with the loudness off, which
                         measure the loudness alone */
};

/* Writes o->path (NULL: only measures what would be written) from the
 * spool: gain_db (the whole bulletin's, from
 * nb_loudness_gain_db(); ignored when the target is off), the limiter at
 * target->ceiling_dbtp (none when off: samples are only converted, so
 * that a 22050 Hz mono 16-bit WAV with loudness off holds exactly the
 * synthesiser's samples), resampling (libsoxr, very high quality) and the
 * encoder, atomically.  *res (may be NULL) gets the figures.  Errors: the
 * encoder's and the resampler's; NB_EIO reading the spool; NB_ENOMEM.
 * Nothing is left at o->path on failure (an earlier file stays). */
nb_status nb_master_write(struct nb_master_spool *s, const struct nb_master_output *o,
                          const struct nb_loudness_target *target, double gain_db,
                          struct nb_master_result *res, struct nb_error *err);

/* The gain that brings the spool to `target` as written in `format`: the
 * loudness gain, then corrected (up to three more measuring runs, nothing
 * written) for what the limiter takes off the peaks of speech, so that
 * the file reads within 0.1 LU of the target where the gain cap allows.
 * For a lossy format (MP3, Vorbis, Opus), with `probe` (a scratch file
 * name beside the output; NULL: none), the audio is also encoded to
 * `probe` (the whole bulletin up to 6 minutes, six stretches of 20 s spread
 * over a longer one), decoded and measured, up to six times, correcting the gain
 * and lowering target->ceiling_dbtp by what the codec added to the peaks
 * (the probe is removed each time).  0 when the target is off.  *gain_db
 * is set on success. */
nb_status nb_master_gain(struct nb_master_spool *s, const struct nb_audio_format *format,
                         struct nb_loudness_target *target, const char *probe, double *gain_db,
                         struct nb_error *err);

/* The integrated loudness and true peak of an audio file as libsndfile
 * decodes it.  Errors: NB_EIO naming the file; NB_ENOMEM. */
nb_status nb_master_measure_file(const char *path, double *lufs, double *true_peak,
                                 struct nb_error *err);

#endif
