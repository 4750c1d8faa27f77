/* normalise.c - written news text into the form a newsreader speaks.
 *
 * One pass over the text, code point by code point.  Whitespace and the
 * pauses made by dashes are held back ("pending") until the next thing that
 * is actually spoken, so the output never starts or ends with a space and
 * never has two in a row.  Each language's rules are a static const table;
 * growing the normaliser (money, dates, acronyms...) means adding tables and
 * a matcher here, not touching the scanner.
 */
#include "script/normalise.h"

#include "text/utf8.h"

#include <stdint.h>
#include <string.h>

/* A courtesy title read differently from how it is written, but only when
 * a capitalised name follows ("Ms Patel", "Ms. Patel"), with or without the
 * full stop, which is dropped. */
struct nb_title_rule {
    const char *written;
    const char *spoken;
};

/* A token read as words when it stands alone (not inside a longer number
 * or date: "9/11" but not "29/11" or "9/11/2001"). */
struct nb_token_rule {
    const char *written;
    const char *spoken;
};

struct nb_norm_rules {
    const char *language; /* matched with nb_language_matches() */
    const struct nb_title_rule *titles;
    size_t ntitles;
    const struct nb_token_rule *tokens;
    size_t ntokens;
    int drop_pictographs; /* emoji and other pictographs are not read out */
    int dash_pauses;      /* em dash, spaced en dash, " - " and "--" become ", " */
};

static const struct nb_title_rule en_titles[] = {
    {"Ms", "Miz"},
};

static const struct nb_token_rule en_tokens[] = {
    {"9/11", "nine eleven"},
};

static const struct nb_norm_rules norm_rules[] = {
    {"en", en_titles, sizeof(en_titles) / sizeof(en_titles[0]), en_tokens,
     sizeof(en_tokens) / sizeof(en_tokens[0]), 1, 1},
};

enum pending_space { SPACE_NONE, SPACE_SOFT, SPACE_HARD };

struct norm {
    const struct nb_norm_rules *rules; /* NULL: whitespace clean-up only */
    struct nb_buf *out;
    size_t start;             /* out->len when we began */
    enum pending_space space; /* SOFT: only before a word, not before , . ! ? etc */
    int pause;                /* a dash is waiting to become ", " */
    int prev_word;            /* the last code point read was a letter or digit */
};

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int nb_language_matches(const char *language, const char *prefix)
{
    if (!language)
        return 0;
    size_t i = 0;
    for (; prefix[i]; i++) {
        int a = (unsigned char)language[i], b = (unsigned char)prefix[i];
        if (a == '_')
            a = '-';
        if (b == '_')
            b = '-';
        if (ascii_lower(a) != ascii_lower(b))
            return 0;
    }
    return language[i] == '\0' || language[i] == '-' || language[i] == '_' || language[i] == '+';
}

static const struct nb_norm_rules *rules_for(const char *language)
{
    if (!language)
        language = "en";
    for (size_t i = 0; i < sizeof(norm_rules) / sizeof(norm_rules[0]); i++)
        if (nb_language_matches(language, norm_rules[i].language))
            return &norm_rules[i];
    return NULL;
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int is_unicode_space(uint32_t cp)
{
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Invisible characters that only ever separate or join: never spoken. */
static int is_invisible(uint32_t cp)
{
    return cp == 0x200B || cp == 0x2060 || cp == 0xFEFF;
}

/* Parts of emoji sequences that mean nothing once the emoji is gone:
 * zero-width joiner, variation selectors, the keycap mark, tag characters. */
static int is_emoji_modifier(uint32_t cp)
{
    return cp == 0x200D || cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3 ||
           (cp >= 0xE0020 && cp <= 0xE007F);
}

struct cp_range {
    uint32_t first, last;
};

/* Emoji and pictographs (sorted).  eSpeak NG would read them by name
 * ("party popper"), which no newsreader does. */
static const struct cp_range pictographs[] = {
    {0x231A, 0x231B},   {0x2328, 0x2328}, {0x23CF, 0x23CF}, {0x23E9, 0x23F3}, {0x23F8, 0x23FA},
    {0x24C2, 0x24C2},   {0x25AA, 0x25AB}, {0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE},
    {0x2600, 0x27BF},   {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
    {0x2B55, 0x2B55},   {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
    {0x1F000, 0x1FAFF},
};

static int is_pictograph(uint32_t cp)
{
    if (cp < pictographs[0].first)
        return 0;
    size_t lo = 0, hi = sizeof(pictographs) / sizeof(pictographs[0]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < pictographs[mid].first)
            hi = mid;
        else if (cp > pictographs[mid].last)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* Letters and digits, roughly: enough to tell where a word starts. */
static int is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return is_ascii_alnum((unsigned char)cp);
    if (cp >= 0xC0 && cp < 0x2000)
        return cp != 0xD7 && cp != 0xF7;
    return cp >= 0x3040 && !is_pictograph(cp) && !(cp >= 0xFE00 && cp <= 0xFE0F) &&
           !(cp >= 0xFF00 && cp <= 0xFF0F);
}

/* Capital letters a name can start with (Latin, Greek, Cyrillic). */
static int is_upper_cp(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137)
        return cp % 2 == 0;
    if (cp >= 0x139 && cp <= 0x148)
        return cp % 2 == 1;
    if (cp >= 0x14A && cp <= 0x177)
        return cp % 2 == 0;
    if (cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D)
        return 1;
    return (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F);
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

/* Emits what is pending (a pause or a space) before spoken text starting
 * with code point `next`. */
static int flush(struct norm *n, uint32_t next)
{
    struct nb_buf *out = n->out;
    int started = out->len > n->start;
    enum pending_space space = n->space;
    int pause = n->pause;
    n->space = SPACE_NONE;
    n->pause = 0;
    if (!started)
        return 0;
    if (pause) {
        if (is_closing(next))
            return 0;
        if (!strchr(",.;:!?", out->data[out->len - 1]) && nb_buf_addc(out, ',') < 0)
            return -1;
        return nb_buf_addc(out, ' ');
    }
    if (space == SPACE_HARD || (space == SPACE_SOFT && !is_closing(next)))
        return nb_buf_addc(out, ' ');
    return 0;
}

static int emit(struct norm *n, const char *s, size_t len, uint32_t first)
{
    if ((n->space != SPACE_NONE || n->pause) && flush(n, first) < 0)
        return -1;
    return nb_buf_add(n->out, s, len);
}

static void add_space(struct norm *n)
{
    n->space = SPACE_HARD;
    n->prev_word = 0;
}

/* Length of the title written at text[i..) when a capitalised name follows
 * (the full stop included, the space after it not); 0 when no rule fits. */
static size_t match_title(const struct nb_norm_rules *r, const char *text, size_t len, size_t i,
                          const char **spoken)
{
    for (size_t k = 0; k < r->ntitles; k++) {
        size_t wl = strlen(r->titles[k].written);
        if (len - i < wl || memcmp(text + i, r->titles[k].written, wl) != 0)
            continue;
        size_t j = i + wl;
        if (j < len && text[j] == '.')
            j++;
        size_t name = j;
        while (name < len && is_ascii_space((unsigned char)text[name]))
            name++;
        if (name == j || name == len)
            continue;
        uint32_t cp;
        nb_utf8_decode(text + name, len - name, &cp);
        if (!is_upper_cp(cp))
            continue;
        *spoken = r->titles[k].spoken;
        return j - i;
    }
    return 0;
}

/* Length of the token rule matching at text[i..) as a whole token. */
static size_t match_token(const struct nb_norm_rules *r, const char *text, size_t len, size_t i,
                          const char **spoken)
{
    if (i > 0 && text[i - 1] == '/')
        return 0;
    for (size_t k = 0; k < r->ntokens; k++) {
        size_t wl = strlen(r->tokens[k].written);
        if (len - i < wl || memcmp(text + i, r->tokens[k].written, wl) != 0)
            continue;
        size_t j = i + wl;
        if (j < len && (is_ascii_alnum((unsigned char)text[j]) || text[j] == '/' ||
                        (unsigned char)text[j] >= 0x80))
            continue;
        *spoken = r->tokens[k].spoken;
        return wl;
    }
    return 0;
}

/* Handles the ASCII byte at text[i]; returns the bytes consumed, 0 on
 * failure (out of memory). */
static size_t ascii_step(struct norm *n, const char *text, size_t len, size_t i)
{
    unsigned char c = (unsigned char)text[i];
    const struct nb_norm_rules *r = n->rules;
    if (is_ascii_space(c)) {
        add_space(n);
        return 1;
    }
    if (c < 0x20 || c == 0x7F) /* library text has none; never speak one */
        return 1;
    if (r && !n->prev_word && is_ascii_alnum(c)) {
        const char *spoken = NULL;
        size_t used = match_token(r, text, len, i, &spoken);
        if (!used)
            used = match_title(r, text, len, i, &spoken);
        if (used) {
            if (emit(n, spoken, strlen(spoken), (unsigned char)spoken[0]) < 0)
                return 0;
            n->prev_word = 1;
            return used;
        }
    }
    if (r && r->dash_pauses && c == '-') {
        if (i + 1 < len && text[i + 1] == '-') {
            size_t j = i;
            while (j < len && text[j] == '-')
                j++;
            n->pause = 1;
            n->prev_word = 0;
            return j - i;
        }
        if (n->space == SPACE_HARD &&
            (i + 1 == len || is_ascii_space((unsigned char)text[i + 1]))) {
            n->pause = 1;
            n->prev_word = 0;
            return 1;
        }
    }
    if (emit(n, text + i, 1, c) < 0)
        return 0;
    n->prev_word = is_ascii_alnum(c);
    return 1;
}

/* Handles the multi-byte sequence at text[i] (cp, size bytes). */
static int unicode_step(struct norm *n, const char *text, size_t len, size_t i, uint32_t cp,
                        size_t size)
{
    const struct nb_norm_rules *r = n->rules;
    if (is_unicode_space(cp)) {
        add_space(n);
        return 0;
    }
    if (is_invisible(cp))
        return 0;
    if (r && r->drop_pictographs) {
        if (is_emoji_modifier(cp))
            return 0;
        if (is_pictograph(cp)) {
            /* "news 🎉 today" and "news🎉today" both read "news today",
             * but "news 🎉." reads "news." */
            n->space = SPACE_SOFT;
            n->prev_word = 0;
            return 0;
        }
    }
    if (r && r->dash_pauses) {
        size_t next = i + size;
        uint32_t after = 0;
        if (next < len)
            nb_utf8_decode(text + next, len - next, &after);
        int spaced = n->space == SPACE_HARD || next == len ||
                     is_ascii_space((unsigned char)text[next]) || is_unicode_space(after);
        if (cp == 0x2014 || cp == 0x2015 || (cp == 0x2013 && spaced)) {
            n->pause = 1;
            n->prev_word = 0;
            return 0;
        }
    }
    if (emit(n, text + i, size, cp) < 0)
        return -1;
    n->prev_word = is_word_cp(cp);
    return 0;
}

nb_status nb_normalise(const char *text, size_t len, const char *language, struct nb_buf *out,
                       struct nb_error *err)
{
    struct norm n = {
        .rules = rules_for(language),
        .out = out,
        .start = out->len,
        .space = SPACE_NONE,
        .pause = 0,
        .prev_word = 0,
    };
    /* The spoken form is rarely longer than the text: one allocation. */
    if (nb_buf_grow(out, len) < 0)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            size_t used = ascii_step(&n, text, len, i);
            if (!used)
                goto nomem;
            i += used;
            continue;
        }
        uint32_t cp;
        size_t size = nb_utf8_decode(text + i, len - i, &cp);
        if (size == 1) {
            nb_buf_truncate(out, n.start);
            return nb_error_set(err, NB_EINPUT, "text is not valid UTF-8 at byte %zu", i);
        }
        if (unicode_step(&n, text, len, i, cp, size) < 0)
            goto nomem;
        i += size;
    }
    return NB_OK;
nomem:
    nb_buf_truncate(out, n.start);
    return nb_error_set(err, NB_ENOMEM, "out of memory");
}
