#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text/buf.h"
#include "text/strv.h"

static void test_empty_is_valid_string(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_non_null(b.data);
    assert_string_equal(b.data, "");
    nb_buf_release(&b);
    nb_buf_release(&b); /* twice is harmless */
}

static void test_appends(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    assert_int_equal(nb_buf_adds(&b, "one"), 0);
    assert_int_equal(nb_buf_addc(&b, ' '), 0);
    assert_int_equal(nb_buf_addf(&b, "%d %s", 2, "three"), 0);
    assert_string_equal(b.data, "one 2 three");
    assert_int_equal(b.len, 11);
    for (int i = 0; i < 10000; i++)
        assert_int_equal(nb_buf_adds(&b, "x"), 0);
    assert_int_equal(b.len, 10011);
    assert_int_equal(strlen(b.data), b.len);
    nb_buf_release(&b);
}

static void test_cap_fails_cleanly(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 8);
    assert_int_equal(nb_buf_adds(&b, "12345678"), 0);
    assert_int_equal(nb_buf_adds(&b, "9"), NB_ENOMEM);
    assert_string_equal(b.data, "12345678"); /* unchanged */
    assert_int_equal(nb_buf_addf(&b, "%s", "more"), NB_ENOMEM);
    assert_int_equal(nb_buf_grow(&b, SIZE_MAX), NB_ENOMEM);
    nb_buf_release(&b);
}

static void test_trim_truncate_detach(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_adds(&b, "text \n\t ");
    nb_buf_rtrim(&b);
    assert_string_equal(b.data, "text");
    nb_buf_truncate(&b, 2);
    assert_string_equal(b.data, "te");
    size_t len = 0;
    char *s = nb_buf_detach(&b, &len);
    assert_string_equal(s, "te");
    assert_int_equal(len, 2);
    assert_int_equal(b.len, 0);
    free(s);
    s = nb_buf_detach(&b, NULL); /* empty buffer still gives a string */
    assert_string_equal(s, "");
    free(s);
}

static void test_self_append(void **state)
{
    (void)state;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_buf_adds(&b, "abc");
    /* appending from the buffer itself must not read freed memory */
    assert_int_equal(nb_buf_add(&b, b.data, b.len), 0);
    assert_string_equal(b.data, "abcabc");
    nb_buf_release(&b);
}

static void test_strv(void **state)
{
    (void)state;
    struct nb_strv sv;
    nb_strv_init(&sv);
    for (int i = 0; i < 100; i++)
        assert_int_equal(nb_strv_pushs(&sv, "s"), 0);
    assert_int_equal(nb_strv_push(&sv, "abcdef", 3), 0);
    assert_int_equal(sv.n, 101);
    assert_string_equal(sv.v[100], "abc");
    assert_null(sv.v[101]);
    assert_int_equal(nb_strv_push_owned(&sv, NULL), NB_ENOMEM);
    nb_strv_release(&sv);
    assert_int_equal(sv.n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_is_valid_string), cmocka_unit_test(test_appends),
        cmocka_unit_test(test_cap_fails_cleanly),     cmocka_unit_test(test_trim_truncate_detach),
        cmocka_unit_test(test_self_append),           cmocka_unit_test(test_strv),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
