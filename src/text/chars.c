/* chars.c - character classes from utf8proc's Unicode tables. */
#include "text/chars.h"

#include "text/utf8.h"

#include <utf8proc.h>

#define UNICODE_MAX 0x10FFFFu

static utf8proc_category_t category(uint32_t cp)
{
    return cp <= UNICODE_MAX ? utf8proc_category((utf8proc_int32_t)cp) : UTF8PROC_CATEGORY_CN;
}

int nb_char_is_space_nonascii(uint32_t cp)
{
    if (cp == 0x85)
        return 1;
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

int nb_char_is_invisible(uint32_t cp)
{
    if (cp < 0xAD)
        return 0;
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF))
        return 1; /* variation selectors */
    return category(cp) == UTF8PROC_CATEGORY_CF;
}

int nb_char_is_letter_nonascii(uint32_t cp)
{
    utf8proc_category_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int nb_char_is_mark(uint32_t cp)
{
    if (cp < 0x300)
        return 0;
    utf8proc_category_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

int nb_char_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

int nb_char_is_word_nonascii(uint32_t cp)
{
    utf8proc_category_t c = category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

int nb_char_is_upper_nonascii(uint32_t cp)
{
    utf8proc_category_t c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int nb_char_is_lower_nonascii(uint32_t cp)
{
    return category(cp) == UTF8PROC_CATEGORY_LL;
}

int nb_char_is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == '`' || cp == 0xB4 || cp == 0x2019 || cp == 0x2018 ||
           cp == 0x02BC || cp == 0x2032;
}

int nb_char_is_quote(uint32_t cp)
{
    switch (cp) {
    case '"':
    case '\'':
    case 0xAB:   /* « */
    case 0xBB:   /* » */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x201A: /* ‚ */
    case 0x201B: /* ‛ */
    case 0x201C: /* “ */
    case 0x201D: /* ” */
    case 0x201E: /* „ */
    case 0x201F: /* ‟ */
    case 0x2039: /* ‹ */
    case 0x203A: /* › */
        return 1;
    default:
        return 0;
    }
}

int nb_char_is_dash(uint32_t cp)
{
    if (cp < 0x80)
        return cp == '-';
    return category(cp) == UTF8PROC_CATEGORY_PD;
}

int nb_char_is_pictograph(uint32_t cp)
{
    if (cp < 0x2190 || cp > UNICODE_MAX)
        return 0;
    /* regional indicators (flags) and skin tones: emoji parts that are not
     * pictographic themselves */
    if ((cp >= 0x1F1E6 && cp <= 0x1F1FF) || (cp >= 0x1F3FB && cp <= 0x1F3FF))
        return 1;
    int bound = utf8proc_get_property((utf8proc_int32_t)cp)->boundclass;
    return bound == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC;
}

int nb_char_is_private_use(uint32_t cp)
{
    return cp >= 0xE000 && category(cp) == UTF8PROC_CATEGORY_CO;
}

uint32_t nb_char_lower(uint32_t cp)
{
    if (cp < 0x80)
        return (uint32_t)nb_ascii_lower((int)cp);
    if (cp > UNICODE_MAX)
        return cp;
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

uint32_t nb_char_before(const char *s, size_t i, size_t *start)
{
    if (i == 0) {
        if (start)
            *start = 0;
        return 0;
    }
    size_t j = i - 1;
    for (int k = 0; k < 3 && j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80; k++)
        j--;
    size_t n;
    uint32_t cp = nb_char_at(s, i, j, &n);
    if (j + n != i) { /* not a whole sequence: the last byte alone */
        j = i - 1;
        cp = NB_UTF8_REPLACEMENT;
    }
    if (start)
        *start = j;
    return cp;
}
