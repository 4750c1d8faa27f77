/* file.h - reading whole files and writing outputs atomically.
 */
#ifndef NB_TEXT_FILE_H
#define NB_TEXT_FILE_H

#include "text/buf.h"
#include "text/error.h"
#include "text/strv.h"
#include "text/utf8.h"

#include <stddef.h>
#include <sys/types.h>

/* Why nb_file_open_regular() opened nothing. */
enum nb_open_failure {
    NB_OPEN_OK,
    NB_OPEN_ERRNO,      /* open() or a check failed: the errno is given */
    NB_OPEN_FOLDER,     /* a directory */
    NB_OPEN_NOT_REGULAR /* a FIFO, a device, a socket */
};

/* Opens `path` for reading without blocking (a FIFO has no writer to wait
 * for), then checks the descriptor opened, never the name again: a
 * descriptor of a regular file, blocking again and close-on-exec, or -1
 * with *failure (and *error, an errno, for NB_OPEN_ERRNO) saying why, for
 * a caller that words its own message. */
int nb_file_open_regular(const char *path, enum nb_open_failure *failure, int *error);

/* Opens the input file at `path` for reading, never blocking: opened
 * first (non-blocking, close-on-exec), then what was opened is checked, so
 * that nothing can swap the path for another kind of file in between.
 * Returns the descriptor, blocking again, or -1 with err set: NB_EINPUT
 * for an empty name ("'': no file name given"), a missing or unreadable
 * file ("cannot open: ..."), a directory ("is a directory, not a file")
 * and anything else that is not a regular file, a FIFO, a device or a
 * socket ("not a regular file"), naming the file.  The caller closes the
 * descriptor.  Every input file newsbrief reads is opened here. */
int nb_file_open_input(const char *path, struct nb_error *err);

/* Reads the whole file at `path` ("-" = standard input, which may be a
 * pipe) into out (appended, raw bytes), opened by nb_file_open_input().
 * Fails with its errors, and with NB_EINPUT when the file is larger than
 * `max` bytes (0 = out->cap), naming the file in err. */
nb_status nb_file_read(const char *path, size_t max, struct nb_buf *out, struct nb_error *err);

/* nb_file_read(), nb_text_check() and nb_text_import() (text/utf8.h): the
 * file at `path` ("-" = standard input) appended to `out` as library
 * text.  Text that is not UTF-8 is read as Windows-1252 and its warning
 * (nb_text_cp1252_warning()) pushed to `warnings` (may be NULL).  Errors
 * as nb_file_read(); NB_EINPUT for binary data and UTF-16 (nb_text_check()),
 * naming the file; NB_ENOMEM. */
nb_status nb_file_read_text(const char *path, size_t max, struct nb_buf *out,
                            struct nb_strv *warnings, struct nb_error *err);

/* Writes data to `path` through a temporary file in the same folder, then
 * fsyncs and renames it into place, so that a failure never leaves a
 * half-written file and never destroys the previous one.  Mode 0644 (less
 * the umask). */
nb_status nb_file_write_atomic(const char *path, const void *data, size_t len,
                               struct nb_error *err);

/* A temporary file beside its final path, for outputs written by other
 * libraries (libsndfile takes the descriptor).  Usage: open, write to fd,
 * commit (or abort on any failure).  commit and abort free the names and
 * close the descriptor; after either the struct may be opened again. */
/* Told of each temporary file a long write makes (created 1) and when it
 * is gone (created 0, renamed or removed), so that a program stopped by a
 * signal can remove what is left: the front end keeps the paths.  `fn`
 * NULL: no one is told. */
struct nb_temp_hook {
    void (*fn)(void *ctx, const char *path, int created);
    void *ctx;
    /* Told of a child process that makes files of its own (a batch's
     * article), as it starts (started 1) and once it is reaped (0), so that
     * a program stopped by a signal first stops those children, which
     * remove their own files, and waits for them.  NULL: no one is told. */
    void (*child)(void *ctx, pid_t pid, int started);
};

static inline void nb_temp_tell(const struct nb_temp_hook *h, const char *path, int created)
{
    if (h && h->fn && path)
        h->fn(h->ctx, path, created);
}

static inline void nb_temp_tell_child(const struct nb_temp_hook *h, pid_t pid, int started)
{
    if (h && h->child)
        h->child(h->ctx, pid, started);
}

/* Creates the file `tmpl` names, its last six characters "XXXXXX"
 * replaced in place by letters and digits, exclusively (O_EXCL), mode 0600,
 * and returns its descriptor, or -1 with errno set.  `h` (may be NULL) is
 * told of the name before the file exists, so that a signal at any moment
 * finds every file told; told gone again when the creation fails. */
int nb_temp_create(char *tmpl, const struct nb_temp_hook *h);

struct nb_tmpfile {
    int fd;                   /* -1 when not open */
    char *tmp_path;           /* owned */
    char *final_path;         /* owned */
    struct nb_temp_hook hook; /* told of tmp_path as it comes and goes */
};
/* `hook` may be NULL: no one is told. */
nb_status nb_tmpfile_open(struct nb_tmpfile *t, const char *path, const struct nb_temp_hook *hook,
                          struct nb_error *err);
/* fsync, permissions 0644 less the umask, close, rename into place, fsync
 * the folder. On failure the temporary file is removed. */
nb_status nb_tmpfile_commit(struct nb_tmpfile *t, struct nb_error *err);
void nb_tmpfile_abort(struct nb_tmpfile *t);

/* Writes all of data[0..len) to descriptor fd, again after EINTR and
 * short writes: 0, or -1 with errno set (0 for a write that wrote nothing). */
int nb_fd_write_all(int fd, const void *data, size_t len);

/* nb_file_write_atomic() with `hook` (may be NULL) told of its temporary
 * file. */
nb_status nb_file_write_atomic_told(const char *path, const void *data, size_t len,
                                    const struct nb_temp_hook *hook, struct nb_error *err);

/* Creates `dir` and its parents as needed (like mkdir -p). */
nb_status nb_file_mkdirs(const char *dir, struct nb_error *err);

/* Appends to out the folder part of `path` ("." when it has none). */
nb_status nb_path_dirname(const char *path, struct nb_buf *out);
/* Appends `rel` resolved against folder `dir`: rel itself when absolute. */
nb_status nb_path_join(const char *dir, const char *rel, struct nb_buf *out);
/* The part of `path` after its last '/'. Borrowed from path. */
const char *nb_path_basename(const char *path);

#endif
