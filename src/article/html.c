/* html.c - PLACEHOLDER on branch wt-feed only, so that the feed reader
 * links: the real HTML reader (gumbo) is written on another branch and
 * replaces this file whole at the merge.  Nothing but feed_article.c may
 * rely on it.  The fragment reader here skips tags naively (a block tag or
 * a blank line ends a paragraph; script and style are dropped), decodes
 * the commonest references and finishes the article as every reader does.
 */
#include "article/html.h"

#include "article/reader.h"
#include "text/buf.h"
#include "text/chars.h"

#include <stdlib.h>
#include <string.h>

static int tag_is(const char *tag, size_t len, const char *name)
{
    size_t n = strlen(name), i = tag[0] == '/' ? 1 : 0;
    if (len < i + n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (nb_ascii_lower((unsigned char)tag[i + k]) != name[k])
            return 0;
    return i + n == len || !nb_ascii_is_alnum((unsigned char)tag[i + n]);
}

static int is_block(const char *tag, size_t len)
{
    static const char *const names[] = {"p",  "div", "br", "li", "h1",         "h2",     "h3",
                                        "h4", "h5",  "h6", "tr", "blockquote", "section"};
    for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
        if (tag_is(tag, len, names[k]))
            return 1;
    return 0;
}

static nb_status end_paragraph(struct nb_article *a, struct nb_buf *p)
{
    nb_buf_rtrim(p);
    size_t start = 0;
    while (start < p->len && nb_ascii_is_space((unsigned char)p->data[start]))
        start++;
    nb_status rc =
        start < p->len ? nb_strv_push(&a->paragraphs, p->data + start, p->len - start) : NB_OK;
    nb_buf_reset(p);
    return rc;
}

static nb_status add_char(struct nb_buf *p, const char *s, size_t len, size_t *i)
{
    static const struct {
        const char *ref, *text;
    } refs[] = {{"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
                {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
    for (size_t k = 0; s[*i] == '&' && k < sizeof(refs) / sizeof(refs[0]); k++) {
        size_t n = strlen(refs[k].ref);
        if (*i + n <= len && memcmp(s + *i, refs[k].ref, n) == 0) {
            *i += n;
            return nb_buf_adds(p, refs[k].text);
        }
    }
    return nb_buf_addc(p, s[(*i)++]);
}

static nb_status read_fragment(struct nb_article *a, const char *s, size_t len,
                               struct nb_error *err)
{
    struct nb_buf p;
    nb_buf_init(&p, 0);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < len;) {
        const char *gt = s[i] == '<' ? memchr(s + i, '>', len - i) : NULL;
        if (gt) {
            const char *tag = s + i + 1;
            size_t tlen = (size_t)(gt - tag);
            i = (size_t)(gt - s) + 1;
            if (tag[0] != '/' && (tag_is(tag, tlen, "script") || tag_is(tag, tlen, "style"))) {
                const char *name = tag_is(tag, tlen, "script") ? "script" : "style";
                while (i < len && !(s[i] == '<' && i + 1 < len && s[i + 1] == '/' &&
                                    tag_is(s + i + 1, len - i - 1, name)))
                    i++;
            } else if (is_block(tag, tlen)) {
                rc = end_paragraph(a, &p);
            }
        } else if (s[i] == '\n' && i + 1 < len && s[i + 1] == '\n') {
            rc = end_paragraph(a, &p);
            i += 2;
        } else {
            rc = add_char(&p, s, len, &i);
        }
    }
    if (rc == NB_OK)
        rc = end_paragraph(a, &p);
    nb_buf_release(&p);
    if (rc != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    return nb_article_finish(a, err);
}

nb_status nb_article_parse_html_fragment(struct nb_article *a, const char *data, size_t len,
                                         const char *headline, const char *name,
                                         struct nb_error *err)
{
    struct nb_buf text;
    nb_buf_init(&text, 0);
    nb_status rc = nb_article_import(a, data, len, name, &text, err);
    if (rc == NB_OK && !(a->headline = nb_strdup(headline)))
        rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    if (rc == NB_OK)
        rc = read_fragment(a, text.data, text.len, err);
    nb_buf_release(&text);
    if (rc != NB_OK) {
        nb_error_set_file(err, name);
        nb_article_release(a);
    }
    return rc;
}

nb_status nb_article_parse_html(struct nb_article *a, const char *data, size_t len,
                                const char *name, struct nb_error *err)
{
    nb_article_init(a);
    return nb_error_set_at(err, NB_EINTERNAL, name, 0, 0, "the HTML reader is not built yet");
}

int nb_html_sniff(const char *data, size_t len)
{
    size_t i = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < len && nb_ascii_is_space((unsigned char)data[i]))
        i++;
    if (i >= len || data[i] != '<')
        return 0;
    return (len - i >= 9 && tag_is(data + i + 1, len - i - 1, "!doctype")) ||
           (len - i >= 5 && tag_is(data + i + 1, len - i - 1, "html"));
}
