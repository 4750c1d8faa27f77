#include "support.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sndfile.h>

#include "text/buf.h"
#include "text/file.h"

char *nb_test_fixture(const char *relpath, size_t *len)
{
    struct nb_buf path, data;
    struct nb_error err;
    nb_buf_init(&path, 0);
    nb_buf_init(&data, 0);
    nb_buf_addf(&path, "%s/%s", NB_TEST_FIXTURES, relpath);
    if (nb_file_read(path.data, 0, &data, &err) != NB_OK)
        fail_msg("fixture %s: %s", path.data, err.message);
    nb_buf_release(&path);
    return nb_buf_detach(&data, len);
}

char *nb_test_file(const char *path, size_t *len)
{
    struct nb_buf data;
    struct nb_error err;
    nb_buf_init(&data, 0);
    if (nb_file_read(path, 0, &data, &err) != NB_OK)
        fail_msg("%s: %s", path, err.message);
    return nb_buf_detach(&data, len);
}

char *nb_test_tmpdir(const char *name)
{
    struct nb_buf path;
    nb_buf_init(&path, 0);
    nb_buf_addf(&path, "%s/%s", NB_TEST_TMP, name);
    char cmd[4096];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", path.data);
    if (system(cmd) != 0)
        fail_msg("cannot clear %s", path.data);
    struct nb_error err;
    if (nb_file_mkdirs(path.data, &err) != NB_OK)
        fail_msg("%s", err.message);
    return nb_buf_detach(&path, NULL);
}

static void drain(int fd, struct nb_buf *b, int *open_fd)
{
    char tmp[65536];
    ssize_t n = read(fd, tmp, sizeof(tmp));
    if (n > 0)
        nb_buf_add(b, tmp, (size_t)n);
    else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        *open_fd = 0;
}

int nb_test_run(char *const argv[], const char *input, char **out, char **err)
{
    int pin[2], pout[2], perr[2];
    if (pipe(pin) < 0 || pipe(pout) < 0 || pipe(perr) < 0)
        fail_msg("pipe failed");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pin[0], 0);
        dup2(pout[1], 1);
        dup2(perr[1], 2);
        close(pin[0]); close(pin[1]); close(pout[0]);
        close(pout[1]); close(perr[0]); close(perr[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(pin[0]);
    close(pout[1]);
    close(perr[1]);
    signal(SIGPIPE, SIG_IGN);
    if (input) {
        size_t len = strlen(input), off = 0;
        while (off < len) {
            ssize_t n = write(pin[1], input + off, len - off);
            if (n <= 0)
                break;
            off += (size_t)n;
        }
    }
    close(pin[1]);
    struct nb_buf bo, be;
    nb_buf_init(&bo, 0);
    nb_buf_init(&be, 0);
    int oo = 1, eo = 1;
    while (oo || eo) {
        struct pollfd fds[2] = {{pout[0], POLLIN, 0}, {perr[0], POLLIN, 0}};
        fds[0].fd = oo ? pout[0] : -1;
        fds[1].fd = eo ? perr[0] : -1;
        if (poll(fds, 2, -1) < 0 && errno != EINTR)
            break;
        if (oo && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
            drain(pout[0], &bo, &oo);
        if (eo && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
            drain(perr[0], &be, &eo);
    }
    close(pout[0]);
    close(perr[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (out)
        *out = nb_buf_detach(&bo, NULL);
    if (err)
        *err = nb_buf_detach(&be, NULL);
    nb_buf_release(&bo);
    nb_buf_release(&be);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}

int nb_test_shared_exists(const char *name)
{
    char path[4096];
    struct stat st;
    snprintf(path, sizeof(path), "%s/data/%s", NB_TEST_SHARED, name);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

double nb_test_wav_seconds(const char *path)
{
    SF_INFO info;
    memset(&info, 0, sizeof(info));
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    if (!f)
        fail_msg("%s: %s", path, sf_strerror(NULL));
    sf_close(f);
    return (double)info.frames / (double)info.samplerate;
}
