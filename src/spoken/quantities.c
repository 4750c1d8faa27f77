/* quantities.c - the matcher for everything that starts with a number or a
 * currency: numbers, money, percentages, units, temperatures, times,
 * numeric and day-first dates, decades, years, ordinals, fractions, ranges
 * and scores.
 *
 * A quantity is first parsed into a `struct item` (what was written), then
 * said; a range is two items joined by a hyphen or en dash, said according
 * to what they are ("1980-86", "10-15cm", "8am-6pm", a score "2-1").
 */
#include "spoken/match.h"

#include "spoken/numbers.h"

#include <string.h>

enum item_kind { ITEM_NUMBER, ITEM_MONEY, ITEM_TIME, ITEM_DECADE, ITEM_ORDINAL };

struct item {
    enum item_kind kind;
    int neg;
    struct nb_norm_num num;
    const struct nb_currency *cur;
    const char *scale; /* spoken scale word ("billion") */
    int minor_only;    /* "20p" */
    const struct nb_unit *unit;
    int unit_adjective; /* "10-km race": singular */
    int percent;
    int temp; /* 'C', 'F' or 0 */
    size_t letters, nletters; /* "21th": a suffix that is no ordinal's, read as written */
    const char *per; /* "month" in "$20/mo" */
    int hh, mm, ss, has_mm, has_ss;
    int ampm; /* 0, 'a', 'p' */
    size_t zone, zone_len; /* in the text, 0 length: none */
    int zone_dotted;
    size_t end;
};

#define WORDS(c) ((c)->lang->words)
#define NUMS(c) ((c)->lang->numbers)

static int say_cardinal(struct nb_norm_ctx *c, unsigned long long v)
{
    return nb_numbers_cardinal_u(NUMS(c), v, c->say);
}

static int is_space(int ch)
{
    return ch == ' ' || ch == '\t';
}

/* A currency symbol at text[i]: its table entry and length. */
static size_t currency_at(struct nb_norm_ctx *c, size_t i, const struct nb_currency **cur)
{
    for (size_t k = 0; k < c->lang->ncurrencies; k++) {
        const char *sym = c->lang->currencies[k].symbol;
        size_t sl = strlen(sym);
        if (sl <= c->len - i && memcmp(c->text + i, sym, sl) == 0) {
            *cur = &c->lang->currencies[k];
            return sl;
        }
    }
    return 0;
}

/* "am", "a.m.", "a.m", "AM", "pm"... at text[j] ending a token: its length,
 * *which 'a' or 'p'. */
static size_t ampm_at(const char *t, size_t len, size_t j, int *which)
{
    if (j >= len)
        return 0;
    int c0 = nb_norm_lower((unsigned char)t[j]);
    if (c0 != 'a' && c0 != 'p')
        return 0;
    size_t k = j + 1;
    if (k < len && t[k] == '.')
        k++;
    if (k >= len || nb_norm_lower((unsigned char)t[k]) != 'm')
        return 0;
    k++;
    if (k < len && t[k] == '.' && (k + 1 >= len || !nb_norm_is_alpha((unsigned char)t[k + 1]) ||
                                   t[k - 2] == '.'))
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
    while (k < c->len && is_space((unsigned char)c->text[k]))
        k++;
    char letters[8];
    size_t n = 0, e = k;
    while (e < c->len && n < sizeof(letters) && nb_norm_is_alpha((unsigned char)c->text[e])) {
        letters[n++] = (char)(c->text[e] & ~0x20);
        e++;
        if (e < c->len && c->text[e] == '.' && e + 1 < c->len &&
            nb_norm_is_alpha((unsigned char)c->text[e + 1]) && (e + 2 >= c->len || c->text[e + 2] == '.' ||
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

static const struct nb_unit *unit_at(struct nb_norm_ctx *c, size_t j, size_t *ul)
{
    for (size_t k = 0; k < c->lang->nunits; k++) {
        const struct nb_unit *u = &c->lang->units[k];
        size_t l = strlen(u->written);
        if (l <= c->len - j && memcmp(c->text + j, u->written, l) == 0 &&
            nb_norm_token_end(c->text, c->len, j + l) &&
            !(j + l < c->len && c->text[j + l] == '/' && l == 1)) {
            *ul = l;
            return u;
        }
    }
    return NULL;
}

static const char *per_at(struct nb_norm_ctx *c, size_t j, size_t *pl)
{
    if (j + 1 >= c->len || c->text[j] != '/')
        return NULL;
    for (size_t k = 0; k < c->lang->nper_units; k++) {
        const struct nb_unit *u = &c->lang->per_units[k];
        size_t l = strlen(u->written);
        if (l <= c->len - j - 1 && memcmp(c->text + j + 1, u->written, l) == 0 &&
            nb_norm_token_end(c->text, c->len, j + 1 + l)) {
            *pl = l + 1;
            return u->one;
        }
    }
    return NULL;
}

/* Scale words after a number: "bn" (attached or not), "million". */
static const char *scale_at(struct nb_norm_ctx *c, size_t j, int money, size_t *sl)
{
    size_t k = j;
    int spaced = 0;
    while (k < c->len && is_space((unsigned char)c->text[k]))
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

/* Time after the number already in it->num: "6:15", "11.45am", "5pm". */
static int parse_time(struct nb_norm_ctx *c, struct item *it)
{
    const char *t = c->text;
    size_t j = it->num.end;
    unsigned long long h = nb_norm_num_value(&it->num);
    if (it->neg || it->cur || it->num.grouped || it->num.nint > 2 || h > 24)
        return 0;
    int colon = 0;
    if (!it->num.has_point && j + 2 < c->len && t[j] == ':' && nb_norm_is_digit((unsigned char)t[j + 1]) &&
        nb_norm_is_digit((unsigned char)t[j + 2]) && (j + 3 >= c->len || !nb_norm_is_digit((unsigned char)t[j + 3]))) {
        it->mm = (t[j + 1] - '0') * 10 + (t[j + 2] - '0');
        it->has_mm = 1;
        j += 3;
        colon = 1;
        if (j + 2 < c->len && t[j] == ':' && nb_norm_is_digit((unsigned char)t[j + 1]) &&
            nb_norm_is_digit((unsigned char)t[j + 2])) {
            it->ss = (t[j + 1] - '0') * 10 + (t[j + 2] - '0');
            it->has_ss = 1;
            j += 3;
        }
        if (it->mm > 59 || it->ss > 59)
            return 0;
    } else if (it->num.has_point) {
        if (it->num.nfrac != 2 || it->num.nint == 0)
            return 0;
        it->mm = (it->num.digits[it->num.nint] - '0') * 10 + (it->num.digits[it->num.nint + 1] - '0');
        it->has_mm = 1;
        if (it->mm > 59)
            return 0;
    }
    size_t k = j;
    while (k < c->len && is_space((unsigned char)t[k]))
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
        } else if (t[j - 1] == '.' && (j >= c->len || (j + 1 < c->len && t[j] == ' ' &&
                                                       nb_norm_is_upper((unsigned char)t[j + 1])))) {
            j--; /* "at 6 p.m. The polls...": the full stop still ends the sentence */
        }
    } else if (!colon) {
        return 0;
    }
    it->hh = (int)h;
    it->kind = ITEM_TIME;
    it->end = j;
    return 1;
}

static int valid_ordinal_suffix(const struct nb_norm_num *n, const char *s)
{
    int last = n->digits[n->nint - 1] - '0';
    int tens = n->nint > 1 ? n->digits[n->nint - 2] - '0' : 0;
    char a = (char)nb_norm_lower((unsigned char)s[0]), b = (char)nb_norm_lower((unsigned char)s[1]);
    const char *want = tens == 1 ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
    return a == want[0] && b == want[1];
}

/* Reads one quantity at text[i]. */
static int parse_item(struct nb_norm_ctx *c, size_t i, struct item *it)
{
    const char *t = c->text;
    memset(it, 0, sizeof(*it));
    size_t j = i;
    if (j + 1 < c->len && t[j] == '-' && (nb_norm_is_digit((unsigned char)t[j + 1]) || t[j + 1] == '$')) {
        it->neg = 1;
        j++;
    }
    size_t cl = currency_at(c, j, &it->cur);
    if (cl && j + cl < c->len && is_space((unsigned char)t[j + cl]) && !it->neg)
        cl = 0, it->cur = NULL; /* "$ 5" is not written in news */
    if (!cl)
        it->cur = NULL;
    j += cl;
    if (!nb_norm_number_at(t, c->len, j, &it->num))
        return 0;
    j = it->num.end;
    it->end = j;
    it->kind = it->cur ? ITEM_MONEY : ITEM_NUMBER;
    if (it->cur) {
        /* "a €1.8bn deal": the currency is an adjective, so singular */
        size_t ps, pl = nb_norm_prev_word(t, i, &ps);
        it->unit_adjective = (pl == 1 && nb_norm_lower((unsigned char)t[ps]) == 'a') ||
                             (pl == 2 && nb_norm_starts_ci(t, c->len, ps, "an"));
    }
    if (!it->cur && parse_time(c, it))
        return 1;
    if (it->num.has_point && it->num.nint == 0 && !it->cur && i > 0 &&
        !is_space((unsigned char)t[i - 1]) && t[i - 1] != '(')
        return 0; /* "covid-19.5" reads its own way; ".5" alone is fine */
    /* ordinals and decades */
    if (!it->cur && !it->num.has_point && j + 1 < c->len && nb_norm_is_alpha((unsigned char)t[j]) &&
        nb_norm_is_alpha((unsigned char)t[j + 1]) && nb_norm_token_end(t, c->len, j + 2) &&
        valid_ordinal_suffix(&it->num, t + j)) {
        it->kind = ITEM_ORDINAL;
        it->end = j + 2;
        return 1;
    }
    if (!it->cur && !it->num.has_point && j + 1 < c->len && nb_norm_token_end(t, c->len, j + 2) &&
        (nb_norm_starts_ci(t, c->len, j, "th") || nb_norm_starts_ci(t, c->len, j, "st") ||
         nb_norm_starts_ci(t, c->len, j, "nd") || nb_norm_starts_ci(t, c->len, j, "rd"))) {
        it->letters = j;
        it->nletters = 2;
        it->end = j + 2;
        return 1;
    }
    if (!it->cur && !it->num.has_point && !it->num.grouped &&
        (it->num.nint == 2 || it->num.nint == 4) && it->num.digits[it->num.nint - 1] == '0') {
        size_t k = j;
        if (k < c->len && (t[k] == '\''))
            k++;
        if (k < c->len && t[k] == 's' && nb_norm_token_end(t, c->len, k + 1)) {
            it->kind = ITEM_DECADE;
            it->end = k + 1;
            return 1;
        }
    }
    /* "20p" */
    if (!it->cur && !it->num.has_point && j < c->len && nb_norm_token_end(t, c->len, j + 1)) {
        for (size_t k = 0; k < c->lang->ncurrencies; k++) {
            const struct nb_currency *cu = &c->lang->currencies[k];
            if (cu->minor_suffix && t[j] == cu->minor_suffix[0] && !cu->minor_suffix[1]) {
                it->cur = cu;
                it->kind = ITEM_MONEY;
                it->minor_only = 1;
                it->end = j + 1;
                return 1;
            }
        }
    }
    size_t l;
    const char *scale = scale_at(c, j, it->cur != NULL, &l);
    if (scale) {
        it->scale = scale;
        j += l;
    }
    if (j < c->len && t[j] == '%') {
        it->percent = 1;
        j++;
    } else if (!it->cur) {
        /* temperature: "22.5C", "-3C", "2°C" */
        size_t k = j;
        if (k + 1 < c->len && (unsigned char)t[k] == 0xC2 &&
            ((unsigned char)t[k + 1] == 0xB0 || (unsigned char)t[k + 1] == 0xBA))
            k += 2;
        if (k < c->len && (t[k] == 'C' || t[k] == 'F') && nb_norm_token_end(t, c->len, k + 1)) {
            it->temp = t[k];
            j = k + 1;
        } else {
            size_t u = j;
            int hyphen = 0;
            if (u < c->len && is_space((unsigned char)t[u]))
                u++;
            else if (u + 1 < c->len && t[u] == '-' && nb_norm_is_alpha((unsigned char)t[u + 1]))
                u++, hyphen = 1;
            size_t ul;
            const struct nb_unit *unit = unit_at(c, u, &ul);
            if (unit && u > j && ul == 1 && !hyphen)
                unit = NULL; /* "5 m" */
            if (unit && !strcmp(unit->written, "m") && !hyphen) {
                /* "100m sprint" is metres, "5m people" is million */
                size_t ws, wl = nb_norm_next_word(t, c->len, u + ul, &ws);
                if (wl && !nb_norm_in_list(c->lang->metre_after, c->lang->nmetre_after, t + ws, wl, 1)) {
                    unit = NULL;
                    if (!scale && u == j) {
                        it->scale = "million";
                        j = u + ul;
                    }
                }
            }
            if (unit && (!scale || u > j)) {
                size_t ps, pl = nb_norm_prev_word(t, i, &ps);
                int article = (pl == 1 && nb_norm_lower((unsigned char)t[ps]) == 'a') ||
                              (pl == 2 && nb_norm_starts_ci(t, c->len, ps, "an"));
                it->unit = unit;
                it->unit_adjective = hyphen || article; /* "a 5kg bag" */
                j = u + ul;
            }
        }
    }
    size_t pl;
    const char *per = per_at(c, j, &pl);
    if (per) {
        it->per = per;
        j += pl;
    }
    it->end = j;
    return 1;
}

/* 1 when the item is a bare whole number (nothing attached). */
static int bare_int(const struct item *it)
{
    return it->kind == ITEM_NUMBER && !it->num.has_point && !it->scale && !it->unit &&
           !it->percent && !it->temp && !it->per && !it->neg && !it->nletters;
}

static int year_like(const struct item *it)
{
    if (!bare_int(it) || it->num.grouped || it->num.nint != 4)
        return 0;
    unsigned long long v = nb_norm_num_value(&it->num);
    return v >= 1100 && v <= 2099;
}

static int say_number(struct nb_norm_ctx *c, const struct nb_norm_num *n)
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

static int say_money(struct nb_norm_ctx *c, const struct item *it, int with_unit)
{
    const struct nb_currency *cu = it->cur;
    struct nb_norm_num n = it->num;
    if (it->neg && nb_norm_say(c, NUMS(c)->minus) < 0)
        return -1;
    if (it->minor_only) {
        if (say_number(c, &n) < 0)
            return -1;
        return nb_norm_say(c, is_one(&n) ? cu->minor_one : cu->minor_many);
    }
    while (n.nfrac > 2 && n.digits[n.nint + n.nfrac - 1] == '0')
        n.nfrac--;
    if (it->scale || n.nfrac > 2 || !cu->minor_one || n.nfrac == 0) {
        if (n.nfrac == 0)
            n.has_point = 0;
        if (n.nint == 0 && n.has_point && it->scale && nb_norm_say(c, NUMS(c)->ones[0]) < 0)
            return -1;
        if ((n.nint || n.has_point ? say_number(c, &n) : 0) < 0 ||
            (it->scale && nb_norm_say(c, it->scale) < 0))
            return -1;
        if (!with_unit)
            return 0;
        return nb_norm_say(c, (is_one(&n) && !it->scale) || it->unit_adjective ? cu->one
                                                                              : cu->many);
    }
    unsigned long long major = nb_norm_num_value(&n);
    unsigned minor = (unsigned)(n.digits[n.nint] - '0') * 10 +
                     (n.nfrac > 1 ? (unsigned)(n.digits[n.nint + 1] - '0') : 0);
    if (major > 0 || minor == 0) {
        n.has_point = 0;
        n.nfrac = 0;
        if (say_number(c, &n) < 0)
            return -1;
        if (with_unit && nb_norm_say(c, major == 1 ? cu->one : cu->many) < 0)
            return -1;
    }
    if (minor > 0) {
        if (say_cardinal(c, minor) < 0)
            return -1;
        if (with_unit && nb_norm_say(c, minor == 1 ? cu->minor_one : cu->minor_many) < 0)
            return -1;
    }
    return 0;
}

static int say_time(struct nb_norm_ctx *c, const struct item *it)
{
    const struct nb_norm_words *w = WORDS(c);
    if (it->has_ss) {
        if (say_cardinal(c, (unsigned)it->hh) < 0 || nb_norm_say(c, it->hh == 1 ? w->hour : w->hours) < 0 ||
            say_cardinal(c, (unsigned)it->mm) < 0 ||
            nb_norm_say(c, it->mm == 1 ? w->minute : w->minutes) < 0 ||
            nb_norm_say(c, w->and_word) < 0 || say_cardinal(c, (unsigned)it->ss) < 0 ||
            nb_norm_say(c, it->ss == 1 ? w->second : w->seconds) < 0)
            return -1;
    } else if (!it->ampm && it->mm == 0) {
        if (it->hh == 0 || it->hh == 24)
            return nb_norm_say(c, w->midnight);
        if (say_cardinal(c, (unsigned)it->hh) < 0 ||
            nb_norm_say(c, it->hh <= 12 ? w->oclock : w->hundred_hours) < 0)
            return -1;
    } else {
        if (say_cardinal(c, (unsigned)it->hh) < 0)
            return -1;
        if (it->mm > 0 && it->mm < 10 &&
            (nb_norm_say(c, NUMS(c)->oh) < 0 || say_cardinal(c, (unsigned)it->mm) < 0))
            return -1;
        if (it->mm >= 10 && say_cardinal(c, (unsigned)it->mm) < 0)
            return -1;
    }
    if (it->ampm && nb_norm_say(c, it->ampm == 'a' ? w->am : w->pm) < 0)
        return -1;
    if (it->zone_len) {
        /* spelled: "E-S-T" */
        char z[16];
        size_t n = 0;
        for (size_t k = 0; k < it->zone_len && n + 2 < sizeof(z); k++) {
            unsigned char ch = (unsigned char)c->text[it->zone + k];
            if (!nb_norm_is_alpha(ch))
                continue;
            if (n)
                z[n++] = '-';
            z[n++] = (char)(ch & ~0x20);
        }
        if (nb_norm_say_n(c, z, n) < 0)
            return -1;
    }
    return 0;
}

static int say_decade(struct nb_norm_ctx *c, const struct item *it)
{
    size_t from = c->say->len;
    unsigned v = (unsigned)nb_norm_num_value(&it->num);
    if (nb_norm_say(c, "") < 0)
        return -1;
    if ((it->num.nint == 4 ? nb_numbers_year(NUMS(c), v, c->say) : say_cardinal(c, v)) < 0)
        return -1;
    return nb_numbers_last_plural(NUMS(c), c->say, from);
}

/* Says the item; `unit` 0 leaves out its unit, currency or percent (the
 * first half of "10-15cm"). `year_ok` allows a year reading. */
static int say_item(struct nb_norm_ctx *c, const struct item *it, int unit, int year_ok)
{
    const struct nb_norm_words *w = WORDS(c);
    switch (it->kind) {
    case ITEM_TIME:
        return say_time(c, it);
    case ITEM_DECADE:
        return say_decade(c, it);
    case ITEM_ORDINAL:
        return nb_numbers_ordinal(NUMS(c), it->num.digits, it->num.nint, c->say);
    case ITEM_MONEY:
        if (say_money(c, it, unit) < 0)
            return -1;
        break;
    case ITEM_NUMBER:
        if (it->neg && nb_norm_say(c, NUMS(c)->minus) < 0)
            return -1;
        if (year_ok && year_like(it)) {
            if (nb_numbers_year(NUMS(c), (unsigned)nb_norm_num_value(&it->num), c->say) < 0)
                return -1;
        } else if (say_number(c, &it->num) < 0) {
            return -1;
        }
        if (it->scale && nb_norm_say(c, it->scale) < 0)
            return -1;
        if (it->nletters) {
            char l[2] = {(char)nb_norm_lower((unsigned char)c->text[it->letters]),
                         (char)nb_norm_lower((unsigned char)c->text[it->letters + 1])};
            if (nb_norm_say_n(c, l, 2) < 0)
                return -1;
        }
        if (!unit)
            return 0;
        if (it->percent && nb_norm_say(c, w->percent) < 0)
            return -1;
        if (it->temp) {
            int one = is_one(&it->num);
            if (nb_norm_say(c, one ? w->degree : w->degrees) < 0 ||
                nb_norm_say(c, it->temp == 'C' ? w->celsius : w->fahrenheit) < 0)
                return -1;
        }
        if (it->unit) {
            int one = (is_one(&it->num) && !it->neg) || it->unit_adjective;
            if (nb_norm_say(c, one ? it->unit->one : it->unit->many) < 0)
                return -1;
        }
        break;
    }
    if (it->per && (nb_norm_say(c, w->per) < 0 || nb_norm_say(c, it->per) < 0))
        return -1;
    return 0;
}

/* ---- dates ---- */

static const char *month_name(struct nb_norm_ctx *c, int m)
{
    return c->lang->months[m - 1].name;
}

/* A month name at text[j] (full or abbreviated, any case, optional '.'):
 * 1..12 and its length in *ml, or 0. */
static int month_at(struct nb_norm_ctx *c, size_t j, size_t *ml, int *abbreviated)
{
    size_t wl = nb_norm_letters(c->text, c->len, j);
    if (wl < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        const struct nb_month *mo = &c->lang->months[m];
        const char *cands[4] = {mo->name, mo->abbr[0], mo->abbr[1], mo->abbr[2]};
        for (int k = 0; k < 4; k++) {
            if (!cands[k] || strlen(cands[k]) != wl || !nb_norm_starts_ci(c->text, c->len, j, cands[k]))
                continue;
            size_t e = j + wl;
            if (k > 0 && e < c->len && c->text[e] == '.')
                e++;
            *ml = e - j;
            *abbreviated = k > 0;
            return m + 1;
        }
    }
    return 0;
}

static int say_year_digits(struct nb_norm_ctx *c, const char *d, size_t n)
{
    unsigned v = 0;
    for (size_t k = 0; k < n; k++)
        v = v * 10 + (unsigned)(d[k] - '0');
    if (n == 2) {
        if (v < 10)
            return nb_norm_say(c, NUMS(c)->oh) < 0 ? -1 : say_cardinal(c, v);
        return say_cardinal(c, v);
    }
    return nb_numbers_year(NUMS(c), v, c->say);
}

static int say_ordinal_u(struct nb_norm_ctx *c, unsigned v)
{
    size_t from = c->say->len;
    if (nb_norm_say(c, "") < 0 || say_cardinal(c, v) < 0)
        return -1;
    return nb_numbers_last_ordinal(NUMS(c), c->say, from);
}

/* "the third of March" or "March third" (+ year digits when yn > 0). */
static int say_date(struct nb_norm_ctx *c, size_t i, int day, int month, int day_first,
                    const char *year, size_t yn)
{
    const struct nb_norm_words *w = WORDS(c);
    if (day && day_first && c->lang->month_day_the_of) {
        size_t ws, wl = nb_norm_prev_word(c->text, i, &ws);
        int has_the = wl == strlen(w->the) && nb_norm_starts_ci(c->text, c->len, ws, w->the);
        if ((!has_the && nb_norm_say(c, w->the) < 0) || say_ordinal_u(c, (unsigned)day) < 0 ||
            nb_norm_say(c, w->of) < 0 || nb_norm_say(c, month_name(c, month)) < 0)
            return -1;
    } else {
        if (nb_norm_say(c, month_name(c, month)) < 0 || (day && say_ordinal_u(c, (unsigned)day) < 0))
            return -1;
    }
    return yn ? say_year_digits(c, year, yn) : 0;
}

static size_t digits_at(const char *t, size_t len, size_t j, size_t max)
{
    size_t k = j;
    while (k < len && k - j <= max && nb_norm_is_digit((unsigned char)t[k]))
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
static size_t numeric_date(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t a = digits_at(t, c->len, i, 4);
    if (a == 0 || a == 3 || i + a >= c->len)
        return 0;
    char sep = t[i + a];
    if (sep != '/' && sep != '-' && sep != '.')
        return 0;
    size_t j = i + a + 1;
    size_t b = digits_at(t, c->len, j, 2);
    if (b == 0 || b > 2 || j + b >= c->len || t[j + b] != sep)
        return 0;
    size_t k = j + b + 1;
    size_t y = digits_at(t, c->len, k, 4);
    if (!nb_norm_token_end(t, c->len, k + y) || (k + y < c->len && (t[k + y] == sep || t[k + y] == '-')))
        return 0;
    if (k + y + 1 < c->len && t[k + y] == '.' && nb_norm_is_digit((unsigned char)t[k + y + 1]))
        return 0; /* an IP address */
    int va = num2(t + i, a), vb = num2(t + j, b);
    if (a == 4) { /* year first: ISO */
        if (y == 0 || y > 2)
            return 0;
        int vc = num2(t + k, y);
        if (vb < 1 || vb > 12 || vc < 1 || vc > 31)
            return 0;
        if (say_date(c, i, vc, vb, c->lang->day_first, t + i, 4) < 0)
            return NB_NORM_NOMEM;
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
        if (say_date(c, i, d, m, day_first, t + k, y) < 0)
            return NB_NORM_NOMEM;
    }
    c->rule = "date";
    return k + y - i;
}

/* "3 March 2025", "25th jul 2012", "15 january", "26th May". */
static size_t day_month(struct nb_norm_ctx *c, size_t i, const struct item *it)
{
    if (it->kind != ITEM_NUMBER && it->kind != ITEM_ORDINAL)
        return 0;
    if (it->num.has_point || it->num.nint > 2 || it->scale || it->unit || it->percent ||
        it->temp || it->neg || it->per)
        return 0;
    unsigned d = (unsigned)nb_norm_num_value(&it->num);
    if (d < 1 || d > 31)
        return 0;
    const char *t = c->text;
    size_t j = it->end;
    if (j >= c->len || !is_space((unsigned char)t[j]))
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
    if (k + 4 < c->len + 1 && k < c->len && is_space((unsigned char)t[k])) {
        size_t y = digits_at(t, c->len, k + 1, 4);
        if (y == 4 && nb_norm_token_end(t, c->len, k + 5)) {
            year = t + k + 1;
            yn = 4;
            e = k + 5;
        }
    }
    if (say_date(c, i, (int)d, m, 1, year, yn) < 0)
        return NB_NORM_NOMEM;
    c->rule = "date";
    return e - i;
}

size_t nb_norm_match_month_date(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t ml;
    int abbr;
    int m = month_at(c, i, &ml, &abbr);
    if (!m) {
        /* "Q3", "2Q22" is in the quantity matcher */
        if ((t[i] == 'Q') && i + 1 < c->len && t[i + 1] >= '1' && t[i + 1] <= '4' &&
            nb_norm_token_end(t, c->len, i + 2)) {
            size_t from = c->say->len;
            if (nb_norm_say(c, WORDS(c)->the) < 0 || say_cardinal(c, (unsigned)(t[i + 1] - '0')) < 0 ||
                nb_numbers_last_ordinal(NUMS(c), c->say, from) < 0 ||
                nb_norm_say(c, WORDS(c)->quarter) < 0)
                return NB_NORM_NOMEM;
            c->rule = "quarter";
            return 2;
        }
        return 0;
    }
    size_t j = i + ml;
    if (j >= c->len || (!is_space((unsigned char)t[j]) && t[j] != '-'))
        return 0;
    char sep = t[j];
    j++;
    size_t dn = digits_at(t, c->len, j, 4);
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
        if (e + 1 < c->len && nb_norm_is_alpha((unsigned char)t[e]) && nb_norm_is_alpha((unsigned char)t[e + 1]) &&
            nb_norm_token_end(t, c->len, e + 2))
            e += 2; /* "March 3rd" */
        if (!nb_norm_token_end(t, c->len, e) || (e < c->len && t[e] == ':'))
            return 0;
        if (e < c->len && t[e] == '.' && e + 1 < c->len && nb_norm_is_digit((unsigned char)t[e + 1]))
            return 0;
        size_t k = e;
        if (k < c->len && t[k] == ',')
            k++;
        if (k < c->len && (is_space((unsigned char)t[k]) || (t[k] == '-' && sep == '-'))) {
            size_t y = digits_at(t, c->len, k + 1, 4);
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
    if (!nb_norm_is_upper((unsigned char)t[i]) && !day && !abbr)
        return 0;
    if (say_date(c, i, day, m, 0, year, yn) < 0)
        return NB_NORM_NOMEM;
    c->rule = "date";
    return e - i;
}

/* ---- fractions ---- */

static const struct nb_fraction_name *fraction_name(struct nb_norm_ctx *c, unsigned long long d)
{
    for (size_t k = 0; k < c->lang->nfractions; k++)
        if (c->lang->fractions[k].denominator == d)
            return &c->lang->fractions[k];
    return NULL;
}

/* "2/3", "1/4th", and with `whole` "2 1/2". */
static size_t fraction(struct nb_norm_ctx *c, size_t i, const struct item *whole)
{
    const char *t = c->text;
    size_t j = i;
    if (whole) {
        if (!bare_int(whole) || whole->end >= c->len || t[whole->end] != ' ')
            return 0;
        j = whole->end + 1;
    }
    size_t a = digits_at(t, c->len, j, 6);
    if (!a || a > 6 || j + a + 1 >= c->len || t[j + a] != '/')
        return 0;
    size_t k = j + a + 1;
    size_t b = digits_at(t, c->len, k, 6);
    if (!b || b > 6)
        return 0;
    size_t e = k + b;
    if (e + 1 < c->len && nb_norm_is_alpha((unsigned char)t[e]) && nb_norm_is_alpha((unsigned char)t[e + 1]) &&
        nb_norm_token_end(t, c->len, e + 2))
        e += 2; /* "1/4th", "1/3RD" */
    if (!nb_norm_token_end(t, c->len, e) || (e < c->len && (t[e] == '/' || t[e] == '-')))
        return 0;
    if (e + 1 < c->len && t[e] == '.' && nb_norm_is_digit((unsigned char)t[e + 1]))
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
            if (say_date(c, i, (int)d, (int)m, df, NULL, 0) < 0)
                return NB_NORM_NOMEM;
            c->rule = "date";
            return e - i;
        }
    }
    const struct nb_norm_words *w = WORDS(c);
    if (whole && (say_cardinal(c, nb_norm_num_value(&whole->num)) < 0 || nb_norm_say(c, w->and_word) < 0))
        return NB_NORM_NOMEM;
    const struct nb_fraction_name *fn = fraction_name(c, den);
    if (den == 1) {
        if (say_cardinal(c, num) < 0 || nb_norm_say(c, w->over) < 0 || say_cardinal(c, den) < 0)
            return NB_NORM_NOMEM;
    } else {
        if (whole && num == 1 && fn) {
            if (nb_norm_say(c, w->a) < 0)
                return NB_NORM_NOMEM;
        } else if (say_cardinal(c, num) < 0) {
            return NB_NORM_NOMEM;
        }
        if (fn) {
            if (nb_norm_say(c, num == 1 ? fn->one : fn->many) < 0)
                return NB_NORM_NOMEM;
        } else {
            size_t from = c->say->len;
            if (nb_norm_say(c, "") < 0 || say_cardinal(c, den) < 0 ||
                nb_numbers_last_ordinal(NUMS(c), c->say, from) < 0 ||
                (num != 1 && nb_numbers_last_plural(NUMS(c), c->say, from) < 0))
                return NB_NORM_NOMEM;
        }
    }
    c->rule = "fraction";
    return e - i;
}

/* ---- ranges and scores ---- */

static int is_sports_context(struct nb_norm_ctx *c, size_t i)
{
    size_t from = i > 160 ? i - 160 : 0, to = i + 160 < c->len ? i + 160 : c->len;
    while (from > 0 && nb_norm_is_alpha((unsigned char)c->text[from - 1]))
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

static int say_score_side(struct nb_norm_ctx *c, const struct item *it)
{
    if (nb_norm_num_value(&it->num) == 0 && it->num.nint == 1)
        return nb_norm_say(c, WORDS(c)->nil);
    return say_number(c, &it->num);
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
    if (spaced_ok && j + 4 < c->len && t[j] == ' ' && memcmp(t + j + 1, "\xe2\x80\x93", 3) == 0 && t[j + 4] == ' ')
        return 5;
    return 0;
}

static size_t range(struct nb_norm_ctx *c, size_t i, struct item *a)
{
    const char *t = c->text;
    if (bare_int(a) && a->end + 1 < c->len && t[a->end] == 'x' &&
        nb_norm_is_digit((unsigned char)t[a->end + 1])) {
        /* "2x4", "2x8 m2": dimensions */
        struct item b;
        if (!parse_item(c, a->end + 1, &b) || b.kind != ITEM_NUMBER || !nb_norm_token_end(t, c->len, b.end))
            return 0;
        if (say_item(c, a, 0, 0) < 0 || nb_norm_say(c, WORDS(c)->dimension_by) < 0 ||
            say_item(c, &b, 1, 0) < 0)
            return NB_NORM_NOMEM;
        c->rule = "dimensions";
        return b.end - i;
    }
    int spaced_ok = a->kind == ITEM_TIME || a->kind == ITEM_MONEY || a->kind == ITEM_DECADE;
    size_t sl = range_sep(c, a->end, spaced_ok);
    if (!sl)
        return 0;
    size_t j = a->end + sl;
    struct item b;
    if (j >= c->len || t[j] == '-' || !parse_item(c, j, &b) || b.neg)
        return 0;
    if (!nb_norm_token_end(t, c->len, b.end) || (b.end < c->len && t[b.end] == '-' &&
                                                 b.end + 1 < c->len && nb_norm_is_digit((unsigned char)t[b.end + 1])))
        return 0;
    if (a->kind == ITEM_ORDINAL || b.kind == ITEM_ORDINAL)
        return 0;
    const struct nb_norm_words *w = WORDS(c);
    if (bare_int(a) && bare_int(&b) && !a->num.grouped && a->num.nint <= 2 && b.num.nint <= 2 &&
        is_sports_context(c, i)) {
        if (say_score_side(c, a) < 0 || (w->score_to && nb_norm_say(c, w->score_to) < 0) ||
            say_score_side(c, &b) < 0)
            return NB_NORM_NOMEM;
        c->rule = "score";
        return b.end - i;
    }
    if (year_like(a) && bare_int(&b) && !b.num.grouped && (b.num.nint == 2 || year_like(&b))) {
        /* "2024-25", "1960-80", "1980-1986" */
        if (say_item(c, a, 1, 1) < 0 || nb_norm_say(c, w->to) < 0 ||
            (b.num.nint == 2 ? say_year_digits(c, b.num.digits, 2) : say_item(c, &b, 1, 1)) < 0)
            return NB_NORM_NOMEM;
        c->rule = "range";
        return b.end - i;
    }
    if (a->kind == ITEM_MONEY && (b.kind == ITEM_MONEY || (b.kind == ITEM_NUMBER && !b.unit &&
                                                           !b.percent && !b.temp))) {
        /* "$250-$300" says both currencies; "£5-10m" says it once, at the end */
        int inherit = b.kind == ITEM_NUMBER;
        if (inherit) {
            b.cur = a->cur;
            b.kind = ITEM_MONEY;
        }
        if (say_money(c, a, !inherit) < 0)
            return NB_NORM_NOMEM;
    } else if (a->kind == ITEM_NUMBER && bare_int(a) &&
               (b.kind == ITEM_NUMBER || b.kind == ITEM_MONEY || b.kind == ITEM_TIME)) {
        if (say_item(c, a, 0, 0) < 0)
            return NB_NORM_NOMEM;
    } else if (a->kind == b.kind || (a->kind == ITEM_NUMBER && !bare_int(a))) {
        if (say_item(c, a, 1, 0) < 0)
            return NB_NORM_NOMEM;
    } else {
        return 0;
    }
    if (nb_norm_say(c, w->to) < 0 || say_item(c, &b, 1, 0) < 0)
        return NB_NORM_NOMEM;
    c->rule = "range";
    return b.end - i;
}

static size_t quarter_year(struct nb_norm_ctx *c, size_t i)
{
    /* "2Q22": the second quarter of twenty twenty-two */
    const char *t = c->text;
    if (i + 4 > c->len || t[i] < '1' || t[i] > '4' || t[i + 1] != 'Q')
        return 0;
    size_t y = digits_at(t, c->len, i + 2, 4);
    if ((y != 2 && y != 4) || !nb_norm_token_end(t, c->len, i + 2 + y))
        return 0;
    size_t from = c->say->len;
    if (nb_norm_say(c, WORDS(c)->the) < 0 || say_cardinal(c, (unsigned)(t[i] - '0')) < 0 ||
        nb_numbers_last_ordinal(NUMS(c), c->say, from) < 0 ||
        nb_norm_say(c, WORDS(c)->quarter_of) < 0 || say_year_digits(c, t + i + 2, y) < 0)
        return NB_NORM_NOMEM;
    c->rule = "quarter";
    return 2 + y;
}

static const char *item_rule(const struct item *it)
{
    switch (it->kind) {
    case ITEM_MONEY:
        return "money";
    case ITEM_TIME:
        return "time";
    case ITEM_DECADE:
        return "decade";
    case ITEM_ORDINAL:
        return "ordinal";
    case ITEM_NUMBER:
        break;
    }
    if (it->percent)
        return "percent";
    if (it->temp)
        return "temperature";
    if (it->unit)
        return "measure";
    return year_like(it) ? "year" : "number";
}

size_t nb_norm_match_quantity(struct nb_norm_ctx *c, size_t i)
{
    const char *t = c->text;
    size_t used;
    unsigned char first = (unsigned char)t[i];
    if ((first == '\'' || (first == 0xE2 && i + 2 < c->len && (unsigned char)t[i + 1] == 0x80 &&
                           (unsigned char)t[i + 2] == 0x99))) {
        /* "'80s" */
        size_t k = i + (first == '\'' ? 1 : 3);
        if (k + 2 < c->len && nb_norm_is_digit((unsigned char)t[k]) && t[k + 1] == '0' &&
            t[k + 2] == 's' && nb_norm_token_end(t, c->len, k + 3)) {
            size_t from = c->say->len;
            if (say_cardinal(c, (unsigned)(t[k] - '0') * 10) < 0 ||
                nb_numbers_last_plural(NUMS(c), c->say, from) < 0)
                return NB_NORM_NOMEM;
            c->rule = "decade";
            return k + 3 - i;
        }
        return 0;
    }
    if (first == 0xE2 || first == 0xC2) {
        /* only currency symbols among multi-byte starts */
        const struct nb_currency *cur;
        if (!currency_at(c, i, &cur))
            return 0;
    }
    if (i > 0 && (t[i - 1] == '.' || t[i - 1] == ',') && nb_norm_is_digit(first))
        return 0; /* the rest of "1.2.3": left alone */
    if (nb_norm_is_digit(first)) {
        if ((used = numeric_date(c, i)) != 0)
            return used;
        if ((used = quarter_year(c, i)) != 0)
            return used;
        if ((used = fraction(c, i, NULL)) != 0)
            return used;
    }
    struct item it;
    if (!parse_item(c, i, &it))
        return 0;
    if (it.kind == ITEM_NUMBER && it.end < c->len && t[it.end] == '/' && !it.per)
        return 0; /* "1/2/3/4": not a quantity */
    if ((used = day_month(c, i, &it)) != 0)
        return used;
    if ((used = fraction(c, i, &it)) != 0)
        return used;
    if ((used = range(c, i, &it)) != 0)
        return used;
    if (it.kind == ITEM_NUMBER && !it.unit && !it.percent && !it.temp && !it.scale && !it.per &&
        !nb_norm_token_end(t, c->len, it.end))
        return 0; /* "4x4", "5G", "3D": as written */
    /* a year unless a unit follows: "in 1987", "1987 was" */
    if (say_item(c, &it, 1, 1) < 0)
        return NB_NORM_NOMEM;
    c->rule = item_rule(&it);
    return it.end - i;
}
