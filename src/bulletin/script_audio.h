/* script_audio.h - a script as audio: each segment spoken in the voice its
 * profile gives, with that profile's pauses, and written to a file.
 *
 * This is where the bulletin meets the synthesiser: it turns segments into
 * speech parts (speech/render.h), decides whether lexicon phonemes may be
 * spoken as phonemes, and measures candidate scripts for fitting
 * (script/fit.h).
 */
#ifndef NB_BULLETIN_SCRIPT_AUDIO_H
#define NB_BULLETIN_SCRIPT_AUDIO_H

#include "bulletin/timeline.h"
#include "config/voice_profile.h"
#include "script/fit.h"
#include "script/limits.h"
#include "script/script.h"
#include "speech/pcm.h"
#include "speech/render.h"
#include "speech/render_stored.h"
#include "speech/encoder.h"
#include "speech/loudness.h"
#include "speech/speech.h"
#include "text/error.h"
#include "text/file.h"
#include "text/strv.h"

#include <stddef.h>

/* A voice as the script names it (segment->voice), with its pauses. */
struct nb_render_voice {
    const char *name;              /* the name segments use, e.g. "anchor" */
    struct nb_speech_voice speech; /* what eSpeak NG gets */
    unsigned sentence_pause_ms;    /* after each sentence */
    unsigned segment_pause_ms;     /* after each segment */
    unsigned story_pause_ms;       /* before the first segment of a new story */
    unsigned quote_pause_ms;       /* before and after a quote it reads */
    unsigned paragraph_pause_ms;   /* after a story segment that another of the
                                      same story follows */
    const char *language;          /* the language its segments' `spoken` text was
                                      normalised for (spoken/normalise.h), e.g.
                                      "en-gb"; NULL: not normalised */
};

/* How the whole audio is made (NULL: the defaults, all zero). */
struct nb_script_audio_settings {
    unsigned lead_in_ms;  /* silence before the first sound */
    unsigned lead_out_ms; /* at least this much silence ends the audio */
    /* for nb_script_audio_write(): */
    const struct nb_audio_format *format;      /* NULL: from the path's extension */
    const struct nb_loudness_target *loudness; /* NULL: the default, podcast */
    int per_story;                             /* also one file per chapter, and a playlist */
    struct nb_audio_meta meta;                 /* title, date, publisher in the files */
    const char *const *titles;                 /* story n's chapter title is titles[n-1] */
    size_t ntitles;
    struct nb_temp_hook temp; /* told of the temporary files (text/file.h) */
    const char *jingles[3];   /* audio files played before the bulletin,
                                 between stories and after it; NULL: none */
    /* speech workers at a time (speech/workers.h); 0: one per processor */
    unsigned jobs;
    /* blocks already spoken (speech/take_store.h), shared by fitting and
     * writing so that nothing is spoken twice; borrowed; NULL: each call
     * keeps its own */
    struct nb_take_store *takes;
    /* told, when speech fails in a worker (NB_ESYNTH: eSpeak NG crashed,
     * hung or refused), the `source` of the segment it failed on (the
     * input story, 1-based; 0: a segment of no story); NULL: not wanted */
    unsigned *failed_source;
    /* how much may be said (script/limits.h), checked before any speech;
     * NULL: the defaults.  An error about them is said at limits_file
     * (NULL: no file) line:column limits_line:limits_column. */
    const struct nb_limits *limits;
    const char *limits_file;
    unsigned limits_line, limits_column;
};

/* What nb_script_audio_write() made. */
struct nb_script_audio_result {
    double seconds;              /* the bulletin's duration */
    double lufs;                 /* its integrated loudness as written */
    double true_peak;            /* its true peak, dBTP */
    struct nb_strv files;        /* every file written, the bulletin first */
    struct nb_timeline timeline; /* chapters and transcript cues */
};

void nb_script_audio_result_init(struct nb_script_audio_result *r);
void nb_script_audio_result_release(struct nb_script_audio_result *r);

/* The render voices of `profiles` (out has nprofiles entries; the strings
 * are borrowed from the profiles).  Cannot fail. */
void nb_script_audio_voices(const struct nb_voice_profile *profiles, size_t nprofiles,
                            struct nb_render_voice *out);

/* Speaks each segment's `spoken` text with the voice it names and appends
 * the samples to out (rate set to the synthesiser's).  `spans`, when not
 * NULL, receives script->n entries.
 * Pauses never add up (speech/render.h): a segment is followed by its
 * voice's segment pause (its paragraph pause when a story segment of the
 * same story follows) and its sentences by the sentence pause; a quote is
 * preceded and followed by its voice's quote pause; the first segment of a
 * new story is preceded by the story pause of its voice (never the very
 * first segment).  `settings` (NULL: none) adds silence before the first
 * segment and at the end.  The last segment pause ends the audio.
 * A segment with nothing to say gets an empty span where the speech stops.
 * Lexicon phoneme entries ("[[...]]" in `spoken`) are spoken as phonemes
 * (NB_SPEECH_PHONEMES) only when every voice in `voices` has a `language`
 * whose normaliser has rules (nb_norm_lang_find): only those keep every
 * '[' and ']' of the article out of the spoken text.  Otherwise "[[" is
 * read as text, so a caller whose scripts are not all normalised leaves
 * `language` NULL.
 * Errors: NB_EINTERNAL ("segment 2 uses voice 'sports', which is not
 * loaded") before anything is spoken; those of nb_speech_render();
 * NB_ENOMEM.  On failure out is cut back to its length on entry. */
nb_status nb_script_audio_render(struct nb_speech *sp, const struct nb_script *script,
                                 const struct nb_render_voice *voices, size_t nvoices,
                                 const struct nb_script_audio_settings *settings,
                                 struct nb_pcm *out, struct nb_render_span *spans,
                                 struct nb_error *err);

/* The measure callback of nb_script_fit() (script/fit.h), speaking each
 * candidate with eSpeak NG: ctx is a struct nb_script_audio_measurer. */
struct nb_script_audio_measurer {
    struct nb_speech *speech;
    const struct nb_render_voice *voices;
    size_t nvoices;
    const struct nb_script_audio_settings *settings; /* may be NULL */
    struct nb_take_store *takes;                     /* where the blocks spoken are kept */
};
nb_status nb_script_audio_measure(void *ctx, const struct nb_script *s, double limit,
                                  double *seconds, size_t *measured, double *total,
                                  struct nb_error *err);

/* nb_script_fit() measured with eSpeak NG: creates (and frees) the one
 * nb_speech of the process, so none may exist when this is called.  The
 * blocks spoken are kept in settings->takes when it is given, so that
 * nb_script_audio_write() of the script chosen speaks nothing again.
 * Errors as nb_script_fit() and nb_speech_render(). */
nb_status nb_script_audio_fit(struct nb_script *s, const struct nb_script_input *in,
                              const struct nb_render_voice *voices, size_t nvoices,
                              const struct nb_script_audio_settings *settings,
                              struct nb_script_fit *fit, struct nb_error *err);

/* Speaks every segment of `script` (each segment's voice must be the name
 * of one of `profiles`) and writes the audio to `path` in two passes
 * (speech/master.h): spoken to a temporary file beside it while its
 * loudness is measured, then brought to the loudness target, resampled,
 * limited and encoded in the format of settings->format or of the path's
 * extension, with chapters (one per story, and the introduction and
 * closing) and the metadata.  With per_story, each chapter is also
 * written alone, as NAME-01.EXT, NAME-02.EXT..., with NAME.m3u8 listing
 * them in order.  Stale temporary files of an earlier killed run are
 * removed first.  An eSpeak NG voice that does not exist is NB_EINPUT at
 * its profile's file:line:column.  *res (initialised by the caller; may be
 * NULL) gets the figures, the files and the timeline.  Every file is
 * written atomically: on failure none of this call's files is left and
 * earlier ones stay.  Creates (and frees) the one nb_speech of the
 * process. */
nb_status nb_script_audio_write(const struct nb_script *script,
                                const struct nb_voice_profile *profiles, size_t nprofiles,
                                const struct nb_script_audio_settings *settings, const char *path,
                                struct nb_script_audio_result *res, struct nb_error *err);

#endif
