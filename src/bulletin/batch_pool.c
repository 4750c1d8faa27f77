/* batch_pool.c - jobs done in forked children, several at a time. */
#define _POSIX_C_SOURCE 200809L
#include "bulletin/batch_pool.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CHILDREN 64

struct child {
    pid_t pid;
    int fd;
    size_t job;
    struct nb_buf got;
    int eof;
};

/* Does the job in the child and exits: never returns. */
static void child_run(const struct nb_batch_pool_work *w, size_t job, int fd)
{
    struct nb_buf out;
    nb_buf_init(&out, 0);
    int rc = w->run(w->ctx, job, &out);
    if (rc == 0 && nb_fd_write_all(fd, out.data ? out.data : "", out.len) != 0)
        rc = 1;
    _exit(rc == 0 ? 0 : 1); /* nothing of the parent's is flushed or freed twice */
}

static nb_status start(const struct nb_batch_pool_work *w, struct child *run, unsigned *nrun,
                       size_t job, struct nb_error *err)
{
    int fds[2];
    if (pipe(fds) < 0)
        return nb_error_set(err, NB_EIO, "cannot start a process for an article: %s",
                            strerror(errno));
    if (w->starting)
        w->starting(w->ctx, job);
    fflush(NULL); /* nothing buffered is written twice */
    /* no signal between the fork and the front end knowing of the child */
    sigset_t stop, was;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    sigprocmask(SIG_BLOCK, &stop, &was);
    pid_t pid = fork();
    if (pid > 0)
        nb_temp_tell_child(w->temp, pid, 1);
    if (pid != 0)
        sigprocmask(SIG_SETMASK, &was, NULL);
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        return nb_error_set(err, NB_EIO, "cannot start a process for an article: %s",
                            strerror(e));
    }
    if (pid == 0) {
        sigprocmask(SIG_SETMASK, &was, NULL);
        close(fds[0]);
        for (unsigned i = 0; i < *nrun; i++)
            close(run[i].fd);
        child_run(w, job, fds[1]);
    }
    close(fds[1]);
    struct child *c = &run[(*nrun)++];
    c->pid = pid;
    c->fd = fds[0];
    c->job = job;
    c->eof = 0;
    nb_buf_init(&c->got, 0);
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
    return NB_OK;
}

static nb_status gather(struct child *c, struct nb_error *err)
{
    char chunk[4096];
    for (;;) {
        ssize_t k = read(c->fd, chunk, sizeof(chunk));
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0 && errno == EAGAIN)
            return NB_OK;
        if (k <= 0) {
            c->eof = 1;
            return NB_OK;
        }
        if (nb_buf_add(&c->got, chunk, (size_t)k) != NB_OK)
            return nb_error_set(err, NB_ENOMEM, "out of memory");
    }
}

/* Stops child c (when still running) and frees what it holds. */
static void reap(const struct nb_batch_pool_work *w, struct child *c, int kill_it)
{
    if (c->pid > 0) {
        if (kill_it)
            kill(c->pid, SIGTERM);
        while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
            ;
        nb_temp_tell_child(w->temp, c->pid, 0);
    }
    close(c->fd);
    nb_buf_release(&c->got);
}

nb_status nb_batch_pool_run(const struct nb_batch_pool_work *w, struct nb_error *err)
{
    struct child run[MAX_CHILDREN];
    struct pollfd pfd[MAX_CHILDREN];
    unsigned nrun = 0;
    unsigned most = w->children < 1 ? 1 : w->children > MAX_CHILDREN ? MAX_CHILDREN : w->children;
    size_t next = 0;
    nb_status rc = NB_OK;
    while (rc == NB_OK && (nrun || next < w->njobs)) {
        while (rc == NB_OK && nrun < most && next < w->njobs)
            rc = start(w, run, &nrun, next++, err);
        if (rc != NB_OK)
            break;
        for (unsigned i = 0; i < nrun; i++)
            pfd[i] = (struct pollfd){.fd = run[i].fd, .events = POLLIN};
        if (poll(pfd, nrun, -1) < 0 && errno != EINTR) {
            rc = nb_error_set(err, NB_EIO, "waiting for the articles' processes: %s",
                              strerror(errno));
            break;
        }
        for (unsigned i = 0; rc == NB_OK && i < nrun; i++) {
            struct child *c = &run[i];
            if (pfd[i].revents & (POLLIN | POLLHUP | POLLERR))
                rc = gather(c, err);
            if (rc != NB_OK || !c->eof)
                continue;
            int status = 0;
            while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
                ;
            nb_temp_tell_child(w->temp, c->pid, 0);
            c->pid = 0;
            char why[96];
            const char *failure = NULL;
            if (WIFSIGNALED(status)) {
                snprintf(why, sizeof(why), "the process making it crashed (signal %d)",
                         WTERMSIG(status));
                failure = why;
            } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                failure = "the process making it stopped";
            }
            rc = w->done(w->ctx, c->job, failure ? NULL : (c->got.data ? c->got.data : ""),
                         failure ? 0 : c->got.len, failure, err);
            reap(w, c, 0);
            run[i] = run[--nrun];
            i--;
        }
    }
    for (unsigned i = 0; i < nrun; i++)
        reap(w, &run[i], 1);
    return rc;
}
