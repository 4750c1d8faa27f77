#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "speech/resample.h"

#define PI 3.14159265358979323846

/* n frames of a sine at `hz` (channel c at amplitude amp / (c + 1)). */
static float *sine(unsigned rate, unsigned channels, size_t n, double hz, double amp)
{
    float *s = malloc(n * channels * sizeof(float));
    for (size_t i = 0; i < n; i++)
        for (unsigned c = 0; c < channels; c++)
            s[i * channels + c] = (float)(amp / (c + 1) * sin(2 * PI * hz * (double)i / rate));
    return s;
}

/* Resamples in[0..nin) feeding pieces of the sizes in `steps` (cycled; a
 * single 0 means all at once); returns the output, *nout its frames. */
static float *run(struct nb_resampler *r, unsigned channels, const float *in, size_t nin,
                  const size_t *steps, size_t nsteps, size_t *nout)
{
    size_t alloc = nin * 4 + 100000, n = 0;
    float *out = malloc(alloc * channels * sizeof(float));
    struct nb_error err;
    size_t k = 0;
    for (size_t off = 0; off < nin; k++) {
        size_t step = steps[k % nsteps] ? steps[k % nsteps] : nin;
        size_t m = nin - off < step ? nin - off : step;
        size_t cap = nb_resampler_out_max(r, m), got;
        assert_true(n + cap <= alloc);
        assert_int_equal(
            nb_resampler_process(r, in + off * channels, m, out + n * channels, cap, &got, &err),
            NB_OK);
        assert_true(got <= cap);
        n += got;
        off += m;
    }
    for (size_t got = 1; got;) {
        assert_int_equal(nb_resampler_flush(r, out + n * channels, 1000, &got, &err), NB_OK);
        n += got;
    }
    *nout = n;
    return out;
}

/* RMS and zero crossings of channel c over frames [from, to). */
static double rms(const float *s, unsigned channels, unsigned c, size_t from, size_t to)
{
    double sum = 0;
    for (size_t i = from; i < to; i++)
        sum += (double)s[i * channels + c] * s[i * channels + c];
    return sqrt(sum / (double)(to - from));
}

static size_t crossings(const float *s, unsigned channels, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from + 1; i < to; i++)
        n += (s[(i - 1) * channels] < 0) != (s[i * channels] < 0);
    return n;
}

static void check_sine(unsigned in_rate, unsigned out_rate, unsigned channels)
{
    size_t nin = (size_t)in_rate * 2;
    float *in = sine(in_rate, channels, nin, 1000.0, 0.5);
    struct nb_resampler *r;
    struct nb_error err;
    assert_int_equal(nb_resampler_new(&r, in_rate, out_rate, channels, &err), NB_OK);
    size_t nout, all = 0;
    float *out = run(r, channels, in, nin, &all, 1, &nout);
    size_t want = (size_t)llround((double)nin * out_rate / in_rate);
    assert_true(nout + 2 >= want && nout <= want + 2);
    /* a steady second in the middle: one period is 1 ms */
    size_t from = out_rate / 2, to = from + out_rate;
    double hz = (double)crossings(out, channels, from, to) / 2.0;
    assert_true(fabs(hz - 1000.0) <= 1.0);
    for (unsigned c = 0; c < channels; c++) {
        double want_rms = rms(in, channels, c, in_rate / 2, in_rate / 2 + in_rate);
        double db = 20 * log10(rms(out, channels, c, from, to) / want_rms);
        assert_true(fabs(db) < 0.1);
    }
    /* the sine keeps its phase: no shift in time (libsoxr removes its delay) */
    double t = (double)from / out_rate;
    assert_true(fabs(out[from * channels] - 0.5 * sin(2 * PI * 1000.0 * t)) < 0.01);
    nb_resampler_free(r);
    free(in);
    free(out);
}

static void test_sine_22050_to_48000(void **state)
{
    (void)state;
    check_sine(22050, 48000, 1);
    check_sine(22050, 44100, 2);
    check_sine(48000, 22050, 1);
}

static void test_chunks_equal_one_shot(void **state)
{
    (void)state;
    size_t nin = 22050 * 3 + 11;
    float *in = sine(22050, 2, nin, 440.0, 0.8);
    struct nb_resampler *a, *b;
    assert_int_equal(nb_resampler_new(&a, 22050, 48000, 2, NULL), NB_OK);
    assert_int_equal(nb_resampler_new(&b, 22050, 48000, 2, NULL), NB_OK);
    size_t all = 0, steps[] = {1, 7, 100, 4096, 333, 65536, 2};
    size_t na, nb;
    float *oa = run(a, 2, in, nin, &all, 1, &na);
    float *ob = run(b, 2, in, nin, steps, sizeof(steps) / sizeof(steps[0]), &nb);
    assert_int_equal(na, nb);
    assert_int_equal(na, (size_t)llround(nin * 48000.0 / 22050));
    double worst = 0;
    for (size_t i = 0; i < na * 2; i++)
        worst = fmax(worst, fabs((double)oa[i] - ob[i]));
    assert_true(worst <= 1e-6);
    nb_resampler_free(a);
    nb_resampler_free(b);
    free(in);
    free(oa);
    free(ob);
}

/* A small output buffer: what does not fit comes out later, nothing lost. */
static void test_small_output_buffer(void **state)
{
    (void)state;
    for (unsigned out_rate = 22050; out_rate <= 48000; out_rate += 48000 - 22050) {
        size_t nin = 10000;
        float *in = sine(22050, 1, nin, 300.0, 0.5);
        struct nb_resampler *r;
        assert_int_equal(nb_resampler_new(&r, 22050, out_rate, 1, NULL), NB_OK);
        float *out = malloc(sizeof(float) * 40000);
        size_t n = 0, got;
        for (size_t off = 0; off < nin; off += 1000) {
            assert_int_equal(nb_resampler_process(r, in + off, 1000, out + n, 50, &got, NULL),
                             NB_OK);
            assert_true(got <= 50);
            n += got;
        }
        do {
            assert_int_equal(nb_resampler_flush(r, out + n, 64, &got, NULL), NB_OK);
            n += got;
        } while (got);
        assert_int_equal(n, (size_t)llround(nin * (double)out_rate / 22050));
        if (out_rate == 22050)
            assert_memory_equal(out, in, nin * sizeof(float)); /* a plain copy */
        /* nothing after the end */
        struct nb_error err;
        assert_int_equal(nb_resampler_process(r, in, 10, out, 50, &got, &err), NB_EINTERNAL);
        nb_resampler_free(r);
        free(in);
        free(out);
    }
}

static void test_bad_arguments(void **state)
{
    (void)state;
    struct nb_resampler *r = (struct nb_resampler *)&r;
    struct nb_error err;
    assert_int_equal(nb_resampler_new(&r, 0, 48000, 1, &err), NB_EINPUT);
    assert_null(r);
    assert_string_equal(err.message,
                        "cannot resample from 0 Hz to 48000 Hz (use 1000 to 384000 Hz)");
    assert_int_equal(nb_resampler_new(&r, 22050, 48000, 0, &err), NB_EINPUT);
    assert_int_equal(nb_resampler_new(&r, 22050, 48000, 9, &err), NB_EINPUT);
    nb_resampler_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sine_22050_to_48000),
        cmocka_unit_test(test_chunks_equal_one_shot),
        cmocka_unit_test(test_small_output_buffer),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
