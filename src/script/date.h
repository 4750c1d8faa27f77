/* date.h - how a newsreader says a date.
 */
#ifndef NB_SCRIPT_DATE_H
#define NB_SCRIPT_DATE_H

#include "text/buf.h"
#include "text/error.h"

/* Appends the date (which must be valid) as a newsreader says it: en-gb
 * and every other language so far "Saturday the 28th of November"; en-us
 * "Saturday, November 28th" (the language compared with
 * nb_language_matches(), so "en_US" and "en-us-nyc" count; NULL is en-gb).
 * NB_OK; NB_EINTERNAL when the date is not valid (the caller checks it
 * first); NB_ENOMEM.  On failure out is unchanged. */
nb_status nb_date_spoken(int year, int month, int day, const char *language, struct nb_buf *out);

#endif
