/* date.c - how a newsreader says a date. */
#include "script/date.h"

#include "spoken/lang.h"
#include "text/calendar.h"

/* "st", "nd", "rd" or "th" for a day of the month: 1st 2nd 3rd, but 11th
 * 12th 13th, then 21st 22nd 23rd and 31st. */
static const char *ordinal_suffix(int n)
{
    if (n % 100 >= 11 && n % 100 <= 13)
        return "th";
    switch (n % 10) {
    case 1:
        return "st";
    case 2:
        return "nd";
    case 3:
        return "rd";
    default:
        return "th";
    }
}

nb_status nb_date_spoken(int year, int month, int day, const char *language, struct nb_buf *out)
{
    if (!nb_date_valid(year, month, day))
        return NB_EINTERNAL;
    /* the language's names (its normaliser table), English without one */
    const struct nb_norm_lang *rules = nb_norm_lang_find(language);
    const struct nb_calendar_names *names = rules ? rules->calendar : &nb_calendar_en;
    const char *weekday = names->weekdays[nb_date_weekday(year, month, day)];
    const char *name = names->months[month - 1];
    size_t mark = out->len;
    nb_status rc;
    if (language && nb_language_matches(language, "en-us"))
        rc = nb_buf_addf(out, "%s, %s %d%s", weekday, name, day, ordinal_suffix(day));
    else
        rc = nb_buf_addf(out, "%s the %d%s of %s", weekday, day, ordinal_suffix(day), name);
    if (rc != NB_OK)
        nb_buf_truncate(out, mark);
    return rc;
}
