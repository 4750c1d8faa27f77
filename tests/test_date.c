/* test_date.c - how a newsreader says a date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "script/date.h"
#include "support.h"

struct date_case {
    int year, month, day;
    const char *language;
    const char *expected;
};

static const struct date_case date_cases[] = {
    {2026, 11, 28, "en-gb", "Saturday the 28th of November"},
    {2026, 11, 28, "en-us", "Saturday, November 28th"},
    {2026, 11, 28, "en_US", "Saturday, November 28th"},
    {2026, 11, 28, "EN-US", "Saturday, November 28th"},
    {2026, 11, 28, "en", "Saturday the 28th of November"},
    {2026, 11, 28, "fr", "Saturday the 28th of November"},
    {2026, 11, 28, NULL, "Saturday the 28th of November"},
    {2026, 11, 28, "en-usx", "Saturday the 28th of November"},
    /* leap days */
    {2024, 2, 29, "en-gb", "Thursday the 29th of February"},
    {2000, 2, 29, "en-gb", "Tuesday the 29th of February"},
    {2024, 2, 29, "en-us", "Thursday, February 29th"},
    /* ordinals */
    {2026, 1, 1, "en-gb", "Thursday the 1st of January"},
    {2026, 1, 2, "en-gb", "Friday the 2nd of January"},
    {2026, 1, 3, "en-gb", "Saturday the 3rd of January"},
    {2026, 1, 11, "en-gb", "Sunday the 11th of January"},
    {2026, 1, 12, "en-gb", "Monday the 12th of January"},
    {2026, 1, 13, "en-gb", "Tuesday the 13th of January"},
    {2026, 1, 21, "en-gb", "Wednesday the 21st of January"},
    {2026, 1, 22, "en-gb", "Thursday the 22nd of January"},
    {2026, 1, 23, "en-gb", "Friday the 23rd of January"},
    {2026, 1, 31, "en-gb", "Saturday the 31st of January"},
    {2026, 1, 1, "en-us", "Thursday, January 1st"},
    {2026, 1, 2, "en-us", "Friday, January 2nd"},
    {2026, 1, 3, "en-us", "Saturday, January 3rd"},
    {2026, 1, 11, "en-us", "Sunday, January 11th"},
    {2026, 1, 12, "en-us", "Monday, January 12th"},
    {2026, 1, 13, "en-us", "Tuesday, January 13th"},
    {2026, 1, 21, "en-us", "Wednesday, January 21st"},
    {2026, 1, 22, "en-us", "Thursday, January 22nd"},
    {2026, 1, 23, "en-us", "Friday, January 23rd"},
    {2026, 1, 31, "en-us", "Saturday, January 31st"},
    {2026, 12, 31, "en-gb", "Thursday the 31st of December"},
    {1999, 12, 31, "en-gb", "Friday the 31st of December"},
};

static void test_spoken_dates(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(date_cases) / sizeof(date_cases[0]); i++) {
        const struct date_case *c = &date_cases[i];
        struct nb_buf out;
        nb_buf_init(&out, 0);
        assert_int_equal(nb_date_spoken(c->year, c->month, c->day, c->language, &out), 0);
        if (strcmp(out.data, c->expected) != 0)
            fail_msg("%04d-%02d-%02d %s: got '%s', want '%s'", c->year, c->month, c->day,
                     c->language ? c->language : "(null)", out.data, c->expected);
        nb_buf_release(&out);
    }
}

static void test_appends(void **state)
{
    (void)state;
    struct nb_buf out;
    nb_buf_init(&out, 0);
    nb_buf_adds(&out, "for ");
    assert_int_equal(nb_date_spoken(2026, 11, 28, "en-gb", &out), 0);
    assert_string_equal(out.data, "for Saturday the 28th of November");
    nb_buf_release(&out);
}

static void test_invalid_date(void **state)
{
    (void)state;
    struct nb_buf out;
    nb_buf_init(&out, 0);
    nb_buf_adds(&out, "kept");
    assert_int_equal(nb_date_spoken(2025, 2, 29, "en-gb", &out), NB_EINTERNAL);
    assert_int_equal(nb_date_spoken(2026, 13, 1, "en-gb", &out), NB_EINTERNAL);
    assert_int_equal(nb_date_spoken(2026, 4, 31, "en-us", &out), NB_EINTERNAL);
    assert_string_equal(out.data, "kept");
    nb_buf_release(&out);
}

static void test_over_cap(void **state)
{
    (void)state;
    struct nb_buf out;
    nb_buf_init(&out, 10); /* too small for any date */
    nb_buf_adds(&out, "x");
    assert_int_equal(nb_date_spoken(2026, 11, 28, "en-gb", &out), NB_ENOMEM);
    assert_string_equal(out.data, "x");
    nb_buf_release(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spoken_dates),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_invalid_date),
        cmocka_unit_test(test_over_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
