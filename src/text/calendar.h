/* calendar.h - Gregorian calendar dates (no time zones, no clocks). */
#ifndef NB_TEXT_CALENDAR_H
#define NB_TEXT_CALENDAR_H

/* 1 when y-m-d is a real Gregorian date (years 1..9999). */
int nb_date_valid(int year, int month, int day);
/* 0 = Sunday .. 6 = Saturday; the date must be valid. */
int nb_date_weekday(int year, int month, int day);
/* Parses exactly "YYYY-MM-DD"; 0 on success, -1 when not a valid date. */
int nb_date_parse_iso(const char *s, int *year, int *month, int *day);

#endif
