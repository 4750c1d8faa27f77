/* briefing.h - a briefing definition: briefings/NAME.yaml.
 *
 *   title: Morning Briefing
 *   date: 2026-11-28          # optional, default today (the caller fills it)
 *   voice: anchor             # a profile name or a path to one
 *   articles:                 # files, folders or globs, relative to this file
 *     - articles          # e.g. a folder, a file, or the glob articles/[*].txt
 *   stories: 5                # at most this many stories (1..100), default 5
 *   sentences: 3              # lead sentences per story (1..50), default 3
 *   output: out/morning.wav   # relative to this file; default title-slug.wav
 *
 * Every error is reported as FILE:LINE:COLUMN: message.  The briefing owns
 * its strings.
 */
#ifndef NB_CONFIG_BRIEFING_H
#define NB_CONFIG_BRIEFING_H

#include "config/yaml_doc.h"
#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"

struct nb_briefing {
    char *path;                 /* the file */
    char *dir;                  /* its folder */
    char *title;
    int has_date;               /* 0: no date key, the caller uses today */
    int year, month, day;
    char *voice;                /* as written */
    char *voice_path;           /* the profile file it resolved to */
    struct nb_mark voice_mark;  /* where the voice value is; line 0 when the
                                   key is absent and the default is used */
    struct nb_strv articles;    /* resolved article files, in order, no repeats */
    unsigned stories;
    unsigned sentences;
    char *output;               /* resolved against dir; NULL when not given */
};

/* Empty briefing with the defaults (stories 5, sentences 3); no allocation. */
void nb_briefing_init(struct nb_briefing *b);
void nb_briefing_release(struct nb_briefing *b);

/* Loads, validates and resolves a briefing: unknown keys (with a
 * suggestion), wrong types, missing title or articles, an impossible date,
 * a voice profile that does not exist, an article entry that matches no
 * file: each NB_EINPUT at its position. Folders list their *.txt and *.md
 * files in name order; globs expand in name order.  `b` must have been
 * initialised; its old contents are released first, and on failure it is
 * left empty.  Paths are `dir` joined with what the file says (relative
 * when `path` is).  The voice is only found, not loaded: the caller loads
 * voice_path with nb_voice_profile_load(). */
nb_status nb_briefing_load(struct nb_briefing *b, const char *path, struct nb_error *err);

/* Appends the default output file name for `title`: lower case, runs of
 * anything but letters and digits as one dash, ".wav" ("morning-briefing.wav").
 * Non-ASCII letters are kept (Latin-1 capitals lowered); the name is cut at
 * 80 bytes; a title without letters or digits gives "briefing.wav".
 * 0 on success, -1 when out of memory. */
int nb_briefing_default_output(const char *title, struct nb_buf *out);

#endif
