#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "text/utf8.h"

static void test_decode(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(nb_utf8_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(nb_utf8_decode("\xC3\xA9", 2, &cp), 2); /* é */
    assert_int_equal(cp, 0xE9);
    assert_int_equal(nb_utf8_decode("\xE2\x80\x9C", 3, &cp), 3); /* “ */
    assert_int_equal(cp, 0x201C);
    assert_int_equal(nb_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4); /* emoji */
    assert_int_equal(cp, 0x1F600);
    /* truncated, overlong, surrogate, stray continuation */
    assert_int_equal(nb_utf8_decode("\xE2\x80", 2, &cp), 1);
    assert_int_equal(cp, NB_UTF8_REPLACEMENT);
    assert_int_equal(nb_utf8_decode("\xC0\xAF", 2, &cp), 1);
    assert_int_equal(nb_utf8_decode("\xED\xA0\x80", 3, &cp), 1);
    assert_int_equal(cp, NB_UTF8_REPLACEMENT);
    assert_int_equal(nb_utf8_decode("\x80", 1, &cp), 1);
    assert_int_equal(nb_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
}

static void test_valid(void **state)
{
    (void)state;
    size_t off = 99;
    assert_true(nb_utf8_valid("caf\xC3\xA9 \xEF\xBF\xBD", 9, &off));
    assert_false(nb_utf8_valid("ok \xE9t\xE9", 6, &off));
    assert_int_equal(off, 3);
}

static void test_encode_roundtrip(void **state)
{
    (void)state;
    const uint32_t cps[] = {0x41, 0xE9, 0x20AC, 0x1F4F0, 0x10FFFF};
    for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
        char tmp[4];
        uint32_t back;
        size_t n = nb_utf8_encode(cps[i], tmp);
        assert_int_equal(nb_utf8_decode(tmp, n, &back), n);
        assert_int_equal(back, cps[i]);
    }
}

static void test_import_utf8_keeps_quotes(void **state)
{
    (void)state;
    const char in[] = "\xEF\xBB\xBF\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 she said\r\nNext\rLast";
    struct nb_buf out;
    nb_buf_init(&out, 0);
    enum nb_text_encoding enc;
    assert_int_equal(nb_text_import(in, sizeof(in) - 1, &out, &enc), 0);
    assert_int_equal(enc, NB_TEXT_UTF8);
    assert_string_equal(out.data, "\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 she said\nNext\nLast");
    nb_buf_release(&out);
}

static void test_import_cp1252(void **state)
{
    (void)state;
    /* “Caf\xe9” – 5€ in Windows-1252 */
    const char in[] = "\x93" "Caf\xE9\x94 \x96 5\x80";
    struct nb_buf out;
    nb_buf_init(&out, 0);
    enum nb_text_encoding enc;
    assert_int_equal(nb_text_import(in, sizeof(in) - 1, &out, &enc), 0);
    assert_int_equal(enc, NB_TEXT_CP1252);
    assert_string_equal(out.data,
                        "\xE2\x80\x9C" "Caf\xC3\xA9\xE2\x80\x9D \xE2\x80\x93 5\xE2\x82\xAC");
    assert_true(nb_utf8_valid(out.data, out.len, NULL));
    nb_buf_release(&out);
}

static void test_import_drops_controls(void **state)
{
    (void)state;
    const char in[] = "a\0b\x01" "c\x1B[31md\te\xC2\x85" "f";
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_text_import(in, sizeof(in) - 1, &out, NULL), 0);
    assert_string_equal(out.data, "abc[31md\tef");
    assert_int_equal(strlen(out.data), out.len);
    nb_buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode),
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_encode_roundtrip),
        cmocka_unit_test(test_import_utf8_keeps_quotes),
        cmocka_unit_test(test_import_cp1252),
        cmocka_unit_test(test_import_drops_controls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
