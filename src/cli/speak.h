/* speak.h - speaking a script to an audio file with voice profiles. */
#ifndef NB_CLI_SPEAK_H
#define NB_CLI_SPEAK_H

#include "config/voice_profile.h"
#include "script/script.h"
#include "text/error.h"

#include <stddef.h>

/* Speaks every segment of `script` (each segment's voice must be the name
 * of one of `profiles`) and writes the audio atomically to `path`.  An
 * eSpeak NG voice that does not exist is reported at its profile's
 * file:line:column.  *seconds receives the duration. */
nb_status nb_cli_speak_script(const struct nb_script *script,
                              const struct nb_voice_profile *profiles, size_t nprofiles,
                              const char *path, double *seconds, struct nb_error *err);

/* "2 min 31.4 s" / "48.2 s" into out. */
void nb_cli_format_duration(double seconds, char *out, size_t size);

#endif
