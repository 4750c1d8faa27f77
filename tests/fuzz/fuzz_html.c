/* fuzz_html.c - web pages (html/html.h, gumbo): the first byte picks
 * nb_article_parse_html(), nb_article_parse_html_charset() with a charset
 * named by the second byte, or nb_article_parse_html_fragment() (a feed
 * item's HTML); the rest is the page.  nb_html_sniff() on it too. */
#include "fuzz_common.h"
#include "html/html.h"
#include "text/utf8.h"

static const char *const charsets[] = {"",          "utf-8",        "iso-8859-2", "windows-1251",
                                       "shift_jis", "x-no-such-one", "utf-16",     "koi8-r"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const char *page = (const char *)data + 2;
    size_t len = size - 2;
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc;
    switch (data[0] % 3) {
    case 0:
        rc = nb_article_parse_html(&a, page, len, "fuzz.html", &err);
        break;
    case 1:
        rc = nb_article_parse_html_charset(&a, page, len, "fuzz.html",
                                           charsets[data[1] % 8], &err);
        break;
    default:
        rc = nb_article_parse_html_fragment(&a, page, len, "Harbour bridge opens", "fuzz#1",
                                            &err);
        break;
    }
    fuzz_check_error(rc, &err);
    if (rc == NB_OK) {
        if (!a.headline || !nb_utf8_valid(a.headline, strlen(a.headline), NULL))
            abort();
        for (size_t i = 0; i < a.sentences.n; i++)
            if (!nb_utf8_valid(a.sentences.v[i], strlen(a.sentences.v[i]), NULL))
                abort();
    }
    nb_article_release(&a);
    (void)nb_html_sniff(page, len);
    return 0;
}
