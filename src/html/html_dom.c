/* html_dom.c - a parsed page as one flat array (see html_dom.h). */
#include "html/html_dom.h"

#include "text/chars.h"

#include <stdlib.h>
#include <string.h>

void nb_hdom_init(struct nb_hdom *d)
{
    memset(d, 0, sizeof(*d));
    d->body = NB_HDOM_NONE;
}

void nb_hdom_release(struct nb_hdom *d)
{
    if (d->out)
        gumbo_destroy_output(&kGumboDefaultOptions, d->out);
    free(d->v);
    nb_hdom_init(d);
}

/* ---- ASCII names ---------------------------------------------------------- */

int nb_ascii_ieq(const char *s, const char *word)
{
    for (; *s && *word; s++, word++)
        if (nb_ascii_lower((unsigned char)*s) != *word)
            return 0;
    return *s == '\0' && *word == '\0';
}

int nb_ascii_istarts(const char *s, size_t len, const char *prefix)
{
    for (size_t i = 0; prefix[i]; i++)
        if (i >= len || nb_ascii_lower((unsigned char)s[i]) != prefix[i])
            return 0;
    return 1;
}

int nb_ascii_icontains(const char *s, size_t len, const char *word)
{
    size_t wl = strlen(word);
    for (size_t i = 0; i + wl <= len; i++) {
        size_t k = 0;
        while (k < wl && nb_ascii_lower((unsigned char)s[i + k]) == word[k])
            k++;
        if (k == wl)
            return 1;
    }
    return 0;
}

/* ---- the pass before gumbo ------------------------------------------------- */

/* Whether name[0..len) (any case) is one of the words of `list`, a string
 * of space-separated lower-case words with a space at each end. */
static int name_in(const char *name, size_t len, const char *list)
{
    char key[16];
    if (len == 0 || len + 3 > sizeof(key))
        return 0;
    key[0] = ' ';
    for (size_t i = 0; i < len; i++)
        key[i + 1] = (char)nb_ascii_lower((unsigned char)name[i]);
    key[len + 1] = ' ';
    key[len + 2] = '\0';
    return strstr(list, key) != NULL;
}

/* Elements that never nest: void elements, and those whose end tag may be
 * left out because the next one closes them. */
static const char not_nesting[] =
    " area base br col embed hr img input link meta param source track wbr keygen"
    " p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rp rtc"
    " html head body script style textarea title xmp iframe noembed noframes plaintext ";
/* Elements whose content is raw text up to their own end tag. */
static const char raw_text[] =
    " script style textarea title xmp iframe noembed noframes noscript plaintext ";

static int tag_name_char(char c)
{
    return c != '\0' && !nb_ascii_is_space((unsigned char)c) && c != '/' && c != '>';
}

/* Where the tag whose name starts at s[i] ends: one past its '>' (len when
 * it does not close).  Quoted attribute values may hold '>'. */
static size_t tag_end(const char *s, size_t len, size_t i, int *self_closing)
{
    char quote = 0;
    char prev = 0;
    for (; i < len; i++) {
        char c = s[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            if (prev == '=' || nb_ascii_is_space((unsigned char)prev))
                quote = c;
        } else if (c == '>') {
            *self_closing = prev == '/';
            return i + 1;
        }
        if (!nb_ascii_is_space((unsigned char)c))
            prev = c;
    }
    *self_closing = 0;
    return len;
}

/* Where the raw text of element `name` ends: at its "</name", or len. */
static size_t raw_text_end(const char *s, size_t len, size_t i, const char *name, size_t nlen)
{
    for (;;) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            return len;
        i = (size_t)(lt - s);
        if (i + 2 + nlen <= len && s[i + 1] == '/') {
            size_t k = 0;
            while (k < nlen && nb_ascii_lower((unsigned char)s[i + 2 + k]) ==
                                   nb_ascii_lower((unsigned char)name[k]))
                k++;
            if (k == nlen)
                return i;
        }
        i++;
    }
}

/* Whether the raw text of a <script> may be left out: gumbo's script
 * states treat "<!--" specially (a "</script>" inside may not close it),
 * so a script holding one is left whole for gumbo to read. */
static int script_body_droppable(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 < len; i++)
        if (s[i] == '<' && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-')
            return 0;
    return 1;
}

/* Whether the end tag "</name" at s[i] really ends raw text: the name is
 * followed by a space, '/' or '>'. */
static int ends_raw_text(const char *s, size_t len, size_t after_name)
{
    return after_name >= len || nb_ascii_is_space((unsigned char)s[after_name]) ||
           s[after_name] == '/' || s[after_name] == '>';
}

/* One pass over the text, seeing its tags as the tokenizer would, that
 * copies it to `out` without
 *  - the bodies of <script> (but JSON-LD) and <style>: code never read,
 *    often half of a page's bytes, and the slowest part for gumbo;
 *  - start tags that would nest deeper than NB_HDOM_MAX_DEPTH, and as many
 *    end tags (see html_dom.h). */
/* Where a comment whose "<!--" ends at s[i] ends (one past it), as the
 * tokenizer decides: "<!-->" and "<!--->" end at once; else at "-->" or
 * "--!>"; else at the end of the text. */
static size_t comment_end(const char *s, size_t len, size_t i)
{
    if (i < len && s[i] == '>')
        return i + 1;
    if (i + 1 < len && s[i] == '-' && s[i + 1] == '>')
        return i + 2;
    for (size_t j = i; j + 2 < len; j++) {
        if (s[j] != '-' || s[j + 1] != '-')
            continue;
        if (s[j + 2] == '>')
            return j + 3;
        if (j + 3 < len && s[j + 2] == '!' && s[j + 3] == '>')
            return j + 4;
    }
    return len;
}

/* A tag name as a number, any case: the stack of open elements keeps these. */
static uint32_t name_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (uint32_t)nb_ascii_lower((unsigned char)s[i])) * 16777619u;
    return h;
}

#define EXCESS_LOOK 64 /* how far down the dropped elements an end tag looks */

/* The elements the pass sees open: the first NB_HDOM_MAX_DEPTH kept, the
 * ones deeper (their start tags dropped) in `excess`. */
struct open_stack {
    uint32_t kept[NB_HDOM_MAX_DEPTH];
    size_t depth;
    uint32_t *excess;
    size_t nexcess, alloc;
};

/* An end tag: 1 when it closes dropped elements (so it is dropped too),
 * else 0, having closed the kept ones it closes (none for a stray one). */
static int close_element(struct open_stack *st, uint32_t h)
{
    size_t look = st->nexcess < EXCESS_LOOK ? st->nexcess : EXCESS_LOOK;
    for (size_t k = 0; k < look; k++) {
        if (st->excess[st->nexcess - 1 - k] == h) {
            st->nexcess -= k + 1;
            return 1;
        }
    }
    for (size_t k = st->depth; k-- > 0;) {
        if (st->kept[k] == h) {
            st->depth = k;
            break;
        }
    }
    return 0;
}

/* A start tag: 1 when it would nest too deep (it is dropped), else 0. */
static int open_element(struct open_stack *st, uint32_t h, nb_status *rc)
{
    if (st->depth < NB_HDOM_MAX_DEPTH) {
        st->kept[st->depth++] = h;
        return 0;
    }
    if (st->nexcess == st->alloc) {
        size_t na = st->alloc ? st->alloc * 2 : 256;
        uint32_t *nv = realloc(st->excess, na * sizeof(*nv));
        if (!nv) {
            *rc = NB_ENOMEM;
            return 1;
        }
        st->excess = nv;
        st->alloc = na;
    }
    st->excess[st->nexcess++] = h;
    return 1;
}

static nb_status prepare(const char *s, size_t len, struct nb_buf *out, struct open_stack *st);

nb_status nb_hdom_prepare(const char *s, size_t len, struct nb_buf *out)
{
    struct open_stack *st = calloc(1, sizeof(*st));
    if (!st)
        return NB_ENOMEM;
    nb_status rc = prepare(s, len, out, st);
    free(st->excess);
    free(st);
    return rc;
}

static nb_status prepare(const char *s, size_t len, struct nb_buf *out, struct open_stack *st)
{
    size_t copied = 0, i = 0;
    nb_status rc = NB_OK;
    if (nb_buf_grow(out, len) != NB_OK)
        return NB_ENOMEM;
    while (i < len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        size_t start = (size_t)(lt - s);
        i = start + 1;
        if (i + 2 < len && s[i] == '!' && s[i + 1] == '-' && s[i + 2] == '-') {
            i = comment_end(s, len, i + 3); /* comments are never read: left out */
            if (nb_buf_add(out, s + copied, start - copied) != NB_OK)
                return NB_ENOMEM;
            copied = i;
            continue;
        }
        int closing = i < len && s[i] == '/';
        size_t name = i + (size_t)closing;
        if (name >= len || !nb_ascii_is_alpha((unsigned char)s[name])) {
            if (i < len && (s[i] == '!' || s[i] == '?')) {
                const char *gt = memchr(s + i, '>', len - i);
                i = gt ? (size_t)(gt - s) + 1 : len;
            }
            continue;
        }
        size_t nend = name;
        while (nend < len && tag_name_char(s[nend]))
            nend++;
        size_t nlen = nend - name;
        int self_closing;
        size_t end = tag_end(s, len, nend, &self_closing);
        int nests = !name_in(s + name, nlen, not_nesting);
        int drop = 0;
        if (nests && closing)
            drop = close_element(st, name_hash(s + name, nlen));
        else if (nests && !self_closing)
            drop = open_element(st, name_hash(s + name, nlen), &rc);
        if (rc != NB_OK)
            return rc;
        if (drop) {
            if (nb_buf_add(out, s + copied, start - copied) != NB_OK)
                return NB_ENOMEM;
            copied = end;
        }
        i = end;
        if (closing || !name_in(s + name, nlen, raw_text))
            continue;
        /* raw text: up to its own end tag */
        size_t body = i;
        for (;;) {
            i = raw_text_end(s, len, i, s + name, nlen);
            if (i >= len || ends_raw_text(s, len, i + 2 + nlen))
                break;
            i++;
        }
        int script = name_in(s + name, nlen, " script ");
        int code = script || name_in(s + name, nlen, " style ");
        if (code && i > body && !drop &&
            !(script && nb_ascii_icontains(s + start, end - start, "ld+json")) &&
            (!script || script_body_droppable(s + body, i - body))) {
            if (nb_buf_add(out, s + copied, body - copied) != NB_OK)
                return NB_ENOMEM;
            copied = i;
        }
    }
    return nb_buf_add(out, s + copied, len - copied);
}

/* ---- flattening -------------------------------------------------------- */

struct frame {
    const GumboNode *g;
    unsigned child;
    uint32_t index;
};

static const GumboVector *children_of(const GumboNode *g)
{
    if (g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE)
        return &g->v.element.children;
    if (g->type == GUMBO_NODE_DOCUMENT)
        return &g->v.document.children;
    return NULL;
}

static nb_status push_node(struct nb_hdom *d, size_t *alloc, const GumboNode *g, uint32_t parent)
{
    if (d->n == *alloc) {
        size_t na = *alloc ? *alloc * 2 : 256;
        if (na > UINT32_MAX - 1)
            return NB_ENOMEM;
        struct nb_hnode *nv = realloc(d->v, na * sizeof(*nv));
        if (!nv)
            return NB_ENOMEM;
        d->v = nv;
        *alloc = na;
    }
    struct nb_hnode *h = &d->v[d->n++];
    h->g = g;
    h->parent = parent;
    h->end = (uint32_t)d->n;
    h->type = g->type == GUMBO_NODE_ELEMENT || g->type == GUMBO_NODE_TEMPLATE ? NB_HNODE_ELEMENT
                                                                              : NB_HNODE_TEXT;
    h->tag = h->type == NB_HNODE_ELEMENT ? (uint16_t)g->v.element.tag : GUMBO_TAG_UNKNOWN;
    return NB_OK;
}

static nb_status flatten(struct nb_hdom *d, const GumboNode *root)
{
    size_t alloc = 0, sdepth = 0, salloc = 64;
    struct frame *stack = malloc(salloc * sizeof(*stack));
    if (!stack || push_node(d, &alloc, root, NB_HDOM_NONE) != NB_OK) {
        free(stack);
        return NB_ENOMEM;
    }
    stack[sdepth++] = (struct frame){root, 0, 0};
    while (sdepth) {
        struct frame *f = &stack[sdepth - 1];
        const GumboVector *kids = children_of(f->g);
        if (!kids || f->child >= kids->length) {
            d->v[f->index].end = (uint32_t)d->n;
            sdepth--;
            continue;
        }
        const GumboNode *c = kids->data[f->child++];
        if (c->type == GUMBO_NODE_COMMENT || c->type == GUMBO_NODE_DOCUMENT)
            continue;
        uint32_t parent = f->index;
        if (push_node(d, &alloc, c, parent) != NB_OK) {
            free(stack);
            return NB_ENOMEM;
        }
        if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
            if (sdepth == salloc) {
                struct frame *ns = realloc(stack, salloc * 2 * sizeof(*ns));
                if (!ns) {
                    free(stack);
                    return NB_ENOMEM;
                }
                stack = ns;
                salloc *= 2;
            }
            stack[sdepth++] = (struct frame){c, 0, (uint32_t)(d->n - 1)};
        }
    }
    free(stack);
    return NB_OK;
}

static nb_status parse(struct nb_hdom *d, const char *text, size_t len, int fragment)
{
    nb_hdom_init(d);
    nb_status rc;
    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0; /* the parse errors of real pages are many and unused */
    if (fragment)
        opts.fragment_context = GUMBO_TAG_BODY;
    d->out = gumbo_parse_with_options(&opts, text, len);
    if (!d->out) {
        nb_hdom_release(d);
        return NB_ENOMEM;
    }
    rc = flatten(d, d->out->root);
    if (rc != NB_OK) {
        nb_hdom_release(d);
        return rc;
    }
    for (uint32_t i = 0; i < d->n && d->body == NB_HDOM_NONE; i++)
        if (d->v[i].type == NB_HNODE_ELEMENT && d->v[i].tag == GUMBO_TAG_BODY)
            d->body = i;
    return NB_OK;
}

nb_status nb_hdom_parse(struct nb_hdom *d, const char *text, size_t len)
{
    return parse(d, text, len, 0);
}

nb_status nb_hdom_parse_fragment(struct nb_hdom *d, const char *text, size_t len)
{
    return parse(d, text, len, 1);
}

/* ---- reading nodes ------------------------------------------------------ */

const char *nb_hdom_attr(const struct nb_hdom *d, uint32_t i, const char *name)
{
    if (i >= d->n || d->v[i].type != NB_HNODE_ELEMENT)
        return NULL;
    const GumboAttribute *at = gumbo_get_attribute(&d->v[i].g->v.element.attributes, name);
    return at ? at->value : NULL;
}

const char *nb_hdom_text(const struct nb_hdom *d, uint32_t i)
{
    if (i >= d->n || d->v[i].type != NB_HNODE_TEXT)
        return "";
    return d->v[i].g->v.text.text;
}

int nb_hdom_is_code(unsigned tag)
{
    switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
        return 1;
    default:
        return 0;
    }
}

int nb_hdom_is_block(unsigned tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
        return 1;
    default:
        return 0;
    }
}

/* Appends text with its whitespace collapsed; *space says a space is
 * pending (and is kept pending at the end). */
static nb_status add_collapsed(struct nb_buf *out, size_t mark, const char *s, int *space)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = nb_char_at(s, len, i, &n);
        if (nb_char_is_space(cp)) {
            *space = 1;
        } else {
            if (*space && out->len > mark && nb_buf_addc(out, ' ') != NB_OK)
                return NB_ENOMEM;
            *space = 0;
            if (nb_buf_add(out, s + i, n) != NB_OK)
                return NB_ENOMEM;
        }
        i += n;
    }
    return NB_OK;
}

nb_status nb_hdom_inner_text(const struct nb_hdom *d, uint32_t i, struct nb_buf *out)
{
    size_t mark = out->len;
    int space = 0;
    if (i >= d->n)
        return NB_OK;
    for (uint32_t k = i; k < d->v[i].end;) {
        const struct nb_hnode *h = &d->v[k];
        if (h->type == NB_HNODE_ELEMENT) {
            if (k != i && nb_hdom_is_code(h->tag)) {
                k = h->end;
                continue;
            }
            if (nb_hdom_is_block(h->tag) || h->tag == GUMBO_TAG_BR)
                space = 1;
        } else if (add_collapsed(out, mark, h->g->v.text.text, &space) != NB_OK) {
            nb_buf_truncate(out, mark);
            return NB_ENOMEM;
        }
        k++;
    }
    return NB_OK;
}

int nb_hdom_unknown_is(const struct nb_hdom *d, uint32_t i, const char *name)
{
    if (i >= d->n || d->v[i].type != NB_HNODE_ELEMENT || d->v[i].tag != GUMBO_TAG_UNKNOWN)
        return 0;
    GumboStringPiece piece = d->v[i].g->v.element.original_tag;
    if (!piece.data || !piece.length)
        return 0;
    gumbo_tag_from_original_text(&piece); /* "<my-tag a=b>" -> "my-tag" */
    size_t n = strlen(name);
    if (piece.length != n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (nb_ascii_lower((unsigned char)piece.data[k]) != name[k])
            return 0;
    return 1;
}
