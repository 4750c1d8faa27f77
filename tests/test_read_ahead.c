/* test_read_ahead.c - items made ahead of their use: each made once, in
 * time, on any number of threads, and no further ahead than the window. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bulletin/read_ahead.h"

#define N 200

struct items {
    pthread_t caller;
    int made[N];            /* times each item was made */
    unsigned long value[N]; /* what it made */
    int on_caller[N];       /* made on the caller's thread */
};

/* What item i is: some work, so that threads overlap. */
static unsigned long expected(size_t i)
{
    unsigned long v = i + 1;
    for (int k = 0; k < 2000; k++)
        v = v * 6364136223846793005ul + 1442695040888963407ul;
    return v;
}

static void make(void *ctx, size_t i)
{
    struct items *it = ctx;
    it->value[i] = expected(i);
    it->made[i]++;
    it->on_caller[i] = pthread_equal(pthread_self(), it->caller);
}

/* Items of this thread's, made by a read-ahead started on them. */
static struct items *start(struct nb_read_ahead *ra, unsigned jobs, size_t window)
{
    struct items *it = calloc(1, sizeof(*it));
    assert_non_null(it);
    it->caller = pthread_self();
    nb_read_ahead_start(ra, N, jobs, window, make, it);
    return it;
}

static size_t count_made(const struct items *it)
{
    size_t n = 0;
    for (size_t i = 0; i < N; i++)
        n += it->made[i] != 0;
    return n;
}

/* One job: each item made on the caller's thread when asked, none ahead. */
static void test_one_job(void **state)
{
    (void)state;
    struct nb_read_ahead ra;
    struct items *it = start(&ra, 1, 4);
    for (size_t i = 0; i < 10; i++) {
        nb_read_ahead_get(&ra, i);
        assert_int_equal(it->made[i], 1);
        assert_true(it->on_caller[i]);
        assert_int_equal(count_made(it), i + 1);
    }
    nb_read_ahead_stop(&ra);
    assert_int_equal(count_made(it), 10);
    free(it);
}

/* Several jobs: every item asked for is made once, with the value made
 * alone, and is there when get returns. */
static void test_all_items(void **state)
{
    (void)state;
    for (unsigned jobs = 2; jobs <= 9; jobs += 7) {
        struct nb_read_ahead ra;
        struct items *it = start(&ra, jobs, jobs - 1);
        for (size_t i = 0; i < N; i++) {
            nb_read_ahead_get(&ra, i);
            assert_int_equal(it->made[i], 1);
            assert_true(it->value[i] == expected(i));
        }
        nb_read_ahead_stop(&ra);
        for (size_t i = 0; i < N; i++)
            assert_int_equal(it->made[i], 1);
        free(it);
    }
}

/* Stopping early: nothing past the window of the last item asked for is
 * made, and what was being made is finished before stop returns. */
static void test_stop_early(void **state)
{
    (void)state;
    for (int round = 0; round < 20; round++) {
        struct nb_read_ahead ra;
        struct items *it = start(&ra, 3, 2);
        for (size_t i = 0; i < 5; i++)
            nb_read_ahead_get(&ra, i);
        nb_read_ahead_stop(&ra);
        assert_true(count_made(it) <= 5 + 2);
        for (size_t i = 0; i < N; i++) {
            assert_true(it->made[i] <= 1);
            if (it->made[i])
                assert_true(it->value[i] == expected(i));
        }
        free(it);
    }
}

/* Asked for out of step (a source skipped): the items before still made
 * at most once. */
static void test_skipping(void **state)
{
    (void)state;
    struct nb_read_ahead ra;
    struct items *it = start(&ra, 2, 1);
    nb_read_ahead_get(&ra, 0);
    nb_read_ahead_get(&ra, 7);
    assert_int_equal(it->made[7], 1);
    nb_read_ahead_get(&ra, N - 1);
    assert_int_equal(it->made[N - 1], 1);
    nb_read_ahead_stop(&ra);
    for (size_t i = 0; i < N; i++)
        assert_true(it->made[i] <= 1);
    free(it);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_job),
        cmocka_unit_test(test_all_items),
        cmocka_unit_test(test_stop_early),
        cmocka_unit_test(test_skipping),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
