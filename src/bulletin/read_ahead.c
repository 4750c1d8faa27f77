/* read_ahead.c - items made ahead of their use, on threads of their own. */
#include "bulletin/read_ahead.h"

#include <stdlib.h>
#include <string.h>

enum { WAITING, MAKING, MADE };

/* Under the lock: the first waiting item that may be started, or n. */
static size_t startable(struct nb_read_ahead *ra)
{
    while (ra->next < ra->limit && ra->state[ra->next] != WAITING)
        ra->next++;
    return ra->next < ra->limit ? ra->next : ra->n;
}

/* Under the lock: makes item i, the lock released while it is made. */
static void make_locked(struct nb_read_ahead *ra, size_t i)
{
    ra->state[i] = MAKING;
    pthread_mutex_unlock(&ra->lock);
    ra->make(ra->ctx, i);
    pthread_mutex_lock(&ra->lock);
    ra->state[i] = MADE;
    if (ra->caller_waits) /* a wake-up costs: only when someone waits */
        pthread_cond_signal(&ra->made);
}

static void *thread_main(void *arg)
{
    struct nb_read_ahead *ra = arg;
    pthread_mutex_lock(&ra->lock);
    while (!ra->stopping) {
        size_t i = startable(ra);
        if (i < ra->n) {
            make_locked(ra, i);
        } else {
            ra->idle++;
            pthread_cond_wait(&ra->work, &ra->lock);
            ra->idle--;
        }
    }
    pthread_mutex_unlock(&ra->lock);
    return NULL;
}

void nb_read_ahead_start(struct nb_read_ahead *ra, size_t n, unsigned jobs, size_t window,
                         nb_read_ahead_fn make, void *ctx)
{
    memset(ra, 0, sizeof(*ra));
    ra->make = make;
    ra->ctx = ctx;
    ra->n = n;
    ra->window = window;
    unsigned want = jobs > 1 ? jobs - 1 : 0;
    if (want > NB_READ_AHEAD_THREADS)
        want = NB_READ_AHEAD_THREADS;
    if (want > n)
        want = (unsigned)n;
    if (!want || !(ra->state = calloc(n, 1)))
        return;
    pthread_mutex_init(&ra->lock, NULL);
    pthread_cond_init(&ra->work, NULL);
    pthread_cond_init(&ra->made, NULL);
    while (ra->nthreads < want &&
           pthread_create(&ra->threads[ra->nthreads], NULL, thread_main, ra) == 0)
        ra->nthreads++;
}

void nb_read_ahead_get(struct nb_read_ahead *ra, size_t i)
{
    if (!ra->state) { /* no threads: made now, as without read-ahead */
        ra->make(ra->ctx, i);
        return;
    }
    pthread_mutex_lock(&ra->lock);
    size_t limit = ra->n - i > ra->window ? i + 1 + ra->window : ra->n;
    if (limit > ra->limit) {
        ra->limit = limit;
        if (ra->idle)
            pthread_cond_broadcast(&ra->work);
    }
    /* the caller makes what is waiting, in order, rather than wait idle:
     * item i first when no thread has it yet */
    while (ra->state[i] != MADE) {
        size_t k = ra->state[i] == WAITING ? i : startable(ra);
        if (k < ra->n) {
            make_locked(ra, k);
        } else {
            ra->caller_waits = 1;
            pthread_cond_wait(&ra->made, &ra->lock);
            ra->caller_waits = 0;
        }
    }
    pthread_mutex_unlock(&ra->lock);
}

void nb_read_ahead_stop(struct nb_read_ahead *ra)
{
    if (!ra->state)
        return;
    pthread_mutex_lock(&ra->lock);
    ra->stopping = 1;
    pthread_cond_broadcast(&ra->work);
    pthread_mutex_unlock(&ra->lock);
    for (unsigned t = 0; t < ra->nthreads; t++)
        pthread_join(ra->threads[t], NULL);
    pthread_mutex_destroy(&ra->lock);
    pthread_cond_destroy(&ra->work);
    pthread_cond_destroy(&ra->made);
    free(ra->state);
    ra->state = NULL;
}
