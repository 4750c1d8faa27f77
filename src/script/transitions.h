/* transitions.h - the words that lead from one story to the next.
 *
 * A transition introduces a story by its headline, read as a sentence:
 * "First, Storm Bert batters Wales."  The bank has separate sets for the
 * first story, the middle ones and the last ("And finally, ...").  The
 * choice is deterministic: a picker seeded from the bulletin's title and
 * date gives the same sequence every time, and never the same middle
 * transition within NB_TRANSITION_RECENT stories (so never twice in a row).
 * The picker is a plain value owned by the caller; the bank itself is
 * static const.
 */
#ifndef NB_SCRIPT_TRANSITIONS_H
#define NB_SCRIPT_TRANSITIONS_H

#include "text/buf.h"

#include <stddef.h>
#include <stdint.h>

enum nb_transition_place {
    NB_TRANSITION_FIRST, /* the first story, and the only one of a one-story bulletin */
    NB_TRANSITION_MIDDLE,
    NB_TRANSITION_LAST /* the last story of a bulletin of two or more */
};

/* Middle transitions are not repeated within this many stories. */
#define NB_TRANSITION_RECENT 3

struct nb_transition_picker {
    uint64_t state;                      /* PRNG state */
    size_t recent[NB_TRANSITION_RECENT]; /* last middle picks, newest first */
    size_t nrecent;
};

/* The place of story i (0-based) in a bulletin of n stories (n >= 1). */
enum nb_transition_place nb_transition_place_of(size_t i, size_t n);

/* How many transitions the bank has for `place` (always >= 1; >= 8 for
 * the middle). */
size_t nb_transition_count(enum nb_transition_place place);

/* Seeds the picker from the title (may be NULL) and the date: the FNV-1a
 * hash of both.  No allocation, cannot fail. */
void nb_transition_picker_init(struct nb_transition_picker *p, const char *title, int year,
                               int month, int day);

/* The index (< nb_transition_count(place)) of the next transition for a
 * story at `place`.  Advances the picker. */
size_t nb_transition_pick(struct nb_transition_picker *p, enum nb_transition_place place);

/* Appends transition `index` for `place` introducing the story headlined
 * `headline` (may be NULL or empty: a headline-free wording is used).
 * 0, or -1 when out of memory (out unchanged). */
int nb_transition_write(enum nb_transition_place place, size_t index, const char *headline,
                        struct nb_buf *out);

/* Appends the headline as a spoken sentence: whitespace collapsed, ends
 * trimmed, a trailing ':' ';' ',' or dash dropped and a full stop added
 * unless it already ends a sentence ("?", "!", "...", also before a
 * closing quote or bracket).  The wording is kept.  Appends nothing for an
 * empty headline.  0, or -1 when out of memory (out unchanged). */
int nb_transition_headline(const char *headline, struct nb_buf *out);

#endif
