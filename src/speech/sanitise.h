/* sanitise.h - making text safe to hand to eSpeak NG.
 *
 * Debian's libespeak-ng 1.51 aborts on some short crafted inputs and obeys
 * control characters; see ../shared/NOTES-espeak-sndfile.md.  Every text
 * that reaches the synthesiser passes through nb_speech_sanitise().
 */
#ifndef NB_SPEECH_SANITISE_H
#define NB_SPEECH_SANITISE_H

#include "spoken/phonemes.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

#define NB_SANITISE_MAX_TOKEN 64 /* longer tokens are split */
_Static_assert(NB_PHONEMES_MAX_WORD + 4 <= NB_SANITISE_MAX_TOKEN,
               "a kept phoneme span must stay one token");

/* nb_speech_sanitise_ex() flags. */
enum {
    /* Keep well-formed eSpeak NG phoneme spans `[[...]]` (see below).
     * Only for text whose every "[[" is trusted: the output of a
     * normaliser that keeps '[' and ']' of the article out. */
    NB_SANITISE_PHONEMES = 1
};

/* A kept phoneme span follows the rule of spoken/phonemes.h; its limits
 * keep a span with its brackets one token (NB_PHONEMES_MAX_WORD + 4 <=
 * NB_SANITISE_MAX_TOKEN). */
#define NB_SANITISE_MAX_PHONEMES NB_PHONEMES_MAX

/* Appends a safe version of text[0..len) to out: invalid UTF-8 and C0/C1
 * controls (U+0001 switches eSpeak NG's rate or voice) dropped, whitespace
 * collapsed, `[[` (phoneme input) broken, runs of dotted single letters
 * ("a . a . a", "s'.s'.") and of apostrophes ("s's's") broken up, tokens
 * longer than NB_SANITISE_MAX_TOKEN bytes split, emoji and other
 * pictographs dropped.
 * The result contains no '<', '>' or '&' that could be read as markup
 * (they become words or spaces).  NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_speech_sanitise(const char *text, size_t len, struct nb_buf *out);

/* nb_speech_sanitise() with `flags`.  With NB_SANITISE_PHONEMES a span
 * "[[" CONTENT "]]" is copied unchanged (runs of spaces inside collapsed,
 * spaces at its ends dropped) when nb_phonemes_ok() accepts CONTENT (see
 * spoken/phonemes.h).  A span is never split (a space may come before it, to end a long
 * token or a '[') and the letter-run rules do not look inside it.
 * Everything else, malformed or unterminated spans included, is treated
 * as by nb_speech_sanitise(): its "[[" and "]]" are broken.  Without the
 * flag the result is nb_speech_sanitise()'s.  NB_OK, or NB_ENOMEM when out of memory
 * (out is then as it was). */
nb_status nb_speech_sanitise_ex(const char *text, size_t len, unsigned flags, struct nb_buf *out);

#endif
