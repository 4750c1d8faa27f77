/* summaries.c - what the summariser picks from many article files, the
 * files read ahead on other threads. */
#include "bulletin/summaries.h"

#include "bulletin/bulletin.h"
#include "bulletin/read_ahead.h"
#include "speech/workers.h"

#include <stdlib.h>

struct item {
    nb_status rc;
    struct nb_error err;
    struct nb_article article;
    struct nb_summary summary;
};

struct run {
    const char *const *files;
    const struct nb_summary_options *options;
    struct item *items;
};

/* On any thread: reads and summarises file i into its own item. */
static void make(void *ctx, size_t i)
{
    struct run *run = ctx;
    struct item *it = &run->items[i];
    it->rc = nb_bulletin_read_article(&it->article, run->files[i], &it->err);
    if (it->rc == NB_OK)
        it->rc = nb_summary_make(&it->summary, &it->article, run->options, &it->err);
}

static void item_release(struct item *it)
{
    nb_summary_release(&it->summary);
    nb_article_release(&it->article);
    nb_summary_init(&it->summary);
}

nb_status nb_bulletin_summarise_files(const char *const *files, size_t n,
                                      const struct nb_summary_options *o, unsigned jobs,
                                      nb_summaries_fn each, void *ctx, struct nb_error *err)
{
    if (!n)
        return NB_OK;
    struct run run = {files, o, calloc(n, sizeof(struct item))};
    if (!run.items)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        nb_error_init(&run.items[i].err);
        nb_article_init(&run.items[i].article);
        nb_summary_init(&run.items[i].summary);
    }
    if (!jobs)
        jobs = nb_speech_workers_default();
    struct nb_read_ahead ra;
    nb_read_ahead_start(&ra, n, jobs, 4 * jobs, make, &run);
    nb_status rc = NB_OK;
    for (size_t i = 0; i < n; i++) {
        nb_read_ahead_get(&ra, i);
        struct item *it = &run.items[i];
        if (it->rc != NB_OK) {
            if (err)
                *err = it->err;
            rc = it->rc;
            break;
        }
        int stop = each(ctx, files[i], &it->summary);
        item_release(it);
        if (stop)
            break;
    }
    nb_read_ahead_stop(&ra);
    for (size_t i = 0; i < n; i++)
        item_release(&run.items[i]);
    free(run.items);
    return rc;
}
