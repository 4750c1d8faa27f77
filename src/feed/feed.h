/* feed.h - RSS 2.0 and Atom feeds (parsed with libxml2).
 *
 * A feed is a list of items; each becomes an article through the HTML
 * fragment reader (html.h).  The feed owns every string in it.
 */
#ifndef NB_FEED_FEED_H
#define NB_FEED_FEED_H

#include "article/article.h"
#include "text/error.h"

#include <stddef.h>

#define NB_FEED_NO_TIME ((long long)-1) /* an item without a readable date */

struct nb_feed_item {
    char *guid;       /* <guid>, Atom <id>; else the link; else the title.
                         Never NULL */
    char *title;      /* never NULL: "" when the item has none */
    char *link;       /* NULL when none (Atom: rel="alternate" or no rel) */
    char *date;       /* as written (pubDate, dc:date, updated, published); NULL */
    long long when;   /* the date as Unix seconds (UTC), NB_FEED_NO_TIME */
    char *author;     /* author, dc:creator, Atom author/name; NULL */
    char *content;    /* content:encoded, Atom content, else description or
                         summary: HTML or text; NULL when the item has none */
    int summary_only; /* 1 when the item has a link, and its content came
                         from description/summary, is short (under 400
                         characters of text) or is missing: the page may
                         hold the whole story */
};

struct nb_feed {
    char *title;    /* NULL when none */
    char *link;     /* the site, NULL when none */
    char *language; /* <language>, xml:lang; NULL */
    struct nb_feed_item *items;
    size_t nitems;
};

void nb_feed_init(struct nb_feed *f);
void nb_feed_release(struct nb_feed *f);

/* Parses RSS 2.0 (and 0.9x/1.0 RDF) or Atom 1.0.  No network access and
 * no external entities are ever loaded.  NB_EINPUT naming `name` when the
 * bytes are not XML ("not a feed: ... at line N"), not a feed ("not a feed
 * (the root element is <inventory>, not <rss>, <feed> or <rdf:RDF>)") or
 * a feed with no items ("the feed has no items").  `f` need not be
 * initialised; on failure it is left empty. */
nb_status nb_feed_parse(struct nb_feed *f, const char *data, size_t len, const char *name,
                        struct nb_error *err);

/* Whether bytes are to be read as a feed: an XML document whose root
 * element is rss, feed or rdf:RDF, or any other that starts with an XML
 * declaration but XHTML (no other reader reads XML: nb_feed_parse() says
 * what it is instead).  A cheap look at the start, not a parse. */
int nb_feed_sniff(const char *data, size_t len);

/* Parses an RFC 822 (RSS) or RFC 3339 (Atom) date into Unix seconds.
 * NB_OK, or NB_EINPUT when it cannot be read. */
nb_status nb_feed_parse_date(const char *s, long long *when);

/* Turns item `i` into an article (headline = title, byline = author, date,
 * source = link or `name`#i, language and publication from the feed).
 * NB_EINPUT when the item has no text. */
nb_status nb_feed_item_article(const struct nb_feed *f, size_t i, const char *name,
                               struct nb_article *a, struct nb_error *err);

#endif
