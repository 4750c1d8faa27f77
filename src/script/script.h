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
};

/* "intro", "headlines", "story", "quote", "transition", "outro". */
const char *nb_segment_kind_name(enum nb_segment_kind kind);
/* 0 and *kind set when `name` is one of the names above, else -1. */
int nb_segment_kind_parse(const char *name, enum nb_segment_kind *kind);

void nb_script_init(struct nb_script *s);
void nb_script_release(struct nb_script *s);

/* Appends a segment (copies of the strings). `spoken` NULL means: the
 * normalised form of `text` for `language` (see normalise.h). */
nb_status nb_script_add(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                        const char *voice, const char *text, const char *spoken,
                        const char *language, struct nb_error *err);

struct nb_script_input {
    const char *title;
    int year, month, day;             /* the bulletin's date */
    const char *voice;                /* voice profile name for every segment */
    const char *language;             /* e.g. "en-gb"; decides normalisation */
    const struct nb_summary *stories; /* in bulletin order */
    size_t nstories;
};

/* Builds the bulletin: an intro naming the title and the date spoken
 * naturally ("Saturday the 28th of November"), then for each story a
 * transition that introduces it by its headline (varied, never the same
 * twice in a row, chosen deterministically from title and date) and the
 * story's lead, then an outro.  `s` must be freshly initialised. */
nb_status nb_script_build(struct nb_script *s, const struct nb_script_input *in,
                          struct nb_error *err);

/* Plain-text form a producer can edit:
 *
 *   # newsbrief script
 *   # title: Morning Briefing
 *   # date: 2026-11-28
 *
 *   [intro voice=anchor]
 *   Good morning. This is Morning Briefing ...
 *
 *   [transition story=1 voice=anchor]
 *   First, ...
 *
 * One segment per paragraph, each under its [kind story=N voice=NAME] mark. */
int nb_script_write_text(const struct nb_script *s, struct nb_buf *out);

/* 1 when text starts with the "# newsbrief script" line. */
int nb_script_is_text(const char *text, size_t len);

/* Parses the plain-text form back (the spoken form is recomputed from the
 * edited text for `language`).  Errors are NB_EINPUT at name:line:column. */
nb_status nb_script_parse_text(struct nb_script *s, const char *text, size_t len,
                               const char *name, const char *language, struct nb_error *err);

#endif
