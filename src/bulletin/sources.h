/* sources.h - the bulletin's reading step: the briefing's articles
 * entries read as stories (source/), their quotes found (quotes/), and the
 * feed items a bulletin spoke remembered.  Internal to src/bulletin/.
 */
#ifndef NB_BULLETIN_SOURCES_H
#define NB_BULLETIN_SOURCES_H

#include "bulletin/bulletin.h"

/* Reads at most `stories` stories from the briefing's entries in order into
 * bl->articles (with a summary slot each).  A source that fails is a
 * warning in bl->warnings ("SOURCE: what failed; skipped"), or the error
 * when the briefing says on_source_error: fail, or when the state database
 * cannot be used (corrupt: NB_EINPUT naming it); NB_EINPUT when no source
 * gave a story: when sources failed, one error at the briefing's entry of
 * the first failure, naming it and how many more failed, in place of
 * their warnings. */
nb_status nb_bulletin_read_sources(struct nb_bulletin *bl, struct nb_error *err);

/* After the audio is written: the feed items among its stories are marked
 * heard in the briefing's state database. */
nb_status nb_bulletin_remember_heard(struct nb_bulletin *bl, struct nb_error *err);

/* The default cache folder of the briefing at `path`:
 * $XDG_CACHE_HOME/newsbrief/STEM-HASH (else ~/.cache/...), where STEM is
 * the file name without extension and HASH tells two briefings of one
 * name apart.  *found 0 when neither variable is set. */
nb_status nb_bulletin_default_cache(const char *path, struct nb_buf *out, int *found);

#endif
