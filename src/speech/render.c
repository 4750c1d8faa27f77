/* render.c - parts of text to samples, with pauses, a sentence at a time. */
#include "speech/render.h"

#include "text/sentences.h"
#include "text/strv.h"

#include <string.h>

/* Pauses do not add up: the longest pending one is what is heard. */
static unsigned longer(unsigned a, unsigned b)
{
    return a > b ? a : b;
}

/* A rendering in progress: each sentence is made in `scratch` (its pause,
 * then its speech) and handed to the sink; `pos` counts what the sink has
 * had. */
struct renderer {
    struct nb_speech *sp;
    unsigned flags;
    const struct nb_render_sink *sink;
    struct nb_pcm scratch;
    size_t pos;
    unsigned pending; /* the pause owed before the next sound, ms */
};

/* Speaks one sentence after the pause pending before it.  A sentence that
 * makes no sound (only symbols the sanitiser drops) gives the sink nothing
 * and leaves the pending pause untouched; *start and *end are then equal. */
static nb_status say_sentence(struct renderer *r, const char *sentence, size_t *start, size_t *end,
                              struct nb_error *err)
{
    r->scratch.n = 0;
    *start = *end = r->pos;
    if (nb_pcm_add_silence_ms(&r->scratch, r->pending) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    size_t silence = r->scratch.n;
    nb_status rc = nb_speech_say_ex(r->sp, sentence, strlen(sentence), r->flags, &r->scratch, err);
    if (rc != NB_OK || r->scratch.n == silence)
        return rc;
    rc = r->sink->samples(r->sink->ctx, r->scratch.samples, r->scratch.n, err);
    if (rc != NB_OK)
        return rc;
    *start = r->pos + silence;
    r->pos += r->scratch.n;
    *end = r->pos;
    r->pending = 0;
    return NB_OK;
}

/* Speaks part `index`, sentence by sentence, into *span (empty where the
 * speech stopped when the part is silent). */
static nb_status render_part(struct renderer *r, size_t index, const struct nb_speech_part *part,
                             struct nb_render_span *span, struct nb_error *err)
{
    struct nb_strv sentences;
    nb_strv_init(&sentences);
    const char *text = part->text ? part->text : "";
    nb_status rc = nb_sentences_split(text, strlen(text), &sentences, err);
    span->start = span->end = r->pos;
    int any = 0;
    for (size_t i = 0; rc == NB_OK && i < sentences.n; i++) {
        size_t start, end;
        rc = say_sentence(r, sentences.v[i], &start, &end, err);
        if (rc != NB_OK || start == end)
            continue;
        if (r->sink->sentence)
            rc = r->sink->sentence(r->sink->ctx, index, i, sentences.v[i], start, end, err);
        if (!any)
            span->start = start;
        any = 1;
        span->end = end;
        r->pending = part->sentence_pause_ms;
    }
    if (!any)
        span->start = span->end = r->pos;
    nb_strv_release(&sentences);
    return rc;
}

nb_status nb_speech_render_to(struct nb_speech *sp, const struct nb_speech_part *parts,
                              size_t nparts, const struct nb_speech_voice *voices, size_t nvoices,
                              unsigned flags, const struct nb_render_sink *sink,
                              struct nb_render_span *spans, struct nb_error *err)
{
    for (size_t i = 0; i < nparts; i++)
        if (parts[i].voice >= nvoices)
            return nb_error_set(err, NB_EINTERNAL, "part %zu uses voice %zu of %zu", i + 1,
                                parts[i].voice + 1, nvoices);
    struct renderer r = {.sp = sp, .flags = flags, .sink = sink};
    nb_pcm_init(&r.scratch, nb_speech_sample_rate(sp));
    size_t current = nvoices; /* none set yet */
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < nparts; i++) {
        const struct nb_speech_part *part = &parts[i];
        r.pending = longer(r.pending, part->pause_before_ms);
        if (part->voice != current) {
            rc = nb_speech_set_voice(sp, &voices[part->voice], err);
            if (rc != NB_OK)
                break;
            current = part->voice;
        }
        struct nb_render_span span;
        rc = render_part(&r, i, part, &span, err);
        if (rc == NB_OK && spans)
            spans[i] = span;
        r.pending = longer(r.pending, part->pause_after_ms);
    }
    /* the pauses still pending end the audio */
    if (rc == NB_OK) {
        r.scratch.n = 0;
        if (nb_pcm_add_silence_ms(&r.scratch, r.pending) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (r.scratch.n)
            rc = sink->samples(sink->ctx, r.scratch.samples, r.scratch.n, err);
    }
    nb_pcm_release(&r.scratch);
    return rc;
}

/* The sink of nb_speech_render(): a buffer in memory. */
static nb_status to_pcm(void *ctx, const int16_t *s, size_t n, struct nb_error *err)
{
    if (nb_pcm_add(ctx, s, n) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return NB_OK;
}

nb_status nb_speech_render(struct nb_speech *sp, const struct nb_speech_part *parts, size_t nparts,
                           const struct nb_speech_voice *voices, size_t nvoices, unsigned flags,
                           struct nb_pcm *out, struct nb_render_span *spans, struct nb_error *err)
{
    unsigned rate = nb_speech_sample_rate(sp);
    if (!out->n)
        out->rate = rate;
    if (out->rate != rate)
        return nb_error_set(err, NB_EINTERNAL, "samples at %u Hz given to a %u Hz synthesiser",
                            out->rate, rate);
    size_t out_start = out->n;
    struct nb_render_sink sink = {to_pcm, NULL, out};
    nb_status rc =
        nb_speech_render_to(sp, parts, nparts, voices, nvoices, flags, &sink, spans, err);
    if (rc == NB_OK && spans)
        for (size_t i = 0; i < nparts; i++) {
            spans[i].start += out_start;
            spans[i].end += out_start;
        }
    if (rc != NB_OK)
        out->n = out_start;
    return rc;
}
