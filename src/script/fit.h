/* fit.h - fitting the bulletin to its slot ("duration: 3m").
 *
 * The script builder cannot know how long speech lasts: the caller gives a
 * measure callback that speaks a candidate script (bulletin/script_audio.h does it
 * with eSpeak NG; tests give a fake synthesiser).  Fitting chooses how
 * many stories are read and how many lead sentences and quotes each gets,
 * measures the candidate, corrects and tries again, so that the audio
 * actually produced is within the tolerance of the target.
 */
#ifndef NB_SCRIPT_FIT_H
#define NB_SCRIPT_FIT_H

#include "script/script.h"
#include "text/error.h"

/* Speaks candidate `s`: seconds[i] (s->n entries) the time from the start
 * of segment i to the start of the next (its speech and the pause after
 * it), *total the length of the whole audio.  With `limit` > 0 the
 * measure may stop once the audio reaches `limit` seconds: *measured says
 * how many segments from the first were measured (seconds[] holds those),
 * *total the length of those; with limit 0, or when the whole script is
 * shorter, *measured is s->n. */
typedef nb_status (*nb_script_measure_fn)(void *ctx, const struct nb_script *s, double limit,
                                          double *seconds, size_t *measured, double *total,
                                          struct nb_error *err);

struct nb_script_fit {
    double target;    /* seconds wanted (> 0) */
    double tolerance; /* e.g. 0.05 for +-5% */
    /* results */
    double seconds;                    /* measured length of the script chosen */
    int short_of_material;             /* 1: everything the stories have is shorter than
                                          the slot; the script is all of it */
    size_t stories, sentences, quotes; /* what the script reads */
    size_t left_stories, left_sentences, left_quotes; /* what it left out to fit
                                                         (the script's left_out
                                                         says which) */
    unsigned measured;                                /* candidate scripts measured */
};

/* At most this many candidates are measured. */
#define NB_SCRIPT_FIT_PASSES 8

/* Builds into `s` (freshly initialised) the script of `in` whose measured
 * length is nearest fit->target (the first measure, of everything, stops
 * once the slot and its tolerance are filled; what it did not reach is
 * estimated by its length in characters): every story read keeps its first lead
 * sentence; stories are dropped from the end; what is read is chosen by
 * news value (a later story is worth less; within a story its first
 * sentence most, then its quotes, then each further sentence less), so the
 * main stories keep their quotes before the last stories are read.  When even the whole script is
 * shorter than the target, it is used and fit->short_of_material set.
 * NB_EINPUT ("the shortest bulletin ... lasts 41.2 s") when one story of
 * one sentence is already longer than target plus tolerance; the errors of
 * nb_script_build() and of `measure`.  What was left out is counted in fit
 * and listed in s->left_out, most important first (whole stories, then
 * quotes, then sentences).  On failure `s` is left released. */
nb_status nb_script_fit(struct nb_script *s, const struct nb_script_input *in,
                        struct nb_script_fit *fit, nb_script_measure_fn measure, void *ctx,
                        struct nb_error *err);

#endif
