/* jingle.h - a sound from the user's own audio file (an intro sting, a
 * bed between stories, an outro), made ready to go between the speech:
 * decoded (any format libsndfile reads), mixed down to mono, resampled to
 * the synthesiser's rate, and measured, so that the bulletin can bring it
 * to the loudness of the speech around it (speech/master.h). */
#ifndef NB_SPEECH_JINGLE_H
#define NB_SPEECH_JINGLE_H

#include "speech/pcm.h"
#include "text/error.h"

/* Longest jingle accepted: a sting, not a programme. */
#define NB_JINGLE_MAX_SECONDS 120

/* Decodes `path` into out (mono 16-bit at `rate`; its old contents
 * replaced) and sets *lufs to its integrated loudness (-HUGE_VAL when
 * silent).  Errors, naming the file: NB_EINPUT when it does not exist
 * ("'x.wav': no such file"), cannot be read ("'x.wav': permission
 * denied"), is a folder, is not audio libsndfile can read ("'x.txt': not
 * an audio file (format not recognised)"; a rarer reason in libsndfile's
 * words, lower case) or is longer than NB_JINGLE_MAX_SECONDS; NB_ENOMEM. */
nb_status nb_jingle_load(const char *path, unsigned rate, struct nb_pcm *out, double *lufs,
                         struct nb_error *err);

/* Checks that `path` is audio libsndfile reads, of at most
 * NB_JINGLE_MAX_SECONDS, without decoding it: the errors of
 * nb_jingle_load() before anything is spoken. */
nb_status nb_jingle_check(const char *path, struct nb_error *err);

#endif
