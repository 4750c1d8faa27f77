/* feed_xml.h - what the feed readers share (internal to src/feed/):
 * one parse's state, matching elements by namespace, an element's text,
 * Atom xhtml content as HTML, and the items being filled.
 *
 * The document is parsed without entity substitution: references to
 * entities declared in the feed's own DTD stay in the tree and are
 * expanded here, against one budget per parse, so that a feed cannot make
 * a few bytes of references into gigabytes of text (libxml2 itself
 * refuses nested "billion laughs" entities; a single wide entity
 * referenced many times is caught by the budget).
 */
#ifndef NB_FEED_FEED_XML_H
#define NB_FEED_FEED_XML_H

#include "feed/feed.h"
#include "text/error.h"

#include <libxml/tree.h>

#include <stddef.h>

#define NB_NS_ATOM "http://www.w3.org/2005/Atom"
#define NB_NS_RSS1 "http://purl.org/rss/1.0/"
#define NB_NS_RSS090 "http://my.netscape.com/rdf/simple/0.9/"
#define NB_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NB_NS_DC "http://purl.org/dc/elements/1.1/"
#define NB_NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NB_NS_XHTML "http://www.w3.org/1999/xhtml"

/* What entity references may expand to in one feed, all fields together. */
#define NB_FEED_ENTITY_BUDGET ((size_t)4 << 20)

/* Content with less text than this (and a link to the page) is a summary. */
#define NB_FEED_SHORT_CONTENT 400

/* One parse: the feed being filled (which owns every string), and the
 * error to report through. */
struct nb_feed_reader {
    struct nb_feed *feed;
    size_t items_alloc;   /* slots allocated in feed->items */
    size_t entity_budget; /* bytes entity references may still expand to */
    const char *name;     /* for messages */
    struct nb_error *err;
};

/* Whether `n` is the element `local` in namespace `ns`.  ns NULL means
 * RSS's own elements: no namespace, RSS 1.0's or RSS 0.90's.  An element
 * whose prefix the feed never declared ("dc:creator" without xmlns:dc)
 * matches by the namespace's usual prefix (dc, content, atom, rdf). */
int nb_feed_is(const xmlNode *n, const char *ns, const char *local);

/* The value of attribute `name` in namespace `ns` (NULL: no namespace;
 * XML_XML_NAMESPACE for xml:lang, xml:base) when it is plain text; NULL
 * when absent (or made of entity references).  Borrowed from the document. */
const char *nb_feed_attr(const xmlNode *n, const char *ns, const char *name);

/* The text of `n` (text, CDATA and entity contents of it and everything
 * under it), trimmed; with `collapse`, runs of whitespace made one space.
 * *out is malloc'd (caller frees), or NULL when the text is empty.
 * NB_ENOMEM, or NB_EINPUT (message set) when entities overrun the budget. */
nb_status nb_feed_text(struct nb_feed_reader *r, const xmlNode *n, int collapse, char **out);

/* The children of `n` as HTML (Atom type="xhtml": the wrapping xhtml div
 * left out): elements by their local names, attributes without a
 * namespace, text escaped.  *out as nb_feed_text(). */
nb_status nb_feed_xhtml(struct nb_feed_reader *r, const xmlNode *n, char **out);

/* `href` (an attribute or the text of element `n`) resolved against
 * n's xml:base, else against `fallback` (the feed's link; may be NULL);
 * as it is when absolute or when it cannot be resolved.  *out malloc'd.
 * NB_ENOMEM only (message set). */
nb_status nb_feed_resolve(struct nb_feed_reader *r, const xmlNode *n, const char *href,
                          const char *fallback, char **out);

/* Plain text from a little HTML (a title, the start of an item): tags
 * skipped when `html`, character references decoded, whitespace collapsed.
 * *out malloc'd, "" when nothing is left.  NB_ENOMEM only. */
nb_status nb_feed_plain(const char *s, int html, char **out);

/* A new, empty item at the end of the feed (*item points into it, valid
 * until the next call).  NB_ENOMEM only (message set). */
nb_status nb_feed_new_item(struct nb_feed_reader *r, struct nb_feed_item **item);

/* Completes the last item: title never NULL, guid from the link, the title
 * or the content when missing, the date read, summary_only set for short
 * content.  NB_ENOMEM only (message set). */
nb_status nb_feed_finish_item(struct nb_feed_reader *r, struct nb_feed_item *it);

/* Sets *slot to `s` when *slot is NULL (the first one wins), else frees s. */
void nb_feed_keep(char **slot, char *s);

/* NB_ENOMEM with the message "out of memory". */
nb_status nb_feed_oom(struct nb_feed_reader *r);

/* The two readers (feed_rss.c, feed_atom.c): `root` is <rss>, <rdf:RDF>
 * or Atom's <feed>. */
nb_status nb_feed_read_rss(struct nb_feed_reader *r, const xmlNode *root);
nb_status nb_feed_read_atom(struct nb_feed_reader *r, const xmlNode *root);

#endif
