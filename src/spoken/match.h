/* match.h - what the normaliser's matchers share (internal to
 * src/spoken: normalise.c, quantities.c, words.c).
 *
 * A matcher looks at the text from byte i, the start of a token, and when
 * it recognises something it appends the spoken form to c->say, names
 * itself in c->rule (for --explain) and returns the bytes it read; 0 means
 * "not mine".  When an append fails it records NB_ENOMEM in c->status
 * (nb_norm_fail()) and returns 0; the engine checks c->status after every
 * matcher, so a count is never also an error code.
 */
#ifndef NB_SPOKEN_MATCH_H
#define NB_SPOKEN_MATCH_H

#include "spoken/lang.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

/* Abbreviation tables up to this long are indexed by their first byte. */
#define NB_NORM_ABBREVS_INDEXED 255

struct nb_norm_ctx {
    const struct nb_norm_lang *lang;
    const char *text;
    size_t len;
    struct nb_buf *say; /* the spoken form of the current match */
    const char *rule;   /* which rule matched */
    int shouting;       /* the text has no lower-case letters: a headline */
    int sports;         /* a sports story's text: scores are scores */
    nb_status status;   /* NB_OK, or NB_ENOMEM once an append failed: the
                           match is void and the normaliser fails */
    /* The language's abbreviations by first byte, in table order (set by
     * nb_norm_abbrev_index()): abbrev_first[b] is 1 + the first entry
     * starting with byte b, abbrev_next[k] 1 + the next one after entry k;
     * 0 ends.  abbrev_indexed 0: the table is too long, read it all. */
    int abbrev_indexed;
    unsigned char abbrev_first[256];
    unsigned char abbrev_next[NB_NORM_ABBREVS_INDEXED];
};

/* Fills c's abbreviation index from c->lang. */
void nb_norm_abbrev_index(struct nb_norm_ctx *c);

/* The words and number words of the matcher's language. */
#define WORDS(c) ((c)->lang->words)
#define NUMS(c) ((c)->lang->numbers)

/* Records that an append failed and returns 0: `return nb_norm_fail(c);`. */
static inline size_t nb_norm_fail(struct nb_norm_ctx *c)
{
    c->status = NB_ENOMEM;
    return 0;
}

typedef size_t (*nb_norm_matcher)(struct nb_norm_ctx *c, size_t i);

/* A number as written: "1,234.50" -> int "1234", frac "50". */
struct nb_norm_num {
    char digits[64]; /* integer digits then fraction digits */
    size_t nint, nfrac;
    int has_point; /* a '.' was read (maybe with no integer part: ".5") */
    int grouped;   /* thousands separators were used */
    size_t end;    /* byte after the number */
};

/* Reads a number at text[i]: digits with optional valid comma groups,
 * optional '.' and digits.  Returns the bytes read (0: none). */
size_t nb_norm_number_at(const char *text, size_t len, size_t i, struct nb_norm_num *n);
/* The integer value of the integer part (saturates at ULLONG_MAX). */
unsigned long long nb_norm_num_value(const struct nb_norm_num *n);

/* Appends one word (or several) after a space.  NB_OK or NB_ENOMEM. */
nb_status nb_norm_say(struct nb_norm_ctx *c, const char *words);
nb_status nb_norm_say_n(struct nb_norm_ctx *c, const char *words, size_t len);

/* Length of the run of ASCII letters at text[i]. */
size_t nb_norm_letters(const char *text, size_t len, size_t i);
/* 1 when text[j] ends a token: end, space or punctuation (not a letter or
 * digit, ASCII or not). */
int nb_norm_token_end(const char *text, size_t len, size_t j);
/* The word after text[j] past spaces: *ws and the length of its letters
 * (0 when none). */
size_t nb_norm_next_word(const char *text, size_t len, size_t j, size_t *ws);
/* The word before text[i] past spaces (letters, digits, apostrophes): its
 * start in *ws and its length (0 when none). */
size_t nb_norm_prev_word(const char *text, size_t i, size_t *ws);
/* 1 when a capital letter (text/chars.h: Lu or Lt, any script) starts
 * text[i]. */
int nb_norm_capital_at(const char *text, size_t len, size_t i);
/* ASCII case-insensitive prefix test: text[i..) starts with `s`. */
int nb_norm_starts_ci(const char *text, size_t len, size_t i, const char *s);

/* The matchers, in quantities.c (month dates and eras in dates_times.c)
 * and words.c. */
size_t nb_norm_match_quantity(struct nb_norm_ctx *c, size_t i);   /* numbers, money, dates... */
size_t nb_norm_match_month_date(struct nb_norm_ctx *c, size_t i); /* "March 3, 2025" */
size_t nb_norm_match_era(struct nb_norm_ctx *c, size_t i);        /* "AD 79" */
size_t nb_norm_match_phone(struct nb_norm_ctx *c, size_t i);
size_t nb_norm_match_web(struct nb_norm_ctx *c, size_t i); /* URLs, e-mail */
size_t nb_norm_match_abbrev(struct nb_norm_ctx *c, size_t i);
size_t nb_norm_match_roman(struct nb_norm_ctx *c, size_t i);
size_t nb_norm_match_acronym(struct nb_norm_ctx *c, size_t i);

#endif
