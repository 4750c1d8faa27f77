/* suggest.h - "did you mean ...?": the known word closest to a mistyped one,
 * for messages about keys, profile names and story ids.
 */
#ifndef NB_TEXT_SUGGEST_H
#define NB_TEXT_SUGGEST_H

#include <stddef.h>

/* Words longer than this are never compared (a mistyped key is short). */
#define NB_SUGGEST_MAX_WORD 64

/* Edit distance between two ASCII strings: insertions, deletions,
 * substitutions and swaps of neighbours each count 1; letters are compared
 * without case.  SIZE_MAX, "too far", when either is longer than
 * NB_SUGGEST_MAX_WORD bytes.  No allocation; cannot fail. */
size_t nb_edit_distance(const char *a, const char *b);

/* The candidate in the NULL-terminated `candidates` closest to `word`
 * (edit distance <= 2 and less than the candidate's length, or one a prefix
 * of the other), or NULL.  Borrowed from candidates; cannot fail. */
const char *nb_suggest(const char *word, const char *const *candidates);

#endif
