/* html.h - reading a web page (HTML5) as an article.
 *
 * The page is parsed by gumbo, an implementation of the WHATWG HTML5
 * parsing algorithm (libxml2's HTML parser is an HTML 4 parser: it does
 * not build the tree a browser builds from real-world markup).  Markup is
 * never matched with regular expressions.
 */
#ifndef NB_ARTICLE_HTML_H
#define NB_ARTICLE_HTML_H

#include "article/article.h"
#include "text/error.h"

#include <stddef.h>

/* Reads a whole page: headline from og:title, <h1> or <title> (the site
 * name taken off), byline, date and publisher from meta tags and
 * schema.org JSON-LD, language from <html lang>; the body chosen by
 * structure and text density (paragraphs, block quotes, lists and tables
 * inside the story kept; navigation, asides, comments, related links,
 * share bars, cookie banners, captions, scripts left out and reported in
 * a->removed).  Then the article is finished as every reader's is
 * (reader.h).  `a` need not be initialised; on failure it is left
 * released.  NB_EINPUT naming `name` for a page with no article. */
nb_status nb_article_parse_html(struct nb_article *a, const char *data, size_t len,
                                const char *name, struct nb_error *err);

/* Reads an HTML fragment that is all body (a feed item's content:encoded,
 * content or description): every block of text is a paragraph (scripts,
 * styles, figures' captions and images dropped), headline given by the
 * caller (not NULL).  Plain text without markup is read as paragraphs
 * too.  Same failure contract as nb_article_parse_html(). */
nb_status nb_article_parse_html_fragment(struct nb_article *a, const char *data, size_t len,
                                         const char *headline, const char *name,
                                         struct nb_error *err);

/* Whether bytes look like an HTML document (a doctype or <html> tag near
 * the start, after any BOM and whitespace). */
int nb_html_sniff(const char *data, size_t len);

#endif
