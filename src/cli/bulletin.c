/* bulletin.c - from a briefing file to a script: what build and script share. */
#include "cli/cli.h"

#include "text/buf.h"
#include "text/file.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

void nb_bulletin_init(struct nb_bulletin *bl)
{
    memset(bl, 0, sizeof(*bl));
    nb_briefing_init(&bl->briefing);
    nb_voice_profile_init(&bl->voice);
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
    nb_voice_profile_release(&bl->voice);
    nb_briefing_release(&bl->briefing);
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

nb_status nb_bulletin_load(struct nb_bulletin *bl, const char *path, struct nb_error *err)
{
    static const char example[] = "briefings/example.yaml";
    const char *fallback = NB_DATA_DIR "/briefings/example.yaml";
    if (!path)
        path = file_exists(example) || !file_exists(fallback) ? example : fallback;

    struct nb_briefing *b = &bl->briefing;
    nb_status rc = nb_briefing_load(b, path, err);
    if (rc == NB_OK)
        rc = nb_voice_profile_load(&bl->voice, b->voice_path, err);
    if (rc != NB_OK)
        return rc;

    size_t n = b->articles.n < b->stories ? b->articles.n : b->stories;
    bl->articles = calloc(n ? n : 1, sizeof(*bl->articles));
    bl->summaries = calloc(n ? n : 1, sizeof(*bl->summaries));
    if (!bl->articles || !bl->summaries)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    struct nb_summary_options opts = {.sentences = b->sentences, .quotes = 0};
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
        .voice = bl->voice.name,
        .language = bl->voice.language,
        .stories = bl->summaries,
        .nstories = bl->narticles,
    };
    if (b->has_date) {
        in.year = b->year;
        in.month = b->month;
        in.day = b->day;
    } else {
        today(&in.year, &in.month, &in.day);
    }
    return nb_script_build(&bl->script, &in, err);
}
