/* batch_index.c - a batch's stamps, its index, and what a killed run left
 * (batch_index.h). */
#include "bulletin/batch_index.h"

#include "bulletin/sidecars.h"
#include "speech/encoder.h"
#include "text/buf.h"

#include <dirent.h>
#include <errno.h>
#include <json-c/json.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes `len` bytes to `path` through a temporary file beside it that
 * `temp` is told of. */
static nb_status write_file(const char *path, const char *data, size_t len,
                            const struct nb_temp_hook *temp, struct nb_error *err)
{
    struct nb_tmpfile t;
    nb_status rc = nb_tmpfile_open(&t, path, temp, err);
    while (rc == NB_OK && len) {
        ssize_t n = write(t.fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
            nb_tmpfile_abort(&t);
            return rc;
        }
        data += n;
        len -= (size_t)n;
    }
    return rc == NB_OK ? nb_tmpfile_commit(&t, err) : rc;
}

/* ---- stamps --------------------------------------------------------------- */

void nb_batch_stamp_init(struct nb_batch_stamp *s)
{
    memset(s, 0, sizeof(*s));
}

void nb_batch_stamp_release(struct nb_batch_stamp *s)
{
    free(s->settings);
    free(s->source);
    free(s->title);
    nb_batch_stamp_init(s);
}

/* Appends `s` on one line: line breaks as spaces. */
static nb_status add_line(struct nb_buf *b, const char *s)
{
    for (; *s; s++)
        if (nb_buf_addc(b, *s == '\n' || *s == '\r' ? ' ' : *s) != NB_OK)
            return NB_ENOMEM;
    return nb_buf_addc(b, '\n');
}

nb_status nb_batch_stamp_write(const char *path, const char *settings, const char *source,
                               const char *title, double seconds, const struct nb_temp_hook *temp,
                               struct nb_error *err)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_status rc = nb_buf_addf(&b, "newsbrief-batch %d\nsettings ", NB_BATCH_STAMP_VERSION);
    if (rc == NB_OK)
        rc = add_line(&b, settings);
    if (rc == NB_OK)
        rc = nb_buf_adds(&b, "source ");
    if (rc == NB_OK)
        rc = add_line(&b, source);
    if (rc == NB_OK)
        rc = nb_buf_addf(&b, "seconds %.3f\ntitle ", seconds);
    if (rc == NB_OK)
        rc = add_line(&b, title ? title : "");
    if (rc != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    else
        rc = nb_audio_clean_stale(path, err);
    if (rc == NB_OK)
        rc = write_file(path, b.data, b.len, temp, err);
    nb_buf_release(&b);
    return rc;
}

/* The value of line `key` in text (a copy), or NULL. */
static char *value_of(const char *text, const char *key)
{
    size_t k = strlen(key);
    for (const char *line = text; line && *line;) {
        const char *end = strchr(line, '\n');
        if (!end)
            return NULL; /* not whole: every line ends */
        if ((size_t)(end - line) > k && strncmp(line, key, k) == 0 && line[k] == ' ')
            return nb_strndup(line + k + 1, (size_t)(end - line) - k - 1);
        line = end + 1;
    }
    return NULL;
}

nb_status nb_batch_stamp_read(const char *path, struct nb_batch_stamp *s)
{
    nb_batch_stamp_release(s);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    struct nb_error ignored;
    char first[32];
    snprintf(first, sizeof(first), "newsbrief-batch %d\n", NB_BATCH_STAMP_VERSION);
    nb_status rc = nb_file_read(path, 1 << 16, &b, &ignored);
    if (rc == NB_OK && strncmp(b.data, first, strlen(first)) != 0)
        rc = NB_EINPUT;
    char *seconds = NULL;
    if (rc == NB_OK) {
        s->settings = value_of(b.data, "settings");
        s->source = value_of(b.data, "source");
        s->title = value_of(b.data, "title");
        seconds = value_of(b.data, "seconds");
        if (!s->settings || !s->source || !s->title || !seconds)
            rc = NB_EINPUT;
    }
    if (rc == NB_OK) {
        char *end;
        s->seconds = strtod(seconds, &end);
        if (end == seconds || *end || !isfinite(s->seconds))
            rc = NB_EINPUT;
    }
    free(seconds);
    nb_buf_release(&b);
    if (rc != NB_OK)
        nb_batch_stamp_release(s);
    return rc;
}

/* ---- what a killed run left ----------------------------------------------- */

/* 1 when `name` is "." STEM SUFFIX ".PID.new" or ".PID.old", perhaps with
 * ".tmp-XXXXXX" after it, for one of the sidecars' suffixes. */
static int is_leftover_of(const char *name, const char *stem)
{
    static const char *const suffixes[] = {".chapters.json", ".chapters.vtt", ".vtt", ".srt",
                                           ".manifest.json"};
    size_t n = strlen(stem);
    if (name[0] != '.' || strncmp(name + 1, stem, n) != 0)
        return 0;
    const char *p = name + 1 + n;
    size_t i = 0;
    for (; i < sizeof(suffixes) / sizeof(suffixes[0]); i++)
        if (strncmp(p, suffixes[i], strlen(suffixes[i])) == 0 && p[strlen(suffixes[i])] == '.' &&
            p[strlen(suffixes[i]) + 1] >= '0' && p[strlen(suffixes[i]) + 1] <= '9')
            break;
    if (i == sizeof(suffixes) / sizeof(suffixes[0]))
        return 0;
    p += strlen(suffixes[i]) + 1;
    while (*p >= '0' && *p <= '9')
        p++;
    if (strncmp(p, ".new", 4) != 0 && strncmp(p, ".old", 4) != 0)
        return 0;
    p += 4;
    return *p == '\0' || (strncmp(p, ".tmp-", 5) == 0 && strlen(p + 5) == 6);
}

nb_status nb_batch_clean_leftovers(const char *audio, struct nb_error *err)
{
    nb_status rc = nb_audio_clean_stale(audio, err);
    if (rc != NB_OK)
        return rc;
    struct nb_buf stem, dir;
    nb_buf_init(&stem, 0);
    nb_buf_init(&dir, 0);
    rc = nb_sidecars_name(nb_path_basename(audio), &stem, err);
    if (rc == NB_OK && nb_path_dirname(audio, &dir) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    DIR *d = rc == NB_OK ? opendir(dir.data) : NULL;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    for (struct dirent *e; d && rc == NB_OK && (e = readdir(d));) {
        if (!is_leftover_of(e->d_name, stem.data))
            continue;
        nb_buf_reset(&path);
        if (nb_path_join(dir.data, e->d_name, &path) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (unlink(path.data) != 0 && errno != ENOENT)
            rc =
                nb_error_set_at(err, NB_EIO, path.data, 0, 0, "cannot remove: %s", strerror(errno));
    }
    if (d)
        closedir(d);
    nb_buf_release(&path);
    nb_buf_release(&stem);
    nb_buf_release(&dir);
    return rc;
}

/* ---- the index ------------------------------------------------------------- */

/* The M3U8 playlist: every article with audio, in order. */
static nb_status playlist(const struct nb_batch_result *res, struct nb_buf *out)
{
    nb_status rc = nb_buf_adds(out, "#EXTM3U\n");
    for (size_t i = 0; rc == NB_OK && i < res->n; i++) {
        const struct nb_batch_article *a = &res->articles[i];
        if (!a->file)
            continue;
        rc = nb_buf_addf(out, "#EXTINF:%.0f,", ceil(a->seconds));
        if (rc == NB_OK)
            rc = add_line(out, a->title ? a->title : a->name);
        if (rc == NB_OK)
            rc = add_line(out, nb_path_basename(a->file));
    }
    return rc;
}

static int put(struct json_object *o, const char *key, struct json_object *v)
{
    if (!v)
        return -1;
    return json_object_object_add(o, key, v);
}

static struct json_object *seconds_value(double s)
{
    char text[32];
    snprintf(text, sizeof(text), "%.3f", s);
    return json_object_new_double_s(s, text);
}

/* {"shard": K, "shards": N, "articles": [{"name", "title", "file",
 *  "seconds", "source", "status"}], "failed": [{"name", "source", "error"}]} */
static nb_status index_json(const struct nb_batch_result *res, const struct nb_batch_options *opts,
                            struct nb_buf *out)
{
    struct json_object *root = json_object_new_object();
    struct json_object *list = json_object_new_array(), *failed = json_object_new_array();
    int bad = !root || !list || !failed;
    if (!bad && opts->shards > 1)
        bad = put(root, "shard", json_object_new_int64(opts->shard)) ||
              put(root, "shards", json_object_new_int64(opts->shards));
    else if (!bad)
        bad = json_object_object_add(root, "shard", NULL) ||
              json_object_object_add(root, "shards", NULL);
    for (size_t i = 0; !bad && i < res->n; i++) {
        const struct nb_batch_article *a = &res->articles[i];
        struct json_object *o = json_object_new_object();
        bad = !o || json_object_array_add(a->file ? list : failed, o);
        if (bad) {
            json_object_put(o);
            break;
        }
        bad = put(o, "name", json_object_new_string(a->name)) ||
              put(o, "source", json_object_new_string(a->source));
        if (!bad && a->file)
            bad = put(o, "title", json_object_new_string(a->title ? a->title : "")) ||
                  put(o, "file", json_object_new_string(nb_path_basename(a->file))) ||
                  put(o, "seconds", seconds_value(a->seconds)) ||
                  put(o, "status",
                      json_object_new_string(a->outcome == NB_BATCH_SKIPPED ? "skipped" : "done"));
        else if (!bad)
            bad = put(o, "error", json_object_new_string(a->error ? a->error : ""));
    }
    if (!bad) {
        bad = put(root, "articles", list) || put(root, "failed", failed);
        list = failed = NULL;
    }
    const char *text = bad ? NULL
                           : json_object_to_json_string_ext(
                                 root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
                                           JSON_C_TO_STRING_NOSLASHESCAPE);
    nb_status rc = text && nb_buf_adds(out, text) == NB_OK && nb_buf_addc(out, '\n') == NB_OK
                       ? NB_OK
                       : NB_ENOMEM;
    json_object_put(list);
    json_object_put(failed);
    json_object_put(root);
    return rc;
}

/* OUTDIR/index.EXT or OUTDIR/index-K-of-N.EXT (owned). */
static char *index_path(const struct nb_batch_options *opts, const char *ext)
{
    struct nb_buf leaf, path;
    nb_buf_init(&leaf, 0);
    nb_buf_init(&path, 0);
    nb_status rc = opts->shards > 1
                       ? nb_buf_addf(&leaf, "index-%u-of-%u%s", opts->shard, opts->shards, ext)
                       : nb_buf_addf(&leaf, "index%s", ext);
    if (rc == NB_OK)
        rc = nb_path_join(opts->output_dir, leaf.data, &path);
    nb_buf_release(&leaf);
    if (rc != NB_OK) {
        nb_buf_release(&path);
        return NULL;
    }
    return nb_buf_detach(&path, NULL);
}

nb_status nb_batch_index_write(struct nb_batch_result *res, const struct nb_batch_options *opts,
                               struct nb_error *err)
{
    struct nb_buf m3u8, json;
    nb_buf_init(&m3u8, 0);
    nb_buf_init(&json, 0);
    free(res->index_m3u8);
    free(res->index_json);
    res->index_m3u8 = index_path(opts, ".m3u8");
    res->index_json = index_path(opts, ".json");
    nb_status rc = NB_OK;
    if (!res->index_m3u8 || !res->index_json || playlist(res, &m3u8) != NB_OK ||
        index_json(res, opts, &json) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = nb_audio_clean_stale(res->index_m3u8, err);
    if (rc == NB_OK)
        rc = nb_audio_clean_stale(res->index_json, err);
    if (rc == NB_OK)
        rc = write_file(res->index_m3u8, m3u8.data, m3u8.len, &opts->temp, err);
    if (rc == NB_OK)
        rc = write_file(res->index_json, json.data, json.len, &opts->temp, err);
    nb_buf_release(&m3u8);
    nb_buf_release(&json);
    return rc;
}
