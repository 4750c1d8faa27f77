/* fuzz_quotes.c - the quote finder (quotes/quotes.h): the input read as a
 * plain-text article (first line the headline), then nb_quotes_find(); every
 * quote must point at a sentence and a speaker that exist. */
#include "article/article.h"
#include "fuzz_common.h"
#include "quotes/quotes.h"
#include "text/utf8.h"

static void check(const char *s)
{
    if (s && !nb_utf8_valid(s, strlen(s), NULL))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct nb_article a;
    struct nb_error err;
    nb_error_init(&err);
    if (nb_article_parse_text(&a, (const char *)data, size, "fuzz.txt", &err) != NB_OK)
        return 0;
    nb_status rc = nb_quotes_find(&a, &err);
    fuzz_check_error(rc, &err);
    if (rc == NB_OK) {
        for (size_t i = 0; i < a.nquotes; i++) {
            const struct nb_quote *q = &a.quotes[i];
            if (!q->text || q->sentence >= a.sentences.n || q->speaker_id > a.nspeakers)
                abort();
            check(q->text);
            check(q->speaker);
            check(q->role);
        }
        for (size_t i = 0; i < a.nspeakers; i++) {
            const struct nb_speaker *s = &a.speakers[i];
            if (s->id != i + 1)
                abort();
            check(s->name);
            check(s->short_name);
            check(s->role);
            check(s->organisation);
            check(s->title);
        }
    }
    nb_article_release(&a);
    return 0;
}
