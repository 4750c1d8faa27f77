/* names.h - noun phrases split into name and role, the way the quote
 * finder reads who is speaking (internal to src/quotes/: names.c; used by
 * attribution.c and speakers.c, and struct nb_quotes_speaker by emit.c and
 * quotes.c too).
 *
 * Tokens are those of a window (tokens.h); [a, b) ranges of token indexes
 * below w->n.  Offsets in struct nb_quotes_speaker are bytes of the
 * window's text.  Nothing here allocates.
 */
#ifndef NB_QUOTES_NAMES_H
#define NB_QUOTES_NAMES_H

#include "quotes/tokens.h"

#include <stddef.h>

/* What a subject is. */
enum {
    NB_QUOTES_SP_NONE,    /* nothing found */
    NB_QUOTES_SP_NAME,    /* a name: "Ola Berg", "the Justice Department" */
    NB_QUOTES_SP_PRONOUN, /* "he", "she", "they", "who"... */
    NB_QUOTES_SP_NP       /* a noun phrase without a name: "the minister" */
};

/* Who spoke, as read from the text near a quote. */
struct nb_quotes_speaker {
    int kind;      /* NB_QUOTES_SP_* */
    int gender;    /* 0 unknown, 1 male, 2 female (pronouns, honorifics) */
    size_t ns, ne; /* the name or noun phrase, offsets in the paragraph */
    size_t rs, re; /* the role; rs == re when none */
    int person;    /* a person's name rather than an organisation's */
    int verb;      /* a speech verb was seen */
    int part;      /* only a fragment verb (called, accused) */
    size_t pos;    /* where the attribution is */
    int inverted;  /* the verb came first, right after the quote ("...," said Berg) */
    int participle; /* the verb is a participle ("..., saying:"), its subject the clause's */
    int colon_only; /* no verb: the subject of a sentence ending in a colon ("Berg was blunt:") */
};

/* nb_quotes_name_token() of a token with a capital that the window does
 * not remember yet: it decides, and remembers. */
int nb_quotes_name_token_look_up(const struct nb_quotes_win *w, size_t k);

/* 1 when token k can be part of a name: "Ola" "G.K." "O'Brien"
 * "al-Assad", "Mr" (capitalised, and no sentence opener or weekday).
 * Inline: asked of every token the finder reads, most of them with no
 * capital or remembered. */
static inline int nb_quotes_name_token(const struct nb_quotes_win *w, size_t k)
{
    unsigned char b = (unsigned char)w->p[w->t[k].s];
    if (b < 0x80 && !nb_ascii_is_upper(b))
        return 0; /* no capital (most tokens): nothing to look up */
    unsigned char seen = w->memo.word[k];
    if (seen & 1)
        return (seen & 2) != 0;
    return nb_quotes_name_token_look_up(w, k);
}

/* 1 when token k is a contraction ("we're", "they'll", "I'd"), 2 when a
 * negative one ("haven't", "didn't"), 0 otherwise ("O'Brien", "Berg's"). */
int nb_quotes_contraction(const struct nb_quotes_win *w, size_t k);

/* 1 when token k is an adverb that may stand between a subject and its
 * verb: one of NB_QUOTES_VERB_ADVERBS, or a lower-case word in -ly not
 * after a determiner ("famously", not "the family"). */
int nb_quotes_adverb(const struct nb_quotes_win *w, size_t k);

/* The gender the first gendered word of tokens [from, to) tells
 * ("spokeswoman", "father"): 1 male, 2 female, 0 when none. */
int nb_quotes_role_gender(const struct nb_quotes_win *w, size_t from, size_t to);

/* 1 when token k is a nationality that can stand for a person named
 * before: "the Italian", "the Pole", "the Dane".  Organisations and places
 * ("the Vatican", "the Taliban") are not. */
int nb_quotes_demonym(const struct nb_quotes_win *w, size_t k);

/* Splits tokens [a, b) (a noun phrase) into name and role, as
 * nb_quotes_np_split_plain() does, but a person's name with an affiliation
 * after it ("Dr. Maren Holt of the Tromvik Centre") keeps the affiliation
 * as the role when there is no other.  Writes *sp only when it finds
 * something: clear it first. */
void nb_quotes_np_split(const struct nb_quotes_win *w, size_t a, size_t b,
                        struct nb_quotes_speaker *sp);

/* Splits tokens [a, b) into a pronoun, or a name (the run of name tokens
 * at the end, less honorifics and titles) with the words before it as the
 * role, or a noun phrase when no name ends it ("the minister", "a
 * spokesperson for Granite Coast").  A parenthetical at the end, (D-N.C.),
 * is dropped.  Writes *sp only when [a, b) holds a word: clear it first. */
void nb_quotes_np_split_plain(const struct nb_quotes_win *w, size_t a, size_t b,
                              struct nb_quotes_speaker *sp);

/* The first subject of tokens [lo, v), a pronoun or a name, for a
 * participle's clause ("Berg left, saying").  Writes *sp as
 * nb_quotes_np_split() does, only when it finds one. */
void nb_quotes_clause_subject(const struct nb_quotes_win *w, size_t lo, size_t v,
                              struct nb_quotes_speaker *sp);

/* The subject read backwards from token `verb`, no further back than token
 * lo: returns its first token, or `verb` when there is none.  Skips up to
 * three adverbs next to the verb ("Berg also said"); stops at stop words,
 * other verbs and after a pronoun or an article. */
size_t nb_quotes_np_back(const struct nb_quotes_win *w, size_t lo, size_t verb);

/* 1 when token k is "who", "which", "whose" or "that": a relative clause
 * starts here. */
int nb_quotes_relative_word(const struct nb_quotes_win *w, size_t k);

#endif
