/* test_html.c - the HTML reader: metadata, the story chosen among the page's
 * furniture, malformed pages, fragments, sniffing, and (when the shared
 * data is there) the accuracy on real news pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>

#include <cmocka.h>

#include "support.h"
#include "article/article.h"
#include "html/html.h"
#include "html/html_meta.h"
#include "text/buf.h"
#include "source/source.h"
#include "text/chars.h"

static char *fixture_path(const char *name)
{
    static char path[1024];
    snprintf(path, sizeof(path), "%s/html/%s", NB_TEST_FIXTURES, name);
    return path;
}

static nb_status read_page(struct nb_article *a, const char *name, struct nb_error *err)
{
    nb_error_init(err);
    size_t len;
    char *html = nb_test_file(fixture_path(name), &len);
    nb_status rc = nb_article_parse_html(a, html, len, fixture_path(name), err);
    free(html);
    return rc;
}

static nb_status parse_string(struct nb_article *a, const char *html, struct nb_error *err)
{
    nb_error_init(err);
    return nb_article_parse_html(a, html, strlen(html), "page.html", err);
}

static int has_string(const struct nb_strv *sv, const char *s)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], s) == 0)
            return 1;
    return 0;
}

/* Whether any string of sv holds `needle`. */
static int any_holds(const struct nb_strv *sv, const char *needle)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strstr(sv->v[i], needle))
            return 1;
    return 0;
}

/* ---- metadata -------------------------------------------------------------- */

static void test_headline_precedence(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    /* og:title first, the site's name taken off */
    assert_int_equal(read_page(&a, "meta-og.html", &err), NB_OK);
    assert_string_equal(a.headline, "Harbour tunnel opens on time");
    assert_string_equal(a.publication, "Nordwire");
    assert_string_equal(a.language, "en");
    /* the h1 that is the story's is not the body's first paragraph again */
    assert_int_equal(a.paragraphs.n, 1);
    nb_article_release(&a);

    /* then the <h1> that matches the title, not the logo's */
    assert_int_equal(read_page(&a, "meta-h1.html", &err), NB_OK);
    assert_string_equal(a.headline, "Harbour tunnel opens to traffic");
    assert_null(a.publication);
    assert_null(a.language);
    assert_false(has_string(&a.paragraphs, "Harbour tunnel opens to traffic"));
    nb_article_release(&a);

    /* then <title>, the site's name (og:site_name) taken off the front */
    assert_int_equal(read_page(&a, "meta-title.html", &err), NB_OK);
    assert_string_equal(a.headline, "Harbour tunnel opens to traffic");
    nb_article_release(&a);
}

static void test_site_names(void **state)
{
    (void)state;
    static const struct {
        const char *title, *site, *want;
    } cases[] = {
        {"Headline of the day | Nordwire", "Nordwire", "Headline of the day"},
        {"Headline of the day - Nordwire", "Nordwire", "Headline of the day"},
        {"Nordwire \xe2\x80\x94 Headline of the day", "Nordwire", "Headline of the day"},
        {"Headline of the day | World | The Nordwire", "Nordwire", "Headline of the day | World"},
        {"Headline of the day - BBC News", NULL, "Headline of the day"},
        {"Opinion | Why the tram line is a good idea", NULL, "Why the tram line is a good idea"},
        {"Rangers 2-1 Celtic: the match report", NULL, "Rangers 2-1 Celtic: the match report"},
        {"Tunnel opens - at last", NULL, "Tunnel opens - at last"},
        {"No separator here", "Nordwire", "No separator here"},
        {"Climate crisis - Time to act | TIME", "TIME", "Climate crisis - Time to act"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = nb_html_strip_site(cases[i].title, cases[i].site);
        assert_non_null(got);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("'%s' (site %s): got '%s', want '%s'", cases[i].title,
                     cases[i].site ? cases[i].site : "none", got, cases[i].want);
        free(got);
    }
}

static void test_jsonld(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(read_page(&a, "jsonld.html", &err), NB_OK);
    assert_string_equal(a.headline, "Ferry strike ends after three days");
    assert_string_equal(a.byline, "Ingrid Solberg and Tom Ellis");
    assert_string_equal(a.date, "2025-03-14T07:15:00+01:00");
    assert_string_equal(a.publication, "Fjord Times");
    assert_string_equal(a.language, "nb-NO");
    assert_int_equal(a.paragraphs.n, 2);
    nb_article_release(&a);

    /* meta tags: article:published_time, author (not an address) */
    assert_int_equal(parse_string(&a,
                                  "<html lang=de><head>"
                                  "<meta name=author content='https://example.org/me'>"
                                  "<meta name=byl content='By Anna Berg'>"
                                  "<meta name=date content='2024-01-02'>"
                                  "<meta property='article:published_time' content='2024-01-03'>"
                                  "<meta name=date content='0001-01-01T00:00:00Z'>"
                                  "<title>Bridge closed | Nordwire</title></head><body>"
                                  "<p>The bridge was closed on Monday for repairs, the city said, "
                                  "and will reopen in spring.</p></body></html>",
                                  &err),
                     NB_OK);
    assert_string_equal(a.byline, "Anna Berg");
    assert_string_equal(a.date, "2024-01-03");
    assert_string_equal(a.language, "de");
    assert_string_equal(a.headline, "Bridge closed");
    nb_article_release(&a);
}

/* ---- the body ------------------------------------------------------------------ */

static void test_story_among_furniture(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    assert_int_equal(read_page(&a, "story.html", &err), NB_OK);
    assert_string_equal(a.headline, "Tram line approved after late-night vote");
    assert_string_equal(a.byline, "Priya Natarajan");
    assert_string_equal(a.date, "2025-02-04T09:30:00Z");
    assert_string_equal(a.publication, "Nordwire");
    assert_string_equal(a.language, "en-GB");
    static const char *const want[] = {
        "The city council approved a new tram line on Tuesday night, linking the old port to "
        "the airport after a debate that lasted almost six hours.",
        "The line, which will cost an estimated 1.2 billion euros, is the largest transport "
        "project in the city for a generation, officials said.",
        /* a block quote, in quotation marks for the quote stage */
        "\xe2\x80\x9cIt is the biggest decision this council has taken in twenty "
        "years.\xe2\x80\x9d",
        "Opponents argued that the money would be better spent on buses, which carry more "
        "passengers, and on repairing the roads in the outer districts.",
        "What happens next",
        "Construction is due to begin in May, and the first trams are expected to run in 2029. "
        "The council listed the stops it has agreed so far:",
        /* a list inside the story: a paragraph an item */
        "Old Port, by the ferry terminal",
        "Central Station, on the north side",
        "Airport, at the new terminal",
        "The costs are shared between the city and the region, as the table below shows.",
        /* a table inside the story: a paragraph a row */
        "Payer; Share",
        "City; 60 per cent",
        "Region; 40 per cent",
        "The mayor said she expected the first contracts to be signed before the summer, once "
        "the final design is approved.",
    };
    size_t n = sizeof(want) / sizeof(want[0]);
    for (size_t i = 0; i < n && i < a.paragraphs.n; i++)
        assert_string_equal(a.paragraphs.v[i], want[i]);
    assert_int_equal(a.paragraphs.n, n);
    /* the furniture is out of the story and listed as removed, in order */
    static const char *const furniture[] = {
        "We use cookies to improve your experience on our site.", /* cookie banner */
        "News",                                                   /* navigation */
        "By Priya Natarajan",                                     /* byline */
        "Share on Facebook Share on Twitter",                     /* share bar */
        "A tram at the depot in the old port. Photo: Nordwire",   /* caption */
        "Related stories",
        "Bus fares to rise in April", /* related links */
        "Great news, about time the city did something for commuters who have waited for "
        "years!",                                        /* comments */
        "Storm warning for the coast tonight",           /* aside */
        "\xc2\xa9 2025 Nordwire. All rights reserved.",  /* footer */
        "Please enable JavaScript to see the comments.", /* noscript */
    };
    size_t at = 0;
    for (size_t i = 0; i < sizeof(furniture) / sizeof(furniture[0]); i++) {
        assert_false(any_holds(&a.paragraphs, furniture[i]));
        while (at < a.removed.n && strcmp(a.removed.v[at], furniture[i]) != 0)
            at++;
        if (at == a.removed.n)
            fail_msg("'%s' not listed as removed (in order)", furniture[i]);
    }
    /* the headline is neither story nor furniture; code is never text */
    assert_false(has_string(&a.removed, a.headline));
    assert_false(any_holds(&a.paragraphs, "never read"));
    assert_false(any_holds(&a.removed, "never read"));
    assert_false(any_holds(&a.paragraphs, "JavaScript"));
    assert_false(any_holds(&a.paragraphs, "Accept all cookies"));
    assert_int_equal(a.nquotes, 0); /* quotes are the next stage's */
    assert_true(a.sentences.n >= a.paragraphs.n);
    nb_article_release(&a);
}

static void test_htm_extension_and_source(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("html_ext");
    char path[1024];
    snprintf(path, sizeof(path), "%s/page.HTM.htm", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("<!doctype html><title>Short story here | Site</title><p>A sentence of the story, long "
          "enough "
          "to read as prose.</p>",
          f);
    fclose(f);
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_source_read_article(&a, path, &err), NB_OK);
    assert_string_equal(a.source, path);
    assert_string_equal(a.headline, "Short story here");
    assert_int_equal(a.paragraphs.n, 1);
    nb_article_release(&a);
    free(dir);
}

static void test_encodings(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    /* not UTF-8: Windows-1252, with a warning */
    assert_int_equal(read_page(&a, "cp1252.html", &err), NB_OK);
    assert_string_equal(a.headline, "Le caf\xc3\xa9 rouvre ses portes");
    assert_non_null(strstr(a.paragraphs.v[0], "\xc2\xab"
                                              "C\xe2\x80\x99"
                                              "est un soulagement"));
    assert_int_equal(a.warnings.n, 1);
    nb_article_release(&a);
    /* another charset the page declares */
    assert_int_equal(read_page(&a, "koi8r.html", &err), NB_OK);
    assert_string_equal(a.headline, "\xd0\x9c\xd0\xbe\xd1\x81\xd1\x82 \xd0\xbe\xd1\x82\xd0\xba"
                                    "\xd1\x80\xd1\x8b\xd1\x82");
    assert_string_equal(a.language, "ru");
    assert_int_equal(a.warnings.n, 0);
    nb_article_release(&a);
}

/* ---- failures and malformed pages ------------------------------------------- */

static void test_no_article(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    char msg[2048], want[2048];
    static const char *const pages[] = {"links-only.html", "empty.html"};
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(read_page(&a, pages[i], &err), NB_EINPUT);
        snprintf(want, sizeof(want),
                 "%s: no article text in the page (only menus, links or nothing)",
                 fixture_path(pages[i]));
        assert_string_equal(nb_error_format(&err, msg, sizeof(msg)), want);
        nb_article_release(&a); /* left released: safe again */
    }
    /* nothing at all, and bytes that are not text */
    assert_int_equal(parse_string(&a, "", &err), NB_EINPUT);
    assert_string_equal(err.file, "page.html");
    nb_error_init(&err);
    assert_int_equal(nb_article_parse_html(&a, "<p>a\0b</p>", 10, "bin.html", &err), NB_EINPUT);
    assert_string_equal(err.file, "bin.html");
    /* short lines only: menus, no prose */
    assert_int_equal(parse_string(&a, "<title>T</title><div>Home</div><div>News</div>", &err),
                     NB_EINPUT);
    assert_non_null(strstr(err.message, "no article text in the page"));
}

/* A page without a story still has short lines that the extraction can
 * choose (a cookie notice, "Subscribe to read on."): they are not an
 * article, whatever the elements around them are called. */
static void test_no_prose(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    char msg[2048], want[2048];
    assert_int_equal(read_page(&a, "notices-only.html", &err), NB_EINPUT);
    snprintf(want, sizeof(want),
             "%s: no paragraph of prose in the page (only short lines such as menus, links or "
             "notices)",
             fixture_path("notices-only.html"));
    assert_string_equal(nb_error_format(&err, msg, sizeof(msg)), want);
    nb_article_release(&a);
    /* a short story is one: a sentence of six words, a long line, a
     * paragraph of Chinese */
    static const char *const stories[] = {
        "<title>Ferries</title><p>The island ferry will not sail on Sunday.</p>",
        "<title>Ferries</title><p>Island ferry timetable for the winter months, from the first "
        "of November to the end of March, with the Sunday sailings and the extra boats at "
        "Easter</p>",
        "<title>\xe6\xb8\xa1\xe8\xbd\xae</title><p>"
        "\xe6\xb8\xa1\xe8\xbd\xae\xe5\x85\xac\xe5\x8f\xb8\xe5\x91\xa8\xe4"
        "\xb8\x80\xe8\xa1\xa8\xe7\xa4\xba\xef\xbc\x8c\xe5\x86\xac\xe5\xad"
        "\xa3\xe7\x8f\xad\xe6\xac\xa1\xe5\xb0\x86\xe4\xba\x8e\xe5\x8d\x81"
        "\xe4\xb8\x80\xe6\x9c\x88\xe5\xbc\x80\xe5\xa7\x8b\xe8\xbf\x90\xe8"
        "\xa1\x8c\xef\xbc\x8c\xe5\x91\xa8\xe6\x97\xa5\xe8\x88\xaa\xe7\x8f"
        "\xad\xe6\x9a\x82\xe5\x81\x9c\xef\xbc\x8c\xe7\x9b\xb4\xe5\x88\xb0"
        "\xe6\x98\x8e\xe5\xb9\xb4\xe4\xb8\x89\xe6\x9c\x88\xe5\xba\x95\xe6"
        "\x81\xa2\xe5\xa4\x8d\xe6\xad\xa3\xe5\xb8\xb8\xe3\x80\x82\xe4\xb9"
        "\x98\xe5\xae\xa2\xe5\x8f\xaf\xe4\xbb\xa5\xe5\x9c\xa8\xe7\xa0\x81"
        "\xe5\xa4\xb4\xe5\x94\xae\xe7\xa5\xa8\xe5\xa4\x84\xe6\x88\x96\xe8"
        "\x80\x85\xe5\x85\xac\xe5\x8f\xb8\xe7\xbd\x91\xe7\xab\x99\xe4\xb8"
        "\x8a\xe6\x9f\xa5\xe8\xaf\xa2\xe6\x96\xb0\xe7\x9a\x84\xe6\x97\xb6"
        "\xe5\x88\xbb\xe8\xa1\xa8\xef\xbc\x8c\xe4\xb9\x9f\xe5\x8f\xaf\xe4"
        "\xbb\xa5\xe6\x8b\xa8\xe6\x89\x93\xe6\x9c\x8d\xe5\x8a\xa1\xe7\x94"
        "\xb5\xe8\xaf\x9d\xe5\x92\xa8\xe8\xaf\xa2\xe3\x80\x82"
        "</p>",
    };
    for (size_t i = 0; i < sizeof(stories) / sizeof(stories[0]); i++) {
        nb_error_init(&err);
        if (parse_string(&a, stories[i], &err) != NB_OK)
            fail_msg("story %zu refused: %s", i, err.message);
        assert_true(a.paragraphs.n >= 1);
        nb_article_release(&a);
    }
}

static void test_malformed(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    /* unclosed tags, stray end tags, overlapping formatting, text after </html> */
    assert_int_equal(read_page(&a, "malformed.html", &err), NB_OK);
    assert_string_equal(a.headline, "Storm closes the coast road");
    assert_string_equal(a.paragraphs.v[0], "A storm closed the coast road on Sunday night, "
                                           "leaving three villages cut off until the "
                                           "morning, police said.");
    assert_true(has_string(&a.paragraphs, "Wind speed; 120 km/h"));
    assert_true(any_holds(&a.paragraphs, "strongest of the winter so far & warned"));
    nb_article_release(&a);

    static const char *const shapes[] = {
        "<div>",     "<b>",          "<table><tr><td>",
        "<span><p>", "<a href=x>",   "<font color=red>",
        "<ul><li>",  "<blockquote>", "<div></span>",
        "<svg><g>",
    };
    const char *prose = "<p>Deep inside the page sits one paragraph of prose, long enough "
                        "to be read as the story.</p>";
    for (size_t s = 0; s < sizeof(shapes) / sizeof(shapes[0]); s++) {
        size_t sl = strlen(shapes[s]), levels = 100000;
        struct nb_buf page;
        nb_buf_init(&page, 0);
        assert_int_equal(nb_buf_adds(&page, "<!doctype html><title>Deep</title><body>"), 0);
        for (size_t i = 0; i < levels; i++)
            assert_int_equal(nb_buf_add(&page, shapes[s], sl), 0);
        assert_int_equal(nb_buf_adds(&page, prose), 0);
        nb_error_init(&err);
        nb_status rc = nb_article_parse_html(&a, page.data, page.len, "deep.html", &err);
        assert_true(rc == NB_OK || rc == NB_EINPUT);
        if (rc == NB_OK) {
            assert_string_equal(a.headline, "Deep");
            nb_article_release(&a);
        }
        nb_buf_release(&page);
    }
    /* the common case, 100000 nested divisions, still finds the story */
    struct nb_buf page;
    nb_buf_init(&page, 0);
    for (size_t i = 0; i < 100000; i++)
        assert_int_equal(nb_buf_adds(&page, "<div>"), 0);
    assert_int_equal(nb_buf_adds(&page, prose), 0);
    for (size_t i = 0; i < 100000; i++)
        assert_int_equal(nb_buf_adds(&page, "</div>"), 0);
    assert_int_equal(nb_article_parse_html(&a, page.data, page.len, "deep.html", &err), NB_OK);
    assert_int_equal(a.paragraphs.n, 1);
    assert_non_null(strstr(a.paragraphs.v[0], "Deep inside the page"));
    nb_article_release(&a);
    nb_buf_release(&page);

    /* cut short anywhere: inside a tag, an attribute, a comment, a script */
    static const char *const cut[] = {
        "<p>One sentence of the story that goes on for a while.</p><div class=\"x",
        "<p>One sentence of the story that goes on for a while.</p><!-- never closed",
        "<p>One sentence of the story that goes on for a while.</p><script>var a = '</p>",
        "<p>One sentence of the story that goes on for a while.</p><p>And &#x",
        "<p>One sentence of the story that goes on for a while.</p><",
    };
    for (size_t i = 0; i < sizeof(cut) / sizeof(cut[0]); i++) {
        assert_int_equal(parse_string(&a, cut[i], &err), NB_OK);
        assert_string_equal(a.paragraphs.v[0],
                            "One sentence of the story that goes on for a while.");
        nb_article_release(&a);
    }
}

static void test_removed_is_capped(void **state)
{
    (void)state;
    struct nb_buf page;
    nb_buf_init(&page, 0);
    assert_int_equal(nb_buf_adds(&page, "<title>Menus</title><nav><ul>"), 0);
    for (int i = 0; i < 5000; i++)
        assert_int_equal(nb_buf_addf(&page, "<li><a href=/%d>Section number %d</a></li>", i, i), 0);
    assert_int_equal(nb_buf_adds(&page, "</ul></nav><article><p>The story itself, one sentence "
                                        "long but long enough to count as prose.</p></article>"),
                     0);
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_article_parse_html(&a, page.data, page.len, "menus.html", &err), NB_OK);
    assert_int_equal(a.paragraphs.n, 1);
    assert_true(a.removed.n > 100);
    assert_true(a.removed.n <= 1000);
    nb_article_release(&a);
    nb_buf_release(&page);
}

/* ---- fragments and sniffing --------------------------------------------------------- */

static void test_fragment(void **state)
{
    (void)state;
    struct nb_article a;
    struct nb_error err;
    size_t len;
    char *html = nb_test_fixture("html/fragment.html", &len);
    nb_error_init(&err);
    assert_int_equal(
        nb_article_parse_html_fragment(&a, html, len, "Council votes for tram", "feed.xml#3", &err),
        NB_OK);
    assert_string_equal(a.headline, "Council votes for tram");
    assert_string_equal(a.source, "feed.xml#3");
    static const char *const want[] = {
        "The council met on Tuesday and voted for the plan, which will cost \xc2\xa3"
        "1.2bn.",
        "The mayor said the vote was a good one. Work starts in May.",
        "\xe2\x80\x9cWe will build it on time.\xe2\x80\x9d",
        "First stop: the port",
        "Last stop: the airport",
    };
    assert_int_equal(a.paragraphs.n, 5);
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(a.paragraphs.v[i], want[i]);
    assert_false(any_holds(&a.paragraphs, "trackView"));
    assert_false(any_holds(&a.paragraphs, "Councillors voting"));
    assert_true(has_string(&a.removed, "Councillors voting on Tuesday."));
    assert_true(has_string(&a.removed, "Enable JavaScript to see the video."));
    nb_article_release(&a);
    free(html);

    /* plain text: paragraphs between blank lines, references decoded */
    html = nb_test_fixture("html/fragment.txt", &len);
    assert_int_equal(nb_article_parse_html_fragment(&a, html, len, "Council votes", NULL, &err),
                     NB_OK);
    assert_null(a.source);
    assert_int_equal(a.paragraphs.n, 3);
    assert_string_equal(a.paragraphs.v[0], "The council met on Tuesday & voted for the plan.");
    assert_string_equal(a.paragraphs.v[1], "The mayor said the vote was a good one.");
    assert_string_equal(a.paragraphs.v[2], "Work starts in May.");
    nb_article_release(&a);
    free(html);

    /* the headline repeated as the first block is not a paragraph */
    const char *dup = "<h2>Council votes</h2><p>It voted for the plan on Tuesday evening.</p>";
    assert_int_equal(
        nb_article_parse_html_fragment(&a, dup, strlen(dup), "Council votes", "f", &err), NB_OK);
    assert_int_equal(a.paragraphs.n, 1);
    nb_article_release(&a);

    /* no text */
    const char *empty = "<img src=x.jpg><script>x()</script>";
    assert_int_equal(
        nb_article_parse_html_fragment(&a, empty, strlen(empty), "Nothing", "feed.xml#4", &err),
        NB_EINPUT);
    assert_string_equal(err.file, "feed.xml#4");
    assert_non_null(strstr(err.message, "no article text"));
}

static void test_sniff(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int want;
    } cases[] = {
        {"<!DOCTYPE html><html>", 1},
        {"<!doctype HTML>", 1},
        {"\xef\xbb\xbf  \n<html lang=en>", 1},
        {"<!-- saved from url -->\n<!-- x -->\r\n<HTML>", 1},
        {"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">", 1},
        {"<html>", 1},
        {"<htmlx>", 0},
        {"Headline\n\n<html> in text", 0},
        {"<?xml version=\"1.0\"?><rss version=\"2.0\">", 0},
        {"<!-- never closed <html>", 0},
        {"<p>a fragment</p>", 0},
        {"", 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        if (nb_html_sniff(cases[i].s, strlen(cases[i].s)) != cases[i].want)
            fail_msg("sniff '%s': want %d", cases[i].s, cases[i].want);
}

/* ---- accuracy on real pages -------------------------------------------------------- */

/* The benchmark's metric (bench/html.py): lower-cased word tokens (letters,
 * digits, '_'), 4-gram shingles compared as sets.  Shingles are hashed. */
struct shingles {
    uint64_t *v;
    size_t n, alloc; /* open addressing, alloc a power of two */
};

static void sh_add(struct shingles *s, uint64_t h)
{
    if (h == 0)
        h = 1;
    if ((s->n + 1) * 2 > s->alloc) {
        struct shingles bigger = {calloc(s->alloc ? s->alloc * 2 : 1024, 8), 0,
                                  s->alloc ? s->alloc * 2 : 1024};
        assert_non_null(bigger.v);
        for (size_t i = 0; i < s->alloc; i++)
            if (s->v[i])
                sh_add(&bigger, s->v[i]);
        free(s->v);
        *s = bigger;
    }
    size_t i = (size_t)(h * 0x9E3779B97F4A7C15ull) & (s->alloc - 1);
    while (s->v[i] && s->v[i] != h)
        i = (i + 1) & (s->alloc - 1);
    if (!s->v[i]) {
        s->v[i] = h;
        s->n++;
    }
}

static int sh_has(const struct shingles *s, uint64_t h)
{
    if (h == 0)
        h = 1;
    if (!s->alloc)
        return 0;
    size_t i = (size_t)(h * 0x9E3779B97F4A7C15ull) & (s->alloc - 1);
    while (s->v[i]) {
        if (s->v[i] == h)
            return 1;
        i = (i + 1) & (s->alloc - 1);
    }
    return 0;
}

static void shingle(const char *text, struct shingles *out)
{
    uint64_t tok[4] = {0};
    size_t ntok = 0, len = strlen(text), i = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = nb_char_at(text, len, i, &n);
        if (!(nb_char_is_word(cp) || cp == '_')) {
            i += n;
            continue;
        }
        uint64_t h = 1469598103934665603ull;
        while (i < len) {
            cp = nb_char_at(text, len, i, &n);
            if (!(nb_char_is_word(cp) || cp == '_'))
                break;
            h = (h ^ nb_char_lower(cp)) * 1099511628211ull;
            i += n;
        }
        tok[0] = tok[1];
        tok[1] = tok[2];
        tok[2] = tok[3];
        tok[3] = h;
        if (++ntok >= 4)
            sh_add(out, ((tok[0] * 31 + tok[1]) * 31 + tok[2]) * 31 + tok[3]);
    }
    if (ntok > 0 && ntok < 4) /* a text of fewer tokens is one shingle */
        sh_add(out, ((tok[0] * 31 + tok[1]) * 31 + tok[2]) * 31 + tok[3]);
}

static double f1_score(const char *pred, const char *gold)
{
    struct shingles p = {0}, g = {0};
    shingle(pred, &p);
    shingle(gold, &g);
    double f1;
    if (!p.n && !g.n) {
        f1 = 1.0;
    } else if (!p.n || !g.n) {
        f1 = 0.0;
    } else {
        size_t tp = 0;
        for (size_t i = 0; i < p.alloc; i++)
            tp += p.v[i] && sh_has(&g, p.v[i]);
        double prec = (double)tp / (double)p.n, rec = (double)tp / (double)g.n;
        f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0.0;
    }
    free(p.v);
    free(g.v);
    return f1;
}

static void test_accuracy_on_news_pages(void **state)
{
    (void)state;
    if (!nb_test_shared_exists("boilerplate/aeb"))
        skip();
    const char *dir = NB_TEST_SHARED "/data/boilerplate/aeb";
    char path[2048];
    snprintf(path, sizeof(path), "%s/html", dir);
    DIR *dh = opendir(path);
    if (!dh)
        skip();
    double sum = 0;
    int pages = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (nl < 9 || strcmp(e->d_name + nl - 8, ".html.gz") != 0)
            continue;
        char gold_path[2048];
        snprintf(gold_path, sizeof(gold_path), "%s/gold/%.*s.txt", dir, (int)(nl - 8), e->d_name);
        FILE *gf = fopen(gold_path, "r");
        if (!gf)
            continue;
        fclose(gf);
        snprintf(path, sizeof(path), "%s/html/%s", dir, e->d_name);
        char *const argv[] = {"/bin/sh", "-c", "exec gzip -dc -- \"$1\"", "sh", path, NULL};
        char *html = NULL;
        assert_int_equal(nb_test_run(argv, NULL, &html, NULL), 0);
        size_t glen;
        char *gold = nb_test_file(gold_path, &glen);
        struct nb_article a;
        struct nb_error err;
        nb_error_init(&err);
        double f1 = 0.0;
        if (nb_article_parse_html(&a, html, strlen(html), e->d_name, &err) == NB_OK) {
            struct nb_buf body;
            nb_buf_init(&body, 0);
            for (size_t i = 0; i < a.paragraphs.n; i++)
                assert_int_equal(nb_buf_addf(&body, "%s\n", a.paragraphs.v[i]), 0);
            f1 = f1_score(body.data, gold);
            nb_buf_release(&body);
            nb_article_release(&a);
        }
        sum += f1;
        pages++;
        free(html);
        free(gold);
    }
    closedir(dh);
    if (pages == 0)
        skip();
    double mean = sum / pages;
    print_message("html: mean shingle F1 %.3f over %d news pages\n", mean, pages);
    assert_true(pages >= 90);
    assert_true(mean >= 0.965); /* bench/html.py measures 0.98 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_headline_precedence),
        cmocka_unit_test(test_site_names),
        cmocka_unit_test(test_jsonld),
        cmocka_unit_test(test_story_among_furniture),
        cmocka_unit_test(test_htm_extension_and_source),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_no_article),
        cmocka_unit_test(test_no_prose),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_removed_is_capped),
        cmocka_unit_test(test_fragment),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_accuracy_on_news_pages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
