#include "text/utf8.h"

#include <stdio.h>
#include <string.h>

size_t nb_utf8_seq_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 1;
}

size_t nb_utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n = nb_utf8_seq_len(c);
    if (n == 1 || n > len) {
        *cp = NB_UTF8_REPLACEMENT;
        return 1;
    }
    uint32_t v = c & (0xFF >> (n + 1));
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = NB_UTF8_REPLACEMENT;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    /* overlong forms, surrogates and values past U+10FFFF */
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
        (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = NB_UTF8_REPLACEMENT;
        return 1;
    }
    *cp = v;
    return n;
}

/* Eight bytes at a time, as one 64-bit word: the loops over every byte of
 * the text (validation, the binary check, the copy of plain runs) pass
 * eight bytes of plain ASCII in one test and read the rest byte by byte,
 * so they answer as if every byte had been read. */
static const uint64_t eight_ones = UINT64_C(0x0101010101010101);
static const uint64_t eight_highs = UINT64_C(0x8080808080808080);

static uint64_t eight_at(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    return x;
}

/* Whether a byte of x is 0x80 or more. */
static int eight_any_high(uint64_t x)
{
    return (x & eight_highs) != 0;
}

/* Whether a byte of x is below 0x20.  Taking 0x20 from every byte sets
 * the high bit of each such byte; a byte that borrows from the one above
 * it is below 0x20 itself, so a high bit left by ~x means one is there. */
static int eight_any_control(uint64_t x)
{
    return ((x - eight_ones * 0x20) & ~x & eight_highs) != 0;
}

int nb_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    size_t i = 0;
    while (i < len) {
        while (len - i >= 8 && !eight_any_high(eight_at(s + i)))
            i += 8;
        if (i >= len)
            break;
        if ((unsigned char)s[i] < 0x80) { /* ASCII, the most of news text */
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = nb_utf8_decode(s + i, len - i, &cp);
        if (cp == NB_UTF8_REPLACEMENT && n == 1) {
            /* a literal U+FFFD is three bytes, so n == 1 means invalid */
            if (bad_offset)
                *bad_offset = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

size_t nb_utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

nb_status nb_buf_add_cp(struct nb_buf *b, uint32_t cp)
{
    char tmp[4];
    size_t n = nb_utf8_encode(cp, tmp);
    return nb_buf_add(b, tmp, n);
}

/* Windows-1252 0x80..0x9F; 0 marks the five undefined bytes. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* Whether a code point may enter the library text. */
static int keep_cp(uint32_t cp)
{
    if (cp == '\n' || cp == '\t')
        return 1;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return 0;
    /* byte-order marks inside the text and non-characters */
    if (cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return 1;
}

static nb_status add_clean(struct nb_buf *out, uint32_t cp, int *pending_cr)
{
    if (cp == '\r') {
        *pending_cr = 1;
        return nb_buf_addc(out, '\n');
    }
    if (cp == '\n' && *pending_cr) {
        *pending_cr = 0;
        return NB_OK; /* CR LF already became one LF */
    }
    *pending_cr = 0;
    if (!keep_cp(cp))
        return NB_OK;
    return nb_buf_add_cp(out, cp);
}

/* Bytes that enter as they are, whatever came before (a '\n' may be the
 * LF of a CR LF). */
static int plain_ascii(unsigned char c)
{
    return (c >= 0x20 && c < 0x7F) || c == '\t';
}

/* Whether the eight bytes at s are all plain ASCII from 0x20 to 0x7E (a
 * tab among them is left to the byte-by-byte loop).  With no byte from
 * 0x80 up, adding 1 to every byte carries into no other: a high bit then
 * marks a DEL. */
static int plain_eight(const char *s)
{
    uint64_t x = eight_at(s);
    return !eight_any_high(x) && !eight_any_control(x) && !eight_any_high(x + eight_ones);
}

/* ---- terminal escape sequences (ECMA-48) ---- */

static int in_range(char c, unsigned char lo, unsigned char hi)
{
    return (unsigned char)c >= lo && (unsigned char)c <= hi;
}

/* Past the parameter, intermediate and final bytes of a control sequence
 * whose introducer ends before s[i]. */
static size_t csi_end(const char *s, size_t len, size_t i)
{
    while (i < len && in_range(s[i], 0x30, 0x3F))
        i++;
    while (i < len && in_range(s[i], 0x20, 0x2F))
        i++;
    return i < len && in_range(s[i], 0x40, 0x7E) ? i + 1 : i;
}

/* Past a control string (OSC, DCS, SOS, PM, APC) whose introducer ends
 * before s[i]: past its terminator (BEL, ESC '\', or the C1 ST in UTF-8
 * text), or up to any other control character, so that a string never
 * closed takes no more than its line.  Every stop is a character boundary
 * in either encoding. */
static size_t string_end(const char *s, size_t len, size_t i, int utf8)
{
    for (; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x07)
            return i + 1;
        if (c == 0x1B)
            return i + 1 < len && s[i + 1] == '\\' ? i + 2 : i;
        if (utf8 && c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0x9C)
            return i + 2;
        if (c < 0x20 || c == 0x7F)
            return i;
    }
    return len;
}

/* The length of the terminal escape sequence that starts at s[i], 0 when
 * none does: ESC and what follows it, or (in UTF-8 text) a C1 introducer
 * of a control sequence or string, U+009B CSI, U+009D OSC and the like.
 * A lone ESC is one byte; an escape cut short ends where it is cut. */
static size_t escape_len(const char *s, size_t len, size_t i, int utf8)
{
    unsigned char c = (unsigned char)s[i];
    if (c == 0x1B) {
        if (i + 1 >= len)
            return 1;
        char n = s[i + 1];
        if (n == '[')
            return csi_end(s, len, i + 2) - i;
        if (n == ']' || n == 'P' || n == 'X' || n == '^' || n == '_')
            return string_end(s, len, i + 2, utf8) - i;
        if (in_range(n, 0x20, 0x2F)) { /* intermediates, then a final byte */
            size_t j = i + 2;
            while (j < len && in_range(s[j], 0x20, 0x2F))
                j++;
            /* without its final byte, a stray ESC before a space or a
             * dash: the ESC alone goes, the text stays */
            return j < len && in_range(s[j], 0x30, 0x7E) ? j + 1 - i : 1;
        }
        return in_range(n, 0x30, 0x7E) ? 2 : 1;
    }
    if (utf8 && c == 0xC2 && i + 1 < len) {
        unsigned char n = (unsigned char)s[i + 1];
        if (n == 0x9B)
            return csi_end(s, len, i + 2) - i;
        if (n == 0x9D || n == 0x90 || n == 0x98 || n == 0x9E || n == 0x9F)
            return string_end(s, len, i + 2, utf8) - i;
    }
    return 0;
}

nb_status nb_text_import(const char *s, size_t len, struct nb_buf *out,
                         enum nb_text_encoding *found)
{
    int utf8 = nb_utf8_valid(s, len, NULL);
    int pending_cr = 0;
    if (found)
        *found = utf8 ? NB_TEXT_UTF8 : NB_TEXT_CP1252;
    if (nb_buf_grow(out, len) != NB_OK)
        return NB_ENOMEM;
    size_t i = 0;
    if (utf8 && len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        i = 3;
    while (i < len) {
        uint32_t cp;
        unsigned char c0 = (unsigned char)s[i];
        size_t esc = c0 == 0x1B || (utf8 && c0 == 0xC2) ? escape_len(s, len, i, utf8) : 0;
        if (esc) {
            i += esc; /* invisible: a CR before it and an LF after stay one line end */
            continue;
        }
        if (utf8) {
            /* a run of plain ASCII is copied whole; valid UTF-8 kept as it
             * is (decoding and encoding it again gives the same bytes) */
            size_t r = i;
            while (len - r >= 8 && plain_eight(s + r))
                r += 8;
            while (r < len && plain_ascii((unsigned char)s[r]))
                r++;
            if (r > i) {
                if (nb_buf_add(out, s + i, r - i) != NB_OK)
                    return NB_ENOMEM;
                pending_cr = 0;
                i = r;
                continue;
            }
            size_t n = nb_utf8_decode(s + i, len - i, &cp);
            if (n > 1) {
                pending_cr = 0;
                if (keep_cp(cp) && nb_buf_add(out, s + i, n) != NB_OK)
                    return NB_ENOMEM;
                i += n;
                continue;
            }
            i += n;
        } else {
            unsigned char c = (unsigned char)s[i++];
            cp = c >= 0x80 && c <= 0x9F ? cp1252_high[c - 0x80] : c;
            if (!cp)
                continue;
        }
        if (add_clean(out, cp, &pending_cr) != NB_OK)
            return NB_ENOMEM;
    }
    return NB_OK;
}

/* 1 for the bytes that count against text: the control bytes but \t \n
 * \f \r and ESC.  Every byte from 0x20 up is 0. */
static const unsigned char binary_byte[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 1, 1, /* 0x00: \t \n \f \r */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, /* 0x10: ESC */
};

int nb_text_looks_binary(const char *s, size_t len)
{
    size_t sample = len < 65536 ? len : 65536, bad = 0, i = 0;
    for (; sample - i >= 8; i += 8) {
        if (!eight_any_control(eight_at(s + i)))
            continue; /* no control byte: none counts */
        for (size_t k = i; k < i + 8; k++)
            bad += binary_byte[(unsigned char)s[k]];
    }
    for (; i < sample; i++)
        bad += binary_byte[(unsigned char)s[i]];
    return sample && (bad * 100 / sample >= 5 || memchr(s, '\0', sample) != NULL);
}

int nb_text_is_utf16(const char *s, size_t len)
{
    return len >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
                        ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF));
}

nb_status nb_text_check(const char *s, size_t len, const char *name, struct nb_error *err)
{
    /* UTF-16 first: its ASCII is half NUL bytes, which looks binary */
    if (nb_text_is_utf16(s, len))
        return nb_error_set_at(err, NB_EINPUT, name, 0, 0,
                               "UTF-16 text (it starts with a UTF-16 byte-order mark): save it "
                               "as UTF-8");
    if (nb_text_looks_binary(s, len))
        return nb_error_set_at(err, NB_EINPUT, name, 0, 0,
                               "not a text file (it holds binary data)");
    return NB_OK;
}

char *nb_text_cp1252_warning(const char *s, size_t len, char *out, size_t size)
{
    size_t bad = 0;
    nb_utf8_valid(s, len, &bad);
    snprintf(out, size, "not valid UTF-8 (byte %zu): read as Windows-1252", bad + 1);
    return out;
}
