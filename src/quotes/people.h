/* people.h - the article's speakers as a list, with what the text tells
 * about how to refer to each, and whether the text is still with the
 * latest speaker (internal to src/quotes/: people.c; used by the driver
 * quotes.c and by emit.c).
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

/* The person the text has moved on to since the latest speaker's quote:
 * the latest other person named as a sentence's subject in a paragraph
 * after that quote's, up to paragraph para, and after the speaker's own
 * latest mention.  NULL when the text stays with the speaker. */
const struct nb_quotes_entity *nb_quotes_mem_moved_on(struct nb_quotes_memory *m, size_t para);

/* 1 when the latest speaker is named again after their quote, in
 * paragraph para or the one before: the text is still with them. */
int nb_quotes_mem_stays(struct nb_quotes_memory *m, size_t para);

#endif
