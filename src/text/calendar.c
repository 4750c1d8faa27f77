/* calendar.c - Gregorian dates and the names of months and days. */
#include "text/calendar.h"

#include "text/chars.h"

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int nb_date_valid(int year, int month, int day)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
        return 0;
    int n = days[month - 1] + (month == 2 && leap(year));
    return day <= n;
}

int nb_date_weekday(int year, int month, int day)
{
    /* Sakamoto's method */
    static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (month < 3)
        year -= 1;
    return (year + year / 4 - year / 100 + year / 400 + t[month - 1] + day) % 7;
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int nb_date_parse_iso(const char *s, int *year, int *month, int *day)
{
    int y, m, d;
    if (digits(s, 4, &y) < 0 || s[4] != '-' || digits(s + 5, 2, &m) < 0 || s[7] != '-' ||
        digits(s + 8, 2, &d) < 0 || s[10] != '\0' || !nb_date_valid(y, m, d))
        return 0;
    *year = y;
    *month = m;
    *day = d;
    return 1;
}

const struct nb_calendar_names nb_calendar_en = {
    .months = {"January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"},
    .month_abbrevs = {{"jan"}, {"feb"}, {"mar"}, {"apr"}, {NULL}, {"jun"}, {"jul"}, {"aug"},
                      {"sep", "sept"}, {"oct"}, {"nov"}, {"dec"}},
    .weekdays = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
    .weekday_abbrevs = {{"sun"}, {"mon"}, {"tue", "tues"}, {"wed"}, {"thu", "thur", "thurs"},
                        {"fri"}, {"sat"}},
};

/* word[0..len) equals `name`, ASCII case-insensitively. */
static int same_word(const char *word, size_t len, const char *name)
{
    if (len == 0 ||
        nb_ascii_lower((unsigned char)word[0]) != nb_ascii_lower((unsigned char)name[0]))
        return len == 0 && name[0] == '\0'; /* most words differ at once */
    size_t i = 0;
    for (; i < len && name[i]; i++) {
        if (nb_ascii_lower((unsigned char)word[i]) != nb_ascii_lower((unsigned char)name[i]))
            return 0;
    }
    return i == len && !name[i];
}

static int find_name(const char *const *full, const char *const (*abbr)[3], int n,
                     const char *word, size_t len, int abbrevs)
{
    if (len == 0)
        return 0;
    int first = nb_ascii_lower((unsigned char)word[0]);
    for (int i = 0; i < n; i++) {
        /* an abbreviation starts as its name does */
        if (nb_ascii_lower((unsigned char)full[i][0]) != first)
            continue;
        if (same_word(word, len, full[i]))
            return i + 1;
        if (!abbrevs)
            continue;
        size_t l = len && word[len - 1] == '.' ? len - 1 : len;
        for (int k = 0; k < 3 && abbr[i][k]; k++)
            if (same_word(word, l, abbr[i][k]))
                return i + 1;
    }
    return 0;
}

int nb_calendar_month(const struct nb_calendar_names *names, const char *word, size_t len,
                      int abbrevs)
{
    return find_name(names->months, names->month_abbrevs, 12, word, len, abbrevs);
}

int nb_calendar_weekday(const struct nb_calendar_names *names, const char *word, size_t len,
                        int abbrevs)
{
    return find_name(names->weekdays, names->weekday_abbrevs, 7, word, len, abbrevs);
}
