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

/* Appends the spoken form of text[0..len) to out. */
nb_status nb_normalise(const char *text, size_t len, const char *language, struct nb_buf *out,
                       struct nb_error *err);

#endif
