/* tokens.c - the quote finder's words: bounded windows of tokens.
 *
 * Every look-around near a quote reads a bounded window (at most
 * NB_QUOTES_WIN_TOKENS tokens, NB_QUOTES_WIN_BYTES bytes for the tail), so
 * the whole pass stays linear however long a paragraph is.
 */
#include "quotes/tokens.h"
#include "quotes/wordlists.h"
#include "text/chars.h"
#include "text/sentences.h"

#include <stdint.h>
#include <string.h>

/* What the tokeniser needs to know of a byte, bits of token_byte[]:
 * TB_SPACE ASCII white space (' ', \t \n \v \f \r), TB_WORD an ASCII
 * letter or digit, TB_JOIN an ASCII mark that may join two words (' - .
 * &), TB_HIGH a byte of a multi-byte character (decoded to be known). */
enum { TB_SPACE = 1, TB_WORD = 2, TB_JOIN = 4, TB_HIGH = 8 };

static const unsigned char token_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, /* 0x00 \t-\r */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    1, 0, 0, 0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 4, 4, 0, /* 0x20  !"#$%&'()*+,-./ */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, /* 0x30 0-9:;<=>? */
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x40 @A-O */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, /* 0x50 P-Z[\]^_ */
    0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x60 `a-o */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, /* 0x70 p-z{|}~ DEL */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0x80 */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0x90 */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0xA0 */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0xB0 */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0xC0 */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0xD0 */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0xE0 */
    8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, /* 0xF0 */
};

/* Past the ASCII letters and digits of p[j..end). */
static size_t word_run_end(const char *p, size_t j, size_t end)
{
    const unsigned char *q = (const unsigned char *)p + j, *stop = (const unsigned char *)p + end;
    while (q < stop && (token_byte[*q] & TB_WORD))
        q++;
    return (size_t)(q - (const unsigned char *)p);
}

/* nb_quotes_next_token() from p[at..end), every character decoded: the
 * full reading, for a token that may not end at its last ASCII letter. */
static int read_token(const char *p, size_t end, size_t at, size_t *i, struct nb_quotes_tok *t)
{
    size_t n = 1;
    uint32_t c = 0;
    for (;;) { /* past the spaces, to the token's first character c */
        if (at >= end) {
            *i = at;
            return 0;
        }
        unsigned char b = (unsigned char)p[at];
        if (!(token_byte[b] & TB_HIGH)) {
            if (!(token_byte[b] & TB_SPACE)) {
                c = b;
                n = 1;
                break;
            }
            at++;
            continue;
        }
        n = nb_utf8_decode(p + at, end - at, &c);
        if (!nb_char_is_space_nonascii(c))
            break;
        at += n;
    }
    t->s = at;
    if (c < 0x80 ? !(token_byte[c] & TB_WORD) : !nb_char_is_word_nonascii(c)) {
        t->e = at + n;
        *i = t->e;
        return 1;
    }
    size_t j = at + n;
    for (;;) {
        j = word_run_end(p, j, end); /* most of a word */
        if (j >= end || !(token_byte[(unsigned char)p[j]] & (TB_JOIN | TB_HIGH)))
            break; /* most words end so: a space or a mark that joins nothing */
        size_t k;
        uint32_t d = nb_char_at(p, end, j, &k);
        if (nb_char_is_word(d)) {
            j += k;
            continue;
        }
        if (d == '\'' || d == 0x2019 || d == '-' || d == '.' || d == '&') {
            size_t k2;
            uint32_t e2 = nb_char_at(p, end, j + k, &k2);
            if (nb_char_is_word(e2)) {
                j += k + k2;
                continue;
            }
        }
        break;
    }
    if (j < end && j > at && (p[j - 1] == 's' || p[j - 1] == 'S')) {
        /* a plural possessive: "the Nurses' Union" */
        size_t k;
        uint32_t d = nb_char_at(p, end, j, &k);
        if ((d == '\'' || d == 0x2019) && !nb_char_is_word(nb_char_at(p, end, j + k, NULL))) {
            t->e = j + k;
            *i = t->e;
            return 1;
        }
    }
    if (j < end && p[j] == '.') {
        size_t wl = j - at;
        int initial = wl == 1 && nb_ascii_is_upper((unsigned char)p[at]);
        int dotted = memchr(p + at, '.', wl) != NULL;
        if (initial || dotted || nb_sentences_abbreviation(p + at, wl))
            j++;
    }
    t->e = j;
    *i = j;
    return 1;
}

int nb_quotes_next_token(const char *p, size_t end, size_t *i, struct nb_quotes_tok *t)
{
    /* Most tokens are ASCII letters and digits ended by a space or a mark
     * that joins nothing (not ' - . & nor a multi-byte character), or one
     * ASCII mark: read here without decoding; anything else is read by
     * read_token() from its first byte. */
    size_t at = *i; /* read into locals: stores through i or t could alias p */
    while (at < end && (token_byte[(unsigned char)p[at]] & TB_SPACE))
        at++;
    if (at >= end) {
        *i = at;
        return 0;
    }
    unsigned char b = (unsigned char)p[at];
    if (token_byte[b] & TB_HIGH)
        return read_token(p, end, at, i, t);
    size_t j = at + 1;
    if (token_byte[b] & TB_WORD) {
        j = word_run_end(p, j, end);
        if (j < end && (token_byte[(unsigned char)p[j]] & (TB_JOIN | TB_HIGH)))
            return read_token(p, end, at, i, t);
    }
    t->s = at;
    t->e = j;
    *i = j;
    return 1;
}

void nb_quotes_win_forget(struct nb_quotes_win *w)
{
    /* lists and verb count only once word says so */
    memset(w->memo.word, 0, sizeof(w->memo.word));
}

void nb_quotes_win_drop(struct nb_quotes_win *w, size_t k)
{
    struct nb_quotes_win_memo *m = &w->memo;
    size_t rest = k < w->n ? w->n - k : 0;
    if (rest > 0) {
        memmove(w->t, w->t + k, rest * sizeof(w->t[0]));
        memmove(m->lists, m->lists + k, rest * sizeof(m->lists[0]));
        memmove(m->verb, m->verb + k, rest * sizeof(m->verb[0]));
        memmove(m->word, m->word + k, rest * sizeof(m->word[0]));
    }
    /* lists and verb count only once word says so */
    memset(m->word + rest, 0, (NB_QUOTES_WIN_TOKENS - rest) * sizeof(m->word[0]));
    w->n = rest;
}

void nb_quotes_win_fill(struct nb_quotes_win *w, const char *p, size_t from, size_t to)
{
    nb_quotes_win_fill_first(w, p, from, to, NB_QUOTES_WIN_TOKENS);
}

void nb_quotes_win_fill_first(struct nb_quotes_win *w, const char *p, size_t from, size_t to,
                              size_t max)
{
    if (max > NB_QUOTES_WIN_TOKENS)
        max = NB_QUOTES_WIN_TOKENS;
    w->p = p;
    w->n = 0;
    size_t i = from;
    struct nb_quotes_tok t;
    while (w->n < max && nb_quotes_next_token(p, to, &i, &t))
        w->t[w->n++] = t;
    nb_quotes_win_forget(w);
}

void nb_quotes_win_fill_tail(struct nb_quotes_win *w, const char *p, size_t from, size_t to)
{
    if (to - from > NB_QUOTES_WIN_BYTES) {
        size_t s = to - NB_QUOTES_WIN_BYTES;
        while (s < to && !nb_ascii_is_space((unsigned char)p[s]))
            s++;
        from = s;
    }
    /* one pass, the last tokens kept in a ring */
    w->p = p;
    size_t i = from, k = 0;
    struct nb_quotes_tok t;
    while (nb_quotes_next_token(p, to, &i, &t)) {
        w->t[k % NB_QUOTES_WIN_TOKENS] = t;
        k++;
    }
    if (k > NB_QUOTES_WIN_TOKENS) { /* the ring in order */
        struct nb_quotes_tok ring[NB_QUOTES_WIN_TOKENS];
        memcpy(ring, w->t, sizeof(ring));
        for (size_t j = 0; j < NB_QUOTES_WIN_TOKENS; j++)
            w->t[j] = ring[(k + j) % NB_QUOTES_WIN_TOKENS];
    }
    w->n = k < NB_QUOTES_WIN_TOKENS ? k : NB_QUOTES_WIN_TOKENS;
    nb_quotes_win_forget(w);
}

/* The memory of token k, with what nb_quotes_word_lists() says of it. */
static struct nb_quotes_win_memo *looked_up(const struct nb_quotes_win *w, size_t k)
{
    struct nb_quotes_win_memo *m = nb_quotes_win_memo(w);
    if (!(m->word[k] & 64)) {
        int verb;
        m->lists[k] = nb_quotes_word_lists(w->p + w->t[k].s, nb_quotes_tok_len(w, k), &verb);
        m->verb[k] = (uint16_t)verb;
        m->word[k] |= 64;
    }
    return m;
}

int nb_quotes_tok_look_up(const struct nb_quotes_win *w, size_t k, enum nb_quotes_list list)
{
    if ((unsigned)list >= 32)
        return nb_quotes_word_in(list, w->p + w->t[k].s, nb_quotes_tok_len(w, k));
    return (looked_up(w, k)->lists[k] & (uint32_t)1 << list) != 0;
}

int nb_quotes_tok_dash(const struct nb_quotes_win *w, size_t k)
{
    uint32_t c = nb_char_at(w->p, w->t[k].e, w->t[k].s, NULL);
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

int nb_quotes_tok_verb(const struct nb_quotes_win *w, size_t k)
{
    /* a verb of saying is 3 to 15 ASCII letters (nb_quotes_verb_flags):
     * most other tokens need no search */
    size_t n = nb_quotes_tok_len(w, k);
    if (!(w->memo.word[k] & 64) &&
        (n < 3 || n > 15 || !nb_ascii_is_alpha((unsigned char)w->p[w->t[k].s])))
        return 0;
    return looked_up(w, k)->verb[k];
}

int nb_quotes_tok_honorific_look_up(const struct nb_quotes_win *w, size_t k, int *gender)
{
    struct nb_quotes_win_memo *m = nb_quotes_win_memo(w);
    if (!(m->word[k] & 4)) {
        int g = 0;
        m->word[k] |= 4;
        if (nb_quotes_honorific(w->p + w->t[k].s, nb_quotes_tok_len(w, k), &g))
            m->word[k] |= (unsigned char)(8 | (g & 3) << 4);
    }
    if (!(m->word[k] & 8))
        return 0;
    if (gender)
        *gender = (m->word[k] >> 4) & 3;
    return 1;
}
