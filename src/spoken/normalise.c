/* normalise.c - written news text into the form a newsreader speaks.
 *
 * One pass over the text, code point by code point.  Whitespace and the
 * pauses made by dashes are held back ("pending") until the next thing that
 * is actually spoken, so the output never starts or ends with a space and
 * never has two in a row.  At the start of each token the lexicon and then
 * the matchers of match.h (a table, tried in order) may claim it; what
 * they say is emitted in its place.  Every word comes from the language's
 * table (lang.h).
 */
#include "spoken/normalise.h"

#include "spoken/lang.h"
#include "spoken/match.h"
#include "text/chars.h"
#include "text/utf8.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

/* U+20E3 COMBINING ENCLOSING KEYCAP: what is left of "1️⃣" once the
 * invisible variation selector is gone. */
static int is_keycap(uint32_t cp)
{
    return cp == 0x20E3;
}

/* What may follow a pause or an emoji without a space before it. */
static int is_closing(uint32_t cp)
{
    switch (cp) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case ')':
    case ']':
    case '}':
    case 0x2019:
    case 0x201D:
    case 0xBB:
    case 0x2026:
        return 1;
    default:
        return 0;
    }
}

/* ---- helpers shared with the matchers (match.h) ---- */

size_t nb_norm_letters(const char *text, size_t len, size_t i)
{
    size_t j = i;
    while (j < len && nb_ascii_is_alpha((unsigned char)text[j]))
        j++;
    return j - i;
}

int nb_norm_token_end(const char *text, size_t len, size_t j)
{
    if (j >= len)
        return 1;
    unsigned char c = (unsigned char)text[j];
    if (c < 0x80)
        return !nb_ascii_is_alnum(c);
    uint32_t cp = nb_char_at(text, len, j, NULL);
    /* the ordinal indicators are letters, but "45º" is 45 degrees written
     * with the wrong sign, not a word */
    return !nb_char_is_word(cp) || cp == 0xBA || cp == 0xAA;
}

size_t nb_norm_next_word(const char *text, size_t len, size_t j, size_t *ws)
{
    while (j < len && (text[j] == ' ' || text[j] == '\t' || text[j] == '\n'))
        j++;
    *ws = j;
    return nb_norm_letters(text, len, j);
}

size_t nb_norm_prev_word(const char *text, size_t i, size_t *ws)
{
    size_t j = i;
    while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\n'))
        j--;
    size_t end = j;
    while (j > 0 && (nb_ascii_is_alnum((unsigned char)text[j - 1]) || text[j - 1] == '\'' ||
                     (unsigned char)text[j - 1] >= 0x80))
        j--;
    *ws = j;
    return end - j;
}

int nb_norm_capital_at(const char *text, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    uint32_t cp;
    nb_utf8_decode(text + i, len - i, &cp);
    return nb_char_is_upper(cp);
}

int nb_norm_starts_ci(const char *text, size_t len, size_t i, const char *s)
{
    size_t k = 0;
    for (; s[k]; k++)
        if (i + k >= len ||
            nb_ascii_lower((unsigned char)text[i + k]) != nb_ascii_lower((unsigned char)s[k]))
            return 0;
    return 1;
}

size_t nb_norm_number_at(const char *text, size_t len, size_t i, struct nb_norm_num *n)
{
    memset(n, 0, sizeof(*n));
    size_t j = i, cap = sizeof(n->digits) - 1;
    while (j < len && nb_ascii_is_digit((unsigned char)text[j]) && n->nint < cap)
        n->digits[n->nint++] = text[j++];
    if (j < len && nb_ascii_is_digit((unsigned char)text[j]))
        return 0; /* too long to be a number we read as one */
    /* thousands separators: "1,234,567" (groups of exactly three) */
    if (n->nint >= 1 && n->nint <= 3) {
        size_t k = j;
        while (k + 3 < len && text[k] == ',' && nb_ascii_is_digit((unsigned char)text[k + 1]) &&
               nb_ascii_is_digit((unsigned char)text[k + 2]) &&
               nb_ascii_is_digit((unsigned char)text[k + 3]) &&
               (k + 4 >= len || !nb_ascii_is_digit((unsigned char)text[k + 4])) &&
               n->nint + 3 < cap) {
            memcpy(n->digits + n->nint, text + k + 1, 3);
            n->nint += 3;
            n->grouped = 1;
            k += 4;
        }
        j = k;
    }
    if (j + 1 < len && text[j] == '.' && nb_ascii_is_digit((unsigned char)text[j + 1])) {
        size_t k = j + 1;
        while (k < len && nb_ascii_is_digit((unsigned char)text[k]) && n->nint + n->nfrac < cap)
            n->digits[n->nint + n->nfrac++] = text[k++];
        if (k < len && nb_ascii_is_digit((unsigned char)text[k]))
            return 0;
        n->has_point = 1;
        j = k;
    }
    if (n->nint == 0 && !n->has_point)
        return 0;
    n->end = j;
    return j - i;
}

unsigned long long nb_norm_num_value(const struct nb_norm_num *n)
{
    unsigned long long v = 0;
    for (size_t k = 0; k < n->nint; k++) {
        if (v > (ULLONG_MAX - 9) / 10)
            return ULLONG_MAX;
        v = v * 10 + (unsigned)(n->digits[k] - '0');
    }
    return v;
}

nb_status nb_norm_say_n(struct nb_norm_ctx *c, const char *words, size_t len)
{
    struct nb_buf *b = c->say;
    if (len == 0)
        return NB_OK;
    if (b->len > 0 && b->data[b->len - 1] != ' ' && words[0] != ' ' && nb_buf_addc(b, ' ') != NB_OK)
        return NB_ENOMEM;
    return nb_buf_add(b, words, len);
}

nb_status nb_norm_say(struct nb_norm_ctx *c, const char *words)
{
    return nb_norm_say_n(c, words, strlen(words));
}

/* ---- the engine ---- */

enum pending_space { SPACE_NONE, SPACE_SOFT, SPACE_HARD };

struct norm {
    const struct nb_norm_lang *rules; /* NULL: whitespace clean-up only */
    const struct nb_lexicon *lexicon;
    struct nb_buf *out;
    struct nb_buf *explain;
    size_t start;             /* out->len when we began */
    enum pending_space space; /* SOFT: only before a word, not before , . ! ? etc */
    int pause;                /* a dash is waiting to become ", " */
    int prev_word;            /* the last code point read was a letter or digit */
    int partial;              /* nb_lexicon_has_partial(lexicon) */
    struct nb_norm_ctx ctx;
    struct nb_buf say;
    /* bit b: a whole token of the language's table starts with byte b
     * (set by index_tokens(); asked at every word) */
    unsigned char token_first[256 / 8];
};

/* The first bytes each matcher can start with (a test, not a search of a
 * string of them: it runs at the start of every token). */
static int phone_first(unsigned char c)
{
    return c == '+' || c == '(' || nb_ascii_is_digit(c);
}

/* Digits, "$", ".5", "-3", "'90s", the lead bytes of "£" (C2) and "€"
 * (E2), and "US$", "A$", "C$", "NZ$", "HK$". */
static int quantity_first(unsigned char c)
{
    switch (c) {
    case '$':
    case '.':
    case '-':
    case '\'':
    case 0xC2:
    case 0xE2:
    case 'U':
    case 'A':
    case 'C':
    case 'N':
    case 'H':
        return 1;
    default:
        return nb_ascii_is_digit(c);
    }
}

static int era_first(unsigned char c)
{
    return c == 'A';
}

static int roman_first(unsigned char c)
{
    switch (c) {
    case 'I':
    case 'V':
    case 'X':
    case 'L':
    case 'C':
    case 'D':
    case 'M':
        return 1;
    default:
        return 0;
    }
}

static int capital_first(unsigned char c)
{
    return nb_ascii_is_upper(c);
}

/* The matchers, tried in order at the start of a token. */
struct matcher {
    nb_norm_matcher match;
    int (*first)(unsigned char c); /* the bytes it can start with; NULL: letters and digits */
};

static const struct matcher matchers[] = {
    {nb_norm_match_web, NULL},
    {nb_norm_match_phone, phone_first},
    {nb_norm_match_quantity, quantity_first},
    {nb_norm_match_month_date, NULL},
    {nb_norm_match_era, era_first},
    {nb_norm_match_abbrev, NULL},
    {nb_norm_match_roman, roman_first},
    {nb_norm_match_acronym, capital_first},
};

/* Fills n->token_first from the language's whole tokens. */
static void index_tokens(struct norm *n)
{
    memset(n->token_first, 0, sizeof(n->token_first));
    for (size_t k = 0; n->rules && k < n->rules->ntokens; k++) {
        unsigned char b = (unsigned char)n->rules->tokens[k].from[0];
        n->token_first[b / 8] |= (unsigned char)(1u << (b % 8));
    }
}

/* Whole tokens from the language's table ("9/11"), not inside a longer
 * number or date. */
static size_t match_token(const struct norm *n, struct nb_norm_ctx *c, size_t i)
{
    const struct nb_norm_lang *r = c->lang;
    const char *text = c->text;
    unsigned char b = (unsigned char)text[i];
    if (!((n->token_first[b / 8] >> (b % 8)) & 1))
        return 0;
    if (i > 0 && (text[i - 1] == '/' || nb_ascii_is_digit((unsigned char)text[i - 1])))
        return 0;
    for (size_t k = 0; k < r->ntokens; k++) {
        if (r->tokens[k].from[0] != text[i])
            continue;
        size_t wl = strlen(r->tokens[k].from);
        if (c->len - i < wl || memcmp(text + i, r->tokens[k].from, wl) != 0)
            continue;
        size_t j = i + wl;
        if (j < c->len && (nb_ascii_is_alnum((unsigned char)text[j]) || text[j] == '/' ||
                           (unsigned char)text[j] >= 0x80))
            continue;
        if (j + 1 < c->len && text[j] == '.' && nb_ascii_is_alnum((unsigned char)text[j + 1]))
            continue;
        c->rule = "token";
        return nb_norm_say(c, r->tokens[k].to) != NB_OK ? nb_norm_fail(c) : wl;
    }
    return 0;
}

/* Emits what is pending (a pause or a space) before spoken text starting
 * with code point `next`. */
static nb_status flush(struct norm *n, uint32_t next)
{
    struct nb_buf *out = n->out;
    int started = out->len > n->start;
    enum pending_space space = n->space;
    int pause = n->pause;
    n->space = SPACE_NONE;
    n->pause = 0;
    if (!started)
        return NB_OK;
    if (pause) {
        if (is_closing(next))
            return NB_OK;
        if (!strchr(",.;:!?", out->data[out->len - 1]) && nb_buf_addc(out, ',') != NB_OK)
            return NB_ENOMEM;
        return nb_buf_addc(out, ' ');
    }
    if (space == SPACE_HARD || (space == SPACE_SOFT && !is_closing(next)))
        return nb_buf_addc(out, ' ');
    return NB_OK;
}

static nb_status emit(struct norm *n, const char *s, size_t len, uint32_t first)
{
    if ((n->space != SPACE_NONE || n->pause) && flush(n, first) != NB_OK)
        return NB_ENOMEM;
    return nb_buf_add(n->out, s, len);
}

static void add_space(struct norm *n)
{
    n->space = SPACE_HARD;
    n->prev_word = 0;
}

static void add_pause(struct norm *n)
{
    n->pause = 1;
    n->prev_word = 0;
}

/* Appends a quoted, one-line copy of s[0..len) to the explanation. */
static nb_status explain_quoted(struct nb_buf *b, const char *s, size_t len)
{
    if (nb_buf_addc(b, '"') != NB_OK)
        return NB_ENOMEM;
    for (size_t k = 0; k < len; k++)
        if (nb_buf_addc(b, s[k] == '\n' || s[k] == '\t' ? ' ' : s[k]) != NB_OK)
            return NB_ENOMEM;
    return nb_buf_addc(b, '"');
}

static nb_status explain(struct norm *n, const char *written, size_t wlen, const char *spoken,
                         size_t slen, const char *rule, const char *source)
{
    struct nb_buf *b = n->explain;
    if (!b)
        return NB_OK;
    if (explain_quoted(b, written, wlen) != NB_OK || nb_buf_adds(b, " -> ") != NB_OK ||
        explain_quoted(b, spoken, slen) != NB_OK || nb_buf_adds(b, " (") != NB_OK ||
        nb_buf_adds(b, rule) != NB_OK || (source && nb_buf_addf(b, " %s", source) != NB_OK) ||
        nb_buf_adds(b, ")\n") != NB_OK)
        return NB_ENOMEM;
    return NB_OK;
}

/* Emits a replacement for text[i..i+used) and records it. */
static nb_status replace(struct norm *n, size_t i, size_t used, const char *spoken, size_t slen,
                         const char *rule, const char *source)
{
    if (slen > 0 && emit(n, spoken, slen, (unsigned char)spoken[0]) != NB_OK)
        return NB_ENOMEM;
    if (explain(n, n->ctx.text + i, used, spoken, slen, rule, source) != NB_OK)
        return NB_ENOMEM;
    n->prev_word = 1;
    return NB_OK;
}

/* 1 when what follows a plain word's letters at text[j] ends it for every
 * matcher: the end of the text, a space (not before a digit), a non-ASCII
 * character, or one of , ; ! ( ) ] " ' (none of them a URL character);
 * one '.', '?' or ':' may come first. */
static int plain_after(const char *text, size_t len, size_t j)
{
    if (j < len && (text[j] == '.' || text[j] == '?' || text[j] == ':'))
        j++;
    if (j == len)
        return 1;
    unsigned char c = (unsigned char)text[j];
    if (c >= 0x80)
        return 1;
    if (nb_ascii_is_space(c))
        return !(j + 1 < len && nb_ascii_is_digit((unsigned char)text[j + 1]));
    switch (c) {
    case ',':
    case ';':
    case '!':
    case '(':
    case ')':
    case ']':
    case '"':
    case '\'':
        return 1;
    default:
        return 0;
    }
}

/* The end of a plain word at text[i], or 0 when the token there is not
 * one: ASCII letters, the first lower-case or else a capital followed by
 * lower-case letters only ("said", "iPhone", "London", "Mr"; not "UK"),
 * then what plain_after() accepts.
 *
 * Of the matchers, only quantity, era and abbrev (see try_rules()) can
 * claim a plain word, besides the lexicon and whole tokens (read from
 * tables); the others cannot, by their own trigger conditions:
 *  - phone: its first byte (phone_first()) is never a letter;
 *  - web: an address needs a '.' inside its run of URL characters and
 *    '@'; that run ends at the word's end or one byte after it (a '.',
 *    '?' or ':' followed by a byte that is neither), and a final '.' is
 *    given back to the sentence: the host has no dot;
 *  - month_date: needs a '.', a blank or a '-', then a digit, after the
 *    letters (date_may_follow(); a '.' then a blank then a digit is not
 *    plain), or "Q1" to "Q4";
 *  - roman: a run of capital numerals that ends the token ("Mike": 'M'
 *    then a letter);
 *  - acronym: two capitals or more, or a capital then '.', '&', '-' or a
 *    digit. */
static size_t plain_word_end(const char *text, size_t len, size_t i)
{
    unsigned char c = (unsigned char)text[i];
    size_t j = i + 1;
    if (nb_ascii_is_lower(c)) {
        while (j < len && nb_ascii_is_alpha((unsigned char)text[j]))
            j++;
    } else if (nb_ascii_is_upper(c)) {
        while (j < len && nb_ascii_is_lower((unsigned char)text[j]))
            j++;
        if (j == i + 1 || (j < len && nb_ascii_is_upper((unsigned char)text[j])))
            return 0;
    } else {
        return 0;
    }
    return plain_after(text, len, j) ? j : 0;
}

/* Tries the lexicon and the matchers at text[i]: *used the bytes they
 * read (0: none).  `plain` is plain_word_end(text, len, i) at a token
 * start (0 when not plain or not known).  NB_OK, or NB_ENOMEM. */
static nb_status try_rules(struct norm *n, size_t i, int inside_word, size_t plain, size_t *used)
{
    struct nb_norm_ctx *c = &n->ctx;
    struct nb_lexicon_match m;
    *used = nb_lexicon_match(n->lexicon, c->text, c->len, i, inside_word, &m);
    if (*used)
        return replace(n, i, *used, m.spoken, strlen(m.spoken), "lexicon", m.source);
    if (inside_word || !n->rules)
        return NB_OK;
    unsigned char first = (unsigned char)c->text[i];
    nb_buf_reset(&n->say);
    c->rule = NULL;
    c->status = NB_OK;
    *used = nb_ascii_is_alnum(first) ? match_token(n, c, i) : 0;
    if (plain) {
        /* the matchers of matchers[] that may claim a plain word
         * (plain_word_end()), in its order, called directly: this is the
         * way of most words */
        if (!*used && c->status == NB_OK && quantity_first(first)) {
            nb_buf_reset(&n->say);
            *used = nb_norm_match_quantity(c, i);
        }
        if (!*used && c->status == NB_OK && era_first(first)) {
            nb_buf_reset(&n->say);
            *used = nb_norm_match_era(c, i);
        }
        if (!*used && c->status == NB_OK) {
            nb_buf_reset(&n->say);
            *used = nb_norm_match_abbrev(c, i);
        }
    }
    for (size_t k = 0;
         !plain && !*used && c->status == NB_OK && k < sizeof(matchers) / sizeof(matchers[0]);
         k++) {
        const struct matcher *mt = &matchers[k];
        if (mt->first ? !mt->first(first) : !nb_ascii_is_alnum(first))
            continue;
        nb_buf_reset(&n->say);
        *used = mt->match(c, i);
    }
    if (c->status != NB_OK)
        return c->status;
    if (!*used)
        return NB_OK;
    return replace(n, i, *used, n->say.data, n->say.len, c->rule ? c->rule : "rule", NULL);
}

/* Length of an HTML-like tag at text[i] ('<' then a letter, '/' or '!',
 * up to the next '>' within 1000 bytes and with no '<' before it). */
static size_t tag_at(const char *text, size_t len, size_t i)
{
    if (i + 1 >= len)
        return 0;
    unsigned char c = (unsigned char)text[i + 1];
    if (!nb_ascii_is_alpha(c) && c != '/' && c != '!' && c != '?')
        return 0;
    for (size_t j = i + 1; j < len && j < i + 1000; j++) {
        if (text[j] == '<')
            return 0;
        if (text[j] == '>')
            return j + 1 - i;
    }
    return 0;
}

/* "&copy;", "&amp;", "&#169;": the length of an entity at text[i] and its
 * table entry (NULL for numeric or unknown entities, which are dropped). */
static size_t entity_at(const struct nb_norm_lang *r, const char *text, size_t len, size_t i,
                        const char **spoken)
{
    size_t j = i + 1;
    *spoken = NULL;
    if (j < len && text[j] == '#') {
        j++;
        if (j < len && (text[j] == 'x' || text[j] == 'X'))
            j++;
        size_t d = j;
        while (j < len && j < d + 8 && nb_ascii_is_alnum((unsigned char)text[j]))
            j++;
        return j > d && j < len && text[j] == ';' ? j + 1 - i : 0;
    }
    size_t w = nb_norm_letters(text, len, j);
    if (w == 0 || w > 10 || j + w >= len)
        return 0;
    for (size_t k = 0; k < w; k++)
        if (!nb_ascii_is_alnum((unsigned char)text[j + k]))
            return 0;
    size_t d = j + w;
    while (d < len && nb_ascii_is_digit((unsigned char)text[d]) && d < j + 12)
        d++;
    if (d >= len || text[d] != ';')
        return 0;
    for (size_t k = 0; k < r->nentities; k++)
        if (strlen(r->entities[k].from) == d - j &&
            memcmp(text + j, r->entities[k].from, d - j) == 0)
            *spoken = r->entities[k].to;
    return d + 1 - i;
}

/* A number at text[j], perhaps after one space: "< 5", "<5". */
static int number_follows(const char *text, size_t len, size_t j)
{
    if (j < len && text[j] == ' ')
        j++;
    return j < len && nb_ascii_is_digit((unsigned char)text[j]);
}

static int is_pause_cp(uint32_t cp)
{
    return cp == 0x2014 || cp == 0x2015 || cp == 0x2013 || cp == 0x2026;
}

/* Symbols of the rules' languages: returns bytes used, 0 when c is not a
 * symbol handled here (or when out of memory, with n->ctx.status set). */
static size_t symbol_step(struct norm *n, const char *text, size_t len, size_t i)
{
    const struct nb_norm_words *w = n->rules->words;
    unsigned char c = (unsigned char)text[i];
    const char *say = NULL;
    size_t used = 1;
    switch (c) {
    case '&': {
        const char *spoken;
        size_t el = entity_at(n->rules, text, len, i, &spoken);
        if (el) {
            used = el;
            if (!spoken) { /* unknown or numeric: never read out */
                if (n->space == SPACE_HARD)
                    n->space = SPACE_SOFT;
                return used;
            }
            uint32_t cp;
            size_t sz = nb_utf8_decode(spoken, strlen(spoken), &cp);
            if (spoken[0] == ' ') {
                add_space(n);
                return used;
            }
            if (sz > 1 && is_pause_cp(cp)) {
                add_pause(n);
                return used;
            }
            say = spoken;
            break;
        }
        say = w->and_word;
        break;
    }
    case '<': {
        size_t tl = tag_at(text, len, i);
        if (tl) {
            /* markup in an article is never obeyed nor read: a word break */
            if (explain(n, text + i, tl, "", 0, "markup", NULL) != NB_OK)
                return nb_norm_fail(&n->ctx);
            add_space(n);
            return tl;
        }
        say = number_follows(text, len, i + 1) ? w->less_than : NULL;
        if (!say) {
            add_space(n);
            return 1;
        }
        break;
    }
    case '>':
        say = number_follows(text, len, i + 1) ? w->more_than : NULL;
        if (!say) {
            add_space(n);
            return 1;
        }
        break;
    case '[':
    case ']':
        /* editorial brackets: "[the ministry]" reads "the ministry";
         * "[...]" marks a cut: a pause */
        if (c == '[' && i + 4 < len && memcmp(text + i, "[...]", 5) == 0) {
            add_pause(n);
            return 5;
        }
        if (c == '[' && i + 4 < len && memcmp(text + i, "[\xe2\x80\xa6]", 5) == 0) {
            add_pause(n);
            return 5;
        }
        if (n->prev_word && c == '[')
            add_space(n);
        return 1;
    case '+':
        say = w->plus;
        break;
    case '@':
        say = w->at;
        break;
    case '%':
        say = w->percent;
        break;
    case '#':
        say = i + 1 < len && nb_ascii_is_digit((unsigned char)text[i + 1]) ? w->number : w->hashtag;
        break;
    case '.':
        if (i + 2 < len && text[i + 1] == '.' && text[i + 2] == '.') {
            size_t j = i;
            while (j < len && text[j] == '.')
                j++;
            add_pause(n);
            return j - i;
        }
        return 0;
    case '/':
        /* "Israel/Gaza": two words, not "slash" */
        if (n->prev_word && i + 1 < len && nb_ascii_is_alpha((unsigned char)text[i + 1]) && i > 0 &&
            nb_ascii_is_alpha((unsigned char)text[i - 1])) {
            add_space(n);
            return 1;
        }
        return 0;
    case '*':
    case '_':
    case '|':
    case '~':
    case '^':
    case '`':
    case '\\':
    case '{':
    case '}':
        add_space(n);
        return 1;
    default:
        return 0;
    }
    if (!say)
        return 0;
    n->space = SPACE_HARD;
    if (replace(n, i, used, say, strlen(say), "symbol", NULL) != NB_OK)
        return nb_norm_fail(&n->ctx);
    n->space = SPACE_HARD;
    n->prev_word = 0;
    return used;
}

/* Handles the ASCII byte at text[i]; returns the bytes consumed (at least
 * one), or 0 with n->ctx.status set when out of memory. */
static size_t ascii_step(struct norm *n, const char *text, size_t len, size_t i)
{
    unsigned char c = (unsigned char)text[i];
    const struct nb_norm_lang *r = n->rules;
    if (nb_ascii_is_space(c)) {
        add_space(n);
        return 1;
    }
    if (c < 0x20 || c == 0x7F) /* library text has none; never speak one */
        return 1;
    if (!n->prev_word || (nb_ascii_is_alnum(c) && n->partial)) {
        size_t used, plain = !n->prev_word && r ? plain_word_end(text, len, i) : 0;
        if (try_rules(n, i, n->prev_word, plain, &used) != NB_OK)
            return nb_norm_fail(&n->ctx);
        if (used)
            return used;
        if (plain && !n->partial) {
            /* nothing claimed it: the word as it is, as the letters one by
             * one below and then the rest of the word (nb_normalise_ex())
             * would write it */
            if (emit(n, text + i, plain - i, c) != NB_OK)
                return nb_norm_fail(&n->ctx);
            n->prev_word = 1;
            return plain - i;
        }
    }
    if (r) {
        size_t used = symbol_step(n, text, len, i);
        if (used || n->ctx.status != NB_OK)
            return used;
    }
    if (r && c == '-') {
        if (i + 1 < len && text[i + 1] == '-') {
            size_t j = i;
            while (j < len && text[j] == '-')
                j++;
            add_pause(n);
            return j - i;
        }
        if (n->space == SPACE_HARD &&
            (i + 1 == len || nb_ascii_is_space((unsigned char)text[i + 1]))) {
            add_pause(n);
            return 1;
        }
    }
    if (emit(n, text + i, 1, c) != NB_OK)
        return nb_norm_fail(&n->ctx);
    n->prev_word = nb_ascii_is_alnum(c);
    return 1;
}

static int is_currency_cp(uint32_t cp)
{
    return cp == 0xA3 || cp == 0xA5 || cp == 0x20AC || cp == 0x20A9 || cp == 0x20B9;
}

/* Handles the multi-byte sequence at text[i] (cp, size bytes); returns the
 * bytes consumed (at least size), or 0 with n->ctx.status set when out of
 * memory. */
static size_t unicode_step(struct norm *n, const char *text, size_t len, size_t i, uint32_t cp,
                           size_t size)
{
    const struct nb_norm_lang *r = n->rules;
    if (nb_char_is_space(cp)) {
        add_space(n);
        return size;
    }
    if (nb_char_is_invisible(cp))
        return size;
    if (!n->prev_word || n->partial) {
        if (!r || !n->prev_word || nb_char_is_word(cp)) {
            size_t used = 0;
            nb_status rc = NB_OK;
            if (!n->prev_word && r && (is_currency_cp(cp) || nb_char_is_word(cp) || cp == 0x2019))
                rc = try_rules(n, i, 0, 0, &used);
            else if (n->lexicon)
                rc = try_rules(n, i, n->prev_word, 0, &used);
            if (rc != NB_OK)
                return nb_norm_fail(&n->ctx);
            if (used)
                return used;
        }
    }
    if (r) {
        if (is_keycap(cp))
            return size;
        if (nb_char_is_pictograph(cp)) {
            /* "news 🎉 today" and "news🎉today" both read "news today",
             * but "news 🎉." reads "news." */
            n->space = SPACE_SOFT;
            n->prev_word = 0;
            return size;
        }
        size_t next = i + size;
        uint32_t after = 0;
        if (next < len)
            nb_utf8_decode(text + next, len - next, &after);
        int spaced = n->space == SPACE_HARD || next == len ||
                     nb_ascii_is_space((unsigned char)text[next]) || nb_char_is_space(after);
        if (cp == 0x2014 || cp == 0x2015 || cp == 0x2026 || (cp == 0x2013 && spaced)) {
            add_pause(n);
            return size;
        }
        if (cp == 0x2013) { /* "Paris–Berlin", "10–12": a word break */
            add_space(n);
            return size;
        }
        const char *say = cp == 0xA9     ? r->words->copyright
                          : cp == 0xAE   ? r->words->registered
                          : cp == 0x2122 ? r->words->trademark
                                         : NULL;
        if (say) {
            n->space = SPACE_HARD;
            if (replace(n, i, size, say, strlen(say), "symbol", NULL) != NB_OK)
                return nb_norm_fail(&n->ctx);
            n->space = SPACE_HARD;
            n->prev_word = 0;
            return size;
        }
    }
    if (emit(n, text + i, size, cp) != NB_OK)
        return nb_norm_fail(&n->ctx);
    n->prev_word = nb_char_is_word(cp);
    return size;
}

/* 1 when the text has letters but none in lower case: a headline in
 * capitals, whose words must not all be spelled out. */
static int is_shouting(const char *text, size_t len)
{
    int upper = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (nb_ascii_is_lower(c))
            return 0;
        upper |= nb_ascii_is_upper(c);
    }
    return upper;
}

nb_status nb_normalise_ex(const char *text, size_t len, const struct nb_normaliser *nz,
                          struct nb_buf *out, struct nb_buf *explain_out, struct nb_error *err)
{
    struct norm n;
    memset(&n, 0, sizeof(n));
    n.rules = nb_norm_lang_find(nz ? nz->language : NULL);
    n.lexicon = nz ? nz->lexicon : NULL;
    n.out = out;
    n.explain = explain_out;
    n.start = out->len;
    size_t explain_start = explain_out ? explain_out->len : 0;
    nb_buf_init(&n.say, 0);
    n.ctx.lang = n.rules;
    n.ctx.text = text;
    n.ctx.len = len;
    n.ctx.say = &n.say;
    n.ctx.shouting = is_shouting(text, len);
    n.ctx.sports = nz ? nz->sports : 0;
    if (n.rules)
        nb_norm_abbrev_index(&n.ctx);
    index_tokens(&n);
    size_t bad;
    if (!nb_utf8_valid(text, len, &bad))
        return nb_error_set(err, NB_EINPUT, "text is not valid UTF-8 at byte %zu", bad);
    /* The spoken form is rarely much longer than the text: one allocation. */
    if (nb_buf_grow(out, len + len / 4) != NB_OK)
        goto nomem;
    size_t i = 0;
    n.partial = nb_lexicon_has_partial(n.lexicon);
    int partial = n.partial;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        size_t used;
        if (n.prev_word && nb_ascii_is_alnum(c) && n.space == SPACE_NONE && !n.pause && !partial) {
            /* the rest of a word: no rule starts inside it, it goes out as
             * it is (as ascii_step() would send it, byte by byte) */
            size_t j = i + 1;
            while (j < len && nb_ascii_is_alnum((unsigned char)text[j]))
                j++;
            if (nb_buf_add(out, text + i, j - i) != NB_OK)
                goto nomem;
            i = j;
            continue;
        }
        if (c < 0x80) {
            used = ascii_step(&n, text, len, i);
        } else {
            uint32_t cp;
            size_t size = nb_utf8_decode(text + i, len - i, &cp);
            used = unicode_step(&n, text, len, i, cp, size);
        }
        /* a step reads at least one byte, unless it failed */
        if (n.ctx.status != NB_OK || !used)
            goto nomem;
        i += used;
    }
    nb_buf_release(&n.say);
    return NB_OK;
nomem:
    nb_buf_release(&n.say);
    nb_buf_truncate(out, n.start);
    if (explain_out)
        nb_buf_truncate(explain_out, explain_start);
    return nb_error_set(err, NB_ENOMEM, "out of memory");
}

nb_status nb_normalise(const char *text, size_t len, const char *language, struct nb_buf *out,
                       struct nb_error *err)
{
    struct nb_normaliser nz = {.language = language, .lexicon = NULL};
    return nb_normalise_ex(text, len, &nz, out, NULL, err);
}

int nb_normalise_has_rules(const char *language)
{
    return nb_norm_lang_find(language) != NULL;
}

int nb_normalise_sports(const char *text, size_t len, const char *language)
{
    const struct nb_norm_lang *l = nb_norm_lang_find(language);
    if (!l || !l->nsports_words)
        return 0;
    /* bit b of pairs[a]: a sports word starts with the a-th and b-th
     * letters (ASCII folded); bit a of single: one is the a-th letter
     * alone.  A word (a run of letters) that starts none is not looked up:
     * most words of a text. */
    uint32_t pairs[26] = {0}, single = 0;
    for (size_t k = 0; k < l->nsports_words; k++) {
        const char *w = l->sports_words[k];
        int a = nb_ascii_lower((unsigned char)w[0]) - 'a';
        int b = w[1] ? nb_ascii_lower((unsigned char)w[1]) - 'a' : -1;
        if (a < 0 || a >= 26)
            continue; /* no run of letters is it */
        if (!w[1])
            single |= 1u << a;
        else if (b >= 0 && b < 26)
            pairs[a] |= 1u << b;
    }
    size_t j = 0;
    while (j < len) {
        size_t wl = nb_norm_letters(text, len, j);
        if (!wl) {
            j++;
            continue;
        }
        int a = nb_ascii_lower((unsigned char)text[j]) - 'a';
        uint32_t may = wl == 1
                           ? (single >> a) & 1
                           : (pairs[a] >> (nb_ascii_lower((unsigned char)text[j + 1]) - 'a')) & 1;
        if (may && nb_norm_in_list(l->sports_words, l->nsports_words, text + j, wl, 1))
            return 1;
        j += wl;
    }
    return 0;
}
