/* sentences.c - splitting body text into sentences.
 *
 * The text is cut in three steps, each linear in the length of the text:
 *
 *  1. paragraphs: blank lines always end a sentence;
 *  2. blocks: inside a paragraph, a line that starts with a bullet or a list
 *     number starts a new block, and a paragraph whose lines all lack final
 *     punctuation (a list of headings or items) gives one block per line;
 *     any other newline is plain whitespace;
 *  3. sentences: a block is scanned once.  Quotations and brackets that open
 *     and close inside the block (and are not too long) are protected: no
 *     sentence ends inside them, and their closing mark is judged as a whole
 *     ("...overdue." Then).  Every other . ! ? or ellipsis is judged by its
 *     neighbours: the word before it (abbreviation lists, initials, numbers,
 *     URLs) and the token after it (capital, lower case, digit, list number).
 *
 * Every look backwards or forwards is bounded by a small constant, so the
 * whole split stays linear however long a line or a word is.
 */
#include "text/sentences.h"

#include "text/buf.h"
#include "text/calendar.h"
#include "text/chars.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NONE ((size_t)-1)
/* A quotation or bracket longer than this is not protected (an unbalanced
 * mark must not swallow a whole paragraph). */
#define REGION_MAX 1000
/* How far back the word before a full stop is read. */
#define WORD_MAX 64
/* Nesting depth followed when pairing quotation marks and brackets. */
#define STACK_MAX 32

/* ---- span vectors ------------------------------------------------------ */

void nb_spanv_init(struct nb_spanv *sv)
{
    sv->v = NULL;
    sv->n = 0;
    sv->alloc = 0;
}

void nb_spanv_release(struct nb_spanv *sv)
{
    free(sv->v);
    nb_spanv_init(sv);
}

static nb_status spanv_push(struct nb_spanv *sv, size_t start, size_t end)
{
    if (sv->n == sv->alloc) {
        size_t n = sv->alloc ? sv->alloc * 2 : 16;
        if (n < sv->alloc || n > SIZE_MAX / sizeof(*sv->v))
            return NB_ENOMEM;
        struct nb_span *p = realloc(sv->v, n * sizeof(*p));
        if (!p)
            return NB_ENOMEM;
        sv->v = p;
        sv->alloc = n;
    }
    sv->v[sv->n].start = start;
    sv->v[sv->n].end = end;
    sv->n++;
    return NB_OK;
}

/* ---- characters (text/chars.h) ------------------------------------------ */

/* Code point at t[p] (p < e) and its length in *n. */
static uint32_t cp_at(const char *t, size_t p, size_t e, size_t *n)
{
    return nb_char_at(t, e, p, n);
}

/* Code point that ends just before p (p > lo), its start in *start. */
static uint32_t cp_before(const char *t, size_t lo, size_t p, size_t *start)
{
    size_t s = p - 1;
    for (int k = 0; k < 3 && s > lo && ((unsigned char)t[s] & 0xC0) == 0x80; k++)
        s--;
    size_t n;
    uint32_t cp = cp_at(t, s, p, &n);
    if (s + n != p) { /* not a whole sequence: take the last byte alone */
        s = p - 1;
        cp = NB_UTF8_REPLACEMENT;
    }
    *start = s;
    return cp;
}

/* What the scanner's fast loops need to know of a byte, bits of
 * byte_class[]:
 *   BYTE_PLAIN  read past inside a sentence: printable ASCII that is no
 *               space, stop (. ! ?) or opening mark (" ' ` ( [ {)
 *   BYTE_QUIET  ASCII that is no quotation mark or bracket (" ' ` ( ) [ ]
 *               { }): it cannot open or close a protected region
 *   BYTE_SPACE  ASCII white space (nb_ascii_is_space(): ' ' \t-\r), one
 *               look-up where ws_at() and ws_before() are asked most
 * Bytes from 0x80 are none of them (a sequence is decoded first). */
enum { BYTE_PLAIN = 1, BYTE_QUIET = 2, BYTE_SPACE = 4 };

static const unsigned char byte_class[256] = {
    2, 2, 2, 2, 2, 2, 2, 2, 2, 6, 6, 6, 6, 6, 2, 2, /* 0x00 \t-\r */
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, /* 0x10 */
    6, 2, 0, 3, 3, 3, 3, 0, 0, 1, 3, 3, 3, 3, 2, 3, /* 0x20  !"#$%&'()*+,-./ */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2, /* 0x30 0-9:;<=>? */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 0x40 @A-O */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 1, 3, 3, /* 0x50 P-Z[\]^_ */
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, /* 0x60 `a-o */
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 3, 1, 3, 2, /* 0x70 p-z{|}~ DEL */
};

/* ws_at() past ASCII: t[p] (p < e) is 0x80 or more. */
static size_t ws_at_wide(const char *t, size_t p, size_t e)
{
    if ((unsigned char)t[p] < 0xC2) /* inside a sequence, or no lead byte: U+FFFD */
        return 0;
    size_t n;
    uint32_t cp = cp_at(t, p, e, &n);
    return nb_char_is_space(cp) ? n : 0;
}

/* Byte length of the whitespace character at t[p], 0 when there is none.
 * Inline, ASCII first: the scanner asks it at every space and word end. */
static inline size_t ws_at(const char *t, size_t p, size_t e)
{
    if (p >= e)
        return 0;
    unsigned char c = (unsigned char)t[p];
    if (c < 0x80)
        return (byte_class[c] & BYTE_SPACE) != 0;
    return ws_at_wide(t, p, e);
}

/* ws_before() past ASCII: t[p - 1] (p > lo) is 0x80 or more. */
static size_t ws_before_wide(const char *t, size_t lo, size_t p)
{
    size_t s;
    uint32_t cp = cp_before(t, lo, p, &s);
    return nb_char_is_space(cp) ? p - s : 0;
}

/* Byte length of the whitespace character that ends at p, 0 when none.
 * Inline, ASCII first, as ws_at(). */
static inline size_t ws_before(const char *t, size_t lo, size_t p)
{
    if (p <= lo)
        return 0;
    unsigned char c = (unsigned char)t[p - 1];
    if (c < 0x80)
        return (byte_class[c] & BYTE_SPACE) != 0;
    return ws_before_wide(t, lo, p);
}

/* ASCII that cannot open or close a protected region. */
static int ascii_is_quiet(unsigned char c)
{
    return (byte_class[c] & BYTE_QUIET) != 0;
}

/* A byte the scanner reads past inside a sentence. */
static int ascii_is_plain(unsigned char c)
{
    return (byte_class[c] & BYTE_PLAIN) != 0;
}

static int cp_is_open_quote(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '`' || cp == 0x201C || cp == 0x2018 || cp == 0xAB ||
           cp == 0x2039 || cp == 0x201E || cp == 0x201A;
}

static int cp_is_opener(uint32_t cp)
{
    return cp == '(' || cp == '[' || cp == '{' || cp_is_open_quote(cp);
}

static int cp_is_close_quote(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x203A;
}

static int cp_is_closer(uint32_t cp)
{
    return cp == ')' || cp == ']' || cp == '}' || cp_is_close_quote(cp);
}

static int cp_is_bullet(uint32_t cp)
{
    return cp == 0x2022 || cp == 0x2023 || cp == 0x2043 || cp == 0x25E6 || cp == 0x25AA ||
           cp == 0x25CF || cp == 0x25A0 || cp == 0x25B8 || cp == 0x25BA || cp == 0x2219;
}

/* Stops that end a sentence whatever follows (CJK and full-width forms). */
static int cp_is_hard_stop(uint32_t cp)
{
    return cp == 0xFF0E || cp == 0xFF01 || cp == 0xFF1F || cp == 0x3002;
}

/* ! ? and their combined forms. */
static int cp_is_exclaim(uint32_t cp)
{
    return cp == '!' || cp == '?' || cp == 0x203C || cp == 0x2047 || cp == 0x2048 || cp == 0x2049;
}

static int cp_is_terminal(uint32_t cp)
{
    return cp == '.' || cp == 0x2026 || cp_is_exclaim(cp) || cp_is_hard_stop(cp);
}

/* Letter case of a code point: 1 upper, -1 lower, 0 none. */
static int cp_case(uint32_t cp)
{
    return nb_char_is_upper(cp) ? 1 : nb_char_is_lower(cp) ? -1 : 0;
}

/* "--", em dash or en dash: the sentence goes on after them. */
static int dash_at(const char *t, size_t p, size_t e)
{
    if (p + 1 < e && t[p] == '-' && t[p + 1] == '-')
        return 1;
    size_t n;
    uint32_t cp = p < e ? cp_at(t, p, e, &n) : 0;
    return cp == 0x2014 || cp == 0x2013;
}

/* ---- word lists -------------------------------------------------------- */

enum abbr_kind {
    ABBR_TITLE,  /* comes before a name: never ends a sentence (Mr. Dr. Gen.) */
    ABBR_INSIDE, /* only used inside a sentence (e.g. i.e. vs.) */
    ABBR_NUMBER, /* comes before a number (No. 5, p. 55, approx. 3) */
    ABBR_MONTH,  /* Jan. 20 */
    ABBR_TIME,   /* a.m. p.m. */
    ABBR_GENERAL /* may end a sentence (Inc. Co. etc.) */
};

struct abbr {
    const char *word; /* lower case, without the final full stop */
    enum abbr_kind kind;
};

/* Sorted by strcmp, searched by halves (a test finds every entry); no
 * entry is longer than ABBR_LEN_MAX, below: longer words are not searched. */
static const struct abbr abbrs[] = {
    {"a.k.a", ABBR_INSIDE},     {"a.m", ABBR_TIME},     {"adm", ABBR_TITLE},
    {"al", ABBR_GENERAL},       {"ald", ABBR_TITLE},    {"amb", ABBR_TITLE},
    {"approx", ABBR_NUMBER},    {"appx", ABBR_NUMBER},  {"apt", ABBR_NUMBER},
    {"art", ABBR_NUMBER},       {"arts", ABBR_NUMBER},  {"assn", ABBR_GENERAL},
    {"assoc", ABBR_GENERAL},    {"atty", ABBR_TITLE},   {"ave", ABBR_GENERAL},
    {"bldg", ABBR_GENERAL},     {"blvd", ABBR_GENERAL}, {"brig", ABBR_TITLE},
    {"bros", ABBR_GENERAL},     {"c", ABBR_NUMBER},     {"ca", ABBR_NUMBER},
    {"capt", ABBR_TITLE},       {"cdr", ABBR_TITLE},    {"cf", ABBR_INSIDE},
    {"ch", ABBR_NUMBER},        {"chap", ABBR_NUMBER},  {"cllr", ABBR_TITLE},
    {"cmdr", ABBR_TITLE},       {"co", ABBR_GENERAL},   {"col", ABBR_TITLE},
    {"corp", ABBR_GENERAL},     {"cos", ABBR_GENERAL},  {"cpl", ABBR_TITLE},
    {"cpt", ABBR_TITLE},        {"dept", ABBR_GENERAL}, {"det", ABBR_TITLE},
    {"dr", ABBR_TITLE},         {"e.g", ABBR_INSIDE},   {"ed", ABBR_NUMBER},
    {"eds", ABBR_NUMBER},       {"esp", ABBR_INSIDE},   {"esq", ABBR_GENERAL},
    {"est", ABBR_NUMBER},       {"etc", ABBR_GENERAL},  {"ext", ABBR_NUMBER},
    {"fig", ABBR_NUMBER},       {"figs", ABBR_NUMBER},  {"fr", ABBR_TITLE},
    {"ft", ABBR_TITLE},         {"gen", ABBR_TITLE},    {"gov", ABBR_TITLE},
    {"govt", ABBR_GENERAL},     {"hon", ABBR_TITLE},    {"hosp", ABBR_GENERAL},
    {"hwy", ABBR_NUMBER},       {"i.e", ABBR_INSIDE},   {"inc", ABBR_GENERAL},
    {"incl", ABBR_INSIDE},      {"insp", ABBR_TITLE},   {"intl", ABBR_GENERAL},
    {"jr", ABBR_GENERAL},       {"llc", ABBR_GENERAL},  {"llp", ABBR_GENERAL},
    {"lt", ABBR_TITLE},         {"ltd", ABBR_GENERAL},  {"maj", ABBR_TITLE},
    {"messrs", ABBR_TITLE},     {"mfg", ABBR_GENERAL},  {"mlle", ABBR_TITLE},
    {"mme", ABBR_TITLE},        {"mmes", ABBR_TITLE},   {"mr", ABBR_TITLE},
    {"mrs", ABBR_TITLE},        {"ms", ABBR_TITLE},     {"mt", ABBR_TITLE},
    {"mx", ABBR_TITLE},         {"natl", ABBR_GENERAL}, {"no", ABBR_NUMBER},
    {"nos", ABBR_NUMBER},       {"nr", ABBR_NUMBER},    {"n\xC2\xB0", ABBR_NUMBER},
    {"n\xC2\xBA", ABBR_NUMBER}, {"op", ABBR_NUMBER},    {"p", ABBR_NUMBER},
    {"p.m", ABBR_TIME},         {"para", ABBR_NUMBER},  {"paras", ABBR_NUMBER},
    {"plc", ABBR_GENERAL},      {"pp", ABBR_NUMBER},    {"pres", ABBR_TITLE},
    {"prof", ABBR_TITLE},       {"pt", ABBR_NUMBER},    {"pte", ABBR_TITLE},
    {"pts", ABBR_NUMBER},       {"pvt", ABBR_TITLE},    {"rep", ABBR_TITLE},
    {"reps", ABBR_TITLE},       {"rev", ABBR_TITLE},    {"rm", ABBR_NUMBER},
    {"rs", ABBR_NUMBER},        {"rt", ABBR_TITLE},     {"sec", ABBR_NUMBER},
    {"secs", ABBR_NUMBER},      {"sen", ABBR_TITLE},    {"sens", ABBR_TITLE},
    {"sgt", ABBR_TITLE},        {"sr", ABBR_GENERAL},   {"st", ABBR_TITLE},
    {"ste", ABBR_NUMBER},       {"supt", ABBR_TITLE},   {"tel", ABBR_NUMBER},
    {"univ", ABBR_GENERAL},     {"v", ABBR_INSIDE},     {"viz", ABBR_INSIDE},
    {"vol", ABBR_NUMBER},       {"vols", ABBR_NUMBER},  {"vs", ABBR_INSIDE},
};

/* Capitalised words that usually open a sentence rather than continue a
 * name: after "U.S." or an initial they tell a boundary ("in the U.S. The
 * ..."), where a noun would not ("the U.S. Senate").  Linear search: it is
 * only consulted after abbreviations that are ambiguous. */
static const char *const starters[] = {
    "A",    "After",   "Also",    "Although",  "An",       "And",   "Another", "Are",
    "As",   "At",      "Because", "Before",    "Being",    "Both",  "But",     "By",
    "Can",  "Could",   "Despite", "Did",       "Do",       "Does",  "Dozens",  "During",
    "Each", "Even",    "Every",   "Few",       "For",      "From",  "Had",     "Has",
    "Have", "He",      "Her",     "Here",      "His",      "How",   "However", "Hundreds",
    "I",    "If",      "In",      "Instead",   "Is",       "It",    "Its",     "Just",
    "Last", "Later",   "Many",    "Meanwhile", "Millions", "More",  "Most",    "My",
    "No",   "None",    "Not",     "Now",       "On",       "Once",  "Only",    "Or",
    "Our",  "Several", "She",     "Should",    "Since",    "So",    "Some",    "Still",
    "Such", "That",    "The",     "Their",     "Then",     "There", "These",   "They",
    "This", "Those",   "Though",  "Thousands", "Thus",     "To",    "Was",     "We",
    "Were", "What",    "When",    "Where",     "Which",    "While", "Who",     "Why",
    "Will", "With",    "Would",   "Yet",       "You",      "Your",
};

/* Capitalised words that carry on after a time of day ("at 6 p.m. Friday",
 * "10 a.m. Eastern"), besides the names of months and days. */
static const char *const time_followers[] = {
    "Central", "Eastern", "Local", "Mountain", "Pacific",
};

static int in_list(const char *const *list, size_t n, const char *w, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(list[i]) == len && memcmp(list[i], w, len) == 0)
            return 1;
    return 0;
}

static int carries_on_after_time(const char *w, size_t len)
{
    return in_list(time_followers, sizeof(time_followers) / sizeof(time_followers[0]), w, len) ||
           nb_calendar_month(&nb_calendar_en, w, len, 0) ||
           nb_calendar_weekday(&nb_calendar_en, w, len, 0);
}

/* strcmp's order, inline: most words differ from the entry they meet in
 * their first byte. */
static int abbr_cmp(const char *key, const char *word)
{
    const unsigned char *a = (const unsigned char *)key, *b = (const unsigned char *)word;
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a - *b;
}

/* The month abbreviations ("Jan." "Sept.") come from text/calendar.h.
 * They are three or four letters ("sep", "sept"), and a word may keep one
 * full stop after them: a longer word is none, and is not looked up; nor
 * is one whose first two letters start no month's name (MONTH_STARTS, in
 * pairs: "said." is no "sep."; a test holds every abbreviation of
 * nb_calendar_en to both). */
#define MONTH_ABBREV_MAX 5
#define MONTH_STARTS "jafemaapjuauseocnode"
static const struct abbr month_abbr = {"", ABBR_MONTH};

/* Whether the lower-case word starts as a month's name does. */
static int starts_like_month(const char *lower)
{
    for (const char *m = MONTH_STARTS; *m; m += 2)
        if (lower[0] == m[0] && lower[1] == m[1])
            return 1;
    return 0;
}
/* No entry of abbrs[] is longer ("approx", "messrs"), nor any month's
 * abbreviation: a longer word (most words before a full stop) is no
 * abbreviation, and is not searched. */
#define ABBR_LEN_MAX 6

/* The entry of the lower-case word `lower`, or NULL. */
static const struct abbr *abbr_find(const char *lower)
{
    size_t len = strnlen(lower, ABBR_LEN_MAX + 1);
    if (len > ABBR_LEN_MAX)
        return NULL;
    size_t lo = 0, hi = sizeof(abbrs) / sizeof(abbrs[0]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = abbr_cmp(lower, abbrs[mid].word);
        if (c == 0)
            return &abbrs[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    /* an abbreviation of a month, not its whole name ("May." ends) */
    if (len <= MONTH_ABBREV_MAX && len > 1 && starts_like_month(lower) &&
        nb_calendar_month(&nb_calendar_en, lower, len, 1) &&
        !nb_calendar_month(&nb_calendar_en, lower, len, 0))
        return &month_abbr;
    return NULL;
}

int nb_sentences_abbreviation(const char *word, size_t len)
{
    char low[WORD_MAX + 1];
    if (!word || len == 0 || len > WORD_MAX)
        return 0;
    if (word[len - 1] == '.')
        len--;
    if (len > ABBR_LEN_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)nb_ascii_lower((unsigned char)word[i]);
    low[len] = '\0';
    return abbr_find(low) != NULL;
}

/* ---- list markers ------------------------------------------------------ */

enum enum_style { ES_DOT, ES_PAREN, ES_DOTPAREN, ES_BOTH };

/* A list marker: "1." "2)" "3.)" "(4)" "a." "b)" "(iv)" followed by a space. */
struct marker {
    size_t end;  /* just after the marker */
    size_t dot;  /* position of its full stop, NONE when it has none */
    int initial; /* "A." "IV.": might as well be an initial */
    int nnext;   /* how many markers may follow it */
    char next[2][12];
    size_t next_len[2];
};

static size_t roman_value(const char *s, size_t n)
{
    size_t v = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)nb_ascii_lower((unsigned char)s[i]);
        size_t d = c == 'i' ? 1 : c == 'v' ? 5 : 10;
        size_t nx = 0;
        if (i + 1 < n) {
            unsigned char c2 = (unsigned char)nb_ascii_lower((unsigned char)s[i + 1]);
            nx = c2 == 'i' ? 1 : c2 == 'v' ? 5 : 10;
        }
        v = nx > d ? v - d : v + d;
    }
    return v;
}

static size_t roman_write(size_t v, int upper, char *out)
{
    static const size_t val[] = {10, 9, 5, 4, 1};
    static const char *const sym[] = {"x", "ix", "v", "iv", "i"};
    size_t n = 0;
    for (size_t i = 0; i < 5; i++)
        while (v >= val[i] && n < 8) {
            for (const char *p = sym[i]; *p; p++)
                out[n++] = upper ? (char)(*p - 32) : *p;
            v -= val[i];
        }
    return n;
}

static void marker_add_next(struct marker *m, int paren_open, enum enum_style st, const char *core,
                            size_t core_len)
{
    if (m->nnext >= 2 || core_len == 0 || core_len > 8)
        return;
    char *o = m->next[m->nnext];
    size_t n = 0;
    if (paren_open)
        o[n++] = '(';
    memcpy(o + n, core, core_len);
    n += core_len;
    if (st == ES_DOT || st == ES_DOTPAREN)
        o[n++] = '.';
    if (st == ES_PAREN || st == ES_DOTPAREN || paren_open)
        o[n++] = ')';
    m->next_len[m->nnext++] = n;
}

/* Parses a list marker at t[p]; 1 when there is one (followed by a space). */
static int marker_parse(const char *t, size_t p, size_t e, struct marker *m)
{
    size_t q = p;
    int paren_open = 0;
    if (q < e && t[q] == '(') {
        paren_open = 1;
        q++;
    }
    size_t cs = q;
    while (q < e && q - cs < 5 && nb_ascii_is_alnum((unsigned char)t[q]))
        q++;
    size_t clen = q - cs;
    if (clen == 0 || (q < e && nb_ascii_is_alnum((unsigned char)t[q])))
        return 0;
    int digits = 1, roman = 1, upper = nb_ascii_is_upper((unsigned char)t[cs]);
    for (size_t i = cs; i < q; i++) {
        unsigned char c = (unsigned char)t[i];
        if (!nb_ascii_is_digit(c))
            digits = 0;
        if (!(c == (upper ? 'I' : 'i') || c == (upper ? 'V' : 'v') || c == (upper ? 'X' : 'x')))
            roman = 0;
    }
    if (digits ? clen > 3 : (clen > 1 && !roman))
        return 0;
    if (!digits && !nb_ascii_is_alpha((unsigned char)t[cs]))
        return 0;
    enum enum_style st;
    m->dot = NONE;
    if (paren_open) {
        if (q >= e || t[q] != ')')
            return 0;
        st = ES_BOTH;
        q++;
    } else if (q < e && t[q] == ')') {
        st = ES_PAREN;
        q++;
    } else if (q + 1 < e && t[q] == '.' && t[q + 1] == ')') {
        st = ES_DOTPAREN;
        m->dot = q;
        q += 2;
    } else if (q < e && t[q] == '.') {
        st = ES_DOT;
        m->dot = q;
        q++;
    } else {
        return 0;
    }
    if (!ws_at(t, q, e))
        return 0;
    m->end = q;
    m->initial = st == ES_DOT && upper;
    m->nnext = 0;
    if (st == ES_BOTH)
        st = ES_PAREN; /* "(a)" is followed by "(b)": the '(' is added apart */
    if (m->initial)
        return 1;
    char core[12];
    if (digits) {
        size_t v = 0;
        for (size_t i = cs; i < q && nb_ascii_is_digit((unsigned char)t[i]); i++)
            v = v * 10 + (size_t)(t[i] - '0');
        v++;
        size_t n = 0;
        char rev[8];
        do {
            rev[n++] = (char)('0' + v % 10);
            v /= 10;
        } while (v && n < sizeof(rev));
        for (size_t i = 0; i < n; i++)
            core[i] = rev[n - 1 - i];
        marker_add_next(m, paren_open, st, core, n);
        return 1;
    }
    if (clen == 1 && t[cs] != 'z' && t[cs] != 'Z') {
        core[0] = (char)(t[cs] + 1);
        marker_add_next(m, paren_open, st, core, 1);
    }
    if (roman) {
        size_t v = roman_value(t + cs, clen) + 1;
        if (v < 40)
            marker_add_next(m, paren_open, st, core, roman_write(v, upper, core));
    }
    return 1;
}

/* ---- the scanner ------------------------------------------------------- */

struct region {
    size_t open;  /* the opening mark */
    size_t close; /* the closing mark */
};

struct scan {
    const char *t;
    struct nb_spanv *out;
    struct region *reg; /* protected regions of the block, sorted, disjoint */
    size_t nreg, areg;
    /* the sentence being read */
    size_t start; /* its first byte, NONE before it starts */
    size_t body;  /* after its bullet and list marker */
    struct marker mk;
    int has_mk;
};

/* Ends the sentence at `end` (whitespace trimmed). */
static nb_status emit(struct scan *s, size_t end)
{
    size_t b = s->start, e = end;
    size_t w;
    while (b < e && (w = ws_at(s->t, b, e)) > 0)
        b += w;
    while (e > b && (w = ws_before(s->t, b, e)) > 0)
        e -= w;
    s->start = NONE;
    s->has_mk = 0;
    if (b >= e)
        return NB_OK;
    return spanv_push(s->out, b, e);
}

static nb_status region_add(struct scan *s, size_t open, size_t close)
{
    /* Pairs arrive innermost first: drop the ones this pair encloses. */
    while (s->nreg > 0 && s->reg[s->nreg - 1].open >= open)
        s->nreg--;
    if (s->nreg == s->areg) {
        size_t n = s->areg ? s->areg * 2 : 32;
        if (n > SIZE_MAX / sizeof(*s->reg))
            return NB_ENOMEM;
        struct region *p = realloc(s->reg, n * sizeof(*p));
        if (!p)
            return NB_ENOMEM;
        s->reg = p;
        s->areg = n;
    }
    s->reg[s->nreg].open = open;
    s->reg[s->nreg].close = close;
    s->nreg++;
    return NB_OK;
}

/* Past the quiet bytes (ascii_is_quiet()) of t[p..e).  Four at a time
 * while they last: this loop reads every byte of the text, and most runs
 * between marks are long. */
static size_t quiet_end(const char *t, size_t p, size_t e)
{
    const unsigned char *u = (const unsigned char *)t;
    while (e - p >= 4 && (byte_class[u[p]] & byte_class[u[p + 1]] & byte_class[u[p + 2]] &
                          byte_class[u[p + 3]] & BYTE_QUIET))
        p += 4;
    while (p < e && ascii_is_quiet(u[p]))
        p++;
    return p;
}

/* Pairs quotation marks and brackets of t[b..e) into protected regions. */
static nb_status find_regions(struct scan *s, size_t b, size_t e)
{
    const char *t = s->t;
    struct {
        size_t pos;
        uint32_t want; /* the closing mark it waits for */
    } stack[STACK_MAX];
    size_t depth = 0;
    s->nreg = 0;
    for (size_t p = b; p < e;) {
        if (ascii_is_quiet((unsigned char)t[p])) { /* up to the next mark, at once */
            p = quiet_end(t, p + 1, e);
            continue;
        }
        size_t n;
        uint32_t cp = cp_at(t, p, e, &n);
        if (!(cp_is_opener(cp) || cp_is_closer(cp))) {
            p += n;
            continue;
        }
        size_t ps;
        uint32_t prev = p > b ? cp_before(t, b, p, &ps) : ' ';
        size_t nn = 0;
        uint32_t next = p + n < e ? cp_at(t, p + n, e, &nn) : ' ';
        int prev_space =
            nb_char_is_space(prev) || cp_is_opener(prev) || prev == 0x2014 || prev == 0x2013;
        int next_space = nb_char_is_space(next);
        uint32_t want = 0; /* closing mark when cp opens */
        int closes = 0;
        switch (cp) {
        case '(':
            want = ')';
            break;
        case '[':
            want = ']';
            break;
        case '{':
            want = '}';
            break;
        case 0x201C:
            want = 0x201D;
            break;
        case 0x201E:
            want = 0x201D;
            break;
        case 0xAB:
            want = 0xBB;
            break;
        case 0x2039:
            want = 0x203A;
            break;
        case 0x2018:
        case 0x201A:
            want = 0x2019;
            break;
        case '`':
            if (prev_space)
                want = '\'';
            break;
        case ')':
        case ']':
        case '}':
        case 0x201D:
        case 0xBB:
        case 0x203A:
            closes = 1;
            break;
        case 0x2019:
        case '\'':
            /* an apostrophe (don't, one's) neither opens nor closes */
            if (nb_char_is_word(prev) && nb_char_is_word(next))
                break;
            if (!prev_space)
                closes = 1;
            else if (cp == '\'' && !next_space)
                want = '\'';
            break;
        case '"':
            /* by what follows: a space or punctuation closes ("to--" At),
             * a word opens after a space, otherwise it closes if it can */
            if (next_space || p + n >= e || cp_is_closer(next) || cp_is_terminal(next) ||
                next == ',' || next == ';' || next == ':')
                closes = 1;
            else if (prev_space)
                want = '"';
            else
                closes = 1;
            break;
        default:
            break;
        }
        if (closes) {
            size_t d = depth;
            while (d > 0 && stack[d - 1].want != cp)
                d--;
            if (d > 0) {
                depth = d - 1;
                if (p - stack[depth].pos <= REGION_MAX &&
                    region_add(s, stack[depth].pos, p) != NB_OK)
                    return NB_ENOMEM;
            } else if (cp == '"' && !next_space) {
                want = '"'; /* ,"Hello" opens after all */
            }
        }
        if (want && depth < STACK_MAX) {
            stack[depth].pos = p;
            stack[depth].want = want;
            depth++;
        }
        p += n;
    }
    return NB_OK;
}

enum next_kind { NX_END, NX_UPPER, NX_LOWER, NX_DIGIT, NX_DASH, NX_OTHER };

/* What comes after a possible sentence end. */
struct next_tok {
    enum next_kind kind;
    int is_marker; /* a list marker: "2." "b)" "(iii)" */
    int paren;     /* opens with a bracket */
    const char *word;
    size_t word_len; /* its ASCII letters */
    int acronym;     /* all capitals, two letters or more */
};

static void next_token(const char *t, size_t k, size_t e, struct next_tok *nt)
{
    size_t w;
    while (k < e && (w = ws_at(t, k, e)) > 0)
        k += w;
    memset(nt, 0, sizeof(*nt));
    if (k >= e) {
        nt->kind = NX_END;
        return;
    }
    if (dash_at(t, k, e)) {
        nt->kind = NX_DASH;
        return;
    }
    struct marker m;
    nt->is_marker = marker_parse(t, k, e, &m) && !m.initial;
    size_t n;
    uint32_t cp = cp_at(t, k, e, &n);
    for (int i = 0; i < 4 && cp_is_opener(cp) && k + n < e; i++) {
        if (cp == '(' || cp == '[')
            nt->paren = 1;
        k += n;
        cp = cp_at(t, k, e, &n);
    }
    int c = cp_case(cp);
    nt->kind = c > 0                                                 ? NX_UPPER
               : c < 0                                               ? NX_LOWER
               : (cp < 0x80 && nb_ascii_is_digit((unsigned char)cp)) ? NX_DIGIT
                                                                     : NX_OTHER;
    nt->word = t + k;
    while (k + nt->word_len < e && nt->word_len < 24 &&
           nb_ascii_is_alpha((unsigned char)t[k + nt->word_len]))
        nt->word_len++;
    nt->acronym = nt->word_len >= 2;
    for (size_t i = 0; i < nt->word_len; i++)
        if (!nb_ascii_is_upper((unsigned char)nt->word[i]))
            nt->acronym = 0;
}

/* A new sentence may start here (not lower case, not a dash). */
static int opens_sentence(const struct next_tok *nt)
{
    return nt->is_marker || nt->kind == NX_END || nt->kind == NX_UPPER || nt->kind == NX_DIGIT ||
           nt->kind == NX_OTHER;
}

static int is_starter(const struct next_tok *nt)
{
    return nt->is_marker || nt->kind == NX_END ||
           (nt->kind == NX_UPPER &&
            in_list(starters, sizeof(starters) / sizeof(starters[0]), nt->word, nt->word_len));
}

/* Skips closing quotes and brackets and citation marks ("[12]") that hang
 * on a sentence end at t[p]; *quoted is set when a quotation mark closed. */
static size_t skip_closers(const char *t, size_t p, size_t e, int *quoted)
{
    for (int i = 0; i < 16 && p < e; i++) {
        size_t n;
        uint32_t cp = cp_at(t, p, e, &n);
        if (cp_is_closer(cp)) {
            if (cp_is_close_quote(cp))
                *quoted = 1;
            p += n;
            continue;
        }
        if (cp == '[') { /* a footnote mark: [1] [a] [12-14] */
            size_t q = p + 1;
            while (q < e && q - p < 8 &&
                   (nb_ascii_is_alnum((unsigned char)t[q]) || t[q] == '-' || t[q] == ','))
                q++;
            if (q > p + 1 && q < e && t[q] == ']') {
                p = q + 1;
                continue;
            }
        }
        break;
    }
    return p;
}

/* Is there a missing space after the full stop at t[i] ("the vote.Then")? */
static int missing_space(const struct scan *s, size_t i, size_t e)
{
    const char *t = s->t;
    if (i + 2 >= e || !nb_ascii_is_upper((unsigned char)t[i + 1]) ||
        !nb_ascii_is_lower((unsigned char)t[i + 2]))
        return 0;
    size_t k = i;
    while (k > s->start && i - k < 32 &&
           (nb_ascii_is_alnum((unsigned char)t[k - 1]) || t[k - 1] == ','))
        k--;
    if (i - k < 2)
        return 0; /* U.S.A, J.K.Rowling */
    /* a chain of dots or a web or mail address: example.com, www.a.Bc */
    for (size_t q = k, n = 0; q > s->start && n < 256 && !ws_before(t, s->start, q); q--, n++) {
        unsigned char c = (unsigned char)t[q - 1];
        if (c == '.' || c == '@' || c == '/' || c == ':' || c == '_')
            return 0;
    }
    char low[33];
    for (size_t q = k; q < i; q++)
        low[q - k] = (char)nb_ascii_lower((unsigned char)t[q]);
    low[i - k] = '\0';
    const struct abbr *a = abbr_find(low);
    if (a && a->kind == ABBR_TITLE)
        return 0; /* Dr.Smith */
    size_t q = i + 1;
    while (q < e && q - i < 64 && nb_ascii_is_alpha((unsigned char)t[q]))
        q++;
    if (q < e && (t[q] == '@' || t[q] == '/' || t[q] == '_' ||
                  (t[q] == '.' && q + 1 < e && nb_ascii_is_alnum((unsigned char)t[q + 1]))))
        return 0;
    return 1;
}

/* Footnote numbers right after a full stop ("consultation.11 12 Take",
 * "(1987).1 According"): where they end, 0 when there are none. */
static size_t footnote_end(const char *t, size_t lo, size_t i, size_t e)
{
    if (i <= lo || !(nb_ascii_is_lower((unsigned char)t[i - 1]) || t[i - 1] == ')'))
        return 0;
    size_t q = i + 1, last = 0;
    for (int groups = 0; groups < 8; groups++) {
        size_t d = q;
        while (q < e && q - d < 3 && nb_ascii_is_digit((unsigned char)t[q]))
            q++;
        if (q == d || (q < e && nb_ascii_is_alnum((unsigned char)t[q])))
            break;
        last = q;
        if (q + 1 < e && (t[q] == ' ' || t[q] == ',') && nb_ascii_is_digit((unsigned char)t[q + 1]))
            q++;
        else
            break;
    }
    return last;
}

/* Whether the word before t[lo] (in the same sentence) starts with a
 * capital letter: "Downing St." is a street, "in St. Paul's" a saint. */
static int after_name(const struct scan *s, size_t lo)
{
    const char *t = s->t;
    size_t j = lo;
    while (j > s->start && (t[j - 1] == ' ' || t[j - 1] == '\t'))
        j--;
    if (j == lo || j == s->start)
        return 0;
    size_t w = j;
    while (w > s->start && nb_ascii_is_alpha((unsigned char)t[w - 1]))
        w--;
    return w < j && nb_ascii_is_upper((unsigned char)t[w]) && (w > s->body);
}

/* Does the single full stop at t[i] end the sentence, given what follows? */
static int period_ends(const struct scan *s, size_t i, const struct next_tok *nt)
{
    const char *t = s->t;
    size_t lo = i;
    while (lo > s->start && i - lo < WORD_MAX && !ws_before(t, s->start, lo))
        lo--;
    if (i - lo >= WORD_MAX)
        return opens_sentence(nt);
    /* strip opening marks: (Ind. "Mr. */
    for (int k = 0; k < 4 && lo < i; k++) {
        size_t n;
        uint32_t cp = cp_at(t, lo, i, &n);
        if (!cp_is_opener(cp))
            break;
        lo += n;
    }
    size_t len = i - lo;
    if (len == 0)
        return opens_sentence(nt);
    char low[WORD_MAX + 1];
    int letters = 0, digits = 0, uppers = 0, dots = 0, other = 0, url = 0;
    size_t seg = 0, maxseg = 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = (unsigned char)t[lo + k];
        low[k] = (char)nb_ascii_lower(c);
        if (nb_ascii_is_alpha(c)) {
            letters++;
            uppers += nb_ascii_is_upper(c);
            seg++;
        } else if (nb_ascii_is_digit(c)) {
            digits++;
            seg++;
        } else if (c == '.') {
            dots++;
            seg = 0;
        } else {
            other++;
            if (c == '@' || c == '/')
                url = 1;
        }
        if (seg > maxseg)
            maxseg = seg;
    }
    low[len] = '\0';
    if (url || (len > 4 && memcmp(low, "www.", 4) == 0))
        return opens_sentence(nt);
    if (letters == 0)
        return opens_sentence(nt); /* a number: 600. $100.00. 1,000. */

    int single = len == 1 && letters == 1;
    if (single && nb_ascii_is_upper((unsigned char)t[lo])) {
        /* an initial (Jonas E. Smith) or the pronoun (you and I. Did) */
        if (lo <= s->body)
            return 0;
        return is_starter(nt);
    }
    const struct abbr *a = abbr_find(low);
    if (a) {
        switch (a->kind) {
        case ABBR_TITLE:
            if (nt->kind != NX_END && (strcmp(low, "st") == 0 || strcmp(low, "dr") == 0) &&
                after_name(s, lo))
                return is_starter(nt); /* Downing St. The ... / Mulholland Dr. It ... */
            return nt->kind == NX_END;
        case ABBR_INSIDE:
            return nt->kind == NX_END;
        case ABBR_NUMBER:
        case ABBR_MONTH:
            if (nt->kind == NX_DIGIT)
                return 0;
            return nt->is_marker || nt->kind == NX_END || nt->kind == NX_UPPER;
        case ABBR_TIME:
            if (nt->kind == NX_END || nt->is_marker)
                return 1;
            return nt->kind == NX_UPPER && !nt->acronym &&
                   !carries_on_after_time(nt->word, nt->word_len);
        case ABBR_GENERAL:
            return nt->is_marker || nt->kind == NX_END || (nt->kind == NX_UPPER && !nt->acronym);
        }
    }
    if (dots > 0 && maxseg <= 1 && other == 0 && digits == 0) {
        /* U.S. E.U. J.K. or i.v.: capitals need a word that starts sentences */
        if (uppers == letters)
            return is_starter(nt);
        return nt->is_marker || nt->kind == NX_END || nt->kind == NX_UPPER;
    }
    return opens_sentence(nt);
}

/* Starts a sentence at t[p]: notes its bullet and list marker and returns
 * where reading goes on. */
static size_t sentence_begin(struct scan *s, size_t p, size_t e)
{
    const char *t = s->t;
    s->start = p;
    s->has_mk = 0;
    size_t q = p, n, w;
    for (int i = 0; i < 4 && q < e; i++) {
        uint32_t cp = cp_at(t, q, e, &n);
        if (cp_is_bullet(cp) || ((cp == '-' || cp == '*' || cp == '+') && ws_at(t, q + 1, e)))
            q += n;
        else
            break;
        while (q < e && (w = ws_at(t, q, e)) > 0)
            q += w;
    }
    if (marker_parse(t, q, e, &s->mk)) {
        s->has_mk = 1;
        q = s->mk.end;
    }
    s->body = q;
    return q;
}

/* At a word start inside a sentence: does a bullet or the next list marker
 * begin a new sentence here? */
static int new_item_at(const struct scan *s, size_t p, size_t e)
{
    const char *t = s->t;
    size_t n;
    if (cp_is_bullet(cp_at(t, p, e, &n)))
        return 1;
    if (!s->has_mk)
        return 0;
    for (int i = 0; i < s->mk.nnext; i++) {
        size_t l = s->mk.next_len[i];
        if (p + l < e && memcmp(t + p, s->mk.next[i], l) == 0 && ws_at(t, p + l, e))
            return 1;
    }
    return 0;
}

/* "three steps: 1. Cut taxes 2. ...": a list marker after a colon and
 * before a capital starts the first item. */
static int list_after_colon(const struct scan *s, size_t p, size_t e)
{
    const char *t = s->t;
    size_t q = p, w;
    /* most words follow one space after another word: no colon */
    if (q > s->start + 2 && t[q - 1] == ' ' && (unsigned char)t[q - 2] < 0x80 &&
        !(byte_class[(unsigned char)t[q - 2]] & BYTE_SPACE) && t[q - 2] != ':')
        return 0;
    while (q > s->start && (w = ws_before(t, s->start, q)) > 0)
        q -= w;
    if (q <= s->start || t[q - 1] != ':')
        return 0;
    struct marker m;
    if (!marker_parse(t, p, e, &m) || m.initial)
        return 0;
    struct next_tok nt;
    next_token(t, m.end, e, &nt);
    return nt.kind == NX_UPPER;
}

/* A protected region closes at t[c]: does the sentence end with it?
 * Returns the position reading goes on from; *ends tells. */
static size_t judge_close(const struct scan *s, size_t c, size_t b, size_t e, int *ends)
{
    const char *t = s->t;
    size_t n;
    uint32_t mark = cp_at(t, c, e, &n);
    int quote = cp_is_close_quote(mark);
    /* the last thing inside: a stop, or a cut-off dash ("to--") */
    size_t q = c, ps;
    int stop = 0, cut = 0;
    for (int i = 0; i < 8 && q > b; i++) {
        uint32_t cp = cp_before(t, b, q, &ps);
        if (nb_char_is_space(cp) || cp_is_closer(cp)) {
            q = ps;
            continue;
        }
        stop = cp_is_terminal(cp);
        cut = quote && (cp == 0x2014 || (cp == '-' && ps > b && t[ps - 1] == '-'));
        break;
    }
    *ends = 0;
    size_t j = c + n;
    if (!stop && !cut)
        return j;
    int quoted = quote;
    j = skip_closers(t, j, e, &quoted);
    if (j >= e) {
        *ends = 1;
        return j;
    }
    if (!ws_at(t, j, e))
        return j;
    struct next_tok nt;
    next_token(t, j, e, &nt);
    if (!stop)
        *ends = nt.kind == NX_UPPER;
    else
        *ends = opens_sentence(&nt) && !(quoted && nt.paren);
    return j;
}

/* A stop at t[i] outside protected regions.  Returns where reading goes
 * on; *cut is where the sentence ends, NONE when it does not. */
static size_t judge_stop(const struct scan *s, size_t i, size_t e, size_t *cut)
{
    const char *t = s->t;
    size_t r = i, n;
    int dots = 0, exclaims = 0, ellipsis = 0, hard = 0;
    while (r < e) {
        uint32_t cp = cp_at(t, r, e, &n);
        if (cp == '.')
            dots++;
        else if (cp == 0x2026)
            ellipsis++;
        else if (cp_is_exclaim(cp))
            exclaims++;
        else if (cp_is_hard_stop(cp))
            hard++;
        else
            break;
        r += n;
    }
    /* ". . ." spaced ellipsis */
    int spaced = 0;
    if (!exclaims && !ellipsis && !hard && t[r - 1] == '.')
        while (r + 1 < e && t[r] == ' ' && t[r + 1] == '.') {
            r += 2;
            spaced++;
        }
    int attached = i > s->start && !ws_before(t, s->start, i);
    int quoted = 0;
    size_t j = skip_closers(t, r, e, &quoted);
    *cut = NONE;
    if (hard) {
        *cut = j;
        return j;
    }
    if (j >= e) {
        *cut = j;
        return j;
    }
    if (!ws_at(t, j, e)) {
        int plain = dots == 1 && !exclaims && !ellipsis && !spaced && j == r;
        size_t f;
        if (plain && missing_space(s, i, e)) {
            *cut = r;
        } else if (plain && (f = footnote_end(t, s->start, i, e)) > 0 && ws_at(t, f, e)) {
            struct next_tok fn;
            next_token(t, f, e, &fn);
            if (fn.kind == NX_UPPER) {
                *cut = f;
                return f;
            }
        }
        return j;
    }
    struct next_tok nt;
    next_token(t, j, e, &nt);
    int capital = nt.kind == NX_UPPER || nt.is_marker;
    if (exclaims) {
        if (opens_sentence(&nt) && !(quoted && nt.paren))
            *cut = j;
        return j;
    }
    if (spaced) {
        /* "compounds. . . . The": the stop ends it, the ellipsis opens the next */
        if (attached && dots == 1 && spaced >= 3 && capital) {
            *cut = i + 1;
            return i + 1;
        }
        if (dots + spaced >= 4 && capital)
            *cut = j;
        return j;
    }
    if (dots > 1 || ellipsis) {
        /* "slowly... And" ends; "is ... I" and "really … Well" do not */
        if (attached && capital && !(quoted && nt.paren))
            *cut = j;
        return j;
    }
    if (period_ends(s, i, &nt) && !(quoted && nt.paren))
        *cut = j;
    return j;
}

/* Splits the block t[b..e), in which newlines are plain spaces. */
static nb_status scan_block(struct scan *s, size_t b, size_t e)
{
    const char *t = s->t;
    if (find_regions(s, b, e) != NB_OK)
        return NB_ENOMEM;
    size_t pos = b, ri = 0, w;
    int prev_ws = 1;
    s->start = NONE;
    s->has_mk = 0;
    while (pos < e) {
        if (!prev_ws && s->start != NONE && ascii_is_plain((unsigned char)t[pos])) {
            /* inside a word: nothing to judge, up to its end */
            do
                pos++;
            while (pos < e && ascii_is_plain((unsigned char)t[pos]));
            continue;
        }
        if ((w = ws_at(t, pos, e)) > 0) {
            /* a list item ends with its line when a capital opens the next */
            if (t[pos] == '\n' && s->start != NONE && s->has_mk && pos > s->body) {
                struct next_tok nt;
                next_token(t, pos, e, &nt);
                if (nt.kind == NX_UPPER && emit(s, pos) != NB_OK)
                    return NB_ENOMEM;
            }
            pos += w;
            prev_ws = 1;
            continue;
        }
        if (s->start == NONE) {
            pos = sentence_begin(s, pos, e);
            prev_ws = pos > s->start; /* a bullet or marker was skipped */
            continue;
        }
        if (prev_ws && pos > s->body && (new_item_at(s, pos, e) || list_after_colon(s, pos, e))) {
            if (emit(s, pos) != NB_OK)
                return NB_ENOMEM;
            continue;
        }
        prev_ws = 0;
        while (ri < s->nreg && s->reg[ri].open < pos)
            ri++;
        if (ri < s->nreg && s->reg[ri].open == pos) {
            int ends;
            pos = judge_close(s, s->reg[ri].close, pos, e, &ends);
            ri++;
            if (ends && emit(s, pos) != NB_OK)
                return NB_ENOMEM;
            continue;
        }
        size_t n;
        uint32_t cp = cp_at(t, pos, e, &n);
        if (cp_is_terminal(cp)) {
            size_t cut;
            size_t next = judge_stop(s, pos, e, &cut);
            if (cut != NONE && emit(s, cut) != NB_OK)
                return NB_ENOMEM;
            pos = next;
            continue;
        }
        pos += n;
    }
    if (s->start != NONE && emit(s, e) != NB_OK)
        return NB_ENOMEM;
    return NB_OK;
}

/* ---- paragraphs and blocks --------------------------------------------- */

/* Does the line t[b..e) end with sentence punctuation? */
static int line_has_stop(const char *t, size_t b, size_t e)
{
    size_t q = e, ps;
    for (int i = 0; i < 16 && q > b; i++) {
        uint32_t cp = cp_before(t, b, q, &ps);
        if (nb_char_is_space(cp) || cp_is_closer(cp)) {
            q = ps;
            continue;
        }
        return cp_is_terminal(cp) || cp == ':' || cp == ';';
    }
    return 0;
}

/* Does the line start with a bullet, a dash item or a list marker? */
static int line_is_item(const char *t, size_t b, size_t e)
{
    size_t w, n;
    while (b < e && (w = ws_at(t, b, e)) > 0)
        b += w;
    if (b >= e)
        return 0;
    uint32_t cp = cp_at(t, b, e, &n);
    if (cp_is_bullet(cp))
        return 1;
    if ((cp == '-' || cp == '*' || cp == '+') && ws_at(t, b + 1, e))
        return 1;
    struct marker m;
    return marker_parse(t, b, e, &m) && !m.initial;
}

static size_t line_end(const char *t, size_t p, size_t e)
{
    const char *nl = memchr(t + p, '\n', e - p);
    return nl ? (size_t)(nl - t) : e;
}

static int line_is_blank(const char *t, size_t b, size_t e)
{
    size_t w;
    while (b < e && (w = ws_at(t, b, e)) > 0)
        b += w;
    return b >= e;
}

/* Splits the paragraph t[b..e) (no blank line inside) into blocks. */
static nb_status scan_paragraph(struct scan *s, size_t b, size_t e)
{
    const char *t = s->t;
    size_t lines = 0;
    int stops = 0;
    for (size_t p = b; p < e;) {
        size_t le = line_end(t, p, e);
        lines++;
        stops |= line_has_stop(t, p, le);
        p = le + 1;
    }
    int each_line = lines >= 2 && !stops; /* a list of headings or items */
    size_t block = b;
    for (size_t p = b; p < e;) {
        size_t le = line_end(t, p, e);
        if (p > block && (each_line || line_is_item(t, p, le))) {
            if (scan_block(s, block, p) != NB_OK)
                return NB_ENOMEM;
            block = p;
        }
        p = le + 1;
    }
    return scan_block(s, block, e);
}

nb_status nb_sentences_spans(const char *text, size_t len, struct nb_spanv *out,
                             struct nb_error *err)
{
    if (!out || (!text && len > 0))
        return nb_error_set(err, NB_EINTERNAL, "sentences: no text or no output given");
    struct scan s;
    memset(&s, 0, sizeof(s));
    s.t = text;
    s.out = out;
    size_t keep = out->n;
    size_t para = NONE;
    nb_status rc = NB_OK;
    for (size_t p = 0; p < len && rc == NB_OK;) {
        size_t le = line_end(text, p, len);
        if (line_is_blank(text, p, le)) {
            if (para != NONE)
                rc = scan_paragraph(&s, para, p);
            para = NONE;
        } else if (para == NONE) {
            para = p;
        }
        p = le + 1;
    }
    if (rc == NB_OK && para != NONE)
        rc = scan_paragraph(&s, para, len);
    free(s.reg);
    if (rc != NB_OK) {
        out->n = keep;
        return nb_error_set(err, NB_ENOMEM, "out of memory splitting sentences");
    }
    return NB_OK;
}

nb_status nb_sentences_split(const char *text, size_t len, struct nb_strv *out,
                             struct nb_error *err)
{
    if (!out)
        return nb_error_set(err, NB_EINTERNAL, "sentences: no output given");
    struct nb_spanv spans;
    nb_spanv_init(&spans);
    nb_status st = nb_sentences_spans(text, len, &spans, err);
    if (st != NB_OK)
        return st;
    size_t keep = out->n;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (size_t i = 0; i < spans.n; i++) {
        nb_buf_reset(&b);
        if (nb_text_collapse_space(text + spans.v[i].start, spans.v[i].end - spans.v[i].start,
                                   &b) != NB_OK ||
            nb_strv_push(out, b.data, b.len) != NB_OK) {
            st = nb_error_set(err, NB_ENOMEM, "out of memory splitting sentences");
            break;
        }
    }
    nb_buf_release(&b);
    nb_spanv_release(&spans);
    if (st != NB_OK) {
        while (out->n > keep)
            free(out->v[--out->n]);
        if (out->v)
            out->v[out->n] = NULL;
    }
    return st;
}

/* The slow road of nb_text_collapse_space(): word by word through the
 * buffer's appends. */
static nb_status collapse_by_words(const char *text, size_t len, struct nb_buf *out)
{
    size_t keep = out->len;
    int pending = 0, any = 0;
    for (size_t p = 0; p < len;) {
        size_t w = ws_at(text, p, len);
        if (w) {
            pending = 1;
            p += w;
            continue;
        }
        size_t q = p + 1;
        while (q < len && !ws_at(text, q, len))
            q++;
        if (((pending && any) && nb_buf_addc(out, ' ') != NB_OK) ||
            nb_buf_add(out, text + p, q - p) != NB_OK) {
            nb_buf_truncate(out, keep);
            return NB_ENOMEM;
        }
        any = 1;
        pending = 0;
        p = q;
    }
    return NB_OK;
}

/* Whether the eight bytes at s are copied as they are when the byte
 * before them is no space: printable ASCII and spaces, no two spaces side
 * by side and none last (single spaces between words).  Tested eight at a
 * time in one 64-bit word: a byte of 0x80 or more sets its high bit; one
 * below 0x20 sets a high bit once 0x20 is taken from every byte; a space
 * is a zero byte of x ^ spaces, and taking 1 from every byte sets the high
 * bit of every zero byte (and maybe of the byte above one: a false "two
 * spaces" only sends the bytes down the slow road). */
static int plain_eight(const char *s)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), highs = UINT64_C(0x8080808080808080);
    uint64_t x;
    memcpy(&x, s, 8);
    if ((x & highs) || ((x - ones * 0x20) & ~x & highs) || s[7] == ' ')
        return 0;
    uint64_t y = x ^ (ones * ' ');
    uint64_t spaces = (y - ones) & ~y & highs;
    return (spaces & (spaces >> 8)) == 0;
}

nb_status nb_text_collapse_space(const char *text, size_t len, struct nb_buf *out)
{
    /* The result is never longer than the text: with room for it, the
     * bytes are copied in place, one pass (a cap too tight for the whole
     * text takes the slow road, which fails only when the words do not
     * fit). */
    if (nb_buf_grow(out, len) != NB_OK)
        return collapse_by_words(text, len, out);
    char *d = out->data + out->len;
    int pending = 0, any = 0;
    for (size_t p = 0; p < len;) {
        unsigned char c = (unsigned char)text[p];
        size_t w = 0;
        if (c <= ' ' || c >= 0x80) {
            w = c < 0x80 ? (size_t)nb_ascii_is_space(c) : ws_at(text, p, len);
            if (w) {
                pending = 1;
                p += w;
                continue;
            }
        }
        if (pending && any)
            *d++ = ' ';
        pending = 0;
        any = 1;
        /* the word: plain ASCII byte by byte, anything else one byte at a
         * time through the test above (no byte inside a sequence is a space) */
        do {
            *d++ = (char)c;
            p++;
        } while (p < len && (c = (unsigned char)text[p]) > ' ' && c < 0x80);
        /* after a word: the common text, words and single spaces, eight
         * bytes at a time */
        while (len - p >= 8 && plain_eight(text + p)) {
            memmove(d, text + p, 8);
            d += 8;
            p += 8;
        }
    }
    out->len = (size_t)(d - out->data);
    out->data[out->len] = '\0';
    return NB_OK;
}

int nb_sentence_ends(const char *s, size_t len)
{
    while (len) {
        unsigned char c = (unsigned char)s[len - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || c == ')' ||
            c == ']' || c == '*' || c == '_') {
            len--;
            continue;
        }
        /* ’ ” */
        if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
            (c == 0x9D || c == 0x99)) {
            len -= 3;
            continue;
        }
        /* » */
        if (len >= 2 && (unsigned char)s[len - 2] == 0xC2 && c == 0xBB) {
            len -= 2;
            continue;
        }
        break;
    }
    if (!len)
        return 0;
    char c = s[len - 1];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    /* … */
    return len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
           (unsigned char)s[len - 1] == 0xA6;
}
