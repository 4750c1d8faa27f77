/* subjects.h - who a speech verb's subject is, read in a window of tokens
 * (internal to src/quotes/: subjects.c; used by attribution.c).
 *
 * Token indexes are those of window w (tokens.h), below w->n; offsets
 * written to a struct nb_quotes_speaker are bytes of the window's text.
 * A function that finds nothing leaves *sp as it was unless it says it
 * clears it.  Nothing here allocates.
 */
#ifndef NB_QUOTES_SUBJECTS_H
#define NB_QUOTES_SUBJECTS_H

#include "quotes/names.h"
#include "quotes/tokens.h"

#include <stddef.h>

/* 1 when token k is an age: "Graham Doyle, 58, said" (a number, no role). */
int nb_quotes_age_token(const struct nb_quotes_win *w, size_t k);

/* The subject of a verb at token v, read backwards from it no further
 * than token lo, through appositions: "Ola Berg, Norway's foreign
 * minister, said", "Norway's foreign minister, Ola Berg, said", "Scott
 * Pruitt, the attorney general, one of the states suing, said".  Returns
 * the first token used, or v when none. */
size_t nb_quotes_subject_before(const struct nb_quotes_win *w, size_t lo, size_t v,
                                struct nb_quotes_speaker *sp);

/* The subject after a verb or "according to", starting at token k: "said
 * Ola Berg, Norway's foreign minister".  Returns the token after it (k
 * when none). */
size_t nb_quotes_subject_after(const struct nb_quotes_win *w, size_t k,
                               struct nb_quotes_speaker *sp);

/* The source after "according to", starting at token k: a document filed,
 * issued or written by a named person is that person's word ("according to
 * a court document filed by state attorney Dave Aronberg"). */
void nb_quotes_according_subject(const struct nb_quotes_win *w, size_t k,
                                 struct nb_quotes_speaker *sp);

/* A subject with a prepositional phrase filling tokens [a, v): "Mr. Morgan
 * of the Sierra Club", "a narrator in the Clinton ad".  The person is the
 * name before the preposition; without one, the whole noun phrase.
 * Answers 1 and writes *sp when [a, v) is that shape, else 0. */
int nb_quotes_subject_with_pp(const struct nb_quotes_win *w, size_t a, size_t v,
                              struct nb_quotes_speaker *sp);

/* A subject of two noun phrases joined by "and" filling tokens [a, v): two
 * people ("David Albright and Serena Kell of the Institute") are one
 * speaker, both named, the affiliation the role; two descriptions under
 * one article, one person ("the Florida senator and presidential
 * candidate"), are the first ("the mayor and the governor" are not).  Answers 1 and writes *sp when
 * [a, v) is that shape, else 0. */
int nb_quotes_subject_pair(const struct nb_quotes_win *w, size_t a, size_t v,
                           struct nb_quotes_speaker *sp);

/* The subject of a participle at token v in "with X (adverbs) V-ing":
 * "..., with Berg reportedly shouting:" is Berg's. */
void nb_quotes_with_subject(const struct nb_quotes_win *w, size_t v, struct nb_quotes_speaker *sp);

/* A subject read back to token st from a verb inside a relative clause
 * ("an official who spoke anonymously to discuss the talks said",
 * "officials who know Berg said"): the clause's object is no speaker; the
 * noun phrase before "who" is, and replaces *sp. */
void nb_quotes_relative_head(const struct nb_quotes_win *w, size_t st,
                             struct nb_quotes_speaker *sp);

#endif
