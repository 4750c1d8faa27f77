/* speech.h - the synthesiser: libespeak-ng in this process.
 *
 * eSpeak NG keeps process-wide state, so at most one nb_speech may exist in
 * a process at a time and only src/speech/ touches the library.  Each
 * text passes through nb_speech_sanitise() before synthesis, and a URI
 * callback that refuses every URI is installed (without one an SSML
 * <audio> tag makes eSpeak NG run a shell command).  Speech is always
 * synthesised as plain text, never SSML; phoneme input ("[[...]]") only
 * when the caller vouches for the text (NB_SPEECH_PHONEMES).
 */
#ifndef NB_SPEECH_SPEECH_H
#define NB_SPEECH_SPEECH_H

#include "speech/pcm.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

struct nb_speech;

/* What the synthesiser needs of a voice. */
struct nb_speech_voice {
    const char *name; /* eSpeak NG voice: "en-gb", "en-us", "en-gb+f3", "en-gb-x-rp" */
    int rate;         /* words per minute, 80..450 */
    int pitch;        /* 0..100 */
    int range;        /* 0..100 */
    int volume;       /* 0..200 */
};

struct nb_voice_info {
    char *name;       /* eSpeak NG's display name, e.g. "English (Great Britain)" */
    char *identifier; /* file name under espeak-ng-data/voices, e.g. "gmw/en" */
    char *language;   /* first language code, e.g. "en-gb" */
    int gender;       /* 0 none, 1 male, 2 female */
};

struct nb_voice_list {
    struct nb_voice_info *v;
    size_t n;
};

/* Initialises eSpeak NG (synchronous mode, no audio device).  NB_ESYNTH when
 * its data cannot be found, NB_EINTERNAL when another nb_speech exists. */
nb_status nb_speech_new(struct nb_speech **out, struct nb_error *err);
/* Terminates eSpeak NG. NULL is a no-op.  Only the first call in a process
 * terminates it: libespeak-ng 1.51 hangs terminating a second time, so a
 * later nb_speech re-initialises it and leaves it running at exit.  A
 * forked child must _exit() without calling this (it hangs there too). */
void nb_speech_free(struct nb_speech *sp);

unsigned nb_speech_sample_rate(const struct nb_speech *sp);
/* eSpeak NG's version string, e.g. "1.51". Borrowed. */
const char *nb_speech_espeak_version(const struct nb_speech *sp);
/* libsndfile's version string, e.g. "libsndfile-1.2.0". Borrowed, static. */
const char *nb_speech_sndfile_version(void);

/* NB_OK when eSpeak NG has the voice `name` (with optional "+variant",
 * which must be a variant that exists), NB_EINPUT ("eSpeak NG has no voice
 * 'xx'") otherwise.  Names are resolved as the espeak-ng program does:
 * voice file name first, then by language ("en-gb").  The voice in use
 * (nb_speech_set_voice) is selected again afterwards. */
nb_status nb_speech_check_voice(struct nb_speech *sp, const char *name, struct nb_error *err);

/* 1 when `name` ("mb-en1", "mb/mb-de2", "MB-us1+f3") is an MBROLA voice,
 * which nb_speech_check_voice() refuses: eSpeak NG would start the
 * external program mbrola to speak it. */
int nb_speech_voice_is_mbrola(const char *name);

/* NB_OK when eSpeak NG has the variant `variant` ("f3", "m7", "klatt";
 * "3" is "m3", as eSpeak NG reads it): a file of its voices/!v folder.
 * NB_EINPUT ("eSpeak NG has no variant 'zz9' (variants such as f3 or
 * m7)") otherwise, and for anything that is not a bare file name.  Looks
 * only for the file: eSpeak NG need not be started (no nb_speech), and
 * no voice is selected. */
nb_status nb_speech_check_variant(const char *variant, struct nb_error *err);

/* eSpeak NG's phonemes (its ASCII mnemonics, as "espeak-ng -q -x" prints
 * them; clauses joined by a space) for text[0..len) read in voice `voice`
 * (a voice or language name, "en-gb"), appended to *out.  The text is
 * sanitised first, as for synthesis.  The voice in use is selected again
 * afterwards.  NB_EINPUT when eSpeak NG has no such voice; NB_ENOMEM. */
nb_status nb_speech_phonemes(struct nb_speech *sp, const char *voice, const char *text, size_t len,
                             struct nb_buf *out, struct nb_error *err);

/* How eSpeak NG says one word in voice `voice`: its phonemes appended to
 * *out (as nb_speech_phonemes()), and *known 1 when eSpeak NG found the
 * word in its dictionary, 0 when it made it up from its letter rules (a
 * guess a producer may want to check).  NB_EINPUT for an unknown voice,
 * NB_ENOMEM, NB_EIO when the trace cannot be read. */
nb_status nb_speech_word(struct nb_speech *sp, const char *voice, const char *word,
                         struct nb_buf *out, int *known, struct nb_error *err);

/* Selects voice and parameters for the following nb_speech_say() calls. */
nb_status nb_speech_set_voice(struct nb_speech *sp, const struct nb_speech_voice *voice,
                              struct nb_error *err);

/* Sanitises text[0..len), synthesises it with the current voice and appends
 * the samples (no trailing pause) to out, whose rate must be the speech's
 * sample rate (NB_EINTERNAL otherwise).  Text with nothing to say appends
 * nothing.  Samples depend on what was said before in this process: the
 * same sequence of calls in a fresh process gives the same samples. */
nb_status nb_speech_say(struct nb_speech *sp, const char *text, size_t len, struct nb_pcm *out,
                        struct nb_error *err);

/* nb_speech_say_ex() flags. */
enum {
    /* The text is trusted normalised text (script/normalise.h with a
     * language that has rules): its well-formed "[[...]]" spans are lexicon
     * phoneme entries, kept by the sanitiser (NB_SANITISE_PHONEMES) and
     * spoken as eSpeak NG phonemes (espeakPHONEMES).  Never for text that
     * did not go through such a normaliser: "[[" in it would be obeyed. */
    NB_SPEECH_PHONEMES = 1
};

/* nb_speech_say() with `flags` (0: exactly nb_speech_say()).  Text
 * without "[[" gives the same samples with and without NB_SPEECH_PHONEMES. */
nb_status nb_speech_say_ex(struct nb_speech *sp, const char *text, size_t len, unsigned flags,
                           struct nb_pcm *out, struct nb_error *err);

/* The voices eSpeak NG has, optionally only those for language `lang`
 * ("en" matches "en", "en-gb", "en-us"...; NULL for all), sorted by
 * language then identifier. Free with nb_voice_list_release(). */
nb_status nb_speech_list_voices(struct nb_speech *sp, const char *lang, struct nb_voice_list *out,
                                struct nb_error *err);
void nb_voice_list_release(struct nb_voice_list *list);

#endif
