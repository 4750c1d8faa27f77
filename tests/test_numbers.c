/* test_numbers.c - numbers as words, in both English tables. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "spoken/lang.h"
#include "spoken/numbers.h"

enum kind { CARDINAL, ORDINAL, YEAR, DIGITS };

static void check(const char *lang, enum kind k, const char *digits, const char *want)
{
    const struct nb_number_words *w = nb_norm_lang_find(lang)->numbers;
    struct nb_buf out;
    nb_buf_init(&out, 0);
    nb_status rc = NB_EINTERNAL;
    switch (k) {
    case CARDINAL:
        rc = nb_numbers_cardinal(w, digits, strlen(digits), &out);
        break;
    case ORDINAL:
        rc = nb_numbers_ordinal(w, digits, strlen(digits), &out);
        break;
    case YEAR:
        rc = nb_numbers_year(w, (unsigned)strtoul(digits, NULL, 10), &out);
        break;
    case DIGITS:
        rc = nb_numbers_digits(w, digits, strlen(digits), &out);
        break;
    }
    assert_int_equal(rc, NB_OK);
    if (strcmp(out.data, want) != 0)
        fail_msg("%s %s: got '%s', want '%s'", lang, digits, out.data, want);
    nb_buf_release(&out);
}

static void test_cardinals(void **state)
{
    (void)state;
    check("en-gb", CARDINAL, "0", "zero");
    check("en-gb", CARDINAL, "000", "zero");
    check("en-gb", CARDINAL, "105", "one hundred and five");
    check("en-us", CARDINAL, "105", "one hundred five");
    check("en-gb", CARDINAL, "2006", "two thousand and six");
    check("en-us", CARDINAL, "2006", "two thousand six");
    check("en-gb", CARDINAL, "123123000", "one hundred and twenty three million one hundred and "
                                          "twenty three thousand");
    check("en-gb", CARDINAL, "1000001", "one million and one");
    check("en-us", CARDINAL, "999999999999999999999",
          "nine hundred ninety nine quintillion nine hundred ninety nine quadrillion nine hundred "
          "ninety nine trillion nine hundred ninety nine billion nine hundred ninety nine "
          "million nine hundred ninety nine thousand nine hundred ninety nine");
    /* beyond the largest scale: digit by digit */
    check("en-us", CARDINAL, "1234567890123456789012", "one two three four five six seven eight "
                                                       "nine zero one two three four five six seven eight nine zero one two");
}

static void test_ordinals(void **state)
{
    (void)state;
    check("en-gb", ORDINAL, "1", "first");
    check("en-gb", ORDINAL, "12", "twelfth");
    check("en-gb", ORDINAL, "20", "twentieth");
    check("en-gb", ORDINAL, "21", "twenty first");
    check("en-us", ORDINAL, "103", "one hundred third");
    check("en-gb", ORDINAL, "1000000", "one millionth");
    check("en-gb", ORDINAL, "0", "zeroth");
}

static void test_years(void **state)
{
    (void)state;
    check("en-gb", YEAR, "1987", "nineteen eighty seven");
    check("en-gb", YEAR, "1906", "nineteen oh six");
    check("en-gb", YEAR, "1900", "nineteen hundred");
    check("en-gb", YEAR, "2006", "two thousand and six");
    check("en-us", YEAR, "2006", "two thousand six");
    check("en-gb", YEAR, "2024", "twenty twenty four");
    check("en-gb", YEAR, "1066", "ten sixty six");
    check("en-gb", YEAR, "1000", "one thousand");
    /* years of an era: three digits read like four, two as cardinals */
    check("en-gb", YEAR, "632", "six thirty two");
    check("en-us", YEAR, "907", "nine oh seven");
    check("en-gb", YEAR, "700", "seven hundred");
    check("en-gb", YEAR, "58", "fifty eight");
    check("en-us", YEAR, "12000", "twelve thousand");
    check("en-gb", DIGITS, "0042", "zero zero four two");
}

static void test_plural_and_out_of_memory(void **state)
{
    (void)state;
    const struct nb_number_words *w = nb_norm_lang_find("en")->numbers;
    struct nb_buf out;
    nb_buf_init(&out, 0);
    assert_int_equal(nb_numbers_year(w, 1980, &out), 0);
    assert_int_equal(nb_numbers_last_plural(w, &out, 0), 0);
    assert_string_equal(out.data, "nineteen eighties");
    nb_buf_release(&out);
    /* over the cap: -1 and the buffer as it was */
    nb_buf_init(&out, 12);
    assert_int_equal(nb_buf_adds(&out, "abc"), 0);
    assert_int_equal(nb_numbers_cardinal(w, "123456", 6, &out), NB_ENOMEM);
    assert_string_equal(out.data, "abc");
    nb_buf_release(&out);
}

static void test_lists_sorted(void **state)
{
    (void)state;
    /* the binary searches need sorted lists: every entry must be found */
    const struct nb_norm_lang *langs[] = {nb_norm_lang_find("en-gb"), nb_norm_lang_find("en-us")};
    for (size_t l = 0; l < 2; l++) {
        const struct nb_norm_lang *r = langs[l];
        const char *const *lists[] = {r->acronym_words, r->initialisms, r->sports_words,
                                      r->cardinal_roman_after, r->metre_after, r->time_zones};
        size_t ns[] = {r->nacronym_words, r->ninitialisms, r->nsports_words,
                       r->ncardinal_roman_after, r->nmetre_after, r->ntime_zones};
        for (size_t k = 0; k < 6; k++)
            for (size_t i = 0; i < ns[k]; i++)
                if (!nb_norm_in_list(lists[k], ns[k], lists[k][i], strlen(lists[k][i]), 0))
                    fail_msg("list %zu: '%s' out of order", k, lists[k][i]);
    }
    assert_null(nb_norm_lang_find("fr"));
    assert_non_null(nb_norm_lang_find(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cardinals),
        cmocka_unit_test(test_ordinals),
        cmocka_unit_test(test_years),
        cmocka_unit_test(test_plural_and_out_of_memory),
        cmocka_unit_test(test_lists_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
