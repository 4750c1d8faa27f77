/* test_feed.c - RSS, RDF and Atom feeds: items, dates, content, errors,
 * entity bombs, and items as articles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"
#include "feed/feed.h"
#include "text/buf.h"

static nb_status parse_fixture(struct nb_feed *f, const char *file, struct nb_error *err)
{
    char rel[256];
    snprintf(rel, sizeof(rel), "feeds/%s", file);
    size_t len;
    char *data = nb_test_fixture(rel, &len);
    nb_error_init(err);
    nb_status rc = nb_feed_parse(f, data, len, file, err);
    free(data);
    return rc;
}

static void assert_starts(const char *s, const char *prefix)
{
    assert_non_null(s);
    if (strncmp(s, prefix, strlen(prefix)) != 0)
        fail_msg("'%s' does not start with '%s'", s, prefix);
}

static void test_rss2(void **state)
{
    (void)state;
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, "rss2.xml", &err), NB_OK);
    assert_string_equal(f.title, "Nordwire & Partners");
    assert_string_equal(f.link, "https://nordwire.example/"); /* not the atom:link */
    assert_string_equal(f.language, "en-gb");
    assert_int_equal(f.nitems, 4);

    const struct nb_feed_item *it = &f.items[0];
    assert_string_equal(it->title, "Tram line approved after long debate");
    assert_string_equal(it->link, "https://nordwire.example/2026/12/tram");
    assert_string_equal(it->guid, "nordwire-4711");
    assert_string_equal(it->date, "Wed, 02 Dec 2026 07:30:00 +0100");
    assert_true(it->when == 1796193000LL);
    assert_string_equal(it->author, "Priya Natarajan");
    assert_starts(it->content, "<p>The city council approved a new tram line on Tuesday");
    assert_int_equal(it->summary_only, 0);

    /* short content with a link: the page holds the story; guid from the link */
    it = &f.items[1];
    assert_string_equal(it->guid, "https://nordwire.example/2026/12/ferry");
    assert_true(it->when == 1796148300LL);
    assert_string_equal(it->author, "Tom Ellis");
    assert_string_equal(it->content, "<p>Ferries run again.</p>");
    assert_int_equal(it->summary_only, 1);

    /* no guid, no link: the title is the guid; no page, so not a summary */
    it = &f.items[2];
    assert_string_equal(it->title, "Harbour \xe2\x80\x99"
                                   "closed\xe2\x80\x99 for a day");
    assert_string_equal(it->guid, it->title);
    assert_null(it->link);
    assert_null(it->date);
    assert_true(it->when == NB_FEED_NO_TIME);
    assert_null(it->author);
    assert_string_equal(it->content, "The harbour is closed today.");
    assert_int_equal(it->summary_only, 0);

    /* no title; a permalink guid is the link */
    it = &f.items[3];
    assert_string_equal(it->title, "");
    assert_string_equal(it->guid, "https://nordwire.example/2026/12/weather");
    assert_string_equal(it->link, it->guid);
    assert_int_equal(it->summary_only, 1);
    nb_feed_release(&f);
    assert_null(f.items);
    assert_int_equal(f.nitems, 0);
}

static void test_rss_descriptions(void **state)
{
    (void)state;
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, "summaries.xml", &err), NB_OK);
    assert_string_equal(f.title, "Caf\xc3\xa9 Review"); /* from ISO-8859-1 */
    assert_null(f.language);
    assert_int_equal(f.nitems, 2);
    assert_string_equal(f.items[0].title, "New caf\xc3\xa9 opens");
    assert_string_equal(f.items[0].content, "A new <b>caf\xc3\xa9</b> opened in the square.");
    assert_int_equal(f.items[0].summary_only, 1);
    assert_true(f.items[0].when == 1796047200LL); /* EST */
    assert_string_equal(f.items[1].link, "https://cafe.example/news/2"); /* resolved */
    assert_string_equal(f.items[1].content, "Stalls sell cheese. caf\xc3\xa9");
    assert_int_equal(f.items[1].summary_only, 1);
    nb_feed_release(&f);
}

static void test_atom(void **state)
{
    (void)state;
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, "atom.xml", &err), NB_OK);
    assert_string_equal(f.title, "Fjord Times");
    assert_string_equal(f.link, "https://fjord.example/");
    assert_string_equal(f.language, "nb-NO");
    assert_int_equal(f.nitems, 3);

    const struct nb_feed_item *it = &f.items[0];
    assert_string_equal(it->title, "Bridge opens");
    assert_string_equal(it->link, "https://fjord.example/news/bridge"); /* xml:base */
    assert_string_equal(it->guid, "tag:fjord.example,2026:1");
    /* published, not updated: when the story came out */
    assert_string_equal(it->date, "2026-12-01T22:00:00Z");
    assert_true(it->when == 1796162400LL);
    assert_string_equal(it->author, "Ingrid Dahl");
    /* xhtml content as HTML, without its wrapping div */
    assert_starts(it->content, "<p>The new bridge over the fjord opened on <em>Wednesday</em> "
                               "morning");
    assert_non_null(strstr(it->content, "at first<br>but grew"));
    assert_non_null(strstr(it->content, "<a href=\"https://ferry.example/\">one boat</a>"));
    assert_non_null(strstr(it->content, "300 million crowns &amp; took"));
    assert_null(strstr(it->content, "div"));
    assert_int_equal(it->summary_only, 0);

    it = &f.items[1];
    assert_string_equal(it->title, "Skiers win relay"); /* type="html" */
    assert_string_equal(it->link, "https://fjord.example/sport/relay");
    assert_true(it->when == 1796083200LL);         /* a date alone */
    assert_string_equal(it->author, "Fjord Desk"); /* the feed's */
    assert_string_equal(it->content, "<p>The team won the relay.</p>");
    assert_int_equal(it->summary_only, 1);

    /* out-of-line content: the summary, as text */
    it = &f.items[2];
    assert_null(it->link);
    assert_true(it->when == 1796058000LL);
    assert_string_equal(it->content, "This week: bridges & tunnels.");
    nb_feed_release(&f);
}

static void test_rdf(void **state)
{
    (void)state;
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, "rdf.xml", &err), NB_OK);
    assert_string_equal(f.title, "Valley Gazette");
    assert_string_equal(f.link, "https://valley.example/");
    assert_string_equal(f.language, "de");
    assert_int_equal(f.nitems, 2);
    assert_string_equal(f.items[0].title, "Mill reopens");
    assert_string_equal(f.items[0].guid, "https://valley.example/a");
    assert_string_equal(f.items[0].author, "Anna Berg");
    assert_string_equal(f.items[0].date, "2026-11-28T10:00:00+01:00");
    assert_true(f.items[0].when == 1795856400LL);
    assert_int_equal(f.items[0].summary_only, 1);
    assert_string_equal(f.items[1].guid, "urn:valley:b"); /* rdf:about */
    assert_null(f.items[1].link);
    nb_feed_release(&f);
}

/* A feed with no items is no source of stories: said so (reading it gave
 * nothing, and exit 0, without a word). */
static void test_empty_channel(void **state)
{
    (void)state;
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, "empty.xml", &err), NB_EINPUT);
    assert_string_equal(err.file, "empty.xml");
    assert_string_equal(err.message, "the feed has no items");
    assert_null(f.title); /* left empty */
    assert_int_equal(f.nitems, 0);
    static const char atom[] = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                               "</feed>";
    assert_int_equal(nb_feed_parse(&f, atom, sizeof(atom) - 1, "x.atom", &err), NB_EINPUT);
    assert_string_equal(err.message, "the feed has no items");
    nb_feed_release(&f);
}

static void expect_error(const char *file, const char *message)
{
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, file, &err), NB_EINPUT);
    assert_string_equal(err.file, file);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, message);
    assert_null(f.title); /* left empty */
    assert_int_equal(f.nitems, 0);
    nb_feed_release(&f);
}

static void test_not_a_feed(void **state)
{
    (void)state;
    expect_error("not_xml.txt", "not a feed: start tag expected, '<' not found at line 1");
    expect_error("page.html",
                 "not a feed (the root element is <html>, not <rss>, <feed> or <rdf:RDF>)");
    expect_error("inventory.xml",
                 "not a feed (the root element is <inventory>, not <rss>, <feed> or <rdf:RDF>)");
    expect_error("broken.xml",
                 "not a feed: opening and ending tag mismatch: item line 5 and itm at line 5");

    struct nb_feed f;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_feed_parse(&f, "", 0, "empty.rss", &err), NB_EINPUT);
    assert_string_equal(err.message, "not a feed: the file is empty");
    static const char no_channel[] = "<rss version=\"2.0\"><item/></rss>";
    assert_int_equal(nb_feed_parse(&f, no_channel, sizeof(no_channel) - 1, "x.rss", &err),
                     NB_EINPUT);
    assert_string_equal(err.message, "not a feed: <rss> without a <channel>");
}

/* Nested entities (a billion "lol"s): libxml2 refuses them. */
static void test_billion_laughs(void **state)
{
    (void)state;
    expect_error("laughs.xml", "not a feed: detected an entity reference loop at line 1");
}

/* One wide entity referenced many times: within libxml2's limits, but its
 * text would be 20 MB: the budget stops it. */
static void test_wide_entity(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY big \""),
                     NB_OK);
    for (int i = 0; i < 100000; i++)
        assert_int_equal(nb_buf_addc(&b, 'x'), NB_OK);
    assert_int_equal(nb_buf_adds(&b, "\">\n]>\n<rss><channel><title>"), NB_OK);
    for (int i = 0; i < 200; i++)
        assert_int_equal(nb_buf_adds(&b, "&big;"), NB_OK);
    assert_int_equal(nb_buf_adds(&b, "</title></channel></rss>\n"), NB_OK);
    struct nb_feed f;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_feed_parse(&f, b.data, b.len, "wide.rss", &err), NB_EINPUT);
    assert_string_equal(err.file, "wide.rss");
    assert_string_equal(err.message, "not a feed: its entity references expand to more than 4 MiB");
    assert_null(f.title);
    nb_buf_release(&b);
}

/* Entities the feed declares itself are expanded (within the budget). */
static void test_declared_entities(void **state)
{
    (void)state;
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, "entities.xml", &err), NB_OK);
    assert_string_equal(f.title, "Nordwire Desk");
    assert_int_equal(f.nitems, 1);
    assert_string_equal(f.items[0].title, "Notice from Nordwire Desk");
    assert_string_equal(f.items[0].content, "<p>Written by \xc2\xa9 Nordwire Desk.</p>");
    nb_feed_release(&f);
}

/* An external entity is never loaded (no file, no network). */
static void test_external_entity(void **state)
{
    (void)state;
    char xml[1024];
    int n = snprintf(xml, sizeof(xml),
                     "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
                     "<!ENTITY secret SYSTEM \"file://%s/feeds/not_xml.txt\">\n"
                     "<!ENTITY remote SYSTEM \"http://127.0.0.1:9/x\">\n]>\n"
                     "<rss><channel><title>T</title><item><title>[&secret;&remote;]</title>"
                     "</item></channel></rss>\n",
                     NB_TEST_FIXTURES);
    struct nb_feed f;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_feed_parse(&f, xml, (size_t)n, "xxe.rss", &err), NB_OK);
    assert_int_equal(f.nitems, 1);
    assert_string_equal(f.items[0].title, "[]");
    nb_feed_release(&f);
}

/* Bytes that are not the UTF-8 a feed implies (a Windows-1252 feed that
 * does not say so, or says UTF-8 wrongly): read as Windows-1252. */
static void test_windows_1252_undeclared(void **state)
{
    (void)state;
    static const char *const heads[] = {"", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"};
    for (size_t i = 0; i < 2; i++) {
        struct nb_buf b;
        nb_buf_init(&b, 0);
        nb_buf_addf(&b,
                    "%s<rss version=\"2.0\"><channel><title>Caf\xe9 news</title><item>"
                    "<title>Caf\xe9 opens \x96 at last</title><description>Open.</description>"
                    "</item></channel></rss>",
                    heads[i]);
        struct nb_feed f;
        struct nb_error err;
        nb_error_init(&err);
        assert_int_equal(nb_feed_parse(&f, b.data, b.len, "cp.rss", &err), NB_OK);
        assert_string_equal(f.title, "Caf\xc3\xa9 news");
        assert_string_equal(f.items[0].title, "Caf\xc3\xa9 opens \xe2\x80\x93 at last");
        nb_feed_release(&f);
        nb_buf_release(&b);
    }
}

static void test_many_items(void **state)
{
    (void)state;
    enum { N = 20000 };
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_buf_adds(&b, "<rss version=\"2.0\"><channel><title>Busy</title>"), NB_OK);
    for (int i = 0; i < N; i++)
        assert_int_equal(nb_buf_addf(&b,
                                     "<item><title>Item %d</title><guid>g%d</guid>"
                                     "<description>Text %d.</description></item>\n",
                                     i, i, i),
                         NB_OK);
    assert_int_equal(nb_buf_adds(&b, "</channel></rss>"), NB_OK);
    struct nb_feed f;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_feed_parse(&f, b.data, b.len, "busy.rss", &err), NB_OK);
    assert_int_equal(f.nitems, N);
    assert_string_equal(f.items[N - 1].title, "Item 19999");
    assert_string_equal(f.items[N - 1].guid, "g19999");
    assert_string_equal(f.items[N - 1].content, "Text 19999.");
    nb_feed_release(&f);
    nb_buf_release(&b);
}

static void test_dates(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        long long when; /* NB_FEED_NO_TIME: refused */
    } cases[] = {
        {"Wed, 02 Dec 2026 07:30:00 +0100", 1796193000LL},
        {"Wed, 02 Dec 2026 06:30:00 GMT", 1796193000LL},
        {"Wed, 02 Dec 2026 06:30:00 UT", 1796193000LL},
        {"Wed, 02 Dec 2026 06:30:00 Z", 1796193000LL},
        {"Wed, 02 Dec 2026 01:30:00 EST", 1796193000LL},
        {"Tue, 01 Dec 2026 22:30:00 PST", 1796193000LL},
        {"Wednesday, 2 December 2026 07:30:00 CET", 1796193000LL},
        {"02 Dec 2026 06:30 GMT", 1796193000LL},       /* no weekday, no seconds */
        {"Wed, 02 Dec 26 06:30:00 GMT", 1796193000LL}, /* two-digit year */
        {"Wed, 02 Dec 2026 08:30:00 +02:00", 1796193000LL},
        {"Wed, 02 Dec 2026 06:30:00", 1796193000LL}, /* no zone: UTC */
        {"Wed, 02 Dec 2026 06:30:00 GMT (UTC)", 1796193000LL},
        {"  Wed, 02 Dec 2026 06:30:00 gmt  ", 1796193000LL},
        {"Thu, 01 Jan 1970 00:00:00 GMT", 0},
        {"Sun, 06 Nov 94 08:49:37 GMT", 784111777LL},
        {"Tue, 29 Feb 2028 12:00:00 +0000", 1835438400LL},
        {"2026-12-02T06:30:00Z", 1796193000LL},
        {"2026-12-02t06:30:00z", 1796193000LL},
        {"2026-12-02T07:30:00+01:00", 1796193000LL},
        {"2026-12-02T01:30:00-05:00", 1796193000LL},
        {"2026-12-02T06:30:00.123456Z", 1796193000LL},
        {"2026-12-02 06:30:00Z", 1796193000LL},
        {"2026-12-02T06:30Z", 1796193000LL},
        {"2026-12-02", 1796169600LL},
        {"1969-12-31T23:00:00Z", -3600LL},
        {"", NB_FEED_NO_TIME},
        {"yesterday", NB_FEED_NO_TIME},
        {"Wed, 31 Feb 2026 07:30:00 GMT", NB_FEED_NO_TIME},
        {"Wed, 02 Foo 2026 07:30:00 GMT", NB_FEED_NO_TIME},
        {"Wed, 02 Dec 2026 25:30:00 GMT", NB_FEED_NO_TIME},
        {"Wed, 02 Dec 2026 07:30:00 XYZ", NB_FEED_NO_TIME},
        {"Wed, 02 Dec 2026 07:30:00 GMT and more", NB_FEED_NO_TIME},
        {"Blursday, 02 Dec 2026 07:30:00 GMT", NB_FEED_NO_TIME},
        {"2026-13-02T06:30:00Z", NB_FEED_NO_TIME},
        {"2026-12-02T06:30:00+25:00", NB_FEED_NO_TIME},
        {"2026-12-02T06:30:00.Z", NB_FEED_NO_TIME},
        {"2026-12-02T6:30:00Z", NB_FEED_NO_TIME},
        {"2026-12", NB_FEED_NO_TIME},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        long long when = 12345;
        nb_status rc = nb_feed_parse_date(cases[i].s, &when);
        if (cases[i].when == NB_FEED_NO_TIME) {
            if (rc != NB_EINPUT)
                fail_msg("'%s' was read as %lld", cases[i].s, when);
            assert_true(when == 12345);
        } else if (rc != NB_OK || when != cases[i].when) {
            fail_msg("'%s': status %d, %lld instead of %lld", cases[i].s, (int)rc, when,
                     cases[i].when);
        }
    }
}

static void test_sniff(void **state)
{
    (void)state;
    static const char *const feeds[] = {
        "<rss version=\"2.0\">",
        "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a > b -->\n<feed xmlns=\"x\">",
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \">\">]><rss>",
        "  \n<rdf:RDF xmlns:rdf=\"x\">",
        "<?xml version=\"1.0\"?>\n<?xml-stylesheet href=\"a.xsl\"?>\n<rss>",
        /* any other XML but XHTML is the feed reader's, to say it is none */
        "<?xml version=\"1.0\"?><feedback>",
        "<?xml version='1.0' encoding='UTF-8'?>\n<urlset xmlns=\"x\">",
    };
    static const char *const others[] = {
        "",
        "<html><body>",
        "<!DOCTYPE html><html>",
        "<rssx>",
        "<rss",
        "Tram line approved",
        "<feedback>",
        "<!-- <rss> -->",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
        "\"x.dtd\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
        "<?xml version=\"1.0\"?><HTML>",
        "<?xml version=\"1.0\"?><inventory", /* cut short */
        "<?xml-stylesheet href=\"a.xsl\"?><inventory>",
        "<inventory><shelf/></inventory>",
    };
    for (size_t i = 0; i < sizeof(feeds) / sizeof(feeds[0]); i++)
        if (!nb_feed_sniff(feeds[i], strlen(feeds[i])))
            fail_msg("'%s' does not look like a feed", feeds[i]);
    for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++)
        if (nb_feed_sniff(others[i], strlen(others[i])))
            fail_msg("'%s' looks like a feed", others[i]);
}

static void test_item_article(void **state)
{
    (void)state;
    struct nb_feed f;
    struct nb_error err;
    assert_int_equal(parse_fixture(&f, "rss2.xml", &err), NB_OK);
    struct nb_article a;
    assert_int_equal(nb_feed_item_article(&f, 0, "rss2.xml", &a, &err), NB_OK);
    assert_string_equal(a.headline, "Tram line approved after long debate");
    assert_string_equal(a.byline, "Priya Natarajan");
    assert_string_equal(a.date, "Wed, 02 Dec 2026 07:30:00 +0100");
    assert_string_equal(a.source, "https://nordwire.example/2026/12/tram");
    assert_string_equal(a.publication, "Nordwire & Partners");
    assert_string_equal(a.language, "en-gb");
    assert_int_equal(a.paragraphs.n, 3);
    assert_starts(a.paragraphs.v[0], "The city council approved a new tram line on Tuesday");
    nb_article_release(&a);

    /* no link: the source is the feed's name and the item's number */
    assert_int_equal(nb_feed_item_article(&f, 2, "rss2.xml", &a, &err), NB_OK);
    assert_string_equal(a.source, "rss2.xml#3");
    assert_null(a.byline);
    nb_article_release(&a);

    /* no title: the first ten words */
    assert_int_equal(nb_feed_item_article(&f, 3, "rss2.xml", &a, &err), NB_OK);
    assert_string_equal(a.headline, "A short note without a title or a link, about");
    nb_article_release(&a);

    nb_error_init(&err);
    assert_int_equal(nb_feed_item_article(&f, 4, "rss2.xml", &a, &err), NB_EINTERNAL);
    assert_string_equal(err.message, "no item 5 in a feed of 4");
    nb_feed_release(&f);

    static const char untold[] = "<rss><channel><item><title>Just a title</title>"
                                 "<link>https://x.example/1</link></item></channel></rss>";
    assert_int_equal(nb_feed_parse(&f, untold, sizeof(untold) - 1, "untold.rss", &err), NB_OK);
    nb_error_init(&err);
    assert_int_equal(nb_feed_item_article(&f, 0, "untold.rss", &a, &err), NB_EINPUT);
    assert_string_equal(err.file, "untold.rss");
    assert_string_equal(err.message, "item 1 ('Just a title') has no text");
    assert_null(a.headline);
    nb_feed_release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rss2),
        cmocka_unit_test(test_rss_descriptions),
        cmocka_unit_test(test_atom),
        cmocka_unit_test(test_rdf),
        cmocka_unit_test(test_empty_channel),
        cmocka_unit_test(test_not_a_feed),
        cmocka_unit_test(test_billion_laughs),
        cmocka_unit_test(test_wide_entity),
        cmocka_unit_test(test_declared_entities),
        cmocka_unit_test(test_external_entity),
        cmocka_unit_test(test_windows_1252_undeclared),
        cmocka_unit_test(test_many_items),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_item_article),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
