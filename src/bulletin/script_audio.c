/* script_audio.c - a script as audio. */
#include "bulletin/script_audio.h"

#include "bulletin/sidecars.h"
#include "speech/jingle.h"
#include "speech/master.h"
#include "text/file.h"
#include "spoken/lang.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* Holds `script` to the settings' limits, an error said at the briefing's
 * `limits:` when it has one.  `pool`: the script is fitting's pool of
 * candidates, measured only up to the slot, so the bulletin's limit is
 * not held to it (the fitted script is); the sentence and segment limits
 * are. */
static nb_status check_limits(const struct nb_script *script,
                              const struct nb_script_audio_settings *settings, int pool,
                              struct nb_error *err)
{
    struct nb_limits limits = {0, 0, 0, 0};
    if (settings && settings->limits)
        limits = *settings->limits;
    if (pool)
        limits.bulletin = SIZE_MAX;
    nb_status rc = nb_script_check_limits(script, &limits, err);
    if (rc == NB_EINPUT && settings && settings->limits_file && err) {
        char message[NB_ERROR_MSG_MAX];
        memcpy(message, err->message, sizeof(message));
        nb_error_set_at(err, rc, settings->limits_file, settings->limits_line,
                        settings->limits_column, "%s", message);
    }
    return rc;
}

/* One speech part per segment: its voice, and the story pause before the
 * first segment of each new story but the very first segment; nothing
 * that is too long to be spoken (check_limits()). */
static nb_status segments_to_parts(const struct nb_script *script,
                                   const struct nb_render_voice *voices, size_t nvoices,
                                   const struct nb_script_audio_settings *settings, int pool,
                                   struct nb_speech_part *parts, struct nb_error *err)
{
    nb_status rc = check_limits(script, settings, pool, err);
    if (rc != NB_OK)
        return rc;
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
            .group = seg->story,
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
        rc = segments_to_parts(script, voices, nvoices, settings, 0, parts, err);
    for (size_t i = 0; rc == NB_OK && i < nvoices; i++)
        speech[i] = voices[i].speech;
    if (rc == NB_OK)
        rc = nb_speech_render(sp, parts, script->n, speech, nvoices, say_flags(voices, nvoices),
                              out, spans, err);
    free(parts);
    free(speech);
    return rc;
}

nb_status nb_script_audio_measure(void *ctx, const struct nb_script *s, double limit,
                                  double *seconds, size_t *measured, double *total,
                                  struct nb_error *err)
{
    struct nb_script_audio_measurer *c = ctx;
    size_t n = s->n ? s->n : 1;
    struct nb_render_span *spans = calloc(n, sizeof(*spans));
    struct nb_speech_part *parts = calloc(n, sizeof(*parts));
    struct nb_speech_voice *speech = calloc(c->nvoices ? c->nvoices : 1, sizeof(*speech));
    nb_status rc = NB_OK;
    if (!spans || !parts || !speech)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = segments_to_parts(s, c->voices, c->nvoices, c->settings, 1, parts, err);
    for (size_t i = 0; rc == NB_OK && i < c->nvoices; i++)
        speech[i] = c->voices[i].speech;
    /* only the lengths: nothing is read back */
    size_t done = 0, end = 0, failed = SIZE_MAX;
    if (rc == NB_OK)
        rc =
            nb_speech_render_stored(c->speech, c->takes, c->settings ? c->settings->jobs : 0, parts,
                                    s->n, speech, c->nvoices, say_flags(c->voices, c->nvoices),
                                    limit, NULL, spans, &done, &end, &failed, err);
    if (rc == NB_ESYNTH && failed < s->n && c->settings && c->settings->failed_source)
        *c->settings->failed_source = s->segments[failed].source;
    if (rc == NB_OK) {
        double rate = (double)nb_speech_sample_rate(c->speech);
        for (size_t i = 0; i < done; i++) {
            size_t next = i + 1 < done ? spans[i + 1].start : end;
            seconds[i] = next > spans[i].start ? (double)(next - spans[i].start) / rate : 0.0;
        }
        *measured = done;
        *total = (double)end / rate;
    }
    free(spans);
    free(parts);
    free(speech);
    return rc;
}

nb_status nb_script_audio_fit(struct nb_script *s, const struct nb_script_input *in,
                              const struct nb_render_voice *voices, size_t nvoices,
                              const struct nb_script_audio_settings *settings,
                              struct nb_script_fit *fit, struct nb_error *err)
{
    struct nb_script_audio_measurer ctx = {NULL, voices, nvoices, settings,
                                           settings ? settings->takes : NULL};
    nb_script_init(s);
    struct nb_take_store *own = NULL;
    nb_status rc = NB_OK;
    if (!ctx.takes) {
        rc = nb_take_store_open(&own, NULL, settings ? &settings->temp : NULL, err);
        ctx.takes = own;
    }
    if (rc == NB_OK)
        rc = nb_speech_new(&ctx.speech, err);
    if (rc == NB_OK)
        rc = nb_script_fit(s, in, fit, nb_script_audio_measure, &ctx, err);
    if (rc == NB_OK)
        rc = check_limits(s, settings, 0, err);
    nb_speech_free(ctx.speech);
    nb_take_store_free(own);
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

void nb_script_audio_result_init(struct nb_script_audio_result *r)
{
    memset(r, 0, sizeof(*r));
    nb_strv_init(&r->files);
    nb_timeline_init(&r->timeline, 0);
}

void nb_script_audio_result_release(struct nb_script_audio_result *r)
{
    nb_strv_release(&r->files);
    nb_timeline_release(&r->timeline);
    nb_script_audio_result_init(r);
}

/* Pass 1: the samples to the spool, each sentence to the timeline. */
struct pass1 {
    struct nb_master_spool *spool;
    struct nb_timeline *timeline;
    const struct nb_script *script;
    size_t base;  /* the spool's length when this stretch began */
    size_t first; /* the stretch's first part */
};

static nb_status spool_samples(void *ctx, const int16_t *s, size_t n, struct nb_error *err)
{
    struct pass1 *p = ctx;
    return nb_master_spool_add(p->spool, s, n, err);
}

static nb_status note_sentence(void *ctx, size_t part, size_t index, const char *text, size_t start,
                               size_t end, struct nb_error *err)
{
    struct pass1 *p = ctx;
    return nb_timeline_add_sentence(p->timeline, p->script, p->first + part, index, text,
                                    p->base + start, p->base + end, err);
}

/* The briefing's jingles, decoded: intro, between stories, outro. */
struct jingles {
    struct nb_pcm pcm[3];
    size_t n[3]; /* samples; 0: none */
    double lufs[3];
};

static nb_status load_jingles(const struct nb_script_audio_settings *settings, unsigned rate,
                              struct jingles *j, struct nb_error *err)
{
    for (int k = 0; k < 3; k++) {
        nb_pcm_init(&j->pcm[k], rate);
        const char *path = settings ? settings->jingles[k] : NULL;
        if (!path)
            continue;
        nb_status rc = nb_jingle_load(path, rate, &j->pcm[k], &j->lufs[k], err);
        if (rc != NB_OK)
            return rc;
        j->n[k] = j->pcm[k].n;
    }
    return NB_OK;
}

static nb_status add_silence(struct nb_master_spool *spool, unsigned rate, unsigned ms,
                             struct nb_error *err)
{
    int16_t zero[1024] = {0};
    size_t n = (size_t)rate * ms / 1000;
    while (n) {
        size_t k = n < 1024 ? n : 1024;
        nb_status rc = nb_master_spool_add(spool, zero, k, err);
        if (rc != NB_OK)
            return rc;
        n -= k;
    }
    return NB_OK;
}

/* A jingle and the breath after it. */
#define JINGLE_PAUSE_MS 400

static nb_status add_jingle(struct nb_master_spool *spool, const struct jingles *j, int k,
                            unsigned rate, struct nb_error *err)
{
    if (!j->n[k])
        return NB_OK;
    nb_status rc = nb_master_spool_add_jingle(spool, j->pcm[k].samples, j->n[k], j->lufs[k], err);
    return rc == NB_OK ? add_silence(spool, rate, JINGLE_PAUSE_MS, err) : rc;
}

/* Speaks the script into the spool, noting the timeline. */
static nb_status speak_to_spool(struct nb_speech *sp, const struct nb_script *script,
                                const struct nb_render_voice *voices, size_t nvoices,
                                const struct nb_script_audio_settings *settings,
                                struct nb_take_store *takes, struct nb_master_spool *spool,
                                struct nb_timeline *timeline, struct nb_error *err)
{
    size_t n = script->n ? script->n : 1;
    struct nb_speech_part *parts = calloc(n, sizeof(*parts));
    struct nb_speech_voice *speech = calloc(nvoices ? nvoices : 1, sizeof(*speech));
    struct nb_render_span *spans = calloc(n, sizeof(*spans));
    nb_status rc = NB_OK;
    if (!parts || !speech || !spans)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = segments_to_parts(script, voices, nvoices, settings, 0, parts, err);
    for (size_t i = 0; rc == NB_OK && i < nvoices; i++)
        speech[i] = voices[i].speech;
    struct jingles j;
    memset(&j, 0, sizeof(j));
    if (rc == NB_OK)
        rc = load_jingles(settings, nb_master_spool_rate(spool), &j, err);
    unsigned rate = nb_master_spool_rate(spool);
    /* with an intro jingle: the lead-in, the jingle, a breath, the speech */
    if (rc == NB_OK && j.n[0] && script->n) {
        rc = add_silence(spool, rate, parts[0].pause_before_ms, err);
        parts[0].pause_before_ms = 0;
        if (rc == NB_OK)
            rc = add_jingle(spool, &j, 0, rate, err);
    }
    struct pass1 p1 = {spool, timeline, script, 0, 0};
    const struct nb_render_sink sink = {spool_samples, note_sentence, &p1};
    /* spoken a stretch at a time: the between-stories jingle before each
     * story after the first */
    unsigned story = 0;
    for (size_t a = 0; rc == NB_OK && a < script->n;) {
        size_t b = a + 1;
        story = script->segments[a].story ? script->segments[a].story : story;
        for (; b < script->n; b++) {
            unsigned next = script->segments[b].story;
            if (j.n[1] && next && story && next != story)
                break; /* a new story after the first: the jingle first */
            story = next ? next : story;
        }
        p1.base = nb_master_spool_frames(spool);
        p1.first = a;
        size_t failed = SIZE_MAX;
        rc = nb_speech_render_stored(sp, takes, settings ? settings->jobs : 0, parts + a, b - a,
                                     speech, nvoices, say_flags(voices, nvoices), 0, &sink,
                                     spans + a, NULL, NULL, &failed, err);
        if (rc == NB_ESYNTH && failed < b - a && settings && settings->failed_source)
            *settings->failed_source = script->segments[a + failed].source;
        for (size_t i = a; rc == NB_OK && i < b; i++) {
            spans[i].start += p1.base;
            spans[i].end += p1.base;
        }
        if (rc == NB_OK && b < script->n)
            rc = add_jingle(spool, &j, 1, rate, err);
        a = b;
    }
    if (rc == NB_OK && j.n[2]) {
        rc = add_jingle(spool, &j, 2, rate, err);
        if (rc == NB_OK && settings)
            rc = add_silence(spool, rate, settings->lead_out_ms, err);
    }
    for (int k = 0; k < 3; k++)
        nb_pcm_release(&j.pcm[k]);
    if (rc == NB_OK)
        rc = nb_timeline_chapters(timeline, script, spans, nb_master_spool_frames(spool),
                                  settings ? settings->titles : NULL,
                                  settings ? settings->ntitles : 0, err);
    free(parts);
    free(speech);
    free(spans);
    return rc;
}

/* "out/morning.mp3" -> "out/morning" + suffix. */
static nb_status beside(const char *path, const char *suffix, struct nb_buf *out)
{
    const char *base = nb_path_basename(path), *dot = strrchr(base, '.');
    size_t stem = dot && dot > base ? (size_t)(dot - path) : strlen(path);
    nb_buf_reset(out);
    if (nb_buf_add(out, path, stem) != NB_OK || nb_buf_adds(out, suffix) != NB_OK)
        return NB_ENOMEM;
    return NB_OK;
}

/* One file per chapter, NAME-01.EXT..., and the playlist NAME.m3u8. */
static nb_status write_per_story(struct nb_master_spool *spool, const char *path,
                                 const struct nb_audio_format *f, const struct nb_audio_meta *meta,
                                 const struct nb_loudness_target *target, double gain,
                                 const struct nb_timeline *t, const struct nb_temp_hook *temp,
                                 struct nb_strv *files, struct nb_error *err)
{
    const char *ext = strrchr(nb_path_basename(path), '.');
    struct nb_buf name, list, suffix;
    nb_buf_init(&name, 0);
    nb_buf_init(&list, 0);
    nb_buf_init(&suffix, 0);
    nb_status rc =
        nb_buf_addf(&list, "#EXTM3U\n") == NB_OK &&
                (!meta->title || nb_buf_addf(&list, "#PLAYLIST:%s\n", meta->title) == NB_OK)
            ? NB_OK
            : nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t c = 0; rc == NB_OK && c < t->nchapters; c++) {
        const struct nb_timeline_chapter *ch = &t->chapters[c];
        nb_buf_reset(&suffix);
        if (nb_buf_addf(&suffix, "-%02zu%s", c + 1, ext ? ext : "") != NB_OK ||
            beside(path, suffix.data, &name) != NB_OK) {
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            break;
        }
        const struct nb_audio_chapter one = {0.0, ch->title};
        struct nb_master_output o = {.path = name.data,
                                     .format = *f,
                                     .meta = *meta,
                                     .chapters = &one,
                                     .nchapters = 1,
                                     .from = ch->from,
                                     .to = ch->to,
                                     .temp = temp};
        o.meta.title = ch->title;
        struct nb_master_result r;
        rc = nb_master_write(spool, &o, target, gain, &r, err);
        if (rc == NB_OK && nb_strv_pushs(files, name.data) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        /* the playlist names the files beside it */
        if (rc == NB_OK && nb_buf_addf(&list, "#EXTINF:%.0f,%s\n%s\n", r.seconds, ch->title,
                                       nb_path_basename(name.data)) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (rc == NB_OK && beside(path, ".m3u8", &name) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = nb_file_write_atomic(name.data, list.data, list.len, err);
    if (rc == NB_OK && nb_strv_pushs(files, name.data) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&name);
    nb_buf_release(&list);
    nb_buf_release(&suffix);
    return rc;
}

/* The gain for the whole bulletin (speech/master.h), a lossy format
 * measured through a probe file beside the output. */
static nb_status measured_gain(struct nb_master_spool *spool, const char *path,
                               const struct nb_audio_format *format,
                               struct nb_loudness_target *target, const struct nb_temp_hook *temp,
                               double *gain, struct nb_error *err)
{
    struct nb_buf probe;
    nb_buf_init(&probe, 0);
    const char *ext = strrchr(nb_path_basename(path), '.');
    if (nb_buf_addf(&probe, "%s.probe%s", nb_master_spool_path(spool), ext ? ext : "") != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_temp_tell(temp, probe.data, 1);
    nb_status rc = nb_master_gain(spool, format, target, probe.data, gain, err);
    nb_temp_tell(temp, probe.data, 0);
    nb_buf_release(&probe);
    return rc;
}

static int lossy_format(enum nb_audio_container c)
{
    return c == NB_AUDIO_MP3 || c == NB_AUDIO_OGG_VORBIS || c == NB_AUDIO_OGG_OPUS;
}

/* "podcast (-16 LUFS, -1 dBTP)" or "off". */
static void target_words(const struct nb_loudness_target *t, char *out, size_t size)
{
    if (t->off)
        snprintf(out, size, "off");
    else
        snprintf(out, size, "%s (%g LUFS, %g dBTP)", t->name ? t->name : "custom", t->lufs,
                 t->ceiling_dbtp);
}

static const char *container_word(enum nb_audio_container c)
{
    static const char *const words[] = {"wav", "flac", "mp3", "ogg", "opus"};
    return (size_t)c < sizeof(words) / sizeof(words[0]) ? words[c] : NULL;
}

/* The chapters, transcripts and manifest beside the audio. */
static nb_status write_sidecars(const char *path, const struct nb_audio_format *f,
                                const struct nb_loudness_target *target,
                                const struct nb_script_audio_settings *settings,
                                struct nb_script_audio_result *res, struct nb_error *err)
{
    const struct nb_timeline *t = &res->timeline;
    struct nb_sidecar_chapter *ch = calloc(t->nchapters + 1, sizeof(*ch));
    struct nb_sidecar_cue *cues = calloc(t->ncues + 1, sizeof(*cues));
    struct nb_sidecar_file *files = calloc(res->files.n + 1, sizeof(*files));
    if (!ch || !cues || !files) {
        free(ch);
        free(cues);
        free(files);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < t->nchapters; i++)
        ch[i] = (struct nb_sidecar_chapter){t->chapters[i].start, t->chapters[i].end,
                                            t->chapters[i].title, t->chapters[i].story};
    for (size_t i = 0; i < t->ncues; i++)
        cues[i] = (struct nb_sidecar_cue){t->cues[i].start, t->cues[i].end, t->cues[i].speaker,
                                          t->cues[i].text, t->cues[i].story};
    /* the audio files: the bulletin, then one per chapter (not the playlist) */
    size_t nfiles = 0;
    for (size_t i = 0; i < res->files.n; i++) {
        const char *p = res->files.v[i];
        size_t n = strlen(p);
        if (n > 5 && strcmp(p + n - 5, ".m3u8") == 0)
            continue;
        int whole = strcmp(p, path) == 0;
        size_t c = whole ? 0 : nfiles - 1; /* per chapter, in order after the bulletin */
        files[nfiles++] = (struct nb_sidecar_file){
            .path = p,
            .format = container_word(f->container),
            .rate = f->rate,
            .channels = f->channels,
            .seconds = whole ? res->seconds
                             : (c < t->nchapters ? t->chapters[c].end - t->chapters[c].start : 0),
            .lufs = whole ? res->lufs : NAN,
            .true_peak_dbtp = whole ? res->true_peak : NAN,
            .story = whole || c >= t->nchapters ? 0 : t->chapters[c].story,
        };
    }
    char words[96];
    target_words(target, words, sizeof(words));
    const struct nb_sidecar_bulletin b = {
        .title = settings->meta.title,
        .date = settings->meta.date,
        .publisher = settings->meta.publisher,
        .seconds = res->seconds,
        .loudness_target = words,
        .chapters = ch,
        .nchapters = t->nchapters,
        .cues = cues,
        .ncues = t->ncues,
        .files = files,
        .nfiles = nfiles,
        .temp = &settings->temp,
    };
    nb_status rc = nb_sidecars_write(path, &b, &res->files, err);
    free(ch);
    free(cues);
    free(files);
    return rc;
}

nb_status nb_script_audio_write(const struct nb_script *script,
                                const struct nb_voice_profile *profiles, size_t nprofiles,
                                const struct nb_script_audio_settings *settings, const char *path,
                                struct nb_script_audio_result *res, struct nb_error *err)
{
    static const struct nb_script_audio_settings none;
    if (!settings)
        settings = &none;
    struct nb_script_audio_result mine;
    nb_script_audio_result_init(&mine);
    if (!res)
        res = &mine;
    struct nb_audio_format format;
    struct nb_loudness_target target;
    nb_loudness_target_init(&target);
    if (settings->loudness)
        target = *settings->loudness;
    nb_status rc = NB_OK;
    if (settings->format)
        format = *settings->format;
    else
        rc = nb_audio_format_from_path(path, &format, err);
    if (rc == NB_OK)
        rc = nb_audio_format_check(&format, err);
    if (rc == NB_OK)
        rc = nb_audio_clean_stale(path, err);
    struct nb_speech *sp = NULL;
    if (rc == NB_OK)
        rc = nb_speech_new(&sp, err);
    if (rc != NB_OK)
        return rc;
    struct nb_render_voice *voices = calloc(nprofiles ? nprofiles : 1, sizeof(*voices));
    if (!voices) {
        nb_speech_free(sp);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    rc = check_voices(sp, profiles, nprofiles, err);
    nb_script_audio_voices(profiles, nprofiles, voices);
    unsigned rate = nb_speech_sample_rate(sp);
    nb_timeline_release(&res->timeline);
    nb_timeline_init(&res->timeline, rate);
    struct nb_master_spool *spool = NULL;
    /* measured while spooled for a loudness target, or for jingles to be
     * brought to the speech's loudness */
    int measure =
        !target.off || settings->jingles[0] || settings->jingles[1] || settings->jingles[2];
    if (rc == NB_OK)
        rc = nb_master_spool_open(&spool, path, rate, format.channels, measure, &settings->temp,
                                  err);
    /* the blocks fitting spoke, or a store of this call's own beside the
     * output */
    struct nb_take_store *takes = settings->takes, *own = NULL;
    struct nb_buf dir;
    nb_buf_init(&dir, 0);
    if (rc == NB_OK && !takes) {
        if (nb_path_dirname(path, &dir) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else
            rc = nb_take_store_open(&own, dir.data, &settings->temp, err);
        takes = own;
    }
    nb_buf_release(&dir);
    if (rc == NB_OK)
        rc = speak_to_spool(sp, script, voices, nprofiles, settings, takes, spool, &res->timeline,
                            err);
    nb_take_store_free(own);
    nb_speech_free(sp);
    free(voices);
    /* pass 2: one gain for the whole bulletin */
    double gain = 0;
    const double ceiling = target.ceiling_dbtp;
    if (rc == NB_OK)
        rc = measured_gain(spool, path, &format, &target, &settings->temp, &gain, err);
    size_t before = res->files.n;
    if (rc == NB_OK && settings->per_story)
        rc = write_per_story(spool, path, &format, &settings->meta, &target, gain, &res->timeline,
                             &settings->temp, &res->files, err);
    struct nb_audio_chapter *chapters =
        calloc(res->timeline.nchapters ? res->timeline.nchapters : 1, sizeof(*chapters));
    if (rc == NB_OK && !chapters)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t c = 0; rc == NB_OK && c < res->timeline.nchapters; c++)
        chapters[c] = (struct nb_audio_chapter){res->timeline.chapters[c].start,
                                                res->timeline.chapters[c].title};
    struct nb_master_output o = {.path = path,
                                 .format = format,
                                 .meta = settings->meta,
                                 .chapters = chapters,
                                 .nchapters = res->timeline.nchapters,
                                 .temp = &settings->temp};
    struct nb_master_result r = {0, 0, 0};
    if (rc == NB_OK)
        rc = nb_master_write(spool, &o, &target, gain, &r, err);
    /* a lossy file as it decodes: over the ceiling somewhere the probe did
     * not reach, or off the target, it is made again, corrected, once */
    if (rc == NB_OK && lossy_format(format.container) && !target.off) {
        double got_lufs, got_peak;
        rc = nb_master_measure_file(path, &got_lufs, &got_peak, err);
        double over = got_peak - (ceiling - 0.15), off = target.lufs - got_lufs;
        if (rc == NB_OK && ((isfinite(over) && over > 0) || (isfinite(off) && fabs(off) > 0.4))) {
            if (isfinite(over) && over > 0)
                target.ceiling_dbtp -= over + 0.1;
            if (isfinite(off))
                gain += off;
            rc = nb_master_write(spool, &o, &target, gain, &r, err);
            if (rc == NB_OK)
                rc = nb_master_measure_file(path, &got_lufs, &got_peak, err);
        }
        r.lufs = got_lufs;
        r.true_peak = got_peak;
    }
    free(chapters);
    nb_master_spool_free(spool);
    if (rc == NB_OK) {
        res->seconds = r.seconds;
        res->lufs = r.lufs;
        res->true_peak = r.true_peak;
        /* the bulletin first */
        rc = nb_strv_pushs(&res->files, path) == NB_OK
                 ? NB_OK
                 : nb_error_set(err, NB_ENOMEM, "out of memory");
        if (rc == NB_OK && res->files.n > before + 1) {
            char *main_file = res->files.v[res->files.n - 1];
            memmove(&res->files.v[before + 1], &res->files.v[before],
                    (res->files.n - 1 - before) * sizeof(char *));
            res->files.v[before] = main_file;
        }
    }
    if (rc == NB_OK)
        rc = write_sidecars(path, &format, &target, settings, res, err);
    if (rc != NB_OK) {
        /* none of this call's files is left */
        for (size_t i = before; i < res->files.n; i++)
            if (strcmp(res->files.v[i], path) != 0)
                unlink(res->files.v[i]);
    }
    nb_script_audio_result_release(&mine);
    return rc;
}
