/* html_extract.h - which blocks of a page are the story (internal to the
 * HTML reader).
 *
 * Generic, readability-like: containers are scored by the prose they hold
 * (text length, commas, link density, block shape, class and id names as
 * weak evidence), the best one and its dense siblings are taken, and
 * inside them blocks that read as page furniture (lists of links, bylines,
 * share bars, captions...) are left out.  No rule names a site.
 */
#ifndef NB_HTML_HTML_EXTRACT_H
#define NB_HTML_HTML_EXTRACT_H

#include "html/html_dom.h"
#include "html/html_text.h"
#include "text/error.h"

#include <stdint.h>

/* What became of a block. */
enum nb_hx_fate {
    NB_HX_OUT = 0, /* page furniture: reported as removed */
    NB_HX_BODY = 1 /* a paragraph of the story */
};

/* The elements whose text the page hides or that are no text (hidden,
 * aria-hidden, buttons, inputs...): NB_HB_SKIP for each, to collect blocks
 * (html_text.h) without them.  Returns a malloc'd array of d->n flags,
 * NULL when out of memory. */
uint8_t *nb_html_invisible(const struct nb_hdom *d);

/* Cuts the body of a parsed page into blocks (appended to `b`) and chooses
 * the story's: (*fate)[i] for each block, a malloc'd array the caller
 * frees (NULL on failure).  NB_ENOMEM only. */
nb_status nb_html_extract(const struct nb_hdom *d, struct nb_hblocks *b, uint8_t **fate);

/* Whether a block reads as a paragraph of prose, as a story's paragraphs
 * do and a page's menus, links, labels and notices ("We use cookies.")
 * do not: a sentence of six words or more, 100 characters or more, or 20
 * characters of a script written without spaces. */
int nb_html_block_is_prose(const struct nb_hblocks *b, const struct nb_hblock *bl);

#endif
