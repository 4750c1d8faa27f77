/* quotation.h - quoted words in the newsreader's own sentences, made
 * audible by the wording.
 *
 * A listener cannot hear quotation marks, so radio says who speaks before
 * the quote and marks words the newsreader does not say as their own:
 *
 *   “We will not give up,” the minister said.
 *       -> The minister said: “We will not give up.”
 *   He said he was “proud of what we achieved” and would stay.
 *       -> He said he was, quote, “proud of what we achieved”, end quote, and would stay.
 *   'We never stopped believing' - Rovers stun City      (a headline)
 *       -> Rovers stun City. Jo Hart says: “We never stopped believing.”
 *       -> Rovers stun City. Quote: “We never stopped believing,” end quote.
 *
 * Quoted words are marked when they speak in the first or second person
 * (I, we, my, our, us, you...): in the third person ("called the plan
 * “reckless”") they already sound reported.  Quotation marks are found as
 * the quote stage finds them (quotes/marks.h): apostrophes are not quotes.
 */
#ifndef NB_SCRIPT_QUOTATION_H
#define NB_SCRIPT_QUOTATION_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

/* Appends sentence s (NUL-terminated) to out, worded as above: a quote
 * followed by its attribution ("X said", "said X": at most 8 words, ending
 * the sentence) turned round, first-person quoted words marked.  A sentence
 * with nothing to change is appended as it is.  NB_OK, or NB_ENOMEM (out
 * then holds what it held). */
nb_status nb_quotation_sentence(const char *s, struct nb_buf *out);

/* 1 when headline h opens with a quote set off by a dash, colon or bar
 * from the rest ('Q' - REST, "Q": REST), closes with one (REST: 'Q'), or
 * is one; then h[*start..*start+*len) are the quote's words (without the
 * marks).  0 otherwise. */
int nb_quotation_headline_quote(const char *h, size_t *start, size_t *len);

/* Appends headline h to out with such a quote moved after the rest and
 * attributed: "REST. SPEAKER says: “Q.”", or without a speaker (NULL)
 * "REST. Quote: “Q,” end quote."  Any other headline is appended as it
 * is.  NB_OK, or NB_ENOMEM (out then holds what it held). */
nb_status nb_quotation_headline(const char *h, const char *speaker, struct nb_buf *out);

#endif
