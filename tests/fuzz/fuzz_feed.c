/* fuzz_feed.c - RSS and Atom feeds (feed/feed.h, libxml2): nb_feed_parse()
 * of the input, every item turned into an article with
 * nb_feed_item_article(), every item date read with nb_feed_parse_date();
 * nb_feed_sniff() and nb_source_is_feed() on the bytes. */
#include "feed/feed.h"
#include "fuzz_common.h"
#include "source/source.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *xml = (const char *)data;
    struct nb_feed f;
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc = nb_feed_parse(&f, xml, size, "fuzz.rss", &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK) {
        for (size_t i = 0; i < f.nitems && i < 16; i++) {
            const struct nb_feed_item *it = &f.items[i];
            if (!it->guid || !it->title)
                abort();
            long long when;
            if (it->date)
                (void)nb_feed_parse_date(it->date, &when);
            struct nb_article a;
            nb_error_init(&err);
            rc = nb_feed_item_article(&f, i, "fuzz.rss", &a, &err);
            fuzz_check_error(rc, &err);
            if (rc == NB_OK && !a.headline)
                abort();
            nb_article_release(&a);
        }
    }
    nb_feed_release(&f);
    (void)nb_feed_sniff(xml, size);
    (void)nb_source_is_feed("fuzz.xml", NULL, xml, size);
    if (size < 256) {
        char date[256];
        memcpy(date, xml, size);
        date[size] = '\0';
        long long when;
        (void)nb_feed_parse_date(date, &when);
    }
    return 0;
}
