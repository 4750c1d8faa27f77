/* lexicon.h - a pronunciation lexicon: words and phrases respelled for
 * the synthesiser, or given as eSpeak NG phonemes.
 *
 * Entries come in layers (NB_LEXICON_SHIPPED for voices/lexicon-en.yaml,
 * NB_LEXICON_BRIEFING for a briefing's own file).  At a position in the
 * text the most specific entry wins: the longest written form, then a
 * case-sensitive entry over a case-insensitive one, then the higher layer
 * (so a briefing beats the shipped lexicon for the same word), then the
 * entry added last.  Case-insensitive matching folds ASCII letters only.
 * Ownership: the lexicon owns copies of everything added; free it with
 * nb_lexicon_free().  Read-only once built: matching never changes it.
 */
#ifndef NB_SPOKEN_LEXICON_H
#define NB_SPOKEN_LEXICON_H

#include "text/error.h"

#include <stddef.h>

enum {
    NB_LEXICON_CASE = 1,     /* match the written form's case exactly */
    NB_LEXICON_PARTIAL = 2,  /* also inside a longer word (not whole-word) */
    NB_LEXICON_PHONEMES = 4, /* `spoken` is eSpeak NG phonemes, sent as [[...]] */
};

enum { NB_LEXICON_SHIPPED = 0, NB_LEXICON_BRIEFING = 1 };

#define NB_LEXICON_MAX_ENTRIES 100000
#define NB_LEXICON_MAX_WRITTEN 200 /* bytes */

struct nb_lexicon;

struct nb_lexicon_match {
    const char *spoken; /* what to say (phonemes already inside [[ ]]); borrowed */
    const char *source; /* where the entry came from ("lexicon-en.yaml:12"); borrowed */
    const char *written;
};

/* An empty lexicon, or NULL when out of memory. */
struct nb_lexicon *nb_lexicon_new(void);
/* NULL is a no-op. */
void nb_lexicon_free(struct nb_lexicon *lex);

/* Adds an entry (copies every string; `source` may be NULL).  NB_EINPUT
 * for an empty or over-long written form, a written form that does not
 * start and end with a letter or digit... or an empty spoken form, a
 * spoken form with '<', '>', '&', '[' or ']' (respellings are plain
 * text), phonemes with ']' or '<>&'; NB_ENOMEM; over
 * NB_LEXICON_MAX_ENTRIES gives NB_EINPUT. */
nb_status nb_lexicon_add(struct nb_lexicon *lex, const char *written, const char *spoken,
                         unsigned flags, int layer, const char *source, struct nb_error *err);

size_t nb_lexicon_count(const struct nb_lexicon *lex);

/* The entry matching text[i..len): at a token start (`inside_word` 0) any
 * entry whose written form ends at a token end (or a partial one); inside
 * a word (`inside_word` 1) only partial entries.  Returns the bytes
 * matched and fills *m, or 0. */
size_t nb_lexicon_match(const struct nb_lexicon *lex, const char *text, size_t len, size_t i,
                        int inside_word, struct nb_lexicon_match *m);
/* 1 when some entry is partial (the normaliser then looks inside words). */
int nb_lexicon_has_partial(const struct nb_lexicon *lex);

#endif
