/* test_header.c - bylines and publication stamps under the headline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "article/reader.h"

static void test_bylines(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "By Priya Natarajan and Tom Ellis", "By PRIYA NATARAJAN",
        "By Priya Natarajan, Political Editor", "Priya Natarajan in Oslo",
        "By Ursula von der Leyen", "By J. K. Hale", "By Tom Ellis, Priya Natarajan and Jo Li",
        "Words by Sara Voss", "By The Associated Press", "By REUTERS 11/20/2019 10:08 AM",
        "Chris Davies - Nov 19, 2019, 10:31 pm CST", "By Priya Natarajan | Nordwire",
        "By Åsa Lindqvist",
    };
    static const char *const no[] = {
        "By Tuesday the council had voted.", "By the end of the year prices rose.",
        "By Tuesday", "Baltic Daily", "Nordic Press", "By 2030 every bus will be electric",
        "Ministers met in Oslo on Friday.", "Home", "By Tom and",
        "Priya Natarajan in Oslo said the talks failed.",
    };
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!nb_article_is_byline(yes[i], strlen(yes[i])))
            fail_msg("not a byline: %s", yes[i]);
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (nb_article_is_byline(no[i], strlen(no[i])))
            fail_msg("taken as a byline: %s", no[i]);
}

static void test_date_stamps(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "Last modified on Tue 4 Feb 2025 09.12 GMT", "Published: 4 February 2025",
        "Updated 3 hours ago", "February 4, 2025 9:12 AM ET", "Published 27 November 2026",
        "First published on November 19, 2019 / 8:16 AM", "2025-02-04",
        "Tuesday 4 February 2025", "Updated: today 10:31", "Posted 5 mins ago",
        "Nov. 19, 2019 at 6:34 a.m.",
    };
    static const char *const no[] = {
        "March.", "Published by Nordwire", "Updated guidance for parents",
        "The vote is on 4 February.", "May", "Posted on the notice board",
        "4 February was a Tuesday and the vote went ahead",
    };
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        if (!nb_article_is_date_stamp(yes[i], strlen(yes[i])))
            fail_msg("not a date stamp: %s", yes[i]);
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        if (nb_article_is_date_stamp(no[i], strlen(no[i])))
            fail_msg("taken as a date stamp: %s", no[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bylines),
        cmocka_unit_test(test_date_stamps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
