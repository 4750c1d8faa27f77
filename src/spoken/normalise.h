/* normalise.h - written news text into the form a newsreader speaks.
 *
 * The rules depend on the language ("en-gb", "en-us", "en"...): each is a
 * static const table (spoken/lang.h, lang_en.c).  Text in a language
 * without rules is passed through with only whitespace clean-up.
 */
#ifndef NB_SPOKEN_NORMALISE_H
#define NB_SPOKEN_NORMALISE_H

#include "spoken/lexicon.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

/* Appends the spoken form of text[0..len) to out, as nb_normalise_ex()
 * with no lexicon and no explanation. */
nb_status nb_normalise(const char *text, size_t len, const char *language, struct nb_buf *out,
                       struct nb_error *err);

/* How to normalise: the language and an optional lexicon (borrowed; it
 * must outlive the calls; NULL for none). */
struct nb_normaliser {
    const char *language;
    const struct nb_lexicon *lexicon;
    int sports; /* the text belongs to a sports story (nb_normalise_sports()):
                   "2-0" is a score wherever it stands, in a quote too */
};

/* 1 when there are normalisation rules for `language` (NULL counts as
 * "en-gb"); 0 when its text would only have its whitespace cleaned. */
int nb_normalise_has_rules(const char *language);

/* 1 when text[0..len) holds one of the language's sports words ("match",
 * "goal", "league"...): a story in which a "2-0" is a score. */
int nb_normalise_sports(const char *text, size_t len, const char *language);

/* Appends the spoken form of text[0..len) to out.
 *
 * Every language: runs of whitespace (Unicode spaces included) become one
 * space, the ends are trimmed, zero-width spaces are dropped, lexicon
 * entries are applied (before any rule, so a producer can override every
 * rule).  With rules (English): numbers, money, percentages, units,
 * temperatures, times, dates, ranges, scores, fractions, ordinals, roman
 * numerals, phone numbers, URLs and e-mail addresses become words;
 * abbreviations and acronyms are expanded or spelled by context; emoji and
 * pictographs are dropped; dashes and ellipses become pauses (", ");
 * editorial brackets and markup-like tags are dropped and HTML entities
 * decoded, so the result never contains '<', '>', '[' or ']' that came
 * from the text (a "[[" in the output is always a lexicon phoneme entry)
 * and never an '&'.  One pass, linear in the text.
 *
 * explain (may be NULL) receives one line per change:
 *   "WRITTEN" -> "SPOKEN" (RULE)
 * where RULE names the rule ("money", "date", ...) or the lexicon entry
 * ("lexicon voices/lexicon-en.yaml:12").
 *
 * Errors: NB_EINPUT when text is not valid UTF-8 (the byte offset in the
 * message), NB_ENOMEM; on failure out and explain are left as they were. */
nb_status nb_normalise_ex(const char *text, size_t len, const struct nb_normaliser *n,
                          struct nb_buf *out, struct nb_buf *explain, struct nb_error *err);

#endif
