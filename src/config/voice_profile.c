/* voice_profile.c - voices/NAME.yaml: which eSpeak NG voice, how fast, what pauses. */
#include "config/voice_profile.h"

#include "speech/speech.h"
#include "text/chars.h"
#include "text/data_path.h"
#include "text/file.h"
#include "text/strv.h"
#include "text/suggest.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_RATE 165
#define DEFAULT_PITCH 50
#define DEFAULT_RANGE 50
#define DEFAULT_VOLUME 100
#define DEFAULT_SENTENCE_PAUSE_MS 350
#define DEFAULT_SEGMENT_PAUSE_MS 600
#define DEFAULT_STORY_PAUSE_MS 1000
#define MAX_PAUSE_MS 10000

static const char *const profile_keys[] = {"name",   "espeak", "rate",     "pitch", "range",
                                           "volume", "pauses", "variants", NULL};
static const char *const variant_keys[] = {"female", "male", NULL};
static const char *const pause_keys[] = {"sentence", "segment",   "story",
                                         "quote",    "paragraph", NULL};

void nb_voice_profile_init(struct nb_voice_profile *v)
{
    memset(v, 0, sizeof(*v));
    v->rate = DEFAULT_RATE;
    v->pitch = DEFAULT_PITCH;
    v->range = DEFAULT_RANGE;
    v->volume = DEFAULT_VOLUME;
    v->sentence_pause_ms = DEFAULT_SENTENCE_PAUSE_MS;
    v->segment_pause_ms = DEFAULT_SEGMENT_PAUSE_MS;
    v->story_pause_ms = DEFAULT_STORY_PAUSE_MS;
    nb_strv_init(&v->female);
    nb_strv_init(&v->male);
}

void nb_voice_profile_release(struct nb_voice_profile *v)
{
    free(v->name);
    free(v->path);
    free(v->espeak);
    free(v->language);
    nb_strv_release(&v->female);
    nb_strv_release(&v->male);
    nb_voice_profile_init(v);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The file name without its folder and ".yaml"/".yml". */
static char *name_from_path(const char *path)
{
    const char *base = nb_path_basename(path);
    size_t n = strlen(base);
    if (ends_with(base, ".yaml"))
        n -= 5;
    else if (ends_with(base, ".yml"))
        n -= 4;
    return nb_strndup(base, n);
}

/* One part of an eSpeak NG identifier ("gmw", "en-GB"): letters, digits,
 * '-' and '_', starting with a letter or digit. */
static int identifier_part_ok(const char *s, size_t n)
{
    if (!n || !nb_ascii_is_alnum((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!nb_ascii_is_alnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
            return 0;
    return 1;
}

/* 1 when an `espeak` value reads as a file path ("../../etc/passwd",
 * "/usr/x", "./en", "~/v"): one starting with '.' or holding a '/' other
 * than the one of an identifier such as gmw/en. */
static int espeak_is_path(const char *s)
{
    size_t n = strcspn(s, "+");
    const char *slash = memchr(s, '/', n);
    if (s[0] == '.' || strchr(s + n, '/'))
        return 1;
    return slash && (!identifier_part_ok(s, (size_t)(slash - s)) ||
                     !identifier_part_ok(slash + 1, n - (size_t)(slash + 1 - s)));
}

/* "en-gb", "en-gb+f3", "mb-en1": one word, at most one '+', neither part empty. */
static int espeak_name_ok(const char *s)
{
    const char *plus = strchr(s, '+');
    if (!s[0] || s[0] == '+' || (plus && (!plus[1] || strchr(plus + 1, '+'))))
        return 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c <= ' ' || c == 0x7f)
            return 0;
    }
    return 1;
}

static nb_status read_int(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                          const char *key, long min, long max, int *out, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, key);
    long v;
    if (!n)
        return NB_OK;
    nb_status rc = nb_yaml_int(doc, n, key, min, max, &v, err);
    if (rc == NB_OK)
        *out = (int)v;
    return rc;
}

static nb_status read_pause(const struct nb_yaml_doc *doc, const struct nb_yaml_node *pauses,
                            const char *key, unsigned *out, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(pauses, key);
    unsigned long ms;
    if (!n)
        return NB_OK;
    nb_status rc = nb_yaml_duration_ms(doc, n, key, 1, MAX_PAUSE_MS, &ms, err);
    if (rc == NB_OK)
        *out = (unsigned)ms;
    return rc;
}

static nb_status read_pauses(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                             struct nb_voice_profile *v, struct nb_error *err)
{
    const struct nb_yaml_node *p = nb_yaml_get(root, "pauses");
    if (!p || nb_yaml_is_null(p))
        return NB_OK;
    if (p->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, p, err,
                             "'pauses' must be a mapping with sentence, segment, story, quote "
                             "and paragraph, not %s",
                             p->kind == NB_YAML_SEQUENCE ? "a list" : "a single value");
    nb_status rc = nb_yaml_check_keys(doc, p, pause_keys, err);
    if (rc == NB_OK)
        rc = read_pause(doc, p, "sentence", &v->sentence_pause_ms, err);
    if (rc == NB_OK)
        rc = read_pause(doc, p, "segment", &v->segment_pause_ms, err);
    if (rc == NB_OK)
        rc = read_pause(doc, p, "story", &v->story_pause_ms, err);
    if (rc == NB_OK)
        rc = read_pause(doc, p, "quote", &v->quote_pause_ms, err);
    if (rc == NB_OK)
        rc = read_pause(doc, p, "paragraph", &v->paragraph_pause_ms, err);
    return rc;
}

/* "f3", "m7", "klatt2": what eSpeak NG names a variant file. */
static int variant_name_ok(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!nb_ascii_is_alnum((unsigned char)s[n]) && s[n] != '-' && s[n] != '_')
            return 0;
    return n > 0 && n <= 32;
}

static nb_status read_variant_list(const struct nb_yaml_doc *doc, const struct nb_yaml_node *map,
                                   const char *key, struct nb_strv *out, struct nb_mark *marks,
                                   struct nb_error *err)
{
    const struct nb_yaml_node *list = nb_yaml_get(map, key);
    if (!list || nb_yaml_is_null(list))
        return NB_OK;
    if (list->kind != NB_YAML_SEQUENCE)
        return nb_yaml_error(doc, list, err,
                             "'%s' must be a list of eSpeak NG variants like [f3, f2]", key);
    if (list->nitems > NB_VOICE_VARIANTS_MAX)
        return nb_yaml_error(doc, list, err, "'%s' lists %zu variants; at most %d are used", key,
                             list->nitems, NB_VOICE_VARIANTS_MAX);
    for (size_t i = 0; i < list->nitems; i++) {
        const struct nb_yaml_node *item = list->items[i];
        if (item->kind != NB_YAML_SCALAR || !variant_name_ok(item->scalar))
            return nb_yaml_error(doc, item, err,
                                 "'%s': '%.40s' is not an eSpeak NG variant (one word like f3 or "
                                 "m7)",
                                 key, item->kind == NB_YAML_SCALAR ? item->scalar : "a list");
        if (nb_strv_pushs(out, item->scalar) != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        marks[i] = item->mark;
    }
    return NB_OK;
}

static nb_status read_variants(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                               struct nb_voice_profile *v, struct nb_error *err)
{
    const struct nb_yaml_node *p = nb_yaml_get(root, "variants");
    if (!p || nb_yaml_is_null(p))
        return NB_OK;
    if (p->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, p, err,
                             "'variants' must be a mapping with female and male lists, not %s",
                             p->kind == NB_YAML_SEQUENCE ? "a list" : "a single value");
    nb_status rc = nb_yaml_check_keys(doc, p, variant_keys, err);
    if (rc == NB_OK)
        rc = read_variant_list(doc, p, "female", &v->female, v->female_marks, err);
    if (rc == NB_OK)
        rc = read_variant_list(doc, p, "male", &v->male, v->male_marks, err);
    return rc;
}

static nb_status read_espeak(const struct nb_yaml_doc *doc, const struct nb_yaml_node *root,
                             struct nb_voice_profile *v, struct nb_error *err)
{
    const struct nb_yaml_node *n = nb_yaml_get(root, "espeak");
    if (!n)
        return nb_yaml_error(doc, root, err,
                             "missing required key 'espeak' (an eSpeak NG voice such as en-gb)");
    nb_status rc = nb_yaml_string(doc, n, "espeak", &v->espeak, err);
    if (rc != NB_OK)
        return rc;
    v->espeak_mark = n->mark;
    if (espeak_is_path(v->espeak))
        return nb_yaml_error(doc, n, err,
                             "'espeak' must name an eSpeak NG voice such as en-gb, not a path: "
                             "'%s'",
                             v->espeak);
    if (!espeak_name_ok(v->espeak))
        return nb_yaml_error(doc, n, err,
                             "'espeak' must be an eSpeak NG voice like en-gb or en-gb+f3, not '%s'",
                             v->espeak);
    v->language = nb_strndup(v->espeak, strcspn(v->espeak, "+"));
    return v->language ? NB_OK : nb_error_set(err, NB_ENOMEM, "out of memory");
}

static nb_status read_profile(const struct nb_yaml_doc *doc, struct nb_voice_profile *v,
                              struct nb_error *err)
{
    const struct nb_yaml_node *root = doc->root;
    if (!root)
        return nb_error_set_at(err, NB_EINPUT, doc->path, 1, 1,
                               "the file is empty; a voice profile needs at least 'espeak'");
    if (root->kind != NB_YAML_MAPPING)
        return nb_yaml_error(doc, root, err,
                             "a voice profile must be keys and values like 'espeak: en-gb', "
                             "not %s",
                             root->kind == NB_YAML_SEQUENCE ? "a list" : "a single value");
    nb_status rc = nb_yaml_check_keys(doc, root, profile_keys, err);
    if (rc == NB_OK)
        rc = read_espeak(doc, root, v, err);
    const struct nb_yaml_node *name = nb_yaml_get(root, "name");
    if (rc == NB_OK && name) {
        rc = nb_yaml_string(doc, name, "name", &v->name, err);
        if (rc == NB_OK && !v->name[0])
            rc = nb_yaml_error(doc, name, err, "'name' must not be empty");
    }
    if (rc == NB_OK && !v->name && !(v->name = name_from_path(v->path)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = read_int(doc, root, "rate", 80, 450, &v->rate, err);
    if (rc == NB_OK)
        rc = read_int(doc, root, "pitch", 0, 100, &v->pitch, err);
    if (rc == NB_OK)
        rc = read_int(doc, root, "range", 0, 100, &v->range, err);
    if (rc == NB_OK)
        rc = read_int(doc, root, "volume", 0, 200, &v->volume, err);
    if (rc == NB_OK)
        rc = read_pauses(doc, root, v, err);
    if (rc == NB_OK)
        rc = read_variants(doc, root, v, err);
    return rc;
}

nb_status nb_voice_profile_variant(const struct nb_voice_profile *base, const char *variant,
                                   struct nb_voice_profile *out, struct nb_error *err)
{
    nb_voice_profile_release(out);
    const char *lang = base->language ? base->language : "en";
    out->rate = base->rate;
    out->pitch = base->pitch;
    out->range = base->range;
    out->volume = base->volume;
    out->sentence_pause_ms = base->sentence_pause_ms;
    out->segment_pause_ms = base->segment_pause_ms;
    out->story_pause_ms = base->story_pause_ms;
    out->quote_pause_ms = base->quote_pause_ms;
    out->paragraph_pause_ms = base->paragraph_pause_ms;
    out->espeak_mark = base->espeak_mark;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    int ok = nb_buf_addf(&b, "%s+%s", base->name ? base->name : lang, variant) == NB_OK &&
             (out->name = nb_buf_detach(&b, NULL)) != NULL &&
             nb_buf_addf(&b, "%s+%s", lang, variant) == NB_OK &&
             (out->espeak = nb_buf_detach(&b, NULL)) != NULL &&
             (out->language = nb_strdup(lang)) != NULL &&
             (!base->path || (out->path = nb_strdup(base->path)) != NULL);
    nb_buf_release(&b);
    if (!ok) {
        nb_voice_profile_release(out);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}

nb_status nb_voice_profile_load(struct nb_voice_profile *v, const char *path, struct nb_error *err)
{
    struct nb_yaml_doc doc;
    nb_voice_profile_release(v);
    if (!(v->path = nb_strdup(path)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_status rc = nb_yaml_doc_load(&doc, path, err);
    if (rc == NB_OK)
        rc = read_profile(&doc, v, err);
    nb_yaml_doc_release(&doc);
    if (rc != NB_OK)
        nb_voice_profile_release(v);
    return rc;
}

/* The error `err` holds about a value (NB_EINPUT), said at `mark` of the
 * profile's file, after `prefix` ("'female': ") when not NULL. */
static nb_status at_mark(const struct nb_voice_profile *v, struct nb_mark mark, const char *prefix,
                         nb_status rc, struct nb_error *err)
{
    if (!err || !v->path || rc != NB_EINPUT)
        return rc;
    char message[NB_ERROR_MSG_MAX];
    memcpy(message, err->message, sizeof(message));
    return nb_error_set_at(err, rc, v->path, mark.line, mark.column, "%s%s", prefix ? prefix : "",
                           message);
}

nb_status nb_voice_profile_check_variants(const struct nb_voice_profile *v, struct nb_error *err)
{
    for (int male = 0; male < 2; male++) {
        const struct nb_strv *list = male ? &v->male : &v->female;
        const struct nb_mark *marks = male ? v->male_marks : v->female_marks;
        for (size_t i = 0; i < list->n; i++) {
            nb_status rc = nb_speech_check_variant(list->v[i], err);
            if (rc != NB_OK)
                return at_mark(v, i < NB_VOICE_VARIANTS_MAX ? marks[i] : v->espeak_mark,
                               male ? "'male': " : "'female': ", rc, err);
        }
    }
    return NB_OK;
}

/* ---- finding a profile by name ---- */

static int is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int nb_voice_profile_is_path(const char *name)
{
    return strchr(name, '/') || ends_with(name, ".yaml") || ends_with(name, ".yml");
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A profile's file name: NAME.yaml (what a name is looked up as), not
 * hidden, and not one of the other data files that share the voices/
 * folder (lexicon-LANG.yaml, transitions-LANG.yaml). */
static int is_profile_file(const char *name)
{
    return name[0] != '.' && ends_with(name, ".yaml") && strncmp(name, "lexicon-", 8) != 0 &&
           strncmp(name, "transitions-", 12) != 0;
}

nb_status nb_voice_profile_list(const char *dir, struct nb_strv *names)
{
    DIR *d = opendir(dir);
    if (!d)
        return NB_OK;
    struct dirent *e;
    struct nb_buf path;
    nb_buf_init(&path, 0);
    nb_status rc = NB_OK;
    while (rc == NB_OK && (e = readdir(d))) {
        if (!is_profile_file(e->d_name))
            continue;
        nb_buf_reset(&path);
        rc = nb_path_join(dir, e->d_name, &path);
        if (rc == NB_OK && is_regular_file(path.data))
            rc = nb_strv_push_owned(names, name_from_path(e->d_name));
    }
    closedir(d);
    nb_buf_release(&path);
    if (names->n)
        qsort(names->v, names->n, sizeof(*names->v), cmp_str);
    return rc;
}

static int contains(const struct nb_strv *sv, const char *s)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], s) == 0)
            return 1;
    return 0;
}

/* "no voice profile 'ancor' (did you mean 'anchor'?); profiles in DIR:
 * anchor, correspondent" -- every existing folder searched, once. */
static nb_status not_found(const char *name, const struct nb_strv *dirs, struct nb_error *err)
{
    struct nb_strv all;
    struct nb_buf list;
    nb_strv_init(&all);
    nb_buf_init(&list, 0);
    int oom = 0;
    for (size_t i = 0; i < dirs->n && !oom; i++) {
        if (!nb_data_dir_is_new(dirs, i))
            continue;
        struct nb_strv names;
        nb_strv_init(&names);
        oom = nb_voice_profile_list(dirs->v[i], &names) != NB_OK;
        if (!oom && names.n) {
            oom = nb_buf_addf(&list, "; profiles in %s: ", dirs->v[i]) != NB_OK;
            for (size_t j = 0; j < names.n && !oom; j++) {
                oom = nb_buf_addf(&list, "%s%s", j ? ", " : "", names.v[j]) != NB_OK;
                if (!oom && !contains(&all, names.v[j]))
                    oom = nb_strv_pushs(&all, names.v[j]) != NB_OK;
            }
        }
        nb_strv_release(&names);
    }
    nb_status rc;
    if (oom) {
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    } else if (!all.n) {
        nb_buf_reset(&list);
        nb_data_dirs_format(dirs, &list); /* out of memory: a shorter message */
        rc = nb_error_set(err, NB_EINPUT, "no voice profile '%s'; no profiles found in %s", name,
                          list.data);
    } else {
        const char *hint = nb_suggest(name, (const char *const *)all.v);
        if (hint)
            rc = nb_error_set(err, NB_EINPUT, "no voice profile '%s' (did you mean '%s'?)%s", name,
                              hint, list.data);
        else
            rc = nb_error_set(err, NB_EINPUT, "no voice profile '%s'%s", name, list.data);
    }
    nb_strv_release(&all);
    nb_buf_release(&list);
    return rc;
}

nb_status nb_voice_profile_find(const char *name, const char *base_dir, struct nb_buf *out,
                                struct nb_error *err)
{
    struct nb_buf path;
    nb_buf_init(&path, 0);
    if (!name[0])
        return nb_error_set(err, NB_EINPUT, "the voice profile name is empty");
    if (nb_voice_profile_is_path(name)) {
        nb_status rc = NB_OK;
        if (nb_path_join(base_dir, name, &path) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else if (!is_regular_file(path.data))
            rc = nb_error_set(err, NB_EINPUT, "no voice profile file '%s'", path.data);
        else if (nb_buf_add(out, path.data, path.len) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        nb_buf_release(&path);
        return rc;
    }
    if (name[0] == '.')
        return nb_error_set(err, NB_EINPUT,
                            "'%s' is not a voice profile name (names are like 'anchor')", name);
    struct nb_strv dirs;
    nb_strv_init(&dirs);
    int found = 0;
    nb_status rc = nb_buf_addf(&path, "%s.yaml", name);
    if (rc == NB_OK)
        rc = nb_data_dirs(NB_DATA_VOICES, base_dir, &dirs);
    if (rc == NB_OK)
        rc = nb_data_find_in(&dirs, path.data, out, &found);
    if (rc != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    else if (!found)
        rc = not_found(name, &dirs, err);
    nb_buf_release(&path);
    nb_strv_release(&dirs);
    return rc;
}

nb_status nb_voice_profile_open(struct nb_voice_profile *v, const char *name, const char *base_dir,
                                struct nb_error *err)
{
    struct nb_buf path;
    nb_buf_init(&path, 0);
    nb_status rc = nb_voice_profile_find(name, base_dir, &path, err);
    if (rc == NB_OK)
        rc = nb_voice_profile_load(v, path.data, err);
    else
        nb_voice_profile_release(v);
    nb_buf_release(&path);
    return rc;
}
