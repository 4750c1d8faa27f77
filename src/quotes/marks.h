/* marks.h - pass 1 of the quote finder: quotation marks classified and
 * paired into the quoted stretches of a paragraph (marks.c, used by the
 * driver quotes.c, and by script/quotation.c to find the quotes of the
 * sentences a newsreader reads).
 */
#ifndef NB_QUOTES_MARKS_H
#define NB_QUOTES_MARKS_H

#include "text/error.h"

#include <stddef.h>

/* A quoted stretch of one paragraph. */
struct nb_quotes_seg {
    size_t open;       /* offset of the opening mark (0 for a continuation) */
    size_t start, end; /* the words inside */
    size_t after;      /* just after the closing mark (== end when open) */
    int cont_prev;     /* continues a quote from the previous paragraph */
    int cont_next;     /* continues in the next paragraph */
};

/* The stretches of one paragraph, in order; realloc'd, the owner frees v
 * (nb_quotes_segv_release). */
struct nb_quotes_segv {
    struct nb_quotes_seg *v;
    size_t n, alloc;
};

/* Frees sv's array; sv is left empty and may be reused. */
void nb_quotes_segv_release(struct nb_quotes_segv *sv);

/* Pairs the marks of paragraph p[0..len) (next = the following paragraph
 * or NULL) into out, which it empties first and which keeps its array for
 * reuse.  carry: the family of a quote continued from the previous
 * paragraph (its opening mark at p[0] is skipped), 0 for none; *carry_out
 * is set for the next paragraph.  NB_OK, or NB_ENOMEM when out of memory (out then
 * holds the stretches found so far). */
nb_status nb_quotes_scan_marks(const char *p, size_t len, const char *next, int carry,
                               struct nb_quotes_segv *out, int *carry_out);

#endif
