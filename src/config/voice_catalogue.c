/* voice_catalogue.c - the profiles of every folder of the voice search. */
#include "config/voice_catalogue.h"

#include "spoken/lang.h"
#include "text/buf.h"
#include "text/data_path.h"

#include <stdlib.h>
#include <string.h>

void nb_voice_catalogue_init(struct nb_voice_catalogue *c)
{
    c->folders = NULL;
    c->n = 0;
    nb_strv_init(&c->searched);
}

void nb_voice_catalogue_release(struct nb_voice_catalogue *c)
{
    for (size_t i = 0; i < c->n; i++) {
        for (size_t k = 0; k < c->folders[i].n; k++)
            nb_voice_profile_release(&c->folders[i].profiles[k]);
        free(c->folders[i].profiles);
        nb_strv_release(&c->folders[i].names);
        free(c->folders[i].dir);
    }
    free(c->folders);
    nb_strv_release(&c->searched);
    nb_voice_catalogue_init(c);
}

/* The profiles of folder f->dir that load, for `lang` (NULL: all). */
static nb_status load_folder(struct nb_voice_folder *f, const char *lang)
{
    struct nb_strv names;
    struct nb_buf path;
    nb_strv_init(&names);
    nb_buf_init(&path, 0);
    nb_status rc = nb_voice_profile_list(f->dir, &names);
    if (rc == NB_OK && names.n && !(f->profiles = calloc(names.n, sizeof(*f->profiles))))
        rc = NB_ENOMEM;
    for (size_t i = 0; rc == NB_OK && i < names.n; i++) {
        struct nb_voice_profile *v = &f->profiles[f->n];
        struct nb_error ignored;
        nb_voice_profile_init(v);
        nb_buf_reset(&path);
        rc = nb_buf_addf(&path, "%s/%s.yaml", f->dir, names.v[i]);
        if (rc != NB_OK)
            break;
        if (nb_voice_profile_load(v, path.data, &ignored) != NB_OK)
            continue; /* not a profile: left out */
        if (lang && !nb_language_matches(v->language, lang)) {
            nb_voice_profile_release(v);
            continue;
        }
        rc = nb_strv_pushs(&f->names, names.v[i]);
        if (rc != NB_OK) {
            nb_voice_profile_release(v);
            break;
        }
        f->n++;
    }
    nb_buf_release(&path);
    nb_strv_release(&names);
    return rc;
}

nb_status nb_voice_catalogue_load(struct nb_voice_catalogue *c, const char *lang,
                                  struct nb_error *err)
{
    nb_status rc = nb_data_dirs(NB_DATA_VOICES, NULL, &c->searched);
    if (rc == NB_OK && c->searched.n && !(c->folders = calloc(c->searched.n, sizeof(*c->folders))))
        rc = NB_ENOMEM;
    for (size_t i = 0; rc == NB_OK && i < c->searched.n; i++) {
        if (!nb_data_dir_is_new(&c->searched, i))
            continue;
        struct nb_voice_folder *f = &c->folders[c->n];
        nb_strv_init(&f->names);
        if (!(f->dir = nb_strdup(c->searched.v[i]))) {
            rc = NB_ENOMEM;
            break;
        }
        c->n++;
        rc = load_folder(f, lang);
    }
    if (rc != NB_OK) {
        nb_voice_catalogue_release(c);
        return nb_error_set(err, rc, "out of memory");
    }
    return NB_OK;
}
