/* timeline.c - where each story and sentence lies in the audio. */
#include "bulletin/timeline.h"

#include "text/buf.h"
#include "text/sentences.h"
#include "text/strv.h"

#include <stdlib.h>
#include <string.h>

void nb_timeline_init(struct nb_timeline *t, unsigned rate)
{
    memset(t, 0, sizeof(*t));
    t->rate = rate ? rate : 1;
}

void nb_timeline_release(struct nb_timeline *t)
{
    for (size_t i = 0; i < t->nchapters; i++)
        free(t->chapters[i].title);
    for (size_t i = 0; i < t->ncues; i++) {
        free(t->cues[i].text);
        free(t->cues[i].speaker);
    }
    free(t->chapters);
    free(t->cues);
    nb_timeline_init(t, t->rate);
}

/* Sentence `index` of the segment's written text, when the written text
 * splits into as many sentences as the spoken form; else NULL. */
static char *written_sentence(const struct nb_segment *seg, size_t index, struct nb_error *err)
{
    struct nb_strv w, s;
    nb_strv_init(&w);
    nb_strv_init(&s);
    char *out = NULL;
    if (nb_sentences_split(seg->text, strlen(seg->text), &w, err) == NB_OK &&
        nb_sentences_split(seg->spoken, strlen(seg->spoken), &s, err) == NB_OK && w.n == s.n &&
        index < w.n)
        out = nb_strdup(w.v[index]);
    nb_strv_release(&w);
    nb_strv_release(&s);
    return out;
}

nb_status nb_timeline_add_sentence(struct nb_timeline *t, const struct nb_script *script,
                                   size_t segment, size_t index, const char *spoken_text,
                                   size_t start, size_t end, struct nb_error *err)
{
    if (t->ncues == t->cues_alloc) {
        size_t n = t->cues_alloc ? 2 * t->cues_alloc : 64;
        struct nb_timeline_cue *c = realloc(t->cues, n * sizeof(*c));
        if (!c)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        t->cues = c;
        t->cues_alloc = n;
    }
    const struct nb_segment *seg = segment < script->n ? &script->segments[segment] : NULL;
    struct nb_timeline_cue cue = {
        .start = (double)start / t->rate,
        .end = (double)end / t->rate,
        .story = seg ? seg->story : 0,
    };
    cue.text = seg ? written_sentence(seg, index, err) : NULL;
    if (!cue.text)
        cue.text = nb_strdup(spoken_text);
    if (seg && seg->speaker && !(cue.speaker = nb_strdup(seg->speaker))) {
        free(cue.text);
        cue.text = NULL;
    }
    if (!cue.text)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    t->cues[t->ncues++] = cue;
    return NB_OK;
}

static nb_status add_chapter(struct nb_timeline *t, size_t from, unsigned story, const char *title)
{
    struct nb_timeline_chapter *c = realloc(t->chapters, (t->nchapters + 1) * sizeof(*c));
    if (!c)
        return NB_ENOMEM;
    t->chapters = c;
    struct nb_timeline_chapter ch = {.from = from, .story = story};
    if (title) {
        ch.title = nb_strdup(title);
    } else {
        struct nb_buf b;
        nb_buf_init(&b, 0);
        if (nb_buf_addf(&b, "Story %u", story) == NB_OK)
            ch.title = nb_buf_detach(&b, NULL);
        nb_buf_release(&b);
    }
    if (!ch.title)
        return NB_ENOMEM;
    t->chapters[t->nchapters++] = ch;
    return NB_OK;
}

nb_status nb_timeline_chapters(struct nb_timeline *t, const struct nb_script *script,
                               const struct nb_render_span *spans, size_t total,
                               const char *const *titles, size_t ntitles, struct nb_error *err)
{
    unsigned story = 0;
    int closing = 0;
    size_t last_end = 0; /* where the speech before stopped */
    for (size_t i = 0; i < script->n; i++) {
        const struct nb_segment *seg = &script->segments[i];
        if (spans[i].end <= spans[i].start)
            continue; /* nothing spoken */
        /* a chapter starts halfway through the pause before it (the first
         * at the very start) */
        size_t from = t->nchapters ? last_end + (spans[i].start - last_end) / 2 : 0;
        nb_status rc = NB_OK;
        if (seg->story && seg->story != story) {
            story = seg->story;
            const char *title = titles && story <= ntitles ? titles[story - 1] : NULL;
            rc = add_chapter(t, from, story, title);
        } else if (!seg->story && !t->nchapters) {
            rc = add_chapter(t, 0, 0, "Introduction");
        } else if (!seg->story && story && !closing) {
            closing = 1;
            rc = add_chapter(t, from, 0, "Closing");
        }
        if (rc != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        last_end = spans[i].end;
    }
    if (!t->nchapters && total && add_chapter(t, 0, 0, NULL) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (!story && t->nchapters == 1) {
        /* no stories (plain text): one chapter named for the whole */
        char *name = nb_strdup(script->title && *script->title ? script->title : "Start");
        if (!name)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        free(t->chapters[0].title);
        t->chapters[0].title = name;
    }
    for (size_t c = 0; c < t->nchapters; c++) {
        t->chapters[c].to = c + 1 < t->nchapters ? t->chapters[c + 1].from : total;
        t->chapters[c].start = (double)t->chapters[c].from / t->rate;
        t->chapters[c].end = (double)t->chapters[c].to / t->rate;
    }
    return NB_OK;
}
