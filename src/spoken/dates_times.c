/* dates_times.c - times and dates for the quantity matcher (quantities.c):
 * "6:15pm EST" after a number, numeric dates ("03/03/2025"), day-first
 * dates ("3 March 2025"), quarters ("2Q22"), and the month-first date
 * matcher ("March 3, 2025", "Q3") of match.h.
 */
#include "spoken/quantity.h"
#include "text/chars.h"

#include <string.h>

/* ---- times ---- */

/* "am", "a.m.", "a.m", "AM", "pm"... at text[j] ending a token: its length,
 * *which 'a' or 'p'. */
static size_t ampm_at(const char *t, size_t len, size_t j, int *which)
{
    if (j >= len)
        return 0;
    int c0 = nb_ascii_lower((unsigned char)t[j]);
    if (c0 != 'a' && c0 != 'p')
        return 0;
    size_t k = j + 1;
    if (k < len && t[k] == '.')
        k++;
    if (k >= len || nb_ascii_lower((unsigned char)t[k]) != 'm')
        return 0;
    k++;
    if (k < len && t[k] == '.' &&
        (k + 1 >= len || !nb_ascii_is_alpha((unsigned char)t[k + 1]) || t[k - 2] == '.'))
        k++;
    if (!nb_norm_token_end(t, len, k) && !(t[k - 1] == '.'))
        return 0;
    *which = c0;
    return k - j;
}

/* A time zone after a time: "EST", "est", "e.s.t", "GMT". */
static size_t zone_at(struct nb_norm_ctx *c, size_t j, size_t *zs, size_t *zl, int *dotted)
{
    size_t k = j;
    while (k < c->len && nb_ascii_is_blank((unsigned char)c->text[k]))
        k++;
    char letters[8];
    size_t n = 0, e = k;
    while (e < c->len && n < sizeof(letters) && nb_ascii_is_alpha((unsigned char)c->text[e])) {
        letters[n++] = (char)(c->text[e] & ~0x20);
        e++;
        if (e < c->len && c->text[e] == '.' && e + 1 < c->len &&
            nb_ascii_is_alpha((unsigned char)c->text[e + 1]) &&
            (e + 2 >= c->len || c->text[e + 2] == '.' ||
             nb_norm_token_end(c->text, c->len, e + 2))) {
            *dotted = 1;
            e++;
        }
    }
    if (n < 2 || !nb_norm_token_end(c->text, c->len, e) ||
        !nb_norm_in_list(c->lang->time_zones, c->lang->ntime_zones, letters, n, 0))
        return 0;
    if (e < c->len && c->text[e] == '.' && *dotted)
        e++;
    *zs = k;
    *zl = e - k;
    return e - j;
}

/* Time after the number already in it->num: "6:15", "11.45am", "5pm". */
size_t nb_quantity_read_time(struct nb_norm_ctx *c, size_t i, size_t from, struct nb_quantity *it)
{
    const char *t = c->text;
    size_t j = from;
    unsigned long long h = nb_norm_num_value(&it->num);
    if (it->neg || it->cur || it->num.grouped || it->num.nint > 2 || h > 24)
        return 0;
    int colon = 0;
    if (!it->num.has_point && j + 2 < c->len && t[j] == ':' &&
        nb_ascii_is_digit((unsigned char)t[j + 1]) && nb_ascii_is_digit((unsigned char)t[j + 2]) &&
        (j + 3 >= c->len || !nb_ascii_is_digit((unsigned char)t[j + 3]))) {
        it->mm = (t[j + 1] - '0') * 10 + (t[j + 2] - '0');
        it->has_mm = 1;
        j += 3;
        colon = 1;
        if (j + 2 < c->len && t[j] == ':' && nb_ascii_is_digit((unsigned char)t[j + 1]) &&
            nb_ascii_is_digit((unsigned char)t[j + 2])) {
            it->ss = (t[j + 1] - '0') * 10 + (t[j + 2] - '0');
            it->has_ss = 1;
            j += 3;
        }
        if (it->mm > 59 || it->ss > 59)
            return 0;
    } else if (it->num.has_point) {
        if (it->num.nfrac != 2 || it->num.nint == 0)
            return 0;
        it->mm =
            (it->num.digits[it->num.nint] - '0') * 10 + (it->num.digits[it->num.nint + 1] - '0');
        it->has_mm = 1;
        if (it->mm > 59)
            return 0;
    }
    size_t k = j;
    while (k < c->len && nb_ascii_is_blank((unsigned char)t[k]))
        k++;
    int which;
    size_t al = ampm_at(t, c->len, k, &which);
    if (al) {
        if (h > 12 || h == 0)
            return 0;
        it->ampm = which;
        j = k + al;
        size_t zs, zl;
        int dotted = 0;
        size_t zused = zone_at(c, j, &zs, &zl, &dotted);
        if (zused) {
            it->zone = zs;
            it->zone_len = zl;
            it->zone_dotted = dotted;
            j += zused;
        } else if (t[j - 1] == '.' &&
                   (j >= c->len || (j + 1 < c->len && t[j] == ' ' &&
                                    nb_ascii_is_upper((unsigned char)t[j + 1])))) {
            j--; /* "at 6 p.m. The polls...": the full stop still ends the sentence */
        }
    } else if (!colon) {
        return 0;
    }
    it->hh = (int)h;
    it->kind = NB_QUANTITY_TIME;
    return j - from;
}

nb_status nb_quantity_say_time(struct nb_norm_ctx *c, const struct nb_quantity *it)
{
    const struct nb_norm_words *w = WORDS(c);
    if (it->has_ss) {
        if (say_cardinal(c, (unsigned)it->hh) != NB_OK ||
            nb_norm_say(c, it->hh == 1 ? w->hour : w->hours) != NB_OK ||
            say_cardinal(c, (unsigned)it->mm) != NB_OK ||
            nb_norm_say(c, it->mm == 1 ? w->minute : w->minutes) != NB_OK ||
            nb_norm_say(c, w->and_word) != NB_OK || say_cardinal(c, (unsigned)it->ss) != NB_OK ||
            nb_norm_say(c, it->ss == 1 ? w->second : w->seconds) != NB_OK)
            return NB_ENOMEM;
    } else if (!it->ampm && it->mm == 0) {
        if (it->hh == 0 || it->hh == 24)
            return nb_norm_say(c, w->midnight);
        if (say_cardinal(c, (unsigned)it->hh) != NB_OK ||
            nb_norm_say(c, it->hh <= 12 ? w->oclock : w->hundred_hours) != NB_OK)
            return NB_ENOMEM;
    } else {
        if (say_cardinal(c, (unsigned)it->hh) != NB_OK)
            return NB_ENOMEM;
        if (it->mm > 0 && it->mm < 10 &&
            (nb_norm_say(c, NUMS(c)->oh) != NB_OK || say_cardinal(c, (unsigned)it->mm) != NB_OK))
            return NB_ENOMEM;
        if (it->mm >= 10 && say_cardinal(c, (unsigned)it->mm) != NB_OK)
            return NB_ENOMEM;
    }
    if (it->ampm && nb_norm_say(c, it->ampm == 'a' ? w->am : w->pm) != NB_OK)
        return NB_ENOMEM;
    if (it->zone_len) {
        /* spelled: "E-S-T" */
        char z[16];
        size_t n = 0;
        for (size_t k = 0; k < it->zone_len && n + 2 < sizeof(z); k++) {
            unsigned char ch = (unsigned char)c->text[it->zone + k];
            if (!nb_ascii_is_alpha(ch))
                continue;
            if (n)
                z[n++] = '-';
            z[n++] = (char)(ch & ~0x20);
        }
        if (nb_norm_say_n(c, z, n) != NB_OK)
            return NB_ENOMEM;
    }
    return NB_OK;
}

/* ---- dates ---- */

static const char *month_name(struct nb_norm_ctx *c, int m)
{
    return c->lang->calendar->months[m - 1];
}

/* A month name at text[j] (full or abbreviated, any case, optional '.'
 * after an abbreviation): 1..12 and its length in *ml, or 0. */
static int month_at(struct nb_norm_ctx *c, size_t j, size_t *ml, int *abbreviated)
{
    size_t wl = nb_norm_letters(c->text, c->len, j);
    if (wl < 3)
        return 0;
    const char *w = c->text + j;
    int m = nb_calendar_month(c->lang->calendar, w, wl, 1);
    if (!m)
        return 0;
    *abbreviated = strlen(c->lang->calendar->months[m - 1]) != wl;
    *ml = wl + (*abbreviated && j + wl < c->len && w[wl] == '.');
    return m;
}

nb_status nb_quantity_say_year_digits(struct nb_norm_ctx *c, const char *d, size_t n)
{
    unsigned v = 0;
    for (size_t k = 0; k < n; k++)
        v = v * 10 + (unsigned)(d[k] - '0');
    if (n == 2) {
        if (v < 10)
            return nb_norm_say(c, NUMS(c)->oh) != NB_OK ? NB_ENOMEM : say_cardinal(c, v);
        return say_cardinal(c, v);
    }
    return nb_numbers_year(NUMS(c), v, c->say);
}

static nb_status say_ordinal_u(struct nb_norm_ctx *c, unsigned v)
{
    size_t from = c->say->len;
    if (nb_norm_say(c, "") != NB_OK || say_cardinal(c, v) != NB_OK)
        return NB_ENOMEM;
    return nb_numbers_last_ordinal(NUMS(c), c->say, from);
}

/* "the third of March" or "March third" (+ year digits when yn > 0). */
nb_status nb_quantity_say_date(struct nb_norm_ctx *c, size_t i, int day, int month, int day_first,
                               const char *year, size_t yn)
{
    const struct nb_norm_words *w = WORDS(c);
    if (day && day_first && c->lang->month_day_the_of) {
        size_t ws, wl = nb_norm_prev_word(c->text, i, &ws);
        int has_the = wl == strlen(w->the) && nb_norm_starts_ci(c->text, c->len, ws, w->the);
        if ((!has_the && nb_norm_say(c, w->the) != NB_OK) ||
            say_ordinal_u(c, (unsigned)day) != NB_OK || nb_norm_say(c, w->of) != NB_OK ||
            nb_norm_say(c, month_name(c, month)) != NB_OK)
            return NB_ENOMEM;
    } else {
        if (nb_norm_say(c, month_name(c, month)) != NB_OK ||
            (day && say_ordinal_u(c, (unsigned)day) != NB_OK))
            return NB_ENOMEM;
    }
    return yn ? nb_quantity_say_year_digits(c, year, yn) : NB_OK;
}

size_t nb_quantity_digits_at(const char *t, size_t len, size_t j, size_t max)
{
    size_t k = j;
    while (k < len && k - j <= max && nb_ascii_is_digit((unsigned char)t[k]))
        k++;
    return k - j;
}

static int num2(const char *t, size_t n)
{
    int v = 0;
    for (size_t k = 0; k < n; k++)
        v = v * 10 + (t[k] - '0');
    return v;
}

/* "03/03/2025", "2025-03-03", "15.01.2020", "11/17/05". */
size_t nb_quantity_numeric_date(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q)
{
    const char *t = c->text;
    size_t a = nb_quantity_digits_at(t, c->len, i, 4);
    if (a == 0 || a == 3 || i + a >= c->len)
        return 0;
    char sep = t[i + a];
    if (sep != '/' && sep != '-' && sep != '.')
        return 0;
    size_t j = i + a + 1;
    size_t b = nb_quantity_digits_at(t, c->len, j, 2);
    if (b == 0 || b > 2 || j + b >= c->len || t[j + b] != sep)
        return 0;
    size_t k = j + b + 1;
    size_t y = nb_quantity_digits_at(t, c->len, k, 4);
    if (!nb_norm_token_end(t, c->len, k + y) ||
        (k + y < c->len && (t[k + y] == sep || t[k + y] == '-')))
        return 0;
    if (k + y + 1 < c->len && t[k + y] == '.' && nb_ascii_is_digit((unsigned char)t[k + y + 1]))
        return 0; /* an IP address */
    int va = num2(t + i, a), vb = num2(t + j, b);
    if (a == 4) { /* year first: ISO */
        if (y == 0 || y > 2)
            return 0;
        int vc = num2(t + k, y);
        if (vb < 1 || vb > 12 || vc < 1 || vc > 31)
            return 0;
        if (nb_quantity_say_date(c, i, vc, vb, c->lang->day_first, t + i, 4) != NB_OK)
            return nb_norm_fail(c);
    } else {
        if (y != 2 && y != 4)
            return 0;
        int day_first = c->lang->day_first;
        if (va > 12)
            day_first = 1;
        else if (vb > 12)
            day_first = 0;
        int d = day_first ? va : vb, m = day_first ? vb : va;
        if (m < 1 || m > 12 || d < 1 || d > 31)
            return 0;
        if (nb_quantity_say_date(c, i, d, m, day_first, t + k, y) != NB_OK)
            return nb_norm_fail(c);
    }
    c->rule = "date";
    return k + y - i;
}

/* "3 March 2025", "25th jul 2012", "15 january", "26th May". */
size_t nb_quantity_day_month(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *it)
{
    if (it->kind != NB_QUANTITY_NUMBER && it->kind != NB_QUANTITY_ORDINAL)
        return 0;
    if (it->num.has_point || it->num.nint > 2 || it->scale || it->unit || it->percent || it->temp ||
        it->neg || it->per)
        return 0;
    unsigned d = (unsigned)nb_norm_num_value(&it->num);
    if (d < 1 || d > 31)
        return 0;
    const char *t = c->text;
    size_t j = it->end;
    if (j >= c->len || !nb_ascii_is_blank((unsigned char)t[j]))
        return 0;
    j++;
    size_t ml;
    int abbr;
    int m = month_at(c, j, &ml, &abbr);
    if (!m || !nb_norm_token_end(t, c->len, j + ml))
        return 0;
    size_t e = j + ml;
    size_t k = e;
    if (k < c->len && t[k] == ',')
        k++;
    const char *year = NULL;
    size_t yn = 0;
    if (k + 4 < c->len + 1 && k < c->len && nb_ascii_is_blank((unsigned char)t[k])) {
        size_t y = nb_quantity_digits_at(t, c->len, k + 1, 4);
        if (y == 4 && nb_norm_token_end(t, c->len, k + 5)) {
            year = t + k + 1;
            yn = 4;
            e = k + 5;
        }
    }
    if (nb_quantity_say_date(c, i, (int)d, m, 1, year, yn) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "date";
    return e - i;
}

/* 1 when what follows a word ending at t[j] may be a month date's day or
 * year: an optional '.', a blank or '-', then a digit ("March 3", "Jan.
 * 2025"); asked before the word is looked up among the month names, since
 * most words are followed by no digit. */
static int date_may_follow(const char *t, size_t len, size_t j)
{
    if (j < len && t[j] == '.')
        j++;
    return j + 1 < len && (nb_ascii_is_blank((unsigned char)t[j]) || t[j] == '-') &&
           nb_ascii_is_digit((unsigned char)t[j + 1]);
}

size_t nb_norm_match_month_date(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t ml;
    int abbr;
    size_t wl = nb_norm_letters(t, c->len, i);
    int m = wl >= 3 && date_may_follow(t, c->len, i + wl) ? month_at(c, i, &ml, &abbr) : 0;
    if (!m) {
        /* "Q3", "2Q22" is in the quantity matcher */
        if ((t[i] == 'Q') && i + 1 < c->len && t[i + 1] >= '1' && t[i + 1] <= '4' &&
            nb_norm_token_end(t, c->len, i + 2)) {
            size_t from = c->say->len;
            if (nb_norm_say(c, WORDS(c)->the) != NB_OK ||
                say_cardinal(c, (unsigned)(t[i + 1] - '0')) != NB_OK ||
                nb_numbers_last_ordinal(NUMS(c), c->say, from) != NB_OK ||
                nb_norm_say(c, WORDS(c)->quarter) != NB_OK)
                return nb_norm_fail(c);
            c->rule = "quarter";
            return 2;
        }
        return 0;
    }
    size_t j = i + ml;
    if (j >= c->len || (!nb_ascii_is_blank((unsigned char)t[j]) && t[j] != '-'))
        return 0;
    char sep = t[j];
    j++;
    size_t dn = nb_quantity_digits_at(t, c->len, j, 4);
    if (dn == 0 || dn == 3)
        return 0;
    size_t e = j + dn;
    int day = 0;
    const char *year = NULL;
    size_t yn = 0;
    if (dn == 4) {
        if (!nb_norm_token_end(t, c->len, e) || (e < c->len && t[e] == '-'))
            return 0;
        year = t + j;
        yn = 4;
    } else {
        day = num2(t + j, dn);
        if (day < 1 || day > 31)
            return 0;
        if (e + 1 < c->len && nb_ascii_is_alpha((unsigned char)t[e]) &&
            nb_ascii_is_alpha((unsigned char)t[e + 1]) && nb_norm_token_end(t, c->len, e + 2))
            e += 2; /* "March 3rd" */
        if (!nb_norm_token_end(t, c->len, e) || (e < c->len && t[e] == ':'))
            return 0;
        if (e < c->len && t[e] == '.' && e + 1 < c->len &&
            nb_ascii_is_digit((unsigned char)t[e + 1]))
            return 0;
        size_t k = e;
        if (k < c->len && t[k] == ',')
            k++;
        if (k < c->len && (nb_ascii_is_blank((unsigned char)t[k]) || (t[k] == '-' && sep == '-'))) {
            size_t y = nb_quantity_digits_at(t, c->len, k + 1, 4);
            if (y == 4 && nb_norm_token_end(t, c->len, k + 5) &&
                !(k + 5 < c->len && (t[k + 5] == ':' || t[k + 5] == '-'))) {
                year = t + k + 1;
                yn = 4;
                e = k + 5;
            }
        }
    }
    /* a lower-case "may" or "march" needs a day: "you may 2 ..." is rare,
     * "in may 2010" is not news style */
    if (!nb_ascii_is_upper((unsigned char)t[i]) && !day && !abbr)
        return 0;
    if (nb_quantity_say_date(c, i, day, m, 0, year, yn) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "date";
    return e - i;
}

/* "2Q22": the second quarter of twenty twenty-two. */
size_t nb_quantity_quarter_year(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q)
{
    const char *t = c->text;
    if (i + 4 > c->len || t[i] < '1' || t[i] > '4' || t[i + 1] != 'Q')
        return 0;
    size_t y = nb_quantity_digits_at(t, c->len, i + 2, 4);
    if ((y != 2 && y != 4) || !nb_norm_token_end(t, c->len, i + 2 + y))
        return 0;
    size_t from = c->say->len;
    if (nb_norm_say(c, WORDS(c)->the) != NB_OK ||
        say_cardinal(c, (unsigned)(t[i] - '0')) != NB_OK ||
        nb_numbers_last_ordinal(NUMS(c), c->say, from) != NB_OK ||
        nb_norm_say(c, WORDS(c)->quarter_of) != NB_OK ||
        nb_quantity_say_year_digits(c, t + i + 2, y) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "quarter";
    return 2 + y;
}

/* ---- years with an era: "44 BC", "AD 79", "340 A.D." ---- */

/* The era marker at text[j] ("BC", "A.D"), a whole token, with the full
 * stop of a dotted one unless that stop ends the sentence ("in 44 B.C.
 * Caesar": kept, so the pause stays).  *era its entry; the bytes read, 0
 * when there is none.  `before` 1: only the markers written before a
 * year. */
static size_t era_at(struct nb_norm_ctx *c, size_t j, int before, const struct nb_era **era)
{
    const char *t = c->text;
    for (size_t k = 0; k < c->lang->neras; k++) {
        const struct nb_era *e = &c->lang->eras[k];
        size_t l = strlen(e->written);
        if ((before && !e->before_number) || l > c->len - j || memcmp(t + j, e->written, l) != 0 ||
            !nb_norm_token_end(t, c->len, j + l))
            continue;
        *era = e;
        if (memchr(e->written, '.', l) && j + l < c->len && t[j + l] == '.') {
            size_t after = j + l + 1;
            int ends =
                after >= c->len || (nb_ascii_is_blank((unsigned char)t[after]) &&
                                    after + 1 < c->len && nb_norm_capital_at(t, c->len, after + 1));
            if (!ends)
                l++;
        }
        return l;
    }
    return 0;
}

/* A year of an era, up to four digits: "four ten", "ten sixty six";
 * longer or grouped ones ("10,000 BC") as cardinals. */
static nb_status say_era_year(struct nb_norm_ctx *c, const struct nb_norm_num *n)
{
    if (n->grouped || n->nint > 4)
        return nb_numbers_cardinal(NUMS(c), n->digits, n->nint, c->say);
    return nb_numbers_year(NUMS(c), (unsigned)nb_norm_num_value(n), c->say);
}

/* "340 AD", "44 BC", "2,500 B.C.": a year read as years are, then the
 * era spelled. */
size_t nb_quantity_era_year(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q)
{
    const char *t = c->text;
    if (!c->lang->neras || !nb_quantity_is_bare(q) || q->num.digits[0] == '0' ||
        q->end + 1 >= c->len || !nb_ascii_is_blank((unsigned char)t[q->end]))
        return 0;
    const struct nb_era *era;
    size_t el = era_at(c, q->end + 1, 0, &era);
    if (!el)
        return 0;
    if (say_era_year(c, &q->num) != NB_OK || nb_norm_say(c, era->spoken) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "year";
    return q->end + 1 + el - i;
}

size_t nb_norm_match_era(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    const struct nb_era *era;
    if (!c->lang->neras || (i > 0 && nb_ascii_is_alnum((unsigned char)t[i - 1])))
        return 0;
    size_t el = era_at(c, i, 1, &era);
    if (!el || i + el + 1 >= c->len || !nb_ascii_is_blank((unsigned char)t[i + el]))
        return 0;
    struct nb_norm_num n;
    size_t j = i + el + 1;
    if (!nb_norm_number_at(t, c->len, j, &n) || n.has_point || n.digits[0] == '0' ||
        !nb_norm_token_end(t, c->len, n.end) ||
        (n.end + 1 < c->len && strchr(".,:-/", t[n.end]) &&
         nb_ascii_is_digit((unsigned char)t[n.end + 1])))
        return 0;
    if (nb_norm_say(c, era->spoken) != NB_OK || say_era_year(c, &n) != NB_OK)
        return nb_norm_fail(c);
    c->rule = "year";
    return n.end - i;
}
