/* fractions.c - fractions for the quantity matcher (quantities.c): "2/3",
 * "1/4th", "2 1/2"; a day and month written like one ("29/11") is a date.
 */
#include "spoken/quantity.h"
#include "text/chars.h"

static const struct nb_fraction_name *fraction_name(struct nb_norm_ctx *c, unsigned long long d)
{
    for (size_t k = 0; k < c->lang->nfractions; k++)
        if (c->lang->fractions[k].denominator == d)
            return &c->lang->fractions[k];
    return NULL;
}

/* "2/3", "1/4th", and with `whole` (the quantity read at i) "2 1/2". */
size_t nb_quantity_fraction(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *whole)
{
    const char *t = c->text;
    size_t j = i;
    if (whole) {
        if (!nb_quantity_is_bare(whole) || whole->end >= c->len || t[whole->end] != ' ')
            return 0;
        j = whole->end + 1;
    }
    size_t a = nb_quantity_digits_at(t, c->len, j, 6);
    if (!a || a > 6 || j + a + 1 >= c->len || t[j + a] != '/')
        return 0;
    size_t k = j + a + 1;
    size_t b = nb_quantity_digits_at(t, c->len, k, 6);
    if (!b || b > 6)
        return 0;
    size_t e = k + b;
    if (e + 1 < c->len && nb_ascii_is_alpha((unsigned char)t[e]) &&
        nb_ascii_is_alpha((unsigned char)t[e + 1]) && nb_norm_token_end(t, c->len, e + 2))
        e += 2; /* "1/4th", "1/3RD" */
    if (!nb_norm_token_end(t, c->len, e) || (e < c->len && (t[e] == '/' || t[e] == '-')))
        return 0;
    if (e + 1 < c->len && t[e] == '.' && nb_ascii_is_digit((unsigned char)t[e + 1]))
        return 0;
    unsigned long long num = 0, den = 0;
    for (size_t q = 0; q < a; q++)
        num = num * 10 + (unsigned)(t[j + q] - '0');
    for (size_t q = 0; q < b; q++)
        den = den * 10 + (unsigned)(t[k + q] - '0');
    if (den == 0)
        return 0;
    /* "29/11" in British news, "11/29" in American: a date, not a fraction */
    if (!whole && e == k + b && a <= 2 && b <= 2) {
        int df = c->lang->day_first;
        unsigned long long d = df ? num : den, m = df ? den : num;
        if (d > 12 && d <= 31 && m >= 1 && m <= 12) {
            if (nb_quantity_say_date(c, i, (int)d, (int)m, df, NULL, 0) != NB_OK)
                return nb_norm_fail(c);
            c->rule = "date";
            return e - i;
        }
    }
    const struct nb_norm_words *w = WORDS(c);
    if (whole && (say_cardinal(c, nb_norm_num_value(&whole->num)) != NB_OK ||
                  nb_norm_say(c, w->and_word) != NB_OK))
        return nb_norm_fail(c);
    const struct nb_fraction_name *fn = fraction_name(c, den);
    if (den == 1) {
        if (say_cardinal(c, num) != NB_OK || nb_norm_say(c, w->over) != NB_OK ||
            say_cardinal(c, den) != NB_OK)
            return nb_norm_fail(c);
    } else {
        if (whole && num == 1 && fn) {
            if (nb_norm_say(c, w->a) != NB_OK)
                return nb_norm_fail(c);
        } else if (say_cardinal(c, num) != NB_OK) {
            return nb_norm_fail(c);
        }
        if (fn) {
            if (nb_norm_say(c, num == 1 ? fn->one : fn->many) != NB_OK)
                return nb_norm_fail(c);
        } else {
            size_t from = c->say->len;
            if (nb_norm_say(c, "") != NB_OK || say_cardinal(c, den) != NB_OK ||
                nb_numbers_last_ordinal(NUMS(c), c->say, from) != NB_OK ||
                (num != 1 && nb_numbers_last_plural(NUMS(c), c->say, from) != NB_OK))
                return nb_norm_fail(c);
        }
    }
    c->rule = "fraction";
    return e - i;
}
