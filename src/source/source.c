/* source.c - a briefing's articles entry (file, page, feed or URL) to stories. */
#include "source/source.h"

#include "feed/feed.h"
#include "html/html.h"
#include "text/buf.h"
#include "text/chars.h"
#include "text/file.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void nb_source_options_init(struct nb_source_options *o)
{
    memset(o, 0, sizeof(*o));
    o->since = NB_SOURCE_NO_SINCE;
    o->new_only = 1;
    o->follow_links = 1;
    o->network = 1;
    o->now = (long long)time(NULL);
    nb_fetch_options_init(&o->fetch);
}

void nb_source_reader_init(struct nb_source_reader *r, const struct nb_source_options *o)
{
    memset(r, 0, sizeof(*r));
    r->options = o;
    nb_strv_init(&r->warnings);
}

static void story_release(struct nb_source_story *s)
{
    nb_article_release(&s->article);
    free(s->feed);
    free(s->guid);
}

void nb_source_reader_release(struct nb_source_reader *r)
{
    for (size_t i = 0; i < r->nstories; i++)
        story_release(&r->stories[i]);
    free(r->stories);
    nb_state_close(r->state);
    nb_strv_release(&r->warnings);
    nb_source_reader_init(r, r->options);
}

/* ---- one article, by name, type or look ---- */

typedef nb_status (*reader_fn)(struct nb_article *a, const char *data, size_t len, const char *name,
                               struct nb_error *err);

/* The extension of `name` (a path or URL: its last segment, before any
 * query or fragment), with the dot; "" when none. */
static void extension_of(const char *name, const char **ext, size_t *len)
{
    size_t end = strcspn(name, "?#");
    const char *dot = NULL;
    for (size_t i = 0; i < end; i++)
        if (name[i] == '.')
            dot = name + i;
        else if (name[i] == '/')
            dot = NULL;
    *ext = dot ? dot : name + end;
    *len = (size_t)(name + end - *ext);
}

static int ext_is(const char *ext, size_t len, const char *want)
{
    return strlen(want) == len && nb_ascii_ncasecmp(ext, want, len) == 0;
}

static int type_is(const char *type, const char *want)
{
    size_t len = strcspn(type, "; \t");
    return strlen(want) == len && nb_ascii_ncasecmp(type, want, len) == 0;
}

/* The charset parameter of a content type ("text/html; charset=\"koi8-r\""
 * gives "koi8-r") into out[size]; "" when none. */
static void charset_of(const char *content_type, char *out, size_t size)
{
    out[0] = '\0';
    for (const char *p = content_type; p && *p; p++) {
        if (nb_ascii_ncasecmp(p, "charset=", 8) != 0)
            continue;
        p += 8;
        if (*p == '"')
            p++;
        size_t n = 0;
        while (p[n] && p[n] != '"' && p[n] != ';' && p[n] != ' ' && n + 1 < size) {
            out[n] = p[n];
            n++;
        }
        out[n] = '\0';
        return;
    }
}

static nb_status read_html(struct nb_article *a, const char *data, size_t len, const char *name,
                           const char *content_type, struct nb_error *err)
{
    char charset[64];
    charset_of(content_type, charset, sizeof(charset));
    return nb_article_parse_html_charset(a, data, len, name, charset, err);
}

nb_status nb_source_parse_article(struct nb_article *a, const char *data, size_t len,
                                  const char *name, const char *content_type, struct nb_error *err)
{
    const char *ext = "";
    size_t elen = 0;
    if (name)
        extension_of(name, &ext, &elen);
    reader_fn read = NULL;
    int html = 0;
    if (ext_is(ext, elen, ".html") || ext_is(ext, elen, ".htm"))
        html = 1;
    else if (ext_is(ext, elen, ".md") || ext_is(ext, elen, ".markdown") ||
             ext_is(ext, elen, ".txt") || ext_is(ext, elen, ".text"))
        read = nb_article_parse_file_bytes;
    else if (content_type &&
             (type_is(content_type, "text/html") || type_is(content_type, "application/xhtml+xml")))
        html = 1;
    else if (content_type && type_is(content_type, "text/markdown"))
        read = nb_article_parse_markdown;
    else if (nb_html_sniff(data, len))
        html = 1;
    else
        read = nb_article_parse_text;
    if (html)
        return read_html(a, data, len, name, content_type, err);
    return read(a, data, len, name, err);
}

nb_status nb_source_read_article(struct nb_article *a, const char *path, struct nb_error *err)
{
    struct nb_buf raw;
    nb_buf_init(&raw, NB_ARTICLE_MAX_BYTES + 1);
    nb_article_init(a);
    nb_status rc = nb_file_read(path, NB_ARTICLE_MAX_BYTES, &raw, err);
    if (rc == NB_OK)
        rc = nb_source_parse_article(a, raw.data, raw.len, path, NULL, err);
    nb_buf_release(&raw);
    return rc;
}

int nb_source_is_feed(const char *name, const char *content_type, const char *data, size_t len)
{
    const char *ext = "";
    size_t elen = 0;
    if (name)
        extension_of(name, &ext, &elen);
    if (ext_is(ext, elen, ".rss") || ext_is(ext, elen, ".atom"))
        return 1;
    if (content_type && (type_is(content_type, "application/rss+xml") ||
                         type_is(content_type, "application/atom+xml") ||
                         type_is(content_type, "application/rdf+xml")))
        return 1;
    return nb_feed_sniff(data, len);
}

/* ---- the state database, opened when first needed ---- */

static nb_status need_state(struct nb_source_reader *r, struct nb_error *err)
{
    if (r->state || !r->options->state_path)
        return NB_OK;
    struct nb_buf dir;
    nb_buf_init(&dir, 0);
    nb_status rc = nb_path_dirname(r->options->state_path, &dir) != NB_OK
                       ? nb_error_set(err, NB_ENOMEM, "out of memory")
                       : nb_file_mkdirs(dir.data, err);
    nb_buf_release(&dir);
    if (rc == NB_OK)
        rc = nb_state_open(&r->state, r->options->state_path, err);
    r->state_failed = rc != NB_OK && rc != NB_ENOMEM;
    return rc;
}

/* ---- getting the bytes ---- */

struct fetched {
    struct nb_buf body;
    char *content_type; /* NULL for a file or when not given */
};

static nb_status get_bytes(struct nb_source_reader *r, const char *entry, struct fetched *f,
                           struct nb_error *err)
{
    const struct nb_source_options *o = r->options;
    if (!nb_fetch_is_url(entry))
        return nb_file_read(entry, NB_ARTICLE_MAX_BYTES, &f->body, err);
    if (!o->network)
        return nb_error_set_at(err, NB_EINPUT, entry, 0, 0,
                               "a URL, and fetching is off (read a saved file instead)");
    struct nb_fetch_options fo = o->fetch;
    fo.cache_dir = o->cache_dir;
    struct nb_fetch_result res;
    nb_fetch_result_init(&res);
    nb_status rc = nb_fetch(entry, &fo, &res, err);
    if (rc == NB_OK) {
        nb_buf_release(&f->body);
        f->body = res.body;
        nb_buf_init(&res.body, 0);
        f->content_type = res.content_type;
        res.content_type = NULL;
    }
    nb_fetch_result_release(&res);
    if (o->state_path && rc != NB_ENOMEM) {
        /* the outcome is remembered; failing to remember it is an error of
         * its own only when the fetch itself worked */
        struct nb_error serr;
        nb_error_init(&serr);
        nb_status src = need_state(r, &serr);
        if (src == NB_OK)
            src =
                nb_state_record_fetch(r->state, entry, o->now,
                                      rc == NB_OK ? NULL : (err ? err->message : "failed"), &serr);
        if (src != NB_OK && (rc == NB_OK || r->state_failed)) {
            if (err)
                *err = serr;
            rc = src;
        }
    }
    return rc;
}

/* ---- stories ---- */

static nb_status push_story(struct nb_source_reader *r, struct nb_article *a, const char *feed,
                            const char *guid)
{
    if (r->nstories == r->alloc) {
        size_t n = r->alloc ? r->alloc * 2 : 8;
        struct nb_source_story *p = realloc(r->stories, n * sizeof(*p));
        if (!p)
            return NB_ENOMEM;
        r->stories = p;
        r->alloc = n;
    }
    struct nb_source_story *s = &r->stories[r->nstories];
    memset(s, 0, sizeof(*s));
    if ((feed && !(s->feed = nb_strdup(feed))) || (guid && !(s->guid = nb_strdup(guid)))) {
        free(s->feed);
        free(s->guid);
        return NB_ENOMEM;
    }
    s->article = *a;
    nb_article_init(a);
    r->nstories++;
    return NB_OK;
}

static nb_status warn(struct nb_source_reader *r, const char *entry, size_t item, const char *title,
                      const struct nb_error *why, const char *then)
{
    char msg[NB_ERROR_MSG_MAX];
    nb_error_format(why, msg, sizeof(msg));
    struct nb_buf w;
    nb_buf_init(&w, 0);
    /* without `entry`, the message names the item itself */
    nb_status rc = entry ? nb_buf_addf(&w, "%s: item %zu", entry, item + 1) : NB_OK;
    if (rc == NB_OK && entry && title && title[0])
        rc = nb_buf_addf(&w, " '%.80s'", title);
    if (rc == NB_OK)
        rc =
            nb_buf_addf(&w, "%s%s%s%s", entry ? ": " : "", msg, then ? "; " : "", then ? then : "");
    if (rc == NB_OK)
        rc = nb_strv_push_owned(&r->warnings, nb_buf_detach(&w, NULL));
    nb_buf_release(&w);
    return rc == NB_OK ? NB_OK : NB_ENOMEM;
}

/* The page an item links to, read as the item's article; what the feed
 * knew and the page did not (author, date, publisher, language) is kept. */
static nb_status read_linked_page(struct nb_source_reader *r, const struct nb_feed *feed,
                                  const struct nb_feed_item *it, struct nb_article *out,
                                  struct nb_error *err)
{
    struct fetched f = {{0}, NULL};
    nb_buf_init(&f.body, NB_ARTICLE_MAX_BYTES + 1);
    nb_status rc = get_bytes(r, it->link, &f, err);
    if (rc == NB_OK)
        rc = nb_source_parse_article(out, f.body.data, f.body.len, it->link, f.content_type, err);
    nb_buf_release(&f.body);
    free(f.content_type);
    if (rc != NB_OK)
        return rc;
    char **mine[] = {&out->byline, &out->date, &out->publication, &out->language};
    const char *theirs[] = {it->author, it->date, feed->title, feed->language};
    for (size_t i = 0; i < sizeof(mine) / sizeof(mine[0]); i++)
        if (!*mine[i] && theirs[i] && !(*mine[i] = nb_strdup(theirs[i]))) {
            nb_article_release(out);
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        }
    return NB_OK;
}

/* Item i as an article into *a: its page when the feed carries only a
 * summary (or nothing) and links may be followed, else (or when the page
 * fails) its own text.  *ok 0 when neither could be read: a warning says
 * why.  Fails for NB_ENOMEM, and for a state database that cannot be
 * used. */
static nb_status read_item(struct nb_source_reader *r, const char *entry,
                           const struct nb_feed *feed, size_t i, struct nb_article *a, int *ok,
                           struct nb_error *err)
{
    const struct nb_source_options *o = r->options;
    const struct nb_feed_item *it = &feed->items[i];
    *ok = 0;
    struct nb_error why_page;
    nb_error_init(&why_page);
    int follow =
        it->summary_only && o->follow_links && o->network && it->link && nb_fetch_is_url(it->link);
    if (follow) {
        nb_status prc = read_linked_page(r, feed, it, a, &why_page);
        if (prc == NB_OK) {
            *ok = 1;
            return NB_OK;
        }
        if (prc == NB_ENOMEM || r->state_failed) {
            if (err)
                *err = why_page;
            return prc;
        }
    }
    struct nb_error why;
    nb_error_init(&why);
    nb_status irc = nb_feed_item_article(feed, i, entry, a, &why);
    if (irc == NB_ENOMEM)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    *ok = irc == NB_OK;
    /* the listener is told why a page was not read, or why nothing was */
    if (follow)
        return warn(r, entry, i, it->title, &why_page,
                    *ok ? "its summary read instead" : "the feed has no text for it either");
    return *ok ? NB_OK : warn(r, NULL, i, NULL, &why, NULL);
}

/* The order items are taken in: newest first (a feed may list its oldest
 * first), undated items after the dated ones, each group as listed. */
static int cmp_items(const void *pa, const void *pb, const struct nb_feed *feed)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    long long wa = feed->items[a].when, wb = feed->items[b].when;
    int da = wa != NB_FEED_NO_TIME, db = wb != NB_FEED_NO_TIME;
    if (da != db)
        return da ? -1 : 1;
    if (da && wa != wb)
        return wa > wb ? -1 : 1;
    return a < b ? -1 : a > b;
}

static void sort_items(size_t *order, size_t n, const struct nb_feed *feed)
{
    for (size_t i = 1; i < n; i++) /* insertion sort: stable, feeds are short */
        for (size_t j = i; j > 0 && cmp_items(&order[j - 1], &order[j], feed) > 0; j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
}

static nb_status read_feed(struct nb_source_reader *r, const char *entry, const struct fetched *f,
                           size_t max, struct nb_error *err)
{
    const struct nb_source_options *o = r->options;
    struct nb_feed feed;
    nb_status rc = nb_feed_parse(&feed, f->body.data, f->body.len, entry, err);
    if (rc != NB_OK)
        return rc;
    size_t first = r->nstories, warned = r->warnings.n, taken = 0;
    size_t *order = malloc((feed.nitems ? feed.nitems : 1) * sizeof(*order));
    if (!order)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; order && i < feed.nitems; i++)
        order[i] = i;
    if (rc == NB_OK)
        sort_items(order, feed.nitems, &feed);
    if (rc == NB_OK && o->new_only)
        rc = need_state(r, err);
    for (size_t k = 0; rc == NB_OK && k < feed.nitems && taken < max; k++) {
        size_t i = order[k];
        const struct nb_feed_item *it = &feed.items[i];
        if (o->max_items && taken >= o->max_items)
            break;
        /* an item without a date cannot be placed before `since`: kept */
        if (o->since != NB_SOURCE_NO_SINCE && it->when != NB_FEED_NO_TIME && it->when < o->since)
            continue;
        int heard = 0, ok = 0;
        if (o->new_only && r->state &&
            (rc = nb_state_is_heard(r->state, entry, it->guid, &heard, err)) != NB_OK)
            break;
        if (heard)
            continue;
        struct nb_article a;
        nb_article_init(&a);
        rc = read_item(r, entry, &feed, i, &a, &ok, err);
        if (rc == NB_OK && ok && push_story(r, &a, entry, it->guid) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        nb_article_release(&a);
        taken += ok && rc == NB_OK;
    }
    free(order);
    nb_feed_release(&feed);
    if (rc != NB_OK) {
        /* the source is read whole or not at all, its warnings with it */
        while (r->nstories > first)
            story_release(&r->stories[--r->nstories]);
        while (r->warnings.n > warned)
            free(r->warnings.v[--r->warnings.n]);
        if (r->warnings.v)
            r->warnings.v[r->warnings.n] = NULL;
    }
    return rc;
}

/* The stories of bytes got for `entry`: a feed's items, or one article. */
static nb_status add_bytes(struct nb_source_reader *r, const char *entry, const struct fetched *f,
                           size_t max, struct nb_error *err)
{
    if (nb_source_is_feed(entry, f->content_type, f->body.data, f->body.len))
        return read_feed(r, entry, f, max, err);
    struct nb_article a;
    nb_status rc =
        nb_source_parse_article(&a, f->body.data, f->body.len, entry, f->content_type, err);
    if (rc == NB_OK && max && push_story(r, &a, NULL, NULL) != NB_OK)
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_article_release(&a);
    return rc;
}

nb_status nb_source_read(struct nb_source_reader *r, const char *entry, size_t max,
                         struct nb_error *err)
{
    struct fetched f = {{0}, NULL};
    nb_buf_init(&f.body, NB_ARTICLE_MAX_BYTES + 1);
    nb_status rc = get_bytes(r, entry, &f, err);
    if (rc == NB_OK)
        rc = add_bytes(r, entry, &f, max, err);
    nb_buf_release(&f.body);
    free(f.content_type);
    return rc;
}

void nb_source_prepared_init(struct nb_source_prepared *p)
{
    memset(p, 0, sizeof(*p));
    nb_error_init(&p->err);
    nb_buf_init(&p->body, 0);
    nb_article_init(&p->article);
}

void nb_source_prepared_release(struct nb_source_prepared *p)
{
    nb_buf_release(&p->body);
    nb_article_release(&p->article);
    nb_source_prepared_init(p);
}

void nb_source_prepare(struct nb_source_prepared *p, const char *entry)
{
    /* standard input can be read once only; a URL may need the state */
    if (nb_fetch_is_url(entry) || strcmp(entry, "-") == 0)
        return;
    nb_buf_release(&p->body);
    nb_buf_init(&p->body, NB_ARTICLE_MAX_BYTES + 1);
    p->ready = 1;
    p->rc = nb_file_read(entry, NB_ARTICLE_MAX_BYTES, &p->body, &p->err);
    if (p->rc != NB_OK)
        return;
    p->feed = nb_source_is_feed(entry, NULL, p->body.data, p->body.len);
    if (p->feed)
        return;
    p->rc = nb_source_parse_article(&p->article, p->body.data, p->body.len, entry, NULL, &p->err);
    if (p->rc != NB_OK)
        nb_article_init(&p->article); /* left released by the parser */
    nb_buf_release(&p->body);
    nb_buf_init(&p->body, 0);
}

nb_status nb_source_add_prepared(struct nb_source_reader *r, const char *entry,
                                 struct nb_source_prepared *p, size_t max, struct nb_error *err)
{
    if (p->rc != NB_OK) {
        if (err)
            *err = p->err;
        return p->rc;
    }
    if (p->feed) {
        struct fetched f = {p->body, NULL};
        return add_bytes(r, entry, &f, max, err);
    }
    if (max && push_story(r, &p->article, NULL, NULL) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return NB_OK;
}

nb_status nb_source_mark_heard(struct nb_source_reader *r, size_t n, long long when,
                               struct nb_error *err)
{
    if (n > r->nstories)
        n = r->nstories;
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < n; i++) {
        const struct nb_source_story *s = &r->stories[i];
        if (!s->feed || !s->guid || !r->options->state_path)
            continue;
        if ((rc = need_state(r, err)) != NB_OK)
            break;
        const char *guid = s->guid;
        rc = nb_state_mark_heard(r->state, s->feed, &guid, 1, when, err);
    }
    /* items heard long ago are forgotten, so that the database does not
     * grow for ever: a feed that still lists them after half a year is
     * rare, and `since` keeps them out too */
    if (rc == NB_OK && r->state)
        rc = nb_state_forget_before(r->state, when - NB_SOURCE_FORGET_AFTER, err);
    return rc;
}
