/* bulletin.h - newsbrief as a library: from a briefing to a script, and
 * from a script to audio, each in one call.
 *
 * The pipeline is a table of steps (bulletin.c), each the work of one
 * stage below this one:
 *
 *   briefing ─▶ voices ─▶ transitions ─▶ lexicon      (config/)
 *            ─▶ articles: read, cleaned (article/), quotes found (quotes/)
 *            ─▶ summaries: each story's lead and quotes (summary/)
 *            ─▶ script: segments, fitted to the slot (script/, spoken/)
 *            ─▶ audio: spoken and written (speech/, through script_audio.h)
 *
 * A front end (the command line, a batch runner, a test) makes a
 * struct nb_bulletin, calls nb_bulletin_script() or nb_bulletin_build(),
 * shows bl->warnings and what it needs of the result, and releases it.
 * The library never prints.
 */
#ifndef NB_BULLETIN_BULLETIN_H
#define NB_BULLETIN_BULLETIN_H

#include "article/article.h"
#include "config/briefing.h"
#include "config/voice_profile.h"
#include "script/fit.h"
#include "bulletin/script_audio.h"
#include "script/script.h"
#include "script/transitions.h"
#include "source/source.h"
#include "summary/summary.h"
#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

#define NB_BULLETIN_VOICES_MAX (2 + 2 * NB_VOICE_VARIANTS_MAX)

/* Everything a bulletin is made of; it owns all of it. */
struct nb_bulletin {
    struct nb_briefing briefing;
    /* the briefing's voice, the quote voice, then the quote voice with each
     * of its variants (a voice per person quoted) */
    struct nb_voice_profile voices[NB_BULLETIN_VOICES_MAX];
    size_t nvoices;
    const char *female[NB_VOICE_VARIANTS_MAX], *male[NB_VOICE_VARIANTS_MAX];
    size_t nfemale, nmale;                 /* names of those variant voices, by kind */
    struct nb_transition_bank transitions; /* the shipped bank with the briefing's own */
    struct nb_lexicon *lexicon; /* shipped for the voice's language, then the briefing's */
    char *lexicon_path;         /* the briefing's lexicon as an absolute path; NULL for none */
    struct nb_source_options source_options; /* from the briefing */
    struct nb_source_reader sources;         /* where each story came from (its
                                                articles moved to `articles`) */
    char *cache_dir;                         /* fetched pages and feed state; NULL: none */
    char *state_path;                        /* cache_dir/state.db; NULL: none */
    struct nb_article *articles;
    struct nb_summary *summaries;
    size_t narticles;
    struct nb_script script;
    int fitted; /* 1 when `fit` says how the duration was met */
    struct nb_script_fit fit;
    struct nb_strv warnings;     /* one line each, "FILE:LINE:COLUMN: what", for
                                    the front end to show */
    struct nb_take_store *takes; /* the blocks fitting spoke, for the audio */
    /* skipped[i]: article i left out because eSpeak NG could not say it
     * (briefing on_error: skip); NULL: none */
    unsigned char *skipped;
    /* set by the caller before nb_bulletin_speak(): overrides the briefing */
    struct nb_temp_hook temp; /* told of the temporary files */
    /* told as each stage starts ("reading the articles"); NULL: no one */
    void (*progress)(void *ctx, const char *doing);
    void *progress_ctx;
    unsigned jobs;                      /* speech workers at a time; 0: one per processor */
    int loudness_given;                 /* 1: `loudness` replaces the briefing's */
    struct nb_loudness_target loudness; /* e.g. from build --loudness */
    /* after nb_bulletin_speak() */
    char *output;                        /* the audio file written */
    double seconds;                      /* its duration */
    size_t stories;                      /* stories it reads */
    struct nb_script_audio_result audio; /* every file written (the bulletin
                                            first), its loudness, chapters
                                            and transcript */
};

/* Empty bulletin (no allocation, cannot fail); release is then safe. */
void nb_bulletin_init(struct nb_bulletin *bl);
/* Frees everything and leaves an empty bulletin. */
void nb_bulletin_release(struct nb_bulletin *bl);

/* Appends to `out` the path of the example briefing used when none is
 * given: briefings/example.yaml found by the data search
 * (text/data_path.h) with the current folder in the place of the
 * briefing's: $NEWSBRIEF_DATA/briefings, briefings/, ../briefings/, then
 * the installed briefings/ folder; "briefings/example.yaml" when none has
 * it, so that the error names the file.  NB_OK, or NB_ENOMEM. */
nb_status nb_bulletin_default_briefing(struct nb_buf *out);

/* From the briefing file at `path` (NULL: nb_bulletin_default_briefing())
 * to bl->script: loads the briefing, its voice profiles, the transition
 * bank and the lexicons, reads every article (at most `stories` of them
 * become stories), summarises them and builds the script, fitted to the
 * briefing's duration by speaking candidates when it has one (a bulletin
 * shorter than its slot adds a warning).  `bl` must be freshly
 * initialised.  Errors are the failing step's: NB_EINPUT with
 * FILE:LINE:COLUMN for a bad briefing, profile (one of its variants
 * eSpeak NG lacks, too), bank or lexicon, FILE for an article that cannot
 * be read, the briefing's article entry when no story could be read;
 * NB_ENOMEM; NB_ESYNTH. */
nb_status nb_bulletin_script(struct nb_bulletin *bl, const char *path, struct nb_error *err);

/* From bl->script (made by nb_bulletin_script()) to the audio file: into
 * folder `dir` (created when missing; NULL: the briefing's own folder)
 * under the file name the briefing's `output` gives (default: the title in
 * lower case with dashes, .wav).  Sets bl->output, bl->seconds and
 * bl->stories.  The file is written to a temporary file and renamed into
 * place; then the feed items it speaks are remembered as heard (when the
 * briefing has new_only).  Errors: NB_EINPUT for an eSpeak NG voice that does not exist (at
 * its profile's espeak: line) or an output that is not .wav; NB_EIO when
 * the folder or the file cannot be written; NB_ESYNTH; NB_ENOMEM.  On
 * failure no file is left behind and an earlier one is kept. */
nb_status nb_bulletin_speak(struct nb_bulletin *bl, const char *dir, struct nb_error *err);

/* nb_bulletin_script() then nb_bulletin_speak(): the whole bulletin, with
 * the errors of both. */
nb_status nb_bulletin_build(struct nb_bulletin *bl, const char *path, const char *dir,
                            struct nb_error *err);

/* The reading stages for one article file: read and cleaned (a text,
 * Markdown or HTML file, chosen by source/), then its quotes and speakers
 * found (quotes/).  `a` need not be initialised; on failure it is left
 * released.  Errors name the file. */
nb_status nb_bulletin_read_article(struct nb_article *a, const char *path, struct nb_error *err);

/* Every story of one source (a file, "-", a page, a feed
 * or a URL) read, its quotes found, appended to r->stories.  The caller
 * owns `r`, made with the options it wants. */
nb_status nb_bulletin_read_source(struct nb_source_reader *r, const char *entry,
                                  struct nb_error *err);

/* Called with each source as nb_bulletin_read_source() read it into a
 * reader of its own (NB_OK, or the error in `err`, naming the source);
 * nonzero stops the run (a failed write). */
typedef int (*nb_bulletin_source_fn)(void *ctx, const char *entry, const struct nb_source_reader *r,
                                     nb_status rc, const struct nb_error *err);

/* Each of `entries` read as nb_bulletin_read_source() reads it, with the
 * options `o`, and handed to `each` in order on the caller's thread; the
 * local files among them are read ahead on up to `jobs` threads (0: one
 * per processor; read_ahead.h), with the same outcome for every `jobs`. */
void nb_bulletin_read_each_source(char *const *entries, size_t n, const struct nb_source_options *o,
                                  unsigned jobs, nb_bulletin_source_fn each, void *ctx);

/* Speaks FILE `in_path` ("-": standard input) to `out_path`: either a
 * script written by nb_script_write_text() (perhaps edited; each segment
 * read by the voice its mark names, with the lexicon its "# lexicon:" line
 * names) or plain text, one segment per paragraph.  `voice` (NULL: the
 * script's voices, or "anchor" for plain text) is a profile name or path,
 * or an eSpeak NG voice such as "en-us" spoken with the anchor's settings;
 * it replaces every segment's voice; a path is taken from the current
 * folder, a name looked up as for a briefing in the folder of `in_path`.
 * A script's own voices are profile names or eSpeak NG voices, never
 * paths; a profile's variants are looked up among eSpeak NG's before
 * anything is spoken.  `lexicon` (NULL: none) is a lexicon
 * file whose entries beat the shipped one and the script's (a script's
 * "# lexicon:" file that does not exist is NB_EINPUT at that line).  `loudness`
 * (NULL: the default, podcast) is the loudness target; `temp` (may be
 * NULL) is told of the temporary files; `jobs` speech workers run at a
 * time (0: one per processor; the audio is the same for any); the format is the
 * extension's (speech/encoder.h).  *seconds
 * (may be NULL) receives the duration.  Errors name the file, with
 * line:column for a script or YAML file. */
nb_status nb_bulletin_speak_file(const char *in_path, const char *out_path, const char *voice,
                                 const char *lexicon, const struct nb_loudness_target *loudness,
                                 const struct nb_temp_hook *temp, unsigned jobs, double *seconds,
                                 struct nb_error *err);

/* The voice `voice` as nb_bulletin_speak_file() takes it for the file
 * `in_path`, checked without speaking: a profile (loaded, its variants
 * looked up among eSpeak NG's) or an eSpeak NG voice.  NB_EINPUT at a bad
 * profile's FILE:LINE:COLUMN, or with no file for a voice that is neither:
 * "no voice profile or eSpeak NG voice 'nobody'" (or a profile path that
 * does not exist: "no voice profile file 'x.yaml'"), for the caller to say
 * where the name came from.  A profile's own eSpeak NG voice is asked for
 * when it speaks.  Starts and stops eSpeak NG for a voice that is not a
 * profile, so no nb_speech may exist when it is called. */
nb_status nb_bulletin_speak_voice(const char *voice, const char *in_path, struct nb_error *err);

#endif
