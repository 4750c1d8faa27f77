/* quantity.h - what the quantity matcher's files share (internal to
 * src/spoken: quantities.c, dates_times.c, fractions.c, ranges.c).
 *
 * A quantity is first read into a `struct nb_quantity` (what was written:
 * "-£1.8bn", "6:15pm", "21st", "10-km", "1980s"), then said.  The matcher
 * nb_norm_match_quantity() (match.h) is a table of recognisers in
 * quantities.c, tried in order; a recogniser follows the matcher
 * convention of match.h: it appends the spoken form to c->say, names its
 * rule in c->rule and returns the bytes it read from text[i], 0 for "not
 * mine" (and, when an append failed, 0 with c->status set).
 */
#ifndef NB_SPOKEN_QUANTITY_H
#define NB_SPOKEN_QUANTITY_H

#include "spoken/match.h"
#include "spoken/numbers.h"
#include "text/error.h"

#include <stddef.h>

enum nb_quantity_kind {
    NB_QUANTITY_NUMBER,
    NB_QUANTITY_MONEY,
    NB_QUANTITY_TIME,
    NB_QUANTITY_DECADE,
    NB_QUANTITY_ORDINAL
};

struct nb_quantity {
    enum nb_quantity_kind kind;
    int neg;
    struct nb_norm_num num;
    const struct nb_currency *cur;
    const char *scale; /* spoken scale word ("billion") */
    int minor_only;    /* "20p" */
    const struct nb_unit *unit;
    int unit_adjective; /* "10-km race": singular */
    int percent;
    int temp;                 /* 'C', 'F', 'D' (degrees alone: "45°") or 0 */
    size_t letters, nletters; /* "21th": a suffix that is no ordinal's, read as written */
    const char *per;          /* "month" in "$20/mo" */
    int hh, mm, ss, has_mm, has_ss;
    int ampm;              /* 0, 'a', 'p' */
    size_t zone, zone_len; /* in the text, 0 length: none */
    int zone_dotted;
    size_t end;
};

/* A recogniser of the table in quantities.c, at text[i].  `q` is the
 * quantity read at text[i] for the recognisers that need one, else NULL. */
typedef size_t (*nb_quantity_recogniser)(struct nb_norm_ctx *c, size_t i,
                                         const struct nb_quantity *q);

static inline nb_status say_cardinal(struct nb_norm_ctx *c, unsigned long long v)
{
    return nb_numbers_cardinal_u(NUMS(c), v, c->say);
}

/* ---- one quantity (quantities.c) ---- */

/* Reads one quantity at text[i] into *q: 1, or 0 when there is none. */
int nb_quantity_read(struct nb_norm_ctx *c, size_t i, struct nb_quantity *q);
/* Says q; `unit` 0 leaves out its unit, currency or percent (the first
 * half of "10-15cm"); `year_ok` allows a year reading.  NB_OK or NB_ENOMEM. */
nb_status nb_quantity_say(struct nb_norm_ctx *c, const struct nb_quantity *q, int unit,
                          int year_ok);
/* Says money; `with_unit` 0 leaves out the currency ("£5-10m").  NB_OK or NB_ENOMEM. */
nb_status nb_quantity_say_money(struct nb_norm_ctx *c, const struct nb_quantity *q, int with_unit);
/* Says a number as written: decimals digit by digit after the point,
 * long or zero-led ones digit by digit.  NB_OK or NB_ENOMEM. */
nb_status nb_quantity_say_number(struct nb_norm_ctx *c, const struct nb_norm_num *n);
/* 1 when q is a bare whole number (nothing attached). */
static inline int nb_quantity_is_bare(const struct nb_quantity *q)
{
    return q->kind == NB_QUANTITY_NUMBER && !q->num.has_point && !q->scale && !q->unit &&
           !q->percent && !q->temp && !q->per && !q->neg && !q->nletters;
}
/* 1 when q is a bare four-digit number from 1100 to 2099. */
int nb_quantity_is_year(const struct nb_quantity *q);

/* ---- times and dates (dates_times.c) ---- */

/* After the number of q, at text[j]: a time ("6:15", "11.45am", "5pm",
 * with a time zone); fills in q and returns the bytes read from j (0: not
 * a time). */
size_t nb_quantity_read_time(struct nb_norm_ctx *c, size_t i, size_t j, struct nb_quantity *q);
nb_status nb_quantity_say_time(struct nb_norm_ctx *c, const struct nb_quantity *q);
/* "the third of March" or "March third" (+ year digits when yn > 0); i is
 * where the date starts in the text (a "the" before it is not said
 * twice).  NB_OK or NB_ENOMEM. */
nb_status nb_quantity_say_date(struct nb_norm_ctx *c, size_t i, int day, int month, int day_first,
                               const char *year, size_t yn);
/* A year of n digits: "oh five", "twenty twenty-two".  NB_OK or NB_ENOMEM. */
nb_status nb_quantity_say_year_digits(struct nb_norm_ctx *c, const char *d, size_t n);
/* Length of the run of digits at t[j], counting at most max + 1. */
size_t nb_quantity_digits_at(const char *t, size_t len, size_t j, size_t max);

/* The recognisers (see the table in quantities.c). */
size_t nb_quantity_numeric_date(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);
size_t nb_quantity_quarter_year(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);
size_t nb_quantity_era_year(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);
size_t nb_quantity_day_month(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);
size_t nb_quantity_fraction(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *whole);
size_t nb_quantity_dimensions(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);
size_t nb_quantity_score(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);
size_t nb_quantity_year_range(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);
size_t nb_quantity_range(struct nb_norm_ctx *c, size_t i, const struct nb_quantity *q);

#endif
