#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/error.h"

static void test_format_shapes(void **state)
{
    (void)state;
    struct nb_error err;
    char out[256];
    nb_error_init(&err);
    assert_int_equal(nb_error_set_at(&err, NB_EINPUT, "b.yaml", 4, 3, "unknown key '%s'", "voise"),
                     NB_EINPUT);
    assert_string_equal(nb_error_format(&err, out, sizeof(out)), "b.yaml:4:3: unknown key 'voise'");
    nb_error_set_at(&err, NB_EIO, "a.txt", 0, 0, "cannot open");
    assert_string_equal(nb_error_format(&err, out, sizeof(out)), "a.txt: cannot open");
    nb_error_set(&err, NB_ENOMEM, "out of memory");
    assert_string_equal(nb_error_format(&err, out, sizeof(out)), "out of memory");
    nb_error_set_file(&err, "late.txt");
    assert_string_equal(nb_error_format(&err, out, sizeof(out)), "late.txt: out of memory");
    nb_error_set_file(&err, "other.txt"); /* keeps the first */
    assert_string_equal(err.file, "late.txt");
}

static void test_null_error_and_exit_codes(void **state)
{
    (void)state;
    assert_int_equal(nb_error_set(NULL, NB_EIO, "ignored %d", 1), NB_EIO);
    nb_error_set_file(NULL, "x");
    assert_int_equal(nb_error_exit_code(NB_OK), 0);
    assert_int_equal(nb_error_exit_code(NB_EINPUT), 2);
    assert_int_equal(nb_error_exit_code(NB_EIO), 1);
    assert_int_equal(nb_error_exit_code(NB_ESYNTH), 1);
}

static void test_truncates_long_messages(void **state)
{
    (void)state;
    struct nb_error err;
    char big[2000], out[64];
    for (size_t i = 0; i < sizeof(big) - 1; i++)
        big[i] = 'x';
    big[sizeof(big) - 1] = '\0';
    nb_error_set_at(&err, NB_EINPUT, big, 1, 1, "%s", big);
    nb_error_format(&err, out, sizeof(out));
    assert_int_equal(out[sizeof(out) - 1], '\0');
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_shapes),
        cmocka_unit_test(test_null_error_and_exit_codes),
        cmocka_unit_test(test_truncates_long_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
