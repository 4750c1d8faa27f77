#include "article/quotes.h"

nb_status nb_quotes_find(struct nb_article *a, struct nb_error *err)
{
    (void)a;
    (void)err;
    return NB_OK; /* quote extraction: issue 3 */
}
