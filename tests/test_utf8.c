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
    assert_string_equal(out.data, "abcd\tef"); /* the colour's "[31m" too */
    assert_int_equal(strlen(out.data), out.len);
    nb_buf_release(&out);
}

/* Terminal escape sequences go whole, in UTF-8 and Windows-1252 text
 * alike: CSI (ESC '[' parameters intermediates final, and the C1 CSI
 * U+009B), strings (OSC, DCS... up to BEL or ESC '\\'), ESC and one
 * character.  What follows them is text again. */
static void test_import_drops_terminal_escapes(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"\x1b[0m", ""},
        {"a\x1b[1;31mred\x1b[0m b", "ared b"},
        {"\x1b[38;5;208mx\x1b[?25h\x1b[2 qy", "xy"}, /* private and intermediate bytes */
        {"\x1b]8;;https://a.test/\x1b\\link\x1b]8;;\x1b\\.", "link."}, /* OSC 8, ESC \\ */
        {"\x1b]0;title\x07text", "text"},                              /* OSC ended by BEL */
        {"\x1bPq#0;2;0;0;0\x1b\\after", "after"},                      /* DCS */
        {"\x1b(Bx\x1b=y\x1b"
         "7z\x1b",
         "xyz"},                                           /* nF, two bytes, lone ESC at the end */
        {"\x1b]0;never closed\nnext line", "\nnext line"}, /* an open string ends at its line */
        {"father\x1b \xe2\x80\x94 then",
         "father \xe2\x80\x94 then"}, /* a stray ESC: the space stays */
        {"\x1b[", ""}, /* cut short */
        {"\x1b[12", ""},
        {"\xc2\x9b"
         "1mbold\xc2\x9b"
         "0m \xc3\xa9",
         "bold \xc3\xa9"}, /* C1 CSI in UTF-8 */
        {"\xc2\x9d"
         "0;t\xc2\x9cok",
         "ok"}, /* C1 OSC ended by C1 ST */
        {"caf\xe9 \x1b[0mbar \x9b"
         "1m",
         "caf\xc3\xa9 bar \xe2\x80\xba"
         "1m"},                                /* 0x9B is '>' in 1252 */
        {"line\r\x1b[0m\nnext", "line\nnext"}, /* CR escape LF: one line end */
        {"100\x1b[0m%", "100%"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct nb_buf out;
        nb_buf_init(&out, 0);
        assert_int_equal(nb_text_import(cases[i].in, strlen(cases[i].in), &out, NULL), NB_OK);
        if (strcmp(out.data, cases[i].out) != 0)
            fail_msg("case %zu: got '%s', want '%s'", i, out.data, cases[i].out);
        assert_true(nb_utf8_valid(out.data, out.len, NULL));
        nb_buf_release(&out);
    }
}

/* What is not text at all, before it is imported. */
static void test_check_refuses_binary_and_utf16(void **state)
{
    (void)state;
    struct nb_error err;
    nb_error_init(&err);
    assert_int_equal(nb_text_check("\xff\xfeH\0i\0", 6, "a.txt", &err), NB_EINPUT);
    assert_string_equal(err.file, "a.txt");
    assert_string_equal(err.message,
                        "UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8");
    assert_int_equal(nb_text_check("\xfe\xff\0H\0i", 6, NULL, &err), NB_EINPUT);
    assert_int_equal(nb_text_check("ab\0cd", 5, "b.bin", &err), NB_EINPUT);
    assert_string_equal(err.message, "not a text file (it holds binary data)");
    static const char utf8_bom[] = "\xef\xbb\xbfHi";
    assert_int_equal(nb_text_check(utf8_bom, sizeof(utf8_bom) - 1, "c.txt", &err), NB_OK);
    assert_int_equal(nb_text_check("", 0, "d.txt", &err), NB_OK);
    /* text saved from a terminal, colours on every word, is text */
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (int i = 0; i < 200; i++)
        assert_int_equal(nb_buf_adds(&b, "\x1b[1;31mword\x1b[0m "), NB_OK);
    assert_false(nb_text_looks_binary(b.data, b.len));
    assert_int_equal(nb_text_check(b.data, b.len, "e.txt", &err), NB_OK);
    nb_buf_release(&b);
}

/* The warning says where the first byte that is not UTF-8 is, from 1. */
/* Every byte alone: binary when a control byte but \t \n \f \r and ESC
 * (the table of nb_text_looks_binary() against the rule it stands for). */
static void test_binary_bytes(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        char s[1] = {(char)c};
        int bad =
            c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B);
        assert_int_equal(nb_text_looks_binary(s, 1), bad);
    }
}

static void test_cp1252_warning(void **state)
{
    (void)state;
    char msg[128];
    assert_string_equal(nb_text_cp1252_warning("Caf\xe9", 4, msg, sizeof(msg)),
                        "not valid UTF-8 (byte 4): read as Windows-1252");
    assert_string_equal(nb_text_cp1252_warning("\x81x", 2, msg, sizeof(msg)),
                        "not valid UTF-8 (byte 1): read as Windows-1252");
    /* a sequence cut short counts from its first byte */
    assert_string_equal(nb_text_cp1252_warning("ab\xe2\x80", 4, msg, sizeof(msg)),
                        "not valid UTF-8 (byte 3): read as Windows-1252");
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
        cmocka_unit_test(test_import_drops_terminal_escapes),
        cmocka_unit_test(test_check_refuses_binary_and_utf16),
        cmocka_unit_test(test_binary_bytes),
        cmocka_unit_test(test_cp1252_warning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
