/* source.h - from a briefing's articles entry to stories: a file, a page,
 * a feed, or the URL of a page or feed.
 *
 * A source is read whole or not at all: its error is one line naming it,
 * and the caller decides whether that fails the bulletin or is a warning.
 * A feed gives one story per item that is new enough (`since`), not yet
 * heard (`new_only`, from the state database) and within `max_items`; an
 * item that carries only a summary is read from its page when
 * `follow_links` allows (and from its summary when the page fails).
 */
#ifndef NB_SOURCE_SOURCE_H
#define NB_SOURCE_SOURCE_H

#include "article/article.h"
#include "source/fetch.h"
#include "source/state.h"
#include "text/error.h"
#include "text/strv.h"

#include <stddef.h>

struct nb_source_options {
    long long since;        /* Unix seconds: older feed items are skipped;
                               NB_SOURCE_NO_SINCE for none */
    size_t max_items;       /* from each feed; 0: no limit */
    int new_only;           /* skip feed items heard before (needs state_path) */
    int follow_links;       /* a summary-only item reads its page */
    int network;            /* URLs may be fetched; 0: a URL is an error */
    const char *cache_dir;  /* fetched bodies; NULL: none (no conditional GET) */
    const char *state_path; /* the state database, opened when first needed;
                               NULL: no state (nothing skipped as heard) */
    long long now;          /* Unix seconds, recorded with fetches */
    struct nb_fetch_options fetch;
};
#define NB_SOURCE_NO_SINCE (-(long long)1e18) /* before any feed date */

/* One story read from a source. */
struct nb_source_story {
    struct nb_article article;
    char *feed; /* the feed entry it came from; NULL for a page or file */
    char *guid; /* the feed item's guid; NULL when not from a feed */
};

/* What the sources read, in order; owns everything.  The state database
 * stays open between sources. */
struct nb_source_reader {
    const struct nb_source_options *options; /* borrowed */
    struct nb_state *state;                  /* opened on first need */
    int state_failed;                        /* it could not be opened (corrupt,
                                                newer, unwritable): not one
                                                source's failure, every one's */
    struct nb_source_story *stories;
    size_t nstories, alloc;
    struct nb_strv warnings; /* "SOURCE: item 3 'Title': no text" ... */
};

void nb_source_reader_init(struct nb_source_reader *r, const struct nb_source_options *o);
void nb_source_reader_release(struct nb_source_reader *r);

/* Default options: no since, no limits, new_only and follow_links on,
 * network on, no cache, no state, now = time(NULL). */
void nb_source_options_init(struct nb_source_options *o);

/* Reads `entry` (a path or an http(s) URL) and appends at most `max`
 * stories (0: none are wanted, the source is still checked).  Errors: the
 * source's, naming it (NB_EINPUT for input that is not an article, page or
 * feed, NB_EIO for a fetch); NB_ENOMEM.  On failure nothing is appended. */
nb_status nb_source_read(struct nb_source_reader *r, const char *entry, size_t max,
                         struct nb_error *err);

/* A local file read ahead of its turn, without a reader, so on any thread
 * (several at once): its bytes, and the article parsed from them unless
 * they are a feed (whose items depend on the reader's state database). */
struct nb_source_prepared {
    int ready;           /* 0: not prepared (a URL, standard input):
                            read it with nb_source_read */
    nb_status rc;        /* reading or parsing it: NB_OK or the error, */
    struct nb_error err; /* naming the file */
    int feed;            /* the bytes are a feed: parsed when added */
    struct nb_buf body;  /* a feed's bytes */
    struct nb_article article;
};

void nb_source_prepared_init(struct nb_source_prepared *p);
void nb_source_prepared_release(struct nb_source_prepared *p);

/* Prepares `entry` when it is a local file (not a URL, not "-"): reads
 * it as nb_source_read would and parses the article.  Touches nothing but
 * `p` (initialised).  The outcome is in p->rc and p->err. */
void nb_source_prepare(struct nb_source_prepared *p, const char *entry);

/* nb_source_read for an entry prepared by nb_source_prepare (ready): the
 * same stories and errors; the article is moved out of `p`. */
nb_status nb_source_add_prepared(struct nb_source_reader *r, const char *entry,
                                 struct nb_source_prepared *p, size_t max, struct nb_error *err);

/* Reads bytes from `name` (a path or a URL) as one article: the reader is
 * chosen by the extension of `name` (before any ?query or #fragment:
 * .html/.htm a page, .md Markdown, .txt text), else by `content_type` (may
 * be NULL: "text/html", "text/markdown", "text/plain"), else by a look at
 * the bytes (an HTML document), else plain text.  `a` need not be
 * initialised; on failure it is left released. */
nb_status nb_source_parse_article(struct nb_article *a, const char *data, size_t len,
                                  const char *name, const char *content_type, struct nb_error *err);

/* The file at `path` ("-": standard input) read as one article, the reader
 * chosen as above.  Errors name the file. */
nb_status nb_source_read_article(struct nb_article *a, const char *path, struct nb_error *err);

/* Whether bytes from `name` are a feed: a feed extension (.rss, .atom), a
 * feed's content type (application/rss+xml, atom+xml, rdf+xml; may be
 * NULL), or bytes that look like one (an .xml file). */
int nb_source_is_feed(const char *name, const char *content_type, const char *data, size_t len);

/* Marks the feed items among the first `n` stories heard at `when` (the
 * stories a bulletin spoke; their articles may have been moved out), and
 * forgets items heard more than NB_SOURCE_FORGET_AFTER seconds before.
 * No-op without a state database or feed stories. */
#define NB_SOURCE_FORGET_AFTER (183LL * 86400) /* half a year */
nb_status nb_source_mark_heard(struct nb_source_reader *r, size_t n, long long when,
                               struct nb_error *err);

#endif
