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
    assert_int_equal(nb_date_parse_iso("2026-11-28", &y, &m, &d), 1);
    assert_int_equal(y, 2026);
    assert_int_equal(m, 11);
    assert_int_equal(d, 28);
    assert_int_equal(nb_date_parse_iso("2026-02-30", &y, &m, &d), 0);
    assert_int_equal(nb_date_parse_iso("2026-1-28", &y, &m, &d), 0);
    assert_int_equal(nb_date_parse_iso("2026-11-28x", &y, &m, &d), 0);
    assert_int_equal(nb_date_parse_iso("28/11/2026", &y, &m, &d), 0);
    assert_int_equal(nb_date_parse_iso("", &y, &m, &d), 0);
}

static void test_month_names(void **state)
{
    (void)state;
    const struct nb_calendar_names *en = &nb_calendar_en;
    assert_string_equal(en->months[0], "January");
    assert_string_equal(en->months[11], "December");
    assert_int_equal(nb_calendar_month(en, "March", 5, 0), 3);
    assert_int_equal(nb_calendar_month(en, "MARCH", 5, 0), 3);
    assert_int_equal(nb_calendar_month(en, "may", 3, 0), 5);
    /* abbreviations only when asked for, with or without the dot */
    assert_int_equal(nb_calendar_month(en, "Sept", 4, 0), 0);
    assert_int_equal(nb_calendar_month(en, "Sept", 4, 1), 9);
    assert_int_equal(nb_calendar_month(en, "sep.", 4, 1), 9);
    assert_int_equal(nb_calendar_month(en, "Dec.", 4, 1), 12);
    /* a prefix or a longer word is not a month */
    assert_int_equal(nb_calendar_month(en, "Marc", 4, 1), 0);
    assert_int_equal(nb_calendar_month(en, "Marches", 7, 1), 0);
    assert_int_equal(nb_calendar_month(en, "Mar", 2, 1), 0);
    assert_int_equal(nb_calendar_month(en, "", 0, 1), 0);
    assert_int_equal(nb_calendar_month(en, ".", 1, 1), 0);
}

static void test_weekday_names(void **state)
{
    (void)state;
    const struct nb_calendar_names *en = &nb_calendar_en;
    assert_string_equal(en->weekdays[0], "Sunday");
    assert_string_equal(en->weekdays[nb_date_weekday(2026, 11, 28)], "Saturday");
    assert_int_equal(nb_calendar_weekday(en, "Sunday", 6, 0), 1);
    assert_int_equal(nb_calendar_weekday(en, "saturday", 8, 0), 7);
    assert_int_equal(nb_calendar_weekday(en, "Thurs.", 6, 1), 5);
    assert_int_equal(nb_calendar_weekday(en, "thur", 4, 1), 5);
    assert_int_equal(nb_calendar_weekday(en, "tues", 4, 1), 3);
    assert_int_equal(nb_calendar_weekday(en, "tues", 4, 0), 0);
    assert_int_equal(nb_calendar_weekday(en, "Someday", 7, 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_dates),
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_parse_iso),
        cmocka_unit_test(test_month_names),
        cmocka_unit_test(test_weekday_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
