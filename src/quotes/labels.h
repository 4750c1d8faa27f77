/* labels.h - a round-up's label before a quote, "Name, Outlet:" (internal
 * to src/quotes/: labels.c; used by attribution.c and by the driver
 * quotes.c).
 *
 * Offsets written to a struct nb_quotes_speaker are offsets in the
 * window's text.  Nothing here allocates.
 */
#ifndef NB_QUOTES_LABELS_H
#define NB_QUOTES_LABELS_H

#include "quotes/names.h"
#include "quotes/speakers.h"
#include "quotes/tokens.h"

/* The label that window w, the stretch from a paragraph's start to a
 * quote's opening mark, ends with: the whole stretch ("Gerald F. Seib, The
 * Wall Street Journal:", "The Ferry Workers Union:"), or what follows a
 * heading and a dash ("Pollsters agree - Carl Bialik:") or "from" ("More
 * from the report:").  The name is a person's of two words or more, or an
 * organisation's; an outlet after a comma is the role.  Writes *sp (verb
 * 1) and answers 1 when there is one; else 0, *sp untouched. */
int nb_quotes_colon_label(const struct nb_quotes_win *w, struct nb_quotes_speaker *sp);

/* A label of one word, p[from..to) being "Clinton:" or "More from Jones:"
 * up to a quote's opening mark: the surname of a person memory m knows by
 * a fuller name ("Hillary Clinton" named before).  A word the article has
 * not given as a surname is a heading as likely ("Verdict:").  Writes *sp
 * (verb 1, offsets in p) and answers 1 when so; else 0, *sp untouched. */
int nb_quotes_known_label(const char *p, size_t from, size_t to, struct nb_quotes_memory *m,
                          struct nb_quotes_speaker *sp);

/* 1 when name[0..len), one word, is the surname of a person memory m
 * knows by a fuller name ("Clinton" after "Hillary Clinton"). */
int nb_quotes_known_person(struct nb_quotes_memory *m, const char *name, size_t len);

#endif
