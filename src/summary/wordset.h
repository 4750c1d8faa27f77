/* wordset.h - the distinct words of a text, made once and compared in time
 * linear in their sizes: how near-duplicate stories are told apart.
 *
 * A word is what nb_wordset_next_word() finds: a run of ASCII letters and
 * digits and non-ASCII characters, compared with ASCII letters in lower
 * case (non-ASCII bytes as they are: "É" and "é" are two words).
 *
 * A set owns a copy of its words; it does not borrow the text it was made
 * from.  An index owns the sets added to it.
 */
#ifndef NB_SUMMARY_WORDSET_H
#define NB_SUMMARY_WORDSET_H

#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

/* One distinct word: its hash and its bytes (lower case, not
 * NUL-terminated) in the set's own copy. */
struct nb_wordset_word {
    uint64_t hash;
    const char *text;
    size_t len;
};

struct nb_wordset {
    struct nb_wordset_word *words; /* n entries, in a fixed order (by hash,
                                      then bytes), no two the same word */
    size_t n;
    char *copy; /* the words' bytes, owned */
};

/* The next word of `text` from *pos (letters, digits, every byte of a
 * non-ASCII character; typographic quotes, dashes and the ellipsis,
 * U+2000..U+203F, are punctuation), or 0 at the end: *start is where it
 * begins, the length is returned and *pos moves past it. */
size_t nb_wordset_next_word(const char *text, size_t *pos, size_t *start);

void nb_wordset_init(struct nb_wordset *w);
void nb_wordset_release(struct nb_wordset *w);

/* The distinct words of `text` (NUL-terminated) into `w`, which need not be
 * initialised.  Each word is read and hashed once; the cost is that of
 * sorting the words.  NB_OK, or NB_ENOMEM (w left empty). */
nb_status nb_wordset_make(struct nb_wordset *w, const char *text);

/* 1 when `word` (len bytes, any ASCII case) is one of the set's words,
 * else 0: a search by halves, no allocation. */
int nb_wordset_has(const struct nb_wordset *w, const char *word, size_t len);

/* How many words the two sets share: a merge, linear in a->n + b->n. */
size_t nb_wordset_common(const struct nb_wordset *a, const struct nb_wordset *b);

/* The share of distinct words the two have in common, 0..1 (Jaccard):
 * common / (a->n + b->n - common), computed in double as
 * nb_summary_similarity() computes it, so the two give the same value.
 * Two empty sets give 0. */
double nb_wordset_similarity(const struct nb_wordset *a, const struct nb_wordset *b);

/* Sets, and for each word the sets that hold it, so that a set is
 * compared only with the sets that share one of its rarest words; the
 * answer is that of comparing it with every set (the reasoning is at the
 * top of the index's code in wordset.c). */
struct nb_wordset_index {
    double at_least;         /* the similarity looked for */
    struct nb_wordset *sets; /* owned, in the order added */
    size_t n, alloc;
    struct nb_wordset_posting *lists; /* one per word hash, in the order met */
    size_t used, lists_alloc;
    uint32_t *slots; /* open addressing by word hash: a list's number + 1,
                        0 for a free slot (4 bytes a slot: a small table) */
    size_t nslots;
    struct nb_wordset_probe *probe; /* room for a lookup of every hash, so
                                       that looking up allocates nothing */
    size_t probe_alloc;
    uint32_t *seen; /* per set: the lookup that last compared it */
    uint32_t search;
};

/* An empty index for finding sets with nb_wordset_similarity() >=
 * at_least; no allocation. */
void nb_wordset_index_init(struct nb_wordset_index *x, double at_least);
/* Frees the sets and the lists; x is left empty, with its threshold. */
void nb_wordset_index_release(struct nb_wordset_index *x);

/* Moves *w into the index as set number x->n (w is left empty, still to
 * be released or reused).  NB_OK, or NB_ENOMEM (x holds the sets it
 * held and answers as before; w untouched). */
nb_status nb_wordset_index_add(struct nb_wordset_index *x, struct nb_wordset *w);

/* 1 when a set in the index has nb_wordset_similarity(w, set) >=
 * x->at_least, else 0: the same answer as comparing w with every set
 * (with at_least <= 0: 1 whenever the index holds a set).  Cannot fail;
 * not const only because it marks the sets it compared. */
int nb_wordset_index_has_alike(struct nb_wordset_index *x, const struct nb_wordset *w);

#endif
