/* voice_profile.h - a voice profile: voices/NAME.yaml.
 *
 *   name: anchor            # optional; default the file name without .yaml
 *   espeak: en-gb           # eSpeak NG voice, with optional variant: en-gb+f3
 *   rate: 165               # words per minute, 80..450
 *   pitch: 45               # 0..100
 *   range: 50               # pitch range 0..100
 *   volume: 100             # 0..200
 *   pauses:
 *     sentence: 350ms       # after each sentence
 *     segment: 600ms        # after each segment (intro, transition, quote...)
 *     story: 1200ms         # before each new story
 *     quote: 500ms          # before and after a quote (default: segment)
 *     paragraph: 450ms      # between two paragraphs of one story read in
 *                           # a row (default: segment)
 *   variants:               # optional: a voice per person quoted (see below)
 *     female: [f3, f2, f4]
 *     male: [m3, m7, m4]
 *
 * `variants` are eSpeak NG variant names (at most NB_VOICE_VARIANTS_MAX per
 * list, each letters, digits, '-' or '_'), said with the profile's language
 * and settings: the script gives each person quoted one of them, women's
 * voices to people the article calls "she" or "Ms", men's to "he" or "Mr"
 * (script_build.h).  Without them every quote is read in `espeak`.
 *
 * Only the keys shown are accepted.  The profile owns its strings.
 */
#ifndef NB_CONFIG_VOICE_PROFILE_H
#define NB_CONFIG_VOICE_PROFILE_H

#include "text/yaml_doc.h"
#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

#define NB_VOICE_VARIANTS_MAX 8

struct nb_voice_profile {
    char *name;
    char *path;                 /* file it was read from */
    char *espeak;               /* eSpeak NG voice name, e.g. "en-gb+f3" */
    struct nb_mark espeak_mark; /* position of the espeak value, for errors */
    char *language;             /* espeak without its "+variant", e.g. "en-gb" */
    int rate, pitch, range, volume;
    unsigned sentence_pause_ms, segment_pause_ms, story_pause_ms;
    unsigned quote_pause_ms, paragraph_pause_ms; /* 0 when not given: the
                                                    segment pause */
    struct nb_strv female, male;                 /* variant names, e.g. "f3"; empty when none */
    /* where each variant is written: female_marks[i] for female.v[i] */
    struct nb_mark female_marks[NB_VOICE_VARIANTS_MAX], male_marks[NB_VOICE_VARIANTS_MAX];
};

/* Empty profile with the defaults (rate 165, pitch 50, range 50, volume
 * 100, pauses 350/600/1000 ms); no allocation. */
void nb_voice_profile_init(struct nb_voice_profile *v);
void nb_voice_profile_release(struct nb_voice_profile *v);

/* Loads and validates a profile file (YAML errors as FILE:LINE:COLUMN).
 * `v` must have been initialised; its old contents are released first, and
 * on failure it is left empty.  Keys left out keep the defaults; `espeak` is
 * required, and never a path ("../x", "/etc/x", "./en": eSpeak NG would
 * open the file as a voice) though an identifier such as gmw/en is fine;
 * pauses are durations ("350ms", "1.2s"; a bare number is ms), at most 10s.
 * Does not ask eSpeak NG whether the voice and variants exist: the
 * caller asks for the voice with nb_speech_check_voice() (reporting at
 * espeak_mark) and for the variants with nb_voice_profile_check_variants(). */
nb_status nb_voice_profile_load(struct nb_voice_profile *v, const char *path, struct nb_error *err);

/* Looks each of the profile's variants up among eSpeak NG's
 * (nb_speech_check_variant(); eSpeak NG need not be started).  NB_EINPUT,
 * at the variant in the profile's file when it was read from one:
 * "'female': eSpeak NG has no variant 'zz9' (variants such as f3 or m7)". */
nb_status nb_voice_profile_check_variants(const struct nb_voice_profile *v, struct nb_error *err);

/* The profile `base` speaking with eSpeak NG variant `variant` ("f3"):
 * a copy named "NAME+VARIANT" (base's name), its espeak the language plus
 * "+VARIANT", without variants of its own.  `out` must have been
 * initialised; its old contents are released first.  NB_OK or NB_ENOMEM. */
nb_status nb_voice_profile_variant(const struct nb_voice_profile *base, const char *variant,
                                   struct nb_voice_profile *out, struct nb_error *err);

/* Finds the file of a profile named `name` ("anchor") or given as a path
 * ("voices/anchor.yaml", "../my.yaml"; anything with '/' or ending in
 * .yaml is a path, relative to `base_dir`).  A name is looked up as
 * NAME.yaml by the data search (text/data_path.h): $NEWSBRIEF_DATA/voices,
 * $NEWSBRIEF_VOICES, base_dir/voices, base_dir/../voices, then the
 * installed voices/ folder; `base_dir` is the briefing's folder (NULL: no
 * briefing).  Appends the path found to `out`; NB_EINPUT ("no voice
 * profile 'ancor' (did you mean 'anchor'?); profiles in DIR: anchor, ...",
 * each existing folder searched once) when none exists.  The error names
 * no file or position: the caller knows where the name was written. */
nb_status nb_voice_profile_find(const char *name, const char *base_dir, struct nb_buf *out,
                                struct nb_error *err);

/* 1 when nb_voice_profile_find() takes `name` as a path: it has a '/' or
 * ends in .yaml or .yml. */
int nb_voice_profile_is_path(const char *name);

/* Appends to `names` the profile names in folder `dir`: its NAME.yaml
 * files (what nb_voice_profile_find() looks a name up as), hidden files
 * and the lexicon-*.yaml and transitions-*.yaml beside them left out,
 * sorted; nothing for a folder that cannot be read.  Names only: a file
 * may still fail to load as a profile.  NB_OK, or NB_ENOMEM. */
nb_status nb_voice_profile_list(const char *dir, struct nb_strv *names);

/* nb_voice_profile_find() then nb_voice_profile_load(): the profile named
 * (or given as a path) `name`.  `v` must have been initialised; on failure
 * it is left empty. */
nb_status nb_voice_profile_open(struct nb_voice_profile *v, const char *name, const char *base_dir,
                                struct nb_error *err);

#endif
