/* html_text.c - a page's text as the blocks a reader sees (see html_text.h). */
#include "html/html_text.h"

#include "text/chars.h"

#include <stdlib.h>
#include <string.h>

void nb_hblocks_init(struct nb_hblocks *b)
{
    memset(b, 0, sizeof(*b));
    nb_buf_init(&b->text, 0);
}

void nb_hblocks_release(struct nb_hblocks *b)
{
    nb_buf_release(&b->text);
    free(b->v);
    nb_hblocks_init(b);
}

/* Flags an element gives the text inside it. */
static uint16_t flags_of(unsigned tag)
{
    switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        return NB_HB_HEADING;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
        return NB_HB_ITEM;
    case GUMBO_TAG_BLOCKQUOTE:
        return NB_HB_QUOTE;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
        return NB_HB_PRE;
    default:
        return 0;
    }
}

struct frame {
    uint32_t node;
    uint32_t owner_before; /* the owner to restore when it closes */
    uint16_t flags_before;
    uint8_t link_before;
    uint8_t boundary : 1;
    uint8_t quoted : 1; /* a <q> whose opening mark was written */
};

struct walk {
    const struct nb_hdom *d;
    struct nb_hblocks *b;
    struct nb_hblock cur; /* cur.len == 0: no block open */
    int open;             /* a block has text */
    int space, newline;   /* pending separators */
    int cell;             /* a table cell started: separator pending */
    uint32_t owner;       /* innermost open block element */
    uint16_t flags;       /* inherited flags */
    uint8_t link;         /* 0 none, 1 link to the page itself, 2 link */
};

static nb_status flush(struct walk *w)
{
    if (!w->open) {
        w->space = w->newline = w->cell = 0;
        return NB_OK;
    }
    struct nb_hblocks *b = w->b;
    w->cur.len = b->text.len - w->cur.start;
    if (b->n == b->alloc) {
        size_t na = b->alloc ? b->alloc * 2 : 64;
        struct nb_hblock *nv = realloc(b->v, na * sizeof(*nv));
        if (!nv)
            return NB_ENOMEM;
        b->v = nv;
        b->alloc = na;
    }
    b->v[b->n++] = w->cur;
    w->open = 0;
    w->space = w->newline = w->cell = 0;
    return NB_OK;
}

static int is_comma(uint32_t cp)
{
    return cp == ',' || cp == 0xFF0C || cp == 0x3001 || cp == 0x060C;
}

static void open_block(struct walk *w, uint32_t node)
{
    memset(&w->cur, 0, sizeof(w->cur));
    w->cur.owner = w->owner;
    w->cur.first = node;
    w->cur.start = w->b->text.len;
    w->cur.flags = w->flags;
    w->cur.words = 1;
    w->open = 1;
    w->space = w->newline = w->cell = 0;
}

/* Appends a text node's text to the open block (opening one at its first
 * visible character), whitespace collapsed.  The buffer is grown once for
 * the whole text, then written directly: this is the innermost loop of
 * the reader. */
static nb_status add_text(struct walk *w, uint32_t node, const char *s)
{
    size_t len = strlen(s);
    struct nb_buf *t = &w->b->text;
    int pre = (w->flags & NB_HB_PRE) != 0;
    uint32_t link_weight = w->link == 2 ? 10 : w->link ? 3 : 0;
    if (nb_buf_grow(t, 2 * len + 4) != NB_OK)
        return NB_ENOMEM;
    char *out = t->data;
    size_t o = t->len;
    for (size_t i = 0; i < len;) {
        size_t n = 1;
        unsigned char c = (unsigned char)s[i];
        uint32_t cp = c < 0x80 ? c : nb_char_at(s, len, i, &n);
        if (c < 0x80 ? nb_ascii_is_space(c) : (nb_char_is_space(cp) || nb_char_is_invisible(cp))) {
            if (pre && cp == '\n' && w->open)
                w->newline = 1;
            else if (c < 0x80 || nb_char_is_space(cp))
                w->space = 1;
            i += n;
            continue;
        }
        if (!w->open) {
            t->len = o;
            open_block(w, node);
        } else if (w->cell || w->newline || w->space) {
            if (w->cell) {
                char last = out[o - 1];
                if (!(last == '.' || last == ';' || last == ':' || last == ','))
                    out[o++] = ';';
                out[o++] = ' ';
            } else {
                out[o++] = w->newline ? '\n' : ' ';
            }
            w->cur.words++;
            w->space = w->newline = w->cell = 0;
        }
        memcpy(out + o, s + i, n);
        o += n;
        w->cur.chars++;
        w->cur.link_chars += link_weight;
        if (c == ',' || (c >= 0x80 && is_comma(cp)))
            w->cur.commas++;
        i += n;
    }
    t->len = o;
    out[o] = '\0';
    return NB_OK;
}

/* Whether element i splits blocks: block tags always; table cells and
 * elements gumbo does not know (custom elements) only when they hold
 * blocks, so that the cells of a row and inline custom elements stay in
 * one block. */
static int is_boundary(const struct nb_hdom *d, const uint8_t *has_block, uint32_t i)
{
    unsigned tag = d->v[i].tag;
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_UNKNOWN)
        return has_block[i];
    return nb_hdom_is_block(tag);
}

/* has_block[i]: element i holds a block-level element (below it). */
static uint8_t *blocks_below(const struct nb_hdom *d, uint32_t root)
{
    uint8_t *hb = calloc(d->n, 1);
    if (!hb)
        return NULL;
    for (uint32_t i = d->v[root].end; i-- > root;) {
        const struct nb_hnode *h = &d->v[i];
        if (h->type != NB_HNODE_ELEMENT || i == root)
            continue;
        if (hb[i] || nb_hdom_is_block(h->tag) || h->tag == GUMBO_TAG_BR)
            hb[h->parent] = 1;
    }
    return hb;
}

static int is_hash_link(const char *href)
{
    return href && href[0] == '#';
}

nb_status nb_hblocks_collect(const struct nb_hdom *d, uint32_t root, const uint8_t *skip,
                             struct nb_hblocks *b)
{
    if (root >= d->n)
        return NB_OK;
    uint8_t *has_block = blocks_below(d, root);
    size_t salloc = 64, sn = 0;
    struct frame *stack = malloc(salloc * sizeof(*stack));
    if (!has_block || !stack) {
        free(has_block);
        free(stack);
        return NB_ENOMEM;
    }
    struct walk w;
    memset(&w, 0, sizeof(w));
    w.d = d;
    w.b = b;
    w.owner = root;
    nb_status rc = NB_OK;
    uint32_t end = d->v[root].end;
    for (uint32_t k = root; rc == NB_OK && k <= end;) {
        while (sn && (k >= d->v[stack[sn - 1].node].end)) {
            struct frame *f = &stack[--sn];
            if (f->quoted && w.open && nb_buf_adds(&b->text, "\xe2\x80\x9d") != NB_OK)
                rc = NB_ENOMEM;
            if (f->boundary && rc == NB_OK)
                rc = flush(&w);
            w.owner = f->owner_before;
            w.flags = f->flags_before;
            w.link = f->link_before;
        }
        if (k == end || rc != NB_OK)
            break;
        const struct nb_hnode *h = &d->v[k];
        if (h->type == NB_HNODE_TEXT) {
            rc = add_text(&w, k, h->g->v.text.text);
            k++;
            continue;
        }
        if ((skip && skip[k] == NB_HB_SKIP) ||
            (nb_hdom_is_code(h->tag) && h->tag != GUMBO_TAG_NOSCRIPT)) {
            k = h->end;
            continue;
        }
        if (h->tag == GUMBO_TAG_BR) {
            if (w.newline)
                rc = flush(&w);
            else if (w.open)
                w.newline = 1;
            k++;
            continue;
        }
        if (h->tag == GUMBO_TAG_HR || h->tag == GUMBO_TAG_IMG) {
            if (h->tag == GUMBO_TAG_HR)
                rc = flush(&w);
            else
                w.space = 1;
            k++;
            continue;
        }
        int boundary = k == root || is_boundary(d, has_block, k) || h->tag == GUMBO_TAG_NOSCRIPT ||
                       (skip && skip[k] == NB_HB_SPLIT);
        if (boundary)
            rc = flush(&w);
        else if ((h->tag == GUMBO_TAG_TD || h->tag == GUMBO_TAG_TH) && w.open)
            w.cell = 1;
        if (sn == salloc) {
            struct frame *ns = realloc(stack, salloc * 2 * sizeof(*ns));
            if (!ns) {
                rc = NB_ENOMEM;
                break;
            }
            stack = ns;
            salloc *= 2;
        }
        struct frame *f = &stack[sn++];
        *f = (struct frame){k, w.owner, w.flags, w.link, (uint8_t)boundary, 0};
        if (boundary)
            w.owner = k;
        w.flags |= flags_of(h->tag);
        if (h->tag == GUMBO_TAG_TR)
            w.flags |= NB_HB_ROW;
        if (h->tag == GUMBO_TAG_A && nb_hdom_attr(d, k, "href"))
            w.link = is_hash_link(nb_hdom_attr(d, k, "href")) ? 1 : 2;
        if (h->tag == GUMBO_TAG_Q && rc == NB_OK) {
            /* the marks a browser draws around <q> */
            if (w.open && (w.space || w.newline)) {
                rc = nb_buf_addc(&b->text, ' ');
                w.space = w.newline = 0;
            }
            if (rc == NB_OK && w.open) {
                rc = nb_buf_adds(&b->text, "\xe2\x80\x9c");
                f->quoted = 1;
            }
        }
        k++;
    }
    if (rc == NB_OK)
        rc = flush(&w);
    free(stack);
    free(has_block);
    return rc;
}
