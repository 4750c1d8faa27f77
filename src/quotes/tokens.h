/* tokens.h - tokens and bounded windows of them, the way the quote finder
 * reads the words around a quote (internal to src/quotes/: tokens.c; used
 * by names.c, attribution.c, speakers.c, emit.c and quotes.c).
 *
 * A token is a word (letters, digits, inner ' ’ - . &, and the full stop
 * of an abbreviation or initial, or the apostrophe of a plural possessive)
 * or one punctuation mark.  A window borrows its text: w->p must outlive
 * it.  Token indexes k passed to the nb_quotes_tok_* functions must be
 * below w->n.  Nothing here allocates.
 */
#ifndef NB_QUOTES_TOKENS_H
#define NB_QUOTES_TOKENS_H

#include "quotes/wordlists.h"
#include "text/chars.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define NB_QUOTES_WIN_TOKENS 48
#define NB_QUOTES_WIN_BYTES 480

/* A token is p[s..e) of its window's text. */
struct nb_quotes_tok {
    size_t s, e;
};

/* The same token is asked the same question many times (is it in this
 * list, is it a name, an honorific) as the finder reads around it: the
 * window remembers each answer for its token.  The memory is a cache, not
 * part of the window's value: the nb_quotes_tok_* functions fill it
 * through a const window, and whoever sets tokens forgets it
 * (nb_quotes_win_forget(); the fill functions do). */
struct nb_quotes_win_memo {
    /* once bit 6 of word is set: the lists the token is in and its verb
     * flags (nb_quotes_word_lists(), one search) */
    uint32_t lists[NB_QUOTES_WIN_TOKENS];
    uint16_t verb[NB_QUOTES_WIN_TOKENS];
    /* bit 0: name asked, 1: a name, 2: honorific asked, 3: an honorific,
     * 4-5: its gender, 6: looked up in the lists */
    unsigned char word[NB_QUOTES_WIN_TOKENS];
};

struct nb_quotes_win {
    const char *p;
    struct nb_quotes_tok t[NB_QUOTES_WIN_TOKENS];
    size_t n;
    struct nb_quotes_win_memo memo;
};

/* Forgets what was remembered of the tokens: after setting w->t or w->n
 * by hand. */
void nb_quotes_win_forget(struct nb_quotes_win *w);

/* The memory of a window read through a const pointer (tokens.c and
 * names.c only). */
static inline struct nb_quotes_win_memo *nb_quotes_win_memo(const struct nb_quotes_win *w)
{
    return (struct nb_quotes_win_memo *)&w->memo;
}

/* Reads the next token of p[*i..end) into *t, skipping spaces, and moves
 * *i past it.  0 when only spaces remain. */
int nb_quotes_next_token(const char *p, size_t end, size_t *i, struct nb_quotes_tok *t);

/* Drops the first k tokens of w (all of them when k >= w->n), keeping the
 * rest in order with what was remembered of them: a scan that slides its
 * window on does not read those tokens again. */
void nb_quotes_win_drop(struct nb_quotes_win *w, size_t k);

/* The first NB_QUOTES_WIN_TOKENS tokens of p[from..to). */
void nb_quotes_win_fill(struct nb_quotes_win *w, const char *p, size_t from, size_t to);

/* The first `max` tokens (no more than NB_QUOTES_WIN_TOKENS) of
 * p[from..to): the same as nb_quotes_win_fill() for a reader that looks at
 * no token past them. */
void nb_quotes_win_fill_first(struct nb_quotes_win *w, const char *p, size_t from, size_t to,
                              size_t max);

/* The last tokens of p[from..to) (up to NB_QUOTES_WIN_TOKENS): starts at a
 * word boundary no more than NB_QUOTES_WIN_BYTES before `to`. */
void nb_quotes_win_fill_tail(struct nb_quotes_win *w, const char *p, size_t from, size_t to);

/* Length in bytes of token k. */
static inline size_t nb_quotes_tok_len(const struct nb_quotes_win *w, size_t k)
{
    return w->t[k].e - w->t[k].s;
}

/* 1 when token k, in any case, is `word` (lower case).  Inline, and most
 * tokens turned away by their first byte: the finder asks it of nearly
 * every token, word after word. */
static inline int nb_quotes_tok_is(const struct nb_quotes_win *w, size_t k, const char *word)
{
    if (nb_ascii_lower((unsigned char)w->p[w->t[k].s]) != (unsigned char)word[0])
        return 0;
    return nb_quotes_word_is(w->p + w->t[k].s, nb_quotes_tok_len(w, k), word);
}

/* nb_quotes_tok_in() when the window does not remember the answer yet: it
 * searches, and remembers. */
int nb_quotes_tok_look_up(const struct nb_quotes_win *w, size_t k, enum nb_quotes_list list);

/* 1 when token k is a word of `list` (nb_quotes_word_in).  Inline: most
 * asks are answered from the window's memory. */
static inline int nb_quotes_tok_in(const struct nb_quotes_win *w, size_t k,
                                   enum nb_quotes_list list)
{
    if ((unsigned)list < 32 && (w->memo.word[k] & 64))
        return (w->memo.lists[k] & (uint32_t)1 << list) != 0;
    return nb_quotes_tok_look_up(w, k, list);
}

/* 1 when token k is the one punctuation mark c.  (This and the next two
 * are inline: the finder asks them of nearly every token.) */
static inline int nb_quotes_tok_punct(const struct nb_quotes_win *w, size_t k, char c)
{
    return nb_quotes_tok_len(w, k) == 1 && w->p[w->t[k].s] == c;
}

/* 1 when token k is a word (starts with a letter or a digit). */
static inline int nb_quotes_tok_word(const struct nb_quotes_win *w, size_t k)
{
    return nb_char_is_word(nb_char_at(w->p, w->t[k].e, w->t[k].s, NULL));
}

/* 1 when token k starts with a capital letter. */
static inline int nb_quotes_tok_cap(const struct nb_quotes_win *w, size_t k)
{
    return nb_char_is_upper(nb_char_at(w->p, w->t[k].e, w->t[k].s, NULL));
}

/* 1 when token k is a possessive: "Berg's" "Norway's" "ministers’".
 * Inline: the finder asks it of every word of a name. */
static inline int nb_quotes_tok_possessive(const struct nb_quotes_win *w, size_t k)
{
    size_t s = w->t[k].s, e = w->t[k].e;
    const char *p = w->p;
    if (e - s <= 2)
        return 0;
    /* by the last byte, which tells the four forms apart (most tokens end
     * in none of ' s S or the last byte of ’ and are turned away at once) */
    switch ((unsigned char)p[e - 1]) {
    case '\'': /* "ministers'" */
        return p[e - 2] == 's' || p[e - 2] == 'S';
    case 0x99: /* "ministers’" */
        return e - s > 4 && memcmp(p + e - 3, "\xe2\x80\x99", 3) == 0 &&
               (p[e - 4] == 's' || p[e - 4] == 'S');
    case 's':
    case 'S': /* "Berg's", "Berg’s" */
        return p[e - 2] == '\'' || (e - s > 4 && memcmp(p + e - 4, "\xe2\x80\x99", 3) == 0);
    default:
        return 0;
    }
}

/* 1 when token k is a hyphen or a dash (– — ―). */
int nb_quotes_tok_dash(const struct nb_quotes_win *w, size_t k);

/* 0 when token k is no verb of saying, else NB_QUOTES_V_SPEECH | its
 * NB_QUOTES_V_* flags (nb_quotes_verb_flags). */
int nb_quotes_tok_verb(const struct nb_quotes_win *w, size_t k);

/* nb_quotes_tok_honorific() when the window does not remember the answer
 * yet: it looks, and remembers. */
int nb_quotes_tok_honorific_look_up(const struct nb_quotes_win *w, size_t k, int *gender);

/* 1 when token k is an honorific, its gender in *gender when not NULL
 * (nb_quotes_honorific).  Inline, as nb_quotes_tok_in(). */
static inline int nb_quotes_tok_honorific(const struct nb_quotes_win *w, size_t k, int *gender)
{
    unsigned char seen = w->memo.word[k];
    if (!(seen & 4)) {
        if (!nb_quotes_honorific_may_be(w->p + w->t[k].s, nb_quotes_tok_len(w, k)))
            return 0; /* most tokens: no need to remember it */
        return nb_quotes_tok_honorific_look_up(w, k, gender);
    }
    if (!(seen & 8))
        return 0;
    if (gender)
        *gender = (seen >> 4) & 3;
    return 1;
}

#endif
