/* transitions.h - the words that lead from one story to the next.
 *
 * A transition introduces a story by its headline, read as a sentence:
 * "First, Storm Bert batters Wales."  The wording comes from a bank, a
 * YAML file the project ships (voices/transitions-en.yaml, loaded by
 * config/transitions_bank.h) or a briefing's own, with separate sets for
 * the first story, the middle ones and the last ("And finally, ...").
 * The choice is deterministic: a picker seeded from the bulletin's title
 * and date gives the same sequence every time, and never the same middle
 * transition within NB_TRANSITION_RECENT stories (so never twice in a
 * row).  The picker is a plain value owned by the caller.
 *
 * Wording is written as templates with placeholders: {headline} (the
 * story's headline as a sentence), {title}, {date} (spoken), {count} (the
 * number of stories) and {time_of_day} ("morning", "afternoon", "evening",
 * or "day" without a time).
 */
#ifndef NB_SCRIPT_TRANSITIONS_H
#define NB_SCRIPT_TRANSITIONS_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

enum nb_transition_place {
    NB_TRANSITION_FIRST, /* the first story, and the only one of a one-story bulletin */
    NB_TRANSITION_MIDDLE,
    NB_TRANSITION_LAST /* the last story of a bulletin of two or more */
};
#define NB_TRANSITION_PLACES 3

/* Middle transitions are not repeated within this many stories. */
#define NB_TRANSITION_RECENT 3

struct nb_transition {
    char *text;    /* template, normally with {headline} */
    char *without; /* the whole transition when the story has no headline;
                      NULL: the text with {headline} left out */
};

/* A bank of transitions, and the words before the headlines and the recap.
 * Owns its strings. */
struct nb_transition_bank {
    struct nb_transition *v[NB_TRANSITION_PLACES];
    size_t n[NB_TRANSITION_PLACES];
    char *headlines; /* "First, the headlines."; NULL when not set */
    char *recap;     /* "Once again, the main stories."; NULL when not set */
};

void nb_transition_bank_init(struct nb_transition_bank *b);
void nb_transition_bank_release(struct nb_transition_bank *b);
/* Appends a transition for `place` (copies; `without` may be NULL).
 * NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_transition_bank_add(struct nb_transition_bank *b, enum nb_transition_place place,
                                 const char *text, const char *without);

struct nb_transition_picker {
    uint64_t state;                      /* PRNG state */
    size_t recent[NB_TRANSITION_RECENT]; /* last middle picks, newest first */
    size_t nrecent;
};

/* The place of story i (0-based) in a bulletin of n stories (n >= 1). */
enum nb_transition_place nb_transition_place_of(size_t i, size_t n);

/* How many transitions `bank` has for `place`. */
size_t nb_transition_count(const struct nb_transition_bank *bank, enum nb_transition_place place);

/* Seeds the picker from the title (may be NULL) and the date: the FNV-1a
 * hash of both.  No allocation, cannot fail. */
void nb_transition_picker_init(struct nb_transition_picker *p, const char *title, int year,
                               int month, int day);

/* The index (< n) of the next transition for a story at `place` out of n
 * (n >= 1).  Advances the picker. */
size_t nb_transition_pick(struct nb_transition_picker *p, enum nb_transition_place place,
                          size_t n);

/* What placeholders stand for. NULL strings expand to nothing. */
struct nb_template_vars {
    const char *title;
    const char *date;        /* spoken */
    const char *time_of_day; /* "morning" ... */
    const char *headline;    /* as written; expanded as a sentence */
    size_t count;
};

/* Placeholder bits for nb_template_check(). */
#define NB_TEMPLATE_HEADLINE 1u
#define NB_TEMPLATE_TITLE 2u
#define NB_TEMPLATE_DATE 4u
#define NB_TEMPLATE_COUNT 8u
#define NB_TEMPLATE_TIME_OF_DAY 16u
#define NB_TEMPLATE_BULLETIN                                                                       \
    (NB_TEMPLATE_TITLE | NB_TEMPLATE_DATE | NB_TEMPLATE_COUNT | NB_TEMPLATE_TIME_OF_DAY)

/* 1 when every {name} in `tpl` is one of the `allowed` placeholders; else
 * 0 with the byte offset and length of the first bad one (an unknown name,
 * or a '{' without its '}').  "{{" and "}}" stand for a brace. */
int nb_template_check(const char *tpl, unsigned allowed, size_t *bad_offset, size_t *bad_len);

/* Appends `tpl` with its placeholders filled in (unknown ones are copied as
 * they are).  NB_OK, or NB_ENOMEM when out of memory (out unchanged). */
nb_status nb_template_expand(const char *tpl, const struct nb_template_vars *vars,
                             struct nb_buf *out);

/* Appends transition `index` of `place` from `bank` for a story headlined
 * vars->headline (may be NULL or empty: the `without` wording is used).
 * NB_OK, or NB_ENOMEM when out of memory (out unchanged). */
nb_status nb_transition_write(const struct nb_transition_bank *bank, enum nb_transition_place place,
                              size_t index, const struct nb_template_vars *vars,
                              struct nb_buf *out);

/* Appends the headline as a spoken sentence: whitespace collapsed, ends
 * trimmed, a trailing ':' ';' ',' or dash dropped and a full stop added
 * unless it already ends a sentence ("?", "!", "...", also before a
 * closing quote or bracket).  The wording is kept.  Appends nothing for an
 * empty headline.  NB_OK, or NB_ENOMEM when out of memory (out unchanged). */
nb_status nb_transition_headline(const char *headline, struct nb_buf *out);

#endif
