/* error.h - the one error type of newsbrief, and the one return convention.
 *
 * A library function that can fail returns an nb_status (NB_OK is 0) and,
 * when it has more to say than "out of memory", takes `struct nb_error
 * *err` as its last argument (`err` may be NULL when the caller does not
 * want the message).  Functions whose only failure is running out of
 * memory (buffer appends, list pushes) return NB_ENOMEM and leave the
 * message to the caller, which knows what it was doing.  A count or a
 * length is never also an error code: what is found goes to an out
 * parameter (`int *found`, `size_t *used`).  A constructor returns NULL
 * only when out of memory.  Predicates (`nb_*_is_*`, `*_ok`) answer 1 or 0
 * and cannot fail.  Library code never prints and never exits: the command
 * line formats the error with nb_error_format() and picks the exit code
 * with nb_error_exit_code().
 */
#ifndef NB_TEXT_ERROR_H
#define NB_TEXT_ERROR_H

#include <stdarg.h>
#include <stddef.h>

enum nb_status_code {
    NB_OK = 0,
    NB_EINPUT,   /* the user's input is wrong (file, YAML, option): exit 2 */
    NB_ENOMEM,   /* out of memory or over a size cap */
    NB_EIO,      /* reading or writing a file failed */
    NB_ESYNTH,   /* the synthesiser failed */
    NB_EINTERNAL /* a bug: an invariant did not hold */
};
#ifdef NB_STATUS_CHECK
/* A checking build (cmake -DNB_STATUS_CHECK=ON, run by CI): as an unsigned
 * type, a status compared as a negative count ("rc < 0", "rc == -1") is a
 * compiler warning, which an enum is not. */
typedef unsigned nb_status;
#else
typedef enum nb_status_code nb_status;
#endif

#define NB_ERROR_MSG_MAX 512
#define NB_ERROR_FILE_MAX 512

struct nb_error {
    nb_status status;
    char file[NB_ERROR_FILE_MAX]; /* "" when the error is not about a file */
    unsigned line;                /* 1-based; 0 when unknown */
    unsigned column;              /* 1-based; 0 when unknown */
    char message[NB_ERROR_MSG_MAX];
};

/* Clears `err` (no allocation, cannot fail). */
void nb_error_init(struct nb_error *err);

/* Records status and a printf-style message in `err` (if not NULL) and
 * returns `status`, so that `return nb_error_set(err, NB_EIO, ...);` works. */
nb_status nb_error_set(struct nb_error *err, nb_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Same, about `file` (may be NULL) at line:column (0 when unknown). */
nb_status nb_error_set_at(struct nb_error *err, nb_status status, const char *file,
                          unsigned line, unsigned column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* nb_error_set_at() with the arguments as a va_list. */
nb_status nb_error_vset_at(struct nb_error *err, nb_status status, const char *file, unsigned line,
                           unsigned column, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

/* Sets the file of an error that has none yet (e.g. a parser that only knew
 * the text).  No-op when err is NULL or already names a file. */
void nb_error_set_file(struct nb_error *err, const char *file);

/* Writes "file:line:column: message" (parts omitted when unknown) into out,
 * truncating to fit; returns out. */
char *nb_error_format(const struct nb_error *err, char *out, size_t size);

/* 2 for NB_EINPUT, 1 for every other failure, 0 for NB_OK. */
int nb_error_exit_code(nb_status status);

#endif
