/* summaries.h - what the summariser picks from many article files, the
 * files read ahead on other threads.
 *
 * Each file is read as nb_bulletin_read_article() reads it and summarised
 * by nb_summary_make(); up to `jobs` files are read at a time (0: one per
 * processor; read_ahead.h), at most four a thread past the one handed over,
 * and each is handed to the caller's function in the order given, on the
 * caller's thread, then released.  The summaries are the same for every
 * `jobs`.
 */
#ifndef NB_BULLETIN_SUMMARIES_H
#define NB_BULLETIN_SUMMARIES_H

#include "summary/summary.h"
#include "text/error.h"

#include <stddef.h>

/* Called with each file's summary (its article is s->article); nonzero
 * stops the run (a failed write). */
typedef int (*nb_summaries_fn)(void *ctx, const char *file, const struct nb_summary *s);

/* NB_OK when every file was handed over or `each` stopped the run;
 * otherwise the error of the first file that could not be read or
 * summarised (naming it), the files before it handed over. */
nb_status nb_bulletin_summarise_files(const char *const *files, size_t n,
                                      const struct nb_summary_options *o, unsigned jobs,
                                      nb_summaries_fn each, void *ctx, struct nb_error *err);

#endif
