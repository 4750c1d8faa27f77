/* script.h - the bulletin as it will be read: a list of segments.
 *
 * Each segment has a kind, the story it belongs to (1-based, 0 for none),
 * the voice that reads it (a voice profile name), `text` as a person would
 * read it and `spoken`, exactly what goes to the synthesiser (the text after
 * normalisation).  The script owns all its strings.
 *
 * This header is the whole script API: it also brings in building the
 * bulletin from summaries (script_build.h) and the plain-text form
 * (script_text.h).
 */
#ifndef NB_SCRIPT_SCRIPT_H
#define NB_SCRIPT_SCRIPT_H

#include "script/script_build.h"
#include "script/script_text.h"
#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

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
    unsigned source; /* 1-based index of the input story (nb_script_input's
                        stories) it was built from; 0 for none, or when the
                        script was read from text */
    char *speaker;   /* a quote's speaker as the transcript names them ("Ola
                        Berg"); NULL for the newsreader's own segments */
};

struct nb_script {
    char *title;
    char *date; /* ISO 8601, "2026-11-28" */
    struct nb_segment *segments;
    size_t n;
    size_t alloc;
    char *lexicon;           /* the briefing's own lexicon file, to say the edited script
                                the same way; NULL for none */
    struct nb_strv left_out; /* what fitting to the slot left out, one line each
                                ("the story “...”", "2 of 4 sentences of “...”",
                                "the quote of Ola Berg in “...”"); empty when
                                nothing was */
};

/* "intro", "headlines", "story", "quote", "transition", "outro". */
const char *nb_segment_kind_name(enum nb_segment_kind kind);
/* 1 and *kind set when `name` is one of the names above, else 0. */
int nb_segment_kind_parse(const char *name, enum nb_segment_kind *kind);

void nb_script_init(struct nb_script *s);
void nb_script_release(struct nb_script *s);

/* Appends a segment (copies of the strings). `spoken` NULL means: the
 * normalised form of `text` for `language` (see normalise.h).
 * NB_EINPUT when `voice` is NULL, empty or not one word without brackets
 * (it could not be written in the plain-text form), when `text` is only
 * ASCII whitespace, or when it is not valid UTF-8; NB_ENOMEM.  On failure
 * `s` is unchanged. */
nb_status nb_script_add(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                        const char *voice, const char *text, const char *spoken,
                        const char *language, struct nb_error *err);

/* Names the speaker of segment i (a copy; NULL or "" for none): one line
 * without brackets or double quotes, which are replaced ("[" -> "(",
 * '"' -> "'").  NB_OK, or NB_ENOMEM (the segment is unchanged). */
nb_status nb_script_set_speaker(struct nb_script *s, size_t i, const char *speaker,
                                struct nb_error *err);

/* The same, normalising with `norm` (its language and lexicon; NULL:
 * English without a lexicon). */
struct nb_normaliser;
nb_status nb_script_add_ex(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                           const char *voice, const char *text, const char *spoken,
                           const struct nb_normaliser *norm, struct nb_error *err);

#endif
