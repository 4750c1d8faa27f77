/* chars.h - what kind of character a code point is: the one answer every
 * stage uses.
 *
 * Classes come from the Unicode character database through utf8proc
 * (Debian's libutf8proc, Unicode 15): one maintained table instead of
 * ranges written by hand in each stage.  ASCII takes a fast path.  Every
 * function is pure and cannot fail; a code point outside Unicode
 * (> U+10FFFF) belongs to no class.
 *
 *   space      white space: Unicode separators (Zs, Zl, Zp: U+00A0, U+2000-
 *              U+200A, U+202F, U+3000...) and the ASCII and C1 line controls
 *              (\t \n \v \f \r, U+0085).  U+200B ZERO WIDTH SPACE is not a
 *              space: it is invisible.
 *   invisible  format characters that are never seen or heard: Cf (zero
 *              width space and joiners, bidi controls, word joiner, soft
 *              hyphen, byte-order mark, tags) and variation selectors.
 *   letter     L*: every script's letters, modifier letters included.
 *   mark       M*: combining accents and vowel signs.
 *   digit      '0'..'9' only (numbers in other scripts are letters of a
 *              word to us, not digits to read as a number).
 *   word       what a word is made of: letters, marks and numbers (L, M, N).
 *   upper      capitals: Lu and Lt (É, Σ, Ж, ǅ).
 *   apostrophe ' ` ´ ’ ‘ ʼ ′: marks that stand inside words (don't, O’Brien).
 *   quote      quotation marks: " ' “ ” ‘ ’ „ ‟ ‚ ‛ « » ‹ ›.
 *   dash       Pd: - – — ― and the rest.
 *   pictograph emoji and pictographic symbols (Unicode's
 *              Extended_Pictographic from U+2190 on: ☀ ⌚ 🎉; not © ® ™),
 *              with the emoji parts regional indicators and skin tones.
 */
#ifndef NB_TEXT_CHARS_H
#define NB_TEXT_CHARS_H

#include "text/utf8.h"

#include <stddef.h>
#include <stdint.h>

/* Outside ASCII (chars.c); the classes below take ASCII inline. */
int nb_char_is_space_nonascii(uint32_t cp);
int nb_char_is_letter_nonascii(uint32_t cp);
int nb_char_is_word_nonascii(uint32_t cp);
int nb_char_is_upper_nonascii(uint32_t cp);
int nb_char_is_lower_nonascii(uint32_t cp);

int nb_char_is_invisible(uint32_t cp);
int nb_char_is_mark(uint32_t cp);
int nb_char_is_digit(uint32_t cp);
int nb_char_is_apostrophe(uint32_t cp);
int nb_char_is_quote(uint32_t cp);
int nb_char_is_dash(uint32_t cp);
int nb_char_is_pictograph(uint32_t cp);
int nb_char_is_private_use(uint32_t cp);

/* The lower-case form of cp (cp itself when it has none). */
uint32_t nb_char_lower(uint32_t cp);

/* The code point at s[i] and, in *n (may be NULL), its length in bytes: an
 * invalid sequence is U+FFFD of length 1, as nb_utf8_decode(); at or past
 * the end (i >= len) 0 of length 0.  Inline, with ASCII first: every
 * scanner calls it once per character. */
static inline uint32_t nb_char_at(const char *s, size_t len, size_t i, size_t *n)
{
    uint32_t cp = 0;
    size_t k = 0;
    if (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            cp = (unsigned char)s[i];
            k = 1;
        } else {
            k = nb_utf8_decode(s + i, len - i, &cp);
        }
    }
    if (n)
        *n = k;
    return cp;
}

/* The code point that ends just before s[i] (never reaching before s[0])
 * and, in *start (may be NULL), where it starts: 0 at the start (i == 0).
 * Bytes that are not the end of a whole sequence are U+FFFD of length 1. */
uint32_t nb_char_before(const char *s, size_t i, size_t *start);

/* ASCII only, for bytes (no <ctype.h>, whose answers depend on the locale):
 * 0 for every byte of a multi-byte sequence.  Inline: they sit in the
 * innermost loops of every stage. */
static inline int nb_ascii_is_space(int c) /* ' ' \t \n \v \f \r */
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}
static inline int nb_ascii_is_blank(int c) /* ' ' \t: space within a line */
{
    return c == ' ' || c == '\t';
}
static inline int nb_ascii_is_digit(int c)
{
    return c >= '0' && c <= '9';
}
static inline int nb_ascii_is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}
static inline int nb_ascii_is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}
static inline int nb_ascii_is_alpha(int c)
{
    return nb_ascii_is_upper(c) || nb_ascii_is_lower(c);
}
static inline int nb_ascii_is_alnum(int c)
{
    return nb_ascii_is_alpha(c) || nb_ascii_is_digit(c);
}
/* 'A'..'Z' to 'a'..'z'; any other byte as it is. */
static inline int nb_ascii_lower(int c)
{
    return nb_ascii_is_upper(c) ? c + ('a' - 'A') : c;
}
static inline int nb_ascii_upper(int c)
{
    return nb_ascii_is_lower(c) ? c - ('a' - 'A') : c;
}
/* Compares at most n bytes, ASCII letters without case: <0, 0 or >0. */
static inline int nb_ascii_ncasecmp(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int ca = nb_ascii_lower((unsigned char)a[i]), cb = nb_ascii_lower((unsigned char)b[i]);
        if (ca != cb || !ca)
            return ca - cb;
    }
    return 0;
}

static inline int nb_char_is_space(uint32_t cp)
{
    return cp < 0x80 ? nb_ascii_is_space((int)cp) : nb_char_is_space_nonascii(cp);
}
static inline int nb_char_is_letter(uint32_t cp)
{
    return cp < 0x80 ? nb_ascii_is_alpha((int)cp) : nb_char_is_letter_nonascii(cp);
}
static inline int nb_char_is_word(uint32_t cp)
{
    return cp < 0x80 ? nb_ascii_is_alnum((int)cp) : nb_char_is_word_nonascii(cp);
}
static inline int nb_char_is_upper(uint32_t cp)
{
    return cp < 0x80 ? nb_ascii_is_upper((int)cp) : nb_char_is_upper_nonascii(cp);
}
static inline int nb_char_is_lower(uint32_t cp)
{
    return cp < 0x80 ? nb_ascii_is_lower((int)cp) : nb_char_is_lower_nonascii(cp);
}

#endif
