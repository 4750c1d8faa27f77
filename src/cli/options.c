#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct nb_cli_option *find_option(const struct nb_cli_option *opts, const char *arg,
                                               size_t len)
{
    for (const struct nb_cli_option *o = opts; o && o->name; o++) {
        if ((strlen(o->name) == len && strncmp(o->name, arg, len) == 0) ||
            (o->alias && strlen(o->alias) == len && strncmp(o->alias, arg, len) == 0))
            return o;
    }
    return NULL;
}

int nb_cli_parse(const struct nb_cli_command *cmd, int argc, char **argv,
                 const struct nb_cli_option *opts, struct nb_strv *positional, int *exit_code)
{
    int only_positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_positional || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (nb_strv_pushs(positional, arg) != NB_OK) {
                *exit_code = nb_cli_failf(NB_EXIT_FAIL, "out of memory");
                return 0;
            }
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_positional = 1;
            continue;
        }
        const char *eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        if ((len == 6 && strncmp(arg, "--help", 6) == 0) || strcmp(arg, "-h") == 0) {
            if (eq) { /* every command's flag, as a flag of its own would be */
                *exit_code =
                    nb_cli_failf(NB_EXIT_INPUT, "%s: option '--help' takes no value", cmd->name);
                return 0;
            }
            fputs(cmd->usage, stdout);
            *exit_code = NB_EXIT_OK;
            return 0;
        }
        const struct nb_cli_option *o = find_option(opts, arg, len);
        const char *attached = NULL; /* "-j2", as make and cc take it */
        if (!o && arg[1] != '-' && len > 2) {
            o = find_option(opts, arg, 2);
            if (o && o->flag)
                o = NULL;
            attached = o ? arg + 2 : NULL;
        }
        if (!o) {
            *exit_code =
                nb_cli_failf(NB_EXIT_INPUT, "%s: unknown option '%.*s' (see 'newsbrief %s --help')",
                             cmd->name, (int)len, arg, cmd->name);
            return 0;
        }
        if (o->flag) {
            if (eq) {
                *exit_code = nb_cli_failf(NB_EXIT_INPUT, "%s: option '%s' takes no value",
                                          cmd->name, o->name);
                return 0;
            }
            *o->flag = 1;
            continue;
        }
        if (eq || attached) {
            *o->value = eq ? eq + 1 : attached;
        } else if (i + 1 < argc) {
            *o->value = argv[++i];
        } else {
            *exit_code =
                nb_cli_failf(NB_EXIT_INPUT, "%s: option '%s' needs a value", cmd->name, o->name);
            return 0;
        }
    }
    return 1;
}

int nb_cli_fail(const struct nb_error *err)
{
    char msg[NB_ERROR_MSG_MAX + NB_ERROR_FILE_MAX + 64];
    fprintf(stderr, "newsbrief: %s\n", nb_error_format(err, msg, sizeof(msg)));
    return nb_error_exit_code(err->status ? err->status : NB_EINTERNAL);
}

int nb_cli_failf(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("newsbrief: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return code;
}

/* errno as a failed write left it, when it is a reason a write fails for
 * (not one left by an earlier call that failed and was dealt with). */
static int write_errno(int e)
{
    switch (e) {
    case ENOSPC:
    case EBADF:
    case EPIPE:
    case EIO:
    case EFBIG:
    case EDQUOT:
    case EAGAIN:
        return e;
    default:
        return 0;
    }
}

int nb_cli_stdout_check(void)
{
    int e = ferror(stdout) ? write_errno(errno) : 0;
    errno = 0;
    if (fflush(stdout) != 0)
        e = errno; /* what was still to write failed now: the reason is sure */
    else if (!ferror(stdout))
        return NB_EXIT_OK;
    int flags = e ? 0 : fcntl(STDOUT_FILENO, F_GETFL);
    if (flags == -1)
        e = errno;
    else if (!e && (flags & O_ACCMODE) == O_RDONLY) /* main()'s stand-in for a closed one */
        e = EBADF;
    if (!e)
        return nb_cli_failf(NB_EXIT_FAIL, "cannot write to standard output");
    return nb_cli_failf(NB_EXIT_FAIL, "cannot write to standard output: %s", strerror(e));
}

int nb_cli_number(const char *option, const char *text, long min, long max, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < min || v > max) {
        nb_cli_failf(NB_EXIT_INPUT, "%s must be a whole number from %ld to %ld, not '%s'", option,
                     min, max, text);
        return 0;
    }
    *out = v;
    return 1;
}

void nb_cli_warnings(const struct nb_bulletin *bl)
{
    for (size_t i = 0; i < bl->warnings.n; i++)
        fprintf(stderr, "newsbrief: warning: %s\n", bl->warnings.v[i]);
}

int nb_cli_briefing_script(const char *cmd, const struct nb_strv *args, struct nb_bulletin *bl)
{
    if (args->n > 1)
        return nb_cli_failf(NB_EXIT_INPUT, "%s: give at most one BRIEFING", cmd);
    struct nb_error err;
    nb_error_init(&err);
    nb_status rc = nb_bulletin_script(bl, args->n ? args->v[0] : NULL, &err);
    nb_cli_warnings(bl);
    return rc == NB_OK ? NB_EXIT_OK : nb_cli_fail(&err);
}

void nb_cli_progress(void *ctx, const char *doing)
{
    (void)ctx;
    fprintf(stderr, "newsbrief: %s...\n", doing);
}

int nb_cli_jobs(const char *text, unsigned *out)
{
    *out = 0;
    if (!text)
        return 1;
    long n;
    if (!nb_cli_number("--jobs", text, 1, 64, &n))
        return 0;
    *out = (unsigned)n;
    return 1;
}
