/* cleanup_lines.h - the clean-up's shared pieces (internal to
 * src/article/cleanup*.c): one measured line of the body, the word lists
 * and the predicates each step asks of a line.
 *
 * cleanup.c       the driver: lines in, paragraphs and `removed` out
 * cleanup_measure.c  measuring a line: words, capitals, the vocabulary
 * cleanup_shapes.c   furniture known by its shape (captions, credits ...)
 * cleanup_decide.c   what stays: position among the prose, runs, lists
 * cleanup_inside.c   captions and asides inside the story
 * cleanup_join.c     datelines and paragraphs broken in mid-sentence
 *
 * Every function here reads borrowed text and cannot fail.
 */
#ifndef NB_ARTICLE_CLEANUP_LINES_H
#define NB_ARTICLE_CLEANUP_LINES_H

#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

#define NB_CLEAN_KEY_MAX 32

struct nb_clean_line {
    size_t para;   /* index of its paragraph */
    const char *s; /* trimmed; borrowed from the paragraph */
    size_t len;
    unsigned words;
    unsigned lower;         /* words starting with an ASCII lower-case letter */
    unsigned upper;         /* ... upper-case letter or digit */
    unsigned score;         /* vocabulary weight, tenths */
    unsigned reader;        /* words addressing the reader: "you", "our" */
    unsigned hits;          /* vocabulary words of weight 1.5 or more, and phrases */
    unsigned terminal : 1;  /* ends a sentence: . ! ? ... (maybe inside a quote) */
    unsigned addresses : 1; /* "you", "our" */
    unsigned reports : 1;   /* "said", "according" */
    unsigned prompt : 1;    /* starts with an imperative */
    unsigned list_head : 1; /* vocabulary says "related stories" */
    unsigned quoted : 1;    /* holds quotation marks */
    unsigned marker : 1;    /* starts with a list marker */
    unsigned narrates : 1;  /* a verb in the past, a modal, "I": a story told */
    unsigned remove : 1;
    unsigned fixed : 1;    /* shape says furniture whatever its position */
    unsigned wrapped : 1;  /* one line of a hard-wrapped prose paragraph */
    unsigned strong : 1;   /* surely a sentence of some story */
    unsigned foreign : 1;  /* prose of another subject than the story's */
    const uint64_t *topic; /* its content words, hashed (nb_clean_topic_words()) */
    unsigned ntopic;
};

/* ---- cleanup_measure.c ---- */

/* Fills the measures of a line whose s, len (and para) are set. */
void nb_clean_measure(struct nb_clean_line *ln);

/* Normalised key of one word: ASCII lower-cased, surrounding punctuation
 * dropped, curly apostrophe as '.  Empty when nothing is left.  Returns
 * its length. */
size_t nb_clean_word_key(const char *w, size_t n, char key[NB_CLEAN_KEY_MAX]);

/* Key of the last word of s[0..len). */
void nb_clean_last_key(const char *s, size_t len, char key[NB_CLEAN_KEY_MAX]);

/* 1 when the measure's vocabulary is in strcmp order with no word twice,
 * its index by first letter matches it, and the first word of every
 * phrase is marked as such (the search and the phrase test rely on it),
 * else 0. */
int nb_clean_vocab_sorted(void);

/* Whether `key` is one of a sorted list of n words. */
int nb_clean_in_list(const char *key, const char *const *list, size_t n);
#define NB_CLEAN_IN(key, list) nb_clean_in_list((key), (list), sizeof(list) / sizeof((list)[0]))
/* The same, when every word of the list starts with the first `skip` bytes
 * of key (a part of a list indexed by first letter): they are not compared
 * again. */
int nb_clean_in_list_from(const char *key, const char *const *list, size_t n, size_t skip);

/* Whether `key` is a word a sentence broken in its middle may end with
 * ("the", "of", "was"). */
int nb_clean_is_function_word(const char *key);

/* Byte and word tests: `needle` anywhere; `prefix` at the start (any ASCII
 * case, ending at a word end); `needle` (lower-case ASCII) at a word start
 * anywhere, in any case. */
int nb_clean_has_bytes(const char *s, size_t len, const char *needle);
int nb_clean_starts_with(const char *s, size_t len, const char *prefix);
int nb_clean_has_words(const char *s, size_t len, const char *needle);
/* A copyright sign at the start of a word (not inside one: mis-decoded
 * text is full of them). */
int nb_clean_has_copyright_sign(const char *s, size_t len);

/* ---- cleanup_shapes.c ---- */

/* Reads like a sentence though perhaps unpunctuated. */
int nb_clean_sentence_like(const struct nb_clean_line *ln);

/* Whether s[0..len) is an item of a numbered, marked or labelled list
 * ("1. Lamb", "2) Ship", "- eggs", a bullet, "Turnout: 61%"). */
int nb_clean_is_list_item(const char *s, size_t len);

/* Furniture whatever its position: captions, credits, wire credits,
 * syndication tails, copyright lines, lines without a letter. */
int nb_clean_is_fixed_furniture(const struct nb_clean_line *ln);

/* A credit under a label ("Chart: Nordwire", "Illustration: Jo
 * Bloggs"); furniture when no like line stands beside it (a list of the
 * story: "Director: Jo Bloggs" above "Cast: ..."). */
int nb_clean_is_label_credit(const struct nb_clean_line *ln);

/* The head of a readers' comments section: nothing after it is the story. */
int nb_clean_is_comments_head(const struct nb_clean_line *ln);

/* Whether v[i] starts a thread of readers' comments, in any language: a
 * name on its own line, a time stamp under it ("3 hours ago", "12:04
 * PM"), and soon another name and stamp. */
int nb_clean_is_comments_block(const struct nb_clean_line *v, size_t n, size_t i);

/* ---- cleanup_topic.c ---- */

/* 1 when the list of common words (not content words) is in strcmp order
 * with no word twice and its index by first letter matches it, else 0. */
int nb_clean_common_sorted(void);

/* The story's vocabulary: its content words, each with the number of
 * lines it is used in.  _init cannot fail; _release frees it. */
struct nb_clean_word {
    unsigned lines;
    unsigned last; /* the last line that counted it */
};
struct nb_clean_topic {
    uint64_t *hash;              /* each slot's word, 0 for an empty slot */
    struct nb_clean_word *count; /* each slot's counts, set when it is taken */
    size_t cap, n;
};
void nb_clean_topic_init(struct nb_clean_topic *t);
void nb_clean_topic_release(struct nb_clean_topic *t);
/* Reads the content words of every line of v[0..n) once, hashed: each
 * line's `topic` and `ntopic` point into *words, which the caller frees
 * (after the lines' last use).  NB_OK or NB_ENOMEM. */
nb_status nb_clean_topic_words(struct nb_clean_line *v, size_t n, uint64_t **words);
/* Makes room for `words` more content words, so that adding that many
 * allocates nothing: the table is sized to the lines to add, not to a
 * fixed start (a run of one line needs few slots, cleared at
 * allocation).  NB_OK or NB_ENOMEM. */
nb_status nb_clean_topic_reserve(struct nb_clean_topic *t, size_t words);
/* Adds the content words of line `ln`, number `line`.  NB_OK or NB_ENOMEM. */
nb_status nb_clean_topic_add(struct nb_clean_topic *t, const struct nb_clean_line *ln,
                             unsigned line);
/* Adds to *content the content words of `ln` and to *shared those
 * the story uses (in another line, when `inside`: ln was added itself). */
void nb_clean_topic_overlap(const struct nb_clean_topic *t, const struct nb_clean_line *ln,
                            int inside, unsigned *content, unsigned *shared);
/* The number of words of `ln` that the story uses in two lines or
 * more: its subject, not a word it happens to use once. */
unsigned nb_clean_topic_salient(const struct nb_clean_topic *t, const struct nb_clean_line *ln);

/* ---- cleanup_decide.c ---- */

/* Sets `remove` on every line of the body v[0..n) that is furniture.
 * NB_OK, or NB_ENOMEM. */
nb_status nb_clean_decide(struct nb_clean_line *v, size_t n);

/* ---- cleanup_inside.c ---- */

/* An aside in brackets that points elsewhere, on a line of its own:
 * "(Graphic: the vote, seat by seat - here)". */
int nb_clean_is_pointer_aside(const struct nb_clean_line *ln);

/* Marks `remove` on the furniture among the story's kept lines
 * v[first..end): captions, lines cutting a sentence in two.  NB_OK or
 * NB_ENOMEM. */
nb_status nb_clean_drop_inside(struct nb_clean_line *v, size_t first, size_t end);

/* ---- cleanup_join.c ---- */

/* Length of a wire dateline at the start of s ("LONDON, Feb 4 (Reuters) -
 * "), or 0. */
size_t nb_clean_dateline_len(const char *s, size_t len);

/* Whether paragraph p[0..len) stops in mid-sentence so that `next` (a
 * NUL-terminated paragraph) continues it. */
int nb_clean_broken_after(const char *p, size_t len, const char *next);

/* Length of a byline fused to the story at the start of s, the space lost
 * between them ("By Jo BloggsThe council said ..."; or the name of
 * `byline`, the article's own, repeated: "Jo BloggsThe council ..."), or
 * 0.  `byline` may be NULL. */
size_t nb_clean_fused_byline_len(const char *s, size_t len, const char *byline);

#endif
