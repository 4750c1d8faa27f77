#include "text/error.h"

#include <stdarg.h>
#include <stdio.h>
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

static nb_status set_va(struct nb_error *err, nb_status status, const char *file, unsigned line,
                        unsigned column, const char *fmt, va_list ap)
{
    if (!err)
        return status;
    err->status = status;
    copy_str(err->file, sizeof(err->file), file ? file : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
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

void nb_error_set_file(struct nb_error *err, const char *file)
{
    if (err && file && err->file[0] == '\0')
        copy_str(err->file, sizeof(err->file), file);
}

char *nb_error_format(const struct nb_error *err, char *out, size_t size)
{
    if (!size)
        return out;
    if (!err->file[0])
        snprintf(out, size, "%s", err->message);
    else if (err->line && err->column)
        snprintf(out, size, "%s:%u:%u: %s", err->file, err->line, err->column, err->message);
    else if (err->line)
        snprintf(out, size, "%s:%u: %s", err->file, err->line, err->message);
    else
        snprintf(out, size, "%s: %s", err->file, err->message);
    return out;
}

int nb_error_exit_code(nb_status status)
{
    if (status == NB_OK)
        return 0;
    return status == NB_EINPUT ? 2 : 1;
}
