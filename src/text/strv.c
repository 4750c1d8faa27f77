#include "text/strv.h"

#include "text/buf.h"

#include <stdlib.h>
#include <string.h>

void nb_strv_init(struct nb_strv *sv)
{
    sv->v = NULL;
    sv->n = 0;
    sv->alloc = 0;
}

void nb_strv_release(struct nb_strv *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    nb_strv_init(sv);
}

nb_status nb_strv_push_owned(struct nb_strv *sv, char *s)
{
    if (!s)
        return NB_ENOMEM;
    if (sv->n + 2 > sv->alloc) {
        size_t n = sv->alloc ? sv->alloc * 2 : 8;
        char **p = realloc(sv->v, n * sizeof(*p));
        if (!p) {
            free(s);
            return NB_ENOMEM;
        }
        sv->v = p;
        sv->alloc = n;
    }
    sv->v[sv->n++] = s;
    sv->v[sv->n] = NULL;
    return NB_OK;
}

nb_status nb_strv_push(struct nb_strv *sv, const char *s, size_t len)
{
    return nb_strv_push_owned(sv, nb_strndup(s, len));
}

nb_status nb_strv_pushs(struct nb_strv *sv, const char *s)
{
    return nb_strv_push(sv, s, strlen(s));
}
