/* lang.h - the languages the normaliser has rules for, and the data it
 * reads for each.
 *
 * The engine (normalise.c and the matchers in quantities.c and words.c)
 * knows no words of any language: every word it says comes from one of
 * these static const tables.  Adding a language means writing a table in
 * its own file, like lang_en.c, and listing it in the registry (lang.c); a
 * language without a table is passed through with only whitespace
 * clean-up.
 */
#ifndef NB_SPOKEN_LANG_H
#define NB_SPOKEN_LANG_H

#include "spoken/numbers.h"
#include "text/calendar.h"

#include <stddef.h>

struct nb_currency {
    const char *symbol;   /* "$", "£", "US$", "€" */
    const char *one;      /* "dollar" */
    const char *many;     /* "dollars" */
    const char *minor_one;  /* "cent"; NULL when there is no minor unit */
    const char *minor_many; /* "cents" */
    const char *minor_suffix; /* "p" in "20p"; NULL when not written so */
};

/* A scale word written after a number: "bn", "m", "million". */
struct nb_scale_word {
    const char *written;
    const char *spoken;
    int exact_case; /* "M" for million only after a currency */
};

enum nb_unit_kind { NB_UNIT_AFTER_NUMBER, NB_UNIT_TEMPERATURE };

struct nb_unit {
    const char *written; /* "km", "km/h", "°C" (matched exactly) */
    const char *one;     /* "kilometre" */
    const char *many;    /* "kilometres" */
};

/* Where an abbreviation is read out in full. */
enum nb_abbrev_when {
    NB_ABBR_ALWAYS,      /* "approx", "e.g." */
    NB_ABBR_BEFORE_NAME, /* "Dr Smith", "St Paul's": a capitalised word follows */
    NB_ABBR_AFTER_NAME,  /* "Mulholland Dr", "Acme Ltd": a capitalised word precedes */
    NB_ABBR_BEFORE_NUMBER /* "No. 7" */
};

struct nb_abbrev {
    const char *written; /* without the final full stop; matched exactly */
    const char *spoken;
    enum nb_abbrev_when when;
    int needs_dot; /* 1: only "No." with its full stop */
};

/* An era marker of a year: "AD", "B.C.".  Written without a final full
 * stop (the matcher takes one after it unless it ends the sentence). */
struct nb_era {
    const char *written; /* matched exactly: "AD", "A.D", "BCE" */
    const char *spoken;  /* spelled for the synthesiser: "A-D" */
    int before_number;   /* 1: may also precede the year ("AD 79") */
};

struct nb_fraction_name {
    unsigned denominator;
    const char *one;  /* "half" */
    const char *many; /* "halves" */
};

/* Every other word the rules say. */
struct nb_norm_words {
    const char *percent;  /* "per cent" / "percent" */
    const char *to;       /* ranges: "ten to fifteen" */
    const char *score_to; /* "three to one"; NULL: "three one" */
    const char *nil;      /* a zero in a score: "nil" / "nothing" */
    const char *plus, *minus_sign, *times, *by, *at, *dot, *slash, *and_word, *hashtag,
        *number, *per, *the, *of, *a, *over, *mid;
    const char *degree, *degrees, *celsius, *fahrenheit;
    const char *oclock, *hundred_hours, *midnight, *am, *pm;
    const char *hour, *hours, *minute, *minutes, *second, *seconds;
    const char *quarter_of; /* "2Q22": "the second quarter of twenty two" */
    const char *quarter;
    const char *dimension_by; /* "2x4": "two by four" */
    const char *regnal_the; /* "Henry the Eighth" */
    const char *copyright, *trademark, *registered;
    const char *less_than, *more_than;
    const char *phone_zero; /* the 0 of a phone number: "oh" / "zero" */
    const char *underscore, *dash;
};

struct nb_norm_lang {
    const char *language; /* matched with nb_language_matches() */
    const struct nb_number_words *numbers;
    const struct nb_norm_words *words;
    const struct nb_calendar_names *calendar; /* month names, said as written */
    int day_first;                 /* "03/04/2025" is 3 April */
    int month_day_the_of;          /* "3 March" reads "the third of March" */
    const struct nb_currency *currencies;
    size_t ncurrencies;
    const struct nb_scale_word *scales;
    size_t nscales;
    const struct nb_unit *units;
    size_t nunits;
    const struct nb_unit *per_units; /* "/mo": "per month" (one = the word) */
    size_t nper_units;
    const struct nb_abbrev *abbrevs;
    size_t nabbrevs;
    const struct nb_word_pair *tokens; /* whole tokens: "9/11" -> "nine eleven" */
    size_t ntokens;
    const struct nb_word_pair *entities; /* HTML entities: "copy" -> "copyright" */
    size_t nentities;
    const char *const *acronym_words; /* said as words: "NATO" -> "Nato" (sorted) */
    size_t nacronym_words;
    const char *const *initialisms; /* always spelled, even when pronounceable (sorted) */
    size_t ninitialisms;
    const char *const *sports_words; /* "1-0" is a score near these (sorted, lower case) */
    size_t nsports_words;
    const char *const *cardinal_roman_after; /* "World War II", "Super Bowl LVIII" (sorted) */
    size_t ncardinal_roman_after;
    const char *const *metre_after; /* "100m sprint": metres, not million (sorted) */
    size_t nmetre_after;
    const char *const *metre_before; /* "a wave 3m high", "jumped 2.1m": a word up to
                                        three before the number makes a length (sorted) */
    size_t nmetre_before;
    const char *const *metre_of; /* "1.2m of water": what a length measures (sorted) */
    size_t nmetre_of;
    const struct nb_fraction_name *fractions;
    size_t nfractions;
    const char *const *time_zones; /* "EST", "GMT" (sorted, upper case) */
    size_t ntime_zones;
    const struct nb_era *eras; /* "44 BC", "AD 79": the number is a year */
    size_t neras;
};

/* The English tables (lang_en.c). */
extern const struct nb_norm_lang nb_norm_lang_en_gb, nb_norm_lang_en_us;

/* 1 when `language` is `prefix` or one of its variants, comparing ASCII
 * case-insensitively with '_' the same as '-': ("en-GB", "en") -> 1,
 * ("en_us", "en-us") -> 1, ("eng", "en") -> 0.  0 for a NULL language. */
int nb_language_matches(const char *language, const char *prefix);

/* The table for `language` (NULL counts as "en-gb"), or NULL when there are
 * no rules for it. */
const struct nb_norm_lang *nb_norm_lang_find(const char *language);

/* 1 when word[0..len) is in the sorted list (exact bytes, or ASCII
 * case-insensitively when nocase). */
int nb_norm_in_list(const char *const *list, size_t n, const char *word, size_t len, int nocase);

#endif
