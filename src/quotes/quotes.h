/* quotes.h - direct quotations and who said them.
 */
#ifndef NB_QUOTES_QUOTES_H
#define NB_QUOTES_QUOTES_H

#include "article/article.h"
#include "text/error.h"

/* Finds every direct quotation in the body of `a` (paragraphs and
 * sentences set, whitespace collapsed) and fills a->quotes in order:
 * the quoted words, the speaker (resolved through pronouns and
 * continuation paragraphs; NULL only when the text does not say), the
 * speaker's role when given, whether the quote is a fragment inside
 * reported speech, and the index of the sentence it starts in; and
 * a->speakers, one per speaker (name, surname used alone, role,
 * organisation, pronoun, title), each quote's speaker_id pointing there.
 * NB_ENOMEM when out of memory: the quotes may then be set without
 * speakers. */
nb_status nb_quotes_find(struct nb_article *a, struct nb_error *err);

#endif
