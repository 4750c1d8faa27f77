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

#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

/* A sentence as a byte range [start, end) of the text given; leading and
 * trailing whitespace excluded. */
struct nb_span {
    size_t start;
    size_t end;
};

struct nb_spanv {
    struct nb_span *v;
    size_t n;
    size_t alloc;
};

void nb_spanv_init(struct nb_spanv *sv);
void nb_spanv_release(struct nb_spanv *sv);

/* Appends to `out` the span of every sentence of text[0..len), in order.
 * Blank lines (paragraph breaks) always end a sentence.  Returns NB_OK or
 * NB_ENOMEM. */
nb_status nb_sentences_spans(const char *text, size_t len, struct nb_spanv *out,
                             struct nb_error *err);

/* Appends to `out` each sentence of text[0..len) as its own string with
 * runs of whitespace (including newlines) collapsed to one space. */
nb_status nb_sentences_split(const char *text, size_t len, struct nb_strv *out,
                             struct nb_error *err);

/* Appends text[0..len) to `out` with runs of whitespace collapsed to one
 * ASCII space and the ends trimmed.  0, or -1 when out of memory. */
int nb_text_collapse_space(const char *text, size_t len, struct nb_buf *out);

#endif
