/* cleanup.c - keeping the furniture of a web page out of the story.
 *
 * The pass works on lines, not paragraphs: an export often puts a banner
 * line and the first sentence of the story in one paragraph.  Four steps,
 * each linear in the size of the body:
 *
 *  1. every line is measured (words, capitals, final punctuation, whether it
 *     speaks to the reader) and scored against a small weighted vocabulary
 *     of page furniture, plus a few shapes that need no vocabulary at all
 *     (credits "Name/Agency", "Writing by ...", a copyright sign):
 *     cleanup_measure.c, cleanup_shapes.c;
 *  2. position: the story is the stretch between its first and last prose
 *     line.  Short unpunctuated lines before it (menus, the page title,
 *     bylines) and after it (footers, tag lists) go; inside it only lines
 *     the score condemns, runs of menu-like lines and the list a "Related"
 *     heading introduces go: cleanup_decide.c;
 *  3. a wire dateline ("OSLO, Nov 27 (Nordwire) - ") comes off the lead;
 *  4. paragraphs broken in mid-sentence are joined again: cleanup_join.c.
 *
 * Everything is conservative about prose: a punctuated line that reports
 * ("said", "according to") or does not address the reader ("you", "our")
 * is kept whatever it mentions.
 */
#include "article/cleanup.h"

#include "article/cleanup_lines.h"
#include "article/reader.h"
#include "text/buf.h"
#include "text/sentences.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

/* ---- driver ------------------------------------------------------------ */

static nb_status oom(struct nb_error *err)
{
    return nb_error_set(err, NB_ENOMEM, "out of memory cleaning up the article");
}

static nb_status push_collapsed(struct nb_strv *sv, const char *s, size_t len, struct nb_buf *tmp)
{
    nb_buf_reset(tmp);
    if (nb_text_collapse_space(s, len, tmp) != NB_OK)
        return NB_ENOMEM;
    return tmp->len ? nb_strv_push(sv, tmp->data, tmp->len) : NB_OK;
}

/* Appends the line p[a..b) of paragraph `para` to *v. */
static nb_status push_line(struct nb_clean_line **v, size_t *n, size_t *alloc, size_t para,
                           const char *p, size_t a, size_t b)
{
    if (*n == *alloc) {
        size_t na = *alloc ? *alloc * 2 : 64;
        struct nb_clean_line *nv = realloc(*v, na * sizeof(*nv));
        if (!nv)
            return NB_ENOMEM;
        *v = nv;
        *alloc = na;
    }
    memset(&(*v)[*n], 0, sizeof((*v)[*n]));
    (*v)[*n].para = para;
    (*v)[*n].s = p + a;
    (*v)[*n].len = b - a;
    (*n)++;
    return NB_OK;
}

/* Splits every paragraph into trimmed non-empty lines; a byline fused to
 * the line after it ("By Jo BloggsThe council ...") is a line of its own. */
static nb_status collect_lines(const struct nb_strv *paras, const char *byline,
                               struct nb_clean_line **out, size_t *nout, struct nb_error *err)
{
    size_t n = 0, alloc = 0;
    struct nb_clean_line *v = NULL;
    for (size_t i = 0; i < paras->n; i++) {
        const char *p = paras->v[i];
        size_t plen = strlen(p);
        for (size_t pos = 0; pos < plen;) {
            const char *nl = memchr(p + pos, '\n', plen - pos);
            size_t end = nl ? (size_t)(nl - p) : plen;
            size_t a = pos, b = end;
            while (a < b && (p[a] == ' ' || p[a] == '\t'))
                a++;
            while (b > a && (p[b - 1] == ' ' || p[b - 1] == '\t'))
                b--;
            size_t fused = b > a ? nb_clean_fused_byline_len(p + a, b - a, byline) : 0;
            if ((fused && push_line(&v, &n, &alloc, i, p, a, a + fused) != NB_OK) ||
                (b > a && push_line(&v, &n, &alloc, i, p, a + fused, b) != NB_OK)) {
                free(v);
                return oom(err);
            }
            pos = end + 1;
        }
    }
    *out = v;
    *nout = n;
    return NB_OK;
}

/* Fills byline or date from a header line found among the furniture, when
 * the reader found none under the headline: *taken 1 when taken, 0 when
 * not.  NB_OK, or NB_ENOMEM. */
static nb_status adopt_header(struct nb_article *a, const struct nb_clean_line *ln,
                              struct nb_buf *tmp, int *taken)
{
    char **slot = nb_article_is_byline(ln->s, ln->len)       ? &a->byline
                  : nb_article_is_date_stamp(ln->s, ln->len) ? &a->date
                                                             : NULL;
    *taken = 0;
    if (!slot || *slot)
        return NB_OK;
    nb_buf_reset(tmp);
    if (nb_text_collapse_space(ln->s, ln->len, tmp) != NB_OK || !(*slot = nb_strdup(tmp->data)))
        return NB_ENOMEM;
    *taken = 1;
    return NB_OK;
}

/* Whether the paragraph that starts at line i holds a list: two kept list
 * items or more. */
static int list_para(const struct nb_clean_line *v, size_t n, size_t i)
{
    size_t items = 0;
    for (size_t a = i; a < n && v[a].para == v[i].para && items < 2; a++)
        items += !v[a].remove && nb_clean_is_list_item(v[a].s, v[a].len);
    return items >= 2;
}

static nb_status rebuild(struct nb_article *a, struct nb_clean_line *v, size_t n,
                         struct nb_strv *paras, struct nb_error *err)
{
    struct nb_buf tmp, para;
    nb_buf_init(&tmp, 0);
    nb_buf_init(&para, 0);
    nb_status rc = NB_OK;
    int first_kept = 1, seen_story = 0, list = 0;
    for (size_t i = 0; rc == NB_OK && i < n; i++) {
        struct nb_clean_line *ln = &v[i];
        if (i == 0 || v[i - 1].para != ln->para)
            list = list_para(v, n, i);
        if (ln->remove) {
            int adopted = 0;
            if ((!seen_story && adopt_header(a, ln, &tmp, &adopted) != NB_OK) ||
                (!adopted && push_collapsed(&a->removed, ln->s, ln->len, &tmp) != NB_OK))
                rc = oom(err);
            continue;
        }
        seen_story = 1;
        const char *s = ln->s;
        size_t len = ln->len;
        if (first_kept) {
            size_t d = nb_clean_dateline_len(s, len);
            if (d && (push_collapsed(&a->removed, s, d, &tmp) != NB_OK))
                rc = oom(err);
            s += d;
            len -= d;
            first_kept = 0;
        }
        if (para.len && nb_buf_addc(&para, '\n') != NB_OK)
            rc = oom(err);
        if (rc == NB_OK && nb_buf_add(&para, s, len) != NB_OK)
            rc = oom(err);
        /* the paragraph ends with its last kept line, and a list in it
         * is read item by item, not as one run-on sentence */
        size_t j = i + 1;
        while (j < n && v[j].para == ln->para && v[j].remove)
            j++;
        if (rc == NB_OK && (j >= n || v[j].para != ln->para || list)) {
            if (nb_strv_push(paras, para.data, para.len) != NB_OK)
                rc = oom(err);
            nb_buf_reset(&para);
        }
    }
    nb_buf_release(&tmp);
    nb_buf_release(&para);
    return rc;
}

/* Joins paragraphs broken in mid-sentence into `out`. */
static nb_status repair(const struct nb_strv *paras, struct nb_strv *out, struct nb_error *err)
{
    struct nb_buf cur;
    nb_buf_init(&cur, 0);
    nb_status rc = NB_OK;
    for (size_t i = 0; rc == NB_OK && i < paras->n; i++) {
        const char *p = paras->v[i];
        if (i && !nb_clean_broken_after(cur.data, cur.len, p)) {
            if (nb_strv_push(out, cur.data, cur.len) != NB_OK)
                rc = oom(err);
            nb_buf_reset(&cur);
        }
        if (rc == NB_OK &&
            ((cur.len && nb_buf_addc(&cur, '\n') != NB_OK) || nb_buf_adds(&cur, p) != NB_OK))
            rc = oom(err);
    }
    if (rc == NB_OK && cur.len && nb_strv_push(out, cur.data, cur.len) != NB_OK)
        rc = oom(err);
    nb_buf_release(&cur);
    return rc;
}

nb_status nb_article_clean(struct nb_article *a, struct nb_error *err)
{
    struct nb_clean_line *v = NULL;
    size_t n = 0;
    nb_status rc = collect_lines(&a->paragraphs, a->byline, &v, &n, err);
    if (rc != NB_OK)
        return rc;
    for (size_t i = 0; i < n; i++)
        nb_clean_measure(&v[i]);
    uint64_t *words = NULL;
    if (nb_clean_topic_words(v, n, &words) != NB_OK || nb_clean_decide(v, n) != NB_OK) {
        free(words);
        free(v);
        return oom(err);
    }
    free(words);
    struct nb_strv paras, joined;
    nb_strv_init(&paras);
    nb_strv_init(&joined);
    rc = rebuild(a, v, n, &paras, err);
    free(v);
    if (rc == NB_OK)
        rc = repair(&paras, &joined, err);
    nb_strv_release(&paras);
    if (rc != NB_OK) {
        nb_strv_release(&joined);
        return rc;
    }
    nb_strv_release(&a->paragraphs);
    a->paragraphs = joined;
    return NB_OK;
}
