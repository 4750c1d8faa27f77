/* script.c - the script itself: segments, their kinds, and adding one. */
#include "script/script.h"

#include "script/script_internal.h"
#include "spoken/normalise.h"
#include "text/sentences.h"

#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
    [NB_SEG_INTRO] = "intro", [NB_SEG_HEADLINES] = "headlines",   [NB_SEG_STORY] = "story",
    [NB_SEG_QUOTE] = "quote", [NB_SEG_TRANSITION] = "transition", [NB_SEG_OUTRO] = "outro",
};

#define NKINDS (sizeof(kind_names) / sizeof(kind_names[0]))

const char *nb_segment_kind_name(enum nb_segment_kind kind)
{
    return (size_t)kind < NKINDS ? kind_names[kind] : "unknown";
}

int nb_segment_kind_parse(const char *name, enum nb_segment_kind *kind)
{
    for (size_t i = 0; i < NKINDS; i++) {
        if (strcmp(name, kind_names[i]) == 0) {
            *kind = (enum nb_segment_kind)i;
            return 1;
        }
    }
    return 0;
}

void nb_script_init(struct nb_script *s)
{
    s->title = NULL;
    s->date = NULL;
    s->lexicon = NULL;
    s->segments = NULL;
    s->n = 0;
    s->alloc = 0;
    nb_strv_init(&s->left_out);
}

static void segment_release(struct nb_segment *seg)
{
    free(seg->voice);
    free(seg->text);
    free(seg->spoken);
    free(seg->speaker);
}

nb_status nb_script_set_speaker(struct nb_script *s, size_t i, const char *speaker,
                                struct nb_error *err)
{
    if (i >= s->n)
        return nb_error_set(err, NB_EINTERNAL, "no segment %zu to name a speaker for", i + 1);
    char *copy = NULL;
    if (speaker && *speaker) {
        struct nb_buf b;
        nb_buf_init(&b, 0);
        if (nb_text_collapse_space(speaker, strlen(speaker), &b) != NB_OK) {
            nb_buf_release(&b);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        for (size_t k = 0; k < b.len; k++)
            b.data[k] = b.data[k] == '['   ? '('
                        : b.data[k] == ']' ? ')'
                        : b.data[k] == '"' ? '\''
                                           : b.data[k];
        if (!(copy = nb_buf_detach(&b, NULL)))
            return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    free(s->segments[i].speaker);
    s->segments[i].speaker = copy;
    return NB_OK;
}

void nb_script_release(struct nb_script *s)
{
    for (size_t i = 0; i < s->n; i++)
        segment_release(&s->segments[i]);
    free(s->segments);
    free(s->title);
    free(s->date);
    free(s->lexicon);
    nb_strv_release(&s->left_out);
    nb_script_init(s);
}

nb_status nb_script_add(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                        const char *voice, const char *text, const char *spoken,
                        const char *language, struct nb_error *err)
{
    struct nb_normaliser norm = {.language = language, .lexicon = NULL};
    return nb_script_add_ex(s, kind, story, voice, text, spoken, &norm, err);
}

nb_status nb_script_add_ex(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                           const char *voice, const char *text, const char *spoken,
                           const struct nb_normaliser *norm, struct nb_error *err)
{
    static const struct nb_normaliser english = {.language = NULL, .lexicon = NULL};
    if (!norm)
        norm = &english;
    if ((size_t)kind >= NKINDS)
        return nb_error_set(err, NB_EINTERNAL, "unknown segment kind %d", (int)kind);
    if (!voice_ok(voice))
        return nb_error_set(err, NB_EINPUT,
                            "voice name '%s' cannot be used in a script (it must be one word "
                            "without brackets)",
                            voice ? voice : "");
    if (!text || !not_blank(text))
        return nb_error_set(err, NB_EINPUT, "%s segment has no text", kind_names[kind]);
    if (s->n == s->alloc) {
        size_t n = s->alloc ? s->alloc * 2 : 16;
        struct nb_segment *p = realloc(s->segments, n * sizeof(*p));
        if (!p)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        s->segments = p;
        s->alloc = n;
    }
    struct nb_segment seg = {.kind = kind, .story = story};
    seg.voice = nb_strdup(voice);
    seg.text = nb_strdup(text);
    if (spoken) {
        seg.spoken = nb_strdup(spoken);
    } else {
        struct nb_buf b;
        nb_buf_init(&b, 0);
        nb_status rc = nb_normalise_ex(text, strlen(text), norm, &b, NULL, err);
        if (rc != NB_OK) {
            nb_buf_release(&b);
            segment_release(&seg);
            return rc;
        }
        seg.spoken = nb_buf_detach(&b, NULL);
    }
    if (!seg.voice || !seg.text || !seg.spoken) {
        segment_release(&seg);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    s->segments[s->n++] = seg;
    return NB_OK;
}
