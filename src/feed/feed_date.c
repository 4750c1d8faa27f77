/* feed_date.c - the dates of feeds: RFC 822 (RSS's pubDate) and RFC 3339
 * (Atom, dc:date), to Unix seconds by calendar arithmetic (no timegm, no
 * TZ, no locale). */
#include "feed/feed.h"

#include "text/calendar.h"
#include "text/chars.h"

#include <string.h>

struct cursor {
    const char *s;
    size_t i, len;
};

static int at(const struct cursor *c)
{
    return c->i < c->len ? (unsigned char)c->s[c->i] : 0;
}

static void skip_space(struct cursor *c)
{
    while (nb_ascii_is_space(at(c)))
        c->i++;
}

static int eat(struct cursor *c, int ch)
{
    if (at(c) != ch)
        return 0;
    c->i++;
    return 1;
}

/* Reads min..max digits into *v; 0 (nothing read) when fewer than min. */
static int digits(struct cursor *c, size_t min, size_t max, int *v, size_t *n)
{
    size_t k = 0;
    int x = 0;
    while (k < max && nb_ascii_is_digit(at(c))) {
        x = x * 10 + (at(c) - '0');
        c->i++;
        k++;
    }
    if (k < min) {
        c->i -= k;
        return 0;
    }
    *v = x;
    if (n)
        *n = k;
    return 1;
}

/* A run of ASCII letters: its start and length (0 when none). */
static size_t word(struct cursor *c, const char **w)
{
    *w = c->s + c->i;
    size_t k = 0;
    while (nb_ascii_is_alpha(at(c))) {
        c->i++;
        k++;
    }
    return k;
}

/* Days since 1970-01-01 of a Gregorian date (Howard Hinnant's
 * days_from_civil). */
static long long days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct stamp {
    int year, month, day, hour, minute, second;
    int offset; /* seconds east of UTC */
};

static nb_status to_unix(const struct stamp *t, long long *when)
{
    if (!nb_date_valid(t->year, t->month, t->day) || t->hour > 23 || t->minute > 59 ||
        t->second > 60)
        return NB_EINPUT;
    *when = days_from_civil(t->year, t->month, t->day) * 86400 + t->hour * 3600LL +
            t->minute * 60LL + t->second - t->offset;
    return NB_OK;
}

/* "+0100", "-05:00", "+01": an offset from UTC; 0 when none is here. */
static int numeric_zone(struct cursor *c, int *offset)
{
    int sign = at(c) == '+' ? 1 : at(c) == '-' ? -1 : 0;
    if (!sign)
        return 0;
    size_t start = c->i++;
    int hh, mm = 0;
    if (!digits(c, 2, 2, &hh, NULL) ||
        (eat(c, ':') ? !digits(c, 2, 2, &mm, NULL) : (digits(c, 2, 2, &mm, NULL), 0)) || hh > 23 ||
        mm > 59) {
        c->i = start;
        return 0;
    }
    *offset = sign * (hh * 3600 + mm * 60);
    return 1;
}

/* The time zones RSS feeds name (RFC 822's, and a few that feeds use
 * though the RFC does not list them). */
static const struct {
    const char *name;
    int hours;
} named_zones[] = {
    {"UT", 0},   {"UTC", 0},  {"GMT", 0},  {"Z", 0},    {"EST", -5},  {"EDT", -4},  {"CST", -6},
    {"CDT", -5}, {"MST", -7}, {"MDT", -6}, {"PST", -8}, {"PDT", -7},  {"BST", 1},   {"CET", 1},
    {"CEST", 2}, {"EET", 2},  {"EEST", 3}, {"JST", 9},  {"AEST", 10}, {"AEDT", 11},
};

static int named_zone(const char *w, size_t n, int *offset)
{
    for (size_t k = 0; k < sizeof(named_zones) / sizeof(named_zones[0]); k++) {
        const char *z = named_zones[k].name;
        if (strlen(z) != n)
            continue;
        size_t j = 0;
        while (j < n && nb_ascii_upper((unsigned char)w[j]) == z[j])
            j++;
        if (j == n) {
            *offset = named_zones[k].hours * 3600;
            return 1;
        }
    }
    return 0;
}

/* What may follow a date: space, and in RFC 822 a "(comment)". */
static int at_end(struct cursor *c, int comment)
{
    skip_space(c);
    if (comment && eat(c, '(')) {
        while (c->i < c->len && at(c) != ')')
            c->i++;
        if (!eat(c, ')'))
            return 0;
        skip_space(c);
    }
    return c->i == c->len;
}

/* [Wed,] 02 Dec 2026 07:30[:00] [+0100|GMT|EST...]; a missing zone is UTC. */
static nb_status parse_rfc822(struct cursor *c, long long *when)
{
    struct stamp t = {0};
    const char *w;
    size_t n = word(c, &w);
    if (n) {
        if (!nb_calendar_weekday(&nb_calendar_en, w, n, 1))
            return NB_EINPUT;
        eat(c, '.');
        skip_space(c);
        eat(c, ',');
        skip_space(c);
    }
    size_t ny;
    if (!digits(c, 1, 2, &t.day, NULL))
        return NB_EINPUT;
    skip_space(c);
    eat(c, '-');
    n = word(c, &w);
    if (!(t.month = nb_calendar_month(&nb_calendar_en, w, n, 1)))
        return NB_EINPUT;
    eat(c, '.');
    skip_space(c);
    eat(c, '-');
    if (!digits(c, 2, 4, &t.year, &ny))
        return NB_EINPUT;
    if (ny == 2) /* RFC 2822 4.3: 00-49 are 2000-2049 */
        t.year += t.year < 50 ? 2000 : 1900;
    else if (ny == 3)
        t.year += 1900;
    skip_space(c);
    if (digits(c, 1, 2, &t.hour, NULL)) {
        if (!eat(c, ':') || !digits(c, 2, 2, &t.minute, NULL))
            return NB_EINPUT;
        if (eat(c, ':') && !digits(c, 2, 2, &t.second, NULL))
            return NB_EINPUT;
        skip_space(c);
        if (!numeric_zone(c, &t.offset)) {
            n = word(c, &w);
            if (n && !named_zone(w, n, &t.offset))
                return NB_EINPUT;
        }
    }
    if (!at_end(c, 1))
        return NB_EINPUT;
    return to_unix(&t, when);
}

/* 2026-12-02[(T| )07:30[:00[.123]][Z|+01:00]]; no zone is UTC. */
static nb_status parse_rfc3339(struct cursor *c, long long *when)
{
    struct stamp t = {0};
    if (!digits(c, 4, 4, &t.year, NULL) || !eat(c, '-') || !digits(c, 2, 2, &t.month, NULL) ||
        !eat(c, '-') || !digits(c, 2, 2, &t.day, NULL))
        return NB_EINPUT;
    if (eat(c, 'T') || eat(c, 't') ||
        (at(c) == ' ' && c->i + 1 < c->len && nb_ascii_is_digit((unsigned char)c->s[c->i + 1]) &&
         eat(c, ' '))) {
        if (!digits(c, 2, 2, &t.hour, NULL) || !eat(c, ':') || !digits(c, 2, 2, &t.minute, NULL))
            return NB_EINPUT;
        if (eat(c, ':')) {
            if (!digits(c, 2, 2, &t.second, NULL))
                return NB_EINPUT;
            if (eat(c, '.') || eat(c, ',')) {
                if (!nb_ascii_is_digit(at(c)))
                    return NB_EINPUT;
                while (nb_ascii_is_digit(at(c)))
                    c->i++;
            }
        }
        if (!eat(c, 'Z') && !eat(c, 'z'))
            numeric_zone(c, &t.offset);
    }
    if (!at_end(c, 0))
        return NB_EINPUT;
    return to_unix(&t, when);
}

nb_status nb_feed_parse_date(const char *s, long long *when)
{
    struct cursor c = {s, 0, strlen(s)};
    skip_space(&c);
    size_t k = 0;
    while (nb_ascii_is_digit((unsigned char)s[c.i + k]))
        k++;
    return k == 4 && s[c.i + k] == '-' ? parse_rfc3339(&c, when) : parse_rfc822(&c, when);
}
