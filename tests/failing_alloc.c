#include "failing_alloc.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void __real_free(void *p);

/* Test-only state: the test program is single-threaded. */
static int armed;
static long count, fail_at = -1;
static int fail_after;

/* The blocks allocated while armed and not yet freed: an open-addressing
 * set of pointers (deletion by backward shift). */
#define LIVE_SLOTS ((size_t)1 << 20)
static void *live[LIVE_SLOTS];
static long nlive;

static size_t slot_of(const void *p)
{
    uintptr_t h = (uintptr_t)p;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15ull;
    return (size_t)(h >> 20) & (LIVE_SLOTS - 1);
}

static void live_add(void *p)
{
    if (!p || nlive >= (long)(LIVE_SLOTS / 2))
        return;
    size_t i = slot_of(p);
    while (live[i])
        i = (i + 1) & (LIVE_SLOTS - 1);
    live[i] = p;
    nlive++;
}

static void live_remove(const void *p)
{
    if (!p || !nlive)
        return;
    size_t i = slot_of(p);
    while (live[i] && live[i] != p)
        i = (i + 1) & (LIVE_SLOTS - 1);
    if (!live[i])
        return; /* not one of ours */
    live[i] = NULL;
    nlive--;
    /* shift back the entries that probed past the hole */
    size_t j = i;
    for (;;) {
        j = (j + 1) & (LIVE_SLOTS - 1);
        if (!live[j])
            return;
        size_t home = slot_of(live[j]);
        int between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!between) {
            live[i] = live[j];
            live[j] = NULL;
            i = j;
        }
    }
}

void nb_test_alloc_arm(long at, int after)
{
    count = 0;
    fail_at = at;
    fail_after = after;
    armed = 1;
}

long nb_test_alloc_disarm(void)
{
    armed = 0;
    return count;
}

long nb_test_alloc_live(void)
{
    return nlive;
}

/* 1 when this allocation must fail. */
static int fails(void)
{
    if (!armed)
        return 0;
    long n = count++;
    return fail_at >= 0 && (n == fail_at || (fail_after && n > fail_at));
}

void *__wrap_malloc(size_t n)
{
    if (fails())
        return NULL;
    void *p = __real_malloc(n);
    if (armed)
        live_add(p);
    return p;
}

void *__wrap_calloc(size_t n, size_t size)
{
    if (fails())
        return NULL;
    void *p = __real_calloc(n, size);
    if (armed)
        live_add(p);
    return p;
}

void *__wrap_realloc(void *old, size_t n)
{
    if (fails())
        return NULL;
    void *p = __real_realloc(old, n);
    if (p) {
        int ours = 0;
        if (old) {
            long before = nlive;
            live_remove(old);
            ours = nlive < before;
        }
        if (armed || ours)
            live_add(p);
    }
    return p;
}

void __wrap_free(void *p)
{
    live_remove(p);
    __real_free(p);
}
