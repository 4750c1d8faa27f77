/* chars.h - the character classes the quote finder reads text with
 * (internal to src/quotes/: used by marks.c, tokens.c, attribution.c,
 * speakers.c, emit.c and quotes.c).
 *
 * Code points, not bytes: s[i] may start a multi-byte UTF-8 sequence.
 * They are kept together here, as they were, until a shared text/ module
 * takes their place; static inline so that each file gets its own copy
 * and the hot loops stay as fast as when they were one file's statics.
 */
#ifndef NB_QUOTES_CHARS_H
#define NB_QUOTES_CHARS_H

#include "text/utf8.h"

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>

static inline int cp_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

static inline int cp_letter(uint32_t c)
{
    if (c < 0x80)
        return isalpha((int)c);
    return c >= 0xC0 && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x2BFF) &&
           !(c >= 0x3000 && c <= 0x303F) && c != NB_UTF8_REPLACEMENT;
}

static inline int cp_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static inline int cp_alnum(uint32_t c)
{
    return cp_letter(c) || cp_digit(c);
}

static inline int cp_upper(uint32_t c)
{
    if (c < 0x80)
        return isupper((int)c);
    return (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
           (c >= 0x410 && c <= 0x42F);
}

static inline int cp_quote(uint32_t c)
{
    return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
           c == 0x201E || c == 0xAB || c == 0xBB;
}

/* Code point at s[i] (0 at the end) and its length. */
static inline uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    uint32_t c = 0;
    size_t k = 0;
    if (i < len)
        k = nb_utf8_decode(s + i, len - i, &c);
    if (n)
        *n = k;
    return c;
}

/* Code point just before s[i] (0 at the start). */
static inline uint32_t cp_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    uint32_t c;
    nb_utf8_decode(s + j, i - j, &c);
    return c;
}

#endif
