/* read_ahead.h - items made ahead of their use, on threads of their own.
 *
 * A caller that uses items 0, 1, 2... in order, each made by a function
 * that needs nothing but its index (reading and parsing one article), can
 * have the next ones made on other threads while it uses one:
 * nb_read_ahead_get(i) returns once item i is made, and meanwhile lets up
 * to `jobs` items at a time be made, no further than `window` items past i.
 * The caller stops asking whenever it likes (a bulletin that has its
 * stories); items made past the last one asked for are at most `window`,
 * and are the caller's to release like the others.
 *
 * What is made does not depend on the number of threads: `make` must be
 * safe to run on several threads at once, write only its own item and
 * read nothing another item writes.  With one job, or when no thread can be
 * started, each item is made on the caller's thread when it is asked for,
 * exactly as without read-ahead.  The threads are joined by
 * nb_read_ahead_stop(), so none is left when the caller goes on to fork.
 */
#ifndef NB_BULLETIN_READ_AHEAD_H
#define NB_BULLETIN_READ_AHEAD_H

#include <pthread.h>
#include <stddef.h>

typedef void (*nb_read_ahead_fn)(void *ctx, size_t i);

#define NB_READ_AHEAD_THREADS 7 /* besides the caller's */

/* The caller holds it; its fields are read_ahead.c's. */
struct nb_read_ahead {
    nb_read_ahead_fn make;
    void *ctx;
    size_t n, window;
    unsigned char *state; /* per item: 0 waiting, 1 being made, 2 made;
                             NULL: no threads, each made when asked */
    size_t next;          /* no item before it is waiting */
    size_t limit;         /* items before it may be started */
    int stopping;
    unsigned idle;    /* threads waiting for work */
    int caller_waits; /* the caller waits for an item */
    pthread_mutex_t lock;
    pthread_cond_t work; /* an item may be started, or stop */
    pthread_cond_t made; /* an item was made */
    pthread_t threads[NB_READ_AHEAD_THREADS];
    unsigned nthreads;
};

/* Items 0..n-1 made by make(ctx, i), up to `jobs` at a time (the caller's
 * thread among them; at most NB_READ_AHEAD_THREADS others), at most
 * `window` past the one asked for.  Never fails: without memory or threads
 * it makes each item when asked. */
void nb_read_ahead_start(struct nb_read_ahead *ra, size_t n, unsigned jobs, size_t window,
                         nb_read_ahead_fn make, void *ctx);

/* Returns once item i (< n) is made, making it (or the waiting ones before
 * it) on the caller's thread when no other thread has started it.  Each
 * item is asked for at most once, in increasing order. */
void nb_read_ahead_get(struct nb_read_ahead *ra, size_t i);

/* Starts no other item, waits for those being made and joins the threads.
 * Items never made stay as the caller set them up. */
void nb_read_ahead_stop(struct nb_read_ahead *ra);

#endif
