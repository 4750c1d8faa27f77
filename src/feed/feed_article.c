/* feed_article.c - a feed item as an article, through the HTML fragment
 * reader (html.h). */
#include "feed/feed.h"

#include "feed/feed_xml.h"
#include "html/html.h"
#include "text/buf.h"
#include "text/chars.h"

#include <stdlib.h>
#include <string.h>

/* How many words of the text make the headline of an item without a title. */
#define HEADLINE_WORDS 10

/* The first HEADLINE_WORDS words of the item's text. */
static char *first_words(const char *content)
{
    char *plain;
    if (nb_feed_plain(content, 1, &plain) != NB_OK)
        return NULL;
    size_t words = 0, i = 0;
    for (; plain[i]; i++)
        if (plain[i] == ' ' && ++words == HEADLINE_WORDS)
            break;
    plain[i] = '\0';
    return plain;
}

/* Whether `s` holds anything but ASCII whitespace. */
static int has_text(const char *s)
{
    for (; s && *s; s++)
        if (!nb_ascii_is_space((unsigned char)*s))
            return 1;
    return 0;
}

/* Sets *slot to a copy of `s` (when not NULL), replacing what the reader
 * found. */
static nb_status set_copy(char **slot, const char *s)
{
    if (!s)
        return NB_OK;
    char *copy = nb_strdup(s);
    if (!copy)
        return NB_ENOMEM;
    free(*slot);
    *slot = copy;
    return NB_OK;
}

nb_status nb_feed_item_article(const struct nb_feed *f, size_t i, const char *name,
                               struct nb_article *a, struct nb_error *err)
{
    nb_article_init(a);
    if (!name)
        name = "feed";
    if (i >= f->nitems)
        return nb_error_set_at(err, NB_EINTERNAL, name, 0, 0, "no item %zu in a feed of %zu", i + 1,
                               f->nitems);
    const struct nb_feed_item *it = &f->items[i];
    if (!has_text(it->content))
        return nb_error_set_at(err, NB_EINPUT, name, 0, 0, "item %zu ('%s') has no text", i + 1,
                               *it->title ? it->title : it->guid);
    struct nb_buf source;
    nb_buf_init(&source, 0);
    nb_status rc =
        it->link ? nb_buf_adds(&source, it->link) : nb_buf_addf(&source, "%s#%zu", name, i + 1);
    char *headline = rc != NB_OK  ? NULL
                     : *it->title ? nb_strdup(it->title)
                                  : first_words(it->content);
    if (!headline) {
        nb_buf_release(&source);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    rc = nb_article_parse_html_fragment(a, it->content, strlen(it->content), headline, source.data,
                                        err);
    free(headline);
    nb_buf_release(&source);
    if (rc != NB_OK)
        return rc;
    if (set_copy(&a->byline, it->author) != NB_OK || set_copy(&a->date, it->date) != NB_OK ||
        set_copy(&a->publication, f->title) != NB_OK ||
        set_copy(&a->language, f->language) != NB_OK) {
        nb_article_release(a);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    return NB_OK;
}
