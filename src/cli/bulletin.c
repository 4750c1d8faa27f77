/* bulletin.c - from a briefing file to a script: what build and script share. */
#include "cli/cli.h"
#include "cli/speak.h"

#include "config/transitions_bank.h"
#include "script/lexicon.h"
#include "speech/fit.h"
#include "text/buf.h"
#include "text/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void nb_bulletin_init(struct nb_bulletin *bl)
{
    memset(bl, 0, sizeof(*bl));
    nb_briefing_init(&bl->briefing);
    nb_voice_profile_init(&bl->voices[0]);
    nb_voice_profile_init(&bl->voices[1]);
    nb_transition_bank_init(&bl->transitions);
    nb_script_init(&bl->script);
}

void nb_bulletin_release(struct nb_bulletin *bl)
{
    for (size_t i = 0; i < bl->narticles; i++) {
        nb_summary_release(&bl->summaries[i]);
        nb_article_release(&bl->articles[i]);
    }
    free(bl->summaries);
    free(bl->articles);
    nb_script_release(&bl->script);
    nb_voice_profile_release(&bl->voices[0]);
    nb_voice_profile_release(&bl->voices[1]);
    nb_transition_bank_release(&bl->transitions);
    nb_briefing_release(&bl->briefing);
    nb_lexicon_free(bl->lexicon);
    free(bl->lexicon_path);
    nb_bulletin_init(bl);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

nb_status nb_cli_load_voice(struct nb_voice_profile *v, const char *name, const char *base_dir,
                            struct nb_error *err)
{
    struct nb_buf path;
    nb_buf_init(&path, 0);
    nb_status rc = nb_voice_profile_find(name, base_dir, &path, err);
    if (rc == NB_OK)
        rc = nb_voice_profile_load(v, path.data, err);
    nb_buf_release(&path);
    return rc;
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

/* The shipped bank for the voice's language, with the briefing's own
 * lists and wording in place of the bank's. */
static nb_status load_transitions(struct nb_bulletin *bl, struct nb_error *err)
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
                                       own->v[p][i].without) < 0)
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
        if (!getcwd(cwd, sizeof(cwd)) || nb_path_join(cwd, path, &b) < 0) {
            nb_buf_release(&b);
            return nb_strdup(path);
        }
        return nb_buf_detach(&b, NULL);
    }
    return nb_strdup(path);
}

/* The shipped lexicon for the voice's language, then the briefing's own. */
static nb_status load_lexicon(struct nb_bulletin *bl, struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    const char *own = b->lexicon_path;
    nb_status rc = nb_cli_load_lexicon(&bl->lexicon, bl->voices[0].language, 1, &own, 1, err);
    if (rc == NB_OK && own && !(bl->lexicon_path = absolute_path(own)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    return rc;
}

/* Fits the script to the briefing's duration by speaking candidates. */
static nb_status fit_script(struct nb_bulletin *bl, const struct nb_script_input *in,
                            struct nb_error *err)
{
    const struct nb_briefing *b = &bl->briefing;
    struct nb_render_voice voices[2];
    nb_cli_render_voices(bl->voices, bl->nvoices, voices);
    bl->fit = (struct nb_script_fit){.target = (double)b->duration_ms / 1000.0,
                                     .tolerance = 0.05};
    nb_status rc = nb_speech_fit_script(&bl->script, in, voices, bl->nvoices, &bl->fit, err);
    if (rc == NB_EINPUT && err && err->file[0] == '\0')
        nb_error_set_at(err, NB_EINPUT, b->path, b->duration_mark.line, b->duration_mark.column,
                        "'duration': %s", err->message);
    if (rc != NB_OK)
        return rc;
    bl->fitted = 1;
    if (bl->fit.short_of_material) {
        char have[64], want[64];
        nb_cli_format_duration(bl->fit.seconds, have, sizeof(have));
        nb_cli_format_duration(bl->fit.target, want, sizeof(want));
        fprintf(stderr,
                "newsbrief: warning: %s:%u:%u: the articles fill only %s of the %s slot; the "
                "bulletin is shorter (add articles, or raise 'stories' or 'sentences')\n",
                b->path, b->duration_mark.line, b->duration_mark.column, have, want);
    }
    return NB_OK;
}

nb_status nb_bulletin_load(struct nb_bulletin *bl, const char *path, struct nb_error *err)
{
    static const char example[] = "briefings/example.yaml";
    const char *fallback = NB_DATA_DIR "/briefings/example.yaml";
    if (!path)
        path = file_exists(example) || !file_exists(fallback) ? example : fallback;

    struct nb_briefing *b = &bl->briefing;
    nb_status rc = nb_briefing_load(b, path, err);
    if (rc == NB_OK)
        rc = nb_voice_profile_load(&bl->voices[0], b->voice_path, err);
    bl->nvoices = 1;
    if (rc == NB_OK && b->quote_voice) {
        rc = nb_voice_profile_load(&bl->voices[1], b->quote_voice_path, err);
        bl->nvoices = 2;
    }
    if (rc == NB_OK)
        rc = load_transitions(bl, err);
    if (rc == NB_OK)
        rc = load_lexicon(bl, err);
    if (rc != NB_OK)
        return rc;

    size_t n = b->articles.n < b->stories ? b->articles.n : b->stories;
    bl->articles = calloc(n ? n : 1, sizeof(*bl->articles));
    bl->summaries = calloc(n ? n : 1, sizeof(*bl->summaries));
    if (!bl->articles || !bl->summaries)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    struct nb_summary_options opts = {
        .sentences = b->sentences, .quotes = b->quotes, .max_words = b->max_words};
    for (size_t i = 0; i < n; i++) {
        rc = nb_article_read_file(&bl->articles[i], b->articles.v[i], err);
        if (rc != NB_OK)
            return rc;
        bl->narticles = i + 1;
        rc = nb_summary_make(&bl->summaries[i], &bl->articles[i], &opts, err);
        if (rc != NB_OK)
            return rc;
    }

    struct nb_script_input in = {
        .title = b->title,
        .has_time = b->has_time,
        .hour = b->hour,
        .minute = b->minute,
        .voice = bl->voices[0].name,
        .quote_voice = b->quote_voice ? bl->voices[1].name : NULL,
        .language = bl->voices[0].language,
        .lexicon = bl->lexicon,
        .lexicon_path = bl->lexicon_path,
        .stories = bl->summaries,
        .nstories = bl->narticles,
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
    if (b->duration_ms)
        return fit_script(bl, &in, err);
    return nb_script_build(&bl->script, &in, err);
}
