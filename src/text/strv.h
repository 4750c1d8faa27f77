/* strv.h - a growable list of owned, NUL-terminated strings.
 *
 * The list owns every string in it; nb_strv_release() frees them all.
 * `v` is NULL-terminated when n > 0 (handy for iteration).
 */
#ifndef NB_TEXT_STRV_H
#define NB_TEXT_STRV_H

#include "text/error.h"

#include <stddef.h>

struct nb_strv {
    char **v;
    size_t n;
    size_t alloc;
};

void nb_strv_init(struct nb_strv *sv);
void nb_strv_release(struct nb_strv *sv);
/* Appends a copy of s[0..len). NB_OK, or NB_ENOMEM when out of memory. */
nb_status nb_strv_push(struct nb_strv *sv, const char *s, size_t len);
nb_status nb_strv_pushs(struct nb_strv *sv, const char *s);
/* Appends `s` itself (must come from malloc); on failure `s` is freed. */
nb_status nb_strv_push_owned(struct nb_strv *sv, char *s);

#endif
