/* markdown.c - the Markdown article reader.
 *
 * Optional YAML front matter ("---" ... "---": title, byline, date, source,
 * language; other keys are ignored), then Markdown.  The reader keeps what
 * a listener should hear: the text of links and emphasis, block quotes as
 * their text, list items and headings as paragraphs of their own.  Images
 * and code blocks go to `removed`; comments, rules and link definitions
 * are dropped.  Like every reader it hands raw paragraphs (line breaks
 * kept) to nb_article_finish().
 */
#include "article/article.h"
#include "article/reader.h"

#include "text/buf.h"
#include "text/chars.h"
#include "text/sentences.h"
#include "text/utf8.h"
#include "text/yaml_doc.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/* The ASCII punctuation a backslash may escape. */
static const char md_punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

#define INLINE_DEPTH 4     /* links inside links... */
#define BRACKET_SCAN 2000  /* bytes searched for a closing bracket */

struct md {
    struct nb_article *a;
    struct nb_buf para;    /* paragraph being built */
    struct nb_buf code;    /* fenced code block being skipped */
    struct nb_buf line;    /* one line, inline syntax stripped */
    char fence;            /* '`' or '~' inside a fenced block, else 0 */
    size_t fence_len;
    int in_comment;        /* inside a multi-line <!-- --> */
    int want_headline;     /* the first "# heading" is the headline */
    size_t para_lines;     /* lines in `para` */
    struct nb_error *err;
};

static nb_status oom(struct nb_error *err)
{
    return nb_error_set(err, NB_ENOMEM, "out of memory");
}

/* ---- inline syntax --------------------------------------------------- */

static int is_ws(char c)
{
    return c == ' ' || c == '\t';
}

/* Index of the bracket closing the one at s[open], or 0 when none. */
static size_t match_bracket(const char *s, size_t len, size_t open, char o, char c)
{
    int depth = 0;
    for (size_t i = open; i < len && i - open < BRACKET_SCAN; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] == o)
            depth++;
        else if (s[i] == c && --depth == 0)
            return i;
    }
    return 0;
}

static nb_status strip_inline(struct md *m, const char *s, size_t len, struct nb_buf *out,
                              int depth);

/* s[i] is '[' (or '!' before '['): a link or image.  Returns the bytes it
 * takes, or 0 when it is not one. */
static size_t link_at(struct md *m, const char *s, size_t len, size_t i, struct nb_buf *out,
                      int depth, int *fail)
{
    int image = s[i] == '!';
    size_t open = i + (size_t)image;
    size_t close = match_bracket(s, len, open, '[', ']');
    if (!close || close + 1 >= len || (s[close + 1] != '(' && s[close + 1] != '['))
        return 0;
    size_t end = s[close + 1] == '(' ? match_bracket(s, len, close + 1, '(', ')')
                                     : match_bracket(s, len, close + 1, '[', ']');
    if (!end)
        return 0;
    if (image) {
        /* the alt text (or the address) is kept out of the story */
        struct nb_buf alt;
        nb_buf_init(&alt, 0);
        const char *what = s + open + 1;
        size_t wlen = close - open - 1;
        if (!wlen) {
            what = s + close + 2;
            wlen = end - close - 2;
        }
        if (nb_buf_adds(&alt, "image: ") != NB_OK ||
            nb_text_collapse_space(what, wlen, &alt) != NB_OK ||
            nb_strv_push(&m->a->removed, alt.data, alt.len) != NB_OK)
            *fail = 1;
        nb_buf_release(&alt);
        return end + 1 - i;
    }
    if (strip_inline(m, s + open + 1, close - open - 1, out, depth + 1) != NB_OK)
        *fail = 1;
    return end + 1 - i;
}

/* Where the last "-->" of s[0..len) starts, or len when there is none. */
static size_t last_comment_close(const char *s, size_t len)
{
    for (size_t j = len; j >= 3; j--)
        if (memcmp(s + j - 3, "-->", 3) == 0)
            return j - 3;
    return len;
}

/* Length of an inline HTML tag or comment at s[i] ('<'), or 0.  *close
 * caches last_comment_close() (SIZE_MAX: not known yet), so that many
 * unclosed "<!--" in one line cost one scan, not one each. */
static size_t tag_at(const char *s, size_t len, size_t i, size_t *close)
{
    if (i + 3 < len && memcmp(s + i, "<!--", 4) == 0) {
        if (*close == SIZE_MAX)
            *close = last_comment_close(s, len);
        if (*close == len || *close < i + 4)
            return 0;
        for (size_t j = i + 4; j + 2 < len; j++)
            if (memcmp(s + j, "-->", 3) == 0)
                return j + 3 - i;
        return 0;
    }
    size_t j = i + 1;
    if (j < len && s[j] == '/')
        j++;
    if (j >= len || !nb_ascii_is_alpha((unsigned char)s[j]))
        return 0;
    while (j < len && j - i < 300 && s[j] != '>' && s[j] != '<' && s[j] != '\n')
        j++;
    return j < len && s[j] == '>' ? j + 1 - i : 0;
}

/* "<https://example.org>": the address without its brackets; 0 if none. */
static size_t autolink_at(const char *s, size_t len, size_t i, size_t *inner)
{
    size_t j = i + 1;
    while (j < len && j - i < 500 && s[j] != '>' && s[j] != ' ' && s[j] != '<')
        j++;
    if (j >= len || s[j] != '>')
        return 0;
    const char *u = s + i + 1;
    size_t ulen = j - i - 1;
    if ((ulen > 7 && memcmp(u, "http://", 7) == 0) || (ulen > 8 && memcmp(u, "https://", 8) == 0) ||
        (ulen > 3 && memchr(u, '@', ulen) && memchr(u, '.', ulen))) {
        *inner = ulen;
        return j + 1 - i;
    }
    return 0;
}

/* Whether a run of `c` (*, _ or ~) from s[i] of length n is emphasis: it
 * touches a word on one side (for _ not inside a word: snake_case stays). */
static int emphasis_run(const char *s, size_t len, size_t i, size_t n, char c)
{
    unsigned char before = i ? (unsigned char)s[i - 1] : ' ';
    unsigned char after = i + n < len ? (unsigned char)s[i + n] : ' ';
    int left = !is_ws((char)after) && i + n < len;
    int right = !is_ws((char)before) && i > 0;
    if (c == '~' && n < 2)
        return 0;
    if (c == '_') {
        int alnum_before = before < 0x80 ? nb_ascii_is_alnum(before) : 1;
        int alnum_after = after < 0x80 ? nb_ascii_is_alnum(after) : 1;
        return (left && !alnum_before) || (right && !alnum_after);
    }
    return left || right;
}

static nb_status strip_inline(struct md *m, const char *s, size_t len, struct nb_buf *out,
                              int depth)
{
    size_t comment_close = SIZE_MAX;
    for (size_t i = 0; i < len;) {
        char c = s[i];
        /* a backslash escapes ASCII punctuation (CommonMark) */
        if (c == '\\' && i + 1 < len && s[i + 1] && strchr(md_punct, s[i + 1])) {
            if (nb_buf_addc(out, s[i + 1]) != NB_OK)
                return NB_ENOMEM;
            i += 2;
            continue;
        }
        if (c == '`') {
            size_t n = 0;
            while (i + n < len && s[i + n] == '`')
                n++;
            /* find the same run closing the span */
            size_t j = i + n, close = 0;
            while (j + n <= len && !close) {
                if (s[j] == '`') {
                    size_t r = 0;
                    while (j + r < len && s[j + r] == '`')
                        r++;
                    if (r == n)
                        close = j;
                    j += r;
                } else {
                    j++;
                }
            }
            if (close) {
                size_t a = i + n, b = close;
                while (a < b && s[a] == ' ')
                    a++;
                while (b > a && s[b - 1] == ' ')
                    b--;
                if (nb_buf_add(out, s + a, b - a) != NB_OK)
                    return NB_ENOMEM;
                i = close + n;
            } else {
                if (nb_buf_add(out, s + i, n) != NB_OK)
                    return NB_ENOMEM;
                i += n;
            }
            continue;
        }
        if ((c == '[' || (c == '!' && i + 1 < len && s[i + 1] == '[')) && depth < INLINE_DEPTH) {
            int fail = 0;
            size_t n = link_at(m, s, len, i, out, depth, &fail);
            if (fail)
                return NB_ENOMEM;
            if (n) {
                i += n;
                continue;
            }
        }
        if (c == '<') {
            size_t inner = 0, n = autolink_at(s, len, i, &inner);
            if (n) {
                if (nb_buf_add(out, s + i + 1, inner) != NB_OK)
                    return NB_ENOMEM;
                i += n;
                continue;
            }
            n = tag_at(s, len, i, &comment_close);
            if (n) {
                i += n;
                continue;
            }
        }
        if (c == '*' || c == '_' || c == '~') {
            size_t n = 0;
            while (i + n < len && s[i + n] == c)
                n++;
            if (!emphasis_run(s, len, i, n, c) && nb_buf_add(out, s + i, n) != NB_OK)
                return NB_ENOMEM;
            i += n;
            continue;
        }
        if (nb_buf_addc(out, c) != NB_OK)
            return NB_ENOMEM;
        i++;
    }
    return NB_OK;
}

/* ---- blocks -------------------------------------------------------------- */

static nb_status end_paragraph(struct md *m)
{
    nb_status rc = NB_OK;
    if (m->para.len && nb_strv_push(&m->a->paragraphs, m->para.data, m->para.len) != NB_OK)
        rc = oom(m->err);
    nb_buf_reset(&m->para);
    m->para_lines = 0;
    return rc;
}

/* Adds one line of text (inline syntax still in it) to the paragraph. */
static nb_status add_text(struct md *m, const char *s, size_t len)
{
    nb_buf_reset(&m->line);
    if (strip_inline(m, s, len, &m->line, 0) != NB_OK)
        return oom(m->err);
    nb_buf_rtrim(&m->line);
    size_t a = 0;
    while (a < m->line.len && is_ws(m->line.data[a]))
        a++;
    if (a == m->line.len)
        return NB_OK;
    if ((m->para.len && nb_buf_addc(&m->para, '\n') != NB_OK) ||
        nb_buf_add(&m->para, m->line.data + a, m->line.len - a) != NB_OK)
        return oom(m->err);
    m->para_lines++;
    return NB_OK;
}

/* A line of three or more -, * or _ (spaces allowed): a rule. */
static int is_rule(const char *s, size_t len, char *which)
{
    size_t n = 0;
    char c = 0;
    for (size_t i = 0; i < len; i++) {
        if (is_ws(s[i]))
            continue;
        if (s[i] != '-' && s[i] != '*' && s[i] != '_')
            return 0;
        if (c && s[i] != c)
            return 0;
        c = s[i];
        n++;
    }
    *which = c;
    return n >= 3;
}

/* "# Heading #": level 1..6 and the text, or 0. */
static int heading(const char *s, size_t len, const char **text, size_t *tlen)
{
    size_t n = 0;
    while (n < len && s[n] == '#')
        n++;
    if (n == 0 || n > 6 || (n < len && !is_ws(s[n])))
        return 0;
    size_t a = n, b = len;
    while (a < b && is_ws(s[a]))
        a++;
    while (b > a && is_ws(s[b - 1]))
        b--;
    size_t c = b;
    while (c > a && s[c - 1] == '#')
        c--;
    if (c < b && (c == a || is_ws(s[c - 1])))
        b = c;
    while (b > a && is_ws(s[b - 1]))
        b--;
    *text = s + a;
    *tlen = b - a;
    return (int)n;
}

/* Length of a list marker ("- ", "* ", "+ ", "12. ", "3) ") at s, or 0. */
static size_t list_marker(const char *s, size_t len)
{
    if (len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && is_ws(s[1]))
        return 2;
    size_t d = 0;
    while (d < len && d < 9 && nb_ascii_is_digit((unsigned char)s[d]))
        d++;
    if (d && d + 1 < len && (s[d] == '.' || s[d] == ')') && is_ws(s[d + 1]))
        return d + 2;
    return 0;
}

/* "[id]: https://..." */
static int link_definition(const char *s, size_t len)
{
    if (!len || s[0] != '[')
        return 0;
    const char *close = memchr(s, ']', len);
    return close && (size_t)(close - s) + 1 < len && close[1] == ':' && close > s + 1 &&
           s[1] != '^';
}

static nb_status set_headline(struct md *m, const char *s, size_t len)
{
    struct nb_buf h;
    nb_buf_init(&h, 0);
    nb_buf_reset(&m->line);
    if (strip_inline(m, s, len, &m->line, 0) != NB_OK ||
        nb_text_collapse_space(m->line.data, m->line.len, &h) != NB_OK)
        return oom(m->err);
    if (!h.len) {
        nb_buf_release(&h);
        return NB_OK;
    }
    m->a->headline = nb_buf_detach(&h, NULL);
    m->want_headline = 0;
    return m->a->headline ? NB_OK : oom(m->err);
}

/* Inside a fenced code block: the block goes to `removed` when it ends. */
static nb_status code_line(struct md *m, const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] == m->fence)
        n++;
    if (n >= m->fence_len) {
        size_t i = n;
        while (i < len && is_ws(s[i]))
            i++;
        if (i == len) {
            m->fence = 0;
            struct nb_buf c;
            nb_buf_init(&c, 0);
            nb_status rc = NB_OK;
            if (nb_buf_adds(&c, "code: ") != NB_OK ||
                nb_text_collapse_space(m->code.data, m->code.len, &c) != NB_OK ||
                (m->code.len && nb_strv_push(&m->a->removed, c.data, c.len) != NB_OK))
                rc = oom(m->err);
            nb_buf_release(&c);
            nb_buf_reset(&m->code);
            return rc;
        }
    }
    if (nb_buf_add(&m->code, s, len) != NB_OK || nb_buf_addc(&m->code, '\n') != NB_OK)
        return oom(m->err);
    return NB_OK;
}

/* Drops "<!-- ... -->" spanning lines; returns the bytes of the line left
 * after a comment that closes on it (the whole line inside one). */
static size_t comment_skip(struct md *m, const char *s, size_t len)
{
    for (size_t j = 0; j + 2 < len; j++)
        if (memcmp(s + j, "-->", 3) == 0) {
            m->in_comment = 0;
            return j + 3;
        }
    return len;
}

static nb_status block_line(struct md *m, const char *s, size_t len)
{
    if (m->fence)
        return code_line(m, s, len);
    size_t skip = 0;
    if (m->in_comment) {
        skip = comment_skip(m, s, len);
        s += skip;
        len -= skip;
        if (m->in_comment || !len)
            return NB_OK;
    }
    size_t ind = 0;
    while (ind < len && is_ws(s[ind]))
        ind++;
    const char *t = s + ind;
    size_t tlen = len - ind;
    /* block quotes: the quoted text, nested or not */
    while (tlen && t[0] == '>') {
        t++, tlen--;
        if (tlen && is_ws(t[0]))
            t++, tlen--;
    }
    while (tlen && is_ws(t[tlen - 1]))
        tlen--;
    if (!tlen)
        return end_paragraph(m);
    /* a comment opened here and not closed on this line */
    size_t close = SIZE_MAX;
    if (tlen >= 4 && memcmp(t, "<!--", 4) == 0 && !tag_at(t, tlen, 0, &close)) {
        m->in_comment = 1;
        return end_paragraph(m);
    }
    if ((tlen >= 3 && (memcmp(t, "```", 3) == 0 || memcmp(t, "~~~", 3) == 0))) {
        m->fence = t[0];
        m->fence_len = 0;
        while (m->fence_len < tlen && t[m->fence_len] == m->fence)
            m->fence_len++;
        return end_paragraph(m);
    }
    /* "Title\n---" or "Title\n===" underlines a heading: its own paragraph,
     * the headline when none was given */
    char rule = 0; /* set when is_rule() finds one */
    int dashes = is_rule(t, tlen, &rule);
    int equals = !dashes && tlen >= 3 && m->para_lines >= 1 && strspn(t, "=") == tlen;
    if (dashes || equals) {
        if ((equals || rule == '-') && m->para_lines == 1 && m->want_headline) {
            char *h = nb_buf_detach(&m->para, NULL);
            m->para_lines = 0;
            if (!h)
                return oom(m->err);
            m->a->headline = h;
            m->want_headline = 0;
            return NB_OK;
        }
        return end_paragraph(m);
    }
    const char *h;
    size_t hlen;
    int level = heading(t, tlen, &h, &hlen);
    if (level) {
        nb_status rc = end_paragraph(m);
        if (rc == NB_OK && m->want_headline && level == 1)
            return set_headline(m, h, hlen);
        if (rc == NB_OK)
            rc = add_text(m, h, hlen);
        return rc == NB_OK ? end_paragraph(m) : rc;
    }
    if (link_definition(t, tlen))
        return NB_OK;
    size_t mk = list_marker(t, tlen);
    if (mk) {
        nb_status rc = end_paragraph(m);
        return rc == NB_OK ? add_text(m, t + mk, tlen - mk) : rc;
    }
    return add_text(m, t, tlen);
}

/* ---- front matter ------------------------------------------------------ */

static int fence_line(const char *s, size_t len, const char *mark)
{
    size_t n = strlen(mark);
    if (len < n || memcmp(s, mark, n) != 0)
        return 0;
    for (size_t i = n; i < len; i++)
        if (!is_ws(s[i]))
            return 0;
    return 1;
}

static nb_status take_string(struct nb_yaml_doc *doc, const struct nb_yaml_node *map,
                             const char *key, char **slot, struct nb_error *err)
{
    const struct nb_yaml_node *v = nb_yaml_get(map, key);
    if (!v || nb_yaml_is_null(v))
        return NB_OK;
    char *raw = NULL;
    nb_status rc = nb_yaml_string(doc, v, key, &raw, err);
    if (rc != NB_OK)
        return rc;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_text_collapse_space(raw, strlen(raw), &b) != NB_OK) {
        free(raw);
        return oom(err);
    }
    free(raw);
    if (!b.len)
        return NB_OK;
    if (!(*slot = nb_buf_detach(&b, NULL)))
        return oom(err);
    return NB_OK;
}

/* Reads front matter at the start of text, if any; *body is where the
 * Markdown starts.  Lines in errors count from the top of the file. */
static nb_status front_matter(struct nb_article *a, const char *text, size_t len,
                              const char *name, size_t *body, struct nb_error *err)
{
    *body = 0;
    const char *nl = memchr(text, '\n', len);
    size_t first = nl ? (size_t)(nl - text) : len;
    if (!fence_line(text, first, "---"))
        return NB_OK;
    for (size_t pos = first + 1; pos < len;) {
        const char *e = memchr(text + pos, '\n', len - pos);
        size_t end = e ? (size_t)(e - text) : len;
        if (fence_line(text + pos, end - pos, "---") || fence_line(text + pos, end - pos, "...")) {
            struct nb_yaml_doc doc;
            nb_status rc = nb_yaml_doc_parse(&doc, name, text, pos, err);
            const struct nb_yaml_node *root = doc.root;
            if (rc == NB_OK && root && root->kind != NB_YAML_MAPPING)
                rc = nb_yaml_error(&doc, root, err,
                                   "front matter must be keys and values such as 'title: ...'");
            if (rc == NB_OK)
                rc = take_string(&doc, root, "title", &a->headline, err);
            if (rc == NB_OK)
                rc = take_string(&doc, root, "byline", &a->byline, err);
            if (rc == NB_OK)
                rc = take_string(&doc, root, "date", &a->date, err);
            if (rc == NB_OK)
                rc = take_string(&doc, root, "source", &a->publication, err);
            if (rc == NB_OK)
                rc = take_string(&doc, root, "language", &a->language, err);
            nb_yaml_doc_release(&doc);
            *body = end < len ? end + 1 : len;
            return rc;
        }
        pos = end + 1;
    }
    return nb_error_set_at(err, NB_EINPUT, name, 1, 1,
                           "front matter opened with '---' is never closed "
                           "(end it with a line '---')");
}

/* ---- header lines ---------------------------------------------------- */

/* Leading paragraphs made only of byline and date lines ("*By Priya
 * Natarajan*", "Published 4 Feb 2025") fill byline and date. */
static nb_status take_header_paragraphs(struct nb_article *a, struct nb_error *err)
{
    size_t taken = 0;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    for (; taken < a->paragraphs.n; taken++) {
        const char *p = a->paragraphs.v[taken];
        int all = 1;
        for (const char *l = p; all && *l;) {
            const char *e = strchr(l, '\n');
            size_t n = e ? (size_t)(e - l) : strlen(l);
            all = nb_article_is_byline(l, n) || nb_article_is_date_stamp(l, n);
            l += n + (e != NULL);
        }
        if (!all)
            break;
        for (const char *l = p; *l;) {
            const char *e = strchr(l, '\n');
            size_t n = e ? (size_t)(e - l) : strlen(l);
            char **slot = nb_article_is_byline(l, n) ? &a->byline : &a->date;
            struct nb_strv *sink = NULL;
            nb_buf_reset(&b);
            if (nb_text_collapse_space(l, n, &b) != NB_OK)
                goto fail;
            if (*slot)
                sink = &a->removed;
            if (sink ? nb_strv_push(sink, b.data, b.len) != NB_OK : !(*slot = nb_strdup(b.data)))
                goto fail;
            l += n + (e != NULL);
        }
    }
    nb_buf_release(&b);
    if (taken) {
        for (size_t i = 0; i < taken; i++)
            free(a->paragraphs.v[i]);
        memmove(a->paragraphs.v, a->paragraphs.v + taken,
                (a->paragraphs.n - taken + 1) * sizeof(char *));
        a->paragraphs.n -= taken;
    }
    return NB_OK;
fail:
    nb_buf_release(&b);
    return oom(err);
}

/* ---- the reader ---------------------------------------------------------- */

static nb_status parse_body(struct nb_article *a, const char *text, size_t len,
                            struct nb_error *err)
{
    int want_headline_from_body = a->headline == NULL;
    struct md m = {.a = a, .want_headline = want_headline_from_body, .err = err};
    nb_buf_init(&m.para, 0);
    nb_buf_init(&m.code, 0);
    nb_buf_init(&m.line, 0);
    nb_status rc = NB_OK;
    for (size_t pos = 0; rc == NB_OK && pos < len;) {
        const char *e = memchr(text + pos, '\n', len - pos);
        size_t end = e ? (size_t)(e - text) : len;
        rc = block_line(&m, text + pos, end - pos);
        pos = end + 1;
    }
    if (rc == NB_OK && m.fence && m.code.len) {
        /* an unclosed fence: its lines are still code */
        m.fence_len = 0;
        rc = code_line(&m, "", 0);
    }
    if (rc == NB_OK)
        rc = end_paragraph(&m);
    nb_buf_release(&m.para);
    nb_buf_release(&m.code);
    nb_buf_release(&m.line);
    if (rc != NB_OK)
        return rc;
    if (!a->headline) {
        /* no title and no "# heading": the first line, as in plain text */
        if (a->paragraphs.n == 0)
            return nb_error_set(err, NB_EINPUT,
                                "the file is empty: an article needs a headline "
                                "('title:' in front matter or a '# heading')");
        char *p = a->paragraphs.v[0];
        char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (!(a->headline = nb_strndup(p, n)))
            return oom(err);
        if (nl) {
            memmove(p, nl + 1, strlen(nl + 1) + 1);
        } else {
            free(p);
            memmove(a->paragraphs.v, a->paragraphs.v + 1, a->paragraphs.n * sizeof(char *));
            a->paragraphs.n--;
        }
    } else if (a->paragraphs.n) {
        /* a body that repeats the front-matter title as its first line */
        char *p = a->paragraphs.v[0];
        if (strcmp(p, a->headline) == 0) {
            free(p);
            memmove(a->paragraphs.v, a->paragraphs.v + 1, a->paragraphs.n * sizeof(char *));
            a->paragraphs.n--;
        }
    }
    if (!want_headline_from_body) {
        /* a front-matter title may carry emphasis too */
        char *t = a->headline;
        a->headline = NULL;
        struct md m2 = {.a = a, .err = err};
        nb_buf_init(&m2.line, 0);
        rc = set_headline(&m2, t, strlen(t));
        nb_buf_release(&m2.line);
        if (rc == NB_OK && !a->headline)
            a->headline = t;
        else
            free(t);
        if (rc != NB_OK)
            return rc;
    }
    rc = take_header_paragraphs(a, err);
    return rc == NB_OK ? nb_article_finish(a, err) : rc;
}

nb_status nb_article_parse_markdown(struct nb_article *a, const char *data, size_t len,
                                    const char *name, struct nb_error *err)
{
    const char *label = name ? name : "<markdown>";
    struct nb_buf text;
    nb_buf_init(&text, 0);
    size_t body = 0;
    nb_status rc = nb_article_import(a, data, len, NULL, 0, label, &text, err);
    if (rc != NB_OK) {
        nb_buf_release(&text);
        return rc;
    }
    if (name == NULL) {
        free(a->source);
        a->source = NULL;
    }
    rc = front_matter(a, text.data, text.len, label, &body, err);
    if (rc == NB_OK)
        rc = parse_body(a, text.data + body, text.len - body, err);
    nb_buf_release(&text);
    if (rc != NB_OK) {
        nb_error_set_file(err, label);
        nb_article_release(a);
    }
    return rc;
}
