/* emit.h - what a quoted stretch becomes: a quote or nothing, whole or a
 * fragment, and whose (internal to src/quotes/: emit.c; used by the driver
 * quotes.c, which also owns the state of a run declared here).
 */
#ifndef NB_QUOTES_EMIT_H
#define NB_QUOTES_EMIT_H

#include "article/article.h"
#include "quotes/names.h"
#include "quotes/speakers.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

/* The quotes found so far, in order; realloc'd. */
struct nb_quotes_out {
    struct nb_quote *v;
    size_t n, alloc;
};

/* One nb_quotes_find() run.  The driver (quotes.c) owns it and fills the
 * pending fields; nb_quotes_finish_quote() reads mem, text and
 * last_ended_colon and adds to out. */
struct nb_quotes_pass {
    struct nb_article *a;
    struct nb_quotes_out out;
    /* the quote being built across paragraphs */
    struct nb_buf text;
    int pending;
    size_t pend_sentence;
    int pend_partial;
    int pend_embedded; /* the quote opens after a word or comma */
    struct nb_quotes_speaker pend_before;
    const char *pend_para_text;
    size_t pend_para;
    int last_ended_colon; /* the previous paragraph ended with ':' */
    /* who is who (speakers.h); last: nb_quotes_find() clears the fields
     * before it, and nb_quotes_memory_init() empties it without clearing
     * its entities */
    struct nb_quotes_memory mem;
};

/* Appends p[s..e) to b with its spaces collapsed, joined to what b holds
 * by one space.  NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_quotes_text_add(struct nb_buf *b, const char *p, size_t s, size_t e);

/* 1 when quoted words t[0..len) are only a title or a name ("Face the
 * Nation", ‘The 411’, "Morning Joe"), or have no letters at all. */
int nb_quotes_title_like(const char *t, size_t len);

/* Frees the contents of q and sets its pointers to NULL. */
void nb_quotes_quote_release(struct nb_quote *q);

/* 1 when the quote opening at p[open] (its words p[start..end); p
 * NUL-terminated) is a fragment inside its sentence, which starts at
 * sent_start.  Always when the sentence goes on after the closing mark (a
 * lower-case word that is no pronoun nor verb of saying: "..." about her
 * record; or "by": a title and its author).  Not at the
 * sentence's start nor after ':' '.' '!' '?' '…'; always after "that"
 * (said that "We will win.": reported speech) and after an article, a
 * determiner, a preposition, a possessive, "be", "have" or a verb of naming
 * (the "Washington Cartel": a noun phrase of the sentence); after another
 * word, a comma or a dash, unless it starts with a capital or a digit;
 * after anything else, always. */
int nb_quotes_is_partial(const char *p, size_t sent_start, size_t open, size_t start, size_t end);

/* 1 when the quote opening at p[open] follows a word, a figure or a comma
 * of its sentence (which starts at `from`). */
int nb_quotes_is_embedded(const char *p, size_t from, size_t open);

/* Emits the quote whose words are in st->text (and empties it), read in
 * paragraph p at index para, starting in sentence `sentence` of the body.
 * before and after are the attributions read on either side; partial and
 * embedded as nb_quotes_is_partial/embedded() said; alone: the quote is
 * its whole paragraph; may_continue: a quote without attribution may
 * continue the latest speaker; merge_ok: only an attribution stands
 * between this quote and the previous one, which it then extends.  NB_OK
 * also when the words are dropped (no letters, a title, a slogan, a scare
 * quote); NB_ENOMEM in err when out of memory. */
nb_status nb_quotes_finish_quote(struct nb_quotes_pass *st, const char *p, size_t para,
                                 const struct nb_quotes_speaker *before,
                                 const struct nb_quotes_speaker *after, int partial, int embedded,
                                 size_t sentence, int alone, int may_continue, int merge_ok,
                                 struct nb_error *err);

#endif
