/* test_sentences.c - the sentence splitter (text/sentences.h).
 *
 * Fixtures: tests/fixtures/sentences/<case>.txt with <case>.expected beside
 * it, one expected sentence a line.  The Golden Rules test reads the shared
 * data set when it is present and skips otherwise.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"
#include "text/buf.h"
#include "text/calendar.h"
#include "text/chars.h"
#include "text/file.h"
#include "text/sentences.h"
#include "text/strv.h"

static const char *const fixture_cases[] = {
    "titles",  "companies",   "numbers",    "places",      "times",         "initials",
    "inside",  "ellipsis",    "quotes",     "quote_multi", "missing_space", "lists",
    "bullets", "parentheses", "paragraphs", "headlines",   "exclaim",       "unicode",
};

/* Splits text and fails the test on any error. */
static void split_ok(const char *text, size_t len, struct nb_strv *out)
{
    struct nb_error err;
    nb_error_init(&err);
    nb_strv_init(out);
    assert_int_equal(nb_sentences_split(text, len, out, &err), NB_OK);
}

/* Checks every invariant a span list must keep for text[0..len). */
static void check_spans(const char *text, size_t len, const struct nb_spanv *sv)
{
    size_t prev_end = 0;
    for (size_t i = 0; i < sv->n; i++) {
        size_t s = sv->v[i].start, e = sv->v[i].end;
        assert_true(s < e);
        assert_true(e <= len);
        assert_true(s >= prev_end);
        /* never inside a multi-byte sequence */
        assert_true(((unsigned char)text[s] & 0xC0) != 0x80);
        assert_true(e == len || ((unsigned char)text[e] & 0xC0) != 0x80);
        /* trimmed of ASCII whitespace */
        assert_null(strchr(" \t\n\r", text[s]));
        assert_null(strchr(" \t\n\r", text[e - 1]));
        prev_end = e;
    }
}

static void test_fixtures(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof(fixture_cases) / sizeof(fixture_cases[0]); c++) {
        char path[256];
        size_t len, elen;
        snprintf(path, sizeof(path), "sentences/%s.txt", fixture_cases[c]);
        char *text = nb_test_fixture(path, &len);
        snprintf(path, sizeof(path), "sentences/%s.expected", fixture_cases[c]);
        char *expected = nb_test_fixture(path, &elen);

        struct nb_strv got;
        split_ok(text, len, &got);
        size_t i = 0;
        for (char *line = expected; *line;) {
            char *nl = strchr(line, '\n');
            size_t l = nl ? (size_t)(nl - line) : strlen(line);
            if (l > 0) {
                if (i >= got.n)
                    fail_msg("%s: sentence %zu missing: expected '%.*s'", fixture_cases[c], i + 1,
                             (int)l, line);
                if (strlen(got.v[i]) != l || memcmp(got.v[i], line, l) != 0)
                    fail_msg("%s: sentence %zu: expected '%.*s', got '%s'", fixture_cases[c], i + 1,
                             (int)l, line, got.v[i]);
                i++;
            }
            line += l + (nl ? 1 : 0);
        }
        if (i != got.n)
            fail_msg("%s: %zu sentences expected, got %zu (extra: '%s')", fixture_cases[c], i,
                     got.n, got.v[i]);

        struct nb_spanv spans;
        nb_spanv_init(&spans);
        assert_int_equal(nb_sentences_spans(text, len, &spans, NULL), NB_OK);
        assert_int_equal(spans.n, got.n);
        check_spans(text, len, &spans);
        nb_spanv_release(&spans);
        nb_strv_release(&got);
        free(text);
        free(expected);
    }
}

static void test_empty_and_blank(void **state)
{
    (void)state;
    struct nb_spanv sv;
    nb_spanv_init(&sv);
    assert_int_equal(nb_sentences_spans("", 0, &sv, NULL), NB_OK);
    assert_int_equal(nb_sentences_spans(NULL, 0, &sv, NULL), NB_OK);
    const char *blank = "   \n\t\n \xC2\xA0 \n\n  ";
    assert_int_equal(nb_sentences_spans(blank, strlen(blank), &sv, NULL), NB_OK);
    assert_int_equal(sv.n, 0);
    nb_spanv_release(&sv);

    struct nb_strv out;
    split_ok(blank, strlen(blank), &out);
    assert_int_equal(out.n, 0);
    nb_strv_release(&out);
}

static void test_no_final_punctuation(void **state)
{
    (void)state;
    struct nb_strv out;
    const char *t = "  The count goes on into the night  ";
    split_ok(t, strlen(t), &out);
    assert_int_equal(out.n, 1);
    assert_string_equal(out.v[0], "The count goes on into the night");
    nb_strv_release(&out);

    t = "Polls have closed. The count goes on";
    split_ok(t, strlen(t), &out);
    assert_int_equal(out.n, 2);
    assert_string_equal(out.v[1], "The count goes on");
    nb_strv_release(&out);
}

static void test_single_newline_is_space(void **state)
{
    (void)state;
    struct nb_strv out;
    const char *t = "The minister said the\nreview would report in\nMarch. It did not.";
    split_ok(t, strlen(t), &out);
    assert_int_equal(out.n, 2);
    assert_string_equal(out.v[0], "The minister said the review would report in March.");
    nb_strv_release(&out);

    /* a blank line ends a sentence even without punctuation */
    t = "The minister said the\n\nreview would report";
    split_ok(t, strlen(t), &out);
    assert_int_equal(out.n, 2);
    nb_strv_release(&out);

    /* CR LF line ends make blank lines too */
    t = "First part\r\n\r\nSecond part.";
    split_ok(t, strlen(t), &out);
    assert_int_equal(out.n, 2);
    assert_string_equal(out.v[0], "First part");
    nb_strv_release(&out);
}

static void test_long_runs(void **state)
{
    (void)state;
    const size_t big = (size_t)1 << 20;
    char *t = malloc(big + 1);
    assert_non_null(t);
    struct nb_spanv sv;
    nb_spanv_init(&sv);

    /* 1 MB of words without punctuation: one sentence */
    for (size_t i = 0; i < big; i++)
        t[i] = (i % 6 == 5) ? ' ' : 'w';
    assert_int_equal(nb_sentences_spans(t, big, &sv, NULL), NB_OK);
    assert_int_equal(sv.n, 1);
    assert_int_equal(sv.v[0].start, 0);
    check_spans(t, big, &sv);
    sv.n = 0;

    /* one 1 MB word */
    memset(t, 'x', big);
    assert_int_equal(nb_sentences_spans(t, big, &sv, NULL), NB_OK);
    assert_int_equal(sv.n, 1);
    assert_int_equal(sv.v[0].end, big);
    sv.n = 0;

    /* pathological runs must stay linear: dots, brackets, quotes */
    const char *const units[] = {"a.", "(", "\"'", "\xE2\x80\x9C", ". ", "U.S. ", "1. "};
    for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
        size_t ul = strlen(units[u]), n = 0;
        while (n + ul <= big) {
            memcpy(t + n, units[u], ul);
            n += ul;
        }
        assert_int_equal(nb_sentences_spans(t, n, &sv, NULL), NB_OK);
        check_spans(t, n, &sv);
        sv.n = 0;
    }
    nb_spanv_release(&sv);
    free(t);
}

static void test_invalid_arguments(void **state)
{
    (void)state;
    struct nb_error err;
    nb_error_init(&err);
    struct nb_spanv sv;
    nb_spanv_init(&sv);
    assert_int_equal(nb_sentences_spans(NULL, 5, &sv, &err), NB_EINTERNAL);
    assert_string_equal(err.message, "sentences: no text or no output given");
    assert_int_equal(nb_sentences_spans("A.", 2, NULL, &err), NB_EINTERNAL);
    assert_int_equal(nb_sentences_split("A.", 2, NULL, NULL), NB_EINTERNAL);
    struct nb_strv out;
    nb_strv_init(&out);
    assert_int_equal(nb_sentences_split(NULL, 3, &out, NULL), NB_EINTERNAL);
    assert_int_equal(out.n, 0);
    nb_spanv_release(&sv);
}

static void test_positions_and_appending(void **state)
{
    (void)state;
    const char *t = "\n  “Où est-il?” a-t-elle demandé.  Il est parti…  Ça suffit！次は？\n";
    size_t len = strlen(t);
    struct nb_spanv sv;
    nb_spanv_init(&sv);
    assert_int_equal(nb_sentences_spans(t, len, &sv, NULL), NB_OK);
    check_spans(t, len, &sv);
    assert_int_equal(sv.n, 4);
    assert_memory_equal(t + sv.v[0].start, "\xE2\x80\x9C", 3);   /* starts at the quote */
    assert_memory_equal(t + sv.v[3].end - 3, "\xEF\xBC\x9F", 3); /* ends after the ？ */

    /* a second call appends */
    assert_int_equal(nb_sentences_spans(t, len, &sv, NULL), NB_OK);
    assert_int_equal(sv.n, 8);
    assert_int_equal(sv.v[4].start, sv.v[0].start);
    nb_spanv_release(&sv);

    struct nb_strv out;
    split_ok("One. Two.", 9, &out);
    assert_int_equal(nb_sentences_split("Three.", 6, &out, NULL), NB_OK);
    assert_int_equal(out.n, 3);
    assert_string_equal(out.v[2], "Three.");
    assert_null(out.v[3]);
    nb_strv_release(&out);
}

static void test_collapse_space(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_buf_adds(&b, "["), 0);
    const char *t = " \t The  vote\n\nwas\xC2\xA0"
                    "close \n";
    assert_int_equal(nb_text_collapse_space(t, strlen(t), &b), 0);
    assert_string_equal(b.data, "[The vote was close");
    nb_buf_reset(&b);
    assert_int_equal(nb_text_collapse_space("   ", 3, &b), 0);
    assert_string_equal(b.data, "");
    nb_buf_release(&b);

    /* over the cap: fails and leaves the buffer as it was */
    nb_buf_init(&b, 4);
    assert_int_equal(nb_buf_adds(&b, "ab"), 0);
    assert_int_equal(nb_text_collapse_space("cdefgh", 6, &b), NB_ENOMEM);
    assert_string_equal(b.data, "ab");
    nb_buf_release(&b);
}

static void test_abbreviation_table(void **state)
{
    (void)state;
    /* every kind of entry is found, so the table is sorted as bsearch wants */
    static const char *const known[] = {
        "Mr", "Mrs.", "Dr",   "Prof", "Gen", "Lt",        "Col",    "St",    "Inc",  "Corp",
        "No", "Jan",  "a.m.", "p.m",  "e.g", "i.e.",      "approx", "apr",   "appx", "apt",
        "vs", "etc",  "Ltd",  "Sept", "Rev", "n\xC2\xB0", "viz",    "a.k.a", "Co",   "Messrs",
    };
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (!nb_sentences_abbreviation(known[i], strlen(known[i])))
            fail_msg("'%s' not found", known[i]);
    assert_false(nb_sentences_abbreviation("vote", 4));
    assert_false(nb_sentences_abbreviation("", 0));
    assert_false(nb_sentences_abbreviation(NULL, 3));
}

static void test_month_abbreviations(void **state)
{
    (void)state;
    /* the splitter looks up no word longer than the longest of them, nor
     * one whose first letter none of them has */
    for (size_t m = 0; m < 12; m++)
        for (size_t k = 0; k < 3 && nb_calendar_en.month_abbrevs[m][k]; k++) {
            char w[16];
            snprintf(w, sizeof(w), "%s.", nb_calendar_en.month_abbrevs[m][k]);
            w[0] = (char)nb_ascii_upper((unsigned char)w[0]);
            if (!nb_sentences_abbreviation(w, strlen(w)))
                fail_msg("'%s' not found", w);
        }
    assert_false(nb_sentences_abbreviation("May.", 4));
    assert_false(nb_sentences_abbreviation("September.", 10));
}

/* A small deterministic generator: no global state. */
static uint32_t next_rand(uint32_t *s)
{
    *s = *s * 1664525u + 1013904223u;
    return *s >> 8;
}

static void test_random_text_invariants(void **state)
{
    (void)state;
    static const char *const tokens[] = {
        "word",
        "Vote",
        " ",
        " ",
        ".",
        ". ",
        "!",
        "?",
        "\n",
        "\n\n",
        "\"",
        "'",
        "(",
        ")",
        "[1]",
        "U.S.",
        "Mr.",
        "1.",
        "a)",
        "...",
        ". . .",
        "\xE2\x80\xA6",
        "\xE2\x80\x9C",
        "\xE2\x80\x9D",
        "\xE2\x80\x99",
        "\xC3\xA9",
        "\xE2\x80\xA2",
        "\xE3\x80\x82",
        "3.5",
        "--",
        "\xE2\x80\x94",
        "\t",
        "e.g.",
        "p.m.",
        "www.x.Co",
        "a@b.Cd",
    };
    const size_t ntok = sizeof(tokens) / sizeof(tokens[0]);
    uint32_t seed = 12345;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    struct nb_spanv sv;
    nb_spanv_init(&sv);
    for (int round = 0; round < 3000; round++) {
        nb_buf_reset(&b);
        size_t n = next_rand(&seed) % 60;
        for (size_t i = 0; i < n; i++)
            assert_int_equal(nb_buf_adds(&b, tokens[next_rand(&seed) % ntok]), 0);
        sv.n = 0;
        assert_int_equal(nb_sentences_spans(b.data, b.len, &sv, NULL), NB_OK);
        check_spans(b.data, b.len, &sv);
        struct nb_strv out;
        split_ok(b.data, b.len, &out);
        assert_int_equal(out.n, sv.n);
        nb_strv_release(&out);
    }
    /* bytes that are not UTF-8 must not trip the splitter either */
    static const char *const bad[] = {"\xE2\x80", "\xFF", "\x80", "\xC3", ". ", "A", "\n\n", "\""};
    for (int round = 0; round < 1000; round++) {
        nb_buf_reset(&b);
        size_t n = next_rand(&seed) % 40;
        for (size_t i = 0; i < n; i++)
            assert_int_equal(nb_buf_adds(&b, bad[next_rand(&seed) % 8]), 0);
        sv.n = 0;
        assert_int_equal(nb_sentences_spans(b.data, b.len, &sv, NULL), NB_OK);
        for (size_t i = 0; i < sv.n; i++)
            assert_true(sv.v[i].start < sv.v[i].end && sv.v[i].end <= b.len);
    }
    nb_spanv_release(&sv);
    nb_buf_release(&b);
}

/* Undoes the TSV escapes \\ \t \n \r in place; returns the new length. */
static size_t tsv_unescape(char *s, size_t len)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len) {
            char c = s[++i];
            s[o++] = c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
        } else {
            s[o++] = s[i];
        }
    }
    return o;
}

static void test_golden_rules(void **state)
{
    (void)state;
    if (!nb_test_shared_exists("sentences"))
        skip();
    const char *path = NB_TEST_SHARED "/data/sentences/golden_rules_en.tsv";
    struct nb_buf file;
    struct nb_error err;
    nb_buf_init(&file, 0);
    if (nb_file_read(path, 0, &file, &err) != NB_OK) {
        nb_buf_release(&file);
        skip();
    }
    int cases = 0, passed = 0;
    char *p = file.data, *end = file.data + file.len;
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        if (le > p && le[-1] == '\r')
            le--;
        if (*p != '#' && le > p) {
            /* fields: id, in_pysbd48, options, text, expected... */
            char *field[64];
            size_t flen[64], nf = 0;
            for (char *f = p; nf < 64;) {
                char *tab = memchr(f, '\t', (size_t)(le - f));
                char *fe = tab ? tab : le;
                field[nf] = f;
                flen[nf] = tsv_unescape(f, (size_t)(fe - f));
                nf++;
                if (!tab)
                    break;
                f = tab + 1;
            }
            assert_true(nf >= 5);
            cases++;
            struct nb_strv got;
            split_ok(field[3], flen[3], &got);
            int ok = got.n == nf - 4;
            for (size_t i = 4; ok && i < nf; i++) {
                struct nb_buf want;
                nb_buf_init(&want, 0);
                assert_int_equal(nb_text_collapse_space(field[i], flen[i], &want), 0);
                ok = strcmp(got.v[i - 4], want.data) == 0;
                nb_buf_release(&want);
            }
            if (ok)
                passed++;
            else
                print_message("golden rule %.*s failed\n", (int)flen[0], field[0]);
            nb_strv_release(&got);
        }
        p = nl ? nl + 1 : end;
    }
    nb_buf_release(&file);
    print_message("golden rules: %d/%d passed\n", passed, cases);
    assert_int_equal(cases, 52);
    assert_true(passed >= 51);
}

static void test_sentence_ends(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int want;
    } cases[] = {
        {"The vote was held.", 1},       {"Was it?", 1},
        {"He said \"Go.\"", 1},          {"She said: \xE2\x80\x9CNo.\xE2\x80\x9D  ", 1},
        {"(See below.)", 1},             {"It went on\xE2\x80\xA6", 1},
        {"\xC2\xAB" "Fin.\xC2\xBB", 1},      {"*Bold claim.*", 1},
        {"Home | News | Sport", 0},      {"Picture: Getty Images", 0},
        {"", 0},                         {"\"\"", 0},
        {"Ends with a colon:", 0},       {"Number 3", 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
        if (nb_sentence_ends(cases[i].s, strlen(cases[i].s)) != cases[i].want)
            fail_msg("case %zu '%s': want %d", i, cases[i].s, cases[i].want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_ends),
        cmocka_unit_test(test_fixtures),
        cmocka_unit_test(test_empty_and_blank),
        cmocka_unit_test(test_no_final_punctuation),
        cmocka_unit_test(test_single_newline_is_space),
        cmocka_unit_test(test_long_runs),
        cmocka_unit_test(test_invalid_arguments),
        cmocka_unit_test(test_positions_and_appending),
        cmocka_unit_test(test_collapse_space),
        cmocka_unit_test(test_abbreviation_table),
        cmocka_unit_test(test_month_abbreviations),
        cmocka_unit_test(test_random_text_invariants),
        cmocka_unit_test(test_golden_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
