/* ranges.c - ranges and scores for the quantity matcher (quantities.c):
 * two quantities joined by a hyphen or an en dash, said according to what
 * they are ("1980-86", "10-15cm", "8am-6pm", "£5-10m"), a score near
 * sports words ("2-1"), and dimensions ("2x4").
 */
#include "spoken/quantity.h"
#include "text/chars.h"

#include <string.h>

static int is_sports_context(struct nb_norm_ctx *c, size_t i)
{
    if (c->sports)
        return 1; /* the story is a sports story: one reading of "2-0" in it */
    size_t from = i > 160 ? i - 160 : 0, to = i + 160 < c->len ? i + 160 : c->len;
    while (from > 0 && nb_ascii_is_alpha((unsigned char)c->text[from - 1]))
        from--;
    size_t j = from;
    while (j < to) {
        size_t wl = nb_norm_letters(c->text, c->len, j);
        if (!wl) {
            j++;
            continue;
        }
        size_t e = j + wl;
        if (e < c->len && c->text[e] == '-' && nb_norm_letters(c->text, c->len, e + 1))
            e += 1 + nb_norm_letters(c->text, c->len, e + 1);
        if (nb_norm_in_list(c->lang->sports_words, c->lang->nsports_words, c->text + j, e - j, 1))
            return 1;
        j = e;
    }
    return 0;
}

static nb_status say_score_side(struct nb_norm_ctx *c, const struct nb_quantity *it)
{
    if (nb_norm_num_value(&it->num) == 0 && it->num.nint == 1)
        return nb_norm_say(c, WORDS(c)->nil);
    return nb_quantity_say_number(c, &it->num);
}

/* The separator of a range after text[j]: '-' or an en dash, spaced or
 * not (spaced only between times, money and decades); its length. */
static size_t range_sep(struct nb_norm_ctx *c, size_t j, int spaced_ok)
{
    const char *t = c->text;
    if (j < c->len && t[j] == '-')
        return 1;
    if (j + 2 < c->len && memcmp(t + j, "\xe2\x80\x93", 3) == 0)
        return 3;
    if (spaced_ok && j + 2 < c->len && t[j] == ' ' && t[j + 1] == '-' && t[j + 2] == ' ')
        return 3;
    if (spaced_ok && j + 4 < c->len && t[j] == ' ' && memcmp(t + j + 1, "\xe2\x80\x93", 3) == 0 &&
        t[j + 4] == ' ')
        return 5;
    return 0;
}

/* "2x4", "2x8 m2": dimensions. */
size_t nb_quantity_dimensions(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *a)
{
    const char *t = c->text;
    if (nb_quantity_is_bare(a) && a->end + 1 < c->len && t[a->end] == 'x' &&
        nb_ascii_is_digit((unsigned char)t[a->end + 1])) {
        struct nb_quantity b;
        if (!nb_quantity_read(c, a->end + 1, &b) || b.kind != NB_QUANTITY_NUMBER ||
            !nb_norm_token_end(t, c->len, b.end))
            return 0;
        if (nb_quantity_say(c, a, 0, 0) != NB_OK ||
            nb_norm_say(c, WORDS(c)->dimension_by) != NB_OK ||
            nb_quantity_say(c, &b, 1, 0) != NB_OK)
            return nb_norm_fail(c);
        c->rule = "dimensions";
        return b.end - i;
    }
    return 0;
}

/* The second half of a range that starts with the quantity a: "-15cm" of
 * "10-15cm", "–£300" of "£250–£300", " - 6pm" of "8am - 6pm".  1 and *b
 * read, or 0 when there is none. */
static int second_half(struct nb_norm_ctx *c, const struct nb_quantity *a, struct nb_quantity *b)
{
    const char *t = c->text;
    /* spaced, a dash between two bare numbers is a pause ("Part 2 - 5
     * things"), but not between two years in order ("1939 - 1945") */
    int years = nb_quantity_is_year(a);
    int spaced_ok = a->kind == NB_QUANTITY_TIME || a->kind == NB_QUANTITY_MONEY ||
                    a->kind == NB_QUANTITY_DECADE || years;
    size_t sl = range_sep(c, a->end, spaced_ok);
    if (!sl)
        return 0;
    size_t j = a->end + sl;
    if (j >= c->len || t[j] == '-' || !nb_quantity_read(c, j, b) || b->neg)
        return 0;
    if (!nb_norm_token_end(t, c->len, b->end) ||
        (b->end < c->len && t[b->end] == '-' && b->end + 1 < c->len &&
         nb_ascii_is_digit((unsigned char)t[b->end + 1])))
        return 0;
    if (a->kind == NB_QUANTITY_ORDINAL || b->kind == NB_QUANTITY_ORDINAL)
        return 0;
    if (years && t[a->end] == ' ' &&
        (!nb_quantity_is_year(b) || nb_norm_num_value(&b->num) <= nb_norm_num_value(&a->num)))
        return 0;
    return 1;
}

/* A score: "2-1" with sports words near it ("nil" for a side's 0). */
size_t nb_quantity_score(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *a)
{
    struct nb_quantity b;
    if (!second_half(c, a, &b))
        return 0;
    const struct nb_norm_words *w = WORDS(c);
    if (nb_quantity_is_bare(a) && nb_quantity_is_bare(&b) && !a->num.grouped && a->num.nint <= 2 &&
        b.num.nint <= 2 && is_sports_context(c, i)) {
        if (say_score_side(c, a) != NB_OK ||
            (w->score_to && nb_norm_say(c, w->score_to) != NB_OK) || say_score_side(c, &b) != NB_OK)
            return nb_norm_fail(c);
        c->rule = "score";
        return b.end - i;
    }
    return 0;
}

/* "2024-25", "1960-80", "1980-1986". */
size_t nb_quantity_year_range(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *a)
{
    struct nb_quantity b;
    if (!second_half(c, a, &b))
        return 0;
    const struct nb_norm_words *w = WORDS(c);
    if (nb_quantity_is_year(a) && nb_quantity_is_bare(&b) && !b.num.grouped &&
        (b.num.nint == 2 || nb_quantity_is_year(&b))) {
        if (nb_quantity_say(c, a, 1, 1) != NB_OK || nb_norm_say(c, w->to) != NB_OK ||
            (b.num.nint == 2 ? nb_quantity_say_year_digits(c, b.num.digits, 2)
                             : nb_quantity_say(c, &b, 1, 1)) != NB_OK)
            return nb_norm_fail(c);
        c->rule = "range";
        return b.end - i;
    }
    return 0;
}

/* "10-15cm", "8am-6pm", "$250-$300", "£5-10m". */
size_t nb_quantity_range(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *a)
{
    struct nb_quantity b;
    if (!second_half(c, a, &b))
        return 0;
    const struct nb_norm_words *w = WORDS(c);
    if (a->kind == NB_QUANTITY_MONEY &&
        (b.kind == NB_QUANTITY_MONEY ||
         (b.kind == NB_QUANTITY_NUMBER && !b.unit && !b.percent && !b.temp))) {
        /* "$250-$300" says both currencies; "£5-10m" says it once, at the end */
        int inherit = b.kind == NB_QUANTITY_NUMBER;
        if (inherit) {
            b.cur = a->cur;
            b.kind = NB_QUANTITY_MONEY;
        }
        if (nb_quantity_say_money(c, a, !inherit) != NB_OK)
            return nb_norm_fail(c);
    } else if (a->kind == NB_QUANTITY_NUMBER && nb_quantity_is_bare(a) &&
               (b.kind == NB_QUANTITY_NUMBER || b.kind == NB_QUANTITY_MONEY ||
                b.kind == NB_QUANTITY_TIME)) {
        if (nb_quantity_say(c, a, 0, 0) != NB_OK)
            return nb_norm_fail(c);
    } else if (a->kind == b.kind || (a->kind == NB_QUANTITY_NUMBER && !nb_quantity_is_bare(a))) {
        if (nb_quantity_say(c, a, 1, 0) != NB_OK)
            return nb_norm_fail(c);
    } else {
        return 0;
    }
    if (nb_norm_say(c, w->to) != NB_OK || nb_quantity_say(c, &b, 1, 0) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "range";
    return b.end - i;
}
