/* script_audio.c - a script as audio. */
#include "bulletin/script_audio.h"

#include "speech/audio_file.h"
#include "spoken/lang.h"

#include <stdlib.h>
#include <string.h>

void nb_script_audio_voices(const struct nb_voice_profile *profiles, size_t nprofiles,
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
            .quote_pause_ms = p->quote_pause_ms ? p->quote_pause_ms : p->segment_pause_ms,
            .paragraph_pause_ms =
                p->paragraph_pause_ms ? p->paragraph_pause_ms : p->segment_pause_ms,
            .language = p->language, /* lexicon phonemes are trusted by it */
        };
    }
}

/* The index of the voice called `name`, or nvoices. */
static size_t find_voice(const struct nb_render_voice *voices, size_t nvoices, const char *name)
{
    for (size_t i = 0; name && i < nvoices; i++)
        if (voices[i].name && strcmp(voices[i].name, name) == 0)
            return i;
    return nvoices;
}

/* NB_SPEECH_PHONEMES when the spoken text of every voice was normalised
 * with rules, which keep the article's brackets out. */
static unsigned say_flags(const struct nb_render_voice *voices, size_t nvoices)
{
    for (size_t i = 0; i < nvoices; i++)
        if (!voices[i].language || !nb_norm_lang_find(voices[i].language))
            return 0;
    return nvoices ? NB_SPEECH_PHONEMES : 0;
}

/* One speech part per segment: its voice, and the story pause before the
 * first segment of each new story but the very first segment. */
static nb_status segments_to_parts(const struct nb_script *script,
                                   const struct nb_render_voice *voices, size_t nvoices,
                                   const struct nb_script_audio_settings *settings,
                                   struct nb_speech_part *parts, struct nb_error *err)
{
    unsigned story = 0;
    for (size_t i = 0; i < script->n; i++) {
        const struct nb_segment *seg = &script->segments[i];
        size_t v = find_voice(voices, nvoices, seg->voice);
        if (v == nvoices)
            return nb_error_set(err, NB_EINTERNAL,
                                "segment %zu uses voice '%s', which is not loaded", i + 1,
                                seg->voice ? seg->voice : "");
        unsigned before = 0, after = voices[v].segment_pause_ms;
        if (seg->story && seg->story != story) {
            if (i > 0)
                before = voices[v].story_pause_ms;
            story = seg->story;
        }
        const struct nb_segment *next = i + 1 < script->n ? &script->segments[i + 1] : NULL;
        if (seg->kind == NB_SEG_QUOTE) {
            before = before > voices[v].quote_pause_ms ? before : voices[v].quote_pause_ms;
            after = voices[v].quote_pause_ms;
        } else if (seg->kind == NB_SEG_STORY && next && next->kind == NB_SEG_STORY &&
                   next->story == seg->story) {
            after = voices[v].paragraph_pause_ms;
        }
        parts[i] = (struct nb_speech_part){
            .text = seg->spoken,
            .voice = v,
            .pause_before_ms = before,
            .sentence_pause_ms = voices[v].sentence_pause_ms,
            .pause_after_ms = after,
        };
    }
    if (settings && script->n) {
        parts[0].pause_before_ms = settings->lead_in_ms;
        struct nb_speech_part *last = &parts[script->n - 1];
        if (last->pause_after_ms < settings->lead_out_ms)
            last->pause_after_ms = settings->lead_out_ms;
    }
    return NB_OK;
}

nb_status nb_script_audio_render(struct nb_speech *sp, const struct nb_script *script,
                                 const struct nb_render_voice *voices, size_t nvoices,
                                 const struct nb_script_audio_settings *settings,
                                 struct nb_pcm *out, struct nb_render_span *spans,
                                 struct nb_error *err)
{
    size_t n = script->n ? script->n : 1;
    struct nb_speech_part *parts = calloc(n, sizeof(*parts));
    struct nb_speech_voice *speech = calloc(nvoices ? nvoices : 1, sizeof(*speech));
    nb_status rc = NB_OK;
    if (!parts || !speech)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = segments_to_parts(script, voices, nvoices, settings, parts, err);
    for (size_t i = 0; rc == NB_OK && i < nvoices; i++)
        speech[i] = voices[i].speech;
    if (rc == NB_OK)
        rc = nb_speech_render(sp, parts, script->n, speech, nvoices, say_flags(voices, nvoices),
                              out, spans, err);
    free(parts);
    free(speech);
    return rc;
}

nb_status nb_script_audio_measure(void *ctx, const struct nb_script *s, double *seconds,
                                  double *total, struct nb_error *err)
{
    struct nb_script_audio_measurer *c = ctx;
    struct nb_render_span *spans = calloc(s->n ? s->n : 1, sizeof(*spans));
    if (!spans)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    struct nb_pcm pcm;
    nb_pcm_init(&pcm, nb_speech_sample_rate(c->speech));
    nb_status rc =
        nb_script_audio_render(c->speech, s, c->voices, c->nvoices, c->settings, &pcm, spans, err);
    if (rc == NB_OK) {
        double rate = (double)pcm.rate;
        for (size_t i = 0; i < s->n; i++) {
            size_t next = i + 1 < s->n ? spans[i + 1].start : pcm.n;
            seconds[i] = next > spans[i].start ? (double)(next - spans[i].start) / rate : 0.0;
        }
        *total = nb_pcm_seconds(&pcm);
    }
    nb_pcm_release(&pcm);
    free(spans);
    return rc;
}

nb_status nb_script_audio_fit(struct nb_script *s, const struct nb_script_input *in,
                              const struct nb_render_voice *voices, size_t nvoices,
                              const struct nb_script_audio_settings *settings,
                              struct nb_script_fit *fit, struct nb_error *err)
{
    struct nb_script_audio_measurer ctx = {NULL, voices, nvoices, settings};
    nb_script_init(s);
    nb_status rc = nb_speech_new(&ctx.speech, err);
    if (rc != NB_OK)
        return rc;
    rc = nb_script_fit(s, in, fit, nb_script_audio_measure, &ctx, err);
    nb_speech_free(ctx.speech);
    return rc;
}

/* NB_EINPUT at the profile's `espeak:` value when eSpeak NG lacks its voice. */
static nb_status check_voices(struct nb_speech *sp, const struct nb_voice_profile *profiles,
                              size_t nprofiles, struct nb_error *err)
{
    for (size_t i = 0; i < nprofiles; i++) {
        const struct nb_voice_profile *p = &profiles[i];
        nb_status rc = nb_speech_check_voice(sp, p->espeak, err);
        if (rc == NB_OK)
            continue;
        if (p->path && err) {
            err->file[0] = '\0';
            nb_error_set_file(err, p->path);
            err->line = p->espeak_mark.line;
            err->column = p->espeak_mark.column;
        }
        return rc;
    }
    return NB_OK;
}

nb_status nb_script_audio_write(const struct nb_script *script,
                                const struct nb_voice_profile *profiles, size_t nprofiles,
                                const struct nb_script_audio_settings *settings, const char *path,
                                double *seconds, struct nb_error *err)
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
    rc = check_voices(sp, profiles, nprofiles, err);
    nb_script_audio_voices(profiles, nprofiles, voices);
    struct nb_pcm pcm;
    nb_pcm_init(&pcm, nb_speech_sample_rate(sp));
    if (rc == NB_OK)
        rc = nb_script_audio_render(sp, script, voices, nprofiles, settings, &pcm, NULL, err);
    if (rc == NB_OK)
        rc = nb_audio_write(path, &pcm, err);
    if (rc == NB_OK && seconds)
        *seconds = nb_pcm_seconds(&pcm);
    nb_pcm_release(&pcm);
    free(voices);
    nb_speech_free(sp);
    return rc;
}
