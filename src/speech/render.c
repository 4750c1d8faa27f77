#include "speech/render.h"

#include "script/norm_lang.h"
#include "text/sentences.h"
#include "text/strv.h"

#include <string.h>

/* Pauses do not add up: the longest pending one is what is heard. */
static unsigned longer(unsigned a, unsigned b)
{
    return a > b ? a : b;
}

static const struct nb_render_voice *find_voice(const struct nb_render_voice *voices,
                                                size_t nvoices, const char *name)
{
    for (size_t i = 0; name && i < nvoices; i++)
        if (voices[i].name && strcmp(voices[i].name, name) == 0)
            return &voices[i];
    return NULL;
}

/* NB_SPEECH_PHONEMES when the spoken text of every voice was normalised
 * with rules, which keep the article's brackets out (render.h). */
static unsigned say_flags(const struct nb_render_voice *voices, size_t nvoices)
{
    for (size_t i = 0; i < nvoices; i++)
        if (!voices[i].language || !nb_norm_lang_find(voices[i].language))
            return 0;
    return nvoices ? NB_SPEECH_PHONEMES : 0;
}

/* Speaks one sentence after the pause pending before it.  A sentence that
 * makes no sound (only symbols the sanitiser drops) leaves out and the
 * pending pause untouched. */
static nb_status say_sentence(struct nb_speech *sp, const char *sentence, unsigned flags,
                              unsigned *pending, struct nb_pcm *out, size_t *speech_start,
                              struct nb_error *err)
{
    size_t before = out->n;
    if (nb_pcm_add_silence_ms(out, *pending) < 0)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    size_t start = out->n;
    nb_status rc = nb_speech_say_ex(sp, sentence, strlen(sentence), flags, out, err);
    if (rc != NB_OK || out->n == start) {
        out->n = before;
        return rc;
    }
    *pending = 0;
    *speech_start = start;
    return NB_OK;
}

/* Speaks one segment, sentence by sentence; *first is the first sample of
 * its speech and *end one past the last (both out->n when silent). */
static nb_status render_segment(struct nb_speech *sp, const struct nb_segment *seg,
                                const struct nb_render_voice *v, unsigned flags, unsigned *pending,
                                struct nb_pcm *out, struct nb_render_span *span,
                                struct nb_error *err)
{
    struct nb_strv sentences;
    nb_strv_init(&sentences);
    const char *spoken = seg->spoken ? seg->spoken : "";
    nb_status rc = nb_sentences_split(spoken, strlen(spoken), &sentences, err);
    span->start = span->end = out->n;
    int any = 0;
    for (size_t i = 0; rc == NB_OK && i < sentences.n; i++) {
        size_t start = 0;
        size_t n0 = out->n;
        rc = say_sentence(sp, sentences.v[i], flags, pending, out, &start, err);
        if (rc != NB_OK || out->n == n0)
            continue;
        if (!any)
            span->start = start;
        any = 1;
        span->end = out->n;
        *pending = v->sentence_pause_ms;
    }
    if (!any)
        span->start = span->end = out->n;
    nb_strv_release(&sentences);
    return rc;
}

nb_status nb_speech_render(struct nb_speech *sp, const struct nb_script *script,
                           const struct nb_render_voice *voices, size_t nvoices,
                           struct nb_pcm *out, struct nb_render_span *spans,
                           struct nb_error *err)
{
    unsigned rate = nb_speech_sample_rate(sp);
    if (!out->n)
        out->rate = rate;
    if (out->rate != rate)
        return nb_error_set(err, NB_EINTERNAL, "samples at %u Hz given to a %u Hz synthesiser",
                            out->rate, rate);
    size_t out_start = out->n;
    unsigned flags = say_flags(voices, nvoices);
    const struct nb_render_voice *current = NULL;
    unsigned pending = 0, story = 0;
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < script->n; i++) {
        const struct nb_segment *seg = &script->segments[i];
        const struct nb_render_voice *v = find_voice(voices, nvoices, seg->voice);
        if (!v) {
            rc = nb_error_set(err, NB_EINTERNAL, "segment %zu uses voice '%s', which is not loaded",
                              i + 1, seg->voice ? seg->voice : "");
            break;
        }
        if (seg->story && seg->story != story) {
            if (i > 0) /* no silence before the very first segment */
                pending = longer(pending, v->story_pause_ms);
            story = seg->story;
        }
        if (v != current) {
            rc = nb_speech_set_voice(sp, &v->speech, err);
            if (rc != NB_OK)
                break;
            current = v;
        }
        struct nb_render_span span;
        rc = render_segment(sp, seg, v, flags, &pending, out, &span, err);
        if (rc == NB_OK && spans)
            spans[i] = span;
        pending = longer(pending, v->segment_pause_ms);
    }
    if (rc == NB_OK && nb_pcm_add_silence_ms(out, pending) < 0)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc != NB_OK)
        out->n = out_start;
    return rc;
}
