/* header.c - the header lines real exports carry between headline and body:
 * bylines ("By Priya Natarajan and Tom Ellis", "Priya Natarajan in Oslo")
 * and publication stamps ("Last modified on Tue 4 Feb 2025 09.12 GMT",
 * "February 4, 2025 9:12 AM ET", "Updated 3 hours ago").
 *
 * Both tests read the line as a sequence of words, each of which must
 * belong to the grammar of a byline or of a date: a sentence that happens
 * to start with "By" ("By Tuesday the council had voted.") fails on its
 * first lower-case word.
 */
#include "article/reader.h"

#include "text/calendar.h"
#include "text/chars.h"

#include <stdlib.h>
#include <string.h>

#define HEADER_MAX 160 /* longer lines are body text */
#define WORD_MAX 32

struct word {
    const char *s;
    size_t len;
};

/* Splits s[0..len) at spaces and tabs; commas stay on their word. */
static size_t split_words(const char *s, size_t len, struct word *w, size_t max)
{
    size_t n = 0;
    for (size_t p = 0; p < len;) {
        while (p < len && (s[p] == ' ' || s[p] == '\t'))
            p++;
        size_t q = p;
        while (q < len && s[q] != ' ' && s[q] != '\t')
            q++;
        if (q > p) {
            if (n == max)
                return max + 1;
            w[n].s = s + p;
            w[n].len = q - p;
            n++;
        }
        p = q;
    }
    return n;
}

static int cmp_key(const void *key, const void *entry)
{
    return strcmp((const char *)key, *(const char *const *)entry);
}

#define IN_LIST(k, list) \
    (bsearch((k), (list), sizeof(list) / sizeof((list)[0]), sizeof((list)[0]), cmp_key) != NULL)

static int is_month(const char *key)
{
    return nb_calendar_month(&nb_calendar_en, key, strlen(key), 1) != 0;
}

static int is_weekday(const char *key)
{
    return nb_calendar_weekday(&nb_calendar_en, key, strlen(key), 1) != 0;
}

/* The word lower-cased without surrounding punctuation (ASCII only). */
static void key_of(const struct word *w, char key[WORD_MAX])
{
    size_t a = 0, b = w->len, k = 0;
    while (a < b && strchr("([\"'", w->s[a]))
        a++;
    while (b > a && strchr(",.;:)]\"'|", w->s[b - 1]))
        b--;
    for (size_t i = a; i < b && k + 1 < WORD_MAX; i++)
        key[k++] = (char)nb_ascii_lower((unsigned char)w->s[i]);
    key[k] = '\0';
}

/* Sorted. */
static const char *const date_glue[] = {
    "-", "/", "@", "a.m", "am", "and", "at", "bst", "cest", "cet", "cst", "edt", "eest", "eet",
    "est", "et", "gmt", "ist", "mdt", "mst", "on", "p.m", "pdt", "pm", "pst", "pt", "since",
    "the", "utc", "|", "\xc2\xb7", "\xe2\x80\x93", "\xe2\x80\x94",
};
static const char *const ago_units[] = {
    "day", "days", "hour", "hours", "hr", "hrs", "min", "mins", "minute", "minutes", "month",
    "months", "sec", "seconds", "week", "weeks", "year", "years",
};
static const char *const relative_days[] = {"today", "yesterday"};
static const char *const stamp_heads[] = {
    "created", "date", "dated", "first", "last", "modified", "posted", "published",
    "updated",
};
/* Connectors inside names ("Ursula von der Leyen", "Tom Ellis and ..."). */
static const char *const name_glue[] = {
    "&", "al", "and", "bin", "da", "de", "del", "della", "der", "des", "di", "dos", "du",
    "el", "la", "le", "van", "von",
};
/* Capitalised words that start sentences, not names ("By Then ..."). */
static const char *const not_names[] = {
    "all", "around", "doing", "early", "far", "law", "midnight", "noon", "now",
    "some", "that", "then", "this", "those", "today", "tonight",
};

/* A number, a time ("09.12", "9:12", "10:31pm") or a numeric date
 * ("04/02/2025", "2025-02-04", "2025-02-04T09:12Z"), an ordinal ("4th"). */
static int is_numeric(const char *k)
{
    size_t i = 0, digits = 0;
    while (k[i] && (nb_ascii_is_digit((unsigned char)k[i]) || strchr(":./-", k[i]) ||
                    (k[i] == 't' && digits >= 6 && nb_ascii_is_digit((unsigned char)k[i + 1])))) {
        digits += nb_ascii_is_digit((unsigned char)k[i]) != 0;
        i++;
    }
    if (!digits)
        return 0;
    static const char *const tails[] = {"", "a.m", "am", "nd", "p.m", "pm", "rd", "st", "th", "z"};
    return IN_LIST(k + i, tails);
}

/* A numeric date with two separators ("2025-02-04", "4/2/2025"). */
static int is_numeric_date(const char *k)
{
    size_t seps = 0, digits = 0;
    for (size_t i = 0; k[i] && !(k[i] == 't' && i >= 8); i++) {
        if (nb_ascii_is_digit((unsigned char)k[i]))
            digits++;
        else if (k[i] == '-' || k[i] == '/' || k[i] == '.')
            seps++;
        else
            return 0;
    }
    return seps == 2 && digits >= 5;
}

/* Whether words[from..n) are all date words with at least one date core
 * (a month, a numeric date, "3 hours ago", "today"). */
static int date_words(const struct word *w, size_t from, size_t n)
{
    int core = 0, number = 0, relative = 0;
    char key[WORD_MAX];
    for (size_t i = from; i < n; i++) {
        key_of(&w[i], key);
        if (!key[0])
            continue;
        if (is_month(key)) {
            core = 1;
        } else if (IN_LIST(key, relative_days)) {
            core = relative = 1;
        } else if (is_numeric(key)) {
            number = 1;
            core |= is_numeric_date(key);
        } else if (!strcmp(key, "ago")) {
            core |= number;
        } else if (!is_weekday(key) && !IN_LIST(key, date_glue) &&
                   !IN_LIST(key, ago_units) && strcmp(key, "a") != 0 && strcmp(key, "an") != 0) {
            return 0;
        }
    }
    /* a month needs a figure: "March." alone is a sentence */
    return core && (number || relative);
}

int nb_article_is_date_stamp(const char *s, size_t len)
{
    struct word w[24];
    if (len > HEADER_MAX)
        return 0;
    size_t n = split_words(s, len, w, 24);
    if (n == 0 || n > 24)
        return 0;
    /* "Published:", "Last modified on", "First published on", "Updated" */
    size_t from = 0;
    char key[WORD_MAX];
    while (from < n && from < 2) {
        key_of(&w[from], key);
        if (!IN_LIST(key, stamp_heads))
            break;
        from++;
    }
    if (from && from < n) {
        key_of(&w[from], key);
        if (!strcmp(key, "on") || !strcmp(key, "at"))
            from++;
    }
    /* a head word alone must be the whole stamp's start, capitalised */
    if (from && !nb_ascii_is_upper((unsigned char)s[0]))
        return 0;
    return from < n && date_words(w, from, n);
}

/* A word of a person's name: capitalised (any script), may hold ' - . */
static int name_word(const struct word *wd)
{
    const char *s = wd->s;
    size_t len = wd->len;
    while (len && (s[len - 1] == ',' || s[len - 1] == ';'))
        len--;
    if (!len)
        return 0;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80 && !nb_ascii_is_upper(c))
        return 0;
    for (size_t i = 1; i < len; i++) {
        unsigned char d = (unsigned char)s[i];
        if (d < 0x80 && !nb_ascii_is_alpha(d) && d != '\'' && d != '-' && d != '.')
            return 0;
    }
    return 1;
}

static int separator(const struct word *wd)
{
    return (wd->len == 1 && (wd->s[0] == '|' || wd->s[0] == '-' || wd->s[0] == '/')) ||
           (wd->len == 3 && (memcmp(wd->s, "\xe2\x80\x93", 3) == 0 ||
                             memcmp(wd->s, "\xe2\x80\x94", 3) == 0)) ||
           (wd->len == 2 && memcmp(wd->s, "\xc2\xb7", 2) == 0);
}

/* A role after a comma: "Political Editor", "our Moscow correspondent". */
static int role_words(const struct word *w, size_t from, size_t n)
{
    if (n - from > 7 || from >= n)
        return 0;
    const struct word *last = &w[n - 1];
    char c = last->s[last->len - 1];
    return c != '.' && c != '!' && c != '?' && c != ':';
}

/* Names from w[from]: returns the index after them (from when none).  A
 * comma after a name ends the list unless "and" or a name follows. */
static size_t names(const struct word *w, size_t from, size_t n, int *comma)
{
    size_t i = from, count = 0;
    char key[WORD_MAX];
    *comma = 0;
    while (i < n) {
        key_of(&w[i], key);
        if (count && IN_LIST(key, name_glue) && w[i].s[0] != ',') {
            i++;
            continue;
        }
        if (!name_word(&w[i]))
            break;
        if (count == 0 && (IN_LIST(key, not_names) || is_month(key) || is_weekday(key)))
            break;
        count++;
        i++;
        if (w[i - 1].s[w[i - 1].len - 1] == ',') {
            *comma = 1;
            break;
        }
    }
    if (count == 0 || count > 8)
        return from;
    /* a name does not end with glue ("By Tom and") */
    key_of(&w[i - 1], key);
    return IN_LIST(key, name_glue) ? from : i;
}

int nb_article_is_byline(const char *s, size_t len)
{
    struct word w[24];
    if (len > HEADER_MAX)
        return 0;
    size_t n = split_words(s, len, w, 24);
    if (n < 2 || n > 24)
        return 0;
    char key[WORD_MAX];
    size_t from = 0;
    key_of(&w[0], key);
    if (!strcmp(key, "by")) {
        from = 1;
    } else if (n > 2 && (!strcmp(key, "words") || !strcmp(key, "story") ||
                         !strcmp(key, "written") || !strcmp(key, "text") ||
                         !strcmp(key, "report") || !strcmp(key, "reporting"))) {
        key_of(&w[1], key);
        if (strcmp(key, "by") != 0 || !nb_ascii_is_upper((unsigned char)s[0]))
            return 0;
        from = 2;
    }
    int comma;
    size_t end = names(w, from, n, &comma);
    if (end == from)
        return 0;
    /* several bylines joined: "By Tom Ellis, Priya Natarajan and Jo Li" */
    while (comma && end < n) {
        size_t more = names(w, end, n, &comma);
        if (more == end)
            break;
        end = more;
    }
    const struct word *last = &w[end - 1];
    char lc = last->s[last->len - 1];
    int initial = last->len == 2 && lc == '.';
    if (end == n)
        return from > 0 && (lc != '.' || initial ||
                                                 (last->len == 3 && !memcmp(last->s, "Jr.", 3)));
    key_of(&w[end], key);
    if (comma || w[end - 1].s[w[end - 1].len - 1] == ',')
        return from > 0 && role_words(w, end, n);
    /* "Priya Natarajan in Oslo" */
    if (!strcmp(key, "in") && end + 1 < n && n - end <= 4) {
        for (size_t i = end + 1; i < n; i++)
            if (!name_word(&w[i]))
                return 0;
        return w[n - 1].s[w[n - 1].len - 1] != '.';
    }
    /* "By REUTERS 11/20/2019 10:08 AM" */
    if (from > 0 && date_words(w, end, n))
        return 1;
    /* "By Priya Natarajan | Nordwire", "Chris Davies - Nov 19, 2019" */
    if (separator(&w[end]))
        return date_words(w, end + 1, n) ||
               (from > 0 && role_words(w, end + 1, n));
    return 0;
}
