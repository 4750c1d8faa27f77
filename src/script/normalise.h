/* normalise.h - written news text into the form a newsreader speaks.
 *
 * The rules depend on the language ("en-gb", "en-us", "en"...); text in a
 * language without rules is passed through unchanged (after whitespace
 * clean-up).
 */
#ifndef NB_SCRIPT_NORMALISE_H
#define NB_SCRIPT_NORMALISE_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

/* Appends the spoken form of text[0..len) to out.
 *
 * Every language: runs of whitespace (Unicode spaces included) become one
 * space, the ends are trimmed, zero-width spaces are dropped.  English
 * ("en", "en-gb", "en-us"...; also a NULL language) adds: "Ms" / "Ms."
 * before a capitalised name reads "Miz"; "9/11" reads "nine eleven"; emoji
 * and pictographs are dropped; an em dash, a spaced en dash, " - " and "--"
 * become a pause (", "); curly quotes, en dashes inside words and ellipses
 * are kept.  One pass, no allocation beyond `out`.
 *
 * Errors: NB_EINPUT when text is not valid UTF-8 (the byte offset in the
 * message), NB_ENOMEM; on failure out is left as it was. */
nb_status nb_normalise(const char *text, size_t len, const char *language, struct nb_buf *out,
                       struct nb_error *err);

/* 1 when `language` is `prefix` or one of its variants, comparing ASCII
 * case-insensitively with '_' the same as '-': ("en-GB", "en") -> 1,
 * ("en_us", "en-us") -> 1, ("eng", "en") -> 0.  0 for a NULL language. */
int nb_language_matches(const char *language, const char *prefix);

#endif
