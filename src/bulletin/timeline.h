/* timeline.h - where each story and each sentence of a spoken script lies
 * in its audio: the chapters (intro, one per story, outro) and the timed
 * transcript, from the synthesiser's own sample positions.
 *
 * Filled while the script is spoken (speech/render.h's sink tells each
 * sentence as it is made), finished from the segments' spans.
 */
#ifndef NB_BULLETIN_TIMELINE_H
#define NB_BULLETIN_TIMELINE_H

#include "script/script.h"
#include "speech/render.h"
#include "text/error.h"

#include <stddef.h>

/* A chapter: samples [from, to) of the audio; seconds the same. */
struct nb_timeline_chapter {
    size_t from, to;
    double start, end;
    char *title;    /* "Introduction", a story's headline, "Closing" */
    unsigned story; /* 1-based; 0 for the intro and the close */
};

/* One sentence as spoken: its speech from `start` to `end` seconds. */
struct nb_timeline_cue {
    double start, end;
    char *text;     /* as the script writes it when its sentences can be
                       matched with what was spoken, else the spoken form */
    char *speaker;  /* a quote's speaker; NULL: the newsreader */
    unsigned story; /* 0 outside the stories */
};

struct nb_timeline {
    unsigned rate; /* samples per second */
    struct nb_timeline_chapter *chapters;
    size_t nchapters;
    struct nb_timeline_cue *cues;
    size_t ncues, cues_alloc;
};

void nb_timeline_init(struct nb_timeline *t, unsigned rate);
void nb_timeline_release(struct nb_timeline *t);

/* Notes sentence `index` of segment `segment` of `script` (spoken as
 * `spoken_text`), its speech in samples [start, end).  For the render
 * sink's sentence callback.  NB_OK or NB_ENOMEM. */
nb_status nb_timeline_add_sentence(struct nb_timeline *t, const struct nb_script *script,
                                   size_t segment, size_t index, const char *spoken_text,
                                   size_t start, size_t end, struct nb_error *err);

/* Makes the chapters from the segments' spans (script->n of them) and the
 * audio's length in samples: "Introduction" from 0 to the first story,
 * each story from halfway through the pause before it, titled titles[n-1]
 * (NULL, or n > ntitles: "Story n"), and "Closing" for what follows the
 * last story; a part with nothing spoken makes no chapter.  NB_OK or
 * NB_ENOMEM. */
nb_status nb_timeline_chapters(struct nb_timeline *t, const struct nb_script *script,
                               const struct nb_render_span *spans, size_t total,
                               const char *const *titles, size_t ntitles, struct nb_error *err);

#endif
