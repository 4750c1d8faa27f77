#include "text/buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What an empty buffer's data points to until it grows: read, never
 * written (buffers on several threads share it). */
static char empty_string[1];

void nb_buf_init(struct nb_buf *b, size_t cap)
{
    b->data = empty_string;
    b->len = 0;
    b->alloc = 0;
    b->cap = cap ? cap : NB_BUF_DEFAULT_CAP;
}

void nb_buf_release(struct nb_buf *b)
{
    if (b->alloc)
        free(b->data);
    nb_buf_init(b, b->cap);
}

void nb_buf_reset(struct nb_buf *b)
{
    b->len = 0;
    if (b->alloc) /* else data is empty_string, "" already */
        b->data[0] = '\0';
}

nb_status nb_buf_grow(struct nb_buf *b, size_t extra)
{
    if (extra > b->cap || b->len > b->cap - extra)
        return NB_ENOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->alloc)
        return NB_OK;
    size_t n = b->alloc ? b->alloc : 64;
    while (n < need)
        n = n > SIZE_MAX / 2 ? need : n * 2;
    char *p = realloc(b->alloc ? b->data : NULL, n);
    if (!p)
        return NB_ENOMEM;
    if (!b->alloc)
        p[0] = '\0';
    b->data = p;
    b->alloc = n;
    return NB_OK;
}

nb_status nb_buf_add(struct nb_buf *b, const char *s, size_t len)
{
    /* the room is there (the usual case): no call to grow */
    if (!(len < b->alloc - b->len && len <= b->cap && b->len <= b->cap - len) &&
        nb_buf_grow(b, len) != NB_OK)
        return NB_ENOMEM;
    if (len)
        memmove(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return NB_OK;
}

nb_status nb_buf_adds(struct nb_buf *b, const char *s)
{
    return nb_buf_add(b, s, strlen(s));
}

nb_status nb_buf_vaddf(struct nb_buf *b, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0 || nb_buf_grow(b, (size_t)n) != NB_OK)
        return NB_ENOMEM;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return NB_OK;
}

nb_status nb_buf_addf(struct nb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nb_status r = nb_buf_vaddf(b, fmt, ap);
    va_end(ap);
    return r;
}

void nb_buf_truncate(struct nb_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

void nb_buf_rtrim(struct nb_buf *b)
{
    size_t n = b->len;
    while (n && (b->data[n - 1] == ' ' || b->data[n - 1] == '\t' || b->data[n - 1] == '\n' ||
                 b->data[n - 1] == '\r'))
        n--;
    nb_buf_truncate(b, n);
}

char *nb_buf_detach(struct nb_buf *b, size_t *len)
{
    char *s;
    if (b->alloc) {
        s = b->data;
    } else {
        s = malloc(1);
        if (!s)
            return NULL;
        s[0] = '\0';
    }
    if (len)
        *len = b->len;
    nb_buf_init(b, b->cap);
    return s;
}

char *nb_strndup(const char *s, size_t len)
{
    char *p = malloc(len + 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *nb_strdup(const char *s)
{
    return nb_strndup(s, strlen(s));
}
