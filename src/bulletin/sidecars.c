/* sidecars.c - chapters, transcripts and the manifest beside a bulletin's
 * audio (see sidecars.h). */
#include "bulletin/sidecars.h"

#include "text/file.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <json-c/json.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MS_MAX ((int64_t)1000000000 * 1000) /* 10^9 seconds */

static const char *const suffixes[NB_SIDECARS_COUNT] = {
    ".chapters.json", ".chapters.vtt", ".vtt", ".srt", ".manifest.json",
};
enum { SIDE_CHAPTERS_JSON, SIDE_CHAPTERS_VTT, SIDE_VTT, SIDE_SRT, SIDE_MANIFEST };

/* ---- times ------------------------------------------------------------ */

/* Seconds to whole milliseconds, rounded to nearest; clamped to [-MS_MAX,
 * MS_MAX], NaN is 0. */
static int64_t to_ms(double seconds)
{
    if (isnan(seconds))
        return 0;
    double ms = seconds * 1000.0;
    if (ms >= (double)MS_MAX)
        return MS_MAX;
    if (ms <= -(double)MS_MAX)
        return -MS_MAX;
    return (int64_t)llround(ms);
}

static void format_clock(int64_t ms, char mark, char out[NB_SIDECARS_TIME_SIZE])
{
    if (ms < 0)
        ms = 0;
    int64_t s = ms / 1000;
    snprintf(out, NB_SIDECARS_TIME_SIZE, "%02" PRId64 ":%02d:%02d%c%03d", s / 3600,
             (int)(s / 60 % 60), (int)(s % 60), mark, (int)(ms % 1000));
}

void nb_sidecars_format_time(double seconds, char decimal_mark, char out[NB_SIDECARS_TIME_SIZE])
{
    format_clock(to_ms(seconds), decimal_mark, out);
}

/* A JSON number of at most three decimals: "0", "12.34", "-16.2". */
static void format_ms_number(int64_t ms, char out[32])
{
    uint64_t a = ms < 0 ? (uint64_t)0 - (uint64_t)ms : (uint64_t)ms;
    int n = snprintf(out, 32, "%s%" PRIu64, ms < 0 ? "-" : "", a / 1000);
    unsigned frac = (unsigned)(a % 1000);
    if (frac) {
        snprintf(out + n, (size_t)(32 - n), ".%03u", frac);
        size_t len = strlen(out);
        while (out[len - 1] == '0')
            out[--len] = '\0';
    }
}

/* ---- the timeline: chapters and cues in order, without overlaps ------- */

struct span {
    int64_t start, end; /* milliseconds */
    size_t i;           /* index in the caller's array */
};

static int span_cmp(const void *pa, const void *pb)
{
    const struct span *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

static int is_blank(const char *s)
{
    if (!s)
        return 1;
    for (; *s; s++)
        if (!strchr(" \t\r\n\f\v", *s))
            return 0;
    return 1;
}

static int64_t total_ms(const struct nb_sidecar_bulletin *b)
{
    return isfinite(b->seconds) && b->seconds > 0 ? to_ms(b->seconds) : 0;
}

/* Sorts, clamps each end to the next start and to `total` (0: unknown),
 * and keeps what lasts a millisecond or more. */
static size_t spans_finish(struct span *s, size_t n, int64_t total)
{
    qsort(s, n, sizeof(*s), span_cmp);
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        struct span v = s[k];
        if (k + 1 < n && v.end > s[k + 1].start)
            v.end = s[k + 1].start;
        if (total > 0 && v.end > total)
            v.end = total;
        if (v.end > v.start)
            s[kept++] = v;
    }
    return kept;
}

static int bad_time(double start, double end)
{
    return !isfinite(start) || start < 0 || !isfinite(end) || end < start;
}

/* The chapters (what == 0) or the cues with text (what == 1) as spans, in
 * *out (malloc'd, caller frees; may be NULL when *n is 0). */
static nb_status make_spans(const struct nb_sidecar_bulletin *b, int what, struct span **out,
                            size_t *n, struct nb_error *err)
{
    size_t count = what ? b->ncues : b->nchapters;
    *out = NULL;
    *n = 0;
    if (count == 0)
        return NB_OK;
    struct span *s = malloc(count * sizeof(*s));
    if (!s)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < count; i++) {
        double start = what ? b->cues[i].start : b->chapters[i].start;
        double end = what ? b->cues[i].end : b->chapters[i].end;
        if (bad_time(start, end)) {
            free(s);
            return nb_error_set(err, NB_EINTERNAL,
                                "%s %zu has bad times (start %g, end %g): times must be finite, "
                                "from 0, and end no earlier than start",
                                what ? "cue" : "chapter", i + 1, start, end);
        }
        if (what && is_blank(b->cues[i].text))
            continue;
        s[k].start = to_ms(start);
        s[k].end = to_ms(end);
        s[k].i = i;
        k++;
    }
    *out = s;
    *n = spans_finish(s, k, total_ms(b));
    return NB_OK;
}

/* ---- text on one line ------------------------------------------------- */

enum text_mode { TEXT_PLAIN, TEXT_VTT, TEXT_SRT };

/* Appends s (NULL: nothing) on one line: whitespace runs as one space,
 * ends trimmed, escaped for `mode`. */
static nb_status add_text(struct nb_buf *out, const char *s, enum text_mode mode)
{
    if (!s)
        return NB_OK;
    size_t start = out->len;
    int space = 0;
    nb_status rc = NB_OK;
    for (; *s && rc == NB_OK; s++) {
        char c = *s;
        if (strchr(" \t\r\n\f\v", c)) {
            space = out->len > start;
            continue;
        }
        if (space && (rc = nb_buf_addc(out, ' ')) != NB_OK)
            break;
        space = 0;
        if (mode == TEXT_VTT && c == '&')
            rc = nb_buf_adds(out, "&amp;");
        else if (mode == TEXT_VTT && c == '<')
            rc = nb_buf_adds(out, "&lt;");
        else if (mode == TEXT_VTT && c == '>')
            rc = nb_buf_adds(out, "&gt;");
        else if (mode == TEXT_SRT && c == '>' && out->len - start >= 2 &&
                 out->data[out->len - 1] == '-' && out->data[out->len - 2] == '-')
            rc = nb_buf_adds(out, " >");
        else
            rc = nb_buf_addc(out, c);
    }
    return rc;
}

static const char *newsreader(const struct nb_sidecar_bulletin *b)
{
    return is_blank(b->newsreader) ? NB_SIDECARS_NEWSREADER : b->newsreader;
}

/* ---- WebVTT and SubRip ------------------------------------------------ */

static nb_status add_timing(struct nb_buf *out, size_t number, const struct span *s, char mark)
{
    char from[NB_SIDECARS_TIME_SIZE], to[NB_SIDECARS_TIME_SIZE];
    format_clock(s->start, mark, from);
    format_clock(s->end, mark, to);
    return nb_buf_addf(out, "%zu\n%s --> %s\n", number, from, to);
}

/* Which file a formatter writes. */
enum cue_format { CUES_CHAPTERS_VTT, CUES_VTT, CUES_SRT };

static nb_status add_cue_text(struct nb_buf *out, const struct nb_sidecar_bulletin *b,
                              enum cue_format f, size_t i)
{
    if (f == CUES_CHAPTERS_VTT)
        return add_text(out, b->chapters[i].title, TEXT_VTT);
    const struct nb_sidecar_cue *c = &b->cues[i];
    int anchor = is_blank(c->speaker);
    nb_status rc = NB_OK;
    if (f == CUES_VTT) {
        rc = nb_buf_adds(out, "<v ");
        if (rc == NB_OK)
            rc = add_text(out, anchor ? newsreader(b) : c->speaker, TEXT_VTT);
        if (rc == NB_OK)
            rc = nb_buf_addc(out, '>');
    } else if (!anchor) {
        rc = add_text(out, c->speaker, TEXT_SRT);
        if (rc == NB_OK)
            rc = nb_buf_adds(out, ": ");
    }
    if (rc == NB_OK)
        rc = add_text(out, c->text, f == CUES_VTT ? TEXT_VTT : TEXT_SRT);
    return rc;
}

static nb_status format_cues(const struct nb_sidecar_bulletin *b, enum cue_format f,
                             struct nb_buf *out, struct nb_error *err)
{
    struct span *s;
    size_t n;
    nb_status rc = make_spans(b, f != CUES_CHAPTERS_VTT, &s, &n, err);
    if (rc != NB_OK)
        return rc;
    size_t start = out->len;
    if (f != CUES_SRT)
        rc = nb_buf_adds(out, "WEBVTT\n\n");
    for (size_t k = 0; k < n && rc == NB_OK; k++) {
        rc = add_timing(out, k + 1, &s[k], f == CUES_SRT ? ',' : '.');
        if (rc == NB_OK)
            rc = add_cue_text(out, b, f, s[k].i);
        if (rc == NB_OK)
            rc = nb_buf_adds(out, "\n\n");
    }
    free(s);
    if (rc != NB_OK) {
        nb_buf_truncate(out, start);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}

nb_status nb_sidecars_chapters_vtt(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                   struct nb_error *err)
{
    return format_cues(b, CUES_CHAPTERS_VTT, out, err);
}

nb_status nb_sidecars_transcript_vtt(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                     struct nb_error *err)
{
    return format_cues(b, CUES_VTT, out, err);
}

nb_status nb_sidecars_transcript_srt(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                     struct nb_error *err)
{
    return format_cues(b, CUES_SRT, out, err);
}

/* ---- JSON (a json-c tree: these files are small) ---------------------- */

/* Each returns 0, or -1 when out of memory (v freed).  A NULL v is a
 * failure in set_obj() and push(), null in the others. */
static int set_obj(struct json_object *o, const char *key, struct json_object *v)
{
    if (!v)
        return -1;
    if (json_object_object_add(o, key, v) != 0) {
        json_object_put(v);
        return -1;
    }
    return 0;
}

static int push(struct json_object *a, struct json_object *v)
{
    if (!v)
        return -1;
    if (json_object_array_add(a, v) != 0) {
        json_object_put(v);
        return -1;
    }
    return 0;
}

/* set_obj() and push() returning the child, which the parent owns (NULL
 * when out of memory). */
static struct json_object *add_child(struct json_object *o, const char *key, struct json_object *v)
{
    return set_obj(o, key, v) == 0 ? v : NULL;
}

static struct json_object *add_item(struct json_object *a, struct json_object *v)
{
    return push(a, v) == 0 ? v : NULL;
}

static int set_null(struct json_object *o, const char *key)
{
    return json_object_object_add(o, key, NULL) != 0 ? -1 : 0;
}

static int set_ms(struct json_object *o, const char *key, int64_t ms)
{
    char s[32];
    format_ms_number(ms, s);
    return set_obj(o, key, json_object_new_double_s((double)ms / 1000.0, s));
}

static int set_num(struct json_object *o, const char *key, double v)
{
    return isfinite(v) ? set_ms(o, key, to_ms(v)) : set_null(o, key);
}

static int set_int(struct json_object *o, const char *key, int64_t v)
{
    return set_obj(o, key, json_object_new_int64(v));
}

/* A string exactly as given (paths). */
static int set_raw(struct json_object *o, const char *key, const char *s)
{
    return s ? set_obj(o, key, json_object_new_string(s)) : set_null(o, key);
}

/* A string on one line (titles); `tmp` is scratch. */
static int set_line(struct json_object *o, const char *key, const char *s, struct nb_buf *tmp)
{
    if (!s)
        return set_null(o, key);
    nb_buf_reset(tmp);
    if (add_text(tmp, s, TEXT_PLAIN) != NB_OK)
        return -1;
    return set_raw(o, key, tmp->data);
}

/* Appends the document, pretty, with a final newline; frees `root`. */
static nb_status add_json(struct nb_buf *out, struct json_object *root)
{
    const char *s = json_object_to_json_string_ext(
        root, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
    size_t start = out->len;
    nb_status rc = NB_ENOMEM;
    if (s && nb_buf_adds(out, s) == NB_OK && nb_buf_addc(out, '\n') == NB_OK)
        rc = NB_OK;
    else
        nb_buf_truncate(out, start);
    json_object_put(root);
    return rc;
}

nb_status nb_sidecars_chapters_json(const struct nb_sidecar_bulletin *b, struct nb_buf *out,
                                    struct nb_error *err)
{
    struct span *s;
    size_t n;
    nb_status rc = make_spans(b, 0, &s, &n, err);
    if (rc != NB_OK)
        return rc;
    struct nb_buf tmp;
    nb_buf_init(&tmp, 0);
    struct json_object *root = json_object_new_object();
    struct json_object *list = NULL;
    int bad = !root || set_raw(root, "version", "1.2.0") ||
              !(list = add_child(root, "chapters", json_object_new_array()));
    for (size_t k = 0; k < n && !bad; k++) {
        const struct nb_sidecar_chapter *c = &b->chapters[s[k].i];
        struct json_object *o = add_item(list, json_object_new_object());
        bad = !o || set_ms(o, "startTime", s[k].start) || set_ms(o, "endTime", s[k].end) ||
              set_line(o, "title", c->title ? c->title : "", &tmp);
    }
    free(s);
    nb_buf_release(&tmp);
    if (bad) {
        json_object_put(root);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (add_json(out, root) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return NB_OK;
}

/* `path` relative to the folder `dir` ("" for the current one), as far as
 * the strings tell: leading "./" dropped, dir's prefix dropped. */
static const char *skip_dot_slash(const char *p)
{
    while (p[0] == '.' && p[1] == '/') {
        p += 2;
        while (*p == '/')
            p++;
    }
    return p;
}

static const char *relative_to(const char *dir, size_t dlen, const char *path)
{
    if (path[0] != '/')
        path = skip_dot_slash(path);
    if (dlen == 0)
        return path;
    if (strncmp(path, dir, dlen) == 0 && (path[dlen] == '/' || dir[dlen - 1] == '/')) {
        const char *rest = path + dlen;
        while (*rest == '/')
            rest++;
        if (*rest)
            return rest;
    }
    return path;
}

/* The folder part of audio_path, for relative_to(): [*dir, *dir + *dlen). */
static void manifest_folder(const char *audio_path, const char **dir, size_t *dlen)
{
    const char *slash = strrchr(audio_path, '/');
    *dir = audio_path;
    *dlen = !slash ? 0 : slash == audio_path ? 1 : (size_t)(slash - audio_path);
    if (*dlen > 1 || (*dlen == 1 && audio_path[0] != '/')) {
        const char *d = audio_path[0] == '/' ? audio_path : skip_dot_slash(audio_path);
        if (d > slash) /* "./x.wav": the current folder */
            *dlen = 0;
        else {
            *dlen -= (size_t)(d - audio_path);
            *dir = d;
        }
        if (*dlen == 1 && (*dir)[0] == '.')
            *dlen = 0;
    }
}

static int manifest_files(struct json_object *root, const struct nb_sidecar_bulletin *b,
                          const char *dir, size_t dlen)
{
    struct json_object *files = add_child(root, "files", json_object_new_array());
    if (!files)
        return -1;
    for (size_t i = 0; i < b->nfiles; i++) {
        const struct nb_sidecar_file *f = &b->files[i];
        struct json_object *o = add_item(files, json_object_new_object());
        if (!o || set_raw(o, "path", relative_to(dir, dlen, f->path)) ||
            set_raw(o, "format", f->format) || set_int(o, "rate", f->rate) ||
            set_int(o, "channels", f->channels) || set_num(o, "duration", f->seconds) ||
            set_num(o, "loudness_lufs", f->lufs) ||
            set_num(o, "true_peak_dbtp", f->true_peak_dbtp) || set_int(o, "story", f->story))
            return -1;
    }
    return 0;
}

static int manifest_stories(struct json_object *root, const struct nb_sidecar_bulletin *b,
                            const struct span *s, size_t n, struct nb_buf *tmp)
{
    struct json_object *stories = add_child(root, "stories", json_object_new_array());
    if (!stories)
        return -1;
    for (size_t k = 0; k < n; k++) {
        const struct nb_sidecar_chapter *c = &b->chapters[s[k].i];
        if (c->story == 0)
            continue;
        struct json_object *o = add_item(stories, json_object_new_object());
        if (!o || set_int(o, "story", c->story) ||
            set_line(o, "title", c->title ? c->title : "", tmp) || set_ms(o, "start", s[k].start) ||
            set_ms(o, "end", s[k].end))
            return -1;
    }
    return 0;
}

static int manifest_names(struct json_object *root, const char *base, struct nb_buf *tmp)
{
    nb_buf_reset(tmp);
    if (nb_buf_addf(tmp, "%s%s", base, suffixes[SIDE_CHAPTERS_JSON]) != NB_OK ||
        set_raw(root, "chapters", tmp->data))
        return -1;
    nb_buf_reset(tmp);
    if (nb_buf_addf(tmp, "%s%s", base, suffixes[SIDE_CHAPTERS_VTT]) != NB_OK ||
        set_raw(root, "chapters_vtt", tmp->data))
        return -1;
    struct json_object *t = add_child(root, "transcript", json_object_new_object());
    if (!t)
        return -1;
    nb_buf_reset(tmp);
    if (nb_buf_addf(tmp, "%s%s", base, suffixes[SIDE_VTT]) != NB_OK || set_raw(t, "vtt", tmp->data))
        return -1;
    nb_buf_reset(tmp);
    if (nb_buf_addf(tmp, "%s%s", base, suffixes[SIDE_SRT]) != NB_OK || set_raw(t, "srt", tmp->data))
        return -1;
    return 0;
}

nb_status nb_sidecars_manifest_json(const struct nb_sidecar_bulletin *b, const char *audio_path,
                                    struct nb_buf *out, struct nb_error *err)
{
    struct nb_buf name;
    nb_buf_init(&name, 0);
    nb_status rc = nb_sidecars_name(audio_path, &name, err);
    if (rc != NB_OK)
        return rc;
    for (size_t i = 0; i < b->nfiles; i++)
        if (!b->files[i].path || !b->files[i].path[0]) {
            nb_buf_release(&name);
            return nb_error_set(err, NB_EINPUT, "audio file %zu of the manifest has no path",
                                i + 1);
        }
    struct span *s;
    size_t n;
    rc = make_spans(b, 0, &s, &n, err);
    if (rc != NB_OK) {
        nb_buf_release(&name);
        return rc;
    }
    const struct nb_sidecar_file *whole = NULL;
    for (size_t i = 0; i < b->nfiles && !whole; i++)
        if (b->files[i].story == 0)
            whole = &b->files[i];
    const char *dir;
    size_t dlen;
    manifest_folder(audio_path, &dir, &dlen);

    struct nb_buf tmp;
    nb_buf_init(&tmp, 0);
    struct json_object *root = json_object_new_object();
    struct json_object *loud = NULL;
    int bad =
        !root || set_line(root, "title", b->title, &tmp) || set_line(root, "date", b->date, &tmp) ||
        set_line(root, "publisher", b->publisher, &tmp) || set_num(root, "duration", b->seconds) ||
        !(loud = add_child(root, "loudness", json_object_new_object())) ||
        set_line(loud, "target", b->loudness_target, &tmp) ||
        set_num(loud, "integrated_lufs", whole ? whole->lufs : NAN) ||
        set_num(loud, "true_peak_dbtp", whole ? whole->true_peak_dbtp : NAN) ||
        manifest_files(root, b, dir, dlen) || manifest_stories(root, b, s, n, &tmp) ||
        manifest_names(root, nb_path_basename(name.data), &tmp);
    free(s);
    nb_buf_release(&tmp);
    nb_buf_release(&name);
    if (bad) {
        json_object_put(root);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (add_json(out, root) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return NB_OK;
}

/* ---- names and writing ------------------------------------------------ */

nb_status nb_sidecars_name(const char *audio_path, struct nb_buf *out, struct nb_error *err)
{
    if (!audio_path || !audio_path[0])
        return nb_error_set(err, NB_EINPUT, "no audio file name for the sidecars");
    const char *base = nb_path_basename(audio_path);
    if (!base[0] || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
        return nb_error_set_at(err, NB_EINPUT, audio_path, 0, 0,
                               "names a folder, not an audio file");
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot > base ? (size_t)(dot - audio_path) : strlen(audio_path);
    if (nb_buf_add(out, audio_path, len) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return NB_OK;
}

/* The five final, staged and backup paths of one call. */
struct sidecar_set {
    struct nb_buf body[NB_SIDECARS_COUNT];
    char *final[NB_SIDECARS_COUNT];
    char *staged[NB_SIDECARS_COUNT];
    char *backup[NB_SIDECARS_COUNT];
    int has_staged[NB_SIDECARS_COUNT];
    int has_backup[NB_SIDECARS_COUNT];
    int renamed[NB_SIDECARS_COUNT];
};

static void set_release(struct sidecar_set *set)
{
    for (int i = 0; i < NB_SIDECARS_COUNT; i++) {
        nb_buf_release(&set->body[i]);
        free(set->final[i]);
        free(set->staged[i]);
        free(set->backup[i]);
    }
}

/* Undoes whatever the call did on the file system: new files removed,
 * old ones put back.  An old file that cannot be put back keeps its
 * ".old" name rather than being lost. */
static void set_roll_back(struct sidecar_set *set, const struct nb_temp_hook *temp)
{
    for (int i = 0; i < NB_SIDECARS_COUNT; i++) {
        int keep_backup = 0;
        if (set->renamed[i]) {
            if (set->has_backup[i] && rename(set->backup[i], set->final[i]) == 0)
                set->has_backup[i] = 0;
            else {
                unlink(set->final[i]);
                keep_backup = set->has_backup[i];
            }
        }
        if (set->has_staged[i] && !set->renamed[i])
            unlink(set->staged[i]);
        if (set->has_backup[i] && !keep_backup)
            unlink(set->backup[i]);
        nb_temp_tell(temp, set->staged[i], 0);
        nb_temp_tell(temp, set->backup[i], 0);
    }
}

/* "DIR/.BASE<suffix>.<pid>.<what>" beside NAME. */
static char *side_path(const char *name, const char *suffix, const char *what)
{
    struct nb_buf p;
    nb_buf_init(&p, 0);
    const char *base = nb_path_basename(name);
    if (nb_buf_add(&p, name, (size_t)(base - name)) != NB_OK ||
        nb_buf_addf(&p, ".%s%s.%ld.%s", base, suffix, (long)getpid(), what) != NB_OK) {
        nb_buf_release(&p);
        return NULL;
    }
    return nb_buf_detach(&p, NULL);
}

static nb_status format_all(const struct nb_sidecar_bulletin *b, const char *audio_path,
                            struct sidecar_set *set, struct nb_error *err)
{
    nb_status rc = nb_sidecars_chapters_json(b, &set->body[SIDE_CHAPTERS_JSON], err);
    if (rc == NB_OK)
        rc = nb_sidecars_chapters_vtt(b, &set->body[SIDE_CHAPTERS_VTT], err);
    if (rc == NB_OK)
        rc = nb_sidecars_transcript_vtt(b, &set->body[SIDE_VTT], err);
    if (rc == NB_OK)
        rc = nb_sidecars_transcript_srt(b, &set->body[SIDE_SRT], err);
    if (rc == NB_OK)
        rc = nb_sidecars_manifest_json(b, audio_path, &set->body[SIDE_MANIFEST], err);
    return rc;
}

static nb_status make_paths(const char *audio_path, struct sidecar_set *set, struct nb_error *err)
{
    struct nb_buf name;
    nb_buf_init(&name, 0);
    nb_status rc = nb_sidecars_name(audio_path, &name, err);
    for (int i = 0; i < NB_SIDECARS_COUNT && rc == NB_OK; i++) {
        struct nb_buf p;
        nb_buf_init(&p, 0);
        if (nb_buf_addf(&p, "%s%s", name.data, suffixes[i]) != NB_OK) {
            nb_buf_release(&p);
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            break;
        }
        set->final[i] = nb_buf_detach(&p, NULL);
        set->staged[i] = side_path(name.data, suffixes[i], "new");
        set->backup[i] = side_path(name.data, suffixes[i], "old");
        if (!set->final[i] || !set->staged[i] || !set->backup[i])
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (strcmp(set->final[i], audio_path) == 0)
            rc = nb_error_set_at(err, NB_EINPUT, audio_path, 0, 0,
                                 "the audio file would be overwritten by its sidecar '%s': "
                                 "choose another extension",
                                 suffixes[i] + 1);
    }
    nb_buf_release(&name);
    return rc;
}

/* Says the error was about `path` (the final name, not the staging one). */
static nb_status blame(struct nb_error *err, nb_status rc, const char *path)
{
    if (!err)
        return rc;
    char msg[NB_ERROR_MSG_MAX];
    snprintf(msg, sizeof(msg), "%s", err->message);
    return nb_error_set_at(err, rc, path, 0, 0, "%s", msg);
}

static void sync_folder(const char *name)
{
    struct nb_buf dir;
    nb_buf_init(&dir, 0);
    if (nb_path_dirname(name, &dir) == NB_OK) {
        int fd = open(dir.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            fsync(fd); /* best effort: each file is durable already */
            close(fd);
        }
    }
    nb_buf_release(&dir);
}

static void strv_truncate(struct nb_strv *sv, size_t n)
{
    while (sv->n > n) {
        sv->n--;
        free(sv->v[sv->n]);
        sv->v[sv->n] = NULL;
    }
}

nb_status nb_sidecars_write(const char *audio_path, const struct nb_sidecar_bulletin *b,
                            struct nb_strv *written, struct nb_error *err)
{
    struct sidecar_set set;
    memset(&set, 0, sizeof(set));
    for (int i = 0; i < NB_SIDECARS_COUNT; i++)
        nb_buf_init(&set.body[i], 0);
    size_t n0 = written ? written->n : 0;

    nb_status rc = make_paths(audio_path, &set, err);
    if (rc == NB_OK)
        rc = format_all(b, audio_path, &set, err);
    /* a signal while the files change is told what to remove */
    const struct nb_temp_hook *temp = b->temp;
    for (int i = 0; i < NB_SIDECARS_COUNT && rc == NB_OK; i++) {
        nb_temp_tell(temp, set.staged[i], 1);
        rc = nb_file_write_atomic_told(set.staged[i], set.body[i].data, set.body[i].len, temp, err);
        if (rc == NB_OK)
            set.has_staged[i] = 1;
        else
            rc = blame(err, rc, set.final[i]);
    }
    for (int i = 0; i < NB_SIDECARS_COUNT && rc == NB_OK && written; i++)
        if (nb_strv_pushs(written, set.final[i]) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK) {
        /* keep each old file until all the new ones are in place */
        for (int i = 0; i < NB_SIDECARS_COUNT; i++) {
            nb_temp_tell(temp, set.backup[i], 1);
            int ok = link(set.final[i], set.backup[i]) == 0;
            if (!ok && errno == EEXIST && unlink(set.backup[i]) == 0)
                ok = link(set.final[i], set.backup[i]) == 0;
            set.has_backup[i] = ok;
        }
        for (int i = 0; i < NB_SIDECARS_COUNT && rc == NB_OK; i++) {
            if (rename(set.staged[i], set.final[i]) == 0) {
                set.renamed[i] = 1;
                nb_temp_tell(temp, set.staged[i], 0);
            } else
                rc = nb_error_set_at(err, NB_EIO, set.final[i], 0, 0,
                                     "cannot rename output into place: %s", strerror(errno));
        }
    }
    if (rc != NB_OK) {
        set_roll_back(&set, temp);
        if (written)
            strv_truncate(written, n0);
    } else {
        for (int i = 0; i < NB_SIDECARS_COUNT; i++) {
            if (set.has_backup[i])
                unlink(set.backup[i]);
            nb_temp_tell(temp, set.backup[i], 0);
        }
        sync_folder(set.final[0]);
    }
    set_release(&set);
    return rc;
}
