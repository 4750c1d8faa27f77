/* feed_xml.c - what the feed readers share: elements, text, items. */
#include "feed/feed_xml.h"

#include "text/buf.h"
#include "text/chars.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <libxml/uri.h>

#include <stdlib.h>
#include <string.h>

/* The prefixes feeds use for the namespaces they forget to declare. */
static const struct {
    const char *ns;
    const char *prefix;
} usual_prefixes[] = {
    {NB_NS_DC, "dc"},
    {NB_NS_CONTENT, "content"},
    {NB_NS_ATOM, "atom"},
    {NB_NS_RDF, "rdf"},
};

int nb_feed_is(const xmlNode *n, const char *ns, const char *local)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return 0;
    const char *name = (const char *)n->name;
    const char *href = n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
    if (!ns)
        return strcmp(name, local) == 0 &&
               (!href || strcmp(href, NB_NS_RSS1) == 0 || strcmp(href, NB_NS_RSS090) == 0);
    if (href)
        return strcmp(href, ns) == 0 && strcmp(name, local) == 0;
    for (size_t i = 0; i < sizeof(usual_prefixes) / sizeof(usual_prefixes[0]); i++) {
        if (strcmp(ns, usual_prefixes[i].ns) != 0)
            continue;
        size_t plen = strlen(usual_prefixes[i].prefix);
        return strncmp(name, usual_prefixes[i].prefix, plen) == 0 && name[plen] == ':' &&
               strcmp(name + plen + 1, local) == 0;
    }
    return 0;
}

const char *nb_feed_attr(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0)
            continue;
        const char *href = a->ns && a->ns->href ? (const char *)a->ns->href : NULL;
        if (ns ? !href || strcmp(href, ns) != 0 : href != NULL)
            continue;
        if (!a->children)
            return "";
        if (a->children->type == XML_TEXT_NODE && !a->children->next && a->children->content)
            return (const char *)a->children->content;
        return NULL;
    }
    return NULL;
}

nb_status nb_feed_oom(struct nb_feed_reader *r)
{
    return nb_error_set(r->err, NB_ENOMEM, "out of memory");
}

static nb_status add_text(struct nb_feed_reader *r, struct nb_buf *b, const xmlChar *s,
                          int in_entity)
{
    size_t len = s ? strlen((const char *)s) : 0;
    if (in_entity) {
        if (len > r->entity_budget)
            return nb_error_set_at(r->err, NB_EINPUT, r->name, 0, 0,
                                   "not a feed: its entity references expand to more than %zu MiB",
                                   NB_FEED_ENTITY_BUDGET >> 20);
        r->entity_budget -= len;
    }
    return nb_buf_add(b, (const char *)s, len) == NB_OK ? NB_OK : nb_feed_oom(r);
}

/* The parsed content of the internal entity `ref` refers to; NULL when
 * there is none (an external entity is never loaded). */
static const xmlNode *entity_content(const xmlNode *ref)
{
    const xmlNode *decl = ref->children;
    if (!decl || decl->type != XML_ENTITY_DECL)
        return NULL;
    const xmlEntity *e = (const xmlEntity *)decl;
    return e->etype == XML_INTERNAL_GENERAL_ENTITY ? e->children : NULL;
}

/* Appends the text of the sibling list starting at `n`. */
static nb_status gather(struct nb_feed_reader *r, const xmlNode *n, struct nb_buf *b, int in_entity)
{
    for (; n; n = n->next) {
        nb_status rc = NB_OK;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            rc = add_text(r, b, n->content, in_entity);
        else if (n->type == XML_ELEMENT_NODE)
            rc = gather(r, n->children, b, in_entity);
        else if (n->type == XML_ENTITY_REF_NODE)
            rc = gather(r, entity_content(n), b, 1);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

/* Moves b's contents, trimmed (or collapsed), to *out; NULL when empty. */
static nb_status finish_text(struct nb_feed_reader *r, struct nb_buf *b, int collapse, char **out)
{
    size_t start = 0, end = b->len;
    while (start < end && nb_ascii_is_space((unsigned char)b->data[start]))
        start++;
    while (end > start && nb_ascii_is_space((unsigned char)b->data[end - 1]))
        end--;
    struct nb_buf t;
    nb_buf_init(&t, 0);
    nb_status rc = collapse ? nb_text_collapse_space(b->data + start, end - start, &t)
                            : nb_buf_add(&t, b->data + start, end - start);
    nb_buf_release(b);
    if (rc != NB_OK)
        return nb_feed_oom(r);
    if (t.len == 0) {
        nb_buf_release(&t);
        *out = NULL;
        return NB_OK;
    }
    *out = nb_buf_detach(&t, NULL);
    return *out ? NB_OK : nb_feed_oom(r);
}

nb_status nb_feed_text(struct nb_feed_reader *r, const xmlNode *n, int collapse, char **out)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    *out = NULL;
    nb_status rc = gather(r, n->children, &b, 0);
    if (rc != NB_OK) {
        nb_buf_release(&b);
        return rc;
    }
    return finish_text(r, &b, collapse, out);
}

/* HTML's elements without an end tag. */
static int is_void_element(const char *name)
{
    static const char *const names[] = {"area",  "base", "br",   "col",   "embed",  "hr",    "img",
                                        "input", "link", "meta", "param", "source", "track", "wbr"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(name, names[i]) == 0)
            return 1;
    return 0;
}

static nb_status add_escaped(struct nb_feed_reader *r, struct nb_buf *b, const xmlChar *s,
                             int in_entity)
{
    struct nb_buf raw;
    nb_buf_init(&raw, 0);
    nb_status rc = add_text(r, &raw, s, in_entity);
    for (size_t i = 0; rc == NB_OK && i < raw.len; i++) {
        char c = raw.data[i];
        const char *esc = c == '&'   ? "&amp;"
                          : c == '<' ? "&lt;"
                          : c == '>' ? "&gt;"
                          : c == '"' ? "&quot;"
                                     : NULL;
        if ((esc ? nb_buf_adds(b, esc) : nb_buf_addc(b, c)) != NB_OK)
            rc = nb_feed_oom(r);
    }
    nb_buf_release(&raw);
    return rc;
}

static nb_status serialise(struct nb_feed_reader *r, const xmlNode *n, struct nb_buf *b,
                           int in_entity);

static nb_status serialise_element(struct nb_feed_reader *r, const xmlNode *n, struct nb_buf *b,
                                   int in_entity)
{
    const char *name = (const char *)n->name;
    if (nb_buf_addc(b, '<') != NB_OK || nb_buf_adds(b, name) != NB_OK)
        return nb_feed_oom(r);
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *value = a->ns ? NULL : nb_feed_attr(n, NULL, (const char *)a->name);
        if (!value)
            continue;
        if (nb_buf_addf(b, " %s=\"", (const char *)a->name) != NB_OK)
            return nb_feed_oom(r);
        nb_status rc = add_escaped(r, b, (const xmlChar *)value, 0);
        if (rc != NB_OK)
            return rc;
        if (nb_buf_addc(b, '"') != NB_OK)
            return nb_feed_oom(r);
    }
    if (nb_buf_addc(b, '>') != NB_OK)
        return nb_feed_oom(r);
    if (is_void_element(name))
        return NB_OK;
    nb_status rc = serialise(r, n->children, b, in_entity);
    if (rc != NB_OK)
        return rc;
    return nb_buf_addf(b, "</%s>", name) == NB_OK ? NB_OK : nb_feed_oom(r);
}

static nb_status serialise(struct nb_feed_reader *r, const xmlNode *n, struct nb_buf *b,
                           int in_entity)
{
    for (; n; n = n->next) {
        nb_status rc = NB_OK;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            rc = add_escaped(r, b, n->content, in_entity);
        else if (n->type == XML_ELEMENT_NODE)
            rc = serialise_element(r, n, b, in_entity);
        else if (n->type == XML_ENTITY_REF_NODE)
            rc = serialise(r, entity_content(n), b, 1);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

nb_status nb_feed_xhtml(struct nb_feed_reader *r, const xmlNode *n, char **out)
{
    /* the xhtml div that wraps the content is not part of it (RFC 4287 3.1.1.3) */
    const xmlNode *div = NULL;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (div || !c->ns || !c->ns->href || strcmp((const char *)c->ns->href, NB_NS_XHTML) != 0 ||
            strcmp((const char *)c->name, "div") != 0) {
            div = NULL;
            break;
        }
        div = c;
    }
    struct nb_buf b;
    nb_buf_init(&b, 0);
    *out = NULL;
    nb_status rc = serialise(r, div ? div->children : n->children, &b, 0);
    if (rc != NB_OK) {
        nb_buf_release(&b);
        return rc;
    }
    return finish_text(r, &b, 0, out);
}

/* Whether `href` has a scheme ("https:", "mailto:"). */
static int is_absolute(const char *href)
{
    size_t i = 0;
    while (nb_ascii_is_alnum((unsigned char)href[i]) || href[i] == '+' || href[i] == '-' ||
           href[i] == '.')
        i++;
    return i > 0 && href[i] == ':';
}

nb_status nb_feed_resolve(struct nb_feed_reader *r, const xmlNode *n, const char *href,
                          const char *fallback, char **out)
{
    /* libxml2's own allocations, freed with xmlFree: NULL there is "no
     * base" or "cannot resolve", and the href is kept as written */
    xmlChar *base = is_absolute(href) ? NULL : xmlNodeGetBase(n->doc, n);
    const char *against = base ? (const char *)base : is_absolute(href) ? NULL : fallback;
    xmlChar *resolved =
        against ? xmlBuildURI((const xmlChar *)href, (const xmlChar *)against) : NULL;
    *out = nb_strdup(resolved ? (const char *)resolved : href);
    xmlFree(resolved);
    xmlFree(base);
    return *out ? NB_OK : nb_feed_oom(r);
}

/* Named character references a title or a summary may carry. */
static const struct {
    const char *name;
    uint32_t cp;
} named_refs[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},        {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},  {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"laquo", 0xAB},   {"raquo", 0xBB},
};

/* Decodes the character reference at s[i] ('&'): its code point and
 * length, or 0 when it is not one. */
static size_t char_ref(const char *s, size_t len, size_t i, uint32_t *cp)
{
    size_t j = i + 1;
    if (j < len && s[j] == '#') {
        int hex = j + 1 < len && (s[j + 1] == 'x' || s[j + 1] == 'X');
        j += hex ? 2 : 1;
        uint32_t v = 0;
        size_t digits = 0;
        for (; j < len && digits < 8; j++, digits++) {
            int c = (unsigned char)s[j];
            int d = nb_ascii_is_digit(c)          ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                  : -1;
            if (d < 0)
                break;
            v = v * (hex ? 16 : 10) + (uint32_t)d;
        }
        if (!digits || j >= len || s[j] != ';' || v == 0 || v > 0x10FFFF ||
            (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return j + 1 - i;
    }
    for (size_t k = 0; k < sizeof(named_refs) / sizeof(named_refs[0]); k++) {
        size_t n = strlen(named_refs[k].name);
        if (j + n < len && memcmp(s + j, named_refs[k].name, n) == 0 && s[j + n] == ';') {
            *cp = named_refs[k].cp;
            return n + 2;
        }
    }
    return 0;
}

/* Inline elements: their tags do not separate words. */
static int is_inline_tag(const char *s, size_t len)
{
    static const char *const names[] = {"a",      "abbr", "b",   "cite", "code",  "em",
                                        "i",      "mark", "q",   "s",    "small", "span",
                                        "strong", "sub",  "sup", "u"};
    size_t i = s[0] == '/' ? 1 : 0, n = 0;
    while (i + n < len && nb_ascii_is_alnum((unsigned char)s[i + n]))
        n++;
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
        if (strlen(names[k]) == n && memcmp(s + i, names[k], n) == 0)
            return 1;
    return 0;
}

nb_status nb_feed_plain(const char *s, int html, char **out)
{
    struct nb_buf raw, b;
    nb_buf_init(&raw, 0);
    nb_buf_init(&b, 0);
    size_t len = strlen(s);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < len;) {
        uint32_t cp;
        size_t n;
        const char *gt;
        if (html && s[i] == '<' && i + 1 < len &&
            (nb_ascii_is_alpha((unsigned char)s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!') &&
            (gt = memchr(s + i, '>', len - i))) {
            if (!is_inline_tag(s + i + 1, (size_t)(gt - s) - i - 1))
                rc = nb_buf_addc(&raw, ' ');
            i = (size_t)(gt - s) + 1;
        } else if (s[i] == '&' && (n = char_ref(s, len, i, &cp))) {
            rc = nb_buf_add_cp(&raw, cp);
            i += n;
        } else {
            rc = nb_buf_addc(&raw, s[i++]);
        }
    }
    if (rc == NB_OK)
        rc = nb_text_collapse_space(raw.data, raw.len, &b);
    nb_buf_release(&raw);
    *out = rc == NB_OK ? nb_buf_detach(&b, NULL) : NULL;
    nb_buf_release(&b);
    return *out ? NB_OK : NB_ENOMEM;
}

nb_status nb_feed_new_item(struct nb_feed_reader *r, struct nb_feed_item **item)
{
    struct nb_feed *f = r->feed;
    if (f->nitems == r->items_alloc) {
        size_t alloc = r->items_alloc ? r->items_alloc * 2 : 16;
        struct nb_feed_item *items = realloc(f->items, alloc * sizeof(*items));
        if (!items)
            return nb_feed_oom(r);
        f->items = items;
        r->items_alloc = alloc;
    }
    struct nb_feed_item *it = &f->items[f->nitems++];
    memset(it, 0, sizeof(*it));
    it->when = NB_FEED_NO_TIME;
    *item = it;
    return NB_OK;
}

void nb_feed_keep(char **slot, char *s)
{
    if (*slot)
        free(s);
    else
        *slot = s;
}

/* An identity for an item with no guid, link or title: a hash of its
 * content, so that the same text is recognised as heard. */
static char *content_guid(const char *content)
{
    unsigned long long h = 0xcbf29ce484222325ull;
    for (const char *p = content; *p; p++)
        h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_buf_addf(&b, "content:%016llx", h) != NB_OK)
        return NULL;
    return nb_buf_detach(&b, NULL);
}

/* Number of characters of text in `html`. */
static nb_status text_length(const char *html, size_t *n)
{
    char *plain;
    if (nb_feed_plain(html, 1, &plain) != NB_OK)
        return NB_ENOMEM;
    *n = 0;
    for (const char *p = plain; *p; p++)
        *n += ((unsigned char)*p & 0xC0) != 0x80;
    free(plain);
    return NB_OK;
}

nb_status nb_feed_finish_item(struct nb_feed_reader *r, struct nb_feed_item *it)
{
    if (!it->title && !(it->title = nb_strdup("")))
        return nb_feed_oom(r);
    if (!it->guid) {
        it->guid = it->link      ? nb_strdup(it->link)
                   : *it->title  ? nb_strdup(it->title)
                   : it->content ? content_guid(it->content)
                                 : nb_strdup("");
        if (!it->guid)
            return nb_feed_oom(r);
    }
    if (!it->date || nb_feed_parse_date(it->date, &it->when) != NB_OK)
        it->when = NB_FEED_NO_TIME;
    if (!it->link) {
        it->summary_only = 0; /* no page to read the rest on */
    } else if (!it->content) {
        it->summary_only = 1;
    } else if (!it->summary_only) {
        size_t n;
        if (text_length(it->content, &n) != NB_OK)
            return nb_feed_oom(r);
        it->summary_only = n < NB_FEED_SHORT_CONTENT;
    }
    return NB_OK;
}
