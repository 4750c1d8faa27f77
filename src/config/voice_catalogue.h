/* voice_catalogue.h - every voice profile the data search can find, folder
 * by folder: what `newsbrief voices` shows.
 */
#ifndef NB_CONFIG_VOICE_CATALOGUE_H
#define NB_CONFIG_VOICE_CATALOGUE_H

#include "config/voice_profile.h"
#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

/* One folder of the search and the profiles in it that load. */
struct nb_voice_folder {
    char *dir;
    struct nb_voice_profile *profiles; /* in name order */
    struct nb_strv names;              /* names[i]: what a briefing's `voice` says for
                                          profiles[i] (its file name less .yaml) */
    size_t n;
};

/* Owns everything in it; release with nb_voice_catalogue_release(). */
struct nb_voice_catalogue {
    struct nb_voice_folder *folders; /* each existing folder of the search once, in order */
    size_t n;
    struct nb_strv searched; /* every folder of the search, existing or not */
};

/* Empty catalogue (no allocation, cannot fail). */
void nb_voice_catalogue_init(struct nb_voice_catalogue *c);
void nb_voice_catalogue_release(struct nb_voice_catalogue *c);

/* Fills `c` (initialised, empty) with the folders of the voice search
 * without a briefing (text/data_path.h) and their profiles for language
 * `lang` (NULL: all; "en" takes en-gb and en-us, as nb_language_matches()).
 * A file that does not load as a profile is left out.  NB_OK, or
 * NB_ENOMEM; on failure `c` is left empty. */
nb_status nb_voice_catalogue_load(struct nb_voice_catalogue *c, const char *lang,
                                  struct nb_error *err);

#endif
