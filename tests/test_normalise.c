/* test_normalise.c - the spoken form of written news text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "spoken/lexicon.h"
#include "spoken/lang.h"
#include "spoken/normalise.h"
#include "support.h"

static char *norm(const char *text, const char *language);

/* Normalises each line of DIR/NAME.txt for `language` and compares it
 * with the same line of DIR/EXPECTED.expected. */
static void check_fixture_in(const char *dir, const char *name, const char *expected,
                             const char *language)
{
    char in_path[256], want_path[256];
    snprintf(in_path, sizeof(in_path), "%s/%s.txt", dir, name);
    snprintf(want_path, sizeof(want_path), "%s/%s.expected", dir, expected);
    char *in = nb_test_fixture(in_path, NULL);
    char *want = nb_test_fixture(want_path, NULL);
    char *in_line = in, *want_line = want;
    unsigned line = 1;
    while (*in_line) {
        char *in_end = strchr(in_line, '\n');
        char *want_end = strchr(want_line, '\n');
        if (!in_end || !want_end)
            fail_msg("%s line %u: input and expected files differ in length", name, line);
        struct nb_buf out;
        struct nb_error err;
        nb_buf_init(&out, 0);
        nb_error_init(&err);
        assert_int_equal(nb_normalise(in_line, (size_t)(in_end - in_line), language, &out, &err),
                         NB_OK);
        *want_end = '\0';
        if (strcmp(out.data, want_line) != 0)
            fail_msg("%s line %u (%s):\n  got  '%s'\n  want '%s'", name, line, language, out.data,
                     want_line);
        nb_buf_release(&out);
        in_line = in_end + 1;
        want_line = want_end + 1;
        line++;
    }
    assert_string_equal(want_line, "");
    free(in);
    free(want);
}

static void check_fixture_as(const char *name, const char *expected, const char *language)
{
    check_fixture_in("script/normalise", name, expected, language);
}

static void check_fixture(const char *name, const char *language)
{
    check_fixture_as(name, name, language);
}

/* One fixture per class of rule, each with what en-gb and en-us say. */
static void check_both(const char *name)
{
    char want[128];
    snprintf(want, sizeof(want), "%s.en-gb", name);
    check_fixture_as(name, want, "en-gb");
    check_fixture_as(name, want, NULL);
    snprintf(want, sizeof(want), "%s.en-us", name);
    check_fixture_as(name, want, "en-us");
    check_fixture_as(name, want, "en_US");
}

/* Written forms of news copy that were misread: a decade cut from its
 * "s", unit rates, º for the degree sign, years with an era, North
 * American and freephone numbers, a spaced dash between two years. */
static void test_news_forms(void **state)
{
    (void)state;
    check_fixture_in("normalise", "news", "news.en-gb", "en-gb");
    check_fixture_in("normalise", "news", "news.en-us", "en-us");
}

/* What the rules above must leave alone. */
static void test_news_forms_not(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"It took 30 s.", "It took thirty s."},        /* no decade without four digits */
        {"Mix 5 l/2 parts.", "Mix five l/two parts."}, /* no rate without a unit */
        {"AD 79 BC", "A-D seventy nine BC"},           /* one era per year */
        {"ADs 790", "A-D's seven hundred and ninety"},
        {"1 800 MIGRANTS", "one eight hundred MIGRANTS"}, /* letters only when hyphened */
        {"the 2019 - 2 lead", "the twenty nineteen, two lead"},
        {"1945 - 1939", "nineteen forty five, nineteen thirty nine"},
        {"Part 2 - 5 things", "Part two, five things"},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        char *s = norm(cases[k][0], "en-gb");
        if (strcmp(s, cases[k][1]) != 0)
            fail_msg("'%s': got '%s', want '%s'", cases[k][0], s, cases[k][1]);
        free(s);
    }
}

/* Most words no rule can start at go through as they are, decided from
 * their letters and the byte after them (normalise.c plain_word_end()):
 * the rules that start at a word or just after one still read it. */
static void test_plain_words(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"see you in march 3, or may 2010", "see you in March third, or may twenty ten"},
        {"it was etc, and so on", "it was et cetera, and so on"},
        {"go to bbc.co.uk. Then read www.bbc.co.uk, or write to me@example.com now",
         "go to bbc dot co dot uk. Then read W-W-W dot bbc dot co dot uk, or write to me at "
         "example dot com now"},
        {"Mr Smith, Dr Jones and Prof Brian Cox met at 10 Downing St.",
         "Mister Smith, Doctor Jones and Professor Brian Cox met at ten Downing Street."},
        {"the covid-19 rules and/or w/ friends", "the Covid nineteen rules and or with friends"},
        {"Henry VIII, Elizabeth II and World War II",
         "Henry the eighth, Elizabeth the second and World War two"},
        {"the UN, Nato and NATO", "the U-N, Nato and Nato"},
        {"in AD 79 and 44 BC", "in A-D seventy nine and forty four B-C"},
        {"US$5, C$10 and A$1bn",
         "five US dollars, ten Canadian dollars and one billion Australian dollars"},
        {"approx 5 people, e.g. three, vs four",
         "approximately five people, for example three, versus four"},
        {"he said: Q3 and Jan. 5 in q3", "he said: the third quarter and January fifth in q3"},
        {"No. 10 and no 7, Ms Smith", "number ten and no seven, Miz Smith"},
        {"the tv and iPhone (in London) \xe2\x80\x99quote\xe2\x80\x99 said",
         "the T-V and iPhone (in London) \xe2\x80\x99quote\xe2\x80\x99 said"},
        {"http: and https://bbc.co.uk/news.", "http: and bbc dot co dot uk slash news."},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        char *s = norm(cases[k][0], "en-gb");
        if (strcmp(s, cases[k][1]) != 0)
            fail_msg("'%s': got '%s', want '%s'", cases[k][0], s, cases[k][1]);
        free(s);
    }
}

static void test_numbers(void **state)
{
    (void)state;
    check_both("numbers");
}

static void test_money(void **state)
{
    (void)state;
    check_both("money");
}

static void test_units(void **state)
{
    (void)state;
    check_both("units");
}

static void test_times(void **state)
{
    (void)state;
    check_both("times");
}

static void test_dates(void **state)
{
    (void)state;
    check_both("dates");
}

static void test_words(void **state)
{
    (void)state;
    check_both("words");
}

static void test_symbols(void **state)
{
    (void)state;
    check_both("symbols");
}

/* Each change is explained with the rule that made it. */
static void test_explain(void **state)
{
    (void)state;
    struct nb_buf out, why;
    nb_buf_init(&out, 0);
    nb_buf_init(&why, 0);
    struct nb_normaliser nz = {.language = "en-gb", .lexicon = NULL};
    const char *text = "Ms Patel paid \xc2\xa3" "2.7bn for OSCE talks.";
    assert_int_equal(nb_normalise_ex(text, strlen(text), &nz, &out, &why, NULL), NB_OK);
    assert_string_equal(out.data, "Miz Patel paid two point seven billion pounds for O-S-C-E talks.");
    assert_string_equal(why.data,
                        "\"Ms\" -> \"Miz\" (abbreviation)\n"
                        "\"\xc2\xa3" "2.7bn\" -> \"two point seven billion pounds\" (money)\n"
                        "\"OSCE\" -> \"O-S-C-E\" (initialism)\n");
    nb_buf_release(&out);
    nb_buf_release(&why);
}

/* A sports story reads "2-0" as a score wherever it stands, in a quote
 * without sports words too; elsewhere it is "two to zero". */
static void test_sports_story(void **state)
{
    (void)state;
    const char *quote = "It finished 2-0 in the end.";
    struct nb_buf out;
    nb_buf_init(&out, 0);
    struct nb_normaliser nz = {.language = "en-gb", .lexicon = NULL, .sports = 0};
    assert_int_equal(nb_normalise_ex(quote, strlen(quote), &nz, &out, NULL, NULL), NB_OK);
    assert_string_equal(out.data, "It finished two to zero in the end.");
    nb_buf_reset(&out);
    nz.sports = 1;
    assert_int_equal(nb_normalise_ex(quote, strlen(quote), &nz, &out, NULL, NULL), NB_OK);
    assert_string_equal(out.data, "It finished two nil in the end.");
    nb_buf_release(&out);
    const char *lead = "Rovers beat City in the league on Saturday.";
    assert_true(nb_normalise_sports(lead, strlen(lead), "en-gb"));
    assert_false(nb_normalise_sports(quote, strlen(quote), "en-gb"));
    assert_false(nb_normalise_sports(lead, strlen(lead), "de"));
}

/* The lexicon comes before every rule; the briefing's beats the shipped. */
static void test_lexicon_first(void **state)
{
    (void)state;
    struct nb_lexicon *lex = nb_lexicon_new();
    assert_non_null(lex);
    assert_int_equal(nb_lexicon_add(lex, "OSCE", "oss-kee", 0, NB_LEXICON_SHIPPED, "a:1", NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "Nguyen", "Win", 0, NB_LEXICON_SHIPPED, "a:2", NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "nguyen", "New-yen", 0, NB_LEXICON_BRIEFING, "b:1", NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "Saoirse", "s'3:S@", NB_LEXICON_PHONEMES, 0, "a:3", NULL), NB_OK);
    assert_int_equal(nb_lexicon_add(lex, "Mc", "Mac", NB_LEXICON_PARTIAL | NB_LEXICON_CASE, 0, NULL, NULL), NB_OK);
    struct nb_normaliser nz = {.language = "en-gb", .lexicon = lex};
    struct nb_buf out, why;
    nb_buf_init(&out, 0);
    nb_buf_init(&why, 0);
    const char *text = "OSCE envoy Nguyen met Saoirse McDonald and OSCEs.";
    assert_int_equal(nb_normalise_ex(text, strlen(text), &nz, &out, &why, NULL), NB_OK);
    assert_string_equal(out.data, "oss-kee envoy New-yen met [[s'3:S@]] MacDonald and O-S-C-E's.");
    assert_non_null(strstr(why.data, "\"Nguyen\" -> \"New-yen\" (lexicon b:1)"));
    nb_buf_release(&out);
    nb_buf_release(&why);
    nb_lexicon_free(lex);
}

/* Article text never yields characters the synthesiser could take for
 * markup or phoneme input. */
static void test_no_markup_out(void **state)
{
    (void)state;
    const char *text = "<speak><voice gender=\"female\">x</voice> [[h@l'oU]] a & b &lt; &copy; "
                       "<audio src=\"$(rm -rf ~)\"/> 3 < 4 > 2 AT&T [sic]";
    char *s = norm(text, "en-gb");
    assert_null(strpbrk(s, "<>&[]"));
    free(s);
}

static void test_english_fixture(void **state)
{
    (void)state;
    check_fixture("en-gb", "en-gb");
    check_fixture_as("en-gb", "en-gb.en-us", "en-us");
    check_fixture("en-gb", "en");
    check_fixture("en-gb", "EN_gb");
    check_fixture("en-gb", NULL);
}

static void test_other_language_fixture(void **state)
{
    (void)state;
    check_fixture("other", "fr");
    check_fixture("other", "de-de");
    check_fixture("other", "eng"); /* not English: "en" is only a prefix of a tag */
}

static char *norm(const char *text, const char *language)
{
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_error_init(&err);
    assert_int_equal(nb_normalise(text, strlen(text), language, &out, &err), NB_OK);
    return nb_buf_detach(&out, NULL);
}

static void test_whitespace(void **state)
{
    (void)state;
    char *s = norm("  \n\tThe vote\r\n\r\nwas   close.\n  ", "en-gb");
    assert_string_equal(s, "The vote was close.");
    free(s);
    s = norm("", "en-gb");
    assert_string_equal(s, "");
    free(s);
    s = norm(" \n\t ", "fr");
    assert_string_equal(s, "");
    free(s);
    s = norm("Ms\nSmith", "en-gb");
    assert_string_equal(s, "Miz Smith");
    free(s);
}

static void test_appends(void **state)
{
    (void)state;
    struct nb_buf out;
    nb_buf_init(&out, 0);
    nb_buf_adds(&out, "Before: ");
    assert_int_equal(nb_normalise("  Ms Smith  ", 12, "en-gb", &out, NULL), NB_OK);
    assert_string_equal(out.data, "Before: Miz Smith");
    nb_buf_release(&out);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 0);
    nb_error_init(&err);
    nb_buf_adds(&out, "kept");
    assert_int_equal(nb_normalise("abc \xff def", 9, "en-gb", &out, &err), NB_EINPUT);
    assert_string_equal(out.data, "kept");
    assert_string_equal(err.file, "");
    assert_string_equal(err.message, "text is not valid UTF-8 at byte 4");
    assert_int_equal(nb_normalise("abc \xe2\x80", 6, "fr", &out, &err), NB_EINPUT);
    assert_string_equal(out.data, "kept");
    nb_buf_release(&out);
}

static void test_over_cap(void **state)
{
    (void)state;
    struct nb_buf out;
    struct nb_error err;
    nb_buf_init(&out, 8);
    nb_error_init(&err);
    const char *text = "A sentence much longer than eight bytes.";
    assert_int_equal(nb_normalise(text, strlen(text), "en-gb", &out, &err), NB_ENOMEM);
    assert_string_equal(out.data, "");
    nb_buf_release(&out);
}

static void test_language_matches(void **state)
{
    (void)state;
    assert_true(nb_language_matches("en", "en"));
    assert_true(nb_language_matches("en-gb", "en"));
    assert_true(nb_language_matches("en_GB", "en-gb"));
    assert_true(nb_language_matches("en-us-nyc", "en-us"));
    assert_true(nb_language_matches("en+f3", "en"));
    assert_false(nb_language_matches("eng", "en"));
    assert_false(nb_language_matches("e", "en"));
    assert_false(nb_language_matches("fr", "en"));
    assert_false(nb_language_matches(NULL, "en"));
}

/* 10,000 news lines in a row give the same answer every time and leak
 * nothing.  Their speed (target 10,000 lines a second) is measured by
 * bench/normalise_speed.sh, not here: a test must pass on a slow, busy
 * machine. */
static void test_many_lines(void **state)
{
    (void)state;
    static const char line[] =
        "Ms Patel told reporters on Tuesday — after the 9/11 memorial 🎉 — that the "
        "“long-awaited” plan would cost £2.5bn over five years.\n";
    struct nb_buf text, out;
    nb_buf_init(&text, 0);
    nb_buf_init(&out, 0);
    for (int i = 0; i < 10000; i++)
        assert_int_equal(nb_buf_adds(&text, line), 0);
    size_t pos = 0;
    while (pos < text.len) {
        const char *nl = memchr(text.data + pos, '\n', text.len - pos);
        size_t n = (size_t)(nl - (text.data + pos));
        nb_buf_reset(&out);
        assert_int_equal(nb_normalise(text.data + pos, n, "en-gb", &out, NULL), NB_OK);
        pos += n + 1;
    }
    assert_string_equal(out.data,
                        "Miz Patel told reporters on Tuesday, after the nine eleven memorial, "
                        "that the “long-awaited” plan would cost two point five billion pounds "
                        "over five years.");
    nb_buf_release(&text);
    nb_buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sports_story),
        cmocka_unit_test(test_english_fixture),
        cmocka_unit_test(test_other_language_fixture),
        cmocka_unit_test(test_whitespace),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_over_cap),
        cmocka_unit_test(test_language_matches),
        cmocka_unit_test(test_many_lines),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_times),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_symbols),
        cmocka_unit_test(test_news_forms),
        cmocka_unit_test(test_news_forms_not),
        cmocka_unit_test(test_plain_words),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_lexicon_first),
        cmocka_unit_test(test_no_markup_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
