/* html_extract.c - which blocks of a page are the story (see
 * html_extract.h).
 *
 * The steps, each a loop over the flat node array (html_dom.h):
 *  1. every element is classed once: invisible (hidden, controls),
 *     furniture by structure (nav, aside, footer, role=navigation...),
 *     unlikely by its class and id names, and weighted by them;
 *  2. scoring, as Readability does: each block of 25 characters or more
 *     gives its containers a score from its length and commas, the nearest
 *     container most; a container's score is then scaled down by its link
 *     density;
 *  3. the best container wins, moved up to an ancestor that holds several
 *     near-best ones, and its siblings with enough score or prose join it;
 *  4. inside the chosen containers, elements that read as furniture
 *     (lists and tables of links, forms, share bars, image galleries) and
 *     blocks that do (lines of links, bylines, the headline again) go;
 *  5. when the result is short, steps 2-4 run again with less evidence
 *     thrown away (unlikely names kept, names not weighed, nothing cleaned)
 *     and the longest result wins.
 */
#include "html/html_extract.h"

#include "article/reader.h"
#include "text/chars.h"

#include <stdlib.h>
#include <string.h>
#define MIN_BLOCK 25       /* characters a block needs to score */
#define CHAR_THRESHOLD 500 /* characters a result needs to be taken at once */
#define TOP_N 5
#define ANCESTOR_LEVELS 5
#define INNER_SHARE 0.5f /* what a sibling's buried candidate counts for */

enum { STRIP_UNLIKELY = 1, WEIGHT_CLASSES = 2, CLEAN_CONDITIONALLY = 4 };

/* Node classes (step 1). */
enum {
    C_INVISIBLE = 1,   /* never text */
    C_FURNITURE = 2,   /* nav, aside... never the story */
    C_UNLIKELY = 4,    /* names say menu, comments, sidebar... */
    C_SHARE = 8,       /* names say share */
    C_DATA_TABLE = 16, /* a table of data, not of layout */
    C_CAPTION = 32,    /* names say caption or credit */
    C_AD = 64,         /* names say advertisement */
    C_BYLINE = 128     /* names say byline, author, dateline */
};

/* What an element's ancestors are (struct ex `inside`). */
enum { I_DATA_TABLE = 1, I_CODE = 2, I_FIGURE = 4 };

/* ---- names ---------------------------------------------------------------- */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const unlikely_names[] = {
    "-ad-",       "ai2html", "banner",     "breadcrumbs",  "combx",    "comment",    "community",
    "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",     "header",     "legends",
    "menu",       "related", "remark",     "replies",      "rss",      "shoutbox",   "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break", "agegate",    "pagination",
    "pager",      "popup",   "yom-remote", "cookie",       "consent",  "newsletter",
};
static const char *const maybe_names[] = {
    "and", "article", "body", "column", "content", "main", "shadow",
};
static const char *const positive_names[] = {
    "article", "body",       "content", "entry", "hentry", "h-entry", "main",
    "page",    "pagination", "post",    "text",  "blog",   "story",
};
static const char *const negative_names[] = {
    "-ad-",       "hidden",  "banner",   "combx",  "comment",  "com-",     "contact",
    "foot",       "footer",  "footnote", "gdpr",   "masthead", "media",    "meta",
    "outbrain",   "promo",   "related",  "scroll", "share",    "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags",   "tool",     "widget",
};
static const char *const invisible_names[] = {
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader", "element-invisible",
};
static const char *const caption_names[] = {"caption", "credit"};
static const char *const byline_names[] = {"byline", "author", "dateline", "writtenby", "p-author"};
static const char *const unlikely_roles[] = {
    "menu",        "menubar", "complementary", "navigation", "alert",
    "alertdialog", "dialog",  "search",        "banner",     "contentinfo",
};

/* The matching below runs on lower-cased copies of the names. */
static int any_in(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(s, list[i]))
            return 1;
    return 0;
}

/* Whether `word` is a whole token of s (tokens split at anything but
 * letters and digits): "hid" in "nav hid" but not in "hidden". */
static int has_token(const char *s, const char *word)
{
    size_t wl = strlen(word);
    for (const char *p = s; (p = strstr(p, word)) != NULL; p++)
        if ((p == s || !nb_ascii_is_alnum((unsigned char)p[-1])) &&
            !nb_ascii_is_alnum((unsigned char)p[wl]))
            return 1;
    return 0;
}

static int name_weight(const char *s)
{
    if (!*s)
        return 0;
    int w = 0;
    if (any_in(s, negative_names, COUNT(negative_names)) || has_token(s, "hid"))
        w -= 25;
    if (any_in(s, positive_names, COUNT(positive_names)))
        w += 25;
    return w;
}

static int is_share_name(const char *s)
{
    return has_token(s, "share") || has_token(s, "sharedaddy") || strstr(s, "share_") ||
           strstr(s, "_share");
}

static int is_ad_name(const char *s)
{
    return has_token(s, "ad") || has_token(s, "ads") || strstr(s, "advert") ||
           has_token(s, "dfp") || strstr(s, "adslot") || strstr(s, "ad-slot");
}

/* ---- the state ------------------------------------------------------------- */

struct ex {
    const struct nb_hdom *d;
    const struct nb_hblocks *b;
    uint32_t n, root;
    uint8_t *cls;       /* C_* of the element itself */
    int8_t *weight;     /* class and id weight of the element itself */
    uint8_t *has_block; /* holds block-level elements */
    uint8_t *inside;    /* I_* : what its ancestors are */
    /* per attempt */
    uint8_t *drop; /* out of the running (inherited) */
    uint8_t *scored;
    float *score;
    float *inner;    /* the best score below (a sibling's buried story) */
    uint32_t *chars; /* text of live blocks below, characters */
    uint32_t *links; /* of which in links, tenths of characters */
    uint32_t *commas;
    uint32_t *heads; /* characters in headings */
    uint16_t *np, *nimg, *nli, *ninput, *nembed;
    uint8_t *chosen; /* inside the story (inherited) */
    uint32_t top;    /* the best-scoring candidate */
};

static void ex_free(struct ex *x)
{
    free(x->cls);
    free(x->weight);
    free(x->has_block);
    free(x->inside);
    free(x->drop);
    free(x->scored);
    free(x->score);
    free(x->inner);
    free(x->chars);
    free(x->links);
    free(x->commas);
    free(x->heads);
    free(x->np);
    free(x->nimg);
    free(x->nli);
    free(x->ninput);
    free(x->nembed);
    free(x->chosen);
}

static int ex_alloc(struct ex *x)
{
    size_t n = x->n ? x->n : 1;
    x->cls = calloc(n, 1);
    x->weight = calloc(n, 1);
    x->has_block = calloc(n, 1);
    x->inside = calloc(n, 1);
    x->drop = calloc(n, 1);
    x->scored = calloc(n, 1);
    x->score = calloc(n, sizeof(float));
    x->inner = calloc(n, sizeof(float));
    x->chars = calloc(n, sizeof(uint32_t));
    x->links = calloc(n, sizeof(uint32_t));
    x->commas = calloc(n, sizeof(uint32_t));
    x->heads = calloc(n, sizeof(uint32_t));
    x->np = calloc(n, sizeof(uint16_t));
    x->nimg = calloc(n, sizeof(uint16_t));
    x->nli = calloc(n, sizeof(uint16_t));
    x->ninput = calloc(n, sizeof(uint16_t));
    x->nembed = calloc(n, sizeof(uint16_t));
    x->chosen = calloc(n, 1);
    return x->cls && x->weight && x->has_block && x->inside && x->drop && x->scored && x->score &&
           x->inner && x->chars && x->links && x->commas && x->heads && x->np && x->nimg &&
           x->nli && x->ninput && x->nembed && x->chosen;
}

static unsigned tag(const struct ex *x, uint32_t i)
{
    return x->d->v[i].type == NB_HNODE_ELEMENT ? x->d->v[i].tag : GUMBO_TAG_LAST;
}

static int is_element(const struct ex *x, uint32_t i)
{
    return x->d->v[i].type == NB_HNODE_ELEMENT;
}

static uint32_t parent(const struct ex *x, uint32_t i)
{
    return x->d->v[i].parent;
}

/* ---- step 1: classing elements ------------------------------------------ */

/* "display: none", "visibility:hidden" in a style attribute. */
static int style_hides(const char *style)
{
    char sq[256];
    size_t o = 0;
    for (const char *p = style; *p && o + 1 < sizeof(sq); p++)
        if (!nb_ascii_is_space((unsigned char)*p))
            sq[o++] = (char)nb_ascii_lower((unsigned char)*p);
    sq[o] = '\0';
    return strstr(sq, "display:none") || strstr(sq, "visibility:hidden");
}

static int is_unlikely_role(const char *role)
{
    for (size_t k = 0; k < COUNT(unlikely_roles); k++)
        if (nb_ascii_ieq(role, unlikely_roles[k]))
            return 1;
    return 0;
}

static uint8_t tag_class(const struct nb_hdom *d, uint32_t i)
{
    switch (d->v[i].tag) {
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_IFRAME:
        return C_INVISIBLE;
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NOSCRIPT:
        return C_FURNITURE;
    case GUMBO_TAG_UNKNOWN:
        return nb_hdom_unknown_is(d, i, "dialog") || nb_hdom_unknown_is(d, i, "search")
                   ? C_FURNITURE
                   : 0;
    default:
        return 0;
    }
}

/* Lower-case copy of an attribute value, cut to fit. */
static void lower_copy(const char *s, char *out, size_t size)
{
    size_t o = 0;
    for (; *s && o + 1 < size; s++)
        out[o++] = (char)nb_ascii_lower((unsigned char)*s);
    out[o] = '\0';
}

/* Classes element i from its tag and attributes, read in one pass. */
static void classify(const struct nb_hdom *d, uint32_t i, uint8_t *cls, int8_t *weight)
{
    char cl[256] = "", id[128] = "", names[400];
    unsigned t = d->v[i].tag;
    uint8_t c = tag_class(d, i);
    const GumboVector *attrs = &d->v[i].g->v.element.attributes;
    for (unsigned k = 0; k < attrs->length; k++) {
        const GumboAttribute *at = attrs->data[k];
        const char *n = at->name, *v = at->value;
        if (strcmp(n, "class") == 0)
            lower_copy(v, cl, sizeof(cl));
        else if (strcmp(n, "id") == 0)
            lower_copy(v, id, sizeof(id));
        else if (strcmp(n, "hidden") == 0)
            c |= C_INVISIBLE;
        else if (strcmp(n, "aria-hidden") == 0 && nb_ascii_ieq(v, "true"))
            c |= C_INVISIBLE;
        else if (strcmp(n, "style") == 0 && style_hides(v))
            c |= C_INVISIBLE;
        else if (strcmp(n, "role") == 0 && is_unlikely_role(v))
            c |= C_FURNITURE;
        else if (strcmp(n, "rel") == 0 && nb_ascii_ieq(v, "author"))
            c |= C_BYLINE;
    }
    *weight = (int8_t)(name_weight(cl) + name_weight(id));
    if (cl[0] || id[0]) {
        size_t lc = strlen(cl);
        memcpy(names, cl, lc);
        names[lc] = ' ';
        memcpy(names + lc + 1, id, strlen(id) + 1);
        if (any_in(names, invisible_names, COUNT(invisible_names)))
            c |= C_INVISIBLE;
        if (any_in(names, unlikely_names, COUNT(unlikely_names)) &&
            !any_in(names, maybe_names, COUNT(maybe_names)) && t != GUMBO_TAG_BODY &&
            t != GUMBO_TAG_A && t != GUMBO_TAG_HTML && t != GUMBO_TAG_ARTICLE &&
            t != GUMBO_TAG_MAIN)
            c |= C_UNLIKELY;
        if (is_share_name(names))
            c |= C_SHARE;
        if (any_in(names, caption_names, COUNT(caption_names)))
            c |= C_CAPTION;
        if (any_in(names, byline_names, COUNT(byline_names)))
            c |= C_BYLINE;
        if (is_ad_name(names))
            c |= C_AD;
    }
    *cls = c;
}

/* A table of data (kept whole) rather than one that lays out the page. */
static int is_data_table(const struct ex *x, uint32_t t)
{
    const struct nb_hdom *d = x->d;
    const char *role = nb_hdom_attr(d, t, "role");
    if (role && nb_ascii_ieq(role, "presentation"))
        return 0;
    const char *dt = nb_hdom_attr(d, t, "datatable");
    if (dt && strcmp(dt, "0") == 0)
        return 0;
    if (nb_hdom_attr(d, t, "summary"))
        return 1;
    unsigned rows = 0, cols = 0, rowcols = 0;
    for (uint32_t k = t + 1; k < d->v[t].end; k++) {
        switch (tag(x, k)) {
        case GUMBO_TAG_TABLE:
            return 0; /* tables inside tables lay out */
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_COLGROUP:
        case GUMBO_TAG_TH:
            return 1;
        case GUMBO_TAG_TR:
            rows++;
            rowcols = 0;
            break;
        case GUMBO_TAG_TD:
            if (++rowcols > cols)
                cols = rowcols;
            break;
        default:
            break;
        }
    }
    return rows >= 10 || cols > 4 || rows * cols > 10;
}

static void class_elements(struct ex *x)
{
    for (uint32_t i = 0; i < x->n; i++) {
        if (!is_element(x, i))
            continue;
        classify(x->d, i, &x->cls[i], &x->weight[i]);
        if (tag(x, i) == GUMBO_TAG_TABLE && is_data_table(x, i))
            x->cls[i] |= C_DATA_TABLE;
    }
    for (uint32_t i = x->n; i-- > 1;)
        if (is_element(x, i) && (x->has_block[i] || nb_hdom_is_block(tag(x, i))))
            x->has_block[parent(x, i)] = 1;
    for (uint32_t i = 1; i < x->n; i++) {
        uint32_t p = parent(x, i);
        unsigned t = tag(x, p);
        x->inside[i] =
            (uint8_t)(x->inside[p] | ((x->cls[p] & C_DATA_TABLE) ? I_DATA_TABLE : 0) |
                      (t == GUMBO_TAG_CODE ? I_CODE : 0) | (t == GUMBO_TAG_FIGURE ? I_FIGURE : 0));
    }
}

/* ---- step 2: scoring ------------------------------------------------------- */

static int tag_score(unsigned t)
{
    switch (t) {
    case GUMBO_TAG_DIV:
        return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
        return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
        return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
        return -5;
    default:
        return 0;
    }
}

static void init_node(struct ex *x, uint32_t i, int flags)
{
    x->scored[i] = 1;
    x->score[i] = (float)tag_score(tag(x, i)) + ((flags & WEIGHT_CLASSES) ? x->weight[i] : 0);
}

/* Whether a block's owner is a paragraph-like element that scores. */
static int scores(const struct ex *x, uint32_t owner)
{
    switch (tag(x, owner)) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_UNKNOWN:
        return 1;
    default:
        return 0;
    }
}

static float link_density(const struct ex *x, uint32_t i)
{
    return x->chars[i] ? (float)x->links[i] / (10.0f * (float)x->chars[i]) : 0.0f;
}

static void measure(struct ex *x, int flags)
{
    size_t n = x->n;
    memset(x->chars, 0, n * sizeof(uint32_t));
    memset(x->links, 0, n * sizeof(uint32_t));
    memset(x->commas, 0, n * sizeof(uint32_t));
    memset(x->heads, 0, n * sizeof(uint32_t));
    memset(x->np, 0, n * sizeof(uint16_t));
    memset(x->nimg, 0, n * sizeof(uint16_t));
    memset(x->nli, 0, n * sizeof(uint16_t));
    memset(x->ninput, 0, n * sizeof(uint16_t));
    memset(x->nembed, 0, n * sizeof(uint16_t));
    memset(x->scored, 0, n);
    memset(x->score, 0, n * sizeof(float));
    /* what is out of the running, inherited */
    uint8_t mask = C_INVISIBLE | C_FURNITURE | ((flags & STRIP_UNLIKELY) ? C_UNLIKELY : 0);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t p = parent(x, i);
        x->drop[i] = (uint8_t)((p != NB_HDOM_NONE && x->drop[p]) || (x->cls[i] & mask));
    }
    for (size_t k = 0; k < x->b->n; k++) {
        const struct nb_hblock *bl = &x->b->v[k];
        if (x->drop[bl->owner])
            continue;
        x->chars[bl->owner] += bl->chars;
        x->links[bl->owner] += bl->link_chars;
        x->commas[bl->owner] += bl->commas;
        if (bl->flags & NB_HB_HEADING)
            x->heads[bl->owner] += bl->chars;
    }
    for (uint32_t i = (uint32_t)n; i-- > 1;) {
        uint32_t p = parent(x, i);
        if (x->drop[i] || p == NB_HDOM_NONE)
            continue;
        switch (tag(x, i)) {
        case GUMBO_TAG_P:
            x->np[i]++;
            break;
        case GUMBO_TAG_IMG:
            x->nimg[i]++;
            break;
        case GUMBO_TAG_LI:
            x->nli[i]++;
            break;
        case GUMBO_TAG_INPUT:
            x->ninput[i]++;
            break;
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_IFRAME:
            x->nembed[i]++;
            break;
        default:
            break;
        }
        x->chars[p] += x->chars[i];
        x->links[p] += x->links[i];
        x->commas[p] += x->commas[i];
        x->heads[p] += x->heads[i];
#define ADD16(a) x->a[p] = (uint16_t)(x->a[p] + x->a[i] > 0xffff ? 0xffff : x->a[p] + x->a[i])
        ADD16(np);
        ADD16(nimg);
        ADD16(nli);
        ADD16(ninput);
        ADD16(nembed);
#undef ADD16
    }
}

static void score_blocks(struct ex *x, int flags)
{
    for (size_t k = 0; k < x->b->n; k++) {
        const struct nb_hblock *bl = &x->b->v[k];
        uint32_t owner = bl->owner;
        if (x->drop[owner] || bl->chars < MIN_BLOCK || !scores(x, owner) ||
            (bl->flags & NB_HB_ITEM))
            continue;
        float cs = 1.0f + (float)bl->commas + (float)(bl->chars / 100 > 3 ? 3 : bl->chars / 100);
        /* a block inside a container that holds blocks stands for a
         * paragraph of its own: the container is its parent */
        uint32_t a =
            (x->has_block[owner] || tag(x, owner) == GUMBO_TAG_TR) ? owner : parent(x, owner);
        for (int level = 0; level < ANCESTOR_LEVELS && a != NB_HDOM_NONE && a != 0 &&
                            a != x->root && parent(x, a) != NB_HDOM_NONE;
             level++, a = parent(x, a)) {
            if (!x->scored[a])
                init_node(x, a, flags);
            float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
            x->score[a] += cs / div;
        }
    }
    for (uint32_t i = 0; i < x->n; i++)
        if (x->scored[i])
            x->score[i] *= 1.0f - link_density(x, i);
    memset(x->inner, 0, x->n * sizeof(float));
    for (uint32_t i = x->n; i-- > 1;) {
        uint32_t p = parent(x, i);
        float v = x->scored[i] && x->score[i] > x->inner[i] ? x->score[i] : x->inner[i];
        if (p != NB_HDOM_NONE && v > x->inner[p])
            x->inner[p] = v;
    }
}

/* ---- step 3: the best container and its siblings ------------------------- */

static int is_ancestor(const struct ex *x, uint32_t a, uint32_t i)
{
    return a <= i && i < x->d->v[a].end;
}

static uint32_t element_children(const struct ex *x, uint32_t p)
{
    uint32_t n = 0;
    for (uint32_t c = p + 1; c < x->d->v[p].end; c = x->d->v[c].end)
        n += is_element(x, c);
    return n;
}

static int same_class(const struct ex *x, uint32_t a, uint32_t b)
{
    const char *ca = nb_hdom_attr(x->d, a, "class"), *cb = nb_hdom_attr(x->d, b, "class");
    return ca && cb && *ca && strcmp(ca, cb) == 0;
}

/* The text of a block ends a sentence somewhere: ". " or a final full stop. */
static int has_sentence_end(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] == '.' && (i + 1 == len || s[i + 1] == ' '))
            return 1;
    return 0;
}

/* The text of element p (a block boundary, so its blocks are a run of
 * consecutive blocks): characters, and whether a sentence ends in it. */
static void p_text(const struct ex *x, uint32_t p, uint32_t *chars, int *sentence)
{
    *chars = 0;
    *sentence = 0;
    size_t lo = 0, hi = x->b->n;
    while (lo < hi) { /* the first block starting at or after p */
        size_t mid = lo + (hi - lo) / 2;
        if (x->b->v[mid].first < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < x->b->n && x->b->v[k].first < x->d->v[p].end; k++) {
        const struct nb_hblock *bl = &x->b->v[k];
        *chars += bl->chars;
        *sentence |= has_sentence_end(x->b->text.data + bl->start, bl->len);
    }
}

static uint32_t choose(struct ex *x)
{
    uint32_t top[TOP_N];
    size_t ntop = 0;
    for (uint32_t i = 0; i < x->n; i++) {
        if (!x->scored[i] || x->drop[i])
            continue;
        size_t at = ntop;
        while (at > 0 && x->score[top[at - 1]] < x->score[i])
            at--;
        if (at >= TOP_N)
            continue;
        if (ntop < TOP_N)
            ntop++;
        memmove(&top[at + 1], &top[at], (ntop - 1 - at) * sizeof(top[0]));
        top[at] = i;
    }
    x->top = NB_HDOM_NONE;
    if (ntop == 0 || top[0] == x->root)
        return x->root;
    uint32_t best = top[0];
    x->top = best;
    /* several near-best candidates under one ancestor: take the ancestor */
    uint32_t alt[TOP_N];
    size_t nalt = 0;
    for (size_t i = 1; i < ntop; i++)
        if (x->score[top[i]] >= 0.75f * x->score[best])
            alt[nalt++] = top[i];
    if (nalt >= 3) {
        for (uint32_t p = parent(x, best); p != NB_HDOM_NONE && p != x->root; p = parent(x, p)) {
            size_t holding = 0;
            for (size_t i = 0; i < nalt; i++)
                holding += is_ancestor(x, p, alt[i]) && p != alt[i];
            if (holding >= 3) {
                best = p;
                break;
            }
        }
    }
    if (!x->scored[best])
        init_node(x, best, 0);
    /* scores rising on the way up: more of the story is higher */
    float last = x->score[best], threshold = last / 3.0f;
    for (uint32_t p = parent(x, best); p != NB_HDOM_NONE && p != x->root; p = parent(x, p)) {
        if (!x->scored[p])
            continue;
        if (x->score[p] < threshold)
            break;
        if (x->score[p] > last) {
            best = p;
            break;
        }
        last = x->score[p];
    }
    /* an only child: its parent's siblings are the ones to look at */
    for (uint32_t p = parent(x, best);
         p != NB_HDOM_NONE && p != x->root && element_children(x, p) == 1; p = parent(x, best))
        best = p;
    if (!x->scored[best])
        init_node(x, best, 0);
    return best;
}

static void mark_chosen(struct ex *x, uint32_t best)
{
    memset(x->chosen, 0, x->n);
    uint32_t p = parent(x, best);
    if (best == x->root || p == NB_HDOM_NONE) {
        memset(x->chosen + best, 1, x->d->v[best].end - best);
        return;
    }
    float threshold = x->score[best] * 0.2f;
    if (threshold < 10.0f)
        threshold = 10.0f;
    for (uint32_t s = p + 1; s < x->d->v[p].end; s = x->d->v[s].end) {
        if (!is_element(x, s) || x->drop[s])
            continue;
        int append = s == best;
        if (!append) {
            float bonus = same_class(x, s, best) ? x->score[best] * 0.2f : 0.0f;
            /* a sibling's own score, or half the best below it: a story cut
             * into sections wraps each in containers of its own */
            float own = x->scored[s] ? x->score[s] : 0.0f;
            if (x->inner[s] * INNER_SHARE > own)
                own = x->inner[s] * INNER_SHARE;
            if ((x->scored[s] || own > 0.0f) && own + bonus >= threshold) {
                append = 1;
            } else if (tag(x, s) == GUMBO_TAG_P) {
                uint32_t chars;
                int sentence;
                p_text(x, s, &chars, &sentence);
                float ld = link_density(x, s);
                append = (chars > 80 && ld < 0.25f) ||
                         (chars < 80 && chars > 0 && ld == 0.0f && sentence);
            }
        }
        if (append)
            memset(x->chosen + s, 1, x->d->v[s].end - s);
    }
}

/* ---- step 4: cleaning inside the story ------------------------------------ */

/* Readability's conditional clean: a list, table, form or division that
 * reads as furniture. */
static int furniture(const struct ex *x, uint32_t i, int flags)
{
    unsigned t = tag(x, i);
    int is_list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL;
    if (t == GUMBO_TAG_TABLE && (x->cls[i] & C_DATA_TABLE))
        return 0;
    if (x->inside[i] & (I_DATA_TABLE | I_CODE))
        return 0;
    if (x->top != NB_HDOM_NONE && is_ancestor(x, i, x->top))
        return 0; /* it holds the best candidate: its names are no evidence */
    int weight = (flags & WEIGHT_CLASSES) ? x->weight[i] : 0;
    if (weight < 0)
        return 1;
    if (x->commas[i] >= 10)
        return 0;
    int p = x->np[i], img = x->nimg[i], li = (int)x->nli[i] - 100, input = x->ninput[i];
    int embed = x->nembed[i];
    uint32_t len = x->chars[i];
    float heading_density = len ? (float)x->heads[i] / (float)len : 0.0f;
    float ld = link_density(x, i);
    int in_figure = (x->inside[i] & I_FIGURE) != 0;
    return (img > 1 && (float)p / (float)img < 0.5f && !in_figure) || (!is_list && li > p) ||
           (input > p / 3) ||
           (!is_list && heading_density < 0.9f && len < 25 && (img == 0 || img > 2) &&
            !in_figure) ||
           (!is_list && weight < 25 && ld > 0.2f) || (weight >= 25 && ld > 0.5f) ||
           (embed == 1 && len < 75) || embed > 1;
}

static void clean(struct ex *x, int flags, uint32_t best)
{
    for (uint32_t i = 0; i < x->n; i++) {
        if (!x->chosen[i] || !is_element(x, i))
            continue;
        unsigned t = tag(x, i);
        int out = 0;
        if (t == GUMBO_TAG_FORM || t == GUMBO_TAG_FIELDSET)
            out = (flags & CLEAN_CONDITIONALLY) && furniture(x, i, flags);
        else if (t == GUMBO_TAG_H1)
            out = 1;
        else if ((t == GUMBO_TAG_H2) && (flags & WEIGHT_CLASSES) && x->weight[i] < 0)
            out = 1;
        else if ((x->cls[i] & (C_SHARE | C_CAPTION | C_AD)) && x->chars[i] < CHAR_THRESHOLD &&
                 i != best)
            out = 1;
        else if ((x->cls[i] & C_BYLINE) && x->chars[i] < CHAR_THRESHOLD && i != best)
            out = 1;
        else if ((t == GUMBO_TAG_TABLE || t == GUMBO_TAG_UL || t == GUMBO_TAG_DIV) &&
                 (flags & CLEAN_CONDITIONALLY))
            out = furniture(x, i, flags);
        if (out)
            memset(x->chosen + i, 0, x->d->v[i].end - i);
    }
}

/* ---- the blocks ------------------------------------------------------------ */

static uint32_t keep_blocks(struct ex *x, uint8_t *fate)
{
    uint32_t total = 0;
    for (size_t k = 0; k < x->b->n; k++) {
        const struct nb_hblock *bl = &x->b->v[k];
        int keep = x->chosen[bl->owner] && !x->drop[bl->owner];
        fate[k] = keep ? NB_HX_BODY : NB_HX_OUT;
        if (keep)
            total += bl->chars;
    }
    return total;
}

static float block_links(const struct nb_hblock *bl)
{
    return bl->chars ? (float)bl->link_chars / (10.0f * (float)bl->chars) : 0.0f;
}

/* A block that reads as a whole sentence or more. */
/* A block long enough, or a sentence of six words or more. */
static int sentence_like(const struct nb_hblocks *b, const struct nb_hblock *bl)
{
    const char *s = b->text.data + bl->start;
    return bl->chars >= 100 || (bl->words >= 6 && has_sentence_end(s, bl->len));
}

static int is_prose_block(const struct ex *x, const struct nb_hblock *bl)
{
    return sentence_like(x->b, bl);
}

int nb_html_block_is_prose(const struct nb_hblocks *b, const struct nb_hblock *bl)
{
    if (sentence_like(b, bl))
        return 1;
    const char *s = b->text.data + bl->start;
    /* a script written without spaces: Chinese, Japanese, Thai */
    size_t unspaced = 0;
    for (size_t i = 0; i < bl->len && unspaced < 20;) {
        size_t n;
        uint32_t cp = nb_char_at(s, bl->len, i, &n);
        unspaced += (cp >= 0x3040 && cp < 0xA000) || (cp >= 0x0E00 && cp < 0x0E80);
        i += n;
    }
    return unspaced >= 20;
}

/* A heading, or a short line without a full stop that works as one. */
static int is_heading_like(const struct ex *x, const struct nb_hblock *bl)
{
    const char *s = x->b->text.data + bl->start;
    if (bl->flags & NB_HB_HEADING)
        return 1;
    return bl->chars < 60 && !has_sentence_end(s, bl->len) && !(bl->flags & NB_HB_ITEM) &&
           !(bl->flags & NB_HB_ROW);
}

#define LINK_BLOCK 0.5f /* a block with more link text than this is a link... */
#define LINK_LONG 150   /* ...when shorter than this, */
#define LINK_ALL 0.7f   /* ...else when it is almost all link */

/* A block that is a link or a line of them ("Read more: ...", a related
 * story), not a paragraph that links a few words. */
static int is_link_line(const struct nb_hblock *bl)
{
    float ld = block_links(bl);
    return ld > LINK_BLOCK && (bl->chars < LINK_LONG || ld > LINK_ALL);
}

/* The label an advertisement carries on the page, in a few languages. */
static const char *const ad_labels[] = {
    "ad",         "advert",      "advertentie", "advertisement", "advertising",
    "annons",     "annonse",     "annonce",     "anzeige",       "mainos",
    "publicidad", "publicidade", "publicite",   "publicité",     "pubblicità",
    "reklama",    "reklame",     "sponsored",   "werbung",
};

/* A block that is nothing but an advertisement's label ("- Advertisement -"). */
static int is_ad_label(const char *s, size_t len)
{
    char word[24];
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (nb_ascii_is_space(c) || c == '-' || c == '*' || c == ':' || c == '|')
            continue; /* the dashes and bars around it */
        if (n + 1 >= sizeof(word))
            return 0;
        word[n++] = (char)nb_ascii_lower(c);
    }
    word[n] = '\0';
    for (size_t i = 0; i < COUNT(ad_labels); i++)
        if (strcmp(word, ad_labels[i]) == 0)
            return 1;
    return 0;
}

/* Step 4 on blocks: lines of links and advertisements' labels, bylines
 * and stamps above the story, and headings left heading nothing. */
static void refine(struct ex *x, uint8_t *fate)
{
    const struct nb_hblocks *b = x->b;
    for (size_t k = 0; k < b->n; k++)
        if (fate[k] == NB_HX_BODY &&
            (is_link_line(&b->v[k]) || is_ad_label(b->text.data + b->v[k].start, b->v[k].len)))
            fate[k] = NB_HX_OUT;
    for (size_t k = 0; k < b->n; k++) {
        const struct nb_hblock *bl = &b->v[k];
        if (fate[k] != NB_HX_BODY)
            continue;
        if (is_prose_block(x, bl) && !nb_article_is_byline(b->text.data + bl->start, bl->len))
            break;
        if (nb_article_is_byline(b->text.data + bl->start, bl->len) ||
            nb_article_is_date_stamp(b->text.data + bl->start, bl->len))
            fate[k] = NB_HX_OUT;
    }
    /* from the end: a heading whose next kept block is gone, or a line of
     * links, heads nothing of the story */
    int next_kept = 0; /* what follows: 0 nothing, 1 the story, 2 links */
    for (size_t k = b->n; k-- > 0;) {
        const struct nb_hblock *bl = &b->v[k];
        if (fate[k] == NB_HX_BODY) {
            if (is_heading_like(x, bl) && next_kept != 1) {
                fate[k] = NB_HX_OUT;
                next_kept = 2;
                continue;
            }
            next_kept = 1;
        } else if (fate[k] == NB_HX_OUT && is_link_line(bl)) {
            next_kept = 2;
        }
    }
}

static nb_status extract(struct ex *x, uint8_t *fate)
{
    static const int attempts[] = {
        STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN_CONDITIONALLY,
        WEIGHT_CLASSES | CLEAN_CONDITIONALLY,
        CLEAN_CONDITIONALLY,
        0,
    };
    uint8_t *best = malloc(x->b->n ? x->b->n : 1);
    if (!best)
        return NB_ENOMEM;
    uint32_t best_len = 0;
    int have = 0;
    for (size_t a = 0; a < COUNT(attempts); a++) {
        int flags = attempts[a];
        measure(x, flags);
        score_blocks(x, flags);
        uint32_t top = choose(x);
        mark_chosen(x, top);
        clean(x, flags, top);
        uint32_t len = keep_blocks(x, fate);
        if (len >= CHAR_THRESHOLD) {
            have = 0;
            break;
        }
        if (!have || len > best_len) {
            memcpy(best, fate, x->b->n);
            best_len = len;
            have = 1;
        }
    }
    if (have)
        memcpy(fate, best, x->b->n);
    free(best);
    refine(x, fate);
    return NB_OK;
}

/* What the block collector skips or splits at, from the classes. */
static uint8_t skip_of(uint8_t cls)
{
    if (cls & C_INVISIBLE)
        return NB_HB_SKIP;
    if (cls & (C_CAPTION | C_AD | C_SHARE | C_BYLINE))
        return NB_HB_SPLIT; /* its text a block of its own, to be judged apart */
    return 0;
}

uint8_t *nb_html_invisible(const struct nb_hdom *d)
{
    uint8_t *inv = calloc(d->n ? d->n : 1, 1);
    for (uint32_t i = 0; inv && i < d->n; i++) {
        if (d->v[i].type != NB_HNODE_ELEMENT)
            continue;
        uint8_t c;
        int8_t w;
        classify(d, i, &c, &w);
        inv[i] = skip_of(c) == NB_HB_SKIP ? NB_HB_SKIP : 0;
    }
    return inv;
}

nb_status nb_html_extract(const struct nb_hdom *d, struct nb_hblocks *b, uint8_t **fate)
{
    struct ex x;
    memset(&x, 0, sizeof(x));
    x.d = d;
    x.b = b;
    x.n = (uint32_t)d->n;
    x.root = d->body != NB_HDOM_NONE ? d->body : 0;
    *fate = NULL;
    nb_status rc = NB_ENOMEM;
    if (ex_alloc(&x)) {
        class_elements(&x);
        /* the skip flags borrow the per-attempt array `drop` */
        for (uint32_t i = 0; i < x.n; i++)
            x.drop[i] = is_element(&x, i) ? skip_of(x.cls[i]) : 0;
        rc = d->n ? nb_hblocks_collect(d, x.root, x.drop, b) : NB_OK;
        if (rc == NB_OK && !(*fate = calloc(b->n ? b->n : 1, 1)))
            rc = NB_ENOMEM;
        if (rc == NB_OK && b->n)
            rc = extract(&x, *fate);
    }
    ex_free(&x);
    return rc;
}
