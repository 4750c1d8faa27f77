/* fit.c - measuring candidate scripts with the synthesiser. */
#include "speech/fit.h"

#include <stdlib.h>

nb_status nb_speech_measure(void *ctx, const struct nb_script *s, double *seconds, double *total,
                            struct nb_error *err)
{
    struct nb_speech_fit_ctx *c = ctx;
    struct nb_render_span *spans = calloc(s->n ? s->n : 1, sizeof(*spans));
    if (!spans)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    struct nb_pcm pcm;
    nb_pcm_init(&pcm, nb_speech_sample_rate(c->speech));
    nb_status rc = nb_speech_render(c->speech, s, c->voices, c->nvoices, &pcm, spans, err);
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

nb_status nb_speech_fit_script(struct nb_script *s, const struct nb_script_input *in,
                               const struct nb_render_voice *voices, size_t nvoices,
                               struct nb_script_fit *fit, struct nb_error *err)
{
    struct nb_speech_fit_ctx ctx = {NULL, voices, nvoices};
    nb_script_init(s);
    nb_status rc = nb_speech_new(&ctx.speech, err);
    if (rc != NB_OK)
        return rc;
    rc = nb_script_fit(s, in, fit, nb_speech_measure, &ctx, err);
    nb_speech_free(ctx.speech);
    return rc;
}
