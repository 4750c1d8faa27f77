/* batch_pool.h - the jobs of a batch (its articles) done several at a
 * time, each in a child process forked from the batch.
 *
 * Making an article's audio is mostly work one core does alone: the
 * speech of a short article is one or two blocks, and bringing it to its
 * loudness (the limiter, the meters) runs in one process.  So a batch
 * with more than one processor does its articles side by side: each in a
 * child forked from the batch (its settings and listing loaded once),
 * which does the job, sends back what it did as bytes down a pipe and
 * exits.  A job's result is the same whichever child did it and whatever
 * ran beside it (each article's speech depends only on its own text:
 * speech/workers.h).  A child that crashes costs its job, not the batch.
 */
#ifndef NB_BULLETIN_BATCH_POOL_H
#define NB_BULLETIN_BATCH_POOL_H

#include "text/buf.h"
#include "text/error.h"
#include "text/file.h"

#include <stddef.h>

struct nb_batch_pool_work {
    size_t njobs;
    unsigned children; /* at a time, at least 1 */
    /* In the child: does job `job` and puts what it did into `out` for
     * done(); returns 0 when out holds it (else the job is reported as
     * stopped). */
    int (*run)(void *ctx, size_t job, struct nb_buf *out);
    /* In the parent, as job `job` is started (NULL: not told). */
    void (*starting)(void *ctx, size_t job);
    /* In the parent, once per job, in any order: data[0..len) is what
     * run() put out, or data is NULL and `failure` says why there is
     * nothing ("the process making it crashed (signal 11)").  An error
     * stops the batch. */
    nb_status (*done)(void *ctx, size_t job, const char *data, size_t len, const char *failure,
                      struct nb_error *err);
    void *ctx;
    /* told of each child as it starts and once it is reaped (NULL: no one
     * is told; text/file.h) */
    const struct nb_temp_hook *temp;
};

/* Starts the jobs in order, up to w->children at a time, and gives each
 * one's result to w->done.  Errors: NB_EIO when no process or pipe can be
 * made; NB_ENOMEM; done()'s.  On an error the children still running are
 * stopped (SIGTERM: they remove their temporary files) and reaped, and no
 * further job is started. */
nb_status nb_batch_pool_run(const struct nb_batch_pool_work *w, struct nb_error *err);

#endif
