/* fit.h - fitting a bulletin to its slot by speaking it.
 *
 * script/fit.h chooses; this measures each candidate with the real
 * synthesiser (eSpeak NG, the voices and pauses of the bulletin), so the
 * length is what `newsbrief build` will write, not a guess from words per
 * minute.
 */
#ifndef NB_SPEECH_FIT_H
#define NB_SPEECH_FIT_H

#include "script/fit.h"
#include "speech/render.h"

/* nb_script_fit() measured with eSpeak NG.  Creates (and frees) the one
 * nb_speech of the process: none may exist when this is called.  Errors
 * as nb_script_fit() and nb_speech_render(). */
nb_status nb_speech_fit_script(struct nb_script *s, const struct nb_script_input *in,
                               const struct nb_render_voice *voices, size_t nvoices,
                               struct nb_script_fit *fit, struct nb_error *err);

/* The measure callback itself (ctx: struct nb_speech_fit_ctx). */
struct nb_speech_fit_ctx {
    struct nb_speech *speech;
    const struct nb_render_voice *voices;
    size_t nvoices;
};
nb_status nb_speech_measure(void *ctx, const struct nb_script *s, double *seconds, double *total,
                            struct nb_error *err);

#endif
