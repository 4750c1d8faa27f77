/* cleanup.c - temporary files removed when SIGINT or SIGTERM stops the
 * program mid-write.
 *
 * The library tells (text/file.h, struct nb_temp_hook) of each temporary
 * file it makes and removes; the paths are kept here, in fixed storage a
 * signal handler may read, and the handler unlinks them (unlink() is
 * async-signal-safe), then dies of the same signal.  The program's own
 * state: one process, one set of files. */
#include "cli/cli.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

#define SLOTS 16
#define PATH_MAX_BYTES 4096

static char paths[SLOTS][PATH_MAX_BYTES];
static volatile sig_atomic_t used[SLOTS];

static void on_signal(int sig)
{
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

struct nb_temp_hook nb_cli_cleanup_on_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    return (struct nb_temp_hook){tell, NULL};
}
