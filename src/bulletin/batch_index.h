/* batch_index.h - the files a batch (batch.h) writes besides the audio:
 * each article's stamp, and the index of the share.  Internal to
 * bulletin/batch*.c.
 *
 * The stamp, OUTDIR/.NAME.batch, is text, one "key value" a line:
 *
 *   newsbrief-batch 1
 *   settings 0123456789abcdef      the settings' fingerprint
 *   source file 1764000000.123456789 2048   (or: source text 0123456789abcdef)
 *   seconds 41.250
 *   title The headline, on one line
 */
#ifndef NB_BULLETIN_BATCH_INDEX_H
#define NB_BULLETIN_BATCH_INDEX_H

#include "bulletin/batch.h"
#include "text/error.h"
#include "text/file.h"

/* The stamp's version: a stamp of another version is stale. */
#define NB_BATCH_STAMP_VERSION 1
#define NB_BATCH_STAMP_SUFFIX ".batch"

/* A stamp as read; owns its strings. */
struct nb_batch_stamp {
    char *settings, *source, *title;
    double seconds;
};

void nb_batch_stamp_init(struct nb_batch_stamp *s);
void nb_batch_stamp_release(struct nb_batch_stamp *s);

/* Reads the stamp at `path` into `s` (initialised; released first).
 * NB_EINPUT when it is missing, of another version or not whole;
 * NB_ENOMEM. */
nb_status nb_batch_stamp_read(const char *path, struct nb_batch_stamp *s);

/* Writes a stamp atomically, `temp` told of its temporary file.  The
 * title's line breaks become spaces.  NB_EIO, NB_ENOMEM. */
nb_status nb_batch_stamp_write(const char *path, const char *settings, const char *source,
                               const char *title, double seconds, const struct nb_temp_hook *temp,
                               struct nb_error *err);

/* Removes what a killed run left beside the audio at `audio`: the
 * sidecars' staged and kept files (".NAME.vtt.PID.new", "...old", and
 * their temporary files) and the stamp's temporary file.  The audio's own
 * are removed by nb_script_audio_write().  NB_EIO, NB_ENOMEM. */
nb_status nb_batch_clean_leftovers(const char *audio, struct nb_error *err);

/* Writes the index of res's articles into opts->output_dir:
 * index.m3u8 and index.json, or index-K-of-N.* for a share; their paths
 * go to res->index_m3u8 and res->index_json.  NB_EIO, NB_ENOMEM. */
nb_status nb_batch_index_write(struct nb_batch_result *res, const struct nb_batch_options *opts,
                               struct nb_error *err);

#endif
