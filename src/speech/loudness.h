/* loudness.h - loudness targets and a loudness meter (EBU R128 / ITU-R
 * BS.1770-4, measured by libebur128).
 *
 * A bulletin is measured as a whole, then brought to its target with one
 * gain and the true-peak limiter of speech/limiter.h:
 *
 *     nb_loudness_meter_new(&m, rate, channels, err);
 *     nb_loudness_meter_add_s16(m, frames, n, err);   (as often as needed)
 *     nb_loudness_meter_result(m, &lufs, &peak, err);
 *     gain_db = nb_loudness_gain_db(lufs, &target);
 *
 * The meter's memory (about 130 KB) does not grow with the length of the
 * audio: the gating blocks are counted in 0.01 LU bins with their energy,
 * not kept, which reads what libebur128's integrated loudness reads to
 * within 0.01 LU.
 *
 * Channels are weighted as BS.1770 does for front left and right: a mono
 * signal is one channel, so a sine of amplitude A reads 20*log10(A) - 3.01
 * LUFS, and the same sine in both channels of a stereo signal 3.01 LU more.
 * So measure the layout that is written: mono speech written as stereo (the
 * same samples twice) reads 3.01 LU louder than the mono it was made from.
 */
#ifndef NB_SPEECH_LOUDNESS_H
#define NB_SPEECH_LOUDNESS_H

#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

/* The limits of a numeric target, in LUFS. */
#define NB_LOUDNESS_MIN_LUFS (-40.0)
#define NB_LOUDNESS_MAX_LUFS (-5.0)
/* The most nb_loudness_gain_db() ever asks for, in dB: quieter audio is
 * mostly silence or noise, which is not worth bringing up further. */
#define NB_LOUDNESS_MAX_GAIN_DB 30.0

/* What the bulletin is brought to.  When `off` is 1 nothing is done to the
 * audio, and lufs and ceiling_dbtp are 0 (meaningless). */
struct nb_loudness_target {
    int off;
    double lufs;         /* integrated loudness, LUFS (= LKFS) */
    double ceiling_dbtp; /* the true peak never goes above this, dBTP */
    const char *name;    /* the preset's name, or "custom"; static */
};

/* Sets `t` to the default target, the "podcast" preset (no allocation,
 * cannot fail). */
void nb_loudness_target_init(struct nb_loudness_target *t);

/* Reads a target from `s`:
 *   podcast    -16 LUFS, ceiling -1 dBTP (the default)
 *   broadcast  EBU R128: -23 LUFS, -1 dBTP
 *   atsc       ATSC A/85: -24 LKFS, -2 dBTP
 *   alexa      -14 LUFS, -2 dBTP
 *   off        no loudness processing
 *   or a number of LUFS from -40 to -5 ("-18", "-18.5", optionally followed
 *   by "LUFS" or "LKFS"), with a ceiling of -1 dBTP.
 * Preset names and units are matched without regard to ASCII case.
 * Errors: NB_EINPUT, e.g. "loudness 'loud' is not a preset (podcast,
 * broadcast, atsc, alexa, off) or a number of LUFS such as -16"; a number
 * out of range says so ("loudness '-50' is out of range (-40 to -5 LUFS)").
 * `s` NULL is an error like "".  `t` is changed only on success. */
nb_status nb_loudness_target_parse(const char *s, struct nb_loudness_target *t,
                                   struct nb_error *err);

/* "podcast, broadcast, atsc, alexa, off": the preset names, for messages.
 * Static. */
const char *nb_loudness_presets(void);

/* One line per preset and what a number means, for help texts, each line
 * ending in '\n'.  Static. */
const char *nb_loudness_presets_help(void);

/* The gain in dB that brings audio measured at `measured_lufs` to `t`:
 * t->lufs - measured_lufs, at most NB_LOUDNESS_MAX_GAIN_DB.  0 when the
 * target is off, or when measured_lufs is -HUGE_VAL (silence) or NaN.  The
 * peak is the limiter's business, not this function's. */
double nb_loudness_gain_db(double measured_lufs, const struct nb_loudness_target *t);

struct nb_loudness_meter;

/* A meter for interleaved audio of `channels` (1 or 2) channels at `rate`
 * frames per second (8000 to 384000).  The caller frees it with
 * nb_loudness_meter_free().  Errors: NB_EINTERNAL for another rate or
 * number of channels, NB_ENOMEM. */
nb_status nb_loudness_meter_new(struct nb_loudness_meter **out, unsigned rate, unsigned channels,
                                struct nb_error *err);

/* As nb_loudness_meter_new(), for the integrated loudness alone: its true
 * peak reads NAN.  Measuring the true peak (4x oversampled) costs about
 * seven times as much as the loudness. */
nb_status nb_loudness_meter_new_lufs(struct nb_loudness_meter **out, unsigned rate,
                                     unsigned channels, struct nb_error *err);

/* Adds `nframes` interleaved frames (nframes * channels samples; `frames`
 * may be NULL when nframes is 0).  Feeding audio in pieces of any size
 * measures the same as feeding it at once.  Full scale is 32768 for s16 and 1.0 for
 * float.  Errors: NB_ENOMEM, NB_EINTERNAL (libebur128 refused). */
nb_status nb_loudness_meter_add_s16(struct nb_loudness_meter *m, const int16_t *frames,
                                    size_t nframes, struct nb_error *err);
nb_status nb_loudness_meter_add_float(struct nb_loudness_meter *m, const float *frames,
                                      size_t nframes, struct nb_error *err);

/* The integrated (gated) loudness in LUFS and the true peak over all
 * channels in dBTP (4x oversampled below 96 kHz) of everything added so
 * far.  Either pointer may be NULL.  Audio that never rises above the
 * absolute gate (-70 LUFS), silence, or no audio at all, reads -HUGE_VAL
 * LUFS; a true peak of 0 reads -HUGE_VAL dBTP.  More audio may be added
 * afterwards.  Errors: NB_EINTERNAL (libebur128 refused). */
nb_status nb_loudness_meter_result(struct nb_loudness_meter *m, double *integrated_lufs,
                                   double *true_peak_dbtp, struct nb_error *err);

/* Frees the meter; NULL is a no-op. */
void nb_loudness_meter_free(struct nb_loudness_meter *m);

#endif
