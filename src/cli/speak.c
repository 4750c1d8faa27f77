#include "cli/speak.h"

#include "cli/cli.h"
#include "speech/audio_file.h"
#include "speech/render.h"
#include "speech/speech.h"

#include <stdio.h>
#include <stdlib.h>

void nb_cli_render_voices(const struct nb_voice_profile *profiles, size_t nprofiles,
                          struct nb_render_voice *out)
{
    for (size_t i = 0; i < nprofiles; i++) {
        const struct nb_voice_profile *p = &profiles[i];
        out[i] = (struct nb_render_voice){
            .name = p->name,
            .speech = {p->espeak, p->rate, p->pitch, p->range, p->volume},
            .sentence_pause_ms = p->sentence_pause_ms,
            .segment_pause_ms = p->segment_pause_ms,
            .story_pause_ms = p->story_pause_ms,
            .language = p->language, /* render trusts lexicon phonemes by it */
        };
    }
}

nb_status nb_cli_speak_script(const struct nb_script *script,
                              const struct nb_voice_profile *profiles, size_t nprofiles,
                              const char *path, double *seconds, struct nb_error *err)
{
    struct nb_speech *sp = NULL;
    nb_status rc = nb_speech_new(&sp, err);
    if (rc != NB_OK)
        return rc;
    struct nb_render_voice *voices = calloc(nprofiles ? nprofiles : 1, sizeof(*voices));
    if (!voices) {
        nb_speech_free(sp);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    for (size_t i = 0; rc == NB_OK && i < nprofiles; i++) {
        const struct nb_voice_profile *p = &profiles[i];
        rc = nb_speech_check_voice(sp, p->espeak, err);
        if (rc != NB_OK && p->path) {
            err->file[0] = '\0';
            nb_error_set_file(err, p->path);
            err->line = p->espeak_mark.line;
            err->column = p->espeak_mark.column;
        }
    }
    nb_cli_render_voices(profiles, nprofiles, voices);
    struct nb_pcm pcm;
    nb_pcm_init(&pcm, nb_speech_sample_rate(sp));
    if (rc == NB_OK)
        rc = nb_speech_render(sp, script, voices, nprofiles, &pcm, NULL, err);
    if (rc == NB_OK)
        rc = nb_audio_write(path, &pcm, err);
    if (rc == NB_OK && seconds)
        *seconds = nb_pcm_seconds(&pcm);
    nb_pcm_release(&pcm);
    free(voices);
    nb_speech_free(sp);
    return rc;
}

void nb_cli_format_duration(double seconds, char *out, size_t size)
{
    if (seconds >= 60) {
        int min = (int)(seconds / 60);
        snprintf(out, size, "%d min %.1f s", min, seconds - 60.0 * min);
    } else {
        snprintf(out, size, "%.1f s", seconds);
    }
}
