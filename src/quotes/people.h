/* people.h - the article's speakers as a list, with what the text tells
 * about how to refer to each (internal to src/quotes/: people.c; used by
 * the driver quotes.c).
 */
#ifndef NB_QUOTES_PEOPLE_H
#define NB_QUOTES_PEOPLE_H

#include "article/article.h"
#include "quotes/speakers.h"
#include "text/error.h"

/* Fills a->speakers from a->quotes (replacing any list there) and sets
 * each quote's speaker_id: one speaker per person or organisation, "Berg"
 * and "Ola Berg" being one.  Reads the memory m of the run that found the
 * quotes (titles, pronouns, roles) and the paragraphs (the surname used on
 * its own).  NB_OK, or NB_ENOMEM in err when out of memory (a->speakers is
 * then empty and every speaker_id 0). */
nb_status nb_quotes_people(struct nb_article *a, struct nb_quotes_memory *m, struct nb_error *err);

#endif
