/* render.h - speaking a whole script into one buffer of samples.
 */
#ifndef NB_SPEECH_RENDER_H
#define NB_SPEECH_RENDER_H

#include "script/script.h"
#include "speech/pcm.h"
#include "speech/speech.h"
#include "text/error.h"

/* A voice as the script names it (segment->voice), with its pauses. */
struct nb_render_voice {
    const char *name;              /* the name segments use, e.g. "anchor" */
    struct nb_speech_voice speech; /* what eSpeak NG gets */
    unsigned sentence_pause_ms;    /* after each sentence */
    unsigned segment_pause_ms;     /* after each segment */
    unsigned story_pause_ms;       /* before the first segment of a new story */
    const char *language;          /* the language its segments' `spoken` text was
                                      normalised for (script/normalise.h), e.g.
                                      "en-gb"; NULL: not normalised */
};

/* Where each segment's audio lies in the output, for chapters and captions. */
struct nb_render_span {
    size_t start; /* first sample */
    size_t end;   /* one past the last sample of speech (pauses excluded) */
};

/* Speaks each segment's `spoken` text, sentence by sentence (the
 * splitter in text/sentences.h), with the pauses of its voice, and appends
 * the samples to out (rate set to the synthesiser's).  `spans`, when not
 * NULL, receives script->n entries.  A segment whose voice is not in
 * `voices` is NB_EINTERNAL.
 * Pauses never add up: between two sentences, segments or stories the
 * longest pending pause is heard (the story pause of the new segment's
 * voice, else the segment pause, else the sentence pause).  There is no
 * pause before the first segment; the last segment pause ends the audio.
 * A segment with nothing to say gets an empty span where the speech stops.
 * Lexicon phoneme entries ("[[...]]" in `spoken`) are spoken as phonemes
 * (NB_SPEECH_PHONEMES) only when every voice in `voices` has a `language`
 * whose normaliser has rules (nb_norm_lang_find): only those keep every
 * '[' and ']' of the article out of the spoken text.  Otherwise, or when a
 * segment's `spoken` was given rather than normalised, "[[" is read as
 * text.  So a caller whose scripts are not all normalised leaves
 * `language` NULL.
 * On failure out is cut back to its length on entry. */
nb_status nb_speech_render(struct nb_speech *sp, const struct nb_script *script,
                           const struct nb_render_voice *voices, size_t nvoices,
                           struct nb_pcm *out, struct nb_render_span *spans,
                           struct nb_error *err);

#endif
