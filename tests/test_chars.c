/* Tests of text/chars.h: one answer for what a character is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/chars.h"

static void test_spaces_and_invisibles(void **state)
{
    (void)state;
    const uint32_t spaces[] = {' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xA0, 0x1680, 0x2002,
                               0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000};
    for (size_t i = 0; i < sizeof(spaces) / sizeof(spaces[0]); i++) {
        assert_true(nb_char_is_space(spaces[i]));
        assert_false(nb_char_is_invisible(spaces[i]));
        assert_false(nb_char_is_word(spaces[i]));
    }
    /* zero width space is invisible, never a space: one answer everywhere */
    const uint32_t invisible[] = {0x200B, 0x200C, 0x200D, 0x200E, 0x202A, 0x2060, 0xFEFF,
                                  0xAD, 0xFE0F, 0xE0020, 0xE0100};
    for (size_t i = 0; i < sizeof(invisible) / sizeof(invisible[0]); i++) {
        assert_true(nb_char_is_invisible(invisible[i]));
        assert_false(nb_char_is_space(invisible[i]));
    }
    assert_false(nb_char_is_space('a'));
    assert_false(nb_char_is_space(0));
    assert_false(nb_char_is_space(0x110000));
    assert_false(nb_char_is_invisible('a'));
}

static void test_letters_and_case(void **state)
{
    (void)state;
    /* Latin, Greek, Cyrillic, CJK, Arabic letters; modifier letter ʼ */
    const uint32_t letters[] = {'a', 'Z', 0xE9, 0x3A3, 0x436, 0x4E2D, 0x627, 0x2BC};
    for (size_t i = 0; i < sizeof(letters) / sizeof(letters[0]); i++) {
        assert_true(nb_char_is_letter(letters[i]));
        assert_true(nb_char_is_word(letters[i]));
    }
    const uint32_t not_letters[] = {'1', ' ', '.', 0xD7, 0xF7, 0x2014, 0x20AC, 0x1F600, 0x3002};
    for (size_t i = 0; i < sizeof(not_letters) / sizeof(not_letters[0]); i++)
        assert_false(nb_char_is_letter(not_letters[i]));
    /* digits: ASCII only; other numbers are word characters */
    assert_true(nb_char_is_digit('7'));
    assert_false(nb_char_is_digit(0x661)); /* ARABIC-INDIC DIGIT ONE */
    assert_true(nb_char_is_word(0x661));
    assert_true(nb_char_is_word(0xBD)); /* ½ */
    /* combining acute: a mark, part of a word */
    assert_true(nb_char_is_mark(0x301));
    assert_true(nb_char_is_word(0x301));
    assert_false(nb_char_is_mark('a'));
    /* capitals of every script, title case included */
    const uint32_t upper[] = {'A', 0xC9, 0x3A3, 0x416, 0x1C5, 0x17D};
    for (size_t i = 0; i < sizeof(upper) / sizeof(upper[0]); i++)
        assert_true(nb_char_is_upper(upper[i]));
    assert_false(nb_char_is_upper('a'));
    assert_false(nb_char_is_upper(0x4E2D)); /* no case */
    assert_true(nb_char_is_lower(0x3C3));
    assert_int_equal(nb_char_lower('Q'), 'q');
    assert_int_equal(nb_char_lower(0xC9), 0xE9);
    assert_int_equal(nb_char_lower(0x416), 0x436);
    assert_int_equal(nb_char_lower('7'), '7');
    assert_int_equal(nb_char_lower(0x110000), 0x110000);
}

static void test_punctuation_classes(void **state)
{
    (void)state;
    const uint32_t apostrophes[] = {'\'', '`', 0xB4, 0x2019, 0x2018, 0x2BC, 0x2032};
    for (size_t i = 0; i < sizeof(apostrophes) / sizeof(apostrophes[0]); i++)
        assert_true(nb_char_is_apostrophe(apostrophes[i]));
    assert_false(nb_char_is_apostrophe('"'));
    const uint32_t quotes[] = {'"', '\'', 0x201C, 0x201D, 0x2018, 0x2019, 0x201E, 0xAB, 0xBB,
                               0x2039, 0x203A};
    for (size_t i = 0; i < sizeof(quotes) / sizeof(quotes[0]); i++)
        assert_true(nb_char_is_quote(quotes[i]));
    assert_false(nb_char_is_quote('`'));
    assert_true(nb_char_is_dash('-'));
    assert_true(nb_char_is_dash(0x2013));
    assert_true(nb_char_is_dash(0x2014));
    assert_false(nb_char_is_dash('_'));
    /* pictographs: emoji, flags and skin tones; not the signs with names */
    const uint32_t pictures[] = {0x1F600, 0x1F389, 0x2600, 0x231A, 0x1F1EC, 0x1F3FD, 0x2705};
    for (size_t i = 0; i < sizeof(pictures) / sizeof(pictures[0]); i++)
        assert_true(nb_char_is_pictograph(pictures[i]));
    const uint32_t signs[] = {0xA9, 0xAE, 0x2122, '#', '*', 0x20AC, 'a'};
    for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++)
        assert_false(nb_char_is_pictograph(signs[i]));
    assert_true(nb_char_is_private_use(0xE000));
    assert_true(nb_char_is_private_use(0xF0000));
    assert_false(nb_char_is_private_use('a'));
}

static void test_decoding(void **state)
{
    (void)state;
    const char s[] = "a\xc3\xa9\xe2\x80\x94z\xff";
    size_t n, start;
    assert_int_equal(nb_char_at(s, sizeof(s) - 1, 0, &n), 'a');
    assert_int_equal(n, 1);
    assert_int_equal(nb_char_at(s, sizeof(s) - 1, 1, &n), 0xE9);
    assert_int_equal(n, 2);
    assert_int_equal(nb_char_at(s, sizeof(s) - 1, 3, &n), 0x2014);
    assert_int_equal(n, 3);
    assert_int_equal(nb_char_at(s, sizeof(s) - 1, 7, &n), 0xFFFD); /* invalid byte */
    assert_int_equal(n, 1);
    /* a sequence cut short by the length is invalid */
    assert_int_equal(nb_char_at(s, 2, 1, &n), 0xFFFD);
    assert_int_equal(nb_char_before(s, 6, &start), 0x2014);
    assert_int_equal(start, 3);
    assert_int_equal(nb_char_before(s, 3, &start), 0xE9);
    assert_int_equal(start, 1);
    assert_int_equal(nb_char_before(s, 1, &start), 'a');
    assert_int_equal(start, 0);
    /* ending inside a sequence: the last byte alone */
    assert_int_equal(nb_char_before(s, 5, &start), 0xFFFD);
    assert_int_equal(start, 4);
    assert_int_equal(nb_char_before(s, 8, NULL), 0xFFFD);
}

static void test_ascii(void **state)
{
    (void)state;
    for (int c = 0; c < 256; c++) {
        assert_int_equal(nb_ascii_is_digit(c), c >= '0' && c <= '9');
        assert_int_equal(nb_ascii_is_upper(c), c >= 'A' && c <= 'Z');
        assert_int_equal(nb_ascii_is_lower(c), c >= 'a' && c <= 'z');
        assert_int_equal(nb_ascii_is_alpha(c), nb_ascii_is_upper(c) || nb_ascii_is_lower(c));
        assert_int_equal(nb_ascii_is_alnum(c), nb_ascii_is_alpha(c) || nb_ascii_is_digit(c));
        assert_int_equal(nb_ascii_is_space(c),
                         c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r');
        assert_int_equal(nb_ascii_lower(c), c >= 'A' && c <= 'Z' ? c + 32 : c);
        assert_int_equal(nb_ascii_upper(c), c >= 'a' && c <= 'z' ? c - 32 : c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spaces_and_invisibles),
        cmocka_unit_test(test_letters_and_case),
        cmocka_unit_test(test_punctuation_classes),
        cmocka_unit_test(test_decoding),
        cmocka_unit_test(test_ascii),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
