/* feed_atom.c - Atom 1.0 (RFC 4287): <feed> with its <entry>s; text
 * constructs of type text, html and xhtml; links resolved against xml:base
 * or the feed's own link. */
#include "feed/feed_xml.h"

#include "text/buf.h"

#include <stdlib.h>
#include <string.h>

/* Atom's elements, in the namespace the root element has (RFC 4287's; an
 * older or missing one is read the same). */
static int is_atom(const xmlNode *root, const xmlNode *n, const char *local)
{
    if (!n || n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, local) != 0)
        return 0;
    if (!root->ns || !root->ns->href)
        return !n->ns;
    return n->ns && n->ns->href &&
           strcmp((const char *)n->ns->href, (const char *)root->ns->href) == 0;
}

enum construct { AS_NOTHING, AS_TEXT, AS_HTML, AS_XHTML };

/* How a text construct's type attribute says to read it. */
static enum construct construct_type(const xmlNode *n)
{
    const char *type = nb_feed_attr(n, NULL, "type");
    if (nb_feed_attr(n, NULL, "src"))
        return AS_NOTHING; /* out-of-line content: the link has it */
    if (!type || strcmp(type, "text") == 0)
        return AS_TEXT;
    if (strcmp(type, "html") == 0 || strcmp(type, "text/html") == 0)
        return AS_HTML;
    size_t n_type = strlen(type);
    if (strcmp(type, "xhtml") == 0 || (n_type > 4 && strcmp(type + n_type - 4, "+xml") == 0) ||
        (n_type > 4 && strcmp(type + n_type - 4, "/xml") == 0))
        return AS_XHTML;
    if (strncmp(type, "text/", 5) == 0)
        return AS_TEXT;
    return AS_NOTHING; /* base64 of some other media type */
}

/* A title: plain text whatever its type. */
static nb_status read_title(struct nb_feed_reader *r, const xmlNode *n, char **out)
{
    enum construct as = construct_type(n);
    char *text = NULL;
    nb_status rc = nb_feed_text(r, n, 1, &text);
    if (rc != NB_OK || !text)
        return rc;
    rc = nb_feed_plain(text, as == AS_HTML, out) == NB_OK ? NB_OK : nb_feed_oom(r);
    free(text);
    return rc;
}

/* Content or summary: HTML, or text. */
static nb_status read_content(struct nb_feed_reader *r, const xmlNode *n, char **out)
{
    enum construct as = construct_type(n);
    *out = NULL;
    if (as == AS_NOTHING)
        return NB_OK;
    if (as == AS_XHTML)
        return nb_feed_xhtml(r, n, out);
    return nb_feed_text(r, n, 0, out);
}

/* An alternate link (rel="alternate" or none) of `n`, resolved against
 * xml:base, else against `fallback` (the feed's link); NULL when none. */
static nb_status read_link(struct nb_feed_reader *r, const xmlNode *root, const xmlNode *n,
                           const char *fallback, char **out)
{
    *out = NULL;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is_atom(root, c, "link"))
            continue;
        const char *rel = nb_feed_attr(c, NULL, "rel");
        const char *href = nb_feed_attr(c, NULL, "href");
        if ((rel && strcmp(rel, "alternate") != 0) || !href || !*href)
            continue;
        return nb_feed_resolve(r, c, href, fallback, out);
    }
    return NB_OK;
}

/* The name of the first <author>; NULL when none. */
static nb_status read_author(struct nb_feed_reader *r, const xmlNode *root, const xmlNode *n,
                             char **out)
{
    *out = NULL;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (!is_atom(root, c, "author"))
            continue;
        for (const xmlNode *d = c->children; d; d = d->next)
            if (is_atom(root, d, "name"))
                return nb_feed_text(r, d, 1, out);
    }
    return NB_OK;
}

static char *take(char **p)
{
    char *s = *p;
    *p = NULL;
    return s;
}

static nb_status read_entry(struct nb_feed_reader *r, const xmlNode *root, const xmlNode *entry,
                            const char *feed_author)
{
    char *updated = NULL, *published = NULL, *content = NULL, *summary = NULL, *title = NULL;
    char *id = NULL, *link = NULL, *author = NULL;
    nb_status rc = read_link(r, root, entry, r->feed->link, &link);
    if (rc == NB_OK)
        rc = read_author(r, root, entry, &author);
    for (const xmlNode *c = entry->children; rc == NB_OK && c; c = c->next) {
        char **slot = is_atom(root, c, "title")       ? &title
                      : is_atom(root, c, "id")        ? &id
                      : is_atom(root, c, "updated")   ? &updated
                      : is_atom(root, c, "published") ? &published
                      : is_atom(root, c, "content")   ? &content
                      : is_atom(root, c, "summary")   ? &summary
                                                      : NULL;
        if (!slot || *slot)
            continue;
        if (slot == &title)
            rc = read_title(r, c, slot);
        else if (slot == &content || slot == &summary)
            rc = read_content(r, c, slot);
        else
            rc = nb_feed_text(r, c, 1, slot);
    }
    struct nb_feed_item *it = NULL;
    if (rc == NB_OK && !author && feed_author && !(author = nb_strdup(feed_author)))
        rc = nb_feed_oom(r);
    if (rc == NB_OK)
        rc = nb_feed_new_item(r, &it);
    if (rc == NB_OK) {
        it->title = take(&title);
        it->guid = take(&id);
        it->link = take(&link);
        /* when the story came out, not when it was last touched */
        it->date = published ? take(&published) : take(&updated);
        it->author = take(&author);
        it->summary_only = !content && summary;
        it->content = content ? take(&content) : take(&summary);
    }
    free(updated);
    free(published);
    free(content);
    free(summary);
    free(title);
    free(id);
    free(link);
    free(author);
    return rc == NB_OK ? nb_feed_finish_item(r, it) : rc;
}

nb_status nb_feed_read_atom(struct nb_feed_reader *r, const xmlNode *root)
{
    struct nb_feed *f = r->feed;
    char *author = NULL;
    nb_status rc = read_link(r, root, root, NULL, &f->link);
    if (rc == NB_OK)
        rc = read_author(r, root, root, &author);
    for (const xmlNode *c = root->children; rc == NB_OK && c; c = c->next)
        if (is_atom(root, c, "title") && !f->title)
            rc = read_title(r, c, &f->title);
    const char *lang = nb_feed_attr(root, (const char *)XML_XML_NAMESPACE, "lang");
    if (rc == NB_OK && lang && *lang && !(f->language = nb_strdup(lang)))
        rc = nb_feed_oom(r);
    for (const xmlNode *c = root->children; rc == NB_OK && c; c = c->next)
        if (is_atom(root, c, "entry"))
            rc = read_entry(r, root, c, author);
    free(author);
    return rc;
}
