/* plaintext.c - the plain-text article reader: headline first, then
 * paragraphs separated by blank lines. */
#include "article/article.h"
#include "article/reader.h"

#include "text/buf.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <string.h>

struct line {
    const char *s;
    size_t len;
};

static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return 0;
    return 1;
}

/* Reads the next line of text[*pos..len) into *ln; 0 at the end. */
static int next_line(const char *text, size_t len, size_t *pos, struct line *ln)
{
    if (*pos >= len)
        return 0;
    const char *start = text + *pos;
    const char *nl = memchr(start, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - start) : len - *pos;
    ln->s = start;
    ln->len = n;
    *pos += n + (nl ? 1 : 0);
    return 1;
}

static nb_status oom(struct nb_error *err)
{
    return nb_error_set(err, NB_ENOMEM, "out of memory");
}

/* Keeps the paragraph's own line breaks: the clean-up rules look at lines. */
static nb_status add_paragraph(struct nb_article *a, const char *s, size_t len,
                               struct nb_error *err)
{
    if (nb_strv_push(&a->paragraphs, s, len) != NB_OK)
        return oom(err);
    return NB_OK;
}

static nb_status parse_clean(struct nb_article *a, const char *text, size_t len,
                             struct nb_error *err)
{
    size_t pos = 0;
    struct line ln;
    /* headline: the first non-empty line */
    int found = 0;
    while (!found && next_line(text, len, &pos, &ln))
        found = !is_blank(ln.s, ln.len);
    if (!found)
        return nb_error_set(err, NB_EINPUT, "the file is empty: an article needs a headline");
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_text_collapse_space(ln.s, ln.len, &b) != NB_OK)
        return oom(err);
    a->headline = nb_buf_detach(&b, NULL);
    if (!a->headline)
        return oom(err);

    /* header lines directly under the headline */
    size_t body = pos;
    while (next_line(text, len, &pos, &ln)) {
        if (is_blank(ln.s, ln.len)) {
            body = pos;
            continue;
        }
        char **slot = nb_article_is_byline(ln.s, ln.len) ? &a->byline
                      : nb_article_is_date_stamp(ln.s, ln.len) ? &a->date : NULL;
        if (!slot)
            break;
        if (nb_text_collapse_space(ln.s, ln.len, &b) != NB_OK)
            return oom(err);
        /* a second stamp ("Updated ...") is kept out of the body too */
        int fail = *slot ? nb_strv_push(&a->removed, b.data, b.len) != NB_OK
                         : !(*slot = nb_buf_detach(&b, NULL));
        nb_buf_release(&b);
        if (fail)
            return oom(err);
        body = pos;
    }

    /* paragraphs: runs of non-blank lines */
    pos = body;
    size_t para_start = pos, para_end = pos;
    int in_para = 0;
    while (next_line(text, len, &pos, &ln)) {
        if (is_blank(ln.s, ln.len)) {
            nb_status rc = in_para ? add_paragraph(a, text + para_start, para_end - para_start, err)
                                   : NB_OK;
            if (rc != NB_OK)
                return rc;
            in_para = 0;
            continue;
        }
        if (!in_para)
            para_start = (size_t)(ln.s - text);
        para_end = (size_t)(ln.s - text) + ln.len;
        in_para = 1;
    }
    if (in_para) {
        nb_status rc = add_paragraph(a, text + para_start, para_end - para_start, err);
        if (rc != NB_OK)
            return rc;
    }
    return nb_article_finish(a, err);
}

nb_status nb_article_parse_text(struct nb_article *a, const char *data, size_t len,
                                const char *name, struct nb_error *err)
{
    struct nb_buf text;
    nb_buf_init(&text, 0);
    nb_status rc = nb_article_import(a, data, len, NULL, 0, name, &text, err);
    if (rc != NB_OK) {
        nb_buf_release(&text);
        return rc;
    }
    rc = parse_clean(a, text.data, text.len, err);
    nb_buf_release(&text);
    if (rc != NB_OK) {
        nb_error_set_file(err, name);
        nb_article_release(a);
    }
    return rc;
}
