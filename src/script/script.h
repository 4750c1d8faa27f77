/* script.h - the bulletin as it will be read: a list of segments.
 *
 * Each segment has a kind, the story it belongs to (1-based, 0 for none),
 * the voice that reads it (a voice profile name), `text` as a person would
 * read it and `spoken`, exactly what goes to the synthesiser (the text after
 * normalisation).  The script owns all its strings.
 */
#ifndef NB_SCRIPT_SCRIPT_H
#define NB_SCRIPT_SCRIPT_H

#include "summary/summary.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

enum nb_segment_kind {
    NB_SEG_INTRO,
    NB_SEG_HEADLINES,
    NB_SEG_STORY,
    NB_SEG_QUOTE,
    NB_SEG_TRANSITION,
    NB_SEG_OUTRO
};

struct nb_segment {
    enum nb_segment_kind kind;
    unsigned story; /* 1-based story number; 0 when the segment belongs to none */
    char *voice;
    char *text;
    char *spoken;
};

struct nb_script {
    char *title;
    char *date; /* ISO 8601, "2026-11-28" */
    struct nb_segment *segments;
    size_t n;
    size_t alloc;
    char *lexicon; /* the briefing's own lexicon file, to say the edited script
                      the same way; NULL for none */
};

/* "intro", "headlines", "story", "quote", "transition", "outro". */
const char *nb_segment_kind_name(enum nb_segment_kind kind);
/* 0 and *kind set when `name` is one of the names above, else -1. */
int nb_segment_kind_parse(const char *name, enum nb_segment_kind *kind);

void nb_script_init(struct nb_script *s);
void nb_script_release(struct nb_script *s);

/* Appends a segment (copies of the strings). `spoken` NULL means: the
 * normalised form of `text` for `language` (see normalise.h).
 * NB_EINPUT when `voice` is NULL, empty or not one word without brackets
 * (it could not be written in the plain-text form), when `text` has no
 * words, or when it is not valid UTF-8; NB_ENOMEM.  On failure `s` is
 * unchanged. */
nb_status nb_script_add(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                        const char *voice, const char *text, const char *spoken,
                        const char *language, struct nb_error *err);

/* The same, normalising with `norm` (its language and lexicon; NULL:
 * English without a lexicon). */
struct nb_normaliser;
nb_status nb_script_add_ex(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                           const char *voice, const char *text, const char *spoken,
                           const struct nb_normaliser *norm, struct nb_error *err);

struct nb_transition_bank;
struct nb_lexicon;

struct nb_script_input {
    const char *title;
    int year, month, day;             /* the bulletin's date */
    int has_time;                     /* 1 when hour:minute is the time it goes out */
    int hour, minute;
    const char *voice;                /* voice profile name for every segment */
    const char *quote_voice;          /* voice for the quotes; NULL = `voice` */
    const char *language;             /* e.g. "en-gb"; decides normalisation and
                                         the date's wording; NULL = English */
    const struct nb_lexicon *lexicon; /* pronunciations for the spoken form;
                                         NULL = none */
    const char *lexicon_path;         /* the briefing's own lexicon file, kept
                                         in s->lexicon; NULL = none */
    const struct nb_summary *stories; /* in bulletin order */
    size_t nstories;
    const struct nb_transition_bank *transitions; /* required */
    int headlines;                    /* a headlines segment after the intro */
    int recap;                        /* the headlines again before the outro */
    const char *intro, *outro;        /* templates (see transitions.h); NULL =
                                         the built-in wording */
};

/* Stories whose leads are at least this alike (nb_summary_similarity) are
 * one story told twice: only the first is read. */
#define NB_SCRIPT_DUPLICATE 0.5

/* "Good morning" (04:00-11:59), "Good afternoon" (12:00-17:59), "Good
 * evening" (otherwise) or, without a time, "Hello". */
const char *nb_script_greeting(int has_time, int hour);
/* "morning", "afternoon", "evening", or "day" without a time. */
const char *nb_script_time_of_day(int has_time, int hour);

/* Marks in keep[i] (nstories entries) the stories that are read: 0 for one
 * whose lead is empty or a near-duplicate of an earlier story's.  Returns
 * how many are read; -1 when a summary is broken (a lead index past its
 * article's sentences). */
long nb_script_stories_read(const struct nb_script_input *in, unsigned char *keep);

/* The quote as a newsreader frames it, for a summary's quote `q`:
 * before it, "Norway's foreign minister, Ola Berg, said:" (role first;
 * "Ola Berg, a local farmer, said:" when the role starts with "a"/"an";
 * "Ola Berg said:" without a role); for a speaker that is a pronoun, after
 * it: "..., he said."  With `split` (a second voice reads the quote) the
 * attribution goes to *lead_in (always before: "He said:") and the quote's
 * words alone to *quote; without, *lead_in is left empty and *quote holds
 * the whole.  Quote marks are “ ”.  0, or -1 when out of memory. */
int nb_script_quote_text(const struct nb_quote *q, int split, struct nb_buf *lead_in,
                         struct nb_buf *quote);

/* Builds the bulletin: an intro (greeting fitted to the time of day, the
 * title and the date spoken naturally: "Saturday the 28th of November"),
 * optionally the headlines ("First, the headlines." and each story's
 * headline as a sentence), then for each story a transition that
 * introduces it by its headline (varied, never the same twice in a row,
 * chosen deterministically from title and date; fitted to the position:
 * first, middle, last), the story's lead and its quotes, framed and
 * attributed (in quote_voice when given), then optionally the recap
 * ("Once again, the headlines. ...") and an outro.  `s` must be freshly
 * initialised.
 *
 * Wording: intro "Good morning. This is the Morning Briefing for Saturday
 * the 28th of November." ("Hello." without a time; no "the" added before a
 * title starting with The, A, An, Your, Our, My or This; "Here is the news
 * for ..." without a title); outro "That's the Morning Briefing for
 * Saturday the 28th of November. Thanks for listening."; in->intro and
 * in->outro replace them.  A story whose lead is empty, or which repeats an
 * earlier one (see NB_SCRIPT_DUPLICATE), is skipped; stories are numbered
 * 1, 2, 3... in the order they are read, so skipped ones leave no gap.
 * s->title is the title with whitespace collapsed (NULL without one),
 * s->date "YYYY-MM-DD".
 *
 * Errors: NB_EINPUT for a date that does not exist, a time out of range, a
 * bad voice name (see nb_script_add) or no story with anything to read;
 * NB_EINTERNAL for a summary whose lead indexes past its article's
 * sentences, or no transition bank (or one with an empty set); NB_ENOMEM.
 * On failure `s` is left released (empty). */
nb_status nb_script_build(struct nb_script *s, const struct nb_script_input *in,
                          struct nb_error *err);

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
 * Appends to out; 0, or -1 when out of memory (out unchanged). */
int nb_script_write_text(const struct nb_script *s, struct nb_buf *out);

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
 * s->date and s->lexicon (NULL when absent; the path as written).  The "# newsbrief script" line is not required here.  A
 * line is a mark when, trimmed, it starts with '[' and ends with ']'; a
 * text line starting with "\[", "\#" or "\\" stands for the character.
 *
 * NB_EINPUT (line and column in characters, 1-based) for: not UTF-8, a
 * control character, text before the first mark, an unknown kind, an
 * unknown or repeated attribute, story= not a number from 1, an empty or
 * missing voice=, a mark with no text under it, a bad date, and a script
 * with no segments at all.  `name` (may be NULL) is the file named in the
 * error.  `s` must be freshly initialised; on failure it is left released
 * (empty). */
nb_status nb_script_parse_text(struct nb_script *s, const char *text, size_t len,
                               const char *name, const char *language, struct nb_error *err);

#endif
