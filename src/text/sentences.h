/* sentences.h - splitting body text into sentences.
 *
 * The splitter knows news English: titles and abbreviations (Mr. Dr. Prof.
 * Gen. Lt. Col. St. Inc. Corp. No. Jan. a.m. p.m. U.S. U.K. e.g. i.e.
 * approx.), decimals and money, initials (J.K. Rowling), ellipses, sentences
 * ending inside a closing quote or bracket, and a missing space after a full
 * stop ("before the vote.Then the count began").  Text must be library text
 * (valid UTF-8, see text/utf8.h).
 */
#ifndef NB_TEXT_SENTENCES_H
#define NB_TEXT_SENTENCES_H

#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

/* A sentence as a byte range [start, end) of the text given; leading and
 * trailing whitespace excluded. */
struct nb_span {
    size_t start;
    size_t end;
};

/* A growable list of spans; it owns `v`, which nb_spanv_release() frees. */
struct nb_spanv {
    struct nb_span *v;
    size_t n;
    size_t alloc;
};

void nb_spanv_init(struct nb_spanv *sv);
void nb_spanv_release(struct nb_spanv *sv);

/* Appends to `out` the span of every sentence of text[0..len), in order.
 * Blank lines (paragraph breaks) always end a sentence.  Returns NB_OK or
 * NB_ENOMEM.
 *
 * How the rest is decided (general rules; see sentences.c):
 *  - a single newline is a space, except that a line starting with a bullet
 *    (• ⁃ ▪ ...), "- " or a list marker (1. 2) (a) iv.) starts a sentence,
 *    and a paragraph of two or more lines none of which ends in punctuation
 *    (headings, an unpunctuated list) gives one sentence per line;
 *  - a quotation or bracket that opens and closes within the paragraph (and
 *    within 1000 bytes) is never split: a quote of several sentences stays
 *    with its attribution ("We won. It was close," she said.), and the
 *    sentence ends after the closing mark when what follows opens one
 *    ("...overdue." Then);
 *  - list items are split where the next marker of the same list appears
 *    ("1. Cut taxes 2. Build homes").
 * Text that is not valid UTF-8 is split without error; spans never cut a
 * valid multi-byte sequence.  NB_EINTERNAL when `out` is NULL, or `text` is
 * NULL with len > 0.  On failure `out` is left as it was. */
nb_status nb_sentences_spans(const char *text, size_t len, struct nb_spanv *out,
                             struct nb_error *err);

/* Appends to `out` each sentence of text[0..len) as its own string with
 * runs of whitespace (including newlines) collapsed to one space.  The
 * strings belong to `out`.  Same errors as nb_sentences_spans(); on failure
 * `out` is left as it was. */
nb_status nb_sentences_split(const char *text, size_t len, struct nb_strv *out,
                             struct nb_error *err);

/* 1 when word[0..len) (any case, with or without its final full stop) is
 * an abbreviation the splitter knows ("Mr", "approx.", "a.m"), else 0. */
int nb_sentences_abbreviation(const char *word, size_t len);

/* Appends text[0..len) to `out` with runs of whitespace (ASCII and Unicode
 * spaces such as U+00A0) collapsed to one ASCII space and the ends trimmed.
 * NB_OK, or NB_ENOMEM when out of memory or over out's cap (out then unchanged). */
nb_status nb_text_collapse_space(const char *text, size_t len, struct nb_buf *out);

/* 1 when s[0..len) ends as a sentence does: '.', '!', '?' or an ellipsis
 * (U+2026), looking past trailing whitespace and closing quotes, brackets
 * and emphasis marks (" ' ) ] * _ ’ ” »).  "He said \"Go.\"" -> 1,
 * "Home | News" -> 0. */
int nb_sentence_ends(const char *s, size_t len);

#endif
