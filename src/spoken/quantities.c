/* quantities.c - the matcher for everything that starts with a number or a
 * currency, as a table of recognisers tried in order (numeric dates,
 * quarters, fractions, day-first dates, ranges, scores, and a quantity
 * alone), and one quantity itself: reading it (a number, with money,
 * scales, times, ordinals, decades, percentages, temperatures, units
 * attached) and saying it.
 *
 * Dates and times are in dates_times.c, fractions in fractions.c, ranges
 * and scores in ranges.c; what they share is in quantity.h.
 */
#include "spoken/quantity.h"
#include "text/chars.h"

#include <string.h>

/* A currency symbol at text[i]: its table entry and length. */
static size_t currency_at(struct nb_norm_ctx *c, size_t i, const struct nb_currency **cur)
{
    for (size_t k = 0; k < c->lang->ncurrencies; k++) {
        const char *sym = c->lang->currencies[k].symbol;
        /* the first byte first: asked at every number */
        if (sym[0] && (i >= c->len || c->text[i] != sym[0]))
            continue;
        size_t sl = strlen(sym);
        if (sl <= c->len - i && memcmp(c->text + i, sym, sl) == 0) {
            *cur = &c->lang->currencies[k];
            return sl;
        }
    }
    return 0;
}

/* The unit written exactly at text[j], a whole token, or NULL. */
static const struct nb_unit *unit_exact(const struct nb_unit *units, size_t n,
                                        struct nb_norm_ctx *c, size_t j, size_t *ul)
{
    for (size_t k = 0; k < n; k++) {
        const struct nb_unit *u = &units[k];
        /* the first byte first: asked after every number */
        if (u->written[0] && (j >= c->len || c->text[j] != u->written[0]))
            continue;
        size_t l = strlen(u->written);
        if (l <= c->len - j && memcmp(c->text + j, u->written, l) == 0 &&
            nb_norm_token_end(c->text, c->len, j + l)) {
            *ul = l;
            return u;
        }
    }
    return NULL;
}

/* "/mo" after money or a number: "per month".  After a unit, any unit
 * may follow the slash: "kg/ha" is kilograms per hectare, "cc/s" per
 * second (unit_rate 1).  The word to say, and *pl the bytes, or NULL. */
static const char *per_at(struct nb_norm_ctx *c, size_t j, int unit_rate, size_t *pl)
{
    if (j + 1 >= c->len || c->text[j] != '/')
        return NULL;
    const struct nb_norm_lang *l = c->lang;
    const struct nb_unit *u = unit_exact(l->per_units, l->nper_units, c, j + 1, pl);
    if (!u && unit_rate)
        u = unit_exact(l->units, l->nunits, c, j + 1, pl);
    if (!u)
        return NULL;
    *pl += 1;
    return u->one;
}

/* A unit at text[j]; a one-letter one before a slash only in a rate
 * ("m/s"): "5 l/2" is no unit. */
static const struct nb_unit *unit_at(struct nb_norm_ctx *c, size_t j, size_t *ul)
{
    const struct nb_unit *u = unit_exact(c->lang->units, c->lang->nunits, c, j, ul);
    size_t pl;
    if (u && *ul == 1 && j + 1 < c->len && c->text[j + 1] == '/' && !per_at(c, j + 1, 1, &pl))
        return NULL;
    return u;
}

/* Scale words after a number: "bn" (attached or not), "million". */
static const char *scale_at(struct nb_norm_ctx *c, size_t j, int money, size_t *sl)
{
    size_t k = j;
    int spaced = 0;
    while (k < c->len && nb_ascii_is_blank((unsigned char)c->text[k]))
        k++, spaced = 1;
    size_t wl = nb_norm_letters(c->text, c->len, k);
    if (!wl || !nb_norm_token_end(c->text, c->len, k + wl))
        return NULL;
    for (size_t s = 0; s < c->lang->nscales; s++) {
        const struct nb_scale_word *w = &c->lang->scales[s];
        if (strlen(w->written) != wl)
            continue;
        if (w->exact_case ? (!money || memcmp(c->text + k, w->written, wl) != 0)
                          : !nb_norm_starts_ci(c->text, c->len, k, w->written))
            continue;
        if (!money && spaced && w->written[0] != w->spoken[0])
            continue; /* "5 bn" only with money */
        if (!money && !spaced && w->exact_case)
            continue;
        *sl = k + wl - j;
        return w->spoken;
    }
    return NULL;
}

static int valid_ordinal_suffix(const struct nb_norm_num *n, const char *s)
{
    int last = n->digits[n->nint - 1] - '0';
    int tens = n->nint > 1 ? n->digits[n->nint - 2] - '0' : 0;
    char a = (char)nb_ascii_lower((unsigned char)s[0]),
         b = (char)nb_ascii_lower((unsigned char)s[1]);
    const char *want = tens == 1   ? "th"
                       : last == 1 ? "st"
                       : last == 2 ? "nd"
                       : last == 3 ? "rd"
                                   : "th";
    return a == want[0] && b == want[1];
}

/* ---- reading one quantity ---- */

/* 1 when the word before text[i] is "a" or "an": what the number measures
 * is an adjective, so singular ("a 5kg bag", "a 90° angle"). */
static int after_article(struct nb_norm_ctx *c, size_t i)
{
    size_t ps, pl = nb_norm_prev_word(c->text, i, &ps);
    return (pl == 1 && nb_ascii_lower((unsigned char)c->text[ps]) == 'a') ||
           (pl == 2 && nb_norm_starts_ci(c->text, c->len, ps, "an"));
}

/* The readers of what follows a number: each looks at text[j], right
 * after the number (or its scale) of the quantity `it` that starts at
 * text[i], fills in `it` and returns the bytes it read from j (0: not
 * mine). */
typedef size_t (*quantity_reader)(struct nb_norm_ctx *c, size_t i, size_t j,
                                  struct nb_quantity *it);

/* "21st", "3RD": the ordinal's own suffix. */
static size_t read_ordinal(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *it)
{
    const char *t = c->text;
    if (!it->cur && !it->num.has_point && j + 1 < c->len &&
        nb_ascii_is_alpha((unsigned char)t[j]) && nb_ascii_is_alpha((unsigned char)t[j + 1]) &&
        nb_norm_token_end(t, c->len, j + 2) && valid_ordinal_suffix(&it->num, t + j)) {
        it->kind = NB_QUANTITY_ORDINAL;
        return 2;
    }
    return 0;
}

/* "21th": an ordinal suffix that is not this number's, read as written. */
static size_t read_odd_suffix(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *it)
{
    const char *t = c->text;
    if (!it->cur && !it->num.has_point && j + 1 < c->len && nb_norm_token_end(t, c->len, j + 2) &&
        (nb_norm_starts_ci(t, c->len, j, "th") || nb_norm_starts_ci(t, c->len, j, "st") ||
         nb_norm_starts_ci(t, c->len, j, "nd") || nb_norm_starts_ci(t, c->len, j, "rd"))) {
        it->letters = j;
        it->nletters = 2;
        return 2;
    }
    return 0;
}

/* "1980s", "80's", "1980’s"; "1980 s", with the s cut off by a space,
 * only after a four-digit decade (a "30 s" is seconds). */
static size_t read_decade(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *it)
{
    const char *t = c->text;
    if (!it->cur && !it->num.has_point && !it->num.grouped &&
        (it->num.nint == 2 || it->num.nint == 4) && it->num.digits[it->num.nint - 1] == '0') {
        size_t k = j;
        if (k < c->len && t[k] == '\'')
            k++;
        else if (k + 2 < c->len && memcmp(t + k, "\xe2\x80\x99", 3) == 0)
            k += 3;
        else if (it->num.nint == 4 && k + 1 < c->len && t[k] == ' ')
            k++;
        if (k < c->len && t[k] == 's' && nb_norm_token_end(t, c->len, k + 1)) {
            it->kind = NB_QUANTITY_DECADE;
            return k + 1 - j;
        }
    }
    return 0;
}

/* "20p": the minor unit's suffix. */
static size_t read_minor_money(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *it)
{
    const char *t = c->text;
    if (!it->cur && !it->num.has_point && j < c->len && nb_norm_token_end(t, c->len, j + 1)) {
        for (size_t k = 0; k < c->lang->ncurrencies; k++) {
            const struct nb_currency *cu = &c->lang->currencies[k];
            if (cu->minor_suffix && t[j] == cu->minor_suffix[0] && !cu->minor_suffix[1]) {
                it->cur = cu;
                it->kind = NB_QUANTITY_MONEY;
                it->minor_only = 1;
                return 1;
            }
        }
    }
    return 0;
}

/* What may follow the number and end the quantity there, tried in order. */
static const quantity_reader endings[] = {
    nb_quantity_read_time, /* "6:15", "11.45am", "5pm" (dates_times.c) */
    read_ordinal,          /* "21st" */
    read_odd_suffix,       /* "21th" */
    read_decade,           /* "1980s" */
    read_minor_money,      /* "20p" */
};

/* "5%". */
static size_t read_percent(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *it)
{
    if (j < c->len && c->text[j] == '%') {
        it->percent = 1;
        return 1;
    }
    return 0;
}

/* "22.5C", "-3C", "2°C", "4° C"; "45°" alone is degrees of no scale
 * (it->temp 'D').  English copy writes the ordinal indicator º for the
 * degree sign: "45ºC", "45º". */
static size_t read_temperature(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *it)
{
    const char *t = c->text;
    if (it->cur)
        return 0;
    size_t k = j;
    int sign = 0;
    if (k + 1 < c->len && (unsigned char)t[k] == 0xC2 &&
        ((unsigned char)t[k + 1] == 0xB0 || (unsigned char)t[k + 1] == 0xBA)) {
        k += 2;
        sign = 1;
    }
    size_t s = sign && k + 1 < c->len && t[k] == ' ' ? k + 1 : k;
    if (s < c->len && (t[s] == 'C' || t[s] == 'F') && nb_norm_token_end(t, c->len, s + 1)) {
        it->temp = t[s];
        return s + 1 - j;
    }
    if (sign) {
        it->temp = 'D';
        it->unit_adjective = after_article(c, i);
        return k - j;
    }
    return 0;
}

/* 1 when the "m" after the number at text[i], ending at text[e], is
 * metres by its context: the word after it says a length ("100m sprint",
 * "3m high"), or "of" and what a length measures ("1.2m of water"), or a
 * word up to three before the number does ("jumped 2.1m", "under 1.2m").
 * Otherwise a number with "m" is a count: million. */
static int metres_by_context(struct nb_norm_ctx *c, size_t i, size_t e)
{
    const char *t = c->text;
    const struct nb_norm_lang *l = c->lang;
    size_t ws, wl = nb_norm_next_word(t, c->len, e, &ws);
    if (wl && nb_norm_in_list(l->metre_after, l->nmetre_after, t + ws, wl, 1))
        return 1;
    if (wl == 2 && nb_norm_starts_ci(t, c->len, ws, "of")) {
        size_t os, ol = nb_norm_next_word(t, c->len, ws + wl, &os);
        if (ol && nb_norm_in_list(l->metre_of, l->nmetre_of, t + os, ol, 1))
            return 1;
    }
    size_t at = i;
    for (int k = 0; k < 3; k++) {
        size_t ps, pl = nb_norm_prev_word(t, at, &ps);
        if (!pl)
            break;
        if (nb_norm_in_list(l->metre_before, l->nmetre_before, t + ps, pl, 1))
            return 1;
        at = ps;
    }
    return 0;
}

/* "5kg", "10-km", "100m sprint"; the "m" of "5m people" is a scale. */
static size_t read_unit(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *it)
{
    const char *t = c->text;
    if (it->cur)
        return 0;
    size_t u = j;
    int hyphen = 0;
    if (u < c->len && nb_ascii_is_blank((unsigned char)t[u]))
        u++;
    else if (u + 1 < c->len && t[u] == '-' && nb_ascii_is_alpha((unsigned char)t[u + 1]))
        u++, hyphen = 1;
    size_t ul, pl;
    const struct nb_unit *unit = unit_at(c, u, &ul);
    /* a rate is a measure however short its unit: "12 m/s" */
    int rate = unit && per_at(c, u + ul, 1, &pl) != NULL;
    if (unit && u > j && ul == 1 && !hyphen && !rate)
        unit = NULL; /* "5 m" */
    if (unit && !strcmp(unit->written, "m") && !hyphen && !rate) {
        /* "100m sprint", "1.2m of water", "a wave 3m high" are metres; "5m
         * people", "lists stand at 7.4m" are million */
        if (!metres_by_context(c, i, u + ul)) {
            unit = NULL;
            if (!it->scale && u == j) {
                it->scale = "million";
                return u + ul - j;
            }
        }
    }
    if (unit && (!it->scale || u > j)) {
        it->unit = unit;
        it->unit_adjective = hyphen || after_article(c, i); /* "a 5kg bag" */
        return u + ul - j;
    }
    return 0;
}

/* What the number is a measure of, after its scale: the first that reads. */
static const quantity_reader measures[] = {
    read_percent,     /* "5%" */
    read_temperature, /* "22.5C" (not after a currency) */
    read_unit,        /* "5kg" (not after a currency) */
};

/* A sign, a currency symbol and the number; then one of the endings, or
 * else a scale word, one of the measures and a "per" unit, each optional. */
int nb_quantity_read(struct nb_norm_ctx *c, size_t i, struct nb_quantity *it)
{
    const char *t = c->text;
    memset(it, 0, sizeof(*it));
    size_t j = i;
    if (j + 1 < c->len && t[j] == '-' &&
        (nb_ascii_is_digit((unsigned char)t[j + 1]) || t[j + 1] == '$')) {
        it->neg = 1;
        j++;
    }
    size_t cl = currency_at(c, j, &it->cur);
    if (cl && j + cl < c->len && nb_ascii_is_blank((unsigned char)t[j + cl]) && !it->neg)
        cl = 0, it->cur = NULL; /* "$ 5" is not written in news */
    if (!cl)
        it->cur = NULL;
    j += cl;
    if (!nb_norm_number_at(t, c->len, j, &it->num))
        return 0;
    j = it->num.end;
    it->end = j;
    it->kind = it->cur ? NB_QUANTITY_MONEY : NB_QUANTITY_NUMBER;
    if (it->cur) {
        /* "a €1.8bn deal": the currency is an adjective, so singular */
        it->unit_adjective = after_article(c, i);
    }
    /* asked before the endings: a number with no integer part is never a time */
    if (it->num.has_point && it->num.nint == 0 && !it->cur && i > 0 &&
        !nb_ascii_is_blank((unsigned char)t[i - 1]) && t[i - 1] != '(')
        return 0; /* "covid-19.5" reads its own way; ".5" alone is fine */
    for (size_t k = 0; k < sizeof(endings) / sizeof(endings[0]); k++) {
        size_t n = endings[k](c, i, j, it);
        if (n) {
            it->end = j + n;
            return 1;
        }
    }
    size_t l;
    const char *scale = scale_at(c, j, it->cur != NULL, &l);
    if (scale) {
        it->scale = scale;
        j += l;
    }
    for (size_t k = 0; k < sizeof(measures) / sizeof(measures[0]); k++) {
        size_t n = measures[k](c, i, j, it);
        if (n) {
            j += n;
            break;
        }
    }
    size_t pl;
    const char *per = per_at(c, j, it->unit != NULL, &pl);
    if (per) {
        it->per = per;
        j += pl;
    }
    it->end = j;
    return 1;
}

/* ---- saying one quantity ---- */

int nb_quantity_is_year(const struct nb_quantity *it)
{
    if (!nb_quantity_is_bare(it) || it->num.grouped || it->num.nint != 4)
        return 0;
    unsigned long long v = nb_norm_num_value(&it->num);
    return v >= 1100 && v <= 2099;
}

nb_status nb_quantity_say_number(struct nb_norm_ctx *c, const struct nb_norm_num *n)
{
    const struct nb_number_words *w = NUMS(c);
    if (n->has_point) {
        /* ".5" and "0.5" both as written */
        return nb_numbers_decimal(w, n->digits, n->nint, n->digits + n->nint, n->nfrac, c->say);
    }
    if ((n->nint > 1 && n->digits[0] == '0') || (!n->grouped && n->nint > 15))
        return nb_numbers_digits(w, n->digits, n->nint, c->say);
    return nb_numbers_cardinal(w, n->digits, n->nint, c->say);
}

static int is_one(const struct nb_norm_num *n)
{
    return !n->has_point && n->nint >= 1 && nb_norm_num_value(n) == 1;
}

nb_status nb_quantity_say_money(struct nb_norm_ctx *c, const struct nb_quantity *it, int with_unit)
{
    const struct nb_currency *cu = it->cur;
    struct nb_norm_num n = it->num;
    if (it->neg && nb_norm_say(c, NUMS(c)->minus) != NB_OK)
        return NB_ENOMEM;
    if (it->minor_only) {
        if (nb_quantity_say_number(c, &n) != NB_OK)
            return NB_ENOMEM;
        return nb_norm_say(c, is_one(&n) ? cu->minor_one : cu->minor_many);
    }
    while (n.nfrac > 2 && n.digits[n.nint + n.nfrac - 1] == '0')
        n.nfrac--;
    if (it->scale || n.nfrac > 2 || !cu->minor_one || n.nfrac == 0) {
        if (n.nfrac == 0)
            n.has_point = 0;
        if (n.nint == 0 && n.has_point && it->scale && nb_norm_say(c, NUMS(c)->ones[0]) != NB_OK)
            return NB_ENOMEM;
        if ((n.nint || n.has_point ? nb_quantity_say_number(c, &n) : NB_OK) != NB_OK ||
            (it->scale && nb_norm_say(c, it->scale) != NB_OK))
            return NB_ENOMEM;
        if (!with_unit)
            return NB_OK;
        return nb_norm_say(c,
                           (is_one(&n) && !it->scale) || it->unit_adjective ? cu->one : cu->many);
    }
    unsigned long long major = nb_norm_num_value(&n);
    unsigned minor = (unsigned)(n.digits[n.nint] - '0') * 10 +
                     (n.nfrac > 1 ? (unsigned)(n.digits[n.nint + 1] - '0') : 0);
    if (major > 0 || minor == 0) {
        n.has_point = 0;
        n.nfrac = 0;
        if (nb_quantity_say_number(c, &n) != NB_OK)
            return NB_ENOMEM;
        if (with_unit && nb_norm_say(c, major == 1 ? cu->one : cu->many) != NB_OK)
            return NB_ENOMEM;
    }
    if (minor > 0) {
        if (say_cardinal(c, minor) != NB_OK)
            return NB_ENOMEM;
        if (with_unit && nb_norm_say(c, minor == 1 ? cu->minor_one : cu->minor_many) != NB_OK)
            return NB_ENOMEM;
    }
    return NB_OK;
}

static nb_status say_decade(struct nb_norm_ctx *c, const struct nb_quantity *it)
{
    size_t from = c->say->len;
    unsigned v = (unsigned)nb_norm_num_value(&it->num);
    if (nb_norm_say(c, "") != NB_OK)
        return NB_ENOMEM;
    if ((it->num.nint == 4 ? nb_numbers_year(NUMS(c), v, c->say) : say_cardinal(c, v)) != NB_OK)
        return NB_ENOMEM;
    return nb_numbers_last_plural(NUMS(c), c->say, from);
}

nb_status nb_quantity_say(struct nb_norm_ctx *c, const struct nb_quantity *it, int unit,
                          int year_ok)
{
    const struct nb_norm_words *w = WORDS(c);
    switch (it->kind) {
    case NB_QUANTITY_TIME:
        return nb_quantity_say_time(c, it);
    case NB_QUANTITY_DECADE:
        return say_decade(c, it);
    case NB_QUANTITY_ORDINAL:
        return nb_numbers_ordinal(NUMS(c), it->num.digits, it->num.nint, c->say);
    case NB_QUANTITY_MONEY:
        if (nb_quantity_say_money(c, it, unit) != NB_OK)
            return NB_ENOMEM;
        break;
    case NB_QUANTITY_NUMBER:
        if (it->neg && nb_norm_say(c, NUMS(c)->minus) != NB_OK)
            return NB_ENOMEM;
        if (year_ok && nb_quantity_is_year(it)) {
            if (nb_numbers_year(NUMS(c), (unsigned)nb_norm_num_value(&it->num), c->say) != NB_OK)
                return NB_ENOMEM;
        } else if (nb_quantity_say_number(c, &it->num) != NB_OK) {
            return NB_ENOMEM;
        }
        if (it->scale && nb_norm_say(c, it->scale) != NB_OK)
            return NB_ENOMEM;
        if (it->nletters) {
            char l[2] = {(char)nb_ascii_lower((unsigned char)c->text[it->letters]),
                         (char)nb_ascii_lower((unsigned char)c->text[it->letters + 1])};
            if (nb_norm_say_n(c, l, 2) != NB_OK)
                return NB_ENOMEM;
        }
        if (!unit)
            return NB_OK;
        if (it->percent && nb_norm_say(c, w->percent) != NB_OK)
            return NB_ENOMEM;
        if (it->temp) {
            int one = is_one(&it->num) || (it->temp == 'D' && it->unit_adjective);
            if (nb_norm_say(c, one ? w->degree : w->degrees) != NB_OK ||
                (it->temp != 'D' &&
                 nb_norm_say(c, it->temp == 'C' ? w->celsius : w->fahrenheit) != NB_OK))
                return NB_ENOMEM;
        }
        if (it->unit) {
            int one = (is_one(&it->num) && !it->neg) || it->unit_adjective;
            if (nb_norm_say(c, one ? it->unit->one : it->unit->many) != NB_OK)
                return NB_ENOMEM;
        }
        break;
    }
    if (it->per && (nb_norm_say(c, w->per) != NB_OK || nb_norm_say(c, it->per) != NB_OK))
        return NB_ENOMEM;
    return NB_OK;
}

/* ---- the matcher: recognisers tried in order ---- */

/* "'80s", "’80s". */
static size_t short_decade(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q)
{
    const char *t = c->text;
    size_t k = i + (t[i] == '\'' ? 1 : 3);
    if (k + 2 < c->len && nb_ascii_is_digit((unsigned char)t[k]) && t[k + 1] == '0' &&
        t[k + 2] == 's' && nb_norm_token_end(t, c->len, k + 3)) {
        size_t from = c->say->len;
        if (say_cardinal(c, (unsigned)(t[k] - '0') * 10) != NB_OK ||
            nb_numbers_last_plural(NUMS(c), c->say, from) != NB_OK)
            return nb_norm_fail(c);
        c->rule = "decade";
        return k + 3 - i;
    }
    return 0;
}

static const char *quantity_rule(const struct nb_quantity *it)
{
    switch (it->kind) {
    case NB_QUANTITY_MONEY:
        return "money";
    case NB_QUANTITY_TIME:
        return "time";
    case NB_QUANTITY_DECADE:
        return "decade";
    case NB_QUANTITY_ORDINAL:
        return "ordinal";
    case NB_QUANTITY_NUMBER:
        break;
    }
    if (it->percent)
        return "percent";
    if (it->temp)
        return it->temp == 'D' ? "measure" : "temperature";
    if (it->unit)
        return "measure";
    return nb_quantity_is_year(it) ? "year" : "number";
}

/* The quantity on its own: "£1.8bn", "6pm", "21st", "5kg", "1987". */
static size_t quantity_alone(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *it)
{
    if (it->kind == NB_QUANTITY_NUMBER && !it->unit && !it->percent && !it->temp && !it->scale &&
        !it->per && !nb_norm_token_end(c->text, c->len, it->end))
        return 0; /* "4x4", "5G", "3D": as written */
    /* a year unless a unit follows: "in 1987", "1987 was" */
    if (nb_quantity_say(c, it, 1, 1) != NB_OK)
        return nb_norm_fail(c);
    c->rule = quantity_rule(it);
    return it->end - i;
}

/* What text[i] is as the start of a quantity. */
enum {
    START_APOSTROPHE = 1, /* "'80s" */
    START_DIGIT = 2,
    START_OTHER = 4, /* a sign, a point or a currency symbol: "-3", ".5", "£5" */
    START_QUANTITY = START_DIGIT | START_OTHER
};

static const struct recogniser {
    unsigned starts; /* where it is tried: START_* */
    int quantity;    /* 1: it is given the quantity read at i, and is not
                        tried when there is none */
    nb_quantity_recogniser read;
} recognisers[] = {
    {START_APOSTROPHE, 0, short_decade},         /* "'80s" */
    {START_DIGIT, 0, nb_quantity_numeric_date},  /* "03/03/2025", "2025-03-03" */
    {START_DIGIT, 0, nb_quantity_quarter_year},  /* "2Q22" */
    {START_DIGIT, 0, nb_quantity_fraction},      /* "2/3", "1/4th"; "29/11" a date */
    {START_QUANTITY, 1, nb_quantity_day_month},  /* "3 March 2025", "26th May" */
    {START_DIGIT, 1, nb_quantity_era_year},      /* "44 BC", "340 A.D." */
    {START_QUANTITY, 1, nb_quantity_fraction},   /* "2 1/2" */
    {START_QUANTITY, 1, nb_quantity_dimensions}, /* "2x4" */
    {START_QUANTITY, 1, nb_quantity_score},      /* "2-1" near sports words */
    {START_QUANTITY, 1, nb_quantity_year_range}, /* "2024-25", "1980-1986" */
    {START_QUANTITY, 1, nb_quantity_range},      /* "10-15cm", "£5-10m", "8am-6pm" */
    {START_QUANTITY, 1, quantity_alone},         /* "£1.8bn", "6pm", "21st", "1987" */
};

/* START_* for text[i], or 0 where no quantity starts: a multi-byte
 * character that is not a currency symbol, or a digit after "1." or "1,"
 * (the rest of "1.2.3" is left alone). */
static unsigned start_at(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    unsigned char first = (unsigned char)t[i];
    if ((first == '\'' || (first == 0xE2 && i + 2 < c->len && (unsigned char)t[i + 1] == 0x80 &&
                           (unsigned char)t[i + 2] == 0x99)))
        return START_APOSTROPHE;
    if (first == 0xE2 || first == 0xC2) {
        /* only currency symbols among multi-byte starts */
        const struct nb_currency *cur;
        if (!currency_at(c, i, &cur))
            return 0;
    }
    if (i > 0 && (t[i - 1] == '.' || t[i - 1] == ',') && nb_ascii_is_digit(first))
        return 0;
    return nb_ascii_is_digit(first) ? START_DIGIT : START_OTHER;
}

/* The quantity at text[i] for the recognisers: 0 when there is none, or
 * when it is one number of "1/2/3/4" (not a quantity). */
static int quantity_at(struct nb_norm_ctx *c, size_t i, struct nb_quantity *it)
{
    if (!nb_quantity_read(c, i, it))
        return 0;
    return !(it->kind == NB_QUANTITY_NUMBER && it->end < c->len && c->text[it->end] == '/' &&
             !it->per && !it->unit);
}

size_t nb_norm_match_quantity(struct nb_norm_ctx *c, size_t i)
{
    unsigned start = start_at(c, i);
    if (!start)
        return 0;
    struct nb_quantity q;
    int have_q = 0;
    for (size_t k = 0; k < sizeof(recognisers) / sizeof(recognisers[0]); k++) {
        const struct recogniser *r = &recognisers[k];
        if (!(r->starts & start))
            continue;
        if (r->quantity && !have_q) {
            if (!quantity_at(c, i, &q))
                return 0;
            have_q = 1;
        }
        size_t used = r->read(c, i, r->quantity ? &q : NULL);
        if (used || c->status != NB_OK)
            return used;
    }
    return 0;
}
