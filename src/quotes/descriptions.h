/* descriptions.h - who a description cue stands for: "the minister", "the
 * rookie defenceman", "the club" (internal to src/quotes/: descriptions.c;
 * used by speakers.c, which resolves speakers through them).
 *
 * np[0..len) is the description as written; nothing here allocates.
 */
#ifndef NB_QUOTES_DESCRIPTIONS_H
#define NB_QUOTES_DESCRIPTIONS_H

#include "quotes/speakers.h"

#include <stddef.h>

/* 1 when mention (pa, pos_a) comes after (pb, pos_b). */
int nb_quotes_later(size_t pa, size_t pos_a, size_t pb, size_t pos_b);

/* The person "the minister" stands for: the latest whose role says so
 * (the head of its role: "an economist" of "an economist at ..."); NULL
 * when none. */
struct nb_quotes_entity *nb_quotes_mem_role(struct nb_quotes_memory *m, const char *np, size_t len);

/* 1 when np is a definite description of a person: "the Italian", "the
 * 54-year-old", or a word for a person with a word that describes them
 * ("the rookie defenceman"); not "the ministry", nor a bare "the
 * senator", who may be someone never named. */
int nb_quotes_person_description(const char *np, size_t len);

/* 1 for the two-word descriptions given only to someone just named ("the
 * Italian", "the 54-year-old"). */
int nb_quotes_short_description(const char *np, size_t len);

/* The organisation "the club", "the ministry" stands for: the latest named
 * in paragraph para or the two before with that word in its name; NULL
 * when none. */
struct nb_quotes_entity *nb_quotes_mem_org(struct nb_quotes_memory *m, const char *np, size_t len,
                                           size_t para);

/* 1 when e is the only person (shown to be one, or a sentence's subject)
 * named in paragraph para and the one before. */
int nb_quotes_only_person(const struct nb_quotes_memory *m, const struct nb_quotes_entity *e,
                          size_t para);

#endif
