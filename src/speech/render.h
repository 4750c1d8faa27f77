/* render.h - speaking a list of texts, with the silences between them, into
 * one buffer of samples.
 *
 * The speech stage knows nothing of scripts or bulletins: its caller turns
 * whatever it speaks into parts (a text, the voice that reads it and the
 * pauses around it) and gets back where each part's speech lies.
 */
#ifndef NB_SPEECH_RENDER_H
#define NB_SPEECH_RENDER_H

#include "speech/pcm.h"
#include "speech/speech.h"
#include "text/error.h"

#include <stddef.h>

/* One text to speak and the silences around it. */
struct nb_speech_part {
    const char *text;           /* what to say (NULL: nothing); borrowed */
    size_t voice;               /* index into the voices given to the renderer */
    unsigned pause_before_ms;   /* at least this much silence before its speech */
    unsigned sentence_pause_ms; /* after each of its sentences */
    unsigned pause_after_ms;    /* at least this much silence after it */
    unsigned group;             /* parts of one group (a story; 0: none) are
                                   spoken in one block (speech/workers.h) */
};

/* Where a part's speech lies in the output, for chapters and captions. */
struct nb_render_span {
    size_t start; /* first sample */
    size_t end;   /* one past the last sample of speech (pauses excluded) */
};

/* Speaks each part's text sentence by sentence (the splitter in
 * text/sentences.h) with voices[part->voice], appending the samples to
 * `out` (whose rate is set to the synthesiser's when it is empty, and must
 * be the synthesiser's otherwise: NB_EINTERNAL).  `flags` are
 * nb_speech_say_ex()'s, for every part.  `spans`, when not NULL, receives
 * nparts entries.
 *
 * Pauses never add up: before each sound the longest pending pause is
 * heard, where a part's pause_before_ms, the sentence pause after a
 * sentence and a part's pause_after_ms are pending until the next sound.
 * The pauses still pending after the last part end the audio.  A part or
 * sentence with nothing to say (only symbols the sanitiser drops) adds no
 * sound, leaves the pending pause as it was and gets an empty span where
 * the speech stopped.  The voice is set again only when it changes.
 *
 * Errors: NB_EINTERNAL for a part whose voice is not below nvoices (before
 * anything is spoken), nb_speech_set_voice() and nb_speech_say_ex()
 * errors, NB_ENOMEM.  On failure `out` is cut back to its length on
 * entry. */
nb_status nb_speech_render(struct nb_speech *sp, const struct nb_speech_part *parts, size_t nparts,
                           const struct nb_speech_voice *voices, size_t nvoices, unsigned flags,
                           struct nb_pcm *out, struct nb_render_span *spans, struct nb_error *err);

/* Where rendered samples go, as they are made (so that a long bulletin is
 * never held in memory). */
struct nb_render_sink {
    /* the next n samples (silence and speech, in order, at the
     * synthesiser's rate); an error stops the rendering */
    nb_status (*samples)(void *ctx, const int16_t *s, size_t n, struct nb_error *err);
    /* optional (NULL: not told): sentence `index` of part `part` was
     * spoken, its text (the part's, as split), its speech from sample
     * `start` to one past `end`, counted from the first sample given to
     * this sink */
    nb_status (*sentence)(void *ctx, size_t part, size_t index, const char *text, size_t start,
                          size_t end, struct nb_error *err);
    void *ctx;
};

/* nb_speech_render() with the samples given to `sink` a sentence at a
 * time instead of held in a buffer; spans count from the sink's first
 * sample.  On failure the sink has had part of the audio: the caller
 * discards it. */
nb_status nb_speech_render_to(struct nb_speech *sp, const struct nb_speech_part *parts,
                              size_t nparts, const struct nb_speech_voice *voices, size_t nvoices,
                              unsigned flags, const struct nb_render_sink *sink,
                              struct nb_render_span *spans, struct nb_error *err);

#endif
