/* fuzz_article.c - the plain-text and Markdown article readers with the
 * clean-up of page furniture (article/article.h, reader.h, cleanup.h):
 * the first byte picks nb_article_parse_text(), nb_article_parse_markdown()
 * or nb_source_parse_article() (the reader chosen by a look at the bytes);
 * the rest is the article.  Also the byline and date-stamp tests on the
 * first line. */
#include "article/article.h"
#include "article/reader.h"
#include "fuzz_common.h"
#include "source/source.h"
#include "text/utf8.h"

static void check_strv(const struct nb_strv *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        if (!nb_utf8_valid(sv->v[i], strlen(sv->v[i]), NULL))
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc;
    switch (data[0] % 3) {
    case 0:
        rc = nb_article_parse_text(&a, text, len, "fuzz.txt", &err);
        break;
    case 1:
        rc = nb_article_parse_markdown(&a, text, len, "fuzz.md", &err);
        break;
    default:
        rc = nb_source_parse_article(&a, text, len, "fuzz", NULL, &err);
        break;
    }
    fuzz_check_error(rc, &err);
    if (rc == NB_OK) {
        if (!a.headline || a.sentences.n == 0 || !nb_utf8_valid(a.headline, strlen(a.headline), NULL))
            abort();
        check_strv(&a.paragraphs);
        check_strv(&a.sentences);
        check_strv(&a.removed);
    }
    nb_article_release(&a);
    const char *nl = memchr(text, '\n', len);
    size_t line = nl ? (size_t)(nl - text) : len;
    (void)nb_article_is_byline(text, line);
    (void)nb_article_is_date_stamp(text, line);
    (void)nb_text_looks_binary(text, len);
    return 0;
}
