/* wordlists.h - the quote finder's word lists and how to look words up in
 * them (the data is in wordlists.c; marks.c asks for elisions, the other
 * files of src/quotes/ ask through tokens.h, and script/quotation.c asks
 * for verbs of saying).
 *
 * A word is s[0..len), any case; the lists hold lower-case ASCII words, so
 * only ASCII letters are folded.  The tables are static const: nothing
 * here allocates, fails or keeps state.
 */
#ifndef NB_QUOTES_WORDLISTS_H
#define NB_QUOTES_WORDLISTS_H

#include "text/chars.h"

#include <stddef.h>
#include <stdint.h>

enum nb_quotes_list {
    NB_QUOTES_ELISIONS,        /* 'n' 'em 'til: words an apostrophe cut short */
    NB_QUOTES_NP_STOPS,        /* words that end a noun phrase read backwards */
    NB_QUOTES_VERB_ADVERBS,    /* between a subject and its verb: "Berg also said" */
    NB_QUOTES_POSSESSIVES,     /* my his her their our its your */
    NB_QUOTES_PRONOUNS_M,      /* he */
    NB_QUOTES_PRONOUNS_F,      /* she */
    NB_QUOTES_PRONOUNS_OTHER,  /* they it i we you who */
    NB_QUOTES_TITLES,          /* before a name, kept as the role: "Senator" */
    NB_QUOTES_ORG_WORDS,       /* make a capitalised run an organisation or place */
    NB_QUOTES_CAP_STOPS,       /* capitalised but no names: sentence openers, days */
    NB_QUOTES_FEMALE_WORDS,    /* tell a woman: "spokeswoman", "mother" */
    NB_QUOTES_MALE_WORDS,      /* tell a man: "spokesman", "father" */
    NB_QUOTES_ROLE_NOUNS,      /* what a person is or does: "boss", "economist" */
    NB_QUOTES_NAME_PARTICLES,  /* inside names: "de", "van", "bin" */
    NB_QUOTES_ORG_JOINERS,     /* inside organisations' names: "of", "&" */
    NB_QUOTES_ROLE_PREPS,      /* before the object of a role: "a spokesperson for" */
    NB_QUOTES_SUBJECT_PREPS,   /* inside a subject: "Mr. Morgan of the Sierra Club" */
    NB_QUOTES_DEMONYMS,        /* "the Pole", "the Dane" (not told by their ending) */
    NB_QUOTES_NOT_PEOPLE,      /* end like a nationality, no people: "Vatican" */
    NB_QUOTES_PLACE_PARTS,     /* open names of places, not after a capital: "New" */
    NB_QUOTES_EVENT_WORDS,     /* end events' names, no speakers: "Symposium" */
    NB_QUOTES_LY_NOUNS,        /* end in -ly, no adverbs: "family" */
    NB_QUOTES_SUBORDINATORS,   /* open a clause that frames no quote: "after" */
    NB_QUOTES_OPENERS,         /* open an adverbial before the subject: "in", "later" */
    NB_QUOTES_TITLE_MODIFIERS, /* before a capitalised title: "former", "state" */
    NB_QUOTES_ORG_NOUNS,       /* say what an organisation is: "a security firm" */
};

/* 1 when s[0..len) is `word` (lower case) but for the case of ASCII
 * letters, else 0. */
int nb_quotes_word_is(const char *s, size_t len, const char *word);

/* 1 when s[0..len) is a word of `list`, else 0 (also for a list that does
 * not exist). */
int nb_quotes_word_in(enum nb_quotes_list list, const char *s, size_t len);

/* Every list s[0..len) is a word of (nb_quotes_word_in), as bits
 * 1 << enum nb_quotes_list, and its nb_quotes_verb_flags() in *verb when
 * verb is not NULL.  One search: for a reader that asks the same word of
 * many lists. */
uint32_t nb_quotes_word_lists(const char *s, size_t len, int *verb);

/* 1 when s[0..len) is an honorific (Mr, Mrs., Dame, Dr, Prof...), and then
 * its gender in *gender when gender is not NULL: 0 unknown, 1 male, 2
 * female.  0 otherwise, *gender untouched. */
int nb_quotes_honorific(const char *s, size_t len, int *gender);

/* 0 when s[0..len) is no honorific by its length and first two letters
 * alone (every honorific is two to nine bytes and starts with m, s, l, d
 * or p, then one of a few second letters, any case; a test holds every
 * honorific to this), else 1: nb_quotes_honorific() asks it first.
 * Inline, for a reader that asks every token: many lower-case words start
 * with those letters ("said", "more"), few go on like an honorific. */
static inline int nb_quotes_honorific_may_be(const char *s, size_t len)
{
    if (len < 2 || len > 9)
        return 0;
    int second = nb_ascii_lower((unsigned char)s[1]);
    switch (nb_ascii_lower((unsigned char)s[0])) {
    case 'm': /* Mr Mrs Ms Miss Mister M. Mme */
        return second == 'r' || second == 's' || second == 'i' || second == '.' || second == 'm';
    case 's': /* Sir */
        return second == 'i';
    case 'l': /* Lord Lady */
        return second == 'o' || second == 'a';
    case 'd': /* Dr Dame */
        return second == 'r' || second == 'a';
    case 'p': /* Prof Professor */
        return second == 'r';
    default:
        return 0;
    }
}

/* What a verb of saying does, as flags. */
enum {
    NB_QUOTES_V_INV = 1,  /* may come before its subject after a quote: "...," said Berg */
    NB_QUOTES_V_PART = 2, /* frames a fragment, not a sentence: called the plan "overdue" */
    NB_QUOTES_V_ING = 4,  /* a participle, its subject the clause's: "..., adding: " */
    NB_QUOTES_V_NOUN = 8, /* also a plural noun ("a flurry of tweets"): trusted only
                           * after a name or a pronoun */
    NB_QUOTES_V_SPEECH = 0x100, /* set for every verb of saying, flags or none */
};

/* 0 when s[0..len) is no verb of saying (it must be 3 to 15 ASCII letters,
 * any case), else NB_QUOTES_V_SPEECH | its NB_QUOTES_V_* flags. */
int nb_quotes_verb_flags(const char *s, size_t len);

/* 0 when every list is in strcmp order with no word twice and no capital
 * letter, else 1 + the enum nb_quotes_list of the first that is not. */
size_t nb_quotes_list_unsorted(void);

/* NULL when the merged table the lookups search (wordlists.c) holds every
 * word of the lists, of the verbs of saying and of the names of months and
 * days, no other, each with the lists it is in and its verb flags, in the
 * order its search relies on, and every honorific passes
 * nb_quotes_honorific_may_be(); else the first word where it does not, as
 * a static string. */
const char *nb_quotes_table_disagrees(void);

#endif
