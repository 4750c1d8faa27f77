/* fuzz_summary.c - the summariser (summary/summary.h): the first three
 * bytes are the options (lead sentences 1..8, quotes 0..3, max_words
 * 0..63), the rest a plain-text article whose quotes are found first; then
 * nb_summary_make() and, on every body sentence, nb_summary_shorten() and
 * nb_summary_similarity() with the headline. */
#include "article/article.h"
#include "fuzz_common.h"
#include "quotes/quotes.h"
#include "summary/summary.h"
#include "text/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    struct nb_summary_options o = {1 + data[0] % 8, data[1] % 4, data[2] % 64};
    struct nb_article a;
    struct nb_summary s;
    struct nb_error err;
    nb_error_init(&err);
    if (nb_article_parse_text(&a, (const char *)data + 3, size - 3, "fuzz.txt", &err) != NB_OK)
        return 0;
    if (nb_quotes_find(&a, &err) != NB_OK)
        abort();
    nb_status rc = nb_summary_make(&s, &a, &o, &err);
    if (rc != NB_OK) /* only out of memory or a bug may fail */
        abort();
    if (s.nlead > o.sentences || s.nquotes > o.quotes)
        abort();
    for (size_t i = 0; i < s.nlead; i++) {
        if (s.lead[i] >= a.sentences.n)
            abort();
        const char *lead = nb_summary_lead(&s, i);
        if (!lead || !nb_utf8_valid(lead, strlen(lead), NULL))
            abort();
    }
    for (size_t i = 0; i < s.nquotes; i++)
        if (s.quotes[i] >= a.nquotes || a.quotes[s.quotes[i]].partial)
            abort();
    for (size_t i = 0; i < a.sentences.n && i < 32; i++) {
        char *shorter = NULL;
        if (nb_summary_shorten(a.sentences.v[i], o.max_words, &shorter) != NB_OK)
            abort();
        if (shorter && !nb_utf8_valid(shorter, strlen(shorter), NULL))
            abort();
        free(shorter);
        double sim = nb_summary_similarity(a.headline, a.sentences.v[i]);
        if (!(sim >= 0.0 && sim <= 1.0))
            abort();
        (void)nb_summary_count_words(a.sentences.v[i]);
    }
    nb_summary_release(&s);
    nb_article_release(&a);
    return 0;
}
