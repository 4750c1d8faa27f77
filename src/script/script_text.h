/* script_text.h - the plain-text form of a script (script_text.c).
 *
 * Included by script.h, which defines struct nb_script and the functions
 * that make and free one: include that.
 */
#ifndef NB_SCRIPT_SCRIPT_TEXT_H
#define NB_SCRIPT_SCRIPT_TEXT_H

#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

struct nb_script;

/* Plain-text form a producer can edit:
 *
 *   # newsbrief script
 *   # title: Morning Briefing
 *   # date: 2026-11-28
 *   # lexicon: /home/news/briefings/names.yaml
 *
 *   [intro voice=anchor]
 *   Hello. This is the Morning Briefing for Saturday the 28th of November.
 *
 *   [transition story=1 voice=anchor]
 *   First, ...
 *
 * One segment per paragraph, each under its [kind story=N voice=NAME] mark
 * (story= left out when the segment belongs to no story).  The writer puts
 * each segment's text on one line, whitespace collapsed; a text starting
 * with '[' or '#' (or with '\' before one of "[#\") gets a '\' in front,
 * so that it cannot be read as a mark or a comment.  The title, date and
 * lexicon lines are left out when the script has none.
 *
 * Appends to out; NB_OK, or NB_ENOMEM when out of memory (out unchanged). */
nb_status nb_script_write_text(const struct nb_script *s, struct nb_buf *out);

/* 1 when text starts with the "# newsbrief script" line. */
int nb_script_is_text(const char *text, size_t len);

/* Parses the plain-text form back (the spoken form is recomputed from the
 * edited text for `language`).  Errors are NB_EINPUT at name:line:column.
 *
 * Made for files a producer has edited: CRLF or LF, a UTF-8 byte order
 * mark, blank lines anywhere, a segment's text over several lines (joined
 * with single spaces, whitespace collapsed), marks with extra spaces.
 * Lines starting with '#' are comments; before the first mark,
 * "# title: ...", "# date: YYYY-MM-DD" and "# lexicon: PATH" set s->title,
 * s->date and s->lexicon (NULL when absent; the path as written).  The "# newsbrief script" line is
 * not required here.  A line is a mark when, trimmed, it starts with '[' and ends with ']'; a text
 * line starting with "\[", "\#" or "\\" stands for the character.
 *
 * NB_EINPUT (line and column in characters, 1-based) for: not UTF-8, a
 * control character, text before the first mark, a line starting with '['
 * that has no ']' (a mark not closed), an unknown kind, an unknown or
 * repeated attribute, story= not a number from 1, an empty or missing
 * voice=, a voice= that is a path ("../x", "my.yaml": a profile name or an
 * eSpeak NG voice only), a mark with no text under it, a bad date, and a
 * script with no segments at all.  `name` (may be NULL) is the file named in the
 * error.  `s` must be freshly initialised; on failure it is left released
 * (empty). */
nb_status nb_script_parse_text(struct nb_script *s, const char *text, size_t len, const char *name,
                               const char *language, struct nb_error *err);

/* Where the value of the header line "# KEY: value" (key "lexicon",
 * "title" or "date") is, as nb_script_parse_text() reads it: 1 with
 * *line and *column (1-based, in characters) when the text has that line
 * before its first mark, else 0.  For errors about the value that only a
 * later stage finds (a lexicon file that does not exist). */
int nb_script_text_header_mark(const char *text, size_t len, const char *key, unsigned *line,
                               unsigned *column);

#endif
