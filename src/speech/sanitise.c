#include "speech/sanitise.h"

#include "spoken/phonemes.h"
#include "text/chars.h"
#include "text/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A chain of this many single letters joined by dots or apostrophes is
 * broken before the next one.  Debian's eSpeak NG 1.51 overflows its stack
 * at about 57 ("é . é ."), 68 ("s's's") and 85 ("a . a ."); real
 * initialisms ("U.S.A.", "J.R.R.") stay far below. */
#define MAX_LETTER_CHAIN 8

enum cp_class {
    CP_KEEP,
    CP_SPACE, /* whitespace, or a dropped symbol that separates words */
    CP_DROP   /* removed without a trace */
};

static int in(uint32_t cp, uint32_t lo, uint32_t hi)
{
    return cp >= lo && cp <= hi;
}

/* Emoji and pictographs, private-use characters (icon fonts) and the
 * symbol blocks of arrows, technical signs, shapes and dingbats: eSpeak NG
 * reads each one by its long name ("rightwards arrow"), which no
 * newsreader does. */
static int is_read_by_name(uint32_t cp)
{
    return nb_char_is_pictograph(cp) || nb_char_is_private_use(cp) || in(cp, 0x1F000, 0x1FBFF) ||
           in(cp, 0x2600, 0x27BF) || in(cp, 0x2190, 0x21FF) || in(cp, 0x2300, 0x23FF) ||
           in(cp, 0x25A0, 0x25FF) || in(cp, 0x2900, 0x297F) || in(cp, 0x2B00, 0x2BFF);
}

static enum cp_class classify(uint32_t cp)
{
    if (nb_char_is_space(cp))
        return CP_SPACE;
    if (cp < 0x20 || in(cp, 0x7F, 0x9F))
        return CP_DROP; /* C0/C1 controls: U+0001 changes eSpeak NG's voice */
    /* zero-width, joiners (ZWJ emoji sequences), bidi, soft hyphen,
     * variation selectors, tags (flag sequences), the keycap mark */
    if (nb_char_is_invisible(cp) || cp == 0x20E3 || in(cp, 0xE0000, 0xE01EF))
        return CP_DROP;
    /* noncharacters and U+FFFD (what invalid input decodes to) */
    if (in(cp, 0xFDD0, 0xFDEF) || (cp & 0xFFFE) == 0xFFFE || cp == NB_UTF8_REPLACEMENT)
        return CP_DROP;
    if (cp == '<' || cp == '>' || is_read_by_name(cp))
        return CP_SPACE;
    return CP_KEEP;
}

struct cpv {
    uint32_t *v;
    size_t n;
};

static nb_status cpv_push(struct cpv *c, size_t *alloc, uint32_t cp)
{
    if (c->n == *alloc) {
        size_t n = *alloc ? *alloc * 2 : 256;
        uint32_t *v = realloc(c->v, n * sizeof(*v));
        if (!v)
            return NB_ENOMEM;
        c->v = v;
        *alloc = n;
    }
    c->v[c->n++] = cp;
    return NB_OK;
}

/* Bytes of the well-formed phoneme span "[[...]]" starting text[0..len)
 * (see sanitise.h for what is well-formed), or 0. */
static size_t phoneme_span(const char *text, size_t len)
{
    if (len < 5 || text[0] != '[' || text[1] != '[')
        return 0;
    for (size_t j = 2; j < len && j - 2 <= NB_SANITISE_MAX_PHONEMES; j++) {
        if (text[j] != ']')
            continue;
        if (j + 1 < len && text[j + 1] == ']' && nb_phonemes_ok(text + 2, j - 2))
            return j + 2;
        return 0;
    }
    return 0;
}

/* Appends the span s[0..n) (well-formed) with the spaces inside collapsed
 * and none next to its brackets. */
static nb_status push_span(struct cpv *out, size_t *alloc, const char *s, size_t n)
{
    if (cpv_push(out, alloc, '[') != NB_OK || cpv_push(out, alloc, '[') != NB_OK)
        return NB_ENOMEM;
    int space = 0, any = 0;
    for (size_t k = 2; k + 2 < n; k++) {
        if (s[k] == ' ') {
            space = any;
            continue;
        }
        if ((space && cpv_push(out, alloc, ' ') != NB_OK) ||
            cpv_push(out, alloc, (uint32_t)s[k]) != NB_OK)
            return NB_ENOMEM;
        space = 0;
        any = 1;
    }
    return cpv_push(out, alloc, ']') != NB_OK || cpv_push(out, alloc, ']') != NB_OK ? NB_ENOMEM
                                                                                    : NB_OK;
}

/* Pass 1: code points kept, whitespace collapsed to single ' ' (none at
 * either end), markup characters turned into spaces or words, `[[` and
 * `]]` broken unless they enclose a phoneme span kept by `flags`. */
static nb_status clean(const char *text, size_t len, unsigned flags, struct cpv *out)
{
    size_t alloc = 0;
    int space = 0;
    for (size_t i = 0; i < len;) {
        size_t span = (flags & NB_SANITISE_PHONEMES) && text[i] == '['
                          ? phoneme_span(text + i, len - i)
                          : 0;
        if (span) {
            /* "[" before "[[" would make "[[[" */
            if (out->n && out->v[out->n - 1] == '[')
                space = 1;
            if (space && out->n && cpv_push(out, &alloc, ' ') != NB_OK)
                return NB_ENOMEM;
            space = 0;
            if (push_span(out, &alloc, text + i, span) != NB_OK)
                return NB_ENOMEM;
            i += span;
            continue;
        }
        uint32_t cp;
        i += nb_utf8_decode(text + i, len - i, &cp);
        enum cp_class k = classify(cp);
        if (k == CP_DROP)
            continue;
        if (k == CP_SPACE) {
            /* 1: whitespace; 2: a dropped symbol, which need not keep
             * "coast 🌊." apart from its full stop */
            space |= cp == '<' || cp == '>' || is_read_by_name(cp) ? 2 : 1;
            continue;
        }
        if ((space & 2) && cp < 0x80 && strchr(".,;:!?)]}", (int)cp))
            space = 0;
        if (cp == '&') {
            /* "AT&T" reads "AT and T"; "&copy;" can never be an entity */
            static const char and_word[] = " and ";
            for (const char *p = and_word; *p; p++) {
                if (*p == ' ') {
                    space = 1;
                    continue;
                }
                if (space && out->n && cpv_push(out, &alloc, ' ') != NB_OK)
                    return NB_ENOMEM;
                space = 0;
                if (cpv_push(out, &alloc, (uint32_t)*p) != NB_OK)
                    return NB_ENOMEM;
            }
            continue;
        }
        if ((cp == '[' || cp == ']') && !space && out->n && out->v[out->n - 1] == cp)
            space = 1; /* "[[" would start phoneme input */
        if (space && out->n && cpv_push(out, &alloc, ' ') != NB_OK)
            return NB_ENOMEM;
        space = 0;
        if (cpv_push(out, &alloc, cp) != NB_OK)
            return NB_ENOMEM;
    }
    return NB_OK;
}

/* Index just past the letter at i and its combining marks. */
static size_t letter_end(const struct cpv *c, size_t i)
{
    i++;
    while (i < c->n && nb_char_is_mark(c->v[i]))
        i++;
    return i;
}

static int is_single_letter(const struct cpv *c, size_t i)
{
    uint32_t cp = c->v[i];
    if (!nb_char_is_word(cp) || nb_char_is_mark(cp) || (cp >= '0' && cp <= '9'))
        return 0;
    if (i > 0 && nb_char_is_word(c->v[i - 1]))
        return 0;
    size_t j = letter_end(c, i);
    return j >= c->n || !nb_char_is_word(c->v[j]);
}

/* Appends cp, splitting the token first when it would grow too long. */
static nb_status emit(struct nb_buf *out, size_t *token, uint32_t cp)
{
    char enc[4];
    size_t n = nb_utf8_encode(cp, enc);
    if (cp == ' ') {
        *token = 0;
    } else {
        if (*token + n > NB_SANITISE_MAX_TOKEN) {
            if (nb_buf_addc(out, ' ') != NB_OK)
                return NB_ENOMEM;
            *token = 0;
        }
        *token += n;
    }
    return nb_buf_add(out, enc, n);
}

/* What lies between two single letters. */
struct gap {
    size_t dots, apostrophes, spaces, other;
};

/* Copies the kept phoneme span at c->v[i] ("[[" ... "]]", ASCII) and
 * returns the index just past it.  It starts a new token when it would
 * make the current one too long, and is never split itself. */
static size_t copy_span(const struct cpv *c, size_t i, struct nb_buf *out, size_t *token,
                        int *failed)
{
    size_t end = i + 2;
    while (end + 1 < c->n && !(c->v[end] == ']' && c->v[end + 1] == ']'))
        end++;
    end = end + 2 < c->n ? end + 2 : c->n;
    size_t first = i; /* "[[" and its first word */
    while (first < end && c->v[first] != ' ')
        first++;
    if (*token && *token + (first - i) > NB_SANITISE_MAX_TOKEN) {
        *failed |= nb_buf_addc(out, ' ') != NB_OK;
        *token = 0;
    }
    for (; i < end; i++) {
        *failed |= nb_buf_addc(out, (char)c->v[i]) != NB_OK;
        *token = c->v[i] == ' ' ? 0 : *token + 1;
    }
    return end;
}

/* Pass 2: break chains of single letters joined by dots ("a . a . a",
 * "a.a.a") or apostrophes ("s's's"), and split long tokens.  Kept phoneme
 * spans (the only "[[" left by clean()) are copied as they are and
 * separate chains. */
static nb_status shape(const struct cpv *c, unsigned flags, struct nb_buf *out)
{
    size_t token = 0, chain = 0;
    size_t mark = 0, mark_token = 0; /* output and token length after the last single letter */
    struct gap gap = {0, 0, 0, 1};
    for (size_t i = 0; i < c->n;) {
        uint32_t cp = c->v[i];
        if ((flags & NB_SANITISE_PHONEMES) && cp == '[' && i + 1 < c->n && c->v[i + 1] == '[') {
            int failed = 0;
            i = copy_span(c, i, out, &token, &failed);
            if (failed)
                return NB_ENOMEM;
            gap.other++;
            continue;
        }
        if (!is_single_letter(c, i)) {
            if (cp == '.')
                gap.dots++;
            else if (nb_char_is_apostrophe(cp))
                gap.apostrophes++;
            else if (cp == ' ')
                gap.spaces++;
            else
                gap.other++;
            if (emit(out, &token, cp) != NB_OK)
                return NB_ENOMEM;
            i++;
            continue;
        }
        /* apostrophes beside the dots too: "s'.s'." crashes it as well */
        int dotted = gap.dots && !gap.other;
        int elided = gap.apostrophes == 1 && !gap.dots && !gap.spaces && !gap.other;
        chain = dotted || elided ? chain + 1 : 1;
        if (chain > MAX_LETTER_CHAIN) {
            /* The joining dots or apostrophe give way to ", " (ends eSpeak
             * NG's abbreviation; "a., a" still crashes it) or " " (ends
             * the word). */
            nb_buf_truncate(out, mark);
            token = mark_token;
            if ((dotted && emit(out, &token, ',') != NB_OK) || emit(out, &token, ' ') != NB_OK)
                return NB_ENOMEM;
            chain = 1;
        }
        size_t end = letter_end(c, i);
        for (; i < end; i++)
            if (emit(out, &token, c->v[i]) != NB_OK)
                return NB_ENOMEM;
        mark = out->len;
        mark_token = token;
        gap = (struct gap){0, 0, 0, 0};
    }
    return NB_OK;
}

nb_status nb_speech_sanitise(const char *text, size_t len, struct nb_buf *out)
{
    return nb_speech_sanitise_ex(text, len, 0, out);
}

nb_status nb_speech_sanitise_ex(const char *text, size_t len, unsigned flags, struct nb_buf *out)
{
    struct cpv c = {NULL, 0};
    size_t start = out->len;
    nb_status rc = clean(text, len, flags, &c);
    if (rc == NB_OK)
        rc = shape(&c, flags, out);
    free(c.v);
    if (rc != NB_OK)
        nb_buf_truncate(out, start);
    return rc;
}
