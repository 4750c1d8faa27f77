/* The bad-input corpus (project issue 15): runs the real command on every
 * case of tests/bad_inputs/expected.tsv and checks that it refuses each one
 * as a user needs: the expected exit code, exactly the expected one line on
 * standard error, no crash, no hang, and nothing left behind (no audio, no
 * temporary file in the output folder, no new file in the corpus).
 *
 * The manifest has one case a line, three TAB-separated fields: the command
 * (arguments split on single spaces; {DIR} is tests/bad_inputs, {TOP} the
 * source tree, {OUT} an empty scratch folder), the exit code, and the standard error without its
 * final newline. Lines starting with '#' and blank lines are skipped. Every
 * mismatch is printed, then the test fails once at the end. */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "support.h"
#include "text/buf.h"

#define BIN NB_TEST_BINARY
#define CASE_SECONDS 60        /* a case still running after this has hung */
#define STDERR_CAP (64 * 1024) /* what is kept of a runaway standard error */
#define SHOW_CAP 600           /* what a mismatch shows of it */

struct outcome {
    int timed_out;
    int signal; /* the signal that ended the command, or 0 */
    int code;   /* its exit code when it exited */
    char *err;  /* standard error, malloc'd, at most STDERR_CAP bytes */
    size_t err_len;
};

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs argv in its own process group with standard input from /dev/null,
 * standard output discarded, and the data search not steered by the
 * caller's environment. The group is killed when the command runs over
 * CASE_SECONDS (and afterwards, so no stray worker outlives a case). */
static struct outcome run_limited(char *const argv[], const char *cache)
{
    struct outcome o = {0};
    int perr[2];
    if (pipe(perr) < 0)
        fail_msg("pipe: %s", strerror(errno));
    pid_t pid = fork();
    if (pid < 0)
        fail_msg("fork: %s", strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);
        int devnull = open("/dev/null", O_RDWR);
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(perr[1], 2);
        close(devnull);
        close(perr[0]);
        close(perr[1]);
        unsetenv("NEWSBRIEF_DATA");
        unsetenv("NEWSBRIEF_VOICES");
        setenv("XDG_CACHE_HOME", cache, 1);
        execv(argv[0], argv);
        _exit(127);
    }
    setpgid(pid, pid); /* also here, so the group exists whoever runs first */
    close(perr[1]);
    signal(SIGPIPE, SIG_IGN);

    struct nb_buf err;
    nb_buf_init(&err, 0);
    double deadline = now_seconds() + CASE_SECONDS;
    int open_fd = 1, status = 0, exited = 0;
    while (!exited) {
        double left = deadline - now_seconds();
        if (left <= 0) {
            o.timed_out = 1;
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        if (open_fd) {
            struct pollfd fd = {perr[0], POLLIN, 0};
            int ms = left > 0.2 ? 200 : (int)(left * 1000) + 1;
            int n = poll(&fd, 1, ms);
            if (n > 0) {
                char tmp[8192];
                ssize_t got = read(perr[0], tmp, sizeof(tmp));
                if (got > 0) {
                    size_t keep = (size_t)got;
                    if (err.len + keep > STDERR_CAP)
                        keep = err.len < STDERR_CAP ? STDERR_CAP - err.len : 0;
                    nb_buf_add(&err, tmp, keep);
                } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
                    open_fd = 0;
                }
            }
        } else {
            nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
        }
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            exited = 1;
    }
    /* Read what is left in the pipe after the command exited (a worker
     * holding it open is killed first, so this cannot block). */
    kill(-pid, SIGKILL);
    if (open_fd) {
        int fl = fcntl(perr[0], F_GETFL);
        fcntl(perr[0], F_SETFL, fl | O_NONBLOCK);
        char tmp[8192];
        ssize_t got;
        while ((got = read(perr[0], tmp, sizeof(tmp))) > 0)
            if (err.len + (size_t)got <= STDERR_CAP)
                nb_buf_add(&err, tmp, (size_t)got);
    }
    close(perr[0]);
    if (!o.timed_out) {
        if (WIFSIGNALED(status))
            o.signal = WTERMSIG(status);
        else
            o.code = WEXITSTATUS(status);
    }
    o.err = nb_buf_detach(&err, &o.err_len);
    return o;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends every path under `dir` (relative, hidden files too), one a line,
 * in a stable order. */
static void list_tree(const char *dir, const char *rel, struct nb_buf *out)
{
    struct nb_buf path;
    nb_buf_init(&path, 0);
    nb_buf_addf(&path, "%s%s%s", dir, *rel ? "/" : "", rel);
    DIR *d = opendir(path.data);
    if (!d) {
        nb_buf_release(&path);
        return;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char **grown = realloc(names, (n + 1) * sizeof(*names));
        assert_non_null(grown);
        names = grown;
        names[n++] = nb_strdup(e->d_name);
    }
    closedir(d);
    if (n > 0)
        qsort(names, n, sizeof(*names), by_name);
    for (size_t i = 0; i < n; i++) {
        struct nb_buf sub;
        nb_buf_init(&sub, 0);
        nb_buf_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        nb_buf_addf(out, "%s\n", sub.data);
        list_tree(dir, sub.data, out);
        nb_buf_release(&sub);
        free(names[i]);
    }
    free(names);
    nb_buf_release(&path);
}

/* `s` with every `from` replaced by `to`, into `out` (reset first). */
static void replace_all(struct nb_buf *out, const char *s, const char *from, const char *to)
{
    nb_buf_reset(out);
    size_t flen = strlen(from);
    const char *hit;
    while ((hit = strstr(s, from)) != NULL) {
        nb_buf_add(out, s, (size_t)(hit - s));
        nb_buf_adds(out, to);
        s = hit + flen;
    }
    nb_buf_adds(out, s);
}

static void expand(struct nb_buf *out, const char *s, const char *dir, const char *outdir)
{
    struct nb_buf tmp;
    nb_buf_init(&tmp, 0);
    replace_all(&tmp, s, "{DIR}", dir);
    struct nb_buf tmp2;
    nb_buf_init(&tmp2, 0);
    /* {TOP}: the source tree (tests/bad_inputs/../..), where voices/ is */
    size_t top_len = strlen(dir) - strlen("/tests/bad_inputs");
    char *top = strndup(dir, top_len);
    replace_all(&tmp2, tmp.data, "{TOP}", top ? top : "");
    free(top);
    replace_all(out, tmp2.data, "{OUT}", outdir);
    nb_buf_release(&tmp2);
    nb_buf_release(&tmp);
}

/* A printable, bounded copy of what the command wrote, for a report. */
static void show(struct nb_buf *out, const char *s, size_t len)
{
    nb_buf_reset(out);
    size_t n = len < SHOW_CAP ? len : SHOW_CAP;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            nb_buf_adds(out, "\\n");
        else if (c < 0x20 || c == 0x7f)
            nb_buf_addf(out, "\\x%02x", c);
        else
            nb_buf_addc(out, (char)c);
    }
    if (len > n)
        nb_buf_addf(out, "... (%zu bytes in all)", len);
}

/* Checks one case; prints every way it went wrong and returns how many. */
static int check_case(int lineno, const char *cmd, int want_code, const char *want_err,
                      const char *dir, const char *cache, const char *corpus_before)
{
    char *outdir_tmp = nb_test_tmpdir("bad_inputs/out");
    char outdir[PATH_MAX];
    if (!realpath(outdir_tmp, outdir))
        fail_msg("%s: %s", outdir_tmp, strerror(errno));
    free(outdir_tmp);

    struct nb_buf line, want;
    nb_buf_init(&line, 0);
    nb_buf_init(&want, 0);
    expand(&line, cmd, dir, outdir);
    expand(&want, want_err, dir, outdir);
    nb_buf_addc(&want, '\n');

    char *argv[64];
    size_t argc = 0;
    argv[argc++] = BIN;
    for (char *p = line.data; *p && argc < 63;) {
        argv[argc++] = p;
        char *sp = strchr(p, ' ');
        if (!sp)
            break;
        *sp = '\0';
        p = sp + 1;
    }
    argv[argc] = NULL;

    struct outcome o = run_limited(argv, cache);
    int wrong = 0;
    struct nb_buf shown;
    nb_buf_init(&shown, 0);
#define REPORT(...)                                                                                \
    do {                                                                                           \
        if (!wrong)                                                                                \
            print_message("expected.tsv:%d: %s\n", lineno, cmd);                                   \
        print_message("    " __VA_ARGS__);                                                         \
        print_message("\n");                                                                       \
        wrong++;                                                                                   \
    } while (0)

    if (o.timed_out)
        REPORT("hung: killed after %d s", CASE_SECONDS);
    else if (o.signal)
        REPORT("crashed: signal %d (%s)", o.signal, strsignal(o.signal));
    else if (o.code != want_code)
        REPORT("exit code %d, expected %d", o.code, want_code);

    if (o.err_len != want.len || memcmp(o.err, want.data, want.len) != 0) {
        show(&shown, o.err, o.err_len);
        REPORT("stderr:   %s", shown.data);
        show(&shown, want.data, want.len);
        REPORT("expected: %s", shown.data);
    }

    struct nb_buf left;
    nb_buf_init(&left, 0);
    list_tree(outdir, "", &left);
    if (left.len) {
        show(&shown, left.data, left.len);
        REPORT("left in {OUT}: %s", shown.data);
    }
    nb_buf_reset(&left);
    list_tree(dir, "", &left);
    if (strcmp(left.data, corpus_before) != 0)
        REPORT("the files under {DIR} changed (something was written into the corpus)");
#undef REPORT

    nb_buf_release(&left);
    nb_buf_release(&shown);
    nb_buf_release(&line);
    nb_buf_release(&want);
    free(o.err);
    return wrong ? 1 : 0;
}

static void test_bad_inputs(void **state)
{
    (void)state;
    char dir[PATH_MAX];
    if (!realpath(NB_TEST_FIXTURES "/../bad_inputs", dir))
        fail_msg("%s: %s", NB_TEST_FIXTURES "/../bad_inputs", strerror(errno));
    char *cache = nb_test_tmpdir("bad_inputs/cache");

    struct nb_buf manifest_path;
    nb_buf_init(&manifest_path, 0);
    nb_buf_addf(&manifest_path, "%s/expected.tsv", dir);
    char *manifest = nb_test_file(manifest_path.data, NULL);

    struct nb_buf before;
    nb_buf_init(&before, 0);
    list_tree(dir, "", &before);

    int cases = 0, failed = 0, lineno = 0;
    char *next = manifest;
    while (next && *next) {
        char *line = next;
        char *nl = strchr(line, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        if (line[0] == '\0' || line[0] == '#')
            continue;
        char *tab1 = strchr(line, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2)
            fail_msg("expected.tsv:%d: not three TAB-separated fields", lineno);
        *tab1 = '\0';
        *tab2 = '\0';
        char *end;
        long code = strtol(tab1 + 1, &end, 10);
        if (end == tab1 + 1 || *end != '\0' || code < 0 || code > 255)
            fail_msg("expected.tsv:%d: bad exit code '%s'", lineno, tab1 + 1);
        cases++;
        failed += check_case(lineno, line, (int)code, tab2 + 1, dir, cache, before.data);
    }
    print_message("%d bad-input cases, %d wrong\n", cases, failed);
    assert_true(cases >= 40);

    free(manifest);
    free(cache);
    nb_buf_release(&before);
    nb_buf_release(&manifest_path);
    if (failed)
        fail_msg("%d of %d bad-input cases are handled wrongly (listed above)", failed, cases);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_inputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
