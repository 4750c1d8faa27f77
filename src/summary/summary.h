/* summary.h - choosing what of a story is read on air.
 *
 * A summary borrows its article: it stores indices into the article's
 * sentences and quotes, and must not outlive it.  The only strings it owns
 * are the lead sentences it shortened (lead_text).
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
    char **lead_text; /* NULL, or nlead entries: the sentence as read when it
                         differs from the article's (a dateline cut off, an
                         aside dropped), NULL when it does not; owned */
    size_t *quotes;   /* indices into article->quotes, in article order */
    size_t nquotes;
};

struct nb_summary_options {
    size_t sentences; /* lead sentences wanted (>= 1) */
    size_t quotes;    /* quotes wanted (0 = none) */
    size_t max_words; /* a lead sentence longer than this loses a parenthetical
                         aside when what remains is still a sentence; 0 = never */
};

/* Quotes shorter than this many words are fragments or scare quotes: never
 * read as a quote. */
#define NB_SUMMARY_QUOTE_MIN_WORDS 4

void nb_summary_init(struct nb_summary *s);
void nb_summary_release(struct nb_summary *s);

/* Picks what is read of the story.
 *
 * The lead: the first `opts->sentences` sentences of the body (fewer when
 * the article is shorter), skipping what is not news prose: a dateline on
 * its own ("LONDON, 28 November 2026"), a standfirst that repeats the
 * headline word for word, a short line without a full stop (a subheading).
 * A dateline in front of the first sentence ("ABERDEEN - The opening ...")
 * is cut off.  With opts->max_words, a longer sentence loses asides between
 * brackets or dashes (or a dash and the full stop) while it is still too
 * long, as long as what remains is a sentence.
 *
 * The quotes: at most `opts->quotes` of the article's quotes, never a
 * partial one, one without a speaker, one of fewer than
 * NB_SUMMARY_QUOTE_MIN_WORDS words, one whose words the lead already reads,
 * or the same words twice.  Quotes that add most words the lead does not
 * say come first, then those with a role, then the earlier; the ones
 * picked are kept in article order.
 *
 * `s` need not be initialised; on failure it is left released.
 * NB_EINTERNAL for a quote whose sentence index is out of range; NB_ENOMEM. */
nb_status nb_summary_make(struct nb_summary *s, const struct nb_article *a,
                          const struct nb_summary_options *opts, struct nb_error *err);

/* Lead sentence i (< s->nlead) as it is read. Borrowed. */
const char *nb_summary_lead(const struct nb_summary *s, size_t i);

/* How alike two texts are: the share of distinct words (lower case, letters
 * and digits; see wordset.h) the two have in common, 0..1 (Jaccard).  Two
 * empty texts give 0.  It makes both word sets each call: to compare a
 * text with many, make its nb_wordset once and use nb_wordset_similarity(),
 * which gives the same value (or an nb_wordset_index).  Cannot fail: out of
 * memory, the words are compared in place (slower, same value). */
double nb_summary_similarity(const char *a, const char *b);

/* `text` with asides removed while it is over max_words words and an aside
 * whose removal leaves a sentence remains: *out is a malloc'd string the
 * caller frees, or NULL when nothing was removed.  NB_OK, or NB_ENOMEM
 * (*out NULL). */
nb_status nb_summary_shorten(const char *text, size_t max_words, char **out);

/* Counts words (runs of non-space). */
size_t nb_summary_count_words(const char *text);

#endif
