/* phonemes.h - which eSpeak NG phoneme strings may be spoken as phonemes.
 *
 * A lexicon entry may give eSpeak NG phonemes ("s'3:S@"); the normaliser
 * writes them as "[[...]]" and the speech stage hands such spans to eSpeak
 * NG as phoneme input.  Phoneme input is powerful: some strings crash
 * Debian's libespeak-ng 1.51 or switch its language for the rest of the
 * text (see ../shared/NOTES-espeak-sndfile.md).  This is the one rule for
 * what is safe, used by the lexicon (to refuse an entry) and by the speech
 * stage's sanitiser (to keep a span, or break it and read it as text).
 */
#ifndef NB_SPOKEN_PHONEMES_H
#define NB_SPOKEN_PHONEMES_H

#include <stddef.h>

/* At most this many bytes between the brackets: eSpeak NG 1.51 overflows
 * a buffer at about 350 phonemes in one word and aborts on about 270
 * words. */
#define NB_PHONEMES_MAX 128
/* At most this many bytes in one word of a span, so that with its brackets
 * the span stays one token the sanitiser does not split. */
#define NB_PHONEMES_MAX_WORD 60

/* 1 when s[0..n) may stand between "[[" and "]]": 1..NB_PHONEMES_MAX bytes
 * of printable ASCII and spaces, at least one non-space, no '[', ']', '<',
 * '>', '&' or '.' (dots inside phonemes feed eSpeak NG's "a . a . a"
 * crash), no word longer than NB_PHONEMES_MAX_WORD and no "_^_" (which
 * switches eSpeak NG's language).  0 otherwise.  Cannot fail. */
int nb_phonemes_ok(const char *s, size_t n);

#endif
