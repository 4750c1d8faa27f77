/* feed_rss.c - RSS 2.0 and 0.9x (<rss><channel><item>) and RSS 1.0 / 0.90
 * (<rdf:RDF> with the items beside the channel). */
#include "feed/feed_xml.h"

#include "text/buf.h"

#include <stdlib.h>
#include <string.h>

/* What an item says, before choosing between synonyms. */
struct rss_item {
    char *title, *link, *guid, *pub_date, *dc_date, *author, *creator, *description, *encoded;
    int guid_is_link; /* isPermaLink is not "false" */
};

static void rss_item_release(struct rss_item *x)
{
    free(x->title);
    free(x->link);
    free(x->guid);
    free(x->pub_date);
    free(x->dc_date);
    free(x->author);
    free(x->creator);
    free(x->description);
    free(x->encoded);
}

/* Hands *p over to the caller. */
static char *take(char **p)
{
    char *s = *p;
    *p = NULL;
    return s;
}

/* The text of `c` into *slot unless an earlier element set it. */
static nb_status text_once(struct nb_feed_reader *r, const xmlNode *c, int collapse, char **slot)
{
    return *slot ? NB_OK : nb_feed_text(r, c, collapse, slot);
}

static nb_status read_fields(struct nb_feed_reader *r, const xmlNode *item, struct rss_item *x)
{
    for (const xmlNode *c = item->children; c; c = c->next) {
        nb_status rc = NB_OK;
        if (nb_feed_is(c, NULL, "title"))
            rc = text_once(r, c, 1, &x->title);
        else if (nb_feed_is(c, NULL, "link"))
            rc = text_once(r, c, 1, &x->link);
        else if (nb_feed_is(c, NULL, "guid") && !x->guid) {
            const char *permalink = nb_feed_attr(c, NULL, "isPermaLink");
            x->guid_is_link = !permalink || strcmp(permalink, "false") != 0;
            rc = text_once(r, c, 1, &x->guid);
        } else if (nb_feed_is(c, NULL, "pubDate"))
            rc = text_once(r, c, 1, &x->pub_date);
        else if (nb_feed_is(c, NB_NS_DC, "date"))
            rc = text_once(r, c, 1, &x->dc_date);
        else if (nb_feed_is(c, NULL, "author"))
            rc = text_once(r, c, 1, &x->author);
        else if (nb_feed_is(c, NB_NS_DC, "creator"))
            rc = text_once(r, c, 1, &x->creator);
        else if (nb_feed_is(c, NULL, "description"))
            rc = text_once(r, c, 0, &x->description);
        else if (nb_feed_is(c, NB_NS_CONTENT, "encoded"))
            rc = text_once(r, c, 0, &x->encoded);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

static int is_http_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* RSS 2.0's author is an e-mail address: "jo@example.org (Jo Bloggs)"
 * gives the name. */
static nb_status author_name(char **author)
{
    char *open = strchr(*author, '(');
    char *close = open ? strrchr(open, ')') : NULL;
    if (!close || !memchr(*author, '@', (size_t)(open - *author)) || close == open + 1)
        return NB_OK;
    char *name = nb_strndup(open + 1, (size_t)(close - open - 1));
    if (!name)
        return NB_ENOMEM;
    free(*author);
    *author = name;
    return NB_OK;
}

static nb_status read_item(struct nb_feed_reader *r, const xmlNode *item)
{
    struct rss_item x = {0};
    nb_status rc = read_fields(r, item, &x);
    if (rc == NB_OK && x.author && author_name(&x.author) != NB_OK)
        rc = nb_feed_oom(r);
    struct nb_feed_item *it;
    if (rc == NB_OK)
        rc = nb_feed_new_item(r, &it);
    if (rc != NB_OK) {
        rss_item_release(&x);
        return rc;
    }
    if (x.title && nb_feed_plain(x.title, 1, &it->title) != NB_OK) {
        rss_item_release(&x);
        return nb_feed_oom(r);
    }
    if (!x.link && x.guid && x.guid_is_link && is_http_url(x.guid) &&
        !(x.link = nb_strdup(x.guid))) {
        rss_item_release(&x);
        return nb_feed_oom(r);
    }
    if (x.link) { /* "/news/2" is on the channel's site */
        rc = nb_feed_resolve(r, item, x.link, r->feed->link, &it->link);
        if (rc != NB_OK) {
            rss_item_release(&x);
            return rc;
        }
    }
    it->guid = take(&x.guid);
    const char *about = nb_feed_attr(item, NB_NS_RDF, "about"); /* RSS 1.0's identity */
    if (!it->guid && about && *about && !(it->guid = nb_strdup(about))) {
        rss_item_release(&x);
        return nb_feed_oom(r);
    }
    it->date = x.pub_date ? take(&x.pub_date) : take(&x.dc_date);
    it->author = x.creator ? take(&x.creator) : take(&x.author);
    it->summary_only = !x.encoded && x.description;
    it->content = x.encoded ? take(&x.encoded) : take(&x.description);
    rss_item_release(&x);
    return nb_feed_finish_item(r, it);
}

/* The channel's title, link and language; with `items`, its items too. */
static nb_status read_channel(struct nb_feed_reader *r, const xmlNode *channel, int items)
{
    struct nb_feed *f = r->feed;
    for (const xmlNode *c = channel->children; c; c = c->next) {
        nb_status rc = NB_OK;
        char *title = NULL;
        if (nb_feed_is(c, NULL, "title") && !f->title) {
            rc = nb_feed_text(r, c, 1, &title);
            if (rc == NB_OK && title && nb_feed_plain(title, 1, &f->title) != NB_OK)
                rc = nb_feed_oom(r);
            free(title);
        } else if (nb_feed_is(c, NULL, "link"))
            rc = text_once(r, c, 1, &f->link);
        else if (nb_feed_is(c, NULL, "language") || nb_feed_is(c, NB_NS_DC, "language"))
            rc = text_once(r, c, 1, &f->language);
        else if (items && nb_feed_is(c, NULL, "item"))
            rc = read_item(r, c);
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

nb_status nb_feed_read_rss(struct nb_feed_reader *r, const xmlNode *root)
{
    int rdf = !nb_feed_is(root, NULL, "rss");
    const xmlNode *channel = NULL;
    for (const xmlNode *c = root->children; c && !channel; c = c->next)
        if (nb_feed_is(c, NULL, "channel"))
            channel = c;
    if (!channel && !rdf)
        return nb_error_set_at(r->err, NB_EINPUT, r->name, 0, 0,
                               "not a feed: <rss> without a <channel>");
    nb_status rc = channel ? read_channel(r, channel, 1) : NB_OK;
    /* RSS 1.0 and 0.90 put the items beside the channel */
    for (const xmlNode *c = root->children; rc == NB_OK && c; c = c->next)
        if (nb_feed_is(c, NULL, "item"))
            rc = read_item(r, c);
    if (rc != NB_OK)
        return rc;
    const char *lang =
        nb_feed_attr(channel ? channel : root, (const char *)XML_XML_NAMESPACE, "lang");
    if (!lang)
        lang = nb_feed_attr(root, (const char *)XML_XML_NAMESPACE, "lang");
    if (!r->feed->language && lang && *lang && !(r->feed->language = nb_strdup(lang)))
        return nb_feed_oom(r);
    return NB_OK;
}
