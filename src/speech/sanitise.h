/* sanitise.h - making text safe to hand to eSpeak NG.
 *
 * Debian's libespeak-ng 1.51 aborts on some short crafted inputs and obeys
 * control characters; see ../shared/NOTES-espeak-sndfile.md.  Every text
 * that reaches the synthesiser passes through nb_speech_sanitise().
 */
#ifndef NB_SPEECH_SANITISE_H
#define NB_SPEECH_SANITISE_H

#include "text/buf.h"

#include <stddef.h>

#define NB_SANITISE_MAX_TOKEN 64 /* longer tokens are split */

/* nb_speech_sanitise_ex() flags. */
enum {
    /* Keep well-formed eSpeak NG phoneme spans `[[...]]` (see below).
     * Only for text whose every "[[" is trusted: the output of a
     * normaliser that keeps '[' and ']' of the article out. */
    NB_SANITISE_PHONEMES = 1
};

/* A kept phoneme span holds at most this many bytes between its brackets
 * and no word longer than NB_SANITISE_MAX_TOKEN - 4 (so that with its
 * brackets it is still one token).  eSpeak NG 1.51 overflows a buffer at
 * about 350 phonemes in one word, and aborts on about 270 words. */
#define NB_SANITISE_MAX_PHONEMES 128

/* Appends a safe version of text[0..len) to out: invalid UTF-8 and C0/C1
 * controls (U+0001 switches eSpeak NG's rate or voice) dropped, whitespace
 * collapsed, `[[` (phoneme input) broken, runs of dotted single letters
 * ("a . a . a", "s'.s'.") and of apostrophes ("s's's") broken up, tokens
 * longer than NB_SANITISE_MAX_TOKEN bytes split, emoji and other
 * pictographs dropped.
 * The result contains no '<', '>' or '&' that could be read as markup
 * (they become words or spaces).  0, or -1 when out of memory. */
int nb_speech_sanitise(const char *text, size_t len, struct nb_buf *out);

/* nb_speech_sanitise() with `flags`.  With NB_SANITISE_PHONEMES a span
 * "[[" CONTENT "]]" is copied unchanged (runs of spaces inside collapsed,
 * spaces at its ends dropped) when CONTENT is 1..NB_SANITISE_MAX_PHONEMES
 * bytes of printable ASCII and spaces, has a non-space, has no '[', ']',
 * '<', '>', '&' or '.' (dots inside phonemes still feed eSpeak NG's
 * "a . a . a" crash), no word longer than NB_SANITISE_MAX_TOKEN - 4 bytes
 * and no "_^_" (which switches eSpeak NG's language for the rest of the
 * text).  A span is never split (a space may come before it, to end a long
 * token or a '[') and the letter-run rules do not look inside it.
 * Everything else, malformed or unterminated spans included, is treated
 * as by nb_speech_sanitise(): its "[[" and "]]" are broken.  Without the
 * flag the result is nb_speech_sanitise()'s.  0, or -1 when out of memory
 * (out is then as it was). */
int nb_speech_sanitise_ex(const char *text, size_t len, unsigned flags, struct nb_buf *out);

/* 1 when s[0..n) may stand between "[[" and "]]" in a kept phoneme span
 * (the rules above), so that a lexicon can refuse phonemes the speech
 * stage would read as text. */
int nb_speech_phonemes_ok(const char *s, size_t n);

#endif
