/* numbers.h - numbers as words, driven by one language's word table.
 *
 * Every function appends words separated by single spaces to `out` (with a
 * space before the first unless out is empty or ends with one) and
 * returns NB_OK, or NB_ENOMEM when out of memory or over out's cap (out is then
 * truncated back to where it was).  Digits are given as text ("1234"),
 * without separators, so that numbers of any length can be read; a number
 * longer than the largest scale the table knows is read digit by digit.
 */
#ifndef NB_SPOKEN_NUMBERS_H
#define NB_SPOKEN_NUMBERS_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

/* A suffix rewrite on the last word: "twenty" + {"y", "ieth"} = "twentieth". */
struct nb_word_pair {
    const char *from;
    const char *to;
};

#define NB_NUMBERS_SCALES 7 /* "", thousand, million ... quintillion */

/* The number words of one language (a static const table per language). */
struct nb_number_words {
    const char *ones[20]; /* zero .. nineteen */
    const char *tens[10]; /* "", "", twenty .. ninety */
    const char *hundred;
    const char *scales[NB_NUMBERS_SCALES]; /* 10^0 (""), 10^3, 10^6 ... 10^18 */
    const char *and_word;                  /* "and" */
    int british_and;                       /* "one hundred and five", "two thousand and six" */
    const char *minus;
    const char *point;
    const char *oh; /* the zero of "nineteen oh six" */
    const struct nb_word_pair *ordinal_whole; /* whole last words: one -> first */
    size_t nordinal_whole;
    const struct nb_word_pair *ordinal_suffix; /* endings: y -> ieth */
    size_t nordinal_suffix;
    const char *ordinal_default; /* "th" */
    const struct nb_word_pair *plural_suffix; /* endings: y -> ies, x -> xes */
    size_t nplural_suffix;
    const char *plural_default; /* "s" */
};

/* digits[0..n) (ASCII digits, leading zeros allowed) as a cardinal:
 * "1987" -> "one thousand nine hundred and eighty seven" (en-gb). */
nb_status nb_numbers_cardinal(const struct nb_number_words *w, const char *digits, size_t n,
                              struct nb_buf *out);
/* The same for a value. */
nb_status nb_numbers_cardinal_u(const struct nb_number_words *w, unsigned long long v,
                                struct nb_buf *out);
/* "21" -> "twenty first". */
nb_status nb_numbers_ordinal(const struct nb_number_words *w, const char *digits, size_t n,
                             struct nb_buf *out);
/* Each digit: "004" -> "zero zero four". */
nb_status nb_numbers_digits(const struct nb_number_words *w, const char *digits, size_t n,
                            struct nb_buf *out);
/* "2" "05" -> "two point zero five"; an empty integer part reads "point
 * five"; frac may be empty (then no "point"). */
nb_status nb_numbers_decimal(const struct nb_number_words *w, const char *ip, size_t ni,
                             const char *frac, size_t nf, struct nb_buf *out);
/* A year as said in news: 1987 "nineteen eighty seven", 1906 "nineteen oh
 * six", 1900 "nineteen hundred", 2006 "two thousand (and) six", 2024
 * "twenty twenty four", 410 "four ten", 44 "forty four".  From 10000 on,
 * a cardinal. */
nb_status nb_numbers_year(const struct nb_number_words *w, unsigned v, struct nb_buf *out);

/* Rewrites the last word of out (from byte `from`) into its ordinal or its
 * plural ("eighty" -> "eighties").  NB_OK or NB_ENOMEM. */
nb_status nb_numbers_last_ordinal(const struct nb_number_words *w, struct nb_buf *out, size_t from);
nb_status nb_numbers_last_plural(const struct nb_number_words *w, struct nb_buf *out, size_t from);

#endif
