/* html.c - reading a web page (HTML5) as an article (see html.h).
 *
 * The page is imported as UTF-8 (reader.h), parsed by gumbo into a flat
 * array (html_dom.h), its metadata read (html_meta.h), its body cut into
 * blocks (html_text.h) and the story's blocks chosen (html_extract.h).
 * The chosen blocks become the paragraphs; the others are listed in
 * a->removed.  The article is then finished as nb_article_finish() does,
 * without the text clean-up (see finish() below).
 */
#include "html/html.h"

#include "html/html_dom.h"
#include "html/html_extract.h"
#include "html/html_meta.h"
#include "html/html_text.h"
#include "article/reader.h"
#include "text/buf.h"
#include "text/chars.h"
#include "text/file.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#define REMOVED_MAX 400          /* blocks listed in a->removed */
#define REMOVED_BYTES (64 << 10) /* bytes of text listed in a->removed */
#define REMOVED_BLOCK_BYTES 1000 /* bytes of one removed block listed */

static nb_status oom(struct nb_error *err)
{
    return nb_error_set(err, NB_ENOMEM, "out of memory");
}

static nb_status no_article(struct nb_error *err, const char *name)
{
    nb_error_set(err, NB_EINPUT, "no article text in the page (only menus, links or nothing)");
    nb_error_set_file(err, name);
    return NB_EINPUT;
}

/* A page whose story, as chosen, is only short lines. */
static nb_status no_prose(struct nb_error *err, const char *name)
{
    nb_error_set(err, NB_EINPUT,
                 "no paragraph of prose in the page (only short lines such as menus, links or "
                 "notices)");
    nb_error_set_file(err, name);
    return NB_EINPUT;
}

/* ---- sniffing ------------------------------------------------------------- */

int nb_html_sniff(const char *data, size_t len)
{
    size_t i = 0, limit = len < 4096 ? len : 4096;
    if (limit >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    for (;;) {
        while (i < limit && nb_ascii_is_space((unsigned char)data[i]))
            i++;
        if (i + 4 <= limit && memcmp(data + i, "<!--", 4) == 0) {
            size_t j = i + 4;
            while (j + 3 <= limit && memcmp(data + j, "-->", 3) != 0)
                j++;
            if (j + 3 > limit)
                return 0;
            i = j + 3;
            continue;
        }
        if (i + 5 <= limit && memcmp(data + i, "<?xml", 5) == 0) { /* XHTML */
            const char *gt = memchr(data + i, '>', limit - i);
            if (!gt)
                return 0;
            i = (size_t)(gt - data) + 1;
            continue;
        }
        break;
    }
    const char *s = data + i;
    size_t n = limit - i;
    if (nb_ascii_istarts(s, n, "<!doctype html"))
        return 1;
    if (nb_ascii_istarts(s, n, "<html") && n > 5 &&
        (s[5] == '>' || nb_ascii_is_space((unsigned char)s[5])))
        return 1;
    return 0;
}

/* ---- paragraphs ---------------------------------------------------------- */

static int starts_with_quote(const char *s, size_t len)
{
    return len && nb_char_is_quote(nb_char_at(s, len, 0, NULL));
}

/* A block quote's text wrapped in quotation marks (when it has none), so
 * that the quote stage reads it as a quote. */
static nb_status push_quoted(struct nb_strv *out, const char *s, size_t len)
{
    if (starts_with_quote(s, len))
        return nb_strv_push(out, s, len);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_buf_adds(&b, "\xe2\x80\x9c") != NB_OK || nb_buf_add(&b, s, len) != NB_OK ||
        nb_buf_adds(&b, "\xe2\x80\x9d") != NB_OK) {
        nb_buf_release(&b);
        return NB_ENOMEM;
    }
    char *p = nb_buf_detach(&b, NULL);
    return p ? nb_strv_push_owned(out, p) : NB_ENOMEM;
}

struct removed_cap {
    size_t bytes;
};

/* A block kept out of the story, its whitespace collapsed as the
 * paragraphs' is, in a->removed while the caps allow. */
static nb_status push_removed(struct nb_article *a, struct removed_cap *cap, const char *s,
                              size_t len)
{
    if (a->removed.n >= REMOVED_MAX || cap->bytes >= REMOVED_BYTES)
        return NB_OK;
    if (len > REMOVED_BLOCK_BYTES) {
        len = REMOVED_BLOCK_BYTES;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--; /* not inside a character */
    }
    struct nb_buf b;
    nb_buf_init(&b, 0);
    nb_status rc = nb_text_collapse_space(s, len, &b);
    if (rc == NB_OK && b.len) {
        cap->bytes += b.len;
        rc = nb_strv_push(&a->removed, b.data, b.len);
    }
    nb_buf_release(&b);
    return rc;
}

/* The blocks as paragraphs (fate NB_HX_BODY) and removed text; *prose
 * set when a paragraph reads as prose (nb_html_block_is_prose()). */
static nb_status emit(struct nb_article *a, const struct nb_hblocks *b, const uint8_t *fate,
                      int *prose)
{
    *prose = 0;
    struct removed_cap cap = {0};
    int seen_body = 0;
    for (size_t k = 0; k < b->n; k++) {
        const struct nb_hblock *bl = &b->v[k];
        const char *s = b->text.data + bl->start;
        nb_status rc = NB_OK;
        if (a->headline && (fate[k] == NB_HX_OUT || !seen_body) &&
            nb_html_same_words(s, bl->len, a->headline))
            continue; /* the headline again: neither story nor furniture */
        if (fate[k] == NB_HX_BODY) {
            seen_body = 1;
            *prose |= nb_html_block_is_prose(b, bl);
            rc = (bl->flags & NB_HB_QUOTE) ? push_quoted(&a->paragraphs, s, bl->len)
                                           : nb_strv_push(&a->paragraphs, s, bl->len);
        } else {
            rc = push_removed(a, &cap, s, bl->len);
        }
        if (rc != NB_OK)
            return rc;
    }
    return NB_OK;
}

/* ---- metadata ---------------------------------------------------------------- */

static void take(char **slot, char **from)
{
    free(*slot);
    *slot = *from;
    *from = NULL;
}

static nb_status set_meta(struct nb_article *a, struct nb_html_meta *m, const char *name)
{
    take(&a->headline, &m->headline);
    take(&a->byline, &m->byline);
    take(&a->date, &m->date);
    take(&a->publication, &m->publisher);
    take(&a->language, &m->language);
    if (!a->headline) {
        /* a page without a title: its file name says what it is */
        const char *base = name ? nb_path_basename(name) : "";
        const char *dot = strrchr(base, '.');
        size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
        a->headline = n ? nb_strndup(base, n) : nb_strdup("Untitled page");
        if (!a->headline)
            return NB_ENOMEM;
    }
    return NB_OK;
}

/* ---- the readers ---------------------------------------------------------- */

static nb_status too_large(struct nb_article *a, const char *label, struct nb_error *err)
{
    nb_article_init(a);
    nb_error_set(err, NB_EINPUT, "the page is too large (over %zu MiB)",
                 NB_ARTICLE_MAX_BYTES >> 20);
    nb_error_set_file(err, label);
    return NB_EINPUT;
}

/* Whether a charset a page declares is one the import already reads
 * right: UTF-8, or what Windows-1252 covers.  A page of bytes cannot be
 * UTF-16 whatever it says (browsers read it as UTF-8 then). */
static int charset_imported(const char *cs)
{
    static const char *const known[] = {"utf-8",      "utf8",        "windows-1252",  "cp1252",
                                        "iso-8859-1", "latin1",      "latin-1",       "us-ascii",
                                        "ascii",      "iso-8859-15", "x-user-defined"};
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (nb_ascii_ieq(cs, known[i]))
            return 1;
    return nb_ascii_icontains(cs, strlen(cs), "utf-16") ||
           nb_ascii_icontains(cs, strlen(cs), "utf-32") ||
           nb_ascii_icontains(cs, strlen(cs), "unicode");
}

/* Bytes in the charset `cs` to UTF-8 (iconv): *done 0 when iconv does
 * not know it.  NB_OK, or NB_ENOMEM. */
static nb_status convert_charset(const char *cs, const char *s, size_t len, struct nb_buf *out,
                                 int *done)
{
    *done = 0;
    char name[64];
    size_t n = 0;
    for (; cs[n] && n + 1 < sizeof(name) && cs[n] != ';' && cs[n] != ' ' && cs[n] != '"'; n++)
        name[n] = cs[n];
    name[n] = '\0';
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return errno == ENOMEM ? NB_ENOMEM : NB_OK;
    int ok = nb_buf_grow(out, len * 2 + 16) == NB_OK;
    char *in = (char *)s;
    size_t inleft = len;
    while (ok && inleft) {
        if (nb_buf_grow(out, inleft * 2 + 16) != NB_OK) {
            ok = 0;
            break;
        }
        char *o = out->data + out->len;
        size_t oleft = out->alloc - out->len - 1, before = oleft;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        out->len += before - oleft;
        if (r == (size_t)-1 && errno != E2BIG) {
            if (errno == EILSEQ && inleft) { /* a byte the charset lacks: skipped */
                in++;
                inleft--;
                continue;
            }
            break; /* EINVAL: a truncated sequence at the end */
        }
    }
    /* the shift back to the initial state of a stateful charset */
    while (ok) {
        if (nb_buf_grow(out, 16) != NB_OK) {
            ok = 0;
            break;
        }
        char *o = out->data + out->len;
        size_t oleft = out->alloc - out->len - 1, before = oleft;
        size_t r = iconv(cd, NULL, NULL, &o, &oleft);
        out->len += before - oleft;
        if (r != (size_t)-1 || errno != E2BIG)
            break;
    }
    if (ok)
        out->data[out->len] = '\0';
    iconv_close(cd);
    *done = ok;
    return ok ? NB_OK : NB_ENOMEM;
}

/* The first steps of both readers: the size check, the pass that leaves
 * out code (markup only: html_dom.h) into `raw`, and the import as UTF-8
 * into `text` (reader.h: Windows-1252 when not UTF-8). */
static nb_status load(struct nb_article *a, const char *data, size_t len, const char *name,
                      const char *label, int markup, struct nb_buf *raw, struct nb_buf *text,
                      struct nb_error *err)
{
    if (len > NB_ARTICLE_MAX_BYTES)
        return too_large(a, label, err);
    if (markup && nb_hdom_prepare(data, len, raw) != NB_OK) {
        nb_article_init(a);
        return oom(err);
    }
    return nb_article_import(a, markup ? raw->data : data, markup ? raw->len : len, data, len, name,
                             text, err);
}

static nb_status read_page(struct nb_article *a, const char *text, size_t len, const char *name,
                           struct nb_error *err)
{
    struct nb_hdom d;
    struct nb_html_meta m;
    struct nb_hblocks b;
    uint8_t *fate = NULL;
    int prose = 0;
    nb_html_meta_init(&m);
    nb_hblocks_init(&b);
    nb_status rc = nb_hdom_parse(&d, text, len);
    if (rc != NB_OK)
        return oom(err);
    rc = nb_html_meta_read(&d, &m);
    if (rc == NB_OK)
        rc = nb_html_extract(&d, &b, &fate);
    if (rc == NB_OK)
        rc = set_meta(a, &m, name);
    if (rc == NB_OK)
        rc = emit(a, &b, fate, &prose);
    free(fate);
    nb_hblocks_release(&b);
    nb_html_meta_release(&m);
    nb_hdom_release(&d);
    if (rc != NB_OK)
        return oom(err);
    if (a->paragraphs.n == 0)
        return no_article(err, name);
    /* a cookie notice or a line of links left when the page has no story:
     * the extraction always chooses something */
    if (!prose)
        return no_prose(err, name);
    return NB_OK;
}

/* The charset a page that is not UTF-8 declares, when the import did not
 * read it right (*cs a malloc'd name), else *cs NULL: looked up in the
 * page read as Windows-1252, whose ASCII is right whatever the charset.
 * NB_OK, or NB_ENOMEM. */
static nb_status declared_charset(const struct nb_article *a, const char *text, size_t len,
                                  char **cs)
{
    *cs = NULL;
    if (a->warnings.n == 0)
        return NB_OK; /* valid UTF-8 */
    struct nb_hdom d;
    struct nb_html_meta m;
    nb_html_meta_init(&m);
    if (nb_hdom_parse(&d, text, len) != NB_OK)
        return NB_ENOMEM;
    nb_status rc = nb_html_meta_read(&d, &m);
    if (rc == NB_OK && m.charset && !charset_imported(m.charset)) {
        *cs = m.charset;
        m.charset = NULL;
    }
    nb_html_meta_release(&m);
    nb_hdom_release(&d);
    return rc;
}

/* The page's body finished without the text clean-up (the structure took
 * the furniture off; reader.h), a feed item's with it: a fragment has no
 * structure around it, and feeds append their own furniture ("The post
 * ... appeared first on ...", "Share this story").  A body with no prose
 * is a page with no paragraph of prose, or an item with no article. */
static nb_status finish(struct nb_article *a, int clean, const char *name, struct nb_error *err)
{
    nb_status rc = clean ? nb_article_finish(a, err) : nb_article_finish_as_is(a, err);
    if (rc != NB_EINPUT)
        return rc;
    return clean ? no_article(err, name) : no_prose(err, name);
}

nb_status nb_article_parse_html(struct nb_article *a, const char *data, size_t len,
                                const char *name, struct nb_error *err)
{
    return nb_article_parse_html_charset(a, data, len, name, NULL, err);
}

nb_status nb_article_parse_html_charset(struct nb_article *a, const char *data, size_t len,
                                        const char *name, const char *charset, struct nb_error *err)
{
    const char *label = name ? name : "<html>";
    struct nb_buf raw, text;
    nb_buf_init(&raw, 0);
    nb_buf_init(&text, 0);
    nb_status rc = load(a, data, len, name, label, 1, &raw, &text, err);
    char *cs = NULL;
    /* bytes that are not UTF-8: the transport's charset first, as a
     * browser does, then the one the page declares */
    if (rc == NB_OK && a->warnings.n && charset && charset[0] && !charset_imported(charset) &&
        !(cs = nb_strdup(charset)))
        rc = oom(err);
    if (rc == NB_OK && !cs && declared_charset(a, text.data, text.len, &cs) != NB_OK)
        rc = oom(err);
    if (cs) {
        /* read again in the charset it declares (Shift_JIS, KOI8-R...) */
        struct nb_buf utf8;
        nb_buf_init(&utf8, 0);
        int done;
        if (convert_charset(cs, raw.data, raw.len, &utf8, &done) != NB_OK) {
            rc = oom(err);
        } else if (done) {
            nb_article_release(a);
            nb_buf_reset(&text);
            rc = nb_article_import(a, utf8.data, utf8.len, NULL, 0, name, &text, err);
        }
        nb_buf_release(&utf8);
        free(cs);
    }
    nb_buf_release(&raw);
    if (rc == NB_OK)
        rc = read_page(a, text.data, text.len, label, err);
    nb_buf_release(&text);
    if (rc == NB_OK)
        rc = finish(a, 0, label, err);
    if (rc != NB_OK)
        nb_article_release(a);
    return rc;
}

/* ---- fragments ------------------------------------------------------------- */

/* Whether text holds markup: a tag, an end tag or a comment. */
static int has_markup(const char *s, size_t len)
{
    for (const char *p = s; (p = memchr(p, '<', len - (size_t)(p - s))) != NULL; p++)
        if (p + 1 < s + len &&
            (nb_ascii_is_alpha((unsigned char)p[1]) || p[1] == '/' || p[1] == '!'))
            return 1;
    return 0;
}

/* One paragraph of plain text, its character references ("&amp;", which
 * feeds often leave in text) decoded by gumbo. */
static nb_status push_plain(struct nb_article *a, const char *s, size_t len)
{
    if (!memchr(s, '&', len))
        return nb_strv_push(&a->paragraphs, s, len);
    struct nb_hdom d;
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_hdom_parse_fragment(&d, s, len) != NB_OK)
        return NB_ENOMEM;
    nb_status rc = nb_hdom_inner_text(&d, 0, &b);
    nb_hdom_release(&d);
    if (rc == NB_OK && b.len)
        rc = nb_strv_push(&a->paragraphs, b.data, b.len);
    nb_buf_release(&b);
    return rc;
}

/* Plain text: paragraphs separated by blank lines. */
static nb_status plain_paragraphs(struct nb_article *a, const char *s, size_t len)
{
    size_t i = 0, start = 0, end = 0;
    int in_para = 0;
    for (;;) {
        const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
        size_t line_end = nl ? (size_t)(nl - s) : len;
        int blank = 1;
        for (size_t k = i; k < line_end && blank; k++)
            blank = nb_ascii_is_space((unsigned char)s[k]);
        if (!blank) {
            if (!in_para)
                start = i;
            in_para = 1;
            end = line_end;
        }
        if ((blank || !nl) && in_para) {
            if (push_plain(a, s + start, end - start) != NB_OK)
                return NB_ENOMEM;
            in_para = 0;
        }
        if (!nl)
            return NB_OK;
        i = line_end + 1;
    }
}

static int inside(const struct nb_hdom *d, uint32_t i, unsigned tag)
{
    for (; i != NB_HDOM_NONE; i = d->v[i].parent)
        if (d->v[i].type == NB_HNODE_ELEMENT && d->v[i].tag == tag)
            return 1;
    return 0;
}

/* Markup: every block a paragraph, but captions and <noscript> text (to
 * a->removed) and the headline repeated at the top. */
static nb_status read_fragment(struct nb_article *a, const char *text, size_t len)
{
    struct nb_hdom d;
    struct nb_hblocks b;
    struct removed_cap cap = {0};
    nb_hblocks_init(&b);
    if (nb_hdom_parse_fragment(&d, text, len) != NB_OK)
        return NB_ENOMEM;
    uint8_t *skip = nb_html_invisible(&d);
    nb_status rc = skip ? nb_hblocks_collect(&d, 0, skip, &b) : NB_ENOMEM;
    for (size_t k = 0; rc == NB_OK && k < b.n; k++) {
        const struct nb_hblock *bl = &b.v[k];
        const char *s = b.text.data + bl->start;
        if (k == 0 && nb_html_same_words(s, bl->len, a->headline))
            continue;
        if (inside(&d, bl->owner, GUMBO_TAG_FIGCAPTION) ||
            inside(&d, bl->owner, GUMBO_TAG_NOSCRIPT))
            rc = push_removed(a, &cap, s, bl->len);
        else if (bl->flags & NB_HB_QUOTE)
            rc = push_quoted(&a->paragraphs, s, bl->len);
        else
            rc = nb_strv_push(&a->paragraphs, s, bl->len);
    }
    free(skip);
    nb_hblocks_release(&b);
    nb_hdom_release(&d);
    return rc;
}

nb_status nb_article_parse_html_fragment(struct nb_article *a, const char *data, size_t len,
                                         const char *headline, const char *name,
                                         struct nb_error *err)
{
    const char *label = name ? name : "<html>";
    struct nb_buf raw, text;
    nb_buf_init(&raw, 0);
    nb_buf_init(&text, 0);
    int markup = has_markup(data, len);
    nb_status rc = load(a, data, len, name, label, markup, &raw, &text, err);
    nb_buf_release(&raw);
    if (rc != NB_OK) {
        nb_buf_release(&text);
        return rc;
    }
    struct nb_buf h;
    nb_buf_init(&h, 0);
    if (nb_text_collapse_space(headline ? headline : "", headline ? strlen(headline) : 0, &h) !=
            NB_OK ||
        !(a->headline = nb_buf_detach(&h, NULL))) {
        nb_buf_release(&h);
        rc = oom(err);
    }
    if (rc == NB_OK) {
        rc = markup ? read_fragment(a, text.data, text.len)
                    : plain_paragraphs(a, text.data, text.len);
        if (rc != NB_OK)
            rc = oom(err);
        else if (a->paragraphs.n == 0)
            rc = no_article(err, label);
    }
    nb_buf_release(&text);
    if (rc == NB_OK)
        rc = finish(a, 1, label, err);
    if (rc != NB_OK)
        nb_article_release(a);
    return rc;
}
