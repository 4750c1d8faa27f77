#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "speech/pcm.h"

static void test_init_is_empty(void **state)
{
    (void)state;
    struct nb_pcm p;
    nb_pcm_init(&p, 22050);
    assert_null(p.samples);
    assert_int_equal(p.n, 0);
    assert_int_equal(p.rate, 22050);
    assert_true(nb_pcm_seconds(&p) == 0.0);
    nb_pcm_release(&p);
    nb_pcm_release(&p); /* twice is harmless */
    assert_int_equal(p.rate, 22050);
}

static void test_add_keeps_order(void **state)
{
    (void)state;
    struct nb_pcm p;
    nb_pcm_init(&p, 8000);
    int16_t chunk[1000];
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 1000; i++)
            chunk[i] = (int16_t)(round * 1000 + i - 20000);
        assert_int_equal(nb_pcm_add(&p, chunk, 1000), 0);
    }
    assert_int_equal(p.n, 50000);
    assert_true(p.alloc >= p.n);
    for (size_t i = 0; i < p.n; i++)
        assert_int_equal(p.samples[i], (int16_t)((int)i - 20000));
    assert_int_equal(nb_pcm_add(&p, chunk, 0), 0);
    assert_int_equal(p.n, 50000);
    nb_pcm_release(&p);
}

static void test_silence_and_seconds(void **state)
{
    (void)state;
    struct nb_pcm p;
    nb_pcm_init(&p, 22050);
    int16_t one = 100;
    assert_int_equal(nb_pcm_add(&p, &one, 1), 0);
    assert_int_equal(nb_pcm_add_silence_ms(&p, 1000), 0);
    assert_int_equal(p.n, 22051);
    assert_int_equal(nb_pcm_add_silence_ms(&p, 350), 0);
    assert_int_equal(p.n, 22051 + 7717); /* 22050 * 0.35, rounded down */
    assert_int_equal(nb_pcm_add_silence_ms(&p, 0), 0);
    assert_int_equal(p.samples[0], 100);
    for (size_t i = 1; i < p.n; i++)
        assert_int_equal(p.samples[i], 0);
    assert_true(nb_pcm_seconds(&p) > 1.35 && nb_pcm_seconds(&p) < 1.351);
    nb_pcm_release(&p);
}

static void test_too_large_fails_cleanly(void **state)
{
    (void)state;
    struct nb_pcm p;
    nb_pcm_init(&p, 22050);
    int16_t one = 1;
    assert_int_equal(nb_pcm_add(&p, &one, 1), 0);
    assert_int_equal(nb_pcm_add(&p, &one, SIZE_MAX / 2), NB_ENOMEM);
    assert_int_equal(nb_pcm_add(&p, &one, SIZE_MAX), NB_ENOMEM);
    assert_int_equal(p.n, 1); /* unchanged */
    assert_int_equal(p.samples[0], 1);
    nb_pcm_release(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_is_empty),
        cmocka_unit_test(test_add_keeps_order),
        cmocka_unit_test(test_silence_and_seconds),
        cmocka_unit_test(test_too_large_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
