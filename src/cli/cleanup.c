/* cleanup.c - temporary files removed when SIGINT or SIGTERM stops the
 * program mid-write.
 *
 * The library tells (text/file.h, struct nb_temp_hook) of each temporary
 * file it makes and removes; the paths are kept here, in fixed storage a
 * signal handler may read, and the handler unlinks them (unlink() is
 * async-signal-safe), then dies of the same signal.  The program's own
 * state: one process, one set of files.  Child processes that make files
 * of their own (a batch's articles) are told too: the handler first sends
 * them the same signal and waits for them (kill() and waitpid() are
 * async-signal-safe), so that when the program is gone, so are they and
 * their files.  A child inherits this table: it acts only on the children
 * it started itself. */
#include "cli/cli.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLOTS 32 /* a bulletin's spool, encoder, sidecars staged and kept aside */
#define PATH_MAX_BYTES 4096

#define CHILDREN 64

static char paths[SLOTS][PATH_MAX_BYTES];
static volatile sig_atomic_t used[SLOTS];
static volatile pid_t children[CHILDREN]; /* 0: a free slot */
static volatile pid_t parents[CHILDREN];  /* who started each */

static void on_signal(int sig)
{
    int saved = errno;
    pid_t me = getpid();
    for (int i = 0; i < CHILDREN; i++)
        if (children[i] > 0 && parents[i] == me)
            kill(children[i], sig);
    for (int i = 0; i < CHILDREN; i++)
        if (children[i] > 0 && parents[i] == me)
            while (waitpid(children[i], NULL, 0) < 0 && errno == EINTR)
                ;
    errno = saved;
    for (int i = 0; i < SLOTS; i++)
        if (used[i])
            unlink(paths[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void tell(void *ctx, const char *path, int created)
{
    (void)ctx;
    size_t n = strlen(path);
    if (n >= PATH_MAX_BYTES)
        return;
    for (int i = 0; i < SLOTS; i++) {
        if (created && !used[i]) {
            memcpy(paths[i], path, n + 1);
            used[i] = 1;
            return;
        }
        if (!created && used[i] && strcmp(paths[i], path) == 0) {
            used[i] = 0;
            return;
        }
    }
}

static void tell_child(void *ctx, pid_t pid, int started)
{
    (void)ctx;
    for (int i = 0; i < CHILDREN; i++) {
        if (started && children[i] <= 0) {
            parents[i] = getpid();
            children[i] = pid;
            return;
        }
        if (!started && children[i] == pid) {
            children[i] = 0;
            return;
        }
    }
}

struct nb_temp_hook nb_cli_cleanup_on_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    return (struct nb_temp_hook){tell, NULL, tell_child};
}
