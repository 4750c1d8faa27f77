/* briefing.c - briefings/NAME.yaml: what to read, in which voice, to which file. */
#include "config/briefing.h"

#include "feed/feed.h"
#include "config/transitions_bank.h"
#include "source/fetch.h"
#include "config/voice_profile.h"
#include "speech/jingle.h"
#include "text/buf.h"
#include "text/calendar.h"
#include "text/chars.h"
#include "text/file.h"
#include "text/suggest.h"
#include "text/utf8.h"

#include <dirent.h>
#include <glob.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_STORIES 5
#define DEFAULT_SENTENCES 3
#define DEFAULT_VOICE "anchor"
#define MAX_SLUG_BYTES 80

static const char *const briefing_keys[] = {
    "title",       "date",     "voice",     "articles",  "stories",      "sentences",
    "output",      "time",     "quotes",    "max_words", "headlines",    "recap",
    "quote_voice", "duration", "intro",     "outro",     "transitions",  "order",
    "lexicon",     "since",    "max_items", "new_only",  "follow_links", "on_source_error",
    "cache",       "rate",     "pauses",    "loudness",  "publisher",    "jingles",
    "on_error",    "limits",   NULL};
static const char *const article_keys[] = {"file", "priority", NULL};

#define DEFAULT_QUOTES 1
#define MAX_PRIORITY 100
#define NO_PRIORITY (MAX_PRIORITY + 1)

void nb_briefing_init(struct nb_briefing *b)
{
    memset(b, 0, sizeof(*b));
    b->new_only = 1;
    b->follow_links = 1;
    nb_strv_init(&b->articles);
    b->stories = DEFAULT_STORIES;
    b->sentences = DEFAULT_SENTENCES;
    b->quotes = DEFAULT_QUOTES;
    nb_transition_bank_init(&b->transitions);
    b->format = (struct nb_audio_format){NB_AUDIO_WAV, NB_AUDIO_DEFAULT_RATE,
                                         NB_AUDIO_DEFAULT_CHANNELS, NB_AUDIO_DEFAULT_BITS};
    nb_loudness_target_init(&b->loudness);
}

void nb_briefing_release(struct nb_briefing *b)
{
    free(b->path);
    free(b->dir);
    free(b->title);
    free(b->voice);
    free(b->voice_path);
    free(b->output);
    free(b->output_ext);
    free(b->publisher);
    for (int k = 0; k < 3; k++)
        free(b->jingles[k]);
    free(b->quote_voice);
    free(b->quote_voice_path);
    free(b->lexicon_path);
    free(b->intro);
    free(b->outro);
    nb_transition_bank_release(&b->transitions);
    nb_strv_release(&b->articles);
    free(b->article_marks);
    free(b->cache_dir);
    nb_briefing_init(b);
}

/* ---- articles ---- */

/* The resolved list, and the identity of each file so that one file reached
 * two ways ("a.txt", "./a.txt", a folder and a glob) is read once. */
struct article_set {
    struct nb_strv *paths;
    struct file_id {
        dev_t dev;
        ino_t ino;
        unsigned priority;   /* NO_PRIORITY when none given */
        struct nb_mark mark; /* of the entry that first gave it */
    } * ids;
    size_t alloc;
    unsigned priority;   /* of the entry being added */
    struct nb_mark mark; /* where that entry is written */
};

/* The device number given to URLs, which have no file identity. */
#define URL_DEV ((dev_t)-1)

static nb_status article_add(struct article_set *set, const char *path, const struct stat *st)
{
    for (size_t i = 0; st->st_dev != URL_DEV && i < set->paths->n; i++)
        if (set->ids[i].dev == st->st_dev && set->ids[i].ino == st->st_ino) {
            /* {file: x, priority: 1} after a glob that found x already */
            if (set->priority != NO_PRIORITY)
                set->ids[i].priority = set->priority;
            return NB_OK;
        }
    if (set->paths->n == set->alloc) {
        size_t n = set->alloc ? set->alloc * 2 : 16;
        struct file_id *p = realloc(set->ids, n * sizeof(*p));
        if (!p)
            return NB_ENOMEM;
        set->ids = p;
        set->alloc = n;
    }
    set->ids[set->paths->n].dev = st->st_dev;
    set->ids[set->paths->n].ino = st->st_ino;
    set->ids[set->paths->n].priority = set->priority;
    set->ids[set->paths->n].mark = set->mark;
    return nb_strv_pushs(set->paths, path);
}

/* What a folder entry lists: articles (.txt, .md), pages (.html, .htm)
 * and feeds (.xml, .rss, .atom), in any case. */
static int has_article_ext(const char *name)
{
    static const char *const exts[] = {"txt", "md", "html", "htm", "xml", "rss", "atom"};
    const char *dot = strrchr(name, '.');
    if (!dot)
        return 0;
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
        const char *e = exts[i], *x = dot + 1;
        while (*e && nb_ascii_lower((unsigned char)*x) == *e)
            e++, x++;
        if (!*e && !*x)
            return 1;
    }
    return 0;
}

/* A URL entry: kept as written, once. */
static nb_status url_add(struct article_set *set, const char *url)
{
    for (size_t i = 0; i < set->paths->n; i++)
        if (set->ids[i].dev == URL_DEV && strcmp(set->paths->v[i], url) == 0) {
            if (set->priority != NO_PRIORITY)
                set->ids[i].priority = set->priority;
            return NB_OK;
        }
    struct stat st;
    memset(&st, 0, sizeof(st));
    st.st_dev = URL_DEV;
    st.st_ino = (ino_t)set->paths->n;
    return article_add(set, url, &st);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds `paths` (sorted here by name) that are regular files; counts them in *added. */
static nb_status add_sorted_files(struct article_set *set, char **paths, size_t n, size_t *added)
{
    if (n)
        qsort(paths, n, sizeof(*paths), cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        (*added)++;
        if (article_add(set, paths[i], &st) != NB_OK)
            return NB_ENOMEM;
    }
    return NB_OK;
}

/* The *.txt and *.md files in `dir`, in name order; hidden files skipped.
 * NB_EINPUT (no message) when the folder cannot be read, NB_ENOMEM. */
static nb_status add_folder(struct article_set *set, const char *dir, size_t *added)
{
    DIR *d = opendir(dir);
    if (!d)
        return NB_EINPUT;
    struct nb_strv files;
    struct nb_buf path;
    nb_strv_init(&files);
    nb_buf_init(&path, 0);
    struct dirent *e;
    nb_status rc = NB_OK;
    while (rc == NB_OK && (e = readdir(d))) {
        if (e->d_name[0] == '.' || !has_article_ext(e->d_name))
            continue;
        nb_buf_reset(&path);
        rc = nb_path_join(dir, e->d_name, &path);
        if (rc == NB_OK)
            rc = nb_strv_pushs(&files, path.data);
    }
    closedir(d);
    if (rc == NB_OK)
        rc = add_sorted_files(set, files.v, files.n, added);
    nb_strv_release(&files);
    nb_buf_release(&path);
    return rc;
}

static nb_status add_glob(struct article_set *set, const char *pattern, size_t *added)
{
    glob_t g;
    memset(&g, 0, sizeof(g));
    /* sorted below with strcmp, not glob's locale-dependent order */
    int r = glob(pattern, GLOB_NOSORT, NULL, &g);
    /* glibc's glob() already calls globfree() itself before returning
     * GLOB_NOSPACE, leaving gl_pathv dangling: freeing again would be a
     * double free */
    if (r == GLOB_NOSPACE)
        return NB_ENOMEM;
    nb_status rc = NB_OK;
    if (r == 0)
        rc = add_sorted_files(set, g.gl_pathv, g.gl_pathc, added);
    globfree(&g);
    return rc;
}

static int is_glob(const char *s)
{
    return strpbrk(s, "*?[") != NULL;
}

/* `entry` joined to `dir` as a glob pattern: the folder's own '*', '?', '['
 * and '\\' are escaped so that only the entry's are wildcards. */
static nb_status glob_pattern(const char *dir, const char *entry, struct nb_buf *out)
{
    if (entry[0] != '/' && dir && dir[0] && strcmp(dir, ".") != 0) {
        for (const char *s = dir; *s; s++)
            if ((strchr("*?[\\", *s) && nb_buf_addc(out, '\\') != NB_OK) ||
                nb_buf_addc(out, *s) != NB_OK)
                return NB_ENOMEM;
        if (out->data[out->len - 1] != '/' && nb_buf_addc(out, '/') != NB_OK)
            return NB_ENOMEM;
    }
    return nb_buf_adds(out, entry);
}

static nb_status add_entry(const struct nb_yaml_doc *doc, const struct nb_yaml_node *node,
                           const char *dir, struct article_set *set, struct nb_error *err)
{
    char *entry = NULL;
    set->priority = NO_PRIORITY;
    if (node->kind == NB_YAML_MAPPING) {
        /* {file: x.txt, priority: 1} */
        nb_status krc = nb_yaml_check_keys(doc, node, article_keys, err);
        if (krc != NB_OK)
            return krc;
        const struct nb_yaml_node *pr = nb_yaml_get(node, "priority");
        long v;
        if (pr && (krc = nb_yaml_int(doc, pr, "priority", 1, MAX_PRIORITY, &v, err)) != NB_OK)
            return krc;
        const struct nb_yaml_node *file = nb_yaml_get(node, "file");
        if (!file)
            return nb_yaml_error(doc, node, err,
                                 "an article entry written as a mapping needs 'file' (e.g. "
                                 "{file: story.txt, priority: 1})");
        if (pr)
            set->priority = (unsigned)v;
        node = file;
    }
    set->mark = node->mark;
    nb_status rc = nb_yaml_string(doc, node, "articles", &entry, err);
    if (rc != NB_OK)
        return rc;
    if (!entry[0]) {
        free(entry);
        return nb_yaml_error(doc, node, err,
                             "an article entry is empty; give a file, a folder or a glob");
    }
    struct nb_buf path;
    nb_buf_init(&path, 0);
    size_t added = 0;
    nb_status r = nb_fetch_is_url(entry) ? NB_OK
                  : is_glob(entry)       ? glob_pattern(dir, entry, &path)
                                         : nb_path_join(dir, entry, &path);
    struct stat st;
    if (r != NB_OK) {
        /* out of memory, reported below */
    } else if (nb_fetch_is_url(entry)) {
        r = url_add(set, entry);
    } else if (is_glob(entry)) {
        r = add_glob(set, path.data, &added);
        if (r == NB_OK && !added)
            rc = nb_yaml_error(doc, node, err, "'%s' matches no file", entry);
    } else if (stat(path.data, &st) != 0) {
        rc = nb_yaml_error(doc, node, err, "'%s' matches no file or folder", entry);
    } else if (S_ISDIR(st.st_mode)) {
        r = add_folder(set, path.data, &added);
        if (r == NB_EINPUT)
            rc = nb_yaml_error(doc, node, err, "cannot read folder '%s'", entry);
        else if (r == NB_OK && !added)
            rc = nb_yaml_error(doc, node, err,
                               "folder '%s' has no articles, pages or feeds "
                               "(.txt, .md, .html, .htm, .xml, .rss, .atom)",
                               entry);
    } else if (S_ISREG(st.st_mode)) {
        r = article_add(set, path.data, &st);
    } else {
        rc = nb_yaml_error(doc, node, err, "'%s' is not a file or a folder", entry);
    }
    if (r == NB_ENOMEM)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&path);
    free(entry);
    return rc;
}

/* The id of an article: its file name without the extension. */
static char *story_id(const char *path)
{
    const char *base = nb_path_basename(path);
    const char *dot = strrchr(base, '.');
    return nb_strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

struct ranked {
    size_t index;
    size_t order;      /* position in `order`, or SIZE_MAX */
    unsigned priority; /* NO_PRIORITY when none */
};

static int cmp_ranked(const void *pa, const void *pb)
{
    const struct ranked *a = pa, *b = pb;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    if (a->priority != b->priority)
        return a->priority < b->priority ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Stories listed in `order` first, then by priority, then as listed. */
static nb_status order_articles(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                                struct nb_briefing *b, const struct file_id *ids,
                                struct nb_error *err)
{
    size_t n = b->articles.n;
    const struct nb_yaml_node *order = nb_yaml_get(root, "order");
    if (order && order->kind != NB_YAML_SEQUENCE)
        return nb_yaml_error(doc, order, err,
                             "'order' must be a list of story ids (article file names without "
                             "the extension)");
    struct ranked *r = calloc(n ? n : 1, sizeof(*r));
    struct nb_strv stems;
    nb_strv_init(&stems);
    nb_status rc = r ? NB_OK : nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; rc == NB_OK && i < n; i++) {
        r[i] = (struct ranked){i, SIZE_MAX, ids[i].priority};
        if (nb_strv_push_owned(&stems, story_id(b->articles.v[i])) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    for (size_t k = 0; rc == NB_OK && order && k < order->nitems; k++) {
        char *id = NULL;
        if ((rc = nb_yaml_string(doc, order->items[k], "order", &id, err)) != NB_OK)
            break;
        size_t i = 0;
        while (i < n && strcmp(stems.v[i], id) != 0)
            i++;
        if (i == n) {
            const char *near = stems.n ? nb_suggest(id, (const char *const *)stems.v) : NULL;
            char hint[160] = "";
            if (near)
                snprintf(hint, sizeof(hint), " (did you mean '%s'?)", near);
            rc = nb_yaml_error(doc, order->items[k], err,
                               "unknown story id '%s' in 'order'%s; ids are article file names "
                               "without the extension",
                               id, hint);
        } else if (r[i].order != SIZE_MAX) {
            rc = nb_yaml_error(doc, order->items[k], err, "story id '%s' is in 'order' twice", id);
        } else {
            r[i].order = k;
        }
        free(id);
    }
    if (rc == NB_OK && n) {
        qsort(r, n, sizeof(*r), cmp_ranked);
        char **v = malloc(n * sizeof(*v));
        b->article_marks = malloc(n * sizeof(*b->article_marks));
        if (!v || !b->article_marks) {
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        } else {
            for (size_t i = 0; i < n; i++) {
                v[i] = b->articles.v[r[i].index];
                b->article_marks[i] = ids[r[i].index].mark;
            }
            memcpy(b->articles.v, v, n * sizeof(*v));
        }
        free(v);
    }
    nb_strv_release(&stems);
    free(r);
    return rc;
}

static nb_status read_articles(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                               struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "articles");
    if (!n)
        return nb_yaml_error(doc, root, err,
                             "missing required key 'articles' (the article files, folders or "
                             "globs to read)");
    struct article_set set = {&b->articles, NULL, 0, NO_PRIORITY, {0, 0}};
    nb_status rc = NB_OK;
    if (n->kind == NB_YAML_MAPPING) {
        rc = nb_yaml_error(doc, n, err,
                           "'articles' must be a list of files, folders or globs, not a mapping");
    } else if (n->kind == NB_YAML_SCALAR) {
        rc = add_entry(doc, n, b->dir, &set, err);
    } else if (!n->nitems) {
        rc = nb_yaml_error(doc, n, err,
                           "'articles' is empty; list at least one file, folder or glob");
    } else {
        for (size_t i = 0; i < n->nitems && rc == NB_OK; i++)
            rc = add_entry(doc, n->items[i], b->dir, &set, err);
    }
    if (rc == NB_OK)
        rc = order_articles(doc, root, b, set.ids, err);
    free(set.ids);
    return rc;
}

/* ---- the other keys ---- */

static nb_status read_title(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                            struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "title");
    if (!n)
        return nb_yaml_error(doc, root, err, "missing required key 'title'");
    nb_status rc = nb_yaml_string(doc, n, "title", &b->title, err);
    if (rc != NB_OK)
        return rc;
    const char *s = b->title;
    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    if (!*s)
        return nb_yaml_error(doc, n, err, "'title' must not be empty");
    return NB_OK;
}

/* limits: {title: 200, sentence: 2000, segment: 20000, bulletin: 200000},
 * in characters; then the title is held to its limit. */
static nb_status read_limits(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                             struct nb_briefing *b, struct nb_error *err)
{
    static const char *const keys[] = {"title", "sentence", "segment", "bulletin", NULL};
    const struct nb_yaml_node *m = nb_yaml_get(root, "limits");
    nb_status rc = NB_OK;
    if (m && !nb_yaml_is_null(m)) {
        if (m->kind != NB_YAML_MAPPING)
            return nb_yaml_error(doc, m, err,
                                 "'limits' must be a mapping like {sentence: 4000, segment: "
                                 "40000}, not %s",
                                 m->kind == NB_YAML_SEQUENCE ? "a list" : "a single value");
        b->limits_mark = m->mark;
        rc = nb_yaml_check_keys(doc, m, keys, err);
        size_t *out[4] = {&b->limits.title, &b->limits.sentence, &b->limits.segment,
                          &b->limits.bulletin};
        for (size_t i = 0; rc == NB_OK && i < 4; i++) {
            const struct nb_yaml_node *n = nb_yaml_get(m, keys[i]);
            long v;
            if (n && (rc = nb_yaml_int(doc, n, keys[i], 1, (long)NB_LIMIT_MAX, &v, err)) == NB_OK)
                *out[i] = (size_t)v;
        }
    }
    size_t max = b->limits.title ? b->limits.title : NB_LIMIT_TITLE;
    size_t chars = rc == NB_OK && b->title ? nb_limits_chars(b->title, strlen(b->title)) : 0;
    if (chars > max)
        rc = nb_yaml_error(doc, nb_yaml_get(root, "title"), err,
                           "'title' has %zu characters, more than the %zu allowed (it is said in "
                           "the intro; 'limits: {title: N}' raises it)",
                           chars, max);
    return rc;
}

/* jingles: {intro: sting.wav, between: bed.flac, outro: end.ogg} */
static nb_status read_jingles(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                              struct nb_briefing *b, struct nb_error *err)
{
    static const char *const keys[] = {"intro", "between", "outro", NULL};
    const struct nb_yaml_node *m = nb_yaml_get(root, "jingles");
    if (!m || nb_yaml_is_null(m))
        return NB_OK;
    if (m->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, m, err,
                             "'jingles' must be a mapping like {intro: sting.wav, between: "
                             "bed.wav, outro: end.wav}");
    nb_status rc = nb_yaml_check_keys(doc, m, keys, err);
    for (int k = 0; rc == NB_OK && k < 3; k++) {
        const struct nb_yaml_node *n = nb_yaml_get(m, keys[k]);
        char *value = NULL;
        if (!n || (rc = nb_yaml_string(doc, n, keys[k], &value, err)) != NB_OK)
            continue;
        struct nb_buf path;
        nb_buf_init(&path, 0);
        struct nb_error why;
        nb_error_init(&why);
        if (nb_path_join(b->dir, value, &path) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (nb_jingle_check(path.data, &why) != NB_OK)
            rc = nb_yaml_error(doc, n, err, "'%s': %s", keys[k], why.message);
        else if (!(b->jingles[k] = nb_buf_detach(&path, NULL)))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        nb_buf_release(&path);
        free(value);
    }
    return rc;
}

/* publisher: Nordhavn Radio - written in the audio files' metadata */
static nb_status read_publisher(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                                struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "publisher");
    if (!n || nb_yaml_is_null(n))
        return NB_OK;
    return nb_yaml_string(doc, n, "publisher", &b->publisher, err);
}

static nb_status read_date(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                           struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "date");
    if (!n)
        return NB_OK;
    char shown[96];
    if (n->kind != NB_YAML_SCALAR || nb_yaml_is_null(n) ||
        !nb_date_parse_iso(n->scalar, &b->year, &b->month, &b->day))
        return nb_yaml_error(doc, n, err, "'date' must be a date like 2026-11-28, not %s",
                             nb_yaml_describe(n, shown, sizeof(shown)));
    b->has_date = 1;
    return NB_OK;
}

static nb_status read_count(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                            const char *key, long max, unsigned *out, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, key);
    long v;
    if (!n)
        return NB_OK;
    nb_status rc = nb_yaml_int(doc, n, key, 1, max, &v, err);
    if (rc == NB_OK)
        *out = (unsigned)v;
    return rc;
}

static nb_status read_voice(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                            struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "voice");
    const struct nb_yaml_node *at = n ? n : root;
    nb_status rc;
    if (n) {
        if ((rc = nb_yaml_string(doc, n, "voice", &b->voice, err)) != NB_OK)
            return rc;
        b->voice_mark = n->mark;
        if (!b->voice[0])
            return nb_yaml_error(doc, n, err, "'voice' must not be empty");
    } else if (!(b->voice = nb_strdup(DEFAULT_VOICE))) {
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    struct nb_buf path;
    nb_buf_init(&path, 0);
    rc = nb_voice_profile_find(b->voice, b->dir, &path, err);
    if (rc == NB_EINPUT && err) {
        /* find() knows no position; the voice value (or the mapping, for the
         * default) is where the user fixes it */
        char msg[NB_ERROR_MSG_MAX];
        memcpy(msg, err->message, sizeof(msg));
        nb_yaml_error(doc, at, err, "%s", msg);
    }
    if (rc == NB_OK && !(b->voice_path = nb_buf_detach(&path, NULL)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&path);
    return rc;
}

/* on_error: fail (the default) or skip. */
static nb_status read_on_error(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                               struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "on_error");
    if (!n)
        return NB_OK;
    char shown[96];
    if (n->kind == NB_YAML_SCALAR && strcmp(n->scalar, "fail") == 0)
        b->skip_on_error = 0;
    else if (n->kind == NB_YAML_SCALAR && strcmp(n->scalar, "skip") == 0)
        b->skip_on_error = 1;
    else
        return nb_yaml_error(doc, n, err,
                             "'on_error' must be fail (the build fails) or skip (the story "
                             "eSpeak NG cannot say is left out), not %s",
                             nb_yaml_describe(n, shown, sizeof(shown)));
    b->on_error_mark = n->mark;
    return NB_OK;
}

static nb_status read_flag(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                           const char *key, int *out, struct nb_error *err);
static nb_status read_small(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                            const char *key, long min, long max, unsigned *out,
                            struct nb_error *err);

/* The formats `output: {format: ...}` names, and their extensions. */
static const struct {
    const char *name, *ext;
} formats[] = {{"wav", ".wav"}, {"flac", ".flac"},  {"mp3", ".mp3"},
               {"ogg", ".ogg"}, {"vorbis", ".ogg"}, {"opus", ".opus"}};

/* The file name, resolved against the briefing's folder; its extension
 * must name a format. */
static nb_status read_output_file(const struct nb_yaml_doc *doc, const struct nb_yaml_node *n,
                                  struct nb_briefing *b, struct nb_error *err)
{
    char *value = NULL;
    nb_status rc = nb_yaml_string(doc, n, "output", &value, err);
    if (rc != NB_OK)
        return rc;
    size_t len = strlen(value);
    struct nb_error why;
    nb_error_init(&why);
    if (!len)
        rc = nb_yaml_error(doc, n, err, "'output' must not be empty");
    else if (value[len - 1] == '/')
        rc = nb_yaml_error(doc, n, err, "'output' must be a file name, not the folder '%s'", value);
    else if (nb_audio_format_from_path(value, &b->format, &why) != NB_OK)
        rc = nb_yaml_error(doc, n, err, "'output': %s", why.message);
    struct nb_buf path;
    nb_buf_init(&path, 0);
    if (rc == NB_OK &&
        (nb_path_join(b->dir, value, &path) != NB_OK || !(b->output = nb_buf_detach(&path, NULL))))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&path);
    free(value);
    return rc;
}

/* output: out/morning.mp3, or {file, format, rate, channels, bits, per_story} */
static nb_status read_output(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                             struct nb_briefing *b, struct nb_error *err)
{
    static const char *const keys[] = {"file", "format",    "rate", "channels",
                                       "bits", "per_story", NULL};
    const struct nb_yaml_node *n = nb_yaml_get(root, "output");
    if (!n)
        return NB_OK;
    b->output_mark = n->mark;
    if (n->kind != NB_YAML_MAPPING)
        return read_output_file(doc, n, b, err);
    nb_status rc = nb_yaml_check_keys(doc, n, keys, err);
    const struct nb_yaml_node *file = nb_yaml_get(n, "file"), *format = nb_yaml_get(n, "format");
    if (rc == NB_OK && file)
        rc = read_output_file(doc, file, b, err);
    if (rc == NB_OK && format) {
        char *name = NULL;
        rc = nb_yaml_string(doc, format, "format", &name, err);
        size_t i = 0;
        while (rc == NB_OK && i < sizeof(formats) / sizeof(formats[0]) &&
               !(strlen(name) == strlen(formats[i].name) &&
                 nb_ascii_ncasecmp(formats[i].name, name, strlen(name)) == 0))
            i++;
        if (rc == NB_OK && i == sizeof(formats) / sizeof(formats[0]))
            rc = nb_yaml_error(doc, format, err,
                               "'format' must be wav, flac, mp3, ogg or opus, not '%.40s'", name);
        struct nb_error why;
        nb_error_init(&why);
        const char *ext = file && b->output ? strrchr(b->output, '.') : NULL;
        if (rc == NB_OK && ext &&
            (strlen(ext) != strlen(formats[i].ext) ||
             nb_ascii_ncasecmp(ext, formats[i].ext, strlen(ext)) != 0))
            rc = nb_yaml_error(doc, format, err,
                               "'format' %s does not match the file's extension (name the file "
                               "'.%s' or leave 'format' out)",
                               name, formats[i].ext + 1);
        char sample[16];
        snprintf(sample, sizeof(sample), "x%s", rc == NB_OK ? formats[i].ext : "");
        if (rc == NB_OK && nb_audio_format_from_path(sample, &b->format, &why) != NB_OK)
            rc = nb_error_set(err, NB_EINTERNAL, "%s", why.message);
        if (rc == NB_OK && !(b->output_ext = nb_strdup(formats[i].ext)))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        free(name);
    }
    if (rc == NB_OK)
        rc = read_small(doc, n, "rate", 8000, 192000, &b->format.rate, err);
    if (rc == NB_OK)
        rc = read_small(doc, n, "channels", 1, 2, &b->format.channels, err);
    if (rc == NB_OK)
        rc = read_small(doc, n, "bits", 16, 24, &b->format.bits, err);
    if (rc == NB_OK)
        rc = read_flag(doc, n, "per_story", &b->per_story, err);
    struct nb_error why;
    nb_error_init(&why);
    if (rc == NB_OK && nb_audio_format_check(&b->format, &why) != NB_OK)
        rc = nb_yaml_error(doc, n, err, "'output': %s", why.message);
    return rc;
}

/* loudness: podcast | broadcast | atsc | alexa | off | -18 */
static nb_status read_loudness(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                               struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "loudness");
    if (!n)
        return NB_OK;
    b->loudness_mark = n->mark;
    char shown[96];
    if (n->kind != NB_YAML_SCALAR || nb_yaml_is_null(n))
        return nb_yaml_error(doc, n, err,
                             "'loudness' must be a preset (%s) or a number of LUFS, not %s",
                             nb_loudness_presets(), nb_yaml_describe(n, shown, sizeof(shown)));
    struct nb_error why;
    nb_error_init(&why);
    /* YAML reads "off" as false: take the text as written */
    if (nb_loudness_target_parse(n->scalar, &b->loudness, &why) != NB_OK)
        return nb_yaml_error(doc, n, err, "%s", why.message);
    return NB_OK;
}

static nb_status read_lexicon(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                              struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "lexicon");
    char *value = NULL;
    if (!n)
        return NB_OK;
    nb_status rc = nb_yaml_string(doc, n, "lexicon", &value, err);
    if (rc != NB_OK)
        return rc;
    b->lexicon_mark = n->mark;
    struct nb_buf path;
    struct stat st;
    nb_buf_init(&path, 0);
    if (!value[0])
        rc = nb_yaml_error(doc, n, err, "'lexicon' must not be empty");
    else if (nb_path_join(b->dir, value, &path) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    else if (stat(path.data, &st) != 0 || !S_ISREG(st.st_mode))
        rc = nb_yaml_error(doc, n, err, "'lexicon': no lexicon file '%s' (looked for %s)", value,
                           path.data);
    if (rc == NB_OK && !(b->lexicon_path = nb_buf_detach(&path, NULL)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&path);
    free(value);
    return rc;
}

static nb_status read_time(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                           struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "time");
    if (!n)
        return NB_OK;
    char shown[96];
    const char *t = n->kind == NB_YAML_SCALAR ? n->scalar : "";
    size_t len = strlen(t);
    int ok = (len == 4 || len == 5) && t[len - 3] == ':';
    int h = 0, m = 0;
    for (size_t i = 0; ok && i < len; i++) {
        if (i == len - 3)
            continue;
        if (t[i] < '0' || t[i] > '9')
            ok = 0;
        else if (i < len - 3)
            h = h * 10 + (t[i] - '0');
        else
            m = m * 10 + (t[i] - '0');
    }
    if (!ok || h > 23 || m > 59)
        return nb_yaml_error(doc, n, err, "'time' must be a time of day like \"07:00\", not %s",
                             nb_yaml_describe(n, shown, sizeof(shown)));
    b->has_time = 1;
    b->hour = h;
    b->minute = m;
    return NB_OK;
}

static nb_status read_flag(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                           const char *key, int *out, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, key);
    return n ? nb_yaml_bool(doc, n, key, out, err) : NB_OK;
}

static nb_status read_small(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                            const char *key, long min, long max, unsigned *out,
                            struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, key);
    long v;
    if (!n)
        return NB_OK;
    nb_status rc = nb_yaml_int(doc, n, key, min, max, &v, err);
    if (rc == NB_OK)
        *out = (unsigned)v;
    return rc;
}

static nb_status read_quote_voice(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                                  struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "quote_voice");
    if (!n)
        return NB_OK;
    nb_status rc = nb_yaml_string(doc, n, "quote_voice", &b->quote_voice, err);
    if (rc != NB_OK)
        return rc;
    b->quote_voice_mark = n->mark;
    if (!b->quote_voice[0])
        return nb_yaml_error(doc, n, err, "'quote_voice' must not be empty");
    struct nb_buf path;
    nb_buf_init(&path, 0);
    rc = nb_voice_profile_find(b->quote_voice, b->dir, &path, err);
    if (rc == NB_EINPUT && err) {
        char msg[NB_ERROR_MSG_MAX];
        memcpy(msg, err->message, sizeof(msg));
        nb_yaml_error(doc, n, err, "%s", msg);
    }
    if (rc == NB_OK && !(b->quote_voice_path = nb_buf_detach(&path, NULL)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_release(&path);
    return rc;
}

/* pauses: {start: 500ms, end: 2s} */
static nb_status read_pauses(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                             struct nb_briefing *b, struct nb_error *err)
{
    static const char *const keys[] = {"start", "end", NULL};
    const struct nb_yaml_node *p = nb_yaml_get(root, "pauses");
    if (!p || nb_yaml_is_null(p))
        return NB_OK;
    if (p->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, p, err,
                             "'pauses' must be a mapping like {start: 500ms, end: 2s}, not %s",
                             p->kind == NB_YAML_SEQUENCE ? "a list" : "a single value");
    nb_status rc = nb_yaml_check_keys(doc, p, keys, err);
    unsigned *out[2] = {&b->lead_in_ms, &b->lead_out_ms};
    for (size_t i = 0; rc == NB_OK && i < 2; i++) {
        const struct nb_yaml_node *n = nb_yaml_get(p, keys[i]);
        unsigned long ms;
        if (n && (rc = nb_yaml_duration_ms(doc, n, keys[i], 0, 10000, &ms, err)) == NB_OK)
            *out[i] = (unsigned)ms;
    }
    return rc;
}

static nb_status read_duration(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                               struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "duration");
    if (!n)
        return NB_OK;
    unsigned long ms;
    nb_status rc =
        nb_yaml_duration_ms(doc, n, "duration", 1000, NB_BRIEFING_MAX_DURATION_MS, &ms, err);
    if (rc != NB_OK)
        return rc;
    if (ms < NB_BRIEFING_MIN_DURATION_MS) {
        char shown[96];
        return nb_yaml_error(doc, n, err,
                             "'duration' must be at least 30s (an intro, one story and an "
                             "outro), not %s",
                             nb_yaml_describe(n, shown, sizeof(shown)));
    }
    b->duration_ms = ms;
    b->duration_mark = n->mark;
    if (!b->stories_given)
        b->stories = 100;
    if (!b->sentences_given)
        b->sentences = 50;
    return NB_OK;
}

static nb_status read_templates(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                                struct nb_briefing *b, struct nb_error *err)
{
    static const char *const keys[] = {"intro", "outro"};
    char **slots[] = {&b->intro, &b->outro};
    for (size_t i = 0; i < 2; i++) {
        const struct nb_yaml_node *n = nb_yaml_get(root, keys[i]);
        if (!n)
            continue;
        nb_status rc = nb_yaml_string(doc, n, keys[i], slots[i], err);
        if (rc != NB_OK)
            return rc;
        const char *p = *slots[i];
        while (*p == ' ' || *p == '\t' || *p == '\n')
            p++;
        if (!*p)
            return nb_yaml_error(doc, n, err, "'%s' must not be empty", keys[i]);
        size_t off, len;
        if (!nb_template_check(*slots[i], NB_TEMPLATE_BULLETIN, &off, &len))
            return nb_yaml_error(doc, n, err,
                                 "unknown placeholder '%.*s' in '%s' (use {title}, {date}, "
                                 "{count} or {time_of_day}; write {{ for a brace)",
                                 (int)(len > 40 ? 40 : len), *slots[i] + off, keys[i]);
    }
    const struct nb_yaml_node *t = nb_yaml_get(root, "transitions");
    return t ? nb_transition_bank_read(doc, t, 0, &b->transitions, err) : NB_OK;
}

/* ---- web pages and feeds ---- */

/* The longest `since`: 366 days, in milliseconds (an unsigned long of 32
 * bits holds 49 days of them) */
#if ULONG_MAX / 86400000ul >= 366
#define SINCE_MAX_MS (366ul * 86400000ul)
#else
#define SINCE_MAX_MS ULONG_MAX
#endif

static nb_status read_since(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                            struct nb_briefing *b, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "since");
    if (!n)
        return NB_OK;
    long long when;
    if (n->kind == NB_YAML_SCALAR && !nb_yaml_is_null(n) && n->scalar[0] >= '0' &&
        n->scalar[0] <= '9' && strchr(n->scalar, '-') &&
        nb_feed_parse_date(n->scalar, &when) == NB_OK) {
        b->since_kind = NB_SINCE_TIME;
        b->since_time = when;
        return NB_OK;
    }
    struct nb_error dur;
    nb_error_init(&dur);
    unsigned long ms;
    if (n->kind == NB_YAML_SCALAR && strpbrk(n->scalar, "dhms") &&
        nb_yaml_duration_ms(doc, n, "since", 1, SINCE_MAX_MS, &ms, &dur) == NB_OK && ms) {
        b->since_kind = NB_SINCE_AGO;
        b->since_ms = ms;
        return NB_OK;
    }
    char shown[96];
    return nb_yaml_error(doc, n, err,
                         "'since' must be a duration like 12h or 2d (at most 366d), or a date "
                         "like 2026-12-01 or 2026-12-01T06:00:00Z, not %s",
                         nb_yaml_describe(n, shown, sizeof(shown)));
}

static nb_status read_sources(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                              struct nb_briefing *b, struct nb_error *err)
{
    nb_status rc = read_since(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_small(doc, root, "max_items", 1, 1000, &b->max_items, err);
    if (rc == NB_OK)
        rc = read_flag(doc, root, "new_only", &b->new_only, err);
    if (rc == NB_OK)
        rc = read_flag(doc, root, "follow_links", &b->follow_links, err);
    const struct nb_yaml_node *n = nb_yaml_get(root, "on_source_error");
    if (rc == NB_OK && n) {
        char shown[96];
        if (n->kind == NB_YAML_SCALAR && strcmp(n->scalar, "fail") == 0)
            b->fail_on_source_error = 1;
        else if (n->kind == NB_YAML_SCALAR && strcmp(n->scalar, "skip") == 0)
            b->fail_on_source_error = 0;
        else
            rc = nb_yaml_error(doc, n, err,
                               "'on_source_error' must be skip (a warning; the rest is built) "
                               "or fail, not %s",
                               nb_yaml_describe(n, shown, sizeof(shown)));
    }
    n = nb_yaml_get(root, "cache");
    if (rc == NB_OK && n) {
        char *value = NULL;
        rc = nb_yaml_string(doc, n, "cache", &value, err);
        if (rc == NB_OK && !value[0])
            rc = nb_yaml_error(doc, n, err, "'cache' must not be empty");
        struct nb_buf path;
        nb_buf_init(&path, 0);
        if (rc == NB_OK && (nb_path_join(b->dir, value, &path) != NB_OK ||
                            !(b->cache_dir = nb_buf_detach(&path, NULL))))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        nb_buf_release(&path);
        free(value);
    }
    return rc;
}

static nb_status read_briefing(const struct nb_yaml_doc *doc, struct nb_briefing *b,
                               struct nb_error *err)
{
    const struct nb_yaml_node *root = doc->root;
    if (!root)
        return nb_error_set_at(err, NB_EINPUT, doc->path, 1, 1,
                               "the file is empty; a briefing needs at least 'title' and "
                               "'articles'");
    if (root->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, root, err,
                             "a briefing must be keys and values like 'title: Morning Briefing', "
                             "not %s",
                             root->kind == NB_YAML_SEQUENCE ? "a list" : "a single value");
    nb_status rc = nb_yaml_check_keys(doc, root, briefing_keys, err);
    if (rc == NB_OK)
        rc = read_title(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_limits(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_date(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_count(doc, root, "stories", 100, &b->stories, err);
    if (rc == NB_OK)
        rc = read_count(doc, root, "sentences", 50, &b->sentences, err);
    b->stories_given = nb_yaml_get(root, "stories") != NULL;
    b->sentences_given = nb_yaml_get(root, "sentences") != NULL;
    if (rc == NB_OK)
        rc = read_voice(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_articles(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_output(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_loudness(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_publisher(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_jingles(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_small(doc, root, "rate", 80, 450, &b->rate, err);
    if (rc == NB_OK)
        rc = read_pauses(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_time(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_small(doc, root, "quotes", 0, 10, &b->quotes, err);
    if (rc == NB_OK)
        rc = read_small(doc, root, "max_words", 0, 200, &b->max_words, err);
    if (rc == NB_OK)
        rc = read_flag(doc, root, "headlines", &b->headlines, err);
    if (rc == NB_OK)
        rc = read_flag(doc, root, "recap", &b->recap, err);
    if (rc == NB_OK)
        rc = read_quote_voice(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_duration(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_templates(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_lexicon(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_sources(doc, root, b, err);
    if (rc == NB_OK)
        rc = read_on_error(doc, root, b, err);
    return rc;
}

nb_status nb_briefing_load(struct nb_briefing *b, const char *path, struct nb_error *err)
{
    struct nb_yaml_doc doc;
    struct nb_buf dir;
    nb_briefing_release(b);
    nb_buf_init(&dir, 0);
    if (!(b->path = nb_strdup(path)) || nb_path_dirname(path, &dir) != NB_OK ||
        !(b->dir = nb_buf_detach(&dir, NULL))) {
        nb_buf_release(&dir);
        nb_briefing_release(b);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    nb_status rc = nb_yaml_doc_load(&doc, path, err);
    if (rc == NB_OK)
        rc = read_briefing(&doc, b, err);
    nb_yaml_doc_release(&doc);
    if (rc != NB_OK)
        nb_briefing_release(b);
    return rc;
}

/* ---- default output name ---- */

nb_status nb_briefing_default_output(const char *title, struct nb_buf *out)
{
    struct nb_buf slug;
    nb_buf_init(&slug, 0);
    size_t len = strlen(title), i = 0;
    int dash = 0;
    nb_status rc = NB_OK;
    while (i < len && rc == NB_OK) {
        uint32_t cp;
        i += nb_utf8_decode(title + i, len - i, &cp);
        if (!nb_char_is_word(cp)) {
            dash = slug.len > 0;
            continue;
        }
        char enc[4];
        size_t n = nb_utf8_encode(nb_char_lower(cp), enc);
        if (slug.len + dash + n > MAX_SLUG_BYTES)
            break;
        if (dash)
            rc = nb_buf_addc(&slug, '-');
        dash = 0;
        if (rc == NB_OK)
            rc = nb_buf_add(&slug, enc, n);
    }
    if (rc == NB_OK)
        rc = nb_buf_adds(out, slug.len ? slug.data : "briefing");
    if (rc == NB_OK)
        rc = nb_buf_adds(out, ".wav");
    nb_buf_release(&slug);
    return rc;
}
