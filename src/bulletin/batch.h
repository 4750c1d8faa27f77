/* batch.h - every article of a folder, a glob or a feed read in full, one
 * audio file each (`newsbrief batch`), for listeners who want whole
 * articles rather than a bulletin of leads.
 *
 * The articles.  A folder gives its .txt, .md, .html and .htm files (not
 * hidden ones, not its sub-folders) in byte order of their names; a glob
 * (glob(3), e.g. "archive/2026-11-[0-3][0-9]-[a-z]*.md") the regular
 * files it matches, in byte order; a feed (an .rss, .atom or feed .xml
 * file, or an http(s):// URL of a feed or a page) its items in the feed's
 * order, an item with only a summary read from its page when the
 * briefing's follow_links allows; one article file is a batch of one,
 * and an article that cannot be read or spoken then is the run's error
 * (as `newsbrief read FILE` has it), not a failed article in an index.
 *
 * Each article is spoken whole: its headline, then every paragraph of its
 * body, normalised (spoken/) with the lexicons of the briefing's voice,
 * in that voice, at the briefing's rate, pauses, output format and
 * loudness (bulletin/script_audio.h).  The headline and each paragraph is
 * a chapter: the headline's titled by it, a paragraph's by its first
 * words.  Beside OUTDIR/NAME.EXT come the sidecars every audio file gets
 * (chapters, transcript, manifest: sidecars.h) and a stamp, the hidden
 * file OUTDIR/.NAME.batch, written last, that says what the audio was made
 * from.
 *
 * Names.  NAME is the article's file name without its extension, or the
 * last part of a feed item's link (else its guid, else its headline),
 * in lower case with each run of other characters than letters and
 * digits as one dash ("Storm Hits Coast.txt" -> "storm-hits-coast"), at
 * most 80 bytes.  Two articles of one listing that would share a NAME
 * each get "-" and eight hex digits of a hash of their identity (below)
 * added: the same names whatever the order or the shard.
 *
 * Resuming.  An article is skipped when its audio exists, is not older
 * than its source file, and its stamp says it was made by this version of
 * newsbrief from the same source (a file's modification time and size; a
 * feed item's text) with the same settings (the bytes of the briefing,
 * of its voice profile and of the lexicons, and the loudness asked for).
 * Anything else makes it again, so a touched article, an edited briefing
 * or lexicon, or a run stopped midway (its last article has no stamp yet)
 * is redone and nothing else is.  Every file appears atomically.
 *
 * Shards.  Share K of N (1 <= K <= N) holds the articles whose identity
 * hashes (64-bit FNV-1a, mixed) to K - 1 modulo N.  The identity is the
 * file's path below the folder (a glob's match as glob(3) gives it; one
 * file: its name), or a feed item's guid, else its link, else its
 * position.  An article's share depends on nothing else: adding articles
 * never moves the others, so machines that each run one share (GNU
 * parallel over ssh, a Slurm array, a Kubernetes Indexed Job) need no
 * coordinator and do each article exactly once.
 *
 * The index.  OUTDIR/index.m3u8 and OUTDIR/index.json list the share's
 * articles that have audio, in the listing's order (the JSON also lists
 * the ones that failed, with the reason); a run of share K of N writes
 * index-K-of-N.m3u8 and index-K-of-N.json instead, so that shards never
 * write the same file.  A run without a share once every shard is done
 * skips every article and writes the whole index.  When every article of
 * the share failed, no index is written (one from an earlier run is left
 * as it was): an index lists audio, and there is none.  The output folder
 * is made when the first file is written, so a run that writes nothing
 * leaves nothing behind.
 *
 * Several at a time.  With more than one job (the default: one per
 * processor), the articles are made side by side, each in a process of
 * its own forked from the batch (bulletin/batch_pool.h), whose speech is
 * then spoken one block at a time: a short article is mostly work one core
 * does alone (its loudness: the limiter and the meters).  Each article's
 * files are the same whatever the number of jobs; the index keeps the
 * listing's order; progress is told as articles finish.  A process that
 * crashes fails its article, not the batch.
 *
 * Memory stays flat: only the listing (and a feed's items) is held; each
 * article is read, spoken and released before the next (with several
 * jobs, in each of the processes).
 */
#ifndef NB_BULLETIN_BATCH_H
#define NB_BULLETIN_BATCH_H

#include "speech/loudness.h"
#include "text/error.h"
#include "text/file.h"
#include "text/strv.h"

#include <stddef.h>

/* Where a batch stands, told before and after each article. */
struct nb_batch_progress {
    size_t index;                 /* 0-based: how many of the share's articles had
                                     finished before (in the order they finish) */
    size_t total;                 /* articles in the share */
    size_t done, skipped, failed; /* so far */
    const char *name;             /* the article's NAME (borrowed for the call) */
    int finished;                 /* 0: starting it; 1: it is done, skipped or failed */
};

struct nb_batch_options {
    const char *input;      /* a folder, a glob, a feed file or URL, or an article file */
    const char *output_dir; /* created when missing, before the first file */
    const char *briefing;   /* its voice, lexicon, format, loudness, pauses;
                               NULL: nb_bulletin_default_briefing() */
    unsigned shard, shards; /* share `shard` (1-based) of `shards`; 0 shards: all */
    const struct nb_loudness_target *loudness; /* NULL: the briefing's */
    struct nb_temp_hook temp;                  /* told of the temporary files */
    void (*progress)(void *ctx, const struct nb_batch_progress *p); /* NULL: none */
    void *progress_ctx;
    unsigned jobs; /* articles made at a time; 0: one per processor; 1: one after
                      another in this process */
};

enum nb_batch_outcome { NB_BATCH_DONE, NB_BATCH_SKIPPED, NB_BATCH_FAILED };

/* One article of the share, in order. */
struct nb_batch_article {
    char *name;   /* NAME */
    char *source; /* the file as listed, or the feed item's link (or guid) */
    char *file;   /* OUTDIR/NAME.EXT; NULL when it failed */
    char *title;  /* the headline; NULL when it failed */
    double seconds;
    enum nb_batch_outcome outcome;
    char *error; /* why it failed ("FILE: message"); NULL otherwise */
};

/* What a batch did; owns everything. */
struct nb_batch_result {
    size_t listed;                     /* articles in every share */
    struct nb_batch_article *articles; /* the share's, in order */
    size_t n;
    size_t done, skipped, failed;
    char *index_m3u8, *index_json; /* the index files written; NULL when none was */
};

void nb_batch_result_init(struct nb_batch_result *r);
void nb_batch_result_release(struct nb_batch_result *r);

/* Runs a batch as described above into *res (initialised by the caller;
 * its old contents are released first).  An article of a folder, glob or
 * feed that cannot be read or spoken is recorded as failed and the others
 * go on: the call still returns NB_OK, and res->failed says how many
 * (res->index_m3u8 is NULL when every one failed and no index was
 * written).  Errors are the run's: NB_EINPUT for a bad briefing, voice or
 * lexicon (FILE:LINE:COLUMN), an input that is not there or lists no
 * article, a share out of range; NB_EIO when the output folder or the
 * index cannot be written (or a feed cannot be fetched); NB_ENOMEM; and
 * when the input is one article file that failed, that article's error
 * ("FILE: message", NB_EINPUT when it is not an article), with no index.
 * The articles done before such an error keep their files. */
nb_status nb_bulletin_batch(const struct nb_batch_options *opts, struct nb_batch_result *res,
                            struct nb_error *err);

/* 1 when an article of identity `identity` belongs to share `shard`
 * (1-based) of `shards` (every article does when shards is 0 or 1). */
int nb_batch_in_shard(const char *identity, unsigned shard, unsigned shards);

#endif
