/* Every allocation of a read, a script, a normalise and a feed's parse
 * fails in turn: each time the call must come back with NB_ENOMEM ("out of
 * memory"), free what it had made, and not crash (the suite also runs
 * under AddressSanitizer).  The failing allocator is the linker's --wrap
 * (tests/failing_alloc.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "feed/feed.h"
#include "html/html.h"
#include "bulletin/bulletin.h"
#include "config/lexicon.h"
#include "failing_alloc.h"
#include "spoken/lexicon.h"
#include "spoken/normalise.h"
#include "support.h"
#include "text/buf.h"

/* A call under test: its status, and in *digest a hash of everything it
 * made (so that a failure it recovers from can be told from one it hides). */
typedef nb_status (*run_fn)(const void *ctx, uint64_t *digest, struct nb_error *err);

static void hash(uint64_t *h, const char *s)
{
    for (; s && *s; s++)
        *h = (*h ^ (unsigned char)*s) * 0x100000001B3ull;
    *h = (*h ^ 0xFF) * 0x100000001B3ull; /* the end of a string */
}

/* Whether `message` is, whole, one of the library's out-of-memory messages
 * (a doubled or garbled one is not). */
static int is_oom_message(const char *message)
{
    static const char *const whole[] = {"out of memory", "out of memory splitting sentences",
                                        "out of memory cleaning up the article"};
    for (size_t i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
        if (strcmp(message, whole[i]) == 0)
            return 1;
    return 0;
}

/* Runs `run` once for every allocation it makes, failing that one, and
 * once failing every allocation from that one on: it must give NB_ENOMEM,
 * or recover and make exactly what it makes without the failure; either
 * way free everything. */
static void each_allocation_fails(const char *what, run_fn run, const void *ctx)
{
    struct nb_error err;
    uint64_t want = 0, got = 0;
    nb_error_init(&err);
    if (run(ctx, &want, &err) != NB_OK) /* warm up: caches of the C library */
        fail_msg("%s: %s", what, err.message);
    nb_test_alloc_arm(-1, 0);
    nb_status rc = run(ctx, &got, &err);
    long total = nb_test_alloc_disarm();
    assert_true(got == want);
    assert_int_equal(rc, NB_OK);
    assert_true(total > 0);
    assert_int_equal(nb_test_alloc_live(), 0);
    long recovered = 0;
    for (long k = 0; k < total; k++) {
        nb_error_init(&err);
        nb_test_alloc_arm(k, 0);
        got = 0;
        rc = run(ctx, &got, &err);
        nb_test_alloc_disarm();
        if (rc == NB_OK && got != want)
            fail_msg("%s: allocation %ld of %ld failed and the call said ok, with another result",
                     what, k + 1, total);
        if (rc != NB_OK && rc != NB_ENOMEM)
            fail_msg("%s: allocation %ld of %ld failed, but the call gave status %d (%s)", what,
                     k + 1, total, (int)rc, err.message);
        if (rc == NB_ENOMEM && !is_oom_message(err.message))
            fail_msg("%s: allocation %ld of %ld: message '%s'", what, k + 1, total, err.message);
        recovered += rc == NB_OK;
        if (nb_test_alloc_live() != 0)
            fail_msg("%s: allocation %ld of %ld failed and %ld blocks were not freed", what, k + 1,
                     total, nb_test_alloc_live());
        /* and every allocation from the k-th on: nothing recovers by retrying */
        nb_error_init(&err);
        nb_test_alloc_arm(k, 1);
        got = 0;
        rc = run(ctx, &got, &err);
        nb_test_alloc_disarm();
        if (rc != NB_ENOMEM && !(rc == NB_OK && got == want))
            fail_msg("%s: allocations from %ld of %ld on failed: status %d (%s)", what, k + 1,
                     total, (int)rc, err.message);
        if (rc == NB_ENOMEM && !is_oom_message(err.message))
            fail_msg("%s: allocations from %ld of %ld on: message '%s'", what, k + 1, total,
                     err.message);
        if (nb_test_alloc_live() != 0)
            fail_msg("%s: allocations from %ld of %ld on failed and %ld blocks were not freed",
                     what, k + 1, total, nb_test_alloc_live());
    }
    print_message("%s: %ld allocations, each failed in turn (%ld recovered from)\n", what, total,
                  recovered);
}

static void hash_strv(uint64_t *h, const struct nb_strv *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        hash(h, sv->v[i]);
}

static nb_status read_article(const void *ctx, uint64_t *digest, struct nb_error *err)
{
    struct nb_article a;
    nb_status rc = nb_bulletin_read_article(&a, ctx, err);
    if (rc != NB_OK)
        return rc;
    hash(digest, a.headline);
    hash(digest, a.byline);
    hash(digest, a.date);
    hash_strv(digest, &a.paragraphs);
    hash_strv(digest, &a.sentences);
    hash_strv(digest, &a.removed);
    hash_strv(digest, &a.warnings);
    for (size_t i = 0; i < a.nquotes; i++) {
        hash(digest, a.quotes[i].text);
        hash(digest, a.quotes[i].speaker);
        hash(digest, a.quotes[i].role);
        *digest += a.quotes[i].sentence * 31u + (uint64_t)a.quotes[i].partial;
    }
    nb_article_release(&a);
    return NB_OK;
}

static void test_read(void **state)
{
    (void)state;
    static const char *const files[] = {
        NB_TEST_FIXTURES "/bulletin/articles/ferry.txt",
        NB_TEST_FIXTURES "/markdown/story.md",
        NB_TEST_FIXTURES "/cleanup/consent.txt",
        NB_TEST_FIXTURES "/cleanup/captions.txt",
        NB_TEST_FIXTURES "/cleanup/related.txt",
        NB_TEST_FIXTURES "/quotes/pronouns.txt",
        NB_TEST_FIXTURES "/quotes/continuation.txt",
        NB_TEST_FIXTURES "/quotes/nested.txt",
    };
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
        each_allocation_fails(files[i], read_article, files[i]);
}

static nb_status make_script(const void *ctx, uint64_t *digest, struct nb_error *err)
{
    struct nb_bulletin bl;
    nb_bulletin_init(&bl);
    bl.jobs = 1; /* the articles read in turn: allocations counted in order */
    nb_status rc = nb_bulletin_script(&bl, ctx, err);
    for (size_t i = 0; rc == NB_OK && i < bl.script.n; i++) {
        hash(digest, bl.script.segments[i].voice);
        hash(digest, bl.script.segments[i].text);
        hash(digest, bl.script.segments[i].spoken);
        *digest += bl.script.segments[i].story * 131u + bl.script.segments[i].kind;
    }
    nb_bulletin_release(&bl);
    return rc;
}

static void test_script(void **state)
{
    (void)state;
    each_allocation_fails("script", make_script, NB_TEST_FIXTURES "/bulletin/briefing.yaml");
}

static const char news[] =
    "On 3 March 2026 the Bank of England cut rates to 4.25% and the FTSE 100 rose 1.2%. "
    "Ms Ng paid \xc2\xa3" "2.7bn for 40% of Acme Ltd at 10.30am; the OSCE met at No. 10 "
    "Downing St. "
    "Temperatures hit -5\xc2\xb0" "C, winds 80km/h \xe2\x80\x94 see https://example.org/a?b=1 "
    "or call 020 7946 0000. Henry VIII, the 1990s, 24/7, 9/11 and 2-1 to Rovers \xf0\x9f\x8e\x89. "
    "Saoirse Ronan met Nguyen in the WHO's office [sic] <b>today</b>.";

static nb_status normalise(const void *ctx, uint64_t *digest, struct nb_error *err)
{
    (void)ctx;
    struct nb_lexicon *lex = NULL;
    const char *own = NB_DATA_DIR "/briefings/example-lexicon.yaml";
    nb_status rc = nb_lexicon_open(&lex, "en-gb", 1, NULL, &own, 1, err);
    if (rc != NB_OK)
        return rc;
    struct nb_normaliser nz = {.language = "en-gb", .lexicon = lex};
    struct nb_buf out, why;
    nb_buf_init(&out, 0);
    nb_buf_init(&why, 0);
    rc = nb_normalise_ex(news, sizeof(news) - 1, &nz, &out, &why, err);
    hash(digest, out.data);
    hash(digest, why.data);
    nb_buf_release(&out);
    nb_buf_release(&why);
    nb_lexicon_free(lex);
    return rc;
}

static void test_normalise(void **state)
{
    (void)state;
    each_allocation_fails("normalise", normalise, NULL);
}

struct feed_bytes {
    const char *name;
    char *data;
    size_t len;
};

/* A feed parsed, and each of its items made an article. */
static nb_status read_feed(const void *ctx, uint64_t *digest, struct nb_error *err)
{
    const struct feed_bytes *fb = ctx;
    struct nb_feed f;
    nb_status rc = nb_feed_parse(&f, fb->data, fb->len, fb->name, err);
    if (rc != NB_OK)
        return rc;
    hash(digest, f.title);
    hash(digest, f.link);
    hash(digest, f.language);
    for (size_t i = 0; rc == NB_OK && i < f.nitems; i++) {
        const struct nb_feed_item *it = &f.items[i];
        hash(digest, it->guid);
        hash(digest, it->title);
        hash(digest, it->link);
        hash(digest, it->date);
        hash(digest, it->author);
        hash(digest, it->content);
        *digest += (uint64_t)it->when * 7u + (uint64_t)it->summary_only;
        struct nb_article a;
        rc = nb_feed_item_article(&f, i, fb->name, &a, err);
        if (rc != NB_OK)
            break;
        hash(digest, a.headline);
        hash(digest, a.source);
        hash_strv(digest, &a.sentences);
        nb_article_release(&a);
    }
    nb_feed_release(&f);
    return rc;
}

static void test_feed(void **state)
{
    (void)state;
    static const char *const files[] = {"feeds/rss2.xml", "feeds/atom.xml", "feeds/rdf.xml"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        struct feed_bytes fb = {files[i], NULL, 0};
        fb.data = nb_test_fixture(files[i], &fb.len);
        each_allocation_fails(files[i], read_feed, &fb);
        free(fb.data);
    }
}

/* A web page read: parsed by gumbo, its body extracted, its metadata
 * read from meta tags and JSON-LD. */
static nb_status read_page(const void *ctx, uint64_t *digest, struct nb_error *err)
{
    const struct feed_bytes *pb = ctx;
    struct nb_article a;
    nb_status rc = nb_article_parse_html(&a, pb->data, pb->len, pb->name, err);
    if (rc != NB_OK)
        return rc;
    hash(digest, a.headline);
    hash(digest, a.byline);
    hash(digest, a.date);
    hash(digest, a.publication);
    hash(digest, a.language);
    hash_strv(digest, &a.sentences);
    hash_strv(digest, &a.removed);
    nb_article_release(&a);
    return NB_OK;
}

static void test_page(void **state)
{
    (void)state;
    static const char *const files[] = {"html/jsonld.html", "html/story.html", "html/koi8r.html"};
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        struct feed_bytes pb = {files[i], NULL, 0};
        pb.data = nb_test_fixture(files[i], &pb.len);
        each_allocation_fails(files[i], read_page, &pb);
        free(pb.data);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read),      cmocka_unit_test(test_script),
        cmocka_unit_test(test_normalise), cmocka_unit_test(test_feed),
        cmocka_unit_test(test_page),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
