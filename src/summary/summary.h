/* summary.h - choosing what of a story is read on air.
 *
 * A summary borrows its article: it stores indices into the article's
 * sentences and quotes, and must not outlive it.
 */
#ifndef NB_SUMMARY_SUMMARY_H
#define NB_SUMMARY_SUMMARY_H

#include "article/article.h"
#include "text/error.h"

#include <stddef.h>

struct nb_summary {
    const struct nb_article *article; /* borrowed */
    size_t *lead;                     /* indices into article->sentences */
    size_t nlead;
    size_t *quotes;                   /* indices into article->quotes */
    size_t nquotes;
};

struct nb_summary_options {
    size_t sentences; /* lead sentences wanted (>= 1) */
    size_t quotes;    /* quotes wanted (0 = none) */
};

void nb_summary_init(struct nb_summary *s);
void nb_summary_release(struct nb_summary *s);

/* Picks the lead: the first `opts->sentences` sentences of the body (fewer
 * when the article is shorter). */
nb_status nb_summary_make(struct nb_summary *s, const struct nb_article *a,
                          const struct nb_summary_options *opts, struct nb_error *err);

#endif
