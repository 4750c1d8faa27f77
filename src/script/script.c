/* script.c - the bulletin as segments: building it, and its plain-text
 * form a producer can edit and hand back. */
#include "script/script.h"

#include "script/date.h"
#include "script/normalise.h"
#include "script/transitions.h"
#include "text/calendar.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {
    [NB_SEG_INTRO] = "intro", [NB_SEG_HEADLINES] = "headlines",   [NB_SEG_STORY] = "story",
    [NB_SEG_QUOTE] = "quote", [NB_SEG_TRANSITION] = "transition", [NB_SEG_OUTRO] = "outro",
};

#define NKINDS (sizeof(kind_names) / sizeof(kind_names[0]))

/* The first line of the plain-text form. */
static const char text_magic[] = "# newsbrief script";

/* Story numbers a mark may give. */
#define MAX_STORY 99999u

const char *nb_segment_kind_name(enum nb_segment_kind kind)
{
    return (size_t)kind < NKINDS ? kind_names[kind] : "unknown";
}

int nb_segment_kind_parse(const char *name, enum nb_segment_kind *kind)
{
    for (size_t i = 0; i < NKINDS; i++) {
        if (strcmp(name, kind_names[i]) == 0) {
            *kind = (enum nb_segment_kind)i;
            return 0;
        }
    }
    return -1;
}

void nb_script_init(struct nb_script *s)
{
    s->title = NULL;
    s->date = NULL;
    s->segments = NULL;
    s->n = 0;
    s->alloc = 0;
}

static void segment_release(struct nb_segment *seg)
{
    free(seg->voice);
    free(seg->text);
    free(seg->spoken);
}

void nb_script_release(struct nb_script *s)
{
    for (size_t i = 0; i < s->n; i++)
        segment_release(&s->segments[i]);
    free(s->segments);
    free(s->title);
    free(s->date);
    nb_script_init(s);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* A voice name must survive the plain-text form: one word inside the mark. */
static int voice_ok(const char *voice)
{
    if (!voice || !*voice)
        return 0;
    for (const char *p = voice; *p; p++)
        if (is_space((unsigned char)*p) || *p == '[' || *p == ']')
            return 0;
    return 1;
}

static int has_words(const char *text)
{
    for (; *text; text++)
        if (!is_space((unsigned char)*text))
            return 1;
    return 0;
}

nb_status nb_script_add(struct nb_script *s, enum nb_segment_kind kind, unsigned story,
                        const char *voice, const char *text, const char *spoken,
                        const char *language, struct nb_error *err)
{
    if ((size_t)kind >= NKINDS)
        return nb_error_set(err, NB_EINTERNAL, "unknown segment kind %d", (int)kind);
    if (!voice_ok(voice))
        return nb_error_set(err, NB_EINPUT,
                            "voice name '%s' cannot be used in a script (it must be one word "
                            "without brackets)",
                            voice ? voice : "");
    if (!text || !has_words(text))
        return nb_error_set(err, NB_EINPUT, "%s segment has no text", kind_names[kind]);
    if (s->n == s->alloc) {
        size_t n = s->alloc ? s->alloc * 2 : 16;
        struct nb_segment *p = realloc(s->segments, n * sizeof(*p));
        if (!p)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        s->segments = p;
        s->alloc = n;
    }
    struct nb_segment seg = {.kind = kind, .story = story};
    seg.voice = nb_strdup(voice);
    seg.text = nb_strdup(text);
    if (spoken) {
        seg.spoken = nb_strdup(spoken);
    } else {
        struct nb_buf b;
        nb_buf_init(&b, 0);
        nb_status rc = nb_normalise(text, strlen(text), language, &b, err);
        if (rc != NB_OK) {
            nb_buf_release(&b);
            segment_release(&seg);
            return rc;
        }
        seg.spoken = nb_buf_detach(&b, NULL);
    }
    if (!seg.voice || !seg.text || !seg.spoken) {
        segment_release(&seg);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    s->segments[s->n++] = seg;
    return NB_OK;
}

/* ---- building -------------------------------------------------------- */

/* Words a title may start with that already do the job of "the". */
static const char *const title_determiners[] = {
    "the", "a", "an", "your", "our", "my", "this",
};

static int starts_with_word(const char *s, const char *word)
{
    size_t i = 0;
    for (; word[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        if (c != (unsigned char)word[i])
            return 0;
    }
    return s[i] == ' ';
}

/* "the Morning Briefing", "The World Tonight", "your Daily Digest" or,
 * without a title, "the news": the name as it sits in a sentence. */
static int add_programme(struct nb_buf *out, const char *title)
{
    size_t mark = out->len;
    if (title && nb_text_collapse_space(title, strlen(title), out) < 0)
        return -1;
    /* "Morning Briefing." would end the intro's sentence too early */
    size_t n = out->len;
    while (n > mark && strchr(".,;:!?", out->data[n - 1]))
        n--;
    nb_buf_truncate(out, n);
    if (out->len == mark)
        return nb_buf_adds(out, "the news");
    const char *name = out->data + mark;
    for (size_t i = 0; i < sizeof(title_determiners) / sizeof(title_determiners[0]); i++)
        if (starts_with_word(name, title_determiners[i]))
            return 0;
    char *copy = nb_strdup(name);
    if (!copy)
        return -1;
    nb_buf_truncate(out, mark);
    int rc = nb_buf_adds(out, "the ") < 0 || nb_buf_adds(out, copy) < 0 ? -1 : 0;
    free(copy);
    return rc;
}

/* "Hello. This is the Morning Briefing for Saturday the 28th of November." */
static int intro_text(const struct nb_script_input *in, struct nb_buf *out)
{
    int named = in->title && has_words(in->title);
    if (nb_buf_adds(out, named ? "Hello. This is " : "Hello. Here is ") < 0 ||
        add_programme(out, in->title) < 0 || nb_buf_adds(out, " for ") < 0 ||
        nb_date_spoken(in->year, in->month, in->day, in->language, out) < 0)
        return -1;
    return nb_buf_addc(out, '.');
}

/* "That's the Morning Briefing for Saturday the 28th of November. Thanks
 * for listening." */
static int outro_text(const struct nb_script_input *in, struct nb_buf *out)
{
    if (nb_buf_adds(out, "That's ") < 0 || add_programme(out, in->title) < 0 ||
        nb_buf_adds(out, " for ") < 0 ||
        nb_date_spoken(in->year, in->month, in->day, in->language, out) < 0)
        return -1;
    return nb_buf_adds(out, ". Thanks for listening.");
}

/* The lead sentences joined with a space; an empty buffer when the lead
 * says nothing.  -1 when out of memory, -2 when the summary is broken. */
static int story_text(const struct nb_summary *sum, struct nb_buf *out)
{
    const struct nb_article *a = sum->article;
    if (sum->nlead && !a)
        return -2;
    for (size_t i = 0; i < sum->nlead; i++) {
        if (sum->lead[i] >= a->sentences.n)
            return -2;
        const char *sentence = a->sentences.v[sum->lead[i]];
        size_t mark = out->len;
        if (out->len && nb_buf_addc(out, ' ') < 0)
            return -1;
        size_t before = out->len;
        if (nb_text_collapse_space(sentence, strlen(sentence), out) < 0)
            return -1;
        if (out->len == before)
            nb_buf_truncate(out, mark);
    }
    return 0;
}

static nb_status add_built(struct nb_script *s, const struct nb_script_input *in,
                           enum nb_segment_kind kind, unsigned story, struct nb_buf *text,
                           struct nb_error *err)
{
    nb_status rc = nb_script_add(s, kind, story, in->voice, text->data, NULL, in->language, err);
    nb_buf_reset(text);
    return rc;
}

static nb_status build(struct nb_script *s, const struct nb_script_input *in, struct nb_buf *text,
                       struct nb_error *err)
{
    if (!nb_date_valid(in->year, in->month, in->day))
        return nb_error_set(err, NB_EINPUT, "bulletin date %04d-%02d-%02d is not a real date",
                            in->year, in->month, in->day);
    if (!voice_ok(in->voice))
        return nb_error_set(err, NB_EINPUT,
                            "voice name '%s' cannot be used in a script (it must be one word "
                            "without brackets)",
                            in->voice ? in->voice : "");
    if (in->nstories && !in->stories)
        return nb_error_set(err, NB_EINTERNAL, "script input has stories but no summaries");

    /* Which stories have something to read, to know which one is last. */
    size_t nread = 0;
    for (size_t i = 0; i < in->nstories; i++) {
        int rc = story_text(&in->stories[i], text);
        if (rc == -1)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        if (rc == -2)
            return nb_error_set(err, NB_EINTERNAL, "story %zu: lead sentence out of range", i + 1);
        nread += text->len > 0;
        nb_buf_reset(text);
    }
    if (!nread)
        return nb_error_set(err, NB_EINPUT, "no story to read: every article's lead is empty");

    if (in->title && nb_text_collapse_space(in->title, strlen(in->title), text) < 0)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if (text->len && !(s->title = nb_buf_detach(text, NULL)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_buf_reset(text);
    if (nb_buf_addf(text, "%04d-%02d-%02d", in->year, in->month, in->day) < 0 ||
        !(s->date = nb_buf_detach(text, NULL)))
        return nb_error_set(err, NB_ENOMEM, "out of memory");

    nb_status rc;
    if (intro_text(in, text) < 0)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    if ((rc = add_built(s, in, NB_SEG_INTRO, 0, text, err)) != NB_OK)
        return rc;

    struct nb_transition_picker picker;
    nb_transition_picker_init(&picker, in->title, in->year, in->month, in->day);
    unsigned story = 0;
    for (size_t i = 0; i < in->nstories; i++) {
        if (story_text(&in->stories[i], text) < 0)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
        if (!text->len)
            continue; /* nothing to read: skipped, and not counted */
        story++;
        struct nb_buf lead = *text; /* keep the story while the transition is written */
        nb_buf_init(text, 0);
        enum nb_transition_place place = nb_transition_place_of(story - 1, nread);
        size_t pick = nb_transition_pick(&picker, place);
        if (nb_transition_write(place, pick, in->stories[i].article->headline, text) < 0)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
        else
            rc = add_built(s, in, NB_SEG_TRANSITION, story, text, err);
        if (rc == NB_OK)
            rc = add_built(s, in, NB_SEG_STORY, story, &lead, err);
        nb_buf_release(&lead);
        if (rc != NB_OK)
            return rc;
    }

    if (outro_text(in, text) < 0)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return add_built(s, in, NB_SEG_OUTRO, 0, text, err);
}

nb_status nb_script_build(struct nb_script *s, const struct nb_script_input *in,
                          struct nb_error *err)
{
    struct nb_buf text;
    nb_buf_init(&text, 0);
    nb_status rc = build(s, in, &text, err);
    nb_buf_release(&text);
    if (rc != NB_OK)
        nb_script_release(s);
    return rc;
}

/* ---- the plain-text form -------------------------------------------- */

int nb_script_write_text(const struct nb_script *s, struct nb_buf *out)
{
    size_t mark = out->len;
    if (nb_buf_adds(out, text_magic) < 0 || nb_buf_addc(out, '\n') < 0)
        goto fail;
    if (s->title && has_words(s->title)) {
        if (nb_buf_adds(out, "# title: ") < 0 ||
            nb_text_collapse_space(s->title, strlen(s->title), out) < 0 ||
            nb_buf_addc(out, '\n') < 0)
            goto fail;
    }
    if (s->date &&
        (nb_buf_adds(out, "# date: ") < 0 ||
         nb_text_collapse_space(s->date, strlen(s->date), out) < 0 || nb_buf_addc(out, '\n') < 0))
        goto fail;
    for (size_t i = 0; i < s->n; i++) {
        const struct nb_segment *seg = &s->segments[i];
        if (nb_buf_addf(out, "\n[%s", nb_segment_kind_name(seg->kind)) < 0 ||
            (seg->story && nb_buf_addf(out, " story=%u", seg->story) < 0) ||
            nb_buf_addf(out, " voice=%s]\n", seg->voice) < 0)
            goto fail;
        size_t start = out->len;
        if (nb_text_collapse_space(seg->text, strlen(seg->text), out) < 0)
            goto fail;
        /* text that would read as a mark, a comment or an escape */
        const char *t = out->data + start;
        if (out->len > start &&
            (t[0] == '[' || t[0] == '#' || (t[0] == '\\' && t[1] && strchr("[#\\", t[1])))) {
            if (nb_buf_addc(out, '\\') < 0)
                goto fail;
            memmove(out->data + start + 1, out->data + start, out->len - start - 1);
            out->data[start] = '\\';
        }
        if (nb_buf_addc(out, '\n') < 0)
            goto fail;
    }
    return 0;
fail:
    nb_buf_truncate(out, mark);
    return -1;
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
    return len == n || is_space((unsigned char)text[n]);
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
    char msg[NB_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return nb_error_set_at(ps->err, NB_EINPUT, ps->name, ps->line, column_of(ps, p), "%s", msg);
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
                               kind_names[ps->kind]);
    struct nb_buf text;
    nb_buf_init(&text, 0);
    nb_status rc = NB_OK;
    if (nb_text_collapse_space(ps->text.data, ps->text.len, &text) < 0)
        rc = nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    else
        rc = nb_script_add(ps->s, ps->kind, ps->story, ps->voice, text.data, NULL, ps->language,
                           ps->err);
    nb_buf_release(&text);
    nb_buf_reset(&ps->text);
    free(ps->voice);
    ps->voice = NULL;
    return rc;
}

/* One whitespace-separated word of a mark: [p, end). */
static const char *word_end(const char *p, const char *end)
{
    while (p < end && !is_space((unsigned char)*p))
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
    while (p < close && is_space((unsigned char)*p))
        p++;
    const char *w = word_end(p, close);
    if (w == p)
        return fail_at(ps, open, "empty segment mark (expected [kind voice=NAME])");
    char *kind = nb_strndup(p, (size_t)(w - p));
    if (!kind)
        return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    if (nb_segment_kind_parse(kind, &ps->kind) < 0) {
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
        while (p < close && is_space((unsigned char)*p))
            p++;
        if (p == close)
            break;
        w = word_end(p, close);
        const char *eq = memchr(p, '=', (size_t)(w - p));
        size_t klen = eq ? (size_t)(eq - p) : 0;
        if (eq && klen == 5 && memcmp(p, "story", 5) == 0) {
            if (have_story++)
                return fail_at(ps, p, "story= given twice");
            if ((rc = parse_story(ps, eq + 1, w, p)) != NB_OK)
                return rc;
        } else if (eq && klen == 5 && memcmp(p, "voice", 5) == 0) {
            if (ps->voice)
                return fail_at(ps, p, "voice= given twice");
            if (eq + 1 == w || memchr(eq + 1, '[', (size_t)(w - eq - 1)))
                return fail_at(ps, p, "bad voice name (expected voice=NAME)");
            if (!(ps->voice = nb_strndup(eq + 1, (size_t)(w - eq - 1))))
                return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
        } else {
            char *bad = nb_strndup(p, (size_t)(w - p));
            rc = bad ? fail_at(ps, p,
                               "unknown attribute '%s' in segment mark (expected story=N or "
                               "voice=NAME)",
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

/* "# title: ..." and "# date: ..." before the first mark; other lines
 * starting with '#' are comments. */
static nb_status parse_comment(struct parser *ps, const char *p, const char *end)
{
    if (ps->s->n || ps->open)
        return NB_OK;
    const char *q = p + 1;
    while (q < end && is_space((unsigned char)*q))
        q++;
    int title = (size_t)(end - q) >= 6 && memcmp(q, "title:", 6) == 0;
    int date = (size_t)(end - q) >= 5 && memcmp(q, "date:", 5) == 0;
    if (!title && !date)
        return NB_OK;
    q += title ? 6 : 5;
    while (q < end && is_space((unsigned char)*q))
        q++;
    char **slot = title ? &ps->s->title : &ps->s->date;
    struct nb_buf v;
    nb_buf_init(&v, 0);
    if (nb_text_collapse_space(q, (size_t)(end - q), &v) < 0) {
        nb_buf_release(&v);
        return nb_error_set(ps->err, NB_ENOMEM, "out of memory");
    }
    int y, m, d;
    if (date && nb_date_parse_iso(v.data, &y, &m, &d) < 0) {
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
    if ((ps->text.len && nb_buf_addc(&ps->text, ' ') < 0) ||
        nb_buf_add(&ps->text, p, (size_t)(end - p)) < 0)
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
    while (p < end && is_space((unsigned char)*p))
        p++;
    while (end > p && is_space((unsigned char)end[-1]))
        end--;
    if (p == end)
        return NB_OK;
    if (*p == '#')
        return parse_comment(ps, p, end);
    if (*p == '[' && end[-1] == ']' && end - p >= 2)
        return parse_mark(ps, p, end);
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
    nb_buf_release(&ps.text);
    if (rc != NB_OK)
        nb_script_release(s);
    return rc;
}
