/* html.h - reading a web page (HTML5) as an article.
 *
 * The page is parsed by gumbo, an implementation of the WHATWG HTML5
 * parsing algorithm (libxml2's HTML parser is an HTML 4 parser: it does
 * not build the tree a browser builds from real-world markup).  Markup is
 * never matched with regular expressions.
 */
#ifndef NB_HTML_HTML_H
#define NB_HTML_HTML_H

#include "article/article.h"
#include "text/error.h"

#include <stddef.h>

/* Reads a whole page: headline from og:title, then the <h1> that matches
 * the title, then <title> (the site's name taken off: "Headline | Site"),
 * byline, date (as written) and publisher from meta tags and schema.org
 * JSON-LD, language from <html lang>; the body chosen by structure and
 * text density (paragraphs, block quotes in quotation marks, lists and
 * tables inside the story kept, a paragraph per item or row; navigation,
 * asides, comments, related links, share bars, cookie banners, captions
 * left out and their text listed in a->removed, in order, at most a few
 * hundred blocks; scripts, styles and hidden elements are never text).
 * Bytes that are not UTF-8 are read in the charset the page declares,
 * else as Windows-1252 (with a warning).  Then the article is finished as
 * every reader's is (reader.h), but for the text clean-up, which the
 * structure has done.  `name` (may be NULL) is used in messages and
 * stored as `source`.  `a` need not be initialised; on failure it is left
 * released.  NB_EINPUT naming `name` for a page with no article text ("no
 * article text in the page ..."), one over NB_ARTICLE_MAX_BYTES or one
 * that is not text; NB_ENOMEM.  Malformed and deeply nested markup is
 * read as a browser would (gumbo), never failing for it. */
nb_status nb_article_parse_html(struct nb_article *a, const char *data, size_t len,
                                const char *name, struct nb_error *err);

/* The same for a page whose transport named its charset (HTTP
 * Content-Type "text/html; charset=iso-8859-2": `charset` "iso-8859-2";
 * NULL or "" for none): bytes that are not UTF-8 are read in it, before
 * any charset the page declares itself. */
nb_status nb_article_parse_html_charset(struct nb_article *a, const char *data, size_t len,
                                        const char *name, const char *charset,
                                        struct nb_error *err);

/* Reads an HTML fragment that is all body (a feed item's content:encoded,
 * content or description): every block of text is a paragraph (scripts,
 * styles and images dropped; figures' captions listed in a->removed), but
 * the headline repeated at the top.  The headline is given by the caller
 * (not NULL).  Text without tags is read as paragraphs separated by blank
 * lines, its character references ("&amp;") decoded.  Same failure
 * contract as nb_article_parse_html(). */
nb_status nb_article_parse_html_fragment(struct nb_article *a, const char *data, size_t len,
                                         const char *headline, const char *name,
                                         struct nb_error *err);

/* Whether bytes look like an HTML document: a doctype or an <html> tag
 * (any case) at the start, after any BOM, whitespace, comments and XML
 * declaration, within the first 4 KiB. */
int nb_html_sniff(const char *data, size_t len);

#endif
