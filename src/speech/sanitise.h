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

/* Appends a safe version of text[0..len) to out: invalid UTF-8 and C0/C1
 * controls (U+0001 switches eSpeak NG's rate or voice) dropped, whitespace
 * collapsed, `[[` (phoneme input) broken, runs of dotted single letters
 * ("a . a . a") and of apostrophes ("s's's") broken up, tokens longer than
 * NB_SANITISE_MAX_TOKEN bytes split, emoji and other pictographs dropped.
 * The result contains no '<', '>' or '&' that could be read as markup
 * (they become words or spaces).  0, or -1 when out of memory. */
int nb_speech_sanitise(const char *text, size_t len, struct nb_buf *out);

#endif
