/* audio_file.h - writing audio through libsndfile, atomically.
 */
#ifndef NB_SPEECH_AUDIO_FILE_H
#define NB_SPEECH_AUDIO_FILE_H

#include "speech/pcm.h"
#include "text/error.h"

/* Writes pcm to `path` as 16-bit PCM WAV (the format is chosen by the
 * extension; only .wav is supported so far: anything else is NB_EINPUT).
 * The file is written to a temporary file in the same folder and renamed
 * into place, so a failure never leaves a half-written file and never
 * destroys the previous one. */
nb_status nb_audio_write(const char *path, const struct nb_pcm *pcm, struct nb_error *err);

#endif
