/* html_dom.h - a parsed page as one flat array (internal to the HTML reader).
 *
 * gumbo builds the tree; this module copies the part that matters (elements
 * and text, no comments) into an array in document order, where a node's
 * descendants are the nodes [i + 1, end).  Every later pass is then a loop
 * over indices: aggregating a subtree is a backwards loop adding each node
 * into its parent, and nothing recurses however deep the page nests.
 *
 * Before gumbo sees a page, nb_hdom_prepare() makes one pass over its tags
 * (a scan of where tags start and end, as the tokenizer sees them; nothing
 * is matched as a pattern) that leaves out
 *  - the bodies of <script> (except JSON-LD) and <style>, and comments:
 *    never read, half of a news page's bytes and most of gumbo's time;
 *  - start tags that would nest deeper than NB_HDOM_MAX_DEPTH, and as many
 *    end tags: the tree builder looks through the stack of open elements
 *    for many tags, so 100000 nested <div> would cost it minutes.  Pages
 *    never nest that deep.
 */
#ifndef NB_HTML_HTML_DOM_H
#define NB_HTML_HTML_DOM_H

#include "text/buf.h"
#include "text/error.h"

#include <gumbo.h>
#include <stddef.h>
#include <stdint.h>

#define NB_HDOM_NONE UINT32_MAX
#define NB_HDOM_MAX_DEPTH 512 /* elements nested deeper are flattened */

enum nb_hnode_type { NB_HNODE_ELEMENT, NB_HNODE_TEXT };

struct nb_hnode {
    const GumboNode *g; /* the gumbo node: attributes, text */
    uint32_t parent;    /* NB_HDOM_NONE for the root */
    uint32_t end;       /* one past the last descendant */
    uint16_t tag;       /* GumboTag (GUMBO_TAG_UNKNOWN for text) */
    uint8_t type;       /* enum nb_hnode_type */
};

struct nb_hdom {
    GumboOutput *out;
    struct nb_hnode *v; /* v[0] is the <html> element */
    size_t n;
    uint32_t body; /* the <body> element, NB_HDOM_NONE when absent */
};

/* Appends to `out` the bytes of a page (UTF-8 or any ASCII-compatible
 * encoding) without what the pass above leaves out.  NB_ENOMEM only. */
nb_status nb_hdom_prepare(const char *data, size_t len, struct nb_buf *out);

void nb_hdom_init(struct nb_hdom *d);
/* Parses UTF-8 text (library text, see text/utf8.h) that went through
 * nb_hdom_prepare() as an HTML document.  The text must outlive `d`
 * (gumbo's nodes point into it).  NB_ENOMEM only; on failure `d` is left
 * released. */
nb_status nb_hdom_parse(struct nb_hdom *d, const char *text, size_t len);
/* As a fragment of a <body> (a feed item's content). */
nb_status nb_hdom_parse_fragment(struct nb_hdom *d, const char *text, size_t len);
void nb_hdom_release(struct nb_hdom *d);

/* The value of attribute `name` of element i, or NULL. */
const char *nb_hdom_attr(const struct nb_hdom *d, uint32_t i, const char *name);

/* The text of a text node (NUL-terminated), or "" for an element. */
const char *nb_hdom_text(const struct nb_hdom *d, uint32_t i);

/* Appends the text of the subtree at i to `out`, whitespace collapsed to
 * single spaces and trimmed, without the text of script, style, template
 * and noscript. */
nb_status nb_hdom_inner_text(const struct nb_hdom *d, uint32_t i, struct nb_buf *out);

/* Whether `tag` is an element whose content never reads as text (script,
 * style, template, noscript, svg, math...). */
int nb_hdom_is_code(unsigned tag);

/* Whether `tag` starts a new block of text (p, div, li, h1...): the kinds
 * of element that split a paragraph. */
int nb_hdom_is_block(unsigned tag);

/* Whether element i is one gumbo does not know (GUMBO_TAG_UNKNOWN) named
 * `name` (lower-case): <dialog>, <search>, custom elements. */
int nb_hdom_unknown_is(const struct nb_hdom *d, uint32_t i, const char *name);

/* Whether the ASCII string s (any case) equals `word`, s[0..len) starts
 * with `prefix` or contains `word` (all three lower-case). */
int nb_ascii_ieq(const char *s, const char *word);
int nb_ascii_istarts(const char *s, size_t len, const char *prefix);
int nb_ascii_icontains(const char *s, size_t len, const char *word);

#endif
