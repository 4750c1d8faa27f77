/* buf.h - a growable byte buffer, always NUL-terminated, with a size cap.
 *
 * Appends fail cleanly (return NB_ENOMEM, buffer unchanged) when memory runs out or
 * the cap would be exceeded.  `data` is never NULL after nb_buf_init: an
 * empty buffer points at a static "" until the first append.
 * Ownership: the buffer owns `data`; nb_buf_detach() hands it to the caller,
 * who frees it with free().
 */
#ifndef NB_TEXT_BUF_H
#define NB_TEXT_BUF_H

#include "text/error.h"

#include <stdarg.h>
#include <stddef.h>

#define NB_BUF_DEFAULT_CAP ((size_t)256 << 20) /* 256 MiB */

struct nb_buf {
    char *data;   /* NUL-terminated; never NULL after init */
    size_t len;   /* bytes used, excluding the NUL */
    size_t alloc; /* bytes allocated; 0 while data is the static "" */
    size_t cap;   /* most bytes `len` may reach */
};

/* Empty buffer with the given cap (0 = NB_BUF_DEFAULT_CAP). No allocation. */
void nb_buf_init(struct nb_buf *b, size_t cap);
/* Frees the contents and leaves an empty buffer with the same cap. */
void nb_buf_release(struct nb_buf *b);
/* Empties the buffer, keeping its memory. */
void nb_buf_reset(struct nb_buf *b);
/* Ensures room for `extra` more bytes. NB_OK, or NB_ENOMEM (out of memory or over the cap). */
nb_status nb_buf_grow(struct nb_buf *b, size_t extra);
nb_status nb_buf_add(struct nb_buf *b, const char *s, size_t len);
nb_status nb_buf_adds(struct nb_buf *b, const char *s);
/* One byte; inline: the scanners append byte by byte. */
static inline nb_status nb_buf_addc(struct nb_buf *b, char c)
{
    if (b->len + 1 < b->alloc && b->len < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return NB_OK;
    }
    return nb_buf_add(b, &c, 1);
}
nb_status nb_buf_addf(struct nb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
nb_status nb_buf_vaddf(struct nb_buf *b, const char *fmt, va_list ap);
/* Shortens the buffer to `len` bytes (no-op when len >= b->len). */
void nb_buf_truncate(struct nb_buf *b, size_t len);
/* Removes trailing ASCII whitespace. */
void nb_buf_rtrim(struct nb_buf *b);
/* Returns the contents as a malloc'd string owned by the caller (never NULL
 * unless out of memory) and leaves the buffer empty. `len` may be NULL. */
char *nb_buf_detach(struct nb_buf *b, size_t *len);

/* malloc'd copy of s[0..len) with a NUL added; NULL when out of memory. */
char *nb_strndup(const char *s, size_t len);
char *nb_strdup(const char *s);

#endif
