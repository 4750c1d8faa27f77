#include "article/cleanup.h"

nb_status nb_article_clean(struct nb_article *a, struct nb_error *err)
{
    (void)a;
    (void)err;
    return NB_OK; /* boilerplate rules: issue 3 */
}
