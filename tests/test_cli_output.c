/* End-to-end tests of what the command does when its standard streams
 * fail: output into a full disk (/dev/full), a closed standard output, a
 * pipe nobody reads, a closed standard input.  Each must fail with one
 * line naming the reason and exit 1, never succeed silently. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <json-c/json.h>

#include "support.h"
#include "text/buf.h"
#include "text/file.h"

#define BIN NB_TEST_BINARY
#define FIX NB_TEST_FIXTURES "/cli"
#define EXAMPLE NB_DATA_DIR "/briefings/example.yaml"

/* Where the child's standard output goes. */
enum out_to {
    TO_FULL,   /* /dev/full: every write fails with ENOSPC */
    TO_CLOSED, /* no file descriptor 1 at all */
    TO_PIPE,   /* a pipe whose reading end is closed: EPIPE (SIGPIPE ignored) */
};

struct run {
    int code;
    char *err;
};

/* Runs argv with standard output as `to` and standard input closed when
 * `close_stdin` (else /dev/null); captures standard error. */
static struct run run_with(enum out_to to, int close_stdin, char *const argv[])
{
    int perr[2], pdead[2] = {-1, -1};
    if (pipe(perr) < 0 || (to == TO_PIPE && pipe(pdead) < 0))
        fail_msg("pipe: %s", strerror(errno));
    if (to == TO_PIPE)
        close(pdead[0]); /* nobody will read */
    pid_t pid = fork();
    if (pid < 0)
        fail_msg("fork: %s", strerror(errno));
    if (pid == 0) {
        signal(SIGPIPE, SIG_IGN); /* a write into the dead pipe fails, not kills */
        dup2(perr[1], 2);
        close(perr[0]);
        close(perr[1]);
        int in = open("/dev/null", O_RDONLY);
        dup2(in, 0);
        close(in);
        if (close_stdin)
            close(0);
        if (to == TO_FULL) {
            int full = open("/dev/full", O_WRONLY);
            dup2(full, 1);
            close(full);
        } else if (to == TO_PIPE) {
            dup2(pdead[1], 1);
            close(pdead[1]);
        } else {
            close(1);
        }
        execv(argv[0], argv);
        _exit(127);
    }
    close(perr[1]);
    if (to == TO_PIPE)
        close(pdead[1]);
    struct nb_buf b;
    nb_buf_init(&b, 0);
    char chunk[4096];
    ssize_t n;
    while ((n = read(perr[0], chunk, sizeof(chunk))) > 0 || (n < 0 && errno == EINTR))
        if (n > 0)
            nb_buf_add(&b, chunk, (size_t)n);
    close(perr[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    struct run r;
    r.code = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
    r.err = nb_buf_detach(&b, NULL);
    return r;
}

static const char *const reasons[] = {
    [TO_FULL] = "No space left on device",
    [TO_CLOSED] = "Bad file descriptor",
    [TO_PIPE] = "Broken pipe",
};

/* argv fails in each of the three ways with exit 1 and the one line. */
static void check_write_fails(char *const argv[])
{
    for (int to = TO_FULL; to <= TO_PIPE; to++) {
        struct run r = run_with((enum out_to)to, 0, argv);
        char want[128];
        snprintf(want, sizeof(want), "newsbrief: cannot write to standard output: %s\n",
                 reasons[to]);
        if (r.code != 1 || strcmp(r.err, want) != 0)
            fail_msg("'%s %s' with standard output %s: exit %d, said '%s'", argv[1],
                     argv[2] ? argv[2] : "",
                     to == TO_FULL     ? "/dev/full"
                     : to == TO_CLOSED ? "closed"
                                       : "a dead pipe",
                     r.code, r.err);
        free(r.err);
    }
}

static void test_help_and_version(void **state)
{
    (void)state;
    check_write_fails((char *[]){BIN, "--help", NULL});
    check_write_fails((char *[]){BIN, "--version", NULL});
    check_write_fails((char *[]){BIN, "summarise", "--help", NULL});
}

static void test_summarise(void **state)
{
    (void)state;
    check_write_fails((char *[]){BIN, "summarise", FIX "/story.txt", NULL});
    check_write_fails((char *[]){BIN, "summarise", FIX "/story.txt", "--json", NULL});
}

static void test_voices(void **state)
{
    (void)state;
    check_write_fails((char *[]){BIN, "voices", NULL});
}

static void test_normalise(void **state)
{
    (void)state;
    check_write_fails((char *[]){BIN, "normalise", "It weighs 3kg.", NULL});
    check_write_fails((char *[]){BIN, "normalise", "--explain", "It weighs 3kg.", NULL});
}

static void test_script(void **state)
{
    (void)state;
    check_write_fails((char *[]){BIN, "script", EXAMPLE, NULL});
    check_write_fails((char *[]){BIN, "script", EXAMPLE, "--json", NULL});
}

static void test_names(void **state)
{
    (void)state;
    check_write_fails((char *[]){BIN, "names", FIX "/story.txt", NULL});
    check_write_fails((char *[]){BIN, "names", FIX "/story.txt", "--json", NULL});
}

/* A closed standard input is an error to read, not an empty text. */
static void test_closed_stdin(void **state)
{
    (void)state;
    char *argv[] = {BIN, "normalise", NULL};
    struct run r = run_with(TO_FULL, 1, argv);
    assert_int_equal(r.code, 1);
    assert_string_equal(r.err,
                        "newsbrief: normalise: cannot read standard input: Bad file descriptor\n");
    free(r.err);
}

/* With standard output closed, a file the command writes must not take
 * its number and get the summary printed into it: the batch's files are
 * whole, and the summary's failure is reported. */
static void test_closed_stdout_spares_files(void **state)
{
    (void)state;
    char *dir = nb_test_tmpdir("cli_output_closed");
    struct nb_buf out;
    nb_buf_init(&out, 0);
    nb_buf_addf(&out, "%s/out", dir);
    char *argv[] = {BIN, "batch", FIX "/story.txt", "-o", out.data, "-q", NULL};
    struct run r = run_with(TO_CLOSED, 0, argv);
    assert_int_equal(r.code, 1);
    assert_string_equal(r.err, "newsbrief: cannot write to standard output: Bad file descriptor\n");
    free(r.err);
    struct nb_buf index;
    nb_buf_init(&index, 0);
    nb_buf_addf(&index, "%s/index.json", out.data);
    struct json_object *o = json_object_from_file(index.data);
    assert_non_null(o); /* parses: nothing else was written into it */
    json_object_put(o);
    nb_buf_reset(&index);
    nb_buf_addf(&index, "%s/story.wav", out.data);
    assert_true(nb_test_wav_seconds(index.data) > 1.0);
    nb_buf_release(&index);
    nb_buf_release(&out);
    free(dir);
}

/* A flag given a value is a usage error naming the flag, --help too. */
static void test_flag_with_value(void **state)
{
    (void)state;
    static const struct {
        const char *cmd, *arg, *want;
    } cases[] = {
        {"read", "--help=1", "newsbrief: read: option '--help' takes no value\n"},
        {"batch", "--help=", "newsbrief: batch: option '--help' takes no value\n"},
        {"summarise", "--json=yes", "newsbrief: summarise: option '--json' takes no value\n"},
        {"normalise", "--explain=1", "newsbrief: normalise: option '--explain' takes no value\n"},
        {"--help=1", NULL, "newsbrief: option '--help' takes no value\n"},
        {"--version=2", NULL, "newsbrief: option '--version' takes no value\n"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *out = NULL, *err = NULL;
        int code = nb_test_run((char *[]){BIN, (char *)cases[i].cmd, (char *)cases[i].arg, NULL},
                               NULL, &out, &err);
        if (code != 2 || strcmp(err, cases[i].want) != 0 || out[0])
            fail_msg("'%s %s': exit %d, said '%s'", cases[i].cmd, cases[i].arg ? cases[i].arg : "",
                     code, err);
        free(out);
        free(err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_and_version), cmocka_unit_test(test_summarise),
        cmocka_unit_test(test_voices),           cmocka_unit_test(test_normalise),
        cmocka_unit_test(test_script),           cmocka_unit_test(test_names),
        cmocka_unit_test(test_closed_stdin),     cmocka_unit_test(test_closed_stdout_spares_files),
        cmocka_unit_test(test_flag_with_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
