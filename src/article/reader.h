/* reader.h - what every article reader shares (article/, and the readers
 * of web pages and feeds above it: html/, feed/).
 *
 * A reader (plaintext.c, markdown.c, html/html.c...) turns its input
 * into headline, byline, date and the raw body paragraphs (in order, line
 * breaks kept for the clean-up) and then calls nb_article_finish(), which
 * does everything that does not depend on the input format.
 */
#ifndef NB_ARTICLE_READER_H
#define NB_ARTICLE_READER_H

#include "article/article.h"
#include "text/buf.h"
#include "text/error.h"

/* Completes an article whose headline and raw paragraphs are set: takes
 * the page furniture off (cleanup.h), repairs broken paragraphs, collapses
 * whitespace and splits the body into sentences.  Quotes are the next
 * stage's (quotes/).  NB_EINPUT when no body sentence, or no sentence of
 * prose, remains. */
nb_status nb_article_finish(struct nb_article *a, struct nb_error *err);

/* The same without the text clean-up, for a body whose furniture the
 * page's structure already took off (html/: measured on real pages, the
 * line-based clean-up loses more of the story there than it finds). */
nb_status nb_article_finish_as_is(struct nb_article *a, struct nb_error *err);

/* Whether s[0..len) is a byline ("By Priya Natarajan and Tom Ellis") or a
 * publication stamp ("Published 27 November 2026", "Last modified on Tue 4
 * Feb 2025 09.12 GMT") that exports carry under the headline. */
int nb_article_is_byline(const char *s, size_t len);
int nb_article_is_date_stamp(const char *s, size_t len);

/* What every reader does first: initialises `a`, refuses what is not text
 * (nb_text_check(): binary data, UTF-16; NB_EINPUT naming `name`), imports
 * the bytes into `text` as clean UTF-8 (Windows-1252 when not UTF-8, with
 * a warning in a->warnings; controls and terminal escapes dropped) and
 * sets a->source to `name` (when not NULL).  `file` (NULL: data itself)
 * is the file's bytes as read when `data` was made from them (a page's
 * markup without its scripts): the warning says where the first byte
 * that is not UTF-8 is in it.  On failure `a` is left released and
 * `text` as it was. */
nb_status nb_article_import(struct nb_article *a, const char *data, size_t len, const char *file,
                            size_t file_len, const char *name, struct nb_buf *text,
                            struct nb_error *err);

#endif
