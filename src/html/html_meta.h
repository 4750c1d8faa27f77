/* html_meta.h - what a page says about its article besides the body
 * (internal to the HTML reader): headline, byline, date, publisher and
 * language, from meta tags, schema.org JSON-LD, <h1>, <title> and
 * <html lang>.
 */
#ifndef NB_HTML_HTML_META_H
#define NB_HTML_HTML_META_H

#include "html/html_dom.h"
#include "text/error.h"

struct nb_html_meta {
    char *headline;  /* site name taken off; NULL when the page has none */
    char *byline;    /* author names as given; NULL */
    char *date;      /* as written; NULL */
    char *publisher; /* og:site_name, JSON-LD publisher.name; NULL */
    char *language;  /* <html lang>, else meta; NULL */
    char *charset;   /* <meta charset>, http-equiv Content-Type; NULL */
};

void nb_html_meta_init(struct nb_html_meta *m);
void nb_html_meta_release(struct nb_html_meta *m);

/* Reads the metadata of a parsed page.  NB_ENOMEM only (JSON-LD that does
 * not parse is ignored). */
nb_status nb_html_meta_read(const struct nb_hdom *d, struct nb_html_meta *m);

/* Takes a site name off a title: "Headline | Site", "Site - Headline" when
 * the part matches `site` (may be NULL), or is a short trailing part.
 * Returns a malloc'd string, NULL when out of memory. */
char *nb_html_strip_site(const char *title, const char *site);

/* Whether a[0..alen) and the string b have the same letters and digits,
 * ASCII case ignored ("Tunnel opens!" and "tunnel opens"): a block that
 * repeats the headline. */
int nb_html_same_words(const char *a, size_t alen, const char *b);

#endif
