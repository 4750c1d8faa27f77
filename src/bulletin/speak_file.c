/* speak_file.c - a text or an edited script to audio (`newsbrief speak`):
 * the voices its segments name, the lexicons it is said with, the spoken
 * form recomputed from the edited text, then script_audio.h. */
#include "article/reader.h"
#include "bulletin/bulletin.h"

#include "bulletin/script_audio.h"
#include "config/lexicon.h"
#include "config/voice_profile.h"
#include "spoken/lexicon.h"
#include "spoken/normalise.h"
#include "text/buf.h"
#include "text/file.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct voices {
    struct nb_voice_profile *v;
    struct nb_lexicon **lex; /* each voice's lexicon, loaded when first needed */
    unsigned char *outright; /* 1: an eSpeak NG voice named outright, spoken with
                                the anchor's settings (no profile of that name) */
    size_t n;
};

static void voices_release(struct voices *vs)
{
    for (size_t i = 0; i < vs->n; i++) {
        nb_voice_profile_release(&vs->v[i]);
        nb_lexicon_free(vs->lex[i]);
    }
    free(vs->v);
    free(vs->lex);
    free(vs->outright);
}

/* The lexicons a speech is said with: the shipped one for the voice's
 * language, the script's own (its '# lexicon:' line), then --lexicon. */
struct lexicon_files {
    const char *base_dir; /* the script's folder, searched like a briefing's */
    const char *own[2];
};

static nb_status voice_lexicon(struct voices *vs, size_t k, const struct lexicon_files *files,
                               struct nb_error *err)
{
    if (vs->lex[k])
        return NB_OK;
    return nb_lexicon_open(&vs->lex[k], vs->v[k].language, 1, files->base_dir, files->own, 2, err);
}

/* The anchor profile speaking with the eSpeak NG voice `name`; `missing`
 * is the error when there is no anchor either. */
static nb_status outright_voice(struct nb_voice_profile *v, const char *name, const char *base,
                                const struct nb_error *missing, struct nb_error *err)
{
    struct nb_error ignored;
    if (nb_voice_profile_open(v, "anchor", base, &ignored) != NB_OK) {
        if (err)
            *err = *missing;
        return missing->status;
    }
    char *espeak = nb_strdup(name), *lang = nb_strndup(name, strcspn(name, "+"));
    if (!espeak || !lang) {
        free(espeak);
        free(lang);
        nb_voice_profile_release(v);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    free(v->espeak);
    free(v->language);
    free(v->path); /* errors about this voice now come from eSpeak NG */
    v->path = NULL;
    v->espeak = espeak;
    v->language = lang;
    /* the anchor's variants are not this voice's */
    nb_strv_release(&v->female);
    nb_strv_release(&v->male);
    return NB_OK;
}

/* The voice `name` names: a profile by name (from the caller also by path,
 * from the current folder), a profile with a variant ("correspondent+m3":
 * a voice per person quoted, script_build.h), or else the anchor profile
 * speaking with the eSpeak NG voice `name` (*outright 1, v->path NULL).
 * A script's voices are never paths (script_text.h). */
static nb_status load_voice(struct nb_voice_profile *v, const char *name, const char *base,
                            int from_caller, int *outright, struct nb_error *err)
{
    *outright = 0;
    nb_voice_profile_init(v);
    if (from_caller && nb_voice_profile_is_path(name))
        return nb_voice_profile_open(v, name, NULL, err);
    struct nb_error missing;
    nb_error_init(&missing);
    struct nb_buf path;
    nb_buf_init(&path, 0);
    nb_status found = nb_voice_profile_find(name, base, &path, &missing);
    nb_status rc = found == NB_OK ? nb_voice_profile_load(v, path.data, err) : found;
    nb_buf_release(&path);
    if (found == NB_OK)
        return rc;
    if (found != NB_EINPUT)
        return nb_error_set(err, found, "out of memory");
    const char *plus = strchr(name, '+');
    if (plus && plus > name) {
        struct nb_voice_profile profile;
        struct nb_error ignored;
        nb_voice_profile_init(&profile);
        char *stem = nb_strndup(name, (size_t)(plus - name));
        if (!stem)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        nb_status has_stem = nb_voice_profile_open(&profile, stem, base, &ignored);
        free(stem);
        if (has_stem == NB_OK) {
            rc = nb_voice_profile_variant(&profile, plus + 1, v, err);
            nb_voice_profile_release(&profile);
            return rc;
        }
    }
    *outright = 1;
    return outright_voice(v, name, base, &missing, err);
}

static nb_status add_voice(struct voices *vs, const char *name, const char *base, int from_caller,
                           struct nb_error *err)
{
    for (size_t i = 0; i < vs->n; i++)
        if (strcmp(vs->v[i].name, name) == 0)
            return NB_OK;
    struct nb_voice_profile *p = realloc(vs->v, (vs->n + 1) * sizeof(*p));
    if (!p)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    vs->v = p;
    struct nb_lexicon **l = realloc(vs->lex, (vs->n + 1) * sizeof(*l));
    if (!l)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    vs->lex = l;
    vs->lex[vs->n] = NULL;
    unsigned char *o = realloc(vs->outright, vs->n + 1);
    if (!o)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    vs->outright = o;
    int outright;
    nb_status rc = load_voice(&vs->v[vs->n], name, base, from_caller, &outright, err);
    if (rc != NB_OK)
        return rc;
    vs->outright[vs->n] = (unsigned char)outright;
    /* segments name the voice as written */
    char *copy = nb_strdup(name);
    if (!copy) {
        nb_voice_profile_release(&vs->v[vs->n]);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    free(vs->v[vs->n].name);
    vs->v[vs->n].name = copy;
    vs->n++;
    return NB_OK;
}

/* The voices checked before anything is spoken: each profile's variants
 * (said where its file names them), and an eSpeak NG voice the caller
 * named outright (said with no file: the caller knows where the name came
 * from).  eSpeak NG is started for that only; nb_script_audio_write()
 * asks for the other voices itself, at their profile's or script's mark. */
static nb_status check_voices(const struct voices *vs, struct nb_error *err)
{
    struct nb_speech *sp = NULL;
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < vs->n; i++) {
        const struct nb_voice_profile *v = &vs->v[i];
        rc = nb_voice_profile_check_variants(v, err);
        if (rc != NB_OK || !vs->outright[i] || v->path)
            continue;
        if (!sp)
            rc = nb_speech_new(&sp, err);
        if (rc == NB_OK)
            rc = nb_speech_check_voice(sp, v->espeak, err);
        if (rc == NB_EINPUT && !nb_speech_voice_is_mbrola(v->espeak))
            rc =
                nb_error_set(err, NB_EINPUT, "no voice profile or eSpeak NG voice '%s'", v->espeak);
    }
    nb_speech_free(sp);
    return rc;
}

/* The place of the first "voice=NAME" of an edited script (its NAME): 1
 * when found. */
static int voice_mark(const char *text, size_t len, const char *voice, struct nb_mark *mark)
{
    size_t vlen = strlen(voice);
    unsigned line = 1;
    size_t start = 0;
    for (size_t i = 0; i + 6 + vlen <= len; i++) {
        if (text[i] == '\n') {
            line++;
            start = i + 1;
            continue;
        }
        if (memcmp(text + i, "voice=", 6) == 0 && i && (text[i - 1] == ' ' || text[i - 1] == '[') &&
            memcmp(text + i + 6, voice, vlen) == 0 &&
            (i + 6 + vlen == len || text[i + 6 + vlen] == ']' || text[i + 6 + vlen] == ' ')) {
            mark->line = line;
            mark->column = (unsigned)(i - start + 7);
            return 1;
        }
    }
    return 0;
}

static int is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The script's lexicon (its '# lexicon:' line), joined to the script's
 * folder `base` into *path: NB_EINPUT at that line when there is no such
 * file. */
static nb_status script_lexicon(const struct nb_script *s, const char *text, size_t len,
                                const char *name, const char *base, struct nb_buf *path,
                                struct nb_error *err)
{
    if (nb_path_join(base, s->lexicon, path) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (is_regular_file(path->data))
        return NB_OK;
    unsigned line = 0, column = 0;
    nb_script_text_header_mark(text, len, "lexicon", &line, &column);
    if (strcmp(path->data, s->lexicon) == 0)
        return nb_error_set_at(err, NB_EINPUT, name, line, column, "no lexicon file '%s'",
                               s->lexicon);
    return nb_error_set_at(err, NB_EINPUT, name, line, column,
                           "no lexicon file '%s' (looked for %s)", s->lexicon, path->data);
}

/* Plain text: one story segment per paragraph. */
static nb_status script_from_text(struct nb_script *s, const char *text, size_t len,
                                  const char *voice, const struct nb_normaliser *norm,
                                  struct nb_error *err)
{
    size_t i = 0;
    while (i < len) {
        const char *end = strstr(text + i, "\n\n");
        size_t stop = end ? (size_t)(end - text) : len;
        size_t j = i;
        while (j < stop && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n'))
            j++;
        if (j < stop) {
            char *para = nb_strndup(text + j, stop - j);
            if (!para)
                return nb_error_set(err, NB_ENOMEM, "out of memory");
            nb_status rc = nb_script_add_ex(s, NB_SEG_STORY, 0, voice, para, NULL, norm, err);
            free(para);
            if (rc != NB_OK)
                return rc;
        }
        i = stop + 2;
    }
    if (s->n == 0)
        return nb_error_set(err, NB_EINPUT, "nothing to speak: the text is empty");
    return NB_OK;
}

/* The spoken form follows each segment's own voice language. */
static nb_status renormalise(struct nb_script *s, struct voices *vs,
                             const struct lexicon_files *files, struct nb_error *err)
{
    for (size_t i = 0; i < s->n; i++) {
        struct nb_segment *g = &s->segments[i];
        struct nb_normaliser norm = {.language = "en-gb", .lexicon = NULL};
        for (size_t k = 0; k < vs->n; k++) {
            if (strcmp(vs->v[k].name, g->voice) != 0)
                continue;
            nb_status rc = voice_lexicon(vs, k, files, err);
            if (rc != NB_OK)
                return rc;
            norm.language = vs->v[k].language;
            norm.lexicon = vs->lex[k];
        }
        struct nb_buf out;
        nb_buf_init(&out, 0);
        nb_status rc = nb_normalise_ex(g->text, strlen(g->text), &norm, &out, NULL, err);
        if (rc != NB_OK) {
            nb_buf_release(&out);
            return rc;
        }
        free(g->spoken);
        g->spoken = nb_buf_detach(&out, NULL);
        if (!g->spoken)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}

nb_status nb_bulletin_speak_file(const char *in_path, const char *out_path, const char *voice,
                                 const char *lexicon, const struct nb_loudness_target *loudness,
                                 const struct nb_temp_hook *temp, unsigned jobs, double *seconds,
                                 struct nb_error *err)
{
    struct nb_buf text, base, own;
    struct nb_script script;
    struct voices vs = {NULL, NULL, NULL, 0};
    struct nb_script_audio_result res;
    nb_script_audio_result_init(&res);
    struct lexicon_files files = {NULL, {NULL, lexicon}};
    nb_buf_init(&text, 0);
    nb_buf_init(&base, 0);
    nb_buf_init(&own, 0);
    nb_script_init(&script);
    const char *name = strcmp(in_path, "-") == 0 ? "<stdin>" : in_path;
    /* the bytes as they are, checked before they become text (importing
     * drops NULs and widens the rest, which hides binary data) */
    nb_status rc = nb_file_read(in_path, 0, &own, err);
    if (rc == NB_OK)
        rc = nb_text_check(own.data, own.len, name, err);
    if (rc == NB_OK && nb_text_import(own.data, own.len, &text, NULL) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_reset(&own);
    if (rc == NB_OK && nb_path_dirname(strcmp(in_path, "-") ? in_path : "./-", &base) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    files.base_dir = base.data;
    int is_script = rc == NB_OK && nb_script_is_text(text.data, text.len);
    if (rc == NB_OK && is_script)
        rc = nb_script_parse_text(&script, text.data, text.len, name, "en-gb", err);
    /* the briefing's lexicon, relative to the script when written so */
    if (rc == NB_OK && script.lexicon) {
        rc = script_lexicon(&script, text.data, text.len, name, base.data, &own, err);
        files.own[0] = own.data;
    }
    if (rc == NB_OK && (voice || !is_script)) {
        rc = add_voice(&vs, voice ? voice : "anchor", base.data, 1, err);
        for (size_t i = 0; rc == NB_OK && i < script.n; i++) {
            char *v = nb_strdup(vs.v[0].name);
            if (!v) {
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
                break;
            }
            free(script.segments[i].voice);
            script.segments[i].voice = v;
        }
    }
    if (rc == NB_OK && !is_script)
        rc = voice_lexicon(&vs, 0, &files, err);
    if (rc == NB_OK && !is_script) {
        struct nb_normaliser norm = {.language = vs.v[0].language, .lexicon = vs.lex[0]};
        rc = script_from_text(&script, text.data, text.len, vs.v[0].name, &norm, err);
    }
    for (size_t i = 0; rc == NB_OK && !voice && is_script && i < script.n; i++) {
        size_t before = vs.n;
        rc = add_voice(&vs, script.segments[i].voice, base.data, 0, err);
        /* an eSpeak NG voice the script names: said wrong at its mark */
        struct nb_voice_profile *v = rc == NB_OK && vs.n > before ? &vs.v[before] : NULL;
        if (v && vs.outright[before] && voice_mark(text.data, text.len, v->name, &v->espeak_mark) &&
            !(v->path = nb_strdup(name)))
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (rc == NB_OK)
        rc = check_voices(&vs, err);
    if (rc == NB_OK && is_script)
        rc = renormalise(&script, &vs, &files, err);
    if (rc == NB_OK)
        rc = nb_script_audio_write(
            &script, vs.v, vs.n,
            &(struct nb_script_audio_settings){
                .loudness = loudness,
                .temp = temp ? *temp : (struct nb_temp_hook){NULL, NULL, NULL},
                .jobs = jobs,
                .limits_file = name},
            out_path, &res, err);
    if (rc == NB_OK && seconds)
        *seconds = res.seconds;
    nb_script_audio_result_release(&res);
    voices_release(&vs);
    nb_script_release(&script);
    nb_buf_release(&text);
    nb_buf_release(&base);
    nb_buf_release(&own);
    return rc;
}

nb_status nb_bulletin_speak_voice(const char *voice, const char *in_path, struct nb_error *err)
{
    struct voices vs = {NULL, NULL, NULL, 0};
    struct nb_buf base;
    nb_buf_init(&base, 0);
    nb_status rc = nb_path_dirname(strcmp(in_path, "-") ? in_path : "./-", &base) == NB_OK
                       ? add_voice(&vs, voice, base.data, 1, err)
                       : nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = check_voices(&vs, err);
    voices_release(&vs);
    nb_buf_release(&base);
    return rc;
}
