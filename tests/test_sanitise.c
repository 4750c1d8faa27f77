#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "speech/sanitise.h"
#include "support.h"
#include "text/buf.h"
#include "text/utf8.h"

/* Sanitises s[0..len) into a malloc'd string and checks the invariants
 * every result must keep. */
static char *sanitise_n(const char *s, size_t len)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_speech_sanitise(s, len, &b), 0);
    assert_true(nb_utf8_valid(b.data, b.len, NULL));
    assert_null(strpbrk(b.data, "<>&\t\n\r"));
    assert_null(strstr(b.data, "[["));
    assert_null(strstr(b.data, "  "));
    if (b.len)
        assert_true(b.data[0] != ' ' && b.data[b.len - 1] != ' ');
    for (size_t i = 0; i < b.len; i++)
        assert_true((unsigned char)b.data[i] >= 0x20 && b.data[i] != 0x7F);
    return nb_buf_detach(&b, NULL);
}

static char *sanitise(const char *s)
{
    return sanitise_n(s, strlen(s));
}

static void check(const char *in, const char *want)
{
    char *got = sanitise(in);
    assert_string_equal(got, want);
    free(got);
}

/* Longest run of non-space bytes. */
static size_t longest_token(const char *s)
{
    size_t best = 0, cur = 0;
    for (; *s; s++) {
        cur = *s == ' ' ? 0 : cur + 1;
        if (cur > best)
            best = cur;
    }
    return best;
}

static char *repeat(const char *unit, const char *sep, size_t n)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (size_t i = 0; i < n; i++) {
        if (i)
            nb_buf_adds(&b, sep);
        nb_buf_adds(&b, unit);
    }
    return nb_buf_detach(&b, NULL);
}

static void test_plain_text_unchanged(void **state)
{
    (void)state;
    check("The minister said the tunnel would open in 2027.",
          "The minister said the tunnel would open in 2027.");
    check("Mr. Smith paid £3.5bn for 2,500 homes, up 3.5%.",
          "Mr. Smith paid £3.5bn for 2,500 homes, up 3.5%.");
    check("Café crème, naïve façade — «déjà vu».", "Café crème, naïve façade — «déjà vu».");
    check("U.S.A. and J.R.R. Tolkien's e.g. a.m.", "U.S.A. and J.R.R. Tolkien's e.g. a.m.");
    check("", "");
}

static void test_whitespace_collapsed(void **state)
{
    (void)state;
    check("  one\t\ttwo\n\nthree\r\nfour\xc2\xa0" "five\xe2\x80\x83six  ",
          "one two three four five six");
    check(" \n\t ", "");
}

static void test_controls_dropped(void **state)
{
    (void)state;
    /* U+0001 is eSpeak NG's control prefix (rate, voice changes) */
    check("a\x01" "5S fast\x01" "20V voice", "a5S fast20V voice");
    check("bell\x07 del\x7f esc\x1b[31m", "bell del esc[31m");
    check("c1\xc2\x80\xc2\x9f" "end", "c1end");
    check("zero\xe2\x80\x8bwidth\xef\xbb\xbf bidi\xe2\x80\xae" "x", "zerowidth bidix");
    /* NEL and line separators are line breaks */
    check("line\xc2\x85next\xe2\x80\xa8" "again", "line next again");
}

static void test_invalid_utf8_dropped(void **state)
{
    (void)state;
    check("bad\xff\xfe" "bytes \xc3(half \xe2\x82 truncated\xf0\x9f", "badbytes (half truncated");
    check("overlong \xc0\xaf surrogate \xed\xa0\x80.", "overlong surrogate .");
    const char with_nul[] = "before\0after";
    char *got = sanitise_n(with_nul, sizeof(with_nul) - 1);
    assert_string_equal(got, "beforeafter");
    free(got);
}

static void test_markup_not_markup(void **state)
{
    (void)state;
    check("<speak><break time=\"5s\"/>x</speak>", "speak break time=\"5s\"/ x /speak");
    check("a < b > c", "a b c");
    check("&lt;&amp;&#65;", "and lt; and amp; and #65;");
    check("AT&T", "AT and T");
    size_t len;
    char *in = nb_test_fixture("speech/markup.txt", &len);
    char *want = nb_test_fixture("speech/markup.expected", NULL);
    char *got = sanitise_n(in, len);
    assert_string_equal(got, want);
    free(in);
    free(want);
    free(got);
}

static void test_phoneme_brackets_broken(void **state)
{
    (void)state;
    check("[[h@'loU]]", "[ [h@'loU] ]");
    check("[[[[", "[ [ [ [");
    check("[ [x] ]", "[ [x] ]");
    check("[single] [brackets]", "[single] [brackets]");
}

static void test_emoji_dropped(void **state)
{
    (void)state;
    size_t len;
    char *in = nb_test_fixture("speech/emoji.txt", &len);
    char *want = nb_test_fixture("speech/emoji.expected", NULL);
    char *got = sanitise_n(in, len);
    assert_string_equal(got, want);
    free(in);
    free(want);
    free(got);
    check("fire\xf0\x9f\x94\xa5truck", "fire truck");
    check("\xe2\x98\x80\xef\xb8\x8f sun \xe2\x9c\x85 done \xe2\x9e\xa1 next", "sun done next");
    check("\xf0\x9f\xa4\x96\xf0\x9f\xa7\xa0\xf0\x9f\xab\xa0", "");
    check("flag\xf0\x9f\x8f\xb4\xf3\xa0\x81\xa7\xf3\xa0\x81\xa2\xf3\xa0\x81\xb3\xf3\xa0\x81\xa3"
          "\xf3\xa0\x81\xb4\xf3\xa0\x81\xbf end",
          "flag end");
    check("\xc2\xa9 2026 \xc2\xae", "\xc2\xa9 2026 \xc2\xae"); /* read as words, kept */
}

static void test_long_tokens_split(void **state)
{
    (void)state;
    char *in = repeat("x", "", 500);
    char *got = sanitise(in);
    assert_int_equal(longest_token(got), NB_SANITISE_MAX_TOKEN);
    assert_int_equal(strlen(got), 500 + 500 / NB_SANITISE_MAX_TOKEN);
    free(in);
    free(got);
    /* multi-byte letters are never cut in half (sanitise_n checks UTF-8) */
    in = repeat("é", "", 301);
    got = sanitise(in);
    assert_true(longest_token(got) <= NB_SANITISE_MAX_TOKEN);
    free(in);
    free(got);
    in = repeat("https://example.com/a/very/long/path", "", 10);
    got = sanitise(in);
    assert_true(longest_token(got) <= NB_SANITISE_MAX_TOKEN);
    free(in);
    free(got);
}

/* Runs that crash eSpeak NG 1.51 (see NOTES) come out as short chains. */
static void check_chain_broken(const char *unit, const char *sep, size_t n, const char *brk)
{
    char *in = repeat(unit, sep, n);
    char *got = sanitise(in);
    /* no chain longer than 8 letters survives */
    char *chain8 = repeat(unit, sep, 9);
    assert_null(strstr(got, chain8));
    assert_non_null(strstr(got, brk));
    free(chain8);
    free(in);
    free(got);
}

static void test_dotted_letters_broken(void **state)
{
    (void)state;
    check("a . a . a . a . a . a . a . a . a . a",
          "a . a . a . a . a . a . a . a, a . a");
    check("a.a.a.a.a.a.a.a.a.a.", "a.a.a.a.a.a.a.a, a.a.");
    check_chain_broken("a", " . ", 85, "a, a");
    check_chain_broken("a", " . ", 1000, "a, a");
    check_chain_broken("é", " . ", 57, "é, é");
    check_chain_broken("é", " . ", 500, "é, é");
    check_chain_broken("A", ".", 300, "A, A");
    check_chain_broken("x", " .. ", 300, "x, x");
}

static void test_apostrophe_runs_broken(void **state)
{
    (void)state;
    check("s's's's's's's's's's's", "s's's's's's's's s's's");
    check_chain_broken("s", "'", 68, "s s");
    check_chain_broken("s", "'", 1000, "s s");
    check_chain_broken("s", "\xe2\x80\x99", 200, "s s");
    check("rock'n'roll isn't o'clock", "rock'n'roll isn't o'clock");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_unchanged),
        cmocka_unit_test(test_whitespace_collapsed),
        cmocka_unit_test(test_controls_dropped),
        cmocka_unit_test(test_invalid_utf8_dropped),
        cmocka_unit_test(test_markup_not_markup),
        cmocka_unit_test(test_phoneme_brackets_broken),
        cmocka_unit_test(test_emoji_dropped),
        cmocka_unit_test(test_long_tokens_split),
        cmocka_unit_test(test_dotted_letters_broken),
        cmocka_unit_test(test_apostrophe_runs_broken),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
