/* script_text.c - the plain-text form of a script, which a producer can
 * edit and hand back: the writer and the parser. */
#include "script/script_text.h"

#include "script/script.h"
#include "script/script_internal.h"
#include "text/calendar.h"
#include "text/chars.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first line of the plain-text form. */
static const char text_magic[] = "# newsbrief script";

/* Story numbers a mark may give. */
#define MAX_STORY 99999u

/* Appends n in decimal (the writer's "%u", without a format to parse for
 * each segment). */
static nb_status add_decimal(struct nb_buf *out, unsigned n)
{
    char digits[16];
    size_t k = sizeof(digits);
    do {
        digits[--k] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    return nb_buf_add(out, digits + k, sizeof(digits) - k);
}

/* "\n[story story=3 voice=anchor speaker=\"Ola Berg\"]\n": the mark before
 * a segment's text. */
static nb_status add_mark(struct nb_buf *out, const struct nb_segment *seg)
{
    if (nb_buf_adds(out, "\n[") != NB_OK ||
        nb_buf_adds(out, nb_segment_kind_name(seg->kind)) != NB_OK)
        return NB_ENOMEM;
    if (seg->story &&
        (nb_buf_adds(out, " story=") != NB_OK || add_decimal(out, seg->story) != NB_OK))
        return NB_ENOMEM;
    if (nb_buf_adds(out, " voice=") != NB_OK || nb_buf_adds(out, seg->voice) != NB_OK)
        return NB_ENOMEM;
    if (seg->speaker && (nb_buf_adds(out, " speaker=\"") != NB_OK ||
                         nb_buf_adds(out, seg->speaker) != NB_OK || nb_buf_addc(out, '"') != NB_OK))
        return NB_ENOMEM;
    return nb_buf_adds(out, "]\n");
}

nb_status nb_script_write_text(const struct nb_script *s, struct nb_buf *out)
{
    size_t mark = out->len;
    if (nb_buf_adds(out, text_magic) != NB_OK || nb_buf_addc(out, '\n') != NB_OK)
        goto fail;
    if (s->title && not_blank(s->title)) {
        if (nb_buf_adds(out, "# title: ") != NB_OK ||
            nb_text_collapse_space(s->title, strlen(s->title), out) != NB_OK ||
            nb_buf_addc(out, '\n') != NB_OK)
            goto fail;
    }
    if (s->date && (nb_buf_adds(out, "# date: ") != NB_OK ||
                    nb_text_collapse_space(s->date, strlen(s->date), out) != NB_OK ||
                    nb_buf_addc(out, '\n') != NB_OK))
        goto fail;
    if (s->lexicon && s->lexicon[0] &&
        (nb_buf_adds(out, "# lexicon: ") != NB_OK ||
         nb_text_collapse_space(s->lexicon, strlen(s->lexicon), out) != NB_OK ||
         nb_buf_addc(out, '\n') != NB_OK))
        goto fail;
    for (size_t i = 0; i < s->n; i++) {
        const struct nb_segment *seg = &s->segments[i];
        if (add_mark(out, seg) != NB_OK)
            goto fail;
        size_t start = out->len;
        if (nb_text_collapse_space(seg->text, strlen(seg->text), out) != NB_OK)
            goto fail;
        /* text that would read as a mark, a comment or an escape */
        const char *t = out->data + start;
        if (out->len > start &&
            (t[0] == '[' || t[0] == '#' || (t[0] == '\\' && t[1] && strchr("[#\\", t[1])))) {
            if (nb_buf_addc(out, '\\') != NB_OK)
                goto fail;
            memmove(out->data + start + 1, out->data + start, out->len - start - 1);
            out->data[start] = '\\';
        }
        if (nb_buf_addc(out, '\n') != NB_OK)
            goto fail;
    }
    return NB_OK;
fail:
    nb_buf_truncate(out, mark);
    return NB_ENOMEM;
}

/* Skips a UTF-8 byte order mark. */
static size_t bom_len(const char *text, size_t len)
{
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

int nb_script_is_text(const char *text, size_t len)
{
    size_t skip = bom_len(text, len), n = sizeof(text_magic) - 1;
    text += skip;
    len -= skip;
    if (len < n || memcmp(text, text_magic, n) != 0)
        return 0;
    return len == n || nb_ascii_is_space((unsigned char)text[n]);
}

/* Where the parser is, for messages. */
struct parser {
    struct nb_script *s;
    const char *name;
    const char *language;
    struct nb_error *err;
    unsigned line;
    const char *line_start;
    /* the segment being read */
    int open;
    enum nb_segment_kind kind;
    unsigned story;
    char *voice;
    char *speaker; /* speaker="..." of the open mark, or NULL */
    unsigned mark_line, mark_column;
    struct nb_buf text;
};

/* 1-based column of p in the current line, counted in characters. */
static unsigned column_of(const struct parser *ps, const char *p)
{
    unsigned col = 1;
    for (const char *q = ps->line_start; q < p; q++)
        if (((unsigned char)*q & 0xC0) != 0x80)
            col++;
    return col;
}

static nb_status fail_at(struct parser *ps, const char *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static nb_status fail_at(struct parser *ps, const char *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nb_error_vset_at(ps->err, NB_EINPUT, ps->name, ps->line, column_of(ps, p), fmt, ap);
    va_end(ap);
    return NB_EINPUT;
}

static nb_status close_segment(struct parser *ps)
{
    if (!ps->open)
        return NB_OK;
    ps->open = 0;
    if (!ps->text.len)
        return nb_error_set_at(ps->err, NB_EINPUT, ps->name, ps->mark_line, ps->mark_column,
                               "the %s segment has no text (write it under the mark, or delete "
                               "the mark)",
                               nb_segment_kind_name(ps->kind));
    struct nb_buf text;
    nb_buf_init(&text, 0);
    nb_status rc = NB_OK;
    if (nb_text_collapse_space(ps->text.data, ps->text.len, &text) != NB_OK)
        rc = nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    else
        rc = nb_script_add(ps->s, ps->kind, ps->story, ps->voice, text.data, NULL, ps->language,
                           ps->err);
    if (rc == NB_OK && ps->speaker)
        rc = nb_script_set_speaker(ps->s, ps->s->n - 1, ps->speaker, ps->err);
    nb_buf_release(&text);
    nb_buf_reset(&ps->text);
    free(ps->voice);
    ps->voice = NULL;
    free(ps->speaker);
    ps->speaker = NULL;
    return rc;
}

/* One whitespace-separated word of a mark: [p, end). */
static const char *word_end(const char *p, const char *end)
{
    while (p < end && !nb_ascii_is_space((unsigned char)*p))
        p++;
    return p;
}

static nb_status parse_story(struct parser *ps, const char *v, const char *end, const char *at)
{
    unsigned long n = 0;
    const char *p = v;
    for (; p < end && *p >= '0' && *p <= '9' && n <= MAX_STORY; p++)
        n = n * 10 + (unsigned long)(*p - '0');
    if (p == v || p != end || n < 1 || n > MAX_STORY) {
        char *bad = nb_strndup(v, (size_t)(end - v));
        nb_status rc = bad ? fail_at(ps, at,
                                     "bad story number '%s' (expected a whole number from 1, "
                                     "or no story= at all)",
                                     bad)
                           : nb_error_set(ps->err, NB_ENOMEM, "out of memory");
        free(bad);
        return rc;
    }
    ps->story = (unsigned)n;
    return NB_OK;
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

/* A voice= value that reads as a file path ("../x", "/etc/x", "my.yaml"):
 * a script names a profile or an eSpeak NG voice, never a file. */
static int voice_is_path(const char *v, size_t n)
{
    return v[0] == '.' || memchr(v, '/', n) || memchr(v, '\\', n) || ends_with(v, n, ".yaml") ||
           ends_with(v, n, ".yml");
}

/* "[kind story=N voice=NAME]": p .. end is the line, trimmed. */
static nb_status parse_mark(struct parser *ps, const char *p, const char *end)
{
    nb_status rc = close_segment(ps);
    if (rc != NB_OK)
        return rc;
    ps->mark_line = ps->line;
    ps->mark_column = column_of(ps, p);
    const char *open = p, *close = end - 1;
    p++;
    while (p < close && nb_ascii_is_space((unsigned char)*p))
        p++;
    const char *w = word_end(p, close);
    if (w == p)
        return fail_at(ps, open, "empty segment mark (expected [kind voice=NAME])");
    char *kind = nb_strndup(p, (size_t)(w - p));
    if (!kind)
        return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    if (!nb_segment_kind_parse(kind, &ps->kind)) {
        rc = fail_at(ps, p,
                     "unknown segment kind '%s' (expected intro, headlines, story, quote, "
                     "transition or outro; write \\[ for text that starts with a bracket)",
                     kind);
        free(kind);
        return rc;
    }
    free(kind);
    ps->story = 0;
    int have_story = 0;
    for (p = w;;) {
        while (p < close && nb_ascii_is_space((unsigned char)*p))
            p++;
        if (p == close)
            break;
        w = word_end(p, close);
        const char *eq = memchr(p, '=', (size_t)(w - p));
        size_t klen = eq ? (size_t)(eq - p) : 0;
        if (eq && klen == 7 && memcmp(p, "speaker", 7) == 0) {
            /* speaker="Ola Berg": the name may hold spaces */
            const char *q = eq + 1, *qe = q + 1 < close && *q == '"'
                                              ? memchr(q + 1, '"', (size_t)(close - q - 1))
                                              : NULL;
            if (!qe)
                return fail_at(ps, p, "bad speaker (expected speaker=\"NAME\")");
            if (ps->speaker)
                return fail_at(ps, p, "attribute 'speaker' given twice in segment mark");
            if (!(ps->speaker = nb_strndup(q + 1, (size_t)(qe - q - 1))))
                return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
            p = qe + 1;
            continue;
        }
        if (eq && klen == 5 && memcmp(p, "story", 5) == 0) {
            if (have_story++)
                return fail_at(ps, p, "attribute 'story' given twice in segment mark");
            if ((rc = parse_story(ps, eq + 1, w, p)) != NB_OK)
                return rc;
        } else if (eq && klen == 5 && memcmp(p, "voice", 5) == 0) {
            if (ps->voice)
                return fail_at(ps, p, "attribute 'voice' given twice in segment mark");
            if (eq + 1 == w || memchr(eq + 1, '[', (size_t)(w - eq - 1)))
                return fail_at(ps, p, "bad voice name '%.*s' (expected voice=NAME)",
                               (int)(w - eq - 1), eq + 1);
            if (voice_is_path(eq + 1, (size_t)(w - eq - 1)))
                return fail_at(ps, eq + 1,
                               "no voice '%.*s' (a voice profile name such as anchor or an "
                               "eSpeak NG voice such as en-gb, not a path)",
                               (int)(w - eq - 1), eq + 1);
            if (!(ps->voice = nb_strndup(eq + 1, (size_t)(w - eq - 1))))
                return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
        } else {
            char *bad = nb_strndup(p, (size_t)(w - p));
            rc = bad ? fail_at(ps, p,
                               "unknown attribute '%s' in segment mark (expected story=N, "
                               "voice=NAME or speaker=\"NAME\")",
                               bad)
                     : nb_error_set(ps->err, NB_ENOMEM, "out of memory");
            free(bad);
            return rc;
        }
        p = w;
    }
    if (!ps->voice)
        return fail_at(ps, close, "segment mark has no voice (add voice=NAME)");
    ps->open = 1;
    return NB_OK;
}

/* "# title: ...", "# date: ..." and "# lexicon: ..." before the first
 * mark; other lines starting with '#' are comments. */
static nb_status parse_comment(struct parser *ps, const char *p, const char *end)
{
    if (ps->s->n || ps->open)
        return NB_OK;
    const char *q = p + 1;
    while (q < end && nb_ascii_is_space((unsigned char)*q))
        q++;
    int title = (size_t)(end - q) >= 6 && memcmp(q, "title:", 6) == 0;
    int date = (size_t)(end - q) >= 5 && memcmp(q, "date:", 5) == 0;
    int lexicon = (size_t)(end - q) >= 8 && memcmp(q, "lexicon:", 8) == 0;
    if (!title && !date && !lexicon)
        return NB_OK;
    q += title ? 6 : date ? 5 : 8;
    while (q < end && nb_ascii_is_space((unsigned char)*q))
        q++;
    char **slot = title ? &ps->s->title : date ? &ps->s->date : &ps->s->lexicon;
    struct nb_buf v;
    nb_buf_init(&v, 0);
    if (nb_text_collapse_space(q, (size_t)(end - q), &v) != NB_OK) {
        nb_buf_release(&v);
        return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    }
    int y, m, d;
    if (date && !nb_date_parse_iso(v.data, &y, &m, &d)) {
        nb_status rc =
            fail_at(ps, q, "bad date '%s' (expected YYYY-MM-DD, e.g. 2026-11-28)", v.data);
        nb_buf_release(&v);
        return rc;
    }
    free(*slot);
    *slot = NULL;
    if (v.len && !(*slot = nb_buf_detach(&v, NULL)))
        return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    nb_buf_release(&v);
    return NB_OK;
}

static nb_status parse_text_line(struct parser *ps, const char *p, const char *end)
{
    if (!ps->open)
        return fail_at(ps, p,
                       "text before the first segment mark (start a segment with "
                       "[kind voice=NAME])");
    /* "\[", "\#" and "\\" at the start of a line stand for the character */
    if (*p == '\\' && p + 1 < end && strchr("[#\\", p[1]))
        p++;
    if ((ps->text.len && nb_buf_addc(&ps->text, ' ') != NB_OK) ||
        nb_buf_add(&ps->text, p, (size_t)(end - p)) != NB_OK)
        return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    return NB_OK;
}

static nb_status parse_line(struct parser *ps, const char *p, const char *end)
{
    for (const char *q = p; q < end; q++) {
        unsigned char c = (unsigned char)*q;
        if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
            char hex[8] = {
                'U', '+', '0', '0', "0123456789ABCDEF"[c >> 4], "0123456789ABCDEF"[c & 15], 0, 0};
            return fail_at(ps, q, "control character %s in the script", hex);
        }
    }
    while (p < end && nb_ascii_is_space((unsigned char)*p))
        p++;
    while (end > p && nb_ascii_is_space((unsigned char)end[-1]))
        end--;
    if (p == end)
        return NB_OK;
    if (*p == '#')
        return parse_comment(ps, p, end);
    if (*p == '[' && end[-1] == ']' && end - p >= 2)
        return parse_mark(ps, p, end);
    /* "[intro voice=anchor" without its ']': a mark, not text */
    if (*p == '[' && !memchr(p, ']', (size_t)(end - p)))
        return fail_at(ps, p, "segment mark '%.*s' is not closed with ']'", (int)(end - p), p);
    return parse_text_line(ps, p, end);
}

static nb_status parse_all(struct parser *ps, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    size_t bad;
    if (!nb_utf8_valid(text, len, &bad)) {
        /* find the line of the bad byte for the message */
        for (const char *q = text; q < text + bad; q++)
            if (*q == '\n') {
                ps->line++;
                ps->line_start = q + 1;
            }
        return fail_at(ps, text + bad, "the script is not valid UTF-8 (save it as UTF-8)");
    }
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        ps->line_start = p;
        nb_status rc = parse_line(ps, p, line_end);
        if (rc != NB_OK)
            return rc;
        p = nl ? nl + 1 : end;
        ps->line++;
    }
    return close_segment(ps);
}

int nb_script_text_header_mark(const char *text, size_t len, const char *key, unsigned *line,
                               unsigned *column)
{
    size_t skip = bom_len(text, len), klen = strlen(key);
    const char *p = text + skip, *end = text + len;
    for (unsigned n = 1; p < end; n++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end, *q = p;
        while (q < stop && nb_ascii_is_space((unsigned char)*q))
            q++;
        if (q < stop && *q == '[')
            return 0; /* the first mark: the header is over */
        if (q < stop && *q == '#') {
            q++;
            while (q < stop && nb_ascii_is_space((unsigned char)*q))
                q++;
            if ((size_t)(stop - q) > klen && memcmp(q, key, klen) == 0 && q[klen] == ':') {
                q += klen + 1;
                while (q < stop && nb_ascii_is_space((unsigned char)*q))
                    q++;
                struct parser ps = {.line_start = p};
                *line = n;
                *column = column_of(&ps, q);
                return 1;
            }
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

nb_status nb_script_parse_text(struct nb_script *s, const char *text, size_t len, const char *name,
                               const char *language, struct nb_error *err)
{
    size_t skip = bom_len(text, len);
    struct parser ps = {
        .s = s,
        .name = name,
        .language = language,
        .err = err,
        .line = 1,
        .line_start = text + skip,
    };
    nb_buf_init(&ps.text, 0);
    nb_status rc = parse_all(&ps, text + skip, len - skip);
    if (rc == NB_OK && !s->n)
        rc = nb_error_set_at(err, NB_EINPUT, name, 0, 0,
                             "the script has no segments (each starts with a mark such as "
                             "[story story=1 voice=anchor])");
    free(ps.voice);
    free(ps.speaker);
    nb_buf_release(&ps.text);
    if (rc != NB_OK)
        nb_script_release(s);
    return rc;
}
