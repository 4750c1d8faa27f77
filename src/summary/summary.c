#include "summary/summary.h"

#include <stdlib.h>
#include <string.h>

void nb_summary_init(struct nb_summary *s)
{
    memset(s, 0, sizeof(*s));
}

void nb_summary_release(struct nb_summary *s)
{
    free(s->lead);
    free(s->quotes);
    nb_summary_init(s);
}

nb_status nb_summary_make(struct nb_summary *s, const struct nb_article *a,
                          const struct nb_summary_options *opts, struct nb_error *err)
{
    nb_summary_init(s);
    s->article = a;
    size_t n = opts->sentences < a->sentences.n ? opts->sentences : a->sentences.n;
    if (n == 0)
        return NB_OK;
    s->lead = malloc(n * sizeof(*s->lead));
    if (!s->lead)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        s->lead[i] = i;
    s->nlead = n;
    return NB_OK;
}
