#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
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

/* A long value is not echoed whole: quoted values over 80 bytes are cut to
 * 60 and "...", a long file name to its ends; apostrophes are not quotes. */
static void test_long_values_cut(void **state)
{
    (void)state;
    char value[5001];
    memset(value, 'v', 5000);
    value[5000] = '\0';
    struct nb_error err;
    nb_error_init(&err);
    nb_error_set(&err, NB_EINPUT, "no voice profile '%s'; profiles in voices: anchor", value);
    char want[200];
    snprintf(want, sizeof(want), "no voice profile '%.60s...'; profiles in voices: anchor", value);
    assert_string_equal(err.message, want);
    nb_error_set(&err, NB_EINPUT, "it's the council's '%s' (at the start)", "short value");
    assert_string_equal(err.message, "it's the council's 'short value' (at the start)");
    nb_error_set(&err, NB_EINPUT, "the story's headline: %s",
                 "a long line without quotes that "
                 "goes on and on for well over eighty characters, it's true, and more");
    assert_non_null(strstr(err.message, "and more"));
    char path[400];
    memset(path, 'd', sizeof(path) - 1);
    path[sizeof(path) - 1] = '\0';
    nb_error_set_at(&err, NB_EINPUT, path, 0, 0, "cannot open");
    char shown[700];
    nb_error_format(&err, shown, sizeof(shown));
    assert_int_equal(strlen(shown), 80 + 3 + 100 + strlen(": cannot open"));
    assert_non_null(strstr(shown, "ddd...ddd"));
    assert_string_equal(shown + strlen(shown) - 13, ": cannot open");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_values_cut),
        cmocka_unit_test(test_format_shapes),
        cmocka_unit_test(test_null_error_and_exit_codes),
        cmocka_unit_test(test_truncates_long_messages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
