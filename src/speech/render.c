/* render.c - parts of text to one buffer of samples, with pauses. */
#include "speech/render.h"

#include "text/sentences.h"
#include "text/strv.h"

#include <string.h>

/* Pauses do not add up: the longest pending one is what is heard. */
static unsigned longer(unsigned a, unsigned b)
{
    return a > b ? a : b;
}

/* Speaks one sentence after the pause pending before it.  A sentence that
 * makes no sound (only symbols the sanitiser drops) leaves out and the
 * pending pause untouched. */
static nb_status say_sentence(struct nb_speech *sp, const char *sentence, unsigned flags,
                              unsigned *pending, struct nb_pcm *out, size_t *speech_start,
                              struct nb_error *err)
{
    size_t before = out->n;
    if (nb_pcm_add_silence_ms(out, *pending) != NB_OK)
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

/* Speaks one part, sentence by sentence, into *span (empty at out->n when
 * the part is silent). */
static nb_status render_part(struct nb_speech *sp, const struct nb_speech_part *part,
                             unsigned flags, unsigned *pending, struct nb_pcm *out,
                             struct nb_render_span *span, struct nb_error *err)
{
    struct nb_strv sentences;
    nb_strv_init(&sentences);
    const char *text = part->text ? part->text : "";
    nb_status rc = nb_sentences_split(text, strlen(text), &sentences, err);
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
        *pending = part->sentence_pause_ms;
    }
    if (!any)
        span->start = span->end = out->n;
    nb_strv_release(&sentences);
    return rc;
}

nb_status nb_speech_render(struct nb_speech *sp, const struct nb_speech_part *parts,
                           size_t nparts, const struct nb_speech_voice *voices, size_t nvoices,
                           unsigned flags, struct nb_pcm *out, struct nb_render_span *spans,
                           struct nb_error *err)
{
    unsigned rate = nb_speech_sample_rate(sp);
    if (!out->n)
        out->rate = rate;
    if (out->rate != rate)
        return nb_error_set(err, NB_EINTERNAL, "samples at %u Hz given to a %u Hz synthesiser",
                            out->rate, rate);
    for (size_t i = 0; i < nparts; i++)
        if (parts[i].voice >= nvoices)
            return nb_error_set(err, NB_EINTERNAL, "part %zu uses voice %zu of %zu", i + 1,
                                parts[i].voice + 1, nvoices);
    size_t out_start = out->n;
    size_t current = nvoices; /* none set yet */
    unsigned pending = 0;
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < nparts; i++) {
        const struct nb_speech_part *part = &parts[i];
        pending = longer(pending, part->pause_before_ms);
        if (part->voice != current) {
            rc = nb_speech_set_voice(sp, &voices[part->voice], err);
            if (rc != NB_OK)
                break;
            current = part->voice;
        }
        struct nb_render_span span;
        rc = render_part(sp, part, flags, &pending, out, &span, err);
        if (rc == NB_OK && spans)
            spans[i] = span;
        pending = longer(pending, part->pause_after_ms);
    }
    if (rc == NB_OK && nb_pcm_add_silence_ms(out, pending) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc != NB_OK)
        out->n = out_start;
    return rc;
}
