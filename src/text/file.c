#define _POSIX_C_SOURCE 200809L
#include "text/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int nb_file_open_regular(const char *path, enum nb_open_failure *failure, int *error)
{
    *failure = NB_OPEN_OK;
    *error = 0;
    /* O_NONBLOCK: opening a FIFO for reading would wait for a writer */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        *failure = NB_OPEN_ERRNO;
        *error = errno;
        return -1;
    }
    struct stat st;
    int flags;
    if (fstat(fd, &st) < 0) {
        *failure = NB_OPEN_ERRNO;
        *error = errno;
    } else if (S_ISDIR(st.st_mode)) {
        *failure = NB_OPEN_FOLDER;
    } else if (!S_ISREG(st.st_mode)) {
        *failure = NB_OPEN_NOT_REGULAR;
    } else if ((flags = fcntl(fd, F_GETFL)) < 0 || fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) < 0) {
        *failure = NB_OPEN_ERRNO;
        *error = errno;
    } else {
        return fd;
    }
    close(fd);
    return -1;
}

int nb_file_open_input(const char *path, struct nb_error *err)
{
    if (!path[0]) {
        /* open("") says "No such file or directory" without a name to show */
        nb_error_set(err, NB_EINPUT, "'': no file name given");
        return -1;
    }
    enum nb_open_failure failure;
    int e;
    int fd = nb_file_open_regular(path, &failure, &e);
    if (failure == NB_OPEN_ERRNO)
        nb_error_set_at(err, NB_EINPUT, path, 0, 0, "cannot open: %s", strerror(e));
    else if (failure == NB_OPEN_FOLDER)
        nb_error_set_at(err, NB_EINPUT, path, 0, 0, "is a directory, not a file");
    else if (failure == NB_OPEN_NOT_REGULAR)
        nb_error_set_at(err, NB_EINPUT, path, 0, 0, "not a regular file");
    return fd;
}

nb_status nb_file_read(const char *path, size_t max, struct nb_buf *out, struct nb_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    int fd = is_stdin ? STDIN_FILENO : nb_file_open_input(path, err);
    if (fd < 0)
        return NB_EINPUT;
    if (is_stdin) {
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
            return nb_error_set_at(err, NB_EINPUT, name, 0, 0, "is a directory, not a file");
    }
    if (!max || max > out->cap)
        max = out->cap;
    size_t start = out->len;
    nb_status rc = NB_OK;
    for (;;) {
        if (nb_buf_grow(out, 65536) != NB_OK && nb_buf_grow(out, 1) != NB_OK) {
            /* no room for one more byte: over the cap, or out of memory */
            if (out->len >= out->cap)
                rc = nb_error_set_at(err, NB_EINPUT, name, 0, 0,
                                     "file is too large (over %zu bytes)", max);
            else
                rc = nb_error_set(err, NB_ENOMEM, "out of memory");
            break;
        }
        size_t room = out->alloc - out->len - 1;
        ssize_t n = read(fd, out->data + out->len, room);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            rc = nb_error_set_at(err, NB_EIO, name, 0, 0, "cannot read: %s", strerror(errno));
            break;
        }
        if (n == 0)
            break;
        out->len += (size_t)n;
        out->data[out->len] = '\0';
        if (out->len - start > max) {
            rc = nb_error_set_at(err, NB_EINPUT, name, 0, 0, "file is too large (over %zu bytes)",
                                 max);
            break;
        }
    }
    if (!is_stdin)
        close(fd);
    if (rc != NB_OK)
        nb_buf_truncate(out, start);
    return rc;
}

nb_status nb_path_dirname(const char *path, struct nb_buf *out)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return nb_buf_addc(out, '.');
    if (slash == path)
        return nb_buf_addc(out, '/');
    return nb_buf_add(out, path, (size_t)(slash - path));
}

nb_status nb_path_join(const char *dir, const char *rel, struct nb_buf *out)
{
    if (rel[0] == '/' || !dir || !dir[0] || strcmp(dir, ".") == 0)
        return nb_buf_adds(out, rel);
    size_t n = strlen(dir);
    if (nb_buf_add(out, dir, n) != NB_OK)
        return NB_ENOMEM;
    if (dir[n - 1] != '/' && nb_buf_addc(out, '/') != NB_OK)
        return NB_ENOMEM;
    return nb_buf_adds(out, rel);
}

const char *nb_path_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

nb_status nb_file_mkdirs(const char *dir, struct nb_error *err)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    if (nb_buf_adds(&b, dir) != NB_OK)
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    nb_status rc = NB_OK;
    for (size_t i = 1; i <= b.len; i++) {
        if (i < b.len && b.data[i] != '/')
            continue;
        char saved = b.data[i];
        b.data[i] = '\0';
        if (mkdir(b.data, 0777) < 0 && errno != EEXIST) {
            rc = nb_error_set_at(err, NB_EIO, b.data, 0, 0, "cannot create folder: %s",
                                 strerror(errno));
            break;
        }
        b.data[i] = saved;
    }
    if (rc == NB_OK) {
        struct stat st;
        if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
            rc = nb_error_set_at(err, NB_EIO, dir, 0, 0, "not a folder");
    }
    nb_buf_release(&b);
    return rc;
}

int nb_temp_create(char *tmpl, const struct nb_temp_hook *h)
{
    static const char digits[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    size_t n = strlen(tmpl);
    if (n < 6 || strcmp(tmpl + n - 6, "XXXXXX") != 0) {
        errno = EINVAL;
        return -1;
    }
    char *x = tmpl + n - 6;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    /* a different start in each process and call; O_EXCL makes it safe */
    uint64_t seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
                    ((uint64_t)getpid() << 40) ^ (uint64_t)(uintptr_t)tmpl;
    for (int attempt = 0; attempt < 1000; attempt++) {
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        uint64_t v = seed >> 16;
        for (int i = 0; i < 6; i++, v /= 62)
            x[i] = digits[v % 62];
        nb_temp_tell(h, tmpl, 1);
        int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0)
            return fd;
        int e = errno;
        nb_temp_tell(h, tmpl, 0);
        errno = e;
        if (e != EEXIST)
            return -1;
    }
    errno = EEXIST;
    return -1;
}

nb_status nb_tmpfile_open(struct nb_tmpfile *t, const char *path, const struct nb_temp_hook *hook,
                          struct nb_error *err)
{
    struct nb_buf b;
    nb_buf_init(&b, 0);
    t->fd = -1;
    t->tmp_path = NULL;
    t->hook = hook ? *hook : (struct nb_temp_hook){NULL, NULL, NULL};
    t->final_path = nb_strdup(path);
    if (!t->final_path || nb_path_dirname(path, &b) != NB_OK || nb_buf_adds(&b, "/.") != NB_OK ||
        nb_buf_adds(&b, nb_path_basename(path)) != NB_OK ||
        nb_buf_adds(&b, ".tmp-XXXXXX") != NB_OK) {
        free(t->final_path);
        t->final_path = NULL;
        nb_buf_release(&b);
        return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    t->tmp_path = nb_buf_detach(&b, NULL);
    t->fd = t->tmp_path ? nb_temp_create(t->tmp_path, &t->hook) : -1;
    if (t->fd < 0) {
        int e = errno;
        free(t->tmp_path);
        free(t->final_path);
        t->tmp_path = t->final_path = NULL;
        return nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot create output: %s", strerror(e));
    }
    return NB_OK;
}

void nb_tmpfile_abort(struct nb_tmpfile *t)
{
    if (t->fd >= 0)
        close(t->fd);
    if (t->tmp_path) {
        unlink(t->tmp_path);
        nb_temp_tell(&t->hook, t->tmp_path, 0);
    }
    free(t->tmp_path);
    free(t->final_path);
    t->fd = -1;
    t->tmp_path = t->final_path = NULL;
}

nb_status nb_tmpfile_commit(struct nb_tmpfile *t, struct nb_error *err)
{
    mode_t mask = umask(0);
    umask(mask);
    if (fsync(t->fd) < 0 || fchmod(t->fd, 0644 & ~mask) < 0 || close(t->fd) < 0) {
        t->fd = -1;
        nb_error_set_at(err, NB_EIO, t->final_path, 0, 0, "cannot write output: %s",
                        strerror(errno));
        nb_tmpfile_abort(t);
        return NB_EIO;
    }
    t->fd = -1;
    if (rename(t->tmp_path, t->final_path) < 0) {
        nb_error_set_at(err, NB_EIO, t->final_path, 0, 0, "cannot rename output into place: %s",
                        strerror(errno));
        nb_tmpfile_abort(t);
        return NB_EIO;
    }
    nb_temp_tell(&t->hook, t->tmp_path, 0);
    struct nb_buf dir;
    nb_buf_init(&dir, 0);
    if (nb_path_dirname(t->final_path, &dir) == NB_OK) {
        int dfd = open(dir.data, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd >= 0) {
            fsync(dfd); /* best effort: the file itself is already durable */
            close(dfd);
        }
    }
    nb_buf_release(&dir);
    free(t->tmp_path);
    free(t->final_path);
    t->tmp_path = t->final_path = NULL;
    return NB_OK;
}

nb_status nb_file_read_text(const char *path, size_t max, struct nb_buf *out,
                            struct nb_strv *warnings, struct nb_error *err)
{
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    struct nb_buf raw;
    nb_buf_init(&raw, out->cap);
    nb_status rc = nb_file_read(path, max, &raw, err);
    if (rc == NB_OK)
        rc = nb_text_check(raw.data, raw.len, name, err);
    size_t room = out->cap - out->len, mark = out->len;
    enum nb_text_encoding enc = NB_TEXT_UTF8;
    if (rc == NB_OK && nb_text_import(raw.data, raw.len, out, &enc) != NB_OK) {
        /* Windows-1252 takes up to three times the room as UTF-8 */
        if (raw.len >= room / 3)
            rc = nb_error_set_at(err, NB_EINPUT, name, 0, 0,
                                 "file is too large as text (over %zu bytes)", room);
        else
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (rc == NB_OK && enc == NB_TEXT_CP1252 && warnings) {
        char msg[128];
        nb_text_cp1252_warning(raw.data, raw.len, msg, sizeof(msg));
        if (nb_strv_pushs(warnings, msg) != NB_OK)
            rc = nb_error_set(err, NB_ENOMEM, "out of memory");
    }
    if (rc != NB_OK)
        nb_buf_truncate(out, mark);
    nb_buf_release(&raw);
    return rc;
}

int nb_fd_write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = 0;
            return -1;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

nb_status nb_file_write_atomic(const char *path, const void *data, size_t len, struct nb_error *err)
{
    return nb_file_write_atomic_told(path, data, len, NULL, err);
}

nb_status nb_file_write_atomic_told(const char *path, const void *data, size_t len,
                                    const struct nb_temp_hook *hook, struct nb_error *err)
{
    struct nb_tmpfile t;
    nb_status rc = nb_tmpfile_open(&t, path, hook, err);
    if (rc != NB_OK)
        return rc;
    if (nb_fd_write_all(t.fd, data, len) != 0) {
        nb_error_set_at(err, NB_EIO, path, 0, 0, "cannot write: %s",
                        errno ? strerror(errno) : "nothing written");
        nb_tmpfile_abort(&t);
        return NB_EIO;
    }
    return nb_tmpfile_commit(&t, err);
}
