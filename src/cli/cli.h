/* cli.h - what the subcommands of the newsbrief command share.
 *
 * The command line parses arguments, makes one call into the library
 * (bulletin/bulletin.h, or a stage for the commands that show one stage)
 * and prints what it got.  It is the only place that prints errors or
 * picks exit codes: 0 success, 1 a failure while working, 2 bad input or
 * usage.
 */
#ifndef NB_CLI_CLI_H
#define NB_CLI_CLI_H

#include "bulletin/bulletin.h"
#include "text/error.h"
#include "text/strv.h"

#include <stdio.h>

#define NB_EXIT_OK 0
#define NB_EXIT_FAIL 1
#define NB_EXIT_INPUT 2

struct nb_cli_command {
    const char *name;
    const char *summary; /* one line for `newsbrief --help` */
    const char *usage;   /* full text for `newsbrief NAME --help` */
    int (*run)(int argc, char **argv);
};

extern const struct nb_cli_command nb_cmd_build, nb_cmd_batch, nb_cmd_read, nb_cmd_sentences,
    nb_cmd_summarise, nb_cmd_script, nb_cmd_names, nb_cmd_normalise, nb_cmd_speak, nb_cmd_voices;

/* One option of a subcommand.  Exactly one of `value` (takes an argument)
 * or `flag` (set to 1 when present) is set. */
struct nb_cli_option {
    const char *name;  /* "--json" */
    const char *alias; /* "-o", or NULL */
    const char **value;
    int *flag;
};

/* Parses argv[1..] of subcommand `cmd`: options (also as --name=value),
 * "--" ends them, everything else goes to `positional` (borrowed pointers
 * pushed as copies).  1 when the command goes on; 0 when it is done,
 * with *exit_code: 0 after --help / -h printed cmd->usage, 2 after a
 * usage error printed one line (1 when out of memory). */
int nb_cli_parse(const struct nb_cli_command *cmd, int argc, char **argv,
                 const struct nb_cli_option *opts, struct nb_strv *positional, int *exit_code);

/* Prints "newsbrief: <formatted error>" to stderr and returns the exit code
 * for it. */
int nb_cli_fail(const struct nb_error *err);
/* Prints "newsbrief: <message>" and returns `code`. */
int nb_cli_failf(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Flushes standard output and checks that everything written to it
 * arrived: NB_EXIT_OK, or NB_EXIT_FAIL after printing "newsbrief: cannot
 * write to standard output: REASON" (ENOSPC for a full disk, EBADF for a
 * closed standard output, EPIPE...).  main() calls it after every command
 * that succeeded, so a command need not check its printing; one that
 * prints much may stop at the first failure (ferror(stdout)) and call it
 * at once, before another call changes errno, and return what it gives. */
int nb_cli_stdout_check(void);

/* Parses a whole number in [min, max] from an option: 1 and *out set, or 0
 * after printing a usage error naming `option` when it is not one. */
int nb_cli_number(const char *option, const char *text, long min, long max, long *out);

/* Parses the value of -j/--jobs (NULL: 0, one worker per processor) into
 * *out: 1 when it is a number of speech workers (1..64), else 0 after
 * printing a usage error. */
int nb_cli_jobs(const char *text, unsigned *out);

/* The line of --help that says what -j does. */
#define NB_CLI_JOBS_HELP                                                                           \
    "  -j, --jobs N           speak with N worker processes at once (default: one per\n"           \
    "                         processor); the audio is the same for any N\n"

/* Prints each of the bulletin's warnings as "newsbrief: warning: ...". */
void nb_cli_warnings(const struct nb_bulletin *bl);

/* Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the
 * temporary files the returned hook is told of (cleanup.c), then die of
 * the signal. */
struct nb_temp_hook nb_cli_cleanup_on_signals(void);

/* A progress line on standard error: "newsbrief: reading the articles...". */
void nb_cli_progress(void *ctx, const char *doing);

/* The script of the one BRIEFING in args (none: the example) into bl, its
 * warnings printed: NB_EXIT_OK, or the exit code after printing the error
 * ("CMD: give at most one BRIEFING", or the briefing's). */
int nb_cli_briefing_script(const char *cmd, const struct nb_strv *args, struct nb_bulletin *bl);

#endif
