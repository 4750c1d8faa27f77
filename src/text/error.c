#include "text/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void nb_error_init(struct nb_error *err)
{
    memset(err, 0, sizeof(*err));
}

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Quoted values longer than this many bytes are cut in messages. */
#define QUOTE_MAX 80
#define QUOTE_KEEP 60

static int opens_quote(const char *m, size_t i)
{
    return m[i] == '\'' && (i == 0 || m[i - 1] == ' ' || m[i - 1] == '(' || m[i - 1] == '[');
}

static int closes_quote(const char *m, size_t i)
{
    char next = m[i + 1];
    return m[i] == '\'' && (next == '\0' || strchr(" ,.;:)]!?", next) != NULL);
}

/* Cuts each quoted value of a message ('...') longer than QUOTE_MAX bytes
 * to its first QUOTE_KEEP and "...": a value of 5,000 characters (a name,
 * a path, a line of a file) is not echoed whole. */
static void shorten_quotes(char *m)
{
    size_t len = strlen(m);
    for (size_t i = 0; i < len; i++) {
        if (!opens_quote(m, i))
            continue;
        size_t j = i + 1;
        while (j < len && !closes_quote(m, j))
            j++;
        if (j >= len && j - i - 1 <= QUOTE_MAX)
            return; /* not closed, and short: an apostrophe */
        if (j - i - 1 > QUOTE_MAX) {
            size_t keep = i + 1 + QUOTE_KEEP;
            while (keep > i + 1 && ((unsigned char)m[keep] & 0xC0) == 0x80)
                keep--; /* not inside a character */
            memcpy(m + keep, "...", 3);
            if (j >= len) { /* cut off by the buffer: the value ends it */
                m[keep + 3] = '\0';
                return;
            }
            memmove(m + keep + 3, m + j, len - j + 1);
            len = strlen(m);
            j = keep + 3;
        }
        i = j;
    }
}

static nb_status set_va(struct nb_error *err, nb_status status, const char *file, unsigned line,
                        unsigned column, const char *fmt, va_list ap)
{
    if (!err)
        return status;
    err->status = status;
    copy_str(err->file, sizeof(err->file), file ? file : "");
    err->line = line;
    err->column = column;
    /* the whole message, then long values cut */
    va_list again;
    va_copy(again, ap);
    int need = vsnprintf(NULL, 0, fmt, again);
    va_end(again);
    char *whole = need >= 0 ? malloc((size_t)need + 1) : NULL;
    if (whole) {
        vsnprintf(whole, (size_t)need + 1, fmt, ap);
        shorten_quotes(whole);
        copy_str(err->message, sizeof(err->message), whole);
        free(whole);
    } else {
        vsnprintf(err->message, sizeof(err->message), fmt, ap);
        shorten_quotes(err->message);
    }
    return status;
}

nb_status nb_error_set(struct nb_error *err, nb_status status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_va(err, status, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return status;
}

nb_status nb_error_set_at(struct nb_error *err, nb_status status, const char *file,
                          unsigned line, unsigned column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_va(err, status, file, line, column, fmt, ap);
    va_end(ap);
    return status;
}

nb_status nb_error_vset_at(struct nb_error *err, nb_status status, const char *file, unsigned line,
                           unsigned column, const char *fmt, va_list ap)
{
    return set_va(err, status, file, line, column, fmt, ap);
}

void nb_error_set_file(struct nb_error *err, const char *file)
{
    if (err && file && err->file[0] == '\0')
        copy_str(err->file, sizeof(err->file), file);
}

/* A file name as messages show it: one longer than 200 bytes as its
 * first 80 and last 100, "..." between. */
static const char *shown_file(const char *file, char *buf, size_t size)
{
    size_t n = strlen(file);
    if (n <= 200 || size < 184)
        return file;
    size_t head = 80, tail = n - 100;
    while (head && ((unsigned char)file[head] & 0xC0) == 0x80)
        head--;
    while (tail < n && ((unsigned char)file[tail] & 0xC0) == 0x80)
        tail++;
    snprintf(buf, size, "%.*s...%s", (int)head, file, file + tail);
    return buf;
}

char *nb_error_format(const struct nb_error *err, char *out, size_t size)
{
    if (!size)
        return out;
    char buf[200];
    const char *file = shown_file(err->file, buf, sizeof(buf));
    if (!err->file[0])
        snprintf(out, size, "%s", err->message);
    else if (err->line && err->column)
        snprintf(out, size, "%s:%u:%u: %s", file, err->line, err->column, err->message);
    else if (err->line)
        snprintf(out, size, "%s:%u: %s", file, err->line, err->message);
    else
        snprintf(out, size, "%s: %s", file, err->message);
    return out;
}

int nb_error_exit_code(nb_status status)
{
    if (status == NB_OK)
        return 0;
    return status == NB_EINPUT ? 2 : 1;
}
