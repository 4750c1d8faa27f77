/* marks.c - pass 1 of the quote finder: the quotation marks of a paragraph.
 *
 * Every quotation mark is classified by its neighbours (opening, closing,
 * or an apostrophe as in don't, Berg's, the '90s, rock 'n' roll) and paired
 * with one open quote at a time, so nested quotes of the other kind stay
 * inside.  An opening mark never closed stops at the paragraph end, unless
 * the next paragraph opens with a mark of the same kind: the convention
 * for a quote that runs over paragraphs.
 */
#include "quotes/marks.h"
#include "quotes/wordlists.h"
#include "text/chars.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { FAM_DOUBLE = 1, FAM_SINGLE, FAM_GUIL };
enum { CAN_OPEN = 1, CAN_CLOSE = 2 };

struct mark {
    size_t pos, end; /* the mark is s[pos..end) */
    int fam;
    int can;
    int straight; /* an ASCII ' (unpaired, it was an apostrophe) */
};

static int open_context(uint32_t prev)
{
    return prev == 0 || nb_char_is_space(prev) || prev == '(' || prev == '[' || prev == '{' ||
           prev == '/' || prev == '-' || prev == 0x2013 || prev == 0x2014 || prev == 0x2015 ||
           nb_char_is_quote(prev);
}

static int close_context(uint32_t next)
{
    return next == 0 || nb_char_is_space(next) ||
           (next < 0x80 && strchr(".,;:!?)]}-/", (int)next)) || next == 0x2013 || next == 0x2014 ||
           next == 0x2015 || next == 0x2026 || nb_char_is_quote(next);
}

/* 1 when the letters at s[i] are a word an apostrophe cut short: 'n' 'em
 * 'til (none is longer than 7 letters). */
static int elision_at(const char *s, size_t len, size_t i)
{
    size_t n = 0;
    while (i + n < len && n < 7 && nb_ascii_is_alpha((unsigned char)s[i + n]))
        n++;
    if (n == 0 || (i + n < len && nb_ascii_is_alpha((unsigned char)s[i + n])))
        return 0;
    return nb_quotes_word_in(NB_QUOTES_ELISIONS, s + i, n);
}

/* Classifies a possible mark at s[i]; 1 when it is one. */
static int mark_at(const char *s, size_t len, size_t i, struct mark *m)
{
    size_t n;
    uint32_t c = nb_char_at(s, len, i, &n);
    if (!nb_char_is_quote(c))
        return 0;
    if (c == '\'' && i + 1 < len && s[i + 1] == '\'') {
        c = '"'; /* two apostrophes: a double mark, as some wires write it */
        n = 2;
    }
    uint32_t prev = nb_char_before(s, i, NULL);
    uint32_t next = nb_char_at(s, len, i + n, NULL);
    int lflank = open_context(prev) && next && !nb_char_is_space(next);
    int rflank = prev && !nb_char_is_space(prev) && close_context(next);
    memset(m, 0, sizeof(*m));
    m->pos = i;
    m->end = i + n;
    switch (c) {
    case '"':
        m->fam = FAM_DOUBLE;
        m->can = (lflank ? CAN_OPEN : 0) | (rflank ? CAN_CLOSE : 0);
        if (!m->can)
            m->can = CAN_OPEN | CAN_CLOSE;
        return 1;
    case 0x201C:
        m->fam = FAM_DOUBLE;
        m->can = CAN_OPEN | (rflank && !lflank ? CAN_CLOSE : 0);
        return 1;
    case 0x201E:
        m->fam = FAM_DOUBLE;
        m->can = CAN_OPEN;
        return 1;
    case 0x201D:
        m->fam = FAM_DOUBLE;
        m->can = CAN_CLOSE | (lflank && !rflank ? CAN_OPEN : 0);
        return 1;
    case 0xAB:
        m->fam = FAM_GUIL;
        m->can = CAN_OPEN;
        return 1;
    case 0xBB:
        m->fam = FAM_GUIL;
        m->can = CAN_CLOSE;
        return 1;
    case 0x2018:
    case '\'':
        m->fam = FAM_SINGLE;
        m->straight = c == '\'';
        if (nb_char_is_word(prev) && nb_char_is_word(next))
            return 0; /* don't, Berg's, rock'n'roll */
        if (lflank) {
            if (nb_char_is_digit(next) || elision_at(s, len, i + n))
                return 0; /* the '90s, rock 'n' roll */
            m->can = CAN_OPEN;
            return 1;
        }
        if (c == '\'' && rflank) {
            m->can = CAN_CLOSE;
            return 1;
        }
        return 0;
    case 0x2019:
        m->fam = FAM_SINGLE;
        if (nb_char_is_word(prev) && nb_char_is_word(next))
            return 0;
        if (rflank) {
            m->can = CAN_CLOSE; /* or a plural possessive: pairing decides */
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

/* 1 when paragraph p opens with a mark that can open a quote of `fam`. */
static int opens_with(const char *p, int fam, size_t *after)
{
    size_t len = strlen(p);
    struct mark m;
    if (len && mark_at(p, len, 0, &m) && m.fam == fam && (m.can & CAN_OPEN)) {
        *after = m.end;
        return 1;
    }
    return 0;
}

static nb_status segv_push(struct nb_quotes_segv *sv, const struct nb_quotes_seg *s)
{
    if (sv->n == sv->alloc) {
        size_t na = sv->alloc ? sv->alloc * 2 : 16;
        struct nb_quotes_seg *nv = realloc(sv->v, na * sizeof(*nv));
        if (!nv)
            return NB_ENOMEM;
        sv->v = nv;
        sv->alloc = na;
    }
    sv->v[sv->n++] = *s;
    return NB_OK;
}

void nb_quotes_segv_release(struct nb_quotes_segv *sv)
{
    free(sv->v);
    sv->v = NULL;
    sv->n = sv->alloc = 0;
}

#define MAX_RESCANS 4

/* The bytes a mark the scan looks at starts with: " ', 0xC2 (« ») and
 * 0xE2 (‘ ’ “ ” and the others of U+2018-U+203A).  Every other byte is no
 * mark: the scan skips it with one look-up. */
static const unsigned char mark_lead[256] = {
    ['"'] = 1,
    ['\''] = 1,
    [0xC2] = 1,
    [0xE2] = 1,
};

/* Whether none of the eight bytes at s can start a mark: none is '"' or
 * '\'', none is past ASCII (0xC2 and 0xE2 among them).  Tested in one
 * 64-bit word: (y - ones) & ~y & highs is nonzero exactly when some byte
 * of y is 0 (y = x ^ (mark * ones) for each mark); with no high bit set
 * in x, ~y has every high bit set. */
static int no_mark_eight(const char *s)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t dq = x ^ (ones * '"'), sq = x ^ (ones * '\'');
    return (((dq - ones) | (sq - ones) | x) & highs) == 0;
}

/* Pairs the marks of paragraph p (next = the following paragraph or NULL).
 * carry: the family of a quote continued from the previous paragraph (its
 * opening mark at p[0] is skipped), 0 for none.  Sets *carry_out for the
 * next paragraph.  An unpaired straight single mark was an apostrophe: the
 * paragraph is scanned again ignoring it (a bounded number of times). */
nb_status nb_quotes_scan_marks(const char *p, size_t len, const char *next, int carry,
                               struct nb_quotes_segv *out, int *carry_out)
{
    size_t ignore[MAX_RESCANS];
    size_t nignore = 0;
    for (;;) {
        out->n = 0;
        *carry_out = 0;
        struct nb_quotes_seg cur;
        memset(&cur, 0, sizeof(cur));
        int open_fam = 0, open_straight = 0;
        size_t i = 0;
        if (carry) {
            size_t after;
            if (!opens_with(p, carry, &after))
                after = 0;
            open_fam = carry;
            cur.start = after;
            cur.cont_prev = 1;
            i = after;
        }
        while (i < len) {
            unsigned char b = (unsigned char)p[i];
            if (!mark_lead[b]) {
                i++;
                /* eight bytes at a time through text without marks */
                while (len - i >= 8 && no_mark_eight(p + i))
                    i += 8;
                continue;
            }
            struct mark m;
            if (!mark_at(p, len, i, &m)) {
                i += nb_utf8_seq_len(b);
                continue;
            }
            int skip = 0;
            for (size_t k = 0; k < nignore; k++)
                skip |= ignore[k] == m.pos;
            if (skip) {
                i = m.end;
                continue;
            }
            if (!open_fam) {
                if (m.can & CAN_OPEN) {
                    open_fam = m.fam;
                    open_straight = m.straight;
                    memset(&cur, 0, sizeof(cur));
                    cur.open = m.pos;
                    cur.start = m.end;
                }
            } else if (m.fam == open_fam && (m.can & CAN_CLOSE)) {
                cur.end = m.pos;
                cur.after = m.end;
                if (segv_push(out, &cur) != NB_OK)
                    return NB_ENOMEM;
                open_fam = 0;
            } else if (m.fam == open_fam && m.can == CAN_OPEN && !cur.cont_prev) {
                /* a new opening before the last one closed: the last one
                 * lost its closing mark; it is not trusted */
                cur.open = m.pos;
                cur.start = m.end;
                open_straight = m.straight;
            }
            i = m.end;
        }
        if (!open_fam)
            return NB_OK;
        size_t after;
        if (open_fam == FAM_SINGLE && open_straight && !cur.cont_prev && nignore < MAX_RESCANS) {
            ignore[nignore++] = cur.open;
            continue;
        }
        cur.end = len;
        cur.after = len;
        if (next && opens_with(next, open_fam, &after)) {
            cur.cont_next = 1;
            *carry_out = open_fam;
        } else if (open_fam == FAM_SINGLE && !cur.cont_prev) {
            return NB_OK; /* an unpaired single mark: an apostrophe after all */
        }
        return segv_push(out, &cur);
    }
}
