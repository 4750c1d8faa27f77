/* calendar.h - Gregorian calendar dates (no time zones, no clocks), and the
 * names of months and days.
 *
 * The names live here once per language, for every stage that reads or
 * says them: the sentence splitter ("at 6 p.m. Friday"), the article
 * header ("Published 4 Feb 2025"), the summary (datelines), the quote
 * finder, the normaliser ("Jan. 3") and the spoken date of the intro.
 * English is the only language with names so far; a language's
 * normaliser table (spoken/lang.h) points at its names.
 */
#ifndef NB_TEXT_CALENDAR_H
#define NB_TEXT_CALENDAR_H

#include <stddef.h>

/* 1 when y-m-d is a real Gregorian date (years 1..9999). */
int nb_date_valid(int year, int month, int day);
/* 0 = Sunday .. 6 = Saturday; the date must be valid. */
int nb_date_weekday(int year, int month, int day);
/* Parses exactly "YYYY-MM-DD": 1 and the date set, or 0 (nothing set) when
 * it is not a valid date.  Cannot fail otherwise. */
int nb_date_parse_iso(const char *s, int *year, int *month, int *day);

/* The names of one language. */
struct nb_calendar_names {
    const char *months[12];           /* "January" ... */
    const char *month_abbrevs[12][3]; /* "jan"; "sep", "sept": lower case, no dot;
                                         unused slots NULL */
    const char *weekdays[7];          /* "Sunday" ... "Saturday" */
    const char *weekday_abbrevs[7][3]; /* "sun"; "tue", "tues" */
};

extern const struct nb_calendar_names nb_calendar_en;

/* Which month word[0..len) names (ASCII case-insensitive; a final '.'
 * allowed after an abbreviation): 1..12, or 0 for none.  Abbreviations
 * count only when `abbrevs` is set; an abbreviation starts with the letter
 * its name starts with. */
int nb_calendar_month(const struct nb_calendar_names *names, const char *word, size_t len,
                      int abbrevs);
/* The same for days of the week: 1 (Sunday) .. 7 (Saturday), or 0. */
int nb_calendar_weekday(const struct nb_calendar_names *names, const char *word, size_t len,
                        int abbrevs);

#endif
