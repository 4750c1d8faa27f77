/* script_build.h - the bulletin built from summaries (script_build.c):
 * intro, headlines, a transition before each story, the story's lead and
 * its quotes with their attribution, recap and outro.
 *
 * Included by script.h, which defines struct nb_script and the functions
 * that make and free one: include that.
 */
#ifndef NB_SCRIPT_SCRIPT_BUILD_H
#define NB_SCRIPT_SCRIPT_BUILD_H

#include "script/speaker_voices.h"
#include "summary/summary.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>

struct nb_script;
struct nb_transition_bank;
struct nb_lexicon;

struct nb_script_input {
    const char *title;
    int year, month, day; /* the bulletin's date */
    int has_time;         /* 1 when hour:minute is the time it goes out */
    int hour, minute;
    const char *voice;                 /* voice profile name for every segment */
    const char *quote_voice;           /* voice for the quotes; NULL = `voice` */
    struct nb_voice_pool quote_voices; /* a voice per person quoted, from these
                                          (speaker_voices.h); empty: every
                                          quote in quote_voice */
    const char *language;              /* e.g. "en-gb"; decides normalisation and
                                          the date's wording; NULL = English */
    const struct nb_lexicon *lexicon;  /* pronunciations for the spoken form;
                                          NULL = none */
    const char *lexicon_path;          /* the briefing's own lexicon file, kept
                                          in s->lexicon; NULL = none */
    const struct nb_summary *stories;  /* in bulletin order */
    size_t nstories;
    const struct nb_transition_bank *transitions; /* required */
    int headlines;                                /* a headlines segment after the intro */
    int recap;                                    /* the headlines again before the outro */
    const char *intro, *outro;                    /* templates (see transitions.h); NULL =
                                                     the built-in wording */
};

/* Stories whose leads are at least this alike (nb_summary_similarity) are
 * one story told twice: only the first is read. */
#define NB_SCRIPT_DUPLICATE 0.5

/* The recap reads the headlines of this many stories, the first ones: a
 * reminder of the main news, not the list again. */
#define NB_SCRIPT_RECAP_STORIES 2

/* "Good morning" (04:00-11:59), "Good afternoon" (12:00-17:59), "Good
 * evening" (otherwise) or, without a time, "Hello". */
const char *nb_script_greeting(int has_time, int hour);
/* "morning", "afternoon", "evening", or "day" without a time. */
const char *nb_script_time_of_day(int has_time, int hour);

/* Marks in keep[i] (nstories entries) the stories that are read: 0 for one
 * whose lead is empty or a near-duplicate of an earlier story's; *nread
 * says how many are read.  Errors: NB_EINPUT ("no story to read: every
 * article's lead is empty") when none is; NB_EINTERNAL when a summary is
 * broken (a lead index past its article's sentences); NB_ENOMEM. */
nb_status nb_script_stories_read(const struct nb_script_input *in, unsigned char *keep,
                                 size_t *nread, struct nb_error *err);

/* The quote as a newsreader frames it, for a summary's quote `q`:
 * before it, "Norway's foreign minister, Ola Berg, said:" (role first;
 * "Ola Berg, a local farmer, said:" when the role starts with "a"/"an";
 * "Ola Berg said:" without a role); for a speaker that is a pronoun, after
 * it: "..., he said."  With `split` (a second voice reads the quote) the
 * attribution goes to *lead_in (always before: "He said:") and the quote's
 * words alone to *quote; without, *lead_in is left empty and *quote holds
 * the whole.  Quote marks are “ ”.  NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_script_quote_text(const struct nb_quote *q, int split, struct nb_buf *lead_in,
                               struct nb_buf *quote);

/* Builds the bulletin: an intro (greeting fitted to the time of day, the
 * title and the date spoken naturally: "Saturday the 28th of November"),
 * optionally the headlines ("First, the headlines." and each story's
 * headline as a sentence), then for each story a transition (varied,
 * never the same twice in a row, chosen deterministically from title and
 * date; fitted to the position: first, middle, last) that introduces it by
 * its headline only when the headlines were not read (else a connective
 * alone, "Elsewhere in the news.": each headline is said once), the
 * story's lead and its quotes, framed and attributed (in quote_voice when
 * given, or in the voice of its speaker from quote_voices; a quote whose
 * words a lead sentence already holds is not read again), then optionally the recap ("Once again,
 * the main stories." and the first NB_SCRIPT_RECAP_STORIES headlines) and an outro.  `s` must be
 * freshly initialised.
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

#endif
