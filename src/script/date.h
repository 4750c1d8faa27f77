/* date.h - calendar dates and how a newsreader says them.
 */
#ifndef NB_SCRIPT_DATE_H
#define NB_SCRIPT_DATE_H

#include "text/buf.h"

/* 1 when y-m-d is a real Gregorian date (years 1..9999). */
int nb_date_valid(int year, int month, int day);
/* 0 = Sunday .. 6 = Saturday. */
int nb_date_weekday(int year, int month, int day);
/* Parses "YYYY-MM-DD" exactly; 0 on success, -1 when not a valid date. */
int nb_date_parse_iso(const char *s, int *year, int *month, int *day);
/* Appends the date as a newsreader says it: en-gb (and by default)
 * "Saturday the 28th of November"; en-us "Saturday, November 28th". */
int nb_date_spoken(int year, int month, int day, const char *language, struct nb_buf *out);

#endif
