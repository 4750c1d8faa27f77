/* attribution.h - pass 2 of the quote finder: the speech verb and subject
 * near a quote (internal to src/quotes/: attribution.c; used by the driver
 * quotes.c).
 *
 * p is a paragraph, [from, to) byte offsets in it.  Each function reads
 * one bounded window of tokens, so the cost does not grow with the
 * paragraph.  Offsets written to a struct nb_quotes_speaker are offsets in
 * p.  Nothing here allocates.
 */
#ifndef NB_QUOTES_ATTRIBUTION_H
#define NB_QUOTES_ATTRIBUTION_H

#include "quotes/names.h"
#include "quotes/tokens.h"

#include <stddef.h>

/* The attribution right after a quote: p[from..to) runs from the closing
 * mark to the next quote or the paragraph's end (its first
 * NB_QUOTES_WIN_BYTES are read).  "...," X said / said X / according to X /
 * "..." -- Name.  Clears *sp; when found, sp->verb is 1, sp->pos is from
 * and sp->part tells a fragment verb ("called"). */
void nb_quotes_attrib_after(const char *p, size_t from, size_t to, struct nb_quotes_speaker *sp);

/* The attribution before a quote, in the same sentence: p[from..to) runs
 * from the sentence's start to the opening mark (its last
 * NB_QUOTES_WIN_BYTES are read).  The nearest speech verb and its subject
 * ("X said:", "X said the plan was", "according to X,"); a verb inside a
 * relative clause ("anybody who complains") only when no other verb comes
 * before it, unless it is a named person's ("Paolo Venturi, who called
 * the talks").  Clears *sp; sp->verb is 1 when a verb was found, even
 * without a subject (sp->kind NB_QUOTES_SP_NONE), and sp->pos is where
 * the verb is. */
void nb_quotes_attrib_before(const char *p, size_t from, size_t to, struct nb_quotes_speaker *sp);

/* 1 when p[from..to), the stretch between two quotes of a paragraph, is
 * no more than an attribution ("...," she said, "..."): at most 200 bytes
 * and 12 words, a speech verb that frames more than a fragment, one
 * sentence ending in ',' '.' or ':'. */
int nb_quotes_attribution_only(const char *p, size_t from, size_t to);

/* 1 when the first NB_QUOTES_WIN_BYTES of p[from..to) hold a speech verb. */
int nb_quotes_has_verb(const char *p, size_t from, size_t to);

#endif
