/* html_text.h - a page's text as the blocks a reader sees (internal to the
 * HTML reader).
 *
 * A block is the text between two block boundaries: a paragraph, a list
 * item, a heading, a table row (its cells joined), a preformatted block,
 * the text directly inside a <div>.  Each block knows the element that
 * holds it (its "owner": the innermost block-level element), how much of
 * it is link text, and what kind of element it sits in.  The extractor
 * scores and chooses blocks; the readers turn the chosen ones into
 * paragraphs.  Text is collapsed (runs of spaces to one), except that a
 * <br> is kept as a line break and two in a row end the block.
 */
#ifndef NB_HTML_HTML_TEXT_H
#define NB_HTML_HTML_TEXT_H

#include "html/html_dom.h"
#include "text/buf.h"
#include "text/error.h"

#include <stddef.h>
#include <stdint.h>

enum {
    NB_HB_HEADING = 1 << 0, /* inside h1..h6 */
    NB_HB_ITEM = 1 << 1,    /* inside a list item (li, dd, dt) */
    NB_HB_QUOTE = 1 << 2,   /* inside a blockquote */
    NB_HB_ROW = 1 << 3,     /* a table row of cells */
    NB_HB_PRE = 1 << 4      /* preformatted */
};

struct nb_hblock {
    uint32_t owner;      /* innermost block-level element holding the text */
    uint32_t first;      /* the first node (text) of the block */
    size_t start, len;   /* the text: text.data[start, start + len) */
    uint32_t chars;      /* characters (code points), spaces collapsed */
    uint32_t link_chars; /* of which inside links (links to "#..." weigh less) */
    uint32_t words;
    uint16_t commas;
    uint16_t flags; /* NB_HB_* */
};

struct nb_hblocks {
    struct nb_buf text;
    struct nb_hblock *v;
    size_t n, alloc;
};

void nb_hblocks_init(struct nb_hblocks *b);
void nb_hblocks_release(struct nb_hblocks *b);

/* What `skip` says of an element. */
enum {
    NB_HB_SKIP = 1, /* left out whole */
    NB_HB_SPLIT = 2 /* a block boundary, even if inline (a caption <span>) */
};

/* Appends the blocks of the subtree at `root`, in document order.  Code
 * (script, style, template, svg...) and elements `skip` marks NB_HB_SKIP
 * (`skip` may be NULL) are left out whole; the text of <noscript> (read
 * as markup, as a browser without scripts does) is a block of its own.
 * NB_ENOMEM only. */
nb_status nb_hblocks_collect(const struct nb_hdom *d, uint32_t root, const uint8_t *skip,
                             struct nb_hblocks *b);

#endif
