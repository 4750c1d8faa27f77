#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "text/calendar.h"

static void test_valid_dates(void **state)
{
    (void)state;
    assert_true(nb_date_valid(2026, 11, 28));
    assert_true(nb_date_valid(2024, 2, 29));
    assert_false(nb_date_valid(2026, 2, 29));
    assert_false(nb_date_valid(1900, 2, 29));
    assert_true(nb_date_valid(2000, 2, 29));
    assert_false(nb_date_valid(2026, 4, 31));
    assert_false(nb_date_valid(2026, 13, 1));
    assert_false(nb_date_valid(2026, 0, 1));
    assert_false(nb_date_valid(0, 1, 1));
}

static void test_weekday(void **state)
{
    (void)state;
    assert_int_equal(nb_date_weekday(2026, 11, 28), 6); /* Saturday */
    assert_int_equal(nb_date_weekday(2000, 1, 1), 6);
    assert_int_equal(nb_date_weekday(2024, 2, 29), 4); /* Thursday */
    assert_int_equal(nb_date_weekday(2025, 12, 25), 4);
    assert_int_equal(nb_date_weekday(2026, 3, 1), 0); /* Sunday */
}

static void test_parse_iso(void **state)
{
    (void)state;
    int y, m, d;
    assert_int_equal(nb_date_parse_iso("2026-11-28", &y, &m, &d), 0);
    assert_int_equal(y, 2026);
    assert_int_equal(m, 11);
    assert_int_equal(d, 28);
    assert_int_equal(nb_date_parse_iso("2026-02-30", &y, &m, &d), -1);
    assert_int_equal(nb_date_parse_iso("2026-1-28", &y, &m, &d), -1);
    assert_int_equal(nb_date_parse_iso("2026-11-28x", &y, &m, &d), -1);
    assert_int_equal(nb_date_parse_iso("28/11/2026", &y, &m, &d), -1);
    assert_int_equal(nb_date_parse_iso("", &y, &m, &d), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_dates),
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_parse_iso),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
