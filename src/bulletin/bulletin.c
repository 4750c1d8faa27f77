/* bulletin.c - the pipeline: a briefing to a script, a script to audio.
 *
 * Each step is the work of one stage; the tables below are the whole
 * order of work, read top to bottom.
 */
#include "bulletin/bulletin.h"

#include "bulletin/script_audio.h"
#include "bulletin/sources.h"
#include "config/lexicon.h"
#include "config/transitions_bank.h"
#include "quotes/quotes.h"
#include "spoken/lexicon.h"
#include "text/buf.h"
#include "text/data_path.h"
#include "text/duration.h"
#include "text/file.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* What a call asked for; borrowed for its length. */
struct request {
    const char *path; /* the briefing file */
    const char *dir;  /* the output folder, or NULL */
};

/* One step: the work of one stage. */
typedef nb_status (*step_fn)(struct nb_bulletin *bl, const struct request *rq,
                             struct nb_error *err);

/* A step and what it does, in the words of a progress line. */
struct step {
    step_fn fn;
    const char *doing;
};

static nb_status run_steps(const struct step *steps, size_t n, struct nb_bulletin *bl,
                           const struct request *rq, struct nb_error *err)
{
    for (size_t i = 0; i < n; i++) {
        if (bl->progress && steps[i].doing)
            bl->progress(bl->progress_ctx, steps[i].doing);
        nb_status rc = steps[i].fn(bl, rq, err);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

void nb_bulletin_init(struct nb_bulletin *bl)
{
    memset(bl, 0, sizeof(*bl));
    nb_briefing_init(&bl->briefing);
    for (size_t i = 0; i < NB_BULLETIN_VOICES_MAX; i++)
        nb_voice_profile_init(&bl->voices[i]);
    nb_transition_bank_init(&bl->transitions);
    nb_script_init(&bl->script);
    nb_strv_init(&bl->warnings);
    nb_source_options_init(&bl->source_options);
    nb_source_reader_init(&bl->sources, &bl->source_options);
    nb_loudness_target_init(&bl->loudness);
    nb_script_audio_result_init(&bl->audio);
}

void nb_bulletin_release(struct nb_bulletin *bl)
{
    for (size_t i = 0; i < bl->narticles; i++) {
        nb_summary_release(&bl->summaries[i]);
        nb_article_release(&bl->articles[i]);
    }
    free(bl->summaries);
    free(bl->articles);
    nb_take_store_free(bl->takes);
    free(bl->skipped);
    nb_source_reader_release(&bl->sources);
    free(bl->cache_dir);
    free(bl->state_path);
    nb_script_release(&bl->script);
    for (size_t i = 0; i < NB_BULLETIN_VOICES_MAX; i++)
        nb_voice_profile_release(&bl->voices[i]);
    nb_transition_bank_release(&bl->transitions);
    nb_briefing_release(&bl->briefing);
    nb_lexicon_free(bl->lexicon);
    free(bl->lexicon_path);
    nb_strv_release(&bl->warnings);
    free(bl->output);
    nb_script_audio_result_release(&bl->audio);
    nb_bulletin_init(bl);
}

/* ---- reading one article ------------------------------------------------ */

nb_status nb_bulletin_read_article(struct nb_article *a, const char *path, struct nb_error *err)
{
    nb_status rc = nb_source_read_article(a, path, err);
    if (rc != NB_OK)
        return rc;
    rc = nb_quotes_find(a, err);
    if (rc != NB_OK) {
        nb_error_set_file(err, path);
        nb_article_release(a);
    }
    return rc;
}

/* ---- the steps from a briefing to a script ------------------------------- */

nb_status nb_bulletin_default_briefing(struct nb_buf *out)
{
    static const char example[] = "example.yaml";
    int found;
    nb_status rc = nb_data_find(NB_DATA_BRIEFINGS, example, ".", out, &found);
    if (rc == NB_OK && !found)
        rc = nb_buf_addf(out, "%s/%s", NB_DATA_BRIEFINGS, example);
    return rc;
}

static nb_status load_briefing(struct nb_bulletin *bl, const struct request *rq,
                               struct nb_error *err)
{
    if (rq->path)
        return nb_briefing_load(&bl->briefing, rq->path, err);
    struct nb_buf example;
    nb_buf_init(&example, 0);
    nb_status rc = nb_bulletin_default_briefing(&example) != NB_OK
                       ? nb_error_set(err, NB_ENOMEM, "out of memory")
                       : nb_briefing_load(&bl->briefing, example.data, err);
    nb_buf_release(&example);
    return rc;
}

/* The quote voice with each of its variants: a voice per person quoted.
 * A variant that would sound like the newsreader is left out. */
static nb_status add_variants(struct nb_bulletin *bl, struct nb_error *err)
{
    const struct nb_voice_profile *q = &bl->voices[1];
    for (int male = 0; male < 2; male++) {
        const struct nb_strv *list = male ? &q->male : &q->female;
        for (size_t i = 0; i < list->n && bl->nvoices < NB_BULLETIN_VOICES_MAX; i++) {
            struct nb_voice_profile *v = &bl->voices[bl->nvoices];
            nb_status rc = nb_voice_profile_variant(q, list->v[i], v, err);
            if (rc != NB_OK)
                return rc;
            if (strcmp(v->espeak, bl->voices[0].espeak) == 0) {
                nb_voice_profile_release(v);
                continue;
            }
            if (male)
                bl->male[bl->nmale++] = v->name;
            else
                bl->female[bl->nfemale++] = v->name;
            bl->nvoices++;
        }
    }
    return NB_OK;
}

static nb_status load_voices(struct nb_bulletin *bl, const struct request *rq, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    nb_status rc = nb_voice_profile_load(&bl->voices[0], b->voice_path, err);
    bl->nvoices = 1;
    if (rc == NB_OK && b->quote_voice) {
        rc = nb_voice_profile_load(&bl->voices[1], b->quote_voice_path, err);
        bl->nvoices = 2;
    }
    if (rc == NB_OK && b->quote_voice)
        rc = add_variants(bl, err);
    /* a listener's own speed for every voice */
    for (size_t i = 0; rc == NB_OK && b->rate && i < bl->nvoices; i++)
        bl->voices[i].rate = (int)b->rate;
    return rc;
}

/* The variants of the briefing's profiles, looked up among eSpeak NG's
 * before any work (the variant voices made from the quote voice are
 * these): one it lacks is said where its profile names it.  The voices
 * themselves are asked of eSpeak NG when it speaks (script_audio.h). */
static nb_status check_variants(struct nb_bulletin *bl, const struct request *rq,
                                struct nb_error *err)
{
    (void)rq;
    size_t loaded = bl->briefing.quote_voice ? 2 : 1;
    for (size_t i = 0; i < loaded && i < bl->nvoices; i++) {
        nb_status rc = nb_voice_profile_check_variants(&bl->voices[i], err);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

/* The shipped bank for the voice's language, with the briefing's own
 * lists and wording in place of the bank's. */
static nb_status load_transitions(struct nb_bulletin *bl, const struct request *rq,
                                  struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    nb_status rc = nb_transition_bank_find(bl->voices[0].language, b->dir, &path, err);
    if (rc == NB_EINPUT) /* no bank in the voice's language: the English one */
        rc = nb_transition_bank_find("en", b->dir, &path, err);
    if (rc == NB_OK)
        rc = nb_transition_bank_load(&bl->transitions, path.data, err);
    nb_buf_release(&path);
    if (rc != NB_OK)
        return rc;
    struct nb_transition_bank *t = &bl->transitions;
    const struct nb_transition_bank *own = &b->transitions;
    for (size_t p = 0; p < NB_TRANSITION_PLACES; p++) {
        if (!own->n[p])
            continue;
        for (size_t i = 0; i < t->n[p]; i++) {
            free(t->v[p][i].text);
            free(t->v[p][i].without);
        }
        t->n[p] = 0;
        for (size_t i = 0; i < own->n[p]; i++)
            if (nb_transition_bank_add(t, (enum nb_transition_place)p, own->v[p][i].text,
                                       own->v[p][i].without) != NB_OK)
                return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    char **slots[2] = {&t->headlines, &t->recap};
    const char *mine[2] = {own->headlines, own->recap};
    for (size_t i = 0; i < 2; i++) {
        if (!mine[i])
            continue;
        free(*slots[i]);
        if (!(*slots[i] = nb_strdup(mine[i])))
            return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}

/* `path` as an absolute path, so that a script written elsewhere still
 * finds the file. */
static char *absolute_path(const char *path)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (path[0] != '/') {
        char cwd[4096];
        if (!getcwd(cwd, sizeof(cwd)) || nb_path_join(cwd, path, &b) != NB_OK) {
            nb_buf_release(&b);
            return nb_strdup(path);
        }
        return nb_buf_detach(&b, NULL);
    }
    return nb_strdup(path);
}

/* The shipped lexicon for the voice's language, then the briefing's own. */
static nb_status load_lexicon(struct nb_bulletin *bl, const struct request *rq,
                              struct nb_error *err)
{
    const char *own = bl->briefing.lexicon_path;
    nb_status rc =
        nb_lexicon_open(&bl->lexicon, bl->voices[0].language, 1, bl->briefing.dir, &own, 1, err);
    if (rc == NB_OK && own && !(bl->lexicon_path = absolute_path(own)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    return rc;
}

static nb_status read_articles(struct nb_bulletin *bl, const struct request *rq,
                               struct nb_error *err)
{
    return nb_bulletin_read_sources(bl, err);
}

static nb_status summarise(struct nb_bulletin *bl, const struct request *rq, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    struct nb_summary_options opts = {
        .sentences = b->sentences, .quotes = b->quotes, .max_words = b->max_words};
    for (size_t i = 0; i < bl->narticles; i++) {
        nb_status rc = nb_summary_make(&bl->summaries[i], &bl->articles[i], &opts, err);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

static void today(int *y, int *m, int *d)
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    *y = tm.tm_year + 1900;
    *m = tm.tm_mon + 1;
    *d = tm.tm_mday;
}

/* Fits the script to the briefing's duration by speaking candidates. */
static nb_status fit_script(struct nb_bulletin *bl, const struct nb_script_input *in,
                            unsigned *failed, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    struct nb_render_voice voices[NB_BULLETIN_VOICES_MAX];
    nb_script_audio_voices(bl->voices, bl->nvoices, voices);
    bl->fit = (struct nb_script_fit){.target = (double)b->duration_ms / 1000.0, .tolerance = 0.05};
    nb_status rc = NB_OK;
    if (!bl->takes)
        rc = nb_take_store_open(&bl->takes, NULL, &bl->temp, err);
    if (rc != NB_OK)
        return rc;
    const struct nb_script_audio_settings settings = {.lead_in_ms = b->lead_in_ms,
                                                      .lead_out_ms = b->lead_out_ms,
                                                      .temp = bl->temp,
                                                      .jobs = bl->jobs,
                                                      .takes = bl->takes,
                                                      .failed_source = failed,
                                                      .limits = &b->limits,
                                                      .limits_file = b->path,
                                                      .limits_line = b->limits_mark.line,
                                                      .limits_column = b->limits_mark.column};
    rc = nb_script_audio_fit(&bl->script, in, voices, bl->nvoices, &settings, &bl->fit, err);
    if (rc == NB_EINPUT && err && err->file[0] == '\0') {
        char message[NB_ERROR_MSG_MAX];
        memcpy(message, err->message, sizeof(message));
        nb_error_set_at(err, NB_EINPUT, b->path, b->duration_mark.line, b->duration_mark.column,
                        "'duration': %s", message);
    }
    if (rc != NB_OK)
        return rc;
    bl->fitted = 1;
    if (bl->fit.short_of_material) {
        char have[64], want[64];
        struct nb_buf w;
        nb_buf_init(&w, 0);
        if (nb_buf_addf(&w,
                        "%s:%u:%u: the articles fill only %s of the %s slot; the bulletin is "
                        "shorter (add articles, or raise 'stories' or 'sentences')",
                        b->path, b->duration_mark.line, b->duration_mark.column,
                        nb_duration_format(bl->fit.seconds, have, sizeof(have)),
                        nb_duration_format(bl->fit.target, want, sizeof(want))) != NB_OK ||
            nb_strv_push_owned(&bl->warnings, nb_buf_detach(&w, NULL)) != NB_OK) {
            nb_buf_release(&w);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
    }
    return NB_OK;
}

/* The script of the stories not skipped; *failed (fitting only) gets the
 * article (1-based) speech failed on. */
static nb_status write_script_once(struct nb_bulletin *bl, unsigned *failed, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    /* the stories left, and where each came from */
    struct nb_summary *kept = NULL;
    size_t *from = NULL, nkept = 0;
    if (bl->skipped) {
        kept = calloc(bl->narticles ? bl->narticles : 1, sizeof(*kept));
        from = calloc(bl->narticles ? bl->narticles : 1, sizeof(*from));
        if (!kept || !from) {
            free(kept);
            free(from);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
        for (size_t i = 0; i < bl->narticles; i++)
            if (!bl->skipped[i]) {
                kept[nkept] = bl->summaries[i];
                from[nkept++] = i;
            }
    }
    struct nb_script_input in = {
        .title = b->title,
        .has_time = b->has_time,
        .hour = b->hour,
        .minute = b->minute,
        .voice = bl->voices[0].name,
        .quote_voice = b->quote_voice ? bl->voices[1].name : NULL,
        .quote_voices = {bl->female, bl->nfemale, bl->male, bl->nmale},
        .language = bl->voices[0].language,
        .lexicon = bl->lexicon,
        .lexicon_path = bl->lexicon_path,
        .stories = kept ? kept : bl->summaries,
        .nstories = kept ? nkept : bl->narticles,
        .transitions = &bl->transitions,
        .headlines = b->headlines,
        .recap = b->recap,
        .intro = b->intro,
        .outro = b->outro,
    };
    if (b->has_date) {
        in.year = b->year;
        in.month = b->month;
        in.day = b->day;
    } else {
        today(&in.year, &in.month, &in.day);
    }
    nb_script_release(&bl->script);
    nb_script_init(&bl->script);
    unsigned fit_failed = 0;
    nb_status rc = b->duration_ms ? fit_script(bl, &in, &fit_failed, err)
                                  : nb_script_build(&bl->script, &in, err);
    /* sources count the stories given: back to the articles */
    if (from && fit_failed && fit_failed <= nkept)
        fit_failed = (unsigned)from[fit_failed - 1] + 1;
    *failed = fit_failed;
    for (size_t i = 0; from && rc == NB_OK && i < bl->script.n; i++) {
        struct nb_segment *seg = &bl->script.segments[i];
        if (seg->source && seg->source <= nkept)
            seg->source = (unsigned)from[seg->source - 1] + 1;
    }
    free(kept);
    free(from);
    return rc;
}

/* After speech failed on article `failed` (1-based) with the error in
 * err: with on_error: skip, marks it skipped, warns (the warning names
 * the story and the failure) and returns NB_OK to try again without it;
 * else, or when no story would be left, returns `rc` with err as it is. */
static nb_status skip_story(struct nb_bulletin *bl, nb_status rc, unsigned failed,
                            struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    if (rc != NB_ESYNTH || !b->skip_on_error || !failed || failed > bl->narticles)
        return rc;
    if (!bl->skipped && !(bl->skipped = calloc(bl->narticles, 1)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (bl->skipped[failed - 1])
        return rc; /* it failed again: something else is wrong */
    size_t left = 0;
    for (size_t i = 0; i < bl->narticles; i++)
        left += !bl->skipped[i] && i != failed - 1;
    if (!left)
        return rc;
    bl->skipped[failed - 1] = 1;
    const char *headline = bl->articles[failed - 1].headline;
    struct nb_buf w;
    nb_buf_init(&w, 0);
    if (nb_buf_addf(&w, "%s:%u:%u: on_error: skip: the story \"%s\" is left out: %s", b->path,
                    b->on_error_mark.line, b->on_error_mark.column, headline ? headline : "",
                    err->message) != NB_OK ||
        nb_strv_push_owned(&bl->warnings, nb_buf_detach(&w, NULL)) != NB_OK) {
        nb_buf_release(&w);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    nb_error_init(err);
    return NB_OK;
}

static nb_status write_script(struct nb_bulletin *bl, const struct request *rq,
                              struct nb_error *err)
{
    (void)rq;
    for (;;) {
        unsigned failed = 0;
        nb_status rc = write_script_once(bl, &failed, err);
        if (rc == NB_OK)
            return rc;
        rc = skip_story(bl, rc, failed, err);
        if (rc != NB_OK)
            return rc;
    }
}

static const struct step script_steps[] = {
    {load_briefing, "reading the briefing"}, /* (config/) */
    {load_voices, NULL},                     /* its voice profiles (config/) */
    {check_variants, NULL},                  /* ... as eSpeak NG has them (speech/) */
    {load_transitions, NULL},                /* the transition bank (config/) */
    {load_lexicon, NULL},                    /* shipped, then the briefing's */
    {read_articles, "reading the articles"}, /* files, pages, feeds, URLs (source/,
                                                article/), cleaned, quotes found */
    {summarise, "summarising"},              /* each story's lead and quotes */
    {write_script, "writing the script"},    /* fitted to the slot when it has one */
};

nb_status nb_bulletin_script(struct nb_bulletin *bl, const char *path, struct nb_error *err)
{
    struct request rq = {path, NULL};
    return run_steps(script_steps, sizeof(script_steps) / sizeof(script_steps[0]), bl, &rq, err);
}

/* ---- the steps from a script to audio ------------------------------------ */

/* The output path: the folder asked for wins over the briefing's. */
static nb_status output_path(const struct nb_briefing *b, const char *dir, struct nb_buf *out)
{
    struct nb_buf name;
    nb_buf_init(&name, 0);
    nb_status r = b->output ? nb_buf_adds(&name, nb_path_basename(b->output))
                            : nb_briefing_default_output(b->title, &name);
    /* output: {format: mp3} without a file: the default name, as .mp3 */
    if (r == NB_OK && !b->output && b->output_ext && name.len >= 4) {
        nb_buf_truncate(&name, name.len - 4);
        r = nb_buf_adds(&name, b->output_ext);
    }
    if (r == NB_OK) {
        if (dir)
            r = nb_path_join(dir, name.data, out);
        else if (b->output)
            r = nb_buf_adds(out, b->output);
        else
            r = nb_path_join(b->dir, name.data, out);
    }
    nb_buf_release(&name);
    return r;
}

static nb_status choose_output(struct nb_bulletin *bl, const struct request *rq,
                               struct nb_error *err)
{
    struct nb_buf path, folder;
    nb_buf_init(&path, 0);
    nb_buf_init(&folder, 0);
    nb_status rc = NB_OK;
    if (output_path(&bl->briefing, rq->dir, &path) != NB_OK ||
        nb_path_dirname(path.data, &folder) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = nb_file_mkdirs(folder.data, err);
    free(bl->output);
    bl->output = rc == NB_OK ? nb_buf_detach(&path, NULL) : NULL;
    if (rc == NB_OK && !bl->output)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&path);
    nb_buf_release(&folder);
    return rc;
}

/* Each story's headline, for its chapter: titles[n-1] for story n. */
static nb_status story_titles(const struct nb_bulletin *bl, const char ***out, size_t *n,
                              struct nb_error *err)
{
    *n = 0;
    for (size_t i = 0; i < bl->script.n; i++)
        if (bl->script.segments[i].story > *n)
            *n = bl->script.segments[i].story;
    *out = calloc(*n ? *n : 1, sizeof(**out));
    if (!*out)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; i < bl->script.n; i++) {
        const struct nb_segment *seg = &bl->script.segments[i];
        if (seg->story && seg->source && seg->source <= bl->narticles)
            (*out)[seg->story - 1] = bl->articles[seg->source - 1].headline;
    }
    return NB_OK;
}

/* The audio of the script; *failed gets the article (1-based) speech
 * failed on. */
static nb_status speak_once(struct nb_bulletin *bl, unsigned *failed, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    const char **titles = NULL;
    size_t ntitles = 0;
    nb_status rc = story_titles(bl, &titles, &ntitles, err);
    if (rc != NB_OK)
        return rc;
    const struct nb_script_audio_settings settings = {
        .lead_in_ms = b->lead_in_ms,
        .lead_out_ms = b->lead_out_ms,
        .format = &b->format,
        .loudness = bl->loudness_given ? &bl->loudness : &b->loudness,
        .per_story = b->per_story,
        .meta = {.title = bl->script.title, .date = bl->script.date, .publisher = b->publisher},
        .titles = titles,
        .ntitles = ntitles,
        .temp = bl->temp,
        .jingles = {b->jingles[0], b->jingles[1], b->jingles[2]},
        .jobs = bl->jobs,
        .takes = bl->takes,
        .failed_source = failed,
        .limits = &b->limits,
        .limits_file = b->path,
        .limits_line = b->limits_mark.line,
        .limits_column = b->limits_mark.column,
    };
    nb_script_audio_result_release(&bl->audio);
    rc = nb_script_audio_write(&bl->script, bl->voices, bl->nvoices, &settings, bl->output,
                               &bl->audio, err);
    free(titles);
    return rc;
}

static nb_status speak(struct nb_bulletin *bl, const struct request *rq, struct nb_error *err)
{
    nb_status rc;
    for (;;) {
        unsigned failed = 0;
        rc = speak_once(bl, &failed, err);
        if (rc == NB_OK)
            break;
        /* without the story: a new script (fitted again), then the audio */
        rc = skip_story(bl, rc, failed, err);
        if (rc == NB_OK)
            rc = write_script(bl, rq, err);
        if (rc != NB_OK)
            return rc;
    }
    bl->seconds = bl->audio.seconds;
    bl->stories = 0;
    for (size_t i = 0; i < bl->script.n; i++)
        if (bl->script.segments[i].story > bl->stories)
            bl->stories = bl->script.segments[i].story;
    return rc;
}

static nb_status remember(struct nb_bulletin *bl, const struct request *rq, struct nb_error *err)
{
    return nb_bulletin_remember_heard(bl, err);
}

static const struct step audio_steps[] = {
    {choose_output, NULL},                       /* where the audio goes, its folder made */
    {speak, "speaking, then writing the audio"}, /* speech/, through script_audio.h */
    {remember, NULL},                            /* the feed items it spoke, as heard */
};

nb_status nb_bulletin_speak(struct nb_bulletin *bl, const char *dir, struct nb_error *err)
{
    struct request rq = {NULL, dir};
    return run_steps(audio_steps, sizeof(audio_steps) / sizeof(audio_steps[0]), bl, &rq, err);
}

nb_status nb_bulletin_build(struct nb_bulletin *bl, const char *path, const char *dir,
                            struct nb_error *err)
{
    nb_status rc = nb_bulletin_script(bl, path, err);
    if (rc == NB_OK)
        rc = nb_bulletin_speak(bl, dir, err);
    return rc;
}
