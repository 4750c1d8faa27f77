/* speakers.h - pass 3 of the quote finder: the people named so far, and
 * who a speaker read near a quote is (internal to src/quotes/:
 * speakers.c; used by the driver quotes.c and by emit.c).
 *
 * The memory borrows names and roles from the paragraphs it was given
 * (the article's paragraphs, which outlive one nb_quotes_find() run); it
 * owns only last_speaker and last_role.
 */
#ifndef NB_QUOTES_SPEAKERS_H
#define NB_QUOTES_SPEAKERS_H

#include "article/article.h"
#include "quotes/names.h"

#include <stddef.h>

#define NB_QUOTES_MEMORY_SIZE 64

/* A person or an organisation named in the article. */
struct nb_quotes_entity {
    const char *name; /* the fullest form seen, borrowed */
    size_t len;
    const char *role; /* borrowed; NULL when none */
    size_t role_len;
    int gender;       /* 0 unknown, 1 male, 2 female */
    int person;
    size_t para, pos; /* last mention */
    int subject;      /* last mention was a speaker or a sentence subject */
    int evidence;     /* the text shows a person: an honorific, a role, the
                         subject of a speech verb, he/she for it */
    int title_gender; /* the gender its honorific told, 0 when none */
    const char *title; /* the honorific seen before it ("Mr"), borrowed; NULL */
    size_t title_len;
    int pronoun; /* 1 he, 2 she: the latest pronoun resolved to it, 0 none */
};

/* Who is who so far: up to NB_QUOTES_MEMORY_SIZE entities (then the
 * least recently mentioned is forgotten), and the latest quote's speaker,
 * for a quoted paragraph without attribution. */
struct nb_quotes_memory {
    struct nb_quotes_entity e[NB_QUOTES_MEMORY_SIZE];
    size_t n;
    char *last_speaker; /* owned; NULL when none */
    char *last_role;    /* owned; NULL when none */
    size_t last_para;
    int have_last;
};

/* An empty memory; cannot fail.  Its entities are not cleared: none is
 * read past n. */
void nb_quotes_memory_init(struct nb_quotes_memory *m);

/* Frees last_speaker and last_role and empties m. */
void nb_quotes_memory_release(struct nb_quotes_memory *m);

/* Notes the people named in p[from..to) of paragraph para (no quotes
 * inside): runs of two or more name words, names after an honorific, and
 * surnames already known, with a role written next to them ("Kingsbridge
 * boss Marco Ferri", "Janet Holloway, a portfolio manager at ...,"), and
 * organisations whose name says so ("Leeds City Council"). */
void nb_quotes_mem_scan(struct nb_quotes_memory *m, const char *p, size_t from, size_t to,
                        size_t para);

/* Fills q->speaker and q->role (malloc'd; q owns them) from sp, read in
 * paragraph p at index para.  A name is noted, or found as the fuller form
 * named before ("Berg" is "Ola Berg"), and keeps the role known for it;
 * "he" and "she" stand for the latest person of that gender named close
 * by; "they" and "it" for the latest speaker when that was no person; "the
 * minister" for the latest person whose role says so; "the Pole" and "the
 * 54-year-old" for the latest person named close by; "the rookie
 * defenceman" (a word for a person and one that describes them) for the
 * only person named close by; "the club" for the organisation named in
 * the last three paragraphs with "club" in its name.  he/she go to people the text shows to be
 * people (an honorific, a role, a speech verb) before sentence subjects,
 * never to a name only mentioned.  q->speaker stays
 * NULL when the text does not say.  NB_OK, or NB_ENOMEM when out of memory (whatever
 * was set in q is still q's to free). */
nb_status nb_quotes_resolve(struct nb_quotes_memory *m, const char *p, size_t para,
                            const struct nb_quotes_speaker *sp, struct nb_quote *q);

/* The entity named name[0..len): the one of that name, else the latest
 * person whose surname it is; NULL when none is remembered. */
const struct nb_quotes_entity *nb_quotes_mem_lookup(struct nb_quotes_memory *m, const char *name,
                                                    size_t len);

/* Makes q's speaker and role (copied) the latest speaker, as of paragraph
 * para; a q without speaker leaves none.  NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_quotes_remember_speaker(struct nb_quotes_memory *m, const struct nb_quote *q,
                                     size_t para);

#endif
