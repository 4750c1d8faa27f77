/* test_wordset.c - word sets and their index give exactly the answers of
 * comparing texts word by word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "summary/summary.h"
#include "summary/wordset.h"
#include "text/buf.h"

/* ---- the reference: the comparison summary.c made before word sets ---- */

static int ref_equal(const char *a, size_t alen, const char *b, size_t blen)
{
    if (alen != blen)
        return 0;
    for (size_t i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y - 'A' + 'a');
        if (x != y)
            return 0;
    }
    return 1;
}

static int ref_contains(const char *text, const char *w, size_t wlen)
{
    size_t pos = 0, start, len;
    while ((len = nb_wordset_next_word(text, &pos, &start)))
        if (ref_equal(text + start, len, w, wlen))
            return 1;
    return 0;
}

static int ref_seen_before(const char *text, size_t start, size_t len)
{
    size_t pos = 0, s, l;
    while ((l = nb_wordset_next_word(text, &pos, &s)) && s < start)
        if (ref_equal(text + s, l, text + start, len))
            return 1;
    return 0;
}

static double ref_similarity(const char *a, const char *b)
{
    size_t na = 0, nb = 0, common = 0, pos = 0, start, len;
    while ((len = nb_wordset_next_word(a, &pos, &start))) {
        if (ref_seen_before(a, start, len))
            continue;
        na++;
        common += ref_contains(b, a + start, len);
    }
    pos = 0;
    while ((len = nb_wordset_next_word(b, &pos, &start)))
        nb += !ref_seen_before(b, start, len);
    size_t all = na + nb - common;
    return all ? (double)common / (double)all : 0.0;
}

static void set_make(struct nb_wordset *w, const char *text)
{
    assert_int_equal(nb_wordset_make(w, text), NB_OK);
}

/* ---- words ---------------------------------------------------------- */

static size_t words_in(const char *text)
{
    struct nb_wordset w;
    set_make(&w, text);
    size_t n = w.n;
    nb_wordset_release(&w);
    return n;
}

static void test_words(void **state)
{
    (void)state;
    assert_int_equal(words_in(""), 0);
    assert_int_equal(words_in(" ,.;!? -- ... "), 0);
    assert_int_equal(words_in("The the THE tHe"), 1);
    assert_int_equal(words_in("a b c a b c"), 3);
    assert_int_equal(words_in("4.6% rise in 2026"), 5); /* 4, 6, rise, in, 2026 */
    assert_int_equal(words_in("don't"), 2);             /* don, t */
    /* non-ASCII letters are word bytes, compared as they are */
    assert_int_equal(words_in("café Café"), 1);
    assert_int_equal(words_in("café CAFÉ"), 2);
    assert_int_equal(words_in("naïve Zürich"), 2);
    /* typographic quotes, dashes and the ellipsis are punctuation */
    assert_int_equal(words_in("“fix the foundations”—said…she"), 5);
    assert_int_equal(words_in("\xE2\x80"), 0); /* a cut-off sequence at the end */

    struct nb_wordset w;
    set_make(&w, "Storm STORM storm");
    assert_int_equal(w.n, 1);
    assert_int_equal(w.words[0].len, 5);
    assert_memory_equal(w.words[0].text, "storm", 5);
    nb_wordset_release(&w);
    nb_wordset_release(&w); /* released twice: still empty */
    assert_null(w.words);
}

/* Texts whose pairs hold every case the word definition has. */
static const char *const texts[] = {
    "",
    "   ",
    "...",
    "Storm Bert floods Wales",
    "storm bert floods wales.",
    "STORM, Bert; floods: Wales!",
    "Rail fares rise",
    "Rail fares rise, rise, rise by 4.6% in March",
    "the the the the",
    "The Chancellor, Ms Reeves, has defended the budget — saying it will “fix the foundations”.",
    "Ms Reeves defended the budget, saying it will fix the foundations",
    "The borrower's daughter found it in the loft 🎉 and paid the fine of £1.",
    "borrower s daughter found loft 🎉 paid fine £1",
    "café Café CAFÉ naïve Zürich zürich",
    "Cafe cafe naive Zurich",
    "über Über uber",
    "A–B A-B A—B A…B",
    "x1 X1 1x 1X 12 012",
    "\xE2\x80\x9CQuoted\xE2\x80\x9D words \xE2\x80\x94 and more\xE2\x80",
    "tab\tand\nnewline\rwords",
    "one",
    "One one ONE two",
};

static void test_same_as_word_by_word(void **state)
{
    (void)state;
    size_t n = sizeof(texts) / sizeof(texts[0]);
    struct nb_wordset sets[sizeof(texts) / sizeof(texts[0])];
    for (size_t i = 0; i < n; i++)
        set_make(&sets[i], texts[i]);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double want = ref_similarity(texts[i], texts[j]);
            double got = nb_wordset_similarity(&sets[i], &sets[j]);
            if (got != want)
                fail_msg("'%s' vs '%s': %.17g, word by word %.17g", texts[i], texts[j], got, want);
            assert_true(nb_summary_similarity(texts[i], texts[j]) == want);
            assert_true(got == nb_wordset_similarity(&sets[j], &sets[i]));
        }
    for (size_t i = 0; i < n; i++)
        nb_wordset_release(&sets[i]);
    assert_true(nb_summary_similarity("", "") == 0.0);
    assert_true(nb_summary_similarity("Storm Bert", "storm bert") == 1.0);
}

/* A deterministic stream of numbers (an LCG), so failures repeat. */
static uint32_t next_random(uint64_t *seed)
{
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*seed >> 33);
}

/* Words of every kind; a text picks among them with a skew towards the
 * first, as news prose uses "the" more than "Pontypridd". */
static const char *const vocab[] = {
    "the",    "The",      "a",       "of",         "to",        "in",        "and",       "said",
    "was",    "on",       "for",     "storm",      "Storm",     "rail",      "fares",     "budget",
    "homes",  "Wales",    "floods",  "2026",       "4.6%",      "£1",        "café",      "CAFÉ",
    "naïve",  "Zürich",   "“quote”", "—",          "…",         "don't",     "it's",      "x1",
    "X1",     "minister", "council", "Pontypridd", "evacuated", "overnight", "Met",       "Office",
    "rain",   "Sunday",   "jobs",    "cost",       "tunnel",    "harbour",   "fisheries", "Arctic",
    "chip",   "deal",     "clinic",  "evening",    "winner",    "late",      "planet",    "water",
    "vapour", "fog",      "snow",    "freezing",   "🎉",         ",",         ".",         "!",
};

static void random_text(struct nb_buf *b, uint64_t *seed, size_t words)
{
    size_t nv = sizeof(vocab) / sizeof(vocab[0]);
    nb_buf_reset(b);
    assert_int_equal(nb_buf_adds(b, ""), NB_OK);
    for (size_t i = 0; i < words; i++) {
        uint32_t r = next_random(seed);
        size_t k = (size_t)(r % nv);
        if (r & 0x10000) /* skewed: half the time among the first tenth */
            k %= nv / 10 + 1;
        assert_int_equal(nb_buf_adds(b, vocab[k]), NB_OK);
        assert_int_equal(nb_buf_addc(b, (r & 0x20000) ? ' ' : ','), NB_OK);
    }
}

static void test_random_pairs(void **state)
{
    (void)state;
    uint64_t seed = 14;
    struct nb_buf a, b;
    nb_buf_init(&a, 0);
    nb_buf_init(&b, 0);
    for (int round = 0; round < 3000; round++) {
        random_text(&a, &seed, next_random(&seed) % 40);
        random_text(&b, &seed, next_random(&seed) % 40);
        struct nb_wordset wa, wb;
        set_make(&wa, a.data);
        set_make(&wb, b.data);
        double want = ref_similarity(a.data, b.data);
        if (nb_wordset_similarity(&wa, &wb) != want)
            fail_msg("'%s' vs '%s'", a.data, b.data);
        assert_true(nb_summary_similarity(a.data, b.data) == want);
        nb_wordset_release(&wa);
        nb_wordset_release(&wb);
    }
    nb_buf_release(&a);
    nb_buf_release(&b);
}

/* Two words with one hash are still two words: sets compare by bytes when
 * hashes tie. */
static void test_hash_ties(void **state)
{
    (void)state;
    struct nb_wordset_word one[] = {{7, "bert", 4}, {7, "rail", 4}, {9, "wales", 5}};
    struct nb_wordset_word two[] = {{7, "fare", 4}, {7, "rail", 4}, {9, "wales", 5}};
    struct nb_wordset a = {one, 3, NULL}, b = {two, 3, NULL};
    assert_int_equal(nb_wordset_common(&a, &b), 2);
    assert_true(nb_wordset_similarity(&a, &b) == 2.0 / 4.0);

    /* in an index, the shared list of hash 7 finds b for a */
    struct nb_wordset_index x;
    nb_wordset_index_init(&x, 0.5);
    struct nb_wordset copy = {malloc(sizeof(two)), 3, NULL}; /* owned by the index */
    assert_non_null(copy.words);
    memcpy(copy.words, two, sizeof(two));
    assert_int_equal(nb_wordset_index_add(&x, &copy), NB_OK);
    assert_int_equal(copy.n, 0);
    assert_int_equal(nb_wordset_index_has_alike(&x, &a), 1);
    nb_wordset_index_release(&x);
}

/* ---- the index ------------------------------------------------------ */

/* Whether some set of sets[0..n) is at least `t` alike to w, by comparing
 * with every one. */
static int any_alike(const struct nb_wordset *sets, size_t n, const struct nb_wordset *w, double t)
{
    for (size_t i = 0; i < n; i++)
        if (nb_wordset_similarity(w, &sets[i]) >= t)
            return 1;
    return 0;
}

/* Many texts, a third of them an earlier one changed a little: the index
 * answers as comparing with every set does, for every threshold. */
static void test_index_same_as_every_pair(void **state)
{
    (void)state;
    static const double thresholds[] = {0.5, 0.3, 0.75, 1.0, 0.01, 0.0, -1.0, 1.5};
    enum { N = 600 };
    uint64_t seed = 2026;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    char **text = calloc(N, sizeof(*text));
    assert_non_null(text);
    for (size_t i = 0; i < N; i++) {
        uint32_t r = next_random(&seed);
        if (i > 0 && r % 3 == 0) { /* an earlier text with a few words more */
            nb_buf_reset(&b);
            assert_int_equal(nb_buf_adds(&b, text[r % i]), NB_OK);
            struct nb_buf more;
            nb_buf_init(&more, 0);
            random_text(&more, &seed, next_random(&seed) % 12);
            assert_int_equal(nb_buf_adds(&b, more.data), NB_OK);
            nb_buf_release(&more);
        } else {
            random_text(&b, &seed, 5 + next_random(&seed) % 50);
        }
        text[i] = nb_strdup(b.data);
        assert_non_null(text[i]);
    }
    size_t nt = sizeof(thresholds) / sizeof(thresholds[0]);
    for (size_t k = 0; k < nt; k++) {
        struct nb_wordset_index x;
        struct nb_wordset *all = calloc(N, sizeof(*all));
        assert_non_null(all);
        nb_wordset_index_init(&x, thresholds[k]);
        size_t hits = 0;
        for (size_t i = 0; i < N; i++) {
            struct nb_wordset w, kept;
            set_make(&w, text[i]);
            set_make(&kept, text[i]);
            int found = nb_wordset_index_has_alike(&x, &w);
            if (found != any_alike(all, i, &w, thresholds[k]))
                fail_msg("threshold %g, text %zu: index %d", thresholds[k], i, found);
            hits += (size_t)found;
            assert_int_equal(nb_wordset_index_add(&x, &w), NB_OK);
            assert_null(w.words);
            nb_wordset_release(&w);
            all[i] = kept;
        }
        assert_int_equal(x.n, N);
        if (thresholds[k] == 0.5)
            assert_true(hits > N / 4 && hits < N); /* the test tells something */
        for (size_t i = 0; i < N; i++)
            nb_wordset_release(&all[i]);
        free(all);
        nb_wordset_index_release(&x);
    }
    for (size_t i = 0; i < N; i++)
        free(text[i]);
    free(text);
    nb_buf_release(&b);
}

static void test_index_edges(void **state)
{
    (void)state;
    struct nb_wordset_index x, any;
    struct nb_wordset w, empty, again, one;
    nb_wordset_index_init(&x, 0.5);
    nb_wordset_index_init(&any, 0.0);
    set_make(&w, "Storm Bert floods Wales");
    set_make(&empty, "");
    /* an empty index holds nothing alike, at any threshold */
    assert_int_equal(nb_wordset_index_has_alike(&x, &w), 0);
    assert_int_equal(nb_wordset_index_has_alike(&any, &w), 0);
    /* an empty set is 0 alike to anything, itself included */
    assert_int_equal(nb_wordset_index_add(&x, &empty), NB_OK);
    assert_int_equal(nb_wordset_index_has_alike(&x, &w), 0);
    assert_int_equal(nb_wordset_index_has_alike(&x, &empty), 0);
    set_make(&one, "");
    assert_int_equal(nb_wordset_index_add(&any, &one), NB_OK);
    assert_int_equal(nb_wordset_index_has_alike(&any, &empty), 1); /* 0 >= 0 */
    set_make(&again, "storm, bert -- floods; wales");
    assert_int_equal(nb_wordset_index_add(&x, &again), NB_OK);
    assert_int_equal(x.n, 2);
    assert_int_equal(nb_wordset_index_has_alike(&x, &w), 1);
    nb_wordset_index_release(&x);
    nb_wordset_index_release(&x); /* released twice: still empty */
    assert_true(x.at_least == 0.5);
    nb_wordset_index_release(&any);

    /* at 1.0 only the same words; above 1, nothing */
    static const double strict[] = {1.0, 1.01};
    for (size_t k = 0; k < 2; k++) {
        nb_wordset_index_init(&x, strict[k]);
        set_make(&again, "wales floods bert storm");
        assert_int_equal(nb_wordset_index_add(&x, &again), NB_OK);
        assert_int_equal(nb_wordset_index_has_alike(&x, &w), k == 0);
        nb_wordset_index_release(&x);
    }
    nb_wordset_release(&w);
    nb_wordset_release(&empty);
}

/* nb_wordset_has() finds what reading the text word by word finds, in any
 * ASCII case, and nothing else. */
static void test_has(void **state)
{
    (void)state;
    struct nb_wordset w;
    set_make(&w, "Sales rose at Café Zürich");
    assert_true(nb_wordset_has(&w, "SALES", 5));
    assert_true(nb_wordset_has(&w, "zürich", 7));
    assert_true(nb_wordset_has(&w, "café", 5));
    assert_false(nb_wordset_has(&w, "CAFÉ", 5)); /* non-ASCII bytes as they are */
    assert_false(nb_wordset_has(&w, "sale", 4));
    assert_false(nb_wordset_has(&w, "", 0));
    nb_wordset_release(&w);
    set_make(&w, "");
    assert_false(nb_wordset_has(&w, "a", 1));
    nb_wordset_release(&w);
    uint64_t seed = 7;
    for (int round = 0; round < 50; round++) {
        struct nb_buf a, b;
        nb_buf_init(&a, 0);
        nb_buf_init(&b, 0);
        random_text(&a, &seed, 30);
        random_text(&b, &seed, 30);
        set_make(&w, a.data);
        size_t pos = 0, start, len;
        while ((len = nb_wordset_next_word(b.data, &pos, &start)))
            assert_int_equal(nb_wordset_has(&w, b.data + start, len),
                             ref_contains(a.data, b.data + start, len));
        nb_wordset_release(&w);
        nb_buf_release(&a);
        nb_buf_release(&b);
    }
}

/* A set of thousands of words (more than are read on the stack, and more
 * buckets than the sort counts on the stack): each distinct word once, in
 * the set's order, and every one found. */
static void test_many_words(void **state)
{
    (void)state;
    struct nb_buf text;
    nb_buf_init(&text, 0);
    for (unsigned i = 0; i < 3000; i++) /* 2,000 distinct, the first 1,000 twice */
        assert_int_equal(nb_buf_addf(&text, "%sW%u ", i % 2 ? "" : "x", i % 2000), NB_OK);
    struct nb_wordset w;
    set_make(&w, text.data);
    assert_int_equal(w.n, 2000);
    for (size_t i = 1; i < w.n; i++) {
        const struct nb_wordset_word *a = &w.words[i - 1], *b = &w.words[i];
        assert_true(
            a->hash < b->hash ||
            (a->hash == b->hash &&
             (a->len < b->len || (a->len == b->len && memcmp(a->text, b->text, a->len) < 0))));
    }
    size_t pos = 0, start, len;
    while ((len = nb_wordset_next_word(text.data, &pos, &start)))
        assert_true(nb_wordset_has(&w, text.data + start, len));
    assert_false(nb_wordset_has(&w, "w2000", 5));
    nb_wordset_release(&w);
    nb_buf_release(&text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_words),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_same_as_word_by_word),
        cmocka_unit_test(test_random_pairs),
        cmocka_unit_test(test_hash_ties),
        cmocka_unit_test(test_index_same_as_every_pair),
        cmocka_unit_test(test_index_edges),
        cmocka_unit_test(test_has),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
